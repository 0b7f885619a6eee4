"""Reading a corpus folder: with ``manifest.csv`` (one row per article file) or without
(every ``.txt``/``.html`` file, outlet = file name); files outside the folder are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsprism.corpus.builder import CorpusBuilder
from newsprism.corpus.contract import field_text
from newsprism.corpus.problems import warn
from newsprism.corpus.read_csv import fix_surrogates, read_csv_table
from newsprism.corpus.read_html import HTML_SUFFIXES, extract_html, html_too_short

TEXT_SUFFIXES = {".txt"} | HTML_SUFFIXES


def read_article_file(file: Path, builder: CorpusBuilder, article_id: str, shown: str,
                      where: Path | None = None, line: int | None = None
                      ) -> tuple[str, dict] | None:
    """(raw text, metadata found in the file) of one article file, or None (problem recorded).

    ``file`` is read only when it lies inside the corpus folder once symlinks are resolved;
    ``shown`` is its path as the input named it, ``where``/``line`` the manifest row naming it.
    """
    real = builder.inside(file, where or file, line, article_id, shown)
    if real is None:
        return None
    try:
        data = real.read_bytes()
    except OSError as error:
        builder.problem(file, None, article_id, f"cannot read file: {error.strerror}; skipped")
        return None
    text = builder.decode(data, file, 0, article_id)
    if text is None:
        return None
    if file.suffix.lower() in HTML_SUFFIXES:
        try:
            return extract_html(text)
        except Exception as error:  # a broken page is one skipped article, not a crash
            builder.problem(file, None, article_id,
                            f"HTML extraction failed ({type(error).__name__}: {error}); skipped")
            return None
    return text, {}


def load_manifest_folder(folder: Path, builder: CorpusBuilder) -> Iterator[None]:
    """Read the articles ``manifest.csv`` lists into ``builder``; unlisted files are named."""
    manifest = folder / "manifest.csv"
    if builder.inside(manifest, manifest, None, "", "manifest.csv") is None:
        return
    table = read_csv_table(manifest, builder, required="file")
    if table is None:
        return
    names, rows = table
    listed: set[Path] = set()
    n_rows = 0
    for line, fields in rows:
        n_rows += 1
        if len(fields) != len(names):
            builder.problem(manifest, line, "", f"row has {len(fields)} fields but the header "
                            f"has {len(names)}; skipped")
            continue
        record = dict(zip(names, fields, strict=True))
        for key, value in record.items():
            record[key] = fix_surrogates(value, builder, manifest, line, "") or ""
        name = field_text(record.get("file"))
        article_id = field_text(record.get("article_id")) or Path(name).stem
        record["article_id"] = article_id
        if not name:
            builder.problem(manifest, line, article_id, "no file named in column 'file'; skipped")
            continue
        file = folder / name
        real = builder.inside(file, manifest, line, article_id, name)
        if real is None:
            continue
        listed.add(real)
        if not builder.claim_id(article_id, manifest, line):
            continue
        if not real.is_file():
            builder.problem(manifest, line, article_id, f"file not found: {name}; skipped")
            continue
        read = read_article_file(file, builder, article_id, name, manifest, line)
        if read is None or html_too_short(read[0], file, builder, article_id):
            continue
        raw, meta = read
        for key, value in meta.items():
            if not field_text(record.get(key)):
                record[key] = value
        builder.add(record, raw, file, None, claimed=True)
        yield
    if not n_rows:
        builder.problem(manifest, 1, "", "manifest.csv lists no articles (header only)",
                        severity="warning")
    for file in sorted(article_files(folder, builder)):
        if file.resolve() not in listed:
            builder.problem(file, None, file.stem, "article file not listed in manifest.csv; "
                            "ignored", severity="warning")


def article_files(folder: Path, builder: CorpusBuilder) -> list[Path]:
    """``.txt``/``.html`` files in ``folder`` and ``folder/articles`` (not yet checked to lie
    inside the corpus folder); a folder that cannot be listed is a problem, not a crash."""
    files = []
    for where in (folder, folder / "articles"):
        try:
            if where != folder and not where.is_dir():
                continue
            files += [p for p in where.iterdir()
                      if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
        except OSError as error:
            builder.problem(where, None, "", f"cannot list folder ({error.strerror or error}); "
                            "its files are not read")
    return files


def load_plain_folder(folder: Path, builder: CorpusBuilder) -> Iterator[None]:
    """Read every ``.txt``/``.html`` file of a folder without manifest (outlet = file name)."""
    files = sorted(article_files(folder, builder))
    message = (f"{folder.name}/: no manifest.csv; reading {len(files)} article files with "
               "outlet = file name (add a manifest.csv to name outlets, dates and titles)")
    warn(message, stacklevel=4)
    builder.problem(folder, None, "", message, severity="warning")
    builder.already_warned += 1
    for file in files:
        read = read_article_file(file, builder, file.stem, builder.name(file))
        if read is None or html_too_short(read[0], file, builder, file.stem):
            continue
        raw, meta = read
        record = {**meta, "article_id": file.stem, "outlet": file.stem}
        builder.add(record, raw, file, None)
        yield
