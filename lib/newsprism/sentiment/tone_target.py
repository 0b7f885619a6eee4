"""Tone toward a target: the tone of each text toward a span in it (``tone_toward``), by the
fitted tone-toward-target model or by a lexicon engine reading the target's clause.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.core.lazy import pandas as pd
from newsprism.sentiment.clauses import clause_at, clause_spans
from newsprism.sentiment.engines import ENGINE_LABEL, ENGINES, headline_scores, three_class

TONE_ENGINES = ("model", *ENGINES)
TONE_ENGINE_LABEL = {
    "model": "tone-toward-target model (logistic regression on words averaged with one on "
             "character n-grams and one on word vectors learnt from unlabelled news text, "
             "fitted on NewsMTSC train, mention masked)",
    **{e: f"{label}, of the mention's clause with the mention masked"
       for e, label in ENGINE_LABEL.items()},
}
TONE_COLUMNS = ["label", "score", "p_negative", "p_neutral", "p_positive", "no_evidence",
                "engine"]
TONE_LABELS = ("negative", "neutral", "positive")


def check_tone_engine(engine: str) -> str:
    """Return ``engine`` or raise a ValueError listing the tone engines."""
    if engine not in TONE_ENGINES:
        raise ValueError(f"unknown tone engine {engine!r}; choose one of "
                         f"{', '.join(TONE_ENGINES)}")
    return engine


def _check_spans(texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(texts) != len(spans):
        raise ValueError(f"tone_toward: {len(texts)} texts but {len(spans)} spans")
    checked = []
    for i, (text, span) in enumerate(zip(texts, spans, strict=True)):
        start, end = int(span[0]), int(span[1])
        if not 0 <= start < end <= len(text):
            raise ValueError(f"tone_toward: span {span!r} of input {i} is not inside its text "
                             f"({len(text)} characters)")
        checked.append((start, end))
    return checked


def _lexicon_tone(texts: list[str], spans: list[tuple[int, int]], engine: str) -> pd.DataFrame:
    """A lexicon engine's score of the target's clause with the target masked."""
    from newsprism.sentiment.tone_features import mask

    clauses = []
    for text, (start, end) in zip(texts, spans, strict=True):
        c_start, c_end = clause_at(clause_spans(text), start)
        c_start, c_end = min(c_start, start), max(c_end, end)
        clauses.append(mask(text[c_start:c_end], [(start - c_start, end - c_start)])
                       .replace("<t>", " "))
    scores = headline_scores(clauses, engine) if clauses else np.zeros(0)
    labels = np.array(TONE_LABELS)[three_class(scores) + 1] if len(scores) else []
    return pd.DataFrame({"label": labels, "score": scores, "p_negative": np.nan,
                         "p_neutral": np.nan, "p_positive": np.nan,
                         "no_evidence": scores == 0})


def tone_toward(texts: Sequence[str], spans: Sequence[tuple[int, int]],
                engine: str = "model") -> pd.DataFrame:
    """Tone of each text toward its target: one row per (text, span), in input order.

    ``spans`` are (start, end) character offsets of the target in each text (end exclusive).
    The target's own words are masked, so a name carries no tone.

    Engines: ``model`` (default) -- the fitted tone-toward-target model
    (:mod:`newsprism.sentiment.tone_model`, NewsMTSC train); ``vader``, ``nltk_vader``, ``textblob`` --
    the lexicon score of the target's clause with the target masked (neutral band ±0.05).

    Columns: label (negative/neutral/positive), score (-1..1: p_positive - p_negative for the
    model, the clause's compound or polarity for a lexicon), p_negative, p_neutral, p_positive
    (NaN for lexicon engines), no_evidence (True when no evaluative word was seen: for the model
    no VADER lexicon word and no model cue word outside the target; for a lexicon, score 0),
    engine. Caveat: validity figures are in ``make validate`` (NewsMTSC dev, see
    :mod:`newsprism.sentiment.tone_validation`); the model was fitted on US political news.

    >>> t = "Officials from the United States met in Geneva."
    >>> tone_toward([t], [(19, 32)])["label"].tolist()
    ['neutral']
    """
    check_tone_engine(engine)
    texts = ["" if t is None else str(t) for t in texts]
    spans = _check_spans(texts, spans)
    if engine != "model":
        table = _lexicon_tone(texts, spans, engine)
    else:
        from newsprism.sentiment.tone_model import predict

        probs, evidence = predict(texts, spans)
        table = pd.DataFrame(probs, columns=["p_negative", "p_neutral", "p_positive"])
        table.insert(0, "score", table["p_positive"] - table["p_negative"])
        table.insert(0, "label", np.array(TONE_LABELS)[probs.argmax(axis=1)]
                     if len(probs) else [])
        table["no_evidence"] = evidence == 0
    table["engine"] = engine
    table["no_evidence"] = table["no_evidence"].astype(bool)
    return table[TONE_COLUMNS]
