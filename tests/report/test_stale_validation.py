"""The report says when the saved validation figures it quotes are stale (model or codebook
files changed since `make validate` saved them): the methods appendix, validity captions and
the report command's warning."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.core import validate, validation_freshness
from newsprism.report import cli, methods, methods_sections, quotes_sections


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
    monkeypatch.setattr(validate, "VALIDATORS", {"quotes": "unused:unused"})
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


def _change_model(data):
    (data / "quote_classifier.json").write_text('{"w": 2}')


def test_the_methods_appendix_says_the_figures_are_stale(shipped):
    current = methods.collect_validation(run_missing=False, validators={"quotes": ""})
    assert set(current["origin"]) == {methods.ORIGIN_SAVED}
    assert "STALE" not in methods_sections.overview_section(current).reading
    _change_model(shipped)
    results = methods.collect_validation(run_missing=False, validators={"quotes": ""})
    assert set(results["origin"]) == {methods.ORIGIN_STALE}
    for text in (methods_sections.overview_section(results).reading,
                 methods_sections.headline(results),
                 methods_sections.key_findings(results)[0],
                 methods_sections.metrics_section(results).parts[0].caption):
        assert ("The saved validation figures of quotes are STALE (changed since they were "
                "saved: data/quote_classifier.json (changed)); run `make validate`") in text


def test_a_validity_caption_quoting_saved_figures_says_stale(shipped):
    assert "STALE" not in quotes_sections.validation_section(run_validation=False).caption
    _change_model(shipped)
    caption = quotes_sections.validation_section(run_validation=False).caption
    assert "quotes are STALE" in caption and "make validate" in caption


def test_the_report_command_warns(shipped, capsys):
    assert cli.warn_stale_validation() == ""
    _change_model(shipped)
    cli.warn_stale_validation()
    err = capsys.readouterr().err
    assert err.startswith("warning: The saved validation figures of quotes are STALE")
