"""Text units with character offsets: paragraphs and sentences.

Offsets always index the string that was passed in, so every unit can be traced back to
(and highlighted in) the cleaned article text.

>>> from newsprism.text import split_sentences
>>> text = 'On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense. "Go," he said.'
>>> [text[s:e] for s, e in split_sentences(text)]
['On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense.', '"Go," he said.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer

from newsprism.resources import PUNKT_DIR, register_nltk_data

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence that starts lower-case (after `"Why?" he asked`) continues the previous one.
_CONTINUATION = re.compile(r"^[\s\"'\u201c\u201d\u2018\u2019]*[a-z]")


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    register_nltk_data()
    from nltk.tokenize.punkt import PunktTokenizer

    tokenizer = PunktTokenizer("english")
    if not tokenizer._params.abbrev_types:  # pragma: no cover - packaging error
        raise RuntimeError(f"Punkt parameters missing or empty in {PUNKT_DIR}")
    return tokenizer


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: each non-blank line, stripped of surrounding spaces.

    >>> split_paragraphs("One.\\n\\n  Two. \\nThree")
    [(0, 4), (8, 12), (14, 19)]
    """
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s, e in _tokenizer().span_tokenize(text[start:end]):
        s, e = s + start, e + start
        if spans and _CONTINUATION.match(text[s:e]):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    Sentences never cross a paragraph (line) break. News abbreviations ("Dec.", "U.S.",
    "Mr.", "a.m.", "Jr.") do not end a sentence; closing quotation marks stay with the
    sentence they close.

    >>> split_sentences("Hello there. Bye.")
    [(0, 12), (13, 17)]
    """
    spans: list[tuple[int, int]] = []
    for start, end in split_paragraphs(text):
        spans.extend(_split_paragraph(text, start, end))
    return spans


def sentence_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every article: ids, paragraph, offsets and text.

    ``articles`` needs ``article_id`` and ``text``. Offsets index the article's ``text``.

    >>> import pandas as pd
    >>> sentence_table(pd.DataFrame({"article_id": ["a"], "text": ["One. Two.\\nThree."]}))[
    ...     ["sentence_id", "paragraph_id", "text"]].values.tolist()
    [[0, 0, 'One.'], [1, 0, 'Two.'], [2, 1, 'Three.']]
    """
    rows = []
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        rows.extend(_article_sentences(article_id, text))
    return pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
    )


def _article_sentences(article_id: str, text: str) -> Iterable[tuple]:
    sentence_id = 0
    for paragraph_id, (p_start, p_end) in enumerate(split_paragraphs(text)):
        for start, end in _split_paragraph(text, p_start, p_end):
            yield article_id, sentence_id, paragraph_id, start, end, text[start:end]
            sentence_id += 1


def count_words(text: str) -> int:
    """Number of word tokens (letters or digits, inner apostrophes and hyphens kept).

    >>> count_words("Kim Jong-un's letter, 2026.")
    4
    """
    return len(_WORD.findall(text))


_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def article_sentence_rows(article, tables, options) -> pd.DataFrame:
    """Annotation step: the sentence table of one article (see ``newsprism.annotate``)."""
    return pd.DataFrame(
        list(_article_sentences(article.article_id, article.text)),
        columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"],
    )
