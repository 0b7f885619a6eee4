"""A capitalised modifier of a role or group noun is no speaker of its own (speakers14's census)."""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes

# (shape, text, the last speech quotation's speaker)
EXTENDED = [
    ("an adjective before a role noun, at a sentence's start",
     "He spoke on foreign policy.\n\nForeign minister says: “It was shocking.”",
     "foreign minister"),
    ("an adjective the article never writes in lowercase keeps its capital",
     "Foreign minister says: “It was shocking.”", "Foreign minister"),
    ("two capitalised words before a group noun",
     "European Jewish group unveils plan to “beat anti-Semitism” amid rise in attacks",
     "European Jewish group"),
    ("a place before a role noun",
     "Marseille mayor signs letter calling Tel Aviv “ex-Palestine,” and says “it is right.”",
     "Marseille mayor"),
    ("a modifier and a plural group noun",
     "Nuclear proliferation experts have discounted the claims, but have speculated that it "
     "could be “a boosted fission device.”", "Nuclear proliferation experts"),
]

# real names followed by lowercase words stay as they are
KEPT = [
    ("a name before its cue verb", "“We will win,” Obama said.", "Obama"),
    ("a name before a function word", "Reuters in London reported: “Talks failed.”", "Reuters"),
    ("a name before a verb in -s", "Trump says: “We will win.”", "Trump"),
    ("a possessive after the head", "Clinton campaign's ads said “no.” “Yes,” said Hillary "
     "Clinton.", "Hillary Clinton"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), EXTENDED + KEPT,
                         ids=[c[0] for c in EXTENDED + KEPT])
def test_modifier_names(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech" and q.speaker]
    assert speech[-1].speaker == speaker
