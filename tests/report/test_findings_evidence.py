"""Every key finding of the report names its evidence: a section of its page and a saved table."""

from __future__ import annotations

import json
import re

EVIDENCE = re.compile(r"\[evidence: (?P<page>\d\d_\w+\.html)#(?P<anchor>[\w-]+); "
                      r"tables/(?P<table>\w+\.csv)(?::[^\]]*)?\]$")
CHECKED = ("00_", "10_", "20_", "30_", "40_", "50_", "90_")


def test_every_key_finding_links_a_section_and_a_saved_table(suite_report):
    # The index listed 00-30's and 90's findings with no evidence at all; 40's and 50's had links.
    out = suite_report.out_dir
    seen = 0
    for path in sorted((out / "findings").glob("*.json")):
        if not path.name.startswith(CHECKED):
            continue
        for finding in json.loads(path.read_text(encoding="utf-8"))["findings"]:
            match = EVIDENCE.search(finding)
            assert match, f"{path.name}: no evidence link in {finding!r}"
            page = (out / match["page"]).read_text(encoding="utf-8")
            assert f'id="{match["anchor"]}"' in page, f"{finding!r}: no such section"
            assert (out / "tables" / match["table"]).exists(), f"{finding!r}: no such table"
            seen += 1
    assert seen >= 12
