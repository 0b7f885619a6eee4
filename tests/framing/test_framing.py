"""Frame codebooks, detection, negation, voice, statistics, evidence, word choice, validation."""

from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.framing.codebook import parse_codebook
from newsprism.framing.detect import (
    CodebookError,
    article_frames,
    detect_frames,
    detect_naming,
    load_codebook,
    word_choice,
)
from newsprism.framing.stats import (
    NO_INTERVAL,
    dominant_frames,
    frame_cooccurrence,
    frame_evidence,
    frame_prevalence,
    frame_tests,
)
from newsprism.pipeline.annotate import AnnotateOptions, ArticleInput

CUSTOM = Path(__file__).parents[1] / "fixtures" / "frames_custom.yml"
GOLD = paths.GOLD / "frames_gold.csv"


def book(yaml_text: str):
    return parse_codebook(textwrap.dedent(yaml_text))


def frames_of(hits: pd.DataFrame, negated: bool | None = None) -> list[str]:
    if negated is not None:
        hits = hits[hits["negated"] == negated]
    return hits["frame"].tolist()


# ----------------------------------------------------------------------------- codebooks
def test_shipped_codebooks_load_by_name():
    story, generic = load_codebook("story"), load_codebook("generic")
    assert story.name == "story" and len(story.frames) == 8
    assert {"military_alliance", "kinship_bond", "world_order", "sanctions_isolation",
            "nuclear_missile_threat", "human_cost", "propaganda_state_media",
            "legitimacy"} == set(story.frame_ids)
    assert generic.frame_ids == ["conflict", "human_interest", "economic", "morality",
                                 "responsibility"]
    assert {p.id for p in story.naming_pairs} >= {"operation_vs_war", "north_korea_styling",
                                                  "liberation_vs_incursion",
                                                  "alliance_vs_partnership"}
    for frame in [*story.frames, *generic.frames]:
        assert frame.label and frame.description and frame.cues, frame.id
    assert "Semetko" in generic.reference


def test_codebook_loads_from_a_path_and_rejects_unknown_names(tmp_path):
    assert load_codebook(CUSTOM).frame_ids == ["custom_greetings", "custom_letters"]
    assert load_codebook(str(CUSTOM)).name == "custom_test"
    with pytest.raises(CodebookError, match="unknown codebook 'nope'"):
        load_codebook("nope")
    with pytest.raises(CodebookError, match="not found"):
        load_codebook(tmp_path / "missing.yml")


