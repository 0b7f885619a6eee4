"""Repair mojibake at load: text decoded with the wrong codec ("TrÃ©vidic" for "Trévidic").

Messy exports often hold UTF-8 bytes that were once decoded as Latin-1 or Windows-1252
("donâ€™t" for "don’t", "MÃ¼nchen" for "München"). Left alone, the quote name parser cuts
"TrÃ©vidic" to "TrA" and distinctive terms and tone read garbage.

The loader (``newsprism.corpus.readers``; ``newsprism.corpus.builder`` does it) calls
:func:`repair_article` on every article's title, author, outlet and raw text before
cleaning, unless ``cleaning="off"``. Only a text that the cheap check
(:func:`looks_broken`, one character-class scan) flags is looked at,
line by line;
a line that both it and ftfy's badness check (``ftfy.badness.is_bad``) flag is repaired by
``ftfy.fix_encoding``, which then changes the encoding alone:
quotes stay curly, dashes, widths, ligatures and line breaks stay as they are (the quote
extractor needs the curly quotes). Each repaired field gives one audit row shaped like the
cleaning audit's (``AUDIT_COLUMNS``): rule ``encoding_repair``, ``line`` the first repaired
line of the raw text (empty for the title, author and outlet), ``removed_text`` the field,
the number of lines repaired and a short before → after sample; nothing is removed.
HTML entities ("&amp;", "&#8217;") are decoded first, in the same call
(``newsprism.corpus.entities``), each decoded field giving a row of rule ``html_entities``.

Caveat: a sequence ftfy cannot undo (a byte lost on the way) is left as it is, except
"â€" before a space or a line's end, read as "”" (see :func:`_repair_line`); ftfy's check
also misses mojibake that looks like plausible text. Clean text that happens to form a
valid mojibake pattern (a closing quote glued to an accented letter, "”à") would be
"repaired" into a letter of another script; :func:`plausible` rejects such a repair when the new letter
stands alone, so a lone non-Latin character hidden by mojibake stays unrepaired.

>>> record, text, rows = repair_article({"title": "MÃ¼nchen"}, "donâ€™t\\nclean “line”", "a1")
>>> record["title"], text
('München', 'don’t\\nclean “line”')
>>> [(row["line"], row["rule"], row["removed_text"]) for row in rows]
[(None, 'encoding_repair', 'title, 1 line: MÃ¼nchen → München'), (1, 'encoding_repair', 'text, 1 line: donâ€™t → don’t')]
"""

from __future__ import annotations

import functools
import re
import unicodedata

import pandas as pd

from newsprism.corpus.entities import ENTITY_RULE, decode_entities, first_decoded_line

REPAIR_RULE = "encoding_repair"
# Audit rules that change text and remove nothing (see :func:`is_repair`), with the unit
# each row counts.
REPAIR_RULES = (ENTITY_RULE, REPAIR_RULE)
_UNITS = {REPAIR_RULE: ("line", "lines"), ENTITY_RULE: ("entity", "entities")}
# Metadata repaired beside the text: a mojibake outlet name would split one outlet in two.
REPAIRED_FIELDS = ("title", "author", "outlet")
# Line breaks as the cleaner counts them (``newsprism.corpus.clean``), kept by the split.
_NEWLINE = re.compile(r"(\r\n|\r|\n)")
# What cp1252 makes of a UTF-8 continuation byte (0x80-0xBF), and the C1 controls Latin-1 makes
# of cp1252's 0x80-0x9F.
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                 "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039"
                 "\u203a\u20ac\u2122")
# A UTF-8 lead byte read as cp1252 ("Â" to "ô") then a continuation; "Ã " is "à" whose
# no-break space became a space; or a C1 control.
_FIRST = re.compile("[\u0080-\u009f\u00c2-\u00f4]")  # one class: the fastest scan
_SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|\u00c3 |[\u0080-\u009f]")
# "â€" before a space or the end: a curly closing quote (E2 80 9D) whose last byte was lost,
# since cp1252 has no character for 0x9D.
_LOST_BYTE = re.compile("(\u00e2\u20ac)(?= |$)")
# Latin-1 and Latin Extended-A (below U+0180, plus Romanian ș ț); general punctuation,
# currency, letterlike, number forms, arrows and maths (U+2000-U+22FF): what Western
# mojibake hides.
_WESTERN_END = "\u0180"
_ROMANIAN = set("\u0218\u0219\u021a\u021b")
_PUNCTUATION_START, _PUNCTUATION_END = "\u2000", "\u2300"
_CJK = {"CJK", "HIRAGANA", "KATAKANA"}  # Japanese mixes them within a word
# Characters either side of the first change shown in the audit sample.
SAMPLE_CONTEXT = 20


