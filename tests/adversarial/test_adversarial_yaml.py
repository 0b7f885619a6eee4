"""Every YAML a researcher edits (codebooks, actor registry, parameter files) rejects a
duplicate key with a message naming the file and the key; plain YAML would keep the last."""

from __future__ import annotations

import pytest
import yaml
from newsprism.compare import hedging, sourcing
from newsprism.core.yaml_io import DuplicateKeyError, load_yaml
from newsprism.framing import detect as framing
from newsprism.quotes import actors
from newsprism.report import runner as report

LOADERS = {
    "frames": (framing.load_codebook, "cues",
               "frames:\n  - id: x\n    label: X\n    cues: [alliance]\n    cues: [treaty]\n"),
    "actors": (actors.load_actors, "actors", "actors: []\nactors: []\n"),
    "hedging": (hedging.load_hedging_codebook, "hedges",
                "hedges: [may]\nboosters: [clearly]\nhedges: [might]\n"),
    "sourcing": (sourcing.load_sourcing_codebook, "state_media",
                 "categories:\n  state_media:\n    sources: []\n  state_media:\n    sources: []\n"),
    "parameters": (lambda path: report.load_parameters(path, []), "seed", "seed: 1\nseed: 2\n"),
}


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_duplicate_keys_are_rejected_naming_file_and_key(name, tmp_path):
    load, key, text = LOADERS[name]
    path = tmp_path / f"my_{name}.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load(str(path))
    message = str(caught.value)
    assert f"my_{name}.yml" in message and f"duplicate key {key!r}" in message, message


def test_merge_keys_and_distinct_keys_still_load():
    text = "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n"
    assert load_yaml(text) == {"base": {"x": 1, "y": 2}, "derived": {"x": 1, "y": 3}}


def test_duplicate_key_error_is_a_yaml_error_with_both_lines():
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", source="p.yml")
    assert isinstance(caught.value, DuplicateKeyError)
    assert str(caught.value) == "p.yml, line 4: duplicate key 'c' (first at line 3)"
