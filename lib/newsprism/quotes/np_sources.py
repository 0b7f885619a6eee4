"""Noun-phrase sources: a quotation whose speaker is a description, a group or an institution
('The retired neurosurgeon addressed his concerns ..., remarking he did not feel “...”',
'That is why critics say he had proposed to “dismantle” the ACA', '21 percent said “...”').

The sentence of the quotation opens with the noun phrase and its verb; the noun phrase is headed
by a word of :data:`NP_HEADS` (a role, a group, an institution, a text); no person is named
between it and the quotation. The noun phrase is the speaker (its type comes from
:func:`newsprism.quotes.speakers.speaker_type`: anonymous, organisation, document or person);
a role the article gives a named holder resolves to that person through the usual role
resolution. When the sentence opens any other way the rule abstains.

>>> from newsprism.quotes.marks import pair_marks
>>> from newsprism.quotes.attribution import attribute
>>> text = 'That is why critics say he had proposed to “dismantle” the law.'
>>> [a.speaker for a in attribute(text, pair_marks(text))]
[None]
>>> [a.fallback.speaker for a in attribute(text, pair_marks(text))]
['critics']
"""

from __future__ import annotations

import re

from newsprism.quotes.attributor import Attribution, QuoteSite
from newsprism.quotes.names import CUE_RE, CUE_SET, DOUBLE_MARK, NAME_RE, is_name, person_like
from newsprism.quotes.subjects import PLACE_BEFORE

# the head nouns of a noun-phrase source: a role, a group of people, an institution
NP_HEADS = (
    "spokesman|spokeswoman|spokesperson|official|officials|aide|aides|adviser|advisers|advisor|"
    "advisors|strategist|strategists|staffer|staffers|source|sources|insiders|critics|critic|"
    "analysts|analyst|experts|expert|police|prosecutors|prosecutor|investigators|authorities|"
    "officers|detectives|lawyers|lawyer|attorneys|attorney|lawmakers|legislators|leaders|leader|"
    "activists|protesters|organizers|supporters|opponents|voters|residents|witnesses|"
    "researchers|scientists|economists|historians|pollsters|doctors|diplomats|regulators|"
    "senator|governor|candidate|nominee|president|secretary|judge|justice|ambassador|mayor|"
    "chairman|chairwoman|director|neurosurgeon|businessman|billionaire|actor|actress|"
    "campaign|committee|commission|administration|department|ministry|agency|council|board|"
    "court|company|party|government|organization|non-profit|nonprofit|group|union|network|"
    "newspaper|paper|service|percent|crowd|audience|Saudis|order|ruling|report|statement|letter|"
    "memo|poll|survey|study|editorial")
_HEAD = re.compile(rf"\b(?i:{NP_HEADS})\b")
_DETERMINER = (r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Ss]ome|[Mm]any|[Mm]ost|"
               r"[Ss]everal|[Oo]ther|[Aa]nother|[Tt]wo|[Tt]hree|\d+)")
# words that open a clause or a prepositional phrase, never a noun phrase's modifier
_NOT_NP_START = (r"(?i:once|when|if|while|after|before|because|as|since|until|although|though|"
                 r"whether|that|which|who|what|how|where|than|but|and|or|to|in|on|at|for|of|"
                 r"with|by|from|based|according)\b")
# (an opening phrase set off by a comma, or a connective), the noun phrase, its verb
_NP_SUBJECT = re.compile(
    r"(?:(?:[A-Z][^,\u201c\u201d\"\n]{0,80},(?:[^,\u201c\u201d\"\n]{1,30},)?|But|And|Yet|So|Still|Now|"
    r"Instead|Meanwhile|"
    r"However|Also|That is why|That's why|This is why|Even so),?\s+)?"
    rf"(?!{_NOT_NP_START})(?P<nom>(?:{_DETERMINER}\s+)?"
    rf"(?:(?!{_NOT_NP_START})[\w\-\u2019'.]+\s+){{0,4}}?(?i:{NP_HEADS})"
    r"(?:\s+(?:of|for|at|with|from|in|close to|familiar with)\s+(?:the\s+)?"
    r"[\w\-\u2019'.]+(?:\s+[\w\-\u2019'.]+){0,3}?)?)"
    r"(?:\s+(?:this|last|on)\s+(?-i:[A-Za-z]+))?"  # 'A group of 67 artists this week published'
    r"\s+(?:(?:also|then|later|has|have|had|would|will|further|often|again|now)\s+)*"
    r"(?:(?P<aux>is|are|was|were)\s+)?(?P<verb>(?-i:[a-z]{2,}))\b")
# a lowercase word modifying the head noun (no preposition, conjunction or relative word)
_MODIFIER = (r"(?!(?:to|of|for|in|on|at|by|with|from|and|or|that|who|which|than)\b)"
             r"(?-i:[a-z][\w\-]*)")
