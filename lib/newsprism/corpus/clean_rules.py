"""Language-free furniture rules on line shape, and lines that recur across an outlet's articles.

Each shape rule is a small function ``rule(line) -> bool`` on a stripped line; ``SHAPE_RULES``
runs them in order (the first that matches names the removal in the audit). A researcher
switches one off with ``clean_text(..., disabled_rules={"timestamp_line"})``.

>>> [name for name, rule in SHAPE_RULES if rule("2026-01-02T10:15:00+09:00")]
['timestamp_line']
>>> [name for name, rule in SHAPE_RULES if rule("Kim wrote to Putin on 2 January 2026.")]
[]
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|[\w.-]*\.(?:com|org|net|co\.kr|kr|"
                  r"ru|cn|de|uk|in|jp|info|io|news)\b(?:/\S*)?")
# Every match of ``_URL`` contains one of these; searching for them first is ~10x cheaper on
# long lines (``[\w.-]*`` is otherwise tried at every position of every line).
_URL_HINT = re.compile(r"https?://|www\.|pic\.twitter\.com/|\.(?:com|org|net|co\.kr|kr|ru|cn|de|"
                       r"uk|in|jp|info|io|news)\b")
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}"
                   r"(?:T\S*)?\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
SENTENCE_ENDERS = ".!?。！？"
_CLOSERS = "\"'”’»)"


def ends_sentence(text: str, enders: str = SENTENCE_ENDERS) -> bool:
    """Whether ``text`` ends in one of ``enders`` followed only by closing quotes or brackets:
    ``re.search(r"[.!?。！？][\"'”’»)]*$", text)`` without scanning the whole text.

    >>> ends_sentence('He said "no."'), ends_sentence("(END)"), ends_sentence("a.\\n")
    (True, False, True)
    """
    if text.endswith("\n"):  # ``$`` also matches before a final newline
        text = text[:-1]
    text = text.rstrip(_CLOSERS)
    return text != "" and text[-1] in enders


_HANDLE = re.compile(r"[@#][\w.]+")
_END_MARK = re.compile(r"\(?(?:END|ENDS|End|end)\)?|-\s*30\s*-|#{3}|\*{3}|/\w{2,10}/")
_EMBED_SIGNATURE = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*.{0,40}")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# A tag list: short items separated by bars or bullets (three or more), or by commas (five or
# more: four comma-separated adjectives are a sentence fragment as often as tags).
_TAG_SEPARATORS = re.compile(r"\s*[,|•·;]\s*")
_TAG_BARS = re.compile(r"\s[|•·]\s")
_TAG_SEPARATOR_CHARS = ",|•·;"  # each match of ``_TAG_SEPARATORS`` holds exactly one
# The characters a match of ``_EMBED_SIGNATURE`` / ``_END_MARK`` can start with.
_EMBED_FIRST = "—–-"
_END_MARK_FIRST = "(Ee-#*/"


# An embedded tweet as some archives keep it (PolNeAR): the whole element, an empty one, an
# opening tag cut at the line end (its attribute value runs on), or the rest of a cut tag.
_TWEET_ATTRS = r'(?:\s+[\w-]+="[^"]*")*'
_TWEET_MARKUP = re.compile(
    rf'<tweet{_TWEET_ATTRS}\s*(?:/>|>.*?(?:</tweet>|<tweet\s*/>))[\s.]*'
    rf'|<tweet{_TWEET_ATTRS}\s+[\w-]+="[^"]*'
    r'|">.*?<tweet\s*/>[\s.]*', re.DOTALL)


def tweet_markup(line: str) -> bool:
    """An embedded tweet's markup line: ``<tweet id=".." author=".." datetime="..">text</tweet>.``,
    ``<tweet tweet-id=".."><tweet/>.``, ``<tweet tweet-author="@x" tweet-date="January 19,
    2016`` (tag cut at the line end) and its rest ``">text<tweet/>.``. Its words are markup
    ("tweet-id", "datetime") and a post embedded in the page, not the article's own text; a
    sentence that only mentions a tweet stays."""
    return line[0] in '<"' and "tweet" in line and _TWEET_MARKUP.fullmatch(line) is not None


# Page code a select-all copy keeps: HTML tags (a tag cut at either line end too), conditional
# comments, comment marks and XML declarations; script and style statements.
_ATTRS = r"""(?:\s+[\w:.@-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*"""
_MARKUP_PIECE = re.compile(
    r"<!--\[if[^\]]*\]>|<!\[endif\]-*>?|\[if [^\]]*\]>|<!--|-->|<\?xml[^>]*>|<!\[CDATA\[|\]\]>"
    r"|<!DOCTYPE[^<>]*>"
    rf"|</?[A-Za-z][\w:.-]*{_ATTRS}\s*/?>"  # a whole tag
    rf"|^(?:/?[A-Za-z][\w:.-]*)?(?:\s*[\w:.@-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))+\s*/?>"  # its cut end
    r"|^/?[A-Za-z][\w:.-]*>|</[A-Za-z][\w:.-]*$"
    r"""|(?:^|(?<=>))</?[A-Za-z][\w:.-]*(?:\s+[\w:.@-]+\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s"'<>]*))*\s*$""")
_CODE_TOKEN = re.compile(
    r"\bfunction\s*[\w$]*\s*\([^()]*\)\s*\{|\)\s*=>|=>\s*\{|\b(?:var|let|const)\s+[\w$]+\s*=[^=]"
    r"|\b(?:window|document|dataLayer)\.[\w$]+\s*[.=(\[]|\bgtag\(|\{[^{}]*;\s*\}?$"
    r"|^\s*\}\s*[);,]*\s*$|[\w$\])]\s*\([^()]*\)\s*;\s*$")
_CODE_PUNCTUATION = "{}()[];=<>$\"'|&+"
CODE_MIN_DENSITY = 0.1  # share of a line's visible characters that are code punctuation
CODE_HINT = "<>{}=;"  # every line the rule removes holds one of these (the shape hint's too)


def _markup_removed(piece: re.Match) -> str:
    """A space for a piece of markup; a whole tag with attributes but no "=" stays: it is
    more often prose in angle brackets ("<config files>") than a tag."""
    text = piece.group()
    whole_tag = text[0] == "<" and text[-1] == ">" and text[1] not in "!?"
    return text if whole_tag and "=" not in text and len(text[1:-1].split()) > 1 else " "


def code_line(line: str) -> bool:
    """Page code: a line of HTML markup (tags, "<![endif]", "<!--", "-->", "<?xml ...>") with at
    most three words outside it and no sentence, or a script / style statement ("function(",
    "=>", "var x =", "window.x", "{...;}") dense in code punctuation and not a sentence. Its
    words ("aria-hidden", "utm") are the page's code, not the article's; prose that mentions
    code ("the <div> element", "a < b", "<3", "the window.") stays."""
    if "<" in line or ">" in line:
        rest = _MARKUP_PIECE.sub(_markup_removed, line)
        if rest != line and len(_WORD.findall(rest)) <= 3 and not ends_sentence(rest.strip()) \
                and "<" not in rest:
            return True
    # a statement holds "=", "{", "}" or ";" (``CODE_HINT``); plain tests spare most prose
    # lines the token search
    if not ("=" in line or "{" in line or line[0] == "}" or ";" in line and (
            line.endswith(";") or "gtag(" in line or "window." in line or "document." in line
            or "dataLayer." in line)):
        return False
    visible = len(line) - line.count(" ")
    return sum(map(line.count, _CODE_PUNCTUATION)) >= CODE_MIN_DENSITY * visible \
        and _CODE_TOKEN.search(line) is not None and not ends_sentence(line)


def url_line(line: str) -> bool:
    """Only web addresses, handles and stamps, at most three other words: "www.x.com 2026/01/02"."""
    # "[1] http://..." is a reference; every match of ``_URL_HINT`` holds a "." or "://"
    if line[0] in "[(" or ("." not in line and "://" not in line) or not _URL_HINT.search(line) \
            or not _URL.search(line):
        return False
    rest = _HANDLE.sub(" ", _TIME.sub(" ", _DATE.sub(" ", _URL.sub(" ", line))))
    return len(_WORD.findall(rest)) <= 3 and not ends_sentence(rest.strip())


def handle_line(line: str) -> bool:
    """Handles and hashtags only ("@kcna #Korea"), or an embedded post's "— name (@handle) date"."""
    # both patterns are anchored at the line start: its first character rules most lines out
    if line[0] in _EMBED_FIRST and "(@" in line and _EMBED_SIGNATURE.fullmatch(line):
        return True
    return line[0] in "@#" and _HANDLE.match(line) is not None and not _WORD.findall(_HANDLE.sub(" ", line))


def timestamp_line(line: str) -> bool:
    """A date or time stamp with at most two words around it ("10:15 KST", "2026-01-02")."""
    # a date holds one of "./-", a time a ":" (plain tests spare most lines the searches)
    if len(line) > 40 or not (("." in line or "/" in line or "-" in line) and _DATE.search(line)
                              or ":" in line and _TIME.search(line)):
        return False
    rest = _TIME.sub(" ", _DATE.sub(" ", line))
    return len(_WORD.findall(rest)) <= 2 and not ends_sentence(line) \
        and ":" not in rest and "," not in rest


def end_mark(line: str) -> bool:
    """A dispatch's end mark: "(END)", "-30-", "###", "***", "/TASS/"."""
    return line[0] in _END_MARK_FIRST and _END_MARK.fullmatch(line) is not None


def tag_list(line: str) -> bool:
    """Items of at most three words each, no digits and no sentence: three or more separated
    by | • ·, or five or more separated by commas."""
    if len(line) > 300 or ends_sentence(line) or _DIGIT.search(line):
        return False
    if sum(map(line.count, _TAG_SEPARATOR_CHARS)) < 2:  # three items need two separators
        return False
    items = [item for item in _TAG_SEPARATORS.split(line) if item]
    if any(len(item.split()) > 3 for item in items):
        return False
    return len(items) >= (3 if _TAG_BARS.search(line) else 5)


SHAPE_RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("tweet_markup", tweet_markup),
    ("code_line", code_line),
    ("url_line", url_line),
    ("handle_line", handle_line),
    ("timestamp_line", timestamp_line),
    ("end_mark", end_mark),
    ("tag_list", tag_list),
]


_MARKUP_TESTS = dict(SHAPE_RULES)

# Every shape rule needs one of these; lines without any (most body text) are not tried.
_SHAPE_HINT = re.compile(r"[\d@#,|•·;*/<>{}=]|www\.|END|end\b")
# ``_SHAPE_HINT`` in parts for many lines: a search for its characters (one pass over a line
# without trying every alternative at every character), then substring tests.
_HINT_CHARS = re.compile(r"[\d@#,|•·;*/<>{}=]")
_END_WORD = re.compile(r"end\b")
assert _SHAPE_HINT.pattern == rf"{_HINT_CHARS.pattern}|www\.|END|{_END_WORD.pattern}"
assert all(char in _HINT_CHARS.pattern for char in CODE_HINT)
SHAPE_MAX_CHARS = 300  # longer lines are paragraphs, never furniture by shape alone...
MARKUP_RULES = ("tweet_markup", "code_line")  # ...but markup or code, of any length


def shape_rule(line: str, disabled: Iterable[str] = ()) -> str | None:
    """The first shape rule that matches ``line`` (stripped), or ``None``."""
    if len(line) > SHAPE_MAX_CHARS:
        return _long_line_rule(line, disabled)
    if not _SHAPE_HINT.search(line):
        return None
    return _first_shape_rule(line, disabled)


def _long_line_rule(line: str, disabled: Iterable[str]) -> str | None:
    for name in MARKUP_RULES:
        if name not in disabled and _MARKUP_TESTS[name](line):
            return name
    return None


def _first_shape_rule(line: str, disabled: Iterable[str]) -> str | None:
    for name, rule in SHAPE_RULES:
        if name not in disabled and rule(line):
            return name
    return None


def shape_rules(lines: list[str], disabled: Iterable[str] = ()) -> list[str | None]:
    """:func:`shape_rule` of each line, without a Python call for lines with no hint."""
    end_word = _END_WORD.search
    return [_long_line_rule(line, disabled) if len(line) > SHAPE_MAX_CHARS
            else _first_shape_rule(line, disabled)
            if chars is not None or "www." in line or "END" in line
            or ("end" in line and end_word(line) is not None) else None
            for line, chars in zip(lines, map(_HINT_CHARS.search, lines), strict=True)]


def line_key(line: str) -> str:
    """Normalised line: white space collapsed, case folded."""
    return " ".join(line.split()).casefold()


# A line recurs when it is in at least this many articles of one outlet and in at least this
# share of them: teasers, subscription footers and templates, not a sentence two articles share.
RECURRING_MIN_ARTICLES = 3
RECURRING_MIN_SHARE = 0.3
# Lines longer than this are never treated as recurring furniture (they are paragraphs).
RECURRING_MAX_CHARS = 300
# Across the whole corpus (any outlets): a short line without a sentence end in at least this
# many articles is site furniture ("Home", "Share on Facebook", "Impressum"). Longer lines
# are not counted across outlets: syndicated copy shares whole paragraphs and subheads.
CORPUS_KEY = "*"
CORPUS_MIN_ARTICLES = 5
CORPUS_MAX_WORDS = 5


def _article_keys(text: str) -> set[str]:
    """The distinct normalised lines of one article that are counted (blank and over-long
    lines are not)."""
    return {line_key(line) for line in text.splitlines()
            if line.strip() and len(line) <= RECURRING_MAX_CHARS}


def counted_across_corpus(key: str) -> bool:
    """Whether a normalised line is counted across outlets: short and not a sentence."""
    return key.count(" ") < CORPUS_MAX_WORDS and not ends_sentence(key)


def recurring_floor(n_articles: int) -> float:
    """Articles of an outlet a line must be in to recur there."""
    return max(RECURRING_MIN_ARTICLES, RECURRING_MIN_SHARE * n_articles)


def line_hash(key: str) -> int:
    """A 64-bit hash of a normalised line, the same in every process (``hash`` is not)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class HashedLines:
    """The recurring lines as their :func:`line_hash` es: ``key in lines`` as for a set of
    normalised lines (64-bit hashes: a stray collision is about 1 in 10^19 per line)."""

    def __init__(self, hashes: Iterable[int], corpus_wide: bool = False):
        self.hashes = frozenset(hashes)
        self.corpus_wide = corpus_wide  # only lines counted across outlets can match

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and line_hash(key) in self.hashes \
            and (not self.corpus_wide or counted_across_corpus(key))

    def __len__(self) -> int:
        return len(self.hashes)


class RecurringCounter:
    """The corpus-level pass, one article at a time: ``add`` each raw text with its outlet,
    then ``found()``. ``hashed`` keeps 8 bytes per distinct line and article instead of the
    lines (a corpus streamed, not held in memory); ``found()`` then gives ``HashedLines``."""

    def __init__(self, hashed: bool = False):
        self.hashed = hashed
        self.articles: Counter = Counter()
        self.counts: dict[str, Counter | array] = {}
        self.corpus: Counter | array = array("Q") if hashed else Counter()

    def add(self, text: str, outlet: str) -> None:
        self.articles[outlet] += 1
        keys = _article_keys(text)
        common = [key for key in keys if counted_across_corpus(key)]
        if self.hashed:
            self.counts.setdefault(outlet, array("Q")).extend(map(line_hash, keys))
            self.corpus.extend(map(line_hash, common))
        else:
            self.counts.setdefault(outlet, Counter()).update(keys)
            self.corpus.update(common)

    def found(self) -> dict[str, set[str] | HashedLines]:
        """Per outlet the lines in at least ``recurring_floor`` of its articles; under
        ``CORPUS_KEY`` the lines counted across outlets in ``CORPUS_MIN_ARTICLES`` or more."""
        found = {}
        for outlet, counts in self.counts.items():
            lines = self._at_least(counts, recurring_floor(self.articles[outlet]))
            if lines:
                found[outlet] = lines
        common = self._at_least(self.corpus, CORPUS_MIN_ARTICLES, corpus_wide=True)
        if common:
            found[CORPUS_KEY] = common
        return found

    def _at_least(self, counts: Counter | array, floor: float, corpus_wide: bool = False
                  ) -> set[str] | HashedLines:
        if not self.hashed:
            return {key for key, n in counts.items() if n >= floor}
        values, n = np.unique(np.frombuffer(counts, dtype=np.uint64), return_counts=True)
        return HashedLines(values[n >= floor].tolist(), corpus_wide)


def recurring_lines(texts: Iterable[str], outlets: Iterable[str]) -> dict[str, set[str]]:
    """Per outlet, the normalised lines (see :func:`line_key`) that recur across its articles;
    under ``CORPUS_KEY`` the short non-sentence lines that recur across the whole corpus.

    This is the corpus-level pass: it runs over all articles before any is cleaned, by
    ``load_corpus`` and, for an annotation, over the whole corpus streamed before any
    partition is cleaned (``RecurringCounter(hashed=True)``, the same definition).

    >>> texts = ["Body one.\\nSubscribe to the e-paper", "Body two.\\nSubscribe to the e-paper",
    ...          "Body three.\\nSubscribe to the e-paper"]
    >>> recurring_lines(texts, ["x", "x", "x"])
    {'x': {'subscribe to the e-paper'}}
    """
    counter = RecurringCounter()
    for text, outlet in zip(texts, outlets, strict=True):
        counter.add(text, outlet)
    return counter.found()
