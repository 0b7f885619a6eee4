"""Find who is quoted: cue verbs, "according to", colon introductions, continuations, pronouns.

Rules, not a model: each quoted span gets the subject of the nearest cue around it in its
sentence ("X said", "said X", "X’s message stated", "X described ... as", "according to X"),
else a nominal cue ("In his letter, Kim ..."), else a colon introduction or a named reply in the
previous paragraph, else the speaker of the quote it continues (a quote-only paragraph that
nothing introduces goes on with the last speaker of the previous paragraph), else the subject
of a cue verb earlier in the quote's sentence ('Trump cut into Bush, calling him a “stiff”').
Also: an inverted
cue closing the quote's sentence after the writer's words ('"..." that Sanders can win, said
X'), a clause-final cue ('"..." of the case, the opinion said'), a bare plural subject
('"...," federal prosecutors wrote'), a gerund after "by"/"while" ('rallied supporters by
warning that "..."'), a first-person narrator ('"...," I said' -> "the author"). Pronouns
resolve to the nearest
earlier speaker or sentence subject (the subject of a leading clause: 'When Kim Jong Un writes,
he ...'; a subject noun phrase the registry knows: 'The Russian president ... he'); names
resolve to the longest variant in the article ("Kim" -> "Kim Jong Un"; a variant ends at a
possessive and drops a qualified title: 'Russian President Vladimir Putin’s New Year’s message'
gives "Vladimir Putin"; title-case headlines give no variants) and then to the actor registry
when one is given. 'The Russian leader said' is a noun phrase, resolved through the registry's
descriptors, not the name 'Russian'. A sentence subject with a negated verb of saying ('he
isn't mentioning the “...” orders') is no speaker. When nothing fits the speaker stays ``None``
(abstain rather than guess).

The rules are small functions run in order (``RULES``; the two cue loops run
``AFTER_CUE_STEPS`` and ``BEFORE_CUE_STEPS`` on each cue, nearest first), each named after the
``rule`` value (``Attribution.how``) it emits: ``cue_after_inverted`` emits
``"cue-after-inverted"``. Each reads a :class:`QuoteSite` (the quotation's sentence, paragraph,
marks and the attributions before it) and returns an :class:`Attribution` or None.

The parts live in small modules: :mod:`~newsprism.quotes.names` (cue, title and name patterns,
name parsing), :mod:`~newsprism.quotes.coreference` (the article's people and their genders),
:mod:`~newsprism.quotes.subjects` (a cue's subject), :mod:`~newsprism.quotes.attributor` (the
per-article state, pronoun and role resolution, ``QuoteSite``) and
:mod:`~newsprism.quotes.cue_rules` (the per-cue steps); this module holds ``RULES`` and
``attribute`` and still offers every name it always did (``__all__``).

>>> from newsprism.quotes.marks import pair_marks
>>> text = '“We will win,” Kim Jong Un said. Later Kim added: “Soon.”'
>>> [a.speaker for a in attribute(text, pair_marks(text))]
['Kim Jong Un', 'Kim Jong Un']
"""

from __future__ import annotations

import bisect
import re

from newsprism.quotes.attributor import (
    NEXT_CUE,
    STOP,
    Attribution,
    Attributor,
    CueSite,
    QuoteSite,
    aside_title,
    quote_site,
)
from newsprism.quotes.coreference import Article, genders_in
from newsprism.quotes.cue_rules import (
    AFTER_CUE_STEPS,
    BEFORE_CUE_STEPS,
    according_after,
    according_before,
    cue_after,
    cue_after_appositive,
    cue_after_gap_inverted,
    cue_after_generic,
    cue_after_inverted,
    cue_after_rules,
    cue_before,
    cue_before_and,
    cue_before_infinitive,
    cue_before_inverted,
    cue_before_owner,
    cue_before_passive,
    cue_before_reported,
    cue_before_rules,
    cue_final,
    cue_gerund,
    cue_participle,
    naming_subject,
)
from newsprism.quotes.names import (
    ACCORDING,
    CAP,
    CLOSED_SENTENCE,
    COLON_CLAUSE,
    CUE_RE,
    DASH_SIGNATURE,
    DIGEST_COLON,
    DOUBLE_MARK,
    INSTITUTION_HEADS,
    NAME,
    NAME_RE,
    NEGATED_VERB,
    NOMINAL_CUE,
    POSS_CUE,
    PRONOUNS,
    SMALL_WORDS,
    SUBJ_HEAD,
    clean_name,
    headline_words,
    is_name,
    is_title_case,
    person_like,
    strip_leading,
)
from newsprism.quotes.np_sources import noun_phrase_subject, verb_like
from newsprism.quotes.shared_surnames import resolve_shared_surname
from newsprism.quotes.subjects import (
    NAME_TAIL,
    NAMED_APPOSITIVE,
    PRON_ANY,
    ROLE_WORDS_NAME,
    appositive_subject,
    blank,
    subject_after,
    subject_before,
)
from newsprism.quotes.word_surnames import word_surname

