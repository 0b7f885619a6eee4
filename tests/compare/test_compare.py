"""Tests of newsprism.compare.outlets and its modules (keyness, similarity, sourcing, hedging, claims,
profiles, summary). The notebook run lives in test_compare_notebook.py."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from newsprism.compare import outlets as compare
from newsprism.compare.claims import sentence_claims
from newsprism.compare.hedging import find_hedges, poisson_rate_ci
from newsprism.compare.keyness import STOPWORDS
from newsprism.compare.similarity import independent_voices
from newsprism.core import paths
from newsprism.pipeline.annotate import ArticleInput, annotate

FIXTURE = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"


@pytest.fixture(scope="module")
def fixture_tables() -> dict[str, pd.DataFrame]:
    return annotate(FIXTURE).tables


@pytest.fixture(scope="module")
def fixture_result(fixture_tables) -> dict[str, pd.DataFrame]:
    return compare.compare_outlets(fixture_tables)


@pytest.fixture(scope="module")
def bundled_articles() -> pd.DataFrame:
    from newsprism.corpus.readers import load_corpus

    return load_corpus().articles


def _articles(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "outlet", "text"])


# --- 2. log-odds with informative Dirichlet prior ---------------------------------------------


def test_log_odds_matches_hand_computed_toy_example():
    # counts: x: A=4, B=1 ; y: A=2, B=5. Default prior = corpus counts: a_x = 5, a_y = 7, a0 = 12.
    # n_A = 6, n_B = 6. For term x, group A (i) against the rest B (j):
    #   delta = log((4 + 5) / (6 + 12 - 4 - 5)) - log((1 + 5) / (6 + 12 - 1 - 5))
    #         = log(9 / 9) - log(6 / 12) = log 2
    #   var   = 1 / (4 + 5) + 1 / (1 + 5) = 1/9 + 1/6
    counts = pd.DataFrame({"A": [4, 2], "B": [1, 5]}, index=["x", "y"])
    table = compare.log_odds_dirichlet(counts).set_index(["term", "group"])
    expected_delta = math.log(9 / 9) - math.log(6 / 12)
    expected_z = expected_delta / math.sqrt(1 / 9 + 1 / 6)
    assert table.loc[("x", "A"), "delta"] == pytest.approx(expected_delta)
    assert table.loc[("x", "A"), "z"] == pytest.approx(expected_z)
    # Term y, group A: log((2+7)/(6+12-2-7)) - log((5+7)/(6+12-5-7)) = log(9/9) - log(12/6)
    assert table.loc[("y", "A"), "delta"] == pytest.approx(-math.log(2))
    assert table.loc[("y", "A"), "z"] == pytest.approx(-math.log(2) / math.sqrt(1 / 9 + 1 / 12))
    # With two groups, B against the rest is A's mirror image.
    assert table.loc[("x", "B"), "delta"] == pytest.approx(-expected_delta)
    assert set(table.columns) >= {"delta", "z"} and len(table) == 4


def test_log_odds_with_explicit_prior():
    # Uniform prior a_w = 1 (a0 = 2). x, A: log((4+1)/(6+2-4-1)) - log((1+1)/(6+2-1-1))
    counts = pd.DataFrame({"A": [4, 2], "B": [1, 5]}, index=["x", "y"])
    table = compare.log_odds_dirichlet(counts, prior=pd.Series({"x": 1.0, "y": 1.0}))
    row = table[(table.term == "x") & (table.group == "A")].iloc[0]
    delta = math.log(5 / 3) - math.log(2 / 6)
    assert row["delta"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / math.sqrt(1 / 5 + 1 / 2))
    with pytest.raises(ValueError):
        compare.log_odds_dirichlet(counts, prior=pd.Series({"x": 1.0}))  # y has no prior


def test_informative_prior_keeps_function_words_from_dominating(bundled_articles):
    # Without the stopword list, raw frequency ranks are mostly function words; the
    # informative prior must rank far fewer of them among the top terms.
    counts = compare.term_counts(bundled_articles, stopwords=False)
    by_prior = compare.distinctive_terms(bundled_articles, top=10, stopwords=False)
    prior_share = by_prior["term"].isin(STOPWORDS).mean()
    raw_share = pd.concat([counts[g].nlargest(10) for g in counts.columns]).index.isin(
        STOPWORDS).mean()
    assert raw_share > 0.6
    assert prior_share < 0.5 and prior_share < raw_share / 2
    with_list = compare.distinctive_terms(bundled_articles, top=10)
    assert not with_list["term"].isin(STOPWORDS).any()


def test_kwic_snippets_point_at_the_term(bundled_articles):
    hits = compare.kwic(bundled_articles, "trench", limit=None)
    assert len(hits) >= 2
    texts = bundled_articles.set_index("article_id")["text"]
    for rec in hits.itertuples(index=False):
        assert texts[rec.article_id][rec.start:rec.end].lower() == "trench"


# --- 3. similarity and copying ------------------------------------------------------------------


def test_planted_copied_paragraph_is_found(fixture_tables):
    articles = fixture_tables["articles"]
    passages = compare.find_copied_passages(articles)
    pairs = {frozenset((a, b)) for a, b in zip(passages.article_a, passages.article_b,
                                                 strict=True)}
    assert frozenset(("hw_01", "dm_01")) in pairs  # the planted syndicated paragraph
    assert frozenset(("hw_01", "pb_01")) in pairs
    texts = articles.set_index("article_id")["text"]
    planted = passages[(passages.article_a == "hw_01") & (passages.article_b == "dm_01")].iloc[0]
    assert "Tumen River" in planted["text_a"] and planted["n_words"] >= 30
    assert texts["hw_01"][planted.start_a:planted.end_a] == planted.text_a
    assert texts["dm_01"][planted.start_b:planted.end_b] == planted.text_b
    # Articles that only share the story's vocabulary are not flagged.
    assert frozenset(("nd_01", "nd_02")) not in pairs and frozenset(("hw_02", "dm_02")) not in pairs
    voices = independent_voices(articles, passages).set_index("article_id")["voice_id"]
    assert voices["hw_01"] == voices["dm_01"] == voices["pb_01"]
    assert voices["hw_02"] != voices["hw_01"]


def test_copy_detection_ignores_case_and_punctuation_but_needs_n_words():
    para = ("Pyongyang has sent thousands of soldiers to the front, where they fight under "
            "Russian command")
    articles = _articles(("a", "A", "Opening line. " + para + "."),
                         ("b", "B", "Another start! " + para.upper().replace(",", ";") + "?"),
                         ("c", "C", "Pyongyang has sent thousands of soldiers elsewhere."))
    passages = compare.find_copied_passages(articles, n=8)
    assert len(passages) == 1 and passages.iloc[0]["n_words"] == len(para.split())
    assert compare.find_copied_passages(articles, n=30).empty


def test_ngrams_in_too_many_articles_do_not_pair_them_alone():
    boiler = "this article was produced by the agency and may not be reproduced in any form"
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
                             "text": [f"Story {k} about the letters. {boiler}." for k in "xyz"]})
    # stock_phrases=False: the boilerplate, held by every article, would otherwise be stock
    every = compare.find_copied_passages(articles, stock_phrases=False)
    assert len(every) == 3 and every.attrs["n_common_ngrams"] == 0
    assert compare.find_copied_passages(articles).attrs["n_stock_passages"] == 3
    capped = compare.find_copied_passages(articles, max_holders=2, stock_phrases=False)
    shared_words = len(f"about the letters {boiler}".split())  # after "Story x"
    assert len(capped) == 0 and capped.attrs["n_common_ngrams"] == shared_words - 7
    # A pair that also shares a rarer run is still found, with the whole passage.
    articles.loc[1, "text"] = articles.loc[0, "text"]
    rarer = compare.find_copied_passages(articles, max_holders=2, stock_phrases=False)
    assert rarer[["article_a", "article_b"]].values.tolist() == [["a", "b"]]
    assert rarer["n_words"].iloc[0] == len(articles.loc[0, "text"].split())


def test_pair_budget_aligns_the_pairs_sharing_most_first():
    long = " ".join(f"word{k}" for k in range(40))
    short = " ".join(f"term{k}" for k in range(30))
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": list("ABCD"),
                             "text": [long, "Intro. " + long, short, "Other. " + short]})
    every = compare.find_copied_passages(articles)
    assert every[["article_a", "article_b"]].values.tolist() == [["a", "b"], ["c", "d"]]
    budget = compare.find_copied_passages(articles, max_pairs=1)
    assert budget[["article_a", "article_b"]].values.tolist() == [["a", "b"]]
    assert budget.attrs["n_candidate_pairs"] == 2 and budget.attrs["n_pairs_compared"] == 1
    voices = compare.independent_voices(articles, every, max_listed=0)
    assert voices["n_copies"].tolist() == [1, 1, 1, 1]
    assert voices["copies"].tolist() == ["… 1 more"] * 4


def test_article_similarity_of_a_large_corpus_is_a_stratified_sample():
    words = ["letter", "troops", "alliance", "trench", "blood", "summit", "missile", "treaty"]
    articles = pd.DataFrame({
        "article_id": [f"a{i:03d}" for i in range(300)],
        "outlet": ["big"] * 200 + ["mid"] * 90 + ["tiny"] * 10,
        "text": [" ".join(words[(i + k) % 8] for k in range(i % 5 + 2)) for i in range(300)]})
    matrix = compare.similarity_matrix(articles, max_articles=30)
    assert matrix.attrs["n_total"] == 300 and 3 <= len(matrix) <= 30
    outlets = articles.set_index("article_id").loc[matrix.index, "outlet"]
    assert outlets.value_counts().to_dict() == {"big": 20, "mid": 9, "tiny": 1}
    assert list(matrix.index) == sorted(matrix.index)  # table order kept
    assert matrix.equals(compare.similarity_matrix(articles, max_articles=30))  # seeded
    assert len(compare.similarity_matrix(articles.head(20), max_articles=30)) == 20


def test_similarity_matrix_article_and_outlet_levels(fixture_tables):
    articles = fixture_tables["articles"]
    by_article = compare.similarity_matrix(articles)
    by_outlet = compare.similarity_matrix(articles, level="outlet")
    assert by_article.shape == (8, 8) and by_outlet.shape == (4, 4)
    assert by_article.loc["hw_01", "hw_01"] == pytest.approx(1.0)
    # The article sharing a paragraph with hw_01 is more similar to it than an unrelated one.
    assert by_article.loc["hw_01", "dm_01"] > by_article.loc["hw_01", "pb_02"]
    with pytest.raises(ValueError):
        compare.similarity_matrix(articles, level="sentence")


# --- 4. sourcing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, category, source", [
    ("According to the Korean Central News Agency, Kim wrote.", "state_media", "KCNA"),
    ("The Pyongyang Central News Agency (CTAK) said so.", "state_media", "KCNA"),
    ("TASS reported the letter.", "state_media", "TASS"),
    ("South Korea's National Intelligence Service (NIS) estimates it.", "intelligence_defence",
     "South Korea's NIS"),
    ("The UK Ministry of Defence noted it.", "intelligence_defence", "UK Ministry of Defence"),
    ("The Institute for the Study of War (ISW) disagrees.", "intelligence_defence", "ISW"),
    ("Analysts say the move matters.", "vague_attribution", "analysts say"),
    ("Observers note the timing.", "vague_attribution", "observers note"),
    ("Sources close to the army agree.", "vague_attribution", "sources close to"),
    ("Experts warn of escalation.", "vague_attribution", "experts warn"),
    ("Reports have surfaced of orders.", "vague_attribution", "unattributed reports"),
    ("According to Lee Sung-ho, it is new.", "according_to", "Lee Sung-ho"),
])
def test_sourcing_finds_each_kind_of_attribution(sentence, category, source):
    found = compare.sourcing_table(_articles(("a", "A", sentence)))
    assert ((found["category"] == category) & (found["source"] == source)).any(), found
    row = found.iloc[0]
    assert sentence[row["start"]:row["end"]] == row["cue"]


def test_sourcing_does_not_match_lowercase_acronyms_or_double_count():
    found = compare.sourcing_table(_articles(
        ("a", "A", "The tennis club met. The Korean Central News Agency (KCNA) reported it.")))
    assert list(found["source"]) == ["KCNA"]  # "tennis" is not NIS; KCNA counted once


def test_sourcing_rates_are_per_1000_words(fixture_result):
    rates = fixture_result["sourcing_rates"].set_index(["outlet", "category"])
    vague = rates.loc[("Pulse Blog", "vague_attribution")]
    assert vague["count"] >= 5  # "analysts say", "observers note", "reports have surfaced"...
    assert vague["estimate"] == pytest.approx(1000 * vague["count"] / vague["n"])
    assert vague["ci_low"] <= vague["estimate"] <= vague["ci_high"]
    assert rates.loc[("Northern Dispatch", "state_media"), "count"] >= 4


# --- 5. hedging ----------------------------------------------------------------------------------


def test_hedges_skip_proper_nouns_and_quoted_speech():
    articles = _articles(("a", "A", 'Kim may visit. Crowds filled May Day Stadium. '
                                    '"It might rain," he said. It is clearly true.'))
    markers = find_hedges(articles)
    assert list(markers["marker"]) == ["may", "clearly", "true"]
    assert "might" in set(find_hedges(articles, voice="all")["marker"])


def test_poisson_ci_contains_the_rate_and_narrows_with_exposure():
    low, high = poisson_rate_ci(10, 1000)
    assert low < 10 < high
    low2, high2 = poisson_rate_ci(100, 10000)
    assert high2 - low2 < high - low
    assert poisson_rate_ci(0, 500)[0] == 0.0


# --- 1. outlet profiles ---------------------------------------------------------------------------


def _duplicate_outlet(tables: dict[str, pd.DataFrame], outlet: str) -> dict[str, pd.DataFrame]:
    """Every table with the outlet's articles added a second time under new ids."""
    ids = set(tables["articles"].loc[tables["articles"]["outlet"] == outlet, "article_id"])
    doubled = {}
    for name, table in tables.items():
        if isinstance(table, pd.DataFrame) and "article_id" in table and len(table):
            copy = table[table["article_id"].isin(ids)].copy()
            copy["article_id"] = copy["article_id"] + "_dup"
            doubled[name] = pd.concat([table, copy], ignore_index=True)
        else:
            doubled[name] = table
    return doubled


