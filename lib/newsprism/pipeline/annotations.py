"""Annotation tables as stored: the ``Annotations`` object notebooks read, and the readers of
one table of an annotated directory (whole, some columns, a sample, or a ``pyarrow`` dataset).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from newsprism.corpus.readers import Corpus

# The Corpus fields stored as tables of an annotated folder (field -> table); the articles
# are the table "articles". A folder annotated before a table existed simply lacks it.
CORPUS_FIELD_TABLES = {"problems": "corpus_problems", "cleaning_audit": "cleaning_audit",
                       "cleaning_doubts": "cleaning_doubts"}


def stored_corpus_fields(read: Callable[[str], pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The ``Corpus`` fields an annotated folder stores, ``read(table)`` giving each table (a
    frame without columns when the folder lacks it). A missing problems or audit table is
    left to the ``Corpus`` default (empty); a missing ``cleaning_doubts`` (a folder annotated
    before it was stored) stays a frame without columns, so it reads as not recorded rather
    than as no doubt.

    >>> fields = stored_corpus_fields(lambda table: pd.DataFrame())  # a folder without them
    >>> sorted(fields), list(fields["cleaning_doubts"].columns)
    (['cleaning_doubts'], [])
    """
    fields = {}
    for field_name, table in CORPUS_FIELD_TABLES.items():
        frame = read(table)
        if len(frame.columns) or field_name == "cleaning_doubts":
            fields[field_name] = frame
    return fields


