"""Who can be a speaker, by shape: the cue-verb, title and name patterns the attribution rules
match, and name parsing (clean names, headline words, what is no name).

>>> clean_name("Fox's Chris Wallace")
'Chris Wallace'
"""

from __future__ import annotations

import bisect
import functools
import re

from newsprism.core.cue_lexicon import load_cue_lexicon  # the one loader of cue_verbs.yml
from newsprism.core.text import WORD  # the one definition of a word

_LEXICON = load_cue_lexicon()
# every language's verbs (a French quotation in an English article still has its cue)
_CUES = [verb for block in _LEXICON.values() for verb in block["verbs"]]
CUE_SET = frozenset(_CUES)
# cue verbs whose next word is their object, never the speaker: not read as an inverted cue
# ('"...expansionist," accusing it of')
OBJECT_CUES = frozenset(_LEXICON["en"].get("object_cues", []))
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
CUE_NOUNS = (
    "message|letter|statement|reply|response|remarks|remark|speech|address|tweet|tweets|post|"
    "note|words|comments|comment|testimony|interview|op-ed|email|memo|report|answer|telegram|"
    "declaration|announcement|press release|spokesman|spokeswoman|spokesperson|campaign|office"
)
TITLES = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Pres|Atty|Adm|Supt|Sens|Reps"
)
TITLE_WORDS = (
    "President|Vice President|Prime Minister|Minister|Secretary|Senator|Congressman|"
    "Congresswoman|Governor|Mayor|Judge|Justice|Chairman|Chairwoman|Chair|General|Pope|King|"
    "Queen|Prince|Speaker|Leader|Ambassador|Director|Chancellor|Commissioner|Attorney General"
)
# a capitalised word (Latin or Cyrillic); a full stop only after an initial or an abbreviation of
# three letters or fewer ('J.', 'Jr.', 'St.'): 'Ben Brafman. Brafman' is two names, not one
CAP = r"(?:[A-Z\u0410-\u042f\u0401](?:[\w\u2019'\-]{0,2}\.|[\w\u2019'\-]*)|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|van|von|bin|al|la|le|di|dos|du|der|den|ben)"
NAME = (rf"(?:(?:{TITLES})\.\s+|(?:{TITLE_WORDS})\s+)?{CAP}"
        rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{CAP})*")
# Every name starts with a capital; the lookahead lets the scan reject other positions at once
# instead of trying the optional title group there (same matches, 3x faster finditer).
NAME_RE = re.compile(r"(?=[A-Z\u0410-\u042f\u0401])" + NAME)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n"}
# Determiners by class, one definition each; a rule takes the classes it needs
ARTICLES = frozenset("a an the".split())
DEMONSTRATIVES = frozenset("this that these those".split())
POSSESSIVE_DETERMINERS = frozenset("my our his her its their".split())
QUANTIFIERS = frozenset(
    "some several many most few all each both one two three other others another".split())
DETS = (r"(?:the|a|an|one|another|his|her|their|its|our|two|three|four|several|some|many|"
        r"other|both|most|few|those|these|this|that)")
# Capitalised words that start sentences but are not names.
NOT_NAMES = frozenset(
    "The A An But And Or So Yet In On At For From To Of By With As If When While After Before "
    "Although Though Because Since Until Unless However Meanwhile Still Also Then Now Here There "
    "This That These Those It Its He She They We I You His Her Their Our My Your Who What Why "
    "How Where Which Instead Such Some Many Most Other Another Each Every No Not Yes One Two "
    "According Asked Later Earlier Today Yesterday Tomorrow Last Next Even Just Only Indeed "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Speaking Like Under "
    "During Over Among Despite Without Within Through Against Regardless Whether Let Please "
    "Honestly Perhaps Maybe Why Well Oh Sources Officials Former Too Ask Then Thus "
    # a question's auxiliary opening a headline or sentence ('Is Donald Trump ...?'), sentence
    # adverbs and quantifiers ('Afterwards Penny apologises', 'Both Microsoft and ...')
    "Is Are Was Were Do Does Did Afterwards Afterward Finally Suddenly Eventually Thereafter "
    "Moreover Furthermore Nevertheless Nonetheless Besides Otherwise Hence Therefore "
    "Additionally Both Either Neither".split()
)
AUX = re.compile(
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
    rf"|(?P<poss>{NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{CUE_NOUNS})"
    rf"|(?P<name>{NAME})(?:,[^,\u201c\u201d\"]{{2,80}},)?"
    rf"|(?P<nom>\b{DETS}(?:\s+[\w\-\u2019']+){{1,5}}?))\s*$",
    re.I)
