"""A description cut after an adjective gets its noun: "Germany's largest private" -> "Germany's
largest private bank", "Romney’s deputy national" -> "Romney’s deputy national political
director".

A rule's noun phrase can stop before the noun it modifies (speakers15's census of PolNeAR
train: "Germany's largest private", 'two lengthy investigative', 'one common'); a reader
catches such a fragment. When a description speaker of two words or more is its own mention and
ends on an adjective (``adjective_like``), ``complete_adjective_ends`` extends the mention over the words
the article writes after it, up to and including the first that is no adjective (the noun),
never over punctuation, a function word, a relative pronoun, a verb or an '-ing' word
('the newspaper’s editorial telling'), and records ``|noun-end`` after the rule.
The speaker becomes that noun phrase; whether it is the right speaker is left to the rules (it
is the phrase the article wrote).

>>> text = "Schmieding of Berenberg, Germany's largest private bank, warned that “logic fails.”"
>>> from types import SimpleNamespace as Q
>>> q = Q(kind="speech", speaker="germany's largest private", speaker_start=25,
...       speaker_end=50, speaker_surface="Germany's largest private", rule="cue-before")
>>> [(q.speaker, q.rule) for q in complete_adjective_ends([q], text)]
[("germany's largest private bank", 'cue-before|noun-end')]
"""

from __future__ import annotations

import re

from newsprism.quotes.fragments import DANGLING
from newsprism.quotes.modifier_names import HEAD_NOUNS
from newsprism.quotes.plausible import cue_verb_words, finite_word
from newsprism.quotes.written_form import case_key

_SUFFIXES = ("al", "ive", "ous", "ic", "est", "ful", "less", "able", "ible", "-free")
_ADJECTIVES = frozenset("private public common initial recent senior top former".split())
_NEXT = re.compile(r"[ \t]+([a-z][a-z\-]*)(?=[\s,.;:!?)\u2019\"'\u201d]|$)")
_MAX_WORDS = 3
_RELATIVE = frozenset("who whom whose which".split())


def adjective_like(word: str) -> bool:
    """Whether ``word`` (lowercase) reads as an adjective by its ending or is a common one; a
    role or group noun ('official', 'editorial') is a noun."""
    return word in _ADJECTIVES or word.endswith(_SUFFIXES) and len(word) > 4 and \
        word not in HEAD_NOUNS


def noun_end(text: str, end: int) -> int | None:
    """The end of the noun that the lowercase words right after ``end`` close (adjectives
    before it allowed, ``_MAX_WORDS`` in all), or None."""
    at = end
    for _ in range(_MAX_WORDS):
        m = _NEXT.match(text, at)
        if not m:
            return None
        word = m.group(1)
        if word in DANGLING or word in _RELATIVE or finite_word(word) or \
                word in cue_verb_words() or word.endswith(("ly", "ing")):
            return None
        at = m.end()
        if not adjective_like(word):
            return at
    return None


def complete_adjective_ends(quotes: list, text: str) -> list:
    """Each speech quotation whose description speaker is its own mention and ends on an
    adjective takes the noun phrase through its noun (module docstring); others are left."""
    for q in quotes:
        s, e = q.speaker_start, q.speaker_end
        if q.kind != "speech" or not q.speaker or s is None or e is None or \
                case_key(text[s:e]) != case_key(q.speaker) or len(q.speaker.split()) < 2 or \
                not adjective_like(q.speaker.split()[-1].lower()):
            continue
        end = noun_end(text, e)
        if end is None:
            continue
        written = text[s:end]
        q.speaker = written.lower() if q.speaker == q.speaker.lower() else written
        q.speaker_end, q.speaker_surface = end, written
        q.rule = f"{q.rule}|noun-end"
    return quotes
