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
    curve = framing_fit.f1_curve(y, np.array([0.01, 0.99, 0.99]))
    assert not curve[framing_fit.THRESHOLDS > 0].any()
    # Threshold 0 marks every article present: always-present's F1, 2 x 1/3 / (1 + 1/3).
    assert curve[framing_fit.THRESHOLDS == 0].tolist() == [0.5]


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


def test_choice_never_does_worse_than_always_present_on_the_inner_folds():
    """Features with no signal: threshold 0 (every article present) is a candidate, so the
    chosen inner F1 is at least always-present's, 2p / (1 + p)."""
    rng = np.random.default_rng(5)
    y = rng.random(90) < 0.6
    x = rng.normal(size=(90, 3))
    answers = rng.random((90, 2))
    _, threshold, cv_f1 = framing_fit.choose(x, y, {"all": answers, "defining": answers}, 3)
    share = y.mean()
    assert cv_f1 >= 2 * share / (1 + share) - 1e-12
    assert threshold in framing_fit.THRESHOLDS


def test_bagged_model_averages_the_members_predictions_on_the_log_odds_scale():
    rng = np.random.default_rng(2)
    x = rng.normal(loc=3.0, scale=2.0, size=(50, 4))
    bag = [(rng.normal(size=4), float(rng.normal())) for _ in range(6)]
    model = framing_fit.bagged(x, bag)
    linear = ((x - model["mean"]) / model["scale"]) @ model["coef"] + model["intercept"]
    expected = np.mean([x @ coef + intercept for coef, intercept in bag], axis=0)
    assert np.allclose(linear, expected)


def test_inner_search_model_is_the_fits_of_the_inner_training_parts():
    x, y, targets = _separable(seed=4)
    question_set, threshold, cv_f1, model = framing_fit.inner_search(x, y, targets, 9)
    assert (question_set, threshold, cv_f1) == framing_fit.choose(x, y, targets, 9)
    probability = framing_fit._predict(model, x)
    # The bag separates the classes it was fitted on (signal in the first feature only).
    assert framing_fit.f1(y, probability >= threshold) > 0.8
    assert abs(model["coef"][0]) > abs(model["coef"][1])
