"""A capitalised word that modifies a noun is no speaker of its own: 'Foreign minister', 'European
Jewish group', 'Marseille mayor', 'Nuclear proliferation experts'.

A rule that reads a capitalised run as a name stops where the capitals stop, so in "Foreign
minister condemns ..." or "European Jewish group unveils ..." it takes 'Foreign' or 'European
Jewish' as the speaker (speakers14's census of the pagetext pages). When the run is the
speaker's own mention and the words right after it end in a role or group noun (``HEAD_NOUNS``:
the heads of the noun-phrase sources and the role nouns), ``extend_modifier_names`` makes the
whole noun phrase the speaker, as the article writes it ('Foreign minister' at a sentence's
start becomes 'foreign minister'), and records ``|noun-phrase`` after the rule. One or two
lowercase words, never a verb of the cue lexicon, a finite verb or a function word ('Trump said
officials', 'Criticism within party').

>>> text = "European Jewish group unveils plan: \u201cWe will beat it.\u201d"
>>> from types import SimpleNamespace as Q
>>> q = Q(kind="speech", speaker="European Jewish", speaker_start=0, speaker_end=15,
...       speaker_surface="European Jewish", rule="sentence-subject", speaker_type="person")
>>> [(q.speaker, q.rule) for q in extend_modifier_names([q], text)]
[('European Jewish group', 'sentence-subject|noun-phrase')]
"""

from __future__ import annotations

import re

from newsprism.quotes.np_sources import NP_HEADS
from newsprism.quotes.plausible import cue_verb_words, finite_word
from newsprism.quotes.roles import ROLES
from newsprism.quotes.speakers import speaker_type
from newsprism.quotes.written_form import case_key, fold_initial

HEAD_NOUNS = frozenset(w.lower() for w in NP_HEADS.split("|")) | \
    frozenset(w for w in ROLES if " " not in w)
_TWO = re.compile(r"[ \t]+(?P<mod>[a-z][a-z\-]*)[ \t]+(?P<head>[a-z]+)\b")
_FUNCTION_WORDS = frozenset(
    "a an the and or but of in on at by for to from with within without about into over under "
    "than as that who which".split())
_ONE = re.compile(r"[ \t]+(?P<head>[a-z]+)\b")


def head_after(text: str, end: int) -> int | None:
    """The end of the role or group noun that the one or two lowercase words right after
    ``end`` close, or None ('minister' in 'Foreign| minister condemns'; none in 'Research| has
    hinted' or 'Trump| said officials')."""
    for pattern in (_TWO, _ONE):
        m = pattern.match(text, end)
        if not m or m.group("head") not in HEAD_NOUNS:
            continue
        mod = m.groupdict().get("mod")
        if mod and (mod in cue_verb_words() or finite_word(mod) or mod in _FUNCTION_WORDS or
                    mod.endswith(("ed", "ly"))):
            return None
        if text[m.end():m.end() + 2] in ("'s", "\u2019s"):  # 'Trump campaign's ads'
            return None
        return m.end()
    return None


def extend_modifier_names(quotes: list, text: str, actors=None) -> list:
    """Each speech quotation whose speaker is its own capitalised mention followed by a role or
    group noun takes the noun phrase as its speaker (module docstring); ``speaker_type`` is
    read again. Others are left."""
    for q in quotes:
        s, e = q.speaker_start, q.speaker_end
        if q.kind != "speech" or not q.speaker or q.speaker == q.speaker.lower() or \
                s is None or e is None or case_key(text[s:e]) != case_key(q.speaker):
            continue
        end = head_after(text, e)
        if end is None:
            continue
        q.speaker = fold_initial(text[s:end], text, s)
        q.speaker_end, q.speaker_surface = end, text[s:end]
        q.rule = f"{q.rule}|noun-phrase"
        q.speaker_type = speaker_type(q.speaker, q.speaker_surface, actors)
    return quotes
