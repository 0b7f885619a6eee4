"""The units codebooks of numeric claims: generic units need the counted noun next to the
number, the bundled story's codebook gives the units the rules gave before they were a
codebook, and a malformed codebook is an error naming the file, the key and the reason."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare.claims import (
    articles_claims,
    extract_claims,
    group_claims,
    sentence_claims,
)
from newsprism.compare.claims_units import (
    ClaimUnitsError,
    is_default_units,
    load_claim_units,
    parse_claim_units,
)
from newsprism.core import paths


def _units(sentence: str, codebook: str) -> list[tuple[str, str]]:
    return [(c["quantity"], c["unit"]) for c in sentence_claims(sentence, codebook)
            if c["kind"] == "count"]


GENERIC = [
    # a flood
    ("At least 12 people were killed when the river burst its banks.", [("12", "people killed")]),
    ("About 3,000 residents were evacuated from the valley.", [("3000", "people displaced")]),
    ("Rescuers said 40 villagers were injured.", [("40", "people wounded")]),
    ("The storm left 7 dead.", [("7", "deaths")]),
    # an election
    ("Clinton won 55 percent of the vote, a margin of 12 percentage points.",
     [("55", "percent"), ("12", "percentage points")]),
    ("He needs 1,237 delegates to win the nomination.", [("1237", "delegates")]),
    ("The measure passed with 312 votes.", [("312", "votes")]),
    ("Some 200 protesters were arrested outside the hall.", [("200", "people arrested")]),
    ("The candidate, a lawyer aged 34, is a 34-year-old.", [("34", "years of age")]),
    # a trade deal
    ("The deal is worth $5 million, or €4.2 billion.",
     [("5000000", "dollars"), ("4200000000", "euros")]),
    ("Tariffs of 25 per cent apply to 300 products.", [("25", "percent"), ("300", "products")]),
    ("Exports fell by £2 billion.", [("2000000000", "pounds sterling")]),
    # troops, with their noun next to the number
    ("At least 600 North Korean soldiers have died.", [("600", "troops killed")]),
    ("Pyongyang sent around 15,000 troops.", [("15000", "troops")]),
]


@pytest.mark.parametrize(("sentence", "expected"), GENERIC)
def test_generic_units_on_sentences_from_several_stories(sentence, expected):
    assert _units(sentence, "generic") == expected


BARE = [
    # (sentence, generic units, story units): "killed" with no counted noun
    ("Twelve were killed in the flood.", [], [("12", "troops killed")]),
    ("12 were killed in the flood.", [("12", "were")], [("12", "troops killed")]),
    ("At least 600 have died, officials said.", [("600", "have")], [("600", "troops killed")]),
    ("The blast killed 5 and wounded 30.", [("5", "and")], [("5", "troops wounded")]),
    # the noun must be next to the number: "after" may not stand between them
    ("10 years after people were killed there, the town rebuilt.", [("10", "years")],
     [("10", "years")]),
]


@pytest.mark.parametrize(("sentence", "generic", "story"), BARE)
def test_killed_without_a_counted_noun_is_not_troops_killed(sentence, generic, story):
    assert _units(sentence, "generic") == generic
    assert _units(sentence, "story") == story


def test_unrelated_pages_are_not_a_disagreement_about_troops_killed():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Flood site", "Tech site"],
                             "text": ["12 were killed in the flood.",
                                      "At least 600 have died since the recall."]})
    story = group_claims(extract_claims(articles, codebook="story"), codebook="story")
    assert story.set_index("unit").loc["troops killed", "status"] == "conflict"
    generic = group_claims(extract_claims(articles, codebook="generic"), codebook="generic")
    assert generic.empty


def test_units_marked_not_compared_are_named_but_not_grouped():
    """Money and percent name claims but a unit alone does not say what they measure ("55
    percent of emissions", "a 40 percent tax"), so the generic codebook does not compare them."""
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                             "text": ["The fine was $5 million and 55 percent of it is paid.",
                                      "The tax is 40 percent; donors gave $25,000."]})
    claims = extract_claims(articles, codebook="generic")
    assert set(claims["unit"]) == {"dollars", "percent"}
    assert group_claims(claims, codebook="generic").empty
    assert set(group_claims(claims, codebook="generic", units=["percent"])["unit"]) == {"percent"}
    book = load_claim_units("generic")
    assert {"dollars", "percent"} <= book.known_units - book.compared_units
    assert load_claim_units("story").compared_units == load_claim_units("story").known_units


