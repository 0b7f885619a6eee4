"""core.paths.codebook_file: the one resolver of a codebook parameter (framing codebooks and
claim units both call it)."""

from __future__ import annotations

import pytest
from newsprism.core import paths

NAMED = {"generic": "frames_generic.yml"}


@pytest.mark.parametrize("text, expected", [
    ("generic", paths.CODEBOOKS / "frames_generic.yml"),   # a shipped name
    ("story-ish", None),                                   # neither a name nor a path
])
def test_names_and_non_paths(text, expected):
    assert paths.codebook_file(text, NAMED) == expected


def test_a_user_file_relative_to_the_runner_directory(tmp_path, monkeypatch):
    (tmp_path / "mine.yml").write_text("counts: {}\n")
    monkeypatch.setenv(paths.CWD_VARIABLE, str(tmp_path))
    assert paths.codebook_file("mine.yml", NAMED) == tmp_path / "mine.yml"


@pytest.mark.parametrize("name", ["missing.yml", "folder.yml"])
def test_a_yaml_path_that_is_no_file_is_named(tmp_path, monkeypatch, name):
    (tmp_path / "folder.yml").mkdir()
    monkeypatch.setenv(paths.CWD_VARIABLE, str(tmp_path))
    with pytest.raises(FileNotFoundError, match=name):
        paths.codebook_file(name, NAMED)
