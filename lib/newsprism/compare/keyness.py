"""Distinctive vocabulary: weighted log-odds with an informative Dirichlet prior, plus KWIC.

Implements Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4), eq. 16
and 18-20: each group against the rest of the corpus, with the corpus-wide counts as the prior
so that frequent function words are shrunk towards zero instead of dominating.

>>> import pandas as pd
>>> counts = pd.DataFrame({"A": [12, 1], "B": [1, 10]}, index=["troops", "letter"])
>>> table = log_odds_dirichlet(counts)
>>> table.sort_values("z").iloc[-1][["term", "group"]].tolist()
['troops', 'A']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.core import paths
from newsprism.core.stats import with_deprecated_aliases
from newsprism.core.text import WORD
from newsprism.core.yaml_io import load_yaml_file

# The one word definition (newsprism.core.text.WORD), lower-cased for counting.
_WORD = WORD
STOPWORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "said", "says"}
TERM_STOP_LIST = paths.CODEBOOKS / "keyness_stopwords.yml"
# distinctive_terms' columns, before the deprecated copy of q_value (core.stats)
TERM_COLUMNS = ["group", "rank", "term", "count", "count_rest", "delta", "z", "q_value",
                "significant", "n_tested"]


@lru_cache(maxsize=4)
def load_term_stop_list(path: str | Path | None = None) -> frozenset[str]:
    """The editable list of terms never counted (``data/codebooks/keyness_stopwords.yml``:
    honorifics), lower case."""
    data = load_yaml_file(path or TERM_STOP_LIST) or {}
    return frozenset(str(t).strip().lower() for t in data.get("terms") or [])


def term(token: str) -> str:
    """The term a lower-cased word token counts as: a possessive "'s" is dropped, so
    "pyongyang's" and "pyongyang" are one term (otherwise an outlet that writes "Putin's"
    looks distinctive beside one that writes "Putin"). Only the keyness terms (and the TF-IDF
    vectors that share :func:`tokenize`) are normalised; the word itself, and so
    :func:`newsprism.core.text.count_words`, is unchanged. Contractions on "'s" ("it's",
    "that's") become their stopword and are dropped with it.

    >>> [term(t) for t in ["pyongyang's", "pyongyang", "isn't", "'s"]]
    ['pyongyang', 'pyongyang', "isn't", "'s"]
    """
    return token[:-2] if token.endswith("'s") and len(token) > 2 else token


def tokenize(text: str) -> list[str]:
    """Lower-cased terms (see :func:`term`: possessive "'s" dropped), one per word of
    :data:`newsprism.core.text.WORD`; curly apostrophes folded to straight ones; no pure
    numbers.

    >>> tokenize("Kim’s letter, 2026.")
    ['kim', 'letter']
    """
    lowered = text.lower()
    if len(lowered) == len(text):  # lower-casing first is the same and much faster
        tokens = _WORD.findall(lowered.replace("\u2019", "'"))
    else:  # a few characters ("İ") lengthen when lower-cased: token by token, as defined
        tokens = [m.group(0).lower().replace("\u2019", "'") for m in _WORD.finditer(text)]
    return [term(t) for t in tokens if not t.isdigit()]


def is_counted(token: str, listed: frozenset[str] = frozenset()) -> bool:
    """Whether a :func:`tokenize` term counts as a content term: not a stop word of
    :data:`STOPWORDS` (nor a contraction of one, "we'll"), not one letter (fragments: "m" of
    "I'm", "p" of "p.m.") and not in ``listed`` (see :func:`load_term_stop_list`).

    >>> [is_counted(t, frozenset({"mr"})) for t in ["troops", "the", "we'll", "m", "mr"]]
    [True, False, False, False, False]
    """
    return not (token in STOPWORDS or token.split("'")[0] in STOPWORDS
                or len(token) == 1 or token in listed)


def content_terms(text: str, stop_list: str | Path | None = None) -> list[str]:
    """THE content terms of a text, for keyness counts and TF-IDF vectors alike: the terms of
    :func:`tokenize` that :func:`is_counted` keeps, with the stop list ``stop_list`` (default
    :data:`TERM_STOP_LIST`: honorifics).

    >>> content_terms("Mr. Kim's letter, p.m.")
    ['kim', 'letter']
    """
    listed = load_term_stop_list(stop_list)
    return [t for t in tokenize(text) if is_counted(t, listed)]


def name_terms(names: Iterable[object]) -> frozenset[str]:
    """The terms (:func:`tokenize`) of the words of group names, e.g. the corpus's outlet names
    as its articles' ``outlet`` field gives them. An outlet's own name ("HuffPost",
    "Politico") or a credit to it says who published, not how the story is covered.

    >>> sorted(name_terms(["USA Today", "HuffPost"]))
    ['huffpost', 'today', 'usa']
    """
    return frozenset(t for name in dict.fromkeys(names) for t in tokenize(str(name)))


def term_counts(articles: pd.DataFrame, by: str = "outlet", stopwords: bool = True,
                min_count: int = 2, stop_list: str | Path | None = None,
                exclude_names: bool = False) -> pd.DataFrame:
    """Term-by-group count matrix (one row per term, one column per group).

    ``stopwords=True`` counts only :func:`content_terms` (drops scikit-learn's
    ENGLISH_STOP_WORDS, as NLTK's list is not available offline, every one-letter term and the
    terms of ``stop_list``, default :data:`TERM_STOP_LIST`: honorifics); terms seen fewer than
    ``min_count`` times in the whole corpus are dropped. ``exclude_names=True`` also drops the
    words of the group names (:func:`name_terms` of ``articles[by]``: outlet names excluded).

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["A", "B"], "text": ["troops troops the", "letter the"]})
    >>> term_counts(arts, min_count=1).loc["troops"].tolist()
    [2, 0]
    """
    rows: dict[str, dict[str, int]] = {}
    for group, text in zip(articles[by], articles["text"], strict=True):
        bucket = rows.setdefault(group, {})
        for token in content_terms(text, stop_list) if stopwords else tokenize(text):
            bucket[token] = bucket.get(token, 0) + 1
    counts = pd.DataFrame(rows).fillna(0).astype(int)
    counts = counts[counts.sum(axis=1) >= min_count]
    if exclude_names:
        counts = counts[~counts.index.isin(name_terms(articles[by]))]
    counts.index.name = "term"
    return counts.sort_index()


def log_odds_dirichlet(counts: pd.DataFrame, prior: pd.Series | None = None,
                       prior_scale: float = 1.0) -> pd.DataFrame:
    """Log-odds ratio of each term in each group versus all other groups, with z-scores.

    ``counts``: one row per term, one column per group. ``prior``: Dirichlet pseudo-counts
    alpha_w per term; default the corpus-wide counts (row sums) times ``prior_scale`` — the
    informative prior of Monroe et al. (2008). For group i and the rest j, with
    n = column total and a0 = sum of alpha:

        delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w))
                - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
        var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
        z_w     = delta_w / sqrt(var_w)

    Returns one row per (term, group): term, group, count, count_rest, delta, var, z.

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"A": [3, 1], "B": [1, 3]}, index=["x", "y"])
    >>> round(log_odds_dirichlet(counts).query("term == 'x' and group == 'A'").z.item(), 3)
    1.149
    """
    counts = counts.astype(float)
    alpha = counts.sum(axis=1) * prior_scale if prior is None else prior.reindex(counts.index)
    alpha = alpha.fillna(0).astype(float)
    if (alpha <= 0).any():
        # A zero pseudo-count makes the log-odds of an unseen term infinite.
        raise ValueError("prior must be positive for every term (drop unseen terms first)")
    a0 = alpha.sum()
    total = counts.sum(axis=1)
    frames = []
    for group in counts.columns:
        y_i = counts[group]
        y_j = total - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        frames.append(pd.DataFrame({
            "term": counts.index, "group": group, "count": y_i.to_numpy(),
            "count_rest": y_j.to_numpy(), "delta": delta.to_numpy(), "var": var.to_numpy(),
            "z": (delta / np.sqrt(var)).to_numpy(),
        }))
    return pd.concat(frames, ignore_index=True)


def distinctive_terms(articles: pd.DataFrame, by: str = "outlet", top: int = 10,
                      stopwords: bool = True, min_count: int = 2,
                      prior_scale: float = 1.0, exclude_names: bool = True) -> pd.DataFrame:
    """The ``top`` most over-represented terms of each group (highest z), with ranks.

    Columns: group, rank, term, count, count_rest, delta, z, q_value, significant
    (q_value < 0.05), n_tested (the size of that family, the same on every row), and q, a
    deprecated copy of q_value (its name before test columns were spelled one way, see
    :func:`newsprism.core.stats.with_deprecated_aliases`).
    ``q_value`` is the two-sided normal p of ``z`` adjusted by Benjamini-Hochberg over every term
    of every group scored (the family a listed term is picked from: often thousands of terms,
    so |z| > 1.96 alone would find about one in twenty by chance).

    Outlet names excluded (``exclude_names``, the default): the words of every group's name,
    as ``articles[by]`` gives it (:func:`name_terms`), are not counted for any group, so
    "huffpost" or "politico" is not an outlet's distinctive term. Caveat: a name's word is
    dropped wherever it occurs, also when it is not the name ("today" of "USA Today").

    >>> from newsprism.corpus.readers import load_corpus
    >>> terms = distinctive_terms(load_corpus().articles, top=3)
    >>> int(terms.groupby("group").size().max())
    3
    """
    counts = term_counts(articles, by=by, stopwords=stopwords, min_count=min_count,
                         exclude_names=exclude_names)
    if counts.empty or counts.shape[1] < 2:
        return with_deprecated_aliases(pd.DataFrame(columns=TERM_COLUMNS))
    from scipy.special import ndtr

    from newsprism.core.stats import benjamini_hochberg

    scores = log_odds_dirichlet(counts, prior_scale=prior_scale)
    scores = scores[scores["count"] > 0].sort_values(["group", "z"], ascending=[True, False])
    scores["rank"] = scores.groupby("group").cumcount() + 1
    p = 2 * ndtr(-np.abs(scores["z"].to_numpy(dtype=float)))
    scores["q_value"] = benjamini_hochberg(p)
    scores["significant"] = scores["q_value"] < 0.05
    scores["n_tested"] = int(np.isfinite(p).sum())
    out = scores[scores["rank"] <= top]
    return with_deprecated_aliases(out[TERM_COLUMNS].reset_index(drop=True))


def kwic(articles: pd.DataFrame, term: str, window: int = 50, limit: int | None = 3,
         by: str = "outlet", group: str | None = None) -> pd.DataFrame:
    """Keyword-in-context snippets for ``term`` (whole word, case-insensitive).

    Columns: article_id, group, start, end, left, match, right (offsets into ``text``).

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": ["Kim sent troops."]})
    >>> kwic(arts, "troops")[["left", "match"]].values.tolist()
    [['Kim sent ', 'troops']]
    """
    pattern = re.compile(r"(?<![\w'])" + re.escape(term).replace("'", "['\u2019]") + r"(?![\w])",
                         re.IGNORECASE)
    rows = []
    subset = articles if group is None else articles[articles[by] == group]
    for rec in subset.itertuples(index=False):
        text = rec.text
        for match in pattern.finditer(text):
            s, e = match.span()
            rows.append({"article_id": rec.article_id, "group": getattr(rec, by),
                         "start": s, "end": e,
                         "left": " ".join(text[max(0, s - window):s].split()[-12:]) + " ",
                         "match": text[s:e],
                         "right": " " + " ".join(text[e:e + window].split()[:12])})
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=["article_id", "group", "start", "end", "left", "match",
                                       "right"])


def kwic_html(snippets: pd.DataFrame) -> str:
    """Escaped HTML lines ``left <b>match</b> right`` for display in a notebook."""
    lines = [f"{html.escape(r.left)}<b>{html.escape(r.match)}</b>{html.escape(r.right)}"
             f" <small>({html.escape(str(r.article_id))})</small>"
             for r in snippets.itertuples(index=False)]
    return "<br>".join(lines)


def distinctive_terms_with_kwic(articles: pd.DataFrame, terms: pd.DataFrame, by: str = "outlet",
                                per_term: int = 2) -> pd.DataFrame:
    """``terms`` (from :func:`distinctive_terms`) with a ``kwic`` column of plain-text snippets.

    Columns: those of ``terms`` (for :func:`distinctive_terms`: ``group``, ``rank``, ``term``,
    ``count``, ``count_rest``, ``delta``, ``z``, ``q_value``, ``significant``, ``n_tested``,
    the deprecated ``q``) and
    ``kwic`` (up to ``per_term`` snippets of the term in the group's articles, " … "-joined).

    Usage::

        terms = distinctive_terms(corpus.articles)
        distinctive_terms_with_kwic(corpus.articles, terms)[["group", "term", "z", "kwic"]]"""
    snippets = []
    # Split the corpus by group once, not once per term (a large corpus made that the cost).
    parts = dict(tuple(articles.groupby(by, sort=False)))
    empty = articles.iloc[:0]
    for rec in terms.itertuples(index=False):
        hits = kwic(parts.get(rec.group, empty), rec.term, limit=per_term, by=by)
        snippets.append(" | ".join(f"…{h.left}[{h.match}]{h.right}…"
                                   for h in hits.itertuples(index=False)))
    return terms.assign(kwic=snippets)


def plot_distinctive_terms(terms: pd.DataFrame, per_group: int = 8):
    """One panel per group: z-scores of its top terms; red bars are significant after the
    Benjamini-Hochberg correction (``significant``), the dashed line is the uncorrected
    z = 1.96 a single term would need."""
    import matplotlib.pyplot as plt

    from newsprism.viz.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    groups = list(dict.fromkeys(terms["group"]))
    # At most three panels a row: a wider figure is shrunk on a laptop screen, text with it.
    ncols = min(3, max(len(groups), 1))
    nrows = -(-max(len(groups), 1) // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=(3.4 * ncols + 0.5, (0.32 * per_group + 1.6) * nrows))
    for ax in axes.flat[len(groups):]:
        ax.axis("off")
    for ax, group in zip(axes.flat, groups, strict=False):
        part = terms[terms["group"] == group].nsmallest(per_group, "rank")
        colors = ["#c44e52" if s else "#8c8c8c" for s in part["significant"]]
        ax.barh(part["term"], part["z"], color=colors)
        ax.axvline(1.96, color="black", linestyle="--", linewidth=0.8)
        ax.invert_yaxis()
        ax.set_title(str(group), fontsize=10)
        ax.set_xlabel("z (log-odds, informative prior)", fontsize=9)
        ax.tick_params(labelsize=9)
    fig.tight_layout()
    return fig
