# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (newsprism)
#     language: python
#     name: newsprism
# ---

# %% [markdown]
# # Source comparison: what sets each outlet apart
#
# **Question.** Covering the same story, how does each outlet differ — in its own tone, its
# frames, whom it quotes and relies on, how certain it sounds, which words it prefers, which
# numbers and dates it reports — and which outlets are not independent voices because they
# copy text from each other?
#
# **How to read.** Start with the [summary](#summary): a few generated statements per
# outlet, each linked to the section holding its evidence. Every rate is normalised (per 1,000
# words, or averaged per article) so that a longer or more prolific outlet does not dominate.
# Each table or figure is followed by a caption (n, unit, source) and a short reading. With
# one or two articles per outlet, differences describe these articles, not the outlet in
# general.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
top_terms: int = 10  # distinctive terms kept per outlet (at least 1)
ngram: int = 8  # consecutive shared words that count as copied text (at least 4)
kwic_per_term: int = 2  # keyword-in-context snippets shown per distinctive term (at least 0)
codebook: str = "generic"  # frame codebook: "generic", "story", or a path to a YAML codebook
engine: str = "vader"  # sentiment engine of the tone profile: "vader", "textblob" or "nltk_vader"
actors_codebook: str = "none"  # actor registry: "none" (no actors named), "story" (the bundled story's), or a path to a YAML registry
sourcing_codebook: str = "generic"  # sourcing patterns: "generic" (any story), "story" (the bundled story's named sources), or a path to a YAML codebook
hedging_codebook: str = ""  # hedge and booster lists YAML; empty means data/codebooks/hedging.yml (Hyland's lists, any story)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
claims_units: str = "generic"  # units of numeric claims: "generic" (any story; the counted noun must follow the number), "story" (the bundled story's troops and dated letters), or a path to a YAML codebook

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import compare_sections
from newsprism.report import options as notebook_options
from newsprism.report.params import check_notebook
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "40_source_comparison"
PARAMS = notebook_options.resolve_path_parameters(check_notebook(NOTEBOOK, dict(
    corpus=corpus, out_dir=out_dir, top_terms=top_terms, ngram=ngram,
    kwic_per_term=kwic_per_term, codebook=codebook, engine=engine,
    actors_codebook=actors_codebook, sourcing_codebook=sourcing_codebook,
    hedging_codebook=hedging_codebook, cleaning=cleaning, claims_units=claims_units)))
ctx = compare_sections.prepare(corpus, top_terms=top_terms, ngram=ngram, engine=engine,
                             codebook=codebook, actors_codebook=actors_codebook,
                             sourcing_codebook=sourcing_codebook,
                             hedging_codebook=hedging_codebook, cleaning=cleaning,
                             claims_units=claims_units)
print(ctx.headline)

# %% [markdown]
# <a id="summary"></a>
# ## Summary: what sets each outlet apart
#
# Generated from the tables below, one function per kind of statement, each naming its
# comparison ("above the median of the other 4 outlets", "highest of 5 outlets") and linking
# its evidence. A statement appears only when its evidence passes a threshold: distinctive
# terms q < 0.05 after the Benjamini–Hochberg correction over every term and outlet scored
# (otherwise the leading terms are marked "not significant", whatever their z); rates at least
# 1.5× the median of the other outlets, at least two events, and a 95% interval above that
# median; a tone whose interval excludes the others' median; rates, frames and tone also need
# q < 0.05 after one Benjamini–Hochberg correction over every outlet and measure tested (a
# rate's p resamples articles, as its interval does); articles grouped into one independent
# voice; a flagged disagreement between outlets. An outlet with fewer than 5 articles gets no
# tone, rate or frame statement (in a simulation a "95%" interval over 2 articles covered the
# truth about half the time, over 5 about four times in five). Nothing is compared in a corpus of one outlet.

# %%
summary = compare_sections.summary_section(ctx, out_dir)
summary.show()
_ = record_findings(out_dir, NOTEBOOK, summary.findings)

# %% [markdown]
# <a id="outlet-profiles"></a>
# ## Outlet profiles
#
# One row per outlet. Tone and subjectivity are the outlet's **own voice** (author sentences,
# from the sentiment table; engine named in `tone_engine`), averaged per article and then
# across articles; its 95% interval is the table after the profiles. Counts are per 1,000
# words of the outlet. `copied_share` is the mean share of an article's words found in a
# passage shared with another article.

# %%
outlet_profiles = compare_sections.profiles_section(ctx, out_dir)
outlet_profiles.show()

# %%
frame_rates = compare_sections.frame_rates_section(ctx, out_dir)
frame_rates.show()

# %% [markdown]
# <a id="distinctive-vocabulary"></a>
# ## Distinctive vocabulary
#
# Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
# "Fightin' Words"): each outlet against all others, the prior being the corpus-wide counts,
# so frequent words shrink towards zero. Stopwords (scikit-learn's English list), one-letter
# fragments ("m" of "I'm") and the editable list `data/codebooks/keyness_stopwords.yml`
# (honorifics: mr, mrs, ms) are removed; terms seen fewer than twice are dropped; a possessive counts as its word ("minister's" as
# "minister"). Outlet names excluded: the words of the outlets' names, as the articles'
# outlet field gives them ("huffpost", "politico"), are not counted, since they say who
# published, not how the story is covered. Red bars: q < 0.05 after the Benjamini–Hochberg correction over every term and
# outlet scored; the dashed line is z = 1.96, what one term alone would need.

