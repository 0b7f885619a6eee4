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
min_cluster_outlets: int = 2  # a statement enters the cross-outlet table if this many outlets quote it
fragment_max_words: int = 2  # quotations with at most this many content words are fragments
top_speakers: int = 8  # speakers shown by name in the share-of-voice figure (others pooled)
n_boot: int = 2000  # bootstrap resamples for the 95% intervals
max_explorer_rows: int = 300  # quotations shown in the explorer (all are saved as a table)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
run_validation: bool = True  # run the quick PolNeAR validation if no saved result exists
actors_codebook: str = ""  # actor registry YAML (speaker names); empty means newsprism/data/codebooks/actors.yml

# %%
import html
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from newsprism.compare.summary import plural, when_comparable
from newsprism.core import paths, validate
from newsprism.core.provenance import corpus_name, provenance_table
from newsprism.corpus import language
from newsprism.pipeline.annotate import annotate
from newsprism.quotes import clusters as quote_clusters
from newsprism.quotes import stats as quote_stats
from newsprism.report import options as notebook_options
from newsprism.report.runner import record_findings, save_table
from newsprism.viz.display import caption, reading, show_table

NOTEBOOK = "30_quotes"
PARAMS = dict(corpus=corpus, out_dir=out_dir, min_cluster_score=min_cluster_score,
              min_cluster_outlets=min_cluster_outlets, fragment_max_words=fragment_max_words,
              top_speakers=top_speakers, n_boot=n_boot, max_explorer_rows=max_explorer_rows,
              run_validation=run_validation,
              actors_codebook=notebook_options.resolve_user_path(actors_codebook),
              cleaning=cleaning)

# %% [markdown]
# ## Parameters check

# %%
if not 0 < float(min_cluster_score) <= 1:
    raise ValueError(f"min_cluster_score must lie in (0, 1], got {min_cluster_score!r}")
for name, value, lowest in [("min_cluster_outlets", min_cluster_outlets, 1),
                            ("fragment_max_words", fragment_max_words, 0),
                            ("top_speakers", top_speakers, 1), ("n_boot", n_boot, 100),
                            ("max_explorer_rows", max_explorer_rows, 1)]:
    if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
        raise ValueError(f"{name} must be an integer >= {lowest}, got {value!r}")
ann = annotate(corpus or None, notebook_options.annotation_options(
    actors_codebook=actors_codebook, cleaning=cleaning), progress=False)
articles = ann.tables["articles"]
sentences = ann.tables.get("sentences", pd.DataFrame())
quotes = ann.tables.get("quotes", pd.DataFrame())
if articles.empty:
    raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
if "quotes" in ann.skipped_steps or quotes.empty or "kind" not in quotes.columns:
    print("No quotations table: the quotes step was skipped or found nothing "
          f"({ann.skipped_steps.get('quotes', 'no quotation marks found')}). "
          "The sections below will be empty.")
    quotes = pd.DataFrame(columns=["quote_id", "article_id", "start", "end", "text", "kind",
                                   "form", "speaker", "speaker_start", "speaker_end", "cue",
                                   "confidence"])
SOURCE = corpus_name(corpus)
english = language.english_articles(articles)
speech = quotes[quotes["kind"] == "speech"]
print(f"{len(quotes)} quotations ({len(speech)} speech, {len(quotes) - len(speech)} term) in "
      f"{quotes['article_id'].nunique()} of {len(articles)} articles from "
      f"{articles['outlet'].nunique()} outlets ({SOURCE}).")

# %% [markdown]
# ## Quotations per outlet
#
# Three measures of how much an outlet lets others speak: speech quotations per article, per
# 1,000 words, and the share of the article's characters that lie inside speech quotation
# marks. The interval is a percentile bootstrap over the outlet's articles; with one article
# it collapses to the value itself (no information on spread). *Pooled* is the outlet's total
# divided by its total words or characters.

