"""Dates and periods: when each article appeared, and how coverage is cut into periods.

The one place that turns an article's ``published`` value (manifest, Media Cloud's
``publish_date``, HTML metadata) into a timestamp. Every over-time measure
(:mod:`newsprism.time.over_time`, :mod:`newsprism.time.propagation`) starts from :func:`article_dates`.

Rules, stated in every caption that uses them:

- a value with a time zone is converted to UTC; a value without one is read as UTC;
- a date-only value (no clock time) has ``has_time = False``: two such articles on the same day
  have no known order;
- an article without a ``published`` value may be dated from its own text
  (``fallback="text"``): the latest full date among its date claims (:mod:`newsprism.compare.claims`).
  That is an estimate, never a publication time, and not a bound: a text mentions coming
  dates ("the March 15 primary") as well as past ones (:data:`TEXT_DATE_ESTIMATE` gives the
  measured rates); ``date_basis`` says so. A date without a year takes the year that puts it nearest the start
  of the latest year the article names ("Dec. 27" in an article about "the start of 2026" is
  27 December 2025); with no year named it is not used.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
...                          "published": ["2026-01-08T09:30:00+09:00", ""], "text": ["", ""]})
>>> article_dates(articles)[["article_id", "date_basis", "has_time"]].values.tolist()
[['a', 'published', True], ['b', 'undated', False]]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

DATE_COLUMNS = ["article_id", "outlet", "date", "date_basis", "has_time"]
FALLBACKS = ("text", "none")
PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}
# PolNeAR train with publication dates blanked (bench/text_dates.py): of 840 articles, 164
# are dated from their text; 34 of those dates fall after publication, 15 within a week of it.
TEXT_DATE_CHECK = {"dated": 164, "after": 34, "within_week": 15}
TEXT_DATE_ESTIMATE = (
    "an estimate that may fall before or after publication; of the PolNeAR train articles "
    f"dated this way, {TEXT_DATE_CHECK['after'] / TEXT_DATE_CHECK['dated']:.0%} mention a date "
    "after their publication and "
    f"{TEXT_DATE_CHECK['within_week'] / TEXT_DATE_CHECK['dated']:.0%} one within a week of it")
BASIS_LABEL = {
    "published": "publication date",
    "text": f"latest date its text mentions ({TEXT_DATE_ESTIMATE})",
    "undated": "no date",
}

_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEARLESS = re.compile(r"^--(\d{2})-(\d{2})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)")


def parse_published(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``(timestamps in UTC, has_time)`` for raw ``published`` values; NaT where unreadable.

    >>> ts, has_time = parse_published(pd.Series(["2026-01-08", "8 Jan 2026 10:15 +0100", "x"]))
    >>> [str(t) for t in ts], has_time.tolist()
    (['2026-01-08 00:00:00+00:00', '2026-01-08 09:15:00+00:00', 'NaT'], [False, True, False])
    """
    text = values.fillna("").astype(str).str.strip()
    day_first = numeric_order(text) == "day"
    stamps = pd.Series([_one_timestamp(v, day_first and bool(_NUMERIC_DATE.match(v)))
                        if v else pd.NaT for v in text],
                       index=values.index, dtype="datetime64[ns, UTC]")
    has_time = text.str.contains(_CLOCK) & stamps.notna()
    return stamps, has_time.astype(bool)


def numeric_order(values: pd.Series) -> str:
    """How the corpus writes all-numeric dates such as 01/03/2016: ``day`` (first) when some
    value's first number is over 12 and none's second is, ``month`` (first) the other way
    round, ``mixed`` when both occur, ``unknown`` when neither (then read month first, as
    pandas and US outlets do). One order for the whole column:
    read value by value, 01/03/2016 was 3 January next to 13/03/2016 read as 13 March.

    >>> numeric_order(pd.Series(["01/03/2016", "13/03/2016"])), numeric_order(pd.Series(["01/03/2016"]))
    ('day', 'unknown')
    """
    parts = values.fillna("").astype(str).str.strip().str.extract(_NUMERIC_DATE)
    first, second = (pd.to_numeric(parts[i], errors="coerce") for i in (0, 1))
    day, month = bool((first > 12).any()), bool((second > 12).any())
    return ("mixed" if day and month else "day" if day else "month" if month
            else "unknown")