SUBJ_HEAD = re.compile(
    rf"\s*(?:(?P<pron>(?:he|she|they|i|we|it)\b)|(?P<name>{NAME})|(?P<nom>[\w\-\u2019'.]+"
    rf"(?:\s+[\w\-\u2019'.]+){{0,7}}?)(?=\s*(?:[,;:(\n]|\.(?:\s|$)|$|\s+(?:in|on|at|to|"
    rf"during|after|who|when|while|of the)\b)))")
ACCORDING = re.compile(
    rf"\baccording to\s+(?:(?P<name>{NAME})|(?P<nom>{DETS}(?:\s+[\w\-\u2019']+){{1,5}}?)"
    r"(?=\s*[,.;:]|\s*$))", re.I)
NOMINAL_CUE = re.compile(
    rf"\b(?:in|during|on)\s+(?:his|her|their|the|a|its)\s+(?:[\w\-\u2019']+\s+){{0,3}}?"
    rf"(?:{CUE_NOUNS}|conversation|call|interview|meeting|rally|appearance)\s*,\s*"
    rf"(?P<name>{NAME}|he|she|they)\b")
POSS_CUE = re.compile(rf"(?P<name>{NAME})[\u2019']s?(?:\s+[\w\-]+){{0,3}}?\s+(?:{CUE_NOUNS})\b")
# (the leading lookahead rejects positions without sentence-end punctuation before the three
# lookbehinds run: the same matches, 4x faster scans)
BOUNDARY = re.compile(
    r"(?=[.!?])"
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No|Co))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Inc))"
    r"[.!?][\"\u201d\u2019')\]]*\s+(?=(?:''|[\"\u201c\u2018(])?[A-Z0-9])")
SENT_START = re.compile(r"(?:[.!?][\"\u201d\u2019]?\s+|\n\s*|[\"\u201d],?\s+)(?=[A-Z\"\u201c])")
SENTENCE_SUBJECT = re.compile(
    rf"[\"\u201c\u2018(]?(?:[A-Z][^,!?\u201c\u201d\"\n]{{0,60}},\s+"
    rf"(?:[^,!?\u201c\u201d\"\n]{{0,30}},\s+)?)?"
    rf"(?:(?:But|And|Yet|So|Still|Meanwhile|Later|Earlier|Then|Now|Instead|"
    rf"However|Also|Last \w+|On \w+day|In \w+),?\s+(?:(?:then|also|now|later|still)\s+)?)?"
    # (an opener may take a second word and a lowercase pronoun: 'Then he cut into Bush,
    # calling him a "stiff"', 'And then Trump went on the attack, saying': PolNeAR train)
    rf"(?:(?P<pron>He|She|They|(?<=[a-z,] )(?:he|she|they))(?:[\u2019'](?:s|re|ll|d|ve))?|(?P<name>{NAME})"
    rf"|(?P<nom>(?:[Tt]he|An?|an?|[Hh]is|[Hh]er|[Tt]heir)(?:\s+[a-z][\w\-]*){{1,5}}?(?=\s+[a-z]+ed\b)))"
    rf"(?:\s+of\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?(?=\s+[a-z]+(?:ed|s)\b))?"
    rf"(?:(?:,[^,\u201c\u201d\"]{{2,80}}){{1,3}},)?\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+|"
    rf"would\s+|will\s+|is\s+|was\s+)?(?!(?:of|and|the|a|an|in|on|at|to|for|with|from|by|"
    rf"as|or|but|who|which|that)\b)[a-z]{{2,}}\b")