@pytest.mark.parametrize("yaml_text, message", [
    ("frames:\n  - label: A\n    cues: [a]\n", r"frame #1: missing field 'id'"),
    ("frames:\n  - id: alpha\n    cues: [a]\n", r"frame 'alpha': missing field 'label'"),
    ("frames:\n  - id: alpha\n    label: A\n", r"frame 'alpha': missing field 'cues'"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: sanctions\n",
     r"frame 'alpha': field 'cues' must be a list, got str"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: [\"*ism\"]\n",
     r"frame 'alpha': field 'cues': bad wildcard in '\*ism'"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: [\"war **\"]\n",
     r"frame 'alpha': field 'cues': bad wildcard"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: [a]\n  - id: alpha\n    label: B\n"
     "    cues: [b]\n", r"frame 'alpha': duplicate id"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: [a, b\n  - id: beta\n",
     r"YAML syntax error at line \d+"),
    ("frames: []\n", r"'frames' must be a non-empty list"),
    ("frames:\n  - id: alpha\n    label: A\n    cues: [a]\n    exclusions: Cold War\n",
     r"frame 'alpha': field 'exclusions' must be a list"),
])
def test_loader_error_messages_name_frame_and_field(tmp_path, yaml_text, message):
    path = tmp_path / "bad.yml"
    path.write_text(yaml_text)
    with pytest.raises(CodebookError, match=message) as error:
        load_codebook(path)
    assert "bad.yml" in str(error.value)


def test_yaml_syntax_error_reports_the_right_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("frames:\n  - id: a\n    label: A\n    cues: [x]\n  - id: b\n"
                    "    label: : :\n    cues: [y\n")
    with pytest.raises(CodebookError, match=r"line [67]"):
        load_codebook(path)


# ----------------------------------------------------------------------------- matching
def test_wildcards_match_word_endings_only_at_word_starts():
    cb = book("""
        frames:
          - id: s
            label: S
            cues: [sanction*, "multi*polar"]
    """)
    text = "Sanctions, sanctioned, sanction; unsanctioned. multi-polar, multipolar."
    hits = detect_frames([text], cb)
    assert hits["match"].tolist() == ["Sanctions", "sanctioned", "sanction", "multipolar"]
    assert all(text[s:e] == m for s, e, m in zip(hits["start"], hits["end"], hits["match"],
                                                  strict=True))


def test_phrases_match_across_whitespace_and_apostrophe_styles():
    cb = book("""
        frames:
          - id: k
            label: K
            cues: ["blood bond", "Russia's war"]
    """)
    hits = detect_frames(["a blood\n   bond and Russia\u2019s war", "a bloodbond"], cb)
    assert hits["match"].tolist() == ["blood\n   bond", "Russia\u2019s war"]
    assert hits["text_index"].tolist() == [0, 0]


def test_case_sensitive_cue_and_default_case_insensitivity():
    cb = book("""
        frames:
          - id: lower
            label: L
            cues: [{pattern: north Korea, case_sensitive: true}]
          - id: any
            label: A
            cues: [dprk]
    """)
    hits = detect_frames(["north Korea, North Korea, NORTH KOREA, the DPRK"], cb)
    assert hits[["frame", "match"]].values.tolist() == [["lower", "north Korea"],
                                                        ["any", "DPRK"]]


def test_longest_cue_wins_within_a_frame_but_frames_may_overlap():
    cb = book("""
        frames:
          - id: alliance
            label: A
            cues: [alliance, "war alliance"]
          - id: war
            label: W
            cues: [war]
          - id: kin
            label: K
            cues: ["blood bond"]
          - id: cost
            label: C
            cues: [blood]
    """)
    hits = detect_frames(["a war alliance sealed by a blood bond"], cb)
    assert sorted(zip(hits["frame"], hits["match"], strict=True)) == [
        ("alliance", "war alliance"), ("cost", "blood"), ("kin", "blood bond"), ("war", "war")]


def test_exclusions_drop_hits_inside_them():
    text = "The Cold War ended; the war goes on."
    hits = detect_frames([text], "generic")
    conflict = hits[hits["frame"] == "conflict"]
    assert conflict["match"].tolist() == ["war"]
    assert conflict["start"].tolist() == [text.index("the war") + 4]


def test_detect_frames_columns_and_empty_input():
    hits = detect_frames(["", "nothing here"], "story")
    assert list(hits.columns)[:5] == ["text_index", "frame", "cue", "start", "end"]
    assert hits.empty


# ----------------------------------------------------------------------------- negation
@pytest.mark.parametrize("text, negated", [
    ("This is not a war alliance.", True),
    ("There are no sanctions on trade.", True),
    ("It isn't an alliance at all.", True),
    ("Russia never imposed sanctions.", True),
    ("They signed a war alliance.", False),
    ("It is not only sanctions but also isolation.", False),  # intensifier, not negation
    ("There is no doubt about it, sanctions bite.", False),  # another clause
    ("No one in Pyongyang or Moscow cares about sanctions.", False),  # beyond the window
])
def test_negation_flags_only_the_local_clause(text, negated):
    hits = detect_frames([text], "story")
    first = hits[hits["frame"].isin(["military_alliance", "sanctions_isolation"])].iloc[0]
    assert bool(first["negated"]) is negated


def test_negated_hits_are_left_out_of_prevalence_by_default():
    text = "There are no sanctions. Sanctions bite."
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": [text]})
    sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
                              "text": ["There are no sanctions.", "Sanctions bite."]})
    frames = article_frames(ArticleInput("a", text), {}, None)
    assert frames["negated"].tolist() == [True, False]
    default = frame_prevalence(sentences, frames, articles, ["sanctions_isolation"])
    counted = frame_prevalence(sentences, frames, articles, ["sanctions_isolation"],
                               include_negated=True)
    assert default["n_with_frame"].tolist() == [1, 1] and counted["n_with_frame"].tolist() == [2, 2]


# ----------------------------------------------------------------------------- voice
def test_voice_uses_the_quotes_table_and_keeps_scare_quotes_authorial():
    text = 'Kim said the alliance is eternal. Critics call it a "war alliance" of sorts.'
    speech = (text.index("the alliance"), text.index(" is eternal") + len(" is eternal"))
    term = (text.index("war alliance"), text.index("war alliance") + len("war alliance"))
    quotes = pd.DataFrame({"start": [speech[0], term[0]], "end": [speech[1], term[1]],
                           "kind": ["speech", "term"]})
    rows = article_frames(ArticleInput("a", text), {"quotes": quotes}, None)
    by_match = dict(zip(rows["match"], zip(rows["voice"], rows["quote_kind"], strict=True),
                        strict=True))
    assert by_match["alliance"] == ("quoted", "speech")
    assert by_match["eternal"] == ("quoted", "speech")
    assert by_match["war alliance"] == ("author", "term")


def test_voice_falls_back_to_quotation_marks_without_a_quotes_table():
    text = "\u201cOur alliance is eternal,\u201d Kim wrote. The alliance grows."
    rows = article_frames(ArticleInput("a", text), {}, None)
    alliance = rows[rows["match"] == "alliance"]
    assert alliance["voice"].tolist() == ["quoted", "author"]
    assert alliance["sentence_id"].tolist() == [0, 1]


def test_empty_quotes_table_means_everything_is_authorial():
    text = "\u201cOur alliance is eternal,\u201d Kim wrote."
    empty = pd.DataFrame(columns=["start", "end", "kind"])
    rows = article_frames(ArticleInput("a", text), {"quotes": empty}, None)
    assert set(rows["voice"]) == {"author"}


def test_article_frames_is_empty_for_non_english_articles():
    rows = article_frames(ArticleInput("a", "La alianza militar y las sanciones.", "es"), {},
                          None)
    assert rows.empty and "frame" in rows.columns


def test_article_frames_offsets_index_the_article_text():
    text = "First line about troops.\nSecond line: sanctions and a blood bond."
    rows = article_frames(ArticleInput("x", text), {}, None)
    assert all(text[s:e] == m for s, e, m in zip(rows["start"], rows["end"], rows["match"],
                                                  strict=True))
    assert rows.set_index("match").loc["sanctions", "sentence_id"] == 1
    assert set(rows["codebook"]) == {"story"}


# ----------------------------------------------------------------------------- custom codebook
def test_custom_codebook_swapped_in_by_parameter():
    text = "Kim sent a birthday letter and New Year greetings; the alliance holds."
    hits = detect_frames([text], CUSTOM)
    assert set(hits["frame"]) == {"custom_greetings", "custom_letters"}
    assert "alliance" not in hits["match"].str.lower().tolist()
    rows = article_frames(ArticleInput("a", text), {}, AnnotateOptions(codebook=str(CUSTOM)))
    assert set(rows["frame"]) == {"custom_greetings", "custom_letters"}
    assert set(rows["codebook"]) == {"custom_test"}


def test_codebook_edits_are_picked_up_without_restart(tmp_path):
    path = tmp_path / "cb.yml"
    path.write_text("frames:\n  - id: a\n    label: A\n    cues: [alpha]\n")
    assert frames_of(detect_frames(["alpha beta"], path)) == ["a"]
    path.write_text("frames:\n  - id: b\n    label: B\n    cues: [beta, gamma]\n")
    assert frames_of(detect_frames(["alpha beta"], path)) == ["b"]


# ----------------------------------------------------------------------------- statistics
@pytest.fixture(scope="module")
def toy():
    texts = {"a1": "War now. War again. Peace.", "a2": "Sanctions bite. War.",
             "b1": "Calm day. Quiet night. Sanctions. Nothing."}
    articles = pd.DataFrame({"article_id": list(texts), "outlet": ["A", "A", "B"],
                             "text": list(texts.values())})
    from newsprism.core.text import sentence_table

    sentences = sentence_table(articles)
    frames = pd.concat([article_frames(ArticleInput(i, t), {}, AnnotateOptions(codebook="generic"))
                        for i, t in texts.items()], ignore_index=True)
    return articles, sentences, frames


def test_prevalence_share_rate_and_interval(toy):
    articles, sentences, frames = toy
    table = frame_prevalence(sentences, frames, articles, ["conflict", "economic"])
    cell = table[(table["outlet"] == "A") & (table["frame"] == "conflict")].set_index("measure")
    assert list(cell.index) == ["share_of_sentences", "per_1000_words"]  # one estimate a row
    a, rate = cell.loc["share_of_sentences"], cell.loc["per_1000_words"]
    assert a["n_sentences"] == a["n"] == 5 and a["n_with_frame"] == 3
    assert a["estimate"] == pytest.approx(0.6)
    assert rate["n"] == rate["n_words"] and rate["estimate"] == pytest.approx(1000 * 3 / rate["n"])
    # 2 articles: fewer than MIN_ARTICLES, so the estimate without an interval
    assert pd.isna(a["ci_low"]) and pd.isna(rate["ci_low"]) and pd.isna(rate["ci_high"])
    b = table[(table["outlet"] == "B") & (table["frame"] == "conflict")
              & (table["measure"] == "share_of_sentences")].iloc[0]
    assert b["estimate"] == 0 and pd.isna(b["ci_low"]) and pd.isna(b["ci_high"])  # 1 article
    assert b["resample"] == a["resample"] == NO_INTERVAL == "none (fewer than 5 articles)"


# Five outlets of 2 articles each: 40 read the conflict frame of one "28.7 per 1,000 words
# (95% CI 26.5 to 29.2 ...)", an interval over 2 articles (3 distinct resamples).
@pytest.mark.parametrize(("n_articles", "has_interval"), [(1, False), (2, False), (4, False),
                                                          (5, True), (6, True)])
def test_prevalence_interval_resamples_articles_and_needs_the_minimum(n_articles, has_interval):
    # 20_framing resampled SENTENCES when outlets had fewer than 5 articles: one article of
    # 19 sentences got "53% (95% CI 32%-74%)", as if its sentences were independent draws.
    texts = ["War now. War again. Peace. Calm.", "Quiet. Still. Peace. Calm.",
             "War. Calm. Quiet. Still.", "Peace. Calm. Quiet. War.", "War. War. Calm.",
             "Calm. Still."][:n_articles]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "outlet": "A", "text": texts})
    from newsprism.core.stats import cluster_ratio_ci
    from newsprism.core.text import sentence_table

    sentences = sentence_table(articles)
    frames = pd.concat([article_frames(ArticleInput(i, t), {}, AnnotateOptions(codebook="generic"))
                        for i, t in zip(articles["article_id"], texts, strict=True)])
    table = frame_prevalence(sentences, frames, articles, ["conflict"])
    share = table[table["measure"] == "share_of_sentences"].iloc[0]
    assert pd.notna(share["ci_low"]) == has_interval
    assert share["resample"] == ("article" if has_interval else NO_INTERVAL)
    if has_interval:  # the one cluster-bootstrap definition, articles as the unit
        has = (sentences.merge(frames[["article_id", "sentence_id"]].drop_duplicates(),
                               how="left", indicator=True)["_merge"] == "both").to_numpy(float)
        expected = cluster_ratio_ci(has, [1.0] * len(has), sentences["article_id"].to_numpy())
        assert (share["ci_low"], share["ci_high"]) == pytest.approx(expected)