def test_duplicating_an_outlets_articles_leaves_its_rates_unchanged(fixture_tables):
    before = compare.outlet_profiles(fixture_tables).set_index("outlet")
    after = compare.outlet_profiles(_duplicate_outlet(fixture_tables, "Harbor Wire")).set_index(
        "outlet")
    assert after.loc["Harbor Wire", "n_articles"] == 2 * before.loc["Harbor Wire", "n_articles"]
    assert after.loc["Harbor Wire", "n_words"] == 2 * before.loc["Harbor Wire", "n_words"]
    # The rates compared below are real numbers here, not NaN on both sides.
    assert (before.loc["Harbor Wire", ["hedges_per_1k", "intelligence_per_1k",
                                       "state_media_per_1k"]] > 0).all()
    rates = ["tone_author", "subjectivity", "quotes_per_1k", "top_speaker_share", "hedges_per_1k",
             "boosters_per_1k", "anonymous_per_1k", "state_media_per_1k", "intelligence_per_1k",
             "frames_per_1k", "words_per_article"]
    for column in rates:
        pd.testing.assert_series_equal(before[column], after[column], check_names=False,
                                       obj=column)
    assert (before["top_frames"] == after["top_frames"]).all()
    hedges_before = compare.hedging_rates(fixture_tables["articles"])
    hedges_after = compare.hedging_rates(_duplicate_outlet(fixture_tables, "Harbor Wire")[
        "articles"])
    assert hedges_before["estimate"].tolist() == pytest.approx(
        hedges_after["estimate"].tolist())


