"""Fitting frame presence: the vectorised F1 curve, the plug-in threshold and the inner choice."""

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
    threshold, cv_f1 = first
    assert 0 < threshold < 1
    assert cv_f1 > 0.8


def test_choose_averages_the_repeated_splits(monkeypatch):
    """With one repeat the choice is that split's; the average over repeats is never above the
    best single split's F1."""
    x, y, targets = _separable(seed=3)
    monkeypatch.setattr(framing_fit, "INNER_REPEATS", 1)
    singles = [framing_fit.choose(x, y, targets, 11 + r)[1] for r in range(3)]
    monkeypatch.setattr(framing_fit, "INNER_REPEATS", 3)
    assert framing_fit.choose(x, y, targets, 11)[1] <= max(singles) + 1e-12


def test_choice_never_does_worse_than_always_present_on_the_inner_folds():
    """Features with no signal: threshold 0 (every article present) is a candidate, so the
    chosen inner F1 is at least always-present's, 2p / (1 + p)."""
    rng = np.random.default_rng(5)
    y = rng.random(90) < 0.6
    x = rng.normal(size=(90, 3))
    answers = rng.random((90, 2))
    threshold, cv_f1 = framing_fit.choose(x, y, {"all": answers, "defining": answers}, 3)
    share = y.mean()
    assert cv_f1 >= 2 * share / (1 + share) - 1e-12
    assert 0 <= threshold < 1


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
    threshold, cv_f1, model = framing_fit.inner_search(x, y, targets, 9)
    assert (threshold, cv_f1) == framing_fit.choose(x, y, targets, 9)
    probability = framing_fit._predict(model, x)
    # The bag separates the classes it was fitted on (signal in the first feature only).
    assert framing_fit.f1(y, probability >= threshold) > 0.8
    assert abs(model["coef"][0]) > abs(model["coef"][1])


def test_always_present_is_kept_when_no_cut_beats_it():
    """A frame nearly every article carries, features with no signal: always present (0)."""
    rng = np.random.default_rng(8)
    y = rng.random(100) < 0.85
    x = rng.normal(size=(100, 3))
    answers = rng.random((100, 2))
    assert framing_fit.choose(x, y, {"all": answers, "defining": answers}, 1)[0] == 0.0


@pytest.mark.parametrize("share, best_f1", [(0.1, 0.5), (0.3, 0.7), (0.6, 0.85)])
def test_plugin_threshold_is_half_the_best_f1_on_calibrated_log_odds(share, best_f1):
    """Log-odds that are already calibrated (labels drawn from them): Platt scaling is close
    to the identity, so the cut is close to best_f1 / 2 on the probability scale."""
    rng = np.random.default_rng(int(share * 100))
    log_odds = rng.normal(np.log(share / (1 - share)), 2.0, size=20000)
    y = rng.random(20000) < 1.0 / (1.0 + np.exp(-log_odds))
    assert abs(framing_fit.plugin_threshold(log_odds, y, best_f1) - best_f1 / 2) < 0.03


def test_plugin_threshold_follows_a_miscalibrated_scale():
    """Scores twice as confident as the truth: the cut moves to where the calibrated
    probability is best_f1 / 2, not best_f1 / 2 on the raw scale."""
    rng = np.random.default_rng(3)
    truth = rng.normal(-1.0, 1.5, size=20000)
    y = rng.random(20000) < 1.0 / (1.0 + np.exp(-truth))
    cut = framing_fit.plugin_threshold(2 * truth, y, 0.6)
    expected = 1.0 / (1.0 + np.exp(-2 * np.log(0.3 / 0.7)))  # logit(0.3) doubled
    assert abs(cut - expected) < 0.03


def test_plugin_threshold_without_ranking_is_always_present():
    y = np.array([True, False] * 20)
    assert framing_fit.plugin_threshold(np.r_[np.ones(20), -np.ones(20)] * 0, y, 0.6) == 0.0
