"""The public import paths users' scripts rely on keep working after the move into layers,
each the same object as the implementation's, and the CLI entry point resolves."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib

import pytest
from newsprism.core import paths

PUBLIC = [  # (path users import from, name, module that implements it)
    ("newsprism.corpus", "load_corpus", "newsprism.corpus.readers"),
    ("newsprism.text", "split_sentences", "newsprism.core.text"),
    ("newsprism.text", "count_words", "newsprism.core.text"),
    ("newsprism.sentiment", "score_sentences", "newsprism.sentiment.engines"),
    ("newsprism.sentiment", "tone_toward", "newsprism.sentiment.tone_target"),
    ("newsprism.quotes", "extract_quotes", "newsprism.quotes.extract"),
    ("newsprism.framing", "load_codebook", "newsprism.framing.codebook"),
    ("newsprism.framing", "detect_frames", "newsprism.framing.detect"),
    ("newsprism.framing", "frame_presence", "newsprism.framing.presence"),
    ("newsprism.compare", "log_odds_dirichlet", "newsprism.compare.keyness"),
]


@pytest.mark.parametrize("path, name, home", PUBLIC)
def test_public_name_imports_from_its_documented_path(path, name, home):
    public = getattr(importlib.import_module(path), name)
    assert public is getattr(importlib.import_module(home), name)
    assert callable(public)


@pytest.mark.parametrize("path, missing", [
    ("newsprism.corpus", "no_such_function"),
    ("newsprism.quotes", "_private_helper"),
])
def test_shims_refuse_unknown_and_private_names(path, missing):
    with pytest.raises(AttributeError, match=missing):
        getattr(importlib.import_module(path), missing)


def test_shim_still_imports_submodules():
    from newsprism.quotes import marks

    assert marks.__name__ == "newsprism.quotes.marks"


def test_public_functions_work_from_the_old_paths():
    from newsprism.text import count_words, split_sentences

    assert split_sentences("Mr. Kim wrote. Putin replied.") == [(0, 14), (15, 29)]
    assert count_words("Kim's letter, 2 pages") == 4


def test_console_script_points_at_an_existing_main():
    scripts = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, _, function = scripts["newsprism"].partition(":")
    assert callable(getattr(importlib.import_module(module), function))


def test_python_dash_m_newsprism_runs():
    proc = subprocess.run([sys.executable, "-m", "newsprism", "--version"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0 and "0.1.0" in proc.stdout + proc.stderr
