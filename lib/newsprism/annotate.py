"""Annotate a corpus once into tidy tables; notebooks read these.

``annotate()`` runs every analysis step over every article and stores the result as
partitioned Parquet (see :mod:`newsprism.scale`). The first call computes; later calls with
the same corpus content, options, steps and library code read the cache under
``outputs/cache/<key>/``. Articles are independent, so the work runs in parallel local
processes (``jobs=N``) or on a Dask cluster (``scheduler="tcp://host:8786"``).

A *step* is a per-article function provided by an analysis module::

    fn(article: ArticleInput, tables: dict[str, DataFrame], options: AnnotateOptions) -> DataFrame

that returns the rows of one table for one article. Steps run in ``STEPS`` order, so a step
sees the tables of the steps before it (for that article) in ``tables``. A step whose module
is missing is skipped (and recorded in ``Annotations.skipped_steps``); an article whose step
raises is recorded in the ``problems`` table and left out of the step tables, never fatal.

>>> from newsprism.annotate import annotate
>>> ann = annotate(progress=False)                       # the bundled corpus, cached
>>> [name for name in ("articles", "sentences", "problems") if name in ann.tables]
['articles', 'sentences', 'problems']
>>> ann.sentences.columns[:3].tolist()
['article_id', 'sentence_id', 'paragraph_id']

An annotated directory (it holds ``_manifest.json``) is accepted wherever a corpus is, so a
large corpus annotated once from the command line (``newsprism annotate --corpus big.jsonl
--out big_ann --jobs 8``) is reported without annotating again: ``annotate("big_ann")``.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from newsprism.corpus import Corpus

StepFunction = Callable[..., pd.DataFrame]


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str
    language: str = "en"
    outlet: str = ""


class RowTable:
    """One step's rows for one article as plain tuples: the fast form of a step result.

    ``len(t)``, ``t.columns``, ``t.empty`` and ``t["column"]`` (a list) work as on a
    DataFrame, which is all the built-in steps read of an earlier step's table;
    ``t.frame()`` is the DataFrame the step's public function returns.

    >>> t = RowTable(["sentence_id", "start"], [(0, 0), (1, 5)])
    >>> len(t), t["start"], t.frame().shape
    (2, [0, 5], (2, 2))
    """

    __slots__ = ("columns", "rows")

    def __init__(self, columns: list[str], rows: list[tuple]):
        self.columns = columns
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def empty(self) -> bool:
        return not self.rows

    def __getitem__(self, column: str) -> list:
        i = self.columns.index(column)
        return Column([row[i] for row in self.rows])

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=self.columns)


class Column(list):
    """A column of a RowTable: a list that also has ``tolist()`` as a Series has."""

    __slots__ = ()

    def tolist(self) -> list:
        return list(self)


class TypedRowTable(RowTable):
    """A RowTable whose columns have declared kinds, so pieces with missing values still
    combine into ONE DataFrame equal to ``pd.concat`` of the per-article DataFrames.

    Kinds: ``"Int64"`` (nullable integers: ``pd.array(values, dtype="Int64")``), ``"text"``
    (``str`` or ``None``: pandas infers ``str`` for a piece with any text and ``object`` for
    an all-``None`` piece, and ``concat`` of both gives ``object``, which ``combine``
    reproduces) and ``"value"`` (ints / floats / strings without ``None``: inferred).

    >>> a = TypedRowTable(["n", "s"], [(1, None)], ("Int64", "text"))
    >>> b = TypedRowTable(["n", "s"], [(None, "x")], ("Int64", "text"))
    >>> TypedRowTable.combine([a, b]).dtypes.astype(str).tolist()
    ['Int64', 'object']
    """

    __slots__ = ("kinds",)

    def __init__(self, columns: list[str], rows: list[tuple], kinds: tuple[str, ...]):
        super().__init__(columns, rows)
        self.kinds = kinds

    def frame(self) -> pd.DataFrame:
        if not self.rows:
            frame = pd.DataFrame([], columns=self.columns)
            for column, kind in zip(self.columns, self.kinds, strict=True):
                if kind == "Int64":
                    frame[column] = frame[column].astype("Int64")
            return frame
        data = {}
        for i, (column, kind) in enumerate(zip(self.columns, self.kinds, strict=True)):
            values = [row[i] for row in self.rows]
            data[column] = pd.array(values, dtype="Int64") if kind == "Int64" else values
        return pd.DataFrame(data, columns=self.columns)

    @staticmethod
    def combine(items: list[TypedRowTable]) -> pd.DataFrame:
        """``pd.concat([t.frame() for t in items], ignore_index=True)``, built at once (all
        items non-empty, with the same columns and kinds)."""
        first = items[0]
        data = {}
        for i, (column, kind) in enumerate(zip(first.columns, first.kinds, strict=True)):
            values = [row[i] for t in items for row in t.rows]
            if kind == "Int64":
                data[column] = pd.array(values, dtype="Int64")
            elif kind == "text" and None in values:
                # per piece: any text -> str (None read back as NaN), all None -> object
                pieces = [[row[i] for row in t.rows] for t in items]
                texts = [any(v is not None for v in piece) for piece in pieces]
                if all(texts):
                    data[column] = values  # inferred str over all rows, as per piece
                elif not any(texts):
                    data[column] = pd.Series(values, dtype=object)
                else:  # concat of str and object pieces: object, NaN from the str pieces
                    nan = float("nan")
                    data[column] = pd.Series(
                        [v for piece, text in zip(pieces, texts, strict=True)
                         for v in ([nan if v is None else v for v in piece] if text else piece)],
                        dtype=object)
            else:
                data[column] = values
        return pd.DataFrame(data, columns=first.columns)


class FrameView(Mapping):
    """The tables of earlier steps, RowTables shown as DataFrames (built on first access)."""

    def __init__(self, tables: dict[str, Any]):
        self._tables = tables
        self._frames: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        table = self._tables[name]
        if not isinstance(table, RowTable):
            return table
        if name not in self._frames:
            self._frames[name] = table.frame()
        return self._frames[name]

    def __iter__(self):
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


@dataclass(frozen=True)
class AnnotateOptions:
    sentiment_engines: tuple[str, ...] = ("vader", "textblob")
    actors_path: str | None = None  # None: data/codebooks/actors.yml
    codebook: str = "story"  # name in data/codebooks or a path to a YAML codebook
    cleaning: str = "default"  # "strict", "default" or "off" (newsprism.clean; in the cache key)
    extra: tuple[tuple[str, Any], ...] = ()


# table name -> "module:function"; a step whose module is missing is skipped (and recorded).
STEPS: dict[str, str] = {
    "sentences": "newsprism.text:article_sentence_rows",
    "quotes": "newsprism.quotes:article_quotes",
    "mentions": "newsprism.actors:article_mentions",
    "sentiment": "newsprism.sentiment:article_sentiment",
    "frames": "newsprism.framing:article_frames",
    "claims": "newsprism.claims:article_claims",  # not compare: a worker needs no sklearn
}

PROBLEM_COLUMNS = ["article_id", "step", "error", "message", "where"]
# Tables stored next to the step tables (not produced by steps).
CORPUS_TABLES = ("articles", "corpus_problems", "cleaning_audit", "problems")


class Annotations:
    """Tidy annotation tables, loaded from Parquet on first access.

    ``ann.tables`` maps table name -> DataFrame (``ann.sentences`` is a shortcut);
    ``ann.corpus`` rebuilds the :class:`~newsprism.corpus.Corpus` (articles, problems,
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
            extra = {}
            for field_name, table in (("problems", "corpus_problems"),
                                      ("cleaning_audit", "cleaning_audit")):
                if table in self.tables and len(self.tables[table].columns):
                    extra[field_name] = self.tables[table]
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
        from newsprism.scale import read_table

        return read_table(self.out_dir, name, columns=columns, filter=filter)

    def sample(self, name: str, n: int = 20, columns: list[str] | None = None, filter=None,
               seed: int = 0) -> pd.DataFrame:
        """``n`` random rows of one table (e.g. evidence snippets), without loading it all."""
        if self.out_dir is None:
            table = self.tables[name] if columns is None else self.tables[name][columns]
            return table.sample(min(n, len(table)), random_state=seed).sort_index()
        from newsprism.scale import sample_table

        return sample_table(self.out_dir, name, n=n, columns=columns, filter=filter, seed=seed)

    def dataset(self, name: str):
        """The table as a ``pyarrow.dataset.Dataset`` over its partition files."""
        from newsprism.scale import table_dataset

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


def resolve_step(spec: str | StepFunction) -> StepFunction:
    """The step function named by ``"module:function"`` (or the function itself)."""
    if callable(spec):
        return spec
    module_name, function_name = spec.split(":")
    module = importlib.import_module(module_name)
    return getattr(module, function_name)


def step_name(spec: str | StepFunction) -> str:
    """A stable text name for a step spec (callables: ``module:qualname``)."""
    if callable(spec):
        return f"{spec.__module__}:{spec.__qualname__}"
    return spec


def select_steps(steps: list[str] | Mapping[str, str | StepFunction] | None = None
                 ) -> dict[str, str | StepFunction]:
    """Step specs to run: all of ``STEPS``, a list of their names, or a name -> spec mapping."""
    if steps is None:
        return dict(STEPS)
    if isinstance(steps, Mapping):
        return dict(steps)
    return {name: STEPS[name] for name in steps}


def resolve_steps(specs: Mapping[str, str | StepFunction]
                  ) -> tuple[dict[str, StepFunction], dict[str, str]]:
    """Importable step functions, and the skipped ones with the reason."""
    functions, skipped = {}, {}
    for name, spec in specs.items():
        try:
            functions[name] = resolve_step(spec)
        except (ImportError, AttributeError, ValueError) as error:
            skipped[name] = f"{type(error).__name__}: {error}"
    return functions, skipped


def iter_article_inputs(articles: pd.DataFrame) -> Iterator[ArticleInput]:
    """The step input of each article row (language defaults to "en")."""
    has_language = "language" in articles.columns
    has_outlet = "outlet" in articles.columns
    for i, (article_id, text) in enumerate(zip(articles["article_id"], articles["text"],
                                               strict=True)):
        language = articles["language"].iat[i] if has_language else "en"
        outlet = articles["outlet"].iat[i] if has_outlet else ""
        yield ArticleInput(str(article_id), "" if pd.isna(text) else str(text),
                           str(language) if isinstance(language, str) and language else "en",
                           str(outlet) if isinstance(outlet, str) else "")


def annotate_articles(articles: pd.DataFrame, functions: Mapping[str, StepFunction],
                      options: AnnotateOptions, step_seconds: dict[str, float] | None = None,
                      step_cpu_seconds: dict[str, float] | None = None
                      ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Run the steps over some articles in memory: ``(tables, problems)``.

    An article on which a step raises gets a row in ``problems`` and no rows in any step
    table (all or nothing, so per-article figures never mix complete and partial articles).
    ``step_seconds`` / ``step_cpu_seconds`` (if given) accumulate the wall / CPU time
    (this thread's) spent in each step; CPU time stays meaningful on a busy machine.

    >>> from newsprism.text import article_sentence_rows
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["One. Two."]})
    >>> tables, problems = annotate_articles(arts, {"sentences": article_sentence_rows},
    ...                                      AnnotateOptions())
    >>> len(tables["sentences"]), len(problems)
    (2, 0)
    """
    collected: dict[str, list[pd.DataFrame | RowTable]] = {name: [] for name in functions}
    problems = []
    clock, cpu_clock = time.perf_counter, time.thread_time
    # A step function may carry a ``rows`` variant returning a RowTable (plain tuples): one
    # DataFrame per partition instead of one per article and step (~0.2-0.4 ms each).
    fast = {name: getattr(function, "rows", None) for name, function in functions.items()}
    for article in iter_article_inputs(articles):
        tables: dict[str, pd.DataFrame | RowTable] = {}
        frames_view = FrameView(tables)
        name = ""
        try:
            for name, function in functions.items():
                started, cpu_started = clock(), cpu_clock()
                rows_function = fast[name]
                if rows_function is not None:
                    tables[name] = rows_function(article, tables, options)
                else:  # a step that expects DataFrames sees the earlier steps as DataFrames
                    tables[name] = function(article, frames_view, options)
                if step_seconds is not None:
                    step_seconds[name] = step_seconds.get(name, 0.0) + clock() - started
                if step_cpu_seconds is not None:
                    step_cpu_seconds[name] = (step_cpu_seconds.get(name, 0.0) + cpu_clock()
                                              - cpu_started)
        except Exception as error:  # a failed article is recorded, never fatal
            frame = traceback.extract_tb(error.__traceback__)[-1]
            problems.append({"article_id": article.article_id, "step": name,
                             "error": type(error).__name__, "message": str(error)[:500],
                             "where": f"{Path(frame.filename).name}:{frame.lineno}"})
            continue
        for name, table in tables.items():
            collected[name].append(table)
    result = {name: combine_tables(items) for name, items in collected.items()}
    return result, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def combine_tables(items: list[pd.DataFrame | RowTable | None]) -> pd.DataFrame:
    """One table from per-article pieces (DataFrames or RowTables), empty pieces left out.

    The result is what ``pd.concat`` of the pieces as DataFrames gives. RowTables of the same
    columns without any ``None`` / ``pd.NA`` become ONE DataFrame built from all their rows:
    then every column infers to the same dtype per piece and over all rows, so the result is
    identical. With missing values, pandas infers per piece (an all-``None`` column is
    ``object``), so those pieces take the per-article DataFrame + concat path.

    >>> combine_tables([RowTable(["a"], [(1,)]), RowTable(["a"], [(2,)])])["a"].tolist()
    [1, 2]
    """
    items = [t for t in items if t is not None and len(t.columns) and len(t)]
    if not items:
        return pd.DataFrame()
    if all(type(t) is TypedRowTable for t in items):
        first = items[0]
        if all(t.columns == first.columns and t.kinds == first.kinds for t in items):
            return TypedRowTable.combine(items)
    if all(isinstance(t, RowTable) for t in items):
        columns = items[0].columns
        if all(t.columns == columns for t in items):
            rows = [row for t in items for row in t.rows]
            if not _has_missing(rows):
                return pd.DataFrame(rows, columns=columns)
    frames = [t.frame() if isinstance(t, RowTable) else t for t in items]
    return pd.concat(frames, ignore_index=True)


def _has_missing(rows: list[tuple]) -> bool:
    try:
        return any(None in row for row in rows)
    except TypeError:  # pd.NA in a row: its comparison with None is ambiguous
        return True


def annotate(corpus: Corpus | str | Path | None = None, options: AnnotateOptions | None = None,
             jobs: int = 1, scheduler: Any = None, out: str | Path | None = None,
             resume: bool = True, progress: bool = True, *,
             steps: list[str] | Mapping[str, str | StepFunction] | None = None,
             partition_size: int | None = None, cache: bool = True) -> Annotations:
    """Annotate ``corpus`` (a Corpus, a corpus path, or an annotated directory).

    - ``jobs``: local worker processes (1 = in this process).
    - ``scheduler``: a Dask scheduler address (or ``distributed.Client``) to run on a cluster;
      ``out`` must then be a path every worker can write to.
    - ``out``: directory for the partitioned Parquet; default ``outputs/cache/<key>/`` where
      ``key`` hashes corpus content, options, steps and library code (``cache=False``: a
      temporary directory, results loaded into memory).
    - ``resume``: continue an interrupted run in ``out`` (finished partitions are kept).

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate(out=tmp.name, steps=["sentences"], progress=False)  # the bundled corpus
    >>> ann.read("sentences", columns=["article_id"]).shape
    (229, 1)
    >>> tmp.cleanup()
    """
    from newsprism import scale

    return scale.annotate_to_parquet(
        corpus, options=options, jobs=jobs, scheduler=scheduler, out=out, resume=resume,
        progress=progress, steps=steps, partition_size=partition_size, cache=cache)


def load_annotations(out_dir: str | Path, lazy: bool = True) -> Annotations:
    """Annotations stored by :func:`annotate` in ``out_dir`` (see ``newsprism.scale``)."""
    from newsprism.scale import load_annotations as _load

    return _load(out_dir, lazy=lazy)
