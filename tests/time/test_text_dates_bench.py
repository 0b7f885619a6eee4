"""The year rules of ``bench/text_dates.py`` on one synthetic article: each rule gives a date
written without a year the year it states."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "text_dates.py"
_spec = importlib.util.spec_from_file_location("text_dates_bench", BENCH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

TEXT = ("In 2015 the vote came. On March 15 they met. It was cold. "
        "Officials say by 2050 it will double.")
ARTICLES = pd.DataFrame({"article_id": ["a", "b"], "text": [TEXT, "On March 15 they met."]})
DATES = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": "date",
                      "quantity": ["--03-15", "2014-06-01", "--03-15"],
                      "start": [TEXT.index("March"), 0, 3]})


@pytest.mark.parametrize(("rule", "expected"), [
    ("library: latest year named, nearest its 1 January", "2050-03-15"),
    ("(a) year named nearest before the mention", "2015-03-15"),
    ("(b) most often named year (ties: latest)", "2050-03-15"),
    ("(c) latest year in the first 3 sentences, nearest its 1 January", "2015-03-15"),
    ("(d) latest year outside future-marker sentences, nearest its 1 January", "2015-03-15"),
])
def test_year_rules_give_the_yearless_date_its_year(rule, expected):
    years = bench.year_mentions(ARTICLES)
    got = bench.with_years(DATES, years, bench.YEAR_RULES[rule])
    # the full date is kept as written; article b names no year, so its date is dropped
    assert got["quantity"].tolist() == [expected, "2014-06-01"]
    assert got["article_id"].tolist() == ["a", "a"]
