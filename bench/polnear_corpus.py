"""PolNeAR train as a newsprism corpus folder: a real multi-outlet corpus of one story.

840 articles from 7 US publishers on the 2016 election campaign (Nov 2015 - Sept 2016), each
with its publication date and title. Writes ``manifest.csv`` + ``articles/*.txt`` (the folder
format of README "Your own corpus") under a path outside the repository; the dataset is read
in place and nothing is written into the repository.

    .venv/bin/python bench/polnear_corpus.py /tmp/pn
    .venv/bin/newsprism report --corpus /tmp/pn --out /tmp/pn-r

Prints the articles per outlet and the date span.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from newsprism.core import paths

# The dataset's publisher slugs, as the outlets call themselves.
OUTLET_NAMES = {
    "breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "New York Times",
    "politico": "Politico", "usa-today": "USA Today", "wash-post": "Washington Post",
    "west-journal": "Western Journalism",
}
MANIFEST = ["article_id", "file", "outlet", "author", "published", "language", "title"]
REPO = Path(__file__).resolve().parent.parent


def train_rows(root: Path = paths.POLNEAR) -> list[dict]:
    """Metadata rows of the train compartment (the only split read), in file order."""
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return sorted((r for r in rows if r["compartment"] == "train"), key=lambda r: r["filename"])


def build(out: Path, root: Path = paths.POLNEAR) -> list[dict]:
    """Write the corpus folder ``out``; return its manifest rows."""
    out = out.resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"{out}: inside the repository; give a path outside it (e.g. /tmp/pn)")
    (out / "articles").mkdir(parents=True, exist_ok=True)
    manifest = []
    for row in train_rows(root):
        text = (root / "train" / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
        file = f"articles/{row['filename']}.txt"
        (out / file).write_text(text, encoding="utf-8")
        author = row["author"] if row["author"] not in ("", "None") else ""
        manifest.append({"article_id": row["filename"], "file": file,
                         "outlet": OUTLET_NAMES.get(row["publisher"], row["publisher"]),
                         "author": author, "published": row["publication_date"],
                         "language": "en", "title": row["title"]})
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST)
        writer.writeheader()
        writer.writerows(manifest)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="corpus folder to write (outside the repo)")
    args = parser.parse_args(argv)
    if not (paths.POLNEAR / "metadata.tsv").is_file():
        print(f"PolNeAR not found at {paths.POLNEAR}", file=sys.stderr)
        return 1
    manifest = build(args.out)
    dates = sorted(r["published"] for r in manifest)
    print(f"{len(manifest)} articles written to {args.out.resolve()}; "
          f"published {dates[0]} to {dates[-1]}")
    for outlet, n in sorted(Counter(r["outlet"] for r in manifest).items()):
        print(f"  {outlet}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
