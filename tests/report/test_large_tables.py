"""Large tables: the first rows shown are ordered for a reader, and the note says how."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from newsprism.report.framing_sections import DOMINANT_ORDER, dominant_by_outlet
from newsprism.report.sentiment_sections import ARTICLE_ORDER, articles_by_extremeness
from newsprism.viz.section import Section


def _articles(n: int = 90) -> pd.DataFrame:
    # corpus order interleaves outlets; tone grows with position, so the extremes come last
    return pd.DataFrame({"outlet": [f"O{i % 3}" for i in range(n)],
                         "article_id": [f"art{i:03d}" for i in range(n)],
                         "estimate": [(-1) ** i * i / n for i in range(n)]})


@pytest.mark.parametrize("order, key", [
    (articles_by_extremeness, lambda t: t["estimate"].abs()),
    (dominant_by_outlet, lambda t: -t["article_id"].str[3:].astype(int)),
])
def test_the_first_rows_take_every_outlet_in_turn_in_reading_order(order, key):
    # Sorted by outlet first, the 60 rows shown of 840 PolNeAR articles were all Breitbart's.
    table = _articles()
    ordered = order(table)
    assert ordered["outlet"].head(3).tolist() == ["O0", "O1", "O2"]
    for _, part in ordered.groupby("outlet", sort=False):
        assert key(part).is_monotonic_decreasing  # each outlet's rows in reading order
    assert len(ordered) == len(table) and set(ordered["article_id"]) == set(table["article_id"])


def test_the_most_extreme_article_of_each_outlet_comes_first():
    ordered = articles_by_extremeness(_articles())
    for outlet, part in _articles().groupby("outlet"):
        best = part.loc[part["estimate"].abs().idxmax(), "article_id"]
        assert ordered.loc[ordered["outlet"] == outlet, "article_id"].iloc[0] == best


@pytest.mark.parametrize("order", [ARTICLE_ORDER, DOMINANT_ORDER])
def test_a_cut_table_says_how_many_rows_in_what_order(order):
    html = Section("t", table=_articles(), caption="Demo.", max_rows=60, order=order).html()
    note = re.search(r'<p class="np-note"><em>(.*?)</em></p>', html).group(1)
    assert note.startswith("First 60 of 90 rows shown, ordered by ")
    assert note.endswith("; the saved table has them all.")


def test_a_whole_table_has_no_row_note():
    html = Section("t", table=_articles(30), caption="Demo.", max_rows=60,
                   order=ARTICLE_ORDER).html()
    assert "rows shown" not in html
