"""Who reported first, and how statements and wording travelled between outlets.

Order is only claimed where the dates carry it: two articles are ordered when both are dated
and their dates differ by more than the dates' resolution (a day for date-only values, an hour
when both carry a clock time). Otherwise a pair is *undirected* (same time, or undated).
Dates inferred from an article's text are estimates that may fall before or after publication
(:data:`newsprism.time.timeline.TEXT_DATE_ESTIMATE`): they never direct a pair of copied passages, and ``basis`` says ``text`` wherever one is used.

>>> import pandas as pd
>>> dates = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
...     "date": pd.to_datetime(["2026-01-01", "2026-01-03"], utc=True),
...     "date_basis": ["published"] * 2, "has_time": [False, False]})
>>> first_reports(dates)[["outlet", "lag_days"]].values.tolist()
[['X', 0.0], ['Y', 2.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FIRST_COLUMNS = ["outlet", "article_id", "date", "date_basis", "has_time", "lag_days", "rank",
                 "n_articles", "n_dated"]
SPREAD_COLUMNS = ["cluster_id", "statement", "wording", "outlet", "article_id", "date",
                  "date_basis", "has_time", "lag_days", "first_outlet", "order"]
PROPAGATION_COLUMNS = ["source_outlet", "source_article", "copy_outlet", "copy_article",
                       "source_date", "copy_date", "lag_days", "directed", "basis", "n_passages",
                       "n_words", "share_copied"]


def _resolution(a: pd.Series, b: pd.Series) -> pd.Series:
    """Days two dates must differ by to be ordered: 1/24 when both carry a time, else 1."""
    return np.where(a.astype(bool) & b.astype(bool), 1 / 24, 1.0)


def _basis(*bases: str) -> str:
    return "text" if "text" in bases else "published"


def _has_time(dates: pd.DataFrame) -> pd.Series:
    return (dates["has_time"].fillna(False).astype(bool) if "has_time" in dates.columns
            else pd.Series(False, index=dates.index))


def tied_with_first(rows: pd.DataFrame) -> pd.Series:
    """True for each dated row whose date the dates' resolution cannot set after the earliest
    dated row's (the earliest included): less than a day apart unless both carry a clock time,
    then less than an hour. ``rows``: ``date`` and, optionally, ``has_time``.

    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2026-01-01T08:00", "2026-01-01T08:30",
    ...     "2026-01-01T09:30", "2026-01-03T00:00"], utc=True), "has_time": [True, True, True, False]})
    >>> tied_with_first(rows).tolist()
    [True, True, False, False]
    """
    dated = rows["date"].notna()
    if not dated.any():
        return pd.Series(False, index=rows.index)
    first = rows.loc[dated, "date"].idxmin()
    timed = _has_time(rows)
    gap = (rows["date"] - rows.at[first, "date"]).dt.total_seconds() / 86400.0
    return dated & (gap < _resolution(timed, pd.Series(bool(timed[first]), index=rows.index)))


def lags_behind_first(rows: pd.DataFrame) -> pd.Series:
    """Days each dated row of ``rows`` (``date`` and, optionally, ``has_time``) lies after the
    earliest one, by the rule of :func:`_lag_days`: to the hour when both carry a clock time,
    else whole calendar days (a date-only value is a day, not its midnight: 50 read "New York
    Times 1.6 days later", after an outlet dated "1 day later" on the same day). NaN undated.

    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2026-01-01", "2026-01-02T13:30",
    ...     "2026-01-02", None], utc=True, format="ISO8601"), "has_time": [False, True, False, False]})
    >>> lags_behind_first(rows).tolist()
    [0.0, 1.0, 1.0, nan]
    """
    dated = rows["date"].notna()
    if not dated.any():
        return pd.Series(np.nan, index=rows.index, dtype=float)
    first = rows.loc[dated, "date"].idxmin()
    timed = _has_time(rows)
    start = rows.at[first, "date"]
    exact = (rows["date"] - start).dt.total_seconds() / 86400.0
    calendar = (rows["date"].dt.normalize() - start.normalize()).dt.days.astype(float)
    return exact.where(timed & bool(timed[first]), calendar)


def _published_only(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with every date not a publication date blanked: the dates that may order."""
    return rows.assign(date=rows["date"].where(rows["date_basis"] == "published"))


