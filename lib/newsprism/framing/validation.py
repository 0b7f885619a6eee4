"""Validate frame detection against hand-coded paragraphs of the bundled corpus.

Gold: ``data/gold/frames_gold.csv`` — every paragraph of the bundled corpus coded by a human
reader from the frame *descriptions* (columns ``story`` and ``generic``: ``;``-separated frame
ids, empty = no frame), written before the cue lists were tuned (see the README next to it).
Rows are keyed by ``article_id`` + the paragraph's first 60 characters + ``occurrence`` (the
n-th paragraph with that prefix in the article), so the gold survives changes to cleaning.

Unit: paragraph. A frame is *detected* in a paragraph when at least one non-negated cue of the
frame occurs in it. Per frame: precision (n = paragraphs detected), recall (n = gold
paragraphs), F1 (n = gold paragraphs); micro and macro averages; coverage of the gold.

>>> table = validate_frames(quick=True)
>>> set(table["measure"]) == {"frames"}
True
"""

from __future__ import annotations

import pandas as pd

from newsprism.core import paths
from newsprism.core.stats import proportion_ci
from newsprism.core.validate import VALIDATION_COLUMNS

GOLD_PATH = paths.GOLD / "frames_gold.csv"
PREFIX_CHARS = 60
DATASET = "kim_putin_letters_2026 paragraphs (hand-coded)"
# These figures are in-sample: the cues were tuned on this corpus after it was coded. They are
# never the headline; the external figure is frame presence on NFC (newsprism.framing.fit).
IN_SAMPLE = "in-sample (bundled corpus, cues tuned after coding)"
REFERENCE = "data/gold/frames_gold.csv (coded before cue tuning; see frames_gold.md)"
CODEBOOK_COLUMNS = {"story": "story", "generic": "generic"}


def load_gold(path=GOLD_PATH) -> pd.DataFrame:
    """The gold table (strings; empty cells are empty strings).

    Columns: ``article_id``, ``paragraph_id``, ``occurrence`` (int), ``text_prefix`` (first
    characters of the paragraph: the key with ``occurrence``), and one column per codebook
    with gold (``story``, ``generic``): the coder's frames, ";"-separated.

    >>> load_gold().columns.tolist()[:4]
    ['article_id', 'paragraph_id', 'occurrence', 'text_prefix']"""
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    gold["occurrence"] = gold["occurrence"].astype(int)
    return gold


def corpus_paragraphs(corpus=None) -> pd.DataFrame:
    """article_id, paragraph_id, occurrence, text_prefix, text for every paragraph of the
    (cleaned) corpus — the units the gold is keyed on.

    Columns: ``article_id``, ``paragraph_id``, ``occurrence`` (how many earlier paragraphs of
    the article share the prefix), ``text_prefix``, ``text``.

    >>> from types import SimpleNamespace
    >>> corpus = SimpleNamespace(articles=pd.DataFrame({"article_id": ["a"],
    ...                                                 "text": ["One.\\n\\nTwo."]}))
    >>> corpus_paragraphs(corpus)[["paragraph_id", "occurrence", "text"]].values.tolist()
    [[0, 0, 'One.'], [1, 0, 'Two.']]
    """
    from newsprism.core.text import split_paragraphs
    from newsprism.corpus.readers import load_corpus

    corpus = corpus if corpus is not None else load_corpus()
    rows = []
    for article_id, text in zip(corpus.articles["article_id"], corpus.articles["text"],
                                strict=True):
        seen: dict[str, int] = {}
        for paragraph_id, (start, end) in enumerate(split_paragraphs(text)):
            paragraph = text[start:end]
            prefix = paragraph[:PREFIX_CHARS]
            occurrence = seen.get(prefix, 0)
            seen[prefix] = occurrence + 1
            rows.append((article_id, paragraph_id, occurrence, prefix, paragraph))
    return pd.DataFrame(rows, columns=["article_id", "paragraph_id", "occurrence",
                                       "text_prefix", "text"])


def _split(value: str) -> set[str]:
    return {v.strip() for v in str(value).split(";") if v.strip()}


