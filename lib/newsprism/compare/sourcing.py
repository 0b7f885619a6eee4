"""Whom each outlet relies on: state media, intelligence and defence bodies, named and vague
attribution ("analysts say", "sources close to"), and the speakers it quotes.

Patterns live in ``newsprism/data/codebooks/sourcing.yml`` (documented there). Every match keeps its
sentence and character offsets so each rate can be shown with its evidence.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": [
...     "According to KCNA, Kim wrote. Analysts say it matters. Sources close to the army agree."]})
>>> sourcing_table(arts)[["category", "source"]].values.tolist()
[['state_media', 'KCNA'], ['vague_attribution', 'analysts say'], ['vague_attribution', 'sources close to']]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newsprism.core import paths
from newsprism.core.text import count_words, per_1k, sentence_table, sentences_in_articles
from newsprism.core.yaml_io import load_yaml_file

SOURCING_CODEBOOK = paths.CODEBOOKS / "sourcing.yml"
EVIDENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "category", "source", "cue", "start",
                    "end", "sentence"]
CATEGORY_LABELS = {"according_to": "named attribution (according to)",
                   "quoted_speaker": "quoted speakers"}
# "according to X": X runs to the next clause break; at most eight words.
_ACCORDING = re.compile(r"\baccording to (?:the |a |an )?((?:[\w'’.\-]+\s?){1,8}?)(?=[,.;:()—–]|\s-|$)",
                        re.IGNORECASE)


_START, _END = r"(?<!\w)", r"(?!\w)"  # word boundaries that also work next to punctuation


def _extended_path(name: str, extending: Path) -> Path:
    """The codebook an ``extends:`` names: beside the extending file, else a shipped one."""
    beside = extending.parent / name
    return beside if beside.exists() else paths.CODEBOOKS / name


def _merge_categories(base: dict, own: dict) -> dict:
    """``base``'s categories, each followed by ``own``'s sources of the same category (or
    replaced by them when ``own`` says ``replace: true``), then ``own``'s other categories."""
    merged = {name: dict(spec) for name, spec in base.items()}
    for name, spec in own.items():
        spec = dict(spec)
        kept = [] if spec.pop("replace", False) else merged.get(name, {}).get("sources", [])
        merged[name] = {**merged.get(name, {}), **spec,
                        "sources": [*kept, *spec.get("sources", [])]}
    return merged


def sourcing_codebook_data(path: str | Path | None = None, _depth: int = 0) -> dict:
    """The codebook at ``path`` (default: the bundled story's ``sourcing.yml``) with what it
    ``extends`` merged in: the file's ``categories`` in the order the extended file gives them.

    >>> data = sourcing_codebook_data(paths.CODEBOOKS / "sourcing_generic.yml")
    >>> list(data["categories"])
    ['state_media', 'intelligence_defence', 'vague_attribution']
    >>> [s["name"] for s in sourcing_codebook_data()["categories"]["state_media"]["sources"]][:2]
    ['KCNA', 'KCNA']
    """
    path = Path(path or SOURCING_CODEBOOK)
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
        raise ValueError(f"{path}: a sourcing codebook needs a mapping 'categories'")
    extends = data.get("extends")
    if not extends:
        return data
    if _depth > 3:
        raise ValueError(f"{path}: 'extends' goes more than 3 codebooks deep (a loop?)")
    base = sourcing_codebook_data(_extended_path(str(extends), path), _depth + 1)
    return {**data, "categories": _merge_categories(base["categories"], data["categories"])}


@lru_cache(maxsize=4)
def load_sourcing_codebook(path: str | Path | None = None) -> list[tuple[str, str, re.Pattern]]:
    """(category, source name, compiled pattern) for every pattern of the codebook."""
    data = sourcing_codebook_data(path)
    compiled = []
    for category, spec in data["categories"].items():
        for source in spec["sources"]:
            for pattern in source.get("patterns", []):
                compiled.append((category, source["name"],
                                 re.compile(_START + pattern + _END, re.IGNORECASE)))
            for pattern in source.get("exact", []):
                compiled.append((category, source["name"], re.compile(_START + pattern + _END)))
    return compiled


@lru_cache(maxsize=4)
def _any_source(patterns: tuple[tuple[str, str, re.Pattern], ...]) -> re.Pattern:
    """One pattern that matches where any codebook pattern (or "according to") does. The word
    boundary is tested once, before the alternatives, so positions inside words cost little."""
    inner = [p.pattern[len(_START):-len(_END)] for _, _, p in patterns]
    flags = ["i" if p.flags & re.IGNORECASE else "" for _, _, p in patterns]
    alternatives = [f"(?{f}:{body})" if f else f"(?:{body})" for f, body in zip(flags, inner,
                                                                               strict=True)]
    return re.compile(_START + "(?:" + "|".join([*alternatives, "(?i:according to)"]) + ")"
                      + _END)


