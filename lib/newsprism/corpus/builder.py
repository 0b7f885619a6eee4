"""Collecting articles: raw records checked (ids, bytes, language), repaired, cleaned and
kept as article rows, every problem recorded on the way (``CorpusBuilder``); the path-safety
rule (only files inside the corpus folder are read) is ``CorpusBuilder.inside``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from newsprism.core import paths
from newsprism.core.text import count_words
from newsprism.corpus.clean import AUDIT_COLUMNS, CleanResult, clean_text, clean_texts
from newsprism.corpus.clean_rules import CORPUS_KEY, recurring_lines
from newsprism.corpus.contract import (
    ARTICLE_COLUMNS,
    KNOWN_EXTRA,
    OPTIONAL_COLUMNS,
    Corpus,
    column_mapping,
    doubts_table,
    field_text,
    printable,
    problem_table,
)
from newsprism.corpus.encoding import repair_article
from newsprism.corpus.language import (
    DISAGREEMENT_CONFIDENCE,
    UNDETERMINED,
    detect_language,
    normalise_language,
)

MAX_ID_CHARS = 200  # a longer "id" is a text or a number pasted into the wrong column


class CorpusBuilder:
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
        self.doubts: list[dict] = []  # CleanResult.doubts rows: lines kept in doubt
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
        row = {"source_file": printable(self.name(source_file)), "line": line,
               "article_id": printable(article_id), "reason": printable(reason),
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
        article_id = field_text(record.get("article_id"))
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
        author = field_text(record.get("author"))
        result = cleaned if cleaned is not None else clean_text(
            raw_text, article_id, author, cleaning=self.cleaning,
            recurring=self.recurring.get(outlet_key(record), frozenset()),
            corpus_recurring=self.recurring.get(CORPUS_KEY, frozenset()))
        self.audit.extend(result.audit)
        self.doubts.extend(result.doubts)
        if not result.text.strip():
            self.problem(source_file, line, article_id,
                         f"empty after cleaning: all {len(result.audit)} non-blank lines are "
                         "page furniture (see cleaning_audit); skipped")
            return
        language = self.language(record, result.text, source_file, line, article_id)
        outlet = field_text(record.get("outlet"))
        url = field_text(record.get("url"))
        if not outlet:
            outlet = urlparse(url).hostname or "" if url else ""
            outlet = outlet.removeprefix("www.") or "unknown"
            self.problem(source_file, line, article_id,
                         f"no outlet given; using {outlet!r}", severity="warning")
        row = {
            "article_id": article_id, "outlet": outlet, "title": field_text(record.get("title")),
            "author": author or result.author, "published": field_text(record.get("published")),
            "url": url, "genre": field_text(record.get("genre")), "language": language,
            "text": result.text, "n_words": count_words(result.text),
            "source_file": self.name(source_file),
        }
        for column in OPTIONAL_COLUMNS + self.extra_columns:
            if column in record:
                row[column] = field_text(record[column])
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
                [articles[k][1] for k in todo], [field_text(r.get("article_id")) for r in records],
                [field_text(r.get("author")) for r in records], cleaning=self.cleaning,
                recurring=[self.recurring.get(outlet_key(r), frozenset()) for r in records],
                corpus_recurring=self.recurring.get(CORPUS_KEY, frozenset()))
        except Exception:  # cleaned one by one instead, where each failure is reported
            return found
        for k, result in zip(todo, results, strict=True):
            found[k] = result
        return found

    def language(self, record: dict, text: str, source_file: Path | str, line: int | None,
                 article_id: str) -> str:
        given = normalise_language(field_text(record.get("language")))
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
                                         (outlet_key(record) for record, _, _, _ in articles))

    def corpus(self, source: str) -> Corpus:
        present = set().union(*(row.keys() for row in self.rows)) if self.rows else set()
        columns = ARTICLE_COLUMNS + [c for c in OPTIONAL_COLUMNS + self.extra_columns
                                     if c in present]
        articles = pd.DataFrame(self.rows, columns=columns)
        articles["n_words"] = articles["n_words"].astype("int64")
        return Corpus(articles=articles, problems=problem_table(self.problems),
                      cleaning_audit=pd.DataFrame(self.audit, columns=AUDIT_COLUMNS),
                      source=source, cleaning_doubts=doubts_table(self.doubts))


def outlet_key(record: dict) -> str:
    """The outlet an article's lines are counted under (its host when no outlet is given)."""
    outlet = field_text(record.get("outlet"))
    if outlet:
        return outlet
    url = field_text(record.get("url"))
    return (urlparse(url).hostname or "") if url else ""


def canonical_columns(columns: list[str], builder: CorpusBuilder, source_file: Path, line: int,
                      required: str) -> list[str] | None:
    """Contract names for a header row; None (problem recorded) if ``required`` is missing."""
    lowered = [c.strip().lstrip("\ufeff").lower() for c in columns]
    mapping = column_mapping(lowered)
    names = [mapping[c] for c in lowered]
    if required not in names:
        builder.problem(source_file, line, "",
                        f"missing column {required!r} (columns found: {', '.join(lowered)}); "
                        "no articles read from this file")
        return None
    note_extra_columns(names, builder, source_file, line)
    return names


def note_extra_columns(names: list[str], builder: CorpusBuilder, source_file: Path,
                       line: int | None) -> None:
    """Keep columns outside the contract as extra columns, warning about those not known."""
    contract = set(ARTICLE_COLUMNS) | {"file"}
    extra = [c for c in names if c and c not in contract and c not in OPTIONAL_COLUMNS
             and c not in builder.extra_columns]
    unknown = [c for c in extra if c not in KNOWN_EXTRA]
    if unknown:
        builder.problem(source_file, line, "",
                        f"unknown column(s) {', '.join(map(repr, unknown))}: kept as extra "
                        "columns, not used by newsprism", severity="warning")
    builder.extra_columns.extend(extra)
