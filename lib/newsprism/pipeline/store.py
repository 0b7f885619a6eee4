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
import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import newsprism
from newsprism.core import paths
from newsprism.core.errors import UsageError
from newsprism.core.tables import StepFunction
from newsprism.corpus.clean import clean_text
from newsprism.corpus.language import detect_language
from newsprism.corpus.readers import Corpus, RawBatch, load_corpus
from newsprism.pipeline.annotations import (  # noqa: F401 - the readers, also used from here
    Annotations,
    LazyTables,
    read_table,
    sample_table,
    table_dataset,
    table_files,
)
from newsprism.pipeline.inputs import (  # noqa: F401 - also used from here
    MANIFEST,
    check_corpus,
    is_annotated_dir,
    read_manifest,
)
from newsprism.pipeline.steps import (
    AnnotateOptions,
    annotate_articles,
    resolve_steps,
    select_steps,
    step_name,
)

PARTITION_SIZE = 500
STATUS_DIR = "_partitions"  # one small JSON per finished partition (the resume record)
FORMAT_VERSION = 1
_PART = "part-{:05d}.parquet"


# ---------------------------------------------------------------- fingerprints and cache key

def _hash_file(digest, path: Path) -> None:
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)


def corpus_fingerprint(corpus: Corpus | str | Path | None) -> str:
    """SHA-256 of the corpus content: the source files' bytes, or the articles table.

    >>> len(corpus_fingerprint(None))
    64
    """
    digest = hashlib.sha256()
    if isinstance(corpus, Corpus):
        articles = corpus.articles
        digest.update(b"corpus-object\0")
        digest.update("\0".join(map(str, articles.columns)).encode())
        hashed = pd.util.hash_pandas_object(articles.astype(str), index=False)
        digest.update(hashed.to_numpy().tobytes())
        return digest.hexdigest()
    path = Path(corpus) if corpus else paths.BUNDLED_CORPUS
    if path.is_dir():
        for file in paths.files_inside(path):  # links out of the folder are never read
            digest.update(str(file.relative_to(path)).encode() + b"\0")
            _hash_file(digest, file)
    else:
        _hash_file(digest, path)
    return digest.hexdigest()


# Dependencies whose version can change an annotation (mojibake repair, tokenising, lexicon
# scores, fitted-model arithmetic, language, extraction, fuzzy matching).
OUTPUT_DEPENDENCIES = ("ftfy", "nltk", "textblob", "vaderSentiment", "numpy", "scikit-learn",
                       "py3langid", "trafilatura", "rapidfuzz")


def dependency_versions() -> str:
    """``name=version`` of each of :data:`OUTPUT_DEPENDENCIES` ("?" when not installed)."""
    versions = []
    for name in OUTPUT_DEPENDENCIES:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=?")
    return " ".join(versions)


def library_fingerprint() -> dict[str, str]:
    """Library version, a hash of its code and codebooks, and the versions of the dependencies
    that shape its output (a code change or an upgraded ftfy misses the cache).

    The version string alone would keep stale caches during development, when steps change
    but the version does not.
    """
    digest = hashlib.sha256()
    roots = [paths.PACKAGE, paths.CODEBOOKS]
    for root in roots:
        if not root.is_dir():
            continue
        for file in sorted(root.rglob("*")):
            if file.suffix in {".py", ".yml", ".yaml", ".txt", ".tab", ".json", ".csv"} \
                    and file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                _hash_file(digest, file)
    return {"version": newsprism.__version__, "code": digest.hexdigest()[:16],
            "dependencies": dependency_versions()}


def _options_dict(options: AnnotateOptions) -> dict:
    return json.loads(json.dumps(asdict(options), default=str))


class AnnotationOptionsWarning(UserWarning):
    """An annotated folder was made with other options than the ones asked for."""


