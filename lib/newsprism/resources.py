"""Offline NLP resources: the package's own ``nltk_data`` folder and the news Punkt model.

Nothing here touches the network. Importing :mod:`newsprism` puts ``NLTK_DATA`` first on
``nltk.data.path``, so ``nltk.sent_tokenize`` and TextBlob's ``.sentences`` find the
``punkt_tab/english`` parameters that ship inside the package.

>>> from newsprism import resources
>>> "u.s" in resources.NEWS_ABBREVIATIONS
True
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprism.paths import NLTK_DATA

PUNKT_DIR = NLTK_DATA / "tokenizers" / "punkt_tab" / "english"

# Punkt stores abbreviations lower-cased and without their final period. "no" is left out on
# purpose ("The answer was no. Russia ..."); newsprism.text re-joins "No. 10" itself.
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


def register_nltk_data() -> None:
    """Put the package's ``nltk_data`` first on ``nltk.data.path`` (idempotent)."""
    import nltk

    here = str(NLTK_DATA)
    if here in nltk.data.path:
        nltk.data.path.remove(here)
    nltk.data.path.insert(0, here)


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
