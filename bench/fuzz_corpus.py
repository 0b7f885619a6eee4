"""Fuzz every corpus reader: N random inputs each; prints exceptions out of ``load_corpus``
and inputs whose rows were neither kept nor named (the floors are 0 and 0).

    .venv/bin/python bench/fuzz_corpus.py --n 10000          # about 10-20 min on 1 core

Inputs (seeded, reproducible): random rows and JSON values written well-formed (every row
must then be kept or named), random bytes, and mutations of good files (bytes flipped,
inserted, cut) for CSV, Media Cloud CSV, JSONL, a manifest folder and a plain folder.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "adversarial"))

import fuzz_inputs as fz  # noqa: E402
from hostile import GOOD, GOOD2  # noqa: E402
from newsprism.corpus.readers import load_corpus  # noqa: E402

PIECES = ['"', ",", "\n", "\r\n", "\x00", "\ud800", "\udfff", "\\", "$\\frac{$", "<script>",
          "\ufeff", "é", "😀", "{", "[", " ", "7" * 50, GOOD, GOOD2]
BYTES = [b'"', b",", b"\n", b"\r", b"\x00", b"\xff", b"\xfe", b"\xed\xa0\x80", b"\xc3",
         b"{", b"}", b"[", b"<", b"\\u", b"\\ud800"]


def text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) if rng.random() < 0.3 else chr(rng.randint(32, 0x2FFF))
                   for _ in range(rng.randint(0, 12)))


def json_value(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice([None, True, rng.randint(-10**6, 10**6), rng.random(), text(rng),
                           float("nan")])
    if roll < 0.75:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {text(rng): json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def record(rng: random.Random):
    roll = rng.random()
    if roll < 0.05:  # numbers and nesting beyond the reader's limits
        return fz.RawJSON(rng.choice(['{"id": ' + "7" * rng.randint(1, 6000) + ', "text": "x"}',
                                      "[" * rng.randint(1, 5000) + "]" * 5000]))
    if roll < 0.2:
        return json_value(rng)
    rec = {"id": rng.choice([text(rng), rng.randint(0, 10**9), "x" * rng.randint(0, 400)]),
           "outlet": text(rng), "text": rng.choice([text(rng), GOOD + text(rng), None, 5])}
    if rng.random() < 0.1:
        rec["text"] = "[" * 5000 + "]" * 5000  # a string, not nesting: must be kept/named
    return rec


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        where = rng.randint(0, len(data))
        roll = rng.random()
        if roll < 0.4:
            data[where:where] = rng.choice(BYTES)
        elif roll < 0.7 and data:
            data[min(where, len(data) - 1)] = rng.randint(0, 255)
        else:
            del data[where:where + rng.randint(1, 20)]
    return bytes(data)


def random_bytes(rng: random.Random) -> bytes:
    return b"".join(rng.choice(BYTES) if rng.random() < 0.3 else bytes([rng.randint(0, 255)])
                    for _ in range(rng.randint(0, 200)))


GOOD_CSV = ('id,outlet,text\ng1,A,"' + GOOD + '"\ng2,B,"' + GOOD2 + '"\n').encode()
GOOD_JSONL = ('{"id": "g1", "outlet": "A", "text": "' + GOOD + '"}\n{"id": "g2", "text": "'
              + GOOD2 + '"}\n').encode()
GOOD_MANIFEST = b"g1,articles/a.txt,A\ng2,articles/b.html,B\n"
GOOD_HTML = f"<html><body><nav>Home</nav><article><p>{GOOD}</p></article></body></html>".encode()


def rows(rng: random.Random, width: int) -> list[list[str]]:
    return [[text(rng) for _ in range(width)] for _ in range(rng.randint(0, 5))]


READERS = {
    "csv_rows": lambda rng, d: fz.csv_rows(d, rows(rng, 5)),
    "mediacloud_rows": lambda rng, d: fz.csv_rows(d, rows(rng, 7), fz.MEDIA_CLOUD_HEADER),
    "jsonl_values": lambda rng, d: fz.jsonl_values(d, [record(rng)
                                                       for _ in range(rng.randint(1, 5))]),
    "csv_bytes": lambda rng, d: fz.raw_file(d, rng.choice(
        [random_bytes(rng), mutate(rng, GOOD_CSV)]), ".csv"),
    "jsonl_bytes": lambda rng, d: fz.raw_file(d, rng.choice(
        [random_bytes(rng), mutate(rng, GOOD_JSONL)]), ".jsonl"),
    "manifest_folder": lambda rng, d: fz.manifest_bytes(
        d, rng.choice([random_bytes(rng), mutate(rng, GOOD_MANIFEST)]),
        rng.choice([random_bytes(rng), mutate(rng, GOOD_HTML)])),
    "plain_folder": lambda rng, d: fz.folder_files(d, [rng.choice(
        [random_bytes(rng), mutate(rng, GOOD_HTML), mutate(rng, GOOD.encode())])
        for _ in range(rng.randint(0, 3))]),
}


def fuzz(name: str, n: int, seed: int) -> Counter:
    rng, counts = random.Random(f"{name}-{seed}"), Counter()
    for done in range(n):
        if done and done % 1000 == 0:
            print(f"  {name}: {done} inputs, {counts['exceptions']} exceptions, "
                  f"{counts['unaccounted']} unaccounted", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            path, expected = READERS[name](rng, Path(tmp))
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    corpus = load_corpus(path)
                corpus.problems.to_csv(Path(tmp) / "p.csv", encoding="utf-8")
                corpus.articles.to_csv(Path(tmp) / "a.csv", encoding="utf-8")
            except Exception:  # the floor: this never happens
                counts["exceptions"] += 1
                if counts["exceptions"] <= 3:
                    traceback.print_exc()
                continue
            counts["articles"] += len(corpus.articles)
            counts["problems"] += len(corpus.problems)
            if expected is not None:
                counts["rows"] += expected
                counts["unaccounted"] += fz.accounted(corpus) != expected
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="inputs per reader")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--readers", default=",".join(READERS))
    args = parser.parse_args(argv)
    failed = 0
    for name in args.readers.split(","):
        start = time.perf_counter()
        counts = fuzz(name, args.n, args.seed)
        failed += counts["exceptions"] + counts["unaccounted"]
        print(f"{name:16s} inputs={args.n} exceptions={counts['exceptions']} "
              f"unaccounted={counts['unaccounted'] if 'rows' in counts else 'n/a'} "
              f"rows={counts['rows']} articles={counts['articles']} "
              f"problems={counts['problems']} seconds={time.perf_counter() - start:.0f}",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
