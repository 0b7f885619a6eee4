"""A short generated text per outlet: what sets it apart, each statement tied to its evidence.

Each statement kind has one function that turns a table row into a sentence with its
comparison explicit ("above the median of the other 4 outlets", "highest of 5 outlets"; a rank
is named only for the first, so two outlets never both read "highest"). Statements are only
made when the evidence is there: a distinctive term needs q < 0.05 (or is labelled
"leading" when none is significant); a rate needs at least ``min_count`` events, to be at least
``ratio`` times the median of the other outlets and a 95% interval clear of that median; a
tone needs its interval clear of the others' median; a copy needs the two articles grouped
into one independent voice (a share of the article copied, not one stock phrase); a claim
needs a flagged disagreement. With one outlet nothing is compared. Each statement carries the notebook section (an HTML
anchor in ``40_source_comparison``) and the table row behind it.

>>> import pandas as pd
>>> profiles = pd.DataFrame({"outlet": ["A", "B", "C"], "n_articles": [1, 1, 1],
...     "n_words": [1000, 1000, 1000], "anonymous_per_1k": [6.0, 1.0, 1.0]})
>>> bool(outlet_summaries(profiles).query("outlet == 'A'")["statement"].str.contains("vague").any())
True
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

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
# How a claim statement starts when its values may not count one thing: a pointer to the
# claims table, not a finding, so it never takes one of an outlet's places in the index.
UNCLEAR_CLAIM = "Figures for "
# Key findings recorded for the report index: 851 one-page outlets gave 271 statements there.
MAX_FINDINGS = 30
TABLES_SUMMARY = "comparison_summaries"


def _anchor(section: str) -> str:
    return f"{NOTEBOOK}.html#{SECTIONS[section]}"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``, ``"1,250 words"``.

    >>> plural(1, "article"), plural(3, "outlet"), plural(2, "analysis", "analyses")
    ('1 article', '3 outlets', '2 analyses')
    """
    n = int(n)
    return f"{n:,} {noun if n == 1 else (many or noun + 's')}"


def statement(outlet: str, text: str, section: str, evidence: str) -> dict:
    """One summary row: the statement, its notebook section, anchor and table row."""
    return {"outlet": outlet, "statement": text, "section": section, "anchor": _anchor(section),
            "evidence": f"tables/{TABLES[section]}.csv: {evidence}"}


def rank_phrase(value: float, others: pd.Series, higher: bool = True,
                noun: str = "highest") -> str:
    """Where ``value`` ranks among all outlets, said only when it is first: ``"highest of 5
    outlets"``, ``"tied highest of 5 outlets (with 1 other)"``, or ``""`` (not first, or no
    other outlet). Only one value can be strictly first, so two outlets never both read
    "highest".

    >>> rank_phrase(3.0, pd.Series([1.0, 2.0]))
    'highest of 3 outlets'
    >>> rank_phrase(2.0, pd.Series([2.0, 1.0]))
    'tied highest of 3 outlets (with 1 other)'
    >>> rank_phrase(1.0, pd.Series([2.0]))
    ''
    """
    others = others.dropna()
    if others.empty:
        return ""
    best = others.max() if higher else others.min()
    n = len(others) + 1
    if (value > best) if higher else (value < best):
        return f"{noun} of {n} outlets"
    if value == best:
        return f"tied {noun} of {n} outlets (with {plural((others == best).sum(), 'other')})"
    return ""


