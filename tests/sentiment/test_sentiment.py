"""Sentiment engines, voice split, clause-level actor tone, the annotation step, aggregation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.core.text import article_sentence_rows
from newsprism.pipeline.annotate import AnnotateOptions, ArticleInput
from newsprism.quotes.actors import article_mentions
from newsprism.sentiment import engines
from newsprism.sentiment import scoring as sentiment

POSITIVE = ["What a wonderful, generous and happy celebration.",
            "The agreement is an excellent success for peace."]
NEGATIVE = ["The attack was a horrible, brutal disaster.",
            "Critics condemned the cruel and violent war."]


@pytest.mark.parametrize("engine", sentiment.ENGINES)
def test_engines_give_expected_sign_on_clear_sentences(engine):
    scores = sentiment.headline_scores(POSITIVE + NEGATIVE, engine)
    assert (scores[:2] > 0.1).all() and (scores[2:] < -0.1).all()


def test_score_sentences_columns_and_one_row_per_text():
    texts = POSITIVE + ["", "Plain statement of the schedule."]
    vader = sentiment.score_sentences(texts, "vader")
    assert vader.columns.tolist() == ["neg", "neu", "pos", "compound"] and len(vader) == 4
    blob = sentiment.score_sentences(texts, "textblob")
    assert blob.columns.tolist() == ["polarity", "subjectivity"] and len(blob) == 4
    assert blob["subjectivity"].between(0, 1).all()
    with pytest.raises(ValueError, match="textblob"):
        sentiment.score_sentences(texts, "roberta")


def test_fast_vader_matches_the_reference_implementation():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    texts = POSITIVE + NEGATIVE + ["Kim is NOT happy :( but the deal is GREAT!!! 😀",
                                   "It was kind of good, though hardly ideal."]
    ours = sentiment.score_sentences(texts, "vader").to_dict("records")
    assert ours == [reference.polarity_scores(t) for t in texts]


def test_fast_textblob_matches_textblob_itself():
    from textblob.en.sentiments import PatternAnalyzer

    reference = PatternAnalyzer()
    texts = POSITIVE + NEGATIVE + [
        "It isn't bad at all!!! Really not good, very very good... Mr. Smith's U.S. deal",
        "“Great,” he said ‘badly’ (!) :) x D", "not a good idea", "Two lines.\n\nGood one.",
        "He's never so happy; $15,000 in 2016 8-) <3", "ok\u00a0good\u2009bad"]
    ours = sentiment.score_rows(texts, "textblob")
    assert ours == [tuple(reference.analyze(t)[:2]) for t in texts]


# Words that trigger each rule of VADER and TextBlob: negations, boosters, "but", "least",
# "no", "kind of", idioms, caps, emoticons, contractions, punctuation and quotation marks.
RULE_WORDS = ("not never no nor or but least at very kind of sort so this without doubt the "
              "bomb shit bad ass kiss death beating heart isn't don't n't GREAT good Good GOOD "
              "happy sad horrible brutal peace war extremely hardly slightly somewhat utterly "
              "very VERY ! !! ? ??? :) :( 8-) <3 (!) xD “ ” ‘ ’ ' \" Mr. U.S. ... , ; Kim's "
              "they're we'll love hate").split()


def test_fast_engines_match_the_references_on_rule_dense_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader, blob = SentimentIntensityAnalyzer(), PatternAnalyzer()
    words = st.lists(st.sampled_from(RULE_WORDS), max_size=18)
    glue = st.sampled_from([" ", " ", " ", "  ", "\u00a0"])

    @settings(max_examples=400, deadline=None, derandomize=True, database=None)
    @given(words, glue)
    def check(tokens, space):
        text = space.join(tokens)
        assert sentiment.vader_analyzer().polarity_scores(text) == vader.polarity_scores(text)
        assert sentiment.score_rows([text], "textblob")[0] == tuple(blob.analyze(text)[:2])

    engines._SCORE_MEMO.clear()
    check()


def test_nltk_engine_is_offline_and_close_to_vader():
    analyzer = sentiment.nltk_vader_analyzer()
    assert len(analyzer.lexicon) > 7000
    a = sentiment.headline_scores(POSITIVE + NEGATIVE, "vader")
    b = sentiment.headline_scores(POSITIVE + NEGATIVE, "nltk_vader")
    assert np.allclose(a, b, atol=0.1)


def test_voice_split_with_given_spans():
    text = 'Kim praised “the glorious, heroic alliance” while critics saw a disaster.'
    open_, close = text.index("“") + 1, text.index("”")
    author, quoted = sentiment.split_voice(text, 0, len(text), [(open_, close)])
    assert quoted == "the glorious, heroic alliance"
    assert "glorious" not in author and "disaster" in author
    a, q = sentiment.headline_scores([author, quoted], "vader")
    assert q > 0.5 and a < 0


def test_voice_split_clips_spans_to_the_sentence():
    text = "One “two three. Four” five."
    assert sentiment.split_voice(text, 16, len(text), [(5, 20)]) == ("” five.", "Four")


def test_fallback_quote_spans_tell_apostrophes_from_quotes():
    text = 'Russia’s envoy called it “a triumph” and ‘heroic’; Kim’s aides\' mood was "grim'
    assert [text[s:e] for s, e in sentiment.fallback_quote_spans(text)][:2] == ["a triumph",
                                                                                "heroic"]


def test_clause_spans_split_contrasts():
    text = ("Putin praised the treaty, but Kim called the sanctions a disaster; "
            "Seoul was calm — Tokyo was not, whereas Beijing said nothing.")
    clauses = [text[s:e] for s, e in sentiment.clause_spans(text)]
    assert clauses == ["Putin praised the treaty", "Kim called the sanctions a disaster",
                       "Seoul was calm", "Tokyo was not", "Beijing said nothing."]


def _annotate_one(text, quotes=None, engines=("vader", "textblob"), language="en"):
    article = ArticleInput("t1", text, language, "Outlet A")
    options = AnnotateOptions(sentiment_engines=engines)
    tables = {"sentences": article_sentence_rows(article, {}, options)}
    if quotes is not None:
        tables["quotes"] = quotes
    tables["mentions"] = article_mentions(article, tables, options)
    tables["sentiment"] = sentiment.article_sentiment(article, tables, options)
    articles = pd.DataFrame({"article_id": ["t1"], "outlet": ["Outlet A"], "text": [text],
                             "language": [language]})
    return {"articles": articles, **tables}


def test_clause_level_actor_tone_gives_opposite_signs():
    tables = _annotate_one("Putin praised the treaty, but Kim called the sanctions a disaster.")
    for engine in ("vader", "nltk_vader"):
        tone = sentiment.actor_tone(tables, engine).set_index("actor")["score"]
        assert tone["Vladimir Putin"] > 0, engine
        assert tone["Kim Jong Un"] < 0, engine
    # TextBlob's lexicon lacks "praised"/"disaster"; same structure with words it knows.
    blob = _annotate_one("Putin praised the excellent treaty, but Kim called it terrible.")
    tone = sentiment.actor_tone(blob, "textblob").set_index("actor")["score"]
    assert tone["Vladimir Putin"] > 0 > tone["Kim Jong Un"]
    whole = sentiment.headline_scores(
        ["Putin praised the treaty, but Kim called the sanctions a disaster."], "vader")[0]
    tone = sentiment.actor_tone(tables, "vader").set_index("actor")["score"]
    assert tone["Vladimir Putin"] != pytest.approx(whole)


def test_actor_tone_marks_mentions_inside_quotes():
    tables = _annotate_one('Seoul warned: “Pyongyang is a menace.” Moscow was pleased.')
    tone = sentiment.actor_tone(tables, "vader").set_index("actor")
    assert tone.loc["North Korea", "voice"] == "quoted"
    assert tone.loc["South Korea", "voice"] == "author"
    assert tone.loc["North Korea", "score"] < 0 < tone.loc["Russia", "score"]


def test_article_sentiment_step_uses_quotes_table_and_keeps_terms_in_author_voice():
    text = 'Kim hailed a “wonderful, glorious friendship” and mocked the “crown jewels” idea.'
    q_start = text.index("wonderful")
    q_end = text.index("”")
    t_start = text.index("crown")
    quotes = pd.DataFrame({"start": [q_start, t_start], "end": [q_end, t_start + 12],
                           "kind": ["speech", "term"]})
    table = _annotate_one(text, quotes=quotes)["sentiment"]
    assert set(table.columns) >= {"article_id", "sentence_id", "engine", "voice", "compound",
                                  "polarity", "subjectivity", "n_words"}
    vader = table[table["engine"] == "vader"].set_index("voice")
    assert set(vader.index) == {"all", "author", "quoted"}
    assert vader.loc["quoted", "n_words"] == 3          # "wonderful, glorious friendship"
    assert vader.loc["author", "n_words"] == 9           # scare-quoted "crown jewels" stays
    assert vader.loc["quoted", "compound"] > 0.5
    assert (table["voice_source"] == "quotes").all()
    blob = table[table["engine"] == "textblob"]
    assert blob["compound"].isna().all() and blob["polarity"].notna().all()


def test_article_sentiment_falls_back_to_quotation_marks():
    table = _annotate_one('He said “this is terrible” today. No quotes here.')["sentiment"]
    assert (table["voice_source"] == "marks").all()
    vader = table[table["engine"] == "vader"]
    quoted = vader[vader["voice"] == "quoted"]
    assert quoted["sentence_id"].tolist() == [0] and quoted["compound"].iloc[0] < 0
    # A sentence without quotes has an author row but no quoted row.
    assert set(vader.loc[vader["sentence_id"] == 1, "voice"]) == {"all", "author"}


def test_article_sentiment_empty_for_non_english():
    table = _annotate_one("Das ist ein schrecklicher Krieg.", language="de")["sentiment"]
    assert table.empty and list(table.columns) == sentiment.SENTIMENT_COLUMNS


def test_outlet_scores_flag_single_article_outlets():
    tables = _annotate_one("A great day. A horrible war. A fine treaty. A sad loss.")
    table = sentiment.outlet_scores(tables, "vader")
    row = table.iloc[0]
    assert row["n_articles"] == 1 and row["n_sentences"] == 4
    assert row["resampled"] == "sentences" and "one article only" in row["note"]
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]


def test_highlight_escapes_html_and_marks_driving_words():
    html = sentiment.highlight_contributions('<script>alert("x")</script> a terrible war')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="np-neg"' in html and ">terrible</mark>" in html


def test_engine_agreement_reports_n_and_interval():
    texts = POSITIVE + NEGATIVE + ["The meeting is on Tuesday.", "A good plan.", "A bad plan.",
                                   "They were happy.", "They were furious."]
    wide = pd.DataFrame({e: sentiment.headline_scores(texts, e) for e in sentiment.ENGINES})
    table = sentiment.engine_agreement(wide)
    assert len(table) == 6 and (table["n"] == len(texts)).all()  # 3 pairs x 2 measures
    assert (table["ci_low"] <= table["estimate"]).all()
    assert (table["estimate"] <= table["ci_high"]).all()
    vader_nltk = table[(table.engine_a == "vader") & (table.engine_b == "nltk_vader")]
    r = vader_nltk.set_index("measure").loc["pearson_r"]
    assert r["estimate"] > 0.9 and r["ci_low"] <= r["estimate"] <= r["ci_high"]


def test_outlet_scores_resample_articles_when_an_outlet_has_several():
    sentiment_rows, sentence_rows = [], []
    daily = (("a1", [0.5, 0.6, 0.4]), ("a2", [-0.5, -0.4]), ("a4", [0.5, 0.4]),
             ("a5", [-0.5]), ("a6", [0.5]))
    for article_id, scores in (*daily, ("a3", [0.1])):
        for sentence_id, score in enumerate(scores):
            sentiment_rows.append((article_id, sentence_id, "vader", "all", score, score,
                                   np.nan, np.nan, 5, "marks"))
            sentence_rows.append((article_id, sentence_id, 0, 0, 1, "x"))
    tables = {
        "sentiment": pd.DataFrame(sentiment_rows, columns=sentiment.SENTIMENT_COLUMNS),
        "sentences": pd.DataFrame(sentence_rows, columns=["article_id", "sentence_id",
                                                          "paragraph_id", "start", "end",
                                                          "text"]),
        "articles": pd.DataFrame({"article_id": ["a1", "a2", "a4", "a5", "a6", "a3"],
                                  "outlet": ["Daily"] * 5 + ["Weekly"]}),
    }
    table = sentiment.outlet_scores(tables, "vader").set_index("outlet")
    daily = table.loc["Daily"]
    assert daily["n_articles"] == 5 and daily["n_sentences"] == 9
    assert daily["resampled"] == "articles" and daily["note"] == ""
    assert daily["estimate"] == pytest.approx(1.5 / 9)
    # Resampling two very different articles gives a wide interval.
    assert daily["ci_low"] < -0.3 and daily["ci_high"] > 0.4
    assert table.loc["Weekly", "note"].startswith("one article only")
    with pytest.raises(ValueError, match="not in the annotations"):
        sentiment.outlet_scores(tables, "textblob")


def test_validation_metrics_on_synthetic_gold_and_missing_data(monkeypatch):
    from newsprism.sentiment import validation as sv

    gold = pd.DataFrame({"rating": [2.5, 1.0, -2.0, -3.0, 0.0],
                         "text": POSITIVE + NEGATIVE + ["The meeting is on Tuesday."]})
    result = sv.score_engine(gold, "vader")
    assert result["n"] == 5 and result["pearson_r"] > 0.8
    low, high = result["pearson_r_interval"]
    assert low < result["pearson_r"] < high
    assert result["accuracy_3class"] == 1.0 and result["f1_weighted"] == 1.0
    assert sv.human_class(np.array([0.3, 0.0, -0.1])).tolist() == [1, 0, -1]

    def unavailable(*args, **kwargs):
        raise sv.GoldDataUnavailable("pip download failed: no network")

    monkeypatch.setattr(sv, "fetch_sdist", unavailable)
    table = sv.validate_sentiment(quick=True)
    assert list(table.columns) == sv.COLUMNS and len(table) == len(sentiment.ENGINES)
    assert table["status"].str.contains("no network").all()


def test_notebook_analyses_on_the_bundled_corpus():
    from newsprism.pipeline.annotate import annotate

    ann = annotate(progress=False)
    outlets = set(ann.articles["outlet"])
    by_outlet = sentiment.outlet_scores(ann, "vader", n_boot=300)
    assert set(by_outlet["outlet"]) == outlets
    assert (by_outlet["ci_low"] <= by_outlet["estimate"]).all()
    assert (by_outlet["estimate"] <= by_outlet["ci_high"]).all()
    assert by_outlet["n_sentences"].sum() == len(ann.sentences)
    voices = sentiment.voice_comparison(ann, "vader", n_boot=300).set_index("measure")
    assert (voices.loc["quoted", "n"] > 0).any() and (voices.loc["author", "n"] > 0).all()
    tone = sentiment.actor_tone(ann, "vader")
    assert {"Kim Jong Un", "Vladimir Putin", "North Korea", "Russia"} <= set(tone["actor"])
    for row in tone.head(50).itertuples():
        assert row.clause_start <= row.start < row.clause_end
    table = sentiment.outlet_actor_tone(tone, n_boot=300)
    assert table["n"].sum() == len(tone)
    extremes = sentiment.extreme_sentences(ann, "vader", k=3)
    top, bottom = extremes[extremes.side == "positive"], extremes[extremes.side == "negative"]
    assert top["score"].min() >= bottom["score"].max()
    arc = sentiment.tone_arc(ann, "vader")
    assert arc["position"].between(0, 1).all()
    wide = sentiment.engine_scores_wide(ann, ["vader", "nltk_vader"])
    assert wide[["vader", "nltk_vader"]].notna().all().all()


def test_quote_pairing_and_clauses_never_fail_on_messy_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab ,;—-\n\"'“”‘’«»Kim Putin but while"))

    @settings(max_examples=300, deadline=None, derandomize=True, database=None)
    @given(st.text(alphabet=alphabet, max_size=120))
    def check(text):
        spans = sentiment.fallback_quote_spans(text)
        for start, end in spans:
            assert 0 <= start < end <= len(text)
        author, quoted = sentiment.split_voice(text, 0, len(text), spans)
        assert len(author) + len(quoted) <= len(text) + len(spans) + 1
        for start, end in sentiment.clause_spans(text):
            assert 0 <= start <= end <= len(text)

    check()


def test_voice_comparison_gives_no_gap_interval_for_a_single_quote():
    tables = _annotate_one('He said “this is wonderful”. The war was awful. Rain fell. Fine.')
    rows = sentiment.voice_comparison(tables, "vader").set_index("measure")
    assert list(rows.index) == ["author", "quoted", "gap"]
    assert rows.loc["quoted", "n"] == 1 and rows.loc["author", "n"] == 4
    assert rows.loc["quoted", "estimate"] > 0.4 and rows.loc["gap", "estimate"] > 0
    gap = rows.loc["gap"]
    assert np.isnan(gap["ci_low"]) and np.isnan(gap["ci_high"]) and "fewer than 3" in gap["note"]
    assert rows.loc["author", "ci_low"] <= rows.loc["author", "estimate"]


# -- scale: grouped per-article analyses equal the per-article reference ----------------------
TOY_TEXTS = {
    "a1": ("Outlet A", "Putin praised the treaty, but Kim called the sanctions a disaster. "
                       "Moscow was pleased."),
    "b1": ("Outlet B", 'Seoul warned: “Pyongyang is a menace.” Kim smiled; Putin frowned.'),
    "a2": ("Outlet A", "Nothing about any leader here."),
    "b2": ("Outlet B", "Kim hailed a wonderful friendship with Russia while Ukraine suffered."),
}


def _toy_corpus(with_quotes: bool = True) -> dict[str, pd.DataFrame]:
    parts: dict[str, list[pd.DataFrame]] = {}
    for article_id, (outlet, text) in TOY_TEXTS.items():
        article = ArticleInput(article_id, text, "en", outlet)
        options = AnnotateOptions(sentiment_engines=("vader", "textblob"))
        tables = {"sentences": article_sentence_rows(article, {}, options)}
        start = text.find("“")
        if with_quotes and start >= 0:
            tables["quotes"] = pd.DataFrame({"article_id": [article_id], "start": [start + 1],
                                             "end": [text.index("”")], "kind": ["speech"]})
        tables["mentions"] = article_mentions(article, tables, options)
        tables["sentiment"] = sentiment.article_sentiment(article, tables, options)
        for name, table in tables.items():
            parts.setdefault(name, []).append(table)
    tables = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}
    tables["articles"] = pd.DataFrame({
        "article_id": list(TOY_TEXTS), "outlet": [o for o, _ in TOY_TEXTS.values()],
        "text": [t for _, t in TOY_TEXTS.values()], "language": "en"})
    # Interleave the rows of the articles: grouping must not rely on contiguous blocks.
    tables["mentions"] = tables["mentions"].iloc[::-1].reset_index(drop=True)
    tables["sentences"] = tables["sentences"].sample(frac=1, random_state=1)
    return tables


def _actor_tone_reference(tables: dict[str, pd.DataFrame], engine: str) -> pd.DataFrame:
    """The simple per-article loop: filter each table for one article at a time."""
    mentions, sentences, quotes = tables["mentions"], tables["sentences"], tables.get("quotes")
    parts = []
    for article in tables["articles"].itertuples(index=False):
        m = mentions[mentions["article_id"] == article.article_id]
        if not len(m):
            continue
        s = sentences[sentences["article_id"] == article.article_id]
        q = (sentiment.quote_spans_from_table(quotes[quotes["article_id"] == article.article_id])
             if quotes is not None else None)
        spans = q if q is not None else sentiment.fallback_quote_spans(article.text)
        part = sentiment.mention_clauses(article.text, m, s, spans)
        part.insert(0, "outlet", article.outlet)
        parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    table["engine"] = engine
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    rows = [sentiment.tone_toward([texts[r.article_id][r.sentence_start:r.sentence_end]],
                                  [(r.start - r.sentence_start, r.end - r.sentence_start)],
                                  engine).iloc[0] for r in table.itertuples()]
    for column in ["score", "label", "p_negative", "p_neutral", "p_positive", "no_evidence"]:
        table[column] = [row[column] for row in rows]
    return table[sentiment.ACTOR_TONE_COLUMNS]


@pytest.mark.parametrize("with_quotes", [True, False])
def test_actor_tone_equals_the_per_article_reference(with_quotes):
    tables = _toy_corpus(with_quotes)
    for engine in ("model", "vader"):
        tone = sentiment.actor_tone(tables, engine)
        assert tone["article_id"].nunique() == 3  # a2 mentions nobody
        pd.testing.assert_frame_equal(tone, _actor_tone_reference(tables, engine),
                                      check_exact=True)
    quoted = tone[tone["surface"] == "Pyongyang"]
    assert quoted["voice"].tolist() == ["quoted"]


def test_tone_arc_smooths_within_each_article_only():
    tables = _toy_corpus()
    arc = sentiment.tone_arc(tables, "vader", window=3)
    for _, part in arc.groupby("article_id"):
        expected = part["score"].rolling(3, center=True, min_periods=1).mean()
        np.testing.assert_array_equal(part["smoothed"].to_numpy(), expected.to_numpy())


def test_engine_scores_wide_samples_a_seeded_capped_set_when_an_engine_is_missing():
    tables = _toy_corpus()
    full = sentiment.engine_scores_wide(tables, ["vader", "nltk_vader"])
    n_total = len(full)
    assert not full.attrs["sampled"] and full.attrs["n_total"] == n_total >= 5
    assert sentiment.agreement_sample_note(full) == ""
    first = sentiment.engine_scores_wide(tables, ["vader", "nltk_vader"], max_scored=3, seed=1)
    again = sentiment.engine_scores_wide(tables, ["vader", "nltk_vader"], max_scored=3, seed=1)
    pd.testing.assert_frame_equal(first, again)
    assert len(first) == 3 and first.attrs["sampled"] and first.attrs["n_total"] == n_total
    assert first.attrs["scored_here"] == ["nltk_vader"]
    # Sampled rows keep corpus order and carry the same scores as the full table.
    key = ["article_id", "sentence_id"]
    merged = first.merge(full, on=key, suffixes=("", "_full"))
    assert len(merged) == 3
    np.testing.assert_array_equal(merged["nltk_vader"], merged["nltk_vader_full"])
    order = full.reset_index()[key + ["index"]].merge(first[key], on=key)["index"]
    assert order.is_monotonic_increasing
    seeds = {tuple(sentiment.engine_scores_wide(tables, ["vader", "nltk_vader"], max_scored=3,
                                                seed=s)["sentence_id"]) for s in range(6)}
    assert len(seeds) > 1
    note = sentiment.agreement_sample_note(first)
    assert f"3 of {n_total}" in note and "sample" in note
    # Engines already in the annotations are never sampled, whatever the cap.
    present = sentiment.engine_scores_wide(tables, ["vader", "textblob"], max_scored=3)
    assert len(present) == n_total and not present.attrs["sampled"]


# Five outlets of 2 articles each: 10 and 40 drew each outlet's tone interval from 2 article
# means (3 distinct resamples) as if it said something about the outlet's coverage.
@pytest.mark.parametrize(("n_articles", "resampled", "note"), [
    (1, "sentences", "one article only"), (3, "sentences", "3 articles only (fewer than 5)"),
    (5, "articles", ""),
])
def test_outlet_scores_resample_articles_only_from_the_minimum(n_articles, resampled, note):
    rows, sentences = [], []
    for i in range(n_articles):
        for sentence_id, score in enumerate([0.5, -0.3]):
            rows.append((f"a{i}", sentence_id, "vader", "all", score, score, np.nan, np.nan, 5,
                         "marks"))
            sentences.append((f"a{i}", sentence_id, 0, 0, 1, "x"))
    tables = {
        "sentiment": pd.DataFrame(rows, columns=sentiment.SENTIMENT_COLUMNS),
        "sentences": pd.DataFrame(sentences, columns=["article_id", "sentence_id",
                                                      "paragraph_id", "start", "end", "text"]),
        "articles": pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                                  "outlet": "Daily"}),
    }
    row = sentiment.outlet_scores(tables, "vader").iloc[0]
    assert row["resampled"] == resampled and row["note"].startswith(note)
