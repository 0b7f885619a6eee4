"""Line features of page text and the fitted furniture score (any language, plain text only).

A page copied from a browser is mostly one text block per line: navigation, teasers, footers
and comments around a run of body paragraphs. Each non-blank line gets a few numbers that
plain text still carries:

- shape: length (CJK characters count three), words, sentence ends, a final punctuation
  mark, digits, capitals, URLs / handles / hashtags, markup left-overs, separators;
- position: inside, before or after the *body region* (the run of lines with the largest
  sum of body-like characters minus a cost per other line) and how far from it;
- neighbours: how body-like the lines around it are;
- repetition: the line occurs more than once on the page.

A logistic model (``data/clean/line_model.json``, written by ``python -m
newsprism.clean_fit`` from the tuning part of the pagetext set) turns them into the
probability that a line is furniture. :mod:`newsprism.clean` removes a line only above the
model's threshold, chosen so that body text is kept (see ``clean_fit``).

>>> lines = ["Home", "News", "The minister said on Monday that the budget would pass.",
...          "It was the third attempt this year, and the opposition called it a farce.", "Imprint"]
>>> region = body_region(lines)
>>> region
(2, 3)
>>> scores = furniture_scores(lines)
>>> [round(float(s), 2) < 0.5 for s in scores][2:4]
[True, True]
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache

import numpy as np

from newsprism import paths

MODEL_FILE = paths.PACKAGE_DATA / "clean" / "line_model.json"
# A body-like line: this many characters (CJK count 3 each) and a sentence end.
BODY_MIN_CHARS = 80
# Body region: non-body lines cost this much plus their length (capped).
REGION_LINE_COST = 20
REGION_LENGTH_CAP = 60

_SENT_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?=\s|$)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
_DIGIT = re.compile(r"\d")
_SEPARATORS = set("|•·»›/>–—")

FEATURES = [
    "log_len", "log_words", "sent_ends", "ends_sentence", "ends_colon", "digit_share",
    "capital_share", "all_caps", "url_like", "markup", "separators", "comma_share",
    "body_like", "in_region", "before_region", "after_region", "log_dist_region",
    "window_body", "prev_body", "next_body", "repeated", "relative_position",
    "in_region_x_len", "short_in_region", "in_span", "log_dist_body", "prev_log_len",
    "next_log_len",
]


def _effective_length(line: str) -> int:
    return len(line) * 3 if _CJK.search(line, 0, 40) else len(line)


def _is_body_like(line: str, length: int) -> bool:
    return length >= BODY_MIN_CHARS and line[0] != "<" and _SENT_END.search(line) is not None


def body_region(lines: list[str]) -> tuple[int, int]:
    """(first, last) index of the body region among ``lines`` (stripped, non-blank);
    (-1, -1) when no line is body-like."""
    best, start, total, region = 0, 0, 0, (-1, -1)
    for i, line in enumerate(lines):
        length = _effective_length(line)
        weight = length if _is_body_like(line, length) else -min(length, REGION_LENGTH_CAP) \
            - REGION_LINE_COST
        if total <= 0:
            total, start = 0, i
        total += weight
        if total > best:
            best, region = total, (start, i)
    return region


def _shape(line: str, length: int) -> list[float]:
    words = line.split()
    n_words = max(len(words), 1)
    letters = sum(c.isalpha() for c in line) or 1
    capitals = sum(w[0].isupper() for w in words) / n_words
    sentence_ends = min(len(_SENT_END.findall(line)), 4)
    last = line[-1]
    return [
        math.log1p(length), math.log1p(n_words), sentence_ends, last in ".!?。！？…\"”’»)",
        last == ":", len(_DIGIT.findall(line)) / len(line), capitals,
        line.isupper() and letters > 3, _URL.search(line) is not None,
        line[0] in "<{[=" or "{" in line, sum(c in _SEPARATORS for c in line) / n_words,
        line.count(",") / n_words,
    ]


def line_features(lines: list[str]) -> np.ndarray:
    """One row of ``FEATURES`` per line (``lines`` stripped, non-blank)."""
    n = len(lines)
    lengths = [_effective_length(line) for line in lines]
    body = [_is_body_like(line, length) for line, length in zip(lines, lengths, strict=True)]
    first, last = body_region(lines)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    cumulative = np.concatenate([[0], np.cumsum(body)])
    body_at = [i for i, b in enumerate(body) if b]
    span = (body_at[0], body_at[-1]) if body_at else (-1, -1)
    # distance to the nearest body-like line, from both sides
    nearest, last_seen = [n] * n, -n
    for i in range(n):
        last_seen = i if body[i] else last_seen
        nearest[i] = i - last_seen
    last_seen = 2 * n
    for i in range(n - 1, -1, -1):
        last_seen = i if body[i] else last_seen
        nearest[i] = min(nearest[i], last_seen - i)
    log_lengths = [math.log1p(length) for length in lengths]
    rows = []
    for i, line in enumerate(lines):
        inside = first <= i <= last
        dist = 0 if inside or first < 0 else (first - i if i < first else i - last)
        window = (cumulative[min(i + 4, n)] - cumulative[max(i - 3, 0)]) / 7
        shape = _shape(line, lengths[i])
        rows.append(shape + [
            body[i], inside, first >= 0 and i < first, first >= 0 and i > last,
            math.log1p(dist), window, i > 0 and body[i - 1], i + 1 < n and body[i + 1],
            counts[line] > 1, i / max(n - 1, 1), inside * shape[0],
            inside and lengths[i] < 40, span[0] <= i <= span[1], math.log1p(nearest[i]),
            log_lengths[i - 1] if i > 0 else 0.0, log_lengths[i + 1] if i + 1 < n else 0.0,
        ])
    return np.asarray(rows, dtype=float).reshape(n, len(FEATURES))


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The fitted model: ``features``, ``mean``, ``scale``, ``coef``, ``intercept``,
    ``threshold`` (and how it was fitted)."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def furniture_scores(lines: list[str], model: dict | None = None) -> np.ndarray:
    """Probability that each line is page furniture, from the fitted model."""
    if not lines:
        return np.zeros(0)
    model = model or load_model()
    x = (line_features(lines) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    z = x @ np.asarray(model["coef"]) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-z))
