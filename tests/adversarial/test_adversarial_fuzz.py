"""Property test: random bytes and random JSON never raise out of ``load_corpus``, and every
input row is either kept or named. (``bench/fuzz_corpus.py`` runs 10,000 inputs per reader.)"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsprism.corpus.readers import load_corpus

from adversarial import fuzz_inputs as fz

FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Letters, digits, punctuation, spaces, control characters (NUL, newlines) and lone surrogates.
TEXT = st.text(alphabet=st.characters(max_codepoint=0xFFFF, categories=[
    "Lu", "Ll", "Nd", "Po", "Ps", "Pe", "Sm", "Sc", "Zs", "Cc", "Cs"]), max_size=60)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)
RECORD = st.fixed_dictionaries({"id": TEXT | st.integers(), "outlet": TEXT, "text": TEXT},
                               optional={"title": JSON, "extra": JSON})


def load(write, *args):
    with tempfile.TemporaryDirectory() as tmp:
        path, rows = write(Path(tmp), *args)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path)
        corpus.problems.to_csv(Path(tmp) / "p.csv", encoding="utf-8")  # writable as UTF-8
        corpus.articles.to_csv(Path(tmp) / "a.csv", encoding="utf-8")
    return corpus, rows


@FAST
@given(st.lists(st.lists(TEXT, min_size=5, max_size=5), max_size=6))
def test_csv_rows_are_kept_or_named(rows):
    corpus, n = load(fz.csv_rows, rows)
    assert fz.accounted(corpus) == n


@FAST
@given(st.lists(RECORD | JSON, min_size=1, max_size=6))
def test_jsonl_lines_are_kept_or_named(values):
    corpus, n = load(fz.jsonl_values, values)
    assert fz.accounted(corpus) == n


@FAST
@given(st.lists(st.binary(max_size=200), max_size=4))
def test_folder_files_are_kept_or_named(files):
    corpus, n = load(fz.folder_files, files)
    assert fz.accounted(corpus) == n


@FAST
@given(st.binary(max_size=300), st.sampled_from([".csv", ".jsonl"]))
def test_random_bytes_never_raise(data, suffix):
    load(fz.raw_file, data, suffix)


@FAST
@given(st.binary(max_size=200), st.binary(max_size=200))
def test_random_manifest_never_raises(manifest, article):
    load(fz.manifest_bytes, manifest, article)
