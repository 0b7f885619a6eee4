"""Fit the line furniture model on the *tuning* part of pagetext: ``python -m newsprism.corpus.clean_fit``.

Writes ``data/clean/line_model.json`` (standardised logistic regression over
``clean_lines.FEATURES``, seed 0). The threshold is chosen on out-of-fold scores (5 folds by
site) so that ``KEEP_TARGET`` of the tuning keep strings have all their lines below it: body
text first, furniture removal second. The held-back part is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from newsprism.corpus import clean_lines, clean_validation

KEEP_TARGET = 0.997
KEEP_TARGET_STRICT = 0.98  # the "strict" cleaning level
SEED = 0


def training_rows(pages: list[dict]):
    """Features, labels, page index per labelled line, and keep groups (page, line ids)."""
    xs, ys, groups, keep = [], [], [], []
    for index, page in enumerate(pages):
        lines, labels, keep_groups = clean_validation.label_lines(page)
        if not lines:
            continue
        features = clean_lines.line_features(lines)
        for j, label in enumerate(labels):
            if label is not None:
                xs.append(features[j])
                ys.append(label)
                groups.append(index)
        keep.extend((index, g, features) for g in keep_groups)
    return np.asarray(xs), np.asarray(ys), np.asarray(groups), keep


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED,
                               class_weight="balanced").fit(scaler.transform(x), y)
    return scaler, model


def fit(pages: list[dict]) -> dict:
    """The model as a dict (see ``clean_lines.load_model``)."""
    from sklearn.model_selection import GroupKFold

    x, y, groups, keep = training_rows(pages)
    sites = np.asarray([pages[g]["site"] for g in groups])
    keep_max = []
    for train, test in GroupKFold(n_splits=5).split(x, y, sites):
        scaler, model = _fit(x[train], y[train])
        test_pages = set(groups[test])
        for index, line_ids, features in keep:
            if index in test_pages:
                p = model.predict_proba(scaler.transform(features[line_ids]))[:, 1]
                keep_max.append(float(p.max()))
    threshold = float(np.quantile(keep_max, KEEP_TARGET)) + 1e-6
    strict = min(float(np.quantile(keep_max, KEEP_TARGET_STRICT)) + 1e-6, threshold)
    scaler, model = _fit(x, y)
    return {"features": clean_lines.FEATURES, "mean": scaler.mean_.tolist(),
            "scale": scaler.scale_.tolist(), "coef": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0]), "threshold": round(threshold, 6),
            "strict_threshold": round(strict, 6), "keep_target_strict": KEEP_TARGET_STRICT,
            "fitted_on": f"pagetext tuning part ({len(pages)} pages, {len(y)} labelled lines)",
            "keep_target": KEEP_TARGET, "seed": SEED,
            "command": "python -m newsprism.corpus.clean_fit"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(clean_lines.MODEL_FILE))
    args = parser.parse_args(argv)
    pages = clean_validation.load_pagetext("tuning")
    if not pages:
        print(f"pagetext not found under {clean_validation.PAGETEXT}", file=sys.stderr)
        return 1
    model = fit(pages)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(model, handle, indent=1)
        handle.write("\n")
    print(f"wrote {args.out}: threshold {model['threshold']}, {model['fitted_on']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
