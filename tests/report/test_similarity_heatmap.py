"""40's article heatmap: above ARTICLE_HEATMAP_MAX articles only the outlet-pair means."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from newsprism.compare.similarity import similarity_matrix
from newsprism.report import compare_sections
from newsprism.report.compare_sections import ARTICLE_HEATMAP_MAX, CompareContext

WORDS = "troops letter summit treaty missile border sanctions envoy pledge talks".split()


def _ctx(n: int) -> CompareContext:
    outlets = [f"Outlet {i % 3}" for i in range(n)]
    texts = [" ".join(WORDS[(i + k) % len(WORDS)] for k in range(4)) for i in range(n)]
    english = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "outlet": outlets,
                            "text": texts})
    result = {"article_similarity": similarity_matrix(english, "article"),
              "outlet_similarity": similarity_matrix(english, "outlet")}
    return CompareContext(annotations=None, result=result, english=english, source="synthetic",
                          top_terms=5, ngram=8)


def _drawn_shape(section) -> tuple[int, ...]:
    return section.figure.axes[0].images[0].get_array().shape


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("n, drawn, in_caption", [
    (ARTICLE_HEATMAP_MAX, ARTICLE_HEATMAP_MAX, "Cosine similarity between articles."),
    (ARTICLE_HEATMAP_MAX + 30, 3, "the article matrix is in the saved table "
                                  "comparison_article_similarity"),
])
def test_a_large_article_matrix_is_shown_as_outlet_means(tmp_path, n, drawn, in_caption):
    group = compare_sections.similarity_section(_ctx(n), str(tmp_path))
    article_part = group.parts[0]
    assert _drawn_shape(article_part) == (drawn, drawn)
    assert in_caption in article_part.caption
    saved = pd.read_csv(tmp_path / "tables" / "comparison_article_similarity.csv")
    assert len(saved) == n  # the saved table keeps every article


def test_the_outlet_means_average_article_pairs(tmp_path):
    ctx = _ctx(ARTICLE_HEATMAP_MAX + 30)
    part = compare_sections.similarity_section(ctx, str(tmp_path)).parts[0]
    means = part.tables["comparison_outlet_mean_similarity"]
    sims = ctx.result["article_similarity"].to_numpy()
    a = (ctx.english["outlet"] == "Outlet 0").to_numpy()
    b = (ctx.english["outlet"] == "Outlet 1").to_numpy()
    assert means.loc["Outlet 0", "Outlet 1"] == pytest.approx(sims[np.ix_(a, b)].mean())
    assert (tmp_path / "tables" / "comparison_outlet_mean_similarity.csv").exists()


def test_a_sampled_article_matrix_is_said_to_be_the_saved_tables_not_the_figures(tmp_path):
    # PolNeAR train: "Mean cosine ... over all 840 articles. ... A stratified random sample of
    # 399 of 840 articles ...: a larger matrix could not be drawn or read." The sample is the
    # saved article matrix's; the figure averages all 840.
    ctx = _ctx(ARTICLE_HEATMAP_MAX + 30)
    sample = ctx.result["article_similarity"].iloc[:70, :70]
    part = compare_sections.article_similarity_part(ctx, sample, str(tmp_path), "synthetic")
    assert "over all 90 English articles" in part.caption
    assert ("the article matrix is in the saved table comparison_article_similarity, over a "
            "stratified random sample of 70 of 90 English articles") in part.caption
    assert "seed 0); the figure averages all of them." in part.caption
    assert "could not be drawn or read" not in part.caption
