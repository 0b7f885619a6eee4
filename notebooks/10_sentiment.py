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
# the people it quotes? And how does each outlet write about each actor — Kim Jong Un,
# Vladimir Putin, North Korea, Russia, Ukraine, the United States…?
#
# **How to read.** Scores come from a *lexicon* engine (named in every caption): each sentence
# gets a score from −1 (negative) to +1 (positive), computed from word lists, not from an
# understanding of the story. Means come with n and a bootstrap 95% interval. Where an outlet
# has only one article, the interval only describes that article's sentences — the notebook
# says so next to the number. Tone toward an actor comes from a *fitted model* (default
# `tone_engine="model"`, logistic regression trained on NewsMTSC, the actor's name masked), so
# "Putin praised the treaty, but Kim called the sanctions a disaster" can be positive for Putin
# and negative for Kim; its accuracy on held-out NewsMTSC dev sentences is in the caption, next
# to its baselines. Every number can be traced back to highlighted sentences below.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
engine: str = "vader"  # sentiment engine: "vader", "textblob" or "nltk_vader"
tone_engine: str = "model"  # actor tone: "model" (fitted, default) or a lexicon engine, masked
compare_engines: list = ["vader", "textblob", "nltk_vader"]  # engines in the agreement section
n_boot: int = 2000  # bootstrap resamples per interval
seed: int = 0  # bootstrap seed (fixed so reruns give identical intervals)
min_mentions: int = 3  # actors mentioned fewer times (whole corpus) are left out of the heatmap
top_k: int = 5  # most positive / most negative sentences shown
arc_window: int = 5  # sentences in the rolling mean of the tone arc
arc_articles: int = 12  # articles in the tone-arc figure (seeded sample spread over outlets)
dots_per_outlet: int = 1500  # at most this many sentence dots per outlet (seeded sample)
actors_codebook: str = ""  # actor registry YAML; empty means newsprism/data/codebooks/actors.yml
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
agreement_sentences: int = 5000  # engines missing from the annotations: score a sample this big

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from newsprism.compare.summary import extremes_text, plural, when_comparable
from newsprism.core import stats
from newsprism.core.provenance import corpus_name, provenance_table
from newsprism.core.validate import load_results
from newsprism.corpus import language
from newsprism.pipeline.annotate import annotate
from newsprism.report import options as notebook_options
from newsprism.report.runner import record_findings, save_table
from newsprism.sentiment import scoring as sentiment
from newsprism.sentiment import tone_validation
from newsprism.viz import heatmap
from newsprism.viz.display import caption, reading, sample_groups, show_table

NOTEBOOK = "10_sentiment"
PARAMS = dict(corpus=corpus, out_dir=out_dir, engine=engine, tone_engine=tone_engine,
              compare_engines=compare_engines,
              n_boot=n_boot, seed=seed, min_mentions=min_mentions, top_k=top_k,
              arc_window=arc_window, arc_articles=arc_articles,
              dots_per_outlet=dots_per_outlet, agreement_sentences=agreement_sentences,
              actors_codebook=notebook_options.resolve_user_path(actors_codebook),
              cleaning=cleaning)

# %% [markdown]
# ## Parameters check

# %%
sentiment.check_engine(engine)
sentiment.check_tone_engine(tone_engine)
for name in compare_engines:
    sentiment.check_engine(name)
if not isinstance(n_boot, int) or n_boot < 100:
    raise ValueError(f"n_boot must be an integer >= 100, got {n_boot!r}")
if not isinstance(min_mentions, int) or min_mentions < 1:
    raise ValueError(f"min_mentions must be a positive integer, got {min_mentions!r}")
if not isinstance(top_k, int) or top_k < 1 or not isinstance(arc_window, int) or arc_window < 1:
    raise ValueError("top_k and arc_window must be positive integers")
if not isinstance(arc_articles, int) or arc_articles < 1:
    raise ValueError(f"arc_articles must be a positive integer, got {arc_articles!r}")
for name, value in (("dots_per_outlet", dots_per_outlet),
                    ("agreement_sentences", agreement_sentences)):
    if not isinstance(value, int) or value < 100:
        raise ValueError(f"{name} must be an integer >= 100, got {value!r}")

