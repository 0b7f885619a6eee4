"""The strict speaker check of the PolNeAR validation: a predicted speaker is right when its
mention overlaps a gold Source span, or when its canonical name and the *head name* of a gold
Source agree as names.

The lenient check (``newsprism.quotes.validation``, the definition of issue 18's floor) also
accepts a speaker whose last word occurs anywhere in a gold Source: "United States" for the gold
"His critics in the United States", "campaign" for "Ted Cruz campaign pins". Here only the name
a Source's noun phrase is headed by counts:

- a Source is split into appositions and conjuncts (commas, parentheses, dashes, "and");
- each part is cut before its first post-modifier (a preposition or relative word after a
  lowercase noun: "critics | in the United States"; "Secretary of State John Kerry" keeps its
  title); leading determiners are dropped;
- its head name is the run of capitalised words that *ends* the part ("Clinton campaign
  chairman John Podesta" -> "John Podesta"); a part ending in a lowercase word ("Ted Cruz
  campaign pins", "A Clinton campaign official") has none, nor has a pronoun ("He");
- titles ("Mr.", "Sen.", "President") and a final possessive are dropped from both names;
  they agree when their last words are equal and every other word of the shorter name matches
  one of the longer ("Putin" ~ "Vladimir Putin", "Richard Durbin" ~ "Richard J. Durbin", an
  initial matches a word it begins; "Hillary Clinton" !~ "Bill Clinton").

A pronoun Source, or a description without a capitalised head ("prosecutors"), is matched by
span only. Caveat: a common noun capitalised because it opens the sentence ("Critics said")
reads as a name; it agrees only with a predicted speaker of the same word.

>>> from types import SimpleNamespace as NS
>>> pred = NS(speaker="United States", speaker_start=90, speaker_end=103)
>>> gold = NS(sources=[(0, 33)], source_texts=["His critics in the United States"])
>>> speaker_check(pred, gold)
''
>>> speaker_check(NS(speaker="Vladimir Putin", speaker_start=0, speaker_end=2),
...               NS(sources=[(50, 55)], source_texts=["Putin"]))
'head name agrees'
"""

from __future__ import annotations

import re

from newsprism.quotes.names import (
    ARTICLES,
    DEMONSTRATIVES,
    POSSESSIVE_DETERMINERS,
    QUANTIFIERS,
    TITLE_WORDS,
    TITLES,
)

_PRONOUNS = frozenset("he she they it i we him her them his its their you who".split())
_DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | QUANTIFIERS
# words that start a post-modifier of a noun: "critics in ...", "accounts linked to ..."
_POST_MODIFIERS = frozenset(
    "in of for at on with from to by about near among within without like who whom whose "
    "which that linked close familiar based according".split())
_TITLE_WORD_SET = frozenset(w.lower() for w in TITLE_WORDS.split("|") if " " not in w)
_TITLE_SET = frozenset(w.lower() for w in TITLES.split("|")) | {"mister", "miss"}
# apposition and coordination: each part may carry its own head name
_PARTS = re.compile(r"[,;()\[\]\u2014\u2013]|\s-\s|\s--\s|\band\b|\bor\b|&")
_TOKEN = re.compile(r"[^\s\"\u201c\u201d:]+")
_PARTICLES = frozenset("de da del van von bin al la le di dos du der den ben".split())
_POSSESSIVE = re.compile(r"[\u2019']s?$")


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _head_tokens(part: str) -> list[str]:
    """The words of ``part`` before its first post-modifier, without leading determiners."""
    tokens = _TOKEN.findall(part)
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    for i, token in enumerate(tokens):
        if token.lower() not in _POST_MODIFIERS or token[:1].isupper():
            continue
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        # "Secretary of State John Kerry": a capitalised title before "of" and a capital after
        if before.lower() in _TITLE_WORD_SET and _capitalised(before) and _capitalised(after):
            continue
        return tokens[:i]
    return tokens


