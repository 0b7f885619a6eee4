"""Article-level frame presence from a question codebook, with weights fitted on coded articles.

A frame is *present in an article* when a small linear model, fed the density and position of
the hits of each of the frame's coding questions (Semetko & Valkenburg's items, as grouped in
``data/codebooks/frames_generic_questions.yml``), gives a probability at or above the frame's
threshold. The model averages linear models learnt through the NFC coders' answers to each
question (two stages that collapse to one linear model, :mod:`newsprism.framing.question_model`)
and a five-weight model on the frame's pooled features (:mod:`newsprism.framing.pooled_model`),
so it is one linear model again. Weights and thresholds ship in ``newsprism/data/frame_presence_generic.json``,
written by ``python -m newsprism.framing.fit`` (fitted on the Narrative Frames Corpus, its
figures cross-validated by article; see :mod:`newsprism.framing.fit`).

Features per question (``Q``) of a frame: ``Q:hits`` = log(1 + non-negated hits) and
``Q:share`` = the share of the article's sentences with a hit of the question (its density);
per frame ``sentence_share`` = share of the article's sentences with a hit of any of its
questions (the cue density), ``cluster`` = log(1 + the most hits in ``CLUSTER_SENTENCES``
consecutive sentences: a vignette rather than passing mentions), ``questions_hit`` = how
many of its questions have a hit and ``lead_share`` = its hits in the opening (the first
``LEAD_SENTENCES`` sentences, or the first ``LEAD_FRACTION`` of the sentences when that is
more: headline and lead, where a frame is set up rather than mentioned in passing) over its
hits plus one; per article ``log_words`` (so counts are read against length). Position is
read once per frame, not per question: per question, one or two hits made it an
all-or-nothing feature that a few dozen coded positives could not weigh.

Every decision is traceable: each row names the sentences whose cues fed the score and the
questions that pushed it most (see :func:`frame_presence`).

>>> table = frame_presence(["Critics accused the minister of lying. Both sides dispute it."])
>>> table.loc[table["frame"] == "conflict", ["text_index", "frame"]].values.tolist()
[[0, 'conflict']]
"""

from __future__ import annotations

import json
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from newsprism.core import paths
from newsprism.framing.codebook import Codebook, CodebookError, load_codebook

MODEL_PATH = paths.PACKAGE_DATA / "frame_presence_generic.json"
DEFAULT_CODEBOOK = "generic_questions"
LEAD_SENTENCES = 3
LEAD_FRACTION = 0.2
CLUSTER_SENTENCES = 3
QUESTION_FEATURES = ("hits", "share")
PRESENCE_COLUMNS = ["text_index", "frame", "present", "score", "threshold", "n_hits",
                    "sentence_ids", "questions", "cues"]
QUESTION_HIT_COLUMNS = ["text_index", "frame", "question", "cue", "start", "end", "negated",
                        "match", "sentence_id"]


# --------------------------------------------------------------------------- hits
@lru_cache(maxsize=8)
def _compile_questions(book: Codebook):
    """One matching unit per frame x question (key ``frame\\x00question``)."""
    from newsprism.framing.detect import compile_units as _compile
    from newsprism.framing.detect import cue_unit as _unit

    units = [_unit(f"{frame.id}\x00{q.id}", q.cues, frame.exclusions)
             for frame in book.frames for q in frame.questions]
    if not units:
        raise CodebookError(f"codebook {book.name!r} has no frame with 'questions'")
    return _compile(units, book)


def question_hits(texts: list[str], codebook: Codebook | str | Path = DEFAULT_CODEBOOK
                  ) -> pd.DataFrame:
    """One row per question-cue hit: ``text_index, frame, question, cue, start, end, negated,
    match, sentence_id`` (``sentence_id`` indexes ``newsprism.text.split_sentences``).

    >>> question_hits(["They do not blame us."])[["question", "match", "negated"]].values.tolist()
    [['reproach', 'blame', True]]
    """
    from newsprism.core.text import split_sentences
    from newsprism.framing.detect import is_negated as _negated
    from newsprism.framing.detect import scan_cues as _scan

    book = load_codebook(codebook)
    compiled = _compile_questions(book)
    negators = frozenset(book.negation.negators)
    exceptions = frozenset(book.negation.exceptions)
    rows = []
    for text_index, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            continue
        hits = _scan(text, compiled)
        if not hits:
            continue
        starts = np.asarray([s for s, _ in split_sentences(text)] or [0], dtype=np.int64)
        for position, cue_position, start, end in hits:
            unit = compiled.units[position]
            frame, question = unit.key.split("\x00")
            sentence = int(max(np.searchsorted(starts, start, side="right") - 1, 0))
            rows.append((text_index, frame, question, unit.cues[cue_position].pattern, start,
                         end, _negated(text, start, book.negation.window, negators, exceptions),
                         text[start:end], sentence))
    table = pd.DataFrame(rows, columns=QUESTION_HIT_COLUMNS)
    return table.sort_values(["text_index", "start", "frame", "question"], kind="stable",
                             ignore_index=True)


