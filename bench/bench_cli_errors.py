"""How fast the runner refuses bad input (issue floor: under 5 s, before any notebook starts).

Runs ``python -m newsprism report`` with a mistyped parameter and with a missing corpus, and
prints wall and CPU seconds (the child's user + system time, which does not depend on what else
the machine runs) with the first line of the message. Usage:
``.venv/bin/python bench/bench_cli_errors.py [repeats]`` (default 3).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from newsprism import paths

CASES = {
    "unknown parameter": ["-p", "engin", "x"],
    "missing corpus": ["--corpus", "/no/such/corpus"],
    "bad value": ["-p", "seed", "abc"],
}


def run_once(extra: list[str], out: str) -> tuple[float, float, int, str]:
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsprism", "report", "--out", out, *extra],
                          capture_output=True, text=True, cwd=paths.ROOT)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    return wall, cpu, proc.returncode, (proc.stderr.strip().splitlines() or [""])[0]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {repeats} runs each")
    with tempfile.TemporaryDirectory() as tmp:
        for name, extra in CASES.items():
            runs = [run_once(extra, os.path.join(tmp, "out")) for _ in range(repeats)]
            walls, cpus = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
            print(f"{name:18s} exit {runs[0][2]}  wall median {walls[len(walls) // 2]:.2f} s "
                  f"(max {walls[-1]:.2f})  CPU median {cpus[len(cpus) // 2]:.2f} s  "
                  f"| {runs[0][3]}")


if __name__ == "__main__":
    main()
