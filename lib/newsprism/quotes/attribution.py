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

>>> from newsprism.quotes.marks import pair_marks
>>> text = '“We will win,” Kim Jong Un said. Later Kim added: “Soon.”'
>>> [a.speaker for a in attribute(text, pair_marks(text))]
['Kim Jong Un', 'Kim Jong Un']
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from newsprism.core.cue_lexicon import load_cue_lexicon  # the one loader of cue_verbs.yml
from newsprism.core.text import WORD  # the one definition of a word
from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.roles import parse_description, role_introductions

_LEXICON = load_cue_lexicon()
# every language's verbs (a French quotation in an English article still has its cue)
_CUES = [verb for block in _LEXICON.values() for verb in block["verbs"]]
_CUE_SET = frozenset(_CUES)
# cue verbs whose next word is their object, never the speaker: not read as an inverted cue
# ('"...expansionist," accusing it of')
_OBJECT_CUES = frozenset(_LEXICON["en"].get("object_cues", []))
_CUE_ALTERNATIVES = sorted(set(_CUES), key=len, reverse=True) + [
    "according to", "went on", "put it", "pointed out", "points out", "point out", "shot back"]


def _by_first_letter(alternatives: list[str]) -> str:
    """``a|b|...`` regrouped as ``s(?:aid|ays)|t(?:old)|...`` (order kept within a letter).

    The same matches (alternatives of different first letters never match at one position),
    but the regex engine tries one group per word instead of ~250 words: 4x faster searches.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(re.escape(alternative[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


CUE_RE = re.compile(r"(?<![-\u2010\u2011])\b(?:" + _by_first_letter(_CUE_ALTERNATIVES) + r")\b")
# Nouns that carry speech when possessed ("Kim’s message stated", "Putin’s reply").
_CUE_NOUNS = (
    "message|letter|statement|reply|response|remarks|remark|speech|address|tweet|tweets|post|"
    "note|words|comments|comment|testimony|interview|op-ed|email|memo|report|answer|telegram|"
    "declaration|announcement|press release|spokesman|spokeswoman|spokesperson|campaign|office"
)
_TITLES = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Pres|Atty|Adm|Supt|Sens|Reps"
)
_TITLE_WORDS = (
    "President|Vice President|Prime Minister|Minister|Secretary|Senator|Congressman|"
    "Congresswoman|Governor|Mayor|Judge|Justice|Chairman|Chairwoman|Chair|General|Pope|King|"
    "Queen|Prince|Speaker|Leader|Ambassador|Director|Chancellor|Commissioner|Attorney General"
)
# a capitalised word (Latin or Cyrillic); a full stop only after an initial or an abbreviation of
# three letters or fewer ('J.', 'Jr.', 'St.'): 'Ben Brafman. Brafman' is two names, not one
_CAP = r"(?:[A-Z\u0410-\u042f\u0401](?:[\w\u2019'\-]{0,2}\.|[\w\u2019'\-]*)|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|van|von|bin|al|la|le|di|dos|du|der|den|ben)"
_NAME = (rf"(?:(?:{_TITLES})\.\s+|(?:{_TITLE_WORDS})\s+)?{_CAP}"
         rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})*")
# Every name starts with a capital; the lookahead lets the scan reject other positions at once
# instead of trying the optional title group there (same matches, 3x faster finditer).
_NAME_RE = re.compile(r"(?=[A-Z\u0410-\u042f\u0401])" + _NAME)
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n"}
_DETS = (r"(?:the|a|an|one|another|his|her|their|its|our|two|three|four|several|some|many|"
         r"other|both|most|few|those|these|this|that)")
# Capitalised words that start sentences but are not names.
_NOT_NAMES = frozenset(
    "The A An But And Or So Yet In On At For From To Of By With As If When While After Before "
    "Although Though Because Since Until Unless However Meanwhile Still Also Then Now Here There "
    "This That These Those It Its He She They We I You His Her Their Our My Your Who What Why "
    "How Where Which Instead Such Some Many Most Other Another Each Every No Not Yes One Two "
    "According Asked Later Earlier Today Yesterday Tomorrow Last Next Even Just Only Indeed "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Speaking Like Under "
    "During Over Among Despite Without Within Through Against Regardless Whether Let Please "
    "Honestly Perhaps Maybe Why Well Oh Sources Officials Former Too Ask Then Thus".split()
)
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|would|will|could|should|might|may|must|did|does|do|"
    r"also|later|then|previously|recently|once|again|just|further|simply|repeatedly|publicly|"
    r"reportedly|bluntly|flatly|explicitly|first|often|frequently|famously|never|always|"
    r"privately|angrily|quickly|quietly|openly|specifically|separately|directly|already|still|"
    r"not|even|herself|himself|themselves|now|has been|had been|been|only|once said|went on to|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|this|next) (?:week|month|year|night|weekend)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"(?-i:[a-z]+ly)|at the time|in the past|at one point|"
    r"(?:less than |more than |about |nearly )?(?:a|an|one|two|three|four|five|six|several|"
    r"a few|\d+)(?: \w+)? (?:days?|weeks?|months?|years?|hours?|minutes?) (?:ago|earlier|later)|in response|in turn|for (?:his|her|their|its) part))+$",
    re.I)
_SUBJ_TAIL = re.compile(
    rf"(?:(?P<pron>\b(?:he|she|they|i|we|it)\b)"
    rf"|(?P<poss>{_NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{_CUE_NOUNS})"
    rf"|(?P<name>{_NAME})(?:,[^,\u201c\u201d\"]{{2,80}},)?"
    rf"|(?P<nom>\b{_DETS}(?:\s+[\w\-\u2019']+){{1,5}}?))\s*$",
    re.I)
_SUBJ_HEAD = re.compile(
    rf"\s*(?:(?P<pron>(?:he|she|they|i|we|it)\b)|(?P<name>{_NAME})|(?P<nom>[\w\-\u2019'.]+"
    rf"(?:\s+[\w\-\u2019'.]+){{0,7}}?)(?=\s*(?:[,;:(\n]|\.(?:\s|$)|$|\s+(?:in|on|at|to|"
    rf"during|after|who|when|while|of the)\b)))")
_ACCORDING = re.compile(
    rf"\baccording to\s+(?:(?P<name>{_NAME})|(?P<nom>{_DETS}(?:\s+[\w\-\u2019']+){{1,5}}?)"
    r"(?=\s*[,.;:]|\s*$))", re.I)
_NOMINAL_CUE = re.compile(
    rf"\b(?:in|during|on)\s+(?:his|her|their|the|a|its)\s+(?:[\w\-\u2019']+\s+){{0,3}}?"
    rf"(?:{_CUE_NOUNS}|conversation|call|interview|meeting|rally|appearance)\s*,\s*"
    rf"(?P<name>{_NAME}|he|she|they)\b")
_POSS_CUE = re.compile(rf"(?P<name>{_NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{_CUE_NOUNS})\b")
# (the leading lookahead rejects positions without sentence-end punctuation before the three
# lookbehinds run: the same matches, 4x faster scans)
_BOUNDARY = re.compile(
    r"(?=[.!?])"
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No|Co))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Inc))"
    r"[.!?][\"\u201d\u2019')\]]*\s+(?=(?:''|[\"\u201c\u2018(])?[A-Z0-9])")
_SENT_START = re.compile(r"(?:[.!?][\"\u201d\u2019]?\s+|\n\s*|[\"\u201d],?\s+)(?=[A-Z\"\u201c])")
_SENTENCE_SUBJECT = re.compile(
    rf"[\"\u201c\u2018(]?(?:[A-Z][^,!?\u201c\u201d\"\n]{{0,60}},\s+"
    rf"(?:[^,!?\u201c\u201d\"\n]{{0,30}},\s+)?)?"
    rf"(?:(?:But|And|Yet|So|Still|Meanwhile|Later|Earlier|Then|Now|Instead|"
    rf"However|Also|Last \w+|On \w+day|In \w+),?\s+(?:(?:then|also|now|later|still)\s+)?)?"
    # (an opener may take a second word and a lowercase pronoun: 'Then he cut into Bush,
    # calling him a "stiff"', 'And then Trump went on the attack, saying': PolNeAR train)
    rf"(?:(?P<pron>He|She|They|(?<=[a-z,] )(?:he|she|they))(?:[\u2019'](?:s|re|ll|d|ve))?|(?P<name>{_NAME})"
    rf"|(?P<nom>(?:[Tt]he|An?|an?|[Hh]is|[Hh]er|[Tt]heir)(?:\s+[a-z][\w\-]*){{1,5}}?(?=\s+[a-z]+ed\b)))"
    rf"(?:\s+of\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?(?=\s+[a-z]+(?:ed|s)\b))?"
    rf"(?:,[^,\u201c\u201d\"]{{2,80}},)?\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+|"
    rf"would\s+|will\s+|is\s+|was\s+)?(?!(?:of|and|the|a|an|in|on|at|to|for|with|from|by|"
    rf"as|or|but|who|which|that)\b)[a-z]{{2,}}\b")


_GENERIC_AFTER = re.compile(
    rf"\s*[,!?\u2014\u2013-]?\s*(?:(?P<pron>he|she|they)|(?P<name>{_NAME})|(?P<nom>(?:an?|the)"
    rf"(?:\s+[\w\-\u2019']+){{1,4}}?))\s+(?P<verb>[a-z]+(?:ed|s))\b(?=\s*[,.;]|\s+(?:on|in|at|"
    rf"to|of|as|during|after|before|while|when|from|with)\b)")


# 'Still, the Business Council of British Columbia opposed': 'the', a name, a verb
_ORG_SUBJECT = re.compile(
    rf"\s*(?:(?:But|And|Still|Yet|So|Meanwhile|However|Instead|Now|Also),?\s+)?(?-i:the|The)\s+"
    rf"(?P<name>{_NAME}(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME})?)\s+(?:has\s+|had\s+|also\s+)?"
    rf"[a-z]{{2,}}(?:ed|s)\b")
_ORG_WORDS = re.compile(
    r"\b(?:Party|House|Senate|Congress|Committee|Department|University|News|Times|Post|Journal|"
    r"Street|Avenue|Center|Centre|Agency|Council|Court|Association|Institute|Foundation|"
    r"Company|Corp|Inc|Group|Union|Republic|States|Kingdom|Korea|America|Ministry|Service|"
    r"Network|Press|Office|Club|Church|Bank|Fund|Campaign|County|City|State|Street|Day|Year)\b")


# words that make a name an organisation, a place or a group, never a 'he' or 'she'
_NOT_PERSON_WORDS = re.compile(
    r"\b(?:University|School|College|Club|Organization|Organisation|PAC|Pac|Studies|Democrats|"
    r"Republicans|Americans|Police|Army|Navy|Forces|Government|Administration|Council|"
    r"Commission|Board|Times|Post|Reuters|CNN|Fox|NBC|CBS|ABC|MSNBC|White House|Pentagon|"
    r"Kremlin|Security|Party)\b")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ic|an|ese|ish|i)$")


def _person_like(name: str | None) -> bool:
    """Whether ``name`` may be the antecedent of 'he' or 'she': not an organisation, a group,
    a place word or a nationality ('Trump University', 'Republican Party', 'Democratic')."""
    if not name or name.islower():
        return False
    last = name.split()[-1]  # a person's name ends in a surname ('House Speaker Paul Ryan')
    return not (_ORG_WORDS.fullmatch(last) or _NOT_PERSON_WORDS.fullmatch(last)
                or len(name.split()) == 1 and _NATIONALITY.match(name))


_VERB_AFTER = re.compile(
    rf"(?:\s+(?:of|from)\s+{_CAP}(?:\s+{_CAP})*)?\s+(?:has\s+|had\s+|also\s+|then\s+)?"
    r"[a-z]+(?:ed|s)\b")
_OPENING_MARKS = "\"\u201c\u2018\u00ab\u201e'"
_DOUBLE_MARK = re.compile("[\"\u201c\u201d\u00ab\u00bb]")


_GENERIC_INVERTED = re.compile(
    rf"\s*[,!?\u2014\u2013-]?\s*(?P<verb>[a-z]+ed)\s+(?P<name>{_NAME})(?=\s*[.,;]|\s*$)")
# a clause-final cue ('…, he said.', '…, the rights group says.', '…, reported the Washington
# Examiner.'), maybe with a day after it
_FINAL_CUES = (r"said|says|say|added|adds|wrote|writes|explained|noted|argued|told reporters|"
               r"insisted|warned|reported|reports|commented")
_FINAL_NP = (r"(?:the|a|an|one|her|his|their|its|some|many|several|two|three)\s+"
             r"(?:(?!(?:was|is|were|are|had|has|have|would|will|could|when|that|who)\b)"
             r"[\w\-\u2019']+\s+){0,4}?[\w\-\u2019']+")
# after an inverted cue only a titled name ('reported the Washington Examiner'): 'said the days
# when' is the writer's words
_FINAL_TITLED = r"(?-i:the|The)\s+(?:[A-Z][\w\-\u2019']*\s+){0,4}[A-Z][\w\-\u2019']*"
_FINAL_DAY = (r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
              r"yesterday|today|last\s+\w+))?")
_FINAL_CUE = re.compile(
    rf",\s+(?:(?P<pron>he|she|they)|(?P<name>{_NAME})|(?P<nom>{_FINAL_NP}))\s+"
    rf"(?P<cue>{_FINAL_CUES}){_FINAL_DAY}(?=\s*[.;!?]|\s*$)"
    rf"|,\s+(?P<icue>{_FINAL_CUES})\s+(?:(?P<iname>{_NAME})|(?P<inom>{_FINAL_TITLED}))"
    rf"{_FINAL_DAY}(?=\s*[.;!?]|\s*$)")


# what may precede a quote that still opens its sentence ('But “...', 'Then, "...')
_OPENER_ONLY = re.compile(r"\s*(?:(?:But|And|Then|Still|Yet|So|Also|Plus|Later|Again|Or|"
                          r"Instead|However|Now|Moreover|Indeed|Otherwise)"
                          r"\b,?\s*)?")
_NAME_APPOSITIVE = re.compile(rf"\s*{_NAME},\s+(?-i:[a-z])[^\u201c\u201d\"]*,\s*$")
_BARE_NP = re.compile(r"\s*,?\s*((?-i:[a-z][a-z\-]+)(?:\s+(?-i:[a-z][a-z\-]+)){0,2})\s+")
_BY_GERUND = re.compile(r"\b(?:by|while|before|after|when)\s+(?:\w+ly\s+)?$")
_CLOSED_SENTENCE = re.compile(r"[.!?](?:[\"\u201d]|'')\s+(?=[A-Z])")
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom)\b", re.I)
# the end of a clause-final cue, maybe after a short time or place phrase ("said after the attacks.")
_CLAUSE_END = re.compile(r"(?:\s+(?:on|in|at|after|during|before|last|this|late|early|yesterday|"
                         r"today|\w+day)\b[^,;.\u201c\u201d\"\n]{0,40})?\s*(?:[.;!?]|$)")
# a comma, maybe then a role ("Republican candidate"), right before a clause-final subject
_TITLED_COMMA = re.compile(r",\s*(?:(?-i:[A-Z])(?:[a-z]+|[A-Z]+)\s+(?-i:[a-z])[a-z]+\s+)?$")
# a signature line under a quote-only paragraph: '- Sanders.', '-Michelle Marks, Philadelphia.'
_DASH_SIGNATURE = re.compile(rf"\s*\n\s*[-\u2014\u2013]+[ \t]*(?P<name>{_NAME})[ \t]*(?:[.,]|$)", re.M)
# what precedes a name introducing a quote with a colon in a digest item ('HEADLINE - Philip
# Bump: "...', 'More from Jones: "...'; PolNeAR train: HuffPollster round-ups)
_DIGEST_COLON = re.compile(
    rf"(?:\s[-\u2014\u2013]|\b(?:More from|From))\s*(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
    rf"\s*:$")
# ', explained CBS moderator Nancy Cordes: "': an inverted cue, a short role, a name, a colon
_INVERTED_INTRO = re.compile(rf"\s+(?:(?:[A-Z]+|[a-z]+)\s+){{0,3}}?(?P<name>{_NAME})\s*[:,]\s*")
_COLON_CLAUSE = re.compile(
    r"(?:^|(?<=[,\n])\s*|(?<=\bthat )|(?<=[.!?] ))(?P<nom>(?-i:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|"
    r"[Ii]ts)(?:\s+[\w\-\u2019']+){1,5}?)\s+(?:could|would|will|was|is|has|had|goes|went|"
    r"(?-i:[a-z]+(?:es|ed)))\b[^,:;.\u201c\u201d\"]{0,40}:\s*$")
_SAY_VERBS = frozenset(_LEXICON["en"].get("say_verbs", []))
_NOUN_HOMOGRAPHS = frozenset(
    "claims claim states calls reports notes remarks comments tweets posts responses replies "
    "warnings promises pledges vows urges words answers estimates".split())
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|many|these|those|such|some|any|all|several|"
    r"other|both|new|united|such|Republican|Democratic)|[\u2019']s?)(?:\s+[A-Za-z\-]+)?\s+$")


@dataclass
class Attribution:
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_surface: str | None = None
    cue: str | None = None
    how: str = ""  # which rule fired (for error analysis and confidence)
    # what ``FALLBACK_RULES`` give when no rule fires: applied only to quotations classified as
    # speech, so it never changes what is speech (see ``extract_quotes``)
    fallback: Attribution | None = None


_POSSESSOR_PREFIX = re.compile(r"^(?:\S+[\u2019']s\s+)+(?=[A-Z])")
_TITLE_PREFIX = re.compile(rf"^(?:(?:{_TITLES})\.\s+|(?:{_TITLE_WORDS})\s+)+")


def clean_name(surface: str) -> str:
    # "Fox's Chris Wallace" -> "Chris Wallace"
    surface = _POSSESSOR_PREFIX.sub("", surface.strip())
    surface = _TITLE_PREFIX.sub("", surface.strip())
    # "Russian President Vladimir Putin", "House Speaker Paul Ryan": a qualified title
    surface = _QUALIFIED_TITLE.sub("", surface)
    return surface.strip(" ,.\u2019'")


_QUALIFIED_TITLE = re.compile(
    rf"^(?:[A-Z][\w.\u2019'\-]*\s+){{1,3}}?(?:{_TITLE_WORDS})\s+(?=[A-Z][\w.\u2019'\-]*)")


_BAD_NAME_WORD = re.compile(r"^[A-Z][a-z]+ing$|[\u2019'](?:ve|re|ll|d|m|t)$")
_ING_WORD = re.compile(r"^[A-Z][a-z]+ing$")


_ING_MIDDLE = re.compile(r"(?:(?<=[a-z,] )|(?<=\b[A-Z]\. ))[A-Z][a-z]+ing\b")


@functools.lru_cache(maxsize=4)
def _ing_names(text: str) -> frozenset[str]:
    """Capitalised -ing words seen mid-sentence in ``text`` (after a lowercase word, a comma or
    an initial): names ("said Sperling"), not sentence-initial participles ("Speaking to
    reporters, ..."). One scan per article (cached for the article being attributed)."""
    return frozenset(m.group(0) for m in _ING_MIDDLE.finditer(text))


def _bad_word(word: str, text: str = "") -> bool:
    """A word no name holds: a capitalised -ing word (unless ``text`` shows it mid-sentence)
    or a contraction ('They've')."""
    if not _BAD_NAME_WORD.search(word):
        return False
    return not (_ING_WORD.match(word) and bool(text) and word in _ing_names(text))


def _is_name(surface: str, text: str = "") -> bool:
    """Whether ``surface`` may be a name: not only sentence openers, no bad words, no trailing
    possessive; ``text`` (the article) tells -ing names from participles (see ``_bad_word``)."""
    words = surface.split()
    return bool(words) and not all(w.strip(".,") in _NOT_NAMES for w in words) and \
        words[-1].strip(".,") not in _NOT_NAMES and \
        not any(_bad_word(w.strip(".,"), text) for w in words) and \
        not re.search(r"[\u2019']s?$", words[-1])


_FIRST_WORD = re.compile(r"(\S+)\s+")
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{2,}\.\s+")


def _strip_leading(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop sentence-initial non-name words ("Later Kim" -> "Kim")."""
    while True:
        m = _FIRST_WORD.match(text[s:e])
        if not m or m.group(1).strip(".,") not in _NOT_NAMES:
            return s, e
        s += m.end()


_DET_NOUN_PHRASE = re.compile(
    r"(?:The|A|An|the|a|an)\s+(?:[A-Z][a-z\-]+\s+){1,2}(?:[a-z][a-z\-]+)(?=\s+(?:has\s+|had\s+|"
    r"also\s+|then\s+|later\s+|was\s+|is\s+|would\s+|will\s+|\w+ly\s+)?[a-z]+(?:ed|s)\b)")
# a negated verb of saying after the subject: 'he isn't mentioning the “kill-yourself” orders',
# 'she never used the word “...”': words the subject did not say
_NEGATED_VERB = re.compile(r"(?:n[\u2019']t|\bnot|\bnever)\s+(?:\w+ly\s+)?(?:mention|say|said|use|"
                           r"used|using|utter|call|called|calling|refer|referred|referring)\w*\b")
_SUBORDINATE_SUBJECT = re.compile(
    rf"\s*(?:When|After|As|While|Before|If|Although|Though|Since|Once|Because|Until)\s+"
    rf"(?P<name>{_NAME})\s+(?-i:[a-z])[^,\u201c\u201d\"]{{0,80}},\s*$")
_POSSESSIVE_WORD = re.compile(r"[\u2019']s?(?=\s|$)")


_LINE = re.compile(r"[^\n]+")
SMALL_WORDS = frozenset(
    "of the a an and in on for to is with at by from or nor but as vs".split())


def headline_words(text: str, lo: int = 0, hi: int | None = None) -> list[str]:
    """The words (:data:`newsprism.core.text.WORD`) of ``text[lo:hi]`` that begin with a
    letter: the ones a title-case test reads (a number is neither capitalised nor lowercase).

    >>> headline_words("Kim’s 2026 Letter: ‘Blood Bond’")
    ['Kim’s', 'Letter', 'Blood', 'Bond']
    """
    return [w for w in WORD.findall(text, lo, len(text) if hi is None else hi) if w[0].isalpha()]


def is_title_case(words: list[str]) -> bool:
    """Whether ``words`` (:func:`headline_words`) are a title-case headline: three words or
    more, and at least 80 % of those that are not small words (of, the, to, ...) capitalised."""
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return len(words) >= 3 and bool(big) and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of title-case lines (headlines, see :func:`is_title_case`), where capitalised
    runs are no names."""
    return [m.span() for m in _LINE.finditer(text) if _is_headline_line(m.group(0))]


def _is_headline_line(line: str) -> bool:
    """One line of ``_headline_lines``: is it a headline?"""
    return is_title_case(headline_words(line))


def _in_headline_line(text: str, at: int, seen: dict[int, bool],
                      line_starts: list[int] | None = None) -> bool:
    """Whether the line holding ``text[at]`` (not a line break) is one of ``_headline_lines``;
    ``seen`` memoises lines by their start: only lines holding a name are ever tested;
    ``line_starts`` (sorted offsets after each line break, with 0) finds the line by bisection
    instead of a scan back (linear time in a text of one long line)."""
    if line_starts is None:
        start = text.rfind("\n", 0, at) + 1
    else:
        start = line_starts[bisect.bisect_right(line_starts, at) - 1]
    if start not in seen:
        end = text.find("\n", at)
        seen[start] = _is_headline_line(text[start:end if end >= 0 else len(text)])
    return seen[start]


def _name_words(surface: str, text: str = "") -> list[str]:
    """The words of the name that a ``_NAME_RE`` match gives for ``_Article.names`` (fewer
    than two: no name)."""
    s, e = _strip_leading(surface, 0, len(surface))
    # 'in Iowa. Sanders is': a sentence end inside the match is no name
    cut = list(_SENTENCE_END_INSIDE.finditer(surface[s:e]))
    if cut:
        s = s + cut[-1].end()
    # 'Russian President Vladimir Putin’s New Year’s message': a possessive ends
    # the name (the possessor), the capitalised words after it are another name
    poss = _POSSESSIVE_WORD.search(surface, s, e)
    if poss:
        e = poss.start()
    name = clean_name(surface[s:e])
    words = name.split()
    while words and (words[0] in _NOT_NAMES or _bad_word(words[0], text)
                     or words[0] in _CUE_SET):  # 'Stated Stone:' is no name
        words = words[1:]
    return [w for w in words if w not in _NOT_NAMES]


# words before a name that tell a person's gender ('Mr. Trump', 'Congresswoman Tulsi Gabbard')
_GENDER_WORDS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "congressman": "m",
                 "congresswoman": "f", "spokesman": "m", "spokeswoman": "f", "chairman": "m",
                 "chairwoman": "f", "businessman": "m", "businesswoman": "f", "actor": "m",
                 "actress": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
                 # honorifics of British and other-language news ('Sir Keir', 'Mme Le Pen')
                 "sir": "m", "dame": "f", "lord": "m", "lady": "f", "madame": "f", "mme": "f",
                 "monsieur": "m", "herr": "m", "frau": "f", "councilman": "m",
                 "councilwoman": "f", "assemblyman": "m", "assemblywoman": "f"}
_GENDER_OF_PRONOUN = {"he": "m", "she": "f"}
_GENDER_WORD_RE = "|".join(sorted(_GENDER_WORDS, key=len, reverse=True))


_GENDERED_NAME = re.compile(
    rf"\b((?i:{_GENDER_WORD_RE}))\.?\s+(?:[A-Z][\w.\-]*\s+){{0,2}}([A-Z][\w\u2019'\-]+)")
_FIRST_AND_LAST = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w\u2019'\-]+)")


# a person's title, then the surname ('President Obama', 'Sen. Ted Cruz', 'Dr. Carson')
_TITLED_NAME = re.compile(
    rf"\b(?:(?:{_TITLES})\.?|(?:{_TITLE_WORDS}))\s+(?:[A-Z][\w.\-]*\s+){{0,2}}?"
    rf"([A-Z][\w\u2019'\-]+)\b(?!\s+[A-Z])")


_WORD_BEFORE = re.compile(r"\b([A-Z][\w\u2019'\-]+) $")


def genders_in(text: str) -> dict[str, str]:
    """Surname -> 'm' or 'f': what the article says of the gender of the person called so (see
    ``_Article.gender``): the gendered titles or role words before the name, when they all
    agree and the article names one person of that surname only ('Mr. Clinton' and 'Mrs.
    Clinton', 'Bill Clinton' and 'Hillary Clinton': not known). One scan of the article.

    >>> genders_in("Mr. Trump spoke. Donald Trump left. Mrs. Clinton and Mr. Clinton smiled.")
    {'Trump': 'm'}
    """
    found: dict[str, set[str]] = {}
    for m in _GENDERED_NAME.finditer(text):
        found.setdefault(m.group(2), set()).add(_GENDER_WORDS[m.group(1).lower()])
    if not found:
        return {}
    firsts: dict[str, set[str]] = {}
    for m in _FIRST_AND_LAST.finditer(text):
        first = m.group(1)
        if first not in _NOT_NAMES and first.lower() not in _GENDER_WORDS and \
                not re.fullmatch(rf"(?:{_TITLE_WORDS})", first):
            firsts.setdefault(m.group(2), set()).add(first)
    return {surname: genders.pop() for surname, genders in found.items()
            if len(genders) == 1 and len(firsts.get(surname, ())) <= 1}


def _names_by_last_word(counts: dict[str, int]) -> dict[str, str]:
    """Last word -> the name of two words or more it ends: the most frequent, then the longest
    ('Sanders' -> 'Bernie Sanders', not 'New Hampshire Sanders' seen once; 'Trump' -> 'Donald
    Trump', not 'Ivanka Trump' named less often, nor 'Trump University', which it does not
    end). Caveat: two people of one surname ('Bill Clinton', 'Hillary Clinton') give the
    surname alone to the one named more often."""
    best: dict[str, tuple[int, int, str]] = {}
    for name, n in counts.items():
        last = name.split()[-1]
        key = (n, len(name), name)
        if len(last) > 1 and key > best.get(last, (0, 0, "")):
            best[last] = key
    return {last: key[2] for last, key in best.items()}


class _Article:
    """Per-article state: name variants, earlier speakers, sentence boundaries."""

    def __init__(self, text: str, actors=None):
        self.text = text
        self.actors = actors
        self._names: dict[str, str] | None = None
        self._surnames: dict[str, str] = {}
        self._genders: dict[str, str] | None = None
        self._titled: frozenset[str] | None = None
        self._resolve = getattr(actors, "resolve", None)

    def names(self) -> dict[str, str]:
        # token -> longest capitalised name containing it (name variants within the article)
        if self._names is None:
            longest: dict[str, str] = {}
            headline_lines: dict[int, bool] = {}  # line start -> headline (see _headline_lines)
            line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
            # the words a match gives depend only on its text (names recur within an article)
            seen: dict[str, list[str]] = {}
            counts: dict[str, int] = {}
            for m in _NAME_RE.finditer(self.text):
                surface = m.group(0)
                if len(surface.split()) < 2:
                    continue  # one word: no variant of two words or more can come of it
                if _in_headline_line(self.text, m.start(), headline_lines, line_starts):
                    continue  # 'Pence Endorses Paul Ryan With Trump’s Blessing': title case
                words = seen.get(surface)
                if words is None:
                    words = seen[surface] = _name_words(surface, self.text)
                if len(words) < 2:
                    continue
                name = " ".join(words)
                counts[name] = counts.get(name, 0) + 1
                for w in words:
                    if len(w) > 1 and len(name) > len(longest.get(w, "")):
                        longest[w] = name
            self._names = longest
            self._surnames = _names_by_last_word(counts)
        return self._names

    def surnames(self) -> dict[str, str]:
        """Last word -> the name of the article it ends (see ``_names_by_last_word``)."""
        self.names()
        return self._surnames

    def gender(self, name: str | None) -> str | None:
        """'m', 'f' or None (not known) for a person ``name``: a gendered title or role word
        before its last word anywhere in the article ('Mr. Trump', 'Mrs. Clinton'), else the
        gender of its given name in the given-names codebook ('Ted Cruz': see ``given_names``)."""
        if not name or not name.split():
            return None
        if self._genders is None:
            self._genders = genders_in(self.text)
        # the article's own words first ('Mr.', 'spokeswoman'), then the given name's gender
        return self._genders.get(name.split()[-1]) or given_name_gender(name)

    def may_be_person(self, name: str) -> bool:
        """Whether a 'he' or 'she' may stand for ``name``: a name of two words or more, or one
        word the article genders ('Mr. Trump') or titles ('President Obama', 'Sen. Cruz');
        never a lone 'Florida', 'FBI' or sentence-initial 'Hastily'."""
        if len(name.split()) > 1 or self.gender(name) is not None:
            return True
        if self._titled is None:
            # titled ('Sen. Cruz') or the subject of a verb of saying ('Trump accused')
            self._titled = frozenset(m.group(1) for m in _TITLED_NAME.finditer(self.text)) | {
                w.group(1) for m in CUE_RE.finditer(self.text)
                if (w := _WORD_BEFORE.search(self.text, max(0, m.start() - 40), m.start()))}
        return name in self._titled

    def canonical(self, surface: str) -> str | None:
        name = clean_name(surface)
        if not name:
            return None
        if self._resolve is not None:
            try:
                resolved = self._resolve(name) or self._resolve(surface)
            except Exception:  # a registry problem must not lose the article
                resolved = None
            if resolved:
                return str(resolved)
        words = name.split()
        full = self.surnames().get(words[-1]) if words else None
        first = self.names().get(words[-1]) if words else None
        if full and len(full) > len(name) and set(words) <= set(full.split()):
            name = full  # 'Clinton' -> 'Hillary Clinton', never 'Bill Clinton' -> 'Hillary ...'
        elif first and len(words) == 1 and first.split()[0] == words[0] and _person_like(first):
            name = first  # 'Kim' -> 'Kim Jong Un', never 'Trump' -> 'Trump University'
        if self._resolve is not None and name != clean_name(surface):
            try:
                resolved = self._resolve(name)
            except Exception:
                resolved = None
            if resolved:
                return str(resolved)
        return name


_PRON_TAIL = re.compile(r"\b(?:he|she|they|i|we|it)\s*$", re.I)
_POSS_TAIL = re.compile(rf"(?P<name>{_NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{_CUE_NOUNS})\s*$")
_NAME_TAIL = re.compile(rf"(?P<name>{_NAME})(?:\s+(?:of|at|from|with)\s+(?:the\s+)?{_NAME})?"
                        rf"(?:\s*\([^()]{{1,25}}\))?"
                        rf"(?P<app>,[^,\u201c\u201d\"]{{2,100}},)?\s*$")
_POSS_NP_TAIL = re.compile(rf"(?P<name>{_NAME})[\u2019']s?(?:\s+[a-z][\w\-]*){{1,3}}\s*$")
_CLOSE_TO = re.compile(r"(?:^|(?<=[\s,]))(?:[Ss]ources|[Pp]eople|[Oo]fficials|[Aa]ides|[Ss]omeone|"
                       r"[Tt]hose|[Aa]nalysts|[Dd]iplomats|[Aa] source|[Aa]n official|[Aa] person)"
                       r"\s+(?:close to|familiar with|inside|within)\s+$")
_DET_RE = re.compile(rf"\b{_DETS}\b", re.I)
_FUNCTION_END = frozenset(
    "to that which who whom been by as have has had is was are were be of in on at for with "
    "and or but from than also not what when where how why if".split())


_ABBREVIATIONS = frozenset("corp bros assn dept univ govt inc co ltd jr sr st".split())


def _drop_full_stop(text: str, s: int, e: int) -> int:
    """End of the mention ``text[s:e]`` without the sentence's full stop ('said Richards.', 'said
    one district GOP leader.'), kept after an initial or an abbreviation ('W.', 'Corp.').

    >>> t = "said Richards. said George W. said Acme Corp."
    >>> [t[5:_drop_full_stop(t, 5, 14)], t[20:_drop_full_stop(t, 20, 29)]]
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


def _trailing_space(text: str, at: int) -> int:
    """How many whitespace characters end ``text[:at]`` (looking back 200 at most)."""
    window = text[max(0, at - 200):at]
    return len(window) - len(window.rstrip())


_PARENTHETICAL_TAIL = re.compile(r"[ \t]*\([^()\n]{1,40}\),?[ \t]*$")


def _subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """The noun phrase just left of a cue verb (``X said``), as (start, end, kind)."""
    found = _subject_tail(text, lo, cue_start)
    paren = _PARENTHETICAL_TAIL.search(text, max(lo, cue_start - 60), cue_start)
    if found is None and paren:
        # 'Gov. John Kasich (R-OH), said': the name before a party label or an aside
        found = _subject_tail(text, lo, paren.start())
    if found is None:
        # "The lawmaker, who represents a district in Albay, said": skip the appositive
        raw = text[max(lo, cue_start - 200):cue_start]
        left = raw.rstrip()
        m = re.search(r",[^,\u201c\u201d\"]{2,120},$", left)
        if m:
            found = _subject_tail(text, lo, cue_start - (len(raw) - len(left))
                                  - (len(left) - m.start()))
        if m and found is None:
            # "Google's chief human resources executive, Laszlo Bock, told": the named appositive
            app_s = max(lo, cue_start - 200) + m.start() + 1
            nm = re.fullmatch(rf"\s*({_NAME})\s*,", text[app_s:app_s + len(m.group(0)) - 1])
            if nm and _is_name(nm.group(1), text) and len(nm.group(1).split()) >= 2:
                found = app_s + nm.start(1), app_s + nm.end(1), "name"
    return found


# a preposition right before a name makes it a place or an object, never the subject
_PLACE_BEFORE = re.compile(r"\b(?:in|of|from|at|near|outside|across|into|for)\s+"
                           r"(?:the\s+)?$", re.I)
# heads of noun phrases that are events, times, places or texts: they hold speech, they do not
# speak ('the Saturday debate said', 'in a later interview said', 'the polls saying')
_NON_AGENT = re.compile(
    r"\b(?:debates?|primar(?:y|ies)|polls?|interviews?|elections?|races?|rall(?:y|ies)|"
    r"meetings?|conventions?|hearings?|events?|speech|remarks|days?|weeks?|months?|years?|"
    r"night|morning|evening|room|stage|caucus(?:es)?|"
    r"released|issued|published|posted)$", re.I)


_PERSON_THEN_PLACE = re.compile(
    rf"(?P<name>{_NAME})(?:,\s*\d{{1,3}},?)?\s+(?:of|from|in|at)\s+(?:the\s+)?$")


_ROLE_THEN_PLACE = re.compile(
    r"\b(?-i:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,3}?(?:from|of|for|at|in)\s+(?:the\s+)?$")


_WHOSE_BEFORE = re.compile(rf"(?P<name>{_NAME}),\s+whose\s+[^,]{{1,40}},\s*$")
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
    if m and _is_name(m.group("name"), text) and not _PLACE_BEFORE.search(left, 0, m.start("name")):
        return left_lo + m.start("name"), left_lo + m.end("name"), "name"
    m = _ROLE_THEN_PLACE.search(left, 0, place_start)
    if m:
        return left_lo + m.start(), left_lo + place_end, "nom"
    return None


def _subject_tail(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    left_lo = max(lo, cue_start - 200)
    left = text[left_lo:cue_start].rstrip()
    aux = _AUX.search(left)
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
    m = re.search(r",\s+(who)\s*$", left)
    if m:
        return left_lo + m.start(1), left_lo + m.end(1), "rel"
    m = _POSS_TAIL.search(left)
    if m and _is_name(m.group("name"), text):
        return left_lo + m.start(), left_lo + m.end("name"), "poss"
    m = _NAME_TAIL.search(left)
    if m and _is_name(m.group("name"), text):
        whose = _WHOSE_BEFORE.search(left, 0, m.start())
        if whose and _is_name(whose.group("name"), text):
            # 'Marco Rubio, whose hometown, Miami, is ..., argues': the owner speaks
            return left_lo + whose.start("name"), left_lo + whose.end("name"), "name"
        if _PLACE_BEFORE.search(left, 0, m.start()) and not text.startswith("ing", cue_start - 3) \
                and not re.match(r"\w+ing\b", text[cue_start:cue_start + 20]):
            # 'Cory James, 22, of Flint, Mich., said': a place (after a preposition) is no
            # speaker; the person named before it is
            return _person_before_place(left_lo, left, m.start(), m.end("name"), text)
        return left_lo + m.start(), left_lo + m.end("name"), "name"
    m = _POSS_NP_TAIL.search(left)
    if m and _is_name(m.group("name"), text) and m.group(0).split()[-1] not in _FUNCTION_END:
        # "Donald Trump’s campaign manager says": the whole phrase is the speaker
        return left_lo + m.start(), left_lo + len(left), "nom"
    m = _GROUP_TAIL.search(left)
    if m:
        # '"...," Richmond police said': a named group speaks
        return left_lo + m.start("nom"), left_lo + m.end("nom"), "nom"
    m = _WHO_TAIL.search(left)
    if m and not _NON_AGENT.search(m.group("nom")):
        # 'a White House official who spoke anonymously to discuss internal strategy said'
        return left_lo + m.start("nom"), left_lo + m.end("nom"), "nom"
    # a common noun phrase: the last determiner among the last six words
    tail = left.rstrip()
    words = list(re.finditer(r"\S+", tail))[-10:]
    if words and words[-1].group(0).lower().strip(",.") not in _FUNCTION_END and \
            not words[-1].group(0).endswith((",", ".", ";", ":")):
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            if _DET_RE.fullmatch(w.group(0)):
                close = _CLOSE_TO.search(tail, 0, w.start())
                if close:
                    # 'Sources close to the Russian military have hinted': the sources speak
                    return left_lo + close.start(), left_lo + len(tail), "nom"
                if _NON_AGENT.search(tail) or re.search(r"\b(?:in|during|at)\s+$", tail[:w.start()]):
                    return None  # 'the Saturday debate said', 'in a later interview said'
                return left_lo + w.start(), left_lo + len(tail), "nom"
            if w.group(0).endswith(",") and i > 0 and i < len(words) - 1 and \
                    re.fullmatch(r"(?-i:the|a|an)", words[i - 1].group(0), re.I) and \
                    re.fullmatch(r"[a-z][a-z\-]+", w.group(0)[:-1]):
                # 'the bespectacled, 71-year-old diplomat said': coordinate adjectives
                return left_lo + words[i - 1].start(), left_lo + len(tail), "nom"
            if w.group(0).endswith((",", ";", ":", ".")) or \
                    w.group(0).lower() in _FUNCTION_END - {"and", "of"}:
                break
    return None


# a long noun phrase opened by a determiner after an inverted cue, up to a comma, the sentence's
# end or a relative pronoun ('said one well-connected Democrat familiar with the Clinton
# campaign's organization, who', 'tweeted a German user from Hanover going by the handle X.')
_LONG_NP_AFTER = re.compile(
    r"\s*(?P<nom>(?-i:one|a|an|another|the|two|three|several|some|many)\s+(?-i:[A-Za-z])"
    r"[^,;:\n\"\u201c\u201d]{1,120}?)(?=\s*(?:[,;:(\n]|\.(?:\s|$)|$|\s+(?:who|that|which)\b))")
# two names joined by 'and' ('reply Burton and Nick', 'Frank Newport and Jim Harter:')
_ROLE_THEN_NAME = re.compile(
    rf"\s+(?:(?:head|assistant|chief|press|general|executive|senior|deputy|team|club|campaign|"
    rf"communications|policy|political)\s+){{0,2}}(?:coach|manager|spokesman|spokeswoman|"
    rf"spokesperson|director|president|chairman|chairwoman|ceo|founder|leader|captain|executive|"
    rf"secretary|minister|adviser|advisor|aide|strategist|analyst|economist|professor|official|"
    rf"lawyer|attorney|owner|general manager)\s+(?P<name>{_NAME})")
# 'the North Korean leader', 'the Russian president', 'the Oilers coach': a role description
_ROLE_DESCRIPTION = re.compile(
    r"(?i:the)\s+(?P<qual>(?:[A-Z][\w\-]*\s+){1,3})(?P<role>leader|president|prime minister|"
    r"minister|foreign minister|chancellor|premier|dictator|king|queen|senator|governor|mayor|"
    r"coach|head coach|chief|chairman|chairwoman|secretary|spokesman|spokeswoman|ambassador|"
    r"general|commander|candidate|nominee|front-runner)")
_TO_BEFORE = re.compile(r"\b(?:\w+ed|went on|had|has|have|wanted|want|wants|decided|chose|"
                        r"began|continued|used|went|seemed|appeared|address|speech|message|"
                        r"letter|statement|remarks|interview|appearance|platform)\s+to\s*$")
# verbs of saying read after an infinitive's 'to' ('uses his New Year's address to hail')
_INFINITIVE_CUES = frozenset(("say", "tell", "add", "write", "ask", "hail", "praise", "warn",
                              "declare", "announce", "urge", "thank", "describe", "call"))
_PRON_ANY = re.compile(r"\b(?:he|she|they|we|it|his|her|their|its)\b", re.I)
_NAME_PAIR = re.compile(rf"(?P<a>{_NAME})\s+(?:and|&)\s+(?P<b>{_NAME})")
_AND_NAME = re.compile(rf"\s+(?:and|&)\s+(?P<name>{_NAME})")


# 'said Rubio’s deputy campaign manager, Rich Beeson, who', 'said the party's spokesman, Ann
# Lee.': a role (its head noun lowercase) and the name in apposition to it
_ROLE_COMMA_NAME = re.compile(
    rf"\s*(?:(?-i:the|a|an|his|her|their|its)\s+|{_NAME}[\u2019']s?\s+)"
    rf"(?:[\w\-\u2019']+\s+){{0,4}}?(?-i:[a-z])[\w\-]*,\s+(?P<name>{_NAME})"
    r"(?=\s*(?:[,.;)]|$))")


def _subject_after(text: str, cue_end: int, hi: int) -> tuple[int, int, str] | None:
    """The noun phrase just right of a cue verb (``said X``); the name of a role in apposition
    ('said the campaign's spokesman, Ann Lee')."""
    role = _ROLE_COMMA_NAME.match(text, cue_end, hi)
    if role and len(role.group("name").split()) >= 2 and _is_name(role.group("name"), text):
        return role.start("name"), role.end("name"), "name"
    m = _SUBJ_HEAD.match(text, cue_end, hi)
    if not m:
        m = _LONG_NP_AFTER.match(text, cue_end, hi)
        if m and not _CLAUSE_START.match(text, m.start("nom"), m.end("nom")):
            return m.start("nom"), m.end("nom"), "nom"
        return None
    for kind in ("pron", "name", "nom"):
        if m.group(kind):
            s, e = m.span(kind)
            if kind == "name" and not _is_name(text[s:e], text):
                return None
            if kind == "name":
                role = _ROLE_THEN_NAME.match(text, e, hi)
                if role and _is_name(role.group("name"), text):
                    # 'said Oilers head coach Ken Hitchcock': the person, not the team
                    s, e = role.span("name")
                both = _AND_NAME.match(text, e, hi)
                if both and _is_name(both.group("name"), text):
                    e = both.end("name")  # a pair speaks ('reply Burton and Nick')
            if kind == "nom" and _CLAUSE_START.match(text, s, e):
                return None  # 'adding that the deal ...': a clause, not a speaker
            return s, e, kind
    return None


_CLAUSE_START = re.compile(r"(?:that|to|if|whether|how|what|why|when|about|for|on|in|at|with|"
                           r"by|from|as|so|but|and|or|because|the fact)\b", re.I)


def _sentence_span(text: str, bounds: list[int], ps: int, pe: int, s: int, e: int):
    lo, hi = ps, pe
    # (bisect: a paragraph may hold thousands of sentences; a scan per quote is quadratic)
    i = bisect.bisect_right(bounds, s)
    if i:
        lo = bounds[i - 1]
    j = bisect.bisect_left(bounds, e, i)
    if j < len(bounds):
        hi = bounds[j]
    return lo, hi


class _Attributor:
    def __init__(self, text: str, marked, actors=None):
        self.text = text
        self.spans = [(m.start, m.end) for m in marked]  # quoted words, in order
        self.paragraphs = [(m.para_start, m.para_end) for m in marked]
        self.starts = [s for s, _ in self.spans]  # (sorted: look-ups by bisect, not scans)
        self.word_counts: dict[str, bool] = {}
        self.continues = [m.continues for m in marked]
        self.art = _Article(text, actors)
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
            for m in _BOUNDARY.finditer(self.text, ps, pe):
                at = m.start()
                while j < stop and self.spans[j][0] <= at:
                    reach = max(reach, self.spans[j][1])
                    j += 1
                if reach < at:
                    out.append(m.end())
            self.bounds_cache[ps] = out
        return self.bounds_cache[ps]

    def _quote_between(self, lo: int, hi: int, before: int) -> bool:
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
            e = _drop_full_stop(self.text, s, e)
        surface = self.text[s:e]
        if kind == "rel":
            # 'said Scott Reed, the Chamber's strategist, who added': the antecedent speaks
            comma = self.text.rfind(",", max(0, s - 400), s)
            antecedent = _subject_tail(self.text, max(0, comma - 200), comma) if comma > 0 else None
            names = [m for m in _NAME_RE.finditer(self.text, max(0, comma - 120), max(comma, 0))
                     if _is_name(m.group(0), self.text)]
            if names and (antecedent is None or antecedent[2] != "name"):
                # 'said Scott Reed, the chamber's strategist, who': the name, not the role
                speaker = self.art.canonical(names[-1].group(0))
            elif antecedent and antecedent[2] == "name":
                speaker = self.art.canonical(self.text[antecedent[0]:antecedent[1]])
            elif antecedent and antecedent[2] == "nom":
                speaker = self._resolve_nominal(self.text[antecedent[0]:antecedent[1]], prev)
            else:
                head = _NAME_TAIL.search(self.text[max(0, comma - 150):comma])
                speaker = self.art.canonical(head.group("name")) if head and _is_name(
                    head.group("name"), self.text) else None
        elif kind == "pron":
            speaker = self._resolve_pronoun(s, surface.lower(), prev)
        elif kind == "poss":
            m = _NAME_RE.match(surface)
            if m:
                e = s + len(m.group(0).rstrip(".\u2019'"))
            s, e = _strip_leading(self.text, s, e)
            surface = self.text[s:e]
            speaker = self.art.canonical(surface)
        elif kind == "name" and _NAME_PAIR.fullmatch(surface):
            # 'reply Burton and Nick': both speak
            pair = _NAME_PAIR.fullmatch(surface)
            speaker = " and ".join(self.art.canonical(pair.group(k)) or pair.group(k)
                                   for k in ("a", "b"))
        elif kind == "name":
            name_m = _NAME_RE.match(surface)
            if name_m and name_m.end() < len(surface):  # appositive: keep the name
                e = s + name_m.end()
                surface = self.text[s:e]
            s, e = _strip_leading(self.text, s, e)
            surface = self.text[s:e]
            speaker = self.art.canonical(surface)
        else:
            speaker = self._resolve_nominal(surface, prev, s)
        return Attribution(speaker, s, e, surface, cue, how)

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
        return re.sub(r"\s+", " ", surface.strip()).lower() or None

    def _introduced_as(self, surface: str, at: int) -> str | None:
        """The one person the article introduced before ``at`` with the role of the description
        ``surface`` ('the senator' after 'Sen. Ted Cruz', 'the spokeswoman' after 'Hope Hicks, a
        spokeswoman for ...'; see ``roles``); None when none or two different people were (the
        description stays a speaker of its own) or a gendered role meets a name of the other
        gender ('the spokeswoman' is never 'Scott Reed')."""
        people = set()
        for s, e in role_introductions(self.text, surface, at):
            s, e = _strip_leading(self.text, s, e)
            if s < e and _is_name(self.text[s:e], self.text) and \
                    _person_like(self.text[s:e]):  # never 'the State Department, the candidate'
                people.add(self.art.canonical(self.text[s:e]))
        people.discard(None)
        if len(people) != 1:
            return None
        person = people.pop()
        role_gender = _GENDER_WORDS.get((parse_description(surface) or ("",))[0])
        if role_gender and self.art.gender(person) not in (None, role_gender):
            return None
        return person

    def _role_holder(self, surface: str, at: int) -> str | None:
        """The person an earlier title + name apposition gives a role description ('the North
        Korean leader' after 'North Korean leader Kim Jong Un', 'the Russian president' after
        'Russian President Vladimir Putin'), in the 5,000 characters before ``at``; the latest
        such person, else None (no guess)."""
        m = _ROLE_DESCRIPTION.fullmatch(surface.strip())
        if not m:
            return None
        qual = re.escape(m.group("qual").strip()).replace("\\ ", r"\s+")
        role = re.escape(m.group("role")).replace("\\ ", r"\s+")
        pattern = re.compile(rf"\b{qual}(?:[\u2019']s)?\s+(?i:{role})\s+(?P<name>{_NAME})")
        found = None
        for hit in pattern.finditer(self.text, max(0, at - 5000), at):
            if _is_name(hit.group("name"), self.text):
                found = hit.group("name")
        return self.art.canonical(found) if found else None

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
            candidates = self._gendered_candidates(lo, pos, pronoun, prev, candidates)
        elif not candidates:
            candidates = self._group_candidates(lo, pos, pronoun, prev)
        if not candidates:
            return None
        candidates.sort()
        return candidates[-1][1]

    def _gendered_candidates(self, lo: int, pos: int, pronoun: str, prev: list[Attribution],
                             speakers: list) -> list:
        """The people a 'he' or 'she' may stand for: the nearest earlier speaker and sentence
        subjects that agree, else the agreeing names before it. When it comes to those names
        after passing over a person of the other gender ('Ted Cruz' for 'she'), only a name
        known to be of the pronoun's gender is taken: any capitalised pair ('Boca Raton',
        'West Virginia') would be a guess a reader catches, so the pronoun abstains instead."""
        near = self._subject_candidates(lo, pos, prev)
        candidates = self._agreeing(speakers + near, pronoun)
        if candidates:
            return candidates
        names = self._name_candidates(lo, pos)
        candidates = self._agreeing(names, pronoun)
        other = "m" if pronoun == "she" else "f"
        nearest = self._speaker_candidates(pos, "they", prev)  # the last speaker, any gender
        if any(self.art.gender(c[1]) == other for c in nearest + near + names):
            own = _GENDER_OF_PRONOUN[pronoun]
            candidates = [c for c in candidates if self.art.gender(c[1]) == own]
        return candidates

    def _agreeing(self, candidates: list, pronoun: str) -> list:
        """The candidates (position, name) whose gender (``_Article.gender``) is not the
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
                if pronoun == "they" or _person_like(a.speaker) and \
                        self._agreeing([(0, a.speaker)], pronoun):
                    return [(a.speaker_start, a.speaker)]
        return []

    def _subject_candidates(self, lo: int, pos: int, prev: list[Attribution]) -> list:
        """Sentence subjects between ``lo`` and ``pos`` that may be a 'he' or 'she'."""
        candidates = []
        starts = [lo] + [m.end() for m in _SENT_START.finditer(self.text, lo, pos)]
        for start in starts:
            subj = self._sentence_subject(start, pos)
            if subj and subj[2] == "pron" and subj[0] < pos:
                # 'When Kim Jong Un congratulates Putin, he isn't mentioning': the subject of a
                # leading subordinate clause is the main clause's pronoun
                sub = _SUBORDINATE_SUBJECT.match(self.text, start, subj[0])
                if sub and _is_name(sub.group("name"), self.text):
                    subj = (*sub.span("name"), "name")
            if subj and subj[2] == "name":
                name = self.art.canonical(self.text[subj[0]:subj[1]])
                if _person_like(name):  # never 'Winnipeg', 'Homeland Security' for 'he'
                    candidates.append((subj[0], name))
            elif subj and subj[2] == "nom" and subj[1] <= pos and self.art._resolve is not None:
                # 'The Russian president has ... what he describes': a registry descriptor
                hit = self._resolve_nominal(self.text[subj[0]:subj[1]], prev)
                if hit and not hit.islower():
                    candidates.append((subj[0], hit))
        return candidates

    def _name_candidates(self, lo: int, pos: int) -> list:
        """Person-like names between ``lo`` and ``pos`` (two capitalised words or more, or one
        word the article gives in full: 'Brafman' after 'Benjamin Brafman')."""
        candidates = []
        for m in _NAME_RE.finditer(self.text, lo, pos):
            s, e = _strip_leading(self.text, m.start(), m.end())
            surface = self.text[s:e]
            if (len(surface.split()) >= 2 or surface in self.art.names()) and \
                    _is_name(surface, self.text) and _person_like(surface) \
                    and not _PLACE_BEFORE.search(self.text, lo, s):
                candidates.append((s, self.art.canonical(surface)))
        return candidates

    def _group_candidates(self, lo: int, pos: int, pronoun: str, prev: list[Attribution]) -> list:
        """'The Post reported ... . It added, “...': earlier sentence subjects that are not a
        lone person ('they' wants a plural noun phrase or an organisation)."""
        candidates = []
        starts = [m.end() for m in _SENT_START.finditer(self.text, lo, pos)]
        if lo == 0 or self.text[lo - 1] == "\n":
            starts.insert(0, lo)
        for start in starts:
            subj = self._sentence_subject(start, pos) or self._organisation_subject(start, pos)
            if subj is None or subj[1] > pos or subj[2] == "pron":
                continue
            surface = self.text[subj[0]:subj[1]]
            if subj[2] == "nom" and (pronoun == "it" or surface.rstrip().endswith("s")):
                candidates.append((subj[0], self._resolve_nominal(surface, prev)))
            elif subj[2] == "name" and _ORG_WORDS.search(surface):
                candidates.append((subj[0], self.art.canonical(surface)))
        return candidates

    def _organisation_subject(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """'Still, the Business Council of British Columbia opposed': an organisation named
        after 'the' (a name with an organisation word) opening the sentence, for 'it'/'they'."""
        m = _ORG_SUBJECT.match(self.text, lo, hi)
        if m and _ORG_WORDS.search(m.group("name")) and _is_name(m.group("name"), self.text):
            return m.start("name"), m.end("name"), "name"
        return None

    def attribute(self) -> list[Attribution]:
        out: list[Attribution] = []
        for qi in range(len(self.spans)):
            out.append(attribute_one(self, qi, out))
        return out

    def _clause_subject(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """The last name in ``text[lo:hi]`` followed by a verb ('Sanders of Vermont endorsed')."""
        found = None
        for m in _NAME_RE.finditer(self.text, lo, hi):
            s, e = _strip_leading(self.text, m.start(), m.end())
            if _is_name(self.text[s:e], self.text) and _VERB_AFTER.match(self.text, e, hi):
                found = (s, e, "name")
        return found

    def _sentence_subject(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """A name or pronoun opening the sentence and followed by a verb-like word."""
        while lo < hi and self.text[lo].isspace():
            lo += 1
        if lo < hi and self.text[lo] in _OPENING_MARKS:
            return None  # the sentence starts with a quotation: its words are not the subject
        m = _SENTENCE_SUBJECT.match(self.text, lo, hi)
        if not m:
            return None
        kind = next(k for k in ("pron", "name", "nom") if m.group(k))
        s, e = m.span(kind)
        if kind == "name":
            np_m = _DET_NOUN_PHRASE.match(self.text, s, hi)
            if np_m and np_m.end() >= e:
                # 'The Russian leader highlighted': a determiner, a capitalised adjective and a
                # common noun make a noun phrase (resolved through the registry's descriptors),
                # not the name 'Russian'
                return s, np_m.end(), "nom"
        poss = re.match(r"[\u2019']s?(?:\s+[a-z][\w\-]*){1,3}", self.text[e:hi])
        head = re.sub(r"[\u2019']s?$", "", self.text[s:e])
        if kind == "name" and not _is_name(head, self.text):
            return None
        if kind == "name" and len(head.split()) == 1 and head not in self.art.names() and \
                not self._seen_twice(head, s):
            return None  # a lone capitalised word seen once ("Thirteen", "Ask") is no name
        if kind == "name" and self.text[e - 2:e] in ("\u2019s", "'s") or kind == "name" and poss \
                and self.text[e:e + 1] in "\u2019'":
            # "Grayson's spokeswoman challenged": the whole phrase is the subject
            tail = re.match(r"(?:[\u2019']s?)?(?:\s+[a-z][\w\-]*){1,2}", self.text[e:hi])
            return s, e + (tail.end() if tail else 0), "nom"
        if kind == "name":
            s, e = _strip_leading(self.text, s, e)
            if not _is_name(self.text[s:e], self.text):
                return None
        return s, e, kind

    def _previous_paragraph(self, ps: int) -> tuple[int, int]:
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

    attributor: _Attributor
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
        return _OPENER_ONLY.fullmatch(self.text, self.lo, self.open_mark) is not None

    @property
    def opens_paragraph(self) -> bool:
        return blank(self.text, self.ps, self.open_mark)

    def make(self, s: int, e: int, kind: str, cue: str | None, how: str) -> Attribution:
        return self.attributor._make(s, e, kind, cue, how, self.prev)

    def carry(self, how: str) -> Attribution:
        """The previous quotation's speaker, under rule ``how``."""
        p = self.prev[-1]
        return Attribution(p.speaker, p.speaker_start, p.speaker_end, p.speaker_surface, p.cue,
                           how)


def quote_site(attributor: _Attributor, qi: int, prev: list[Attribution]) -> QuoteSite:
    """The :class:`QuoteSite` of quotation ``qi``: contexts end at neighbouring quotations."""
    (s, e), (ps, pe) = attributor.spans[qi], attributor.paragraphs[qi]
    lo, hi = _sentence_span(attributor.text, attributor.bounds(ps, pe), ps, pe, s, e)
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
            if marks[j][0] < hi:
                right_hi = marks[j][0]
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
                subj = q.attributor._sentence_subject(q.left_lo, self.start)
            self._subject = subj or _subject_before(q.text, q.left_lo, self.start)
            self._has_subject = True
        return self._subject


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
        gap.lstrip(" ,")[:1].islower() and not _DET_RE.match(gap.lstrip(" ,")))
    if not (c.word in _SAY_VERBS and gap.rstrip().endswith(",") and len(gap) <= 250 and
            gap.strip(" ,\u2014\u2013-") and writer_gap):
        return None
    subj = _subject_after(q.text, c.end, q.right_hi)
    if subj and quote_end in (",", "?", "!") and subj[2] != "name":
        return None  # ('"Going Viral," about ..., said the days when'): no speaker
    return q.make(*subj, c.word, "cue-after-gap-inverted") if subj else None


# '"...," Cecelia Purner, 67, a retired customer service representative in Allentown, Pa.,
# said': a name (after an optional role: 'Texas delegate Bill Eastland') and an appositive that
# holds commas of its own, between the quotation and its cue
_APPOSITIVE_GAP = re.compile(
    rf"[\s,]*(?:(?:[A-Z][\w.\-]*\s+)?(?:(?-i:[a-z])[\w\-]*\s+){{1,3}})?(?P<name>{_NAME}),"
    r"[^\u201c\u201d\"]{2,200},\s*")


def cue_after_appositive(q: QuoteSite, c: CueSite):
    """'"...," Cecelia Purner, 67, a retiree in Allentown, Pa., said': the name before a long
    appositive (commas inside it) speaks."""
    gap = c.gap(q)
    if q.quote_end not in (",", "?", "!") or c.word not in _SAY_VERBS or len(gap) > 250:
        return None
    m = _APPOSITIVE_GAP.fullmatch(gap)
    if not m or CUE_RE.search(gap):
        return None
    name = m.group("name")
    if not _is_name(name, q.text) or not (len(name.split()) >= 2 or
                                          name in q.attributor.art.names()):
        return None
    start = q.close_mark + m.start("name")
    return q.make(start, start + len(name), "name", c.word, "cue-after-appositive")


def _long_gap(q: QuoteSite, c: CueSite):
    """A cue far after the quotation attributes nothing (a long gap is fine after '," Jane Doe,
    who served as ..., said')."""
    gap = c.gap(q)
    if len(gap) > 90 and not (len(gap) <= 200 and _NAME_APPOSITIVE.match(gap) and
                              q.quote_end in ",?!"):
        return STOP
    return None


def according_after(q: QuoteSite, c: CueSite):
    """'"...," according to X'."""
    if c.word != "according to":
        return None
    am = _ACCORDING.match(q.text, c.start, q.right_hi)
    if not am:
        return STOP
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, c.word, "according-after")