# --------------------------------------------------------------------------- features
def _cluster(hits: pd.DataFrame, n_sentences: np.ndarray) -> pd.Series:
    """Per text, log(1 + the most hits in any run of ``CLUSTER_SENTENCES`` consecutive
    sentences): a vignette concentrates a frame's cues where a passing mention scatters them."""
    out = {}
    for text_index, part in hits.groupby("text_index"):
        per_sentence = np.bincount(part["sentence_id"].to_numpy(dtype=int),
                                   minlength=int(n_sentences[text_index]))
        window = np.convolve(per_sentence, np.ones(CLUSTER_SENTENCES), mode="valid") \
            if len(per_sentence) >= CLUSTER_SENTENCES else per_sentence.sum(keepdims=True)
        out[text_index] = np.log1p(window.max())
    return pd.Series(out, dtype=float)


def _questions_hit(hits: pd.DataFrame, n_sentences: np.ndarray) -> pd.Series:
    """Per text, the number of the frame's questions with at least one hit (Semetko &
    Valkenburg read a frame from several of its items answered yes)."""
    return hits.groupby("text_index")["question"].nunique().astype(float)


def _sentence_share(hits: pd.DataFrame, n_sentences: np.ndarray) -> pd.Series:
    """Per text, the share of its sentences with a hit of any of the frame's questions."""
    hit = hits.groupby("text_index")["sentence_id"].nunique()
    return hit / n_sentences[hit.index.to_numpy(dtype=int)]


def _lead_share(hits: pd.DataFrame, n_sentences: np.ndarray) -> pd.Series:
    """Per text, the frame's hits in the opening (see :data:`LEAD_SENTENCES`) over its hits
    plus one: headline and lead set a frame up; the added one keeps a single hit from reading
    as all-or-nothing."""
    opening = np.maximum(LEAD_SENTENCES, LEAD_FRACTION * n_sentences)
    index = hits["text_index"].to_numpy(dtype=int)
    in_lead = pd.Series(hits["sentence_id"].to_numpy() < opening[index], index=hits.index)
    grouped = in_lead.groupby(hits["text_index"])
    return grouped.sum().astype(float) / (grouped.size() + 1.0)


# Per-frame features (name -> function of the frame's non-negated hits), in feature order.
FRAME_FEATURES = {"sentence_share": _sentence_share, "cluster": _cluster,
                  "questions_hit": _questions_hit, "lead_share": _lead_share}


def feature_names(book: Codebook, frame_id: str) -> list[str]:
    """The model's feature names for one frame, in order: only its own questions' features, so
    a frame is read from its questions and never from another frame's (or a topic's) words."""
    frame = book.frame(frame_id)
    names = [f"{frame.id}.{q.id}:{f}" for q in frame.questions for f in QUESTION_FEATURES]
    return [*names, *(f"{frame.id}:{f}" for f in FRAME_FEATURES), "log_words"]


