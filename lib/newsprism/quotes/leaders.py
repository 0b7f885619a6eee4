"""Leader descriptions ('the Russian leader', 'the North Korean head of state', 'the Kremlin
leader') and the head of state or government an article introduced for that country.

``leader_introductions(text, description, at)`` -> the (start, end) spans of the names the text
before ``at`` introduces with a head-of-state or head-of-government title (President, Prime
Minister, Chancellor, Chairman, leader, Supreme Leader, King, ...) whose place modifier names
the description's country (``quotes.places``): 'Russian President Vladimir Putin',
'Pyongyang’s leader Kim Jong Un', 'North Korea’s leader Kim Jong Un', 'Kremlin leader Vladimir
Putin', 'the Russian leader, Vladimir Putin,'; or by apposition, the title after the name and
closing the apposition ('Vladimir Putin, Russia’s president,', 'Putin, the Russian leader.',
'Kim Jong Un, North Korea’s leader,'; never 'Dmitry Peskov, the Russian president’s
spokesman'). A generic noun ('leader', 'head of state', 'ruler') takes any such title; a title noun
('the Russian president', 'the British prime minister') takes only its own title.

The caller decides: one person introduced so -> that person; none or two different people ->
the description stays a speaker of its own (no guess). Caveats: an apposition is read only when
punctuation closes it ('Putin, Russia’s president since 2000,' is not read); 'the president of
Russia' is not read; a 'former' description or introduction is never used; a country missing
from ``places.yml`` resolves nothing.

>>> text = "Russian President Vladimir Putin wrote to Pyongyang\u2019s leader Kim Jong Un. "
>>> [text[s:e] for s, e in leader_introductions(text, "the North Korean leader", len(text))]
['Kim Jong Un']
>>> [text[s:e] for s, e in leader_introductions(text, "the Russian leader", len(text))]
['Vladimir Putin']
>>> leader_introductions(text, "the Chinese leader", len(text))
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.quotes.places import country_of, place_forms

# description noun -> the titles that introduce a person with it (None: any head title)
LEADER_NOUNS = {
    "leader": None, "ruler": None, "head of state": None, "head of government": None,
    "strongman": None, "dictator": None,
    "president": ("President",),
    "prime minister": ("Prime Minister", "Premier"),
    "premier": ("Premier", "Prime Minister"),
    "chancellor": ("Chancellor",),
    "chairman": ("Chairman",),
    "supreme leader": ("Supreme Leader",),
    "king": ("King",), "queen": ("Queen",), "emperor": ("Emperor",),
    "emir": ("Emir",), "sultan": ("Sultan",),
}
HEAD_TITLES = ("President", "Prime Minister", "Premier", "Chancellor", "Chairman",
               "Supreme Leader", "leader", "King", "Queen", "Emperor", "Emir",
               "Sultan", "dictator", "ruler", "strongman", "head of state")
_NOUNS = "|".join(sorted(LEADER_NOUNS, key=len, reverse=True))
_DESCRIPTION = re.compile(rf"(?i:the)\s+(?P<place>[A-Z].*?)\s+(?P<noun>(?i:{_NOUNS}))")
# a person's name: capitalised words, an initial between them ('Kim Jong Un', 'George W. Bush')
# ('O’Brien'; a possessive ends the name: 'Vladimir Putin’s New Year’s address')
_CAPWORD = r"[A-Z\u0410-\u042f\u0401][\w\-]+(?:[\u2019'][A-Z][\w\-]*)?"
_PERSON = rf"{_CAPWORD}(?:\s+(?:[A-Z]\.\s+)?{_CAPWORD}){{0,3}}"
_FORMER = re.compile(r"\b(?i:former|ex-?|then-?)\s*(?:[\w\-]+\s+){0,2}$")


def parse_leader(description: str) -> tuple[str, str] | None:
    """(country, noun) of a leader description, or None: 'the Russian leader' -> ('Russia',
    'leader'); 'the Pyongyang president' -> ('North Korea', 'president'); 'the party leader'
    and 'the former Russian leader' -> None."""
    m = _DESCRIPTION.fullmatch(re.sub(r"\s+", " ", description.strip()))
    country = country_of(m.group("place")) if m else None
    return (country, m.group("noun").lower()) if country else None


@lru_cache(maxsize=32)
def _introduction(titles: tuple[str, ...]) -> re.Pattern:
    places = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in place_forms())
    forms = "|".join(re.escape(t).replace(r"\ ", r"\s+")
                     for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?P<place>{places})(?:[\u2019']s)?\s+(?i:{forms})"
                      rf",?\s+(?P<name>{_PERSON})")


@lru_cache(maxsize=32)
def _apposition(titles: tuple[str, ...]) -> re.Pattern:
    """'<name>, [the] <place>['s] <title>' closed by punctuation (the title is the whole
    apposition: not 'the Russian president’s spokesman', not 'Russia’s president since 2000')."""
    places = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in place_forms())
    forms = "|".join(re.escape(t).replace(r"\ ", r"\s+")
                     for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?P<name>{_PERSON}),\s+(?:the\s+)?(?P<place>{places})"
                      rf"(?:[\u2019']s)?\s+(?i:{forms})(?=\s*(?:[,;:.)\u2013\u2014]|$))")


def leader_introductions(text: str, description: str, at: int,
                         window: int = 5000) -> list[tuple[int, int]]:
    """The spans of the names ``text[at - window:at]`` introduces as the head of state or
    government of the country of ``description``, in text order ([] when the description is no
    leader description of a codebook country)."""
    parsed = parse_leader(description)
    if parsed is None:
        return []
    country, noun = parsed
    titles, start = LEADER_NOUNS[noun] or HEAD_TITLES, max(0, at - window)
    spans = [m.span("name") for m in _introduction(titles).finditer(text, start, at)
             if country_of(m.group("place")) == country
             and not _FORMER.search(text, max(0, m.start() - 30), m.start())]
    spans += [m.span("name") for m in _apposition(titles).finditer(text, start, at)
              if country_of(m.group("place")) == country]
    return sorted(spans)
