"""The per-article attributor (:class:`Attributor`: sentences, pronoun, role and nominal
resolution, how an :class:`Attribution` is made) and what the rules read about one quotation
(:class:`QuoteSite`, :class:`CueSite`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsprism.quotes.coreference import GENDER_OF_PRONOUN, GENDER_WORDS, Article
from newsprism.quotes.fragments import trim_fragment
from newsprism.quotes.headline_names import name_in_headline
from newsprism.quotes.leaders import leader_introductions
from newsprism.quotes.names import (
    BOUNDARY,
    CUE_RE,
    DET_NOUN_PHRASE,
    INSTITUTION_HEADS,
    NAME,
    NAME_RE,
    OPENER_ONLY,
    OPENING_MARKS,
    ORG_SUBJECT,
    ORG_WORDS,
    SAY_VERBS,
    SENT_START,
    SENTENCE_SUBJECT,
    SUBORDINATE_SUBJECT,
    VERB_AFTER,
    in_headline_line,
    is_name,
    person_like,
    strip_leading,
)
from newsprism.quotes.possessives import utterance_owner
from newsprism.quotes.roles import parse_description, role_introductions
from newsprism.quotes.subjects import (
    INITIALS_NAME,
    NAME_PAIR,
    NAME_TAIL,
    PLACE_BEFORE,
    ROLE_DESCRIPTION,
    ROLE_THEN_NAME,
    blank,
    drop_full_stop,
    sentence_span,
    subject_before,
    subject_tail,
)

# finite verbs of saying whose subject is a person who speaks (a pronoun's antecedent); not
# "asked": the interviewer asks, the quotation that follows is the answer
SPEECH_ACTS = (SAY_VERBS - {"continued"}) | {"told", "tells", "stated", "replied"}
_PAIRED = re.compile(r"\b(?:and|or|&)\s+$")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# what a possessive subject owns, up to its verb ('Grayson's spokeswoman', 'Clinton’s response')
_POSSESSED_TAIL = re.compile(
    r"(?:[\u2019']s?)?(?P<words>(?:\s+(?!(?:was|were|is|are|had|has|have|for|on|as|of|to|"
    r"with|by|in|at|like|without|would|will|could|can)\b)(?-i:[a-z])[\w\-]*){0,2})")


# a sentence opening (after a short opener) with a text or an institution and its verb, the
# antecedent of a later 'it' ('The post showed a man in a wig ... . It says: “...”', 'For
# instance, the paper notes ...'); 'a piece', 'the paper', 'the suit' count as texts here
_TEXT_SUBJECT = re.compile(
    r"\s*(?:[A-Z][^,\u201c\u201d\"\n]{0,40},\s+|(?:And|But|Still|Yet|Also)\s+)?"
    r"(?P<nom>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)(?:\s+(?-i:[a-z])[\w\-]*){0,3}?\s+"
    rf"(?i:{INSTITUTION_HEADS}|piece|paper|suit|document))\s+(?:also\s+|then\s+|has\s+|had\s+)?"
    r"(?-i:[a-z]{2,}(?:s|ed))\b")


@dataclass
class Attribution:
    """Who said one quotation, through which mention and cue, and which rule found it."""

    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_surface: str | None = None
    cue: str | None = None
    how: str = ""  # which rule fired (for error analysis and confidence)
    # what ``FALLBACK_RULES`` give when no rule fires: applied only to quotations classified as
    # speech, so it never changes what is speech (see ``extract_quotes``)
    fallback: Attribution | None = None
    # a rule found the mention but it names no one a reader would accept ('a friend without',
    # a headline): no speaker, yet the quotation is attributed (the speech classifier reads it)
    abstained: bool = False


class Attributor:
    """One article's quotations, sentences and people: what every attribution rule reads."""

    def __init__(self, text: str, marked, actors=None):
        self.text = text
        self.spans = [(m.start, m.end) for m in marked]  # quoted words, in order
        self.paragraphs = [(m.para_start, m.para_end) for m in marked]
        self.starts = [s for s, _ in self.spans]  # (sorted: look-ups by bisect, not scans)
        self.word_counts: dict[str, bool] = {}
        self.continues = [m.continues for m in marked]
        self.art = Article(text, actors)
        self.bounds_cache: dict[int, list[int]] = {}
        # the marks themselves (or the span edge when a mark is missing)
        self.quote_marks = [(m.open - (1 if text.startswith("''", m.open - 1) else 0)
                             if m.open >= 0 else m.start,
                             m.close + (2 if text.startswith("''", m.close) else 1)
                             if m.close >= 0 else m.end) for m in marked]

    def bounds(self, ps: int, pe: int) -> list[int]:
        if ps not in self.bounds_cache:
            # a boundary inside a quote starting in the paragraph is none: one sweep over the
            # boundaries and those quotes (both in order), keeping the furthest quote end
            j = bisect.bisect_left(self.starts, ps)
            stop = bisect.bisect_right(self.starts, pe)
            reach = -1
            out = []
            for m in BOUNDARY.finditer(self.text, ps, pe):
                at = m.start()
                while j < stop and self.spans[j][0] <= at:
                    reach = max(reach, self.spans[j][1])
                    j += 1
                if reach < at:
                    out.append(m.end())
            self.bounds_cache[ps] = out
        return self.bounds_cache[ps]

    def quote_between(self, lo: int, hi: int, before: int) -> bool:
        """Whether one of the first ``before`` quotes starts in ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, lo, 0, before)
        return i < before and self.starts[i] < hi

    def _seen_twice(self, word: str, at: int) -> bool:
        """Whether ``word`` occurs twice near ``at``: in the 150,000 characters around its block of
        50,000 (a window: the whole of any news article, constant time in a book-length text)."""
        block = at // 50_000
        key = f"{word}\0{block}"
        if key not in self.word_counts:
            lo, hi = max(0, (block - 1) * 50_000), (block + 2) * 50_000
            first = self.text.find(word, lo, hi)
            self.word_counts[key] = first >= 0 and self.text.find(word, first + 1, hi) >= 0
        return self.word_counts[key]

    def _make(self, s: int, e: int, kind: str, cue: str | None, how: str,
              prev: list[Attribution]) -> Attribution:
        if kind in ("name", "nom"):
            e = drop_full_stop(self.text, s, e)
        # a lone 'her' ('her claim that “...”') is a pronoun to resolve, not a description
        abstains = kind == "nom" and self.text[s:e].lower() in _POSSESSIVE_PRONOUNS
        kind = "pron" if abstains else kind
        if kind == "nom":  # 'a friend without', 'Clinton’s claim that': trim or no speaker
            span = trim_fragment(self.text, s, e)
            if span is None:
                return Attribution(None, s, e, self.text[s:e], cue, how, abstained=True)
            s, e = span
        surface = self.text[s:e]
        if kind == "rel":
            # 'said Scott Reed, the Chamber's strategist, who added': the antecedent speaks
            comma = self.text.rfind(",", max(0, s - 400), s)
            if not re.fullmatch(r",\s*", self.text[max(comma, 0):s]):
                return self._restrictive(s, e, cue, how, prev)
            antecedent = subject_tail(self.text, max(0, comma - 200), comma) if comma > 0 else None
            # 'the Associated Press report, which notes': only the noun phrase before the comma
            # (a thing; a name nearby is a place or a person it is about)
            names = [] if surface.lower() == "which" else [
                m for m in NAME_RE.finditer(self.text, max(0, comma - 120), max(comma, 0))
                if is_name(m.group(0), self.text)]
            if names and (antecedent is None or antecedent[2] != "name"):
                # 'said Scott Reed, the chamber's strategist, who': the name, not the role
                speaker = self.art.canonical(names[-1].group(0))
            elif antecedent and antecedent[2] == "name":
                speaker = self.art.canonical(self.text[antecedent[0]:antecedent[1]])
            elif antecedent and antecedent[2] == "nom":
                speaker = self._resolve_nominal(self.text[antecedent[0]:antecedent[1]], prev)
            elif surface.lower() == "which":
                speaker = None
            else:
                head = NAME_TAIL.search(self.text[max(0, comma - 150):comma])
                speaker = self.art.canonical(head.group("name")) if head and is_name(
                    head.group("name"), self.text) else None
        elif kind == "pron":
            # a possessive pronoun ('his promise of “...”') stands for its personal pronoun
            pronoun = _POSSESSIVE_PRONOUNS.get(surface.lower(), surface.lower())
            speaker = self._resolve_pronoun(s, pronoun, prev)
        elif kind == "poss":
            m = NAME_RE.match(surface)
            if m:
                e = s + len(m.group(0).rstrip(".\u2019'"))
            s, e = strip_leading(self.text, s, e)
            surface = self.text[s:e]
            speaker = self.art.canonical(surface)
        elif kind == "name" and NAME_PAIR.fullmatch(surface):
            # 'reply Burton and Nick': both speak
            pair = NAME_PAIR.fullmatch(surface)
            speaker = " and ".join(self.art.canonical(pair.group(k)) or pair.group(k)
                                   for k in ("a", "b"))
        elif kind == "name":
            name_m = NAME_RE.match(surface)
            if name_m and name_m.end() < len(surface) and \
                    not re.fullmatch(INITIALS_NAME, surface):  # appositive: keep the name
                e = s + name_m.end()
                surface = self.text[s:e]
            s, e = strip_leading(self.text, s, e)
            # a title-case headline is no name: its subject before a verb, or no speaker
            name = name_in_headline(self.text[s:e], in_headline_line(self.text, s, {}))
            e = s + len(name) if name is not None else e
            surface = self.text[s:e]
            speaker = self.art.canonical(surface) if name is not None else None
            abstains = name is None
        else:
            speaker = self._resolve_nominal(surface, prev, s)
        return Attribution(speaker, s, e, surface, cue, how, abstained=abstains and speaker is None)

    def _restrictive(self, s: int, e: int, cue: str | None, how: str,
                     prev: list[Attribution]) -> Attribution:
        """A relative pronoun without a comma before it ('Rikkie Wells who tweeted', 'Donald
        Trump - who previously said'): the person's name right before it speaks (two words or
        a name the article gives in full, not 'a Republican who'); else no speaker."""
        end = s
        while end > 0 and self.text[end - 1] in " \t\u2014\u2013-":
            end -= 1
        speaker = None
        name = NAME_TAIL.search(self.text, max(0, end - 120), end)
        if name and name.end() == end and not name.group("app"):
            ns, ne = strip_leading(self.text, *name.span("name"))
            surface = self.text[ns:ne]
            if is_name(surface, self.text) and (len(surface.split()) >= 2 or
                                                surface in self.art.names()):
                speaker = self.art.canonical(surface)
        return Attribution(speaker, s, e, self.text[s:e], cue, how)

    def _resolve_nominal(self, surface: str, prev: list[Attribution],
                         at: int | None = None) -> str | None:
        resolve = self.art._resolve
        if resolve is not None:
            try:
                hit = resolve(surface)
            except Exception:
                hit = None
            if hit:
                return str(hit)
        holder = self._role_holder(surface, at) if at is not None else None
        holder = holder or (self._introduced_as(surface, at) if at is not None else None)
        if holder:
            return holder
        owner = utterance_owner(surface)  # "Clinton’s response": what Clinton said
        if owner and is_name(owner, self.text):
            return self.art.canonical(owner) or owner
        return re.sub(r"\s+", " ", surface.strip()).lower() or None

    def _introduced_as(self, surface: str, at: int) -> str | None:
        """The one person the article introduced before ``at`` with the role of the description
        ``surface`` ('the senator' after 'Sen. Ted Cruz', 'the spokeswoman' after 'Hope Hicks, a
        spokeswoman for ...'; see ``roles``), or 'the Russian leader' after 'Russian President
        Vladimir Putin' (see ``leaders``); None when none or two different people were (the
        description stays a speaker of its own) or a gendered role meets a name of the other
        gender ('the spokeswoman' is never 'Scott Reed')."""
        people = set()
        for s, e in role_introductions(self.text, surface, at) + \
                leader_introductions(self.text, surface, at):
            s, e = strip_leading(self.text, s, e)
            if s < e and is_name(self.text[s:e], self.text) and \
                    person_like(self.text[s:e]):  # never 'the State Department, the candidate'
                people.add(self.art.canonical(self.text[s:e]))
        people.discard(None)
        if len(people) != 1:
            return None
        person = people.pop()
        role_gender = GENDER_WORDS.get((parse_description(surface) or ("",))[0])
        if role_gender and self.art.gender(person) not in (None, role_gender):
            return None
        return person

    def _role_holder(self, surface: str, at: int) -> str | None:
        """The person an earlier title + name apposition gives a role description ('the North
        Korean leader' after 'North Korean leader Kim Jong Un', 'the Russian president' after
        'Russian President Vladimir Putin'), in the 5,000 characters before ``at``; the
        one such person, else None (two different people: no guess)."""
        m = ROLE_DESCRIPTION.fullmatch(surface.strip())
        if not m:
            return None
        qual = re.escape(m.group("qual").strip()).replace("\\ ", r"\s+")
        role = re.escape(m.group("role")).replace("\\ ", r"\s+")
        pattern = re.compile(rf"\b{qual}(?:[\u2019']s)?\s+(?i:{role})\s+(?P<name>{NAME})")
        found = {self.art.canonical(hit.group("name"))
                 for hit in pattern.finditer(self.text, max(0, at - 5000), at)
                 if is_name(hit.group("name"), self.text)} - {None}
        return found.pop() if len(found) == 1 else None

    def _resolve_pronoun(self, pos: int, pronoun: str, prev: list[Attribution]) -> str | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if pronoun == "i" and not (k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]):
            # first person outside quotes is the writer of a first-person piece ('“I am not
            # shy,” I said'): a normalised description, like other anonymous speakers
            return "the author"
        if pronoun in ("i", "we"):
            # 'we' may be the writer, a campaign or a crowd; 'I' inside a quotation is a nested
            # speaker: abstain
            return None
        # nearest earlier named speaker within a few paragraphs, else nearest sentence subject;
        # 'he' and 'she' only to a person whose gender the article does not contradict
        lo = max(0, pos - 600)
        candidates = self._speaker_candidates(pos, pronoun, prev)
        if pronoun in ("he", "she"):
            candidates = self._gendered_candidates(lo, pos, pronoun, prev, candidates) or \
                self._chained(lo, pos, pronoun, prev, 0) or \
                self._gendered_candidates(lo, pos, pronoun, prev, candidates, namesakes=True)
        elif not candidates:
            candidates = self._group_candidates(lo, pos, pronoun, prev)
        if not candidates:
            return None
        candidates.sort()
        return candidates[-1][1]

    def _gendered_candidates(self, lo: int, pos: int, pronoun: str, prev: list[Attribution],
                             speakers: list, namesakes: bool = False) -> list:
        """The people a 'he' or 'she' may stand for: the nearest earlier speaker and sentence
        subjects that agree, else the agreeing names before it. When it comes to those names
        after passing over a person of the other gender ('Ted Cruz' for 'she'), only a name
        known to be of the pronoun's gender is taken: any capitalised pair ('Boca Raton',
        'West Virginia') would be a guess a reader catches, so the pronoun abstains instead.
        With ``namesakes`` every candidate named by a surname alone is read as the one person
        of that surname who may be of the pronoun's gender (see ``_namesakes``)."""
        fix = (lambda c: self._namesakes(c, pronoun)) if namesakes else (lambda c: c)
        near = fix(self._subject_candidates(lo, pos, prev) +
                   self._cue_subject_candidates(lo, pos))
        candidates = self._agreeing(fix(speakers) + near, pronoun)
        if candidates:
            return candidates
        names = fix(self._name_candidates(lo, pos))
        candidates = self._agreeing(names, pronoun)
        other = "m" if pronoun == "she" else "f"
        # the last speaker, any gender
        nearest = fix(self._speaker_candidates(pos, "they", prev))
        if any(self.art.gender(c[1]) == other for c in nearest + near + names):
            own = GENDER_OF_PRONOUN[pronoun]
            candidates = [c for c in candidates if self.art.gender(c[1]) == own]
        return candidates

    def _namesakes(self, candidates: list, pronoun: str) -> list:
        """Candidates (position, name) named there by a surname alone ('Clinton used the
        exchange ... . She noted') that stands for the wrong one of two people of that surname:
        the surname goes to the most named full name ('Bill Clinton'); when that person is of
        the other gender than the pronoun and the article names exactly one person of the
        pronoun's gender with that surname ('Hillary Clinton'), that person is the candidate.
        A full name written out at the position is kept as it is."""
        own = GENDER_OF_PRONOUN[pronoun]
        out = []
        for at, name in candidates:
            if name and self.art.gender(name) not in (None, own) and \
                    not self.text.startswith(name, at):
                name = self.art.namesake(name, own) or name
            out.append((at, name))
        return out

    def _chained(self, lo: int, pos: int, pronoun: str, prev: list[Attribution],
                 depth: int) -> list:
        """When nothing else resolves a 'he' or 'she' ('She remembers when ... . She fears that
        ... . "...," she said'): the latest earlier
        sentence of this or the previous paragraph (outside quotations) opening with the same
        pronoun stands for the person that pronoun resolves to through a speaker or a sentence
        subject known to be of its gender (never a bare name nearby: a guess), three links at most."""
        if depth >= 3:
            return []
        para = self.text.rfind("\n", 0, pos)
        lo = max(lo, self.text.rfind("\n", 0, max(0, para - 1)) + 1 if para > 0 else 0)
        found = None
        # (from the character before ``lo``: a sentence opening the paragraph counts too)
        for m in SENT_START.finditer(self.text, max(0, lo - 1), pos):
            subj = self.subject_of_sentence(m.end(), pos)
            if subj and subj[2] == "pron" and subj[0] < pos and \
                    self.text[subj[0]:subj[1]].lower() == pronoun and \
                    not self.inside_quote(subj[0]):
                found = subj[0]
        if found is None:
            return []
        near_lo = max(0, found - 600)
        candidates = self._speaker_candidates(found, pronoun, prev) + \
            self._subject_candidates(near_lo, found, prev) + \
            self._chained(near_lo, found, pronoun, prev, depth + 1)
        # the person must be known to be of the pronoun's gender ('Ms. Bigbee', not 'United
        # Technologies' opening an earlier sentence)
        candidates = [c for c in candidates if self.art.gender(c[1]) == GENDER_OF_PRONOUN[pronoun]]
        if not candidates:
            return []
        person = max(candidates)[1]
        return [] if self._other_person_between(found, pos, person) else [(found, person)]

    def _other_person_between(self, lo: int, hi: int, person: str) -> bool:
        """Whether a person other than ``person`` is named between ``lo`` and ``hi`` outside
        quotations ('He will face ... . Mr. Cruz's narrow victory ... . He won': which 'he'?)."""
        for m in NAME_RE.finditer(self.text, lo, hi):
            s, e = strip_leading(self.text, m.start(), m.end())
            surface = re.sub(r"[\u2019']s$", "", self.text[s:e])
            if surface and is_name(surface, self.text) and person_like(surface) and \
                    not self.inside_quote(s) and self.art.canonical(surface) != person:
                return True
        return False

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside one of the article's quotations."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]

    def _agreeing(self, candidates: list, pronoun: str) -> list:
        """The candidates (position, name) whose gender (``Article.gender``) is not the
        other one: 'she' never resolves to a man the article calls 'Mr.' or 'he'."""
        if pronoun not in ("he", "she"):
            return candidates
        other = "m" if pronoun == "she" else "f"
        return [c for c in candidates if self.art.gender(c[1]) != other and
                self.art.may_be_person(c[1])]

    def _speaker_candidates(self, pos: int, pronoun: str, prev: list[Attribution]) -> list:
        """The nearest earlier speaker within 1,500 characters (a person for 'he' and 'she',
        of the pronoun's gender where the article tells it)."""
        for qj in range(len(prev) - 1, -1, -1):
            a = prev[qj]
            if self.spans[qj][0] < pos - 6000:
                break  # (speakers name themselves near their quotes: a window, not a scan)
            if a.speaker and a.speaker_start is not None and a.speaker_start < pos and \
                    a.how != "pronoun-unresolved" and pos - a.speaker_start < 1500:
                if pronoun == "they" or person_like(a.speaker) and \
                        self._agreeing([(0, a.speaker)], pronoun):
                    return [(a.speaker_start, a.speaker)]
        return []

    def _subject_candidates(self, lo: int, pos: int, prev: list[Attribution]) -> list:
        """Sentence subjects between ``lo`` and ``pos`` that may be a 'he' or 'she'."""
        candidates = []
        starts = [lo] + [m.end() for m in SENT_START.finditer(self.text, lo, pos)]
        for start in starts:
            subj = self.subject_of_sentence(start, pos)
            if subj and subj[2] == "pron" and subj[0] < pos:
                # 'When Kim Jong Un congratulates Putin, he isn't mentioning': the subject of a
                # leading subordinate clause is the main clause's pronoun
                sub = SUBORDINATE_SUBJECT.match(self.text, start, subj[0])
                if sub and is_name(sub.group("name"), self.text):
                    subj = (*sub.span("name"), "name")
            if subj and subj[2] == "name":
                name = self.art.canonical(self.text[subj[0]:subj[1]])
                if person_like(name):  # never 'Winnipeg', 'Homeland Security' for 'he'
                    candidates.append((subj[0], name))
            elif subj and subj[2] == "nom" and subj[1] <= pos and self.art._resolve is not None:
                # 'The Russian president has ... what he describes': a registry descriptor
                hit = self._resolve_nominal(self.text[subj[0]:subj[1]], prev)
                if hit and not hit.islower():
                    candidates.append((subj[0], hit))
        return candidates

    def _cue_subject_candidates(self, lo: int, pos: int) -> list:
        """People named as the subject of a cue verb between ``lo`` and ``pos`` outside
        quotations ('..., there is an appetite among donors to do much more, Law said.' before
        '"...," he said'): a person the article shows speaking. Plain verbs of saying only:
        'John Kasich claiming the nomination', 'Trump continued to hurt' speak of no speech."""
        candidates = []
        for m in CUE_RE.finditer(self.text, lo, pos):
            if m.group(0) not in SPEECH_ACTS or self.inside_quote(m.start()):
                continue
            subj = subject_before(self.text, max(lo, m.start() - 120), m.start())
            if subj and subj[2] == "name" and not self.inside_quote(subj[0]):
                s, e = strip_leading(self.text, subj[0], subj[1])
                if _PAIRED.search(self.text, max(0, s - 6), s):
                    continue  # 'Wilcox and Beruff argued': two people, neither alone
                name = self.art.canonical(self.text[s:e]) if s < e else None
                if name and person_like(name):
                    candidates.append((s, name))
        return candidates

    def _name_candidates(self, lo: int, pos: int) -> list:
        """Person-like names between ``lo`` and ``pos`` (two capitalised words or more, or one
        word the article gives in full: 'Brafman' after 'Benjamin Brafman')."""
        candidates = []
        for m in NAME_RE.finditer(self.text, lo, pos):
            s, e = strip_leading(self.text, m.start(), m.end())
            surface = self.text[s:e]
            if (len(surface.split()) >= 2 or surface in self.art.names()) and \
                    is_name(surface, self.text) and person_like(surface) \
                    and not PLACE_BEFORE.search(self.text, lo, s):
                candidates.append((s, self.art.canonical(surface)))
        return candidates

    def _group_candidates(self, lo: int, pos: int, pronoun: str, prev: list[Attribution]) -> list:
        """'The Post reported ... . It added, “...': earlier sentence subjects that are not a
        lone person ('they' wants a plural noun phrase or an organisation)."""
        candidates = []
        starts = [m.end() for m in SENT_START.finditer(self.text, lo, pos)]
        if lo == 0 or self.text[lo - 1] == "\n":
            starts.insert(0, lo)
        for start in starts:
            subj = self.subject_of_sentence(start, pos) or self._organisation_subject(start, pos)
            if pronoun == "it" and (subj is None or subj[2] == "name" and not
                                    ORG_WORDS.search(self.text, subj[0], subj[1])):
                text_m = _TEXT_SUBJECT.match(self.text, start, pos)
                subj = (*text_m.span("nom"), "nom") if text_m else subj
            if subj is None or subj[1] > pos or subj[2] == "pron":
                continue
            surface = self.text[subj[0]:subj[1]]
            if subj[2] == "nom" and (pronoun == "it" or surface.rstrip().endswith("s")):
                candidates.append((subj[0], self._resolve_nominal(surface, prev)))
            elif subj[2] == "name" and ORG_WORDS.search(surface):
                candidates.append((subj[0], self.art.canonical(surface)))
        return candidates

    def _organisation_subject(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """'Still, the Business Council of British Columbia opposed': an organisation named
        after 'the' (a name with an organisation word) opening the sentence, for 'it'/'they'."""
        m = ORG_SUBJECT.match(self.text, lo, hi)
        if m and ORG_WORDS.search(m.group("name")) and is_name(m.group("name"), self.text):
            return m.start("name"), m.end("name"), "name"
        return None

    def clause_subject(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """The last name in ``text[lo:hi]`` followed by a verb ('Sanders of Vermont endorsed')."""
        found = None
        for m in NAME_RE.finditer(self.text, lo, hi):
            s, e = strip_leading(self.text, m.start(), m.end())
            if is_name(self.text[s:e], self.text) and VERB_AFTER.match(self.text, e, hi):
                found = (s, e, "name")
        return found

    def subject_of_sentence(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """A name or pronoun opening the sentence and followed by a verb-like word."""
        while lo < hi and self.text[lo].isspace():
            lo += 1
        if lo < hi and self.text[lo] in OPENING_MARKS:
            return None  # the sentence starts with a quotation: its words are not the subject
        m = SENTENCE_SUBJECT.match(self.text, lo, hi)
        if not m:
            return None
        kind = next(k for k in ("pron", "name", "nom") if m.group(k))
        s, e = m.span(kind)
        if kind == "name":
            np_m = DET_NOUN_PHRASE.match(self.text, s, hi)
            if np_m and np_m.end() >= e:
                # 'The Russian leader highlighted': a determiner, a capitalised adjective and a
                # common noun make a noun phrase (resolved through the registry's descriptors),
                # not the name 'Russian'
                return s, np_m.end(), "nom"
        poss = re.match(r"[\u2019']s?(?:\s+[a-z][\w\-]*){1,3}", self.text[e:hi])
        head = re.sub(r"[\u2019']s?$", "", self.text[s:e])
        if kind == "name" and not is_name(head, self.text):
            return None
        if kind == "name" and len(head.split()) == 1 and head not in self.art.names() and \
                not self._seen_twice(head, s):
            return None  # a lone capitalised word seen once ("Thirteen", "Ask") is no name
        if kind == "name" and self.text[e - 2:e] in ("\u2019s", "'s") or kind == "name" and poss \
                and self.text[e:e + 1] in "\u2019'":
            # "Grayson's spokeswoman challenged": the whole phrase is the subject (not a verb
            # or a preposition after it: 'Clinton’s response was:' is 'Clinton’s response')
            return s, _POSSESSED_TAIL.match(self.text, e, hi).end(), "nom"
        if kind == "name":
            role = ROLE_THEN_NAME.match(self.text, e, hi)
            if role and is_name(role.group("name"), self.text) and \
                    len(role.group("name").split()) >= 2:
                # 'FBI director James Comey decided': the person, not the agency
                return (*role.span("name"), "name")
            s, e = strip_leading(self.text, s, e)
            if not is_name(self.text[s:e], self.text):
                return None
        return s, e, kind

    def previous_paragraph_span(self, ps: int) -> tuple[int, int]:
        """Start and end of the paragraph before the one starting at ``ps``."""
        end = ps
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        start = self.text.rfind("\n", 0, end) + 1
        return start, end


# ---- the rules -----------------------------------------------------------------------------
# Each rule reads one quotation's site and returns an Attribution (it fired) or None (try the
# next rule); ``RULES`` runs them in order. The two cue loops run small per-cue steps from their
# own ordered lists: a step returns an Attribution, None (try the next step), ``NEXT_CUE`` (this
# cue gives nothing, try the next cue) or ``STOP`` (no cue of this side gives anything).
NEXT_CUE = "next cue"
STOP = "stop"


@dataclass
class QuoteSite:
    """What the rules read about one quotation: its sentence (``lo``, ``hi``), paragraph (``ps``,
    ``pe``), marks, the text between its neighbours in the sentence (``left_lo``, ``right_hi``)
    and the attributions of the quotations before it (``prev``)."""

    attributor: Attributor
    qi: int
    ps: int
    pe: int
    lo: int
    hi: int
    open_mark: int
    close_mark: int
    left_lo: int
    right_hi: int
    prev: list[Attribution]

    @property
    def text(self) -> str:
        return self.attributor.text

    @property
    def quote_end(self) -> str:
        """The quotation's last character before its closing marks ('.', ',', '?', or '')."""
        return self.text[max(0, self.open_mark):self.close_mark].rstrip("\"\u201d\u2019' ")[-1:]

    @property
    def opens_sentence(self) -> bool:
        return OPENER_ONLY.fullmatch(self.text, self.lo, self.open_mark) is not None

    @property
    def opens_paragraph(self) -> bool:
        return blank(self.text, self.ps, self.open_mark)

    def make(self, s: int, e: int, kind: str, cue: str | None, how: str) -> Attribution:
        return self.attributor._make(s, e, kind, cue, how, self.prev)

    def carry(self, how: str) -> Attribution:
        """The previous quotation's speaker, under rule ``how``."""
        p = self.prev[-1]
        return Attribution(p.speaker, p.speaker_start, p.speaker_end, p.speaker_surface, p.cue,
                           how, abstained=p.abstained)


def aside_title(text: str, close_mark: int, mark: tuple[int, int]) -> bool:
    """Whether the quotation at ``mark`` is a capitalised name of one to three words inside an
    aside after a quotation ending in a comma ('"...," Texas delegate Bill Eastland, wearing a
    cowboy hat and "Ted Cruz" campaign pins, said'): the cue after it is the first one's."""
    words = text[mark[0] + 1:mark[1] - 1].split()
    between = text[close_mark:mark[0]]
    return text[close_mark - 2:close_mark].startswith(",") and 1 <= len(words) <= 3 and \
        all(w[:1].isupper() for w in words) and "," in between and \
        not CUE_RE.search(between) and mark[1] - mark[0] < 40


def quote_site(attributor: Attributor, qi: int, prev: list[Attribution]) -> QuoteSite:
    """The :class:`QuoteSite` of quotation ``qi``: contexts end at neighbouring quotations."""
    (s, e), (ps, pe) = attributor.spans[qi], attributor.paragraphs[qi]
    lo, hi = sentence_span(attributor.text, attributor.bounds(ps, pe), ps, pe, s, e)
    open_mark, close_mark = attributor.quote_marks[qi]
    marks = attributor.quote_marks
    left_lo = lo
    for j in range(qi - 1, -1, -1):
        if marks[j][1] <= open_mark and marks[j][1] > lo:
            left_lo = marks[j][1]
            break
        if marks[j][1] <= lo:
            break  # (quotes are in order: the earlier ones end before the sentence too)
    right_hi = hi
    for j in range(qi + 1, len(attributor.spans)):
        if marks[j][0] >= close_mark:
            if marks[j][0] < hi and not aside_title(attributor.text, close_mark, marks[j]):
                right_hi = marks[j][0]
            elif marks[j][0] < hi:
                continue
            break
    return QuoteSite(attributor, qi, ps, pe, lo, hi, open_mark, close_mark, left_lo, right_hi,
                     prev)


@dataclass
class CueSite:
    """One cue verb near the quotation: offsets in the text, the word, its offset in the slice
    it was found in (``at``), and (cue before the quotation) the subject left of it."""

    start: int
    end: int
    word: str
    at: int
    _subject: object = None
    _has_subject: bool = False

    def gap(self, q: QuoteSite) -> str:
        return q.text[q.close_mark:self.start]

    def subject(self, q: QuoteSite):
        """The clause subject before a cue left of the quotation (computed once)."""
        if not self._has_subject:
            subj = None
            if q.text[q.left_lo:self.start].rstrip().endswith(","):
                # 'Clinton, during a town hall in Columbus, Ohio, said': the clause's subject
                subj = q.attributor.subject_of_sentence(q.left_lo, self.start)
            self._subject = subj or subject_before(q.text, q.left_lo, self.start)
            self._has_subject = True
        return self._subject

