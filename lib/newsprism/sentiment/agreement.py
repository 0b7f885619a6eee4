"""Agreement between sentiment engines: whole-sentence scores side by side and pairwise
correlation and class agreement with intervals (agreement, not accuracy).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.core import stats
from newsprism.core.lazy import pandas as pd
from newsprism.corpus.language import english_articles
from newsprism.sentiment.engines import ENGINES, check_engine, headline_scores, three_class
from newsprism.sentiment.score_tables import annotation_tables, require_table

MAX_SCORED = 20_000  # sentences scored afresh for an engine missing from the annotations


def engine_scores_wide(annotations: Any, engines: Sequence[str] = ENGINES,
                       max_scored: int | None = MAX_SCORED, seed: int = 0) -> pd.DataFrame:
    """Whole-sentence scores of several engines side by side (one column per engine).

    Engines missing from the annotations are scored here from the sentence text. Scoring is
    the expensive part (NLTK's VADER port runs at about 1,000 sentences/s), so when an engine
    is missing and the corpus has more than ``max_scored`` English sentences, every engine is
    compared on the same seeded random sample of ``max_scored`` sentences (kept in corpus
    order). ``wide.attrs`` records it: ``n_total`` (English sentences), ``n_compared`` (rows),
    ``sampled`` (bool), ``seed``; :func:`agreement_sample_note` turns it into caption text.
    ``max_scored=None`` scores everything.

    >>> import pandas as pd
    >>> tables = {"articles": pd.DataFrame({"article_id": ["a"], "language": ["en"]}),
    ...           "sentences": pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2],
    ...                                      "text": ["Good.", "Bad.", "Fine."]})}
    >>> wide = engine_scores_wide(tables, ["vader"], max_scored=2)
    >>> len(wide), wide.attrs["n_total"], wide.attrs["sampled"]
    (2, 3, True)
    """
    sentences = require_table(annotations, "sentences")
    articles = require_table(annotations, "articles")
    sentiment = annotation_tables(annotations).get("sentiment")
    english = set(english_articles(articles)["article_id"])
    wide = sentences[sentences["article_id"].isin(english)][
        ["article_id", "sentence_id", "text"]].copy()
    n_total = len(wide)
    present = (set(sentiment["engine"].unique()) if sentiment is not None and len(sentiment)
               else set())
    for engine in engines:
        check_engine(engine)
    missing = [engine for engine in engines if engine not in present]
    sampled = bool(missing) and max_scored is not None and n_total > max_scored
    if sampled:
        # One sample for all engines, so every pair is compared on the same sentences.
        keep = np.sort(np.random.default_rng(seed).choice(n_total, size=max_scored,
                                                          replace=False))
        wide = wide.iloc[keep]
    for engine in engines:
        if engine in present:
            part = sentiment[(sentiment["engine"] == engine) & (sentiment["voice"] == "all")]
            wide = wide.merge(part[["article_id", "sentence_id", "score"]].rename(
                columns={"score": engine}), on=["article_id", "sentence_id"], how="left")
        else:
            wide[engine] = headline_scores(wide["text"].tolist(), engine)
    wide.attrs.update(n_total=n_total, n_compared=len(wide), sampled=sampled, seed=seed,
                      scored_here=missing)
    return wide


def agreement_sample_note(wide: pd.DataFrame) -> str:
    """Caption text saying whether engine agreement rests on a sample ("" when it does not).

    >>> import pandas as pd
    >>> wide = pd.DataFrame({"vader": [0.1]})
    >>> wide.attrs.update(n_total=50_000, n_compared=20_000, sampled=True, seed=0,
    ...                   scored_here=["nltk_vader"])
    >>> agreement_sample_note(wide)[:62]
    'Computed on a seeded random sample of 20,000 of 50,000 English'
    """
    if not wide.attrs.get("sampled"):
        return ""
    return (f"Computed on a seeded random sample of {int(wide.attrs['n_compared']):,} of "
            f"{int(wide.attrs['n_total']):,} English sentences (seed {wide.attrs['seed']}): "
            f"{', '.join(wide.attrs['scored_here'])} is not in the annotations and is scored "
            "here, so r and the class agreement are sample estimates; their intervals cover "
            "sampling error.")


def engine_agreement(wide: pd.DataFrame, engines: Sequence[str] | None = None) -> pd.DataFrame:
    """Pairwise agreement, two rows per pair of engines (``measure``): ``pearson_r`` (Fisher-z
    95% CI) and ``class_agreement`` (share of sentences put in the same of three classes,
    neutral band ±0.05, with a Wilson 95% CI). Columns: engine_a, engine_b, measure, estimate,
    ci_low, ci_high, n (sentences scored by both).

    Agreement between engines is not accuracy: two lexicons can agree and both be wrong
    (accuracy against human ratings is in the sentiment validation).

    >>> tables = {"articles": pd.DataFrame({"article_id": ["a"], "language": ["en"]}),
    ...           "sentences": pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3],
    ...               "text": ["Good news.", "Bad news.", "A day.", "Great day."]})}
    >>> agree = engine_agreement(engine_scores_wide(tables, ["vader", "textblob"]))
    >>> agree[["measure", "estimate", "n"]].round(2).values.tolist()
    [['pearson_r', 1.0, 4], ['class_agreement', 1.0, 4]]"""
    engines = [e for e in (engines or ENGINES) if e in wide.columns]
    rows = []
    for i, a in enumerate(engines):
        for b in engines[i + 1:]:
            x, y = wide[a].to_numpy(dtype=float), wide[b].to_numpy(dtype=float)
            keep = ~(np.isnan(x) | np.isnan(y))
            r, low, high, n = stats.pearson_ci(x[keep], y[keep])
            same = int((three_class(x[keep]) == three_class(y[keep])).sum())
            a_low, a_high = stats.proportion_ci(same, n)
            rows.append({"engine_a": a, "engine_b": b, "measure": "pearson_r", "estimate": r,
                         "ci_low": low, "ci_high": high, "n": n})
            rows.append({"engine_a": a, "engine_b": b, "measure": "class_agreement",
                         "estimate": same / n if n else np.nan, "ci_low": a_low,
                         "ci_high": a_high, "n": n})
    return pd.DataFrame(rows, columns=["engine_a", "engine_b", "measure", "estimate", "ci_low",
                                       "ci_high", "n"])