def validation_paragraphs(codebook: str = "story", gold_path=GOLD_PATH,
                          corpus=None) -> pd.DataFrame:
    """One row per gold paragraph found in the corpus: gold frames, detected frames, and the
    false positives / negatives (sets) — the table behind the precision and recall figures.

    Columns: those of :func:`corpus_paragraphs` (``article_id``, ``paragraph_id``,
    ``occurrence``, ``text_prefix``, ``text``), then ``gold``, ``detected``,
    ``false_positive``, ``false_negative`` (sets of frame ids). In-sample: the cues were
    tuned on this corpus after it was coded.

    Usage::

        table = validation_paragraphs("story")
    """
    from newsprism.framing.detect import detect_frames, load_codebook

    book = load_codebook(codebook)
    column = CODEBOOK_COLUMNS.get(book.name, book.name)
    gold = load_gold(gold_path)
    if column not in gold.columns:
        raise KeyError(f"no gold column for codebook {book.name!r} in {gold_path}")
    paragraphs = corpus_paragraphs(corpus)
    merged = paragraphs.merge(gold[["article_id", "occurrence", "text_prefix", column]],
                              on=["article_id", "text_prefix", "occurrence"], how="inner")
    hits = detect_frames(list(merged["text"]), book)
    hits = hits[~hits["negated"]]
    detected = hits.groupby("text_index")["frame"].agg(set)
    merged["gold"] = merged[column].map(_split)
    merged["detected"] = [detected.get(i, set()) for i in range(len(merged))]
    merged["false_positive"] = [d - g for d, g in zip(merged["detected"], merged["gold"],
                                                      strict=True)]
    merged["false_negative"] = [g - d for d, g in zip(merged["detected"], merged["gold"],
                                                      strict=True)]
    return merged.drop(columns=[column])


SCORE_COLUMNS = ["frame", "measure", "estimate", "ci_low", "ci_high", "n", "tp", "fp", "fn"]


def frame_scores(table: pd.DataFrame, frame_ids: list[str]) -> pd.DataFrame:
    """Per frame, three rows (``measure``): ``precision`` (n: paragraphs detected), ``recall``
    (n: gold paragraphs) with Wilson 95% intervals, and ``f1`` (n: gold paragraphs; no
    interval). Columns ``SCORE_COLUMNS``; tp, fp, fn are the frame's counts (paragraph level).

    Columns: ``frame``, ``measure``, ``estimate`` (0-1), ``ci_low``, ``ci_high``, ``n``,
    ``tp``, ``fp``, ``fn``.

    >>> table = pd.DataFrame({"gold": [{"conflict"}, set()], "detected": [{"conflict"}] * 2})
    >>> frame_scores(table, ["conflict"])[["measure", "estimate", "n"]].values.tolist()
    [['precision', 0.5, 2], ['recall', 1.0, 1], ['f1', 0.6666666666666666, 1]]
    """
    rows = []
    for frame in frame_ids:
        gold = table["gold"].map(lambda s, f=frame: f in s)
        found = table["detected"].map(lambda s, f=frame: f in s)
        tp = int((gold & found).sum())
        fp, fn = int((~gold & found).sum()), int((gold & ~found).sum())
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        f1 = (2 * precision * recall / (precision + recall)
              if tp and precision + recall else (0.0 if tp + fp + fn else float("nan")))
        counts = {"frame": frame, "tp": tp, "fp": fp, "fn": fn}
        for measure, estimate, (low, high), n in (
                ("precision", precision, proportion_ci(tp, tp + fp), tp + fp),
                ("recall", recall, proportion_ci(tp, tp + fn), tp + fn),
                ("f1", f1, (float("nan"), float("nan")), tp + fn)):
            rows.append({**counts, "measure": measure, "estimate": estimate, "ci_low": low,
                         "ci_high": high, "n": n})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def has_gold(codebook) -> bool:
    """Whether the gold file has a column for this codebook (only the shipped ones do)."""
    from newsprism.framing.detect import load_codebook

    name = load_codebook(codebook).name
    return GOLD_PATH.exists() and CODEBOOK_COLUMNS.get(name, name) in load_gold().columns


