"""Fitting frame presence: the vectorised F1 curve and the inner choice of Cs and threshold."""

from __future__ import annotations

import numpy as np
import pytest
from newsprism.framing import fit as framing_fit


@pytest.mark.parametrize("seed", range(5))
def test_f1_curve_equals_f1_at_every_threshold(seed):
    rng = np.random.default_rng(seed)
    y = rng.random(60) < 0.2
    probability = rng.random(60)
    expected = [framing_fit.f1(y, probability >= t) for t in framing_fit.THRESHOLDS]
    assert np.allclose(framing_fit.f1_curve(y, probability), expected)


def test_f1_curve_is_zero_without_true_positives():
    y = np.array([True, False, False])
    assert not framing_fit.f1_curve(y, np.array([0.0, 0.99, 0.99])).any()


def _separable(n=80, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.random(n) < 0.3
    x = np.column_stack([y + rng.normal(scale=0.3, size=n), rng.normal(size=n)])
    answers = np.column_stack([y * 0.8 + 0.1, np.full(n, 0.5)])
    return x, y, {"all": answers, "defining": answers[:, :1]}


def test_choose_finds_a_signal_and_is_deterministic():
    x, y, targets = _separable()
    first = framing_fit.choose(x, y, targets, 7)
    assert first == framing_fit.choose(x, y, targets, 7)
    question_set, threshold, cv_f1 = first
    assert question_set in framing_fit.QUESTION_SETS and threshold in framing_fit.THRESHOLDS
    assert cv_f1 > 0.8


def test_choose_averages_the_repeated_splits(monkeypatch):
    """With one repeat the choice is that split's; the average over repeats is never above the
    best single split's F1."""
    x, y, targets = _separable(seed=3)
    monkeypatch.setattr(framing_fit, "INNER_REPEATS", 1)
    singles = [framing_fit.choose(x, y, targets, 11 + r)[2] for r in range(3)]
    monkeypatch.setattr(framing_fit, "INNER_REPEATS", 3)
    assert framing_fit.choose(x, y, targets, 11)[2] <= max(singles) + 1e-12
