"""The two-stage question model: soft targets from coders, stages that collapse to one model."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from newsprism.framing import question_model as qm


@pytest.mark.parametrize("answers, expected", [
    ([["yes", ["yes", "yes", -1, "no"]]], [2 / 3]),
    ([["no", ["no", -1, -1, -1]]], [0.0]),
    ([["yes", [-1, -1, -1, -1]]], [1.0]),          # nobody coded: the aggregate decides
    ([["NO AGREEMENT", ["yes", "no"]]], [0.5]),
])
def test_soft_targets_are_the_share_of_coders_saying_yes(answers, expected):
    assert np.allclose(qm.soft_targets(answers), expected)


def _toy(seed=0, n=120):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4)) * [1, 2, 0.5, 1] + [0, 1, 0, 3]
    targets = np.column_stack([1 / (1 + np.exp(-2 * x[:, 0])), 1 / (1 + np.exp(x[:, 1] - 1)),
                               np.full(n, 1.0)])           # the last question is constant
    y = (x[:, 0] - x[:, 1] + rng.normal(size=n)) > 0
    return x, y, targets


def test_two_stages_collapse_to_one_linear_model():
    x, y, targets = _toy()
    fitted = qm.fit_two_stage(x, y, targets, 1.0, 1.0)
    z = (x - fitted["mean"]) / fitted["scale"]
    stage_one = z @ fitted["question_coef"].T + fitted["question_intercept"]
    stage_two = stage_one @ fitted["frame_coef"] + fitted["frame_intercept"]
    assert np.allclose(qm.predict_two_stage(fitted, x), 1 / (1 + np.exp(-stage_two)))
    assert not fitted["question_coef"][2].any()            # constant question: no weights


def test_two_stage_model_learns_the_frame_through_its_questions():
    x, y, targets = _toy()
    probability = qm.predict_two_stage(qm.fit_two_stage(x, y, targets, 1.0, 1.0), x)
    assert ((probability >= 0.5) == y).mean() > 0.75
    coef, _ = qm.collapse(qm.fit_two_stage(x, y, targets, 1.0, 1.0))
    assert coef[0] > 0 > coef[1]


def test_question_targets_align_with_article_ids(tmp_path):
    data = {"7": {"_ID": "x", "co1": ["yes", ["yes", "no"]], "ec1": ["no", ["no", "no"]]},
            "3": {"_ID": "y", "co1": ["no", ["no", "no"]], "ec1": ["yes", ["yes", -1]]}}
    (tmp_path / qm.ANNOTATIONS).write_text(json.dumps(data), encoding="utf-8")
    table = qm.load_question_targets(tmp_path, ["3", "7"])
    assert table.to_dict("list") == {"co1": [0.0, 0.5], "ec1": [1.0, 0.0]}
    assert qm.frame_questions(table, "economic") == ["ec1"]
    answers = qm.load_question_answers(tmp_path, ["3", "7"])
    assert answers.to_dict("list") == {"co1": [False, True], "ec1": [True, False]}
    with pytest.raises(FileNotFoundError, match="annotations missing"):
        qm.load_question_targets(tmp_path / "nowhere", ["3"])


def test_shipped_weights_are_the_collapsed_question_models():
    from newsprism.framing.presence import load_model

    for frame, weights in load_model()["frames"].items():
        block = weights["question_models"]
        assert set(block["questions"]) == {"all", "defining"}
        assert block["questions"]["defining"] == weights["defining_rule"]["questions"]
        for questions in block["questions"].values():
            assert questions and all(q.startswith(qm.PREFIXES[frame]) for q in questions)
        collapsed = [qm.collapse({"frame_coef": np.array(m["frame_coef"]),
                                  "question_coef": np.array(m["question_coef"]),
                                  "question_intercept": np.array(m["question_intercept"]),
                                  "frame_intercept": m["frame_intercept"]})
                     for m in block["members"]]
        collapsed += [(np.array(m["coef"]), m["intercept"]) for m in block["pooled_members"]]
        assert {m["question_set"] for m in block["members"]} == {"all", "defining"}
        assert len(block["pooled_members"]) > 1
        # The members (fitted on all articles, for reading) average to the full fit, and the
        # shipped model (their fits on the inner training parts, averaged) points the same way.
        full = np.mean([c[0] for c in collapsed], axis=0)
        assert np.allclose(full, block["full_fit_coef"], atol=1e-5)
        assert np.isclose(np.mean([c[1] for c in collapsed]), block["full_fit_intercept"],
                          atol=1e-5)
        shipped = np.asarray(weights["coef"])
        assert full @ shipped / np.linalg.norm(full) / np.linalg.norm(shipped) > 0.9
        assert block["bagged_fits"] > len(collapsed)


def _answers(prefix: str, rows: list[str]) -> pd.DataFrame:
    """Aggregated answers from strings of 0/1, one string per article (a column per char)."""
    return pd.DataFrame([[c == "1" for c in r] for r in rows],
                        columns=[f"{prefix}{i + 1}" for i in range(len(rows[0]))])


@pytest.mark.parametrize("frame, rows, labels, expected", [
    # at least two of the first three (conflict, economic, human interest in NFC)
    ("conflict", ["1100", "1010", "0110", "1000", "0100", "0010", "0001"], "1110000",
     (["co1", "co2", "co3"], 2)),
    # either of two (morality)
    ("morality", ["100", "010", "001", "000", "110"], "11001", (["mo1", "mo2"], 1)),
    # both of two, a question answered yes everywhere left out (resolution: RE2 and RE6)
    ("responsibility", ["1100000", "1010000", "1000001", "1100001", "1000000"], "00010",
     (["re2", "re7"], 2)),
])
def test_defining_rule_reproduces_the_labels(frame, rows, labels, expected):
    answers = _answers(qm.PREFIXES[frame], rows)
    y = np.array([c == "1" for c in labels])
    questions, k = qm.defining_rule(answers, y, frame)
    assert (questions, k) == expected
    assert ((answers[questions].sum(axis=1) >= k).to_numpy() == y).all()


def test_defining_rule_reads_only_the_frame_s_questions():
    answers = pd.concat([_answers("mo", ["1", "0", "1"]), _answers("co", ["0", "1", "0"])],
                        axis=1)
    assert qm.defining_rule(answers, np.array([False, True, False]), "morality") == (["mo1"], 1)


def test_question_stage_fitted_once_gives_the_two_stage_model():
    x, y, targets = _toy()
    stage = qm.fit_question_stage(x, targets, 1.0)
    split = qm.fit_frame_stage(stage, x, y, 0.3)
    whole = qm.fit_two_stage(x, y, targets, 1.0, 0.3)
    assert np.allclose(qm.predict_two_stage(split, x), qm.predict_two_stage(whole, x))


@pytest.mark.parametrize("c, soft, balanced", [(0.03, True, False), (1.0, True, False),
                                               (0.1, False, True), (1.0, False, False)])
def test_newton_fit_matches_scikit_learn(c, soft, balanced):
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(1)
    z = rng.normal(size=(150, 4))
    p = 1 / (1 + np.exp(-(z[:, 0] - 2 * z[:, 1] + 0.5)))
    if soft:
        target = np.round(p * 3) / 3
        reference = LogisticRegression(C=c, tol=1e-10, max_iter=10000).fit(
            np.vstack([z, z]), np.r_[np.ones(150), np.zeros(150)],
            sample_weight=np.r_[target, 1 - target])
        weight = np.ones(150)
    else:
        y = rng.random(150) < p * 0.4
        target = y.astype(float)
        reference = LogisticRegression(C=c, tol=1e-10, max_iter=10000,
                                       class_weight="balanced" if balanced else None).fit(z, y)
        weight = (np.where(y, 150 / (2 * y.sum()), 150 / (2 * (~y).sum())) if balanced
                  else np.ones(150))
    coef, intercept = qm.logistic_fit(z, target, weight, c)
    assert np.allclose(coef, reference.coef_[0], atol=1e-4)
    assert np.isclose(intercept, reference.intercept_[0], atol=1e-4)
