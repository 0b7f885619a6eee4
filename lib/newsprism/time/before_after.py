"""Before and after a date: did an outlet's tone, frames or sources change?

One tidy table, one row per outlet x measure x item, comparing the articles dated before
``split`` with those dated on or after it (undated articles, and articles dated only from
their text, are in neither window: :func:`split_windows`):

- ``tone``: mean of article-mean sentence scores; difference with a bootstrap interval over
  articles, Welch's t-test, Cohen's d;
- ``frame``: share of articles carrying the frame; difference with a Newcombe interval,
  Fisher's exact test, Cohen's h;
- ``speaker``: share of the outlet's speech quotations given to the speaker; difference with a
  bootstrap interval that resamples articles within each window and its two-sided bootstrap
  p, Cohen's h. Quotations cluster in articles (PolNeAR train: 22 quotations of one speaker
  in two articles made a "clear change" under Fisher's test of quotations); with fewer than
  :data:`~newsprism.core.stats.MIN_ARTICLES` articles quoting on either side there is no
  test.

Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after minus
before), ``ci_low, ci_high, p_value, q_value`` (Benjamini-Hochberg over the table),
``effect_size, effect_kind, n`` (``n_before + n_after``), then ``p, q``: deprecated copies
of ``p_value, q_value`` (the names before they were spelled as in every other table; see
:func:`~newsprism.core.stats.with_deprecated_aliases`). With fewer than
:data:`~newsprism.core.stats.MIN_ARTICLES` articles on either side (the one minimum for an
interval over articles) a tone or speaker row has no test (``p_value`` NaN) and is read as
"too few to compare".

>>> import pandas as pd
>>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X"] * 4,
...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"], utc=True)})
>>> sent = pd.DataFrame({"article_id": list("aabbccdd"), "score": [.1, .2, .1, .3, -.5, -.4, -.6, -.3]})
>>> row = tone_change(sent, dates, "2026-01-04").iloc[0]
>>> bool(row["estimate"] < 0), int(row["n_before"]), int(row["n_after"])
(True, 2, 2)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.core import stats
from newsprism.core.stats import cluster_ratio_draws, newcombe_diff_ci
from newsprism.time import timeline

COLUMNS = ["outlet", "measure", "item", "before", "after", "n_before", "n_after", "estimate",
           "ci_low", "ci_high", "p_value", "q_value", "effect_size", "effect_kind", "n",
           *stats.DEPRECATED_TEST_COLUMNS]


def split_windows(dates: pd.DataFrame, split: str) -> pd.Series:
    """``before`` / ``after`` per article (by ``article_id``); undated articles absent, and so
    is every article dated only by a date its text mentions (``date_basis`` "text"): that
    date may fall before or after publication (:data:`newsprism.time.timeline.TEXT_DATE_ESTIMATE`),
    so its side is unknown (a PolNeAR article whose text mentions 2002 was counted "before"
    2016-03-21; 34 of the 164 PolNeAR train articles dated from their text mention a date
    after their publication).

    Returns a Series named ``window`` indexed by ``article_id``; an article dated on the
    ``split`` day is ``after``.

    >>> dates = pd.DataFrame({"article_id": list("abcdef"), "outlet": ["X"] * 3 + ["Y"] * 3,
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06",
    ...                             "2026-01-03", "2026-01-07"], utc=True),
    ...     "date_basis": ["published"] * 4 + ["text"] * 2, "has_time": False})
    >>> split_windows(dates, "2026-01-05").to_dict()
    {'a': 'before', 'b': 'before', 'c': 'after', 'd': 'after'}
    """
    cut = timeline.parse_day(split, "split_date")
    from_text = (dates["date_basis"] == "text" if "date_basis" in dates
                 else pd.Series(False, index=dates.index))
    dated = dates[dates["date"].notna() & ~from_text]
    side = np.where(dated["date"] < cut, "before", "after")
    return pd.Series(side, index=dated["article_id"].to_numpy(), name="window")


def tone_change(sentences: pd.DataFrame, dates: pd.DataFrame, split: str, n_boot: int = stats.N_BOOT,
                seed: int = 0) -> pd.DataFrame:
    """Per outlet: article-mean tone before vs after ``split`` (see module docstring).

    Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after
    minus before), ``ci_low, ci_high, p_value, q_value, effect_size, effect_kind, n`` and the
    deprecated ``p, q`` (see the module docstring). ``measure`` is "tone";
    ``n_before``/``n_after`` count articles.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> sent = pd.DataFrame({"article_id": list("aabbccdd"), "voice": "author",
    ...                      "score": [.1, .2, .1, .3, -.5, -.4, -.6, -.3]})
    >>> tone_change(sent, dates, "2026-01-04")[["outlet", "estimate", "n_before", "n_after"]
    ...                                      ].values.tolist()
    [['X', -0.625, 2, 1], ['Y', nan, 0, 1]]
    """
    from scipy import stats as sps

    side = split_windows(dates, split)
    means = sentences.groupby("article_id")["score"].mean()
    frame = pd.DataFrame({"score": means}).join(side, how="inner").join(
        dates.set_index("article_id")["outlet"], how="left")
    rows = []
    for outlet, part in frame.groupby("outlet", sort=True):
        a = part.loc[part["window"] == "before", "score"].to_numpy()
        b = part.loc[part["window"] == "after", "score"].to_numpy()
        testable = stats.enough_articles(a.size) and stats.enough_articles(b.size)
        low, high = stats.bootstrap_diff_ci(b, a, n_boot=n_boot, seed=seed) if testable else (
            np.nan, np.nan)
        p = float(sps.ttest_ind(b, a, equal_var=False).pvalue) if testable else np.nan
        rows.append(_row(outlet, "tone", "mean sentence score", _mean(a), _mean(b), a.size,
                         b.size, low, high, p, _cohens_d(a, b) if testable else np.nan,
                         "Cohen's d"))
    return _table(rows)


def share_change(counts: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Rows for share measures from ``outlet, item, k_before, n_before, k_after, n_after``.

    Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after
    minus before), ``ci_low, ci_high, p_value, q_value, effect_size, effect_kind, n`` and the
    deprecated ``p, q`` (see the module docstring); ``before``/``after`` are shares (k / n),
    the interval Newcombe's, ``p_value`` Fisher's exact, ``q_value`` left empty (set over the
    whole table by :func:`before_after`).

    >>> counts = pd.DataFrame({"outlet": ["X"], "item": ["conflict"], "k_before": [1],
    ...                        "n_before": [2], "k_after": [1], "n_after": [1]})
    >>> share_change(counts, "frame")[["before", "after", "estimate", "p_value"]].values.tolist()
    [[0.5, 1.0, 0.5, 1.0]]
    """
    from scipy import stats as sps

    rows = []
    for rec in counts.itertuples(index=False):
        k0, n0, k1, n1 = int(rec.k_before), int(rec.n_before), int(rec.k_after), int(rec.n_after)
        if n0 == 0 or n1 == 0:
            rows.append(_row(rec.outlet, measure, rec.item, _share(k0, n0), _share(k1, n1), n0,
                             n1, np.nan, np.nan, np.nan, np.nan, "Cohen's h"))
            continue
        low, high = newcombe_diff_ci(k1, n1, k0, n0)
        p = float(sps.fisher_exact([[k1, n1 - k1], [k0, n0 - k0]])[1])
        h = 2 * np.arcsin(np.sqrt(k1 / n1)) - 2 * np.arcsin(np.sqrt(k0 / n0))
        rows.append(_row(rec.outlet, measure, rec.item, k0 / n0, k1 / n1, n0, n1, low, high, p,
                         float(h), "Cohen's h"))
    return _table(rows)


