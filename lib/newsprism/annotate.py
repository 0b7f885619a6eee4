"""Annotate a corpus once into tidy tables; notebooks read these.

LEAD'S FIRST VERSION (sequential, in memory). The scale helper extends it (parallel jobs,
Dask, partitioned Parquet, resume, cache) keeping this contract:

- ``annotate(corpus_or_path, **options) -> Annotations``
- per-article steps: each analysis module provides a function
  ``fn(article: ArticleInput, tables: dict[str, DataFrame], options: AnnotateOptions) -> DataFrame``
  that returns the rows of one table for one article. Steps run in ``STEPS`` order, so a step
  sees the tables of the steps before it (for that article) in ``tables``.

>>> from newsprism.annotate import annotate
>>> ann = annotate()                       # the bundled corpus
>>> sorted(ann.tables)[:2]
['articles', 'sentences']
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsprism.corpus import Corpus, load_corpus


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str
    language: str = "en"
    outlet: str = ""


@dataclass(frozen=True)
class AnnotateOptions:
    sentiment_engines: tuple[str, ...] = ("vader", "textblob")
    actors_path: str | None = None  # None: data/codebooks/actors.yml
    codebook: str = "story"  # name in data/codebooks or a path to a YAML codebook
    extra: tuple[tuple[str, Any], ...] = ()


# table name -> "module:function"; a step whose module is missing is skipped (and recorded).
STEPS: dict[str, str] = {
    "sentences": "newsprism.text:article_sentence_rows",
    "quotes": "newsprism.quotes:article_quotes",
    "mentions": "newsprism.actors:article_mentions",
    "sentiment": "newsprism.sentiment:article_sentiment",
    "frames": "newsprism.framing:article_frames",
    "claims": "newsprism.compare:article_claims",
}


@dataclass
class Annotations:
    tables: dict[str, pd.DataFrame]
    corpus: Corpus
    skipped_steps: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)


def _resolve(spec: str):
    module_name, function_name = spec.split(":")
    module = importlib.import_module(module_name)
    return getattr(module, function_name)


def annotate(corpus: Corpus | str | Path | None = None, options: AnnotateOptions | None = None,
             steps: list[str] | None = None) -> Annotations:
    corpus = corpus if isinstance(corpus, Corpus) else load_corpus(corpus)
    options = options or AnnotateOptions()
    functions, skipped = {}, {}
    for name in steps or list(STEPS):
        try:
            functions[name] = _resolve(STEPS[name])
        except (ImportError, AttributeError) as error:
            skipped[name] = f"{type(error).__name__}: {error}"
    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in functions}
    for row in corpus.articles.itertuples(index=False):
        article = ArticleInput(row.article_id, row.text, getattr(row, "language", "en") or "en",
                               row.outlet)
        tables: dict[str, pd.DataFrame] = {}
        for name, function in functions.items():
            tables[name] = function(article, tables, options)
            collected[name].append(tables[name])
    result = {"articles": corpus.articles}
    for name, frames in collected.items():
        frames = [f for f in frames if f is not None and len(f.columns)]
        result[name] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return Annotations(tables=result, corpus=corpus, skipped_steps=skipped)
