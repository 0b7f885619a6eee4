"""Noun-phrase sources (issue 18, PolNeAR train census): a description, group or institution
heading the quotation's sentence, or saying it right before or after it, is its speaker; each
case had no speaker before the rule. Unclear openings abstain."""

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.speakers import speaker_type

# shape, text, speaker, speaker type
SOURCES = [
    ("bare plural after an opener",
     "That is why critics say he had proposed to “dismantle” the health law.",
     "critics", "organisation"),
    ("role description opening the sentence",
     "The retired neurosurgeon addressed his concerns in another interview with “The View,” "
     "remarking from New Hampshire he did not feel “this is a very difficult investigation.”",
     "the retired neurosurgeon", "person"),
    ("anonymous spokesman with 'for'",
     "A spokesman for Platte River declined to address the report but said in a statement that "
     "“Platte River Networks did not, at any time, treat the server differently than any "
     "other.”", "a spokesman for Platte River", "anonymous"),
    ("share of a poll after a clause",
     "This sentiment was reflected in another question, to which 21 percent said “not too "
     "likely” to win.", "21 percent", "organisation"),
    ("institution with an irregular past after a long opener",
     "Even before Sanders took the stage Tuesday night to acknowledge his victory, his campaign "
     "sent out a text message to supporters saying: “With your help, we were just declared the "
     "winner!”", "his campaign", "organisation"),
    ("progressive verb",
     "The non-profit is seeking “groundbreaking ideas for how to house and support adults on "
     "the autism spectrum, and we will fund the best of them.”",
     "the non-profit", "person"),
    ("document after the quotation",
     "Curiel seemed unconvinced. Trump's “assertion that the information retains any commercial "
     "value is speculative given the lack of any support,” the order released Friday said.",
     "the order released Friday", "document"),
]

# an opening that is no noun-phrase source: a preposition, a clause, a person named before
ABSTAIN = [
    ("prepositional opener",
     "Based on the statement released by the network, it seems the host “has spoken to him a "
     "few times” about it."),
    ("person named before the quotation",
     "The former governor of Vermont, Howard Dean, told the crowd that guns are “the ultimate "
     "public health crisis.”"),
    ("gerund after a group",
     "The rally drew hundreds of supporters saying: “With your help, we won!”"),
]


@pytest.mark.parametrize(("shape", "text", "speaker", "kind"), SOURCES,
                         ids=[s[0] for s in SOURCES])
def test_noun_phrase_source_speaks(shape, text, speaker, kind):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker == speaker
    assert speech[-1].rule == "noun-phrase-subject"
    assert speaker_type(speech[-1].speaker, speech[-1].speaker_surface) == kind


@pytest.mark.parametrize(("shape", "text"), ABSTAIN, ids=[s[0] for s in ABSTAIN])
def test_unclear_opening_is_no_noun_phrase_source(shape, text):
    assert all(q.rule != "noun-phrase-subject" for q in extract_quotes(text))
