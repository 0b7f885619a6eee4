"""No function in lib/newsprism is longer than 80 lines (issue 15: a reader holds one function
on one screen; long ones are split into small named functions)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "newsprism"
MAX_LINES = 80


def long_functions(source: str, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """(name, lines) of every function or method longer than ``limit`` lines."""
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > limit]


@pytest.mark.parametrize("lines, expected", [
    (3, []),
    (MAX_LINES - 1, []),
    (MAX_LINES + 1, [("f", MAX_LINES + 1)]),
])
def test_the_checker_counts_lines_from_def_to_last_line(lines, expected):
    source = "def f():\n" + "    x = 1\n" * (lines - 1)
    assert long_functions(source) == expected


def test_nested_functions_count_inside_their_parent():
    inner = "    def g():\n" + "        x = 1\n" * 10
    source = "def f():\n" + inner + "    y = 2\n" * (MAX_LINES - 10)
    assert [name for name, _ in long_functions(source)] == ["f"]


def test_no_function_in_the_package_is_over_80_lines():
    offenders = [f"{path.name}:{name} ({n} lines)"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for name, n in long_functions(path.read_text(encoding="utf-8"))]
    assert offenders == []
