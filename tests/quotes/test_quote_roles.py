"""Role descriptions resolve to the one person the article introduced with that role (issue 18).

Each row of RESOLVED failed before ``quotes.roles``: 'the senator' after 'Sen. Ted Cruz' was a
speaker of its own. Rows of UNRESOLVED stay a description (speaker type person): no person, two
people, a former/sitting mismatch, a place that does not match, a name of the other gender, or an
introduction after the quote; never a guess.
"""

from __future__ import annotations

import pytest
from conftest import SAID, said_quote
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.roles import parse_description, role_introductions
from newsprism.quotes.speakers import speaker_type

RESOLVED = [
    ("Sen. Ted Cruz spoke in Iowa on Monday. ", "the senator", "Ted Cruz"),
    ("Sen. Ted Cruz spoke in Iowa on Monday. ", "the longtime senator", "Ted Cruz"),
    ("Former President Bill Clinton spoke in Iowa. ", "the former president", "Bill Clinton"),
    ("Hope Hicks, a spokeswoman for Donald Trump, spoke. ", "the spokeswoman", "Hope Hicks"),
    ("Trump spokeswoman Hope Hicks spoke on Monday. ", "the spokeswoman", "Hope Hicks"),
    ("Ben Carson, a Republican candidate, spoke on Monday. ", "the candidate", "Ben Carson"),
    ("Republican candidate Ben Carson spoke on Monday. ", "the candidate", "Ben Carson"),
    ("Gov. John Kasich of Ohio spoke on Monday. ", "the governor", "John Kasich"),
    ("Gov. John Kasich of Ohio spoke on Monday. ", "the Ohio governor", "John Kasich"),
    ("Defense Secretary Ash Carter spoke on Monday. ", "the secretary", "Ash Carter"),
]

UNRESOLVED = [
    ("Donald Trump spoke on Monday. ", "the spokeswoman"),                  # nobody introduced
    ("Sen. Ted Cruz and Sen. Marco Rubio spoke on Monday. ", "the senator"),  # two senators
    ("President Barack Obama spoke on Monday. ", "the former president"),     # sitting
    ("Former President Bill Clinton spoke on Monday. ", "the president"),     # former
    ("Gov. John Kasich spoke on Monday. ", "the Florida governor"),           # another state
    ("Scott Reed, a spokeswoman for the group, spoke. ", "the spokeswoman"),  # he is no she
    ("Mr. Reed, a spokeswoman for the group, spoke. ", "the spokeswoman"),
    ("Records were released by the State Department, the candidate for the nation's highest "
     "office said. ", "the candidate"),                                      # no person
    ("Dmitry Peskov, the Russian president's spokesman, spoke. ", "the Russian president"),
]


@pytest.mark.parametrize("intro, description, speaker", RESOLVED)
def test_role_description_resolves_to_the_person_introduced(intro, description, speaker):
    q = said_quote(intro, description)
    assert q.speaker == speaker
    assert q.speaker_surface == description  # the mention stays auditable


@pytest.mark.parametrize("intro, description", UNRESOLVED)
def test_role_description_stays_a_described_person(intro, description):
    q = said_quote(intro, description)
    assert q.speaker == description  # as the article writes it
    assert speaker_type(q.speaker, q.speaker_surface) == "person"


def test_an_introduction_after_the_quote_is_not_used():
    text = SAID.format("the senator") + " Sen. Ted Cruz spoke later."
    [q] = [q for q in extract_quotes(text) if q.text.startswith("We feel")]
    assert q.speaker == "the senator"


@pytest.mark.parametrize("description, parsed", [
    ("the senator", ("senator", False, ())),
    ("The former   president", ("president", True, ())),
    ("the New Jersey governor", ("governor", False, ("New", "Jersey"))),
    ("the vice president", ("vice president", False, ())),
    ("the letter", None),
    ("a spokeswoman", None),
])
def test_parse_description(description, parsed):
    assert parse_description(description) == parsed


def test_role_introductions_are_spans_in_text_order():
    text = "Hope Hicks, a spokeswoman for Trump, spoke. Trump spokeswoman Katrina Pierson spoke. "
    assert [text[s:e] for s, e in role_introductions(text, "the spokeswoman", len(text))] == [
        "Hope Hicks", "Katrina Pierson"]
    assert role_introductions(text, "the spokeswoman", 5) == []
