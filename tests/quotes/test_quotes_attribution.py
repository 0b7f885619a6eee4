"""Speaker attribution, one table per error shape of issue 18 (each case failed before the fix).

Each row: the article text, the start of the quotation, the expected speaker (``None``: an
abstention) and the rule expected to fire.
"""

from __future__ import annotations

import pytest
from newsprism.quotes.extract import extract_quotes


def _quote(text: str, starts: str):
    found = [q for q in extract_quotes(text) if q.text.startswith(starts)]
    assert found, f"no quotation starting {starts!r} in {text!r}"
    return found[0]


def _check(text: str, starts: str, speaker: str | None, rule: str | None, kind: str = "speech"):
    q = _quote(text, starts)
    assert q.kind == kind
    assert q.speaker == speaker
    if rule is not None:
        assert q.rule == rule
    if speaker is not None:
        # the mention the speaker was resolved from is a span of the text
        assert q.speaker_start is not None and q.speaker_end > q.speaker_start
        assert text[q.speaker_start:q.speaker_end] == q.speaker_surface


TITLES_AND_ORGANISATIONS = [
    ('The Edmonton Oilers lost again.\n\n"We played well," said Oilers head coach Ken Hitchcock.',
     "We played", "Ken Hitchcock", "cue-after-inverted"),
    ('"It is a great day," said Rockets general manager Bruce Hamilton.',
     "It is", "Bruce Hamilton", "cue-after-inverted"),
    # a role, then the name in apposition: the person (PolNeAR train census)
    ("“We treat it as one long Election Day,” said Rubio’s deputy campaign manager, Rich "
     "Beeson, who oversaw Mitt Romney’s ground game.", "We treat", "Rich Beeson",
     "cue-after-inverted"),
    ("“The review is closed,” said the bureau's director, James B. Comey.", "The review",
     "James B. Comey", "cue-after-inverted"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", TITLES_AND_ORGANISATIONS)
def test_the_person_not_the_team_or_title(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


PLACES_ARE_NO_SPEAKERS = [
    ('Cory James, 22, of Flint, Mich., said he had not given up hope for a convention '
     '"surprise," because he could never vote for her.', "surprise", "Cory James", "cue-before"),
    ('The senator from Vermont said the financial system was "corrupt," noting the fines.',
     "corrupt", "the senator from Vermont", "cue-before"),
    ('Marco Rubio, whose hometown, Miami, is projected to be underwater, argues that the plan '
     'will "destroy our economy."', "destroy", None, None),
]


@pytest.mark.parametrize("text, starts, speaker, rule", PLACES_ARE_NO_SPEAKERS)
def test_a_place_after_a_preposition_is_no_speaker(text, starts, speaker, rule):
    q = _quote(text, starts)
    if speaker is None:
        assert q.speaker != "Miami"
    else:
        _check(text, starts, speaker, rule)


PRONOUNS_TO_PEOPLE = [
    # nearest capitalised names are a university and a party: 'he' abstains rather than guess
    ('Students at Montclair State University rallied. The Republican Party sent a note.\n\n'
     '"We will not back down," he said.', "We will", None, "cue-after"),
    ('Trump University was sued in 2013. Its founder defended it.\n\n'
     '"It was a great school," he said.', "It was", None, "cue-after"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", PRONOUNS_TO_PEOPLE)
def test_pronouns_never_resolve_to_organisations(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


GROUPS_AND_PLURALS = [
    ('"Detectives are looking into it," Richmond police said.', "Detectives",
     "Richmond police", "cue-after"),
    ('"We love cats!" reply Burton and Nick.', "We love", "Burton and Nick", "cue-after-inverted"),
    ('VOTERS CARE - Frank Newport and Jim Harter: "We found that the strengths matter a lot."',
     "We found", "Frank Newport and Jim Harter", "colon-name"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", GROUPS_AND_PLURALS)
def test_groups_and_pairs_speak(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


ANONYMOUS_AND_DESCRIBED = [
    ('"If Sanders wins Iowa, the energy is going to be substantial," said one well-connected '
     "Democrat familiar with the Clinton campaign's organization, who requested anonymity.",
     "If Sanders", "one well-connected Democrat familiar with the Clinton campaign's organization",
     "cue-after-inverted"),
    ('"It is not correct to say anything against migrants. We have no freedom," tweeted a German '
     "user from Hanover going by the handle Pulvermann.", "It is not",
     "a German user from Hanover going by the handle Pulvermann", "cue-after-inverted"),
    ('Although there is no overlap, a White House official who spoke anonymously to discuss '
     'strategy said Wednesday, "Certainly there are discussions with the Sanders campaign."',
     "Certainly", "a White House official", "cue-before"),
    ('His endorsements will help bring candidates the "grass-roots firepower" they need to win, '
     "DFA spokesman Neil Sroka said.", "grass-roots", "Neil Sroka", "cue-after"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", ANONYMOUS_AND_DESCRIBED)
def test_described_and_anonymous_speakers(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


ROLE_DESCRIPTIONS = [
    ('North Korean leader Kim Jong Un sent a letter to Vladimir Putin. The North Korean leader '
     'called the alliance "invincible and eternal."', "invincible", "Kim Jong Un", None),
    ('Russian President Vladimir Putin replied on Monday. The Russian president said the bond '
     'was "unbreakable."', "unbreakable", "Vladimir Putin", "cue-before"),
    ('It is about what Kim Jong Un himself now calls an "invincible alliance." It grew.',
     "invincible", "Kim Jong Un", "cue-before"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", ROLE_DESCRIPTIONS)
def test_role_descriptions_resolve_to_the_named_person(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


TITLES_OF_WORKS = [
    'Burton claims that his favorite book is "One Hundred Years of Solitude".',
    'She said her favourite film was "The Third Man" and left.',
]


@pytest.mark.parametrize("text", TITLES_OF_WORKS)
def test_titles_of_works_are_no_speech(text):
    quotes = extract_quotes(text)
    assert quotes and all(q.kind == "term" and q.speaker is None for q in quotes)


NAMES_AND_CONTINUATIONS = [
    ("''You can aim for a lot,'' said Gene B. Sperling, a former adviser. ''But few come close.''",
     "You can", "Gene B. Sperling", "cue-after-inverted"),
    ("''You can aim for a lot,'' said Gene B. Sperling, a former adviser. ''But few come close.''",
     "But few", "Gene B. Sperling", "continuation"),
    ("Intro.\n\n''It's an enormous moment,'' said Steve Schmidt, a strategist on John McCain's "
     "campaign in 2008. Unless further rivals quit the race, ''it's very difficult to see how he "
     "is stopped.''", "it's very", "Steve Schmidt", "continuation-sentence"),
    ('But the debate was so subdued that Mr. Trump was prompted to say, "So far, I cannot '
     'believe how civil it has been up here."', "So far", "Trump", "cue-before-infinitive"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", NAMES_AND_CONTINUATIONS)
def test_names_infinitives_and_continuations(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


NON_ENGLISH_CUES = [
    ('"Vamos a ganar", dijo Pedro Sánchez.', "Vamos", "Pedro Sánchez"),
    ("« Nous allons gagner », a déclaré Emmanuel Macron.", "Nous", "Emmanuel Macron"),
    ("„Wir schaffen das“, sagte Angela Merkel.", "Wir", "Angela Merkel"),
    ("«Мы победим», заявил Владимир Путин.", "Мы", "Владимир Путин"),
]


@pytest.mark.parametrize("text, starts, speaker", NON_ENGLISH_CUES)
def test_non_english_cue_verbs(text, starts, speaker):
    _check(text, starts, speaker, "cue-after-inverted")


def test_cue_lexicon_is_codebook_data(tmp_path):
    from newsprism.core.cue_lexicon import load_cue_lexicon
    from newsprism.quotes.names import CUE_SET

    lexicon = load_cue_lexicon()
    assert {"en", "es", "fr", "de", "ru"} <= set(lexicon)
    assert all(verb in CUE_SET for block in lexicon.values() for verb in block["verbs"])
    bad = tmp_path / "cues.yml"
    bad.write_text("en:\n  verbs: oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match="verbs"):
        load_cue_lexicon(bad)


# a name, then an appositive with commas of its own (age, job, town) or a party label in
# parentheses, between the name and its cue verb (PolNeAR train census: no speaker before)
APPOSITIVES_BETWEEN_NAME_AND_CUE = [
    ("“I just don't think she's been truthful,” Cecelia Purner, 67, a retired customer "
     "service representative in Allentown, Pa., said in a follow-up interview.", "I just",
     "Cecelia Purner", "cue-after-appositive"),
    ("“We’ve had more successful conventions,” Texas delegate Bill Eastland, a rancher from "
     "Austin, Texas, said matter-of-factly.", "We’ve", "Bill Eastland", "cue-after-appositive"),
    ("Speaking in Berea, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered "
     "wagon.”", "I’m getting", "John Kasich", "cue-before"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", APPOSITIVES_BETWEEN_NAME_AND_CUE)
def test_appositives_between_the_name_and_its_cue(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


def test_a_lone_capitalised_word_before_an_appositive_is_no_name():
    # 'Allentown' is never given in full: the appositive rule does not credit it
    q = _quote("“We will win,” Allentown, a town in Pennsylvania, Pa., said.", "We will")
    assert q.rule != "cue-after-appositive" and q.speaker != "Allentown"


# a quotation inside what a verb of saying reports: the reporter of the sentence is the
# source (PolNeAR's convention and a coder's: the article quotes the reporter), not the person
# the reported clause is about
REPORTED_CLAUSES = [
    ("Rep. Steve Israel (D-N.Y) said Clinton called on members to be “closely coordinated.”",
     "closely", "Steve Israel", "cue-before-reported"),
    ("Mr. Ross said Mr. Obama had told Jewish leaders that he would not allow ''no daylight'' "
     "between the allies.", "no daylight", "Ross", "cue-before-reported"),
    ("The longtime senator said he rarely asks surrogates to stump for him, “except for people "
     "I’m very close to.”", "except", "the longtime senator", "cue-before-reported"),
    # no verb of saying before the cue: its own subject speaks
    ("After the rally Clinton called on members to be “closely coordinated.”", "closely",
     "Clinton", "cue-before"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", REPORTED_CLAUSES)
def test_the_reporter_of_a_reported_clause_speaks(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


# a cue closing the sentence after the writer's words, with a group, an outlet or a described
# person as its subject (PolNeAR train census: the sentence's subject was credited before)
CLAUSE_FINAL_GROUPS_AND_OUTLETS = [
    ("Julian Assange has been “arbitrarily detained” by Britain and Sweden since December 2010, "
     "and should be freed and compensated, the rights group says.", "arbitrarily",
     "the rights group", "cue-final"),
    ("Andrean High School fans also chanted, “Build a wall,” referring to the Republican "
     "candidate’s vow to construct a wall along the U.S.-Mexican border, the Chicago Tribune "
     "reports.", "Build a wall", "Chicago Tribune", "cue-final"),
    ("Abortion is “central” to the party's platform for the first time, reported the "
     "Washington Examiner.", "central", "Washington Examiner", "cue-final"),
    # an inverted cue before the writer's words is no speaker ('said the days when ...')
    ("The book, “Going Viral,” about the rapid spread of news, said the days when the nation "
     "had one newspaper were over.", "Going Viral", None, None),
]


@pytest.mark.parametrize("text, starts, speaker, rule", CLAUSE_FINAL_GROUPS_AND_OUTLETS)
def test_clause_final_cues_of_groups_and_outlets(text, starts, speaker, rule):
    q = _quote(text, starts)
    if speaker is None:
        assert q.rule != "cue-final"
    else:
        _check(text, starts, speaker, rule)


# 'it' is an organisation named after 'the' as the subject of an earlier sentence (it was
# left unresolved before); 'he' never is
IT_IS_AN_ORGANISATION = [
    ("Still, the Business Council of British Columbia opposed an increase.\n\n''Keep the "
     "carbon tax at the current level,'' it recommended.", "Keep", "Business Council of "
     "British Columbia", "cue-after"),
    ("Still, the Business Council of British Columbia opposed an increase.\n\n''Keep the "
     "carbon tax at the current level,'' he recommended.", "Keep", None, "cue-after"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", IT_IS_AN_ORGANISATION)
def test_it_resolves_to_an_organisation_and_he_does_not(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


# 'he' and 'she' never stand for a lone word the article neither genders nor titles (a place,
# an outlet, a capitalised adverb): the person named earlier, else an abstention (PolNeAR
# train: 'Ohio', 'Xinhua', 'Florida', 'Hastily' before; the score, which matches a pronoun
# Source by its span, did not see it)
PRONOUNS_NEVER_A_LONE_PLACE_OR_OUTLET = [
    ("John Kasich said Saturday that the plan was not out of step with Americans.\n\nThe Ohio "
     "governor said the U.S. needs to secure the border, but that he would not support mass "
     "deportation.\n\n\"I couldn't even imagine taking a mom out of a house,\" he said.",
     "I couldn't", "John Kasich", "cue-after"),
    ("The admiral spoke in Hawaii. ''It is simply impossible to ignore his values,'' Xinhua, "
     "the official Chinese news agency, wrote.\n\n''When I am described as a Japanese admiral, "
     "it's not true,'' he said.", "When I am", None, "cue-after"),
    ("President Obama spoke on Monday. Florida voted for him twice.\n\n“We will win this "
     "state,” he said.", "We will", "Obama", "cue-after"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", PRONOUNS_NEVER_A_LONE_PLACE_OR_OUTLET)
def test_pronouns_never_resolve_to_a_lone_place_or_outlet(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


# a name ends at a full stop after a word of four letters or more: 'Ben Brafman. Brafman' is
# two names ('Brafman' then resolves to the full name), and 'Donald Trump. One California' no
# name at all ('he' went to 'California' before)
NAMES_END_AT_A_FULL_STOP = [
    ("Trump wrote a letter to Ben Brafman. Brafman answered at once.\n\n“This was one of my "
     "finest moments,” Brafman said.", "This was", "Ben Brafman", "cue-after"),
    ("Voters met Donald Trump. One California delegate was pleased.\n\n“We will win this "
     "state,” he said.", "We will", "Donald Trump", "cue-after"),
]


@pytest.mark.parametrize("text, starts, speaker, rule", NAMES_END_AT_A_FULL_STOP)
def test_names_end_at_a_full_stop(text, starts, speaker, rule):
    _check(text, starts, speaker, rule)


# a passive cue: its agent after 'by' speaks, not its grammatical subject (PolNeAR train
# census: the subject or no one before)
PASSIVE_AGENTS = [
    ("Sanders was asked by host Bill Maher, who is supporting Sanders, but has dismissed the "
     "story, “Now, you famously said you were tired of the emails?”", "Now, you",
     "Bill Maher", "cue-before-passive"),
    ("It was an inquiry into the Benghazi tragedy — often labeled as a “witch hunt” by "
     "Democrats — and Gowdy is right.", "witch hunt", "Democrats", "cue-before-passive"),
    # 'by' + a gerund is no agent; an agent far from the quotation is none either
    ("Bush, however, interjected by hitting Trump for using eminent domain to “turn it into a "
     "parking lot.”", "turn it", "Bush", "cue-before"),
    ("The initiative was called by the SVP to force the government to adopt the 2010 “Expulsion "
     "Initiative.”", "Expulsion", None, None),
]


@pytest.mark.parametrize("text, starts, speaker, rule", PASSIVE_AGENTS)
def test_the_agent_of_a_passive_cue_speaks(text, starts, speaker, rule):
    q = _quote(text, starts)
    if speaker is None:
        assert q.rule != "cue-before-passive"
    else:
        _check(text, starts, speaker, rule)