def validation_summary(codebook="story", corpus=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(scores, disagreements)`` for a codebook with gold: per-frame tp/fp/fn, precision and
    recall with Wilson 95% intervals; and every paragraph where detector and coder disagree
    (frames missed and frames added), for reading the errors. Empty tables without gold.

    Returns ``scores`` (:func:`frame_scores`' columns ``frame``, ``measure``, ``estimate``,
    ``ci_low``, ``ci_high``, ``n``, ``tp``, ``fp``, ``fn``, and ``n_paragraphs``, the
    paragraphs matched) and ``disagreements`` (``article_id``, ``paragraph_id``,
    ``missed (coder only)``, ``added (detector only)``, ``paragraph``: its first 220
    characters). In-sample figures (see the module docstring).

    Usage::

        scores, disagreements = validation_summary("story")
    """
    from newsprism.framing.detect import load_codebook

    if not has_gold(codebook):
        return pd.DataFrame(), pd.DataFrame()
    book = load_codebook(codebook)
    table = validation_paragraphs(book, corpus=corpus)
    scores = frame_scores(table, book.frame_ids)
    scores["n_paragraphs"] = len(table)
    wrong = table[(table["false_positive"].map(len) > 0) | (table["false_negative"].map(len) > 0)]
    disagreements = pd.DataFrame({
        "article_id": wrong["article_id"], "paragraph_id": wrong["paragraph_id"],
        "missed (coder only)": wrong["false_negative"].map(lambda s: ", ".join(sorted(s))),
        "added (detector only)": wrong["false_positive"].map(lambda s: ", ".join(sorted(s))),
        "paragraph": wrong["text"].str.slice(0, 220)})
    return scores, disagreements.reset_index(drop=True)


def _rows_for(codebook: str, gold_path=GOLD_PATH) -> list[dict]:
    from newsprism.framing.detect import load_codebook

    book = load_codebook(codebook)
    table = validation_paragraphs(codebook, gold_path)
    gold = load_gold(gold_path)
    scores = frame_scores(table, book.frame_ids)
    engine = f"dictionary codebook={book.name}"
    status = f"ok, {IN_SAMPLE}: not a headline figure"
    base = {"measure": "frames", "dataset": DATASET, "split": f"all paragraphs, {IN_SAMPLE}",
            "engine": engine, "reference": REFERENCE, "status": status}
    rows = [{**base, "metric": f"{s.measure}[{s.frame}]", "value": s.estimate, "n": s.n}
            for s in scores.itertuples()]
    counts = scores[scores["measure"] == "f1"]  # one row per frame
    tp, fp, fn = counts["tp"].sum(), counts["fp"].sum(), counts["fn"].sum()
    micro_p = tp / (tp + fp) if tp + fp else float("nan")
    micro_r = tp / (tp + fn) if tp + fn else float("nan")
    rows += [
        {**base, "metric": "precision[micro]", "value": micro_p, "n": int(tp + fp)},
        {**base, "metric": "recall[micro]", "value": micro_r, "n": int(tp + fn)},
        {**base, "metric": "f1[macro]", "value": float(counts["estimate"].mean()),
         "n": len(counts)},
        {**base, "metric": "paragraphs scored", "value": float(len(table)), "n": len(table)},
        {**base, "metric": "gold paragraphs matched", "value": len(table) / max(len(gold), 1),
         "n": len(gold)},
    ]
    return rows


def validate_frames(quick: bool = False) -> pd.DataFrame:
    """Per-frame precision / recall / F1 (with n) for the story codebook, and — unless
    ``quick`` — the generic codebook, on the hand-coded paragraphs of the bundled corpus.

    Columns: ``measure``, ``dataset``, ``split``, ``engine``, ``metric``, ``value`` (the
    figure: the validation schema calls its estimate ``value``), ``ci_low``, ``ci_high``,
    ``n``, ``reference``, ``status``.

    Usage::

        validate_frames(quick=True)
    """
    if not GOLD_PATH.exists():
        return pd.DataFrame([{"measure": "frames", "dataset": DATASET, "metric": "",
                              "status": f"gold missing: {GOLD_PATH}"}],
                            columns=VALIDATION_COLUMNS)
    rows = _rows_for("story")
    if not quick:
        rows += _rows_for("generic")
    return pd.DataFrame(rows, columns=VALIDATION_COLUMNS)