ENGINE = sentiment.ENGINE_LABEL[engine]
ann = annotate(corpus or None, options=notebook_options.annotation_options(
    engine=engine, actors_codebook=actors_codebook, cleaning=cleaning), progress=False)
articles = ann.articles
SOURCE = f"{corpus_name(corpus)}, newsprism annotate()"
n_english = len(language.english_articles(articles))
if n_english == 0:
    raise ValueError("sentiment scoring is English-only and this corpus has no article with "
                     "language 'en'")
print(f"{plural(len(articles), 'article')} ({n_english} in English, scored) from "
      f"{plural(articles['outlet'].nunique(), 'outlet')}; engine: {ENGINE}")
if ann.skipped_steps:
    print("skipped annotation steps:", ann.skipped_steps)

# %% [markdown]
# ## 1. Tone per outlet
#
# Each dot is one sentence; the bar marks the outlet's mean with its 95% interval. Sentences
# are the unit because article- or paragraph-long texts saturate VADER's compound score; higher
# levels (paragraph, article, outlet) average their sentences. On a large corpus the dots are
# a seeded sample of at most `dots_per_outlet` sentences per outlet (the caption says how many);
# means and intervals always use every sentence.

# %%
by_outlet = sentiment.outlet_scores(ann, engine, "all", n_boot=n_boot, seed=seed)
save_table(by_outlet, f"sentiment_outlets_{engine}", out_dir)
sentences_all = sentiment.sentence_scores(ann, engine, "all")
dots = stats.sample_rows(sentences_all, dots_per_outlet, by="outlet", seed=seed)
outlets = by_outlet["outlet"].tolist()
fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.5))
rng = np.random.default_rng(seed)
for i, outlet in enumerate(outlets):
    values = dots.loc[dots["outlet"] == outlet, "score"]
    ax.scatter(values, i + rng.uniform(-0.18, 0.18, len(values)), s=9, alpha=0.35,
               color="#4c72b0")
ax.errorbar(by_outlet["estimate"], range(len(outlets)),
            xerr=[by_outlet["estimate"] - by_outlet["ci_low"],
                  by_outlet["ci_high"] - by_outlet["estimate"]],
            fmt="D", color="black", capsize=4, label="mean, 95% bootstrap CI")
ax.set_yticks(range(len(outlets)),
              [f"{o} (n={n})" for o, n in zip(outlets, by_outlet["n_sentences"], strict=True)])
ax.axvline(0, color="grey", lw=0.8)
ax.invert_yaxis()
ax.set_xlabel(f"sentence score ({ENGINE})")
ax.legend(loc="lower right", fontsize=8)
ax.set_title("Sentence tone per outlet")
fig.tight_layout()
plt.show()
display(caption(f"Sentence scores per outlet with the outlet mean and its bootstrap 95% "
                f"interval ({n_boot} resamples, seed {seed}). Engine: {ENGINE}."
                + ("" if len(dots) == len(sentences_all) else
                   f" Dots: a seeded random sample of at most {dots_per_outlet} sentences per "
                   f"outlet ({len(dots)} of {len(sentences_all)} drawn); the means and "
                   "intervals use every sentence."),
                n=len(sentences_all), unit="sentences", source=SOURCE))

# %%
display(show_table(by_outlet, f"Outlet tone: mean sentence score, n and bootstrap 95% interval. "
                   "'resampled' says what the bootstrap resampled: articles when an outlet has "
                   "two or more, otherwise sentences of its single article (see 'note'). "
                   f"Engine: {ENGINE}.", n=int(by_outlet["n_sentences"].sum()),
                   unit="sentences", source=SOURCE))
single = by_outlet[by_outlet["n_articles"] == 1]["outlet"].tolist()
most_neg = by_outlet.loc[by_outlet["estimate"].idxmin()]
most_pos = by_outlet.loc[by_outlet["estimate"].idxmax()]
display(reading(
    when_comparable(
        by_outlet["outlet"],
        f"**{most_neg['outlet']}** has the lowest mean sentence tone "
        f"({most_neg['estimate']:+.2f}, 95% CI {most_neg['ci_low']:+.2f} to "
        f"{most_neg['ci_high']:+.2f}, n = {most_neg['n_sentences']}), **{most_pos['outlet']}** "
        f"the highest ({most_pos['estimate']:+.2f}, {most_pos['ci_low']:+.2f} to "
        f"{most_pos['ci_high']:+.2f}).", "mean sentence tone") + " "
    + (f"{len(single)} of {len(outlets)} outlets have a single article here, so their intervals "
       "describe one article, not the outlet's coverage in general."
       if single else "Intervals resample whole articles.")))

