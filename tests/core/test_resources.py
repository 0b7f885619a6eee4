"""The bundled NLTK data loads from a checkout made under any umask (NLTK refuses data that
another account could have written: group-writable files under umask 002)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from newsprism.core import paths, resources

SPLIT = ("import json, nltk, textblob\nfrom newsprism.core.text import split_sentences\n"
         "print(json.dumps([split_sentences('Mr. Kim wrote on Dec. 27. Putin replied.'), "
         "[str(s) for s in textblob.TextBlob('Dr. No came. He left.').sentences], "
         "nltk.data.path[0]]))")


def _group_writable_checkout(tmp_path: Path) -> Path:
    lib = tmp_path / "checkout" / "lib"
    shutil.copytree(paths.PACKAGE, lib / "newsprism",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for item in [lib, *lib.rglob("*")]:  # what `git clone` gives under umask 002
        item.chmod(item.stat().st_mode | stat.S_IWGRP)
    return lib


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_sentences_split_in_a_group_writable_checkout(tmp_path):
    lib = _group_writable_checkout(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    env.update(PYTHONPATH=str(lib), HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-c", SPLIT], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    spans, blob, registered = json.loads(proc.stdout)
    assert spans == [[0, 25], [26, 40]] and blob == ["Dr. No came.", "He left."]
    copy = Path(registered)
    assert copy.parent == tmp_path / "home" / ".cache" / "newsprism"
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # no staging folder left
    for item in [copy, *copy.rglob("*")]:
        assert not item.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH)


# NLTK imported after newsprism, by TextBlob, and no newsprism call before its first use.
BLOB_FIRST = ("import json, sys, newsprism\nassert 'nltk' not in sys.modules\n"
              "import nltk, textblob\nprint(json.dumps([[str(s) for s in textblob.TextBlob("
              "'Dr. No came. He left.').sentences], nltk.data.path[0]]))")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_nltk_imported_later_finds_the_private_copy_made_at_import(tmp_path):
    lib = _group_writable_checkout(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "NLTK_DATA")}
    env.update(PYTHONPATH=str(lib), HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-c", BLOB_FIRST], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    blob, registered = json.loads(proc.stdout)
    assert blob == ["Dr. No came.", "He left."]
    assert Path(registered).parent == tmp_path / "home" / ".cache" / "newsprism"


def test_a_private_checkout_uses_its_own_folder_and_a_tampered_copy_is_remade(tmp_path,
                                                                              monkeypatch):
    source = tmp_path / "nltk_data"
    shutil.copytree(paths.NLTK_DATA, source)
    for item in [source, *source.rglob("*")]:
        item.chmod(0o755 if item.is_dir() else 0o644)
    assert resources._tree_is_private(source)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copy = resources._private_copy(source)
    assert resources._tree_digest(copy) == resources._tree_digest(source)
    assert resources._private_copy(source) == copy  # made once, then reused
    (copy / "tokenizers").chmod(0o777)  # someone else could now plant files: not trusted
    assert not resources._tree_is_private(copy)
    again = resources._private_copy(source)
    assert again == copy and resources._tree_is_private(again)


# TextBlob's scores without TextBlob's __init__ (core.resources.textblob_pattern), then the
# real package imported after them: NLTK and SciPy stay out, and the numbers are TextBlob's own
# (the third text, with a line break, takes the scorer's slow path).
TEXTBLOB_ISOLATED = (
    "import json, sys\nfrom newsprism.sentiment.scoring import score_rows\n"
    "texts = ['A great and terrible day.', 'Not bad at all!', 'Dr. No came.\\nHe left :)']\n"
    "ours = [list(r) for r in score_rows(texts, 'textblob')]\n"
    "heavy = sorted(m for m in ('nltk', 'scipy', 'textblob') if m in sys.modules)\n"
    "from textblob.en.sentiments import PatternAnalyzer\n"
    "real = [list(PatternAnalyzer().analyze(t)[:2]) for t in texts]\n"
    "print(json.dumps([heavy, ours, real, 'nltk' in sys.modules]))")


@pytest.mark.slow
def test_textblob_scores_load_without_nltk_and_equal_textblobs_own():
    proc = subprocess.run([sys.executable, "-c", TEXTBLOB_ISOLATED], capture_output=True,
                          text=True, cwd=paths.ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    heavy, ours, real, nltk_later = json.loads(proc.stdout)
    assert heavy == []
    assert ours == real and len(ours) == 3
    assert nltk_later  # the real TextBlob (and NLTK) still import afterwards
