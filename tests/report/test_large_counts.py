"""Counts of a large corpus written with thousands separators wherever the report writes them
(captions, readings, key findings), as every other reading does: "13,415", not "13415"."""

from __future__ import annotations

import pandas as pd
import pytest

from newsprism.compare import overview
from newsprism.report import overview_sections, sentiment_sections
from newsprism.sentiment.agreement import agreement_sample_note
from newsprism.viz.display import caption


@pytest.mark.parametrize(("n", "unit", "shown"), [
    (13415, "sentences", "n = 13,415 sentences."),
    (5, "articles", "n = 5 articles."),
    (1000, "words", "n = 1,000 words."),
])
def test_caption_count_has_thousands_separator(n, unit, shown):
    assert shown in caption("Tone.", n=n, unit=unit)


def _voices(n_quoted: int) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "A", "A"], "measure": ["author", "quoted", "gap"],
                         "estimate": [0.0, 0.1, 0.1], "ci_low": [-0.1, 0.0, -0.1],
                         "ci_high": [0.1, 0.2, 0.3], "n": [n_quoted, n_quoted, n_quoted],
                         "n_articles": [50, 50, 50]})


def _wide(n_compared: int, n_total: int) -> pd.DataFrame:
    wide = pd.DataFrame({"vader": [0.1]})
    wide.attrs.update(n_total=n_total, n_compared=n_compared, sampled=True, seed=0,
                      scored_here=["nltk_vader"])
    return wide


def _agreement(n: int) -> pd.DataFrame:
    return pd.DataFrame({"engine_a": ["vader", "vader"], "engine_b": ["textblob", "nltk_vader"],
                         "measure": ["pearson_r"] * 2, "estimate": [0.35, 0.97],
                         "ci_low": [0.32, 0.96], "ci_high": [0.37, 0.98], "n": [n, n]})


def _outlets(n_sentences: int) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B"], "estimate": [0.02, 0.09],
                         "ci_low": [-0.02, 0.07], "ci_high": [0.06, 0.13],
                         "n_sentences": [n_sentences, 1950], "n_articles": [50, 50]})


# PolNeAR train, 350 articles: "Quoted words are scored on 4641 sentence parts", "(n = 13415
# sentences)", "n = 5000 sampled of 13415", "a seeded random sample of 5000 of 13415 English
# sentences" and "2700 sentences in 50 articles" beside the captions' and tables' counts.
@pytest.mark.parametrize(("text", "shown"), [
    (lambda: sentiment_sections.voice_reading(_voices(4641)), "scored on 4,641 sentence parts"),
    (lambda: sentiment_sections.halves_reading(pd.DataFrame({
        "article_id": ["a"] * 1200, "position": [i / 1200 for i in range(1200)],
        "score": [0.1] * 1200})), "(n = 1,200 sentences)"),
    (lambda: sentiment_sections.agreement_reading(_agreement(5000), _wide(5000, 13415)),
     "n = 5,000 sampled of 13,415"),
    (lambda: agreement_sample_note(_wide(5000, 13415)), "sample of 5,000 of 13,415 English"),
    (lambda: sentiment_sections.outlet_tone_reading(_outlets(2700)), "2,700 sentences in 50"),
])
def test_sentiment_readings_count_with_thousands_separators(text, shown):
    assert shown in text()


# PolNeAR train, 350 articles: "Washington Post gives the story the most text (57418 words)"
# and the index's "5 copied pairs of 61075"; a corpus of 1,200 articles read "1200 of 1200
# articles carry a parseable publication date" and "Cleaning removed 1500 lines from 1200 of
# 1200 articles".
@pytest.mark.parametrize(("text", "shown"), [
    (lambda: overview_sections.length_reading(pd.DataFrame({
        "outlet": ["Washington Post", "Western Journalism"], "words_total": [57418, 18058]})),
     "(57,418 words), **Western Journalism** the least (18,058 words)"),
    (lambda: overview_sections.coverage_reading(1200, 1001, 1200),
     "1,001 of 1,200 articles are not detected as English"),
    (lambda: overview_sections.coverage_reading(1200, 0, 1200),
     "1,200 of 1,200 articles carry a parseable publication date"),
    (lambda: overview.audit_reading(pd.DataFrame({"article_id": [str(i % 1200) for i in range(1500)]}),
                                    pd.DataFrame({"rule": ["a"], "removals": [1500]}), 1200),
     "Cleaning removed 1,500 lines from 1,200 of 1,200 articles; the most frequent rule is **a** "
     "(1,500 removals)"),
    (lambda: overview.repair_reading(pd.DataFrame({
        "article_id": [str(i) for i in range(1100)], "rule": overview.REPAIR_RULE}), 1200),
     "repaired in 1,100 of 1,200 articles"),
])
def test_overview_readings_count_with_thousands_separators(text, shown):
    assert shown in text()
