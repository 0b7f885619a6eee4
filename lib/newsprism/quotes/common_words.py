"""A common word read as a name is no speaker: 'Virus hits more countries as ...', 'Research has
hinted', 'About four in 10 voters said'.

A rule that takes a capitalised run as a name takes the capital a sentence or a headline opens
with: 'Virus', 'Research', 'More', 'Will', 'Criticism' (speakers17's census of the pagetext
tuning pages and PolNeAR train). ``abstain_common_words`` drops such a speaker (no speaker,
type ``unknown``, ``rule`` records ``|abstain:common-word``, the mention stays) when it is one
capitalised word (no acronym: 'IMF', 'JIT'), its mention opens a sentence or a line, the
article writes the word in lowercase elsewhere, and it is no role or group noun ('Critics',
'Police', 'Aides' are descriptions a reader accepts).

>>> text = "Virus hits more countries, health officials say: “not ready”. The virus spread."
>>> from types import SimpleNamespace as Q
>>> q = Q(kind="speech", speaker="Virus", speaker_start=0, speaker_end=5,
...       speaker_surface="Virus", rule="sentence-subject", speaker_type="person")
>>> [(q.speaker, q.rule) for q in abstain_common_words([q], text)]
[(None, 'sentence-subject|abstain:common-word')]
"""

from __future__ import annotations

import re

from newsprism.quotes.np_sources import NP_HEADS
from newsprism.quotes.roles import ROLES
from newsprism.quotes.written_form import sentence_initial

_GROUP_NOUNS = frozenset(w.lower() for w in NP_HEADS.split("|")) | frozenset(ROLES)


def common_word_speaker(speaker: str, text: str, at: int | None) -> bool:
    """Whether ``speaker`` (written at ``at`` in ``text``) is one capitalised common word at a
    sentence's or line's start that the article writes in lowercase elsewhere and that is no
    role or group noun."""
    if at is None or not re.fullmatch(r"[A-Z][a-z]+", speaker) or \
            speaker.lower() in _GROUP_NOUNS or not sentence_initial(text, at):
        return False
    return re.search(rf"(?<![\w\-]){speaker.lower()}(?![\w\-])", text) is not None


def abstain_common_words(quotes: list, text: str) -> list:
    """Each speech quotation whose speaker is its own mention and a common word (module
    docstring) loses it; others are left."""
    for q in quotes:
        if q.kind != "speech" or not q.speaker or q.speaker != (q.speaker_surface or "").strip():
            continue
        if common_word_speaker(q.speaker, text, q.speaker_start):
            q.speaker = None
            q.speaker_type = "unknown"
            q.rule = f"{q.rule}|abstain:common-word"
    return quotes