GENERIC_AFTER = re.compile(
    rf"\s*[,!?\u2014\u2013-]?\s*(?:(?P<pron>he|she|they)|(?P<name>{NAME})|(?P<nom>(?:an?|the)"
    rf"(?:\s+[\w\-\u2019']+){{1,4}}?))\s+(?P<verb>[a-z]+(?:ed|s))\b(?=\s*[,.;]|\s+(?:on|in|at|"
    rf"to|of|as|during|after|before|while|when|from|with)\b)")


# the head nouns of a text or an institution that may speak ('The ad targets', 'the court ruled')
INSTITUTION_HEADS = (
    "ad|ads|complaint|report|statement|letter|memo|study|poll|survey|platform|resolution|"
    "editorial|order|ruling|opinion|lawsuit|indictment|filing|council|commission|committee|"
    "court|association|agency|publication|newspaper|magazine|website|network|foundation|"
    "board|ministry|department|post|tweet|email|message|video|book|article|campaign")

# 'Still, the Business Council of British Columbia opposed': 'the', a name, a verb
ORG_SUBJECT = re.compile(
    rf"\s*(?:(?:But|And|Still|Yet|So|Meanwhile|However|Instead|Now|Also),?\s+)?(?-i:the|The)\s+"
    rf"(?P<name>{NAME}(?:\s+(?:of|for)\s+(?:the\s+)?{NAME})?)\s+(?:has\s+|had\s+|also\s+)?"
    rf"[a-z]{{2,}}(?:ed|s)\b")
ORG_WORDS = re.compile(
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


def person_like(name: str | None) -> bool:
    """Whether ``name`` may be the antecedent of 'he' or 'she': not an organisation, a group,
    a place word or a nationality ('Trump University', 'Republican Party', 'Democratic')."""
    if not name or name.islower():
        return False
    last = name.split()[-1]  # a person's name ends in a surname ('House Speaker Paul Ryan')
    return not (ORG_WORDS.fullmatch(last) or _NOT_PERSON_WORDS.fullmatch(last)
                or len(name.split()) == 1 and _NATIONALITY.match(name))


VERB_AFTER = re.compile(
    rf"(?:\s+(?:of|from)\s+{CAP}(?:\s+{CAP})*)?\s+(?:has\s+|had\s+|also\s+|then\s+)?"
    r"[a-z]+(?:ed|s)\b")
OPENING_MARKS = "\"\u201c\u2018\u00ab\u201e'"
DOUBLE_MARK = re.compile("[\"\u201c\u201d\u00ab\u00bb]")


GENERIC_INVERTED = re.compile(
    rf"\s*[,!?\u2014\u2013-]?\s*(?P<verb>[a-z]+ed)\s+(?P<name>{NAME})(?=\s*[.,;]|\s*$)")
# a clause-final cue ('…, he said.', '…, the rights group says.', '…, reported the Washington
# Examiner.'), maybe with a day after it
_FINAL_CUES = (r"said|says|say|added|adds|wrote|writes|explained|noted|argued|told reporters|"
               r"insisted|warned|reported|reports|commented")
_FINAL_NP = (r"(?:the|a|an|one|her|his|their|its|some|many|several|two|three)\s+"
             r"(?:(?!(?:was|is|were|are|had|has|have|would|will|could|when|that|who)\b)"
             r"[\w\-\u2019']+\s+){0,4}?[\w\-\u2019']+")
# after an inverted cue only a titled name ('reported the Washington Examiner'): 'said the days
# when' is the writer's words
FINAL_TITLED = r"(?-i:the|The)\s+(?:[A-Z][\w\-\u2019']*\s+){0,4}[A-Z][\w\-\u2019']*"
_FINAL_DAY = (r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
              r"yesterday|today|last\s+\w+))?")
FINAL_CUE = re.compile(
    rf",\s+(?:(?P<pron>he|she|they)|(?P<name>{NAME})|(?P<nom>{_FINAL_NP}))\s+"
    rf"(?P<cue>{_FINAL_CUES}){_FINAL_DAY}(?=\s*[.;!?]|\s*$)"
    rf"|,\s+(?P<icue>{_FINAL_CUES})\s+(?:(?P<iname>{NAME})|(?P<inom>{FINAL_TITLED}))"
    rf"{_FINAL_DAY}(?=\s*[.;!?]|\s*$)")


# what may precede a quote that still opens its sentence ('But “...', 'Then, "...')
OPENER_ONLY = re.compile(r"\s*(?:(?:But|And|Then|Still|Yet|So|Also|Plus|Later|Again|Or|"
                         r"Instead|However|Now|Moreover|Indeed|Otherwise)"
                         r"\b,?\s*)?")
NAME_APPOSITIVE = re.compile(rf"\s*{NAME},\s+(?-i:[a-z])[^\u201c\u201d\"]*,\s*$")
BARE_NP = re.compile(r"\s*,?\s*((?-i:[a-z][a-z\-]+)(?:\s+(?-i:[a-z][a-z\-]+)){0,2})\s+")
BY_GERUND = re.compile(r"\b(?:by|while|before|after|when)\s+(?:\w+ly\s+)?$")
CLOSED_SENTENCE = re.compile(r"[.!?](?:[\"\u201d]|'')\s+(?=[A-Z])")
RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom)\b", re.I)
# the end of a clause-final cue, maybe after a short time or place phrase ("said after the attacks.")
CLAUSE_END = re.compile(r"(?:\s+(?:on|in|at|after|during|before|last|this|late|early|yesterday|"
                        r"today|\w+day)\b[^,;.\u201c\u201d\"\n]{0,40})?\s*(?:[.;!?]|$)")
