"""Possessive things as speakers: "Clinton’s response", "Trump's attacks", "Berlin's hesitance".

A rule that takes a sentence's subject as the speaker can take a thing a person owns (speakers14's
census: "clinton's response", 'her economic plan'). Two kinds, read from the head noun:

- an utterance (``UTTERANCE_NOUNS``: 'response', 'claim', 'comments', 'attacks', 'rhetoric')
  is what its owner said: ``utterance_owner`` gives the owner's name, and attribution credits
  the owner ("Clinton’s response was: ..." -> Hillary Clinton);
- any other thing (``THING_NOUNS``: 'hesitance', 'orbit', 'track record', 'victories',
  'temperament', 'tone') says nothing: ``possessive_thing`` is a fault of the last check
  (``quotes.plausible``), and the quotation gets no speaker.

>>> utterance_owner("Clinton’s response"), utterance_owner("Clinton’s campaign")
('Clinton', None)
>>> possessive_thing("berlin's hesitance"), possessive_thing("trump's campaign")
(True, False)
"""

from __future__ import annotations

import re

UTTERANCE_NOUNS = frozenset(
    "response responses reply retort answer answers claim claims comment comments remark remarks "
    "attack attacks broadside rhetoric accusation accusations statements language words "
    "phrase argument criticism".split())
THING_NOUNS = frozenset(
    "hesitance orbit record wins victories victory primary temperament appeal tone "
    "achievements perspective preference story thinking mind business".split())
_OWNER = r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})"
# 'In Dr. Shadlen’s words': the preposition is no part of the owner's name
_POSSESSIVE = re.compile(
    rf"(?:[Ii]n\s+)?{_OWNER}['\u2019]s\s+(?:[a-z][\w\-]*\s+){{0,2}}(?P<head>[a-z]+)")
_ANY_POSSESSIVE = re.compile(
    r"(?:(?:his|her|their|its)|\S+(?:\s+\S+){0,3}['\u2019]s)\s+(?:\S+\s+){0,2}(?P<head>\S+)",
    re.I)


def utterance_owner(surface: str) -> str | None:
    """The capitalised owner of an utterance noun phrase ("Clinton’s response", "Donald Trump's
    accusation"), else None."""
    m = _POSSESSIVE.fullmatch(" ".join(surface.split()))
    return m.group("owner") if m and m.group("head") in UTTERANCE_NOUNS else None


def possessive_thing(speaker: str) -> bool:
    """Whether ``speaker`` is a possessive noun phrase whose head is a thing that says nothing
    ("berlin's hesitance", 'their instinctive preference', "trump's gloomy tone")."""
    m = _ANY_POSSESSIVE.fullmatch(" ".join(speaker.split()))
    return bool(m) and m.group("head").lower() in THING_NOUNS
