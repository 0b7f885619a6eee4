"""Every path the project uses, derived from this file so nothing depends on the working directory.

>>> from newsprism import paths
>>> paths.BUNDLED_CORPUS.name
'kim_putin_letters_2026'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # lib/newsprism (this file: core/paths.py)
NLTK_DATA = PACKAGE / "nltk_data"
PACKAGE_DATA = PACKAGE / "data"

# The repository layout (lib/newsprism -> repo root). When installed as a wheel these
# folders may not exist; callers that need them check and say so.
ROOT = PACKAGE.parent.parent
DATA = ROOT / "data"
CORPORA = DATA / "corpora"
CODEBOOKS = DATA / "codebooks"
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
