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
# # Framing
#
# **Question.** How does each outlet package the story — as a war alliance, a blood bond, a
# fight over the world order, a story of sanctions, of nuclear threat, of human cost, of
# propaganda, of legitimacy — and which words does each outlet choose for the same things?
#
# **How to read.** Frames are found with an editable dictionary, the *codebook* (parameter
# `codebook`: `story`, `generic` — the five news frames of Semetko & Valkenburg 2000 — or the
# path to your own YAML file). A frame is *present* in a sentence when one of its cues occurs
# there; negated cues ("not a war alliance") are flagged and left out. Each figure or table is
# followed by a caption (n, unit, source, codebook) and a short reading; the evidence tables
# show, for every outlet × frame cell, the sentences behind the numbers with the cue marked.
# A dictionary measures cue presence, not meaning: read the evidence before the chart.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
codebook: str = "story"  # "story", "generic", or a path to a YAML codebook
include_negated: bool = False  # count negated cues ("no sanctions") as frame hits
voice: str = "all"  # "all", "author" (outside quotations) or "quoted" (inside quotations)
cooccurrence_level: str = "sentence"  # unit for frame co-occurrence: "sentence" or "article"
evidence_per_cell: int = 3  # KWIC snippets shown per outlet x frame cell
n_boot: int = 2000  # bootstrap resamples for the 95% intervals
resample: str = "auto"  # bootstrap unit: "sentence", "article" or "auto" (article when every outlet has 5 or more)
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
run_validation: bool = True  # run the quick frame validation if no saved result exists

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from newsprism.core import validate
from newsprism.core.provenance import corpus_name, provenance_table, sha256_file
from newsprism.corpus import language
from newsprism.framing import detect as framing
from newsprism.framing import presence as framing_presence
from newsprism.framing import shares as framing_shares
from newsprism.framing import stats as framing_stats
from newsprism.framing import validation as framing_validation
from newsprism.pipeline.annotate import annotate
from newsprism.report import options as notebook_options
from newsprism.report.runner import record_findings, save_table
from newsprism.viz import heatmap
from newsprism.viz.display import caption, reading, show_table

NOTEBOOK = "20_framing"
PARAMS = dict(corpus=corpus, out_dir=out_dir, codebook=notebook_options.resolve_user_path(codebook),
              include_negated=include_negated, voice=voice,
              cooccurrence_level=cooccurrence_level, evidence_per_cell=evidence_per_cell,
              n_boot=n_boot, resample=resample, run_validation=run_validation,
              cleaning=cleaning)

# %% [markdown]
# ## Parameters check

# %%
if voice not in ("all", "author", "quoted"):
    raise ValueError(f"voice must be 'all', 'author' or 'quoted', got {voice!r}")
if resample not in ("auto", "sentence", "article"):
    raise ValueError(f"resample must be 'auto', 'sentence' or 'article', got {resample!r}")
if cooccurrence_level not in ("sentence", "article"):
    raise ValueError(f"cooccurrence_level must be 'sentence' or 'article', got "
                     f"{cooccurrence_level!r}")
for name, value, lowest in [("evidence_per_cell", evidence_per_cell, 1), ("n_boot", n_boot, 100)]:
    if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
        raise ValueError(f"{name} must be an integer >= {lowest}, got {value!r}")
book = framing.load_codebook(codebook or "story")  # a malformed file stops here, naming the field
# The same options as every notebook given this codebook (the suite annotates once); a
# codebook file's hash is in them, so an edited codebook never reads a stale cache.
OPTIONS = notebook_options.annotation_options(codebook=codebook, cleaning=cleaning)
CODEBOOK_SHA256 = sha256_file(book.source)
ann = annotate(corpus or None, OPTIONS, progress=False)
articles = ann.tables["articles"]
if articles.empty:
    raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
english = language.english_articles(articles)
sentences = ann.tables["sentences"]
sentences = sentences[sentences["article_id"].isin(english["article_id"])]
frames = ann.tables.get("frames", pd.DataFrame(columns=framing.FRAME_COLUMNS))
if frames.empty:
    frames = pd.DataFrame(columns=framing.FRAME_COLUMNS)