def cue_after_inverted(q: QuoteSite, c: CueSite):
    """'"...," said Kim': the cue right after the quotation, its subject after it."""
    if c.gap(q).strip(" ,\u2014\u2013-") != "":
        return None
    if c.word in _OBJECT_CUES:
        return NEXT_CUE  # '"...," accusing it of': the word after is the object
    subj = _subject_after(q.text, c.end, q.right_hi)
    if subj and subj[2] == "nom" and c.word.endswith("ing"):
        subj = None  # '"...," noting the fines': a participle's object
    return q.make(*subj, c.word, "cue-after-inverted") if subj else NEXT_CUE


def cue_after(q: QuoteSite, c: CueSite):
    """'"...," Kim said' (and a clause-final cue: '"The court expresses no view" of the case,
    the unsigned opinion said.'); the first cue with words between it and the quote decides."""
    text, close_mark, gap, cue = q.text, q.close_mark, c.gap(q), c.word
    subj = _subject_before(text, close_mark, c.start)
    quote_end = q.quote_end
    if subj is None and quote_end in (",", "?", "!") and cue in _SAY_VERBS:
        # '"...," federal prosecutors wrote': a bare plural noun phrase as the subject
        bare = _BARE_NP.fullmatch(gap)
        if bare and not any(w in _FUNCTION_END for w in bare.group(1).split()):
            subj = (close_mark + bare.start(1), close_mark + bare.end(1), "nom")
    if re.match(r"\s+(?:how|why|whether)\b", text[c.end:c.end + 10]):
        return STOP  # '’’A Time for Truth,’’ ..., Mr. Cruz described how': reported, not quoted
    if subj and subj[2] == "pron" and quote_end == "." and text[subj[0]:subj[0] + 1].isupper():
        return STOP  # “... home.” He left: a new sentence, not an attribution
    clause_final = subj is not None and subj[2] != "rel" and cue in _SAY_VERBS and \
        _TITLED_COMMA.search(text, close_mark, subj[0]) is not None and \
        _CLAUSE_END.match(text, c.end, min(len(text), c.end + 60)) is not None and \
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
    gm = _GENERIC_AFTER.match(text, close_mark, right_hi)
    if gm and gm.group("nom") and (_RELATIVE.search(gm.group("nom"))
                                   or gm.group("verb") in ("series", "news")):
        gm = None  # '’’Hawaii Five-0,’’ the procedural that CBS revived': a title
    if gm and (gm.group("pron") or _is_name(gm.group("name") or "x", text) or gm.group("nom")):
        kind = next(k for k in ("pron", "name", "nom") if gm.group(k))
        return q.make(*gm.span(kind), kind, gm.group("verb"), "cue-after-generic")
    gi = _GENERIC_INVERTED.match(text, close_mark, right_hi)
    if gi and _is_name(gi.group("name"), text):
        return q.make(*gi.span("name"), "name", gi.group("verb"), "cue-after-generic")
    return None


