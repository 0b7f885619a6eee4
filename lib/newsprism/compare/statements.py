"""One function per statement kind of the outlet summaries (size, distinctive terms, tone,
rates, frames, copies): a table row turned into a sentence with its comparison explicit,
dropped when its interval holds the comparison; each statement tied to its notebook section
and table row.
"""

from __future__ import annotations

import pandas as pd

from newsprism.compare.multiple_testing import ALPHA
from newsprism.compare.wording import POOLED_BASIS, plural, rank_phrase
from newsprism.core.stats import MIN_ARTICLES, enough_articles

NOTEBOOK = "40_source_comparison"
SECTIONS = {
    "profiles": "outlet-profiles", "terms": "distinctive-vocabulary",
    "similarity": "similarity", "copies": "copied-passages", "sourcing": "sourcing",
    "hedging": "hedging", "claims": "claims", "frames": "outlet-profiles",
    "tone": "outlet-profiles",
}
# profile column -> (plain-language description, section); a sourcing codebook's category
# may add its own examples to the description ("citations of state media (KCNA, TASS...)").
RATE_STATEMENTS = {
    "anonymous_per_1k": ("vague or anonymous attribution (\"analysts say\", \"sources close "
                         "to\")", "sourcing"),
    "state_media_per_1k": ("citations of state media", "sourcing"),
    "intelligence_per_1k": ("citations of intelligence and defence bodies", "sourcing"),
    "hedges_per_1k": ("hedges (may, likely, reportedly...)", "hedging"),
    "boosters_per_1k": ("boosters (clearly, indeed, unmistakable...)", "hedging"),
    "quotes_per_1k": ("direct quotations", "profiles"),
}
# section -> file stem of the table the notebook saves (out_dir/tables/<stem>.csv)
TABLES = {"profiles": "comparison_outlet_profiles", "terms": "comparison_distinctive_terms",
          "copies": "comparison_copied_passages", "claims": "comparison_claim_groups",
          "sourcing": "comparison_outlet_profiles", "hedging": "comparison_outlet_profiles",
          "frames": "comparison_frame_rates", "tone": "comparison_outlet_tone"}
SUMMARY_COLUMNS = ["outlet", "order", "statement", "section", "anchor", "evidence"]


def _anchor(section: str) -> str:
    return f"{NOTEBOOK}.html#{SECTIONS[section]}"


def statement(outlet: str, text: str, section: str, evidence: str) -> dict:
    """One summary row: the statement, its notebook section, anchor and table row."""
    return {"outlet": outlet, "statement": text, "section": section, "anchor": _anchor(section),
            "evidence": f"tables/{TABLES[section]}.csv: {evidence}"}


def size_statement(rec: dict) -> dict:
    """``"A: 6 articles, 1,250 words."`` from a profile row; below
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles it also says that no tone, rate or
    frame of the outlet is compared (see :func:`too_few_articles`).

    >>> size_statement({"outlet": "A", "n_articles": 2, "n_words": 900})["statement"][:58]
    'A: 2 articles, 900 words. Fewer than 5 articles: no interv'
    """
    outlet = rec["outlet"]
    why = (f" Fewer than {MIN_ARTICLES} articles: no interval or test over its articles, so "
           "no tone, rate or frame of it is compared with the other outlets."
           if too_few_articles(rec) else "")
    return statement(outlet, f"{outlet}: {plural(rec['n_articles'], 'article')}, "
                             f"{plural(rec['n_words'], 'word')}." + why, "profiles",
                     f"row outlet={outlet!r}")


def too_few_articles(rec) -> bool:
    """Whether a table row's outlet has a known ``n_articles`` below
    :data:`~newsprism.core.stats.MIN_ARTICLES` (no statement rests on its interval then);
    False when the row does not say.

    >>> too_few_articles({"n_articles": 2}), too_few_articles({"n_articles": 5}), too_few_articles({})
    (True, False, False)
    """
    n = rec.get("n_articles") if hasattr(rec, "get") else None
    return n is not None and not pd.isna(n) and not enough_articles(n)


