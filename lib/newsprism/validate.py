"""Validity checks of every measure against gold data, run by ``make validate``.

Each analysis module provides a validator ``fn(quick: bool = False) -> pd.DataFrame`` with the
columns in ``VALIDATION_COLUMNS`` (one row per metric). A validator whose gold data is absent
returns rows whose ``status`` says so instead of raising. Results are written to
``outputs/validation/<measure>.csv`` so the report's methods appendix can show them.

>>> from newsprism.validate import VALIDATORS
>>> "quotes" in VALIDATORS
True
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

import pandas as pd

from newsprism import paths

VALIDATION_COLUMNS = ["measure", "dataset", "split", "engine", "metric", "value", "n", "reference", "status"]

# measure -> "module:function"
VALIDATORS: dict[str, str] = {
    "sentences": "newsprism.text_validation:validate_sentences",
    "sentiment": "newsprism.sentiment_validation:validate_sentiment",
    "actor_tone": "newsprism.tone_validation:validate_actor_tone",
    "quotes": "newsprism.quotes_validation:validate_quotes",
    "frames": "newsprism.framing_validation:validate_frames",
}

RESULTS_DIR = paths.OUTPUTS / "validation"


def run_validator(measure: str, quick: bool = False) -> pd.DataFrame:
    module_name, function_name = VALIDATORS[measure].split(":")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as error:
        return pd.DataFrame([{"measure": measure, "metric": "", "status": f"not available: {error}"}],
                            columns=VALIDATION_COLUMNS)
    table = function(quick=quick)
    return table.reindex(columns=VALIDATION_COLUMNS)


def load_results() -> pd.DataFrame:
    """The latest saved validation results (empty table when ``make validate`` never ran)."""
    files = sorted(RESULTS_DIR.glob("*.csv"))
    if not files:
        return pd.DataFrame(columns=VALIDATION_COLUMNS)
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate every measure against gold data.")
    parser.add_argument("measures", nargs="*", default=list(VALIDATORS))
    parser.add_argument("--quick", action="store_true", help="subsample large gold sets")
    args = parser.parse_args(argv)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_rows", 200):
        for measure in args.measures:
            started = time.perf_counter()
            table = run_validator(measure, quick=args.quick)
            table.to_csv(RESULTS_DIR / f"{measure}.csv", index=False)
            print(f"\n== {measure} ({time.perf_counter() - started:.1f} s)")
            print(table.drop(columns=["measure"]).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
