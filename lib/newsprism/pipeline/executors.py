"""Where the partitions run: in this process, in a pool of local worker processes (warmed up
before they fork) or on a Dask cluster, at most two partitions per worker in flight.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

import pandas as pd

from newsprism.corpus.clean import clean_text
from newsprism.corpus.language import detect_language
from newsprism.pipeline.partition_task import annotate_partition, functions_for
from newsprism.pipeline.steps import annotate_articles

_WARM_UP_TEXT = ("Kim Jong Un said \u201cwe are brothers\u201d on Dec. 5, 2025, after 600 "
                 "troops died. Sanctions bite.")


def warm_up(step_specs, options) -> None:
    """Import the steps and load their lexicons, the language detector and the cleaning
    model once in this process before workers fork.

    Forked workers (``workers.pool_context``'s choice on Linux) inherit the loaded modules,
    lexicons, compiled codebooks and models instead of each paying for them at its first
    partition (the language detector alone is ~0.55 s of CPU and ~60 MB per process;
    bench/bench_import.py measures what a worker pays per start method). Results do not
    change: every cache involved is deterministic. Never fatal.
    """
    try:
        functions, _ = functions_for(step_specs)
        warm = pd.DataFrame({"article_id": ["warm_up"], "text": [_WARM_UP_TEXT],
                             "language": ["en"], "outlet": [""]})
        annotate_articles(warm, functions, options)
        # What a worker does to a raw partition before the steps (corpus.readers.RawBatch).
        detect_language(_WARM_UP_TEXT)
        clean_text(_WARM_UP_TEXT, cleaning=options.cleaning)
    except Exception:  # noqa: BLE001 - an optimisation only; workers load what they need
        pass


def run_local(todo, step_specs, options, out_dir, jobs, record):
    """Annotate the ``todo`` partitions here (``jobs`` 1) or in a pool of ``jobs`` processes."""
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
        warm_up(step_specs, options)
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


def run_dask(todo, step_specs, options, out_dir, scheduler, record):
    """Annotate the ``todo`` partitions on the Dask cluster at ``scheduler``."""
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
