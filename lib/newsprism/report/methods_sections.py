"""The sections of the ``90_methods_appendix`` notebook: one function per section, each
returning a :class:`~newsprism.viz.section.Section` or :class:`~newsprism.viz.section_group.Group`.

Usage (in a notebook)::

    results = collect("", run_missing=True, quick=True)
    overview_section(results).show()
"""

from __future__ import annotations

import pandas as pd

from newsprism.compare.wording import verb
from newsprism.core import validate
from newsprism.report import methods
from newsprism.report.runner import save_table
from newsprism.sentiment import tone_validation
from newsprism.viz.section import Section, evidence_link
from newsprism.viz.section_group import Group, table_section

NOTEBOOK = "90_methods_appendix"
METRIC_COLUMNS = ["dataset", "split", "engine", "metric", "value", "n", "reference", "status",
                  "origin"]
SAID_ONCE = ["dataset", "split", "engine", "reference", "status", "origin"]
HEADLINE_METRIC = (r"^(precision|recall|f1|accuracy|accuracy_3class|speaker_accuracy|pearson_r"
                   r"|f1_weighted|macro_f1)(\[(micro|macro)\])?$")


def collect(out_dir: str, run_missing: bool = True, quick: bool = True) -> pd.DataFrame:
    """Every validation row (saved by ``make validate``, else a quick run), saved as
    ``methods_validation``. See :func:`newsprism.report.methods.collect_validation`."""
    results = methods.collect_validation(run_missing=run_missing, quick=quick)
    save_table(results, "methods_validation", out_dir)
    return results


def headline(results: pd.DataFrame) -> str:
    """"N validation rows for M measures; saved results folder: ...", then which figures are
    stale or not saved (:func:`newsprism.report.methods.freshness_note`)."""
    stale = methods.freshness_note(results)
    return (f"{len(results)} validation rows for {results['measure'].nunique()} measures; "
            f"saved results folder: {validate.RESULTS_DIR}" + (f". {stale}" if stale else ""))


def stale_note(results: pd.DataFrame, measures: list[str] | None = None) -> str:
    """" " + the freshness sentence of ``measures`` (all by default), or "" when current."""
    part = results if measures is None else results[results["measure"].isin(measures)]
    note = methods.freshness_note(part)
    return f" {note}" if note else ""


def missing_reading(summary: pd.DataFrame) -> str:
    """How many measures have metrics, and the status of those without.

    >>> missing_reading(pd.DataFrame({"measure": ["a", "b"], "metrics": [3, 0],
    ...                               "statuses": ["ok", "gold data absent"]}))
    '1 of 2 measures has validation metrics. No metric for: b (gold data absent).'
    """
    absent = summary[summary["metrics"] == 0]
    listed = "; ".join(f"{r.measure} ({r.statuses})" for r in absent.itertuples())
    with_metrics = int((summary["metrics"] > 0).sum())
    return (f"{with_metrics} of {len(summary)} measures {verb(with_metrics, 'has', 'have')} "
            "validation "
            "metrics." + (f" No metric for: {listed}." if len(absent) else ""))


def overview_section(results: pd.DataFrame) -> Section:
    """Validation status of every measure, and which have no metric."""
    summary = methods.measure_summary(results)
    return table_section("measures", summary, "Validation status of every measure.",
                         reading=missing_reading(summary) + stale_note(results),
                         tables={"summary": summary},
                         facts=dict(n=len(summary), unit="measures", source=(
                             "outputs/validation/*.csv (make validate) or a quick run of "
                             "newsprism.core.validate.run_validator")))


