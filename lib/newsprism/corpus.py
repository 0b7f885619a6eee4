"""Load a corpus: articles plus the problems found while reading them.

PLACEHOLDER (lead): minimal manifest-folder loader so other modules can start; the corpus
helper replaces this module entirely, keeping the public contract below.

>>> from newsprism.corpus import load_corpus
>>> corpus = load_corpus()          # the bundled corpus
>>> corpus.articles.shape[0]
5
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsprism import paths
from newsprism.text import count_words

ARTICLE_COLUMNS = [
    "article_id", "outlet", "title", "author", "published", "url", "genre", "language",
    "text", "n_words", "source_file",
]
PROBLEM_COLUMNS = ["source_file", "line", "article_id", "reason"]
AUDIT_COLUMNS = ["article_id", "start_line", "removed_text", "rule"]


@dataclass
class Corpus:
    articles: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))
    cleaning_audit: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AUDIT_COLUMNS))
    source: str = ""


def load_corpus(path: str | Path | None = None) -> Corpus:
    path = Path(path) if path else paths.BUNDLED_CORPUS
    manifest = pd.read_csv(path / "manifest.csv", dtype=str, keep_default_na=False)
    rows = []
    for rec in manifest.to_dict("records"):
        text = (path / rec["file"]).read_text(encoding="utf-8")
        rows.append({**{c: rec.get(c, "") for c in ARTICLE_COLUMNS}, "text": text,
                     "n_words": count_words(text), "source_file": str(path / rec["file"])})
    return Corpus(articles=pd.DataFrame(rows, columns=ARTICLE_COLUMNS), source=str(path))
