"""Corpus overview computations: who published what, how long, when, and copies.

Used by ``notebooks/00_corpus_overview``; every function takes the ``articles`` table of
:func:`newsprism.corpus.load_corpus` and returns a tidy DataFrame.

>>> import pandas as pd
>>> letter = ("Kim wrote a warm letter to Putin on the last day of the year, praising the "
...           "troops who fought in Kursk and promising that the two countries would stand "
...           "together in the new year.")
>>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
...     "text": [letter, letter[:-1] + ", KCNA said."], "n_words": [35, 37]})
>>> near_duplicates(articles)[["article_a", "article_b", "is_copy"]].values.tolist()
[['a', 'b', True]]
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from newsprism.core.text import word_spans
from newsprism.corpus.encoding import REPAIR_RULE, REPAIR_RULES, is_repair, removals
from newsprism.corpus.entities import ENTITY_RULE

NEAR_DUPLICATE_COLUMNS = [
    "article_a", "article_b", "outlet_a", "outlet_b", "cosine", "copied_words", "share_a",
    "share_b", "shared_words", "start_a", "end_a", "start_b", "end_b", "is_copy",
]


def outlet_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: number of articles and words (total, median, min, max), genres and
    languages seen.

    Columns: ``outlet``; ``articles``; ``words_total``, ``words_median``, ``words_min``,
    ``words_max`` (words per article, newsprism's word definition); ``genres`` and
    ``languages`` (distinct non-empty values, as text). Descriptive only: no interval.

    >>> outlet_summary(pd.DataFrame({"outlet": ["X", "X", "Y"], "n_words": [10, 30, 5],
    ...     "genre": ["news", "op-ed", ""], "language": ["en", "en", "ru"]}))["words_total"].tolist()
    [40, 5]
    """
    frame = articles.copy()
    for column in ("genre", "language"):
        if column not in frame:
            frame[column] = ""
    grouped = frame.groupby("outlet", sort=True, dropna=False)
    summary = grouped.agg(
        articles=("n_words", "size"), words_total=("n_words", "sum"),
        words_median=("n_words", "median"), words_min=("n_words", "min"),
        words_max=("n_words", "max"),
        genres=("genre", lambda s: ", ".join(sorted({str(v) for v in s if str(v)})) or "unknown"),
        languages=("language", lambda s: ", ".join(sorted({str(v) for v in s if str(v)}))
                   or "unknown"),
    ).reset_index()
    return summary.sort_values(["articles", "words_total", "outlet"],
                               ascending=[False, False, True], ignore_index=True)


