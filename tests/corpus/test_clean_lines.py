"""Line features and word weights of the furniture model."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus import clean_lines
from newsprism.corpus.clean_chars import Page


@pytest.mark.parametrize(("line", "words"), [
    ("Share this: Facebook", {"share", "this", "facebook"}),
    ("Mehr zum Thema", {"mehr", "zum", "thema"}),
    ("2026 · 10:15", set()),
    ("x" * (clean_lines.LEXICAL_MAX_CHARS + 1), set()),
    (" ".join(f"w{chr(97 + i)}" for i in range(20)),
     {f"w{chr(97 + i)}" for i in range(clean_lines.LEXICAL_MAX_WORDS)}),
])
def test_line_words(line, words):
    assert clean_lines.line_words(line) == words


def test_word_scores_sum_known_words_once():
    weights = {"share": 2.0, "this": -0.5}
    scores = clean_lines.word_scores(["Share this share", "Body text.", "x" * 300], weights)
    assert scores.tolist() == [1.5, 0.0, 0.0]


@pytest.mark.parametrize(("lines", "scores"), [
    # the twelfth word counts, the thirteenth does not
    (["a b c d e f g h i j k share", "a b c d e f g h i j k l share"], [2.0, 0.0]),
    # long lines between short ones: skipped, the short ones keep their own words
    (["Share", "share " * 40, "this", "x" * 201 + " share"], [2.0, 0.0, -0.5, 0.0]),
    # words are runs of letters: digits and "_" split them, case is folded per line
    (["share2this", "SHARE_THIS", "ΣHARE"], [1.5, 1.5, 0.0]),
])
def test_word_scores_take_the_first_words_of_short_lines(lines, scores):
    weights = {"share": 2.0, "this": -0.5}
    assert clean_lines.word_scores(lines, weights).tolist() == scores


def test_features_have_one_column_per_name_and_see_repeats_and_context():
    lines = ["Home", "News", "A long body paragraph that ends a sentence and goes on for a "
             "while, longer than eighty characters.", "Home"]
    features = clean_lines.line_features(lines)
    assert features.shape == (4, len(clean_lines.FEATURES))
    repeated = features[:, clean_lines.FEATURES.index("repeated_in_page")]
    assert repeated.tolist() == [1.0, 0.0, 0.0, 1.0]
    after = features[:, clean_lines.FEATURES.index("log_body_after")]
    assert after[0] > 0 and after[3] == 0


def test_model_words_make_a_furniture_word_raise_the_score():
    model = clean_lines.load_model()
    assert model["words"] and set(model["features"]) == set(clean_lines.FEATURES)
    furniture = [w for w, c in model["words"].items() if c > 0.5]
    assert furniture
    lines = ["Home", "A long body paragraph that ends a sentence and goes on for a while.",
             "xyzzy"]
    first_pass = {key: value for key, value in model.items() if key != "context"}
    plain = clean_lines.furniture_scores(lines, first_pass)
    worded = clean_lines.furniture_scores(lines[:2] + [furniture[0]], first_pass)
    assert worded[2] > plain[2]
    assert np.all((plain >= 0) & (plain <= 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=".!?。…\"'”»)] a\t\u00a0\u2028x", min_size=1), min_size=1))
def test_sentence_end_counts_equal_the_per_line_regex(lines):
    lines = [line.strip() or "x" for line in lines]
    expected = [len(re.findall(r"[.!?。！？…][\"'”’»)\]]*(?=\s|$)", line)) for line in lines]
    assert clean_lines.sentence_end_counts(Page(lines)).tolist() == expected


_WEIGHTS = {"share": 1.5, "ıx": -0.25, "i̇mza": 2.0, "kommentare": 0.75, "ab": -1.0}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab sharİIıx,1\u00a0é", min_size=1, max_size=230), min_size=1,
                max_size=6))
def test_word_scores_equal_the_per_line_words(lines):
    lines = [line.strip() or "x" for line in lines]
    expected = [sum(_WEIGHTS.get(word, 0.0) for word in clean_lines.line_words(line))
                for line in lines]
    assert clean_lines.word_scores(lines, _WEIGHTS).tolist() == pytest.approx(expected)


_URL_PIECES = ["http", "s", "://", "www", "w", ".", "com", "org", "net", "de", "htm", "l",
               "php", "ph", "ht", "@", "#", "_", "x", " ", "1", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_URL_PIECES), min_size=1, max_size=8), min_size=1,
                max_size=6))
def test_url_feature_equals_the_per_line_regex(pieces):
    lines = ["".join(line).strip() or "x" for line in pieces]
    url = re.compile(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
    column = clean_lines.line_features(lines)[:, clean_lines.FEATURES.index("url_like")]
    assert column.tolist() == [float(url.search(line) is not None) for line in lines]


@pytest.mark.parametrize("line", ["see x.org", "a.de", "b.html", "c.htm", "d.php", "e.com",
                                  "f.net", "http://x", "https://x", "www.x", "@kcna", "#tag",
                                  "the right night", "x.dev", "a.cn", "Mr. Ht", "x.ph"])
def test_url_feature_on_each_kind_of_match(line):
    url = re.compile(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
    column = clean_lines.line_features([line])[:, clean_lines.FEATURES.index("url_like")]
    assert column.tolist() == [float(url.search(line) is not None)]


# Pieces of page lines: menu words, sentence parts, stamps, addresses, CJK, markup.
_LINE_PIECES = ["Home", "News", "Share", "Impressum", "the minister said", "on Monday,",
                "that the budget would pass after a long debate in parliament.", "2026-01-02",
                "10:15", "www.example.com", "@kcna", "#Korea", "|", "•", "“Yes.”", "(END)",
                "金正恩", "はい。", "<div>", "{x}", "1.", "Überall", "wrote to Putin!", ","]
_LINES = st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_LINES, max_size=30), min_size=1, max_size=5))
def test_scores_of_a_batch_equal_page_by_page_to_the_last_bit(pages):
    """The batch (many pages' features in one numpy call) is the general path's arithmetic:
    the same floats, the same body regions, whatever the pages around a page."""
    batch = clean_lines.scores_and_regions(pages)
    for lines, (scores, region) in zip(pages, batch, strict=True):
        alone, alone_region = clean_lines.scores_and_region(lines)
        assert scores.tobytes() == alone.tobytes()
        assert region == alone_region == clean_lines.body_region(lines)
