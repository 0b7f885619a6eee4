"""``newsprism.corpus.readers`` was split into one module per concern; every public name it
had still imports from it (and through ``newsprism.corpus``), as the same object as in its
new home.

``OLD_NAMES`` was generated from the module before the split (main at 4ede957), not written
by hand: the names in ``vars(readers)`` without a leading underscore whose object comes from
newsprism (standard-library and third-party names it happened to import, such as ``csv``,
``pd`` or ``Path``, are not its API)::

    names = sorted(n for n, v in vars(readers).items() if not n.startswith("_")
                   and (getattr(v, "__name__", "") if isinstance(v, ModuleType)
                        else getattr(v, "__module__", None) or "newsprism").startswith("newsprism"))
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from newsprism.corpus import readers

OLD_NAMES = [
    "ALIASES", "ARTICLE_COLUMNS", "AUDIT_COLUMNS", "CLEANING_LEVELS", "CORPUS_KEY",
    "CleanResult", "Corpus", "CorpusWarning", "DISAGREEMENT_CONFIDENCE", "HTML_SUFFIXES",
    "KNOWN_EXTRA", "MAX_ID_CHARS", "MIN_HTML_WORDS", "OPTIONAL_COLUMNS", "PROBLEM_COLUMNS",
    "QUIET_VARIABLE", "RawBatch", "TEXT_SUFFIXES", "UNDETERMINED", "clean_text", "clean_texts",
    "count_words", "detect_language", "iter_corpus_batches", "iter_raw_batches", "load_corpus",
    "normalise_language", "paths", "problems_reading", "recurring_lines", "removals",
    "repair_article", "warn",
]

# Where each concern lives now (readers keeps loading: load_corpus and the batches).
HOMES = {
    "contract": ["ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "OPTIONAL_COLUMNS", "ALIASES",
                 "KNOWN_EXTRA", "Corpus"],
    "builder": ["MAX_ID_CHARS"],
    "read_html": ["HTML_SUFFIXES", "MIN_HTML_WORDS"],
    "read_folder": ["TEXT_SUFFIXES"],
    "problems": ["CorpusWarning", "QUIET_VARIABLE", "warn", "problems_reading"],
    "readers": ["load_corpus", "iter_corpus_batches", "iter_raw_batches", "RawBatch"],
}


@pytest.mark.parametrize("name", OLD_NAMES)
def test_every_old_public_name_still_imports_from_the_old_paths(name):
    module = importlib.import_module("newsprism.corpus")
    assert getattr(readers, name) is getattr(module, name)


def test_the_old_module_re_exports_exactly_its_old_names():
    assert sorted(readers.__all__) == sorted(OLD_NAMES)


@pytest.mark.parametrize("home, names", sorted(HOMES.items()))
def test_the_old_path_gives_the_object_of_its_new_home(home, names):
    module = importlib.import_module(f"newsprism.corpus.{home}")
    for name in names:
        assert getattr(readers, name) is getattr(module, name), name
        value = getattr(module, name)
        if callable(value) and hasattr(value, "__module__"):
            assert value.__module__ == module.__name__, name  # defined there, not imported


def test_no_module_is_named_like_a_public_name():
    """The package forwards a name to ``readers`` unless a submodule has that name, so a
    module called ``warn`` would hide the function at ``newsprism.corpus.warn``."""
    modules = {path.stem for path in Path(readers.__file__).parent.glob("*.py")}
    assert set(HOMES) <= modules
    assert not modules & set(OLD_NAMES)
