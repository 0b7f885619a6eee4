"""Frame prevalence per outlet, tests, co-occurrence, dominant frames and KWIC evidence.

All functions take the tidy tables of ``newsprism.pipeline.annotate`` (``articles``, ``sentences``,
``frames``) and return tidy DataFrames. Negated hits are left out unless
``include_negated=True``; ``voice="author"`` / ``"quoted"`` restricts to one voice.

Units and uncertainty:

- *share of sentences*: sentences with at least one hit of the frame / sentences of the
  outlet;
- *hits per 1,000 words*: hits / words × 1,000 over the outlet's sentences;
- both with a percentile bootstrap 95% interval that resamples whole ARTICLES (cluster
  bootstrap, :func:`newsprism.core.stats.cluster_ratio_ci`, ratio of sums): sentences of one
  article are not independent. An outlet with fewer than
  :data:`~newsprism.core.stats.MIN_ARTICLES` articles gets no interval (the bundled corpus
  has one article per outlet); ``resample="sentence"`` draws sentences instead,
  an interval of variation *within* the outlet's articles only.

>>> import pandas as pd
>>> sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
...                           "text": ["War now.", "Peace.", "No war."]})
>>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"]})
>>> frames = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "frame": ["conflict"],
...                        "cue": ["war"], "start": [0], "end": [3], "negated": [False]})
>>> table = frame_prevalence(sentences, frames, articles)
>>> table[table["measure"] == "share_of_sentences"][["outlet", "n", "estimate"]].values.tolist()
[['A', 2, 0.5], ['B', 1, 0.0]]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newsprism.core.stats import (
    MIN_ARTICLES,
    N_BOOT,
    benjamini_hochberg,
    cluster_ratio_ci,
    enough_articles,
)
from newsprism.core.text import count_words, per_1k

PREVALENCE_COLUMNS = ["outlet", "frame", "measure", "estimate", "ci_low", "ci_high", "n",
                      "n_articles", "n_sentences", "n_with_frame", "hits", "n_words", "resample"]
# The two estimates of a prevalence cell, one row each: name -> what ``n`` counts.
PREVALENCE_MEASURES = {"share_of_sentences": "n_sentences", "per_1000_words": "n_words"}
TEST_COLUMNS = ["frame", "test", "statistic", "dof", "p_value", "p_monte_carlo", "q_value",
                "min_expected", "n_sentences", "n_articles", "n_outlets", "caveat"]
SMALL_N_CAVEAT = ("expected count < 5 in some cell: the asymptotic chi-square p is unreliable; "
                  "read the Monte Carlo p (outlet labels permuted over articles)")
ONE_ARTICLE_CAVEAT = ("one article per outlet: the test compares outlets' articles (with the "
                      "frame against without), so there is nothing to test")


def _kept_hits(frames: pd.DataFrame, include_negated: bool = False,
               voice: str | None = None) -> pd.DataFrame:
    if frames is None or frames.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "frame", "cue", "start", "end"])
    kept = frames
    if not include_negated and "negated" in kept.columns:
        kept = kept[~kept["negated"].astype(bool)]
    if voice is not None and "voice" in kept.columns:
        kept = kept[kept["voice"] == voice]
    return kept


def _sentence_base(sentences: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    base = sentences[["article_id", "sentence_id", "text"]].copy()
    base["n_words"] = base["text"].map(count_words)
    return base.merge(articles[["article_id", by]], on="article_id", how="inner")


NO_INTERVAL = f"none (fewer than {MIN_ARTICLES} articles)"


def frame_prevalence(sentences: pd.DataFrame, frames: pd.DataFrame, articles: pd.DataFrame,
                     frame_ids: Iterable[str] | None = None, by: str = "outlet",
                     include_negated: bool = False, voice: str | None = None,
                     n_boot: int = N_BOOT, seed: int = 0, resample: str = "auto") -> pd.DataFrame:
    """Two rows per outlet × frame, one per ``measure``: ``share_of_sentences`` (sentences with
    the frame / sentences) and ``per_1000_words`` (hits per 1,000 words), each an ``estimate``
    with a bootstrap 95% interval ``ci_low``, ``ci_high`` and ``n`` (sentences for the share,
    words for the rate). Columns ``PREVALENCE_COLUMNS``; ``outlet`` is the ``by`` column's
    value; ``n_articles``, ``n_sentences``, ``n_with_frame``, ``hits`` and ``n_words`` are the
    cell's counts (the same on both rows).

    ``resample``: "auto" or "article" (the default: a cluster bootstrap,
    :func:`newsprism.core.stats.cluster_ratio_ci`, whole articles drawn, since sentences of one
    article are alike; an outlet with fewer than
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles gets no interval, NaN, and
    ``resample`` reads :data:`NO_INTERVAL`), or "sentence" (each sentence drawn on its own: the
    interval then describes variation within the outlet's articles, not its coverage). The
    unit used is in the ``resample`` column.

    Columns (``PREVALENCE_COLUMNS``): ``outlet``, ``frame``, ``measure``, ``estimate`` (a
    share 0-1, or hits per 1,000 words), ``ci_low``, ``ci_high``, ``n``, ``n_articles``,
    ``n_sentences``, ``n_with_frame``, ``hits``, ``n_words``, ``resample``. A cue hit is
    not a coder's frame judgement: see the frame validation before reading a difference.

    >>> sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...                           "text": ["War now.", "Peace talks.", "War again."]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "A"]})
    >>> frames = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0],
    ...     "frame": "conflict", "cue": "war", "start": 0, "end": 3, "negated": False})
    >>> table = frame_prevalence(sentences, frames, articles)
    >>> table[["measure", "estimate", "n", "n_articles", "resample"]].round(3).values.tolist()
    [['share_of_sentences', 0.667, 3, 2, 'none (fewer than 5 articles)'], ['per_1000_words', 333.333, 6, 2, 'none (fewer than 5 articles)']]
    """
    if resample not in ("auto", "sentence", "article"):
        raise ValueError("resample must be 'auto', 'sentence' or 'article'")
    unit = "sentence" if resample == "sentence" else "article"
    base = _sentence_base(sentences, articles, by)
    hits = _kept_hits(frames, include_negated, voice)
    frame_ids = list(frame_ids) if frame_ids is not None else sorted(hits["frame"].unique())
    counts = (hits.groupby(["article_id", "sentence_id", "frame"]).size()
              .rename("hits").reset_index())
    rows = []
    for frame in frame_ids:
        per_sentence = base.merge(counts[counts["frame"] == frame].drop(columns="frame"),
                                  on=["article_id", "sentence_id"], how="left")
        per_sentence["hits"] = per_sentence["hits"].fillna(0).astype(int)
        per_sentence["has"] = (per_sentence["hits"] > 0).astype(float)
        per_sentence["one"] = 1.0
        for outlet, part in per_sentence.groupby(by, sort=True):
            rows.extend(_prevalence_rows(outlet, frame, part, unit, n_boot, seed))
    return pd.DataFrame(rows, columns=PREVALENCE_COLUMNS)


def _prevalence_rows(outlet, frame: str, part: pd.DataFrame, unit: str, n_boot: int,
                     seed: int) -> list[dict]:
    """The two measure rows of one outlet × frame cell (see :func:`frame_prevalence`)."""
    has, one = part["has"].to_numpy(float), part["one"].to_numpy(float)
    h, w = part["hits"].to_numpy(float), part["n_words"].to_numpy(float)
    n_articles = int(part["article_id"].nunique())
    # The resampling unit: the article (cluster bootstrap), or each sentence on its own.
    clusters = part["article_id"].to_numpy() if unit == "article" else np.arange(len(part))
    cell = {"n_articles": n_articles, "n_sentences": int(len(part)),
            "n_with_frame": int(has.sum()), "hits": int(h.sum()), "n_words": int(w.sum()),
            "resample": unit if unit == "sentence" or enough_articles(n_articles) else NO_INTERVAL}

    def interval(numerator, denominator, scale):
        if cell["resample"] == NO_INTERVAL:
            return (float("nan"), float("nan"))
        return cluster_ratio_ci(numerator, denominator, clusters, scale=scale, n_boot=n_boot,
                                seed=seed)

    estimates = {
        "share_of_sentences": (float(has.sum() / one.sum()) if one.sum() else float("nan"),
                               interval(has, one, 1.0)),
        "per_1000_words": (per_1k(h.sum(), w.sum()), interval(h, w, 1000.0)),
    }
    return [{"outlet": outlet, "frame": frame, "measure": measure, "estimate": estimate,
             "ci_low": low, "ci_high": high, "n": cell[PREVALENCE_MEASURES[measure]], **cell}
            for measure, (estimate, (low, high)) in estimates.items()]


def _chi2(table: np.ndarray) -> float:
    expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / table.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(expected > 0, (table - expected) ** 2 / expected, 0.0)
    return float(cells.sum())


def _chi2_many(tables: np.ndarray) -> np.ndarray:
    """Pearson chi-square of each table in a (tables, rows, cols) stack."""
    total = tables.sum(axis=(1, 2), keepdims=True)
    expected = tables.sum(2, keepdims=True) * tables.sum(1, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return cells.sum(axis=(1, 2))


def _article_table(base: pd.DataFrame, flagged: pd.DataFrame, frame: str, codes: np.ndarray,
                   n_outlets: int) -> np.ndarray:
    """Outlets x (articles with the frame, articles without); ``base`` one row per article."""
    framed = set(flagged.loc[flagged["frame"] == frame, "article_id"])
    has = base["article_id"].isin(framed).to_numpy()
    return np.array([[np.sum(has & (codes == k)), np.sum(~has & (codes == k))]
                     for k in range(n_outlets)], dtype=float)


def _test_row(table: np.ndarray, n_permutations: int, rng: np.random.Generator) -> dict:
    """Fisher's exact test (two outlets) or Pearson chi-square with its Monte Carlo p (outlet
    labels permuted over articles) of one outlets x (with, without) table."""
    from scipy import stats as sps

    expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / table.sum()
    row = {"min_expected": float(expected.min()), "caveat": ""}
    if len(table) == 2:
        odds, p = sps.fisher_exact(table)
        return {**row, "test": "fisher_exact", "statistic": float(odds), "dof": 1,
                "p_value": float(p), "p_monte_carlo": float(p)}
    statistic, p, dof, _ = sps.chi2_contingency(table, correction=False)
    # Permuting outlet labels over articles leaves each outlet's article count and the number
    # of framed articles fixed, so the framed count per outlet follows a multivariate
    # hypergeometric law: drawing it directly is the same permutation null at
    # O(permutations x outlets) instead of O(permutations x articles).
    sizes = table.sum(1).astype(np.int64)
    with_frame = rng.multivariate_hypergeometric(
        sizes, int(table[:, 0].sum()), size=n_permutations).astype(float)
    stats = _chi2_many(np.stack([with_frame, sizes - with_frame], axis=2))
    exceed = int(np.sum(stats >= _chi2(table) - 1e-12))
    return {**row, "test": "chi2", "statistic": float(statistic), "dof": int(dof),
            "p_value": float(p), "p_monte_carlo": (exceed + 1) / (n_permutations + 1),
            "caveat": SMALL_N_CAVEAT if row["min_expected"] < 5 else ""}


def frame_tests(sentences: pd.DataFrame, frames: pd.DataFrame, articles: pd.DataFrame,
                frame_ids: Iterable[str] | None = None, by: str = "outlet",
                include_negated: bool = False, n_permutations: int = 5000,
                seed: int = 0) -> pd.DataFrame:
    """Per frame: do outlets differ in the share of their ARTICLES carrying it?

    The unit is the article (with at least one sentence of the frame, or without): sentences
    of one article are not independent, and a test over sentences let one heavily framed
    article make its outlet "differ". Two outlets: Fisher's exact test on the 2×2 table of
    articles. More: Pearson chi-square on the outlets × (with, without) table, plus a Monte
    Carlo p (outlet labels permuted over articles, ``n_permutations`` times, seeded, drawn as
    multivariate hypergeometric counts) that stays valid when expected counts are small.
    ``q_value``: Benjamini–Hochberg over frames, computed on the Monte Carlo p (or Fisher's
    p). With one article per outlet there is nothing to compare an outlet's articles with:
    no test (:data:`ONE_ARTICLE_CAVEAT`). ``caveat`` states why a frame is untested or the
    small-n problem. Columns: :data:`TEST_COLUMNS` (``n_sentences`` and ``n_articles`` of the
    outlets compared).

    Columns: ``frame``; ``test`` ("fisher_exact", "chi2" or "none"); ``statistic`` (odds ratio or
    chi-square); ``dof``; ``p_value`` (Fisher's or the asymptotic chi-square p);
    ``p_monte_carlo``; ``q_value``; ``min_expected`` (smallest expected cell count);
    ``n_sentences``, ``n_articles``, ``n_outlets``; ``caveat``. A difference in articles
    carrying a cue is not a difference in framing unless the codebook's cues are valid for
    the corpus (see the frame validation).

    >>> sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...                           "text": ["War now.", "Peace talks.", "War again."]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["War now. Peace talks.", "War again."]})
    >>> frames = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...     "frame": ["conflict", "diplomacy", "conflict"], "cue": ["war", "peace", "war"],
    ...     "start": [0, 9, 0], "end": [3, 14, 3], "negated": False,
    ...     "voice": ["author", "quoted", "author"]})
    >>> frame_tests(sentences, frames, articles)[["frame", "test", "n_articles"]].values.tolist()
    [['conflict', 'none', 2], ['diplomacy', 'none', 2]]
    """
    base = _sentence_base(sentences, articles, by)
    n_sentences = len(base)
    base = base.drop_duplicates("article_id")[["article_id", by]]
    hits = _kept_hits(frames, include_negated)
    frame_ids = list(frame_ids) if frame_ids is not None else sorted(hits["frame"].unique())
    flagged = hits[["article_id", "frame"]].drop_duplicates()
    groups = base[by].astype(str).to_numpy()
    outlets = sorted(set(groups))
    codes = np.searchsorted(outlets, groups)
    rng = np.random.default_rng(seed)
    rows = []
    for frame in frame_ids:
        table = _article_table(base, flagged, frame, codes, len(outlets))
        row = {"frame": frame, "n_sentences": n_sentences, "n_articles": len(base),
               "n_outlets": len(outlets), "statistic": np.nan, "dof": np.nan,
               "p_value": np.nan, "p_monte_carlo": np.nan, "min_expected": np.nan}
        if len(outlets) >= 2 and len(base) == len(outlets):
            row.update(test="none", caveat=ONE_ARTICLE_CAVEAT)
        elif len(outlets) < 2 or table[:, 0].sum() == 0 or table[:, 1].sum() == 0:
            row.update(test="none", caveat="frame absent (or present in every article) or "
                                           "fewer than two outlets: no test")
        else:
            row.update(_test_row(table, n_permutations, rng))
        rows.append(row)
    result = pd.DataFrame(rows, columns=[c for c in TEST_COLUMNS if c != "q_value"])
    result["q_value"] = benjamini_hochberg(result["p_monte_carlo"].to_numpy(float))
    return result[TEST_COLUMNS]


def frame_cooccurrence(frames: pd.DataFrame, sentences: pd.DataFrame | None = None,
                       level: str = "sentence", frame_ids: Iterable[str] | None = None,
                       include_negated: bool = False) -> pd.DataFrame:
    """Pairs of frames found in the same unit (``level`` = "sentence" or "article").

    One row per pair (frame_a < frame_b in codebook order): ``n_units`` (all units, from
    ``sentences`` when given), ``n_a``, ``n_b``, ``n_both``, ``jaccard`` = both / either.

    Columns: ``level``, ``frame_a``, ``frame_b``, ``n_units``, ``n_a``, ``n_b`` (units with
    each frame), ``n_both``, ``jaccard`` (0-1). Counts, no interval: a pair seen in a few
    units says little.

    >>> sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...                           "text": ["War now.", "Peace talks.", "War again."]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["War now. Peace talks.", "War again."]})
    >>> frames = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...     "frame": ["conflict", "diplomacy", "conflict"], "cue": ["war", "peace", "war"],
    ...     "start": [0, 9, 0], "end": [3, 14, 3], "negated": False,
    ...     "voice": ["author", "quoted", "author"]})
    >>> frame_cooccurrence(frames, sentences, level="article")[["frame_a", "frame_b", "n_both"]
    ...                                                         ].values.tolist()
    [['conflict', 'diplomacy', 1]]
    """
    if level not in ("sentence", "article"):
        raise ValueError("level must be 'sentence' or 'article'")
    hits = _kept_hits(frames, include_negated)
    unit = ["article_id", "sentence_id"] if level == "sentence" else ["article_id"]
    frame_ids = list(frame_ids) if frame_ids is not None else sorted(hits["frame"].unique())
    sets = hits.groupby(unit)["frame"].agg(lambda s: set(s))
    if sentences is not None:
        n_units = (len(sentences) if level == "sentence"
                   else sentences["article_id"].nunique())
    else:
        n_units = len(sets)
    rows = []
    for i, a in enumerate(frame_ids):
        for b in frame_ids[i + 1:]:
            n_a = int(sum(a in s for s in sets))
            n_b = int(sum(b in s for s in sets))
            both = int(sum(a in s and b in s for s in sets))
            either = n_a + n_b - both
            rows.append({"level": level, "frame_a": a, "frame_b": b, "n_units": int(n_units),
                         "n_a": n_a, "n_b": n_b, "n_both": both,
                         "jaccard": both / either if either else np.nan})
    return pd.DataFrame(rows, columns=["level", "frame_a", "frame_b", "n_units", "n_a", "n_b",
                                       "n_both", "jaccard"])


def cooccurrence_matrix(pairs: pd.DataFrame, value: str = "n_both") -> pd.DataFrame:
    """Square frame × frame matrix of ``value`` from :func:`frame_cooccurrence` (symmetric;
    the diagonal holds each frame's unit count for ``n_both``, blank otherwise).

    Returns one column per frame, indexed by frame.

    >>> pairs = pd.DataFrame({"frame_a": ["f"], "frame_b": ["g"], "n_a": [2], "n_b": [1],
    ...                       "n_both": [1]})
    >>> cooccurrence_matrix(pairs).values.tolist()
    [[2.0, 1.0], [1.0, 1.0]]
    """
    ids = list(dict.fromkeys([*pairs["frame_a"], *pairs["frame_b"]]))
    matrix = pd.DataFrame(np.nan, index=ids, columns=ids)
    for row in pairs.itertuples(index=False):
        matrix.loc[row.frame_a, row.frame_b] = getattr(row, value)
        matrix.loc[row.frame_b, row.frame_a] = getattr(row, value)
    if value == "n_both":
        for row in pairs.itertuples(index=False):
            matrix.loc[row.frame_a, row.frame_a] = row.n_a
            matrix.loc[row.frame_b, row.frame_b] = row.n_b
    return matrix


def dominant_frames(frames: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                    include_negated: bool = False) -> pd.DataFrame:
    """The frame with most hits in each article (ties listed as ``a = b``), its hits, its
    share of the article's hits, and the runner-up. Articles without hits: "(none)".

    Columns: ``article_id``; ``outlet`` (the ``by`` column); ``dominant_frame``; ``hits``
    (its hits); ``hits_total`` (all frame hits of the article); ``share_of_hits`` (0-1, NaN
    without hits); ``runner_up``, ``runner_up_hits``. Most hits is not most important: a
    long article with many cues of one frame dominates by length.

    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["War now. Peace talks.", "War again."]})
    >>> frames = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...     "frame": ["conflict", "diplomacy", "conflict"], "cue": ["war", "peace", "war"],
    ...     "start": [0, 9, 0], "end": [3, 14, 3], "negated": False,
    ...     "voice": ["author", "quoted", "author"]})
    >>> dominant_frames(frames, articles)[["article_id", "dominant_frame", "share_of_hits"]
    ...                                   ].values.tolist()
    [['a', 'conflict = diplomacy', 0.5], ['b', 'conflict', 1.0]]
    """
    hits = _kept_hits(frames, include_negated)
    counts = hits.groupby(["article_id", "frame"]).size()
    # (frame, hits) per article, most hits first; ties stay in frame-name order.
    ranked: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (article_id, frame), n in counts.items():
        ranked[article_id].append((frame, int(n)))
    rows = []
    for article_id, outlet in zip(articles["article_id"], articles[by], strict=True):
        article_counts = sorted(ranked.get(article_id, []), key=lambda item: -item[1])
        total = sum(n for _, n in article_counts)
        if not total:
            rows.append({"article_id": article_id, by: outlet, "dominant_frame": "(none)",
                         "hits": 0, "hits_total": 0, "share_of_hits": np.nan,
                         "runner_up": "", "runner_up_hits": 0})
            continue
        top = article_counts[0][1]
        tied = sorted(frame for frame, n in article_counts if n == top)
        rest = [(frame, n) for frame, n in article_counts if n < top]
        rows.append({"article_id": article_id, by: outlet, "dominant_frame": " = ".join(tied),
                     "hits": top, "hits_total": total, "share_of_hits": top / total,
                     "runner_up": rest[0][0] if rest else "",
                     "runner_up_hits": rest[0][1] if rest else 0})
    return pd.DataFrame(rows)


def frame_evidence(frames: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                   per_cell: int = 3, width: int = 70, include_negated: bool = False,
                   frame_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Keyword-in-context evidence for every frame × outlet cell that has hits.

    Up to ``per_cell`` snippets per cell (distinct sentences first, in text order), each an
    escaped HTML string with the cue marked (``newsprism.viz.display.kwic_html``), plus the cell's
    hit count so a reader sees how much is not shown.

    Columns: ``frame``, ``outlet`` (the ``by`` column), ``n_hits`` (all hits of the cell),
    ``article_id``, ``sentence_id``, ``cue``, ``voice``, ``negated``, ``snippet`` (HTML).

    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["War now. Peace talks.", "War again."]})
    >>> frames = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...     "frame": ["conflict", "diplomacy", "conflict"], "cue": ["war", "peace", "war"],
    ...     "start": [0, 9, 0], "end": [3, 14, 3], "negated": False,
    ...     "voice": ["author", "quoted", "author"]})
    >>> frame_evidence(frames, articles)[["frame", "outlet", "n_hits", "cue"]].values.tolist()
    [['conflict', 'A', 1, 'war'], ['conflict', 'B', 1, 'war'], ['diplomacy', 'A', 1, 'peace']]
    """
    try:
        from newsprism.viz.display import kwic_html
    except ImportError:  # pragma: no cover - the display helper ships with the package
        kwic_html = _kwic_fallback
    hits = _kept_hits(frames, include_negated)
    if hits.empty:
        return pd.DataFrame(columns=["frame", by, "n_hits", "article_id", "sentence_id", "cue",
                                     "voice", "negated", "snippet"])
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    hits = hits.merge(articles[["article_id", by]], on="article_id", how="inner")
    order = list(frame_ids) if frame_ids is not None else sorted(hits["frame"].unique())
    rows = []
    for frame in order:
        for outlet, cell in hits[hits["frame"] == frame].groupby(by, sort=True):
            cell = cell.sort_values(["article_id", "start"])
            chosen = cell.drop_duplicates(["article_id", "sentence_id"]).head(per_cell)
            for hit in chosen.itertuples(index=False):
                rows.append({"frame": frame, by: outlet, "n_hits": len(cell),
                             "article_id": hit.article_id, "sentence_id": hit.sentence_id,
                             "cue": hit.cue, "voice": getattr(hit, "voice", ""),
                             "negated": bool(getattr(hit, "negated", False)),
                             "snippet": str(kwic_html(texts[hit.article_id], hit.start,
                                                      hit.end, width=width))})
    return pd.DataFrame(rows)


