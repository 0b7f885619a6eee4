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
# # Sentiment: tone per outlet, own voice versus quoted voices, tone toward each actor
#
# **Question.** Is one outlet more negative than another? Is that the outlet's own prose or
# the people it quotes? And how does each outlet write about each actor of the story — the
# people, states and organisations its actor registry names (parameter `actors_codebook`)?
#
# **How to read.** Scores come from a *lexicon* engine (named in every caption): each sentence
# gets a score from −1 (negative) to +1 (positive), computed from word lists, not from an
# understanding of the story. Means come with n and a bootstrap 95% interval. Where an outlet
# has only one article, the interval only describes that article's sentences — the notebook
# says so next to the number. Tone toward an actor comes from a *fitted model* (default
# `tone_engine="model"`: a logistic model on words averaged with one on character n-grams and
# one on word vectors learnt from unlabelled news text, all fitted on NewsMTSC train, the actor's
# name masked), so
# "the mayor praised the plan, but the governor called the budget a disaster" can be positive
# for the mayor and negative for the governor; its accuracy on held-out NewsMTSC dev sentences is in the caption, next
# to its baselines. Every number can be traced back to highlighted sentences below.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
engine: str = "vader"  # sentiment engine: "vader", "textblob" or "nltk_vader"
tone_engine: str = "model"  # actor tone: "model" (fitted, default) or a lexicon engine, masked
compare_engines: list = ["vader", "textblob", "nltk_vader"]  # engines compared: any of "vader", "textblob", "nltk_vader"
n_boot: int = 2000  # bootstrap resamples per interval (at least 100)
seed: int = 0  # bootstrap seed (fixed so reruns give identical intervals)
min_mentions: int = 3  # actors mentioned fewer times (whole corpus) are left out of the heatmap (at least 1)
top_k: int = 5  # most positive / most negative sentences shown (at least 1)
arc_window: int = 5  # sentences in the rolling mean of the tone arc (at least 1)
arc_articles: int = 12  # articles in the tone-arc figure, a seeded sample spread over outlets (at least 1)
dots_per_outlet: int = 1500  # at most this many sentence dots per outlet, seeded sample (at least 100)
actors_codebook: str = "none"  # actor registry: "none" (no actors named), "story" (the bundled story's), or a path to a YAML registry
codebook: str = "generic"  # frame codebook of the annotation all notebooks share: "generic", "story", or a path (as in 20)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
agreement_sentences: int = 5000  # engines missing from the annotations: score a sample this big (at least 100)

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import options as notebook_options
from newsprism.report import sentiment_sections
from newsprism.report.params import check_notebook
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "10_sentiment"
PARAMS = check_notebook(NOTEBOOK, dict(
    corpus=corpus, out_dir=out_dir, engine=engine, tone_engine=tone_engine,
    compare_engines=compare_engines, n_boot=n_boot, seed=seed, min_mentions=min_mentions,
    top_k=top_k, arc_window=arc_window, arc_articles=arc_articles,
    dots_per_outlet=dots_per_outlet, agreement_sentences=agreement_sentences,
    actors_codebook=notebook_options.resolve_user_path(actors_codebook),
    codebook=notebook_options.resolve_user_path(codebook), cleaning=cleaning))
ctx = sentiment_sections.prepare(corpus, engine=engine, tone_engine=tone_engine,
                               actors_codebook=actors_codebook, codebook=codebook,
                               cleaning=cleaning)
print(ctx.headline)

# %% [markdown]
# ## 1. Tone per outlet
#
# Each dot is one sentence; the bar marks the outlet's mean with its 95% interval. Sentences
# are the unit because article- or paragraph-long texts saturate VADER's compound score; higher
# levels (paragraph, article, outlet) average their sentences. On a large corpus the dots are
# a seeded sample of at most `dots_per_outlet` sentences per outlet (the caption says how many);
# means and intervals always use every sentence.

# %%
tone = sentiment_sections.tone_section(ctx, out_dir, n_boot=n_boot, seed=seed,
                                     dots_per_outlet=dots_per_outlet)
tone.show()

# %% [markdown]
# ### Levels: paragraph and article
#
# The same sentence scores averaged per paragraph and per article.

# %%
levels = sentiment_sections.levels_section(ctx, out_dir, n_boot=n_boot, seed=seed)
levels.show()

