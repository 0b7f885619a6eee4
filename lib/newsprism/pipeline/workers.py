"""How local annotation workers start: the multiprocessing start method, and a probe of what
starting one costs.

``pool_context`` picks, in order of preference, what the platform offers:

- ``fork`` (Linux, and Python 3.11's default there): a worker is a copy of the main process,
  which imported the step modules and loaded their lexicons, the language detector and the
  cleaning model before the pool started (``executors.warm_up``), so it starts with nothing left
  to import or load. Step functions defined in a notebook (``__main__``) work, because nothing
  is pickled by reference to a module.
- ``spawn`` everywhere else (macOS, Windows): each worker is a fresh interpreter that imports
  the step modules and loads those models itself (over a second of CPU through its first
  partition: bench/bench_import.py); the main process then skips the warm-up.

``NEWSPRISM_START_METHOD`` (``fork``, ``forkserver`` or ``spawn``) overrides the choice; an
unknown or unavailable method falls back to the platform's choice rather than failing.

>>> pool_context().get_start_method() in {"fork", "spawn"}
True
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from multiprocessing.context import BaseContext

START_METHOD_ENV = "NEWSPRISM_START_METHOD"


def choose_start_method(platform: str, available: list[str], requested: str | None = None
                        ) -> str:
    """The start method for workers on ``platform`` (``sys.platform``) given the methods
    ``available`` there and a ``requested`` override (ignored when unavailable).

    >>> choose_start_method("linux", ["fork", "spawn", "forkserver"])
    'fork'
    >>> choose_start_method("darwin", ["spawn", "fork", "forkserver"])
    'spawn'
    >>> choose_start_method("win32", ["spawn"], requested="fork")
    'spawn'
    """
    if requested and requested in available:
        return requested
    # fork is unsafe on macOS (system libraries are not fork-safe) and absent on Windows.
    if platform.startswith("linux") and "fork" in available:
        return "fork"
    return "spawn"


def pool_context(requested: str | None = None) -> BaseContext:
    """The multiprocessing context for a ``ProcessPoolExecutor`` of annotation workers."""
    available = multiprocessing.get_all_start_methods()
    method = choose_start_method(sys.platform, available,
                                 requested or os.environ.get(START_METHOD_ENV))
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(preload_modules())
    return context


def preload_modules() -> list[str]:
    """Modules a forkserver imports once, so every worker it forks starts with them loaded:
    the store (which unpickles the task) and the module of every registered step.

    >>> "newsprism.pipeline.store" in preload_modules()
    True
    """
    from newsprism.pipeline.steps import STEPS

    specs = [f for step in STEPS.values() for f in (step.table, step.rows) if isinstance(f, str)]
    return ["newsprism.pipeline.store", *sorted({spec.split(":")[0] for spec in specs})]


def worker_start_cost() -> dict:
    """Run inside a fresh worker as its first task: resolve every annotation step and split a
    first sentence (what a worker needs before its first article), then report the worker's
    CPU seconds since it started, its pid and whether the heavy modules were already loaded.

    A forked worker's CPU clock starts at zero at the fork, so ``cpu_seconds`` is the cost of
    starting this worker, not of the process it was copied from.
    """
    from newsprism.core.text import split_sentences
    from newsprism.pipeline.steps import STEPS, resolve_steps

    inherited = "pandas" in sys.modules and "nltk" in sys.modules
    resolve_steps(STEPS)
    split_sentences("Mr. Kim wrote. He left.")
    return {"pid": os.getpid(), "cpu_seconds": time.process_time(),
            "inherited_imports": inherited}
