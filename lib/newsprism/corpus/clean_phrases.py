"""Furniture phrases in several languages: "Teilen", "Lea también: ...", "Impressum".

The phrases live in ``data/clean/furniture_phrases.yml`` (by kind and language; a researcher
adds a language or a phrase there). A line is furniture when, case and surrounding
punctuation ignored, it *is* one of the phrases (optionally with a count: "Kommentare (12)"),
or when it *starts* with a phrase of a lead-in kind ("related") followed by a separator and a
short rest: a teaser headline ("Lea también: Impiden ingreso a ..."). The rule is named by the
phrase's kind (``share_phrase``, ``related_phrase``, ...), so it can be switched off per kind.

>>> phrase_rule("Mit Freunden teilen")
'share_phrase'
>>> phrase_rule("VEA TAMBIÉN: Entre heces y guaricha")
'related_phrase'
>>> phrase_rule("Teilen Sie uns Ihre Meinung mit, sagte der Minister.") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from newsprism.core import paths

PHRASES_FILE = paths.PACKAGE_DATA / "clean" / "furniture_phrases.yml"
# Around a phrase: bullets, arrows, brackets, quotes, colons, dashes, symbols and spaces.
_EDGE = " \t\u00a0:;,.!?|/\\_*#+=~^°•·▪►▶→←»«›‹<>()[]{}\"'“”„‘’`´-–—…✓✔❤★☆✉📧🔗💬👉¿¡±↓↑└├│─┌┐┘"
_COUNT = re.compile(r"[\s(\[]*\d+[)\]]?$")
# A line longer than this is never a bare phrase (saves the normalisation of paragraphs).
_MAX_PHRASE_CHARS = 80


def _normalise(text: str) -> str:
    key = text.casefold().strip(_EDGE)
    return key if "  " not in key and "\t" not in key else " ".join(key.split())


def _first_word(text: str) -> str:
    words = text.casefold().strip(_EDGE).split(None, 1)
    return words[0].strip(_EDGE) if words else ""


def _has_separator(line: str) -> bool:
    """Whether ``line`` holds a separator the lead-in pattern needs after its phrase (most
    lines do not: they skip the costlier first-word test). Plain ``in`` tests: a fraction of
    the cost of one regular expression search."""
    return ":" in line or "|" in line or "-" in line or "»" in line or "›" in line \
        or ">" in line or "–" in line or "—" in line or "…" in line or "..." in line


@lru_cache(maxsize=4)
def load_phrases(path: Path = PHRASES_FILE
                 ) -> tuple[dict[str, str], re.Pattern[str] | None, int, frozenset[str]]:
    """({normalised phrase: rule name}, lead-in pattern, most words after a lead-in, first
    words of the lead-in phrases)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    lead_ins: list[str] = []
    for kind, languages in data["phrases"].items():
        for phrases in languages.values():
            for phrase in phrases:
                key = _normalise(str(phrase))
                exact.setdefault(key, f"{kind}_phrase")
                if kind in data.get("lead_in_kinds", []):
                    lead_ins.append(key)
    pattern = None
    if lead_ins:
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                for p in sorted(set(lead_ins), key=len, reverse=True))
        pattern = re.compile(rf"[\W_]*(?P<phrase>{alternatives})\s*(?:[:|»›>–—-]|\.\.\.|…)\s*(?P<rest>.+)",
                             re.IGNORECASE)
    first_words = frozenset(_first_word(p) for p in lead_ins)
    return exact, pattern, int(data.get("lead_in_max_words", 30)), first_words


def phrase_rule(line: str) -> str | None:
    """The phrase rule that removes ``line`` (stripped), or ``None``."""
    exact, lead_in, max_words, first_words = load_phrases()
    if len(line) <= _MAX_PHRASE_CHARS:
        key = _normalise(line)
        rule = exact.get(key)
        if rule is None and key[-1:].isdigit():
            rule = exact.get(_COUNT.sub("", key).strip(_EDGE))
        if rule is not None:
            return rule
    if lead_in is not None and _has_separator(line) and _first_word(line[:40]) in first_words:
        match = lead_in.match(line)
        if match and match.group("rest").count(" ") < max_words:
            return exact[_normalise(match.group("phrase"))]
    return None


def phrase_rules(lines: list[str]) -> list[str | None]:
    """:func:`phrase_rule` of each line (stripped, non-blank), with the lines cased once."""
    exact, lead_in, max_words, first_words = load_phrases()
    found: list[str | None] = [None] * len(lines)
    short = [k for k, line in enumerate(lines) if len(line) <= _MAX_PHRASE_CHARS]
    # ``casefold`` maps each character on its own: a "\n" between lines changes nothing
    folded = "\n".join([lines[k] for k in short]).casefold().split("\n") if short else []
    for k, key in zip(short, map(str.strip, folded, repeat(_EDGE)), strict=True):
        if "  " in key or "\t" in key:
            key = " ".join(key.split())
        rule = exact.get(key)
        if rule is None and key[-1:].isdigit():
            rule = exact.get(_COUNT.sub("", key).strip(_EDGE))
        found[k] = rule
    if lead_in is None:
        return found
    for k, line in enumerate(lines):
        if found[k] is None and _has_separator(line) and _first_word(line[:40]) in first_words:
            match = lead_in.match(line)
            if match and match.group("rest").count(" ") < max_words:
                found[k] = exact[_normalise(match.group("phrase"))]
    return found