# %% [markdown]
# ## 2. The outlet's own voice versus the voices it quotes
#
# Every sentence is split into the outlet's own words and the words inside quotation marks
# (quote spans from the quotes step, `kind = speech`; scare quotes stay in the author's voice).
# Both parts are scored separately. The table has three rows per outlet (`measure`): `author`,
# `quoted` and `gap` = quoted minus author, each an estimate with its 95% interval and n.

# %%
voice = sentiment_sections.voice_section(ctx, out_dir, n_boot=n_boot, seed=seed)
voice.show()

# %% [markdown]
# ## 3. Tone toward actors
#
# Actors and their aliases come from the actor registry the parameter `actors_codebook` names
# (people, states, media; none by default: the bundled story's `actors.yml` is the example to
# copy, with capitals and seats of government counted as their state). Each mention gets
# `sentiment.tone_toward` of its sentence: with the default model, score = P(positive) −
# P(negative); with a lexicon engine, the score of its clause. The mention itself is masked, so
# "United" in "the United States" adds nothing. Mentions with no evaluative word at all are
# counted (`no_evidence`) rather than read as neutral.

# %%
actors = sentiment_sections.actors_section(ctx, out_dir, tone_engine=tone_engine, n_boot=n_boot,
                                         seed=seed, min_mentions=min_mentions)
actors.show()

# %% [markdown]
# ## 4. The tone arc through each article
#
# Sentence scores in reading order (0 = first sentence, 1 = last), smoothed with a centred
# rolling mean.

# %%
arc = sentiment_sections.arc_section(ctx, window=arc_window, n_articles=arc_articles, seed=seed)
arc.show()

# %% [markdown]
# ## 5. The most positive and most negative sentences
#
# Words that drove the score are highlighted (green positive, red negative; hover for the
# VADER valence after negation and intensifier rules).

# %%
extremes = sentiment_sections.extremes_section(ctx, out_dir, top_k=top_k)
extremes.show()

# %% [markdown]
# ## 6. Agreement between engines
#
# Whole-sentence scores of the engines compared pairwise: Pearson r (Fisher-z 95% interval)
# and the share of sentences put in the same class (positive / neutral / negative, ±0.05 band)
# with a Wilson 95% interval. An engine that is not in the annotations is scored here; on a
# large corpus that is done on a seeded random sample of `agreement_sentences` sentences, and
# the caption then gives the sample size out of the total.

# %%
agreement = sentiment_sections.agreement_section(ctx, out_dir, compare_engines,
                                               max_scored=agreement_sentences, seed=seed,
                                               dots_per_outlet=dots_per_outlet)
agreement.show()

# %% [markdown]
# ## Validation
#
# `make validate` scores the engines on 5,190 human-rated New York Times editorial sentences
# (Hutto & Gilbert 2014); the published reference for VADER is r = 0.492, F1 = 0.55.

# %%
validation = sentiment_sections.validation_section()
validation.show()

# %% [markdown]
# ## Limitations
#
# - **Lexicon methods on news.** VADER was built for social media and TextBlob for product
#   reviews; news describes violence and diplomacy in words ("war", "alliance", "support")
#   that carry lexicon valence regardless of stance. On human-rated NYT editorial sentences
#   VADER reaches only r ≈ 0.5. Treat scores as the *vocabulary's* tone, not the outlet's
#   stance, and read the highlighted sentences.
# - **Translation effects.** Machine-translated articles and state-media
#   renderings carry the translator's word choices; an outlet can look "warmer" because its
#   translation uses "heroic" where another says "brave".
# - **One article per outlet.** In the bundled corpus every outlet has one article; intervals
#   then describe that article's sentences, not the outlet.
# - **Clauses and mentions.** Clause splitting is rule-based (", but", ";", dashes, "while",
#   "whereas", "although"); pronouns ("he", "the leader") are not resolved, so many references
#   to an actor are missed. Aliases are the registry's: what it lists is what counts.
# - **Actor tone model.** The default `tone_engine="model"` was fitted on NewsMTSC (US political
#   news, 2010s, crowd-coded tone toward people); its held-out accuracy is in the actor captions
#   and is lower on other domains such as foreign-policy or state-media prose. It reads words,
#   not facts, and names are masked, so an actor's name never moves its own score.
# - **Voice.** The author/quoted split depends on the quotes step; without it, quotation-mark
#   pairing is used and scare quotes then count as quoted words.
# - **English only.** Articles whose language is not English are not scored.

# %%
_ = record_findings(out_dir, NOTEBOOK, sentiment_sections.key_findings(ctx, tone, voice))

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time.", max_rows=None)
