"""The vector view of the tone model: the target's context in word-vector space.

The word vectors are learnt from unlabelled news text (:mod:`newsprism.sentiment.tone_vectors`).
With the labelled mention masked, a target's context is described by (``N_BLOCKS`` blocks of
the vectors' width, plus two valences):

- per width in ``WIDTHS`` and per side (left, right): the mean of the vectors of the words at
  most that many tokens from the mention, each weighted ``1 / distance``;
- the mean of the vectors of every word of the sentence;
- the element-wise maximum of the vectors of the words within ``WIDTHS[-1]`` tokens;
- on each side, the vector of the nearest word that VADER's lexicon scores, with its valence
  (divided by 4), both sign-flipped when negated ("not good").

Words without a vector are skipped; an empty block is zeros. A logistic regression on the
standardised features (``C``, fixed) gives the view's class probabilities; the tone model
averages them with its other views (:func:`newsprism.sentiment.tone_views.blend`).

>>> vectors = {"words": ["critics", "slammed"], "matrix": np.eye(2, dtype=np.float16)}
>>> context_features(vectors, ["Critics slammed Smith."], [(16, 21)]).shape
(1, 22)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from newsprism.sentiment.tone_features import TARGET, mask, negated_at, tokens, vader_valences

WIDTHS = (3, 6, 12)
N_MEANS = 2 * len(WIDTHS) + 1  # the side means per width, then the sentence mean
N_BLOCKS = N_MEANS + 1 + 2  # ... the max-pool, the nearest lexicon word on each side
C = 0.01


def _layout(toks: list[str], index: dict[str, int]):
    """(word ids, distances from the mention, left-of-mention flags) of the words with a vector,
    and the (id, sign, signed valence) of the nearest VADER word on each side (or None)."""
    at = [i for i, t in enumerate(toks) if t == TARGET] or [0]
    first, last = at[0], at[-1]
    lexicon = vader_valences()
    ids, distances, left, nearest = [], [], [], [None, None]
    for i, tok in enumerate(toks):
        column = index.get(tok)
        if column is None or first <= i <= last:
            continue
        is_left = i < first
        ids.append(column)
        distances.append(first - i if is_left else i - last)
        left.append(is_left)
        side = 0 if is_left else 1
        if lexicon.get(tok) and (is_left or nearest[1] is None):
            sign = -1.0 if negated_at(toks, i) else 1.0
            nearest[side] = (column, sign, sign * lexicon[tok] / 4.0)
    return ids, distances, left, nearest


def _means(matrix: np.ndarray, target: np.ndarray, ids: np.ndarray, distance: np.ndarray,
           left: np.ndarray, n: int) -> np.ndarray:
    """The ``N_MEANS`` weighted means of every target (n x N_MEANS * dims), one sparse product."""
    rows, cols, vals = [], [], []
    masks = [(left == side) & (distance <= width) for width in WIDTHS for side in (True, False)]
    weights = [1.0 / np.maximum(distance, 1.0)] * len(masks) + [np.ones(len(distance))]
    for block, (keep, weight) in enumerate(zip([*masks, distance >= 0], weights, strict=True)):
        row = target[keep] * N_MEANS + block
        totals = np.bincount(row, weight[keep], minlength=n * N_MEANS)
        rows.append(row)
        cols.append(ids[keep])
        vals.append(weight[keep] / totals[row])
    shares = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                               shape=(n * N_MEANS, len(matrix)))
    return (shares @ matrix).reshape(n, N_MEANS * matrix.shape[1])


def _max_pool(matrix: np.ndarray, target: np.ndarray, ids: np.ndarray, n: int) -> np.ndarray:
    """Element-wise maximum of each target's word vectors (zeros for a target with none);
    ``target`` is sorted, so each target's rows are one run."""
    out = np.zeros((n, matrix.shape[1]))
    if not len(ids):
        return out
    counts = np.bincount(target, minlength=n)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    found = counts > 0
    # the maximum is exact in any precision: pool the (small) stored float16 vectors
    out[found] = np.maximum.reduceat(matrix[ids], starts[found], axis=0)
    return out


def context_features(vectors: dict, texts: Sequence[str],
                     spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """One row of ``N_BLOCKS * dims + 2`` context features per (text, span)."""
    words, stored = vectors["words"], np.asarray(vectors["matrix"])
    matrix = stored.astype(np.float64)
    index = {w: i for i, w in enumerate(words)}
    n = len(texts)
    target, ids, distances, left, nearest = [], [], [], [], []
    for row, (text, span) in enumerate(zip(texts, spans, strict=True)):
        found = _layout(tokens(mask(text, [span])), index)
        target += [row] * len(found[0])
        ids += found[0]
        distances += found[1]
        left += found[2]
        nearest.append(found[3])
    target, ids = np.array(target, dtype=int), np.array(ids, dtype=int)
    distance, left = np.array(distances, dtype=float), np.array(left, dtype=bool)
    near = distance <= WIDTHS[-1]
    return np.hstack([_means(matrix, target, ids, distance, left, n),
                      _max_pool(stored, target[near], ids[near], n), _nearest(matrix, nearest)])


def _nearest(matrix: np.ndarray, nearest: list[list]) -> np.ndarray:
    """Per target and side: the nearest lexicon word's vector and valence, signed."""
    dims = matrix.shape[1]
    out = np.zeros((len(nearest), 2 * (dims + 1)))
    for row, pair in enumerate(nearest):
        for side, found in enumerate(pair):
            if found is not None:
                column, sign, valence = found
                start = side * (dims + 1)
                out[row, start:start + dims] = sign * matrix[column]
                out[row, start + dims] = valence
    return out


def fit_view(features: np.ndarray, labels: np.ndarray, seed: int = 0) -> dict:
    """The vector view fitted on these rows' context features: standardisation (mean, scale),
    coef (3 x features), intercept. The data file adds the vectors it reads."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    model = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    with threadpool_limits(1):
        model.fit((features - mean) / scale, labels)
    return {"mean": mean, "scale": scale, "coef": model.coef_, "intercept": model.intercept_}


def probabilities(view: dict, features: np.ndarray) -> np.ndarray:
    """Class probabilities of the vector view for rows of :func:`context_features`."""
    from newsprism.sentiment.tone_views import softmax

    if not len(features):
        return np.zeros((0, 3))
    coef = view["coef"] / view["scale"]  # the standardisation folded into the weights
    intercept = view["intercept"] - coef @ view["mean"]
    # einsum, not BLAS: a row's score must not depend on how many rows come with it
    return softmax(np.einsum("ij,kj->ik", features, coef) + intercept)
