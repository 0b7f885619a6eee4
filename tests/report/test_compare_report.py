"""The source comparison's sections: tables saved as computed, readings true of them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.report import compare_sections as compare_report

FIXTURE = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"


@pytest.fixture(scope="module")
def ctx():
    return compare_report.prepare(str(FIXTURE))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_summary_findings_are_the_statements_recorded(ctx, tmp_path):
    group = compare_report.summary_section(ctx, str(tmp_path))
    assert group.findings and any("Pulse Blog" in f for f in group.findings)
    reading = group.parts[1].reading
    # the fixture's outlets have fewer than 5 articles each: the limits note comes first
    assert group.findings[0].startswith("This corpus has 4 outlets and 8 articles: every outlet")
    # a key finding links its evidence (test_findings_evidence), the limits note too
    assert group.findings[0].endswith("[evidence: 40_source_comparison.html#summary; "
                                      "tables/comparison_summaries.csv]")
    assert f"{len(group.findings) - 1} statements" in reading
    assert reading == reading.strip() and "  " not in reading
    assert (tmp_path / "tables" / "comparison_summaries.csv").exists()


def test_every_section_saves_its_tables(ctx, tmp_path):
    out = str(tmp_path)
    for section in (compare_report.profiles_section, compare_report.frame_rates_section,
                    compare_report.similarity_section, compare_report.copied_section,
                    compare_report.sourcing_section, compare_report.hedging_section,
                    compare_report.claims_section):
        section(ctx, out).html()
    compare_report.vocabulary_section(ctx, out, kwic_per_term=1).html()
    saved = {p.stem for p in (tmp_path / "tables").glob("*.csv")}
    assert {"comparison_outlet_profiles", "comparison_outlet_tone", "comparison_frame_rates",
            "comparison_distinctive_terms", "comparison_copied_passages",
            "comparison_independent_voices", "comparison_sourcing_rates",
            "comparison_hedging_rates", "comparison_claims", "comparison_claim_groups",
            # the quotation rate's "q = 0.021 over every outlet and measure tested" (324
            # PolNeAR train articles) was in no saved table
            "comparison_rate_tests"} <= saved
    tests = pd.read_csv(tmp_path / "tables" / "comparison_rate_tests.csv")
    assert {"outlet", "measure", "estimate", "p_value", "q_value"} <= set(tests.columns)


def test_headline_lists_tables_and_skipped_steps_in_words(ctx):
    # it printed a Python dict of row counts and "skipped steps: {}"
    lines = ctx.headline.split("\n")
    n_sentences = len(ctx.annotations.tables["sentences"])
    assert f"sentences {n_sentences:,}," in lines[1] and lines[1].endswith("skipped steps: none")
    assert "{" not in ctx.headline


def test_claims_reading_counts_the_groups_table(ctx, tmp_path):
    group = compare_report.claims_section(ctx, str(tmp_path))
    groups = ctx.result["claim_groups"]
    conflicts = int(groups["status"].isin(["conflict", "sender conflict"]).sum())
    assert group.parts[1].reading.startswith(f"{conflicts} group")  # none unclear here
    assert f"and {int((groups['status'] == 'agree').sum())} agree" in group.parts[1].reading


@pytest.mark.parametrize("frames, expected", [
    (pd.DataFrame({"outlet": ["A", "B"], "frame": ["war", "aid"], "estimate": [2.0, 3.5]}),
     "The densest framing is **aid** in **B** (pooled over its articles: 3.5 per 1,000 "
     "words)."),
    (pd.DataFrame(columns=["outlet", "frame", "estimate"]), "No frames table is available"),
])
def test_frame_rate_reading_names_the_densest_cell(frames, expected):
    assert compare_report.frame_rate_reading(frames).startswith(expected)


def test_frame_rate_reading_compares_the_densest_cell_with_the_next_outlet():
    # Synthetic 300-article run: "The densest framing is conflict in Die Zeit Test (9.7 per
    # 1,000 words)" -- 4 English articles, no interval, no comparison.
    frames = pd.DataFrame({"outlet": ["A", "B", "A"], "frame": ["war", "war", "aid"],
                           "estimate": [9.7, 8.0, 1.0], "ci_low": [6.0, 7.0, 0.5],
                           "ci_high": [13.9, 9.0, 1.5]})
    assert ("(pooled over its articles: 9.7 per 1,000 words, 95% CI 6.0 to 13.9; next for this frame: B, 8.0, inside "
            "its interval, so the data do not rank it first)") in \
        compare_report.frame_rate_reading(frames)


def test_similarity_reading_names_the_extremes_of_the_pairs():
    pairs = pd.DataFrame({"a": ["A", "A"], "b": ["B", "C"], "cosine": [0.91, 0.23]})
    text = compare_report.similarity_reading(pairs)
    # the bundled report read "the least similar pair scores 0.15" without naming the pair
    assert "**A** and **B** (cosine 0.91)" in text
    assert "the least similar, **A** and **C**, score 0.23" in text
    assert compare_report.similarity_reading(pairs.iloc[:0]) == ""
    assert "least" not in compare_report.similarity_reading(pairs.iloc[:1])  # one pair only


def test_passages_note_says_what_was_set_aside():
    passages = pd.DataFrame()
    passages.attrs.update(n_common_ngrams=1200, n_candidate_pairs=50, n_pairs_compared=20)
    note = compare_report.passages_note(passages, 8)
    assert "1,200 8-word runs found in more than 100 articles" in note
    assert "Of 50 article pairs sharing a run, the 20 sharing the most were aligned." in note


@pytest.mark.parametrize(("q_value", "expected"), [
    (0.2, "does not survive the Benjamini-Hochberg correction over every outlet and measure "
          "tested (q = 0.2), so the lead is not clear"),
    (0.01, "below its interval)"),
])
def test_densest_frame_reading_uses_the_summary_family_decision(q_value, expected):
    # The reading said "below its interval" (a clear lead) for a frame cell the summary had
    # dropped after the Benjamini-Hochberg correction.
    frames = pd.DataFrame({"outlet": ["A", "B"], "frame": ["conflict"] * 2,
                           "estimate": [30.0, 10.0], "ci_low": [20.0, 5.0],
                           "ci_high": [40.0, 18.0], "q_value": [q_value, 1.0]})
    assert expected in compare_report.frame_rate_reading(frames)


def test_densest_frame_without_an_interval_is_not_ranked():
    # 40 shares 20's frame rates: one article per outlet gives no interval (articles are the
    # bootstrap unit), so "nan to nan" or "below its interval" would be false.
    frames = pd.DataFrame({"outlet": ["A", "B"], "frame": ["conflict"] * 2,
                           "estimate": [30.0, 10.0], "ci_low": [float("nan")] * 2,
                           "ci_high": [float("nan")] * 2, "q_value": [0.01, 1.0]})
    text = compare_report.frame_rate_reading(frames)
    assert "no interval: fewer than 5 articles" in text and "nan" not in text
    assert "so the data do not rank it first" in text


def test_terms_reading_states_the_size_of_its_family():
    # On the bundled corpus the reading said the uncorrected passes were expected "among
    # thousands of terms"; 775 term x outlet scores were tested.
    from newsprism.compare import keyness
    from newsprism.corpus.readers import load_corpus

    articles = load_corpus(str(paths.ROOT / "data" / "corpora" / "kim_putin_letters_2026")).articles
    terms = keyness.distinctive_terms(articles, top=10)
    counts = keyness.term_counts(articles, exclude_names=True)
    tested = int((counts > 0).sum().sum())
    assert (terms["n_tested"] == tested).all()
    text = compare_report.terms_reading(terms)
    assert "thousands" not in text
    assert f"over the {tested:,} term × outlet scores tested" in text


# PolNeAR train (120 articles per outlet): "51 of 70 listed terms are distinctive at q < 0.05
# ... With few articles per outlet, most differences are within chance" contradicted itself.
@pytest.mark.parametrize("significant, says_chance", [
    ([True] * 7 + [False] * 3, False),
    ([True] * 5 + [False] * 5, False),
    ([True] * 2 + [False] * 8, True),
])
def test_terms_reading_says_chance_only_when_most_listed_terms_are_not_distinctive(
        significant, says_chance):
    terms = pd.DataFrame({"z": [5.0] * 10, "significant": significant})
    reading = compare_report.terms_reading(terms)
    assert f"{sum(significant)} of 10 listed terms" in reading
    assert ("within chance" in reading) == says_chance
    assert "few articles per outlet" not in reading


def test_voices_table_shows_articles_that_copy_first():
    # PolNeAR train: the table's first 60 of 840 rows were Breitbart articles that copy nothing.
    voices = pd.DataFrame({"article_id": list("abcdef"), "outlet": list("AABBCC"),
                           "voice_id": [0, 1, 2, 3, 1, 3]})
    shown = compare_report.voices_by_size(voices)
    assert shown["article_id"].tolist() == ["b", "e", "d", "f", "a", "c"]
    assert len(shown) == len(voices)


def _two_outlet_rates() -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B"] * 2,
                         "measure": ["quotes_per_1k"] * 2 + ["hedges_per_1k"] * 2,
                         "count": [30, 20, 9, 8], "n": [1000] * 4,
                         "estimate": [30.0, 20.0, 9.0, 8.0],
                         "ci_low": [25.0, 15.0, 7.0, 6.0], "ci_high": [35.0, 25.0, 11.0, 10.0]})


def test_profiles_reading_says_how_its_quotation_rate_differs_from_30s():
    # PolNeAR train: 40 said Western Journalism quotes most (pooled 16.6 per 1,000 words),
    # 30 said Politico (mean of article rates 16.5), and neither said why.
    text = compare_report.profiles_reading(_two_outlet_rates())
    assert text.startswith("**A** has the highest rate of direct quotations of 2 outlets "
                           "(pooled over its articles: 30.0 per 1,000 words, 95% CI 25.0 "
                           "to 35.0")
    assert "30_quotes averages each article's rate instead" in text


def test_profiles_reading_states_the_pooling_and_the_one_article_interval():
    # It said pooling made "an outlet with more or longer articles weigh no more than one with
    # a single short piece" (pooling weighs each word, so long articles weigh more) and that
    # intervals resample articles, while a one-article outlet's interval is exact Poisson.
    text = compare_report.profiles_reading(_two_outlet_rates())
    assert "weighs no more than" not in text
    assert "so its longer articles weigh more" in text
    assert "for an outlet with fewer than 5 articles they are exact Poisson intervals" in text
    assert "no lead or test rests on them" in text


@pytest.mark.parametrize("n_articles, said, unsaid", [
    # PolNeAR's 120-article outlets read "with exact 95% Poisson confidence intervals" while
    # hedging_rates resamples their articles (Poisson only for a one-article outlet).
    ([120, 120], "95% intervals that resample the outlet's articles", "Poisson for an outlet"),
    ([120, 1], "resample the outlet's articles, never narrower than the exact Poisson interval; "
               "exact Poisson for an outlet with fewer than 5 articles", "one article per outlet"),
    ([120, 4], "exact Poisson for an outlet with fewer than 5 articles", "per outlet:"),
    ([1, 1], "exact 95% Poisson intervals (one article per outlet", "resample"),
    ([2, 4], "exact 95% Poisson intervals (fewer than 5 articles per outlet", "resample"),
])
def test_hedging_caption_names_the_interval_the_rates_carry(n_articles, said, unsaid):
    note = compare_report.rate_interval_note(pd.DataFrame({"n_articles": n_articles}))
    assert said in note and unsaid not in note


def test_terms_and_hedging_readings_of_one_outlet_say_why_nothing_is_listed():
    # A one-outlet corpus read "0 of 0 listed terms are distinctive at q < 0.05 ..." and "No
    # outlet has any hedging here, so there is nothing to rank. Overlapping intervals mean a
    # difference could be chance at this corpus size."
    terms = compare_report.terms_reading(pd.DataFrame(columns=["z", "significant", "n_tested"]))
    assert terms.startswith("No term is listed") and "0 of 0" not in terms
    rates = pd.DataFrame({"outlet": ["A", "A"], "kind": ["hedge", "booster"], "count": [0, 0],
                          "n": [300, 300], "n_articles": [3, 3], "estimate": [0.0, 0.0],
                          "ci_low": [0.0, 0.0], "ci_high": [9.0, 9.0]})
    assert "Overlapping intervals" not in compare_report.hedging_reading(rates)


def test_claims_reading_counts_unclear_conflicts_apart():
    # PolNeAR train read "3 groups of claims disagree across outlets" while the summary said
    # each of the three "may not count the same thing" (27 subjects; an outlet giving 13 values).
    groups = pd.DataFrame({"status": ["conflict", "conflict", "agree"],
                           "subjects": ["Abusalha; Afghanistan; Among", "Kim", "Kim"],
                           "values": ["1 (A, B); 10 (C)", "600 (A); 700 (B)", "5 (A); 5 (B)"]})
    text = compare_report.claims_reading(groups)
    assert text.startswith("1 group of claims disagrees across outlets, 1 more gives different "
                           "figures that may not count the same thing")
    assert "and 1 agree;" in text


@pytest.mark.parametrize("statuses, outlets, must, must_not", [
    # One outlet gives every claim: "0 groups disagree across outlets and 0 agree" compared nothing.
    (["single", "single"], ("City Daily",), "Only City Daily gives numbers or dates",
     "0 agree"),
    ([], (), "No numbers or dates were found", "0 groups"),
    (["single", "agree"], ("A", "B"), "and 1 agree;", "Only"),
])
def test_claims_reading_with_fewer_than_two_outlets_compares_nothing(statuses, outlets, must,
                                                                     must_not):
    groups = pd.DataFrame({"status": statuses, "subjects": [""] * len(statuses),
                           "values": [""] * len(statuses)})
    text = compare_report.claims_reading(groups, outlets)
    assert must in text and must_not not in text


def test_outlet_mean_similarity_caption_counts_english_articles(tmp_path):
    """Only English articles are compared: the caption must not call them all the articles."""
    from types import SimpleNamespace

    n = compare_report.ARTICLE_HEATMAP_MAX + 10
    ids = [f"a{k}" for k in range(n)]
    english = pd.DataFrame({"article_id": ids, "outlet": [f"O{k % 3}" for k in range(n)],
                            "text": [f"story {k} about the harbour and the mayor" for k in range(n)]})
    fake = SimpleNamespace(n_articles=n, english=english)
    sim = pd.DataFrame(0.5, index=ids, columns=ids)
    part = compare_report.article_similarity_part(fake, sim, str(tmp_path), "test")
    assert f"over all {n} English articles" in part.caption


@pytest.mark.parametrize(("values", "voices", "must", "must_not"), [
    # PolNeAR train: "1 agree" for "20 (Breitbart); at least 9 (Western Journalism)", 20
    # children killed at one school and 9 people in Munich.
    (["20 (Breitbart); at least 9 (Western Journalism)"], [2],
     "and 1 agree (1 of them with different figures that can both hold", "independent voice"),
    # Two outlets carrying the same articles: 3 agreements from one voice each.
    (["around 15000 (Twin A, Twin B)", "2 (Twin A, Twin B)", "at least 600 (Twin A, Twin B)"],
     [1, 1, 1], "and 3 agree (3 of them rest on one independent voice", "different figures"),
    (["5 (A); 5 (B)"] * 0 + ["5 (A, B)"], [2], "and 1 agree; the rest", "of them"),
])
def test_claims_reading_says_what_an_agreement_rests_on(values, voices, must, must_not):
    groups = pd.DataFrame({"status": "agree", "subjects": "", "values": values,
                           "n_voices": voices})
    text = compare_report.claims_reading(groups)
    assert must in text and must_not not in text


def test_profiles_table_says_which_frames_do_not_beat_their_baseline(ctx):
    # 324 PolNeAR train articles: the profiles' top_frames read "conflict (4.0/1k); ..." with
    # no word that the conflict cues do not beat 'always present', said wherever else frames
    # are counted (frame rates, 20, 50).
    from newsprism.framing.shares import codebook_validity

    caption = compare_report.profiles_section(ctx, "").parts[0].caption
    assert "frames_per_1k, top_frames: " + codebook_validity(ctx.codebook) + "." in caption
