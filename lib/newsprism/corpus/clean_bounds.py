"""Where the article body ends (and starts): a boundary model over candidate lines.

Most page furniture the line model misses lies before the first or after the last body
paragraph. This module scores every line of a page as the *last body line* from the line
itself and the window after it (and, on the page read backwards, as the *first body line*
from the window before it):

- the line: its furniture score (log-odds), length, a sentence end, a rule already matched;
- the window after it (3, 5, 10 lines): mean furniture score, share of short lines, of lines
  a rule removed, of body-like lines (long, with a sentence end);
- the page: share of its prose mass (length times body probability) after and before the
  line, position, distance to the longest prose line, body-like lines left after it.

A linear score per line, normalised over the page (softmax), gives a probability for each
line to be the boundary; the probability that a line lies inside the body span is then
``P(last >= line)`` (resp. ``P(first <= line)``). The weights come from a per-page softmax
regression on the pagetext tuning pages (``bounds`` in ``data/clean/bounds_model.json``,
written by ``python -m newsprism.corpus.clean_bounds_fit``).

>>> lengths = np.array([4, 5, 120, 130, 110, 6, 5, 4])
>>> scores = np.array([0.9, 0.9, 0.1, 0.1, 0.2, 0.9, 0.95, 0.9])
>>> end_features(lengths, scores, np.zeros(8, dtype=bool), np.array([0, 0, 1, 1, 1, 0, 0, 0],
...              dtype=bool)).shape == (8, len(BOUND_FEATURES))
True
"""

from __future__ import annotations

import numpy as np

WINDOWS = (3, 5, 10)
SHORT_CHARS = 40
BODY_CHARS = 80
MASS_LENGTH_CAP = 300
_LOGIT_CAP = 8.0

BOUND_FEATURES = [
    "logit", "log_len", "ends_sentence", "rule_hit", "body_like",
    *[f"{name}_{w}" for w in WINDOWS for name in ("next_score", "next_short", "next_rule",
                                                   "next_body")],
    "next_logit", "next_log_len", "mass_after_share", "mass_before_share", "log_mass_after",
    "position", "log_lines_after", "log_lines_before", "past_longest", "log_dist_longest",
    "log_body_after", "log_body_before", "is_last_body", "log_n",
]


def _window_after(values: np.ndarray, width: int) -> np.ndarray:
    """Mean of the ``width`` values after each one (fewer near the end; 0 after the last)."""
    n = len(values)
    total = np.concatenate([[0.0], np.cumsum(values, dtype=float)])
    index = np.arange(n)
    high = np.minimum(index + 1 + width, n)
    count = high - (index + 1)
    return np.where(count > 0, (total[high] - total[index + 1]) / np.maximum(count, 1), 0.0)


def end_features(lengths, scores, rule_hit, sentence) -> np.ndarray:
    """One row of ``BOUND_FEATURES`` per line as a candidate *last* body line.

    ``lengths``: effective line lengths; ``scores``: furniture probabilities of the line
    model; ``rule_hit``: the line was removed by a rule already; ``sentence``: it ends in a
    sentence mark. For the *first* body line, pass the arrays reversed.
    """
    lengths = np.asarray(lengths, dtype=float)
    scores = np.asarray(scores, dtype=float)
    rule_hit = np.asarray(rule_hit, dtype=float)
    sentence = np.asarray(sentence, dtype=float)
    n = len(scores)
    index = np.arange(n, dtype=float)
    logit = np.clip(np.log1p(1e-9 - scores) - np.log(scores + 1e-9), -_LOGIT_CAP, _LOGIT_CAP)
    short = (lengths < SHORT_CHARS).astype(float)
    body = ((lengths >= BODY_CHARS) & (sentence > 0) & (scores < 0.5)).astype(float)
    windows = []
    for w in WINDOWS:
        windows += [_window_after(values, w) for values in (scores, short, rule_hit, body)]
    mass = np.minimum(lengths, MASS_LENGTH_CAP) * (1.0 - scores) * (1.0 - rule_hit)
    total = mass.sum() + 1e-9
    before = np.cumsum(mass)  # up to and including the line
    after = total - before
    longest = int(np.argmax(mass)) if n else 0
    body_after = np.concatenate([np.cumsum(body[::-1])[::-1][1:], [0.0]])
    body_before = np.cumsum(body) - body
    last_body = int(np.nonzero(body)[0][-1]) if body.any() else -1
    columns = [
        logit, np.log1p(lengths), sentence, rule_hit, body, *windows,
        np.append(logit[1:], 0.0), np.append(np.log1p(lengths[1:]), 0.0),
        after / total, before / total, np.log1p(after),
        index / max(n - 1, 1), np.log1p(n - 1 - index), np.log1p(index),
        (index >= longest).astype(float), np.log1p(np.abs(index - longest)),
        np.log1p(body_after), np.log1p(body_before), (index == last_body).astype(float),
        np.full(n, np.log1p(n)),
    ]
    return np.column_stack(columns) if n else np.zeros((0, len(BOUND_FEATURES)))


def boundary_probabilities(x: np.ndarray, model: dict) -> np.ndarray:
    """Softmax over the page's lines of the fitted linear score (``mean``, ``scale``,
    ``coef`` of one boundary in ``model``)."""
    if not len(x):
        return np.zeros(0)
    z = ((x - np.asarray(model["mean"])) / np.asarray(model["scale"])) @ np.asarray(
        model["coef"])
    z = np.exp(z - z.max())
    return z / z.sum()


def inside_probabilities(end: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per line, from the boundary probabilities of the last (``end``) and first (``start``)
    body line: P(last body line at or after it), P(first body line at or before it)."""
    return np.cumsum(end[::-1])[::-1], np.cumsum(start)
