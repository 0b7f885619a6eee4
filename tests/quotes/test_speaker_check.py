"""The strict speaker check beside the lenient one: cases from the brief, ten rows of PolNeAR
TRAIN (article named; the gold Source and the predicted speaker as the validation saw them) and
a few built to pin one rule each."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.quotes.speaker_check import (
    names_agree,
    source_head_names,
    speaker_check,
    speaker_ok_strict,
)
from newsprism.quotes.validation import GoldQuote, _speaker_ok

# The predicted mention sits at 500..510, away from every gold Source (0..len): only the name
# rules can make it right. (speaker, gold Source text, lenient, strict)
NAME_ONLY = [
    # the brief's examples
    ("United States", "His critics in the United States", True, False),
    ("Cruz campaign", "Ted Cruz campaign pins", True, False),
    ("Vladimir Putin", "Putin", True, True),
    ("Donald Trump", "He", False, False),  # a pronoun Source: span only
    # PolNeAR train: nyt_2016-02-08_twitter-takes-bigger-steps-to-th
    ("Wilayat Twitter", "some Twitter accounts linked to the group", True, False),
    # politico_2016-01-05_republicans-blast-obama-after-no
    ("Nuclear", "nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's "
                "Institute for Science and International Security", True, False),
    # politico_2016-07-06_lewandowski-fbi-director-acted-a
    ("Donald Trump", "Former prosecutor and New York City Mayor Rudy Giuliani, who backs Trump,",
     True, False),
    # wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-
    ("Carly Fiorina", "Peter Burrows's book \"Backfire: Carly Fiorina's High-Stakes Battle for "
                      "the Soul of Hewlett-Packard.\"", True, False),
    # huff-post_2016-01-02_donald-trump-featured-in-jihadis
    ("Hillary Clinton", "A Clinton campaign official", True, False),
    # huff-post_2016-08-23_donald-trump-jacked-up-his-campa: a description agrees by span only
    ("a prominent republican national committee member", "Republican National Committee member",
     True, False),
    # wash-post_2016-09-03_hacker-who-exposed-clinton-s-use: nor is a plural noun a name
    ("Prosecutors", "prosecutors", True, False),
    # nyt_2016-04-28_nomination-almost-certain-clinto
    ("Chris Murphy", "Senator Chris Murphy of Connecticut, who campaigned alongside Mrs. "
                     "Clinton in his state,", True, True),
    # wash-post_2016-01-17_cruz-glad-to-finish-fight-with-t
    ("Rick Tyler", "Cruz spokesman Rick Tyler", True, True),
    # west-journal_2016-06-20_media-reports-reveal-reason-behi
    ("Washington Post", "The Washington Post", True, True),
    # politico_2015-12-01_could-an-accident-by-janet-yelle
    ("Megan Greene", "Megan Greene, chief economist at Manulife", True, True),
    # west-journal_2016-05-10_trump-s-support-twice-that-of-cl
    ("Christian Pardo", "Army Capt. Christian Pardo", True, True),
    # nyt_2015-12-19_putin-chides-turkey-and-praises-
    ("Vladimir V. Putin", "Mr. Putin", True, True),
    # breitbart_2016-05-05_bolton-and-gorka-slam-neocons-fo
    ("John Bolton", "Bolton\u2019s", True, True),
    # wash-post_2015-12-04_a-killing-and-video-test-emanuel
    ("Senate Minority Whip Richard J. Durbin", "Durbin", True, True),
    # built: the other person of the Murphy Source, another Clinton, a place as head of nothing
    ("Hillary Clinton", "Senator Chris Murphy of Connecticut, who campaigned alongside Mrs. "
                        "Clinton in his state,", True, False),
    ("Hillary Clinton", "Bill Clinton", True, False),
    ("Ohio", "the governor of Ohio", True, False),
    ("John Kerry", "Secretary of State John Kerry", True, True),
    ("Ted Cruz", "Sen. Ted Cruz (R-Texas)", True, True),
    ("Richard Durbin", "Sen. Richard J. Durbin", True, True),
    ("Erik Prince", "Prince Charles", True, False),  # a title word only leads a name
]


def _pred(speaker, start=500, end=510):
    return SimpleNamespace(speaker=speaker, speaker_start=start, speaker_end=end)


def _gold(source: str) -> GoldQuote:
    return GoldQuote(1000, 1100, sources=[(0, len(source))], source_texts=[source])


@pytest.mark.parametrize(("speaker", "source", "lenient", "strict"), NAME_ONLY)
def test_strict_check_beside_the_lenient_one(speaker, source, lenient, strict):
    pred, gold = _pred(speaker), _gold(source)
    assert _speaker_ok(pred, gold) is lenient
    assert speaker_ok_strict(pred, gold) is strict
    assert speaker_check(pred, gold) == ("head name agrees" if strict else "")


@pytest.mark.parametrize(("mention", "rule"), [
    ((0, 2), "mention overlaps gold source"),   # "He" itself is the gold Source
    ((2, 5), ""),                               # touches it without overlapping
])
def test_a_pronoun_source_is_matched_by_span(mention, rule):
    pred, gold = _pred("Donald Trump", *mention), _gold("He")
    assert speaker_check(pred, gold) == rule


@pytest.mark.parametrize("pred", [_pred(None), SimpleNamespace(speaker="Kim", speaker_start=None,
                                                                speaker_end=None)])
def test_a_missing_speaker_is_wrong(pred):
    assert speaker_check(pred, _gold("Kim")) == ""


@pytest.mark.parametrize(("source", "heads"), [
    ("Clinton campaign chairman John Podesta", [["john", "podesta"]]),
    ("Trump's campaign manager Corey Lewandowski", [["corey", "lewandowski"]]),
    ("The Republican nominee, Donald Trump", [["donald", "trump"]]),
    ("Megan Greene, chief economist at Manulife", [["megan", "greene"]]),
    ("David Albright and Serena Kelleher-Vergantini", [["david", "albright"],
                                                       ["serena", "kelleher-vergantini"]]),
    ("Mayor Bill de Blasio", [["bill", "de", "blasio"]]),
    ("Martin Luther King", [["martin", "luther", "king"]]),  # a title word ending a name stays
    ("His critics in the United States", []),
    ("the Trump campaign", []),
    ("She", []),
    ("officials familiar with the matter", []),
])
def test_source_head_names(source, heads):
    assert source_head_names(source) == heads


@pytest.mark.parametrize(("a", "b", "agree"), [
    (["putin"], ["vladimir", "putin"], True),
    (["richard", "durbin"], ["richard", "j.", "durbin"], True),
    (["r.", "durbin"], ["richard", "durbin"], True),
    (["hillary", "clinton"], ["bill", "clinton"], False),
    (["washington", "post"], ["new", "york", "post"], False),
    (["clinton"], ["clinton", "foundation"], False),
    ([], ["clinton"], False),
])
def test_names_agree(a, b, agree):
    assert names_agree(a, b) is agree
    assert names_agree(b, a) is agree


PIECES = st.one_of(
    st.sampled_from([" ", ", ", " and ", " of ", " (", ") ", " \u2014 ", "'s ", "\u2019s", "Mr. ",
                     "Sen. ", "the ", "He", "Vladimir Putin", "campaign", "de ", "J. ", "\""]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_source_gives_well_formed_head_names_that_agree_with_themselves(source):
    heads = source_head_names(source)
    for head in heads:
        assert head and all(word and not any(c.isspace() for c in word) for word in head)
        assert names_agree(head, head)
        assert all(names_agree(head, other) is names_agree(other, head) for other in heads)
