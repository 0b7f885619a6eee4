"""Annotate large corpora: partitions, parallel workers, Dask, resumable Parquet and cache.

The corpus streams through in partitions of ``partition_size`` articles (never all in
memory). Each partition is annotated independently — in this process (``jobs=1``), in local
worker processes (``jobs=N``) or on a Dask cluster (``scheduler=ADDRESS``) — and its tables
are written atomically (temporary file + rename) as::

    out/<table>/part-00000.parquet      one file per partition per table
    out/_manifest.json                  corpus hash, options, steps, library, partition status

A partition counts as finished only once the manifest says so; an interrupted run started
again with the same corpus, options and code redoes only the unfinished partitions. When
``out`` is not given the directory is ``outputs/cache/<key>/``, so a second ``annotate()``
with the same inputs is a cache hit.

This module runs an annotation, loads its result and holds the ``annotate`` command; each
other concern has its module, and every name this module had before is still importable from
it:

- ``fingerprints``: the cache key (corpus, options, steps, library) and option differences.
- ``partitions``: the corpus cut into partitions.
- ``partition_task``: one partition cleaned, annotated and written (what a worker runs).
- ``partition_files``: atomic writes, the record of finished partitions, the folder lock.
- ``executors``: in this process, a local process pool, or a Dask cluster.

>>> import tempfile
>>> from newsprism.pipeline.store import annotate_to_parquet, read_table
>>> tmp = tempfile.TemporaryDirectory()
>>> ann = annotate_to_parquet(out=tmp.name, steps=["sentences"], progress=False)  # bundled
>>> read_table(ann.out_dir, "sentences", columns=["article_id"]).shape
(229, 1)
>>> tmp.cleanup()
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

import newsprism
from newsprism.core import paths
from newsprism.core.errors import UsageError
from newsprism.core.tables import StepFunction
from newsprism.corpus.clean import clean_text
from newsprism.corpus.language import detect_language
from newsprism.corpus.readers import Corpus, RawBatch, load_corpus
from newsprism.pipeline.annotations import (
    Annotations,
    LazyTables,
    read_table,
    sample_table,
    stored_corpus_fields,
    table_dataset,
    table_files,
)
from newsprism.pipeline.executors import run_dask, run_local
from newsprism.pipeline.fingerprints import (
    OUTPUT_DEPENDENCIES,
    AnnotationOptionsWarning,
    cache_key,
    corpus_fingerprint,
    dependency_versions,
    library_fingerprint,
    option_differences,
    options_dict,
)
from newsprism.pipeline.inputs import (
    MANIFEST,
    check_corpus,
    is_annotated_dir,
    read_manifest,
)
from newsprism.pipeline.partition_files import (
    STATUS_DIR,
    all_partitions_exist,
    atomic_write_json,
    clear_tables,
    finished_partitions,
    locked,
    partition_files_exist,
)
from newsprism.pipeline.partition_task import annotate_partition
from newsprism.pipeline.partitions import (
    PARTITION_SIZE,
    auto_partition_size,
    count_articles,
    iter_corpus_batches,
    partition_batches,
)
from newsprism.pipeline.steps import (
    AnnotateOptions,
    annotate_articles,
    resolve_steps,
    select_steps,
    step_name,
)

# Every public name this module had before it was split into the modules above
# (tests/test_split_modules.py); the run, loading its result and the command line are here.
__all__ = [
    "AnnotateOptions", "AnnotationOptionsWarning", "Annotations", "Corpus", "FORMAT_VERSION",
    "LazyTables", "MANIFEST", "OUTPUT_DEPENDENCIES", "PARTITION_SIZE", "RawBatch", "STATUS_DIR",
    "StepFunction", "UsageError", "add_cli", "annotate_articles", "annotate_partition",
    "annotate_to_parquet", "auto_partition_size", "cache_key", "check_corpus", "clean_text",
    "corpus_fingerprint", "count_articles", "dependency_versions", "detect_language",
    "finished_partitions", "is_annotated_dir", "iter_corpus_batches", "library_fingerprint",
    "load_annotations", "load_any_corpus", "load_corpus", "main", "newsprism",
    "option_differences", "partition_batches", "paths", "read_manifest", "read_table",
    "resolve_steps", "run_cli", "sample_table", "select_steps", "step_name", "table_dataset",
    "table_files",
]

FORMAT_VERSION = 1


def _partition_done_hook(index: int) -> None:
    """Called after each partition is recorded as done (tests patch it to simulate a crash)."""


def annotate_to_parquet(corpus: Corpus | str | Path | None = None,
                        options: AnnotateOptions | None = None, jobs: int = 1,
                        scheduler: Any = None, out: str | Path | None = None,
                        resume: bool = True, progress: bool = True, *,
                        steps: Any = None, partition_size: int | None = None,
                        cache: bool = True) -> Annotations:
    """Annotate into partitioned Parquet and return lazy :class:`Annotations` over it.

    See :func:`newsprism.pipeline.annotate.annotate` for the parameters.
    """
    if is_annotated_dir(corpus):
        if options is not None:
            differences = option_differences((read_manifest(corpus) or {}).get("options"),
                                             options)
            if differences:
                warnings.warn(f"{corpus} was annotated with other options than asked for "
                              f"({'; '.join(differences)}): its tables are used as they are; "
                              "annotate the corpus again to use the asked-for ones",
                              AnnotationOptionsWarning, stacklevel=2)
        return load_annotations(corpus)
    options = options or AnnotateOptions()
    step_specs = select_steps(steps)
    partition_size = int(partition_size or auto_partition_size(count_articles(corpus)))
    library = library_fingerprint()
    corpus_hash = corpus_fingerprint(corpus)
    key = cache_key(corpus_hash, options, step_specs, library)
    temporary = None
    if out is None and not cache:
        temporary = tempfile.mkdtemp(prefix="newsprism-annotate-")
        out = temporary
    out_dir = Path(out) if out is not None else paths.CACHE / key
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        with locked(out_dir):
            _run(corpus, options, step_specs, partition_size, jobs, scheduler, out_dir,
                 resume, progress, key, corpus_hash, library)
        if temporary:
            return load_annotations(out_dir, lazy=False)
        return load_annotations(out_dir)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


def _run(corpus, options, step_specs, partition_size, jobs, scheduler, out_dir, resume,
         progress, key, corpus_hash, library) -> dict:
    old = read_manifest(out_dir)
    if resume and old and old.get("complete") and old.get("key") == key:
        if all_partitions_exist(out_dir, old):
            return old  # cache hit: nothing to do
        old["complete"] = False  # a partition file went missing: redo just that partition
    same = bool(old) and old.get("key") == key and old.get("partition_size") == partition_size
    if old and not (resume and same):
        clear_tables(out_dir, old)
    _, skipped = resolve_steps(step_specs)
    manifest = old if (resume and same) else {
        "format": FORMAT_VERSION, "key": key,
        "corpus": {"source": str(corpus.source if isinstance(corpus, Corpus) else
                                 (corpus or paths.BUNDLED_CORPUS)), "hash": corpus_hash},
        "options": options_dict(options),
        "steps": {k: step_name(v) for k, v in step_specs.items()},
        "skipped_steps": skipped, "library": library, "partition_size": partition_size,
        "partitions": {}, "complete": False, "created": _now(),
    }
    manifest["tables"] = ["articles", *[s for s in step_specs if s not in skipped], "problems",
                          "corpus_problems", "cleaning_audit", "cleaning_doubts"]
    manifest["runs"] = [*manifest.get("runs", []),
                        {"started": _now(), "jobs": jobs, "scheduler": str(scheduler or "")}]
    if resume and same:
        # Partitions finished by an interrupted run are in the status folder, not the manifest.
        for index, entry in finished_partitions(out_dir).items():
            manifest["partitions"].setdefault(f"{index:05d}", entry)
    manifest["partitions"] = {
        i: entry for i, entry in manifest["partitions"].items()
        if entry.get("status") == "done" and partition_files_exist(out_dir, int(i), entry)}
    done = {int(i) for i in manifest["partitions"]}
    total = count_articles(corpus)
    from tqdm import tqdm

    # A bar for a handful of articles is noise in a notebook's output; show it from 100 on.
    show = progress and (total is None or total >= 100)
    bar = tqdm(total=total, unit="article", desc="annotate", disable=not show,
               mininterval=0.5, file=sys.stderr)
    bar.update(sum(manifest["partitions"][f"{i:05d}"]["n_articles"] for i in done))
    atomic_write_json(manifest, out_dir / MANIFEST)

    (out_dir / STATUS_DIR).mkdir(exist_ok=True)

    def record(index: int, entry: dict) -> None:
        # A small file per partition (not a manifest rewrite): O(1) per partition, so a run
        # of thousands of partitions does not rewrite an ever larger manifest.
        if entry.get("skipped_steps") == skipped:
            entry = {k: v for k, v in entry.items() if k != "skipped_steps"}
        atomic_write_json(entry, out_dir / STATUS_DIR / f"part-{index:05d}.json")
        manifest["partitions"][f"{index:05d}"] = entry
        bar.update(entry["n_articles"])
        _partition_done_hook(index)

    n_partitions = 0

    def todo():
        nonlocal n_partitions
        for index, batch in enumerate(
                partition_batches(corpus, partition_size, options.cleaning)):
            n_partitions = index + 1
            if index not in done:
                yield index, batch

    started = time.perf_counter()
    try:
        if scheduler is not None:
            run_dask(todo(), step_specs, options, out_dir, scheduler, record)
        else:
            run_local(todo(), step_specs, options, out_dir, max(1, int(jobs)), record)
    finally:
        bar.close()
    _finish_manifest(manifest, n_partitions, started)
    atomic_write_json(manifest, out_dir / MANIFEST)
    _warn_input_problems(corpus, manifest, out_dir)
    return manifest


def _finish_manifest(manifest: dict, n_partitions: int, started: float) -> None:
    """Totals of a finished (or interrupted) run, summed from its partition entries."""
    entries = manifest["partitions"]
    manifest.update({
        "complete": all(f"{i:05d}" in entries for i in range(n_partitions)),
        "n_partitions": n_partitions,
        "n_articles": sum(e["n_articles"] for e in entries.values()),
        "rows": {name: sum(e["rows"].get(name, 0) for e in entries.values())
                 for name in manifest["tables"]},
        "n_problems": sum(e.get("n_problems", 0) for e in entries.values()),
        "updated": _now(),
    })
    manifest["runs"][-1]["seconds"] = round(time.perf_counter() - started, 3)


def _warn_input_problems(corpus, manifest: dict, out_dir: Path) -> None:
    """One warning for the input problems the workers found while cleaning the partitions."""
    n_input = manifest["rows"].get("corpus_problems", 0)
    if n_input and not isinstance(corpus, Corpus):  # (a Corpus in memory warned on loading)
        # found by the workers that cleaned the partitions: said once, here
        from newsprism.corpus.readers import warn

        warn(f"{corpus or paths.BUNDLED_CORPUS}: {n_input} problem(s) in the input "
             f"(skipped articles or warnings); see the corpus_problems table in "
             f"{out_dir}", stacklevel=4)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def load_annotations(out_dir: str | Path, lazy: bool = True) -> Annotations:
    """Annotations of an annotated directory; tables are read on first access (``lazy``).

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate_to_parquet(out=tmp.name, steps=["sentences"], progress=False)
    >>> again = load_annotations(ann.out_dir)
    >>> again.n_articles, again.read("sentences", columns=["article_id"]).shape
    (5, (229, 1))
    >>> tmp.cleanup()
    """
    out_dir = Path(out_dir)
    manifest = read_manifest(out_dir)
    if manifest is None:
        raise FileNotFoundError(f"{out_dir} is not an annotated directory (no {MANIFEST})")
    if not manifest.get("complete"):
        raise RuntimeError(f"annotation in {out_dir} is incomplete: run annotate(out=...) "
                           "again to resume it")
    names = list(manifest.get("tables", []))
    tables: Mapping[str, pd.DataFrame] = LazyTables(out_dir, names)
    if not lazy:
        tables = {name: tables[name] for name in names}
    return Annotations(tables, skipped_steps=manifest.get("skipped_steps", {}),
                       out_dir=None if not lazy else out_dir, manifest=manifest)


def load_any_corpus(path: str | Path | None = None, columns: list[str] | None = None,
                    cleaning: str = "default") -> Corpus:
    """The corpus behind ``path``: for an annotated directory the stored articles, problems,
    cleaning audit and lines kept in doubt (no re-reading, no re-cleaning); otherwise
    ``load_corpus(path)``.

    ``columns`` (annotated directories only) reads just those article columns, e.g. leave
    out ``text`` for a 100,000-article overview.

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate_to_parquet(out=tmp.name, steps=["sentences"], progress=False)
    >>> load_any_corpus(ann.out_dir, columns=["article_id", "outlet"]).articles.shape
    (5, 2)
    >>> tmp.cleanup()
    """
    if not is_annotated_dir(path):
        return load_corpus(path, cleaning=cleaning)
    manifest = read_manifest(path) or {}
    extra = stored_corpus_fields(lambda table: read_table(path, table))
    return Corpus(articles=read_table(path, "articles", columns=columns), **extra,
                  source=manifest.get("corpus", {}).get("source", str(path)))


# ---------------------------------------------------------------- command line

def add_cli(subparsers) -> argparse.ArgumentParser:
    """Register ``newsprism annotate`` on the ``newsprism`` command's subparsers."""
    parser = subparsers.add_parser(
        "annotate", help="annotate a corpus into partitioned Parquet (parallel, resumable)",
        description="Annotate a corpus into partitioned Parquet that the notebooks read "
                    "(pass the output directory as the notebooks' corpus).")
    parser.add_argument("--corpus", default="", help="corpus folder, CSV or JSONL "
                        "(default: the bundled corpus)")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="local worker processes (default: all cores)")
    parser.add_argument("--scheduler", default=None,
                        help="Dask scheduler address (tcp://host:8786); --out must be shared")
    parser.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                        help="keep finished partitions of an interrupted run (default)")
    parser.add_argument("--partition-size", type=int, default=None,
                        help=f"articles per partition (default: {PARTITION_SIZE}; "
                             "fewer for small corpora)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run_cli, handler=run_cli)
    return parser


def run_cli(args: argparse.Namespace) -> int:
    if args.corpus and not is_annotated_dir(args.corpus):
        check_corpus(args.corpus)  # a missing or empty corpus is a one-line usage error
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file, not a folder; choose a folder name")
    # ``options``: set by the ``newsprism`` command from its codebook arguments (report layer)
    ann = annotate_to_parquet(args.corpus or None, getattr(args, "options", None),
                              jobs=args.jobs, scheduler=args.scheduler,
                              out=args.out, resume=args.resume, progress=not args.quiet,
                              partition_size=args.partition_size)
    manifest = ann.manifest
    print(f"annotated {manifest.get('n_articles')} articles in {manifest.get('n_partitions')} "
          f"partitions -> {args.out}")
    for name, reason in manifest.get("skipped_steps", {}).items():
        print(f"  skipped step {name}: {reason}")
    if manifest.get("rows", {}).get("corpus_problems"):
        print(f"  {manifest['rows']['corpus_problems']} input problem(s) (skipped articles, "
              f"warnings); see {args.out}/corpus_problems/")
    if manifest.get("n_problems"):
        print(f"  {manifest['n_problems']} article(s) failed; see {args.out}/problems/")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m newsprism.pipeline.store annotate ...`` (same as ``newsprism annotate``)."""
    parser = argparse.ArgumentParser(prog="newsprism")
    add_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