def size_statement(rec: dict) -> dict:
    """``"A: 1 article, 1,250 words."`` from a profile row."""
    outlet = rec["outlet"]
    return statement(outlet, f"{outlet}: {plural(rec['n_articles'], 'article')}, "
                             f"{plural(rec['n_words'], 'word')}.", "profiles",
                     f"row outlet={outlet!r}")


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
    :data:`ALPHA`); says "most positive/negative of N" when first.
    ``tone``: :func:`newsprism.compare.profiles.outlet_tone`'s table (outlet, engine,
    estimate, ci_low, ci_high, n)."""
    if tone is None or not len(tone):
        return None
    mine = tone[tone["outlet"] == outlet]
    if mine.empty or pd.isna(mine["estimate"].iloc[0]) or pd.isna(mine["ci_low"].iloc[0]):
        return None
    rec = mine.iloc[0]
    others = tone.loc[tone["outlet"] != outlet, "estimate"].dropna()
    if others.empty:
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
                f"{_q_text(q_value)})" + (f"; {rank}" if rank else "") + "."
                + _single_article_note(rec),
        "tone", f"row outlet={outlet!r}, column estimate")


def _single_article_note(rec, spans: str = "spans that article's sentences") -> str:
    """What a one-article outlet's interval describes ("" with 2+ articles or unknown);
    ``spans``: what the interval rests on (a rate's: that article's events, as independent).

    >>> _single_article_note({"n_articles": 1})[:40]
    ' From a single article: its interval spa'
    """
    n = rec.get("n_articles") if hasattr(rec, "get") else None
    if n is None or pd.isna(n) or int(n) >= 2:
        return ""
    return (f" From a single article: its interval {spans}, so it describes the article, not "
            "the outlet's coverage in general.")


def rate_statement(row: dict, rates: pd.DataFrame, description: str, section: str,
                   evidence: str, ratio: float = 1.5, min_count: int = 2,
                   q_value: float | None = None) -> dict | None:
    """A rate above the median of the other outlets (one row of a long rate table: outlet,
    count, n (words), estimate (per 1,000 words); ``rates`` holds the same measure for every
    outlet).

    Made only when the rate has at least ``min_count`` events, is at least ``ratio`` times
    that median, and its exact 95% Poisson CI lies above the median (else the difference is
    not clear and nothing is said); given ``q_value`` (see :func:`family_q`), also only when
    it is below :data:`ALPHA`. Names the rank only when the outlet is first.
    """
    from newsprism.core.stats import poisson_rate_ci

    outlet = row["outlet"]
    others = rates.loc[rates["outlet"] != outlet, "estimate"].dropna()
    value = row["estimate"]
    if others.empty or row["count"] < min_count or value <= 0:
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
                f"{plural(len(others), 'outlet')}: {_rate(value)} per 1,000 words (95% CI "
                f"{_rate(low)} to {_rate(high)}; median of the others {_rate(median)}{times}"
                f"{_q_text(q_value)})"
                + (f"; {rank}" if rank else "") + "."
                # 30 read the same one-article rate as "the lead is not established"
                + _single_article_note(row, "and test count that article's events as "
                                       "independent"), section, evidence)


def frame_statement(outlet: str, frames: pd.DataFrame, q_values: dict | None = None,
                    caveats: dict[str, str] | None = None, **kwargs) -> dict | None:
    """The outlet's most over-used frame (see :func:`rate_statement`), if any; ``q_values``
    from :func:`family_q`; ``caveats``: frame -> a sentence appended to its statement (e.g.
    that its detector does not beat its baseline on gold data). A cell whose table has no
    interval (fewer than 2 articles: 20_framing's cluster bootstrap gives none) is not stated."""
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


ALPHA = 0.05  # the false discovery rate of the rate, frame and tone statements together


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


def rate_p(row: dict, rates: pd.DataFrame) -> float:
    """The row's ``p_value`` where its table has one: the outlet's pooled rate against the
    others' pooled rate, resampling articles from the interval's draws
    (:func:`newsprism.compare.rate_intervals.article_rate_p`; events cluster in articles, so
    a test that treats them as independent is optimistic). Otherwise (a one-article outlet, a
    table without articles) the one-sided exact Poisson p of the row's count against the
    median rate of the other outlets (the comparison :func:`rate_statement` states; when that
    median is 0, the exact conditional test against their pooled count and words); NaN when
    nothing is compared.

    >>> rates = pd.DataFrame({"outlet": ["A", "B", "C"], "count": [12, 2, 3],
    ...                       "n": [1000] * 3, "estimate": [12.0, 2.0, 3.0]})
    >>> round(rate_p(rates.iloc[0].to_dict(), rates), 5)
    1e-05
    """
    from scipy.stats import poisson

    if pd.notna(row.get("p_value", np.nan)):
        return float(row["p_value"])
    mask = (rates["outlet"] != row["outlet"]) & rates["estimate"].notna()
    others = rates.loc[mask, "estimate"]
    if others.empty or pd.isna(row["estimate"]):
        return float("nan")
    if others.median() <= 0:
        # A median of 0 would make any count "infinitely" above it: compare with the others'
        # pooled count instead (exact conditional test of two Poisson rates).
        from scipy.stats import binomtest

        k, rest = int(row["count"]), int(rates.loc[mask, "count"].sum())
        words, rest_words = max(float(row["n"]), 1.0), max(float(rates.loc[mask, "n"].sum()), 1.0)
        return (float(binomtest(k, k + rest, words / (words + rest_words),
                                alternative="greater").pvalue) if k + rest else 1.0)
    expected = others.median() * max(float(row["n"]), 1.0) / 1000
    return float(poisson.sf(int(row["count"]) - 1, expected))


def tone_p(rec: dict, others: pd.Series) -> float:
    """Two-sided normal p of the outlet's tone against the others' median, with the standard
    error read off its 95% interval; NaN without an interval or other outlets."""
    from scipy.special import ndtr

    se = (rec["ci_high"] - rec["ci_low"]) / (2 * 1.959964)
    if others.empty or not se > 0:
        return float("nan")
    return float(2 * ndtr(-abs(rec["estimate"] - others.median()) / se))


def family_q(rates: pd.DataFrame, frames: pd.DataFrame | None,
             tone: pd.DataFrame | None) -> dict:
    """Benjamini-Hochberg q of every comparison the rate, frame and tone statements test
    (every outlet x measure, outlet x frame and outlet tone, stated or not), keyed
    ``("rate", outlet, measure)``, ``("frame", outlet, frame)`` and ``("tone", outlet, "")``.
    A statement is made only below :data:`ALPHA`: with 12 outlets and a dozen measures, some
    95% intervals clear the median by chance."""
    from newsprism.core.stats import benjamini_hochberg

    keys, ps = [], []
    for rec in rates.to_dict("records"):
        keys.append(("rate", rec["outlet"], rec["measure"]))
        ps.append(rate_p(rec, rates[rates["measure"] == rec["measure"]]))
    for rec in ([] if frames is None or not len(frames) else frames.to_dict("records")):
        keys.append(("frame", rec["outlet"], rec["frame"]))
        ps.append(rate_p(rec, frames[frames["frame"] == rec["frame"]]))
    for rec in ([] if tone is None or not len(tone) else tone.to_dict("records")):
        keys.append(("tone", rec["outlet"], ""))
        ps.append(tone_p(rec, tone.loc[tone["outlet"] != rec["outlet"], "estimate"].dropna()))
    return dict(zip(keys, benjamini_hochberg(np.array(ps, dtype=float)), strict=True))


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
        rows.append(statement(outlet, f"Copies a large share of an article with {listed}: "
                                      "counted as one independent voice with it.", "copies",
                              f"rows with outlet_a or outlet_b = {outlet!r}"))
    return rows


def conflict_statements(claim_groups: pd.DataFrame | None, outlets: list[str]) -> list[dict]:
    """One statement per outlet in a claim group flagged as a conflict between outlets."""
    if claim_groups is None or claim_groups.empty:
        return []
    rows = []
    for rec in claim_groups[claim_groups["status"].isin(["conflict", "sender conflict"])
                            ].to_dict("records"):
        for outlet in [o for o in outlets if o in rec["outlets"].split(", ")]:
            rows.append(statement(outlet, _conflict_text(rec, outlet), "claims",
                                  f"row unit={rec['unit']!r}"))
    return rows


def unclear_conflict(rec: dict) -> bool:
    """A claim group in conflict whose values may not count the same thing: its claims name
    several subjects, or one outlet gives several of its values (the caveats of the summary's
    statement, :data:`UNCLEAR_CLAIM`).

    >>> unclear_conflict({"subjects": "Israel; Sanders", "values": "13 (A); 2 (B)"})
    True
    >>> unclear_conflict({"subjects": "Kim", "values": "600 (A); 700 (B)"})
    False
    """
    subjects = [s for s in str(rec.get("subjects") or "").split("; ") if s]
    listed = [match.group(1).split(", ") for match in
              (_OUTLET_LIST.search(part) for part in str(rec.get("values") or "").split("; "))
              if match]
    named = [outlet for outlets in listed for outlet in outlets]
    return len(subjects) > 1 or len(named) > len(set(named))


def _conflict_text(rec: dict, outlet: str) -> str:
    """A disagreement is called one only when the values can count the same thing: not when
    the outlet itself gives several values, nor when the claims name different subjects
    (on a corpus of months, "troops" of one claim and of another are often not the same).

    >>> rec = {"unit": "troops", "status": "conflict", "subjects": "Israel; Sanders",
    ...        "values": "13 (A); 2 (A, B)"}
    >>> _conflict_text(rec, "A")
    'Figures for troops differ across outlets: 13 (A); 2 (A, B). They may not count the same thing (A itself gives 2 values; the claims name 2 subjects: Israel; Sanders): read the sentences before calling it a disagreement.'
    """
    values = _first_values(rec["values"])
    if rec["status"] == "sender conflict":
        # A sender conflict is about who sent it: its dates may agree, so name the senders.
        return (f"Names a different sender of the {rec['unit'].removeprefix('date of ')} than "
                f"other outlets (senders named: {rec.get('subjects', '')}; dates: {values}).")
    own = sum(outlet in match.group(1).split(", ") for match in
              (_OUTLET_LIST.search(part) for part in str(rec["values"]).split("; ")) if match)
    subjects = [s for s in str(rec.get("subjects") or "").split("; ") if s]
    caveats = ([f"{outlet} itself gives {own} values"] if own > 1 else []) + (
        [f"the claims name {len(subjects)} subjects: {'; '.join(subjects)}"]
        if len(subjects) > 1 else [])
    if not caveats:
        return f"Disagrees with other outlets on {rec['unit']}: {values}."
    return (f"{UNCLEAR_CLAIM}{rec['unit']} differ across outlets: {values}. They may not count "
            f"the same thing ({'; '.join(caveats)}): read the sentences before calling it a "
            "disagreement.")


def comparison_limits(n_outlets: int, n_articles: int) -> str:
    """What cannot be compared in a corpus this small, and why ("" when all can).

    >>> comparison_limits(1, 1)
    'This corpus has 1 outlet and 1 article: outlets cannot be compared with each other (that needs at least 2 outlets), and there is no second article to share passages with.'
    """
    parts = []
    if n_outlets < 2:
        parts.append("outlets cannot be compared with each other (that needs at least 2 "
                     "outlets)")
    if n_articles < 2:
        parts.append("there is no second article to share passages with")
    if not parts:
        return ""
    return (f"This corpus has {plural(n_outlets, 'outlet')} and "
            f"{plural(n_articles, 'article')}: " + ", and ".join(parts) + ".")


def _names(outlets: list[str]) -> str:
    bold = [f"**{o}**" for o in outlets]
    return bold[0] if len(bold) == 1 else ", ".join(bold[:-1]) + " and " + bold[-1]


def tied_at(table: pd.DataFrame, value: str = "estimate", highest: bool = True) -> list[str]:
    """The outlets sharing the highest (``highest``) or lowest ``value`` of ``table`` (rows:
    outlet, ``value``), by name: one, or all that tie. Readings name every tied outlet, so two
    outlets carrying the same articles never read "A the most, A the least".

    >>> t = pd.DataFrame({"outlet": ["B", "A", "C"], "estimate": [2.0, 2.0, 1.0]})
    >>> tied_at(t), tied_at(t, highest=False)
    (['A', 'B'], ['C'])
    """
    rows = table.dropna(subset=[value])
    extreme = rows[value].max() if highest else rows[value].min()
    return sorted(rows.loc[rows[value] == extreme, "outlet"].astype(str).unique())


def tied_names(outlets: list[str], verb: str = "has", verbs: str = "have") -> str:
    """``"**A** has"`` or, for outlets that tie, ``"**A** and **B** both have"`` (``"all 3
    have"`` beyond two): the subject of a reading's extreme.

    >>> tied_names(["A"]), tied_names(["A", "B"], "gives", "give")
    ('**A** has', '**A** and **B** both give')
    >>> tied_names(list("ABCDE"))
    '5 outlets, among them **A**, **B** and **C**, have'
    """
    if len(outlets) == 1:
        return f"{_names(outlets)} {verb}"
    if len(outlets) > 3:  # 15 web sites without a quotation would fill the reading
        return f"{len(outlets)} outlets, among them {_names(outlets[:3])}, {verbs}"
    return f"{_names(outlets)} {'both' if len(outlets) == 2 else f'all {len(outlets)}'} {verbs}"


def all_equal_text(table: pd.DataFrame, label: str, shown: str) -> str:
    """The reading of a table whose outlets all share one ``value``: no outlet ranks first or
    last (``shown``: that value as the reading writes it).

    >>> all_equal_text(pd.DataFrame({"outlet": ["A", "B"]}), "mean tone", "+0.07")
    'Both outlets have the same mean tone (+0.07), so neither ranks above the other.'
    """
    n = table["outlet"].nunique()
    if n == 2:
        return (f"Both outlets have the same {label} ({shown}), so neither ranks above the "
                "other.")
    return f"All {n} outlets have the same {label} ({shown}), so none ranks above another."


def top_rate_reading(rates: pd.DataFrame, label: str, unit: str = "per 1,000 words") -> str:
    """A reading naming the outlet with the highest rate (one row per outlet: outlet,
    estimate (per 1,000 words), and ci_low / ci_high or count / n (words) for the interval).

    Says "tie" for equal rates, "no clear difference" when the top outlet's 95% interval holds
    the next outlet's rate, and that nothing can be compared with one outlet. With a
    ``q_value`` column (see :func:`with_family_q`), a lead whose interval clears the runner-up
    is called clear only when its q is below :data:`ALPHA`, as in the summary
    (:func:`lead_verdict`).

    >>> rates = pd.DataFrame({"outlet": ["A", "B"], "count": [30, 2], "n": [1000, 1000],
    ...                       "estimate": [30.0, 2.0]})
    >>> top_rate_reading(rates, "hedging rate")
    '**A** has the highest hedging rate of 2 outlets (30.0 per 1,000 words, 95% CI 20.2 to 42.8; next: B, 2.0).'
    """
    from newsprism.core.stats import poisson_rate_ci

    table = rates.dropna(subset=["estimate"]).sort_values(
        ["estimate", "outlet"], ascending=[False, True])
    if table.empty or table["estimate"].iloc[0] <= 0:
        return f"No outlet has any {label.removesuffix(' rate')} here, so there is nothing to rank."
    top = table.iloc[0]
    if len(table) == 1:
        return (f"There is only one outlet (**{top['outlet']}**, {top['estimate']:.1f} "
                f"{unit}), so its {label} cannot be compared with another outlet's.")
    best = table[table["estimate"] == top["estimate"]]
    if len(best) > 1:
        # "5.8 per 1,000 words of its own voice" said of two outlets: each has its own
        unit = unit.replace(" its ", " their ")
        return (f"{_names(list(best['outlet']))} tie for the highest {label} of "
                f"{plural(len(table), 'outlet')} ({top['estimate']:.1f} {unit}).")
    if {"ci_low", "ci_high"} <= set(table):
        low, high = top["ci_low"], top["ci_high"]
    else:
        low, high = poisson_rate_ci(int(top["count"]), max(float(top["n"]), 1.0))
    following = table.iloc[1]
    text = (f"**{top['outlet']}** has the highest {label} of {plural(len(table), 'outlet')} "
            f"({top['estimate']:.1f} {unit}, 95% CI {low:.1f} to {high:.1f}; next: "
            f"{following['outlet']}, {following['estimate']:.1f})")
    if low <= following["estimate"]:
        return text + ": its interval holds the next outlet's rate, so there is no clear difference."
    return text + lead_verdict(top["q_value"] if "q_value" in table else None)


def lead_verdict(q_value: float | None) -> str:
    """The end of a reading whose leader's interval lies above the runner-up: the lead is
    called clear only when the summary's corrected decision (:func:`family_q` below
    :data:`ALPHA`, the same q the summary statements need) agrees; ``q_value`` None (a table
    outside the family) adds nothing.

    >>> lead_verdict(0.2).endswith("(q = 0.2), so the summary does not state it and the lead is not clear.")
    True
    >>> lead_verdict(None)
    '.'
    """
    if q_value is None:
        return "."
    if pd.isna(q_value):
        return (": its interval lies above the next outlet's rate, but no test against the "
                "other outlets could be made, so the summary does not state it and "
                "the lead is not clear.")
    shown = "q < 0.001" if q_value < 0.001 else f"q = {q_value:.2g}"
    if q_value < ALPHA:
        return (": its interval lies above the next outlet's rate, and its test against the "
                "other outlets survives the Benjamini-Hochberg correction over every "
                f"outlet and measure tested ({shown}), as in the summary.")
    return (": its interval lies above the next outlet's rate, but its test against the other "
            "outlets does not survive the Benjamini-Hochberg correction over every outlet "
            f"and measure tested ({shown}), so the summary does not state it and the lead is "
            "not clear.")


def with_family_q(rates: pd.DataFrame, frames: pd.DataFrame | None,
                  tone: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``rates`` and ``frames`` with a ``q_value`` column: each row's q from :func:`family_q`
    (the one corrected decision the summary statements and the readings share).

    Returns ``(rates, frames)``: the input tables (``rates``: ``outlet``, ``measure``,
    ``count``, ``n``, ``estimate``, ``ci_low``, ``ci_high``, ``p_value``, see
    :func:`newsprism.compare.outlets.statement_rates`) with one more column, ``q_value``
    (Benjamini-Hochberg over every outlet x measure, outlet x frame and outlet tone test;
    NaN where the row has no test); ``frames`` stays None when given None.

    Usage::

        rates, frames = with_family_q(tables["rates"], tables["frame_rates"], tables["tone"])
    """
    q = family_q(rates, frames, tone)
    rates = rates.assign(q_value=[q.get(("rate", o, m), np.nan) for o, m in
                                  zip(rates["outlet"], rates["measure"], strict=True)])
    if frames is not None and len(frames):
        frames = frames.assign(q_value=[q.get(("frame", o, f), np.nan) for o, f in
                                        zip(frames["outlet"], frames["frame"], strict=True)])
    return rates, frames


def when_comparable(outlets, reading: str, what: str) -> str:
    """``reading`` when there are at least two outlets; else what cannot be compared and why,
    so a one-outlet corpus never reads an outlet as both highest and lowest.

    >>> when_comparable(["A", "B"], "A is highest.", "tone")
    'A is highest.'
    >>> when_comparable(["A"], "A is highest.", "tone")
    "Only one outlet (**A**): its tone cannot be compared with another outlet's (a comparison needs at least 2 outlets); see the table for its value."
    """
    names = list(dict.fromkeys(outlets))
    if len(names) >= 2:
        return reading
    if not names:
        return f"No outlet has any {what} to show."
    return (f"Only one outlet (**{names[0]}**): its {what} cannot be compared with another "
            "outlet's (a comparison needs at least 2 outlets); see the table for its value.")


def extremes_text(table: pd.DataFrame, label: str, value: str = "estimate",
                  fmt: str = "+.2f") -> str:
    """The lowest and highest outlet of a table with 95% intervals (outlet, ``value``,
    ci_low, ci_high), saying "no clear difference" when their intervals overlap and what
    cannot be compared with one outlet.

    >>> t = pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": [0.1, 0.2, 0.5],
    ...                   "ci_low": [0.0, 0.1, 0.4], "ci_high": [0.2, 0.3, 0.6]})
    >>> print(extremes_text(t, "mean tone"))
    Of 3 outlets, A has the lowest mean tone (+0.10, 95% CI +0.00 to +0.20) and C the highest (+0.50, 95% CI +0.40 to +0.60); the intervals do not overlap. Next highest: B (+0.20), below C's interval; next lowest: B (+0.20), inside A's interval, so A's lead is not clear.
    >>> extremes_text(t.iloc[:1], "mean tone").startswith("Only one outlet")
    True
    """
    rows = table.dropna(subset=[value]).sort_values([value, "outlet"])
    if rows["outlet"].nunique() < 2:
        return when_comparable(rows["outlet"], "", label)
    low, high = rows.iloc[0], rows.iloc[-1]
    if low[value] == high[value]:
        return all_equal_text(rows, label, f"{low[value]:{fmt}}")

    def shown(rec) -> str:
        return (f"{rec[value]:{fmt}}, 95% CI {rec['ci_low']:{fmt}} to {rec['ci_high']:{fmt}}")

    lows, highs = tied_at(rows, value, highest=False), tied_at(rows, value)
    overlap = low["ci_high"] >= high["ci_low"]
    return (f"Of {plural(rows['outlet'].nunique(), 'outlet')}, "
            f"{tied_names(lows).replace('**', '')} the lowest {label} ({shown(low)}) and "
            f"{', '.join(highs[:-1]) + ' and ' if len(highs) > 1 else ''}{highs[-1]} the highest "
            f"({shown(high)}); "
            + ("the intervals overlap, so there is no clear difference." if overlap
               else "the intervals do not overlap.") + runner_up_text(rows, value, fmt))


def runner_up_text(table: pd.DataFrame, value: str = "estimate", fmt: str = "+.2f") -> str:
    """With three or more outlets, the second highest and second lowest, and whether each
    lies inside the leader's 95% interval (then the lead is not clear); "" with fewer.

    >>> t = pd.DataFrame({"outlet": ["A", "B", "C"], "estimate": [0.1, 0.2, 0.5],
    ...                   "ci_low": [0.0, 0.1, 0.4], "ci_high": [0.2, 0.3, 0.6]})
    >>> print(runner_up_text(t).strip())
    Next highest: B (+0.20), below C's interval; next lowest: B (+0.20), inside A's interval, so A's lead is not clear.
    """
    rows = table.dropna(subset=[value]).sort_values([value, "outlet"])
    if len(rows) < 3:
        return ""
    parts = []
    for word, first, second, beyond in (("highest", rows.iloc[-1], rows.iloc[-2], "below"),
                                        ("lowest", rows.iloc[0], rows.iloc[1], "above")):
        if second[value] == first[value]:
            continue  # a tie for first: the reading names both (see tied_at)
        held = first["ci_low"] <= second[value] <= first["ci_high"]
        parts.append(f"next {word}: {second['outlet']} ({second[value]:{fmt}}), "
                     + (f"inside {first['outlet']}'s interval, so {first['outlet']}'s lead is "
                        "not clear" if held else f"{beyond} {first['outlet']}'s interval"))
    return " N" + "; ".join(parts)[1:] + "." if parts else ""


def rate_rows(profiles: pd.DataFrame, rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The long rate table the rate statements read: outlet, measure, count, n (words),
    estimate (per 1,000 words). ``rates`` (as built by :func:`newsprism.compare.outlets.compare_outlets`) is used
    as given; without it, counts are recovered from the profile rates and ``n_words``.

    Columns: ``outlet``, ``measure`` (a ``*_per_1k`` profile column), ``count`` (events),
    ``n`` (words: the exposure), ``estimate`` (per 1,000 words). Recovered counts use every
    word, also for the hedge rates that are per word of the author's voice.

    >>> rate_rows(pd.DataFrame({"outlet": ["X"], "n_words": [2000], "quotes_per_1k": [2.0]})
    ...           ).values.tolist()
    [['X', 'quotes_per_1k', 4, 2000, 2.0]]"""
    if rates is not None:
        return rates
    rows = []
    for column in RATE_STATEMENTS:
        if column not in profiles:
            continue
        for rec in profiles.to_dict("records"):
            if pd.notna(rec[column]):
                rows.append({"outlet": rec["outlet"], "measure": column,
                             "count": round(rec[column] * rec["n_words"] / 1000),
                             "n": rec["n_words"], "estimate": rec[column]})
    return pd.DataFrame(rows, columns=["outlet", "measure", "count", "n", "estimate"])


