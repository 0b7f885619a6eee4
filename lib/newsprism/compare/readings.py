"""Readings of a comparison table for the report: who leads and whether the lead is clear
(intervals, the family's q), and what a corpus too small cannot compare.
"""

from __future__ import annotations

import pandas as pd

from newsprism.compare.multiple_testing import ALPHA
from newsprism.compare.wording import POOLED_BASIS, plural


def comparison_limits(n_outlets: int, n_articles: int, n_thin: int = 0) -> str:
    """What cannot be compared in a corpus this small, and why ("" when all can).
    ``n_thin``: outlets with fewer than :data:`~newsprism.core.stats.MIN_ARTICLES` articles;
    when every outlet is one, no tone, rate or frame statement can be made.

    >>> comparison_limits(1, 1)
    'This corpus has 1 outlet and 1 article: outlets cannot be compared with each other (that needs at least 2 outlets), and there is no second article to share passages with.'
    >>> comparison_limits(5, 5, n_thin=5)
    'This corpus has 5 outlets and 5 articles: every outlet has fewer than 5 articles, so no tone, rate or frame is compared between outlets (an interval over so few articles covers the truth far less often than 95%).'
    """
    from newsprism.core.stats import MIN_ARTICLES

    parts = []
    if n_outlets < 2:
        parts.append("outlets cannot be compared with each other (that needs at least 2 "
                     "outlets)")
    elif n_thin >= n_outlets:
        parts.append(f"every outlet has fewer than {MIN_ARTICLES} articles, so no tone, rate "
                     "or frame is compared between outlets (an interval over so few articles "
                     "covers the truth far less often than 95%)")
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


def few_articles_text(n_articles: int) -> str:
    """Why a lead rests on too few articles (below
    :data:`~newsprism.core.stats.MIN_ARTICLES`): what every reading says in place of an
    interval-based claim.

    >>> few_articles_text(1)
    'from a single article: no interval over articles'
    >>> few_articles_text(3)
    'from 3 articles (fewer than 5): no interval over articles'
    """
    from newsprism.core.stats import MIN_ARTICLES

    if int(n_articles) == 1:
        return "from a single article: no interval over articles"
    return (f"from {plural(int(n_articles), 'article')} (fewer than {MIN_ARTICLES}): no "
            "interval over articles")


def pooled_order_text(table: pd.DataFrame, leaders: list[str], pooled_what: str, shown,
                      lowest: bool = False) -> str:
    """The clause a reading of per-article means adds when the pooled measure (column
    ``pooled``: ``pooled_what``, e.g. all an outlet's quotations over all its words) puts
    another outlet first: a reader takes "rate" as pooled, so the leader on the mean must not
    read as the leader on the pooled rate. "" when ``table`` has no ``pooled`` column or one of
    ``leaders`` is also first pooled. ``shown`` formats a value with its unit.

    >>> t = pd.DataFrame({"outlet": ["P", "W"], "estimate": [17.9, 17.8],
    ...                   "pooled": [14.96, 17.67]})
    >>> pooled_order_text(t, ["P"], "its quotations over all its words",
    ...                   lambda v: f"{v:.1f} per 1,000 words")
    '; pooled instead (its quotations over all its words), **W** is highest (17.7 per 1,000 words) and **P** has 15.0 per 1,000 words'
    >>> pooled_order_text(t, ["W"], "x", str)
    ''
    """
    if "pooled" not in table or table["pooled"].isna().all():
        return ""
    first = tied_at(table, "pooled", highest=not lowest)
    if set(first) & set(leaders):
        return ""
    pooled = table.set_index("outlet")["pooled"]
    rank = "lowest" if lowest else "highest"
    own = " and ".join(f"**{o}** has {shown(pooled[o])}" for o in leaders)
    return (f"; pooled instead ({pooled_what}), {_names(first)} "
            f"{'is' if len(first) == 1 else 'are'} {rank} ({shown(pooled[first[0]])}) and {own}")