# -- colon introductions in the sentence

def _colon_left(q: QuoteSite) -> str | None:
    left = q.text[q.left_lo:q.open_mark].rstrip()
    return left if left.endswith(":") else None


def colon_name(q: QuoteSite) -> Attribution | None:
    """'Pew Research: “...' / a digest item 'HEADLINE - Philip Bump: "...'."""
    left = _colon_left(q)
    if left is None:
        return None
    nm = NAME_TAIL.search(left[:-1])
    if nm and is_name(nm.group("name"), q.text) and nm.start() <= 3:
        return q.make(q.left_lo + nm.start("name"), q.left_lo + nm.end("name"), "name", ":",
                      "colon-name")
    dm = DIGEST_COLON.search(left)
    if dm and is_name(dm.group("name"), q.text):
        return q.make(q.left_lo + dm.start("name"), q.left_lo + dm.end("name"), "name", ":",
                      "colon-name")
    return None


# 'doesn't surprise Republican pollster Daron Shaw: “...': a person's name (two words or more)
# right before the colon that opens the quotation
_NAME_COLON = re.compile(rf"(?<![\w\u2019'])(?P<name>{NAME})\s*:$")
# a preposition or a determiner before the name: it is an object ('told the newspaper X:')
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|in|at|from|with|for|by|of|on|about|the|a|an|newspaper|magazine)\s+$", re.I)


def colon_name_end(q: QuoteSite) -> Attribution | None:
    """'The timing doesn't surprise Republican pollster Daron Shaw: “...': the clause ends with
    a person's full name and a colon; that person speaks."""
    left = _colon_left(q)
    if left is None:
        return None
    nm = _NAME_COLON.search(left)
    if not nm:
        return None
    s, e = strip_leading(q.text, q.left_lo + nm.start("name"), q.left_lo + nm.end("name"))
    surface = q.text[s:e]
    if len(surface.split()) < 2 or surface.isupper() or not is_name(surface, q.text) or \
            not person_like(surface) or _OBJECT_BEFORE.search(q.text, q.lo, s) or \
            is_title_case(headline_words(q.text[q.ps:q.open_mark])):
        return None  # ('to the Dutch newspaper NRC Handelsblad:', a title-case headline)
    return q.make(s, e, "name", ":", "colon-name-end")


# 'Here’s Clinton in December 1992: “...' (a name) / 'From the report: “...' (a text): the
# sentence is only the introduction
_HERE_COLON = re.compile(
    rf"\s*(?:Here(?:\u2019|')s|Here is|Here was)\s+(?P<name>{NAME})(?![\w\u2019'])"
    r"[^:\u201c\u201d\"\n]{0,60}:\s*$"
    r"|\s*From\s+(?P<nom>(?:the|an?|his|her|its|their)\s+(?-i:[a-z\-]+)(?:\s+(?-i:[a-z\-]+)){0,2})"
    r":\s*$")


def colon_here(q: QuoteSite) -> Attribution | None:
    """'Here’s Clinton in December 1992: “...' / 'From the report: “...': the name or the text
    of an introduction that is the whole sentence before the colon."""
    m = _HERE_COLON.fullmatch(q.text, q.lo, q.open_mark)
    if m and m.group("name") and is_name(m.group("name"), q.text):
        return q.make(*m.span("name"), "name", ":", "colon-here")
    if m and m.group("nom"):
        return q.make(*m.span("nom"), "nom", ":", "colon-here")
    return None


def colon_sentence(q: QuoteSite) -> Attribution | None:
    """'she is sure that ...: “...': the sentence's subject."""
    if _colon_left(q) is None:
        return None
    subj = q.attributor.subject_of_sentence(q.lo, q.open_mark)
    return q.make(*subj, ":", "colon-sentence") if subj else None


def colon_clause(q: QuoteSite) -> Attribution | None:
    """'A footnote in the report makes that clear: "...' / 'a spokesman for X could only quip:
    "...': a determiner noun phrase heading the clause before the colon."""
    if _colon_left(q) is None:
        return None
    cm = COLON_CLAUSE.search(q.text, max(q.lo, q.left_lo), q.open_mark)
    return q.make(*cm.span("nom"), "nom", ":", "colon-clause") if cm else None


def according(q: QuoteSite) -> Attribution | None:
    """'according to X' anywhere in the sentence."""
    am = ACCORDING.search(q.text, q.lo, q.hi)
    if not am:
        return None
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, "according to", "according")


def nominal_cue(q: QuoteSite) -> Attribution | None:
    """'In his letter, Kim ...'."""
    nm = NOMINAL_CUE.search(q.text, q.lo, q.open_mark)
    if not nm:
        return None
    ss, se = nm.span("name")
    kind = "pron" if q.text[ss:se].lower() in PRONOUNS else "name"
    return q.make(ss, se, kind, nm.group(0).split(",")[0], "nominal-cue")


