"""A role written before a full name gives the name: 'Democratic presidential candidate Bernie
Sanders' -> Bernie Sanders.

A rule that reads a capitalised run as a name, or a role noun phrase as a description, can keep
the role as the speaker: "said Democratic presidential candidate Bernie Sanders" gave
'Democratic presidential candidate' (the run stops at 'Democratic', ``quotes.modifier_names``
ends it on its role noun), and 'Chief Executive Satya Nadella', 'lead author Josh Leipheimer',
'Alameda County District Attorney Pamela Price' were the speakers of the pagetext pages. A
reader wants the person. ``named_holders`` makes a full name (two or three capitalised words)
that a role noun (``ROLE_NOUNS``) stands right before the speaker, either inside the speaker
or right after its mention; the mention (``speaker_surface``) keeps the role, and ``rule``
records ``|role-name``. A name in a prepositional complement ('a spokesman for House Speaker
Paul Ryan') is not the speaker and is left. A name followed by a possessive ('candidate Bernie Sanders's campaign')
is the owner of the speaker, not the speaker, and is left. The other order, a full name opening
its sentence with the description after it set off by commas ('Dan Centinello, Romney’s deputy
national political director, said'), gives the name too (``appositive_holders``, ``rule``
``|name-appositive``); a name inside the description ('The spokesman for Dan Centinello, ...')
or not opening its sentence is left.

>>> text = '"We will win," said Democratic presidential candidate Bernie Sanders.'
>>> from types import SimpleNamespace as Q
>>> q = Q(kind="speech", speaker="Democratic presidential candidate", speaker_start=20,
...       speaker_end=53, speaker_surface="Democratic presidential candidate",
...       rule="cue-after-inverted|noun-phrase", speaker_type="person")
>>> [(q.speaker, q.speaker_surface, q.rule) for q in named_holders([q], text)][0][:2]
('Bernie Sanders', 'Democratic presidential candidate Bernie Sanders')
>>> role_name("Chief Executive Satya Nadella"), role_name("the Florida senator")
('Satya Nadella', None)
"""

from __future__ import annotations

import re

from newsprism.quotes.names import NOT_NAMES, TITLE_WORDS, TITLES, is_name
from newsprism.quotes.roles import ROLES
from newsprism.quotes.speakers import speaker_type
from newsprism.quotes.written_form import case_key

# one-person role nouns (no plurals: 'critics Bob Smith' is no apposition) and the last words
# of titles ('District Attorney', 'Chief Executive', 'Volunteer Coordinator')
ROLE_NOUNS = frozenset(w for w in ROLES if " " not in w) | frozenset(
    w.lower() for w in TITLE_WORDS.split("|") if " " not in w) | frozenset(
    "attorney executive officer coordinator supervisor author co-author rabbi representative "
    "spokesman spokeswoman spokesperson aide adviser advisor strategist analyst lawyer "
    "economist professor founder co-founder chief ceo manager activist pollster".split()) | \
    frozenset(w.lower() for w in TITLES.split("|"))  # 'Rep.', 'Gov.', 'Lt. Gen.'


def _role_word(word: str) -> bool:
    return word.lower().rstrip(".") in ROLE_NOUNS
_CAP = r"[A-Z][\w\u2019'\-]+"
_NAME = rf"{_CAP}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_CAP}){{1,2}}"
_PREPOSITIONS = frozenset("for of to by with from at on in about".split())
# what may stand between a mention and the name: one or two lowercase words ending on the role
# ('Democratic| pollster Geoff Garin') or a department ('Secretary| of State John F. Kerry')
_DEPARTMENT = "State|Defense|Labor|Commerce|Energy|Education|Agriculture|Transportation|" \
    "Justice|Treasury|Interior|Army|Navy|Health|Housing"
_BETWEEN = (rf"(?P<between>[ \t]+of[ \t]+(?:the[ \t]+)?(?:{_DEPARTMENT})"
            r"|(?:[ \t]+(?!of\b)[a-z][\w\-]*){1,2})?")
# the name right after, not a possessor ("Sanders's campaign"), or set off by commas as an
# apposition ('the White House spokesman, Josh Earnest, said')
_AFTER = re.compile(rf"{_BETWEEN}(?:[ \t]+(?P<name>{_NAME})(?![\w\u2019'\-])"
                    rf"(?![ \t]*[\u2019']s\b)|,[ \t]+(?P<appositive>{_NAME}),)")


def _full_name(name: str) -> bool:
    """Two or three capitalised words that may be a person's name (no sentence opener, no
    cue or bad word, no title word: 'President Obama' stays a title and a name; no
    organisation)."""
    words = name.split()
    return is_name(name) and not any(w in NOT_NAMES or _role_word(w) for w in words) and \
        speaker_type(name) == "person"  # 'CEO of Washington Restaurant Association'


def role_name(speaker: str) -> str | None:
    """The full name that the last role noun of ``speaker`` stands before at its end (a
    department between them: 'Secretary of State John F. Kerry'), or None."""
    words = speaker.split()
    for i in range(len(words) - 3, max(len(words) - 6, -1), -1):
        name = " ".join(words[i + 1:])
        department = i >= 2 and words[i - 1] == "of" and \
            re.fullmatch(_DEPARTMENT, words[i]) is not None and _role_word(words[i - 2])
        if (_role_word(words[i]) or department) and re.fullmatch(_NAME, name) and \
                _full_name(name):
            # 'a spokesman for House Speaker Paul Ryan': the name is a complement, not the speaker
            return None if _PREPOSITIONS & set(words[:i - 2 if department else i]) else name
    return None


def _name_after(text: str, s: int, e: int) -> re.Match | None:
    """The full name written right after the mention ``text[s:e]`` when the mention, or the
    lowercase words after it, end on a role noun (a department after it: 'Secretary of State');
    None otherwise."""
    m = _AFTER.match(text, e)
    if not m or not _full_name(m.group("name") or m.group("appositive")):
        return None
    between = (m.group("between") or "").split()
    if between and between[0] != "of":
        return m if text[s:e][:1].isupper() and _role_word(between[-1]) else None
    return m if _role_word(text[s:e].split()[-1]) else None


# a full name opening its sentence and set off by a comma before the mention: 'Dan Centinello,|
# Romney’s deputy national political director, said'
_BEFORE = re.compile(rf"(?:^|(?<=[.!?:;\n\"\u201c\u201d])[ \t]*|(?<=\n))(?P<name>{_NAME}),[ \t]+$")


def _name_before(text: str, s: int, e: int) -> re.Match | None:
    """The full name opening the sentence right before a description mention ``text[s:e]`` set
    off by commas as its apposition ('Dan Centinello, Romney’s deputy ..., said'); None when
    the mention has no lowercase word (a list of names) or is not closed by a comma."""
    words = text[s:e].split()
    if not any(w[:1].islower() for w in words) or not re.match(r"[ \t]*,", text[e:]):
        return None
    m = _BEFORE.search(text, max(0, s - 60), s)
    return m if m and m.end() == s and _full_name(m.group("name")) else None


def _credit_name_before(q, text: str) -> str | None:
    """The name of :func:`_name_before` for ``q``'s description mention, its mention widened
    over the name (the description stays the mention's role); None otherwise."""
    s, e = q.speaker_start, q.speaker_end
    if s is None or e is None or case_key(text[s:e]) != case_key(q.speaker):
        return None
    m = _name_before(text, s, e)
    if m is None:
        return None
    q.speaker_start, q.speaker_surface = m.start("name"), text[m.start("name"):e]
    return m.group("name")


def named_holders(quotes: list, text: str, actors=None) -> list:
    """Each speech quotation whose speaker is a role before a full name takes the name
    (module docstring); ``speaker_type`` is read again from the name. Others are left."""
    for q in quotes:
        if q.kind != "speech" or not q.speaker:
            continue
        s, e = q.speaker_start, q.speaker_end
        written = q.speaker_surface if case_key(q.speaker_surface) == case_key(q.speaker) else \
            q.speaker
        name = role_name(written)
        if name is None and s is not None and e is not None and text[s:e].split() and \
                case_key(text[s:e]).endswith(case_key(q.speaker)) and \
                (m := _name_after(text, s, e)):
            name = m.group("name") or m.group("appositive")
            end = m.end() - (m.group("appositive") is not None)  # the closing comma left out
            q.speaker_end, q.speaker_surface = end, text[s:end]
        if name is None:
            continue
        q.speaker = name
        q.rule = f"{q.rule}|role-name"
        # the name's own type: 'White House spokesman, Josh Earnest' is no organisation
        q.speaker_type = speaker_type(name, name, actors)
    return quotes


def appositive_holders(quotes: list, text: str, actors=None) -> list:
    """Each speech quotation whose speaker is a description set off by commas after a full
    name opening the sentence takes the name ('Dan Centinello, Romney’s deputy national
    political director, said' -> Dan Centinello); the mention widens over the name, ``rule``
    records ``|name-appositive`` and ``speaker_type`` is read again from the name. Run after
    the description has its noun (``quotes.adjective_ends``)."""
    for q in quotes:
        if q.kind == "speech" and q.speaker and (name := _credit_name_before(q, text)):
            q.speaker = name
            q.rule = f"{q.rule}|name-appositive"
            q.speaker_type = speaker_type(name, name, actors)
    return quotes
