"""Issue 18, a surname two people of the article share: 'Clinton said' is not Bill Clinton in
an article about Hillary Clinton that also names Bill. Each case failed before the change."""

import pytest
from newsprism.quotes.coreference import Article
from newsprism.quotes.extract import extract_quotes

_BILL_TWICE = "Bill Clinton spoke first. Bill Clinton spoke again. "

# shape, text, speaker of the last speech quotation
SHAPES = [
    ("the full name introduced in the paragraph",
     _BILL_TWICE + "Then Hillary Clinton took the stage. “We will win,” Clinton said.",
     "Hillary Clinton"),
    ("a title tells the gender",
     _BILL_TWICE + "Hillary Clinton waved.\n\nThe crowd cheered. “We will win,” Mrs. Clinton "
     "said.", "Hillary Clinton"),
    ("a title before the mention ('Mr. Clinton')",
     "Hillary Clinton spoke. Hillary Clinton spoke again. Bill Clinton waved.\n\n“I loved "
     "it,” said Mr. Clinton.", "Bill Clinton"),
    ("no full name in the paragraph: the bare surname, no guess",
     _BILL_TWICE + "Hillary Clinton waved.\n\nThe crowd cheered. “We will win,” Clinton said.",
     "Clinton"),
    ("one person of the surname: the full name as before",
     "Hillary Clinton waved.\n\nThe crowd cheered. “We will win,” Clinton said.",
     "Hillary Clinton"),
    ("a full name written out is who it says",
     _BILL_TWICE + "Hillary Clinton waved. “We will win,” Bill Clinton said.", "Bill Clinton"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), SHAPES, ids=[s[0] for s in SHAPES])
def test_shared_surname_speaker(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker == speaker


# (sentences with lowercase words: a title-case line is a headline, whose names are skipped)
@pytest.mark.parametrize(("text", "people"), [
    ("Hillary Clinton spoke, and then Hillary Rodham Clinton met with the man they call Bill "
     "Clinton.", {"Hillary Rodham Clinton", "Bill Clinton"}),
    # one given initial: one person a reader could not tell apart ('Chuck', 'Charles')
    ("Chuck Grassley spoke for a while. Charles Grassley spoke again. Chuck Grassley left the "
     "room.", {"Chuck Grassley"}),
    # once after an opener and no known given name: nobody
    ("In Iowa Clinton spoke to the crowd, and then Hillary Clinton left the hall.",
     {"Hillary Clinton"}),
])
def test_people_of_surname(text, people):
    surname = next(iter(people)).split()[-1]
    assert set(Article(text).people_of_surname(surname)) == people
