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
from itertools import repeat

import numpy as np

from newsprism.core import paths
from newsprism.corpus.clean_chars import Page, in_class
from newsprism.corpus.clean_context import (
    context_scores,
    linear_arrays,
    page_products,
    stack_columns,
    window_means,
)
from newsprism.corpus.clean_segments import Segments

MODEL_FILE = paths.PACKAGE_DATA / "clean" / "line_model.json"
# A body-like line: this many characters (CJK count 3 each) and a sentence end.
BODY_MIN_CHARS = 80
# Body region: non-body lines cost this much plus their length (capped).
REGION_LINE_COST = 20
REGION_LENGTH_CAP = 60

_SENT_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?=\s|$)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_FIRST = 0x3040
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
# Every match of ``_URL`` starts with @ or # or one of these pairs of characters (first, next).
# Every other match is at least three characters long, the third one of the last ones listed.
_URL_STARTS = [(".", "cdhnop", "ehort"), ("w", "w", "w"), ("h", "t", "t")]
# Per code point, one bit per triple of ``_URL_STARTS`` it can start (``_URL_FIRST``), go on
# (``_URL_NEXT``) or stand third in (``_URL_THIRD``); ``_URL_ANY`` for "@" and "#", which
# start a match on their own.
_URL_FIRST = np.zeros(0x110000, dtype=np.uint8)
_URL_NEXT = np.zeros(0x110000, dtype=np.uint8)
_URL_THIRD = np.zeros(0x110000, dtype=np.uint8)
_URL_ANY = 1 << len(_URL_STARTS)
for _bit, (_first, _nexts, _thirds) in enumerate(_URL_STARTS):
    _URL_FIRST[ord(_first)] |= 1 << _bit
    _URL_NEXT[[ord(char) for char in _nexts]] |= 1 << _bit
    _URL_THIRD[[ord(char) for char in _thirds]] |= 1 << _bit
_URL_FIRST[[ord("@"), ord("#")]] = _URL_ANY
del _bit, _first, _nexts, _thirds

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
_WORD_CLASS = r"[^\W\d_]"  # ``_WORD`` is runs of it
assert _WORD.pattern == _WORD_CLASS + "+"
_CAPITAL = r"[^\W\d_a-zà-ÿ]"  # a word starting with this (after white space) is capitalised


def effective_length(line: str) -> int:
    """Characters of a line, CJK characters counted three (a CJK character carries about as
    much text as three Latin ones)."""
    return len(line) * 3 if _CJK.search(line, 0, 40) else len(line)


def _effective_lengths(page: Page) -> np.ndarray:
    """:func:`effective_length` of each line of a page."""
    if not page.n or page.codes.max() < _CJK_FIRST:  # most pages: no CJK character at all
        return page.lengths
    return page.lengths * np.where(page.in_first(page.has(_CJK.pattern), 40), 3, 1)


def _is_body_like(line: str, length: int) -> bool:
    return length >= BODY_MIN_CHARS and line[0] != "<" and _SENT_END.search(line) is not None


def _region(lengths: np.ndarray, body: np.ndarray) -> tuple[int, int]:
    """The run with the largest sum of ``lengths`` of body lines minus the (capped) length
    and a cost per other line; the first such run, started as late as possible."""
    gains = np.where(body, lengths, -np.minimum(lengths, REGION_LENGTH_CAP) - REGION_LINE_COST)
    total = np.concatenate([[0], gains.cumsum()])  # integers: sums are exact
    lowest = np.minimum.accumulate(total[:-1])
    best = total[1:] - lowest
    last = int(best.argmax()) if len(best) else 0
    if not len(best) or best[last] <= 0:
        return -1, -1
    # a run restarts where the running total falls to or below its lowest point so far
    first = last - int(total[last::-1].argmin())
    return first, last


def body_region(lines: list[str]) -> tuple[int, int]:
    """(first, last) index of the body region among ``lines`` (stripped, non-blank): the run
    with the largest sum of body-like characters minus a cost per other line; (-1, -1) when
    no line is body-like."""
    lengths = [effective_length(line) for line in lines]
    return _region(np.asarray(lengths, dtype=np.int64),
                   np.asarray([_is_body_like(line, n) for line, n in zip(lines, lengths,
                                                                         strict=True)]))


def line_features(lines: list[str]) -> np.ndarray:
    """One row of ``FEATURES`` per line (``lines`` stripped, non-blank)."""
    return _features_and_region(Page(lines))[0]


