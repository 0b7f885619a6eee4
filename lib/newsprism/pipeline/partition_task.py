"""One partition's work, as a worker (process or Dask) runs it: clean a raw batch, run the
steps, write the partition's table files, return its status entry.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsprism.core.tables import StepFunction
from newsprism.corpus.readers import Corpus, RawBatch
from newsprism.pipeline.partition_files import PART, atomic_write_parquet
from newsprism.pipeline.steps import AnnotateOptions, annotate_articles, resolve_steps, step_name

_STEP_CACHE: dict[str, tuple[dict[str, StepFunction], dict[str, str]]] = {}


def functions_for(step_specs: Mapping[str, Any]) -> tuple[dict[str, StepFunction],
                                                          dict[str, str]]:
    """The step functions (and skipped steps) of ``step_specs``, resolved once per process."""
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
    functions, skipped = functions_for(step_specs)
    step_seconds: dict[str, float] = {}
    step_cpu: dict[str, float] = {}
    cpu_started = time.thread_time()
    if isinstance(batch, RawBatch):
        batch = batch.clean()  # not a step: its CPU time is reported apart
    cleaning_cpu = time.thread_time() - cpu_started
    tables, problems = annotate_articles(batch.articles, functions, options, step_seconds,
                                         step_cpu)
    tables = {"articles": batch.articles, **tables, "problems": problems,
              "corpus_problems": batch.problems, "cleaning_audit": batch.cleaning_audit,
              "cleaning_doubts": batch.cleaning_doubts}
    rows = {}
    for name, table in tables.items():
        # Zero-column tables (a step with no rows here) are not written: their schema would
        # conflict with the real one when the partitions are read as one dataset.
        if table is not None and len(table.columns):
            atomic_write_parquet(table, Path(out_dir) / name / PART.format(index))
            rows[name] = len(table)
    return {"status": "done", "n_articles": len(batch.articles), "rows": rows,
            "seconds": round(time.perf_counter() - started, 4),
            "cpu_seconds": round(time.thread_time() - cpu_started, 4),
            "cleaning_cpu_seconds": round(cleaning_cpu, 4),
            "step_seconds": {k: round(v, 4) for k, v in step_seconds.items()},
            "step_cpu_seconds": {k: round(v, 4) for k, v in step_cpu.items()},
            "skipped_steps": skipped, "n_problems": len(problems), "pid": os.getpid()}
