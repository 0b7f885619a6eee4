"""Possessive things as speakers: an utterance credits its owner, any other thing abstains."""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.plausible import implausible
from newsprism.quotes.possessives import possessive_thing, utterance_owner

# (shape, text, the speech quotation's speaker)
SPEAKERS = [
    ("an utterance credits its owner",
     "Hillary Clinton spoke in Iowa. Clinton’s response was blunt: “We will not back down.”",
     "Hillary Clinton"),
    ("an utterance with a modifier",
     "Marco Rubio ran against Crist. Rubio’s catch phrase in that election was that Crist "
     "“would say or do anything to win an election.”", "Marco Rubio"),
    ("a thing says nothing",
     "Germany plans a phaseout of coal.\n\nBerlin's hesitance may seem like little more than a "
     "snag in Germany's vaunted “Energiewende, the energy transition of a nation.”", None),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), SPEAKERS, ids=[s[0] for s in SPEAKERS])
def test_possessive_speakers(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker == speaker


THINGS = ["berlin's hesitance", "clinton’s track record", "donald trump's latest victories",
          "their instinctive preference", "trump's gloomy tone", "his perspective",
          "Mr. Trump's temperament"]
# real speakers with a possessive: people and groups a person has
REAL = ["trump's campaign", "Clinton's spokesman", "trayvon's father", "her campaign manager",
        "his wife", "the ad's narrator", "Clinton's claim", "Santilli's attorney",
        "the paper's editorial board", "his longtime personal physician"]


@pytest.mark.parametrize("speaker", THINGS)
def test_possessive_things_abstain(speaker):
    assert possessive_thing(speaker) and implausible(speaker) == "possessive-thing"


@pytest.mark.parametrize("speaker", REAL)
def test_possessive_speakers_stay(speaker):
    assert implausible(speaker) == ""


@pytest.mark.parametrize(("surface", "owner"), [
    ("Clinton’s response", "Clinton"), ("Donald Trump's accusation", "Donald Trump"),
    ("Bill Clinton's comments", "Bill Clinton"), ("Clinton’s campaign", None),
    ("her response", None), ("Rubio’s catch phrase", "Rubio"),
    ("In Dr. Shadlen’s words", "Dr. Shadlen"), ("in Trump's words", "Trump")])
def test_utterance_owner(surface, owner):
    assert utterance_owner(surface) == owner
