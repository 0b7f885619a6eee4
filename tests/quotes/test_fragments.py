"""Issue 18, fragment speakers: noun phrases cut off at a preposition or conjunction ('a friend
without', 'a wave of boos upon'). Each SHAPES case failed before the change."""

import pytest
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.fragments import trim_fragment

# shape, text, speaker of the last speech quotation (None: no speaker, a reader's abstention)
SHAPES = [
    ("the object of 'without' before a participle",
     "That’s what my friend Andy McCarthy wrote recently. I had to spend the weekend figuring "
     "out how to attack a friend without saying, “This is the most retarded argument I’ve ever "
     "read.”", None),
    ("the object of 'upon' before a participle",
     "Comedian Sarah Silverman was booed by Bernie Sanders supporters.\n\nSilverman, herself a "
     "Sanders supporter during the primary, incurred a wave of boos upon saying, “Hillary heard "
     "the passion of the people.”", None),
    ("'like' before a participle",
     "He added that praising the former president for what happened after the Sept. 11 "
     "attacks was like saying the opposing team “scored 19 runs in the first inning, but after "
     "that, we played pretty well.”", None),
    ("a dangling 'that' trimmed",
     "With 'woman's card,' Trump escalates debate.\n\nDonald Trump's accusation that Hillary "
     "Clinton is playing the “woman's card” and would be a failed candidate if she were a man "
     "touched off a contentious debate about gender politics.", "Donald Trump"),
    ("a lone possessive pronoun is resolved, not a speaker 'her'",
     "Hillary Clinton spoke on Tuesday. A campaign aide later clarified that Clinton "
     "misspoke.\n\nThe comments came in the form of a convoluted answer to a question about "
     "inconsistencies between her claim that she “never sent or received classified "
     "information” on her private email server and Comey's testimony before Congress.",
     "Hillary Clinton"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), SHAPES, ids=[s[0] for s in SHAPES])
def test_fragment_speakers(shape, text, speaker):
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker == speaker


# text, mention, what is left of it (None: no speaker)
@pytest.mark.parametrize(("text", "mention", "left"), [
    ("Clinton’s broadside against “printing money”", "Clinton’s broadside against",
     "Clinton’s broadside"),
    ("the Islamic Center here and who", "the Islamic Center here and", "the Islamic Center here"),
    ("a voice over says", "a voice over", "a voice over"),  # 'over' is a noun here: kept
    ("the spokesman says", "the spokesman", "the spokesman"),
    ("a friend without saying", "a friend without", None),
    ("according to the “plan”", "the", None),
    ("according to a 2013 study", "a", None),
])
def test_trim_fragment(text, mention, left):
    s = text.index(mention)
    span = trim_fragment(text, s, s + len(mention))
    assert (text[span[0]:span[1]] if span else None) == left


def test_fragment_abstention_stays_attributed():
    # the speech classifier still reads a cue and a mention: no speaker is not 'unattributed'
    text = SHAPES[0][1]
    speech = [q for q in extract_quotes(text) if q.kind == "speech"]
    assert speech[-1].speaker is None and speech[-1].rule == "cue-before"
