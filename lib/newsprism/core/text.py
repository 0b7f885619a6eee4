"""Text units with character offsets: paragraphs and sentences.

Offsets always index the string that was passed in, so every unit can be traced back to
(and highlighted in) the cleaned article text.

>>> from newsprism.core.text import split_sentences
>>> text = 'On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense. "Go," he said.'
>>> [text[s:e] for s, e in split_sentences(text)]
['On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense.', '"Go," he said.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.core.lazy import pandas as pd
from newsprism.core.resources import PUNKT_DIR, SENTENCE_STARTERS, punkt_tokenizer

if TYPE_CHECKING:  # NLTK (and the SciPy it pulls in) loads on the first sentence split
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_PARAGRAPH = re.compile(r"[^\n]+")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
# A sentence that starts lower-case continues the previous one when that one ended in a quote or
# a ?/! (`"Why?" he asked.`, `“We will win,” Kim said.`). After a plain period a lower-case
# start is a real sentence in this corpus ("north Korea is ..."), so it stays split.
_CONTINUATION = re.compile(rf"^[\s{_QUOTES}]*[a-z]")
_OPEN_END = re.compile(rf"(?:[?!][{_QUOTES})]*|[,;:]?[{_QUOTES}]|\.\))\s*$")
# `“Is it over?” Graham asked.`: a named speaker and a speech verb after a quoted question.
_QUESTION_END = re.compile(rf"[?!][{_QUOTES}]\s*$")
@lru_cache(maxsize=1)
def _speaker_tag() -> re.Pattern:
    """A name and a speech verb of ``speaker_tag_verbs`` (cue_verbs.yml), read on first use."""
    from newsprism.core.cue_lexicon import cue_alternation

    return re.compile(r"^(?:[A-Z][\w'’.\-]*\s+){1,3}(?:"
                      + cue_alternation("speaker_tag_verbs") + r")\b")
# "No. 10", "Nos. 3": Punkt no longer treats "no" as an abbreviation ("The answer was no.").
# A sentence never starts with closing punctuation or an ellipsis ("(D-N.C. | ), head of",
# "no proof of it. | ... He would"): such a piece belongs to the previous sentence.
_DANGLING = re.compile(r"^[)\]},;:]|^(?:\.\.\.|…)")
# Initials after a name or title ("Rep. G.K. Butterfield", "John F. Kennedy") do not end a
# sentence before a capitalised name; "the U.S. The Kremlin" still does (lower-case before).
_INITIALS_END = re.compile(r"(?:^|\s)[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s?){1,3}$")
_NAME_START = re.compile(r"^[A-Z][a-z]+\b")
_NUMBER_ABBREVIATION = re.compile(r"\b(?:[Nn]o|[Nn]os)\.\s*$")
_STARTS_WITH_DIGIT = re.compile(r"^\s*\d")
# "a.m."/"p.m." before a capitalised word ends the sentence unless a day, month or time zone
# follows ("at 11 p.m. Officials left" vs "at 10 a.m. Monday", "at 9 a.m. ET").
_CLOCK = re.compile(
    r"\b[ap]\.m\.(?=\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\b)(?![A-Z]{1,4}\b)(?![A-Z][a-z]+\s+(?:time|Time)\b)[\"“‘(]?[A-Z])"
)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    tokenizer = punkt_tokenizer("english")  # without importing all of NLTK
    if not tokenizer._params.abbrev_types:  # pragma: no cover - packaging error
        raise RuntimeError(f"Punkt parameters missing or empty in {PUNKT_DIR}")
    return tokenizer


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: each non-blank line, stripped of surrounding spaces.

    >>> split_paragraphs("One.\\n\\n  Two. \\nThree")
    [(0, 4), (8, 12), (14, 19)]
    """
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = strip_span(text, *match.span())
        if end > start:
            spans.append((start, end))
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past surrounding white space (may become empty).

    >>> strip_span("  a b ", 0, 6)
    (2, 5)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s, e in _tokenizer().span_tokenize(text[start:end]):
        s, e = s + start, e + start
        if spans:
            previous = text[spans[-1][0]:spans[-1][1]]
            here = text[s:e]
            if _DANGLING.match(here) or (
                    _INITIALS_END.search(previous) and _NAME_START.match(here)
                    and _first_word(here) not in SENTENCE_STARTERS) or (
                    _CONTINUATION.match(here) and _OPEN_END.search(previous)) or (
                    _QUESTION_END.search(previous) and _speaker_tag().match(here)) or (
                    _NUMBER_ABBREVIATION.search(previous) and _STARTS_WITH_DIGIT.match(here)):
                spans[-1] = (spans[-1][0], e)
                continue
        spans.extend(_split_at_clock(text, s, e))
    return spans


def _first_word(text: str) -> str:
    # Only needed after initials before a capitalised word (rare): not computed per sentence.
    words = text.split(maxsplit=1)
    return words[0].lower() if words else ""


