"""Copied passages: stock phrases are not copies; a voice needs a share of the article."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare.similarity import find_copied_passages, independent_voices

CLOSING = "As the crisis unfolds, the world will be watching closely to see how this plays out."
FILLER = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
          "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee")


def _own(seed: int, n: int = 60) -> str:
    words = FILLER.split()
    return " ".join(f"{words[(seed * 7 + i * 3) % len(words)]}{seed}{i}" for i in range(n)) + "."


def _articles(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "outlet": [f"O{i}" for i in range(len(texts))], "text": list(texts)})


def test_a_shared_stock_closing_line_is_not_a_copy():
    articles = _articles(_own(1) + " " + CLOSING, _own(2) + " " + CLOSING)
    passages = find_copied_passages(articles)
    assert passages.empty
    assert passages.attrs["n_stock_passages"] == 1
    assert "watching closely" in passages.attrs["stock_passages"][0]
    assert independent_voices(articles, passages)["voice_id"].nunique() == 2


def test_the_same_line_inside_a_long_copied_paragraph_is_still_a_copy():
    shared = ("Officials in both capitals exchanged letters on Tuesday pledging that their "
              "military cooperation would deepen through the coming year despite sanctions. "
              + CLOSING)
    articles = _articles(_own(1, 20) + " " + shared, _own(2, 20) + " " + shared)
    passages = find_copied_passages(articles)
    assert len(passages) == 1 and passages["n_words"].iloc[0] >= 30
    assert independent_voices(articles, passages)["voice_id"].nunique() == 1


def test_a_short_run_recurring_across_the_corpus_is_stock():
    slogan = "long live the great friendship between our two peoples forever"
    articles = _articles(*(f"{_own(i)} {slogan}. {_own(i + 10)}" for i in range(5)))
    passages = find_copied_passages(articles)  # the slogan is in no stock-phrase list
    assert passages.empty and passages.attrs["n_stock_passages"] == 10
    assert len(find_copied_passages(articles, stock_phrases=False)) == 10  # 5 x 4 / 2 pairs


def test_a_short_non_formulaic_shared_run_is_kept_but_makes_no_voice():
    run = "the envoy carried a sealed birch box with two amber seals inside"
    articles = _articles(f"{_own(1)} {run}. {_own(3)}", f"{_own(2)} {run}. {_own(4)}")
    passages = find_copied_passages(articles)
    assert len(passages) == 1
    # 12 of ~130 words copied: below the 20% a shared voice needs
    assert independent_voices(articles, passages)["voice_id"].nunique() == 2


def test_passages_html_shows_the_longest_passages_first():
    # PolNeAR train: "First 20 of 522 passages shown" were all Breitbart's eight-word phrases
    # ("to serve as President of the United States"); the 24-word ones were not shown.
    from newsprism.compare.similarity import passages_html

    rows = [{"outlet_a": "A", "article_a": f"a{i}", "start_a": 0, "end_a": 1,
             "text_a": f"passage{i}", "outlet_b": "B", "article_b": f"b{i}", "start_b": 0,
             "end_b": 1, "text_b": f"passage{i}", "n_words": n}
            for i, n in enumerate([8, 8, 30, 9, 24])]
    rendered = str(passages_html(pd.DataFrame(rows), max_rows=2))
    assert "passage2<" in rendered and "passage4<" in rendered
    assert "passage0<" not in rendered and "passage3<" not in rendered
    assert rendered.index("passage2<") < rendered.index("passage4<")
    assert "The 2 longest of 5 passages shown" in rendered


# PolNeAR train: HuffPost and the Washington Post were "one independent voice", and 40's index
# said each "copies a large share of an article" of the other, because a 100-word HuffPost
# brief and a long Post article shared "for a ban on Muslims entering the United States".
@pytest.mark.parametrize("brief_words, shared, is_copy", [
    (40, 10, False),       # one phrase is 25% of a brief
    (100, 20, False),
    (100, 30, True),       # 30 words and 30%: a copied paragraph
    (1000, 300, True),
])
def test_a_copy_needs_a_share_and_enough_words(brief_words, shared, is_copy):
    phrase = " ".join(f"shared{k}" for k in range(shared))
    brief = phrase + " " + " ".join(f"brief{k}" for k in range(brief_words - shared))
    long = " ".join(f"long{k}" for k in range(300)) + " " + phrase + " " + \
        " ".join(f"tail{k}" for k in range(300))
    articles = pd.DataFrame({"article_id": ["brief", "long"], "outlet": ["HuffPost", "Post"],
                             "text": [brief, long]})
    passages = find_copied_passages(articles)
    voices = independent_voices(articles, passages)
    assert (voices["voice_id"].nunique() == 1) == is_copy
