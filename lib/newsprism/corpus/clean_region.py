"""Find the article body on a page and remove what lies outside it (the ``outside_body`` rule).

Page furniture sits mostly before the first and after the last body paragraph (menus, teasers,
footers, comments). Given each line's furniture probability from the fitted line model
(:mod:`newsprism.corpus.clean_lines`), a two-state decoder (furniture, body) labels every line:

- a line in the *body* state earns ``min(length, LENGTH_CAP) * (log-odds of body + bias)``,
  a line in the *furniture* state earns nothing, so long body-like lines pull the body state
  in and runs of furniture-like lines push it out;
- every switch between the states costs ``switch_cost``: a high cost gives one contiguous
  body block, a lower one allows a few blocks separated by runs of furniture.

The path with the largest total (Viterbi) is the body region. Lines outside it are removed,
except those the model itself scores as more likely body than furniture (``KEEP_BELOW``): when
in doubt, keep, and say so (``kept_in_doubt``). ``bias`` and ``switch_cost`` per cleaning level
are fitted on site folds of the pagetext tuning pages (``region`` in
``data/clean/line_model.json``, written by ``python -m newsprism.corpus.clean_fit``).

>>> lengths = [5, 6, 120, 130, 4, 110, 7, 5]
>>> scores = [0.99, 0.98, 0.1, 0.2, 0.9, 0.1, 0.97, 0.99]
>>> body_states(lengths, scores, {"bias": 0.0, "switch_cost": 10.0}).tolist()
[False, False, True, True, True, True, False, False]
>>> outside_body(lengths, scores, {"bias": 0.0, "switch_cost": 10.0})
([0, 1, 6, 7], {})
"""

from __future__ import annotations

import numpy as np

# Characters (CJK counted three) a line weighs at most: one long paragraph should not carry
# a whole page of furniture into the body.
LENGTH_CAP = 200
# Outside the body, a line the model scores below this (more likely body) is kept as a doubt.
KEEP_BELOW = 0.5
_LOGIT_CAP = 8.0


def body_log_odds(scores) -> np.ndarray:
    """log(P(body) / P(furniture)) per line from furniture probabilities, capped at +-8."""
    p = np.asarray(scores, dtype=float)
    return np.minimum(np.maximum(np.log1p(1e-9 - p) - np.log(p + 1e-9), -_LOGIT_CAP), _LOGIT_CAP)


def body_states(lengths, scores, region: dict) -> np.ndarray:
    """True for the lines the decoder places in the body (see the module docstring).

    ``region`` holds ``bias`` and ``switch_cost``. All False when no path through the body
    state earns more than staying in furniture (nothing looks like body).
    """
    gains = (np.minimum(np.asarray(lengths, dtype=float), LENGTH_CAP)
             * (body_log_odds(scores) + region["bias"])).tolist()
    n = len(gains)
    if not n:
        return np.zeros(0, dtype=bool)
    cost = float(region["switch_cost"])
    # best totals ending in each state; the page may start in either state for free
    furniture, body = 0.0, gains[0]
    from_body_f = [False]  # furniture state at i reached from body at i-1
    from_body_b = [True]  # body state at i reached from body at i-1
    for gain in gains[1:]:
        switch_in, switch_out = furniture - cost, body - cost
        if switch_out > furniture:
            from_body_f.append(True)
            furniture = switch_out
        else:
            from_body_f.append(False)
        if body >= switch_in:
            from_body_b.append(True)
            body += gain
        else:
            from_body_b.append(False)
            body = switch_in + gain
    states = [False] * n
    in_body = body > furniture
    for i in range(n - 1, -1, -1):
        states[i] = in_body
        in_body = from_body_b[i] if in_body else from_body_f[i]
    return np.array(states, dtype=bool)


def outside_body(lengths, scores, region: dict) -> tuple[list[int], dict[int, tuple[float, str]]]:
    """Lines outside the decoded body region: (indices to remove, {index: (score, why kept)}).

    Nothing is removed when the decoder finds no body at all (a page of furniture-like lines
    is more likely a page the model does not understand than a page without text).
    """
    states = body_states(lengths, scores, region)
    if not states.any():
        return [], {}
    removed, doubts = [], {}
    outside = (~states).nonzero()[0]
    for k, score in zip(outside.tolist(), np.asarray(scores, dtype=float)[outside].tolist(),
                        strict=True):
        if score < KEEP_BELOW:
            doubts[k] = (round(score, 4), "outside the body region, but scored body-like")
        else:
            removed.append(k)
    return removed, doubts