# %% [markdown]
# ### Levels: paragraph and article
#
# The same sentence scores averaged per paragraph and per article.

# %%
by_article = sentiment.article_scores(ann, engine, "all", n_boot=n_boot, seed=seed)
by_paragraph = sentiment.paragraph_scores(ann, engine)
save_table(by_article, f"sentiment_articles_{engine}", out_dir)
save_table(by_paragraph, f"sentiment_paragraphs_{engine}", out_dir)
display(show_table(by_article, f"Article tone: mean sentence score with bootstrap 95% interval "
                   f"over the article's sentences. Engine: {ENGINE}.", n=len(by_article),
                   unit="articles", source=SOURCE))
paragraph_summary = (by_paragraph.groupby("outlet", as_index=False)
                     .agg(paragraphs=("paragraph_id", "size"), mean=("score", "mean"),
                          sd=("score", "std"), most_negative=("score", "min"),
                          most_positive=("score", "max")))
display(show_table(paragraph_summary, f"Paragraph tone per outlet (paragraph = mean of its "
                   f"sentences). Engine: {ENGINE}.", n=len(by_paragraph), unit="paragraphs",
                   source=SOURCE))

# %% [markdown]
# ## 2. The outlet's own voice versus the voices it quotes
#
# Every sentence is split into the outlet's own words and the words inside quotation marks
# (quote spans from the quotes step, `kind = speech`; scare quotes stay in the author's voice).
# Both parts are scored separately. `gap` = quoted minus author.

# %%
voices = sentiment.voice_comparison(ann, engine, n_boot=n_boot, seed=seed)
save_table(voices, f"sentiment_voice_{engine}", out_dir)
fig, ax = plt.subplots(figsize=(8, 0.6 * len(voices) + 1.5))
y = np.arange(len(voices))
ax.errorbar(voices["author"], y - 0.12, xerr=[voices["author"] - voices["author_low"],
                                              voices["author_high"] - voices["author"]],
            fmt="o", capsize=3, color="#4c72b0", label="outlet's own words")
ax.errorbar(voices["quoted"], y + 0.12, xerr=[voices["quoted"] - voices["quoted_low"],
                                              voices["quoted_high"] - voices["quoted"]],
            fmt="s", capsize=3, color="#dd8452", label="quoted words")
ax.set_yticks(y, [f"{o} (n={a}/{q})" for o, a, q in
                  zip(voices["outlet"], voices["n_author"], voices["n_quoted"], strict=True)])
ax.axvline(0, color="grey", lw=0.8)
ax.invert_yaxis()
ax.set_xlabel(f"mean score ({ENGINE})")
ax.legend(fontsize=8)
ax.set_title("Own voice versus quoted voice")
fig.tight_layout()
plt.show()
source_of_spans = ", ".join(sorted(ann.sentiment["voice_source"].dropna().unique()))
display(caption(f"Mean score of the author part and the quoted part of sentences, with "
                f"bootstrap 95% intervals; labels give n author parts / n quoted parts. Quote "
                f"spans from: {source_of_spans}. Engine: {ENGINE}.",
                n=int(voices["n_author"].sum() + voices["n_quoted"].sum()),
                unit="sentence parts", source=SOURCE))
display(show_table(voices, f"Author versus quoted voice per outlet. Engine: {ENGINE}.",
                   n=int(voices["n_author"].sum() + voices["n_quoted"].sum()),
                   unit="sentence parts", source=SOURCE))
clear_gaps = voices[(voices["gap_low"] > 0) | (voices["gap_high"] < 0)]
display(reading(
    f"Quoted words are scored on {int(voices['n_quoted'].sum())} sentence parts. "
    + (f"The quoted voice differs clearly from the outlet's own voice (interval of the gap "
       f"excludes 0) in: {', '.join(clear_gaps['outlet'])}. "
       if len(clear_gaps) else "No outlet shows a gap whose interval excludes 0. ")
    + "Quoted diplomatic language (\"alliance\", \"support\", \"friendship\") is lexically "
      "positive even when the outlet frames it as menacing — the gap is the point of the split."))

