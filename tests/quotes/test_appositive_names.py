"""A full name opening its sentence before a description set off by commas is the speaker, the
description kept as the mention (PolNeAR train: 'Dan Centinello, Romney’s deputy national
political director, said' credited the description)."""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes

_SAID = (" said the Romney campaign would “do daily requests in order to obtain the list of all "
         "the people who have already voted” early.")

# (shape, text, the last speech quotation's speaker, its mention)
NAMED = [
    ("a possessive description, indirect speech around a fragment",
     "Dan Centinello, Romney’s deputy national political director," + _SAID, "Dan Centinello",
     "Dan Centinello, Romney’s deputy national political director"),
    ("a family role, a fragment after a statement cue", "Tracy Martin, Trayvon's father, "
     "issued a statement Thursday, saying a foundation in his son's name is focusing on ending "
     "senseless gun violence and \"has no comment on the actions of that person that murdered "
     "Trayvon.\"", "Tracy Martin", "Tracy Martin, Trayvon's father"),
]

# left as they were
KEPT = [
    ("the name is a complement of the description",
     "The spokesman for Dan Centinello, Jim Hale," + _SAID,
     "the spokesman for Dan Centinello", "The spokesman for Dan Centinello"),
    ("a name not opening its sentence", "Asked about it, Dan Centinello's deputy, the "
     "political director," + _SAID, "Dan Centinello's deputy", "Dan Centinello's deputy"),
    ("a place, not a name, before the description",
     "In Washington, Romney’s deputy national political director," + _SAID,
     "Romney’s deputy national political director",
     "Romney’s deputy national political director"),
    ("the description goes on after 'and'", "Bob Smith, Romney’s deputy national political "
     "director and a friend," + _SAID, "Romney’s deputy national political director",
     "Romney’s deputy national political director"),
    ("two names, no description", "Bob Smith, Jane Doe," + _SAID, "Bob Smith", "Bob Smith"),
]


@pytest.mark.parametrize(("shape", "text", "speaker", "mention"), NAMED + KEPT,
                         ids=[c[0] for c in NAMED + KEPT])
def test_appositive_names(shape, text, speaker, mention):
    speech = [q for q in extract_quotes(text) if q.kind == "speech" and q.speaker]
    assert (speech[-1].speaker, speech[-1].speaker_surface) == (speaker, mention)
    named = (shape, text, speaker, mention) in NAMED
    assert speech[-1].rule.endswith("|name-appositive") == named
    assert speech[-1].speaker_type == "person" or not named
