"""Bootstrap intervals: coverage of a known mean, determinism, width shrinking with n."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism import stats


def test_bootstrap_ci_covers_known_mean_most_of_the_time():
    rng = np.random.default_rng(42)
    covered = 0
    trials = 60
    for trial in range(trials):
        sample = rng.normal(loc=0.3, scale=1.0, size=80)
        low, high = stats.bootstrap_ci(sample, n_boot=600, seed=trial)
        covered += low <= 0.3 <= high
    # Nominal 95%: with 60 trials, fewer than 50 covered would be a broken interval.
    assert covered >= 50


def test_bootstrap_ci_is_deterministic_with_seed_and_varies_without():
    values = np.random.default_rng(1).normal(size=50)
    assert stats.bootstrap_ci(values, seed=3) == stats.bootstrap_ci(values, seed=3)
    assert stats.bootstrap_ci(values, seed=3) != stats.bootstrap_ci(values, seed=4)


def test_bootstrap_ci_width_shrinks_with_n():
    rng = np.random.default_rng(7)
    widths = []
    for n in (20, 200, 2000):
        low, high = stats.bootstrap_ci(rng.normal(size=n), n_boot=1000)
        widths.append(high - low)
    assert widths[0] > widths[1] > widths[2]
    # Roughly 1/sqrt(n): a tenfold n should shrink the width by about sqrt(10) ~ 3.2.
    assert 2.0 < widths[0] / widths[1] < 5.0


def test_bootstrap_ci_edge_cases():
    assert all(np.isnan(stats.bootstrap_ci([])))
    assert stats.bootstrap_ci([0.4]) == (0.4, 0.4)
    low, high = stats.bootstrap_ci([1.0, np.nan, 3.0, 2.0])
    assert 1.0 <= low <= high <= 3.0


def test_bootstrap_ci_accepts_statistics_without_axis():
    low, high = stats.bootstrap_ci(np.arange(30.0), statistic=lambda a: float(np.median(a)))
    assert low < 14.5 < high


def test_bootstrap_group_ci_columns_and_values():
    df = pd.DataFrame({"outlet": ["a"] * 30 + ["b"] * 5,
                       "score": list(np.linspace(0, 1, 30)) + [-1.0] * 5})
    table = stats.bootstrap_group_ci(df, "outlet", "score")
    assert table.columns.tolist() == ["outlet", "n", "estimate", "ci_low", "ci_high"]
    a, b = table.set_index("outlet").loc["a"], table.set_index("outlet").loc["b"]
    assert a["n"] == 30 and a["ci_low"] < 0.5 < a["ci_high"]
    assert b["estimate"] == -1.0 and b["ci_low"] == b["ci_high"] == -1.0


def test_cluster_bootstrap_is_wider_than_naive_when_clusters_differ():
    values = np.concatenate([np.full(50, -0.5), np.full(50, 0.5), np.full(50, 0.1)])
    clusters = np.repeat(["x", "y", "z"], 50)
    naive = stats.bootstrap_ci(values)
    clustered = stats.cluster_bootstrap_ci(values, clusters)
    assert (clustered[1] - clustered[0]) > 3 * (naive[1] - naive[0])


def test_diff_and_pearson_and_proportion_intervals():
    low, high = stats.bootstrap_diff_ci(np.full(20, 1.0) + np.linspace(0, .1, 20),
                                        np.linspace(0, .1, 20))
    assert low == pytest.approx(1.0, abs=0.06) and high == pytest.approx(1.0, abs=0.06)
    x = np.arange(100.0)
    r, r_low, r_high, n = stats.pearson_ci(x, x + np.random.default_rng(0).normal(0, 30, 100))
    assert n == 100 and r_low < r < r_high and r > 0.5
    assert stats.proportion_ci(0, 10)[0] == 0.0
    assert all(np.isnan(stats.proportion_ci(0, 0)))
