"""What a process pays before its first article: ``import newsprism``, each layer, each
annotation step module, a whole annotation worker, and the first sentence split (which loads
NLTK's Punkt). Issue 15's floor: ``import newsprism`` and each annotation worker start under
0.5 s of CPU.

Each case runs in a fresh interpreter; the figure is the child's CPU time (user + system,
which does not depend on what else the machine runs), median of ``repeats`` runs, next to
the wall time and the heavy libraries the child loaded.

Then the figure the floor is about: a worker of ``annotate --jobs N``, started the way the
store starts it (``newsprism.pipeline.workers.pool_context``, after the store's warm-up), for
every start method this platform has. Each worker's first task resolves every step and splits
a first sentence and reports its own CPU since it started (median over the workers).

And what that figure leaves out: a worker's real first task is a partition, which it cleans,
annotates (loading every lexicon on the way), turns into DataFrames and writes as Parquet, so
it imports whatever that needs (pandas and pyarrow). One worker per start method annotates a
one-article partition twice; "first partition" is its CPU from its start through the first,
"start overhead" that minus the CPU of the second (the same work, nothing left to load).
Usage: ``.venv/bin/python bench/bench_import.py [repeats]`` (default 5).
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

from newsprism.core import paths
from newsprism.core.lifecycle import die_with_parent
from newsprism.pipeline.steps import STEPS, AnnotateOptions, select_steps
from newsprism.pipeline.workers import pool_context, worker_start_cost

# A spawned worker imports the main module (this file) before its first task, as it would
# not import ``newsprism/__main__`` under the CLI: so this file imports nothing here that a
# worker would not import itself (the store is imported inside the functions that use it).

FLOOR = 0.5  # seconds of CPU (issue 15)
HEAVY = ("nltk", "scipy", "sklearn", "matplotlib", "papermill", "pandas", "pyarrow",
         "textblob", "vaderSentiment")
SHOW = (f"import sys; print(' '.join(sorted({{m for m in sys.modules if m in {HEAVY!r}}}))"
        " or 'none', file=sys.stderr)")
STEP_MODULES = sorted({step.table.split(":")[0] for step in STEPS.values()})
WORKER = ("from newsprism.pipeline import steps, store; "
          "steps.resolve_steps(steps.STEPS); ")
SPLIT = "from newsprism.core.text import split_sentences; split_sentences('Mr. Kim wrote. He left.'); "
# What a spawned worker pays before its first article is scored: every lexicon, the language
# detector and the cleaning model loaded, as the store's warm-up does (one short article).
WARM = ("from newsprism.pipeline.steps import AnnotateOptions, select_steps; "
        "from newsprism.pipeline.executors import warm_up; "
        "warm_up(select_steps(None), AnnotateOptions()); ")

# The same without the store (which imports pandas and pyarrow to build and write tables):
# each step's rows function on one article, as a worker's steps run.
STEPS_ONLY = ("from newsprism.pipeline import steps; "
              "fs, _ = steps.resolve_steps(steps.STEPS); ")
ROWS = ("from newsprism.core.tables import ArticleInput; "
        "a = ArticleInput('w', 'Kim Jong Un said \u201cwe are brothers\u201d on Dec. 5, 2025, "
        "after 600 troops died. Sanctions bite.', 'en', ''); t = {}; "
        "o = steps.AnnotateOptions(); "
        "[t.__setitem__(n, f.rows(a, t, o)) for n, f in fs.items()]; ")

CASES = {
    "python (baseline)": "pass; ",
    "import newsprism": "import newsprism; ",
    **{f"layer {layer}": f"import newsprism.{layer}; "
       for layer in ("core", "corpus", "viz", "quotes", "time", "sentiment", "framing",
                     "compare", "pipeline", "report")},
    **{f"step {module}": f"import {module}; " for module in STEP_MODULES},
    "worker (all steps)": WORKER,
    "worker + 1st split": WORKER + SPLIT,
    "worker + warm-up (lexicons, language, cleaning)": WORKER + WARM,
    "steps only (no store)": STEPS_ONLY,
    "steps only + every lexicon (1 article)": STEPS_ONLY + ROWS,
    "import nltk": "import nltk; ",
    "nltk Punkt only": "from nltk.tokenize.punkt import PunktTokenizer; ",
}


def run_once(code: str) -> tuple[float, float, str]:
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code + SHOW], capture_output=True, text=True,
                          cwd=paths.ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - started
    after = os.times()
    if proc.returncode:
        raise RuntimeError(f"{code!r} failed: {proc.stderr[-500:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    return wall, cpu, proc.stderr.strip().splitlines()[-1]


def pool_worker_cost(method: str, workers: int = 2) -> tuple[float, float, int]:
    """Median start CPU of a pool's workers (first task of each), the pool's wall time, and
    how many workers answered."""
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(method),
                             initializer=die_with_parent) as pool:
        results = [f.result() for f in [pool.submit(worker_start_cost)
                                        for _ in range(2 * workers)]]
    wall = time.perf_counter() - started
    first = {}
    for result in results:  # a worker's first task has the lowest CPU clock
        first[result["pid"]] = min(first.get(result["pid"], 1e9), result["cpu_seconds"])
    return statistics.median(first.values()), wall, len(first)


def first_partition_cost(method: str) -> tuple[float, float]:
    """CPU of one pool worker from its start through a first one-article partition of the
    bundled corpus (all steps), and the CPU of the same partition annotated again."""
    from newsprism.pipeline.store import annotate_partition, partition_batches

    batch = next(partition_batches(paths.BUNDLED_CORPUS, batch_size=1))
    clocks = []
    with tempfile.TemporaryDirectory() as out, ProcessPoolExecutor(
            max_workers=1, mp_context=pool_context(method), initializer=die_with_parent) as pool:
        for index in (0, 1):
            pool.submit(annotate_partition, index, batch, select_steps(None), AnnotateOptions(),
                        out).result()
            clocks.append(pool.submit(worker_start_cost).result()["cpu_seconds"])
    return clocks[0], clocks[1] - clocks[0]


def print_pool_figures() -> tuple[dict[str, float], dict[str, float]]:
    from newsprism.pipeline.executors import warm_up

    warm_up(select_steps(None), AnnotateOptions())  # what annotate() does before its pool
    chosen = pool_context().get_start_method()
    costs = {}
    for method in multiprocessing.get_all_start_methods():
        cpu, wall, n = pool_worker_cost(method)
        costs[method] = cpu
        mark = "  <- used by annotate here" if method == chosen else ""
        print(f"{'pool worker, ' + method:40s} CPU {cpu:5.2f} s  pool wall {wall:5.2f} s"
              f"  | {n} workers{mark}")
    overheads = {}
    for method in multiprocessing.get_all_start_methods():
        first, again = first_partition_cost(method)
        overheads[method] = first - again
        print(f"{'pool worker, ' + method + ', 1st partition':40s} CPU {first:5.2f} s  "
              f"(the same partition again {again:.2f} s: start overhead {first - again:.2f} s)")
    return costs, overheads


def print_floors(import_cpu: float, worker_cpu: dict[str, float],
                 overheads: dict[str, float]) -> None:
    """Issue 15's floor, CPU < 0.5 s: ``import newsprism`` and a worker of each start method
    (ready for its first article; in brackets, its overhead through a first partition)."""
    verdict = {True: "met", False: "NOT met"}
    print(f"floor (< {FLOOR:.1f} s CPU): import newsprism {import_cpu:.2f} s "
          f"{verdict[import_cpu < FLOOR]}; " + "; ".join(
              f"worker by {method} {cpu:.2f} s {verdict[cpu < FLOOR]} (through its first "
              f"partition {overheads[method]:.2f} s {verdict[overheads[method] < FLOOR]})"
              for method, cpu in worker_cpu.items()))


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{repeats} runs each; CPU = user + system of the child, median")
    medians = {}
    for name, code in CASES.items():
        runs = [run_once(code) for _ in range(repeats)]
        walls, cpus = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
        medians[name] = cpus[len(cpus) // 2]
        print(f"{name:40s} CPU {cpus[len(cpus) // 2]:5.2f} s  wall {walls[len(walls) // 2]:5.2f} s"
              f"  | heavy: {runs[0][2]}")
    print_floors(medians["import newsprism"], *print_pool_figures())


if __name__ == "__main__":
    main()
