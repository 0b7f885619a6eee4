"""Tone toward actors: each actor mention with its clause and the tone toward it
(``actor_tone``), and the outlet x actor means with intervals (``outlet_actor_tone``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newsprism.core import stats
from newsprism.core.lazy import pandas as pd
from newsprism.sentiment.clauses import clause_at, clause_spans
from newsprism.sentiment.score_tables import annotation_tables, require_table
from newsprism.sentiment.tone_target import (
    TONE_COLUMNS,
    check_tone_engine,
    tone_toward,
)
from newsprism.sentiment.voice import fallback_quote_spans, merge_spans, quote_spans_from_table

ACTOR_TONE_COLUMNS = ["outlet", "article_id", "sentence_id", "actor", "surface", "start", "end",
                      "clause_start", "clause_end", "clause", "voice", "engine", "score", "label",
                      "p_negative", "p_neutral", "p_positive", "no_evidence"]


def _mention_clause_rows(text: str, mentions: Iterable[tuple],
                         bounds: dict[Any, tuple[int, int]],
                         quote_spans: Sequence[tuple[int, int]]) -> list[tuple]:
    """Rows of :func:`mention_clauses` from plain tuples (article_id, sentence_id, actor,
    surface, start, end); ``bounds`` maps sentence_id to (start, end)."""
    cache: dict[Any, list[tuple[int, int]]] = {}
    rows = []
    for article_id, sentence_id, actor, surface, start, end in mentions:
        s, e = bounds.get(sentence_id, (start, end))
        spans = cache.get(sentence_id)
        if spans is None:
            spans = cache[sentence_id] = clause_spans(text, s, e)
        c_start, c_end = clause_at(spans, start)
        quoted = any(q_s <= start < q_e for q_s, q_e in quote_spans)
        rows.append((article_id, sentence_id, actor, surface, start, end, c_start, c_end,
                     text[c_start:c_end], "quoted" if quoted else "author", s, e))
    return rows


_MENTION_COLUMNS = ["article_id", "sentence_id", "actor", "surface", "start", "end"]
_CLAUSE_COLUMNS = [*_MENTION_COLUMNS, "clause_start", "clause_end", "clause", "voice",
                   "sentence_start", "sentence_end"]


def mention_clauses(text: str, mentions: pd.DataFrame, sentences: pd.DataFrame,
                    quote_spans: Sequence[tuple[int, int]] = ()) -> pd.DataFrame:
    """For each mention of one article: the clause around it and whether it sits in a quote.

    Columns: the mention's ``article_id``, ``sentence_id``, ``actor``, ``surface``,
    ``start``, ``end``; ``clause_start``, ``clause_end``, ``clause`` (the clause text);
    ``voice`` ("quoted" inside one of ``quote_spans``, else "author"); ``sentence_start``,
    ``sentence_end``. Offsets index ``text``.

    >>> text = "Kim said: “Putin is great.”"
    >>> mentions = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "actor": ["Putin"],
    ...                          "surface": ["Putin"], "start": [11], "end": [16]})
    >>> sentences = pd.DataFrame({"sentence_id": [0], "start": [0], "end": [len(text)]})
    >>> mention_clauses(text, mentions, sentences, [(10, 26)])[["clause", "voice"]].values.tolist()
    [['Kim said: “Putin is great.”', 'quoted']]
    """
    bounds = {sid: (s, e) for sid, s, e in zip(sentences["sentence_id"], sentences["start"],
                                                sentences["end"], strict=True)}
    rows = _mention_clause_rows(text, mentions[_MENTION_COLUMNS].itertuples(index=False,
                                                                            name=None),
                                bounds, quote_spans)
    return pd.DataFrame(rows, columns=_CLAUSE_COLUMNS)


def _positions_by(table: pd.DataFrame, column: str) -> dict[Any, np.ndarray]:
    """Row positions of ``table`` per value of ``column`` (rows keep their order).

    One pass over the table: filtering the whole table once per article is quadratic.
    """
    if not len(table):
        return {}
    return table.groupby(column, sort=False).indices


def _quote_spans_by_article(quotes: pd.DataFrame | None,
                            kinds: tuple[str, ...] = ("speech",)) -> dict[Any, list] | None:
    """:func:`quote_spans_from_table` for every article at once (None when unusable).

    Plain lists per column: slicing a table of Arrow strings once per article cost more than
    everything else in :func:`actor_tone`.
    """
    if quotes is None or "article_id" not in getattr(quotes, "columns", ()):
        return None
    if quote_spans_from_table(quotes.iloc[0:0], kinds) is None:
        return None
    starts, ends = quotes["start"].tolist(), quotes["end"].tolist()
    wanted = set(kinds)
    keep = ([k in wanted for k in quotes["kind"].tolist()]
            if "kind" in quotes.columns and kinds else [True] * len(quotes))
    return {article_id: merge_spans((int(starts[i]), int(ends[i])) for i in positions if keep[i])
            for article_id, positions in _positions_by(quotes, "article_id").items()}


def actor_tone(annotations: Any, engine: str = "model") -> pd.DataFrame:
    """One row per actor mention: its clause, and :func:`tone_toward` of it in its sentence.

    ``engine="model"`` (default) scores the sentence with the fitted tone-toward-target model;
    a lexicon engine scores the mention's clause with the mention masked. Columns: outlet,
    article_id, sentence_id, actor, surface, start, end, clause_start, clause_end, clause,
    voice, engine, score, label, p_negative, p_neutral, p_positive, no_evidence.

    Tone is toward the mention, not the whole sentence, so "Putin praised the treaty, but Kim
    called the sanctions a disaster" can be positive for Putin and negative for Kim. ``voice``
    says whether the mention is inside a quotation.

    ``score`` runs -1..+1; ``label`` is negative, neutral or positive; ``p_*`` are the model's
    class probabilities (NaN for lexicon engines); ``no_evidence`` is true when no evaluative
    word was seen (lexicon engines: a score of exactly 0), so a neutral label there means
    "nothing to go on" (see :func:`tone_toward`).
    ``clause_start``, ``clause_end`` offset into the cleaned text. Mentions are found by the
    actor list (English names); an actor under another name is missed.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> actor_tone(tables, "vader")[["actor", "score", "no_evidence"]].values.tolist()
    [['Vladimir Putin', 0.4939, False], ['Kim Jong Un', 0.0, True]]
    """
    check_tone_engine(engine)
    tables = annotation_tables(annotations)
    if "mentions" not in tables:
        raise ValueError("annotations have no 'mentions' table; run newsprism.pipeline.annotate.annotate() "
                         "with the mentions step enabled")
    mentions = tables["mentions"]
    if not len(mentions) or "actor" not in mentions.columns:  # no actor mentioned anywhere
        return pd.DataFrame(columns=ACTOR_TONE_COLUMNS)
    sentences = require_table(annotations, "sentences")
    articles = require_table(annotations, "articles")
    # Group once (positions per article) instead of masking each table once per article.
    mention_rows = list(mentions[_MENTION_COLUMNS].itertuples(index=False, name=None))
    mention_at = _positions_by(mentions, "article_id")
    sentence_ids = sentences["sentence_id"].tolist()
    sentence_bounds = list(zip(sentences["start"].tolist(), sentences["end"].tolist(),
                               strict=True))
    sentence_at = _positions_by(sentences, "article_id")
    spans_by_article = _quote_spans_by_article(tables.get("quotes"))
    rows = []
    for article_id, outlet, text in zip(articles["article_id"], articles["outlet"],
                                        articles["text"], strict=True):
        positions = mention_at.get(article_id)
        if positions is None or not len(positions):
            continue
        bounds = {sentence_ids[i]: sentence_bounds[i] for i in sentence_at.get(article_id, ())}
        if spans_by_article is None:
            spans = fallback_quote_spans(text)
        else:
            spans = spans_by_article.get(article_id, [])
        found = _mention_clause_rows(text, (mention_rows[i] for i in positions), bounds, spans)
        rows.extend((outlet, *row) for row in found)
    if not rows:
        return pd.DataFrame(columns=ACTOR_TONE_COLUMNS)
    table = pd.DataFrame(rows, columns=["outlet", *_CLAUSE_COLUMNS])
    table["engine"] = engine
    tone = _sentence_tone(table, articles, engine)
    for column in TONE_COLUMNS[:-1]:
        table[column] = tone[column].to_numpy()
    return table[ACTOR_TONE_COLUMNS]


def _sentence_tone(table: pd.DataFrame, articles: pd.DataFrame, engine: str) -> pd.DataFrame:
    """:func:`tone_toward` of each mention within its sentence (offsets made sentence-relative)."""
    text_of = dict(zip(articles["article_id"], articles["text"], strict=True))
    texts, spans = [], []
    for article_id, start, end, s_start, s_end in zip(
            table["article_id"], table["start"], table["end"], table["sentence_start"],
            table["sentence_end"], strict=True):
        s_start, s_end = min(s_start, start), max(s_end, end)
        texts.append(text_of[article_id][s_start:s_end])
        spans.append((start - s_start, end - s_start))
    return tone_toward(texts, spans, engine=engine)


def outlet_actor_tone(tone: pd.DataFrame, n_boot: int = stats.N_BOOT,
                      seed: int = 0) -> pd.DataFrame:
    """Outlet x actor: n mentions, n articles, mean clause score and bootstrap 95% interval.

    Columns: ``outlet``, ``actor``, ``n`` (mentions), ``estimate`` (mean score, -1..+1),
    ``ci_low``, ``ci_high``, ``n_articles``, ``note``. The interval resamples the ARTICLES
    mentioning the actor (mentions in one article are not independent) from
    :data:`~newsprism.core.stats.MIN_ARTICLES` such articles on; with fewer it resamples the
    mentions and ``note`` says it says nothing about the outlet's other coverage (as in
    :func:`newsprism.sentiment.outlet_scores`). With one mention the interval collapses to
    the value: read ``n`` before the interval.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> outlet_actor_tone(actor_tone(tables, "vader"))[["actor", "n", "estimate"]].values.tolist()
    [['Kim Jong Un', 1, 0.0], ['Vladimir Putin', 1, 0.4939]]
    """
    columns = ["outlet", "actor", "n", "estimate", "ci_low", "ci_high", "n_articles", "note"]
    if not len(tone):
        return pd.DataFrame(columns=columns)
    table = stats.bootstrap_group_ci(tone, ["outlet", "actor"], "score", n_boot=n_boot, seed=seed)
    n_articles = tone.groupby(["outlet", "actor"])["article_id"].nunique().rename("n_articles")
    table = table.merge(n_articles, left_on=["outlet", "actor"], right_index=True)
    table["note"] = (f"fewer than {stats.MIN_ARTICLES} articles: the interval spans the "
                     "mentions and says nothing about the outlet's other coverage")
    groups = tone.groupby(["outlet", "actor"])
    for i in np.flatnonzero(table["n_articles"].map(stats.enough_articles).to_numpy(bool)):
        part = groups.get_group((table["outlet"].iloc[i], table["actor"].iloc[i]))
        low, high = stats.cluster_bootstrap_ci(part["score"].to_numpy(dtype=float),
                                               part["article_id"].to_numpy(), n_boot=n_boot,
                                               seed=seed)
        table.iloc[i, table.columns.get_indexer(["ci_low", "ci_high", "note"])] = [
            low, high, "bootstrap over articles"]
    return table.reset_index(drop=True)[columns]