def test_profiles_degrade_without_upstream_tables(fixture_tables):
    profiles = compare.outlet_profiles({"articles": fixture_tables["articles"]})
    assert len(profiles) == 4
    assert profiles["tone_author"].isna().all() and profiles["quotes_per_1k"].isna().all()
    assert (profiles["hedges_per_1k"] > 0).any()
    assert profiles.set_index("outlet").loc["Pulse Blog", "anonymous_per_1k"] > 0


def test_profiles_use_author_voice_of_the_sentiment_table():
    articles = _articles(("a", "A", "One. Two."), ("b", "B", "Three."))
    sentiment = pd.DataFrame({
        "article_id": ["a", "a", "a", "b"], "sentence_id": [0, 1, 0, 0],
        "engine": ["vader"] * 4, "voice": ["author", "author", "quoted", "author"],
        "compound": [0.5, 0.1, -0.9, -0.2], "subjectivity": [None, None, None, None]})
    profiles = compare.outlet_profiles({"articles": articles, "sentiment": sentiment})
    tone = profiles.set_index("outlet")["tone_author"]
    assert tone["A"] == pytest.approx(0.3) and tone["B"] == pytest.approx(-0.2)


# --- 6. claims -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, quantity, unit, qualifier", [
    ("Pyongyang has sent around 15,000 troops to Russia.", "15000", "troops", "around"),
    ("At least 600 of those soldiers have died.", "600", "troops killed", "at least"),
    ("On Dec. 27, Kim Jong Un sent a New Year's message to Putin.", "--12-27",
     "date of new year letter", ""),
    ("Kim responded on January 8, 2026, to a birthday letter.", "2026-01-08",
     "date of birthday letter", ""),
    ("The letter was sent on December 27, 2025.", "2025-12-27", "date of letter", ""),
])
def test_claims_are_normalised_with_unit_and_qualifier(sentence, quantity, unit, qualifier):
    claims = sentence_claims(sentence)
    assert len(claims) == 1
    claim = claims[0]
    assert (claim["quantity"], claim["unit"], claim["qualifier"]) == (quantity, unit, qualifier)


