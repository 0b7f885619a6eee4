"""Article-level frame shares per outlet, from :func:`newsprism.framing.frame_presence`, with
the frame detector's validity (nested-CV F1 on the Narrative Frames Corpus beside the
always-present baseline) carried along so every caption can say which frames are not better
than that baseline.

>>> import pandas as pd
>>> arts = pd.DataFrame({"outlet": ["A", "A"], "text": ["Critics accused him of lying.",
...                                                      "The weather was mild."]})
>>> table = article_frame_shares(arts)
>>> table.loc[table["frame"] == "conflict", ["outlet", "n"]].values.tolist()
[['A', 2]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.core.stats import proportion_ci
from newsprism.framing.presence import DEFAULT_CODEBOOK, MODEL_PATH, frame_presence, load_model
from newsprism.viz.figures import interval_errors

SHARE_COLUMNS = ["outlet", "frame", "estimate", "ci_low", "ci_high", "n", "n_present",
                 "validity"]
MODEL_ENGINE = "frame presence model (nested 5-fold CV)"
BASELINE_ENGINE = "always present (baseline)"


ANY_CUE_ENGINE = "any cue hit, codebook generic (current)"


def _validity_label(row) -> str:
    """"F1 0.36 (lowest over 5 outer splits 0.31) vs 0.20 always-present; ..." for one frame."""
    text = f"F1 {row.f1:.2f}"
    if not pd.isna(row.f1_min):
        text += f" (lowest over {row.n_seeds} outer splits {row.f1_min:.2f})"
    text += f" vs {row.f1_baseline:.2f} always-present"
    if not row.beats_baseline:
        text += ": does NOT beat the always-present baseline"
    elif not pd.isna(row.f1_min) and row.f1_min <= row.f1_baseline:
        text += ": does not beat it at every outer split"
    if not pd.isna(row.f1_any_cue) and row.f1_any_cue > row.f1:
        text += f", and a plain any-cue-hit detector scores higher ({row.f1_any_cue:.2f})"
    return text


def presence_validity(model: dict | None = None) -> pd.DataFrame:
    """Per frame, from the nested-CV figures the fit command stored with the model (NFC, 260
    articles): ``frame, f1`` (headline outer split), ``f1_min`` (lowest over the outer splits
    fixed in advance, ``n_seeds`` of them), ``f1_baseline`` (always present), ``f1_any_cue``
    (any cue hit of the generic codebook), ``n_gold``, ``beats_baseline`` (headline F1 above
    always present) and ``label``, the text a caption uses, e.g. "F1 0.78 (lowest over 5 outer
    splits 0.78) vs 0.77 always-present", with "does NOT beat ..." where it does not and the
    any-cue-hit figure where that simpler detector scores higher.

    Columns: ``frame``; ``f1``, ``f1_min``, ``f1_baseline``, ``f1_any_cue`` (F1, 0-1);
    ``n_seeds``; ``n_gold`` (NFC articles with the frame); ``beats_baseline`` (bool);
    ``label``. Validity on NFC (English news about other stories): it need not carry over to
    another corpus.

    >>> validity = presence_validity()
    >>> list(validity.columns) == ["frame", "f1", "f1_min", "n_seeds", "f1_baseline",
    ...                            "f1_any_cue", "n_gold", "beats_baseline", "label"]
    True
    >>> bool(((validity["f1"] >= 0) & (validity["f1"] <= 1)).all())
    True
    """
    model = load_model(MODEL_PATH) if model is None else model
    validation = model.get("validation", {})
    rows = pd.DataFrame(validation.get("rows", []))
    columns = ["frame", "f1", "f1_min", "n_seeds", "f1_baseline", "f1_any_cue", "n_gold",
               "beats_baseline", "label"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    fitted = rows[rows["engine"] == MODEL_ENGINE].set_index("frame")
    by_engine = {engine: rows[rows["engine"] == engine].set_index("frame")["f1"]
                 for engine in (BASELINE_ENGINE, ANY_CUE_ENGINE)}
    seeds = pd.DataFrame(validation.get("seeds", []), columns=["frame", "min"])
    n_seeds = sum(key.startswith("f1@") for key in (validation.get("seeds") or [{}])[0])
    table = pd.DataFrame({
        "frame": fitted.index, "f1": fitted["f1"].to_numpy(),
        "f1_min": seeds.set_index("frame")["min"].reindex(fitted.index).to_numpy(),
        "n_seeds": n_seeds,
        "f1_baseline": by_engine[BASELINE_ENGINE].reindex(fitted.index).to_numpy(),
        "f1_any_cue": by_engine[ANY_CUE_ENGINE].reindex(fitted.index).to_numpy(),
        "n_gold": fitted["n_gold"].to_numpy()})
    table["beats_baseline"] = table["f1"] > table["f1_baseline"]
    table["label"] = [_validity_label(row) for row in table.itertuples()]
    return table[columns].reset_index(drop=True)


def article_frame_shares(articles: pd.DataFrame, codebook=DEFAULT_CODEBOOK, by: str = "outlet",
                         presence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each outlet's articles in which each frame is present (Wilson 95% interval).

    Columns: ``outlet`` (the ``by`` group), ``frame``, ``estimate``, ``ci_low``, ``ci_high``,
    ``n`` (articles of the outlet), ``n_present``, ``validity`` (the frame's nested-CV F1 on
    NFC beside its always-present baseline; says so when it does not beat it).
    ``articles`` needs ``text`` and ``by``; ``presence`` (from :func:`frame_presence` on
    ``articles["text"]`` in order) may be passed to avoid scoring twice. Caveat: articles of
    one outlet are treated as independent draws; with few articles the interval is wide.
    ``estimate`` is a share of articles (0-1). The detector is a fitted model: read
    ``validity`` before reading a frame's share, and where it does not beat the baseline,
    do not read the share at all. English only.

    >>> arts = pd.DataFrame({"outlet": ["X", "X"], "text": ["Critics accused him of lying.",
    ...                                                      "The weather was mild."]})
    >>> shares = article_frame_shares(arts)
    >>> shares[shares["frame"] == "conflict"][["outlet", "n", "n_present"]].values.tolist()
    [['X', 2, 1]]
    """
    articles = articles.reset_index(drop=True)
    presence = frame_presence(list(articles["text"]), codebook) if presence is None else presence
    groups = articles[by].astype(str).to_numpy()
    presence = presence.assign(outlet=groups[presence["text_index"].to_numpy()])
    labels = presence_validity().set_index("frame")["label"]
    rows = []
    for (outlet, frame), part in presence.groupby(["outlet", "frame"], sort=True):
        k, n = int(part["present"].sum()), len(part)
        low, high = proportion_ci(k, n)
        rows.append({"outlet": outlet, "frame": frame, "estimate": k / n, "ci_low": low,
                     "ci_high": high, "n": n, "n_present": k,
                     "validity": labels.get(frame, "not validated")})
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def validity_note(validity: pd.DataFrame | None = None) -> str:
    """One caption sentence naming each frame's validity, frames below baseline first.

    >>> validity_note(pd.DataFrame({"frame": ["a"], "beats_baseline": [False],
    ...     "label": ["F1 0.10 vs 0.20 always-present: does NOT beat the always-present baseline"]}))
    'Article-level validity (NFC, nested CV): a: F1 0.10 vs 0.20 always-present: does NOT beat the always-present baseline.'
    """
    validity = presence_validity() if validity is None else validity
    if validity.empty:
        return "The article-level frame detector has no validation figures."
    ordered = validity.sort_values("beats_baseline", kind="stable")
    return ("Article-level validity (NFC, nested CV): "
            + "; ".join(f"{r.frame}: {r.label}" for r in ordered.itertuples()) + ".")