def _kwic_fallback(text: str, start: int, end: int, width: int = 60) -> str:
    import html

    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return (f"…{html.escape(left)}<mark>{html.escape(text[start:end])}</mark>"
            f"{html.escape(right)}…")


def voice_split(frames: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                include_negated: bool = False) -> pd.DataFrame:
    """Hits per outlet × frame × voice (author / quoted), with the quoted share.

    Columns: ``outlet`` (the ``by`` column), ``frame``, ``author`` and ``quoted`` (hits),
    ``quoted_share`` (quoted / all hits, 0-1). Counts, no interval.

    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                          "text": ["War now. Peace talks.", "War again."]})
    >>> frames = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
    ...     "frame": ["conflict", "diplomacy", "conflict"], "cue": ["war", "peace", "war"],
    ...     "start": [0, 9, 0], "end": [3, 14, 3], "negated": False,
    ...     "voice": ["author", "quoted", "author"]})
    >>> voice_split(frames, articles).values.tolist()
    [['A', 'conflict', 1, 0, 0.0], ['A', 'diplomacy', 0, 1, 1.0], ['B', 'conflict', 1, 0, 0.0]]
    """
    hits = _kept_hits(frames, include_negated).merge(articles[["article_id", by]],
                                                     on="article_id")
    if hits.empty:
        return pd.DataFrame(columns=[by, "frame", "author", "quoted", "quoted_share"])
    table = (hits.groupby([by, "frame", "voice"]).size().unstack("voice", fill_value=0)
             .reindex(columns=["author", "quoted"], fill_value=0).reset_index())
    table.columns.name = None
    total = table["author"] + table["quoted"]
    table["quoted_share"] = table["quoted"] / total.where(total > 0)
    return table
