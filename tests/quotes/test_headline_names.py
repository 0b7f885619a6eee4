"""Issue 18, a title-case headline taken as a speaker's name ('Donald Trump Praises Breitbart’s
Washington Political Editor Matthew Boyle'). The SHAPES cases failed before the change."""

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.headline_names import name_in_headline

_BODY = "\n\nThe candidate spoke at a press conference in South Carolina on Monday afternoon."

# shape, text, speaker of the first speech quotation
SHAPES = [
    ("a reporting verb inside the headline name",
     "Donald Trump Praises Breitbart’s Washington Political Editor Matthew Boyle: ‘Very Good "
     "Reporter.’" + _BODY, "Donald Trump"),
    ("a headline verb inside the name before the colon",
     "Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By Donald Trump." + _BODY,
     "Carly Fiorina"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), SHAPES, ids=[s[0] for s in SHAPES])
def test_headline_is_no_speaker(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[0].speaker == speaker


def test_long_title_off_a_headline_keeps_the_person():
    text = ("The group spoke on Tuesday.\n\n“Senator Sanders voted twice to protect gun "
            "dealers,” New York City Public Advocate Trish James said.")
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[0].speaker.endswith("Trish James")


@pytest.mark.parametrize(("surface", "on_headline", "name"), [
    ("Donald Trump Praises Breitbart’s Washington Political Editor Matthew Boyle", True,
     "Donald Trump"),
    ("Hillary Clinton Slams Trump", False, "Hillary Clinton"),
    ("Bernie Sanders", True, "Bernie Sanders"),  # a surname ending in -s is no verb
    ("Jeff Sessions", True, "Jeff Sessions"),
    ("Budget Deal Brings Relief For Small Town Mayors Today", True, None),
    ("Budget Deal Brings Relief For Small Town Mayors Today", False,
     "Budget Deal Brings Relief For Small Town Mayors Today"),
    ("Clinton Senior Adviser Sidney Blumenthal", True, "Clinton Senior Adviser Sidney Blumenthal"),
])
def test_name_in_headline(surface, on_headline, name):
    assert name_in_headline(surface, on_headline) == name
