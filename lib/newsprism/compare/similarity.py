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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from newsprism.core import paths
from newsprism.core.text import WORD, word_span_array, word_spans

_WORD = WORD  # the one word definition (newsprism.core.text)

STOCK_PHRASES = paths.CODEBOOKS / "stock_phrases.yml"

PASSAGE_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "start_a", "end_a",
                   "start_b", "end_b", "n_words", "share_a", "share_b", "text_a", "text_b"]

# THE definition of copied text, for 00, 40 and 50 alike: passages of at least COPY_NGRAM
# consecutive words shared word for word (stock phrases set aside, :func:`find_copied_passages`);
# two articles are a copy when such passages cover at least COPY_MIN_SHARE of one of them
# and hold at least COPY_MIN_WORDS words (:func:`copied_pairs`): one shared phrase is 20% of a
# 40-word brief (PolNeAR: "for a ban on Muslims entering the United States" made HuffPost and
# the Washington Post one voice).
COPY_NGRAM = 8
COPY_MIN_SHARE = 0.2
COPY_MIN_WORDS = 3 * COPY_NGRAM
COPY_PAIR_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "n_passages",
                     "copied_words", "share_a", "share_b", "is_copy"]


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


def _terms(text: str) -> list[str]:
    from newsprism.compare.keyness import content_terms

    return content_terms(text)


def tfidf_vectors(docs: list[str]):
    """THE TF-IDF of newsprism (00 and 40 alike), rows L2-normalised so that a row product is
    the cosine: terms are the words of :func:`newsprism.core.text.words` less pure numbers and the
    stop words of :data:`newsprism.compare.keyness.STOPWORDS` (the terms of the distinctive-vocabulary
    table), unigrams, sublinear term frequency, smoothed IDF. Stop words are left out because
    every English text shares them: with them, any two articles look alike.

    >>> m = tfidf_vectors(["Troops and letters.", "Letters, and troops!"])
    >>> round(float((m @ m.T)[0, 1]), 3)
    1.0
    """
    vectorizer = TfidfVectorizer(tokenizer=_terms, lowercase=False, token_pattern=None,
                                 sublinear_tf=True)
    try:
        return vectorizer.fit_transform(docs)
    except ValueError:  # no document has a term: every similarity is 0
        from scipy import sparse

        return sparse.csr_matrix((len(docs), 1))


