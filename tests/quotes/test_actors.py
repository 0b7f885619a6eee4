"""Actor registry: validation errors name actor and field; matching rules; the mentions step."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest
from newsprism.core.text import article_sentence_rows
from newsprism.pipeline.annotate import AnnotateOptions, ArticleInput
from newsprism.quotes.actors import (
    ActorRegistryError,
    actors_from_data,
    article_mentions,
    load_actors,
)


@pytest.fixture(scope="module")
def registry():
    return load_actors()


def _mentions(registry, text):
    return [(m.actor, m.surface) for m in registry.find_mentions(text)]


def test_bundled_registry_has_the_story_actors(registry):
    for name in ("Kim Jong Un", "Vladimir Putin", "Xi Jinping", "North Korea", "Russia",
                 "China", "Ukraine", "United States", "South Korea", "KCNA"):
        assert name in registry.names
    assert registry.role("KCNA") == "media"
    assert registry.role("Russia") == "state"


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong Un wrote.", [("Kim Jong Un", "Kim Jong Un")]),
    ("Kim Jong-un wrote.", [("Kim Jong Un", "Kim Jong-un")]),
    ("Pyongyang’s leader wrote.", [("Kim Jong Un", "Pyongyang’s leader")]),
    ("The North Korean leader wrote.", [("Kim Jong Un", "The North Korean leader")]),
    ("the Kremlin said", [("Russia", "the Kremlin")]),
    ("Moscow said", [("Russia", "Moscow")]),
    ("north Korea’s troops", [("North Korea", "north Korea")]),
    ("the Pyongyang Central News Agency (CTAK)",
     [("KCNA", "Pyongyang Central News Agency"), ("KCNA", "CTAK")]),
])
def test_aliases_longest_match_first(registry, text, expected):
    assert _mentions(registry, text) == expected


def test_case_rules_and_word_boundaries(registry):
    assert _mentions(registry, "kim chi and a kimono") == []          # "Kim" capitalised only
    assert _mentions(registry, "Kimberly and Russians") == []         # whole words only
    assert _mentions(registry, "North Korean troops") == []           # demonyms are not states
    assert _mentions(registry, "THE RUSSIAN PRESIDENT") == [("Vladimir Putin",
                                                             "THE RUSSIAN PRESIDENT")]


def test_possessives_and_hyphenated_compounds(registry):
    text = "Kim’s letter, Russia's war and the North Korea-Russia treaty"
    found = registry.find_mentions(text)
    assert [(m.actor, m.surface) for m in found] == [
        ("Kim Jong Un", "Kim"), ("Russia", "Russia"), ("North Korea", "North Korea"),
        ("Russia", "Russia")]
    for m in found:
        assert text[m.start:m.end] == m.surface


def test_other_kims_are_not_kim_jong_un(registry):
    assert _mentions(registry, "Kim Yo Jong spoke; Kim listened.") == [
        ("Kim Yo Jong", "Kim Yo Jong"), ("Kim Jong Un", "Kim")]


def test_resolve_speaker_names(registry):
    assert registry.resolve("Russian President Vladimir Putin") == "Vladimir Putin"
    assert registry.resolve("kim jong un") == "Kim Jong Un"
    assert registry.resolve("Putin’s") == "Vladimir Putin"
    assert registry.resolve("Kremlin spokesman Dmitry Peskov") is None
    assert registry.resolve("") is None and registry.resolve(None) is None


def _actor(**fields):
    base = {"name": "A", "role": "person", "country": "X", "aliases": ["A"]}
    base.update(fields)
    return {k: v for k, v in base.items() if v is not ...}


@pytest.mark.parametrize("actors, fragments", [
    ([_actor(role=...)], ["actor 'A'", "missing required field 'role'"]),
    ([_actor(aliases=...)], ["actor 'A'", "'aliases'"]),
    ([_actor(role="persn")], ["actor 'A'", "'role'", "persn", "person, state"]),
    ([_actor(aliases="Al", colour="red")], ["actor 'A'", "unknown field", "colour"]),
    ([_actor(aliases=[3])], ["actor 'A'", "'aliases'", "3"]),
    ([_actor(country=5)], ["actor 'A'", "'country'"]),
    ([_actor(name="A", aliases=["Moscow"]), _actor(name="B", aliases=["moscow"])],
     ["actor 'B'", "'moscow'", "actor 'A'", "'Moscow'"]),
    ([_actor(), _actor()], ["actor 'A' (#2)", "duplicate actor name"]),
    (["just a string"], ["actor #1", "mapping"]),
])
def test_registry_errors_name_actor_and_field(actors, fragments):
    with pytest.raises(ActorRegistryError) as caught:
        actors_from_data({"actors": actors}, source="test.yml")
    message = str(caught.value)
    assert message.startswith("test.yml: ")
    for fragment in fragments:
        assert fragment in message


def test_load_actors_reports_file_problems(tmp_path):
    missing = tmp_path / "nope.yml"
    with pytest.raises(ActorRegistryError, match="not found"):
        load_actors(missing)
    bad = tmp_path / "bad.yml"
    bad.write_text("actors: [\n")
    with pytest.raises(ActorRegistryError, match="not valid YAML"):
        load_actors(bad)
    good = tmp_path / "good.yml"
    good.write_text(textwrap.dedent("""
        actors:
          - name: Zed
            role: organisation
            country: Nowhere
            aliases: [ZedCorp]
            descriptors: [the zed company]
    """))
    registry = load_actors(good)
    assert [m.actor for m in registry.find_mentions("ZedCorp and The Zed Company and Zed")] == [
        "Zed", "Zed", "Zed"]


def test_article_mentions_step_assigns_sentences(registry):
    text = "Putin wrote to Kim.\nThe Kremlin agreed. Seoul did not."
    article = ArticleInput("a1", text, "en", "Outlet")
    tables = {"sentences": article_sentence_rows(article, {}, AnnotateOptions())}
    table = article_mentions(article, tables, AnnotateOptions())
    assert table.columns.tolist() == ["article_id", "sentence_id", "actor", "surface", "start",
                                      "end"]
    assert table[["sentence_id", "actor"]].values.tolist() == [
        [0, "Vladimir Putin"], [0, "Kim Jong Un"], [1, "Russia"], [2, "South Korea"]]
    for row in table.itertuples():
        assert text[row.start:row.end] == row.surface


def test_article_mentions_empty_for_other_languages():
    article = ArticleInput("b", "Путин написал Ким Чен Ыну. Putin.", "ru", "X")
    table = article_mentions(article, {"sentences": pd.DataFrame()}, AnnotateOptions())
    assert table.empty and "actor" in table.columns


def test_mention_pattern_grouped_by_first_character_matches_the_plain_alternation(registry):
    """The matcher regroups hundreds of aliases by their first character; it must find the
    same spans as the plain alternation, longest alias first, in any case and with the
    non-ASCII characters that case-insensitive aliases match (the Kelvin sign for 'k')."""
    import re

    from newsprism.corpus.readers import load_corpus
    from newsprism.quotes.actors import _alias_pattern

    entries = [(alias, False) for actor in registry.actors.values() for alias in actor.aliases]
    entries += [(d, True) for actor in registry.actors.values() for d in actor.descriptors]
    entries.sort(key=lambda entry: (-len(entry[0]), entry[0]))
    alternatives = dict.fromkeys(_alias_pattern(alias, ic) for alias, ic in entries)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    assert registry._pattern.pattern != plain.pattern  # regrouped
    texts = list(load_corpus().articles["text"])
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    texts.append("\u212aCNA and KCNA; the kremlin, The Kremlin’s view; ſtate media; Kim’s")
    for text in texts:
        assert [m.span() for m in registry._pattern.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
