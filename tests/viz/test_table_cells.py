"""Report table cells: rounding, yes/no, cutting at a word, repeated notes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.viz import display
from newsprism.viz.table_cells import cut_text, format_number, repeated_notes


@pytest.mark.parametrize("value, shown", [
    (0.000624, "0.001"), (0.0000021, "<0.001"), (-0.0000021, ">-0.001"), (0.169525, "0.17"),
    (-0.08300909, "-0.083"), (31.911786, "31.9"), (229.0, "229"), (np.int64(12), "12"),
    (12345.6, "12,346"), (0.5, "0.5"), (float("nan"), ""), (None, ""), (True, "yes"),
    # a median of 340.5 words once read "34": zeros before the point are digits
    (340.5, "340"), (615.5, "616"), (150.2, "150"), (-200.4, "-200"), (10.04, "10"),
])
def test_format_number(value, shown):
    assert format_number(value) == shown


def test_format_number_keeps_an_explicit_format():
    assert format_number(0.94971, "{:.4f}") == "0.9497"


@pytest.mark.parametrize("text, limit, shown", [
    ("short text", 20, "short text"),
    ("the interval spans that article's sentences", 20, "the interval spans…"),
    ("a\nline  break", 20, "a line break"),
    ("x" * 50, 20, "x" * 19 + "…"),
])
def test_cut_text_at_a_word(text, limit, shown):
    assert cut_text(text, limit) == shown
    assert len(cut_text(text, limit)) <= limit


def test_repeated_notes_move_under_the_table():
    note = "one article only: the interval says nothing about other coverage"
    caveat = "expected count < 5 in some cell: read the Monte Carlo p instead"
    frame = pd.DataFrame({"outlet": ["A", "B", "C"], "note": [note] * 3,
                          "caveat": [None, caveat, caveat]})
    table, notes = repeated_notes(frame)
    assert list(table.columns) == ["outlet", "caveat"]
    assert table["caveat"].tolist()[1:] == ["¹", "¹"]
    assert notes == [f"note (every row): {note}", f"¹ caveat: {caveat}"]


def test_table_html_reads_well_and_stays_escaped():
    long = "word " * 60 + "<script>x</script>"
    frame = pd.DataFrame({"outlet": ["A", "B"], "flag": [True, False], "share": [0.000624, 0.5],
                          "text": [long, "short"], "n": [3, 4]})
    html = display.table_html(frame)
    assert ">yes<" in html and ">no<" in html and "True" not in html
    assert ">0.001<" in html and "0.000624<" not in html
    assert "…</td>" in html and 'title="word word' in html
    assert "<script" not in html and "&lt;script&gt;" in html  # in the full-text title


def test_show_table_adds_the_table_script_only_to_long_tables():
    short = display.show_table(pd.DataFrame({"a": range(3)}), "cap")
    long = display.show_table(pd.DataFrame({"a": range(40)}), "cap")
    assert "<script" not in short and "data-np-interactive" not in short
    assert long.count("<script>") == 1 and 'data-np-page="25"' in long
    assert "innerHTML" not in display.table_script()  # rows are moved, never re-parsed


@pytest.mark.parametrize("text, hit, width, expected", [
    ("the alliance of blood grows", "blood", 9, "… of <mark>blood</mark> grows"),
    ("the alliance of blood grows stronger", "blood", 9, "… of <mark>blood</mark> grows…"),
    ("a b <c> d e", "<c>", 2, "…b <mark>&lt;c&gt;</mark> d…"),
])
def test_kwic_context_is_cut_at_a_word(text, hit, width, expected):
    start = text.index(hit)
    assert display.kwic_html(text, start, start + len(hit), width) == (
        f'<span class="np-kwic">{expected}</span>')
