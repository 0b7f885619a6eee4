"""The units codebook of numeric claims: what a number counts and what a date dates.

A researcher edits YAML (``newsprism/data/codebooks/claims_units_generic.yml``, any story;
``claims_units.yml``, the bundled story's; the format is documented in their headers); this
module checks it and compiles it into a :class:`ClaimUnits` that
:mod:`newsprism.compare.claims` applies. A malformed codebook raises
:class:`ClaimUnitsError` naming the file, the key and the reason.

>>> book = load_claim_units("generic")
>>> book.count_unit("12 people were killed in the flood.", 0, 2)
'people killed'
>>> book.count_unit("12 were killed.", 0, 2), load_claim_units("story").count_unit("12 were killed.", 0, 2)
('were', 'troops killed')
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from newsprism.core import paths
from newsprism.core.yaml_io import load_yaml, syntax_error_message

# Names a parameter may give instead of a path (the library's default is the story's).
NAMED_UNITS = {"generic": "claims_units_generic.yml", "story": "claims_units.yml"}
DEFAULT_UNITS = "story"
_SHIPPED = {name: str((paths.CODEBOOKS / file).resolve()) for name, file in NAMED_UNITS.items()}
_UNIT_KEYS = {"unit", "nouns", "then", "alone", "before", "within", "compare"}
_FOLLOWING_WORD = re.compile(r"\s*(?:of\s+)?([A-Za-z][\w\-]*)")


class ClaimUnitsError(ValueError):
    """A malformed units codebook; the message names the file, the key and the reason."""


@dataclass(frozen=True)
class CountUnit:
    """One unit of counts: its name, the pattern matched after the number, the signs before
    it, and whether its claims are compared across outlets (see the codebook header)."""

    unit: str
    after: re.Pattern | None
    before: re.Pattern | None
    compare: bool = True


@dataclass(frozen=True, eq=False)
class ClaimUnits:
    """A compiled units codebook. ``counts`` is ordered: the first unit that matches wins.
    Compared and hashed by identity (a loaded file is cached): a key of the sentence memo."""

    name: str
    source: str
    counts: tuple[CountUnit, ...]
    events: tuple[tuple[str, re.Pattern], ...]
    occasions: tuple[tuple[str, re.Pattern], ...]

    @property
    def known_units(self) -> frozenset[str]:
        """The count units the codebook names (claims of other words are not compared)."""
        return frozenset(rule.unit for rule in self.counts)

    @property
    def compared_units(self) -> frozenset[str]:
        """The count units whose claims are grouped across outlets (``compare`` not false)."""
        return frozenset(rule.unit for rule in self.counts if rule.compare)

    @property
    def event_units(self) -> frozenset[str]:
        """Date units of an event without an occasion ("date of letter")."""
        return frozenset(f"date of {event}" for event, _ in self.events)

    def count_unit(self, sentence: str, start: int, end: int) -> str:
        """The unit of the number at ``sentence[start:end]``: the first codebook unit that
        matches, else the word after it (a unit no codebook names, not compared)."""
        after = sentence[end:end + 60].lower()
        before = sentence[max(0, start - 4):start]
        for rule in self.counts:
            if rule.before is not None and rule.before.search(before):
                return rule.unit
            if rule.after is not None and rule.after.match(after):
                return rule.unit
        following = _FOLLOWING_WORD.match(sentence, end)
        return following.group(1).lower() if following else ""

    def date_unit(self, context: str) -> str:
        """"date of [occasion ]event" from the words around a date (lower case), or "date"."""
        event = next((name for name, p in self.events if p.search(context)), "")
        if not event:
            return "date"
        occasion = next((name for name, p in self.occasions if p.search(context)), "")
        return f"date of {occasion + ' ' if occasion else ''}{event}"


def resolve_units_path(value: str | Path | None = None) -> Path:
    """A shipped name (``generic``, ``story``; empty: the library default) or a YAML path.

    >>> resolve_units_path("generic").name, resolve_units_path("").name
    ('claims_units_generic.yml', 'claims_units.yml')
    """
    text = str(value or "").strip() or DEFAULT_UNITS
    try:
        found = paths.codebook_file(text, NAMED_UNITS)
    except FileNotFoundError as missing:
        raise ClaimUnitsError(f"claims units codebook not found: {missing}") from None
    if found is not None:
        return found
    raise ClaimUnitsError(f"unknown claims units codebook {text!r}: give a name "
                          f"({', '.join(sorted(NAMED_UNITS))}) or a path to a YAML file")


def is_default_units(value: str | Path | ClaimUnits | None) -> bool:
    """Whether ``value`` names the library default codebook (the one the annotation step's
    claims table is made with).

    >>> is_default_units(None), is_default_units("story"), is_default_units("generic")
    (True, True, False)
    """
    if isinstance(value, ClaimUnits):
        return value is load_claim_units()
    return resolve_units_path(value).resolve() == resolve_units_path(None).resolve()


def load_claim_units(value: str | Path | ClaimUnits | None = None) -> ClaimUnits:
    """The compiled codebook named by ``value`` (see :func:`resolve_units_path`); an edited
    file is read again (cached on path, modification time and size)."""
    if isinstance(value, ClaimUnits):
        return value
    text = str(value or "").strip() or DEFAULT_UNITS
    # A shipped name skips path resolution: the annotation step asks once per article.
    path = _SHIPPED.get(text) or str(resolve_units_path(text).resolve())
    stat = os.stat(path)
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> ClaimUnits:
    return parse_claim_units(Path(path).read_text(encoding="utf-8"), source=path)


def parse_claim_units(text: str, source: str = "<string>") -> ClaimUnits:
    """Check and compile a units codebook from YAML text (see the shipped files' headers)."""
    where = Path(source).name if source != "<string>" else source
    try:
        data = load_yaml(text, source=where)
    except yaml.YAMLError as error:
        raise ClaimUnitsError(f"{where}: {syntax_error_message(error)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("counts"), dict):
        raise ClaimUnitsError(f"{where}: the codebook must be a mapping with a 'counts' mapping")
    counts = data["counts"]
    modifiers = counts.get("modifiers", 3)
    if not isinstance(modifiers, int) or isinstance(modifiers, bool) or not 0 <= modifiers <= 6:
        raise ClaimUnitsError(f"{where}: counts.modifiers: must be a whole number from 0 to 6")
    blocked = _words(counts.get("not_modifiers"), f"{where}: counts.not_modifiers", empty=True)
    lead = _lead(modifiers, blocked)
    raw_units = counts.get("units")
    if not isinstance(raw_units, list) or not raw_units:
        raise ClaimUnitsError(f"{where}: counts.units: must be a non-empty list")
    rules = [_count_unit(raw, i, where, lead) for i, raw in enumerate(raw_units)]
    dates = data.get("dates") or {}
    if not isinstance(dates, dict):
        raise ClaimUnitsError(f"{where}: dates: must be a mapping with events and occasions")
    return ClaimUnits(name=str(data.get("name") or Path(source).stem), source=source,
                      counts=tuple(rules), events=_named(dates.get("events"), where, "events"),
                      occasions=_named(dates.get("occasions"), where, "occasions"))


def _lead(modifiers: int, blocked: list[str]) -> str:
    """What may stand between a number and its noun: "of those"/"of the"..., then up to
    ``modifiers`` words, none of them ``blocked``."""
    guard = rf"(?!(?:{'|'.join(_word_regex(w) for w in blocked)})\s)" if blocked else ""
    return (r"\s*(?:of\s+(?:those|the|these|its|his|their)\s+)?"
            rf"(?:{guard}[\w\-]+\s+){{0,{modifiers}}}?")


def _count_unit(raw: Any, index: int, where: str, lead: str) -> CountUnit:
    if not isinstance(raw, dict) or not str(raw.get("unit") or "").strip():
        raise ClaimUnitsError(f"{where}: counts.units #{index + 1}: must be a mapping with "
                              "a 'unit' name")
    name = " ".join(str(raw["unit"]).lower().split())
    label = f"{where}: unit {name!r}"
    unknown = set(raw) - _UNIT_KEYS
    if unknown:
        raise ClaimUnitsError(f"{label}: unknown key {sorted(unknown)[0]!r} (known: "
                              f"{', '.join(sorted(_UNIT_KEYS))})")
    nouns = _words(raw.get("nouns"), f"{label}: nouns", empty=True)
    then = _words(raw.get("then"), f"{label}: then", empty=True)
    alone = _words(raw.get("alone"), f"{label}: alone", empty=True)
    before = _words(raw.get("before"), f"{label}: before", empty=True, literal=True)
    within = raw.get("within", 40)
    if not isinstance(within, int) or isinstance(within, bool) or not 0 < within <= 200:
        raise ClaimUnitsError(f"{label}: within: must be a whole number of characters, 1-200")
    compare = raw.get("compare", True)
    if not isinstance(compare, bool):
        raise ClaimUnitsError(f"{label}: compare: must be true or false")
    if then and not nouns:
        raise ClaimUnitsError(f"{label}: then: needs nouns (what is counted)")
    if not (nouns or alone or before):
        raise ClaimUnitsError(f"{label}: needs nouns, alone or before (nothing to match)")
    options = []
    if nouns:
        options.append(_alternation(nouns) + (rf".{{0,{within}}}?{_alternation(then)}"
                                              if then else ""))
    if alone:
        options.append(_alternation(alone))
    after = re.compile(f"{lead}(?:{'|'.join(options)})") if options else None
    signs = (re.compile(rf"(?:{'|'.join(re.escape(s) for s in before)})\s?\Z", re.IGNORECASE)
             if before else None)
    return CountUnit(name, after, signs, compare)


def _named(raw: Any, where: str, key: str) -> tuple[tuple[str, re.Pattern], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ClaimUnitsError(f"{where}: dates.{key}: must map a name to a list of words")
    return tuple((" ".join(str(name).lower().split()),
                  re.compile(_alternation(_words(words, f"{where}: dates.{key}.{name}"))))
                 for name, words in raw.items())


def _words(raw: Any, label: str, empty: bool = False, literal: bool = False) -> list[str]:
    if raw is None and empty:
        return []
    if not isinstance(raw, list) or (not raw and not empty):
        raise ClaimUnitsError(f"{label}: must be a list of words")
    out = []
    for item in raw:
        text = " ".join(str(item).split()) if isinstance(item, str | int) else ""
        if not text or (not literal and not re.fullmatch(r"[\w\-'. ]+\*?", text)):
            raise ClaimUnitsError(f"{label}: {item!r} is not a word or phrase (letters, digits, "
                                  "-, ', spaces; an optional trailing *)")
        out.append(text if literal else text.lower())
    return out


def _word_regex(word: str) -> str:
    """A codebook word as a regex: whole words (a boundary where the word begins or ends with
    a letter or digit), spaces match any white space, a trailing * any ending."""
    stem = word.removesuffix("*")
    body = re.escape(stem).replace(r"\ ", r"\s+")
    start = r"\b" if re.match(r"\w", stem) else ""
    end = r"\w*" if word.endswith("*") else (r"\b" if re.search(r"\w$", stem) else "")
    return start + body + end


def _alternation(words: list[str]) -> str:
    return f"(?:{'|'.join(_word_regex(w) for w in words)})"