def similarity_matrix(articles: pd.DataFrame, level: str = "article",
                      max_articles: int | None = None) -> pd.DataFrame:
    """TF-IDF cosine similarity (:func:`tfidf_vectors`) between articles
    (``level="article"``) or outlets.

    At outlet level each outlet's articles are concatenated into one document, so an outlet
    with more articles is not favoured by averaging many pairs. ``level="outlet_mean"`` is the
    mean cosine over all pairs of distinct articles from two outlets (the diagonal averages
    pairs within an outlet, NaN for an outlet of one article); the article matrix is never
    made dense, so it suits large corpora. Returns a square DataFrame
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
    elif level == "outlet_mean":
        return _outlet_mean_similarity(articles)
    else:
        raise ValueError(f"level must be 'article', 'outlet' or 'outlet_mean', not {level!r}")
    if len(docs) == 0:
        return pd.DataFrame()
    matrix = tfidf_vectors(docs)
    sims = cosine_similarity(matrix)
    table = pd.DataFrame(sims, index=labels, columns=labels)
    table.attrs["n_total"] = n_total
    return table


def _outlet_mean_similarity(articles: pd.DataFrame) -> pd.DataFrame:
    """Mean article-pair cosine between outlets (see :func:`similarity_matrix`)."""
    from scipy import sparse

    matrix = tfidf_vectors(articles["text"].fillna("").astype(str).tolist())
    codes, outlets = pd.factorize(articles["outlet"].fillna("").astype(str), sort=True)
    member = sparse.csr_matrix((np.ones(len(codes)), (np.arange(len(codes)), codes)),
                               shape=(len(codes), len(outlets)))
    sums = np.asarray((member.T @ (matrix @ (matrix.T @ member))).todense())
    self_sim = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # 1, or 0 if empty
    sums -= np.diag(np.asarray(member.T @ self_sim).ravel())
    counts = np.bincount(codes, minlength=len(outlets)).astype(float)
    pairs = np.outer(counts, counts) - np.diag(counts)
    values = np.divide(sums, pairs, out=np.full(sums.shape, np.nan), where=pairs > 0)
    table = pd.DataFrame(values, index=list(outlets), columns=list(outlets))
    table.attrs["n_total"] = len(articles)
    return table


def similarity_pairs(matrix: pd.DataFrame) -> pd.DataFrame:
    """Upper triangle of a similarity matrix as rows (a, b, cosine), most similar first.

    Columns: ``a``, ``b`` (row and column labels of ``matrix``: article ids or outlets),
    ``cosine`` (0-1). Shared vocabulary is not copying: two reports of one event score high.

    >>> m = pd.DataFrame([[1.0, 0.5], [0.5, 1.0]], index=["x", "y"], columns=["x", "y"])
    >>> similarity_pairs(m).values.tolist()
    [['x', 'y', 0.5]]"""
    labels = list(matrix.index)
    rows = [(labels[i], labels[j], float(matrix.iat[i, j]))
            for i in range(len(labels)) for j in range(i + 1, len(labels))]
    return (pd.DataFrame(rows, columns=["a", "b", "cosine"])
            .sort_values("cosine", ascending=False).reset_index(drop=True))


_word_spans = word_spans


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


@dataclass(frozen=True)
class StockPhrases:
    """Formulaic runs that do not make a copy (``newsprism/data/codebooks/stock_phrases.yml``)."""

    phrases: tuple[tuple[str, ...], ...] = ()
    max_words_factor: float = 3.0
    min_articles: int = 3
    min_share: float = 0.1


@lru_cache(maxsize=4)
def load_stock_phrases(path: str | None = None) -> StockPhrases:
    """The stock-phrase codebook (default ``newsprism/data/codebooks/stock_phrases.yml``); a missing
    default file gives an empty list (only corpus-wide recurrence is then used).

    >>> ("only", "time", "will", "tell") in load_stock_phrases().phrases
    True
    """
    file = Path(path) if path else STOCK_PHRASES
    if not path and not file.exists():
        return StockPhrases()
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    phrases = tuple(dict.fromkeys(tuple(_word_spans(str(p))[0]) for p in data.get("phrases", [])
                                  if str(p).strip()))
    return StockPhrases(phrases=phrases,
                        max_words_factor=float(data.get("max_words_factor", 3)),
                        min_articles=int(data.get("min_articles", 3)),
                        min_share=float(data.get("min_share", 0.1)))


def stock_mask(words: list[str], phrases: tuple[tuple[str, ...], ...],
               starts: Iterable[int] | None = None) -> np.ndarray:
    """True for each word inside an occurrence of a stock phrase. ``starts``: the only
    positions where a phrase may begin (default: every word), to skip a long text's others.

    >>> stock_mask("so only time will tell now".split(), (("only", "time", "will", "tell"),)
    ...            ).astype(int).tolist()
    [0, 1, 1, 1, 1, 0]
    """
    mask = np.zeros(len(words), dtype=bool)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in phrases:
        if phrase:
            by_first[phrase[0]].append(phrase)
    for i in range(len(words)) if starts is None else starts:
        for phrase in by_first.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                mask[i:i + len(phrase)] = True
    return mask


# Odd multiplier of the rolling n-gram hash (the 64-bit golden ratio, as in Fibonacci hashing).
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class _Ngrams:
    codes: list[np.ndarray]  # per article: column of the n-gram starting at each word
    offsets: list[np.ndarray]  # per article: (start, end) of each word
    masks: list[np.ndarray]  # per article: word inside a stock phrase
    holding: Any  # binary article x n-gram matrix (csr), columns as in ``codes``


def _rolling_hash(word_hashes: np.ndarray, n: int) -> np.ndarray:
    """64-bit hash of the ``n`` words starting at each position (a polynomial in the words'
    hashes, wrapping around): equal runs of words get equal hashes, in one pass for the corpus.

    >>> h = _rolling_hash(np.array([5, 7, 5, 7, 5], dtype=np.uint64), 2)
    >>> bool(h[0] == h[2]) and bool(h[0] != h[1])
    True
    """
    count = len(word_hashes) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    out = word_hashes[:count].copy()
    for k in range(1, n):
        out *= _MIX
        out += word_hashes[k:k + count]
    return out


def _ngram_codes(texts: list[str], n: int, phrases: tuple[tuple[str, ...], ...]) -> _Ngrams:
    """Each article's n-grams as columns of one corpus-wide index, with word offsets and stock
    masks. Only compact arrays are kept per article (the words of a large corpus would not
    fit in memory); a 64-bit hash stands for its n-gram."""
    from scipy import sparse

    first_words = {p[0] for p in phrases if p}
    word_hashes, offsets, masks = [], [], []
    for text in texts:
        found, spans = word_span_array(text)
        word_hashes.append(np.fromiter(map(hash, found), dtype=np.int64, count=len(found)))
        offsets.append(spans)
        present = first_words.intersection(found)
        starts = [i for i, w in enumerate(found) if w in present] if present else []
        masks.append(stock_mask(found, phrases, starts) if starts
                     else np.zeros(len(found), dtype=bool))
    lengths = np.array([len(h) for h in word_hashes], dtype=np.int64)
    n_grams = np.maximum(lengths - n + 1, 0)
    flat = (np.concatenate(word_hashes) if texts else np.zeros(0, np.int64)).view(np.uint64)
    hashes = _rolling_hash(flat, n)
    # An n-gram counts only when its n words lie in one article.
    position = np.arange(len(hashes)) - np.repeat(np.cumsum(lengths) - lengths, lengths)[
        :len(hashes)]
    hashes = hashes[position < np.repeat(n_grams, lengths)[:len(hashes)]]
    # Column of each n-gram = rank of its hash among the distinct hashes (one sort).
    order = np.argsort(hashes)
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = hashes[order[1:]] != hashes[order[:-1]]
    column = np.empty(len(hashes), dtype=np.int64)
    column[order] = np.cumsum(first) - 1
    n_cols = max(int(first.sum()), 1)
    # A repeated n-gram sums to one entry; every entry is then set to 1 (binary).
    holding = sparse.csr_matrix(
        (np.ones(len(column), dtype=np.int32),
         (np.repeat(np.arange(len(texts)), n_grams), column)), shape=(len(texts), n_cols))
    holding.data[:] = 1
    codes = np.split(column, np.cumsum(n_grams)[:-1]) if texts else []
    return _Ngrams(codes, offsets, masks, holding)


def _is_stock(first: int, length: int, mask: np.ndarray, holders: np.ndarray,
              stock: StockPhrases, n: int, n_articles: int) -> bool:
    """A short passage mostly inside stock phrases, or recurring across the corpus."""
    if length >= stock.max_words_factor * n:
        return False
    if mask[first:first + length].mean() >= 0.5:
        return True
    recurring = max(stock.min_articles, stock.min_share * n_articles)
    return bool(np.median(holders[first:first + length - n + 1]) >= recurring)


def find_copied_passages(articles: pd.DataFrame, n: int = COPY_NGRAM,
                         min_words: int | None = None,
                         max_holders: int = 100, max_pairs: int = 100_000,
                         stock_phrases: str | Path | bool | None = None) -> pd.DataFrame:
    """Passages shared word-for-word (at least ``n`` consecutive words) by two articles.

    Columns, one row per passage pair: ``article_a``, ``article_b``, ``outlet_a``,
    ``outlet_b``; ``start_a``, ``end_a``, ``start_b``, ``end_b`` (offsets into both texts);
    ``n_words``; ``share_a``, ``share_b`` (share of each article's words, 0-1); ``text_a``,
    ``text_b``. Pairs from one outlet count (re-running its own text is a copy). Case and
    punctuation are ignored; a passage is a maximal run of shared n-grams aligned in both
    texts. Shared wording may come from a common source (wire copy): not who copied whom.

    An n-gram found in more than ``max_holders`` articles (boilerplate, or a wire sentence
    reprinted everywhere) does not by itself make its articles candidate pairs, since k
    holders make k(k-1)/2 pairs; their passages are still found when the pair shares a rarer
    n-gram. ``table.attrs["n_common_ngrams"]`` counts the n-grams set aside. At most
    ``max_pairs`` candidate pairs are aligned, those sharing the most n-grams first
    (``attrs``: ``n_candidate_pairs``, ``n_pairs_compared``).

    Stock phrases are not copies: a short passage (fewer than 3 × ``n`` words) that lies
    mostly inside a formula of ``stock_phrases`` (default ``newsprism/data/codebooks/stock_phrases.yml``;
    ``False``: no passage is stock) or recurs across the corpus is set aside (``attrs["n_stock_passages"]``
    and ``attrs["stock_passages"]``, the distinct texts).

    >>> text = " ".join(f"word{i}" for i in range(30))
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": "X", "text": [text, "A. " + text]})
    >>> find_copied_passages(arts)[["article_a", "article_b", "n_words"]].values.tolist()
    [['a', 'b', 30]]
    """
    from scipy import sparse

    min_words = min_words or n
    ids, outlets = list(articles["article_id"]), list(articles["outlet"])
    texts = list(articles["text"])
    stock = (StockPhrases(max_words_factor=0) if stock_phrases is False else
             load_stock_phrases(None if stock_phrases in (None, True) else str(stock_phrases)))
    grams = _ngram_codes(texts, n, stock.phrases)
    codes, offsets, masks = grams.codes, grams.offsets, grams.masks
    holding = grams.holding
    holders = np.bincount(holding.indices, minlength=holding.shape[1])
    n_common = int((holders > max_holders).sum())
    # Only pairs sharing an n-gram are compared (an inverted index, not all n² pairs): the
    # product of the binary article x n-gram matrix counts the n-grams each pair shares.
    kept = holding[:, np.flatnonzero((holders >= 2) & (holders <= max_holders))]
    shared = sparse.triu(kept @ kept.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row, -shared.data))[:max_pairs]
    candidates = sorted(zip(shared.row[order].tolist(), shared.col[order].tolist(),
                            strict=True))
    scratch = np.zeros(holding.shape[1], dtype=bool)
    rows, stock_texts = [], []
    for ia, ib in candidates:
        id_a, out_a, text_a, spans_a = ids[ia], outlets[ia], texts[ia], offsets[ia]
        id_b, out_b, text_b, spans_b = ids[ib], outlets[ib], texts[ib], offsets[ib]
        n_words_a, n_words_b = len(spans_a), len(spans_b)
        pairs = _aligned(codes[ia], codes[ib], scratch)
        # how many articles hold each n-gram of a and b (corpus-wide recurrence)
        held_a, held_b = holders[codes[ia]], holders[codes[ib]]
        for first_a, first_b, last_a, last_b in _merge_runs(pairs):
            length = last_a - first_a + n
            if length < min_words:
                continue
            start_a, end_a = int(spans_a[first_a][0]), int(spans_a[last_a + n - 1][1])
            start_b, end_b = int(spans_b[first_b][0]), int(spans_b[last_b + n - 1][1])
            if (_is_stock(first_a, length, masks[ia], held_a, stock, n, len(texts))
                    or _is_stock(first_b, length, masks[ib], held_b, stock, n, len(texts))):
                stock_texts.append(text_a[start_a:end_a])
                continue
            rows.append({
                "article_a": id_a, "article_b": id_b, "outlet_a": out_a, "outlet_b": out_b,
                "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
                "n_words": length, "share_a": length / max(n_words_a, 1),
                "share_b": length / max(n_words_b, 1),
                "text_a": text_a[start_a:end_a], "text_b": text_b[start_b:end_b],
            })
    table = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    table.attrs.update(n_common_ngrams=n_common, n_candidate_pairs=int(shared.nnz),
                       n_pairs_compared=len(candidates), n_stock_passages=len(stock_texts),
                       stock_passages=list(dict.fromkeys(stock_texts)))
    return table


def stock_note(passages: pd.DataFrame, shown: int = 5) -> str:
    """A caption sentence listing the shared runs set aside as stock phrases ("" if none).

    >>> t = pd.DataFrame(columns=PASSAGE_COLUMNS)
    >>> t.attrs["stock_passages"] = ["only time will tell"]
    >>> stock_note(t)
    " 1 short shared run set aside as a stock phrase (not a copy): 'only time will tell'."
    """
    texts = passages.attrs.get("stock_passages", [])
    if not texts:
        return ""
    many = len(texts) > 1
    listed = "; ".join(repr(t) for t in texts[:shown]) + ("; …" if len(texts) > shown else "")
    return (f" {len(texts)} short shared run{'s' if many else ''} set aside as "
            f"{'stock phrases (not copies)' if many else 'a stock phrase (not a copy)'}: "
            f"{listed}.")


def _aligned(codes_a: np.ndarray, codes_b: np.ndarray, scratch: np.ndarray
             ) -> list[tuple[int, int]]:
    """(position in a, position in b) of every n-gram the two articles share, sorted.
    ``codes_*`` index the all-False array ``scratch`` (a set of n-gram columns without a sort
    per pair), which is left all-False.

    >>> _aligned(np.array([3, 1, 3]), np.array([0, 3]), np.zeros(4, dtype=bool))
    [(0, 1), (2, 1)]
    """
    scratch[codes_b] = True
    in_a = np.flatnonzero(scratch[codes_a])
    scratch[codes_b] = False
    if not len(in_a):
        return []
    scratch[codes_a] = True
    in_b = np.flatnonzero(scratch[codes_b])
    scratch[codes_a] = False
    where_b: dict[int, list[int]] = defaultdict(list)
    for pb, code in zip(in_b.tolist(), codes_b[in_b].tolist(), strict=True):
        where_b[code].append(pb)
    return sorted((pa, pb) for pa, code in zip(in_a.tolist(), codes_a[in_a].tolist(), strict=True)
                  for pb in where_b[code])


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


def copied_pairs(passages: pd.DataFrame, min_share: float = COPY_MIN_SHARE,
                 min_words: int = COPY_MIN_WORDS) -> pd.DataFrame:
    """Article pairs that share copied passages (:func:`find_copied_passages`), one row each:
    article_a, article_b, outlet_a, outlet_b, n_passages, copied_words (words in them),
    share_a and share_b (the share of each article's words they cover, summed over passages)
    and ``is_copy``: the passages cover at least ``min_share`` of one of the two articles and
    hold at least ``min_words`` words. This is the one rule that makes two articles a copy
    (00's pair table, 40's independent voices and statements, 50's figure).

    >>> t = pd.DataFrame({"article_a": ["a", "a"], "article_b": ["b", "b"], "outlet_a": "A",
    ...                   "outlet_b": "B", "n_words": [10, 16], "share_a": [0.1, 0.16],
    ...                   "share_b": [0.01, 0.01]})
    >>> copied_pairs(t)[["n_passages", "copied_words", "is_copy"]].values.tolist()
    [[2, 26, True]]
    >>> copied_pairs(t.iloc[:1].assign(share_a=0.25))["is_copy"].tolist()  # 10 words of a brief
    [False]
    """
    if not len(passages):
        return pd.DataFrame(columns=COPY_PAIR_COLUMNS)
    pairs = passages.groupby(["article_a", "article_b"], sort=True).agg(
        outlet_a=("outlet_a", "first"), outlet_b=("outlet_b", "first"),
        n_passages=("n_words", "size"), copied_words=("n_words", "sum"),
        share_a=("share_a", "sum"), share_b=("share_b", "sum")).reset_index()
    pairs["is_copy"] = ((pairs[["share_a", "share_b"]].max(axis=1) >= min_share)
                        & (pairs["copied_words"] >= min_words))
    return pairs[COPY_PAIR_COLUMNS]


def independent_voices(articles: pd.DataFrame, passages: pd.DataFrame,
                       min_share: float = COPY_MIN_SHARE, max_listed: int = 20) -> pd.DataFrame:
    """Group articles that copy each other substantially; one group = one independent voice.

    Two articles are linked when they are a copy (:func:`copied_pairs`: the passages they
    share cover at least ``min_share`` of one of them and hold at least
    :data:`COPY_MIN_WORDS` words). Returns article_id, outlet, voice_id
    (connected component), n_copies and copies (the other articles of the group, at most
    ``max_listed`` named), so counts "by independent voice" can use ``voice_id``.

    Columns: ``article_id``, ``outlet``, ``voice_id`` (int, one per group), ``n_copies``
    (other articles in the group), ``copies`` (their ids, comma-separated). Articles that
    share a wire source without copying each other's words stay separate voices.

    >>> base = ("The two leaders exchanged warm letters on Thursday and pledged to deepen their "
    ...         "military cooperation next year, while officials in both capitals promised more "
    ...         "visits by delegations and a new trade route across the border")
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
    ...     "text": [base + ", state media said.", "Reports said " + base + ".",
    ...              "Markets were calm on Friday as traders waited for data."]})
    >>> independent_voices(arts, find_copied_passages(arts))[["article_id", "voice_id"]
    ...                                                     ].values.tolist()
    [['a', 0], ['b', 0], ['c', 1]]
    """
    ids = list(articles["article_id"])
    parent = {a: a for a in ids}

    def find(a: str) -> str:  # union-find with path halving
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    if len(passages):
        pairs = copied_pairs(passages, min_share)
        linked = pairs.loc[pairs["is_copy"], ["article_a", "article_b"]].itertuples(index=False)
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
    """Share of each article's words that appear in a passage shared with another article.

    Returns a Series named ``copied_share`` (0-1) indexed by article id; 0 for an article
    sharing nothing.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two three four", "x"]})
    >>> passages = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "start_a": [0],
    ...                          "end_a": [7], "start_b": [0], "end_b": [1]})
    >>> copied_share(arts, passages).to_dict()
    {'a': 0.5, 'b': 1.0}"""
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
    from newsprism.viz.display import no_mathtext
    from newsprism.viz.heatmap import plot_heatmap

    no_mathtext()  # outlet names and terms are drawn as written

    large = len(matrix) > max_labels
    if large:
        title = f"{title} ({len(matrix)} rows, in table order; labels omitted)"
    short = {key: str(key)[:22] for key in [*matrix.index, *matrix.columns]}
    return plot_heatmap(matrix, cmap="Blues", vmin=0, vmax=1, value_format="{:.2f}",
                        title=title, x_labels=short, y_labels=short,
                        show_values=len(matrix) <= 15, show_ticks=not large)


def passages_html(passages: pd.DataFrame, max_rows: int = 20):
    """Copied passages side by side (escaped HTML): outlets, articles, words, both texts; the
    ``max_rows`` longest first (in corpus order a large corpus showed only its first outlet's
    eight-word phrases)."""
    from newsprism.viz.display import HTMLText, escape

    if passages.empty:
        return HTMLText("<p><em>No passage of the minimum length is shared by two "
                        "articles.</em></p>")
    rows = []
    longest = passages.sort_values("n_words", ascending=False, kind="stable")
    for rec in longest.head(max_rows).itertuples(index=False):
        rows.append(
            f"<tr><td>{escape(rec.outlet_a)}<br><small>{escape(rec.article_a)} "
            f"[{rec.start_a}:{rec.end_a}]</small></td><td>{escape(rec.text_a)}</td>"
            f"<td>{escape(rec.outlet_b)}<br><small>{escape(rec.article_b)} "
            f"[{rec.start_b}:{rec.end_b}]</small></td><td>{escape(rec.text_b)}</td>"
            f"<td class='num'>{rec.n_words}</td></tr>")
    note = (f"<p><em>The {max_rows} longest of {len(passages)} passages shown; the saved "
            "table has them all.</em></p>"
            if len(passages) > max_rows else "")
    return HTMLText("<table class='np-table'><thead><tr><th>article A</th><th>text in A</th>"
                    "<th>article B</th><th>text in B</th><th>words</th></tr></thead><tbody>"
                    + "".join(rows) + "</tbody></table>" + note)
