"""Fixtures of the report sections' tests: corpora at the edge of what a report can say."""

from __future__ import annotations

import csv
import shutil

import pytest
from newsprism.core import paths


@pytest.fixture
def one_article_corpus(tmp_path):
    """The first article of the multi_outlet fixture as a corpus of its own (a copy)."""
    source = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"
    with open(source / "manifest.csv", encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    corpus = tmp_path / "one_article"
    (corpus / "articles").mkdir(parents=True)
    shutil.copy(source / first["file"], corpus / first["file"])
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
    return corpus
