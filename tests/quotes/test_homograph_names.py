"""Surnames that are common words ('George Will', 'Al From'): before this rule their quotations
had no speaker or another sentence's ('Americans')."""

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.homograph_names import surnames_of_words

CASES = [
    ("modal surname after the quotation",
     "Columnist George Will weighed in.\n\n“The eruption of war in the capital of a NATO ally "
     "is a reminder of what is at stake,” Will wrote.", "George Will"),
    ("preposition surname after a subject",
     "The documentary follows the DLC, said Al From, who helped found it.\n\n“The "
     "circumstances are changed when you go through a depression,” From said.",
     "Al From"),
    ("surname before the verb after the quotation's clause",
     "Columnist George Will weighed in.\n\nCiting the attack as a wake-up call for their "
     "“reveries about treating the presidency as an entry-level job,” Will urged voters to "
     "abandon outsiders.", "George Will"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), CASES, ids=[c[0] for c in CASES])
def test_word_surname_speaks(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker == speaker


@pytest.mark.parametrize(("text", "expected"), [
    ("Columnist George Will said so. Will wrote it.", {"Will": "George Will"}),
    ("the DLC, said Al From, who", {"From": "Al From"}),
    ("We met on Super Tuesday. Will the party hold?", {}),  # no given name before the word
    ("George Will and Jacob Will spoke.", {}),  # two people: which one?
    ("In May, Will Smith said", {}),  # a given name 'Will', not a surname
])
def test_surnames_of_words(text, expected):
    assert surnames_of_words(text) == expected
