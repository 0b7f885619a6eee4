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
# # Corpus overview
#
# **Question.** What is in this corpus — which outlets, how much text, when, in which
# languages and genres — what went wrong while reading it, what did cleaning remove, and do
# any articles share most of their text?
#
# **How to read.** Each table or figure is followed by a caption (n, unit, source) and a
# short reading. Every later notebook rests on these articles: read the problems table and the
# cleaning audit before trusting any measure.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
shingle_size: int = 5  # words per shingle for verbatim overlap (Jaccard)
cosine_threshold: float = 0.8  # TF-IDF cosine at or above which two articles are near-duplicates
jaccard_threshold: float = 0.5  # shingle overlap at or above which two articles are near-duplicates
max_audit_rows: int = 40  # cleaning-audit rows shown (all rows are saved as a table)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from newsprism.compare import overview
from newsprism.compare.summary import plural, when_comparable
from newsprism.core.provenance import corpus_name, provenance_table
from newsprism.corpus import language
from newsprism.corpus.readers import problems_reading
from newsprism.pipeline.store import load_any_corpus
from newsprism.report.runner import record_findings, save_table
from newsprism.viz.display import caption, kwic_html, reading, show_table

NOTEBOOK = "00_corpus_overview"
PARAMS = dict(corpus=corpus, out_dir=out_dir, shingle_size=shingle_size,
              cosine_threshold=cosine_threshold, jaccard_threshold=jaccard_threshold,
              max_audit_rows=max_audit_rows, cleaning=cleaning)

# %% [markdown]
# ## Parameters check

# %%
if not isinstance(shingle_size, int) or shingle_size < 1:
    raise ValueError(f"shingle_size must be a positive integer, got {shingle_size!r}")
if not (0 < cosine_threshold <= 1 and 0 < jaccard_threshold <= 1):
    raise ValueError("cosine_threshold and jaccard_threshold must lie in (0, 1]")
data = load_any_corpus(corpus or None, cleaning=cleaning)  # a folder/file or annotated dir
articles = data.articles
if articles.empty:
    raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}; "
                     "see the problems table: " + data.problems.to_string())
SOURCE = corpus_name(data.source or corpus)
print(f"{plural(len(articles), 'article')} from {plural(articles['outlet'].nunique(), 'outlet')} "
      f"read from {SOURCE}")

# %% [markdown]
# ## Articles per outlet

# %%
by_outlet = overview.outlet_summary(articles)
save_table(by_outlet, "overview_outlets", out_dir)
display(show_table(by_outlet, "Articles and words per outlet.", n=len(articles),
                   unit="articles", source=f"{SOURCE} (manifest and cleaned texts)"))

# %%
fig, ax = plt.subplots(figsize=(7, 0.45 * len(by_outlet) + 1.2))
ax.barh(by_outlet["outlet"], by_outlet["words_total"], color="#4c72b0")
ax.invert_yaxis()
ax.set_xlabel("words after cleaning (total per outlet)")
ax.set_title("Length of coverage per outlet")
fig.tight_layout()
plt.show()
longest, shortest = by_outlet.loc[by_outlet["words_total"].idxmax()], by_outlet.loc[
    by_outlet["words_total"].idxmin()]
display(caption("Words per outlet after cleaning.", n=int(by_outlet["words_total"].sum()),
                unit="words", source=f"{SOURCE}, newsprism.text.count_words"))
display(reading(when_comparable(
    by_outlet["outlet"],
    f"**{longest['outlet']}** gives the story the most text ({int(longest['words_total'])} "
    f"words), **{shortest['outlet']}** the least ({int(shortest['words_total'])} words), "
    f"a ratio of {longest['words_total'] / max(shortest['words_total'], 1):.1f}.",
    "length of coverage") + " Longer coverage has more room for quotes and frames, so later "
    "per-outlet counts are also shown per 1,000 words."))

# %% [markdown]
# ## Languages, genres and dates

