"""Synthetic corpora for benchmarks: real sentences resampled into articles of 10 outlets.

Sentences come from the bundled corpus and, when present, the PolNeAR train/dev texts
(read in place via ``newsprism.core.paths.POLNEAR``, never copied). Articles are built from
paragraphs of 1-3 sentences drawn at random, so sentence length, quotation marks and named
entities look like news; the topic mix does not (that is not what the benchmarks measure).

    .venv/bin/python bench/synth.py --articles 1000 --out outputs/bench/synth_1000.jsonl
    .venv/bin/python bench/synth.py --articles 10000 --out outputs/bench/synth_10k.csv

Formats by suffix: ``.jsonl``, ``.csv``, or a folder (manifest.csv + articles/*.txt).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from newsprism.core import paths
from newsprism.core.text import split_paragraphs, split_sentences

OUTLETS = [f"Outlet {chr(ord('A') + i)}" for i in range(10)]
GENRES = ["news report", "analysis", "op-ed", "wire"]
FIELDS = ["article_id", "outlet", "title", "author", "published", "url", "genre", "language",
          "text"]


def sentence_pool(use_polnear: bool = True) -> list[str]:
    """Real sentences (each within one paragraph) from the bundled corpus and PolNeAR."""
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((paths.BUNDLED_CORPUS / "articles").glob("*.txt"))]
    if use_polnear and paths.POLNEAR.is_dir():
        for split in ("train", "dev"):
            texts += [p.read_text(encoding="utf-8")
                      for p in sorted((paths.POLNEAR / split / "text").glob("*.txt"))]
    pool = []
    for text in texts:
        for start, end in split_paragraphs(text):
            paragraph = text[start:end]
            pool += [paragraph[s:e] for s, e in split_sentences(paragraph)
                     if 20 <= e - s <= 400]
    return pool


def synth_articles(n: int, pool: list[str], seed: int = 0,
                   days: int | None = None) -> Iterator[dict]:
    """``n`` article records (dicts with ``FIELDS``), deterministic for a given seed.

    Dates fall in January 2026, or with ``days`` anywhere in the ``days`` days from
    1 January 2025 (a story that runs for a year)."""
    first = datetime.date(2025, 1, 1)
    rng = random.Random(seed)
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(6, 18)):
            paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3))))
        outlet = OUTLETS[i % len(OUTLETS)]
        yield {
            "article_id": f"syn{i:07d}",
            "outlet": outlet,
            "title": paragraphs[0][:90],
            "author": f"Reporter {rng.randint(1, 60)}",
            "published": (f"2026-01-{rng.randint(1, 28):02d}" if days is None else
                          str(first + datetime.timedelta(days=rng.randint(0, days - 1)))),
            "url": f"https://example.org/{outlet.split()[-1].lower()}/{i}",
            "genre": rng.choice(GENRES),
            "language": "en",
            "text": "\n\n".join(paragraphs),
        }


def write_corpus(records: Iterator[dict], out: Path) -> Path:
    """Write records as JSONL, CSV or a manifest folder (chosen by ``out``'s suffix)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix in {".jsonl", ".ndjson"}:
        with open(out, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif out.suffix == ".csv":
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(records)
    else:
        (out / "articles").mkdir(parents=True, exist_ok=True)
        with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["article_id", "file", *FIELDS[1:-1]])
            writer.writeheader()
            for record in records:
                file = f"articles/{record['article_id']}.txt"
                (out / file).write_text(record.pop("text"), encoding="utf-8")
                writer.writerow({**record, "file": file})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", required=True, help=".jsonl, .csv or a folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-polnear", action="store_true")
    parser.add_argument("--days", type=int, default=None,
                        help="spread dates over this many days from 2025-01-01")
    args = parser.parse_args(argv)
    pool = sentence_pool(use_polnear=not args.no_polnear)
    write_corpus(synth_articles(args.articles, pool, args.seed, args.days), Path(args.out))
    print(f"wrote {args.articles} articles ({len(pool)} source sentences) -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