def option_differences(stored: Mapping[str, Any] | None, options: AnnotateOptions) -> list[str]:
    """What an annotated folder's options (its manifest's ``options``) differ in from
    ``options``: the frames codebook, the actors file and the cleaning level. Empty when the
    manifest has no options (older folders) or they agree.

    >>> stored = _options_dict(AnnotateOptions())
    >>> option_differences(stored, AnnotateOptions(codebook="generic"))
    ["codebook: 'story' there, 'generic' asked for"]
    >>> option_differences(stored, AnnotateOptions(actors_path="/x/actors.yml"))
    []
    """
    if not stored:
        return []
    asked = _options_dict(options)

    def actors_file(value) -> str:
        return Path(value).name if value else "actors.yml"  # None: the shipped actors.yml

    out = []
    for field, norm in (("codebook", str), ("actors_path", actors_file), ("cleaning", str)):
        there, wanted = norm(stored.get(field)), norm(asked.get(field))
        if there != wanted:
            out.append(f"{field.replace('_path', '')}: {there!r} there, {wanted!r} asked for")
    return out


def cache_key(corpus_hash: str, options: AnnotateOptions, step_specs: Mapping[str, Any],
              library: dict[str, str] | None = None) -> str:
    """Key of a cached annotation: corpus content + options + steps + library code."""
    payload = {"corpus": corpus_hash, "options": _options_dict(options),
               "steps": {k: step_name(v) for k, v in step_specs.items()},
               "library": library or library_fingerprint()}
    text = json.dumps(payload, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


# ---------------------------------------------------------------- streaming the corpus

def _slice_corpus(corpus: Corpus, batch_size: int) -> Iterator[Corpus]:
    articles = corpus.articles
    n = len(articles)
    for number, start in enumerate(range(0, max(n, 1), batch_size)):
        batch = articles.iloc[start:start + batch_size].reset_index(drop=True)
        ids = set(batch["article_id"].astype(str))
        audit = corpus.cleaning_audit
        if len(audit) and "article_id" in audit.columns:
            audit = audit[audit["article_id"].astype(str).isin(ids)]
        # Corpus-level problems have no partition of their own: they travel with the first.
        problems = corpus.problems if number == 0 else corpus.problems.iloc[0:0]
        yield Corpus(articles=batch, problems=problems.reset_index(drop=True),
                     cleaning_audit=audit.reset_index(drop=True), source=corpus.source)


def iter_corpus_batches(path: Corpus | str | Path | None, batch_size: int = PARTITION_SIZE
                        ) -> Iterator[Corpus]:
    """The corpus as a sequence of small ``Corpus`` objects of at most ``batch_size`` articles.

    Uses ``newsprism.corpus.readers.iter_corpus_batches`` when the corpus module streams; otherwise
    loads the corpus with ``load_corpus`` and slices it.

    >>> [len(c.articles) for c in iter_corpus_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    if isinstance(path, Corpus):
        yield from _slice_corpus(path, batch_size)
        return
    from newsprism.corpus import readers as corpus_module

    streamer = getattr(corpus_module, "iter_corpus_batches", None)
    if streamer is not None:
        yield from streamer(path, batch_size)
        return
    yield from _slice_corpus(load_corpus(path), batch_size)


def partition_batches(path: Corpus | str | Path | None, batch_size: int = PARTITION_SIZE,
                      cleaning: str = "default") -> Iterator[Corpus | RawBatch]:
    """The partitions of an annotation run: ``RawBatch`` es (cleaned by the worker that
    annotates them, so the reading process stays light) or, for a ``Corpus`` already in
    memory, slices of it. Partition boundaries do not depend on jobs or scheduler.

    ``cleaning`` (``AnnotateOptions.cleaning``) applies to raw batches. Each worker counts
    the lines recurring across an outlet's articles in its own partition only (a template
    must recur within one partition to be removed as ``outlet_template``)."""
    if isinstance(path, Corpus):
        yield from _slice_corpus(path, batch_size)
        return
    from newsprism.corpus import readers as corpus_module

    raw = getattr(corpus_module, "iter_raw_batches", None)
    yield from (raw(path, batch_size, cleaning=cleaning) if raw is not None
                else iter_corpus_batches(path, batch_size))


def count_articles(path: Corpus | str | Path | None) -> int | None:
    """Number of articles, when it is cheap to know before reading (for the progress bar)."""
    if isinstance(path, Corpus):
        return len(path.articles)
    path = Path(path) if path else paths.BUNDLED_CORPUS
    try:
        if path.is_dir() and paths.resolve_inside(path / "manifest.csv", path) is not None \
                and (path / "manifest.csv").is_file():
            return len(pd.read_csv(path / "manifest.csv", usecols=[0]))
        if path.suffix in {".jsonl", ".ndjson"}:
            with open(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
    except (OSError, ValueError):
        return None
    return None


def auto_partition_size(n_articles: int | None) -> int:
    """Partition size for a corpus of ``n_articles``: ``PARTITION_SIZE``, but small corpora get
    about 16 partitions so every worker has work (it does not depend on ``jobs``, so a run
    resumed with another ``jobs`` keeps its partitions).

    >>> auto_partition_size(None), auto_partition_size(100_000), auto_partition_size(1000)
    (500, 500, 63)
    """
    if not n_articles:
        return PARTITION_SIZE
    return max(20, min(PARTITION_SIZE, -(-n_articles // 16)))


# ---------------------------------------------------------------- writing partitions

def _atomic_write_parquet(table: pd.DataFrame, target: Path) -> None:
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


def _atomic_write_json(data: dict, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, target)


_STEP_CACHE: dict[str, tuple[dict[str, StepFunction], dict[str, str]]] = {}


def _functions_for(step_specs: Mapping[str, Any]) -> tuple[dict[str, StepFunction],
                                                           dict[str, str]]:
    # Resolve once per worker process, not once per partition.
    key = json.dumps({k: step_name(v) for k, v in step_specs.items()})
    if key not in _STEP_CACHE:
        _STEP_CACHE[key] = resolve_steps(step_specs)
    return _STEP_CACHE[key]


def annotate_partition(index: int, batch: Corpus | RawBatch, step_specs: Mapping[str, Any],
                       options: AnnotateOptions, out_dir: str) -> dict:
    """Clean (a ``RawBatch``) and annotate one partition and write its table files; returns
    its manifest entry.

    Runs in a worker (process or Dask); only the small status dict travels back.
    """
    started = time.perf_counter()
    functions, skipped = _functions_for(step_specs)
    step_seconds: dict[str, float] = {}
    step_cpu: dict[str, float] = {}
    cpu_started = time.thread_time()
    if isinstance(batch, RawBatch):
        batch = batch.clean()  # not a step: its CPU time is reported apart
    cleaning_cpu = time.thread_time() - cpu_started
    tables, problems = annotate_articles(batch.articles, functions, options, step_seconds,
                                         step_cpu)
    tables = {"articles": batch.articles, **tables, "problems": problems,
              "corpus_problems": batch.problems, "cleaning_audit": batch.cleaning_audit}
    rows = {}
    for name, table in tables.items():
        # Zero-column tables (a step with no rows here) are not written: their schema would
        # conflict with the real one when the partitions are read as one dataset.
        if table is not None and len(table.columns):
            _atomic_write_parquet(table, Path(out_dir) / name / _PART.format(index))
            rows[name] = len(table)
    return {"status": "done", "n_articles": len(batch.articles), "rows": rows,
            "seconds": round(time.perf_counter() - started, 4),
            "cpu_seconds": round(time.thread_time() - cpu_started, 4),
            "cleaning_cpu_seconds": round(cleaning_cpu, 4),
            "step_seconds": {k: round(v, 4) for k, v in step_seconds.items()},
            "step_cpu_seconds": {k: round(v, 4) for k, v in step_cpu.items()},
            "skipped_steps": skipped, "n_problems": len(problems), "pid": os.getpid()}


# ---------------------------------------------------------------- manifest

def finished_partitions(out_dir: str | Path) -> dict[int, dict]:
    """Partition index -> status entry, for every partition recorded as finished in
    ``out_dir/_partitions/`` (written atomically after the partition's table files)."""
    folder = Path(out_dir) / STATUS_DIR
    entries = {}
    for file in sorted(folder.glob("part-*.json")) if folder.is_dir() else []:
        with contextlib.suppress(ValueError, OSError):
            entries[int(file.stem.split("-")[1])] = json.loads(file.read_text("utf-8"))
    return entries


def _partition_files_exist(out_dir: Path, index: int, entry: dict) -> bool:
    return all((out_dir / name / _PART.format(index)).is_file() for name in entry.get("rows", {}))


def _all_partitions_exist(out_dir: Path, manifest: dict) -> bool:
    return all(_partition_files_exist(out_dir, int(i), entry)
               for i, entry in manifest.get("partitions", {}).items())


def _clear_tables(out_dir: Path, manifest: dict | None) -> None:
    # Only remove what a previous run of ours wrote: table folders named in its manifest.
    names = set((manifest or {}).get("tables", [])) | {"articles", "problems", "corpus_problems",
                                                        "cleaning_audit"}
    for name in names:
        folder = out_dir / name
        if folder.is_dir() and all(p.suffix in {".parquet", ".tmp"} for p in folder.iterdir()):
            shutil.rmtree(folder)
    shutil.rmtree(out_dir / STATUS_DIR, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (out_dir / MANIFEST).unlink()


@contextlib.contextmanager
def _locked(out_dir: Path):
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


def _partition_done_hook(index: int) -> None:
    """Called after each partition is recorded as done (tests patch it to simulate a crash)."""


# ---------------------------------------------------------------- executors

_WARM_UP_TEXT = ("Kim Jong Un said \u201cwe are brothers\u201d on Dec. 5, 2025, after 600 "
                 "troops died. Sanctions bite.")


def _warm_up(step_specs, options) -> None:
    """Import the steps and load their lexicons, the language detector and the cleaning
    model once in this process before workers fork.

    Forked workers (``workers.pool_context``'s choice on Linux) inherit the loaded modules,
    lexicons, compiled codebooks and models instead of each paying for them at its first
    partition (the language detector alone is ~0.55 s of CPU and ~60 MB per process;
    bench/bench_import.py measures what a worker pays per start method). Results do not
    change: every cache involved is deterministic. Never fatal.
    """
    try:
        functions, _ = _functions_for(step_specs)
        warm = pd.DataFrame({"article_id": ["_warm_up"], "text": [_WARM_UP_TEXT],
                             "language": ["en"], "outlet": [""]})
        annotate_articles(warm, functions, options)
        # What a worker does to a raw partition before the steps (corpus.readers.RawBatch).
        detect_language(_WARM_UP_TEXT)
        clean_text(_WARM_UP_TEXT, cleaning=options.cleaning)
    except Exception:  # noqa: BLE001 - an optimisation only; workers load what they need
        pass


def _run_local(todo, step_specs, options, out_dir, jobs, record):
    if jobs <= 1:
        for index, batch in todo:
            record(index, annotate_partition(index, batch, step_specs, options, str(out_dir)))
        return
    # Bounded in-flight work: at most 2 partitions per worker wait in memory.
    from newsprism.core.lifecycle import die_with_parent
    from newsprism.pipeline.workers import pool_context

    # Explicit start method: fork on Linux (workers inherit the warm-up), spawn elsewhere,
    # where each worker is a fresh interpreter and warming this process up would be wasted.
    context = pool_context()
    if context.get_start_method() == "fork":
        _warm_up(step_specs, options)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=die_with_parent) as pool:
        pending = {}
        try:
            for index, batch in todo:
                while len(pending) >= 2 * jobs:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        record(pending.pop(future), future.result())
                future = pool.submit(annotate_partition, index, batch, step_specs, options,
                                     str(out_dir))
                pending[future] = index
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    record(pending.pop(future), future.result())
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _dask_client(scheduler):
    try:
        from distributed import Client
    except ImportError as error:  # pragma: no cover - extra not installed
        raise ImportError("a Dask scheduler needs the 'dask' extra: "
                          "pip install 'newsprism[dask]'") from error
    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def _run_dask(todo, step_specs, options, out_dir, scheduler, record):
    from distributed import as_completed

    client, owned = _dask_client(scheduler)
    try:
        n_workers = max(1, sum(client.nthreads().values()))
        queue = as_completed()
        futures = {}
        for index, batch in todo:
            # Stream: keep about two partitions per worker thread in flight.
            while queue.count() >= 2 * n_workers:
                future = next(queue)
                record(futures.pop(future.key), future.result())
            future = client.submit(annotate_partition, index, batch, step_specs, options,
                                   str(out_dir), pure=False)
            futures[future.key] = index
            queue.add(future)
        for future in queue:
            record(futures.pop(future.key), future.result())
    finally:
        if owned:
            client.close()


# ---------------------------------------------------------------- the run

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
        with _locked(out_dir):
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
        if _all_partitions_exist(out_dir, old):
            return old  # cache hit: nothing to do
        old["complete"] = False  # a partition file went missing: redo just that partition
    same = bool(old) and old.get("key") == key and old.get("partition_size") == partition_size
    if old and not (resume and same):
        _clear_tables(out_dir, old)
    _, skipped = resolve_steps(step_specs)
    manifest = old if (resume and same) else {
        "format": FORMAT_VERSION, "key": key,
        "corpus": {"source": str(corpus.source if isinstance(corpus, Corpus) else
                                 (corpus or paths.BUNDLED_CORPUS)), "hash": corpus_hash},
        "options": _options_dict(options),
        "steps": {k: step_name(v) for k, v in step_specs.items()},
        "skipped_steps": skipped, "library": library, "partition_size": partition_size,
        "partitions": {}, "complete": False, "created": _now(),
    }
    manifest["tables"] = ["articles", *[s for s in step_specs if s not in skipped], "problems",
                          "corpus_problems", "cleaning_audit"]
    manifest["runs"] = [*manifest.get("runs", []),
                        {"started": _now(), "jobs": jobs, "scheduler": str(scheduler or "")}]
    if resume and same:
        # Partitions finished by an interrupted run are in the status folder, not the manifest.
        for index, entry in finished_partitions(out_dir).items():
            manifest["partitions"].setdefault(f"{index:05d}", entry)
    manifest["partitions"] = {
        i: entry for i, entry in manifest["partitions"].items()
        if entry.get("status") == "done" and _partition_files_exist(out_dir, int(i), entry)}
    done = {int(i) for i in manifest["partitions"]}
    total = count_articles(corpus)
    from tqdm import tqdm

    # A bar for a handful of articles is noise in a notebook's output; show it from 100 on.
    show = progress and (total is None or total >= 100)
    bar = tqdm(total=total, unit="article", desc="annotate", disable=not show,
               mininterval=0.5, file=sys.stderr)
    bar.update(sum(manifest["partitions"][f"{i:05d}"]["n_articles"] for i in done))
    _atomic_write_json(manifest, out_dir / MANIFEST)

    (out_dir / STATUS_DIR).mkdir(exist_ok=True)

    def record(index: int, entry: dict) -> None:
        # A small file per partition (not a manifest rewrite): O(1) per partition, so a run
        # of thousands of partitions does not rewrite an ever larger manifest.
        if entry.get("skipped_steps") == skipped:
            entry = {k: v for k, v in entry.items() if k != "skipped_steps"}
        _atomic_write_json(entry, out_dir / STATUS_DIR / f"part-{index:05d}.json")
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
            _run_dask(todo(), step_specs, options, out_dir, scheduler, record)
        else:
            _run_local(todo(), step_specs, options, out_dir, max(1, int(jobs)), record)
    finally:
        bar.close()
    _finish_manifest(manifest, n_partitions, started)
    _atomic_write_json(manifest, out_dir / MANIFEST)
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
    """The corpus behind ``path``: for an annotated directory the stored articles, problems
    and cleaning audit (no re-reading, no re-cleaning); otherwise ``load_corpus(path)``.

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
    extra = {}
    for field_name, table in (("problems", "corpus_problems"),
                              ("cleaning_audit", "cleaning_audit")):
        frame = read_table(path, table)
        if len(frame.columns):
            extra[field_name] = frame
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
