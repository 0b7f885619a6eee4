"""The char and gbm views of the tone model, their blend, and their round trip through the data file."""

from __future__ import annotations

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


def test_blend_is_a_weighted_average_and_ignores_views_it_was_not_given():
    probs = {"linear": np.array([[0.6, 0.3, 0.1]]), "gbm": np.array([[0.0, 0.0, 1.0]])}
    blended = tone_views.blend(probs, {"linear": 0.6, "char": 0.3, "gbm": 0.1})
    # weights of the given views renormalised: 6/7 and 1/7
    np.testing.assert_allclose(blended, [[0.6 * 6 / 7, 0.3 * 6 / 7, 0.1 * 6 / 7 + 1 / 7]])
    assert blended.sum() == pytest.approx(1.0)


def test_weight_points_sum_to_one_and_start_with_the_linear_model_alone():
    points = tone_fit.weight_points()
    assert points[0] == {"linear": 1.0, "char": 0.0, "gbm": 0.0}
    assert all(sum(p.values()) == pytest.approx(1.0) for p in points)
    assert min(p["linear"] for p in points) == pytest.approx(tone_fit.MIN_LINEAR_WEIGHT)
    assert len({tuple(p.values()) for p in points}) == len(points)


def _toy(n: int = 60):
    rng = np.random.default_rng(0)
    labels = np.arange(n) % 3
    dense = rng.normal(size=(n, 4)) + 3 * labels[:, None]  # the class moves every column
    words = np.array(["awful", "met", "great"])[labels]
    docs = [f"critics said <t> {w} today" for w in words]
    return dense, docs, labels


def test_gbm_view_is_deterministic_and_survives_its_text_format():
    dense, _, labels = _toy()
    first, second = tone_views.fit_gbm(dense, labels), tone_views.fit_gbm(dense, labels)
    assert first == second
    probs = tone_views.gbm_probabilities(tone_views.gbm_booster(first), dense)
    assert probs.shape == (len(labels), 3) and np.allclose(probs.sum(axis=1), 1)
    assert (probs.argmax(axis=1) == labels).mean() > 0.9


def test_char_view_learns_spellings_and_round_trips_through_the_data_file(tmp_path):
    dense, docs, labels = _toy()
    char = tone_views.fit_char(docs, labels)
    probs = tone_views.char_probabilities(char, ["critics said <t> awful", "<t> great news"])
    assert probs.argmax(axis=1).tolist() == [0, 2]
    path = tmp_path / "model.npz"
    tone_model.save(path, {"w:a": 0}, np.zeros((3, 1 + 4)), np.zeros(3), {"weights": {}},
                    tone_lexicon.fit([[("s|a", 1)]] * 3, [0, 1, 2], min_count=1), None,
                    {"char": char, "gbm": tone_views.fit_gbm(dense, labels)})
    loaded = tone_model.load(path)["views"]
    np.testing.assert_allclose(tone_views.char_probabilities(loaded["char"], docs),
                               tone_views.char_probabilities(char, docs), atol=1e-5)
    assert tone_views.gbm_probabilities(loaded["gbm"], dense).shape == (len(docs), 3)


def test_empty_inputs_give_empty_probabilities():
    dense, docs, labels = _toy()
    assert tone_views.char_probabilities(tone_views.fit_char(docs, labels), []).shape == (0, 3)
    booster = tone_views.gbm_booster(tone_views.fit_gbm(dense, labels))
    assert tone_views.gbm_probabilities(booster, np.zeros((0, 4))).shape == (0, 3)
