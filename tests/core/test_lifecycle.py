"""No process of ours outlives its parent: kill the command's main process (kill -9 of
``annotate``, SIGTERM or kill -9 of ``report``) and every worker and kernel is gone within 10 s."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from newsprism.core import lifecycle, paths
from newsprism.corpus.readers import load_corpus

SURVIVAL_LIMIT_S = 10


def _gone(proc: psutil.Process) -> bool:
    try:
        return proc.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _survivors(procs: list[psutil.Process], within: float) -> list[psutil.Process]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = [p for p in procs if not _gone(p)]
        if not alive:
            return []
        time.sleep(0.2)
    return [p for p in procs if not _gone(p)]


def _wait_for(predicate, timeout: float = 300, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def _start(command: list[str], log: Path) -> subprocess.Popen:
    with open(log, "w") as handle:  # own session: the clean-up below reaches what is left
        return subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT,
                                cwd=paths.ROOT, start_new_session=True)


def _clean_up(process: subprocess.Popen, seen: list[psutil.Process]) -> None:
    for proc in seen:
        try:
            proc.kill()
        except psutil.Error:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _big_corpus(path: Path, n: int = 2000) -> Path:
    texts = load_corpus().articles["text"].tolist()
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"article_id": f"a{i}", "outlet": f"outlet {i % 7}",
                                     "text": texts[i % len(texts)]}) + "\n")
    return path


def test_end_descendants_ends_the_children_of_a_process():
    # Only this child's own tree: the session's background report runs are children too.
    child = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; "
                              "subprocess.Popen([sys.executable, '-c', 'import time; "
                              "time.sleep(60)']); time.sleep(60)"])
    try:
        parent = psutil.Process(child.pid)
        grandchildren = _wait_for(lambda: parent.children(recursive=True), 60, "a grandchild")
        assert lifecycle.end_descendants(child.pid, grace_s=2) == 1
        assert _survivors(grandchildren, 5) == [] and child.poll() is None
    finally:
        child.kill()
        child.wait()


@pytest.mark.slow
def test_annotate_workers_end_when_the_main_process_is_killed(tmp_path):
    corpus = _big_corpus(tmp_path / "big.jsonl")
    out = tmp_path / "ann"
    process = _start([sys.executable, "-m", "newsprism", "annotate", "--corpus", str(corpus),
                      "--out", str(out), "--jobs", "2", "--partition-size", "20", "--quiet"],
                     tmp_path / "annotate.log")
    seen: list[psutil.Process] = []
    try:
        main = psutil.Process(process.pid)
        workers = _wait_for(lambda: len(main.children()) >= 2 and main.children(), 300,
                            "two annotation workers")
        _wait_for(lambda: list(out.glob("*/part-*")), 300, "a first partition")
        seen = main.children(recursive=True)
        assert process.poll() is None, "annotation finished before the kill: corpus too small"
        process.send_signal(signal.SIGKILL)
        process.wait()
        survivors = _survivors(workers + seen, SURVIVAL_LIMIT_S)
        assert survivors == [], [p.cmdline() for p in survivors]
    finally:
        _clean_up(process, seen)


def _sleeping_notebooks(folder: Path, n: int) -> Path:
    import nbformat

    folder.mkdir()
    for i in range(1, n + 1):
        nb = nbformat.v4.new_notebook()
        nb.metadata["language_info"] = {"name": "python"}
        params = nbformat.v4.new_code_cell('corpus = ""\nout_dir = ""')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell("import time\ntime.sleep(300)")]
        nbformat.write(nb, folder / f"0{i}_sleep.ipynb")
    return folder


def _kernels(main: psutil.Process) -> list[psutil.Process]:
    found = []
    for proc in main.children(recursive=True):
        try:
            if any("ipykernel_launcher" in part for part in proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            pass
    return found


@pytest.mark.slow
@pytest.mark.parametrize("signum, jobs", [(signal.SIGTERM, 2), (signal.SIGKILL, 2),
                                          (signal.SIGKILL, 1)])
def test_report_workers_and_kernels_end_with_the_runner(tmp_path, signum, jobs):
    notebooks = _sleeping_notebooks(tmp_path / "nbs", jobs)
    process = _start([sys.executable, "-m", "newsprism", "report", "--out", str(tmp_path / "o"),
                      "--notebooks-dir", str(notebooks), "--jobs", str(jobs)],
                     tmp_path / "report.log")
    seen: list[psutil.Process] = []
    try:
        main = psutil.Process(process.pid)
        _wait_for(lambda: len(_kernels(main)) >= jobs, 300, f"{jobs} running kernel(s)")
        time.sleep(1)  # the kernels are executing their cell
        seen = main.children(recursive=True)
        assert len(seen) >= jobs + (jobs if jobs > 1 else 0)
        process.send_signal(signum)
        code = process.wait(timeout=60)
        survivors = _survivors(seen, SURVIVAL_LIMIT_S)
        assert survivors == [], [p.cmdline() for p in survivors]
        if signum == signal.SIGTERM:
            assert code == 128 + signum
    finally:
        _clean_up(process, seen)
