"""Intervals of pooled rates per 1,000 words that resample articles."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare import outlets, summary
from newsprism.compare.hedging import hedging_rates
from newsprism.compare.rate_intervals import article_rate_ci, article_rate_p, outlet_rate_cis
from newsprism.core.stats import poisson_rate_ci


def _events(per_article: list[int]) -> tuple[pd.DataFrame, pd.Series]:
    ids = [f"a{i}" for i in range(len(per_article))]
    events = pd.DataFrame({"article_id": [a for a, n in zip(ids, per_article, strict=True)
                                          for _ in range(n)]})
    return events, pd.Series(1000, index=ids)


# PolNeAR train: 40 called Western Journalism's quotation rate (16.6 per 1,000 words, Poisson
# 95% CI 15.4 to 17.9) clearly above Politico's (14.8); 30's interval over articles held both.
@pytest.mark.parametrize("per_article, wider_than_poisson", [
    ([60] + [0] * 19, True),              # every event in one of 20 articles
    ([6, 0, 0, 12, 0, 30, 0, 12] * 3, True),
    ([3] * 20, False),                    # evenly spread: no wider than Poisson
    ([1] + [0] * 119, False),             # one event: never narrower than Poisson either
])
def test_clustered_events_widen_the_interval(per_article, wider_than_poisson):
    events, words = _events(per_article)
    low, high = article_rate_ci(events, words)
    p_low, p_high = poisson_rate_ci(len(events), float(words.sum()))
    assert low <= 1000 * len(events) / words.sum() <= high
    assert (high - low > 1.5 * (p_high - p_low)) == wider_than_poisson
    assert low <= p_low and high >= p_high


def test_a_single_article_keeps_the_exact_poisson_interval():
    events, words = _events([7])
    assert article_rate_ci(events, words) == poisson_rate_ci(7, 1000)


def test_outlet_rate_cis_count_articles_without_events():
    events, words = _events([10, 0, 0, 0, 0] + [0] * 5)
    outlet_of = pd.Series(["A"] * 5 + ["B"] * 5, index=words.index)
    table = outlet_rate_cis(events, words, outlet_of).set_index("outlet")
    assert table.loc["B", "ci_low"] == 0.0 and table.loc["B", "ci_high"] < 1.0
    # 10 events in 5,000 words, all in one article: 2.0 pooled, up to 6.0 resampling articles
    assert table.loc["A", "ci_low"] == 0.0 and table.loc["A", "ci_high"] == 6.0


# Five outlets of 2 articles each: 40 stated "tone more positive ... q = 0.016" and a
# conflict frame "95% CI 26.5 to 29.2" from intervals over 2 articles (3 distinct resamples).
@pytest.mark.parametrize("per_outlet, tested", [(2, False), (4, False), (5, True), (8, True)])
def test_no_p_over_articles_below_the_minimum_articles(per_outlet, tested):
    from newsprism.core.stats import MIN_ARTICLES

    assert MIN_ARTICLES == 5
    events, words = _events([6, 0, 0, 1, 0, 0, 2, 0][:per_outlet] + ([0, 1, 0] * 3)[:per_outlet])
    outlet_of = pd.Series(["A"] * per_outlet + ["B"] * per_outlet, index=words.index)
    assert pd.notna(article_rate_p(events, words, outlet_of, "A")) == tested
    mine = events[events["article_id"].isin(words.index[:per_outlet])]
    poisson = poisson_rate_ci(len(mine), 1000.0 * per_outlet)
    assert (article_rate_ci(mine, words.iloc[:per_outlet]) == poisson) == (not tested)


def _corpus(quotes_per_article: dict[str, list[int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, quotes = [], []
    for outlet, counts in quotes_per_article.items():
        for i, n in enumerate(counts):
            article_id = f"{outlet}{i}"
            rows.append({"article_id": article_id, "outlet": outlet,
                         "text": " ".join(["word"] * 1000)})
            quotes += [{"article_id": article_id, "kind": "speech"}] * n
    return pd.DataFrame(rows), pd.DataFrame(quotes)


def test_the_quotation_rate_reading_uses_the_interval_over_articles():
    # A: 40 quotations all in one of 10 articles (rate 4.0); B and C: 2 per article (2.0).
    articles, quotes = _corpus({"A": [40] + [0] * 9, "B": [2] * 10, "C": [2] * 10})
    profiles = pd.DataFrame({"outlet": ["A", "B", "C"], "n_words": [10000] * 3,
                             "quotes_per_1k": [4.0, 2.0, 2.0]})
    empty_hedges = pd.DataFrame(columns=["outlet", "kind", "count", "n", "estimate"])
    empty_sources = pd.DataFrame(columns=["outlet", "category", "count", "n", "estimate"])
    poisson_only = outlets.statement_rates(profiles, empty_hedges, empty_sources)
    clustered = outlets.statement_rates(profiles, empty_hedges, empty_sources,
                                        outlets.quote_rate_cis(articles, quotes))
    assert "no clear difference" not in summary.top_rate_reading(poisson_only, "quotation rate")
    assert "no clear difference" in summary.top_rate_reading(clustered, "quotation rate")
    row = clustered[clustered["outlet"] == "A"].iloc[0].to_dict()
    assert summary.rate_statement(row, clustered, "quotations", "profiles", "e") is None


def test_hedging_rates_intervals_resample_articles():
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(10)], "outlet": "A",
                             "text": ["It may rain, perhaps. " * 10] + ["Rain fell. " * 20] * 9})
    rates = hedging_rates(articles).set_index("kind")
    hedge = rates.loc["hedge"]
    p_low, p_high = poisson_rate_ci(int(hedge["count"]), float(hedge["n"]))
    assert hedge["ci_high"] - hedge["ci_low"] > p_high - p_low


def _quote_rates(quotes_per_article: dict[str, list[int]]) -> pd.DataFrame:
    articles, quotes = _corpus(quotes_per_article)
    rates = {o: 1000 * sum(c) / (1000 * len(c)) for o, c in quotes_per_article.items()}
    profiles = pd.DataFrame({"outlet": list(rates), "n_words": [
        1000 * len(c) for c in quotes_per_article.values()], "quotes_per_1k": list(rates.values())})
    empty_hedges = pd.DataFrame(columns=["outlet", "kind", "count", "n", "estimate"])
    empty_sources = pd.DataFrame(columns=["outlet", "category", "count", "n", "estimate"])
    return outlets.statement_rates(profiles, empty_hedges, empty_sources,
                                   outlets.quote_rate_cis(articles, quotes))


@pytest.mark.parametrize("a_counts, clear", [
    # 40 quotations in one of 10 articles: the exact Poisson p (events independent) was
    # 1e-5 and the family q passed; articles resampled, it is not clear
    ([40] + [0] * 9, False),
    ([4] * 10, True),                     # the same rate spread over every article
])
def test_the_family_q_of_a_rate_resamples_articles(a_counts, clear):
    rates = _quote_rates({"A": a_counts, "B": [2] * 10, "C": [2] * 10})
    q = summary.family_q(rates, None, None)[("rate", "A", "quotes_per_1k")]
    assert (q < summary.ALPHA) == clear
    poisson_p = summary.rate_p(rates.drop(columns="p_value").iloc[0].to_dict(),
                               rates.drop(columns="p_value"))
    assert poisson_p < 1e-4                      # what the old q read in both cases


def test_article_rate_p_is_two_sided_with_a_floor_and_shares_the_interval_draws():
    events, words = _events([4] * 10 + [2] * 10)
    outlet_of = pd.Series(["A"] * 10 + ["B"] * 10, index=words.index)
    p_high = article_rate_p(events, words, outlet_of, "A", n_boot=500)
    p_low = article_rate_p(events, words, outlet_of, "B", n_boot=500)
    assert p_high == p_low == 1 / 500          # no draw on the other side of 0: the floor
    events, words = _events([2] * 20)
    assert article_rate_p(events, words, outlet_of, "A") == 1.0


def test_no_bootstrap_p_against_a_single_other_article():
    # A toy corpus (A: 1 article with a hedge; B: 2 without) gave B p = 0.0005, q = 0.0025:
    # with one article on the other side every draw there is the same, so p hit its floor.
    events, words = _events([3, 0, 0])
    outlet_of = pd.Series(["A", "B", "B"], index=words.index)
    assert pd.isna(article_rate_p(events, words, outlet_of, "B"))
    assert pd.isna(article_rate_p(events, words, outlet_of, "A"))
    events, words = _events([3, 1, 2, 1, 1, 0, 1, 0, 0, 1])
    outlet_of = pd.Series(["A"] * 5 + ["B"] * 5, index=words.index)
    assert not pd.isna(article_rate_p(events, words, outlet_of, "B"))


def test_a_one_article_outlet_keeps_the_exact_poisson_p():
    rates = _quote_rates({"A": [40], "B": [2] * 10, "C": [2] * 10})
    row = rates[rates["outlet"] == "A"].iloc[0]
    assert pd.isna(row["p_value"])
    assert summary.rate_p(row.to_dict(), rates) == summary.rate_p(
        row.drop("p_value").to_dict(), rates.drop(columns="p_value"))


@pytest.mark.parametrize("a_hits, clear", [
    ([40] + [0] * 9, False),              # every frame hit of A in one article
    ([4] * 10, True),
])
def test_the_family_q_of_a_frame_rate_resamples_articles(a_hits, clear):
    from newsprism.compare.profiles import frame_rates

    articles, sentences, frames = [], [], []
    for outlet, hits in {"A": a_hits, "B": [2] * 10, "C": [2] * 10}.items():
        for i, k in enumerate(hits):
            article_id = f"{outlet}{i}"
            articles.append({"article_id": article_id, "outlet": outlet})
            sentences += [{"article_id": article_id, "sentence_id": s,
                           "text": " ".join(["word"] * 100)} for s in range(10)]
            frames += [{"article_id": article_id, "sentence_id": j % 10, "frame": "conflict",
                        "cue": "war", "negated": False} for j in range(k)]
    table = frame_rates({"articles": pd.DataFrame(articles), "sentences": pd.DataFrame(sentences),
                         "frames": pd.DataFrame(frames)})
    empty = pd.DataFrame(columns=["outlet", "measure", "count", "n", "estimate"])
    q = summary.family_q(empty, table, None)[("frame", "A", "conflict")]
    assert (q < summary.ALPHA) == clear


@pytest.mark.parametrize(("per_article", "outlet_names", "outlet", "bootstrapped"), [
    # Two outlets, Alpha: 14 vague attributions in 15 articles, Beta: none in 3; the bootstrap
    # p of either fell to its floor (q 0.003), as the others' draws were all 0.
    ([1] * 14 + [0] + [0] * 3, ["Alpha"] * 15 + ["Beta"] * 3, "Alpha", False),
    ([1] * 14 + [0] + [0] * 3, ["Alpha"] * 15 + ["Beta"] * 3, "Beta", False),
    ([0, 0, 0, 0], ["A", "A", "B", "B"], "A", False),
    ([3, 1, 2, 1, 1, 0, 1, 0, 0, 1], ["A"] * 5 + ["B"] * 5, "A", True),
    ([3, 1, 2, 1, 1, 0, 1, 0, 0, 1], ["A"] * 5 + ["B"] * 5, "B", True),
])
def test_no_bootstrap_p_when_a_side_has_no_event(per_article, outlet_names, outlet, bootstrapped):
    events, words = _events(per_article)
    outlet_of = pd.Series(outlet_names, index=words.index)
    p = article_rate_p(events, words, outlet_of, outlet)
    assert pd.notna(p) == bootstrapped


def test_a_rate_against_outlets_without_events_is_tested_exactly():
    # The summary's q of the same case: the exact conditional test (0.90^14 = 0.23), not the
    # bootstrap's floor.
    rows = pd.DataFrame({"outlet": ["Alpha", "Beta"], "count": [14, 0], "n": [6842, 752],
                         "estimate": [14 / 6.842, 0.0], "p_value": [float("nan")] * 2})
    assert summary.rate_p(rows.iloc[0].to_dict(), rows) == pytest.approx(
        (6842 / 7594) ** 14)


def test_a_frame_rate_carries_one_interval_in_20_and_40():
    # PolNeAR train: New York Times' economic frame rate, 8.4 per 1,000 words in both
    # notebooks, read 95% CI 4.9-12.0 in 20 (2,000 resamples) and 5.1-12.1 in 40 (1,000).
    from newsprism.compare.profiles import frame_rates
    from newsprism.framing.stats import frame_prevalence

    articles, sentences, frames = [], [], []
    for outlet, hits in {"A": [3, 0, 1, 5, 0, 2], "B": [1, 1, 0, 0, 2, 0]}.items():
        for i, k in enumerate(hits):
            article_id = f"{outlet}{i}"
            articles.append({"article_id": article_id, "outlet": outlet})
            sentences += [{"article_id": article_id, "sentence_id": s,
                           "text": " ".join(["word"] * (40 + 7 * i))} for s in range(6)]
            frames += [{"article_id": article_id, "sentence_id": j % 6, "frame": "economic",
                        "cue": "cost", "negated": False} for j in range(k)]
    tables = {"articles": pd.DataFrame(articles), "sentences": pd.DataFrame(sentences),
              "frames": pd.DataFrame(frames)}
    forty = frame_rates(tables).set_index("outlet")
    twenty = frame_prevalence(tables["sentences"], tables["frames"], tables["articles"],
                              include_negated=True)  # 20_framing's defaults
    twenty = twenty[twenty["measure"] == "per_1000_words"].set_index("outlet")
    for column in ("estimate", "ci_low", "ci_high"):
        assert forty[column].tolist() == twenty.loc[forty.index, column].tolist()
