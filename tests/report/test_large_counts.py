"""Counts of a large corpus written with thousands separators wherever the report writes them
(captions, readings, key findings), as every other reading does: "13,415", not "13415"."""

from __future__ import annotations

import pytest

from newsprism.viz.display import caption


@pytest.mark.parametrize(("n", "unit", "shown"), [
    (13415, "sentences", "n = 13,415 sentences."),
    (5, "articles", "n = 5 articles."),
    (1000, "words", "n = 1,000 words."),
])
def test_caption_count_has_thousands_separator(n, unit, shown):
    assert shown in caption("Tone.", n=n, unit=unit)
