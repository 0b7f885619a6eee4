"""Dates taken from an article's text against its real publication date (PolNeAR train).

For every PolNeAR train article (840, 7 US publishers, 2015-2016), the date
:func:`newsprism.time.timeline.article_dates` infers from the text when ``published`` is
blank, set against the real publication date: the share with no text date, the share where
the text date is on or before publication (a true lower bound), the share after it, and the
distribution of the difference (publication minus text date, in days) where it is a bound;
whether :data:`newsprism.time.timeline.TEXT_DATE_CHECK` (the figures the report quotes) still
matches; and two cheap rules tried to make the bound truer (measured here, not in the
library): dropping dates in sentences with future markers, and dropping yearless dates.

    .venv/bin/python bench/text_dates.py

Builds the corpus under a temporary folder; writes nothing into the repository.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from newsprism.compare.claims import extract_claims  # noqa: E402
from newsprism.corpus import load_corpus  # noqa: E402
from newsprism.time import timeline  # noqa: E402
from polnear_corpus import build  # noqa: E402

# English future markers (the brief's list plus close variants): a date in such a sentence
# is likely a coming one.
FUTURE = re.compile(r"\b(?:will|won't|next|scheduled|upcoming|plans? to|planned|due to|"
                    r"expected to|by (?=[A-Z]\w+\.? \d)|until|through|projected|forecast|"
                    r"would)\b", re.IGNORECASE)
RULES = {
    "library (latest date mentioned)": lambda dates: dates,
    "drop dates in sentences with future markers":
        lambda dates: dates[~dates["sentence"].astype(str).str.contains(FUTURE)],
    "drop yearless dates": lambda dates: dates[~dates["quantity"].astype(str).str.startswith("--")],
}


def measure(articles: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: ``article_id, published, text_date, days`` (published minus text date)."""
    blank = articles.assign(published="")
    claims = extract_claims(blank) if claims is None else claims
    inferred = timeline.article_dates(blank, claims)
    published, _ = timeline.parse_published(articles["published"].reset_index(drop=True))
    text = inferred["date"].where(inferred["date_basis"] == "text")
    days = (published.dt.normalize() - text).dt.days
    return pd.DataFrame({"article_id": inferred["article_id"], "published": published,
                         "text_date": text, "days": days})


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """The shares and the day differences, one row per figure."""
    n = len(rows)
    dated = rows.dropna(subset=["text_date"])
    bound, after = dated[dated["days"] >= 0], dated[dated["days"] < 0]
    figures = [
        ("articles", n, ""),
        ("no text date", len(rows) - len(dated), f"{(n - len(dated)) / n:.1%}"),
        ("text date <= published (lower bound holds)", len(bound), f"{len(bound) / n:.1%}"),
        ("text date > published", len(after), f"{len(after) / n:.1%}"),
        ("  of dated articles, after publication", len(after),
         f"{len(after) / max(len(dated), 1):.1%}"),
        ("days before publication, median (bounds)", bound["days"].median(), ""),
        ("days before publication, 90th percentile", bound["days"].quantile(0.9), ""),
        ("within 7 days of publication (of dated)", int((dated["days"].abs() <= 7).sum()),
         f"{(dated['days'].abs() <= 7).mean():.1%}"),
        ("days after publication, median (violations)", after["days"].abs().median(), ""),
    ]
    return pd.DataFrame(figures, columns=["figure", "value", "share"])


def rules(articles: pd.DataFrame) -> pd.DataFrame:
    """Per rule: ``rule, dated, after, after_share`` (of dated), ``within_week``."""
    claims = extract_claims(articles.assign(published=""))
    dates = claims[claims["kind"] == "date"]
    out = []
    for name, rule in RULES.items():
        rows = measure(articles, pd.concat([claims[claims["kind"] != "date"], rule(dates)]))
        dated = rows.dropna(subset=["text_date"])
        out.append((name, len(dated), int((dated["days"] < 0).sum()),
                    f"{(dated['days'] < 0).mean():.1%}", int((dated["days"].abs() <= 7).sum())))
    return pd.DataFrame(out, columns=["rule", "dated", "after", "after_share", "within_week"])


def check(rows: pd.DataFrame) -> dict:
    """The figures :data:`newsprism.time.timeline.TEXT_DATE_CHECK` states, as measured."""
    dated = rows.dropna(subset=["text_date"])
    return {"dated": len(dated), "after": int((dated["days"] < 0).sum()),
            "within_week": int((dated["days"].abs() <= 7).sum())}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "pn")
        corpus = load_corpus(Path(tmp) / "pn")
    rows = measure(corpus.articles)
    print(summary(rows).to_string(index=False))
    measured = check(rows)
    print(f"\ntimeline.TEXT_DATE_CHECK {timeline.TEXT_DATE_CHECK}: "
          f"{'matches' if measured == timeline.TEXT_DATE_CHECK else f'STALE, measured {measured}'}")
    print("\nrules tried (not in the library):")
    print(rules(corpus.articles).to_string(index=False))
    late = rows[rows["days"] < 0].sort_values("days").head(5)
    print("\nlatest text dates after publication:")
    print(late.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
