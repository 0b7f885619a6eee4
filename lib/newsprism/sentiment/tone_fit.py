"""Fit the tone-toward-target model on NewsMTSC train and write ``newsprism/data/tone_model.npz``.

    python -m newsprism.sentiment.tone_fit            # refit (CV on train only), write, print dev scores
    python -m newsprism.sentiment.tone_fit --jobs 2   # the same, CV fits on two cores

Hyper-parameters (``C`` of the logistic regression, ``local_weight`` of the features next to
the target, the weights of the learnt lexicon block and of the dense VADER block,
``class_weight`` and ``nb_beta``, the mix of the log-count-ratio column scale, see
:func:`newsprism.sentiment.tone_model.nb_scale`; 1 is no scaling) and the weights with which the
linear model's probabilities are averaged with those of the char view
(:mod:`newsprism.sentiment.tone_views`) and the vector view
(:mod:`newsprism.sentiment.tone_context`; ``weight_points``) are chosen by 5-fold
cross-validation on train, folds grouped by sentence so
that two targets of one sentence never sit on both sides; the grid is ``GRID``. The polarity
lexicon (:mod:`newsprism.sentiment.tone_lexicon`) is learnt inside each fold, from that fold's
training rows only, and the rows a model learns from get lexicon features from inner folds that
did not see their sentence. The word vectors of the vector view
(:mod:`newsprism.sentiment.tone_vectors`) read no label (PolNeAR train's articles and train's
sentences), so they are fitted once, before the folds. Only the labelled mention is masked, not the target's further
mentions: the public call knows one span per target, so the model is fitted as it is used.
Besides the overall and multi-target CV macro-F1, each grid point records the multi-target
figure at dev_mt's class balance (``DEV_MT_BALANCE``: train's multi-target sentences have few
neutral targets, dev_mt half), the train-only stand-in for dev_mt. Dev
(``dev_mt``, ``dev_rw``) is only scored after the fit. Everything is deterministic (fixed fold
assignment, lbfgs solver, fixed seeds).

NewsMTSC: Hamborg & Donnay (2021), EACL; polarity 2/4/6 -> negative/neutral/positive. The test
splits are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from newsprism.core import paths
from newsprism.sentiment import tone_context, tone_lexicon, tone_vectors, tone_views
from newsprism.sentiment.tone_model import (
    CLASSES,
    MODEL_PATH,
    build_vocabulary,
    featurize,
    nb_scale,
    save,
    scale_columns,
    to_matrix,
    update_meta,
)

NEWSMTSC = paths.SHARED / "datasets" / "newsmtsc"
TRAIN, DEV_SPLITS = "train", ("dev_mt", "dev_rw")
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
GRID = {"C": (1.0,), "local_weight": (2.0,), "lexicon_weight": (1.0,),
        "dense_weight": (1.0,), "class_weight": (None,), "nb_beta": (0.5,)}
# Weights of the averaged views (linear, char, vec; tone_views): every split of one in steps of
# WEIGHT_STEP with the linear model's weight at least MIN_LINEAR_WEIGHT, chosen by grouped CV.
WEIGHT_STEP, MIN_LINEAR_WEIGHT = 0.1, 0.3
MIN_DF = 2
N_FOLDS = 5
SEED = 0
# dev_mt's class counts (negative, neutral, positive) as the dataset README states them; train's
# sentences with two or more targets have far fewer neutral targets (405 of 1,953).
DEV_MT_BALANCE = (136, 217, 89)


def load_split(split: str, root: Path = NEWSMTSC) -> dict[str, list]:
    """Targets of one split: text, span, further mention spans, label (0/1/2), sentence id."""
    if split.startswith("test"):
        raise ValueError("NewsMTSC test splits are kept out; report on dev")
    path = root / f"{split}.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"NewsMTSC {split} not found at {path}")
    out: dict[str, list] = {"text": [], "span": [], "further": [], "label": [], "sentence": []}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            for target in record["targets"]:
                out["text"].append(record["sentence_normalized"])
                out["span"].append((target["from"], target["to"]))
                out["further"].append([(m["from"], m["to"])
                                       for m in target.get("further_mentions", ())])
                out["label"].append(POLARITY[float(target["polarity"])])
                out["sentence"].append(number)
    return out


def _fit(features, labels, groups, point: dict) -> dict:
    """The views fitted on these rows with one grid point: the linear model (vocabulary,
    lexicon, logistic regression, column scale), the char view and the vector view.

    The rows' lexicon features come from lexicons that did not see their sentence
    (:func:`tone_lexicon.out_of_fold`), so their weight is the one that holds on new sentences;
    the returned lexicon is fitted on all the rows (the one prediction uses)."""
    from threadpoolctl import threadpool_limits

    names, dense, keys, docs, context = features
    vocabulary = build_vocabulary(names, MIN_DF)
    lexicon = tone_lexicon.fit(keys, labels)
    block = tone_lexicon.out_of_fold(keys, labels, groups, N_FOLDS)
    full = np.hstack([dense, point["lexicon_weight"] * block])
    matrix = to_matrix(names, full, vocabulary, point["dense_weight"], point["local_weight"])
    scale = nb_scale(matrix[:, :len(vocabulary)], labels, point["nb_beta"])
    model = LogisticRegression(C=point["C"], max_iter=3000, tol=1e-4,
                               class_weight=point["class_weight"])
    with threadpool_limits(1):  # BLAS threads only slow this small problem down
        model.fit(scale_columns(matrix, scale), labels)
    return {"vocabulary": vocabulary, "lexicon": lexicon, "model": model, "scale": scale,
            "char": tone_views.fit_char(docs, labels, SEED),
            "vec": tone_context.fit_view(context, labels, SEED)}


def _view_probabilities(fitted: dict, features, point: dict) -> dict[str, np.ndarray]:
    """Each view's class probabilities for these rows (features as :func:`_features` gives)."""
    names, dense, keys, docs, context = features
    full = np.hstack([dense, point["lexicon_weight"] * tone_lexicon.matrix(keys, fitted["lexicon"])])
    matrix = scale_columns(to_matrix(names, full, fitted["vocabulary"], point["dense_weight"],
                                     point["local_weight"]), fitted["scale"])
    return {"linear": fitted["model"].predict_proba(matrix),
            "char": tone_views.char_probabilities(fitted["char"], docs),
            "vec": tone_context.probabilities(fitted["vec"], context)}


