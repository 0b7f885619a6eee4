"""Pair quotation marks into quoted spans, paragraph by paragraph, never raising.

The scanner looks at each mark's neighbours to decide whether it opens, closes, or is an
apostrophe (``Russia’s``, ``isn’t``, ``’90s``, ``students’``), then pairs marks of one family
(double, single, guillemet) with the marks of other families nested inside ignored. A quote
left open at the end of a paragraph whose next paragraph reopens it is a multi-paragraph quote
(one span per paragraph, linked); any other unbalanced mark is recovered locally.

>>> [(s.start, s.end, s.style) for s in pair_marks('He said “go” and ‘stay’.')]
[(9, 11, 'double_curly'), (18, 22, 'single_curly')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsprism.core.text import strip_span

# Every character that may be a quotation mark. Straight apostrophes are candidates too.
_MARK = re.compile("[\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]")

_FAMILY = {
    '"': "double", "\u201c": "double", "\u201d": "double", "\u201e": "double", "\u201f": "double",
    "'": "single", "\u2018": "single", "\u2019": "single", "\u201a": "single",
    "\u00ab": "guillemet", "\u00bb": "guillemet", "\u2039": "guillemet1", "\u203a": "guillemet1",
}
_STYLE = {
    '"': "double_straight", "\u201c": "double_curly", "\u201d": "double_curly",
    "\u201e": "double_low", "\u201f": "double_curly", "'": "single_straight",
    "\u2018": "single_curly", "\u2019": "single_curly", "\u201a": "single_low",
    "\u00ab": "guillemet", "\u00bb": "guillemet", "\u2039": "guillemet", "\u203a": "guillemet",
}
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>]+))*"
                  r"\s*/?>")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
_OPENERS_BEFORE = set("([{\u2014\u2013-/\u201c\u2018\"'\u00ab\u2039\u201e")


@dataclass
class MarkedSpan:
    """A quoted span: ``start``/``end`` exclude the marks; ``open``/``close`` are mark offsets."""

    start: int
    end: int
    open: int  # offset of the opening mark, or -1 when missing (recovered)
    close: int  # offset of the closing mark, or -1 when missing (recovered)
    style: str
    paragraph: int  # index of the paragraph (line) that holds the span
    para_start: int
    para_end: int
    continues: int = -1  # index (in the returned list) of the span this one continues
    recovered: bool = False


def _role(text: str, i: int, n: int) -> str:
    """'open', 'close', 'either' or 'apos' for the mark at ``i`` (from its neighbours)."""
    ch = text[i]
    p = text[i - 1] if i > 0 else " "
    q = text[i + 1] if i + 1 < n else " "
    if p in _INVISIBLE:
        p = " "  # a direction mark or zero-width space before the mark ('\u202a”Sorry')
    p_space = p.isspace() or p in _OPENERS_BEFORE
    q_space = q.isspace() or q in ".,;:!?)]}\u2014\u2013-\u2026"
    if ch in "\u2019'":
        if p.isalnum() and q.isalnum():
            return "apos"  # Russia’s, isn’t, rock'n'roll
        if p_space and q.isdigit():
            return "apos"  # ’90s
        if ch == "\u2019":
            if p_space and q.isalpha():
                return "apos"  # ’em, ’tis (or a misused opener: too rare to pair)
            return "close_or_apos" if not q.isalnum() else "apos"
        # straight single quote
        if p_space and not q_space:
            return "open"
        if not p_space and q_space:
            return "close_or_apos"
        return "apos"
    if ch in "\u2018\u201a":
        if p.isalpha() and q.isalpha():
            return "apos"  # misused opener as apostrophe
        if p_space and q.isdigit():
            return "apos"  # ‘90s
        return "open"
    if ch in "\u201c\u201e\u201f":
        if not p_space and q_space:
            return "close"  # misused opener at the end of a word
        return "open"
    if ch == "\u201d":
        if p_space and not q_space:
            return "open"  # misused closer at the start of a word
        return "close"
    if ch == '"':
        if p_space and not q_space:
            return "open"
        if not p_space and q_space:
            return "close"
        return "either"
    if ch in "\u00ab\u2039":
        return "open" if not (not p_space and q_space) else "close"
    if ch in "\u00bb\u203a":
        return "close" if not (p_space and not q_space) else "open"
    return "either"  # pragma: no cover - every mark is handled above


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos, n = [], 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _pair_role(text: str, i: int, n: int) -> str:
    """Role of a doubled apostrophe ``''`` (the double quotation mark of some archives)."""
    p = text[i - 1] if i > 0 else " "
    q = text[i + 2] if i + 2 < n else " "
    p_space = p.isspace() or p in _OPENERS_BEFORE
    q_space = q.isspace() or q in ".,;:!?)]}\u2014\u2013-\u2026"
    if p_space and not q_space:
        return "open"
    if not p_space and q_space:
        return "close"
    return "either"


def _triple(text: str, i: int) -> list[tuple[int, int, str, str, str]]:
    """The marks of a run of three apostrophes at ``i``: a doubled-apostrophe quotation mark
    and a single one, the single one inside (``''…'…'''`` closes, ``'''…'…''`` opens)."""
    p = text[i - 1] if i > 0 else " "
    if p.isspace() or p in _OPENERS_BEFORE:
        return [(i + 1, i, "double", "open", "double_apostrophes"),
                (i + 2, i + 2, "single", "open", "single_straight")]
    return [(i, i, "single", "close_or_apos", "single_straight"),
            (i + 2, i + 1, "double", "close", "double_apostrophes")]


def _inside_tag(tags: list[tuple[int, int]], starts: list[int], i: int) -> bool:
    """Whether ``i`` lies strictly inside one of ``tags`` (in order, not overlapping)."""
    k = bisect.bisect_left(starts, i) - 1
    return k >= 0 and tags[k][0] < i < tags[k][1]


def _scan(text: str, n: int, lo: int, hi: int, marks: list[int], mi: int):
    """Marks of ``text[lo:hi]`` as (open_at, close_at, family, role, style); next index."""
    local = []
    # marks inside markup tags ('<a href="...">', '<tweet author="...">') are attribute
    # delimiters, not quotation marks
    tags = [m.span() for m in _TAG.finditer(text, lo, hi)] if "<" in text[lo:hi] else []
    tag_starts = [a for a, _ in tags]
    while mi < len(marks) and marks[mi] < hi:
        i = marks[mi]
        mi += 1
        if tags and _inside_tag(tags, tag_starts, i):
            continue
        if text.startswith("'''", i) and not text.startswith("''''", i) and (
                i == 0 or text[i - 1] != "'"):
            # a single quotation nested at the edge of a doubled-apostrophe one (NYT archive):
            # closing "them,''' said" is ' then '', opening "'''College Bowl" is '' then '.
            # Read as two doubled marks, the second one opened a false quotation after it.
            local.extend(_triple(text, i))
            while mi < len(marks) and marks[mi] < i + 3:
                mi += 1
            continue
        if text.startswith("''", i):
            # '' is one double mark: it opens after its second and closes at its first char
            local.append((i + 1, i, "double", _pair_role(text, i, n), "double_apostrophes"))
            continue
        role = _role(text, i, n)
        if role != "apos":
            local.append((i, i, _FAMILY[text[i]], role, _STYLE[text[i]]))
    return local, mi


def _opens_paragraph(text: str, at: int, family: str, n: int) -> bool:
    if text.startswith("''", at):
        return family == "double" and _pair_role(text, at, n) in ("open", "either")
    return (text[at] in _FAMILY and _FAMILY[text[at]] == family
            and _role(text, at, n) in ("open", "either"))


def _drop_unclosed_single(local: list) -> list:
    """Single openers that nothing closes later in the paragraph ('CBS‘ Face the Nation'):
    a misused apostrophe, which must not swallow the double quotations after it."""
    keep, closers_after = [], 0
    for item in reversed(local):
        fam, role = item[2], item[3]
        if fam == "single":
            if role == "open" and closers_after == 0:
                continue
            if role in ("close", "either", "close_or_apos"):
                closers_after += 1
        keep.append(item)
    keep.reverse()
    return keep


def pair_marks(text: str) -> list[MarkedSpan]:
    """Quoted spans of ``text`` in order; offsets exclude the quotation marks.

    Never raises; every span satisfies ``0 <= start <= end <= len(text)``.
    """
    n = len(text)
    out: list[MarkedSpan] = []
    paragraphs = _paragraphs(text)
    # marks per paragraph, computed once over the whole text (fast path for long texts)
    marks = [m.start() for m in _MARK.finditer(text)]
    mi = 0
    carry = -1  # index in ``out`` of a span left open at the end of the previous paragraph
    carry_family = ""
    for pi, (ps, pe) in enumerate(paragraphs):
        while mi < len(marks) and marks[mi] < ps:
            mi += 1
        local, mi = _scan(text, n, ps, pe, marks, mi)
        local = _drop_unclosed_single(local)
        family = ""  # family of the open outer quote
        opened, style = -1, ""
        nested = False
        reopened_from = -1
        for k, (i, c, fam, role, mark_style) in enumerate(local):
            if family == "":
                if role in ("open", "either"):
                    family, opened, style = fam, i, mark_style
                    reopened_from = carry if (carry >= 0 and fam == carry_family
                                              and not text[ps:c].strip()) else -1
                elif role == "close" and carry >= 0 and fam == carry_family and k == 0:
                    # a multi-paragraph quote whose new paragraph was not reopened
                    s, e = strip_span(text, ps, c)
                    if e > s:
                        out.append(MarkedSpan(s, e, -1, c, mark_style, pi, ps, pe,
                                              continues=carry, recovered=True))
                elif role == "close" and k == 0 and fam == "double" and not text[ps:c].strip(
                        ) and any(r in ("close", "either") and f == fam for _, _, f, r, _ in
                                  local[1:]):
                    # a paragraph opening with a misused closer ('” … in the case of X,” he
                    # wrote') that a later mark closes: it opens the quotation
                    family, opened, style = fam, i, mark_style
                    reopened_from = -1
                # any other stray closer (or apostrophe-like closer) is ignored
                continue
            if fam != family:
                continue  # nested quotation of the other family: part of the outer quote
            curly = mark_style in ("double_curly", "double_low")
            outer_curly = style in ("double_curly", "double_low")
            if nested:
                # inside a nested quotation of the other style ('"... “Equal Justice” ..."')
                if curly != outer_curly and role in ("close", "either"):
                    nested = False
                    continue
                if curly == outer_curly and role == "open":
                    continue
            elif role == "open" and fam == "double" and curly != outer_curly:
                nested = True  # a curly quotation inside a straight one (or the reverse)
                continue
            if role in ("close", "either", "close_or_apos"):
                s, e = strip_span(text, opened + 1, c)
                if e > s:
                    out.append(MarkedSpan(s, e, opened, c, style, pi, ps, pe,
                                          continues=reopened_from))
                family, opened, reopened_from, nested = "", -1, -1, False
            # two openers in a row ('wearing “Settle For Hillary” shirts' inside “...): the
            # first opener holds, the first closer ends it (PolNeAR train: restarting at the
            # second opener missed 14 gold quotations; this matches them all, none new)
        carry, carry_family = -1, ""
        if family:
            span = _left_open(text, paragraphs, pi, family, opened, style, reopened_from)
            if span is not None:
                out.append(span)
                carry, carry_family = len(out) - 1, family
    return out


def _left_open(text: str, paragraphs: list[tuple[int, int]], pi: int, family: str, opened: int,
               style: str, reopened_from: int) -> MarkedSpan | None:
    """The quotation left open at the end of paragraph ``pi``: a multi-paragraph quote if the
    next paragraph starts with an opener of the same family, otherwise a recovered unclosed
    quote (None for an empty span or a single-quote family)."""
    ps, pe = paragraphs[pi]
    s, e = strip_span(text, opened + 1, pe)
    nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else -1
    reopens = nxt >= 0 and _opens_paragraph(text, nxt, family, len(text))
    if e > s and family in ("double", "guillemet"):
        return MarkedSpan(s, e, opened, -1, style, pi, ps, pe, continues=reopened_from,
                          recovered=not reopens)
    return None
