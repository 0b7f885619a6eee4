"""Statements on claims: an outlet in a group of figures flagged as a conflict between outlets,
called a disagreement only when the figures can count the same thing.
"""

from __future__ import annotations

import re

import pandas as pd

from newsprism.compare.statements import statement

# How a claim statement starts when its values may not count one thing: a pointer to the
# claims table, not a finding, so it never takes one of an outlet's places in the index.
UNCLEAR_CLAIM = "Figures for "
_OUTLET_LIST = re.compile(r"\(([^()]*)\)$")


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


def _count_outlets(match: re.Match) -> str:
    """"(A, B, C, D)" -> "(4 outlets)": long outlet lists are counted, short ones named."""
    names = match.group(1).split(", ")
    return match.group(0) if len(names) <= 3 else f"({len(names)} outlets)"
