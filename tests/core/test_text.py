"""Text units: sentence splitting on news hard cases, offsets, TextBlob offline, the gold file."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.core import paths
from newsprism.core.text import (
    article_sentence_rows,
    count_words,
    sentence_table,
    split_paragraphs,
    split_sentences,
)
from newsprism.corpus.readers import load_corpus
from newsprism.corpus.text_validation import (
    COLUMNS,
    GOLD_FILE,
    gold_spans,
    load_gold,
    naive_split,
    sentence_errors,
    validate_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


HARD_CASES = [r for r in load_gold() if r["dataset"] == "hard_cases"]


@pytest.mark.parametrize("record", HARD_CASES, ids=[r["article_id"] for r in HARD_CASES])
def test_gold_hard_cases(record):
    assert sentences(record["text"]) == record["sentences"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Dec. 27, Kim Jong Un sent a New Year’s message to Putin. Yet the language goes far.",
     ["On Dec. 27, Kim Jong Un sent a New Year’s message to Putin.",
      "Yet the language goes far."]),
    ("It allows Kim to ignore the U.S. and South Korea entirely. He does not need relief.",
     ["It allows Kim to ignore the U.S. and South Korea entirely.",
      "He does not need relief."]),
    ('This isn\'t just about "Happy New Year." It’s about a relationship.',
     ['This isn\'t just about "Happy New Year."', "It’s about a relationship."]),
    ("the alliance “will be invariably carried forward in the future.” Kim’s remarks came later.",
     ["the alliance “will be invariably carried forward in the future.”",
      "Kim’s remarks came later."]),
    ('"Why?" he asked. "Why not?" she replied!',
     ['"Why?" he asked.', '"Why not?" she replied!']),
    ("north Korea is a sanctioned state. north Korea is a partner.",  # the author's styling
     ["north Korea is a sanctioned state.", "north Korea is a partner."]),
    ("At 10 a.m. Monday the troops moved. At 9 a.m. ET Kim spoke.",
     ["At 10 a.m. Monday the troops moved.", "At 9 a.m. ET Kim spoke."]),
    # Written after the PolNeAR dev check showed these two patterns:
    ("“Is it over?” Graham asked. “Not yet.”", ["“Is it over?” Graham asked.", "“Not yet.”"]),
    ("Sen. Lindsey Graham (R-S.C.) told reporters. He left.",
     ["Sen. Lindsey Graham (R-S.C.) told reporters.", "He left."]),
    ("“Why?” The question hung in the air.", ["“Why?”", "The question hung in the air."]),
    # Written after the PolNeAR hold-out check showed these patterns:
    ("“A disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus. He left.",
     ["“A disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.",
      "He left."]),
    ("He had no proof of it. ... He would not have done that.",
     ["He had no proof of it. ...", "He would not have done that."]),
    ("Oswald was near John F. Kennedy that day. He blamed the U.S. The Kremlin was silent.",
     ["Oswald was near John F. Kennedy that day.", "He blamed the U.S.",
      "The Kremlin was silent."]),
    ("Mr. Kim and Ms. Choe met Sen. Smith, Jr. in Washington, D.C. on Tuesday.",
     ["Mr. Kim and Ms. Choe met Sen. Smith, Jr. in Washington, D.C. on Tuesday."]),
])
def test_more_news_hard_cases(text, expected):
    assert sentences(text) == expected


def test_sentences_never_cross_line_breaks_and_offsets_index_the_text():
    text = "Kim wrote to\nPutin on Dec. 27. He replied.\n\n  A signal.  \nAnd a warning"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Kim wrote to", "Putin on Dec. 27.", "He replied.", "A signal.", "And a warning"]
    assert all("\n" not in text[s:e] for s, e in spans)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. ?!\n\"“”'Mr.U.S 1")), max_size=80))
def test_split_invariants(text):
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert "\n" not in text[start:end]
        last = end
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == "".join(text.split())


def test_textblob_sentences_work_offline_with_news_abbreviations():
    from textblob import TextBlob

    blob = TextBlob("On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense. He replied at 9 a.m. "
                    "on Jan. 1.")
    assert [str(s) for s in blob.sentences] == [
        "On Dec. 27 Kim wrote to Mr. Putin in the U.S. sense.", "He replied at 9 a.m. on Jan. 1."]


def test_nltk_sent_tokenize_uses_the_package_parameters():
    import nltk

    assert nltk.sent_tokenize("Gen. Kim met Lt. Col. Park. They talked.") == [
        "Gen. Kim met Lt. Col. Park.", "They talked."]


def test_sentence_table_and_annotate_step_agree():
    corpus = load_corpus()
    table = sentence_table(corpus.articles)
    assert list(table.columns) == ["article_id", "sentence_id", "paragraph_id", "start", "end",
                                   "text"]
    texts = corpus.articles.set_index("article_id")["text"]
    for row in table.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    first = corpus.articles.iloc[0]

    class Article:  # the ArticleInput fields the step uses
        article_id, text = first["article_id"], first["text"]

    rows = article_sentence_rows(Article, {}, None)
    expected = table[table["article_id"] == first["article_id"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(rows, expected)
    assert table.groupby("article_id")["sentence_id"].apply(
        lambda s: list(s) == list(range(len(s)))).all()


def test_paragraphs_and_words():
    assert split_paragraphs("A.\n\nB.") == [(0, 2), (4, 6)]
    assert count_words("Kim Jong-un's letter — 15,000 troops.") == 5


# ---------------------------------------------------------------- the gold file


def test_gold_file_is_well_formed_and_tiles_the_cleaned_corpus():
    records = load_gold()
    with open(GOLD_FILE, encoding="utf-8") as handle:
        assert all(json.loads(line) for line in handle)
    bundled = [r for r in records if r["dataset"] == "bundled"]
    texts = load_corpus().articles.set_index("article_id")["text"]
    assert sorted(r["article_id"] for r in bundled) == sorted(texts.index)
    for record in bundled:
        spans = gold_spans(texts[record["article_id"]], record["sentences"])
        assert len(spans) == len(record["sentences"]) > 10
    for record in HARD_CASES:
        gold_spans(record["text"], record["sentences"])
    with pytest.raises(ValueError):
        gold_spans("One. Two.", ["One.", "Three."])


def test_validate_sentences_table():
    table = validate_sentences()
    assert list(table.columns) == COLUMNS
    polnear_rows = table["dataset"].astype(str).str.contains("polnear", case=False)
    assert set(table.loc[~polnear_rows, "status"]) == {"ok"}
    # PolNeAR gold is stored as offsets only; its text lives next to the repository.
    expected = {"ok"} if paths.POLNEAR.exists() else {
        "gold text not available (PolNeAR missing next to the repository)"}
    assert set(table.loc[polnear_rows, "status"]) == expected
    table = table[table["status"] == "ok"]
    assert set(table["metric"]) == {"boundary_precision", "boundary_recall", "boundary_f1",
                                    "exact_sentence_match"}
    assert set(table["engine"]) >= {"punkt-news", "regex-baseline"}
    value = table.set_index(["dataset", "engine", "metric"])["value"]
    assert value.between(0, 1).all()
    # The news splitter must beat the naive baseline on the hard cases it was built for.
    assert value["hard_cases", "punkt-news", "boundary_f1"] > \
        value["hard_cases", "regex-baseline", "boundary_f1"]
    n = table.set_index(["dataset", "engine", "metric"])["n"]
    assert n["bundled", "punkt-news", "exact_sentence_match"] == sum(
        len(r["sentences"]) for r in load_gold() if r["dataset"] == "bundled")


def test_validate_sentences_reports_missing_or_stale_gold(tmp_path):
    missing = validate_sentences(path=tmp_path / "none.jsonl")
    assert missing["status"].iloc[0].startswith("gold not found")
    stale = tmp_path / "stale.jsonl"
    stale.write_text(json.dumps({"dataset": "hard_cases", "article_id": "x", "text": "A. B.",
                                 "sentences": ["A.", "C."]}) + "\n", encoding="utf-8")
    assert validate_sentences(path=stale)["status"].iloc[0].startswith("gold out of date")


def test_sentence_errors_lists_baseline_mistakes(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"dataset": "hard_cases", "article_id": "x",
                                "text": "On Dec. 27 Kim wrote. He left.",
                                "sentences": ["On Dec. 27 Kim wrote.", "He left."]}) + "\n",
                    encoding="utf-8")
    errors = sentence_errors("regex-baseline", path=gold)
    assert errors["kind"].tolist() == ["spurious"] and "Dec." in errors["context"].iloc[0]
    assert sentence_errors("punkt-news", path=gold).empty
    assert naive_split("A b. C d.") == [(0, 4), (5, 9)]
