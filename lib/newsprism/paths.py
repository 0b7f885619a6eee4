"""Every path the project uses, derived from this file so nothing depends on the working directory.

>>> from newsprism import paths
>>> paths.BUNDLED_CORPUS.name
'kim_putin_letters_2026'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
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