# %%
rates = quote_stats.outlet_quote_rates(quotes, english, n_boot=n_boot)
save_table(rates, "quotes_outlet_rates", out_dir)
wide = rates.pivot_table(index="outlet", columns="measure", values="estimate")
shown_rates = rates[rates["measure"] != "terms_per_1000_words"].drop(columns="description")
display(show_table(shown_rates, "Speech quotations per outlet: mean over articles (estimate) "
                   "with bootstrap 95% CI, total and pooled rate.", max_rows=None,
                   n=len(english), unit="English articles",
                   source=f"{SOURCE}, newsprism.quotes.extract + newsprism.quotes.stats"))

# %%
per_1000 = rates[rates["measure"] == "quotes_per_1000_words"].reset_index(drop=True)
share = rates[rates["measure"] == "quoted_share"].reset_index(drop=True)
fig, axes = plt.subplots(1, 2, figsize=(11, 0.5 * max(len(per_1000), 1) + 1.6), sharey=True)
for ax, table, label in [(axes[0], per_1000, "speech quotations per 1,000 words"),
                         (axes[1], share, "share of characters inside speech quotes")]:
    y = np.arange(len(table))
    low = (table["estimate"] - table["ci_low"]).clip(lower=0)
    high = (table["ci_high"] - table["estimate"]).clip(lower=0)
    ax.barh(y, table["estimate"], xerr=[low, high], color="#4c72b0", capsize=3)
    ax.set_yticks(y, table["outlet"])
    ax.set_xlabel(label)
axes[0].invert_yaxis()
fig.suptitle("How much each outlet quotes")
fig.tight_layout()
plt.show()
display(caption("Speech quotations per 1,000 words (left) and share of article characters "
                "inside speech quotation marks (right); bars are means over each outlet's "
                "articles, whiskers bootstrap 95% CIs.", n=len(english),
                unit="English articles", source=f"{SOURCE}, newsprism.quotes.stats"))
if len(per_1000) and per_1000["estimate"].notna().any():
    most = per_1000.loc[per_1000["estimate"].idxmax()]
    least = per_1000.loc[per_1000["estimate"].idxmin()]
    most_share = share.loc[share["estimate"].idxmax()]
    display(reading(when_comparable(
        per_1000["outlet"],
        f"**{most['outlet']}** quotes most densely ({most['estimate']:.1f} speech quotations "
        f"per 1,000 words, n = {plural(most['n'], 'article')}); **{least['outlet']}** least "
        f"({least['estimate']:.1f}).", "quotation density") + " The largest share of text inside quotation marks is "
        f"{most_share['estimate']:.1%} (**{most_share['outlet']}**). Many short partial "
        "quotes raise the count but not the share; one long block quote does the opposite."))
else:
    display(reading("No speech quotation was found, so no rate can be read."))

# %% [markdown]
# ## Share of voice by speaker
#
# Whose words each outlet carries: the speaker's share of the outlet's speech quotations
# (Wilson 95% CI, quotations treated as independent) and of the quoted words. Quotations the
# attribution could not tie to a speaker are counted as "(unattributed)" rather than guessed.

# %%
voice = quote_stats.share_of_voice(quotes, english)
save_table(voice, "quotes_share_of_voice", out_dir)
display(show_table(voice, "Share of voice: speech quotations and quoted words per outlet and "
                   "speaker.", max_rows=80, n=int(voice["n_quotes"].sum()) if len(voice) else 0,
                   unit="speech quotations", source=f"{SOURCE}, newsprism.quotes.stats"))

