"""profiles.tone_ci and outlet_tone follow the estimate table convention (estimate, ci_low, ci_high, n)."""

import pandas as pd
import pytest
from newsprism.compare import profiles


def _sentiment(scores: dict[str, list[float]]) -> pd.DataFrame:
    rows = [{"article_id": article, "sentence_id": i, "engine": "vader", "voice": "author",
             "compound": score, "polarity": None, "subjectivity": None}
            for article, values in scores.items() for i, score in enumerate(values)]
    return pd.DataFrame(rows)


def test_tone_ci_returns_the_convention_columns_with_the_mean_of_article_means():
    sentiment = _sentiment({"a1": [0.5, 0.1], "a2": [-0.2], "b1": [0.3, 0.3, 0.3]})
    outlet_of = pd.Series({"a1": "A", "a2": "A", "b1": "B"})
    table = profiles.tone_ci(sentiment, outlet_of, n_boot=200).set_index("outlet")
    assert list(table.columns) == ["estimate", "ci_low", "ci_high", "n", "n_articles"]
    assert table.loc["A", "estimate"] == pytest.approx((0.3 + -0.2) / 2)
    assert (table.loc["A", "n"], table.loc["A", "n_articles"]) == (3, 2)
    assert table.loc["A", "ci_low"] <= table.loc["A", "estimate"] <= table.loc["A", "ci_high"]
    # one value repeated: no spread, the interval is the point
    assert table.loc["B", ["estimate", "ci_low", "ci_high"]].tolist() == pytest.approx([0.3] * 3)


def test_outlet_tone_is_the_profile_tone_with_its_interval_in_convention_columns():
    articles = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                             "text": ["Kim wrote a warm letter.", "It was long.",
                                      "Putin replied at once."]})
    sentiment = _sentiment({"a1": [0.5, 0.3], "a2": [0.1], "b1": [-0.5]})
    tables = {"articles": articles, "sentiment": sentiment}
    profile = profiles.outlet_profiles(tables).set_index("outlet")
    tone = profiles.outlet_tone(tables, n_boot=200).set_index("outlet")
    assert list(tone.columns) == ["engine", "estimate", "ci_low", "ci_high", "n", "n_articles"]
    assert not {c for c in profile.columns if c.endswith(("_low", "_high"))}  # intervals apart
    assert tone["estimate"].tolist() == pytest.approx(profile["tone_author"].tolist())
    assert tone.loc["A", "n"] == 3 and tone.loc["A", "engine"] == profile.loc["A", "tone_engine"]
    assert tone.loc["A", "ci_low"] <= tone.loc["A", "estimate"] <= tone.loc["A", "ci_high"]
    assert profiles.outlet_tone({"articles": articles}).empty


def test_tone_interval_resamples_articles_when_an_outlet_has_several():
    # The interval resampled sentences within articles: two articles of opposite tone, each
    # uniform, got the zero-width interval [0, 0], and 40's summary called outlets of 120
    # articles "more negative" on intervals that ignored how much their articles differ.
    sentiment = _sentiment({"a1": [0.9] * 5, "a2": [-0.9] * 5, "b1": [0.2, 0.4]})
    outlet_of = pd.Series({"a1": "A", "a2": "A", "b1": "B"})
    table = profiles.tone_ci(sentiment, outlet_of, n_boot=500).set_index("outlet")
    assert table.loc["A", "estimate"] == pytest.approx(0.0)
    assert table.loc["A", "ci_low"] < -0.5 and table.loc["A", "ci_high"] > 0.5
    # one article: its sentences are resampled, so the interval still has a width
    assert 0.2 <= table.loc["B", "ci_low"] < table.loc["B", "ci_high"] <= 0.4


@pytest.mark.parametrize(("speakers", "expected"), [
    # a surname alone counts with the corpus's only full name ending in it
    (["Vladimir Putin", "Putin", "Kim Jong Un"], "Vladimir Putin (67%); Kim Jong Un (33%)"),
    # spellings of one name are one speaker
    (["Kim Jong Un", "Kim Jong-un", "Putin"], "Kim Jong Un (67%); Putin (33%)"),
    # two full names share the surname: the surname alone is kept (no guess)
    (["Bill Clinton", "Hillary Clinton", "Clinton", "Clinton"],
     "Clinton (50%); Bill Clinton (25%); Hillary Clinton (25%)"),
])
def test_top_speakers_count_one_persons_names_across_articles_as_one(speakers, expected):
    ids = [f"a{i}" for i in range(len(speakers))]
    articles = pd.DataFrame({"article_id": ids, "outlet": "A", "text": "Words here."})
    quotes = pd.DataFrame({"article_id": ids, "kind": "speech", "speaker": speakers,
                           "speaker_type": "person", "text": "x", "start": 0, "end": 1})
    profile = profiles.outlet_profiles({"articles": articles, "quotes": quotes})
    assert profile.loc[0, "top_speakers"] == expected
