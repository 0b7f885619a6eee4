"""The corpus contract: the columns of the articles and problems tables, the other column
names accepted for them, the ``Corpus`` object, and how a field value becomes text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from newsprism.corpus.clean import AUDIT_COLUMNS
from newsprism.corpus.encoding import removals

ARTICLE_COLUMNS = [
    "article_id", "outlet", "title", "author", "published", "url", "genre", "language",
    "text", "n_words", "source_file",
]
PROBLEM_COLUMNS = ["source_file", "line", "article_id", "reason", "severity"]
# Lines the cleaner kept in doubt (the line model leaned to furniture; see
# ``CleanResult.doubts``): kept in the text, never removals.
DOUBT_COLUMNS = ["article_id", "line", "kept_text", "reason", "score"]
DOUBT_PREFIX = "kept_in_doubt: "
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


@dataclass
class Corpus:
    """Articles (cleaned ``text``), problems found while loading, the cleaning audit (what
    cleaning removed or repaired) and the lines cleaning kept in doubt."""

    articles: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: problem_table([]))
    cleaning_audit: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=AUDIT_COLUMNS))
    source: str = ""
    # Lines kept in doubt (see :func:`doubts_table`): not removals, so not in the audit.
    cleaning_doubts: pd.DataFrame = field(default_factory=lambda: doubts_table([]))

    def __repr__(self) -> str:
        errors = int((self.problems.get("severity") == "error").sum()) if len(self.problems) else 0
        return (f"Corpus({len(self.articles)} articles, {errors} skipped, "
                f"{len(self.problems) - errors} warnings, {len(removals(self.cleaning_audit))} lines "
                f"of page furniture removed, source={self.source!r})")


def problem_table(rows: list[dict]) -> pd.DataFrame:
    """The problems table (``PROBLEM_COLUMNS``) of ``rows``, ``line`` as nullable integers."""
    table = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    table["line"] = table["line"].astype("Int64")
    return table


def doubts_table(rows: list[dict]) -> pd.DataFrame:
    """The kept-in-doubt table of ``CleanResult.doubts`` rows: one row per line the cleaner
    kept although its line model leaned to furniture ("when in doubt keep, and say so").

    Returned columns: ``article_id``; ``line`` (1-based line of the raw text); ``kept_text``
    (the line, still in the article's text: nothing was removed); ``reason`` (why it was
    kept, the ``rule`` of the row without its "kept_in_doubt: " prefix); ``score`` (the line
    model's furniture probability).

    >>> doubts_table([{"article_id": "a", "line": 3, "removed_text": "A signal.",
    ...                "rule": "kept_in_doubt: a sentence after a sentence", "score": 0.99}]
    ...              ).values.tolist()
    [['a', 3, 'A signal.', 'a sentence after a sentence', 0.99]]
    """
    table = pd.DataFrame(
        [{"article_id": r["article_id"], "line": r["line"], "kept_text": r["removed_text"],
          "reason": str(r["rule"]).removeprefix(DOUBT_PREFIX), "score": r["score"]}
         for r in rows], columns=DOUBT_COLUMNS)
    return table.astype({"article_id": str, "line": "int64", "kept_text": str, "reason": str,
                         "score": "float64"})


def field_text(value) -> str:
    """A field value as stripped text; "" for None and NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(value):
    """``value`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def column_mapping(lowered: list[str]) -> dict[str, str]:
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
