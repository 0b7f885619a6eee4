"""Load a corpus: cleaned articles, the problems found while reading them, a cleaning audit.

Accepted inputs (``load_corpus(path)``; ``None`` or ``""`` is the bundled corpus):

- a folder with ``manifest.csv`` (one row per article: ``article_id, file, outlet, ...``) and
  the article files it names, as ``.txt`` or ``.html`` (HTML goes through trafilatura, offline);
- a folder of ``.txt``/``.html`` files without a manifest: outlet = file stem, with a warning;
- a ``.csv`` file with one article per row, including Media Cloud's export columns
  (``id, publish_date, title, url, language, media_name, text``, ...);
- a ``.jsonl`` file with one JSON object per line (same field names as the CSV).

Bad input never stops the whole corpus. The article concerned is skipped (or, for a warning,
kept) and a row is added to ``Corpus.problems`` naming the file, the line, the article and
the reason: missing file, duplicate id, empty text (also empty once page furniture is
removed), undecodable bytes, missing or unknown column, a binary file, invalid JSON, JSON nested
too deep or with a number too long to read, an id over ``MAX_ID_CHARS`` characters, a NUL byte
(that row only), an unterminated CSV quote (the rows it swallowed are named and read on their
own), lone surrogates (replaced by U+FFFD, a warning), an HTML page with no article text, an
empty file or header-only manifest (a warning), a folder that cannot be listed.

Only files inside the corpus folder are read, once symlinks and ``..`` are resolved: a manifest
row naming ``../x``, an absolute path, or a link (file or folder) leading out of the folder is
a problem, "outside the corpus folder; not read".

Cleaning (``newsprism.corpus.clean``) runs on every article; ``Corpus.cleaning_audit`` has one row per
removed line (article_id, line, removed_text, rule, score: the line model's furniture score,
empty for the other rules; rule ``encoding_repair`` rows remove nothing, they record a repaired
title or text, see below). ``line`` is the 1-based line of the raw
article text: the line of the ``.txt`` file, of the text field of a CSV/JSONL row, or of the
text that trafilatura extracted from an ``.html`` file. ``text`` is the cleaned text: kept lines
stripped and joined by blank lines, one paragraph per line. A name found in a removed byline
fills an empty ``author``.

Language: the ``language`` given (manifest, CSV column) is kept, with a warning when the
detector (py3langid, offline) disagrees with p >= 0.95; when none is given the detected code is
used ("und" for texts too short to tell). Non-English articles are kept and flagged.

Encoding policy: input is read as UTF-8 (a BOM is allowed). Bytes that are not UTF-8 are
decoded as cp1252 (the usual culprit: Windows/Latin-1 exports) and a *warning* names the file,
line and offending byte, so a reader can check the accents; pass ``encoding_fallback=None`` to
skip such articles instead. Text that was decoded with the wrong codec before it reached the
corpus (mojibake: "donâ€™t" for "don’t") is repaired unless ``cleaning="off"``; each repaired
title or text has a ``cleaning_audit`` row, rule ``encoding_repair``
(``newsprism.corpus.encoding``). Before that, HTML entities left in plain text ("AT&amp;T",
"&quot;", "&#8217;") are decoded, except on lines holding markup; each decoded field has a row,
rule ``html_entities``, with the number of references decoded (``newsprism.corpus.entities``).
Input files are only ever read.

>>> from newsprism.corpus.readers import load_corpus
>>> corpus = load_corpus()          # the bundled corpus
>>> corpus.articles.shape[0], corpus.problems.shape[0]
(5, 0)
>>> corpus.articles.loc[0, "text"].count("A new world order drawn by")   # headline kept once
1
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from newsprism.core import paths
from newsprism.core.text import count_words
from newsprism.corpus.clean import (
    AUDIT_COLUMNS,
    CLEANING_LEVELS,
    CleanResult,
    clean_text,
    clean_texts,
)
from newsprism.corpus.clean_rules import CORPUS_KEY, recurring_lines
from newsprism.corpus.encoding import removals, repair_article
from newsprism.corpus.language import (
    DISAGREEMENT_CONFIDENCE,
    UNDETERMINED,
    detect_language,
    normalise_language,
)

ARTICLE_COLUMNS = [
    "article_id", "outlet", "title", "author", "published", "url", "genre", "language",
    "text", "n_words", "source_file",
]
PROBLEM_COLUMNS = ["source_file", "line", "article_id", "reason", "severity"]
# Manifest columns carried into the articles table when present.
OPTIONAL_COLUMNS = ["outlet_type", "notes"]
# Other column names accepted for the contract's fields (first match wins).
ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("id", "stories_id", "story_id", "doc_id"),
    "outlet": ("media_name", "source", "publisher", "outlet_name", "site_name", "domain"),
    "published": ("publish_date", "date", "published_at", "pub_date", "publication_date"),
    "title": ("headline",),
    "author": ("byline", "authors", "creator"),
    "url": ("link", "guid"),
    "language": ("lang",),
    "text": ("body", "content", "story_text", "full_text"),
    "file": ("path", "filename"),
}
# Columns of Media Cloud exports that newsprism does not use: carried, without a warning.
KNOWN_EXTRA = {"indexed_date", "media_url", "media_id", "feeds", "collect_date", "ap_syndicated"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_ID_CHARS = 200  # a longer "id" is a text or a number pasted into the wrong column
TEXT_SUFFIXES = {".txt"} | HTML_SUFFIXES


@dataclass
class Corpus:
    """Articles (cleaned ``text``), problems found while loading, and the cleaning audit."""

    articles: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: _problem_table([]))
    cleaning_audit: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=AUDIT_COLUMNS))
    source: str = ""

    def __repr__(self) -> str:
        errors = int((self.problems.get("severity") == "error").sum()) if len(self.problems) else 0
        return (f"Corpus({len(self.articles)} articles, {errors} skipped, "
                f"{len(self.problems) - errors} warnings, {len(removals(self.cleaning_audit))} lines "
                f"of page furniture removed, source={self.source!r})")


def _problem_table(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    table["line"] = table["line"].astype("Int64")
    return table


# ---------------------------------------------------------------- collecting articles


class _Builder:
    """Turns raw records into cleaned article rows; records every problem on the way."""

    def __init__(self, encoding_fallback: str | None, root: Path):
        self.encoding_fallback = encoding_fallback
        # File names are stored relative to the corpus folder (portable across machines).
        self.root = root if root.is_dir() else root.parent
        # Every file read must lie inside this folder once symlinks are resolved.
        self.real_root = self.root.resolve()
        self.rows: list[dict] = []
        self.problems: list[dict] = []
        self.audit: list[dict] = []
        self.seen: dict[str, str] = {}  # article_id -> "file:line" where first seen
        self.extra_columns: list[str] = []
        self.already_warned = 0  # problems already emitted as a Python warning
        self._names: dict[str, str] = {}
        # When a list: articles are read and their ids checked, but cleaning is left to
        # ``RawBatch.clean`` (problems and articles kept in reading order, see iter_raw_batches).
        self.deferred: list[tuple[str, object]] | None = None
        self.n_deferred = 0
        self.cleaning = "default"  # see newsprism.corpus.clean.CLEANING_LEVELS
        self.recurring: dict[str, set[str]] = {}  # outlet -> lines recurring in its articles

    def problem(self, source_file: Path | str, line: int | None, article_id: str, reason: str,
                severity: str = "error") -> None:
        row = {"source_file": _printable(self.name(source_file)), "line": line,
               "article_id": _printable(article_id), "reason": _printable(reason),
               "severity": severity}
        if self.deferred is not None:
            self.deferred.append(("problem", row))
        else:
            self.problems.append(row)

    def name(self, file: Path | str) -> str:
        key = str(file)
        if key not in self._names:
            try:
                self._names[key] = Path(file).relative_to(self.root).as_posix() or "."
            except ValueError:
                self._names[key] = key
        return self._names[key]

    def inside(self, file: Path, where: Path | str, line: int | None, article_id: str,
               shown: str) -> Path | None:
        """The real path of ``file`` when it lies inside the corpus folder (symlinks resolved);
        otherwise None, with a problem naming ``shown`` (the path as the input gave it)."""
        real = paths.resolve_inside(file, self.real_root)
        if real is None:
            self.problem(where, line, article_id, f"{shown}: outside the corpus folder; not read")
        return real

    def decode(self, data: bytes, source_file: Path | str, line_offset: int = 0,
               article_id: str = "") -> str | None:
        """Bytes -> text, or None (problem recorded) for binary or undecodable input."""
        nul = data.find(b"\x00")
        if nul >= 0:
            kind = "UTF-16 text (save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") \
                else "binary data"
            self.problem(source_file, line_offset + data.count(b"\n", 0, nul) + 1, article_id,
                         f"not a text file: {kind}, NUL byte at offset {nul}; skipped")
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = line_offset + data.count(b"\n", 0, error.start) + 1
            where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
            if self.encoding_fallback is None:
                self.problem(source_file, line, article_id,
                             f"not valid UTF-8 ({where}); skipped")
                return None
            try:
                text = data.decode(self.encoding_fallback)
                used = self.encoding_fallback
            except UnicodeDecodeError:
                text, used = data.decode("latin-1"), "latin-1"
            self.problem(source_file, line, article_id,
                         f"not valid UTF-8 ({where}); decoded as {used}, check accented "
                         "characters", severity="warning")
            return text

    def claim_id(self, article_id: str, source_file: Path | str, line: int | None) -> bool:
        """True for a new id; False (problem recorded) for a missing or duplicate one."""
        if not article_id:
            self.problem(source_file, line, "", "missing article id; skipped")
            return False
        if len(article_id) > MAX_ID_CHARS:
            self.problem(source_file, line, article_id[:40] + "...",
                         f"article id is {len(article_id)} characters long (the limit is "
                         f"{MAX_ID_CHARS}); skipped")
            return False
        if article_id in self.seen:
            self.problem(source_file, line, article_id,
                         f"duplicate article_id {article_id!r} (first at {self.seen[article_id]});"
                         " skipped")
            return False
        self.seen[article_id] = self.name(source_file) + (f":{line}" if line else "")
        return True

    def add(self, record: dict, raw_text: str, source_file: Path | str, line: int | None,
            claimed: bool = False, repaired: bool = False,
            cleaned: CleanResult | None = None) -> None:
        """Repair (unless ``repaired`` already) and clean one article and keep it, or record
        why it is skipped (``cleaned``: its cleaning result, when :meth:`clean_all` found it
        already)."""
        article_id = _text(record.get("article_id"))
        if not claimed and not self.claim_id(article_id, source_file, line):
            return
        if self.cleaning != "off" and not repaired:
            try:
                record, raw_text = self.repair(record, raw_text, article_id)
            except Exception as error:  # one odd article must never stop the corpus
                self.problem(source_file, line, article_id,
                             f"unexpected {type(error).__name__} while repairing its "
                             f"encoding: {error}; skipped")
                return
        if self.deferred is not None:
            self.deferred.append(("article", (record, raw_text, source_file, line)))
            self.n_deferred += 1
            return
        try:
            self._add(record, raw_text, source_file, line, article_id, cleaned)
        except Exception as error:  # one odd article must never stop the corpus
            self.problem(source_file, line, article_id,
                         f"unexpected {type(error).__name__} while cleaning: {error}; skipped")

    def repair(self, record: dict, raw_text: str, article_id: str) -> tuple[dict, str]:
        """Mojibake repaired in the title and text (``newsprism.corpus.encoding``), audited."""
        record, raw_text, rows = repair_article(record, raw_text, article_id)
        if rows and self.deferred is not None:
            self.deferred.append(("audit", rows))  # kept in reading order, before its cleaning
        else:
            self.audit.extend(rows)
        return record, raw_text

    def _add(self, record: dict, raw_text: str, source_file: Path | str, line: int | None,
             article_id: str, cleaned: CleanResult | None = None) -> None:
        if not raw_text.strip():
            self.problem(source_file, line, article_id, "empty text; skipped")
            return
        author = _text(record.get("author"))
        result = cleaned if cleaned is not None else clean_text(
            raw_text, article_id, author, cleaning=self.cleaning,
            recurring=self.recurring.get(_outlet_key(record), frozenset()),
            corpus_recurring=self.recurring.get(CORPUS_KEY, frozenset()))
        self.audit.extend(result.audit)
        if not result.text.strip():
            self.problem(source_file, line, article_id,
                         f"empty after cleaning: all {len(result.audit)} non-blank lines are "
                         "page furniture (see cleaning_audit); skipped")
            return
        language = self.language(record, result.text, source_file, line, article_id)
        outlet = _text(record.get("outlet"))
        url = _text(record.get("url"))
        if not outlet:
            outlet = urlparse(url).hostname or "" if url else ""
            outlet = outlet.removeprefix("www.") or "unknown"
            self.problem(source_file, line, article_id,
                         f"no outlet given; using {outlet!r}", severity="warning")
        row = {
            "article_id": article_id, "outlet": outlet, "title": _text(record.get("title")),
            "author": author or result.author, "published": _text(record.get("published")),
            "url": url, "genre": _text(record.get("genre")), "language": language,
            "text": result.text, "n_words": count_words(result.text),
            "source_file": self.name(source_file),
        }
        for column in OPTIONAL_COLUMNS + self.extra_columns:
            if column in record:
                row[column] = _text(record[column])
        self.rows.append(row)

    def clean_all(self, articles: list[tuple]) -> list[CleanResult | None]:
        """The cleaning results of ``articles`` ((record, raw text, file, line) each), found by
        one ``clean_texts`` call (the same as article by article, faster); None for an empty
        text, and for every article when the batch fails (each is then cleaned on its own by
        :meth:`add`, where an odd article is reported and skipped)."""
        found: list[CleanResult | None] = [None] * len(articles)
        try:
            todo = [k for k, (_, raw_text, _, _) in enumerate(articles) if raw_text.strip()]
            records = [articles[k][0] for k in todo]
            results = clean_texts(
                [articles[k][1] for k in todo], [_text(r.get("article_id")) for r in records],
                [_text(r.get("author")) for r in records], cleaning=self.cleaning,
                recurring=[self.recurring.get(_outlet_key(r), frozenset()) for r in records],
                corpus_recurring=self.recurring.get(CORPUS_KEY, frozenset()))
        except Exception:  # cleaned one by one instead, where each failure is reported
            return found
        for k, result in zip(todo, results, strict=True):
            found[k] = result
        return found

    def language(self, record: dict, text: str, source_file: Path | str, line: int | None,
                 article_id: str) -> str:
        given = normalise_language(_text(record.get("language")))
        detected, confidence = detect_language(text)
        if given:
            if detected not in (given, UNDETERMINED) and confidence >= DISAGREEMENT_CONFIDENCE:
                self.problem(source_file, line, article_id,
                             f"language given as {given!r} but detected as {detected!r} "
                             f"(p={confidence:.2f}); kept {given!r}", severity="warning")
            return given
        if detected == UNDETERMINED:
            self.problem(source_file, line, article_id,
                         "language undetermined (text too short); set to 'und'",
                         severity="warning")
        return detected

    def count_recurring(self, events: list[tuple[str, object]]) -> None:
        """The corpus-level pass: lines recurring across each outlet's articles in ``events``."""
        if self.cleaning == "off":
            return
        articles = [item for kind, item in events if kind == "article"]
        self.recurring = recurring_lines((raw for _, raw, _, _ in articles),
                                         (_outlet_key(record) for record, _, _, _ in articles))

    def corpus(self, source: str) -> Corpus:
        present = set().union(*(row.keys() for row in self.rows)) if self.rows else set()
        columns = ARTICLE_COLUMNS + [c for c in OPTIONAL_COLUMNS + self.extra_columns
                                     if c in present]
        articles = pd.DataFrame(self.rows, columns=columns)
        articles["n_words"] = articles["n_words"].astype("int64")
        return Corpus(articles=articles, problems=_problem_table(self.problems),
                      cleaning_audit=pd.DataFrame(self.audit, columns=AUDIT_COLUMNS),
                      source=source)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(value):
    """``value`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _column_mapping(lowered: list[str]) -> dict[str, str]:
    """Source column (lower-cased) -> contract name; other columns map to themselves."""
    mapping: dict[str, str] = {}
    contract = (set(ARTICLE_COLUMNS) | {"file"}) - {"n_words", "source_file"}
    for name in lowered:
        if name in contract:
            mapping[name] = name
    for target, aliases in ALIASES.items():
        if target in mapping.values():
            continue
        alias = next((a for a in aliases if a in lowered), None)
        if alias is not None:
            mapping[alias] = target
    for name in lowered:
        # Computed columns in the input (n_words, source_file) are recomputed, not carried.
        mapping.setdefault(name, f"input_{name}" if name in ARTICLE_COLUMNS else name)
    return mapping


def _canonical_columns(columns: list[str], builder: _Builder, source_file: Path, line: int,
                       required: str) -> list[str] | None:
    """Contract names for a header row; None (problem recorded) if ``required`` is missing."""
    lowered = [c.strip().lstrip("\ufeff").lower() for c in columns]
    mapping = _column_mapping(lowered)
    names = [mapping[c] for c in lowered]
    if required not in names:
        builder.problem(source_file, line, "",
                        f"missing column {required!r} (columns found: {', '.join(lowered)}); "
                        "no articles read from this file")
        return None
    _note_extra_columns(names, builder, source_file, line)
    return names


def _note_extra_columns(names: list[str], builder: _Builder, source_file: Path,
                        line: int | None) -> None:
    contract = set(ARTICLE_COLUMNS) | {"file"}
    extra = [c for c in names if c and c not in contract and c not in OPTIONAL_COLUMNS
             and c not in builder.extra_columns]
    unknown = [c for c in extra if c not in KNOWN_EXTRA]
    if unknown:
        builder.problem(source_file, line, "",
                        f"unknown column(s) {', '.join(map(repr, unknown))}: kept as extra "
                        "columns, not used by newsprism", severity="warning")
    builder.extra_columns.extend(extra)


# ---------------------------------------------------------------- readers


def _read_csv_rows(path: Path, builder: _Builder) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each record of a CSV file; the header comes first.

    The file is streamed (never held in memory whole). Bytes that are not UTF-8 are kept as
    surrogates and dealt with per row (``_fix_surrogates``), so a bad row does not spoil the
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


def _row_ok(fields: list[str], path: Path, line: int, builder: _Builder) -> bool:
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
                    builder: _Builder) -> Iterator[tuple[int, list[str]]]:
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


def _fix_surrogates(value: str, builder: _Builder, path: Path, line: int,
                    article_id: str) -> str | None:
    """Undo ``surrogateescape`` in one field: strict UTF-8 or the fallback (with a problem)."""
    if not _SURROGATE.search(value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    return builder.decode(raw, path, line - 1, article_id)


def _read_csv_table(path: Path, builder: _Builder, required: str
                    ) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | None:
    """Contract column names and the remaining ``(line, fields)`` rows of a CSV file; None
    (problem recorded) when the file is empty or its header lacks ``required``."""
    rows = _read_csv_rows(path, builder)
    first = next(rows, None)
    if first is None:
        return None
    header = [_fix_surrogates(name, builder, path, 1, "") or "" for name in first[1]]
    names = _canonical_columns(header, builder, path, 1, required=required)
    if names is None:
        return None
    return names, rows


def _load_table_file(path: Path, builder: _Builder) -> Iterator[None]:
    table = _read_csv_table(path, builder, required="text")
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
        raw_id = _text(record.get("article_id"))
        for key, value in record.items():
            fixed = _fix_surrogates(value, builder, path, line, raw_id)
            if fixed is None:
                break
            record[key] = fixed
        else:
            if builder.claim_id(_text(record.get("article_id")), path, line):
                builder.add(record, record.get("text", ""), path, line, claimed=True)
                yield
    if not n_rows:
        builder.problem(path, 1, "", "no rows after the header: no articles", severity="warning")


def _load_jsonl(path: Path, builder: _Builder) -> Iterator[None]:
    mappings: dict[tuple[str, ...], dict[str, str]] = {}
    n_lines = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            n_lines += 1
            decoded = builder.decode(raw, path, number - 1)
            if decoded is None:
                continue
            try:
                read = _json_record(decoded, path, number, builder, mappings)
            except (RecursionError, ValueError) as error:  # nesting or number-size limits
                builder.problem(path, number, "", f"JSON beyond the reader's limits "
                                f"({type(error).__name__}: {str(error)[:120]}); skipped")
                continue
            if read is not None:
                builder.add(*read, path, number)
                yield
    if not n_lines:
        builder.problem(path, None, "", "empty file: no JSON lines, no articles",
                        severity="warning")


def _json_record(decoded: str, path: Path, number: int, builder: _Builder,
                 mappings: dict[tuple[str, ...], dict[str, str]]) -> tuple[dict, str] | None:
    """(record, raw text) of one JSON line, or None (problem recorded)."""
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as error:
        builder.problem(path, number, "", f"invalid JSON: {error.msg} at column "
                        f"{error.colno}; skipped")
        return None
    if not isinstance(obj, dict):
        builder.problem(path, number, "",
                        f"expected a JSON object, got {type(obj).__name__}; skipped")
        return None
    obj = _repair_unicode(obj, path, number, builder)
    keys = tuple(str(k).strip().lower() for k in obj)
    if keys not in mappings:  # one mapping per key set: cheap on uniform files
        mappings[keys] = _column_mapping(list(keys))
        _note_extra_columns(list(mappings[keys].values()), builder, path, number)
    record = dict(zip((mappings[keys][k] for k in keys), obj.values(), strict=True))
    record.setdefault("article_id", f"{path.stem}-{number}")
    article_id = _text(record.get("article_id"))
    text = record.get("text")
    if text is None:
        builder.problem(path, number, article_id, "missing field 'text'; skipped")
        return None
    if not isinstance(text, str):
        builder.problem(path, number, article_id,
                        f"field 'text' is {type(text).__name__}, not a string; skipped")
        return None
    return record, text


def _repair_unicode(obj: dict, path: Path, number: int, builder: _Builder) -> dict:
    """Lone surrogates (``"\\ud800"``: valid JSON, not valid Unicode) in keys and string values
    replaced by U+FFFD, with a warning naming the fields."""
    fixed, touched = {}, []
    for key, value in obj.items():
        new_key, new_value = _printable(key), _printable(value)
        if new_key != key or (isinstance(value, str) and new_value != value):
            touched.append(new_key)
        fixed[new_key] = new_value
    if touched:
        builder.problem(path, number, _text(fixed.get("id", fixed.get("article_id"))),
                        f"invalid Unicode (lone surrogate) in {', '.join(map(repr, touched))}; "
                        "replaced by U+FFFD", severity="warning")
    return fixed


def _read_article_file(file: Path, builder: _Builder, article_id: str, shown: str,
                       where: Path | None = None, line: int | None = None
                       ) -> tuple[str, dict] | None:
    """(raw text, metadata found in the file) of one article file, or None (problem recorded).

    ``file`` is read only when it lies inside the corpus folder once symlinks are resolved;
    ``shown`` is its path as the input named it, ``where``/``line`` the manifest row naming it.
    """
    real = builder.inside(file, where or file, line, article_id, shown)
    if real is None:
        return None
    try:
        data = real.read_bytes()
    except OSError as error:
        builder.problem(file, None, article_id, f"cannot read file: {error.strerror}; skipped")
        return None
    text = builder.decode(data, file, 0, article_id)
    if text is None:
        return None
    if file.suffix.lower() in HTML_SUFFIXES:
        try:
            return _extract_html(text)
        except Exception as error:  # a broken page is one skipped article, not a crash
            builder.problem(file, None, article_id,
                            f"HTML extraction failed ({type(error).__name__}: {error}); skipped")
            return None
    return text, {}


# An HTML page whose extracted text is shorter than this is navigation or scripts, not an article.
MIN_HTML_WORDS = 10


def _html_too_short(raw: str, file: Path, builder: _Builder, article_id: str) -> bool:
    """True (problem recorded) when an HTML page gave fewer than MIN_HTML_WORDS words."""
    if file.suffix.lower() not in HTML_SUFFIXES or not raw.strip():
        return False
    n_words = count_words(raw)
    if n_words >= MIN_HTML_WORDS:
        return False
    builder.problem(file, None, article_id,
                    f"HTML page has no article text (extracted {n_words} word(s): navigation or "
                    "scripts only?); skipped")
    return True


def _extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page (trafilatura; nothing is fetched)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True,
        with_metadata=True,
    )
    if not document:
        return "", {}
    document = document.as_dict() if hasattr(document, "as_dict") else document
    meta = {key: _text(document.get(source)) for key, source in
            (("title", "title"), ("author", "author"), ("published", "date"), ("url", "url"),
             ("outlet", "sitename"), ("language", "language"))}
    return (_printable(_text(document.get("text"))),
            {k: _printable(v) for k, v in meta.items() if v})


def _load_manifest_folder(folder: Path, builder: _Builder) -> Iterator[None]:
    manifest = folder / "manifest.csv"
    if builder.inside(manifest, manifest, None, "", "manifest.csv") is None:
        return
    table = _read_csv_table(manifest, builder, required="file")
    if table is None:
        return
    names, rows = table
    listed: set[Path] = set()
    n_rows = 0
    for line, fields in rows:
        n_rows += 1
        if len(fields) != len(names):
            builder.problem(manifest, line, "", f"row has {len(fields)} fields but the header "
                            f"has {len(names)}; skipped")
            continue
        record = dict(zip(names, fields, strict=True))
        for key, value in record.items():
            record[key] = _fix_surrogates(value, builder, manifest, line, "") or ""
        name = _text(record.get("file"))
        article_id = _text(record.get("article_id")) or Path(name).stem
        record["article_id"] = article_id
        if not name:
            builder.problem(manifest, line, article_id, "no file named in column 'file'; skipped")
            continue
        file = folder / name
        real = builder.inside(file, manifest, line, article_id, name)
        if real is None:
            continue
        listed.add(real)
        if not builder.claim_id(article_id, manifest, line):
            continue
        if not real.is_file():
            builder.problem(manifest, line, article_id, f"file not found: {name}; skipped")
            continue
        read = _read_article_file(file, builder, article_id, name, manifest, line)
        if read is None or _html_too_short(read[0], file, builder, article_id):
            continue
        raw, meta = read
        for key, value in meta.items():
            if not _text(record.get(key)):
                record[key] = value
        builder.add(record, raw, file, None, claimed=True)
        yield
    if not n_rows:
        builder.problem(manifest, 1, "", "manifest.csv lists no articles (header only)",
                        severity="warning")
    for file in sorted(_article_files(folder, builder)):
        if file.resolve() not in listed:
            builder.problem(file, None, file.stem, "article file not listed in manifest.csv; "
                            "ignored", severity="warning")


class CorpusWarning(UserWarning):
    """A problem met while reading a corpus (also a row of ``Corpus.problems``)."""


QUIET_VARIABLE = "NEWSPRISM_QUIET_WARNINGS"


def warn(message: str, stacklevel: int = 2) -> None:
    """Warn about a corpus problem, unless ``$NEWSPRISM_QUIET_WARNINGS`` is "1": the report
    runner sets it, since a report shows problems as a table and in words
    (:func:`problems_reading`), never as a raw Python warning with a machine path."""
    if os.environ.get(QUIET_VARIABLE) != "1":
        warnings.warn(message, CorpusWarning, stacklevel=stacklevel + 1)


def _article_label(row: dict) -> str:
    where = row.get("source_file") or ""
    line = row.get("line")
    if line is not None and not pd.isna(line):
        where += f", line {int(line)}"
    article = str(row.get("article_id") or "").strip()
    where = "the corpus folder" if where == "." else where
    return f"{article} ({where})" if article and where else article or where or "the corpus"


def problems_reading(problems: pd.DataFrame, shown: int = 5) -> str:
    """Problems in words, "excluded" (errors: the article is in no later table) told apart
    from "kept with a warning", each naming its article or file (relative to the corpus).

    >>> table = pd.DataFrame([{"source_file": "a.txt", "line": None, "article_id": "a1",
    ...     "reason": "empty text", "severity": "error"}, {"source_file": ".", "line": None,
    ...     "article_id": "", "reason": "no manifest.csv", "severity": "warning"}])
    >>> problems_reading(table)
    '1 article excluded (in no later table): a1 (a.txt): empty text. 1 warning; the articles concerned were kept and analysed: the corpus folder: no manifest.csv.'
    """
    if problems is None or problems.empty:
        return "No input problem was found: every listed article was read."
    severity = problems.get("severity", pd.Series("error", index=problems.index))
    parts = []
    for level, head in (("error", "excluded (in no later table)"),
                        ("warning", "the articles concerned were kept and analysed")):
        rows = problems[severity.fillna("error") == level].to_dict("records")
        if not rows:
            continue
        listed = "; ".join(f"{_article_label(r)}: {r.get('reason', '')}" for r in rows[:shown])
        more = f"; … {len(rows) - shown} more in the table" if len(rows) > shown else ""
        if level == "error":
            count = f"{len(rows)} article{'s' if len(rows) != 1 else ''} {head}"
        else:
            count = f"{len(rows)} warning{'s' if len(rows) != 1 else ''}; {head}"
        parts.append(f"{count}: {listed}{more}.")
    return " ".join(parts)


def _article_files(folder: Path, builder: _Builder) -> list[Path]:
    """``.txt``/``.html`` files in ``folder`` and ``folder/articles`` (not yet checked to lie
    inside the corpus folder); a folder that cannot be listed is a problem, not a crash."""
    files = []
    for where in (folder, folder / "articles"):
        try:
            if where != folder and not where.is_dir():
                continue
            files += [p for p in where.iterdir()
                      if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
        except OSError as error:
            builder.problem(where, None, "", f"cannot list folder ({error.strerror or error}); "
                            "its files are not read")
    return files


def _load_plain_folder(folder: Path, builder: _Builder) -> Iterator[None]:
    files = sorted(_article_files(folder, builder))
    message = (f"{folder.name}/: no manifest.csv; reading {len(files)} article files with "
               "outlet = file name (add a manifest.csv to name outlets, dates and titles)")
    warn(message, stacklevel=4)
    builder.problem(folder, None, "", message, severity="warning")
    builder.already_warned += 1
    for file in files:
        read = _read_article_file(file, builder, file.stem, builder.name(file))
        if read is None or _html_too_short(read[0], file, builder, file.stem):
            continue
        raw, meta = read
        record = {**meta, "article_id": file.stem, "outlet": file.stem}
        builder.add(record, raw, file, None)
        yield


def _records(path: Path, builder: _Builder) -> Iterator[None]:
    if path.is_dir():
        if (path / "manifest.csv").is_file():
            return _load_manifest_folder(path, builder)
        return _load_plain_folder(path, builder)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _load_table_file(path, builder)
    if suffix in {".jsonl", ".ndjson"}:
        return _load_jsonl(path, builder)
    raise ValueError(f"{path}: unsupported corpus file type {suffix!r}; use a folder with "
                     "manifest.csv, a folder of .txt/.html files, a .csv or a .jsonl file")


def _resolve(path: str | Path | None) -> Path:
    path = Path(path) if path not in (None, "") else paths.BUNDLED_CORPUS
    if path.name == "manifest.csv" and path.is_file():
        path = path.parent  # the manifest stands for its folder
    if not path.exists():
        raise FileNotFoundError(f"corpus not found: {path} (a folder with manifest.csv, a "
                                "folder of .txt files, a .csv or a .jsonl file)")
    return path


def load_corpus(path: str | Path | None = None, *,
                encoding_fallback: str | None = "cp1252", cleaning: str = "default") -> Corpus:
    """Read, clean and check a corpus (``None`` or ``""``: the bundled corpus).

    Skipped articles and warnings are listed in ``Corpus.problems`` (and summarised in a
    Python warning); what cleaning removed is in ``Corpus.cleaning_audit``. ``cleaning`` is
    "strict", "default" or "off" (see ``newsprism.corpus.clean``); "strict" and "default" also
    decode HTML entities ("&amp;" -> "&", rule ``html_entities``) and repair mojibake in titles
    and texts ("TrÃ©vidic" -> "Trévidic", rule ``encoding_repair`` in the audit, see
    ``newsprism.corpus.encoding``), "off" leaves the text as read. All articles
    are read before any is cleaned, so lines recurring across an outlet's articles (templates, teasers, footers)
    are counted over the whole corpus.

    >>> corpus = load_corpus()
    >>> sorted(corpus.articles["language"].unique())
    ['en']
    >>> int(corpus.cleaning_audit.groupby("rule").size()["comment_prompt"])
    8
    """
    _check_cleaning(cleaning)
    path = _resolve(path)
    builder = _Builder(encoding_fallback, path)
    builder.deferred, builder.cleaning = [], cleaning
    for _ in _records(path, builder):
        pass
    batch = RawBatch(builder.deferred, builder.root, encoding_fallback,
                     list(builder.extra_columns), str(path), cleaning)
    corpus = batch.clean()
    _warn_problems(corpus, builder.already_warned)
    return corpus


def _check_cleaning(cleaning: str) -> None:
    if cleaning not in CLEANING_LEVELS:
        raise ValueError(f"cleaning must be one of {CLEANING_LEVELS}, got {cleaning!r}")


def _outlet_key(record: dict) -> str:
    """The outlet an article's lines are counted under (its host when no outlet is given)."""
    outlet = _text(record.get("outlet"))
    if outlet:
        return outlet
    url = _text(record.get("url"))
    return (urlparse(url).hostname or "") if url else ""


