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
# # Quotations: who speaks, in whose words, and how outlets cut the same statement
#
# **Question.** How much does each outlet let others speak, whom does it quote, with which
# reporting verbs, which words does it hold at a distance with scare quotes — and when two
# outlets quote the same statement, which part of it does each use and in what wording?
#
# **How to read.** Quotations are found by `newsprism.quotes.extract` (quotation marks paired, each
# span classed as *speech* — someone's words — or *term* — scare quotes, titles, idioms — and
# speech attributed to a speaker). Rates are per article, averaged per outlet with a bootstrap
# 95% interval (article = unit). Each table or figure is followed by a caption (n, unit,
# source) and a short reading; the quote explorer at the end shows every quotation
# highlighted in its sentence, so every number can be checked against the text.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
min_cluster_score: float = 0.75  # lowest similarity (0-1) that links two quotations
min_cluster_outlets: int = 2  # a statement enters the cross-outlet table if this many outlets quote it (at least 1)
fragment_max_words: int = 2  # quotations with at most this many content words are fragments (at least 0)
top_speakers: int = 8  # speakers shown by name in the share-of-voice figure, others pooled (at least 1)
n_boot: int = 2000  # bootstrap resamples for the 95% intervals (at least 100)
max_explorer_rows: int = 300  # quotations shown in the explorer, all saved as a table (at least 1)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
run_validation: bool = True  # run the quick PolNeAR validation if no saved result exists
actors_codebook: str = "none"  # actor registry: "none" (no actors named), "story" (the bundled story's), or a path to a YAML registry
codebook: str = "generic"  # frame codebook of the annotation all notebooks share: "generic", "story", or a path (as in 20)

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import options as notebook_options
from newsprism.report import quotes_sections
from newsprism.report.params import check_notebook
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "30_quotes"
PARAMS = check_notebook(NOTEBOOK, dict(
    corpus=corpus, out_dir=out_dir, min_cluster_score=min_cluster_score,
    min_cluster_outlets=min_cluster_outlets, fragment_max_words=fragment_max_words,
    top_speakers=top_speakers, n_boot=n_boot, max_explorer_rows=max_explorer_rows,
    run_validation=run_validation,
    actors_codebook=notebook_options.resolve_user_path(actors_codebook),
    codebook=notebook_options.resolve_user_path(codebook), cleaning=cleaning))
ctx = quotes_sections.prepare(corpus, actors_codebook=actors_codebook, codebook=codebook,
                            cleaning=cleaning, n_boot=n_boot)
print(ctx.headline)

# %% [markdown]
# ## Quotations per outlet
#
# Three measures of how much an outlet lets others speak: speech quotations per article, per
# 1,000 words, and the share of the article's characters that lie inside speech quotation
# marks. The interval is a percentile bootstrap over the outlet's articles; with one article
# it collapses to the value itself (no information on spread). *Pooled* is the outlet's total
# divided by its total words or characters.

# %%
rates = quotes_sections.rates_section(ctx, out_dir)
rates.show()

# %% [markdown]
# ## Share of voice by speaker
#
# Whose words each outlet carries: the speaker's share of the outlet's speech quotations
# (Wilson 95% CI, quotations treated as independent) and of the quoted words. Quotations the
# attribution could not tie to a speaker are counted as "(unattributed)" rather than guessed.

# %%
voice = quotes_sections.voice_section(ctx, out_dir, top_speakers=top_speakers)
voice.show()

# %% [markdown]
# ## Anonymous sources
#
# The share of each outlet's speech quotations whose speaker is an unnamed source ("a senior
# official", "sources close to ..."), a measure of its own: share of voice pools these
# quotations as "(anonymous source)" instead of counting each description as a speaker. The
# speaker type is read from the words of the speaker's mention (newsprism.quotes.speakers); the
# quote explorer below shows each quotation's mention, type and the rule that attributed it.

# %%
anonymous = quotes_sections.anonymous_section(ctx, out_dir)
anonymous.show()

# %% [markdown]
# ## Scare quotes
#
# Quotation marks around words nobody is quoted as saying — scare quotes, idioms, titles —
# mark distance or irony ("crown jewels", "Special Military Operation"). Rate per 1,000 words
# with a bootstrap 95% CI, then the terms themselves.

# %%
scare = quotes_sections.scare_section(ctx, out_dir)
scare.show()

# %% [markdown]
# ## Cue verbs: "said" versus "claimed"
#
# The verb that introduces a quotation frames it: *said* and *told* are neutral, *claimed* or
# *insisted* cast doubt, *stressed*, *pledged* or *warned* amplify. Cues are reduced to a
# lemma ("stated" -> "state"); a colon introduction counts as "(colon)".

# %%
cues = quotes_sections.cues_section(ctx, out_dir)
cues.show()

# %% [markdown]
# ## The same statement across outlets
#
# Quotations of the same statement are grouped across articles: shared content words
# (weighted by rarity, looked up in the best-matching stretch of the longer quotation)
# combined with a fuzzy token-set match, so translations with different wording still meet.
# A much shorter quotation joins a longer one only as a near-verbatim excerpt, and only the
# one it fits best, so a shared slogan cannot chain different statements together. For each statement quoted by at least
# `min_cluster_outlets` outlets, every outlet gets a row: its wording, the share of the
# longest version it used, a word diff against that version (red: left out, green: added),
# or a row saying it did not quote the statement.

# %%
statements = quotes_sections.statements_section(ctx, out_dir, min_score=min_cluster_score,
                                              fragment_max_words=fragment_max_words,
                                              min_outlets=min_cluster_outlets)
statements.show()

# %% [markdown]
# ## Quote explorer
#
# Every quotation with its sentence: the quoted words in yellow, the speaker mention the
# attribution rests on in blue. Use it to check any figure above.

# %%
explorer = quotes_sections.explorer_section(ctx, out_dir, statements, max_rows=max_explorer_rows)
explorer.show()

# %% [markdown]
# ## Validation appendix
#
# Quotation finding and attribution are checked against PolNeAR (gold quotations and
# sources from seven US outlets): precision and recall of quotations (≥ 80% character
# overlap) and speaker accuracy on the dev split.

# %%
validation = quotes_sections.validation_section(run_validation)
validation.show()

# %% [markdown]
# ## Limitations
#
# - Quotation marks are the evidence: reported speech without marks ("the minister said the
#   deal was final") is not counted, and a phrase quoted without any attribution may be a scare
#   quote or an unattributed quotation — the classifier decides, and can be wrong.
# - Attribution abstains rather than guesses; unattributed quotations are shown, not
#   reassigned. A wrong speaker can slip through (check the explorer).
# - Clustering links wordings by shared content words and fuzzy matching; translations that
#   share few words stay apart, and a short fragment is tied to the one statement it fits
#   best. The threshold (`min_cluster_score`) trades missed links against false merges.
# - Cue-verb classes (neutral / doubting / emphatic) are a fixed list, not a model of tone.
# - With a handful of articles per outlet, intervals are wide and describe these articles,
#   not the outlets; Wilson intervals treat quotations as independent although quotations in
#   one article are not.

# %%
_ = record_findings(out_dir, NOTEBOOK, quotes_sections.key_findings(ctx, statements,
                                                                  min_outlets=min_cluster_outlets))

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
