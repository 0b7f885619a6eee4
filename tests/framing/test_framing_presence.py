"""Article-level frame presence: question codebook, features, decisions and their evidence."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from newsprism.core.provenance import sha256_file
from newsprism.core.text import split_sentences
from newsprism.framing import fit as framing_fit
from newsprism.framing import presence as framing_presence
from newsprism.framing import shares as framing_shares
from newsprism.framing.codebook import CodebookError, load_codebook, parse_codebook

BOOK = "generic_questions"
TEXTS = [
    "Critics accused the minister of lying. Both sides dispute the plan.",
    "A mother of two lost everything; her family fled the flood in tears.",
    "",
    "The weather was mild on Tuesday.",
]


@pytest.mark.parametrize("yaml_text, message", [
    ("frames:\n - {id: a, label: A, questions: [{id: q, cues: []}]}", "is empty"),
    ("frames:\n - {id: a, label: A, questions: [{id: q, cues: [x]}, {id: q, cues: [y]}]}",
     "duplicate id"),
    ("frames:\n - {id: a, label: A, questions: [{cues: [x]}]}", "invalid field 'id'"),
    ("frames:\n - {id: a, label: A, questions: []}", "non-empty list"),
    ("frames:\n - {id: a, label: A}", "missing field 'cues'"),
])
def test_bad_questions_are_named(yaml_text, message):
    with pytest.raises(CodebookError, match=message):
        parse_codebook(yaml_text)


def test_frame_cues_are_the_union_of_its_questions():
    book = parse_codebook("frames:\n - {id: a, label: A, cues: [z],\n"
                          "    questions: [{id: q, text: 'Q?', cues: [x, y]}, {id: r, cues: [y]}]}")
    assert [c.pattern for c in book.frame("a").cues] == ["z", "x", "y"]
    assert [q.id for q in book.frame("a").questions] == ["q", "r"]


def test_every_generic_frame_is_coded_by_questions():
    book = load_codebook(BOOK)
    assert book.frame_ids == ["conflict", "economic", "human_interest", "morality",
                              "responsibility"]
    assert all(len(f.questions) >= 3 for f in book.frames)


def test_no_topic_word_is_a_cue():
    """Cues answer a question; a story's subject matter must not read as a frame."""
    topic = {"climate", "warming", "carbon", "emission", "emissions", "energy", "fossil", "war",
             "nuclear", "oil", "coal", "planet", "weather", "temperature", "sanctions"}
    cues = {c.pattern.lower().rstrip("*") for f in load_codebook(BOOK).frames for c in f.cues}
    assert not cues & topic
    assert not any(c.startswith(("climat", "emission", "carbon")) for c in cues)


def test_question_hits_name_question_sentence_and_negation():
    hits = framing_presence.question_hits(["It rained. They do not blame us. Critics agree."],
                                          BOOK)
    blame = hits[hits["match"] == "blame"].iloc[0]
    assert (blame["frame"], blame["question"], blame["sentence_id"], bool(blame["negated"])) == \
        ("conflict", "reproach", 1, True)
    critics = hits[hits["match"] == "Critics"].iloc[0]
    assert critics["sentence_id"] == 2 and not critics["negated"]


def test_frame_presence_one_row_per_text_and_frame():
    table = framing_presence.frame_presence(TEXTS, BOOK)
    assert list(table.columns[:4]) == ["text_index", "frame", "present", "score"]
    assert len(table) == len(TEXTS) * 5
    assert table["text_index"].tolist() == sorted(table["text_index"].tolist())
    assert table["present"].map(type).eq(bool).all()
    assert table["score"].between(0, 1).all()
    assert (table["present"] == (table["score"] >= table["threshold"])).all()
    empty = table[table["text_index"] == 2]
    assert (empty["n_hits"] == 0).all() and (empty["sentence_ids"] == "").all()


def test_decisions_are_traceable_to_sentences():
    table = framing_presence.frame_presence(TEXTS, BOOK)
    for row in table[table["n_hits"] > 0].itertuples():
        spans = split_sentences(TEXTS[row.text_index])
        for sentence_id in map(int, row.sentence_ids.split(";")):
            sentence = TEXTS[row.text_index][slice(*spans[sentence_id])].lower()
            assert any(cue.split(": ", 1)[1].lower() in sentence
                       for cue in row.cues.split("; "))
    conflict = table[(table["text_index"] == 0) & (table["frame"] == "conflict")].iloc[0]
    assert conflict["sentence_ids"] == "0;1" and "reproach" in conflict["questions"]


