"""Several results shown by one call: a notebook section made of more than one table or figure.

A :class:`~newsprism.viz.section.Section` holds one table and one figure. A notebook section that
shows, say, a table, then a figure with its caption and reading, returns a :class:`Group` of
parts shown in order: :class:`Section` objects and ready-made escaped HTML (:class:`HTMLText`).

>>> import pandas as pd
>>> from newsprism.viz.display import HTMLText
>>> g = Group("demo", [Section("a", table=pd.DataFrame({"x": [1]}), caption="One row.",
...                            findings=["x is 1."]), HTMLText("<p>note</p>")])
>>> g.findings, "<p>note</p>" in g.html()
(['x is 1.'], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsprism.viz.display import HTMLText
from newsprism.viz.section import Section

__all__ = ["Group", "Section"]


def _html(part: Section | HTMLText) -> str:
    return part.html() if isinstance(part, Section) else str(part)


@dataclass
class Group:
    """``name`` (anchor), ``parts`` (Sections and HTMLText, shown in order) and ``facts``
    (numbers the notebook's key findings reuse, e.g. ``n_pairs``)."""

    name: str
    parts: list[Section | HTMLText] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[str]:
        """Every part's findings, in order."""
        return [line for part in self.parts if isinstance(part, Section)
                for line in part.findings]

    @property
    def tables(self) -> dict:
        """Every part's saved tables by name."""
        return {name: table for part in self.parts if isinstance(part, Section)
                for name, table in part.tables.items()}

    def html(self) -> HTMLText:
        """Every part's HTML, in order (figures are not part of the HTML)."""
        return HTMLText("".join(_html(part) for part in self.parts))

    def show(self) -> None:
        """Display each part in order: a Section's figure, table, caption and reading; HTML."""
        from IPython.display import display

        for part in self.parts:
            if isinstance(part, Section):
                part.show()
            else:
                display(part)


SHOW_TABLE_ROWS = 60  # newsprism.viz.display.show_table's default: tables look as they always did


def table_section(name: str, table, caption: str, **kwargs: Any) -> Section:
    """A :class:`Section` showing ``table`` with as many rows as ``show_table`` shows by
    default (``max_rows`` in ``kwargs`` overrides it)."""
    kwargs.setdefault("max_rows", SHOW_TABLE_ROWS)
    return Section(name, table=table, caption=caption, **kwargs)
