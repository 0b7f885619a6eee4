"""The bundled story is an example project: its parameter file names its codebooks, every name
is a parameter the notebooks declare, and every codebook it names exists and loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsprism.core import paths
from newsprism.framing.codebook import load_codebook
from newsprism.quotes.actors import load_actors
from newsprism.report.options import PATH_PARAMETERS, resolve_path_parameters
from newsprism.report.params import check_parameters, parameter_schema
from newsprism.report.runner import discover_notebooks, load_parameters

PARAMS = paths.CORPORA / "kim_putin_letters_2026.params.yml"


@pytest.fixture(scope="module")
def params() -> dict:
    loaded = load_parameters(PARAMS, [])
    return resolve_path_parameters(loaded, paths.ROOT)


def test_names_every_codebook_and_nothing_unknown(params):
    assert set(params) == set(PATH_PARAMETERS)
    schema = parameter_schema(discover_notebooks(paths.NOTEBOOKS))
    assert check_parameters(params, schema) == params


def test_every_named_codebook_loads(params):
    assert load_codebook(params["codebook"]).naming_pairs  # the story's own pairs
    assert {"Kim Jong Un", "Vladimir Putin"} <= set(load_actors(params["actors_codebook"]).names)
    for name in ("sourcing_codebook", "hedging_codebook"):
        assert Path(params[name]).is_file() and Path(params[name]).is_relative_to(paths.CODEBOOKS)
