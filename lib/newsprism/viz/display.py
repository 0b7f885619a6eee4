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
import json
import re
from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from pathlib import Path

import matplotlib
import pandas as pd

from newsprism.viz.figures import use_report_figures
from newsprism.viz.fonts import use_fallback_fonts
from newsprism.viz.table_cells import (
    LONG_TEXT,
    NOTE_LENGTH,
    cut_text,
    format_bool,
    format_number,
    is_bool_column,
    repeated_notes,
)


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
use_fallback_fonts()  # labels in any script: installed fonts of other scripts, no warning flood


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
    >>> caption("Sentence tone.", n=13415, unit="sentences")
    '<p class="np-caption">Sentence tone. n = 13,415 sentences.</p>'
    """
    parts = [str(text).strip()]
    if n is not None:
        shown = singular(unit) if unit and n == 1 else unit
        # 13,415 as every reading writes it, not 13415
        count = f"{n:,}" if isinstance(n, Integral) else str(n)
        parts.append(f"n = {count}" + (f" {shown}" if shown else "") + ".")
    elif unit:
        parts.append(f"Unit: {unit}.")
    if source:
        parts.append(f"Source: {source}.")
    body = escape(" ".join(p for p in parts if p))
    # **bold** after escaping: the asterisks survive html.escape untouched.
    pieces = body.split("**")
    body = "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
    return HTMLText(f'<p class="np-caption">{link_evidence(body)}</p>')


# An evidence reference (newsprism.viz.section.evidence_link) in escaped caption text.
_EVIDENCE = re.compile(r"\[evidence: (\d\d_\w+\.html(?:#[\w-]+)?); (tables/[\w.-]+\.csv)\]")


def link_evidence(escaped: str) -> str:
    """Evidence references in already escaped text made links (a caption's validation note
    points to its table in 90).

    >>> link_evidence("x [evidence: 90_m.html#metrics-quotes; tables/v.csv]")
    'x [evidence: <a href="90_m.html#metrics-quotes">90_m.html#metrics-quotes</a>; <a href="tables/v.csv">tables/v.csv</a>]'
    """
    return _EVIDENCE.sub(r'[evidence: <a href="\1">\1</a>; <a href="\2">\2</a>]', escaped)


def singular(unit: str) -> str:
    """The unit of a count of one: "articles" -> "article", "word tokens (stopwords removed)"
    -> "word token (stopwords removed)", "analyses" -> "analysis".

    >>> singular("English articles"), singular("sentence-frame pairs"), singular("analyses")
    ('English article', 'sentence-frame pair', 'analysis')
    """
    head, paren, tail = unit.partition(" (")
    if head.endswith("ses") and head.endswith(("analyses", "theses", "hypotheses")):
        head = head[:-2] + "is"
    elif head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return head + paren + tail


def kwic_html(text: str, start: int, end: int, width: int = 60,
              max_mark: int | None = None) -> HTMLText:
    """Keyword in context: ``width`` characters either side of ``text[start:end]``, hit marked.

    Line breaks become spaces; the context is cut at a word within ``width`` characters, with
    an ellipsis. With ``max_mark``, a hit longer than that many characters shows its first and
    last ``max_mark // 2`` characters around "… (n words) …" (a shared passage can be a whole
    article: one table cell held 967 words).

    >>> kwic_html("a b <c> d e", 4, 7, width=2)
    '<span class="np-kwic">…b <mark>&lt;c&gt;</mark> d…</span>'
    >>> kwic_html("one two three four five six", 0, 27, width=2, max_mark=10)
    '<span class="np-kwic"><mark>one</mark> … (6 words) … <mark>six</mark></span>'
    """
    start, end = max(0, int(start)), min(len(text), int(end))
    left_start, right_end = max(0, start - width), min(len(text), end + width)
    left, right = text[left_start:start], text[end:right_end]
    # Cut at a word: a context that begins or ends inside a word drops that part-word.
    if left_start > 0 and not text[left_start - 1].isspace() and re.search(r"\s", left):
        left = left[re.search(r"\s", left).start():]
    if right_end < len(text) and not text[right_end].isspace() and re.search(r"\s", right):
        right = right[:max(m.start() for m in re.finditer(r"\s", right))]
    left = ("…" if left_start > 0 else "") + left
    right = right + ("…" if right_end < len(text) else "")

    def flat(s: str) -> str:
        return escape(" ".join(s.split("\n")))

    hit = text[start:end]
    if max_mark is not None and len(hit) > max_mark:
        half = max_mark // 2
        head = hit[:half].rsplit(None, 1)[0] if " " in hit[:half] else hit[:half]
        tail = hit[-half:].split(None, 1)[-1] if " " in hit[-half:] else hit[-half:]
        from newsprism.core.text import count_words  # the one word count of every table

        marked = (f"<mark>{flat(head)}</mark> … ({count_words(hit)} words) … "
                  f"<mark>{flat(tail)}</mark>")
    else:
        marked = f"<mark>{flat(hit)}</mark>"
    return HTMLText(f'<span class="np-kwic">{flat(left)}{marked}{flat(right)}</span>')


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


INTERACTIVE_ROWS = 12  # tables this long get search and sort
PAGE_ROWS = 25  # rows per page when a table is longer than this
_ASSETS = Path(__file__).parent.parent / "templates"
NUM_TH = '<th class="np-num">'


def table_script() -> str:
    """The small offline script (and its stylesheet) that makes long tables searchable,
    sortable and paged and opens clamped cells on click. No network, no HTML parsing."""
    css = (_ASSETS / "np_tables.css").read_text(encoding="utf-8")
    js = (_ASSETS / "np_tables.js").read_text(encoding="utf-8")
    # json.dumps escapes nothing HTML-significant; a "</" could close the script element.
    css_literal = json.dumps(css).replace("</", "<\\/")
    return f"<script>window.NP_TABLE_CSS = {css_literal};\n{js}</script>"


def _cell(value: object, kind: str, float_format: str | None) -> str:
    """One ``<td>``: numbers right-aligned with their raw value for sorting, booleans as
    yes/no, long text cut at a word with the full text in ``title``, HTML passed through."""
    if kind == "html":
        plain = re.sub(r"<[^>]*>", "", str(value))  # already escaped: tags dropped, text kept
        clamp = ' class="np-clamp"' if len(plain) > LONG_TEXT else ""
        title = f' title="{plain}"' if clamp else ""
        return f'<td class="np-long"><div{clamp}{title}>{value}</div></td>'
    if value is None or (not isinstance(value, (list, dict, tuple)) and pd.isna(value)):
        return "<td></td>" if kind != "num" else '<td class="np-num"></td>'
    if kind == "bool":
        return f"<td>{format_bool(value)}</td>"
    if kind == "num" and isinstance(value, Real):
        return (f'<td class="np-num" data-v="{float(value)!r}">'
                f"{escape(format_number(value, float_format))}</td>")
    full = str(value)
    shown = cut_text(full)
    title = f' title="{escape(full)}"' if shown != " ".join(full.split()) else ""
    css = ' class="np-long"' if kind == "long" else ""
    return f"<td{css}{title}>{escape(shown)}</td>"


def _column_kind(column: pd.Series, html: bool) -> str:
    if html:
        return "html"
    if is_bool_column(column):
        return "bool"
    if pd.api.types.is_numeric_dtype(column):
        return "num"
    lengths = column.dropna().map(lambda v: len(str(v)))
    return "long" if len(lengths) and lengths.max() > NOTE_LENGTH else "text"


def table_html(df: pd.DataFrame, *, max_rows: int | None = 60, float_format: str | None = None,
               html_columns: Iterable[str] = (), order: str = "") -> str:
    """An escaped HTML table of ``df`` (every cell escaped except columns in ``html_columns``,
    which must already hold escaped HTML, e.g. from :func:`kwic_html`).

    Numbers are rounded to what they carry (:func:`newsprism.viz.table_cells.format_number`;
    ``float_format`` overrides it), booleans read yes/no, long text is cut at a word (full
    text in the cell's ``title``), and a long note repeated down a column is listed once
    under the table. Tables of ``INTERACTIVE_ROWS`` rows or more can be searched and sorted,
    and are paged by ``PAGE_ROWS``; they carry the small script that does it (so they work in
    JupyterLab too). A table cut at ``max_rows`` says so (:func:`rows_note`; ``order`` names
    the order of its rows, which the caller sorts so that the first rows matter most).
    """
    html_columns = set(html_columns)
    shown = df if max_rows is None or len(df) <= max_rows else df.head(max_rows)
    shown, notes = repeated_notes(shown, skip=html_columns)
    kinds = {c: _column_kind(shown[c], c in html_columns) for c in shown.columns}
    head = "".join((NUM_TH if kinds[c] == "num" else "<th>")
                   + escape(c).replace("_", "_<wbr>") + "</th>" for c in shown.columns)
    rows = ["<tr>" + "".join(_cell(v, kinds[c], float_format) for c, v in zip(
        shown.columns, record, strict=True)) + "</tr>"
            for record in shown.itertuples(index=False, name=None)]
    body = (f'<table class="np-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
    if notes:
        body += '<ul class="np-notes">' + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>"
    if len(shown) < len(df):
        body += f'<p class="np-note"><em>{escape(rows_note(len(shown), len(df), order))}</em></p>'
    return body


def rows_note(shown: int, total: int, order: str = "") -> str:
    """THE note under a table cut to its first rows: how many, in what order, where the rest is.

    >>> rows_note(60, 840, "outlet, then article")
    'First 60 of 840 rows shown, ordered by outlet, then article; the saved table has them all.'
    >>> rows_note(300, 4038)
    'First 300 of 4,038 rows shown; the saved table has them all.'
    """
    ordered = f", ordered by {order}" if order else ""
    return f"First {shown:,} of {total:,} rows shown{ordered}; the saved table has them all."


def show_table(df: pd.DataFrame, caption: str | None = None, *, max_rows: int | None = 60,
               html_columns: Iterable[str] = (), float_format: str | None = None,
               order: str = "", **caption_facts) -> HTMLText:
    """An escaped HTML table with its caption underneath (``caption_facts``: n, unit, source).

    The table scrolls inside its own box (first column kept in view), never the page.
    ``float_format``: by default numbers keep 3 significant digits (at most 3 decimals); a
    table compared with targets wants more (0.9497 must not read as 0.95 next to a target of
    0.95), e.g. ``"{:.4f}"``.

    >>> "&lt;script&gt;" in show_table(pd.DataFrame({"text": ["<script>x</script>"]}), "Demo.")
    True
    """
    rows = len(df) if max_rows is None else min(len(df), max_rows)
    interactive = rows >= INTERACTIVE_ROWS
    attributes = (f' data-np-interactive="1" data-np-page="{PAGE_ROWS if rows > PAGE_ROWS else 0}"'
                  if interactive else "")
    table = table_html(df, max_rows=max_rows, html_columns=html_columns,
                       float_format=float_format, order=order)
    parts = [f'<div class="np-table-wrap"{attributes}>', table]
    if interactive or 'class="np-clamp"' in table:
        parts.append(table_script())
    parts.append("</div>")
    if caption is not None or caption_facts:
        parts.append(_caption(caption or "", **caption_facts))
    return HTMLText("".join(parts))


_caption = caption


def reading(text: str) -> HTMLText:
    """A short reading of a figure or table, set apart from the caption.

    >>> reading("Outlet A writes **twice** as much.")
    '<p class="np-reading"><em>Reading.</em> Outlet A writes <strong>twice</strong> as much.</p>'
    """
    pieces = escape(text).split("**")
    body = "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
    return HTMLText(f'<p class="np-reading"><em>Reading.</em> {link_evidence(body)}</p>')


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


# Every notebook imports this module: its figures get the report's type style and 2× PNGs.
use_report_figures()
