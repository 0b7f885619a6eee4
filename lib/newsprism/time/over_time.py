"""Coverage over time: attention, tone and frames per outlet per period.

Every measure takes the dated articles of :func:`newsprism.time.timeline.article_dates` (cut to a
window with :func:`newsprism.time.timeline.window`) and returns a tidy table; undated articles are
counted in their own rows, never dropped silently. Intervals: tone resamples ARTICLES within
each outlet x period (sentences of one article are not independent); shares use Wilson
intervals over articles.

>>> import pandas as pd
>>> from newsprism.time import timeline
>>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
...     "published": ["2026-01-01", "2026-01-02", ""], "text": ["", "", ""], "n_words": [10, 20, 5]})
>>> dates = timeline.article_dates(articles)
>>> table = attention(articles, dates, "day")
>>> table.groupby("outlet")["articles"].sum().to_dict()
{'X': 2, 'Y': 1}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.core import stats
from newsprism.time import timeline

ATTENTION_COLUMNS = ["period", "period_label", "outlet", "articles", "words",
                     "share_of_period", "period_articles"]
TONE_COLUMNS = ["period", "period_label", "outlet", "voice", "estimate", "ci_low", "ci_high",
                "n", "n_articles", "sufficient"]
ACTOR_COLUMNS = ["period", "period_label", "outlet", "actor", "estimate", "ci_low", "ci_high",
                 "n", "n_articles", "sufficient"]
FRAME_COLUMNS = ["period", "period_label", "outlet", "frame", "estimate", "ci_low", "ci_high",
                 "n", "n_present"]
UNDATED = "undated"


def _periods(dates: pd.DataFrame, period: str) -> pd.DataFrame:
    """``article_id, outlet, period, period_label`` (label ``undated`` where NaT)."""
    starts = timeline.period_start(dates["date"], period)
    labels = starts.dt.strftime("%Y-%m-%d" if period != "month" else "%Y-%m")
    return pd.DataFrame({"article_id": dates["article_id"].to_numpy(),
                         "outlet": dates["outlet"].to_numpy(), "period": starts.to_numpy(),
                         "period_label": labels.fillna(UNDATED).to_numpy()})


def attention(articles: pd.DataFrame, dates: pd.DataFrame, period: str) -> pd.DataFrame:
    """Articles and words per outlet per period, with the outlet's share of the period.

    Columns: ``period`` (first day; NaT for the undated row), ``period_label``, ``outlet``,
    ``articles``, ``words``, ``share_of_period`` (the outlet's articles / all articles of the
    period), ``period_articles``. Every outlet x period from the first to the last of the
    story's span is present (zeros included, also where no outlet published), and
    each outlet's ``articles`` sum to its articles in ``dates`` exactly (undated ones in the
    ``undated`` row). ``words`` uses the articles' ``n_words``. Attention in this corpus is
    what was collected, not what each outlet published.

    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...     "published": ["2026-01-01", "2026-01-02", ""], "text": "", "n_words": [10, 20, 5]})
    >>> table = attention(articles, timeline.article_dates(articles), "day")
    >>> table[["period_label", "outlet", "articles", "words"]].values.tolist()
    [['2026-01-01', 'X', 1, 10], ['2026-01-01', 'Y', 0, 0], ['2026-01-02', 'X', 1, 20], ['2026-01-02', 'Y', 0, 0], ['undated', 'Y', 1, 5]]
    """
    cut = _periods(dates, period).merge(articles[["article_id", "n_words"]], on="article_id",
                                        how="left")
    cut["n_words"] = cut["n_words"].fillna(0).astype(int)
    counts = cut.groupby(["period_label", "outlet"], sort=True).agg(
        articles=("article_id", "size"), words=("n_words", "sum"))
    between = _span_periods(dates, period)
    labels = sorted(set(cut.loc[cut["period_label"] != UNDATED, "period_label"])
                    | set(between))
    labels += [UNDATED] if (cut["period_label"] == UNDATED).any() else []
    grid = pd.MultiIndex.from_product([labels, sorted(cut["outlet"].unique())],
                                      names=["period_label", "outlet"])
    table = counts.reindex(grid, fill_value=0).reset_index()
    dated = table["period_label"] != UNDATED
    table = table[dated | (table["articles"] > 0)].copy()
    total = table.groupby("period_label")["articles"].transform("sum")
    table["period_articles"] = total.astype(int)
    table["share_of_period"] = np.where(total > 0, table["articles"] / total.clip(lower=1),
                                        np.nan)
    starts = dict(zip(cut["period_label"], cut["period"], strict=True)) | between
    table["period"] = pd.to_datetime(table["period_label"].map(starts)).astype("datetime64[ns]")
    return table[ATTENTION_COLUMNS].reset_index(drop=True)


def _span_periods(dates: pd.DataFrame, period: str) -> dict[str, pd.Timestamp]:
    """Label -> first day of every period from the first to the last one of the story's span
    (:func:`newsprism.time.timeline.span_dates`), so a period without articles is a row of
    zeros, not left out: two months a year apart were drawn as neighbouring bars.

    >>> d = pd.DataFrame({"date": pd.to_datetime(["2015-03-01", "2015-06-09"], utc=True),
    ...                   "date_basis": ["published"] * 2})
    >>> list(_span_periods(d, "month"))
    ['2015-03', '2015-04', '2015-05', '2015-06']
    """
    span = timeline.span_dates(dates).dropna() if len(dates) else pd.Series(dtype=object)
    if span.empty:
        return {}
    ends = timeline.period_start(pd.Series([span.min(), span.max()]), period)
    starts = pd.period_range(ends.iloc[0], ends.iloc[1], freq=timeline.PERIODS[period])
    firsts = pd.Series(starts.start_time)
    labels = firsts.dt.strftime("%Y-%m-%d" if period != "month" else "%Y-%m")
    return dict(zip(labels, firsts, strict=True))


def tone_over_time(sentences: pd.DataFrame, dates: pd.DataFrame, period: str,
                   min_sentences: int = 20, n_boot: int = stats.N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Tone per outlet x period x voice: ``estimate, ci_low, ci_high, n`` and more.

    ``sentences``: sentence scores with ``article_id, voice, score`` (see
    :func:`newsprism.sentiment.score_tables.sentence_scores`; pass several voices stacked). ``estimate`` is
    the mean sentence score; the interval resamples articles (fewer than
    :data:`~newsprism.core.stats.MIN_ARTICLES`: no interval).
    ``sufficient`` is False where fewer than ``min_sentences`` sentences were scored: such a
    cell is shown as too few, not as a point. Undated articles are left out (count them with
    :func:`attention`).

    Columns: ``period`` (first day of the period), ``period_label``, ``outlet``, ``voice``,
    ``estimate`` (mean sentence score, -1..+1), ``ci_low``, ``ci_high`` (NaN with one
    article), ``n`` (sentences), ``n_articles``, ``sufficient``. A change between periods is
    also a change in which stories ran: compare like with like before reading it as a shift.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> sent = pd.DataFrame({"article_id": list("aabbccdd"), "voice": "author",
    ...                      "score": [.1, .2, .1, .3, -.5, -.4, -.6, -.3]})
    >>> tone_over_time(sent, dates, "week", min_sentences=2)[["period_label", "outlet",
    ...     "estimate", "n", "n_articles"]].round(3).values.tolist()
    [['2025-12-29', 'X', 0.175, 4, 2], ['2026-01-05', 'X', -0.45, 2, 1], ['2026-01-05', 'Y', -0.45, 2, 1]]
    """
    cut = _periods(dates, period)
    rows = sentences[["article_id", "voice", "score"]].merge(
        cut[cut["period_label"] != UNDATED], on="article_id", how="inner")
    return _cell_means(rows, "voice", min_sentences, n_boot, seed, TONE_COLUMNS)


