"""Line features of page text and the fitted furniture score (any language, plain text only).

A page copied from a browser is mostly one text block per line: navigation, teasers, footers
and comments around a run of body paragraphs. Each non-blank line gets a few numbers that
plain text still carries:

- shape: length (CJK characters count three), words, sentence ends, a final punctuation
  mark, digits, capitals, URLs / handles / hashtags, markup left-overs, separators;
- position: inside, before or after the *body region* (the run of lines with the largest
  sum of body-like characters minus a cost per other line) and how far from it;
- neighbours: how body-like the lines around it are;
- context: how long and how body-like the lines around it are, how many body-like lines
  come before and after it;
- repetition: the line occurs more than once on the page;
- words: a weight per word of short lines, learnt across sites ("share", "Impressum",
  "Kommentare" are furniture in any site of a language; body words cancel out).

A logistic model (``data/clean/line_model.json``, written by ``python -m
newsprism.corpus.clean_fit`` from the tuning part of the pagetext set) turns them into the
probability that a line is furniture. :mod:`newsprism.corpus.clean` removes a line only above the
model's threshold, chosen so that body text is kept (see ``clean_fit``).

>>> lines = ["Home", "News", "The minister said on Monday that the budget would pass after "
...          "a long debate in parliament.", "It was the third attempt this year, and the "
...          "opposition called the whole procedure a farce once again.", "Imprint"]
>>> body_region(lines)
(2, 3)
>>> scores = furniture_scores(lines)
>>> bool(scores[2] < scores[0] and scores[3] < scores[4])
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from newsprism.core import paths
from newsprism.corpus.clean_chars import Page
from newsprism.corpus.clean_context import context_scores, stack_columns, window_means

MODEL_FILE = paths.PACKAGE_DATA / "clean" / "line_model.json"
# A body-like line: this many characters (CJK count 3 each) and a sentence end.
BODY_MIN_CHARS = 80
# Body region: non-body lines cost this much plus their length (capped).
REGION_LINE_COST = 20
REGION_LENGTH_CAP = 60

_SENT_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?=\s|$)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
# Every match of ``_URL`` starts with @ or # or one of these pairs of characters (first, next).
_URL_STARTS = [(".", "cdhnop"), ("w", "w"), ("h", "t")]

FEATURES = [
    "log_len", "sent_ends", "ends_sentence", "ends_colon", "capital_share", "url_like",
    "markup", "comma_share", "in_region", "after_region", "log_dist_region", "window_body",
    "prev_body", "in_region_x_len", "short_in_region", "in_span", "log_dist_body",
    "next_log_len", "relative_position", "window_len_2", "window_len_5", "window_body_10",
    "log_body_before", "log_body_after", "log_words", "repeated_in_page", "log_index",
    "log_from_end",
]
# Word weights apply to the first words of short lines only (long lines are paragraphs).
LEXICAL_MAX_CHARS = 200
LEXICAL_MAX_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+")
_CAPITAL = r"[^\W\d_a-zà-ÿ]"  # a word starting with this (after white space) is capitalised


def effective_length(line: str) -> int:
    """Characters of a line, CJK characters counted three (a CJK character carries about as
    much text as three Latin ones)."""
    return len(line) * 3 if _CJK.search(line, 0, 40) else len(line)


def _is_body_like(line: str, length: int) -> bool:
    return length >= BODY_MIN_CHARS and line[0] != "<" and _SENT_END.search(line) is not None


def _region(lengths: list[int], body: list[bool]) -> tuple[int, int]:
    best, start, total, region = 0, 0, 0, (-1, -1)
    for i, (length, is_body) in enumerate(zip(lengths, body, strict=True)):
        if total <= 0:
            total, start = 0, i
        total += length if is_body else -min(length, REGION_LENGTH_CAP) - REGION_LINE_COST
        if total > best:
            best, region = total, (start, i)
    return region


def body_region(lines: list[str]) -> tuple[int, int]:
    """(first, last) index of the body region among ``lines`` (stripped, non-blank): the run
    with the largest sum of body-like characters minus a cost per other line; (-1, -1) when
    no line is body-like."""
    lengths = [effective_length(line) for line in lines]
    return _region(lengths, [_is_body_like(line, n) for line, n in zip(lines, lengths,
                                                                       strict=True)])


def _distance_to_body(body: np.ndarray) -> np.ndarray:
    """Lines to the nearest body-like line (0 on one; len(body) when there is none)."""
    n = len(body)
    index = np.arange(n)
    at = np.flatnonzero(body)
    if not len(at):
        return np.full(n, n)
    position = np.clip(np.searchsorted(at, index), 1, len(at)) - 1
    after = np.minimum(position + 1, len(at) - 1)
    return np.minimum(np.abs(index - at[position]), np.abs(at[after] - index))


def line_features(lines: list[str]) -> np.ndarray:
    """One row of ``FEATURES`` per line (``lines`` stripped, non-blank)."""
    return _features_and_region(lines)[0]


def _capitals_and_urls(lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per line: how many words start with a capital, and does it hold a URL, handle or
    hashtag (``_URL``, tried only on lines holding one of its first two characters)."""
    page = Page(lines)
    capitals = page.count_per_line(page.word_starts(_CAPITAL))
    candidates = page.one_of("@#")
    for first, second in _URL_STARTS:
        candidates |= page.followed_by(first, second)
    url = page.lines_with(candidates)
    for k in np.flatnonzero(url).tolist():
        url[k] = _URL.search(lines[k]) is not None
    return capitals, url


