"""How alike articles and outlets are: TF-IDF cosine, and copied passages (shared long n-grams).

Copied or syndicated text is found by hashing every run of ``n`` consecutive words (default 8)
in each article; runs shared by two articles are merged into passages. Eight-word runs are
rarely shared by chance in independent writing but survive light rewriting of the
surrounding text (Broder 1997, "On the resemblance and containment of documents"; the same
idea as the shingling used in near-duplicate detection and text-reuse studies such as
Clough et al. 2002, METER corpus).

>>> import pandas as pd
>>> para = "the two leaders exchanged letters that pledged unconditional support for each other"
>>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
...                      "text": ["Intro. " + para + ".", "Other words. " + para + "!"]})
>>> find_copied_passages(arts)[["article_a", "article_b", "n_words"]].values.tolist()
[['a', 'b', 12]]
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")

PASSAGE_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "start_a", "end_a",
                   "start_b", "end_b", "n_words", "share_a", "share_b", "text_a", "text_b"]


def sample_articles(articles: pd.DataFrame, max_articles: int, seed: int = 0) -> pd.DataFrame:
    """At most ``max_articles`` rows, drawn per outlet in proportion to its size (every outlet
    keeps at least one article), in table order; the whole table when it is small enough.

    >>> arts = pd.DataFrame({"article_id": list("abcdef"), "outlet": list("AAAABB")})
    >>> sample_articles(arts, 3)["outlet"].tolist()
    ['A', 'A', 'B']
    """
    if len(articles) <= max_articles:
        return articles
    rng = np.random.default_rng(seed)
    sizes = articles.groupby("outlet", sort=True).size()
    quota = np.maximum(1, np.floor(sizes * max_articles / len(articles))).astype(int)
    keep = []
    for outlet, positions in articles.reset_index(drop=True).groupby(
            "outlet", sort=True).indices.items():
        keep.extend(rng.choice(positions, size=min(quota[outlet], len(positions)),
                               replace=False))
    return articles.iloc[sorted(keep)]


def similarity_matrix(articles: pd.DataFrame, level: str = "article",
                      stopwords: str | None = "english",
                      max_articles: int | None = None) -> pd.DataFrame:
    """TF-IDF cosine similarity between articles (``level="article"``) or outlets.

    At outlet level each outlet's articles are concatenated into one document, so an outlet
    with more articles is not favoured by averaging many pairs. Returns a square DataFrame
    labelled by article_id or outlet. An article matrix grows with the square of the corpus,
    so with ``max_articles`` a larger corpus is first reduced by :func:`sample_articles`
    (vocabulary weights then come from the sample); ``matrix.attrs["n_total"]`` keeps the
    corpus size for the caption.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["troops and letters", "letters and troops"]})
    >>> round(float(similarity_matrix(arts).loc["a", "b"]), 2)
    1.0
    """
    n_total = len(articles)
    if level == "article":
        if max_articles is not None:
            articles = sample_articles(articles, max_articles)
        labels, docs = list(articles["article_id"]), list(articles["text"])
    elif level == "outlet":
        grouped = articles.groupby("outlet", sort=True)["text"].apply("\n".join)
        labels, docs = list(grouped.index), list(grouped)
    else:
        raise ValueError(f"level must be 'article' or 'outlet', not {level!r}")
    if len(docs) == 0:
        return pd.DataFrame()
    vectorizer = TfidfVectorizer(stop_words=stopwords, sublinear_tf=True,
                                 token_pattern=r"(?u)\b[^\W\d_][\w'\-]+\b")
    matrix = vectorizer.fit_transform(docs)
    sims = cosine_similarity(matrix)
    table = pd.DataFrame(sims, index=labels, columns=labels)
    table.attrs["n_total"] = n_total
    return table


def similarity_pairs(matrix: pd.DataFrame) -> pd.DataFrame:
    """Upper triangle of a similarity matrix as rows (a, b, cosine), most similar first."""
    labels = list(matrix.index)
    rows = [(labels[i], labels[j], float(matrix.iat[i, j]))
            for i in range(len(labels)) for j in range(i + 1, len(labels))]
    return (pd.DataFrame(rows, columns=["a", "b", "cosine"])
            .sort_values("cosine", ascending=False).reset_index(drop=True))


def _word_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    words, spans = [], []
    for match in _WORD.finditer(text):
        words.append(match.group(0).lower().replace("\u2019", "'"))
        spans.append(match.span())
    return words, spans


def incidence_matrix(keys: list[np.ndarray]):
    """Binary sparse matrix (one row per article, one column per distinct key) from each
    article's distinct n-gram hashes: a row product counts the n-grams two articles share.
    Hashes, not the n-grams, are held, so a large corpus fits in memory.

    >>> incidence_matrix([np.array([7, 3]), np.array([3])]).toarray().tolist()
    [[1, 1], [1, 0]]
    """
    from scipy import sparse

    indptr = np.cumsum([0, *(len(k) for k in keys)])
    distinct, column = np.unique(np.concatenate(keys) if keys else np.zeros(0, np.int64),
                                 return_inverse=True)
    return sparse.csr_matrix((np.ones(len(column), dtype=np.int32), column, indptr),
                             shape=(len(keys), max(len(distinct), 1)))


def find_copied_passages(articles: pd.DataFrame, n: int = 8, min_words: int | None = None,
                         max_holders: int = 100, max_pairs: int = 100_000) -> pd.DataFrame:
    """Passages shared word-for-word (at least ``n`` consecutive words) by two articles.

    Returns one row per passage pair with offsets into both texts (``start_a``, ``end_a``,
    ``start_b``, ``end_b``), the passage length in words, the share of each article's words it
    covers, and both texts (for side-by-side display). Pairs of articles from the same outlet
    are included (an outlet re-running its own text is also a copy). Case and punctuation are
    ignored; a passage is a maximal run of consecutive shared n-grams aligned in both texts.

    An n-gram found in more than ``max_holders`` articles (boilerplate, or a wire sentence
    reprinted everywhere) does not by itself make its articles candidate pairs, since k
    holders make k(k-1)/2 pairs; their passages are still found when the pair shares a rarer
    n-gram. ``table.attrs["n_common_ngrams"]`` counts the n-grams set aside. At most
    ``max_pairs`` candidate pairs are aligned, those sharing the most n-grams first
    (``attrs``: ``n_candidate_pairs``, ``n_pairs_compared``).
    """
    from scipy import sparse

    min_words = min_words or n
    ids, outlets = list(articles["article_id"]), list(articles["outlet"])
    texts = list(articles["text"])
    # Per article only compact arrays are kept: the hash of the n-gram starting at each word
    # and the word offsets (the words and dicts of every article would not fit in memory for
    # a large corpus). A 64-bit hash stands for its n-gram.
    by_position, offsets = [], []
    for text in texts:
        words, spans = _word_spans(text)
        by_position.append(np.fromiter((hash(" ".join(words[i:i + n]))
                                        for i in range(len(words) - n + 1)), dtype=np.int64))
        offsets.append(np.asarray(spans, dtype=np.int64).reshape(-1, 2))
    # Only pairs sharing an n-gram are compared (an inverted index, not all n² pairs): the
    # product of the binary article x n-gram matrix counts the n-grams each pair shares.
    holding = incidence_matrix([np.unique(h) for h in by_position])
    holders = np.bincount(holding.indices, minlength=holding.shape[1])
    n_common = int((holders > max_holders).sum())
    kept = holding[:, np.flatnonzero((holders >= 2) & (holders <= max_holders))]
    shared = sparse.triu(kept @ kept.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row, -shared.data))[:max_pairs]
    candidates = sorted(zip(shared.row[order].tolist(), shared.col[order].tolist(),
                            strict=True))
    rows = []
    for ia, ib in candidates:
        id_a, out_a, text_a, spans_a = ids[ia], outlets[ia], texts[ia], offsets[ia]
        id_b, out_b, text_b, spans_b = ids[ib], outlets[ib], texts[ib], offsets[ib]
        n_words_a, n_words_b = len(spans_a), len(spans_b)
        pairs = _aligned(by_position[ia], by_position[ib])
        for first_a, first_b, last_a, last_b in _merge_runs(pairs):
            length = last_a - first_a + n
            if length < min_words:
                continue
            start_a, end_a = int(spans_a[first_a][0]), int(spans_a[last_a + n - 1][1])
            start_b, end_b = int(spans_b[first_b][0]), int(spans_b[last_b + n - 1][1])
            rows.append({
                "article_a": id_a, "article_b": id_b, "outlet_a": out_a, "outlet_b": out_b,
                "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
                "n_words": length, "share_a": length / max(n_words_a, 1),
                "share_b": length / max(n_words_b, 1),
                "text_a": text_a[start_a:end_a], "text_b": text_b[start_b:end_b],
            })
    table = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    table.attrs.update(n_common_ngrams=n_common, n_candidate_pairs=int(shared.nnz),
                       n_pairs_compared=len(candidates))
    return table


def _aligned(hashes_a: np.ndarray, hashes_b: np.ndarray) -> list[tuple[int, int]]:
    """(position in a, position in b) of every n-gram the two articles share, sorted."""
    common = np.intersect1d(hashes_a, hashes_b, assume_unique=False)
    if not len(common):
        return []
    where_b: dict[int, list[int]] = defaultdict(list)
    for pb in np.flatnonzero(np.isin(hashes_b, common)).tolist():
        where_b[int(hashes_b[pb])].append(pb)
    return sorted((pa, pb) for pa in np.flatnonzero(np.isin(hashes_a, common)).tolist()
                  for pb in where_b[int(hashes_a[pa])])


def _merge_runs(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Merge aligned n-gram matches on the same diagonal that touch or overlap into runs."""
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for pa, pb in pairs:
        by_diagonal[pb - pa].append(pa)
    runs = []
    for offset, starts in by_diagonal.items():
        starts.sort()
        first = last = starts[0]
        for pa in starts[1:]:
            if pa == last + 1:
                last = pa
            else:
                runs.append((first, first + offset, last, last + offset))
                first = last = pa
        runs.append((first, first + offset, last, last + offset))
    # Drop runs contained in a longer run of another diagonal (repeated phrases).
    runs.sort(key=lambda r: (r[0], -(r[2] - r[0])))
    kept: list[tuple[int, int, int, int]] = []
    for run in runs:
        if kept and run[0] >= kept[-1][0] and run[2] <= kept[-1][2]:
            continue
        kept.append(run)
    return kept