def cue_final(q: QuoteSite) -> Attribution | None:
    """'"...” because she would expand her lead, he said.': a cue closing the sentence."""
    fm = _FINAL_CUE.search(q.text, q.close_mark, q.right_hi)
    if not (fm and q.right_hi - fm.end() <= 3 and fm.start() - q.close_mark < 200):
        return None
    group = next(g for g in ("pron", "name", "nom", "iname", "inom") if fm.group(g))
    kind, cue = group.lstrip("i") if group != "pron" else group, fm.group("cue") or fm.group(
        "icue")
    if kind == "name" and not _is_name(fm.group(group), q.text) or \
            kind == "nom" and _NON_AGENT.search(fm.group(group)):
        return None
    start, end = fm.span(group)
    if kind == "nom" and re.fullmatch(_FINAL_TITLED, q.text[start:end]):
        start, kind = start + 4, "name"  # 'the Chicago Tribune reports': a name
    return q.make(start, end, kind, cue, "cue-final")


# -- cues before the quotation in its sentence: 'Kim said: “', 'what he called Russia’s “'

def _noun_homograph(q: QuoteSite, c: CueSite):
    """'Rubio's claim that', 'many Asian states': a noun, not a verb."""
    if c.word in _NOUN_HOMOGRAPHS and _NOUN_BEFORE.search(q.text, max(0, c.start - 40), c.start):
        return NEXT_CUE
    return None


