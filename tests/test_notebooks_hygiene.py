"""Notebook hygiene: committed without outputs, paired with py:percent, parameterised, thin."""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from newsprism.core import paths
from papermill.translators import PythonTranslator

IPYNBS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
PAIRS = sorted(paths.NOTEBOOKS.glob("*.py"))
DEFINITION = re.compile(r"^\s*(async\s+def|def|class)\s", re.MULTILINE)
# A code cell holds imports, assignments, calls and expressions; logic lives in lib/newsprism.
ALLOWED_STATEMENTS = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.Expr)
LOGIC = {
    ast.For: "for", ast.AsyncFor: "for", ast.While: "while", ast.If: "if", ast.IfExp: "ifexp",
    ast.ListComp: "comprehension", ast.SetComp: "comprehension",
    ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension", ast.Lambda: "lambda",
    ast.FunctionDef: "def", ast.AsyncFunctionDef: "def", ast.ClassDef: "class",
    ast.Try: "try", ast.With: "with", ast.AsyncWith: "with", ast.Raise: "raise",
    ast.Match: "match", ast.Assert: "assert",
}


def cell_logic(source: str) -> list[str]:
    """What in a code cell is more than imports, assignments, calls and expressions: the
    kind and line of each loop, condition, comprehension, lambda, definition, try, with or
    raise, and any other kind of top-level statement (test_cell_logic_flags_every_kind_of_logic
    shows each)."""
    tree = ast.parse(source)
    found = [f"{type(node).__name__.lower()} statement (line {node.lineno})"
             for node in tree.body if not isinstance(node, ALLOWED_STATEMENTS)
             and type(node) not in LOGIC]
    found += [f"{LOGIC[type(node)]} (line {node.lineno})" for node in ast.walk(tree)
              if type(node) in LOGIC]
    return found


def _ids(files: list[Path]) -> list[str]:
    return [f.name for f in files]


def test_there_are_notebooks():
    assert any(p.name == "00_corpus_overview.ipynb" for p in IPYNBS)
    assert all(re.fullmatch(r"\d{2}_[a-z0-9_]+\.ipynb", p.name) for p in IPYNBS), _ids(IPYNBS)


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_has_no_outputs_or_execution_counts(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
             and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; clear them before committing"
    assert "papermill" not in nb.metadata, f"{path.name} is an executed (papermill) copy"


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_has_a_parameters_cell_with_corpus_and_out_dir(path, caplog):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    assert tagged[0].cell_type == "code"
    with caplog.at_level(logging.WARNING, logger="papermill"):
        names = [p.name for p in PythonTranslator.inspect(tagged[0])]
    assert {"corpus", "out_dir"} <= set(names), f"{path.name}: parameters are {names}"
    # papermill skips a line with two '=' (e.g. in its comment): the parameter is then unknown
    assert "Unable to parse" not in caplog.text, (
        f"{path.name}: papermill reads one '=' per parameter line; drop '=' from the comment: "
        f"{caplog.text}")


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_is_paired_and_in_sync(path):
    pair = path.with_suffix(".py")
    assert pair.exists(), f"{path.name} has no py:percent pair {pair.name}"
    nb = nbformat.read(path, as_version=4)
    formats = nb.metadata.get("jupytext", {}).get("formats", "")
    assert set(formats.split(",")) == {"ipynb", "py:percent"}, f"{path.name}: formats {formats!r}"
    from_ipynb = jupytext.read(path)
    from_py = jupytext.read(pair, fmt="py:percent")
    cells_ipynb = [(c.cell_type, c.source.strip()) for c in from_ipynb.cells]
    cells_py = [(c.cell_type, c.source.strip()) for c in from_py.cells]
    assert cells_ipynb == cells_py, (
        f"{path.name} and {pair.name} differ: run "
        f"`.venv/bin/jupytext --sync notebooks/{pair.name}`")
    tags_ipynb = [c.metadata.get("tags", []) for c in from_ipynb.cells]
    tags_py = [c.metadata.get("tags", []) for c in from_py.cells]
    assert tags_ipynb == tags_py


@pytest.mark.parametrize("path", PAIRS, ids=_ids(PAIRS))
def test_every_py_notebook_has_its_ipynb(path):
    assert path.with_suffix(".ipynb").exists(), (
        f"{path.name}: generate the notebook with `.venv/bin/jupytext --to ipynb "
        f"--set-formats ipynb,py:percent notebooks/{path.name}`")


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_defines_no_functions_or_classes(path):
    nb = nbformat.read(path, as_version=4)
    offending = [i for i, c in enumerate(nb.cells)
                 if c.cell_type == "code" and DEFINITION.search(c.source)]
    assert not offending, (f"{path.name}: cells {offending} define a function or class; "
                           "move it into lib/newsprism")


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_cells_hold_no_logic(path):
    nb = nbformat.read(path, as_version=4)
    offending = {i: cell_logic(c.source) for i, c in enumerate(nb.cells)
                 if c.cell_type == "code" and cell_logic(c.source)}
    assert not offending, (f"{path.name}: code cells hold logic {offending}; a cell may hold "
                           "only imports, assignments, calls and expressions: move the logic "
                           "into a lib/newsprism section function")


# Cells as the notebooks held them before their sections moved into the library.
@pytest.mark.parametrize("source, expected", [
    ("for name in engines:\n    check(name)", ["for (line 1)"]),
    ("while x:\n    x = f(x)", ["while (line 1)"]),
    ("if bad:\n    show(a)\nelse:\n    show(b)", ["if (line 1)"]),
    ("if n < 1:\n    raise ValueError('n')", ["if (line 1)", "raise (line 2)"]),
    ("shown = a if len(a) else b", ["ifexp (line 1)"]),
    ("names = [r.x for r in t.itertuples()]", ["comprehension (line 1)"]),
    ("d = {k: v for k, v in x}\ns = {v for v in x}\ng = sum(v for v in x)",
     ["comprehension (line 1)", "comprehension (line 2)", "comprehension (line 3)"]),
    ("users = t[t.apply(lambda r: r.a, axis=1)]", ["lambda (line 1)"]),
    ("def f():\n    return 1", ["def (line 1)"]),
    ("class C:\n    pass", ["class (line 1)"]),
    ("try:\n    f()\nexcept ValueError:\n    g()", ["try (line 1)"]),
    ("with open(p) as fh:\n    read(fh)", ["with (line 1)"]),
    ("assert x", ["assert (line 1)"]),
    ("del x", ["delete statement (line 1)"]),
    ("import pandas as pd\nx: int = 1\ny = f(x)\nshow(y)\ny.show()\n_ = g(x, y=2)", []),
])
def test_cell_logic_flags_every_kind_of_logic(source, expected):
    assert cell_logic(source) == expected


@pytest.mark.parametrize("path", IPYNBS, ids=_ids(IPYNBS))
def test_notebook_ends_with_provenance(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code and "provenance_table(" in code[-1], (
        f"{path.name}: the last code cell should show newsprism.core.provenance.provenance_table")


def test_hygiene_checks_catch_a_dirty_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("def helper():\n    return 1", execution_count=3)
    cell.outputs = [nbformat.v4.new_output("stream", text="x")]
    nb.cells = [cell]
    assert DEFINITION.search(cell.source)
    assert cell.execution_count is not None and cell.outputs
    assert not DEFINITION.search("x = 'define class'\nundef = 1\nclassy = 2")
