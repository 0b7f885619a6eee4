"""The per-cue attribution steps: a cue verb after the quotation (``AFTER_CUE_STEPS``) or before
it (``BEFORE_CUE_STEPS``), run on each cue nearest first by ``cue_after_rules`` and
``cue_before_rules``; plus the generic and clause-final cues.
"""

from __future__ import annotations

import re

from newsprism.quotes.attributor import NEXT_CUE, STOP, Attribution, CueSite, QuoteSite
from newsprism.quotes.names import (
    ACCORDING,
    AUX,
    BARE_NP,
    BY_GERUND,
    CLAUSE_END,
    CLOSED_SENTENCE,
    CUE_NOUNS,
    CUE_RE,
    CUE_SET,
    FINAL_CUE,
    FINAL_TITLED,
    GENERIC_AFTER,
    GENERIC_INVERTED,
    INVERTED_INTRO,
    NAME,
    NAME_APPOSITIVE,
    NOUN_BEFORE,
    NOUN_HOMOGRAPHS,
    OBJECT_CUES,
    RELATIVE,
    SAY_VERBS,
    TITLED_COMMA,
    is_name,
    strip_leading,
)
from newsprism.quotes.subjects import (
    DET_RE,
    FUNCTION_END,
    INFINITIVE_CUES,
    NON_AGENT,
    PLACE_BEFORE,
    TO_BEFORE,
    appositive_subject,
    subject_after,
    subject_before,
    trailing_space,
)


def _first_from_cues(q: QuoteSite, cues, steps) -> Attribution | None:
    for cue in cues:
        for step in steps:
            out = step(q, cue)
            if out is NEXT_CUE:
                break
            if out is STOP:
                return None
            if out is not None:
                return out
    return None


# -- cues after the quotation: ', Kim said' / ', said Kim' / ', he told reporters'

def cue_after_gap_inverted(q: QuoteSite, c: CueSite):
    """'"...unlikely" that Sanders can win, said Steve Elmendorf': an inverted cue closing the
    quote's sentence after the writer's words."""
    gap = c.gap(q)
    quote_end = q.quote_end
    # a quote ending in a comma may go on with the writer's words ('"...stunning," since so many
    # cases ..., said Lee Epstein'); a gap opening with a capital or a determiner is the
    # subject ('"...," another fraternity brother, X, recalled')
    writer_gap = quote_end not in (",", "?", "!") or (
        gap.lstrip(" ,")[:1].islower() and not DET_RE.match(gap.lstrip(" ,")))
    if not (c.word in SAY_VERBS and gap.rstrip().endswith(",") and len(gap) <= 250 and
            gap.strip(" ,\u2014\u2013-") and writer_gap):
        return None
    subj = subject_after(q.text, c.end, q.right_hi)
    if subj and quote_end in (",", "?", "!") and subj[2] != "name":
        return None  # ('"Going Viral," about ..., said the days when'): no speaker
    return q.make(*subj, c.word, "cue-after-gap-inverted") if subj else None


# '"...," Cecelia Purner, 67, a retired customer service representative in Allentown, Pa.,
# said': a name (after an optional role: 'Texas delegate Bill Eastland') and an appositive that
# holds commas of its own, between the quotation and its cue
_APPOSITIVE_GAP = re.compile(
    rf"[\s,]*(?:(?:[A-Z][\w.\-]*\s+)?(?:(?-i:[a-z])[\w\-]*\s+){{1,3}})?(?P<name>{NAME}),"
    r"(?:[^\u201c\u201d\"]|[\u201c\"][A-Z][^\u201c\u201d\",]{0,30}[\u201d\"]){2,200},\s*")