def _capitals_and_urls(page: Page) -> tuple[np.ndarray, np.ndarray]:
    """Per line: how many words start with a capital, and does it hold a URL, handle or
    hashtag (``_URL``, tried only on lines holding one of its first two characters)."""
    capitals = page.count_per_line(page.word_starts(_CAPITAL))
    codes = page.codes
    first = _URL_FIRST[codes]
    candidates = first == _URL_ANY
    # a triple of ``_URL_STARTS``: the same bit set for a character and the next two (looked
    # up only after a character that can start one)
    at = first[:-2].nonzero()[0]
    candidates[at] |= (first[at] & _URL_NEXT[codes[at + 1]] & _URL_THIRD[codes[at + 2]]) != 0
    url = page.lines_with(candidates)
    for k in url.nonzero()[0].tolist():
        url[k] = _URL.search(page.lines[k]) is not None
    return capitals, url


def effective_lengths(lines: list[str] | Page) -> np.ndarray:
    """:func:`effective_length` of each line (of a list, or of a
    :class:`~newsprism.corpus.clean_chars.Page` of lines)."""
    return _effective_lengths(lines if isinstance(lines, Page) else Page(lines))


def _chars(chars: str) -> np.ndarray:
    """A table of every code point: is it one of ``chars``."""
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(char) for char in chars]] = True
    return table


_ENDS_SENTENCE = _chars(".!?。！？…\"”’»)")
_MARKUP_FIRST = _chars("<{[=")

# ``_SENT_END`` is one of these marks, then any of these closers (for the page-wide count)
_SENT_ENDERS = ".!?。！？…"
_SENT_CLOSERS = "\"'”’»)]"
_SENT_MARK, _SENT_CLOSER = _chars(_SENT_ENDERS), _chars(_SENT_CLOSERS)
assert _SENT_END.pattern == f"[{_SENT_ENDERS}][\\\"'”’»)\\]]*(?=\\s|$)"


def sentence_end_counts(page: Page) -> np.ndarray:
    """Per line of a :class:`~newsprism.corpus.clean_chars.Page`: how many matches of
    ``_SENT_END`` it holds, for the whole page at once. A mark matches when the first
    character after it and its closing quotes / brackets is white space or the line end
    (no match spans a line, and marks never stand among closers, so matches cannot overlap).
    """
    if not page.n:
        return np.zeros(0, dtype=np.int64)
    marks = _SENT_MARK[page.codes].nonzero()[0]
    if not len(marks):
        return np.zeros(page.n, dtype=np.int64)
    # where the run of closers after each mark stops (the page end counts as white space),
    # walked one character at a time for the few marks a closer follows
    codes, size = page.codes, len(page.codes)
    stop = marks + 1
    going = (stop < size).nonzero()[0]
    going = going[_SENT_CLOSER[codes[stop[going]]]]
    while len(going):
        stop[going] += 1
        going = going[stop[going] < size]
        going = going[_SENT_CLOSER[codes[stop[going]]]]
    ends = in_class(page.codes[np.minimum(stop, size - 1)], r"\s") | (stop == size)
    return np.bincount(page.line_of[marks[ends]], minlength=page.n)


