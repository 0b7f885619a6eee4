"""Hedges and boosters: the codebook's sense rules and who a marker belongs to."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare.hedging import classify_marker, find_hedges, hedging_rates

# (sentence, marker, expected voice, expected rule)
CASES = [
    ("Kim expressed confidence that the alliance would continue to thrive.", "would",
     "excluded", "indirect_would"),
    ("He emphasized that their ties would play a vital role.", "would", "excluded",
     "indirect_would"),
    ("The sanctions would hurt the economy.", "would", "author", ""),
    ("It challenges the international norms established after World War II.", "established",
     "excluded", "needs_claim"),
    ("The inquiry established that the letter was genuine.", "established", "author", ""),
    ("Kim has appeared with striking frequency.", "appeared", "excluded", "literal_appear"),
    ("Both leaders appear determined to act.", "appear", "author", ""),
    ("That is the true currency of this relationship.", "true", "excluded",
     "attributive_true"),
    ("Analysts believe the ties will deepen.", "believe", "reported", "reporting_verb"),
    ("I believe the ties will deepen.", "believe", "author", ""),
    ("This suggests the ties will deepen.", "suggests", "author", ""),
    ("Experts warn that the exchanges could enhance its arsenal.", "could", "reported",
     "reported_clause"),
    ("He said that the ties matter, a point often made by officials.", "often", "author", ""),
    ("According to the NIS, Pyongyang has reportedly sent troops.", "reportedly", "author", ""),
    ("According to the NIS, Pyongyang sent around 15,000 troops.", "around", "reported",
     "reported_clause"),
    ("The move may embolden Moscow.", "may", "author", ""),
]


@pytest.mark.parametrize(("sentence", "marker", "voice", "rule"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_classify_marker(sentence, marker, voice, rule):
    start = sentence.index(marker)
    assert classify_marker(sentence, start, start + len(marker)) == (voice, rule)


def _articles(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "outlet": ["A"] * len(texts), "text": list(texts)})


def test_reported_and_excluded_markers_leave_the_author_rate():
    text = ("Kim expressed confidence that the alliance would continue. Analysts believe it may "
            "last. The norms established after the war hold. The deal may fail.")
    everything = find_hedges(_articles(text), voice="all")
    assert set(everything["voice"]) == {"author", "reported"}
    assert "would" not in set(everything["marker"])          # not epistemic: never counted
    assert "established" not in set(everything["marker"])
    author = find_hedges(_articles(text))
    assert author["sentence"].tolist() == ["The deal may fail."]
    rates = hedging_rates(_articles(text))
    assert rates.loc[rates["kind"] == "hedge", "count"].iloc[0] == 1


def test_quoted_markers_are_the_speakers():
    table = find_hedges(_articles('He said: "We may win." It may rain.'), voice="all")
    assert table[["marker", "voice"]].values.tolist() == [["may", "quoted"], ["may", "author"]]
