"""Counts of a large corpus written with thousands separators wherever the report writes them
(captions, readings, key findings), as every other reading does: "13,415", not "13415"."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare import overview
from newsprism.framing.shares import shares_reading
from newsprism.quotes import stats as quote_stats
from newsprism.report import (
    caveats,
    framing_sections,
    methods,
    overview_sections,
    quotes_sections,
    sentiment_sections,
)
from newsprism.sentiment.agreement import agreement_sample_note
from newsprism.viz.display import caption, rows_note


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


def _prevalence(n: int) -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["Washington Post", "Washington Post", "New York Times", "New York Times"],
        "frame": ["conflict"] * 4, "measure": ["share_of_sentences", "per_1000_words"] * 2,
        "estimate": [0.11, 5.9, 0.05, 3.0], "ci_low": [0.09, 5.0, 0.04, 2.0],
        "ci_high": [0.14, 7.0, 0.06, 4.0], "n": [n, 57418, 2489, 55506],
        "n_articles": [50] * 4})


# PolNeAR train, 350 articles: "11% of its 2700 sentences", "653 of 3284 hits are in quoted
# speech"; an outlet of 1,200 articles would read "600 of 1200 articles".
@pytest.mark.parametrize(("text", "shown"), [
    (lambda: framing_sections.prevalence_reading(_prevalence(2700), {"conflict": "Conflict"}),
     "11% of its 2,700 sentences"),
    (lambda: framing_sections.voice_reading(pd.DataFrame({
        "outlet": ["A", "B"], "frame": ["eco", "war"], "author": [1300, 1331],
        "quoted": [1043, 10]}), {"eco": "Economic", "war": "War"}),
     "1,053 of 3,684 hits are in quoted speech; the most is **Economic** in **A** (1,043 quoted "
     "hits): 1,043 of its 2,343 hits are quoted"),
    (lambda: framing_sections.dominant_count_text(pd.DataFrame({
        "dominant_frame": ["war"] * 1200 + ["aid"] * 1100 + ["war = aid"] * 1001})),
     "war dominates 1,200 of 3,301 articles (next: aid, 1,100; 1,001 tied)"),
    (lambda: framing_sections.cooccurrence_reading(pd.DataFrame({
        "frame_a": ["a"], "frame_b": ["b"], "n_both": [1068], "jaccard": [0.04]}),
        {"a": "A", "b": "B"}, "sentence"), "share the most sentences (1,068, Jaccard"),
    (lambda: shares_reading(pd.DataFrame({
        "outlet": ["A", "B"], "frame": ["f", "f"], "estimate": [0.5, 0.4],
        "ci_low": [0.47, 0.37], "ci_high": [0.53, 0.43], "n": [1200, 1100],
        "n_present": [600, 440], "validity": ["F1 0.9 vs 0.5"] * 2})),
     "f in A: 600 of 1,200 articles (50%, 95% CI 47%–53%; next for this frame: B, 440 of 1,100"),
])
def test_framing_readings_count_with_thousands_separators(text, shown):
    assert shown in text()


def test_framing_key_finding_counts_sentences_with_thousands_separators():
    # PolNeAR train, 350 articles: the index read "Conflict in Washington Post (11% of 2700
    # sentences, ...".
    from types import SimpleNamespace

    ctx = SimpleNamespace(book=SimpleNamespace(name="generic", shipped=True),
                          labels={"conflict": "Conflict"})
    prevalence = SimpleNamespace(facts={"prevalence": _prevalence(2700)})
    empty = SimpleNamespace(tables={"framing_dominant": pd.DataFrame(),
                                    "framing_tests": pd.DataFrame({"q_value": [float("nan")],
                                                                   "caveat": [""]})})
    found = framing_sections.key_findings(ctx, prevalence, empty, empty)
    assert "Conflict in Washington Post (11% of 2,700 sentences" in found[0]


# PolNeAR train, 350 articles: the index read "3733 speech and 305 term quotations", the
# readings "148 of 3733 speech quotations have no speaker" and "say (2165 of 3428 cued
# quotations)".
@pytest.mark.parametrize(("text", "shown"), [
    (lambda: quotes_sections.voice_reading(pd.DataFrame({
        "outlet": ["A", "B", "A"], "speaker": ["Trump", "Clinton", quote_stats.UNATTRIBUTED],
        "n_quotes": [1385, 1168, 1148]})),
     "**Trump** (1,385 quotations across outlets; next: Clinton, 1,168). 1,148 of 3,701 speech "
     "quotations have no speaker"),
    (lambda: quotes_sections.cue_reading(pd.DataFrame({
        "cue_lemma": ["say", "claim"], "cue_class": ["neutral", "doubting"],
        "n_quotes": [2165, 1263]})), "**say** (2,165 of 3,428 cued quotations); 1,263 "),
    (lambda: quotes_sections.scare_reading(pd.DataFrame({
        "outlet": ["A", "B"], "estimate": [1.9, 0.5], "ci_low": [1.1, 0.3],
        "ci_high": [2.9, 0.8], "n": [50, 50], "total": [1073, 9]})), "It uses 1,073 in total."),
])
def test_quotes_readings_count_with_thousands_separators(text, shown):
    assert shown in text()


def test_quotes_headline_and_finding_count_with_thousands_separators():
    from types import SimpleNamespace

    quotes = pd.DataFrame({"kind": ["speech"] * 3733 + ["term"] * 305,
                           "article_id": [str(i % 333) for i in range(4038)]})
    english = pd.DataFrame({"outlet": ["A"] * 350})
    fake = SimpleNamespace(quotes=quotes, speech=quotes[quotes["kind"] == "speech"],
                           english=english, articles=english, note="", source="pn350",
                           rates=pd.DataFrame({"measure": [], "estimate": []}))
    headline = quotes_sections.QuotesContext.headline.fget(fake)
    assert headline.startswith("4,038 quotations (3,733 speech, 305 term) in 333 of 350")
    statements = SimpleNamespace(facts={"n_statements": 49})
    found = quotes_sections.key_findings(fake, statements)
    assert found[0].startswith("3,733 speech and 305 term quotations in 350 English articles.")


# PolNeAR train, 350 articles: "First 300 of 4038 rows shown" under the quote explorer.
@pytest.mark.parametrize(("shown", "total", "said"), [
    (300, 4038, "First 300 of 4,038 rows shown;"),
    (60, 350, "First 60 of 350 rows shown;"),
])
def test_rows_note_counts_with_thousands_separators(shown, total, said):
    assert rows_note(shown, total).startswith(said)


@pytest.mark.parametrize(("render", "shown"), [
    # the validity caption quotes the validation row's n (PolNeAR train speaker rows: 8,169)
    (lambda: caveats._figure(pd.Series({"metric": "speaker_accuracy", "value": 0.93,
                                        "dataset": "PolNeAR", "split": "train", "n": 8169,
                                        "status": "below target 0.93"})), "(n = 8,169; "),
    (lambda: methods.metric_label({"metric": "recall", "value": 0.96, "n": 8532}),
     "recall = 0.96 (n = 8,532)"),
])
def test_validation_figures_count_with_thousands_separators(render, shown):
    assert shown in render()
