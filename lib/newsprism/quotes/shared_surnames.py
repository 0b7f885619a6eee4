"""A surname two people of the article share ('Clinton' beside 'Bill Clinton' and 'Hillary
Clinton'): the canonical speaker of a quotation credited through that bare surname.

``Article.canonical`` gives a surname to the most named full name that ends with it, which is
the wrong person whenever the article is about the other one. A hand coder reads such a mention
as the person of its title's gender ('Mrs. Clinton'), else the one named in full last before it
in its paragraph; a 'he' or 'she' credited to a person of the other gender as the one person of
the pronoun's gender. When none of those tells, the bare surname stays the speaker: an
abstention a reader accepts, never a guess.

Caveats (PolNeAR train): the full name written last anywhere before the mention was right 3
times in 20 read by hand (NYT's 'Mrs. Clinton' style; 'Ivanka Trump' before 'Trump said'), so
only the paragraph counts; most changes are abstentions, some replacing a right full name. A
later 'he' or 'she' resolved to the bare surname (which has no gender) goes to the one person
of the pronoun's gender.

>>> from newsprism.quotes.extract import extract_quotes
>>> text = ("Bill Clinton spoke first. Bill Clinton spoke again. Then Hillary Clinton took "
...         "the stage. “We will win,” Clinton said.")
>>> [q.speaker for q in extract_quotes(text) if q.kind == "speech"]
['Hillary Clinton']
"""

from __future__ import annotations

import dataclasses
import re

from newsprism.quotes.coreference import GENDER_OF_PRONOUN, GENDER_WORDS, Article
from newsprism.quotes.names import clean_name

_POSSESSIVE = re.compile(r"[\u2019']s?$")
# a personal or possessive pronoun's gender ('his promise of “...”')
_PRONOUN_GENDER = {**GENDER_OF_PRONOUN, "his": "m", "him": "m", "her": "f"}
_TITLE_WORD = re.compile(r"\b([A-Za-z]+)\.?\s+[A-Z][\w\u2019'\-]*(?:[\u2019']s?)?\s*$")


def _bare_surname(surface: str) -> str | None:
    """The surname of a mention naming one word after its title ('Clinton', 'Mrs. Clinton',
    'Clinton’s'); None for a full name or no name."""
    words = clean_name(_POSSESSIVE.sub("", surface.strip())).split()
    return words[0] if len(words) == 1 else None


def _title_gender(surface: str) -> str | None:
    """The gender a title before the surname tells ('Mrs. Clinton' -> 'f')."""
    m = _TITLE_WORD.search(surface.strip())
    return GENDER_WORDS.get(m.group(1).lower()) if m else None


def _one_of_gender(art: Article, people: dict[str, list[str]], gender: str) -> str | None:
    found = [p for p in people if art.gender(p) == gender]
    return found[0] if len(found) == 1 else None


def latest_named(text: str, people: dict[str, list[str]], at: int, lo: int = 0) -> str | None:
    """Of ``people`` (name -> its forms), the one whose full name (any of its forms) is written
    last in ``text[lo:at]``; None when none is."""
    best, where = None, -1
    for person, forms in people.items():
        for form in forms:
            pattern = re.compile(rf"\b{re.escape(form)}\b")
            hits = [m.start() for m in pattern.finditer(text, lo, at)]
            if hits and hits[-1] > where:
                best, where = person, hits[-1]
    return best


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def shared_surname_speaker(art: Article, text: str, speaker: str, surface: str,
                           at: int) -> str:
    """The speaker of a mention ``surface`` at ``at`` credited to ``speaker`` (see module
    docstring): unchanged unless the surname of ``speaker`` is shared by two people or more."""
    last = speaker.split()[-1] if speaker.split() else ""
    people = art.people_of_surname(last) if last else {}
    pronoun = _PRONOUN_GENDER.get(surface.strip().lower())
    if len(people) < 2 or not (any(speaker in forms for forms in people.values()) or
                               pronoun and speaker == last):
        return speaker
    # a title before the mention tells the gender too ('Mrs. Clinton said', mention 'Clinton')
    gender = pronoun or _title_gender(text[max(0, at - 12):at] + surface)
    if gender:
        # a pronoun or title only corrects a speaker of the other gender ('Mrs.' is no Bill),
        # and a pronoun the bare surname (no gender) its antecedent abstained on: 'Obama ...
        # he said' is the one Obama who is a man, else the bare surname stays
        bare = speaker == last and art.gender(speaker) is None
        if art.gender(speaker) == gender or art.gender(speaker) is None and not (
                pronoun and bare):
            return speaker
        found = _one_of_gender(art, people, gender) or (speaker if pronoun else last)
    elif _bare_surname(surface) != last:
        return speaker  # a full name written out ('Bill Clinton said') is who it says
    else:
        found = latest_named(text, people, at, _paragraph_start(text, at)) or last
    # the person found, in the form the article's own resolution gave it
    return speaker if speaker in people.get(found, ()) else found


def resolve_shared_surname(art: Article, text: str, found):
    """``found`` (an ``Attribution``) with its speaker read by :func:`shared_surname_speaker`."""
    if not found.speaker or found.speaker_surface is None or found.speaker_start is None:
        return found
    speaker = shared_surname_speaker(art, text, found.speaker, found.speaker_surface,
                                     found.speaker_start)
    return found if speaker == found.speaker else dataclasses.replace(found, speaker=speaker)