def plot_article_shares(table: pd.DataFrame, labels: dict | None = None):
    """Dot-and-interval chart of :func:`article_frame_shares`: one panel row per frame, one dot
    per outlet. Frames that do not beat their baseline are titled so. Returns the figure."""
    from newsprism.viz.display import no_mathtext

    no_mathtext()  # labels come from articles: drawn as written
    import matplotlib.pyplot as plt

    labels = labels or {}
    frames = list(dict.fromkeys(table["frame"]))
    outlets = sorted(table["outlet"].unique())
    # At most three panels a row, so the figure is not shrunk (and its text with it) on a
    # laptop screen.
    ncols = min(3, max(len(frames), 1))
    nrows = -(-max(len(frames), 1) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols + 1.5,
                                                    (0.45 * len(outlets) + 1.6) * nrows),
                             sharey=True, squeeze=False)
    for ax in axes.flat[len(frames):]:
        ax.axis("off")
    for ax, frame in zip(axes.flat, frames, strict=False):
        part = table[table["frame"] == frame].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets))
        ax.errorbar(part["estimate"], y, xerr=interval_errors(part["estimate"], part["ci_low"],
                                                              part["ci_high"]),
                    fmt="o", color="#4c72b0", ecolor="#999999", capsize=2)
        ax.set_xlim(0, 1)
        below = "NOT beat" in str(part["validity"].dropna().iloc[0]) if part["validity"].notna(
        ).any() else False
        title = str(labels.get(frame, frame)) + ("\n(below baseline)" if below else "")
        ax.set_title(title, color="#b22222" if below else "black")
        ax.set_xlabel("share of articles")
    for row in axes:
        row[0].set_yticks(range(len(outlets)), [str(o) for o in outlets])
    fig.tight_layout()
    return fig


