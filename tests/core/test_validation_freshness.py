"""Saved validation figures carry the fingerprint of the model and codebook files they scored:
a file or version changed since makes them stale, and every place that quotes them says so."""

from __future__ import annotations

import pytest
from conftest import change_model, save_fake_validation
from newsprism.core import validate, validation_freshness


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """`make validate` (a fake validator) saved the quotes figures from a tmp data folder."""
    return save_fake_validation(tmp_path, monkeypatch)


def _add_codebook(data):
    (data / "codebooks" / "new.yml").write_text("x: y\n")


def _remove_codebook(data):
    (data / "codebooks" / "cues.yml").unlink()


def _new_version(data, monkeypatch):
    monkeypatch.setattr(validation_freshness, "__version__", "99.0")


@pytest.mark.parametrize("change, expected", [
    (change_model, ["data/quote_classifier.json (changed)"]),
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
    change_model(shipped)
    assert validate.freshness(["quotes"])["quotes"][0] == "stale"
    validate.main(["quotes"])
    assert validate.freshness(["quotes"])["quotes"] == ("current", [])