def terms_statement(outlet: str, terms: pd.DataFrame, max_terms: int = 3) -> dict | None:
    """The outlet's top distinctive terms (``significant``: Benjamini-Hochberg q < 0.05 over
    the vocabulary, see :func:`newsprism.compare.keyness.distinctive_terms`), else its leading
    ones (z above 0), labelled so.

    >>> terms = pd.DataFrame({"group": ["A", "A"], "term": ["war", "aid"], "z": [0.0, -0.4],
    ...                       "significant": [False, False]})
    >>> terms_statement("A", terms) is None
    True
    """
    mine = terms[terms["group"] == outlet].sort_values("z", ascending=False)
    significant = mine[mine["significant"]]
    # A term at z <= 0 is not used more by the outlet than by the rest: it leads nothing (two
    # outlets with the same articles read "Leading vocabulary: '15,000' (z = 0.0)").
    shown = (significant if len(significant) else mine[mine["z"] > 0]).head(max_terms)
    if shown.empty:
        return None
    words = ", ".join(f"“{t}” (z = {z:.1f})" for t, z in zip(shown["term"], shown["z"],
                                                              strict=True))
    label = ("Distinctive vocabulary" if len(significant)
             else "Leading (not significant) vocabulary")
    return statement(outlet, f"{label}: {words}.", "terms",
                     f"rows group={outlet!r}, rank 1-{len(shown)}")


def tone_statement(outlet: str, tone: pd.DataFrame | None,
                   q_value: float | None = None) -> dict | None:
    """The outlet's own-voice tone against the median of the other outlets, made only when
    its 95% CI excludes that median (and, given ``q_value``, the family's q is below
    :data:`ALPHA`) and the outlet has at least
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles (:func:`too_few_articles`); says
    "most positive/negative of N" when first.
    ``tone``: :func:`newsprism.compare.profiles.outlet_tone`'s table (outlet, engine,
    estimate, ci_low, ci_high, n)."""
    if tone is None or not len(tone):
        return None
    mine = tone[tone["outlet"] == outlet]
    if mine.empty or pd.isna(mine["estimate"].iloc[0]) or pd.isna(mine["ci_low"].iloc[0]):
        return None
    rec = mine.iloc[0]
    others = tone.loc[tone["outlet"] != outlet, "estimate"].dropna()
    if others.empty or too_few_articles(rec):
        return None
    median = others.median()
    if rec["ci_low"] <= median <= rec["ci_high"] or not _passes(q_value):
        return None  # no clear difference: the interval holds the comparison
    up = rec["estimate"] > median
    rank = rank_phrase(rec["estimate"], others, higher=up,
                       noun="most positive" if up else "most negative")
    engine = f" ({rec['engine']})" if str(rec.get("engine") or "").strip() else ""
    return statement(
        outlet, f"Its own voice is {'more positive' if up else 'more negative'} than the median "
                f"of the other {plural(len(others), 'outlet')}: tone{engine} "
                f"{rec['estimate']:+.2f} (95% CI {rec['ci_low']:+.2f} to "
                f"{rec['ci_high']:+.2f}; median of the others {median:+.2f}"
                f"{_q_text(q_value)})" + (f"; {rank}" if rank else "") + ".",
        "tone", f"row outlet={outlet!r}, column estimate")


def rate_statement(row: dict, rates: pd.DataFrame, description: str, section: str,
                   evidence: str, ratio: float = 1.5, min_count: int = 2,
                   q_value: float | None = None) -> dict | None:
    """A rate above the median of the other outlets (one row of a long rate table: outlet,
    count, n (words), estimate (per 1,000 words); ``rates`` holds the same measure for every
    outlet).

    Made only when the rate has at least ``min_count`` events, is at least ``ratio`` times
    that median, and its exact 95% Poisson CI lies above the median (else the difference is
    not clear and nothing is said); given ``q_value`` (see :func:`family_q`), also only when
    it is below :data:`ALPHA`; never for a row whose ``n_articles`` is below
    :data:`~newsprism.core.stats.MIN_ARTICLES` (:func:`too_few_articles`). Names the rank
    only when the outlet is first.
    """
    from newsprism.core.stats import poisson_rate_ci

    outlet = row["outlet"]
    others = rates.loc[rates["outlet"] != outlet, "estimate"].dropna()
    value = row["estimate"]
    if others.empty or row["count"] < min_count or value <= 0 or too_few_articles(row):
        return None
    median = others.median()
    if pd.notna(row.get("ci_low")) and pd.notna(row.get("ci_high")):
        low, high = row["ci_low"], row["ci_high"]  # the interval the table shows
    else:
        low, high = poisson_rate_ci(int(row["count"]), max(float(row["n"]), 1.0))
    if value < ratio * median or low <= median or not _passes(q_value):
        return None
    times = f", {value / median:.1f}×" if median > 0 else ""
    rank = rank_phrase(value, others)
    return statement(
        outlet, f"Uses {description} above the median of the other "
                f"{plural(len(others), 'outlet')}: {_rate(value)} per 1,000 words "
                f"{POOLED_BASIS} (95% CI "
                f"{_rate(low)} to {_rate(high)}; median of the others {_rate(median)}{times}"
                f"{_q_text(q_value)})"
                + (f"; {rank}" if rank else "") + ".", section, evidence)


