"""The subject of a cue: the noun phrase or name before ('Kim said') or after ('said Kim') a cue
verb, and the sentence span around a quotation.
"""

from __future__ import annotations

import bisect
import re

from newsprism.quotes.names import AUX, CUE_NOUNS, DETS, NAME, SUBJ_HEAD, is_name, strip_leading
from newsprism.quotes.plausible import check_adverbial

_PRON_TAIL = re.compile(r"\b(?:he|she|they|i|we|it)\s*$", re.I)
_POSS_TAIL = re.compile(rf"(?P<name>{NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{CUE_NOUNS})\s*$")
NAME_TAIL = re.compile(rf"(?P<name>{NAME})(?:\s+(?:of|at|from|with)\s+(?:the\s+)?{NAME})?"
                       rf"(?:\s*\([^()]{{1,25}}\))?"
                       rf"(?P<app>,[^,\u201c\u201d\"]{{2,100}},)?\s*$")
_POSS_NP_TAIL = re.compile(rf"(?P<name>{NAME})[\u2019']s?(?:\s+[a-z][\w\-]*){{1,3}}\s*$")
_CLOSE_TO = re.compile(r"(?:^|(?<=[\s,]))(?:[Ss]ources|[Pp]eople|[Oo]fficials|[Aa]ides|[Ss]omeone|"
                       r"[Tt]hose|[Aa]nalysts|[Dd]iplomats|[Aa] source|[Aa]n official|[Aa] person)"
                       r"\s+(?:close to|familiar with|inside|within)\s+$")
DET_RE = re.compile(rf"\b{DETS}\b", re.I)
FUNCTION_END = frozenset(
    "to that which who whom been by as have has had is was are were be of in on at for with "
    "and or but from than also not what when where how why if".split())


_ABBREVIATIONS = frozenset("corp bros assn dept univ govt inc co ltd jr sr st".split())


def drop_full_stop(text: str, s: int, e: int) -> int:
    """End of the mention ``text[s:e]`` without the sentence's full stop ('said Richards.', 'said
    one district GOP leader.'), kept after an initial or an abbreviation ('W.', 'Corp.').

    >>> t = "said Richards. said George W. said Acme Corp."
    >>> [t[5:drop_full_stop(t, 5, 14)], t[20:drop_full_stop(t, 20, 29)]]
    ['Richards', 'George W.']
    """
    if e - s < 2 or text[e - 1] != ".":
        return e
    word = text[s:e - 1].split()[-1] if text[s:e - 1].split() else ""
    if len(word) < 4 or "." in word or word.lower() in _ABBREVIATIONS:
        return e
    return e - 1


_SPACES = re.compile(r"\s*")
_SPACES_DOTS = re.compile(r"[ .]*")


def blank(text: str, lo: int, hi: int, chars: str | None = None) -> bool:
    """``text[lo:hi].strip(chars) == ""`` without copying the slice (it stops at the first
    other character: constant time where ``strip`` of a long paragraph is not)."""
    pattern = _SPACES_DOTS if chars == " ." else _SPACES
    return pattern.match(text, lo, hi).end() >= hi


def trailing_space(text: str, at: int) -> int:
    """How many whitespace characters end ``text[:at]`` (looking back 200 at most)."""
    window = text[max(0, at - 200):at]
    return len(window) - len(window.rstrip())


_PARENTHETICAL_TAIL = re.compile(r"[ \t]*\([^()\n]{1,40}\),?[ \t]*$")


def subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """The noun phrase just left of a cue verb (``X said``), as (start, end, kind)."""
    found = subject_tail(text, lo, cue_start)
    paren = _PARENTHETICAL_TAIL.search(text, max(lo, cue_start - 60), cue_start)
    if found is None and paren:
        # 'Gov. John Kasich (R-OH), said': the name before a party label or an aside
        found = subject_tail(text, lo, paren.start())
    if found is None:
        # "The lawmaker, who represents a district in Albay, said": skip the appositive
        raw = text[max(lo, cue_start - 200):cue_start]
        left = raw.rstrip()
        m = re.search(r",[^,\u201c\u201d\"]{2,120},$", left)
        if m:
            found = subject_tail(text, lo, cue_start - (len(raw) - len(left))
                                 - (len(left) - m.start()))
        if m and found is None:
            # "Google's chief human resources executive, Laszlo Bock, told": the named appositive
            app_s = max(lo, cue_start - 200) + m.start() + 1
            nm = re.fullmatch(rf"\s*({NAME})\s*,", text[app_s:app_s + len(m.group(0)) - 1])
            if nm and is_name(nm.group(1), text) and len(nm.group(1).split()) >= 2:
                found = app_s + nm.start(1), app_s + nm.end(1), "name"
    return found


# a preposition right before a name makes it a place or an object, never the subject
PLACE_BEFORE = re.compile(r"\b(?:in|of|from|at|near|outside|across|into|for)\s+"
                          r"(?:the\s+)?$", re.I)
# heads of noun phrases that are events, times, places or texts: they hold speech, they do not
# speak ('the Saturday debate said', 'in a later interview said', 'the polls saying')
NON_AGENT = re.compile(
    r"\b(?:debates?|primar(?:y|ies)|polls?|interviews?|elections?|races?|rall(?:y|ies)|"
    r"meetings?|conventions?|hearings?|events?|speech|remarks|days?|weeks?|months?|years?|"
    r"night|morning|evening|room|stage|caucus(?:es)?|"
    r"released|issued|published|posted)$", re.I)


_PERSON_THEN_PLACE = re.compile(
    rf"(?P<name>{NAME})(?:,\s*\d{{1,3}},?)?\s+(?:of|from|in|at)\s+(?:the\s+)?$")


_ROLE_THEN_PLACE = re.compile(
    r"\b(?-i:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,3}?(?:from|of|for|at|in)\s+(?:the\s+)?$")


# a relative pronoun right before the cue: ', who said', ', which notes', ' - who previously
# said', 'Rikkie Wells who tweeted' (its antecedent speaks; not 'critics who say': the
# restrictive clause of a common noun may sit inside another speaker's sentence)
_RELATIVE_TAIL = re.compile(
    r"(?:,|\s[\u2014\u2013-]|\b(?-i:[A-Z])[\w\-\u2019']*)\s+(who|(?<=, )which)\s*$")
_WHOSE_BEFORE = re.compile(rf"(?P<name>{NAME}),\s+whose\s+[^,]{{1,40}},\s*$")
_GROUP_NOUNS = (r"police|officials|authorities|prosecutors|investigators|officers|detectives|"
                r"spokesman|spokeswoman|spokesperson|aides|sources|lawyers|attorneys|analysts|"
                r"experts|critics|organizers|protesters|residents|witnesses|supporters|"
                r"researchers|scientists|doctors|leaders|diplomats|lawmakers|activists|"
                r"regulators|judges|parents|students|workers|voters")
_GROUP_TAIL = re.compile(
    rf"(?:^|(?<=[\s,]))(?P<nom>(?-i:[A-Z])[\w\-.]+(?:\s+(?-i:[A-Z])[\w\-.]+){{0,3}}\s+"
    rf"(?-i:{_GROUP_NOUNS}))\s*$")
_WHO_TAIL = re.compile(
    r"(?:^|(?<=[\s,]))(?P<nom>(?-i:the|a|an|one|another|two|three|several|some|many|An?|The|One)"
    r"\s+(?:[\w\-\u2019']+\s+){0,5}?[\w\-\u2019']+)\s+who\s+[^,;:\u201c\u201d\"]{2,100}$")


