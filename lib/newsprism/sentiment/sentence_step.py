"""The sentiment annotation step: one row per sentence x engine x voice of an article
(``article_sentiment``; ``article_sentiment_tuples`` for the partition runner).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsprism.core.lazy import pandas as pd
from newsprism.core.text import count_words, split_sentences
from newsprism.corpus.language import is_english
from newsprism.sentiment.engines import check_engine, score_rows
from newsprism.sentiment.voice import (
    fallback_quote_spans,
    quote_spans_from_table,
    sentence_voice_rows,
)

SENTIMENT_COLUMNS = ["article_id", "sentence_id", "engine", "voice", "score", "compound",
                     "polarity", "subjectivity", "n_words", "voice_source"]


def _option(options: Any, name: str, default: Any) -> Any:
    value = getattr(options, name, None)
    if value is None:
        for key, extra in getattr(options, "extra", ()) or ():
            if key == name:
                return extra
        return default
    return value


def article_sentiment(article, tables: dict[str, pd.DataFrame], options) -> pd.DataFrame:
    """Annotation step: one row per sentence x engine x voice for one article.

    Voices: ``all`` (the whole sentence), ``author`` (the outlet's own words) and ``quoted``
    (words inside quotations of kind ``speech`` from the quotes step; quotation-mark pairing
    when the quotes step is absent). ``score`` is the engine's headline score; ``compound`` is
    filled for VADER engines, ``polarity``/``subjectivity`` for TextBlob. ``voice_source`` says
    where the quote spans came from (``quotes`` or ``marks``). Empty for non-English articles.

    Columns: ``article_id``, ``sentence_id``, ``engine``, ``voice``, ``score`` (the engine's
    headline score, -1..+1), ``compound`` (VADER), ``polarity`` and ``subjectivity``
    (TextBlob; subjectivity 0-1), ``n_words``, ``voice_source``. A sentence with no quoted words has no
    ``quoted`` row. Lexicon scores of English words: irony, negation over long spans and
    whom the tone is aimed at are beyond them.

    >>> from newsprism.core.tables import ArticleInput
    >>> from newsprism.pipeline.steps import AnnotateOptions
    >>> rows = article_sentiment(ArticleInput("a", "Good news. Bad news."), {},
    ...                          AnnotateOptions(sentiment_engines=("vader",)))
    >>> rows[rows["voice"] == "all"][["sentence_id", "score"]].values.tolist()
    [[0.0, 0.4404], [1.0, -0.5423]]
    """
    records = _sentiment_records(article, tables, options)
    if not records:
        return pd.DataFrame(columns=SENTIMENT_COLUMNS)
    return pd.DataFrame(records, columns=SENTIMENT_COLUMNS)


def article_sentiment_tuples(article, tables, options):
    """The rows of :func:`article_sentiment` as a ``newsprism.pipeline.annotate.RowTable``."""
    from newsprism.core.tables import RowTable

    return RowTable(SENTIMENT_COLUMNS, _sentiment_records(article, tables, options))


def _sentiment_records(article, tables, options) -> list[tuple]:
    if not is_english(getattr(article, "language", "en")) or not article.text:
        return []
    text = article.text
    sentences = tables.get("sentences")
    if sentences is not None and len(sentences):
        units = list(zip(sentences["sentence_id"], sentences["start"], sentences["end"],
                         strict=True))
    else:
        units = [(i, s, e) for i, (s, e) in enumerate(split_sentences(text))]
    spans = quote_spans_from_table(tables.get("quotes"))
    source = "quotes"
    if spans is None:
        spans, source = fallback_quote_spans(text), "marks"
    word_counts: dict[str, int] = {}
    voice_rows = sentence_voice_rows(text, units, spans, word_counts)
    engines = tuple(_option(options, "sentiment_engines", ("vader", "textblob")))
    unique = list(dict.fromkeys(row[2] for row in voice_rows))
    n_words = {t: word_counts[t] if t in word_counts else count_words(t) for t in unique}
    # Plain tuples and ONE DataFrame per article: per-engine frames + concat and
    # ``itertuples`` (a namedtuple class per call) cost more than the scoring of short articles.
    records = []
    article_id, nan = article.article_id, np.nan
    for engine in engines:
        check_engine(engine)
        by_text = dict(zip(unique, score_rows(unique, engine), strict=True))
        if engine == "textblob":
            for sentence_id, voice, part in voice_rows:
                polarity, subjectivity = by_text[part]
                records.append((article_id, sentence_id, engine, voice, polarity, nan, polarity,
                                subjectivity, n_words[part], source))
        else:
            for sentence_id, voice, part in voice_rows:
                compound = by_text[part][3]
                records.append((article_id, sentence_id, engine, voice, compound, compound, nan,
                                nan, n_words[part], source))
    return records
