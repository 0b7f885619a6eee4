"""Tone toward a target: the public call, masking, the shipped model and its reproducible fit."""

from __future__ import annotations

import json

import numpy as np
import pytest
from newsprism.sentiment import scoring as sentiment
from newsprism.sentiment import tone_features, tone_fit, tone_model

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


@pytest.mark.parametrize("engine", sentiment.TONE_ENGINES)
def test_two_targets_of_one_sentence_get_different_labels(engine):
    text = "Putin praised the brilliant treaty, but Kim called the sanctions a terrible disaster."
    spans = [(0, 5), (40, 43)]
    labels = sentiment.tone_toward([text, text], spans, engine=engine)["label"].tolist()
    assert labels == ["positive", "negative"], engine


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
        assert data["coef"].shape == (3, len(data["vocabulary"]) + len(tone_features.DENSE_NAMES))
    assert meta["seed"] == tone_fit.SEED and meta["classes"] == list(tone_model.CLASSES)
    # the chosen point is the best cross-validated one of the grid recorded with it
    best = max(row["cv_macro_f1"] for row in meta["grid"])
    assert meta["cv_macro_f1"] == best
    assert meta["class_weight"] in tone_fit.GRID["class_weight"]


@pytest.mark.slow
@pytest.mark.skipif(SHARED_MISSING, reason="NewsMTSC gold data (shared/datasets/newsmtsc) absent")
def test_refit_reproduces_the_shipped_model_and_its_dev_score(tmp_path):
    shipped = tone_model.load()
    meta = shipped["meta"]
    out = tmp_path / "tone_model.npz"
    tone_fit.refit(meta["C"], meta["dense_weight"], out, meta)
    refit = tone_model.load(out)
    assert refit["vocabulary"] == shipped["vocabulary"]
    np.testing.assert_allclose(refit["coef"], shipped["coef"], atol=2e-3)
    refit_dev, shipped_dev = tone_fit.dev_scores(path=out), tone_fit.dev_scores()
    for split in tone_fit.DEV_SPLITS:
        assert refit_dev[split]["n"] == shipped_dev[split]["n"] == meta["dev"][split]["n"]
        for metric in ("macro_f1", "accuracy"):
            assert refit_dev[split][metric] == pytest.approx(shipped_dev[split][metric], abs=0.005)
            assert shipped_dev[split][metric] == pytest.approx(meta["dev"][split][metric],
                                                               abs=1e-4)