def frame_labels(codebook=DEFAULT_CODEBOOK) -> dict[str, str]:
    """Frame id -> label of a codebook.

    >>> frame_labels()["human_interest"]
    'Human interest'
    """
    from newsprism.framing.codebook import load_codebook

    return {f.id: f.label for f in load_codebook(codebook).frames}


def codebook_validity(codebook) -> str:
    """A short clause (no final full stop) for every caption that uses ``codebook``'s
    sentence-level cue hits: its
    any-cue-hit detector's F1 on NFC articles against always-present, naming each frame that
    does not beat it; for a codebook without NFC figures, where (if anywhere) it was validated.

    >>> codebook_validity("story")
    'Validity: in-sample only (bundled corpus, cues tuned after coding)'
    """
    from newsprism.framing.codebook import load_codebook

    book = load_codebook(codebook)
    if not book.shipped:  # a custom codebook (even one named like a shipped one) has no gold
        return "Validity: not validated on gold data"
    rows = pd.DataFrame(load_model().get("validation", {}).get("rows", []))
    engine = ANY_CUE_ENGINE if book.name == "generic" else f"any cue hit, codebook {book.name}"
    if rows.empty or engine not in set(rows["engine"]):
        return ("Validity: in-sample only (bundled corpus, cues tuned after coding)"
                if book.name == "story" else "Validity: not validated on gold data")
    mine = rows[(rows["engine"] == engine) & (rows["frame"] != "macro")].set_index("frame")
    base = rows[rows["engine"] == BASELINE_ENGINE].set_index("frame")["f1"]
    below = [f for f in mine.index if mine.loc[f, "f1"] <= base.get(f, np.nan)]
    detail = "; ".join(f"{f} {mine.loc[f, 'f1']:.2f} vs {base.get(f):.2f}" for f in mine.index)
    return (f"Validity (any cue hit in an article, NFC, F1 vs always-present): {detail}. "
            + (f"Does NOT beat the baseline: {', '.join(below)}" if below else
               "Every frame beats the baseline"))