def previous_sentence(q: QuoteSite) -> Attribution | None:
    """The previous sentence of the paragraph names the speaker ('Perez says ... . “...')."""
    a, text = q.attributor, q.text
    if not (q.lo > q.ps and q.opens_sentence):
        return None
    bounds = a.bounds(q.ps, q.pe)
    i = bisect.bisect_left(bounds, q.lo - 1)
    prev_lo = max(bounds[i - 1], q.ps) if i else q.ps
    if a.quote_between(prev_lo, q.lo, len(a.spans)):
        return None
    for m in reversed(list(CUE_RE.finditer(text, prev_lo, q.lo))):
        if m.group(0) == "according to":
            continue
        subj = subject_before(text, prev_lo, m.start())
        if subj and subj[2] != "nom":
            return q.make(*subj, m.group(0), "previous-sentence")
    return None


def sentence_subject(q: QuoteSite) -> Attribution | None:
    """The subject of the sentence ('Clinton talked up her “50-state strategy”'); a quotation
    closing a sentence ('... vote." He commanded') ends it for this purpose; not a subject with
    a negated verb of saying ('he isn't mentioning the “kill-yourself” orders')."""
    closed = list(CLOSED_SENTENCE.finditer(q.text, q.lo, q.open_mark))
    subj = q.attributor.subject_of_sentence(closed[-1].end() if closed else q.lo, q.open_mark)
    if subj and not NEGATED_VERB.search(q.text, subj[1], q.open_mark):
        return q.make(*subj, None, "sentence-subject")
    return None


# 'his daughter Ivanka Trump, who portrayed him as a business executive who would be “the
# people's champion”': a relative clause with a finite verb of its own holds the quotation
_RELATIVE_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?P<rel>who)\s+(?:(?:also|then|later|often|has|had|have)\s+)?"
    r"(?P<verb>(?-i:[a-z]{2,}))\b")


def nearer_relative(q: QuoteSite, found: Attribution) -> Attribution:
    """The attribution ``found`` by the sentence's subject (``sentence-subject``), moved to a
    relative clause that holds the quotation ('Roffman, who estimates that his legal costs were
    “in the seven figures,” described ...', 'his daughter Ivanka Trump, who portrayed him as
    ... “the people's champion”'): 'who' and a finite verb, the last such clause before the
    quotation; its antecedent speaks, through the mention 'who'. Kept when that antecedent is
    no name or description the rules resolve (the rule's name stays: the speech classifier
    reads it)."""
    if found.how != "sentence-subject" or found.speaker is None or found.speaker_end is None:
        return found
    hit = None
    for m in _RELATIVE_CLAUSE.finditer(q.text, max(found.speaker_end, q.left_lo), q.open_mark):
        verb = m.group("verb")
        if (verb_like(verb) or verb.endswith("s") and not verb.endswith("ss")) and \
                not q.attributor.inside_quote(m.start("rel")):
            hit = m
    if hit is None or q.open_mark - hit.end() > 200:
        return found
    moved = q.make(*hit.span("rel"), "rel", found.cue, found.how)
    return moved if moved.speaker else found


def continuation(q: QuoteSite) -> Attribution | None:
    """The previous quote of the paragraph goes on: this one opens its sentence or shares it."""
    a = q.attributor
    if q.qi > 0 and q.prev and q.prev[-1].speaker_start is not None and \
            a.paragraphs[q.qi - 1] == (q.ps, q.pe) and (
                q.opens_sentence or a.quote_marks[q.qi - 1][1] > q.lo):
        return q.carry("continuation")
    return None


def dash_signature(q: QuoteSite) -> Attribution | None:
    """A quote-only paragraph signed in the next one ('"..."' then '- Sanders.')."""
    text = q.text
    if not (q.opens_paragraph and blank(text, q.close_mark, q.pe, " .")):
        return None
    sm = DASH_SIGNATURE.match(text, q.pe)
    if not (sm and is_name(sm.group("name"), text)):
        return None
    ss, se = sm.span("name")
    if text[se - 1] == "." and len(text[ss:se].split()[-1]) > 3:
        se -= 1  # the sentence's full stop, not an initial
    return q.make(ss, se, "name", None, "dash-signature")


# -- a paragraph that opens with the quote: the previous paragraph introduces or continues it

def _previous_paragraph(q: QuoteSite) -> tuple[int, int] | None:
    """Offsets of the paragraph before a quote-opening paragraph (None when there is none)."""
    if not (q.opens_paragraph and q.ps > 0):
        return None
    pps, ppe = q.attributor.previous_paragraph_span(q.ps)
    return (pps, ppe) if ppe > pps else None


def _previous_quote_in(q: QuoteSite, pps: int) -> bool:
    """The previous quotation has a speaker and sits in the paragraph starting at ``pps``."""
    return q.qi > 0 and bool(q.prev) and bool(q.prev[-1].speaker) and \
        q.attributor.paragraphs[q.qi - 1][0] == pps


