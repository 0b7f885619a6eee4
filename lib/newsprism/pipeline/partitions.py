"""The corpus cut into partitions for an annotation run: streamed batches (raw, cleaned by
the worker) or slices of a corpus in memory, and the partition size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from newsprism.core import paths
from newsprism.corpus.readers import Corpus, RawBatch, load_corpus

PARTITION_SIZE = 500


def _slice_corpus(corpus: Corpus, batch_size: int) -> Iterator[Corpus]:
    articles = corpus.articles
    n = len(articles)
    for number, start in enumerate(range(0, max(n, 1), batch_size)):
        batch = articles.iloc[start:start + batch_size].reset_index(drop=True)
        ids = set(batch["article_id"].astype(str))
        # Corpus-level problems have no partition of their own: they travel with the first.
        problems = corpus.problems if number == 0 else corpus.problems.iloc[0:0]
        yield Corpus(articles=batch, problems=problems.reset_index(drop=True),
                     cleaning_audit=_rows_of(corpus.cleaning_audit, ids), source=corpus.source,
                     cleaning_doubts=_rows_of(corpus.cleaning_doubts, ids))


def _rows_of(table: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """The rows of ``table`` about the articles ``ids`` (all rows when it has no ids)."""
    if len(table) and "article_id" in table.columns:
        table = table[table["article_id"].astype(str).isin(ids)]
    return table.reset_index(drop=True)


def iter_corpus_batches(path: Corpus | str | Path | None, batch_size: int = PARTITION_SIZE
                        ) -> Iterator[Corpus]:
    """The corpus as a sequence of small ``Corpus`` objects of at most ``batch_size`` articles.

    Uses ``newsprism.corpus.readers.iter_corpus_batches`` when the corpus module streams; otherwise
    loads the corpus with ``load_corpus`` and slices it.

    >>> [len(c.articles) for c in iter_corpus_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    if isinstance(path, Corpus):
        yield from _slice_corpus(path, batch_size)
        return
    from newsprism.corpus import readers as corpus_module

    streamer = getattr(corpus_module, "iter_corpus_batches", None)
    if streamer is not None:
        yield from streamer(path, batch_size)
        return
    yield from _slice_corpus(load_corpus(path), batch_size)


def partition_batches(path: Corpus | str | Path | None, batch_size: int = PARTITION_SIZE,
                      cleaning: str = "default") -> Iterator[Corpus | RawBatch]:
    """The partitions of an annotation run: ``RawBatch`` es (cleaned by the worker that
    annotates them, so the reading process stays light) or, for a ``Corpus`` already in
    memory, slices of it. Partition boundaries do not depend on jobs or scheduler.

    ``cleaning`` (``AnnotateOptions.cleaning``) applies to raw batches. The lines recurring
    across an outlet's articles (and short ones across the corpus) are counted over the whole
    corpus before any partition is cleaned, and every partition gets them, so an article is
    cleaned as ``load_corpus`` cleans it whatever the partition size or jobs."""
    if isinstance(path, Corpus):
        yield from _slice_corpus(path, batch_size)
        return
    from newsprism.corpus import readers as corpus_module

    raw = getattr(corpus_module, "iter_raw_batches", None)
    yield from (raw(path, batch_size, cleaning=cleaning) if raw is not None
                else iter_corpus_batches(path, batch_size))


def count_articles(path: Corpus | str | Path | None) -> int | None:
    """Number of articles, when it is cheap to know before reading (for the progress bar)."""
    if isinstance(path, Corpus):
        return len(path.articles)
    path = Path(path) if path else paths.BUNDLED_CORPUS
    try:
        if path.is_dir() and paths.resolve_inside(path / "manifest.csv", path) is not None \
                and (path / "manifest.csv").is_file():
            return len(pd.read_csv(path / "manifest.csv", usecols=[0]))
        if path.suffix in {".jsonl", ".ndjson"}:
            with open(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
    except (OSError, ValueError):
        return None
    return None


def auto_partition_size(n_articles: int | None) -> int:
    """Partition size for a corpus of ``n_articles``: ``PARTITION_SIZE``, but small corpora get
    about 16 partitions so every worker has work (it does not depend on ``jobs``, so a run
    resumed with another ``jobs`` keeps its partitions).

    >>> auto_partition_size(None), auto_partition_size(100_000), auto_partition_size(1000)
    (500, 500, 63)
    """
    if not n_articles:
        return PARTITION_SIZE
    return max(20, min(PARTITION_SIZE, -(-n_articles // 16)))
