"""Issue 18, bench/speaker_transfer.py: the folds its out-of-fold estimate rests on. Every
article is in exactly one fold, the folds are balanced and fixed by the seed, and a quotation
table split by them never puts an article's quotations on both sides of a fit."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "speaker_transfer.py"
_SPEC = importlib.util.spec_from_file_location("speaker_transfer", _PATH)
speaker_transfer = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("speaker_transfer", speaker_transfer)  # its dataclasses look it up
_SPEC.loader.exec_module(speaker_transfer)

# article names (repeats: one per quotation), folds, seed
CASES = [
    ([f"a{i}" for i in range(10)], 5, 16),
    ([f"a{i}" for i in range(7) for _ in range(i + 1)], 3, 0),  # unequal quotations per article
    ([f"pub_{i:03d}" for i in range(777)], 5, 16),  # PolNeAR train's article count
    (["x", "y", "z", "x", "y"], 2, 1),
]


@pytest.mark.parametrize(("names", "n_folds", "seed"), CASES)
def test_every_article_in_one_fold_and_folds_balanced(names, n_folds, seed):
    folds = speaker_transfer.assign_folds(names, n_folds=n_folds, seed=seed)
    assert set(folds) == set(names)
    sizes = pd.Series(folds).value_counts()
    assert set(sizes.index) == set(range(n_folds))
    assert sizes.max() - sizes.min() <= 1


@pytest.mark.parametrize(("names", "n_folds", "seed"), CASES)
def test_no_article_on_both_sides_of_a_split(names, n_folds, seed):
    folds = speaker_transfer.assign_folds(names, n_folds=n_folds, seed=seed)
    table = pd.DataFrame({"article": names}).assign(fold=lambda d: d["article"].map(folds))
    assert table.groupby("article")["fold"].nunique().max() == 1
    for fold in range(n_folds):
        held = set(table.loc[table["fold"] == fold, "article"])
        fitted = set(table.loc[table["fold"] != fold, "article"])
        assert held and not held & fitted


@pytest.mark.parametrize(("names", "n_folds", "seed"), CASES)
def test_folds_fixed_by_the_seed_not_the_order(names, n_folds, seed):
    folds = speaker_transfer.assign_folds(names, n_folds=n_folds, seed=seed)
    assert speaker_transfer.assign_folds(list(reversed(names)), n_folds, seed) == folds
