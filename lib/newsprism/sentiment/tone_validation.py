"""Validate tone toward a target (actor tone) on NewsMTSC dev, next to trivial baselines.

Gold: NewsMTSC ``dev_mt`` (multi-target sentences) and ``dev_rw`` (real-world distribution),
Hamborg & Donnay (2021), read in place from ``shared/datasets/newsmtsc``; the model was fitted
on train only (``python -m newsprism.sentiment.tone_fit``) and the test splits are never read.

Rows per split (metrics macro_f1, accuracy; n = targets):

- ``model``: :func:`newsprism.sentiment.tone_toward` with the fitted model (the default);
- ``vader``, ``nltk_vader``, ``textblob``: the masked-clause lexicon engines of the same call;
- ``sentence_vader``: VADER compound of the whole sentence, ±0.05 (the issue's baseline);
- ``majority``: always the train majority class (negative); ``always_neutral``;
- ``published``: GRU-TSC on RoBERTa, the paper's best (test splits; not comparable n).

Each engine row says in ``status`` whether it beats the best trivial baseline and sentence-level
VADER on that split (``beats baselines`` / ``does not beat <baseline>``), and for the model
whether it misses the project's floor (``; below floor ...``).

>>> "dev_mt" in SPLITS
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

from newsprism.sentiment.engines import headline_scores, three_class
from newsprism.sentiment.tone_fit import NEWSMTSC, load_split
from newsprism.sentiment.tone_target import TONE_LABELS, tone_toward

SPLITS = ("dev_mt", "dev_rw")
DATASET = "NewsMTSC (Hamborg & Donnay 2021)"
ENGINES = ("model", "vader", "nltk_vader", "textblob")
BASELINES = ("majority", "always_neutral", "sentence_vader")
PUBLISHED = {"dev_mt": ("test_mt", 0.825, 0.846), "dev_rw": ("test_rw", 0.831, 0.838)}
# The project's floor for actor tone (issue 16): macro-F1 at least FLOOR on each dev split and
# at least MARGIN above sentence-level VADER on the same targets.
FLOOR, MARGIN = 0.68, 0.12
COLUMNS = ["measure", "dataset", "split", "engine", "metric", "value", "n", "reference",
           "status"]


def predictions(split: str) -> dict[str, np.ndarray]:
    """Gold labels (key ``gold``) and each engine's and baseline's labels (0/1/2) on ``split``."""
    data = load_split(split)
    index = {label: i for i, label in enumerate(TONE_LABELS)}
    out = {"gold": np.array(data["label"])}
    for engine in ENGINES:
        table = tone_toward(data["text"], data["span"], engine=engine)
        out[engine] = table["label"].map(index).to_numpy()
    out["sentence_vader"] = three_class(headline_scores(data["text"], "vader")) + 1
    out["majority"] = np.zeros(len(out["gold"]), dtype=int)  # train majority: negative
    out["always_neutral"] = np.ones(len(out["gold"]), dtype=int)
    return out


def _scores(gold: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    return {"macro_f1": float(f1_score(gold, predicted, average="macro", labels=[0, 1, 2],
                                      zero_division=0)),
            "accuracy": float(accuracy_score(gold, predicted))}


def _status(engine: str, scores: dict[str, dict[str, float]]) -> str:
    if engine in BASELINES:
        return "baseline"
    own = scores[engine]["macro_f1"]
    beaten = [b for b in BASELINES if scores[b]["macro_f1"] >= own]
    status = "beats baselines" if not beaten else f"does not beat {', '.join(beaten)}"
    if engine == "model" and (own < FLOOR or own - scores["sentence_vader"]["macro_f1"] < MARGIN):
        status += f"; below floor (macro-F1 >= {FLOOR:.2f}, >= {MARGIN:.2f} above sentence VADER)"
    return status


def split_rows(split: str) -> list[dict]:
    """Validation rows of one dev split."""
    found = predictions(split)
    gold = found.pop("gold")
    scores = {name: _scores(gold, predicted) for name, predicted in found.items()}
    rows = [{"measure": "actor_tone", "dataset": DATASET, "split": split, "engine": name,
             "metric": metric, "value": round(value, 4), "n": len(gold), "reference": "",
             "status": _status(name, scores)}
            for name, values in scores.items() for metric, value in values.items()]
    test_split, f1, accuracy = PUBLISHED[split]
    for metric, value in (("macro_f1", f1), ("accuracy", accuracy)):
        rows.append({"measure": "actor_tone", "dataset": DATASET, "split": test_split,
                     "engine": "published", "metric": metric, "value": value, "n": np.nan,
                     "reference": "GRU-TSC RoBERTa (Hamborg & Donnay 2021, Table 2; GPU)",
                     "status": "published"})
    return rows


def validate_actor_tone(quick: bool = False) -> pd.DataFrame:
    """Rows for ``make validate`` (``quick`` is accepted and ignored: dev is small).

    Columns: ``measure``, ``dataset``, ``split``, ``engine``, ``metric`` (``macro_f1`` or
    ``accuracy``), ``value``, ``n``, ``reference``, ``status``; no interval columns. A row
    per engine and dev split, and the published best beside them. English news (NewsMTSC).

    Usage::

        validate_actor_tone()"""
    if not NEWSMTSC.exists():
        return pd.DataFrame([{"measure": "actor_tone", "dataset": DATASET, "metric": "",
                              "status": f"gold data not found at {NEWSMTSC}"}], columns=COLUMNS)
    rows = [row for split in SPLITS for row in split_rows(split)]
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(results: pd.DataFrame) -> pd.DataFrame:
    """Wide table: one row per (split, engine), macro_f1 and accuracy side by side, with n.

    Columns: ``split``, ``engine``, ``status``, one column per metric (``accuracy``,
    ``macro_f1``), ``n``.

    >>> rows = pd.DataFrame({"measure": "actor_tone", "split": "dev_mt", "engine": "model",
    ...     "status": "ok", "metric": ["macro_f1", "accuracy"], "value": [0.6, 0.7], "n": 500})
    >>> summary(rows).values.tolist()
    [['dev_mt', 'model', 'ok', 0.7, 0.6, 500]]"""
    part = results[results["measure"] == "actor_tone"]
    wide = part.pivot_table(index=["split", "engine", "status"], columns="metric",
                            values="value", aggfunc="first").reset_index()
    n = part.groupby(["split", "engine"])["n"].first().reset_index()
    return wide.merge(n, on=["split", "engine"], how="left")


def results(saved: pd.DataFrame | None = None) -> pd.DataFrame:
    """Saved ``make validate`` rows for actor tone, else a fresh run (dev is small).

    Columns: those of :func:`validate_actor_tone` (``measure``, ``dataset``, ``split``,
    ``engine``, ``metric``, ``value``, ``n``, ``reference``, ``status``; saved rows also carry
    the other validation columns).

    Usage::

        summary(results())"""
    from newsprism.core import validate

    saved = validate.load_results() if saved is None else saved
    if "measure" in saved and (saved["measure"] == "actor_tone").any():
        return saved[saved["measure"] == "actor_tone"]
    return validate_actor_tone()


def _value(table: pd.DataFrame, split: str, engine: str, metric: str = "macro_f1") -> float:
    hit = table[(table["split"] == split) & (table["engine"] == engine)
                & (table["metric"] == metric)]
    return float(hit["value"].iloc[0]) if len(hit) else float("nan")


def floor_misses(table: pd.DataFrame, engine: str = "model") -> list[str]:
    """Dev splits where ``engine`` misses the floor: "<split> (<figure> vs <what it needs>)".

    >>> t = pd.DataFrame({"split": ["dev_mt"] * 2, "engine": ["model", "sentence_vader"],
    ...     "metric": ["macro_f1"] * 2, "value": [0.70, 0.60]})
    >>> floor_misses(t)
    ['dev_mt (0.700: 0.100 above sentence-level VADER, needs 0.12)']
    """
    misses = []
    for split in SPLITS:
        own, vader = _value(table, split, engine), _value(table, split, "sentence_vader")
        if np.isnan(own):
            continue
        if own < FLOOR:
            misses.append(f"{split} ({own:.3f}, needs {FLOOR:.2f})")
        elif own - vader < MARGIN:
            misses.append(f"{split} ({own:.3f}: {own - vader:.3f} above sentence-level VADER, "
                          f"needs {MARGIN:.2f})")
    return misses


def caption_note(engine: str = "model", table: pd.DataFrame | None = None) -> str:
    """One caption sentence: the engine's NewsMTSC dev macro-F1 next to its baselines, and
    "DOES NOT BEAT ITS BASELINE" when it does not on some split.

    >>> t = pd.DataFrame({"split": ["dev_mt"] * 4, "engine": ["vader", "sentence_vader",
    ...     "majority", "always_neutral"], "metric": ["macro_f1"] * 4,
    ...     "value": [0.5, 0.51, 0.2, 0.23], "n": [442] * 4,
    ...     "status": ["does not beat sentence_vader", "baseline", "baseline", "baseline"]})
    >>> "DOES NOT BEAT ITS BASELINE" in caption_note("vader", t)
    True
    """
    stale = ""
    if table is None:
        from newsprism.core import validate

        table = results()
        stale = " " + validate.stale_note(["actor_tone"])  # empty when current
    if "split" not in table or not (table["engine"] == engine).any():
        status = "; ".join(str(s) for s in table.get("status", pd.Series([], dtype=str)))
        return f"Validity of actor tone on NewsMTSC dev not available ({status or 'not run'})."
    parts, fails = [], []
    for split in SPLITS:
        row = table[(table["split"] == split) & (table["engine"] == engine)]
        if not len(row):
            continue
        n = int(row["n"].iloc[0])
        parts.append(f"{split} {_value(table, split, engine):.2f} (n = {n} targets; sentence-level "
                     f"VADER {_value(table, split, 'sentence_vader'):.2f}, majority class "
                     f"{_value(table, split, 'majority'):.2f}, always neutral "
                     f"{_value(table, split, 'always_neutral'):.2f})")
        if str(row["status"].iloc[0]).startswith("does not beat"):
            fails.append(f"{split}: {row['status'].iloc[0]}")
    note = (f"Validity ({engine}, NewsMTSC dev, not used for fitting): macro-F1 "
            + "; ".join(parts) + f". Published best (GRU-TSC RoBERTa, GPU, test splits): "
            f"{_value(table, 'test_mt', 'published'):.3f} (test_mt), "
            f"{_value(table, 'test_rw', 'published'):.3f} (test_rw).")
    if fails:
        note += " DOES NOT BEAT ITS BASELINE (" + "; ".join(fails) + ")."
    misses = floor_misses(table, engine)
    if misses:
        note += (f" Below the project's floor (macro-F1 >= {FLOOR:.2f} and >= {MARGIN:.2f} above "
                 "sentence-level VADER) on " + "; ".join(misses) + ".")
    return (note + stale).rstrip()