def effective_lengths(lines: list[str]) -> list[int]:
    """:func:`effective_length` of each line."""
    return [effective_length(line) for line in lines]


def _features_and_region(lines: list[str], lengths: list[int] | None = None
                         ) -> tuple[np.ndarray, tuple[int, int]]:
    n = len(lines)
    lengths = effective_lengths(lines) if lengths is None else lengths
    sentence_ends = [len(_SENT_END.findall(line)) for line in lines]
    # ``_is_body_like``, with the sentence ends found once
    body_list = [length >= BODY_MIN_CHARS and ends > 0 and line[0] != "<"
                 for line, length, ends in zip(lines, lengths, sentence_ends, strict=True)]
    capitals, url = _capitals_and_urls(lines)
    first, last = _region(lengths, body_list)
    body = np.asarray(body_list, dtype=bool)
    size = np.asarray(lengths, dtype=float)
    words = np.maximum([line.count(" ") + 1 for line in lines], 1)
    index = np.arange(n)
    log_len = np.log1p(size)
    inside = (index >= first) & (index <= last) if first >= 0 else np.zeros(n, dtype=bool)
    after = (index > last) if first >= 0 else np.zeros(n, dtype=bool)
    dist_region = np.where(inside | (first < 0), 0, np.where(index < first, first - index,
                                                             index - last))
    cumulative = np.concatenate([[0], np.cumsum(body)])
    window = (cumulative[np.minimum(index + 4, n)] - cumulative[np.maximum(index - 3, 0)]) / 7
    at = np.flatnonzero(body)
    span = ((index >= at[0]) & (index <= at[-1])) if len(at) else np.zeros(n, dtype=bool)
    last_chars = [line[-1] for line in lines]
    columns = [
        log_len,
        np.minimum(sentence_ends, 4),
        [c in ".!?。！？…\"”’»)" for c in last_chars], [c == ":" for c in last_chars],
        capitals / words, url,
        [line[0] in "<{[=" or "{" in line for line in lines],
        np.asarray([line.count(",") for line in lines]) / words,
        inside, after, np.log1p(dist_region), window,
        np.concatenate([[False], body[:-1]]), inside * log_len, inside & (size < 40), span,
        np.log1p(_distance_to_body(body)), np.concatenate([log_len[1:], [0.0]]),
        index / max(n - 1, 1),
        *_context_columns(log_len, body, words, lines),
    ]
    return stack_columns(columns, n), (first, last)


def _context_columns(log_len: np.ndarray, body: np.ndarray, words, lines: list[str]) -> list:
    """Neighbourhood, body lines before / after, words, in-page repeats, distance to the ends."""
    n = len(lines)
    index = np.arange(n)
    body_before = np.concatenate([[0], np.cumsum(body)[:-1]])
    body_after = body.sum() - body_before - body
    counts = Counter(lines)
    return [*window_means(log_len, (2, 5)),
            *window_means(body.astype(float), (10,)), np.log1p(body_before),
            np.log1p(body_after), np.log(words), [counts[line] > 1 for line in lines],
            np.log1p(index), np.log1p(n - 1 - index)]


def line_words(line: str) -> set[str]:
    """The words a line's word weights apply to: the first ``LEXICAL_MAX_WORDS`` lower-cased
    words of a line of at most ``LEXICAL_MAX_CHARS`` characters (none for longer lines).

    >>> sorted(line_words("Share this: Facebook"))
    ['facebook', 'share', 'this']
    """
    if len(line) > LEXICAL_MAX_CHARS:
        return set()
    return set(_WORD.findall(line.lower())[:LEXICAL_MAX_WORDS])


def word_scores(lines: list[str], weights: dict[str, float]) -> np.ndarray:
    """Sum of the fitted weights of each line's words (0 for unknown words)."""
    # unknown words are left out rather than added as 0.0: the same sums, fewer look-ups;
    # found once per distinct line (pages repeat menus and teasers)
    found = {line: sum([weights[word] for word in line_words(line) if word in weights])
             for line in set(lines)}
    return np.asarray([found[line] for line in lines], dtype=float)


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The fitted model: ``features``, ``mean``, ``scale``, ``coef``, ``intercept``,
    ``words`` (weight per word), ``threshold``, ``strict_threshold`` (and how it was fitted)."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def furniture_scores(lines: list[str], model: dict | None = None) -> np.ndarray:
    """Probability that each line is page furniture, from the fitted model (both passes when
    it has a ``context`` part, see :mod:`newsprism.corpus.clean_context`)."""
    return scores_and_region(lines, model)[0]


def scores_and_region(lines: list[str], model: dict | None = None,
                      lengths: list[int] | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """:func:`furniture_scores` and :func:`body_region` of ``lines`` in one pass
    (``lengths``: their :func:`effective_lengths` when the caller has them already)."""
    if not lines:
        return np.zeros(0), (-1, -1)
    model = model or load_model()
    features, region = _features_and_region(lines, lengths)
    x = (features - np.asarray(model["mean"])) / np.asarray(model["scale"])
    z = x @ np.asarray(model["coef"]) + model["intercept"]
    if model.get("words"):
        z = z + word_scores(lines, model["words"])
    scores = 1.0 / (1.0 + np.exp(-z))
    if model.get("context"):  # the second pass: scores read against the whole page
        scores = context_scores(np.expm1(features[:, 0]), scores, model["context"])
    return scores, region
