"""The learning-curve machinery of ``bench/clean_learning_curve.py`` on synthetic pages: a
subset fit never sees a held-out site, and the curve fit recovers known curves."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from newsprism.corpus import clean_fit, clean_validation

BENCH = Path(__file__).resolve().parents[2] / "bench" / "clean_learning_curve.py"
_spec = importlib.util.spec_from_file_location("clean_learning_curve", BENCH)
curve = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(curve)

MENU = ["Home", "News", "Login", "Share on Facebook", "Newsletter"]
FOOTER = ["Copyright 2024 all rights reserved", "Privacy policy", "Contact us"]


def _page(k: int) -> dict:
    body = [f"Sentence {j} of article {k} tells the reader what happened in the town today."
            for j in range(6)]
    text = "\n".join(MENU + body + FOOTER)
    return {"page_id": f"p{k}", "site": f"site{k}.example", "text": text,
            "keep": body[::2], "remove": MENU[:3] + FOOTER[:2]}


@pytest.fixture(scope="module")
def rows():
    return clean_fit.page_rows([_page(k) for k in range(20)])


@pytest.mark.parametrize(("share", "seed", "n_sites"),
                         [(0.25, 0, 4), (0.25, 1, 4), (0.5, 2, 8), (1.0, 0, 16)])
def test_subset_takes_a_share_of_training_sites_only(rows, share, seed, n_sites):
    for train, held in curve.site_folds(rows):
        chosen = curve.subset(rows, train, share, seed)
        sites = {rows[i]["page"]["site"] for i in chosen}
        assert len(sites) == n_sites
        assert not sites & {rows[i]["page"]["site"] for i in held}


def test_subsets_differ_by_seed(rows):
    train = curve.site_folds(rows)[0][0]
    assert set(curve.subset(rows, train, 0.5, 0)) != set(curve.subset(rows, train, 0.5, 1))


@pytest.mark.parametrize(("form", "truth", "key", "expected"), [
    ("log", lambda n: 0.2 + 0.05 * np.log(n), "log_b", 0.05),
    ("log", lambda n: 0.2 + 0.05 * np.log(n), "log_n", float(np.exp(0.6 / 0.05))),
    ("saturating", lambda n: 0.9 - 2.0 * n ** -0.5, "sat_c", 0.9),
    ("saturating", lambda n: 0.9 - 2.0 * n ** -0.5, "sat_n", 400.0),
    ("saturating", lambda n: 0.7 - 2.0 * n ** -0.5, "sat_n", None),
])
def test_curve_fit_recovers_known_curves(form, truth, key, expected):
    x = np.array([60.0, 120.0, 240.0, 360.0, 480.0])
    found = curve.pages_needed(x, truth(x))
    if expected is None:
        assert found[key] is None
    else:
        assert found[key] == pytest.approx(expected, rel=0.02), form


def test_run_point_scores_every_page_out_of_fold(rows):
    point = curve.run_point(rows, curve.site_folds(rows), 0.5, 0)
    assert point["n_sites"] == 8
    for key in ("default/model", "default/region", "strict/model", "strict/region"):
        removed, kept = point[key]
        assert 0.0 <= removed <= 1.0 and 0.0 <= kept <= 1.0
    assert point["auc"] > 0.5  # menu and footer lines are told from the prose
    assert point[curve.FOLD_ORACLE][1] >= 0.995  # each fold's own threshold keeps 99.5%


def test_span_only_removes_everything_outside_the_gold_span(rows):
    found = curve.span_only(rows)["all"]
    assert found == [1.0, 1.0]


@pytest.mark.parametrize("target", [0.5, 0.9, 0.995, 1.0])
@pytest.mark.parametrize("level", ["default", "strict"])
def test_lowest_threshold_is_the_fits_scan(rows, target, level):
    # the benchmarks' bisection must choose what clean_fit's own scan chooses
    rng = np.random.default_rng(0)
    scores = [rng.uniform(0.3, 1.0, len(row["lines"])) for row in rows]
    assert clean_fit.lowest_threshold(rows, scores, target, level) == \
        clean_fit._threshold(rows, scores, target, level)


def test_pooled_counts_cut_the_removed_lines(rows):
    menu = [set(range(len(MENU))) for _ in rows]
    found = clean_validation.pooled_counts(rows, menu)
    assert found["removed"] == 3 * len(rows) and found["kept"] == found["n_keep"] == 3 * len(rows)
    assert clean_validation.pooled_counts(rows, [set() for _ in rows])["removed"] == 0
