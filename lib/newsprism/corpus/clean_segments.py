"""Several pages' lines laid end to end, for computing line features of many pages at once.

Each numpy call costs a few microseconds whatever the size of its arrays; a page's line
features take a few hundred calls, so on short pages that fixed cost is most of the cleaning
time. :class:`Segments` lets the line model (:mod:`newsprism.corpus.clean_lines`,
:mod:`newsprism.corpus.clean_context`) compute a feature for the lines of many pages in one
call, each line still seeing only its own page (its index, its neighbours, its windows).

Every result equals, to the last bit, what the same computation gives on each page alone:
integer sums are exact whatever their order; float running sums are taken page by page
(``cumulative``), because a running sum across pages would round differently.

>>> segments = Segments([2, 3])
>>> segments.index.tolist(), segments.shift_down(np.arange(5), -1).tolist()
([0, 1, 0, 1, 2], [-1, 0, -1, 2, 3])
>>> segments.window_sums(np.ones(5, dtype=np.int64), 1, 2).tolist()
[2, 2, 2, 3, 2]
"""

from __future__ import annotations

import numpy as np


class Segments:
    """Pages of ``sizes`` lines (each at least one) laid end to end: per line of the whole,
    its page (``page``), its index in the page (``index``), its page's first line (``start``)
    and size (``size``). For a single page, ``page``, ``start`` and ``size`` are plain
    numbers (numpy broadcasts them; fewer calls for the most common case)."""

    def __init__(self, sizes) -> None:
        self.sizes = np.asarray(sizes, dtype=np.int64)
        self.bounds = np.zeros(len(self.sizes) + 1, dtype=np.int64)
        self.sizes.cumsum(out=self.bounds[1:])
        self.n = int(self.bounds[-1])
        self.page: np.ndarray | int = 0
        self.start: np.ndarray | int = 0
        self.size: np.ndarray | int = self.n
        self.index = np.arange(self.n)
        if len(self.sizes) > 1:
            self.page = np.repeat(np.arange(len(self.sizes)), self.sizes)
            self.start = self.bounds[:-1][self.page]
            self.index -= self.start
            self.size = self.sizes[self.page]

    def spans(self) -> list[tuple[int, int]]:
        """(first line, one past the last) of each page."""
        bounds = self.bounds.tolist()
        return list(zip(bounds[:-1], bounds[1:], strict=True))

    def spread_pairs(self, pairs: list[tuple[int, int]]) -> tuple:
        """Per line: the two numbers of its page's pair (two plain numbers for a single
        page)."""
        if len(self.sizes) == 1:
            return pairs[0]
        return tuple(np.array(pairs, dtype=np.int64)[self.page].T)

    def shift_down(self, values: np.ndarray, fill) -> np.ndarray:
        """Per line: the value of the line before it in its page (``fill`` on a first line)."""
        out = np.concatenate([[fill], values[:-1]])
        if len(self.sizes) > 1:
            out[self.bounds[1:-1]] = fill
        return out

    def shift_up(self, values: np.ndarray, fill) -> np.ndarray:
        """Per line: the value of the line after it in its page (``fill`` on a last line)."""
        out = np.concatenate([values[1:], [fill]])
        if len(self.sizes) > 1:
            out[self.bounds[1:-1] - 1] = fill
        return out

    def before(self, values: np.ndarray) -> np.ndarray:
        """Per line: the sum of the (integer) values of the lines before it in its page."""
        total = np.concatenate([[0], values.cumsum()])
        return total[:-1] - total[self.start]

    def per_page_sum(self, values: np.ndarray) -> np.ndarray:
        """Per line: the sum of the (integer) values of its whole page (one number for a
        single page)."""
        if len(self.sizes) == 1:
            return values.sum()
        total = np.concatenate([[0], values.cumsum()])
        return (total[self.bounds[1:]] - total[self.bounds[:-1]])[self.page]

    def window_sums(self, values: np.ndarray, back: int, ahead: int) -> np.ndarray:
        """Per line: the sum of the (integer) values from ``back`` lines before it to
        ``ahead - 1`` lines after it, within its page."""
        total = np.concatenate([[0], values.cumsum()])  # integers: differences are exact
        high = np.minimum(self.index + ahead, self.size)
        low = np.maximum(self.index - back, 0)
        return total[self.start + high] - total[self.start + low]

    def cumulative(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each page's running sum of float ``values`` after a 0, pages laid end to end
        (one more entry per page), and per line where its page's sums start."""
        if len(self.sizes) == 1:
            return np.concatenate([[0.0], values.cumsum()]), 0
        out = np.zeros(self.n + len(self.sizes))
        for k, (a, b) in enumerate(self.spans()):
            np.cumsum(values[a:b], out=out[a + k + 1:b + k + 1])
        return out, self.start + self.page

    def nearest(self, marked: np.ndarray) -> np.ndarray:
        """Per line: how many lines to the nearest marked line of its page (0 on one; the
        page's size when it has none)."""
        if len(self.sizes) == 1:
            return _nearest_on_one_page(marked)
        position = np.arange(self.n)
        before = np.maximum.accumulate(np.where(marked, position, -1))
        after = np.minimum.accumulate(np.where(marked, position, self.n)[::-1])[::-1]
        far = self.size
        gap_before = np.where(before >= self.start, position - before, far)
        gap_after = np.where(after < self.start + self.size, after - position, far)
        return np.minimum(gap_before, gap_after)

    def first_and_last(self, marked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per line: the index (in its page) of its page's first and last marked line; -1
        and -1 when the page has none (two numbers for a single page)."""
        if len(self.sizes) == 1:
            at = marked.nonzero()[0]
            return (int(at[0]), int(at[-1])) if len(at) else (-1, -1)
        position = np.arange(self.n)
        last = np.maximum.accumulate(np.where(marked, position, -1))[self.bounds[1:] - 1]
        after = np.minimum.accumulate(np.where(marked, position, self.n)[::-1])[::-1]
        first = after[self.bounds[:-1]]
        none = last < self.bounds[:-1]
        first = np.where(none, -1, first - self.bounds[:-1])
        last = np.where(none, -1, last - self.bounds[:-1])
        return first[self.page], last[self.page]


def _nearest_on_one_page(marked: np.ndarray) -> np.ndarray:
    """:meth:`Segments.nearest` for a single page."""
    n = len(marked)
    index = np.arange(n)
    at = marked.nonzero()[0]
    if not len(at):
        return np.full(n, n)
    position = np.minimum(np.maximum(at.searchsorted(index), 1), len(at)) - 1
    after = np.minimum(position + 1, len(at) - 1)
    return np.minimum(np.abs(index - at[position]), np.abs(at[after] - index))
