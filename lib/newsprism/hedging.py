"""Hedges and boosters (Hyland 2005) per outlet, per 1,000 words, with exact Poisson CIs.

Word lists: ``data/codebooks/hedging.yml`` (sources and changes documented there). By default
only the writer's own voice is counted: sentences marked ``voice == "quoted"`` in the
sentences table (when that column exists) and text inside quotation marks are skipped, since a
hedge inside a quotation is the speaker's, not the outlet's.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
...                      "text": ["It may perhaps matter. It clearly does. Crowds filled May Day Stadium."]})
>>> find_hedges(arts)[["kind", "marker"]].values.tolist()
[['hedge', 'may'], ['hedge', 'perhaps'], ['booster', 'clearly']]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
from scipy.stats import chi2

from newsprism import paths
from newsprism.text import count_words, sentences_in_articles
from newsprism.yaml_io import load_yaml_file

HEDGING_CODEBOOK = paths.CODEBOOKS / "hedging.yml"
MARKER_COLUMNS = ["article_id", "outlet", "sentence_id", "kind", "marker", "start", "end",
                  "sentence"]
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


@lru_cache(maxsize=4)
def load_hedging_codebook(path: str | None = None) -> dict[str, re.Pattern]:
    """One compiled alternation per kind ("hedge", "booster"), longest phrases first."""
    data = load_yaml_file(path or HEDGING_CODEBOOK)
    patterns = {}
    for kind, key in (("hedge", "hedges"), ("booster", "boosters")):
        words = sorted({w.strip().lower() for w in data[key]}, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
                               for w in words)
        patterns[kind] = re.compile(rf"(?<![\w'\u2019-])(?:{alternation})(?![\w'\u2019-])",
                                    re.IGNORECASE)
    return patterns


def _masked(body: str) -> str:
    """The sentence with quoted stretches blanked out (same length, so offsets hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), body)


def find_hedges(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                voice: str = "author", codebook: str | Path | None = None) -> pd.DataFrame:
    """Every hedge and booster found, one row each with its sentence and offsets.

    ``voice="author"`` skips quoted sentences and quoted stretches; ``voice="all"`` counts all.
    A capitalised match in mid-sentence ("May Day") is taken for a proper noun and skipped.
    """
    patterns = load_hedging_codebook(str(codebook) if codebook else None)
    rows = []
    for sent, outlet, body in sentences_in_articles(articles, sentences):
        if voice == "author" and getattr(sent, "voice", "author") == "quoted":
            continue
        searchable = _masked(body) if voice == "author" else body
        first_word = re.search(r"\w", body)
        for kind, pattern in patterns.items():
            for match in pattern.finditer(searchable):
                s, e = match.span()
                if body[s].isupper() and first_word is not None and s != first_word.start():
                    continue
                rows.append((sent.article_id, outlet, sent.sentence_id, kind,
                             match.group(0).lower(), sent.start + s, sent.start + e, body))
    table = pd.DataFrame(rows, columns=MARKER_COLUMNS)
    return table.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def voice_word_counts(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                      voice: str = "author") -> pd.Series:
    """Words per article in the given voice (the exposure of a per-1,000-words rate).

    ``voice="author"`` counts words outside quoted sentences and outside quotation marks,
    matching what :func:`find_hedges` searches; ``voice="all"`` counts every word.
    """
    if voice != "author":
        return pd.Series({a: count_words(t) for a, t in
                          zip(articles["article_id"], articles["text"], strict=True)})
    counts = dict.fromkeys(articles["article_id"], 0)
    for sent, _, body in sentences_in_articles(articles, sentences):
        if getattr(sent, "voice", "author") != "quoted":
            counts[sent.article_id] += count_words(_masked(body))
    return pd.Series(counts, dtype=int)


def poisson_rate_ci(count: int, exposure: float, level: float = 0.95,
                    per: float = 1000.0) -> tuple[float, float]:
    """Exact (Garwood) confidence interval of a Poisson rate ``count / exposure × per``.

    >>> [round(float(x), 2) for x in poisson_rate_ci(10, 1000)]
    [4.8, 18.39]
    """
    alpha = 1 - level
    low = 0.0 if count == 0 else chi2.ppf(alpha / 2, 2 * count) / 2
    high = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    return float(per * low / exposure), float(per * high / exposure)


def hedging_rates(articles: pd.DataFrame, markers: pd.DataFrame | None = None,
                  sentences: pd.DataFrame | None = None, voice: str = "author") -> pd.DataFrame:
    """Hedges and boosters per 1,000 words per outlet, with 95% exact Poisson CIs.

    Rates are pooled over the outlet's words in that voice (so duplicating an outlet's articles leaves them
    unchanged). Columns: outlet, kind, count, words, n_articles, per_1k_words, ci_low, ci_high,
    top_markers.
    """
    if markers is None:
        markers = find_hedges(articles, sentences=sentences, voice=voice)
    per_article = voice_word_counts(articles, sentences=sentences, voice=voice)
    words = per_article.groupby(articles.set_index("article_id")["outlet"]).sum()
    n_articles = articles.groupby("outlet").size()
    rows = []
    for outlet in n_articles.index:
        for kind in ("hedge", "booster"):
            hits = markers[(markers["outlet"] == outlet) & (markers["kind"] == kind)]
            low, high = poisson_rate_ci(len(hits), max(int(words[outlet]), 1))
            rows.append({
                "outlet": outlet, "kind": kind, "count": len(hits), "words": int(words[outlet]),
                "n_articles": int(n_articles[outlet]),
                "per_1k_words": 1000 * len(hits) / max(int(words[outlet]), 1),
                "ci_low": low, "ci_high": high,
                "top_markers": "; ".join(f"{m} ({n})" for m, n in
                                         hits["marker"].value_counts().head(4).items()),
            })
    return pd.DataFrame(rows)


def plot_hedging_rates(rates: pd.DataFrame):
    """Hedges and boosters per 1,000 words per outlet, with 95% CI error bars."""
    import matplotlib.pyplot as plt
    import numpy as np

    from newsprism.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    outlets = list(dict.fromkeys(rates["outlet"]))
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(outlets) + 1.5))
    for shift, (kind, color) in zip((-0.15, 0.15), (("hedge", "#4c72b0"), ("booster", "#dd8452")),
                                    strict=True):
        part = rates[rates["kind"] == kind].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets)) + shift
        ax.errorbar(part["per_1k_words"], y, fmt="o", color=color, label=f"{kind}s",
                    xerr=[part["per_1k_words"] - part["ci_low"],
                          part["ci_high"] - part["per_1k_words"]], capsize=3)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("per 1,000 words of the outlet's own voice (95% exact Poisson CI)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