def outlet_summaries(profiles: pd.DataFrame, terms: pd.DataFrame | None = None,
                     passages: pd.DataFrame | None = None,
                     claim_groups: pd.DataFrame | None = None,
                     frames: pd.DataFrame | None = None, ratio: float = 1.5,
                     min_rate_words: float = 2.0, max_terms: int = 3,
                     voices: pd.DataFrame | None = None,
                     rates: pd.DataFrame | None = None,
                     tone: pd.DataFrame | None = None,
                     examples: dict[str, str] | None = None,
                     frame_caveats: dict[str, str] | None = None) -> pd.DataFrame:
    """Statements per outlet (one row each): outlet, order, statement, section, anchor, evidence.

    Each row comes from one table row through one function per statement kind
    (:func:`size_statement`, :func:`terms_statement`, :func:`tone_statement`,
    :func:`frame_statement`, :func:`rate_statement`, :func:`copy_statements`,
    :func:`conflict_statements`), each naming its comparison and dropping what its interval
    does not support; rate, frame and tone statements are also dropped unless their q over
    the whole family (:func:`family_q`) is below :data:`ALPHA`. ``rates``: long table (outlet, measure, count, n, estimate) of
    the :data:`RATE_STATEMENTS` measures; ``tone`` from
    :func:`newsprism.compare.profiles.outlet_tone`; ``examples``: measure -> examples appended to its
    description (a sourcing codebook's, see :func:`newsprism.compare.sourcing.category_examples`);
    ``voices`` from
    :func:`newsprism.compare.similarity.independent_voices` (copies are stated only for outlets
    grouped into one voice); ``frame_caveats``: frame -> a sentence every statement on that
    frame carries (see :func:`frame_statement`).

    Columns: ``outlet``; ``order`` (rank of the statement within the outlet); ``statement``
    (the sentence, plain text); ``section`` (key of the notebook section it summarises, e.g.
    "terms"); ``anchor`` (``<notebook>.html#<section>`` link); ``evidence``
    (``tables/<table>.csv: <the row read>``). A comparison its interval or q does not
    support gives no statement, not a weaker one.

    Usage::

        tables = compare_outlets({"articles": corpus.articles})
        tables["summaries"]  # this table
    """
    rows: list[dict] = []
    long = rate_rows(profiles, rates)
    options = {"ratio": ratio, "min_count": min_rate_words}
    q = family_q(long, frames, tone)
    for rec in profiles.to_dict("records"):
        outlet = rec["outlet"]
        made = [size_statement(rec),
                terms_statement(outlet, terms, max_terms) if terms is not None and len(terms)
                else None,
                tone_statement(outlet, tone, q.get(("tone", outlet, ""), 1.0)),
                frame_statement(outlet, frames, q, frame_caveats, **options)
                if frames is not None and len(frames) else None]
        for column, (description, section) in RATE_STATEMENTS.items():
            if (examples or {}).get(column):
                description = f"{description} ({examples[column]})"
            same = long[long["measure"] == column]
            for row in same[same["outlet"] == outlet].to_dict("records"):
                made.append(rate_statement(row, same, description, section,
                                           f"row outlet={outlet!r}, column {column}",
                                           q_value=q.get(("rate", outlet, column), 1.0),
                                           **options))
        rows.extend(m for m in made if m)
    if voices is None and passages is not None and len(passages):
        from newsprism.compare.similarity import independent_voices

        voices = independent_voices(_articles_of(passages), passages)
    rows.extend(copy_statements(voices, passages))
    rows.extend(conflict_statements(claim_groups, list(profiles["outlet"])))
    table = pd.DataFrame(rows, columns=[c for c in SUMMARY_COLUMNS if c != "order"])
    table["order"] = table.groupby("outlet").cumcount() + 1
    return table[SUMMARY_COLUMNS]


