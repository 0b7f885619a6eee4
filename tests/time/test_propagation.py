"""First reports, statement spread and wording travel (newsprism.time.propagation)."""

import doctest

import numpy as np
import pandas as pd
import pytest
from newsprism.time import propagation


def test_doctests():
    assert doctest.testmod(propagation).failed == 0


def _dates(rows):
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "date_basis", "has_time"])
    frame["date"] = pd.to_datetime(frame["date"], utc=True, format="mixed")
    return frame


DATES = _dates([
    ("a1", "Wire", "2026-01-01T08:00", "published", True),
    ("a2", "Wire", "2026-01-03 08:00", "published", True),
    ("b1", "Paper", "2026-01-01 20:00", "published", True),
    ("c1", "Blog", "2026-01-02", "published", False),
    ("d1", "Undated", None, "undated", False),
])


def test_first_reports_lists_every_outlet_with_lags():
    table = propagation.first_reports(DATES)
    assert table["outlet"].tolist() == ["Wire", "Paper", "Blog", "Undated"]
    # Blog's date has no clock time: a calendar day after Wire's, not 16 hours
    assert table["lag_days"].tolist()[:3] == pytest.approx([0.0, 0.5, 1.0])
    assert table.loc[table["outlet"] == "Wire", "n_articles"].item() == 2
    assert np.isnan(table["lag_days"].iloc[3]) and table["n_dated"].iloc[3] == 0


def test_statement_spread_orders_carriers_and_needs_two_outlets():
    clustered = pd.DataFrame({"cluster_id": [0, 0, 0, 1],
                              "article_id": ["b1", "a1", "a2", "c1"],
                              "text": ["short", "the longest wording", "x", "alone"]})
    spread = propagation.statement_spread(clustered, DATES)
    assert spread["cluster_id"].unique().tolist() == [0]       # cluster 1: one outlet only
    assert spread["outlet"].tolist() == ["Wire", "Paper"]      # Wire's earliest article only
    assert spread["first_outlet"].unique().tolist() == ["Wire"]
    assert spread["statement"].unique().tolist() == ["the longest wording"]
    assert spread["lag_days"].tolist() == pytest.approx([0, 0.5])


def _passage(a, b, words):
    return {"article_a": a, "article_b": b, "n_words": words}


@pytest.mark.parametrize("a, b, directed, source", [
    ("b1", "a2", True, "b1"),      # Paper 1 Jan 20:00, Wire 3 Jan: Paper first
    ("a1", "b1", True, "a1"),      # both timed, 12 hours apart: ordered
    ("b1", "c1", False, "b1"),     # date-only on one side, same-day resolution: < 1 day apart
    ("a1", "d1", False, "a1"),     # undated: never ordered
])
def test_wording_travel_orders_only_what_the_dates_carry(a, b, directed, source):
    articles = pd.DataFrame({"article_id": ["a1", "a2", "b1", "c1", "d1"],
                             "n_words": [100, 100, 200, 50, 80]})
    travel = propagation.wording_travel(pd.DataFrame([_passage(a, b, 20)]), DATES, articles)
    row = travel.iloc[0]
    assert bool(row["directed"]) is directed and row["source_article"] == source
    copy_words = articles.set_index("article_id").loc[row["copy_article"], "n_words"]
    assert row["share_copied"] == pytest.approx(20 / copy_words)


def test_text_dates_never_direct_a_pair():
    dates = DATES.copy()
    dates.loc[dates["article_id"] == "a2", "date_basis"] = "text"
    articles = pd.DataFrame({"article_id": ["b1", "a2"], "n_words": [100, 100]})
    travel = propagation.wording_travel(pd.DataFrame([_passage("b1", "a2", 10)]), dates, articles)
    assert not travel["directed"].iloc[0] and travel["basis"].iloc[0] == "text"


