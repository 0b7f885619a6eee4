"""Frame presence from the frame's pooled cue features alone: a compact candidate model.

The two-stage model (:mod:`newsprism.framing.question_model`) weighs every question's own
features, about twenty weights per frame. For a frame that a few dozen coded articles carry
(NFC: human interest 29, morality 22) that many weights are read mostly from noise; the
frame-level features of :func:`newsprism.framing.presence.feature_names` already pool the
hits of all the frame's questions (cue density, clustering, how many questions are hit,
position in the lead) and, with the article's length, make a five-weight model. Fitted with
balanced class weights (as the frame stage), the intercept unpenalised. The model is written
on the frame's full feature list with zero weight on the per-question features, so the shipped
format and the scoring of :func:`newsprism.framing.presence.frame_scores` are unchanged and
each decision stays a sum of feature contributions traceable to the sentences hit.

>>> x = np.array([[0.0, 0.0], [1.0, 0.1], [1.0, 0.9], [0.0, 1.0]])
>>> coef, intercept = fit_pooled(x, np.array([0, 0, 1, 1], bool), 1.0, pooled_columns=1)
>>> bool(coef[0] == 0.0 and coef[1] > 0)
True
"""

from __future__ import annotations

import numpy as np

from newsprism.framing.presence import FRAME_FEATURES
from newsprism.framing.question_model import logistic_fit, standardise

# The trailing columns of a frame's feature list (see feature_names): the frame-level
# features and log_words.
POOLED_COLUMNS = len(FRAME_FEATURES) + 1


def balanced_weights(y: np.ndarray) -> np.ndarray:
    """Per-article weights as scikit-learn's ``class_weight="balanced"``."""
    y = np.asarray(y, dtype=bool)
    return np.where(y, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max((~y).sum(), 1)))


def fit_pooled(x: np.ndarray, y: np.ndarray, c: float,
               pooled_columns: int = POOLED_COLUMNS) -> tuple[np.ndarray, float]:
    """``(coef, intercept)`` on the raw features ``x`` (all columns; zero weight but on the
    last ``pooled_columns``) of a balanced L2 logistic regression of ``y`` on the standardised
    pooled columns with inverse regularisation ``c``."""
    k = min(pooled_columns, x.shape[1])
    part = x[:, x.shape[1] - k:]
    mean, scale = standardise(part)
    coef, intercept = logistic_fit((part - mean) / scale, np.asarray(y, dtype=float),
                                   balanced_weights(y), c)
    full = np.zeros(x.shape[1])
    full[x.shape[1] - k:] = coef / scale
    return full, float(intercept - (mean / scale) @ coef)
