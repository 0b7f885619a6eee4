"""Surnames that are also common words: 'George Will', 'Al From'. The name parser never takes
'Will' or 'From' alone for a name (a modal, a preposition), so '“...,” Will wrote' and '“...,”
From said' lost their speaker or took a name from another sentence ('Americans').

When the article gives such a word as the surname of a full name (a given name of the
given-names codebook, then the word: 'Al From'), the word followed by a verb in the
quotation's sentence ('From said', 'Will urged ...') is that person speaking.

>>> surnames_of_words("Columnist George Will said so. Will wrote it.")
{'Will': 'George Will'}
"""

from __future__ import annotations

import functools
import re

from newsprism.quotes.attributor import Attribution, QuoteSite
from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.names import NOT_NAMES
from newsprism.quotes.np_sources import verb_like

# surnames the name parser reads as a modal, a month or a preposition (``NOT_NAMES``)
WORD_SURNAMES = frozenset({"Will", "From", "May"})
_ALTERNATION = "|".join(sorted(WORD_SURNAMES, key=len, reverse=True))
_FULL_NAME = re.compile(
    rf"(?P<mid>(?<=[a-z,] ))?\b(?P<given>[A-Z][a-z]+)[ \t]+(?P<word>{_ALTERNATION})\b(?!\s+[A-Z])")
_WORD_SUBJECT = re.compile(
    rf"(?<![\w\u2019'])(?P<word>{_ALTERNATION})\s+(?:(?:also|then|later|has|had)\s+)?"
    rf"(?P<verb>[a-z]{{2,}})\b")


@functools.lru_cache(maxsize=4)
def surnames_of_words(text: str) -> dict[str, str]:
    """Word surname -> the full name the article gives it ('Will' -> 'George Will'): a given
    name of the codebook, or a capitalised word mid-sentence ('said Al From,'), before it; a
    word given to two people is left out. One scan per article (cached)."""
    found: dict[str, set[str]] = {}
    for m in _FULL_NAME.finditer(text):
        given = m.group("given")
        if given not in NOT_NAMES and (m.group("mid") is not None or
                                       given_name_gender(given + " x")):
            found.setdefault(m.group("word"), set()).add(m.group(0))
    return {word: next(iter(full)) for word, full in found.items() if len(full) == 1}


def word_surname(q: QuoteSite) -> Attribution | None:
    """'“...,” From said' after 'Al From' in the article: the word surname, followed by a verb
    in the quotation's sentence outside quotations, is the person speaking."""
    names = surnames_of_words(q.text)
    if not names:
        return None
    for m in _WORD_SUBJECT.finditer(q.text, q.lo, q.hi):
        word = m.group("word")
        if word in names and verb_like(m.group("verb")) and \
                not q.attributor.inside_quote(m.start()):
            return Attribution(names[word], m.start("word"), m.end("word"), word,
                               m.group("verb"), "word-surname")
    return None
