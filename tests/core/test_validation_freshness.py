"""Saved validation figures carry the fingerprint of the model and codebook files they scored:
a file or version changed since makes them stale, and every place that quotes them says so."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.core import validate, validation_freshness


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A tmp package-data folder and results folder; `make validate` (a fake validator) saved
    the quotes figures from it."""
    data = tmp_path / "data"
    (data / "codebooks").mkdir(parents=True)
    (data / "quote_classifier.json").write_text('{"w": 1}')
    (data / "codebooks" / "cues.yml").write_text("said: speech\n")
    monkeypatch.setattr(validation_freshness, "FINGERPRINT_ROOTS", {"data": data})
    monkeypatch.setattr(validate, "RESULTS_DIR", tmp_path / "results")
    monkeypatch.setattr(validate, "input_roots", lambda: {"library": [data]})
    monkeypatch.setattr(validate, "run_validator", lambda measure, quick=False: pd.DataFrame(
        [{"measure": measure, "dataset": "PolNeAR", "split": "dev", "engine": "rules",
          "metric": "precision", "value": 0.9, "n": 100, "status": "ok"}],
        columns=validate.VALIDATION_COLUMNS))
    assert validate.main(["quotes"]) == 0
    return data


def _change_model(data):
    (data / "quote_classifier.json").write_text('{"w": 2}')


def _add_codebook(data):
    (data / "codebooks" / "new.yml").write_text("x: y\n")


def _remove_codebook(data):
    (data / "codebooks" / "cues.yml").unlink()


def _new_version(data, monkeypatch):
    monkeypatch.setattr(validation_freshness, "__version__", "99.0")


@pytest.mark.parametrize("change, expected", [
    (_change_model, ["data/quote_classifier.json (changed)"]),
    (_add_codebook, ["data/codebooks/new.yml (added)"]),
    (_remove_codebook, ["data/codebooks/cues.yml (removed)"]),
])
def test_a_changed_data_file_makes_the_saved_figures_stale(shipped, change, expected):
    assert validate.freshness(["quotes"]) == {"quotes": ("current", [])}
    change(shipped)
    assert validate.freshness(["quotes"]) == {"quotes": ("stale", expected)}


def test_a_new_package_version_makes_them_stale(shipped, monkeypatch):
    _new_version(shipped, monkeypatch)
    state, changed = validate.freshness(["quotes"])["quotes"]
    assert state == "stale" and changed[0].startswith("newsprism version ")


def test_missing_and_unfingerprinted_figures_are_told_apart(shipped):
    (validate.RESULTS_DIR / "frames.csv").write_text("measure\nframes\n")  # an older run's
    states = validate.freshness(["quotes", "frames", "sentences"])
    assert {m: s for m, (s, _) in states.items()} == {
        "quotes": "current", "frames": "unverified", "sentences": "missing"}
    note = validation_freshness.note(states)
    assert "frames carry no fingerprint" in note and "No saved validation figures for " \
        "sentences" in note and "make validate" in note


def test_a_rerun_records_the_new_files(shipped):
    _change_model(shipped)
    assert validate.freshness(["quotes"])["quotes"][0] == "stale"
    validate.main(["quotes"])
    assert validate.freshness(["quotes"])["quotes"] == ("current", [])
