"""Article-level frame shares: the chart draws whatever interval rounding produced."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from newsprism.core.stats import proportion_ci  # noqa: E402
from newsprism.framing import shares  # noqa: E402


def test_plot_article_shares_draws_intervals_a_hair_past_their_estimate():
    # A synthetic dated corpus (60 articles, 6 per outlet) crashed 20_framing: the Wilson lower
    # limit of 0 of 6 came out as 2.8e-17 > 0 and matplotlib refused the negative error bar.
    rows = [dict(outlet=o, frame=f, estimate=est, ci_low=low, ci_high=high, n=6,
                 n_present=round(est * 6), validity="F1 0.73 vs 0.48 always-present")
            for o in ("Outlet A", "Outlet B")
            for f, (est, low, high) in (("economic", (0.0, 2.8e-17, 0.39)),
                                        ("conflict", (1.0, 0.61, 1 - 1e-16)))]
    fig = shares.plot_article_shares(pd.DataFrame(rows))
    assert len(fig.axes) >= 2
    plt.close(fig)
    assert proportion_ci(0, 6)[0] == 0.0


def test_shares_reading_names_a_tie_for_the_largest_share():
    # The bundled corpus read "The largest article-level share is conflict in News site: 1 of 1
    # articles (100%...)" while 11 other cells were at 100% too.
    rows = [dict(outlet=o, frame=f, estimate=e, ci_low=0.2 * e, ci_high=1.0, n=1, n_present=e,
                 validity="F1 0.79 vs 0.77 always-present")
            for o, f, e in (("A", "conflict", 1), ("B", "conflict", 1), ("A", "morality", 0))]
    text = shares.shares_reading(pd.DataFrame(rows))
    assert text.startswith("The largest article-level share, 100%, is shared by 2 outlet x "
                           "frame cells: conflict in A (1 of 1 articles) and conflict in B")
    one = shares.shares_reading(pd.DataFrame(rows[1:]))
    assert one.startswith("The largest article-level share is conflict in B: 1 of 1 articles")


@pytest.mark.parametrize("runner_up, expected", [
    # PolNeAR train: "The largest article-level share is conflict in Washington Post: 118 of
    # 120 articles (98%, 95% CI 94%-100%)" named no other outlet; New York Times had 117.
    (117, "; next for this frame: New York Times, 117 of 120 (98%), inside its interval, so the "
          "data do not rank Washington Post first)"),
    (60, "; next for this frame: New York Times, 60 of 120 (50%), below its interval)"),
])
def test_shares_reading_names_the_runner_up_and_whether_the_lead_is_clear(runner_up, expected):
    rows = [dict(outlet=o, frame="conflict", estimate=k / 120, ci_low=low, ci_high=high,
                 n=120, n_present=k, validity="F1 0.79 vs 0.77 always-present")
            for o, k, low, high in (("Washington Post", 118, 0.941, 0.995),
                                    ("New York Times", runner_up, 0.4, 0.99),
                                    ("HuffPost", 50, 0.3, 0.5))]
    text = shares.shares_reading(pd.DataFrame(rows))
    assert text.startswith("The largest article-level share is conflict in Washington Post: "
                           "118 of 120 articles (98%, 95% CI 94%–100%" + expected)


@pytest.mark.parametrize(("outlets", "said", "unsaid"), [
    # 350 PolNeAR-train articles: "shared by 2 outlet x frame cells, among them conflict in
    # Politico: 50 of 50 articles (...; next for this frame: Washington Post, 50 of 50 (100%),
    # inside its interval, so the data do not rank Politico first)": the tie told twice.
    (["Politico", "Washington Post"], "cells: conflict in Politico (50 of 50 articles) and "
     "conflict in Washington Post (50 of 50), so the data rank neither first.", "next for"),
    (["A", "B", "C", "D"], "shared by 4 outlet x frame cells, among them: conflict in A (50 of "
     "50 articles), conflict in B (50 of 50) and conflict in C (50 of 50), so the data rank "
     "none of them first.", "among them conflict"),
])
def test_shares_reading_says_a_tie_once(outlets, said, unsaid):
    rows = [dict(outlet=o, frame="conflict", estimate=1.0, ci_low=0.93, ci_high=1.0, n=50,
                 n_present=50, validity="F1 0.79 vs 0.77 always-present") for o in outlets]
    text = shares.shares_reading(pd.DataFrame(rows))
    assert said in text and unsaid not in text and text.count("first") == 1, text
