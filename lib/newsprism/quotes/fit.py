"""Fit the speech/term quotation classifier on PolNeAR train; write ``data/quote_classifier.json``.

    python -m newsprism.quotes.fit            # refit on train, write the shipped file
    python -m newsprism.quotes.fit --check    # refit in memory, compare with the shipped file

The fit is :func:`newsprism.quotes.validation.fit_classifier` on PolNeAR train (scikit-learn
``LogisticRegression(C=1)``, lbfgs, ``random_state=SEED``; 5-fold cross-validation grouped by
article, a fixed fold assignment, picks the threshold maximising min(precision, recall)): the
same data give the same file. Dev is never read here (``make validate`` reports it). Weights are
rounded to three decimals, so a refit compares exactly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsprism.quotes import extract as quotes

SPLIT, C, FOLDS, SEED = "train", 1.0, 5, 0


def fit() -> dict:
    """The content of ``data/quote_classifier.json``: ``weights``, ``bias``, ``threshold`` and
    ``meta`` (split, C, folds, seed, spans and gold quotations fitted on, the CV table)."""
    from newsprism.quotes.validation import fit_classifier

    result = fit_classifier(SPLIT, C=C, folds=FOLDS)
    if not result["n_spans"]:
        raise FileNotFoundError("PolNeAR train not found (shared/datasets/polnear)")
    cv = result["cv"].round(4).to_dict("records")
    meta = {"command": "python -m newsprism.quotes.fit", "data": "PolNeAR v1.0 train",
            "split": SPLIT, "C": C, "folds": FOLDS, "seed": SEED,
            "n_spans": int(result["n_spans"]), "n_gold": int(result["n_gold"]), "cv": cv}
    return {"weights": result["weights"], "bias": result["bias"],
            "threshold": result["threshold"], "meta": meta}


def write(content: dict, path: Path | None = None) -> Path:
    path = Path(path or quotes.CLASSIFIER_PATH)
    path.write_text(json.dumps(content, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsprism.quotes.fit",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="refit in memory and compare with the shipped file")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: shipped)")
    args = parser.parse_args(argv)
    content = fit()
    if args.check:
        shipped = json.loads(quotes.CLASSIFIER_PATH.read_text(encoding="utf-8"))
        same = shipped == json.loads(json.dumps(content))
        print("refit reproduces the shipped classifier" if same else
              "refit DIFFERS from the shipped classifier")
        return 0 if same else 1
    path = write(content, args.out)
    best = next(r for r in content["meta"]["cv"] if r["threshold"] == content["threshold"])
    print(f"wrote {path}: threshold {content['threshold']}, CV precision {best['precision']}, "
          f"recall {best['recall']} ({content['meta']['n_spans']} spans, "
          f"{content['meta']['n_gold']} gold quotations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
