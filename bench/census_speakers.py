"""Census of wrong or missing speakers on PolNeAR train (issue 18): one row per matched speech
quotation with a gold Source whose predicted speaker is wrong, with its shape.

    python bench/census_speakers.py [--out rows.csv]

Shape columns: ``rule`` (the attribution rule that fired, "" when none), ``has_cue_verb`` (a cue
verb in the quote's paragraph), ``source_side`` (the gold Source before/after the quotation, or
in another paragraph), ``distance`` (characters between the quotation and the gold Source),
``source_type`` (pronoun, name, group/description). Also lists the predicted speech quotations
that match no gold quote (false positives) by shape (``fp_shape``: headline, title, scare quote,
block, full sentence, partial phrase) to ``<out>_fp.csv``. Train only: dev is never read here.
"""

from __future__ import annotations

import argparse
import re
import time

import pandas as pd
from newsprism.quotes.names import CUE_RE, SMALL_WORDS, headline_words, is_title_case
from newsprism.quotes.validation import compare_article, load_polnear

_PRON = frozenset("he she they it i we him her them his its their".split())


def _source_type(text: str) -> str:
    words = re.findall(r"[\w'\u2019.-]+", text)
    if words and all(w.lower() in _PRON for w in words):
        return "pronoun"
    if words and words[0][0].isupper() and words[0].lower() not in ("the", "a", "an"):
        return "name"
    return "group/description"


def fp_shape(text: str, start: int, end: int, form: str) -> str:
    """The shape of a predicted speech quotation that matches no gold quote: ``headline`` (on a
    title-case line), ``title`` (every word capitalised but small words), ``scare quote`` (three
    words or fewer), ``block``, ``full sentence`` or ``partial phrase``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    words = headline_words(text, start, end)
    if is_title_case(headline_words(line)):
        return "headline"
    if words and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words):
        return "title"
    if len(text[start:end].split()) <= 3:
        return "scare quote"
    return {"block": "block", "full": "full sentence"}.get(form, "partial phrase")


def false_positives(split: str = "train") -> pd.DataFrame:
    """Predicted speech quotations of ``split`` that match no gold quote, with their shape
    (:func:`fp_shape`), rule, speaker and context."""
    out = []
    for article in load_polnear(split):
        frame = compare_article(article)
        if not len(frame):
            continue
        bad = frame[(frame["kind"] == "speech") & ~frame["matched"]]
        for rec in bad.to_dict("records"):
            s, e = int(rec["pred_start"]), int(rec["pred_end"])
            out.append({"article": article.name, "shape": fp_shape(article.text, s, e,
                                                                  rec["form"]),
                        "form": rec["form"], "rule": rec["rule"], "speaker": rec["speaker"],
                        "quote": article.text[s:e][:80],
                        "before": article.text[max(0, s - 80):s].replace("\n", " | ")})
    return pd.DataFrame(out)


def census(split: str = "train") -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, errors = [], []
    for article in load_polnear(split):
        frame = compare_article(article)
        if not len(frame):
            continue
        rows.append(frame)
        text = article.text
        golds = {(g.start, g.end): g for g in article.quotes}
        bad = frame[(frame["kind"] == "speech") & frame["matched"] & frame["has_gold_source"]
                    & ~frame["speaker_ok"]]
        for rec in bad.to_dict("records"):
            g = golds[(int(rec["gold_start"]), int(rec["gold_end"]))]
            ps = text.rfind("\n", 0, g.start) + 1
            pe = text.find("\n", g.end)
            pe = len(text) if pe < 0 else pe
            fs, fe = min(g.sources)
            side = "other-paragraph" if fs < ps or fe > pe else (
                "before" if fe <= g.start else "after")
            dist = g.start - fe if fe <= g.start else max(0, fs - g.end)
            errors.append({
                "article": article.name, "rule": rec["rule"], "speaker": rec["speaker"],
                "surface": rec["speaker_surface"], "gold_source": rec["gold_source"],
                "source_type": _source_type(g.source_texts[0]),
                "source_side": side, "distance": dist,
                "has_cue_verb": bool(CUE_RE.search(text, ps, pe)),
                "missing": not isinstance(rec["speaker"], str),
                "quote": text[g.start:g.end][:80],
                "paragraph": text[ps:pe][:400],
            })
    return pd.concat(rows, ignore_index=True), pd.DataFrame(errors)


def census_table(errors: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The census by shape: gold source type x side x wrong/missing, and gold source type x the
    rule that fired ("(none)" when none did), rules by their count."""
    e = errors.assign(rule=errors["rule"].fillna("").replace("", "(none)"),
                      state=errors["missing"].map({True: "missing", False: "wrong"}))
    by_side = e.groupby(["source_type", "source_side", "state"]).size().unstack(fill_value=0)
    by_rule = pd.crosstab(e["rule"], e["source_type"])
    by_rule = by_rule.assign(all=by_rule.sum(axis=1)).sort_values("all", ascending=False)
    return by_side, by_rule


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/census_speakers.csv")
    args = parser.parse_args()
    t0 = time.perf_counter()
    rows, errors = census("train")
    speech = rows[(rows["kind"] == "speech") & rows["matched"] & rows["has_gold_source"]]
    tp = int(rows[rows["kind"] == "speech"]["matched"].sum())
    n_pred = int((rows["kind"] == "speech").sum())
    n_gold = int(rows["gold_start"].notna().sum())
    print(f"train: precision {tp / n_pred:.4f} (n={n_pred}), recall "
          f"{len(rows[rows['gold_start'].notna() & (rows['kind'] == 'speech') & rows['matched']]) / n_gold:.4f}"
          f" (n={n_gold}), speaker accuracy {speech['speaker_ok'].mean():.4f} (n={len(speech)})"
          f"  [{time.perf_counter() - t0:.0f}s]")
    errors.to_csv(args.out, index=False)
    rows.to_csv(args.out.replace(".csv", "_rows.csv"), index=False)
    print(f"{len(errors)} wrong or missing speakers -> {args.out}")
    by_side, by_rule = census_table(errors)
    print(by_side.to_string())
    print(by_rule.head(20).to_string())
    fps = false_positives("train")
    fps.to_csv(args.out.replace(".csv", "_fp.csv"), index=False)
    print(f"{len(fps)} false positives (speech matching no gold quote) by shape:")
    print(fps.groupby("shape").size().sort_values(ascending=False).to_string())


if __name__ == "__main__":
    main()
