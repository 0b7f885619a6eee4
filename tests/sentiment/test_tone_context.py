"""The vector view: context features of a target in word-vector space, its fit and data file."""

from __future__ import annotations

import numpy as np
import pytest
from newsprism.sentiment import tone_context, tone_lexicon, tone_model

WORDS = ["critics", "good", "plan", "said", "slammed", "the", "today"]
DIMS = len(WORDS)
VECTORS = {"words": WORDS, "matrix": np.eye(DIMS, dtype=np.float16)}
MEANS = tone_context.N_MEANS


def _features(text: str, name: str = "Smith") -> np.ndarray:
    start = text.index(name)
    return tone_context.context_features(VECTORS, [text], [(start, start + len(name))])[0]


def _block(row: np.ndarray, block: int) -> dict[str, float]:
    values = row[block * DIMS:(block + 1) * DIMS]
    return {w: round(float(v), 3) for w, v in zip(WORDS, values, strict=True) if v}


def test_context_features_have_one_block_per_width_side_pool_and_nearest_word():
    row = _features("Critics slammed Smith today.")
    assert row.shape == (tone_context.N_BLOCKS * DIMS + 2,)
    # widths 3, 6, 12 x (left, right), then the sentence mean, the max-pool
    assert _block(row, 0) == {"critics": 0.333, "slammed": 0.667}  # left, 1/distance weights
    assert _block(row, 1) == {"today": 1.0}
    assert _block(row, MEANS - 1) == {"critics": 0.333, "slammed": 0.333, "today": 0.333}
    assert _block(row, MEANS) == {"critics": 1.0, "slammed": 1.0, "today": 1.0}


WIDTH_CASES = [  # (text, block, word present)
    ("Critics said the plan today slammed Smith.", 0, "critics"),  # 6 left: not within 3
    ("Critics said the plan today slammed Smith.", 2, "critics"),  # within 6
    ("Smith the plan the plan the plan critics.", 3, "critics"),  # 7 right: not within 6
    ("Smith the plan the plan the plan critics.", 5, "critics"),  # within 12
]


@pytest.mark.parametrize(("text", "block", "word"), WIDTH_CASES)
def test_words_enter_the_blocks_of_the_widths_that_reach_them(text, block, word):
    present = word in _block(_features(text), block)
    within = block in (2, 5)
    assert present == within


def test_the_mention_itself_never_enters_the_features():
    np.testing.assert_array_equal(_features("Critics slammed Smith today."),
                                  _features("Critics slammed Good Plan today.", "Good Plan"))


NEAREST_CASES = [  # (text, side, sign of the valence)
    ("Good plan, said Smith.", 0, 1.0),
    ("Smith is not good.", 1, -1.0),  # negated: vector and valence flipped
    ("Smith slammed the plan.", 1, 0.0),  # "slammed" is not in VADER's lexicon: nothing
]


@pytest.mark.parametrize(("text", "side", "sign"), NEAREST_CASES)
def test_nearest_lexicon_word_is_signed_by_negation(text, side, sign):
    row = _features(text)
    start = tone_context.N_BLOCKS * DIMS - 2 * DIMS + side * (DIMS + 1)
    nearest = row[start:start + DIMS + 1]
    assert np.sign(nearest[-1]) == sign
    assert nearest[WORDS.index("good")] == (sign if sign else 0.0)


def test_text_without_known_words_gives_zeros_and_empty_input_no_rows():
    assert not _features("Smith won.").any()
    assert tone_context.context_features(VECTORS, [], []).shape == (0, tone_context.N_BLOCKS
                                                                     * DIMS + 2)


def _toy():
    texts = ["Critics slammed Smith.", "Smith said the plan.", "Smith is good."] * 20
    spans = [(t.index("Smith"), t.index("Smith") + 5) for t in texts]
    return texts, spans, np.arange(len(texts)) % 3


def test_vector_view_learns_and_round_trips_through_the_data_file(tmp_path):
    texts, spans, labels = _toy()
    features = tone_context.context_features(VECTORS, texts, spans)
    view = tone_context.fit_view(features, labels)
    assert tone_context.probabilities(view, features[:3]).argmax(axis=1).tolist() == [0, 1, 2]
    path = tmp_path / "model.npz"
    tone_model.save(path, {"w:a": 0}, np.zeros((3, 1 + 4)), np.zeros(3), {"weights": {}},
                    tone_lexicon.fit([[("s|a", 1)]] * 3, [0, 1, 2], min_count=1), None,
                    {"vec": {**view, **VECTORS}})
    loaded = tone_model.load(path)["views"]["vec"]
    assert loaded["words"] == WORDS and loaded["matrix"].dtype == np.float16
    again = tone_context.probabilities(loaded, tone_context.context_features(loaded, texts, spans))
    np.testing.assert_allclose(again, tone_context.probabilities(view, features), atol=1e-4)
    assert tone_context.probabilities(view, features[:0]).shape == (0, 3)
