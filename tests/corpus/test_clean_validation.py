"""pagetext split and scoring for the cleaning validation."""

from __future__ import annotations

import json

import pytest
from newsprism.corpus import clean_validation as cv


def test_recorded_split_is_reproduced_and_keeps_sites_apart():
    gold_file = cv.PAGETEXT / "gold.json"
    if not gold_file.is_file():
        pytest.skip("pagetext not available next to the repository")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    recorded = cv.pagetext_split()
    assert cv.make_split(gold) == recorded
    assert sorted(recorded["tuning"] + recorded["held_back"]) == sorted(gold)
    sites = {part: {cv.site_of(gold[i]["url"], gold[i]["source_file"]) for i in ids}
             for part, ids in recorded.items()}
    assert not sites["tuning"] & sites["held_back"]
    assert 0.2 < len(recorded["held_back"]) / len(gold) < 0.4


@pytest.mark.parametrize(("url", "source_file", "site"), [
    ("https://www.taz.de/a/b", "", "taz.de"),
    ("http://web.archive.org/web/2019/https://www.chip.de/x", "", "chip.de"),
    ("hard::elfaro.net-asamblea.html", "elfaro.net-asamblea.html", "elfaro.net"),
])
def test_site_of(url, source_file, site):
    assert cv.site_of(url, source_file) == site


def test_score_page_counts_only_strings_present_and_multi_line_strings():
    raw = "Menu\nFirst half of a\nsentence here.\nFooter"
    cleaned = "First half of a\n\nsentence here."
    counts = cv.score_page(raw, cleaned, keep=["First half of a sentence here.", "absent"],
                           remove=["Menu", "Footer", "First half"])
    assert counts == {"n_keep": 1, "kept": 1, "n_remove": 3, "removed": 2}


def test_label_lines_marks_body_and_furniture():
    page = {"text": "Home\nThe body sentence is here.\nImprint", "keep": ["body sentence"],
            "remove": ["Home", "Imprint"]}
    lines, labels, keep_groups = cv.label_lines(page)
    assert labels == [1, 0, 1] and keep_groups == [[1]]