def test_question_cues_raise_the_score_of_an_article_length_text():
    """Weights were fitted on news articles: compare texts of that length, one with a human
    face and emotions in its middle, one without."""
    filler = "The committee met on Tuesday to review the schedule for the next session. " * 25
    personal = ("A mother of two lost everything; her family fled in tears. Her children were "
                "afraid and the neighbours cried. ")
    table = framing_presence.frame_presence([filler + personal + filler, filler + filler], BOOK)
    human = table[table["frame"] == "human_interest"].set_index("text_index")
    assert human.loc[0, "score"] > human.loc[1, "score"]
    assert human.loc[0, "n_hits"] >= 5 and human.loc[1, "n_hits"] == 0


def test_cluster_reads_concentrated_cues_above_scattered_ones():
    """Same three human-interest hits: together in one passage (a vignette) or spread out."""
    filler = "The committee met on Tuesday to review the schedule. " * 6
    together = "A mother wept. Her family fled. The children were afraid. " + filler
    apart = ("A mother wept. " + filler + "Her family fled. " + filler
             + "The children were afraid. ")
    features = framing_presence.presence_features([together, apart], BOOK)
    cluster = features["human_interest:cluster"]
    assert cluster[0] > cluster[1] > 0
    assert features.loc[0, "human_interest:questions_hit"] == \
        features.loc[1, "human_interest:questions_hit"] >= 2


def test_frame_features_are_zero_without_hits():
    features = framing_presence.presence_features(["", "The weather was mild."], BOOK)
    own = features[[c for c in features.columns if c.startswith("morality:")]]
    assert own.columns.tolist() == [f"morality:{f}" for f in framing_presence.FRAME_FEATURES]
    assert (own.to_numpy() == 0).all()


def test_codebook_without_weights_is_refused():
    with pytest.raises(CodebookError, match="no fitted frame-presence weights"):
        framing_presence.frame_presence(["text"], "story")


def test_shipped_model_matches_the_codebook():
    model = framing_presence.load_model()
    book = load_codebook(BOOK)
    assert model["codebook_sha256"] == sha256_file(book.source), "codebook edited: refit"
    for frame in book.frame_ids:
        weights = model["frames"][frame]
        assert weights["features"] == framing_presence.feature_names(book, frame)
        assert all(f.startswith((f"{frame}.", f"{frame}:")) or f == "log_words"
                   for f in weights["features"])
        assert len(weights["coef"]) == len(weights["features"]) == len(weights["mean"])
        assert 0 <= weights["threshold"] < 1


@pytest.mark.slow
@pytest.mark.skipif(not (framing_fit.NFC / "articles_dev.tsv").exists(), reason="NFC absent")
def test_refit_reproduces_the_shipped_weights():
    shipped = framing_presence.load_model()
    refit = framing_fit.fit_model(evaluate=False)
    refit = json.loads(json.dumps(refit, sort_keys=True))
    assert refit["frames"] == shipped["frames"]
    assert refit["codebook_sha256"] == shipped["codebook_sha256"]


def test_shipped_validation_has_every_engine_and_frame():
    rows = pd.DataFrame(framing_presence.load_model()["validation"]["rows"])
    assert set(rows["engine"]) >= {framing_shares.MODEL_ENGINE, framing_shares.BASELINE_ENGINE,
                                   "any cue hit, codebook generic (current)"}
    baseline = rows[(rows["engine"] == framing_shares.BASELINE_ENGINE)
                    & (rows["frame"] != "macro")].set_index("frame")
    # Always present: F1 = 2p / (1 + p), p the frame's share of the 260 coded articles.
    share = baseline["n_gold"] / baseline["n"]
    assert np.allclose(baseline.loc[share.index, "f1"], 2 * share / (1 + share))


