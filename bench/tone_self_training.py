"""Self-training of the tone blend's linear view on unlabelled person mentions (issue 16; train
only, dev never read).

Unlabelled targets: the person mentions in the sentences (8-60 words) of PolNeAR *train*'s
articles (never dev or test): a capitalised name (``quotes.names.NAME_RE``, cleaned of titles
and possessors) counts as a person when it is a full name whose first word is a given name
(``quotes.given_names``) or a surname of such a full name in the same article. Sentences equal
to a NewsMTSC train sentence are dropped.

In each of ``tone_fit``'s five grouped folds:

1. the shipped blend (linear 0.6 / char 0.2 / vectors 0.2) is fitted on the fold's training rows
   and labels the unlabelled targets;
2. the confident ones (blend probability >= ``t``) are kept with the class balance of the fold's
   training rows (per class the most confident, as many as the scarcest class allows);
3. they are added at weight ``w`` to the linear view's training rows (vocabulary from gold and
   pseudo rows; the learnt lexicon and the column scale from the gold rows only, the pseudo
   rows' lexicon features from the gold lexicon) and the linear view is refitted; char and
   vector views stay as fitted on gold;
4. ``(t, w)`` is chosen inside the fold, before the held-out fold is touched: the same steps on
   one grouped 80/20 split of the fold's training rows, the best of ``GRID`` (and no pseudo
   rows at all) by the mean of the inner macro-F1 overall and at dev_mt's class balance;
5. the held-out fold is scored with the chosen ``(t, w)``.

Figures as ``tone_fit``: macro-F1 overall / multi-target / at dev_mt's balance, over the
concatenated held-out folds. Bar set in advance (brief tone10): at dev_mt's balance >= 0.6509 +
0.008 and overall >= 0.6924. Each grid point on the outer folds is printed too (not the rule's
choice; for reading only).

    OMP_NUM_THREADS=1 PYTHONPATH=lib .venv/bin/python bench/tone_self_training.py
"""

from __future__ import annotations

import argparse
import json
import re
import time
from itertools import product
from pathlib import Path

import numpy as np
from newsprism.core import paths
from newsprism.core.text import split_sentences
from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.names import NAME_RE, clean_name, is_name
from newsprism.sentiment import tone_fit, tone_lexicon, tone_views
from newsprism.sentiment.tone_model import build_vocabulary, nb_scale, scale_columns, to_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

GRID = list(product((0.6, 0.7, 0.8, 0.9), (0.1, 0.3, 0.6)))  # (t, w)
SHIPPED = {"linear": 0.6, "char": 0.2, "vec": 0.2}
BAR = {"cv_multi_macro_f1_mt_balance": 0.6509 + 0.008, "cv_macro_f1": 0.6924}
WORDS = (8, 60)
POSSESSIVE = re.compile(r"[\u2019']s?$")


def _people(article: str) -> list[tuple[int, int]]:
    """Spans of person mentions in an article (see the module docstring)."""
    found = []
    for match in NAME_RE.finditer(article):
        name = clean_name(POSSESSIVE.sub("", match.group(0)).strip())
        at = article.find(name, match.start(), match.end()) if name else -1
        if at >= 0 and is_name(name, article):
            found.append((at, at + len(name), name))
    surnames = {n.split()[-1] for _, _, n in found if len(n.split()) > 1 and given_name_gender(n)}
    return [(s, e) for s, e, n in found
            if n.split()[-1] in surnames and (len(n.split()) == 1 or given_name_gender(n))]


def unlabelled_targets(train_texts, polnear: Path | None = None) -> dict[str, list]:
    """(text, span, sentence id) of every person mention in PolNeAR train's sentences."""
    root = Path(polnear or paths.POLNEAR) / "train" / "text"
    seen, out = set(train_texts), {"text": [], "span": [], "sentence": []}
    for file in sorted(root.glob("*.txt")):
        article = file.read_text(encoding="utf-8")
        people = _people(article)
        for start, end in split_sentences(article):
            sentence = article[start:end]
            if not WORDS[0] <= len(sentence.split()) <= WORDS[1] or sentence in seen:
                continue
            spans = [(s - start, e - start) for s, e in people if start <= s and e <= end]
            for span in spans:
                out["text"].append(sentence)
                out["span"].append(span)
                out["sentence"].append(len(seen))
            seen.add(sentence)
    return out


