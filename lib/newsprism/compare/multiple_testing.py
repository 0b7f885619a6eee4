"""The tests behind the rate, frame and tone statements: a p value per comparison and one
Benjamini-Hochberg q over the whole family (every outlet x measure, frame and tone), so a
statement or a reading calls a lead clear only below ``ALPHA``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ALPHA = 0.05  # the false discovery rate of the rate, frame and tone statements together


def rate_p(row: dict, rates: pd.DataFrame) -> float:
    """The row's ``p_value`` where its table has one: the outlet's pooled rate against the
    others' pooled rate, resampling articles from the interval's draws
    (:func:`newsprism.compare.rate_intervals.article_rate_p`; events cluster in articles, so
    a test that treats them as independent is optimistic). Otherwise (a one-article outlet, a
    table without articles) the one-sided exact Poisson p of the row's count against the
    median rate of the other outlets (the comparison :func:`rate_statement` states; when that
    median is 0, the exact conditional test against their pooled count and words); NaN when
    nothing is compared.

    >>> rates = pd.DataFrame({"outlet": ["A", "B", "C"], "count": [12, 2, 3],
    ...                       "n": [1000] * 3, "estimate": [12.0, 2.0, 3.0]})
    >>> round(rate_p(rates.iloc[0].to_dict(), rates), 5)
    1e-05
    """
    from scipy.stats import poisson

    if pd.notna(row.get("p_value", np.nan)):
        return float(row["p_value"])
    mask = (rates["outlet"] != row["outlet"]) & rates["estimate"].notna()
    others = rates.loc[mask, "estimate"]
    if others.empty or pd.isna(row["estimate"]):
        return float("nan")
    if others.median() <= 0:
        # A median of 0 would make any count "infinitely" above it: compare with the others'
        # pooled count instead (exact conditional test of two Poisson rates).
        from scipy.stats import binomtest

        k, rest = int(row["count"]), int(rates.loc[mask, "count"].sum())
        words, rest_words = max(float(row["n"]), 1.0), max(float(rates.loc[mask, "n"].sum()), 1.0)
        return (float(binomtest(k, k + rest, words / (words + rest_words),
                                alternative="greater").pvalue) if k + rest else 1.0)
    expected = others.median() * max(float(row["n"]), 1.0) / 1000
    return float(poisson.sf(int(row["count"]) - 1, expected))


def tone_p(rec: dict, others: pd.Series) -> float:
    """Two-sided normal p of the outlet's tone against the others' median, with the standard
    error read off its 95% interval; NaN without an interval or other outlets."""
    from scipy.special import ndtr

    se = (rec["ci_high"] - rec["ci_low"]) / (2 * 1.959964)
    if others.empty or not se > 0:
        return float("nan")
    return float(2 * ndtr(-abs(rec["estimate"] - others.median()) / se))


def family_q(rates: pd.DataFrame, frames: pd.DataFrame | None,
             tone: pd.DataFrame | None) -> dict:
    """Benjamini-Hochberg q of every comparison the rate, frame and tone statements test
    (every outlet x measure, outlet x frame and outlet tone, stated or not), keyed
    ``("rate", outlet, measure)``, ``("frame", outlet, frame)`` and ``("tone", outlet, "")``.
    A statement is made only below :data:`ALPHA`: with 12 outlets and a dozen measures, some
    95% intervals clear the median by chance. A row whose ``n_articles`` is below
    :data:`~newsprism.core.stats.MIN_ARTICLES` is not tested (q NaN, and it does not count in
    the correction): its interval and p over articles say nothing about the outlet.

    >>> tone = pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": [0.5, 0.0, 0.0],
    ...     "ci_low": [0.4, -0.1, -0.1], "ci_high": [0.6, 0.1, 0.1], "n_articles": [2, 9, 9]})
    >>> q = family_q(pd.DataFrame(columns=["outlet", "measure"]), None, tone)
    >>> bool(np.isnan(q[("tone", "A", "")])), bool(q[("tone", "B", "")] > 0)
    (True, True)
    """
    from newsprism.core.stats import benjamini_hochberg

    keys, ps = [], []
    for rec in rates.to_dict("records"):
        keys.append(("rate", rec["outlet"], rec["measure"]))
        ps.append(_tested(rec, rate_p, rates[rates["measure"] == rec["measure"]]))
    for rec in ([] if frames is None or not len(frames) else frames.to_dict("records")):
        keys.append(("frame", rec["outlet"], rec["frame"]))
        ps.append(_tested(rec, rate_p, frames[frames["frame"] == rec["frame"]]))
    for rec in ([] if tone is None or not len(tone) else tone.to_dict("records")):
        keys.append(("tone", rec["outlet"], ""))
        ps.append(_tested(rec, tone_p,
                          tone.loc[tone["outlet"] != rec["outlet"], "estimate"].dropna()))
    return dict(zip(keys, benjamini_hochberg(np.array(ps, dtype=float)), strict=True))


def _tested(rec: dict, test, others) -> float:
    """``test(rec, others)``, or NaN (not tested) for a row of an outlet with too few articles
    (:data:`~newsprism.core.stats.MIN_ARTICLES`; a row without ``n_articles`` is tested)."""
    from newsprism.core.stats import enough_articles

    n = rec.get("n_articles")
    if n is not None and not pd.isna(n) and not enough_articles(n):
        return float("nan")
    return test(rec, others)


def with_tone_q(tone: pd.DataFrame | None, rates: pd.DataFrame,
                frames: pd.DataFrame | None) -> pd.DataFrame | None:
    """``tone`` (:func:`newsprism.compare.profiles.outlet_tone`'s table) with ``p_value``
    (:func:`tone_p`: the outlet against the others' median; NaN where not tested) and
    ``q_value`` (its Benjamini-Hochberg q from :func:`family_q`): the q the tone statement
    quotes ("q = 0.028 over every outlet and measure tested") was in no saved table.

    >>> tone = pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": [0.5, 0.0, 0.0],
    ...     "ci_low": [0.4, -0.1, -0.1], "ci_high": [0.6, 0.1, 0.1], "n_articles": [9, 9, 2]})
    >>> out = with_tone_q(tone, pd.DataFrame(columns=["outlet", "measure"]), None)
    >>> out["q_value"].round(4).tolist()
    [0.0, 0.0, nan]
    """
    if tone is None or not len(tone):
        return tone
    q = family_q(rates, frames, tone)
    p = [_tested(rec, tone_p, tone.loc[tone["outlet"] != rec["outlet"], "estimate"].dropna())
         for rec in tone.to_dict("records")]
    return tone.assign(p_value=p, q_value=[q.get(("tone", o, ""), np.nan)
                                           for o in tone["outlet"]])


def with_family_q(rates: pd.DataFrame, frames: pd.DataFrame | None,
                  tone: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``rates`` and ``frames`` with a ``q_value`` column: each row's q from :func:`family_q`
    (the one corrected decision the summary statements and the readings share).

    Returns ``(rates, frames)``: the input tables (``rates``: ``outlet``, ``measure``,
    ``count``, ``n``, ``estimate``, ``ci_low``, ``ci_high``, ``p_value``, see
    :func:`newsprism.compare.outlets.statement_rates`) with one more column, ``q_value``
    (Benjamini-Hochberg over every outlet x measure, outlet x frame and outlet tone test;
    NaN where the row has no test); ``frames`` stays None when given None.

    Usage::

        rates, frames = with_family_q(tables["rates"], tables["frame_rates"], tables["tone"])
    """
    q = family_q(rates, frames, tone)
    rates = rates.assign(q_value=[q.get(("rate", o, m), np.nan) for o, m in
                                  zip(rates["outlet"], rates["measure"], strict=True)])
    if frames is not None and len(frames):
        frames = frames.assign(q_value=[q.get(("frame", o, f), np.nan) for o, f in
                                        zip(frames["outlet"], frames["frame"], strict=True)])
    return rates, frames