def independent_voices(articles: pd.DataFrame, passages: pd.DataFrame,
                       min_share: float = 0.2, max_listed: int = 20) -> pd.DataFrame:
    """Group articles that copy each other substantially; one group = one independent voice.

    Two articles are linked when the passages they share cover at least ``min_share`` of the
    shorter one. Returns article_id, outlet, voice_id (connected component), n_copies and
    copies (the other articles of the group, at most ``max_listed`` named), so counts "by
    independent voice" can use ``voice_id``.
    """
    ids = list(articles["article_id"])
    parent = {a: a for a in ids}

    def find(a: str) -> str:  # union-find with path halving
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    if len(passages):
        shares = passages.groupby(["article_a", "article_b"])[["share_a", "share_b"]].sum()
        linked = shares[shares[["share_a", "share_b"]].max(axis=1) >= min_share].index
        for a, b in linked:
            if a in parent and b in parent:
                parent[find(a)] = find(b)
    roots = {a: find(a) for a in ids}
    members: dict[str, list[str]] = defaultdict(list)
    for a, root in roots.items():
        members[root].append(a)
    numbering = {root: i for i, root in enumerate(dict.fromkeys(roots.values()))}
    return pd.DataFrame({
        "article_id": ids, "outlet": list(articles["outlet"]),
        "voice_id": [numbering[roots[a]] for a in ids],
        "n_copies": [len(members[roots[a]]) - 1 for a in ids],
        "copies": [_listed([m for m in members[roots[a]] if m != a], max_listed)
                   for a in ids],
    })


