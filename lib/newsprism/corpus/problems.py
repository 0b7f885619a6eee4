"""Problems met while reading a corpus: the ``CorpusWarning`` (silenced for reports), and the
problems table told in words.
"""

from __future__ import annotations

import os
import warnings

import pandas as pd

from newsprism.corpus.contract import Corpus


class CorpusWarning(UserWarning):
    """A problem met while reading a corpus (also a row of ``Corpus.problems``)."""


QUIET_VARIABLE = "NEWSPRISM_QUIET_WARNINGS"


def warn(message: str, stacklevel: int = 2) -> None:
    """Warn about a corpus problem, unless ``$NEWSPRISM_QUIET_WARNINGS`` is "1": the report
    runner sets it, since a report shows problems as a table and in words
    (:func:`problems_reading`), never as a raw Python warning with a machine path."""
    if os.environ.get(QUIET_VARIABLE) != "1":
        warnings.warn(message, CorpusWarning, stacklevel=stacklevel + 1)


def _article_label(row: dict) -> str:
    where = row.get("source_file") or ""
    line = row.get("line")
    if line is not None and not pd.isna(line):
        where += f", line {int(line)}"
    article = str(row.get("article_id") or "").strip()
    where = "the corpus folder" if where == "." else where
    return f"{article} ({where})" if article and where else article or where or "the corpus"


def problems_reading(problems: pd.DataFrame, shown: int = 5) -> str:
    """Problems in words, "excluded" (errors: the article is in no later table) told apart
    from "kept with a warning", each naming its article or file (relative to the corpus).

    >>> table = pd.DataFrame([{"source_file": "a.txt", "line": None, "article_id": "a1",
    ...     "reason": "empty text", "severity": "error"}, {"source_file": ".", "line": None,
    ...     "article_id": "", "reason": "no manifest.csv", "severity": "warning"}])
    >>> problems_reading(table)
    '1 article excluded (in no later table): a1 (a.txt): empty text. 1 warning; the articles concerned were kept and analysed: the corpus folder: no manifest.csv.'
    """
    if problems is None or problems.empty:
        return "No input problem was found: every listed article was read."
    severity = problems.get("severity", pd.Series("error", index=problems.index))
    parts = []
    for level, head in (("error", "excluded (in no later table)"),
                        ("warning", "the articles concerned were kept and analysed")):
        rows = problems[severity.fillna("error") == level].to_dict("records")
        if not rows:
            continue
        listed = "; ".join(f"{_article_label(r)}: {r.get('reason', '')}" for r in rows[:shown])
        more = f"; … {len(rows) - shown} more in the table" if len(rows) > shown else ""
        if level == "error":
            count = f"{len(rows)} article{'s' if len(rows) != 1 else ''} {head}"
        else:
            count = f"{len(rows)} warning{'s' if len(rows) != 1 else ''}; {head}"
        parts.append(f"{count}: {listed}{more}.")
    return " ".join(parts)


def warn_problems(corpus: Corpus, already_warned: int = 0) -> None:
    """One warning summing up the problems of ``corpus`` not already warned about."""
    if len(corpus.problems) <= already_warned:
        return
    errors = int((corpus.problems["severity"] == "error").sum())
    warn(f"{corpus.source}: {errors} article(s) skipped and "
         f"{len(corpus.problems) - errors} warning(s) while loading; see "
         "Corpus.problems", stacklevel=4)
