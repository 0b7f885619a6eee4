"""How every figure of the report is drawn and embedded: one type style, 2× resolution.

:func:`use_report_figures` (run when :mod:`newsprism.viz.display` is imported in a notebook) sets
the type sizes below and makes Jupyter embed each matplotlib figure as a PNG at twice its
pixel size, shown at its normal size (sharp on high-density screens and in print). Each PNG
records the size of its smallest text (``newsprism:min_text_px``, in the PNG's own pixels) so
a test can check that figure text stays readable as the browser draws it.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig = plt.figure()
>>> _ = fig.text(0.1, 0.5, "Tone", fontsize=12), fig.text(0.1, 0.2, "n = 5", fontsize=9)
>>> round(min_text_px(fig, dpi=100), 1)  # 9 pt at 100 dpi
12.5
"""

from __future__ import annotations

import io

from newsprism.viz.fonts import use_fallback_fonts

DPI = 100  # pixels per inch of a figure as shown; PNGs are drawn at RETINA × this
RETINA = 2
# The font family is not part of STYLE: DejaVu Sans then the installed fallback fonts of other
# scripts (newsprism.viz.fonts.use_fallback_fonts).
MIN_TEXT_PT = 8  # no figure text smaller than this: 8 pt at 100 dpi is 11 px
STYLE = {
    "figure.dpi": DPI,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "figure.titlesize": 12,
}


def interval_errors(estimate, low, high):
    """Error-bar lengths ``[[below], [above]]`` of intervals around their estimates, for
    matplotlib's ``xerr``/``yerr``: never negative (rounding can put an interval limit a hair
    past its estimate, which matplotlib refuses) and 0 where an interval is missing.

    >>> interval_errors([0.0, 0.5], [2.8e-17, 0.25], [0.39, float("nan")]).tolist()
    [[0.0, 0.25], [0.39, 0.0]]
    """
    import numpy as np

    estimate, low, high = (np.asarray(v, dtype=float) for v in (estimate, low, high))
    errors = np.vstack([estimate - low, high - estimate])
    return np.nan_to_num(errors.clip(min=0), nan=0.0)


def min_text_px(fig, dpi: float | None = None) -> float:
    """Size in pixels of the smallest visible, non-empty text of ``fig`` drawn at ``dpi``
    (default: the figure's own dpi); ``inf`` when the figure has no text. Tick labels count
    only once the figure has been drawn (``fig.canvas.draw()``)."""
    from matplotlib.text import Text

    dpi = fig.dpi if dpi is None else dpi
    sizes = [text.get_fontsize() for text in fig.findobj(Text)
             if text.get_visible() and text.get_text().strip()]
    return min(sizes) * dpi / 72 if sizes else float("inf")


def figure_png(fig) -> tuple[bytes, dict]:
    """``fig`` as a PNG at ``RETINA`` × its dpi, and Jupyter's display metadata (width and
    height to show it at its normal size). The PNG's text chunk ``newsprism:min_text_px``
    holds the smallest text size in PNG pixels."""
    dpi = fig.dpi * RETINA
    fig.canvas.draw()  # tick labels get their text only when drawn
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", dpi=dpi, bbox_inches="tight",
                            facecolor="white",
                            metadata={"newsprism:min_text_px": f"{min_text_px(fig, dpi):.2f}"})
    data = buffer.getvalue()
    width, height = _png_size(data)
    return data, {"width": width // RETINA, "height": height // RETINA}


def _png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def use_report_figures() -> bool:
    """Inside IPython, apply :data:`STYLE` and the fallback fonts, and embed figures with
    :func:`figure_png`.

    Safe to call more than once; does nothing outside IPython (scripts keep matplotlib's
    defaults). Returns whether the display formatter was set. The inline backend is loaded
    first, so that loading it later cannot replace the formatter.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with every notebook install
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    import matplotlib

    matplotlib.rcParams.update(STYLE)
    use_fallback_fonts()
    if "inline" not in str(matplotlib.get_backend()):
        return False
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    plt.close(plt.figure())  # loads the inline backend (and its own formatter) now
    shell.display_formatter.formatters["image/png"].for_type(Figure, figure_png)
    matplotlib.rcParams.update(STYLE)  # the inline backend applies its own rc on load
    use_fallback_fonts()
    return True


def caption_alt_texts(nb) -> int:
    """Give every figure of an executed notebook the text of its caption as alt text.

    A figure's caption is the next ``np-caption`` paragraph after it (in its own cell or a
    later one, before the next figure). The text goes to the output's metadata
    (``image/png`` → ``alt``), which the report template writes into ``<img alt>``; a figure
    without a caption says so. Returns the number of figures given a caption.
    """
    import html
    import re

    pending: list = []
    captioned = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                pending.append(output)
                continue
            found = re.search(r'<p class="np-caption">(.*?)</p>', str(data.get("text/html", "")),
                              flags=re.S)
            if found and pending:
                text = html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()
                for figure in pending:
                    figure.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = text
                captioned += len(pending)
                pending = []
    for figure in pending:
        figure.setdefault("metadata", {}).setdefault("image/png", {}).setdefault(
            "alt", "Figure without a caption.")
    return captioned