def frame_statement(outlet: str, frames: pd.DataFrame, q_values: dict | None = None,
                    caveats: dict[str, str] | None = None, **kwargs) -> dict | None:
    """The outlet's most over-used frame (see :func:`rate_statement`), if any; ``q_values``
    from :func:`family_q`; ``caveats``: frame -> a sentence appended to its statement (e.g.
    that its detector does not beat its baseline on gold data). A cell whose table has no
    interval (fewer than :data:`~newsprism.core.stats.MIN_ARTICLES` articles: 20_framing's
    cluster bootstrap gives none) is not stated."""
    mine = frames[frames["outlet"] == outlet].sort_values("estimate", ascending=False)
    for row in mine.to_dict("records"):
        if "ci_low" in row and pd.isna(row["ci_low"]):
            continue
        same = frames[frames["frame"] == row["frame"]]
        made = rate_statement(row, same, f"the {str(row['frame']).replace('_', ' ')} frame",
                              "frames", f"row outlet={outlet!r}, frame={row['frame']!r}",
                              q_value=None if q_values is None else
                              q_values.get(("frame", outlet, row["frame"]), 1.0), **kwargs)
        if made and (caveats or {}).get(row["frame"]):
            made["statement"] += " " + caveats[row["frame"]]
        if made:
            return made
    return None


def _rate(value: float) -> str:
    """One decimal, or two significant digits below 1 (an interval from 0.03 is not "0.0").

    >>> _rate(12.34), _rate(0.034), _rate(0.0)
    ('12.3', '0.034', '0.0')
    """
    return f"{value:.1f}" if value == 0 or abs(value) >= 1 else f"{value:.2g}"


def _passes(q_value: float | None) -> bool:
    return q_value is None or (pd.notna(q_value) and q_value < ALPHA)


def _q_text(q_value: float | None) -> str:
    if q_value is None:
        return ""
    shown = "q < 0.001" if q_value < 0.001 else f"q = {q_value:.2g}"
    return f"; {shown} over every outlet and measure tested"


def copy_statements(voices: pd.DataFrame | None, passages: pd.DataFrame | None) -> list[dict]:
    """One statement per outlet whose article is grouped with another outlet's into one
    independent voice (see :func:`newsprism.compare.similarity.independent_voices`: a share of the
    article copied, stock phrases ignored). An outlet is never said to copy itself."""
    if voices is None or voices.empty or passages is None or passages.empty:
        return []
    rows = []
    shared = voices.groupby("voice_id")["outlet"].agg(lambda o: sorted(set(o)))
    for outlet, part in voices.groupby("outlet", sort=False):
        partners = sorted({o for v in part["voice_id"] for o in shared[v] if o != outlet})
        if not partners:
            continue
        words = {}
        for rec in passages.to_dict("records"):
            for mine, other in (("a", "b"), ("b", "a")):
                if rec[f"outlet_{mine}"] == outlet and rec[f"outlet_{other}"] in partners:
                    words[rec[f"outlet_{other}"]] = max(words.get(rec[f"outlet_{other}"], 0),
                                                        int(rec["n_words"]))
        listed = ", ".join(f"{o} (longest shared passage {plural(words.get(o, 0), 'word')})"
                           for o in partners)
        with_them = "it" if len(partners) == 1 else "them"
        rows.append(statement(outlet, f"Copies a large share of an article with {listed}: "
                                      f"counted as one independent voice with {with_them}.",
                              "copies",
                              f"rows with outlet_a or outlet_b = {outlet!r}"))
    return rows