# a noun phrase and a verb of saying right after it, anywhere before the quotation: '..., to
# which 21 percent said “...”'
_NP_CUE = re.compile(
    rf"(?<![\w\u2019'])(?P<nom>(?:{_DETERMINER}\s+)?(?:{_MODIFIER}\s+){{0,3}}?"
    rf"(?i:{NP_HEADS}))\s+(?:(?:also|then|later|have|has|had)\s+)?(?P<verb>(?-i:[a-z]{{2,}}))\b")
# after the quotation: '“...,” the order released Friday said', '“...,” the Saudis state'
_NP_AFTER = re.compile(
    rf"[\s,]*(?P<nom>(?-i:the|a|an|one|some|many|two|three|\d+)\s+(?:{_MODIFIER}\s+){{0,3}}?"
    rf"(?i:{NP_HEADS})(?:\s+(?:released|obtained|published|issued)\s+(?-i:[A-Z])[a-z]+)?)"
    r"\s+(?P<verb>(?-i:[a-z]{2,}))\b")
_IRREGULAR = frozenset(
    "said told wrote began says tells writes thinks thought put puts sent made held took spoke "
    "found gave went came".split())


def verb_like(word: str) -> bool:
    """Whether a lowercase ``word`` may be the verb of a source: a cue verb, an irregular past
    ('said', 'began') or a past in -ed ('addressed'); not a present like 'wants' (what someone
    wants is not what they said)."""
    return word in CUE_SET or word in _IRREGULAR or re.fullmatch(r"[a-z]+ed", word) is not None


def _source_verb(m: re.Match) -> bool:
    """The verb after a sentence-opening noun phrase: ``verb_like``, or a progressive ('The
    non-profit is seeking “...”')."""
    verb = m.group("verb")
    return verb_like(verb) if m.group("aux") is None else verb.endswith("ing")


# a relative clause with a verb of saying between the source and the quotation: its antecedent
# speaks ('The crowd cheered for the candidate who said the city “...”')
_RELATIVE_CUE = re.compile(r"\b(?:who|which|that)\s+(?:(?:has|had|also)\s+)?$")


def noun_phrase_subject(q: QuoteSite) -> Attribution | None:
    """'The retired neurosurgeon addressed his concerns ..., remarking he did not feel “...”':
    the quotation's sentence opens with a noun phrase headed by a role, group or institution
    noun and its verb, and names no person before the quotation: that noun phrase speaks."""
    lo = q.lo
    while lo < q.open_mark and q.text[lo].isspace():
        lo += 1
    if not _HEAD.search(q.text, lo, q.hi):
        return None  # (most sentences: no head noun at all, nothing to parse)
    m = _opening(q, lo) or _before_cue(q, lo) or _after(q)
    if m is None:
        return None
    s, e = m.span("nom")
    if any(_RELATIVE_CUE.search(q.text, max(e, c.start() - 16), c.start())
           for c in CUE_RE.finditer(q.text, e, q.open_mark)):
        return None
    if any(_person(q, n) for n in NAME_RE.finditer(q.text, s, q.open_mark)):
        return None  # a person named in the phrase or before the quotation may be the speaker
    return q.make(s, e, "nom", m.group("verb"), "noun-phrase-subject")


def _opening(q: QuoteSite, lo: int) -> re.Match | None:
    """The noun phrase and verb opening the quotation's sentence."""
    m = _NP_SUBJECT.match(q.text, lo, q.open_mark)
    if not m or not _source_verb(m) or DOUBLE_MARK.search(q.text, *m.span("nom")):
        return None
    return m


def _before_cue(q: QuoteSite, lo: int) -> re.Match | None:
    """The last noun phrase right before a verb of saying before the quotation."""
    return next((c for c in reversed(list(_NP_CUE.finditer(q.text, lo, q.open_mark)))
                 if c.group("verb") in CUE_SET and not c.group("verb").endswith("ing") and
                 not q.attributor.inside_quote(c.start())), None)


def _after(q: QuoteSite) -> re.Match | None:
    """A noun phrase and a verb of saying right after the quotation."""
    m = _NP_AFTER.match(q.text, q.close_mark + 1, q.hi)
    if m is None or not (m.group("verb") in CUE_SET or m.group("verb") == "state"):
        return None
    return m


def _person(q: QuoteSite, m: re.Match) -> bool:
    """A person's name (two words or more) outside quotations and not after a preposition ('from
    New Hampshire', 'with “The View”' are no speakers)."""
    surface = m.group(0)
    return len(surface.split()) >= 2 and is_name(surface, q.text) and person_like(surface) and \
        not q.attributor.inside_quote(m.start()) and \
        not PLACE_BEFORE.search(q.text, max(q.lo, m.start() - 12), m.start())
