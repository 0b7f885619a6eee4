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
# # Methods appendix: how far can each measure be trusted?
#
# **Question.** How well does each automatic measure (sentence splitting, sentiment, quotes,
# frames) agree with human-coded gold data?
#
# **How to read.** Each row is one metric of one measure on one gold dataset, with its n (the
# number of gold units it was computed on) and the reference value it should be compared
# with (published scores or our targets). Results saved by `make validate` are shown as they
# are; a measure without saved results is validated here in quick mode (a subsample) when its
# gold data is present. When gold data is absent, the status says so: no number is invented.

# %% tags=["parameters"]
corpus: str = ""  # not used here; every notebook receives it
out_dir: str = ""  # where tables and findings go; empty means outputs/interactive
run_missing_validators: bool = True  # validate measures without saved results (quick mode)
quick: bool = True  # quick mode subsamples large gold sets

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from newsprism.core import validate
from newsprism.core.provenance import provenance_table
from newsprism.report.methods import (
    collect_validation,
    exclude_in_sample,
    frame_presence_comparison,
    headline_rows,
    measure_summary,
    metric_label,
    split_constant_columns,
)
from newsprism.report.runner import record_findings, save_table
from newsprism.sentiment import tone_validation
from newsprism.viz.display import caption, reading, show_table

NOTEBOOK = "90_methods_appendix"
PARAMS = dict(corpus=corpus, out_dir=out_dir, run_missing_validators=run_missing_validators,
              quick=quick)

# %% [markdown]
# ## Parameters check

# %%
if not isinstance(run_missing_validators, bool) or not isinstance(quick, bool):
    raise ValueError("run_missing_validators and quick must be True or False")
results = collect_validation(run_missing=run_missing_validators, quick=quick)
save_table(results, "methods_validation", out_dir)
print(f"{len(results)} validation rows for {results['measure'].nunique()} measures; "
      f"saved results folder: {validate.RESULTS_DIR}")

# %% [markdown]
# ## Overview per measure

# %%
summary = measure_summary(results)
display(show_table(summary, "Validation status of every measure.", n=len(summary),
                   unit="measures", source="outputs/validation/*.csv (make validate) or a "
                   "quick run of newsprism.core.validate.run_validator"))
absent = summary[summary["metrics"] == 0]
display(reading(
    f"{int((summary['metrics'] > 0).sum())} of {len(summary)} measures have validation "
    "metrics." + ("" if absent.empty else
                  " No metric for: " + "; ".join(f"{r.measure} ({r.statuses})"
                                                 for r in absent.itertuples()) + ".")))

# %% [markdown]
# ## Metrics, with n and reference values

# %%
for measure, group in results.groupby("measure", sort=False):
    shown, same = split_constant_columns(
        group[["dataset", "split", "engine", "metric", "value", "n", "reference", "status",
               "origin"]], ["dataset", "split", "engine", "reference", "status", "origin"])
    said_once = " ".join(f"{k.capitalize()}: {v}." for k, v in same.items() if v not in ("", "nan"))
    display(show_table(shown, f"Validation of **{measure}**: each metric with the number of gold "
                       f"units (n) it rests on. {said_once}", max_rows=None, n=len(shown),
                       float_format="{:.4g}",
                       unit="metrics", source=", ".join(sorted({str(d) for d in group["dataset"]
                                                               if str(d) != "nan"}))
                       or "no gold data"))

# %% [markdown]
# ## Frames: external figure against its baselines
#
# The frame detector's headline figure is article-level frame presence on the Narrative
# Frames Corpus (260 coded climate-change articles; `newsprism.framing.fit`): F1 per frame
# by nested 5-fold cross-validation by article (each frame is learnt through the coders'
# answers to its questions; the question models, the regularisation and the threshold are
# fitted and chosen in the training folds, so the held-out articles never tune them), beside
# "always present" and the any-cue-hit detectors scored on the same articles. The bundled
# corpus's paragraph figures (measure `frames`) are in-sample — the cues were tuned there
# after coding — and are never the headline.

# %%
frame_comparison = frame_presence_comparison(results)
save_table(frame_comparison, "methods_frame_presence", out_dir)
display(show_table(frame_comparison, "Frame presence on NFC: F1 of each engine per frame; "
                   "beats_baseline compares the fitted model (nested CV) with 'always present'. "
                   "A frame whose model does not beat it is not evidence in notebook 20.",
                   max_rows=None, n=len(frame_comparison), unit="frames (and macro)",
                   source="newsprism.framing.fit.validate_frame_presence"))

# %% [markdown]
# ## Actor tone against its baselines
#
# Tone toward an actor (notebook 10) is validated on NewsMTSC dev, which the model never saw:
# macro-F1 next to sentence-level VADER, the majority class, always-neutral and the published
# best (a GPU transformer, on the test splits we do not read).

# %%
display(reading(tone_validation.caption_note("model",
                                             results[results["measure"] == "actor_tone"])))

# %%
plotted = results.assign(value=pd.to_numeric(results["value"], errors="coerce"),
                         n=pd.to_numeric(results["n"], errors="coerce"))
plotted = plotted[plotted["value"].between(0, 1) & plotted["metric"].astype(str).str.match(
    r"^(precision|recall|f1|accuracy|accuracy_3class|speaker_accuracy|pearson_r|f1_weighted"
    r"|macro_f1)(\[(micro|macro)\])?$")]
plotted = exclude_in_sample(plotted)
if plotted.empty:
    display(reading("No precision, recall, F1, accuracy or correlation value to plot yet."))
else:
    labels = (plotted["measure"] + " · " + plotted["engine"].astype(str) + " · "
              + plotted["metric"]).tolist()
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(plotted) + 1.2))
    ax.barh(range(len(plotted)), plotted["value"], color="#55a868")
    ax.set_yticks(range(len(plotted)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("score against gold data (0 to 1)")
    ax.set_title("Headline validation metrics")
    fig.tight_layout()
    plt.show()
    display(caption("Headline metrics of every measure against its gold data; the n of each "
                    "bar is in the tables above. In-sample figures (frames on the bundled "
                    "corpus, cues tuned after coding) are left out of this chart.",
                    n=len(plotted), unit="metrics",
                    source="newsprism.core.validate"))
    weakest = plotted.loc[plotted["value"].idxmin()]
    display(reading(f"The weakest headline metric is {weakest['measure']} "
                    f"{metric_label(weakest)} ({weakest['engine']}); read results that rest on "
                    "that measure with matching caution."))

# %% [markdown]
# ## Limitations
#
# - Quick mode validates on a subsample: its numbers vary more than the full `make validate`
#   run (the n of each row says how many gold units were used).
# - Gold datasets come from other domains (editorials, US political news) or are small and
#   hand-coded on this corpus (in-sample): agreement here is an upper bound for new outlets.
# - A measure whose gold data is absent has no metric at all; its results are exploratory.

# %%
_ = record_findings(out_dir, NOTEBOOK, [
    f"{int((summary['metrics'] > 0).sum())} of {len(summary)} measures validated against gold "
    "data" + ("" if absent.empty else
              f"; no metric for {', '.join(absent['measure'])}") + ".",
    *[f"{r.measure}: {metric_label(r._asdict())} ({r.engine}, {r.dataset})"
      for r in headline_rows(plotted).itertuples()],
])

# %% [markdown]
# ## Provenance

# %%
show_table(provenance_table(PARAMS), "Parameters, input files (SHA-256), package versions, "
           "git commit and run time of this notebook.", max_rows=None)
