"""The char view of the tone model, its blend and its round trip through the data file."""

from __future__ import annotations

import shutil
import sys

import numpy as np
import pytest
from newsprism.sentiment import tone_fit, tone_lexicon, tone_model, tone_views

WINDOW_CASES = [  # (text, span, width, window)
    ("Critics slammed Smith over the plan on Tuesday.", (16, 21), 1, "slammed <t> over"),
    ("Critics slammed Smith over the plan on Tuesday.", (16, 21), 6,
     "critics slammed <t> over the plan on tuesday ."),
    ("Smith won.", (0, 5), 3, "<t> won ."),
    ("Officials from the United States met in Geneva.", (19, 32), 2, "from the <t> met in"),
]


@pytest.mark.parametrize(("text", "span", "width", "window"), WINDOW_CASES)
def test_window_text_masks_the_target_and_keeps_width_tokens_each_side(text, span, width, window):
    assert tone_views.window_text(text, span, width) == window


BLEND_CASES = [  # (probabilities, weights, blended)
    ({"linear": [[0.6, 0.3, 0.1]], "char": [[0.0, 0.0, 1.0]]}, {"linear": 0.6, "char": 0.4},
     [[0.36, 0.18, 0.46]]),
    # a view with weight zero changes nothing
    ({"linear": [[0.6, 0.3, 0.1]], "char": [[0.0, 0.0, 1.0]]}, {"linear": 1.0, "char": 0.0},
     [[0.6, 0.3, 0.1]]),
    # weights of the given views renormalised: the char view not given, linear alone
    ({"linear": [[0.6, 0.3, 0.1]]}, {"linear": 0.6, "char": 0.4}, [[0.6, 0.3, 0.1]]),
]


@pytest.mark.parametrize(("probs", "weights", "blended"), BLEND_CASES)
def test_blend_is_a_weighted_average_and_ignores_views_it_was_not_given(probs, weights, blended):
    found = tone_views.blend({v: np.array(p) for v, p in probs.items()}, weights)
    np.testing.assert_allclose(found, blended)
    assert found.sum() == pytest.approx(1.0)


def test_weight_points_sum_to_one_and_start_with_the_linear_model_alone():
    points = tone_fit.weight_points()
    assert points[0] == {"linear": 1.0, "char": 0.0, "vec": 0.0}
    assert set().union(*points) == set(tone_views.VIEWS)
    assert sorted({p["linear"] for p in points}, reverse=True) == [1.0, 0.9, 0.8, 0.7, 0.6, 0.5,
                                                                   0.4, 0.3]
    # every split of the rest between char and vec, the linear + char grid among them
    assert len([p for p in points if p["linear"] == 0.6]) == 5
    assert {"linear": 0.6, "char": 0.4, "vec": 0.0} in points
    assert all(sum(p.values()) == pytest.approx(1.0) for p in points)
    assert all(min(p.values()) >= 0 for p in points)
    assert min(p["linear"] for p in points) == pytest.approx(tone_fit.MIN_LINEAR_WEIGHT)
    assert len({tuple(p.values()) for p in points}) == len(points)


def _toy(n: int = 60):
    labels = np.arange(n) % 3
    words = np.array(["awful", "met", "great"])[labels]
    docs = [f"critics said <t> {w} today" for w in words]
    return docs, labels


def test_char_view_learns_spellings_and_round_trips_through_the_data_file(tmp_path):
    docs, labels = _toy()
    char = tone_views.fit_char(docs, labels)
    probs = tone_views.char_probabilities(char, ["critics said <t> awful", "<t> great news"])
    assert probs.argmax(axis=1).tolist() == [0, 2]
    path = tmp_path / "model.npz"
    tone_model.save(path, {"w:a": 0}, np.zeros((3, 1 + 4)), np.zeros(3), {"weights": {}},
                    tone_lexicon.fit([[("s|a", 1)]] * 3, [0, 1, 2], min_count=1), None,
                    {"char": char})
    loaded = tone_model.load(path)["views"]
    assert set(loaded) == {"char"}
    np.testing.assert_allclose(tone_views.char_probabilities(loaded["char"], docs),
                               tone_views.char_probabilities(char, docs), atol=1e-5)


def test_empty_inputs_give_empty_probabilities():
    docs, labels = _toy()
    assert tone_views.char_probabilities(tone_views.fit_char(docs, labels), []).shape == (0, 3)


def test_shipped_model_predicts_without_lightgbm(tmp_path, monkeypatch):
    # LightGBM needs the system's OpenMP library; the default model must not import it.
    monkeypatch.setitem(sys.modules, "lightgbm", None)  # `import lightgbm` now raises
    path = tmp_path / "tone_model.npz"
    shutil.copyfile(tone_model.MODEL_PATH, path)  # a fresh file: not the cached load
    with np.load(path, allow_pickle=False) as data:
        assert not [k for k in data.files if k.startswith("gbm")]
    probs, _ = tone_model.predict(["Critics slammed Smith's disastrous plan."], [(16, 21)], path)
    assert probs.shape == (1, 3) and probs[0].argmax() == 0
    assert tone_model.load(path)["meta"]["weights"]["char"] > 0  # the char view is used
