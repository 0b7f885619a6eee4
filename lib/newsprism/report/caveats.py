"""What the validation says, next to every figure that rests on a measure: one sentence per
measure, built from the saved validation table (``make validate``; the table 90 shows), never
from a number written in text, ending with the link to that measure's table in 90.

A measure whose figures miss a floor or target (:func:`newsprism.report.methods_sections.
shortfalls`: actor tone on NewsMTSC dev_mt, speaker attribution on PolNeAR dev, frame presence
at a fresh split, cleaning on the held-back pages) says so on every page that shows it, not
only in 90.

Usage::

    caption = "Who is quoted per outlet. " + validation_caveat("quotes", ("speaker_accuracy",))

>>> r = pd.DataFrame({"measure": ["quotes"] * 2, "dataset": ["PolNeAR"] * 2,
...     "split": ["dev"] * 2, "engine": ["q"] * 2, "metric": ["speaker_accuracy", "recall"],
...     "value": [0.8963, 0.95], "n": [887, 933], "status": ["below target 0.93", "ok"]})
>>> validation_caveat("quotes", ("speaker_accuracy",), r).split(" [evidence")[0]
'Validation: speaker attribution misses its floor or target — speaker accuracy 0.896 on PolNeAR dev (n = 887; below target 0.93). Read what rests on it with that in mind.'
"""

from __future__ import annotations

import pandas as pd

from newsprism.viz.section import evidence_link

METHODS = "90_methods_appendix"
# How a caption names each validated measure (the ``measure`` column of the saved table).
MEASURE_WORDS = {"actor_tone": "actor tone", "sentiment": "sentence tone", "quotes": "quotation extraction",
                 "frame_presence": "article frame presence", "cleaning": "cleaning"}
METRIC_WORDS = {"speaker_accuracy": "speaker attribution", "precision": "quotation extraction",
                "furniture_removed": "furniture removal", "body_kept": "body text kept"}
# The engine whose figures a caption quotes, where the table holds several (baselines, the
# strict level): the one the report runs by default.
DEFAULT_ENGINE = {"cleaning": "newsprism default", "actor_tone": "model",
                  "quotes": "newsprism.quotes",
                  "frame_presence": "frame presence model (nested 5-fold CV)"}


def saved_results() -> pd.DataFrame:
    """The saved validation table (empty when ``make validate`` never ran)."""
    from newsprism.core import validate

    return validate.load_results()


def methods_link(measure: str) -> str:
    """The evidence reference of ``measure``'s table in 90."""
    return evidence_link(METHODS, f"metrics-{measure}", "methods_validation")


def _out_of_sample(rows: pd.DataFrame) -> pd.DataFrame:
    split = rows["split"].astype(str)
    return rows[~split.str.startswith(("train", "tuning"))]


def _figure(row: pd.Series) -> str:
    """"speaker accuracy 0.896 on PolNeAR dev (n = 887; below target 0.93)"; a bare
    "below floor" status takes the floor from the row's reference ("floor 0.80 (issue 20)")."""
    status, reference = str(row["status"]), str(row.get("reference", ""))
    if status.strip() == "below floor" and reference.startswith("floor"):
        status = f"below {reference}"
    n = pd.to_numeric(pd.Series([row.get("n")]), errors="coerce").iloc[0]
    size = f"n = {int(n):,}; " if pd.notna(n) else ""
    return (f"{str(row['metric']).replace('_', ' ')} {float(row['value']):.3f} on "
            f"{row['dataset']} {row['split']} ({size}{status})")


def validation_caveat(measure: str, metrics: tuple[str, ...] = (),
                      results: pd.DataFrame | None = None, engine: str | None = None) -> str:
    """One caption sentence on ``measure`` (its ``metrics`` only, when given): the out-of-sample
    figures of the report's default engine that miss a floor or target (the first row of each
    metric: 90 has the others), or that none does; "no saved validation figures" when the table
    has none. Ends with the link to 90 (and the stale-figures note when the saved figures
    predate the shipped files). ``engine``: the engine whose rows are read (default: the
    report's, :data:`DEFAULT_ENGINE`)."""
    results = saved_results() if results is None else results
    rows = results[results["measure"] == measure] if "measure" in results else results.iloc[:0]
    if metrics:
        rows = rows[rows["metric"].isin(metrics)]
    engine = engine or DEFAULT_ENGINE.get(measure)
    if engine is not None and (rows["engine"] == engine).any():
        rows = rows[rows["engine"] == engine]
    rows = _out_of_sample(rows)
    rows = rows[pd.to_numeric(rows["value"], errors="coerce").notna()]
    what = (METRIC_WORDS[metrics[0]] if len(metrics) == 1 and metrics[0] in METRIC_WORDS
            else MEASURE_WORDS.get(measure, measure))
    link = methods_link(measure)
    if rows.empty:
        return f"No saved validation figures for {what} (run `make validate`); see {link}."
    below = rows[rows["status"].astype(str).str.contains("below")]
    if (rows["status"].astype(str) == "baseline").all():
        return (f"Validation: {what} at this setting is the baseline, no floor judged — "
                + "; ".join(_figure(r) for _, r in rows.drop_duplicates("metric").iterrows())
                + f". {link}{_stale(measure)}")
    if below.empty:
        told = (f"none of the {len(rows)} saved out-of-sample figures of {what} is" if len(rows)
                > 1 else f"the saved out-of-sample figure of {what} is not")
        return f"Validation: {told} below a floor or target. {link}{_stale(measure)}"
    shown = below.drop_duplicates("metric")
    return (f"Validation: {what} misses its floor or target — "
            + "; ".join(_figure(r) for _, r in shown.iterrows())
            + f". Read what rests on it with that in mind. {link}{_stale(measure)}")


def _stale(measure: str) -> str:
    from newsprism.core import validate

    note = validate.stale_note([measure])
    return f" {note}" if note else ""


def actor_tone_note(engine: str = "model") -> str:
    """The actor-tone caption note (its NewsMTSC dev figures beside the baselines, and the
    floor it misses: :func:`newsprism.sentiment.tone_validation.caption_note`) with the link to
    its table in 90."""
    from newsprism.sentiment import tone_validation

    return f"{tone_validation.caption_note(engine)} {methods_link('actor_tone')}"


# The cleaning level of the report -> its engine in the saved cleaning validation.
CLEANING_ENGINES = {"default": "newsprism default", "strict": "newsprism strict",
                    "off": "no cleaning"}


def cleaning_note(level: str = "default") -> str:
    """:func:`validation_caveat` of the cleaning level the corpus was read with."""
    return validation_caveat("cleaning", ("furniture_removed", "body_kept"),
                             engine=CLEANING_ENGINES.get(level, level))


def speaker_note() -> str:
    """:func:`validation_caveat` of speaker attribution (who a quotation is given to)."""
    return validation_caveat("quotes", ("speaker_accuracy",))


def extraction_note() -> str:
    """:func:`validation_caveat` of quotation extraction (which spans are quotations)."""
    return validation_caveat("quotes", ("precision", "recall"))


def presence_note() -> str:
    """:func:`validation_caveat` of the article frame presence model (macro F1 at the
    validation and the fresh outer seeds, against its floor)."""
    return validation_caveat("frame_presence", ("seed-min f1[macro]", "fresh-seed-min f1[macro]",
                                                "f1[macro]"))
