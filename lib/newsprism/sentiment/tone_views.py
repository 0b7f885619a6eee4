"""The further views of a target that the tone model averages with its logistic regression.

``char``: character n-grams (2-5, within words, tf-idf, sublinear) of the masked words
``CHAR_WIDTH`` tokens either side of the target, and a logistic regression on them. It sees
spellings the word features split or drop ("anti-", "-gate", rare inflections).

``vec``: the target's context in word-vector space (:mod:`newsprism.sentiment.tone_context`).

Each is fitted by :mod:`newsprism.sentiment.tone_fit` on NewsMTSC train with a fixed seed and
ships inside the model's data file as plain arrays (no pickles). :func:`blend` is the weighted
average of the views' probabilities, with weights chosen by grouped cross-validation on train
(``tone_fit.weight_points``).

>>> window_text("Critics slammed Smith over the plan on Tuesday.", (16, 21), 2)
'critics slammed <t> over the'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.sentiment.tone_features import TARGET, mask, tokens

VIEWS = ("linear", "char", "vec")
CHAR_WIDTH = 6
CHAR_C = 1.0
CHAR_MIN_DF = 3


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


def blend(probabilities: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    """Weighted average of the views' probabilities (weights normalised to sum to one).

    >>> p = {"linear": np.array([[0.6, 0.3, 0.1]]), "char": np.array([[0.2, 0.6, 0.2]])}
    >>> blend(p, {"linear": 0.5, "char": 0.5}).round(2).tolist()
    [[0.4, 0.45, 0.15]]
    """
    total = sum(weights[v] for v in probabilities)
    return sum(weights[v] * p for v, p in probabilities.items()) / total


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)
