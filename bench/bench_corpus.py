"""Corpus loading speed: CSV of N synthetic articles -> load_corpus (decode, clean, language).

Prints wall and CPU seconds (CPU time does not depend on what else the machine runs) and the
per-article cost of each stage. Usage: ``.venv/bin/python bench/bench_corpus.py [N ...]``
(default 20000). Articles are real paragraphs of the bundled corpus, shuffled, plus furniture.
"""

from __future__ import annotations

import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsprism.core import paths
from newsprism.core.text import count_words
from newsprism.corpus.clean import clean_text
from newsprism.corpus.language import detect_language
from newsprism.corpus.readers import load_corpus

FURNITURE = ["Read more: Another story about the letters", "© 2026 Example Media Inc.",
             "Leave A Reply", "Photo by KNCA/EPA"]


def write_csv(path: Path, n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    paragraphs = [line.strip() for file in sorted((paths.BUNDLED_CORPUS / "articles").glob("*.txt"))
                  for line in file.read_text(encoding="utf-8").split("\n") if len(line) > 80]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "indexed_date", "language", "media_name", "media_url",
                         "publish_date", "title", "url", "text"])
        for i in range(n):
            body = rng.sample(paragraphs, 6) + rng.sample(FURNITURE, 2)
            writer.writerow([i, "2026-01-02", "en", f"outlet{i % 50}", "https://example.org",
                             "2026-01-01", f"Title {i}", f"https://example.org/{i}",
                             "\n\n".join(body)])


def stage_costs(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per article for each stage, on a sample of texts."""
    costs = {}
    for name, function in (("clean_text", lambda t: clean_text(t, "x")),
                           ("detect_language", detect_language), ("count_words", count_words)):
        start = time.process_time()
        for text in texts:
            function(text)
        costs[name] = (time.process_time() - start) / len(texts) * 1000
    return costs


def main(sizes: list[int]) -> None:
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"synthetic_{n}.csv"
            write_csv(path, n)
            size_mb = path.stat().st_size / 1e6
            wall, cpu = time.perf_counter(), time.process_time()
            corpus = load_corpus(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KiB on Linux
            print(f"{n:>7} articles ({size_mb:.0f} MB CSV): load_corpus {wall:.1f} s wall, "
                  f"{cpu:.1f} s CPU = {n / cpu:,.0f} articles per CPU-s; peak RSS so far "
                  f"{peak:,.0f} MB; {len(corpus.articles)} kept, {len(corpus.problems)} problems,"
                  f" {len(corpus.cleaning_audit)} furniture lines removed")
            sample = corpus.articles["text"].head(2000).tolist()
            costs = stage_costs(sample)
            print("         per article (CPU ms): "
                  + ", ".join(f"{k} {v:.2f}" for k, v in costs.items()))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20000])
