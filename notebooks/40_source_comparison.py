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
top_terms: int = 10  # distinctive terms kept per outlet
ngram: int = 8  # consecutive shared words that count as copied text
kwic_per_term: int = 2  # keyword-in-context snippets shown per distinctive term
codebook: str = "story"  # frame codebook: "story", "generic", or a path to a YAML codebook
engine: str = "vader"  # sentiment engine of the tone profile: "vader", "textblob" or "nltk_vader"
actors_codebook: str = ""  # actor registry YAML (speakers); empty means newsprism/data/codebooks/actors.yml
sourcing_codebook: str = ""  # sourcing patterns YAML; empty means newsprism/data/codebooks/sourcing.yml
hedging_codebook: str = ""  # hedge and booster lists YAML; empty means newsprism/data/codebooks/hedging.yml
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)

# %%
import matplotlib.pyplot as plt
from IPython.display import HTML, display
from newsprism.compare import (
    hedging,
    keyness,
    profiles,
    similarity,
    sourcing,
    summary,
)
from newsprism.compare import outlets as compare
from newsprism.core.provenance import corpus_name, provenance_table
from newsprism.pipeline.annotate import annotate
from newsprism.report import options as notebook_options
from newsprism.report.runner import record_findings, save_table
from newsprism.sentiment import scoring as sentiment
from newsprism.viz.display import caption, reading, show_table

NOTEBOOK = "40_source_comparison"
PARAMS = notebook_options.resolve_path_parameters(dict(
    corpus=corpus, out_dir=out_dir, top_terms=top_terms, ngram=ngram,
    kwic_per_term=kwic_per_term, codebook=codebook, engine=engine,
    actors_codebook=actors_codebook, sourcing_codebook=sourcing_codebook,
    hedging_codebook=hedging_codebook, cleaning=cleaning))

# %% [markdown]
# ## Parameters check

# %%
if not isinstance(top_terms, int) or top_terms < 1:
    raise ValueError(f"top_terms must be a positive integer, got {top_terms!r}")
if not isinstance(ngram, int) or ngram < 4:
    raise ValueError(f"ngram must be an integer of at least 4 words, got {ngram!r}")
if not isinstance(kwic_per_term, int) or kwic_per_term < 0:
    raise ValueError(f"kwic_per_term must be a non-negative integer, got {kwic_per_term!r}")
sentiment.check_engine(engine)
OPTIONS = notebook_options.annotation_options(codebook=codebook, engine=engine,
                                              actors_codebook=actors_codebook,
                                              cleaning=cleaning)
annotations = annotate(corpus or None, OPTIONS, progress=False)
tables = annotations.tables
articles = tables["articles"]
if articles.empty:
    raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
SOURCE = corpus_name(annotations.corpus.source or corpus)
result = compare.compare_outlets(
    tables, top_terms=top_terms, ngram=ngram, engine=engine,
    sourcing_codebook=notebook_options.codebook_file(sourcing_codebook),
    hedging_codebook=notebook_options.codebook_file(hedging_codebook))
english = articles[articles["article_id"].isin(result["voices"]["article_id"])]
N_ART, N_OUT = len(english), english["outlet"].nunique()
available = {name: len(t) for name, t in tables.items() if hasattr(t, "__len__")}
print(f"{summary.plural(N_ART, 'English article')} from {summary.plural(N_OUT, 'outlet')} "
      f"({len(articles) - N_ART} other-language articles not compared) read from {SOURCE}")
print("annotation tables (rows):", available, "| skipped steps:", annotations.skipped_steps)

# %% [markdown]
# <a id="summary"></a>
# ## Summary: what sets each outlet apart
#
# Generated from the tables below, one function per kind of statement, each naming its
# comparison ("above the median of the other 4 outlets", "highest of 5 outlets") and linking
# its evidence. A statement appears only when its evidence passes a threshold: distinctive
# terms |z| > 1.96 (otherwise marked "not significant"); rates at least 1.5× the median of the
# other outlets, at least two events, and a 95% interval above that median; a tone whose
# interval excludes the others' median; articles grouped into one independent voice; a
# flagged disagreement between outlets. Nothing is compared in a corpus of one outlet.

# %%
summaries = result["summaries"]
save_table(summaries, "comparison_summaries", out_dir)
display(summary.summaries_html(summaries))
display(caption("Generated statements per outlet, each with the section and table row of its "
                "evidence.", n=len(summaries), unit="statements",
                source=f"{SOURCE}, newsprism.compare.outlets.outlet_summaries"))
LIMITS = summary.comparison_limits(N_OUT, N_ART)
findings = summary.findings_text(summaries, note=LIMITS)
record_findings(out_dir, NOTEBOOK, findings)
display(reading(LIMITS + " "
                + f"{summary.plural(len(findings), 'statement')} (besides outlet sizes) "
                "recorded as key findings for the report index. Each is a description of these "
                "articles, not a verdict on the outlet."))

