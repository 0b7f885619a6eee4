"""The framing notebook's sections: readings true of their tables."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.report import framing_sections as framing_report

LABELS = {"war": "War alliance", "aid": "Aid"}


def test_prevalence_reading_takes_every_figure_from_the_top_row():
    table = pd.DataFrame({
        "outlet": ["A", "A", "B", "B"], "frame": ["war", "war", "aid", "aid"],
        "measure": ["share_of_sentences", "per_1000_words"] * 2,
        "estimate": [0.1, 3.0, 0.4, 12.5], "ci_low": [0.05, 1.0, 0.3, 9.0],
        "ci_high": [0.2, 5.0, 0.5, 16.0], "n": [20, 400, 10, 160]})
    text = framing_report.prevalence_reading(table, LABELS)
    assert text.startswith("The most prevalent outlet × frame cell is **Aid** in **B**: 40% of "
                           "its 10 sentences (95% CI 30%–50%), 12.5 hits per 1,000 words.")
    none = table.assign(estimate=0.0)
    assert framing_report.prevalence_reading(none, LABELS).startswith("No frame cue")


@pytest.mark.parametrize("q, min_expected, starts, small", [
    ([0.01, 0.2], [2, 8], "1 of 2 frames differs across outlets at q < 0.05 (War alliance)", 1),
    ([0.5, 0.2], [6, 8], "0 of 2 frames differ across outlets at q < 0.05.", 0),
])
def test_tests_reading_counts_the_tests_table(q, min_expected, starts, small):
    # PolNeAR train (no small cell) read "Small-n caveat: 0 frame(s) have an expected count
    # below 5".
    tests = pd.DataFrame({"frame": ["war", "aid"], "q_value": q, "min_expected": min_expected})
    text = framing_report.frame_tests_reading(tests, LABELS)
    assert text.startswith(starts)
    assert (f"caveat:** {small} frame(s)" in text) == bool(small)
    assert "0 frame(s)" not in text and "Each article counts once" in text


@pytest.mark.parametrize("q, starts", [
    # One outlet: nothing is tested, and "0 of 2 frames differ" would read as a result.
    ([float("nan")] * 2, "None of the 2 frames could be tested across outlets"),
    ([0.01, float("nan")], "1 of 2 frames differs across outlets at q < 0.05 (War alliance); 1 "
                           "could not be tested."),
])
def test_tests_reading_says_what_could_not_be_tested(q, starts):
    tests = pd.DataFrame({"frame": ["war", "aid"], "q_value": q, "min_expected": [None, None]})
    assert framing_report.frame_tests_reading(tests, LABELS).startswith(starts)


def test_voice_reading_names_the_most_quoted_cell():
    voices = pd.DataFrame({"outlet": ["A", "B"], "frame": ["war", "aid"], "author": [5, 1],
                           "quoted": [1, 3]})
    text = framing_report.voice_reading(voices, LABELS)
    assert text.startswith("4 of 10 hits are in quoted speech; the most is **Aid** in **B** "
                           "(3 quoted hits): 3 of its 4 hits are quoted: that frame is partly")
    assert framing_report.voice_reading(voices.assign(quoted=0), LABELS).startswith("No frame")


def test_word_choice_reading_lists_outlets_preferring_the_first_side():
    choices = pd.DataFrame({"pair": ["p", "p", "q", "q"],
                            "side": ["regime", "government", "troops", "soldiers"]})
    leanings = pd.DataFrame({"pair": ["p", "p", "q"], "outlet": ["A", "B", "A"],
                             "preferred": ["regime", "regime", "soldiers"]})
    text = framing_report.word_choice_reading(choices, leanings)
    assert text.startswith("'regime' is the preferred wording of A, B. A count")
    none = leanings.assign(preferred="")
    assert framing_report.word_choice_reading(choices, none).startswith("No outlet prefers")
    assert framing_report.word_choice_reading(choices, none.iloc[:0]).startswith("No outlet")



def test_word_choice_reading_shows_how_many_hits_a_preference_rests_on():
    # "'liberation' is the preferred wording of Pro-Kremlin translation" rested on 1 hit vs 0.
    choices = pd.DataFrame({"pair": ["p", "p"], "side": ["liberation", "incursion"]})
    leanings = pd.DataFrame({"pair": ["p", "p"], "outlet": ["A", "B"],
                             "preferred": ["liberation", "liberation"],
                             "counts": ["liberation: 1; incursion: 0",
                                        "liberation: 7; incursion: 2"]})
    text = framing_report.word_choice_reading(choices, leanings)
    assert text.startswith("'liberation' is the preferred wording of A (1 vs 0 hits), "
                           "B (7 vs 2 hits).")

def test_sections_on_the_bundled_corpus_agree_with_their_findings(tmp_path):
    ctx = framing_report.prepare("", codebook="story")
    out = str(tmp_path)
    prevalence = framing_report.prevalence_section(ctx, out, n_boot=100)
    dominant = framing_report.dominant_section(ctx, out)
    tests = framing_report.frame_tests_section(ctx, out)
    findings = framing_report.key_findings(ctx, prevalence, dominant, tests)
    table = prevalence.facts["prevalence"]
    top = table[table["measure"] == "share_of_sentences"].sort_values(
        "estimate", ascending=False).iloc[0]
    assert findings[0].startswith(f"Most prevalent frame cell: {ctx.labels[top['frame']]} in "
                                  f"{top['outlet']}")
    # one article per outlet: the frame tests compare articles, so none is made, and both the
    # reading and the finding say why
    assert tests.tables["framing_tests"]["q_value"].isna().all()
    assert findings[-1].startswith("Frame differences across outlets are not tested: every "
                                   "outlet has one article")
    assert tests.reading.startswith(f"None of the {len(tests.tables['framing_tests'])} frames "
                                    "could be tested across outlets: every outlet has one article")
    import matplotlib.pyplot as plt

    plt.close("all")


_CUSTOM_FRAMES = """codebook: {name}
version: 1
title: A custom test codebook
frames:
  - id: talks
    label: Talks
    description: Negotiation.
    cues: [talks]
