"""The parameters the notebooks declare, read from their ``parameters`` cells, and the check
of a run's ``-p``/``-f`` values against them before any notebook starts.

A parameter is declared once, in its notebook's tagged ``parameters`` cell::

    engine: str = "vader"  # sentiment engine: "vader", "textblob" or "nltk_vader"
    min_cluster_score: float = 0.75  # lowest similarity (0-1) that links two quotations

Each top-level assignment gives the name, type (the annotation, else the default's type),
default (a Python literal, else None) and the comment on its last line as help, as papermill's
own parser reads them; parsed here with the standard library, so that checking a run's
parameters imports neither papermill nor nbformat. Two conventions in the comment narrow a value further:

- a text parameter whose comment lists two or more double-quoted values, its default among
  them, accepts only those (``"vader", "textblob" or "nltk_vader"``); when the comment also
  says "path", any value that looks like a file path is accepted too (``codebook``);
- a number whose comment holds a range in parentheses, ``(0-1)`` or ``(1-100)``, must lie in it;
  ``(at least 1)`` sets only the lowest value;
- a list whose comment lists two or more double-quoted values accepts only those as items.

A notebook checks its own values against the same declarations with :func:`check_notebook`,
so a bad value is refused the same way in JupyterLab as from the runner.

>>> schema = {p.name: p for p in parse_parameters_source(
...     'engine: str = "vader"  # "vader", "textblob" or "nltk_vader"\\nseed: int = 0  # seed')}
>>> schema["engine"].choices
('vader', 'textblob', 'nltk_vader')
>>> check_parameters({"seed": 3}, schema)
{'seed': 3}
>>> check_parameters({"engin": "x"}, schema)
Traceback (most recent call last):
...
newsprism.core.errors.UsageError: unknown parameter 'engin' (did you mean 'engine'?)
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import re
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsprism.core.errors import UsageError

# Set by the runner itself, never by the user.
RUNNER_PARAMETERS = ("corpus", "out_dir")
_QUOTED = re.compile(r'"([^"\\]+)"')
_RANGE = re.compile(r"\((-?\d+(?:\.\d+)?)\s*[-–]\s*(-?\d+(?:\.\d+)?)\)")
_AT_LEAST = re.compile(r"\(at least (-?\d+(?:\.\d+)?)\)")
_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}
_TYPE_WORDS = {"str": "text", "int": "a whole number", "float": "a number",
               "bool": "true or false", "list": "a list, e.g. '[a, b]'",
               "dict": "a mapping, e.g. '{a: 1}'"}


@dataclass(frozen=True)
class Parameter:
    """One declared parameter; ``notebooks`` are the stems of the notebooks declaring it."""

    name: str
    type: str  # str | int | float | bool | list | dict | any
    default: Any
    help: str = ""
    notebooks: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    path_allowed: bool = False
    low: float | None = None
    high: float | None = None


def _type_of(declared: str, default: Any) -> str:
    if declared in _TYPES:
        return declared
    for name, kind in (("bool", bool), ("int", int), ("float", float), ("str", str),
                       ("list", list), ("dict", dict)):
        if isinstance(default, kind):
            return name
    return "any"


def _parameter(name: str, declared: str, default: Any, help_text: str,
               notebook: str = "") -> Parameter:
    """Our ``Parameter`` from a declaration: name, annotation, default value and comment."""
    kind = _type_of(declared, default)
    choices: tuple[str, ...] = ()
    quoted = tuple(dict.fromkeys(_QUOTED.findall(help_text)))
    if (kind == "str" and len(quoted) >= 2 and default in quoted) or (
            kind == "list" and len(quoted) >= 2):
        choices = quoted
    low = high = None
    found, floor = _RANGE.search(help_text), _AT_LEAST.search(help_text)
    if kind in ("int", "float") and found:
        low, high = float(found.group(1)), float(found.group(2))
    elif kind in ("int", "float") and floor:
        low = float(floor.group(1))
    return Parameter(name=name, type=kind, default=default, help=help_text,
                     notebooks=(notebook,) if notebook else (), choices=choices,
                     path_allowed=bool(choices) and "path" in help_text.lower(),
                     low=low, high=high)


def _comments(source: str) -> dict[int, str]:
    """Line number -> the text of the comment on that line (without ``#``)."""
    found: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string[1:].strip()
    return found


def _annotation(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.strip()  # a quoted annotation: `engine: "str" = ...`
    return ast.unparse(node)


def _default(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None  # not a literal (`Path("x")`): no default to check against


def parse_parameters_source(source: str, notebook: str = "") -> list[Parameter]:
    """The parameters declared in the source of a ``parameters`` cell: each top-level
    ``name = value`` or ``name: type = value``, its help the comment on its last line. A cell
    that is not valid Python declares nothing.

    >>> [(p.name, p.type, p.default, p.help) for p in parse_parameters_source(
    ...     'seed: int = 0  # random seed\\nnames = [\\n  "a",  # first\\n  "b"]  # who')]
    [('seed', 'int', 0, 'random seed'), ('names', 'list', ['a', 'b'], 'who')]
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    comments = _comments(source)
    params = []
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, declared = node.target, _annotation(node.annotation)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, declared = node.targets[0], ""
        else:
            continue
        if isinstance(target, ast.Name):
            help_text = comments.get(node.end_lineno or node.lineno, "")
            params.append(_parameter(target.id, declared, _default(node.value), help_text,
                                     notebook))
    return params


def notebook_parameters(path: str | Path) -> list[Parameter]:
    """The parameters a notebook (``.ipynb``) declares in its cell tagged ``parameters``."""
    path = Path(path)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"notebook {path}: cannot be read ({error})") from None
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            return parse_parameters_source(source, path.stem)
    return []


def parameter_schema(notebooks: Iterable[str | Path]) -> dict[str, Parameter]:
    """Every parameter the notebooks declare, by name, with the notebooks declaring it.

    A name declared by several notebooks keeps the first declaration's type and help and the
    union of its notebooks.
    """
    schema: dict[str, Parameter] = {}
    for path in notebooks:
        for param in notebook_parameters(path):
            known = schema.get(param.name)
            schema[param.name] = (param if known is None else
                                  replace(known, notebooks=known.notebooks + param.notebooks))
    return schema


def _suggestion(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value.lower().endswith((".yml", ".yaml"))


def _coerce(param: Parameter, value: Any) -> Any:
    """``value`` as the parameter's type, or a ``UsageError`` naming the parameter."""
    where = f"parameter '{param.name}'"
    if param.type == "any":
        return value
    if param.type == "float" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if param.type == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # YAML read `-p codebook 2024` as a number
    expected = _TYPES[param.type]
    if not isinstance(value, expected) or (param.type in ("int", "float")
                                           and isinstance(value, bool)):
        raise UsageError(f"{where}: {value!r} is not {_TYPE_WORDS[param.type]} "
                         f"(default {param.default!r}; {param.help})")
    if param.type == "list" and param.choices:
        return _check_items(param, value)
    if param.choices and value not in param.choices:
        if not (param.path_allowed and _looks_like_path(value)):
            also = " or a file path" if param.path_allowed else ""
            raise UsageError(f"{where}: {value!r} is not one of "
                             f"{', '.join(param.choices)}{also}"
                             f"{_suggestion(value, param.choices)}")
    if param.low is not None and param.high is None and value < param.low:
        raise UsageError(f"{where}: {value!r} is below its lowest value {param.low:g}")
    if param.low is not None and param.high is not None and not param.low <= value <= param.high:
        raise UsageError(f"{where}: {value!r} is outside its range "
                         f"{param.low:g} to {param.high:g}")
    return value


def _check_items(param: Parameter, value: list) -> list:
    """A list parameter whose items must each be one of its choices."""
    unknown = [item for item in value if item not in param.choices]
    if unknown:
        raise UsageError(f"parameter '{param.name}': {unknown[0]!r} is not one of "
                         f"{', '.join(param.choices)}{_suggestion(str(unknown[0]), param.choices)}")
    return value


def check_parameters(params: Mapping[str, Any], schema: Mapping[str, Parameter]
                     ) -> dict[str, Any]:
    """Check every name and value; return the values converted to their declared types.

    Raises :class:`~newsprism.core.errors.UsageError` for the first unknown name (with the closest
    known name suggested) or ill-typed value (naming the parameter).
    """
    checked = {}
    for name, value in params.items():
        if name not in schema:
            hint = _suggestion(name, schema) or f" (known: {', '.join(sorted(schema))})"
            raise UsageError(f"unknown parameter '{name}'{hint}")
        checked[name] = _coerce(schema[name], value)
    return checked


def check_notebook(notebook: str, values: Mapping[str, Any],
                   notebooks_dir: str | Path | None = None) -> dict[str, Any]:
    """``values`` checked against what notebook ``notebook`` (its stem) declares in its own
    ``parameters`` cell: the check a notebook runs first, the same one the runner runs.

    Raises :class:`~newsprism.core.errors.UsageError` naming the parameter; returns the values
    converted to their declared types. A notebook not found there (a copy run from another
    folder) is checked by the runner only: its values come back as given, with a warning.
    """
    import warnings

    from newsprism.core import paths

    path = (Path(notebooks_dir) if notebooks_dir else paths.NOTEBOOKS) / f"{notebook}.ipynb"
    if not path.exists():
        warnings.warn(f"{path} not found: parameters of {notebook} not checked here",
                      stacklevel=2)
        return dict(values)
    return check_parameters(values, {p.name: p for p in notebook_parameters(path)})


def parameters_for(notebook: str | Path, params: Mapping[str, Any],
                   schema: Mapping[str, Parameter]) -> dict[str, Any]:
    """The subset of ``params`` that ``notebook`` declares (so papermill warns about none),
    plus the runner's own ``corpus`` and ``out_dir``, which every notebook receives.

    >>> schema = {"a": Parameter("a", "int", 0, notebooks=("10_x",))}
    >>> parameters_for("notebooks/10_x.ipynb", {"a": 1, "b": 2, "out_dir": "o"}, schema)
    {'a': 1, 'out_dir': 'o'}
    """
    stem = Path(notebook).stem
    return {k: v for k, v in params.items()
            if k in RUNNER_PARAMETERS or (k in schema and stem in schema[k].notebooks)}
