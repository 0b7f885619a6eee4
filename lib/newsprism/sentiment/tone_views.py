"""The two further views of a target that the tone model averages with its logistic regression.

- ``char``: character n-grams (2-5, within words, tf-idf, sublinear) of the masked words
  ``CHAR_WIDTH`` tokens either side of the target, and a logistic regression on them. It sees
  spellings the word features split or drop ("anti-", "-gate", rare inflections).
- ``gbm``: gradient-boosted trees (LightGBM) on the dense block: the VADER sums by place and the
  learnt-lexicon block (:mod:`newsprism.sentiment.tone_lexicon`). Trees learn interactions the
  linear model cannot (strong sentence tone with no evidence next to the target).

Both are fitted by :mod:`newsprism.sentiment.tone_fit` on NewsMTSC train with fixed seeds and
ship inside the model's data file as plain arrays and LightGBM's text format (no pickles).
:func:`blend` is the weighted average of the views' probabilities, with weights chosen by
grouped cross-validation on train (``tone_fit.WEIGHT_GRID``).

>>> window_text("Critics slammed Smith over the plan on Tuesday.", (16, 21), 2)
'critics slammed <t> over the'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.sentiment.tone_features import TARGET, mask, tokens

VIEWS = ("linear", "char", "gbm")
CHAR_WIDTH = 6
CHAR_C = 1.0
CHAR_MIN_DF = 3
# Small trees, slow learning rate, row and column subsampling: a view that adds diversity, not
# a tuned model in its own right (cross-validated on train, see tone_fit).
GBM_PARAMS = {"n_estimators": 300, "learning_rate": 0.03, "num_leaves": 15,
              "min_child_samples": 20, "subsample": 0.8, "subsample_freq": 1,
              "colsample_bytree": 0.8, "reg_lambda": 1.0}


def window_text(text: str, span: tuple[int, int], width: int = CHAR_WIDTH) -> str:
    """The masked tokens ``width`` either side of the target (the target as ``<t>``)."""
    toks = tokens(mask(text, [span]))
    at = [i for i, t in enumerate(toks) if t == TARGET] or [0]
    return " ".join(toks[max(0, at[0] - width):at[-1] + width + 1])


def windows(texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[str]:
    """:func:`window_text` of each (text, span)."""
    return [window_text(t, s) for t, s in zip(texts, spans, strict=True)]


def char_vectorizer(vocabulary: dict[str, int] | None = None, idf: np.ndarray | None = None):
    """The char n-gram tf-idf vectorizer: unfitted, or rebuilt from a saved vocabulary and idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=CHAR_MIN_DF,
                                 sublinear_tf=True, dtype=np.float64, vocabulary=vocabulary)
    if idf is not None:
        vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
    return vectorizer


def fit_char(docs: Sequence[str], labels: np.ndarray, seed: int = 0) -> dict:
    """Char view fitted on ``docs``: vocabulary, idf, coef (3 x vocabulary), intercept."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vectorizer = char_vectorizer()
    matrix = vectorizer.fit_transform(docs)
    model = LogisticRegression(C=CHAR_C, max_iter=3000, random_state=seed)
    with threadpool_limits(1):
        model.fit(matrix, labels)
    return {"vocabulary": vectorizer.vocabulary_, "idf": vectorizer.idf_,
            "coef": model.coef_, "intercept": model.intercept_}


def char_probabilities(view: dict, docs: Sequence[str]) -> np.ndarray:
    """Class probabilities of the char view for each window text."""
    if not len(docs):
        return np.zeros((0, 3))
    matrix = char_vectorizer(view["vocabulary"], view["idf"]).transform(docs)
    return softmax(matrix @ view["coef"].T + view["intercept"])


def fit_gbm(dense: np.ndarray, labels: np.ndarray, seed: int = 0) -> str:
    """The gbm view fitted on the dense block, as LightGBM's model text (one core, fixed seed)."""
    import lightgbm

    model = lightgbm.LGBMClassifier(**GBM_PARAMS, n_jobs=1, random_state=seed,
                                    deterministic=True, force_row_wise=True, verbose=-1)
    model.fit(dense, labels)
    return model.booster_.model_to_string()


def gbm_booster(text: str):
    """A LightGBM booster from its model text."""
    import lightgbm

    return lightgbm.Booster(model_str=text)


def gbm_probabilities(booster, dense: np.ndarray) -> np.ndarray:
    """Class probabilities of the gbm view for each row of the dense block."""
    if not len(dense):
        return np.zeros((0, 3))
    return np.asarray(booster.predict(dense, num_threads=1)).reshape(len(dense), 3)


def blend(probabilities: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    """Weighted average of the views' probabilities (weights normalised to sum to one).

    >>> p = {"linear": np.array([[0.6, 0.3, 0.1]]), "char": np.array([[0.2, 0.6, 0.2]])}
    >>> blend(p, {"linear": 0.5, "char": 0.5, "gbm": 0.0}).round(2).tolist()
    [[0.4, 0.45, 0.15]]
    """
    total = sum(weights[v] for v in probabilities)
    return sum(weights[v] * p for v, p in probabilities.items()) / total


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)
