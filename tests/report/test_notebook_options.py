"""Parameters shared by notebooks: declared where used, relative paths resolved once."""

from __future__ import annotations

import ast
import re
import shutil

import nbformat
import pytest
from newsprism.core import paths
from newsprism.framing.codebook import resolve_codebook_path
from newsprism.report import options as notebook_options
from papermill.translators import PythonTranslator

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
SHARED = ("codebook", "engine", *notebook_options.PATH_PARAMETERS)


def _declared(path) -> set[str]:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", []))
    return {p.name for p in PythonTranslator.inspect(cell)}


def _code(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code"
                     and "parameters" not in c.get("metadata", {}).get("tags", []))


def _names_used(code: str) -> set[str]:
    """Names read but never assigned in the notebook's code (so they come from parameters)."""
    names = [node for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Name)]
    stored = {n.id for n in names if isinstance(n.ctx, ast.Store)}
    return {n.id for n in names if isinstance(n.ctx, ast.Load)} - stored


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_shared_parameters_used_are_declared(path):
    used = _names_used(_code(path)) & set(SHARED)
    assert used <= _declared(path), f"{path.stem} uses {used - _declared(path)} undeclared"


# A notebook annotates through its section module's prepare() (e.g. sentiment_sections.prepare).
PREPARE = re.compile(r"\b(\w+_sections)\.prepare\(")
ANNOTATING = [p for p in NOTEBOOKS if re.search(r"\bannotate\(", _code(p))
              or PREPARE.search(_code(p))]


def test_the_annotating_notebooks_are_found():
    assert {p.stem[:2] for p in ANNOTATING} >= {"10", "20", "30", "40"}


@pytest.mark.parametrize("path", ANNOTATING, ids=[p.stem for p in ANNOTATING])
def test_annotations_follow_the_declared_parameters(path):
    import importlib
    import inspect

    code = _code(path)
    found = PREPARE.search(code)
    call = "prepare" if found else "annotation_options"
    if found:  # the module's prepare() builds its options the one shared way
        source = inspect.getsource(importlib.import_module(f"newsprism.report.{found.group(1)}"))
        assert ("annotate(" not in source
                or "notebook_options.annotation_options(" in source), found.group(1)
    else:
        assert "notebook_options.annotation_options(" in code, path.stem
    declared = _declared(path)
    for name in ("codebook", "engine", "actors_codebook", "cleaning"):
        if name in declared:
            assert re.search(rf"{call}\([^)]*\b{name}={name}\b", code, re.S), \
                f"{path.stem} declares {name} but does not pass it to its annotation"


def test_source_comparison_takes_every_shared_parameter():
    assert set(SHARED) <= _declared(paths.NOTEBOOKS / "40_source_comparison.ipynb")


def test_relative_paths_resolve_against_the_runners_folder(tmp_path, monkeypatch):
    book = tmp_path / "my_frames.yml"
    shutil.copy(paths.CODEBOOKS / "frames_generic.yml", book)
    elsewhere = tmp_path / "out"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # a kernel runs in the output folder
    monkeypatch.setenv(notebook_options.CWD_VARIABLE, str(tmp_path))
    assert resolve_codebook_path("my_frames.yml") == book
    assert notebook_options.resolve_user_path("my_frames.yml") == str(book)
    assert notebook_options.resolve_user_path("generic") == "generic"
    options = notebook_options.annotation_options(codebook="my_frames.yml")
    assert options.codebook == str(book)
    assert dict(options.extra)["codebook_sha256"]


def test_runner_resolves_path_parameters(tmp_path):
    params = notebook_options.resolve_path_parameters(
        {"codebook": "sub/frames.yml", "hedging_codebook": "", "engine": "textblob",
         "n_boot": 10}, base=tmp_path)
    assert params == {"codebook": str(tmp_path / "sub" / "frames.yml"), "hedging_codebook": "",
                      "engine": "textblob", "n_boot": 10}


def test_default_options_are_generic_and_shared_across_engines():
    from pathlib import Path

    from newsprism.pipeline.annotate import AnnotateOptions

    default = notebook_options.annotation_options()
    assert default.codebook == "generic" and Path(default.actors_path).name == "actors_none.yml"
    assert default.sentiment_engines == AnnotateOptions().sentiment_engines
    textblob = notebook_options.annotation_options(engine="textblob")
    assert textblob == default  # textblob is scored by default: one annotation


@pytest.mark.parametrize(("parameter", "value", "file"), [
    ("actors_codebook", "none", "actors_none.yml"),
    ("actors_codebook", "story", "actors.yml"),
    ("sourcing_codebook", "generic", "sourcing_generic.yml"),
    ("sourcing_codebook", "story", "sourcing.yml"),
    ("claims_units", "generic", "claims_units_generic.yml"),
    ("claims_units", "story", "claims_units.yml"),
    ("claims_units", "", "claims_units_generic.yml"),
    # empty is the generic default, never the bundled story's file
    ("actors_codebook", "", "actors_none.yml"),
    ("sourcing_codebook", " ", "sourcing_generic.yml"),
])
def test_codebook_names_stand_for_shipped_files(parameter, value, file):
    assert notebook_options.codebook_file(value, parameter) == str(paths.CODEBOOKS / file)
    assert notebook_options.codebook_label(value, parameter) == f"data/codebooks/{file}"


def test_every_codebook_name_a_notebook_offers_is_shipped():
    from newsprism.report.params import parameter_schema
    from newsprism.report.runner import discover_notebooks

    schema = parameter_schema(discover_notebooks(paths.NOTEBOOKS))
    for parameter, names in notebook_options.SHIPPED_CODEBOOKS.items():
        assert set(schema[parameter].choices) == set(names), parameter
        assert schema[parameter].default in names and schema[parameter].path_allowed
        for file in names.values():
            assert (paths.CODEBOOKS / file).is_file()


def test_notebooks_that_annotate_declare_what_the_annotation_depends_on():
    """Each notebook that annotates takes the frame codebook, the actor registry and the
    cleaning, so one parameter file reaches all of them and, given the same values, they read
    one cached annotation (the bundled story's params file names both codebooks)."""
    import importlib
    import inspect

    annotating = [p for p in ANNOTATING if "annotate(" in inspect.getsource(
        importlib.import_module(f"newsprism.report.{PREPARE.search(_code(p)).group(1)}"))]
    assert {p.stem[:2] for p in annotating} == {"10", "20", "30", "40", "50"}
    for path in annotating:
        assert {"codebook", "actors_codebook", "cleaning"} <= _declared(path), path.stem
