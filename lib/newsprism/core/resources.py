"""Offline NLP resources: the package's own ``nltk_data`` folder and the news Punkt model.

Nothing here touches the network. Importing :mod:`newsprism` puts the package's folder first
on ``nltk.data.path`` (:func:`announce_nltk_data`), so ``nltk.sent_tokenize`` and TextBlob's
``.sentences`` find the ``punkt_tab/english`` parameters that ship inside the package. It does
so without importing NLTK (whose import costs over a second), through the ``NLTK_DATA``
variable NLTK reads when it is first imported.

>>> from newsprism.core import resources
>>> "u.s" in resources.NEWS_ABBREVIATIONS
True
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import stat
import sys
import tempfile
import threading
import types
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newsprism.core.paths import NLTK_DATA

PUNKT_DIR = NLTK_DATA / "tokenizers" / "punkt_tab" / "english"

# Punkt stores abbreviations lower-cased and without their final period. "no" is left out on
# purpose ("The answer was no. Russia ..."); newsprism.core.text re-joins "No. 10" itself.
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms messrs dr prof rev hon sen sens rep reps gov lt col gen maj capt cmdr adm sgt cpl pvt
    pres supt det insp amb atty jr sr st ste mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m u.s u.k u.n u.s.a e.u d.c n.y l.a n.j d.p.r.k u.s.s.r
    inc corp co ltd llc plc bros dept div univ assn est
    vol vols pp fig approx etc vs v e.g i.e cf al ca brig
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# Capitalised words that, after an abbreviation such as "U.S.", start a new sentence.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    the a an but and he she it they we i this that these those there his her its their
    in on at for if when while after before as however meanwhile still yet so then
    according although because since despite during many some most
    """.split()
)


def write_punkt_tab(directory: Path = PUNKT_DIR) -> Path:
    """Write the news Punkt parameter set (``punkt_tab`` format) into ``directory``.

    >>> from tempfile import mkdtemp
    >>> (write_punkt_tab(Path(mkdtemp())) / "abbrev_types.txt").exists()
    True
    """
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "abbrev_types.txt").write_text("\n".join(sorted(NEWS_ABBREVIATIONS)) + "\n")
    (directory / "sent_starters.txt").write_text("\n".join(sorted(SENTENCE_STARTERS)) + "\n")
    (directory / "collocations.tab").write_text("")
    (directory / "ortho_context.tab").write_text("")
    return directory


def _is_private(path: Path) -> bool:
    """True when NLTK would trust ``path``: owned by this account or root, and not writable
    by group or others (NLTK >= 3.9 refuses data another account could have planted)."""
    if os.name != "posix":
        return True
    info = path.lstat()
    return info.st_uid in (os.geteuid(), 0) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _tree_is_private(root: Path) -> bool:
    return all(_is_private(p) for p in [root, *root.rglob("*")])


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _private_copy(source: Path) -> Path:
    """A copy of ``source`` that NLTK trusts whatever the checkout's umask or owner: under the
    user's cache folder (the temporary folder if that cannot be written), named by content,
    directories 0700 and files 0600 whatever the umask. Made once, then reused."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism"
    fallback = Path(tempfile.gettempdir()) / f"newsprism-{os.geteuid()}"
    name = f"nltk_data-{_tree_digest(source)}"
    for base in (cache, fallback):
        target = base / name
        try:
            if target.is_dir() and _tree_is_private(target):
                return target
            base.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".nltk_data-", dir=base))  # mode 0700
            for item in sorted(source.rglob("*")):
                copy = staging / item.relative_to(source)
                if item.is_dir():
                    copy.mkdir()
                    copy.chmod(0o700)
                elif item.is_file():
                    copy.write_bytes(item.read_bytes())
                    copy.chmod(0o600)
            if target.exists():  # not private: someone else's files, never trusted
                shutil.rmtree(target)
            try:
                staging.rename(target)
            except OSError:  # another process (a parallel kernel) made it first
                shutil.rmtree(staging, ignore_errors=True)
            if _tree_is_private(target):
                return target
        except OSError:
            continue
    return source  # NLTK then names the problem itself


def nltk_data_dir() -> Path:
    """The ``nltk_data`` folder to register: the package's own when NLTK trusts it (the usual
    case), else a private copy (a group-writable checkout made under ``umask 002``, or one
    owned by a colleague)."""
    return NLTK_DATA if _tree_is_private(NLTK_DATA) else _private_copy(NLTK_DATA)


def register_nltk_data() -> None:
    """Put the package's ``nltk_data`` first on ``nltk.data.path`` (idempotent)."""
    import nltk

    here = str(nltk_data_dir())
    for known in {str(NLTK_DATA), here}:
        while known in nltk.data.path:
            nltk.data.path.remove(known)
    nltk.data.path.insert(0, here)