@functools.cache
def _ftfy():
    """ftfy, imported on first use (about 0.4 s: not paid by ``import newsprism``)."""
    import ftfy
    import ftfy.badness

    # Encoding only: every other fixer off, so clean text and typography are never touched.
    # (Entities are decoded before, line by line: ``newsprism.corpus.entities``.)
    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True,
        fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None, explain=False)
    return ftfy, config


def looks_broken(text: str) -> bool:
    """The cheap check: could ``text`` hold mojibake? (Then each line goes to ftfy's check.)

    True when ``text`` holds a C1 control character (cp1252 text read as Latin-1) or a
    character that UTF-8 read as cp1252 begins with ("Ã", "â", "Ð", ...) followed by one it
    continues with ("©", "€", "™", ...). A scan for the first such character, then for the
    pair from there: 90-200 MB/s (``bench/bench_encoding.py``); ftfy's own ``is_bad`` scans
    clean text at about 6 MB/s, as slow as the whole cleaning.

    >>> looks_broken("TrÃ©vidic"), looks_broken("Trévidic “said” — Мир"), looks_broken("Ã ")
    (True, False, True)
    """
    first = _FIRST.search(text)
    return first is not None and _SUSPECT.search(text, first.start()) is not None


def repair_text(text: str) -> tuple[str, list[int]]:
    """``text`` with its mojibake lines repaired, and the 1-based numbers of the lines changed.

    Line breaks are kept exactly (each line is repaired on its own, its ending untouched);
    a text the cheap check passes is returned as it is.

    >>> repair_text("ok\\r\\nEl niÃ±o estÃ¡ aquÃ­\\r\\n")
    ('ok\\r\\nEl niño está aquí\\r\\n', [2])
    """
    if not looks_broken(text):
        return text, []
    ftfy, config = _ftfy()
    parts = _NEWLINE.split(text)  # lines at even indexes, their line breaks between them
    changed = []
    for index in range(0, len(parts), 2):
        line = parts[index]
        if not (looks_broken(line) and ftfy.badness.is_bad(line)):
            continue
        fixed = _repair_line(line, ftfy, config)
        if fixed != line and plausible(line, fixed):
            parts[index] = fixed
            changed.append(index // 2 + 1)
    return ("".join(parts), changed) if changed else (text, [])


def _repair_line(line: str, ftfy, config) -> str:
    """One line repaired; "â€" before a space or the line's end becomes "”".

    cp1252 has no character for the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so exports drop
    them: "â€" (E2 80) then lost the last byte of U+2001, U+200D, U+200F, U+2010 or "”" (E2 80
    9D), and in running text before a space it is the closing quote. ftfy alone would read
    "â€ " as the dagger "†" (the space taken for a lost no-break space) and leave the quote
    extractor without its closing mark.
    """
    parts = _LOST_BYTE.split(line)  # the lost-byte quotes at odd indexes
    for index in range(0, len(parts), 2):
        if looks_broken(parts[index]) and ftfy.badness.is_bad(parts[index]):
            parts[index] = ftfy.fix_encoding(parts[index], config)
    parts[1::2] = ["”"] * (len(parts) // 2)
    return "".join(parts)


def nth_line(text: str, number: int) -> str:
    """The 1-based line ``number`` of ``text``, lines counted as the cleaner counts them.

    >>> nth_line("a\\r\\nb\\rc\\x85d", 3)
    'c\\x85d'
    """
    return _NEWLINE.split(text)[2 * (number - 1)]


def plausible(before: str, after: str) -> bool:
    """False when a repair brings in a letter of another script standing alone: "„×“" is
    valid cp1252-read UTF-8 for the Hebrew "ד", but a lone Hebrew letter between German quotes
    is far likelier a multiplication sign. Characters of the Latin, punctuation and symbol
    blocks (what Western mojibake hides) pass; other Latin letters ("Ȋ", "ɻ") never do; a
    letter of another script passes when a letter of its own script stands next to it (a repaired word: "ÐŸÑ€Ð¸Ð²ÐµÑ‚" -> "Привет").

    >>> plausible("„×“", "„ד"), plausible("ÐœÐ¸Ñ€", "Мир"), plausible("Ã©", "é")
    (False, True, True)
    """
    for char in set(after) - set(before):
        if char < _WESTERN_END or char in _ROMANIAN or _PUNCTUATION_START <= char < _PUNCTUATION_END:
            continue
        script, padded = _script(char), f" {after} "  # every character has two neighbours
        if script in ("", "LATIN") or not any(script in (_script(padded[i - 1]), _script(padded[i + 1]))
                                 for i, c in enumerate(padded) if c == char):
            return False
    return True


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC", "GREEK", "CJK"); "" else."""
    if not char.isalpha():
        return ""
    word = unicodedata.name(char, "").split(" ")[0]
    return "CJK" if word in _CJK else word


def sample(before: str, after: str, context: int = SAMPLE_CONTEXT) -> str:
    """A short "before → after" from the first change (``context`` characters either side).

    >>> sample("He said TrÃ©vidic was right", "He said Trévidic was right", context=4)
    '…d TrÃ©vidi… → …d Trévidi…'
    """
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False))
                  if a != b),
                 min(len(before), len(after)))
    tail = 0  # common suffix, not overlapping the start
    while (tail < min(len(before), len(after)) - start
           and before[-1 - tail] == after[-1 - tail]):
        tail += 1

    def window(text: str) -> str:
        # the change is shown from its start for at most ``context`` characters
        end = min(len(text) - tail, start + context)
        low, high = max(0, start - context), min(len(text), end + context)
        return (("…" if low else "") + text[low:high].replace("\n", " ")
                + ("…" if high < len(text) else ""))

    return f"{window(before)} → {window(after)}"


