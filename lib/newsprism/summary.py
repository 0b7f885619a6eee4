"""A short generated text per outlet: what sets it apart, each statement tied to its evidence.

Statements are only made when the evidence is there: a distinctive term needs |z| > 1.96 (or
is labelled "leading" when none is significant), a rate needs at least ``min_count`` events and
to be at least ``ratio`` times the median of the other outlets, a copy needs a shared passage,
a claim needs a flagged disagreement. Each statement carries the notebook section (an HTML
anchor in ``40_source_comparison``) and the table row behind it.

>>> import pandas as pd
>>> profiles = pd.DataFrame({"outlet": ["A", "B", "C"], "n_articles": [1, 1, 1],
...     "n_words": [1000, 1000, 1000], "anonymous_per_1k": [6.0, 1.0, 1.0]})
>>> bool(outlet_summaries(profiles).query("outlet == 'A'")["statement"].str.contains("vague").any())
True
"""

from __future__ import annotations

import re

import pandas as pd

NOTEBOOK = "40_source_comparison"
SECTIONS = {
    "profiles": "outlet-profiles", "terms": "distinctive-vocabulary",
    "similarity": "similarity", "copies": "copied-passages", "sourcing": "sourcing",
    "hedging": "hedging", "claims": "claims", "frames": "outlet-profiles",
}
# profile column -> (plain-language description, section, events column for min_count)
RATE_STATEMENTS = {
    "anonymous_per_1k": ("vague or anonymous attribution (\"analysts say\", \"sources close "
                         "to\")", "sourcing"),
    "state_media_per_1k": ("citations of state media (KCNA, TASS...)", "sourcing"),
    "intelligence_per_1k": ("citations of intelligence and defence bodies (NIS, UK MoD, ISW)",
                            "sourcing"),
    "hedges_per_1k": ("hedges (may, likely, reportedly...)", "hedging"),
    "boosters_per_1k": ("boosters (clearly, indeed, unmistakable...)", "hedging"),
    "quotes_per_1k": ("direct quotations", "profiles"),
}
# section -> file stem of the table the notebook saves (out_dir/tables/<stem>.csv)
TABLES = {"profiles": "comparison_outlet_profiles", "terms": "comparison_distinctive_terms",
          "copies": "comparison_copied_passages", "claims": "comparison_claim_groups",
          "sourcing": "comparison_outlet_profiles", "hedging": "comparison_outlet_profiles",
          "frames": "comparison_frame_rates"}
SUMMARY_COLUMNS = ["outlet", "order", "statement", "section", "anchor", "evidence"]


def _anchor(section: str) -> str:
    return f"{NOTEBOOK}.html#{SECTIONS[section]}"


