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
# **Question.** How does each outlet package the story — as a conflict, a question of
# responsibility, of money, of morality, of human cost, or in the frames of the story's own
# codebook — and which words does each outlet choose for the same things?
#
# **How to read.** Frames are found with an editable dictionary, the *codebook* (parameter
# `codebook`: `generic` — the five news frames of Semetko & Valkenburg 2000, the default —
# `story`, the bundled story's, or the path to your own YAML file). A frame is *present* in a sentence when one of its cues occurs
# there; negated cues ("no conflict") are flagged and left out. Each figure or table is
# followed by a caption (n, unit, source, codebook) and a short reading; the evidence tables
# show, for every outlet × frame cell, the sentences behind the numbers with the cue marked.
# A dictionary measures cue presence, not meaning: read the evidence before the chart.

# %% tags=["parameters"]
corpus: str = ""  # corpus folder or file; empty means the bundled corpus
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
codebook: str = "generic"  # frame codebook: "generic", "story", or a path to a YAML codebook
actors_codebook: str = "none"  # actor registry of the annotation all notebooks share: "none", "story", or a path (as in 10)
include_negated: bool = False  # count negated cues ("no sanctions") as frame hits
voice: str = "all"  # "all", "author" (outside quotations) or "quoted" (inside quotations)
cooccurrence_level: str = "sentence"  # unit for frame co-occurrence: "sentence" or "article"
evidence_per_cell: int = 3  # KWIC snippets shown per outlet x frame cell (at least 1)
n_boot: int = 2000  # bootstrap resamples for the 95% intervals (at least 100)
resample: str = "auto"  # bootstrap unit: "auto" or "article" (whole articles; no interval under 2 articles) or "sentence"
cleaning: str = "default"  # page-furniture removal: "strict", "default" or "off" (newsprism.corpus.clean)
run_validation: bool = True  # run the quick frame validation if no saved result exists

# %%
from newsprism.core.provenance import provenance_table
from newsprism.report import framing_sections
from newsprism.report import options as notebook_options
from newsprism.report.params import check_notebook
from newsprism.report.runner import record_findings
from newsprism.viz.display import show_table

NOTEBOOK = "20_framing"
PARAMS = check_notebook(NOTEBOOK, dict(
    corpus=corpus, out_dir=out_dir, codebook=notebook_options.resolve_user_path(codebook),
    include_negated=include_negated, voice=voice, cooccurrence_level=cooccurrence_level,
    evidence_per_cell=evidence_per_cell, n_boot=n_boot, resample=resample,
    run_validation=run_validation,
    actors_codebook=notebook_options.resolve_user_path(actors_codebook), cleaning=cleaning))
ctx = framing_sections.prepare(corpus, codebook=codebook, actors_codebook=actors_codebook,
                             cleaning=cleaning, include_negated=include_negated, voice=voice)
print(ctx.headline)

# %% [markdown]
# ## The codebook in use
#
# Frame ids, labels, descriptions and every cue (`*` = any word ending; phrases match across
# line breaks). Edit the YAML file and rerun to change the measure.

# %%
codebook_in_use = framing_sections.codebook_section(ctx, out_dir)
codebook_in_use.show()

# %% [markdown]
# ## Frame prevalence per outlet
#
# Share of the outlet's sentences that carry the frame and hits per 1,000 words, each with a
# percentile bootstrap 95% interval. Sentences of one article are not independent, so whole
# articles are resampled (cluster bootstrap); an outlet with fewer than 2 articles gets no
# interval. Parameter `resample = "sentence"` resamples single sentences instead: that interval
# shows variation within the outlet's articles, not its coverage in general.

# %%
prevalence = framing_sections.prevalence_section(ctx, out_dir, n_boot=n_boot, resample=resample)
prevalence.show()