# %%
languages = overview.count_by(articles, "language")
genres = overview.count_by(articles, "genre")
dates = overview.date_coverage(articles)
save_table(languages, "overview_languages", out_dir)
save_table(genres, "overview_genres", out_dir)
save_table(dates, "overview_dates", out_dir)
display(show_table(languages, "Articles per detected language.", n=len(articles),
                   unit="articles", source=f"{SOURCE}, newsprism language detection"))
display(show_table(genres, "Articles per genre (as recorded in the manifest).",
                   n=len(articles), unit="articles", source=f"{SOURCE} manifest"))
display(show_table(dates, "Publication dates per outlet (parseable dates only).",
                   n=len(articles), unit="articles", source=f"{SOURCE} manifest"))
n_dated = int(dates["dated"].sum())
n_non_english = len(articles) - len(language.english_articles(articles))
display(reading(
    f"{n_non_english} of {len(articles)} articles are not detected as English; English-only "
    f"measures skip them. {n_dated} of {len(articles)} articles carry a parseable publication "
    "date" + ("; without dates, no claim about timing (who reported first) can be made."
              if n_dated < len(articles) else ".")))

# %% [markdown]
# ## Problems found while reading the corpus
#
# A file that cannot be read is skipped and listed here, never silently dropped.

# %%
problems = data.problems
save_table(problems, "overview_problems", out_dir)
display(show_table(problems, "Input problems (file, line, reason).", n=len(problems),
                   unit="problems", source=f"{SOURCE}, newsprism.corpus.load_corpus"))
display(reading(problems_reading(problems)))

# %% [markdown]
# ## Cleaning audit
#
# Page furniture (repeated headlines, photo credits, "Read more" links, comment prompts,
# footers, author bios) is removed before any measure. Every removal is listed, so a wrongly
# removed sentence can be spotted.

# %%
audit = data.cleaning_audit
rules = overview.audit_summary(audit)
save_table(audit, "overview_cleaning_audit", out_dir)
save_table(rules, "overview_cleaning_rules", out_dir)
display(show_table(rules, "Removals per cleaning rule.", n=len(audit), unit="removed lines",
                   source=f"{SOURCE}, newsprism.corpus.clean"))
display(show_table(audit, "Removed text, line by line.", max_rows=max_audit_rows,
                   n=len(audit), unit="removed lines", source=f"{SOURCE}, newsprism.corpus.clean"))
display(reading(overview.audit_reading(audit, rules, len(articles))))

# %% [markdown]
# ## Cleaning per outlet
#
# How much of each outlet's text cleaning removed, and by which rule, with one removed line
# per rule as an example. `line_model` removals carry the model's furniture score in the
# audit; `outlet_template` lines recur across that outlet's articles. A large share for one
# outlet means its pages carry much furniture, or that a rule misfires there: read the
# examples.

# %%
by_outlet_rule = overview.cleaning_by_outlet(audit, articles)
save_table(by_outlet_rule, "overview_cleaning_by_outlet", out_dir)
display(show_table(by_outlet_rule, f"Removals per outlet and rule (cleaning level "
                   f"'{cleaning}'); share_of_text = removed characters / raw characters.",
                   n=len(audit), unit="removed lines", source=f"{SOURCE}, newsprism.corpus.clean"))
display(reading(overview.cleaning_outlet_reading(by_outlet_rule)))

# %% [markdown]
# ## Near-duplicate articles
#
# Two measures: TF-IDF cosine similarity of words and word pairs (shared topic and wording)
# and the Jaccard overlap of word shingles (verbatim reuse). The longest shared run of words
# is the text evidence.

# %%
pairs = overview.near_duplicates(articles, shingle_size=shingle_size,
                                 cosine_threshold=cosine_threshold,
                                 jaccard_threshold=jaccard_threshold)
save_table(pairs, "overview_near_duplicates", out_dir)
N_PAIRS, N_DUP = pairs.attrs["n_pairs"], pairs.attrs["n_near_duplicates"]
SHOWN = "" if len(pairs) == N_PAIRS else (
    f" Showing the {len(pairs)} strongest of {N_PAIRS} pairs (near-duplicates first); the "
    "saved table overview_near_duplicates holds the same rows.")
