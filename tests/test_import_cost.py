"""Each layer imports only what it uses: ``import newsprism``, the CLI up to its argument
checks and an annotation worker's step modules load none of the heavy libraries (NLTK pulls in
SciPy; papermill, scikit-learn and matplotlib each cost a second). Checked in a fresh
interpreter by the modules it holds, not by timing (speed: bench/bench_cli_errors.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from newsprism.core import paths

HEAVY = {"nltk", "scipy", "sklearn", "matplotlib", "papermill", "nbformat", "nbconvert",
         "textblob", "jupyter_client"}
REPORT_CHECKS = HEAVY | {"pandas", "numpy", "pyarrow"}

LOADED = ("import json, sys\n{code}\n"
          "print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))")


def _loaded(code: str) -> tuple[set[str], subprocess.CompletedProcess]:
    proc = subprocess.run([sys.executable, "-c", LOADED.format(code=code)], capture_output=True,
                          text=True, cwd=paths.ROOT, timeout=300)
    lines = proc.stdout.strip().splitlines()
    assert lines, proc.stderr[-2000:]
    return set(json.loads(lines[-1])), proc


def test_import_newsprism_loads_no_heavy_library():
    loaded, _ = _loaded("import newsprism")
    assert "newsprism" in loaded
    assert not loaded & (HEAVY | {"pandas", "numpy"}), sorted(loaded & (HEAVY | {"pandas"}))


@pytest.mark.parametrize("extra, message", [
    (["-p", "engin", "x"], "unknown parameter 'engin' (did you mean 'engine'?)"),
    (["--corpus", "/no/such/corpus"], "corpus not found: /no/such/corpus"),
    (["-p", "seed", "abc"], "parameter 'seed': 'abc' is not a whole number"),
])
def test_report_refuses_bad_input_before_loading_the_analysis_stack(tmp_path, extra, message):
    argv = ["report", "--out", str(tmp_path / "out"), *extra]
    loaded, proc = _loaded(f"from newsprism.report import cli\nassert cli.main({argv!r}) == 2")
    assert message in proc.stderr and proc.returncode == 0, proc.stderr[-2000:]
    assert not loaded & REPORT_CHECKS, sorted(loaded & REPORT_CHECKS)
    assert not (tmp_path / "out").exists()


def test_annotation_step_modules_load_no_heavy_library():
    loaded, proc = _loaded("from newsprism.pipeline import annotate, store\n"
                           "functions, skipped = annotate.resolve_steps(annotate.STEPS)\n"
                           "assert set(functions) == set(annotate.STEPS) and not skipped")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"newsprism", "pandas"} <= loaded and not loaded & HEAVY, sorted(loaded & HEAVY)
