"""HTML entities decoded at load (``newsprism.corpus.entities``) on the 853 pagetext pages.

Usage: ``.venv/bin/python bench/bench_entities.py``. Prints:

- how many pages hold entity references, how many ftfy's rule (decode only a text without any
  "<") would decode, and how many the line rule (decode the lines without a raw tag) decodes,
  with the references decoded and the references left on markup lines;
- the cleaner's scores (``clean_validation``: furniture strings removed, body strings kept,
  default level) on the pages as read and on the pages with their entities decoded (the gold
  strings decoded the same way, so a string is found in either form), per part;
- the speed of the decoding alone (MB of raw text per CPU-second, one core).

The pages are read in place; pagetext is a development set (every figure is in-sample for
the cleaner's tuning part).
"""

from __future__ import annotations

import time

from newsprism.corpus import clean_validation
from newsprism.corpus.entities import decode_entities, decode_line


def counts(pages: list[dict]) -> dict[str, int]:
    """Pages with references, pages decoded by ftfy's rule and by the line rule, references."""
    found = ftfy_rule = line_rule = decoded = on_markup = 0
    for page in pages:
        text = page["text"]
        _, n = decode_entities(text)
        any_reference = False
        for line in text.split("\n"):
            _, kept = decode_line(line.replace("<", " "))  # every reference, markup or not
            _, n_line = decode_line(line)
            any_reference |= kept > 0
            on_markup += kept - n_line
        found += any_reference
        ftfy_rule += any_reference and "<" not in text
        line_rule += n > 0
        decoded += n
    return {"pages with references": found, "pages decoded by ftfy's rule": ftfy_rule,
            "pages decoded by the line rule": line_rule, "references decoded": decoded,
            "references left on markup lines": on_markup}


def decoded_pages(pages: list[dict]) -> list[dict]:
    """The pages with their text and gold strings decoded."""
    return [{**page, "text": decode_entities(page["text"])[0],
             "keep": [decode_entities(s)[0] for s in page["keep"]],
             "remove": [decode_entities(s)[0] for s in page["remove"]]} for page in pages]


def main() -> int:
    pages = clean_validation.load_pagetext()
    if not pages:
        print("pagetext not found")
        return 1
    print(f"{len(pages)} pagetext pages")
    for name, value in counts(pages).items():
        print(f"  {name:34s} {value:6d}")
    megabytes = sum(len(p["text"].encode("utf-8")) for p in pages) / 1e6
    started = time.process_time()
    for page in pages:
        decode_entities(page["text"])
    seconds = time.process_time() - started
    print(f"decoding alone: {megabytes:.2f} MB in {seconds:.3f} CPU s, "
          f"{megabytes / seconds:.0f} MB/s per core")
    clean = clean_validation.clean_with("newsprism default")
    print("cleaning (default level): furniture removed / body kept (n strings)")
    for part in ("tuning", "held_back"):
        part_pages = clean_validation.load_pagetext(part)
        for label, scored in (("as read", part_pages), ("entities decoded",
                                                        decoded_pages(part_pages))):
            s = clean_validation.score_pages(scored, clean)
            print(f"  {part:9s} {label:17s} removed {s['furniture_removed']:.4f} "
                  f"({s['removed']}/{s['n_remove']})  kept {s['body_kept']:.4f} "
                  f"({s['kept']}/{s['n_keep']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
