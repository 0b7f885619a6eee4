"""How annotation workers start: the start method per platform, its override and fallback, what
a worker inherits, and that the spawn start method (macOS, Windows) gives the same tables."""

from __future__ import annotations

import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest
from newsprism.core.lifecycle import die_with_parent
from newsprism.pipeline import workers
from newsprism.pipeline.annotate import STEPS, annotate
from newsprism.pipeline.workers import choose_start_method, pool_context, worker_start_cost

ALL = ["fork", "spawn", "forkserver"]


@pytest.mark.parametrize("platform, available, requested, expected", [
    ("linux", ALL, None, "fork"),
    ("linux", ALL, "forkserver", "forkserver"),
    ("linux", ALL, "spawn", "spawn"),
    ("linux", ALL, "threads", "fork"),          # unknown: the platform's choice, no error
    ("linux", ["spawn"], None, "spawn"),        # no fork offered: spawn
    ("darwin", ALL, None, "spawn"),             # fork is not safe on macOS
    ("darwin", ALL, "fork", "fork"),            # ... unless asked for
    ("win32", ["spawn"], None, "spawn"),
    ("win32", ["spawn"], "fork", "spawn"),      # unavailable: falls back cleanly
    ("win32", ["spawn"], "", "spawn"),
])
def test_choose_start_method(platform, available, requested, expected):
    assert choose_start_method(platform, available, requested) == expected


def test_pool_context_follows_the_environment(monkeypatch):
    monkeypatch.setenv(workers.START_METHOD_ENV, "spawn")
    assert pool_context().get_start_method() == "spawn"
    monkeypatch.setenv(workers.START_METHOD_ENV, "no-such-method")
    expected = "fork" if sys.platform.startswith("linux") else "spawn"
    assert pool_context().get_start_method() == expected


def test_forkserver_preloads_the_store_and_every_step_module():
    modules = workers.preload_modules()
    assert modules[0] == "newsprism.pipeline.store"
    for step in STEPS.values():
        assert step.table.split(":")[0] in modules
        assert step.rows is None or step.rows.split(":")[0] in modules


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is Linux's choice only")
def test_a_forked_worker_inherits_the_imports_of_the_main_process():
    import nltk  # noqa: F401 - loaded here, so a forked worker must have it without importing

    with ProcessPoolExecutor(max_workers=1, mp_context=pool_context(),
                             initializer=die_with_parent) as pool:
        result = pool.submit(worker_start_cost).result()
    assert result["inherited_imports"] is True
    assert result["pid"] != multiprocessing.current_process().pid


@pytest.mark.slow
def test_spawned_workers_give_the_tables_of_jobs1(tmp_path, monkeypatch):
    # The macOS/Windows path, run here: fresh interpreters must annotate exactly alike.
    path = tmp_path / "corpus.jsonl"
    text = "Mr. Kim wrote a letter. \u201cWe are friends,\u201d he said.\n\nSanctions bite."
    path.write_text("".join(json.dumps({"id": f"a{i}", "outlet": f"O{i % 2}",
                                        "text": f"{text} {i}"}) + "\n" for i in range(6)),
                    encoding="utf-8")
    steps = {"sentences": STEPS["sentences"]}
    serial = annotate(str(path), jobs=1, out=tmp_path / "j1", progress=False,
                      partition_size=2, steps=steps)
    monkeypatch.setenv(workers.START_METHOD_ENV, "spawn")
    spawned = annotate(str(path), jobs=2, out=tmp_path / "j2", progress=False,
                       partition_size=2, steps=steps)
    pids = {entry["pid"] for entry in spawned.manifest["partitions"].values()}
    assert multiprocessing.current_process().pid not in pids
    assert len(serial.tables["articles"]) == 6 and len(serial.tables["sentences"]) > 6
    for name in ("articles", "sentences", "corpus_problems"):
        pd.testing.assert_frame_equal(serial.tables[name], spawned.tables[name], obj=name)


def _language_detector_loaded() -> bool:
    from newsprism.corpus import language

    return language._identifier.cache_info().currsize == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is Linux's choice only")
def test_a_forked_worker_inherits_the_language_detector_from_the_warm_up():
    # Each worker cleans its partitions, and the detector is ~0.55 s of CPU and ~60 MB to load:
    # loaded once before the pool forks, no worker loads it again.
    from newsprism.corpus import language
    from newsprism.pipeline.executors import warm_up
    from newsprism.pipeline.steps import AnnotateOptions

    language._identifier.cache_clear()
    warm_up({"sentences": STEPS["sentences"]}, AnnotateOptions())
    with ProcessPoolExecutor(max_workers=1, mp_context=pool_context("fork"),
                             initializer=die_with_parent) as pool:
        assert pool.submit(_language_detector_loaded).result() is True