# %% [markdown]
# <a id="outlet-profiles"></a>
# ## Outlet profiles
#
# One row per outlet. Tone and subjectivity are the outlet's **own voice** (author sentences,
# from the sentiment table; engine named in `tone_engine`), averaged per article and then
# across articles. Counts are per 1,000 words of the outlet. `copied_share` is the mean share
# of an article's words found in a passage shared with another article.

# %%
outlet_profiles = result["profiles"]
save_table(outlet_profiles, "comparison_outlet_profiles", out_dir)
display(show_table(outlet_profiles.drop(columns=["tone_engine"]),
                   "Outlet profiles (rates per 1,000 words; tone and subjectivity as "
                   f"per-article means, engine: {outlet_profiles['tone_engine'].iloc[0] or 'none'}).",
                   n=N_ART, unit="articles",
                   source=f"{SOURCE}; sentiment, frames, quotes tables; codebooks "
                          "hedging.yml and sourcing.yml"))

# %%
fig = profiles.plot_profiles(outlet_profiles)
plt.show()
outlet_rates = result["rates"]
display(caption("Rates per outlet, each per 1,000 words of that outlet.", n=N_OUT,
                unit="outlets", source=f"{SOURCE}, newsprism.compare.profiles.outlet_profiles"))
display(reading(
    summary.top_rate_reading(outlet_rates[outlet_rates["measure"] == "quotes_per_1k"],
                             "rate of direct quotations") + " "
    + summary.top_rate_reading(outlet_rates[outlet_rates["measure"] == "hedges_per_1k"],
                               "hedging rate",
                               "per 1,000 words of its own voice")
    + " Because the rates are pooled per 1,000 words, an outlet with more or longer articles "
    "weighs no more than one with a single short piece."))

# %%
frames_by_outlet = result["frame_rates"]
save_table(frames_by_outlet, "comparison_frame_rates", out_dir)
if len(frames_by_outlet):
    display(show_table(frames_by_outlet.pivot(index="outlet", columns="frame",
                                              values="per_1k_words").reset_index(),
                       "Frames per 1,000 words of each outlet (one count per sentence and frame; "
                       "all voices).", n=int(frames_by_outlet["count"].sum()),
                       unit="sentence-frame pairs", source=f"{SOURCE}, frames table "
                       "(newsprism.framing.detect), newsprism.compare.profiles.frame_rates"))
    top_frame = frames_by_outlet.loc[frames_by_outlet["per_1k_words"].idxmax()]
    display(reading(
        f"The densest framing is **{top_frame['frame']}** in **{top_frame['outlet']}** "
        f"({top_frame['per_1k_words']:.1f} per 1,000 words). Compare a frame across a row's "
        "outlets, not frames within an outlet: cue lists differ in length between frames."))
else:
    display(reading("No frames table is available (the framing step did not run), so frames "
                    "are not compared."))

# %% [markdown]
# <a id="distinctive-vocabulary"></a>
# ## Distinctive vocabulary
#
# Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
# "Fightin' Words"): each outlet against all others, the prior being the corpus-wide counts,
# so frequent words shrink towards zero. Stopwords (scikit-learn's English list) are removed;
# terms seen fewer than twice are dropped. Red bars: |z| > 1.96.

# %%
terms = keyness.distinctive_terms_with_kwic(english, result["terms"], per_term=kwic_per_term)
save_table(terms, "comparison_distinctive_terms", out_dir)
fig = keyness.plot_distinctive_terms(result["terms"], per_group=min(top_terms, 8))
plt.show()
display(caption("Top terms per outlet by z-score of the log-odds ratio against the rest of the "
                "corpus.", n=int(keyness.term_counts(english).to_numpy().sum()),
                unit="word tokens (stopwords removed)",
                source=f"{SOURCE}, newsprism.compare.keyness.log_odds_dirichlet"))
display(show_table(terms[["group", "rank", "term", "count", "count_rest", "z", "kwic"]],
                   "Distinctive terms with keyword-in-context snippets from the outlet's "
                   "own articles.", n=len(terms), unit="terms",
                   source=f"{SOURCE}, newsprism.compare.keyness.kwic"))
n_significant = int(result["terms"]["significant"].sum())
display(reading(
    f"{n_significant} of {len(result['terms'])} listed terms reach |z| > 1.96. With few "
    "articles per outlet, most differences are within chance; read the snippets to see "
    "whether a term marks a real choice of words (a label, a framing) or a one-off topic."))

# %% [markdown]
# <a id="similarity"></a>
# ## Similarity between articles and outlets
#
# TF-IDF cosine similarity (scikit-learn, English stopwords removed, sublinear term
# frequency). At outlet level each outlet's articles are joined into one document.

