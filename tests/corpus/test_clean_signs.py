"""Body signs: the batch path (``sign_codes``) equals ``body_sign`` line by line, page by page."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus.clean_chars import Page
from newsprism.corpus.clean_segments import Segments
from newsprism.corpus.clean_signs import BODY_SIGNS, LineSigns, body_sign, sign_codes


def _general(pages: list[list[str]], body_like: list[bool]) -> list[str | None]:
    found, start = [], 0
    for lines in pages:
        signs = LineSigns(lines)
        signs.body_like = body_like[start:start + len(lines)]
        found += [body_sign(lines, k, signs) for k in range(len(lines))]
        start += len(lines)
    return found


def _batch(pages: list[list[str]], body_like: list[bool]) -> list[str | None]:
    page = Page([line for lines in pages for line in lines])
    codes = sign_codes(page, np.array(body_like, dtype=bool), Segments(list(map(len, pages))))
    return [BODY_SIGNS[code] for code in codes.tolist()]


@pytest.mark.parametrize("lines, expected", [
    (["Title", "Menu"], ["first line (headline)", None]),
    (["A", "He came home.", "She left early.", "Menu"],
     ["first line (headline)", None, "a sentence after a sentence", None]),
    (["A", "He came home.", "Subhead", "She left (early.)"],
     ["first line (headline)", None, "between two sentences (a subhead)", None]),
    (["A", "Menu", "continued here"], ["first line (headline)", None, "continues the line before"]),
    (["A", "A paragraph that runs on for more than forty characters and", "Goes on"],
     ["first line (headline)", None, "continues the line before"]),
    (["A", "Menu", "Other", "Else", "1. One", "2) Two", "(3) Three", "X", "Y", "Z", "(12 Four"],
     ["first line (headline)", None, None, "numbered list item", "numbered list item",
      "numbered list item", "numbered list item", "numbered list item", "numbered list item",
      None, None]),
    (["A", "B" + "b" * 39, "Next"], ["first line (headline)", None, "continues the line before"]),
    (["A", "B" + "b" * 38, "Next"], ["first line (headline)", None, None]),
    (["A", "b", "٣. Arabic-Indic digit", "٤. another"],
     ["first line (headline)", "continues the line before", "numbered list item",
      "numbered list item"]),
    (["A", "𝐁 bold", "𝑎 lower math letter"],
     ["first line (headline)", None, "continues the line before"]),
])
def test_sign_codes_cases(lines, expected):
    assert _general([lines], [True] * len(lines)) == expected
    assert _batch([lines], [True] * len(lines)) == expected


_CHARS = st.sampled_from(list("aZ 1٣(.)!?:;\"'”’»…。xé-") + ["𝑎", "𝐁"])
_LINE = st.text(_CHARS, min_size=1, max_size=50).map(str.strip).filter(bool)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=12), min_size=1, max_size=5),
       st.randoms(use_true_random=False))
def test_sign_codes_equal_body_sign_on_random_pages(pages, random):
    n = sum(map(len, pages))
    body_like = [random.random() < 0.5 for _ in range(n)]
    assert _batch(pages, body_like) == _general(pages, body_like)


def test_line_signs_read_codes_when_given():
    lines = ["Title", "He came home.", "She left early.", "1. One", "2. Two"]
    codes = sign_codes(Page(lines), np.ones(5, dtype=bool), Segments([5])).tolist()
    with_codes, without = LineSigns(lines, codes=codes), LineSigns(lines)
    assert [with_codes.why(k) for k in range(5)] == [without.why(k) for k in range(5)]
    assert with_codes.why(2) == "a sentence after a sentence"