def top_rate_reading(rates: pd.DataFrame, label: str, unit: str = "per 1,000 words") -> str:
    """A reading naming the outlet with the highest rate (one row per outlet: outlet,
    estimate (per 1,000 words), and ci_low / ci_high or count / n (words) for the interval).

    Says "tie" for equal rates, "no clear difference" when the top outlet's 95% interval holds
    the next outlet's rate, that nothing can be compared with one outlet, and, given an
    ``n_articles`` column, that a top outlet with too few articles
    (:func:`few_articles_text`) leads nothing established. With a
    ``q_value`` column (see :func:`with_family_q`), a lead whose interval clears the runner-up
    is called clear only when its q is below :data:`ALPHA`, as in the summary
    (:func:`lead_verdict`). The rate is named as pooled (:data:`POOLED_BASIS`: all the
    outlet's events over all its words) where the leader is named, since 30_quotes reads the
    mean of articles' rates (:func:`~newsprism.compare.wording.mean_basis`) and the two can rank differently.

    >>> rates = pd.DataFrame({"outlet": ["A", "B"], "count": [30, 2], "n": [1000, 1000],
    ...                       "estimate": [30.0, 2.0]})
    >>> top_rate_reading(rates, "hedging rate")
    '**A** has the highest hedging rate of 2 outlets (pooled over its articles: 30.0 per 1,000 words, 95% CI 20.2 to 42.8; next: B, 2.0).'
    """
    from newsprism.core.stats import MIN_ARTICLES, enough_articles, poisson_rate_ci

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
                f"{plural(len(table), 'outlet')} ({POOLED_BASIS.replace('its', 'their')}: "
                f"{top['estimate']:.1f} {unit}).")
    if {"ci_low", "ci_high"} <= set(table):
        low, high = top["ci_low"], top["ci_high"]
    else:
        low, high = poisson_rate_ci(int(top["count"]), max(float(top["n"]), 1.0))
    following = table.iloc[1]
    if not enough_articles(top.get("n_articles", MIN_ARTICLES)):
        return (f"**{top['outlet']}** has the highest {label} of "
                f"{plural(len(table), 'outlet')} ({POOLED_BASIS}: {top['estimate']:.1f} "
                f"{unit}; next: "
                f"{following['outlet']}, {following['estimate']:.1f}), but "
                f"{few_articles_text(top['n_articles'])}, so the lead is not established.")
    text = (f"**{top['outlet']}** has the highest {label} of {plural(len(table), 'outlet')} "
            f"({POOLED_BASIS}: {top['estimate']:.1f} {unit}, 95% CI {low:.1f} to {high:.1f}; "
            f"next: "
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
                  fmt: str = "+.2f", basis: str = "") -> str:
    """The lowest and highest outlet of a table with 95% intervals (outlet, ``value``,
    ci_low, ci_high), saying "no clear difference" when their intervals overlap and what
    cannot be compared with one outlet. ``basis`` (what the value is read on: engine, which
    sentences) opens the first bracket, so the sentence has one bracket where a label with
    its own read "tone (vader; ...) (+0.02, ...)".

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
        return all_equal_text(rows, label, f"{basis + ': ' if basis else ''}{low[value]:{fmt}}")

    def shown(rec) -> str:
        return (f"{rec[value]:{fmt}}, 95% CI {rec['ci_low']:{fmt}} to {rec['ci_high']:{fmt}}")

    lows, highs = tied_at(rows, value, highest=False), tied_at(rows, value)
    overlap = low["ci_high"] >= high["ci_low"]
    head = (f"Of {plural(rows['outlet'].nunique(), 'outlet')}, "
            f"{tied_names(lows).replace('**', '')} the lowest {label} "
            f"({basis + ': ' if basis else ''}{shown(low)}) and "
            f"{', '.join(highs[:-1]) + ' and ' if len(highs) > 1 else ''}{highs[-1]} the highest "
            f"({shown(high)}); ")
    thin = thin_extremes_text(low, high)
    if thin:
        return head + thin
    return head + ("the intervals overlap, so there is no clear difference." if overlap
                   else "the intervals do not overlap.") + runner_up_text(rows, value, fmt)


def thin_extremes_text(low, high) -> str:
    """Why the lowest and highest rows (with ``n_articles``) are not compared when either has
    fewer than :data:`~newsprism.core.stats.MIN_ARTICLES` articles ("" otherwise).

    >>> thin_extremes_text({"outlet": "A", "n_articles": 2}, {"outlet": "B", "n_articles": 9})
    'A is from 2 articles (fewer than 5): no interval over articles, so no difference is read from the intervals.'
    >>> thin_extremes_text({"outlet": "A", "n_articles": 1}, {"outlet": "B", "n_articles": 1})
    'A and B are each from a single article: no interval over articles, so no difference is read from the intervals.'
    """
    from newsprism.core.stats import MIN_ARTICLES, enough_articles

    few = [rec for rec in (low, high)
           if not enough_articles(rec.get("n_articles", MIN_ARTICLES))]
    if not few:
        return ""
    if len(few) == 2 and int(few[0]["n_articles"]) == int(few[1]["n_articles"]):
        names = (f"{few[0]['outlet']} and {few[1]['outlet']} are each "
                 f"{few_articles_text(few[0]['n_articles'])}")
    else:
        names = "; ".join(f"{rec['outlet']} is {few_articles_text(rec['n_articles'])}"
                          for rec in few)
    return f"{names}, so no difference is read from the intervals."


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
        bound = first["ci_low"] if beyond == "below" else first["ci_high"]
        shown, edge = (f"{second[value]:{fmt}}", "") if held else apart(second[value], bound,
                                                                         fmt)
        parts.append(f"next {word}: {second['outlet']} ({shown}), "
                     + (f"inside {first['outlet']}'s interval, so {first['outlet']}'s lead is "
                        "not clear" if held else f"{beyond} {first['outlet']}'s interval" + (
                            f" ({'lower' if beyond == 'below' else 'upper'} bound {edge})"
                            if shown != f"{second[value]:{fmt}}" else "")))
    return " N" + "; ".join(parts)[1:] + "." if parts else ""


def apart(value: float, bound: float, fmt: str = "+.2f") -> tuple[str, str]:
    """``value`` and ``bound`` formatted with ``fmt``, with more decimals (up to four more)
    where ``fmt`` rounds them to the same figure: "+0.05, above an interval to +0.05" read
    as a contradiction for +0.0509 against +0.0504.

    >>> apart(0.0509, 0.0504), apart(0.07, 0.05)
    (('+0.051', '+0.050'), ('+0.07', '+0.05'))
    """
    base = int(fmt.rsplit(".", 1)[1][:-1])
    for digits in range(base, base + 5):
        spec = fmt.rsplit(".", 1)[0] + f".{digits}" + fmt[-1]
        if f"{value:{spec}}" != f"{bound:{spec}}":
            break
    return f"{value:{spec}}", f"{bound:{spec}}"