def _listed(items: list[str], limit: int) -> str:
    """Up to ``limit`` items joined, then how many more (a voice of 10,000 reprints cannot be
    written out for each of its members)."""
    shown = items[:limit] + ([f"… {len(items) - limit} more"] if len(items) > limit else [])
    return ", ".join(shown)


def copied_share(articles: pd.DataFrame, passages: pd.DataFrame) -> pd.Series:
    """Share of each article's words that appear in a passage shared with another article."""
    words = {rec.article_id: max(len(_WORD.findall(rec.text)), 1)
             for rec in articles.itertuples(index=False)}
    covered: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for rec in passages.itertuples(index=False):
        covered[rec.article_a].add((rec.start_a, rec.end_a))
        covered[rec.article_b].add((rec.start_b, rec.end_b))
    text = dict(zip(articles["article_id"], articles["text"], strict=True))
    shares = {}
    for article_id, n_words in words.items():
        mask = np.zeros(len(text[article_id]) + 1, dtype=bool)
        for s, e in covered.get(article_id, ()):
            mask[s:e] = True
        n_copied = sum(1 for m in _WORD.finditer(text[article_id]) if mask[m.start()])
        shares[article_id] = n_copied / n_words
    return pd.Series(shares, name="copied_share")


def plot_similarity(matrix: pd.DataFrame, title: str = "TF-IDF cosine similarity",
                    max_labels: int = 40):
    """Heatmap of a similarity matrix with the values written in the cells.

    Beyond ``max_labels`` rows the figure keeps a fixed size and drops the row/column labels
    (a thousand labels are unreadable and a figure sized per row exhausts memory); the title
    then says how many rows are drawn.
    """
    import matplotlib.pyplot as plt

    from newsprism.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    large = len(matrix) > max_labels
    size = 7.0 if large else 0.55 * len(matrix) + 2.5
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(matrix.to_numpy(), vmin=0, vmax=1, cmap="Blues",
                      interpolation="nearest")
    if large:
        ax.set_xticks([])
        ax.set_yticks([])
        title = f"{title} ({len(matrix)} rows, in table order; labels omitted)"
    else:
        ax.set_xticks(range(len(matrix)), [str(c)[:22] for c in matrix.columns], rotation=60,
                      ha="right", fontsize=8)
        ax.set_yticks(range(len(matrix)), [str(c)[:22] for c in matrix.index], fontsize=8)
    if len(matrix) <= 15:
        for i in range(len(matrix)):
            for j in range(len(matrix)):
                value = matrix.iat[i, j]
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 else "black")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def passages_html(passages: pd.DataFrame, max_rows: int = 20):
    """Copied passages side by side (escaped HTML): outlets, articles, words, both texts."""
    from newsprism.display import HTMLText, escape

    if passages.empty:
        return HTMLText("<p><em>No passage of the minimum length is shared by two "
                        "articles.</em></p>")
    rows = []
    for rec in passages.head(max_rows).itertuples(index=False):
        rows.append(
            f"<tr><td>{escape(rec.outlet_a)}<br><small>{escape(rec.article_a)} "
            f"[{rec.start_a}:{rec.end_a}]</small></td><td>{escape(rec.text_a)}</td>"
            f"<td>{escape(rec.outlet_b)}<br><small>{escape(rec.article_b)} "
            f"[{rec.start_b}:{rec.end_b}]</small></td><td>{escape(rec.text_b)}</td>"
            f"<td class='num'>{rec.n_words}</td></tr>")
    note = (f"<p><em>First {max_rows} of {len(passages)} passages shown.</em></p>"
            if len(passages) > max_rows else "")
    return HTMLText("<table class='np-table'><thead><tr><th>article A</th><th>text in A</th>"
                    "<th>article B</th><th>text in B</th><th>words</th></tr></thead><tbody>"
                    + "".join(rows) + "</tbody></table>" + note)
