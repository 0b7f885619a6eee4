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

This module assembles the summaries and the report index's findings; each concern has its
module, and every name this module had before is still importable from it:

- ``statements``: one function per statement kind (size, terms, tone, rates, frames, copies).
- ``claim_statements``: statements on conflicting claim figures.
- ``multiple_testing``: the p values and the family's Benjamini-Hochberg q.
- ``readings``: who leads a table and whether the lead is clear; what cannot be compared.
- ``wording``: counts with their noun, ranks.

>>> import pandas as pd
>>> profiles = pd.DataFrame({"outlet": ["A", "B", "C"], "n_articles": [5, 5, 5],
...     "n_words": [1000, 1000, 1000], "anonymous_per_1k": [6.0, 1.0, 1.0]})
>>> bool(outlet_summaries(profiles).query("outlet == 'A'")["statement"].str.contains("vague").any())
True
"""

from __future__ import annotations

import re

import pandas as pd

from newsprism.compare.claim_statements import UNCLEAR_CLAIM, conflict_statements, unclear_conflict
from newsprism.compare.multiple_testing import ALPHA, family_q, rate_p, tone_p, with_family_q
from newsprism.compare.readings import (
    comparison_limits,
    extremes_text,
    lead_verdict,
    runner_up_text,
    top_rate_reading,
    when_comparable,
)
from newsprism.compare.statements import (
    NOTEBOOK,
    RATE_STATEMENTS,
    SECTIONS,
    SUMMARY_COLUMNS,
    TABLES,
    copy_statements,
    frame_statement,
    rate_statement,
    size_statement,
    statement,
    terms_statement,
    tone_statement,
)
from newsprism.compare.wording import plural, rank_phrase

# Every public name this module had before it was split into the modules above
# (tests/test_split_modules.py); the summaries and the findings are made here.
__all__ = [
    "ALPHA", "MAX_FINDINGS", "NOTEBOOK", "RATE_STATEMENTS", "SECTIONS", "SUMMARY_COLUMNS",
    "TABLES", "TABLES_SUMMARY", "UNCLEAR_CLAIM", "comparison_limits", "conflict_statements",
    "copy_statements", "extremes_text", "family_q", "findings_text", "frame_statement",
    "lead_verdict", "outlet_summaries", "plural", "rank_phrase", "rate_p", "rate_rows",
    "rate_statement", "recorded_statements", "runner_up_text", "size_statement", "statement",
    "summaries_html", "terms_statement", "tone_p", "tone_statement", "top_rate_reading",
    "unclear_conflict", "when_comparable", "with_family_q",
]

# Key findings recorded for the report index: 851 one-page outlets gave 271 statements there.
MAX_FINDINGS = 30
TABLES_SUMMARY = "comparison_summaries"


def rate_rows(profiles: pd.DataFrame, rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The long rate table the rate statements read: outlet, measure, count, n (words),
    estimate (per 1,000 words). ``rates`` (as built by :func:`newsprism.compare.outlets.compare_outlets`) is used
    as given; without it, counts are recovered from the profile rates and ``n_words``.

    Columns: ``outlet``, ``measure`` (a ``*_per_1k`` profile column), ``count`` (events),
    ``n`` (words: the exposure), ``estimate`` (per 1,000 words) and, when the profiles have
    it, ``n_articles``. Recovered counts use every word, also for the hedge rates that are
    per word of the author's voice.

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
                             "n": rec["n_words"], "estimate": rec[column],
                             "n_articles": rec.get("n_articles")})
    columns = ["outlet", "measure", "count", "n", "estimate"]
    return pd.DataFrame(rows, columns=columns + ["n_articles"] * ("n_articles" in profiles))


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
    link = f"[evidence: {NOTEBOOK}.html#summary; tables/{TABLES_SUMMARY}.csv]"
    findings = [f"{note} {link}"] if note else []
    findings += [f"{outlet} — {rec.statement} [evidence: {rec.anchor}; {rec.evidence}]"
                 for _, _, outlet, rec in kept]
    left = [c for c in chosen if c[1] not in {k[1] for k in kept}]
    if left:
        findings.append(f"{plural(len(left), 'more statement')} about "
                        f"{plural(len({c[2] for c in left}), 'outlet')} in the notebook's summary. "
                        + link)
    return findings


_MORE_LINE = re.compile(r"\A[\d,]+ more statements? about ")


def recorded_statements(findings: list[str], note: str = "") -> tuple[int, int]:
    """How many of :func:`findings_text`'s lines are statements on the index, and how many
    more it left to the notebook's summary (its last line counts them); ``note`` is not a
    statement.

    >>> recorded_statements(["Small corpus. [evidence: x]", "A — x", "B — y", "3 more "
    ...                      "statements about 2 outlets in the notebook's summary."],
    ...                     note="Small corpus.")
    (2, 3)
    """
    lines = [line for line in findings if not (note and line.startswith(note))]
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
