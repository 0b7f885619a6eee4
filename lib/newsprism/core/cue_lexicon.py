"""THE cue-verb lexicon: ``data/codebooks/cue_verbs.yml``, read by one loader.

Cue verbs are the words that say someone speaks ('Kim said'). Every module that needs them
(attribution, the quote classifier, the sentence splitter, the cue-verb table) reads its block
of this one YAML file, so a researcher edits cue words in one place.

>>> "said" in cue_words("classifier_cues"), cue_lemmas()["say"], cue_classes()["doubting"][:2]
(True, ['said'], ['claim', 'allege'])
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsprism.core import paths


def load_cue_lexicon(path: Path | None = None) -> dict:
    """The cue-verb lexicon: language -> {"verbs": [...], optional named blocks}; a clear
    ``ValueError`` for a malformed file.

    >>> sorted(load_cue_lexicon())[:3], "dijo" in load_cue_lexicon()["es"]["verbs"]
    (['de', 'en', 'es'], True)
    """
    from newsprism.core.yaml_io import load_yaml_file

    path = Path(path or paths.CODEBOOKS / "cue_verbs.yml")
    data = load_yaml_file(path)
    if not isinstance(data, dict) or "en" not in data:
        raise ValueError(f"{path}: a mapping of languages with an 'en' block is expected")
    for language, block in data.items():
        if not isinstance(block, dict) or not isinstance(block.get("verbs"), list) or not all(
                isinstance(v, str) and v.strip() for v in block["verbs"]):
            raise ValueError(f"{path}: {language}: 'verbs' must be a list of words")
    return data


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_cue_lexicon()


def cue_words(block: str, language: str = "en") -> list[str]:
    """One named list of the lexicon (``verbs``, ``say_verbs``, ``classifier_cues``, ...)."""
    words = _lexicon()[language].get(block)
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"cue_verbs.yml: {language}: {block!r} must be a list of words")
    return words


def cue_lemmas() -> dict[str, list[str]]:
    """Base form -> irregular forms of the cue lemmas (``en.lemmas``)."""
    return {str(base): list(forms or []) for base, forms in _lexicon()["en"]["lemmas"].items()}


def cue_classes() -> dict[str, list[str]]:
    """Cue class (neutral, doubting, emphatic) -> its lemmas (``en.cue_classes``)."""
    return {str(name): list(lemmas) for name, lemmas in _lexicon()["en"]["cue_classes"].items()}


@lru_cache(maxsize=64)
def cue_alternation(block: str, language: str = "en") -> str:
    """``said|says|...``: one named list as a regex alternation (words escaped, in order).

    >>> re.search(rf"\\b(?:{cue_alternation('classifier_cues')})\\b", "as Kim said") is not None
    True
    """
    return "|".join(re.escape(word) for word in cue_words(block, language))