def test_frame_tests_flag_small_expected_counts(toy):
    articles, sentences, frames = toy
    tests = frame_tests(sentences, frames, articles, ["conflict", "economic", "morality"])
    conflict = tests.set_index("frame").loc["conflict"]
    assert conflict["test"] == "fisher_exact"  # two outlets
    assert 0 < conflict["p_value"] <= 1
    assert tests.set_index("frame").loc["morality", "test"] == "none"
    three = pd.concat([articles, pd.DataFrame({"article_id": ["c1"], "outlet": ["C"],
                                               "text": ["War."]})])
    sentences3 = pd.concat([sentences, pd.DataFrame({"article_id": ["c1"], "sentence_id": [0],
                                                     "text": ["War."]})])
    frames3 = pd.concat([frames, article_frames(ArticleInput("c1", "War."), {},
                                                AnnotateOptions(codebook="generic"))])
    chi = frame_tests(sentences3, frames3, three, ["conflict"], n_permutations=500)
    row = chi.iloc[0]
    assert row["test"] == "chi2" and row["min_expected"] < 5
    assert "expected count < 5" in row["caveat"]
    assert 0 < row["p_monte_carlo"] <= 1


def _framed_corpus(shares: dict[str, float], n: int) -> tuple:
    """(sentences, frames, articles): ``n`` one-sentence articles per outlet, the first
    share × n of them framed."""
    articles, sentences, frames = [], [], []
    for outlet, share in shares.items():
        for i in range(n):
            article_id = f"{outlet}{i}"
            articles.append({"article_id": article_id, "outlet": outlet, "text": "x y z"})
            sentences.append({"article_id": article_id, "sentence_id": 0, "text": "x y z"})
            if i < round(share * n):
                frames.append({"article_id": article_id, "sentence_id": 0, "frame": "conflict",
                               "negated": False})
    return pd.DataFrame(sentences), pd.DataFrame(frames), pd.DataFrame(articles)


