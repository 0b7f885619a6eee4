"""The quoted-vs-own-voice gap is read only from the minimum of articles and resamples them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from newsprism import sentiment
from newsprism.core.stats import MIN_ARTICLES
from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
from newsprism.report.sentiment_sections import voice_reading

TEXT = ("Officials said “this is a wonderful, great and happy friendship”. The war was awful, "
        "terrible and deadly. She added “we love this lovely peace”. Rain fell on the town.")


def _voices(n_articles: int) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                         "outlet": "Outlet", "language": "en", "text": TEXT})
    steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    return sentiment.voice_comparison(tables, "vader", n_boot=200)


@pytest.mark.parametrize(("n_articles", "has_interval", "reading"), [
    (2, False, "**Outlet** has its gap from 2 articles (fewer than 5): no interval over articles"),
    (MIN_ARTICLES - 1, False, "from 4 articles (fewer than 5)"),
    (MIN_ARTICLES, True, "differs clearly from the outlet's own voice"),
    (MIN_ARTICLES + 2, True, "differs clearly from the outlet's own voice"),
])
def test_gap_interval_and_reading_need_the_minimum_of_articles(n_articles, has_interval,
                                                               reading):
    voices = _voices(n_articles)
    gap = voices.set_index("measure").loc["gap"]
    assert gap["n_articles"] == n_articles and gap["estimate"] > 0
    assert np.isfinite(gap["ci_low"]) == has_interval
    assert ("no interval over articles" in gap["note"]) != has_interval
    text = voice_reading(voices)
    assert reading in text
    assert ("differs clearly" in text) == has_interval


def test_gap_interval_resamples_articles_not_sentence_parts():
    # Identical articles: over articles every draw has the same gap (interval of zero width);
    # sentence parts resampled independently would spread it.
    gap = _voices(MIN_ARTICLES + 1).set_index("measure").loc["gap"]
    assert gap["ci_low"] == pytest.approx(gap["estimate"])
    assert gap["ci_high"] == pytest.approx(gap["estimate"])
