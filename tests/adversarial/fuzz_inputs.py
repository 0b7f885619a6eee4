"""Random inputs for every corpus reader, shared by the property test and
``bench/fuzz_corpus.py``: each writer puts one input into an empty folder and returns
``(path to load, number of input rows)``; rows is None where the input has no row structure
that the reader must account for (raw random bytes)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

CSV_HEADER = ["id", "outlet", "publish_date", "title", "text"]
MEDIA_CLOUD_HEADER = ["stories_id", "publish_date", "title", "url", "language", "media_name",
                      "text"]


def csv_rows(folder: Path, rows: list[list[str]], header: list[str] = CSV_HEADER
             ) -> tuple[Path, int]:
    """Well-formed CSV (any field text: quotes, newlines, NUL, lone surrogates as bytes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow((row + [""] * len(header))[: len(header)])
    path = folder / "c.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8", errors="surrogatepass"))
    return path, len(rows)


class RawJSON(str):
    """A JSON line written as is (a 5,000-digit number, nesting json.dumps would refuse)."""


def jsonl_values(folder: Path, values: list[object]) -> tuple[Path, int]:
    """One JSON value per line (objects or not, any nesting, lone surrogates escaped)."""
    path = folder / "c.jsonl"
    lines = [v if isinstance(v, RawJSON) else json.dumps(v) for v in values]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path, len(lines)


def raw_file(folder: Path, data: bytes, suffix: str) -> tuple[Path, None]:
    path = folder / f"c{suffix}"
    path.write_bytes(data)
    return path, None


def manifest_bytes(folder: Path, manifest: bytes, article: bytes) -> tuple[Path, None]:
    (folder / "articles").mkdir()
    (folder / "articles" / "a.txt").write_bytes(article)
    (folder / "articles" / "b.html").write_bytes(article)
    (folder / "manifest.csv").write_bytes(b"article_id,file,outlet\n" + manifest)
    return folder, None


def folder_files(folder: Path, files: list[bytes]) -> tuple[Path, int]:
    """A folder without manifest: one .txt or .html file per item."""
    for i, data in enumerate(files):
        (folder / f"f{i}{'.html' if i % 2 else '.txt'}").write_bytes(data)
    return folder, len(files)


def accounted(corpus) -> int:
    """Inputs kept plus inputs named as errors (one error per row, file or line)."""
    errors = corpus.problems[corpus.problems["severity"] == "error"]
    keys = set(zip(errors["source_file"], errors["line"].astype(object).fillna(-1),
                   strict=True))
    return len(corpus.articles) + len(keys)