# %% [markdown]
# ## 3. Tone toward actors
#
# Actors and their aliases come from `newsprism/data/codebooks/actors.yml` (people, states, media;
# capitals such as "Moscow" and "the Kremlin" count as their state). Each mention gets
# `sentiment.tone_toward` of its sentence: with the default model, score = P(positive) −
# P(negative); with a lexicon engine, the score of its clause. The mention itself is masked, so
# "United" in "the United States" adds nothing. Mentions with no evaluative word at all are
# counted (`no_evidence`) rather than read as neutral.

# %%
tone = sentiment.actor_tone(ann, tone_engine)
actor_table = sentiment.outlet_actor_tone(tone, n_boot=n_boot, seed=seed)
TONE_ENGINE = sentiment.TONE_ENGINE_LABEL[tone_engine]
TONE_VALIDITY = tone_validation.caption_note(tone_engine)
save_table(tone.drop(columns=["clause"]), f"sentiment_actor_mentions_{tone_engine}", out_dir)
save_table(actor_table, f"sentiment_outlet_actor_{tone_engine}", out_dir)
totals = tone.groupby("actor").size().sort_values(ascending=False)
shown_actors = totals[totals >= min_mentions].index.tolist()
if not shown_actors:
    display(reading(f"No actor of the registry is mentioned {min_mentions} or more times in "
                    f"this corpus ({len(tone)} mentions in all). Add the story's actors to "
                    "newsprism/data/codebooks/actors.yml (or lower min_mentions) to see this section."))
else:
    heat = actor_table[actor_table["actor"].isin(shown_actors)]
    values = heat.pivot(index="actor", columns="outlet", values="estimate").reindex(shown_actors)
    counts = heat.pivot(index="actor", columns="outlet", values="n").reindex(shown_actors)
    heatmap.plot_heatmap(values, cmap="RdBu", vmin=-1, vmax=1, value_format="{:+.2f}",
                         detail=heatmap.count_labels(counts), title="Tone toward each actor, "
                         "per outlet", colorbar_label=f"mean tone score ({tone_engine})")
    plt.show()
    display(caption(f"Mean tone toward each actor, per outlet; each cell gives the mean and n "
                    f"mentions (blank: not mentioned). Actors with at least {min_mentions} "
                    f"mentions; {int(tone['no_evidence'].sum())} of {len(tone)} mentions had no "
                    f"evaluative word. Engine: {TONE_ENGINE}. {TONE_VALIDITY}", n=len(tone),
                    unit="mentions",
                    source=f"{SOURCE}; actor registry newsprism/data/codebooks/actors.yml"))

# %%
if shown_actors:
    display(show_table(actor_table[actor_table["actor"].isin(shown_actors)],
                       f"Outlet × actor: n mentions, n articles, mean tone score and bootstrap "
                       f"95% interval over mentions (mentions in one article are not "
                       f"independent; read n_articles). Engine: {TONE_ENGINE}. {TONE_VALIDITY}",
                       n=len(tone),
                       unit="mentions", source=SOURCE, max_rows=120))
    evidence = sentiment.actor_evidence(tone[tone["actor"].isin(shown_actors)])
    display(show_table(evidence, f"Evidence: the most positive and most negative clause for "
                       f"each actor, mention marked. Engine: {TONE_ENGINE}. {TONE_VALIDITY}",
                       n=len(evidence),
                       unit="clauses", source=SOURCE, html_columns=["evidence"], max_rows=80))
    overall = tone.groupby("actor")["score"].agg(["mean", "size"]).loc[shown_actors]
    display(reading(
        f"The most mentioned actors are {', '.join(shown_actors[:4])}. Across outlets the "
        f"mentions of **{overall['mean'].idxmin()}** are the most negative "
        f"({overall['mean'].min():+.2f}, "
        f"n = {int(overall.loc[overall['mean'].idxmin(), 'size'])}) and those around "
        f"**{overall['mean'].idxmax()}** the most positive ({overall['mean'].max():+.2f}). "
        "Check the evidence table before reading a cell: the score reads the words around the "
        "mention, including the quoted words of the actor itself."))

# %% [markdown]
# ## 4. The tone arc through each article
#
# Sentence scores in reading order (0 = first sentence, 1 = last), smoothed with a centred
# rolling mean.

