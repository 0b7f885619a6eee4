"""Keyword-in-context cells: readable whatever the length of the hit."""

from __future__ import annotations

import pytest
from newsprism.viz.display import kwic_html


# PolNeAR train: 00's near-duplicate table showed a 967-word shared passage in one cell.
@pytest.mark.parametrize("n_words, max_mark, clipped", [
    (967, 400, True),
    (40, 400, False),
    (967, None, False),
])
def test_long_hits_show_their_beginning_and_end(n_words, max_mark, clipped):
    text = "Intro words here. " + " ".join(f"w{i}" for i in range(n_words)) + " Outro."
    start = len("Intro words here. ")
    end = start + len(" ".join(f"w{i}" for i in range(n_words)))
    cell = str(kwic_html(text, start, end, width=20, max_mark=max_mark))
    assert "w0 " in cell and f"w{n_words - 1}<" in cell
    assert (f"({n_words} words)" in cell) == clipped
    if clipped:
        assert len(cell) < 700 and cell.count("<mark>") == 2
        assert f" w{n_words // 2} " not in cell
