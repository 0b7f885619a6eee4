"""Body-region decoder: which lines lie outside the article body, and what stays in doubt."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus import clean_region
from newsprism.corpus.clean import clean_text, region_removals
from newsprism.corpus.clean_lines import effective_lengths, load_model

ONE_BLOCK = {"bias": 0.0, "switch_cost": 300.0}
FEW_BLOCKS = {"bias": 0.0, "switch_cost": 5.0}

# (lengths, furniture scores, region parameters, expected body states)
CASES = [
    # menu, body, footer
    ([5, 6, 120, 130, 110, 7, 5], [0.99, 0.98, 0.1, 0.2, 0.1, 0.97, 0.99],
     {"bias": 0.0, "switch_cost": 20.0},
     [0, 0, 1, 1, 1, 0, 0]),
    # a short furniture line inside the body stays in the body (leaving costs two switches)
    ([5, 120, 4, 130, 5], [0.99, 0.1, 0.9, 0.1, 0.99], FEW_BLOCKS, [0, 1, 1, 1, 0]),
    # a long run of furniture between two body blocks: two blocks when switching is cheap...
    ([120, *[30] * 6, 130], [0.1, *[0.99] * 6, 0.1], FEW_BLOCKS, [1, 0, 0, 0, 0, 0, 0, 1]),
    # ... one block (the larger) when it is dear
    ([200, *[30] * 6, 130], [0.1, *[0.99] * 6, 0.1], ONE_BLOCK, [1, 0, 0, 0, 0, 0, 0, 0]),
    # a positive bias lets lines the model doubts into the body
    ([50, 120, 50], [0.8, 0.1, 0.8], {"bias": 2.0, "switch_cost": 10.0}, [1, 1, 1]),
    # nothing body-like: no body
    ([10, 10, 10], [0.99, 0.99, 0.99], FEW_BLOCKS, [0, 0, 0]),
]


@pytest.mark.parametrize(("lengths", "scores", "region", "expected"), CASES)
def test_body_states(lengths, scores, region, expected):
    states = clean_region.body_states(lengths, scores, region)
    assert states.astype(int).tolist() == expected


def _brute_force_best(gains: list[float], cost: float) -> float:
    best = -np.inf
    for mask in range(2 ** len(gains)):
        states = [(mask >> i) & 1 for i in range(len(gains))]
        total = sum(g for g, s in zip(gains, states, strict=True) if s)
        total -= cost * sum(a != b for a, b in zip(states[:-1], states[1:], strict=True))
        best = max(best, total)
    return best


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 300), st.floats(0.01, 0.99)), min_size=1, max_size=9),
       st.floats(-3, 3), st.floats(0, 200))
def test_viterbi_path_is_the_best_path(lines, bias, cost):
    lengths, scores = [n for n, _ in lines], [s for _, s in lines]
    region = {"bias": bias, "switch_cost": cost}
    states = clean_region.body_states(lengths, scores, region)
    gains = (np.minimum(lengths, clean_region.LENGTH_CAP)
             * (clean_region.body_log_odds(scores) + bias)).tolist()
    found = sum(g for g, s in zip(gains, states, strict=True) if s) - cost * int(
        np.sum(states[1:] != states[:-1]))
    assert found == pytest.approx(_brute_force_best(gains, cost), abs=1e-6)


def test_no_body_removes_nothing_and_body_like_lines_outside_stay_in_doubt():
    assert clean_region.outside_body([10, 10], [0.99, 0.99], FEW_BLOCKS) == ([], {})
    lengths = [40, 100, 100, 200, 200]
    removed, doubts = clean_region.outside_body(lengths, [0.4, 0.99, 0.99, 0.0, 0.0],
                                                {"bias": 0.0, "switch_cost": 20.0})
    # line 0 is outside the body (too short to pay for leaving it) but scored body-like
    assert removed == [1, 2] and list(doubts) == [0] and "outside the body" in doubts[0][1]


def test_region_removals_leave_short_texts_and_body_signs_alone():
    model = load_model()
    assert set(model["region"]) == {"default", "strict"}
    lines = ["Home", "News", "Body sentence one is long enough to count here.", "Footer"]
    assert region_removals(lines, np.array([0.99, 0.99, 0.0, 0.99]), model, "default") \
        == ([], {})
    ranked = [f"Paragraph {i} of the article says something of note, at length." for i in
              range(8)] + [f"{i}. Candidate {i}" for i in range(1, 6)]
    scores = np.array([0.01] * 8 + [0.999] * 5)
    removed, doubts = region_removals(ranked, scores, model, "default")
    assert removed == [] and all("numbered list item" in why for _, why in doubts.values())
    assert region_removals(ranked, scores, model, "strict")[0] == list(range(8, 13))


NAVIGATION = ["Home", "World", "Politics", "Business", "Sport", "Login", "Search"]
FOOTER = ["Imprint", "Privacy", "Contact", "Cookie settings", "Jobs", "Archive", "Newsletter"]
BODY = [
    "The minister said on Monday that the budget would pass after a long debate in parliament.",
    "It was the third attempt this year, and the opposition called the procedure a farce.",
    "Analysts expect the vote to be close, with several members of the coalition undecided.",
    "A final decision is due on Thursday, when the chamber meets for its last session of the year.",
]


def test_clean_text_removes_lines_outside_the_body_with_their_score(monkeypatch):
    from newsprism.corpus import clean

    # the fitted decoder only cuts runs of furniture that outweigh a dear switch (pages of
    # hundreds of lines); a cheap switch shows the rule on a short page
    model = {**load_model(), "region": {"default": {"bias": 0.0, "switch_cost": 5.0}}}
    monkeypatch.setattr(clean, "load_model", lambda: model)
    page = "\n".join(NAVIGATION + BODY + FOOTER)
    result = clean_text(page, "page", disabled_rules={"line_model"})
    assert result.text.split("\n\n") == BODY
    assert {row["removed_text"] for row in result.audit} == set(NAVIGATION + FOOTER)
    outside = [row for row in result.audit if row["rule"] == "outside_body"]
    assert outside and all(row["score"] >= clean_region.KEEP_BELOW for row in outside)
    off = clean_text(page, "page", disabled_rules={"outside_body", "line_model"})
    assert not {row["rule"] for row in off.audit} & {"outside_body", "line_model"}
    assert set(NAVIGATION[1:5]) <= set(off.text.split("\n\n"))


@pytest.mark.parametrize("n_lines", [3, 4, 5])
def test_search_engine_excerpts_are_never_emptied(n_lines):
    excerpt = ["Kim Jong Un sends letter to Putin", "2 days ago",
               "North Korea's leader wrote that ties would grow stronger in the new year.",
               "Read more", "The letter was published by KCNA on Friday."][:n_lines]
    for cleaning in ("default", "strict"):
        result = clean_text("\n".join(excerpt), "excerpt", cleaning=cleaning)
        assert "North Korea's leader wrote" in result.text
        assert not [row for row in result.audit if row["rule"] == "outside_body"]


def test_region_and_model_removals_same_with_the_callers_signs_and_lengths():
    from newsprism.corpus.clean import model_removals
    from newsprism.corpus.clean_chars import Page
    from newsprism.corpus.clean_segments import Segments
    from newsprism.corpus.clean_signs import LineSigns, sign_codes
    model = load_model()
    lines = ["Home", "News"] + [f"Paragraph {i} of the article says something, at length."
                                for i in range(8)] + [f"{i}. Candidate {i}" for i in range(1, 4)]
    scores = np.array([0.99, 0.97] + [0.01] * 8 + [0.999] * 3)
    codes = sign_codes(Page(lines), scores < model["threshold"], Segments([len(lines)])).tolist()
    lengths = effective_lengths(lines)
    for signs in (LineSigns(lines, scores, model["threshold"]),
                  LineSigns(lines, scores, model["threshold"], codes)):
        for cleaning in ("default", "strict"):
            assert region_removals(lines, scores, model, cleaning, frozenset(), signs, lengths) \
                == region_removals(lines, scores, model, cleaning)
            assert model_removals(lines, scores, model, cleaning, signs) \
                == model_removals(lines, scores, model, cleaning)
