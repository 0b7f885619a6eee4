"""Display helpers shared by every notebook: captions, keyword-in-context, escaped tables.

Article text is untrusted input: every helper here HTML-escapes it, so a text containing
``<script>`` shows as text in JupyterLab and in the exported HTML report, never runs.
Figures are drawn without mathtext (:func:`no_mathtext`), so article text reaches matplotlib
literally too. The helpers return :class:`HTMLText` — a ``str`` (easy to test and compose) that Jupyter
renders as HTML when it is the value of a cell or passed to ``display``.

>>> kwic_html("Kim wrote <b>to</b> Putin.", 4, 9, width=10)
'<span class="np-kwic">Kim <mark>wrote</mark> &lt;b&gt;to&lt;/b&gt;…</span>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import matplotlib
import pandas as pd


class HTMLText(str):
    """A string of (already escaped) HTML that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def no_mathtext() -> None:
    """Make matplotlib draw every text literally: ``$`` never starts mathtext.

    Outlet names, terms, speakers and titles come from articles; an outlet called
    ``Bad $\\frac{$ math`` would otherwise fail to draw (or draw as a formula). Run when this
    module is imported (every notebook imports it) and by every plot function in the package.
    A figure that wants mathtext on purpose passes ``parse_math=True`` to that text.

    >>> no_mathtext(); matplotlib.rcParams["text.parse_math"]
    False
    """
    matplotlib.rcParams["text.parse_math"] = False


no_mathtext()