def iter_corpus_batches(path: str | Path | None = None, batch_size: int = 1000, *,
                        encoding_fallback: str | None = "cp1252") -> Iterator[Corpus]:
    """The corpus as a stream of ``Corpus`` objects of at most ``batch_size`` articles.

    Duplicate ids are still caught across batches. Each problem and audit row travels with
    the batch in which it was found.

    >>> [len(batch.articles) for batch in iter_corpus_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    path = _resolve(path)
    builder = _Builder(encoding_fallback, path)
    produced, n_problems = False, 0
    for _ in _records(path, builder):
        if len(builder.rows) >= batch_size:
            n_problems += len(builder.problems)
            yield builder.corpus(str(path))
            produced = True
            builder.rows, builder.problems, builder.audit = [], [], []
    n_problems += len(builder.problems)
    if builder.rows or builder.problems or not produced:
        yield builder.corpus(str(path))
    if n_problems > builder.already_warned:
        warn(f"{path}: {n_problems} problem(s) while loading; see the problems of "
             "each batch", stacklevel=3)


@dataclass
class RawBatch:
    """Articles read, decoded and id-checked but not yet cleaned; ``clean()`` gives the same
    ``Corpus`` batch that cleaning them at reading time would have given.

    Cleaning and language detection are most of the cost of loading (about 40 µs per
    sentence); a parallel annotation hands raw batches to its workers so that the process
    reading the corpus does not become the bottleneck (see ``newsprism.pipeline.store``).
    """

    events: list[tuple[str, object]]  # ("problem", row) or ("article", raw), in reading order
    root: Path
    encoding_fallback: str | None
    extra_columns: list[str]
    source: str
    cleaning: str = "default"

    def clean(self) -> Corpus:
        """Clean the batch; recurring lines are counted over this batch's articles only."""
        builder = _Builder(self.encoding_fallback, self.root)
        builder.root = self.root  # the reader's folder, even where this path does not exist
        builder.extra_columns = list(self.extra_columns)
        builder.cleaning = self.cleaning
        builder.count_recurring(self.events)
        cleaned = iter(builder.clean_all([item for kind, item in self.events
                                          if kind == "article"]))
        for kind, item in self.events:
            if kind == "problem":
                builder.problems.append(item)
            elif kind == "audit":
                builder.audit.extend(item)
            else:
                record, raw_text, source_file, line = item
                builder.add(record, raw_text, source_file, line, claimed=True, repaired=True,
                            cleaned=next(cleaned))
        return builder.corpus(self.source)