def ambiguous_note(values: pd.Series) -> str:
    """A sentence on the all-numeric dates whose day and month could be swapped (both
    numbers 12 or less), and how they were read; "" when there is none.

    >>> print(ambiguous_note(pd.Series(["01/03/2016", "2016-03-01", "13/03/2016"])))
    1 publication date is written with numbers only that could be day or month first (such as 01/03/2016); read day first, as the corpus's other numeric dates are written.
    """
    text = values.fillna("").astype(str).str.strip()
    parts = text.str.extract(_NUMERIC_DATE)
    first, second = (pd.to_numeric(parts[i], errors="coerce") for i in (0, 1))
    ambiguous = text[(first <= 12) & (second <= 12) & (first != second)]
    if ambiguous.empty:
        return ""
    order = numeric_order(text)
    how = {"day": "read day first, as the corpus's other numeric dates are written",
           "month": "read month first, as the corpus's other numeric dates are written",
           "unknown": "read month first (no numeric date of the corpus shows which order it "
                    "uses), so each could be off by months",
           "mixed": "read month first, though the corpus writes numeric dates both ways, so "
                    "each could be off by months"}[order]
    many = len(ambiguous) != 1
    return (f"{len(ambiguous)} publication date{'s are' if many else ' is'} written with "
            f"numbers only that could be day or month first (such as {ambiguous.iloc[0]}); "
            f"{how}.")


def _one_timestamp(value: str, day_first: bool = False) -> pd.Timestamp:
    """One value as a UTC timestamp in the nanosecond range, NaT when it is not a date;
    ``day_first``: an all-numeric date is read day first (:func:`numeric_order`)."""
    if day_first:
        parsers = (lambda v: pd.to_datetime(v, utc=True, dayfirst=True),)
    else:
        parsers = (pd.Timestamp, lambda v: pd.to_datetime(v, utc=True, format="mixed"))
    for parse in parsers:
        try:
            stamp = parse(value)
            if stamp is pd.NaT or pd.isna(stamp):
                return pd.NaT
            stamp = stamp.tz_convert("UTC") if stamp.tzinfo else stamp.tz_localize("UTC")
            return stamp.as_unit("ns")
        except (ValueError, OverflowError, TypeError, AttributeError):
            continue
    return pd.NaT


def text_dates(claims: pd.DataFrame | None, articles: pd.DataFrame) -> pd.Series:
    """The latest full date each article's text mentions (UTC midnight), by ``article_id``.

    Uses the date claims of :mod:`newsprism.compare.claims` (``kind == "date"``, ``quantity`` as
    ``YYYY-MM-DD`` or ``--MM-DD``). Articles with no usable date are absent.

    Returns a Series of UTC timestamps indexed by ``article_id``. A yearless date takes the
    year the text mentions nearest to it. The latest date mentioned estimates the publication
    date; it may fall before or after it (:data:`TEXT_DATE_ESTIMATE`).

    >>> arts = pd.DataFrame({"article_id": ["b"], "text": ["On 2026-01-01, and 2025-12-30."]})
    >>> claims = pd.DataFrame({"article_id": ["b", "b"], "kind": "date",
    ...                        "quantity": ["2026-01-01", "2025-12-30"]})
    >>> text_dates(claims, arts).dt.strftime("%Y-%m-%d").to_dict()
    {'b': '2026-01-01'}
    """
    if claims is None or not len(claims) or "kind" not in claims.columns:
        return pd.Series(dtype="datetime64[ns, UTC]")
    dated = claims[claims["kind"] == "date"]
    texts = dict(zip(articles["article_id"], articles["text"].fillna(""), strict=True))
    latest: dict[str, pd.Timestamp] = {}
    for article_id, quantity in zip(dated["article_id"], dated["quantity"].astype(str),
                                    strict=True):
        stamp = _claim_date(quantity, texts.get(article_id, ""))
        if stamp is not None and (article_id not in latest or stamp > latest[article_id]):
            latest[article_id] = stamp
    return pd.Series(latest, dtype="datetime64[ns, UTC]")


