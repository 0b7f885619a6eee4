"""Provenance of a run: parameters, input hashes, package versions, git commit, run time.

The last cell of every notebook shows ``provenance_table(params)``; the report runner writes
the same facts (as JSON) into ``manifest.json``.

>>> from newsprism.core.provenance import provenance_table
>>> table = provenance_table({"corpus": ""})
>>> sorted(table["section"].unique())
['git', 'input', 'package', 'parameter', 'run']
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.core import paths

if TYPE_CHECKING:  # pandas loads with the first table, not with the report runner
    import pandas as pd

PROVENANCE_COLUMNS = ["section", "name", "value"]

# Packages whose version changes a result (NLP engines, tables, execution, plots).
KEY_PACKAGES: tuple[str, ...] = (
    "newsprism", "pandas", "numpy", "scipy", "scikit-learn", "nltk", "textblob",
    "vaderSentiment", "py3langid", "trafilatura", "rapidfuzz", "pyarrow", "matplotlib",
    "papermill", "nbconvert", "nbclient", "ipykernel", "jupytext",
)

# Files that never influence a result (editor and OS litter).
_IGNORED_NAMES = {".DS_Store", "Thumbs.db"}
_IGNORED_DIRS = {"__pycache__", ".ipynb_checkpoints", ".git"}


def corpus_name(path: str | Path | None) -> str:
    """The corpus's name for captions and readings, never a machine path (a report is shared;
    the provenance table and ``manifest.json`` keep the full path): the folder's name, a
    file's name, or the bundled corpus's name when ``path`` is empty.

    >>> corpus_name(""), corpus_name("/home/ann/data/my_news/"), corpus_name("x/feed.jsonl")
    ('kim_putin_letters_2026', 'my_news', 'feed.jsonl')
    >>> corpus_name("/srv/corpora/ukraine/manifest.csv")
    'ukraine'
    """
    if path in (None, ""):
        return paths.BUNDLED_CORPUS.name
    path = Path(str(path).rstrip("/\\") or "/")
    if path.name.lower() == "manifest.csv":
        path = path.parent
    return path.name or str(path)


def sha256_file(path: str | Path, chunk_size: int = 1 << 20) -> str:
    """SHA-256 hex digest of a file, read in chunks so large corpora do not fill memory.

    >>> from tempfile import NamedTemporaryFile
    >>> with NamedTemporaryFile("w", delete=False) as f:
    ...     _ = f.write("abc")
    >>> sha256_file(f.name)[:12]
    'ba7816bf8f01'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(chunk_size), b""):
            digest.update(block)
    return digest.hexdigest()


def input_files(path: str | Path | None) -> list[Path]:
    """Every file that makes up an input: the file itself, or all files below a folder (sorted).

    ``None`` or ``""`` means the bundled corpus.
    """
    path = Path(path) if path else paths.BUNDLED_CORPUS
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return [p for p in paths.files_inside(path)
            if p.name not in _IGNORED_NAMES
            and not _IGNORED_DIRS.intersection(p.relative_to(path).parts)]


def input_hashes(path: str | Path | None) -> dict[str, str]:
    """``{relative file name: sha256}`` for every file of an input (file or folder).

    >>> hashes = input_hashes("")            # the bundled corpus
    >>> "manifest.csv" in hashes
    True
    """
    root = Path(path) if path else paths.BUNDLED_CORPUS
    base = root.parent if root.is_file() else root
    return {str(f.relative_to(base)): sha256_file(f) for f in input_files(root)}


def package_versions(packages: tuple[str, ...] = KEY_PACKAGES) -> dict[str, str]:
    """Installed versions of the key packages (``"not installed"`` when absent), plus Python."""
    versions = {"python": platform.python_version()}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def git_commit(root: str | Path = paths.ROOT) -> str:
    """The repository's HEAD commit, with ``+dirty`` when the work tree has changes.

    Returns ``"unknown"`` outside a git checkout (e.g. an installed wheel) or without git.
    """
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                cwd=root, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if status.strip() else "")


def now_utc() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def provenance_record(params: dict[str, Any]) -> dict[str, Any]:
    """The provenance facts as a JSON-ready dict (used by the runner's ``manifest.json``)."""
    return {
        "parameters": {k: params[k] for k in sorted(params)},
        "inputs": input_hashes(params.get("corpus") or None),
        "packages": package_versions(),
        "git_commit": git_commit(),
        "run_time": now_utc(),
        "python_executable": sys.executable,
        "platform": platform.platform(),
    }


def provenance_table(params: dict[str, Any]) -> pd.DataFrame:
    """A tidy table (section, name, value) of a notebook run's provenance.

    Sections: ``parameter`` (each parameter as given), ``input`` (SHA-256 of every file of the
    corpus named by ``params["corpus"]``; empty means the bundled corpus), ``package`` (versions),
    ``git`` (commit) and ``run`` (UTC time, interpreter, platform).

    >>> t = provenance_table({"corpus": "", "out_dir": ""})
    >>> t[t.section == "parameter"]["name"].tolist()
    ['corpus', 'out_dir']
    """
    record = provenance_record(params)
    rows = [("parameter", k, repr(v)) for k, v in record["parameters"].items()]
    rows += [("input", name, digest) for name, digest in record["inputs"].items()]
    rows += [("package", name, version) for name, version in record["packages"].items()]
    rows.append(("git", "commit", record["git_commit"]))
    rows += [("run", "time_utc", record["run_time"]),
             ("run", "python_executable", record["python_executable"]),
             ("run", "platform", record["platform"])]
    import pandas as pd

    return pd.DataFrame(rows, columns=PROVENANCE_COLUMNS)
