"""Descriptions as the article writes them: 'sources close to the Russian military', 'Richmond police'.

Attribution compares a description speaker ('a White House official', 'Richmond police') on a
lowercased canonical form, so its rules can tell a description from a name. A reader should
not see that form (issue 18 names "sources close to the russian military" as what must not
appear): ``written_speakers(quotes, text)``, the last step of extraction, gives each such
speaker back the article's own wording, with a sentence-initial capital folded only when the
first word is a common word (a determiner or quantifier, a role or group noun, or a word the
article writes in lowercase elsewhere): "Sources close to the Russian military said" ->
'sources close to the Russian military', "The senator said" -> 'the senator', "Richmond
police said" -> 'Richmond police'. Variants of one description in an article are compared on
:func:`case_key` and shown in one written form (the most frequent; ties: the first written).

>>> text = 'Sources close to the Russian military said "no." Later, "yes," sources close to ' \\
...        'the Russian military said.'
>>> from types import SimpleNamespace as Q
>>> qs = [Q(speaker="sources close to the russian military", speaker_start=0, speaker_end=38,
...         speaker_surface="Sources close to the Russian military")]
>>> [q.speaker for q in written_speakers(qs, text)]
['sources close to the Russian military']
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from newsprism.quotes.np_sources import NP_HEADS
from newsprism.quotes.roles import ROLES

if TYPE_CHECKING:  # extraction runs in workers that import no table library
    import pandas as pd

# determiners, quantifiers and possessives that open a description ('Some officials', 'Two
# sources', 'His spokesman')
_COMMON_OPENERS = frozenset(
    "a an the this that these those some many most several few one two three four five six "
    "seven eight nine ten another other both all each every no any such his her its their our "
    "my your".split())
_COMMON_NOUNS = frozenset(w.lower() for w in NP_HEADS.split("|")) | \
    frozenset(w.lower() for w in ROLES)
# what may stand before a sentence's first word: spaces, opening quotes and brackets
_OPENING = " \t\u00a0\"'\u201c\u2018([\u2014\u2013-"


def case_key(speaker: object) -> str:
    """The one key on which variants of a speaker are compared: spaces collapsed, case folded.

    >>> case_key("Sources close to  the Russian military") == case_key(
    ...     "sources close to the russian military")
    True
    """
    return " ".join(str(speaker).split()).casefold()


def sentence_initial(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence of ``text``: nothing before it but spaces, opening
    quotes or brackets since the start of the text, a line break or a sentence's end."""
    i = at
    while i > 0 and text[i - 1] in _OPENING:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n\u2026\u201d\u2019"


def common_word(word: str, text: str) -> bool:
    """Whether ``word`` (capitalised) is a common word: a determiner or quantifier, a role or
    group noun ('Officials', 'Police'), or written in lowercase elsewhere in ``text``."""
    low = word.lower()
    return low in _COMMON_OPENERS or low in _COMMON_NOUNS or \
        re.search(rf"(?<![\w\-]){re.escape(low)}(?![\w\-])", text) is not None


def fold_initial(form: str, text: str, at: int | None) -> str:
    """``form`` (a description as written at ``at`` in ``text``) with its first letter
    lowercased when it opens a sentence and its first word is a common word; else unchanged.

    >>> t = "Richmond police said so. Police said so too."
    >>> fold_initial("Richmond police", t, 0), fold_initial("Police", t, 25)
    ('Richmond police', 'police')
    """
    first = form.split()[0] if form.split() else ""
    if at is None or not first[:1].isupper() or first[1:] != first[1:].lower() or \
            not sentence_initial(text, at) or not common_word(first, text):
        return form
    return form[:1].lower() + form[1:]


def _written(q, text: str) -> str | None:
    """The description speaker of ``q`` as the article writes it in its mention, or None when
    the mention does not hold it (a pronoun resolved to it, 'the author')."""
    surface = q.speaker_surface or ""
    words = surface.split()
    joined = " ".join(words)
    k = joined.lower().find(q.speaker)
    if k < 0 or len(joined) != len(joined.lower()) or k and joined[k - 1] != " ":
        return None
    form = joined[k:k + len(q.speaker)]
    at = None
    if q.speaker_start is not None and k == 0:
        at = q.speaker_start + len(surface) - len(surface.lstrip())
    return fold_initial(form, text, at) if at is not None else form


def written_speakers(quotes: list, text: str) -> list:
    """Each quotation (``Quote``) whose speaker is a lowercased description takes the written
    form of that description in the article (module docstring); names, actors and
    descriptions the article never writes as a mention ('the author') are left."""
    forms: dict[str, Counter] = {}
    for q in quotes:
        if q.speaker and q.speaker == q.speaker.lower():
            form = _written(q, text)
            if form:
                forms.setdefault(case_key(form), Counter())[form] += 1
    for q in quotes:
        if q.speaker and q.speaker == q.speaker.lower() and case_key(q.speaker) in forms:
            q.speaker = forms[case_key(q.speaker)].most_common(1)[0][0]
    return quotes


def merge_case_variants(speakers: pd.Series) -> pd.Series:
    """Each speaker as the most frequent of the forms sharing its :func:`case_key` (ties: the
    first in ``speakers``), so 'Richmond Police' in one article and 'Richmond police' in two
    others count as one speaker; missing values stay missing.

    >>> import pandas as pd
    >>> merged = merge_case_variants(pd.Series(["Richmond police", "Richmond Police",
    ...                                         "Richmond police", None]))
    >>> merged[:3].tolist(), bool(merged.isna().iloc[3])
    (['Richmond police', 'Richmond police', 'Richmond police'], True)
    """
    counts: dict[str, Counter] = {}
    for speaker in speakers.dropna():
        counts.setdefault(case_key(speaker), Counter())[speaker] += 1
    shown = {key: forms.most_common(1)[0][0] for key, forms in counts.items()}
    out = speakers.copy()
    present = speakers.notna()
    out[present] = [shown[case_key(s)] for s in speakers[present]]
    return out