def test_monte_carlo_p_follows_the_permutation_null():
    # With large expected counts the permutation p and the asymptotic chi-square p agree; a
    # wrong null (e.g. outlet sizes not held fixed) would pull them apart.
    corpus = _framed_corpus({"A": 0.30, "B": 0.33, "C": 0.38}, 300)
    row = frame_tests(*corpus, ["conflict"], n_permutations=20000).iloc[0]
    assert row["test"] == "chi2" and row["min_expected"] > 5
    assert 0.01 < row["p_value"] < 0.5
    assert abs(row["p_monte_carlo"] - row["p_value"]) < 0.02
    # Equal shares: nothing to find, p near 1; very different shares: p at its floor.
    flat = frame_tests(*_framed_corpus({"A": 0.3, "B": 0.3, "C": 0.3}, 200),
                       ["conflict"], n_permutations=2000).iloc[0]
    assert flat["p_monte_carlo"] > 0.9
    apart = frame_tests(*_framed_corpus({"A": 0.1, "B": 0.5, "C": 0.9}, 200),
                        ["conflict"], n_permutations=2000).iloc[0]
    assert apart["p_monte_carlo"] == 1 / 2001


def test_cooccurrence_and_dominant_frame():
    frames = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence_id": [0, 0, 1, 0],
                           "frame": ["x", "y", "x", "y"], "negated": [False] * 4})
    pairs = frame_cooccurrence(frames, level="sentence", frame_ids=["x", "y"])
    assert pairs[["n_a", "n_b", "n_both"]].values.tolist() == [[2, 2, 1]]
    assert pairs["jaccard"].item() == pytest.approx(1 / 3)
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"]})
    dominant = dominant_frames(frames, articles).set_index("article_id")
    assert dominant.loc["a", "dominant_frame"] == "x"
    assert dominant.loc["a", "share_of_hits"] == pytest.approx(2 / 3)
    assert dominant.loc["c", "dominant_frame"] == "(none)"


