"""Test columns are spelled ``p_value``/``q_value`` everywhere. The two public tables that
spelled them ``p``/``q`` (time.before_after, compare.keyness.distinctive_terms) keep those
as deprecated copies with identical values, and no library code reads the copies."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.core.stats import DEPRECATED_TEST_COLUMNS

IDS = [f"a{k:02d}" for k in range(12)]  # six articles on each side of the split
DATES = pd.DataFrame({"article_id": IDS, "outlet": "X",
                      "date": pd.date_range("2026-01-01", periods=12, freq="D", tz="UTC")})
SENTENCES = pd.DataFrame({"article_id": np.repeat(IDS, 2), "voice": "author",
                          "score": np.r_[np.linspace(0.1, 0.3, 12), np.linspace(-0.6, -0.2, 12)]})
PRESENCE = pd.DataFrame({"article_id": IDS, "frame": "conflict",
                         "present": [True, False] * 3 + [True] * 6})
QUOTES = pd.DataFrame({"article_id": np.repeat(IDS, 2),
                       "speaker": ["Kim", "Putin"] * 6 + ["Putin"] * 12})
SPLIT = "2026-01-07"


def _before_after():
    from newsprism.time.before_after import before_after

    return before_after(SENTENCES, PRESENCE, QUOTES, DATES, SPLIT, n_boot=200)


def _tone_change():
    from newsprism.time.before_after import tone_change

    return tone_change(SENTENCES, DATES, SPLIT, n_boot=200)


def _frame_change():
    from newsprism.time.before_after import frame_change

    return frame_change(PRESENCE, DATES, SPLIT)


def _speaker_change():
    from newsprism.time.before_after import speaker_change

    return speaker_change(QUOTES, DATES, SPLIT, n_boot=200)


def _distinctive_terms():
    from newsprism.compare.keyness import distinctive_terms
    from newsprism.corpus.readers import load_corpus

    return distinctive_terms(load_corpus().articles, top=5)


def _no_terms():
    from newsprism.compare.keyness import distinctive_terms

    return distinctive_terms(pd.DataFrame({"outlet": ["A"], "text": ["word"]}))


@pytest.mark.parametrize(("table", "aliases"), [
    (_before_after, ["p", "q"]), (_tone_change, ["p", "q"]), (_frame_change, ["p", "q"]),
    (_speaker_change, ["p", "q"]), (_distinctive_terms, ["q"]), (_no_terms, ["q"]),
])
def test_each_deprecated_alias_equals_its_documented_column(table, aliases):
    found = table()
    assert [c for c in found.columns if c in DEPRECATED_TEST_COLUMNS] == aliases
    for alias in aliases:
        pd.testing.assert_series_equal(found[alias], found[DEPRECATED_TEST_COLUMNS[alias]],
                                       check_names=False)
    if len(found):  # some row was tested, so the copies are compared on numbers, not NaN
        tested = "p_value" if "p_value" in found else "q_value"
        assert np.isfinite(found[tested].astype(float)).any()


# an index (after a name, a call or an index), not a one-item list such as ["q"] * 2
ALIAS_INDEX = re.compile(r"""(?<=[\w)\]])\[\s*["'](p|q)["']\s*\]""")


def alias_reads(source: str) -> list[str]:
    """Where ``source`` reads a deprecated alias: ``t["q"]``, ``row.q``, ``t.get("p")`` or a
    column list holding "p"/"q" (in code or in a docstring example)."""
    found = [f"[{m.group(1)!r}]" for m in ALIAS_INDEX.finditer(source)]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in DEPRECATED_TEST_COLUMNS \
                and isinstance(node.ctx, ast.Load):
            found.append(f".{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "get" and node.args \
                and isinstance(node.args[0], ast.Constant) \
                and node.args[0].value in DEPRECATED_TEST_COLUMNS:
            found.append(f".get({node.args[0].value!r})")
        elif isinstance(node, ast.List) and any(
                isinstance(e, ast.Constant) and e.value in DEPRECATED_TEST_COLUMNS
                for e in node.elts):
            found.append("column list")
    return found


@pytest.mark.parametrize(("source", "expected"), [
    ('table["q"] < 0.05', ["['q']"]),
    ("row['p']", ["['p']"]),
    ("rec.q", [".q"]),
    ('row.get("p", 1)', [".get('p')"]),
    ('out[["z", "q"]]', ["column list"]),
    ('"""\n>>> t["q"]\n"""', ["['q']"]),  # a docstring example
    ('table["q_value"] < 0.05', []),
    ('sums[("q", "sum")]', []),  # a local groupby key, not a column list
    ('"""\n>>> pd.DataFrame({"engine": ["q"] * 2})\n"""', []),  # example values, not a read
    ('PRONOUNS = {"they": "p"}', []),
])
def test_the_alias_check_finds_reads_of_p_and_q(source, expected):
    assert alias_reads(source) == expected


def test_no_library_code_reads_a_deprecated_alias():
    lib = paths.PACKAGE
    found = {str(path.relative_to(lib)): reads for path in sorted(lib.rglob("*.py"))
             if (reads := alias_reads(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_aliases_are_documented_as_deprecated():
    from newsprism.compare.keyness import distinctive_terms
    from newsprism.time import before_after

    assert "deprecated copy of q_value" in distinctive_terms.__doc__
    assert "deprecated copies" in before_after.__doc__
    methods = (Path(paths.ROOT) / "docs" / "methods.md").read_text(encoding="utf-8")
    assert "`p` and `q`" in methods and "deprecated" in methods