def test_qualified_scan_finds_the_matches_of_the_combined_pattern():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st
    from newsprism.compare import claims

    pieces = ["at least", "At  Least", "over", "some", "handsome", "an estimated", "estimated",
              "up to", "15,000", "600", "2016", "1.5", "3 million", "two", "Two", "thousands",
              "tens of thousands", "someone", "ABOUT", "nearly", "troops", "killed", "5%", "x",
              "-", ",", ".", "\u00a0", "\n", "as many as", "close to"]
    text = st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(["", " ", "  "])),
                    max_size=14).map(lambda parts: "".join(a + b for a, b in parts))

    def reference(core):  # the pattern the scan stands for: optional qualifier, space, core
        return re.compile(rf"(?:(?P<qualifier>{claims._QUALIFIERS})\s+)?{core.pattern}",
                          re.IGNORECASE)

    cores = [claims._NUMBER_CORE, claims._WORD_NUMBER_CORE]
    combined = [reference(core) for core in cores]

    @settings(max_examples=400, deadline=None, derandomize=True, database=None)
    @given(text)
    def check(sentence):
        for core, whole in zip(cores, combined, strict=True):
            first = next(iter(core.groupindex))  # "number" or "word"
            ours = [(m.span(), m.group("qualifier"), m.start(first), m.group(first))
                    for m in claims._qualified(core, sentence)]
            theirs = [(m.span(), m.group("qualifier"), m.start(first), m.group(first))
                      for m in whole.finditer(sentence)]
            assert ours == theirs

    check()