def select(probs: np.ndarray, threshold: float, shares: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose top class probability is >= ``threshold``, balanced to ``shares``."""
    top, label = probs.max(axis=1), probs.argmax(axis=1)
    pools = [np.flatnonzero((label == c) & (top >= threshold)) for c in range(3)]
    pools = [p[np.argsort(-top[p], kind="stable")] for p in pools]
    total = min(len(p) / s for p, s in zip(pools, shares, strict=True) if s > 0)
    keep = [p[:int(total * s)] for p, s in zip(pools, shares, strict=True)]
    rows = np.concatenate(keep)
    return rows, label[rows]


def fit_linear(gold, labels, groups, pseudo, pseudo_labels, weight, point) -> dict:
    """The linear view on gold rows plus pseudo rows at ``weight`` (see the docstring, step 3)."""
    from threadpoolctl import threadpool_limits

    names = gold[0] + pseudo[0]
    vocabulary = build_vocabulary(names, tone_fit.MIN_DF)
    lexicon = tone_lexicon.fit(gold[2], labels)
    blocks = [tone_lexicon.out_of_fold(gold[2], labels, groups, tone_fit.N_FOLDS),
              tone_lexicon.matrix(pseudo[2], lexicon)]
    dense = np.vstack([np.hstack([gold[1], point["lexicon_weight"] * blocks[0]]),
                       np.hstack([pseudo[1], point["lexicon_weight"] * blocks[1]])])
    matrix = to_matrix(names, dense, vocabulary, point["dense_weight"], point["local_weight"])
    scale = nb_scale(matrix[:len(labels), :len(vocabulary)], labels, point["nb_beta"])
    model = LogisticRegression(C=point["C"], max_iter=3000, tol=1e-4,
                               class_weight=point["class_weight"])
    sample_weight = np.concatenate([np.ones(len(labels)), np.full(len(pseudo_labels), weight)])
    with threadpool_limits(1):
        model.fit(scale_columns(matrix, scale), np.concatenate([labels, pseudo_labels]),
                  sample_weight=sample_weight)
    return {"vocabulary": vocabulary, "lexicon": lexicon, "model": model, "scale": scale}


def candidates(features, labels, groups, fit_rows, score_rows, unlabelled, point) -> dict:
    """Blend probabilities on ``score_rows`` for no pseudo rows and for every ``GRID`` point,
    the blend fitted on ``fit_rows``; with the pseudo rows' counts."""
    gold = tone_fit._rows(features, fit_rows)
    fitted = tone_fit._fit(gold, labels[fit_rows], groups[fit_rows], point)
    held = tone_fit._rows(features, score_rows)
    base = tone_fit._view_probabilities(fitted, held, point)
    blend_u = tone_views.blend(tone_fit._view_probabilities(fitted, unlabelled, point), SHIPPED)
    shares = np.bincount(labels[fit_rows], minlength=3) / len(fit_rows)
    out = {None: (tone_views.blend(base, SHIPPED), 0)}
    for threshold, weight in GRID:
        rows, pseudo_labels = select(blend_u, threshold, shares)
        if not len(rows):
            out[(threshold, weight)] = out[None]
            continue
        linear = fit_linear(gold, labels[fit_rows], groups[fit_rows],
                            tone_fit._rows(unlabelled, rows), pseudo_labels, weight, point)
        probs = {**base, "linear": tone_fit._view_probabilities(
            {**fitted, **linear}, held, point)["linear"]}
        out[(threshold, weight)] = (tone_views.blend(probs, SHIPPED), len(rows))
    return out


def inner_score(labels, groups, rows, probs) -> float:
    """The inner criterion: mean of macro-F1 overall and at dev_mt's balance (multi-target)."""
    figures = tone_fit._figures(labels[rows], np.unique(groups[rows], return_inverse=True)[1],
                                probs.argmax(axis=1))
    return (figures["cv_macro_f1"] + figures["cv_multi_macro_f1_mt_balance"]) / 2


def run() -> dict:
    data = tone_fit.load_split(tone_fit.TRAIN)
    vectors = tone_fit.fit_vectors(data)
    features = tone_fit._features(data, vectors)
    found = unlabelled_targets(data["text"])
    unlabelled = tone_fit._features(found, vectors)
    print(f"unlabelled targets {len(found['text'])} in {len(set(found['text']))} sentences",
          flush=True)
    labels, groups = np.array(data["label"]), np.array(data["sentence"])
    folds = list(GroupKFold(n_splits=tone_fit.N_FOLDS).split(labels, labels, groups))
    point = tone_fit.grid_points()[0]
    chosen_pred = np.zeros(len(labels), dtype=int)
    grid_pred = {key: np.zeros(len(labels), dtype=int) for key in [None, *GRID]}
    log = []
    for k, (fit_rows, held_rows) in enumerate(folds):
        start = time.process_time()
        inner_fit, inner_held = next(GroupKFold(n_splits=5).split(
            fit_rows, labels[fit_rows], groups[fit_rows]))
        inner = candidates(features, labels, groups, fit_rows[inner_fit], fit_rows[inner_held],
                           unlabelled, point)
        scores = {key: inner_score(labels, groups, fit_rows[inner_held], p)
                  for key, (p, _) in inner.items()}
        choice = max(scores, key=lambda key: (scores[key], key is None))
        outer = candidates(features, labels, groups, fit_rows, held_rows, unlabelled, point)
        for key, (probs, _) in outer.items():
            grid_pred[key][held_rows] = probs.argmax(axis=1)
        chosen_pred[held_rows] = outer[choice][0].argmax(axis=1)
        log.append({"fold": k, "choice": choice, "inner": round(scores[choice], 4),
                    "inner_none": round(scores[None], 4), "n_pseudo": outer[choice][1],
                    "cpu_s": round(time.process_time() - start, 1)})
        print(json.dumps(log[-1]), flush=True)
    return {"folds": log, "chosen": tone_fit._figures(labels, groups, chosen_pred),
            "grid": {str(key): tone_fit._figures(labels, groups, pred)
                     for key, pred in grid_pred.items()},
            "n_unlabelled": len(found["text"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the results as JSON")
    parser.add_argument("--load", type=Path, help="print saved results, no fit")
    args = parser.parse_args(argv)
    result = json.loads(args.load.read_text()) if args.load else run()
    if args.save:
        args.save.write_text(json.dumps(result, indent=1))
    for fold in result["folds"]:
        print(f"fold {fold['fold']}: chosen (t, w) {fold['choice']} (inner {fold['inner']}, "
              f"none {fold['inner_none']}), {fold['n_pseudo']} pseudo-labelled targets")
    print(f"unlabelled targets: {result['n_unlabelled']}")
    print("\n| (t, w) | overall | multi-target | at dev_mt's balance |\n|---|---|---|---|")
    for key, f in result["grid"].items():
        print(f"| {key} | {f['cv_macro_f1']:.4f} | {f['cv_multi_macro_f1']:.4f} | "
              f"{f['cv_multi_macro_f1_mt_balance']:.4f} |")
    f = result["chosen"]
    cleared = all(f[name] >= bar for name, bar in BAR.items())
    print(f"\nchosen inside each fold: {f['cv_macro_f1']:.4f} / {f['cv_multi_macro_f1']:.4f} / "
          f"{f['cv_multi_macro_f1_mt_balance']:.4f}; bar (>= {BAR['cv_macro_f1']} overall, "
          f">= {BAR['cv_multi_macro_f1_mt_balance']:.4f} at dev_mt's balance): "
          f"{'cleared' if cleared else 'not cleared'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
