"""A Group shows its parts in order and gathers their findings and tables."""

from __future__ import annotations

import pandas as pd
from newsprism.viz.display import HTMLText
from newsprism.viz.section import Section
from newsprism.viz.section_group import SHOW_TABLE_ROWS, Group, table_section


def test_group_html_keeps_the_order_of_its_parts_and_gathers_findings():
    first = Section("a", table=pd.DataFrame({"x": [1]}), caption="First.", findings=["one"],
                    tables={"t1": pd.DataFrame({"x": [1]})})
    second = Section("b", caption="Second.", reading="Read me.", findings=["two"])
    group = Group("g", [first, HTMLText("<p>between</p>"), second])
    page = group.html()
    assert page.index("First.") < page.index("<p>between</p>") < page.index("Second.")
    assert "Read me." in page
    assert group.findings == ["one", "two"] and list(group.tables) == ["t1"]


def test_table_section_shows_as_many_rows_as_show_table_by_default():
    table = pd.DataFrame({"x": range(100)})
    assert table_section("t", table, "c").max_rows == SHOW_TABLE_ROWS == 60
    assert table_section("t", table, "c", max_rows=None).max_rows is None
    shown = table_section("t", table, "c", facts=dict(n=100, unit="rows")).html()
    assert "n = 100 rows" in shown and ">59<" in shown and ">60<" not in shown
