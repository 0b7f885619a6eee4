"""Learning curve of the line model and decoder on pagetext's tuning part (issue 20, clean12).

The question: would more labelled pages lift furniture removed at ``default`` (99.5% of body
strings kept by the fit's own threshold choice) to issue 20's 80% floor, or has the fit run out
of signal? Tuning part only: the held-back part (``data/clean/pagetext_split.json``) is never
read or scored.

First the shipped site-fold figures are reproduced the way ``clean_fit`` computes them
(out-of-fold scores of both passes, 5 folds by site; the threshold scan and the decoder chosen
on those same scores). Then, in each of the same 5 site folds, every fitted part (line model,
second pass, both thresholds, decoder per level; ``clean_fit``'s own functions, its inner
5-fold choice included) is refitted on a random share (``SHARES``) of the fold's training
*sites* (3 subsets per share, seeds 0/1/2; the whole fold once) and applied, as the cleaner
applies it, to the untouched fold; counts are pooled over the 5 folds, so every point is
scored on all 598 pages. Thresholds are found by bisection on ``clean_fit``'s grid (the scan
gives the same at 100%: checked by the reproduction). Recorded: furniture removed and body kept
at ``default`` and ``strict``, the model alone and with the decoder, line ROC AUC, and (to
tell better ranking from a better-placed threshold) the model alone at ``default`` with the
one threshold that keeps 99.5% of the body strings on the pooled held-out scores themselves,
and with the threshold that keeps 99.5% of each held-out fold's own body strings (oracle
operating points, the same for every share).

Curves fitted to furniture removed at ``default`` (decoder) against n, the mean number of
labelled training pages of a fold: ``a + b * ln(n)`` and the saturating ``c - a * n ** -b``
(asymptote ``c`` at most 1), on the mean of the subsets and on each subset series, solved for
the n reaching 80%. Two ceilings at 100%: keeping only the lines from the first to the last
gold body line, and the 100% fold fits with every line outside that gold span removed too
(lines with a body sign kept at ``default``).

    OMP_NUM_THREADS=1 PYTHONPATH=lib .venv/bin/python bench/clean_learning_curve.py \
        [--quick] [--save rows.json | --load rows.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from newsprism.corpus import clean_fit, clean_validation
from newsprism.corpus.clean import model_removals, region_removals
from newsprism.corpus.clean_lines import furniture_scores
from newsprism.corpus.clean_signs import LineSigns
from scipy.optimize import curve_fit
from sklearn.model_selection import GroupKFold

SHARES = (0.125, 0.25, 0.5, 0.75, 1.0)
QUICK_SHARES = (0.25, 0.5, 1.0)
SEEDS = (0, 1, 2)
N_FOLDS = 5
GOAL = 0.80  # issue 20's furniture floor
LEVELS = ("default", "strict")
FOLD_ORACLE = "default/model at each fold's own 99.5%"
MIN_LINES = 10  # the cleaner's MODEL_MIN_LINES: shorter texts are left alone


def site_folds(rows: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The shipped site folds (``clean_fit.out_of_fold_scores``'s GroupKFold by site)."""
    sites = [row["page"]["site"] for row in rows]
    return list(GroupKFold(n_splits=N_FOLDS).split(rows, groups=sites))


def subset(rows: list[dict], train: np.ndarray, share: float, seed: int) -> np.ndarray:
    """The rows of a random ``share`` of the sites among ``train`` (all of them at 1)."""
    if share >= 1:
        return train
    sites = np.array([rows[i]["page"]["site"] for i in train])
    chosen = np.random.default_rng(seed).choice(np.unique(sites),
                                                size=round(share * len(np.unique(sites))),
                                                replace=False)
    return train[np.isin(sites, chosen)]


bisect_threshold = clean_fit.lowest_threshold  # the fit's lowest threshold, by bisection


def out_of_fold(rows: list[dict]) -> list[np.ndarray]:
    """Both passes' scores out of fold, as ``clean_fit.fit`` computes them."""
    first = clean_fit.out_of_fold_scores(rows)
    return clean_fit.out_of_fold_context_scores(rows, first)


