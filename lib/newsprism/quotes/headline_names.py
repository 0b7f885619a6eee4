"""A headline taken as a name: 'Donald Trump Praises Breitbart’s Washington Political Editor
Matthew Boyle' is a title-case headline, not a speaker. A name candidate with a title-case
headline verb inside (Praises, Says, Slams) names its subject, the words before the verb, when
the verb reports or endorses (a cue); on a title-case headline line a run of more than
``MAX_NAME_WORDS`` capitalised words is no person's name (the quotation gets no speaker).

>>> name_in_headline("Donald Trump Praises Breitbart’s Washington Political Editor Matthew Boyle")
'Donald Trump'
>>> name_in_headline("Clinton Senior Adviser Sidney Blumenthal")
'Clinton Senior Adviser Sidney Blumenthal'
>>> name_in_headline("Budget Deal Brings Relief For Small Town Mayors Today") is None
True
>>> name_in_headline("New York City Public Advocate Trish James", on_headline=False)
'New York City Public Advocate Trish James'
"""

from __future__ import annotations

from newsprism.quotes.names import CUE_SET

# headline verbs that are no cue of the lexicon (the reporting ones are: Says, Praises, Warns)
HEADLINE_VERBS = frozenset(
    "slams blasts endorses sides pins rips knocks defends attacks hits backs".split())
MAX_NAME_WORDS = 5


def headline_verb(word: str) -> bool:
    """Whether a capitalised word inside a name is a headline verb ('Praises', 'Slams'): a
    present-tense cue verb or one of ``HEADLINE_VERBS`` (a surname like 'Sanders' is neither)."""
    low = word.lower()
    return word[:1].isupper() and low.endswith("s") and (low in CUE_SET or low in HEADLINE_VERBS)


def name_in_headline(surface: str, on_headline: bool = True) -> str | None:
    """``surface`` when it may be a name; the words before a headline verb inside it (see
    module docstring); None when it is a run of more than ``MAX_NAME_WORDS`` capitalised words
    on a title-case headline line (``on_headline``: off it, 'New York City Public Advocate
    Trish James said' is a title and a name, which ``clean_name`` and the checks read)."""
    words = surface.split()
    verb = next((i for i, w in enumerate(words) if i and headline_verb(w)), None)
    if verb is not None:
        return " ".join(words[:verb])
    if on_headline and sum(w[:1].isupper() for w in words) > MAX_NAME_WORDS:
        return None
    return surface
