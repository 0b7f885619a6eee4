"""Source comparison: what sets each outlet's coverage apart, measured fairly, with evidence.

The public entry point of the ``40_source_comparison`` notebook. Each concern lives in its own
module; this one re-exports their public API and offers :func:`compare_outlets`, which runs
them all on the annotation tables.

- :mod:`newsprism.profiles`   ``outlet_profiles`` — one normalised row per outlet
- :mod:`newsprism.keyness`    ``log_odds_dirichlet``, ``distinctive_terms``, ``kwic``
- :mod:`newsprism.similarity` ``similarity_matrix``, ``find_copied_passages``
- :mod:`newsprism.sourcing`   ``sourcing_table`` (+ ``sourcing_rates``)
- :mod:`newsprism.hedging`    ``hedging_rates`` (+ ``find_hedges``)
- :mod:`newsprism.claims`     ``article_claims`` (annotation step), ``extract_claims``,
  ``group_claims``
- :mod:`newsprism.summary`    ``outlet_summaries``

>>> from newsprism.annotate import annotate
>>> from newsprism.compare import compare_outlets
>>> result = compare_outlets(annotate(steps=["sentences", "claims"]).tables)
>>> sorted(result)[:3]
['article_similarity', 'claim_groups', 'claims']
"""

from __future__ import annotations

import pandas as pd

from newsprism.claims import article_claims, extract_claims, group_claims
from newsprism.hedging import find_hedges, hedging_rates
from newsprism.keyness import distinctive_terms, kwic, log_odds_dirichlet, term_counts
from newsprism.profiles import frame_rates, outlet_profiles
from newsprism.similarity import (
    copied_share,
    find_copied_passages,
    independent_voices,
    similarity_matrix,
    similarity_pairs,
)
from newsprism.sourcing import sourcing_rates, sourcing_table
from newsprism.summary import findings_text, outlet_summaries

__all__ = [
    "article_claims", "compare_outlets", "copied_share", "distinctive_terms", "extract_claims",
    "find_copied_passages", "find_hedges", "findings_text", "frame_rates", "group_claims", "hedging_rates",
    "independent_voices", "kwic", "log_odds_dirichlet", "outlet_profiles", "outlet_summaries",
    "similarity_matrix", "similarity_pairs", "sourcing_rates", "sourcing_table", "term_counts",
]


# Beyond this many articles the article x article similarity is drawn on a stratified sample
# (a 100,000-article matrix would need 80 GB and no heatmap could show it).
MAX_SIMILARITY_ARTICLES = 400


def compare_outlets(tables: dict[str, pd.DataFrame], top_terms: int = 10,
                    ngram: int = 8) -> dict[str, pd.DataFrame]:
    """Every comparison table from the annotation tables, keyed by name.

    Keys: profiles, frame_rates, terms, article_similarity, outlet_similarity, copied_passages, voices,
    sources, sourcing_rates, hedges, hedging_rates, claims, claim_groups, summaries. Only
    ``tables["articles"]`` is required; missing or empty tables (quotes, sentiment, frames,
    claims, sentences) are computed here or leave their columns empty.
    """
    articles = tables["articles"]
    if "language" in articles:
        # English-only measures; other languages are listed in the notebook, not compared.
        articles = articles[articles["language"].fillna("en").isin(["en", ""])]
    sentences = tables.get("sentences")
    sentences = sentences if isinstance(sentences, pd.DataFrame) and "start" in sentences else None
    quotes = tables.get("quotes")
    quotes = quotes if isinstance(quotes, pd.DataFrame) and len(quotes) else None
    hedges = find_hedges(articles, sentences=sentences)
    sources = sourcing_table(articles, sentences=sentences, quotes=quotes)
    claims = tables.get("claims")
    if not isinstance(claims, pd.DataFrame) or claims.empty or "unit" not in claims:
        claims = extract_claims(articles, sentences=sentences)
    claims = claims[claims["article_id"].isin(articles["article_id"])]
    if "outlet" not in claims:
        claims = claims.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    passages = find_copied_passages(articles, n=ngram)
    profiles = outlet_profiles({**tables, "articles": articles}, hedges=hedges, sources=sources)
    shares = copied_share(articles, passages)
    profiles["copied_share"] = (articles.assign(share=articles["article_id"].map(shares))
                                .groupby("outlet")["share"].mean().reindex(profiles["outlet"])
                                .to_numpy())
    terms = distinctive_terms(articles, top=top_terms)
    voices = independent_voices(articles, passages)
    claim_groups = group_claims(claims, voices=voices)
    frames = frame_rates({**tables, "articles": articles})
    return {
        "profiles": profiles,
        "frame_rates": frames,
        "terms": terms,
        "article_similarity": similarity_matrix(articles, "article",
                                                max_articles=MAX_SIMILARITY_ARTICLES),
        "outlet_similarity": similarity_matrix(articles, "outlet"),
        "copied_passages": passages,
        "voices": voices,
        "sources": sources,
        "sourcing_rates": sourcing_rates(sources, articles),
        "hedges": hedges,
        "hedging_rates": hedging_rates(articles, markers=hedges, sentences=sentences),
        "claims": claims,
        "claim_groups": claim_groups,
        "summaries": outlet_summaries(profiles, terms=terms, passages=passages,
                                      claim_groups=claim_groups, frames=frames),
    }
