"""The methods appendix's sections: readings true of their tables, the weakest headline bar."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.report import methods_sections as methods_report


def _results() -> pd.DataFrame:
    return pd.DataFrame({
        "measure": ["quotes", "quotes", "frames", "sentiment", "claims"],
        "dataset": ["PolNeAR", "PolNeAR", "bundled", "NYT", "none"],
        "split": ["dev", "dev", "all, in-sample (bundled corpus)", "all", ""],
        "engine": ["rules", "rules", "cues", "vader", ""],
        "metric": ["precision", "recall", "f1[macro]", "pearson_r", ""],
        "value": [0.9, 0.7, 0.2, 0.49, None], "n": [100, 100, 50, 5190, None],
        "reference": ["", "", "", "0.492", ""], "status": ["ok", "ok", "ok", "ok", "absent"],
        "origin": ["saved"] * 5})


@pytest.mark.parametrize("metrics, expected", [
    ([3, 0], "1 of 2 measures has validation metrics. No metric for: b (gold data absent)."),
    ([3, 1], "2 of 2 measures have validation metrics."),
])
def test_missing_reading_counts_measures_with_metrics(metrics, expected):
    summary = pd.DataFrame({"measure": ["a", "b"], "metrics": metrics,
                            "statuses": ["ok", "gold data absent"]})
    assert methods_report.missing_reading(summary) == expected


def test_headline_leaves_out_in_sample_rows_and_names_the_weakest_bar():
    results = _results()
    plotted = methods_report.headline_metrics(results)
    assert set(plotted["measure"]) == {"quotes", "sentiment"}  # frames row is in-sample
    section = methods_report.headline_section(results)
    assert section.reading.startswith("The weakest headline metric (each charted measure's "
                                      "first out-of-sample figure) is sentiment")
    assert "Not charted" not in section.reading  # frames is in-sample, claims has no value
    assert section.facts["n"] == 3 and section.figure is not None
    import matplotlib.pyplot as plt

    plt.close(section.figure)


@pytest.mark.parametrize("engine", ["majority", "always present (baseline)", "published",
                                    "sentence_vader", "no cleaning"])
def test_a_baseline_is_never_the_weakest_headline_nor_a_bar(engine):
    baseline = pd.DataFrame({"measure": ["quotes"], "dataset": ["PolNeAR"], "split": ["dev"],
                             "engine": [engine], "metric": ["precision"], "value": [0.1],
                             "n": [100], "reference": [""], "status": ["ok"],
                             "origin": ["saved"]})
    results = pd.concat([_results(), baseline], ignore_index=True)
    assert engine not in set(methods_report.headline_metrics(results)["engine"])
    section = methods_report.headline_section(results)
    assert "is sentiment pearson_r" in section.reading and "0.1" not in section.reading
    import matplotlib.pyplot as plt

    plt.close(section.figure)


def test_without_any_metric_there_is_no_figure_and_the_reading_says_so():
    section = methods_report.headline_section(_results().iloc[[4]])
    assert section.figure is None and "No precision" in section.reading


def test_one_metrics_table_per_measure_and_findings_name_each_headline():
    results = _results()
    group = methods_report.metrics_section(results)
    assert [p.name for p in group.parts] == ["metrics-quotes", "metrics-frames",
                                             "metrics-sentiment", "metrics-claims"]
    assert "Dataset: PolNeAR." in group.parts[0].caption  # constant columns said once
    findings = methods_report.key_findings(results)
    assert findings[0] == ("3 of 4 measures validated against gold data; no metric for claims. "
                           "[evidence: 90_methods_appendix.html#measures; "
                           "tables/methods_validation.csv]")
    quotes = [f for f in findings[1:] if f.startswith("quotes: precision")]
    assert quotes and quotes[0].endswith("#metrics-quotes; tables/methods_validation.csv]")
    assert not any(f.startswith("Below floor") for f in findings)  # every status is ok


@pytest.mark.parametrize("split, status, listed", [
    ("dev", "below target 0.93", True),
    ("held_back", "below floor", True),
    ("train", "below target 0.93", False),   # in-sample: not a finding
    ("tuning", "below floor", False),
    ("dev", "ok", False),
])
def test_findings_name_every_out_of_sample_figure_below_its_floor(split, status, listed):
    results = _results().assign(split=["dev", split, "all, in-sample (bundled corpus)", "all",
                                       ""], status=["ok", status, "ok", "ok", "absent"])
    below = [f for f in methods_report.key_findings(results) if f.startswith("Below floor")]
    assert bool(below) == listed
    if listed:
        assert f"quotes recall = 0.7 (n = 100) (rules, PolNeAR, {split}; {status})" in below[0]


def test_findings_name_the_actor_tone_floor_the_model_misses():
    tone = pd.DataFrame({"measure": ["actor_tone"] * 2, "dataset": ["NewsMTSC"] * 2,
                         "split": ["dev_mt"] * 2, "engine": ["model", "sentence_vader"],
                         "metric": ["macro_f1"] * 2, "value": [0.65, 0.53], "n": [442] * 2,
                         "reference": [""] * 2, "status": ["beats baselines", "baseline"],
                         "origin": ["saved"] * 2})
    findings = methods_report.key_findings(pd.concat([_results(), tone], ignore_index=True))
    assert any("actor_tone model macro_f1 on dev_mt (0.650, needs 0.68)" in f for f in findings)


@pytest.mark.parametrize("status, expected", [
    # the bundled report read "quotes: precision = 0.953 (n = 936; below target 0.954)
    # (newsprism.quotes, PolNeAR (all quotation marks); below target 0.954)": said twice
    ("below target 0.954", "quotes: precision = 0.9 (n = 100; below target 0.954) (rules, "
                           "PolNeAR). [evidence"),
    ("ok", "quotes: precision = 0.9 (n = 100) (rules, PolNeAR; ok). [evidence"),
])
def test_a_headline_finding_says_its_status_once(status, expected):
    results = _results().assign(status=[status, "ok", "ok", "ok", "absent"])
    findings = methods_report.key_findings(results)
    assert any(f.startswith(expected) for f in findings), findings


def _speaker_results(strict: bool = True) -> pd.DataFrame:
    """Quotes rows as validate_quotes writes them: lenient speaker accuracy, then strict."""
    from newsprism.quotes.validation import STRICT_LABEL

    metrics = ["precision", "speaker_accuracy"] + (["speaker_accuracy_strict"] if strict else [])
    k = len(metrics)
    return pd.DataFrame({
        "measure": ["quotes"] * k, "dataset": ["PolNeAR (all quotation marks)"] * k,
        "split": ["dev"] * k, "engine": ["newsprism.quotes"] * k, "metric": metrics,
        "value": [0.97, 0.9312, 0.9287][:k], "ci_low": [0.96, 0.9128, 0.9100][:k],
        "ci_high": [0.98, 0.9461, 0.9440][:k], "n": [900, 887, 887][:k], "reference": [""] * k,
        "status": ["ok", "ok", f"no floor ({STRICT_LABEL})"][:k], "origin": ["saved"] * k})


def test_the_methods_appendix_shows_the_strict_speaker_check_beside_the_lenient_one():
    (part,) = methods_report.metrics_section(_speaker_results()).parts
    assert {"ci_low", "ci_high"} <= set(part.table.columns)  # the Wilson intervals are shown
    strict = part.table[part.table["metric"] == "speaker_accuracy_strict"].iloc[0]
    assert strict["status"] == "no floor (strict: the name must match the gold source's head)"
    assert part.reading.startswith(
        "PolNeAR (all quotation marks) dev: speaker accuracy 0.9312 (95% CI 0.9128\u20130.9461; "
        "n = 887) by the lenient check (floor 0.93 met), 0.9287 (95% CI 0.9100\u20130.9440; "
        "n = 887) by the strict check (no floor).")
    assert "strict: the name must match the gold source's head" in part.reading
    # the lenient figure stays the headline: the strict one is neither a bar nor a shortfall
    assert "speaker_accuracy_strict" not in set(
        methods_report.headline_metrics(_speaker_results())["metric"])
    assert methods_report.shortfalls(_speaker_results()) == []


def test_train_speaker_accuracy_is_read_as_in_sample_not_against_the_floor():
    # 90 read "PolNeAR (all quotation marks) train: speaker accuracy 0.9254 ... (floor 0.93 not
    # met)": the split the attribution rules were built on, judged like a held-out one.
    train = _speaker_results().assign(split="train", value=[0.97, 0.9254, 0.9245])
    (part,) = methods_report.metrics_section(pd.concat([_speaker_results(), train])).parts
    dev, fitted = part.reading.split(" PolNeAR (all quotation marks) train: ")
    assert "(floor 0.93 met)" in dev
    assert fitted.startswith("speaker accuracy 0.9254 (95% CI 0.9128\u20130.9461; n = 887) by "
                             "the lenient check (in-sample), 0.9245")
    assert "floor 0.93" not in fitted and "rules were built on this split" in fitted


def test_saved_results_without_the_strict_check_say_so():
    (part,) = methods_report.metrics_section(_speaker_results(strict=False)).parts
    assert "no strict figure in these results" in part.reading
    assert "(floor 0.93 met)" in part.reading


@pytest.mark.parametrize(("value", "met"), [(0.9312, "met"), (0.9299, "not met")])
def test_speaker_comparison_judges_only_the_lenient_check_against_the_floor(value, met):
    from newsprism.report.methods import speaker_accuracy_comparison

    results = _speaker_results().assign(value=[0.97, value, 0.92])
    table = speaker_accuracy_comparison(results)
    assert table["check"].tolist() == ["lenient", "strict"]
    assert table["floor_met"].tolist() == [met, ""]
    assert table["floor"].tolist() == ["0.93", "no floor"]
    assert speaker_accuracy_comparison(_results()).empty  # no speaker rows, no comparison


def test_the_weakest_headline_names_the_measures_it_was_not_compared_with():
    # The bundled report named frame_presence f1[macro] 0.62 the weakest "of each measure's
    # first out-of-sample figure" while cleaning's held-back furniture_removed was 0.54: its
    # shares are not charted, so they were never compared.
    cleaning = pd.DataFrame({"measure": ["cleaning", "cleaning"], "dataset": ["pagetext"] * 2,
                             "split": ["held_back"] * 2, "engine": ["newsprism default",
                                                                    "no cleaning"],
                             "metric": ["furniture_removed"] * 2, "value": [0.54, 0.0],
                             "n": [161, 161], "reference": [""] * 2, "status": ["ok"] * 2,
                             "origin": ["saved"] * 2})
    section = methods_report.headline_section(pd.concat([_results(), cleaning],
                                                        ignore_index=True))
    assert "is sentiment pearson_r" in section.reading
    assert "Not charted, so not compared here: cleaning (" in section.reading
    import matplotlib.pyplot as plt

    plt.close(section.figure)


def test_sentence_splits_named_test_say_they_are_not_a_gold_test_split():
    # 90 listed "polnear_dev_holdout2 | test" with no word that "test" means "never tuned on":
    # read as PolNeAR's test part, which is never read.
    rows = pd.DataFrame({"measure": ["sentences"] * 2, "dataset": ["polnear_dev",
                                                                   "polnear_dev_holdout2"],
                         "split": ["dev", "test"], "engine": ["punkt-news"] * 2,
                         "metric": ["boundary_f1"] * 2, "value": [1.0, 1.0], "n": [73, 41],
                         "reference": [""] * 2, "status": ["ok"] * 2, "origin": ["saved"] * 2})
    (part,) = methods_report.metrics_section(rows).parts
    assert "\"test\" = one it never was (polnear_dev_holdout2 is drawn from PolNeAR's dev part" \
        in part.caption
