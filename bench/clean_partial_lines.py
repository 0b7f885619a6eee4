"""Issue 20 census (clean10): missed furniture strings that are part of a line, and the rest of it.

Usage: ``.venv/bin/python bench/clean_partial_lines.py [--examples N]``. Tuning part of pagetext
only, in-sample (the held-back part is never read).

For each tuning furniture (``remove``) string that the shipped ``default`` cleaner leaves in
its output (as ``clean_validation.score_page`` counts it: white space collapsed, cleaned lines
joined by one space), the string is placed on the page's lines (stripped, non-blank, white
space collapsed) as it stays in the cleaned text:

- ``whole line``: it is a whole kept line (split into once on its page / repeated on it);
- ``spans lines``: it runs over a line end (no single kept line holds it);
- otherwise it is part of a kept line, and the rest of that line is classed by the gold
  labels of its characters (every occurrence of every ``remove`` / ``keep`` string of the page
  marked on the page's joined lines; separators and punctuation ignored):
  (a) the rest is other furniture (or only separators): the whole line could go;
  (b) furniture before body: body text after the string, none before;
  (c) furniture after body: body text before it, none after;
  (d) inside body: body text on both sides;
  (e) other: the rest holds text no gold string labels (split by the string's position).

Printed: counts per class with the number of sites each spans, the length of the lines that
hold them, a rough shape of the string (date/time stamp, URL or handle, byline, separators,
short, other) per class, and ``--examples`` strings with their line per class (tuning pages).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

import numpy as np
from newsprism.corpus.clean import clean_texts
from newsprism.corpus.clean_rules import CORPUS_KEY, recurring_lines
from newsprism.corpus.clean_validation import load_pagetext

CLASSES = ("whole line, once", "whole line, repeated", "spans lines",
           "(a) rest is furniture", "(b) before body", "(c) after body", "(d) inside body",
           "(e) other, at line start", "(e) other, at line end", "(e) other, inside")
_WORDISH = re.compile(r"[^\W_]")
_STAMP = re.compile(r"\d{1,2}[./:-]\d{1,2}|\d{4}")
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|de|org|net)\b|@\w")
_BYLINE = re.compile(r"(?i)^(?:by|von|par|por|de)\s|autor|author")
_SEPARATOR = re.compile(r"\s[|•·/–—-]\s|[|•·»›>]")


def norm(text: str) -> str:
    return " ".join(text.split())


def cleaned_default(pages: list[dict]) -> list[str]:
    """The shipped ``default`` cleaner's output, pages cleaned as one corpus (sites as outlets),
    as ``clean_validation.clean_with`` does."""
    recurring = recurring_lines([p["text"] for p in pages], [p["site"] for p in pages])
    return [r.text for r in clean_texts(
        [p["text"] for p in pages], [p["page_id"] for p in pages],
        recurring=[recurring.get(p["site"], frozenset()) for p in pages],
        corpus_recurring=recurring.get(CORPUS_KEY, frozenset()), cleaning="default")]


def _mask(joined: str, strings: list[str]) -> np.ndarray:
    mask = np.zeros(len(joined), dtype=bool)
    for string in strings:
        start = joined.find(string)
        while start >= 0:
            mask[start:start + len(string)] = True
            start = joined.find(string, start + 1)
    return mask


def _rest_labels(joined: str, span: range, furniture: np.ndarray, body: np.ndarray
                 ) -> tuple[int, int, int]:
    """(body, furniture-only, unlabelled) letters and digits in ``span`` of ``joined``."""
    counts = [0, 0, 0]
    for i in span:
        if _WORDISH.match(joined[i]):
            counts[0 if body[i] else 1 if furniture[i] else 2] += 1
    return counts[0], counts[1], counts[2]


def classify(string: str, line: str, line_start: int, at: int, joined: str,
             furniture: np.ndarray, body: np.ndarray) -> str:
    """The class of a missed string found at ``at`` of ``joined``, inside ``line``."""
    before = _rest_labels(joined, range(line_start, at), furniture, body)
    after = _rest_labels(joined, range(at + len(string), line_start + len(line)), furniture,
                         body)
    if before[0] + before[2] + after[0] + after[2] == 0:
        return "(a) rest is furniture"
    if before[0] or after[0]:
        return ("(d) inside body" if before[0] and after[0] else "(b) before body"
                if after[0] else "(c) after body")
    if before[2] and after[2]:
        return "(e) other, inside"
    return "(e) other, at line start" if after[2] else "(e) other, at line end"


def shape(string: str) -> str:
    """A rough shape of a furniture string (the first that fits)."""
    if _LINKISH.search(string):
        return "url/handle"
    if _STAMP.search(string):
        return "date/time/digits"
    if _BYLINE.search(string):
        return "byline"
    if _SEPARATOR.search(string):
        return "separators"
    return "short (<=4 words)" if len(string.split()) <= 4 else "other"


def census_page(page: dict, cleaned: str) -> list[dict]:
    """One row per furniture string the cleaner missed on a page: class, line, lengths."""
    lines = [norm(line) for line in page["text"].split("\n") if line.strip()]
    joined = " ".join(lines)
    starts = np.cumsum([0] + [len(line) + 1 for line in lines[:-1]])
    kept = [norm(line) for line in cleaned.split("\n\n") if line.strip()]
    cleaned_n = " ".join(kept)
    removes = [r for r in map(norm, page["remove"]) if r and r in joined]
    keeps = [k for k in map(norm, page["keep"]) if k and k in joined]
    furniture, body = _mask(joined, removes), _mask(joined, keeps)
    counts = Counter(lines)
    rows = []
    for string in removes:
        if string not in cleaned_n:
            continue
        row = {"site": page["site"], "page": page["page_id"], "string": string, "line": ""}
        if string in kept:
            row["class"] = "whole line, repeated" if counts[string] > 1 else "whole line, once"
            row["line"] = string
        else:
            holder = next((line for line in kept if string in line), None)
            if holder is None:
                row["class"] = "spans lines"
            else:
                k = lines.index(holder)
                at = joined.index(string, starts[k])
                row["class"] = classify(string, holder, int(starts[k]), at, joined, furniture,
                                        body)
                row["line"] = holder
        row["in_body"] = any(string in k for k in keeps)
        rows.append(row)
    return rows


def report(rows: list[dict], examples: int) -> None:
    by_class = defaultdict(list)
    for row in rows:
        by_class[row["class"]].append(row)
    print(f"missed furniture strings: {len(rows)} on {len({r['page'] for r in rows})} pages, "
          f"{len({r['site'] for r in rows})} sites")
    print("class | strings | sites | pages | also inside a keep string | line chars median/max")
    for name in CLASSES:
        got = by_class.get(name, [])
        if not got:
            print(f"{name} | 0")
            continue
        lengths = [len(r["line"]) for r in got if r["line"]] or [0]
        print(f"{name} | {len(got)} | {len({r['site'] for r in got})} | "
              f"{len({r['page'] for r in got})} | {sum(r['in_body'] for r in got)} | "
              f"{int(np.median(lengths))}/{max(lengths)}")
    print("\nshape of the string per class (strings / sites)")
    for name in CLASSES:
        got = by_class.get(name, [])
        shapes = defaultdict(list)
        for row in got:
            shapes[shape(row["string"])].append(row["site"])
        cells = ", ".join(f"{s} {len(v)}/{len(set(v))}" for s, v in
                          sorted(shapes.items(), key=lambda kv: -len(kv[1])))
        print(f"{name}: {cells}")
    sites = Counter(r["site"] for r in rows if not r["class"].startswith(("whole", "spans")))
    print("\nsites with most part-of-line misses:", ", ".join(f"{s} {n}" for s, n in
                                                           sites.most_common(8)))
    for name in CLASSES[2:] if examples else ():
        print(f"\n== {name}")
        for row in by_class.get(name, [])[:examples]:
            print(f"  [{row['site']}] {row['string'][:90]!r}\n      in: {row['line'][:220]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="example strings per class")
    args = parser.parse_args(argv)
    pages = load_pagetext("tuning")
    rows = [row for page, cleaned in zip(pages, cleaned_default(pages), strict=True)
            for row in census_page(page, cleaned)]
    print(f"pagetext tuning part, in-sample: {len(pages)} pages; shipped `default` cleaner")
    report(rows, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
