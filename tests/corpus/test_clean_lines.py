"""Line features and word weights of the furniture model."""

from __future__ import annotations

import numpy as np
import pytest
from newsprism.corpus import clean_lines


@pytest.mark.parametrize(("line", "words"), [
    ("Share this: Facebook", {"share", "this", "facebook"}),
    ("Mehr zum Thema", {"mehr", "zum", "thema"}),
    ("2026 · 10:15", set()),
    ("x" * (clean_lines.LEXICAL_MAX_CHARS + 1), set()),
    (" ".join(f"w{chr(97 + i)}" for i in range(20)),
     {f"w{chr(97 + i)}" for i in range(clean_lines.LEXICAL_MAX_WORDS)}),
])
def test_line_words(line, words):
    assert clean_lines.line_words(line) == words


def test_word_scores_sum_known_words_once():
    weights = {"share": 2.0, "this": -0.5}
    scores = clean_lines.word_scores(["Share this share", "Body text.", "x" * 300], weights)
    assert scores.tolist() == [1.5, 0.0, 0.0]


def test_features_have_one_column_per_name_and_see_repeats_and_context():
    lines = ["Home", "News", "A long body paragraph that ends a sentence and goes on for a "
             "while, longer than eighty characters.", "Home"]
    features = clean_lines.line_features(lines)
    assert features.shape == (4, len(clean_lines.FEATURES))
    repeated = features[:, clean_lines.FEATURES.index("repeated_in_page")]
    assert repeated.tolist() == [1.0, 0.0, 0.0, 1.0]
    after = features[:, clean_lines.FEATURES.index("log_body_after")]
    assert after[0] > 0 and after[3] == 0


def test_model_words_make_a_furniture_word_raise_the_score():
    model = clean_lines.load_model()
    assert model["words"] and set(model["features"]) == set(clean_lines.FEATURES)
    furniture = [w for w, c in model["words"].items() if c > 0.5]
    assert furniture
    lines = ["Home", "A long body paragraph that ends a sentence and goes on for a while.",
             "xyzzy"]
    first_pass = {key: value for key, value in model.items() if key != "context"}
    plain = clean_lines.furniture_scores(lines, first_pass)
    worded = clean_lines.furniture_scores(lines[:2] + [furniture[0]], first_pass)
    assert worded[2] > plain[2]
    assert np.all((plain >= 0) & (plain <= 1))
