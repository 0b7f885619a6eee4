"""How fast the runner refuses bad input (issue floor: under 5 s, before any notebook starts),
and what ``import newsprism`` and an annotation worker's start cost (issue 15: under 0.5 s).

Runs ``python -m newsprism report`` with a mistyped parameter, a missing corpus and an ill-typed
value, then a bare ``import newsprism``, the import of every annotation step module (what a
worker loads before its first article) and that import plus the first sentence split (which
loads NLTK's Punkt). Prints wall and CPU seconds (the child's user + system time, which does
not depend on what else the machine runs), the first line of the message and the heavy
libraries the child loaded. Usage: ``.venv/bin/python bench/bench_cli_errors.py [repeats]``
(default 3).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from newsprism.core import paths

REPORT = [sys.executable, "-m", "newsprism", "report", "--out"]
HEAVY = ("nltk", "scipy", "sklearn", "matplotlib", "papermill", "nbformat", "pandas")
SHOW = (f"import sys; print(*sorted({{m for m in sys.modules if m in {HEAVY!r}}}) or ['none'],"
        " file=sys.stderr)")
WORKER = "from newsprism.pipeline import annotate, store; annotate.resolve_steps(annotate.STEPS); "
CASES = {
    "unknown parameter": REPORT + ["{out}", "-p", "engin", "x"],
    "missing corpus": REPORT + ["{out}", "--corpus", "/no/such/corpus"],
    "bad value": REPORT + ["{out}", "-p", "seed", "abc"],
    "import newsprism": [sys.executable, "-c", f"import newsprism; {SHOW}"],
    "worker imports": [sys.executable, "-c", f"{WORKER}{SHOW}"],
    "worker + 1st split": [sys.executable, "-c", f"{WORKER}from newsprism.core.text import "
                                                 f"split_sentences; split_sentences('A. B.'); "
                                                 f"{SHOW}"],
}


def run_once(command: list[str]) -> tuple[float, float, int, str]:
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=paths.ROOT)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    return wall, cpu, proc.returncode, (proc.stderr.strip().splitlines() or [""])[0]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {repeats} runs each")
    with tempfile.TemporaryDirectory() as tmp:
        for name, command in CASES.items():
            command = [c.replace("{out}", os.path.join(tmp, "out")) for c in command]
            runs = [run_once(command) for _ in range(repeats)]
            walls, cpus = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
            print(f"{name:18s} exit {runs[0][2]}  wall median {walls[len(walls) // 2]:.2f} s "
                  f"(max {walls[-1]:.2f})  CPU median {cpus[len(cpus) // 2]:.2f} s  "
                  f"| {runs[0][3]}")


if __name__ == "__main__":
    main()