def test_generic_groups_its_own_units_and_the_story_codebook_does_not_know_them():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                             "text": ["About 12 people were killed in the flood.",
                                      "Officials said 30 people were killed."]})
    claims = extract_claims(articles, codebook="generic")
    groups = group_claims(claims, codebook="generic").set_index("unit")
    assert groups.loc["people killed", "status"] == "conflict"
    assert group_claims(claims, codebook="story").empty  # not a unit the story names


# What the rules gave on the bundled corpus before they were a codebook (commit 069e59c):
# (article, sentence, quantity, unit, matched text). The story codebook gives the same.
BUNDLED_BEFORE = [
    ("000_1e36fff39f093f80", 4, "--12-27", "date of new year letter", "Dec. 27"),
    ("001_28d5480e4d79882a", 9, "15000", "troops", "around 15,000"),
    ("001_28d5480e4d79882a", 14, "--08-13", "date of phone call", "August 13"),
    ("003_99cff697640c6999", 9, "2025-12-27", "date of letter", "December 27, 2025"),
    ("003_99cff697640c6999", 9, "2026-01-08", "date of birthday letter", "January 8, 2026"),
    ("003_99cff697640c6999", 12, "2000-99999", "troops", "thousands"),
    ("003_99cff697640c6999", 14, "600", "troops killed", "at least 600"),
    ("003_99cff697640c6999", 14, "2000-99999", "troops wounded", "thousands"),
    ("003_99cff697640c6999", 22, "2026-01-01", "date", "January 1, 2026"),
    ("003_99cff697640c6999", 23, "2026-01-08", "date of letter", "January 8, 2026"),
    ("003_99cff697640c6999", 40, "2", "troops captured", "Two"),
]


@pytest.fixture(scope="module")
def bundled_articles() -> pd.DataFrame:
    from newsprism.corpus import load_corpus
    from newsprism.corpus.language import english_articles

    return english_articles(load_corpus(paths.CORPORA / "kim_putin_letters_2026").articles)


def test_story_codebook_reproduces_the_units_on_the_bundled_corpus(bundled_articles):
    claims = extract_claims(bundled_articles, codebook="story")
    got = [(r.article_id, r.sentence_id, r.quantity, r.unit, r.text)
           for r in claims.itertuples(index=False)]
    assert got == BUNDLED_BEFORE
    assert extract_claims(bundled_articles).equals(claims)  # the library default


def test_generic_codebook_on_the_bundled_corpus_keeps_only_counted_nouns(bundled_articles):
    units = set(extract_claims(bundled_articles, codebook="generic")["unit"])
    assert {"troops", "troops killed"} <= units  # "15,000 troops", "600 of those soldiers"
    # "two soldiers who were captured" names its noun; "thousands more have been wounded" not
    assert "troops captured" in units and "troops wounded" not in units
    assert not {u for u in units if u.startswith("date of")}  # no dated events in any story


def test_articles_claims_extracts_again_with_another_codebook():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
                             "text": ["12 were killed. 40 people were injured."]})
    annotated = extract_claims(articles).drop(columns="outlet")  # the annotation step's table
    assert set(articles_claims(annotated, articles)["unit"]) == {"troops killed",
                                                                 "troops wounded"}
    generic = articles_claims(annotated, articles, codebook="generic")
    assert list(generic["unit"]) == ["were", "people wounded"]
    assert list(generic["outlet"]) == ["A", "A"]
    assert is_default_units(None) and is_default_units("story")
    assert not is_default_units(paths.CODEBOOKS / "claims_units_generic.yml")


