"""Are the saved validation figures those of the models and codebooks that ship now?

``make validate`` records, per measure, a fingerprint of what it scored: the SHA-256 of every
shipped model, codebook and lexicon file (:data:`FINGERPRINT_ROOTS`) and the newsprism version.
Whatever quotes a saved figure (the methods appendix, validity captions, the report command)
compares it with the files of this run (``newsprism.core.validate.stale_note``): a measure whose files or version changed since is
*stale*, one saved without a fingerprint (by an older newsprism) *unverified*, one with no
saved figures *missing*.

>>> from newsprism.core.validation_freshness import STALE, MISSING, CURRENT, UNVERIFIED
>>> sorted([STALE, MISSING, CURRENT, UNVERIFIED])
['current', 'missing', 'stale', 'unverified']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from newsprism import __version__
from newsprism.core import paths

# The data files a validator scores: fitted models, codebooks, lexicons, the Punkt parameters.
FINGERPRINT_ROOTS: dict[str, Path] = {"data": paths.PACKAGE_DATA, "nltk_data": paths.NLTK_DATA}
FINGERPRINT_FILE = "fingerprint.json"  # in the results folder, one entry per measure
CURRENT, STALE, UNVERIFIED, MISSING = "current", "stale", "unverified", "missing"
REFRESH = "run `make validate` to refresh them"


def fingerprint() -> dict:
    """``{"version": newsprism version, "files": {"<root>/<relative path>": sha256}}`` of the
    shipped data files (caches and bytecode left out)."""
    from newsprism.core.provenance import sha256_file

    files = {}
    for name, root in FINGERPRINT_ROOTS.items():
        for file in (paths.files_inside(root) if root.is_dir() else []):
            relative = file.relative_to(root)
            if "__pycache__" not in relative.parts:
                files[f"{name}/{relative.as_posix()}"] = sha256_file(file)
    return {"version": __version__, "files": files}


def _saved(results_dir: Path) -> dict:
    try:
        saved = json.loads((results_dir / FINGERPRINT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def record(measure: str, print_: dict, results_dir: Path) -> None:
    """Save ``print_`` (a :func:`fingerprint`) as the one ``measure``'s results were made from."""
    saved = _saved(results_dir)
    saved[measure] = print_
    (results_dir / FINGERPRINT_FILE).write_text(json.dumps(saved, indent=1, sort_keys=True)
                                                + "\n", encoding="utf-8")


def changes(old: dict, new: dict) -> list[str]:
    """What differs between two fingerprints: the version, then each changed, added or
    removed file.

    >>> changes({"version": "1", "files": {"a": "x", "b": "y"}},
    ...         {"version": "2", "files": {"a": "z", "c": "y"}})
    ['newsprism version 1 -> 2', 'a (changed)', 'b (removed)', 'c (added)']
    """
    found = ([f"newsprism version {old.get('version')} -> {new.get('version')}"]
             if old.get("version") != new.get("version") else [])
    before, after = old.get("files", {}), new.get("files", {})
    for name in sorted(set(before) | set(after)):
        if name not in after:
            found.append(f"{name} (removed)")
        elif name not in before:
            found.append(f"{name} (added)")
        elif before[name] != after[name]:
            found.append(f"{name} (changed)")
    return found


def freshness(measures: Iterable[str], results_dir: Path) -> dict[str, tuple]:
    """``{measure: (state, changes)}`` of the figures saved in ``results_dir``: :data:`CURRENT`,
    :data:`STALE` (with what changed since its figures were saved), :data:`UNVERIFIED`
    (figures saved without a fingerprint) or :data:`MISSING` (no saved figures).
    ``newsprism.core.validate.freshness`` reads its results folder."""
    results_dir = Path(results_dir)
    saved, now, states = _saved(results_dir), None, {}
    for measure in measures:
        if not (results_dir / f"{measure}.csv").is_file():
            states[measure] = (MISSING, [])
            continue
        if measure not in saved:
            states[measure] = (UNVERIFIED, [])
            continue
        now = now or fingerprint()
        changed = changes(saved[measure], now)
        states[measure] = (STALE, changed) if changed else (CURRENT, [])
    return states


def note(states: dict[str, tuple], show_missing: bool = True) -> str:
    """One plain sentence per problem, empty when every measure's saved figures are current.

    >>> note({"quotes": ("stale", ["data/quote_classifier.json (changed)"]),
    ...       "frames": ("missing", []), "sentences": ("current", [])})
    'The saved validation figures of quotes are STALE (changed since they were saved: \
data/quote_classifier.json (changed)); run `make validate` to refresh them. No saved validation \
figures for frames (a quick run or none is shown instead); run `make validate` to save them.'
    """
    stale = {m: c for m, (state, c) in states.items() if state == STALE}
    missing = [m for m, (state, _) in states.items() if state == MISSING]
    unverified = [m for m, (state, _) in states.items() if state == UNVERIFIED]
    parts = []
    if stale:
        changed = sorted({c for found in stale.values() for c in found})
        shown = "; ".join(changed[:4]) + (f"; and {len(changed) - 4} more" if len(changed) > 4
                                          else "")
        parts.append(f"The saved validation figures of {', '.join(stale)} are STALE (changed "
                     f"since they were saved: {shown}); {REFRESH}.")
    if unverified:
        parts.append(f"The saved validation figures of {', '.join(unverified)} carry no "
                     "fingerprint of the model and codebook files they scored (saved by an older "
                     f"newsprism), so they may be STALE; {REFRESH}.")
    if missing and show_missing:
        parts.append(f"No saved validation figures for {', '.join(missing)} (a quick run or "
                     "none is shown instead); run `make validate` to save them.")
    return " ".join(parts)
