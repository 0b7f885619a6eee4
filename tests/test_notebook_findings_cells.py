"""No notebook cell ends on a call whose return value would be printed into the report."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.py"))
# Calls run for their effect; their return value (a path, a figure) is not for the reader.
EFFECT_CALLS = {"record_findings", "save_table"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_effect_calls_are_not_left_as_cell_results(path):
    # 50_over_time printed "PosixPath('/tmp/.../findings/50_over_time.json')" into its HTML.
    bare = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", getattr(node.value.func, "attr", None))
            in EFFECT_CALLS]
    assert not bare, f"{path.name}: assign the result (`_ = ...`) on line(s) {bare}"