def _features_and_region(page: Page, lengths: np.ndarray | None = None,
                         segments: Segments | None = None
                         ) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Line features of a page and its body region; of each page, when ``segments`` tells
    the pages whose lines ``page`` holds end to end (the same numbers as page by page)."""
    n = page.n
    segments = Segments([n]) if segments is None else segments
    lengths = _effective_lengths(page) if lengths is None else np.asarray(lengths)
    sentence_ends = sentence_end_counts(page)
    first_codes, last_codes = page.first_codes(), page.last_codes()
    body = (lengths >= BODY_MIN_CHARS) & (sentence_ends > 0) & (first_codes != ord("<"))
    capitals, url = _capitals_and_urls(page)
    regions = [_region(lengths[a:b], body[a:b]) for a, b in segments.spans()]
    first, last = segments.spread_pairs(regions)
    size = lengths.astype(float)
    words = page.count_per_line(page.codes == ord(" ")) + 1
    index = segments.index
    log_len = np.log1p(size)
    found = first >= 0
    inside = found & (index >= first) & (index <= last)
    after = found & (index > last)
    dist_region = np.where(inside | (first < 0), 0, np.where(index < first, first - index,
                                                             index - last))
    window = segments.window_sums(body.astype(np.int64), 3, 4) / 7
    body_first, body_last = segments.first_and_last(body)
    span = (body_first >= 0) & (index >= body_first) & (index <= body_last)
    columns = [
        log_len,
        np.minimum(sentence_ends, 4),
        _ENDS_SENTENCE[last_codes], last_codes == ord(":"),
        capitals / words, url,
        _MARKUP_FIRST[first_codes] | page.lines_with(page.codes == ord("{")),
        page.count_per_line(page.codes == ord(",")) / words,
        inside, after, np.log1p(dist_region), window,
        segments.shift_down(body, False), inside * log_len, inside & (size < 40), span,
        np.log1p(segments.nearest(body)), segments.shift_up(log_len, 0.0),
        index / np.maximum(segments.size - 1, 1),
        *_context_columns(log_len, body, words, page.lines, segments),
    ]
    return stack_columns(columns, n), regions


def _context_columns(log_len: np.ndarray, body: np.ndarray, words, lines: list[str],
                     segments: Segments) -> list:
    """Neighbourhood, body lines before / after, words, in-page repeats, distance to the ends."""
    index = segments.index
    body_before = segments.before(body)
    body_after = segments.per_page_sum(body) - body_before - body
    return [*window_means(log_len, (2, 5), segments),
            *window_means(body.astype(float), (10,), segments), np.log1p(body_before),
            np.log1p(body_after), np.log(words), _repeated(lines, segments),
            np.log1p(index), np.log1p(segments.size - 1 - index)]


def _repeated(lines: list[str], segments: Segments) -> list[bool]:
    """Per line: does it occur more than once in its page."""
    repeated: list[bool] = []
    for a, b in segments.spans():
        twice = {line for line, n in Counter(lines[a:b]).items() if n > 1}
        repeated += map(twice.__contains__, lines[a:b]) if twice else [False] * (b - a)
    return repeated


def line_words(line: str) -> set[str]:
    """The words a line's word weights apply to: the first ``LEXICAL_MAX_WORDS`` lower-cased
    words of a line of at most ``LEXICAL_MAX_CHARS`` characters (none for longer lines).

    >>> sorted(line_words("Share this: Facebook"))
    ['facebook', 'share', 'this']
    """
    if len(line) > LEXICAL_MAX_CHARS:
        return set()
    return set(_WORD.findall(line.lower())[:LEXICAL_MAX_WORDS])


# Word ids of the weights of the models in use (a model's ``words`` dict, kept with its ids).
_VOCABULARIES: dict[int, tuple[dict, dict[str, int], np.ndarray, np.ndarray]] = {}
_UNKNOWN_ID = -1


def _vocabulary(weights: dict[str, float]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """({word: id}, weight per id, sorted :func:`_shape_keys` of the words) for a dict of
    word weights."""
    entry = _VOCABULARIES.get(id(weights))
    if entry is None or entry[0] is not weights:
        ids = {word: i for i, word in enumerate(weights)}
        words = [word for word in weights if word]
        keys = _shape_keys(np.array([len(word) for word in words], dtype=np.int64),
                           np.array([ord(word[0]) for word in words], dtype=np.int64),
                           np.array([ord(word[-1]) for word in words], dtype=np.int64))
        entry = (weights, ids, np.fromiter(weights.values(), dtype=float, count=len(weights)),
                 np.unique(keys))
        if len(_VOCABULARIES) >= 4:
            _VOCABULARIES.clear()
        _VOCABULARIES[id(weights)] = entry
    return entry[1], entry[2], entry[3]


def _shape_keys(lengths: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """One number per word for its length and its first and last code points: a word whose
    number no weighted word has is not one of them (most words of a page)."""
    return (lengths << 42) | (first << 21) | last


def word_scores(lines: list[str], weights: dict[str, float], page: Page | None = None
                ) -> np.ndarray:
    """Sum of the fitted weights of each line's words (:func:`line_words`; 0 for unknown
    words). ``page``: the lines' :class:`~newsprism.corpus.clean_chars.Page` if at hand.

    The short lines are lower-cased at once (a "\\n" between lines leaves the case of the
    letters around it as a line end does); words are the runs of letters of the result
    (``_WORD``), each with its line and its rank in the line.
    """
    page = Page(lines) if page is None else page
    found = np.zeros(page.n)
    short = (page.lengths <= LEXICAL_MAX_CHARS).nonzero()[0]
    if not len(short) or not weights:
        return found
    ids, values, shapes = _vocabulary(weights)
    text = page.text if len(short) == page.n else "\n".join([lines[k] for k in short.tolist()])
    text = text.lower()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    edges = np.diff(np.concatenate([[False], in_class(codes, _WORD_CLASS), [False]]
                                   ).view(np.int8))
    starts, ends = (edges == 1).nonzero()[0], (edges == -1).nonzero()[0]
    line = (codes == 10).nonzero()[0].searchsorted(starts)  # "\n"s before the word
    # words before it in its line: its index minus that of its line's first word
    order = np.arange(len(starts))
    opens = np.ones(len(line), dtype=bool)
    opens[1:] = line[1:] != line[:-1]
    rank = order - np.maximum.accumulate(np.where(opens, order, 0))
    keep = rank < LEXICAL_MAX_WORDS
    starts, ends = starts[keep], ends[keep]
    # only words shaped like a weighted one are cut out of the text and looked up
    keys = _shape_keys(ends - starts, codes[starts].astype(np.int64),
                       codes[ends - 1].astype(np.int64))
    at = np.minimum(shapes.searchsorted(keys), len(shapes) - 1)
    maybe = (shapes[at] == keys).nonzero()[0] if len(shapes) else np.zeros(0, dtype=np.int64)
    words = map(text.__getitem__, map(slice, starts[maybe].tolist(), ends[maybe].tolist()))
    word_ids = np.fromiter(map(ids.get, words, repeat(_UNKNOWN_ID)), dtype=np.int64,
                           count=len(maybe))
    line = line[keep][maybe]
    known = word_ids >= 0
    pairs = np.sort(line[known] * len(values) + word_ids[known])
    first = np.ones(len(pairs), dtype=bool)  # each word once per line
    first[1:] = pairs[1:] != pairs[:-1]
    pairs = pairs[first]
    found[short] = np.bincount(pairs // len(values), weights=values[pairs % len(values)],
                               minlength=len(short))
    return found


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
                      lengths: np.ndarray | None = None, page: Page | None = None
                      ) -> tuple[np.ndarray, tuple[int, int]]:
    """:func:`furniture_scores` and :func:`body_region` of ``lines`` in one pass
    (``lengths``: their :func:`effective_lengths`, ``page``: their
    :class:`~newsprism.corpus.clean_chars.Page`, when the caller has them already)."""
    if not lines:
        return np.zeros(0), (-1, -1)
    page = Page(lines) if page is None else page
    scores, regions = _scores_and_regions(page, Segments([len(lines)]), model, lengths)
    return scores, regions[0]


def scores_and_regions(pages: list[list[str]], model: dict | None = None,
                       lengths: np.ndarray | None = None, page: Page | None = None
                       ) -> list[tuple[np.ndarray, tuple[int, int]]]:
    """:func:`scores_and_region` of each of ``pages`` (lists of lines), with the same
    numbers, but each feature computed for all pages in one numpy call: for many short
    pages faster than page by page. ``page``: the :class:`~newsprism.corpus.clean_chars.Page`
    of all their lines end to end, ``lengths``: its :func:`effective_lengths` (when at hand).

    >>> pages = [["Home", "The minister said on Monday that the budget would pass."], ["Menu"]]
    >>> [(s.round(6).tolist(), r) for s, r in scores_and_regions(pages)] == [
    ...     (s.round(6).tolist(), r) for s, r in map(scores_and_region, pages)]
    True
    """
    found = [(np.zeros(0), (-1, -1))] * len(pages)
    used = [k for k, lines in enumerate(pages) if lines]
    if not used:
        return found
    segments = Segments([len(pages[k]) for k in used])
    page = Page([line for k in used for line in pages[k]]) if page is None else page
    scores, regions = _scores_and_regions(page, segments, model, lengths)
    for k, (a, b), region in zip(used, segments.spans(), regions, strict=True):
        found[k] = (scores[a:b], region)
    return found


def _scores_and_regions(page: Page, segments: Segments, model: dict | None = None,
                        lengths: np.ndarray | None = None
                        ) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Furniture scores of the lines of ``page`` (the pages of ``segments`` end to end), and
    each page's body region."""
    model = model or load_model()
    features, regions = _features_and_region(page, lengths, segments)
    mean, scale, coef = linear_arrays(model)
    x = (features - mean) / scale
    z = page_products(x, coef, segments) + model["intercept"]
    if model.get("words"):
        z = z + word_scores(page.lines, model["words"], page)
    scores = 1.0 / (1.0 + np.exp(-z))
    if model.get("context"):  # the second pass: scores read against the whole page
        scores = context_scores(np.expm1(features[:, 0]), scores, model["context"], segments)
    return scores, regions
