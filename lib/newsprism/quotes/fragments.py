"""Noun-phrase mentions cut off mid-phrase: 'a friend without', 'a wave of boos upon', 'Clinton’s
claim that'. A rule's noun phrase can run into the preposition or conjunction after it; a
reader would catch such a fragment as a speaker. It is trimmed to the phrase before the
dangling words, or the quotation gets no speaker when the phrase is the object of a preposition
heading a participle ('attack a friend without saying', 'incurred a wave of boos upon saying':
the speaker is someone else) or nothing but a determiner is left ('the', 'a'). A phrase that
ran into its verb ("Rubio’s campaign sent", 'the candidate could be') ends before the verb.

>>> t = "Clinton’s claim that"
>>> t[slice(*trim_fragment(t, 0, len(t)))]
'Clinton’s claim'
>>> t = "Rubio’s campaign sent"
>>> t[slice(*trim_fragment(t, 0, len(t)))]
'Rubio’s campaign'
>>> t = "how to attack a friend without saying"
>>> trim_fragment(t, 14, 30) is None
True
"""

from __future__ import annotations

import re

from newsprism.quotes.names import ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS
from newsprism.quotes.plausible import verb_at

# words a noun phrase never ends with: prepositions, conjunctions, determiners ('over' is
# left out: 'a voice over says')
DANGLING = frozenset(
    "of in on at to for with without from by upon about into under after before during "
    "against among and or but nor as than that if because while when through across toward "
    "towards via per like the a an".split())
_DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS
_LAST_WORD = re.compile(r"\s*\b([\w\u2019'\-]+)\s*$")
_PARTICIPLE_NEXT = re.compile(r"\s+(?-i:[a-z]+ing)\b")


def _before_verb(text: str, s: int, e: int) -> int:
    """The end of the noun phrase before a finite verb inside ``text[s:e]`` ("Rubio’s campaign
    sent", 'the whigs had': the rule's subject ran into its verb), else ``e``."""
    tokens = list(re.finditer(r"\S+", text[s:e]))
    at = verb_at([t.group(0).strip(".,;:") for t in tokens])
    return s + tokens[at - 1].end() if at is not None else e


def trim_fragment(text: str, s: int, e: int) -> tuple[int, int] | None:
    """``(s, e)`` of the mention ``text[s:e]`` without dangling end words or a verb it ran
    into (see module docstring); None when the mention is no speaker."""
    words = text[s:e].split()
    if words and all(w.lower() in _DETERMINERS for w in words):
        return None  # 'the', 'a': a phrase cut before its noun
    if not words or words[-1].lower() not in DANGLING:
        return s, _before_verb(text, s, e)
    if _PARTICIPLE_NEXT.match(text, e):
        return None  # 'a friend without saying': the object of 'without', not a subject
    end = e
    while (m := _LAST_WORD.search(text, s, end)) and m.group(1).lower() in DANGLING:
        end = m.start()
    return (s, _before_verb(text, s, end)) if end > s and \
        text[s:end].split()[-1].lower() not in _DETERMINERS else None