def choose(rows: list[dict], scores: list[np.ndarray], search=bisect_threshold) -> dict:
    """Thresholds and decoder per level chosen on out-of-fold ``scores`` as ``clean_fit.fit``
    chooses them, with the figures on those scores (``cross``: model alone)."""
    default = search(rows, scores, clean_fit.KEEP_TARGET, "default")
    strict = min(search(rows, scores, clean_fit.KEEP_TARGET_STRICT, "strict"), default)
    cross, region = {}, {}
    for level, t in (("default", default), ("strict", strict)):
        kept, removed = clean_fit.keep_and_remove_rates(rows, scores, t, level)
        cross[level] = {"body_kept": round(kept, 4), "furniture_removed": round(removed, 4)}
        region[level] = clean_fit.fit_region(rows, scores, t, level)
    return {"threshold": default, "strict_threshold": strict, "cross": cross, "region": region}


def fit_rows(rows: list[dict]) -> dict:
    """Every fitted part of ``clean_fit.fit`` on ``rows`` (a model ``furniture_scores`` and
    the cleaner's removal functions accept)."""
    first = clean_fit.out_of_fold_scores(rows)
    chosen = choose(rows, clean_fit.out_of_fold_context_scores(rows, first))
    return {**clean_fit._fit(rows), "context": clean_fit._fit_context(rows, first),
            "region": {k: {"bias": v["bias"], "switch_cost": v["switch_cost"]}
                       for k, v in chosen["region"].items() if v},
            "threshold": chosen["threshold"], "strict_threshold": chosen["strict_threshold"]}


def gold_span(row: dict) -> tuple[int, int] | None:
    """First and last line holding a gold keep string (None: no keep string found)."""
    body = [j for j, label in enumerate(row["labels"]) if label == 0]
    return (body[0], body[-1]) if body else None


def removals(row: dict, score: np.ndarray, model: dict, level: str, how: str) -> set[int]:
    """Lines removed: ``model`` (line model alone), ``region`` (with the decoder), ``span``
    (with the decoder and every line outside the gold span; a body sign keeps a line at
    ``default``) or ``span only`` (every line outside the gold span, nothing else)."""
    lines, span = row["lines"], gold_span(row)
    if how == "span only":
        return set() if span is None else {k for k in range(len(lines))
                                           if k < span[0] or k > span[1]}
    gone = set(model_removals(lines, score, model, level)[0])
    if how != "model":
        gone.update(region_removals(lines, score, model, level, frozenset(gone))[0])
    if how == "span" and span is not None and len(lines) >= MIN_LINES:
        signs = LineSigns(lines, score, model["threshold"])
        gone.update(k for k in range(len(lines)) if (k < span[0] or k > span[1])
                    and (level != "default" or signs.why(k) is None))
    return gone


counts = clean_validation.pooled_counts  # score_page counts with the cut lines removed


def roc_auc(rows: list[dict], scores: list[np.ndarray]) -> float:
    """Line ROC AUC of furniture scores over the labelled lines."""
    from sklearn.metrics import roc_auc_score

    pairs = [(label, s) for row, score in zip(rows, scores, strict=True)
             for label, s in zip(row["labels"], score, strict=True) if label is not None]
    return round(float(roc_auc_score(*zip(*pairs, strict=True))), 4)


def _add(totals: dict, key: str, found: dict[str, int]) -> None:
    into = totals.setdefault(key, dict.fromkeys(found, 0))
    for name, value in found.items():
        into[name] += value


def _rates(totals: dict) -> dict[str, list[float]]:
    """(furniture removed, body kept) per key of pooled counts."""
    return {key: [round(c["removed"] / max(c["n_remove"], 1), 4),
                  round(c["kept"] / max(c["n_keep"], 1), 4)] for key, c in totals.items()}


def oracle_removals(rows: list[dict], scores: list[np.ndarray], model: dict) -> list[set[int]]:
    """The line model alone at ``default`` with the threshold that keeps 99.5% of the body
    strings of ``rows`` themselves (an oracle operating point: ranking, not calibration)."""
    t = bisect_threshold(rows, scores, clean_fit.KEEP_TARGET, "default")
    at = {**model, "threshold": t, "strict_threshold": t}
    return [removals(row, score, at, "default", "model")
            for row, score in zip(rows, scores, strict=True)]


