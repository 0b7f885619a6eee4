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
ngram: int = 8  # consecutive shared words that count as copied text (at least 4)
max_audit_rows: int = 40  # cleaning-audit rows shown, all saved as a table (at least 1)
cleaning: str = "default"  # page-furniture removal and mojibake repair: "strict", "default" or "off" (newsprism.corpus.clean)

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import overview_sections
from newsprism.report.params import check_notebook
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "00_corpus_overview"
PARAMS = check_notebook(NOTEBOOK, dict(
    corpus=corpus, out_dir=out_dir, ngram=ngram, max_audit_rows=max_audit_rows,
    cleaning=cleaning))
ctx = overview_sections.prepare(corpus, cleaning=cleaning)
print(ctx.headline)

# %% [markdown]
# ## Articles per outlet

# %%
outlets = overview_sections.outlets_section(ctx, out_dir)
outlets.show()

# %% [markdown]
# ## Languages, genres and dates

# %%
coverage = overview_sections.coverage_section(ctx, out_dir)
coverage.show()

# %% [markdown]
# ## Problems found while reading the corpus
#
# A file that cannot be read is skipped and listed here, never silently dropped.

# %%
problems = overview_sections.problems_section(ctx, out_dir)
problems.show()

# %% [markdown]
# ## Cleaning audit
#
# Page furniture (repeated headlines, photo credits, "Read more" links, comment prompts,
# footers, author bios) is removed before any measure. Every removal is listed, so a wrongly
# removed sentence can be spotted. Rule `encoding_repair` removes nothing: it lists titles and
# texts whose mojibake ("TrÃ©vidic" for "Trévidic") was repaired at load, before and after.
# Rule `html_entities` removes nothing either: it lists, per article and field, how many HTML
# entities ("&amp;", "&quot;", "&#8217;") were decoded at load (lines holding markup are left
# as they are).

# %%
audit = overview_sections.audit_section(ctx, out_dir, max_rows=max_audit_rows)
audit.show()

# %% [markdown]
# ## Cleaning per outlet
#
# How much of each outlet's text cleaning removed, and by which rule, with one removed line
# per rule as an example. `line_model` removals carry the model's furniture score in the
# audit; `outlet_template` lines recur across that outlet's articles. A large share for one
# outlet means its pages carry much furniture, or that a rule misfires there: read the
# examples. `encoding_repair` rows count the outlet's articles whose encoding was repaired
# (0 characters removed): many of them point to a broken export from that outlet;
# `html_entities` rows, its articles whose HTML entities were decoded.

# %%
cleaning_by_outlet = overview_sections.cleaning_outlet_section(ctx, out_dir)
cleaning_by_outlet.show()

# %% [markdown]
# ## Lines kept in doubt
#
# When in doubt, cleaning keeps a line and says so: a line the line model (or the body-region
# decoder) leaned to remove, but that looks like body text (a headline, a sentence after a
# sentence, a subhead, a broken paragraph's continuation, a numbered list item), stays in the
# text. These lines are not removals and no removal count above includes them; the table
# counts them per outlet with the most doubted line as an example. Read the examples: a
# furniture line kept here inflates the outlet's word counts.

# %%
doubts = overview_sections.doubts_section(ctx, out_dir)
doubts.show()

# %% [markdown]
# ## Similar and copied articles
#
# TF-IDF cosine similarity of the words (shared topic and wording: two reports of one event
# have it without copying) and copies: pairs whose passages of at least `ngram` identical
# words (stock phrases set aside) cover at least 20% of one of the two articles and hold at
# least 24 words (three times the default `ngram`: one shared phrase is 20% of a 40-word
# brief) — the same rule as the copied passages and independent voices of
# `40_source_comparison`. The longest
# shared run of words is the text evidence. Beyond 30 articles the heatmap shows outlet means
# (a cell per article would be unreadable).

# %%
duplicates = overview_sections.duplicates_section(ctx, out_dir, ngram=ngram)
duplicates.show()

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
_ = record_findings(out_dir, NOTEBOOK, overview_sections.key_findings(ctx, duplicates))

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
