"""Source comparison: what sets each outlet's coverage apart, measured fairly, with evidence.

The public entry point of the ``40_source_comparison`` notebook. Each concern lives in its own
module; this one re-exports their public API and offers :func:`compare_outlets`, which runs
them all on the annotation tables.

- :mod:`newsprism.compare.profiles`   ``outlet_profiles`` — one normalised row per outlet
- :mod:`newsprism.compare.keyness`    ``log_odds_dirichlet``, ``distinctive_terms``, ``kwic``
- :mod:`newsprism.compare.similarity` ``similarity_matrix``, ``find_copied_passages``
- :mod:`newsprism.compare.sourcing`   ``sourcing_table`` (+ ``sourcing_rates``)
- :mod:`newsprism.compare.hedging`    ``hedging_rates`` (+ ``find_hedges``)
- :mod:`newsprism.compare.claims`     ``article_claims`` (annotation step), ``extract_claims``,
  ``group_claims``
- :mod:`newsprism.compare.summary`    ``outlet_summaries``

>>> from newsprism.pipeline.annotate import annotate
>>> from newsprism.compare.outlets import compare_outlets
>>> result = compare_outlets(annotate(steps=["sentences", "claims"]).tables)
>>> sorted(result)[:3]
['article_similarity', 'claim_groups', 'claims']
"""

from __future__ import annotations

import pandas as pd

from newsprism.compare.claims import (
    article_claims,
    articles_claims,
    extract_claims,
    group_claims,
)
from newsprism.compare.hedging import find_hedges, hedging_rates
from newsprism.compare.keyness import distinctive_terms, kwic, log_odds_dirichlet, term_counts
from newsprism.compare.multiple_testing import with_family_q, with_tone_q
from newsprism.compare.profiles import frame_rates, outlet_profiles, outlet_tone
from newsprism.compare.similarity import (
    COPY_NGRAM,
    copied_share,
    find_copied_passages,
    independent_voices,
    similarity_matrix,
    similarity_pairs,
)
from newsprism.compare.sourcing import category_examples, sourcing_rates, sourcing_table
from newsprism.compare.summary import findings_text, outlet_summaries
from newsprism.corpus.language import english_articles

__all__ = [
    "article_claims", "compare_outlets", "copied_share", "distinctive_terms", "extract_claims",
    "find_copied_passages", "find_hedges", "findings_text", "frame_rates", "group_claims", "hedging_rates",
    "independent_voices", "kwic", "log_odds_dirichlet", "outlet_profiles", "outlet_summaries",
    "outlet_tone",
    "similarity_matrix", "similarity_pairs", "sourcing_rates", "sourcing_table", "term_counts",
]


# Beyond this many articles the article x article similarity is drawn on a stratified sample
# (a 100,000-article matrix would need 80 GB and no heatmap could show it).
MAX_SIMILARITY_ARTICLES = 400