def cue_after_appositive(q: QuoteSite, c: CueSite):
    """'"...," Cecelia Purner, 67, a retiree in Allentown, Pa., said': the name before a long
    appositive (commas inside it) speaks."""
    gap = c.gap(q)
    if q.quote_end not in (",", "?", "!") or c.word not in SAY_VERBS or len(gap) > 250:
        return None
    m = _APPOSITIVE_GAP.fullmatch(gap)
    if not m or CUE_RE.search(gap):
        return None
    name = m.group("name")
    if not is_name(name, q.text) or not (len(name.split()) >= 2 or
                                         name in q.attributor.art.names()):
        return None
    start = q.close_mark + m.start("name")
    return q.make(start, start + len(name), "name", c.word, "cue-after-appositive")


def _long_gap(q: QuoteSite, c: CueSite):
    """A cue far after the quotation attributes nothing (a long gap is fine after '," Jane Doe,
    who served as ..., said')."""
    gap = c.gap(q)
    if len(gap) > 90 and not (len(gap) <= 200 and NAME_APPOSITIVE.match(gap) and
                              q.quote_end in ",?!"):
        return STOP
    return None


def according_after(q: QuoteSite, c: CueSite):
    """'"...," according to X'."""
    if c.word != "according to":
        return None
    am = ACCORDING.match(q.text, c.start, q.right_hi)
    if not am:
        return STOP
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, c.word, "according-after")


def cue_after_inverted(q: QuoteSite, c: CueSite):
    """'"...," said Kim': the cue right after the quotation, its subject after it."""
    if c.gap(q).strip(" ,\u2014\u2013-") != "":
        return None
    if c.word in OBJECT_CUES:
        return NEXT_CUE  # '"...," accusing it of': the word after is the object
    subj = subject_after(q.text, c.end, q.right_hi)
    if subj and subj[2] == "nom" and c.word.endswith("ing"):
        subj = None  # '"...," noting the fines': a participle's object
    return q.make(*subj, c.word, "cue-after-inverted") if subj else NEXT_CUE


def cue_after(q: QuoteSite, c: CueSite):
    """'"...," Kim said' (and a clause-final cue: '"The court expresses no view" of the case,
    the unsigned opinion said.'); the first cue with words between it and the quote decides."""
    text, close_mark, gap, cue = q.text, q.close_mark, c.gap(q), c.word
    subj = subject_before(text, close_mark, c.start)
    quote_end = q.quote_end
    if subj is None and quote_end in (",", "?", "!") and cue in SAY_VERBS:
        # '"...," federal prosecutors wrote': a bare plural noun phrase as the subject
        bare = BARE_NP.fullmatch(gap)
        if bare and not any(w in FUNCTION_END for w in bare.group(1).split()):
            subj = (close_mark + bare.start(1), close_mark + bare.end(1), "nom")
    if re.match(r"\s+(?:how|why|whether)\b", text[c.end:c.end + 10]):
        return STOP  # '’’A Time for Truth,’’ ..., Mr. Cruz described how': reported, not quoted
    if subj and subj[2] == "pron" and quote_end == "." and text[subj[0]:subj[0] + 1].isupper():
        return STOP  # “... home.” He left: a new sentence, not an attribution
    clause_final = subj is not None and subj[2] != "rel" and cue in SAY_VERBS and \
        TITLED_COMMA.search(text, close_mark, subj[0]) is not None and \
        CLAUSE_END.match(text, c.end, min(len(text), c.end + 60)) is not None and \
        not CUE_RE.search(text, close_mark, subj[0])
    if subj and len(text[close_mark:subj[0]].strip(" ,\u2014\u2013-")) <= 0 or (
            subj and subj[0] - close_mark < 80 and quote_end in (",", "?", "!")) or clause_final:
        if subj[2] == "poss":
            cue = re.sub(r"^[\u2019']s?\s*", "", text[subj[1]:c.end])
        return q.make(*subj, cue, "cue-after")
    return STOP


AFTER_CUE_STEPS = (cue_after_gap_inverted, cue_after_appositive, _long_gap, according_after,
                   cue_after_inverted, cue_after)


