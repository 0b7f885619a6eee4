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


@pytest.mark.parametrize("order, expected_outlets, check", [
    (lambda t: articles_by_extremeness(t), ["O0"],
     lambda shown: shown["estimate"].abs().is_monotonic_decreasing),
    (lambda t: dominant_by_outlet(t), ["O0"],
     lambda shown: shown["article_id"].is_monotonic_increasing),
])
def test_the_first_rows_are_one_outlet_in_reading_order(order, expected_outlets, check):
    table = _articles()
    ordered = order(table)
    shown = ordered.head(20)
    assert sorted(shown["outlet"].unique()) == expected_outlets
    assert check(shown)
    assert len(ordered) == len(table) and set(ordered["article_id"]) == set(table["article_id"])


def test_the_most_extreme_article_of_the_first_outlet_leads():
    ordered = articles_by_extremeness(_articles())
    first = _articles().query("outlet == 'O0'")
    assert ordered["article_id"].iloc[0] == first.loc[first["estimate"].abs().idxmax(),
                                                      "article_id"]


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