GOOD_UNIT = "counts:\n  units:\n    - unit: votes\n      nouns: [votes]\n"
MALFORMED = {
    "yaml syntax": ("counts: [units\n", "YAML syntax error at line"),
    "duplicate key": ("counts:\n  units: []\n  units: []\n", "duplicate key 'units'"),
    "no counts": ("dates: {}\n", "a 'counts' mapping"),
    "units not a list": ("counts:\n  units: votes\n", "counts.units: must be a non-empty list"),
    "unit without name": ("counts:\n  units:\n    - nouns: [votes]\n",
                          "counts.units #1: must be a mapping with a 'unit' name"),
    "unknown key": ("counts:\n  units:\n    - unit: votes\n      noun: [votes]\n",
                    "unit 'votes': unknown key 'noun'"),
    "nothing to match": ("counts:\n  units:\n    - unit: votes\n",
                         "unit 'votes': needs nouns, alone or before"),
    "then without nouns": ("counts:\n  units:\n    - unit: dead\n      then: [killed]\n",
                           "unit 'dead': then: needs nouns"),
    "not a word": ("counts:\n  units:\n    - unit: dead\n      nouns: ['kill(ed)']\n",
                   "unit 'dead': nouns: 'kill(ed)' is not a word"),
    "nouns not a list": ("counts:\n  units:\n    - unit: dead\n      nouns: dead\n",
                         "unit 'dead': nouns: must be a list of words"),
    "bad modifiers": ("counts:\n  modifiers: three\n" + GOOD_UNIT[8:],
                      "counts.modifiers: must be a whole number"),
    "bad within": ("counts:\n  units:\n    - unit: d\n      nouns: [a]\n      then: [b]\n"
                   "      within: far\n", "unit 'd': within: must be a whole number"),
    "compare not a truth value": ("counts:\n  units:\n    - unit: votes\n      nouns: [votes]\n"
                                  "      compare: maybe\n",
                                  "unit 'votes': compare: must be true or false"),
    "events not a mapping": (GOOD_UNIT + "dates:\n  events: [letter]\n",
                             "dates.events: must map a name to a list of words"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_codebook_names_the_file_the_key_and_the_reason(tmp_path, case):
    text, reason = MALFORMED[case]
    path = tmp_path / "my_units.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimUnitsError) as error:
        load_claim_units(str(path))
    assert str(error.value).startswith("my_units.yml") and reason in str(error.value)


@pytest.mark.parametrize(("value", "message"), [
    ("storyy", "unknown claims units codebook 'storyy'"),
    ("/nowhere/units.yml", "claims units codebook not found: /nowhere/units.yml"),
])
def test_an_unknown_codebook_name_or_missing_file_is_an_error(value, message):
    with pytest.raises(ClaimUnitsError, match=message):
        load_claim_units(value)


def test_an_edited_codebook_is_read_again(tmp_path):
    path = tmp_path / "units.yml"
    path.write_text(GOOD_UNIT, encoding="utf-8")
    assert _units("It got 312 votes.", str(path)) == [("312", "votes")]
    path.write_text(GOOD_UNIT.replace("unit: votes", "unit: ballots cast") + "\n",
                    encoding="utf-8")
    assert _units("It got 312 votes.", str(path)) == [("312", "ballots cast")]


@pytest.mark.parametrize(("word", "matches", "misses"), [
    ("men", "5 men were", "5 mentors were"),                 # whole words
    ("taken prisoner", "5 taken\nprisoner", "5 takenprisoner"),  # a space is any white space
    ("congratulat*", "5 congratulations", "5 congrats"),      # a trailing * is any ending
    ("-year-old", "5-year-old", "5 year-old"),                # a leading sign: no boundary
])
def test_codebook_words_match_whole_words(word, matches, misses):
    book = parse_claim_units(f"counts:\n  units:\n    - unit: x\n      nouns: ['{word}']\n")
    assert book.count_unit(matches, 0, 1) == "x"
    assert book.count_unit(misses, 0, 1) != "x"