VOICE = None if voice == "all" else voice
SOURCE = corpus_name(corpus)
CODEBOOK = (f"codebook '{book.name}' ({book.source_label}). "
            + framing_shares.codebook_validity(book))
FRAME_IDS = book.frame_ids
LABELS = {f.id: f.label for f in book.frames}
LABELS_GENERIC = framing_shares.frame_labels("generic_questions")
kept = frames if include_negated else frames[~frames["negated"].astype(bool)]
kept = kept if VOICE is None else kept[kept["voice"] == VOICE]
print(f"{CODEBOOK}: {len(FRAME_IDS)} frames; {len(kept)} frame hits "
      f"({int(frames['negated'].astype(bool).sum())} negated) in {len(sentences)} sentences of "
      f"{len(english)} English articles from {english['outlet'].nunique()} outlets ({SOURCE}).")

# %% [markdown]
# ## The codebook in use
#
# Frame ids, labels, descriptions and every cue (`*` = any word ending; phrases match across
# line breaks). Edit the YAML file and rerun to change the measure.

# %%
codebook_table = book.frames_table()
save_table(codebook_table, "framing_codebook", out_dir)
display(show_table(codebook_table, f"Frames of {CODEBOOK}: {book.title}. Reference: "
                   f"{book.reference}", max_rows=None, n=len(codebook_table), unit="frames",
                   source=book.source_label))

# %% [markdown]
# ## Frame prevalence per outlet
#
# Share of the outlet's sentences that carry the frame and hits per 1,000 words, each with a
# percentile bootstrap 95% interval. Sentences of one article are not independent: when every
# outlet has at least 5 articles, whole articles are resampled (cluster bootstrap, parameter
# `resample`); with fewer, sentences are, and the interval shows variation within those
# articles, not the outlet's coverage in general.

# %%
prevalence = framing_stats.frame_prevalence(
    sentences, kept, english, frame_ids=FRAME_IDS, include_negated=True, n_boot=n_boot,
    resample=resample)
RESAMPLED = prevalence["resample"].iloc[0] if len(prevalence) else resample
save_table(prevalence, "framing_prevalence", out_dir)
share = prevalence.pivot(index="outlet", columns="frame", values="share")[FRAME_IDS]
low = prevalence.pivot(index="outlet", columns="frame", values="share_low")[FRAME_IDS]
high = prevalence.pivot(index="outlet", columns="frame", values="share_high")[FRAME_IDS]
heatmap.plot_heatmap(share, cmap="Blues", vmin=0, value_format="{:.0%}",
                     detail=heatmap.interval_labels(low, high), x_labels=LABELS,
                     title=f"Frames per outlet ({book.name} codebook)",
                     colorbar_label="share of sentences with the frame")
plt.show()
display(caption("Share of sentences carrying each frame per outlet, with bootstrap 95% "
                "interval in brackets; negated cues "
                f"{'included' if include_negated else 'excluded'}; "
                f"voice: {voice}; bootstrap resampling {RESAMPLED}s. Unit: sentence. "
                f"{CODEBOOK}.", n=len(sentences),
                unit="sentences", source=f"{SOURCE}, newsprism.framing.detect"))

# %%
display(show_table(prevalence.drop(columns=["n_articles", "n_words"]),
                   "Prevalence per outlet × frame: sentences with the frame (share, 95% CI) "
                   f"and hits per 1,000 words (95% CI). {CODEBOOK}.", max_rows=None,
                   n=len(sentences), unit="sentences",
                   source=f"{SOURCE}, newsprism.framing.stats"))
top = prevalence.sort_values("share", ascending=False).head(1)
if len(top) and top["share"].iloc[0] > 0:
    t = top.iloc[0]
    display(reading(
        f"The most prevalent outlet × frame cell is **{LABELS[t['frame']]}** in "
        f"**{t['outlet']}**: {t['share']:.0%} of its {int(t['n_sentences'])} sentences "
        f"(95% CI {t['share_low']:.0%}–{t['share_high']:.0%}), {t['per_1000_words']:.1f} "
        f"hits per 1,000 words. Overlapping intervals mean the data cannot rank the outlets; "
        "check the evidence below before reading a cell as the outlet's framing."))
