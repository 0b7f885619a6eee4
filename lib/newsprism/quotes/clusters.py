"""Group quotations of the same statement across articles and outlets, and compare wordings.

Outlets quote (and translate) the same statement differently: Kim Jong Un's letter appears as
"The most genuine alliance, forged by sharing blood in the same trench, through life and death."
in one article and as "sincerest alliance of sharing blood, life, and death in the same trench"
in another. ``cluster_quotes`` links such quotations; ``cluster_table`` lays each cluster out
outlet by outlet (wording, the part of the statement used, a word diff, and the outlets that did
not quote it).

How two quotations are scored (``pair_score``):

- text is normalised (lower case, quotation marks and punctuation removed) and reduced to
  *content stems* (function words and numbers dropped, Porter stems, "fully" -> "full");
- the shorter quotation is compared with the best-matching *window* of the longer one (1.5
  times its length), so a long speech transcript, which holds most common words somewhere,
  does not match every short quotation;
- **containment**: the share of the shorter quotation's content stems (weighted by rarity in
  the quote collection, idf) found in that window — translations keep content words
  (alliance, blood, trench, death) even when the wording changes;
- **fuzzy**: ``rapidfuzz.fuzz.token_set_ratio`` of the two stem strings (0-1);
- ``score = 0.6 * containment + 0.4 * fuzzy``.

How quotations are linked (``cluster_quotes``), and why:

- *peers* (similar length) are joined when the score reaches ``min_score`` and they share at
  least 70% of the shorter one's content words (short peers must also match near-verbatim):
  these are the same statement, possibly translated;
- a much shorter quotation is a *part* of a longer one only if it is a near-verbatim excerpt
  (``fuzz.partial_ratio`` >= ``min_partial``); each group of peers joins only its single best
  container, and each *fragment* ("full support", two content words or fewer) joins only the
  single best quotation containing it (ties: same article, nearest). Union-find would
  otherwise chain different statements through a shared slogan or phrase;
- fragments that fit no longer quotation group only with fragments of identical wording;
- two different known speakers veto a fragment's link (see ``use_speakers``).

Scale: candidate pairs come from blocking on shared rare content stems (stems used by at most
``max_block_df`` quotations), so 100k quotations never mean 5 billion comparisons.

>>> import pandas as pd
>>> quotes = pd.DataFrame({
...     "quote_id": ["a", "b", "c"], "article_id": ["1", "2", "2"],
...     "text": ["sharing blood in the same trench, through life and death",
...              "sharing blood, life, and death in the same trench", "crown jewels"]})
>>> articles = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["X", "Y"]})
>>> clustered = cluster_quotes(quotes, articles)
>>> clustered.set_index("quote_id")["cluster_id"].to_dict()
{'a': 0, 'b': 0, 'c': 1}
"""

from __future__ import annotations

import difflib
import html
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from newsprism.core.text import WORD

DEFAULT_MIN_SCORE = 0.75
DEFAULT_MAX_BLOCK_DF = 100
# A quotation much shorter than another is a verbatim excerpt of it, or not part of it at all:
# rapidfuzz partial_ratio (best-aligned substring) of the normalised texts must reach this.
DEFAULT_MIN_PARTIAL = 0.9
# Peers must share most of the shorter one's distinct content words (7 of Kim's 8 words in the
# translated letter; not 2 of 3 as in "Crooked Hillary Clinton" / "Defeat Crooked Hillary PAC").
PEER_MIN_SHARED_SHARE = 0.7
# Peers with at most this many content words must also match near-verbatim (min_partial).
SHORT_PEER_WORDS = 4
CONTAINMENT_WEIGHT = 0.6

CLUSTER_COLUMNS = ["quote_key", "cluster_id", "role", "matched_to", "link_score", "cluster_size",
                   "cluster_articles", "cluster_outlets"]

