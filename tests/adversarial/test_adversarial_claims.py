"""Claims grouping on dated corpora: a generic "date of letter" with no specific letter
(new year, birthday) to join once raised ``KeyError: 'unit'`` and failed 40_source_comparison."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare.claims import extract_claims, group_claims

CASES = {
    "generic letter date only": (["Kim sent a letter on Dec. 27, officials said.",
                                  "Putin received the letter on Dec. 28."],
                                 "date of letter", "differs (occasion unknown)"),
    "generic and specific agree": (["Kim sent the letter on December 27, 2025.",
                                    "On Dec. 27, Kim sent a New Year letter to Putin."],
                                   "date of new year letter", "agree"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generic_letter_dates_group_without_error(case):
    texts, unit, status = CASES[case]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                             "outlet": [f"O{i}" for i in range(len(texts))], "text": texts})
    groups = group_claims(extract_claims(articles), articles).set_index("unit")
    assert groups.loc[unit, "status"] == status