def _cues_after(q: QuoteSite) -> list[CueSite]:
    text = q.text
    right = text[q.close_mark:q.right_hi]
    if q.quote_end == "." and CUE_RE.search(text, q.left_lo, q.open_mark):
        right = ""  # 'Bush called Trump “unhinged.” Rubio called ...': the cue is before
    return [CueSite(q.close_mark + m.start(), q.close_mark + m.end(), m.group(0), m.start())
            for m in CUE_RE.finditer(right)]


def cue_after_rules(q: QuoteSite) -> Attribution | None:
    """The cues after the quotation in its sentence, nearest first (``AFTER_CUE_STEPS``)."""
    return _first_from_cues(q, _cues_after(q), AFTER_CUE_STEPS)


def cue_after_generic(q: QuoteSite) -> Attribution | None:
    """'"...," the senator argued' / '"...," argued Smith': any past-tense or present verb after a
    quotation ending in a comma, with a subject."""
    text, close_mark, right_hi = q.text, q.close_mark, q.right_hi
    if q.quote_end not in (",", "?", "!", "\u2014", "-"):
        return None
    gm = GENERIC_AFTER.match(text, close_mark, right_hi)
    if gm and gm.group("nom") and (RELATIVE.search(gm.group("nom"))
                                   or gm.group("verb") in ("series", "news")):
        gm = None  # '’’Hawaii Five-0,’’ the procedural that CBS revived': a title
    if gm and (gm.group("pron") or is_name(gm.group("name") or "x", text) or gm.group("nom")):
        kind = next(k for k in ("pron", "name", "nom") if gm.group(k))
        return q.make(*gm.span(kind), kind, gm.group("verb"), "cue-after-generic")
    gi = GENERIC_INVERTED.match(text, close_mark, right_hi)
    if gi and is_name(gi.group("name"), text):
        return q.make(*gi.span("name"), "name", gi.group("verb"), "cue-after-generic")
    return None


def cue_final(q: QuoteSite) -> Attribution | None:
    """'"...” because she would expand her lead, he said.': a cue closing the sentence."""
    fm = FINAL_CUE.search(q.text, q.close_mark, q.right_hi)
    if not (fm and q.right_hi - fm.end() <= 3 and fm.start() - q.close_mark < 200):
        return None
    group = next(g for g in ("pron", "name", "nom", "iname", "inom") if fm.group(g))
    kind, cue = group.lstrip("i") if group != "pron" else group, fm.group("cue") or fm.group(
        "icue")
    if kind == "name" and not is_name(fm.group(group), q.text) or \
            kind == "nom" and NON_AGENT.search(fm.group(group)):
        return None
    start, end = fm.span(group)
    if kind == "nom" and re.fullmatch(FINAL_TITLED, q.text[start:end]):
        start, kind = start + 4, "name"  # 'the Chicago Tribune reports': a name
    return q.make(start, end, kind, cue, "cue-final")


# -- cues before the quotation in its sentence: 'Kim said: “', 'what he called Russia’s “'

def _noun_homograph(q: QuoteSite, c: CueSite):
    """'Rubio's claim that', 'many Asian states': a noun, not a verb."""
    if c.word in NOUN_HOMOGRAPHS and NOUN_BEFORE.search(q.text, max(0, c.start - 40), c.start):
        return NEXT_CUE
    return None


def according_before(q: QuoteSite, c: CueSite):
    """'According to Kim, “...'."""
    if c.word != "according to":
        return None
    am = ACCORDING.match(q.text, c.start, q.open_mark)
    if not am:
        return NEXT_CUE
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, c.word, "according-before")


def cue_gerund(q: QuoteSite, c: CueSite):
    """'Netanyahu rallied supporters by warning that “...': the sentence's subject."""
    if not (c.word.endswith("ing") and BY_GERUND.search(q.text, max(q.lo, c.start - 40),
                                                         c.start)):
        return None
    a = q.attributor
    subj = a.subject_of_sentence(q.lo, c.start) or a.clause_subject(q.lo, c.start)
    return q.make(*subj, c.word, "cue-gerund") if subj else None


