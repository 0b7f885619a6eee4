"""Frame detection with a YAML codebook: every hit has a frame, a cue and character offsets.

A dictionary detector: a frame is *present* in a sentence when one of its cues occurs there.
It measures cue presence, not meaning — every call can be checked against the highlighted
text (see :func:`newsprism.framing.stats.frame_evidence`).

How matching works (and why):

- all cues of a codebook compile into ONE scanning regex (a trie of the cue patterns behind a
  single word-start check), so a text is scanned once whatever the number of cues; at each
  candidate position, only the frames whose cues start with the same letters are asked which
  cue matched (longest first);
- a frame's hits never overlap each other (leftmost-longest: "war alliance" counts once, not
  also as "alliance"); hits of *different* frames may overlap ("blood" can be kinship and
  human cost in a codebook that says so);
- a hit inside a frame's ``exclusions`` match is dropped ("Cold War");
- a hit with a negator ("not", "no", "never", "n't", "without", …) among the ``window``
  tokens before it, in the same clause, is flagged ``negated`` ("not a war alliance", "no
  sanctions"); "not only/just/merely X" is not negation. Prevalence leaves negated hits out by
  default.

>>> book = load_codebook("story")
>>> hits = detect_frames(["Not a war alliance, but new sanctions."], book)
>>> hits[["frame", "cue", "negated"]].values.tolist()
[['military_alliance', 'war alliance', True], ['sanctions_isolation', 'sanction*', False]]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsprism.core.lazy import pandas as pd
from newsprism.core.text import WORD
from newsprism.corpus.language import english_articles, is_english
from newsprism.framing.codebook import (
    Codebook,
    CodebookError,
    Cue,
    load_codebook,
    resolve_codebook_path,
)
from newsprism.quotes.marks import pair_marks

__all__ = [
    "CodebookError", "load_codebook", "detect_frames", "detect_naming", "article_frames",
    "word_choice", "word_choice_by_outlet", "word_choice_leanings",
    "codebook_path", "FRAME_COLUMNS", "HIT_COLUMNS", "compile_codebook",
]

HIT_COLUMNS = ["text_index", "frame", "cue", "start", "end", "negated", "match"]
FRAME_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "frame", "cue", "start", "end",
                 "match", "voice", "quote_kind", "negated", "codebook"]
NAMING_COLUMNS = ["text_index", "pair", "side", "cue", "start", "end", "match"]

# A clause ends at these characters: negation does not reach across them.
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\[\]\u2014\u2013\"\u201c\u201d\n]|\bbut\b", re.I)
_TOKEN = WORD  # the one word definition (newsprism.core.text)


# --------------------------------------------------------------------------- compilation
def _atoms(cue: Cue) -> list[str]:
    """Regex atoms of a cue (one per literal character or operator), lower-cased when the
    cue is case-insensitive so that the trie shares prefixes across case variants."""
    atoms: list[str] = []
    for t_index, token in enumerate(cue.pattern.split()):
        if t_index:
            atoms.append(r"\s+")
        for c_index, chunk in enumerate(token.split("*")):
            if c_index:
                atoms.append(r"\w*")
            for char in chunk:
                if char in "'\u2019":
                    atoms.append("['\u2019]")
                else:
                    atoms.append(re.escape(char if cue.case_sensitive else char.lower()))
    if re.search(r"[\w*]$", cue.pattern):
        atoms.append(r"(?!\w)")
    return atoms


def _trie_regex(sequences: list[list[str]]) -> str:
    """Alternation of atom sequences as a prefix trie; longer continuations are tried first."""
    trie: dict = {}
    for atoms in sequences:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [atom + render(child) for atom, child in node.items() if atom]
        if "" in node:
            branches.append("")  # terminal last: prefer the longer match
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return render(trie)


def _cue_set_regex(cues: tuple[Cue, ...] | list[Cue]) -> str:
    """One regex matching any of ``cues`` (case-sensitive ones scoped with ``(?-i:)``)."""
    parts = []
    for sensitive in (True, False):
        group = [c for c in cues if c.case_sensitive is sensitive]
        if not group:
            continue
        for word_start in (True, False):
            subset = [c for c in group if bool(re.match(r"\w", c.pattern)) is word_start]
            if not subset:
                continue
            body = _trie_regex([_atoms(c) for c in subset])
            body = (r"(?<!\w)" if word_start else "") + body
            parts.append(f"(?-i:{body})" if sensitive else body)
    return "|".join(parts)


def _prefix_keys(cue: Cue) -> list[str]:
    """Keys under which a cue is indexed: the lower-cased first one or two literal characters."""
    first = cue.pattern[0].lower()
    second = cue.pattern[1:2].lower()
    if second in ("", "*", " ") or not second.isalnum():
        return [first]
    return [first + second]


@dataclass(frozen=True)
class _Unit:
    """A frame (or a naming-pair side): its cues as groups of one regex, plus exclusions."""

    key: str
    cues: tuple[Cue, ...]
    matcher: re.Pattern
    exclusion: re.Pattern | None
    exclusion_reach: int = 0  # characters around a hit an exclusion match can span


@dataclass(frozen=True)
class CompiledCodebook:
    codebook: Codebook
    scanner: re.Pattern
    units: tuple[_Unit, ...]
    index: dict  # prefix key -> tuple of unit positions


def cue_unit(key: str, cues: tuple[Cue, ...], exclusions: tuple[Cue, ...]) -> _Unit:
    # Longest cue first, so that at one position the longest cue of the frame wins.
    ordered = tuple(sorted(cues, key=lambda c: (-len(c.pattern.replace("*", "")), c.pattern)))
    source = "|".join(f"({c.regex})" for c in ordered)
    exclusion = re.compile(_cue_set_regex(exclusions), re.I) if exclusions else None
    # Wildcards may stretch an exclusion: allow 30 characters beyond its written length.
    reach = max((len(c.pattern) for c in exclusions), default=0) + 30
    return _Unit(key, ordered, re.compile(source, re.I), exclusion, reach)


def compile_units(units: list[_Unit], codebook: Codebook) -> CompiledCodebook:
    all_cues = [cue for unit in units for cue in unit.cues]
    scanner = re.compile(_cue_set_regex(all_cues), re.I)
    index: dict[str, set[int]] = defaultdict(set)
    for position, unit in enumerate(units):
        for cue in unit.cues:
            for key in _prefix_keys(cue):
                index[key].add(position)
    # A two-letter key also lists the units indexed under its first letter alone, so one
    # dictionary look-up per candidate position finds every frame to ask.
    singles = {k: v for k, v in index.items() if len(k) == 1}
    merged = {k: v | singles.get(k[:1], set()) for k, v in index.items()}
    return CompiledCodebook(codebook, scanner, tuple(units),
                            {k: tuple(sorted(v)) for k, v in merged.items()})


@lru_cache(maxsize=32)
def compile_codebook(codebook: Codebook) -> CompiledCodebook:
    """Frames of ``codebook`` compiled for :func:`detect_frames` (cached per codebook)."""
    return compile_units([cue_unit(f.id, f.cues, f.exclusions) for f in codebook.frames], codebook)


@lru_cache(maxsize=32)
def _compile_naming(codebook: Codebook) -> CompiledCodebook:
    units = [cue_unit(f"{pair.id}\x00{side.name}", side.cues, side.exclusions)
             for pair in codebook.naming_pairs for side in pair.sides]
    if not units:
        raise CodebookError(f"codebook {codebook.name!r} has no naming_pairs")
    return compile_units(units, codebook)


# --------------------------------------------------------------------------- matching
@lru_cache(maxsize=64)
def _negator_regex(negators: frozenset[str]) -> re.Pattern:
    """Finds every negator of a text in one pass (a trie, like the cue scanner)."""
    cues = [Cue(n) for n in negators if n and re.match(r"\w", n) and "n't" not in n]
    return re.compile(_cue_set_regex(cues) + r"|n['\u2019]t(?!\w)", re.I)


def is_negated(text: str, start: int, window: int, negators: frozenset[str],
             exceptions: frozenset[str]) -> bool:
    """Is a negator among the ``window`` tokens before ``start``, in the same clause?"""
    if window <= 0:
        return False
    reach = max(0, start - 12 * window - 12)
    # Fast path: most hits have no negator anywhere near them. (Searching only left of each
    # hit costs less than one scan of the whole text: hits are a few per article.)
    if not _negator_regex(negators).search(text, reach, start):
        return False
    left = text[reach:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    tokens = [t.lower().replace("\u2019", "'") for t in _TOKEN.findall(left)][-window:]
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        pair = f"{token} {following}"
        is_negator = (token in negators or token.endswith("n't") or pair in negators)
        if is_negator and following not in exceptions:
            return True
    return False


def scan_cues(text: str, compiled: CompiledCodebook) -> list[tuple[int, int, int, int]]:
    """(unit position, cue position, start, end) for every non-excluded hit in ``text``."""
    hits = []
    last_end: dict[int, int] = {}
    units, index = compiled.units, compiled.index
    search = compiled.scanner.search
    pos, n = 0, len(text)
    while pos < n:
        found = search(text, pos)
        if found is None:
            break
        start = found.start()
        head = text[start:start + 2].lower()
        candidates = index.get(head) or index.get(head[:1], ())
        for position in candidates:
            if last_end.get(position, -1) > start:
                continue  # inside a longer hit of the same frame
            unit = units[position]
            m = unit.matcher.match(text, start)
            if m is None:
                continue
            end = m.end()
            if unit.exclusion is not None and _excluded(unit, text, start, end):
                continue
            last_end[position] = end
            hits.append((position, m.lastindex - 1, start, end))
        pos = start + 1
    return hits


def _excluded(unit: _Unit, text: str, start: int, end: int) -> bool:
    """Does an exclusion match of the unit contain the hit? (searched near the hit only)"""
    reach = unit.exclusion_reach
    for m in unit.exclusion.finditer(text, max(0, start - reach), min(len(text), end + reach)):
        if m.start() <= start and m.end() >= end:
            return True
    return False


def detect_frames(texts: list[str], codebook: Codebook | str | Path = "story") -> pd.DataFrame:
    """One row per cue hit: ``text_index, frame, cue, start, end, negated, match``.

    ``codebook`` is a :class:`Codebook`, a codebook name or a path to a YAML file. ``cue`` is
    the pattern as written in the codebook; ``match`` the text it matched; offsets index
    ``texts[text_index]``.

    >>> detect_frames(["Sanctions bite.", "No sanctions."], "story")[
    ...     ["text_index", "cue", "start", "end", "negated"]].values.tolist()
    [[0, 'sanction*', 0, 9, False], [1, 'sanction*', 3, 12, True]]
    """
    book = load_codebook(codebook)
    rows = []
    for text_index, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            continue
        rows.extend((text_index, *hit) for hit in _frame_hits(text, book))
    table = pd.DataFrame(rows, columns=HIT_COLUMNS)
    return table.sort_values(["text_index", "start", "frame"], kind="stable",
                             ignore_index=True)


def _frame_hits(text: str, book: Codebook) -> list[tuple[str, str, int, int, bool, str]]:
    """``(frame, cue, start, end, negated, match)`` of one text, ordered by start then frame
    (stable: the order :func:`detect_frames` gives), as plain tuples (no DataFrame)."""
    compiled = compile_codebook(book)
    negation = book.negation
    negators, exceptions = frozenset(negation.negators), frozenset(negation.exceptions)
    hits = scan_cues(text, compiled)
    rows = []
    for position, cue_position, start, end in hits:
        unit = compiled.units[position]
        rows.append((unit.key, unit.cues[cue_position].pattern, start, end,
                     is_negated(text, start, negation.window, negators, exceptions),
                     text[start:end]))
    rows.sort(key=lambda row: (row[2], row[0]))
    return rows


def detect_naming(texts: list[str], codebook: Codebook | str | Path = "story") -> pd.DataFrame:
    """One row per word-choice hit: ``text_index, pair, side, cue, start, end, match``.

    >>> detect_naming(["north Korea and North Korea, the DPRK."], "story")[
    ...     ["side", "match"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['north Korea (lowercase n)', 'north Korea'], ['North Korea / DPRK', 'North Korea'],
     ['North Korea / DPRK', 'DPRK']]
    """
    book = load_codebook(codebook)
    compiled = _compile_naming(book)
    rows = []
    for text_index, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            continue
        for position, cue_position, start, end in scan_cues(text, compiled):
            unit = compiled.units[position]
            pair, side = unit.key.split("\x00")
            rows.append((text_index, pair, side, unit.cues[cue_position].pattern, start, end,
                         text[start:end]))
    table = pd.DataFrame(rows, columns=NAMING_COLUMNS)
    return table.sort_values(["text_index", "start"], kind="stable", ignore_index=True)


# --------------------------------------------------------------------------- annotation step
def _quote_spans(text: str, tables: dict) -> list[tuple[int, int, str]]:
    """Quoted spans ``(start, end, kind)``: the quotes step's table when present, else the
    quotation marks paired in the text."""
    quotes = tables.get("quotes") if tables else None
    if quotes is not None and len(quotes) and {"start", "end"} <= set(quotes.columns):
        kinds = quotes["kind"] if "kind" in quotes.columns else ["speech"] * len(quotes)
        return [(int(s), int(e), str(k)) for s, e, k in zip(quotes["start"], quotes["end"], kinds,
                                                            strict=True)]
    if quotes is not None and {"start", "end"} <= set(getattr(quotes, "columns", [])):
        return []  # the quotes step ran and found no quote
    return [(s, e, "marks") for s, e in paired_quotes(text)]


def paired_quotes(text: str) -> list[tuple[int, int]]:
    """Spans inside paired quotation marks (fallback when no quotes table is available),
    paired by ``newsprism.quotes.marks.pair_marks``.

    >>> text = 'He said “we stand by you” and ‘blood bond’.'
    >>> [text[s:e] for s, e in paired_quotes(text)]
    ['we stand by you', 'blood bond']
    """
    return sorted((span.start, span.end) for span in pair_marks(text))


def _codebook_option(options) -> str:
    value = getattr(options, "codebook", "story") if options is not None else "story"
    return value or "story"


def article_frames(article, tables: dict | None, options=None) -> pd.DataFrame:
    """Annotation step: the frame hits of one article, one row per hit, at sentence level.

    Columns (``FRAME_COLUMNS``): ids ``article_id``, ``sentence_id``, ``paragraph_id``;
    ``frame`` and ``cue`` (the codebook pattern); ``start``, ``end`` (character offsets into
    the cleaned text) and ``match`` (the text matched); ``voice`` ("quoted" when the
    hit lies in a quote span of kind "speech" from ``tables["quotes"]`` — or, without that
    table, inside paired quotation marks — else "author"; scare quotes, kind "term", stay in
    the author's voice), ``quote_kind`` ("speech", "term", "marks" or ""), ``negated`` and
    ``codebook``.
    Non-English articles give an empty table.

    >>> from newsprism.core.tables import ArticleInput
    >>> rows = article_frames(ArticleInput("a", 'Kim wrote: “no sanctions”. Sanctions bite.'),
    ...                       {}, None)
    >>> rows[["sentence_id", "voice", "negated"]].values.tolist()
    [[0, 'quoted', True], [1, 'author', False]]
    """
    columns = _frame_columns(article, tables, options)
    if columns is None:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    return pd.DataFrame(columns)  # built in FRAME_COLUMNS order (no reindexing copy)


def article_frame_tuples(article, tables: dict | None, options=None):
    """The rows of :func:`article_frames` as a ``newsprism.pipeline.annotate.RowTable``."""
    from newsprism.core.tables import RowTable

    columns = _frame_columns(article, tables, options)
    if columns is None:
        return RowTable(FRAME_COLUMNS, [])
    n = len(columns["frame"])
    values = [columns[c] for c in FRAME_COLUMNS]
    values = [v.tolist() if isinstance(v, np.ndarray) else v if isinstance(v, list) else [v] * n
              for v in values]
    return RowTable(FRAME_COLUMNS, list(zip(*values, strict=True)))


def _frame_columns(article, tables: dict | None, options=None) -> dict | None:
    """The frame hits of one article as column name -> values (None: no hits)."""
    text = getattr(article, "text", "") or ""
    if not is_english(getattr(article, "language", "en")) or not text.strip():
        return None
    book = load_codebook(_codebook_option(options))
    # Plain tuples and one DataFrame at the end: per-article pandas frames (hits, then the
    # table) cost more than the scan itself.
    hits = _frame_hits(text, book)
    if not hits:
        return None
    sentences = (tables or {}).get("sentences")
    if sentences is None or not len(sentences):
        from newsprism.core.text import sentence_table

        sentences = sentence_table(pd.DataFrame({"article_id": [article.article_id],
                                                 "text": [text]}))
    starts = np.asarray(sentences["start"], dtype=np.int64)
    hit_starts = np.fromiter((h[2] for h in hits), dtype=np.int64, count=len(hits))
    rows_at = np.searchsorted(starts, hit_starts, side="right") - 1
    rows_at = rows_at.clip(0, len(sentences) - 1)
    spans = _quote_spans(text, tables or {})
    voices, kinds = [], []
    for _, _, start, end, _, _ in hits:
        kind = next((k for s, e, k in spans if s <= start and end <= e), "")
        # Scare quotes ("term") are the writer's own choice of words: author voice, as in
        # newsprism.sentiment.voice; the kind stays visible in `quote_kind`.
        voices.append("quoted" if kind and kind != "term" else "author")
        kinds.append(kind)
    paragraph = (np.asarray(sentences["paragraph_id"])[rows_at]
                 if "paragraph_id" in sentences.columns else [pd.NA] * len(hits))
    frame, cue, start, end, negated, match = zip(*hits, strict=True)
    return {
        "article_id": article.article_id,
        "sentence_id": np.asarray(sentences["sentence_id"])[rows_at],
        "paragraph_id": paragraph,
        "frame": list(frame), "cue": list(cue), "start": np.array(start, dtype=np.int64),
        "end": np.array(end, dtype=np.int64), "match": list(match), "voice": voices,
        "quote_kind": kinds, "negated": np.array(negated, dtype=bool), "codebook": book.name,
    }


# --------------------------------------------------------------------------- word choice
def word_choice(articles: pd.DataFrame, codebook: Codebook | str | Path = "story",
                by: str = "outlet") -> pd.DataFrame:
    """Naming pairs counted per ``by`` group (outlet), side by side.

    One row per pair × side with a column of counts per outlet, plus ``total``. ``articles``
    needs ``text`` and the ``by`` column; non-English articles are left out. Only the pairs of
    ``codebook`` count: a codebook without ``naming_pairs`` gives an empty table (no other
    codebook's pairs stand in for them).

    Columns: ``pair`` (id), ``pair_label`` (its readable name), ``side`` (one wording),
    ``cues`` (the patterns counted for that side), one column per outlet (hits), ``total``.
    Counts of wording, not of stance: an outlet quoting "special military operation" to
    criticise it counts on that side.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["A", "B"], "text": ["the SVO", "the war and the war"]})
    >>> word_choice(df).query("pair == 'operation_vs_war'")[["side", "A", "B"]].values.tolist()
    [['special military operation', 1, 0], ['war / invasion', 0, 2]]
    >>> word_choice(df, "generic").columns.tolist(), len(word_choice(df, "generic"))
    (['pair', 'pair_label', 'side', 'cues', 'A', 'B', 'total'], 0)
    """
    book = load_codebook(codebook)
    if "language" in articles.columns:
        articles = english_articles(articles)
    articles = articles.reset_index(drop=True)
    groups = sorted(articles[by].astype(str).unique())
    columns = ["pair", "pair_label", "side", "cues", *groups, "total"]
    if not book.naming_pairs:
        return pd.DataFrame(columns=columns)
    hits = detect_naming(list(articles["text"]), book)
    hits[by] = articles[by].astype(str).to_numpy()[hits["text_index"].to_numpy()] \
        if len(hits) else pd.Series(dtype=str)
    rows = []
    for pair in book.naming_pairs:
        for side in pair.sides:
            part = hits[(hits["pair"] == pair.id) & (hits["side"] == side.name)]
            counts = part[by].value_counts()
            rows.append({"pair": pair.id, "pair_label": pair.label, "side": side.name,
                         "cues": ", ".join(c.pattern for c in side.cues),
                         **{g: int(counts.get(g, 0)) for g in groups},
                         "total": int(len(part))})
    return pd.DataFrame(rows, columns=columns)


def word_choice_by_outlet(table: pd.DataFrame) -> pd.DataFrame:
    """A :func:`word_choice` table turned so that each outlet is a row and each naming-pair
    side a column (codebook order): the outlets' wordings side by side, outlet names kept as
    cell values (never as column headers, which HTML tables do not escape).

    >>> t = pd.DataFrame({"pair": ["p", "p"], "pair_label": ["P", "P"], "side": ["a", "b"],
    ...                   "cues": ["a", "b"], "X": [2, 1], "Y": [0, 3], "total": [2, 4]})
    >>> word_choice_by_outlet(t).values.tolist()
    [['X', 2, 1], ['Y', 0, 3]]
    """
    outlets = [c for c in table.columns if c not in ("pair", "pair_label", "side", "cues",
                                                     "total")]
    sides = table["side"].tolist()
    duplicated = {s for s in sides if sides.count(s) > 1}
    names = [f"{p}: {s}" if s in duplicated else s for p, s in zip(table["pair"], sides,
                                                                    strict=True)]
    wide = pd.DataFrame({"outlet": outlets})
    for name, (_, row) in zip(names, table.iterrows(), strict=True):
        wide[name] = [int(row[o]) for o in outlets]
    return wide


def word_choice_leanings(table: pd.DataFrame) -> pd.DataFrame:
    """Per naming pair × outlet: the side the outlet uses most (``preferred``, "" when it uses
    none, ties joined by " = ") and its counts, from a :func:`word_choice` table.

    >>> t = pd.DataFrame({"pair": ["p", "p"], "pair_label": ["P", "P"], "side": ["a", "b"],
    ...                   "cues": ["a", "b"], "X": [2, 1], "Y": [0, 0], "total": [2, 1]})
    >>> word_choice_leanings(t)[["outlet", "preferred"]].values.tolist()
    [['X', 'a'], ['Y', '']]
    """
    outlets = [c for c in table.columns if c not in ("pair", "pair_label", "side", "cues",
                                                     "total")]
    rows = []
    for pair, part in table.groupby("pair", sort=False):
        for outlet in outlets:
            counts = dict(zip(part["side"], part[outlet].astype(int), strict=True))
            top = max(counts.values()) if counts else 0
            preferred = " = ".join(k for k, v in counts.items() if v == top) if top else ""
            rows.append({"pair": pair, "pair_label": part["pair_label"].iloc[0],
                         "outlet": outlet, "preferred": preferred,
                         "counts": "; ".join(f"{k}: {v}" for k, v in counts.items())})
    return pd.DataFrame(rows, columns=["pair", "pair_label", "outlet", "preferred", "counts"])


def codebook_path(path_or_name: str | Path = "story") -> Path:
    """The YAML file a codebook name or path resolves to."""
    return resolve_codebook_path(path_or_name)