def _articles_of(passages: pd.DataFrame) -> pd.DataFrame:
    """The articles named in a passages table (id, outlet), for grouping voices."""
    pairs = [passages[[f"article_{s}", f"outlet_{s}"]].set_axis(["article_id", "outlet"], axis=1)
             for s in ("a", "b")]
    return pd.concat(pairs).drop_duplicates("article_id")


def _first_values(values: str, keep: int = 3) -> str:
    """A claim group's "value (outlets); ..." list cut to ``keep`` values for a statement
    (a large corpus gives dozens; the claims table keeps them all).

    >>> _first_values("1 (A); 2 (B); 3 (C); 4 (D); 5 (E)")
    '1 (A); 2 (B); 3 (C); … 5 values in all'
    >>> _first_values("10 (A, B, C, D); 12 (E)")
    '10 (4 outlets); 12 (E)'
    """
    parts = [_OUTLET_LIST.sub(_count_outlets, part) for part in values.split("; ")]
    if len(parts) <= keep + 1:
        return "; ".join(parts)
    return "; ".join(parts[:keep]) + f"; … {len(parts)} values in all"


_OUTLET_LIST = re.compile(r"\(([^()]*)\)$")


def _count_outlets(match: re.Match) -> str:
    """"(A, B, C, D)" -> "(4 outlets)": long outlet lists are counted, short ones named."""
    names = match.group(1).split(", ")
    return match.group(0) if len(names) <= 3 else f"({len(names)} outlets)"