def continuation_paragraph(q: QuoteSite) -> Attribution | None:
    """The previous paragraph is (or ends in) a quote with a speaker."""
    para = _previous_paragraph(q)
    if para is None or not _previous_quote_in(q, para[0]):
        return None
    qs, qe = q.attributor.spans[q.qi - 1]
    if para[1] - qe <= 2 or blank(q.text, qe + 1, para[1]) or q.prev[-1].how in (
            "colon-intro", "document-intro", "named-reply", "continuation-paragraph", "cue-after",
            "cue-after-inverted", "cue-after-generic", "continuation"):
        return q.carry("continuation-paragraph")
    return None


def _last_sentence(q: QuoteSite, pps: int, ppe: int) -> int:
    bounds = q.attributor.bounds(pps, ppe)
    return bounds[-1] if bounds else pps


def named_reply(q: QuoteSite) -> Attribution | None:
    """'Putin’s reply is even more explicit.' / 'Kim’s message stated:' ends the paragraph."""
    para = _previous_paragraph(q)
    if para is None:
        return None
    last_lo = _last_sentence(q, *para)
    pm = POSS_CUE.search(q.text[last_lo:para[1]])
    if pm and is_name(pm.group("name"), q.text):
        ss, se = pm.span("name")
        return q.make(last_lo + ss, last_lo + se, "name", pm.group(0), "named-reply")
    return None


def _colon_paragraph(q: QuoteSite, pps: int, ppe: int) -> bool:
    return q.text[pps:ppe].rstrip().endswith(":")


def colon_intro(q: QuoteSite) -> Attribution | None:
    """The previous paragraph ends with a colon: the cue's subject in its last sentence, else
    the nearest subject name in it ('Kim Jong Un sent a message ... expressions:')."""
    para = _previous_paragraph(q)
    if para is None or not _colon_paragraph(q, *para):
        return None
    (pps, ppe), text, a = para, q.text, q.attributor
    last_lo = _last_sentence(q, pps, ppe)
    for m in reversed(list(CUE_RE.finditer(text, last_lo, ppe))):
        subj = subject_before(text, last_lo, m.start())
        if subj is None:
            # 'Stated Stone:': an inverted cue right before the colon
            subj = subject_after(text, m.end(), ppe)
            if subj and (subj[2] == "nom" or text[subj[1]:ppe].strip() != ":"):
                subj = None
        if subj:
            return q.make(*subj, m.group(0), "colon-intro")
    bounds = a.bounds(pps, ppe)
    # (the last 20 sentences of the paragraph at most: a window)
    for start in reversed(([pps] if len(bounds) <= 20 else []) + bounds[-20:]):
        subj = a.subject_of_sentence(start, ppe)
        if subj and subj[2] != "nom":
            return q.make(*subj, ":", "colon-intro")
    return None


# 'Transcript as follows:', 'Partial transcript as follows:', 'The full text of the letter
# follows:': a paragraph that announces a document; the document speaks (PolNeAR credits it)
_DOCUMENT_INTRO = re.compile(
    r"(?P<doc>(?:(?-i:[A-Z])\w*\s+){0,2}(?i:transcript|excerpts?|text|statement|letter|memo))"
    r"(?:\s+of\s+(?:the|his|her|their)\s+[\w\s]{1,40}?)?\s+(?:is\s+|are\s+)?"
    r"(?:as\s+follows|follows|below|reads)\s*:\s*$")


def document_intro(q: QuoteSite) -> Attribution | None:
    """The previous paragraph is only 'Transcript as follows:' (a document is announced): the
    document is the speaker; later quote-only paragraphs go on with it."""
    para = _previous_paragraph(q)
    if para is None or not _colon_paragraph(q, *para):
        return None
    dm = _DOCUMENT_INTRO.match(q.text, para[0], para[1])
    return q.make(*dm.span("doc"), "nom", ":", "document-intro") if dm else None


def intro_paragraph(q: QuoteSite) -> Attribution | None:
    """An introduction without a colon: the last sentence of the previous paragraph says who
    speaks ('Ash argued in his email, the incident ...'), when it holds no quote itself."""
    para = _previous_paragraph(q)
    if para is None or _colon_paragraph(q, *para) or \
            q.attributor.quote_between(para[0], para[1], q.qi):
        return None
    last_lo = _last_sentence(q, *para)
    for m in reversed(list(CUE_RE.finditer(q.text, last_lo, para[1]))):
        if m.group(0) == "according to":
            continue
        subj = subject_before(q.text, last_lo, m.start())
        if subj and subj[2] != "nom":
            return q.make(*subj, m.group(0), "intro-paragraph")
    return None


