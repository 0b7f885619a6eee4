"""Step results as tables: the fast row form every annotation step returns, and the inputs a
step receives. The contract between the analysis layers (which write steps) and the pipeline
(which runs them), so it lives below both.

>>> t = RowTable(["sentence_id", "start"], [(0, 0), (1, 5)])
>>> combine_tables([t, RowTable(["sentence_id", "start"], [(0, 2)])])["start"].tolist()
[0, 5, 2]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from newsprism.core.lazy import pandas as pd

StepFunction = Callable[..., "pd.DataFrame"]


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