if pairs.attrs.get("method", "all pairs") != "all pairs":
    SHOWN += (f" The corpus is too large to score every pair: only {pairs.attrs['method']} "
              "were scored (texts reprinted more widely are not compared).")
texts = articles.set_index("article_id")["text"]
evidence = pairs.head(10).assign(
    passage_a=[kwic_html(texts[r.article_a], r.start_a, r.end_a, width=40)
               for r in pairs.head(10).itertuples()],
    passage_b=[kwic_html(texts[r.article_b], r.start_b, r.end_b, width=40)
               for r in pairs.head(10).itertuples()])
display(show_table(
    evidence[["outlet_a", "outlet_b", "cosine", "jaccard", "shared_words", "is_near_duplicate",
              "passage_a", "passage_b"]],
    "Most similar article pairs with their longest shared passage (highlighted)." + SHOWN,
    html_columns=["passage_a", "passage_b"], n=N_PAIRS, unit="article pairs",
    source=f"{SOURCE}, newsprism.compare.overview.near_duplicates"))

# %%
BY_OUTLET = len(articles) > 30  # beyond ~30 articles a cell per article is unreadable
matrix = overview.similarity_matrix(articles, by_outlet=BY_OUTLET)
labels = (matrix.index.tolist() if BY_OUTLET else
          articles.set_index("article_id").loc[matrix.index, "outlet"].tolist())
fig, ax = plt.subplots(figsize=(6, 5))
image = ax.imshow(matrix.to_numpy(), vmin=0, vmax=1, cmap="viridis")
ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
ax.set_yticks(range(len(labels)), labels)
fig.colorbar(image, ax=ax, label="TF-IDF cosine similarity")
ax.set_title("How similar are the articles?")
fig.tight_layout()
plt.show()
display(caption(("Mean TF-IDF cosine similarity between articles of two outlets (diagonal: "
                 "pairs of distinct articles within an outlet), from every pair of articles."
                 if BY_OUTLET else
                 "TF-IDF cosine similarity between every pair of articles (1 on the diagonal)."),
                n=N_PAIRS, unit="article pairs",
                source=f"{SOURCE}, newsprism.compare.overview.similarity_matrix"))
top = pairs.iloc[0] if len(pairs) else None
display(reading(
    "There are fewer than two articles, so no pair to compare." if top is None else
    f"{N_DUP} of {N_PAIRS} pairs pass a near-duplicate threshold (cosine ≥ "
    f"{cosine_threshold} or shingle Jaccard ≥ {jaccard_threshold}). The most similar pair, "
    f"{overview.pair_label(top)}, has cosine {top['cosine']:.2f} and "
    f"shares at most {int(top['shared_words'])} consecutive words: "
    + ("a sign of copied or syndicated text." if top["is_near_duplicate"] else
       "the articles tell the same story in their own words.")))

# %% [markdown]
# ## Limitations
#
# - Outlet names, genres and dates come from the manifest, which records only what each text
#   shows; unknown fields stay empty and are counted as "unknown".
# - Word counts are after cleaning: a cleaning rule that misses furniture inflates them.
# - Similarity uses words only: a translated copy of an article in another language is not
#   detected as a duplicate.
# - With a handful of articles per outlet, the per-outlet figures describe these articles,
#   not the outlets in general.

# %%
_ = record_findings(out_dir, NOTEBOOK, [
    f"{plural(len(articles), 'article')} from {plural(articles['outlet'].nunique(), 'outlet')}, "
    f"{plural(int(articles['n_words'].sum()), 'word')} after cleaning "
    f"(median {int(articles['n_words'].median())} per article).",
    problems_reading(problems) + f" Cleaning removed {plural(len(audit), 'line')} of page "
    "furniture.",
    f"{plural(n_non_english, 'non-English article')}; "
    f"{plural(n_dated, 'article')} with a publication date.",
    f"{plural(N_DUP, 'near-duplicate pair')} of {N_PAIRS}"
    + ("" if top is None else
       f"; most similar: {overview.pair_label(top).replace('**', '')} "
       f"(cosine {top['cosine']:.2f})."),
])

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
