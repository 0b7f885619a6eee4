"""The shipped speech/term classifier (data/quote_classifier.json) and its fit command."""

import json

import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.quotes import extract as quotes
from newsprism.quotes import fit as quotes_fit
from newsprism.quotes.marks import pair_marks
from newsprism.quotes.validation import THRESHOLD_TIE, choose_threshold

POLNEAR_MISSING = not (paths.POLNEAR / "metadata.tsv").exists()


def test_shipped_classifier_has_a_weight_per_feature_and_its_fit_record():
    c = quotes.load_classifier()
    assert list(c.weights) == list(quotes.FEATURE_NAMES)
    assert c.meta["split"] == "train" and c.meta["seed"] == quotes_fit.SEED
    assert c.meta["command"] == "python -m newsprism.quotes.fit"
    chosen = [r for r in c.meta["cv"] if r["threshold"] == c.threshold]
    # the threshold the fit's tie rule picks: the highest within THRESHOLD_TIE of the best
    assert len(chosen) == 1 and c.threshold == choose_threshold(pd.DataFrame(c.meta["cv"]))
    assert chosen[0]["min_p_r"] >= max(r["min_p_r"] for r in c.meta["cv"]) - THRESHOLD_TIE


def test_features_are_the_classifier_features():
    text = "“We will win,” Kim said."
    span, att, form, _ = next(quotes.candidates(text))
    assert span == pair_marks(text)[0]
    assert tuple(quotes.span_features(text, span, form, att)) == quotes.FEATURE_NAMES


@pytest.mark.parametrize("content", [
    {},
    {"weights": {"log_words": 1.0}, "bias": 0.0, "threshold": 0.5},
    {"weights": dict.fromkeys(quotes.FEATURE_NAMES, 0.0), "bias": "x", "threshold": 0.5},
])
def test_a_malformed_classifier_file_gets_a_clear_error(tmp_path, content):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match="newsprism.quotes.fit"):
        quotes.load_classifier(path)


@pytest.mark.slow
@pytest.mark.skipif(POLNEAR_MISSING, reason="PolNeAR gold data (shared/datasets/polnear) absent")
def test_refit_on_train_reproduces_the_shipped_file(tmp_path):
    out = quotes_fit.write(quotes_fit.fit(), tmp_path / "quote_classifier.json")
    assert out.read_text(encoding="utf-8") == quotes.CLASSIFIER_PATH.read_text(encoding="utf-8")