def _person_before_place(left_lo: int, left: str, place_start: int, place_end: int,
                          text: str = ""):
    """The name right before 'of Flint' / ', 22, of Flint' (a person and where they are from),
    else the role phrase holding the place ('The senator from Vermont', 'A reporter for Agence
    France-Presse'), else None."""
    m = _PERSON_THEN_PLACE.search(left, 0, place_start)
    if m and is_name(m.group("name"), text) and not PLACE_BEFORE.search(left, 0, m.start("name")):
        return left_lo + m.start("name"), left_lo + m.end("name"), "name"
    m = _ROLE_THEN_PLACE.search(left, 0, place_start)
    if m:
        return left_lo + m.start(), left_lo + place_end, "nom"
    return None


def subject_tail(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """The subject (start, end, surface) ending right before the cue at ``cue_start``, or None."""
    left_lo = max(lo, cue_start - 200)
    left = text[left_lo:cue_start].rstrip()
    aux = AUX.search(left)
    if aux:
        if re.search(r"\b(?:been|was|were|is|are|being|be)\b", aux.group(0), re.I) and \
                text[cue_start:cue_start + 12].split()[0].endswith("ed"):
            return None  # passive ("have been described as"): the subject did not speak
        left = left[:aux.start()]
    if left.endswith(" and"):
        return None  # a second verb of the sentence subject: the caller looks further
    m = _PRON_TAIL.search(left)
    if m:
        return left_lo + m.start(), left_lo + m.end(), "pron"
    m = _RELATIVE_TAIL.search(left)
    if m:
        return left_lo + m.start(1), left_lo + m.end(1), "rel"
    m = _POSS_TAIL.search(left)
    if m and is_name(m.group("name"), text):
        return left_lo + m.start(), left_lo + m.end("name"), "poss"
    m = NAME_TAIL.search(left)
    if m and is_name(m.group("name"), text):
        whose = _WHOSE_BEFORE.search(left, 0, m.start())
        if whose and is_name(whose.group("name"), text):
            # 'Marco Rubio, whose hometown, Miami, is ..., argues': the owner speaks
            return left_lo + whose.start("name"), left_lo + whose.end("name"), "name"
        if PLACE_BEFORE.search(left, 0, m.start()) and not text.startswith("ing", cue_start - 3) \
                and not re.match(r"\w+ing\b", text[cue_start:cue_start + 20]):
            # 'Cory James, 22, of Flint, Mich., said': a place (after a preposition) is no
            # speaker; the person named before it is
            return _person_before_place(left_lo, left, m.start(), m.end("name"), text)
        return left_lo + m.start(), left_lo + m.end("name"), "name"
    m = _POSS_NP_TAIL.search(left)
    if m and is_name(m.group("name"), text) and m.group(0).split()[-1] not in FUNCTION_END:
        # "Donald Trump’s campaign manager says": the whole phrase is the speaker
        return left_lo + m.start(), left_lo + len(left), "nom"
    m = _GROUP_TAIL.search(left)
    if m:
        # '"...," Richmond police said': a named group speaks
        return left_lo + m.start("nom"), left_lo + m.end("nom"), "nom"
    m = _WHO_TAIL.search(left)
    if m and not NON_AGENT.search(m.group("nom")):
        # 'a White House official who spoke anonymously to discuss internal strategy said'
        return left_lo + m.start("nom"), left_lo + m.end("nom"), "nom"
    # a common noun phrase: the last determiner among the last six words
    tail = left.rstrip()
    words = list(re.finditer(r"\S+", tail))[-10:]
    if words and words[-1].group(0).lower().strip(",.") not in FUNCTION_END and \
            not words[-1].group(0).endswith((",", ".", ";", ":")):
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            if DET_RE.fullmatch(w.group(0)):
                close = _CLOSE_TO.search(tail, 0, w.start())
                if close:
                    # 'Sources close to the Russian military have hinted': the sources speak
                    return left_lo + close.start(), left_lo + len(tail), "nom"
                if NON_AGENT.search(tail) or re.search(r"\b(?:in|during|at)\s+$", tail[:w.start()]):
                    return None  # 'the Saturday debate said', 'in a later interview said'
                return left_lo + w.start(), left_lo + len(tail), "nom"
            if w.group(0).endswith(",") and i > 0 and i < len(words) - 1 and \
                    re.fullmatch(r"(?-i:the|a|an)", words[i - 1].group(0), re.I) and \
                    re.fullmatch(r"[a-z][a-z\-]+", w.group(0)[:-1]):
                # 'the bespectacled, 71-year-old diplomat said': coordinate adjectives
                return left_lo + words[i - 1].start(), left_lo + len(tail), "nom"
            if w.group(0).endswith((",", ";", ":", ".")) or \
                    w.group(0).lower() in FUNCTION_END - {"and", "of"}:
                break
    return None


# a long noun phrase opened by a determiner after an inverted cue, up to a comma, the sentence's
# end or a relative pronoun ('said one well-connected Democrat familiar with the Clinton
# campaign's organization, who', 'tweeted a German user from Hanover going by the handle X.')
_LONG_NP_AFTER = re.compile(
    r"\s*(?P<nom>(?-i:one|a|an|another|the|two|three|several|some|many)\s+(?-i:[A-Za-z])"
    r"[^,;:\n\"\u201c\u201d]{1,120}?)(?=\s*(?:[,;:(\n]|\.(?:\s|$)|$|\s+(?:who|that|which)\b))")
# two names joined by 'and' ('reply Burton and Nick', 'Frank Newport and Jim Harter:')
ROLE_THEN_NAME = re.compile(
    rf"\s+(?:(?:head|assistant|chief|press|general|executive|senior|deputy|team|club|campaign|"
    rf"communications|policy|political)\s+){{0,2}}(?:coach|manager|spokesman|spokeswoman|"
    rf"spokesperson|director|president|chairman|chairwoman|ceo|founder|leader|captain|executive|"
    rf"secretary|minister|adviser|advisor|aide|strategist|analyst|economist|professor|official|"
    rf"lawyer|attorney|owner|general manager)(?:\s+of\s+state)?\s+(?P<name>{NAME})")
# 'the North Korean leader', 'the Russian president', 'the Oilers coach': a role description
ROLE_DESCRIPTION = re.compile(
    r"(?i:the)\s+(?P<qual>(?:[A-Z][\w\-]*\s+){1,3})(?P<role>leader|president|prime minister|"
    r"minister|foreign minister|chancellor|premier|dictator|king|queen|senator|governor|mayor|"
    r"coach|head coach|chief|chairman|chairwoman|secretary|spokesman|spokeswoman|ambassador|"
    r"general|commander|candidate|nominee|front-runner)")
TO_BEFORE = re.compile(r"\b(?:\w+ed|went on|had|has|have|wanted|want|wants|decided|chose|"
                       r"began|continued|used|went|seemed|appeared|address|speech|message|"
                       r"letter|statement|remarks|interview|appearance|platform)\s+to\s*$")
# verbs of saying read after an infinitive's 'to' ('uses his New Year's address to hail')
INFINITIVE_CUES = frozenset(("say", "tell", "add", "write", "ask", "hail", "praise", "warn",
                             "declare", "announce", "urge", "thank", "describe", "call"))
PRON_ANY = re.compile(r"\b(?:he|she|they|we|it|his|her|their|its)\b", re.I)
NAME_PAIR = re.compile(rf"(?P<a>{NAME})\s+(?:and|&)\s+(?P<b>{NAME})")
_AND_NAME = re.compile(rf"\s+(?:and|&)\s+(?P<name>{NAME})")


# 'said Rubio’s deputy campaign manager, Rich Beeson, who', 'said the party's spokesman, Ann
# Lee.': a role (its head noun lowercase) and the name in apposition to it
_ROLE_COMMA_NAME = re.compile(
    rf"\s*(?:(?-i:the|a|an|his|her|their|its)\s+|{NAME}[\u2019']s?\s+)"
    rf"(?:[\w\-\u2019']+\s+){{0,4}}?(?-i:[a-z])[\w\-]*,\s+(?P<name>{NAME})"
    r"(?=\s*(?:[,.;)]|$))")


# 'exhorted Clinton's introducer, actress Jamie Lee Curtis.': a role, then the name after one or
# two lowercase role words ('actress', 'former senator'); read by a fallback only
ROLE_WORDS_NAME = re.compile(
    rf"\s*(?:(?-i:the|a|an|his|her|their|its)\s+|{NAME}[\u2019']s?\s+)"
    rf"(?:[\w\-\u2019']+\s+){{0,4}}?(?-i:[a-z])[\w\-]*,\s+"
    rf"(?:(?!(?:and|or|but|who|whom|which|that|when|while|as|then)\b)(?-i:[a-z])[\w\-]*\s+){{1,2}}"
    rf"(?P<name>{NAME})(?=\s*(?:[,.;)]|$))")


def subject_after(text: str, cue_end: int, hi: int) -> tuple[int, int, str] | None:
    """The noun phrase just right of a cue verb (``said X``); the name of a role in apposition
    ('said the campaign's spokesman, Ann Lee')."""
    role = _ROLE_COMMA_NAME.match(text, cue_end, hi)
    if role and len(role.group("name").split()) >= 2 and is_name(role.group("name"), text):
        return role.start("name"), role.end("name"), "name"
    m = SUBJ_HEAD.match(text, cue_end, hi)
    if not m:
        m = _LONG_NP_AFTER.match(text, cue_end, hi)
        if m and not _CLAUSE_START.match(text, m.start("nom"), m.end("nom")):
            return m.start("nom"), m.end("nom"), "nom"
        return None
    for kind in ("pron", "name", "nom"):
        if m.group(kind):
            s, e = m.span(kind)
            if kind == "name" and not is_name(text[s:e], text):
                return None
            if kind == "name":
                role = ROLE_THEN_NAME.match(text, e, hi)
                if role and is_name(role.group("name"), text):
                    # 'said Oilers head coach Ken Hitchcock': the person, not the team
                    s, e = role.span("name")
                both = _AND_NAME.match(text, e, hi)
                if both and is_name(both.group("name"), text):
                    e = both.end("name")  # a pair speaks ('reply Burton and Nick')
            if kind == "nom" and (_CLAUSE_START.match(text, s, e) or
                                  check_adverbial(text[s:e])):
                # 'adding that the deal ...': a clause, not a speaker; 'said matter-of-factly
                # as confetti fluttered down': an adverbial
                return None
            return s, e, kind
    return None


_CLAUSE_START = re.compile(r"(?:that|to|if|whether|how|what|why|when|about|for|on|in|at|with|"
                           r"by|from|as|so|but|and|or|because|the fact)\b", re.I)


def sentence_span(text: str, bounds: list[int], ps: int, pe: int, s: int, e: int):
    """(lo, hi) of the sentence around ``s``..``e`` in paragraph ``ps``..``pe`` (``bounds``)."""
    lo, hi = ps, pe
    # (bisect: a paragraph may hold thousands of sentences; a scan per quote is quadratic)
    i = bisect.bisect_right(bounds, s)
    if i:
        lo = bounds[i - 1]
    j = bisect.bisect_left(bounds, e, i)
    if j < len(bounds):
        hi = bounds[j]
    return lo, hi



# a name, maybe after run-together initials ('J.J. Goldberg', which ``NAME`` ends at 'J.')
INITIALS_NAME = rf"(?:(?:[A-Z]\.){{2,3}}[ \t]*)?{NAME}"
# 'Sammy Aaron, vice chairman of G-III, told', 'Clinton, during a town hall in Columbus, Ohio,
# said': a name opening its clause (sentence start, after an opening phrase's comma or a
# conjunction), then an appositive or aside set off by commas that opens in lowercase, a number
# or a determiner, then the cue
_APPOSITIVE_BEFORE = re.compile(
    rf"(?:^|(?<=,\s)|(?<=\bwhen\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bas\s)|(?<=\bthat\s))"
    rf"(?P<name>{INITIALS_NAME}),"
    r"\s+(?:(?-i:[a-z0-9])|(?:The|An?)\s)[^\u201c\u201d\"\n()]{1,200}?,\s*"
    r"(?:(?-i:[a-z]+ly)\s+)?$")
# 'One of the university's top executives, Michael Sexton, subsequently testified': a
# description opening the sentence, then the name in apposition to it (read by a fallback)
NAMED_APPOSITIVE = re.compile(
    r"\s*(?-i:One|The|An?|Two|Three|His|Her|Their|Its)\s[^,\u201c\u201d\"\n()]{2,100},\s+"
    rf"(?:(?-i:[a-z]+)\s+)?(?P<name>{NAME}),\s*(?:(?-i:[a-z]+ly)\s+)?")
# 'Sam Lau, the communications director for the Iowa Democratic Party said': a sentence
# opening with a name and a role after 'the' whose closing comma is missing
_APPOSITIVE_UNCLOSED = re.compile(
    rf"^\s*(?P<name>{NAME}),\s+(?-i:the|a|an)\s+(?-i:[a-z])[^,\u201c\u201d\"\n()]{{1,60}}?"
    r"\s(?-i:for|of|at|with)\s[^,\u201c\u201d\"\n()]{1,60}?\s+(?:(?-i:[a-z]+ly)\s+)?$")
# 'Gingrich — mentioned by Newsmax as ... — told' (the name before the dashes) / 'A former
# Republican presidential candidate -- John McCain, who lost ... -- said' (the name opening them)
_DASH = r"(?:\s+(?:--|[\u2014\u2013])\s+|[\u2014\u2013])"
_DASHED_BEFORE = re.compile(
    rf"(?:^|(?<=,\s))(?P<name>{NAME}){_DASH}[^\u201c\u201d\"\n\u2014\u2013]{{2,200}}?{_DASH}\s*$")
_DASHED_INSIDE = re.compile(
    rf"{_DASH}(?P<name>{NAME})(?:,[^\u201c\u201d\"\n\u2014\u2013]{{2,200}}?)?{_DASH}\s*$")


# every aside ends in a comma or a dash before the cue (maybe then an adverb): a cheap test first
_ASIDE_END = re.compile(r"(?:,|--|[\u2014\u2013])\s*(?:(?-i:[a-z]+ly)\s+)?$")


def appositive_subject(text: str, lo: int, cue_start: int,
                       unclosed: bool = False) -> tuple[int, int, str] | None:
    """The name a comma or dash aside separates from its cue at ``cue_start`` ('J.J. Goldberg,
    editor at large of The Forward, an influential ... newspaper, wrote'; 'Gingrich — mentioned
    by Newsmax ... — told'), as (start, end, "name"), or None. The name is a full name or one
    the text names twice and not all capitals ('Berea, OH, after ...'); the aside holds no
    quotation mark, parenthesis or line break. ``unclosed`` also reads a sentence opening 'Sam
    Lau, the communications director for the Iowa Democratic Party said' (no closing comma; the
    role holds 'for', 'of', 'at' or 'with': 'Clinton, a top aide said' is the aide)."""
    if cue_start - lo > 300:
        return None
    left_lo, left = lo, text[lo:cue_start]
    closed = _ASIDE_END.search(text, max(lo, cue_start - 30), cue_start)
    patterns = (_APPOSITIVE_BEFORE, _DASHED_BEFORE, _DASHED_INSIDE) if closed else ()
    for pattern in patterns + ((_APPOSITIVE_UNCLOSED,) if unclosed else ()):
        m = pattern.search(left)
        if not m:
            continue
        s, e = strip_leading(text, left_lo + m.start("name"), left_lo + m.end("name"))
        name = text[s:e]
        if s < e and is_name(name, text) and not name.isupper() and (len(name.split()) >= 2 or
                                              text.count(name) >= 2):
            return s, e, "name"
    return None
