"""Figures for coverage over time: one plot function per table of :mod:`newsprism.time.over_time`
and :mod:`newsprism.time.propagation`. Labels from articles (outlet names) are escaped for
matplotlib literally (:func:`newsprism.viz.display.no_mathtext`), so a ``$`` in an outlet name is
drawn as text, not parsed as mathtext. Type sizes come from the report style (:mod:`newsprism.viz.figures`);
figures stay at most 9 inches wide so their text is not shrunk on a laptop screen."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newsprism.viz.display import no_mathtext
from newsprism.viz.figures import interval_errors


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["period"].notna()]


def plot_attention(attention: pd.DataFrame, measure: str = "articles"):
    """Stacked bars: ``measure`` (articles or words) per period, one colour per outlet."""
    no_mathtext()
    dated = _dated(attention)
    wide = dated.pivot_table(index="period", columns="outlet", values=measure, aggfunc="sum",
                             fill_value=0)
    fig, ax = plt.subplots(figsize=(9, 3.6))
    bottom = np.zeros(len(wide))
    x = np.arange(len(wide))
    for outlet in wide.columns:
        ax.bar(x, wide[outlet].to_numpy(), bottom=bottom, label=str(outlet))
        bottom += wide[outlet].to_numpy()
    _period_ticks(ax, wide.index)
    ax.set_ylabel(f"{measure} per period")
    ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.tight_layout()
    return fig


def _period_ticks(ax, index: pd.Index) -> None:
    step = max(1, math.ceil(len(index) / 12))
    ticks = np.arange(0, len(index), step)
    ax.set_xticks(ticks)
    ax.set_xticklabels([pd.Timestamp(index[i]).strftime("%Y-%m-%d") for i in ticks],
                       rotation=45, ha="right")


def plot_series(table: pd.DataFrame, series: str, ylabel: str, ncols: int = 2):
    """Small multiples, one panel per value of ``series`` (a voice, actor or frame): each
    outlet's ``estimate`` per period with its 95% interval. Cells not ``sufficient`` (too few
    sentences or mentions) are drawn as hollow markers without an interval."""
    no_mathtext()
    dated = _dated(table)
    panels = sorted(dated[series].unique()) if len(dated) else []
    if not panels:
        return None
    ncols = min(ncols, len(panels))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.6 * ncols, 3.0 * nrows), squeeze=False,
                             sharey=True)
    for ax, panel in zip(axes.flat, panels, strict=False):
        _draw_panel(ax, dated[dated[series] == panel], ylabel)
        ax.set_title(str(panel))
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    handles, names = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, names, frameon=False, loc="upper left",
               bbox_to_anchor=(1.0, 0.95))
    fig.tight_layout()
    return fig


def _draw_panel(ax, part: pd.DataFrame, ylabel: str) -> None:
    enough = part["sufficient"] if "sufficient" in part.columns else pd.Series(True,
                                                                               index=part.index)
    for k, (outlet, rows) in enumerate(part.groupby("outlet", sort=True)):
        color = f"C{k % 10}"
        good = rows[enough.loc[rows.index]]
        ax.errorbar(good["period"], good["estimate"],
                    yerr=_yerr(good), fmt="o-", color=color, ms=4, capsize=2,
                    label=str(outlet))
        thin = rows[~enough.loc[rows.index]]
        ax.plot(thin["period"], thin["estimate"], "o", mfc="none", color=color, ms=4)
    ax.axhline(0, color="#999999", lw=0.6)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=45)


def _yerr(rows: pd.DataFrame) -> np.ndarray:
    return interval_errors(rows["estimate"], rows["ci_low"], rows["ci_high"])


def plot_propagation(edges: pd.DataFrame, outlets: list[str]):
    """Outlets on a circle; an arrow from the outlet that published shared wording first to the
    one that followed (width ~ mean share copied), a dashed line where no order is known."""
    no_mathtext()
    if not outlets:
        return None
    angle = np.linspace(0, 2 * np.pi, len(outlets), endpoint=False)
    where = {o: (np.cos(a), np.sin(a)) for o, a in zip(outlets, angle, strict=True)}
    fig, ax = plt.subplots(figsize=(6, 5))
    for rec in edges.itertuples(index=False):
        if rec.source_outlet not in where or rec.copy_outlet not in where:
            continue
        (x0, y0), (x1, y1) = where[rec.source_outlet], where[rec.copy_outlet]
        width = 1 + 6 * float(rec.share_copied)
        style = "-|>" if rec.directed else "-"
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=dict(
            arrowstyle=style, lw=width, color="#c0392b" if rec.directed else "#7f8c8d",
            linestyle="solid" if rec.directed else "dashed", shrinkA=18, shrinkB=18,
            mutation_scale=14))
    for outlet, (x, y) in where.items():
        ax.plot(x, y, "o", ms=14, color="#2c3e50")
        ax.text(x * 1.18, y * 1.18, str(outlet), ha="center", va="center")
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.5, 1.5)
    ax.set_axis_off()
    fig.tight_layout()
    return fig
