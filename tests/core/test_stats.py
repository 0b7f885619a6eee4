"""Bootstrap intervals: coverage of a known mean, determinism, width shrinking with n."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.core import stats


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


@pytest.mark.parametrize("statistic", [np.mean, np.median, lambda v: float(np.percentile(v, 30))])
def test_bootstrap_group_ci_equals_bootstrap_ci_group_by_group(statistic):
    rng = np.random.default_rng(5)
    sizes = {"a": 1, "b": 7, "c": 7, "d": 24, "e": 1200, "f": 3, "g": 24}
    df = pd.DataFrame({"group": np.repeat(list(sizes), list(sizes.values())),
                       "value": np.round(rng.uniform(-1, 1, sum(sizes.values())), 4)})
    df = df.sample(frac=1, random_state=2).reset_index(drop=True)  # groups interleaved
    df.loc[df["group"] == "f", "value"] = np.nan  # a group with no value left
    table = stats.bootstrap_group_ci(df, "group", "value", statistic=statistic, n_boot=500,
                                     seed=3).set_index("group")
    assert table.index.tolist() == sorted(sizes)
    for name, part in df.groupby("group"):
        values = part["value"].to_numpy()
        values = values[~np.isnan(values)]
        low, high = stats.bootstrap_ci(values, statistic=statistic, n_boot=500, seed=3)
        row = table.loc[name]
        assert row["n"] == len(values)
        if len(values):
            assert row["estimate"] == float(statistic(values))
            assert (row["ci_low"], row["ci_high"]) == (low, high)
        else:
            assert np.isnan(row["estimate"]) and np.isnan(row["ci_low"])


def test_bootstrap_diff_ci_in_chunks_equals_one_draw():
    rng = np.random.default_rng(8)
    a, b = rng.normal(0.2, 1, 3000), rng.normal(0, 1, 900)  # 3000 x 2000 > one chunk
    draw = np.random.default_rng(4)
    boot = (a[draw.integers(0, a.size, size=(2000, a.size))].mean(axis=1)
            - b[draw.integers(0, b.size, size=(2000, b.size))].mean(axis=1))
    alpha = (1.0 - 0.95) / 2.0  # as the library computes it (not exactly 0.025)
    expected = tuple(float(v) for v in np.nanquantile(boot, [alpha, 1.0 - alpha]))
    assert stats.bootstrap_diff_ci(a, b, n_boot=2000, seed=4) == expected


def test_sample_rows_caps_each_group_keeps_order_and_is_seeded():
    df = pd.DataFrame({"outlet": list("a" * 50 + "b" * 5 + "c" * 30), "i": range(85)})
    out = stats.sample_rows(df, 10, by="outlet", seed=1)
    assert out.groupby("outlet").size().to_dict() == {"a": 10, "b": 5, "c": 10}
    assert out["i"].is_monotonic_increasing
    pd.testing.assert_frame_equal(out, stats.sample_rows(df, 10, by="outlet", seed=1))
    assert not out.equals(stats.sample_rows(df, 10, by="outlet", seed=2))
    assert stats.sample_rows(df, 50, by="outlet") is df
    assert len(stats.sample_rows(df, 20)) == 20
    with pytest.raises(ValueError):
        stats.sample_rows(df, 0)


@pytest.mark.parametrize("n", range(1, 60))
def test_proportion_ci_holds_its_estimate_exactly_at_the_bounds(n):
    # 0 of 6 gave a lower limit of 2.8e-17 > 0: an error bar of negative length (a crash of
    # 20_framing) and "<0.001" printed for a limit that is 0.
    for k in (0, n // 2, n):
        low, high = stats.proportion_ci(k, n)
        assert low <= k / n <= high
    assert stats.proportion_ci(0, n)[0] == 0.0 and stats.proportion_ci(n, n)[1] == 1.0


@pytest.mark.parametrize(("low", "high", "decimals"), [
    (0.12, 0.4, 2),        # both bounds readable at 2 decimals
    (0.004, 0.03, 3),      # +0.00 would read as touching 0
    (-0.03, -0.002, 3),
    (0.0, 0.03, 2),        # a bound that is 0 stays 0
    (0.0004, 0.03, 3),     # still 0.000 at the most decimals allowed: caller says "just above 0"
])
def test_interval_decimals_never_shows_a_nonzero_bound_as_0(low, high, decimals):
    assert stats.interval_decimals(low, high) == decimals


@pytest.mark.parametrize("seed", [0, 3])
def test_cluster_share_cis_equal_cluster_ratio_ci_column_by_column(seed):
    counts = np.random.default_rng(seed).integers(0, 6, size=(9, 4))
    lows, highs = stats.cluster_share_cis(counts, n_boot=300, seed=seed)
    for j in range(counts.shape[1]):
        expected = stats.cluster_ratio_ci(counts[:, j], counts.sum(axis=1), np.arange(9),
                                          n_boot=300, seed=seed)
        assert (lows[j], highs[j]) == pytest.approx(expected)


@pytest.mark.parametrize(("a", "b", "expected"), [
    # Paired articles: b is a shifted by 1 in every article, so every draw's gap is 1.
    ([2.0, 5.0, 9.0, 4.0], [1.0, 4.0, 8.0, 3.0], (1.0, 1.0)),
    ([2.0], [1.0], (np.nan, np.nan)),  # one article: no interval
])
def test_cluster_diff_ci_draws_the_same_articles_for_both_ratios(a, b, expected):
    ones = np.ones(len(a))
    low, high = stats.cluster_diff_ci(np.array(a), ones, np.array(b), ones, n_boot=200)
    assert (low, high) == pytest.approx(expected, nan_ok=True)
