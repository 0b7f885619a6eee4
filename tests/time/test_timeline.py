"""Dates, periods and windows (newsprism.time.timeline)."""

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.time import timeline


def test_doctests():
    assert doctest.testmod(timeline).failed == 0


@pytest.mark.parametrize("value, expected, has_time", [
    ("2026-01-08", "2026-01-08 00:00:00+00:00", False),
    ("2026-01-08T09:30:00+09:00", "2026-01-08 00:30:00+00:00", True),
    ("2026-01-08 10:00:00", "2026-01-08 10:00:00+00:00", True),        # naive: read as UTC
    ("Thu, 08 Jan 2026 10:15:00 GMT", "2026-01-08 10:15:00+00:00", True),
    ("8 January 2026", "2026-01-08 00:00:00+00:00", False),
    ("", "NaT", False),
    ("not a date", "NaT", False),
    ("99999-99-99", "NaT", False),
])
def test_parse_published(value, expected, has_time):
    stamps, times = parse = timeline.parse_published(pd.Series([value]))
    assert str(stamps.iloc[0]) == expected, parse
    assert bool(times.iloc[0]) is has_time


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=5))
def test_parse_published_never_raises(values):
    stamps, times = timeline.parse_published(pd.Series(values, dtype=object))
    assert len(stamps) == len(values) == len(times)


def _articles(published, texts=None):
    n = len(published)
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "outlet": [f"O{i % 2}" for i in range(n)], "published": published,
                         "text": texts or [""] * n})


@pytest.mark.parametrize("quantity, text, expected", [
    ("2025-12-27", "", "2025-12-27"),
    ("--12-27", "at the start of 2026 and in 2025", "2025-12-27"),  # nearest the start of 2026
    ("--01-08", "in 2026", "2026-01-08"),
    ("--08-13", "no year at all", None),                            # yearless and no year named
    ("--02-30", "in 2026", None),                                   # no such day
])
def test_text_dates_from_claims(quantity, text, expected):
    articles = _articles([""], [text])
    claims = pd.DataFrame({"article_id": ["a0"], "kind": ["date"], "quantity": [quantity]})
    found = timeline.text_dates(claims, articles)
    got = f"{found['a0']:%Y-%m-%d}" if "a0" in found.index else None
    assert got == expected


def test_article_dates_prefers_publication_and_labels_text_dates():
    articles = _articles(["2026-01-03", ""], ["", "in 2026"])
    claims = pd.DataFrame({"article_id": ["a0", "a1", "a1"], "kind": ["date"] * 3,
                           "quantity": ["2025-01-01", "2026-01-01", "2026-01-05"]})
    dates = timeline.article_dates(articles, claims)
    assert dates["date_basis"].tolist() == ["published", "text"]
    assert [f"{d:%Y-%m-%d}" for d in dates["date"]] == ["2026-01-03", "2026-01-05"]
    none = timeline.article_dates(articles, claims, fallback="none")
    assert none["date_basis"].tolist() == ["published", "undated"]
    with pytest.raises(ValueError, match="fallback"):
        timeline.article_dates(articles, claims, fallback="guess")


@pytest.mark.parametrize("days, expected", [(0, "day"), (31, "day"), (32, "week"),
                                            (183, "week"), (184, "month"), (700, "month")])
def test_choose_period(days, expected):
    span = pd.Series(pd.to_datetime(["2026-01-01"], utc=True).append(
        pd.to_datetime(["2026-01-01"], utc=True) + pd.Timedelta(days=days)))
    assert timeline.choose_period(span) == expected


def test_choose_period_rejects_unknown():
    with pytest.raises(ValueError, match="period"):
        timeline.choose_period(pd.Series([], dtype="datetime64[ns, UTC]"), "fortnight")


def test_window_keeps_undated_and_is_inclusive():
    dates = timeline.article_dates(_articles(["2026-01-01", "2026-01-05", "2026-01-09", ""]),
                                   fallback="none")
    kept = timeline.window(dates, "2026-01-05", "2026-01-09")
    assert kept["article_id"].tolist() == ["a1", "a2", "a3"]
    with pytest.raises(ValueError, match="since"):
        timeline.window(dates, "soon")


def test_period_start_week_and_month():
    stamps = pd.Series(pd.to_datetime(["2026-01-07", "2026-01-31"], utc=True))
    assert timeline.period_start(stamps, "week").dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-05", "2026-01-26"]
    assert timeline.period_start(stamps, "month").dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-01", "2026-01-01"]


def test_period_is_chosen_from_publication_dates_not_old_dates_a_text_mentions():
    # Synthetic 300-article run: publication dates over 4.6 months (weeks), but one article
    # without a date mentioned 2012, so the notebook read the story by month over 14 years.
    dates = pd.DataFrame({"date": pd.to_datetime(["2012-09-11", "2025-09-01", "2026-01-19", None],
                                                 utc=True),
                          "date_basis": ["text", "published", "published", "undated"]})
    assert timeline.choose_period(timeline.span_dates(dates)) == "week"
    text_only = dates.assign(date_basis=["text", "text", "text", "undated"])
    assert timeline.choose_period(timeline.span_dates(text_only)) == "month"


@pytest.mark.parametrize("n_text, said", [
    (1, "1 by the latest date its text mentions"),
    # the bundled corpus read "2 by the latest date its text mentions"
    (2, "2 by the latest date each text mentions"),
])
def test_dating_note_agrees_in_number(n_text, said):
    dates = pd.DataFrame({"date_basis": ["published"] + ["text"] * n_text,
                          "has_time": [False] * (1 + n_text)})
    assert said in timeline.dating_note(dates)


def test_numeric_dates_are_read_in_one_order_for_the_whole_corpus():
    # A JSONL corpus with "01/03/2016" and "13/03/2016": the first was read as 3 January
    # (month first), the second as 13 March, and 50 read a peak in the week of 2015-12-28.
    values = pd.Series(["01/03/2016", "13/03/2016", "2016-03-02"])
    stamps, _ = timeline.parse_published(values)
    assert [f"{s:%Y-%m-%d}" for s in stamps] == ["2016-03-01", "2016-03-13", "2016-03-02"]
    assert timeline.numeric_order(values) == "day"
    us = pd.Series(["01/03/2016", "03/13/2016"])
    assert [f"{s:%Y-%m-%d}" for s in timeline.parse_published(us)[0]] == ["2016-01-03",
                                                                          "2016-03-13"]
    note = timeline.ambiguous_note(pd.Series(["01/03/2016", "2016-03-02"]))
    assert note.startswith("1 publication date is written with numbers only") and \
        "could be off by months" in note
    assert timeline.ambiguous_note(pd.Series(["2016-03-01", "12/12/2016"])) == ""


# 34 of the 164 PolNeAR train articles dated from their text mention a date after their
# publication (bench/text_dates.py): the label called every such date a lower bound.
@pytest.mark.parametrize("sentence, said", [
    (lambda: timeline.BASIS_LABEL["text"], "may fall before or after publication"),
    (lambda: timeline.dating_note(pd.DataFrame({"date_basis": ["text"], "has_time": [False]})),
     "21% mention a date after their publication and 9% one within a week of it"),
    (lambda: timeline.TEXT_DATE_ESTIMATE, "21% mention a date after"),
])
def test_a_text_date_is_called_an_estimate_with_its_measured_rates(sentence, said):
    text = sentence()
    assert said in text and "lower bound" not in text
