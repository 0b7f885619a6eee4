"""Mojibake repair at load: what it costs on top of cleaning, on clean and on broken text.

Usage: ``.venv/bin/python bench/bench_encoding.py``. Prints MB of raw text per CPU-second (one
core) for the cheap check alone, cleaning alone (``clean_text``, and ``clean_texts`` on the
whole list as the loader does: what loading did before the repair) and repair + cleaning
(what loading does now), on the pagetext tuning pages and the
bundled corpus repeated 200 times; then the same pages broken as cp1252-read UTF-8 (every
non-ASCII character mojibake), where every page is repaired. Floor: 5 MB/s for load + clean.
"""

from __future__ import annotations

import sys
import time

from newsprism.core import paths
from newsprism.corpus import clean_validation
from newsprism.corpus.clean import clean_text, clean_texts
from newsprism.corpus.encoding import looks_broken, repair_article

FLOOR_MB_PER_S = 5.0


def timed(texts: list[str], step, batch: bool = False) -> float:
    """CPU seconds to run ``step`` on every text (``batch``: on the list at once)."""
    started = time.process_time()
    if batch:
        step(texts)
    else:
        for text in texts:
            step(text)
    return time.process_time() - started


def repair_and_clean(text: str) -> None:
    _, repaired, _ = repair_article({}, text, "")
    clean_text(repaired)


def repair_and_clean_batch(texts: list[str]) -> None:
    """What the loader does (``RawBatch.clean``): repair each text, clean them in one batch."""
    clean_texts([repair_article({}, text, "")[1] for text in texts])


def report(label: str, texts: list[str]) -> None:
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"\n{label}: {len(texts)} texts, {megabytes:.2f} MB, "
          f"{sum(map(looks_broken, texts))} flagged by the cheap check")
    for name, step, batch in (
            ("cheap check", looks_broken, False), ("clean (before)", clean_text, False),
            ("repair + clean (now)", repair_and_clean, False),
            ("batch clean (before)", clean_texts, True),
            ("repair + batch clean (now)", repair_and_clean_batch, True)):
        seconds = timed(texts, step, batch)
        rate = megabytes / seconds
        floor = "" if name == "cheap check" else (
            "  floor met" if rate >= FLOOR_MB_PER_S else "  FLOOR NOT MET")
        print(f"  {name:26s} {seconds:6.2f} CPU s  {rate:7.2f} MB/s per core{floor}")


def broken(text: str) -> str:
    """``text`` as a Windows export shows UTF-8 read as cp1252."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


def main() -> int:
    pages = [page["text"] for page in clean_validation.load_pagetext("tuning")]
    if not pages:
        print(f"pagetext not found under {clean_validation.PAGETEXT}", file=sys.stderr)
        return 1
    bundled = [file.read_text(encoding="utf-8")
               for file in sorted((paths.BUNDLED_CORPUS / "articles").glob("*.txt"))] * 200
    looks_broken("warm up: import ftfy")
    report("pagetext tuning pages", pages)
    report("bundled corpus x200", bundled)
    report("pagetext tuning pages, mojibake", list(map(broken, pages)))
    report("bundled corpus x200, mojibake", list(map(broken, bundled)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