def iter_raw_batches(path: str | Path | None = None, batch_size: int = 1000, *,
                     encoding_fallback: str | None = "cp1252",
                     cleaning: str = "default") -> Iterator[RawBatch]:
    """Like :func:`iter_corpus_batches`, but each batch is cleaned later, by ``clean()``.

    Batches hold at most ``batch_size`` articles as read (an article that cleaning then
    empties still counts), so their boundaries do not depend on where they are cleaned.
    Limitation: lines recurring across an outlet's articles are counted per batch, so a
    template is found when it recurs within one batch (``load_corpus`` counts them over the
    whole corpus).

    >>> [len(batch.clean().articles) for batch in iter_raw_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    _check_cleaning(cleaning)
    path = _resolve(path)
    builder = _Builder(encoding_fallback, path)
    builder.deferred, builder.cleaning = [], cleaning

    def cut() -> RawBatch:
        batch = RawBatch(builder.deferred, builder.root, encoding_fallback,
                         list(builder.extra_columns), str(path), cleaning)
        builder.deferred, builder.n_deferred = [], 0
        return batch

    produced = False
    for _ in _records(path, builder):
        if builder.n_deferred >= batch_size:
            yield cut()
            produced = True
    if builder.deferred or not produced:
        yield cut()


def _warn_problems(corpus: Corpus, already_warned: int = 0) -> None:
    if len(corpus.problems) <= already_warned:
        return
    errors = int((corpus.problems["severity"] == "error").sum())
    warn(f"{corpus.source}: {errors} article(s) skipped and "
         f"{len(corpus.problems) - errors} warning(s) while loading; see "
         "Corpus.problems", stacklevel=4)
