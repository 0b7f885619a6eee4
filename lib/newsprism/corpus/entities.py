"""Decode HTML entities left in plain text at load: "AT&amp;T" -> "AT&T", "l&#8217;UE" -> "l’UE".

Scraped corpora and CSV exports often carry text that was HTML-escaped once (or twice) and
never unescaped. Left alone, "&quot;" hides a quotation from the quote extractor, "&amp;"
and "&nbsp;" become words of the keyness tables, "&eacute;" splits a word in two.

The loader (``newsprism.corpus.readers``; ``newsprism.corpus.builder`` does it) calls
:func:`decode_entities` through ``newsprism.corpus.encoding.repair_article`` on every
article's title, author, outlet and raw text before the mojibake repair and the cleaning,
unless ``cleaning="off"``.

When a reference is decoded (decided line by line, not for the whole text):

- a line holding a raw tag (``<p>``, ``</span>``, ``<m:val .../>``, ``<!--``) is HTML source,
  where an entity is the markup's own escape: it is left exactly as it is (the cleaner's
  ``code_line`` rule reads it as markup). ftfy's own rule (no decoding at all once the text
  holds a "<") is too coarse for scraped pages: of the 853 pagetext pages, 49 hold entities
  and 46 of those a markup line somewhere, so it decodes 3 pages, the line rule 10 (16
  references decoded in prose lines, 450 left on markup lines; ``bench/bench_entities.py``);
- only complete references are decoded: a named entity of HTML5's table followed by ";"
  ("&amp;", "&eacute;", "&AMP;"), a decimal ("&#8217;") or hex ("&#x2019;") character
  reference. "AT&T", "Q&A", "&copy" without ";" or an unknown "&foo;" stay as they are (the
  browser's legacy rule would turn "?a=1&copy=2" into "?a=1©=2");
- a reference to a line break, a control character or an invalid code point ("&#10;",
  "&#0;", "&#xD800;") is kept: decoding it would shift the line numbers of the audit or put
  U+FFFD where the input said something else. A tab and the no-break space are decoded
  ("&nbsp;" is U+00A0, which the word and sentence splitters read as a space);
- a line is decoded until nothing is left to decode, so twice-escaped text comes out right
  ("&amp;amp;" -> "&", "&amp;#8217;" -> "’") and decoding is idempotent. Each reference is
  at least 4 characters and stands for at most 2, so decoding never lengthens a text.

Caveat: prose that writes an entity's name on purpose ("the &nbsp; entity", in a page about
HTML) is decoded too; no rule tells it from leftover escaping.

>>> decode_entities("AT&amp;T said &quot;no&quot;\\n<p>&amp; markup</p>\\nQ&A &#8217; &#10;")
('AT&T said "no"\\n<p>&amp; markup</p>\\nQ&A ’ &#10;', 4)
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata

ENTITY_RULE = "html_entities"
# Complete references only: a name (HTML5's longest is 31 characters), decimal or hex.
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7});")
# A raw tag: an opening, closing or empty element (namespaced names too), a comment or a
# declaration. "x < 3" or "a -> b" are not tags.
_TAG = re.compile(r"<(?:/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?|!--|![A-Za-z][^<>]*)>|<!--")
_NEWLINE = re.compile(r"(\r\n|\r|\n)")  # the lines the cleaner and the audit count
_KEPT_TAB = "\t"


def _decoded(reference: str) -> str | None:
    """The character(s) ``reference`` stands for, or None when it is kept as it is."""
    if reference[1] != "#":
        value = html.entities.html5.get(reference[1:])
    else:
        value = html.unescape(reference)  # HTML5's numeric rules: &#150; is "–" (cp1252)
        number = int(reference[3:-1], 16) if reference[2] in "xX" else int(reference[2:-1])
        if value == "\ufffd" and number != 0xFFFD:
            return None  # an invalid or null code point: U+FFFD would hide what it said
    if value is None or any(unicodedata.category(c) == "Cc" and c != _KEPT_TAB for c in value):
        return None
    return value


def _replace(match: re.Match) -> str:
    value = _decoded(match.group())
    return match.group() if value is None else value


def decode_line(line: str) -> tuple[str, int]:
    """One line decoded until nothing is left to decode, and how many references of the
    line as given were decoded; a line holding a raw tag is returned as it is.

    >>> decode_line("&amp;amp; &amp;#8217; &copy AT&T &bogus;")
    ('& ’ &copy AT&T &bogus;', 2)
    >>> decode_line('<a title="&quot;x&quot;">')
    ('<a title="&quot;x&quot;">', 0)
    """
    if _TAG.search(line):
        return line, 0
    count = sum(_decoded(m.group()) is not None for m in _REFERENCE.finditer(line))
    if not count:
        return line, 0
    while True:  # each pass that changes the line shortens it, so this ends
        decoded = _REFERENCE.sub(_replace, line)
        if decoded == line:
            return line, count
        line = decoded


def decode_entities(text: str) -> tuple[str, int]:
    """``text`` with the HTML entities of its markup-free lines decoded (see the module
    docstring), and how many references were decoded. Line breaks are kept exactly, so the
    text has as many lines as before; a text without "&" is returned at once.

    >>> decode_entities("caf&eacute;\\r\\n&lt;b&gt;")
    ('café\\r\\n<b>', 3)
    """
    if "&" not in text or _REFERENCE.search(text) is None:
        return text, 0
    parts = _NEWLINE.split(text)  # lines at even indexes, their line breaks between them
    total = 0
    for index in range(0, len(parts), 2):
        if "&" in parts[index]:
            parts[index], count = decode_line(parts[index])
            total += count
    return ("".join(parts), total) if total else (text, 0)


def first_decoded_line(before: str, after: str) -> int:
    """The 1-based number of the first line that decoding changed (1 when none did).

    >>> first_decoded_line("a\\nb&amp;\\nc&amp;", "a\\nb&\\nc&")
    2
    """
    pairs = zip(_NEWLINE.split(before)[::2], _NEWLINE.split(after)[::2], strict=True)
    return next((number for number, (a, b) in enumerate(pairs, 1) if a != b), 1)
