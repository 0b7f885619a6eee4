"""The layer contract of the package, checked on the source (AST), imports inside functions
included: layers import only downward, no module imports another module's private names,
no import cycles between modules, and nothing lives at the top level but the public shims.

The layers, lowest first (a layer may import any layer listed before it; layers in the same
row are independent and may not import each other):

    core -> corpus -> viz -> quotes | time -> sentiment | framing -> compare -> pipeline -> report
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "newsprism"

LAYERS: list[set[str]] = [
    {"core"},
    {"corpus"},
    {"viz"},
    {"quotes", "time"},
    {"sentiment", "framing"},
    {"compare"},
    {"pipeline"},
    {"report"},
]
RANK = {layer: rank for rank, row in enumerate(LAYERS) for layer in row}

# Top-level modules besides the layer packages: the package itself, `python -m newsprism`,
# and the historical public path newsprism.text (a forwarding package).
TOP_LEVEL = {"newsprism", "newsprism.__main__", "newsprism.text"}

# Private names that may be taken across modules: none (make a shared name public instead).
PRIVATE_ALLOWED: set[tuple[str, str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@functools.cache  # several tests read the same modules: parse each once per session
def imports_of(name: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every newsprism import in ``name``."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[str, str | None, int]]:
    found = []
    for node in ast.walk(ast.parse(source)):  # every node: imports inside functions too
        if isinstance(node, ast.Import):
            found += [(a.name, None, node.lineno) for a in node.names
                      if a.name.split(".")[0] == "newsprism"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "newsprism":
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in MODULES:
                    found.append((submodule, None, node.lineno))
                else:
                    found.append((base, alias.name, node.lineno))
    return found


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANK else None


def import_graph() -> dict[str, set[str]]:
    return {name: {m for m, _, _ in imports_of(name) if m in MODULES and m != name}
            for name in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_every_module_belongs_to_a_layer_or_is_a_public_shim():
    stray = [name for name in MODULES
             if layer_of(name) is None and not any(name == t or name.startswith(t + ".")
                                                   for t in TOP_LEVEL)]
    assert not stray, f"modules outside the layers: {stray}"
    assert {p.name for p in PACKAGE.glob("*.py")} == {"__init__.py", "__main__.py"}


def test_layers_import_only_downward():
    upward = []
    for name in MODULES:
        if (own := layer_of(name)) is None:
            continue
        for target, _, line in imports_of(name):
            other = layer_of(target)
            if other is None:
                # the package root (for __version__) and the public shims are not imported
                # from inside the layers, except the root, which imports only core
                if target != "newsprism":
                    upward.append(f"{name}:{line} imports {target} (outside the layers)")
            elif other != own and RANK[other] >= RANK[own]:
                upward.append(f"{name}:{line} imports {target} ({own} -> {other})")
    assert not upward, "\n".join(upward)


def test_shims_import_only_core():
    for name in TOP_LEVEL:
        for target, _, line in imports_of(name):
            assert layer_of(target) in ("core", None) or name == "newsprism.__main__", (
                f"{name}:{line} imports {target}")


def test_no_private_names_taken_from_another_module():
    taken = [(name, target, imported) for name in MODULES
             for target, imported, _ in imports_of(name)
             if imported and imported.startswith("_") and not imported.startswith("__")
             and target != name]
    unexpected = sorted(set(taken) - PRIVATE_ALLOWED)
    assert not unexpected, f"private names imported across modules: {unexpected}"
    stale = PRIVATE_ALLOWED - set(taken)
    assert not stale, f"allowed private imports no longer made (drop them): {stale}"


def test_no_import_cycles():
    assert find_cycle(import_graph()) is None, " -> ".join(find_cycle(import_graph()))


@pytest.mark.parametrize("graph, cycle", [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ({"a": {"a"}}, ["a", "a"]),
])
def test_find_cycle(graph, cycle):
    assert find_cycle(graph) == cycle


@pytest.mark.parametrize("source, expected", [
    ("def f():\n    from newsprism.report import runner\n",
     [("newsprism.report.runner", None, 2)]),
    ("import os\nimport newsprism.core.paths\n", [("newsprism.core.paths", None, 2)]),
    ("from newsprism.quotes.attribution import _blank\n",
     [("newsprism.quotes.attribution", "_blank", 1)]),
    ("from .marks import find_marks\n", [("newsprism.quotes.marks", "find_marks", 1)]),
    ("from numpy import array\n", []),
])
def test_imports_in(source, expected):
    """The checker sees imports inside functions, relative imports and private names."""
    assert imports_in(source, "newsprism.quotes") == expected


def test_tests_mirror_the_layers():
    """Unit tests live in tests/<layer>/ (package-wide contracts, adversarial inputs and
    browser runs stay at the top), so a layer's tests are one folder away from its code."""
    tests = Path(__file__).resolve().parent
    folders = {p.name for p in tests.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders - {"adversarial", "fixtures"} <= set(RANK), folders
    for folder in folders & set(RANK):
        assert list((tests / folder).glob("test_*.py")), f"tests/{folder} holds no test"