def category_examples(path: str | Path | None = None) -> dict[str, str]:
    """The ``examples`` a codebook's categories give for readers (``"KCNA, TASS..."``), by
    category; the generic codebook gives none (it names no source).

    >>> category_examples()["state_media"], category_examples(paths.CODEBOOKS / "sourcing_generic.yml")
    ('KCNA, TASS...', {})
    """
    data = sourcing_codebook_data(path)
    return {name: str(spec["examples"]) for name, spec in data["categories"].items()
            if spec.get("examples")}


def category_labels(path: str | Path | None = None) -> dict[str, str]:
    """Human-readable label of each sourcing category."""
    data = sourcing_codebook_data(path)
    labels = {name: spec.get("label", name) for name, spec in data["categories"].items()}
    return {**labels, **CATEGORY_LABELS}


def _sentences(articles: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    if sentences is None or sentences.empty or "start" not in sentences:
        return sentence_table(articles)
    return sentences


def sourcing_table(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                   quotes: pd.DataFrame | None = None,
                   codebook: str | Path | None = None) -> pd.DataFrame:
    """Every attribution found, one row each, with its category, source, cue and sentence.

    Categories: those of the codebook (state_media, intelligence_defence, vague_attribution),
    ``according_to`` (a named source not in the codebook) and ``quoted_speaker`` (speakers of
    the quotes table, when given). Offsets index the article text.

    Columns: ``article_id``, ``outlet``, ``sentence_id``; ``category``; ``source`` (the
    codebook's name for it, or the name found); ``cue`` (the text matched); ``start``, ``end``
    (offsets of the cue); ``sentence``. English cues; a source named without a cue the codebook
    knows is not found.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
    ...     "text": ["KCNA said the letter was warm. According to Mr Lee, it was cold."]})
    >>> sourcing_table(arts)[["category", "source", "cue"]].values.tolist()
    [['state_media', 'KCNA', 'KCNA'], ['according_to', 'Mr Lee', 'According to Mr Lee']]
    """
    patterns = load_sourcing_codebook(str(codebook) if codebook else None)
    # Most sentences attribute nothing: one combined search skips them before the
    # per-pattern passes (which keep the codebook order that decides overlaps).
    any_source = _any_source(tuple(patterns))
    sents = _sentences(articles, sentences)
    rows = []
    for sent, outlet_name, body in sentences_in_articles(articles, sents):
        if not any_source.search(body):
            continue
        taken: list[tuple[int, int]] = []
        for category, source, pattern in patterns:
            for match in pattern.finditer(body):
                s, e = match.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                rows.append((sent.article_id, outlet_name, sent.sentence_id,
                             category, source, match.group(0), sent.start + s, sent.start + e,
                             body))
        for match in _ACCORDING.finditer(body):
            s, e = match.span(1)
            if any(s < te and ts < e for ts, te in taken):
                continue  # "according to KCNA" is already counted as state media
            name = match.group(1).strip().rstrip(".")
            rows.append((sent.article_id, outlet_name, sent.sentence_id,
                         "according_to", name, match.group(0), sent.start + match.start(),
                         sent.start + e, body))
    table = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    # "Korean Central News Agency (KCNA)" is one attribution, not two.
    table = table.drop_duplicates(["article_id", "sentence_id", "category", "source"])
    if quotes is not None and len(quotes) and "speaker" in quotes:
        outlet = dict(zip(articles["article_id"], articles["outlet"], strict=True))
        table = pd.concat([table, _quoted_speakers(quotes, sents, outlet)], ignore_index=True)
    return table.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _quoted_speakers(quotes: pd.DataFrame, sents: pd.DataFrame,
                     outlet: dict[str, str]) -> pd.DataFrame:
    speech = quotes
    if "kind" in quotes:
        speech = quotes[quotes["kind"].fillna("speech") == "speech"]
    speech = speech[speech["speaker"].fillna("").astype(str).str.strip() != ""]
    # The sentence holding each quote's start: the last one of its article starting at or
    # before it (an as-of join instead of filtering the sentence table once per quote).
    left = speech[["article_id", "start", "end", "speaker"]].assign(
        cue=speech["cue"].fillna("") if "cue" in speech else "", _order=range(len(speech)))
    left = left.astype({"article_id": str, "start": "int64"}).sort_values("start")
    right = (sents[["article_id", "start", "sentence_id", "text"]]
             .astype({"article_id": str, "start": "int64"})
             .rename(columns={"start": "_sentence_start"}).sort_values("_sentence_start"))
    found = pd.merge_asof(left, right, left_on="start", right_on="_sentence_start",
                          by="article_id", direction="backward").sort_values("_order")
    rows = [(q.article_id, outlet.get(q.article_id, ""),
             None if pd.isna(q.sentence_id) else int(q.sentence_id), "quoted_speaker",
             q.speaker, q.cue or "", q.start, q.end, "" if pd.isna(q.text) else q.text)
            for q in found.itertuples(index=False)]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def sourcing_rates(evidence: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and category: count, rate per 1,000 words (95% CI resampling the outlet's
    articles, :func:`newsprism.compare.rate_intervals.article_rate_ci`), p_value against the
    other outlets resampling articles (:func:`newsprism.compare.rate_intervals.article_rate_p`;
    NaN for a one-article outlet), share of articles, top sources.

    The rate is pooled (attributions / words of the outlet × 1,000), so an outlet with more or
    longer articles is not favoured; ``article_share`` is the share of its articles with at
    least one such attribution.

    Columns: ``outlet``, ``category``, ``count`` (attributions), ``n`` (words of the outlet:
    the exposure, not articles), ``estimate`` (per 1,000 words), ``ci_low``, ``ci_high``
    (95%), ``p_value``, ``article_share`` (0-1), ``n_articles``, ``top_sources`` ("source
    (count)", "; "-separated). Every category gets a row per outlet, zero included.
    With one article per outlet the interval is exact Poisson and wide.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...     "text": ["KCNA said the letter was warm.", "Nobody said anything."]})
    >>> rates = sourcing_rates(sourcing_table(arts), arts)
    >>> rates[rates["category"] == "state_media"][["outlet", "count", "n"]].values.tolist()
    [['A', 1, 6], ['B', 0, 3]]
    """
    from newsprism.compare.rate_intervals import article_rate_ci, article_rate_p

    per_article = articles.assign(n=articles["text"].map(count_words))
    all_words = per_article.set_index("article_id")["n"]
    outlet_of = per_article.set_index("article_id")["outlet"]
    words = per_article.groupby("outlet")["n"].sum()
    n_articles = articles.groupby("outlet").size()
    categories = sorted(set(evidence["category"]) | {"state_media", "intelligence_defence",
                                                       "vague_attribution"})
    rows = []
    for outlet in n_articles.index:
        mine = evidence[evidence["outlet"] == outlet]
        exposure = per_article[per_article["outlet"] == outlet].set_index("article_id")["n"]
        for category in categories:
            hits = mine[mine["category"] == category]
            top = hits["source"].value_counts().head(3)
            rows.append({
                "outlet": outlet, "category": category, "count": len(hits),
                "n": int(words[outlet]), "estimate": per_1k(len(hits), int(words[outlet])),
                **dict(zip(("ci_low", "ci_high"), article_rate_ci(hits, exposure),
                           strict=True)),
                "p_value": article_rate_p(evidence[evidence["category"] == category],
                                          all_words, outlet_of, outlet),
                "article_share": hits["article_id"].nunique() / n_articles[outlet],
                "n_articles": int(n_articles[outlet]),
                "top_sources": "; ".join(f"{name} ({n})" for name, n in top.items()),
            })
    return pd.DataFrame(rows)


def plot_sourcing_rates(rates: pd.DataFrame, categories: list[str] | None = None):
    """Grouped horizontal bars: attributions per 1,000 words, per outlet and category."""
    import matplotlib.pyplot as plt
    import numpy as np

    from newsprism.viz.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    categories = categories or [c for c in ("state_media", "intelligence_defence",
                                            "vague_attribution", "according_to",
                                            "quoted_speaker") if c in set(rates["category"])]
    outlets = list(dict.fromkeys(rates["outlet"]))
    labels = category_labels()
    fig, ax = plt.subplots(figsize=(9.5, 0.7 * len(outlets) + 1.6))
    height = 0.8 / max(len(categories), 1)
    for k, category in enumerate(categories):
        part = rates[rates["category"] == category].set_index("outlet").reindex(outlets)
        ax.barh(np.arange(len(outlets)) + k * height, part["estimate"].fillna(0),
                height=height, label=labels.get(category, category))
    ax.set_yticks(np.arange(len(outlets)) + 0.4 - height / 2, outlets, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("attributions per 1,000 words")
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig
