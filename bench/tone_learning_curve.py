"""Learning curve of the shipped tone blend on NewsMTSC train (issue 16; train only, no dev).

The question: would more labelled sentences of NewsMTSC's kind lift the shipped blend (linear
0.6 / char 0.2 / word vectors 0.2, ``tone_fit``'s grid point) to the 0.68 floor? The held-out
folds are ``tone_fit``'s five folds grouped by sentence; in each fold the blend is fitted on a
random share (``FRACTIONS``) of the fold's training *sentences* (all their targets; 3 random
subsets per share, seeds 0/1/2; the whole fold once) and scored on the whole held-out fold, so
every point is scored on the same 8,739 targets. Figures as ``tone_fit`` gives them: macro-F1
overall / on multi-target sentences / those at dev_mt's class balance. The word vectors read no
label and are fitted once on PolNeAR train and train's sentences, as in ``tone_fit``.

Then three curves are fitted to the figure at dev_mt's balance against n, the number of labelled
training targets of a fold: ``a + b * ln(n)``, the power law ``a * n ** b`` and the saturating
``c - a * n ** -b`` (asymptote ``c`` bounded by 1), each on the mean of the subsets and once per
subset series (subset k at every share, the whole fold at 100%), on the shares from 25% (and,
as a check, from 12.5% when it was run), and solved for the n that reaches 0.68, 0.669 (0.68
less dev_mt's observed offset above this CV figure, 0.662 - 0.6509) and 0.68 plus or minus one
sentence-bootstrap SD of the 100% figure (the noise of the held-out targets, shared by every
share, moves the whole curve).

    OMP_NUM_THREADS=1 PYTHONPATH=lib .venv/bin/python bench/tone_learning_curve.py \
        [--fractions 0.125 0.25 0.5 0.75 1] [--save rows.json | --load rows.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from newsprism.sentiment import tone_fit, tone_views
from scipy.optimize import curve_fit
from sklearn.model_selection import GroupKFold

FRACTIONS = (0.25, 0.5, 0.75, 1.0)
SUBSETS = (0, 1, 2)
SHIPPED = {"linear": 0.6, "char": 0.2, "vec": 0.2}
FLOOR = 0.68
DEV_OFFSET = round(0.662 - 0.6509, 4)  # dev_mt's figure above the CV stand-in (9th dev look)


def prepare():
    """Train, its features (vectors fitted without labels), labels, sentence ids, folds."""
    data = tone_fit.load_split(tone_fit.TRAIN)
    features = tone_fit._features(data, tone_fit.fit_vectors(data))
    labels, groups = np.array(data["label"]), np.array(data["sentence"])
    folds = list(GroupKFold(n_splits=tone_fit.N_FOLDS).split(labels, labels, groups))
    return data, features, labels, groups, folds


def subsample(rows: np.ndarray, groups: np.ndarray, fraction: float, seed: int) -> np.ndarray:
    """The rows of a random ``fraction`` of the sentences among ``rows`` (sorted)."""
    if fraction >= 1:
        return rows
    sentences = np.unique(groups[rows])
    rng = np.random.default_rng(seed)
    keep = rng.choice(sentences, size=round(fraction * len(sentences)), replace=False)
    return rows[np.isin(groups[rows], keep)]


def blend_predictions(features, labels, groups, folds, fraction, seed):
    """Out-of-fold blend predictions with each fold's fit on a subset; n targets, n sentences."""
    point = tone_fit.grid_points()[0]
    predicted = np.zeros(len(labels), dtype=int)
    n_targets, n_sentences = [], []
    for fit_rows, held_rows in folds:
        rows = subsample(fit_rows, groups, fraction, seed)
        n_targets.append(len(rows))
        n_sentences.append(len(np.unique(groups[rows])))
        probs = tone_fit._fold_probabilities(features, labels, groups, rows, held_rows, point)
        predicted[held_rows] = tone_views.blend(probs, SHIPPED).argmax(axis=1)
    return predicted, float(np.mean(n_targets)), float(np.mean(n_sentences))


def run(fractions, subsets) -> list[dict]:
    _, features, labels, groups, folds = prepare()
    rows, full = [], None
    for fraction in fractions:
        for seed in (subsets if fraction < 1 else (0,)):
            start = time.process_time()
            predicted, n, n_sent = blend_predictions(features, labels, groups, folds, fraction,
                                                     seed)
            rows.append({"fraction": fraction, "seed": seed, "n_targets": n,
                         "n_sentences": n_sent, **tone_fit._figures(labels, groups, predicted),
                         "cpu_s": round(time.process_time() - start, 1)})
            print(json.dumps(rows[-1]), flush=True)
            full = predicted if fraction >= 1 else full
    if full is not None:
        rows.append({"bootstrap_sd_mt_balance": bootstrap_sd(labels, groups, full)})
    return rows


def bootstrap_sd(labels, groups, predicted, draws: int = 500) -> float:
    """SD of the figure at dev_mt's balance over sentence-bootstrap resamples of the targets."""
    multi = np.bincount(groups)[groups] > 1
    y, p, g = labels[multi], predicted[multi], groups[multi]
    sentences = np.unique(g)
    members = {s: np.flatnonzero(g == s) for s in sentences}
    rng = np.random.default_rng(0)
    values = []
    for _ in range(draws):
        take = np.concatenate([members[s] for s in rng.choice(sentences, len(sentences))])
        values.append(tone_fit.mt_balanced_f1(y[take], p[take]))
    return round(float(np.std(values)), 4)


def log_curve(n, a, b):
    return a + b * np.log(n)


def saturating_curve(n, c, a, b):
    return c - a * n ** -b


def needed(x, y, goal) -> dict[str, float | None]:
    """The n at which each fitted curve reaches ``goal`` (None: never), with the parameters."""
    out = {}
    a, b = np.polyfit(np.log(x), y, 1)[::-1]
    out["log_b"] = round(float(b), 4)
    out["log_n"] = float(np.exp((goal - a) / b)) if b > 0 else None
    pa, pb = np.polyfit(np.log(x), np.log(y), 1)[::-1]  # y = e^pa * n^pb
    out["pow_b"] = round(float(pb), 4)
    out["pow_n"] = float(np.exp((np.log(goal) - pa) / pb)) if pb > 0 else None
    try:
        (c, sa, sb), _ = curve_fit(saturating_curve, x, y, p0=(0.7, 1.0, 0.5), maxfev=20000,
                                   bounds=([0, 0, 0], [1, np.inf, 3]))
        out["sat_c"] = round(float(c), 4)
        out["sat_n"] = float((sa / (c - goal)) ** (1 / sb)) if c > goal else None
    except RuntimeError:
        out["sat_c"], out["sat_n"] = None, None
    return out


def curves(rows: list[dict], smallest: float = 0.25,
           metric: str = "cv_multi_macro_f1_mt_balance") -> list[dict]:
    """:func:`needed` for the subsets' mean and for each subset series (shares from
    ``smallest``), at the floor, at the floor less dev_mt's offset, and (mean only) at the floor
    plus or minus one sentence-bootstrap SD of the CV figure (the held-out targets are the same
    for every share, so their noise moves the whole curve)."""
    points = [r for r in rows if r.get("fraction", 0) >= smallest]
    sd = rows[-1].get("bootstrap_sd_mt_balance", 0.0)
    fractions = sorted({r["fraction"] for r in points})
    series = {"mean": [[r for r in points if r["fraction"] == f] for f in fractions]}
    for seed in SUBSETS:
        series[f"subset {seed}"] = [[r for r in points if r["fraction"] == f
                                     and (r["seed"] == seed or f >= 1)] for f in fractions]
    out = []
    for name, groups in series.items():
        x = np.array([np.mean([r["n_targets"] for r in g]) for g in groups])
        y = np.array([np.mean([r[metric] for r in g]) for g in groups])
        goals = [FLOOR, round(FLOOR - DEV_OFFSET, 4)]
        goals += [round(FLOOR - sd, 4), round(FLOOR + sd, 4)] if name == "mean" and sd else []
        for goal in goals:
            out.append({"series": name, "goal": goal, **needed(x, y, goal)})
    return out


def print_table(rows: list[dict]) -> None:
    points = [r for r in rows if "fraction" in r]
    print("\n| share of a fold's training sentences | training targets (sentences) | overall "
          "| multi-target | at dev_mt's balance |\n|---|---|---|---|---|")
    for fraction in sorted({r["fraction"] for r in points}):
        group = [r for r in points if r["fraction"] == fraction]
        cells = []
        for metric in ("cv_macro_f1", "cv_multi_macro_f1", "cv_multi_macro_f1_mt_balance"):
            values = [r[metric] for r in group]
            spread = f" ({min(values):.4f}-{max(values):.4f})" if len(values) > 1 else ""
            cells.append(f"{np.mean(values):.4f}{spread}")
        print(f"| {fraction * 100:g}% | {group[0]['n_targets']:.0f} ({group[0]['n_sentences']:.0f}) | "
              + " | ".join(cells) + " |")
    if "bootstrap_sd_mt_balance" in rows[-1]:
        print(f"\nsentence-bootstrap SD of the 100% figure at dev_mt's balance: "
              f"{rows[-1]['bootstrap_sd_mt_balance']}")
    for smallest in sorted({r["fraction"] for r in points})[:2]:
        print(f"\ncurves fitted on the shares from {smallest * 100:g}% (n: training targets of a "
              "fold; the shipped model is fitted on 8,739)")
        print("| series | goal | a + b ln n: b | its n | a * n^b: b | its n | c - a n^-b: c "
              "| its n |\n|---|---|---|---|---|---|---|---|")
        for c in curves(rows, smallest):
            cells = [f"{c[k]:,.0f}" if k.endswith("_n") and c[k] is not None else
                     ("never" if c[k] is None else str(c[k]))
                     for k in ("log_b", "log_n", "pow_b", "pow_n", "sat_c", "sat_n")]
            print(f"| {c['series']} | {c['goal']} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=FRACTIONS)
    parser.add_argument("--save", type=Path, help="write the raw rows as JSON")
    parser.add_argument("--load", type=Path, help="print the table from saved rows, no fit")
    args = parser.parse_args(argv)
    rows = json.loads(args.load.read_text()) if args.load else run(args.fractions, SUBSETS)
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1))
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