# %%
arc = sentiment.tone_arc(ann, engine, window=arc_window)
arc_shown = sample_groups(arc, "article_id", arc_articles, by="outlet", seed=seed)
arc_ids = arc_shown["article_id"].drop_duplicates().tolist()
N_ARC = arc["article_id"].nunique()
columns = min(3, len(arc_ids))
rows = int(np.ceil(len(arc_ids) / columns))
fig, axes = plt.subplots(rows, columns, figsize=(3.5 * columns, 2.6 * rows), sharey=True,
                         squeeze=False)
for ax, article_id in zip(axes.flat, arc_ids, strict=False):
    part = arc_shown[arc_shown["article_id"] == article_id]
    ax.bar(part["position"], part["score"], width=1 / max(len(part), 1), color=np.where(
        part["score"] >= 0, "#8fbc8f", "#e9967a"))
    ax.plot(part["position"], part["smoothed"], color="black", lw=1.2)
    ax.axhline(0, color="grey", lw=0.6)
    ax.set_title(f"{part['outlet'].iloc[0]}\n{article_id} (n={len(part)})", fontsize=9)
    ax.set_xlabel("position in article")
for ax in list(axes.flat)[len(arc_ids):]:
    ax.axis("off")
axes[0, 0].set_ylabel(f"score ({engine})")
fig.tight_layout()
plt.show()
display(caption(f"Tone arc: each bar is a sentence, the line a rolling mean over {arc_window} "
                f"sentences. Engine: {ENGINE}."
                + ("" if len(arc_ids) == N_ARC else
                   f" Showing {len(arc_ids)} of {N_ARC} articles (a seeded random sample, "
                   "spread over outlets); the halves below average all of them."),
                n=len(arc), unit="sentences", source=SOURCE))
halves = arc.assign(half=np.where(arc["position"] < 0.5, "first half", "second half")).groupby(
    "half")["score"].mean()
display(reading(f"Across articles the first half averages {halves.get('first half', np.nan):+.2f} "
                f"and the second half {halves.get('second half', np.nan):+.2f}; the bars show "
                "where individual articles turn."))

# %% [markdown]
# ## 5. The most positive and most negative sentences
#
# Words that drove the score are highlighted (green positive, red negative; hover for the
# VADER valence after negation and intensifier rules).

# %%
extremes = sentiment.extreme_sentences(ann, engine, k=top_k)
save_table(extremes.drop(columns=["html"]), f"sentiment_extremes_{engine}", out_dir)
display(show_table(extremes.drop(columns=["text"]).rename(columns={"html": "sentence"}),
                   f"The {top_k} most positive and {top_k} most negative sentences (at least 6 "
                   f"words) with outlet. Ranked by {ENGINE}; highlighted words show VADER's "
                   "per-word contributions" + (" (used as a proxy: TextBlob has no per-word "
                                               "trace)" if engine == "textblob" else "") + ".",
                   n=len(extremes), unit="sentences", source=SOURCE,
                   html_columns=["sentence"]))
display(reading("Read the highlighted words: lexicon scores rest on words such as "
                "\"alliance\", \"support\", \"war\" or \"death\", whatever their role in the "
                "sentence."))

# %% [markdown]
# ## 6. Agreement between engines
#
# Whole-sentence scores of the engines compared pairwise: Pearson r (Fisher-z 95% interval)
# and the share of sentences put in the same class (positive / neutral / negative, ±0.05 band)
# with a Wilson 95% interval. An engine that is not in the annotations is scored here; on a
# large corpus that is done on a seeded random sample of `agreement_sentences` sentences, and
# the caption then gives the sample size out of the total.

# %%
wide = sentiment.engine_scores_wide(ann, compare_engines, max_scored=agreement_sentences,
                                   seed=seed)
agreement = sentiment.engine_agreement(wide, compare_engines)
save_table(agreement, "sentiment_engine_agreement", out_dir)
SAMPLE_NOTE = sentiment.agreement_sample_note(wide)
display(show_table(agreement, "Pairwise agreement of sentiment engines on the corpus "
                   f"sentences (engines: {', '.join(compare_engines)})."
                   + (f" {SAMPLE_NOTE}" if SAMPLE_NOTE else ""), n=len(wide),
                   unit="sentences", source=SOURCE))