def test_outlet_edges_aggregate_pairs():
    travel = pd.DataFrame({"source_outlet": ["A", "A"], "copy_outlet": ["B", "B"],
                           "directed": [True, True], "copy_article": ["x", "y"],
                           "share_copied": [0.2, 0.4], "lag_days": [1.0, 3.0]})
    edge = propagation.outlet_edges(travel).iloc[0]
    assert (edge["n_pairs"], edge["share_copied"], edge["lag_days"]) == (2, pytest.approx(0.3), 2.0)


def test_statement_spread_puts_carriers_the_dates_cannot_order_first_together():
    # A date-only article of 1 Jan and a timed one of 1 Jan 08:00: neither is known first.
    dates = pd.DataFrame({"article_id": ["x", "y", "z"], "outlet": ["X", "Y", "Z"],
                          "date": pd.to_datetime(["2026-01-01T00:00", "2026-01-01T08:00",
                                                  "2026-01-05T00:00"], utc=True),
                          "date_basis": ["published"] * 3, "has_time": [False, True, False]})
    clustered = pd.DataFrame({"cluster_id": [0, 0, 0], "article_id": ["x", "y", "z"],
                              "text": ["We stand together."] * 3})
    spread = propagation.statement_spread(clustered, dates)
    assert spread["first_outlet"].unique().tolist() == ["X, Y"]
    assert spread["order"].tolist() == [1.0, 1.0, 2.0]
    assert spread["has_time"].tolist() == [False, True, False]
    first = propagation.first_reports(dates)
    assert propagation.tied_with_first(first).tolist() == [True, True, False]


def test_first_report_prefers_a_publication_date_to_an_old_date_its_text_mentions():
    # Synthetic 300-article run: Wire Service's "first report" was 2012-09-11, a date one of
    # its undated articles mentioned, although 52 of its articles carry publication dates.
    dates = pd.DataFrame({"article_id": ["w1", "w2", "p1", "t1"],
                          "outlet": ["Wire", "Wire", "Paper", "TextOnly"],
                          "date": pd.to_datetime(["2012-09-11", "2025-09-03", "2025-09-01",
                                                  "2025-08-30"], utc=True),
                          "date_basis": ["text", "published", "published", "text"],
                          "has_time": [False] * 4})
    table = propagation.first_reports(dates).set_index("outlet")
    assert table.loc["Wire", "article_id"] == "w2"
    assert table.loc["TextOnly", "date_basis"] == "text"      # no publication date: the estimate
    assert table.loc["Paper", "date_basis"] == "published"


def test_lag_between_a_date_and_a_time_is_in_whole_days():
    # 50 read "Alpha re-used wording from its own article of 57.5 days earlier": a date-only
    # 2016-01-03 against 2016-02-29 11:00.
    src = pd.Series({"date": pd.Timestamp("2016-01-03", tz="UTC"), "has_time": False})
    cpy = pd.Series({"date": pd.Timestamp("2016-02-29T11:00", tz="UTC"), "has_time": True})
    assert propagation._lag_days(src, cpy) == 57.0
    timed = src.copy()
    timed["has_time"] = True
    assert propagation._lag_days(timed, cpy) == pytest.approx(57 + 11 / 24)


# A corpus of 180 articles over 20 days, some with a clock time: 50 read "Washington Post 1 day
# later; New York Times 1.6 days later" (rank 3) for two outlets first dated on the same day,
# Washington Post's date without a clock time, so the dates do not put one after the other.
@pytest.mark.parametrize("first, later, lags, ranks", [
    (("2026-01-01", False), [("2026-01-02", False), ("2026-01-02T13:30", True)],
     [0.0, 1.0, 1.0], [1.0, 2.0, 2.0]),
    (("2026-01-01T13:30", True), [("2026-01-05", False), ("2026-01-02T01:30", True)],
     [0.0, 0.5, 4.0], [1.0, 2.0, 3.0]),
    (("2026-01-01", False), [("2026-01-01T23:00", True), ("2026-01-03T01:00", True)],
     [0.0, 0.0, 2.0], [1.0, 1.0, 2.0]),
])
def test_lags_behind_the_first_report_are_calendar_days_unless_both_are_timed(
        first, later, lags, ranks):
    rows = [("f", "First", first[0], "published", first[1])] + [
        (f"o{i}", f"Outlet{i}", day, "published", timed) for i, (day, timed) in enumerate(later)]
    table = propagation.first_reports(_dates(rows))
    assert table["lag_days"].tolist() == pytest.approx(lags)
    assert table["rank"].tolist() == ranks


