"""Target-relative features for tone toward a target (a person or group named in a sentence).

Every feature is computed with the target masked: its own words (and any further mentions of it)
become the token ``<t>``, so a name never carries tone ("United" is +1.8 in VADER's lexicon).
What remains describes the words around the target:

- ``w:`` words and ``b:`` word pairs of the masked sentence (sentence-level evidence);
- ``L1:``/``R1:`` words 1-3 tokens left/right of the target, ``L2:``/``R2:`` 4-10 tokens away;
- ``c:`` words of the target's own clause (split at ";", dashes, ", but", " while ", ...);
- ``n:`` n-grams that contain the target (``<t> slammed``, ``criticized <t>``, ``<t> 's failure``);
- ``q:`` words inside quotation marks, with ``tq:`` flags saying whether the target is quoted;
- ``d:`` dense VADER valence sums: whole sentence, own clause, left/right near/far, negated
  words, and the count of lexicon words;
- lexicon keys: each word's stem with its place relative to the target (sentence, own clause
  left/right, near left/right) and its distance, and the n-grams containing the target, looked up in the polarity lexicon learnt from
  train (:mod:`newsprism.sentiment.tone_lexicon`).

``extract`` returns, per target, a list of feature names (counted by the model's vocabulary) and
a fixed-length array of dense values; ``extract_all`` adds the lexicon keys.
:mod:`newsprism.sentiment.tone_model` turns them into a matrix.

>>> names, dense = extract("Critics slammed Smith's plan.", (16, 21))
>>> "n:slammed_<t>" in names, dense.shape == (len(DENSE_NAMES),)
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

TARGET = "<t>"
_TOKEN = re.compile(r"<t>|[^\W_]+(?:['\u2019][^\W_]+)*|[\"\u201c\u201d\u2018\u2019']|[^\w\s]")
_CLAUSE_BREAK = frozenset({";", ":", "\u2014", "\u2013", "but", "while", "whereas", "although",
                           "though", "however", "yet"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
_NEGATORS = frozenset({"not", "no", "never", "n't", "without", "nor", "neither", "nobody",
                       "nothing", "none", "cannot", "didn't", "doesn't", "don't", "isn't",
                       "wasn't", "aren't", "weren't", "won't", "wouldn't", "couldn't",
                       "shouldn't", "hasn't", "haven't", "hadn't"})
NEAR, FAR = 3, 10
DENSE_NAMES = ("sent_pos", "sent_neg", "clause_pos", "clause_neg", "left_near", "right_near",
               "left_far", "right_far", "negated", "n_lexicon", "target_quoted", "target_first",
               "quoted_pos", "quoted_neg")


@lru_cache(maxsize=1)
def vader_valences() -> dict[str, float]:
    """VADER's word valences (-4..+4), read from the vaderSentiment package."""
    from newsprism.sentiment.vader import vader_analyzer

    return vader_analyzer().lexicon


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem (NLTK, no data files): "slammed", "slams" -> "slam"."""
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each (start, end) span replaced by `` <t> `` (overlaps merged).

    >>> mask("Officials from the United States met.", [(19, 32)])
    'Officials from the  <t>  met.'
    """
    out, cursor = [], 0
    for start, end in sorted((max(0, int(s)), min(len(text), int(e))) for s, e in spans):
        if end <= cursor:
            continue
        start = max(start, cursor)
        out.append(text[cursor:start])
        out.append(f" {TARGET} ")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens; runs of ``<t>`` collapse to one."""
    found = [t.lower() for t in _TOKEN.findall(text)]
    return [t for i, t in enumerate(found) if not (t == TARGET and i and found[i - 1] == TARGET)]


def _clause_bounds(toks: list[str], at: int) -> tuple[int, int]:
    start = at
    while start > 0 and toks[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    end = at
    while end < len(toks) and toks[end] not in _CLAUSE_BREAK:
        end += 1
    return start, end


def _quoted(toks: list[str]) -> list[bool]:
    """Per token: inside double quotation marks (straight quotes toggle)."""
    inside, flags = False, []
    for tok in toks:
        if tok in _QUOTE_MARKS:
            inside = tok == "\u201c" or (tok == '"' and not inside)
            flags.append(False)
            continue
        flags.append(inside)
    return flags


def _valences(toks: list[str]) -> np.ndarray:
    """VADER valence per token, sign flipped when one of the three words before negates."""
    lexicon = vader_valences()
    values = np.array([lexicon.get(t, 0.0) for t in toks], dtype=float)
    for i in np.flatnonzero(values):
        if negated_at(toks, i):
            values[i] *= -0.74  # VADER's negation scalar
    return values


def negated_at(toks: list[str], at: int) -> bool:
    """Whether one of the three tokens before ``toks[at]`` negates it ("not", "never", "n't")."""
    return any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, at - 3):at])


def _dense(toks: list[str], targets: list[int], quoted: list[bool]) -> np.ndarray:
    values = _valences(toks)
    position = np.arange(len(toks))
    distance = np.min(np.abs(position[:, None] - np.array(targets)[None, :]), axis=1)
    left = position < targets[0]
    right = position > targets[-1]
    c_start, c_end = _clause_bounds(toks, targets[0])
    in_clause = (position >= c_start) & (position < c_end)
    near, far = distance <= NEAR, (distance > NEAR) & (distance <= FAR)
    quoted_arr = np.array(quoted, dtype=bool)
    negated = sum(1 for i in np.flatnonzero(values)
                  if any(t in _NEGATORS for t in toks[max(0, i - 3):i]))
    pos, neg = np.clip(values, 0, None), np.clip(values, None, 0)
    return np.array([
        pos.sum(), neg.sum(), pos[in_clause].sum(), neg[in_clause].sum(),
        values[left & near].sum(), values[right & near].sum(),
        values[left & far].sum(), values[right & far].sum(),
        negated, np.count_nonzero(values), float(quoted[targets[0]]), float(targets[0] == 0),
        pos[quoted_arr].sum(), neg[quoted_arr].sum(),
    ]) / np.array([4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 1, 1, 4, 4], dtype=float)


def _window(toks: list[str], targets: list[int]) -> list[str]:
    names = []
    first, last = targets[0], targets[-1]
    for i, tok in enumerate(toks):
        if tok == TARGET:
            continue
        if i < first:
            d = first - i
            side = "L"
        elif i > last:
            d = i - last
            side = "R"
        else:
            continue
        if d <= NEAR:
            names.append(f"{side}1:{tok}")
        elif d <= FAR:
            names.append(f"{side}2:{tok}")
    return names


def _target_ngrams(toks: list[str], targets: list[int]) -> list[str]:
    names = []
    for at in targets:
        before = toks[at - 1] if at > 0 else "^"
        before2 = toks[at - 2] if at > 1 else "^"
        after = toks[at + 1] if at + 1 < len(toks) else "$"
        after2 = toks[at + 2] if at + 2 < len(toks) else "$"
        names += [f"n:{before}_<t>", f"n:<t>_{after}", f"n:{before2}_{before}_<t>",
                  f"n:<t>_{after}_{after2}", f"n:{before}_<t>_{after}"]
    return names


def lexicon_keys(toks: list[str], targets: list[int]) -> list[tuple[str, int]]:
    """(place|stem, distance) of every word with a letter: ``s`` always, ``cL``/``cR`` inside
    the target's clause, ``nL``/``nR`` within ``NEAR`` tokens (L: left of the target); and
    ``g|`` each n-gram containing the target (``g|slammed_<t>``, distance 1)."""
    c_start, c_end = _clause_bounds(toks, targets[0])
    keys = []
    for i, tok in enumerate(toks):
        if tok == TARGET or not any(ch.isalpha() for ch in tok):
            continue
        word, distance = stem(tok), min(abs(i - j) for j in targets)
        side = "L" if i < targets[0] else "R"
        keys.append((f"s|{word}", distance))
        if c_start <= i < c_end:
            keys.append((f"c{side}|{word}", distance))
        if distance <= NEAR:
            keys.append((f"n{side}|{word}", distance))
    return keys + [(f"g|{name[2:]}", 1) for name in _target_ngrams(toks, targets)]


def extract(text: str, span: tuple[int, int],
            further: Sequence[tuple[int, int]] = ()) -> tuple[list[str], np.ndarray]:
    """(feature names, dense values) for the target at ``span`` of ``text``."""
    names, dense, _ = extract_all(text, span, further)
    return names, dense


def extract_all(text: str, span: tuple[int, int], further: Sequence[tuple[int, int]] = ()
                ) -> tuple[list[str], np.ndarray, list[tuple[str, int]]]:
    """(feature names, dense values, lexicon keys) for the target at ``span`` of ``text``."""
    toks = tokens(mask(text, [span, *further]))
    if not toks:
        toks = [TARGET]
    targets = [i for i, t in enumerate(toks) if t == TARGET] or [0]
    quoted = _quoted(toks)
    words = [t for t in toks if t != TARGET]
    names = [f"w:{t}" for t in words]
    names += [f"b:{a}_{b}" for a, b in zip(toks, toks[1:], strict=False)]
    names += _window(toks, targets)
    c_start, c_end = _clause_bounds(toks, targets[0])
    names += [f"c:{stem(t)}" for t in toks[c_start:c_end] if t != TARGET]
    names += [f"s:{stem(t)}" for t in words]
    names += _target_ngrams(toks, targets)
    names += [f"q:{t}" for t, q in zip(toks, quoted, strict=True) if q and t != TARGET]
    names.append("tq:quoted" if quoted[targets[0]] else "tq:author")
    return names, _dense(toks, targets, quoted), lexicon_keys(toks, targets)


def evidence_words(text: str, span: tuple[int, int]) -> list[str]:
    """Words of ``text`` outside the target that VADER's lexicon scores (the lexicon evidence)."""
    lexicon = vader_valences()
    return [t for t in tokens(mask(text, [span])) if lexicon.get(t, 0.0)]
