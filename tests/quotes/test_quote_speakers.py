"""Speaker types and the hand-checked speakers of the bundled corpus (issue 18)."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.corpus.readers import load_corpus
from newsprism.quotes.actors import load_actors
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.speakers import speaker_type
from newsprism.quotes.stats import anonymous_share, share_of_voice

GOLD = paths.GOLD / "quote_speakers_gold.csv"

TYPES = [
    ("Kim Jong Un", "Kim", "person"),
    ("Vladimir Putin", "he", "person"),
    ("Richmond police", "Richmond police", "organisation"),
    ("the Trump campaign", "the Trump campaign", "organisation"),
    ("a White House official", "a White House official", "anonymous"),
    ("sources close to the Russian military", "Sources close to the Russian military",
     "anonymous"),
    ("one well-connected Democrat familiar with the Clinton campaign's organization",
     "one well-connected Democrat familiar with the Clinton campaign's organization", "anonymous"),
    ("the letter", "the letter", "document"),
    ("a statement", "a statement", "document"),
    ("the senator from Vermont", "The senator from Vermont", "person"),
    (None, None, "unknown"),
]


@pytest.mark.parametrize("speaker, surface, expected", TYPES)
def test_speaker_type(speaker, surface, expected):
    assert speaker_type(speaker, surface) == expected


def test_registry_roles_decide_first():
    registry = load_actors()
    assert speaker_type("KCNA", "KCNA", registry) == "document"
    assert speaker_type("Kim Jong Un", "The North Korean leader", registry) == "person"


def _gold_rows():
    with GOLD.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _bundled_quotes():
    corpus = load_corpus("data/corpora/kim_putin_letters_2026")
    registry = load_actors()
    return {row.article_id: extract_quotes(row.text, registry)
            for row in corpus.articles.itertuples()}


def test_bundled_corpus_speakers_match_the_hand_checked_list():
    quotes = _bundled_quotes()
    rows = _gold_rows()
    assert len(rows) >= 35
    wrong = []
    for row in rows:
        found = [q for q in quotes[row["article_id"]] if q.text.startswith(row["quote_starts"])]
        q = found[int(row["occurrence"]) - 1]
        expected = row["speaker"] or None
        got = q.speaker if q.kind == "speech" else None
        ok = got == expected and (expected is None or q.speaker_type == row["speaker_type"])
        if not ok and not row["known_error"]:
            wrong.append((row["article_id"], row["quote_starts"], expected, got, q.speaker_type))
        if ok and row["known_error"]:
            wrong.append(("fixed: update the known_error flag", row["quote_starts"]))
    assert wrong == []
    # no known error is left (see data/gold/quote_speakers_gold.md)
    assert sum(bool(r["known_error"]) for r in rows) == 0


def test_bundled_corpus_has_no_role_description_as_a_separate_speaker():
    quotes = _bundled_quotes()
    speakers = {q.speaker for qs in quotes.values() for q in qs if q.kind == "speech" and q.speaker}
    assert {"Kim Jong Un", "Vladimir Putin"} <= speakers
    table = pd.DataFrame([{"article_id": aid, "text": q.text, "kind": q.kind,
                           "speaker": q.speaker, "speaker_type": q.speaker_type}
                          for aid, qs in quotes.items() for q in qs])
    voice = share_of_voice(table, pd.DataFrame({"article_id": list(quotes), "outlet": "X"}))
    named = set(voice["speaker"]) - {"(unattributed)", "(anonymous source)"}
    # every speaker in share of voice is a name, never a lowercase description
    assert named == {"Kim Jong Un", "Vladimir Putin"}
    share = anonymous_share(table, pd.DataFrame({"article_id": list(quotes), "outlet": "X"}))
    assert share["n_anonymous"].tolist() == [1]


def test_without_actors_codebook_no_role_description_speaks_beside_its_person():
    # plain extract_quotes: 'The North Korean leader' (002) and 'The Russian leader' (004)
    # resolve to the leader the article names, never a lowercase description of a person
    corpus = load_corpus("data/corpora/kim_putin_letters_2026")
    described, resolved = [], []
    for row in corpus.articles.itertuples():
        for q in extract_quotes(row.text):
            if q.kind != "speech" or not q.speaker:
                continue
            if q.speaker[:1].islower() and q.speaker_type == "person":
                described.append((row.article_id, q.speaker))
            if (q.speaker_surface or "").lower().endswith(" leader"):
                resolved.append((row.article_id[:3], q.speaker, q.speaker in row.text))
    assert described == []
    assert ("002", "Kim Jong Un", True) in resolved and ("004", "Vladimir Putin", True) in resolved
    assert all(named for _, _, named in resolved)