def continuation_paragraph_last(q: QuoteSite) -> Attribution | None:
    """Nothing introduces this quote-opening paragraph: it goes on with the last speaker of the
    previous paragraph ('"...," Clinton said.' then '"He voted to ..."')."""
    para = _previous_paragraph(q)
    if para is None or _colon_paragraph(q, *para) or not _previous_quote_in(q, para[0]):
        return None
    return q.carry("continuation-paragraph-last")


def sentence_cue(q: QuoteSite) -> Attribution | None:
    """Last resort: the subject of a cue verb earlier in the quote's sentence, however far ('His
    chief aide doubled down ..., saying she's experienced "on paper"'); a named, pronoun or noun
    phrase subject (PolNeAR train error analysis: such quotes are mostly gold)."""
    text = q.text
    for m in reversed(list(CUE_RE.finditer(text, q.lo, q.open_mark))):
        if m.group(0) == "according to":
            continue
        subj = subject_before(text, q.lo, m.start())
        if subj is None:
            head = SUBJ_HEAD.match(text, q.lo, m.start())
            kind = next((k for k in ("pron", "name", "nom") if head and head.group(k)), None)
            if kind and (kind != "name" or is_name(head.group(kind), text)):
                subj = (*head.span(kind), kind)
        # a "subject" holding a double quotation mark is the quotation before the cue
        # ('"... in three consecutive elections," said Al From, who ...')
        if subj and subj[2] in ("name", "pron", "nom") and \
                not DOUBLE_MARK.search(text, subj[0], subj[1]):
            return q.make(*subj, m.group(0), "sentence-cue")
    return None


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\u201c\"'])")


def _past_appositive(text: str, lo: int, hi: int) -> int:
    """``lo`` moved past the rest of its sentence when that rest is an appositive of the speaker
    (', a top Republican strategist on John McCain's campaign.'): the names it holds describe
    the speaker, no one who speaks between."""
    end = _SENTENCE_END.search(text, lo, hi)
    if not end or not text.startswith(",", lo) or CUE_RE.search(text, lo, end.start()) or \
            PRON_ANY.search(text, lo, end.start()):
        return lo
    return end.end()


def continuation_sentence(q: QuoteSite, past_appositive: bool = False) -> Attribution | None:
    """'"It's an enormous moment," said Steve Schmidt, a strategist. Unless rivals quit, "it's
    very difficult ..."': the previous quotation of the paragraph has a speaker and no other
    name, pronoun or cue comes between: the same speaker goes on (``past_appositive``: the
    speaker's appositive closing its sentence is no one between, see
    :func:`continuation_past_appositive`)."""
    a, text = q.attributor, q.text
    if q.qi == 0 or not q.prev or q.prev[-1].speaker is None or \
            a.paragraphs[q.qi - 1][0] != q.ps:
        return None
    gap_lo = max(a.quote_marks[q.qi - 1][1], q.prev[-1].speaker_end or 0)
    if past_appositive:
        gap_lo = _past_appositive(text, gap_lo, q.open_mark)
    if gap_lo >= q.open_mark or q.open_mark - gap_lo > 400:
        return None
    if CUE_RE.search(text, gap_lo, q.open_mark) or PRON_ANY.search(text, gap_lo, q.open_mark) \
            or any(is_name(m.group(0), text)
                   for m in NAME_RE.finditer(text, gap_lo, q.open_mark)):
        return None
    return q.carry("continuation-past-appositive" if past_appositive else
                   "continuation-sentence")


# The rules in the order they are tried; the first that fires attributes the quotation.
RULES = (
    cue_after_rules, cue_after_generic, cue_final, cue_before_rules, colon_name, colon_here,
    colon_sentence, colon_name_end, colon_clause, according, nominal_cue, previous_sentence, sentence_subject,
    continuation, dash_signature, continuation_paragraph, named_reply, document_intro,
    colon_intro, intro_paragraph,
    continuation_paragraph_last, sentence_cue, continuation_sentence,
)


# -- fallbacks: a speaker named further away in the sentence or in the sentence before

def cue_later(q: QuoteSite) -> Attribution | None:
    """'Fundraising was "stagnant ..." as donors waited ..., he said.': a cue verb later in the
    quote's sentence, its subject (a name or a pronoun) just before it."""
    for m in CUE_RE.finditer(q.text, q.close_mark, q.hi):
        if m.group(0) == "according to":
            continue
        subj = subject_before(q.text, q.close_mark, m.start())
        if subj and subj[2] in ("name", "pron"):
            return q.make(*subj, m.group(0), "cue-later")
    return None


