"""The report says when the saved validation figures it quotes are stale (model or codebook
files changed since `make validate` saved them): the methods appendix, validity captions and
the report command's warning."""

from __future__ import annotations

import pytest
from conftest import change_model, save_fake_validation
from newsprism.core import validate
from newsprism.report import cli, methods, methods_sections, quotes_sections


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """`make validate` (a fake validator) saved the quotes figures from a tmp data folder."""
    monkeypatch.setattr(validate, "VALIDATORS", {"quotes": "unused:unused"})
    return save_fake_validation(tmp_path, monkeypatch)


def test_the_methods_appendix_says_the_figures_are_stale(shipped):
    current = methods.collect_validation(run_missing=False, validators={"quotes": ""})
    assert set(current["origin"]) == {methods.ORIGIN_SAVED}
    assert "STALE" not in methods_sections.overview_section(current).reading
    change_model(shipped)
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
    change_model(shipped)
    caption = quotes_sections.validation_section(run_validation=False).caption
    assert "quotes are STALE" in caption and "make validate" in caption


def test_the_report_command_warns(shipped, capsys):
    assert cli.warn_stale_validation() == ""
    change_model(shipped)
    cli.warn_stale_validation()
    err = capsys.readouterr().err
    assert err.startswith("warning: The saved validation figures of quotes are STALE")
