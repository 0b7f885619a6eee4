"""Surnames that are ordinary words ('George Will', 'Al From'): the name parser reads 'Will' and
'From' as a modal and a preposition, so '"...," From said' and 'Will described Trump as "..."'
had no speaker. A fallback: the word followed (or preceded, inverted) by a cue verb in the
quotation's sentence is the person when the article writes the full name (a capitalised first
name before the word) somewhere.
"""

from __future__ import annotations

import re

from newsprism.quotes.attributor import Attribution, QuoteSite
from newsprism.quotes.names import CUE_RE, NOT_NAMES

_WORD_THEN_CUE = re.compile(r"(?<![\w\u2019'])(?P<word>[A-Z][a-z]+)\s+(?:(?-i:[a-z]+ly)\s+)?"
                            r"(?P<cue>[a-z]+)\b")
_CUE_THEN_FULL = re.compile(r"(?P<cue>[a-z]+)\s+(?P<first>[A-Z][a-z]+)\s+(?P<word>[A-Z][a-z]+)"
                            r"(?![\w\u2019'])")


def _full_name(text: str, word: str) -> str | None:
    """The one full name 'First Word' the article writes for ``word``, or None."""
    firsts = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{word}\b", text)
              if m.group(1) not in _ORDINARY}
    return f"{firsts.pop()} {word}" if len(firsts) == 1 else None


# capitalised words the parser takes for something else: sentence openers and function words
# (``NOT_NAMES``) and the auxiliaries a subject may carry before its cue ('Will', 'May', 'Must')
_ORDINARY = NOT_NAMES | frozenset(w.capitalize() for w in
                                  "has have had was were is are would will could should might "
                                  "may must did does do".split())


def _is_cue(word: str) -> bool:
    return bool(CUE_RE.fullmatch(word))


def word_surname(q: QuoteSite) -> Attribution | None:
    """'"...," From said.', 'said Al From, who ...', 'Will described Trump as “...”': an
    ordinary-word surname before (or a full name after) a cue verb in the quotation's
    sentence, resolved to the article's one full name for it."""
    text = q.text
    spans = [(q.close_mark, q.hi), (q.lo, q.open_mark)]
    for lo, hi in spans:
        for m in _WORD_THEN_CUE.finditer(text, lo, hi):
            word = m.group("word")
            if word in _ORDINARY and _is_cue(m.group("cue")):
                full = _full_name(text, word)
                if full:
                    return Attribution(full, m.start("word"), m.end("word"), word,
                                       m.group("cue"), "word-surname")
        for m in _CUE_THEN_FULL.finditer(text, lo, hi):
            word = m.group("word")
            if word in _ORDINARY and _is_cue(m.group("cue")) and \
                    _full_name(text, word) == f"{m.group('first')} {word}":
                return Attribution(f"{m.group('first')} {word}", m.start("first"),
                                   m.end("word"), text[m.start("first"):m.end("word")],
                                   m.group("cue"), "word-surname")
    return None