def _split_at_clock(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one Punkt sentence after "a.m."/"p.m." when a new sentence clearly starts."""
    spans = []
    for match in _CLOCK.finditer(text, start, end):
        spans.append((start, match.end()))
        start = match.end()
        while start < end and text[start].isspace():
            start += 1
    spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    Sentences never cross a paragraph (line) break. News abbreviations ("Dec.", "U.S.",
    "Mr.", "a.m.", "Jr.") do not end a sentence; closing quotation marks stay with the
    sentence they close.

    >>> split_sentences("Hello there. Bye.")
    [(0, 12), (13, 17)]
    """
    spans: list[tuple[int, int]] = []
    for start, end in split_paragraphs(text):
        spans.extend(_split_paragraph(text, start, end))
    return spans


def sentence_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every article: ids, paragraph, offsets and text.

    ``articles`` needs ``article_id`` and ``text``. Offsets index the article's ``text``.

    >>> import pandas as pd
    >>> sentence_table(pd.DataFrame({"article_id": ["a"], "text": ["One. Two.\\nThree."]}))[
    ...     ["sentence_id", "paragraph_id", "text"]].values.tolist()
    [[0, 0, 'One.'], [1, 0, 'Two.'], [2, 1, 'Three.']]
    """
    rows = []
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        rows.extend(_article_sentences(article_id, text))
    return pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
    )


def sentences_in_articles(articles: pd.DataFrame, sentences: pd.DataFrame | None = None
                          ) -> Iterator[tuple[Any, str, str]]:
    """``(sentence row, outlet, sentence text)`` for every sentence of ``articles``.

    ``sentences`` is an annotated sentence table (with offsets); without one (or with one
    lacking ``start``) the articles are split here. Sentences of articles not in ``articles``
    are skipped. The text is cut from the article, so the row's offsets index it.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": ["One. Two."]})
    >>> [(row.sentence_id, outlet, body) for row, outlet, body in sentences_in_articles(arts)]
    [(0, 'A', 'One.'), (1, 'A', 'Two.')]
    """
    if sentences is None or sentences.empty or "start" not in sentences:
        sentences = sentence_table(articles)
    text = dict(zip(articles["article_id"], articles["text"], strict=True))
    outlet = dict(zip(articles["article_id"], articles["outlet"], strict=True))
    for row in sentences.itertuples(index=False):
        if row.article_id in text:
            yield row, outlet[row.article_id], text[row.article_id][row.start:row.end]


def _article_sentences(article_id: str, text: str) -> Iterable[tuple]:
    sentence_id = 0
    for paragraph_id, (p_start, p_end) in enumerate(split_paragraphs(text)):
        for start, end in _split_paragraph(text, p_start, p_end):
            yield article_id, sentence_id, paragraph_id, start, end, text[start:end]
            sentence_id += 1


def count_words(text: str) -> int:
    """Number of word tokens (letters or digits; inner apostrophes, hyphens, and the separators
    of numbers such as "15,000" or "3.5" kept).

    >>> count_words("Kim Jong-un's letter, 2026.")
    4
    """
    return len(_WORD.findall(text))


# THE definition of a word, used everywhere a word is counted, compared or hashed (rates per
# 1,000 words, keyness, TF-IDF, shingles, copied passages, quote wording): letters or digits;
# inner apostrophes and hyphens join a word; "15,000" and "3.5" are one number, not two words.
_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019\-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
WORD = _WORD


def fold_word(word: str) -> str:
    """A word as compared: lower case, curly apostrophe folded to a straight one."""
    return word.lower().replace("\u2019", "'")


def words(text: str) -> list[str]:
    """The words of ``text`` (see :data:`WORD`), folded for comparison (:func:`fold_word`).

    >>> words("Kim Jong-un’s letter of 15,000 words.")
    ['kim', "jong-un's", 'letter', 'of', '15,000', 'words']
    """
    return fold_words(_WORD.findall(text))


def fold_words(found: list[str]) -> list[str]:
    """:func:`fold_word` of every word at once (one lower-casing of the joined words, not one
    call per word: a corpus has millions). Words hold no line break, and a line break is
    neither cased nor case-ignorable, so each word folds as it would alone.

    >>> fold_words(["Kim", "Jong-Un’s"])
    ['kim', "jong-un's"]
    """
    if not found:
        return []
    return "\n".join(found).lower().replace("\u2019", "'").split("\n")


def word_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The folded words of ``text`` and their character spans.

    >>> word_spans("Go, Kim!")
    (['go', 'kim'], [(0, 2), (4, 7)])
    """
    return fold_words(_WORD.findall(text)), [m.span() for m in _WORD.finditer(text)]


def word_span_array(text: str) -> tuple[list[str], np.ndarray]:
    """:func:`word_spans` with the spans as an ``(n, 2)`` integer array, built without a
    Python loop per word (for hashing a large corpus).

    >>> found, spans = word_span_array("Go, Kim!")
    >>> found, spans.tolist()
    (['go', 'kim'], [[0, 2], [4, 7]])
    """
    flat = np.fromiter(chain.from_iterable(map(re.Match.span, _WORD.finditer(text))),
                       dtype=np.int64)
    return fold_words(_WORD.findall(text)), flat.reshape(-1, 2)


def per_1k(count, n_words):
    """THE rate per 1,000 words: ``1000 × count / n_words``, NaN where there are no words
    (never a rate over an invented denominator). Scalars, arrays or pandas Series.

    >>> per_1k(3, 1500), per_1k(0, 0)
    (2.0, nan)
    """
    if np.ndim(n_words) == 0:
        return 1000.0 * count / n_words if n_words > 0 else float("nan")
    if isinstance(n_words, pd.Series):
        return 1000.0 * count / n_words.where(n_words > 0)
    n_words = np.asarray(n_words, dtype=float)
    return 1000.0 * np.asarray(count, dtype=float) / np.where(n_words > 0, n_words, np.nan)


SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]


def article_sentence_rows(article, tables, options) -> pd.DataFrame:
    """Annotation step: the sentence table of one article (see ``newsprism.pipeline.annotate``)."""
    return pd.DataFrame(list(_article_sentences(article.article_id, article.text)),
                        columns=SENTENCE_COLUMNS)


def article_sentence_tuples(article, tables, options):
    """The rows of :func:`article_sentence_rows` as a ``newsprism.pipeline.annotate.RowTable``."""
    from newsprism.core.tables import RowTable

    return RowTable(SENTENCE_COLUMNS, list(_article_sentences(article.article_id, article.text)))
