"""Gender of a person's given name, from the researcher-editable ``given_names.yml`` codebook.

``given_name_gender(name)`` -> ``'m'``, ``'f'`` or None for a canonical speaker name: its first
word looked up in the codebook's ``male`` and ``female`` lists. Only a he/she resolution uses it,
to skip a person of the other gender ('she' never resolves to 'Ted Cruz').

Caveats: a name in neither list (unisex, rare or unknown) gives None and decides nothing; a
name written surname first ('Kim Jong Un') is looked up by its surname, which is why unisex and
East Asian surnames are kept out of the lists.

>>> given_name_gender("Ted Cruz"), given_name_gender("Hillary Clinton"), given_name_gender("Trump")
('m', 'f', None)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsprism.core import paths

GENDERS = {"male": "m", "female": "f"}


def load_given_names(path: Path | None = None) -> dict[str, str]:
    """Given name -> 'm' or 'f' from a YAML file with ``male`` and ``female`` lists (default
    ``data/codebooks/given_names.yml``); a clear ``ValueError`` for a malformed file or a name
    in both lists."""
    from newsprism.core.yaml_io import load_yaml_file

    path = Path(path or paths.CODEBOOKS / "given_names.yml")
    data = load_yaml_file(path)
    if not isinstance(data, dict) or set(data) != set(GENDERS):
        raise ValueError(f"{path}: a mapping with exactly the keys 'male' and 'female' is expected")
    names: dict[str, str] = {}
    for key, gender in GENDERS.items():
        items = data[key]
        if not isinstance(items, list) or not all(isinstance(n, str) and n.strip() for n in items):
            raise ValueError(f"{path}: '{key}' must be a list of names")
        for name in items:
            if names.get(name.strip(), gender) != gender:
                raise ValueError(f"{path}: {name.strip()!r} is in both 'male' and 'female'")
            names[name.strip()] = gender
    return names


@lru_cache(maxsize=1)
def _folded_names() -> dict[str, str]:
    # case-blind: 'KellyAnne Conway', 'JOHN SMITH'
    return {n.casefold(): g for n, g in load_given_names().items()}


def given_name_gender(name: str | None, names: dict[str, str] | None = None) -> str | None:
    """'m', 'f' or None: the gender of the first word before the surname that the codebook
    lists, case-blind (a lone surname tells nothing); ``names`` defaults to the shipped
    codebook."""
    words = (name or "").split()
    known = names if names is not None else _folded_names()
    if names is not None:
        known = {n.casefold(): g for n, g in names.items()}
    # the first listed word before the surname: 'Maryland Gov. Martin O’Malley' -> Martin
    return next((known[w.casefold()] for w in words[:-1] if w.casefold() in known), None)