def test_article_shares_are_tidy_with_intervals():
    articles = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": TEXTS})
    table = framing_shares.article_frame_shares(articles)
    assert list(table.columns) == framing_shares.SHARE_COLUMNS
    assert (table["ci_low"] <= table["estimate"]).all()
    assert (table["estimate"] <= table["ci_high"]).all()
    assert table.groupby("outlet")["n"].first().to_dict() == {"A": 2, "B": 2}
    assert table["validity"].str.startswith("F1 ").all()


def _model_with(f1, f1_min, baseline, any_cue):
    engines = [framing_shares.MODEL_ENGINE, framing_shares.BASELINE_ENGINE,
               framing_shares.ANY_CUE_ENGINE]
    return {"validation": {
        "rows": [{"engine": e, "frame": "x", "f1": v, "n_gold": 30}
                 for e, v in zip(engines, (f1, baseline, any_cue), strict=True)],
        "seeds": [{"frame": "x", "min": f1_min, "f1@1": f1, "f1@2": f1_min}]}}


@pytest.mark.parametrize("f1, f1_min, baseline, any_cue, label", [
    (0.8, 0.79, 0.7, 0.5, "F1 0.80 (lowest over 2 outer splits 0.79) vs 0.70 always-present"),
    (0.6, 0.6, 0.7, 0.5, "F1 0.60 (lowest over 2 outer splits 0.60) vs 0.70 always-present: "
                         "does NOT beat the always-present baseline"),
    (0.72, 0.69, 0.7, 0.5, "F1 0.72 (lowest over 2 outer splits 0.69) vs 0.70 always-present: "
                           "does not beat it at every outer split"),
    (0.36, 0.31, 0.2, 0.4, "F1 0.36 (lowest over 2 outer splits 0.31) vs 0.20 always-present, "
                           "and a plain any-cue-hit detector scores higher (0.40)"),
])
def test_validity_label_gives_the_lowest_split_and_any_simpler_detector_that_wins(
        f1, f1_min, baseline, any_cue, label):
    table = framing_shares.presence_validity(_model_with(f1, f1_min, baseline, any_cue))
    assert table["label"].tolist() == [label]
    assert table["beats_baseline"].tolist() == [f1 > baseline]


def test_validity_note_names_frames_below_baseline_first():
    validity = pd.DataFrame({"frame": ["a", "b"], "beats_baseline": [True, False],
                             "label": ["F1 0.9 vs 0.5", "F1 0.1 vs 0.2: does NOT beat"]})
    note = framing_shares.validity_note(validity)
    assert note.index("b: F1 0.1") < note.index("a: F1 0.9")


def test_frames_below_baseline_reads_the_model_rows_only():
    rows = pd.DataFrame({"measure": ["frame_presence", "frame_presence", "frames"],
                         "metric": ["f1[economic]", "f1[macro]", "f1[conflict]"],
                         "status": ["does NOT beat always-present baseline"] * 3})
    assert framing_fit.frames_below_baseline(rows) == ["economic"]


def test_in_sample_figures_are_never_the_headline():
    from newsprism.report.methods import frame_presence_comparison, headline_rows

    rows = pd.DataFrame({
        "measure": ["frames", "frame_presence", "frame_presence", "frame_presence"],
        "metric": ["precision[micro]", "f1[conflict]", "f1[macro]", "f1[conflict]"],
        "split": ["all paragraphs, in-sample (bundled corpus, cues tuned after coding)",
                  "dev, 5-fold CV by article", "dev, 5-fold CV by article", "dev (all 260)"],
        "status": ["ok"] * 4,
        "engine": ["dictionary codebook=story", "frame presence model (nested 5-fold CV)",
                   "frame presence model (nested 5-fold CV)", "always present (baseline)"],
        "value": [0.94, 0.70, 0.60, 0.77], "n": [182, 163, 260, 163]})
    heads = headline_rows(rows)
    assert heads[["measure", "metric"]].values.tolist() == [["frame_presence", "f1[macro]"]]
    wide = frame_presence_comparison(rows).set_index("frame")
    assert not wide.loc["conflict", "beats_baseline"]
    assert wide.loc["conflict", "n"] == 163
    assert "F1 model, min over outer seeds" not in wide.columns  # no seed rows given
    seed_min = pd.DataFrame({"measure": ["frame_presence"], "metric": ["seed-min f1[conflict]"],
                             "split": ["dev, nested 5-fold CV by article, outer seeds 1/2"],
                             "status": ["ok"], "engine": ["frame presence model (nested 5-fold CV)"],
                             "value": [0.76], "n": [163]})
    wide = frame_presence_comparison(pd.concat([rows, seed_min])).set_index("frame")
    assert wide.loc["conflict", "F1 model, min over outer seeds"] == 0.76
    assert not wide.loc["conflict", "beats_baseline_at_every_seed"]