def escape(text: object) -> str:
    """HTML-escape any value (quotes too); ``None`` becomes an empty string.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape("" if text is None else str(text), quote=True)


def caption(text: str, *, n: int | None = None, unit: str | None = None,
            source: str | None = None) -> HTMLText:
    """A figure or table caption; optional ``n``, ``unit`` and ``source`` are appended.

    Write ``**bold**`` for emphasis; everything else is escaped.

    >>> caption("Articles per outlet.", n=5, unit="articles", source="manifest.csv")
    '<p class="np-caption">Articles per outlet. n = 5 articles. Source: manifest.csv.</p>'
    """
    parts = [str(text).strip()]
    if n is not None:
        parts.append(f"n = {n}" + (f" {unit}" if unit else "") + ".")
    elif unit:
        parts.append(f"Unit: {unit}.")
    if source:
        parts.append(f"Source: {source}.")
    body = escape(" ".join(p for p in parts if p))
    # **bold** after escaping: the asterisks survive html.escape untouched.
    pieces = body.split("**")
    body = "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
    return HTMLText(f'<p class="np-caption">{body}</p>')


def kwic_html(text: str, start: int, end: int, width: int = 60) -> HTMLText:
    """Keyword in context: ``width`` characters either side of ``text[start:end]``, hit marked.

    Line breaks become spaces; the context is cut at ``width`` characters with an ellipsis.

    >>> kwic_html("a b <c> d e", 4, 7, width=2)
    '<span class="np-kwic">…b <mark>&lt;c&gt;</mark> d…</span>'
    """
    start, end = max(0, int(start)), min(len(text), int(end))
    left_start, right_end = max(0, start - width), min(len(text), end + width)
    left = ("…" if left_start > 0 else "") + text[left_start:start]
    right = text[end:right_end] + ("…" if right_end < len(text) else "")

    def flat(s: str) -> str:
        return escape(" ".join(s.split("\n")))

    return HTMLText(f'<span class="np-kwic">{flat(left)}<mark>{flat(text[start:end])}</mark>'
                    f"{flat(right)}</span>")


def highlight_spans(text: str, spans: Iterable[Sequence], *, title_index: int = 2) -> HTMLText:
    """The whole ``text`` with each span ``(start, end[, label])`` wrapped in ``<mark>``.

    Overlapping spans are merged (the label of the first is kept); labels become a tooltip.
    Paragraph breaks become ``<br>``.

    >>> highlight_spans("Kim & Putin", [(0, 3, "actor"), (6, 11)])
    '<div class="np-highlight"><mark title="actor">Kim</mark> &amp; <mark>Putin</mark></div>'
    """
    cleaned = []
    for span in spans:
        start, end = max(0, int(span[0])), min(len(text), int(span[1]))
        label = span[title_index] if len(span) > title_index else None
        if end > start:
            cleaned.append((start, end, label))
    cleaned.sort(key=lambda s: (s[0], -s[1]))
    merged: list[list] = []
    for start, end, label in cleaned:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, label])
    out, cursor = [], 0
    for start, end, label in merged:
        out.append(escape(text[cursor:start]))
        title = f' title="{escape(label)}"' if label not in (None, "") else ""
        out.append(f"<mark{title}>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return HTMLText('<div class="np-highlight">' + "".join(out).replace("\n", "<br>") + "</div>")


def _format_float(value: float, float_format: str) -> str:
    if pd.isna(value):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return float_format.format(value)


def table_html(df: pd.DataFrame, *, max_rows: int | None = 60, float_format: str = "{:.3g}",
               html_columns: Iterable[str] = ()) -> str:
    """An escaped HTML table of ``df`` (every cell escaped except columns in ``html_columns``,
    which must already hold escaped HTML, e.g. from :func:`kwic_html`)."""
    html_columns = set(html_columns)
    shown = df if max_rows is None or len(df) <= max_rows else df.head(max_rows)
    formatters = {}
    for column in shown.columns:
        if column in html_columns:
            formatters[column] = str
        elif pd.api.types.is_float_dtype(shown[column]):
            formatters[column] = (lambda v: escape(_format_float(v, float_format)))
        else:
            formatters[column] = (lambda v: "" if v is None or (not isinstance(v, (list, dict))
                                                             and pd.isna(v)) else escape(v))
    body = shown.to_html(index=False, escape=False, formatters=formatters, border=0,
                         classes="np-table", na_rep="")
    if len(shown) < len(df):
        body += f'<p class="np-note"><em>First {len(shown)} of {len(df)} rows shown.</em></p>'
    return body


def show_table(df: pd.DataFrame, caption: str | None = None, *, max_rows: int | None = 60,
               html_columns: Iterable[str] = (), float_format: str = "{:.3g}",
               **caption_facts) -> HTMLText:
    """An escaped HTML table with its caption underneath (``caption_facts``: n, unit, source).

    ``float_format``: three significant digits by default; a table compared with targets
    wants more (0.9497 must not read as 0.95 next to a target of 0.95).

    >>> "&lt;script&gt;" in show_table(pd.DataFrame({"text": ["<script>x</script>"]}), "Demo.")
    True
    """
    parts = ['<div class="np-table-wrap">', table_html(df, max_rows=max_rows,
                                                       html_columns=html_columns,
                                                       float_format=float_format)]
    if caption is not None or caption_facts:
        parts.append(_caption(caption or "", **caption_facts))
    parts.append("</div>")
    return HTMLText("".join(parts))


_caption = caption


def reading(text: str) -> HTMLText:
    """A short reading of a figure or table, set apart from the caption.

    >>> reading("Outlet A writes **twice** as much.")
    '<p class="np-reading"><em>Reading.</em> Outlet A writes <strong>twice</strong> as much.</p>'
    """
    pieces = escape(text).split("**")
    body = "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
    return HTMLText(f'<p class="np-reading"><em>Reading.</em> {body}</p>')


def sample_groups(frame: pd.DataFrame, column: str, n: int, *, by: str | None = None,
                  seed: int = 0) -> pd.DataFrame:
    """Rows of ``frame`` for at most ``n`` distinct values of ``column`` (e.g. articles).

    For figures drawn per article, which stop being readable beyond a dozen panels. When
    there are ``n`` values or fewer, ``frame`` is returned unchanged. Otherwise the values are
    drawn at random (fixed ``seed``, so a report is reproducible), spread evenly over the
    groups of ``by`` (e.g. one article per outlet in turn), and rows keep their order.

    >>> df = pd.DataFrame({"article_id": list("aabbcd"), "outlet": list("XXXYYY")})
    >>> sample_groups(df, "article_id", 2, by="outlet")["article_id"].nunique()
    2
    """
    values = frame[column].drop_duplicates()
    if len(values) <= n:
        return frame
    import numpy as np

    rng = np.random.default_rng(seed)
    firsts = frame.drop_duplicates(column)
    groups = (firsts.groupby(by, sort=True)[column].apply(list) if by is not None
              else pd.Series({"": firsts[column].tolist()}))
    queues = [list(rng.permutation(np.asarray(ids, dtype=object))) for ids in groups]
    chosen: list = []
    while len(chosen) < n and any(queues):
        for queue in queues:
            if queue and len(chosen) < n:
                chosen.append(queue.pop(0))
    return frame[frame[column].isin(chosen)]
