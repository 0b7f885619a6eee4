"""Validate the sentence splitter against hand-made gold boundaries.

Gold: ``data/gold/sentences_gold.jsonl`` (one record per text, see ``sentences_gold.md``):

- ``dataset="bundled"``: every sentence of the five cleaned articles of the bundled corpus,
  segmented by reading the text (records carry no text: it is the cleaned corpus text, and
  the validator checks that the gold sentences still tile it);
- ``dataset="hard_cases"``: short texts with the known traps of news text ("Dec. 27",
  "U.S.", "Mr.", "a.m.", "Jr.", sentences ending inside quotation marks, ellipses, initials,
  decimals), each with its text;
- ``dataset="polnear_dev*"``: 17 PolNeAR dev articles (7 publishers), stored as offsets plus
  the SHA-256 of the text, since PolNeAR is never copied into the repository. Rows for them
  say "gold text not available" when PolNeAR is absent.

``split`` says how each set relates to tuning: "dev" = the splitter was tuned on it (its score
is optimistic), "test" = never tuned on. See ``data/gold/sentences_gold.md``.

Metrics per dataset and engine: boundary precision, recall and F1 over the *sentence-internal*
boundaries of each paragraph (paragraph ends are given by line breaks, so counting them would
flatter every engine), and the share of gold sentences reproduced exactly.

>>> from newsprism.corpus.text_validation import boundary_scores
>>> boundary_scores(gold=[(0, 5), (6, 10)], predicted=[(0, 10)])["boundary_recall"]
0.0
>>> table = validate_sentences()
>>> f1 = table.query("engine == 'punkt-news' and metric == 'boundary_f1'")
>>> {"bundled", "hard_cases"} <= set(f1["dataset"])
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from newsprism.core import paths
from newsprism.core.text import split_paragraphs, split_sentences

GOLD_FILE = paths.GOLD / "sentences_gold.jsonl"
COLUMNS = ["measure", "dataset", "split", "engine", "metric", "value", "n", "reference",
           "status"]
# How each gold set relates to tuning: "dev" = the splitter was tuned on it; "test" = never.
SPLITS = {"hard_cases": "dev", "bundled": "test", "polnear_dev": "dev", "polnear_dev_holdout": "dev", "polnear_dev_holdout2": "test"}
METRICS = ["boundary_precision", "boundary_recall", "boundary_f1", "exact_sentence_match"]

# A naive baseline: a boundary after . ! ? (and a closing quote) before a capital letter.
_NAIVE = re.compile(r"(?<=[.!?])([\"”’')]?)\s+(?=[\"“‘(]?[A-Z0-9])")


def naive_split(text: str) -> list[tuple[int, int]]:
    """Baseline splitter without any abbreviation knowledge (for comparison only).

    >>> text = "On Dec. 27 Kim wrote."
    >>> [text[s:e] for s, e in naive_split(text)]
    ['On Dec.', '27 Kim wrote.']
    """
    spans = []
    for p_start, p_end in split_paragraphs(text):
        start = p_start
        for match in _NAIVE.finditer(text, p_start, p_end):
            end = match.start() + len(match.group(1))
            spans.append((start, end))
            start = match.end()
        spans.append((start, p_end))
    return spans


def textblob_split(text: str) -> list[tuple[int, int]]:
    """TextBlob's sentences (NLTK Punkt with the package's news parameters), per paragraph."""
    from textblob import TextBlob

    spans = []
    for p_start, p_end in split_paragraphs(text):
        for sentence in TextBlob(text[p_start:p_end]).sentences:
            spans.append((p_start + sentence.start, p_start + sentence.end))
    return spans


ENGINES: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "punkt-news": split_sentences,
    "textblob": textblob_split,
    "regex-baseline": naive_split,
}


def load_gold(path: Path = GOLD_FILE) -> list[dict]:
    """Gold records: dataset, article_id, sentences, and text (hard cases only)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Character spans of the gold sentences in ``text``; ValueError if they do not tile it.

    >>> gold_spans("A b. C d.", ["A b.", "C d."])
    [(0, 4), (5, 9)]
    """
    spans, position = [], 0
    for sentence in sentences:
        start = text.find(sentence, position)
        if start < 0 or text[position:start].strip():
            raise ValueError(f"gold sentence not found where expected: {sentence[:60]!r}")
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    if text[position:].strip():
        raise ValueError(f"text after the last gold sentence: {text[position:position + 60]!r}")
    return spans


def _internal_boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """End offsets of sentences followed by another sentence in the same paragraph."""
    boundaries = set()
    for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        if "\n" not in text[end:next_start]:
            boundaries.add(end)
    return boundaries


def boundary_scores(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
                    text: str = "") -> dict[str, float]:
    """Precision, recall, F1 of internal boundaries and the exact-match share of sentences."""
    scores = count_matches(gold, predicted, text)
    return _ratios(scores)


def count_matches(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
                  text: str = "") -> dict[str, int]:
    gold_b = _internal_boundaries(text, gold)
    pred_b = _internal_boundaries(text, predicted)
    return {"tp": len(gold_b & pred_b), "n_pred": len(pred_b), "n_gold": len(gold_b),
            "exact": len(set(gold) & set(predicted)), "n_sentences": len(gold)}


def _ratios(c: dict[str, int]) -> dict[str, float]:
    precision = c["tp"] / c["n_pred"] if c["n_pred"] else 1.0
    recall = c["tp"] / c["n_gold"] if c["n_gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"boundary_precision": precision, "boundary_recall": recall, "boundary_f1": f1,
            "exact_sentence_match": c["exact"] / c["n_sentences"] if c["n_sentences"] else 1.0}


def _external_text(record: dict) -> str | None:
    """Text of a gold record stored as offsets into an external file (PolNeAR), or None."""
    source = Path(record["source"])
    if source.parts[0] != "polnear":
        return None
    file = paths.POLNEAR.joinpath(*source.parts[1:])
    if not file.is_file():
        return None
    text = file.read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["sha256"]:
        raise ValueError(f"{file} changed since the gold was made (SHA-256 differs)")
    return text


def _gold_texts(records: list[dict]) -> tuple[list[tuple[str, str, str, list]], list[str]]:
    """([(dataset, article_id, text, gold spans)], datasets whose texts are unavailable).

    Records carry either ``sentences`` (strings; the text is the record's ``text`` or, for the
    bundled corpus, the cleaned article) or ``spans`` into an external ``source`` file that is
    not copied into the repository (PolNeAR).
    """
    from newsprism.corpus.readers import load_corpus

    bundled = None
    out, unavailable = [], []
    for record in records:
        if "spans" in record:
            text = _external_text(record)
            if text is None:
                unavailable.append(record["dataset"])
                continue
            spans = [tuple(span) for span in record["spans"]]
        else:
            text = record.get("text")
            if text is None:
                if bundled is None:
                    bundled = load_corpus().articles.set_index("article_id")["text"]
                text = bundled.get(record["article_id"])
                if text is None:
                    raise ValueError(f"gold article {record['article_id']!r} not in the corpus")
            spans = gold_spans(text, record["sentences"])
        out.append((record["dataset"], record["article_id"], text, spans))
    return out, sorted(set(unavailable))


def sentence_errors(engine: str = "punkt-news", path: Path = GOLD_FILE) -> pd.DataFrame:
    """Every disagreement with the gold: missed and spurious boundaries, with context.

    >>> sentence_errors().columns.tolist()
    ['dataset', 'article_id', 'kind', 'offset', 'context']
    """
    rows = []
    split = ENGINES[engine]
    for dataset, article_id, text, spans in _gold_texts(load_gold(path))[0]:
        gold = _internal_boundaries(text, spans)
        predicted = _internal_boundaries(text, split(text))
        for kind, offsets in (("missed", gold - predicted), ("spurious", predicted - gold)):
            for offset in sorted(offsets):
                context = text[max(0, offset - 40):offset] + " ‖ " + text[offset:offset + 40]
                rows.append({"dataset": dataset, "article_id": article_id, "kind": kind,
                             "offset": offset, "context": context.replace("\n", " ")})
    return pd.DataFrame(rows, columns=["dataset", "article_id", "kind", "offset", "context"])


def validate_sentences(quick: bool = False, path: Path = GOLD_FILE) -> pd.DataFrame:
    """Sentence-splitter validity against the gold file (the ``sentences`` validator).

    ``quick`` changes nothing here: the gold set is small enough to run in full.

    >>> table = validate_sentences()
    >>> sorted(table["dataset"].unique())[:2]
    ['bundled', 'hard_cases']
    >>> row = table.query("dataset == 'hard_cases' and engine == 'punkt-news' "
    ...                   "and metric == 'boundary_f1'")
    >>> 0.0 <= float(row["value"].iloc[0]) <= 1.0
    True
    """
    reference = ("hand-made gold, data/gold/sentences_gold.jsonl; boundaries = sentence-internal"
                 " boundaries within paragraphs; n = gold boundaries (sentences for exact match)")
    if not path.is_file():
        return pd.DataFrame([{"measure": "sentences", "dataset": "", "split": "", "engine": "",
                              "metric": "", "value": float("nan"), "n": 0,
                              "reference": str(path), "status": f"gold not found: {path}"}],
                            columns=COLUMNS)
    try:
        texts, unavailable = _gold_texts(load_gold(path))
        spans = [(dataset, text, gold) for dataset, _, text, gold in texts]
    except ValueError as error:
        return pd.DataFrame([{"measure": "sentences", "dataset": "", "split": "", "engine": "",
                              "metric": "", "value": float("nan"), "n": 0,
                              "reference": reference, "status": f"gold out of date: {error}"}],
                            columns=COLUMNS)
    rows = []
    for engine, split in ENGINES.items():
        totals: dict[str, dict[str, int]] = {}
        for dataset, text, gold in spans:
            counts = count_matches(gold, split(text), text)
            total = totals.setdefault(dataset, dict.fromkeys(counts, 0))
            for key, value in counts.items():
                total[key] += value
        for dataset, total in totals.items():
            for metric, value in _ratios(total).items():
                n = total["n_sentences"] if metric == "exact_sentence_match" else total["n_gold"]
                rows.append({"measure": "sentences", "dataset": dataset,
                             "split": SPLITS.get(dataset, "test"), "engine": engine,
                             "metric": metric, "value": round(value, 4), "n": n,
                             "reference": reference, "status": "ok"})
    for dataset in unavailable:
        rows.append({"measure": "sentences", "dataset": dataset, "split": SPLITS.get(dataset, ""),
                     "engine": "", "metric": "", "value": float("nan"), "n": 0,
                     "reference": reference, "status": "gold text not available (PolNeAR "
                     "missing next to the repository)"})
    return pd.DataFrame(rows, columns=COLUMNS)