def _rows(features, rows) -> tuple:
    names, dense, keys, docs, context = features
    return ([names[i] for i in rows], dense[rows], [keys[i] for i in rows],
            [docs[i] for i in rows], context[rows])


def _fold_probabilities(features, labels, groups, fit_rows, held_rows, point):
    fitted = _fit(_rows(features, fit_rows), labels[fit_rows], groups[fit_rows], point)
    return _view_probabilities(fitted, _rows(features, held_rows), point)


def _features(data: dict[str, list], vectors: dict) -> tuple:
    """(feature names, dense block, lexicon keys, char-view windows, vector-view context
    features) of every target."""
    names, dense, keys = featurize(data["text"], data["span"])
    return (names, dense, keys, tone_views.windows(data["text"], data["span"]),
            tone_context.context_features(vectors, data["text"], data["span"]))


def fit_vectors(data: dict[str, list], polnear: Path | None = None) -> dict:
    """Word vectors from unlabelled text: PolNeAR train's articles and these (train) sentences;
    no label is read, so they are fitted once, outside the CV folds."""
    return tone_vectors.fit(tone_vectors.unlabelled_documents(data["text"], polnear))


def grid_points() -> list[dict]:
    """Every combination of ``GRID``, in a fixed order."""
    return [dict(zip(GRID, values, strict=True)) for values in product(*GRID.values())]


def weight_points() -> list[dict[str, float]]:
    """View weights summing to one in steps of ``WEIGHT_STEP``, the linear view's from one down
    to ``MIN_LINEAR_WEIGHT`` and, for each, the vector view's from zero up, the char view the
    rest; the first is the linear model alone."""
    steps = round(1 / WEIGHT_STEP)
    lowest = round(MIN_LINEAR_WEIGHT / WEIGHT_STEP)
    return [{"linear": round(linear * WEIGHT_STEP, 2),
             "char": round((steps - linear - vec) * WEIGHT_STEP, 2),
             "vec": round(vec * WEIGHT_STEP, 2)}
            for linear in range(steps, lowest - 1, -1) for vec in range(steps - linear + 1)]


def _figures(labels, groups, predicted) -> dict[str, float]:
    multi = np.bincount(groups)[groups] > 1
    return {"cv_macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
            "cv_multi_macro_f1": round(float(f1_score(labels[multi], predicted[multi],
                                                      average="macro")), 4),
            "cv_multi_macro_f1_mt_balance": mt_balanced_f1(labels[multi], predicted[multi])}


def cross_validate(data: dict[str, list], features, n_jobs: int = 1) -> list[dict]:
    """Macro-F1 of every grid point and view weighting, out-of-fold over train (folds grouped by
    sentence), overall, on the targets of sentences with two or more targets
    (``cv_multi_macro_f1``) and on those at dev_mt's class balance."""
    from joblib import Parallel, delayed

    labels, groups = np.array(data["label"]), np.array(data["sentence"])
    folds = list(GroupKFold(n_splits=N_FOLDS).split(labels, labels, groups))
    points = grid_points()
    jobs = [(k, fit_rows, held_rows) for k in range(len(points)) for fit_rows, held_rows in folds]
    found = Parallel(n_jobs=n_jobs)(
        delayed(_fold_probabilities)(features, labels, groups, f, h, points[k])
        for k, f, h in jobs)
    results = []
    for k, point in enumerate(points):
        probs = {view: np.zeros((len(labels), 3)) for view in tone_views.VIEWS}
        for (j, _, held_rows), part in zip(jobs, found, strict=True):
            if j == k:
                for view in tone_views.VIEWS:
                    probs[view][held_rows] = part[view]
        for weights in weight_points():
            predicted = tone_views.blend(probs, weights).argmax(axis=1)
            results.append({**point, "weights": weights,
                            **_figures(labels, groups, predicted)})
    return results


