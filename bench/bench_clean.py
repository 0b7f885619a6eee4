"""Cleaning on whole-page text: furniture removed, body kept, and speed.

Usage: ``.venv/bin/python bench/bench_clean.py [--held-back] [--quick]``. Prints, for each
cleaning engine (``newsprism.corpus.clean_validation.ENGINES``), the share of the pagetext gold
furniture strings removed and of body strings kept on the tuning part (in-sample: rules and
model were tuned on it) and, with ``--held-back``, on the held-back part (sites never tuned
on: the figures to report). Then the cleaning speed: MB of raw text per CPU-second (one
core, best of 2 passes after a warm-up, with the load average: the machine may be shared),
on the pagetext pages and on the bundled corpus repeated, cleaned one text at a time
(``clean_text``) and as one batch (``clean_texts``, the corpus loader's way: the line model
runs for several texts at once).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from newsprism.core import paths
from newsprism.corpus import clean_validation
from newsprism.corpus.clean import clean_text, clean_texts


def rates(part: str, quick: bool) -> None:
    pages = clean_validation.load_pagetext(part)
    pages = pages[::4] if quick else pages
    print(f"\n{part}: {len(pages)} pages")
    for engine in clean_validation.ENGINES:
        result = clean_validation.score_pages(pages, clean_validation.clean_with(engine))
        print(f"  {engine:24s} furniture removed {result['furniture_removed']:.4f} "
              f"({result['removed']}/{result['n_remove']})  body kept {result['body_kept']:.4f} "
              f"({result['kept']}/{result['n_keep']})")


def speed(label: str, texts: list[str], cleaning: str, passes: int = 2) -> None:
    """Cleaning speed of ``texts`` one by one (``clean_text``, a user's loop) and as one
    batch (``clean_texts``, what the corpus loader calls): the best of ``passes`` passes
    after a warm-up (models, tables and regular expressions loaded), with the load average."""
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    clean_texts(texts[:20], cleaning=cleaning)
    for way in ("one by one", "batch"):
        seconds = min(_cpu_seconds(texts, cleaning, way) for _ in range(passes))
        print(f"  {label:26s} {way:10s} {cleaning:8s} {megabytes:6.2f} MB in {seconds:6.2f} "
              f"CPU s: {megabytes / seconds:5.2f} MB/s per core (best of {passes}, load "
              f"{os.getloadavg()[0]:.1f})")


def _cpu_seconds(texts: list[str], cleaning: str, way: str) -> float:
    started = time.process_time()
    if way == "batch":
        clean_texts(texts, cleaning=cleaning)
    else:
        for text in texts:
            clean_text(text, cleaning=cleaning)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-back", action="store_true",
                        help="also score the held-back part (count each look)")
    parser.add_argument("--quick", action="store_true", help="every fourth page")
    args = parser.parse_args(argv)
    if not clean_validation.load_pagetext("tuning"):
        print(f"pagetext not found under {clean_validation.PAGETEXT}", file=sys.stderr)
        return 1
    rates("tuning", args.quick)
    if args.held_back:
        rates("held_back", args.quick)
    print("\nspeed (CPU time, one core)")
    pages = [page["text"] for page in clean_validation.load_pagetext("tuning")]
    bundled = [file.read_text(encoding="utf-8")
               for file in sorted((paths.BUNDLED_CORPUS / "articles").glob("*.txt"))] * 200
    for cleaning in ("default", "strict"):
        speed("pagetext tuning pages", pages, cleaning)
        speed("bundled corpus x200", bundled, cleaning)
    return 0


if __name__ == "__main__":
    sys.exit(main())
