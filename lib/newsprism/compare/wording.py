"""Wording shared by the generated statements and the report's readings: counts with their
noun, a rank named only when it is first, and which rate a reading reads (pooled or the mean
of articles' rates, which can rank outlets differently).
"""

from __future__ import annotations

import pandas as pd


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``, ``"1,250 words"``.

    >>> plural(1, "article"), plural(3, "outlet"), plural(2, "analysis", "analyses")
    ('1 article', '3 outlets', '2 analyses')
    """
    n = int(n)
    return f"{n:,} {noun if n == 1 else (many or noun + 's')}"


# An outlet's events over all its words (40's rates), named where a reading names a leader.
POOLED_BASIS = "pooled over its articles"


def mean_basis(noun: str = "rates", several: bool = False) -> str:
    """Which measure a reading of per-article means (30's rates) reads, named where it names
    the leader.

    >>> mean_basis(), mean_basis("shares", several=True)
    ("mean of its articles' rates", "mean of their articles' shares")
    """
    return f"mean of {'their' if several else 'its'} articles' {noun}"


def verb(n: int, one: str, many: str) -> str:
    """The verb (or any word) agreeing with a count: ``one`` for exactly 1, else ``many``.

    >>> f"1 of 2 outlets {verb(1, 'has', 'have')}", f"3 of 5 {verb(3, 'are', 'are')}"
    ('1 of 2 outlets has', '3 of 5 are')
    """
    return one if int(n) == 1 else many


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