def first_reports(dates: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: its first dated article (by publication date; by the latest date its text
    mentions only when none of its articles has a publication date), the date, and the lag
    behind the first outlet.

    Columns: ``outlet, article_id, date, date_basis, has_time, lag_days`` (0 for the first outlet),
    ``rank`` (dense, by date), ``n_articles``, ``n_dated``. An outlet with no dated article has
    NaT and NaN (it is listed, not dropped); one dated only from a text has its date and NaN
    lag and rank (such a date may fall before or after publication, so it places no outlet).

    First in this corpus is not first in the world: an outlet's earlier articles may simply
    not have been collected.

    >>> dates = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", None], utc=True),
    ...     "date_basis": ["published", "published", "undated"], "has_time": False})
    >>> first_reports(dates)[["outlet", "lag_days", "rank", "n_dated"]].values.tolist()
    [['X', 0.0, 1.0, 1], ['Y', 1.0, 2.0, 1], ['Z', nan, nan, 0]]
    """
    totals = dates.groupby("outlet").agg(n_articles=("article_id", "size"),
                                         n_dated=("date", "count"))
    # A text date may fall before or after publication: an outlet's first report is its first
    # by publication date, its earliest text date only when none has one, and that ranks nowhere.
    dated = dates[dates["date"].notna()]
    dated = dated.assign(_text=dated["date_basis"] == "text").sort_values(
        ["_text", "date", "article_id"])
    first = dated.groupby("outlet", sort=False).head(1).set_index("outlet")
    first = first.assign(has_time=_has_time(first))
    table = totals.join(first[["article_id", "date", "date_basis", "has_time"]],
                        how="left").reset_index()
    table["lag_days"] = lags_behind_first(_published_only(table))
    table["rank"] = table["lag_days"].rank(method="dense")
    table = table.sort_values(["date", "outlet"], na_position="last").reset_index(drop=True)
    return table[FIRST_COLUMNS]


def statement_spread(clustered: pd.DataFrame, dates: pd.DataFrame,
                     min_outlets: int = 2) -> pd.DataFrame:
    """For each statement quoted by ``min_outlets`` or more outlets: when each outlet carried it.

    ``clustered``: speech quotations with ``cluster_id, article_id, text`` (see
    :func:`newsprism.quotes.clusters.cluster_quotes`). One row per statement x outlet (its
    earliest article carrying the statement): ``cluster_id, statement`` (the longest wording),
    ``wording`` (that article's own: a cluster may join a slogan to the speech holding it),
    ``outlet, article_id, date, date_basis, has_time, lag_days`` (behind the first carrier dated by
    publication), ``first_outlet`` (likewise), ``order`` (1 = first; ties share a rank, and so do carriers
    the dates' resolution cannot set after the first, see :func:`tied_with_first`; NaN when
    undated or dated only from a text, which may fall before or after publication).

    Carrying a statement later is not copying it: two outlets may quote the same press
    conference independently.

    >>> dates = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", None], utc=True),
    ...     "date_basis": ["published", "published", "undated"], "has_time": False})
    >>> clustered = pd.DataFrame({"cluster_id": [0, 0], "article_id": ["a", "b"],
    ...                           "text": ["We are friends", "We are friends."]})
    >>> statement_spread(clustered, dates)[["statement", "outlet", "first_outlet", "order"]
    ...                                   ].values.tolist()
    [['We are friends.', 'X', 'X', 1.0], ['We are friends.', 'Y', 'X', 2.0]]
    """
    rows = clustered[["cluster_id", "article_id", "text"]].merge(
        dates[["article_id", "outlet", "date", "date_basis"]].assign(has_time=_has_time(dates)),
        on="article_id", how="inner")
    counts = rows.groupby("cluster_id")["outlet"].nunique()
    rows = rows[rows["cluster_id"].isin(counts[counts >= min_outlets].index)]
    if rows.empty:
        return pd.DataFrame(columns=SPREAD_COLUMNS)
    longest = rows.assign(length=rows["text"].str.len()).sort_values(
        ["cluster_id", "length"], ascending=[True, False]).groupby("cluster_id")["text"].first()
    # An outlet's carrier is its first article by publication date, one dated from its text
    # only when none has a publication date (the rule of first_reports): a text mentioning
    # 2007 set an outlet's carrier before its articles published in 2025.
    carriers = (rows.assign(_text=rows["date_basis"] == "text")
                .sort_values(["cluster_id", "_text", "date", "article_id"], na_position="last")
                .groupby(["cluster_id", "outlet"], sort=False).head(1).drop(columns="_text"))
    carriers["statement"] = carriers["cluster_id"].map(longest)
    carriers["wording"] = carriers["text"]
    placed = _published_only(carriers)
    carriers["lag_days"] = pd.concat([lags_behind_first(part)
                                      for _, part in placed.groupby("cluster_id")])
    # Carriers the dates' resolution cannot set after the first share first place.
    tied = pd.concat([tied_with_first(part) for _, part in placed.groupby("cluster_id")])
    firsts = carriers[tied.reindex(carriers.index, fill_value=False)].groupby(
        "cluster_id")["outlet"].agg(lambda names: ", ".join(sorted(names)))
    carriers["first_outlet"] = carriers["cluster_id"].map(firsts)
    carriers["order"] = carriers.assign(lag=carriers["lag_days"].where(~tied, 0.0)).groupby(
        "cluster_id")["lag"].rank(method="dense")
    return carriers.sort_values(["cluster_id", "order", "outlet"], na_position="last")[
        SPREAD_COLUMNS].reset_index(drop=True)


def wording_travel(passages: pd.DataFrame, dates: pd.DataFrame,
                   articles: pd.DataFrame) -> pd.DataFrame:
    """Copied passages (:func:`newsprism.compare.similarity.find_copied_passages`) per article pair,
    ordered in time: who published the shared wording first and who followed.

    Columns: ``source_outlet, source_article, copy_outlet, copy_article, source_date,
    copy_date, lag_days, directed`` (False: same time within the dates' resolution, a date
    missing or taken from the text — then source/copy are just the pair in id order), ``basis`` (``published`` or
    ``text`` when a date is taken from a text), ``n_passages, n_words`` (shared words) and
    ``share_copied`` (share of the copying article's words that are shared, capped at 1).

    Shared wording may come from a common source (a wire story, a statement) rather than
    one outlet copying the other; ``directed`` only says which was dated first.

    >>> dates = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", None], utc=True),
    ...     "date_basis": ["published", "published", "undated"], "has_time": False})
    >>> passages = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "n_words": [12]})
    >>> arts = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"],
    ...                      "n_words": [100, 50, 10]})
    >>> wording_travel(passages, dates, arts)[["source_outlet", "copy_outlet", "lag_days",
    ...                                       "directed", "share_copied"]].values.tolist()
    [['X', 'Y', 1.0, True, 0.24]]
    """
    if passages is None or passages.empty:
        return pd.DataFrame(columns=PROPAGATION_COLUMNS)
    pairs = passages.groupby(["article_a", "article_b"], sort=True).agg(
        n_passages=("n_words", "size"), n_words=("n_words", "sum")).reset_index()
    info = dates.set_index("article_id")
    words = articles.set_index("article_id")["n_words"]
    rows = [_pair_row(rec, info, words) for rec in pairs.itertuples(index=False)]
    table = pd.DataFrame(rows, columns=PROPAGATION_COLUMNS)
    return table.sort_values(["directed", "lag_days", "source_article"],
                             ascending=[False, True, True]).reset_index(drop=True)


def _pair_row(rec, info: pd.DataFrame, words: pd.Series) -> dict:
    a, b = info.loc[rec.article_a], info.loc[rec.article_b]
    # A text-derived date may fall before or after publication: it cannot say who published
    # first.
    directed = bool(pd.notna(a["date"]) and pd.notna(b["date"])
                    and a["date_basis"] == b["date_basis"] == "published")
    if directed:
        gap = abs((b["date"] - a["date"]).total_seconds()) / 86400.0
        directed = gap >= float(_resolution(pd.Series([a["has_time"]]),
                                            pd.Series([b["has_time"]]))[0])
    if directed and b["date"] < a["date"]:
        (src_id, src), (cpy_id, cpy) = (rec.article_b, b), (rec.article_a, a)
    else:
        (src_id, src), (cpy_id, cpy) = (rec.article_a, a), (rec.article_b, b)
    lag = _lag_days(src, cpy)
    share = min(1.0, rec.n_words / max(int(words.get(cpy_id, 0) or 0), 1))
    return {"source_outlet": src["outlet"], "source_article": src_id, "copy_outlet": cpy["outlet"],
            "copy_article": cpy_id, "source_date": src["date"], "copy_date": cpy["date"],
            "lag_days": lag, "directed": directed,
            "basis": _basis(src["date_basis"], cpy["date_basis"]),
            "n_passages": int(rec.n_passages), "n_words": int(rec.n_words),
            "share_copied": share}


def _lag_days(src: pd.Series, cpy: pd.Series) -> float:
    """Days from ``src`` to ``cpy``: to the hour when both carry a clock time, else whole
    calendar days (a date-only value is a day, not its midnight: 50 read "57.5 days" between
    a date and a time).

    >>> d = lambda v, t: pd.Series({"date": pd.Timestamp(v, tz="UTC"), "has_time": t})
    >>> _lag_days(d("2016-01-03", False), d("2016-02-29T11:00", True))
    57.0
    """
    if pd.isna(src["date"]) or pd.isna(cpy["date"]):
        return np.nan
    if bool(src.get("has_time", False)) and bool(cpy.get("has_time", False)):
        return (cpy["date"] - src["date"]).total_seconds() / 86400.0
    return float((cpy["date"].normalize() - src["date"].normalize()).days)


def outlet_edges(travel: pd.DataFrame) -> pd.DataFrame:
    """Outlet-level edges for the graph: ``source_outlet, copy_outlet, directed, n_pairs,
    share_copied`` (mean over article pairs), ``lag_days`` (median).

    ``n_pairs`` counts article pairs sharing wording; no interval.

    >>> travel = pd.DataFrame({"source_outlet": ["X", "X"], "copy_outlet": ["Y", "Y"],
    ...     "copy_article": ["b", "c"], "directed": True, "share_copied": [0.2, 0.4],
    ...     "lag_days": [1.0, 3.0]})
    >>> outlet_edges(travel).round(3).values.tolist()
    [['X', 'Y', True, 2, 0.3, 2.0]]"""
    if travel.empty:
        return pd.DataFrame(columns=["source_outlet", "copy_outlet", "directed", "n_pairs",
                                     "share_copied", "lag_days"])
    return (travel.groupby(["source_outlet", "copy_outlet", "directed"], sort=True)
            .agg(n_pairs=("copy_article", "size"), share_copied=("share_copied", "mean"),
                 lag_days=("lag_days", "median")).reset_index())