def _cell_means(rows: pd.DataFrame, series: str, minimum: int, n_boot: int, seed: int,
                columns: list[str]) -> pd.DataFrame:
    """:func:`_clustered_mean` of ``score`` per period x outlet x ``series`` value."""
    rows = rows[rows["score"].notna()]
    out = []
    for (label, outlet, value), part in rows.groupby(["period_label", "outlet", series],
                                                     sort=True):
        out.append((part["period"].iloc[0], label, outlet, value,
                    *_clustered_mean(part, minimum, n_boot, seed)))
    return pd.DataFrame(out, columns=columns)


def _clustered_mean(part: pd.DataFrame, minimum: int, n_boot: int, seed: int) -> tuple:
    n, n_articles = len(part), part["article_id"].nunique()
    estimate = float(part["score"].mean())
    if n < minimum or not stats.enough_articles(n_articles):
        low = high = float("nan")
    else:
        low, high = stats.cluster_bootstrap_ci(part["score"].to_numpy(),
                                               part["article_id"].to_numpy(), n_boot, seed)
    return (estimate, low, high, n, n_articles, bool(n >= minimum))


def actor_tone_over_time(tone: pd.DataFrame, dates: pd.DataFrame, period: str,
                         actors: list[str], min_mentions: int = 5, n_boot: int = stats.N_BOOT,
                         seed: int = 0) -> pd.DataFrame:
    """Tone toward each of ``actors`` per outlet x period (mention rows of
    :func:`newsprism.sentiment.tone_actors.actor_tone`: ``article_id, actor, score``).

    Columns as :func:`tone_over_time` with ``actor`` for ``voice``; ``n`` counts mentions:
    ``period``, ``period_label``, ``outlet``, ``actor``, ``estimate``, ``ci_low``,
    ``ci_high``, ``n``, ``n_articles``, ``sufficient`` (at least ``min_mentions``).

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> tone = pd.DataFrame({"article_id": list("abcd"), "actor": "Kim",
    ...                      "score": [.1, .2, -.5, -.6]})
    >>> actor_tone_over_time(tone, dates, "week", ["Kim"], min_mentions=1)[
    ...     ["period_label", "outlet", "estimate", "n"]].round(3).values.tolist()
    [['2025-12-29', 'X', 0.15, 2], ['2026-01-05', 'X', -0.5, 1], ['2026-01-05', 'Y', -0.6, 1]]
    """
    cut = _periods(dates, period)
    rows = tone[tone["actor"].isin(actors)][["article_id", "actor", "score"]].merge(
        cut[cut["period_label"] != UNDATED], on="article_id", how="inner")
    return _cell_means(rows, "actor", min_mentions, n_boot, seed, ACTOR_COLUMNS)


