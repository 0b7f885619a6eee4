"""Tone toward an actor per outlet: the interval resamples articles from the minimum on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.core.stats import MIN_ARTICLES, bootstrap_ci, cluster_bootstrap_ci
from newsprism.sentiment import outlet_actor_tone


def _tone(n_articles: int) -> pd.DataFrame:
    # Three mentions per article, alike within an article and far apart between articles.
    scores = np.repeat(np.linspace(-0.8, 0.8, n_articles), 3)
    return pd.DataFrame({"outlet": "X", "actor": "Kim", "score": scores,
                         "article_id": np.repeat([f"a{i}" for i in range(n_articles)], 3)})


@pytest.mark.parametrize(("n_articles", "over_articles"), [
    (2, False), (MIN_ARTICLES - 1, False), (MIN_ARTICLES, True), (9, True)])
def test_actor_tone_interval_resamples_articles_from_the_minimum(n_articles, over_articles):
    tone = _tone(n_articles)
    row = outlet_actor_tone(tone, n_boot=300).iloc[0]
    assert row["n_articles"] == n_articles and row["n"] == 3 * n_articles
    expected = (cluster_bootstrap_ci(tone["score"], tone["article_id"], n_boot=300)
                if over_articles else bootstrap_ci(tone["score"], n_boot=300))
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(expected)
    assert row["note"].startswith("bootstrap over articles") == over_articles