def speaker_reading(comparison: pd.DataFrame) -> str:
    """Speaker accuracy by the lenient and the strict check side by side, per split of the
    first dataset of ``comparison`` (:func:`newsprism.report.methods.speaker_accuracy_comparison`
    : the primary gold definition); "" without speaker rows.

    >>> c = pd.DataFrame({"dataset": ["P"] * 2, "split": ["dev"] * 2,
    ...     "check": ["lenient", "strict"], "estimate": [0.94, 0.93], "ci_low": [0.92, 0.91],
    ...     "ci_high": [0.95, 0.94], "n": [900, 900], "floor": ["0.93", "no floor"],
    ...     "floor_met": ["met", ""]})
    >>> speaker_reading(c).split(": ", 1)[1].split(". ")[0]
    'speaker accuracy 0.9400 (95% CI 0.9200–0.9500; n = 900) by the lenient check (floor 0.93 met), 0.9300 (95% CI 0.9100–0.9400; n = 900) by the strict check (no floor)'
    """
    if comparison.empty:
        return ""
    dataset = comparison["dataset"].iloc[0]
    said = []
    for split, part in comparison[comparison["dataset"] == dataset].groupby("split", sort=False):
        fitted = str(split).startswith("train")  # the rules were built there: in-sample
        figures = [f"{r['estimate']:.4f} (95% CI {r['ci_low']:.4f}\u2013{r['ci_high']:.4f}; "
                   f"n = {int(r['n']):,}) by the {r['check']} check ("
                   + ("in-sample" if fitted else
                      f"floor {r['floor']} {r['floor_met']}" if r["floor_met"] else r["floor"])
                   + ")" for r in part.to_dict("records")]
        if fitted:
            figures[-1] += (" — the attribution rules were built on this split, so its figures "
                            "are not held out and no floor is judged on them")
        if "strict" not in set(part["check"]):
            figures.append("no strict figure in these results (saved before the strict check; "
                           "rerun `make validate`)")
        said.append(f"{dataset} {split}: speaker accuracy " + ", ".join(figures) + ".")
    checks = "; ".join(methods.SPEAKER_CHECKS.values())
    return " ".join(said) + f" {checks[0].upper()}{checks[1:]}."


INTERVAL_NOTE = ", with its 95% Wilson interval (ci_low, ci_high) where it is a proportion"
# A measure whose ``split`` column does not name the gold data's own splits says what it does.
SPLIT_NOTES = {"sentences": (" Split: \"dev\" = a set the sentence splitter was tuned on, "
                             "\"test\" = one it never was (polnear_dev_holdout2 is drawn from "
                             "PolNeAR's dev part; PolNeAR's test part is never read).")}


def _measure_table(measure: str, group: pd.DataFrame) -> Section:
    columns = METRIC_COLUMNS
    if pd.to_numeric(group.get("ci_low", pd.Series(dtype=float)), errors="coerce").notna().any():
        columns = [*columns[:5], "ci_low", "ci_high", *columns[5:]]  # after the value
    shown, same = methods.split_constant_columns(group[columns], SAID_ONCE)
    said_once = " ".join(f"{k.capitalize()}: {v}." for k, v in same.items()
                         if v not in ("", "nan"))
    datasets = ", ".join(sorted({str(d) for d in group["dataset"] if str(d) != "nan"}))
    return Section(f"metrics-{measure}", table=shown, max_rows=None, caption=(
        f"Validation of **{measure}**: each metric with the number of gold units (n) it rests "
        f"on{INTERVAL_NOTE if 'ci_low' in shown else ''}. {said_once}"
        + SPLIT_NOTES.get(measure, "") + stale_note(group)),
        reading=speaker_reading(methods.speaker_accuracy_comparison(group)), facts=dict(
        n=len(shown), unit="metrics", float_format="{:.4g}", source=datasets or "no gold data"))


def metrics_section(results: pd.DataFrame) -> Group:
    """One table per measure: every metric with its n; columns constant within the measure
    are said once in the caption. Numbers keep 4 significant digits."""
    return Group("metrics", [_measure_table(measure, group)
                             for measure, group in results.groupby("measure", sort=False)])