def mt_balanced_f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 with each target weighted so the classes have ``DEV_MT_BALANCE``'s shares:
    what a model's train multi-target figure would be at dev_mt's class balance."""
    shares = np.bincount(labels, minlength=3) / len(labels)
    weights = (np.array(DEV_MT_BALANCE) / sum(DEV_MT_BALANCE) / np.maximum(shares, 1e-9))[labels]
    return round(float(f1_score(labels, predicted, average="macro", sample_weight=weights)), 4)


def choose(root: Path = NEWSMTSC, n_jobs: int = 1) -> dict:
    """Hyper-parameters by grouped CV on train: metadata for the data file (grid included)."""
    data = load_split(TRAIN, root)
    results = cross_validate(data, _features(data, fit_vectors(data)), n_jobs)
    best = max(results, key=lambda r: (r["cv_macro_f1"], -r["C"]))
    return {"dataset": "NewsMTSC train (Hamborg & Donnay 2021)", "n_train": len(data["label"]),
            **{name: best[name] for name in GRID}, "weights": best["weights"], "min_df": MIN_DF,
            "lexicon": {"alpha": tone_lexicon.ALPHA, "min_count": tone_lexicon.MIN_COUNT,
                        "decay": tone_lexicon.DECAY},
            "vectors": {"text": "PolNeAR train articles and NewsMTSC train sentences",
                        "window": tone_vectors.WINDOW, "alpha": tone_vectors.ALPHA,
                        "dims": tone_vectors.DIMS, "min_count": tone_vectors.MIN_COUNT,
                        "vec_C": tone_context.C, "widths": list(tone_context.WIDTHS)},
            "cv_folds": N_FOLDS, "cv_macro_f1": best["cv_macro_f1"],
            "cv_multi_macro_f1": best["cv_multi_macro_f1"],
            "cv_multi_macro_f1_mt_balance": best["cv_multi_macro_f1_mt_balance"], "grid": results,
            "classes": list(CLASSES), "seed": SEED}


def refit(meta: dict, out: Path, root: Path = NEWSMTSC) -> Path:
    """Fit on all of train with the grid point recorded in ``meta`` and write the data file."""
    data = load_split(TRAIN, root)
    point = {name: meta[name] for name in GRID}
    vectors = fit_vectors(data)
    fitted = _fit(_features(data, vectors), np.array(data["label"]), np.array(data["sentence"]),
                  point)
    save(out, fitted["vocabulary"], fitted["model"].coef_, fitted["model"].intercept_, meta,
         fitted["lexicon"], fitted["scale"],
         {"char": fitted["char"], "vec": {**fitted["vec"], **vectors}})
    return out


def dev_scores(root: Path = NEWSMTSC, path: Path = MODEL_PATH) -> dict[str, dict]:
    """Macro-F1, accuracy and n of the model at ``path`` on each dev split."""
    from newsprism.sentiment.tone_model import predict

    scores = {}
    for split in DEV_SPLITS:
        data = load_split(split, root)
        probs, _ = predict(data["text"], data["span"], path)
        predicted = probs.argmax(axis=1)
        scores[split] = {"macro_f1": float(f1_score(data["label"], predicted, average="macro")),
                         "accuracy": float(accuracy_score(data["label"], predicted)),
                         "n": len(predicted)}
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--data", type=Path, default=NEWSMTSC)
    parser.add_argument("--jobs", type=int, default=1, help="CV fits in parallel (same result)")
    args = parser.parse_args(argv)
    meta = choose(args.data, args.jobs)
    for row in meta["grid"]:
        print("CV " + " ".join(f"{name}={row[name]!s}" for name in (*GRID, "weights"))
              + f"  macro-F1 {row['cv_macro_f1']:.4f} (multi-target {row['cv_multi_macro_f1']:.4f}, "
              f"at dev_mt's class balance {row['cv_multi_macro_f1_mt_balance']:.4f})")
    refit(meta, args.out, args.data)
    # Dev is scored once, after the choice, and recorded so a refit can be checked against it.
    meta["dev"] = dev_scores(args.data, args.out)
    update_meta(args.out, meta)
    print(f"wrote {args.out} (" + ", ".join(f"{name}={meta[name]}" for name in (*GRID, "weights"))
          + ")")
    for split, row in meta["dev"].items():
        print(f"{split}: macro-F1 {row['macro_f1']:.4f}  accuracy {row['accuracy']:.4f}  "
              f"n {row['n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
