"""Reading a JSONL file: one article per JSON object, each bad line (invalid JSON, not an
object, beyond the reader's limits, no text) named as a problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsprism.corpus.builder import CorpusBuilder, note_extra_columns
from newsprism.corpus.contract import column_mapping, field_text, printable


def load_jsonl(path: Path, builder: CorpusBuilder) -> Iterator[None]:
    """Read a JSONL file (one article per JSON line) into ``builder``; yields once per article."""
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


def _json_record(decoded: str, path: Path, number: int, builder: CorpusBuilder,
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
        mappings[keys] = column_mapping(list(keys))
        note_extra_columns(list(mappings[keys].values()), builder, path, number)
    record = dict(zip((mappings[keys][k] for k in keys), obj.values(), strict=True))
    record.setdefault("article_id", f"{path.stem}-{number}")
    article_id = field_text(record.get("article_id"))
    text = record.get("text")
    if text is None:
        builder.problem(path, number, article_id, "missing field 'text'; skipped")
        return None
    if not isinstance(text, str):
        builder.problem(path, number, article_id,
                        f"field 'text' is {type(text).__name__}, not a string; skipped")
        return None
    return record, text


def _repair_unicode(obj: dict, path: Path, number: int, builder: CorpusBuilder) -> dict:
    """Lone surrogates (``"\\ud800"``: valid JSON, not valid Unicode) in keys and string values
    replaced by U+FFFD, with a warning naming the fields."""
    fixed, touched = {}, []
    for key, value in obj.items():
        new_key, new_value = printable(key), printable(value)
        if new_key != key or (isinstance(value, str) and new_value != value):
            touched.append(new_key)
        fixed[new_key] = new_value
    if touched:
        builder.problem(path, number, field_text(fixed.get("id", fixed.get("article_id"))),
                        f"invalid Unicode (lone surrogate) in {', '.join(map(repr, touched))}; "
                        "replaced by U+FFFD", severity="warning")
    return fixed