def _clip(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def findings_text(summaries: pd.DataFrame, per_outlet: int = 3, note: str = "",
                  max_findings: int | None = MAX_FINDINGS) -> list[str]:
    """Plain sentences for the report index, each ending with where its evidence is.

    Per outlet, up to ``per_outlet`` statements in this order of weight: claim conflicts,
    copied text, above-median rates, significant distinctive terms (sizes, non-significant
    terms and claim figures that may not count one thing (:data:`UNCLEAR_CLAIM`) are left
    to the notebook: on a corpus of months they filled every outlet's places). At most
    ``max_findings`` statements in all (``None``: no limit), the weightiest first across
    outlets, then a line counting those left to the notebook's summary. ``note`` (e.g. what
    :func:`comparison_limits` says a small corpus cannot compare) comes first when given.
    """
    weight = {"claims": 0, "copies": 1, "sourcing": 2, "hedging": 2, "profiles": 2, "tone": 2,
              "frames": 2, "terms": 3}
    chosen = []
    for outlet, part in summaries.groupby("outlet", sort=False):
        part = part[~part["statement"].str.startswith(f"{outlet}:")
                    & ~part["statement"].str.startswith("Leading (not significant)")
                    & ~part["statement"].str.startswith(UNCLEAR_CLAIM)]
        part = part.assign(weight=part["section"].map(weight)).sort_values(["weight", "order"])
        chosen.extend((rec.weight, len(chosen), outlet, rec)
                      for rec in part.head(per_outlet).itertuples(index=False))
    kept = sorted(sorted(chosen, key=lambda c: c[:2])[:max_findings], key=lambda c: c[1])
    findings = [note] if note else []
    findings += [f"{outlet} — {rec.statement} [evidence: {rec.anchor}; {rec.evidence}]"
                 for _, _, outlet, rec in kept]
    left = [c for c in chosen if c[1] not in {k[1] for k in kept}]
    if left:
        findings.append(f"{plural(len(left), 'more statement')} about "
                        f"{plural(len({c[2] for c in left}), 'outlet')} in the notebook's summary. "
                        f"[evidence: {NOTEBOOK}.html#summary; tables/{TABLES_SUMMARY}.csv]")
    return findings


_MORE_LINE = re.compile(r"\A[\d,]+ more statements? about ")


def recorded_statements(findings: list[str], note: str = "") -> tuple[int, int]:
    """How many of :func:`findings_text`'s lines are statements on the index, and how many
    more it left to the notebook's summary (its last line counts them); ``note`` is not a
    statement.

    >>> recorded_statements(["Small corpus.", "A — x", "B — y", "3 more statements about 2 "
    ...                      "outlets in the notebook's summary."], note="Small corpus.")
    (2, 3)
    """
    lines = [line for line in findings if line != note]
    if lines and _MORE_LINE.match(lines[-1]):
        return len(lines) - 1, int(lines[-1].split()[0].replace(",", ""))
    return len(lines), 0


def summaries_html(summaries: pd.DataFrame, in_notebook: bool = True):
    """The statements per outlet as an escaped HTML list, each linked to its evidence section
    (``#anchor`` inside the notebook, or ``40_source_comparison.html#anchor`` from elsewhere)."""
    from newsprism.viz.display import HTMLText, escape

    parts = []
    for outlet, part in summaries.groupby("outlet", sort=False):
        items = []
        for rec in part.itertuples(index=False):
            href = "#" + rec.anchor.split("#", 1)[1] if in_notebook else rec.anchor
            items.append(f"<li>{escape(rec.statement)} <small>(<a href='{escape(href)}'>"
                         f"evidence</a>: {escape(rec.evidence)})</small></li>")
        parts.append(f"<h4>{escape(outlet)}</h4><ul>{''.join(items)}</ul>")
    return HTMLText("".join(parts))