def previous_sentence_cue(q: QuoteSite) -> Attribution | None:
    """'This makes it difficult ..., he said. Good information can still drive out bad, but
    only when "...".': a cue with a named or pronoun subject in the previous sentence of the
    paragraph."""
    a, text = q.attributor, q.text
    if q.lo <= q.ps:
        return None
    bounds = a.bounds(q.ps, q.pe)
    i = bisect.bisect_left(bounds, q.lo - 1)
    prev_lo = max(bounds[i - 1], q.ps) if i else q.ps
    for m in reversed(list(CUE_RE.finditer(text, prev_lo, q.lo))):
        if m.group(0) == "according to":
            continue
        subj = subject_before(text, prev_lo, m.start())
        if subj is None or subj[2] == "nom":
            # 'Sam Lau, the communications director for the Iowa Democratic Party said in a
            # statement.': the name before the aside
            subj = appositive_subject(text, prev_lo, m.start(), unclosed=True)
        if subj and subj[2] != "nom":
            return q.make(*subj, m.group(0), "previous-sentence-cue")
    return None


# a name opening the sentence (maybe after a short opener), then a parenthesis, an appositive or
# a place, then a lowercase word: 'Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying:',
# 'Just last week, J.J. Goldberg, editor at large of The Forward, ..., wrote,', 'The Holocaust
# Memorial Museum in Washington issued a report ... charging the Islamic State with'
_OPENING_NAME = re.compile(
    rf"(?:[A-Z][^,\u201c\u201d\"\n]{{0,40}},\s+)?(?P<name>{NAME})(?:\s*\([^()]{{1,30}}\))?"
    rf"(?:,[^\u201c\u201d\"\n]{{2,160}}?,)?(?:\s+(?:in|of|at|from)\s+(?:the\s+)?{CAP}"
    rf"(?:\s+{CAP})*)?\s+(?:(?:has|had|also|then|later|would|will|is|was)\s+)?"
    rf"(?!(?:of|and|the|a|an|in|on|at|to|for|with|from|by|as|or|but|who|which|that)\b)"
    rf"(?-i:[a-z]{{2,}})\b")


def sentence_opening_name(q: QuoteSite) -> Attribution | None:
    """'Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: “...': the name opening the
    quote's sentence, before its verb."""
    lo = q.lo
    while lo < q.open_mark and q.text[lo].isspace():
        lo += 1
    m = _OPENING_NAME.match(q.text, lo, q.open_mark)
    if not m or not is_name(m.group("name"), q.text):
        return None
    s, e = strip_leading(q.text, *m.span("name"))
    surface = q.text[s:e]
    if s >= e or not is_name(surface, q.text) or surface.isupper() or \
            len(surface.split()) < 2 and surface not in q.attributor.art.names():
        return None  # ('PHILADELPHIA —' is a dateline, 'Boos rang out' no name)
    return q.make(s, e, "name", None, "sentence-opening-name")


# a sentence opening with a determiner noun phrase headed by a text or an institution, then its
# verb: 'The ad targets a “corrupt political system”', 'A 2014 House Intelligence Committee
# report found “no evidence ...”', 'The council voted 6-1 for the resolution which said ...'
_INSTITUTION_SUBJECT = re.compile(
    rf"(?:(?P<opener>[A-Z][^,\u201c\u201d\"\n]{{0,80}}),\s+)?"
    rf"(?P<nom>(?(opener)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|(?:The|An?|Its|Their|His|Her))"
    rf"(?:\s+[\w\-\u2019']+){{0,5}}?\s+(?i:{INSTITUTION_HEADS}))"
    rf"(?:,[^,\u201c\u201d\"\n]{{2,100}},)?\s+(?:also\s+|has\s+|had\s+|then\s+)?"
    rf"(?-i:[a-z]+(?:s|ed))\b")


def institution_subject(q: QuoteSite) -> Attribution | None:
    """'The ad targets a “corrupt political system”': the quotation's sentence opens with a text
    or an institution and its verb, and names no person before the quotation: the text or
    institution is the speaker (PolNeAR train: 8 of 8 as the gold credits them)."""
    lo = q.lo
    while lo < q.open_mark and q.text[lo].isspace():
        lo += 1
    m = _INSTITUTION_SUBJECT.match(q.text, lo, q.open_mark)
    if not m or DOUBLE_MARK.search(q.text, m.start("nom"), m.end("nom")):
        return None
    if any(len(n.group(0).split()) >= 2 and is_name(n.group(0), q.text) and
           person_like(n.group(0)) for n in NAME_RE.finditer(q.text, m.end("nom"), q.open_mark)):
        return None  # 'The email appears to contradict comments from Leon Panetta that “...'
    return q.make(*m.span("nom"), "nom", None, "institution-subject")


# 'As The Post's Ruth Marcus puts it, Obama is trying to make Republicans “...”', 'As the
# Hollywood columnist Louella Parsons had written, “...”': the writer's words are framed as hers
_AS_CUE = re.compile(
    r"(?:[A-Z][^,\u201c\u201d\"\n]{0,40},\s+)?(?-i:As)\s+(?P<subj>[^,\u201c\u201d\"\n]{2,80}?)"
    r"\s+(?:(?:has|had)\s+)?(?:puts\s+it|put\s+it|wrote|writes|written|noted|notes|said|says|"
    r"observed|explained)\b[^,\u201c\u201d\"\n]{0,40},")


