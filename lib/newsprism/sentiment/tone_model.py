"""The fitted tone-toward-target model: multinomial logistic regression on masked-target features,
averaged with a logistic regression on character n-grams of the words around the target
(:mod:`newsprism.sentiment.tone_views`) and one on the target's context in word-vector space
(:mod:`newsprism.sentiment.tone_context`), with the view weights chosen by grouped CV on train.

Weights live in ``newsprism/data/tone_model.npz`` (plain arrays, no pickled objects), written by
``python -m newsprism.sentiment.tone_fit`` from NewsMTSC train (Hamborg & Donnay 2021). Features come from
:mod:`newsprism.sentiment.tone_features`; the target's own words are masked, so names carry no tone.
The data file also holds the polarity lexicon learnt from train
(:mod:`newsprism.sentiment.tone_lexicon`), whose features join the dense block.

``predict`` returns, per target, the three class probabilities (negative, neutral, positive) and
``evidence``: how many words outside the target either VADER's lexicon scores or the model
counts as evaluative cues (``cue_words`` in the data file, see ``_cue_words``). ``evidence == 0``
is the no-evidence flag.

>>> probs, evidence = predict(["Critics slammed Smith's disastrous plan."], [(16, 21)])
>>> probs.shape, bool(probs[0].argmax() == 0), int(evidence[0]) > 0
((1, 3), True, True)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from newsprism.core.paths import PACKAGE_DATA
from newsprism.sentiment import tone_context, tone_lexicon, tone_views
from newsprism.sentiment.tone_features import TARGET, extract_all, mask, tokens

MODEL_PATH = PACKAGE_DATA / "tone_model.npz"
CLASSES = ("negative", "neutral", "positive")
CUE_MARGIN = 1.0
# Feature groups next to the target (words 1-3 tokens away, n-grams with the target) weigh
# ``local_weight`` times a sentence word: less shrunk by the penalty, so two targets of one
# sentence can differ (chosen by cross-validation on train, see tone_fit.GRID).
LOCAL_GROUPS = ("L1", "R1", "n")


def build_vocabulary(feature_lists: Sequence[list[str]], min_df: int) -> dict[str, int]:
    """Feature name -> column, for names present in at least ``min_df`` targets (sorted)."""
    df: dict[str, int] = {}
    for names in feature_lists:
        for name in set(names):
            df[name] = df.get(name, 0) + 1
    return {name: i for i, name in enumerate(sorted(n for n, c in df.items() if c >= min_df))}


def column_weights(vocabulary: dict[str, int], local_weight: float) -> np.ndarray:
    """Per vocabulary column: ``local_weight`` for the ``LOCAL_GROUPS``, else 1."""
    weights = np.ones(len(vocabulary))
    for name, column in vocabulary.items():
        if name.split(":", 1)[0] in LOCAL_GROUPS:
            weights[column] = local_weight
    return weights


def to_matrix(feature_lists: Sequence[list[str]], dense: np.ndarray,
              vocabulary: dict[str, int], dense_weight: float,
              local_weight: float = 1.0) -> sparse.csr_matrix:
    """Binary sparse features (unknown names dropped, each row scaled by the square root of its
    feature count so long sentences do not dominate; ``LOCAL_GROUPS`` times ``local_weight``)
    followed by the weighted dense columns."""
    rows, cols = [], []
    for r, names in enumerate(feature_lists):
        found = {vocabulary[n] for n in names if n in vocabulary}
        rows.extend([r] * len(found))
        cols.extend(found)
    width = len(vocabulary)
    binary = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                               shape=(len(feature_lists), width))
    lengths = np.sqrt(np.asarray(binary.sum(axis=1)).ravel())
    binary = sparse.diags(1.0 / np.maximum(lengths, 1.0)) @ binary
    if local_weight != 1.0:
        binary = binary @ sparse.diags(column_weights(vocabulary, local_weight))
    return sparse.hstack([binary, sparse.csr_matrix(dense * dense_weight)], format="csr")


def featurize(texts: Sequence[str], spans: Sequence[tuple[int, int]],
              further: Sequence[Sequence[tuple[int, int]]] | None = None
              ) -> tuple[list[list[str]], np.ndarray, list[list[tuple[str, int]]]]:
    """Feature names, the dense block and the lexicon keys for each (text, span)."""
    further = further or [()] * len(texts)
    found = [extract_all(t, s, f) for t, s, f in zip(texts, spans, further, strict=True)]
    names = [f[0] for f in found]
    dense = np.vstack([f[1] for f in found]) if found else np.zeros((0, 0))
    return names, dense, [f[2] for f in found]


def nb_scale(binary: sparse.csr_matrix, labels: np.ndarray, beta: float) -> np.ndarray:
    """Per sparse column, ``beta + (1 - beta) * r``: ``r`` the column's largest absolute
    log-count ratio of one class against the others (presence counts, add-one; Wang & Manning
    2012's NB scaling, for three classes), divided by its mean. ``beta = 1`` scales nothing.

    >>> x = sparse.csr_matrix(np.array([[1, 1], [1, 0], [0, 1]]))
    >>> bool(nb_scale(x, np.array([0, 0, 1]), 0.0)[1] > 0), nb_scale(x, np.array([0, 0, 1]), 1.0)
    (True, array([1., 1.]))
    """
    present = (binary > 0).astype(float)
    ratios = []
    for label in range(len(CLASSES)):
        inside = np.asarray(present[labels == label].sum(axis=0)).ravel() + 1.0
        outside = np.asarray(present[labels != label].sum(axis=0)).ravel() + 1.0
        ratios.append(np.log((inside / inside.sum()) / (outside / outside.sum())))
    ratio = np.abs(np.array(ratios)).max(axis=0)
    return beta + (1.0 - beta) * ratio / max(float(ratio.mean()), 1e-12)


def scale_columns(matrix: sparse.csr_matrix, scale: np.ndarray | None) -> sparse.csr_matrix:
    """The first ``len(scale)`` (sparse) columns times ``scale``; the dense block unchanged."""
    if scale is None:
        return matrix
    full = np.concatenate([scale, np.ones(matrix.shape[1] - len(scale))])
    return (matrix @ sparse.diags(full)).tocsr()


def save(path: Path, vocabulary: dict[str, int], coef: np.ndarray, intercept: np.ndarray,
         meta: dict, lexicon: dict[str, np.ndarray], scale: np.ndarray | None = None,
         views: dict | None = None) -> None:
    """Write the model, its learnt lexicon and the further ``views`` (``char``: the dict of
    :func:`tone_views.fit_char`; ``vec``: that of :func:`tone_context.fit_view` with the word
    vectors' ``words`` and ``matrix``) as plain arrays plus a JSON string of metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    words = sorted(vocabulary, key=vocabulary.get)
    effective = coef.copy()  # a scaled column's weight on the unscaled feature
    if scale is not None:
        effective[:, :len(words)] *= scale
    cues = _cue_words(words, effective)
    lexicon_keys, lexicon_values = tone_lexicon.to_arrays(lexicon)
    np.savez_compressed(path, vocabulary=np.array(words, dtype=str),
                        coef=coef.astype(np.float32), intercept=intercept.astype(np.float32),
                        cue_words=np.array(cues, dtype=str), lexicon_keys=lexicon_keys,
                        lexicon_values=lexicon_values.astype(np.float32),
                        column_scale=np.ones(len(words)) if scale is None else scale,
                        meta=np.array(json.dumps(meta, sort_keys=True)), **_view_arrays(views))


_VEC_ARRAYS = ("mean", "scale", "coef", "intercept")


def _view_arrays(views: dict | None) -> dict[str, np.ndarray]:
    if not views:
        return {}
    arrays = {}
    if "char" in views:
        char = views["char"]
        grams = sorted(char["vocabulary"], key=char["vocabulary"].get)
        arrays.update({"char_vocabulary": np.array(grams, dtype=str),
                       "char_idf": char["idf"].astype(np.float32),
                       "char_coef": char["coef"].astype(np.float32),
                       "char_intercept": char["intercept"].astype(np.float32)})
    if "vec" in views:  # the word vectors as float16: the data file stays small
        vec = views["vec"]
        arrays.update({"vec_words": np.array(vec["words"], dtype=str),
                       "vec_matrix": np.asarray(vec["matrix"], dtype=np.float16)})
        arrays.update({f"vec_{k}": np.asarray(vec[k], dtype=np.float32) for k in _VEC_ARRAYS})
    return arrays


def _load_views(data) -> dict:
    """The char and vector views of a data file (each absent in files from before it)."""
    views = {}
    if "char_vocabulary" in data.files:
        grams = data["char_vocabulary"].tolist()
        views["char"] = {"vocabulary": {g: i for i, g in enumerate(grams)},
                         "idf": data["char_idf"].astype(np.float64),
                         "coef": data["char_coef"].astype(np.float64),
                         "intercept": data["char_intercept"].astype(np.float64)}
    if "vec_words" in data.files:
        views["vec"] = {"words": data["vec_words"].tolist(), "matrix": data["vec_matrix"],
                        **{k: data[f"vec_{k}"].astype(np.float64) for k in _VEC_ARRAYS}}
    return views


def update_meta(path: Path, meta: dict) -> None:
    """Rewrite the metadata of a saved model, arrays unchanged."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["meta"] = np.array(json.dumps(meta, sort_keys=True))
    np.savez_compressed(path, **arrays)


def _cue_words(words: list[str], coef: np.ndarray) -> list[str]:
    """Content words (letters only, 4+ characters) whose sentence-level weight, the word's
    ``w:`` feature plus its stem's ``s:`` feature, moves negative or positive away from neutral
    by at least ``CUE_MARGIN``."""
    from newsprism.sentiment.tone_features import stem

    column = {name: i for i, name in enumerate(words)}
    zero = np.zeros(coef.shape[0])
    cues = []
    for name in words:
        word = name[2:]
        if not name.startswith("w:") or not word.isalpha() or len(word) < 4:
            continue
        i, j = column[name], column.get(f"s:{stem(word)}")
        weight = coef[:, i] + (coef[:, j] if j is not None else zero)
        if max(weight[0] - weight[1], weight[2] - weight[1]) >= CUE_MARGIN:
            cues.append(word)
    return cues


def load(path: Path = MODEL_PATH) -> dict:
    """The shipped model: vocabulary, coef (3 x features), intercept, cue words, the learnt
    lexicon, column weights of the vocabulary, metadata (``weights`` of the views) and the
    further views (``char``, ``vec``)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"tone model {path} is missing; run `python -m newsprism.sentiment.tone_fit`")
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> dict:
    """Cached per file version (a refit rewrites the file)."""
    with np.load(path, allow_pickle=False) as data:
        words = data["vocabulary"].tolist()
        return {"vocabulary": {w: i for i, w in enumerate(words)},
                "coef": data["coef"].astype(np.float64),
                "intercept": data["intercept"].astype(np.float64),
                "cue_words": frozenset(data["cue_words"].tolist()),
                "lexicon": tone_lexicon.from_arrays(data["lexicon_keys"],
                                                    data["lexicon_values"]),
                "column_scale": (data["column_scale"].astype(np.float64)
                                 if "column_scale" in data.files else None),
                "meta": json.loads(str(data["meta"])), "views": _load_views(data)}


def predict(texts: Sequence[str], spans: Sequence[tuple[int, int]],
            path: Path = MODEL_PATH) -> tuple[np.ndarray, np.ndarray]:
    """(probabilities n x 3 in ``CLASSES`` order, evidence word counts) for each target."""
    model = load(path)
    names, dense, keys = featurize(texts, spans)
    if not len(names):
        return np.zeros((0, 3)), np.zeros(0, dtype=int)
    meta = model["meta"]
    dense = np.hstack([dense, meta["lexicon_weight"] * tone_lexicon.matrix(keys, model["lexicon"])])
    matrix = scale_columns(to_matrix(names, dense, model["vocabulary"], meta["dense_weight"],
                                     meta["local_weight"]), model["column_scale"])
    probs = {"linear": tone_views.softmax(matrix @ model["coef"].T + model["intercept"])}
    weights = meta.get("weights", {"linear": 1.0})
    if weights.get("char"):
        probs["char"] = tone_views.char_probabilities(model["views"]["char"],
                                                      tone_views.windows(texts, spans))
    if weights.get("vec"):
        view = model["views"]["vec"]
        probs["vec"] = tone_context.probabilities(
            view, tone_context.context_features(view, texts, spans))
    evidence = [_evidence(t, s, model["cue_words"]) for t, s in zip(texts, spans, strict=True)]
    return tone_views.blend(probs, weights), np.array(evidence, dtype=int)


def _evidence(text: str, span: tuple[int, int], cues: frozenset[str]) -> int:
    from newsprism.sentiment.tone_features import vader_valences

    lexicon = vader_valences()
    return sum(1 for t in tokens(mask(text, [span]))
               if t != TARGET and (t in cues or lexicon.get(t, 0.0)))