def test_evidence_covers_every_cell_and_escapes_html():
    text = "<script>alert(1)</script> the war alliance grows."
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                             "text": [text, "Sanctions and troops."]})
    frames = pd.concat([article_frames(ArticleInput(r.article_id, r.text), {}, None)
                        for r in articles.itertuples()], ignore_index=True)
    evidence = frame_evidence(frames, articles, per_cell=2)
    cells = set(zip(evidence["frame"], evidence["outlet"], strict=True))
    outlets = frames["article_id"].map({"a": "A", "b": "B"})
    expected = set(zip(frames["frame"], outlets, strict=True))
    assert cells == expected
    snippet = evidence[evidence["outlet"] == "A"]["snippet"].iloc[0]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>war alliance</mark>" in snippet


# ----------------------------------------------------------------------------- word choice
def test_word_choice_counts_naming_pairs_per_outlet_side_by_side():
    articles = pd.DataFrame({
        "outlet": ["Kremlin", "Op-ed", "News"],
        "text": ["The special military operation (SVO) and the liberation of Kursk.",
                 "north Korea joins the war; north Korean troops.",
                 "North Korea and the DPRK: an invasion and a partnership, not the Cold War."],
        "language": ["en", "en", "en"]})
    table = word_choice(articles).set_index(["pair", "side"])
    assert table.loc[("operation_vs_war", "special military operation"), "Kremlin"] == 2
    assert table.loc[("operation_vs_war", "war / invasion"), "News"] == 1  # Cold War excluded
    assert table.loc[("north_korea_styling", "north Korea (lowercase n)"), "Op-ed"] == 2
    assert table.loc[("north_korea_styling", "North Korea / DPRK"), "News"] == 2
    assert table.loc[("north_korea_styling", "North Korea / DPRK"), "Op-ed"] == 0
    assert table.loc[("liberation_vs_incursion", "liberation"), "Kremlin"] == 1
    hits = detect_naming(["north Korea"], "story")
    assert hits["side"].tolist() == ["north Korea (lowercase n)"]


