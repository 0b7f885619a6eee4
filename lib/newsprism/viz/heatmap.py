"""One heatmap for the whole report: values written in the cells in a colour that contrasts
with the cell (white on dark, black on light), type no smaller than the report's minimum.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> values = pd.DataFrame({"A": [0.1, 0.9], "B": [0.5, None]}, index=["x", "y"])
>>> fig = plot_heatmap(values, cmap="Blues", vmin=0, vmax=1, title="Demo")
>>> [t.get_color() for t in fig.axes[0].texts]
['black', 'black', 'white']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.viz.figures import MIN_TEXT_PT

CELL_PT = 9  # cell text; never below figures.MIN_TEXT_PT
MAX_WIDTH_IN = 11.0  # wider figures are shrunk by the browser, and their text with them
# Past these, written values and tick labels overlap into an unreadable smear, and drawing them
# is the slow part: 851 outlets (a web corpus, one page per site) gave 724,201 cell texts and
# 00 ran for over 15 minutes. The colours are still drawn; the table beside the figure has the
# values.
MAX_VALUE_CELLS = 900
MAX_TICK_LABELS = 80


def label_color(rgba) -> str:
    """``"white"`` or ``"black"``, whichever contrasts more with the colour ``rgba``
    (WCAG relative luminance; white wins below 0.179).

    >>> label_color((0.2, 0.1, 0.4, 1.0)), label_color((0.95, 0.95, 0.6, 1.0))
    ('white', 'black')
    """
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgba[:3]]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "white" if luminance < 0.179 else "black"


def interval_labels(low: pd.DataFrame, high: pd.DataFrame, value_format: str = "{:.0%}"
                    ) -> pd.DataFrame:
    """Cell texts ``[low–high]`` for a second line under each value (blank where missing).

    Returns a table shaped like ``low`` (same index, one column per column of ``low``).

    >>> low = pd.DataFrame({"A": [0.1, None]}); high = pd.DataFrame({"A": [0.3, None]})
    >>> interval_labels(low, high)["A"].tolist()
    ['[10%–30%]', '']"""
    def one(a: float, b: float) -> str:
        return "" if pd.isna(a) or pd.isna(b) else f"[{value_format.format(a)}–{value_format.format(b)}]"

    return pd.DataFrame([[one(a, b) for a, b in zip(lo, hi, strict=True)]
                         for lo, hi in zip(low.to_numpy(float), high.to_numpy(float), strict=True)],
                        index=low.index, columns=low.columns)


def count_labels(counts: pd.DataFrame, prefix: str = "n=") -> pd.DataFrame:
    """Cell texts ``n=12`` for a second line under each value (blank where missing).

    Returns a table shaped like ``counts`` (one column per column of ``counts``).

    >>> count_labels(pd.DataFrame({"A": [12, None]}))["A"].tolist()
    ['n=12', '']"""
    return counts.map(lambda v: "" if pd.isna(v) else f"{prefix}{int(v)}")


def _cell_texts(values: pd.DataFrame, value_format: str, detail: pd.DataFrame | None):
    texts = values.map(lambda v: "" if pd.isna(v) else value_format.format(v))
    if detail is not None:
        detail = detail.reindex(index=values.index, columns=values.columns).fillna("")
        texts = texts.where(texts == "", texts + "\n" + detail.astype(str)).map(str.strip)
    return texts


def _legible(shape: tuple[int, int], show_values: bool, show_ticks: bool, title: str):
    """``show_values``, ``show_ticks`` and the title for a grid of ``shape``: values and
    labels dropped when there are too many to read, and the title saying so."""
    values = show_values and shape[0] * shape[1] <= MAX_VALUE_CELLS
    ticks = show_ticks and max(shape) <= MAX_TICK_LABELS
    if (values, ticks) == (show_values, show_ticks):
        return values, ticks, title
    dropped = " and ".join(name for name, kept, asked in (
        ("values", values, show_values), ("labels", ticks, show_ticks)) if asked and not kept)
    note = f"{shape[0]} × {shape[1]} cells: {dropped} not drawn (see the table)"
    return values, ticks, f"{title}\n({note})" if title else note


def plot_heatmap(values: pd.DataFrame, *, cmap: str = "Blues", vmin: float | None = None,
                 vmax: float | None = None, value_format: str = "{:.2f}",
                 detail: pd.DataFrame | None = None, title: str = "",
                 colorbar_label: str = "", x_labels: dict | None = None,
                 y_labels: dict | None = None, range_without_diagonal: bool = False,
                 show_values: bool = True, show_ticks: bool = True):
    """Heatmap of ``values`` (rows × columns; NaN cells drawn grey and left blank).

    ``value_format`` writes each value in its cell, with ``detail`` (same shape, text; e.g.
    from :func:`interval_labels` or :func:`count_labels`) on a second line; the text is white
    on dark cells and black on light ones. ``x_labels``/``y_labels`` map column/row keys to
    display names. ``range_without_diagonal``: colour range from the off-diagonal cells (a
    co-occurrence diagonal would swamp the pairs). Values are written only up to
    ``MAX_VALUE_CELLS`` cells and tick labels only up to ``MAX_TICK_LABELS`` rows and columns
    (the title then says so). Returns the figure.

    Example: ``plot_heatmap(share, cmap="Blues", vmin=0, value_format="{:.0%}",
    detail=interval_labels(low, high), title="Frames per outlet")``.
    """
    from newsprism.viz.display import no_mathtext

    no_mathtext()  # labels come from articles: drawn as written
    import matplotlib.pyplot as plt

    grid = values.to_numpy(dtype=float)
    ranged = grid.copy()
    if range_without_diagonal and grid.shape[0] == grid.shape[1]:
        ranged[np.eye(len(grid), dtype=bool)] = np.nan
    finite = ranged[np.isfinite(ranged)]
    vmin = float(finite.min()) if vmin is None and finite.size else (vmin or 0.0)
    vmax = float(finite.max()) if vmax is None and finite.size else vmax
    vmax = vmax if vmax is not None and vmax > vmin else vmin + 1.0
    lines = 2 if detail is not None else 1
    width = min(MAX_WIDTH_IN, 1.25 * grid.shape[1] + 3.2)
    height = min(12.0, (0.3 + 0.2 * lines) * grid.shape[0] + 2.0)  # a thousand rows: no labels anyway
    fig, ax = plt.subplots(figsize=(width, height))
    colormap = plt.get_cmap(cmap).with_extremes(bad="#eeeeee")
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=colormap, vmin=vmin, vmax=vmax,
                      aspect="auto", interpolation="nearest")
    show_values, show_ticks, title = _legible(grid.shape, show_values, show_ticks, title)
    if show_values:
        texts = _cell_texts(values, value_format, detail).to_numpy()
        for (row, col), value in np.ndenumerate(grid):
            if np.isfinite(value) and texts[row, col]:
                ax.text(col, row, str(texts[row, col]), ha="center", va="center",
                        fontsize=max(CELL_PT, MIN_TEXT_PT),
                        color=label_color(image.cmap(image.norm(value))))
    if show_ticks:
        names_x = [str((x_labels or {}).get(c, c)) for c in values.columns]
        names_y = [str((y_labels or {}).get(r, r)) for r in values.index]
        ax.set_xticks(range(grid.shape[1]), names_x, rotation=35, ha="right")
        ax.set_yticks(range(grid.shape[0]), names_y)
    else:
        ax.set_xticks([])
        ax.set_yticks([])
    fig.colorbar(image, ax=ax, label=colorbar_label or None, fraction=0.046, pad=0.03)
    if title:
        ax.set_title(str(title))
    fig.tight_layout()
    return fig