def frames_section(results: pd.DataFrame, out_dir: str) -> Section:
    """Frame presence on NFC: F1 per engine and frame beside 'always present'."""
    table = methods.frame_presence_comparison(results)
    save_table(table, "methods_frame_presence", out_dir)
    return Section("frame-presence", table=table, max_rows=None, caption=(
        "Frame presence on NFC: F1 of each engine per frame; beats_baseline compares the "
        "fitted model (nested CV) with 'always present'. A frame whose model does not beat it "
        "is not evidence in notebook 20. 'min over outer seeds' is each frame's lowest F1 over "
        "the five outer splits fixed in advance (newsprism.framing.fit.VALIDATION_SEEDS), "
        "against the same baseline: a floor counts as met only where that minimum clears "
        "it." + stale_note(results, ["frame_presence"])), facts=dict(
        n=len(table), unit="frames (and macro)",
        source="newsprism.framing.fit.validate_frame_presence"))


def actor_tone_section(results: pd.DataFrame) -> Section:
    """The actor-tone model's NewsMTSC dev figure next to its baselines, in one reading."""
    return Section("actor-tone", reading=tone_validation.caption_note(
        "model", results[results["measure"] == "actor_tone"])
        + stale_note(results, ["actor_tone"]))


def headline_metrics(results: pd.DataFrame) -> pd.DataFrame:
    """Out-of-sample precision, recall, F1, accuracy and correlation rows with a value in
    [0, 1] (the bars of :func:`headline_section`); baselines and reference figures
    (:func:`newsprism.report.methods.is_comparator`) are left to the tables."""
    plotted = results.assign(value=pd.to_numeric(results["value"], errors="coerce"),
                             n=pd.to_numeric(results["n"], errors="coerce"))
    plotted = plotted[plotted["value"].between(0, 1)
                      & plotted["metric"].astype(str).str.match(HEADLINE_METRIC)]
    plotted = methods.exclude_in_sample(plotted)
    return plotted[~methods.is_comparator(plotted)] if len(plotted) else plotted


