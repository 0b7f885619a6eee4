"""Small shared statistics: percentile bootstrap confidence intervals and group summaries.

Every outlet-level figure in newsprism carries n and a 95% interval; these helpers compute them
the same way everywhere (percentile bootstrap, fixed seed so reports are reproducible).

>>> import numpy as np
>>> low, high = bootstrap_ci(np.arange(100.0), seed=0)
>>> low < 49.5 < high
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsprism.core.lazy import pandas as pd

Statistic = Callable[..., float]

GROUP_CI_COLUMNS = ["n", "estimate", "ci_low", "ci_high"]

# A test's p and Benjamini-Hochberg q are spelled p_value and q_value in every table. Two
# public tables (time.before_after, compare.keyness.distinctive_terms) spelled them p and q;
# they keep those as deprecated copies (a DataFrame column cannot warn when it is read), and
# no library code reads them.
DEPRECATED_TEST_COLUMNS = {"p": "p_value", "q": "q_value"}


def with_deprecated_aliases(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a deprecated copy of each test column it has: ``p`` of ``p_value``,
    ``q`` of ``q_value`` (see :data:`DEPRECATED_TEST_COLUMNS`).

    Returned columns: those of ``table`` (an alias already there is replaced), then ``p``
    and/or ``q``, deprecated: read ``p_value`` and ``q_value`` instead.

    >>> out = with_deprecated_aliases(pd.DataFrame({"z": [2.5], "q_value": [0.01]}))
    >>> out.columns.tolist(), out.iloc[0].tolist()
    (['z', 'q_value', 'q'], [2.5, 0.01, 0.01])
    """
    table = table.drop(columns=[a for a in DEPRECATED_TEST_COLUMNS if a in table.columns])
    return table.assign(**{alias: table[name] for alias, name in DEPRECATED_TEST_COLUMNS.items()
                           if name in table.columns})

# Bootstrap resamples of every interval the notebooks show by default: one figure shown in two
# notebooks (a frame rate in 20 and 40) is one function with this many draws and seed 0, so it
# carries the same interval in both (1,000 in 40 against 2,000 in 20 gave New York Times'
# economic frame rate 4.9-12.0 in one and 5.1-12.1 in the other).
N_BOOT = 2000

# The fewest articles an outlet needs before an interval or test that resamples its articles
# is read as a finding about its coverage. Below it the estimate is shown and no
# interval-based claim is made (see :func:`enough_articles`).
MIN_ARTICLES = 5


def enough_articles(n_articles: float | None) -> bool:
    """Whether ``n_articles`` articles are enough for an interval or p that resamples them to
    be read as a finding about the outlet (at least :data:`MIN_ARTICLES`; unknown: False).

    The percentile bootstrap over n articles has C(2n-1, n) distinct resamples: 3 at n = 2,
    10 at 3, 126 at 5. Its 95% interval covers the outlet's true rate or tone far less often
    than 95% when n is small (``bench/bench_min_articles.py``, 2,000 simulated outlets per n,
    rate per 1,000 words / tone): n = 2: 47% / 49%; 3: 69% / 74%; 4: 74% / 80%;
    5: 79% / 83%; 10: 86% / 91%; 20: 89% / 93%. At 5 articles the interval still runs narrow,
    so a reading names the number of articles; below 5 it misses the truth a quarter to a
    half of the time and is no evidence of a difference between outlets.

    >>> enough_articles(2), enough_articles(MIN_ARTICLES), enough_articles(None)
    (False, True, False)
    """
    if n_articles is None or n_articles != n_articles:  # None or NaN
        return False
    return int(n_articles) >= MIN_ARTICLES


def _as_array(values: Sequence[float] | np.ndarray | pd.Series) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    return array[~np.isnan(array)]