def _claim_date(quantity: str, text: str) -> pd.Timestamp | None:
    full = _FULL_DATE.match(quantity)
    if full:
        return _safe_date(*(int(g) for g in full.groups()))
    yearless = _YEARLESS.match(quantity)
    years = [int(y) for y in _YEAR.findall(text)]
    if not yearless or not years:
        return None
    month, day = int(yearless.group(1)), int(yearless.group(2))
    anchor = pd.Timestamp(year=max(years), month=1, day=1, tz="UTC")
    candidates = [c for c in (_safe_date(y, month, day) for y in (max(years) - 1, max(years)))
                  if c is not None]
    return min(candidates, key=lambda c: abs(c - anchor)) if candidates else None


def _safe_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year=year, month=month, day=day, tz="UTC")
    except ValueError:
        return None


def article_dates(articles: pd.DataFrame, claims: pd.DataFrame | None = None,
                  fallback: str = "text") -> pd.DataFrame:
    """One row per article: ``article_id, outlet, date, date_basis, has_time``.

    ``date`` is a UTC timestamp (NaT when undated); ``date_basis`` is ``published``, ``text``
    (the latest date the article's text mentions: an estimate that may fall before or after
    publication) or ``undated``; ``has_time``
    says whether the value carried a clock time. ``fallback="none"`` uses publication dates
    only.

    Columns: ``article_id``, ``outlet``, ``date``, ``date_basis``, ``has_time``.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "published": ["2026-01-02T10:00", ""], "text": ["", ""]})
    >>> article_dates(arts)[["date_basis", "has_time"]].values.tolist()
    [['published', True], ['undated', False]]
    """
    if fallback not in FALLBACKS:
        raise ValueError(f"date fallback must be one of {', '.join(FALLBACKS)}, got {fallback!r}")
    published = articles["published"] if "published" in articles.columns else pd.Series(
        "", index=articles.index)
    stamps, has_time = parse_published(published.reset_index(drop=True))
    ids = articles["article_id"].reset_index(drop=True)
    basis = pd.Series(np.where(stamps.notna(), "published", "undated"), dtype=object)
    if fallback == "text":
        inferred = text_dates(claims, articles)
        missing = stamps.isna() & ids.isin(inferred.index)
        if missing.any():
            stamps = stamps.where(~missing, pd.to_datetime(ids.map(inferred), utc=True))
            basis = basis.where(~missing, "text")
    return pd.DataFrame({"article_id": ids, "outlet": articles["outlet"].reset_index(drop=True),
                         "date": pd.to_datetime(stamps, utc=True), "date_basis": basis,
                         "has_time": has_time})[DATE_COLUMNS]


def choose_period(dates: pd.Series, period: str = "auto") -> str:
    """``day``, ``week`` or ``month``: the user's choice, or one that fits the span of ``dates``.

    A story of up to a month is read by day, up to half a year by week, longer by month.

    >>> span = pd.Series(pd.to_datetime(["2026-01-01", "2026-03-01"], utc=True))
    >>> choose_period(span), choose_period(span, "day")
    ('week', 'day')
    """
    if period != "auto":
        if period not in PERIODS:
            raise ValueError(f"period must be auto, {', '.join(PERIODS)}; got {period!r}")
        return period
    known = dates.dropna()
    if known.empty:
        return "day"
    days = (known.max() - known.min()).days
    return "day" if days <= 31 else "week" if days <= 183 else "month"


