"""Sentence sentiment with lexicon engines, split by voice (the outlet's words vs quoted words).

Engines (all offline):

- ``vader``: VADER from the ``vaderSentiment`` package -> neg, neu, pos, compound (-1..1).
- ``textblob``: TextBlob's pattern analyser -> polarity (-1..1), subjectivity (0..1).
- ``nltk_vader``: NLTK's port of VADER, fed the lexicon that vaderSentiment ships (nothing is
  fetched from NLTK's data server) -> neg, neu, pos, compound.

``SCORE_COLUMN`` names each engine's headline score (compound or polarity); tables carry it as
``score`` so analyses are engine-agnostic while every caption still names the engine.

>>> score_sentences(["A wonderful, generous gift.", "A brutal, horrible war."])["compound"].gt(0)
0     True
1    False
Name: compound, dtype: bool
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.core import stats
from newsprism.core.lazy import pandas as pd
from newsprism.core.resources import textblob_pattern
from newsprism.core.text import count_words, split_sentences
from newsprism.corpus.language import english_articles, is_english
from newsprism.quotes.marks import pair_marks
from newsprism.sentiment.vader import TOKEN_MEMO_MAX as _TOKEN_MEMO_MAX
from newsprism.sentiment.vader import vader_analyzer

ENGINES = ("vader", "textblob", "nltk_vader")
SCORE_COLUMN = {"vader": "compound", "nltk_vader": "compound", "textblob": "polarity"}
ENGINE_COLUMNS = {
    "vader": ["neg", "neu", "pos", "compound"],
    "nltk_vader": ["neg", "neu", "pos", "compound"],
    "textblob": ["polarity", "subjectivity"],
}
ENGINE_LABEL = {
    "vader": "VADER (vaderSentiment 3.3.2), compound score",
    "nltk_vader": "NLTK VADER port (vaderSentiment lexicon), compound score",
    "textblob": "TextBlob pattern analyser, polarity",
}
VOICES = ("all", "author", "quoted")
SENTIMENT_COLUMNS = ["article_id", "sentence_id", "engine", "voice", "score", "compound",
                     "polarity", "subjectivity", "n_words", "voice_source"]
# Conventional VADER neutral band; used for every engine so the three classes are comparable.
NEUTRAL_BAND = 0.05


# -- engines ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def nltk_vader_analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` loaded from vaderSentiment's lexicon file.

    NLTK 3.10 refuses ``nltk.data.load("file:/abs/path")`` outside its data roots, so the
    lexicon text is read directly and handed to NLTK's own parser — nothing is downloaded.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    from newsprism.core.resources import vader_lexicon_path

    analyzer = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyzer.lexicon_file = vader_lexicon_path().read_text(encoding="utf-8").strip()
    analyzer.lexicon = analyzer.make_lex_dict()
    analyzer.constants = VaderConstants()
    return analyzer


@lru_cache(maxsize=1)
def textblob_analyzer():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def check_engine(engine: str) -> str:
    """Return ``engine`` or raise a ValueError listing the valid engines."""
    if engine not in ENGINES:
        raise ValueError(f"unknown sentiment engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return engine


def score_sentences(texts: Sequence[str] | Iterable[str], engine: str = "vader") -> pd.DataFrame:
    """Score each text: one row per text, the engine's scores as columns.

    VADER engines give ``neg, neu, pos, compound``; TextBlob gives ``polarity, subjectivity``.

    >>> score_sentences(["Great news."], engine="textblob").columns.tolist()
    ['polarity', 'subjectivity']
    """
    check_engine(engine)
    texts = ["" if t is None else str(t) for t in texts]
    return pd.DataFrame(score_rows(texts, engine), columns=ENGINE_COLUMNS[engine], dtype=float)


# text -> score tuple, per engine. The engines are deterministic, so a text scored once (a
# repeated wire sentence, a sentence whose author voice is the whole sentence) is not scored
# again. Cleared when full so memory stays bounded on a corpus that streams through.
_SCORE_MEMO: dict[str, dict[str, tuple[float, ...]]] = {}
_SCORE_MEMO_MAX = 100_000  # per engine: at most ~50 MB each (news sentences, ~400 B a text)


@lru_cache(maxsize=1)
def _pattern_sentiment():
    """A loaded copy of ``textblob.en.sentiment`` (TextBlob's pattern lexicon + scorer) whose
    ``in`` / ``[]`` are plain dict lookups.

    TextBlob's lexicon is a ``lazydict``: every ``word in lexicon`` and ``lexicon[word]`` goes
    through a Python-level ``_lazy`` hop even once loaded (special methods are looked up on
    the class, so its per-instance rebinding never takes effect) -- about a quarter of
    TextBlob's time. Same class, same code, same data: identical scores.
    """
    sentiment = textblob_pattern()[1].sentiment  # without importing all of NLTK
    base = type(sentiment)

    class LoadedSentiment(base):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

    len(sentiment)  # loads the lexicon (lazydict)
    loaded = LoadedSentiment.__new__(LoadedSentiment)
    loaded.__dict__.update({k: v for k, v in vars(sentiment).items()
                            if k not in ("__contains__", "__getitem__", "get", "__len__")})
    dict.update(loaded, dict.items(sentiment))
    return loaded


def _textblob_scorer():
    # ``PatternAnalyzer.analyze`` builds a new namedtuple CLASS on every call (~40% of its
    # time) around ``textblob.en.sentiment(text)``; call the pattern scorer directly: the
    # same (polarity, subjectivity) numbers.
    pattern_sentiment = _pattern_sentiment()
    fast = _fast_pattern()

    def score(text: str) -> tuple[float, ...]:
        if not text.strip():
            return (0.0, 0.0)
        result = fast(text) if fast is not None else None
        if result is None:
            polarity, subjectivity = pattern_sentiment(text)[:2]
            return (polarity, subjectivity)
        return result

    return score


@lru_cache(maxsize=1)
def _fast_pattern():
    """TextBlob's pattern scorer for one line of plain text, same numbers, ~2.5x faster.

    ``Sentiment.__call__`` tokenises with ``find_tokens`` (regex contraction replacements,
    per-token punctuation loops, a sentence split that the caller joins back together) and
    then runs ``assessments`` with no part-of-speech tags. For a text without line breaks
    (no end-of-sentence markers) and without sarcasm marks or spaced emoticons (the only
    rewrites that depend on the sentence split) the tokens are, per whitespace token: the same
    contraction and quote replacements (none spans white space, so applying them token by token
    is the same), ``str.split`` (the same white space as the regex ``\\s``) and the punctuation
    split. That is memoised per distinct whitespace token, with what ``assessments`` needs to
    know of each resulting word. ``assessments`` is the same loop with the lexicon's untagged
    (``None``) entries looked up once, keeping only the numbers the score uses. Any other text
    returns None and goes through TextBlob itself. Returns None (fall back) if TextBlob is not
    the expected version.
    """
    try:
        pattern = textblob_pattern()[0]
    except ImportError:  # pragma: no cover - textblob is a dependency
        return None
    from newsprism.sentiment.pattern import build_scorer

    return build_scorer(pattern, _pattern_sentiment(), _TOKEN_MEMO_MAX)


def _vader_scorer(engine: str):
    analyzer = vader_analyzer() if engine == "vader" else nltk_vader_analyzer()
    scores, columns = analyzer.polarity_scores, ENGINE_COLUMNS[engine]

    def score(text: str) -> tuple[float, ...]:
        row = scores(text)
        return tuple(row[c] for c in columns)

    return score


def score_rows(texts: Sequence[str], engine: str = "vader") -> list[tuple[float, ...]]:
    """The engine's scores of each text as tuples in ``ENGINE_COLUMNS[engine]`` order (memoised).

    >>> score_rows(["Great news."], "textblob")[0] == score_rows(["Great news."], "textblob")[0]
    True
    """
    check_engine(engine)
    memo = _SCORE_MEMO.setdefault(engine, {})
    if len(memo) > _SCORE_MEMO_MAX:
        memo.clear()
    score = _textblob_scorer() if engine == "textblob" else _vader_scorer(engine)
    rows = []
    for text in texts:
        row = memo.get(text)
        if row is None:
            row = memo[text] = score(text)
        rows.append(row)
    return rows


def headline_scores(texts: Sequence[str], engine: str = "vader") -> np.ndarray:
    """The engine's headline score (compound or polarity) for each text, as an array."""
    return score_sentences(texts, engine)[SCORE_COLUMN[engine]].to_numpy()


# -- quoted spans and the voice split --------------------------------------------------------
def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge overlaps (a single quote nested in a double quote, say)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def fallback_quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans found by pairing quotation marks (marks excluded), merged and sorted.

    Used when the quotes step did not run; the pairing is ``newsprism.quotes.marks.pair_marks``
    (apostrophes told apart from single quotes; never raises).

    >>> text = 'Kim said “we are brothers” about Russia’s ‘heroic participation’.'
    >>> [text[s:e] for s, e in fallback_quote_spans(text)]
    ['we are brothers', 'heroic participation']
    """
    return _merge((m.start, m.end) for m in pair_marks(text) if m.end > m.start)


def quote_spans_from_table(quotes: pd.DataFrame | None,
                           kinds: tuple[str, ...] = ("speech",)) -> list[tuple[int, int]] | None:
    """Spans of the quotes table rows whose ``kind`` is in ``kinds`` (None when unusable).

    Scare quotes and titles (``kind == "term"``) stay in the author's voice: nobody is being
    given a voice, the writer is marking a word.
    """
    if quotes is None or not {"start", "end"} <= set(quotes.columns):
        return None
    # Plain iteration: a boolean-mask copy of the table per article cost more than this.
    starts, ends = quotes["start"].tolist(), quotes["end"].tolist()
    if "kind" in quotes.columns and kinds:
        wanted = set(kinds)
        keep = [k in wanted for k in quotes["kind"].tolist()]
        starts = [s for s, k in zip(starts, keep, strict=True) if k]
        ends = [e for e, k in zip(ends, keep, strict=True) if k]
    return _merge(zip(map(int, starts), map(int, ends), strict=True))


def split_voice(text: str, start: int, end: int,
                quote_spans: Sequence[tuple[int, int]]) -> tuple[str, str]:
    """Split ``text[start:end]`` into (author words, quoted words) using article-level spans.

    Parts are joined with a space; quotation marks stay on the author side (VADER ignores them).

    >>> t = 'Kim called it “a glorious alliance” and Seoul was alarmed.'
    >>> split_voice(t, 0, len(t), [(15, 34)])
    ('Kim called it “ ” and Seoul was alarmed.', 'a glorious alliance')
    """
    author, quoted, cursor = [], [], start
    for q_start, q_end in quote_spans:
        if q_end <= start or q_start >= end:
            continue
        q_start, q_end = max(q_start, start), min(q_end, end)
        if q_start > cursor:
            author.append(text[cursor:q_start])
        quoted.append(text[q_start:q_end])
        cursor = max(cursor, q_end)
    if cursor < end:
        author.append(text[cursor:end])
    join = " ".join
    return (join(p.strip() for p in author if p.strip()),
            join(p.strip() for p in quoted if p.strip()))


# -- clauses ---------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|\s*[\u2014\u2015]\s*|\s+[\u2013-]{1,2}\s+"
    r"|\s*,\s*(?:but|yet|while|whereas|although|though|even though|however)\b\s*"
    r"|\s+(?:whereas|although|though|while|but)\s+(?=\w)",
    re.IGNORECASE,
)


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]`` as offsets into ``text``.

    A sentence breaks at ";", dashes, ", but", ", yet", " while ", " whereas ", " although ",
    " though "; the conjunction itself belongs to no clause (it would otherwise trigger VADER's
    "but" rule inside the clause).

    >>> t = "Putin praised the treaty, but Kim called the sanctions a disaster"
    >>> [t[s:e] for s, e in clause_spans(t)]
    ['Putin praised the treaty', 'Kim called the sanctions a disaster']
    """
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    return spans or [(start, end)]


def clause_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The clause containing ``offset`` (or the nearest one before it)."""
    chosen = spans[0]
    for span in spans:
        if span[0] <= offset:
            chosen = span
        if span[0] <= offset < span[1]:
            return span
    return chosen


# -- the annotation step ---------------------------------------------------------------------
def _option(options: Any, name: str, default: Any) -> Any:
    value = getattr(options, name, None)
    if value is None:
        for key, extra in getattr(options, "extra", ()) or ():
            if key == name:
                return extra
        return default
    return value


def sentence_voice_rows(text: str, sentences: Sequence[tuple[int, int, int]],
                        quote_spans: Sequence[tuple[int, int]],
                        word_counts: dict[str, int] | None = None) -> list[tuple[int, str, str]]:
    """(sentence_id, voice, text) for every sentence: ``all``, plus ``author``/``quoted`` parts.

    A voice whose part has no words is left out rather than scored as a neutral zero.
    ``word_counts`` (optional) caches ``count_words`` per part text and is filled in.
    """
    counts = {} if word_counts is None else word_counts

    def n_words(part: str) -> int:
        n = counts.get(part)
        if n is None:
            n = counts[part] = count_words(part)
        return n

    rows = []
    for sentence_id, start, end in sentences:
        whole = text[start:end]
        rows.append((sentence_id, "all", whole))
        author, quoted = split_voice(text, start, end, quote_spans)
        if n_words(author):
            rows.append((sentence_id, "author", author))
        if quoted and n_words(quoted):
            rows.append((sentence_id, "quoted", quoted))
    return rows


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


# -- analyses over Annotations (used by notebooks/10_sentiment) -------------------------------
def _tables(annotations: Any) -> dict[str, pd.DataFrame]:
    return annotations.tables if hasattr(annotations, "tables") else annotations


def _require(annotations: Any, name: str) -> pd.DataFrame:
    tables = _tables(annotations)
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
    sentiment = _require(annotations, "sentiment")
    sentences = _require(annotations, "sentences")
    articles = _require(annotations, "articles")
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
                   n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
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
    if n_articles >= 2:
        low, high = stats.cluster_bootstrap_ci(scores, part["article_id"].to_numpy(),
                                               n_boot=n_boot, seed=seed)
        unit, note = "articles", ""
    else:
        low, high = stats.bootstrap_ci(scores, n_boot=n_boot, seed=seed)
        unit = "sentences"
        note = ("one article only: the interval spans that article's sentences and says "
                "nothing about the outlet's other coverage")
    return {"n_articles": n_articles, "n_sentences": len(part),
            "n_words": int(part["n_words"].sum()), "estimate": float(np.mean(scores)),
            "ci_low": low, "ci_high": high,
            "n": n_articles if unit == "articles" else len(part), "resampled": unit,
            "note": note}


def outlet_scores(annotations: Any, engine: str = "vader", voice: str = "all",
                  n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Outlet tone: mean sentence score with n and a bootstrap 95% interval.

    Columns: outlet, engine, voice, n_articles, n_sentences, n_words, estimate, ci_low,
    ci_high, n (the units the interval resampled: ``resampled``), resampled, note.
    With two or more articles the bootstrap resamples ARTICLES (sentences of one article are
    not independent); with one article it resamples sentences and ``note`` says so plainly.

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


def voice_comparison(annotations: Any, engine: str = "vader", n_boot: int = 2000,
                     seed: int = 0, min_parts: int = 3) -> pd.DataFrame:
    """Per outlet, three rows (``measure``): ``author`` and ``quoted`` (mean score of the
    author-voice and quoted-voice sentence parts) and ``gap`` (quoted minus author), each an
    ``estimate`` with a bootstrap 95% interval ``ci_low``, ``ci_high`` and ``n`` (parts; both
    voices' for the gap). Columns ``VOICE_COLUMNS``.

    The gap interval resamples both parts independently (sentence parts; flagged in ``note``
    when an outlet has one article). With fewer than ``min_parts`` parts on either side the gap
    has no interval (a resampled single value would look perfectly precise).

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
    >>> voice_comparison(tables)[["outlet", "measure", "n"]].values.tolist()[:3]
    [['A', 'author', 2], ['A', 'quoted', 1], ['A', 'gap', 3]]
    """
    author = sentence_scores(annotations, engine, "author")[["outlet", "article_id", "score"]]
    quoted = sentence_scores(annotations, engine, "quoted")[["outlet", "article_id", "score"]]
    outlets = sorted(set(author["outlet"].unique()) | set(quoted["outlet"].unique()))
    rows = []
    for outlet in outlets:
        a = author.loc[author["outlet"] == outlet, "score"].to_numpy(dtype=float)
        q = quoted.loc[quoted["outlet"] == outlet, "score"].to_numpy(dtype=float)
        n_articles = author.loc[author["outlet"] == outlet, "article_id"].nunique()
        single = "one article only" if n_articles == 1 else ""
        gap_ci = stats.bootstrap_diff_ci(q, a, n_boot=n_boot, seed=seed)
        few = min(len(a), len(q)) < min_parts
        if few:
            gap_ci = (np.nan, np.nan)
        gap_note = "; ".join(filter(None, [
            f"fewer than {min_parts} parts in a voice: no interval" if few else "", single]))
        estimates = [
            ("author", np.mean(a) if len(a) else np.nan,
             stats.bootstrap_ci(a, n_boot=n_boot, seed=seed), len(a), single),
            ("quoted", np.mean(q) if len(q) else np.nan,
             stats.bootstrap_ci(q, n_boot=n_boot, seed=seed), len(q), single),
            ("gap", (np.mean(q) - np.mean(a)) if len(a) and len(q) else np.nan, gap_ci,
             len(a) + len(q), gap_note)]
        rows.extend({"outlet": outlet, "engine": engine, "measure": measure,
                     "estimate": estimate, "ci_low": low, "ci_high": high, "n": n,
                     "n_articles": n_articles, "note": note}
                    for measure, estimate, (low, high), n, note in estimates)
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


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


# -- tone toward actors ----------------------------------------------------------------------
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
    return {article_id: _merge((int(starts[i]), int(ends[i])) for i in positions if keep[i])
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
    tables = _tables(annotations)
    if "mentions" not in tables:
        raise ValueError("annotations have no 'mentions' table; run newsprism.pipeline.annotate.annotate() "
                         "with the mentions step enabled")
    mentions = tables["mentions"]
    if not len(mentions) or "actor" not in mentions.columns:  # no actor mentioned anywhere
        return pd.DataFrame(columns=ACTOR_TONE_COLUMNS)
    sentences = _require(annotations, "sentences")
    articles = _require(annotations, "articles")
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


def outlet_actor_tone(tone: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Outlet x actor: n mentions, n articles, mean clause score and bootstrap 95% interval.

    Columns: ``outlet``, ``actor``, ``n`` (mentions), ``estimate`` (mean score, -1..+1),
    ``ci_low``, ``ci_high``, ``n_articles``. With one mention the interval collapses to the
    value: read ``n`` before the interval.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> outlet_actor_tone(actor_tone(tables, "vader"))[["actor", "n", "estimate"]].values.tolist()
    [['Kim Jong Un', 1, 0.0], ['Vladimir Putin', 1, 0.4939]]
    """
    if not len(tone):
        return pd.DataFrame(columns=["outlet", "actor", "n", "estimate", "ci_low", "ci_high",
                                     "n_articles"])
    table = stats.bootstrap_group_ci(tone, ["outlet", "actor"], "score", n_boot=n_boot, seed=seed)
    n_articles = tone.groupby(["outlet", "actor"])["article_id"].nunique().rename("n_articles")
    return table.merge(n_articles, left_on=["outlet", "actor"], right_index=True)


# -- evidence: the words behind a score ------------------------------------------------------
def vader_contributions(text: str) -> list[tuple[str, float]]:
    """VADER's tokens with the valence each contributes after negation, boosters and "but".

    >>> [(w, v > 0) for w, v in vader_contributions("not a great plan") if v]
    [('great', False)]
    """
    _, words, valences = vader_analyzer().word_valences(text)
    return list(zip(words, (float(v) for v in valences), strict=True))


def highlight_contributions(text: str, engine: str = "vader") -> str:
    """``text`` as escaped HTML with each scoring word marked (green positive, red negative)
    and its VADER valence in the tooltip. TextBlob has no per-word trace, so its highlights use
    VADER's lexicon as a proxy (the caption says so).

    >>> highlight_contributions("A great day & <b>")
    'A <mark class="np-pos" style="background:#c6efce" title="+3.1">great</mark> day &amp; &lt;b&gt;'
    """
    pieces, cursor = [], 0
    for word, value in vader_contributions(text):
        # VADER tokens are whitespace tokens with edge punctuation stripped, in text order.
        at = text.find(word, cursor)
        if at < 0:
            continue
        if not value:
            continue
        pieces.append(html.escape(text[cursor:at]))
        kind, colour = ("np-pos", "#c6efce") if value > 0 else ("np-neg", "#ffc7ce")
        pieces.append(f'<mark class="{kind}" style="background:{colour}" title="{value:+.1f}">'
                      f"{html.escape(word)}</mark>")
        cursor = at + len(word)
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def driving_words(texts: Iterable[str], positive: bool = True, top: int = 3
                  ) -> list[tuple[str, float, int]]:
    """The words whose VADER valences (:func:`vader_contributions`) push ``texts`` most
    towards ``positive`` (or negative): (word lower-cased, summed valence, sentences), the
    largest sum first; the words a reader sees highlighted in :func:`extreme_sentences`.

    >>> driving_words(["A great win, a great day.", "Not bad."])  # "not" turns "bad" around
    [('great', 6.2, 1), ('win', 2.8, 1), ('bad', 1.85, 1)]
    """
    sums: dict[str, float] = {}
    seen: dict[str, set[int]] = {}
    for k, text in enumerate(texts):
        for word, value in vader_contributions(text):
            if value and (value > 0) == positive:
                key = word.lower()
                sums[key] = sums.get(key, 0.0) + value
                seen.setdefault(key, set()).add(k)
    ranked = sorted(sums, key=lambda w: (-abs(sums[w]), w))[:top]
    return [(w, round(sums[w], 2), len(seen[w])) for w in ranked]


def extreme_sentences(annotations: Any, engine: str = "vader", k: int = 5,
                      min_words: int = 6) -> pd.DataFrame:
    """The ``k`` most positive and ``k`` most negative sentences (``side`` = positive|negative)
    with outlet, ids, score, text and ``html`` (escaped text, driving words highlighted).

    Columns: ``side``, ``outlet``, ``article_id``, ``sentence_id``, ``engine``, ``score``
    (-1..+1), ``n_words``, ``text``, ``html``. Sentences under ``min_words`` words are left
    out. Examples to read, not a measure.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> extreme_sentences(tables, k=1, min_words=2)[["side", "text"]].values.tolist()
    [['positive', 'Putin praised the treaty.'], ['negative', 'Sanctions hurt.']]
    """
    rows = sentence_scores(annotations, engine)
    rows = rows[rows["n_words"] >= min_words]
    top = rows.nlargest(k, "score").assign(side="positive")
    bottom = rows.nsmallest(k, "score").assign(side="negative")
    out = pd.concat([top, bottom], ignore_index=True)
    out["html"] = [highlight_contributions(t, engine) for t in out["text"]]
    return out[["side", "outlet", "article_id", "sentence_id", "engine", "score", "n_words",
                "text", "html"]]


# -- agreement between engines ---------------------------------------------------------------
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
    sentences = _require(annotations, "sentences")
    articles = _require(annotations, "articles")
    sentiment = _tables(annotations).get("sentiment")
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
    >>> agreement_sample_note(wide)[:60]
    'Computed on a seeded random sample of 20000 of 50000 English'
    """
    if not wide.attrs.get("sampled"):
        return ""
    return (f"Computed on a seeded random sample of {wide.attrs['n_compared']} of "
            f"{wide.attrs['n_total']} English sentences (seed {wide.attrs['seed']}): "
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


def three_class(scores: Sequence[float] | np.ndarray, band: float = NEUTRAL_BAND) -> np.ndarray:
    """-1 / 0 / +1 with a neutral band (VADER's conventional ±0.05).

    >>> three_class([0.5, 0.01, -0.2]).tolist()
    [1, 0, -1]
    """
    values = np.asarray(scores, dtype=float)
    return np.where(values >= band, 1, np.where(values <= -band, -1, 0))


def actor_evidence(tone: pd.DataFrame, per_side: int = 1, width: int = 90) -> pd.DataFrame:
    """Evidence for the actor table: per actor, its most positive and most negative clause.

    Columns: actor, side ("most positive" or "most negative"; an actor with one clause
    shows it on both sides), outlet, article_id, score, evidence (escaped HTML: the clause with the
    mention marked, via ``newsprism.viz.display.kwic_html``).

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> actor_evidence(actor_tone(tables, "vader"))[["actor", "side", "score"]].values.tolist()
    [['Kim Jong Un', 'most positive', 0.0], ['Kim Jong Un', 'most negative', 0.0], ['Vladimir Putin', 'most positive', 0.4939], ['Vladimir Putin', 'most negative', 0.4939]]
    """
    from newsprism.viz.display import kwic_html

    if not len(tone):
        return pd.DataFrame(columns=["actor", "side", "outlet", "article_id", "score",
                                     "evidence"])
    rows = []
    for actor, part in tone.groupby("actor", sort=True):
        picks = [("most positive", part.nlargest(per_side, "score")),
                 ("most negative", part.nsmallest(per_side, "score"))]
        for side, chosen in picks:
            for r in chosen.itertuples(index=False):
                start, end = r.start - r.clause_start, r.end - r.clause_start
                rows.append((actor, side, r.outlet, r.article_id, r.score,
                             str(kwic_html(r.clause, start, end, width=width))))
    return pd.DataFrame(rows, columns=["actor", "side", "outlet", "article_id", "score",
                                       "evidence"])