else:
    display(reading("No frame cue was found in this corpus with this codebook."))

# %% [markdown]
# ## Article level: which generic frames does each outlet's article carry?
#
# Beside the sentence-level prevalence above, each article is coded for the five generic frames
# of Semetko & Valkenburg (2000) by `newsprism.framing.frame_presence`: per frame, the hits of
# cues grouped by its coding questions (disagreement, reproach, two sides; losses and gains,
# costs, economic consequences; a human face, emotions; a moral message, religion,
# prescriptions; problem, solution, responsibility, urgency — codebook
# `newsprism/data/codebooks/frames_generic_questions.yml`), their number and position (headline and
# lead) feed a small linear model learnt, through the coders' answers to each question, on 260
# coded climate-change articles of the Narrative Frames Corpus. This section uses that codebook
# whatever the `codebook` parameter says. Share of articles with the frame, Wilson 95%
# interval; each caption gives the frame's cross-validated F1 beside its always-present
# baseline and names the frames that do not beat it.

# %%
presence = framing_presence.frame_presence(list(english["text"]), "generic_questions")
article_shares = framing_shares.article_frame_shares(english, presence=presence)
save_table(article_shares, "framing_article_shares", out_dir)
fig = framing_shares.plot_article_shares(article_shares, LABELS_GENERIC)
plt.show()
display(caption("Share of each outlet's articles in which the frame is present (dot) with its "
                "Wilson 95% interval (bar); frames titled 'below baseline' do not beat the "
                "always-present baseline on gold data. "
                + framing_shares.validity_note(), n=len(english), unit="English articles",
                source=f"{SOURCE}, newsprism.framing.frame_presence (weights: "
                "newsprism/data/frame_presence_generic.json, fitted on NFC)"))
display(show_table(article_shares, "Article-level frame share per outlet × frame (estimate, "
                   "ci_low, ci_high, n articles) with the frame's validity on gold data. "
                   + framing_shares.validity_note(), max_rows=None, n=len(english),
                   unit="English articles", source=f"{SOURCE}, newsprism.framing.shares"))
display(show_table(presence, "Every article × frame decision with its evidence: the sentences "
                   "whose cues fed the score (ids as newsprism.text.split_sentences counts "
                   "them), the questions that raised it most and the matched words.",
                   max_rows=200, n=len(presence), unit="article × frame decisions",
                   source=f"{SOURCE}, newsprism.framing.frame_presence"))
display(reading(framing_shares.shares_reading(article_shares)))

# %% [markdown]
# ## Do outlets differ? One test per frame
#
# Outlets × (sentences with / without the frame). Pearson chi-square with a Monte Carlo p
# (outlet labels permuted over sentences) because expected counts are often below 5; Fisher's
# exact test when there are two outlets; q = Benjamini–Hochberg over frames.

# %%
tests = framing_stats.frame_tests(sentences, kept, english, frame_ids=FRAME_IDS,
                                  include_negated=True)
save_table(tests, "framing_tests", out_dir)
display(show_table(tests, f"Test per frame of equal prevalence across outlets. {CODEBOOK}.",
                   max_rows=None, n=len(sentences), unit="sentences",
                   source=f"{SOURCE}, newsprism.framing.stats (scipy)"))
small = int((tests["min_expected"] < 5).sum())
significant = tests[tests["q_value"] < 0.05]["frame"].tolist()
display(reading(
    f"{len(significant)} of {len(tests)} frames differ across outlets at q < 0.05"
    + (f" ({', '.join(LABELS[f] for f in significant)})" if significant else "")
    + f". **Small-n caveat:** {small} frame(s) have an expected count below 5 in some cell, so "
    "their asymptotic p is unreliable (use the Monte Carlo p); and sentences of one article are "
    "not independent, so every p here is optimistic when an outlet has few articles."))