def compare_outlets(tables: dict[str, pd.DataFrame], top_terms: int = 10,
                    ngram: int = COPY_NGRAM, *, engine: str | None = None,
                    sourcing_codebook: str | None = None,
                    hedging_codebook: str | None = None,
                    frame_caveats: dict[str, str] | None = None,
                    claims_units: str | None = None) -> dict[str, pd.DataFrame]:
    """Every comparison table from the annotation tables, keyed by name.

    ``engine``: the sentiment engine profiled (default VADER when scored); ``sourcing_codebook``,
    ``hedging_codebook``: YAML paths (default: newsprism/data/codebooks); ``frame_caveats``
    (frame -> sentence) go with every statement on that frame (of the frames table's codebook).
    ``claims_units`` names the units codebook of numeric claims
    (:func:`newsprism.compare.claims_units.load_claim_units`; default the bundled story's,
    which the annotation's claims table was made with): another one extracts the claims again
    from the articles.

    Returns (keyed): profiles, tone (:func:`outlet_tone`), frame_rates, rates
    (:func:`statement_rates`), terms, article_similarity, outlet_similarity, copied_passages,
    voices, sources, sourcing_rates, hedges, hedging_rates, claims, claim_groups, summaries:
    each its function's table; ``rates``, ``sourcing_rates``, ``hedging_rates`` gain ``q_value``
    (:func:`newsprism.compare.multiple_testing.with_family_q`), ``tone`` p_value and q_value (with_tone_q). Only ``tables["articles"]`` is needed:
    missing tables are computed here or leave their columns empty.
    Usage:: ``compare_outlets({"articles": load_corpus().articles})["hedging_rates"]``
    """
    articles = tables["articles"]
    # English-only measures; other languages are listed in the notebook, not compared.
    articles = english_articles(articles)
    sentences = tables.get("sentences")
    sentences = sentences if isinstance(sentences, pd.DataFrame) and "start" in sentences else None
    quotes = tables.get("quotes")
    quotes = quotes if isinstance(quotes, pd.DataFrame) and len(quotes) else None
    hedges = find_hedges(articles, sentences=sentences, codebook=hedging_codebook)
    sources = sourcing_table(articles, sentences=sentences, quotes=quotes,
                             codebook=sourcing_codebook)
    claims = articles_claims(tables.get("claims"), articles, sentences, claims_units)
    passages = find_copied_passages(articles, n=ngram)
    profiles = outlet_profiles({**tables, "articles": articles}, hedges=hedges, sources=sources,
                               engine=engine)
    tone = outlet_tone({**tables, "articles": articles}, engine=engine)
    shares = copied_share(articles, passages)
    profiles["copied_share"] = (articles.assign(share=articles["article_id"].map(shares))
                                .groupby("outlet")["share"].mean().reindex(profiles["outlet"])
                                .to_numpy())
    terms = distinctive_terms(articles, top=top_terms)
    voices = independent_voices(articles, passages)
    claim_groups = group_claims(claims, voices=voices, codebook=claims_units)
    frames = frame_rates({**tables, "articles": articles})
    hedge_rates = hedging_rates(articles, markers=hedges, sentences=sentences)
    source_rates = sourcing_rates(sources, articles)
    rates = statement_rates(profiles, hedge_rates, source_rates,
                            quote_rate_cis(articles, quotes))
    # One corrected decision for the summary, every reading and the tone table: family q.
    tone, (rates, frames) = with_tone_q(tone, rates, frames), with_family_q(rates, frames, tone)
    hedge_rates = _with_q(hedge_rates, rates, hedge_rates["kind"].map(_HEDGE_MEASURES))
    source_rates = _with_q(source_rates, rates, source_rates["category"].map(_SOURCE_MEASURES))
    return {
        "profiles": profiles,
        "tone": tone,
        "frame_rates": frames,
        "terms": terms,
        "article_similarity": similarity_matrix(articles, "article",
                                                max_articles=MAX_SIMILARITY_ARTICLES),
        "outlet_similarity": similarity_matrix(articles, "outlet"),
        "copied_passages": passages,
        "voices": voices,
        "sources": sources,
        "sourcing_rates": source_rates,
        "hedges": hedges,
        "hedging_rates": hedge_rates,
        "claims": claims,
        "claim_groups": claim_groups,
        "rates": rates,
        "summaries": outlet_summaries(profiles, terms=terms, passages=passages,
                                      claim_groups=claim_groups, frames=frames, voices=voices,
                                      rates=rates, tone=tone, frame_caveats=frame_caveats,
                                      examples={
                                          _SOURCE_MEASURES[category]: text for category, text
                                          in category_examples(sourcing_codebook).items()
                                          if category in _SOURCE_MEASURES}),
    }