"""
_ONE_PAIR = """naming_pairs:
  - id: talks_vs_negotiations
    label: '"talks" vs "negotiations"'
    sides:
      - name: talks
        cues: [talks]
      - name: negotiations
        cues: [negotiations]
"""


def _codebook(tmp_path, kind: str):
    """A codebook as the researcher chose it: a shipped name or a YAML file of their own."""
    if kind in ("story", "generic"):
        return kind
    path = tmp_path / f"{kind}.yml"
    path.write_text(_CUSTOM_FRAMES.format(name=kind) + (_ONE_PAIR if kind == "custom_pair"
                                                        else ""), encoding="utf-8")
    return str(path)


# codebook -> the naming pairs the word-choice table may show (only the codebook's own)
@pytest.mark.parametrize("kind, pairs", [
    ("story", {"operation_vs_war", "liberation_vs_incursion", "north_korea_styling"}),
    ("generic", set()),
    ("custom_none", set()),
    ("custom_pair", {"talks_vs_negotiations"}),
])
def test_word_choice_comes_only_from_the_chosen_codebook(tmp_path, kind, pairs):
    from newsprism.framing.codebook import load_codebook

    book = load_codebook(_codebook(tmp_path, kind))
    english = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                            "text": ["The war talks went on.", "The SVO negotiations failed."]})
    ctx = framing_report.FramingContext(book, english, pd.DataFrame(), pd.DataFrame(),
                                        pd.DataFrame(), "test corpus", "all", False)
    group = framing_report.word_choice_section(ctx, str(tmp_path))
    saved = pd.read_csv(tmp_path / "tables" / "framing_word_choice.csv")
    assert set(saved["pair"]) == {p.id for p in book.naming_pairs}
    assert pairs <= set(saved["pair"])
    if pairs:
        assert "defines no naming pairs" not in group.html()
    else:
        assert len(saved) == 0 and len(group.parts) == 1
        assert (f"Codebook &#x27;{book.name}&#x27; defines no naming pairs, so there is no "
                "word choice to compare; add `naming_pairs:` to the codebook") in group.html()


# codebook -> whether the figures saved under its name are shown as its validity
@pytest.mark.parametrize("kind, validated", [
    ("story", True), ("generic_questions", True),
    ("story_copy", False), ("generic_questions_copy", False),  # same `codebook:` name, another file
])
def test_only_a_shipped_codebook_file_gets_its_saved_validity(tmp_path, kind, validated):
    import shutil

    from newsprism.framing.codebook import load_codebook, resolve_codebook_path
    from newsprism.framing.shares import codebook_validity

    name = kind.removesuffix("_copy")
    source = resolve_codebook_path(name)
    if kind.endswith("_copy"):
        source = shutil.copy(source, tmp_path / "my_frames.yml")
    book = load_codebook(source)
    assert book.name == name and book.shipped is validated
    text = codebook_validity(book)
    assert (text == "Validity: not validated on gold data") is not validated
    saved, origin = framing_report._saved_validation(book, run_validation=False)
    if not validated:
        assert saved.empty and origin.startswith("none")


@pytest.mark.parametrize("codebook", ["story", "generic"])
def test_validation_readings_name_the_codebook_in_use_and_the_baseline(codebook):
    # With the generic codebook the first reading was empty (it only read 'story' rows), and no
    # reading set the detector beside a trivial baseline.
    ctx = framing_report.prepare("", codebook=codebook)
    group = framing_report.validation_section(ctx)
    first, agreement = group.parts[0], group.parts[1]
    assert first.reading.startswith(f"Weakest frame of codebook '{codebook}': f1[")
    # in-sample F1 beside the NFC validity note of the same caption, and said which is which
    assert agreement.reading.startswith("In-sample (the bundled corpus's paragraphs")
    assert "F1 beats the always-present baseline" in agreement.reading
    if codebook == "generic":  # the validity note ends "...: conflict, responsibility", and
        # the caption went on ", computed now on the cleaned corpus)" as if a third frame
        assert agreement.caption.endswith("Does NOT beat the baseline: conflict, "
                                          "responsibility.")
    scores = agreement.table
    f1 = scores[scores["measure"] == "f1"]
    gold = f1["tp"] + f1["fn"]
    assert f"run from {int(gold.min())} to {int(gold.max())}" in agreement.reading
    # The agreement caption named tests/gold/frames_gold.csv, a file that does not exist.
    from newsprism.core import paths

    named = agreement.facts["source"].split(",")[0]
    assert (paths.ROOT / named).is_file() and named == "data/gold/frames_gold.csv"


@pytest.mark.parametrize("estimates, lows, expected", [
    # other_story: "Most prevalent frame cell: Responsibility in Regional Wire (19% of 16
    # sentences, 95% CI 0%-38%)": ranked first with an interval reaching 0 and no comparison.
    ([0.19, 0.10], [0.0, 0.05], "(95% CI 0%–38%; next for this frame: B, 10%, inside its "
                                "interval, so the data do not rank A first)"),
    ([0.45, 0.10], [0.30, 0.05], "(95% CI 30%–38%; next for this frame: B, 10%, below its "
                                 "interval)"),
])
def test_top_frame_cell_is_compared_with_the_next_outlet(estimates, lows, expected):
    table = pd.DataFrame({
        "outlet": ["A", "A", "B", "B"], "frame": ["war"] * 4,
        "measure": ["share_of_sentences", "per_1000_words"] * 2,
        "estimate": [estimates[0], 3.0, estimates[1], 2.0], "ci_low": [lows[0], 1.0, lows[1], 1.0],
        "ci_high": [0.38, 5.0, 0.15, 3.0], "n": [16, 400, 10, 160]})
    assert expected in framing_report.prevalence_reading(table, LABELS)


def test_generic_prevalence_names_the_frames_its_detector_does_not_support(tmp_path):
    # Synthetic 300-article run: "Most prevalent frame cell: Conflict in Die Zeit Test" was a
    # key finding; the generic conflict cues score F1 0.71 on NFC articles, below always-present.
    import matplotlib.pyplot as plt

    ctx = framing_report.prepare("", codebook="generic")
    out = str(tmp_path)
    prevalence = framing_report.prevalence_section(ctx, out, n_boot=50)
    reading = prevalence.parts[1].reading
    assert "conflict, responsibility: the cue detector does not beat 'always present'" in reading
    findings = framing_report.key_findings(ctx, prevalence, framing_report.dominant_section(
        ctx, out), framing_report.frame_tests_section(ctx, out))
    top = prevalence.facts["prevalence"].query("measure == 'share_of_sentences'").sort_values(
        "estimate", ascending=False).iloc[0]
    weak = top["frame"] in {"conflict", "responsibility"}
    assert ("does not beat 'always present'" in findings[0]) == weak
    plt.close("all")


def test_the_generic_codebook_caption_gives_its_nfc_figures():
    from newsprism.framing.shares import codebook_validity

    text = codebook_validity("generic")
    assert text.startswith("Validity (any cue hit in an article, NFC, F1 vs always-present)")


def test_bundled_corpus_prevalence_has_no_sentence_intervals_and_the_caption_says_so(tmp_path):
    # 20_framing read "53% of its 19 sentences (95% CI 32%–74%)" for an outlet of one article:
    # sentences resampled as if independent. Articles are the unit; one article, no interval.
    import matplotlib.pyplot as plt

    ctx = framing_report.prepare("", codebook="generic")
    prevalence = framing_report.prevalence_section(ctx, str(tmp_path), n_boot=50)
    table = prevalence.facts["prevalence"]
    single = table["n_articles"] < 5
    assert single.all()  # the bundled corpus: one article per outlet
    assert table.loc[single, ["ci_low", "ci_high"]].isna().all().all()
    caption = prevalence.parts[0].caption
    assert "resampling whole articles (cluster bootstrap" in caption
    outlets = ", ".join(sorted(table["outlet"].unique()))
    assert f"no interval for outlets with fewer than 5 articles: {outlets}." in caption
    assert "no interval: 1 article" in prevalence.parts[1].reading
    assert "95% CI" not in prevalence.parts[1].reading
    plt.close("all")


@pytest.mark.parametrize("resample, n_articles, expected", [
    (["article", "article"], [3, 2], "resampling whole articles (cluster bootstrap: sentences "
                                     "of one article are not independent)."),
    (["article", "none (fewer than 5 articles)"], [6, 3], "fewer than 5 articles: B."),
    (["sentence", "sentence"], [1, 1], "resampling single sentences"),
])
def test_interval_caption_names_the_unit_from_the_table(resample, n_articles, expected):
    table = pd.DataFrame({"outlet": ["A", "B"], "resample": resample,
                          "n_articles": n_articles})
    assert expected in framing_report.interval_caption(table)


def test_top_cell_without_an_interval_is_not_ranked():
    table = pd.DataFrame({
        "outlet": ["A", "A", "B", "B"], "frame": ["war"] * 4,
        "measure": ["share_of_sentences", "per_1000_words"] * 2,
        "estimate": [0.5, 3.0, 0.1, 2.0], "ci_low": [float("nan")] * 4,
        "ci_high": [float("nan")] * 4, "n": [16, 400, 10, 160], "n_articles": [1] * 4})
    text = framing_report.prevalence_reading(table, LABELS)
    assert ("(no interval: 1 article (fewer than 5), and intervals resample articles; next "
            "for this frame: B, "
            "10%, and without an interval the data do not rank A first)") in text
    assert "below its interval" not in text


@pytest.mark.parametrize("frames, expected", [
    (["conflict"] * 4 + ["human_interest"], "conflict dominates 4 of 5 articles (next: "
                                            "human_interest, 1). "),
    # a tie is not "the dominant frame of most articles"
    (["conflict", "conflict", "economic", "economic"], "conflict and economic each dominate 2 "
                                                       "of 4 articles. "),
])
def test_dominant_reading_names_runner_up_and_ties(frames, expected):
    assert framing_report.dominant_count_text(pd.DataFrame({"dominant_frame": frames})) == expected


def test_dominant_finding_carries_the_weak_detector_note(tmp_path):
    # "Dominant frame in 4 of 5 articles: conflict" was a key finding with no word that the
    # generic conflict cues do not beat 'always present' on NFC (the prevalence finding had it).
    import matplotlib.pyplot as plt

    ctx = framing_report.prepare("", codebook="generic")
    out = str(tmp_path)
    prevalence = framing_report.prevalence_section(ctx, out, n_boot=50)
    dominant = framing_report.dominant_section(ctx, out)
    findings = framing_report.key_findings(ctx, prevalence, dominant,
                                           framing_report.frame_tests_section(ctx, out))
    line = next(f for f in findings if f.startswith("Dominant frame: "))
    # frames named by their codebook label, as every other reading names them
    # frames read English articles only: the index line says so (853 pages, 163 English)
    assert line.startswith("Dominant frame: Conflict dominates 4 of 5 English articles (next: "
                           "Human interest, 1)")
    assert dominant.reading.startswith("**Conflict** dominates 4 of 5 articles")
    assert "conflict: the cue detector does not beat 'always present'" in line
    assert "conflict: the cue detector does not beat" in dominant.reading
    # the bundled corpus has one article per outlet: the finding says why nothing is tested
    tests_line = next(f for f in findings if "across outlets" in f)
    assert "not tested: every outlet has one article" in tests_line
    plt.close("all")


def test_article_decisions_name_the_article_and_outlet_not_a_list_position():
    # PolNeAR train: 4,200 decisions were listed by "text_index" 0..839, which names no
    # article a reader can find.
    from newsprism.framing.presence import frame_presence

    articles = pd.DataFrame({
        "article_id": ["a1", "b1", "b2"], "outlet": ["A", "B", "B"],
        "text": ["Rivals clashed in a bitter dispute over the budget.",
                 "The family mourned their child.", "Costs rose and the market fell."]})
    presence = frame_presence(list(articles["text"]), "generic_questions")
    table = framing_report.decisions_table(articles, presence)
    assert "text_index" not in table and len(table) == len(presence)
    for (article_id, outlet), part in table.groupby(["article_id", "outlet"]):
        index = articles.index[articles["article_id"] == article_id][0]
        expected = presence[presence["text_index"] == index]
        assert articles.loc[index, "outlet"] == outlet
        assert part["score"].tolist() == expected["score"].tolist()


@pytest.mark.parametrize("frames, expected", [
    # PolNeAR train: "conflict dominates 342 of 840 articles", no runner-up, and cue examples
    # ('troops', 'alliance') from the bundled story's codebook, not the generic one in use.
    (["conflict"] * 4 + ["economic"] * 2 + ["(none)"] * 3 + ["conflict = economic"],
     "**conflict** dominates 4 of 10 articles (next: economic, 2; 3 articles without a frame "
     "hit; 1 tied)"),
    (["(none)"] * 5 + ["war"] * 2, "**war** dominates 2 of 7 articles (5 articles without"),
    (["war"], "**war** dominates 1 of 1 articles. "),
])
def test_dominant_reading_names_the_runner_up_and_counts_none_and_ties_apart(frames, expected):
    reading = framing_report.dominant_reading(pd.DataFrame({"dominant_frame": frames}))
    assert reading.startswith(expected)
    assert "troops" not in reading


def test_tests_reading_says_why_one_article_per_outlet_is_not_tested():
    from newsprism.framing.stats import ONE_ARTICLE_CAVEAT

    tests = pd.DataFrame({"frame": ["war", "aid"], "q_value": [float("nan")] * 2,
                          "min_expected": [None, None], "caveat": ONE_ARTICLE_CAVEAT})
    text = framing_report.frame_tests_reading(tests, LABELS)
    assert text.startswith("None of the 2 frames could be tested across outlets: every outlet "
                           "has one article")


def test_the_validity_note_ends_before_the_counts_and_the_codebook_title(tmp_path):
    # 20_framing read "Does NOT beat the baseline: conflict, responsibility: 5 frames; 123 frame
    # hits" and "...: conflict, responsibility: Generic news frames (Semetko & Valkenburg
    # 2000)", as if the frames or the title were the frames below baseline.
    ctx = framing_report.prepare("", codebook="generic")
    assert "responsibility. 5 frames; " in ctx.headline
    caption = framing_report.codebook_section(ctx, str(tmp_path)).caption
    assert caption.startswith(f"{ctx.book.title}: the frames of codebook 'generic'")
    assert "responsibility:" not in ctx.headline + caption


def test_voice_reading_says_every_hit_when_a_frame_is_only_quoted():
    # The bundled corpus: Morality in News site, 4 of 4 hits quoted, read "that frame is
    # partly the sources' words".
    voices = pd.DataFrame({"outlet": ["News site"], "frame": ["war"], "author": [0],
                           "quoted": [4]})
    text = framing_report.voice_reading(voices, LABELS)
    assert "partly" not in text
    assert "(4 quoted hits): every one of its 4 hits is quoted" in text


@pytest.mark.parametrize("frames, whose", [(["conflict"], "so its figures here are"),
                                           (["conflict", "responsibility"],
                                            "so their figures here are")])
def test_weak_frames_note_agrees_in_number(frames, whose):
    # "conflict: the cue detector does not beat ... so their figures here are not evidence"
    from newsprism.report.compare_sections import weak_frames_note

    assert whose in weak_frames_note("generic", frames)


def test_most_prevalent_cell_names_a_next_cell_of_another_frame_inside_its_interval():
    # PolNeAR train: "The most prevalent outlet × frame cell is Economic consequences in New
    # York Times: 11% (95% CI 9%–14%; next for this frame: USA Today, 6%, below its
    # interval)": Conflict in New York Times (10%), inside that interval, went unsaid, and
    # "Overlapping intervals mean the data cannot rank the outlets" followed intervals that
    # did not overlap.
    table = pd.DataFrame({
        "outlet": ["NYT", "NYT", "USA", "USA", "NYT", "NYT"],
        "frame": ["aid", "aid", "aid", "aid", "war", "war"],
        "measure": ["share_of_sentences", "per_1000_words"] * 3,
        "estimate": [0.112, 6.2, 0.06, 3.6, 0.097, 5.0],
        "ci_low": [0.090, 4.8, 0.05, 3.0, 0.082, 4.0], "ci_high": [0.136, 7.6, 0.07, 4.2, 0.114, 6.0],
        "n": [6122, 138000, 3000, 65000, 6122, 138000], "n_articles": [120] * 6})
    text = framing_report.prevalence_reading(table, LABELS)
    assert ("The next cell, War alliance in NYT (10%), is inside that interval: the data do not "
            "rank the frames either") in text
    assert "Overlapping intervals mean" not in text
    assert "Where intervals overlap, the data cannot rank the outlets" in text
    apart = table.assign(estimate=[0.112, 6.2, 0.06, 3.6, 0.05, 5.0])
    assert "The next cell" not in framing_report.prevalence_reading(apart, LABELS)


def test_cooccurrence_reading_without_a_shared_sentence_names_no_pair():
    # A one-outlet corpus read "Conflict and Human interest share the most sentences (0,
    # Jaccard 0.00)".
    pairs = pd.DataFrame({"frame_a": ["war"], "frame_b": ["aid"], "n_both": [0],
                          "jaccard": [0.0]})
    assert framing_report.cooccurrence_reading(pairs, LABELS, "sentence") == \
        "No two frames share a sentence."
    assert framing_report.cooccurrence_reading(pairs.assign(n_both=3, jaccard=0.1), LABELS,
                                               "sentence").startswith(
        "**War alliance** and **Aid** share the most sentences (3, Jaccard 0.10).")


@pytest.mark.parametrize(("negated", "voices", "include_negated", "voice", "expected"), [
    # PolNeAR train read "2223 frame hits (51 negated)": the 51 were not among the 2223.
    ([False] * 2223 + [True] * 51, ["author"] * 2274, False, "all",
     "2,223 frame hits counted of 2,274 found (51 with a negated cue left out)"),
    ([False, False, True], ["author"] * 3, False, "all",
     "2 frame hits counted of 3 found (1 with a negated cue left out)"),
    ([False, False, True], ["author"] * 3, True, "all",
     "3 frame hits (1 of them with a negated cue)"),
    ([False, False], ["author", "quoted"], False, "all", "2 frame hits"),
    ([False, True, False], ["author", "author", "quoted"], False, "author",
     "1 frame hit counted of 3 found (1 with a negated cue and 1 in the other voice left out)"),
    ([False, True, False], ["author", "author", "quoted"], True, "author",
     "2 frame hits counted of 3 found (1 in the other voice left out)"),
])
def test_hits_phrase_keeps_left_out_hits_apart_from_the_count(negated, voices, include_negated,
                                                              voice, expected):
    frames = pd.DataFrame({"negated": negated, "voice": voices})
    kept = frames if include_negated else frames[~frames["negated"]]
    kept = kept if voice == "all" else kept[kept["voice"] == voice]
    assert framing_report.hits_phrase(frames, kept, include_negated) == expected


@pytest.mark.parametrize(("corpus", "n_articles"), [
    # PolNeAR train: the test per frame compares 250 articles, its caption read
    # "n = 8720 sentences".
    ("multi_outlet", 8),
    ("", 5),
])
def test_frame_tests_caption_counts_the_articles_tested(corpus, n_articles, tmp_path):
    from newsprism.core import paths

    path = str(paths.ROOT / "tests" / "fixtures" / "corpora" / corpus) if corpus else ""
    ctx = framing_report.prepare(path, codebook="generic")
    section = framing_report.frame_tests_section(ctx, str(tmp_path))
    tests = section.tables["framing_tests"]
    assert section.facts["unit"] == "English articles"
    assert section.facts["n"] == n_articles == int(tests["n_articles"].max())


@pytest.mark.parametrize("min_expected", [[2, 8], [2, 3], [6, 8]])
def test_tests_reading_ends_each_sentence(min_expected):
    # PolNeAR train read "(use the Monte Carlo p); and Each article counts once".
    tests = pd.DataFrame({"frame": ["war", "aid"], "q_value": [0.01, 0.2],
                          "min_expected": min_expected})
    text = framing_report.frame_tests_reading(tests, LABELS)
    assert "; and" not in text and text.endswith("not taken as independent evidence.")


@pytest.mark.parametrize(("keep", "says"), [(1, "from 1 outlet ("), (2, "from 2 outlets (")])
def test_headline_counts_outlets_in_words(keep, says):
    # A one-outlet corpus read "20 English articles from 1 outlets".
    from dataclasses import replace

    ctx = framing_report.prepare("", codebook="generic")
    outlets = sorted(ctx.english["outlet"].unique())[:keep]
    ctx = replace(ctx, english=ctx.english[ctx.english["outlet"].isin(outlets)])
    assert says in ctx.headline


@pytest.mark.parametrize(("test", "min_expected", "small"), [
    # Two outlets: Fisher's exact test on every frame, yet the reading said "4 frame(s) have an
    # expected count below 5 ... their asymptotic p is unreliable (use the Monte Carlo p)".
    (["fisher_exact", "fisher_exact"], [0.8, 1.3], 0),
    (["chi2", "chi2"], [0.8, 7.0], 1),
    (["chi2", "none"], [4.0, float("nan")], 1),
])
def test_small_n_caveat_only_for_asymptotic_tests(test, min_expected, small):
    tests = pd.DataFrame({"frame": ["war", "aid"], "test": test, "q_value": [0.4, 0.6],
                          "min_expected": min_expected})
    text = framing_report.frame_tests_reading(tests, LABELS)
    assert (f"caveat:** {small} frame(s)" in text) == bool(small)
    assert ("Small-n caveat" in text) == bool(small)


WEAK = "the cue detector does not beat 'always present' on gold data"


@pytest.mark.parametrize(("reading", "named"), [
    # PolNeAR train, 350 articles: the tests reading said "5 of 5 frames differ across outlets
    # at q < 0.05 (Conflict, ..., Responsibility)" and the co-occurrence reading "Conflict and
    # Economic consequences share the most sentences", with no word that the conflict and
    # responsibility cues do not beat 'always present' (the key findings said it).
    (lambda book: framing_report.frame_tests_reading(pd.DataFrame({
        "frame": ["conflict", "economic", "responsibility"], "q_value": [0.001, 0.01, 0.02],
        "min_expected": [10, 24, 25]}), {"conflict": "Conflict", "economic": "Economic",
                                          "responsibility": "Responsibility"}, book),
     "conflict, responsibility: "),
    (lambda book: framing_report.cooccurrence_reading(pd.DataFrame({
        "frame_a": ["conflict", "economic"], "frame_b": ["economic", "morality"],
        "n_both": [68, 7], "jaccard": [0.04, 0.01]}), {"conflict": "Conflict",
                                                       "economic": "Economic"}, "sentence",
        book), "conflict: "),
    (lambda book: framing_report.voice_reading(pd.DataFrame({
        "outlet": ["A", "B"], "frame": ["responsibility", "economic"], "author": [9, 14],
        "quoted": [16, 11]}), {"responsibility": "Responsibility", "economic": "Economic"},
        book), "responsibility: "),
])
def test_readings_naming_a_weak_frame_carry_its_validity_note(reading, named):
    assert named + WEAK in reading("generic")
    assert WEAK not in reading("")  # a custom codebook has no gold to say it of


@pytest.mark.parametrize(("name", "shipped", "run", "said", "unsaid"), [
    # A synthetic corpus run with run_validation = False read "No validation result for
    # codebook 'generic': only the shipped 'story' and 'generic' codebooks have hand-coded
    # gold", as if the shipped generic codebook were a custom one.
    ("generic", True, False, "which has hand-coded gold, and the quick run is switched off",
     "only the shipped"),
    ("generic", True, True, "the quick run gave none", "only the shipped"),
    ("mine", False, True, "only the shipped 'story' and 'generic' codebooks", "switched off"),
])
def test_missing_validation_says_why_for_the_codebook_in_use(name, shipped, run, said, unsaid):
    text = framing_report.no_validation_text(name, shipped, run)
    assert said in text and unsaid not in text
