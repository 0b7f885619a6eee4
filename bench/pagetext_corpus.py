"""The pagetext pages as a newsprism JSONL corpus: a messy, multilingual real-web corpus.

853 whole web pages (about 600 German, 160 English, the rest Spanish, French, Portuguese,
Chinese, ...) with their navigation, menus, cookie banners and comments, as a browser's
select-all copy gives them (see the dataset README). One JSON object per page: ``article_id``
(the page id), ``outlet`` (the site from the URL, ``www.`` dropped; for the dataset's
``hard::site-name.html`` entries the name before the first ``-``), ``text`` (the page text),
``url``. No ``language`` field: the loader detects it. No ``title``: the pages carry no title
metadata, and a page's first line is most often a menu, a cookie or tracking notice ("= Anfang
Menü=", "Google Tag Manager (noscript)", "Startseite"), not a headline; the loader never makes
a title up from the text, so the articles' ``title`` stays empty.

``published`` is FAKE: the pages carry no usable date, so each page gets a deterministic date
in the 60 days from 2022-01-01, from a hash of its id (same id, same date on every run). Any
over-time reading of this corpus is about that fake spread, not about the news.

The dataset is read in place; the corpus is written outside the repository.

    .venv/bin/python bench/pagetext_corpus.py /tmp/pt.jsonl
    .venv/bin/newsprism report --corpus /tmp/pt.jsonl --out /tmp/pt-report

Prints the pages written, the outlets with most pages and the date span.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.core import paths

PAGETEXT = paths.SHARED / "datasets" / "pagetext"
START = dt.date(2022, 1, 1)
DAYS = 60
REPO = Path(__file__).resolve().parent.parent


def site(url: str) -> str:
    """The site a page came from: host without ``www.``; archived pages name the original."""
    if "::" in url and not url.startswith("http"):
        name = url.split("::", 1)[1].removesuffix(".html")
        return name.split("-", 1)[0].removeprefix("www.")
    if "web.archive.org/web/" in url:
        inner = url.split("/web/", 1)[1].split("/", 1)[1]
        return site(inner if inner.startswith("http") else "http://" + inner)
    return urlsplit(url).netloc.lower().removeprefix("www.")


def fake_date(page_id: str) -> str:
    """A deterministic fake publication date in the DAYS days from START."""
    offset = int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % DAYS
    return (START + dt.timedelta(days=offset)).isoformat()


def rows(root: Path = PAGETEXT) -> list[dict]:
    """One corpus row per page, in id order."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(gold):
        text = (root / "text" / name).read_text(encoding="utf-8")
        page_id = name.removesuffix(".txt")
        out.append({"article_id": page_id, "outlet": site(gold[name]["url"]),
                    "published": fake_date(page_id), "url": gold[name]["url"], "text": text})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="JSONL file to write (outside the repo)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if REPO in out.parents:
        raise SystemExit(f"{out}: inside the repository; give a path outside it")
    if not (PAGETEXT / "gold.json").is_file():
        print(f"pagetext not found at {PAGETEXT}", file=sys.stderr)
        return 1
    corpus = rows()
    with open(out, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in corpus)
    dates = sorted(r["published"] for r in corpus)
    outlets = Counter(r["outlet"] for r in corpus)
    print(f"{len(corpus)} pages from {len(outlets)} sites written to {out}; "
          f"published (fake) {dates[0]} to {dates[-1]}")
    for outlet, n in outlets.most_common(10):
        print(f"  {outlet}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