def shares_reading(table: pd.DataFrame) -> str:
    """A reading of :func:`article_frame_shares`: the largest outlet x frame share among frames
    that beat their baseline, and the frames not to be read at all.

    >>> t = pd.DataFrame({"outlet": ["A"], "frame": ["f"], "estimate": [0.5], "ci_low": [0.2],
    ...     "ci_high": [0.8], "n": [4], "n_present": [2], "validity": ["F1 0.9 vs 0.5"]})
    >>> shares_reading(t).startswith("The largest article-level share is f in A: 2 of 4")
    True
    """
    below = table["validity"].astype(str).str.contains("NOT beat")
    names = sorted(set(table.loc[below, "frame"]))
    warning = (f" {', '.join(names)}: the detector does not beat 'always present' on gold "
               "data, so its shares are not evidence." if names else "")
    valid = table[~below]
    if valid.empty or not valid["n_present"].sum():
        return "No validated frame is present in any article." + warning
    top = valid.sort_values(["estimate", "n"], ascending=False).iloc[0]
    tied = valid[valid["estimate"] == top["estimate"]]
    if len(tied) > 1:
        return _tied_text(tied) + " Read the evidence sentences before the chart." + warning
    return (f"The largest article-level share is {top['frame']} in {top['outlet']}: "
            f"{int(top['n_present']):,} of {int(top['n']):,} articles ({top['estimate']:.0%}, 95% CI "
            f"{top['ci_low']:.0%}–{top['ci_high']:.0%}{_runner_up(valid, top)}). Read the "
            "evidence sentences before the chart." + warning)


def _tied_text(tied: pd.DataFrame, shown: int = 3) -> str:
    """The largest share held by several outlet x frame cells, said once: each cell with its
    counts (the first ``shown``, most articles first), none ranked first. It read "shared by 2
    cells, among them conflict in Politico ... next for this frame: Washington Post ... inside
    its interval, so the data do not rank Politico first", the tie told twice.

    >>> t = pd.DataFrame({"outlet": ["P", "W"], "frame": ["conflict"] * 2, "estimate": [1.0, 1.0],
    ...                   "n": [50, 50], "n_present": [50, 50]})
    >>> _tied_text(t)
    'The largest article-level share, 100%, is shared by 2 outlet x frame cells: conflict in P (50 of 50 articles) and conflict in W (50 of 50), so the data rank neither first.'
    """
    rows = tied.sort_values(["n", "outlet", "frame"], ascending=[False, True, True])
    cells = [f"{r['frame']} in {r['outlet']} ({int(r['n_present']):,} of {int(r['n']):,}"
             + (" articles)" if i == 0 else ")") for i, (_, r) in enumerate(rows.head(shown).iterrows())]
    among = ", among them" if len(rows) > shown else ""
    listed = cells[0] if len(cells) == 1 else ", ".join(cells[:-1]) + " and " + cells[-1]
    return (f"The largest article-level share, {rows['estimate'].iloc[0]:.0%}, is shared by "
            f"{len(rows)} outlet x frame cells{among}: {listed}, so the data rank "
            f"{'neither' if len(rows) == 2 else 'none of them'} first.")


def _runner_up(valid: pd.DataFrame, top: pd.Series) -> str:
    """"; next for this frame: <outlet>, k of n (x%), inside / below its interval", or ""
    when no other outlet has the frame's share."""
    others = valid[(valid["frame"] == top["frame"]) & (valid["outlet"] != top["outlet"])]
    others = others.dropna(subset=["estimate"])
    if others.empty:
        return ""
    nxt = others.sort_values(["estimate", "n"], ascending=False).iloc[0]
    inside = nxt["estimate"] >= top["ci_low"]
    return (f"; next for this frame: {nxt['outlet']}, {int(nxt['n_present']):,} of "
            f"{int(nxt['n']):,} ({nxt['estimate']:.0%}), "
            + (f"inside its interval, so the data do not rank {top['outlet']} first" if inside
               else "below its interval"))