def repair_article(record: dict, raw_text: str, article_id: str
                   ) -> tuple[dict, str, list[dict]]:
    """Decode the HTML entities of an article's title, author, outlet and raw text
    (``newsprism.corpus.entities``), then repair their mojibake; the record (a copy when a
    field changed), the text, and one audit row per field decoded (rule ``html_entities``,
    the number of references decoded) and per field repaired (see the module docstring).
    Entities go first: "&#195;&#169;" decodes to the mojibake "Ã©", which the repair reads.

    Input files are never touched: only the strings read from them are replaced.
    """
    rows = []
    for field in REPAIRED_FIELDS:
        value = record.get(field)
        if isinstance(value, str) and value:
            decoded, n_entities = decode_entities(value)
            if n_entities:
                rows.append(_row(article_id, None, field, n_entities, value, decoded,
                                 ENTITY_RULE))
            fixed, lines = repair_text(decoded)
            if lines:
                rows.append(_row(article_id, None, field, len(lines), decoded, fixed))
            if fixed != value:
                record = {**record, field: fixed}
    decoded, n_entities = decode_entities(raw_text)
    if n_entities:
        line = first_decoded_line(raw_text, decoded)
        rows.append(_row(article_id, line, "text", n_entities, nth_line(raw_text, line),
                         nth_line(decoded, line), ENTITY_RULE))
    fixed, lines = repair_text(decoded)
    if lines:
        before, after = nth_line(decoded, lines[0]), nth_line(fixed, lines[0])
        rows.append(_row(article_id, lines[0], "text", len(lines), before, after))
    return record, fixed, rows


def _row(article_id: str, line: int | None, field: str, count: int, before: str,
         after: str, rule: str = REPAIR_RULE) -> dict:
    one, many = _UNITS[rule]
    what = f"{field}, {count} {one if count == 1 else many}"
    return {"article_id": article_id, "line": line, "removed_text":
            f"{what}: {sample(before, after)}", "rule": rule, "score": None}


def is_repair(audit: pd.DataFrame) -> pd.Series:
    """True for the audit rows of encoding repairs and decoded HTML entities (they remove
    nothing: :data:`REPAIR_RULES`).

    >>> is_repair(pd.DataFrame({"rule": ["byline", REPAIR_RULE, ENTITY_RULE]})).tolist()
    [False, True, True]
    """
    if audit is None or "rule" not in audit:
        return pd.Series(False, index=getattr(audit, "index", None), dtype=bool)
    return audit["rule"].isin(REPAIR_RULES)


def removals(audit: pd.DataFrame) -> pd.DataFrame:
    """The cleaning audit without its encoding repairs and decoded entities: the lines
    cleaning removed."""
    if audit is None or "rule" not in audit:
        return audit
    return audit[~is_repair(audit)]
