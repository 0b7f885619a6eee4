"""The last check on every attribution (issue 18: no speaker a reader would laugh at)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.quotes.extract import Quote, extract_quotes
from newsprism.quotes.fragments import trim_fragment
from newsprism.quotes.names import strip_leading
from newsprism.quotes.plausible import abstain_implausible, implausible

# one row per nonsense shape met in the census (bench/speaker_sanity.py)
NONSENSE = [
    ("matter-of-factly as confetti fluttered down", "adverbial"),
    ("Kim Signals Strengthening Ties With Russia", "headline"),
    ("Pastor Wants Girl Scout Leaders To Be Executed For Supporting Gays", "headline"),
    ("the candidate could be", "clause"),
    ("the scope of labour has been", "clause"),
    ("the iowa county was his favorite", "clause"),
    ("the eyewitness up to about an hour ago he describes the situation", "clause"),
    ("grayson's spokeswoman challenged", "clause"),
    ("the tech giant then", "clause"),
    ("el portavoz dijo", "clause"),
    ("le ministre déclare", "clause"),
    ("der sprecher sagte", "clause"),
    ("представитель заявил", "clause"),
    ("Does California", "question"),
    ("Do Track", "question"),
    ("Maryland-based", "compound-adjective"),
    ("before trump’s appearance", "adverbial"),
    ("given j. k. rowling's love", "adverbial"),
    ("which iowa county", "question"),
    ("Multi-compartment", "compound-adjective"),
    ("the", "determiner"),
    ("the so-", "determiner"),
    ("a", "determiner"),
    ("EDITOR", "label"),
    ("EDITOR'S NOTE", "label"),
    ("Editor’s Note", "label"),
    ("CAUGHT", "label"),
    ("Film Review", "label"),
    ("Note", "label"),
    ("Trump's most famously", "degree-adverb"),
    ("his interns (", "open-bracket"),
    ("a resonant issue (the anti-Washington feeling", "open-bracket"),
]

# real speakers stay: names, descriptions, groups, anonymous sources, non-English names
REAL = ["the Swamp", "Richmond police", "a senior official", "Kim Jong Un", "Putin",
        "Sources close to the Russian military", "sources close to the russian military",
        "Cher", "François Hollande", "Владимир Путин", "José Luis Rodríguez Zapatero",
        "Angela Merkel", "a source involved", "one republican involved",
        "a man calling himself paul paul", "a german user from hanover going by the handle",
        "a senior administration official who spoke on the condition of anonymity",
        "the elderly residents", "New York City Public Advocate Trish James", "the accused",
        "the author", "Will Doyle", "George Will", "the United States", "Clinton's claim",
        "the ad's narrator", "21 percent", "Bernie Sanders and Jeff Weaver", "Raquel Montoya-Lewis",
        "Marwan Al-Hams", "Jean-Paul Claverie", "Emily", "Kelly Ayotte", "that letter",
        "the early voters", "Holly Lynch", "the editor", "the editors", "Obama", "Reuters",
        "Human Rights Watch", "NATO", "KCNA", "DW", "the review", "Editor Jane Doe",
        "Sen. Bernie Sanders (I-Vt.)", "the most senior official", "the most elderly residents",
        "Kelly"]


@pytest.mark.parametrize(("speaker", "fault"), NONSENSE)
def test_nonsense_speakers_named(speaker, fault):
    assert implausible(speaker) == fault


@pytest.mark.parametrize("speaker", REAL)
def test_real_speakers_stay(speaker):
    assert implausible(speaker) == ""


def _quote(speaker):
    return Quote(start=0, end=5, text="x", kind="speech", form="full", speaker=speaker,
                 speaker_start=10 if speaker else None, speaker_end=20 if speaker else None,
                 rule="cue-after", speaker_type="person" if speaker else "unknown",
                 speaker_surface=speaker)


def test_abstention_records_its_reason():
    [q] = abstain_implausible([_quote("the candidate could be")])
    assert (q.speaker, q.speaker_type, q.rule) == (None, "unknown", "cue-after|abstain:clause")
    # what was found stays, for the explorer
    assert (q.speaker_surface, q.speaker_start) == ("the candidate could be", 10)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40), st.sampled_from(REAL + [s for s, _ in NONSENSE])))
def test_check_never_invents_or_changes_a_speaker(speaker):
    [q] = abstain_implausible([_quote(speaker)])
    assert q.speaker in (None, speaker)
    assert q.speaker is None or q.rule == "cue-after"


@pytest.mark.parametrize(("text", "kept"), [
    ("Rubio’s campaign sent", "Rubio’s campaign"),
    ("the whigs had", "the whigs"),
    ("Cruz’s lawyers relied", "Cruz’s lawyers"),
    ("the Vermont senator emailed supporters", "the Vermont senator"),
    ("Clinton’s claim that", "Clinton’s claim"),
    ("a source who has seen", "a source who has seen"),
])
def test_a_noun_phrase_ends_before_the_verb_it_ran_into(text, kept):
    s, e = trim_fragment(text, 0, len(text))
    assert text[s:e] == kept


@pytest.mark.parametrize(("text", "name"), [
    ("Is Donald Trump", "Donald Trump"), ("Was Szlachta", "Szlachta"),
    ("Does California", "California"), ("Afterwards Penny", "Penny"),
    ("Neither Donald J. Trump", "Donald J. Trump"), ("Both Palmer", "Palmer")])
def test_a_question_auxiliary_is_no_part_of_a_name(text, name):
    s, e = strip_leading(text, 0, len(text))
    assert text[s:e] == name


def test_a_name_in_the_speakers_aside_is_no_speech_and_no_wall():
    text = ('"We\'ve had more successful conventions than this one," Texas delegate Bill '
            'Eastland, wearing a cowboy hat and "Ted Cruz" campaign pins, said matter-of-factly '
            'as confetti fluttered down on the floor.')
    outer, inner = extract_quotes(text)
    assert (outer.speaker, inner.speaker, inner.kind) == ("Bill Eastland", None, "term")


@pytest.mark.parametrize("text", [
    '"We\'ve had more successful conventions than this one," Texas delegate Bill Eastland, '
    'wearing a cowboy hat and "Ted Cruz" campaign pins, said matter-of-factly as confetti '
    'fluttered down on the floor.',
    'Kim Signals Strengthening Ties With Russia\n\n"We will win," he said.',
])
def test_no_laughable_speaker_in_the_quotes_table(text):
    speakers = [q.speaker for q in extract_quotes(text) if q.speaker]
    assert all(implausible(s) == "" for s in speakers), speakers
