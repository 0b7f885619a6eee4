"""The sentiment notebook's sections: readings true of their tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.report import sentiment_sections as sentiment_report


def _outlets(n_articles: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B"], "estimate": [-0.2, 0.3], "ci_low": [-0.3, 0.1],
                         "ci_high": [-0.1, 0.5], "n_sentences": [40, 12],
                         "n_articles": n_articles})


@pytest.mark.parametrize("n_articles, caveat", [
    ([5, 6], "Intervals resample whole articles."),
    ([6, 9], "Intervals resample whole articles."),
])
def test_outlet_tone_reading_takes_figures_from_the_extreme_rows(n_articles, caveat):
    # PolNeAR train read "(+0.02, 95% CI -0.01 to +0.04, n = 2183)" beside a table whose n is
    # 120 (the articles resampled): the reading names its sentences and articles.
    text = sentiment_report.outlet_tone_reading(_outlets(n_articles))
    articles = "1 article" if n_articles[0] == 1 else f"{n_articles[0]} articles"
    assert ("**A** has the lowest mean sentence tone (-0.20, 95% CI -0.30 to -0.10; 40 sentences "
            f"in {articles}), **B** the highest (+0.30, +0.10 to +0.50); the intervals do not "
            "overlap.") in text
    assert text.endswith(caveat) or caveat in text


def test_outlet_tone_reading_says_when_the_extremes_overlap():
    # Synthetic 300-article run: "Lone Blog has the lowest mean sentence tone (-0.01, 95% CI
    # -0.24 to +0.22), Tokyo Ledger the highest (+0.11, +0.07 to +0.16)." -- the key finding
    # said the intervals overlap, the reading ranked the two without saying so.
    outlets = _outlets([5, 7]).assign(ci_high=[0.22, 0.5], ci_low=[-0.3, 0.1])
    text = sentiment_report.outlet_tone_reading(outlets)
    assert "the intervals overlap, so there is no clear difference." in text


def test_voice_reading_lists_only_gaps_whose_interval_excludes_zero():
    voices = pd.DataFrame({"outlet": list("AABBCC"), "measure": ["quoted", "gap"] * 3,
                           "n": [3, 10, 4, 10, 5, 10], "n_articles": 6,
                           "ci_low": [-0.9, 0.1, -0.9, -0.2, -0.9, -0.5],
                           "ci_high": [0.9, 0.3, 0.9, 0.1, 0.9, -0.1]})
    text = sentiment_report.voice_reading(voices)
    assert text.startswith("Quoted words are scored on 12 sentence parts.")
    assert "excludes 0) in: A, C;" in text
    assert "No outlet shows a gap" in sentiment_report.voice_reading(voices.iloc[[2, 3]])


def test_actors_reading_names_the_most_negative_and_positive_actor():
    tone = pd.DataFrame({"actor": ["Kim", "Kim", "Putin", "Biden"],
                         "score": [-0.5, -0.3, 0.6, 0.1]})
    actors = sentiment_report.shown_actors(tone, min_mentions=1)
    assert actors[0] == "Kim" and sentiment_report.shown_actors(tone, min_mentions=3) == []
    text = sentiment_report.actors_reading(tone, actors)
    assert "mentions of **Kim** are the most negative (-0.40, n = 2)" in text
    assert "around **Putin** the most positive (+0.60, n = 1)" in text
    # The bundled corpus named KCNA alone the most positive (+0.16) beside South Korea at +0.16.
    tied = pd.concat([tone, pd.DataFrame({"actor": ["Xi"], "score": [0.6]})])
    text = sentiment_report.actors_reading(tied, sentiment_report.shown_actors(tied, 1))
    assert "around **Putin** and **Xi** the most positive, tied at +0.60 (n = 1 and 1)" in text


def test_agreement_reading_names_the_weakest_pair():
    agreement = pd.DataFrame({"engine_a": ["vader"] * 4,
                              "engine_b": ["textblob", "textblob", "nltk", "nltk"],
                              "measure": ["pearson_r", "class_agreement"] * 2,
                              "estimate": [0.4, 0.2, 0.9, 0.95], "ci_low": [0.3, 0.1, 0.85, 0.9],
                              "ci_high": [0.5, 0.3, 0.95, 0.99], "n": [200] * 4})
    wide = pd.DataFrame()
    text = sentiment_report.agreement_reading(agreement, wide)
    assert text.startswith("The weakest pair is vader / textblob (r = 0.40, 95% CI 0.30–0.50, "
                           "n = 200; next: vader / nltk, r = 0.90, above that interval).")
    wide.attrs.update(sampled=True, n_total=900)
    assert "n = 200 sampled of 900; next" in sentiment_report.agreement_reading(agreement, wide)
    assert sentiment_report.agreement_reading(agreement.iloc[:0], wide) == (
        "Only one engine was compared.")


def test_key_findings_count_from_the_section_tables():
    from newsprism.viz.section_group import Group

    tone = Group("tone", facts={"by_outlet": _outlets([1, 3])})
    voice = Group("voice", facts={"voices": pd.DataFrame({
        "outlet": ["A", "A", "B", "B", "C", "C"], "measure": ["author", "gap"] * 3,
        "n_articles": [6, 6, 6, 6, 2, 2], "ci_low": [-0.5, 0.1, -0.5, -0.1, -0.5, np.nan],
        "ci_high": [0.5, 0.2, 0.5, 0.1, 0.5, np.nan]})})
    ctx = sentiment_report.SentimentContext(ann=None, engine="vader", source="x")
    findings = sentiment_report.key_findings(ctx, tone, voice)
    # the bundled report's finding read "... excludes 0 in 1 of 5 outlets." without the 0.25
    # that chance alone would give over five uncorrected intervals
    # an outlet whose voices come from 2 articles is not counted among the outlets tested
    assert findings[1] == "Quoted words vs own words: a gap whose 95% interval over articles " \
        "excludes 0 in 1 of 2 outlets with both voices in at least 5 articles (intervals not " \
        "corrected for the 2 comparisons: about 0.1 would exclude 0 by chance alone); 1 " \
        "outlet with fewer has no interval. [evidence: 10_sentiment.html#voice-table; " \
        "tables/sentiment_voice_vader.csv]"
    # it read "Represented by a single article: 5 of 5 outlets; by fewer than 5 articles (no
    # interval over articles): 5." on the bundled corpus: one count, said twice
    assert findings[2] == ("Fewer than 5 articles (no interval over articles): 2 of 2 outlets, "
                           "1 of them from a single article. [evidence: "
                           "10_sentiment.html#tone-table; tables/sentiment_outlets_vader.csv]")


@pytest.mark.parametrize("second, verdict", [
    ([0.1, 0.12, 0.08, 0.11], "no clear change: the interval includes 0"),
    ([-0.4, -0.5, -0.45, -0.42], "a clear change"),
])
def test_halves_reading_tests_the_change_it_describes(second, verdict):
    # The reading set "+0.10" against "+0.04" with neither n nor interval.
    arc = pd.DataFrame([(f"a{i}", pos, score) for i, s2 in enumerate(second)
                        for pos, score in ((0.2, 0.1 + 0.01 * i), (0.7, s2))],
                       columns=["article_id", "position", "score"])
    text = sentiment_report.halves_reading(arc)
    assert "(n = 8 sentences)" in text and "4 articles), " + verdict in text


@pytest.mark.parametrize("interval, shown", [
    # PolNeAR train: "a clear change" next to "+0.00 to +0.03"
    ((0.004, 0.031), "95% CI +0.004 to +0.031, 4 articles), a clear change."),
    ((0.0004, 0.031), "+0.000 to +0.031, 4 articles), a clear change (the interval's bound is "
                      "just above 0)."),
    ((0.12, 0.31), "95% CI +0.12 to +0.31, 4 articles), a clear change."),
])
def test_halves_reading_shows_enough_digits_for_a_bound_near_0(monkeypatch, interval, shown):
    monkeypatch.setattr(sentiment_report.stats, "bootstrap_ci", lambda values: interval)
    arc = pd.DataFrame([(f"a{i}", pos, 0.1 * i) for i in range(4) for pos in (0.2, 0.7)],
                       columns=["article_id", "position", "score"])
    assert shown in sentiment_report.halves_reading(arc)


def test_outlet_tone_reading_names_the_runner_up():
    # PolNeAR train: "Breitbart the highest (+0.09, +0.06 to +0.12)"; Politico (+0.08) was
    # inside that interval and not named.
    outlets = pd.DataFrame({"outlet": ["Breitbart", "Politico", "Western Journalism"],
                            "estimate": [0.094, 0.080, 0.018], "ci_low": [0.058, 0.055, -0.008],
                            "ci_high": [0.124, 0.105, 0.043], "n_sentences": [4136, 4313, 2276],
                            "n_articles": [120, 120, 120]})
    text = sentiment_report.outlet_tone_reading(outlets)
    assert "Next highest: Politico (+0.08), inside Breitbart's interval" in text


@pytest.mark.parametrize("n_outlets, expected", [
    # PolNeAR train: "differs clearly ... in: Breitbart, HuffPost, New York Times", three of
    # seven uncorrected intervals, one of them ending at -0.001.
    (7, "each is one of 7 outlets' 95% intervals, not corrected for the comparison: about "
        "0.35 would exclude 0 by chance alone"),
    # the bundled corpus: 5 x 0.05 = 0.25, printed "about 0.2" before
    (5, "about 0.25 would exclude 0 by chance alone"),
    (1, None),
])
def test_voice_reading_says_how_many_gaps_chance_would_give(n_outlets, expected):
    outlets = [f"O{i}" for i in range(n_outlets)]
    voices = pd.DataFrame({"outlet": [o for o in outlets for _ in range(2)],
                           "measure": ["quoted", "gap"] * n_outlets, "n": [5, 10] * n_outlets,
                           "n_articles": 6,
                           "ci_low": [0.0, 0.01] * n_outlets, "ci_high": [0.5, 0.1] * n_outlets})
    text = sentiment_report.voice_reading(voices)
    assert (expected in text) if expected else ("by chance" not in text)


@pytest.mark.parametrize("side, texts, present, absent", [
    # The reading named "alliance", "support", "war" or "death" whatever the sentences held
    # ("alliance" has no VADER valence; "death" was in none of the bundled extremes).
    ("positive", ["A great and warm welcome for the plan."], ['"great"', '"warm"'],
     ["alliance", "death"]),
    ("negative", ["The attack killed many and the war goes on."], ['"killed"', '"war"'],
     ["alliance", "death", "support"]),
])
def test_extremes_reading_names_the_words_of_the_listed_sentences(side, texts, present, absent):
    other = "negative" if side == "positive" else "positive"
    table = pd.DataFrame({"side": [side, other], "text": texts + ["The plan was filed."]})
    text = sentiment_report.extremes_reading(table)
    part = text.split("; the most negative on ")[0 if side == "positive" else 1]
    assert all(word in part for word in present)
    assert not any(word in text for word in absent)
    assert "no word of the lexicon" in text  # the other side's sentence has no scored word


def test_validation_without_a_figure_says_so_instead_of_an_empty_table(monkeypatch):
    # With the NYT gold not fetched, 10 showed a table of empty values, captioned "n = 0
    # sentences", and no reading.
    from newsprism.core import validate

    status = "gold data unavailable: vaderSentiment-3.3.2.tar.gz is not cached (.cache/)"
    saved = pd.DataFrame({"measure": ["sentiment"] * 2, "engine": ["vader", "textblob"],
                          "metric": ["", ""], "value": [float("nan")] * 2, "n": [0, 0],
                          "status": [status] * 2})
    monkeypatch.setattr(validate, "load_results", lambda: saved)
    monkeypatch.setattr(validate, "stale_note", lambda measures: "")
    section = sentiment_report.validation_section()
    assert section.table is None
    assert section.reading.startswith(f"The saved validation has no figure for the sentence "
                                      f"engines ({status}), so how far")


@pytest.mark.parametrize("next_r, said", [
    # PolNeAR train: "The weakest pair is textblob / nltk_vader (r = 0.36, 95% CI 0.33–0.38)"
    # while vader / textblob (r = 0.36) lay inside that interval.
    (0.3627, "next: vader / textblob, r = 0.36, inside that interval, so the two pairs are not "
             "told apart"),
    (0.45, "next: vader / textblob, r = 0.45, above that interval"),
])
def test_weakest_engine_pair_is_named_against_the_next(next_r, said):
    agreement = pd.DataFrame({"engine_a": ["vader", "vader", "textblob"],
                              "engine_b": ["textblob", "nltk_vader", "nltk_vader"],
                              "measure": ["pearson_r"] * 3, "estimate": [next_r, 0.976, 0.3574],
                              "ci_low": [0.33, 0.97, 0.333], "ci_high": [0.39, 0.98, 0.381],
                              "n": [5000] * 3})
    text = sentiment_report.agreement_reading(agreement, pd.DataFrame())
    assert text.startswith("The weakest pair is textblob / nltk_vader (r = 0.36, 95% CI "
                           "0.33–0.38, n = 5,000; ")
    assert said in text


def test_voice_reading_without_quoted_words_compares_nothing():
    # A corpus without quotations read "Quoted words are scored on 0 sentence parts. No
    # outlet shows a gap whose interval excludes 0."
    voices = pd.DataFrame({"outlet": ["A", "A"], "measure": ["author", "quoted"], "n": [16, 0],
                           "ci_low": [0.0, float("nan")], "ci_high": [0.2, float("nan")]})
    text = sentiment_report.voice_reading(voices)
    assert "0 sentence parts" not in text and text.startswith("No sentence holds quoted words")


@pytest.mark.parametrize("languages, note", [
    (["en", "en"], ""),
    (["en", "de", "fr", "und"], " English articles only: 3 of 4 articles, in other languages, "
                                "were not scored."),
])
def test_scored_note_names_the_articles_left_unscored(languages, note):
    assert sentiment_report.scored_note(pd.DataFrame({"language": languages})) == note


@pytest.mark.parametrize(("estimates", "expected"), [
    # Two outlets carrying the same articles read "Twin A has the lowest mean sentence tone
    # (+0.07 ...), Twin A the highest (+0.07 ...)".
    ([0.07, 0.07], "Both outlets have the same mean sentence tone (+0.07), so neither ranks "
                   "above the other. Intervals resample whole articles."),
    ([0.07, 0.07, -0.05], "**C** has the lowest mean sentence tone (-0.05, 95% CI -0.20 to "
                          "+0.10; 5 sentences in 6 articles), **A** and **B** both the highest "
                          "(+0.07 each); the intervals overlap, so there is no clear "
                          "difference. Next lowest: A (+0.07), inside C's interval, so C's "
                          "lead is not clear. Intervals resample whole articles."),
])
def test_tone_reading_names_tied_outlets_together(estimates, expected):
    n = len(estimates)
    table = pd.DataFrame({"outlet": list("ABC")[:n], "estimate": estimates,
                          "ci_low": [0.0, 0.0, -0.2][:n], "ci_high": [0.2, 0.2, 0.1][:n],
                          "n_sentences": [5] * n, "n_articles": [6] * n})
    assert sentiment_report.outlet_tone_reading(table) == expected


# Five outlets of 2 articles each: 10 read "the intervals do not overlap" of tone intervals
# over 2 article means; the caveat read "1 of 2 outlets have a single article here".
@pytest.mark.parametrize("n_articles, expected", [
    ([1, 9], "A is from a single article: no interval over articles, so no difference is read "
             "from the intervals. 1 of 2 outlets has fewer than 5 articles here, so its interval "
             "resamples sentences and describes those articles"),
    ([2, 3], "A is from 2 articles (fewer than 5): no interval over articles; B is from 3 "
             "articles (fewer than 5): no interval over articles, so no difference is read from "
             "the intervals. 2 of 2 outlets have fewer than 5 articles here, so their intervals "
             "resample sentences and describe those articles"),
    ([1, 1], "A and B are each from a single article: no interval over articles, so no "
             "difference is read from the intervals."),
])
def test_outlet_tone_reading_reads_no_difference_below_the_minimum_articles(n_articles,
                                                                            expected):
    text = sentiment_report.outlet_tone_reading(_outlets(n_articles))
    assert expected in text and "do not overlap" not in text


@pytest.mark.parametrize(("estimates", "expected"), [
    # 350 PolNeAR-train articles: "Western Journalism has the lowest mean sentence tone (vader;
    # every sentence, quoted words included) (+0.02, ...)", two brackets in a row.
    ([-0.2, 0.3], "the lowest mean sentence tone (vader; every sentence, quoted words included: "
                  "-0.20, 95% CI -0.30 to -0.10) and B the highest (+0.30, 95% CI"),
    ([0.3, 0.3], "same mean sentence tone (vader; every sentence, quoted words included: +0.30)"),
])
def test_tone_key_finding_has_one_bracket_for_engine_and_figures(estimates, expected):
    from newsprism.viz.section_group import Group

    tone = Group("tone", facts={"by_outlet": _outlets([6, 6]).assign(estimate=estimates)})
    voice = Group("voice", facts={"voices": pd.DataFrame(columns=[
        "outlet", "measure", "n_articles", "ci_low", "ci_high"])})
    ctx = sentiment_report.SentimentContext(ann=None, engine="vader", source="x")
    finding = sentiment_report.key_findings(ctx, tone, voice)[0]
    assert expected in finding and ") (" not in finding, finding