# the one word definition (newsprism.core.text), for wording and for offsets
_TOKEN = _WORD_WITH_OFFSETS = WORD
# Function words only: general lists (sklearn's) also drop content words such as "full",
# "fire" or "system", which would hide "full support" from its source statement.
_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either else
ever every few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself me more most my myself neither no nor not of off on once only
or other our ours ourselves out over own s said say says she should so some such t than that
the their theirs them themselves then there these they this those through to too told under
until up upon us very was we were what when where whether which while who whom whose why will
with within without would yet you your yours yourself yourselves mr ms mrs
now yes well even still really also much many lot ok okay oh may might must shall let
going gonna get got thing things way one could
""".split())


def quote_keys(quotes: pd.DataFrame) -> pd.Series:
    """``"article_id:quote_id"`` for each row — quote ids restart at 0 in every article.

    >>> import pandas as pd
    >>> quote_keys(pd.DataFrame({"article_id": ["a", "b"], "quote_id": [0, 0]})).tolist()
    ['a:0', 'b:0']
    """
    if "quote_id" not in quotes.columns:
        ids = quotes.groupby("article_id").cumcount()
    else:
        ids = quotes["quote_id"]
    return quotes["article_id"].astype(str) + ":" + ids.astype(str)


def normalize_quote(text: str) -> str:
    """Lower-cased text with quotation marks, punctuation and extra spaces removed.

    >>> normalize_quote("“The most genuine alliance,” he wrote — ‘through life’!")
    'the most genuine alliance he wrote through life'
    """
    text = unicodedata.normalize("NFKC", str(text)).lower().replace("\u2019", "'")
    text = re.sub(r"(\w)'(\w)", r"\1\2", text)  # russia's -> russias, not "russia s"
    return " ".join(_TOKEN.findall(text))


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light lemma: Porter stem, with adverbs in -lly reduced first ("fully" -> "full").

    >>> [stem(w) for w in ["fully", "full", "sharing", "alliance", "unconditionally"]]
    ['full', 'full', 'share', 'allianc', 'uncondit']
    """
    if word.endswith("lly") and not word.endswith("ally") and len(word) > 4:
        word = word[:-1]
    return _stemmer().stem(word)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text`` in order (stop words and 1-letter tokens dropped).

    >>> content_stems("sincerest alliance of sharing blood, life, and death")
    ['sincerest', 'allianc', 'share', 'blood', 'life', 'death']
    """
    return _stems_of_normalized(normalize_quote(text))


def _stems_of_normalized(norm: str) -> list[str]:
    # Numbers are left out: dates and counts alone do not identify a statement.
    return [stem(t) for t in norm.split() if len(t) > 1 and t not in _STOP and not t.isdigit()]


@dataclass(frozen=True)
class _Item:
    index: int
    quote_key: object
    article_id: object
    start: float
    norm: str
    seq: tuple[str, ...]  # content stems in text order
    stems: frozenset[str]
    speaker: object


def _item(index: int, text: str, key: object = None, article_id: object = None,
          start: float = 0.0, speaker: object = None) -> _Item:
    norm = normalize_quote(text)
    seq = tuple(_stems_of_normalized(norm))
    return _Item(index, key, article_id, start, norm, seq, frozenset(seq), speaker)


def _weight(stem_: str, df: Counter, n: int) -> float:
    # Smoothed idf: rare words say more about which statement this is.
    return math.log(1.0 + n / (1.0 + df.get(stem_, 0))) + 0.1


def _local_score(short: _Item, long: _Item, weight: dict[str, float]) -> dict:
    """Score ``short`` against the best-matching window of ``long`` (see ``pair_score``)."""
    if not short.seq or not long.seq:
        return {"containment": 0.0, "fuzzy": 0.0, "score": 0.0, "shared": 0}
    weights = {s: weight[s] for s in short.stems}
    total = sum(weights.values())
    width = max(len(short.seq) * 3 // 2 + 2, 4)
    counts: dict[str, int] = defaultdict(int)
    present, best, best_start = 0.0, -1.0, 0
    for i, s in enumerate(long.seq):
        if s in weights:
            counts[s] += 1
            if counts[s] == 1:
                present += weights[s]
        if i >= width:
            old = long.seq[i - width]
            if old in weights:
                counts[old] -= 1
                if counts[old] == 0:
                    present -= weights[old]
        if present > best + 1e-12:
            best, best_start = present, max(0, i - width + 1)
    window = long.seq[best_start:best_start + width]
    containment = best / total
    fuzzy = fuzz.token_set_ratio(" ".join(short.seq), " ".join(window)) / 100.0
    score = CONTAINMENT_WEIGHT * containment + (1 - CONTAINMENT_WEIGHT) * fuzzy
    return {"containment": containment, "fuzzy": fuzzy, "score": score,
            "shared": len(short.stems & set(window))}


def _order(a: _Item, b: _Item) -> tuple[_Item, _Item]:
    return (a, b) if len(a.seq) <= len(b.seq) else (b, a)


def pair_score(a: str, b: str, df: Counter | None = None, n_docs: int = 1) -> dict:
    """Similarity of two quotations: ``containment``, ``fuzzy``, ``score``, ``shared``.

    The shorter quotation (in content words) is compared with the best *window* of the
    longer one (1.5 times its length): ``containment`` is the idf-weighted share of its content
    stems found in that window, ``fuzzy`` the rapidfuzz ``token_set_ratio`` of the two stem
    strings. The window keeps a long speech transcript, which holds most common words
    somewhere, from matching every short quotation. ``df`` (stem -> number of quotations
    using it) weights rare words higher; without it all content words weigh the same.

    >>> s = pair_score("The most genuine alliance, forged by sharing blood in the same trench, "
    ...                "through life and death.",
    ...                "sincerest alliance of sharing blood, life, and death in the same trench")
    >>> s["shared"], s["score"] > 0.8
    (7, True)
    >>> pair_score("invincible alliance", "sincerest alliance of sharing blood")["score"] < 0.6
    True
    """
    short, long = _order(_item(0, a), _item(1, b))
    weight = {s: _weight(s, df or Counter(), n_docs) for s in short.stems | long.stems}
    return _local_score(short, long, weight)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]  # path halving
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def speakers_conflict(a: object, b: object) -> bool:
    """True when both speakers are known and share no name word ("Kim" ~ "Kim Jong Un").

    >>> speakers_conflict("Kim Jong Un", "Kim"), speakers_conflict("Kim", "Vladimir Putin")
    (False, True)
    >>> speakers_conflict(None, "Vladimir Putin")
    False
    """
    known = [_name_words(s) for s in (a, b) if isinstance(s, str) and s.strip()]
    return len(known) == 2 and all(known) and not (known[0] & known[1])


@lru_cache(maxsize=100_000)
def _name_words(speaker: str) -> frozenset[str]:
    return frozenset(normalize_quote(speaker).split())


def _speakers_conflict(a: _Item, b: _Item) -> bool:
    return speakers_conflict(a.speaker, b.speaker)


def _blocking_index(items: Iterable[_Item], df: Counter, max_df: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for item in items:
        for s in item.stems:
            if df[s] <= max_df:
                index[s].append(item.index)
    return index


def _proximity(a: _Item, b: _Item) -> tuple[bool, float]:
    # Tie-break between equally good containers: same article first, then the nearest.
    same = a.article_id == b.article_id
    return same, -(abs(a.start - b.start) if same else math.inf)


def cluster_quotes(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
                   min_score: float = DEFAULT_MIN_SCORE, min_shared: int = 2,
                   fragment_max_words: int = 2, peer_ratio: float = 0.5,
                   min_partial: float = DEFAULT_MIN_PARTIAL, max_block_df: int | None = None,
                   use_speakers: str = "fragments") -> pd.DataFrame:
    """The quotes table with a ``cluster_id`` per quotation (same statement -> same id).

    ``quotes`` needs ``quote_id``, ``article_id``, ``text`` (``start`` and ``speaker`` are used
    when present); ``articles`` (``article_id``, ``outlet``) adds the ``outlet`` column.
    Added columns: ``quote_key`` ("article_id:quote_id", unique in the corpus),
    ``cluster_id`` (0 = largest cluster), ``role`` (anchor | fragment), ``matched_to``
    (quote_key of the best linked quotation or None), ``link_score``, ``cluster_size``
    (quotations), ``cluster_articles``, ``cluster_outlets``.

    Links: two quotations of similar length (the shorter has at least ``peer_ratio`` of the
    longer's content words) are *peers* and are joined when their ``pair_score`` reaches
    ``min_score`` and they share ``min_shared`` content stems and 70% of the shorter one's
    (short peers, four content words or fewer, must also match near-verbatim). A much shorter quotation is a
    *part* of the longer one only when it is a near-verbatim excerpt (rapidfuzz
    ``partial_ratio`` of the normalised texts at least ``min_partial``, as well as the score);
    each group of peers is attached to only its single best
    container, so one short quotation ("Make America great again") cannot chain the many
    different speeches that contain it into one cluster. Fragments (at most
    ``fragment_max_words`` content words) attach one by one to the best containing
    quotation, or group with identical fragments. ``max_block_df``: stems used by more
    quotations than this are not used to find candidate pairs (default 100: candidate
    pairs then grow about linearly with the number of quotations).
    ``use_speakers``: where two different known speakers veto a link — ``"fragments"``
    (default: short quotations, whose text alone is weak evidence; longer ones are linked on
    their text, since attribution errors would otherwise split a statement), ``"all"`` or
    ``"none"``.
    """
    if use_speakers not in ("fragments", "all", "none"):
        raise ValueError(f"use_speakers must be 'fragments', 'all' or 'none', not {use_speakers!r}")
    table = _keyed_table(quotes, articles)
    if not len(table):
        for column in CLUSTER_COLUMNS:
            table[column] = pd.Series(dtype="object")
        return table
    items = _table_items(table, use_speakers)
    params = _LinkParams(min_score, min_shared, peer_ratio, min_partial, use_speakers)
    df: Counter = Counter(s for item in items for s in item.stems)
    max_df = max_block_df if max_block_df is not None else DEFAULT_MAX_BLOCK_DF
    anchors = [it for it in items if len(it.stems) > fragment_max_words]
    fragments = [it for it in items if len(it.stems) <= fragment_max_words]
    links = _Links(items)
    # 1. Anchors: identical wording links directly; other pairs come from the blocking index.
    links.join_identical(anchors, lambda a, b: use_speakers == "all" and _speakers_conflict(a, b))
    index = _blocking_index(anchors, df, max_df)
    containers = _link_anchors(links, anchors, index, df, params)
    # 2. Each group of peers joins its single best container (no chaining through parts).
    _join_best_containers(links, anchors, containers)
    # 3. Fragments: attach each to its single best anchor (never bridging two anchors).
    _attach_fragments(links, fragments, index, params)
    # 4. Unattached fragments group only with fragments of identical wording.
    attached = set(links.matched_to)
    links.join_identical([it for it in fragments if it.index not in attached and it.norm],
                         _speakers_conflict)
    return _cluster_columns(table, links, fragment_max_words)


@dataclass(frozen=True)
class _LinkParams:
    min_score: float
    min_shared: int
    peer_ratio: float
    min_partial: float
    use_speakers: str


class _Links:
    """The union-find of linked quotations and each one's best link (matched_to, score)."""

    def __init__(self, items: list[_Item]):
        self.items = items
        self.uf = _UnionFind(len(items))
        self.matched_to: dict[int, int] = {}
        self.link_score: dict[int, float] = {}

    def remember(self, i: int, j: int, score: float) -> None:
        if score > self.link_score.get(i, -1.0):
            self.link_score[i], self.matched_to[i] = score, j

    def join(self, i: int, j: int, score: float, both: bool = True) -> None:
        """Link i to j (and j to i when ``both``) with ``score``."""
        self.uf.union(i, j)
        self.remember(i, j, score)
        if both:
            self.remember(j, i, score)

    def join_identical(self, group: list[_Item], conflict) -> None:
        """Link each item to the first earlier one of identical wording (unless ``conflict``)."""
        by_norm: dict[str, int] = {}
        for it in group:
            if it.norm in by_norm and not conflict(it, self.items[by_norm[it.norm]]):
                self.join(it.index, by_norm[it.norm], 1.0)
            by_norm.setdefault(it.norm, it.index)


def _keyed_table(quotes: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """A copy of ``quotes`` with ``quote_key`` and (given ``articles``) ``outlet``."""
    table = quotes.reset_index(drop=True).copy()
    # quote_id is numbered per article by the extractor; the key is unique corpus-wide.
    table["quote_key"] = quote_keys(table)
    if articles is not None and "outlet" not in table.columns and len(articles):
        outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
        table["outlet"] = table["article_id"].map(outlets)
    return table


def _table_items(table: pd.DataFrame, use_speakers: str) -> list[_Item]:
    """One :class:`_Item` per row (speakers left out when ``use_speakers`` is "none")."""
    starts = table["start"] if "start" in table.columns else pd.Series(0, index=table.index)
    speakers = (table["speaker"] if use_speakers != "none" and "speaker" in table.columns
                else pd.Series(None, index=table.index, dtype="object"))
    return [
        _item(i, text, key, aid, float(st) if pd.notna(st) else 0.0, sp)
        for i, (key, aid, text, st, sp) in enumerate(
            zip(table["quote_key"], table["article_id"], table["text"].fillna(""), starts,
                speakers, strict=True))
    ]


def _link_anchors(links: _Links, anchors: list[_Item], index: dict[str, list[int]],
                  df: Counter, params: _LinkParams) -> dict[int, list[tuple[float, int]]]:
    """Join peers among the anchors; return the containers of each much shorter anchor
    (item index -> [(score, container index)])."""
    items, n = links.items, len(links.items)
    weight = {s: _weight(s, df, n) for s in df}
    total = {it.index: sum(weight[s] for s in it.stems) for it in anchors}
    containers: dict[int, list[tuple[float, int]]] = defaultdict(list)
    n_seq = [len(it.seq) for it in items]
    for a in anchors:
        i = a.index
        # Quotations after this one sharing a rare stem with it (index lists are in item
        # order, so the later ones are a slice; counted in C, no pair set in memory).
        neighbours: Counter = Counter()
        for s in a.stems:
            if s in index:
                later = index[s]
                neighbours.update(later[bisect_right(later, i):])
        for j in neighbours:
            link = _anchor_link(a, items[j], n_seq, weight, total, params)
            if link is None:
                continue
            kind, short, long, score = link
            if kind == "peer":
                links.join(i, j, score)
            else:
                containers[short.index].append((score, long.index))
    return containers


def _anchor_link(a: _Item, b: _Item, n_seq: list[int], weight: dict[str, float],
                 total: dict[int, float], params: _LinkParams):
    """("peer" | "part", shorter, longer, score) for two anchors that link, else None."""
    shared = a.stems & b.stems
    if len(shared) < params.min_shared or a.norm == b.norm:
        return None
    short, long = (a, b) if n_seq[a.index] <= n_seq[b.index] else (b, a)
    peer = n_seq[short.index] >= params.peer_ratio * n_seq[long.index]
    if peer and len(shared) < PEER_MIN_SHARED_SHARE * len(short.stems):
        return None
    # Upper bound of the score (window containment <= whole-text containment).
    bound = sum(weight[s] for s in shared) / total[short.index]
    if CONTAINMENT_WEIGHT * bound + (1 - CONTAINMENT_WEIGHT) < params.min_score or (
            params.use_speakers == "all" and _speakers_conflict(a, b)):
        return None
    s = _local_score(short, long, weight)
    if s["score"] < params.min_score or s["shared"] < params.min_shared:
        return None
    if peer:
        # A few words alike ("I support Ted Cruz") prove little unless verbatim.
        if len(short.stems) <= SHORT_PEER_WORDS and not _verbatim(short, long, params):
            return None
        return "peer", short, long, s["score"]
    return ("part", short, long, s["score"]) if _verbatim(short, long, params) else None


def _verbatim(short: _Item, long: _Item, params: _LinkParams) -> bool:
    """The shorter quotation is a near-verbatim excerpt of the longer one."""
    return fuzz.partial_ratio(short.norm, long.norm) >= 100 * params.min_partial


def _join_best_containers(links: _Links, anchors: list[_Item],
                          containers: dict[int, list[tuple[float, int]]]) -> None:
    """Each group of peers joins its single best container (no chaining through parts)."""
    items = links.items
    root_of = {it.index: links.uf.find(it.index) for it in anchors}
    best_parent: dict[int, tuple] = {}
    for i, edges in containers.items():
        for score, j in edges:
            if root_of[j] == root_of[i]:
                continue
            rank = (round(score, 6), *_proximity(items[i], items[j]), -j)
            if root_of[i] not in best_parent or rank > best_parent[root_of[i]][0]:
                best_parent[root_of[i]] = (rank, i, j, score)
    for _rank, i, j, score in best_parent.values():
        links.join(i, j, score, both=False)


def _attach_fragments(links: _Links, fragments: list[_Item], index: dict[str, list[int]],
                      params: _LinkParams) -> None:
    """Attach each fragment to its single best containing anchor (never bridging two)."""
    items = links.items
    for it in fragments:
        if len(it.stems) < params.min_shared:
            continue  # one content word says too little to tie a quotation to a statement
        candidates = {j for s in it.stems for j in index.get(s, ())}
        best: tuple | None = None
        for j in candidates:
            other = items[j]
            if not it.stems <= other.stems or _speakers_conflict(it, other):
                continue  # a fragment must be wholly contained in the longer quotation
            # Contiguity: the fragment's words should appear together, not scattered.
            partial = fuzz.partial_ratio(it.norm, other.norm) / 100.0
            score = CONTAINMENT_WEIGHT + (1 - CONTAINMENT_WEIGHT) * partial
            if partial < params.min_partial - 0.05 or score < params.min_score:
                continue
            rank = (round(score, 6), *_proximity(it, other), -j)
            if best is None or rank > best[0]:
                best = (rank, j, score)
        if best is not None:
            links.join(it.index, best[1], best[2], both=False)


def _cluster_columns(table: pd.DataFrame, links: _Links, fragment_max_words: int
                     ) -> pd.DataFrame:
    """The cluster columns of :func:`cluster_quotes` from the linked quotations."""
    items, n = links.items, len(links.items)
    matched_to, link_score = links.matched_to, links.link_score
    table["_root"] = [links.uf.find(i) for i in range(n)]
    sizes = table.groupby("_root")["quote_key"].transform("size")
    # Stable ids: largest cluster first, then by first appearance.
    order = (table.assign(_size=sizes, _pos=range(n)).groupby("_root")
             .agg(size=("_size", "first"), pos=("_pos", "min"))
             .sort_values(["size", "pos"], ascending=[False, True]))
    ids = {root: k for k, root in enumerate(order.index)}
    table["cluster_id"] = table["_root"].map(ids).astype(int)
    table["role"] = ["fragment" if len(it.stems) <= fragment_max_words else "anchor"
                     for it in items]
    table["matched_to"] = [items[matched_to[i]].quote_key if i in matched_to else None
                           for i in range(n)]
    table["link_score"] = [link_score.get(i, float("nan")) for i in range(n)]
    table["cluster_size"] = sizes.astype(int)
    table["cluster_articles"] = table.groupby("_root")["article_id"].transform("nunique")
    if "outlet" in table.columns:
        table["cluster_outlets"] = table.groupby("_root")["outlet"].transform("nunique")
    else:
        table["cluster_outlets"] = table["cluster_articles"]
    return table.drop(columns="_root")


# --- comparing wordings --------------------------------------------------------------------


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), stem(normalize_quote(m.group()) or m.group().lower()))
            for m in _WORD_WITH_OFFSETS.finditer(text)]


