"""No network at run time: the library and a notebook run where every non-loopback connection
raises. The guard is a ``sitecustomize`` module on ``PYTHONPATH``, so it also loads in the
report's kernel (a child process); blocked attempts are logged to a file and must be none.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from conftest import run_report_cli
from newsprism.core import paths

GUARD = textwrap.dedent('''
    """Offline guard (test): any connection to a non-loopback address raises."""
    import ipaddress
    import os
    import socket

    LOG = os.environ.get("NEWSPRISM_GUARD_LOG", "")


    def allowed(address) -> bool:
        if not isinstance(address, tuple):  # AF_UNIX path, abstract socket
            return True
        host = address[0]
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:  # a host name other than localhost would need DNS: refuse
            return False


    def _refuse(address):
        if LOG:
            with open(LOG, "a") as handle:
                handle.write(f"{os.getpid()} {address!r}\\n")
        raise OSError(f"network disabled by the offline test: {address!r}")


    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
    _create_connection = socket.create_connection


    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not allowed(address):
            _refuse(address)
        return _connect(self, address)


    def guarded_connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not allowed(address):
            _refuse(address)
        return _connect_ex(self, address)


    def guarded_create_connection(address, *args, **kwargs):
        if not allowed(address):
            _refuse(address)
        return _create_connection(address, *args, **kwargs)


    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.create_connection = guarded_create_connection
    os.environ["NEWSPRISM_OFFLINE_GUARD"] = "1"
''')

LIBRARY_RUN = textwrap.dedent('''
    import json, os, socket, sys
    assert socket.socket.connect.__name__ == "guarded_connect", "guard not installed"
    import sitecustomize
    assert not sitecustomize.allowed(("93.184.216.34", 80))
    assert not sitecustomize.allowed(("10.0.0.1", 80)) and not sitecustomize.allowed(("example.org", 80))
    assert sitecustomize.allowed(("127.0.0.1", 80)) and sitecustomize.allowed(("::1", 80, 0, 0))
    import newsprism
    from newsprism.corpus.readers import load_corpus
    from newsprism.pipeline.annotate import annotate
    from textblob import TextBlob
    corpus = load_corpus()
    annotations = annotate(corpus)
    text = corpus.articles["text"].iloc[0]
    blob_sentences = len(TextBlob(text).sentences)
    print(json.dumps({
        "articles": len(corpus.articles),
        "sentences": len(annotations.tables["sentences"]),
        "tables": sorted(annotations.tables),
        "skipped": dict(getattr(annotations, "skipped_steps", {})),
        "blob_sentences": blob_sentences,
    }))
''')


@pytest.fixture(scope="module")
def guard_env(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("offline_guard")
    (folder / "sitecustomize.py").write_text(GUARD)
    log = folder / "blocked.log"
    log.write_text("")
    pythonpath = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": pythonpath, "NEWSPRISM_GUARD_LOG": str(log)}


def _blocked(env: dict[str, str]) -> str:
    return Path(env["NEWSPRISM_GUARD_LOG"]).read_text()


def test_library_runs_offline(guard_env):
    proc = subprocess.run([sys.executable, "-c", LIBRARY_RUN], capture_output=True, text=True,
                          timeout=600, cwd=paths.ROOT, env={**os.environ, **guard_env})
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 5
    assert summary["sentences"] > 50 and summary["blob_sentences"] > 5
    assert {"articles", "sentences"} <= set(summary["tables"])
    assert _blocked(guard_env) == "", f"network attempts: {_blocked(guard_env)}"


@pytest.fixture(scope="module")
def offline_overview(guard_env, tmp_path_factory):
    """The overview notebook, plus a notebook reporting whether the guard is active in the
    kernel, run by the report runner under the guard."""
    notebooks = tmp_path_factory.mktemp("offline_notebooks")
    shutil.copy(paths.NOTEBOOKS / "00_corpus_overview.ipynb", notebooks)
    check = nbformat.v4.new_notebook()
    check.metadata["language_info"] = {"name": "python"}
    params = nbformat.v4.new_code_cell('corpus = ""\nout_dir = ""')
    params.metadata["tags"] = ["parameters"]
    check.cells = [params, nbformat.v4.new_code_cell(
        "import os, socket\nfrom newsprism.report.runner import record_findings\n"
        "_ = record_findings(out_dir, '99_guard', [socket.socket.connect.__name__, "
        "os.environ.get('NEWSPRISM_OFFLINE_GUARD', '')])")]
    nbformat.write(check, notebooks / "99_guard.ipynb")
    out = tmp_path_factory.mktemp("offline_overview")
    proc = run_report_cli(paths.BUNDLED_CORPUS, out, "--notebooks-dir", str(notebooks),
                          env=guard_env, timeout=600)
    return out, proc


def test_overview_notebook_runs_offline(offline_overview, guard_env):
    out, proc = offline_overview
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    assert (out / "00_corpus_overview.html").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    guard = next(n for n in manifest["notebooks"] if n["name"] == "99_guard")
    assert guard["findings"] == ["guarded_connect", "1"], "the guard was not active in the kernel"
    assert _blocked(guard_env) == "", f"network attempts: {_blocked(guard_env)}"


def test_running_twice_gives_the_same_tables(offline_overview, suite_report):
    out, proc = offline_overview
    assert proc.returncode == 0
    first = sorted((suite_report.out_dir / "tables").glob("overview_*.csv"))
    second = sorted((out / "tables").glob("overview_*.csv"))
    assert [p.name for p in first] == [p.name for p in second] and len(first) >= 6
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs"
