"""Before/after comparisons (newsprism.time.before_after)."""

import doctest

import numpy as np
import pandas as pd
import pytest
from newsprism.core import stats
from newsprism.time import before_after


def test_doctests():
    assert doctest.testmod(before_after).failed == 0


def _dates(n_before, n_after, outlet="X"):
    days = [f"2026-01-{1 + i:02d}" for i in range(n_before)] + \
           [f"2026-02-{1 + i:02d}" for i in range(n_after)]
    return pd.DataFrame({"article_id": [f"{outlet}{i}" for i in range(len(days))],
                         "outlet": outlet, "date": pd.to_datetime(days, utc=True)})


def test_tone_change_detects_a_real_shift_and_not_noise():
    rng = np.random.default_rng(1)
    dates = _dates(20, 20)
    shift = [-0.4 if d.month == 2 else 0.0 for d in dates["date"]]
    sentences = pd.DataFrame([(a, s + rng.normal(0, 0.1)) for a, s in
                              zip(dates["article_id"], shift, strict=True) for _ in range(5)],
                             columns=["article_id", "score"])
    row = before_after.tone_change(sentences, dates, "2026-01-25", n_boot=500).iloc[0]
    assert row["estimate"] < -0.3 and row["ci_high"] < 0 and row["p_value"] < 0.001
    assert row["effect_size"] < -1
    flat = sentences.assign(score=rng.normal(0, 0.1, len(sentences)))
    row = before_after.tone_change(flat, dates, "2026-01-25", n_boot=500).iloc[0]
    assert row["ci_low"] < 0 < row["ci_high"]


def test_too_few_articles_gives_no_test():
    dates = _dates(1, 3)
    sentences = pd.DataFrame({"article_id": dates["article_id"], "score": [0.1, 0.2, 0.3, 0.4]})
    row = before_after.tone_change(sentences, dates, "2026-01-25").iloc[0]
    assert np.isnan(row["p_value"]) and np.isnan(row["ci_low"]) and row["n_before"] == 1


@pytest.mark.parametrize("k1, n1, k0, n0", [(8, 10, 2, 10), (0, 5, 5, 5), (3, 30, 3, 30)])
def test_newcombe_interval_contains_the_difference(k1, n1, k0, n0):
    low, high = before_after.newcombe_diff_ci(k1, n1, k0, n0)
    assert -1 <= low <= k1 / n1 - k0 / n0 <= high <= 1


def test_frame_and_speaker_change_count_articles_and_quotations():
    dates = _dates(10, 10)
    presence = pd.DataFrame({"article_id": dates["article_id"], "frame": "war",
                             "present": [False] * 10 + [True] * 10})
    row = before_after.frame_change(presence, dates, "2026-01-25").iloc[0]
    assert (row["before"], row["after"], row["n_before"], row["n_after"]) == (0.0, 1.0, 10, 10)
    assert row["p_value"] < 0.001 and row["ci_low"] > 0
    quotes = pd.DataFrame({"article_id": list(dates["article_id"]) * 2,
                           "speaker": ["Kim"] * 20 + ["Putin"] * 10 + [None] * 10})
    table = before_after.speaker_change(quotes, dates, "2026-01-25")
    putin = table[table["item"] == "Putin"].iloc[0]
    assert (putin["n_before"], putin["n_after"]) == (20, 20)
    assert putin["before"] == 0.5 and putin["after"] == 0.0


def test_benjamini_hochberg_matches_hand_values():
    q = stats.benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5]))
    assert np.allclose(q, [0.04, 0.0533333, 0.0533333, 0.5])


def _speaker_quotes(dates, before_hits, after_hits, per_article=10):
    """``per_article`` speech quotations per article; the first ones go to "Blackwell" as
    listed (article index -> hits), the rest to "Other"."""
    hits = {**before_hits, **after_hits}
    rows = []
    for i, article_id in enumerate(dates["article_id"]):
        k = hits.get(i, 0)
        rows += [(article_id, "Blackwell")] * k + [(article_id, "Other")] * (per_article - k)
    return pd.DataFrame(rows, columns=["article_id", "speaker"])