# %% [markdown]
# ## Article level: which generic frames does each outlet's article carry?
#
# Beside the sentence-level prevalence above, each article is coded for the five generic frames
# of Semetko & Valkenburg (2000) by `newsprism.framing.frame_presence`: per frame, the hits of
# cues grouped by its coding questions (disagreement, reproach, two sides; losses and gains,
# costs, economic consequences; a human face, emotions; a moral message, religion,
# prescriptions; problem, solution, responsibility, urgency — codebook
# `data/codebooks/frames_generic_questions.yml`), their number and position (headline and
# lead) feed a small linear model learnt, through the coders' answers to each question, on 260
# coded climate-change articles of the Narrative Frames Corpus. This section uses that codebook
# whatever the `codebook` parameter says. Share of articles with the frame, Wilson 95%
# interval; each caption gives the frame's cross-validated F1 beside its always-present
# baseline and names the frames that do not beat it.

# %%
article_frames = framing_sections.article_frames_section(ctx, out_dir)
article_frames.show()

# %% [markdown]
# ## Do outlets differ? One test per frame
#
# Outlets × (articles with / without the frame): each article counts once, since sentences of
# one article are not independent. Pearson chi-square with a Monte Carlo p (outlet labels
# permuted over articles) because expected counts are often below 5; Fisher's exact test when
# there are two outlets; q = Benjamini–Hochberg over frames. With one article per outlet there
# is nothing to test.

# %%
tests = framing_sections.frame_tests_section(ctx, out_dir)
tests.show()

# %% [markdown]
# ## Author's voice and quoted voice
#
# A frame can be the outlet's own or carried in someone's quoted words. Hits inside speech
# quotations (from `newsprism.quotes.extract`, else paired quotation marks) are *quoted*; scare
# quotes stay in the author's voice.

# %%
voices = framing_sections.voice_section(ctx, out_dir)
voices.show()

# %% [markdown]
# ## Dominant frame of each article

# %%
dominant = framing_sections.dominant_section(ctx, out_dir)
dominant.show()

# %% [markdown]
# ## Frames that travel together

# %%
cooccurrence = framing_sections.cooccurrence_section(ctx, out_dir, level=cooccurrence_level)
cooccurrence.show()

# %% [markdown]
# ## Evidence: every outlet × frame cell, in context
#
# For each cell with hits, up to `evidence_per_cell` sentences with the cue marked; `n_hits`
# is the cell's total, so you can see how much is not shown. All hits are saved as
# `tables/framing_hits.csv`.

# %%
evidence = framing_sections.evidence_section(ctx, out_dir, per_cell=evidence_per_cell)
evidence.show()

# %%
negated = framing_sections.negated_section(ctx)
negated.show()

# %% [markdown]
# ## Word choice: the same thing, named differently
#
# Naming pairs of the codebook in use, counted per outlet, side by side (a codebook without
# `naming_pairs:` gets an empty table saying so; no other codebook's pairs stand in). Terms
# starting lower-case are matched case-sensitively, as the codebook's header explains.

# %%
word_choice = framing_sections.word_choice_section(ctx, out_dir)
word_choice.show()

# %% [markdown]
# ## Validation appendix
#
# Every paragraph of the bundled corpus was hand-coded for both shipped codebooks *before*
# the cue lists were tuned (`tests/gold/frames_gold.csv`, described in
# `tests/gold/frames_gold.md`). Precision: share of paragraphs where the detector finds the
# frame that the coder also saw (n = paragraphs detected); recall: share of the coder's
# paragraphs found (n = gold paragraphs). In-sample:
# the same corpus was used to write the cues, so these numbers are optimistic; a custom
# codebook has no gold and is not validated here.

# %%
validation = framing_sections.validation_section(ctx, run_validation)
validation.show()

# %% [markdown]
# ## Limitations
#
# - **A dictionary measures cue presence, not meaning.** A cue counts whether the
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
findings = framing_sections.key_findings(ctx, prevalence, dominant, tests)
_ = record_findings(out_dir, NOTEBOOK, findings)
print(framing_sections.findings_text(findings))

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(ctx.provenance(PARAMS)),
           "Parameters, input files (SHA-256), package versions, git commit and run time.",
           max_rows=None)
