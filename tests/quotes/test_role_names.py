"""A role written before a full name gives the name, the role kept as the mention (speakers17's
census: 'Democratic presidential candidate', 'Chief Executive Satya Nadella')."""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.role_names import role_name

# (shape, text, the last speech quotation's speaker, its mention)
NAMED = [
    ("a capitalised modifier, a role noun, then the name after an inverted cue",
     "“We will win this,” said Democratic presidential candidate Bernie Sanders.",
     "Bernie Sanders", "Democratic presidential candidate Bernie Sanders"),
    ("a company and a two-word title before the name",
     "“We will win this,” said Microsoft Chief Executive Satya Nadella.",
     "Satya Nadella", "Microsoft Chief Executive Satya Nadella"),
    ("a lowercase role before the name", "“We will win this,” said lead author Josh Leipheimer.",
     "Josh Leipheimer", "lead author Josh Leipheimer"),
    ("a title the name patterns do not strip",
     "“We will win this,” said Representative Dan Kildee.", "Dan Kildee",
     "Representative Dan Kildee"),
    ("an abbreviated title after a modifier", "“We will win this,” said former Rep. George "
     "Miller.", "George Miller", "former Rep. George Miller"),
    ("a name set off by commas after the role",
     "“That is worth a look,” the White House spokesman, Josh Earnest, said on Thursday.",
     "Josh Earnest", "White House spokesman, Josh Earnest"),
    ("a capitalised modifier, a lowercase role, then the name",
     "“We will win this,” said Democratic pollster Geoff Garin.", "Geoff Garin",
     "Democratic pollster Geoff Garin"),
    ("a title with its department, then the name",
     "Secretary of State John F. Kerry said: “We will win this.”", "John F. Kerry",
     "Secretary of State John F. Kerry"),
]

# left as they were
KEPT = [
    ("a name as the speaker", "“We will win this,” said Bernie Sanders.", "Bernie Sanders",
     "Bernie Sanders"),
    ("the name owns the speaker (a possessive)",
     "“We will win this,” said Democratic presidential candidate Bernie Sanders's campaign.",
     "Democratic presidential candidate", "Democratic presidential candidate"),
    ("a description with no name", "“We will win this,” said the Florida senator.",
     "the Florida senator", "the Florida senator"),
    ("lowercase words that end on no role", "“We will win this,” said Democratic voters "
     "Tuesday.", "Democratic voters", "Democratic voters"),
    ("a clause set off by commas", "“We will win this,” the spokesman, who declined to be "
     "named, said.", "the spokesman", "the spokesman"),
]


@pytest.mark.parametrize(("shape", "text", "speaker", "mention"), NAMED + KEPT,
                         ids=[c[0] for c in NAMED + KEPT])
def test_role_names(shape, text, speaker, mention):
    speech = [q for q in extract_quotes(text) if q.kind == "speech" and q.speaker]
    assert (speech[-1].speaker, speech[-1].speaker_surface) == (speaker, mention)
    assert speech[-1].speaker_type == "person" or (shape, text, speaker, mention) in KEPT


@pytest.mark.parametrize(("speaker", "name"), [
    ("Alameda County District Attorney Pamela Price", "Pamela Price"),
    ("Secretary General Jens Stoltenberg", "Jens Stoltenberg"),
    ("Chief Education Officer Ramona Archer-Bradshaw", "Ramona Archer-Bradshaw"),
    ("the senator", None), ("President Obama", None), ("Gayle King", None),
    ("critics Bob Smith", None), ("UMWA Director of Government Affairs Phil Smith", None),
    ("president and CEO of Washington Restaurant Association", None), ("a spokesman for House Speaker Paul Ryan", None),
])
def test_role_name(speaker, name):
    assert role_name(speaker) == name
