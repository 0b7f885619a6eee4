"""Actor registry: find who or what a text mentions ("Kim", "the Kremlin", "Pyongyang's leader").

The registry is a human-editable YAML file (``newsprism/data/codebooks/actors.yml``) validated on load;
errors name the actor and the field. Matching is longest alias first, whole words only, with
the case rules documented in the YAML header.

>>> registry = load_actors()
>>> [(m.actor, m.surface) for m in registry.find_mentions("Kim’s letter reached the Kremlin.")]
[('Kim Jong Un', 'Kim'), ('Russia', 'the Kremlin')]
>>> registry.resolve("Russian President Vladimir Putin")
'Vladimir Putin'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from newsprism.core import paths
from newsprism.core.lazy import pandas as pd
from newsprism.core.yaml_io import load_yaml_file
from newsprism.corpus.language import is_english

DEFAULT_PATH = paths.CODEBOOKS / "actors.yml"
ROLES = ("person", "state", "organisation", "media")
REQUIRED_FIELDS = ("name", "role", "country", "aliases")
OPTIONAL_FIELDS = ("descriptors", "notes")
MENTION_COLUMNS = ["article_id", "sentence_id", "actor", "surface", "start", "end"]

_SEPARATOR = r"[\s\u00a0\-\u2010\u2011\u2012\u2013]+"
_APOSTROPHES = "'\u2019\u2018\u02bc"
_SPLIT_ALIAS = re.compile(r"[\s\u00a0\-\u2010\u2011\u2012\u2013]+")
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s?$")


class ActorRegistryError(ValueError):
    """The actor registry file is malformed; the message names the actor and the field."""


class Mention(NamedTuple):
    """One mention of an actor: offsets index the text passed to ``find_mentions``."""

    actor: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    country: str
    aliases: tuple[str, ...]
    descriptors: tuple[str, ...] = ()
    notes: str = ""


def _normalise(alias: str) -> str:
    """The key two aliases share when they are "the same" (case, separators, apostrophes)."""
    text = alias.strip().casefold()
    for mark in _APOSTROPHES[1:]:
        text = text.replace(mark, "'")
    return " ".join(_SPLIT_ALIAS.split(text))


def _alias_pattern(alias: str, ignore_case: bool) -> str:
    parts = []
    for token in _SPLIT_ALIAS.split(alias.strip()):
        escaped = "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch)
                          for ch in token)
        parts.append(escaped)
    body = _SEPARATOR.join(parts)
    if ignore_case:
        return f"(?i:{body})"
    first = alias.strip()[0]
    if first.islower():
        # Sentence-initial capital: "the Kremlin" -> "The Kremlin", "north Korea" -> "North Korea".
        body = f"[{first}{first.upper()}]" + body[len(re.escape(first)):]
    return body


def _first_char_split(alias: str, ignore_case: bool, pattern: str
                      ) -> tuple[frozenset[str], str] | None:
    """``(characters the alias pattern can start with, the pattern after that character)``;
    None when that is not plain (then the pattern is not regrouped)."""
    first = alias.strip()[:1]
    if not first:
        return None
    escaped = f"[{_APOSTROPHES}]" if first in _APOSTROPHES else re.escape(first)
    if ignore_case:
        head = "(?i:" + escaped
        chars = set(_APOSTROPHES) if first in _APOSTROPHES else {first.lower(), first.upper()}
        rest = "(?i:" + pattern[len(head):] if pattern.startswith(head) else None
    elif first.islower():
        head = f"[{first}{first.upper()}]"
        chars = {first, first.upper()}
        rest = pattern[len(head):] if pattern.startswith(head) else None
    else:
        chars = set(_APOSTROPHES) if first in _APOSTROPHES else {first}
        rest = pattern[len(escaped):] if pattern.startswith(escaped) else None
    if rest is None or not all(len(c) == 1 and c.isascii() for c in chars):
        return None
    return frozenset(chars), rest


def _dispatch_by_first_char(alternatives: list[str],
                            firsts: list[tuple[frozenset[str], str] | None]) -> str:
    """``a|b|...`` regrouped by the text's next character: ``K(?:im|...)|P(?:utin|...)|...``.

    For a character ``c`` its group holds, in the original order, the rest of every
    alternative that can start with ``c``, so the first alternative that matches is the same.
    Other ASCII characters start no alternative; other characters can only start a
    case-insensitive one (the Kelvin sign matches ``(?i:k)``): they try those, in order. The
    regex engine then skips a group on its first character instead of trying each of hundreds
    of aliases at every word start. Falls back to ``a|b|...`` when an alternative's first
    character is not plain ASCII.

    >>> _dispatch_by_first_char(["Kim", "(?i:kcna)"], [(frozenset("K"), "im"),
    ...                                                 (frozenset("kK"), "(?i:cna)")])[:30]
    'K(?:im|(?i:cna))|k(?:(?i:cna))'
    """
    original = "|".join(alternatives)
    if not alternatives or any(f is None for f in firsts):
        return original
    chars = list(dict.fromkeys(c for chars, _ in firsts for c in sorted(chars)))
    groups = []
    for c in chars:
        rests = [rest for chars_, rest in firsts if c in chars_]
        groups.append(re.escape(c) + "(?:" + "|".join(rests) + ")")
    folded = [a for a in alternatives if a.startswith("(?i:")]
    if folded:
        groups.append(r"(?![\x00-\x7f])(?:" + "|".join(folded) + ")")
    return "|".join(groups)


@dataclass
class ActorRegistry:
    """Actors and the compiled matcher over all their aliases.

    >>> reg = load_actors()
    >>> reg.role("KCNA"), reg.country("Vladimir Putin")
    ('media', 'Russia')
    """

    actors: dict[str, Actor]
    source: str = ""
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        entries: list[tuple[str, bool]] = []
        for actor in self.actors.values():
            for alias in actor.aliases:
                entries.append((alias, False))
            for descriptor in actor.descriptors:
                entries.append((descriptor, True))
            for alias in (*actor.aliases, *actor.descriptors):
                self._lookup[_normalise(alias)] = actor.name
        # Longest first so "Kim Jong Un" wins over "Kim" and "Pyongyang's leader" over "Pyongyang".
        entries.sort(key=lambda entry: (-len(entry[0]), entry[0]))
        seen: set[str] = set()
        alternatives = []
        firsts = []
        for alias, ignore_case in entries:
            pattern = _alias_pattern(alias, ignore_case)
            if pattern not in seen:
                seen.add(pattern)
                alternatives.append(pattern)
                firsts.append(_first_char_split(alias, ignore_case, pattern))
        if alternatives:
            self._pattern = re.compile(
                r"(?<!\w)(?:" + _dispatch_by_first_char(alternatives, firsts) + r")(?!\w)")

    # -- queries -----------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return list(self.actors)

    def role(self, name: str) -> str:
        return self.actors[name].role

    def country(self, name: str) -> str:
        return self.actors[name].country

    def table(self) -> pd.DataFrame:
        """One row per actor: name, role, country, n_aliases, aliases (joined for display)."""
        return pd.DataFrame(
            [(a.name, a.role, a.country, len(a.aliases) + len(a.descriptors),
              "; ".join((*a.aliases, *a.descriptors))) for a in self.actors.values()],
            columns=["actor", "role", "country", "n_aliases", "aliases"])

    def find_mentions(self, text: str) -> list[Mention]:
        """Every actor mention in ``text``, left to right, non-overlapping, longest alias first.

        >>> reg = load_actors()
        >>> [m.actor for m in reg.find_mentions("Kim Jong-un wrote; Kim Yo Jong did not. kim")]
        ['Kim Jong Un', 'Kim Yo Jong']
        """
        if self._pattern is None or not text:
            return []
        mentions = []
        for match in self._pattern.finditer(text):
            surface = match.group(0)
            actor = self._lookup.get(_normalise(surface))
            if actor is not None:
                mentions.append(Mention(actor, surface, match.start(), match.end()))
        return mentions

    def resolve(self, name: str | None) -> str | None:
        """Canonical actor for a speaker name or alias, or None when it is not a known actor.

        Exact aliases (any case, possessive stripped) resolve directly. A longer name resolves
        when it ENDS with a mention, whose actor is then its head ("Russian President Vladimir
        Putin"); "Kremlin spokesman Dmitry Peskov" does not resolve to Russia.

        >>> reg = load_actors()
        >>> reg.resolve("the North Korean leader"), reg.resolve("Kim’s"), reg.resolve("Peskov")
        ('Kim Jong Un', 'Kim Jong Un', None)
        """
        if not name or not name.strip():
            return None
        cleaned = _POSSESSIVE.sub("", name.strip().strip(".,:;\"'\u201c\u201d"))
        exact = self._lookup.get(_normalise(cleaned))
        if exact is not None:
            return exact
        mentions = self.find_mentions(cleaned)
        if mentions and mentions[-1].end == len(cleaned):
            return mentions[-1].actor
        return None


# -- loading and validation ------------------------------------------------------------------
def _fail(source: str, where: str, message: str) -> ActorRegistryError:
    return ActorRegistryError(f"{source}: {where}: {message}")


def _string_list(value: Any, source: str, where: str, field_name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _fail(source, where, f"field '{field_name}' must be a list of strings, "
                                   f"got {type(value).__name__}")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _fail(source, where, f"field '{field_name}' has a non-string or empty entry "
                                       f"{item!r}")
        out.append(item.strip())
    return tuple(out)


def actors_from_data(data: Any, source: str = "<data>") -> ActorRegistry:
    """Validate parsed YAML data (``{"actors": [...]}``) and build the registry.

    >>> actors_from_data({"actors": [{"name": "X", "role": "person", "country": "Y",
    ...                               "aliases": ["X"]}]}).names
    ['X']
    """
    if not isinstance(data, dict) or "actors" not in data:
        raise ActorRegistryError(f"{source}: top level must be a mapping with an 'actors' list")
    entries = data["actors"]
    if not isinstance(entries, list):  # empty: a registry naming nobody (actors_none.yml)
        raise ActorRegistryError(f"{source}: 'actors' must be a list")
    actors: dict[str, Actor] = {}
    owner: dict[str, tuple[str, str]] = {}  # normalised alias -> (actor, alias as written)
    for index, entry in enumerate(entries, start=1):
        label = f"actor #{index}"
        if not isinstance(entry, dict):
            raise _fail(source, label, f"must be a mapping, got {type(entry).__name__}")
        if isinstance(entry.get("name"), str) and entry["name"].strip():
            label = f"actor '{entry['name'].strip()}' (#{index})"
        unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
        if unknown:
            raise _fail(source, label, f"unknown field(s) {', '.join(map(repr, unknown))}; "
                                       f"allowed: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)}")
        for name in REQUIRED_FIELDS:
            if name not in entry or entry[name] is None:
                raise _fail(source, label, f"missing required field '{name}'")
        for name in ("name", "role", "country"):
            if not isinstance(entry[name], str) or not entry[name].strip():
                raise _fail(source, label, f"field '{name}' must be a non-empty string, "
                                           f"got {entry[name]!r}")
        actor_name = entry["name"].strip()
        role = entry["role"].strip()
        if role not in ROLES:
            raise _fail(source, label, f"field 'role' must be one of {', '.join(ROLES)}; "
                                       f"got {role!r}")
        if actor_name in actors:
            raise _fail(source, label, "duplicate actor name (each 'name' must be unique)")
        aliases = _string_list(entry["aliases"], source, label, "aliases")
        if not aliases:
            raise _fail(source, label, "field 'aliases' is empty")
        descriptors = _string_list(entry.get("descriptors") or [], source, label, "descriptors")
        notes = entry.get("notes") or ""
        if not isinstance(notes, str):
            raise _fail(source, label, f"field 'notes' must be a string, got {notes!r}")
        if actor_name not in aliases:
            aliases = (actor_name, *aliases)
        for field_name, values in (("aliases", aliases), ("descriptors", descriptors)):
            for alias in values:
                key = _normalise(alias)
                other = owner.get(key)
                if other is not None and other[0] != actor_name:
                    raise _fail(source, label,
                                f"{field_name} entry {alias!r} duplicates {other[1]!r} of actor "
                                f"'{other[0]}' (an alias may belong to one actor only; "
                                "case, spaces/hyphens and apostrophes are ignored)")
                owner.setdefault(key, (actor_name, alias))
        actors[actor_name] = Actor(actor_name, role, entry["country"].strip(), aliases,
                                   descriptors, notes)
    return ActorRegistry(actors, source=source)


def load_actors(path: str | Path | None = None) -> ActorRegistry:
    """Load and validate an actor registry (default ``newsprism/data/codebooks/actors.yml``).

    Raises :class:`ActorRegistryError` with the file, actor and field for any problem.

    >>> "Vladimir Putin" in load_actors().names
    True
    """
    path = Path(path) if path else DEFAULT_PATH
    if not path.exists():
        raise ActorRegistryError(f"{path}: actor registry not found")
    try:
        data = load_yaml_file(path)
    except yaml.YAMLError as error:
        raise ActorRegistryError(f"{path}: not valid YAML: {error}") from error
    return actors_from_data(data, source=str(path))


@lru_cache(maxsize=8)
def _cached_registry(path: str, mtime: float) -> ActorRegistry:
    return load_actors(path)


def registry_for(path: str | Path | None = None) -> ActorRegistry:
    """The registry at ``path`` (default file), loaded once per file version (cached)."""
    resolved = Path(path) if path else DEFAULT_PATH
    return _cached_registry(str(resolved), resolved.stat().st_mtime if resolved.exists() else 0.0)


def sentence_ids_for(starts: list[int], sentence_starts: list[int],
                     sentence_ids: list[int]) -> list[int]:
    """Map character offsets to the id of the sentence starting at or before them (-1 if none)."""
    out = []
    for start in starts:
        position = bisect.bisect_right(sentence_starts, start) - 1
        out.append(sentence_ids[position] if position >= 0 else -1)
    return out


def article_mentions(article, tables: dict[str, pd.DataFrame], options) -> pd.DataFrame:
    """Annotation step: actor mentions of one article (empty for non-English articles).

    Columns: article_id, sentence_id, actor, surface, start, end (offsets into article text).
    """
    if not is_english(getattr(article, "language", "en")) or not article.text:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    return pd.DataFrame(_mention_records(article, tables, options), columns=MENTION_COLUMNS)


def article_mention_tuples(article, tables, options):
    """The rows of :func:`article_mentions` as a ``newsprism.pipeline.annotate.RowTable``."""
    from newsprism.core.tables import RowTable

    if not is_english(getattr(article, "language", "en")) or not article.text:
        return RowTable(MENTION_COLUMNS, [])
    return RowTable(MENTION_COLUMNS, _mention_records(article, tables, options))


def _mention_records(article, tables, options) -> list[tuple]:
    registry = registry_for(getattr(options, "actors_path", None))
    mentions = registry.find_mentions(article.text)
    sentences = tables.get("sentences")
    if sentences is not None and len(sentences) and mentions:
        starts, sentence_ids = list(sentences["start"]), list(sentences["sentence_id"])
        # The sentences step gives them in text order already; sort only when not (sentence
        # starts are distinct, so any sort gives the order ``sort_values`` gave).
        if any(b <= a for a, b in zip(starts, starts[1:], strict=False)):
            order = sorted(range(len(starts)), key=starts.__getitem__)
            starts = [starts[i] for i in order]
            sentence_ids = [sentence_ids[i] for i in order]
        ids = sentence_ids_for([m.start for m in mentions], starts, sentence_ids)
    else:
        ids = [-1] * len(mentions)
    return [(article.article_id, sid, m.actor, m.surface, m.start, m.end)
            for sid, m in zip(ids, mentions, strict=True)]