# irregular past tenses that may follow a sentence's subject ('The businessman began by ...')
_IRREGULAR_PAST = (
    "began|took|made|went|gave|held|spoke|wrote|told|left|came|sent|put|stood|broke|led|won|"
    "lost|drew|hit|struck|threw|kept|met|ran|saw|sat|set|shot|brought|bought|fought|sought|"
    "taught|thought|caught|felt|found|heard|paid|read|said|chose|rose|fell|grew|knew|flew|"
    "drove|wore|swore|bit|hid|let|cut|quit|shut|spent|stuck|took|got|did|sang|rang|woke")
# the subject opening a sentence (after a dateline or an adverbial opener), then its finite
# verb: 'WASHINGTON (UPI) — Hillary Clinton’s right-hand woman rallied supporters, saying:',
# 'Sen. Bernie Sanders (I-Vt.) visited NBC’s “Today” ..., saying', 'The Democratic National
# Committee released a statement ..., offering'
_MAIN_SUBJECT = re.compile(
    rf"(?:(?:[A-Z][A-Z .'\-]+|[^\u2014\u2013\n\u201c\u201d\"]{{0,30}}\([A-Za-z]+\))"
    rf"[^\u2014\u2013\n\u201c\u201d\"]{{0,30}}?\s*[\u2014\u2013]\s*)?"
    rf"(?:(?:In|On|At|After|Before|During|Later|Earlier|Since|When|While|With|Despite|"
    rf"Following|Last|Meanwhile|However|Still|Then|Now)\b[^,\u201c\u201d\"\n]{{0,120}},\s+"
    rf"|(?:But|And|Still|Then|Now|Later)\s+)?"
    rf"(?:(?P<poss>{NAME}[\u2019']s?(?:\s+(?-i:[a-z])[\w\-]*){{1,3}}?)"
    rf"|(?P<name>{NAME})(?:\s*\([^()\n]{{1,30}}\))?"
    rf"|(?P<nom>(?-i:The|An?)(?:\s+[\w\-]+){{1,4}}?))"
    rf"(?:,[^,\u201c\u201d\"\n]{{2,80}},)?\s+"
    rf"(?:(?:has|had|have|is|was|were|are)\s+(?:been\s+)?(?:(?-i:[a-z]+ly)\s+)?(?-i:[a-z]+)"
    rf"|(?:(?:also|then|later|again|(?-i:[a-z]+ly))\s+)?(?-i:[a-z]+(?:ed|s)|{_IRREGULAR_PAST}))\b")


