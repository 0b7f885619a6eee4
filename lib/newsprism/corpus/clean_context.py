"""Second pass of the line model: each line's furniture score read against the whole page.

The first pass (:mod:`newsprism.corpus.clean_lines`) scores a line from its own shape, its
neighbours' shape and its words. Page furniture comes in runs (a menu, a teaser block, a
footer) before the first and after the last body paragraph, so the second pass looks at the
first-pass scores around a line and at the line's place relative to the body:

- the score itself and its mean over 3, 7 and 17 lines, the scores of the lines before and after;
- for three cut-offs, whether the line lies in the *body block* (the run of lines with the
  largest sum of ``(cut-off - score) * length``), how far outside it, and whether after it;
- the share of the page's body mass (length times ``1 - score``) before and after the line:
  a line after the last body paragraph has none after it.

A logistic model on these (``context`` in ``data/clean/line_model.json``, fitted by
``python -m newsprism.corpus.clean_fit`` on first-pass scores of pages the first pass never
saw) gives the final furniture probability.

>>> lengths = np.array([4, 4, 120, 130, 110, 7, 5])
>>> first = np.array([0.9, 0.8, 0.1, 0.2, 0.1, 0.7, 0.9])
>>> body_block(lengths, first, 0.5)
(2, 4)
>>> context_features(lengths, first).shape == (7, len(CONTEXT_FEATURES))
True
"""

from __future__ import annotations

import numpy as np

from newsprism.corpus.clean_segments import Segments

CUTOFFS = (0.5, 0.8, 0.95)
# Lengths (characters, CJK counted three) are capped: one long paragraph should not outweigh
# a run of furniture lines, nor a long cookie notice the article.
BLOCK_LENGTH_CAP = 200
MASS_LENGTH_CAP = 300
_LOGIT_CAP = 8.0

CONTEXT_FEATURES = [
    "logit", "logit_mean_3", "logit_mean_7", "logit_mean_17", "logit_prev", "logit_next",
    *[f"{name}_{cut}" for cut in CUTOFFS for name in ("in_block", "log_dist_block",
                                                        "after_block")],
    "mass_before_share", "mass_after_share", "mass_min_share", "log_mass_before",
    "log_mass_after", "log_len",
]


def body_block(lengths: np.ndarray, scores: np.ndarray, cutoff: float) -> tuple[int, int]:
    """(first, last) line of the run with the largest sum of ``(cutoff - score) * length``
    (lengths capped at ``BLOCK_LENGTH_CAP``); (-1, -1) when every line scores above the
    cut-off."""
    gain = (cutoff - scores) * np.minimum(lengths, BLOCK_LENGTH_CAP)
    total = np.concatenate([[0.0], gain.cumsum()])
    lowest_before = np.minimum.accumulate(total[:-1])
    best = total[1:] - lowest_before
    last = int(best.argmax())
    if best[last] <= 0:
        return -1, -1
    first = int(total[:last + 1].argmin())
    return first, last


def window_mean(values: np.ndarray, half: int) -> np.ndarray:
    """Mean of each value and its ``half`` neighbours on either side (fewer at the ends).

    >>> window_mean(np.array([1.0, 2.0, 3.0, 4.0]), 1).tolist()
    [1.5, 2.0, 3.0, 3.5]
    """
    return window_means(values, (half,))[0]


def window_means(values: np.ndarray, halves: tuple[int, ...],
                 segments: Segments | None = None) -> list[np.ndarray]:
    """:func:`window_mean` of ``values`` for each of ``halves`` (one running sum for all;
    ``segments``: the pages ``values`` are laid end to end from, each window within its
    page)."""
    segments = Segments([len(values)]) if segments is None else segments
    cumulative, at = segments.cumulative(values)
    index, size = segments.index, segments.size
    means = []
    for half in halves:
        low, high = np.maximum(index - half, 0), np.minimum(index + half + 1, size)
        total = cumulative[at + high] - cumulative[at + low] if len(segments.sizes) > 1 \
            else cumulative[high] - cumulative[low]
        means.append(total / (high - low))
    return means


