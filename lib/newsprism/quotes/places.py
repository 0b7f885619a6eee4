"""Countries named by a modifier ('Russian', 'North Korea’s', 'Pyongyang’s', 'Kremlin'), from
the researcher-editable ``places.yml`` codebook.

``country_of(modifier)`` -> the codebook's country for a country name, adjective or capital
(a possessive ’s/'s is dropped), else None. Only the resolution of 'the Russian leader' to the
person introduced as 'Russian President Vladimir Putin' uses it (``quotes.leaders``).

Caveats: matching is exact and case-sensitive on the whole modifier ('russian' and 'Russian
Orthodox' name nothing); a country missing from the codebook is never matched, so its leader
description stays a speaker of its own.

>>> country_of("Russian"), country_of("Pyongyang\u2019s"), country_of("North Korea's")
('Russia', 'North Korea', 'North Korea')
>>> country_of("Korean") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsprism.core import paths

FIELDS = ("names", "adjectives", "capitals")
_POSSESSIVE = re.compile(r"[\u2019']s?$")


def load_places(path: Path | None = None) -> dict[str, str]:
    """Country form (name, adjective or capital) -> country, from a YAML mapping of country ->
    ``{names, adjectives, capitals}`` lists (default ``data/codebooks/places.yml``); a clear
    ``ValueError`` for a malformed file or a form listed under two countries."""
    from newsprism.core.yaml_io import load_yaml_file

    path = Path(path or paths.CODEBOOKS / "places.yml")
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{path}: a mapping of country -> names, adjectives, capitals expected")
    forms: dict[str, str] = {}
    for country, entry in data.items():
        if not isinstance(entry, dict) or not set(entry) <= set(FIELDS) or "names" not in entry:
            raise ValueError(f"{path}: {country!r} needs 'names' and only {', '.join(FIELDS)}")
        for field, items in entry.items():
            if not isinstance(items, list) or not all(isinstance(f, str) and f.strip()
                                                      for f in items):
                raise ValueError(f"{path}: {country!r} '{field}' must be a list of words")
            for form in items:
                if forms.get(form.strip(), country) != country:
                    raise ValueError(f"{path}: {form.strip()!r} is listed under "
                                     f"{forms[form.strip()]!r} and {country!r}")
                forms[form.strip()] = str(country)
    return forms


@lru_cache(maxsize=1)
def _shipped() -> dict[str, str]:
    return load_places()


def country_of(modifier: str, places: dict[str, str] | None = None) -> str | None:
    """The country ``modifier`` names (its whole text, a possessive dropped), else None;
    ``places`` defaults to the shipped codebook (see :func:`load_places`)."""
    words = re.sub(r"\s+", " ", _POSSESSIVE.sub("", modifier.strip()))
    return (places if places is not None else _shipped()).get(words)


def place_forms(places: dict[str, str] | None = None) -> list[str]:
    """Every country form of the codebook, longest first (for a regex alternation)."""
    return sorted(places if places is not None else _shipped(), key=len, reverse=True)