@pytest.mark.parametrize("sentence, subject", [
    ("On Dec. 27, Kim Jong Un sent a New Year\u2019s message to Putin.", "Kim Jong Un"),
    ("Kim Jong Un's New Year letter, dated December 27, 2025, was long.", "Kim Jong Un"),
    ("On January 8, 2026, Kim answered a birthday letter from Putin.", "Putin"),
])
def test_date_claims_name_the_sender_not_the_occasion_or_recipient(sentence, subject):
    assert sentence_claims(sentence)[0]["subject"] == subject


def test_years_and_names_with_numbers_are_not_counts():
    assert sentence_claims("In 2025 Unit 528 cleared mines.") == []


def test_planted_numeric_conflict_is_flagged_but_formatting_is_not(fixture_result):
    groups = fixture_result["claim_groups"].set_index("unit")
    # Harbor Wire "around 15,000", Daily Meridian "15000", Pulse Blog "as many as 20,000".
    assert groups.loc["troops", "status"] == "agree"
    assert groups.loc["troops", "n_outlets"] == 3
    # ... but hw_01, dm_01 and pb_01 share a paragraph: one independent voice, not three.
    assert groups.loc["troops", "n_voices"] == 1
    assert groups.loc["troops killed", "n_voices"] == 2
    # Harbor Wire "at least 600 ... have died" vs Northern Dispatch "about 300 soldiers killed".
    assert groups.loc["troops killed", "status"] == "conflict"
    # New Year letter dated December 27 (two outlets) vs December 25 (Northern Dispatch).
    assert groups.loc["date of new year letter", "status"] == "conflict"
    assert groups.loc["date of birthday letter", "status"] == "agree"