def _block_columns(lengths: np.ndarray, scores: np.ndarray, segments: Segments
                   ) -> list[np.ndarray]:
    index, columns = segments.index, []
    spans = segments.spans()
    for cutoff in CUTOFFS:
        blocks = [body_block(lengths[a:b], scores[a:b], cutoff) for a, b in spans]
        # a page without a block: all of it
        pairs = [(0, b - a - 1) if block[0] < 0 else block
                 for block, (a, b) in zip(blocks, spans, strict=True)]
        # one page: two plain numbers (numpy broadcasts them, as it does the page's pair)
        first, last = pairs[0] if len(pairs) == 1 else \
            np.array(pairs).reshape(-1, 2)[segments.page].T
        # lines before the block, after it, or 0 inside it
        distance = np.maximum(first - index, 0) + np.maximum(index - last, 0)
        columns += [distance == 0, np.log1p(distance), index > last]
    return columns


def context_features(lengths: np.ndarray, scores: np.ndarray,
                     segments: Segments | None = None) -> np.ndarray:
    """One row of ``CONTEXT_FEATURES`` per line, from the lines' lengths and first-pass
    furniture probabilities (both in page order; ``segments``: the pages they are laid end
    to end from, each line read against its own page)."""
    lengths = np.asarray(lengths, dtype=float)
    scores = np.asarray(scores, dtype=float)
    segments = Segments([len(scores)]) if segments is None else segments
    logit = np.minimum(np.maximum(np.log(scores + 1e-9) - np.log1p(1e-9 - scores), -_LOGIT_CAP),
                       _LOGIT_CAP)
    mass = np.minimum(lengths, MASS_LENGTH_CAP) * (1.0 - scores)
    # the page's total (numpy's pairwise sum, page by page) and running sum
    total = np.array([mass[a:b].sum() for a, b in segments.spans()])[segments.page] + 1e-9
    running, at = segments.cumulative(mass)
    before = running[at + segments.index + 1] - mass
    after = total - before - mass
    columns = [
        logit, *window_means(logit, (1, 3, 8), segments),
        segments.shift_down(logit, 0.0), segments.shift_up(logit, 0.0),
        *_block_columns(lengths, scores, segments),
        before / total, after / total, np.minimum(before, after) / total, np.log1p(before),
        np.log1p(after), np.log1p(lengths),
    ]
    return stack_columns(columns, len(scores))


def stack_columns(columns: list, n: int) -> np.ndarray:
    """The columns (arrays or lists of ``n`` numbers or booleans) as one C-ordered float
    array of ``n`` rows: ``np.column_stack`` of them as floats, in fewer calls."""
    rows = np.empty((len(columns), n))
    for j, column in enumerate(columns):
        rows[j] = column
    return rows.T.copy()


# The arrays of the linear models in use: {id(model): (model, (mean, scale, coef))}.
_ARRAYS: dict[int, tuple[dict, tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}


def linear_arrays(model: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``mean``, ``scale`` and ``coef`` of a fitted linear model (a dict of lists) as arrays,
    made once per model dict rather than on every page."""
    entry = _ARRAYS.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_ARRAYS) >= 8:
            _ARRAYS.clear()
        entry = _ARRAYS[id(model)] = (model, tuple(np.asarray(model[key])
                                                   for key in ("mean", "scale", "coef")))
    return entry[1]


def context_scores(lengths: np.ndarray, scores: np.ndarray, model: dict,
                   segments: Segments | None = None) -> np.ndarray:
    """Final furniture probability per line: the fitted ``context`` model (``mean``,
    ``scale``, ``coef``, ``intercept``) on :func:`context_features` (``segments``: as there)."""
    if not len(scores):
        return np.zeros(0)
    segments = Segments([len(scores)]) if segments is None else segments
    mean, scale, coef = linear_arrays(model)
    x = (context_features(lengths, scores, segments) - mean) / scale
    z = page_products(x, coef, segments) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-z))


def page_products(x: np.ndarray, coef: np.ndarray, segments: Segments) -> np.ndarray:
    """``x @ coef`` page by page: BLAS rounds a row's product differently by the row's place
    in the matrix, so each page's rows are multiplied as the page alone would be."""
    if len(segments.sizes) == 1:
        return x @ coef
    return np.concatenate([x[a:b] @ coef for a, b in segments.spans()])
