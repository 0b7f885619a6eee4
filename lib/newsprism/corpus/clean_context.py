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


def window_means(values: np.ndarray, halves: tuple[int, ...]) -> list[np.ndarray]:
    """:func:`window_mean` of ``values`` for each of ``halves`` (one running sum for all)."""
    n = len(values)
    index = np.arange(n)
    cumulative = np.concatenate([[0.0], values.cumsum()])
    means = []
    for half in halves:
        low, high = np.maximum(index - half, 0), np.minimum(index + half + 1, n)
        means.append((cumulative[high] - cumulative[low]) / (high - low))
    return means


def _block_columns(lengths: np.ndarray, scores: np.ndarray) -> list[np.ndarray]:
    n = len(scores)
    index = np.arange(n)
    columns = []
    for cutoff in CUTOFFS:
        first, last = body_block(lengths, scores, cutoff)
        if first < 0:
            first, last = 0, n - 1
        # lines before the block, after it, or 0 inside it
        distance = np.maximum(first - index, 0) + np.maximum(index - last, 0)
        columns += [distance == 0, np.log1p(distance), index > last]
    return columns


def context_features(lengths: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """One row of ``CONTEXT_FEATURES`` per line, from the lines' lengths and first-pass
    furniture probabilities (both in page order)."""
    lengths = np.asarray(lengths, dtype=float)
    scores = np.asarray(scores, dtype=float)
    logit = np.minimum(np.maximum(np.log(scores + 1e-9) - np.log1p(1e-9 - scores), -_LOGIT_CAP),
                       _LOGIT_CAP)
    mass = np.minimum(lengths, MASS_LENGTH_CAP) * (1.0 - scores)
    total = mass.sum() + 1e-9
    before = mass.cumsum() - mass
    after = total - before - mass
    columns = [
        logit, *window_means(logit, (1, 3, 8)),
        np.concatenate([[0.0], logit[:-1]]), np.concatenate([logit[1:], [0.0]]),
        *_block_columns(lengths, scores),
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


def context_scores(lengths: np.ndarray, scores: np.ndarray, model: dict) -> np.ndarray:
    """Final furniture probability per line: the fitted ``context`` model (``mean``,
    ``scale``, ``coef``, ``intercept``) on :func:`context_features`."""
    if not len(scores):
        return np.zeros(0)
    mean, scale, coef = linear_arrays(model)
    x = (context_features(lengths, scores) - mean) / scale
    z = x @ coef + model["intercept"]
    return 1.0 / (1.0 + np.exp(-z))