# %%
article_sim = result["article_similarity"]
outlet_sim = result["outlet_similarity"]
save_table(article_sim.reset_index(names="article_id"), "comparison_article_similarity", out_dir)
save_table(outlet_sim.reset_index(names="outlet"), "comparison_outlet_similarity", out_dir)
fig = similarity.plot_similarity(article_sim, "Articles: TF-IDF cosine similarity")
plt.show()
N_SIM = len(article_sim)
SAMPLED = (f" A stratified random sample of {N_SIM} of {N_ART} articles (per outlet in "
           "proportion to its size, seed 0): a larger matrix could not be drawn or read."
           if N_SIM < N_ART else "")
display(caption("Cosine similarity between articles." + SAMPLED, n=N_SIM, unit="articles",
                source=f"{SOURCE}, newsprism.compare.similarity.similarity_matrix"))
fig = similarity.plot_similarity(outlet_sim, "Outlets: TF-IDF cosine similarity")
plt.show()
pairs = similarity.similarity_pairs(outlet_sim)
display(caption("Cosine similarity between outlets (articles joined per outlet).", n=N_OUT,
                unit="outlets", source=f"{SOURCE}, newsprism.compare.similarity.similarity_matrix"))
if len(pairs):
    top_pair = pairs.iloc[0]
    display(reading(
        f"The two most similar outlets are **{top_pair['a']}** and **{top_pair['b']}** "
        f"(cosine {top_pair['cosine']:.2f}); the least similar pair scores "
        f"{pairs['cosine'].iloc[-1]:.2f}. Similar vocabulary alone is expected for one story; "
        "copied text is checked next."))

# %% [markdown]
# <a id="copied-passages"></a>
# ## Copied passages (syndication, rewriting)
#
# Runs of at least `ngram` consecutive words shared by two articles (case and punctuation
# ignored; hashed word n-grams merged into passages). A short shared run (under three times
# `ngram` words) that is mostly a stock phrase (`newsprism/data/codebooks/stock_phrases.yml`: "the world
# will be watching closely...") or recurs across the corpus is not a copy and is set aside.
# Articles linked by copied text covering at least 20% of one of them form one **independent
# voice**; only then does the summary say an outlet copies another.

# %%
passages = result["copied_passages"]
voices = result["voices"]
save_table(passages, "comparison_copied_passages", out_dir)
save_table(voices, "comparison_independent_voices", out_dir)
display(similarity.passages_html(passages))
N_COMMON = passages.attrs.get("n_common_ngrams", 0)
COMMON = (f" {N_COMMON:,} {ngram}-word runs found in more than 100 articles each (boilerplate "
          "or reprinted wire text) did not on their own pair articles." if N_COMMON else "")
COMMON += similarity.stock_note(passages)
N_CANDIDATES = passages.attrs.get("n_candidate_pairs", 0)
if passages.attrs.get("n_pairs_compared", N_CANDIDATES) < N_CANDIDATES:
    COMMON += (f" Of {N_CANDIDATES:,} article pairs sharing a run, the "
               f"{passages.attrs['n_pairs_compared']:,} sharing the most were aligned.")
display(caption(f"Passages of at least {ngram} words shared word for word by two articles, "
                "side by side with offsets into each cleaned text." + COMMON, n=len(passages),
                unit="passage pairs", source=f"{SOURCE}, newsprism.compare.similarity.find_copied_passages"))
display(show_table(voices, "Independent voices: articles grouped when one copies a large part "
                   "of another.", n=N_ART, unit="articles",
                   source=f"{SOURCE}, newsprism.compare.similarity.independent_voices"))
display(reading(
    f"{summary.plural(len(passages), 'shared passage')} found; the "
    f"{summary.plural(N_ART, 'article')} form "
    f"{summary.plural(voices['voice_id'].nunique(), 'independent voice')}. A shared passage means one text "
    "(or a common source such as a wire service) was reused: count such outlets once when "
    "asking how many sources say something."))

# %% [markdown]
# <a id="sourcing"></a>
# ## Sourcing: whom each outlet relies on
#
# Attributions matched with the documented codebook `newsprism/data/codebooks/sourcing.yml`: state
# media (KCNA, "CTAK", TASS...), intelligence and defence bodies (NIS, UK Ministry of Defence,
# ISW...), vague attribution ("analysts say", "sources close to"), named "according to"
# sources, and the speakers of direct quotations (quotes table).

# %%
rates = result["sourcing_rates"]
evidence = result["sources"]
save_table(rates, "comparison_sourcing_rates", out_dir)
save_table(evidence, "comparison_sourcing_evidence", out_dir)
fig = sourcing.plot_sourcing_rates(rates)
plt.show()
display(caption("Attributions per 1,000 words per outlet and category.", n=len(evidence),
                unit="attributions", source=f"{SOURCE}, newsprism.compare.sourcing.sourcing_table"))