class Annotations:
    """Tidy annotation tables, loaded from Parquet on first access.

    ``ann.tables`` maps table name -> DataFrame (``ann.sentences`` is a shortcut);
    ``ann.corpus`` rebuilds the :class:`~newsprism.corpus.readers.Corpus` (articles, problems,
    cleaning audit); ``ann.problems`` lists articles a step failed on. For a corpus too large
    to hold in memory, read only what a figure needs with ``ann.read(name, columns=[...])``,
    draw evidence snippets with ``ann.sample(name, n)``, or aggregate over
    ``ann.dataset(name)`` (a ``pyarrow.dataset.Dataset``).

    >>> ann = Annotations({"articles": pd.DataFrame({"article_id": ["a"]})})
    >>> ann.articles.shape
    (1, 1)
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], corpus: Corpus | None = None,
                 skipped_steps: dict[str, str] | None = None, out_dir: str | Path | None = None,
                 manifest: dict | None = None):
        self.tables = tables
        self._corpus = corpus
        self.skipped_steps = dict(skipped_steps or {})
        self.out_dir = Path(out_dir) if out_dir else None
        self.manifest = manifest or {}

    @property
    def corpus(self) -> Corpus:
        if self._corpus is None:
            extra = stored_corpus_fields(
                lambda table: self.tables[table] if table in self.tables else pd.DataFrame())
            self._corpus = Corpus(articles=self.tables["articles"], **extra)
            self._corpus.source = self.manifest.get("corpus", {}).get("source", "")
        return self._corpus

    @property
    def n_articles(self) -> int:
        """Number of articles, from the manifest when there is one (no table is read)."""
        if "n_articles" in self.manifest:
            return int(self.manifest["n_articles"])
        return len(self.tables["articles"])

    def read(self, name: str, columns: list[str] | None = None, filter=None) -> pd.DataFrame:
        """Only some columns (and rows: a ``pyarrow.dataset`` expression) of one table."""
        if self.out_dir is None:
            table = self.tables[name]
            return table if columns is None else table[columns]
        return read_table(self.out_dir, name, columns=columns, filter=filter)

    def sample(self, name: str, n: int = 20, columns: list[str] | None = None, filter=None,
               seed: int = 0) -> pd.DataFrame:
        """``n`` random rows of one table (e.g. evidence snippets), without loading it all."""
        if self.out_dir is None:
            table = self.tables[name] if columns is None else self.tables[name][columns]
            return table.sample(min(n, len(table)), random_state=seed).sort_index()
        return sample_table(self.out_dir, name, n=n, columns=columns, filter=filter, seed=seed)

    def dataset(self, name: str):
        """The table as a ``pyarrow.dataset.Dataset`` over its partition files."""
        if self.out_dir is None:
            raise ValueError("in-memory annotations have no Parquet dataset")
        return table_dataset(self.out_dir, name)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        where = f" at {self.out_dir}" if self.out_dir else ""
        return f"<Annotations {sorted(self.tables)}{where}>"


def table_files(out_dir: str | Path, name: str) -> list[Path]:
    """The partition files of one table, in partition order."""
    folder = Path(out_dir) / name
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def table_dataset(out_dir: str | Path, name: str) -> ds.Dataset:
    """A ``pyarrow.dataset`` over one table's partitions (schemas unified across files).

    Aggregate a large table without loading it, e.g.
    ``table_dataset(d, "sentiment").to_table(columns=["article_id", "compound"])``.
    """
    files = table_files(out_dir, name)
    if not files:
        raise FileNotFoundError(f"no table {name!r} in {out_dir}")
    schemas = [pq.read_schema(f) for f in files]
    schema = pa.unify_schemas(schemas, promote_options="permissive")
    return ds.dataset([str(f) for f in files], schema=schema, format="parquet")


def read_table(out_dir: str | Path, name: str, columns: list[str] | None = None,
               filter=None) -> pd.DataFrame:
    """One table (optionally some columns / rows) of an annotated directory as a DataFrame.

    A table with no rows anywhere comes back as an empty DataFrame.

    >>> import tempfile
    >>> from newsprism.pipeline.store import annotate_to_parquet
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate_to_parquet(out=tmp.name, steps=["sentences"], progress=False)
    >>> read_table(ann.out_dir, "sentences", columns=["article_id", "text"]).shape
    (229, 2)
    >>> read_table(ann.out_dir, "no_such_table").empty
    True
    >>> tmp.cleanup()
    """
    try:
        dataset = table_dataset(out_dir, name)
    except FileNotFoundError:
        return pd.DataFrame(columns=columns or [])
    if columns is not None:
        missing = [c for c in columns if c not in dataset.schema.names]
        if missing:
            raise KeyError(f"table {name!r} has no columns {missing}")
    return dataset.to_table(columns=columns, filter=filter).to_pandas()


def sample_table(out_dir: str | Path, name: str, n: int = 20, columns: list[str] | None = None,
                 filter=None, seed: int = 0) -> pd.DataFrame:
    """A uniform random sample of ``n`` rows of one table (e.g. KWIC snippets for a figure
    over 100,000 articles), read batch by batch so memory stays at about ``n`` rows.

    Deterministic for a given ``seed``; rows come back in their stored order.

    >>> import tempfile
    >>> from newsprism.pipeline.store import annotate_to_parquet
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate_to_parquet(out=tmp.name, steps=["sentences"], progress=False)
    >>> sample = sample_table(ann.out_dir, "sentences", n=3, columns=["article_id", "sentence_id"])
    >>> sample.shape, sample.equals(sample_table(ann.out_dir, "sentences", n=3,
    ...                                          columns=["article_id", "sentence_id"]))
    ((3, 2), True)
    >>> tmp.cleanup()
    """
    import numpy as np

    try:
        dataset = table_dataset(out_dir, name)
    except FileNotFoundError:
        return pd.DataFrame(columns=columns or [])
    rng = np.random.default_rng(seed)
    kept = None
    offset = 0
    for batch in dataset.to_batches(columns=columns, filter=filter):
        if not batch.num_rows:
            continue
        # Reservoir by random keys: keep the n smallest keys seen so far.
        frame = batch.to_pandas().assign(_key=rng.random(batch.num_rows),
                                         _order=np.arange(offset, offset + batch.num_rows))
        offset += batch.num_rows
        kept = frame if kept is None else pd.concat([kept, frame], ignore_index=True)
        if len(kept) > n:
            kept = kept.nsmallest(n, "_key")
    if kept is None:
        return dataset.schema.empty_table().to_pandas()[columns or dataset.schema.names]
    return kept.sort_values("_order").drop(columns=["_key", "_order"]).reset_index(drop=True)


class LazyTables(Mapping):
    """Table name -> DataFrame, each read from Parquet on first access and then kept."""

    def __init__(self, out_dir: Path, names: list[str]):
        self._out_dir = out_dir
        self._names = list(names)
        self._loaded: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._loaded:
            self._loaded[name] = read_table(self._out_dir, name)
        return self._loaded[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