def outlet_summaries(profiles: pd.DataFrame, terms: pd.DataFrame | None = None,
                     passages: pd.DataFrame | None = None,
                     claim_groups: pd.DataFrame | None = None,
                     frames: pd.DataFrame | None = None, ratio: float = 1.5,
                     min_rate_words: float = 2.0, max_terms: int = 3) -> pd.DataFrame:
    """Statements per outlet (one row each): outlet, order, statement, section, anchor, evidence.

    ``profiles`` from :func:`newsprism.profiles.outlet_profiles`; ``terms`` from
    :func:`newsprism.keyness.distinctive_terms`; ``passages`` from
    :func:`newsprism.similarity.find_copied_passages`; ``claim_groups`` from
    :func:`newsprism.claims.group_claims`; ``frames`` from
    :func:`newsprism.profiles.frame_rates`. A tone statement needs the outlet's 95% CI to
    exclude the median tone of the other outlets. ``min_rate_words``: a rate statement needs at least
    this many events (rate × words / 1000), so one stray match is not called a trait.
    """
    rows: list[dict] = []

    def add(outlet: str, statement: str, section: str, evidence: str) -> None:
        rows.append({"outlet": outlet, "statement": statement, "section": section,
                     "anchor": _anchor(section),
                     "evidence": f"tables/{TABLES[section]}.csv: {evidence}"})

    outlets = list(profiles["outlet"])
    for rec in profiles.to_dict("records"):
        outlet = rec["outlet"]
        add(outlet, f"{outlet}: {rec['n_articles']} article(s), {int(rec['n_words']):,} words.",
            "profiles", f"row outlet={outlet!r}")
        if terms is not None and len(terms):
            mine = terms[terms["group"] == outlet].sort_values("z", ascending=False)
            significant = mine[mine["significant"]]
            shown = (significant if len(significant) else mine).head(max_terms)
            if len(shown):
                words = ", ".join(f"“{t}” (z = {z:.1f})" for t, z in zip(shown["term"],
                                                                          shown["z"], strict=True))
                label = ("Distinctive vocabulary" if len(significant)
                         else "Leading (not significant) vocabulary")
                add(outlet, f"{label}: {words}.", "terms",
                    f"rows group={outlet!r}, rank 1-{len(shown)}")
        if {"tone_author", "tone_ci_low", "tone_ci_high"} <= set(profiles) and pd.notna(
                rec["tone_author"]):
            others = profiles.loc[profiles["outlet"] != outlet, "tone_author"].dropna()
            if len(others) and not rec["tone_ci_low"] <= others.median() <= rec["tone_ci_high"]:
                direction = "more positive" if rec["tone_author"] > others.median() else \
                    "more negative"
                add(outlet, f"Its own voice is {direction} than the others': tone "
                            f"{rec['tone_author']:+.2f} (95% CI {rec['tone_ci_low']:+.2f} to "
                            f"{rec['tone_ci_high']:+.2f}; median of the other outlets "
                            f"{others.median():+.2f}).", "profiles",
                    f"row outlet={outlet!r}, column tone_author")
        if frames is not None and len(frames):
            mine = frames[(frames["outlet"] == outlet) & (frames["count"] >= min_rate_words)]
            for frame_rec in mine.sort_values("per_1k_words", ascending=False).to_dict("records"):
                others = frames[(frames["outlet"] != outlet) & (frames["frame"] == frame_rec["frame"])]
                median = others["per_1k_words"].median() if len(others) else float("nan")
                if pd.notna(median) and frame_rec["per_1k_words"] >= ratio * median:
                    times = f"; {frame_rec['per_1k_words'] / median:.1f}×" if median > 0 else ""
                    add(outlet, f"Uses the {frame_rec['frame'].replace('_', ' ')} frame more than "
                                f"the others: {frame_rec['per_1k_words']:.1f} per 1,000 words "
                                f"(median of the other outlets {median:.1f}{times}).", "frames",
                        f"row outlet={outlet!r}, frame={frame_rec['frame']!r}")
                    break  # the most over-used frame only
        for column, (description, section) in RATE_STATEMENTS.items():
            if column not in profiles or pd.isna(rec.get(column)):
                continue
            others = profiles.loc[profiles["outlet"] != outlet, column].dropna()
            value = rec[column]
            events = value * rec["n_words"] / 1000
            if others.empty or events < min_rate_words:
                continue
            median = others.median()
            if value >= ratio * median and value > 0:
                times = f"; {value / median:.1f}×" if median > 0 else ""
                add(outlet, f"Above-median use of {description}: {value:.1f} per 1,000 "
                            f"words (median of the other outlets {median:.1f}{times}).",
                    section, f"row outlet={outlet!r}, column {column}")
    if passages is not None and len(passages):
        partners: dict[str, dict[str, int]] = {}
        for rec in passages.to_dict("records"):
            for mine, other in (("a", "b"), ("b", "a")):
                shared = partners.setdefault(rec[f"outlet_{mine}"], {})
                shared[rec[f"outlet_{other}"]] = max(shared.get(rec[f"outlet_{other}"], 0),
                                                     rec["n_words"])
        for outlet, shared in partners.items():
            listed = ", ".join(f"{o} ({n} words)" for o, n in sorted(shared.items()))
            add(outlet, f"Shares passages word for word with {listed}: for those passages it "
                        "is not an independent voice.", "copies",
                f"rows with outlet_a or outlet_b = {outlet!r}")
    if claim_groups is not None and len(claim_groups):
        for rec in claim_groups[claim_groups["status"].isin(["conflict", "sender conflict"])
                                ].to_dict("records"):
            for outlet in [o for o in outlets if o in rec["outlets"].split(", ")]:
                add(outlet, f"Disagrees with other outlets on {rec['unit']}: "
                            f"{_first_values(rec['values'])}.", "claims",
                    f"row unit={rec['unit']!r}")
    table = pd.DataFrame(rows, columns=[c for c in SUMMARY_COLUMNS if c != "order"])
    table["order"] = table.groupby("outlet").cumcount() + 1
    return table[SUMMARY_COLUMNS]


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


def findings_text(summaries: pd.DataFrame, per_outlet: int = 3) -> list[str]:
    """Plain sentences for the report index, each ending with where its evidence is.

    Per outlet, up to ``per_outlet`` statements in this order of weight: claim conflicts,
    copied text, above-median rates, significant distinctive terms (sizes and
    non-significant terms are left to the notebook).
    """
    weight = {"claims": 0, "copies": 1, "sourcing": 2, "hedging": 2, "profiles": 2, "frames": 2,
              "terms": 3}
    findings = []
    for outlet, part in summaries.groupby("outlet", sort=False):
        part = part[~part["statement"].str.startswith(f"{outlet}:")
                    & ~part["statement"].str.startswith("Leading (not significant)")]
        part = part.assign(weight=part["section"].map(weight)).sort_values(["weight", "order"])
        for rec in part.head(per_outlet).itertuples(index=False):
            findings.append(f"{outlet} — {rec.statement} [evidence: {rec.anchor}; "
                            f"{rec.evidence}]")
    return findings


def summaries_html(summaries: pd.DataFrame, in_notebook: bool = True):
    """The statements per outlet as an escaped HTML list, each linked to its evidence section
    (``#anchor`` inside the notebook, or ``40_source_comparison.html#anchor`` from elsewhere)."""
    from newsprism.display import HTMLText, escape

    parts = []
    for outlet, part in summaries.groupby("outlet", sort=False):
        items = []
        for rec in part.itertuples(index=False):
            href = "#" + rec.anchor.split("#", 1)[1] if in_notebook else rec.anchor
            items.append(f"<li>{escape(rec.statement)} <small>(<a href='{escape(href)}'>"
                         f"evidence</a>: {escape(rec.evidence)})</small></li>")
        parts.append(f"<h4>{escape(outlet)}</h4><ul>{''.join(items)}</ul>")
    return HTMLText("".join(parts))
