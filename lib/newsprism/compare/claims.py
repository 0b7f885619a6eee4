"""Numbers and dates with their context, grouped across outlets by what they count.

A claim is a number ("around 15,000 troops", "at least 600 of those soldiers have died") or a
date ("On Dec. 27", "January 8, 2026") with: the normalised quantity (a number, or an ISO date;
``--12-27`` when the year is not given), the unit (what it counts, as an editable units
codebook says: :mod:`newsprism.compare.claims_units`; the bundled story's, the library
default, has ``troops``, ``troops killed``, ``date of new year letter``...; the generic one
``people killed``, ``dollars``...), the subject (who sent / who did it), the
qualifier ("around", "at least"...) and the sentence. ``group_claims`` puts claims about the
same unit side by side and flags disagreements between outlets, taking qualifiers into account
("at least 600" agrees with 700; "15,000" and "15000" are the same number).

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
...     "text": ["Pyongyang sent around 15,000 troops. On Dec. 27, Kim sent a New Year letter."]})
>>> extract_claims(arts)[["quantity", "unit", "qualifier"]].values.tolist()
[['15000', 'troops', 'around'], ['--12-27', 'date of new year letter', '']]
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from newsprism.compare.claims_units import ClaimUnits, is_default_units, load_claim_units
from newsprism.core.lazy import pandas as pd
from newsprism.core.text import sentence_table
from newsprism.corpus.language import is_english

CLAIM_COLUMNS = ["article_id", "sentence_id", "kind", "quantity", "value", "unit", "subject",
                 "qualifier", "start", "end", "text", "sentence"]

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
          r"June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|"
          r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?"
)
_QUALIFIERS = (r"at least|more than|over|up to|at most|fewer than|less than|as many as|"
               r"nearly|almost|around|about|approximately|roughly|some|an estimated|estimated|"
               r"close to|upwards of")
# A count is an optional qualifier, white space and a number ("at least 600"). Scanning for that
# whole pattern tries the qualifier's alternatives at every character; ``_qualified`` finds the
# number first and looks for the qualifier just before it (the same matches: see its docstring).
_NUMBER_CORE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>thousand|million|billion))?(?![\w%]|[.,]\d)",
    re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"(?P<qualifier>{_QUALIFIERS})\s+\Z", re.IGNORECASE)
_LONGEST_QUALIFIER = max(map(len, _QUALIFIERS.split("|")))
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Spelled-out counts; kept only when they count something known (troops, killed...), since
# "two countries" or "one of" are not claims. Vague plurals get the range they imply.
_SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]
_WORD_VALUES = {w: float(i) for i, w in enumerate(_SMALL, start=1)}
# "thousands" is used loosely for anything from 2,000 to tens of thousands in news prose.
_VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2000.0, 99999.0),
          "tens of thousands": (20000.0, 999999.0)}
_WORD_NUMBER_CORE = re.compile(
    rf"\b(?P<word>tens of thousands|dozens|hundreds|thousands|{'|'.join(_SMALL)})\b",
    re.IGNORECASE)


class _Qualified:
    """A match of ``(?:(?P<qualifier>QUALIFIERS)\\s+)?CORE``: the core match plus its qualifier."""

    __slots__ = ("core", "qualifier", "begin")

    def __init__(self, core: re.Match, qualifier: re.Match | None):
        self.core, self.qualifier = core, qualifier
        self.begin = qualifier.start() if qualifier is not None else core.start()

    def span(self) -> tuple[int, int]:
        return self.begin, self.core.end()

    def start(self, group: str) -> int:
        return self.core.start(group)

    def group(self, group: str) -> str | None:
        if group == "qualifier":
            return self.qualifier.group("qualifier") if self.qualifier is not None else None
        return self.core.group(group)


def _qualified(core: re.Pattern, sentence: str):
    """The matches of ``(?:(?P<qualifier>QUALIFIERS)\\s+)?`` + ``core`` in ``sentence``, in order.

    The same matches as ``finditer`` of that combined pattern, because a core match starts
    with a digit or a number word, which no qualifier or white space contains: so the combined
    pattern's next match has the next core match as its core, and starts at the leftmost
    qualifier that ends, after white space, where the core starts (and after the previous
    match). Checked against the combined pattern on every sentence of the benchmark corpora.
    """
    cursor = 0
    for match in core.finditer(sentence):
        start = match.start()
        space = start
        while space > cursor and sentence[space - 1].isspace():
            space -= 1
        qualifier = None
        if space < start:
            qualifier = _QUALIFIER_BEFORE.search(
                sentence, max(cursor, space - _LONGEST_QUALIFIER), start)
        yield _Qualified(match, qualifier)
        cursor = match.end()


# Interval each qualifier allows around the stated number (why: "around 15,000" and "14,500"
# do not contradict each other; "at least 600" and "700" do not either).
_INTERVAL = {"": (1.0, 1.0), "around": (0.9, 1.1), "about": (0.9, 1.1),
             "approximately": (0.9, 1.1), "roughly": (0.9, 1.1), "some": (0.9, 1.1),
             "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1), "close to": (0.9, 1.0),
             "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "at least": (1.0, math.inf),
             "more than": (1.0, math.inf), "over": (1.0, math.inf), "upwards of": (1.0, math.inf),
             "as many as": (0.0, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
             "fewer than": (0.0, 1.0), "less than": (0.0, 1.0)}

_SENDER_FROM = re.compile(r"(?:letter|message|note|telegram|greetings?|reply)\s+from\s+"
                          r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)")
_SENDER_VERB = re.compile(r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)(?:['\u2019]s)?\s+"
                          r"(?:has\s+|had\s+)?(?:sent|wrote|sends|writes|addressed|extended|"
                          r"responded|responds|replied|congratulated|congratulates|told)\b")
_SENDER_POSSESSIVE = re.compile(r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)['\u2019]s\s+"
                                r"(?:(?:New\s+Year(?:['\u2019]s)?|birthday|latest|recent)\s+)*"
                                r"(?:letter|message|note|telegram|greetings?|reply)")
_OCCASION_NAME = re.compile(r"\b(?:New Year|Christmas|Birthday|Victory Day|Day)\b")
_CAPITALISED = re.compile(r"[A-Z][\w\-]+(?:\s+(?:[A-Z][\w\-]+|of|the))*(?<!\bof)(?<!\bthe)")
_NOT_SUBJECTS = {"On", "In", "The", "A", "An", "At", "According", "Since", "By", "For", "It",
                 "This", "That", "He", "She", "They", "We", "I", "But", "And", "As", "When",
                 "While", "Early", "Late", "Last", "First", "Second"}


def _unit_of_date(sentence: str, start: int, end: int, book: ClaimUnits) -> str:
    # Context: the clause before the date and a few words after it, within the sentence;
    # a dash or semicolon ends the clause (so a second date's context is not borrowed).
    left = re.split(r"[—–;]|\s-\s", sentence[max(0, start - 90):start])[-1].lower()
    right = re.split(r"[—–;(]|\s-\s", sentence[end:end + 60])[0].lower()
    return book.date_unit(left + " " + right)


def _subject(sentence: str, start: int, kind: str) -> str:
    if kind == "date":
        for pattern in (_SENDER_FROM, _SENDER_POSSESSIVE, _SENDER_VERB):
            found = [m for m in pattern.finditer(sentence)
                     if m.group("name").split()[0] not in _NOT_SUBJECTS
                     and not _OCCASION_NAME.search(m.group("name"))]
            if found:
                return min(found, key=lambda m: abs(m.start() - start)).group("name")
    names = [m for m in _CAPITALISED.finditer(sentence) if m.group(0).split()[0] not in
             _NOT_SUBJECTS and not _DATE.fullmatch(m.group(0))
             and m.group(0).split()[0][:3].lower() not in MONTHS
             and not _OCCASION_NAME.search(m.group(0))
             and m.group(0).split()[0].lower() not in {*_WORD_VALUES, *_VAGUE}
             # the source of a claim ("According to Western intelligence, ...") is no subject
             and not re.search(r"according to[^,;]*$", sentence[:m.start()], re.IGNORECASE)
             # a recipient ("letter to Putin") or a source ("according to X") is no subject
             and not re.search(r"\b(?:to|with)\s+$", sentence[max(0, m.start() - 6):m.start()])]
    before = [m for m in names if m.end() <= start]
    if before:
        return before[-1].group(0)
    # After a count comes what happened to it ("captured by Kyiv"), not who did it.
    return names[0].group(0) if names and kind == "date" else ""


def _iso_date(match: re.Match) -> str:
    month = (match.group("month") or match.group("month2"))[:3].lower()
    day = int(match.group("day") or match.group("day2"))
    year = match.group("year") or match.group("year2")
    if not 1 <= day <= 31:
        return ""
    return f"{year}-{MONTHS[month]:02d}-{day:02d}" if year else f"--{MONTHS[month]:02d}-{day:02d}"


def sentence_claims(sentence: str, codebook: str | ClaimUnits | None = None) -> list[dict]:
    """Claims in one sentence, offsets relative to the sentence; ``codebook`` names the units
    (:func:`newsprism.compare.claims_units.load_claim_units`; default: the bundled story's).

    >>> [c["quantity"] for c in sentence_claims("At least 600 of those soldiers have died.")]
    ['600']
    """
    return [dict(claim) for claim in _sentence_claims(sentence, load_claim_units(codebook))]


_HAS_DIGIT = re.compile(r"\d").search
# Not a definition of a word (newsprism.core.text.WORD is the one): the letter runs that
# ``\b`` delimits, as _WORD_NUMBER_CORE sees them. "three-day" and "one-third" hold the
# number words "three" and "one" here, while to core.text they are single words that are not
# number words; testing core.text's words instead would drop those claims.
_LETTER_RUNS = re.compile(r"[a-z]+").findall
_NUMBER_WORDS = frozenset(["tens", "dozens", "hundreds", "thousands", *_SMALL])


def _may_have_number_word(sentence: str) -> bool:
    """False only when ``_WORD_NUMBER_CORE`` cannot match: an ASCII sentence none of whose
    letter runs is one of its words. A set test is cheaper than the scan (about a third of
    its time per sentence).

    >>> _may_have_number_word("A three-day visit."), _may_have_number_word("Threefold.")
    (True, False)
    """
    if not sentence.isascii():
        return True  # IGNORECASE folds some non-ASCII letters onto ASCII ones
    return not _NUMBER_WORDS.isdisjoint(_LETTER_RUNS(sentence.lower()))


@lru_cache(maxsize=65536)
def _sentence_claims(sentence: str, book: ClaimUnits) -> tuple[dict, ...]:
    # Memoised on the sentence text (repeated wire sentences); callers copy before changing.
    claims, taken = [], []
    # Dates and numerals need a digit; most sentences have none, skip both scans then.
    has_digit = _HAS_DIGIT(sentence) is not None
    for match in (_DATE.finditer(sentence) if has_digit else ()):
        iso = _iso_date(match)
        if not iso:
            continue
        s, e = match.span()
        taken.append((s, e))
        claims.append({"kind": "date", "quantity": iso, "value": math.nan,
                       "unit": _unit_of_date(sentence, s, e, book), "subject": _subject(sentence, s, "date"),
                       "qualifier": "", "start": s, "end": e})
    for match in (_qualified(_NUMBER_CORE, sentence) if has_digit else ()):
        s, e = match.span()
        n_start = match.start("number")
        if any(s < te and ts < e for ts, te in taken):
            continue
        number = float(match.group("number").replace(",", ""))
        if match.group("scale"):
            number *= _SCALE[match.group("scale").lower()]
        raw = match.group("number")
        if re.fullmatch(r"(?:19|20)\d\d", raw) and not match.group("scale"):
            continue  # a year on its own is not a count
        if re.search(r"[A-Z][\w\-]*\s+$", sentence[max(0, n_start - 20):n_start]) and \
                not match.group("qualifier"):
            continue  # "Unit 528", "Article 5": a name, not a count
        unit = book.count_unit(sentence, n_start, e)
        if not unit:
            continue
        qualifier = (match.group("qualifier") or "").lower()
        taken.append((s, e))
        claims.append({"kind": "count", "quantity": _format_number(number),
                       "value": number, "unit": unit,
                       "subject": _subject(sentence, n_start, "count"), "qualifier": qualifier,
                       "start": s, "end": e})
    for match in (_qualified(_WORD_NUMBER_CORE, sentence)
                  if _may_have_number_word(sentence) else ()):
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        unit = book.count_unit(sentence, match.start("word"), e)
        if unit not in book.known_units:
            continue
        word = match.group("word").lower()
        qualifier = (match.group("qualifier") or "").lower()
        if word in _VAGUE:
            low, high = _VAGUE[word]
            quantity, value, qualifier = f"{_format_number(low)}-{_format_number(high)}", low, word
        else:
            quantity, value = _format_number(_WORD_VALUES[word]), _WORD_VALUES[word]
        claims.append({"kind": "count", "quantity": quantity, "value": value, "unit": unit,
                       "subject": _subject(sentence, match.start("word"), "count"),
                       "qualifier": qualifier, "start": s, "end": e})
    return tuple(sorted(claims, key=lambda c: c["start"]))


def _format_number(number: float) -> str:
    """15000.0 -> "15000"; 1.5e6 -> "1500000"; 2.5 -> "2.5" (never scientific notation)."""
    return str(int(number)) if float(number).is_integer() else f"{number:f}".rstrip("0")


def _claims_rows(article_id: str, text: str, sentences: pd.DataFrame,
                 book: ClaimUnits) -> list[dict]:
    rows = []
    # Plain column iteration: ``itertuples`` builds a namedtuple class per call (per article).
    for sentence_id, s_start, s_end in zip(sentences["sentence_id"], sentences["start"],
                                           sentences["end"], strict=True):
        body = text[s_start:s_end]
        for claim in _sentence_claims(body, book):
            start, end = s_start + claim["start"], s_start + claim["end"]
            rows.append({**claim, "article_id": article_id, "sentence_id": sentence_id,
                         "start": start, "end": end, "text": text[start:end], "sentence": body})
    return rows


def article_claims(article, tables: dict[str, pd.DataFrame], options=None) -> pd.DataFrame:
    """Annotation step (see ``newsprism.pipeline.annotate``): the claims of one article.

    Columns: ``article_id``; ``sentence_id`` (the sentence's number in the article);
    ``kind`` (``count`` or ``date``); ``quantity`` (the normalised figure as text: "15000", or
    an ISO date, "--12-27" without a year); ``value`` (the figure as a number, NaN for a date);
    ``unit`` (what it counts, from the units codebook; a date's event, "date of new year
    letter"); ``subject`` (who sent or did it, "" when none is found); ``qualifier`` ("around",
    "at least", ... or ""); ``start``, ``end`` (character offsets of the figure in the cleaned
    text); ``text`` (the figure as written); ``sentence`` (its sentence).

    Uses this article's ``sentences`` table when present; non-English articles yield no rows.
    Units: the library default codebook (the bundled story's); :func:`extract_claims` and
    ``compare_outlets(claims_units=...)`` take another.

    >>> from types import SimpleNamespace
    >>> art = SimpleNamespace(article_id="a", language="en", text="Around 600 soldiers died.")
    >>> article_claims(art, {})[["quantity", "unit", "qualifier"]].values.tolist()
    [['600', 'troops killed', 'around']]
    """
    if not is_english(getattr(article, "language", "en")):
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    return pd.DataFrame(_claim_records(article, tables), columns=CLAIM_COLUMNS)


def article_claim_tuples(article, tables, options=None):
    """The rows of :func:`article_claims` as a ``newsprism.pipeline.annotate.RowTable``."""
    from newsprism.core.tables import RowTable

    if not is_english(getattr(article, "language", "en")):
        return RowTable(CLAIM_COLUMNS, [])
    return RowTable(CLAIM_COLUMNS, _claim_records(article, tables))


def _claim_records(article, tables) -> list[tuple]:
    sentences = tables.get("sentences")
    if sentences is None or sentences.empty:
        sentences = sentence_table(pd.DataFrame({"article_id": [article.article_id],
                                                 "text": [article.text]}))
    # Tuples in column order: a DataFrame from a list of dicts costs ~1 ms per article.
    return [tuple(row[c] for c in CLAIM_COLUMNS)
            for row in _claims_rows(article.article_id, article.text, sentences,
                                    load_claim_units())]


def extract_claims(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                   codebook: str | ClaimUnits | None = None) -> pd.DataFrame:
    """Claims of every English article, one row per number or date, with its outlet.

    Columns: ``article_id``; ``sentence_id`` (the sentence's number in the article);
    ``kind`` (``count`` or ``date``); ``quantity`` (the normalised figure as text: "15000", or
    an ISO date, "--12-27" without a year); ``value`` (the figure as a number, NaN for a date);
    ``unit`` (what it counts, from the units codebook; a date's event, "date of new year
    letter"); ``subject`` (who sent or did it, "" when none is found); ``qualifier`` ("around",
    "at least", ... or ""); ``start``, ``end`` (character offsets of the figure in the cleaned
    text); ``text`` (the figure as written); ``sentence`` (its sentence).
    ``outlet``: the article's outlet.

    ``codebook`` names the units (:func:`newsprism.compare.claims_units.load_claim_units`:
    ``"generic"``, ``"story"`` or a YAML path; default: the bundled story's). Caveat: a unit
    names what is counted, not which event; on a corpus of many stories two claims of one
    unit may be about different events (see :func:`group_claims`).

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
    ...                      "text": ["12 people were killed in the flood."]})
    >>> extract_claims(arts, codebook="generic")[["outlet", "quantity", "unit"]].values.tolist()
    [['A', '12', 'people killed']]
    """
    book = load_claim_units(codebook)
    if sentences is None or sentences.empty:
        sentences = sentence_table(articles)
    by_article = dict(tuple(sentences.groupby("article_id", sort=False)))
    rows = []
    for rec in articles.itertuples(index=False):
        if not is_english(getattr(rec, "language", "en")):
            continue
        sents = by_article.get(rec.article_id)
        if sents is not None:
            rows.extend({**r, "outlet": rec.outlet}
                        for r in _claims_rows(rec.article_id, rec.text, sents, book))
    return pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "outlet"])


def articles_claims(claims: pd.DataFrame | None, articles: pd.DataFrame,
                    sentences: pd.DataFrame | None = None,
                    codebook: str | ClaimUnits | None = None) -> pd.DataFrame:
    """The claims of ``articles`` with their outlet: the annotation's ``claims`` table when it
    was made with ``codebook`` (the library default), else extracted again with it.

    Columns: those of :func:`extract_claims`: ``article_id``, ``sentence_id``, ``kind``,
    ``quantity``, ``value``, ``unit``, ``subject``, ``qualifier``, ``start``, ``end``,
    ``text``, ``sentence`` and ``outlet``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
    ...                      "text": ["Officials said 40 people were arrested."]})
    >>> articles_claims(None, arts, codebook="generic")[["outlet", "unit"]].values.tolist()
    [['A', 'people arrested']]
    """
    if not isinstance(claims, pd.DataFrame) or claims.empty or "unit" not in claims \
            or not is_default_units(codebook):
        claims = extract_claims(articles, sentences=sentences, codebook=codebook)
    claims = claims[claims["article_id"].isin(articles["article_id"])]
    if "outlet" not in claims:
        claims = claims.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    return claims


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier in _VAGUE:  # "thousands": the range the word implies
        return _VAGUE[qualifier]
    low, high = _INTERVAL.get(qualifier, (1.0, 1.0))
    return value * low, value * high


def _dates_agree(a: str, b: str) -> bool:
    # "--12-27" (no year) agrees with "2025-12-27".
    return a == b or (a.startswith("--") or b.startswith("--")) and a[-5:] == b[-5:]


def group_claims(claims: pd.DataFrame, articles: pd.DataFrame | None = None,
                 units: list[str] | None = None,
                 voices: pd.DataFrame | None = None,
                 codebook: str | ClaimUnits | None = None) -> pd.DataFrame:
    """One row per unit counted (or dated) by claims: values per outlet and a status.

    ``status`` is ``conflict`` when two outlets give values that cannot both hold (count
    intervals implied by their qualifiers do not overlap; dates differ), ``sender conflict``
    when the same dated event has different subjects in different outlets, ``differs (occasion
    unknown)`` when generic events ("date of letter") differ, ``agree`` when
    two or more outlets agree, ``single outlet`` otherwise. Units the ``codebook`` (the one
    the claims were extracted with; default the bundled story's) does not name (``date``, and
    counts whose unit is just the following word) and units it marks ``compare: false`` are
    skipped unless listed in ``units``.
    ``voices`` (from :func:`newsprism.compare.similarity.independent_voices`) adds ``n_voices``: how
    many independent voices (articles not copying each other) stand behind the claims, since
    an agreement between outlets that share text is no corroboration.

    Columns: ``unit``; ``kind`` (``count`` or ``date``); ``status`` (above); ``n_claims``;
    ``n_outlets`` (outlets giving a claim of the unit); ``n_voices`` (NA without ``voices``);
    ``values`` (each figure with its qualifiers and outlets, "600 (A); about 300 (B)");
    ``subjects`` (the subjects named, "; "-joined); ``evidence`` (every claim's outlet and
    sentence); ``outlets``. Conflicts first, then agreements, then single-outlet units.
    Caveat: a conflict whose claims name several subjects, or where one outlet gives several
    values, may not count the same thing (:func:`newsprism.compare.claim_statements.unclear_conflict`).

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...     "text": ["At least 600 soldiers have died.", "About 300 soldiers were killed."]})
    >>> group_claims(extract_claims(arts))[["unit", "status", "n_outlets"]].values.tolist()
    [['troops killed', 'conflict', 2]]
    """
    if "outlet" not in claims and articles is not None:
        claims = claims.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    columns = ["unit", "kind", "status", "n_claims", "n_outlets", "n_voices", "values",
               "subjects", "evidence", "outlets"]
    voice_of = (dict(zip(voices["article_id"], voices["voice_id"], strict=True))
                if voices is not None and len(voices) else {})
    if claims.empty:
        return pd.DataFrame(columns=columns)
    book = load_claim_units(codebook)
    claims = _assign_generic_dates(claims, book)
    keep = claims["unit"].isin(units) if units is not None else (
        claims["unit"].isin(book.compared_units) | claims["unit"].str.startswith("date of"))
    rows = []
    for unit, group in claims[keep].groupby("unit", sort=True):
        kind = group["kind"].iloc[0]
        status = _status(group, kind, book)
        described = []
        for quantity, part in group.groupby("quantity", sort=True):
            qualifiers = sorted({q for q in part["qualifier"] if q})
            described.append(f"{' / '.join(qualifiers) + ' ' if qualifiers else ''}{quantity}"
                             f" ({', '.join(sorted(set(part['outlet'])))})")
        rows.append({
            "unit": unit, "kind": kind, "status": status, "n_claims": len(group),
            "n_outlets": group["outlet"].nunique(),
            "n_voices": (len({voice_of.get(a, a) for a in group["article_id"]}) if voice_of
                         else pd.NA),
            "values": "; ".join(described),
            "subjects": "; ".join(sorted({s for s in group["subject"] if s})),
            "evidence": " | ".join(f"{r.outlet}: {r.sentence.strip()}"
                                   for r in group.itertuples(index=False)),
            "outlets": ", ".join(sorted(set(group["outlet"]))),
        })
    order = {"conflict": 0, "sender conflict": 1, "differs (occasion unknown)": 2, "agree": 3,
             "single outlet": 4}
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values("status", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True)


def _assign_generic_dates(claims: pd.DataFrame, book: ClaimUnits) -> pd.DataFrame:
    """Give a date of an event without an occasion ("date of letter") the specific unit ("date
    of new year letter") whose date it matches, so that agreements across outlets show;
    ``unit_source`` says so."""
    claims = claims.copy()
    claims["unit_source"] = "context"
    for event, _ in book.events:
        _join_specific_dates(claims, event)
    return claims


def _join_specific_dates(claims: pd.DataFrame, event: str) -> None:
    specific = claims[claims["unit"].str.match(rf"date of \w.* {re.escape(event)}$")]
    for index, rec in claims[claims["unit"] == f"date of {event}"].iterrows():
        # A boolean Series, not a list: an empty list would select no columns.
        agree = specific["quantity"].map(lambda q, d=rec["quantity"]: _dates_agree(d, q))
        matches = specific[agree.astype(bool)]
        if matches["unit"].nunique() == 1:
            claims.loc[index, ["unit", "unit_source"]] = [matches["unit"].iloc[0], "same date"]


def _status(group: pd.DataFrame, kind: str, book: ClaimUnits) -> str:
    if group["outlet"].nunique() < 2:
        return "single outlet"
    records = list(group.itertuples(index=False))
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if a.outlet == b.outlet:
                continue
            if kind == "count":
                lo_a, hi_a = _interval(a.value, a.qualifier)
                lo_b, hi_b = _interval(b.value, b.qualifier)
                if hi_a < lo_b or hi_b < lo_a:
                    return "conflict"
            elif not _dates_agree(a.quantity, b.quantity):
                # Without an occasion ("new year", "birthday") two letters may be two letters.
                return ("differs (occasion unknown)" if group["unit"].iloc[0]
                        in book.event_units else "conflict")
    if kind == "date":
        # Senders differ when their names share no word ("Kim" == "Kim Jong Un").
        named = [(r.outlet, set(r.subject.split())) for r in records if r.subject]
        for i, (outlet_a, words_a) in enumerate(named):
            if any(outlet_a != outlet_b and not words_a & words_b
                   for outlet_b, words_b in named[i + 1:]):
                return "sender conflict"
    return "agree"
