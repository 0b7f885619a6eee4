"""Signs of body text on a line the line model scores as furniture ("when in doubt, keep").

A line the model would remove stays, as a doubt, when it is the first line (an article's
headline), a sentence after a sentence (short closing sentences of an article) or a line
between two (a subhead), when it goes on from the line before (a paragraph broken across
lines), or when it is in a run of numbered items (a ranked list: a numbered line next to
another, or a line between two). :func:`body_sign` finds the sign of one line;
:func:`sign_codes` the sign of every line of many pages at once (numpy over the lines'
first and last characters), for the cleaner's batch path. Both give the same answer.

>>> lines = ["Headline", "He came.", "She left.", "menu", "1. One", "2. Two"]
>>> signs = LineSigns(lines)
>>> [body_sign(lines, k, signs) for k in range(len(lines))][:3]
['first line (headline)', None, 'a sentence after a sentence']
>>> page = Page(lines)
>>> [BODY_SIGNS[c] for c in sign_codes(page, np.ones(6, dtype=bool), Segments([6]))] == [
...     body_sign(lines, k, signs) for k in range(len(lines))]
True
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

import numpy as np

from newsprism.corpus.clean_chars import Page, in_class
from newsprism.corpus.clean_rules import SENTENCE_ENDERS, ends_sentence
from newsprism.corpus.clean_segments import Segments

# Index 0: no sign; the codes of :func:`sign_codes` index this list.
BODY_SIGNS: list[str | None] = [
    None, "first line (headline)", "a sentence after a sentence",
    "between two sentences (a subhead)", "continues the line before", "numbered list item",
]
_FIRST, _AFTER_SENTENCE, _SUBHEAD, _CONTINUES, _LIST = range(1, 6)

_LIST_ITEM = re.compile(r"\(?\d{1,3}[.)]?\s+\S")
_LINE_ENDERS = SENTENCE_ENDERS + "…"  # a sentence line ends in one of these
# a line ending in none of these (and long, body-like) goes on in the next line
_CLOSING = ".!?:;。！？\"”’»)"
_CLOSERS = "\"'”’»)"  # what ``ends_sentence`` strips after the mark


def _sentence(line: str) -> bool:
    return ends_sentence(line, _LINE_ENDERS) and " " in line


class LineSigns:
    """Per line: is it a sentence, a numbered item, body-like (sentences and items found for
    all lines at once, by ``map``, when first asked: a page's model pass asks about most).
    ``codes``: the page's :func:`sign_codes` when the caller has them (then :meth:`why`
    reads them instead of testing the line)."""

    def __init__(self, lines: list[str], probabilities=None, sure: float = 1.0,
                 codes: list[int] | None = None) -> None:
        self.lines, self.probabilities, self.sure = lines, probabilities, sure
        self.codes = codes

    @cached_property
    def body_like(self) -> list[bool]:
        """Per line: the model scores it below ``sure`` (a line after it may continue it)."""
        return [True] * len(self.lines) if self.probabilities is None else (
            self.probabilities < self.sure).tolist()

    @cached_property
    def sentences(self) -> list[bool]:
        """Per line, with one more (False) at each end: the lines before the first and after
        the last (line ``k`` at ``k + 1``)."""
        return [False, *map(_sentence, self.lines), False]

    @cached_property
    def items(self) -> list[bool]:
        """Per line, with two more (False) at each end (line ``k`` at ``k + 2``)."""
        return [False, False, *[m is not None for m in map(_LIST_ITEM.match, self.lines)],
                False, False]

    def why(self, k: int) -> str | None:
        """:func:`body_sign` of line ``k``."""
        return body_sign(self.lines, k, self) if self.codes is None else BODY_SIGNS[self.codes[k]]


def body_sign(lines: list[str], k: int, signs: LineSigns) -> str | None:
    """Why a line the model scores as furniture may still be body text (one of
    ``BODY_SIGNS``), or None (see the module docstring)."""
    if k == 0:
        return BODY_SIGNS[_FIRST]
    line, before = lines[k], lines[k - 1]
    sentences = signs.sentences
    if sentences[k]:  # the line before
        if sentences[k + 1]:
            return BODY_SIGNS[_AFTER_SENTENCE]
        if sentences[k + 2]:
            return BODY_SIGNS[_SUBHEAD]
    if line[0].islower() or (before[-1] not in _CLOSING and len(before) >= 40
                             and signs.body_like[k - 1]):
        return BODY_SIGNS[_CONTINUES]
    items = signs.items  # the two lines before and the two after, around the line itself
    if items[k] + items[k + 1] + items[k + 3] + items[k + 4] >= 1 + (not items[k + 2]):
        return BODY_SIGNS[_LIST]
    return None


def _table(chars: str) -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(char) for char in chars]] = True
    return table


_ENDER, _CLOSER, _CLOSING_TABLE = _table(_LINE_ENDERS), _table(_CLOSERS), _table(_CLOSING)
_ITEM_FIRST = _table("(")  # a numbered item starts with "(" or a digit (``\d``)


@lru_cache(maxsize=1)
def _lower_table() -> np.ndarray:
    """For every code point of the Basic Multilingual Plane: ``chr(code).islower()``."""
    return np.array([chr(code).islower() for code in range(0x10000)], dtype=bool)


def _first_is_lower(page: Page, first: np.ndarray) -> np.ndarray:
    lower = _lower_table()[np.minimum(first, 0xFFFF)]
    for k in (first > 0xFFFF).nonzero()[0].tolist():
        lower[k] = page.lines[k][0].islower()
    return lower


def _sentences_and_items(page: Page) -> tuple[np.ndarray, np.ndarray]:
    """Per line: is it a sentence (``_sentence``), is it a numbered item (``_LIST_ITEM``);
    the line's first and last characters rule most lines out, the rest are tested."""
    first, last = page.first_codes(), page.last_codes()
    sentence = _ENDER[last]
    closed = _CLOSER[last].nonzero()[0].tolist()
    sentence[closed] = [ends_sentence(page.lines[k], _LINE_ENDERS) for k in closed]
    ending = sentence.nonzero()[0].tolist()
    sentence[ending] = [" " in page.lines[k] for k in ending]
    item = _ITEM_FIRST[first] | in_class(first, r"\d")
    maybe = item.nonzero()[0].tolist()
    item[maybe] = [_LIST_ITEM.match(page.lines[k]) is not None for k in maybe]
    return sentence, item


