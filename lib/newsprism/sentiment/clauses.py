"""Clauses of a sentence (broken at ";", dashes and contrastive conjunctions), so tone
toward an actor is read in the clause that mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|\s*[\u2014\u2015]\s*|\s+[\u2013-]{1,2}\s+"
    r"|\s*,\s*(?:but|yet|while|whereas|although|though|even though|however)\b\s*"
    r"|\s+(?:whereas|although|though|while|but)\s+(?=\w)",
    re.IGNORECASE,
)


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]`` as offsets into ``text``.

    A sentence breaks at ";", dashes, ", but", ", yet", " while ", " whereas ", " although ",
    " though "; the conjunction itself belongs to no clause (it would otherwise trigger VADER's
    "but" rule inside the clause).

    >>> t = "Putin praised the treaty, but Kim called the sanctions a disaster"
    >>> [t[s:e] for s, e in clause_spans(t)]
    ['Putin praised the treaty', 'Kim called the sanctions a disaster']
    """
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    return spans or [(start, end)]


def clause_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The clause containing ``offset`` (or the nearest one before it)."""
    chosen = spans[0]
    for span in spans:
        if span[0] <= offset:
            chosen = span
        if span[0] <= offset < span[1]:
            return span
    return chosen
