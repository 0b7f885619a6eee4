"""Sentence, paragraph, article and outlet score tables read from the annotations (used by
notebooks/10_sentiment): the voice comparison, the score distribution and the tone arc.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsprism.core import stats
from newsprism.core.lazy import pandas as pd
from newsprism.sentiment.engines import check_engine
from newsprism.sentiment.voice import VOICES


def annotation_tables(annotations: Any) -> dict[str, pd.DataFrame]:
    """The tables of ``annotations``: an ``Annotations`` object's ``tables``, or the dict of
    tables itself (each table as given, with its own columns).

    >>> annotation_tables({"articles": pd.DataFrame({"article_id": ["a"]})})["articles"].shape
    (1, 1)
    """
    return annotations.tables if hasattr(annotations, "tables") else annotations


def require_table(annotations: Any, name: str) -> pd.DataFrame:
    """The ``name`` table of ``annotations`` (its columns as stored), or a ValueError naming
    the annotation step to enable when it is missing or has no columns.

    >>> require_table({"articles": pd.DataFrame({"article_id": ["a"]})}, "articles").shape
    (1, 1)
    """
    tables = annotation_tables(annotations)
    table = tables.get(name)
    if table is None or (len(table.columns) == 0):
        raise ValueError(f"annotations have no {name!r} table; run newsprism.pipeline.annotate.annotate() "
                         f"with the {name} step enabled")
    return table


def sentence_scores(annotations: Any, engine: str = "vader", voice: str = "all") -> pd.DataFrame:
    """Sentence rows of one engine and voice with outlet, paragraph, position and text.

    ``position`` runs from 0 (first sentence) to 1 (last sentence of the article).

    Columns: the sentiment table's (``article_id``, ``sentence_id``, ``engine``, ``voice``, ``score`` (the engine's
    headline score, -1..+1), ``compound`` (VADER), ``polarity`` and ``subjectivity``
    (TextBlob; subjectivity 0-1), ``n_words``, ``voice_source``), then ``paragraph_id``,
    ``start``, ``end`` (offsets into the cleaned text), ``text``, ``outlet``, ``position``.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> sentence_scores(tables)[["outlet", "sentence_id", "score", "position"]].values.tolist()
    [['A', 0, 0.4939, 0.0], ['A', 1, 0.0, 1.0], ['B', 0, -0.5267, 0.0], ['B', 1, 0.2732, 1.0]]
    """
    check_engine(engine)
    if voice not in VOICES:
        raise ValueError(f"unknown voice {voice!r}; choose one of {', '.join(VOICES)}")
    sentiment = require_table(annotations, "sentiment")
    sentences = require_table(annotations, "sentences")
    articles = require_table(annotations, "articles")
    have = set(sentiment["engine"].unique())  # unique(): iterating Arrow strings is slow
    if engine not in have:
        raise ValueError(f"engine {engine!r} not in the annotations (have "
                         f"{sorted(have)}); pass it in "
                         "AnnotateOptions(sentiment_engines=...)")
    rows = sentiment[(sentiment["engine"] == engine) & (sentiment["voice"] == voice)]
    rows = rows.merge(sentences[["article_id", "sentence_id", "paragraph_id", "start", "end",
                                 "text"]], on=["article_id", "sentence_id"], how="left")
    rows = rows.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    last = sentences.groupby("article_id")["sentence_id"].max().rename("last_sentence")
    rows = rows.merge(last, left_on="article_id", right_index=True, how="left")
    rows["position"] = rows["sentence_id"] / rows["last_sentence"].clip(lower=1)
    return rows.drop(columns="last_sentence").sort_values(
        ["outlet", "article_id", "sentence_id"]).reset_index(drop=True)


def paragraph_scores(annotations: Any, engine: str = "vader") -> pd.DataFrame:
    """Paragraph tone = mean of its sentences' scores (VADER compound saturates on long text,
    so paragraphs are not scored as one string). Columns: outlet, article_id, paragraph_id,
    n_sentences, n_words, score.

    ``score`` is the mean of the sentences' scores (-1..+1), every voice; no interval.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> paragraph_scores(tables)[["outlet", "paragraph_id", "n_sentences", "score"]
    ...                          ].round(5).values.tolist()
    [['A', 0, 2, 0.24695], ['B', 0, 2, -0.12675]]
    """
    rows = sentence_scores(annotations, engine)
    return (rows.groupby(["outlet", "article_id", "paragraph_id"], as_index=False)
            .agg(n_sentences=("sentence_id", "size"), n_words=("n_words", "sum"),
                 score=("score", "mean")))


def article_scores(annotations: Any, engine: str = "vader", voice: str = "all",
                   n_boot: int = stats.N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Article tone = mean sentence score, with n sentences and a bootstrap 95% interval.

    Columns: engine, voice, outlet, article_id, n (sentences), estimate, ci_low, ci_high,
    n_sentences (the same count, under its older name).

    ``estimate`` and the interval are in the engine's unit (-1..+1); the interval resamples
    the article's sentences, so it says how stable the mean is over those sentences, not
    how another article by the same outlet would read.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> article_scores(tables)[["article_id", "n", "estimate"]].round(5).values.tolist()
    [['a', 2, 0.24695], ['b', 2, -0.12675]]
    """
    rows = sentence_scores(annotations, engine, voice)
    table = stats.bootstrap_group_ci(rows, ["outlet", "article_id"], "score", n_boot=n_boot,
                                     seed=seed)
    table.insert(0, "engine", engine)
    table.insert(1, "voice", voice)
    table["n_sentences"] = table["n"]  # n: the sentences the interval resampled
    return table


