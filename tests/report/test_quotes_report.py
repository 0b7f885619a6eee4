"""The quotations notebook's sections: readings true of their tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.quotes import stats as quote_stats
from newsprism.report import quotes_sections as quotes_report

FIXTURE = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"


@pytest.fixture(scope="module")
def ctx():
    return quotes_report.prepare(str(FIXTURE), n_boot=100)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _rates(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B"][:len(values)], "estimate": values,
                         "ci_low": [v / 2 for v in values], "ci_high": [v * 2 for v in values],
                         "n": [6, 1][:len(values)]})


@pytest.mark.parametrize("per_1000, share, expected", [
    (_rates([4.0, 1.5]), _rates([0.2, 0.3]),
     ["**A** has the highest rate of speech quotations (mean of its articles' rates: 4.0 per "
      "1,000 words, 95% CI 2.0 to 8.0, n = 6 articles; next: B, 1.5).",
      "is 30.0% (**B**, mean of its articles' shares; next: A, 20.0%), but from a single "
      "article"]),
    (_rates([]), _rates([]), ["No speech quotation was found, so no rate can be read."]),
])
def test_density_reading_takes_its_figures_from_the_rates(per_1000, share, expected):
    text = quotes_report.density_reading(per_1000, share)
    assert all(part in text for part in expected), text


def test_voice_reading_names_the_speaker_with_the_most_quotations_in_all():
    # Putin's single row is the largest, but Kim has more quotations across outlets (the
    # notebook's reading paired the one's name with the other's count).
    voice = pd.DataFrame({"speaker": ["Kim", "Kim", "Putin", quote_stats.UNATTRIBUTED],
                          "n_quotes": [2, 2, 3, 1]})
    text = quotes_report.voice_reading(voice)
    assert text.startswith("The most quoted speaker is **Kim** (4 quotations across outlets; "
                           "next: Putin, 3).")
    assert "1 of 8 speech quotations has no speaker" in text


def test_voice_matrix_pools_speakers_beyond_the_top():
    voice = pd.DataFrame({"outlet": ["A"] * 3, "speaker": ["Kim", "Putin", "Lee"],
                          "n_quotes": [3, 2, 1], "estimate": [0.5, 0.33, 0.17]})
    matrix = quotes_report.voice_matrix(voice, top_speakers=1)
    assert list(matrix.columns) == ["Kim", "other speakers"]
    assert matrix.loc["A", "other speakers"] == pytest.approx(0.5)


def test_cross_reading_names_who_quoted_the_first_statement():
    cross = pd.DataFrame({"cluster_id": [1, 1, 1], "outlet": ["A", "B", "C"],
                          "quoted": [True, True, False], "coverage": [1.0, 0.6, None],
                          "reference": ["We stand together."] * 3})
    text = quotes_report.cross_reading(cross, 1, 2, 0.75)
    assert "is quoted by A, B; C did not quote it" in text and "shares 60%" in text
    assert quotes_report.cross_reading(cross.iloc[:0], 0, 2, 0.75).startswith("No statement")


def test_sections_save_their_tables_and_findings_count_them(ctx, tmp_path):
    out = str(tmp_path)
    quotes_report.rates_section(ctx, out).html()
    statements = quotes_report.statements_section(ctx, out)
    explorer = quotes_report.explorer_section(ctx, out, statements, max_rows=5)
    assert explorer.max_rows == 5 and len(explorer.table) == len(ctx.quotes)
    assert {"quotes_outlet_rates", "quotes_clusters", "quotes_cross_outlet",
            "quotes_explorer"} <= {p.stem for p in (tmp_path / "tables").glob("*.csv")}
    findings = quotes_report.key_findings(ctx, statements)
    assert findings[0] == (f"{len(ctx.speech)} speech and {len(ctx.quotes) - len(ctx.speech)} "
                           f"term quotations in {len(ctx.english)} English articles. [evidence: "
                           "30_quotes.html#explorer; tables/quotes_explorer.csv]")
    n = statements.facts["n_statements"]
    assert findings[2].startswith(f"{n} statement")


def test_validation_reading_states_the_targets_and_baseline_of_its_table():
    # The reading said "targets: ... speaker accuracy 0.88" beside a table whose status read
    # "below target 0.93", and never named the baseline.
    from newsprism.report.quotes_sections import validation_reading

    rows = [("PolNeAR (all)", "newsprism.quotes", "precision", 0.9561, "ok"),
            ("PolNeAR (all)", "newsprism.quotes", "speaker_accuracy", 0.8895, "below target 0.93"),
            ("PolNeAR (all)", "newsprism.quotes", "f1", 0.9561, "ok"),
            ("PolNeAR (all)", "baseline: double-quote pairs", "f1", 0.9299, "ok"),
            ("PolNeAR (double)", "newsprism.quotes", "precision", 0.9432, "below target 0.95")]
    reading = validation_reading(pd.DataFrame(rows, columns=["dataset", "engine", "metric",
                                                             "value", "status"]))
    assert "speaker accuracy 0.8895 (below target 0.93)" in reading and "0.88)" not in reading
    assert "F1 0.9561 against 0.9299 for baseline: double-quote pairs" in reading
    assert "precision 0.9432 (below target 0.95) on PolNeAR (double)" in reading
    assert "precision 0.9561," in reading  # a met target is not called missed


def test_validation_reading_gives_the_strict_speaker_check_beside_the_lenient_one():
    from newsprism.report.quotes_sections import validation_reading

    status = "no floor (strict: the name must match the gold source's head)"
    rows = [("PolNeAR (all)", "newsprism.quotes", "speaker_accuracy", 0.8940, "below target 0.93"),
            ("PolNeAR (all)", "newsprism.quotes", "speaker_accuracy_strict", 0.8900, status)]
    reading = validation_reading(pd.DataFrame(rows, columns=["dataset", "engine", "metric",
                                                             "value", "status"]))
    assert ("speaker accuracy 0.8940 (below target 0.93), speaker accuracy strict 0.8900 "
            "(no floor; strict: the name must match the gold source's head)") in reading


@pytest.mark.parametrize("counts, expected", [
    ([4, 4, 3], "The most frequent cues are **continue** and **describe**, tied (4 each of 11 "),
    ([5, 4, 3], "The most frequent cue is **describe** (5 of 12 "),
])
def test_cue_reading_names_ties_as_ties(counts, expected):
    # The bundled corpus read "The most frequent cue is describe (4 of 33)"; continue had 4 too.
    cues = pd.DataFrame({"cue_lemma": ["describe", "continue", "say"], "n_quotes": counts,
                         "cue_class": ["neutral"] * 3})
    assert quotes_report.cue_reading(cues).startswith(expected)


def test_key_findings_of_one_article_compare_nothing(one_article_corpus, tmp_path):
    # A one-article corpus read "... in 1 English articles." and "Densest quoting: <outlet>".
    ctx = quotes_report.prepare(str(one_article_corpus), n_boot=50)
    findings = quotes_report.key_findings(ctx, quotes_report.statements_section(ctx, str(tmp_path)))
    assert "term quotations in 1 English article. [evidence: " in findings[0]
    assert findings[1].startswith("One outlet, nothing to compare: ")


def _ranked(estimates, lows, highs, ns) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": estimates, "ci_low": lows,
                         "ci_high": highs, "n": ns, "total": [5, 50, 9]})


@pytest.mark.parametrize("rates, expected, absent", [
    # One-Off Weekly on a realistic corpus: one article (a point "interval") ranked first.
    (_ranked([25.4, 19.5, 13.8], [25.4, 17.5, 12.3], [25.4, 21.6, 15.3], [1, 6, 8]),
     "but from a single article: no interval over articles, so the lead is not established",
     "95% CI 25.4"),
    (_ranked([20.0, 19.5, 13.8], [15.0, 17.5, 12.3], [25.0, 21.6, 15.3], [9, 6, 8]),
     "its interval holds the next outlet's rate, so there is no clear difference", "single"),
    (_ranked([30.0, 19.5, 13.8], [25.0, 17.5, 12.3], [35.0, 21.6, 15.3], [9, 6, 8]),
     "(mean of its articles' rates: 30.0 per 1,000 words, 95% CI 25.0 to 35.0, n = 9 "
     "articles; next: B, 19.5).",
     "no clear"),
])
def test_densest_outlet_is_named_with_its_interval_and_the_next(rates, expected, absent):
    # The reading and the key finding ranked an outlet first from one article, with no
    # interval and no comparison, while 40's reading of the same rate said "no clear difference".
    reading = quotes_report.density_reading(rates, rates.assign(estimate=[0.1, 0.2, 0.3]))
    scare = quotes_report.scare_reading(rates)
    assert expected in reading and expected in scare and absent not in reading


def test_key_finding_on_densest_quoting_keeps_the_caveat(ctx, tmp_path):
    statements = quotes_report.statements_section(ctx, str(tmp_path))
    single = ctx.rates.assign(n=1)
    finding = quotes_report.key_findings(
        quotes_report.QuotesContext(**{**ctx.__dict__, "rates": single}), statements)[1]
    assert "lead is not established" in finding and "**" not in finding


@pytest.mark.parametrize("speakers, n_quotes, starts", [
    # a tie is not "the most quoted speaker"
    (["Kim", "Putin"], [3, 3], "The most quoted speakers are **Kim** and **Putin** (3 "
                               "quotations across outlets)."),
    # pooled anonymous sources are not a speaker
    ([quote_stats.ANONYMOUS, "Putin"], [5, 2], "The most quoted speaker is **Putin** (2 "
                                               "quotations across outlets)."),
])
def test_voice_reading_ties_and_pools(speakers, n_quotes, starts):
    voice = pd.DataFrame({"speaker": speakers, "n_quotes": n_quotes})
    assert quotes_report.voice_reading(voice).startswith(starts)


def test_share_of_voice_counts_one_person_named_two_ways_once(tmp_path):
    # 30_quotes counted "Kim Jong Un" (22) and "Kim Jong-un" (11), "Vladimir Putin" (2) and
    # "Putin" (1) as four speakers of the bundled corpus (no actor registry given).
    ctx = quotes_report.prepare("")
    group = quotes_report.voice_section(ctx, str(tmp_path))
    voice = pd.read_csv(tmp_path / "tables" / "quotes_share_of_voice.csv")
    assert "Putin" not in set(voice["speaker"]) and "Kim Jong-un" not in set(voice["speaker"])
    seo = voice[(voice["outlet"] == "SEO content site") & (voice["speaker"] == "Vladimir Putin")]
    assert seo["speaker_forms"].tolist() == ["Putin (1)"]
    totals = voice.groupby("speaker")["n_quotes"].sum()
    reading = group.parts[1].reading
    assert reading.startswith(f"The most quoted speaker is **{totals.idxmax()}** "
                              f"({totals.max()} quotations across outlets, counted under the "
                              "names Kim Jong Un (23); Kim Jong-un (11)")
    assert "counted as one speaker" in group.parts[0].caption


@pytest.mark.parametrize("actors, merged", [("none", True), ("", True),
                                            ("story", False), ("/p/my_actors.yml", False)])
def test_names_are_merged_only_without_an_actor_registry(actors, merged):
    ctx = quotes_report.QuotesContext(articles=None, english=None, sentences=None,
                                      quotes=pd.DataFrame(), source="x", actors_codebook=actors)
    assert ctx.merge_names == merged
    assert "/" not in ctx.actors_label.removeprefix("data/codebooks/")


def test_validation_reading_does_not_describe_the_corpus_it_has_not_seen():
    # On PolNeAR train (US election news, no translation) it said "accuracy on translated or
    # blog text, as in this corpus, may be lower".
    from newsprism.report.quotes_sections import validation_reading

    rows = pd.DataFrame([("PolNeAR (all)", "newsprism.quotes", "precision", 0.95, "ok")],
                        columns=["dataset", "engine", "metric", "value", "status"])
    reading = validation_reading(rows)
    assert "this corpus" not in reading
    assert "The gold data is US election news" in reading


def test_rate_reading_names_a_rate_not_a_count():
    # The bundled corpus read "News site has the most speech quotations (15.6 per 1,000
    # words ...)" beside a table where SEO content site has 16 quotations and News site 12.
    rates = pd.DataFrame({"outlet": ["News site", "SEO content site", "Op-ed outlet"],
                          "estimate": [15.6, 14.7, 5.5], "ci_low": [15.6, 14.7, 5.5],
                          "ci_high": [15.6, 14.7, 5.5], "n": [1, 1, 1], "total": [12, 16, 5]})
    reading = quotes_report.density_reading(rates, rates.assign(estimate=[0.16, 0.05, 0.04]))
    assert "has the most" not in reading and "quotes least" not in reading
    assert reading.startswith("**News site** has the highest rate of speech quotations (mean of "
                              "its articles' rates: 15.6 per 1,000 words; next: SEO content site, 14.7)")
    assert ("**Op-ed outlet** has the lowest rate of speech quotations (mean of its articles' rates: 5.5 per 1,000 words; "
            "next: SEO content site, 14.7), but from a single article") in reading


@pytest.mark.parametrize("ci_high, expected", [
    # PolNeAR train read "USA Today quotes least (11.7, n = 120 articles)", no interval, no
    # comparison, while its upper bound may hold the next outlet's rate.
    (12.5, "its interval holds the next outlet's rate, so there is no clear difference."),
    (11.9, "n = 120 articles; next: B, 12.0)."),
])
def test_lowest_rate_is_read_against_the_next_outlet(ci_high, expected):
    rates = pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": [16.5, 12.0, 11.7],
                          "ci_low": [15.1, 11.0, 10.6], "ci_high": [18.1, 13.0, ci_high],
                          "n": [120, 120, 120]})
    lowest = quotes_report.top_rate_text(rates, "speech quotations", lowest=True)
    assert lowest.startswith("**C** has the lowest rate of speech quotations (mean of its "
                             "articles' rates: 11.7 per 1,000 words, 95% CI 10.6 to ")
    assert lowest.endswith(expected)


@pytest.mark.parametrize("doubting, n_outlet, expected, absent", [
    # "1 quotation(s) are introduced"; "With few quotations per outlet" on PolNeAR's 7,726
    (1, [10, 4], "1 quotation is introduced by a verb that casts doubt. With few cued "
                 "quotations per outlet (as few as 4)", "(s)"),
    (118, [900, 1200], "118 quotations are introduced by a verb that casts doubt. Shares carry "
                       "95% intervals over each outlet's articles", "With few"),
])
def test_cue_reading_counts_in_words_and_fits_the_corpus_size(doubting, n_outlet, expected,
                                                              absent):
    cues = pd.DataFrame({"outlet": ["A", "B"], "cue_lemma": ["say", "claim"],
                         "cue_class": ["neutral", "doubting"], "n_quotes": [5, doubting],
                         "n": n_outlet})
    reading = quotes_report.cue_reading(cues)
    assert expected in reading and absent not in reading


def test_validation_reading_leaves_the_train_split_out_of_the_held_out_figures():
    # PolNeAR's report read "Also below target: ...; speaker accuracy 0.9256 (below target
    # 0.93) on PolNeAR (double marks only)": a train (in-sample) row read as a held-out one.
    from newsprism.report.quotes_sections import validation_reading

    rows = [("P (all)", "dev", "newsprism.quotes", "speaker_accuracy", 0.8940, "below target 0.93"),
            ("P (all)", "train", "newsprism.quotes", "speaker_accuracy", 0.9254,
             "below target 0.93"),
            ("P (double)", "dev", "newsprism.quotes", "precision", 0.9402, "below target 0.954"),
            ("P (double)", "train", "newsprism.quotes", "speaker_accuracy", 0.9256,
             "below target 0.93")]
    reading = validation_reading(pd.DataFrame(rows, columns=["dataset", "split", "engine",
                                                             "metric", "value", "status"]))
    assert "0.9256" not in reading and "0.9254" not in reading
    assert "precision 0.9402 (below target 0.954) on P (double)" in reading
    assert "The train rows of the table are in-sample" in reading


def test_cluster_table_caption_says_which_clusters_are_statements(ctx, tmp_path):
    # The bundled corpus listed cluster "blood." with n_outlets 2 above the reading "1
    # statement quoted by 2 or more outlets", with nothing to say why it was not counted.
    clusters = quotes_report.statements_section(ctx, str(tmp_path)).parts[0]
    assert "scare quotes included" in clusters.caption
    assert "only when it holds a speech quotation longer than a fragment" in clusters.caption


def test_density_reading_without_quotations_ranks_nothing():
    # A corpus without quotations read "The largest share of text inside quotation marks is
    # 0.0% (City Daily)".
    zero = pd.DataFrame({"outlet": ["City Daily"], "estimate": [0.0], "ci_low": [0.0],
                         "ci_high": [0.0], "n": [3]})
    assert quotes_report.density_reading(zero, zero) == \
        "No speech quotation was found, so no rate can be read."


def test_one_outlet_has_no_highest_rate_and_its_speakers_are_not_across_outlets():
    # A one-outlet corpus read "Alpha has the highest rate of scare quotes (0.1 per 1,000
    # words ...)" and "The most quoted speaker is X (8 quotations across outlets ...)".
    one = pd.DataFrame({"outlet": ["Alpha"], "estimate": [0.1], "ci_low": [0.0],
                        "ci_high": [0.3], "n": [6], "total": [1]})
    text = quotes_report.scare_reading(one)
    assert text.startswith("Only one outlet (**Alpha**, 0.1 per 1,000 words)") and \
        "highest" not in text
    voice = pd.DataFrame({"outlet": ["Alpha", "Alpha"], "speaker": ["Hedge", "Ekovich"],
                          "n_quotes": [8, 5]})
    assert "(8 quotations in all; next: Ekovich, 5)" in quotes_report.voice_reading(voice)


def test_key_finding_without_any_quotation_ranks_no_outlet(ctx, tmp_path):
    # A corpus without quotation marks: "Densest quoting: Alpha has the highest rate of speech
    # quotations (0.0 per 1,000 words, 95% CI 0.0 to 0.0 ...; next: Beta, 0.0)".
    statements = quotes_report.statements_section(ctx, str(tmp_path))
    zero = ctx.rates.assign(estimate=0.0, ci_low=0.0, ci_high=0.0)
    finding = quotes_report.key_findings(
        quotes_report.QuotesContext(**{**ctx.__dict__, "rates": zero}), statements)[1]
    assert finding.startswith("No speech quotations.") and "highest" not in finding


@pytest.mark.parametrize(("keep", "says"), [(1, "from 1 outlet ("), (2, "from 2 outlets (")])
def test_headline_counts_outlets_in_words(keep, says):
    # A one-outlet corpus read "115 quotations ... in 20 of 20 articles from 1 outlets".
    from dataclasses import replace

    ctx = quotes_report.prepare("")
    outlets = sorted(ctx.articles["outlet"].unique())[:keep]
    ctx = replace(ctx, articles=ctx.articles[ctx.articles["outlet"].isin(outlets)])
    assert says in ctx.headline


@pytest.mark.parametrize(("estimates", "lowest", "expected"), [
    # Two outlets carrying the same articles read "Twin A has the highest rate of speech
    # quotations (11.4 ...; next: Twin B, 11.4)".
    ([11.4, 11.4], False, "Both outlets have the same rate of speech quotations (mean of "
                          "their articles' rates: 11.4 per 1,000 words), so neither ranks above the other."),
    ([11.4, 11.4, 3.0], False, "**A** and **B** both have the highest rate of speech "
                               "quotations (mean of their articles' rates: 11.4 per 1,000 words each)."),
    ([11.4, 3.0, 3.0], True, "**B** and **C** both have the lowest rate of speech quotations "
                             "(mean of their articles' rates: 3.0 per 1,000 words each)."),
])
def test_top_rate_text_names_tied_outlets_together(estimates, lowest, expected):
    n = len(estimates)
    table = pd.DataFrame({"outlet": list("ABC")[:n], "estimate": estimates,
                          "ci_low": [e - 2 for e in estimates],
                          "ci_high": [e + 2 for e in estimates], "n": [6] * n})
    assert quotes_report.top_rate_text(table, "speech quotations", lowest=lowest) == expected


def test_top_rate_text_counts_many_outlets_tied_at_zero():
    # The pagetext corpus: "acpjournals.org has the lowest rate of speech quotations (0.0 per
    # 1,000 words; next: blog.amp.dev, 0.0)" while 12 sites had none.
    table = pd.DataFrame({"outlet": [f"site{i:02d}" for i in range(14)],
                          "estimate": [0.0] * 12 + [5.0, 9.0], "ci_low": 0.0, "ci_high": 1.0,
                          "n": 1})
    text = quotes_report.top_rate_text(table, "speech quotations", lowest=True)
    assert text == ("12 outlets, among them **site00**, **site01** and **site02**, have the "
                    "lowest rate of speech quotations (mean of their articles' rates: 0.0 per 1,000 "
                    "words each).")


@pytest.mark.parametrize(("estimates", "totals", "uses"), [
    # Two outlets with the same articles read "Both outlets have the same rate of scare quotes
    # (3.6 per 1,000 words) ... It uses 7 in total."
    ([3.6, 3.6], [7, 7], " They use 7 (A), 7 (B) in total."),
    ([3.6, 1.0], [7, 2], " It uses 7 in total."),
])
def test_scare_reading_counts_the_leaders_uses(estimates, totals, uses):
    table = pd.DataFrame({"outlet": ["A", "B"], "estimate": estimates, "total": totals,
                          "ci_low": [e - 1 for e in estimates],
                          "ci_high": [e + 1 for e in estimates], "n": [6, 6]})
    text = quotes_report.scare_reading(table)
    assert uses in text and ("It uses" in text) == (len(set(estimates)) > 1)


# Five outlets of 2 articles each: 30 read a lead from an interval over 2 articles.
@pytest.mark.parametrize("n, established", [(2, False), (4, False), (5, True)])
def test_top_rate_needs_the_minimum_articles(n, established):
    table = pd.DataFrame({"outlet": ["A", "B"], "estimate": [9.0, 2.0], "ci_low": [8.0, 1.0],
                          "ci_high": [10.0, 3.0], "n": [n, 9]})
    text = quotes_report.top_rate_text(table, "speech quotations")
    assert (f"from {n} articles (fewer than 5): no interval over articles, so the lead is "
            "not established" in text) == (not established)
    assert ("95% CI 8.0 to 10.0" in text) == established


def _shares(estimates, ci_low, n) -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["Western Journalism", "Breitbart", "USA Today"],
                         "estimate": estimates, "ci_low": ci_low,
                         "ci_high": [e + 0.04 for e in estimates], "n": n})


@pytest.mark.parametrize(("share", "expected"), [
    # PolNeAR train, 350 articles: "The largest share of text inside quotation marks is 29.7%
    # (Western Journalism)" while its interval (26.0% to 33.7%) held Breitbart's 28.5%.
    (_shares([0.297, 0.285, 0.129], [0.260, 0.215, 0.104], [50, 50, 50]),
     "is 29.7% (**Western Journalism**, mean of its articles' shares; "
     "95% CI 26.0% to 33.7%, n = 50 articles; next: "
     "Breitbart, 28.5%): its interval holds the next outlet's share, so there is no clear "
     "difference."),
    (_shares([0.297, 0.185, 0.129], [0.260, 0.150, 0.104], [50, 50, 50]),
     "is 29.7% (**Western Journalism**, mean of its articles' shares; "
     "95% CI 26.0% to 33.7%, n = 50 articles; next: "
     "Breitbart, 18.5%)."),
    (_shares([0.297, 0.185, 0.129], [0.297, 0.150, 0.104], [1, 50, 50]),
     "(**Western Journalism**, mean of its articles' shares; next: Breitbart, 18.5%), but "
     "from a single article"),
    (_shares([0.297, 0.297, 0.129], [0.260, 0.215, 0.104], [50, 50, 50]),
     "is 29.7% (**Breitbart** and **Western Journalism** each, mean of their articles' "
     "shares)."),
    # The share pooled over characters can put another outlet first: said in the sentence.
    (_shares([0.297, 0.285, 0.129], [0.260, 0.215, 0.104], [50, 50, 50]).assign(
        pooled=[0.219, 0.301, 0.123]),
     "no clear difference; pooled instead (all its quoted characters over all its characters),"
     " **Breitbart** is highest (30.1%) and **Western Journalism** has 21.9%."),
])
def test_largest_quoted_share_is_read_against_the_next_outlet(share, expected):
    per_1000 = share.assign(estimate=[17.8, 15.2, 12.0], ci_low=[15.7, 12.3, 9.9],
                            ci_high=[19.9, 18.1, 14.0])
    assert expected in quotes_report.density_reading(per_1000, share)


@pytest.mark.parametrize(("pooled", "lowest", "expected"), [
    # 350 PolNeAR-train articles: "Politico has the highest rate of speech quotations (17.9 per
    # 1,000 words ...)" on the mean over articles, while pooled Western Journalism leads.
    ([14.96, 17.67, 11.54], False,
     "; pooled instead (all its speech quotations over all its words), **Western Journalism** "
     "is highest (17.7 per 1,000 words) and **Politico** has 15.0 per 1,000 words."),
    ([17.9, 17.67, 11.54], False, "no clear difference."),
    ([14.96, 17.67, 11.54], True, "n = 50 articles; next: Western Journalism, 17.8)."),
    ([14.96, 10.0, 11.54], True,
     "; pooled instead (all its speech quotations over all its words), **Western Journalism** "
     "is lowest (10.0 per 1,000 words) and **USA Today** has 11.5 per 1,000 words."),
])
def test_top_rate_text_names_its_rate_and_a_different_pooled_leader(pooled, lowest, expected):
    table = pd.DataFrame({"outlet": ["Politico", "Western Journalism", "USA Today"],
                          "estimate": [17.9, 17.8, 12.0], "ci_low": [15.1, 15.7, 9.9],
                          "ci_high": [20.7, 19.9, 12.2], "n": [50, 50, 50], "pooled": pooled})
    text = quotes_report.top_rate_text(table, "speech quotations", lowest=lowest)
    assert "(mean of its articles' rates: " in text and text.endswith(expected), text
    assert ("pooled instead" in text) == (expected.startswith("; pooled"))


@pytest.mark.parametrize(("run_validation", "present", "says", "unsaid"), [
    # 350 PolNeAR-train articles run with run_validation false read "PolNeAR is not present (or
    # the run was switched off)" while PolNeAR was present.
    (False, True, "the quick run is switched off (parameter run_validation = False), so",
     "not present"),
    (False, False, "switched off (parameter run_validation = False); PolNeAR is not present "
                   "either, so", "(or"),
    (True, False, "PolNeAR is not present, so no quick run could be made, so", "switched off"),
    (True, True, "the quick run on PolNeAR gave no result, so", "not present"),
])
def test_no_validation_text_says_which_reason_holds(run_validation, present, says, unsaid):
    text = quotes_report.no_validation_text(run_validation, present)
    assert says in text and unsaid not in text, text
    assert text.endswith("is **not established** here.")


def test_validation_section_names_the_switched_off_run(monkeypatch):
    from newsprism.core import validate

    monkeypatch.setattr(validate, "load_results", lambda: pd.DataFrame())
    reading = quotes_report.validation_section(run_validation=False).reading
    assert "(or the run was switched off)" not in reading
    assert "parameter run_validation = False" in reading