def count_by(articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Articles per value of ``column`` (empty values counted as ``"unknown"``), with shares.

    Columns: ``column`` itself (its values); ``articles`` (count); ``share`` (articles / all
    articles, 0-1, sums to 1).

    >>> count_by(pd.DataFrame({"language": ["en", "en", ""]}), "language").values.tolist()
    [['en', 2, 0.6666666666666666], ['unknown', 1, 0.3333333333333333]]
    """
    values = articles[column].fillna("").astype(str).str.strip().replace("", "unknown")
    counts = values.value_counts().rename_axis(column).reset_index(name="articles")
    counts["share"] = counts["articles"] / max(len(articles), 1)
    return counts.sort_values(["articles", column], ascending=[False, True], ignore_index=True)


def date_coverage(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles with a parseable ``published`` date, the first and last date.

    Columns: ``outlet``; ``articles`` (all); ``dated`` (with a parseable date); ``first`` and
    ``last`` (ISO dates, empty when nothing is dated). Dates found only in the text are not
    used here.

    >>> date_coverage(pd.DataFrame({"outlet": ["X", "X"], "published": ["2026-01-02", ""]})
    ...     ).values.tolist()
    [['X', 2, 1, '2026-01-02', '2026-01-02']]
    """
    from newsprism.time.timeline import parse_published

    # The one reading of a publication date (50 places the same articles in time with it):
    # read here on its own, 01/03/2016 was 3 January in 00 and 1 March in 50.
    published, _ = parse_published(articles.get("published", pd.Series([""] * len(articles)))
                                   .reset_index(drop=True))
    frame = pd.DataFrame({"outlet": articles["outlet"].to_numpy(), "published": published})
    rows = []
    for outlet, group in frame.groupby("outlet", sort=True):
        dated = group["published"].dropna()
        rows.append({
            "outlet": outlet, "articles": len(group), "dated": len(dated),
            "first": dated.min().date().isoformat() if len(dated) else "",
            "last": dated.max().date().isoformat() if len(dated) else "",
        })
    return pd.DataFrame(rows, columns=["outlet", "articles", "dated", "first", "last"])


_words = word_spans  # the one word definition (newsprism.core.text)


def longest_shared_passage(text_a: str, text_b: str) -> tuple[int, int, int, int, int]:
    """The longest run of identical words (case-insensitive) in two texts.

    Returns ``(start_a, end_a, start_b, end_b, n_words)`` as character offsets into each text.

    >>> a, b = "Kim sent Putin a letter.", "Yesterday Kim sent Putin a card."
    >>> sa, ea, sb, eb, n = longest_shared_passage(a, b)
    >>> a[sa:ea], b[sb:eb], n
    ('Kim sent Putin a', 'Kim sent Putin a', 4)
    """
    words_a, spans_a = _words(text_a)
    words_b, spans_b = _words(text_b)
    if not words_a or not words_b:
        return 0, 0, 0, 0, 0
    match = SequenceMatcher(None, words_a, words_b, autojunk=False).find_longest_match(
        0, len(words_a), 0, len(words_b))
    if match.size == 0:
        return 0, 0, 0, 0, 0
    return (spans_a[match.a][0], spans_a[match.a + match.size - 1][1],
            spans_b[match.b][0], spans_b[match.b + match.size - 1][1], match.size)


def pair_label(pair) -> str:
    """Two articles of a pair by outlet, and by article id when one outlet wrote both (so a
    pair never reads as an outlet compared with itself).

    >>> pair_label({"outlet_a": "A", "outlet_b": "B", "article_a": "1", "article_b": "2"})
    '**A** and **B**'
    >>> pair_label({"outlet_a": "A", "outlet_b": "A", "article_a": "1", "article_b": "2"})
    'two articles of **A** (1 and 2)'
    """
    if pair["outlet_a"] == pair["outlet_b"]:
        return f"two articles of **{pair['outlet_a']}** ({pair['article_a']} and {pair['article_b']})"
    return f"**{pair['outlet_a']}** and **{pair['outlet_b']}**"


def near_duplicates(articles: pd.DataFrame, *, ngram: int | None = None,
                    min_share: float | None = None, min_words: int | None = None,
                    min_cosine: float = 0.0,
                    max_pairs: int | None = 500, exhaustive_max: int = 2000,
                    passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """The most similar article pairs, and which of them are copies.

    Columns: ``article_a``, ``article_b``, ``outlet_a``, ``outlet_b``; ``cosine``, TF-IDF cosine
    (:func:`newsprism.compare.similarity.tfidf_vectors`, the one TF-IDF of 00 and 40): shared
    vocabulary, which two reports of one event have without copying; ``is_copy``, the one copy
    rule of 00 and 40 (:func:`newsprism.compare.similarity.copied_pairs`): passages of at least
    ``ngram`` words shared word for word (:func:`~newsprism.compare.similarity.find_copied_passages`,
    stock phrases set aside) cover at least ``min_share`` of one of the two articles and hold at
    least ``min_words`` words (defaults ``COPY_NGRAM``, ``COPY_MIN_SHARE``, ``COPY_MIN_WORDS``);
    ``copied_words``, ``share_a``, ``share_b``: words in those passages, each article's share (0
    without); ``shared_words``, ``start_a``, ``end_a``, ``start_b``, ``end_b``: the longest run
    of identical words (KWIC evidence; may be under ``ngram``). ``passages``: if already found.

    Copies come first, then the most similar others, at most ``max_pairs`` rows (``None``:
    all; the longest shared run is the slow part). ``table.attrs`` holds ``n_pairs`` (pairs
    considered), ``n_copies`` (pairs that are copies), ``method`` and ``n_no_shared_term``
    (pairs considered that share no term, cosine 0: not listed). Up to ``exhaustive_max``
    articles every pair with ``cosine >= min_cosine`` is considered; beyond, pairs that share
    a copied passage (their number does not grow with the square of the corpus).

    >>> text = " ".join(f"word{i}" for i in range(30))
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": "X", "text": [text, "A. " + text]})
    >>> near_duplicates(arts)[["article_a", "article_b", "copied_words", "is_copy"]].values.tolist()
    [['a', 'b', 30, True]]
    """
    from newsprism.compare import similarity

    if len(articles) < 2:
        return _empty_pairs()
    texts = articles["text"].fillna("").astype(str).tolist()
    ids = articles["article_id"].astype(str).tolist()
    outlets = (articles["outlet"].astype(str).tolist() if "outlet" in articles
               else [""] * len(ids))
    matrix = similarity.tfidf_vectors(texts)
    if not matrix.nnz:  # no text has a term
        return _empty_pairs()
    if passages is None:
        passages = similarity.find_copied_passages(
            articles.assign(article_id=ids, outlet=outlets, text=texts),
            n=ngram or similarity.COPY_NGRAM)
    copies = similarity.copied_pairs(
        passages, similarity.COPY_MIN_SHARE if min_share is None else min_share,
        similarity.COPY_MIN_WORDS if min_words is None else min_words)
    position = {article_id: k for k, article_id in enumerate(ids)}
    copy_i = copies["article_a"].astype(str).map(position).to_numpy(dtype=int)
    copy_j = copies["article_b"].astype(str).map(position).to_numpy(dtype=int)
    if len(texts) <= exhaustive_max:
        method = "all pairs"
        rows_i, rows_j, values = _all_pairs(matrix, min_cosine)
    else:
        method = "pairs sharing a copied passage"
        rows_i, rows_j = copy_i, copy_j
        values = _paired_dots(matrix, rows_i, rows_j)
    found = {(i, j): k for k, (i, j) in enumerate(zip(copy_i.tolist(), copy_j.tolist(),
                                                      strict=True))}
    which = np.array([found.get((i, j), -1) for i, j in zip(rows_i.tolist(), rows_j.tolist(),
                                                            strict=True)], dtype=int)
    is_copy = np.where(which >= 0, copies["is_copy"].to_numpy(dtype=bool)[which], False) \
        if len(copies) else np.zeros(len(which), dtype=bool)
    # Copies first, then by cosine; ties by ids so the choice is deterministic.
    id_array = np.array(ids, dtype=str)
    order = np.lexsort((id_array[rows_j], id_array[rows_i], -values, ~is_copy))
    if max_pairs is not None:
        order = order[:max_pairs]
    rows = [_pair_row(texts, ids, outlets, rows_i[k], rows_j[k], values[k],
                      copies.iloc[which[k]] if which[k] >= 0 else None) for k in order]
    table = pd.DataFrame(rows, columns=NEAR_DUPLICATE_COLUMNS)
    table = table.sort_values(["cosine", "article_a", "article_b"], ascending=[False, True, True],
                              ignore_index=True)
    # In "all pairs" mode a pair sharing no term (cosine 0: two languages, say) is scored too:
    # it is no copy. It was left out of n_pairs, and 00 read "6 of 19 pairs" of 28.
    every = len(ids) * (len(ids) - 1) // 2 if method == "all pairs" else int(len(values))
    table.attrs.update(n_pairs=every, n_copies=int(is_copy.sum()), method=method,
                       n_no_shared_term=every - int(len(values)))
    return table


def _all_pairs(matrix, min_cosine: float):
    """Every pair with ``cosine >= min_cosine``: (rows_i, rows_j, cosine)."""
    from scipy import sparse

    cosine = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    keep = cosine.data >= min_cosine
    return (cosine.row[keep].astype(int), cosine.col[keep].astype(int),
            cosine.data[keep].astype(float))


def _pair_row(texts: list[str], ids: list[str], outlets: list[str], i: int, j: int,
              cosine: float, copy) -> dict:
    """One row of :func:`near_duplicates`: the pair's copy figures (``copy``: its row of
    :func:`~newsprism.compare.similarity.copied_pairs`, or None) and longest shared passage."""
    sa, ea, sb, eb, n = longest_shared_passage(texts[i], texts[j])
    return {
        "article_a": ids[i], "article_b": ids[j], "outlet_a": outlets[i],
        "outlet_b": outlets[j], "cosine": round(min(float(cosine), 1.0), 6),
        "copied_words": int(copy["copied_words"]) if copy is not None else 0,
        "share_a": round(float(copy["share_a"]), 6) if copy is not None else 0.0,
        "share_b": round(float(copy["share_b"]), 6) if copy is not None else 0.0,
        "shared_words": n, "start_a": sa, "end_a": ea, "start_b": sb, "end_b": eb,
        "is_copy": bool(copy is not None and copy["is_copy"]),
    }


def _paired_dots(matrix, rows_i: np.ndarray, rows_j: np.ndarray,
                 chunk: int = 50_000) -> np.ndarray:
    """Dot product of row ``rows_i[k]`` with row ``rows_j[k]`` of a sparse matrix, for every k
    (in chunks, so memory stays bounded however many pairs there are)."""
    out = np.zeros(len(rows_i))
    for start in range(0, len(rows_i), chunk):
        a = matrix[rows_i[start:start + chunk]]
        b = matrix[rows_j[start:start + chunk]]
        out[start:start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _empty_pairs() -> pd.DataFrame:
    table = pd.DataFrame(columns=NEAR_DUPLICATE_COLUMNS)
    table.attrs.update(n_pairs=0, n_copies=0, method="all pairs")
    return table


def similarity_matrix(articles: pd.DataFrame, by_outlet: bool = False) -> pd.DataFrame:
    """Square TF-IDF cosine similarity between all articles (labels: article ids), rounded to
    6 decimals: :func:`newsprism.compare.similarity.similarity_matrix`, the one used by 40 as well.

    ``by_outlet=True`` aggregates it for large corpora: the mean cosine over all pairs of
    distinct articles from two outlets (labels: outlets; the diagonal averages pairs within
    an outlet, NaN for an outlet of one article). The article matrix is never made dense then.

    >>> m = similarity_matrix(pd.DataFrame({"article_id": ["a", "b"],
    ...                                     "text": ["letter sent", "letter read"]}))
    >>> float(m.loc["a", "a"]), bool(0 < m.loc["a", "b"] < 1)
    (1.0, True)
    """
    from newsprism.compare.similarity import similarity_matrix as tfidf_similarity

    articles = articles.assign(article_id=articles["article_id"].astype(str),
                               text=articles["text"].fillna("").astype(str))
    return tfidf_similarity(articles, level="outlet_mean" if by_outlet else "article").round(6)


def removed_characters(audit: pd.DataFrame) -> pd.Series:
    """Characters each audit row removed: its ``removed_text``'s length, 0 for an encoding
    repair or decoded entities (its ``removed_text`` is a before → after sample; nothing was
    removed).

    >>> removed_characters(pd.DataFrame({"rule": ["byline", REPAIR_RULE],
    ...     "removed_text": ["By Ann", "text, 1 line: Ã© → é"]})).tolist()
    [6, 0]
    """
    text = audit.get("removed_text", pd.Series("", index=audit.index, dtype=str))
    return text.fillna("").astype(str).str.len().where(~is_repair(audit), 0)


def audit_summary(audit: pd.DataFrame) -> pd.DataFrame:
    """Removals per cleaning rule: how many lines and characters, in how many articles.
    Rules ``encoding_repair`` and ``html_entities`` count repaired fields (title or text), no
    characters removed.

    Columns: ``rule``; ``removals`` (audit rows: lines removed, or fields repaired);
    ``articles`` (distinct articles touched); ``characters`` (characters removed). Counts
    what the rules did, not whether each removal was right (see the cleaning validation).

    >>> audit_summary(pd.DataFrame({"article_id": ["a", "a", "b"], "rule": ["r1", "r1", "r2"],
    ...     "removed_text": ["xx", "y", "zzz"]})).values.tolist()
    [['r1', 2, 1, 3], ['r2', 1, 1, 3]]
    """
    columns = ["rule", "removals", "articles", "characters"]
    if audit is None or audit.empty or "rule" not in audit:
        return pd.DataFrame(columns=columns)
    frame = audit.assign(characters=removed_characters(audit))
    table = frame.groupby("rule", sort=True).agg(
        removals=("rule", "size"), articles=("article_id", "nunique"),
        characters=("characters", "sum")).reset_index()
    return table.sort_values(["removals", "rule"], ascending=[False, True],
                             ignore_index=True)[columns]


def audit_reading(audit: pd.DataFrame, rules: pd.DataFrame, n_articles: int,
                  kept: pd.Series | None = None) -> str:
    """The cleaning audit in one sentence, from :func:`audit_summary`'s table; rules tied for
    the most removals are named together. ``kept``: the ids of the ``n_articles`` articles
    read; removals from other articles (emptied by cleaning, so skipped) are counted apart.

    >>> rules = pd.DataFrame({"rule": ["a", "b", "c"], "removals": [3, 3, 1]})
    >>> audit = pd.DataFrame({"article_id": ["x"] * 7})
    >>> audit_reading(audit, rules, 2)
    'Cleaning removed 7 lines from 1 of 2 articles; the most frequent rules are **a** and **b** (3 removals each).'
    """
    if audit is None or audit.empty or rules.empty:
        return "Cleaning removed nothing."
    repaired = repair_reading(audit, n_articles)
    audit, rules = removals(audit), rules[~rules["rule"].isin(REPAIR_RULES)]
    if audit.empty or rules.empty:
        return "Cleaning removed nothing. " + repaired
    top = rules[rules["removals"] == rules["removals"].max()]
    names = " and ".join(f"**{r}**" for r in top["rule"])
    count = int(top["removals"].iloc[0])
    removed = f"{count:,} removal" + ("" if count == 1 else "s")
    which = (f"the most frequent rule is {names} ({removed})" if len(top) == 1 else
             f"the most frequent rules are {names} ({removed} each)")
    lines = f"{len(audit):,} line" + ("" if len(audit) == 1 else "s")
    ids = audit["article_id"].astype(str)
    emptied = ids[~ids.isin(kept.astype(str))].nunique() if kept is not None else 0
    return (f"Cleaning removed {lines} from {ids.nunique() - emptied:,} of "
            f"{n_articles:,} article{'' if n_articles == 1 else 's'}"
            + (f" and from {emptied} article{'' if emptied == 1 else 's'} it emptied, which "
               "were skipped (see the problems table)" if emptied else "")
            + f"; {which}." + (" " + repaired if repaired else ""))


def repair_reading(audit: pd.DataFrame, n_articles: int) -> str:
    """How many articles had their encoding repaired, and how many their HTML entities
    decoded ("" when none).

    >>> repair_reading(pd.DataFrame({"article_id": ["a", "a", "b"],
    ...     "rule": [REPAIR_RULE, REPAIR_RULE, ENTITY_RULE]}), 4)
    'Mojibake (text decoded with the wrong codec) was repaired in 1 of 4 articles. HTML entities ("&amp;", "&#8217;") were decoded in 1 of 4 articles.'
    """
    if audit is None or audit.empty or "rule" not in audit:
        return ""
    said = []
    for rule, what in ((REPAIR_RULE, "Mojibake (text decoded with the wrong codec) was "
                                     "repaired"),
                       (ENTITY_RULE, 'HTML entities ("&amp;", "&#8217;") were decoded')):
        n = audit.loc[audit["rule"] == rule, "article_id"].nunique()
        if n:
            said.append(f"{what} in {n:,} of {n_articles:,} articles.")
    return " ".join(said)


def cleaning_outlet_reading(table: pd.DataFrame) -> str:
    """The largest removal of :func:`cleaning_by_outlet`'s table, every figure from one row.

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "rule": ["r1", "r2"], "characters": [900, 100],
    ...                   "share_of_text": [0.05, 0.40]})
    >>> print(cleaning_outlet_reading(t))
    The rule that removed the most characters at one outlet is **r1** at **A**: 900 characters, 5.0% of that outlet's text.
    """
    if table is None or table.empty:
        return "Cleaning removed nothing."
    repaired = "".join(_outlet_repairs(table[table["rule"] == rule], what) for rule, what in
                       ((REPAIR_RULE, "Mojibake was repaired"),
                        (ENTITY_RULE, "HTML entities were decoded")))
    table = table[~table["rule"].isin(REPAIR_RULES)]
    if table.empty:
        return "Cleaning removed nothing." + repaired
    skipped = table[table["outlet"] == SKIPPED_OUTLET]
    emptied = (f" Articles emptied by cleaning, and skipped, lost {int(skipped['characters'].sum()):,} "
               f"characters; they are listed under {SKIPPED_OUTLET}." if len(skipped) else "")
    table = table[table["outlet"] != SKIPPED_OUTLET]
    if table.empty:
        return "Cleaning removed nothing from the articles read." + emptied + repaired
    # "Largest" by characters, said so: another row may hold a larger share of its outlet.
    row = table.loc[table["characters"].astype(float).idxmax()]
    lines = (f"{int(row['removals']):,} line{'' if int(row['removals']) == 1 else 's'}, "
             if "removals" in row and pd.notna(row["removals"]) else "")
    # a rule's removals at one outlet added up, not one removed line: said so
    return (f"The rule that removed the most characters at one outlet is **{row['rule']}** at "
            f"**{row['outlet']}**: {lines}{int(row['characters']):,} characters, "
            f"{float(row['share_of_text']):.1%} of that outlet's text." + emptied + repaired)


def _outlet_repairs(repairs: pd.DataFrame, what: str) -> str:
    """" {what} in 2 articles of **A**, 1 article of **B**." ("" when ``repairs`` is empty)."""
    if repairs.empty:
        return ""
    return f" {what} in " + ", ".join(
        f"{int(r.articles)} article{'s' if int(r.articles) != 1 else ''} of **{r.outlet}**"
        for r in repairs.itertuples()) + "."


# The outlet of the cleaning tables for articles cleaning emptied (not among the articles read).
SKIPPED_OUTLET = "(skipped article)"


def cleaning_by_outlet(audit: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and rule: lines and characters removed, the share of the outlet's raw
    characters they were, and one example of removed text.

    Returned columns: outlet, rule, removals, articles, characters, share_of_text, example.
    ``share_of_text`` = removed characters / (removed + kept characters) of the outlet's
    articles (kept = the cleaned ``text``). Articles emptied by cleaning are not in
    ``articles``, so their removals are counted under outlet "(skipped article)".
    Rules ``encoding_repair`` and ``html_entities``: repaired fields and articles, 0
    characters (nothing removed),
    a before → after sample as example.

    >>> audit = pd.DataFrame({"article_id": ["a", "a"], "rule": ["r1", "r2"],
    ...                       "removed_text": ["xx", "yy"]})
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["abcdef"]})
    >>> cleaning_by_outlet(audit, arts)[["outlet", "rule", "removals", "share_of_text"]
    ...     ].values.tolist()
    [['X', 'r1', 1, 0.2], ['X', 'r2', 1, 0.2]]
    """
    columns = ["outlet", "rule", "removals", "articles", "characters", "share_of_text",
               "example"]
    if audit is None or audit.empty or "rule" not in audit:
        return pd.DataFrame(columns=columns)
    outlets = articles.set_index(articles["article_id"].astype(str))["outlet"]
    frame = audit.assign(
        outlet=audit["article_id"].astype(str).map(outlets).fillna(SKIPPED_OUTLET),
        characters=removed_characters(audit))
    kept = articles.assign(chars=articles["text"].fillna("").str.len()) \
        .groupby("outlet")["chars"].sum()
    removed = frame.groupby("outlet")["characters"].sum()
    total = removed.add(kept, fill_value=0)
    table = frame.groupby(["outlet", "rule"], sort=True).agg(
        removals=("rule", "size"), articles=("article_id", "nunique"),
        characters=("characters", "sum"), example=("removed_text", "first")).reset_index()
    table["share_of_text"] = (table["characters"] / table["outlet"].map(total)).round(4)
    table["example"] = table["example"].astype(str).str.slice(0, 120)
    return table.sort_values(["outlet", "removals", "rule"], ascending=[True, False, True],
                             ignore_index=True)[columns]
