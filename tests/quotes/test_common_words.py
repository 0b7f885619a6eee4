"""A capitalised common word opening a sentence or a headline is no speaker (speakers17's census:
'Virus', 'Research', 'About', 'Criticism')."""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes

# (shape, text, the first speech quotation's speaker)
CASES = [
    ("a headline's first word", "Virus hits more countries as health official warns world "
     "“not ready”\n\nThe virus spread to Italy.", None),
    ("a common noun opening a sentence",
     "Research has hinted at the possibilities. The question remaining now is “when?” The "
     "research goes on.", None),
    ("a quantifier opening a sentence", "About four in 10 voters say that a candidate must "
     "share “my values.” They say it about four times.", None),
    # kept
    ("a group noun", "Critics say the plan is “a disaster.” The critics were loud.", "Critics"),
    ("a name the article never writes in lowercase", "Obama said: “We will win this.”",
     "Obama"),
    ("an acronym", "IMF said: “We will lend.” The imf is a lender.", "IMF"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), CASES, ids=[c[0] for c in CASES])
def test_common_words(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[0].speaker == speaker