def as_cue(q: QuoteSite) -> Attribution | None:
    """'As The Post's Ruth Marcus puts it, Obama is trying to make Republicans “an offer they
    can't afford to refuse.”': the subject of an opening 'As X puts it' clause, a name."""
    lo = q.lo
    while lo < q.open_mark and q.text[lo].isspace():
        lo += 1
    m = _AS_CUE.match(q.text, lo, q.open_mark)
    if not m:
        return None
    subj = subject_before(q.text, m.start("subj"), m.end("subj"))
    if subj is None or subj[2] != "name":
        return None
    return q.make(*subj, None, "as-cue")


# Tried when no rule of ``RULES`` fires; what they give is used only for speech. Each names a
# speaker the sentence itself shows with a cue verb or as its subject. (Any opening common noun
# phrase, 'The council voted ...', was right half the time on PolNeAR train and named 'the' or
# 'clinton's attacks were': a guess a reader would catch; only a phrase headed by a role, group,
# institution or text noun is tried, by ``noun_phrase_subject``: 11 of 11 right on train.)
# 'Lopez: Well, no one is like, ‘My 401(k) is speculation.’': a transcript turn's label opening
# the paragraph, a name of one to three words
_TURN_LABEL = re.compile(r"(?P<name>[A-Z][\w.\u2019'\-]+(?:[ \t][A-Z][\w.\u2019'\-]+){0,2}):[ \t]")


def transcript_label(q: QuoteSite) -> Attribution | None:
    """The speaker label of a transcript turn holding the quotation ('Lopez: Well, no one is
    like, ‘...’'), when at least two paragraphs of the article open with a label of that
    form, one of them this same speaker's (a transcript, not a headline's 'Clinton: ...')."""
    m = _TURN_LABEL.match(q.text, q.ps, q.open_mark)
    if not m or not is_name(m.group("name"), q.text):
        return None
    last = m.group("name").split()[-1]
    labels = re.findall(rf"(?m)^{_TURN_LABEL.pattern}", q.text)
    if len(labels) < 3 or sum(label.split()[-1] == last for label in labels) < 2:
        return None
    return q.make(*m.span("name"), "name", ":", "transcript-label")


def continuation_past_appositive(q: QuoteSite) -> Attribution | None:
    """'"It's an enormous moment," said Steve Schmidt, a top Republican strategist on John
    McCain's presidential campaign. Unless rivals quit, "it's very difficult ..."': the names
    of the speaker's appositive describe the speaker; the same speaker goes on."""
    return continuation_sentence(q, past_appositive=True)


def cue_after_role_name(q: QuoteSite) -> Attribution | None:
    """'"It's about time ...," exhorted Clinton's introducer, actress Jamie Lee Curtis.': the
    name a role gives after a lowercase role word, right after the cue that follows the
    quotation."""
    cue = CUE_RE.match(q.text, q.close_mark + len(q.text[q.close_mark:q.hi]) -
                       len(q.text[q.close_mark:q.hi].lstrip(" ,\u2014\u2013-")))
    m = ROLE_WORDS_NAME.match(q.text, cue.end(), q.hi) if cue else None
    if not m or not is_name(m.group("name"), q.text) or len(m.group("name").split()) < 2:
        return None
    return q.make(*m.span("name"), "name", cue.group(0), "cue-after-role-name")


def cue_named_appositive(q: QuoteSite) -> Attribution | None:
    """'One of the university's top executives, Michael Sexton, subsequently testified ...
    that "...': a description opening the quotation's sentence, the name in apposition to it,
    then a cue verb before the quotation: the named person."""
    m = NAMED_APPOSITIVE.match(q.text, q.lo, q.open_mark)
    name = m.group("name") if m else ""
    if not (m and CUE_RE.match(q.text, m.end(), q.open_mark) and is_name(name, q.text) and
            len(name.split()) >= 2):
        return None
    cue = CUE_RE.match(q.text, m.end(), q.open_mark).group(0)
    return q.make(*m.span("name"), "name", cue, "cue-named-appositive")


FALLBACK_RULES = (transcript_label, word_surname, continuation_past_appositive,
                  cue_after_role_name, cue_named_appositive, cue_later, previous_sentence_cue, sentence_opening_name,
                  institution_subject, as_cue, noun_phrase_subject)


# a clause of the quotation's sentence whose subject is a pronoun ('Cruz is the only contender
# ... and he has long used that fact to bludgeon his rivals for not campaigning “...”'); not
# 'that he' or 'if he' (what the sentence's subject says or asks about)
_CLAUSE_PRONOUN = re.compile(
    r"(?:\b(?:and|but|while|although|though|because|as|when|since|after|before|until|so)"
    r"|[,;])\s+(?P<pron>he|she|they)\s+(?-i:[a-z])[\w\u2019']*")


_PARTICIPLE = re.compile(r",\s+(?-i:[a-z]+ing)\b")


