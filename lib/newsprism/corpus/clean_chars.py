"""Character classes looked up for a whole page at once (numpy), for the cleaner's hot loops.

Running a regular expression once per line costs a call per line and a Unicode class test
per character; a page's code points looked up in a table of every code point (built once per
class from the same regular expression, so the class means exactly what it means in ``re``)
answer "which lines hold such a character" or "how many per line" for all lines in a few
array operations.

>>> page = Page(["Kim Jong Un wrote", "to Putin."])
>>> page.count_per_line(page.word_starts(r"[A-Z]")).tolist()
[3, 1]
>>> page.lines_with(page.has(r"[.]")).tolist()
[False, True]
>>> page.lines_with(page.followed_by("w", "r")).tolist()
[True, False]
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

# Tables cover the Basic Multilingual Plane; the rare characters above it are tested one by one.
_TABLE_SIZE = 0x10000
_SURROGATES = range(0xD800, 0xE000)


@lru_cache(maxsize=16)
def char_table(pattern: str) -> np.ndarray:
    """For every code point below ``_TABLE_SIZE``, whether the one-character regular
    expression ``pattern`` matches it (a boolean array indexed by code point)."""
    compiled = re.compile(pattern)
    every = np.arange(_TABLE_SIZE, dtype=np.uint32)
    every[_SURROGATES.start:_SURROGATES.stop] = 0  # not encodable; tested one by one below
    text = every.tobytes().decode("utf-32-le")
    table = np.zeros(_TABLE_SIZE, dtype=bool)
    found = "".join(compiled.findall(text)).encode("utf-32-le")
    table[np.frombuffer(found, dtype=np.uint32)] = True
    table[0] = compiled.fullmatch("\x00") is not None
    for code in _SURROGATES:
        table[code] = compiled.fullmatch(chr(code)) is not None
    return table


def in_class(codes: np.ndarray, pattern: str) -> np.ndarray:
    """Per code point of ``codes``: does the one-character regular expression ``pattern``
    match it."""
    table = char_table(pattern)
    above = codes >= _TABLE_SIZE
    if not above.any():
        return table[codes]
    found = table[np.where(above, 0, codes)]
    compiled = re.compile(pattern)
    for i in above.nonzero()[0].tolist():
        found[i] = compiled.fullmatch(chr(codes[i])) is not None
    return found


class Page:
    """The code points of ``lines`` (no line holds "\\n") joined by "\\n", and the line of each."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.n = len(lines)
        self.text = "\n".join(lines)
        self.codes = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"),
                                   dtype=np.uint32)
        newline = self.codes == 10
        self.line_of = newline.cumsum(dtype=np.int32)  # half the bytes of int64: faster
        # per line: index in ``codes`` of its first character, one past its last, its length
        self.ends = np.append(newline.nonzero()[0], len(self.codes)) if lines else \
            np.zeros(0, dtype=np.int64)
        self.starts = np.concatenate([[0], self.ends[:-1] + 1]) if lines else self.ends
        self.lengths = self.ends - self.starts

    def first_codes(self) -> np.ndarray:
        """Per line: the code point of its first character (lines must not be empty)."""
        return self.codes[self.starts]

    def last_codes(self) -> np.ndarray:
        """Per line: the code point of its last character (lines must not be empty)."""
        return self.codes[self.ends - 1]

    def in_first(self, mask: np.ndarray, chars: int) -> np.ndarray:
        """Per line: does a character of ``mask`` stand among its first ``chars``
        characters."""
        at = mask.nonzero()[0]
        at = at[at - self.starts[self.line_of[at]] < chars]
        found = np.zeros(self.n, dtype=bool)
        found[self.line_of[at]] = True
        return found

    def has(self, pattern: str) -> np.ndarray:
        """Per character: is it in the one-character class ``pattern``."""
        return in_class(self.codes, pattern)

    def word_starts(self, pattern: str) -> np.ndarray:
        """Per character: is it in ``pattern`` and at the start of its line or after white
        space (as the regular expression ``(?<![^\\s])`` before it)."""
        start = self.has(pattern)
        start[1:] &= in_class(self.codes[:-1], r"\s")
        return start

    def one_of(self, chars: str) -> np.ndarray:
        """Per character: is it one of ``chars`` (a few literal characters)."""
        found = np.zeros(len(self.codes), dtype=bool)
        for char in chars:
            found |= self.codes == ord(char)
        return found

    def followed_by(self, first: str, second: str) -> np.ndarray:
        """Per character: is it one of ``first`` and the next one of ``second`` (literals)."""
        pair = self.one_of(first)
        pair[:-1] &= self.one_of(second)[1:]
        pair[-1:] = False
        return pair

    def count_per_line(self, mask: np.ndarray) -> np.ndarray:
        """How many characters of ``mask`` each line holds."""
        return np.bincount(self.line_of[mask], minlength=self.n)

    def lines_with(self, mask: np.ndarray) -> np.ndarray:
        """Per line: does it hold a character of ``mask``."""
        found = np.zeros(self.n, dtype=bool)
        found[self.line_of[mask]] = True
        return found
