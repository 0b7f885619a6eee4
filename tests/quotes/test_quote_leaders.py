"""'The X leader' resolves to the one head of state or government the article introduced for
country X (issue 18), with the country forms of ``places.yml``.

Each row of RESOLVED failed before ``quotes.leaders``: 'the North Korean leader' after
'Pyongyang’s leader Kim Jong Un' was a speaker of its own. Rows of UNRESOLVED stay a description:
two leaders of the country (before, the latest
'Russian leader' named was taken), only another country's leader, a former leader, no codebook country.
"""

from __future__ import annotations

import pytest
from conftest import assert_codebook_rejected, said_quote
from newsprism.quotes.leaders import leader_introductions, parse_leader
from newsprism.quotes.places import country_of, load_places

RESOLVED = [
    # the two shapes of the bundled corpus (002 and 004)
    ("Pyongyang\u2019s leader Kim Jong Un wrote to Moscow. ", "The North Korean leader",
     "Kim Jong Un"),
    ("Russian President Vladimir Putin\u2019s New Year\u2019s address to North Korean leader "
     "Kim Jong Un was read. ", "The Russian leader", "Vladimir Putin"),
    # a country possessive, a capital, a seat of government, a title noun
    ("North Korea\u2019s leader Kim Jong Un spoke. ", "the North Korean leader", "Kim Jong Un"),
    ("Beijing\u2019s President Xi Jinping spoke. ", "the Chinese leader", "Xi Jinping"),
    ("Kremlin leader Vladimir Putin spoke. ", "the Russian leader", "Vladimir Putin"),
    ("British Prime Minister Keir Starmer spoke. ", "the British leader", "Keir Starmer"),
    ("German Chancellor Olaf Scholz spoke. ", "the German head of state", "Olaf Scholz"),
    # by apposition, the title after the name (each unresolved before)
    ("Vladimir Putin, Russia\u2019s president, wrote to Pyongyang. ", "the Russian leader",
     "Vladimir Putin"),
    ("Putin, the Russian leader, wrote to Pyongyang. ", "the Russian leader", "Putin"),
    ("Kim Jong Un, North Korea\u2019s leader, wrote to Moscow. ", "the North Korean leader",
     "Kim Jong Un"),
    ("Later Vladimir Putin, Russia's president. ", "the Russian president", "Vladimir Putin"),
    ("Xi Jinping, China's president; Putin, Russia's president. ", "The Chinese leader",
     "Xi Jinping"),
    ("The Russian leader, Vladimir Putin, wrote. ", "the Russian leader", "Vladimir Putin"),
]

UNRESOLVED = [
    ("Russian President Vladimir Putin met Russian Prime Minister Mikhail Mishustin. ",
     "the Russian leader"),                                                    # two leaders
    ("Russian leader Boris Yeltsin named Russian leader Vladimir Putin. ", "the Russian leader"),
    ("North Korean leader Kim Jong Un spoke. ", "the Russian leader"),        # another country
    ("Former Russian President Dmitry Medvedev spoke. ", "the Russian leader"),  # former
    ("Russian President Vladimir Putin spoke. ", "the former Russian leader"),
    ("Russian Prime Minister Mikhail Mishustin spoke. ", "the Russian president"),  # title
    ("Party leader Jane Smith spoke. ", "the party leader"),                  # no country
    # appositions: two of one country, another's spokesman, an open or former apposition
    ("Vladimir Putin, Russia's president, and Mikhail Mishustin, Russia's prime minister, "
     "spoke. ", "the Russian leader"),
    ("Putin, the Russian leader, met Yeltsin, the Russian leader. ", "the Russian leader"),
    ("Dmitry Peskov, the Russian president\u2019s spokesman, spoke. ", "the Russian leader"),
    ("Dmitry Medvedev, Russia's former president, spoke. ", "the Russian leader"),
    ("Dmitry Medvedev, the former Russian president, spoke. ", "the Russian leader"),
    ("Putin, Russia's president since 2000, spoke. ", "the Russian leader"),
    ("Mikhail Mishustin, Russia's prime minister, spoke. ", "the Russian president"),
    ("Kim Jong Un, North Korea's leader, spoke. ", "the Russian leader"),
]


@pytest.mark.parametrize("intro, description, speaker", RESOLVED)
def test_leader_description_resolves_to_the_leader_introduced(intro, description, speaker):
    q = said_quote(intro, description)
    assert q.speaker == speaker
    assert q.speaker_surface == description  # the mention stays auditable


@pytest.mark.parametrize("intro, description", UNRESOLVED)
def test_leader_description_without_one_leader_stays(intro, description):
    q = said_quote(intro, description)
    assert q.speaker == description  # as the article writes it


@pytest.mark.parametrize("description, parsed", [
    ("the Russian leader", ("Russia", "leader")),
    ("The  North Korean head of state", ("North Korea", "head of state")),
    ("the Kremlin leader", ("Russia", "leader")),
    ("the former Russian leader", None),
    ("the russian leader", None),   # lowercase: no place the codebook writes so
    ("the Korean leader", None),
    ("the senator", None),
])
def test_parse_leader(description, parsed):
    assert parse_leader(description) == parsed


def test_leader_introductions_are_before_the_quote():
    text = "Russian President Vladimir Putin spoke. "
    assert leader_introductions(text, "the Russian leader", 10) == []
    assert [text[s:e] for s, e in leader_introductions(text, "the Russian leader", len(text))] \
        == ["Vladimir Putin"]


@pytest.mark.parametrize("modifier, country", [
    ("Russian", "Russia"), ("Moscow\u2019s", "Russia"), ("North Korea's", "North Korea"),
    ("Pyongyang", "North Korea"), ("South Korean", "South Korea"), ("Korean", None),
    ("russian", None),
])
def test_country_of(modifier, country):
    assert country_of(modifier) == country


@pytest.mark.parametrize("body, message", [
    ("- Russia\n", "mapping of country"),
    ("Russia: {adjectives: [Russian]}\n", "needs 'names'"),
    ("Russia: {names: Russia}\n", "must be a list"),
    ("Russia: {names: [Russia]}\nSoviet Union: {names: [Russia]}\n", "listed under"),
])
def test_load_places_rejects_a_malformed_codebook(tmp_path, body, message):
    assert_codebook_rejected(load_places, tmp_path, body, message)


def test_shipped_places_codebook_covers_the_countries_in_the_news():
    places = load_places()
    assert len(set(places.values())) >= 60
    assert places["Russian"] == places["Kremlin"] == "Russia"
