"""Run notebook 40_source_comparison with papermill on the multi-outlet fixture corpus."""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.report.runner import runner_kernel

FIXTURE = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"
NOTEBOOK = paths.NOTEBOOKS / "40_source_comparison.ipynb"


@pytest.mark.slow
def test_notebook_runs_on_the_multi_outlet_fixture(tmp_path):
    papermill = pytest.importorskip("papermill")
    executed = tmp_path / "40_source_comparison.ipynb"
    with runner_kernel() as kernel:
        papermill.execute_notebook(
            str(NOTEBOOK), str(executed), kernel_name=kernel, progress_bar=False,
            parameters={"corpus": str(FIXTURE), "out_dir": str(tmp_path)}, cwd=str(paths.NOTEBOOKS))
    nb = nbformat.read(executed, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 5  # the figures
    findings = json.loads((tmp_path / "findings" / "40_source_comparison.json").read_text())
    assert any("Pulse Blog" in f for f in findings["findings"])
    groups = pd.read_csv(tmp_path / "tables" / "comparison_claim_groups.csv").set_index("unit")
    assert groups.loc["troops killed", "status"] == "conflict"
    passages = pd.read_csv(tmp_path / "tables" / "comparison_copied_passages.csv")
    assert passages["text_a"].str.contains("Tumen River").any()
    source = NOTEBOOK.with_suffix(".py").read_text(encoding="utf-8")
    assert "\ndef " not in source and "\nclass " not in source  # thin notebook


@pytest.mark.parametrize("false, true", [
    # the summary marked "war" (z = 2.3) "not significant": the rule is q, not |z|
    ('terms |z| > 1.96 (otherwise marked "not significant")',
     "distinctive\n# terms q < 0.05 after the Benjamini–Hochberg correction"),
    # the figure's caption says red is q < 0.05; the narrative said |z| > 1.96
    ("Red bars: |z| > 1.96.", "Red bars: q < 0.05 after the Benjamini–Hochberg correction"),
])
def test_narrative_states_the_rules_the_generated_text_uses(false, true):
    source = (paths.NOTEBOOKS / "40_source_comparison.py").read_text(encoding="utf-8")
    assert false not in source and true in source
