"""Remove page furniture from raw article text, keeping an audit of every removal.

Cleaning works line by line: a raw line is either kept (stripped of surrounding spaces) or
removed under a named rule. Kept lines become the paragraphs of the cleaned text, joined by a
blank line, so :func:`newsprism.core.text.split_paragraphs` sees one paragraph per kept line.

The rules are deliberately conservative: each one matches the *whole* line and targets the
furniture found in real pages (headline repeats, photo credits, editor's notes, "Read more:"
links, bylines, comment prompts, site footers, author bios). A rule that removed a real
article sentence would be a bug; the tests guard the sentences next to every removed line.

Rules that only make sense at the end of a page (a lone tag such as "politics", the author's
bio paragraph) are applied only in the *tail*: the kept lines after which nothing but
furniture follows.

>>> raw = "Kim writes to Putin\\n\\nKim writes to Putin\\n\\nThe letter was long.\\n\\nLeave A Reply"
>>> result = clean_text(raw, article_id="a1")
>>> result.text
'Kim writes to Putin\\n\\nThe letter was long.'
>>> [(row["line"], row["rule"]) for row in result.audit]
[(3, 'repeated_headline'), (7, 'comment_prompt')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import not_

import numpy as np
import pandas as pd

from newsprism.corpus.clean_chars import Page
from newsprism.corpus.clean_lines import effective_lengths, load_model, scores_and_regions
from newsprism.corpus.clean_phrases import phrase_rules
from newsprism.corpus.clean_region import outside_body
from newsprism.corpus.clean_rules import CORPUS_KEY, line_key, recurring_lines, shape_rules
from newsprism.corpus.clean_segments import Segments
from newsprism.corpus.clean_signs import LineSigns, sign_codes

AUDIT_COLUMNS = ["article_id", "line", "removed_text", "rule", "score"]
# ``cleaning`` levels: "off" removes nothing; "default" removes a line when a rule matches or
# the fitted line model is sure (its threshold keeps body text); "strict" also removes lines
# the model only thinks likely furniture (more furniture gone, some body text with it).
CLEANING_LEVELS = ("strict", "default", "off")

# The line model needs this many non-blank lines around a line to judge it.
MODEL_MIN_LINES = 10

# A personal name: capitalised tokens ("Fiaz", "O'Neil", "J.", "Jong-un") with a few particles.
_NAME_TOKEN = r"(?:[A-Z][\w'’.\-]*?)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|da|del|van|von|bin|al|and|&))*?"

# Line rules: (rule name, pattern matching the WHOLE stripped line). The first match wins.
LINE_RULES: list[tuple[str, str]] = [
    # "The Swamp logo": the alt text of a site's logo image.
    ("site_logo", r"(?i:[\w .&'’\-]{1,40}\slogo)"),
    # A caption that ends in a credit: "... on December 28. Photo by KNCA/EPA".
    ("photo_caption",
     r".{0,600}?(?:^|[.!?)\]]\s+|\s[|/–—-]\s+)(?:Photo|Photograph|Image|Picture|Illustration|"
     r"File photo|Video)s?(?:\s+by|\s*:|\s+credit\s*:|\s+courtesy\s+of)\s+[^.!?]{1,60}\.?"),
    ("photo_caption",
     r"(?:.{0,600}?\s)?[(\[](?:Photo|Image|Picture|Credit)s?\s*(?:by|:)\s*[^)\]]{1,80}[)\]]\.?"),
    # An agency credit line: "AP Photo/Lee Jin-man", "Scott Olson via Getty Images.",
    # "Bloomberg/Getty Images.", "Getty." (HuffPost's credit lines in PolNeAR).
    ("photo_caption",
     rf"(?:{_NAME}(?:\s+via\s+|\s*/\s*))?"
     r"(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Yonhap|KCNA|KNCA|Xinhua|TASS|Sputnik|Shutterstock)"
     r"(?:\s+Photo)?(?:\s*/\s*[\w .\-]{1,40})?\.?"),
    ("photo_caption", r"(?:Photo\s+)?Credits?\s*:\s*[^.!?]{1,80}"),
    # Editor's notes and notes on style or provenance addressed to the reader.
    ("editor_note", r"(?i:editor['’]?s['’]?\s+note|ed\.\s+note|note\s+to\s+readers)\s*[:.—–-].{0,600}"),
    ("editor_note",
     r"(?:The|This)\s+(?:author|writer|columnist)\s+(?:requests|asks|has\s+asked|prefers)\s+that"
     r"\s.{0,200}"),
    ("editor_note",
     r"(?i:this\s+(?:article|story|piece|column)\s+(?:was|has\s+been)\s+(?:originally\s+|first\s+)?"
     r"(?:published|updated|corrected|amended|translated))\b.{0,200}"),
    # Comment widgets.
    ("comment_prompt",
     r"(?i:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|"
     r"your\s+email\s+address\s+will\s+not\s+be\s+published\.?(?:\s*required\s+fields\s+are\s+"
     r"marked\s*\*?)?|required\s+fields\s+are\s+marked\s*\*?|"
     r"there\s+are\s+no\s+comments(?:\s+(?:for|on)\s+this\s+(?:story|article|post|piece))?\.?|"
     r"no\s+comments(?:\s+yet)?\.?|comments\s+are\s+closed\.?|"
     r"be\s+the\s+first\s+to\s+(?:respond|comment|share|reply)\b.{0,100}|"
     r"(?:sign|log)\s+in\s+to\s+(?:comment|reply|join\s+the\s+conversation)\.?|"
     r"add\s+your\s+insights|(?:show|view|load|hide)\s+(?:all\s+)?comments|cancel\s+reply)"),
    # Cross-links inserted into the body: "💡 You might also like: ...", "| Also Read: ... |".
    ("related_link",
     r"\|?\s*[^\w\s]{0,3}\s*(?i:you\s+(?:might|may)\s+also\s+like|read\s+more|read\s+also|"
     r"also\s+read|see\s+also|related(?:\s+(?:articles?|stories|posts?|content|reading|coverage))?|"
     r"recommended(?:\s+(?:for\s+you|reading|stories))?|more\s+from\s+[\w .]{1,30}|"
     r"don['’]t\s+miss|must\s+read|further\s+reading|suggested\s+reading)"
     r"\s*(?:[:|–—]\s*.{0,250}|\|?)"),
    ("source_label", r"(?i:sources?)\s*:?"),
    # Bylines: "By Jane Doe", "By Fiaz Ahmed BrohiPublished 25 days ago 3 min read".
    ("byline", rf"By\s+(?P<author>{_NAME})\s*(?:(?:Published|Updated|Posted|Last\s+updated)\b.{{0,80}})?"),
    ("byline", rf"By\s+(?P<author2>{_NAME})\s*[,|·•–—]\s*(?:[A-Z][\w.&'’\-]*\s?){{1,6}}"),
    ("byline",
     r"(?i:(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s*.{0,60}?"
     r"(?:\d{4}|ago|[ap]\.?m\.?(?:\s+\w{2,4})?)(?:\s*[·|•]?\s*\d+\s+min(?:ute)?s?\s+read)?)"),
    ("byline", r"(?i:\d+\s*min(?:ute)?s?\s+read)"),
    # Social and site footers.
    ("social_footer",
     r"(?i:(?:find|follow|join|like|connect\s+with)\s+us\s+on\b.{0,60}|"
     r"share\s+(?:this\s+(?:article|story|post|page)|on\s+\w+).{0,40}|"
     r"(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\b.{0,40}newsletters?.{0,40})"),
    ("nav_link",
     r"[•·▪*\-–]\s*(?i:explore|contact(?:\s+us)?|privacy(?:\s+policy)?|terms(?:\s+of\s+"
     r"(?:use|service))?|terms\s+and\s+conditions|cookies?(?:\s+(?:policy|settings))?|support|"
     r"about(?:\s+us)?|advertise(?:\s+with\s+us)?|careers|jobs|sitemap|help|home|subscribe|"
     r"newsletters?|accessibility|faq|do\s+not\s+sell\s+my\s+(?:personal\s+)?information)"),
    ("nav_link",
     r"(?i:privacy\s+policy|terms\s+of\s+(?:use|service)|terms\s+and\s+conditions|cookie\s+policy|"
     r"contact\s+us|advertise\s+with\s+us)"),
    ("copyright",
     r"(?:©|\(c\)\s*\d{4}|(?i:copyright)\s*(?:©|\(c\)|\d{4})).{0,200}"),
    ("copyright", r".{0,150}(?i:all\s+rights\s+reserved)\.?"),
    ("tag_line", r"(?i:tags?|topics?|filed\s+under|categories)\s*:\s*.{1,200}"),
]

# Headers that open a block of furniture: (rule, header, max lines absorbed, max line length).
# Lines inside the block that match a line rule keep that rule; other short lines are absorbed.
BLOCK_RULES: list[tuple[str, re.Pattern[str], int, int]] = [
    ("about_author", re.compile(r"(?i)about\s+(?:the|this)\s+(?:creator|author|writer|"
                                r"contributor)s?:?"), 3, 700),
    ("reader_insights", re.compile(r"(?i)reader\s+insights"), 6, 120),
    ("comment_prompt", re.compile(r"(?i)(?:\d+\s+)?comments?(?:\s*\(\d+\))?|join\s+the\s+"
                                  r"(?:conversation|discussion)"), 4, 120),
    ("social_footer", re.compile(r"(?i)(?:miscellaneous|useful|quick|footer|site|social)\s+links"),
     12, 40),
]

# All block headers in one pattern (one call per line instead of one per block rule).
_BLOCK_HEADER = re.compile("|".join(f"(?P<b{i}>(?i:{b[1].pattern.removeprefix('(?i)')}))"
                                    for i, b in enumerate(BLOCK_RULES)))
assert all(b[1].flags & re.IGNORECASE for b in BLOCK_RULES)


def _block_rule(line: str) -> tuple[str, re.Pattern[str], int, int] | None:
    match = _BLOCK_HEADER.fullmatch(line)
    return BLOCK_RULES[int(match.lastgroup[1:])] if match else None


# Logos ("The Swamp logo") only count as furniture among the first lines of a page.
HEAD_LINES = 3
# A lone lower-case tag ("politics", "world news") after the body.
_TAG = re.compile(r"[a-z][\w&/\-]*(?:[ ,]+[a-z][\w&/\-]*){0,3}")
# An author's bio paragraph after the body: "Jihyun Park, a British ... politician, is a ...".
_BIO_WORDS = (
    r"writer|journalist|author|columnist|correspondent|editor|reporter|contributor|politician|"
    r"professor|fellow|researcher|analyst|lecturer|escapee|defector|founder|director|scholar|"
    r"commentator|blogger|student|activist|expert|economist|historian|diplomat|lawyer"
)
_BIO = re.compile(
    rf"(?:(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}),?\s+(?:[^.]{{0,160}}?,\s+)?"
    rf"(?:is|was|serves\s+as|has\s+been)\s+(?:a|an|the)\s|(?:The\s+)?(?:author|writer)s?\s+"
    rf"(?:is|are)\s).{{0,600}}?\b(?:{_BIO_WORDS})s?\b.{{0,600}}"
)

# Some rules cost far more than the others (the lazy ".{0,600}?" of two caption rules, the
# backtracking of the logo and "all rights reserved" rules) and only match lines with a cheap
# sign: a line without it cannot match them, and without them the first rule that matches
# (and its groups) is the same, so such lines use the alternation without them.
_CAPTION_ANYWHERE = (1, 2)
_CAPTION_WORDS = re.compile("Photo|Image|Picture|Illustration|Video|File photo|Credit")
_LOGO, _LOGO_MAX_CHARS = 0, 45  # "[...]{1,40}\\slogo": at most 45 characters, ends in o
_RESERVED = 19  # ends in "reserved" or "reserved." (in any case): in d or d.
# the agency credit ('Scott Olson via Getty Images.') starts with any name: only lines naming
# an agency can match it
_AGENCY = 3
_AGENCY_WORDS = re.compile("AP|AFP|Reuters|EPA|Getty|Yonhap|KCNA|KNCA|Xinhua|TASS|Sputnik|"
                           "Shutterstock")
# either sign, in one search (most lines hold neither: one pass over them instead of two)
_CAPTION_OR_AGENCY = re.compile(f"{_CAPTION_WORDS.pattern}|{_AGENCY_WORDS.pattern}")
assert all(LINE_RULES[i][0] == "photo_caption" for i in (*_CAPTION_ANYWHERE, _AGENCY))
assert "Shutterstock" in LINE_RULES[_AGENCY][1]
assert LINE_RULES[_LOGO][0] == "site_logo" and "reserved" in LINE_RULES[_RESERVED][1]


def _combined(without: tuple[int, ...] = ()) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<r{i}>(?:{pattern}))"
                               for i, (_, pattern) in enumerate(LINE_RULES) if i not in without))


_COMBINED = _combined()
# The alternation without each subset of the costly rules, by bit: 1 captions, 2 logo,
# 4 "reserved", 8 agency credit.
_GATED = [(1, _CAPTION_ANYWHERE), (2, (_LOGO,)), (4, (_RESERVED,)), (8, (_AGENCY,))]
_VARIANTS: list[re.Pattern[str] | None] = [None] * 16  # compiled when first needed


def _variant(key: int) -> re.Pattern[str]:
    _VARIANTS[key] = _combined(tuple(i for bit, rules in _GATED if key & bit for i in rules))
    return _VARIANTS[key]


def _fullmatch_rules(line: str) -> re.Match[str] | None:
    """``_COMBINED.fullmatch(line)``, without the costly rules that cannot match."""
    key = (_CAPTION_WORDS.search(line) is None) \
        | (len(line) > _LOGO_MAX_CHARS or not line.endswith(("o", "O"))) << 1 \
        | (not line.endswith(("d", "D", "d.", "D."))) << 2 \
        | (_AGENCY_WORDS.search(line) is None) << 3
    return (_VARIANTS[key] or _variant(key)).fullmatch(line)


_RULE_BY_GROUP = {f"r{i}": name for i, (name, _) in enumerate(LINE_RULES)}
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")


def _split_lines(text: str) -> list[str]:
    """``_NEWLINE.split(text)``; ``str.split`` when the text has no "\\r" (most texts)."""
    return text.split("\n") if "\r" not in text else _NEWLINE.split(text)


@dataclass
class CleanResult:
    """Cleaned text, the audit rows of what was removed, and metadata found on the way."""

    text: str
    audit: list[dict] = field(default_factory=list)
    author: str = ""  # from a removed byline, "" when none
    # Lines kept although the model leaned to furniture: audit-shaped rows (the text in
    # ``removed_text`` was kept), rule "kept_in_doubt: <why>".
    doubts: list[dict] = field(default_factory=list)

    @property
    def audit_table(self) -> pd.DataFrame:
        return pd.DataFrame(self.audit, columns=AUDIT_COLUMNS)


def line_rule(line: str) -> str | None:
    """The rule that removes this (stripped) line, or ``None`` when the line is kept.

    Only context-free rules are applied here (no headline repeats, blocks or tail rules).

    >>> line_rule("🔗 Read more: Bill Clinton George Bush: The Real Story")
    'related_link'
    >>> line_rule("Putin’s reply is even more explicit.") is None
    True
    """
    match = _fullmatch_rules(line)
    return _RULE_BY_GROUP[match.lastgroup] if match else None


def _byline_author(line: str) -> str:
    match = _fullmatch_rules(line)
    if not match:
        return ""
    author = match.group("author") or match.group("author2") or ""
    return _SPACES.sub(" ", author).strip()


def _key(line: str) -> str:
    # Same as ``_SPACES.sub(" ", line).strip().casefold()`` (``str.split`` and the regex
    # ``\s`` use the same Unicode white space) at a fraction of the cost of ``re.sub``.
    return " ".join(line.split()).casefold()


def clean_text(text: str, article_id: str = "", author: str = "", *,
               cleaning: str = "default", recurring: frozenset[str] | set[str] = frozenset(),
               corpus_recurring: frozenset[str] | set[str] = frozenset(),
               disabled_rules: frozenset[str] | set[str] = frozenset()) -> CleanResult:
    """Remove page furniture from one raw article text.

    ``author`` (when known) helps to recognise the author's bio at the end. Audit ``line``
    numbers are 1-based lines of ``text`` (the raw file for ``.txt`` articles). ``cleaning``
    is one of ``CLEANING_LEVELS``; ``recurring`` holds the normalised lines that recur across
    this outlet's articles and ``corpus_recurring`` the short lines that recur across the
    corpus (both from ``clean_rules.recurring_lines``, or the same as
    ``clean_rules.HashedLines`` when an annotation streams the corpus); ``disabled_rules`` names rules
    to switch off (any rule name of the audit, e.g. ``{"line_model", "tag_list"}``).

    >>> r = clean_text("Body text here.\\n\\npolitics\\n\\nAbout the Creator\\nJane\\nI write.")
    >>> r.text, [a["rule"] for a in r.audit]
    ('Body text here.', ['tag_line', 'about_author', 'about_author', 'about_author'])
    """
    return clean_texts([text], [article_id], [author], cleaning=cleaning, recurring=[recurring],
                       corpus_recurring=corpus_recurring, disabled_rules=disabled_rules)[0]


# Texts whose line model runs in one batch: at most this many, and they stop taking more once
# they hold this many non-blank lines (numpy calls cost the same for one page or a few dozen;
# much larger arrays fall out of the processor's cache).
BATCH_TEXTS = 64
BATCH_LINES = 2000


def clean_texts(texts: Sequence[str], article_ids: Sequence[str] | None = None,
                authors: Sequence[str] | None = None, *, cleaning: str = "default",
                recurring: Sequence[frozenset[str] | set[str]] | None = None,
                corpus_recurring: frozenset[str] | set[str] = frozenset(),
                disabled_rules: frozenset[str] | set[str] = frozenset()) -> list[CleanResult]:
    """:func:`clean_text` of each of ``texts`` (the same results), with the line model run
    for batches of texts at once: faster when there are many (most for short texts).

    ``article_ids``, ``authors`` and ``recurring`` (the outlet's recurring lines) are per
    text; the other arguments as in :func:`clean_text`.

    >>> [r.text for r in clean_texts(["Body.\\nSign in to comment", "Leave A Reply"])]
    ['Body.', '']
    """
    if cleaning not in CLEANING_LEVELS:
        raise ValueError(f"cleaning must be one of {CLEANING_LEVELS}, got {cleaning!r}")
    n = len(texts)
    article_ids = [""] * n if article_ids is None else article_ids
    authors = [""] * n if authors is None else authors
    recurring = [frozenset()] * n if recurring is None else recurring
    if cleaning == "off":
        return [CleanResult(text="\n\n".join(s for s in map(str.strip, _split_lines(text))
                                               if s)) for text in texts]
    results: list[CleanResult] = []
    drafts, pages = [], []  # the texts of the batch after the rules, their model lines
    for k, text in enumerate(texts):
        drafts.append((k, *_rules_pass(text, authors[k], recurring[k], corpus_recurring,
                                      disabled_rules)))
        pages.append(_model_lines(drafts[-1][1], disabled_rules))
        if k == n - 1 or len(drafts) >= BATCH_TEXTS or sum(map(len, pages)) >= BATCH_LINES:
            results += [_finished(stripped, rules, found_author, article_ids[i], cleaning,
                                  disabled_rules, *score)
                        for (i, stripped, rules, found_author), score
                        in zip(drafts, _scored(pages, cleaning == "default"), strict=True)]
            drafts, pages = [], []
    return results


def _rules_pass(text: str, author: str, recurring, corpus_recurring, disabled
                ) -> tuple[list[str], list[str | None], str]:
    """The rules before the line model: (stripped lines, rule per line, byline author)."""
    stripped = [line.strip() for line in _split_lines(text)]
    rules: list[str | None] = [None] * len(stripped)
    found_author = _line_rules_and_blocks(stripped, rules)
    _shape_and_recurring(stripped, rules, recurring, corpus_recurring, disabled)
    _repeated_headline_and_lead(stripped, rules)

    # 3. Tail rules: walking back over furniture, lone tags and then one author bio.
    known_author = (author or found_author).strip()
    for i in range(len(stripped) - 1, -1, -1):
        line = stripped[i]
        if not line or rules[i] is not None:
            continue
        if _TAG.fullmatch(line):
            rules[i] = "tag_line"
            continue
        if _is_bio(line, known_author):
            rules[i] = "author_bio"
        break
    return stripped, rules, found_author


def _model_lines(stripped: list[str], disabled) -> list[str]:
    """The lines the line model scores (the non-blank ones; none when it is switched off)."""
    if "line_model" in disabled and "outside_body" in disabled:
        return []
    return [s for s in stripped if s]


def _scored(pages: list[list[str]], with_signs: bool) -> list[tuple]:
    """(furniture probabilities, effective lengths, body sign codes or None) of the lines of
    each page, (None, None, None) for a page without lines. The body signs
    (``clean_signs.sign_codes``, only ``with_signs``: the "default" level reads them) are
    found for the lines of all pages at once."""
    found: list[tuple] = [(None, None, None)] * len(pages)
    used = [k for k, lines in enumerate(pages) if lines]
    if not used:
        return found
    page = Page([line for k in used for line in pages[k]])
    lengths = effective_lengths(page)
    model = load_model()
    scored = scores_and_regions(pages, model, lengths, page)
    codes = [None] * page.n
    if with_signs:
        probabilities = np.concatenate([scored[k][0] for k in used])
        codes = sign_codes(page, probabilities < model["threshold"],
                           Segments([len(pages[k]) for k in used])).tolist()
    start = 0
    for k in used:
        end = start + len(pages[k])
        found[k] = (scored[k][0], lengths[start:end], codes[start:end] if with_signs else None)
        start = end
    return found


def _finished(stripped: list[str], rules: list[str | None], found_author: str, article_id: str,
              cleaning: str, disabled, probabilities, lengths, codes) -> CleanResult:
    """The line model's removals on top of the rules', and the result with its audit."""
    scores: dict[int, float] = {}
    doubts = _model_pass(stripped, rules, scores, cleaning, disabled, probabilities, lengths,
                         codes) if probabilities is not None else {}
    if disabled:
        for i, rule in enumerate(rules):
            if rule is not None and rule in disabled:
                rules[i] = None
    kept = list(filter(None, compress(stripped, map(not_, rules))))  # non-blank, no rule
    nan = float("nan")
    audit = [
        {"article_id": article_id, "line": i + 1, "removed_text": stripped[i], "rule": rules[i],
         "score": scores.get(i, nan)}
        for i in compress(range(len(stripped)), rules)  # rule names are never empty
    ]
    doubt_rows = [{"article_id": article_id, "line": i + 1, "removed_text": stripped[i],
                   "rule": f"kept_in_doubt: {why}", "score": score}
                  for i, (score, why) in doubts.items()]
    return CleanResult(text="\n\n".join(kept), audit=audit, author=found_author,
                       doubts=doubt_rows)


def _line_rules(lines: list[str]) -> list[str | None]:
    """:func:`line_rule` of each line, the regular expressions run by ``map`` (no Python
    call per line): most lines hold no sign of the costly rules and all take one pattern."""
    plain = _VARIANTS[15] or _variant(15)
    # a line is plain when none of the ``_fullmatch_rules`` checks lets a costly rule in
    signs = map(_CAPTION_OR_AGENCY.search, lines)
    logo = map(str.endswith, lines, repeat(("o", "O")))
    reserved = map(str.endswith, lines, repeat(("d", "D", "d.", "D.")))
    matches = [plain.fullmatch(line)
               if sign is None and not d and (not o or len(line) > _LOGO_MAX_CHARS)
               else _fullmatch_rules(line)
               for line, sign, o, d in zip(lines, signs, logo, reserved, strict=True)]
    return [_RULE_BY_GROUP[m.lastgroup] if m else None for m in matches]


def _line_rules_and_blocks(stripped: list[str], rules: list[str | None]) -> str:
    """Line rules and furniture blocks; returns the author of the first removed byline."""
    # both are pure functions of the line: found once per distinct line (pages repeat menus)
    distinct = list(set(stripped))
    header = dict(zip(distinct, map(_BLOCK_HEADER.fullmatch, distinct), strict=True))
    others = [line for line in distinct if line and header[line] is None]
    rule_of = dict(zip(others, _line_rules(others), strict=True))
    if len(others) == len(distinct) - ("" in header):  # no block header on the page
        return _rules_without_blocks(stripped, rules, rule_of)
    return _walk_blocks(stripped, rules, header, rule_of)


def _walk_blocks(stripped: list[str], rules: list[str | None], header: dict,
                 rule_of: dict[str, str | None]) -> str:
    """:func:`_line_rules_and_blocks` line by line: ``header`` (per distinct line, its
    ``_BLOCK_HEADER`` match) and ``rule_of`` (the line rule of each other non-blank line)."""
    found_author = ""
    i, seen_lines = 0, 0
    while i < len(stripped):
        line = stripped[i]
        if not line:
            i += 1
            continue
        seen_lines += 1
        block = _block_rule(line) if header[line] is not None else None
        if block is not None:
            name, _, max_lines, max_len = block
            rules[i] = name
            absorbed, j = 0, i + 1
            while j < len(stripped):
                if stripped[j]:
                    if header[stripped[j]] is not None:
                        break  # the next block starts here
                    own = rule_of[stripped[j]]
                    if own is not None:
                        rules[j] = own
                    elif absorbed < max_lines and len(stripped[j]) <= max_len:
                        rules[j] = name
                        absorbed += 1
                    else:
                        break
                j += 1
            i = j
            continue
        rule = rule_of[line]
        if rule == "site_logo" and seen_lines > HEAD_LINES:
            rule = None  # "The new logo" deep in an article is a subhead, not an image's alt text
        if rule is not None:
            rules[i] = rule
            if rule == "byline" and not found_author:
                found_author = _byline_author(line)
        i += 1
    return found_author


def _rules_without_blocks(stripped: list[str], rules: list[str | None],
                          rule_of: dict[str, str | None]) -> str:
    """:func:`_line_rules_and_blocks` of a page without a block header: each line's rule
    (``rule_of``, none for blank lines), logos only among the first ``HEAD_LINES`` non-blank
    lines; returns the author of the first byline that names one."""
    rules[:] = map(rule_of.get, stripped)
    for i in _positions(rules, "site_logo"):
        if i >= HEAD_LINES and len(list(filter(None, stripped[:i + 1]))) > HEAD_LINES:
            rules[i] = None
    for i in _positions(rules, "byline"):
        found_author = _byline_author(stripped[i])
        if found_author:
            return found_author
    return ""


def _positions(values: list, value) -> list[int]:
    """The indices of ``value`` in ``values`` (found by ``list.index``: rare values)."""
    found, i = [], -1
    try:
        while True:
            i = values.index(value, i + 1)
            found.append(i)
    except ValueError:
        return found


def _shape_and_recurring(stripped: list[str], rules: list[str | None], recurring,
                         corpus_recurring, disabled) -> None:
    """Language-free shape rules, then lines that recur across the outlet's articles or (short
    ones) across the corpus, then furniture phrases (:mod:`newsprism.corpus.clean_phrases`).
    The first line is never a corpus template: syndicated copies share their headline."""
    # pure functions of the line: found once per distinct line still without a rule
    todo = list({s for s, r in zip(stripped, rules, strict=True) if s and r is None})
    shapes = dict(zip(todo, shape_rules(todo, disabled), strict=True))
    rest = [line for line in todo if shapes[line] is None]
    phrases = dict(zip(rest, phrase_rules(rest), strict=True))
    if not (recurring or corpus_recurring):
        _shape_and_phrase_rules(stripped, rules, shapes, phrases, disabled)
    else:
        _walk_recurring(stripped, rules, shapes, phrases, recurring, corpus_recurring, disabled)


def _shape_and_phrase_rules(stripped: list[str], rules: list[str | None], shapes: dict,
                            phrases: dict, disabled) -> None:
    """:func:`_shape_and_recurring` without recurring lines: for each line without a rule,
    its shape rule, else its phrase rule (``shapes``, ``phrases``: per distinct line)."""
    found = {line: shape if shape is not None else None if phrases[line] in disabled
             else phrases[line] for line, shape in shapes.items()}
    rules[:] = [rule if rule is not None else found.get(line)
                for line, rule in zip(stripped, rules, strict=True)]


def _walk_recurring(stripped: list[str], rules: list[str | None], shapes: dict, phrases: dict,
                    recurring, corpus_recurring, disabled) -> None:
    """:func:`_shape_and_recurring` line by line (``shapes``, ``phrases``: per distinct line)."""
    first = True
    for i, line in enumerate(stripped):
        if not line:
            continue
        if rules[i] is None:
            rule = shapes[line]
            if rule is None and (recurring or corpus_recurring):
                key = line_key(line)
                if key in recurring:
                    rule = "outlet_template"
                elif key in corpus_recurring and not first:
                    rule = "corpus_template"
            if rule is None:
                rule = phrases[line]
                rule = None if rule in disabled else rule
            rules[i] = rule
        first = False


def _repeated_headline_and_lead(stripped: list[str], rules: list[str | None]) -> None:
    """Copies of the headline (the first kept line) anywhere, and copies of the lead (the
    next kept line) before any other paragraph: wire items repeat both. Other repeated
    paragraphs stay: live blogs repeat real sentences ("It takes 1,237 delegates to win.")."""
    kept = [i for i, s, rule in zip(count(), stripped, rules) if s and rule is None]
    if not kept:
        return
    first_key = _key(stripped[kept[0]])
    lead_key, rest = None, []
    for n, i in enumerate(kept[1:], 2):
        key = _key(stripped[i])
        if key == first_key:
            rules[i] = "repeated_headline"
        elif lead_key is None:
            lead_key = key
        elif key == lead_key:
            rules[i] = "repeated_lead"
        else:  # another paragraph came: later copies of the lead are body text
            rest = kept[n:]
            break
    # only headline copies are left to find, and a key starts like its line
    firsts = [stripped[i][0] for i in rest]
    starts = {char for char in set(firsts) if first_key.startswith(char.casefold())}
    for i in compress(rest, map(starts.__contains__, firsts)):
        if _key(stripped[i]) == first_key:
            rules[i] = "repeated_headline"


def _model_pass(stripped: list[str], rules: list[str | None], scores: dict[int, float],
                cleaning: str, disabled, probabilities, lengths, codes
                ) -> dict[int, tuple[float, str]]:
    """Remove kept lines the fitted line model scores as furniture, then the lines outside
    the body region it decodes (:mod:`newsprism.corpus.clean_region`); returns the doubts.
    ``probabilities``, ``lengths``, ``codes``: the model's scores, the effective lengths and
    the body signs (``clean_signs.sign_codes``, or None) of the non-blank lines (:func:`_scored`)."""
    use_model, use_region = "line_model" not in disabled, "outside_body" not in disabled
    index = list(compress(range(len(stripped)), stripped))  # the non-blank lines
    model = load_model()
    lines = list(filter(None, stripped))
    signs = LineSigns(lines, probabilities, model["threshold"], codes)  # shared by both passes
    removed, doubts = model_removals(lines, probabilities, model, cleaning, signs) \
        if use_model else ([], {})
    found = [(k, "line_model") for k in removed]
    if use_region:
        done = set(compress(range(len(index)), map(rules.__getitem__, index))).union(removed)
        outside, region_doubts = region_removals(lines, probabilities, model, cleaning, done,
                                                 signs, lengths)
        found += [(k, "outside_body") for k in outside]
        doubts = {**region_doubts, **doubts}
    values = rounded(probabilities) if found else []
    for k, rule in found:
        if rules[index[k]] is None:
            rules[index[k]], scores[index[k]] = rule, values[k]
    return {index[k]: why for k, why in doubts.items() if rules[index[k]] is None}


def rounded(values: np.ndarray) -> list[float]:
    """``[round(float(v), 4) for v in values]``, for many values at once: ``rint(v * 1e4) /
    1e4`` is the same float unless ``v * 1e4`` lies near a half (where its own rounding may
    have crossed it) or is large; those few are rounded by ``round``.

    >>> rounded(np.array([0.12345, 0.98765432, 1 / 3]))
    [0.1235, 0.9877, 0.3333]
    """
    with np.errstate(over="ignore", invalid="ignore"):  # huge values: rounded one by one
        scaled = np.asarray(values, dtype=float) * 1e4
        found = (np.rint(scaled) / 1e4).tolist()
        # below 2**20 a product is off by less than 1e-9: 1e-6 from a half it rounds the same
        unsure = ~((np.abs(scaled - np.floor(scaled) - 0.5) >= 1e-6)
                   & (np.abs(scaled) < 2.0**20))
    for k in unsure.nonzero()[0].tolist():
        found[k] = round(float(values[k]), 4)
    return found


def region_removals(lines: list[str], probabilities, model: dict, cleaning: str,
                    done: set[int] | frozenset[int] = frozenset(), signs=None, lengths=None
                    ) -> tuple[list[int], dict[int, tuple[float, str]]]:
    """Lines outside the decoded body region (``clean_region.outside_body`` with the fitted
    parameters of the cleaning level), as (indices removed, {index: (score, why kept)});
    lines in ``done`` (removed by another rule already) are left out of both.
    Texts of fewer than ``MODEL_MIN_LINES`` lines, or a model without a ``region`` part, are
    left alone; at the "default" level a line with a sign of body text (``clean_signs.body_sign``,
    e.g. a ranked list closing an article) stays, in doubt. ``signs``, ``lengths``: the
    page's ``clean_signs.LineSigns`` and ``clean_lines.effective_lengths`` when the caller
    has them."""
    region = model.get("region", {}).get(cleaning)
    if region is None or len(lines) < MODEL_MIN_LINES:
        return [], {}
    lengths = effective_lengths(lines) if lengths is None else lengths
    outside, doubts = outside_body(lengths, probabilities, region)
    if done:
        outside = [k for k in outside if k not in done]
        doubts = {k: why for k, why in doubts.items() if k not in done}
    if cleaning != "default" or not outside:
        return outside, doubts
    if signs is None:
        signs = LineSigns(lines, probabilities, model["threshold"])
    removed = []
    for k in outside:
        why = signs.why(k)
        if why is None:
            removed.append(k)
        else:
            doubts[k] = (round(float(probabilities[k]), 4), f"outside the body region, but {why}")
    return removed, doubts


_BELOW = "below the default threshold"


def model_removals(lines: list[str], probabilities, model: dict, cleaning: str, signs=None
                   ) -> tuple[list[int], dict[int, tuple[float, str]]]:
    """Which of ``lines`` (stripped, non-blank) the line model removes at a cleaning level,
    and which it leaves in doubt: (indices removed, {index: (score, why kept)}).

    "default" removes a line scored at or above the model's ``threshold`` unless it shows a
    sign of body text (``clean_signs.body_sign``); "strict" removes from ``strict_threshold`` on.
    Lines between the two thresholds are doubts at the default level. Texts of fewer than
    ``MODEL_MIN_LINES`` lines are left alone: the model places a line among its neighbours,
    and a short text has too few (it was fitted on whole pages). ``signs``: the page's
    ``clean_signs.LineSigns`` when the caller has them already (found here when needed otherwise).
    """
    threshold = model["threshold"] if cleaning == "default" else model["strict_threshold"]
    removed, doubts = [], {}
    if len(lines) < MODEL_MIN_LINES:
        return removed, doubts
    candidates = (probabilities >= model["strict_threshold"]).nonzero()[0]
    found = candidates.tolist()
    if cleaning == "default" and found:
        signs = LineSigns(lines, probabilities, model["threshold"]) if signs is None else signs
        whys = [_BELOW if below else signs.why(k) for k, below
                in zip(found, (probabilities[candidates] < threshold).tolist(), strict=True)]
        removed = [k for k, why in zip(found, whys, strict=True) if why is None]
        doubts = {k: (p, why) for k, p, why
                  in zip(found, rounded(probabilities[candidates]), whys, strict=True)
                  if why is not None}
        return removed, doubts
    # "strict": every candidate is at or above the threshold
    return [k for k, p in zip(found, probabilities[candidates].tolist(), strict=True)
            if p >= threshold], doubts


def _is_bio(line: str, author: str) -> bool:
    if len(line.split()) > 90:
        return False
    if author and re.match(re.escape(author) + r"(?:,|\s+(?:is|was|writes|has)\b)", line):
        return True
    return _BIO.fullmatch(line) is not None


def clean_articles(articles: pd.DataFrame, text_column: str = "text",
                   id_column: str = "article_id", *, cleaning: str = "default",
                   outlet_column: str = "outlet") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every article of a table; returns (copy with cleaned text, audit table).

    Lines recurring across the articles of one outlet (``outlet_column``, when present) are
    counted first (``clean_rules.recurring_lines``) and removed as ``outlet_template``; short
    lines recurring across the whole table as ``corpus_template``.

    >>> df = pd.DataFrame({"article_id": ["a"], "text": ["Body.\\nSign in to comment"]})
    >>> cleaned, audit = clean_articles(df)
    >>> cleaned["text"].tolist(), audit["rule"].tolist()
    (['Body.'], ['comment_prompt'])
    """
    authors = articles["author"] if "author" in articles else [""] * len(articles)
    outlets = [str(o) for o in articles[outlet_column]] if outlet_column in articles \
        else [""] * len(articles)
    recurring = recurring_lines(articles[text_column], outlets) if cleaning != "off" else {}
    results = clean_texts(list(articles[text_column]), [str(i) for i in articles[id_column]],
                          [author if isinstance(author, str) else "" for author in authors],
                          cleaning=cleaning,
                          recurring=[recurring.get(outlet, frozenset()) for outlet in outlets],
                          corpus_recurring=recurring.get(CORPUS_KEY, frozenset()))
    audit = [row for result in results for row in result.audit]
    cleaned = articles.copy()
    cleaned[text_column] = [result.text for result in results]
    return cleaned, pd.DataFrame(audit, columns=AUDIT_COLUMNS)
