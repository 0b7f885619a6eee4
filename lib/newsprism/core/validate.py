"""Validity checks of every measure against gold data, run by ``make validate``.

Each analysis module provides a validator ``fn(quick: bool = False) -> pd.DataFrame`` with the
columns in ``VALIDATION_COLUMNS`` (one row per metric). A validator whose gold data is absent
returns rows whose ``status`` says so instead of raising. Results are written to
``outputs/validation/<measure>.csv`` so the report's methods appendix can show them, with the
fingerprint of the model and codebook files they scored (``core.validation_freshness``: a report
says when the files changed since).

Results are cached by their inputs: ``--if-changed`` (what ``make report`` runs) re-validates
only when the key of :func:`inputs_key` differs from the one saved with the results; the key
hashes the gold data (test splits never read), the library code and its data files, the
codebooks, the key package versions, the measures and ``--quick``.

>>> from newsprism.core.validate import VALIDATORS
>>> "quotes" in VALIDATORS
True
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newsprism.core import paths, validation_freshness

# One row per metric; ``value`` is the estimate, ``ci_low``/``ci_high`` its 95% interval where
# the validator gives one (empty otherwise), ``n`` the units it rests on.
VALIDATION_COLUMNS = ["measure", "dataset", "split", "engine", "metric", "value", "ci_low",
                      "ci_high", "n", "reference", "status"]

# measure -> "module:function"
VALIDATORS: dict[str, str] = {
    "sentences": "newsprism.corpus.text_validation:validate_sentences",
    "sentiment": "newsprism.sentiment.validation:validate_sentiment",
    "actor_tone": "newsprism.sentiment.tone_validation:validate_actor_tone",
    "quotes": "newsprism.quotes.validation:validate_quotes",
    "frames": "newsprism.framing.validation:validate_frames",
    "cleaning": "newsprism.corpus.clean_validation:validate_cleaning",
    "frame_presence": "newsprism.framing.fit:validate_frame_presence",
}

RESULTS_DIR = paths.OUTPUTS / "validation"
INPUTS_FILE = ".inputs.json"  # in RESULTS_DIR: the key the saved results were made from


def input_roots() -> dict[str, list[Path]]:
    """The folders whose files a validation result depends on, by kind."""
    return {
        "gold": [paths.SHARED / "datasets", paths.GOLD, paths.EXTERNAL_CACHE],
        "library": [paths.PACKAGE],
        "codebooks": [paths.CODEBOOKS],
    }


def _is_test_split(path: Path) -> bool:
    """Test splits are never read, not even to hash them."""
    return any(part.lower().startswith("test") and part != "tests" for part in path.parts)


def _input_files(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if (path.is_file() and not _is_test_split(relative)
                and "__pycache__" not in relative.parts and path.suffix != ".pyc"):
            yield path


def inputs_key(measures: Iterable[str], quick: bool = False) -> str:
    """SHA-256 of everything a validation run depends on (see :func:`input_roots`).

    >>> inputs_key(["sentences"]) == inputs_key(["sentences"]) != inputs_key(["quotes"])
    True
    """
    from newsprism.core.provenance import package_versions, sha256_file

    digest = hashlib.sha256(json.dumps({"measures": sorted(measures), "quick": bool(quick),
                                        "packages": package_versions()}).encode())
    for kind, roots in input_roots().items():
        for root in roots:
            for file in (_input_files(root) if root.exists() else ()):
                name = f"{kind}:{file.relative_to(root).as_posix()}"
                digest.update(f"{name}\0{sha256_file(file)}\n".encode())
    return digest.hexdigest()


def results_are_current(measures: Iterable[str], quick: bool, key: str,
                        results_dir: Path | None = None) -> bool:
    """True when every measure's results were saved from inputs with this ``key`` and carry
    the fingerprint of the data files they scored (results saved without one are made again,
    so the report can tell current figures from stale ones)."""
    results_dir = results_dir or RESULTS_DIR
    try:
        saved = json.loads((results_dir / INPUTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    states = validation_freshness.freshness(measures, results_dir)
    return saved.get("key") == key and all(
        state == validation_freshness.CURRENT for state, _ in states.values())


def freshness(measures: Iterable[str]) -> dict[str, tuple]:
    """Whether each measure's saved results were made from the model and codebook files that
    ship now (:func:`newsprism.core.validation_freshness.freshness` of :data:`RESULTS_DIR`)."""
    return validation_freshness.freshness(measures, RESULTS_DIR)


def stale_note(measures: Iterable[str], show_missing: bool = False) -> str:
    """The sentence a caption quoting saved figures of ``measures`` appends: they are stale
    (or unverified, or with ``show_missing`` not saved) and how to refresh them; "" when
    current (:func:`newsprism.core.validation_freshness.note`)."""
    return validation_freshness.note(freshness(measures), show_missing=show_missing)


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
    parser.add_argument("--if-changed", action="store_true",
                        help="skip when the saved results were made from the same inputs "
                             "(gold data, library code, codebooks, package versions)")
    args = parser.parse_args(argv)
    key = inputs_key(args.measures, args.quick)
    if args.if_changed and results_are_current(args.measures, args.quick, key):
        print(f"validation results are up to date (inputs unchanged, key {key[:12]}); "
              f"{RESULTS_DIR}")
        return 0
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / INPUTS_FILE).unlink(missing_ok=True)  # a run cut short leaves no key
    scored = validation_freshness.fingerprint()  # the model and codebook files being scored
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_rows", 200):
        for measure in args.measures:
            started = time.perf_counter()
            table = run_validator(measure, quick=args.quick)
            table.to_csv(RESULTS_DIR / f"{measure}.csv", index=False)
            validation_freshness.record(measure, scored, RESULTS_DIR)
            print(f"\n== {measure} ({time.perf_counter() - started:.1f} s)")
            print(table.drop(columns=["measure"]).to_string(index=False))
    (RESULTS_DIR / INPUTS_FILE).write_text(json.dumps(
        {"key": key, "measures": sorted(args.measures), "quick": args.quick}) + "\n",
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
