"""Distributional word vectors learnt from unlabelled news text, for the tone model's vector view.

Words seen rarely in NewsMTSC train carry almost no weight in the word features of the linear
model. Vectors learnt from more news text place such a word near words that do carry weight.
They are fitted without any label:

1. co-occurrence counts of every pair of vocabulary words at most ``WINDOW`` tokens apart
   within one paragraph, each pair weighted ``1 / distance``;
2. positive pointwise mutual information with the context distribution smoothed (``ALPHA``,
   Levy, Goldberg & Dagan 2015);
3. truncated SVD (randomized, fixed seed) to ``DIMS`` dimensions, ``U * sqrt(S)``, each row
   scaled to unit length.

The vocabulary is every word (a token with a letter) seen at least ``MIN_COUNT`` times, plus
every word of VADER's lexicon seen at all, so the evaluative words are in it however rare.
The text is PolNeAR train's articles and NewsMTSC train's sentences
(:func:`unlabelled_documents`), never a dev or test split.

>>> docs = [["good", "news", "today"], ["bad", "news", "today"]] * 3
>>> vectors = fit(docs, dims=2, min_count=1)
>>> sorted(vectors["words"]), vectors["matrix"].shape
(['bad', 'good', 'news', 'today'], (4, 2))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from newsprism.core import paths
from newsprism.sentiment.tone_features import tokens, vader_valences

WINDOW = 10
ALPHA = 0.75
DIMS = 100
MIN_COUNT = 5
SEED = 0


def is_word(token: str) -> bool:
    """A token with a letter (punctuation and the target token ``<t>`` are not words)."""
    return token != "<t>" and any(ch.isalpha() for ch in token)


def unlabelled_documents(train_texts: Iterable[str],
                         polnear: Path | None = None) -> list[list[str]]:
    """Word token lists: one per paragraph of PolNeAR train's articles (sorted by file name),
    then one per distinct NewsMTSC train sentence (``train_texts``, in first-seen order)."""
    root = Path(polnear or paths.POLNEAR) / "train" / "text"
    files = sorted(root.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"PolNeAR train texts not found at {root}")
    docs = []
    for file in files:
        for paragraph in file.read_text(encoding="utf-8").split("\n"):
            docs.append([t for t in tokens(paragraph) if is_word(t)])
    for text in dict.fromkeys(train_texts):
        docs.append([t for t in tokens(text) if is_word(t)])
    return [d for d in docs if d]


def vocabulary(docs: Sequence[Sequence[str]], min_count: int = MIN_COUNT) -> list[str]:
    """Words seen ``min_count`` times or more, and VADER's words seen at all (sorted)."""
    counts = Counter(t for doc in docs for t in doc)
    lexicon = vader_valences()
    return sorted(w for w, c in counts.items() if c >= min_count or w in lexicon)


def cooccurrence(docs: Sequence[Sequence[str]], words: Sequence[str],
                 window: int = WINDOW) -> sparse.csr_matrix:
    """Symmetric word x word counts of pairs at most ``window`` apart, weighted 1/distance."""
    index = {w: i for i, w in enumerate(words)}
    gap = np.full(window, -1)
    ids = np.concatenate([np.concatenate([[index.get(t, -1) for t in doc], gap])
                          for doc in docs]) if docs else np.zeros(0, dtype=int)
    rows, cols, vals = [], [], []
    for distance in range(1, window + 1):
        left, right = ids[:-distance], ids[distance:]
        keep = (left >= 0) & (right >= 0)
        rows.append(left[keep])
        cols.append(right[keep])
        vals.append(np.full(int(keep.sum()), 1.0 / distance))
    rows, cols, vals = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    size = len(words)
    counts = sparse.coo_matrix((vals, (rows, cols)), shape=(size, size)).tocsr()
    return (counts + counts.T).tocsr()


def ppmi(counts: sparse.csr_matrix, alpha: float = ALPHA) -> sparse.csr_matrix:
    """Positive PMI of a co-occurrence matrix, context counts raised to ``alpha``."""
    counts = counts.tocoo()
    word = np.asarray(counts.sum(axis=1)).ravel()
    context = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    pmi = np.log(counts.data * context.sum() / (word[counts.row] * context[counts.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])),
                             shape=counts.shape)


def embed(matrix: sparse.csr_matrix, dims: int = DIMS, seed: int = SEED) -> np.ndarray:
    """``U * sqrt(S)`` of a truncated SVD (randomized, fixed seed), rows of unit length."""
    from sklearn.decomposition import TruncatedSVD
    from threadpoolctl import threadpool_limits

    dims = min(dims, min(matrix.shape) - 1)
    svd = TruncatedSVD(n_components=dims, algorithm="randomized", n_iter=7, random_state=seed)
    with threadpool_limits(1):  # one thread: the same sums in the same order on every machine
        scores = svd.fit_transform(matrix)  # U * S
    vectors = scores / np.sqrt(np.maximum(svd.singular_values_, 1e-12))
    vectors *= np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(dims)])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def fit(docs: Sequence[Sequence[str]], dims: int = DIMS, min_count: int = MIN_COUNT,
        window: int = WINDOW, alpha: float = ALPHA, seed: int = SEED) -> dict:
    """``{"words": list, "matrix": float16 array (words x dims)}`` learnt from ``docs``."""
    words = vocabulary(docs, min_count)
    matrix = embed(ppmi(cooccurrence(docs, words, window), alpha), dims, seed)
    return {"words": words, "matrix": matrix.astype(np.float16)}
