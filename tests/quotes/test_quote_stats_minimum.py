"""30's per-outlet intervals resample articles only from the minimum of articles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism.core.stats import MIN_ARTICLES, poisson_rate_ci, proportion_ci
from newsprism.quotes.stats import anonymous_share, outlet_quote_rates, share_of_voice


def _outlet(n_articles: int, quotes_in_first: int = 6):
    """One outlet: its first article an interview quoting one official ``quotes_in_first``
    times (anonymously), every other article quoting Kim once."""
    ids = [f"a{i}" for i in range(n_articles)]
    articles = pd.DataFrame({"article_id": ids, "outlet": "X", "text": ["x" * 200] * n_articles,
                             "n_words": [400] * n_articles})
    rows = [("a0", "An official", "anonymous")] * quotes_in_first + [
        (aid, "Kim", "person") for aid in ids[1:]]
    quotes = pd.DataFrame({"quote_id": range(len(rows)), "article_id": [r[0] for r in rows],
                           "start": 0, "end": 10, "text": "q", "kind": "speech",
                           "speaker": [r[1] for r in rows],
                           "speaker_type": [r[2] for r in rows]})
    return quotes, articles


@pytest.mark.parametrize(("n_articles", "over_articles"), [
    (1, False), (2, False), (MIN_ARTICLES - 1, False), (MIN_ARTICLES, True), (8, True)])
def test_quote_rate_interval_is_poisson_below_the_minimum(n_articles, over_articles):
    quotes, articles = _outlet(n_articles)
    rates = outlet_quote_rates(quotes, articles, n_boot=200).set_index("measure")
    per_1000, share = rates.loc["quotes_per_1000_words"], rates.loc["quoted_share"]
    assert per_1000["note"].startswith("bootstrap") == over_articles
    exact = poisson_rate_ci(int(per_1000["total"]), 400.0 * n_articles)
    if over_articles:
        assert np.isfinite(share["ci_low"])
    else:
        assert (per_1000["ci_low"], per_1000["ci_high"]) == pytest.approx(exact)
        assert np.isnan(share["ci_low"]) and "no interval" in share["note"]
        per_article = rates.loc["quotes"]
        assert (per_article["ci_low"], per_article["ci_high"]) == pytest.approx(
            poisson_rate_ci(int(per_article["total"]), n_articles, per=1.0))


@pytest.mark.parametrize(("n_articles", "over_articles"), [
    (2, False), (MIN_ARTICLES - 1, False), (MIN_ARTICLES, True), (10, True)])
def test_shares_of_quotations_resample_articles_from_the_minimum(n_articles, over_articles):
    quotes, articles = _outlet(n_articles)
    voice = share_of_voice(quotes, articles).set_index("speaker")
    anonymous = anonymous_share(quotes, articles).iloc[0]
    for row, k in ((voice.loc["(anonymous source)"], 6), (anonymous, 6)):
        wilson = proportion_ci(k, int(row["n"]))
        assert row["note"].startswith("bootstrap over articles") == over_articles
        if over_articles:  # six quotations from one article: far wider than Wilson's
            assert row["ci_high"] - row["ci_low"] > 1.3 * (wilson[1] - wilson[0])
        else:
            assert (row["ci_low"], row["ci_high"]) == pytest.approx(wilson)
            assert "Wilson" in row["note"]
    assert (voice["ci_low"] <= voice["estimate"]).all()
    assert (voice["estimate"] <= voice["ci_high"]).all()


@pytest.mark.parametrize(("n_articles", "over_articles"), [(2, False), (MIN_ARTICLES, True)])
def test_cue_verb_shares_resample_articles_from_the_minimum(n_articles, over_articles):
    quotes, articles = _outlet(n_articles)
    quotes = quotes.assign(cue=["claimed"] * 6 + ["said"] * (n_articles - 1))
    from newsprism.quotes.stats import cue_verbs

    claim = cue_verbs(quotes, articles).set_index("cue_lemma").loc["claim"]
    assert claim["note"].startswith("bootstrap over articles") == over_articles
    wilson = proportion_ci(6, int(claim["n"]))
    if over_articles:
        assert claim["ci_high"] - claim["ci_low"] > 1.3 * (wilson[1] - wilson[0])
    else:
        assert (claim["ci_low"], claim["ci_high"]) == pytest.approx(wilson)
