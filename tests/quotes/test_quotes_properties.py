"""Property-based tests: arbitrary text with random quotation marks and newlines never breaks
extraction, and every offset points inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.marks import pair_marks

MARKS = list("\"'“”‘’«»‹›„‚")
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(["\n", "\n\n", " ", ", ", ". ", ": ", " said ", " he said.", " according to ",
                     "Kim Jong Un", "Mr. Putin", "Russia’s", "isn't", "’90s", "students’ "]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def _check(text: str) -> None:
    quotes = extract_quotes(text)
    n = len(text)
    previous = -1
    for q in quotes:
        assert 0 <= q.start <= q.end <= n
        assert q.text == text[q.start:q.end]
        assert q.quote_id > previous
        previous = q.quote_id
        assert q.kind in ("speech", "term") and q.form in ("full", "partial", "block")
        assert 0.0 <= q.confidence <= 1.0
        if q.speaker_start is not None or q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= n
        if q.continues is not None:
            assert 0 <= q.continues < q.quote_id


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_random_marks_and_newlines_never_raise_and_offsets_stay_inside(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_text(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_spans_exclude_marks_and_do_not_overlap(text):
    spans = pair_marks(text)
    end = -1
    for span in spans:
        assert span.start >= end  # spans are ordered and disjoint
        end = span.end
        if span.open >= 0:
            assert span.open < span.start and text[span.open] in MARKS
        if span.close >= 0:
            assert span.close >= span.end and text[span.close] in MARKS