def nearer_pronoun(q: QuoteSite, found: Attribution) -> Attribution:
    """The attribution ``found`` by the sentence's subject (``sentence-subject``,
    ``cue-before-and``, ``cue-participle``: before the participle), moved to the subject pronoun
    of a later clause before the quotation when there is one ('Clinton endorsed the deal,
    although she made it clear that she has “serious concerns”': 'she', the mention the
    quotation hangs on); kept when that pronoun resolves to no one or to another person, or is
    a 'they' after one person."""
    if found.how not in ("sentence-subject", "cue-before-and", "cue-participle") or \
            found.speaker_end is None:
        return found
    hi = q.open_mark
    if found.how == "cue-participle":
        # only a clause before the participle: a pronoun after it is what the speaker says
        # ('Bradley apologized ..., saying they were old')
        part = _PARTICIPLE.search(q.text, found.speaker_end, q.open_mark)
        hi = part.start() if part else hi
    hit = None
    for m in _CLAUSE_PRONOUN.finditer(q.text, found.speaker_end, hi):
        if not q.attributor.inside_quote(m.start("pron")):
            hit = m
    if hit is None or hit.group("pron").lower() == "they" and person_like(found.speaker) \
            and len((found.speaker or "").split()) >= 2 and " and " not in found.speaker:
        return found  # one person is no 'they' ('Bradley apologized ... after they came out')
    moved = q.make(*hit.span("pron"), "pron", found.cue, found.how)
    # the pronoun must stand for the subject found ('Cruz ... and he'), or replace a
    # description ('Clinton’s campaign manager was asked ..., he laughed and said'); a pronoun
    # that resolves to someone else is a second person ('Clinton ..., as he had done'): keep
    same = moved.speaker == found.speaker or bool(found.speaker and found.speaker.islower())
    return moved if moved.speaker and same else found


def attribute_one(attributor: Attributor, qi: int, prev: list[Attribution]) -> Attribution:
    """The attribution of quotation ``qi``: the first of ``RULES`` that fires, else none (with
    the first of ``FALLBACK_RULES`` that fires as its ``fallback``)."""
    site = quote_site(attributor, qi, prev)
    if qi and aside_title(attributor.text, attributor.quote_marks[qi - 1][1],
                          attributor.quote_marks[qi]):
        return Attribution()  # a name in the aside of the quotation before: no one speaks
    for rule in RULES:
        found = rule(site)
        if found is not None:
            found = nearer_relative(site, nearer_pronoun(site, found))
            return resolve_shared_surname(attributor.art, attributor.text, found)
    return Attribution(fallback=next((found for rule in FALLBACK_RULES
                                      if (found := rule(site)) is not None), None))



def attributor_article(text: str, actors=None) -> Article:
    """The per-article state the rules read (name variants, genders): for tests and audits."""
    return Article(text, actors)


def attribute(text: str, marked, actors=None) -> list[Attribution]:
    """One :class:`Attribution` per quoted span (``marked``: ``MarkedSpan`` list, in order)."""
    attributor = Attributor(text, marked, actors)
    out: list[Attribution] = []
    for qi in range(len(attributor.spans)):
        out.append(attribute_one(attributor, qi, out))
    return out



# the public names this module has always offered (now defined in the modules above)
__all__ = [
    "AFTER_CUE_STEPS",
    "Attribution",
    "BEFORE_CUE_STEPS",
    "CUE_RE",
    "CueSite",
    "FALLBACK_RULES",
    "NEXT_CUE",
    "QuoteSite",
    "RULES",
    "SMALL_WORDS",
    "STOP",
    "according",
    "according_after",
    "according_before",
    "as_cue",
    "attribute",
    "attribute_one",
    "attributor_article",
    "blank",
    "clean_name",
    "colon_clause",
    "colon_intro",
    "colon_name",
    "colon_sentence",
    "continuation",
    "continuation_paragraph",
    "continuation_paragraph_last",
    "continuation_sentence",
    "cue_after",
    "cue_after_appositive",
    "cue_after_gap_inverted",
    "cue_after_generic",
    "cue_after_inverted",
    "cue_after_rules",
    "cue_before",
    "cue_before_and",
    "cue_before_infinitive",
    "cue_before_inverted",
    "cue_before_owner",
    "cue_before_passive",
    "cue_before_reported",
    "cue_before_rules",
    "cue_final",
    "cue_gerund",
    "cue_later",
    "colon_name_end",
    "cue_participle",
    "dash_signature",
    "document_intro",
    "genders_in",
    "institution_subject",
    "headline_words",
    "intro_paragraph",
    "is_title_case",
    "named_reply",
    "naming_subject",
    "nominal_cue",
    "nearer_relative",
    "noun_phrase_subject",
    "previous_sentence",
    "previous_sentence_cue",
    "quote_site",
    "sentence_cue",
    "sentence_opening_name",
    "sentence_subject",
]