display(show_table(rates[rates["count"] > 0], "Sourcing rates with the most frequent sources "
                   "(article_share: share of the outlet's articles with at least one).",
                   n=len(evidence), unit="attributions",
                   source=f"{SOURCE}, newsprism/data/codebooks/sourcing.yml"))
display(show_table(evidence[evidence["category"] != "quoted_speaker"][
    ["outlet", "category", "source", "cue", "sentence"]],
    "Every codebook attribution with its sentence (quoted speakers: see 30_quotes).",
    n=int((evidence["category"] != "quoted_speaker").sum()), unit="attributions",
    source=f"{SOURCE}, newsprism.compare.sourcing.sourcing_table"))
display(reading(
    summary.top_rate_reading(rates[rates["category"] == "vague_attribution"],
                             "rate of vague attribution")
    + " Vague attribution lets a writer state a view without naming who holds it; read "
    "the sentences above before reading intent into the rate."))

# %% [markdown]
# <a id="hedging"></a>
# ## Hedging and certainty
#
# Hedges (may, likely, reportedly...) and boosters (clearly, indeed...) in the outlet's own
# voice, from the documented word list `newsprism/data/codebooks/hedging.yml` (Hyland 2005, adapted to
# news). Only the writer's own markers count: a marker inside quotation marks is the quoted
# speaker's, and one a third party's reporting verb introduces ("Analysts believe...",
# "Experts warn that ... could") is that party's (`voice` "reported" in the markers table).
# Uses that are not epistemic are left out by the codebook's documented rules: "would" in
# indirect speech ("expressed confidence that the alliance would continue"), "established"
# meaning "set up" ("norms established after World War II"), "appeared with" (showed up),
# "the true scope". A capitalised match mid-sentence ("May Day") is ignored.

# %%
hedge_rates = result["hedging_rates"]
save_table(hedge_rates, "comparison_hedging_rates", out_dir)
save_table(result["hedges"], "comparison_hedging_markers", out_dir)
fig = hedging.plot_hedging_rates(hedge_rates)
plt.show()
display(caption("Hedges and boosters per 1,000 words of author voice with exact 95% Poisson "
                "confidence intervals.", n=int(hedge_rates["count"].sum()), unit="markers",
                source=f"{SOURCE}, newsprism.compare.hedging.hedging_rates"))
display(show_table(hedge_rates, "Hedging and boosting rates per outlet.", n=len(result["hedges"]),
                   unit="markers", source=f"{SOURCE}, newsprism/data/codebooks/hedging.yml"))
display(reading(
    summary.top_rate_reading(hedge_rates[hedge_rates["kind"] == "hedge"], "hedging rate",
                             "per 1,000 words of its own voice")
    + " Overlapping intervals mean a difference could be chance at this corpus size."))

# %% [markdown]
# <a id="claims"></a>
# ## Claims: numbers and dates across outlets
#
# Numbers and dates with their context, grouped by what they count (troops, troops killed,
# date of the New Year letter...). A **conflict** is two outlets giving values that cannot
# both hold, taking qualifiers into account ("at least 600" agrees with 700; "15,000" and
# "15000" are the same number; "around" allows ±10%). Agreements are listed too, with
# `n_voices`: the number of independent voices behind them (articles sharing copied text count
# once), since outlets repeating one source do not corroborate each other.

# %%
claims = result["claims"]
groups = result["claim_groups"]
save_table(claims.drop(columns=["sentence"]), "comparison_claims", out_dir)
save_table(groups, "comparison_claim_groups", out_dir)
display(show_table(groups[["unit", "status", "values", "subjects", "n_outlets", "n_voices"]],
                   "Claims grouped by what they count, with their status across outlets.",
                   n=len(claims), unit="claims",
                   source=f"{SOURCE}, newsprism.compare.claims.group_claims"))
display(show_table(claims[["outlet", "kind", "quantity", "qualifier", "unit", "subject",
                           "sentence"]],
                   "Every number and date found, with its sentence.", n=len(claims),
                   unit="claims", source=f"{SOURCE}, newsprism.compare.claims.extract_claims"))
n_conflicts = int(groups["status"].isin(["conflict", "sender conflict"]).sum())
n_agree = int((groups["status"] == "agree").sum())
display(reading(
    f"{summary.plural(n_conflicts, 'group')} of claims disagree across outlets and {n_agree} "
    "agree; the rest "
    "are reported by one outlet only, which is itself a finding: a figure no other outlet "
    "repeats has not been corroborated here."))

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
display(show_table(provenance_table(PARAMS), "Run provenance: parameters, input hashes, package "
                   "versions, git commit, run time.", max_rows=None))
