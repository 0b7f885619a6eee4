"""Reading a CSV file (a corpus table or a manifest): streamed rows, binary files, NUL bytes,
unterminated quotes and undecodable bytes each named as a problem of their row.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from newsprism.corpus.builder import CorpusBuilder, canonical_columns
from newsprism.corpus.contract import field_text


def _read_csv_rows(path: Path, builder: CorpusBuilder) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each record of a CSV file; the header comes first.

    The file is streamed (never held in memory whole). Bytes that are not UTF-8 are kept as
    surrogates and dealt with per row (``fix_surrogates``), so a bad row does not spoil the
    others.
    """
    with open(path, "rb") as probe:
        head = probe.read(1 << 16)
    if _looks_binary(head):
        builder.decode(head, path)  # records the binary-file problem
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        tap = _LineTap(handle)
        reader = csv.reader(tap)
        line, width = 1, None
        while True:
            tap.lines = []
            try:
                fields = next(reader)
            except StopIteration:
                if line == 1:
                    builder.problem(path, 1, "", "empty file: no header row")
                return
            except csv.Error as error:
                builder.problem(path, line, "", f"malformed CSV: {error}; skipped")
                line = reader.line_num + 1
                continue
            if width is not None and len(tap.lines) > 1 and _bad_quoting(tap.lines):
                yield from _swallowed_rows(tap.lines, line, width, path, builder)
            elif _row_ok(fields, path, line, builder):
                width = len(fields) if width is None else width
                yield line, fields
            line = reader.line_num + 1


def _looks_binary(head: bytes) -> bool:
    """UTF-16 (a BOM) or mostly NUL bytes: not a CSV at all (a stray NUL spoils one row)."""
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or head.count(b"\x00") > len(head) // 10


def _row_ok(fields: list[str], path: Path, line: int, builder: CorpusBuilder) -> bool:
    """False for a blank record, or (problem recorded) a record holding a NUL byte."""
    if fields and any("\x00" in field for field in fields):
        builder.problem(path, line, "", "binary data (NUL byte) in this row; skipped")
        return False
    return bool(fields)


class _LineTap:
    """The lines of a text file, keeping those of the CSV record being read (``lines``)."""

    def __init__(self, handle):
        self.handle, self.lines = handle, []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.handle)
        self.lines.append(line)
        return line


def _bad_quoting(lines: list[str]) -> bool:
    """True when a record spanning several lines is not one well-quoted record: a quote left
    open (to the end of the file, or until some later row's quote closes it)."""
    try:
        return len(list(csv.reader(lines, strict=True))) != 1
    except csv.Error:
        return True


def _swallowed_rows(lines: list[str], first: int, width: int, path: Path,
                    builder: CorpusBuilder) -> Iterator[tuple[int, list[str]]]:
    """The record opened on line ``first`` left a quote open: skip it (problem recorded) and
    read each later line that parses as a full row on its own, naming it."""
    last = first + len(lines) - 1
    builder.problem(path, first, "", f"unterminated quoted field (it runs to line {last} and "
                    "swallows the rows in between); skipped")
    for number, text in enumerate(lines[1:], start=first + 1):
        fields = next(csv.reader([text]), [])
        if len(fields) != width:  # a continuation line of the broken row's own text
            continue
        if _row_ok(fields, path, number, builder):
            builder.problem(path, number, fields[0][:80], f"row was inside the unterminated "
                            f"quoted field opened on line {first}; read on its own",
                            severity="warning")
            yield number, fields


_SURROGATE = re.compile("[\udc80-\udcff]")


def fix_surrogates(value: str, builder: CorpusBuilder, path: Path, line: int,
                   article_id: str) -> str | None:
    """Undo ``surrogateescape`` in one field: strict UTF-8 or the fallback (with a problem)."""
    if not _SURROGATE.search(value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    return builder.decode(raw, path, line - 1, article_id)


def read_csv_table(path: Path, builder: CorpusBuilder, required: str
                   ) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | None:
    """Contract column names and the remaining ``(line, fields)`` rows of a CSV file; None
    (problem recorded) when the file is empty or its header lacks ``required``."""
    rows = _read_csv_rows(path, builder)
    first = next(rows, None)
    if first is None:
        return None
    header = [fix_surrogates(name, builder, path, 1, "") or "" for name in first[1]]
    names = canonical_columns(header, builder, path, 1, required=required)
    if names is None:
        return None
    return names, rows


def load_csv_file(path: Path, builder: CorpusBuilder) -> Iterator[None]:
    """Read a corpus CSV file (one article per row) into ``builder``; yields once per article."""
    table = read_csv_table(path, builder, required="text")
    if table is None:
        return
    names, rows = table
    generated_ids = "article_id" not in names
    n_rows = 0
    for line, fields in rows:
        n_rows += 1
        if len(fields) != len(names):
            builder.problem(path, line, "",
                            f"row has {len(fields)} fields but the header has {len(names)}; "
                            "skipped")
            continue
        record = dict(zip(names, fields, strict=True))
        if generated_ids:
            record["article_id"] = f"{path.stem}-{line}"
        raw_id = field_text(record.get("article_id"))
        for key, value in record.items():
            fixed = fix_surrogates(value, builder, path, line, raw_id)
            if fixed is None:
                break
            record[key] = fixed
        else:
            if builder.claim_id(field_text(record.get("article_id")), path, line):
                builder.add(record, record.get("text", ""), path, line, claimed=True)
                yield
    if not n_rows:
        builder.problem(path, 1, "", "no rows after the header: no articles", severity="warning")
