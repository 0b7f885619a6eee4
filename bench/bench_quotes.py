"""Speed of quote extraction: MB of article text per second on one core (target >= 1 MB/s).

Uses the PolNeAR texts when present (realistic news at scale), else the bundled corpus repeated.
Run: ``.venv/bin/python bench/bench_quotes.py``.
"""

from __future__ import annotations

import time

from newsprism import paths
from newsprism.corpus import load_corpus
from newsprism.quotes import extract_quotes

TARGET_MB_PER_S = 1.0


def _texts() -> tuple[list[str], str]:
    root = paths.POLNEAR
    files = sorted(root.glob("*/text/*.txt")) if root.exists() else []
    if files:
        return [f.read_text(encoding="utf-8") for f in files], f"PolNeAR ({len(files)} articles)"
    texts = list(load_corpus().articles["text"])
    return texts * 200, f"bundled corpus x200 ({len(texts) * 200} articles)"


def main() -> None:
    texts, label = _texts()
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    extract_quotes(texts[0])  # warm up regex caches
    best = float("inf")
    n_quotes = 0
    for _ in range(3):
        started = time.process_time()
        n_quotes = sum(len(extract_quotes(t)) for t in texts)
        best = min(best, time.process_time() - started)
    mb_per_s = n_bytes / 1e6 / best
    status = "OK" if mb_per_s >= TARGET_MB_PER_S else "BELOW TARGET"
    print(f"extract_quotes on {label}: {n_bytes / 1e6:.2f} MB, {n_quotes} quotes, "
          f"{best:.2f} s CPU (best of 3)")
    print(f"throughput: {mb_per_s:.2f} MB/s per core (target >= {TARGET_MB_PER_S}) {status}")


if __name__ == "__main__":
    main()
