"""Issue 20 experiment (clean11): topical fit, does a line share the words of the page's body.

Usage: ``.venv/bin/python bench/clean_topical_fit.py``. Tuning part of pagetext only, site
folds only (the held-back part is never read).

Prints the shipped cleaner's site-fold figures (line model and body-region decoder, every page
scored by models that never saw its site, thresholds and decoder chosen as
``python -m newsprism.corpus.clean_fit`` chooses them), the reference for the bar.
"""

from __future__ import annotations

import sys
import time

from newsprism.corpus import clean_fit, clean_validation

LEVELS = (("default", clean_fit.KEEP_TARGET), ("strict", clean_fit.KEEP_TARGET_STRICT))


def site_fold_figures(rows: list[dict], scores: list) -> dict:
    """Thresholds, the model alone and with the decoder, per level, on out-of-fold scores."""
    thresholds = {level: clean_fit._threshold(rows, scores, target, level)
                  for level, target in LEVELS}
    thresholds["strict"] = min(thresholds["strict"], thresholds["default"])
    found = {}
    for level, _ in LEVELS:
        kept, removed = clean_fit.keep_and_remove_rates(rows, scores, thresholds[level], level)
        found[level] = {"threshold": thresholds[level], "model_kept": round(kept, 4),
                        "model_removed": round(removed, 4),
                        "region": clean_fit.fit_region(rows, scores, thresholds[level], level)}
    return found


def main() -> int:
    start = time.time()
    pages = clean_validation.load_pagetext("tuning")
    if not pages:
        print("pagetext not found", file=sys.stderr)
        return 1
    rows = clean_fit.page_rows(pages)
    first = clean_fit.out_of_fold_scores(rows)
    shipped = site_fold_figures(rows, clean_fit.out_of_fold_context_scores(rows, first))
    print("shipped", shipped, f"({time.time() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