def bootstrap_ci(values: Sequence[float] | np.ndarray | pd.Series,
                 statistic: Statistic = np.mean, n_boot: int = N_BOOT, seed: int = 0,
                 level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval ``(low, high)`` of ``statistic`` over ``values``.

    NaNs are dropped. With no values the interval is ``(nan, nan)``; with one value it is
    ``(value, value)`` — a single observation carries no information on spread, so callers
    should flag n = 1 rather than read the interval as precise. Deterministic for a given seed.

    ``statistic`` must accept ``axis=`` (numpy reductions such as ``np.mean``, ``np.median``
    do); other callables are applied resample by resample.

    >>> bootstrap_ci([1.0, 2.0, 3.0, 4.0], seed=1) == bootstrap_ci([1.0, 2.0, 3.0, 4.0], seed=1)
    True
    """
    array = _as_array(values)
    if array.size == 0:
        return (float("nan"), float("nan"))
    if array.size == 1:
        return (float(array[0]), float(array[0]))
    rng = np.random.default_rng(seed)
    # Resample in chunks so memory stays bounded for large inputs.
    chunk = max(1, min(n_boot, 2_000_000 // array.size))
    estimates = []
    for done in range(0, n_boot, chunk):
        size = min(chunk, n_boot - done)
        index = rng.integers(0, array.size, size=(size, array.size))
        sample = array[index]
        try:
            estimates.append(np.asarray(statistic(sample, axis=1), dtype=float))
        except TypeError:
            estimates.append(np.array([statistic(row) for row in sample], dtype=float))
    boot = np.concatenate(estimates)
    alpha = (1.0 - level) / 2.0
    low, high = np.nanquantile(boot, [alpha, 1.0 - alpha])
    return (float(low), float(high))


def _shared_index(n: int, n_boot: int, seed: int) -> np.ndarray | None:
    """The resample index :func:`bootstrap_ci` draws for ``n`` values, when it draws it in one
    piece (None otherwise). Every group restarts the generator at ``seed``, so groups of equal
    size share this index and can be resampled together."""
    if max(1, min(n_boot, 2_000_000 // n)) < n_boot:
        return None
    return np.random.default_rng(seed).integers(0, n, size=(n_boot, n))


def _group_intervals(arrays: list[np.ndarray], statistic: Statistic, n_boot: int, seed: int,
                     level: float) -> list[tuple[float, float, float]]:
    """(estimate, low, high) per array; equal to :func:`bootstrap_ci` array by array.

    Arrays of equal size are stacked and resampled with one shared index (see
    :func:`_shared_index`): ten thousand articles cost a few dozen vectorised draws instead of
    ten thousand separate bootstraps.
    """
    alpha = (1.0 - level) / 2.0
    out: list[tuple[float, float, float] | None] = [None] * len(arrays)
    by_size: dict[int, list[int]] = {}
    for i, array in enumerate(arrays):
        by_size.setdefault(int(array.size), []).append(i)
    for n, members in by_size.items():
        index = _shared_index(n, n_boot, seed) if n >= 2 else None
        if index is not None:
            try:
                stacked = np.stack([arrays[i] for i in members])
                # Blocks of groups keep the (groups, n_boot, n) resample array near 32 MB.
                step = max(1, 4_000_000 // (n_boot * n))
                for first in range(0, len(members), step):
                    block = stacked[first:first + step]
                    estimates = np.asarray(statistic(block, axis=1), dtype=float)
                    # Rows of (groups * n_boot, n), reduced along axis 1 exactly as
                    # bootstrap_ci does (a 3-D reduction would sum in another order).
                    sample = np.take(block, index, axis=1).reshape(-1, n)
                    boot = np.asarray(statistic(sample, axis=1), dtype=float).reshape(
                        len(block), n_boot)
                    # Without NaN, quantile equals nanquantile row by row, and is vectorised.
                    quantile = np.nanquantile if np.isnan(boot).any() else np.quantile
                    bounds = quantile(boot, [alpha, 1.0 - alpha], axis=1)
                    for j, i in enumerate(members[first:first + step]):
                        out[i] = (float(estimates[j]), float(bounds[0, j]), float(bounds[1, j]))
                continue
            except TypeError:  # a statistic without ``axis=``: one group at a time below
                pass
        for i in members:
            array = arrays[i]
            estimate = float(statistic(array)) if array.size else float("nan")
            low, high = bootstrap_ci(array, statistic=statistic, n_boot=n_boot, seed=seed,
                                     level=level)
            out[i] = (estimate, low, high)
    return out  # type: ignore[return-value]


def bootstrap_group_ci(df: pd.DataFrame, group: str | list[str], value: str,
                       statistic: Statistic = np.mean, n_boot: int = N_BOOT, seed: int = 0,
                       level: float = 0.95) -> pd.DataFrame:
    """One row per group: the group key column(s), ``n``, ``estimate``, ``ci_low``, ``ci_high``.

    ``n`` counts non-missing values. Groups keep their sort order; each group's interval uses
    the same seed so results do not depend on which other groups are present (and equals
    :func:`bootstrap_ci` on the group's values).

    >>> df = pd.DataFrame({"outlet": ["a", "a", "b"], "score": [0.1, 0.3, -0.2]})
    >>> bootstrap_group_ci(df, "outlet", "score")[["outlet", "n", "estimate"]].values.tolist()
    [['a', 2, 0.2], ['b', 1, -0.2]]
    """
    keys = [group] if isinstance(group, str) else list(group)
    rows = []
    if len(df):
        grouped = df.groupby(keys, sort=True, dropna=False, observed=True)
        # Group codes and one stable sort instead of a sub-DataFrame per group (10,000
        # articles made that loop the slowest part of the sentiment notebook).
        codes = grouped.ngroup().to_numpy()
        labels = grouped.size().index
        values = df[value].to_numpy(dtype=float)
        order = np.argsort(codes, kind="stable")
        ends = np.cumsum(np.bincount(codes, minlength=len(labels)))
        arrays = [_as_array(part) for part in np.split(values[order], ends[:-1])]
        results = _group_intervals(arrays, statistic, n_boot, seed, level)
        for label, array, (estimate, low, high) in zip(labels, arrays, results, strict=True):
            key = label if isinstance(label, tuple) else (label,)
            rows.append((*key, int(array.size), estimate, low, high))
    table = pd.DataFrame(rows, columns=[*keys, *GROUP_CI_COLUMNS])
    table["n"] = table["n"].astype(int)
    return table


def pearson_ci(x: Sequence[float], y: Sequence[float],
               level: float = 0.95) -> tuple[float, float, float, int]:
    """Pearson r with a Fisher-z interval: ``(r, low, high, n)`` over pairs without NaN.

    >>> r, low, high, n = pearson_ci([1, 2, 3, 4, 5], [2, 4, 5, 4, 6])
    >>> n, low < r < high
    (5, True)
    """
    from scipy import stats as sps

    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    n = int(a.size)
    if n < 3 or np.std(a) == 0 or np.std(b) == 0:
        return (float("nan"), float("nan"), float("nan"), n)
    r = float(np.corrcoef(a, b)[0, 1])
    if n <= 3 or abs(r) >= 1:
        return (r, float("nan"), float("nan"), n)
    z, se = np.arctanh(r), 1.0 / np.sqrt(n - 3)
    q = sps.norm.ppf(0.5 + level / 2.0)
    return (r, float(np.tanh(z - q * se)), float(np.tanh(z + q * se)), n)


def proportion_ci(successes: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion ``successes / n`` (``(nan, nan)`` when n = 0).

    >>> low, high = proportion_ci(5, 10)
    >>> round(low, 3), round(high, 3)
    (0.237, 0.763)
    """
    from scipy import stats as sps

    if n <= 0:
        return (float("nan"), float("nan"))
    q = sps.norm.ppf(0.5 + level / 2.0)
    p = successes / n
    denominator = 1 + q**2 / n
    centre = (p + q**2 / (2 * n)) / denominator
    half = q * np.sqrt(p * (1 - p) / n + q**2 / (4 * n**2)) / denominator
    # The interval always holds p; rounding (0 of 6 gave 2.8e-17) must not say otherwise.
    return (float(min(p, max(0.0, centre - half))), float(max(p, min(1.0, centre + half))))


def newcombe_diff_ci(k1: int, n1: int, k0: int, n0: int) -> tuple[float, float]:
    """Newcombe's hybrid score interval for ``k1/n1 - k0/n0`` (Wilson limits combined).

    >>> low, high = newcombe_diff_ci(8, 10, 2, 10)
    >>> 0 < low < 0.6 < high < 1
    True
    """
    p1, p0 = k1 / n1, k0 / n0
    l1, u1 = proportion_ci(k1, n1)
    l0, u0 = proportion_ci(k0, n0)
    diff = p1 - p0
    low = diff - np.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    high = diff + np.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    return (float(low), float(high))


def poisson_rate_ci(count: int, exposure: float, level: float = 0.95,
                    per: float = 1000.0) -> tuple[float, float]:
    """Exact (Garwood) confidence interval of a Poisson rate ``count / exposure × per``
    (the interval of every rate per 1,000 words).

    >>> [round(float(x), 2) for x in poisson_rate_ci(10, 1000)]
    [4.8, 18.39]
    """
    from scipy.stats import chi2

    alpha = 1 - level
    low = 0.0 if count == 0 else chi2.ppf(alpha / 2, 2 * count) / 2
    high = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    return float(per * low / exposure), float(per * high / exposure)


def cluster_bootstrap_ci(values: Sequence[float] | np.ndarray, clusters: Sequence | np.ndarray,
                         n_boot: int = N_BOOT, seed: int = 0,
                         level: float = 0.95) -> tuple[float, float]:
    """Bootstrap interval of the pooled mean resampling whole CLUSTERS (e.g. articles).

    Sentences of one article are not independent; resampling articles keeps that dependence.
    The pooled mean is :func:`cluster_ratio_ci` with a denominator of 1 per value. With one
    cluster this falls back to resampling values (callers should flag it).

    >>> low, high = cluster_bootstrap_ci([1, 2, 3, 10, 11, 12], ["a", "a", "a", "b", "b", "b"])
    >>> low < 6.5 < high
    True
    """
    array = np.asarray(values, dtype=float)
    labels = np.asarray(clusters)
    keep = ~np.isnan(array)
    array, labels = array[keep], labels[keep]
    if array.size == 0:
        return (float("nan"), float("nan"))
    if np.unique(labels).size < 2:
        return bootstrap_ci(array, n_boot=n_boot, seed=seed, level=level)
    return cluster_ratio_ci(array, np.ones_like(array), labels, n_boot=n_boot, seed=seed,
                            level=level)


def cluster_ratio_ci(numerator: Sequence[float] | np.ndarray,
                     denominator: Sequence[float] | np.ndarray, clusters: Sequence | np.ndarray,
                     scale: float = 1.0, n_boot: int = N_BOOT, seed: int = 0,
                     level: float = 0.95, min_clusters: int = 2) -> tuple[float, float]:
    """Cluster bootstrap interval of ``scale * sum(numerator) / sum(denominator)``: whole
    clusters (articles) are drawn with replacement and the ratio of the drawn units' sums is
    taken, so units of one cluster (sentences of one article) stay together.

    The one cluster-bootstrap definition (:func:`cluster_bootstrap_ci` is its mean). Rows with a
    NaN numerator or denominator are dropped. Fewer than ``min_clusters`` clusters give
    ``(nan, nan)``: one article says nothing about how another would differ, so there is no
    interval to show (callers say so). Deterministic for a given seed.

    >>> low, high = cluster_ratio_ci([1, 0, 1, 0, 0, 0], [1] * 6, ["a", "a", "b", "b", "c", "c"])
    >>> low <= 1 / 3 <= high
    True
    >>> cluster_ratio_ci([1, 0], [1, 1], ["a", "a"])
    (nan, nan)
    """
    top = np.asarray(numerator, dtype=float)
    bottom = np.asarray(denominator, dtype=float)
    labels = np.asarray(clusters)
    keep = ~(np.isnan(top) | np.isnan(bottom))
    top, bottom, labels = top[keep], bottom[keep], labels[keep]
    if top.size == 0:
        return (float("nan"), float("nan"))
    _, codes = np.unique(labels, return_inverse=True)
    sums = np.bincount(codes, weights=top)
    counts = np.bincount(codes, weights=bottom)
    k = sums.size
    if k < max(2, min_clusters):
        return (float("nan"), float("nan"))
    boot = scale * cluster_ratio_draws(sums, counts, n_boot, np.random.default_rng(seed))
    alpha = (1.0 - level) / 2.0
    low, high = np.nanquantile(boot, [alpha, 1.0 - alpha])
    return (float(low), float(high))


def cluster_ratio_draws(sums: np.ndarray, counts: np.ndarray, n_boot: int,
                        rng: np.random.Generator) -> np.ndarray:
    """``n_boot`` bootstrap draws of ``sum(sums) / sum(counts)`` over clusters (one entry per
    cluster: its numerator and denominator totals), whole clusters drawn with replacement; a
    draw with a zero denominator is NaN. The draw behind :func:`cluster_ratio_ci`, for callers
    that combine draws (a difference of two ratios).

    >>> draws = cluster_ratio_draws(np.array([1.0, 0.0]), np.array([2.0, 2.0]), 4,
    ...                             np.random.default_rng(0))
    >>> sorted(set(draws.round(2).tolist())) <= [0.0, 0.25, 0.5]
    True
    """
    k = len(sums)
    index = rng.integers(0, k, size=(n_boot, k))
    below = np.asarray(counts, dtype=float)[index].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(sums, dtype=float)[index].sum(axis=1) / np.where(below > 0, below,
                                                                           np.nan)


def cluster_diff_ci(num_a: np.ndarray, den_a: np.ndarray, num_b: np.ndarray,
                    den_b: np.ndarray, n_boot: int = N_BOOT, seed: int = 0,
                    level: float = 0.95) -> tuple[float, float]:
    """Cluster bootstrap interval of ``sum(num_a) / sum(den_a) - sum(num_b) / sum(den_b)``
    over ONE set of clusters (one entry per cluster in all four arrays: an article's totals of
    either side, 0 and 0 where it has none): each draw takes the same clusters for both
    ratios, so a difference within articles (an article's quoted words against its own) keeps
    the articles together. Draws with a zero denominator on a side are dropped; fewer than two
    clusters give ``(nan, nan)``. Both sides use :func:`cluster_ratio_draws` from generators
    seeded alike, hence the same draws.

    >>> low, high = cluster_diff_ci(np.array([3.0, 4, 5]), np.ones(3), np.array([1.0, 1, 2]),
    ...                             np.ones(3))
    >>> low > 0
    True
    """
    if len(num_a) < 2:
        return (float("nan"), float("nan"))
    diff = (cluster_ratio_draws(num_a, den_a, n_boot, np.random.default_rng(seed))
            - cluster_ratio_draws(num_b, den_b, n_boot, np.random.default_rng(seed)))
    diff = diff[~np.isnan(diff)]
    if diff.size == 0:
        return (float("nan"), float("nan"))
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(diff, [alpha, 1.0 - alpha])
    return (float(low), float(high))


def cluster_share_cis(counts: np.ndarray, n_boot: int = N_BOOT, seed: int = 0,
                      level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Cluster bootstrap intervals ``(lows, highs)`` of each category's share of all units,
    ``counts[:, j].sum() / counts.sum()``, from ``counts`` (clusters x categories: an
    article's quotations per speaker): whole clusters drawn with replacement, all categories
    from the same draws. Equal to :func:`cluster_ratio_ci` of column j over the row totals
    (same seed, same draws), computed for every column at once. Fewer than two clusters: NaN.

    >>> lows, highs = cluster_share_cis(np.array([[2, 0], [1, 1], [0, 3]]), n_boot=200)
    >>> bool(lows[0] <= 3 / 7 <= highs[0])
    True
    """
    table = np.asarray(counts, dtype=float)
    k, m = table.shape
    if k < 2:
        return np.full(m, np.nan), np.full(m, np.nan)
    index = np.random.default_rng(seed).integers(0, k, size=(n_boot, k))
    # How often each cluster is drawn in each resample: the draws as one matrix product.
    offsets = (index + np.arange(n_boot)[:, None] * k).ravel()
    weights = np.bincount(offsets, minlength=n_boot * k).reshape(n_boot, k).astype(float)
    totals = weights @ table.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = (weights @ table) / np.where(totals > 0, totals, np.nan)[:, None]
    alpha = (1.0 - level) / 2.0
    bounds = np.nanquantile(shares, [alpha, 1.0 - alpha], axis=0)
    return bounds[0], bounds[1]


def _resampled(array: np.ndarray, statistic: Statistic, n_boot: int,
               rng: np.random.Generator) -> np.ndarray:
    """``statistic`` of ``n_boot`` resamples of ``array``, drawn in row chunks of at most
    ~2 million values so memory stays bounded (a whole outlet's sentences times 2,000 resamples
    took gigabytes). The generator yields the same stream however the rows are chunked, so the
    result equals one ``(n_boot, size)`` draw."""
    chunk = max(1, min(n_boot, 2_000_000 // array.size))
    parts = []
    for done in range(0, n_boot, chunk):
        index = rng.integers(0, array.size, size=(min(chunk, n_boot - done), array.size))
        parts.append(np.asarray(statistic(array[index], axis=1), dtype=float))
    return np.concatenate(parts)


def bootstrap_diff_ci(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray,
                      statistic: Statistic = np.mean, n_boot: int = N_BOOT, seed: int = 0,
                      level: float = 0.95) -> tuple[float, float]:
    """Interval of ``statistic(a) - statistic(b)`` resampling both groups independently.

    >>> low, high = bootstrap_diff_ci([5.0, 6, 7, 8], [1.0, 2, 3, 4])
    >>> low > 0
    True
    """
    x, y = _as_array(a), _as_array(b)
    if x.size == 0 or y.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    boot = _resampled(x, statistic, n_boot, rng) - _resampled(y, statistic, n_boot, rng)
    alpha = (1.0 - level) / 2.0
    low, high = np.nanquantile(boot, [alpha, 1.0 - alpha])
    return (float(low), float(high))


def sample_rows(frame: pd.DataFrame, n: int, by: str | None = None,
                seed: int = 0) -> pd.DataFrame:
    """At most ``n`` rows of ``frame`` per group of ``by`` (or overall), drawn at random with a
    fixed ``seed``; rows keep their order. Groups of ``n`` rows or fewer are kept whole, so
    ``frame`` comes back unchanged when nothing needs sampling.

    For figures that draw one mark per row: 200,000 dots are neither readable nor quick to
    render, and a caption can state "k of N shown".

    >>> df = pd.DataFrame({"outlet": list("aaaab"), "score": range(5)})
    >>> sample_rows(df, 2, by="outlet")["outlet"].tolist()
    ['a', 'a', 'b']
    """
    if n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    sizes = (frame.groupby(by, sort=False, dropna=False).size() if by is not None
             else pd.Series([len(frame)]))
    if not len(frame) or int(sizes.max()) <= n:
        return frame
    rng = np.random.default_rng(seed)
    codes = (frame.groupby(by, sort=True, dropna=False).ngroup().to_numpy() if by is not None
             else np.zeros(len(frame), dtype=int))
    keep = np.zeros(len(frame), dtype=bool)
    for code in np.unique(codes):
        members = np.flatnonzero(codes == code)
        chosen = members if members.size <= n else rng.choice(members, size=n, replace=False)
        keep[chosen] = True
    return frame[keep]


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """BH-adjusted q-values; NaN p-values stay NaN and do not count as tests.

    >>> benjamini_hochberg(np.array([0.01, np.nan, 0.04])).round(3).tolist()
    [0.02, nan, 0.04]
    """
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if not ok.any():
        return q
    values = p[ok]
    order = np.argsort(values)
    ranked = values[order] * values.size / np.arange(1, values.size + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1].clip(max=1.0)
    out = np.empty(values.size)
    out[order] = adjusted
    q[ok] = out
    return q


def interval_decimals(low: float, high: float, decimals: int = 2, most: int = 3) -> int:
    """Decimals to print an interval with so that a bound that is not 0 does not read as 0
    ("+0.00 to +0.03" for an interval that excludes 0 reads as touching it): ``decimals``, or
    more up to ``most``. A bound still 0 at ``most`` decimals is the caller's to word ("just
    above 0").

    >>> interval_decimals(0.12, 0.4), interval_decimals(0.004, 0.03), interval_decimals(0.0, 0.03)
    (2, 3, 2)
    """
    for shown in range(decimals, most):
        if all(bound == 0 or round(abs(bound), shown) > 0 for bound in (low, high)):
            return shown
    return most
