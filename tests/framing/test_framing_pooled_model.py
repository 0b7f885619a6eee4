"""The pooled frame model: few weights, all on the frame's pooled features."""

from __future__ import annotations

import numpy as np
import pytest
from newsprism.framing.pooled_model import POOLED_COLUMNS, balanced_weights, fit_pooled


def test_balanced_weights_give_each_class_half_the_total():
    y = np.array([True] * 3 + [False] * 9)
    weights = balanced_weights(y)
    assert np.isclose(weights[y].sum(), weights[~y].sum())
    assert np.isclose(weights.sum(), len(y))


@pytest.mark.parametrize("seed", range(3))
def test_pooled_fit_weighs_only_the_trailing_columns_and_ranks_the_signal(seed):
    rng = np.random.default_rng(seed)
    n, d = 120, POOLED_COLUMNS + 4
    y = rng.random(n) < 0.25
    x = rng.normal(size=(n, d)) * 3 + 5
    x[:, -2] += 4 * y  # signal in a pooled column
    x[:, 0] += 4 * y  # and in a per-question column, which the pooled model must not use
    coef, intercept = fit_pooled(x, y, 1.0)
    assert not coef[: d - POOLED_COLUMNS].any()
    assert coef[-2] > 0
    linear = x @ coef + intercept
    assert linear[y].mean() > linear[~y].mean() + 1


def test_stronger_regularisation_shrinks_the_weights():
    rng = np.random.default_rng(4)
    y = rng.random(80) < 0.3
    x = rng.normal(size=(80, POOLED_COLUMNS)) + y[:, None]
    weak, _ = fit_pooled(x, y, 10.0)
    strong, _ = fit_pooled(x, y, 0.01)
    assert np.linalg.norm(strong) < np.linalg.norm(weak)
