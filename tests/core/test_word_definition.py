"""One definition of a word: every consumer counts the same words in one sentence."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare import hedging, keyness, overview, profiles, similarity, sourcing
from newsprism.core import text
from newsprism.pipeline.annotate import AnnotateOptions, ArticleInput
from newsprism.quotes import clusters as quote_clusters
from newsprism.quotes import stats as quote_stats

# curly and straight apostrophes, a hyphenated name, a thousands separator, a decimal, an
# abbreviation with full stops, quotation marks and a dash
SENTENCE = ("Kim Jong-un’s letter praised Russia's 15,000 troops — “a sacred alliance” — at 3.5 "
            "p.m. on New Year's Eve!")
EXPECTED = 18  # Kim, Jong-un’s, letter, praised, Russia's, 15,000, troops, a, sacred, alliance,
#                at, 3.5, p, m, on, New, Year's, Eve


def _articles() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": [SENTENCE],
                         "language": ["en"]})


def _sentiment_words() -> int:
    from newsprism.core.text import article_sentence_rows
    from newsprism.sentiment.scoring import article_sentiment

    article = ArticleInput("a", SENTENCE)
    options = AnnotateOptions(sentiment_engines=("vader",))
    tables = {"sentences": article_sentence_rows(article, {}, options)}
    rows = article_sentiment(article, tables, options)
    return int(rows[rows["voice"] == "all"]["n_words"].sum())


CONSUMERS = {
    "text.count_words": lambda: text.count_words(SENTENCE),
    "text.words": lambda: len(text.words(SENTENCE)),
    "keyness.tokenize": lambda: len(keyness.tokenize(SENTENCE)),
    "overview shingles": lambda: len(overview._words(SENTENCE)[0]),
    "similarity passages": lambda: len(similarity._word_spans(SENTENCE)[0]),
    "quote_clusters wording": lambda: len(quote_clusters.normalize_quote(SENTENCE).split()),
    "quote_clusters offsets": lambda: len(quote_clusters._word_spans(SENTENCE)),
    "hedging exposure": lambda: int(hedging.voice_word_counts(_articles(), voice="all")["a"]),
    "hedging rates": lambda: int(hedging.hedging_rates(_articles(), voice="all")["n"].iloc[0]),
    "sourcing rates": lambda: int(sourcing.sourcing_rates(
        sourcing.sourcing_table(_articles()), _articles())["n"].iloc[0]),
    "outlet profiles": lambda: int(profiles.outlet_profiles({"articles": _articles()})[
        "n_words"].iloc[0]),
    "quote rates": lambda: int(quote_stats.article_quote_rates(
        pd.DataFrame(columns=["article_id", "kind", "start", "end"]), _articles())[
        "n_words"].iloc[0]),
    "sentiment sentences": _sentiment_words,
}


@pytest.mark.parametrize("consumer", list(CONSUMERS))
def test_every_consumer_counts_the_same_words(consumer):
    assert CONSUMERS[consumer]() == EXPECTED, consumer


def test_tfidf_uses_the_same_words():
    # the same sentence in two spellings of its words is one document to TF-IDF
    other = SENTENCE.replace("’", "'").upper()
    matrix = similarity.tfidf_vectors([SENTENCE, other, "Unrelated parliament debate."])
    assert round(float((matrix @ matrix.T)[0, 1]), 6) == 1.0


def test_rate_per_1k_is_one_definition():
    assert text.per_1k(3, 1500) == 2.0
    assert pd.isna(text.per_1k(1, 0))
    rates = hedging.hedging_rates(pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
                                                "text": ["Perhaps."]}), voice="all")
    assert rates.loc[rates["kind"] == "hedge", "estimate"].iloc[0] == text.per_1k(1, 1)


def _word_spans_one_by_one(sentence: str):
    found = list(text.WORD.finditer(sentence))
    return [text.fold_word(m.group(0)) for m in found], [m.span() for m in found]


@pytest.mark.parametrize("sentence", [SENTENCE, "", "ΟΔΟΣ ΣΑΣ\nİstanbul’s", "a_b ǅemal ﬁne"])
def test_word_spans_folds_as_one_word_at_a_time(sentence):
    assert text.word_spans(sentence) == _word_spans_one_by_one(sentence)
    assert text.words(sentence) == _word_spans_one_by_one(sentence)[0]
    found, spans = text.word_span_array(sentence)
    assert (found, [tuple(s) for s in spans.tolist()]) == _word_spans_one_by_one(sentence)


def test_word_spans_property():
    # folding all words in one call (fold_words) gives each word's own fold_word, and the
    # array spans are the match spans
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("aZΣσςİıßǅﬁ0_-'’.,\n ") + ["\u0301", "Ä"])

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=40) | st.text(max_size=40))
    def check(sentence):
        expected = _word_spans_one_by_one(sentence)
        assert text.word_spans(sentence) == expected
        found, spans = text.word_span_array(sentence)
        assert (found, [tuple(s) for s in spans.tolist()]) == expected

    check()
