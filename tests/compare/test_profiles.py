"""profiles.tone_ci follows the estimate table convention (estimate, ci_low, ci_high, n)."""

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


def test_outlet_profiles_keep_their_tone_interval_columns():
    articles = pd.DataFrame({"article_id": ["a1", "b1"], "outlet": ["A", "B"],
                             "text": ["Kim wrote a warm letter.", "Putin replied at once."]})
    sentiment = _sentiment({"a1": [0.5], "b1": [-0.5]})
    profile = profiles.outlet_profiles({"articles": articles, "sentiment": sentiment})
    assert {"tone_ci_low", "tone_ci_high", "tone_n_sentences"} <= set(profile.columns)
    assert profile.set_index("outlet").loc["A", "tone_n_sentences"] == 1