# ----------------------------------------------------------------------------- validation
def test_gold_codes_use_codebook_ids_and_cover_every_paragraph():
    story = set(load_codebook("story").frame_ids)
    generic = set(load_codebook("generic").frame_ids)
    with GOLD.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 100
    for row in rows:
        assert {f for f in row["story"].split(";") if f} <= story, row
        assert {f for f in row["generic"].split(";") if f} <= generic, row
    from newsprism.framing.validation import corpus_paragraphs

    paragraphs = corpus_paragraphs()
    keys = {(r["article_id"], r["text_prefix"], int(r["occurrence"])) for r in rows}
    missing = [k for k in zip(paragraphs["article_id"], paragraphs["text_prefix"],
                              paragraphs["occurrence"], strict=True) if k not in keys]
    assert not missing, f"paragraphs without gold codes: {missing[:3]}"


def test_validator_reports_per_frame_precision_recall_with_n():
    from newsprism.core.validate import VALIDATION_COLUMNS
    from newsprism.framing.validation import validate_frames

    table = validate_frames(quick=True)
    assert list(table.columns) == VALIDATION_COLUMNS
    assert set(table["measure"]) == {"frames"}
    for frame in load_codebook("story").frame_ids:
        for metric in ("precision", "recall", "f1"):
            row = table[table["metric"] == f"{metric}[{frame}]"]
            assert len(row) == 1, (metric, frame)
            value = row["value"].item()
            assert np.isnan(value) or 0 <= value <= 1
            assert row["n"].item() >= 0
    recall_n = table[table["metric"].str.startswith("recall[")
                     & ~table["metric"].str.contains("micro")]["n"]
    assert recall_n.sum() > 50  # gold paragraphs per frame, summed
    assert table[table["metric"] == "paragraphs scored"]["value"].item() > 100


# ----------------------------------------------------------------------------- notebook
@pytest.mark.slow
def test_notebook_runs_with_a_custom_codebook(tmp_path):
    import nbformat
    from newsprism.report import runner as report

    source = paths.NOTEBOOKS / "20_framing.ipynb"
    executed = tmp_path / "20_framing.ipynb"
    with report.runner_kernel() as kernel:
        status, message = report.execute_notebook(
            source, executed, {"codebook": str(CUSTOM), "out_dir": str(tmp_path),
                               "n_boot": 200}, kernel, paths.ROOT, 600)
    assert status == "ok", message
    outputs = json.dumps([c.get("outputs", []) for c in nbformat.read(executed, 4).cells])
    assert "custom_greetings" in outputs and "custom_letters" in outputs
    assert "military_alliance" not in outputs  # the story codebook is not used
    prevalence = pd.read_csv(tmp_path / "tables" / "framing_prevalence.csv")
    assert set(prevalence["frame"]) == {"custom_greetings", "custom_letters"}
    assert (prevalence["n_with_frame"] > 0).any()