# %% [markdown]
# ## Author's voice and quoted voice
#
# A frame can be the outlet's own or carried in someone's quoted words. Hits inside speech
# quotations (from `newsprism.quotes.extract`, else paired quotation marks) are *quoted*; scare
# quotes stay in the author's voice.

# %%
voices = framing_stats.voice_split(frames if include_negated else
                                   frames[~frames["negated"].astype(bool)], english)
save_table(voices, "framing_voice", out_dir)
display(show_table(voices, f"Frame hits per outlet by voice. {CODEBOOK}.", max_rows=None,
                   n=int(voices[["author", "quoted"]].to_numpy().sum()) if len(voices) else 0,
                   unit="frame hits", source=f"{SOURCE}, newsprism.framing.detect + newsprism.quotes.extract"))
if len(voices) and voices["quoted"].sum():
    most_quoted = voices.sort_values("quoted", ascending=False).iloc[0]
    display(reading(
        f"{int(voices['quoted'].sum())} of {int(voices[['author', 'quoted']].to_numpy().sum())} "
        f"hits are in quoted speech; the most is **{LABELS.get(most_quoted['frame'])}** in "
        f"**{most_quoted['outlet']}** ({int(most_quoted['quoted'])} quoted hits): that frame is "
        "partly the sources' words, not the outlet's."))
else:
    display(reading("No frame cue falls inside a speech quotation."))

# %% [markdown]
# ## Dominant frame of each article

# %%
dominant = framing_stats.dominant_frames(kept, english)
save_table(dominant, "framing_dominant", out_dir)
display(show_table(dominant, f"Frame with most hits in each article (ties joined by '='), its "
                   f"share of the article's frame hits and the runner-up. {CODEBOOK}.",
                   max_rows=200, n=len(dominant), unit="articles",
                   source=f"{SOURCE}, newsprism.framing.stats"))
counts = dominant["dominant_frame"].value_counts()
display(reading(
    (f"**{counts.index[0]}** dominates {int(counts.iloc[0])} of {len(dominant)} articles. "
     if len(counts) else "")
    + "Dominance is a count of cues: a frame with many short cues (e.g. 'troops', 'alliance') "
    "wins easily; compare the runner-up and its margin."))

# %% [markdown]
# ## Frames that travel together

# %%
pairs = framing_stats.frame_cooccurrence(kept, sentences, level=cooccurrence_level,
                                         frame_ids=FRAME_IDS)
save_table(pairs, "framing_cooccurrence", out_dir)
matrix = framing_stats.cooccurrence_matrix(pairs, "n_both") if len(pairs) else pd.DataFrame()
if len(matrix):
    # Colour by the off-diagonal range: the diagonal (frame alone) would swamp the pairs.
    heatmap.plot_heatmap(matrix, cmap="Purples", vmin=0, value_format="{:.0f}",
                         range_without_diagonal=True, x_labels=LABELS, y_labels=LABELS,
                         title=f"Frame co-occurrence ({cooccurrence_level} level)",
                         colorbar_label=f"{cooccurrence_level}s with both frames")
    plt.show()
    display(caption(f"Number of {cooccurrence_level}s carrying both frames (diagonal: the "
                    f"frame alone). {CODEBOOK}.", n=int(pairs["n_units"].iloc[0]),
                    unit=f"{cooccurrence_level}s", source=f"{SOURCE}, newsprism.framing.stats"))
    best = pairs.sort_values(["n_both", "jaccard"], ascending=False).iloc[0]
    display(reading(
        f"**{LABELS.get(best['frame_a'])}** and **{LABELS.get(best['frame_b'])}** share the most "
        f"{cooccurrence_level}s ({int(best['n_both'])}, Jaccard {best['jaccard']:.2f}). "
        "Co-occurrence in one unit shows frames told together, not a causal link."))
else:
    display(reading("Fewer than two frames: no co-occurrence to show."))

# %% [markdown]
# ## Evidence: every outlet × frame cell, in context
#
# For each cell with hits, up to `evidence_per_cell` sentences with the cue marked; `n_hits`
# is the cell's total, so you can see how much is not shown. All hits are saved as
# `tables/framing_hits.csv`.

