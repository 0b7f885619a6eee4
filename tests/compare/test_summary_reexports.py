"""newsprism.compare.summary re-exports the names that moved to their own modules for users'
scripts only: the library imports each name from its home (statements, claim_statements,
multiple_testing, readings, wording)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from newsprism.compare import summary

LIB = Path(summary.__file__).resolve().parents[1]
SUMMARY = "newsprism.compare.summary"


def _defined_in_summary() -> set[str]:
    tree = ast.parse(Path(summary.__file__).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def reexports_read(source: str, own: set[str]) -> list[str]:
    """Names ``source`` reads from compare.summary that summary does not define itself."""
    tree = ast.parse(source)
    aliases, read = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == SUMMARY:
            read += [a.name for a in node.names if a.name not in own]
        elif isinstance(node, ast.ImportFrom) and node.module == "newsprism.compare":
            aliases |= {a.asname or a.name for a in node.names if a.name == "summary"}
        elif isinstance(node, ast.Import):
            aliases |= {a.asname for a in node.names if a.name == SUMMARY and a.asname}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in aliases and node.attr not in own:
            read.append(node.attr)
    return read


@pytest.mark.parametrize(("source", "expected"), [
    ("from newsprism.compare import summary\nsummary.plural(1, 'x')", ["plural"]),
    ("from newsprism.compare import summary as s\ns.ALPHA", ["ALPHA"]),
    ("from newsprism.compare.summary import with_family_q", ["with_family_q"]),
    ("import newsprism.compare.summary as s\ns.top_rate_reading", ["top_rate_reading"]),
    ("from newsprism.compare import summary\nsummary.findings_text([])", []),  # its own
    ("from newsprism.compare.wording import plural\nplural(1, 'x')", []),
    ("summary = table\nsummary.head(3)", []),  # a local table named summary
])
def test_the_reexport_check_finds_names_read_through_summary(source, expected):
    assert reexports_read(source, _defined_in_summary()) == expected


def test_no_library_module_reads_a_reexport_of_compare_summary():
    own = _defined_in_summary()
    found = {str(path.relative_to(LIB)): names for path in sorted(LIB.rglob("*.py"))
             if path.name != "summary.py" or path.parent.name != "compare"
             if (names := reexports_read(path.read_text(encoding="utf-8"), own))}
    assert found == {}
