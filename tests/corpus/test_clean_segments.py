"""Segments: each per-line result equals the same computation on each page alone."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus.clean_segments import Segments


def _pages(values: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    return np.split(values, np.cumsum(sizes)[:-1])


def _nearest(marked: np.ndarray) -> np.ndarray:
    at = marked.nonzero()[0]
    if not len(at):
        return np.full(len(marked), len(marked))
    return np.array([np.abs(at - k).min() for k in range(len(marked))])


def _first_and_last(marked: np.ndarray) -> tuple[list[int], list[int]]:
    at = marked.nonzero()[0]
    first, last = (int(at[0]), int(at[-1])) if len(at) else (-1, -1)
    return [first] * len(marked), [last] * len(marked)


def _windows(values: np.ndarray, back: int, ahead: int) -> list[int]:
    return [int(values[max(k - back, 0):k + ahead].sum()) for k in range(len(values))]


def _per_line(values, n: int) -> list:
    """Per-page values, which are plain numbers for a single page, as a list per line."""
    return np.broadcast_to(values, (n,)).tolist()


def _check(sizes: list[int], marked: np.ndarray, floats: np.ndarray) -> None:
    segments = Segments(sizes)
    pages = list(zip(_pages(marked, sizes), _pages(floats, sizes), strict=True))
    counts = marked.astype(np.int64)
    assert segments.index.tolist() == [k for n in sizes for k in range(n)]
    assert segments.spans() == [(int(a), int(a + n)) for a, n in zip(np.cumsum([0, *sizes[:-1]]),
                                                                        sizes, strict=True)]
    assert segments.shift_down(floats, 0.0).tolist() == [
        x for _, f in pages for x in np.concatenate([[0.0], f[:-1]]).tolist()]
    assert segments.shift_up(marked, False).tolist() == [
        x for m, _ in pages for x in np.concatenate([m[1:], [False]]).tolist()]
    assert segments.before(counts).tolist() == [
        x for m, _ in pages for x in np.concatenate([[0], m.cumsum()[:-1]]).tolist()]
    assert _per_line(segments.per_page_sum(counts), segments.n) == [int(m.sum()) for m, _ in pages
                                                      for _ in m]
    assert segments.window_sums(counts, 3, 4).tolist() == [
        x for m, _ in pages for x in _windows(m.astype(np.int64), 3, 4)]
    assert segments.nearest(marked).tolist() == [x for m, _ in pages for x in _nearest(m)]
    first, last = segments.first_and_last(marked)
    assert (_per_line(first, segments.n), _per_line(last, segments.n)) == tuple(
        [x for m, _ in pages for x in _first_and_last(m)[j]] for j in (0, 1))
    cumulative, at = segments.cumulative(floats)
    at = np.broadcast_to(at, (segments.n,))  # a plain 0 for a single page
    # bit for bit the running sum of each page alone
    assert [cumulative[at[k] + segments.index[k] + 1] for k in range(segments.n)] == [
        x for _, f in pages for x in f.cumsum().tolist()]


@pytest.mark.parametrize("sizes", [[1], [5], [1, 1, 1], [3, 1, 4], [10, 2]])
def test_segments_equal_page_by_page(sizes):
    rng = np.random.default_rng(len(sizes))
    n = sum(sizes)
    _check(sizes, rng.random(n) < 0.3, rng.random(n) * 100)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.booleans(), st.floats(-1e6, 1e6)), min_size=1,
                         max_size=25), min_size=1, max_size=6))
def test_segments_equal_page_by_page_on_random_pages(pages):
    sizes = [len(page) for page in pages]
    marked = np.array([m for page in pages for m, _ in page], dtype=bool)
    floats = np.array([x for page in pages for _, x in page])
    _check(sizes, marked, floats)