def according_before(q: QuoteSite, c: CueSite):
    """'According to Kim, “...'."""
    if c.word != "according to":
        return None
    am = _ACCORDING.match(q.text, c.start, q.open_mark)
    if not am:
        return NEXT_CUE
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, c.word, "according-before")


def cue_gerund(q: QuoteSite, c: CueSite):
    """'Netanyahu rallied supporters by warning that “...': the sentence's subject."""
    if not (c.word.endswith("ing") and _BY_GERUND.search(q.text, max(q.lo, c.start - 40),
                                                          c.start)):
        return None
    a = q.attributor
    subj = a._sentence_subject(q.lo, c.start) or a._clause_subject(q.lo, c.start)
    return q.make(*subj, c.word, "cue-gerund") if subj else None


def cue_participle(q: QuoteSite, c: CueSite):
    """'X said, adding, “...': the subject of the earlier cue, else of the sentence."""
    text, a = q.text, q.attributor
    if not (c.word.endswith("ing") and text[max(0, q.left_lo - 3):c.start].rstrip(
            " \"\u201d\u2019").endswith(",")):
        return None
    subj = None
    for earlier in reversed(list(CUE_RE.finditer(text, q.lo, c.start))):
        if earlier.group(0).endswith("ing") or earlier.group(0) == "according to":
            continue
        subj = _subject_before(text, q.lo, earlier.start())
        if subj is None:
            subj = _subject_after(text, earlier.end(), c.start)
        if subj:
            break
    subj = subj or a._sentence_subject(max(q.lo, q.left_lo), c.start) or \
        a._clause_subject(max(q.lo, q.left_lo), c.start)
    return q.make(*subj, c.word, "cue-participle") if subj else None