def quote_rate_cis(articles: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """95% intervals of each outlet's speech quotations per 1,000 words (the profile's
    ``quotes_per_1k``) resampling its articles.

    Columns: ``outlet``, ``ci_low``, ``ci_high`` (quotations per 1,000 words) and, with
    quotes, ``p_value`` (see :func:`newsprism.compare.rate_intervals.outlet_rate_cis`); an
    empty table without quotes. The estimate itself is the profile's ``quotes_per_1k``.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["One two three.", "Four five."]})
    >>> quotes = pd.DataFrame({"article_id": ["a"], "kind": ["speech"]})
    >>> quote_rate_cis(arts, quotes)[["outlet", "ci_low"]].round(3).values.tolist()
    [['A', 8.439], ['B', 0.0]]
    """
    from newsprism.compare.rate_intervals import outlet_rate_cis
    from newsprism.core.text import count_words

    if quotes is None or "article_id" not in quotes:
        return pd.DataFrame(columns=["outlet", "ci_low", "ci_high"])
    speech = quotes[quotes["kind"].fillna("speech") == "speech"] if "kind" in quotes else quotes
    words = articles.set_index("article_id")["text"].map(count_words)
    return outlet_rate_cis(speech, words, articles.set_index("article_id")["outlet"])


# rate table -> profile column the summary statements are keyed by
_HEDGE_MEASURES = {"hedge": "hedges_per_1k", "booster": "boosters_per_1k"}
_SOURCE_MEASURES = {"vague_attribution": "anonymous_per_1k", "state_media": "state_media_per_1k",
                    "intelligence_defence": "intelligence_per_1k"}


def statement_rates(profiles: pd.DataFrame, hedge_rates: pd.DataFrame,
                    source_rates: pd.DataFrame,
                    quote_cis: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rates the summary statements test, with the count and exposure of each and the
    interval its table shows: outlet, measure, count, n (words), estimate (per 1,000 words),
    ci_low, ci_high, p_value (resampling articles, see
    :func:`newsprism.compare.rate_intervals.article_rate_p`; NaN: exact Poisson). Hedges are per 1,000 words of the author's voice, the rest per 1,000
    words; ``quote_cis`` (outlet, ci_low, ci_high; see :func:`quote_rate_cis`) gives the
    quotation rate's interval (without it, none: the statements fall back to Poisson).

    Columns: ``outlet``; ``measure`` (a profile column such as ``hedges_per_1k``,
    ``state_media_per_1k``); ``count``; ``n`` (words: the exposure, not articles);
    ``estimate``, ``ci_low``, ``ci_high``; ``p_value``; ``n_articles`` (the outlet's, from
    ``profiles``: below :data:`~newsprism.core.stats.MIN_ARTICLES` no test is made, see
    :func:`newsprism.compare.multiple_testing.family_q`). :func:`compare_outlets` adds
    ``q_value`` (:func:`newsprism.compare.multiple_testing.with_family_q`).

    Usage::

        tables = compare_outlets({"articles": corpus.articles})
        tables["rates"]  # this table, with q_value"""
    columns = ["outlet", "measure", "count", "n", "estimate", "ci_low", "ci_high", "p_value"]
    parts = [hedge_rates.assign(measure=hedge_rates["kind"].map(_HEDGE_MEASURES)),
             source_rates.assign(measure=source_rates["category"].map(_SOURCE_MEASURES))]
    if "quotes_per_1k" in profiles and profiles["quotes_per_1k"].notna().any():
        quotes = profiles.dropna(subset=["quotes_per_1k"])
        parts.append(pd.DataFrame({
            "outlet": quotes["outlet"], "measure": "quotes_per_1k",
            "count": (quotes["quotes_per_1k"] * quotes["n_words"] / 1000).round().astype(int),
            "n": quotes["n_words"], "estimate": quotes["quotes_per_1k"]}))
        if quote_cis is not None and len(quote_cis):
            cis = quote_cis.set_index("outlet")
            parts[-1] = parts[-1].assign(**{c: parts[-1]["outlet"].map(cis[c]) for c in (
                "ci_low", "ci_high", "p_value") if c in cis})
    table = pd.concat([p.reindex(columns=columns) for p in parts], ignore_index=True)
    if "n_articles" in profiles:
        table["n_articles"] = table["outlet"].map(profiles.set_index("outlet")["n_articles"])
    return table.dropna(subset=["measure"]).reset_index(drop=True)


def _with_q(table: pd.DataFrame, rates: pd.DataFrame, measures: pd.Series) -> pd.DataFrame:
    """``table`` (hedging or sourcing rates) with the family ``q_value`` of each row's
    statement measure (NaN for a row no statement tests), so its reading and the summary make
    one corrected decision."""
    keys = zip(rates["outlet"], rates["measure"], strict=True)
    q = dict(zip(keys, rates["q_value"], strict=True))
    return table.assign(q_value=[q.get((o, m), float("nan")) for o, m in
                                 zip(table["outlet"], measures, strict=True)])