def test_group_claims_on_minimal_articles():
    def status(*texts: str) -> str:
        articles = _articles(*[(f"a{i}", f"O{i}", t) for i, t in enumerate(texts)])
        groups = compare.group_claims(compare.extract_claims(articles))
        return groups.set_index("unit").loc["troops", "status"]

    assert status("Kim sent 15,000 troops.", "Kim sent 15000 troops.") == "agree"
    assert status("Kim sent 15,000 troops.", "Kim sent 12,000 troops.") == "conflict"
    assert status("Kim sent about 15,000 troops.", "Kim sent 14,000 troops.") == "agree"
    assert status("Kim sent at least 10,000 troops.", "Kim sent 15,000 troops.") == "agree"
    assert status("Kim sent 15,000 troops.", "He sent 15,000 troops too.").startswith("agree")
    assert status("Kim sent thousands of troops.", "Kim sent 15,000 troops.") == "agree"
    assert status("Kim sent hundreds of troops.", "Kim sent 15,000 troops.") == "conflict"


def test_spelled_out_counts_only_when_they_count_something_known():
    [claim] = sentence_claims("Two soldiers who were captured by Kyiv want to defect.")
    assert (claim["quantity"], claim["unit"]) == ("2", "troops captured")
    assert sentence_claims("The two countries signed one treaty.") == []
    assert sentence_claims("Russia sent 1.5 million shells.")[0]["quantity"] == "1500000"


def test_generic_letter_date_joins_the_specific_letter_and_senders_are_compared():
    articles = _articles(
        ("a", "A", "On Dec. 27, Kim Jong Un sent a New Year letter to Putin."),
        ("b", "B", "Kim sent the message on December 27, 2025."),
        ("c", "C", "Putin sent a New Year letter to Kim on December 27, 2025."))
    groups = compare.group_claims(compare.extract_claims(articles)).set_index("unit")
    assert groups.loc["date of new year letter", "n_outlets"] == 3
    assert groups.loc["date of new year letter", "status"] == "sender conflict"


def test_article_claims_step_contract():
    article = ArticleInput("x", "Around 15,000 troops went. On Dec. 27 Kim wrote a letter.", "en")
    rows = compare.article_claims(article, {}, None)
    assert {"article_id", "sentence_id", "quantity", "unit", "subject", "qualifier", "start",
            "end", "text"} <= set(rows.columns)
    for rec in rows.itertuples(index=False):
        assert article.text[rec.start:rec.end] == rec.text
    assert compare.article_claims(ArticleInput("y", "Etwa 15.000 Soldaten.", "de"), {}, None).empty


# --- 7. summary ----------------------------------------------------------------------------------