def cue_before_and(q: QuoteSite, c: CueSite):
    """'Trump stood up and said: “...': the sentence's subject of a second verb."""
    if c.subject(q) is not None or not re.search(
            r"\band\s*$", _AUX.sub("", q.text[q.left_lo:c.start].rstrip())):
        return None
    subj = q.attributor._sentence_subject(q.lo, c.start)
    return q.make(*subj, c.word, "cue-before-and") if subj else None


def cue_before_infinitive(q: QuoteSite, c: CueSite):
    """'Mr. Trump was prompted to say, "...', 'she went on to write': the subject of the clause
    that holds the infinitive."""
    text, a = q.text, q.attributor
    if c.subject(q) is not None or c.word not in _SAY_VERBS | _INFINITIVE_CUES or \
            not _TO_BEFORE.search(text, q.left_lo, c.start):
        return None
    subj = a._sentence_subject(max(q.lo, q.left_lo), c.start)
    if subj is None or subj[2] == "nom":
        subj = a._clause_subject(max(q.lo, q.left_lo), c.start)
    if subj and subj[2] != "nom" and not _PLACE_BEFORE.search(text, q.lo, subj[0]):
        return q.make(*subj, c.word, "cue-before-infinitive")
    return None


def cue_before_owner(q: QuoteSite, c: CueSite):
    """'Trump released a statement saying “...': the owner of a speech noun speaks."""
    subj, text = c.subject(q), q.text
    if not (subj and subj[2] == "nom" and re.search(rf"(?:{_CUE_NOUNS})$", text[subj[0]:subj[1]])
            and text[subj[0]:subj[1]].split()[0].lower() in ("a", "an", "his", "her", "their",
                                                              "its")):
        return None
    owner = q.attributor._sentence_subject(q.lo, subj[0])
    verb = re.search(r"(\S+)(?:\s+out)?\s+$", text[q.lo:subj[0]])
    if owner is None and verb:
        owner = _subject_before(text, q.lo, q.lo + verb.start())
    return q.make(*owner, c.word, "cue-before-owner") if owner else None


