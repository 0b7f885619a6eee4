"""The partition files of an annotated folder: atomic Parquet and JSON writes, the status
record of finished partitions (the resume record), clearing a previous run, and the folder lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.pipeline.inputs import MANIFEST

STATUS_DIR = "_partitions"  # one small JSON per finished partition (the resume record)


PART = "part-{:05d}.parquet"


def atomic_write_parquet(table: pd.DataFrame, target: Path) -> None:
    """Write ``table`` to ``target`` through a temporary file and a rename (never half written)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        arrow = pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # A step returned mixed-type object columns: store them as text rather than fail.
        fixed = table.copy()
        for column in fixed.columns:
            if fixed[column].dtype == object:
                fixed[column] = fixed[column].map(lambda v: v if v is None else str(v))
        arrow = pa.Table.from_pandas(fixed, preserve_index=False)
    try:
        pq.write_table(arrow, tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_json(data: dict, target: Path) -> None:
    """Write ``data`` as JSON to ``target`` through a temporary file and a rename."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, target)


def finished_partitions(out_dir: str | Path) -> dict[int, dict]:
    """Partition index -> status entry, for every partition recorded as finished in
    ``out_dir/_partitions/`` (written atomically after the partition's table files)."""
    folder = Path(out_dir) / STATUS_DIR
    entries = {}
    for file in sorted(folder.glob("part-*.json")) if folder.is_dir() else []:
        with contextlib.suppress(ValueError, OSError):
            entries[int(file.stem.split("-")[1])] = json.loads(file.read_text("utf-8"))
    return entries


def partition_files_exist(out_dir: Path, index: int, entry: dict) -> bool:
    """True when every table file of partition ``index`` (its ``entry``) is on disk."""
    return all((out_dir / name / PART.format(index)).is_file() for name in entry.get("rows", {}))


def all_partitions_exist(out_dir: Path, manifest: dict) -> bool:
    """True when every partition the manifest records has its table files."""
    return all(partition_files_exist(out_dir, int(i), entry)
               for i, entry in manifest.get("partitions", {}).items())


def clear_tables(out_dir: Path, manifest: dict | None) -> None:
    """Remove a previous run's table folders, status record and manifest from ``out_dir``."""
    # Only remove what a previous run of ours wrote: table folders named in its manifest.
    names = set((manifest or {}).get("tables", [])) | {"articles", "problems", "corpus_problems",
                                                       "cleaning_audit", "cleaning_doubts"}
    for name in names:
        folder = out_dir / name
        if folder.is_dir() and all(p.suffix in {".parquet", ".tmp"} for p in folder.iterdir()):
            shutil.rmtree(folder)
    shutil.rmtree(out_dir / STATUS_DIR, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (out_dir / MANIFEST).unlink()


@contextlib.contextmanager
def locked(out_dir: Path):
    """Hold an exclusive lock on ``out_dir`` (two notebooks annotating the same cache wait
    for each other instead of writing the same files at once)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock, atomic renames still hold
        yield
        return
    with open(out_dir / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