def presence_features(texts: list[str], codebook: Codebook | str | Path = DEFAULT_CODEBOOK,
                      hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per text, one column per feature of every frame (see :func:`feature_names`).

    ``hits`` (from :func:`question_hits`) may be passed to avoid scanning twice.

    Columns: ``<frame>.<question>:<feature>`` and ``<frame>:<feature>`` counts and shares of
    cue hits, and ``log_words`` (the model's inputs; see :func:`feature_names`).

    >>> features = presence_features(["Sanctions hurt the economy."])
    >>> len(features), "log_words" in features.columns
    (1, True)
    """
    from newsprism.core.text import count_words, split_sentences

    book = load_codebook(codebook)
    hits = question_hits(texts, book) if hits is None else hits
    kept = hits[~hits["negated"].astype(bool)]
    n = len(texts)
    words = np.array([max(count_words(t), 1) if isinstance(t, str) else 1 for t in texts],
                     dtype=float)
    n_sentences = np.array([max(len(split_sentences(t)), 1) if isinstance(t, str) and t else 1
                            for t in texts], dtype=float)
    keys = ["frame", "question", "text_index"]
    counts = kept.groupby(keys).size()
    sentences_hit = kept.groupby(keys)["sentence_id"].nunique()
    columns = {}
    for frame in book.frames:
        for q in frame.questions:
            count = _dense(counts, (frame.id, q.id), n)
            columns[f"{frame.id}.{q.id}:hits"] = np.log1p(count)
            columns[f"{frame.id}.{q.id}:share"] = _dense(sentences_hit, (frame.id, q.id),
                                                         n) / n_sentences
        own = kept[kept["frame"] == frame.id]
        for name, feature in FRAME_FEATURES.items():
            columns[f"{frame.id}:{name}"] = _dense(feature(own, n_sentences), (), n)
    columns["log_words"] = np.log(words)
    return pd.DataFrame(columns)


def _dense(series: pd.Series, key: tuple, n: int) -> np.ndarray:
    """Counts of ``series`` under ``key`` as an array indexed by text (0 where absent)."""
    out = np.zeros(n, dtype=float)
    try:
        part = series.loc[key] if key else series
    except KeyError:
        return out
    out[np.asarray(part.index, dtype=int)] = part.to_numpy(dtype=float)
    return out


# --------------------------------------------------------------------------- model
def load_model(path: str | Path = MODEL_PATH) -> dict:
    """The fitted presence model (a dict read from JSON; see :mod:`newsprism.framing.fit`)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no fitted frame-presence model at {path}: run "
                                f"`python -m newsprism.framing.fit`")
    return json.loads(path.read_text(encoding="utf-8"))


def frame_scores(features: pd.DataFrame, weights: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(probability, contributions)`` of one frame's logistic model: contributions are the
    per-feature terms of the linear score (standardised feature x coefficient)."""
    x = features[weights["features"]].to_numpy(dtype=float)
    z = (x - np.asarray(weights["mean"])) / np.asarray(weights["scale"])
    contributions = z * np.asarray(weights["coef"])
    linear = contributions.sum(axis=1) + weights["intercept"]
    return 1.0 / (1.0 + np.exp(-linear)), contributions


def frame_presence(texts: list[str], codebook: Codebook | str | Path = DEFAULT_CODEBOOK,
                   model: dict | str | Path | None = None) -> pd.DataFrame:
    """Is each frame present in each text? One row per text x frame (frames in codebook order).

    Columns: ``text_index``; ``frame``; ``present`` (bool: ``score >= threshold``); ``score``
    (the model's probability, in [0, 1]); ``threshold`` (chosen by cross-validation on the
    coded articles); ``n_hits`` (non-negated cue hits of the frame's questions);
    ``sentence_ids`` (the sentences, as ``newsprism.text.split_sentences`` indexes them, whose
    cues fed the score, ``;``-separated); ``questions`` (the questions that raised the score
    most, with their contribution to the log-odds); ``cues`` (the matched words).

    ``codebook`` must be the one the model was fitted with (default ``generic_questions``); an
    edited copy of it warns, a codebook without fitted weights raises ``CodebookError``.
    Caveats: fitted on US/UK climate-change coverage (Narrative Frames Corpus); on another
    story the cues transfer, the calibration may not; read the evidence sentences.

    >>> t = frame_presence(["A family lost everything; the mother wept."])
    >>> t.loc[t["frame"] == "human_interest", "n_hits"].item() >= 2
    True
    """
    from newsprism.core.provenance import sha256_file

    book = load_codebook(codebook)
    model = model if isinstance(model, dict) else load_model(model or MODEL_PATH)
    if model["codebook"] != book.name:
        raise CodebookError(f"no fitted frame-presence weights for codebook {book.name!r} "
                            f"(the shipped model is for {model['codebook']!r})")
    if book.source and Path(book.source).exists() and \
            sha256_file(book.source) != model.get("codebook_sha256"):
        warnings.warn(f"codebook {book.source_label} differs from the one the presence model "
                      "was fitted with: refit with `python -m newsprism.framing.fit`",
                      stacklevel=2)
    texts = list(texts)
    hits = question_hits(texts, book)
    features = presence_features(texts, book, hits)
    kept = hits[~hits["negated"].astype(bool)]
    parts = []
    for frame in book.frames:
        weights = model["frames"][frame.id]
        score, contributions = frame_scores(features, weights)
        parts.append(_frame_rows(frame.id, score, contributions, weights,
                                 kept[kept["frame"] == frame.id], len(texts)))
    return pd.concat(parts, ignore_index=True).sort_values(
        ["text_index"], kind="stable", ignore_index=True)[PRESENCE_COLUMNS]


def _frame_rows(frame_id: str, score: np.ndarray, contributions: np.ndarray, weights: dict,
                hits: pd.DataFrame, n: int) -> pd.DataFrame:
    """The rows of one frame: decision, score and the evidence behind it."""
    by_text = {i: part for i, part in hits.groupby("text_index")}
    questions = _top_questions(contributions, weights["features"])
    empty = hits.iloc[0:0]
    rows = []
    for i in range(n):
        part = by_text.get(i, empty)
        rows.append({
            "text_index": i, "frame": frame_id,
            "present": bool(score[i] >= weights["threshold"]), "score": float(score[i]),
            "threshold": float(weights["threshold"]), "n_hits": int(len(part)),
            "sentence_ids": ";".join(str(s) for s in sorted(set(part["sentence_id"]))),
            "questions": questions[i],
            "cues": "; ".join(f"{q}: {m}" for q, m in zip(part["question"], part["match"],
                                                         strict=True))})
    return pd.DataFrame(rows)


def _top_questions(contributions: np.ndarray, names: list[str], top: int = 3) -> list[str]:
    """Per text, the questions whose features raised the log-odds most above the average coded
    article (``conflict.reproach +0.83``)."""
    questions = [n.split(":")[0] for n in names]
    unique = list(dict.fromkeys(q for q in questions if "." in q))
    summed = np.stack([contributions[:, [j for j, q in enumerate(questions) if q == u]]
                       .sum(axis=1) for u in unique], axis=1)
    out = []
    for row in summed:
        order = np.argsort(-row)[:top]
        out.append("; ".join(f"{unique[j]} {row[j]:+.2f}" for j in order if row[j] > 0))
    return out
