"""The one YAML loader for researcher-edited files (codebooks, lexicons, parameter files).

Safe (no Python objects) and strict about duplicate keys: in plain YAML a second ``cues:`` in
a frame silently replaces the first, so half a codebook would vanish without a word. Here it
is an error naming the file, the key and both lines.

>>> load_yaml("a: 1\\nb: [x, y]\\n")
{'a': 1, 'b': ['x', 'y']}
>>> load_yaml("cues: [a]\\ncues: [b]\\n", source="frames.yml")
Traceback (most recent call last):
...
newsprism.core.yaml_io.DuplicateKeyError: frames.yml, line 2: duplicate key 'cues' (first at line 1)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping names the same key twice (a ``yaml.YAMLError``, so existing handlers catch it)."""

    def __init__(self, source: str, key: object, line: int, first_line: int, mark):
        super().__init__(None, None, f"duplicate key {key!r} (first at line {first_line})",
                         mark)
        self.source, self.key, self.line = source, key, line

    def __str__(self) -> str:
        return f"{self.source}, line {self.line}: {self.problem}"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict:
    first_line: dict[object, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue  # merge keys ("<<") may override; complex keys are left to SafeLoader
        key = loader.construct_object(key_node)
        line = key_node.start_mark.line + 1
        if key in first_line:
            raise DuplicateKeyError(loader.name, key, line, first_line[key], key_node.start_mark)
        first_line[key] = line
    return loader.construct_mapping(node)


# The same loader on libyaml's C parser (when PyYAML was built with it): about 8 times faster
# on the shipped codebooks, which every annotation worker reads before its first article.
# Constructing and resolving values stays in Python, so both give the same data.
class _FastStrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader on the C parser that refuses duplicate keys."""


for _loader in (_StrictLoader, _FastStrictLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def _parse(loader_class: type, text: str, source: str) -> Any:
    loader = loader_class(text)
    loader.name = source  # shown in every error mark
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml(text: str, source: str = "<string>") -> Any:
    """Parse YAML text; errors (``yaml.YAMLError``) name ``source``.

    Text the pure-Python reader would refuse (characters YAML does not allow), and any text
    the fast parser fails on, goes through the pure-Python parser, so errors read as before
    (tests/core/test_yaml_io.py).
    """
    if not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return _parse(_FastStrictLoader, text, source)
        except yaml.YAMLError:
            pass  # parsed again below, for the pure-Python parser's error message
    return _parse(_StrictLoader, text, source)


def syntax_error_message(error: Exception) -> str:
    """The reader's words for a YAML (or decoding) error: where and what, without the parser's
    snippet of the file. One definition for every codebook, registry and parameter file.

    >>> try:
    ...     load_yaml("a: [1, 2")
    ... except yaml.YAMLError as error:
    ...     print(syntax_error_message(error))
    YAML syntax error at line 1, column 9: expected ',' or ']', but got '<stream end>'
    """
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text (byte {error.start}: {error.reason})"
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"YAML syntax error{where}: {problem}"


def load_yaml_file(path: str | Path) -> Any:
    """Parse a UTF-8 YAML file; errors (``yaml.YAMLError``) name the file."""
    return load_yaml(Path(path).read_text(encoding="utf-8"), source=str(path))
