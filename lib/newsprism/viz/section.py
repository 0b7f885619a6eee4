"""A notebook section's result: what one library call returns and one call shows.

A section function computes its tables, saves them, draws its figure and writes its caption and
reading; the notebook only calls it and ``.show()``s the result, so the notebook holds no
analysis logic and every sentence shown is produced next to the table it describes.

>>> import pandas as pd
>>> s = Section("demo", table=pd.DataFrame({"a": [1]}), caption="One row.", reading="A is 1.")
>>> s.findings, "One row." in s.html()
([], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from newsprism.viz.display import HTMLText, show_table
from newsprism.viz.display import caption as caption_html
from newsprism.viz.display import reading as reading_html
from newsprism.viz.fonts import missing_glyphs_note


def evidence_link(notebook: str, anchor: str, table: str) -> str:
    """The evidence reference a key finding ends with (the report index links both parts).

    >>> evidence_link("50_over_time", "dating", "time_dates")
    '[evidence: 50_over_time.html#dating; tables/time_dates.csv]'
    """
    return f"[evidence: {notebook}.html#{anchor}; tables/{table}.csv]"


@dataclass
class Section:
    """``name`` (anchor), ``table`` (shown), ``figure`` (matplotlib or None), ``caption``,
    ``reading``, ``findings`` (sentences for the index, with evidence links), ``tables``
    (every saved table by name), ``max_rows``, ``html_columns`` and ``order`` (how its rows
    are sorted, said when it is cut at ``max_rows``) for the shown table."""

    name: str
    table: pd.DataFrame | None = None
    figure: Any = None
    caption: str = ""
    reading: str = ""
    findings: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    max_rows: int | None = 40
    html_columns: tuple[str, ...] = ()
    order: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    def html(self) -> HTMLText:
        """The table with its caption, then the reading, as escaped HTML. A figure whose
        labels the installed fonts cannot draw adds a sentence saying so to the caption
        (``newsprism.viz.fonts.missing_glyphs_note``)."""
        parts = [f'<a id="{self.name}"></a>']
        note = missing_glyphs_note(self.figure)
        caption = self.caption + note if self.caption else note.strip()
        if self.table is not None:
            parts.append(show_table(self.table, caption, max_rows=self.max_rows,
                                    html_columns=self.html_columns, order=self.order,
                                    **self.facts))
        elif caption:
            parts.append(caption_html(caption, **self.facts))
        if self.reading:
            parts.append(reading_html(self.reading))
        return HTMLText("".join(parts))

    def show(self) -> None:
        """Display the figure (if any), then :meth:`html`, in a notebook."""
        from IPython.display import display

        if self.figure is not None:
            display(self.figure)
            import matplotlib.pyplot as plt

            plt.close(self.figure)
        display(self.html())