# %%
if len(voice):
    ranking = voice.groupby("speaker")["n_quotes"].sum().sort_values(ascending=False)
    named = [s for s in ranking.index if s != quote_stats.UNATTRIBUTED][:top_speakers]
    grouped = voice.assign(speaker=voice["speaker"].where(
        voice["speaker"].isin(named + [quote_stats.UNATTRIBUTED]), "other speakers"))
    matrix = grouped.pivot_table(index="outlet", columns="speaker", values="share",
                                 aggfunc="sum", fill_value=0.0)
    order = [c for c in named + ["other speakers", quote_stats.UNATTRIBUTED]
             if c in matrix.columns]
    matrix = matrix[order]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(matrix) + 1.8))
    left = np.zeros(len(matrix))
    colors = plt.get_cmap("tab10").colors
    for k, speaker_name in enumerate(matrix.columns):
        color = "#bbbbbb" if speaker_name == quote_stats.UNATTRIBUTED else colors[k % 10]
        ax.barh(matrix.index, matrix[speaker_name], left=left, label=speaker_name, color=color)
        left += matrix[speaker_name].to_numpy()
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's speech quotations")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, fontsize=8)
    ax.set_title("Share of voice by speaker")
    fig.tight_layout()
    plt.show()
    display(caption("Share of each outlet's speech quotations by speaker (grey: unattributed).",
                    n=int(voice["n_quotes"].sum()), unit="speech quotations",
                    source=f"{SOURCE}, newsprism.quotes.extract attribution"))
    top_voice = voice[voice["speaker"] != quote_stats.UNATTRIBUTED].sort_values(
        "n_quotes", ascending=False)
    unattributed = voice[voice["speaker"] == quote_stats.UNATTRIBUTED]["n_quotes"].sum()
    display(reading(
        (f"The most quoted speaker is **{top_voice.iloc[0]['speaker']}** "
         f"({int(top_voice.groupby('speaker')['n_quotes'].sum().max())} quotations across "
         f"outlets). " if len(top_voice) else "No quotation could be attributed. ")
        + f"{int(unattributed)} of {int(voice['n_quotes'].sum())} speech quotations have no "
        "speaker; check them in the explorer before reading a share as an outlet's choice."))
else:
    display(reading("No speech quotation, so no share of voice."))

# %% [markdown]
# ## Anonymous sources
#
# The share of each outlet's speech quotations whose speaker is an unnamed source ("a senior
# official", "sources close to ..."), a measure of its own: share of voice pools these
# quotations as "(anonymous source)" instead of counting each description as a speaker. The
# speaker type is read from the words of the speaker's mention (newsprism.quotes.speakers); the
# quote explorer below shows each quotation's mention, type and the rule that attributed it.

# %%
anonymous = quote_stats.anonymous_share(quotes, english)
save_table(anonymous, "quotes_anonymous_share", out_dir)
display(show_table(anonymous, "Anonymous sources: share of each outlet's speech quotations "
                   "(Wilson 95% CI).", n=int(anonymous["n"].sum()) if len(anonymous) else 0,
                   unit="speech quotations", source=f"{SOURCE}, newsprism.quotes.speakers"))

# %% [markdown]
# ## Scare quotes
#
# Quotation marks around words nobody is quoted as saying — scare quotes, idioms, titles —
# mark distance or irony ("crown jewels", "Special Military Operation"). Rate per 1,000 words
# with a bootstrap 95% CI, then the terms themselves.

# %%
term_rates = rates[rates["measure"] == "terms_per_1000_words"].drop(columns="description")
terms = quote_stats.scare_quotes(quotes, english)
save_table(terms, "quotes_scare_quotes", out_dir)
display(show_table(term_rates, "Scare/term quotes per 1,000 words per outlet (mean over "
                   "articles, bootstrap 95% CI).", max_rows=None, n=len(english),
                   unit="English articles", source=f"{SOURCE}, newsprism.quotes.stats"))
display(show_table(terms, "Every scare/term quote, per outlet and wording.", max_rows=60,
                   n=int(terms["n"].sum()) if len(terms) else 0, unit="term quotes",
                   source=f"{SOURCE}, newsprism.quotes.extract"))
if len(term_rates) and term_rates["estimate"].max() > 0:
    top_terms = term_rates.loc[term_rates["estimate"].idxmax()]
    display(reading(
        f"**{top_terms['outlet']}** uses scare quotes most ({top_terms['estimate']:.1f} per "
        f"1,000 words, {int(top_terms['total'])} in total). Scare quotes let a writer use a "
        "word while disowning it; a high rate signals an editorial voice, not more sourcing."))
else:
    display(reading("No scare quotes were found."))