def run_point(rows, folds, share: float, seed: int, hows=("model", "region")) -> dict:
    """One point of the curve: per fold, fit on a subset of its training sites, apply to the
    untouched fold; rates pooled over the folds (keys ``level/how``), AUC, pages, CPU time."""
    start = time.process_time()
    totals: dict = {}
    all_scores: list = [None] * len(rows)
    n_pages, n_sites = [], []
    for train, held in folds:
        chosen = subset(rows, train, share, seed)
        sites = {rows[i]["page"]["site"] for i in chosen}
        assert not sites & {rows[i]["page"]["site"] for i in held}, "a fit saw a held-out site"
        n_pages.append(len(chosen))
        n_sites.append(len(sites))
        model = fit_rows([rows[i] for i in chosen])
        held_rows = [rows[i] for i in held]
        scores = [furniture_scores(row["lines"], model) for row in held_rows]
        for i, score in zip(held, scores, strict=True):
            all_scores[i] = score
        for level in LEVELS:
            for how in hows:
                _add(totals, f"{level}/{how}", counts(held_rows, [
                    removals(r, s, model, level, how) for r, s in zip(held_rows, scores,
                                                                      strict=True)]))
        _add(totals, FOLD_ORACLE, counts(held_rows, oracle_removals(held_rows, scores, model)))
    fixed = bisect_threshold(rows, all_scores, clean_fit.KEEP_TARGET, "default")
    removed_fixed = clean_fit.keep_and_remove_rates(rows, all_scores, fixed, "default")
    return {"share": share, "seed": seed, "n_pages": float(np.mean(n_pages)),
            "n_sites": float(np.mean(n_sites)), **_rates(totals),
            "default/model at a fixed 99.5%": [round(removed_fixed[1], 4),
                                               round(removed_fixed[0], 4), fixed],
            "auc": roc_auc(rows, all_scores), "cpu_s": round(time.process_time() - start, 1)}


def reproduce(rows: list[dict]) -> dict:
    """The shipped site-fold figures as ``clean_fit.fit`` computes them (exact scan)."""
    start = time.process_time()
    scores = out_of_fold(rows)
    found = {"reproduced": True, "exact": choose(rows, scores, clean_fit._threshold),
             "bisect": choose(rows, scores), "auc": roc_auc(rows, scores)}
    return {**found, "cpu_s": round(time.process_time() - start, 1)}


def span_only(rows: list[dict]) -> dict:
    """Ceiling 1: keep only the lines from the first to the last gold body line."""
    found = counts(rows, [removals(row, np.zeros(0), {}, "default", "span only")
                          for row in rows])
    return {"oracle": "span only", **_rates({"all": found})}


def log_curve(n, a, b):
    return a + b * np.log(n)


def saturating_curve(n, c, a, b):
    return c - a * n ** -b


