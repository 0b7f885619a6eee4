"""Validate the sentiment engines on 5,190 human-rated New York Times editorial sentences.

The gold set (Hutto & Gilbert 2014, ICWSM) ships inside the vaderSentiment SOURCE distribution
(``additional_resources/hutto_ICWSM_2014.tar.gz`` -> ``nytEditorialSnippets_GroundTruth.txt``:
id, mean rating of >= 20 raters on -4..+4, sentence). It is fetched once from PyPI with
``pip download --no-deps --no-binary :all: vaderSentiment==3.3.2`` into
``paths.EXTERNAL_CACHE/vader_sdist`` (git-ignored) and read straight from the archive.

Metrics per engine: Pearson r between the engine's headline score and the mean human rating
(with a Fisher-z 95% interval), three-class accuracy and weighted F1.

Class mapping (documented because it moves F1 by about ±0.01):
- human: mean rating > 0 -> positive, < 0 -> negative, exactly 0 -> neutral (244 sentences).
  This is the mapping that reproduces the published VADER F1 (0.55); a ±0.05 band on the human
  mean gives 0.54.
- engines: score >= 0.05 positive, <= -0.05 negative, otherwise neutral (VADER's documented
  thresholds, applied to TextBlob polarity too so the engines are compared alike).

Published reference for VADER on this set: r = 0.492, F1 = 0.55 (Hutto & Gilbert 2014, Table 3).

>>> "nytEditorialSnippets_GroundTruth.txt" in NYT_MEMBER
True
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pandas as pd

from newsprism.core import paths, stats
from newsprism.core.validate import VALIDATION_COLUMNS
from newsprism.sentiment.engines import ENGINES, SCORE_COLUMN, score_sentences, three_class

SDIST_NAME = "vaderSentiment-3.3.2.tar.gz"
SDIST_DIR = paths.EXTERNAL_CACHE / "vader_sdist"
INNER_ARCHIVE = "additional_resources/hutto_ICWSM_2014.tar.gz"
NYT_MEMBER = "hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt"
DATASET = "VADER NYT editorial sentences (Hutto & Gilbert 2014)"
REFERENCE = {("vader", "pearson_r"): "0.492 (Hutto & Gilbert 2014)",
             ("vader", "f1_weighted"): "0.55 (Hutto & Gilbert 2014)"}
VADER_R_TARGET = 0.49
COLUMNS = VALIDATION_COLUMNS  # the one validation row schema


class GoldDataUnavailable(RuntimeError):
    """The vaderSentiment source distribution could not be found or fetched."""


def fetch_sdist(directory: Path = SDIST_DIR, timeout: int = 300, download: bool = False) -> Path:
    """Path of the cached vaderSentiment sdist; with ``download``, fetch it with pip when missing.

    Fetching is a build step (``make validate``, from the package registry); analysis and report
    runs never download: without the cache they say the gold data is unavailable.
    """
    target = directory / SDIST_NAME
    if target.exists():
        return target
    if not download:
        raise GoldDataUnavailable(f"{target.name} is not cached (.cache/); `make validate` "
                                  "fetches it")  # a shared report shows no machine path
    directory.mkdir(parents=True, exist_ok=True)
    print(f"sentiment validation: fetching {SDIST_NAME} from PyPI into {directory} ...",
          file=sys.stderr)
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               "vaderSentiment==3.3.2", "-d", str(directory)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GoldDataUnavailable(f"pip download failed: {error}") from error
    if result.returncode != 0 or not target.exists():
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise GoldDataUnavailable("pip download of vaderSentiment==3.3.2 failed "
                                  f"(exit {result.returncode}): {' | '.join(tail)}")
    return target


def load_nyt(sdist: Path | None = None) -> pd.DataFrame:
    """The NYT editorial gold set (5,190 sentences).

    Columns: ``id``, ``rating`` (mean human, -4..+4), ``text`` (parsed by :func:`parse_nyt`). Nothing is downloaded here: without the cached sdist
    (``make validate`` fetches it) the gold data is unavailable.

    >>> load_nyt(fetch_sdist(Path("no-such-cache")))
    Traceback (most recent call last):
    ...
    newsprism.sentiment.validation.GoldDataUnavailable: vaderSentiment-3.3.2.tar.gz is not cached (.cache/); `make validate` fetches it
    """
    sdist = sdist or fetch_sdist()
    with tarfile.open(sdist, "r:gz") as outer:
        inner_name = next((m for m in outer.getnames() if m.endswith(INNER_ARCHIVE)), None)
        if inner_name is None:
            raise GoldDataUnavailable(f"{sdist}: no {INNER_ARCHIVE} inside")
        inner_bytes = outer.extractfile(inner_name).read()
    with tarfile.open(fileobj=io.BytesIO(inner_bytes), mode="r:gz") as inner:
        raw = inner.extractfile(NYT_MEMBER).read().decode("utf-8", errors="replace")
    return parse_nyt(raw)


def parse_nyt(raw: str) -> pd.DataFrame:
    """The NYT ground-truth file (id, mean rating, sentence; tab-separated) as a table.

    Columns: ``id`` (sentence id), ``rating`` (mean human rating, -4..+4), ``text``.

    >>> parse_nyt("1_1\\t-1.5\\tA brutal war.\\n\\n1_2\\t2.25\\tA generous gift.\\n").values.tolist()
    [['1_1', -1.5, 'A brutal war.'], ['1_2', 2.25, 'A generous gift.']]
    """
    rows = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        sentence_id, rating, text = line.split("\t", 2)
        rows.append((sentence_id, float(rating), text.strip()))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def human_class(ratings: np.ndarray | pd.Series) -> np.ndarray:
    """Sign of the mean human rating: +1, -1, or 0 when exactly 0 (see module docstring)."""
    return np.sign(np.asarray(ratings, dtype=float)).astype(int)


def score_engine(gold: pd.DataFrame, engine: str) -> dict[str, float]:
    """Pearson r (+ its Fisher-z 95% interval, ``pearson_r_interval``), three-class accuracy and
    weighted F1 of one engine on ``gold``."""
    from sklearn.metrics import accuracy_score, f1_score

    predicted = score_sentences(gold["text"].tolist(), engine)[SCORE_COLUMN[engine]].to_numpy()
    r, low, high, n = stats.pearson_ci(predicted, gold["rating"].to_numpy())
    truth, guess = human_class(gold["rating"]), three_class(predicted)
    return {"pearson_r": r, "pearson_r_interval": (low, high),
            "accuracy_3class": float(accuracy_score(truth, guess)),
            "f1_weighted": float(f1_score(truth, guess, average="weighted")), "n": n}


def _status(engine: str, metric: str, value: float, quick: bool) -> str:
    if engine == "vader" and metric == "pearson_r":
        if quick:
            return "ok (quick subsample; target checked on the full set)"
        return "pass" if value >= VADER_R_TARGET else f"FAIL (target r >= {VADER_R_TARGET})"
    return "ok"


def validate_sentiment(quick: bool = False, engines: tuple[str, ...] = ENGINES) -> pd.DataFrame:
    """Validation rows (see ``newsprism.core.validate``) for every engine on the NYT sentences.

    ``quick`` scores a seeded sample of 1,000 sentences. When the gold data cannot be fetched,
    one row per engine says so in ``status`` instead of raising.

    Columns: ``measure``, ``dataset``, ``split``, ``engine``, ``metric``, ``value`` (the
    figure: the validation schema calls its estimate ``value``), ``ci_low``, ``ci_high``,
    ``n``, ``reference``, ``status``. Metrics: ``pearson_r``, ``accuracy_3class``, ``f1_weighted``.
    NYT editorial sentences (English, opinion writing): agreement there is an upper guide
    for news text, not a measured accuracy on it.

    Usage::

        validate_sentiment(quick=True)[["engine", "metric", "value", "ci_low", "ci_high", "n"]]
    """
    try:
        gold = load_nyt()
    except (GoldDataUnavailable, OSError, tarfile.TarError, KeyError) as error:
        return pd.DataFrame([{"measure": "sentiment", "dataset": DATASET, "split": "all",
                              "engine": e, "metric": "", "value": np.nan, "n": 0,
                              "reference": "", "status": f"gold data unavailable: {error}"}
                             for e in engines], columns=COLUMNS)
    split = "all"
    if quick:
        gold = gold.sample(n=min(1000, len(gold)), random_state=0)
        split = "sample of 1000 (seed 0)"
    rows = []
    for engine in engines:
        result = score_engine(gold, engine)
        for metric in ("pearson_r", "accuracy_3class", "f1_weighted"):
            low, high = result.get(f"{metric}_interval", (np.nan, np.nan))
            rows.append({"measure": "sentiment", "dataset": DATASET, "split": split,
                         "engine": engine, "metric": metric, "value": result[metric],
                         "ci_low": low, "ci_high": high,
                         "n": result["n"], "reference": REFERENCE.get((engine, metric), ""),
                         "status": _status(engine, metric, result[metric], quick)})
    return pd.DataFrame(rows, columns=COLUMNS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the sentiment engines on NYT sentences.")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--fetch", action="store_true",
                        help="only download the gold data into the cache (a build step)")
    args = parser.parse_args(argv)
    if args.fetch:
        try:
            print(fetch_sdist(download=True))
        except GoldDataUnavailable as error:
            print(f"sentiment validation data unavailable: {error}", file=sys.stderr)
        return 0
    table = validate_sentiment(quick=args.quick)
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        print(table.drop(columns=["measure"]).to_string(index=False))
    failed = table["status"].astype(str).str.startswith(("FAIL", "gold data unavailable"))
    return 1 if failed.any() else 0


if __name__ == "__main__":
    sys.exit(main())
