"""The voice split: a sentence's own words (``author``) apart from its quoted words
(``quoted``), with the quoted spans taken from the quotes table or from paired quotation marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsprism.core.lazy import pandas as pd
from newsprism.core.text import count_words
from newsprism.quotes.marks import pair_marks

VOICES = ("all", "author", "quoted")


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge overlaps (a single quote nested in a double quote, say)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def fallback_quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans found by pairing quotation marks (marks excluded), merged and sorted.

    Used when the quotes step did not run; the pairing is ``newsprism.quotes.marks.pair_marks``
    (apostrophes told apart from single quotes; never raises).

    >>> text = 'Kim said “we are brothers” about Russia’s ‘heroic participation’.'
    >>> [text[s:e] for s, e in fallback_quote_spans(text)]
    ['we are brothers', 'heroic participation']
    """
    return merge_spans((m.start, m.end) for m in pair_marks(text) if m.end > m.start)


def quote_spans_from_table(quotes: pd.DataFrame | None,
                           kinds: tuple[str, ...] = ("speech",)) -> list[tuple[int, int]] | None:
    """Spans of the quotes table rows whose ``kind`` is in ``kinds`` (None when unusable).

    Scare quotes and titles (``kind == "term"``) stay in the author's voice: nobody is being
    given a voice, the writer is marking a word.
    """
    if quotes is None or not {"start", "end"} <= set(quotes.columns):
        return None
    # Plain iteration: a boolean-mask copy of the table per article cost more than this.
    starts, ends = quotes["start"].tolist(), quotes["end"].tolist()
    if "kind" in quotes.columns and kinds:
        wanted = set(kinds)
        keep = [k in wanted for k in quotes["kind"].tolist()]
        starts = [s for s, k in zip(starts, keep, strict=True) if k]
        ends = [e for e, k in zip(ends, keep, strict=True) if k]
    return merge_spans(zip(map(int, starts), map(int, ends), strict=True))


def split_voice(text: str, start: int, end: int,
                quote_spans: Sequence[tuple[int, int]]) -> tuple[str, str]:
    """Split ``text[start:end]`` into (author words, quoted words) using article-level spans.

    Parts are joined with a space; quotation marks stay on the author side (VADER ignores them).

    >>> t = 'Kim called it “a glorious alliance” and Seoul was alarmed.'
    >>> split_voice(t, 0, len(t), [(15, 34)])
    ('Kim called it “ ” and Seoul was alarmed.', 'a glorious alliance')
    """
    author, quoted, cursor = [], [], start
    for q_start, q_end in quote_spans:
        if q_end <= start or q_start >= end:
            continue
        q_start, q_end = max(q_start, start), min(q_end, end)
        if q_start > cursor:
            author.append(text[cursor:q_start])
        quoted.append(text[q_start:q_end])
        cursor = max(cursor, q_end)
    if cursor < end:
        author.append(text[cursor:end])
    join = " ".join
    return (join(p.strip() for p in author if p.strip()),
            join(p.strip() for p in quoted if p.strip()))


def sentence_voice_rows(text: str, sentences: Sequence[tuple[int, int, int]],
                        quote_spans: Sequence[tuple[int, int]],
                        word_counts: dict[str, int] | None = None) -> list[tuple[int, str, str]]:
    """(sentence_id, voice, text) for every sentence: ``all``, plus ``author``/``quoted`` parts.

    A voice whose part has no words is left out rather than scored as a neutral zero.
    ``word_counts`` (optional) caches ``count_words`` per part text and is filled in.
    """
    counts = {} if word_counts is None else word_counts

    def n_words(part: str) -> int:
        n = counts.get(part)
        if n is None:
            n = counts[part] = count_words(part)
        return n

    rows = []
    for sentence_id, start, end in sentences:
        whole = text[start:end]
        rows.append((sentence_id, "all", whole))
        author, quoted = split_voice(text, start, end, quote_spans)
        if n_words(author):
            rows.append((sentence_id, "author", author))
        if quoted and n_words(quoted):
            rows.append((sentence_id, "quoted", quoted))
    return rows