def test_summaries_state_planted_traits_with_evidence_anchors(fixture_result):
    summaries = fixture_result["summaries"]
    assert set(summaries["outlet"]) == {"Harbor Wire", "Daily Meridian", "Northern Dispatch",
                                        "Pulse Blog"}
    assert summaries["anchor"].str.match(r"40_source_comparison\.html#[a-z-]+$").all()
    pulse = summaries[summaries["outlet"] == "Pulse Blog"]["statement"]
    # Pulse Blog's planted vague attribution and its 7 hedges lead their rates, but from 2
    # articles (fewer than MIN_ARTICLES): no rate is stated or tested, and its size says why.
    hedges = fixture_result["hedging_rates"].query("kind == 'hedge'").set_index("outlet")
    assert hedges["estimate"].idxmax() == "Pulse Blog"
    assert pd.isna(hedges.loc["Pulse Blog", "q_value"])
    assert not pulse.str.contains("vague or anonymous attribution|hedges").any()
    assert pulse.str.contains("2 articles, .* Fewer than 5 articles: no interval").any()
    meridian = summaries[summaries["outlet"] == "Daily Meridian"]
    assert (meridian["section"] == "copies").any()
    dispatch = summaries[summaries["outlet"] == "Northern Dispatch"]
    assert (dispatch["section"] == "claims").any()
    findings = compare.findings_text(summaries)
    assert findings and all("[evidence: 40_source_comparison.html#" in f for f in findings)


def test_compare_outlets_degrades_with_one_outlet_and_no_upstream_tables(fixture_tables):
    one = fixture_tables["articles"].query("outlet == 'Harbor Wire'")
    german = one.iloc[:1].assign(article_id="de_01", outlet="Zeitung", language="de",
                                 text="Rund 15.000 Soldaten, sagen Analysten.")
    result = compare.compare_outlets({"articles": pd.concat([one, german]), "quotes": None})
    assert result["terms"].empty  # a single outlet has nothing to be contrasted with
    assert list(result["profiles"]["outlet"]) == ["Harbor Wire"]  # German article not compared
    assert result["claim_groups"]["status"].eq("single outlet").all()
    assert result["profiles"]["tone_author"].isna().all()
    assert (result["sourcing_rates"]["count"] > 0).any()


def test_html_helpers_escape_article_text_and_outlet_names():
    from newsprism.compare.similarity import passages_html
    from newsprism.compare.summary import summaries_html

    para = "<script>alert(1)</script> the two leaders exchanged letters pledging support to each other"
    articles = _articles(("a", "<b>Evil</b>", "Intro. " + para), ("b", "B", "Other. " + para))
    rendered = passages_html(compare.find_copied_passages(articles))
    assert "</script>" not in rendered and "&lt;/script&gt;" in rendered
    assert "<b>Evil</b>" not in rendered
    profiles = pd.DataFrame({"outlet": ["<i>X</i>", "Y"], "n_articles": [1, 1],
                             "n_words": [100, 100]})
    html_list = summaries_html(compare.outlet_summaries(profiles))
    assert "<i>X</i>" not in html_list and "&lt;i&gt;X&lt;/i&gt;" in html_list
    assert "href='#outlet-profiles'" in html_list


@pytest.mark.parametrize("sentence", [
    "A three-day visit.", "Some one-third of them.", "Two's company.", "TEN troops",
    "dozens\u00a0died", "Tens of thousands marched.", "threefold", "Someone came.",
    "ninety", "one1", "_two_", "X-ray nine", "no number here", "Kim's \u201celeven\u201d",
])
def test_number_word_prefilter_never_skips_a_sentence_the_scan_would_match(sentence):
    """The prefilter's letter runs are what ``\\b`` delimits, not core.text's words: to those,
    "three-day" is one word and no number word, so a prefilter built on them would drop it."""
    from newsprism.compare import claims
    from newsprism.core.text import words

    if claims._WORD_NUMBER_CORE.search(sentence):
        assert claims._may_have_number_word(sentence)
    hyphenated = "A three-day visit."
    assert claims._WORD_NUMBER_CORE.search(hyphenated)
    assert claims._NUMBER_WORDS.isdisjoint(words(hyphenated))
