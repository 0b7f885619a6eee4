"""Word vectors from unlabelled text: co-occurrence, PPMI, SVD, vocabulary and sources."""

from __future__ import annotations

import numpy as np
import pytest
from newsprism.sentiment import tone_vectors

COOC_CASES = [  # (docs, window, pair, count)
    ([["a", "b", "c"]], 2, ("a", "b"), 1.0),
    ([["a", "b", "c"]], 2, ("a", "c"), 0.5),  # two apart: weighted 1/2
    ([["a", "b", "c"]], 1, ("a", "c"), 0.0),  # beyond the window
    ([["a", "b"], ["c"]], 5, ("b", "c"), 0.0),  # never across documents
    ([["a", "b"], ["b", "a"]], 1, ("b", "a"), 2.0),  # symmetric, summed over documents
    ([["a", "x", "b"]], 2, ("a", "b"), 0.5),  # a word outside the vocabulary keeps its place
]


@pytest.mark.parametrize(("docs", "window", "pair", "count"), COOC_CASES)
def test_cooccurrence_weighs_pairs_by_distance_within_a_document(docs, window, pair, count):
    words = ["a", "b", "c"]
    counts = tone_vectors.cooccurrence(docs, words, window).toarray()
    i, j = words.index(pair[0]), words.index(pair[1])
    assert counts[i, j] == pytest.approx(count)
    np.testing.assert_allclose(counts, counts.T)


def test_ppmi_is_positive_and_keeps_pairs_seen_more_than_chance():
    docs = [["good", "news"]] * 5 + [["bad", "day"]] * 5 + [["good", "day"]]
    words = ["bad", "day", "good", "news"]
    values = tone_vectors.ppmi(tone_vectors.cooccurrence(docs, words, 1)).toarray()
    assert (values >= 0).all()
    assert values[words.index("good"), words.index("news")] > 0
    assert values[words.index("bad"), words.index("news")] == 0


def test_vocabulary_keeps_frequent_words_and_every_vader_word_seen():
    docs = [["meeting"] * 5 + ["table", "horrendous"]]
    assert tone_vectors.vocabulary(docs, min_count=5) == ["horrendous", "meeting"]


def _toy_docs():
    rng = np.random.default_rng(0)
    docs = []
    for _ in range(300):
        mood = ["great", "excellent"][rng.integers(2)]
        thing = ["table", "chair"][rng.integers(2)]
        docs.append(["what", "a", mood, "day", "said", "she"])
        docs.append(["the", thing, "stood", "in", "the", "room"])
    return docs


def test_vectors_place_words_of_shared_contexts_together_and_are_reproducible():
    first = tone_vectors.fit(_toy_docs(), dims=4, min_count=1, window=2)
    again = tone_vectors.fit(_toy_docs(), dims=4, min_count=1, window=2)
    np.testing.assert_array_equal(first["matrix"], again["matrix"])
    assert first["matrix"].dtype == np.float16
    vec = dict(zip(first["words"], first["matrix"].astype(float), strict=True))
    assert vec["great"] @ vec["excellent"] > vec["great"] @ vec["table"]
    assert vec["table"] @ vec["chair"] > vec["table"] @ vec["excellent"]
    np.testing.assert_allclose(np.linalg.norm(first["matrix"].astype(float), axis=1), 1, atol=1e-2)


def test_unlabelled_documents_read_paragraphs_then_distinct_sentences(tmp_path):
    text = tmp_path / "train" / "text"
    text.mkdir(parents=True)
    (text / "b.txt").write_text("Second article.", encoding="utf-8")
    (text / "a.txt").write_text("First paragraph, here.\n\nIt's 2016!", encoding="utf-8")
    docs = tone_vectors.unlabelled_documents(["A sentence.", "A sentence.", "Another."], tmp_path)
    assert docs == [["first", "paragraph", "here"], ["it's"], ["second", "article"],
                    ["a", "sentence"], ["another"]]


def test_unlabelled_documents_without_polnear_raise_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="PolNeAR train texts"):
        tone_vectors.unlabelled_documents([], tmp_path)