def coverage(part: str, reference: str) -> dict:
    """Which part of ``reference`` the quotation ``part`` used, by word alignment.

    Returns ``coverage`` (share of the reference's words matched in order), ``ref_start`` and
    ``ref_end`` (character offsets in ``reference`` of the first and last matched word, or None).

    >>> c = coverage("full support", "The DPRK will fully support the just struggle")
    >>> round(c["coverage"], 2), "The DPRK will fully support the just struggle"[c["ref_start"]:c["ref_end"]]
    (0.25, 'fully support')
    """
    ref_words, part_words = _word_spans(reference), _word_spans(part)
    if not ref_words:
        return {"coverage": float("nan"), "ref_start": None, "ref_end": None}
    matcher = difflib.SequenceMatcher(None, [w[2] for w in ref_words],
                                      [w[2] for w in part_words], autojunk=False)
    matched = [k for block in matcher.get_matching_blocks()
               for k in range(block.a, block.a + block.size)]
    if not matched:
        return {"coverage": 0.0, "ref_start": None, "ref_end": None}
    return {"coverage": len(matched) / len(ref_words), "ref_start": ref_words[matched[0]][0],
            "ref_end": ref_words[matched[-1]][1]}


_DEL_STYLE = "background:#fde0e0;color:#8a1c1c;text-decoration:line-through"
_INS_STYLE = "background:#dff5e1;color:#145a23;text-decoration:none"


