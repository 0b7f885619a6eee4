"""Every path the project uses, derived from this file so nothing depends on the working directory.

>>> from newsprism.core import paths
>>> paths.BUNDLED_CORPUS.name
'kim_putin_letters_2026'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent.parent  # lib/newsprism (this file: core/paths.py)
NLTK_DATA = PACKAGE / "nltk_data"
PACKAGE_DATA = PACKAGE / "data"
# Codebooks and lexicons ship inside the package, so an installed newsprism finds them.
CODEBOOKS = PACKAGE_DATA / "codebooks"

# The repository layout (lib/newsprism -> repo root). When installed as a wheel these
# folders may not exist; callers that need them check and say so.
ROOT = PACKAGE.parent.parent
DATA = ROOT / "data"
CORPORA = DATA / "corpora"
GOLD = DATA / "gold"  # hand-made gold data of the bundled corpus and its tests
BUNDLED_CORPUS = CORPORA / "kim_putin_letters_2026"
NOTEBOOKS = ROOT / "notebooks"
OUTPUTS = ROOT / "outputs"
CACHE = OUTPUTS / "cache"
EXTERNAL_CACHE = ROOT / ".cache"  # downloaded validation data (git-ignored)

# Gold data that lives next to the repository, never inside it (NEWSPRISM_SHARED overrides).
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "datasets" / "polnear"


def resolve_inside(path: str | Path, root: str | Path) -> Path | None:
    """The real path of ``path`` when it lies inside ``root`` once symlinks and ``..`` are
    resolved; None otherwise (also for a path that cannot be resolved, e.g. a symlink loop).
    Whatever reads a corpus reads only such paths: a corpus folder never leads outside itself.

    >>> resolve_inside(BUNDLED_CORPUS / ".." / "x", BUNDLED_CORPUS) is None
    True
    """
    try:
        real = Path(path).resolve()
        return real if real.is_relative_to(Path(root).resolve()) else None
    except (OSError, RuntimeError):
        return None


def files_inside(root: str | Path) -> list[Path]:
    """Files below the folder ``root`` (sorted), leaving out links that lead outside it."""
    root = Path(root)
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and resolve_inside(p, root) is not None)


# A user's path parameter (a codebook file) resolves against the directory the command runs in.
CWD_VARIABLE = "NEWSPRISM_CWD"  # the runner's working directory, set in the kernel's env
_YAML_SUFFIXES = (".yml", ".yaml")


def _looks_like_path(value: str) -> bool:
    return (value.lower().endswith(_YAML_SUFFIXES) or "/" in value or os.sep in value
            or value.startswith((".", "~")))


def resolve_user_path(value: Any, base: str | Path | None = None) -> Any:
    """``value`` unchanged when it is empty or a name (``"story"``), else an absolute path.

    A relative path is joined to ``base``, else to ``$NEWSPRISM_CWD`` (the report runner's
    working directory), else to the current directory. Whether the file exists is left to
    the loader, which names the resolved path in its error.
    """
    if not isinstance(value, str) or not value.strip() or not _looks_like_path(value.strip()):
        return value
    path = Path(value.strip()).expanduser()
    if not path.is_absolute():
        root = Path(base) if base else Path(os.environ.get(CWD_VARIABLE) or Path.cwd())
        path = root / path
    return str(Path(os.path.normpath(path)))


def codebook_file(text: str, named: dict[str, str]) -> Path | None:
    """The file a codebook parameter names: a shipped codebook by name (``named``: name ->
    file in ``CODEBOOKS``), or the user's YAML file (a ``.yml``/``.yaml`` path, or any path
    that exists, resolved as :func:`resolve_user_path` does); None when ``text`` is neither.
    One definition for every codebook kind; each caller words its own "unknown name" error.

    Raises ``FileNotFoundError`` (naming the resolved path) for a YAML path that is no file.

    >>> codebook_file("generic", {"generic": "frames_generic.yml"}).name
    'frames_generic.yml'
    >>> codebook_file("no such name", {}) is None
    True
    """
    if text in named:
        return CODEBOOKS / named[text]
    candidate = Path(resolve_user_path(text)).expanduser()
    if candidate.suffix.lower() in _YAML_SUFFIXES or candidate.exists():
        if not candidate.is_file():
            raise FileNotFoundError(str(candidate))
        return candidate
    return None