# %% [markdown]
# ## Cue verbs: "said" versus "claimed"
#
# The verb that introduces a quotation frames it: *said* and *told* are neutral, *claimed* or
# *insisted* cast doubt, *stressed*, *pledged* or *warned* amplify. Cues are reduced to a
# lemma ("stated" -> "state"); a colon introduction counts as "(colon)".

# %%
cues = quote_stats.cue_verbs(quotes, english)
save_table(cues, "quotes_cue_verbs", out_dir)
display(show_table(cues, "Cue verbs per outlet: speech quotations with a cue, share of the "
                   "outlet's cued quotations (Wilson 95% CI) and class.", max_rows=80,
                   n=int(cues["n"].sum()) if len(cues) else 0, unit="cued speech quotations",
                   source=f"{SOURCE}, newsprism.quotes.extract cues, newsprism.quotes.stats.cue_lemma"))
if len(cues):
    classes = cues.pivot_table(index="outlet", columns="cue_class", values="n", aggfunc="sum",
                               fill_value=0)
    display(show_table(classes.reset_index(), "Cued quotations per outlet by verb class.",
                       max_rows=None, n=int(cues["n"].sum()), unit="cued speech quotations",
                       source=f"{SOURCE}, newsprism.quotes.stats.CUE_CLASSES"))
    top_cue = cues.groupby("cue_lemma")["n"].sum().sort_values(ascending=False)
    doubting = int(cues[cues["cue_class"] == "doubting"]["n"].sum())
    display(reading(
        f"The most frequent cue is **{top_cue.index[0]}** ({int(top_cue.iloc[0])} of "
        f"{int(cues['n'].sum())} cued quotations); {doubting} quotation(s) are introduced by a "
        "verb that casts doubt. With few quotations per outlet, a difference of one or two "
        "verbs is not a pattern."))
else:
    display(reading("No speech quotation carries a cue."))

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
clustered = quote_clusters.cluster_quotes(quotes, english, min_score=min_cluster_score,
                                          fragment_max_words=fragment_max_words)
summary = quote_clusters.cluster_summary(clustered)
cross = quote_clusters.cluster_table(clustered, english, min_outlets=min_cluster_outlets)
save_table(clustered.drop(columns=["text"]), "quotes_clusters", out_dir)
save_table(cross.drop(columns=["diff_html"]), "quotes_cross_outlet", out_dir)
# Counted from the cross-outlet table, so only statements (speech), never a scare-quoted term
# ("blood"), and the number matches the table below.
n_multi = quote_clusters.n_statements(cross)
display(show_table(summary.head(15), "Largest quotation clusters (statements) and the longest "
                   "wording of each.", max_rows=200, n=len(summary), unit="clusters",
                   source=f"{SOURCE}, newsprism.quotes.clusters.cluster_quotes"))

# %%
if len(cross):
    shown = cross.assign(
        wording=[html.escape(w) if isinstance(w, str) else "<em>did not quote it</em>"
                 for w in cross["wording"]],
        diff=[d if isinstance(d, str) else "" for d in cross["diff_html"]],
        used=[f"{c:.0%}" if pd.notna(c) else "" for c in cross["coverage"]])
    display(show_table(shown[["cluster_id", "outlet", "quoted", "n_quotes", "speaker", "used",
                              "wording", "diff"]],
                       "Each outlet's wording of the statements quoted by several outlets; "
                       "'used' is the share of the longest version's words it kept; the diff "
                       "runs from the longest version to the outlet's wording.",
                       max_rows=200, html_columns=["wording", "diff"], n=len(cross),
                       unit="cluster x outlet rows",
                       source=f"{SOURCE}, newsprism.quotes.clusters.cluster_table"))
    first = cross[cross["quoted"]].iloc[0]
    quoted_by = cross[(cross["cluster_id"] == first["cluster_id"]) & cross["quoted"]]
    missing = cross[(cross["cluster_id"] == first["cluster_id"]) & ~cross["quoted"]]
    display(reading(
        f"{plural(n_multi, 'statement')} quoted by {min_cluster_outlets} or more outlets. The "
        f"first, \u201c{textwrap.shorten(first['reference'], 100, placeholder=' …')}\u201d, "
        "is quoted by "
        f"{', '.join(quoted_by['outlet'])}; {', '.join(missing['outlet']) or 'no outlet'} "
        f"did not quote it. The most distant version shares {quoted_by['coverage'].min():.0%} "
        "of the longest version's words (in order). Different wordings of one statement point "
        "to different translations or paraphrases presented as quotation; which one is "
        "faithful can only be settled against the original statement."))
