"""A description cut after an adjective gets its noun (speakers15's census of PolNeAR train:
"Germany's largest private", 'Romney’s deputy national')."""

from __future__ import annotations

import pytest
from newsprism.quotes.adjective_ends import adjective_like, noun_end
from newsprism.quotes.extract import extract_quotes

# (shape, text, where the mention ends, the noun phrase it completes to, or None)
CASES = [
    ("an adjective before the noun and a comma",
     "Germany's largest private bank, warned", 25, "Germany's largest private bank"),
    ("two adjectives before the noun", "Romney’s deputy national political director, said", 24,
     "Romney’s deputy national political director"),
    ("a hyphenated adjective", "Trump's recent evidence-free assertion that", 28,
     "Trump's recent evidence-free assertion"),
    # left
    ("a relative pronoun after the noun", "a Mexican official who was not", 18, None),
    ("a participle after the adjective", "one common saying here", 10, None),
    ("a verb after the adjective", "the national said", 12, None),
    ("punctuation after the adjective", "the national, said", 12, None),
]


@pytest.mark.parametrize(("shape", "text", "end", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_noun_end(shape, text, end, phrase):
    at = noun_end(text, end)
    assert (text[:at] if at is not None else None) == phrase


@pytest.mark.parametrize(("word", "expected"), [
    ("private", True), ("national", True), ("evidence-free", True), ("official", False),
    ("editorial", False), ("bank", False), ("director", False),
])
def test_adjective_like(word, expected):
    assert adjective_like(word) is expected


def test_extraction_completes_the_description():
    text = ("The Florida loss precipitated his collapse.\n\nDan Centinello, Romney’s deputy "
            "national political director, said the Romney campaign would “do daily requests in "
            "order to obtain the list of all voters.”")
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    # the completed description is the mention's role; the name before it is the speaker
    # (quotes.role_names.appositive_holders)
    assert speech[0].speaker_surface.endswith("Romney’s deputy national political director")
    assert speech[0].speaker == "Dan Centinello"
