"""Counts said with the verb that agrees with them ("1 of 2 frames differs", never "differ")."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare import summary
from newsprism.report import framing_sections as framing_report
from newsprism.report import methods_sections as methods_report
from newsprism.report import overview_sections as overview_report
from newsprism.report import quotes_sections as quotes_report
from newsprism.report import time_sections as time_report

LABELS = {"war": "War alliance", "aid": "Aid"}


def _travel(n_copies: int, unordered: int = 0) -> str:
    shares = [0.9] * n_copies + [0.01] * (3 - n_copies) + [0.9] * unordered
    travel = pd.DataFrame({
        "source_outlet": ["A"] * len(shares), "copy_outlet": ["B"] * len(shares),
        "lag_days": [1.0] * len(shares), "share_copied": shares,
        "n_words": [300] * len(shares), "directed": [True] * 3 + [False] * unordered})
    return time_report.travel_reading(travel, 8)


def _pairs(n_copies: int) -> str:
    pairs = pd.DataFrame({"cosine": [1.0], "shared_words": [967], "is_copy": [True],
                          "article_a": ["a"], "article_b": ["b"], "outlet_a": ["X"],
                          "outlet_b": ["X"]})
    pairs.attrs.update(n_copies=n_copies, n_pairs=10)
    return overview_report.duplicates_reading(pairs, 8)


def _frame_tests(q: list[float]) -> str:
    tests = pd.DataFrame({"frame": ["war", "aid"][:len(q)], "q_value": q,
                          "min_expected": [8] * len(q)})
    return framing_report.frame_tests_reading(tests, LABELS)


def _frame_voices(quoted: list[int]) -> str:
    voices = pd.DataFrame({"outlet": ["A", "B"], "frame": ["war", "aid"], "author": [5, 1],
                          "quoted": quoted})
    return framing_report.voice_reading(voices, LABELS)


def _metrics(metrics: list[int]) -> str:
    table = pd.DataFrame({"measure": ["a", "b"], "metrics": metrics, "statuses": ["ok", "x"]})
    return methods_report.missing_reading(table)


def _speakers(unattributed: int) -> str:
    voice = pd.DataFrame({"outlet": ["A"] * 2, "speaker": ["Kim", "(unattributed)"],
                          "n_quotes": [4, unattributed], "estimate": [0.5, 0.5]})
    return quotes_report.voice_reading(voice)


def _cross(quoted: list[bool]) -> str:
    cross = pd.DataFrame({"cluster_id": [1] * len(quoted), "outlet": list("ABC")[:len(quoted)],
                          "quoted": quoted, "coverage": [1.0, 0.6, 0.8][:len(quoted)],
                          "reference": ["We stand together."] * len(quoted)})
    return quotes_report.cross_reading(cross, 1, 2, 0.75)


def _copies(partners: int) -> str:
    outlets = ["A", "B", "C"][:partners + 1]
    voices = pd.DataFrame({"outlet": outlets, "voice_id": [0] * len(outlets),
                           "article_id": [o.lower() for o in outlets]})
    passages = pd.DataFrame({"outlet_a": ["A"] * partners, "outlet_b": outlets[1:],
                             "n_words": [40] * partners})
    return summary.copy_statements(voices, passages)[0]["statement"]


@pytest.mark.parametrize("text, said, unsaid", [
    # audit of non-bundled corpora: each read as the unsaid form
    (lambda: _travel(1), "1 of the ordered pairs is a copy", "pairs are copies"),
    (lambda: _travel(2), "2 of the ordered pairs are copies", "is a copy"),
    (lambda: _travel(1, 1), "1 of the ordered pairs and 1 of the unordered ones are copies",
     "is a copy"),
    (lambda: _pairs(1), "1 of 10 pairs is a copy", "are copies"),
    (lambda: _pairs(2), "2 of 10 pairs are copies", "is a copy"),
    (lambda: _frame_tests([0.01, 0.2]), "1 of 2 frames differs across", "frames differ "),
    (lambda: _frame_tests([0.01, 0.02]), "2 of 2 frames differ across", "differs"),
    (lambda: _frame_voices([1, 0]), "1 of 7 hits is in quoted speech", "hits are"),
    (lambda: _frame_voices([1, 3]), "4 of 10 hits are in quoted speech", "hits is"),
    (lambda: _metrics([3, 0]), "1 of 2 measures has validation metrics", "measures have"),
    (lambda: _metrics([3, 1]), "2 of 2 measures have validation metrics", "measures has"),
    (lambda: _speakers(1), "1 of 5 speech quotations has no speaker", "quotations have"),
    (lambda: _speakers(2), "2 of 6 speech quotations have no speaker", "quotations has"),
    (lambda: _cross([True, True]), "every outlet in the table quoted it", "no outlet did not"),
    (lambda: _cross([True, True, False]), "C did not quote it", "every outlet"),
    (lambda: _copies(1), "one independent voice with it.", "with them"),
    (lambda: _copies(2), "one independent voice with them.", "with it."),
])
def test_counts_agree_with_their_verbs(text, said, unsaid):
    made = text()
    assert said in made and unsaid not in made, made


@pytest.mark.parametrize("n_other, n_dated, said", [
    (1, 1, "1 of 3 articles is not detected as English; English-only measures skip them. "
           "1 of 3 articles carries a parseable publication date"),
    (2, 2, "2 of 3 articles are not detected as English; English-only measures skip them. "
           "2 of 3 articles carry a parseable publication date"),
])
def test_coverage_reading_agrees_with_its_counts(n_other, n_dated, said):
    assert said in overview_report.coverage_reading(3, n_other, n_dated)
