"""Validation evidence for the methods appendix (``notebooks/90_methods_appendix``).

Collects the saved results of ``make validate`` and, for a measure that has none, runs its
validator in quick mode (each validator itself says when its gold data is absent). A validator
that crashes becomes a row whose ``status`` carries the error: the appendix always renders.

>>> from newsprism.report.methods import metric_label
>>> metric_label({"metric": "f1", "value": 0.8934, "n": 805})
'f1 = 0.8934 (n = 805)'
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from newsprism.core import validate, validation_freshness

ORIGIN_SAVED = "saved by make validate"
# Saved figures whose model/codebook files or version changed since (or were never fingerprinted).
ORIGIN_STALE = "saved by make validate, STALE"
ORIGIN_UNVERIFIED = "saved by make validate, unverified (may be stale)"
ORIGIN_QUICK = "quick run in this report"
ORIGIN_NOT_RUN = "not run"


def collect_validation(run_missing: bool = True, quick: bool = True,
                       validators: Mapping[str, str] | None = None,
                       saved: pd.DataFrame | None = None,
                       states: Mapping[str, tuple] | None = None) -> pd.DataFrame:
    """All validation rows (``validate.VALIDATION_COLUMNS`` plus ``origin`` and ``changed``),
    one measure after another in ``validators`` order.

    ``saved`` defaults to :func:`newsprism.core.validate.load_results`, and then ``states`` to
    :func:`newsprism.core.validate.freshness` of those results: saved rows of a
    stale measure get ``origin`` :data:`ORIGIN_STALE` and in ``changed`` the files changed
    since (:data:`ORIGIN_UNVERIFIED` when no fingerprint was kept). Measures without saved rows
    are run with ``validate.run_validator(measure, quick=quick)`` when ``run_missing``; else
    (or if the validator raises) they get one row whose ``status`` says why there is no metric.
    """
    validators = dict(validate.VALIDATORS if validators is None else validators)
    if saved is None:
        saved = validate.load_results()
        states = validate.freshness(validators) if states is None else states
    columns = list(validate.VALIDATION_COLUMNS)
    parts = []
    for measure in validators:
        rows = saved[saved["measure"] == measure] if "measure" in saved else saved.iloc[0:0]
        if len(rows):
            state, changed = (states or {}).get(measure, (validation_freshness.CURRENT, []))
            parts.append(rows.reindex(columns=columns).assign(
                origin=SAVED_ORIGINS.get(state, ORIGIN_SAVED), changed="; ".join(changed)))
            continue
        if not run_missing:
            status = "no saved results (run `make validate`)"
            parts.append(_status_row(measure, status, ORIGIN_NOT_RUN))
            continue
        try:
            table = validate.run_validator(measure, quick=quick)
        except Exception as error:  # noqa: BLE001 - the appendix shows the failure instead
            parts.append(_status_row(measure, f"validator failed: {type(error).__name__}: "
                                              f"{error}", ORIGIN_QUICK))
            continue
        if table is None or table.empty:
            parts.append(_status_row(measure, "validator returned no rows", ORIGIN_QUICK))
        else:
            parts.append(table.reindex(columns=columns).assign(measure=measure,
                                                                 origin=ORIGIN_QUICK))
    if not parts:
        return pd.DataFrame(columns=[*columns, "origin", "changed"])
    return pd.concat(parts, ignore_index=True)


SAVED_ORIGINS = {validation_freshness.STALE: ORIGIN_STALE,
                 validation_freshness.UNVERIFIED: ORIGIN_UNVERIFIED}


def freshness_note(table: pd.DataFrame) -> str:
    """The sentence saying which measures' figures are stale, unverified or not saved (shown
    from a quick run, or not at all), and how to refresh them; empty when all are current.

    >>> t = pd.DataFrame({"measure": ["quotes", "frames"], "origin": [ORIGIN_STALE, ORIGIN_SAVED],
    ...                   "changed": ["data/quote_classifier.json (changed)", ""]})
    >>> freshness_note(t).startswith("The saved validation figures of quotes are STALE")
    True
    """
    if table.empty or "origin" not in table:
        return ""
    by_origin = {ORIGIN_STALE: validation_freshness.STALE,
                 ORIGIN_UNVERIFIED: validation_freshness.UNVERIFIED,
                 ORIGIN_QUICK: validation_freshness.MISSING,
                 ORIGIN_NOT_RUN: validation_freshness.MISSING}
    changed = table["changed"] if "changed" in table else pd.Series("", index=table.index)
    states = {}
    for measure, origin, files in zip(table["measure"], table["origin"], changed.fillna(""),
                                     strict=True):
        state = by_origin.get(origin, validation_freshness.CURRENT)
        states[measure] = (state, [f for f in str(files).split("; ") if f])
    return validation_freshness.note(states)


def _status_row(measure: str, status: str, origin: str) -> pd.DataFrame:
    row = {c: "" for c in validate.VALIDATION_COLUMNS}
    row.update(measure=measure, status=status, value=float("nan"), n=float("nan"))
    return pd.DataFrame([row]).assign(origin=origin, changed="")


def measure_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per measure: where the results come from, datasets, number of metrics with a value,
    and the distinct statuses (so "gold data absent" is visible at a glance).

    >>> t = pd.DataFrame({"measure": ["q", "q"], "dataset": ["D", "D"], "value": [0.5, None],
    ...     "status": ["ok", "absent"], "origin": ["saved", "saved"]})
    >>> measure_summary(t).values.tolist()
    [['q', 'saved', 'D', 1, 'absent; ok']]
    """
    columns = ["measure", "origin", "datasets", "metrics", "statuses"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for measure, group in table.groupby("measure", sort=False):
        values = pd.to_numeric(group["value"], errors="coerce")
        rows.append({
            "measure": measure,
            "origin": "; ".join(sorted({str(v) for v in group["origin"].dropna()})),
            "datasets": "; ".join(sorted({str(v) for v in group["dataset"].dropna() if str(v)})),
            "metrics": int(values.notna().sum()),
            "statuses": "; ".join(sorted({str(v) for v in group["status"].dropna() if str(v)})),
        })
    return pd.DataFrame(rows, columns=columns)


def metric_label(row: Mapping) -> str:
    """``"metric = value (n = N)"`` for one validation row, with its status when it misses a
    target (four significant digits: 0.9497 must not read as 0.95 next to a target of 0.95).

    >>> metric_label({"metric": "precision", "value": 0.94973, "n": 935,
    ...               "status": "below target 0.95"})
    'precision = 0.9497 (n = 935; below target 0.95)'
    """
    value = pd.to_numeric(pd.Series([row.get("value")]), errors="coerce").iloc[0]
    n = pd.to_numeric(pd.Series([row.get("n")]), errors="coerce").iloc[0]
    text = f"{row.get('metric', '')} = " + ("n/a" if pd.isna(value) else f"{value:.4g}")
    notes = [] if pd.isna(n) else [f"n = {int(n):,}"]
    status = str(row.get("status") or "")
    if status.startswith(("below target", "does not beat")):
        notes.append(status)
    return text + (f" ({'; '.join(notes)})" if notes else "")


def split_constant_columns(table: pd.DataFrame, columns: list[str]
                           ) -> tuple[pd.DataFrame, dict[str, str]]:
    """Drop each of ``columns`` whose value is the same on every row, returning it apart (so a
    long reference or status is said once in the caption instead of on every row).

    >>> t = pd.DataFrame({"metric": ["p", "r"], "reference": ["paper", "paper"]})
    >>> rest, same = split_constant_columns(t, ["reference"])
    >>> list(rest.columns), same
    (['metric'], {'reference': 'paper'})
    """
    constant = {c: str(table[c].iloc[0]) for c in columns
                if c in table and len(table) and table[c].astype(str).nunique() == 1}
    return table.drop(columns=list(constant)), constant


IN_SAMPLE_MARK = "in-sample"


def in_sample(table: pd.DataFrame) -> pd.Series:
    """Rows marked in-sample in ``split`` or ``status`` (e.g. frame cues tuned on the corpus
    they are scored on): shown in the tables, never as a headline figure."""
    return (table["split"].astype(str).str.contains(IN_SAMPLE_MARK)
            | table["status"].astype(str).str.contains(IN_SAMPLE_MARK))


def exclude_in_sample(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` without its in-sample rows (see :func:`in_sample`).

    >>> t = pd.DataFrame({"split": ["dev", "all, in-sample (bundled corpus)"],
    ...                   "status": ["ok", "ok"]})
    >>> len(exclude_in_sample(t))
    1
    """
    return table if table.empty else table[~in_sample(table)]


# Engines that are comparisons, not the measure: trivial baselines, detectors a model is
# checked against, published figures, the corpus before cleaning.
COMPARATOR_ENGINE = (r"baseline|any cue hit|^majority$|^always|^published$|^sentence_vader$"
                     r"|^no cleaning$|^rules before")


def is_comparator(table: pd.DataFrame) -> pd.Series:
    """Rows whose ``engine`` is a baseline or reference figure (:data:`COMPARATOR_ENGINE`),
    never a measure's headline.

    >>> t = pd.DataFrame({"engine": ["model", "majority", "always present (baseline)"]})
    >>> is_comparator(t).tolist()
    [False, True, True]
    """
    return table["engine"].astype(str).str.contains(COMPARATOR_ENGINE)


def headline_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One headline row per measure: its first row that is not in-sample, preferring a
    ``[macro]`` metric of a model engine (comparators, :func:`is_comparator`, come last). A
    measure with only in-sample rows has no headline.

    >>> t = pd.DataFrame({"measure": ["frames", "frames"], "metric": ["p", "f1[macro]"],
    ...     "split": ["all, in-sample (bundled corpus)", "dev, 5-fold CV"],
    ...     "status": ["ok", "ok"], "engine": ["x", "model"]})
    >>> headline_rows(t)["metric"].tolist()
    ['f1[macro]']
    """
    table = exclude_in_sample(table)
    if table.empty:
        return table
    baseline = is_comparator(table)
    macro = table["metric"].astype(str).str.endswith("[macro]") & ~baseline
    ranked = table.assign(_rank=np.where(macro, 0, np.where(baseline, 2, 1)))
    ranked = ranked.reset_index().sort_values(["_rank", "index"], kind="stable")
    first = ranked.drop_duplicates("measure").sort_values("index")
    return first.drop(columns=["_rank", "index"]).reset_index(drop=True)


def frame_presence_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """Frame presence on NFC, one row per frame (and ``macro``), one F1 column per engine: the
    fitted model (nested CV), always present, the any-cue-hit detectors; plus ``n_gold`` and
    ``beats_baseline`` (model vs always present); ``n`` = coded articles with the frame (for
``macro``: all coded articles). Empty without ``frame_presence`` rows.

    >>> t = pd.DataFrame({"measure": ["frame_presence"] * 2, "metric": ["f1[a]"] * 2,
    ...     "engine": ["frame presence model (nested 5-fold CV)", "always present (baseline)"],
    ...     "value": [0.6, 0.5], "n": [10, 10]})
    >>> frame_presence_comparison(t)[["frame", "beats_baseline"]].values.tolist()
    [['a', True]]
    """
    rows = table[table["measure"] == "frame_presence"] if "measure" in table else table.iloc[0:0]
    rows = rows[rows["metric"].astype(str).str.startswith("f1[")]
    if rows.empty:
        return pd.DataFrame(columns=["frame", "n", "beats_baseline"])
    rows = rows.assign(frame=rows["metric"].str[3:-1],
                       value=pd.to_numeric(rows["value"], errors="coerce"))
    wide = rows.pivot_table(index="frame", columns="engine", values="value", sort=False)
    wide.columns = [f"F1: {c}" for c in wide.columns]
    n = rows.drop_duplicates("frame").set_index("frame")["n"]
    wide.insert(0, "n", n.reindex(wide.index).to_numpy())
    model = [c for c in wide.columns if "frame presence model" in c]
    base = [c for c in wide.columns if "always present" in c]
    wide["beats_baseline"] = (wide[model[0]] > wide[base[0]]) if model and base else False
    return _with_seed_min(wide, table, base[0] if base else None).reset_index()


def _with_seed_min(wide: pd.DataFrame, table: pd.DataFrame, base: str | None) -> pd.DataFrame:
    """``wide`` plus the model's lowest F1 over the outer seeds (``seed-min f1[frame]`` rows)
    and whether that lowest F1 beats always present (the figure a floor is judged on)."""
    seeds = table[table["metric"].astype(str).str.startswith("seed-min f1[")]
    if seeds.empty:
        return wide
    lowest = pd.to_numeric(seeds.set_index(seeds["metric"].str[len("seed-min f1["):-1])["value"],
                           errors="coerce")
    wide["F1 model, min over outer seeds"] = lowest.reindex(wide.index).to_numpy()
    if base is not None:
        wide["beats_baseline_at_every_seed"] = wide["F1 model, min over outer seeds"] > wide[base]
    return wide


# Speaker attribution is scored two ways on PolNeAR (newsprism.quotes.validation): the lenient
# check defines issue 18's floor; the strict one, reported beside it, has no floor.
SPEAKER_CHECKS = {
    "speaker_accuracy": "lenient: the name's last word occurs anywhere in the gold source",
    "speaker_accuracy_strict": "strict: the name must match the gold source's head",
}
SPEAKER_COLUMNS = ["dataset", "split", "check", "estimate", "ci_low", "ci_high", "n", "floor",
                   "floor_met"]


def speaker_accuracy_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """Speaker accuracy of the quotes engine by both checks (:data:`SPEAKER_CHECKS`), one row
    per dataset, split and check, lenient first: ``estimate`` with its 95 % Wilson interval
    (``ci_low``, ``ci_high``) and ``n`` (matched gold quotes with a gold Source), ``floor``
    (issue 18's 0.93 on the lenient check, "no floor" on the strict one) and ``floor_met``
    (empty without a floor). Baselines have no speaker; saved results from before the strict
    check have only lenient rows.

    >>> t = pd.DataFrame({"measure": ["quotes"] * 2, "dataset": ["P"] * 2, "split": ["dev"] * 2,
    ...     "engine": ["newsprism.quotes"] * 2, "value": [0.94, 0.93], "n": [900, 900],
    ...     "metric": ["speaker_accuracy", "speaker_accuracy_strict"],
    ...     "ci_low": [0.92, 0.91], "ci_high": [0.95, 0.94],
    ...     "status": ["ok", "no floor (strict: the name must match the gold source's head)"]})
    >>> speaker_accuracy_comparison(t)[["check", "floor", "floor_met"]].values.tolist()
    [['lenient', '0.93', 'met'], ['strict', 'no floor', '']]
    """
    from newsprism.quotes.validation import TARGETS

    if not {"measure", "metric", "engine"} <= set(table.columns):
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    rows = table[(table["measure"] == "quotes") & table["metric"].isin(list(SPEAKER_CHECKS))]
    rows = rows[~is_comparator(rows)] if len(rows) else rows
    out = []
    for rec in rows.to_dict("records"):
        value = _number(rec.get("value"))
        floor = TARGETS.get(rec["metric"])
        met = "" if floor is None or pd.isna(value) else ("met" if value >= floor else "not met")
        out.append({"dataset": rec.get("dataset", ""), "split": rec.get("split", ""),
                    "check": SPEAKER_CHECKS[rec["metric"]].split(":")[0], "estimate": value,
                    "ci_low": _number(rec.get("ci_low")), "ci_high": _number(rec.get("ci_high")),
                    "n": _number(rec.get("n")), "floor": "no floor" if floor is None else f"{floor:g}",
                    "floor_met": met})
    return pd.DataFrame(out, columns=SPEAKER_COLUMNS)


def _number(value) -> float:
    return float(pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0])
