"""docs/design.md stays true of the code: every name it gives is checked against what exists.

The layer order it draws is tests/test_layers.py's ``LAYERS``; its Layers section names every
subpackage of ``newsprism`` and nothing else; its notebooks are the files in ``notebooks/``;
every ``make`` target it names is in the Makefile and its Layout lists them all; every module
path it writes in backticks (``core.paths.codebook_file``) and every ``python -m`` module
resolves; the columns its Tables section lists are those a step returns on a small article.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ROOT / "docs" / "design.md"
PACKAGE = ROOT / "lib" / "newsprism"
NOTEBOOKS = ROOT / "notebooks"
SECTIONS = ["Layout", "Data flow", "Tables", "Notebook anatomy", "Runner and reports",
            "Offline by construction", "Scale", "Validity", "Layers", "Conventions"]
SUBPACKAGES = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}

_NOTEBOOK = re.compile(r"\b\d\d_[a-z][a-z_]*[a-z]\b")
_CODE = re.compile(r"`([^`\n]+)`")
_DOTTED = re.compile(r"(?:newsprism\.)?([a-z_]+)(?:\.[A-Za-z_]\w*)*")
_RUN_MODULE = re.compile(r"python -m (newsprism(?:\.\w+)*)")
_FILE = re.compile(r"\.?[\w-]+(?:/[\w.-]+)*/(?:[\w.-]+)?|[\w-]+/[\w.-]+")
_MAKE = re.compile(r"`make ([\w-]+)`")
_TARGET = re.compile(r"^([A-Za-z][\w-]*)\s*:(?!=)", re.M)
_TABLE = re.compile(r"^- ([a-z][a-z_ ]*?)(?: \(`[^`]+`[^)]*\))?: ([a-z_]+(?:, [a-z_]+)+)$", re.M)
_VALIDATION = re.compile(r"VALIDATION_COLUMNS`\): ([a-z_]+(?:, [a-z_]+)+)\.")
# Every step returns rows for it: a quotation, two actors, a frame cue, a count and a date.
SAMPLE = ('Putin praised the treaty. "It is a disaster," Kim said on 27 December 2025. '
          "At least 600 soldiers were killed in the war.")


@functools.cache
def design_text() -> str:
    return DESIGN.read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """``## Title`` -> the section's text, in order.

    >>> sections("intro\\n## A\\none\\n## B\\ntwo\\n")
    {'A': '\\none\\n', 'B': '\\ntwo\\n'}
    """
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def section(title: str) -> str:
    return sections(design_text())[title]


def layer_rows(text: str) -> list[set[str]]:
    """The layers of the first line drawn with ``->``, lowest first, one set per row."""
    line = next(line for line in text.splitlines() if "->" in line)
    return [{name.strip() for name in row.split("|")} for row in line.split("->")]


def contract_layers() -> list[set[str]]:
    """``LAYERS`` of tests/test_layers.py, read from its source (the contract itself)."""
    tree = ast.parse((ROOT / "tests" / "test_layers.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "LAYERS" for t in targets):
                return ast.literal_eval(node.value)
    raise AssertionError("tests/test_layers.py defines no LAYERS")


def dotted_paths(text: str) -> list[str]:
    """Backticked spans that are module paths inside newsprism (first part a subpackage)."""
    found = []
    for span in _CODE.findall(text):
        match = _DOTTED.fullmatch(span.strip())
        if match and match.group(1) in SUBPACKAGES:
            found.append(span.strip())
    return sorted(set(found))


def resolve(path: str) -> object:
    """The object ``path`` names: the longest importable module prefix, then attributes."""
    parts = path.split(".")
    if parts[0] != "newsprism":
        parts = ["newsprism", *parts]
    for k in range(len(parts), 0, -1):
        name = ".".join(parts[:k])
        try:
            found = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise  # the module exists but one of its imports is missing
            continue
        for attribute in parts[k:]:
            found = getattr(found, attribute)
        return found
    raise ModuleNotFoundError(path)


def file_paths(text: str) -> list[str]:
    """Backticked paths of repository or package files (``data/gold/``, ``tests/x.py``); not
    patterns (``<key>``, ``*``), variables, placeholders (``DIR/tables/``: an upper-case first
    part), paths outside the repository or git-ignored ones."""
    ignored = {line.strip().strip("/") for line in
               (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()}
    found = []
    for span in _CODE.findall(text):
        span = span.strip()
        if (_FILE.fullmatch(span) and not span.startswith("../")
                and span.split("/")[0] not in ignored and not span.split("/")[0].isupper()):
            found.append(span)
    return sorted(set(found))


def makefile_targets() -> set[str]:
    return set(_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))


def documented_tables() -> dict[str, list[str]]:
    return {name: columns.split(", ")
            for name, columns in _TABLE.findall(section("Tables"))}


@functools.cache
def actual_tables() -> dict[str, list[str]]:
    """Table name (as the design names it) -> the columns the code gives it."""
    from newsprism.compare.claims import extract_claims, group_claims
    from newsprism.corpus import readers
    from newsprism.corpus.clean import AUDIT_COLUMNS
    from newsprism.corpus.contract import DOUBT_COLUMNS
    from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    from newsprism.sentiment.scoring import actor_tone

    article = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "language": ["en"],
                            "text": [SAMPLE]})
    tables, problems = annotate_articles(article, STEPS, AnnotateOptions())
    assert problems.empty, problems
    assert all(len(table) for table in tables.values()), {k: len(v) for k, v in tables.items()}
    two = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                        "text": ["At least 600 soldiers have died.",
                                 "About 300 soldiers were killed."]})
    return {
        "articles": readers.ARTICLE_COLUMNS,
        **{name: list(table.columns) for name, table in tables.items()},
        "problems": list(problems.columns),
        "corpus_problems": readers.PROBLEM_COLUMNS,
        "cleaning_audit": AUDIT_COLUMNS,
        "cleaning_doubts": DOUBT_COLUMNS,
        "actor tone": list(actor_tone({**tables, "articles": article}, "vader").columns),
        "claim groups": list(group_claims(extract_claims(two)).columns),
    }


def test_sections_keep_the_design_order():
    assert list(sections(design_text())) == SECTIONS


def test_layer_order_is_the_contract_of_test_layers():
    assert layer_rows(section("Layers")) == contract_layers()


def test_layers_section_names_every_subpackage_and_only_those():
    named = re.findall(r"^- `(\w+)`:", section("Layers"), flags=re.M)
    assert len(named) == len(set(named)), named
    assert set(named) == SUBPACKAGES


def test_every_notebook_named_exists():
    existing = {p.stem for p in NOTEBOOKS.glob("*.py")}
    assert set(_NOTEBOOK.findall(design_text())) <= existing


def test_every_notebook_is_listed():
    listed = re.findall(r"^\| (\d\d_\w+) \|", section("Notebook anatomy"), flags=re.M)
    assert set(listed) == {p.stem for p in NOTEBOOKS.glob("*.py")}
    assert set(listed) == {p.stem for p in NOTEBOOKS.glob("*.ipynb")}


@pytest.mark.parametrize("path", file_paths(design_text()))
def test_file_path_exists(path):
    assert (ROOT / path).exists() or (PACKAGE / path).exists(), path


def test_every_make_target_named_exists():
    named = set(_MAKE.findall(design_text()))
    assert named and named <= makefile_targets(), named - makefile_targets()


def test_layout_lists_every_make_target():
    line = next(line for line in section("Layout").splitlines() if line.startswith("Makefile"))
    assert set(line.split(None, 1)[1].split(", ")) == makefile_targets()


@pytest.mark.parametrize("path", dotted_paths(design_text()))
def test_module_path_resolves(path):
    assert resolve(path) is not None


@pytest.mark.parametrize("module", sorted(set(_RUN_MODULE.findall(design_text()))))
def test_python_m_module_exists(module):
    assert importlib.util.find_spec(module) is not None, module


def test_tables_section_names_the_tables():
    assert set(documented_tables()) == set(actual_tables())


@pytest.mark.parametrize("name", sorted(documented_tables()))
def test_table_columns_are_the_code_columns(name):
    assert documented_tables()[name] == actual_tables().get(name)


def test_validation_row_schema():
    from newsprism.core.validate import VALIDATION_COLUMNS

    documented = _VALIDATION.search(section("Validity"))
    assert documented and documented.group(1).split(", ") == VALIDATION_COLUMNS


@pytest.mark.parametrize("text, expected", [
    ("`core.paths.codebook_file` and `newsprism.text`", ["core.paths.codebook_file",
                                                          "newsprism.text"]),
    ("`frames.yml`, `make test`, `data/gold/`, `report.*_sections`", []),
    ("`time.timeline.parse_published` twice: `time.timeline.parse_published`",
     ["time.timeline.parse_published"]),
])
def test_dotted_paths_finds_module_paths_only(text, expected):
    assert dotted_paths(text) == expected


@pytest.mark.parametrize("path", ["core.paths.no_such_name", "core.no_such_module",
                                  "pipeline.steps.STEPS.no_such_attribute"])
def test_resolve_refuses_a_wrong_path(path):
    with pytest.raises((AttributeError, ModuleNotFoundError)):
        resolve(path)


@pytest.mark.parametrize("text, expected", [
    ("`data/gold/`, `tests/test_layers.py`, `.ci/`, `outputs/cache/<key>/`, `../shared/x.md`, "
     "`frames.yml`, `$NEWSPRISM_SHARED/datasets/`, `-c constraints.txt -e .[dev]`, `DIR/tables/`",
     [".ci/", "data/gold/", "tests/test_layers.py"]),
])
def test_file_paths_finds_repository_paths_only(text, expected):
    assert file_paths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("```\ncore -> corpus | viz -> report\n```", [{"core"}, {"corpus", "viz"}, {"report"}]),
    ("no arrows\na -> b\nc -> d", [{"a"}, {"b"}]),
])
def test_layer_rows(text, expected):
    assert layer_rows(text) == expected