def pages_needed(x, y, goal: float = GOAL) -> dict:
    """Both curve forms fitted to (``x`` pages, ``y`` furniture removed), their parameters
    and the pages at which each reaches ``goal`` (None: never)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    b, a = np.polyfit(np.log(x), y, 1)
    out = {"log_a": round(float(a), 4), "log_b": round(float(b), 4),
           "log_n": float(np.exp((goal - a) / b)) if b > 0 else None}
    try:
        (c, sa, sb), _ = curve_fit(saturating_curve, x, y, p0=(min(y.max() + 0.1, 1.0), 1.0, 0.5),
                                   bounds=([0, 0, 0], [1, np.inf, 3]), maxfev=20000)
        out.update(sat_c=round(float(c), 4), sat_a=round(float(sa), 4), sat_b=round(float(sb), 4),
                   sat_n=float((sa / (c - goal)) ** (1 / sb)) if c > goal and sb > 0 else None)
    except RuntimeError:
        out.update(sat_c=None, sat_a=None, sat_b=None, sat_n=None)
    return out


def series(points: list[dict], key: str = "default/region") -> dict[str, list[dict]]:
    """The subsets' mean per share and each subset series (subset k, the whole fold at 1) of
    furniture removed by ``key``."""
    shares = sorted({p["share"] for p in points})
    out = {"mean": [{"share": s, "n_pages": np.mean([p["n_pages"] for p in points
                                                     if p["share"] == s]),
                     "y": np.mean([p[key][0] for p in points if p["share"] == s])}
                    for s in shares]}
    for seed in SEEDS:
        out[f"subset {seed}"] = [{"share": p["share"], "n_pages": p["n_pages"],
                                  "y": p[key][0]} for p in points
                                 if p["seed"] == seed or p["share"] >= 1]
    return {name: s for name, s in out.items() if len(s) >= 3}


def curves(points: list[dict], key: str = "default/region") -> list[dict]:
    """:func:`pages_needed` per series, with the gain per doubling of pages at each end."""
    out = []
    for name, values in series(points, key).items():
        x, y = [v["n_pages"] for v in values], [v["y"] for v in values]
        slopes = np.diff(y) / np.diff(np.log2(x))
        out.append({"series": name, **pages_needed(x, y), "n_max": max(x),
                    "first_doubling_gain": round(float(slopes[0]), 4),
                    "last_doubling_gain": round(float(slopes[-1]), 4)})
    return out


def _cell(values: list[float], pct: bool = True) -> str:
    f = (lambda v: f"{v:.2%}") if pct else (lambda v: f"{v:.3f}")
    spread = f" ({f(min(values))}-{f(max(values))})" if len(values) > 1 else ""
    return f"{f(float(np.mean(values)))}{spread}"


def print_table(rows: list[dict]) -> None:
    """The reproduction, the curve per share, the fitted forms and the ceilings."""
    for row in rows:
        if row.get("reproduced"):
            for name in ("exact", "bisect"):
                r = row[name]
                print(f"reproduced ({name} threshold): thresholds {r['threshold']} / "
                      f"{r['strict_threshold']}; model alone {r['cross']}; decoder "
                      f"{r['region']}; AUC {row['auc']}; {row['cpu_s']} s CPU")
    points = [r for r in rows if "share" in r]
    keys = [k for k in points[0] if "/" in k] if points else []
    print("\n| share | pages (sites) per fold fit | " + " | ".join(
        f"{k}: removed / kept" for k in keys) + " | line AUC | CPU s |")
    print("|---" * (len(keys) + 4) + "|")
    for share in sorted({p["share"] for p in points}):
        group = [p for p in points if p["share"] == share]
        cells = [f"{_cell([p[k][0] for p in group])} / {_cell([p[k][1] for p in group])}"
                 for k in keys]
        print(f"| {share:.1%} | {group[0]['n_pages']:.0f} ({group[0]['n_sites']:.0f}) | "
              + " | ".join(cells) + f" | {_cell([p['auc'] for p in group], False)} | "
              f"{sum(p['cpu_s'] for p in group):.0f} |")
    for key in ("default/region", "default/model at a fixed 99.5%", FOLD_ORACLE):
        if all(key in p for p in points):
            print_curves(points, key)
    for row in rows:
        if "oracle" in row:
            print(f"ceiling {row['oracle']}: " + "; ".join(
                f"{k} {v[0]:.2%} removed / {v[1]:.2%} kept" for k, v in row.items()
                if isinstance(v, list)))


def print_curves(points: list[dict], key: str) -> None:
    """The fitted forms of furniture removed by ``key`` against pages."""
    print(f"\ncurves of furniture removed ({key}) against pages; goal {GOAL:.0%}")
    for c in curves(points, key):
        far = {k: (f"{c[k]:,.0f} pages ({c[k] / c['n_max']:.1f}x the data)"
                   if c[k] is not None else "never") for k in ("log_n", "sat_n")}
        print(f"  {c['series']}: a + b ln n: a {c['log_a']}, b {c['log_b']} -> {far['log_n']};"
              f" c - a n^-b: c {c['sat_c']}, a {c['sat_a']}, b {c['sat_b']} -> {far['sat_n']};"
              f" gain per doubling {c['first_doubling_gain']:+.4f} first, "
              f"{c['last_doubling_gain']:+.4f} last")


def run(quick: bool) -> list[dict]:
    pages = clean_validation.load_pagetext("tuning")
    rows = clean_fit.page_rows(pages)
    folds = site_folds(rows)
    out = [] if quick else [reproduce(rows), span_only(rows)]
    for share in (QUICK_SHARES if quick else SHARES):
        for seed in (SEEDS[:1] if quick or share >= 1 else SEEDS):
            hows = ("model", "region", "span") if share >= 1 else ("model", "region")
            out.append(run_point(rows, folds, share, seed, hows))
            print(json.dumps(out[-1]), flush=True)
    full = [p for p in out if p.get("share") == 1.0]
    if full:
        out.append({"oracle": "100% fold fits + gold span",
                    **{k: v for k, v in full[0].items() if k.endswith("/span")}})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"shares {QUICK_SHARES}, one subset each, no reproduction")
    parser.add_argument("--save", type=Path, help="write the raw rows as JSON")
    parser.add_argument("--load", type=Path, help="print the table from saved rows, no fit")
    args = parser.parse_args(argv)
    start = time.process_time()
    rows = json.loads(args.load.read_text()) if args.load else run(args.quick)
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1))
    print_table(rows)
    print(f"\nCPU time {time.process_time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