# %%
save_table(frames.merge(english[["article_id", "outlet"]], on="article_id"), "framing_hits",
           out_dir)
evidence = framing_stats.frame_evidence(kept, english, per_cell=evidence_per_cell,
                                        frame_ids=FRAME_IDS)
for frame_id in FRAME_IDS:
    cell = evidence[evidence["frame"] == frame_id] if len(evidence) else evidence
    if cell.empty:
        display(reading(f"**{LABELS[frame_id]}** ({frame_id}): no hit in any outlet."))
        continue
    display(show_table(cell.drop(columns=["frame"]),
                       f"Evidence for **{LABELS[frame_id]}** ({frame_id}) per outlet: "
                       f"keyword in context, cue marked. {CODEBOOK}.", max_rows=None,
                       html_columns=["snippet"],
                       n=int(cell.groupby("outlet")["n_hits"].first().sum()),
                       unit="frame hits", source=f"{SOURCE}, newsprism.framing.detect"))

# %%
negated = frames[frames["negated"].astype(bool)]
if len(negated):
    negated_evidence = framing_stats.frame_evidence(negated, english, per_cell=10,
                                                    include_negated=True)
    display(show_table(negated_evidence, "Negated cues (left out of the counts above unless "
                       "include_negated=True).", max_rows=200, html_columns=["snippet"],
                       n=len(negated), unit="negated hits", source=f"{SOURCE}, newsprism.framing.detect"))
else:
    display(reading("No cue was negated in this corpus."))

# %% [markdown]
# ## Word choice: the same thing, named differently
#
# Naming pairs of the codebook (when a custom codebook has none, the story codebook's pairs
# are used), counted per outlet, side by side. `north Korea` with a lower-case *n* is matched
# case-sensitively.

# %%
naming_book = framing.naming_codebook(book)
choices = framing.word_choice(english, naming_book)
save_table(choices, "framing_word_choice", out_dir)
display(show_table(choices.drop(columns=["pair"]).iloc[:, :3], "The naming pairs and their "
                   f"cues (codebook '{naming_book.name}').", max_rows=None,
                   n=len(choices), unit="pair sides", source=naming_book.source_label))
display(show_table(framing.word_choice_by_outlet(choices), "Word choice side by side: hits of "
                   "each naming-pair side per outlet (columns in pairs, as listed above).",
                   max_rows=200, n=len(english), unit="English articles",
                   source=f"{SOURCE}, newsprism.framing.detect.word_choice"))
leanings = framing.word_choice_leanings(choices)
save_table(leanings, "framing_word_choice_leanings", out_dir)
display(show_table(leanings.drop(columns=["pair"]), "The side of each naming pair each outlet "
                   "uses most (empty: uses neither).", max_rows=200, n=len(english),
                   unit="English articles", source=f"{SOURCE}, newsprism.framing.detect.word_choice"))
first_sides = choices.groupby("pair", sort=False)["side"].first()
users = leanings[leanings.apply(lambda r: r["preferred"] == first_sides[r["pair"]], axis=1)]
display(reading(
    "; ".join(f"'{first_sides[p]}' is the preferred wording of {', '.join(part['outlet'])}"
              for p, part in users.groupby("pair", sort=False))
    + (". " if len(users) else "No outlet prefers the first side of any pair. ")
    + "A count is a choice of words, not a stance: read the sentences before attributing "
    "intent."))

# %% [markdown]
# ## Validation appendix
#
# Every paragraph of the bundled corpus was hand-coded for both shipped codebooks *before*
# the cue lists were tuned (`data/gold/frames_gold.csv`, described in
# `data/gold/frames_gold.md`). Precision: share of paragraphs where the detector finds the
# frame that the coder also saw (n = paragraphs detected); recall: share of the coder's
# paragraphs found (n = gold paragraphs). In-sample:
# the same corpus was used to write the cues, so these numbers are optimistic; a custom
# codebook has no gold and is not validated here.

# %%
results = validate.load_results()
results = results[results["measure"] == "frames"] if len(results) else results
origin = "saved results of `make validate`"
if results.empty and run_validation:
    results = validate.run_validator("frames", quick=False)
    origin = "run now by this notebook"