def _final_run(tokens: list[str]) -> list[str]:
    """The capitalised words ending ``tokens`` (particles and initials inside), or []."""
    run: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        possessive = bool(_POSSESSIVE.search(token))
        if run and possessive:
            break  # "Fiorina's High-Stakes Battle": the possessor is not the head
        if _capitalised(token) or (run and token.lower() in _PARTICLES):
            run.insert(0, token)
            continue
        break
    if run and run[0].lower() in _PARTICLES:
        run = run[1:]
    return run


def name_words(name: str | list[str]) -> list[str]:
    """Casefolded words of a name without leading titles, possessives or edge punctuation.

    >>> name_words("Mr. Trump's")
    ['trump']
    >>> name_words("Sen. Richard J. Durbin")
    ['richard', 'j.', 'durbin']
    """
    tokens = _TOKEN.findall(name) if isinstance(name, str) else list(name)
    out = []
    for token in tokens:
        word = _POSSESSIVE.sub("", token).strip(",;:!?\"'()\u2019\u201c\u201d").casefold()
        bare = word.rstrip(".")
        # leading titles only: "King" and "Prince" end names too
        if not bare or not out and (bare in _TITLE_SET or bare in _TITLE_WORD_SET):
            continue
        out.append(word if len(bare) == 1 else bare)
    return out


def source_head_names(source: str) -> list[list[str]]:
    """The head name of each apposition or conjunct of a gold Source text (casefolded words,
    :func:`name_words`); [] for a pronoun or a description without a capitalised head.

    >>> source_head_names("Clinton campaign chairman John Podesta")
    [['john', 'podesta']]
    >>> source_head_names("Ted Cruz campaign pins"), source_head_names("He")
    ([], [])
    """
    heads = []
    for part in _PARTS.split(source):
        tokens = _head_tokens(part)
        if not tokens or all(t.lower().strip(".,") in _PRONOUNS for t in tokens):
            continue
        words = name_words(_final_run(tokens))
        if words and words not in heads:
            heads.append(words)
    return heads


def _word_matches(short: str, long_words: list[str]) -> bool:
    if short.endswith(".") and len(short) == 2:  # an initial
        return any(w.startswith(short[0]) for w in long_words)
    return any(w == short or (w.endswith(".") and len(w) == 2 and short.startswith(w[0]))
               for w in long_words)


def names_agree(a: list[str], b: list[str]) -> bool:
    """Same last word, and every other word of the shorter name found in the longer one.

    >>> names_agree(["putin"], ["vladimir", "putin"]), names_agree(["hillary", "clinton"],
    ...                                                             ["bill", "clinton"])
    (True, False)
    """
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = sorted((a, b), key=len)
    return all(_word_matches(w, long_[:-1]) for w in short[:-1])


# --- rules, run in order: the first that decides names the reason -----------------------------

def rule_mention_overlaps(pred, gold) -> bool:
    """The predicted mention (a pronoun stays a pronoun span) overlaps a gold Source span."""
    return any(min(fe, pred.speaker_end) > max(fs, pred.speaker_start) for fs, fe in gold.sources)


def rule_head_name_agrees(pred, gold) -> bool:
    """The canonical speaker agrees as a name with the head name of a gold Source."""
    speaker = name_words(pred.speaker)
    return any(names_agree(speaker, head) for source in gold.source_texts
               for head in source_head_names(source))


SPEAKER_RULES = [("mention overlaps gold source", rule_mention_overlaps),
                 ("head name agrees", rule_head_name_agrees)]


def speaker_check(pred, gold) -> str:
    """The rule that makes ``pred``'s speaker right for ``gold`` (a ``GoldQuote``: ``sources``
    spans and ``source_texts``), or "" when it is wrong or missing."""
    if pred.speaker is None or pred.speaker_start is None:
        return ""
    return next((name for name, rule in SPEAKER_RULES if rule(pred, gold)), "")


def speaker_ok_strict(pred, gold) -> bool:
    """Whether ``pred``'s speaker is right for ``gold`` by the strict check (module docstring)."""
    return bool(speaker_check(pred, gold))