def test_question_density_and_lead_share():
    """Same question hit twice: in the opening sentences, or at the end of a long text."""
    filler = "The committee met on Tuesday to review the schedule. " * 20
    opening = "A mother wept. Her family fled. " + filler
    ending = filler + "A mother wept. Her family fled. "
    features = framing_presence.presence_features([opening, ending], BOOK)
    face = "human_interest.human_face"
    assert features[f"{face}:hits"][0] == features[f"{face}:hits"][1] == np.log1p(2)
    assert features[f"{face}:share"][0] == features[f"{face}:share"][1] == 2 / 22
    hits = framing_presence.question_hits([opening], BOOK)
    n_hits = int((~hits["negated"] & (hits["frame"] == "human_interest")).sum())
    # All the frame's hits in the opening, shrunk by one; none at the end.
    assert features["human_interest:lead_share"].tolist() == [n_hits / (n_hits + 1), 0.0]


@pytest.mark.parametrize("hits_in_lead, hits_after, expected", [
    (1, 0, 0.5), (3, 0, 0.75), (0, 2, 0.0), (2, 2, 0.4)])
def test_lead_share_is_shrunk_towards_zero(hits_in_lead, hits_after, expected):
    """40 sentences: the opening is the first 8 (a fifth); one human-face cue per hit."""
    sentences = ["Officials met."] * 40
    sentences[:hits_in_lead] = ["A mother spoke."] * hits_in_lead
    sentences[30:30 + hits_after] = ["A mother spoke."] * hits_after
    features = framing_presence.presence_features([" ".join(sentences)], BOOK)
    assert features["human_interest:lead_share"][0] == pytest.approx(expected)


def test_seed_rows_flag_a_frame_below_baseline_at_some_seed():
    robust = pd.DataFrame({"frame": ["a", "b", "macro"], "mean": [0.7, 0.5, 0.6],
                           "min": [0.65, 0.40, 0.55], "baseline": [0.6, 0.45, 0.5],
                           "n": [100] * 3, "n_gold": [40, 30, 70]})
    rows = pd.DataFrame(framing_fit.seed_rows(robust)).set_index("metric")
    assert rows.loc["seed-min f1[a]", "status"].startswith("beats")
    assert rows.loc["seed-min f1[b]", "status"].startswith("does NOT")
    assert rows.loc["seed-mean f1[macro]", "value"] == 0.6
    assert rows.loc["seed-min f1[macro]", "n"] == 100
    assert rows.loc["seed-min f1[macro]", "status"].endswith("below floor 0.60 at some seed")
    assert "below" not in rows.loc["seed-min f1[a]", "status"]  # the floor is the macro's
    # Seed rows never read as the per-frame comparison or the frames below baseline.
    assert framing_fit.frames_below_baseline(rows.reset_index()) == []


def test_fresh_seed_rows_judge_the_macro_floor():
    fresh = pd.DataFrame({"frame": ["conflict", "macro"], "mean": [0.8, 0.614],
                          "min": [0.78, 0.5926], "n": [260, 260], "n_gold": [163, 260]})
    rows = pd.DataFrame(framing_fit.fresh_rows(fresh, (5, 6, 7, 8, 9))).set_index("metric")
    assert rows.loc["fresh-seed-min f1[macro]", "status"].startswith("below floor 0.60")
    assert rows.loc["fresh-seed-mean f1[macro]", "value"] == pytest.approx(0.614)
    met = pd.DataFrame(framing_fit.fresh_rows(fresh.assign(min=[0.78, 0.61]))).set_index("metric")
    assert "below" not in met.loc["fresh-seed-min f1[macro]", "status"]
