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
  train (:mod:`newsprism.sentiment.tone_lexicon`); a stem within three words after a negator
  is keyed ``not_stem``.

The sentence's other targets (``others``) are masked as ``<o>``, and what tells two targets of
one sentence apart is described relative to them: ``r:`` their order, another target in this
one's clause, the side of a contrast word ("but", "while", ...), an agent "by <o>"; ``m:``
n-grams next to another target; dense VADER sums of the words nearer this target than any other
(``own_*``) and nearer another (``other_*``); lexicon keys ``o|``/``x|`` (word nearer this /
another target) and ``mL|``/``mR|``/``mg|`` (words and n-grams next to another target).

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

from newsprism.core.text import WORD

TARGET, OTHER = "<t>", "<o>"
_TOKEN = re.compile(r"<t>|<o>|" + WORD.pattern + r"|[\"\u201c\u201d\u2018\u2019']|[^\w\s]")
_CLAUSE_BREAK = frozenset({";", ":", "\u2014", "\u2013", "but", "while", "whereas", "although",
                           "though", "however", "yet"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
_NEGATORS = frozenset({"not", "no", "never", "n't", "without", "nor", "neither", "nobody",
                       "nothing", "none", "cannot", "didn't", "doesn't", "don't", "isn't",
                       "wasn't", "aren't", "weren't", "won't", "wouldn't", "couldn't",
                       "shouldn't", "hasn't", "haven't", "hadn't"})
NEAR, FAR = 3, 10
NEGATION_SCOPE = 3
DENSE_NAMES = ("sent_pos", "sent_neg", "clause_pos", "clause_neg", "left_near", "right_near",
               "left_far", "right_far", "negated", "n_lexicon", "target_quoted", "target_first",
               "quoted_pos", "quoted_neg", "own_pos", "own_neg", "other_pos", "other_neg",
               "nearest_evaluative")


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


def mask(text: str, spans: Sequence[tuple[int, int]],
         others: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` with each (start, end) span replaced by `` <t> `` and each span of ``others``
    (the sentence's other targets) by `` <o> ``; overlaps merged, the target wins.

    >>> mask("Officials from the United States met.", [(19, 32)])
    'Officials from the  <t>  met.'
    >>> mask("Kim met Putin.", [(0, 3)], [(8, 13)])
    ' <t>  met  <o> .'
    """
    # (start, end, 0 for the target | 1 for another target): at one start the target sorts first
    marked = sorted([(max(0, int(s)), min(len(text), int(e)), 0) for s, e in spans]
                    + [(max(0, int(s)), min(len(text), int(e)), 1) for s, e in others])
    out, cursor = [], 0
    for start, end, is_other in marked:
        if end <= cursor:
            continue
        start = max(start, cursor)
        out.append(text[cursor:start])
        out.append(f" {OTHER if is_other else TARGET} ")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens; runs of ``<t>`` (or ``<o>``) collapse to one."""
    found = [t.lower() for t in _TOKEN.findall(text)]
    return [t for i, t in enumerate(found)
            if not (t in (TARGET, OTHER) and i and found[i - 1] == t)]


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
        if any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, i - 3):i]):
            values[i] *= -0.74  # VADER's negation scalar
    return values


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


def _target_ngrams(toks: list[str], targets: list[int], center: str = TARGET) -> list[str]:
    names = []
    for at in targets:
        before = toks[at - 1] if at > 0 else "^"
        before2 = toks[at - 2] if at > 1 else "^"
        after = toks[at + 1] if at + 1 < len(toks) else "$"
        after2 = toks[at + 2] if at + 2 < len(toks) else "$"
        names += [f"n:{before}_{center}", f"n:{center}_{after}", f"n:{before2}_{before}_{center}",
                  f"n:{center}_{after}_{after2}", f"n:{before}_{center}_{after}"]
    return names


def negated(toks: list[str]) -> list[bool]:
    """Per token: within ``NEGATION_SCOPE`` words after a negator, before any punctuation."""
    flags, left = [], 0
    for tok in toks:
        if not any(ch.isalnum() for ch in tok):
            left = 0
        flags.append(left > 0)
        if tok in _NEGATORS or tok.endswith("n't"):
            left = NEGATION_SCOPE
        else:
            left = max(0, left - 1)
    return flags


def lexicon_keys(toks: list[str], targets: list[int]) -> list[tuple[str, int]]:
    """(place|stem, distance) of every word with a letter: ``s`` always, ``cL``/``cR`` inside
    the target's clause, ``nL``/``nR`` within ``NEAR`` tokens (L: left of the target); and
    ``g|`` each n-gram containing the target (``g|slammed_<t>``, distance 1)."""
    c_start, c_end = _clause_bounds(toks, targets[0])
    in_scope = negated(toks)
    keys = []
    for i, tok in enumerate(toks):
        if tok == TARGET or not any(ch.isalpha() for ch in tok):
            continue
        word, distance = ("not_" if in_scope[i] else "") + stem(tok), min(abs(i - j) for j in targets)
        side = "L" if i < targets[0] else "R"
        keys.append((f"s|{word}", distance))
        if c_start <= i < c_end:
            keys.append((f"c{side}|{word}", distance))
        if distance <= NEAR:
            keys.append((f"n{side}|{word}", distance))
    return keys + [(f"g|{name[2:]}", 1) for name in _target_ngrams(toks, targets)]


# Present in every sentence with other targets, in fitting only: it takes up train's class
# balance of such sentences (few neutral), which other samples do not share, so that the other
# features need not (the model drops it at prediction, see tone_model.PRIOR_ONLY).
MULTI = "r:multi"
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "however", "yet"})


def _owned(toks: list[str], targets: list[int], others: list[int]) -> np.ndarray:
    """Per token: nearer this target than any other target (ties count as this target's)."""
    position = np.arange(len(toks))
    own = np.min(np.abs(position[:, None] - np.array(targets)[None, :]), axis=1)
    if not others:
        return np.ones(len(toks), dtype=bool)
    other = np.min(np.abs(position[:, None] - np.array(others)[None, :]), axis=1)
    return own <= other


def _relative_dense(toks: list[str], owned: np.ndarray) -> np.ndarray:
    """VADER valence of the words nearer this target vs nearer the sentence's other targets,
    and whether the strongest evaluative word is nearer this target."""
    values = _valences(toks)
    pos, neg = np.clip(values, 0, None), np.clip(values, None, 0)
    strongest = int(np.argmax(np.abs(values))) if values.any() else -1
    return np.array([pos[owned].sum() / 4, neg[owned].sum() / 4, pos[~owned].sum() / 4,
                     neg[~owned].sum() / 4, float(strongest >= 0 and owned[strongest])])


def _relative_names(toks: list[str], targets: list[int], others: list[int]) -> list[str]:
    """How this target sits among the sentence's other targets: their number, its order, an
    other target in its clause, its side of a contrast word ("but", "while", ...), and an
    agent "by <o>" in its clause (passive: this target is the one acted on)."""
    if not others:
        return []
    first, last = targets[0], targets[-1]
    order = ("first" if first < min(others) else "last" if last > max(others) else "middle")
    names = [MULTI, f"r:{order}"]
    c_start, c_end = _clause_bounds(toks, first)
    if any(c_start <= o < c_end for o in others):
        names.append("r:other_in_clause")
        if any(toks[o - 1] == "by" for o in others if c_start <= o - 1 and o < c_end):
            names.append("r:by_other")
    contrast = [i for i, t in enumerate(toks) if t in _CONTRAST]
    if contrast:
        names.append("r:before_contrast" if first < contrast[0] else "r:after_contrast")
    return names


def mate_features(toks: list[str], others: list[int]) -> tuple[list[str], list[tuple[str, int]]]:
    """What is said next to the sentence's other targets (``<m>`` one of them, ``<t>`` this
    one): n-gram names ``m:criticized_<m>`` and lexicon keys ``mL|``/``mR|`` (words within
    ``NEAR`` tokens left/right of another target) and ``mg|`` (its n-grams)."""
    grams = _target_ngrams(toks, others, "<m>")
    keys = [(f"mg|{name[2:]}", 1) for name in grams]
    for i, tok in enumerate(toks):
        if tok in (TARGET, OTHER) or not any(ch.isalpha() for ch in tok):
            continue
        for at in others:
            if 0 < abs(i - at) <= NEAR:
                keys.append((f"m{'L' if i < at else 'R'}|{stem(tok)}", abs(i - at)))
    return [f"m:{name[2:]}" for name in grams], keys


def ownership_keys(toks: list[str], owned: np.ndarray, targets: list[int]
                   ) -> list[tuple[str, int]]:
    """``o|stem`` for words nearer this target, ``x|stem`` for words nearer another target."""
    keys = []
    for i, tok in enumerate(toks):
        if tok in (TARGET, OTHER) or not any(ch.isalpha() for ch in tok):
            continue
        distance = min(abs(i - j) for j in targets)
        keys.append((f"{'o' if owned[i] else 'x'}|{stem(tok)}", distance))
    return keys


def extract(text: str, span: tuple[int, int], further: Sequence[tuple[int, int]] = (),
            others: Sequence[tuple[int, int]] = ()) -> tuple[list[str], np.ndarray]:
    """(feature names, dense values) for the target at ``span`` of ``text``."""
    names, dense, _ = extract_all(text, span, further, others)
    return names, dense


def extract_all(text: str, span: tuple[int, int], further: Sequence[tuple[int, int]] = (),
                others: Sequence[tuple[int, int]] = ()
                ) -> tuple[list[str], np.ndarray, list[tuple[str, int]]]:
    """(feature names, dense values, lexicon keys) for the target at ``span`` of ``text``;
    ``others`` are the spans of the sentence's other targets (masked as ``<o>``)."""
    toks = tokens(mask(text, [span, *further], others))
    if not toks:
        toks = [TARGET]
    targets = [i for i, t in enumerate(toks) if t == TARGET] or [0]
    other_at = [i for i, t in enumerate(toks) if t == OTHER]
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
    names += _relative_names(toks, targets, other_at)
    owned = _owned(toks, targets, other_at)
    dense = np.concatenate([_dense(toks, targets, quoted), _relative_dense(toks, owned)])
    mate_names, mate_keys = mate_features(toks, other_at)
    names += mate_names
    keys = lexicon_keys(toks, targets) + ownership_keys(toks, owned, targets) + mate_keys
    return names, dense, keys


def evidence_words(text: str, span: tuple[int, int]) -> list[str]:
    """Words of ``text`` outside the target that VADER's lexicon scores (the lexicon evidence)."""
    lexicon = vader_valences()
    return [t for t in tokens(mask(text, [span])) if lexicon.get(t, 0.0)]
