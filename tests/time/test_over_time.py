"""Attention, tone and frames per outlet per period (newsprism.time.over_time)."""

import doctest

import numpy as np
import pandas as pd
import pytest
from newsprism.time import over_time, timeline


def test_doctests():
    assert doctest.testmod(over_time).failed == 0


@pytest.fixture
def corpus():
    rng = np.random.default_rng(0)
    n = 60
    published = [f"2026-01-{1 + i % 20:02d}" if i % 7 else "" for i in range(n)]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                             "outlet": [f"Outlet {i % 3}" for i in range(n)],
                             "published": published, "text": [""] * n,
                             "n_words": rng.integers(100, 900, n)})
    return articles, timeline.article_dates(articles, fallback="none")


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_attention_sums_to_articles_per_outlet_exactly(corpus, period):
    articles, dates = corpus
    table = over_time.attention(articles, dates, period)
    assert table.groupby("outlet")["articles"].sum().to_dict() == \
        articles.groupby("outlet").size().to_dict()
    assert table.groupby("outlet")["words"].sum().to_dict() == \
        articles.groupby("outlet")["n_words"].sum().to_dict()
    dated = table[table["period"].notna()]
    shares = dated.groupby("period_label")["share_of_period"].sum()
    assert np.allclose(shares[dated.groupby("period_label")["articles"].sum() > 0], 1.0)
    assert (table["period_label"] == "undated").sum() == table.loc[
        table["period"].isna(), "outlet"].nunique()


def test_attention_fills_empty_periods_with_zero(corpus):
    articles, dates = corpus
    table = over_time.attention(articles, dates, "day")
    dated = table[table["period"].notna()]
    assert len(dated) == dated["period_label"].nunique() * articles["outlet"].nunique()
    assert (dated["articles"] == 0).any()


def _sentences(articles, seed=0):
    rng = np.random.default_rng(seed)
    rows = [(a, v, float(rng.normal(0.1 if o.endswith("0") else -0.1, 0.3)))
            for a, o in zip(articles["article_id"], articles["outlet"], strict=True)
            for v in ("all", "author") for _ in range(6)]
    return pd.DataFrame(rows, columns=["article_id", "voice", "score"])


def test_tone_over_time_every_interval_has_its_n(corpus):
    articles, dates = corpus
    table = over_time.tone_over_time(_sentences(articles), dates, "week", min_sentences=10,
                                     n_boot=200)
    assert set(table["voice"]) == {"all", "author"}
    assert (table["n"] > 0).all()
    with_ci = table[table["ci_low"].notna()]
    assert (with_ci["n"] >= 10).all() and (with_ci["n_articles"] >= 5).all()
    # a cell of enough sentences from fewer than 5 articles: a point, no interval
    few = table[table["sufficient"] & (table["n_articles"] < 5)]
    assert len(few) and few["ci_low"].isna().all()
    assert (with_ci["ci_low"] <= with_ci["estimate"]).all()
    assert (with_ci["estimate"] <= with_ci["ci_high"]).all()
    thin = table[~table["sufficient"]]
    assert thin["ci_low"].isna().all()
    # undated articles are not placed in any period
    undated = set(dates.loc[dates["date"].isna(), "article_id"])
    assert undated and table["n"].sum() == 12 * (len(articles) - len(undated))


def test_tone_estimate_is_mean_of_the_cell():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"],
                             "published": ["2026-01-01", "2026-01-01"], "text": ["", ""]})
    dates = timeline.article_dates(articles)
    sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "voice": ["all"] * 3,
                              "score": [0.5, 0.1, -0.3]})
    row = over_time.tone_over_time(sentences, dates, "day", min_sentences=1, n_boot=100).iloc[0]
    assert row["estimate"] == pytest.approx(0.1) and row["n"] == 3 and row["n_articles"] == 2


def test_article_frames_counts_absences_and_skips_negated():
    frames = pd.DataFrame({"article_id": ["a", "a", "b"], "frame": ["war", "trade", "war"],
                           "negated": [False, True, False]})
    articles = pd.DataFrame({"article_id": ["a", "b", "c"]})
    grid = over_time.article_frames(frames, articles, ["war", "trade"])
    assert len(grid) == 6
    assert set(grid.loc[grid["present"], "article_id"] + ":" + grid.loc[grid["present"],
                                                                        "frame"]) == {"a:war",
                                                                                      "b:war"}


def test_frames_over_time_shares_and_wilson_intervals():
    articles = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X"] * 4,
                             "published": ["2026-01-01"] * 3 + [""], "text": [""] * 4})
    dates = timeline.article_dates(articles)
    presence = pd.DataFrame({"article_id": list("abcd"), "frame": ["war"] * 4,
                             "present": [True, False, True, True]})
    row = over_time.frames_over_time(presence, dates, "day").iloc[0]
    assert (row["n"], row["n_present"]) == (3, 2)
    assert row["estimate"] == pytest.approx(2 / 3)
    assert row["ci_low"] < row["estimate"] < row["ci_high"]


def test_attention_keeps_the_empty_periods_between_two_dates_a_year_apart():
    # Two months a year apart (2015-03, 2016-03) made a two-row table and two neighbouring
    # bars: "2 months shown", the eleven empty months between them left out.
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
                             "published": ["2015-03-01", "2015-03-01", "2016-03-01"],
                             "text": [""] * 3, "n_words": [1, 2, 3]})
    table = over_time.attention(articles, timeline.article_dates(articles), "month")
    assert table["period_label"].nunique() == 13
    assert table.loc[table["period_label"] == "2015-09", "articles"].tolist() == [0, 0]
    assert table["period"].is_monotonic_increasing
    assert table["articles"].sum() == 3
