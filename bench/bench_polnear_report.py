"""The whole report on a real multi-outlet corpus: PolNeAR train (840 articles, 7 publishers).

Builds the corpus folder with ``bench/polnear_corpus.py`` (outside the repository), then runs
each notebook in order as its own ``newsprism report --notebooks NN`` process, so that each
notebook's wall-clock and CPU seconds (user + system of the runner and its kernel) are its
own. The first notebook annotates the corpus (a cold annotation cache is the user's first
run; later notebooks read the cache). Prints one row per notebook; writes nothing into the
repository.

    .venv/bin/python bench/bench_polnear_report.py --work /tmp/pn-bench
    .venv/bin/python bench/bench_polnear_report.py --work /tmp/pn-bench -p period month
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from polnear_corpus import build  # noqa: E402

NOTEBOOKS = ["00", "10", "20", "30", "40", "50", "90"]
REPO = Path(__file__).resolve().parent.parent


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_notebook(number: str, corpus: Path, out: Path, extra: list[str]) -> dict:
    """One notebook in its own runner process: wall and CPU seconds, status."""
    command = [sys.executable, "-m", "newsprism", "report", "--corpus", str(corpus),
               "--out", str(out), "--notebooks", number, "--jobs", "1",
               "--notebooks-dir", str(REPO / "notebooks"), *extra]
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    manifest = json.loads((out / "manifest.json").read_text()) if (
        out / "manifest.json").is_file() else {"notebooks": []}
    notebook = next((n for n in manifest["notebooks"] if n["name"].startswith(number)), {})
    return {"notebook": notebook.get("name", number), "status": notebook.get("status", "?"),
            "notebook_s": notebook.get("duration_s", float("nan")), "process_s": wall,
            "cpu_s": cpu, "exit": done.returncode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/pn-bench"),
                        help="folder for the corpus and the report (outside the repo)")
    parser.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="notebook parameter passed to every run")
    args = parser.parse_args(argv)
    corpus = args.work / "corpus"
    if not (corpus / "manifest.csv").is_file():
        build(corpus)
    extra = [item for name, value in args.p for item in ("-p", name, value)]
    rows = [run_notebook(n, corpus, args.work / "report", extra) for n in NOTEBOOKS]
    load = os.getloadavg()[0]
    print(f"PolNeAR train, 840 articles, 7 outlets; {os.cpu_count()} CPUs, load {load:.1f}")
    print("| notebook | status | notebook wall s | process wall s | CPU s |")
    print("|---|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['notebook']} | {r['status']} | {r['notebook_s']:.1f} | "
              f"{r['process_s']:.1f} | {r['cpu_s']:.1f} |")
    print(f"| total | | {sum(r['notebook_s'] for r in rows):.1f} | "
          f"{sum(r['process_s'] for r in rows):.1f} | {sum(r['cpu_s'] for r in rows):.1f} |")
    return 0 if all(r["exit"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
