"""How a value reads in a report table: numbers rounded to what they carry, yes/no for
booleans, long text cut at a word, and notes that repeat down a column moved under the table.

Every function returns plain text (not HTML); :mod:`newsprism.viz.display` escapes it.

>>> [format_number(v) for v in (0.000624, 0.16952, 31.911786, 229.0, 12345.6, 0.0000021)]
['0.001', '0.17', '31.9', '229', '12,346', '<0.001']
>>> cut_text("the interval spans that article's sentences", 20)
'the interval spans…'
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import pandas as pd

SIGNIFICANT = 3  # digits a share, score or rate can carry at the sample sizes of a report
MAX_DECIMALS = 3  # no share or score is meaningful to a thousandth of a thousandth
LONG_TEXT = 140  # characters a cell shows before it is cut (the saved table keeps all)
NOTE_LENGTH = 40  # a text at least this long that repeats down a column becomes a footnote
MARKERS = "¹²³⁴⁵⁶⁷⁸⁹"


def format_number(value: object, float_format: str | None = None) -> str:
    """A number as a reader needs it: integers whole, large values without decimals (with
    thousands separators), others to 3 significant digits but never past the third decimal;
    a non-zero value that rounds to zero reads ``<0.001``. ``float_format`` (e.g. ``"{:.4f}"``)
    overrides the rounding for non-integers, for tables read against a target."""
    if value is None or (isinstance(value, Real) and math.isnan(float(value))):
        return ""
    if isinstance(value, bool):
        return format_bool(value)
    if isinstance(value, Integral):
        return str(int(value))
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    if float_format is not None:
        return float_format.format(number)
    if abs(number) >= 1000:
        return f"{number:,.0f}"
    digits = SIGNIFICANT - 1 - math.floor(math.log10(abs(number)))
    rounded = round(number, min(max(digits, 0), MAX_DECIMALS))
    if rounded == 0:
        return "<0.001" if number > 0 else ">-0.001"
    text = f"{rounded:.{min(max(digits, 0), MAX_DECIMALS)}f}"
    # Trailing zeros are dropped only after a decimal point: 340.5 reads "340", not "34".
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_bool(value: object) -> str:
    """``True``/``False`` (Python or NumPy) as ``yes``/``no``."""
    return "yes" if bool(value) else "no"


def cut_text(text: str, limit: int = LONG_TEXT) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis;
    line breaks become spaces. Shorter text comes back unchanged."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:  # a very long word: cut inside it rather than show almost nothing
        head = head[:space]
    return head.rstrip(" ,;:.-–—") + "…"


def is_bool_column(column: pd.Series) -> bool:
    """A column of booleans (possibly with missing values, possibly of object dtype)."""
    if pd.api.types.is_bool_dtype(column):
        return True
    values = column.dropna()
    return (column.dtype == object and len(values) > 0
            and all(isinstance(v, bool) or type(v).__name__ == "bool_" for v in values))


def _is_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column)


def repeated_notes(frame: pd.DataFrame, skip: set[str] = frozenset()
                   ) -> tuple[pd.DataFrame, list[str]]:
    """Move long texts that repeat down a column out of the table.

    A text column whose rows all carry the same long note is dropped and the note returned as
    ``"column: note"``; a long text that repeats in some rows is replaced by a marker (¹, ²…)
    and returned as ``"¹ note"``. Columns in ``skip`` (already HTML) are left alone.
    Returns ``(table, notes)``: ``table`` keeps the input's columns, less those moved out
    whole; ``notes`` is a list of strings for a caption.

    >>> note = "one article only: the interval spans that article's sentences"
    >>> table, notes = repeated_notes(pd.DataFrame({"outlet": ["X", "Y"], "note": [note] * 2}))
    >>> list(table.columns), notes
    (['outlet'], ["note (every row): one article only: the interval spans that article's sentences"])
    """
    notes: list[str] = []
    table, n_markers = frame, 0
    for column in frame.columns:
        if column in skip or not _is_text(frame[column]) or len(frame) < 2:
            continue
        values = frame[column]
        texts = values[values.map(lambda v: isinstance(v, str) and len(v) >= NOTE_LENGTH)]
        repeats = texts.value_counts()
        repeats = repeats[repeats >= 2]
        if repeats.empty:
            continue
        if len(repeats) == 1 and repeats.iloc[0] == len(frame):
            table = table.drop(columns=[column])
            notes.append(f"{column} (every row): {repeats.index[0]}")
            continue
        markers = {}
        for text in repeats.index:
            if n_markers >= len(MARKERS):
                break
            markers[text], n_markers = MARKERS[n_markers], n_markers + 1
            notes.append(f"{markers[text]} {column}: {text}")
        table = table.assign(**{column: values.replace(markers)})
    return table, notes