# %%
vocabulary = compare_sections.vocabulary_section(ctx, out_dir, kwic_per_term=kwic_per_term)
vocabulary.show()

# %% [markdown]
# <a id="similarity"></a>
# ## Similarity between articles and outlets
#
# TF-IDF cosine similarity (scikit-learn, sublinear term frequency) over the terms of the
# distinctive-vocabulary table (English stopwords, one-letter terms and honorifics removed;
# outlet names are kept here).
# At outlet level each outlet's articles are joined into one document. Above 60 articles an
# article-by-article heatmap is unreadable, so the mean over article pairs of each pair of
# outlets is drawn instead; the article matrix is in the saved table.

# %%
similar = compare_sections.similarity_section(ctx, out_dir)
similar.show()

# %% [markdown]
# <a id="copied-passages"></a>
# ## Copied passages (syndication, rewriting)
#
# Runs of at least `ngram` consecutive words shared by two articles (case and punctuation
# ignored; hashed word n-grams merged into passages). A short shared run (under three times
# `ngram` words) that is mostly a stock phrase (`data/codebooks/stock_phrases.yml`: "the world
# will be watching closely...") or recurs across the corpus is not a copy and is set aside.
# Articles linked by copied text covering at least 20% of one of them, and at least 24 words,
# form one **independent voice**; only then does the summary say an outlet copies another.

# %%
copied = compare_sections.copied_section(ctx, out_dir)
copied.show()

# %% [markdown]
# <a id="sourcing"></a>
# ## Sourcing: whom each outlet relies on
#
# Attributions matched with the documented sourcing codebook the parameter `sourcing_codebook`
# names (default `data/codebooks/sourcing_generic.yml`: state media and intelligence or defence
# bodies as a text describes them, "state media reported"; the bundled story's `sourcing.yml`
# names them), vague attribution ("analysts say", "sources close to"), named "according to"
# sources, and the speakers of direct quotations (quotes table).

# %%
sourcing = compare_sections.sourcing_section(ctx, out_dir)
sourcing.show()

# %% [markdown]
# <a id="hedging"></a>
# ## Hedging and certainty
#
# Hedges (may, likely, reportedly...) and boosters (clearly, indeed...) in the outlet's own
# voice, from the documented word list `data/codebooks/hedging.yml` (Hyland 2005, adapted to
# news). Only the writer's own markers count: a marker inside quotation marks is the quoted
# speaker's, and one a third party's reporting verb introduces ("Analysts believe...",
# "Experts warn that ... could") is that party's (`voice` "reported" in the markers table).
# Uses that are not epistemic are left out by the codebook's documented rules: "would" in
# indirect speech ("expressed confidence that the talks would continue"), "established"
# meaning "set up" ("norms established after World War II"), "appeared with" (showed up),
# "the true scope". A capitalised match mid-sentence ("May Day") is ignored.

# %%
hedging = compare_sections.hedging_section(ctx, out_dir)
hedging.show()

# %% [markdown]
# <a id="claims"></a>
# ## Claims: numbers and dates across outlets
#
# Numbers and dates with their context, grouped by what they count. What a number counts is
# read from the units codebook the parameter `claims_units` names: the generic one asks for the
# counted noun next to the number ("12 people were killed", "600 soldiers have died", "$5
# million"); the bundled story's adds its own units (a bare "killed" as troops killed, the date
# of the New Year letter). A **conflict** is two outlets giving values that cannot
# both hold, taking qualifiers into account ("at least 600" agrees with 700; "15,000" and
# "15000" are the same number; "around" allows ±10%). Agreements are listed too, with
# `n_voices`: the number of independent voices behind them (articles sharing copied text count
# once), since outlets repeating one source do not corroborate each other.

# %%
claims = compare_sections.claims_section(ctx, out_dir)
claims.show()

# %% [markdown]
# ## Limitations
#
# - **Small samples.** With one or two articles per outlet every profile describes those
#   articles; CIs and z-scores are wide, and no difference should be generalised to the outlet.
# - **Word lists and patterns.** Hedges, boosters and sourcing are matched from documented
#   lists: they miss paraphrases, and the sense and attribution rules are heuristics (a
#   reported clause ends at a dash, a semicolon or a comma opening an aside). The hedging
#   rate's denominator is the author's words outside quotation marks, reported clauses
#   included. The evidence tables show every match so readers can check.
# - **Claims.** Units come from the words around each number; generic events ("a letter")
#   are matched to a specific one only by date, so two different letters can be confused and
#   a sender is the nearest named person, not a parsed subject.
# - **Copying.** Only verbatim runs of `ngram` words are found; paraphrased or translated
#   copies are not, and a shared common source (a wire) looks the same as direct copying.
# - **Upstream tables.** Tone, frames and quotations come from the sentiment, framing and
#   quotes steps; when a step is missing its columns are empty here.

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Run provenance: parameters, input hashes, package "
           "versions, git commit, run time.", max_rows=None)