def naming_subject(q: QuoteSite, c: CueSite):
    """'a psychology class called “Perception”': naming, not speech; the sentence's subject
    (if any) is credited, else the next cue is tried."""
    subj = c.subject(q)
    if not (subj and subj[2] == "nom" and c.word in ("called", "dubbed", "named", "titled") and
            subj[1] >= c.start - _trailing_space(q.text, c.start)):
        return None
    subj = q.attributor._sentence_subject(q.lo, subj[0])
    return q.make(*subj, c.word, "naming-subject") if subj else NEXT_CUE


_REPORTING_VERBS = _SAY_VERBS | {"notes", "reports", "reported", "told", "tells", "finds"}


# the agent of a passive cue: 'asked by host Bill Maher', 'labeled as a “...” by Democrats',
# 'called the “...” by the citizens'
_BY_AGENT = re.compile(
    rf"\s*,?\s*by\s+(?:(?:(?![\w\-]*ing\b)(?-i:[a-z])[\w\-]*\s+){{0,3}}(?P<name>{_NAME})"
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
    if m and m.group("name") and _is_name(m.group("name"), q.text):
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
        if m.group(0) in _REPORTING_VERBS and not _CLOSED_SENTENCE.search(text, m.end(), subj[0]):
            outer = m
    if outer is None or not re.fullmatch(r"\s+(?:that\s+)?", text[outer.end():subj[0]]):
        return None
    found = _subject_before(text, q.lo, outer.start())
    if not found or found[2] not in ("name", "pron", "nom"):
        return None
    return q.make(*found, outer.group(0), "cue-before-reported")


def cue_before(q: QuoteSite, c: CueSite):
    """'Kim said: “...' / 'what he called Russia’s “...'."""
    subj = c.subject(q)
    if not subj:
        return None
    cue = c.word
    if subj[2] == "poss":
        cue = re.sub(r"^[\u2019']s?\s*", "", q.text[subj[1]:c.end])
    return q.make(*subj, cue, "cue-before")


def cue_before_inverted(q: QuoteSite, c: CueSite):
    """'Said Kim: “...' / 'In other words, explained CBS moderator Nancy Cordes: "...'."""
    text = q.text
    subj = _subject_after(text, c.end, q.open_mark) if not c.word.endswith("ing") else None
    if subj and c.at < 3:
        return q.make(*subj, c.word, "cue-before-inverted")
    if c.word in _CUE_SET and not c.word.endswith("ing") and \
            text[q.left_lo:c.start].rstrip().endswith(","):
        im = _INVERTED_INTRO.fullmatch(text, c.end, q.open_mark)
        if im and _is_name(im.group("name"), text):
            return q.make(*im.span("name"), "name", c.word, "cue-before-inverted")
    return None


BEFORE_CUE_STEPS = (_noun_homograph, according_before, cue_gerund, cue_participle,
                    cue_before_and, cue_before_infinitive, cue_before_owner, naming_subject,
                    cue_before_passive, cue_before_reported, cue_before, cue_before_inverted)


def cue_before_rules(q: QuoteSite) -> Attribution | None:
    """The cues before the quotation in its sentence, nearest first (``BEFORE_CUE_STEPS``)."""
    left = q.text[q.left_lo:q.open_mark]
    cues = [CueSite(q.left_lo + m.start(), q.left_lo + m.end(), m.group(0), m.start())
            for m in reversed(list(CUE_RE.finditer(left)))]
    return _first_from_cues(q, cues, BEFORE_CUE_STEPS)


# -- colon introductions in the sentence

def _colon_left(q: QuoteSite) -> str | None:
    left = q.text[q.left_lo:q.open_mark].rstrip()
    return left if left.endswith(":") else None


def colon_name(q: QuoteSite) -> Attribution | None:
    """'Pew Research: “...' / a digest item 'HEADLINE - Philip Bump: "...'."""
    left = _colon_left(q)
    if left is None:
        return None
    nm = _NAME_TAIL.search(left[:-1])
    if nm and _is_name(nm.group("name"), q.text) and nm.start() <= 3:
        return q.make(q.left_lo + nm.start("name"), q.left_lo + nm.end("name"), "name", ":",
                      "colon-name")
    dm = _DIGEST_COLON.search(left)
    if dm and _is_name(dm.group("name"), q.text):
        return q.make(q.left_lo + dm.start("name"), q.left_lo + dm.end("name"), "name", ":",
                      "colon-name")
    return None


def colon_sentence(q: QuoteSite) -> Attribution | None:
    """'she is sure that ...: “...': the sentence's subject."""
    if _colon_left(q) is None:
        return None
    subj = q.attributor._sentence_subject(q.lo, q.open_mark)
    return q.make(*subj, ":", "colon-sentence") if subj else None


def colon_clause(q: QuoteSite) -> Attribution | None:
    """'A footnote in the report makes that clear: "...' / 'a spokesman for X could only quip:
    "...': a determiner noun phrase heading the clause before the colon."""
    if _colon_left(q) is None:
        return None
    cm = _COLON_CLAUSE.search(q.text, max(q.lo, q.left_lo), q.open_mark)
    return q.make(*cm.span("nom"), "nom", ":", "colon-clause") if cm else None


def according(q: QuoteSite) -> Attribution | None:
    """'according to X' anywhere in the sentence."""
    am = _ACCORDING.search(q.text, q.lo, q.hi)
    if not am:
        return None
    kind = "name" if am.group("name") else "nom"
    return q.make(*am.span(kind), kind, "according to", "according")


def nominal_cue(q: QuoteSite) -> Attribution | None:
    """'In his letter, Kim ...'."""
    nm = _NOMINAL_CUE.search(q.text, q.lo, q.open_mark)
    if not nm:
        return None
    ss, se = nm.span("name")
    kind = "pron" if q.text[ss:se].lower() in _PRONOUNS else "name"
    return q.make(ss, se, kind, nm.group(0).split(",")[0], "nominal-cue")


def previous_sentence(q: QuoteSite) -> Attribution | None:
    """The previous sentence of the paragraph names the speaker ('Perez says ... . “...')."""
    a, text = q.attributor, q.text
    if not (q.lo > q.ps and q.opens_sentence):
        return None
    bounds = a.bounds(q.ps, q.pe)
    i = bisect.bisect_left(bounds, q.lo - 1)
    prev_lo = max(bounds[i - 1], q.ps) if i else q.ps
    if a._quote_between(prev_lo, q.lo, len(a.spans)):
        return None
    for m in reversed(list(CUE_RE.finditer(text, prev_lo, q.lo))):
        if m.group(0) == "according to":
            continue
        subj = _subject_before(text, prev_lo, m.start())
        if subj and subj[2] != "nom":
            return q.make(*subj, m.group(0), "previous-sentence")
    return None


def sentence_subject(q: QuoteSite) -> Attribution | None:
    """The subject of the sentence ('Clinton talked up her “50-state strategy”'); a quotation
    closing a sentence ('... vote." He commanded') ends it for this purpose; not a subject with
    a negated verb of saying ('he isn't mentioning the “kill-yourself” orders')."""
    closed = list(_CLOSED_SENTENCE.finditer(q.text, q.lo, q.open_mark))
    subj = q.attributor._sentence_subject(closed[-1].end() if closed else q.lo, q.open_mark)
    if subj and not _NEGATED_VERB.search(q.text, subj[1], q.open_mark):
        return q.make(*subj, None, "sentence-subject")
    return None


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
    sm = _DASH_SIGNATURE.match(text, q.pe)
    if not (sm and _is_name(sm.group("name"), text)):
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
    pps, ppe = q.attributor._previous_paragraph(q.ps)
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
            "colon-intro", "named-reply", "continuation-paragraph", "cue-after",
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
    pm = _POSS_CUE.search(q.text[last_lo:para[1]])
    if pm and _is_name(pm.group("name"), q.text):
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
        subj = _subject_before(text, last_lo, m.start())
        if subj is None:
            # 'Stated Stone:': an inverted cue right before the colon
            subj = _subject_after(text, m.end(), ppe)
            if subj and (subj[2] == "nom" or text[subj[1]:ppe].strip() != ":"):
                subj = None
        if subj:
            return q.make(*subj, m.group(0), "colon-intro")
    bounds = a.bounds(pps, ppe)
    # (the last 20 sentences of the paragraph at most: a window)
    for start in reversed(([pps] if len(bounds) <= 20 else []) + bounds[-20:]):
        subj = a._sentence_subject(start, ppe)
        if subj and subj[2] != "nom":
            return q.make(*subj, ":", "colon-intro")
    return None


def intro_paragraph(q: QuoteSite) -> Attribution | None:
    """An introduction without a colon: the last sentence of the previous paragraph says who
    speaks ('Ash argued in his email, the incident ...'), when it holds no quote itself."""
    para = _previous_paragraph(q)
    if para is None or _colon_paragraph(q, *para) or \
            q.attributor._quote_between(para[0], para[1], q.qi):
        return None
    last_lo = _last_sentence(q, *para)
    for m in reversed(list(CUE_RE.finditer(q.text, last_lo, para[1]))):
        if m.group(0) == "according to":
            continue
        subj = _subject_before(q.text, last_lo, m.start())
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
        subj = _subject_before(text, q.lo, m.start())
        if subj is None:
            head = _SUBJ_HEAD.match(text, q.lo, m.start())
            kind = next((k for k in ("pron", "name", "nom") if head and head.group(k)), None)
            if kind and (kind != "name" or _is_name(head.group(kind), text)):
                subj = (*head.span(kind), kind)
        # a "subject" holding a double quotation mark is the quotation before the cue
        # ('"... in three consecutive elections," said Al From, who ...')
        if subj and subj[2] in ("name", "pron", "nom") and \
                not _DOUBLE_MARK.search(text, subj[0], subj[1]):
            return q.make(*subj, m.group(0), "sentence-cue")
    return None


def continuation_sentence(q: QuoteSite) -> Attribution | None:
    """'"It's an enormous moment," said Steve Schmidt, a strategist. Unless rivals quit, "it's
    very difficult ..."': the previous quotation of the paragraph has a speaker and no other
    name, pronoun or cue comes between: the same speaker goes on."""
    a, text = q.attributor, q.text
    if q.qi == 0 or not q.prev or q.prev[-1].speaker is None or \
            a.paragraphs[q.qi - 1][0] != q.ps:
        return None
    gap_lo = max(a.quote_marks[q.qi - 1][1], q.prev[-1].speaker_end or 0)
    if gap_lo >= q.open_mark or q.open_mark - gap_lo > 400:
        return None
    if CUE_RE.search(text, gap_lo, q.open_mark) or _PRON_ANY.search(text, gap_lo, q.open_mark) \
            or any(_is_name(m.group(0), text)
                   for m in _NAME_RE.finditer(text, gap_lo, q.open_mark)):
        return None
    return q.carry("continuation-sentence")


# The rules in the order they are tried; the first that fires attributes the quotation.
RULES = (
    cue_after_rules, cue_after_generic, cue_final, cue_before_rules, colon_name, colon_sentence,
    colon_clause, according, nominal_cue, previous_sentence, sentence_subject, continuation,
    dash_signature, continuation_paragraph, named_reply, colon_intro, intro_paragraph,
    continuation_paragraph_last, sentence_cue, continuation_sentence,
)


# -- fallbacks: a speaker named further away in the sentence or in the sentence before

def cue_later(q: QuoteSite) -> Attribution | None:
    """'Fundraising was "stagnant ..." as donors waited ..., he said.': a cue verb later in the
    quote's sentence, its subject (a name or a pronoun) just before it."""
    for m in CUE_RE.finditer(q.text, q.close_mark, q.hi):
        if m.group(0) == "according to":
            continue
        subj = _subject_before(q.text, q.close_mark, m.start())
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
        subj = _subject_before(text, prev_lo, m.start())
        if subj and subj[2] != "nom":
            return q.make(*subj, m.group(0), "previous-sentence-cue")
    return None


# a name opening the sentence (maybe after a short opener), then a parenthesis, an appositive or
# a place, then a lowercase word: 'Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying:',
# 'Just last week, J.J. Goldberg, editor at large of The Forward, ..., wrote,', 'The Holocaust
# Memorial Museum in Washington issued a report ... charging the Islamic State with'
_OPENING_NAME = re.compile(
    rf"(?:[A-Z][^,\u201c\u201d\"\n]{{0,40}},\s+)?(?P<name>{_NAME})(?:\s*\([^()]{{1,30}}\))?"
    rf"(?:,[^\u201c\u201d\"\n]{{2,160}}?,)?(?:\s+(?:in|of|at|from)\s+(?:the\s+)?{_CAP}"
    rf"(?:\s+{_CAP})*)?\s+(?:(?:has|had|also|then|later|would|will|is|was)\s+)?"
    rf"(?!(?:of|and|the|a|an|in|on|at|to|for|with|from|by|as|or|but|who|which|that)\b)"
    rf"(?-i:[a-z]{{2,}})\b")


def sentence_opening_name(q: QuoteSite) -> Attribution | None:
    """'Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: “...': the name opening the
    quote's sentence, before its verb."""
    lo = q.lo
    while lo < q.open_mark and q.text[lo].isspace():
        lo += 1
    m = _OPENING_NAME.match(q.text, lo, q.open_mark)
    if not m or not _is_name(m.group("name"), q.text):
        return None
    s, e = _strip_leading(q.text, *m.span("name"))
    surface = q.text[s:e]
    if s >= e or not _is_name(surface, q.text) or surface.isupper() or \
            len(surface.split()) < 2 and surface not in q.attributor.art.names():
        return None  # ('PHILADELPHIA —' is a dateline, 'Boos rang out' no name)
    return q.make(s, e, "name", None, "sentence-opening-name")


# Tried when no rule of ``RULES`` fires; what they give is used only for speech. Each names a
# speaker the sentence itself shows with a cue verb or as its subject. (An opening common noun
# phrase, 'The council voted ...', was right half the time on PolNeAR train and named 'the' or
# 'clinton's attacks were': a guess a reader would catch, so it is not tried.)
FALLBACK_RULES = (cue_later, previous_sentence_cue, sentence_opening_name)


def attribute_one(attributor: _Attributor, qi: int, prev: list[Attribution]) -> Attribution:
    """The attribution of quotation ``qi``: the first of ``RULES`` that fires, else none (with
    the first of ``FALLBACK_RULES`` that fires as its ``fallback``)."""
    site = quote_site(attributor, qi, prev)
    for rule in RULES:
        found = rule(site)
        if found is not None:
            return found
    return Attribution(fallback=next((found for rule in FALLBACK_RULES
                                      if (found := rule(site)) is not None), None))



def attributor_article(text: str, actors=None) -> _Article:
    """The per-article state the rules read (name variants, genders): for tests and audits."""
    return _Article(text, actors)


def attribute(text: str, marked, actors=None) -> list[Attribution]:
    """One :class:`Attribution` per quoted span (``marked``: ``MarkedSpan`` list, in order)."""
    return _Attributor(text, marked, actors).attribute()