def plot_headline(plotted: pd.DataFrame):
    """One bar per headline metric, labelled measure · engine · metric."""
    import matplotlib.pyplot as plt

    labels = (plotted["measure"] + " · " + plotted["engine"].astype(str) + " · "
              + plotted["metric"]).tolist()
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(plotted) + 1.2))
    ax.barh(range(len(plotted)), plotted["value"], color="#55a868")
    ax.set_yticks(range(len(plotted)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("score against gold data (0 to 1)")
    ax.set_title("Headline validation metrics")
    fig.tight_layout()
    return fig


def headline_section(results: pd.DataFrame) -> Section:
    """Headline metrics of every measure as bars, and the weakest of them."""
    plotted = headline_metrics(results)
    if plotted.empty:
        return Section("headline", reading="No precision, recall, F1, accuracy or correlation "
                       "value to plot yet.")
    # The weakest of the measures' headline figures (one per measure), not of every bar.
    heads = methods.headline_rows(plotted)
    weakest = heads.loc[heads["value"].idxmin()]
    other = uncharted_measures(results, plotted)
    return Section("headline", figure=plot_headline(plotted), caption=(
        "Headline metrics of every measure against its gold data; the n of each bar is in the "
        "tables above. In-sample figures (frames on the bundled corpus, cues tuned after "
        "coding) and baselines (majority class, always present, published best...; in the "
        "tables above) are left out of this chart." + stale_note(results)), reading=(
        f"The weakest headline metric (each charted measure's first out-of-sample figure) is "
        f"{weakest['measure']} {methods.metric_label(weakest)} "
        f"({weakest['engine']}); read results that rest on that measure with matching "
        "caution." + (f" Not charted, so not compared here: {', '.join(other)} (out-of-sample "
                      "figures of another kind than precision, recall, F1, accuracy or "
                      "correlation; see their tables)." if other else "")),
        facts=dict(n=len(plotted), unit="metrics", source="newsprism.core.validate"))


def uncharted_measures(results: pd.DataFrame, plotted: pd.DataFrame) -> list[str]:
    """Measures with an out-of-sample numeric figure but no bar in :func:`headline_section`
    (cleaning's shares of furniture removed and body kept): the weakest bar is not weaker than
    them, so the reading names them.

    >>> r = pd.DataFrame({"measure": ["cleaning", "quotes"], "split": ["held_back", "dev"],
    ...                   "status": ["ok", "ok"], "value": [0.5, 0.9], "engine": ["x", "y"]})
    >>> uncharted_measures(r, r.iloc[[1]])
    ['cleaning']
    """
    scored = methods.exclude_in_sample(results)
    scored = scored[pd.to_numeric(scored["value"], errors="coerce").notna()]
    scored = scored[~methods.is_comparator(scored)] if len(scored) else scored
    return sorted(set(scored["measure"]) - set(plotted["measure"]))


def shortfalls(results: pd.DataFrame) -> list[str]:
    """Out-of-sample figures that miss their floor or target, one phrase each: rows whose
    status says "below" a floor or target (training and tuning parts left out: they are in-sample), and the
    actor-tone model's missed floors (:func:`newsprism.sentiment.tone_validation.floor_misses`).

    >>> t = pd.DataFrame({"measure": ["quotes", "quotes"], "split": ["dev", "train"],
    ...     "dataset": ["PolNeAR"] * 2,
    ...     "metric": ["speaker_accuracy"] * 2, "value": [0.889, 0.92], "n": [887, 900],
    ...     "status": ["below target 0.93"] * 2, "engine": ["q"] * 2})
    >>> shortfalls(t)
    ['quotes speaker_accuracy = 0.889 (n = 887) (q, PolNeAR, dev; below target 0.93)']
    """
    rows = methods.exclude_in_sample(results)
    below = rows[rows["status"].astype(str).str.contains("below")
                 & ~rows["split"].astype(str).str.startswith(("train", "tuning"))]
    found = []  # one phrase per engine, split and status, naming each metric it holds
    for key, part in below.groupby(["measure", "dataset", "split", "engine", "status"],
                                   sort=False):
        measure, dataset, split, engine, status = key
        values = ", ".join(f"{r['metric']} = {float(r['value']):.4g} (n = {int(float(r['n'])):,})"
                           for r in part.to_dict("records"))
        found.append(f"{measure} {values} ({engine}, {dataset}, {split}; {status})")
    if (below["measure"] == "actor_tone").any():
        return found
    tone = results[results["measure"] == "actor_tone"]
    return found + [f"actor_tone model macro_f1 on {miss}"
                    for miss in tone_validation.floor_misses(tone)]


def _headline_text(row: dict) -> str:
    """"<metric label> (<engine>, <dataset>; <status>)", the status said once: the label
    already carries a missed target ('below target 0.954')."""
    label, status = methods.metric_label(row), str(row.get("status") or "")
    said = status and status in label
    return f"{label} ({row['engine']}, {row['dataset']}" + ("" if said else f"; {status}") + ")"


def key_findings(results: pd.DataFrame) -> list[str]:
    """How many measures are validated; each measure's headline metric with its status; and
    every out-of-sample figure below its floor or target. Each ends with its evidence link."""
    summary = methods.measure_summary(results)
    absent = summary[summary["metrics"] == 0]
    rows = methods.headline_rows(headline_metrics(results))
    link = evidence_link(NOTEBOOK, "measures", "methods_validation")
    found = [f"{int((summary['metrics'] > 0).sum())} of {len(summary)} measures validated "
             "against gold data" + ("" if absent.empty else
                                    f"; no metric for {', '.join(absent['measure'])}") + "."
             + stale_note(results) + " " + link]
    found += [f"{r['measure']}: {_headline_text(r)}. "
              + evidence_link(NOTEBOOK, f"metrics-{r['measure']}", "methods_validation")
              for r in rows.to_dict("records")]
    missed = shortfalls(results)
    if missed:
        found.append("Below floor or target: " + "; ".join(missed) + ". " + link)
    return found