def article_frames(frames: pd.DataFrame, articles: pd.DataFrame,
                   frame_ids: list[str] | None = None) -> pd.DataFrame:
    """Article x frame presence: ``article_id, frame, present`` for every English article.

    A frame is present in an article when the frame detector found it there (a cue outside
    negation); every article gets a row per frame, so absent frames count as absences.

    Columns: ``article_id``, ``frame``, ``present`` (bool). Present means a codebook cue was
    found, which is not a coder's judgement (see the frame validation).

    >>> frames = pd.DataFrame({"article_id": ["a", "c"], "frame": "conflict", "negated": False})
    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...                      "language": "en"})
    >>> article_frames(frames, arts)["present"].tolist()
    [True, False, True, False]
    """
    hits = frames if "negated" not in frames.columns else frames[~frames["negated"].astype(bool)]
    ids = list(frame_ids) if frame_ids else sorted(hits["frame"].unique()) if len(hits) else []
    present = set(zip(hits["article_id"], hits["frame"], strict=True)) if len(hits) else set()
    grid = pd.MultiIndex.from_product([articles["article_id"].tolist(), ids],
                                      names=["article_id", "frame"]).to_frame(index=False)
    grid["present"] = [(a, f) in present for a, f in zip(grid["article_id"], grid["frame"],
                                                         strict=True)]
    return grid


def frames_over_time(presence: pd.DataFrame, dates: pd.DataFrame, period: str) -> pd.DataFrame:
    """Share of an outlet's articles in a period that carry each frame, Wilson 95% interval.

    ``presence``: :func:`article_frames` rows. Columns: ``period, period_label, outlet, frame,
    estimate, ci_low, ci_high, n`` (articles), ``n_present``. Undated articles left out.
    ``estimate`` is a share (0-1); with a handful of articles per period the Wilson interval
    spans most of 0-1.

    >>> dates = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"],
    ...                            utc=True), "date_basis": "published", "has_time": False})
    >>> frames = pd.DataFrame({"article_id": ["a", "c"], "frame": "conflict", "negated": False})
    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "X", "Y"],
    ...                      "language": "en"})
    >>> frames_over_time(article_frames(frames, arts), dates, "week")[
    ...     ["period_label", "outlet", "estimate", "n", "n_present"]].values.tolist()
    [['2025-12-29', 'X', 0.5, 2, 1], ['2026-01-05', 'X', 1.0, 1, 1], ['2026-01-05', 'Y', 0.0, 1, 0]]
    """
    cut = _periods(dates, period)
    rows = presence.merge(cut[cut["period_label"] != UNDATED], on="article_id", how="inner")
    grouped = rows.groupby(["period_label", "outlet", "frame"], sort=True).agg(
        period=("period", "first"), n=("present", "size"), n_present=("present", "sum"))
    table = grouped.reset_index()
    intervals = [stats.proportion_ci(int(k), int(n)) for k, n in
                 zip(table["n_present"], table["n"], strict=True)]
    table["estimate"] = table["n_present"] / table["n"].clip(lower=1)
    table["ci_low"] = [low for low, _ in intervals]
    table["ci_high"] = [high for _, high in intervals]
    table["n"] = table["n"].astype(int)
    table["n_present"] = table["n_present"].astype(int)
    return table[FRAME_COLUMNS]
