"""Frame presence through the coders' questions: a two-stage linear model fitted on NFC.

The Narrative Frames Corpus records, per article, each coder's yes/no answer to the frame
questions (``full_annotations_dev.json``: CO1–CO4, EC1–EC3, HI1–HI5, MO1–MO3, RE1–RE7). Those
answers are richer targets than the five frame labels (human interest: 29 articles carry the
frame, 73 answer HI1 yes), so the model learns through them:

1. *question models*: per question of a frame, a logistic regression of the coders' share of
   "yes" (a soft target) on the frame's standardised cue features (the features of
   :func:`newsprism.framing.presence.feature_names`), giving a linear score ``z_q``;
2. *frame model*: a logistic regression (balanced class weights) of the frame label on the
   question scores ``z_q``.

Because stage 2 is linear in the ``z_q`` and each ``z_q`` is linear in the features, the whole
model collapses to one linear model on the cue features (:func:`collapse`): the shipped file
keeps the format :func:`newsprism.framing.presence.frame_scores` reads, and each decision is
still a sum of per-cue-feature contributions traceable to sentences.

>>> soft_targets([["yes", ["yes", "no", -1, "yes"]]])
array([0.66666667])
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd

ANNOTATIONS = "full_annotations_dev.json"
PREFIXES = {"conflict": "co", "economic": "ec", "human_interest": "hi", "morality": "mo",
            "responsibility": "re"}


def soft_targets(answers: list) -> np.ndarray:
    """Share of coders answering "yes" per ``[aggregate, [coder answers]]`` entry (coders
    marked -1 did not code); the aggregate answer decides when no coder answer is usable."""
    out = []
    for aggregate, coders in answers:
        coded = [a for a in coders if a in ("yes", "no")]
        out.append(np.mean([a == "yes" for a in coded]) if coded else float(aggregate == "yes"))
    return np.asarray(out, dtype=float)


def _records(folder: str | Path, ids: list[str]) -> tuple[list[dict], list[str]]:
    path = Path(folder) / ANNOTATIONS
    if not path.exists():
        raise FileNotFoundError(f"NFC question annotations missing: {path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    records = [data[str(i)] for i in ids]
    return records, sorted({k for r in records for k in r if not k.startswith("_")})


def load_question_targets(folder: str | Path, ids: list[str]) -> pd.DataFrame:
    """One row per article of ``ids`` (in order), one column per question (``co1`` …): the
    coders' share of yes. Raises ``FileNotFoundError`` if the annotation file is absent and
    ``KeyError`` if an article has no annotation.

    Returns one column per NFC question (float 0-1, the share of coders answering yes).

    Usage::

        targets = load_question_targets(NFC, list(gold["ID"]))
    """
    records, questions = _records(folder, ids)
    return pd.DataFrame({q: soft_targets([r[q] for r in records]) for q in questions})


def load_question_answers(folder: str | Path, ids: list[str]) -> pd.DataFrame:
    """As :func:`load_question_targets`, but the aggregated answer (bool: "yes") from which
    the corpus derives its frame labels.

    Returns one column per NFC question (bool).

    Usage::

        answers = load_question_answers(NFC, list(gold["ID"]))
    """
    records, questions = _records(folder, ids)
    return pd.DataFrame({q: [r[q][0] == "yes" for r in records] for q in questions})


MAX_DEFINING = 3


def frame_questions(targets: pd.DataFrame, frame: str) -> list[str]:
    """The NFC questions of ``frame`` (by prefix), in column order."""
    return [q for q in targets.columns if q.startswith(PREFIXES[frame])]


def defining_rule(answers: pd.DataFrame, labels: np.ndarray, frame: str
                  ) -> tuple[list[str], int]:
    """``(questions, k)``: the frame's questions (at most :data:`MAX_DEFINING`) and ``k`` such
    that "at least ``k`` of them answered yes" reproduces ``labels`` best on these articles
    (ties: fewer questions, smaller ``k``, earlier questions). The corpus aggregates frames
    from its questions this way; reading the rule off the training articles' answers (never
    the held-out ones) avoids trusting a question list by name: NFC's README names RE1 and
    RE5 for resolution, but RE1 is "yes" in every article and RE2 with RE6 reproduce it.

    >>> answers = pd.DataFrame({"mo1": [1, 0, 0, 1], "mo2": [0, 1, 0, 1], "mo3": [1, 1, 1, 0]})
    >>> defining_rule(answers.astype(bool), np.array([1, 1, 0, 1], bool), "morality")
    (['mo1', 'mo2'], 1)
    """
    questions = frame_questions(answers, frame)
    values = answers[questions].to_numpy(dtype=bool)
    labels = np.asarray(labels, dtype=bool)
    best: tuple = (-1.0, questions, 1)
    for size in range(1, min(MAX_DEFINING, len(questions)) + 1):
        for subset in itertools.combinations(range(len(questions)), size):
            yes = values[:, subset].sum(axis=1)
            for k in range(1, size + 1):
                agreement = float(((yes >= k) == labels).mean())
                if agreement > best[0] + 1e-12:
                    best = (agreement, [questions[j] for j in subset], k)
    return best[1], best[2]


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    return mean, np.where(scale > 0, scale, 1.0)


def logistic_fit(z: np.ndarray, target: np.ndarray, weight: np.ndarray, c: float,
                 iterations: int = 100) -> tuple[np.ndarray, float]:
    """``(coef, intercept)`` of an L2 logistic regression, the intercept unpenalised (as
    scikit-learn's ``LogisticRegression(C=c)``): minimises
    ``c * sum(weight * logloss(target, p)) + |coef|^2 / 2`` by Newton's method with step
    halving. ``target`` may be soft (in [0, 1]). About ten times faster than scikit-learn on
    these small problems, which the nested cross-validation solves thousands of times.

    >>> coef, _ = logistic_fit(np.array([[-1.0], [1.0]]), np.array([0.0, 1.0]), np.ones(2), 1.0)
    >>> bool(coef[0] > 0)
    True
    """
    n, d = z.shape
    design = np.column_stack([z, np.ones(n)])
    penalty = np.r_[np.ones(d), 0.0]

    def loss(beta: np.ndarray) -> float:
        linear = design @ beta
        return float(c * np.sum(weight * (np.logaddexp(0.0, linear) - target * linear))
                     + 0.5 * np.sum(penalty * beta * beta))

    beta = np.zeros(d + 1)
    current = loss(beta)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = c * design.T @ (weight * (p - target)) + penalty * beta
        hessian = c * (design.T * (weight * p * (1.0 - p))) @ design + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-12 * np.eye(d + 1), gradient)
        size = 1.0
        while (new := loss(beta - size * step)) > current + 1e-12 and size > 1e-8:
            size /= 2
        beta, previous, current = beta - size * step, current, new
        if previous - current < 1e-12 * max(1.0, abs(current)):
            break
    return beta[:d], float(beta[d])


def _question_model(z: np.ndarray, target: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """``(coef, intercept)`` of a logistic regression on a soft target (the coders' share of
    yes: each article counts as a yes with weight ``target`` and a no with ``1 - target``)."""
    if target.min() == target.max():  # a question every coder answered alike carries nothing
        return np.zeros(z.shape[1]), 0.0
    return logistic_fit(z, target, np.ones(len(target)), c)


def fit_question_stage(x: np.ndarray, targets: np.ndarray, c_question: float) -> dict:
    """Stage 1 alone (it does not depend on the frame label or its C, so a search over
    ``C_frame`` fits it once): ``mean, scale, question_coef, question_intercept``."""
    mean, scale = standardise(x)
    z = (x - mean) / scale
    fitted = [_question_model(z, targets[:, j], c_question) for j in range(targets.shape[1])]
    a = np.array([f[0] for f in fitted]).reshape(len(fitted), x.shape[1])
    b = np.array([f[1] for f in fitted])
    return {"mean": mean, "scale": scale, "question_coef": a, "question_intercept": b}


def fit_frame_stage(stage: dict, x: np.ndarray, y: np.ndarray, c_frame: float) -> dict:
    """Stage 2 on a fitted stage 1 (``x`` the rows stage 1 was fitted on): the stage-1 dict
    plus ``frame_coef`` (per question) and ``frame_intercept``."""
    z = (x - stage["mean"]) / stage["scale"]
    y = np.asarray(y, dtype=bool)
    # Balanced class weights, as scikit-learn's class_weight="balanced".
    weight = np.where(y, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max((~y).sum(), 1)))
    coef, intercept = logistic_fit(z @ stage["question_coef"].T + stage["question_intercept"],
                                   y.astype(float), weight, c_frame)
    return {**stage, "frame_coef": coef, "frame_intercept": intercept}


def fit_two_stage(x: np.ndarray, y: np.ndarray, targets: np.ndarray, c_question: float,
                  c_frame: float) -> dict:
    """Fit both stages on ``x`` (features), ``y`` (frame labels) and ``targets`` (articles x
    questions, soft). Returns ``mean, scale, question_coef (questions x features),
    question_intercept, frame_coef (per question), frame_intercept``."""
    return fit_frame_stage(fit_question_stage(x, targets, c_question), x, y, c_frame)


def collapse(fitted: dict) -> tuple[np.ndarray, float]:
    """``(coef, intercept)`` of the single linear model on standardised features equal to the
    two stages: ``sum_q w_q (a_q . z + b_q) + w_0``."""
    coef = fitted["frame_coef"] @ fitted["question_coef"]
    intercept = float(fitted["frame_coef"] @ fitted["question_intercept"]
                      + fitted["frame_intercept"])
    return coef, intercept


def predict_two_stage(fitted: dict, x: np.ndarray) -> np.ndarray:
    """The frame probability for feature rows ``x``."""
    coef, intercept = collapse(fitted)
    linear = ((x - fitted["mean"]) / fitted["scale"]) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-linear))
