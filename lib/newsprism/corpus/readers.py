"""Load a corpus: cleaned articles, the problems found while reading them, a cleaning audit.

Accepted inputs (``load_corpus(path)``; ``None`` or ``""`` is the bundled corpus):

- a folder with ``manifest.csv`` (one row per article: ``article_id, file, outlet, ...``) and
  the article files it names, as ``.txt`` or ``.html`` (HTML goes through trafilatura, offline);
- a folder of ``.txt``/``.html`` files without a manifest: outlet = file stem, with a warning;
- a ``.csv`` file with one article per row, including Media Cloud's export columns
  (``id, publish_date, title, url, language, media_name, text``, ...);
- a ``.jsonl`` file with one JSON object per line (same field names as the CSV).

Bad input never stops the whole corpus. The article concerned is skipped (or, for a warning,
kept) and a row is added to ``Corpus.problems`` naming the file, the line, the article and
the reason: missing file, duplicate id, empty text (also empty once page furniture is
removed), undecodable bytes, missing or unknown column, a binary file, invalid JSON, JSON nested
too deep or with a number too long to read, an id over ``MAX_ID_CHARS`` characters, a NUL byte
(that row only), an unterminated CSV quote (the rows it swallowed are named and read on their
own), lone surrogates (replaced by U+FFFD, a warning), an HTML page with no article text, an
empty file or header-only manifest (a warning), a folder that cannot be listed.

Only files inside the corpus folder are read, once symlinks and ``..`` are resolved: a manifest
row naming ``../x``, an absolute path, or a link (file or folder) leading out of the folder is
a problem, "outside the corpus folder; not read".

Cleaning (``newsprism.corpus.clean``) runs on every article; ``Corpus.cleaning_audit`` has one row per
removed line (article_id, line, removed_text, rule, score: the line model's furniture score,
empty for the other rules; rule ``encoding_repair`` rows remove nothing, they record a repaired
title or text, see below). ``line`` is the 1-based line of the raw
article text: the line of the ``.txt`` file, of the text field of a CSV/JSONL row, or of the
text that trafilatura extracted from an ``.html`` file. ``text`` is the cleaned text: kept lines
stripped and joined by blank lines, one paragraph per line. A name found in a removed byline
fills an empty ``author``.

Language: the ``language`` given (manifest, CSV column) is kept, with a warning when the
detector (py3langid, offline) disagrees with p >= 0.95; when none is given the detected code is
used ("und" for texts too short to tell). Non-English articles are kept and flagged.

Encoding policy: input is read as UTF-8 (a BOM is allowed). Bytes that are not UTF-8 are
decoded as cp1252 (the usual culprit: Windows/Latin-1 exports) and a *warning* names the file,
line and offending byte, so a reader can check the accents; pass ``encoding_fallback=None`` to
skip such articles instead. Text that was decoded with the wrong codec before it reached the
corpus (mojibake: "donâ€™t" for "don’t") is repaired unless ``cleaning="off"``; each repaired
title or text has a ``cleaning_audit`` row, rule ``encoding_repair``
(``newsprism.corpus.encoding``). Before that, HTML entities left in plain text ("AT&amp;T",
"&quot;", "&#8217;") are decoded, except on lines holding markup; each decoded field has a row,
rule ``html_entities``, with the number of references decoded (``newsprism.corpus.entities``).
Input files are only ever read.

This module loads (``load_corpus``, the batches); each concern of reading has its module, and
every name this module had before is still importable from it:

- ``contract``: the articles and problems columns, accepted aliases, ``Corpus``.
- ``builder``: records checked, repaired, cleaned and kept; problems recorded; path safety.
- ``read_csv``, ``read_jsonl``, ``read_html``, ``read_folder``: one input format each.
- ``problems``: the corpus warning and the problems table in words.

>>> from newsprism.corpus.readers import load_corpus
>>> corpus = load_corpus()          # the bundled corpus
>>> corpus.articles.shape[0], corpus.problems.shape[0]
(5, 0)
>>> corpus.articles.loc[0, "text"].count("A new world order drawn by")   # headline kept once
1
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.core import paths
from newsprism.core.text import count_words
from newsprism.corpus.builder import MAX_ID_CHARS, CorpusBuilder, outlet_key
from newsprism.corpus.clean import (
    AUDIT_COLUMNS,
    CLEANING_LEVELS,
    CleanResult,
    clean_text,
    clean_texts,
)
from newsprism.corpus.clean_rules import (
    CORPUS_KEY,
    HashedLines,
    RecurringCounter,
    recurring_lines,
)
from newsprism.corpus.contract import (
    ALIASES,
    ARTICLE_COLUMNS,
    KNOWN_EXTRA,
    OPTIONAL_COLUMNS,
    PROBLEM_COLUMNS,
    Corpus,
)
from newsprism.corpus.encoding import removals, repair_article
from newsprism.corpus.language import (
    DISAGREEMENT_CONFIDENCE,
    UNDETERMINED,
    detect_language,
    normalise_language,
)
from newsprism.corpus.problems import (
    QUIET_VARIABLE,
    CorpusWarning,
    problems_reading,
    warn,
    warn_problems,
)
from newsprism.corpus.read_csv import load_csv_file
from newsprism.corpus.read_folder import TEXT_SUFFIXES, load_manifest_folder, load_plain_folder
from newsprism.corpus.read_html import HTML_SUFFIXES, MIN_HTML_WORDS
from newsprism.corpus.read_jsonl import load_jsonl

# Every public name this module had before it was split into the modules above
# (tests/test_split_modules.py); the reading itself is theirs, loading is here.
__all__ = [
    "ALIASES", "ARTICLE_COLUMNS", "AUDIT_COLUMNS", "CLEANING_LEVELS", "CORPUS_KEY",
    "CleanResult", "Corpus", "CorpusWarning", "DISAGREEMENT_CONFIDENCE", "HTML_SUFFIXES",
    "KNOWN_EXTRA", "MAX_ID_CHARS", "MIN_HTML_WORDS", "OPTIONAL_COLUMNS", "PROBLEM_COLUMNS",
    "QUIET_VARIABLE", "RawBatch", "TEXT_SUFFIXES", "UNDETERMINED", "clean_text", "clean_texts",
    "count_words", "detect_language", "iter_corpus_batches", "iter_raw_batches", "load_corpus",
    "normalise_language", "paths", "problems_reading", "recurring_lines", "removals",
    "repair_article", "warn",
]


def _records(path: Path, builder: CorpusBuilder) -> Iterator[None]:
    if path.is_dir():
        if (path / "manifest.csv").is_file():
            return load_manifest_folder(path, builder)
        return load_plain_folder(path, builder)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return load_csv_file(path, builder)
    if suffix in {".jsonl", ".ndjson"}:
        return load_jsonl(path, builder)
    raise ValueError(f"{path}: unsupported corpus file type {suffix!r}; use a folder with "
                     "manifest.csv, a folder of .txt/.html files, a .csv or a .jsonl file")


def _resolve(path: str | Path | None) -> Path:
    path = Path(path) if path not in (None, "") else paths.BUNDLED_CORPUS
    if path.name == "manifest.csv" and path.is_file():
        path = path.parent  # the manifest stands for its folder
    if not path.exists():
        raise FileNotFoundError(f"corpus not found: {path} (a folder with manifest.csv, a "
                                "folder of .txt files, a .csv or a .jsonl file)")
    return path


def load_corpus(path: str | Path | None = None, *,
                encoding_fallback: str | None = "cp1252", cleaning: str = "default") -> Corpus:
    """Read, clean and check a corpus (``None`` or ``""``: the bundled corpus).

    Skipped articles and warnings are listed in ``Corpus.problems`` (and summarised in a
    Python warning); what cleaning removed is in ``Corpus.cleaning_audit``. ``cleaning`` is
    "strict", "default" or "off" (see ``newsprism.corpus.clean``); "strict" and "default" also
    decode HTML entities ("&amp;" -> "&", rule ``html_entities``) and repair mojibake in titles
    and texts ("TrÃ©vidic" -> "Trévidic", rule ``encoding_repair`` in the audit, see
    ``newsprism.corpus.encoding``), "off" leaves the text as read. All articles
    are read before any is cleaned, so lines recurring across an outlet's articles (templates, teasers, footers)
    are counted over the whole corpus.

    >>> corpus = load_corpus()
    >>> sorted(corpus.articles["language"].unique())
    ['en']
    >>> int(corpus.cleaning_audit.groupby("rule").size()["comment_prompt"])
    8
    """
    _check_cleaning(cleaning)
    path = _resolve(path)
    builder = CorpusBuilder(encoding_fallback, path)
    builder.deferred, builder.cleaning = [], cleaning
    for _ in _records(path, builder):
        pass
    batch = RawBatch(builder.deferred, builder.root, encoding_fallback,
                     list(builder.extra_columns), str(path), cleaning)
    corpus = batch.clean()
    warn_problems(corpus, builder.already_warned)
    return corpus


def _check_cleaning(cleaning: str) -> None:
    if cleaning not in CLEANING_LEVELS:
        raise ValueError(f"cleaning must be one of {CLEANING_LEVELS}, got {cleaning!r}")


def iter_corpus_batches(path: str | Path | None = None, batch_size: int = 1000, *,
                        encoding_fallback: str | None = "cp1252",
                        cleaning: str = "default") -> Iterator[Corpus]:
    """The corpus as a stream of ``Corpus`` objects of at most ``batch_size`` articles (as
    read; an article that cleaning empties still counts), cleaned as ``load_corpus`` cleans
    them: lines recurring across an outlet's articles are counted over the whole corpus first
    (see :func:`iter_raw_batches`), so the batches together hold ``load_corpus``'s tables.

    Duplicate ids are still caught across batches. Each problem and audit row travels with
    the batch in which it was found.

    >>> [len(batch.articles) for batch in iter_corpus_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    n_problems = 0
    for raw in iter_raw_batches(path, batch_size, encoding_fallback=encoding_fallback,
                                cleaning=cleaning):
        batch = raw.clean()
        n_problems += len(batch.problems)
        yield batch
    if n_problems:
        warn(f"{_resolve(path)}: {n_problems} problem(s) while loading; see the problems of "
             "each batch", stacklevel=3)


@dataclass
class RawBatch:
    """Articles read, decoded and id-checked but not yet cleaned; ``clean()`` gives the same
    ``Corpus`` batch that cleaning them at reading time would have given.

    Cleaning and language detection are most of the cost of loading (about 40 µs per
    sentence); a parallel annotation hands raw batches to its workers so that the process
    reading the corpus does not become the bottleneck (see ``newsprism.pipeline.store``).
    """

    events: list[tuple[str, object]]  # ("problem", row) or ("article", raw), in reading order
    root: Path
    encoding_fallback: str | None
    extra_columns: list[str]
    source: str
    cleaning: str = "default"
    # The lines recurring in the whole corpus (outlet -> lines, see ``recurring_lines``), as
    # ``iter_raw_batches`` counted them; None: counted over this batch's articles.
    recurring: dict | None = None

    def clean(self) -> Corpus:
        """Clean the batch, with ``recurring`` or, without it, the lines recurring across
        this batch's articles."""
        builder = CorpusBuilder(self.encoding_fallback, self.root)
        builder.root = self.root  # the reader's folder, even where this path does not exist
        builder.extra_columns = list(self.extra_columns)
        builder.cleaning = self.cleaning
        if self.recurring is not None:
            builder.recurring = self.recurring
        else:
            builder.count_recurring(self.events)
        cleaned = iter(builder.clean_all([item for kind, item in self.events
                                          if kind == "article"]))
        for kind, item in self.events:
            if kind == "problem":
                builder.problems.append(item)
            elif kind == "audit":
                builder.audit.extend(item)
            else:
                record, raw_text, source_file, line = item
                builder.add(record, raw_text, source_file, line, claimed=True, repaired=True,
                            cleaned=next(cleaned))
        return builder.corpus(self.source)


def iter_raw_batches(path: str | Path | None = None, batch_size: int = 1000, *,
                     encoding_fallback: str | None = "cp1252",
                     cleaning: str = "default",
                     corpus_wide: bool = True) -> Iterator[RawBatch]:
    """Like :func:`iter_corpus_batches`, but each batch is cleaned later, by ``clean()``.

    Batches hold at most ``batch_size`` articles as read (an article that cleaning then
    empties still counts), so their boundaries do not depend on where they are cleaned.
    Lines recurring across an outlet's articles are counted over the whole corpus first (a
    streaming pass that keeps 8 bytes per distinct line of each article, see
    :func:`recurring_in_corpus`), so every batch cleans its articles exactly as
    ``load_corpus`` does. ``corpus_wide=False`` skips that pass: each batch counts the lines
    recurring across its own articles only, a quick look at the first articles of a large
    corpus that is not ``load_corpus``'s cleaning.

    >>> [len(batch.clean().articles) for batch in iter_raw_batches(None, batch_size=2)]
    [2, 2, 1]
    """
    _check_cleaning(cleaning)
    path = _resolve(path)
    recurring = recurring_in_corpus(path, encoding_fallback, cleaning) \
        if cleaning != "off" and corpus_wide else {}
    builder = CorpusBuilder(encoding_fallback, path)
    builder.deferred, builder.cleaning = [], cleaning

    def cut() -> RawBatch:
        outlets = {outlet_key(item[0]) for kind, item in builder.deferred if kind == "article"}
        batch = RawBatch(builder.deferred, builder.root, encoding_fallback,
                         list(builder.extra_columns), str(path), cleaning,
                         {k: v for k, v in recurring.items() if k in outlets or k == CORPUS_KEY}
                         if corpus_wide else None)
        builder.deferred, builder.n_deferred = [], 0
        return batch

    produced = False
    for _ in _records(path, builder):
        if builder.n_deferred >= batch_size:
            yield cut()
            produced = True
    if builder.deferred or not produced:
        yield cut()


def recurring_in_corpus(path: str | Path | None, encoding_fallback: str | None = "cp1252",
                        cleaning: str = "default") -> dict[str, HashedLines]:
    """The lines recurring in the corpus at ``path`` (see ``clean_rules.recurring_lines``),
    counted in one streaming pass over its articles as read and repaired, none held: per
    outlet, and under ``CORPUS_KEY`` across outlets, as ``HashedLines``.

    >>> recurring_in_corpus(None)
    {}
    """
    path = _resolve(path)
    builder = CorpusBuilder(encoding_fallback, path)
    builder.deferred, builder.cleaning = [], cleaning
    counter = RecurringCounter(hashed=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # read twice, warned once (by the second reading)
        for _ in _records(path, builder):
            for kind, item in builder.deferred:
                if kind == "article":
                    counter.add(item[1], outlet_key(item[0]))
            builder.deferred = []
    return counter.found()