def word_diff_html(a: str, b: str) -> str:
    """Word-level diff from ``a`` to ``b`` as HTML: ``<del>`` words only in ``a``, ``<ins>``
    words only in ``b``. Words compare case- and punctuation-insensitively; every word is
    HTML-escaped.

    >>> word_diff_html("sharing blood in the trench", "sharing blood, life in the trench")
    'sharing blood, <ins class="np-ins" style="background:#dff5e1;color:#145a23;text-decoration:none">life</ins> in the trench'
    """
    ta, tb = str(a).split(), str(b).split()
    key = [normalize_quote(t) or t for t in ta], [normalize_quote(t) or t for t in tb]
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, key[0], key[1], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(tb[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(f'<del class="np-del" style="{_DEL_STYLE}">'
                       f"{html.escape(' '.join(ta[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f'<ins class="np-ins" style="{_INS_STYLE}">'
                       f"{html.escape(' '.join(tb[j1:j2]))}</ins>")
    return " ".join(out)


TABLE_COLUMNS = ["cluster_id", "outlet", "quoted", "n_quotes", "article_ids", "quote_key",
                 "wording", "speaker", "is_reference", "coverage", "ref_start", "ref_end",
                 "diff_html", "reference_key", "reference"]


def cluster_table(clustered: pd.DataFrame, articles: pd.DataFrame, min_outlets: int = 2,
                  min_articles: int = 1, require_speech: bool = True,
                  require_anchor: bool = True) -> pd.DataFrame:
    """One row per cluster x outlet: how each outlet quoted the statement, or that it did not.

    Keeps clusters quoted by at least ``min_outlets`` outlets and ``min_articles`` articles
    (and, with ``require_speech``, holding at least one ``kind == "speech"`` quotation, so a
    scare-quoted word shared by two outlets is not presented as a statement; with
    ``require_anchor``, holding at least one quotation longer than a fragment (``role ==
    "anchor"``), so one word two outlets both quote, "blood." / "Blood", is not one either).
    The *reference* of a cluster is its longest quotation. Per outlet: ``quoted`` (False for an
    outlet of ``articles`` that never quoted the statement — those rows have empty wording),
    ``n_quotes``, ``article_ids``, the outlet's longest wording and its ``quote_key``, the most
    frequent known ``speaker``, ``coverage`` (share of the reference's words the outlet's
    wording used) with ``ref_start``/``ref_end`` (offsets into the reference text) and
    ``diff_html`` (word diff reference -> outlet wording, escaped).

    >>> import pandas as pd
    >>> q = pd.DataFrame({"quote_id": ["a", "b"], "article_id": ["1", "2"],
    ...                   "text": ["sharing blood in the same trench", "blood in the same trench"]})
    >>> arts = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["X", "Y", "Z"]})
    >>> t = cluster_table(cluster_quotes(q, arts), arts)
    >>> t[["outlet", "quoted"]].values.tolist()
    [['X', True], ['Y', True], ['Z', False]]
    """
    if "outlet" not in clustered.columns:
        outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
        clustered = clustered.assign(outlet=clustered["article_id"].map(outlets))
    if "quote_key" not in clustered.columns:
        clustered = clustered.assign(quote_key=quote_keys(clustered))
    all_outlets = sorted(articles["outlet"].dropna().unique().tolist())
    rows = []
    if not len(clustered):
        return pd.DataFrame(columns=TABLE_COLUMNS)
    data = clustered.assign(_len=clustered["text"].fillna("").str.len())
    keep = data.groupby("cluster_id")["outlet"].transform("nunique") >= min_outlets
    keep &= data.groupby("cluster_id")["article_id"].transform("nunique") >= min_articles
    if require_speech and "kind" in data.columns:
        keep &= (data["kind"] == "speech").groupby(data["cluster_id"]).transform("any")
    if require_anchor and "role" in data.columns:
        keep &= (data["role"] == "anchor").groupby(data["cluster_id"]).transform("any")
    # One sort, then plain Python over records: per-cluster DataFrame filtering was the cost
    # of this function on large corpora. Longest wording first; quote_key breaks ties.
    data = data[keep].sort_values(["cluster_id", "_len", "quote_key"],
                                  ascending=[True, False, True], kind="mergesort")
    has_speaker = "speaker" in data.columns
    records = data.assign(_speaker=data["speaker"] if has_speaker else None)[
        ["cluster_id", "outlet", "article_id", "quote_key", "text", "_speaker"]]
    for cluster_id, group in groupby(records.itertuples(index=False, name=None),
                                     key=lambda r: r[0]):
        group = list(group)
        reference = group[0]
        by_outlet: dict[str, list[tuple]] = {}
        for record in group:
            by_outlet.setdefault(record[1], []).append(record)
        for outlet in all_outlets:
            own = by_outlet.get(outlet)
            if not own:
                rows.append({"cluster_id": cluster_id, "outlet": outlet, "quoted": False,
                             "n_quotes": 0, "article_ids": "", "reference_key": reference[3],
                             "reference": reference[4]})
                continue
            best = own[0]
            cov = coverage(best[4], reference[4])
            rows.append({
                "cluster_id": cluster_id, "outlet": outlet, "quoted": True,
                "n_quotes": len(own),
                "article_ids": ", ".join(sorted({str(r[2]) for r in own})),
                "quote_key": best[3], "wording": best[4],
                "speaker": _most_frequent([r[5] for r in own]),
                "is_reference": best[3] == reference[3],
                "coverage": cov["coverage"], "ref_start": cov["ref_start"],
                "ref_end": cov["ref_end"],
                "diff_html": word_diff_html(reference[4], best[4]),
                "reference_key": reference[3], "reference": reference[4],
            })
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["quoted"] = table["quoted"].astype(bool)
    table["n_quotes"] = table["n_quotes"].astype(int)
    return table


def _most_frequent(values: list) -> Any:
    """The most frequent known value (the smallest of tied ones, as ``Series.mode``), or None."""
    counts = Counter(v for v in values if v is not None and v == v)
    if not counts:
        return None
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def n_statements(cross: pd.DataFrame) -> int:
    """Statements in a :func:`cluster_table` (clusters with speech quoted by enough outlets):
    the number a reading of that table may state.

    >>> n_statements(pd.DataFrame(columns=TABLE_COLUMNS))
    0
    """
    return int(cross["cluster_id"].nunique()) if "cluster_id" in cross else 0


def cluster_summary(clustered: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster: size, articles, outlets and its longest wording (``reference``).

    >>> import pandas as pd
    >>> q = pd.DataFrame({"quote_id": ["a"], "article_id": ["1"], "text": ["crown jewels"]})
    >>> cluster_summary(cluster_quotes(q))[["cluster_id", "n_quotes"]].values.tolist()
    [[0, 1]]
    """
    columns = ["cluster_id", "n_quotes", "n_articles", "n_outlets", "reference"]
    if not len(clustered):
        return pd.DataFrame(columns=columns)
    data = clustered.assign(_len=clustered["text"].fillna("").str.len())
    if "outlet" not in data.columns:
        data["outlet"] = data["article_id"]
    longest = data.sort_values("_len", ascending=False).drop_duplicates("cluster_id")
    summary = data.groupby("cluster_id").agg(n_quotes=("text", "size"),
                                             n_articles=("article_id", "nunique"),
                                             n_outlets=("outlet", "nunique")).reset_index()
    summary["reference"] = summary["cluster_id"].map(longest.set_index("cluster_id")["text"])
    return summary.sort_values(["n_outlets", "n_quotes", "cluster_id"],
                               ascending=[False, False, True]).reset_index(drop=True)[columns]
