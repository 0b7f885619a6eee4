"""The lines cleaning kept in doubt, per outlet: kept in the text although the line model
or the body-region decoder leaned to furniture ("when in doubt keep, and say so"). They are not removals: no count of
removed lines includes them.
"""

from __future__ import annotations

import pandas as pd

from newsprism.compare.overview import SKIPPED_OUTLET
from newsprism.compare.wording import plural

DOUBT_OUTLET_COLUMNS = ["outlet", "kept_in_doubt", "articles", "reason", "example", "score"]
EXAMPLE_CHARS = 120


def doubts_by_outlet(doubts: pd.DataFrame | None, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how many lines cleaning kept in doubt, in how many articles, and the most
    doubted one as an example.

    Returned columns: ``outlet``; ``kept_in_doubt`` (lines kept in doubt, still in the text);
    ``articles`` (articles holding one); ``reason``, ``example`` (its first
    :data:`EXAMPLE_CHARS` characters) and ``score`` (the line model's furniture probability)
    of the outlet's line with the highest score. Outlets without a doubt are left out; a
    doubt of an article not in ``articles`` counts under "(skipped article)".

    >>> doubts = pd.DataFrame({"article_id": ["a", "a", "b"], "line": [1, 4, 2],
    ...     "kept_text": ["Headline", "A signal.", "Short."], "reason": ["first line (headline)",
    ...     "a sentence after a sentence", "a sentence after a sentence"],
    ...     "score": [0.95, 0.99, 0.97]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"]})
    >>> doubts_by_outlet(doubts, arts)[["outlet", "kept_in_doubt", "example"]].values.tolist()
    [['X', 2, 'A signal.'], ['Y', 1, 'Short.']]
    """
    if doubts is None or doubts.empty or "kept_text" not in doubts:
        return pd.DataFrame(columns=DOUBT_OUTLET_COLUMNS)
    outlets = articles.set_index(articles["article_id"].astype(str))["outlet"]
    frame = doubts.assign(outlet=doubts["article_id"].astype(str).map(outlets)
                          .fillna(SKIPPED_OUTLET))
    top = frame.sort_values(["score", "article_id", "line"], ascending=[False, True, True]) \
        .drop_duplicates("outlet").set_index("outlet")
    table = frame.groupby("outlet", sort=True).agg(
        kept_in_doubt=("kept_text", "size"), articles=("article_id", "nunique")).reset_index()
    table["reason"] = table["outlet"].map(top["reason"])
    table["example"] = table["outlet"].map(top["kept_text"]).astype(str) \
        .str.slice(0, EXAMPLE_CHARS)
    table["score"] = table["outlet"].map(top["score"])
    return table.sort_values(["kept_in_doubt", "outlet"], ascending=[False, True],
                             ignore_index=True)[DOUBT_OUTLET_COLUMNS]


def doubts_reading(table: pd.DataFrame, recorded: bool = True) -> str:
    """How many lines were kept in doubt and where, from :func:`doubts_by_outlet`'s table
    (``recorded`` False: the corpus was annotated before doubts were stored).

    >>> t = pd.DataFrame({"outlet": ["X", "Y"], "kept_in_doubt": [2, 1], "articles": [1, 1]})
    >>> print(doubts_reading(t))
    Cleaning kept 3 lines in doubt (cleaning leaned to removing them, but found a reason to keep them: see reason): 2 at **X**, 1 at **Y**. They stay in the text and are not counted as removed; read the examples to judge them.
    >>> doubts_reading(t.iloc[0:0])
    'Cleaning kept no line in doubt.'
    """
    if not recorded:
        return ("Lines kept in doubt are not recorded in this annotated folder (made before "
                "they were stored): annotate the corpus again to list them.")
    if table is None or table.empty:
        return "Cleaning kept no line in doubt."
    total = int(table["kept_in_doubt"].sum())
    where = ", ".join(f"{int(r.kept_in_doubt):,} at **{r.outlet}**"
                      for r in table.itertuples())
    return (f"Cleaning kept {plural(total, 'line')} in doubt (cleaning leaned to removing "
            f"them, but found a reason to keep them: see reason): {where}. They stay in the "
            "text and are not counted as removed; read the examples to judge them.")