def _outlet_row(part: pd.DataFrame, n_boot: int, seed: int) -> dict[str, Any]:
    n_articles = part["article_id"].nunique()
    scores = part["score"].to_numpy(dtype=float)
    if stats.enough_articles(n_articles):
        low, high = stats.cluster_bootstrap_ci(scores, part["article_id"].to_numpy(),
                                               n_boot=n_boot, seed=seed)
        unit, note = "articles", ""
    else:
        low, high = stats.bootstrap_ci(scores, n_boot=n_boot, seed=seed)
        unit = "sentences"
        note = (("one article only: the interval spans that article's sentences"
                 if n_articles == 1 else f"{n_articles} articles only (fewer than "
                 f"{stats.MIN_ARTICLES}): the interval spans their sentences")
                + " and says nothing about the outlet's other coverage")
    return {"n_articles": n_articles, "n_sentences": len(part),
            "n_words": int(part["n_words"].sum()), "estimate": float(np.mean(scores)),
            "ci_low": low, "ci_high": high,
            "n": n_articles if unit == "articles" else len(part), "resampled": unit,
            "note": note}


def outlet_scores(annotations: Any, engine: str = "vader", voice: str = "all",
                  n_boot: int = stats.N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Outlet tone: mean sentence score with n and a bootstrap 95% interval.

    Columns: outlet, engine, voice, n_articles, n_sentences, n_words, estimate, ci_low,
    ci_high, n (the units the interval resampled: ``resampled``), resampled, note.
    With at least :data:`~newsprism.core.stats.MIN_ARTICLES` articles the bootstrap
    resamples ARTICLES (sentences of one article are not independent); with fewer it
    resamples sentences and ``note`` says so plainly.

    ``estimate`` is the mean sentence score (-1..+1) over all the outlet's sentences, so
    long articles weigh more; ``n_words`` counts words of the scored sentences. English
    lexicon engines: see the sentiment validation for how often they get a sentence's sign
    right before reading a small difference between outlets.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> outlet_scores(tables)[["outlet", "n_sentences", "estimate", "n", "resampled"]
    ...                       ].round(5).values.tolist()
    [['A', 2, 0.24695, 2, 'sentences'], ['B', 2, -0.12675, 2, 'sentences']]
    """
    # Only the columns _outlet_row reads: slicing the sentence text per outlet is costly.
    rows = sentence_scores(annotations, engine, voice)[["outlet", "article_id", "score",
                                                        "n_words"]]
    out = []
    for outlet, part in rows.groupby("outlet", sort=True):
        out.append({"outlet": outlet, "engine": engine, "voice": voice,
                    **_outlet_row(part, n_boot, seed)})
    return pd.DataFrame(out, columns=["outlet", "engine", "voice", "n_articles", "n_sentences",
                                      "n_words", "estimate", "ci_low", "ci_high", "n",
                                      "resampled", "note"])


VOICE_COLUMNS = ["outlet", "engine", "measure", "estimate", "ci_low", "ci_high", "n",
                 "n_articles", "note"]


def voice_comparison(annotations: Any, engine: str = "vader", n_boot: int = stats.N_BOOT,
                     seed: int = 0, min_parts: int = 3) -> pd.DataFrame:
    """Per outlet, three rows (``measure``): ``author`` and ``quoted`` (mean score of the
    author-voice and quoted-voice sentence parts) and ``gap`` (quoted minus author), each an
    ``estimate`` with a bootstrap 95% interval ``ci_low``, ``ci_high`` and ``n`` (parts; both
    voices' for the gap). Columns ``VOICE_COLUMNS``.

    Intervals resample the outlet's ARTICLES: the parts of one article are not independent
    draws. The gap draws the same articles for both voices
    (:func:`newsprism.core.stats.cluster_diff_ci`), so an article's quoted words are set
    against its own. ``n_articles`` counts the articles holding the row's parts (for the
    gap, the fewer of the two voices'). Below :data:`~newsprism.core.stats.MIN_ARTICLES`
    such articles the gap has no interval (NaN) and the voices' intervals span their
    sentence parts, as in :func:`outlet_scores`; ``note`` says so. With fewer than
    ``min_parts`` parts on either side the gap has no interval either.

    Columns: ``outlet``, ``engine``, ``measure``, ``estimate`` (-1..+1; the gap -2..+2),
    ``ci_low``, ``ci_high``, ``n`` (sentence parts), ``n_articles``, ``note``. A gap says the
    quoted words read differently from the outlet's own, not that the outlet chose quotes
    for their tone.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> voice_comparison(tables)[["outlet", "measure", "n", "n_articles"]].values.tolist()[:3]
    [['A', 'author', 2, 1], ['A', 'quoted', 1, 1], ['A', 'gap', 3, 1]]
    """
    author = sentence_scores(annotations, engine, "author")[["outlet", "article_id", "score"]]
    quoted = sentence_scores(annotations, engine, "quoted")[["outlet", "article_id", "score"]]
    outlets = sorted(set(author["outlet"].unique()) | set(quoted["outlet"].unique()))
    rows = []
    for outlet in outlets:
        a = author[author["outlet"] == outlet]
        q = quoted[quoted["outlet"] == outlet]
        rows.extend({"outlet": outlet, "engine": engine, **row}
                    for row in _voice_rows(a, q, n_boot, seed, min_parts))
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


def _voice_interval(part: pd.DataFrame, n_boot: int, seed: int) -> tuple[tuple, str]:
    """One voice's interval over its articles (over its parts below the minimum) and note."""
    scores, n_articles = part["score"].to_numpy(dtype=float), part["article_id"].nunique()
    if stats.enough_articles(n_articles):
        return stats.cluster_bootstrap_ci(scores, part["article_id"].to_numpy(),
                                          n_boot=n_boot, seed=seed), ""
    return stats.bootstrap_ci(scores, n_boot=n_boot, seed=seed), (
        f"{'one article' if n_articles == 1 else f'{n_articles} articles'} only (fewer than "
        f"{stats.MIN_ARTICLES}): the interval spans sentence parts")


def _gap_interval(a: pd.DataFrame, q: pd.DataFrame, n_boot: int, seed: int,
                  min_parts: int) -> tuple[tuple, str]:
    """The gap's interval, resampling the articles of both voices together, and its note."""
    n_articles = min(a["article_id"].nunique(), q["article_id"].nunique())
    if min(len(a), len(q)) < min_parts:
        return (np.nan, np.nan), f"fewer than {min_parts} parts in a voice: no interval"
    if not stats.enough_articles(n_articles):
        return (np.nan, np.nan), (f"a voice in {n_articles} article"
                                  f"{'s' if n_articles != 1 else ''} only (fewer than "
                                  f"{stats.MIN_ARTICLES}): no interval over articles")
    sums = pd.concat({"a": a.groupby("article_id")["score"].agg(["sum", "size"]),
                      "q": q.groupby("article_id")["score"].agg(["sum", "size"])},
                     axis=1).fillna(0.0)
    return stats.cluster_diff_ci(sums[("q", "sum")].to_numpy(), sums[("q", "size")].to_numpy(),
                                 sums[("a", "sum")].to_numpy(), sums[("a", "size")].to_numpy(),
                                 n_boot=n_boot, seed=seed), ""


def _voice_rows(a: pd.DataFrame, q: pd.DataFrame, n_boot: int, seed: int,
                min_parts: int) -> list[dict[str, Any]]:
    """The author, quoted and gap rows of one outlet (its author parts ``a``, quoted ``q``)."""
    rows = []
    for measure, part in (("author", a), ("quoted", q)):
        interval, note = _voice_interval(part, n_boot, seed) if len(part) else (
            (np.nan, np.nan), "")
        rows.append({"measure": measure, "estimate": part["score"].mean() if len(part)
                     else np.nan, "ci_low": interval[0], "ci_high": interval[1],
                     "n": len(part), "n_articles": part["article_id"].nunique(), "note": note})
    interval, note = _gap_interval(a, q, n_boot, seed, min_parts)
    rows.append({"measure": "gap", "estimate": rows[1]["estimate"] - rows[0]["estimate"],
                 "ci_low": interval[0], "ci_high": interval[1], "n": len(a) + len(q),
                 "n_articles": min(rows[0]["n_articles"], rows[1]["n_articles"]),
                 "note": note})
    return rows


def distribution_long(annotations: Any, engine: str = "vader") -> pd.DataFrame:
    """Sentence scores of all three voices stacked (for per-outlet distribution plots).

    Columns: those of :func:`sentence_scores` (``article_id``, ``sentence_id``, ``engine``, ``voice``, ``score``, ``compound``,
    ``polarity``, ``subjectivity``, ``n_words``, ``voice_source``, ``paragraph_id``, ``start``,
    ``end``, ``text``, ``outlet``, ``position``); ``voice`` tells the
    three apart (``all``, ``author``, ``quoted``): a sentence appears once per voice it has
    words in.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> distribution_long(tables)["voice"].value_counts().to_dict()
    {'all': 4, 'author': 4, 'quoted': 1}
    """
    parts = [sentence_scores(annotations, engine, v) for v in VOICES]
    return pd.concat(parts, ignore_index=True)


def tone_arc(annotations: Any, engine: str = "vader", window: int = 5) -> pd.DataFrame:
    """Sentence scores through each article with a centred rolling mean (``smoothed``).

    Columns: those of :func:`sentence_scores` (``article_id``, ``sentence_id``, ``engine``, ``voice``, ``score``, ``compound``,
    ``polarity``, ``subjectivity``, ``n_words``, ``voice_source``, ``paragraph_id``, ``start``,
    ``end``, ``text``, ``outlet``, ``position``; voice ``all``) and ``smoothed`` (mean score
    of the ``window`` sentences centred on this one, within the article; fewer at the ends).

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> tone_arc(tables, window=3)[["article_id", "score", "smoothed"]].round(5).values.tolist()
    [['a', 0.4939, 0.24695], ['a', 0.0, 0.24695], ['b', -0.5267, -0.12675], ['b', 0.2732, -0.12675]]
    """
    rows = sentence_scores(annotations, engine)
    if not len(rows):
        rows["smoothed"] = pd.Series(dtype=float)
        return rows
    # One grouped rolling window (windows restart at each article) instead of a Python
    # call per article; aligned back on the row index.
    smoothed = (rows.groupby("article_id", sort=False)["score"]
                .rolling(window, center=True, min_periods=1).mean())
    rows["smoothed"] = smoothed.reset_index(level=0, drop=True)
    return rows