def test_statement_carriers_lag_in_calendar_days_when_a_date_has_no_clock_time():
    dates = _dates([("a", "Wire", "2026-01-15T13:30", "published", True),
                    ("b", "Paper", "2026-01-20", "published", False),
                    ("c", "Blog", "2026-01-15T20:30", "published", True)])
    clustered = pd.DataFrame({"cluster_id": [0, 0, 0], "article_id": ["a", "b", "c"],
                              "text": ["We will win."] * 3})
    spread = propagation.statement_spread(clustered, dates).set_index("outlet")
    assert spread.loc["Paper", "lag_days"] == 5.0            # was 4.4375
    assert spread.loc["Blog", "lag_days"] == pytest.approx(7 / 24)
    assert spread["order"].to_dict() == {"Wire": 1.0, "Blog": 2.0, "Paper": 3.0}


@pytest.mark.parametrize("bases, carrier", [
    # synthetic 300 articles: Outlet J's carrier was its article whose text mentions 2007,
    # although it carried the statement in an article published in 2025
    (["text", "published"], "j_new"),
    (["published", "published"], "j_old"),
    (["text", "text"], "j_old"),          # no publication date: the earliest text date
])
def test_statement_carrier_prefers_a_publication_date_to_a_date_its_text_mentions(bases, carrier):
    dates = _dates([("j_old", "J", "2007-08-13", bases[0], False),
                    ("j_new", "J", "2025-01-05", bases[1], False),
                    ("f", "F", "2025-01-02", "published", False)])
    clustered = pd.DataFrame({"cluster_id": 0, "article_id": ["j_old", "j_new", "f"],
                              "text": "We will win."})
    spread = propagation.statement_spread(clustered, dates).set_index("outlet")
    assert spread.loc["J", "article_id"] == carrier


# 34 of the 164 PolNeAR train articles dated from their text mention a date after their
# publication: first_reports ranked an outlet dated only from a text first, and
# statement_spread gave such a carrier order 1, as if the date were a publication date.
@pytest.mark.parametrize("bases, lags, ranks", [
    (["published", "text", "text"], [0.0, None, None], [1.0, None, None]),
    (["published", "published", "text"], [2.0, 0.0, None], [2.0, 1.0, None]),
    (["text", "text", "text"], [None, None, None], [None, None, None]),
])
def test_a_date_taken_from_a_text_ranks_no_outlet(bases, lags, ranks):
    dates = _dates([("a", "X", "2026-01-03", bases[0], False),
                    ("b", "Y", "2026-01-01", bases[1], False),
                    ("c", "Z", "2026-01-05", bases[2], False)])
    firsts = propagation.first_reports(dates).set_index("outlet").loc[["X", "Y", "Z"]]
    clustered = pd.DataFrame({"cluster_id": 0, "article_id": ["a", "b", "c"],
                              "text": "We will win."})
    spread = propagation.statement_spread(clustered, dates).set_index("outlet").loc[
        ["X", "Y", "Z"]]
    expected_lags = pd.Series(lags, dtype=float, index=["X", "Y", "Z"])
    expected_ranks = pd.Series(ranks, dtype=float, index=["X", "Y", "Z"])
    for table, rank in ((firsts, "rank"), (spread, "order")):
        pd.testing.assert_series_equal(table["lag_days"], expected_lags, check_names=False)
        pd.testing.assert_series_equal(table[rank], expected_ranks, check_names=False)
