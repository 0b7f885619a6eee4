"""Description speakers as the article writes them (issue 18: no lowercase variants shown)."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.corpus.readers import load_corpus
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.written_form import case_key, fold_initial, merge_case_variants

# (shape, text, the speaker of every speech quotation)
WRITTEN = [
    ("sentence-initial common noun folded, proper names kept",
     'Sources close to the Russian military said "we are ready." Later, "Yes," sources close to '
     'the Russian military said.', ["sources close to the Russian military"] * 2),
    ("a place before a group noun keeps its capital",
     '"Detectives are looking into it," Richmond police said.', ["Richmond police"]),
    ("a sentence-initial determiner folded",
     'The senator spoke. "We will win," the senator said. The senator said "No."',
     ["the senator", "the senator"]),
    ("proper names inside a description",
     'A White House official said "no deal" today.', ["a White House official"]),
    ("an acronym inside a description",
     '"We will fight," said one district GOP leader.', ["one district GOP leader"]),
]


@pytest.mark.parametrize(("shape", "text", "speakers"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_description_keeps_its_written_case(shape, text, speakers):
    assert [q.speaker for q in extract_quotes(text) if q.kind == "speech"] == speakers


FOLDS = [
    ("Police", "Police said so. The police left.", 0, "police"),
    ("Richmond police", "Richmond police said so.", 0, "Richmond police"),
    ("The senator", "He left. The senator said so.", 9, "the senator"),
    ("The senator", "He met The senator", 7, "The senator"),  # not a sentence's start
    ("Officials in Kyiv", "Officials in Kyiv said so.", 0, "officials in Kyiv"),
    ("Partial transcript", "Partial transcript:", 0, "Partial transcript"),
]


@pytest.mark.parametrize(("form", "text", "at", "expected"), FOLDS)
def test_fold_initial(form, text, at, expected):
    assert fold_initial(form, text, at) == expected


def test_variants_share_one_key_and_one_form():
    assert case_key("Sources close to the Russian military") == case_key(
        "sources  close to the russian military")
    merged = merge_case_variants(pd.Series(["Richmond Police", "Richmond police",
                                            "Richmond police", "Kim"]))
    assert merged.tolist() == ["Richmond police", "Richmond police", "Richmond police", "Kim"]


def test_the_author_stays_a_normalised_description():
    text = 'I asked him. "I am not shy," I said.'
    assert [q.speaker for q in extract_quotes(text) if q.kind == "speech"] == ["the author"]


def test_bundled_corpus_descriptions_are_written_as_in_their_article():
    corpus = load_corpus("data/corpora/kim_putin_letters_2026")
    unwritten = []
    for row in corpus.articles.itertuples():
        for q in extract_quotes(row.text):
            s = q.speaker or ""
            if q.kind == "speech" and s[:1].islower() and s != "the author" and \
                    s not in row.text and s[:1].upper() + s[1:] not in row.text:
                unwritten.append((row.article_id, s))
    assert unwritten == []


def test_share_of_voice_counts_case_variants_as_one_speaker():
    from newsprism.quotes.stats import share_of_voice

    q = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x", "y", "z"], "kind": "speech",
                      "speaker": ["Richmond Police", "Richmond police", "Richmond police"],
                      "speaker_type": "organisation"})
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": "X"})
    voice = share_of_voice(q, arts)
    assert voice[["speaker", "n_quotes"]].values.tolist() == [["Richmond police", 3]]