# a determiner or a possessive right before a cue word makes it a modifier or a noun
# ('Trump’s repeated calls', 'the calls')
_MODIFIER_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our)|[\u2019']s?)\s+$", re.I)
# a subordinate or relative clause between the subject and the participle: the participle may
# belong to it ('The first incident came ..., when Sanders protesters interrupted her, shouting')
_CLAUSE_BETWEEN = re.compile(r"\b(?:when|where|while|after|before|as|because|since|until|if|"
                             r"who|whom|whose|which|that)\b")


def main_subject(q: QuoteSite, hi: int) -> tuple[int, int, str] | None:
    """The subject opening the quotation's sentence and followed by its finite verb, before
    ``hi`` (a name, a possessive noun phrase or a noun phrase opened by 'The'/'A'), or None."""
    lo = q.lo
    while lo < hi and q.text[lo].isspace():
        lo += 1
    m = _MAIN_SUBJECT.match(q.text, lo, hi)
    if not m:
        return None
    kind = next(k for k in ("poss", "name", "nom") if m.group(k))
    s, e = m.span(kind)
    surface = q.text[s:e]
    if _CLAUSE_BETWEEN.search(q.text, m.end(), hi):
        return None
    if kind == "name":
        s, e = strip_leading(q.text, s, e)
        name = q.text[s:e]
        if s >= e or not is_name(name, q.text) or \
                len(name.split()) < 2 and name not in q.attributor.art.names():
            return None  # ('Amid responses from some ...': no name)
        return s, e, "name"
    if kind == "poss" and not is_name(re.split(r"[\u2019']", surface)[0], q.text):
        return None
    if NON_AGENT.search(surface) or surface.split()[-1] in FUNCTION_END:
        return None
    words = surface.split()[1:]
    if kind == "nom" and all(w[:1].isupper() for w in words) and is_name(" ".join(words)):
        return s + len(surface) - len(" ".join(words)), e, "name"  # 'The Democratic Party'
    return s, e, "nom"


def cue_participle(q: QuoteSite, c: CueSite):
    """'X said, adding, “...': the subject of the earlier cue, else of the sentence ('Sen. Bernie
    Sanders (I-Vt.) visited NBC’s “Today” ..., saying “...': its opening subject)."""
    text, a = q.text, q.attributor
    if not (c.word.endswith("ing") and text[max(0, q.left_lo - 3):c.start].rstrip(
            " \"\u201d\u2019").endswith(",")):
        return None
    subj = None
    for earlier in reversed(list(CUE_RE.finditer(text, q.lo, c.start))):
        if earlier.group(0).endswith("ing") or earlier.group(0) == "according to" or \
                _MODIFIER_BEFORE.search(text, max(0, earlier.start() - 40), earlier.start()) or \
                earlier.group(0) in NOUN_HOMOGRAPHS and \
                NOUN_BEFORE.search(text, max(0, earlier.start() - 40), earlier.start()):
            continue  # ('decried Trump’s repeated calls to ban ..., noting'): no verb
        subj = subject_before(text, q.lo, earlier.start())
        if subj is None:
            subj = subject_after(text, earlier.end(), c.start)
        if subj:
            break
    subj = subj or a.subject_of_sentence(max(q.lo, q.left_lo), c.start) or \
        main_subject(q, c.start) or a.clause_subject(max(q.lo, q.left_lo), c.start)
    return q.make(*subj, c.word, "cue-participle") if subj else None


# a determiner or a quantifier alone is no speaker ('urging those calling for ... to “...”',
# 'Bolton and Gorka both denounced the “...”'): the next cue is tried
_BARE_DETERMINERS = frozenset(
    "those these both many some all most few others the a an its this that each"
    .split())


def _bare_determiner(q: QuoteSite, c: CueSite):
    """'urging those calling for Sanders’ withdrawal to “give him time”': the cue's subject is a
    bare determiner ('those', 'both'), no speaker: try the next cue."""
    subj = c.subject(q)
    if subj and subj[2] == "nom" and q.text[subj[0]:subj[1]].strip().lower() in \
            _BARE_DETERMINERS:
        return NEXT_CUE
    return None


# an opening participle clause ('Asked on Monday whether ..., Mrs. Clinton shook her head and
# said'): the subject follows its comma
_OPENING_PARTICIPLE = re.compile(
    r"\s*(?:Asked|Pressed|Questioned|Speaking|Responding|Told)\b[^,\u201c\u201d\"\n]{0,150},\s+")


def cue_before_and(q: QuoteSite, c: CueSite):
    """'Trump stood up and said: “...' (also after an opening 'Asked ..., '): the sentence's
    subject of a second verb."""
    if c.subject(q) is not None or not re.search(
            r"\band\s*$", AUX.sub("", q.text[q.left_lo:c.start].rstrip())):
        return None
    subj = q.attributor.subject_of_sentence(q.lo, c.start)
    opener = _OPENING_PARTICIPLE.match(q.text, q.lo, c.start)
    if subj is None and opener:
        subj = q.attributor.subject_of_sentence(opener.end(), c.start)
    return q.make(*subj, c.word, "cue-before-and") if subj else None


def cue_before_infinitive(q: QuoteSite, c: CueSite):
    """'Mr. Trump was prompted to say, "...', 'she went on to write': the subject of the clause
    that holds the infinitive."""
    text, a = q.text, q.attributor
    if c.subject(q) is not None or c.word not in SAY_VERBS | INFINITIVE_CUES or \
            not TO_BEFORE.search(text, q.left_lo, c.start):
        return None
    subj = a.subject_of_sentence(max(q.lo, q.left_lo), c.start)
    if subj is None or subj[2] == "nom":
        subj = a.clause_subject(max(q.lo, q.left_lo), c.start)
    if subj and subj[2] != "nom" and not PLACE_BEFORE.search(text, q.lo, subj[0]):
        return q.make(*subj, c.word, "cue-before-infinitive")
    return None


def cue_before_owner(q: QuoteSite, c: CueSite):
    """'Trump released a statement saying “...': the owner of a speech noun speaks."""
    subj, text = c.subject(q), q.text
    if not (subj and subj[2] == "nom" and re.search(rf"(?:{CUE_NOUNS})$", text[subj[0]:subj[1]])
            and text[subj[0]:subj[1]].split()[0].lower() in ("a", "an", "his", "her", "their",
                                                              "its")):
        return None
    owner = q.attributor.subject_of_sentence(q.lo, subj[0])
    verb = re.search(r"(\S+)(?:\s+out)?\s+$", text[q.lo:subj[0]])
    if owner is None and verb:
        owner = subject_before(text, q.lo, q.lo + verb.start())
    return q.make(*owner, c.word, "cue-before-owner") if owner else None


def naming_subject(q: QuoteSite, c: CueSite):
    """'a psychology class called “Perception”': naming, not speech; the sentence's subject
    (if any) is credited, else the next cue is tried."""
    subj = c.subject(q)
    if not (subj and subj[2] == "nom" and c.word in ("called", "dubbed", "named", "titled") and
            subj[1] >= c.start - trailing_space(q.text, c.start)):
        return None
    subj = q.attributor.subject_of_sentence(q.lo, subj[0])
    return q.make(*subj, c.word, "naming-subject") if subj else NEXT_CUE


_REPORTING_VERBS = SAY_VERBS | {"notes", "reports", "reported", "told", "tells", "finds"}


# the agent of a passive cue: 'asked by host Bill Maher', 'labeled as a “...” by Democrats',
# 'called the “...” by the citizens'
_BY_AGENT = re.compile(
    rf"\s*,?\s*by\s+(?:(?:(?![\w\-]*ing\b)(?-i:[a-z])[\w\-]*\s+){{0,3}}(?P<name>{NAME})"
    rf"(?![\w\u2019'])"
    r"|(?P<nom>(?-i:the|a|an|some|many|several|most)\s+(?-i:[a-z])[\w\-]*(?:\s+(?-i:[a-z])"
    r"[\w\-]*){0,3}?)(?=\s*(?:[,.;:)\u2014\u2013]|$|\s+(?:as|on|in|at|who|when|to)\b)))")


# what may stand between the agent and the quotation: a colon, 'as', or an appositive
_AGENT_TO_QUOTE = re.compile(
    r"\s*(?:,[^\u201c\u201d\"]{2,150},)?\s*(?:as|:|,)?\s*(?:(?:a|an|the)\s+)?")


def _passive_agent(q: QuoteSite, at: int, hi: int):
    """The agent after 'by' at ``at`` (a name after up to three role words, else a noun phrase
    opened by a determiner), or None."""
    m = _BY_AGENT.match(q.text, at, hi)
    if m and m.group("name") and is_name(m.group("name"), q.text):
        return (*m.span("name"), "name")
    if m and m.group("nom"):
        return (*m.span("nom"), "nom")
    return None


def cue_before_passive(q: QuoteSite, c: CueSite):
    """'Rubio was asked by host Bill Maher, “...', 'labeled as a “witch hunt” by Democrats':
    the agent of a passive cue speaks, not its grammatical subject."""
    if not c.word.endswith("ed"):
        return None
    agent = _passive_agent(q, c.end, q.open_mark)
    if agent and not _AGENT_TO_QUOTE.fullmatch(q.text, agent[1], q.open_mark):
        agent = None  # 'was called by the SVP to force the government to adopt ... “'
    if agent is None and re.fullmatch(r"\s+(?:as\s+)?(?:(?:a|an|the)\s+)?", q.text[c.end:q.open_mark]):
        agent = _passive_agent(q, q.close_mark, q.right_hi)
    return q.make(*agent, c.word, "cue-before-passive") if agent else None


def cue_before_reported(q: QuoteSite, c: CueSite):
    """'Rep. Steve Israel said Clinton called on members to be “closely coordinated.”': a cue
    inside what an earlier verb of saying reports; the reporter of the sentence speaks."""
    subj, text = c.subject(q), q.text
    if not subj or subj[2] == "rel":
        return None
    outer = None
    for m in CUE_RE.finditer(text, q.lo, subj[0]):
        if m.group(0) in _REPORTING_VERBS and not CLOSED_SENTENCE.search(text, m.end(), subj[0]):
            outer = m
    if outer is None or not re.fullmatch(r"\s+(?:that\s+)?", text[outer.end():subj[0]]):
        return None
    found = subject_before(text, q.lo, outer.start())
    if not found or found[2] not in ("name", "pron", "nom"):
        return None
    return q.make(*found, outer.group(0), "cue-before-reported")


def cue_before_appositive(q: QuoteSite, c: CueSite):
    """'In July, Sammy Aaron, vice chairman of G-III, told Forbes that Trump is "...', 'A former
    Republican presidential candidate -- John McCain, who lost ... -- said': the name an aside
    separates from the cue speaks, not a word inside the aside (only when the cue's plain
    subject is another mention)."""
    found = appositive_subject(q.text, max(q.lo, q.left_lo), c.start)
    subj = c.subject(q)
    if found is None or subj and subj[:2] == found[:2]:
        return None
    return q.make(*found, c.word, "cue-before-appositive")


def cue_before(q: QuoteSite, c: CueSite):
    """'Kim said: “...' / 'what he called Russia’s “...'."""
    subj = c.subject(q)
    if not subj:
        return None
    cue = c.word
    if subj[2] == "poss":
        cue = re.sub(r"^[\u2019']s?\s*", "", q.text[subj[1]:c.end])
    if subj[2] == "nom" and q.text[subj[0]:subj[1]].lower() in ("his", "her", "their"):
        subj = (subj[0], subj[1], "pron")  # 'pushed his promise of “...”': whose promise
    return q.make(*subj, cue, "cue-before")


def cue_before_inverted(q: QuoteSite, c: CueSite):
    """'Said Kim: “...' / 'In other words, explained CBS moderator Nancy Cordes: "...'."""
    text = q.text
    subj = subject_after(text, c.end, q.open_mark) if not c.word.endswith("ing") else None
    if subj and c.at < 3:
        return q.make(*subj, c.word, "cue-before-inverted")
    if c.word in CUE_SET and not c.word.endswith("ing") and \
            text[q.left_lo:c.start].rstrip().endswith(","):
        im = INVERTED_INTRO.fullmatch(text, c.end, q.open_mark)
        if im and is_name(im.group("name"), text):
            return q.make(*im.span("name"), "name", c.word, "cue-before-inverted")
    return None


BEFORE_CUE_STEPS = (_noun_homograph, according_before, cue_gerund, cue_participle,
                    _bare_determiner, cue_before_and, cue_before_infinitive, cue_before_owner, naming_subject,
                    cue_before_passive, cue_before_reported, cue_before_appositive, cue_before,
                    cue_before_inverted)


def cue_before_rules(q: QuoteSite) -> Attribution | None:
    """The cues before the quotation in its sentence, nearest first (``BEFORE_CUE_STEPS``)."""
    left = q.text[q.left_lo:q.open_mark]
    cues = [CueSite(q.left_lo + m.start(), q.left_lo + m.end(), m.group(0), m.start())
            for m in reversed(list(CUE_RE.finditer(left)))]
    return _first_from_cues(q, cues, BEFORE_CUE_STEPS)


