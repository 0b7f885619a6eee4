"""A domain polarity lexicon learnt from NewsMTSC train, keyed by where a word sits relative to
the target, and the dense features it gives a target.

A key is a word stem with its place: ``s|stem`` anywhere in the sentence, ``cL|``/``cR|`` in the
target's clause left/right of it, ``nL|``/``nR|`` within three tokens left/right, or ``g|`` an
n-gram of words containing the target (``g|criticized_<t>``). Each key's
value is three log-ratios, log P(class | key present) / P(class), smoothed toward the class prior
(``ALPHA``); keys seen in fewer than ``MIN_COUNT`` training targets are dropped. So "slam" right
of the target can lean negative while "slam" left of it (the target is the critic) does not.

The features of one target (``N_FEATURES`` values) are, per place, the summed ratios of its keys
divided by the square root of their count, and the ratios of the sentence keys weighted by
``exp(-distance / DECAY)``. When the model is fitted, the rows it learns from get features from
a lexicon that did not see them (``out_of_fold``), so the weights are those that hold on unseen
sentences; at prediction the shipped lexicon (fitted on all of train) is used.

>>> keys = [("cR|slam", 1), ("s|slam", 1)]
>>> lex = fit([keys, [("s|meet", 2)]] * 3, [0, 1] * 3, min_count=1)
>>> bool(features(keys, lex)[0] > 0), features(keys, lex).shape == (N_FEATURES,)
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

PLACES = ("s", "cL", "cR", "nL", "nR", "g")
N_CLASSES = 3
N_FEATURES = N_CLASSES * (len(PLACES) + 1)
ALPHA = 1.0
MIN_COUNT = 3
DECAY = 4.0
SCALE = 3.0  # brings the summed log-ratios near the range of the other dense features

Keys = Sequence[tuple[str, int]]  # (place|stem, token distance from the target)


def fit(key_lists: Sequence[Keys], labels: Sequence[int], alpha: float = ALPHA,
        min_count: int = MIN_COUNT) -> dict[str, np.ndarray]:
    """Key -> log-ratio per class, from the targets' keys and labels (0/1/2)."""
    labels = np.asarray(labels, dtype=int)
    # add-one class prior: a class absent from ``labels`` leaves no zero to divide by
    prior = (np.bincount(labels, minlength=N_CLASSES) + 1) / (len(labels) + N_CLASSES)
    counts: dict[str, np.ndarray] = {}
    for keys, label in zip(key_lists, labels, strict=True):
        for key in {k for k, _ in keys}:
            counts.setdefault(key, np.zeros(N_CLASSES))[label] += 1
    smooth = alpha * N_CLASSES * prior
    lexicon = {}
    for key in sorted(counts):
        found = counts[key]
        if found.sum() >= min_count:
            share = (found + smooth) / (found.sum() + alpha * N_CLASSES)
            lexicon[key] = np.log(share / prior)
    return lexicon


def features(keys: Keys, lexicon: dict[str, np.ndarray]) -> np.ndarray:
    """The ``N_FEATURES`` lexicon values of one target (see the module docstring)."""
    sums = np.zeros((len(PLACES) + 1, N_CLASSES))
    counts = np.zeros(len(PLACES))
    for key, distance in keys:
        value = lexicon.get(key)
        if value is None:
            continue
        place = PLACES.index(key.split("|", 1)[0])
        sums[place] += value
        counts[place] += 1
        if place == 0:
            sums[-1] += value * np.exp(-distance / DECAY)
    sums[:-1] /= np.sqrt(np.maximum(counts, 1.0))[:, None]
    return sums.ravel() / SCALE


def matrix(key_lists: Sequence[Keys], lexicon: dict[str, np.ndarray]) -> np.ndarray:
    """One row of :func:`features` per target."""
    return np.array([features(k, lexicon) for k in key_lists]).reshape(len(key_lists),
                                                                         N_FEATURES)


def out_of_fold(key_lists: Sequence[Keys], labels: Sequence[int], groups: Sequence[int],
                n_folds: int = 5) -> np.ndarray:
    """Features of each target from a lexicon fitted without its sentence (grouped folds)."""
    from sklearn.model_selection import GroupKFold

    labels = np.asarray(labels, dtype=int)
    out = np.zeros((len(labels), N_FEATURES))
    for fit_rows, held_rows in GroupKFold(n_splits=n_folds).split(labels, labels, groups):
        lexicon = fit([key_lists[i] for i in fit_rows], labels[fit_rows])
        out[held_rows] = matrix([key_lists[i] for i in held_rows], lexicon)
    return out


def to_arrays(lexicon: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(keys, values n x 3) for the data file."""
    keys = sorted(lexicon)
    values = np.array([lexicon[k] for k in keys]).reshape(len(keys), N_CLASSES)
    return np.array(keys, dtype=str), values


def from_arrays(keys: np.ndarray, values: np.ndarray) -> dict[str, np.ndarray]:
    """The lexicon back from the data file's arrays."""
    return {str(k): np.asarray(v, dtype=np.float64) for k, v in zip(keys, values, strict=True)}