def sign_codes(page: Page, body_like: np.ndarray, segments: Segments) -> np.ndarray:
    """Per line of ``page`` (the non-blank lines of the pages of ``segments`` end to end):
    the index in ``BODY_SIGNS`` of :func:`body_sign` of the line in its page, 0 for none.
    ``body_like``: per line, is its score below the model's threshold."""
    if not page.n:
        return np.zeros(0, dtype=np.int64)
    sentence, item = _sentences_and_items(page)
    before, after = segments.shift_down(sentence, False), segments.shift_up(sentence, False)
    open_before = segments.shift_down(~_CLOSING_TABLE[page.last_codes()]
                                      & (page.lengths >= 40) & body_like, False)
    items_before = segments.shift_down(item, False)
    items_after = segments.shift_up(item, False)
    around = (segments.shift_down(items_before, False).astype(np.int64) + items_before
              + items_after + segments.shift_up(items_after, False))
    # ``np.select`` of these (the first sign that holds wins), as masked assignments from the
    # last sign to the first: the same codes in a fraction of its fixed cost per call
    codes = np.zeros(page.n, dtype=np.int64)
    codes[around >= 1 + ~item] = _LIST
    codes[_first_is_lower(page, page.first_codes()) | open_before] = _CONTINUES
    codes[before & after] = _SUBHEAD
    codes[before & sentence] = _AFTER_SENTENCE
    codes[segments.index == 0] = _FIRST
    return codes
