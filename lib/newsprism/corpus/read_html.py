"""Reading an HTML article page: its main text and metadata (trafilatura, offline), and the
check that a page held an article at all.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.core.text import count_words
from newsprism.corpus.builder import CorpusBuilder
from newsprism.corpus.contract import field_text, printable

HTML_SUFFIXES = {".html", ".htm"}


# An HTML page whose extracted text is shorter than this is navigation or scripts, not an article.
MIN_HTML_WORDS = 10


def html_too_short(raw: str, file: Path, builder: CorpusBuilder, article_id: str) -> bool:
    """True (problem recorded) when an HTML page gave fewer than MIN_HTML_WORDS words."""
    if file.suffix.lower() not in HTML_SUFFIXES or not raw.strip():
        return False
    n_words = count_words(raw)
    if n_words >= MIN_HTML_WORDS:
        return False
    builder.problem(file, None, article_id,
                    f"HTML page has no article text (extracted {n_words} word(s): navigation or "
                    "scripts only?); skipped")
    return True


def extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page (trafilatura; nothing is fetched)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True,
        with_metadata=True,
    )
    if not document:
        return "", {}
    document = document.as_dict() if hasattr(document, "as_dict") else document
    meta = {key: field_text(document.get(source)) for key, source in
            (("title", "title"), ("author", "author"), ("published", "date"), ("url", "url"),
             ("outlet", "sitename"), ("language", "language"))}
    return (printable(field_text(document.get("text"))),
            {k: printable(v) for k, v in meta.items() if v})