if {"vader", "textblob"} <= set(wide.columns):
    points = stats.sample_rows(wide, 4 * dots_per_outlet, seed=seed)
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    ax.scatter(points["vader"], points["textblob"], s=10, alpha=0.5)
    ax.axhline(0, color="grey", lw=0.6)
    ax.axvline(0, color="grey", lw=0.6)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("TextBlob polarity")
    ax.set_title("VADER versus TextBlob, per sentence")
    fig.tight_layout()
    plt.show()
    display(caption("Each dot is a sentence scored by both engines."
                    + ("" if len(points) == len(wide) else
                       f" Showing a seeded random sample of {len(points)} of the {len(wide)} "
                       "compared sentences.")
                    + (f" The compared sentences are a seeded random sample of {len(wide)} of "
                       f"{wide.attrs['n_total']} (see the table above)."
                       if wide.attrs.get("sampled") else ""), n=len(wide),
                    unit="sentences", source=SOURCE))
weakest = agreement.loc[agreement["r"].idxmin()] if len(agreement) else None
display(reading(
    (f"The weakest pair is {weakest['engine_a']} / {weakest['engine_b']} "
     f"(r = {weakest['r']:.2f}, 95% CI {weakest['r_low']:.2f}–{weakest['r_high']:.2f}, "
     f"n = {weakest['n']}"
     + (f" sampled of {wide.attrs['n_total']}" if wide.attrs.get("sampled") else "")
     + "). Where engines disagree, a conclusion should not rest on one engine."
     ) if weakest is not None else "Only one engine was compared."))

# %% [markdown]
# ## Validation
#
# `make validate` scores the engines on 5,190 human-rated New York Times editorial sentences
# (Hutto & Gilbert 2014); the published reference for VADER is r = 0.492, F1 = 0.55.

# %%
validation = load_results()
validation = validation[validation["measure"] == "sentiment"] if len(validation) else validation
if len(validation):
    display(show_table(validation.drop(columns=["measure"]), "Sentiment engines against human "
                       "ratings (latest `make validate`).", n=int(validation["n"].max()),
                       unit="sentences", source="vaderSentiment 3.3.2 sdist, "
                       "nytEditorialSnippets_GroundTruth.txt"))
else:
    display(reading("No validation results saved yet: run `make validate`."))

# %% [markdown]
# ## Limitations
#
# - **Lexicon methods on news.** VADER was built for social media and TextBlob for product
#   reviews; news describes violence and diplomacy in words ("war", "alliance", "support")
#   that carry lexicon valence regardless of stance. On human-rated NYT editorial sentences
#   VADER reaches only r ≈ 0.5. Treat scores as the *vocabulary's* tone, not the outlet's
#   stance, and read the highlighted sentences.
# - **Translation effects.** Machine-translated articles (e.g. from Russian) and state-media
#   renderings carry the translator's word choices; an outlet can look "warmer" because its
#   translation uses "heroic" where another says "brave".
# - **One article per outlet.** In the bundled corpus every outlet has one article; intervals
#   then describe that article's sentences, not the outlet.
# - **Clauses and mentions.** Clause splitting is rule-based (", but", ";", dashes, "while",
#   "whereas", "although"); pronouns ("he", "the leader") are not resolved, so many references
#   to an actor are missed. Capitals count as their state ("Moscow" = Russia).
# - **Actor tone model.** The default `tone_engine="model"` was fitted on NewsMTSC (US political
#   news, 2010s, crowd-coded tone toward people); its held-out accuracy is in the actor captions
#   and is lower on other domains such as foreign-policy or state-media prose. It reads words,
#   not facts, and names are masked, so an actor's name never moves its own score.
# - **Voice.** The author/quoted split depends on the quotes step; without it, quotation-mark
#   pairing is used and scare quotes then count as quoted words.
# - **English only.** Articles whose language is not English are not scored.

# %%
_ = record_findings(out_dir, NOTEBOOK, [
    extremes_text(by_outlet, f"mean sentence tone ({engine})").replace("**", ""),
    f"Quoted words vs own words: a gap whose 95% interval excludes 0 in {len(clear_gaps)} of "
    f"{plural(len(voices), 'outlet')}.",
    f"Represented by a single article: {len(single)} of {plural(len(outlets), 'outlet')}.",
])

# %% [markdown]
# ## Provenance

# %%
display(show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package "
                   "versions, git commit and run time.", max_rows=None))
