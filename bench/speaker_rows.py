"""Dump PolNeAR train speaker rows (one per prediction or miss) for before/after comparison of
attribution changes (issue 18). Train only: dev is never read here.

    python bench/speaker_rows.py OUT.pkl
    python bench/speaker_rows.py --diff BEFORE.pkl AFTER.pkl [--csv changed.csv]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from newsprism.quotes.validation import quote_predictions, score

_KEY = ["article", "pred_start", "pred_end"]
_SHOW = ["speaker", "speaker_surface", "rule", "speaker_ok", "speaker_ok_strict"]


def diff(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Speech rows matched to a gold quote with a Source whose speaker changed."""
    def speech(rows):
        return rows[(rows["kind"] == "speech") & rows["matched"] & rows["has_gold_source"]]
    merged = speech(before).merge(speech(after), on=_KEY, suffixes=("_before", "_after"))
    changed = merged["speaker_before"].fillna("") != merged["speaker_after"].fillna("")
    cols = _KEY + ["gold_source_before"] + [f"{c}_{s}" for c in _SHOW for s in ("before", "after")]
    return merged.loc[changed, cols]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("--csv")
    args = parser.parse_args()
    if args.diff:
        before, after = (pd.read_pickle(p) for p in args.paths)
        for name, rows in (("before", before), ("after", after)):
            print(name, {k: round(v, 4) if isinstance(v, float) else v
                         for k, v in score(rows).items()})
        changed = diff(before, after)
        print("changed speakers:", len(changed))
        for s in ("before", "after"):
            print(s, "lenient right:", int(changed[f"speaker_ok_{s}"].sum()),
                  "strict right:", int(changed[f"speaker_ok_strict_{s}"].sum()))
        if args.csv:
            changed.to_csv(args.csv, index=False)
        return
    t0 = time.perf_counter()
    rows = quote_predictions("train")
    rows.to_pickle(args.paths[0])
    print({k: round(v, 4) if isinstance(v, float) else v for k, v in score(rows).items()})
    print(f"{time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
