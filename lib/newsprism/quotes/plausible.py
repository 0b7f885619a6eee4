"""The last check on every attribution: is the speaker a noun phrase a reader would accept?

A rule can reach past the speaker into the writer's words: an adverbial ('matter-of-factly as
confetti fluttered down'), a clause ('the candidate could be', "Rubio's campaign sent"), a
question's opening ('Does California'), a headline ('Kim Signals Strengthening Ties With
Russia'), a lone determiner ('the') or a newsroom label ('EDITOR: I would like to ...',
"Editor's Note:"). Issue 18 asks for "an abstention where it is not clear,
never a guess that a reader would catch": such a speaker is dropped (no speaker, type
``unknown``) and the quotation's ``rule`` records why (``"cue-after|abstain:clause"``), so the
quotes explorer shows it.

The checks are small named functions run in order (``CHECKS``); the first that finds a fault
names it. They read the canonical speaker (descriptions are still lowercased here, names are
not; ``written_form`` gives descriptions their written case afterwards), never invent or
change one. Verbs are read in every language of the cue lexicon
(``data/codebooks/cue_verbs.yml``: 'dijo', 'a déclaré', 'sagte', 'заявил'), as the attribution
rules read them.

>>> [implausible(s) for s in ("Kim Jong Un", "a senior official", "Richmond police",
...                           "matter-of-factly as confetti fluttered down",
...                           "the candidate could be", "Does California", "the", "EDITOR")]
['', '', '', 'adverbial', 'clause', 'question', 'determiner', 'label']
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.core.cue_lexicon import load_cue_lexicon
from newsprism.quotes.headline_names import headline_verb
from newsprism.quotes.names import ARTICLES, DEMONSTRATIVES
from newsprism.quotes.possessives import possessive_thing

_WORD = re.compile(r"[^\s]+")
_EDGE = ".,;:!?()[]\"'\u2018\u2019\u201c\u201d-\u2014\u2013"
_DETERMINERS = ARTICLES | DEMONSTRATIVES | {"so"}  # 'The so': a phrase cut before its noun
# '-ly' words that are adjectives of a noun phrase ('elderly residents', 'early voters')
_LY_ADJECTIVES = frozenset(
    "elderly early only family daily weekly monthly yearly friendly lonely likely holy ugly "
    "jolly silly curly wily burly costly lovely deadly kindly orderly italy".split())
# finite verbs and adverbs no noun phrase holds outside a relative clause
_FINITE = frozenset(
    "is are was were has have had will would could can should may might must did does do "
    "been being isn't wasn't don't doesn't didn't won't can't couldn't then somehow not "
    "come comes came make makes made took take takes sent went shrugged cast".split())
# cue words that are English nouns too ('the United States', 'the notes')
_NOUN_CUES = frozenset(
    "states notes claims tweets posts remarks comments replies answers reports statements "
    "warnings adds continues calls demands promises questions requests responses praises "
    "threats concerns cries shouts jokes boasts vows pledges attacks".split())
# a speaker opening with one is a subordinate clause or a prepositional phrase ('before trump's
# appearance', 'given j. k. rowling's love'); not 'that' ('that letter' is a noun phrase)
_SUBORDINATORS = frozenset(
    "before after given because if although though unless until since whereas".split())
_IRREGULAR_PASTS = frozenset("said says told tells wrote writes spoke thought".split())
_RELATIVE = frozenset("who whom whose which that".split())
_QUESTION_OPENERS = frozenset(
    "Do Does Did Is Are Was Were Has Have Had Can Could Would Should Why How What Where "
    "Whether".split())


@lru_cache(maxsize=1)
def cue_verb_words() -> frozenset[str]:
    """The words of the cue lexicon that are verbs in any noun phrase's place: every word of
    every other language's cue verbs ('a dit' gives 'dit'; words of three letters or fewer
    dropped), and the English ones in '-ed', '-s' or irregular pasts, but nouns ('claim',
    'warning', 'notes' are nouns too)."""
    lexicon = load_cue_lexicon()
    words = {w.lower() for language, block in lexicon.items() if language != "en"
             for verb in block["verbs"] for w in verb.split() if len(w) > 3}
    words |= {w.lower() for verb in lexicon["en"]["verbs"] for w in verb.split()
              if w.endswith(("ed", "s")) or w in _IRREGULAR_PASTS}
    return frozenset(words - _NOUN_CUES - {"according", "selon", "hinzu", "словам"})


def verb_at(words: list[str]) -> int | None:
    """The index of the first lowercase word after the first that is a finite verb or a cue
    verb of any language (a participle in '-ing' is a post-modifier: 'a man calling himself'),
    outside a relative clause ('a source who has seen'); None when there is none."""
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _RELATIVE and word[:1].islower():
            return None
        if word[:1].islower() and words[i - 1].lower() not in _DETERMINERS and (
                word in _FINITE or word in cue_verb_words() and not word.endswith("ing")):
            return i  # (after a determiner it is a noun: 'the accused')
    # a last word in '-ed' after a possessor's noun ("Grayson's spokeswoman challenged"; 'a
    # source involved' is a noun phrase)
    last = words[-1] if len(words) >= 3 else ""
    if last[:1].islower() and last.endswith("ed") and \
            any(w.endswith(("'s", "\u2019s")) for w in words[:-2]):
        return len(words) - 1
    return None


def finite_word(word: str) -> bool:
    """Whether ``word`` is a finite verb or an adverb no noun phrase holds ('was', 'then')."""
    return word in _FINITE


def _words(speaker: str) -> list[str]:
    return [w.strip(_EDGE) for w in _WORD.findall(speaker) if w.strip(_EDGE)]


def check_determiner(speaker: str) -> bool:
    """Nothing but determiners: 'the', 'a', 'the so-'."""
    return all(w.lower() in _DETERMINERS for w in _words(speaker))


def check_adverbial(speaker: str) -> bool:
    """A lowercase speaker opening with an adverb in '-ly' ('matter-of-factly as confetti
    fluttered down') or a subordinator ('before trump's appearance'); 'while', 'in', 'but' are
    left ('while Sanders's clarion call': the phrase after them often names the speaker)."""
    words = _words(speaker)
    first = words[0] if words else ""
    return first[:1].islower() and (first.endswith("ly") and first not in _LY_ADJECTIVES or
                                    first in _SUBORDINATORS and len(words) > 1)


def check_degree_adverb(speaker: str) -> bool:
    """A phrase cut off after a degree word and an adverb, before its noun ("trump's most
    famously (false contention)")."""
    words = _words(speaker)
    return len(words) >= 2 and words[-2].lower() in ("most", "more", "least", "less", "very") \
        and words[-1][:1].islower() and words[-1].endswith("ly") and \
        words[-1] not in _LY_ADJECTIVES


def check_open_bracket(speaker: str) -> bool:
    """A bracket opened and never closed: the rule ran into an aside ('his interns (', 'a
    resonant issue (the anti-Washington feeling')."""
    return speaker.count("(") > speaker.count(")")


def check_clause(speaker: str) -> bool:
    """A lowercase word after the first that is a finite verb or a cue verb of any language,
    outside a relative clause ('a source who has seen' is a noun phrase): 'the candidate could
    be', 'the eyewitness ... he describes'; or a last word in '-ed' after a possessor's noun
    ("Grayson's spokeswoman challenged")."""
    return verb_at(_words(speaker)) is not None


def check_compound_adjective(speaker: str) -> bool:
    """A compound adjective as the whole speaker: 'Maryland-based', 'Multi-compartment' (a
    lowercase word after a hyphen ends it; 'Montoya-Lewis' is a name)."""
    words = _words(speaker)
    return len(words) == 1 and re.search(r"-(?-i:[a-z])[a-z]+$", words[0]) is not None \
        and words[0][:1].isupper()


def check_question(speaker: str) -> bool:
    """A question's opening taken as a name: 'Does California', 'Was Szlachta', 'Do'; or an
    interrogative noun phrase: 'which iowa county (was his favorite)'."""
    words = _words(speaker)
    return bool(words) and (words[0] in _QUESTION_OPENERS or
                            words[0] in ("which", "what", "whose", "whether", "how", "why"))


def check_headline(speaker: str) -> bool:
    """A title-case headline: four or more capitalised words with a headline verb inside ('Kim
    Signals Strengthening Ties With Russia', 'Pastor Wants Girl Scout Leaders ...')."""
    words = _words(speaker)
    if sum(w[:1].isupper() for w in words) < 4:
        return False
    return any(headline_verb(w) or w in ("Signals", "Wants", "Calls", "Urges", "Vows")
               for w in words[1:])


# newsroom labels and section heads a line opens with ('EDITOR: I would like to ...', 'EDITOR'S
# NOTE:', 'CAUGHT: ...', 'Film Review: ...'): never a speaker, in capitals or title case
_LABELS = frozenset(
    "editor editors editor's editorial note update updated updates caught breaking exclusive "
    "watch listen read opinion analysis correction corrections video photos photo credit "
    "disclaimer warning alert live sponsored advertisement related film book movie review "
    "reviews".split())


def check_label(speaker: str) -> bool:
    """A newsroom label or section head, every word capitalised ('EDITOR', "EDITOR'S NOTE",
    'CAUGHT', 'Film Review'); 'the editor' is a speaker."""
    words = _words(speaker)
    return bool(words) and all(w[:1].isupper() and w.lower().replace("\u2019", "'") in _LABELS
                               for w in words)


# the order they are tried: the first that fires names the abstention
CHECKS = (("determiner", check_determiner), ("label", check_label),
          ("adverbial", check_adverbial), ("question", check_question), ("headline", check_headline),
          ("compound-adjective", check_compound_adjective),
          ("possessive-thing", possessive_thing), ("degree-adverb", check_degree_adverb),
          ("open-bracket", check_open_bracket), ("clause", check_clause))


def implausible(speaker: str | None) -> str:
    """The name of the first of ``CHECKS`` that ``speaker`` fails, or "" (a plausible speaker,
    or none at all)."""
    if not speaker or not speaker.strip():
        return ""
    return next((name for name, check in CHECKS if check(speaker)), "")


def abstain_implausible(quotes: list) -> list:
    """Each quotation (``Quote``) whose speaker fails a check loses it: ``speaker`` None,
    ``speaker_type`` "unknown", and ``rule`` records the fault after the rule that found the
    speaker (``"cue-after|abstain:clause"``); the mention found stays (``speaker_surface``,
    ``speaker_start``, ``speaker_end``), as for the rules' own abstentions, so the explorer
    shows it. Never gives or changes a speaker otherwise."""
    for q in quotes:
        fault = implausible(q.speaker)
        if fault:
            q.speaker = None
            q.speaker_type = "unknown"
            q.rule = f"{q.rule}|abstain:{fault}"
    return quotes