def frame_change(presence: pd.DataFrame, dates: pd.DataFrame, split: str) -> pd.DataFrame:
    """Per outlet x frame: share of articles carrying the frame before vs after ``split``.

    ``presence``: ``article_id, frame, present`` (:func:`newsprism.time.over_time.article_frames`).

    Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after
    minus before), ``ci_low, ci_high, p_value, q_value, effect_size, effect_kind, n`` and the
    deprecated ``p, q`` (see the module docstring); ``measure`` is "frame", ``item`` the
    frame, counts are articles.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> presence = pd.DataFrame({"article_id": list("abcd"), "frame": "conflict",
    ...                          "present": [True, False, True, False]})
    >>> frame_change(presence, dates, "2026-01-04")[["outlet", "before", "after", "n"]
    ...                                        ].values.tolist()
    [['X', 0.5, 1.0, 3], ['Y', nan, 0.0, 1]]"""
    side = split_windows(dates, split).rename_axis("article_id").reset_index()
    rows = presence.merge(side, on="article_id").merge(dates[["article_id", "outlet"]],
                                                       on="article_id")
    return share_change(_side_counts(rows, "frame", "present"), "frame")


def speaker_change(quotes: pd.DataFrame, dates: pd.DataFrame, split: str,
                   top: int = 5, n_boot: int = stats.N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Per outlet x speaker (the outlet's ``top`` speakers): share of its speech quotations,
    compared over articles (see module docstring).

    ``quotes``: speech quotations with ``article_id, speaker`` (unattributed ones count in n).

    Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after
    minus before), ``ci_low, ci_high, p_value, q_value, effect_size, effect_kind, n`` and the
    deprecated ``p, q`` (see the module docstring); ``item`` is the speaker,
    ``n_before``/``n_after`` count the outlet's quotations. Fewer than two quoting articles on
    a side: no interval, no test.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> quotes = pd.DataFrame({"article_id": list("abcd"), "speaker": ["Kim", "Putin", "Kim", "Kim"]})
    >>> speaker_change(quotes, dates, "2026-01-04")[
    ...     ["outlet", "item", "estimate", "p_value"]].values.tolist()
    [['X', 'Kim', 0.5, nan], ['X', 'Putin', -0.5, nan], ['Y', 'Kim', nan, nan]]"""
    side = split_windows(dates, split).rename_axis("article_id").reset_index()
    rows = quotes.merge(side, on="article_id").merge(dates[["article_id", "outlet"]],
                                                     on="article_id")
    if rows.empty:
        return _table([])
    named = rows[rows["speaker"].fillna("") != ""]
    leaders = (named.groupby(["outlet", "speaker"]).size().rename("k").reset_index()
               .sort_values(["outlet", "k", "speaker"], ascending=[True, False, True])
               .groupby("outlet").head(top))
    grid = rows.merge(leaders[["outlet", "speaker"]].rename(columns={"speaker": "item"}),
                      on="outlet")
    grid["hit"] = grid["speaker"].fillna("") == grid["item"]
    per_article = (grid.groupby(["outlet", "item", "window", "article_id"])["hit"]
                   .agg(["sum", "size"]).reset_index())
    return _table([_speaker_row(outlet, item, part, n_boot, seed) for (outlet, item), part
                   in per_article.groupby(["outlet", "item"], sort=True)])


def _speaker_row(outlet, item, part: pd.DataFrame, n_boot: int, seed: int) -> dict:
    """One speaker row from per-article (sum, size) counts of both windows."""
    sides = [part.loc[part["window"] == w, ["sum", "size"]].to_numpy(dtype=float)
             for w in ("before", "after")]
    (k0, n0), (k1, n1) = (side.sum(axis=0) if len(side) else (0.0, 0.0) for side in sides)
    before, after = _share(int(k0), int(n0)), _share(int(k1), int(n1))
    if not stats.enough_articles(min(len(sides[0]), len(sides[1]))):
        return _row(outlet, "speaker", item, before, after, n0, n1, np.nan, np.nan, np.nan,
                    np.nan, "Cohen's h")
    low, high, p = article_share_diff(sides[0], sides[1], n_boot=n_boot, seed=seed)
    h = 2 * np.arcsin(np.sqrt(after)) - 2 * np.arcsin(np.sqrt(before))
    return _row(outlet, "speaker", item, before, after, n0, n1, low, high, p, float(h),
                "Cohen's h")


def article_share_diff(before: np.ndarray, after: np.ndarray, n_boot: int = stats.N_BOOT,
                       seed: int = 0) -> tuple[float, float, float]:
    """Bootstrap 95% interval and two-sided p of the difference of two pooled shares (after
    minus before), resampling articles: each array has one row per article, (hits, total).
    p = twice the smaller share of resampled differences on either side of 0 (at least
    1 / ``n_boot``).

    >>> one_article = np.array([[22, 22]] + [[0, 10]] * 39)   # every hit in one article
    >>> spread = np.array([[1, 10]] * 40)
    >>> low, high, p = article_share_diff(one_article, np.array([[0, 10]] * 40))
    >>> bool(low < 0 < high or p > 0.05)
    True
    >>> low, high, p = article_share_diff(spread, np.array([[4, 10]] * 40))
    >>> bool(low > 0 and p < 0.01)
    True
    """
    rng = np.random.default_rng(seed)
    after_draws = cluster_ratio_draws(after[:, 0], after[:, 1], n_boot, rng)
    diff = after_draws - cluster_ratio_draws(before[:, 0], before[:, 1], n_boot, rng)
    low, high = np.nanquantile(diff, [0.025, 0.975])
    p = 2 * min(float(np.nanmean(diff <= 0)), float(np.nanmean(diff >= 0)))
    return float(low), float(high), float(min(1.0, max(p, 1.0 / n_boot)))


def _side_counts(rows: pd.DataFrame, item: str, flag: str) -> pd.DataFrame:
    grouped = rows.groupby(["outlet", item, "window"])[flag].agg(["sum", "size"]).unstack(
        "window", fill_value=0)
    out = pd.DataFrame(index=grouped.index)
    for side in ("before", "after"):
        out[f"k_{side}"] = grouped[("sum", side)] if ("sum", side) in grouped else 0
        out[f"n_{side}"] = grouped[("size", side)] if ("size", side) in grouped else 0
    return out.reset_index().rename(columns={item: "item"})


def before_after(sentences: pd.DataFrame, presence: pd.DataFrame, quotes: pd.DataFrame,
                 dates: pd.DataFrame, split: str, n_boot: int = stats.N_BOOT,
                 seed: int = 0) -> pd.DataFrame:
    """Tone, frame and speaker changes in one table with Benjamini-Hochberg ``q_value``.

    Columns: ``outlet, measure, item, before, after, n_before, n_after, estimate`` (after
    minus before), ``ci_low, ci_high, p_value, q_value, effect_size, effect_kind, n`` and the
    deprecated ``p, q`` (see the module docstring). Before/after compares two sets of
    articles; it cannot tell an
    outlet's change of stance from a change in what happened or which stories it ran.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> sent = pd.DataFrame({"article_id": list("aabbccdd"), "voice": "author",
    ...                      "score": [.1, .2, .1, .3, -.5, -.4, -.6, -.3]})
    >>> presence = pd.DataFrame({"article_id": list("abcd"), "frame": "conflict",
    ...                          "present": [True, False, True, False]})
    >>> quotes = pd.DataFrame({"article_id": list("abcd"), "speaker": "Kim"})
    >>> before_after(sent, presence, quotes, dates, "2026-01-04")["measure"].tolist()
    ['tone', 'tone', 'frame', 'frame', 'speaker', 'speaker']
    """
    parts = [tone_change(sentences, dates, split, n_boot, seed),
             frame_change(presence, dates, split),
             speaker_change(quotes, dates, split, n_boot=n_boot, seed=seed)]
    table = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(
        len(p) for p in parts) else _table([])
    table["q_value"] = stats.benjamini_hochberg(table["p_value"].to_numpy(dtype=float))
    return stats.with_deprecated_aliases(table)[COLUMNS]


def _row(outlet, measure, item, before, after, n0, n1, low, high, p, effect, kind) -> dict:
    return {"outlet": outlet, "measure": measure, "item": item, "before": before,
            "after": after, "n_before": int(n0), "n_after": int(n1),
            "estimate": after - before if pd.notna(before) and pd.notna(after) else np.nan,
            "ci_low": low, "ci_high": high, "p_value": p, "q_value": np.nan, "effect_size": effect,
            "effect_kind": kind, "n": int(n0) + int(n1)}


def _table(rows: list[dict]) -> pd.DataFrame:
    canonical = [c for c in COLUMNS if c not in stats.DEPRECATED_TEST_COLUMNS]
    return stats.with_deprecated_aliases(pd.DataFrame(rows, columns=canonical))[COLUMNS]


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if values.size else float("nan")


def _share(k: int, n: int) -> float:
    return k / n if n else float("nan")


def _cohens_d(a: np.ndarray, b: np.ndarray) -> float:
    pooled = np.sqrt(((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1))
                     / (a.size + b.size - 2))
    return float((b.mean() - a.mean()) / pooled) if pooled > 0 else float("nan")