else:
    display(reading(f"No statement is quoted by {min_cluster_outlets} or more outlets at a "
                    f"similarity of {min_cluster_score} or above."))

# %% [markdown]
# ## Quote explorer
#
# Every quotation with its sentence: the quoted words in yellow, the speaker mention the
# attribution rests on in blue. Use it to check any figure above.

# %%
explorer = quote_stats.quote_explorer(quotes, english, sentences)
explorer = explorer.merge(clustered[["article_id", "quote_id", "cluster_id"]],
                          on=["article_id", "quote_id"], how="left")
save_table(explorer.drop(columns=["sentence_html"]), "quotes_explorer", out_dir)
columns = [c for c in ["outlet", "kind", "form", "speaker", "cue", "confidence", "cluster_id",
                       "sentence_html"] if c in explorer.columns]
display(show_table(explorer[columns], "Every quotation highlighted in its sentence.",
                   max_rows=max_explorer_rows, html_columns=["sentence_html"],
                   n=len(explorer), unit="quotations", source=f"{SOURCE}, newsprism.quotes.extract"))

# %% [markdown]
# ## Validation appendix
#
# Quotation finding and attribution are checked against PolNeAR (gold quotations and
# sources from seven US outlets): precision and recall of quotations (≥ 80% character
# overlap) and speaker accuracy on the dev split.

# %%
saved = validate.load_results()
results = saved[saved["measure"] == "quotes"] if len(saved) else saved
origin = "saved results of `make validate`"
if results.empty and run_validation and paths.POLNEAR.exists():
    results = validate.run_validator("quotes", quick=True)
    origin = "a quick run in this notebook (subsample)"
if results.empty:
    display(reading("No validation result is available: `make validate` has not been run "
                    "and PolNeAR is not present (or the run was switched off), so the accuracy "
                    "of quotation finding on this corpus is **not established** here."))
else:
    display(show_table(results.drop(columns=["measure"]), "Quotation finding and attribution "
                       "against gold quotations.", max_rows=None, n=len(results),
                       unit="metrics", source=f"PolNeAR via newsprism.core.validate ({origin})",
                       float_format="{:.4g}"))
    engine = str(results["engine"].dropna().iloc[0]) if results["engine"].notna().any() else ""
    main = results[results["engine"].fillna("") == engine].drop_duplicates("metric")
    main = main.set_index("metric")["value"]
    found = [f"{name.replace('_', ' ')} {float(main[name]):.4f}"
             for name in ["precision", "recall", "speaker_accuracy"] if name in main.index]
    display(reading(
        (f"{engine} on PolNeAR: " + ", ".join(found) if found else "No headline metric found")
        + " (targets: precision and recall 0.95, speaker accuracy 0.88). The gold data is US "
        "election news; accuracy on translated or blog text, as in this corpus, may be lower."))

# %% [markdown]
# ## Limitations
#
# - Quotation marks are the evidence: reported speech without marks ("Kim said the alliance
#   was eternal") is not counted, and a phrase quoted without any attribution may be a scare
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
record_findings(out_dir, NOTEBOOK, [
    f"{len(speech)} speech and {len(quotes) - len(speech)} term quotations in "
    f"{len(english)} English articles.",
    (f"Densest quoting: {per_1000.loc[per_1000['estimate'].idxmax(), 'outlet']} "
     f"({per_1000['estimate'].max():.1f} speech quotations per 1,000 words)."
     if len(per_1000) and per_1000["estimate"].notna().any() else "No speech quotations."),
    f"{plural(n_multi, 'statement')} quoted by {min_cluster_outlets}+ outlets.",
])

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
