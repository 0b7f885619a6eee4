"""What kind of speaker a quotation has: person, organisation, anonymous source, document, unknown.

``speaker_type(speaker, surface, registry)`` reads the canonical speaker and the mention it was
resolved from (``Quote.speaker``, ``Quote.speaker_surface``): an actor of the registry gives its
role (person; state or organisation -> ``organisation``; media -> ``document``); otherwise the
mention's words decide, first match wins:

- ``anonymous``: an unnamed source ('a senior official', 'sources close to the Russian
  military', 'one well-connected Democrat familiar with ...', 'a person who spoke on condition
  of anonymity');
- ``document``: a text or an outlet speaks ('the letter', 'a statement', 'the report', 'KCNA',
  'the Post', 'a campaign ad');
- ``organisation``: an institution or a group ('Richmond police', 'the Trump campaign',
  'federal prosecutors', 'Edmonton Oilers');
- ``person``: a capitalised name, a resolved pronoun or a role description of one person ('the
  senator from Vermont', 'the author');
- ``unknown``: no speaker (an abstention).

Caveat: words, not a model; a named organisation without an organisation word ('Pew') reads as
a person unless the actor registry lists it.

>>> pairs = [("Kim Jong Un", "Kim"), ("Richmond police", "Richmond police"),
...          ("a senior official", "a senior official"), ("the letter", "the letter"), (None, None)]
>>> [speaker_type(s, m) for s, m in pairs]
['person', 'organisation', 'anonymous', 'document', 'unknown']
"""

from __future__ import annotations

import re

SPEAKER_TYPES = ("person", "organisation", "anonymous", "document", "unknown")

_ANONYMOUS = re.compile(
    r"\b(?:sources?|officials?|aides?|insiders?|diplomats?|persons?|people|someone|advisers?|"
    r"advisors?|staffers?|strategists?|operatives?|members?|democrats?|republicans?|users?|"
    r"owners?|residents?|voters?|employees?)\b.*\b(?:close to|familiar with|inside|within|"
    r"anonym\w*|not authorized|declined to be|requested|on condition)\b"
    r"|^(?:an?|one|two|three|several|some|another)\s+(?:[\w\-]+\s+){0,3}(?:source|official|aide|"
    r"insider|diplomat|person|adviser|advisor|staffer|strategist|operative|spokesman|"
    r"spokeswoman|spokesperson)s?\b"
    r"|^(?:sources|officials|insiders|diplomats|people)\b", re.I)
_DOCUMENT = re.compile(
    r"\b(?:letter|message|statement|report|memo|email|e-mail|tweet|post|transcript|ad|advert|"
    r"release|press release|editorial|article|book|document|filing|complaint|lawsuit|indictment|"
    r"opinion|ruling|order|footnote|website|headline|newspaper|agency|kcna|tass|xinhua|reuters|"
    r"associated press|times|journal|news|tribune|examiner|pool report|video|poll|survey|"
    r"announcement|speech|telegram|note|platform)\b", re.I)
_ORGANISATION = re.compile(
    r"\b(?:police|prosecutors|authorities|investigators|officers|detectives|campaign|committee|"
    r"party|government|administration|ministry|department|agency|council|commission|court|"
    r"university|school|college|company|corporation|inc|corp|group|union|association|"
    r"foundation|institute|club|team|army|military|navy|congress|senate|house|parliament|"
    r"kremlin|pentagon|white house|office|bureau|fbi|cia|nato|coalition|organization|"
    r"organisation|pac|lawmakers|democrats|republicans|officials|supporters|protesters|"
    r"critics|activists|voters|residents|workers|students|crowd|audience|fans|oilers|rockets|"
    r"percent)\b",
    re.I)
_REGISTRY_TYPES = {"person": "person", "state": "organisation", "organisation": "organisation",
                   "media": "document"}


def speaker_type(speaker: str | None, surface: str | None = None, registry=None) -> str:
    """One of ``SPEAKER_TYPES`` for a quotation's canonical ``speaker`` and the mention
    ``surface`` it was resolved from; ``registry``: an optional actor registry (``role``)."""
    if not speaker:
        return "unknown"
    role = _registry_role(speaker, registry)
    if role:
        return role
    words = surface if surface and surface.lower() not in ("he", "she", "i") else speaker
    if _ANONYMOUS.search(words):
        return "anonymous"
    if _DOCUMENT.search(words) and not re.match(r"(?i:the author)$", speaker):
        return "document"
    if _ORGANISATION.search(words) or _ORGANISATION.search(speaker):
        return "organisation"
    return "person"


def _registry_role(speaker: str, registry) -> str | None:
    role_of = getattr(registry, "role", None)
    if role_of is None:
        return None
    try:
        return _REGISTRY_TYPES.get(role_of(speaker))
    except (KeyError, ValueError, TypeError):  # not an actor of the registry
        return None