def test_validation_summary_lists_every_disagreement_and_wilson_intervals():
    from newsprism.framing.validation import validation_paragraphs, validation_summary

    scores, disagreements = validation_summary("story")
    table = validation_paragraphs("story")
    errors = int((table["false_positive"].map(len) + table["false_negative"].map(len) > 0).sum())
    assert len(disagreements) == errors
    assert list(scores["measure"].unique()) == ["precision", "recall", "f1"]
    precision = scores[scores["measure"] == "precision"]
    assert (precision["fp"].sum() + precision["fn"].sum()) >= errors
    assert (precision["n"] == precision["tp"] + precision["fp"]).all()
    assert ((precision["ci_low"] <= precision["estimate"] + 1e-9)
            & (precision["estimate"] <= precision["ci_high"] + 1e-9)).all()
    assert (precision["ci_high"] - precision["ci_low"] > 0.01).all()  # real intervals
    custom_scores, custom_disagreements = validation_summary(CUSTOM)
    assert custom_scores.empty and custom_disagreements.empty  # no gold for a custom codebook


def test_cluster_bootstrap_resamples_articles_and_is_wider_when_a_frame_sits_in_one():
    texts = ["War. War. War. War." if i == 0 else "Calm. Quiet. Still. Peace." for i in range(6)]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)], "outlet": ["A"] * 6,
                             "text": texts})
    from newsprism.core.text import sentence_table

    sentences = sentence_table(articles)
    frames = pd.concat([article_frames(ArticleInput(i, t), {}, AnnotateOptions(codebook="generic"))
                        for i, t in zip(articles["article_id"], texts, strict=True)])
    by_article = frame_prevalence(sentences, frames, articles, ["conflict"], resample="auto")
    by_sentence = frame_prevalence(sentences, frames, articles, ["conflict"],
                                   resample="sentence")
    by_article, by_sentence = (t[t["measure"] == "share_of_sentences"]
                               for t in (by_article, by_sentence))
    assert by_article["resample"].item() == "article"  # 6 articles per outlet
    assert by_article["estimate"].item() == by_sentence["estimate"].item() == pytest.approx(4 / 24)
    width = (by_article["ci_high"] - by_article["ci_low"]).item()
    assert width > (by_sentence["ci_high"] - by_sentence["ci_low"]).item()
    with pytest.raises(ValueError, match="resample"):
        frame_prevalence(sentences, frames, articles, ["conflict"], resample="paragraph")


def _article_corpus(framed: dict[str, list[int]], n_sentences: int = 20) -> tuple:
    """(sentences, frames, articles): per outlet, one article per entry of ``framed`` with
    ``n_sentences`` sentences, the first ``framed[i]`` of them carrying the frame."""
    articles, sentences, frames = [], [], []
    for outlet, counts in framed.items():
        for i, k in enumerate(counts):
            article_id = f"{outlet}{i}"
            articles.append({"article_id": article_id, "outlet": outlet, "text": "x y z"})
            for s in range(n_sentences):
                sentences.append({"article_id": article_id, "sentence_id": s, "text": "x y z"})
                if s < k:
                    frames.append({"article_id": article_id, "sentence_id": s,
                                   "frame": "conflict", "negated": False})
    return pd.DataFrame(sentences), pd.DataFrame(frames), pd.DataFrame(articles)


@pytest.mark.parametrize(("framed", "test", "clear"), [
    # PolNeAR train: 20's tests counted sentences as independent. One article of A framed in
    # all its 20 sentences, one of B in 1: 20 of 200 against 1 of 200 sentences (Fisher p
    # ~1e-5), but 1 of 10 articles each - no difference between the outlets' articles
    ({"A": [20] + [0] * 9, "B": [1] + [0] * 9}, "fisher_exact", False),
    ({"A": [20] + [0] * 9, "B": [1] + [0] * 9, "C": [0] * 10}, "chi2", False),
    # most of A's articles framed, none of B's: clear at the article level too
    ({"A": [2] * 9 + [0], "B": [0] * 10}, "fisher_exact", True),
])
def test_frame_tests_compare_articles_not_sentences(framed, test, clear):
    row = frame_tests(*_article_corpus(framed), ["conflict"], n_permutations=2000).iloc[0]
    assert row["test"] == test and row["n_articles"] == 10 * len(framed)
    assert (row["q_value"] < 0.05) == clear


def test_one_article_per_outlet_gets_no_frame_test():
    tests = frame_tests(*_article_corpus({"A": [5], "B": [0], "C": [1]}), ["conflict"])
    row = tests.iloc[0]
    assert row["test"] == "none" and pd.isna(row["q_value"])
    assert "one article" in row["caveat"]
