"""The YAML loader parses with libyaml when it can and gives what the pure-Python parser
gives: the same data for every YAML file the package ships, the same errors for bad text."""

from __future__ import annotations

import pytest
import yaml
from newsprism.core import paths
from newsprism.core.yaml_io import load_yaml, syntax_error_message

SHIPPED = sorted(p for p in paths.PACKAGE.rglob("*.yml")) + sorted(
    p for p in paths.ROOT.glob("data/corpora/*.params.yml"))


def _python_parse(text: str):
    """The reference: PyYAML's pure-Python safe parser (no duplicate-key check)."""
    return yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader


def _python_error(text: str, source: str) -> str:
    """The pure-Python parser's message, the file named as the loader names it."""
    try:
        loader = yaml.SafeLoader(text)  # characters YAML refuses fail here, before the name
        loader.name = source
        loader.get_single_data()
    except yaml.YAMLError as error:
        return str(error)
    raise AssertionError(f"{text!r} parses")


def test_the_fast_parser_is_available_here():
    # Without libyaml the loader still works (pure Python), only slower; here it is built in.
    assert yaml.__with_libyaml__


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_yaml_loads_as_the_pure_python_parser_loads_it(path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text, source=str(path)) == _python_parse(text)


@pytest.mark.parametrize("text, expected", [
    ("a: 1\nb: [x, 'y', 2.5, null, yes, 2026-01-05]\n",
     {"a": 1, "b": ["x", "y", 2.5, None, True, __import__("datetime").date(2026, 1, 5)]}),
    ("base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", {"base": {"x": 1}, "d": {"x": 1, "y": 2}}),
    ("s: \"caf\\u00e9 \u201cq\u201d\"\n", {"s": "caf\u00e9 \u201cq\u201d"}),
    ("", None),
])
def test_values_match_the_pure_python_parser(text, expected):
    assert load_yaml(text) == expected == _python_parse(text)


@pytest.mark.parametrize("text", [
    "a: [b\n",                    # syntax error
    "a: 1\na: 2\n",               # duplicate key (ours)
    "- \x07 bell\n",              # a character YAML does not allow
    "k: \ud800\n",                # a lone surrogate
    "a:\n\t- b\n",                # tab indentation
])
def test_errors_read_as_the_pure_python_parsers(text):
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text, source="bad.yml")
    message = str(caught.value)
    if "duplicate" in message:
        assert message == "bad.yml, line 2: duplicate key 'a' (first at line 1)"
    else:  # the pure-Python parser's own message, word for word
        assert message == _python_error(text, "bad.yml")


@pytest.mark.parametrize("text, expected", [
    ("a: [1, 2", "YAML syntax error at line 1, column 9: expected ',' or ']'"),
    ("a: 1\n  b: 2\n", "YAML syntax error at line 2, column 4: mapping values are not allowed"),
    ("a: 'open\n", "YAML syntax error at line 2, column 1: found unexpected end of stream"),
])
def test_syntax_error_message_says_where_and_what(text, expected):
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    assert syntax_error_message(caught.value).startswith(expected)


def test_syntax_error_message_of_a_decoding_error():
    try:
        b"a: \xff".decode("utf-8")
    except UnicodeDecodeError as error:
        assert syntax_error_message(error) == "not UTF-8 text (byte 3: invalid start byte)"
