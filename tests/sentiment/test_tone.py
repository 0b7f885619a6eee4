"""Tone toward a target: the public call, masking, the shipped model and its reproducible fit."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from newsprism.sentiment import scoring as sentiment
from newsprism.sentiment import tone_features, tone_fit, tone_lexicon, tone_model
from sklearn.metrics import f1_score

SHARED_MISSING = not (tone_fit.NEWSMTSC / "train.jsonl").exists()
NAMES_ONLY = "Officials from the United States met in Geneva."


@pytest.mark.parametrize("engine", sentiment.TONE_ENGINES)
def test_tone_toward_one_row_per_input_in_order(engine):
    texts = ["Critics slammed Smith's disastrous plan.", NAMES_ONLY,
             "Voters praised Jones for her brilliant, generous leadership."]
    spans = [(16, 21), (19, 32), (15, 20)]
    table = sentiment.tone_toward(texts, spans, engine=engine)
    assert list(table.columns) == sentiment.TONE_COLUMNS
    assert len(table) == 3 and table["score"].between(-1, 1).all()
    assert set(table["label"]) <= set(sentiment.TONE_LABELS)
    assert table["label"].tolist()[0] == "negative"
    assert table["label"].tolist()[2] == "positive"
    reversed_table = sentiment.tone_toward(texts[::-1], spans[::-1], engine=engine)
    assert reversed_table["score"].tolist() == table["score"].tolist()[::-1]


@pytest.mark.parametrize("engine", sentiment.TONE_ENGINES)
def test_names_alone_carry_no_tone(engine):
    row = sentiment.tone_toward([NAMES_ONLY], [(19, 32)], engine=engine).iloc[0]
    assert row["label"] == "neutral", engine


def test_model_probabilities_are_calibrated_rows_and_flag_no_evidence():
    table = sentiment.tone_toward([NAMES_ONLY, "Critics slammed Smith's disastrous plan."],
                                  [(19, 32), (16, 21)])
    probs = table[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1)
    assert np.allclose(table["score"], probs[:, 2] - probs[:, 0])
    assert table["no_evidence"].tolist() == [True, False]


SPEAKER_KIM = "Putin praised the brilliant treaty, but Kim called the sanctions a terrible disaster."
OBJECT_KIM = "Putin praised the brilliant treaty, but critics called Kim a terrible disaster."


@pytest.mark.parametrize("engine", sentiment.TONE_ENGINES)
def test_two_targets_of_one_sentence_get_different_labels(engine):
    table = sentiment.tone_toward([SPEAKER_KIM, SPEAKER_KIM], [(0, 5), (40, 43)], engine=engine)
    labels = table["label"].tolist()
    assert labels[0] == "positive" and labels[1] != "positive", engine
    assert table["score"].iloc[0] > table["score"].iloc[1]
    if engine != "model":  # the clause lexicons score Kim's clause, whose words are negative
        assert labels[1] == "negative", engine


def test_model_gives_the_target_of_the_criticism_negative_and_the_praiser_positive():
    # Kim as the speaker of "terrible disaster" (above) need only score below Putin; Kim as
    # the one criticised must be negative.
    labels = sentiment.tone_toward([OBJECT_KIM, OBJECT_KIM], [(0, 5), (55, 58)])["label"]
    assert labels.tolist() == ["positive", "negative"]


def test_mask_hides_the_name_from_the_features():
    names, _ = tone_features.extract("The United States praised Kim.", (4, 17))
    assert not any("united" in n or "states" in n for n in names)
    assert "n:<t>_praised" in names


@pytest.mark.parametrize("spans", [[(5, 2)], [(0, 99)], [(-1, 3)]])
def test_bad_spans_raise_a_clear_error(spans):
    with pytest.raises(ValueError, match="not inside its text"):
        sentiment.tone_toward(["short text"], spans)


def test_unknown_engine_and_length_mismatch_raise():
    with pytest.raises(ValueError, match="unknown tone engine"):
        sentiment.tone_toward(["a b"], [(0, 1)], engine="nope")
    with pytest.raises(ValueError, match="2 texts but 1 spans"):
        sentiment.tone_toward(["a b", "c"], [(0, 1)])


def test_empty_input_gives_empty_table():
    assert list(sentiment.tone_toward([], []).columns) == sentiment.TONE_COLUMNS


def test_shipped_model_loads_from_plain_arrays():
    with np.load(tone_model.MODEL_PATH, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        assert data["coef"].shape == (3, len(data["vocabulary"]) + len(tone_features.DENSE_NAMES)
                                      + tone_lexicon.N_FEATURES)
        assert data["lexicon_values"].shape == (len(data["lexicon_keys"]), 3)
        assert data["column_scale"].shape == data["vocabulary"].shape
    assert meta["seed"] == tone_fit.SEED and meta["classes"] == list(tone_model.CLASSES)
    # the chosen point is the best cross-validated one of the grid recorded with it
    best = max(row["cv_macro_f1"] for row in meta["grid"])
    assert meta["cv_macro_f1"] == best
    assert meta["class_weight"] in tone_fit.GRID["class_weight"]
    assert meta["weights"] in tone_fit.weight_points()
    assert set(tone_model.load()["views"]) == {"char", "vec"}
    assert meta["weights"]["vec"] > 0  # the vector view is part of the shipped blend


@pytest.mark.slow
@pytest.mark.skipif(SHARED_MISSING, reason="NewsMTSC gold data (shared/datasets/newsmtsc) absent")
def test_refit_reproduces_the_shipped_model_and_its_dev_score(tmp_path):
    shipped = tone_model.load()
    meta = shipped["meta"]
    out = tmp_path / "tone_model.npz"
    tone_fit.refit(meta, out)
    refit = tone_model.load(out)
    assert refit["vocabulary"] == shipped["vocabulary"]
    assert refit["lexicon"].keys() == shipped["lexicon"].keys()
    np.testing.assert_allclose(refit["coef"], shipped["coef"], atol=2e-3)
    assert refit["views"]["char"]["vocabulary"] == shipped["views"]["char"]["vocabulary"]
    np.testing.assert_allclose(refit["views"]["char"]["coef"], shipped["views"]["char"]["coef"],
                               atol=2e-3)
    vec, shipped_vec = refit["views"]["vec"], shipped["views"]["vec"]
    assert vec["words"] == shipped_vec["words"]
    np.testing.assert_allclose(vec["matrix"].astype(float), shipped_vec["matrix"].astype(float),
                               atol=2e-3)
    np.testing.assert_allclose(vec["coef"], shipped_vec["coef"], atol=2e-3)
    refit_dev, shipped_dev = tone_fit.dev_scores(path=out), tone_fit.dev_scores()
    for split in tone_fit.DEV_SPLITS:
        assert refit_dev[split]["n"] == shipped_dev[split]["n"] == meta["dev"][split]["n"]
        for metric in ("macro_f1", "accuracy"):
            assert refit_dev[split][metric] == pytest.approx(shipped_dev[split][metric], abs=0.005)
            assert shipped_dev[split][metric] == pytest.approx(meta["dev"][split][metric],
                                                               abs=1e-4)


def test_lexicon_keys_place_words_relative_to_the_target():
    toks = tone_features.tokens(tone_features.mask("Critics slammed Smith ; voters cheered.",
                                                   [(16, 21)]))
    keys = dict(tone_features.lexicon_keys(toks, [toks.index(tone_features.TARGET)]))
    assert keys["nL|slam"] == 1 and keys["cL|slam"] == 1 and keys["s|slam"] == 1
    assert "s|cheer" in keys and "cR|cheer" not in keys  # ";" ends the target's clause
    assert not any("smith" in key for key in keys)


LEXICON_CASES = [  # (keys of each target, labels, key, class whose ratio is highest)
    ([[("cR|slam", 1)], [("s|meet", 2)]], [0, 1], "cR|slam", 0),
    ([[("nL|prais", 1)], [("s|meet", 2)]], [2, 1], "nL|prais", 2),
]


@pytest.mark.parametrize(("key_lists", "labels", "key", "top"), LEXICON_CASES)
def test_learnt_lexicon_leans_toward_the_class_a_key_comes_with(key_lists, labels, key, top):
    lexicon = tone_lexicon.fit(key_lists * 3, labels * 3, min_count=1)
    assert int(np.argmax(lexicon[key])) == top
    assert tone_lexicon.from_arrays(*tone_lexicon.to_arrays(lexicon)).keys() == lexicon.keys()


def test_learnt_lexicon_drops_rare_keys_and_ignores_unknown_ones():
    lexicon = tone_lexicon.fit([[("s|rare", 0)], [("s|meet", 1)]] * 2, [0, 1] * 2)
    assert lexicon == {}
    assert not tone_lexicon.features([("s|unknown", 1)], lexicon).any()


def test_out_of_fold_lexicon_features_never_see_their_own_sentence():
    # a key found in one sentence only has no lexicon entry when that sentence is held out
    key_lists = [[("s|only", 0)]] + [[("s|meet", 1)]] * 9
    block = tone_lexicon.out_of_fold(key_lists, [0] + [1] * 9, list(range(10)))
    assert not block[0].any()


FLOOR_CASES = [  # (model macro-F1, sentence-level VADER macro-F1, misses the floor)
    (0.70, 0.50, False),
    (0.66, 0.50, True),   # below 0.68
    (0.70, 0.60, True),   # only 0.10 above sentence-level VADER
]


@pytest.mark.parametrize(("model", "vader", "misses"), FLOOR_CASES)
def test_caption_says_when_actor_tone_is_below_its_floor(model, vader, misses):
    from newsprism.sentiment import tone_validation

    table = pd.DataFrame({"split": ["dev_mt"] * 4, "engine": ["model", "sentence_vader",
                          "majority", "always_neutral"], "metric": ["macro_f1"] * 4,
                          "value": [model, vader, 0.2, 0.2], "n": [442] * 4,
                          "status": ["beats baselines"] + ["baseline"] * 3})
    assert bool(tone_validation.floor_misses(table)) == misses
    assert ("Below the project's floor" in tone_validation.caption_note("model", table)) == misses


def test_mt_balanced_f1_reweights_classes_to_dev_mt_shares():
    labels = np.array([0, 0, 0, 1, 2, 2])
    perfect = tone_fit.mt_balanced_f1(labels, labels)
    assert perfect == 1.0
    # missing the lone neutral target costs more at dev_mt's balance (half neutral)
    predicted = np.array([0, 0, 0, 0, 2, 2])
    plain = f1_score(labels, predicted, average="macro")
    assert tone_fit.mt_balanced_f1(labels, predicted) < plain


NB_CASES = [  # (binary rows, labels, beta, column whose scale is larger)
    ([[1, 1], [1, 1], [0, 1], [0, 1]], [0, 0, 1, 2], 0.0, 0),  # col 0 only with class 0
    ([[0, 1], [0, 1], [1, 1], [1, 1]], [0, 1, 2, 2], 0.0, 0),  # col 0 only with class 2
    ([[1, 0], [1, 1], [1, 0], [1, 1]], [0, 1, 2, 1], 0.5, 1),  # col 1 only with class 1
]


@pytest.mark.parametrize(("rows", "labels", "beta", "larger"), NB_CASES)
def test_nb_scale_weighs_class_telling_columns_up(rows, labels, beta, larger):
    from scipy import sparse

    scale = tone_model.nb_scale(sparse.csr_matrix(np.array(rows, dtype=float)),
                                np.array(labels), beta)
    assert scale.shape == (2,) and scale[larger] > scale[1 - larger]
    assert scale.mean() == pytest.approx(1.0)
    same = tone_model.nb_scale(sparse.csr_matrix(np.array(rows, dtype=float)),
                               np.array(labels), 1.0)
    assert np.allclose(same, 1.0)


def test_scale_columns_leaves_the_dense_block_alone():
    from scipy import sparse

    matrix = sparse.csr_matrix(np.ones((2, 4)))
    scaled = tone_model.scale_columns(matrix, np.array([2.0, 3.0])).toarray()
    assert scaled[0].tolist() == [2.0, 3.0, 1.0, 1.0]
    assert tone_model.scale_columns(matrix, None) is matrix
