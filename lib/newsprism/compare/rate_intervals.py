"""95% intervals of an outlet's pooled rate per 1,000 words that resample its articles.

Quotations, hedges and attributions cluster in articles (one interview piece holds thirty
quotations): an exact Poisson interval treats every event as independent and is far too
narrow when an outlet has many articles. On PolNeAR train (120 articles per outlet) 40 called
Western Journalism's quotation rate clearly above Politico's from Poisson intervals while
30's interval over articles held both. The pooled rate (events / words × 1,000) is kept; its
interval resamples whole articles, widened to the exact Poisson interval where that is wider
(with a handful of events the percentile bootstrap is too narrow: one event in 120 articles
gave 0-0.045 against Poisson's 0-0.077 per 1,000 words), so it is never narrower than the
interval it replaces. With fewer than :data:`MIN_ARTICLES` articles (the one minimum,
:data:`newsprism.core.stats.MIN_ARTICLES`: fewer give too few distinct resamples for the
interval to mean anything about the outlet) the exact Poisson interval is given and no test
over articles is made.

The summary's test of a rate (:func:`article_rate_p`, used in
:func:`newsprism.compare.multiple_testing.family_q`) resamples articles too, from the same draws as the
interval; an outlet below the minimum is not tested (see
:func:`newsprism.compare.multiple_testing.family_q`).

    >>> import pandas as pd
    >>> events = pd.DataFrame({"article_id": ["a"] * 30 + ["b"]})
    >>> words = pd.Series({k: 1000 for k in "abcde"})
    >>> low, high = article_rate_ci(events, words)  # 31 events in 5,000 words, 30 in one article
    >>> p_low, p_high = poisson_rate_ci(31, 5000)
    >>> (round(p_low, 1), round(p_high, 1)), (round(low, 1), round(high, 1))
    ((4.2, 8.8), (0.0, 18.0))
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.core.stats import (
    MIN_ARTICLES,
    N_BOOT,
    cluster_ratio_ci,
    cluster_ratio_draws,
    poisson_rate_ci,
)

__all__ = ["MIN_ARTICLES", "article_rate_ci", "article_rate_p", "outlet_rate_cis"]


def article_rate_ci(events: pd.DataFrame, words: pd.Series, n_boot: int = N_BOOT, seed: int = 0,
                    level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of sum(events) / sum(words) × 1,000 over the articles
    of ``words`` (article_id -> words; the outlet's articles, those without events included),
    widened to the exact Poisson interval where that is wider; ``events`` has one row per
    event with its ``article_id``. Exact Poisson with fewer than :data:`MIN_ARTICLES`
    articles."""
    counts = events["article_id"].value_counts().reindex(words.index, fill_value=0)
    total_words = float(words.sum())
    poisson = poisson_rate_ci(int(counts.sum()), max(total_words, 1.0), level=level)
    if len(words) < MIN_ARTICLES:
        return poisson
    # Each article its own cluster, in the order of ``words``: the one cluster bootstrap.
    low, high = cluster_ratio_ci(counts.to_numpy(dtype=float), words.to_numpy(dtype=float),
                                 np.arange(len(words)), scale=1000.0, n_boot=n_boot, seed=seed,
                                 level=level)
    return float(min(low, poisson[0])), float(max(high, poisson[1]))


def article_rate_p(events: pd.DataFrame, words: pd.Series, outlet_of: pd.Series, outlet: str,
                   n_boot: int = N_BOOT, seed: int = 0) -> float:
    """Two-sided p of the outlet's pooled rate against the other outlets' pooled rate, both
    resampling articles: the share of draws of (outlet's rate - others' rate) on the other
    side of 0, doubled, at least 1 / ``n_boot`` (no draw there) and at most 1. The outlet's
    draws are those of its :func:`article_rate_ci` (same seed); the others' are drawn
    alongside. NaN when the outlet, or the other outlets together, have fewer than
    :data:`MIN_ARTICLES` articles or no event at all (the caller uses the exact Poisson p:
    one article, or none with an event, on a side gives every draw the same value there, and
    the p would fall to its floor). ``words``: article_id -> words of every outlet;
    ``outlet_of``: article_id -> outlet; ``events``: one row per event with its
    ``article_id``.
    """
    counts = events["article_id"].value_counts().reindex(words.index, fill_value=0)
    mine = (outlet_of.reindex(words.index) == outlet).to_numpy()
    if mine.sum() < MIN_ARTICLES or (~mine).sum() < MIN_ARTICLES:
        return float("nan")
    if not counts[mine].any() or not counts[~mine].any():
        # Every draw of that side is 0: the difference never crosses 0 by resampling alone
        # (14 attributions in one outlet's 15 articles against 0 in another's 3 read q 0.003).
        return float("nan")
    top, bottom = counts.to_numpy(dtype=float), words.to_numpy(dtype=float)
    own = cluster_ratio_draws(top[mine], bottom[mine], n_boot, np.random.default_rng(seed))
    rest = cluster_ratio_draws(top[~mine], bottom[~mine], n_boot,
                               np.random.default_rng([seed, 1]))
    diff = (own - rest)[~np.isnan(own - rest)]
    if diff.size == 0:
        return float("nan")
    p = 2 * min(float(np.mean(diff <= 0)), float(np.mean(diff >= 0)))
    return float(min(1.0, max(p, 1.0 / n_boot)))


def outlet_rate_cis(events: pd.DataFrame, words: pd.Series, outlet_of: pd.Series,
                    n_boot: int = N_BOOT, seed: int = 0) -> pd.DataFrame:
    """:func:`article_rate_ci` per outlet - one row per outlet of ``outlet_of``, article_id ->
    outlet; ``words``: article_id -> words; ``events``: one row per event with its
    ``article_id``.

    Columns: ``outlet``; ``ci_low``, ``ci_high`` (95% interval of the pooled rate, events per
    1,000 words); ``p_value`` (:func:`article_rate_p`; NaN for a one-article outlet). No
    estimate column: the caller computes the pooled rate (events / words x 1,000).

    >>> events = pd.DataFrame({"article_id": ["a", "a", "b"]})
    >>> words = pd.Series({"a": 100, "b": 200, "c": 300})
    >>> cis = outlet_rate_cis(events, words, pd.Series({"a": "X", "b": "X", "c": "Y"}))
    >>> cis["outlet"].tolist(), bool((cis["ci_low"] <= cis["ci_high"]).all())
    (['X', 'Y'], True)
    """
    rows = []
    for outlet, ids in outlet_of.groupby(outlet_of).groups.items():
        mine = words.reindex(ids).fillna(0)
        low, high = article_rate_ci(events[events["article_id"].isin(ids)], mine,
                                    n_boot=n_boot, seed=seed)
        rows.append({"outlet": outlet, "ci_low": low, "ci_high": high,
                     "p_value": article_rate_p(events, words, outlet_of, outlet,
                                               n_boot=n_boot, seed=seed)})
    return pd.DataFrame(rows, columns=["outlet", "ci_low", "ci_high", "p_value"])