# a comma, maybe then a role ("Republican candidate"), right before a clause-final subject
TITLED_COMMA = re.compile(r",\s*(?:(?-i:[A-Z])(?:[a-z]+|[A-Z]+)\s+(?-i:[a-z])[a-z]+\s+)?$")
# a signature line under a quote-only paragraph: '- Sanders.', '-Michelle Marks, Philadelphia.'
DASH_SIGNATURE = re.compile(rf"\s*\n\s*[-\u2014\u2013]+[ \t]*(?P<name>{NAME})[ \t]*(?:[.,]|$)", re.M)
# what precedes a name introducing a quote with a colon in a digest item ('HEADLINE - Philip
# Bump: "...', 'More from Jones: "...'; PolNeAR train: HuffPollster round-ups)
DIGEST_COLON = re.compile(
    rf"(?:\s[-\u2014\u2013]|\b(?:More from|From))\s*(?P<name>{NAME}(?:\s+(?:and|&)\s+{NAME})?)"
    rf"\s*:$")
# ', explained CBS moderator Nancy Cordes: "': an inverted cue, a short role, a name, a colon
INVERTED_INTRO = re.compile(rf"\s+(?:(?:[A-Z]+|[a-z]+)\s+){{0,3}}?(?P<name>{NAME})\s*[:,]\s*")
COLON_CLAUSE = re.compile(
    r"(?:^|(?<=[,\n])\s*|(?<=\bthat )|(?<=[.!?] ))(?P<nom>(?-i:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|"
    r"[Ii]ts)(?:\s+[\w\-\u2019']+){1,5}?)\s+(?:could|would|will|was|is|has|had|goes|went|"
    r"(?-i:[a-z]+(?:es|ed)))\b[^,:;.\u201c\u201d\"]{0,40}:\s*$")
SAY_VERBS = frozenset(_LEXICON["en"].get("say_verbs", []))
NOUN_HOMOGRAPHS = frozenset(
    "claims claim states calls reports notes remarks comments tweets posts responses replies "
    "warnings promises pledges vows urges words answers estimates".split())
NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|many|these|those|such|some|any|all|several|"
    r"other|both|new|united|such|Republican|Democratic)|[\u2019']s?)(?:\s+[A-Za-z\-]+)?\s+$")


_POSSESSOR_PREFIX = re.compile(r"^(?:\S+[\u2019']s\s+)+(?=[A-Z])")
_TITLE_PREFIX = re.compile(rf"^(?:(?:{TITLES})\.\s+|(?:{TITLE_WORDS})\s+)+")


def clean_name(surface: str) -> str:
    """A name mention without possessor, title or qualified title ('Russian President ...')."""
    # "Fox's Chris Wallace" -> "Chris Wallace"
    surface = _POSSESSOR_PREFIX.sub("", surface.strip())
    surface = _TITLE_PREFIX.sub("", surface.strip())
    # "Russian President Vladimir Putin", "House Speaker Paul Ryan": a qualified title
    surface = _QUALIFIED_TITLE.sub("", surface)
    return surface.strip(" ,.\u2019'")


_QUALIFIED_TITLE = re.compile(
    rf"^(?:[A-Z][\w.\u2019'\-]*\s+){{1,3}}?(?:{TITLE_WORDS})\s+(?=[A-Z][\w.\u2019'\-]*)")


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


def is_name(surface: str, text: str = "") -> bool:
    """Whether ``surface`` may be a name: not only sentence openers, no bad words, no trailing
    possessive; ``text`` (the article) tells -ing names from participles (see ``_bad_word``)."""
    words = surface.split()
    return bool(words) and not all(w.strip(".,") in NOT_NAMES for w in words) and \
        words[-1].strip(".,") not in NOT_NAMES and \
        not any(_bad_word(w.strip(".,"), text) for w in words) and \
        not re.search(r"[\u2019']s?$", words[-1])


_FIRST_WORD = re.compile(r"(\S+)\s+")
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{2,}\.\s+")


def strip_leading(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop sentence-initial non-name words ("Later Kim" -> "Kim")."""
    while True:
        m = _FIRST_WORD.match(text[s:e])
        if not m or m.group(1).strip(".,") not in NOT_NAMES:
            return s, e
        s += m.end()


DET_NOUN_PHRASE = re.compile(
    r"(?:The|A|An|the|a|an)\s+(?:[A-Z][a-z\-]+\s+){1,2}(?:[a-z][a-z\-]+)(?=\s+(?:has\s+|had\s+|"
    r"also\s+|then\s+|later\s+|was\s+|is\s+|would\s+|will\s+|\w+ly\s+)?[a-z]+(?:ed|s)\b)")
# a negated verb of saying after the subject: 'he isn't mentioning the “kill-yourself” orders',
# 'she never used the word “...”': words the subject did not say
NEGATED_VERB = re.compile(r"(?:n[\u2019']t|\bnot|\bnever)\s+(?:\w+ly\s+)?(?:mention|say|said|use|"
                          r"used|using|utter|call|called|calling|refer|referred|referring)\w*\b")
SUBORDINATE_SUBJECT = re.compile(
    rf"\s*(?:When|After|As|While|Before|If|Although|Though|Since|Once|Because|Until)\s+"
    rf"(?P<name>{NAME})\s+(?-i:[a-z])[^,\u201c\u201d\"]{{0,80}},\s*$")
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


def in_headline_line(text: str, at: int, seen: dict[int, bool],
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


def name_words(surface: str, text: str = "") -> list[str]:
    """The words of the name that a ``NAME_RE`` match gives for ``Article.names`` (fewer
    than two: no name)."""
    s, e = strip_leading(surface, 0, len(surface))
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
    while words and (words[0] in NOT_NAMES or _bad_word(words[0], text)
                     or words[0] in CUE_SET):  # 'Stated Stone:' is no name
        words = words[1:]
    return [w for w in words if w not in NOT_NAMES]

