"""Shared fixtures: the whole report, run once per test session.

``suite_report`` runs ``python -m newsprism report`` on the bundled corpus with its example
params file (as ``make report`` does) into a temporary folder (once per session) and returns
``SuiteReport(out_dir, exit_code, manifest)``, which unpacks as a tuple. Tests of a notebook check its exported HTML there, e.g.::

    def test_quotes_html(suite_report):
        out_dir, exit_code, manifest = suite_report
        html = (out_dir / "30_quotes.html").read_text()

The runner's console output is kept in ``out_dir / "runner.log"``. Three more session runs
have the same shape: ``xss_report`` (a small corpus whose article, title and outlet contain
``<script>alert(1)</script>``), ``failing_report`` (notebooks that raise, time out and kill
their kernel) and ``generic_report`` (a corpus about another story, every parameter left at
its generic default). Runs a session needs are started together, in the background, when the first
of them is requested, so they overlap.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from newsprism.core import paths

# nbformat imports jsonschema, which builds rfc3987-syntax's grammars at import (~1.3 s of CPU in
# every test process) to check IRI formats that no notebook schema uses; the report runs in
# the `slow` tests are subprocesses and keep the real import.
sys.modules.setdefault("rfc3987_syntax", None)

REPORT_TIMEOUT = 1800  # seconds for one whole-suite run (a hang must not eat CI's budget)

XSS = "<script>alert(1)</script>"
EXAMPLE_PARAMS = paths.CORPORA / "kim_putin_letters_2026.params.yml"
OTHER_STORY = paths.ROOT / "tests" / "fixtures" / "corpora" / "other_story"
XSS_ARTICLE = (
    "Kim Jong Un sent a New Year letter to Vladimir Putin, state media said on Thursday.\n\n"
    f"The letter, quoted in full by a blogger as {XSS}, praised the \"invincible\" alliance.\n\n"
    f"\"Our bond is sealed in blood {XSS},\" Kim wrote, according to the agency.\n\n"
    "Analysts in Seoul said the message signalled deeper military cooperation in 2026.\n"
)


class SuiteReport(NamedTuple):
    out_dir: Path
    exit_code: int
    manifest: dict


SAID = "\u201cWe feel good about it,\u201d {} said."  # a quote whose speaker a test names


def said_quote(before: str, speaker: str):
    """The one quotation ``SAID`` gives ``speaker`` after the text ``before``."""
    from newsprism.quotes.extract import extract_quotes

    [quote] = [q for q in extract_quotes(before + SAID.format(speaker))
               if q.text.startswith("We feel")]
    return quote


def assert_codebook_rejected(load, tmp_path: Path, body: str, message: str,
                            error: type[Exception] = ValueError) -> None:
    """``load`` (a codebook loader taking a path) refuses a file holding ``body`` with
    ``message``: a malformed codebook is a clear error, never a silent default."""
    path = tmp_path / "codebook.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(error, match=message):
        load(path)


def save_fake_validation(tmp_path: Path, monkeypatch) -> Path:
    """A tmp package-data folder and results folder from which `make validate` (a fake quotes
    validator) saved its figures with their fingerprint; returns the data folder."""
    import pandas as pd
    from newsprism.core import validate, validation_freshness

    data = tmp_path / "data"
    (data / "codebooks").mkdir(parents=True)
    (data / "quote_classifier.json").write_text('{"w": 1}')
    (data / "codebooks" / "cues.yml").write_text("said: speech\n")
    monkeypatch.setattr(validation_freshness, "FINGERPRINT_ROOTS", {"data": data})
    monkeypatch.setattr(validate, "RESULTS_DIR", tmp_path / "results")
    monkeypatch.setattr(validate, "input_roots", lambda: {"library": [data]})
    monkeypatch.setattr(validate, "run_validator", lambda measure, quick=False: pd.DataFrame(
        [{"measure": measure, "dataset": "PolNeAR", "split": "dev", "engine": "rules",
          "metric": "precision", "value": 0.9, "n": 100, "status": "ok"}],
        columns=validate.VALIDATION_COLUMNS))
    assert validate.main(["quotes"]) == 0
    return data


def change_model(data: Path) -> None:
    """Change the fake shipped model file of :func:`save_fake_validation`."""
    (data / "quote_classifier.json").write_text('{"w": 2}')


def report_command(corpus: str | Path, out_dir: str | Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsprism", "report", "--corpus", str(corpus),
            "--out", str(out_dir), *extra]


def run_report_cli(corpus: str | Path, out_dir: str | Path, *extra: str,
                   timeout: int = REPORT_TIMEOUT, env: dict | None = None
                   ) -> subprocess.CompletedProcess:
    """Run ``python -m newsprism report`` with this interpreter; output captured as text."""
    return subprocess.run(report_command(corpus, out_dir, *extra), capture_output=True,
                          text=True, timeout=timeout, cwd=paths.ROOT,
                          env={**os.environ, **(env or {})})


class _BackgroundReport:
    """A report run started now and collected later: the session's two whole-suite runs
    (bundled corpus and the <script> corpus) overlap, which nearly halves their wall time on
    a two-core machine (each run is mostly one busy kernel)."""

    def __init__(self, corpus: Path, out: Path, *extra: str):
        self.out = out
        self.stdout, self.stderr = out / ".runner.stdout", out / ".runner.stderr"
        with open(self.stdout, "w") as stdout, open(self.stderr, "w") as stderr:
            self.process = subprocess.Popen(report_command(corpus, out, *extra), stdout=stdout,
                                            stderr=stderr, cwd=paths.ROOT,
                                            start_new_session=True)
        self.result: SuiteReport | None = None

    def stop(self) -> None:
        """End the run and its kernel (its own process group) if it is still going."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()

    def wait(self) -> SuiteReport:
        if self.result is None:
            try:
                self.process.wait(timeout=REPORT_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.stop()
            proc = subprocess.CompletedProcess(self.process.args, self.process.returncode,
                                               self.stdout.read_text(), self.stderr.read_text())
            self.result = _finish(self.out, proc)
        return self.result


def _finish(out: Path, proc: subprocess.CompletedProcess) -> SuiteReport:
    (out / "runner.log").write_text(
        f"$ exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}\n")
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    return SuiteReport(out, proc.returncode, manifest)


_RUNS: dict[str, _BackgroundReport] = {}

# Tests that run notebooks or a browser are `slow`: `make test-fast` leaves them out. A test is
# slow when it is marked so, uses one of these fixtures, or lives in one of these files.
SLOW_FIXTURES = {"suite_report", "xss_report", "failing_report", "failing_run",
                 "offline_overview", "generic_report"}
SLOW_FILES = {"test_browser.py", "test_jupyterlab.py"}
# Whole-library runs in a subprocess and a local Dask cluster: integration, not unit tests.
SLOW_TESTS = {"test_library_runs_offline", "test_dask_local_cluster_gives_same_tables"}
# Doctests (by name) that read whole gold data sets (scoring them, hashing them).
SLOW_DOCTESTS = {"newsprism.quotes.validation", "newsprism.core.validate.inputs_key"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if (SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
                or item.path.name in SLOW_FILES
                or getattr(item, "originalname", "") in SLOW_TESTS
                or (isinstance(item, pytest.DoctestItem) and item.name in SLOW_DOCTESTS)):
            item.add_marker(pytest.mark.slow)


def _notebook(path: Path, *cells: str) -> None:
    """A tiny notebook with a ``parameters`` cell (corpus, out_dir, alpha, beta)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    params = nbformat.v4.new_code_cell('corpus = ""\nout_dir = ""\nalpha = 0\nbeta = []')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# Notebook {path.stem}"), params,
                *[nbformat.v4.new_code_cell(c) for c in cells]]
    nbformat.write(nb, path)


def _start_failing_report(tmp_path_factory) -> _BackgroundReport:
    """The runner's failure paths: a notebook that raises, one that times out, one whose kernel
    dies, around two that work (one records the kernel's interpreter and its parameters)."""
    if "failing" not in _RUNS:
        folder = tmp_path_factory.mktemp("failing_notebooks")
        _notebook(folder / "01_ok.ipynb",
                  "import json, sys\nfrom newsprism.report.runner import record_findings\n"
                  "_ = record_findings(out_dir, '01_ok', [sys.executable, json.dumps("
                  "{'alpha': alpha, 'beta': beta, 'corpus': corpus, 'out_dir': out_dir})])")
        _notebook(folder / "02_fail.ipynb", "raise ValueError('deliberate failure <b>x</b>')")
        _notebook(folder / "03_timeout.ipynb", "import time\ntime.sleep(300)")
        _notebook(folder / "04_dead.ipynb", "import os\nos._exit(3)")
        _notebook(folder / "05_after.ipynb", "print('still runs after failures')")
        (folder / "params.yml").write_text("beta: [1, two]\nalpha: 1\n")
        _RUNS["failing"] = _BackgroundReport(
            paths.BUNDLED_CORPUS, tmp_path_factory.mktemp("failing_report"),
            "--notebooks-dir", str(folder), "--timeout", "30", "-f", str(folder / "params.yml"),
            "-p", "alpha", "3", "--jobs", "3")
    return _RUNS["failing"]


@pytest.fixture(scope="session")
def failing_report(tmp_path_factory) -> SuiteReport:
    """The failure-path run (see ``_start_failing_report``), once per session."""
    return _start_failing_report(tmp_path_factory).wait()




def _start_xss_report(tmp_path_factory) -> _BackgroundReport:
    if "xss" not in _RUNS:
        corpus = make_xss_corpus(tmp_path_factory.mktemp("xss_corpus") / "corpus")
        # --jobs 1: this run covers the runner's in-order path; the others run in parallel.
        _RUNS["xss"] = _BackgroundReport(corpus, tmp_path_factory.mktemp("xss_report"),
                                         "--jobs", "1")
    return _RUNS["xss"]


@pytest.fixture(scope="session")
def suite_report(request, tmp_path_factory) -> SuiteReport:
    """The whole report on the bundled corpus, run once per session."""
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    if "xss_report" in wanted:  # the other runs of this session overlap with this one
        _start_xss_report(tmp_path_factory)
    if "failing_report" in wanted:
        _start_failing_report(tmp_path_factory)
    if "generic_report" in wanted:
        _start_generic_report(tmp_path_factory)
    if "suite" not in _RUNS:
        _RUNS["suite"] = _BackgroundReport(paths.BUNDLED_CORPUS,
                                           tmp_path_factory.mktemp("suite_report"),
                                           "-f", str(EXAMPLE_PARAMS))
    return _RUNS["suite"].wait()


def _start_generic_report(tmp_path_factory) -> _BackgroundReport:
    if "generic" not in _RUNS:
        _RUNS["generic"] = _BackgroundReport(OTHER_STORY,
                                             tmp_path_factory.mktemp("generic_report"))
    return _RUNS["generic"]


@pytest.fixture(scope="session")
def generic_report(tmp_path_factory) -> SuiteReport:
    """The whole report on a corpus about another story with every default (run once)."""
    return _start_generic_report(tmp_path_factory).wait()


def make_xss_corpus(target: Path, keep: int = 2) -> Path:
    """A corpus folder: the first ``keep`` bundled articles plus one whose title, outlet and
    text carry ``<script>alert(1)</script>``."""
    source = paths.BUNDLED_CORPUS
    (target / "articles").mkdir(parents=True)
    with open(source / "manifest.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)[:keep]
    for row in rows:
        shutil.copy(source / row["file"], target / row["file"])
    (target / "articles" / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    rows.append({**{f: "" for f in fields}, "article_id": "xss_article",
                 "file": "articles/xss.txt", "outlet": f"Evil {XSS} Times",
                 "genre": "news report", "language": "en", "title": f"Letter {XSS}",
                 "author": XSS})
    with open(target / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="session")
def xss_report(tmp_path_factory) -> SuiteReport:
    """The whole report on a small corpus with script tags in an article (run once)."""
    return _start_xss_report(tmp_path_factory).wait()


def pytest_sessionfinish(session, exitstatus):
    """A run nobody waited for (e.g. after ``-x``) must not outlive the session."""
    for run in _RUNS.values():
        run.stop()


@pytest.fixture
def one_article_corpus(tmp_path):
    """The first article of the multi_outlet fixture as a corpus of its own (a copy)."""
    source = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"
    with open(source / "manifest.csv", encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    corpus = tmp_path / "one_article"
    (corpus / "articles").mkdir(parents=True)
    shutil.copy(source / first["file"], corpus / first["file"])
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
    return corpus
