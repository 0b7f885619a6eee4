"""Quote extraction time against article length: MB/s at 1, 4 and 16 MB (issue 13).

One article made by concatenating the PolNeAR texts (paragraphs kept; the bundled corpus
repeated when PolNeAR is absent) until it holds the target size, then ``extract_quotes`` on it
once, then the same text as one paragraph (line breaks made spaces: the worst case for
per-paragraph look-ups). Extraction is linear in article length when the MB/s figure stays roughly constant; the
floor is 16 MB in under 4x the time per MB of 1 MB (printed as the ratio of seconds per MB).
Run: ``.venv/bin/python bench/bench_quotes_scale.py [sizes in MB ...]``.
"""

from __future__ import annotations

import sys
import time

from newsprism.core import paths
from newsprism.corpus.readers import load_corpus
from newsprism.quotes.extract import extract_quotes

FLOOR_RATIO = 4.0


def _pool() -> list[str]:
    files = sorted(f for split in ("train", "dev")  # never a test split
                   for f in (paths.POLNEAR / split / "text").glob("*.txt"))
    if files:
        return [f.read_text(encoding="utf-8") for f in files]
    return list(load_corpus().articles["text"])


def _article(pool: list[str], megabytes: float) -> str:
    target = int(megabytes * 1e6)
    parts, size, i = [], 0, 0
    while size < target:
        text = pool[i % len(pool)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def main(sizes: list[float]) -> None:
    pool = _pool()
    extract_quotes(pool[0])  # warm up regex caches
    for one_paragraph in (False, True):
        print("one paragraph:" if one_paragraph else "paragraphs kept:")
        _run(pool, sizes, one_paragraph)


def _run(pool: list[str], sizes: list[float], one_paragraph: bool) -> None:
    per_mb = {}
    for megabytes in sizes:
        text = _article(pool, megabytes)
        if one_paragraph:
            text = text.replace("\n", " ")
        n_mb = len(text.encode("utf-8")) / 1e6
        started = time.process_time()
        n_quotes = len(extract_quotes(text))
        seconds = time.process_time() - started
        per_mb[megabytes] = seconds / n_mb
        print(f"{n_mb:6.2f} MB: {n_quotes} quotes, {seconds:7.2f} s CPU, {n_mb / seconds:.2f} MB/s")
    smallest, largest = min(sizes), max(sizes)
    if smallest != largest:
        ratio = per_mb[largest] / per_mb[smallest]
        status = "OK" if ratio < FLOOR_RATIO else "ABOVE FLOOR"
        print(f"time per MB at {largest:g} MB / at {smallest:g} MB: {ratio:.2f} "
              f"(floor < {FLOOR_RATIO:g}) {status}")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1.0, 4.0, 16.0])