def span_dates(dates: pd.DataFrame) -> pd.Series:
    """The dates that set the story's span (:func:`choose_period`): publication dates when any
    article has one, else every date. A date taken from a text is an estimate, and one old
    date a text mentions ("the 2012 election") would stretch a four-month story to years.

    >>> d = pd.DataFrame({"date": pd.to_datetime(["2012-09-11", "2025-09-01", "2025-12-01"],
    ...                   utc=True), "date_basis": ["text", "published", "published"]})
    >>> choose_period(span_dates(d)), choose_period(d["date"])
    ('week', 'month')
    """
    published = dates["date_basis"] == "published"
    return dates.loc[published, "date"] if published.any() else dates["date"]


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day (UTC midnight, naive) of the period holding each date; NaT stays NaT.

    Returns a Series aligned with ``dates``. Weeks start on Monday.

    >>> period_start(pd.Series(pd.to_datetime(["2026-01-07"], utc=True)), "week").astype(str).tolist()
    ['2026-01-05']"""
    naive = pd.to_datetime(dates, utc=True).dt.tz_localize(None)
    return naive.dt.to_period(PERIODS[period]).dt.start_time


def window(dates: pd.DataFrame, since: str = "", until: str = "") -> pd.DataFrame:
    """Rows of :func:`article_dates` inside ``[since, until]`` (inclusive days; empty: open).

    Undated articles are kept (they are counted and listed, never dropped silently).

    Returns the same columns as :func:`article_dates` (``article_id``, ``outlet``, ``date``,
    ``date_basis``, ``has_time``).

    >>> dates = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"],
    ...     "date": pd.to_datetime(["2026-01-01", "2026-01-02", None], utc=True),
    ...     "date_basis": ["published", "published", "undated"], "has_time": False})
    >>> window(dates, since="2026-01-02")["article_id"].tolist()
    ['b', 'c']"""
    keep = pd.Series(True, index=dates.index)
    if since:
        keep &= dates["date"].isna() | (dates["date"] >= parse_day(since, "since"))
    if until:
        keep &= dates["date"].isna() | (dates["date"] < parse_day(until, "until")
                                        + pd.Timedelta(days=1))
    return dates[keep]


def parse_day(value: str, name: str) -> pd.Timestamp:
    """The UTC midnight of a user-given day (``since``, ``until``, ``split_date``); a clear
    ValueError naming the parameter otherwise."""
    stamp = _one_timestamp(str(value))
    if stamp is pd.NaT or pd.isna(stamp):
        raise ValueError(f"{name} must be a date such as 2026-01-08, got {value!r}")
    return stamp.normalize()


def dating_note(dates: pd.DataFrame) -> str:
    """One sentence on how the articles were dated, for captions.

    >>> d = pd.DataFrame({"date_basis": ["published", "text", "undated"],
    ...                   "has_time": [False, False, False]})
    >>> dating_note(d)
    '1 of 3 articles dated by publication date (date only, no clock time), 1 by the latest date its text mentions (an estimate that may fall before or after publication; of the PolNeAR train articles dated this way, 21% mention a date after their publication and 9% one within a week of it), 1 undated. Times in UTC.'
    """
    counts = dates["date_basis"].value_counts()
    n = len(dates)
    published = int(counts.get("published", 0))
    timed = int(dates.loc[dates["date_basis"] == "published", "has_time"].sum())
    clock = ("with clock time" if timed == published else
             "date only, no clock time" if timed == 0 else f"{timed} with clock time")
    parts = [f"{published} of {n} article{'s' if n != 1 else ''} dated by publication date"
             + (f" ({clock})" if published else "")]
    if counts.get("text", 0):
        label = BASIS_LABEL["text"] if counts["text"] == 1 else BASIS_LABEL["text"].replace(
            "date its text mentions", "date each text mentions")
        parts.append(f"{int(counts['text'])} by the {label}")
    parts.append(f"{int(counts.get('undated', 0))} undated")
    return ", ".join(parts) + ". Times in UTC."
