"""The sentence splitter loads Punkt without importing all of NLTK (core.resources.
punkt_tokenizer); its splits equal those of the real ``nltk`` package, on the bundled corpus
and on PolNeAR train articles (never dev or test: this is an equivalence check, not a score)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from newsprism.core import paths

# Subprocesses that import the real NLTK (and SciPy): an equivalence check, `make test` only.
pytestmark = pytest.mark.slow

SPLIT = """
import json, sys
{before}
from newsprism.core.text import split_sentences
from newsprism.corpus.readers import load_corpus
texts = list(load_corpus({corpus!r}).articles["text"])
texts += [open(f, encoding="utf-8").read() for f in {files!r}]
spans = [split_sentences(t) for t in texts]
heavy = sorted(m for m in ("nltk", "scipy", "sklearn") if m in sys.modules)
print(json.dumps({{"spans": spans, "heavy": heavy, "n": len(texts)}}))
"""


def _polnear_sample(n: int = 60) -> list[str]:
    folder = paths.POLNEAR / "train" / "text"
    return [str(p) for p in sorted(folder.glob("*.txt"))[:n]] if folder.is_dir() else []


def _split(before: str, files: list[str]) -> dict:
    code = SPLIT.format(before=before, corpus=str(paths.BUNDLED_CORPUS), files=files)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600, cwd=paths.ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("source", ["bundled", "polnear"])
def test_isolated_punkt_splits_equal_the_real_nltk(source):
    files = _polnear_sample() if source == "polnear" else []
    if source == "polnear" and not files:
        pytest.skip("PolNeAR train texts not present (../shared/datasets/polnear)")
    isolated = _split("", files)
    real = _split("import nltk", files)
    assert isolated["n"] == real["n"] > 0
    assert isolated["spans"] == real["spans"]
    assert isolated["heavy"] == []  # NLTK left out of sys.modules, SciPy and sklearn never loaded
    assert real["heavy"] == ["nltk", "scipy", "sklearn"]


def test_real_nltk_still_imports_after_the_isolated_load():
    code = ("from newsprism.core.text import split_sentences; split_sentences('A. B.')\n"
            "import nltk, nltk.tokenize.punkt\n"
            "from textblob import TextBlob\n"
            "print(len(TextBlob('One here. Two there.').sentences), "
            "nltk.sent_tokenize('One here. Two there.'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=600, cwd=paths.ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["2", "['One", "here.',", "'Two", "there.']"]
