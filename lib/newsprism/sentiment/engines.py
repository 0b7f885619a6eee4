"""Sentence sentiment engines: score texts with a lexicon engine, memoised.

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

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from newsprism.core.lazy import pandas as pd
from newsprism.core.resources import textblob_pattern
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


# Conventional VADER neutral band; used for every engine so the three classes are comparable.
NEUTRAL_BAND = 0.05


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


def three_class(scores: Sequence[float] | np.ndarray, band: float = NEUTRAL_BAND) -> np.ndarray:
    """-1 / 0 / +1 with a neutral band (VADER's conventional ±0.05).

    >>> three_class([0.5, 0.01, -0.2]).tolist()
    [1, 0, -1]
    """
    values = np.asarray(scores, dtype=float)
    return np.where(values >= band, 1, np.where(values <= -band, -1, 0))
