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
from newsprism.pipeline.steps import STEPS

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


# What a spawned annotation worker imports before its first article: the pool's probe, the
# step registry and each step's module. None may import pandas or pyarrow (~0.45 s of CPU)
# at import time: they load where a table is built (``newsprism.core.lazy``).
STEP_MODULES = sorted({spec.split(":")[0] for step in STEPS.values()
                       for spec in (step.table, step.rows) if isinstance(spec, str)})
WORKER_MODULES = list(dict.fromkeys(["newsprism.core.text", "newsprism.core.tables",
                                    "newsprism.pipeline.workers", "newsprism.pipeline.steps",
                                    *STEP_MODULES]))
TABLE_LIBRARIES = {"pandas", "pyarrow"}
@pytest.mark.parametrize("module", WORKER_MODULES)
def test_a_worker_path_module_imports_no_table_library(module):
    loaded, proc = _loaded(f"import {module}")
    assert proc.returncode == 0 and module.split(".")[0] in loaded, proc.stderr[-2000:]
    assert not loaded & TABLE_LIBRARIES, sorted(loaded & TABLE_LIBRARIES)


@pytest.mark.slow  # a fresh interpreter loading Punkt and every step
def test_a_worker_ready_for_its_first_article_has_loaded_no_table_library():
    # The probe bench/bench_import.py runs in each pool worker: every step resolved, Punkt
    # loaded by a first split.
    loaded, proc = _loaded("from newsprism.pipeline.workers import worker_start_cost\n"
                           "assert worker_start_cost()['cpu_seconds'] > 0")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not loaded & TABLE_LIBRARIES, sorted(loaded & TABLE_LIBRARIES)


def test_annotation_step_modules_load_no_heavy_library():
    loaded, proc = _loaded("from newsprism.pipeline import annotate, store\n"
                           "functions, skipped = annotate.resolve_steps(annotate.STEPS)\n"
                           "assert set(functions) == set(annotate.STEPS) and not skipped")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"newsprism", "pandas"} <= loaded and not loaded & HEAVY, sorted(loaded & HEAVY)