# Only the rows of the codebook in use: a custom codebook has no gold.
results = (results[results["engine"].astype(str).str.endswith(f"={book.name}")]
           if len(results) else results)
if len(results):
    display(show_table(results[["engine", "metric", "value", "n", "status"]],
                       f"Frame detection against hand-coded paragraphs ({origin}).",
                       max_rows=None,
                       n=int(results.loc[results["metric"] == "paragraphs scored", "n"].max()),
                       unit="hand-coded paragraphs", source=str(results["reference"].iloc[0])))
    story_rows = results[results["engine"].astype(str).str.endswith("=story")
                         & results["metric"].astype(str).str.startswith("f1[")]
    if len(story_rows):
        weakest = story_rows.sort_values("value").iloc[0]
        display(reading(f"Weakest story frame: {weakest['metric']} = {weakest['value']:.2f} "
                        f"(n = {int(weakest['n'])}). Frames with small n have wide uncertainty."))
else:
    display(reading(f"No validation result for codebook '{book.name}': only the shipped 'story' "
                    "and 'generic' codebooks have hand-coded gold (run `make validate`). Validate "
                    "a custom codebook by hand-coding a sample of its paragraphs the same way."))

# %%
scores, disagreements = framing_validation.validation_summary(book)
if len(scores):
    display(show_table(scores, f"Per-frame agreement with the hand coding, with Wilson 95% "
                       f"intervals ({CODEBOOK}, computed now on the cleaned corpus).",
                       max_rows=None, n=int(scores["n_paragraphs"].iloc[0]),
                       unit="hand-coded paragraphs", source="data/gold/frames_gold.csv"))
    display(show_table(disagreements, "Every paragraph where the detector and the coder "
                       "disagree: frames the coder saw but no cue caught (missed), and frames "
                       "a cue triggered that the coder did not see (added).", max_rows=None,
                       n=len(disagreements), unit="paragraphs",
                       source="data/gold/frames_gold.csv, newsprism.framing.validation"))
    display(reading("Intervals this wide (n between a handful and ~70 paragraphs per frame) "
                    "are the honest summary: frames with n < 15 are validated only roughly."))

# %% [markdown]
# ## Limitations
#
# - **A dictionary measures cue presence, not meaning.** "Alliance" counts whether the
#   sentence celebrates, fears or mocks it; irony, metaphors and frames built without the
#   listed words are missed. Read the evidence tables.
# - Negation is a local rule (negator within a few tokens, same clause); it misses negation
#   at a distance ("no longer auxiliary forces or expendable manpower") and scope subtleties.
# - Voice depends on the quotation finder; scare quotes count as the author's voice.
# - Sentences within an article are not independent; with one article per outlet the
#   intervals and tests describe these texts, not the outlets in general.
# - The sentence-level validation is in-sample, by one coder, without inter-coder
#   reliability. The article-level frames are validated out of sample (NFC, nested
#   cross-validation) but on climate-change coverage: on another story the cues transfer, the
#   calibration may not.
# - English only: other languages are left out (see the corpus overview).

# %%
findings = []
if len(top) and top["share"].iloc[0] > 0:
    findings.append(f"Most prevalent frame cell: {LABELS[top.iloc[0]['frame']]} in "
                    f"{top.iloc[0]['outlet']} ({top.iloc[0]['share']:.0%} of sentences; codebook "
                    f"{book.name}).")
if len(counts):
    findings.append(f"Dominant frame in {int(counts.iloc[0])} of {len(dominant)} articles: "
                    f"{counts.index[0]}.")
findings.append(f"{len(significant)} of {len(tests)} frames differ across outlets at q < 0.05 "
                "(Monte Carlo chi-square, small-n caveat).")
record_findings(out_dir, NOTEBOOK, findings)
for finding in findings:
    print("-", finding)

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table({**PARAMS, "codebook_file": str(book.source),
                            "codebook_sha256": CODEBOOK_SHA256}),
           "Parameters, input files (SHA-256), package versions, git commit and run time.",
           max_rows=None)
