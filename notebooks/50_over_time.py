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
# # Coverage over time: attention, tone and frames per period, who reported first
#
# **Question.** When did each outlet cover the story, did its tone or framing turn after an
# event, who broke it and who followed, and whose wording travelled to whom?
#
# **How to read.** Every article is placed in time by its publication date (manifest
# `published`, Media Cloud's `publish_date`, HTML metadata). Where an article has none, it may
# be dated from its own text: the latest date it mentions, an *estimate* that may fall before
# or after publication (a text mentions coming dates too; the captions give the rates measured
# on PolNeAR) and never a publication time — every caption says how many articles were dated
# which way, and every order that rests on such a date says so.
# Undated articles are counted and listed, never dropped silently. Times are in UTC; a date
# without a clock time cannot order two articles of the same day. Each section has a table
# (saved under `tables/`), a figure, a caption (n, unit, source) and a reading generated from
# the table.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
engine: str = "vader"  # sentiment engine for tone over time: "vader", "textblob" or "nltk_vader"
tone_engine: str = "model"  # actor tone: "model" (fitted, default) or a lexicon engine, masked
codebook: str = "generic"  # frame codebook: "generic", "story", or a path to a YAML codebook
actors_codebook: str = "none"  # actor registry: "none" (no actors named), "story" (the bundled story's), or a path to a YAML registry
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
period: str = "auto"  # auto, day, week or month (auto: day up to a month, week up to half a year)
since: str = ""  # first day of the window (YYYY-MM-DD); empty: from the first article
until: str = ""  # last day of the window (YYYY-MM-DD); empty: to the last article
split_date: str = ""  # before/after comparison at this day; empty: the median article date
date_fallback: str = "text"  # text: date undated articles by the latest date they mention; none
min_sentences: int = 20  # fewest scored sentences for an outlet-period tone point with interval
n_actors: int = 3  # most mentioned actors whose tone is followed over time
min_cluster_score: float = 0.75  # lowest similarity (0-1) that links two quotations
ngram: int = 8  # consecutive shared words that count as copied wording
max_copy_pairs: int = 20000  # most article pairs aligned for copied wording (large corpora)
n_boot: int = 2000  # bootstrap resamples for the 95% intervals
seed: int = 0  # seed of every bootstrap

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import time_sections
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "50_over_time"
PARAMS = dict(corpus=corpus, out_dir=out_dir, engine=engine, tone_engine=tone_engine,
              codebook=codebook,
              actors_codebook=actors_codebook, cleaning=cleaning, period=period, since=since,
              until=until, split_date=split_date, date_fallback=date_fallback,
              min_sentences=min_sentences, n_actors=n_actors,
              min_cluster_score=min_cluster_score, ngram=ngram, max_copy_pairs=max_copy_pairs,
              n_boot=n_boot, seed=seed)
ctx = time_sections.prepare(corpus, period=period, since=since, until=until,
                          date_fallback=date_fallback, engine=engine, n_boot=n_boot, seed=seed,
                          codebook=codebook, actors_codebook=actors_codebook, cleaning=cleaning,
                          tone_engine=tone_engine)

# %% [markdown]
# ## How the articles were dated

# %%
dating = time_sections.dating_section(ctx, out_dir)
dating.show()

# %% [markdown]
# ## Attention: articles per outlet per period

# %%
attention = time_sections.attention_section(ctx, out_dir)
attention.show()

# %% [markdown]
# ## Tone over time, own voice and quoted voice

# %%
tone = time_sections.tone_section(ctx, out_dir, min_sentences=min_sentences)
tone.show()

# %% [markdown]
# ## Tone toward the main actors over time

# %%
actor_tone = time_sections.actor_tone_section(ctx, out_dir, n_actors=n_actors)
actor_tone.show()

# %% [markdown]
# ## Frames over time

# %%
frames = time_sections.frames_section(ctx, out_dir)
frames.show()

# %% [markdown]
# ## Before and after
#
# Each outlet's articles before the split date against those on or after it. A change is
# stated only when its 95% interval excludes zero and it survives the Benjamini–Hochberg
# correction over every comparison in the table; otherwise the row reads "no clear
# difference" or "too few to compare".

# %%
change = time_sections.before_after_section(ctx, out_dir, split_date=split_date)
change.show()

# %% [markdown]
# ## First reports

# %%
first, spread = time_sections.first_reports_section(ctx, out_dir, min_score=min_cluster_score)
first.show()
spread.show()

# %% [markdown]
# ## How wording travelled
#
# Passages shared word for word (the comparison notebook's copied passages) ordered by
# publication time: an outlet that publishes another's text later is shown as following it,
# not as an independent voice. A pair whose dates do not order it is drawn as a dashed line.

# %%
travel = time_sections.propagation_section(ctx, out_dir, ngram=ngram, max_pairs=max_copy_pairs)
travel.show()

# %% [markdown]
# ## Limitations
#
# - Publication dates are only as good as the corpus metadata; a date without a time zone is
#   read as UTC, and a date-only value cannot order articles of the same day.
# - Dates taken from an article's text are estimates, not bounds: a text mentions past and
#   coming dates, so such an article is placed on neither side of a before/after split, and
#   "first" among such articles means "mentions the earliest latest date", not "published
#   first".
# - A period with few articles gives wide intervals or none; hollow points are too few to read.
# - Copying is inferred from shared word runs; a common source (a wire story, a press release)
#   that both outlets copied looks the same as one copying the other.

# %%
_ = record_findings(out_dir, NOTEBOOK, time_sections.findings([
    dating, attention, tone, actor_tone, frames, change, first, spread, travel]))

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
