"""One speaker across the corpus: "Putin" in one article, "Vladimir Putin" in another.

Attribution names each quotation's speaker within its article (``quotes.speaker``). Without an
actor registry, the same person named two ways in two articles would be two speakers in a
share-of-voice table. Two rules, run in order, merge only what cannot be two people:

1. ``spelling``: names that differ only in case, hyphens, full stops or spacing ("Kim Jong-un",
   "Kim Jong Un") or in a middle initial ("Donald J. Trump", "Donald Trump") are one speaker,
   shown under their most frequent form (ties: alphabetical). Middle initials are ignored only
   when the corpus has one set of them for that name: with "George W. Bush" and "George H. W.
   Bush" both present, none of the Bushes is merged across initials.
2. ``modifier``: a name that is a word written before another name of the corpus, where that
   word is no given name ("Republican Donald Trump", "Real Donald Trump" -> "Donald Trump"),
   is that name, when that name opens on a listed given name (``given_names.yml``); a given
   name first ("Mary Ann Smith" and "Ann Smith") may be another person, and a name that opens on
   an unlisted word ("Lily Eskelsen García" and "Eskelsen García") may have its given name
   missing: both are left.
3. ``surname``: a one-word name ("Putin") joins the full name ending in that word ("Vladimir
   Putin") ONLY when exactly one full name in the corpus carries it. With "Bill Clinton" and
   "Hillary Clinton" both present, "Clinton" is kept as a speaker of its own and nothing is
   merged. A title before the surname ("Mr. Rubio", "Representative Brooks") is no full name
   and carries nothing.

Only person speakers are merged (``speaker_type`` "person" when the column is there), and only
names that look like names: the one-word form and the first and last word of a full name start
with a capital letter, so "the russian leader" never absorbs "Leader". Caveat: the surname is
the last word, as in English; a Korean name written family name first ("Kim" for "Kim Jong
Un") is not merged by rule 3.

>>> import pandas as pd
>>> quotes = pd.DataFrame({"speaker": ["Vladimir Putin", "Putin", "Kim Jong-un", "Kim Jong Un",
...                                    "Kim Jong Un"], "speaker_type": "person"})
>>> merged = merge_speakers(quotes)
>>> merged[["speaker_form", "speaker"]].values.tolist()
[['Vladimir Putin', 'Vladimir Putin'], ['Putin', 'Vladimir Putin'], ['Kim Jong-un', 'Kim Jong Un'], ['Kim Jong Un', 'Kim Jong Un'], ['Kim Jong Un', 'Kim Jong Un']]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pandas as pd

from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.names import TITLE_WORDS, TITLES
from newsprism.quotes.written_form import case_key

MERGE_COLUMNS = ["speaker", "corpus_speaker", "rule"]
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013.]+")
_TITLE = re.compile(rf"(?:{TITLES})\.?|{TITLE_WORDS}|Representative")


def spelling_key(name: str) -> str:
    """The name folded for comparison: lower case, hyphens, full stops and spaces as one space.

    >>> spelling_key("Kim Jong-un"), spelling_key("KIM  Jong Un.")
    ('kim jong un', 'kim jong un')
    """
    return _SEPARATORS.sub(" ", case_key(name)).strip()


def without_middle_initials(key: str) -> str:
    """A :func:`spelling_key` without its one-letter middle words (first and last word kept).

    >>> without_middle_initials("donald j trump"), without_middle_initials("j smith")
    ('donald trump', 'j smith')
    """
    words = key.split()
    return " ".join(words[:1] + [w for w in words[1:-1] if len(w) > 1] + words[1:][-1:])


def _spelling_group(name: str, initials_by_key: dict[str, set[str]]) -> str:
    key = spelling_key(name)
    bare = without_middle_initials(key)
    # two different sets of initials (George W. / George H. W. Bush) may be two people
    return bare if len(initials_by_key[bare] - {bare}) <= 1 else key


def _looks_like_name(name: str) -> bool:
    words = str(name).split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def spelling_rule(counts: Counter) -> dict[str, str]:
    """Each name -> the most frequent name with the same :func:`spelling_key` (only where they
    differ)."""
    initials_by_key: dict[str, set[str]] = {}
    for name in counts:
        key = spelling_key(name)
        initials_by_key.setdefault(without_middle_initials(key), set()).add(key)
    groups: dict[str, list[str]] = {}
    for name in counts:
        groups.setdefault(_spelling_group(name, initials_by_key), []).append(name)
    merged = {}
    for names in groups.values():
        shown = sorted(names, key=lambda n: (-counts[n], n))[0]
        merged.update({n: shown for n in names if n != shown})
    return merged


def modifier_rule(counts: Counter) -> dict[str, str]:
    """Each name that is one word before another name of two words or more (same
    :func:`spelling_key` after it) -> that name, when that name opens on a given name and the
    word is none ("Republican Donald Trump" -> "Donald Trump"; "Mary Ann Smith" stays)."""
    by_key = {spelling_key(n): n for n in counts if _looks_like_name(n)}
    merged = {}
    for name in counts:
        _, _, rest = spelling_key(name).partition(" ")
        shorter = by_key.get(rest)
        if shorter and " " in rest and _looks_like_name(name) and _given(shorter) and \
                not _given(name):
            merged[name] = shorter
    return merged


def _given(name: str) -> bool:
    """Whether the FIRST word of ``name`` is a listed given name (``given_name_gender`` alone
    would find 'Donald' in 'Republican Donald Trump')."""
    words = str(name).split()
    return given_name_gender(f"{words[0]} {words[-1]}") is not None


def _titled(name: str) -> bool:
    """'Mr. Rubio', 'Unlike Mr. Rubio', 'Representative Brooks': a title before the surname."""
    words = str(name).split()
    return len(words) >= 2 and _TITLE.fullmatch(words[-2]) is not None


def surname_rule(counts: Counter) -> dict[str, str]:
    """Each one-word name -> the only full name of the corpus whose last word it is (same
    :func:`spelling_key`); nothing when no full name, or two or more, carry it."""
    carriers: dict[str, list[str]] = {}
    for name in counts:
        words = spelling_key(name).split()
        if len(words) >= 2 and _looks_like_name(name) and not _titled(name):
            carriers.setdefault(words[-1], []).append(name)
    merged = {}
    for name in counts:
        key = spelling_key(name)
        if " " in key or not _looks_like_name(name):
            continue
        full = carriers.get(key, [])
        if len(full) == 1:
            merged[name] = full[0]
    return merged


# Ordered: spelling variants are one name, and a modifier before a name is that name, before
# a surname is looked up among full names.
RULES: list[tuple[str, Callable[[Counter], dict[str, str]]]] = [
    ("spelling", spelling_rule), ("modifier", modifier_rule), ("surname", surname_rule)]


def corpus_speaker_map(speakers: pd.Series) -> pd.DataFrame:
    """One row per merged name: ``speaker`` (as attribution named it), ``corpus_speaker`` (the
    name it is counted under) and ``rule`` (the rules that merged it, in order). ``speakers``: the
    person speakers of every quotation (repeats count: the most frequent form is shown).

    >>> corpus_speaker_map(pd.Series(["Bill Clinton", "Hillary Clinton", "Clinton"])).empty
    True
    """
    counts = Counter(str(s) for s in speakers.dropna() if str(s).strip())
    mapping: dict[str, tuple[str, str]] = {}
    for rule, apply in RULES:
        current = Counter()
        for name, n in counts.items():
            current[mapping.get(name, (name, ""))[0]] += n
        step = apply(current)
        for name in counts:
            target, first = mapping.get(name, (name, ""))
            if target in step:
                mapping[name] = (step[target], f"{first}, {rule}" if first else rule)
    rows = [(name, target, rule) for name, (target, rule) in sorted(mapping.items())]
    return pd.DataFrame(rows, columns=MERGE_COLUMNS)


def merge_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with ``speaker`` replaced by its corpus speaker (see :func:`corpus_speaker_map`)
    and the name attribution gave kept as ``speaker_form``. Speakers that are not persons
    (``speaker_type`` other than "person") and empty speakers are left as they are.
    """
    speakers = quotes["speaker"] if "speaker" in quotes.columns else pd.Series(
        None, index=quotes.index, dtype=object)
    person = speakers.notna()
    if "speaker_type" in quotes.columns:
        person &= quotes["speaker_type"].fillna("person") == "person"
    table = corpus_speaker_map(speakers[person])
    lookup = dict(zip(table["speaker"], table["corpus_speaker"], strict=True))
    merged = speakers.where(~person, speakers.map(lambda s: lookup.get(s, s)))
    return quotes.assign(speaker_form=speakers, speaker=merged)
