"""The shared heatmap: contrast-aware cell text, readable type, escaped labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from newsprism.viz import figures, heatmap  # noqa: E402


@pytest.mark.parametrize("rgba, color", [
    ((0.0, 0.0, 0.0, 1), "white"), ((1.0, 1.0, 1.0, 1), "black"),
    ((0.25, 0.0, 0.5, 1), "white"),  # dark purple: the old co-occurrence map's black-on-dark
    ((0.99, 0.9, 0.6, 1), "black"), ((0.13, 0.4, 0.67, 1), "white"),
])
def test_label_color(rgba, color):
    assert heatmap.label_color(rgba) == color


def test_heatmap_labels_contrast_with_their_cells():
    values = pd.DataFrame([[0, 3, 12], [3, 10, 1], [12, 1, 30]], index=list("abc"),
                          columns=list("abc"), dtype=float)
    fig = heatmap.plot_heatmap(values, cmap="Purples", vmin=0, value_format="{:.0f}",
                               range_without_diagonal=True, x_labels={"a": "$5 A"})
    ax = fig.axes[0]
    colors = {t.get_text(): t.get_color() for t in ax.texts}
    assert colors["0"] == "black" and colors["12"] == "white"  # light vs darkest pair cell
    assert ax.get_xticklabels()[0].get_text() == "$5 A"  # drawn as written: mathtext is off
    assert not matplotlib.rcParams["text.parse_math"]
    fig.canvas.draw()
    assert figures.min_text_px(fig, dpi=100) >= 10


def test_heatmap_detail_lines_and_blank_cells():
    values = pd.DataFrame({"x": [0.25, None]}, index=["A", "B"])
    detail = heatmap.interval_labels(values - 0.1, values + 0.1)
    fig = heatmap.plot_heatmap(values, vmin=0, vmax=1, value_format="{:.0%}", detail=detail)
    assert [t.get_text() for t in fig.axes[0].texts] == ["25%\n[15%–35%]"]


@pytest.mark.parametrize("rows, cols, values, ticks", [
    (30, 30, True, True),      # 900 cells: every value written
    (31, 30, False, True),     # one row more: colours only
    (120, 10, False, False),   # a web corpus's outlets: too many labels too
])
def test_heatmap_too_many_cells_drops_values_and_labels_and_says_so(rows, cols, values, ticks):
    import numpy as np

    grid = pd.DataFrame(np.linspace(0, 1, rows * cols).reshape(rows, cols),
                        index=[f"r{k}" for k in range(rows)], columns=[f"c{k}" for k in range(cols)])
    fig = heatmap.plot_heatmap(grid, vmin=0, vmax=1, title="Similar")
    ax = fig.axes[0]
    assert (len(ax.texts) == rows * cols) is values and (len(ax.texts) == 0) is not values
    assert (len(ax.get_yticklabels()) == rows) is ticks
    assert ("not drawn" in ax.get_title()) is not (values and ticks)
    assert ax.get_title().startswith("Similar")