# PolNeAR train: "Breitbart: share of speech quotations given to Morton Blackwell fell from
# 0.04 to 0.00 (q = 0.0006)": 22 quotations in two articles, tested as 22 independent ones.
@pytest.mark.parametrize("before_hits, clear", [
    ({0: 10, 1: 10}, False),                        # every quotation in two articles
    ({i: 2 for i in range(20)}, True),              # spread over all 20 articles before
])
def test_speaker_change_resamples_articles_not_quotations(before_hits, clear):
    dates = _dates(20, 20)
    quotes = _speaker_quotes(dates, before_hits, {})
    table = before_after.speaker_change(quotes, dates, "2026-01-25", n_boot=1000)
    row = table[table["item"] == "Blackwell"].iloc[0]
    assert row["after"] == 0.0 and row["before"] > 0
    assert (row["ci_high"] < 0 and row["p_value"] < 0.01) == clear


def test_speaker_change_needs_two_articles_on_each_side():
    dates = _dates(1, 5)
    quotes = _speaker_quotes(dates, {0: 5}, {})
    row = before_after.speaker_change(quotes, dates, "2026-01-25").iloc[0]
    assert np.isnan(row["p_value"]) and np.isnan(row["ci_low"])


# Five outlets of 3 articles each over a month: 50's before/after compared tone from 2
# article means per side, a bootstrap over 3 distinct resamples, as if it were a test.
@pytest.mark.parametrize("per_side, tested", [(2, False), (4, False), (5, True)])
def test_tone_change_needs_the_minimum_articles_on_each_side(per_side, tested):
    from newsprism.time.before_after import tone_change

    ids = [f"a{i}" for i in range(2 * per_side)]
    days = [f"2026-01-0{1 + i % 3}" for i in range(per_side)] + \
        [f"2026-01-1{1 + i % 3}" for i in range(per_side)]
    dates = pd.DataFrame({"article_id": ids, "outlet": "X",
                          "date": pd.to_datetime(days, utc=True)})
    scores = [0.1 + 0.05 * (i % 3) for i in range(per_side)] + \
        [-0.4 - 0.05 * (i % 3) for i in range(per_side)]
    sentences = pd.DataFrame({"article_id": ids, "score": scores})
    row = tone_change(sentences, dates, "2026-01-08").iloc[0]
    assert row["estimate"] < 0 and (int(row["n_before"]), int(row["n_after"])) == (per_side,
                                                                                    per_side)
    assert pd.notna(row["p_value"]) == tested and pd.notna(row["ci_low"]) == tested


# 324 PolNeAR train articles, 3 dated only from their text: one whose text mentions 2002 was
# counted "before" the split of 2016-03-21; and a text may mention a coming date (PolNeAR
# train: 34 of 164 text dates fall after publication), so no side is known from a text date.
@pytest.mark.parametrize("day, basis, side", [
    ("2026-01-03", "published", "before"),
    ("2026-01-07", "published", "after"),
    ("2026-01-03", "text", None),        # may have been published after the split
    ("2026-01-07", "text", None),        # may have been published before the split
    ("2026-01-05", "text", None),
    (None, "undated", None),
])
def test_an_article_dated_from_its_text_is_set_on_no_side_of_the_split(day, basis, side):
    dates = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                          "date": pd.to_datetime([day], utc=True), "date_basis": [basis]})
    windows = before_after.split_windows(dates, "2026-01-05")
    assert windows.get("a") == side
    frames = before_after.frame_change(
        pd.DataFrame({"article_id": ["a"], "frame": ["conflict"], "present": [True]}), dates,
        "2026-01-05")
    counted = int(frames[["n_before", "n_after"]].sum(axis=1).sum()) if len(frames) else 0
    assert counted == (side is not None)
