"""Coverage over time (50_over_time) on real and large dated corpora.

1. PolNeAR dev as a corpus (84 real articles from 7 publishers, Sept-Nov 2016, with
   publication dates): the notebook runs, and time_attention sums to the articles per outlet.
2. 10,000 synthetic articles over a year (real sentences resampled, 10 outlets), annotated to
   Parquet first: seconds for the notebook alone (floor: under 60 s).

Prints its figures; writes nothing into the repository.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from newsprism.core import paths  # noqa: E402
from synth import sentence_pool, synth_articles, write_corpus  # noqa: E402


def polnear_corpus(out: Path, split: str = "dev") -> Path:
    """PolNeAR ``split`` as a CSV corpus: publisher as outlet, publication_date as published."""
    meta = pd.read_csv(paths.POLNEAR / "metadata.tsv", sep="\t")
    meta = meta[meta["compartment"] == split]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "outlet", "published", "title", "text"])
        for rec in meta.itertuples(index=False):
            text = (paths.POLNEAR / split / "text" / f"{rec.filename}.txt").read_text("utf-8")
            writer.writerow([rec.filename, rec.publisher, rec.publication_date, rec.title, text])
    return out


def run(*args: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds (the process, its kernel and workers) of one CLI call: on a
    shared machine the CPU figure is the one that does not depend on other work."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True,
                          text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu, proc


def check_attention(report: Path, corpus: Path) -> str:
    attention = pd.read_csv(report / "tables" / "time_attention.csv")
    articles = pd.read_csv(corpus)
    same = (attention.groupby("outlet")["articles"].sum().to_dict()
            == articles.groupby("outlet").size().to_dict())
    return "sums to the articles per outlet exactly" if same else "DOES NOT sum to the articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotated", default="",
                        help="an annotated 10,000-article directory to reuse (skips annotate)")
    parser.add_argument("--skip-polnear", action="store_true")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench_time_"))
    if paths.POLNEAR.exists() and not args.skip_polnear:
        corpus = polnear_corpus(tmp / "polnear_dev.csv")
        seconds, cpu, proc = run("report", "--corpus", str(corpus), "--out",
                                 str(tmp / "polnear"), "--notebooks", "50")
        print(f"PolNeAR dev (84 articles, 7 outlets): report rc={proc.returncode} in "
              f"{seconds:.1f} s wall, {cpu:.1f} s CPU; time_attention "
              f"{check_attention(tmp / 'polnear', corpus)}")
    annotated = Path(args.annotated) if args.annotated else tmp / "ann"
    if not args.annotated:
        big = tmp / "year_10000.csv"
        write_corpus(synth_articles(10_000, sentence_pool(), seed=0, days=365), big)
        seconds, cpu, proc = run("annotate", "--corpus", str(big), "--out", str(annotated),
                                 "--jobs", "2")
        print(f"10,000 articles over a year: annotate rc={proc.returncode} in {seconds:.1f} s "
              f"wall, {cpu:.1f} s CPU")
    seconds, cpu, proc = run("report", "--corpus", str(annotated), "--out", str(tmp / "year"),
                             "--notebooks", "50")
    print(f"10,000 articles over a year: 50_over_time rc={proc.returncode} in {seconds:.1f} s "
          f"wall, {cpu:.1f} s CPU (floor: under 60 s; load {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    if proc.returncode:
        print(proc.stdout[-2000:], proc.stderr[-2000:])
    print(f"outputs in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