def announce_nltk_data() -> None:
    """Make the package's ``nltk_data`` (or its private copy) the first folder NLTK searches,
    without importing NLTK: first on ``NLTK_DATA``, which ``nltk.data`` reads when imported;
    if NLTK is already imported, first on ``nltk.data.path`` (:func:`register_nltk_data`).
    Idempotent; NLTK's own search order for the other folders is kept."""
    if "nltk.data" in sys.modules:
        register_nltk_data()
        return
    here = str(nltk_data_dir())
    others = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep)
              if p and p not in (here, str(NLTK_DATA))]
    os.environ["NLTK_DATA"] = os.pathsep.join([here, *others])


_ISOLATED_LOCK = threading.Lock()
_TEXTBLOB_PATTERN: list[tuple[types.ModuleType, types.ModuleType]] = []


@contextlib.contextmanager
def _without_package_init(root: str, packages: tuple[str, ...]) -> Iterator[None]:
    """Within the block, the ``packages`` of ``root`` (``root`` itself first) are stood in for
    by empty package objects pointing at their own folders, so their submodules import without
    running the packages' ``__init__``; afterwards every ``root`` entry is taken out of
    ``sys.modules`` again, so a later ``import root`` loads the real package as if this never
    ran. Only for a ``root`` not imported yet (callers hold ``_ISOLATED_LOCK``)."""
    folder = Path(find_spec(root).submodule_search_locations[0])
    for name in packages:
        package = types.ModuleType(name)
        package.__path__ = [str(folder.joinpath(*name.split(".")[1:]))]
        sys.modules[name] = package
    try:
        yield
    finally:
        for name in [m for m in sys.modules if m == root or m.startswith(root + ".")]:
            del sys.modules[name]


def punkt_tokenizer(language: str = "english") -> Any:
    """NLTK's ``PunktTokenizer`` for ``language``, with the package's parameters, loaded
    without running ``nltk/__init__.py`` when NLTK is not imported yet.

    That ``__init__`` imports all of NLTK, SciPy and scikit-learn included (over a second of
    CPU), while Punkt needs a dozen small modules (about 0.1 s). So the ``nltk`` and
    ``nltk.tokenize`` packages are stood in for by empty package objects pointing at NLTK's
    own folders while ``nltk.tokenize.punkt`` loads, and every ``nltk`` entry is then taken
    out of ``sys.modules`` again: a later ``import nltk`` (TextBlob, the NLTK VADER engine)
    loads the real package as if this never ran. The tokenizer is NLTK's own class and
    parameter files, so the splits are identical (tests/core/test_punkt_isolated.py).
    """
    with _ISOLATED_LOCK:
        if "nltk" in sys.modules:  # already paid for: use the real package
            register_nltk_data()
            from nltk.tokenize.punkt import PunktTokenizer

            return PunktTokenizer(language)
        announce_nltk_data()
        with _without_package_init("nltk", ("nltk", "nltk.tokenize")):
            from nltk.tokenize.punkt import PunktTokenizer

            return PunktTokenizer(language)


def textblob_pattern() -> tuple[types.ModuleType, types.ModuleType]:
    """TextBlob's pattern modules ``textblob._text`` (the scorer's code) and ``textblob.en``
    (its English lexicon and ``sentiment`` scorer), loaded without running
    ``textblob/__init__.py`` when TextBlob is not imported yet.

    That ``__init__`` imports ``textblob.blob`` and with it all of NLTK, SciPy included (over a
    second of CPU, paid by every annotating process before its first sentence score), while the
    two pattern modules need only the standard library. Same files, so the same scores
    (tests/sentiment/test_sentiment.py compares them with TextBlob's own analyzer).

    >>> text_module, en = textblob_pattern()
    >>> en.sentiment("A great day.")[0] > 0
    True
    """
    with _ISOLATED_LOCK:
        if not _TEXTBLOB_PATTERN:  # one pair per process: the lexicon is loaded once
            if "textblob" in sys.modules:
                from textblob import _text, en
            else:
                with _without_package_init("textblob", ("textblob",)):
                    from textblob import _text, en
            _TEXTBLOB_PATTERN.append((_text, en))
        return _TEXTBLOB_PATTERN[0]


def vader_lexicon_path() -> Path:
    """The VADER lexicon file that ships inside the vaderSentiment package."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild the packaged Punkt parameters.")
    parser.add_argument("--out", type=Path, default=PUNKT_DIR)
    args = parser.parse_args(argv)
    print(write_punkt_tab(args.out))


if __name__ == "__main__":
    main()
