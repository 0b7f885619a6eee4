"""Scale benchmark: annotation throughput (jobs=1, jobs=2), peak memory, per-step profile, and
the report suite's wall time with the fixed cost per notebook separated out.

    .venv/bin/python bench/bench_scale.py                       # sizes 1000,10000
    .venv/bin/python bench/bench_scale.py --sizes 1000,10000,100000
    .venv/bin/python bench/bench_scale.py --sizes 1000 --skip-report

Synthetic corpora come from ``bench/synth.py`` (kept under outputs/bench/, reused when present).
Each annotation runs in a fresh subprocess (``newsprism annotate`` via ``newsprism.pipeline.store``),
so imports and worker start-up are included and memory is measured per run: the summed RSS
of the process tree, sampled every 0.05 s with psutil, plus ``ru_maxrss``. Prints every figure
next to its floor and writes ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402  (bench/ is not a package)
from newsprism.core import paths  # noqa: E402

WORK = paths.OUTPUTS / "bench"
RESULTS = BENCH / "RESULTS.md"
FLOORS = {
    "sentences_per_s_per_core": 3000.0,
    "speedup_jobs2": 1.7,
    "peak_memory_100k_mb": 2048.0,
    "report_bundled_s": 30.0,
}


# ---------------------------------------------------------------- measuring one run

def _sample_tree(process: psutil.Process, stop: threading.Event, peak: dict) -> None:
    while not stop.is_set():
        try:
            tree = [process, *process.children(recursive=True)]
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
            peak["rss"] = max(peak.get("rss", 0), rss)
            peak["procs"] = max(peak.get("procs", 0), len(tree))
        except psutil.Error:
            pass
        stop.wait(0.05)


def _cpu_now() -> float:
    """CPU seconds of this process and of every reaped descendant so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_measured(command: list[str]) -> dict:
    """Run ``command``; wall and CPU time, exit code, stdout and peak summed RSS of its tree."""
    cpu_started = _cpu_now()
    started = time.perf_counter()
    popen = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=paths.ROOT)
    stop, peak = threading.Event(), {}
    sampler = threading.Thread(target=_sample_tree, args=(psutil.Process(popen.pid), stop, peak))
    sampler.start()
    out, err = popen.communicate()
    stop.set()
    sampler.join()
    return {"seconds": time.perf_counter() - started, "code": popen.returncode, "stdout": out,
            "cpu_seconds": _cpu_now() - cpu_started, "load_average": os.getloadavg()[0],
            "stderr": err, "peak_rss_mb": peak.get("rss", 0) / 2**20,
            "max_procs": peak.get("procs", 0)}


def child_annotate(corpus: str, out: str, jobs: int, partition_size: int, steps: str) -> None:
    """(subprocess) Annotate and print a JSON line of figures."""
    from newsprism.pipeline.store import annotate_to_parquet

    started = time.perf_counter()
    ann = annotate_to_parquet(corpus or None, jobs=jobs, out=out, resume=False, progress=False,
                              partition_size=partition_size or None,
                              steps=steps.split(",") if steps else None)
    seconds = time.perf_counter() - started
    manifest = ann.manifest
    step_seconds: dict[str, float] = {}
    step_cpu: dict[str, float] = {}
    for entry in manifest["partitions"].values():
        for name, value in entry["step_seconds"].items():
            step_seconds[name] = step_seconds.get(name, 0.0) + value
        for name, value in entry.get("step_cpu_seconds", {}).items():
            step_cpu[name] = step_cpu.get(name, 0.0) + value
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": seconds, "run_seconds": manifest["runs"][-1]["seconds"],
        "n_articles": manifest["n_articles"], "rows": manifest["rows"],
        "n_partitions": manifest["n_partitions"], "n_problems": manifest["n_problems"],
        "skipped_steps": manifest["skipped_steps"], "step_seconds": step_seconds,
        "step_cpu_seconds": step_cpu, "steps": steps or "all",
        "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        # The parent's own CPU (imports, reading, dispatch; with jobs=1 also cleaning, the
        # steps and Parquet) vs its workers': with jobs>1, the parent's share is the serial part.
        "cpu_parent_seconds": own.ru_utime + own.ru_stime,
        "cpu_workers_seconds": children.ru_utime + children.ru_stime,
        "load_average": os.getloadavg()[0],
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def figures_path(corpus: str, jobs: int, steps: str) -> Path:
    name = f"{Path(corpus).stem or 'bundled'}_j{jobs}_{(steps or 'all').replace(',', '+')}"
    return WORK / "figures" / f"{name}.json"


def measure_annotation(corpus: str, jobs: int, partition_size: int, steps: str = "",
                       reuse: bool = False) -> dict:
    """Figures of one annotation run (``reuse``: those saved by an earlier run, if any)."""
    saved = figures_path(corpus, jobs, steps)
    if reuse and saved.is_file():
        return {**json.loads(saved.read_text()), "reused": True}
    out = WORK / "ann" / f"{Path(corpus).stem or 'bundled'}_j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    run = run_measured([sys.executable, __file__, "--child-annotate", corpus, str(out),
                        str(jobs), str(partition_size), steps])
    if run["code"] != 0:
        raise RuntimeError(f"annotation failed:\n{run['stderr'][-3000:]}")
    figures = json.loads(run["stdout"].strip().splitlines()[-1])
    n_sentences = figures["rows"].get("sentences", 0)
    figures.update({
        "corpus": corpus or "bundled", "jobs": jobs, "process_seconds": run["seconds"],
        "peak_rss_mb": run["peak_rss_mb"], "n_sentences": n_sentences,
        "articles_per_s": figures["n_articles"] / figures["run_seconds"],
        "sentences_per_s": n_sentences / figures["run_seconds"],
        "sentences_per_cpu_s": n_sentences / figures["cpu_seconds"],
    })
    shutil.rmtree(out, ignore_errors=True)  # 100k annotations are large; figures are kept
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(figures, indent=1))
    return figures


# ---------------------------------------------------------------- the report suite

def _trivial_notebook(path: Path, imports: bool) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    cells = [nbformat.v4.new_code_cell('corpus = ""\nout_dir = ""')]
    cells[0].metadata["tags"] = ["parameters"]
    if imports:
        # What every suite notebook imports before it does any analysis.
        cells.append(nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt\nimport pandas as pd\nimport newsprism\n"
            "from newsprism.pipeline.annotate import annotate\nfrom newsprism.report import runner\n"
            "import newsprism.viz.display\nplt.plot([0, 1]); plt.show()"))
    nb.cells = cells
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def measure_notebook_fixed_cost(repeats: int = 2) -> dict:
    """Seconds to run (execute + export) a notebook that does nothing / only imports."""
    from newsprism.report.runner import execute_notebook, export_html, runner_kernel

    folder = WORK / "fixed_cost"
    folder.mkdir(parents=True, exist_ok=True)
    figures = {}
    with runner_kernel() as kernel_name:
        for label, imports in (("kernel_start", False), ("kernel_start_imports", True)):
            source = _trivial_notebook(folder / f"{label}.ipynb", imports)
            times, exports, cpus = [], [], []
            for _ in range(repeats):
                t0, c0 = time.perf_counter(), _cpu_now()
                status, error = execute_notebook(source, folder / f"{label}.out.ipynb", {},
                                                 kernel_name, folder, 120)
                t1 = time.perf_counter()
                export_html(folder / f"{label}.out.ipynb", folder / f"{label}.html")
                exports.append(time.perf_counter() - t1)
                times.append(t1 - t0)
                cpus.append(_cpu_now() - c0)  # kernel (reaped child) + export
                if status != "ok":
                    raise RuntimeError(f"trivial notebook failed: {error}")
            figures[label] = min(times)
            figures[f"{label}_export"] = min(exports)
            figures[f"{label}_cpu"] = min(cpus)
    return figures


def measure_report(corpus: str, label: str, timeout: int = 900, reuse: bool = False) -> dict:
    """Wall/CPU time of ``newsprism report`` (``reuse``: figures saved by an earlier run)."""
    saved = WORK / "figures" / f"report_{label}.json"
    if reuse and saved.is_file():
        return {**json.loads(saved.read_text()), "reused": True}
    out = WORK / "report" / label
    shutil.rmtree(out, ignore_errors=True)
    # Notebooks annotate through outputs/cache (shared with other users of the checkout, so
    # it is not emptied here); new cache entries show the suite paid for annotation.
    before = set(paths.CACHE.iterdir()) if paths.CACHE.is_dir() else set()
    run = run_measured([sys.executable, "-m", "newsprism", "report", "--out", str(out),
                        "--timeout", str(timeout), *(["--corpus", corpus] if corpus else [])])
    manifest_path = out / "manifest.json"
    notebooks = []
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        notebooks = [{"name": n["name"], "status": n["status"], "seconds": n["duration_s"]}
                     for n in manifest.get("notebooks", [])]
    figures = {"label": label, "corpus": corpus or "bundled", "seconds": run["seconds"],
            "cpu_seconds": run["cpu_seconds"], "load_average": run["load_average"],
            "code": run["code"], "notebooks": notebooks, "peak_rss_mb": run["peak_rss_mb"],
            "stderr_tail": run["stderr"][-600:] if run["code"] else "", "timeout": timeout,
            "new_cache_entries": len((set(paths.CACHE.iterdir()) if paths.CACHE.is_dir()
                                      else set()) - before)}
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(figures, indent=1))
    return figures


# ---------------------------------------------------------------- results

def _ok(value: float, floor: float, higher_is_better: bool = True) -> str:
    passed = value >= floor if higher_is_better else value <= floor
    return "meets floor" if passed else "BELOW FLOOR" if higher_is_better else "OVER LIMIT"


def write_results(annotations: list[dict], profile: dict | None, reports: list[dict],
                  fixed: dict | None, args, notes: list[str],
                  memo_off: dict | None = None) -> str:
    lines = [
        "# Scale benchmark results",
        "",
        f"Written by `bench/bench_scale.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — "
        f"{platform.node()}, {psutil.cpu_count(logical=True)} logical CPUs, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python "
        f"{platform.python_version()}. Command: "
        f"`{' '.join(['bench/bench_scale.py', *sys.argv[1:]])}`.",
        "",
        "Synthetic corpora: `bench/synth.py` (real sentences of the bundled corpus and PolNeAR "
        "train/dev resampled into articles of 10 outlets). Each annotation runs in a fresh "
        "process (imports and worker start-up included in the time; `run s` is the annotate "
        "call, `process s` the whole process). Peak memory = summed RSS of the process and "
        "its workers, sampled every 0.05 s.",
        "",
        "## Annotation throughput",
        "",
        "CPU s = user + system time of the process and its workers; `sentences per CPU-s` is "
        "the per-core rate that does not depend on what else the machine runs. `load` is the "
        "1-minute load average when the run ended (the machine was shared with other work: "
        "wall-clock rates and speed-ups are lower bounds when load > number of CPUs).",
        "",
        "| corpus | steps | articles | sentences | jobs | partitions | run s | CPU s "
        "| articles/s | sentences/s | sentences per CPU-s | peak MB (tree) | load | problems |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for a in annotations:
        lines.append(
            f"| {Path(a['corpus']).name}{' †' if a.get('reused') else ''} | {a['steps']} | "
            f"{a['n_articles']:,} | "
            f"{a['n_sentences']:,} | {a['jobs']} | {a['n_partitions']} | "
            f"{a['run_seconds']:.1f} | {a['cpu_seconds']:.1f} | {a['articles_per_s']:.0f} | "
            f"{a['sentences_per_s']:.0f} | {a['sentences_per_cpu_s']:.0f} | "
            f"{a['peak_rss_mb']:.0f} | {a['load_average']:.1f} | {a['n_problems']} |")
    if any(a.get("reused") for a in annotations):
        lines += ["", "† figures saved by an earlier run of this script (`--reuse`)."]
    skipped = annotations[0]["skipped_steps"] if annotations else {}
    lines += ["", "Steps run: " + ", ".join(f"`{s}`" for s in
                                             (profile or {}).get("steps", {})) +
              (". Skipped (module missing): " + ", ".join(f"`{s}`" for s in skipped)
               if skipped else ". No step skipped."), ""]

    lines += ["## Floors", "", "| measure | measured | floor | verdict |", "|---|---:|---:|---|"]
    full = [a for a in annotations if a["steps"] == "all"]
    by = {(Path(a["corpus"]).name, a["jobs"]): a for a in full}
    for (name, jobs), a in sorted(by.items()):
        if jobs == 1:
            value = a["sentences_per_cpu_s"]
            # A corpus this small measures start-up (imports, workers), not annotation.
            verdict_here = (_ok(value, FLOORS['sentences_per_s_per_core'])
                            if a["n_articles"] >= 1000 else "informative (start-up dominates)")
            lines.append(f"| full annotation, {name}, jobs=1 (sentences per CPU-second) | "
                         f"{value:,.0f} (wall: {a['sentences_per_s']:,.0f}/s) | "
                         f"≥ {FLOORS['sentences_per_s_per_core']:,.0f} | {verdict_here} |")
            if (name, 2) in by:
                two = by[(name, 2)]
                speedup = two["sentences_per_s"] / a["sentences_per_s"]
                lines.append(f"| speed-up jobs=2 / jobs=1, {name} (wall) | {speedup:.2f}× "
                             f"(load {a['load_average']:.1f} / {two['load_average']:.1f}) | "
                             f"≥ {FLOORS['speedup_jobs2']}× | "
                             f"{_ok(speedup, FLOORS['speedup_jobs2'])} |")
                # On a shared machine the wall-clock ratio measures the neighbours; the CPU
                # ratio bounds what two idle cores would give (all work spread evenly).
                bound = 2 * a["cpu_seconds"] / two["cpu_seconds"]
                lines.append(f"| speed-up bound from CPU time (2 × CPU jobs=1 / CPU jobs=2), "
                             f"{name} | {bound:.2f}× (estimate, not a measurement) | "
                             f"≥ {FLOORS['speedup_jobs2']}× | "
                             f"{_ok(bound, FLOORS['speedup_jobs2'])} if the cores are idle |")
                if "cpu_parent_seconds" in two:
                    serial = two["cpu_parent_seconds"] / two["cpu_seconds"]
                    amdahl = 1 / (serial + (1 - serial) / 2)
                    lines.append(f"| serial share of jobs=2 CPU (parent: imports, reading, "
                                 f"dispatch; workers clean), {name} | {serial:.0%} (Amdahl bound "
                                 f"{amdahl:.2f}× with the parent's work not overlapped) | "
                                 f"| informative |")
    big = [a for a in annotations if a["n_articles"] >= 100_000]
    if big:
        for a in big:
            lines.append(f"| peak memory, 100,000 articles, steps {a['steps']}, jobs={a['jobs']} "
                         f"| {a['peak_rss_mb']:,.0f} MB | "
                         f"< {FLOORS['peak_memory_100k_mb']:,.0f} MB | "
                         f"{_ok(a['peak_rss_mb'], FLOORS['peak_memory_100k_mb'], False)} |")
    if not any(a["steps"] == "all" for a in big):
        largest = max(full, key=lambda a: (a["n_articles"], a["peak_rss_mb"])) if full else None
        if largest:
            lines.append(f"| peak memory, 100,000 articles, all steps | not run (largest full "
                         f"run: {largest['n_articles']:,} articles, "
                         f"{largest['peak_rss_mb']:,.0f} MB) | "
                         f"< {FLOORS['peak_memory_100k_mb']:,.0f} MB | not measured |")
    for r in reports:
        if r["label"] == "bundled":
            lines.append(f"| report suite, bundled corpus (wall s) | {r['seconds']:.1f} "
                         f"(CPU {r['cpu_seconds']:.1f} s, load {r['load_average']:.1f}) | "
                         f"< {FLOORS['report_bundled_s']:.0f} | "
                         f"{_ok(r['seconds'], FLOORS['report_bundled_s'], False)}"
                         f"{'' if r['code'] == 0 else ' (exit code ' + str(r['code']) + ')'} |")
    if memo_off:
        value = memo_off["sentences_per_cpu_s"]
        lines.append(f"| full annotation, {Path(memo_off['corpus']).name}, jobs=1, memos off "
                     f"(every sentence scored; sentences per CPU-second of the annotate call, imports excluded) | {value:,.0f}"
                     f"{' †' if memo_off.get('reused') else ''} | "
                     f"≥ {FLOORS['sentences_per_s_per_core']:,.0f} | "
                     f"{_ok(value, FLOORS['sentences_per_s_per_core'])} |")
    lines.append("")
    verdict = floor_verdict(annotations, memo_off)
    if verdict:
        lines += [f"**Floor verdict at the fair size** — {verdict}", ""]

    if profile:
        lines += [f"## Per-step profile ({profile['corpus']}, jobs=1, "
                  f"{profile['n_sentences']:,} sentences; CPU time of each step)", "",
                  "| step | CPU s | wall s | share of CPU | µs per sentence "
                  "| sentences per CPU-s if alone |",
                  "|---|---:|---:|---:|---:|---:|"]
        total = sum(profile["steps"].values()) or 1.0
        for name, seconds in sorted(profile["steps"].items(), key=lambda kv: -kv[1]):
            per = seconds / max(profile["n_sentences"], 1) * 1e6
            alone = profile["n_sentences"] / seconds if seconds else float("inf")
            lines.append(f"| {name} | {seconds:.2f} | {profile['wall'].get(name, 0):.2f} | "
                         f"{seconds / profile['cpu_seconds']:.0%} | {per:.0f} | {alone:,.0f} |")
        overhead = profile["cpu_seconds"] - total
        lines += [f"| (imports, reading + cleaning the corpus, Parquet) | {overhead:.2f} | | "
                  f"{overhead / profile['cpu_seconds']:.0%} | | |", ""]
        slowest = max(profile["steps"].items(), key=lambda kv: kv[1])
        lines += [f"Slowest step: **{slowest[0]}** ({slowest[1] / total:.0%} of step CPU time).",
                  ""]

    lines += ["## Report suite wall time", ""]
    if fixed:
        lines += [
            f"Fixed cost per notebook (same runner kernel, execute + HTML export): empty "
            f"notebook {fixed['kernel_start']:.2f} s + {fixed['kernel_start_export']:.2f} s "
            f"export; notebook that only imports matplotlib, pandas and newsprism "
            f"{fixed['kernel_start_imports']:.2f} s + "
            f"{fixed['kernel_start_imports_export']:.2f} s export (CPU: "
            f"{fixed['kernel_start_cpu']:.2f} s and {fixed['kernel_start_imports_cpu']:.2f} s "
            "with export).", ""]
    if not reports:
        lines += ["Not run (`--skip-report`).", ""]
    for r in reports:
        status = "ok" if r["code"] == 0 else f"exit code {r['code']}"
        n = len(r["notebooks"])
        lines += [f"### {r['label']} ({Path(r['corpus']).name}): {r['seconds']:.1f} s wall, "
                  f"{r['cpu_seconds']:.1f} s CPU (runner, kernels, export), load "
                  f"{r['load_average']:.1f}, {n} notebooks, {status}", "",
                  f"Cell timeout {r.get('timeout')} s; annotation cache: "
                  f"{r.get('new_cache_entries', '?')} new entries (0 = annotations were already "
                  "cached)." + (" Figures saved by an earlier run (`--reuse-reports`)."
                                if r.get("reused") else ""), ""]
        if r["notebooks"]:
            fixed_each = (fixed["kernel_start_imports"] + fixed["kernel_start_imports_export"]
                          if fixed else 0.0)
            lines += ["| notebook | status | seconds | minus fixed cost |", "|---|---|---:|---:|"]
            for nb in r["notebooks"]:
                lines.append(f"| {nb['name']} | {nb['status']} | {nb['seconds']:.1f} | "
                             f"{max(nb['seconds'] - fixed_each, 0):.1f} |")
            in_nb = sum(nb["seconds"] for nb in r["notebooks"])
            # The runner executes notebooks side by side, so their times add up to more than
            # the wall time; the fixed cost is per notebook, paid in parallel too.
            lines += ["", f"Fixed cost {n} × {fixed_each:.1f} s = {n * fixed_each:.1f} s of "
                      f"notebook time; the notebooks' times add up to {in_nb:.1f} s, run side "
                      f"by side (one per core) in {r['seconds']:.1f} s of wall time.", ""]
        if r["stderr_tail"]:
            lines += ["```", r["stderr_tail"].strip(), "```", ""]
    if notes:
        lines += ["## Notes", "", *[f"- {note}" for note in notes], ""]
    text = "\n".join(lines)
    RESULTS.write_text(text, encoding="utf-8")
    return text


def measure_memo_off(corpus: str, reuse: bool) -> dict:
    """Full annotation, jobs=1, with the cross-article memos off (``bench_memo.py``, in a fresh
    process): every sentence is scored, as in a corpus without repeated sentences."""
    saved = WORK / "figures" / f"{Path(corpus).stem}_memo_off.json"
    if reuse and saved.exists():
        return {**json.loads(saved.read_text()), "reused": True}
    out = subprocess.run([sys.executable, str(BENCH / "bench_memo.py"), "--corpus", corpus,
                          "--memos", "off"], capture_output=True, text=True, check=True).stdout
    n, cpu = out.split()[-2:]
    figures = {"corpus": corpus, "n_sentences": int(n), "cpu_seconds": float(cpu),
               "sentences_per_cpu_s": int(n) / float(cpu), "load_average": os.getloadavg()[0]}
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(figures))
    return figures


def idle_core_speedup(one: dict, two: dict) -> str:
    """jobs=2 against jobs=1 from CPU time alone, the figure a loaded machine cannot spoil:
    jobs=1 takes its whole CPU time; jobs=2 at most the parent's (imports, reading, dispatch,
    counted as if it never overlapped the workers) plus half of its workers'."""
    parent, workers = two["cpu_parent_seconds"], two["cpu_workers_seconds"]
    bound = parent + workers / 2
    return (f"from CPU time, idle cores: jobs=1 {one['cpu_seconds']:.1f} s; jobs=2 parent "
            f"{parent:.1f} s + workers {workers:.1f} s / 2 = {bound:.1f} s -> at least "
            f"{one['cpu_seconds'] / bound:.2f}x")


def floor_verdict(annotations: list[dict], memo_off: dict | None = None) -> str:
    """The sentences-per-CPU-second floor judged at the LARGEST synthetic corpus annotated
    with all steps and jobs=1 (imports and start-up amortised; 10,000 articles is the fair
    size), as one line of text ("" when no such run). With ``memo_off`` (the same corpus with
    the memos off), that figure is the one judged: the synthetic corpora repeat sentences."""
    runs = [a for a in annotations if a["steps"] == "all" and a["jobs"] == 1
            and a["corpus"] != "bundled"]
    if not runs:
        return ""
    a = max(runs, key=lambda r: r["n_articles"])
    value, floor = a["sentences_per_cpu_s"], FLOORS["sentences_per_s_per_core"]
    how = ""
    if memo_off and memo_off["corpus"] == a["corpus"]:
        value, how = memo_off["sentences_per_cpu_s"], ", memos off"
    note = "" if a["n_articles"] >= 10_000 else " (below the fair size of 10,000 articles)"
    return (f"full annotation, jobs=1{how}, {Path(a['corpus']).name} ({a['n_articles']:,} "
            f"articles, {a['n_sentences']:,} sentences){note}: {value:,.0f} sentences per "
            f"CPU-second, floor {floor:,.0f}: {_ok(value, floor)}")


# ---------------------------------------------------------------- main

def synth_corpus(size: int, fmt: str) -> str:
    suffix = {"jsonl": ".jsonl", "csv": ".csv", "folder": ""}[fmt]
    path = WORK / f"synth_{size}{suffix}"
    done = path.with_name(path.name + ".done")
    if not done.exists():
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        pool = synth.sentence_pool()
        synth.write_corpus(synth.synth_articles(size, pool, seed=size), path)
        done.write_text("ok")
    return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="synthetic corpus sizes, comma-separated (e.g. 1000,10000,100000)")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "folder"])
    parser.add_argument("--partition-size", type=int, default=0, help="0: annotate's default")
    parser.add_argument("--skip-report", action="store_true", help="no report-suite timing")
    parser.add_argument("--report-sizes", default="1000",
                        help="synthetic sizes to run the report suite on (besides bundled)")
    parser.add_argument("--memory-sizes", default="",
                        help="sizes annotated with --memory-steps only, jobs=2, to measure "
                             "the memory of streaming at scale (e.g. 100000)")
    parser.add_argument("--memory-steps", default="sentences,mentions")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse annotation figures saved by earlier runs "
                             "(outputs/bench/figures/) instead of measuring again")
    parser.add_argument("--report-timeout", type=int, default=300,
                        help="seconds per notebook cell in the report runs (runner --timeout)")
    parser.add_argument("--reuse-reports", action="store_true",
                        help="reuse report-suite figures saved by an earlier run")
    parser.add_argument("--child-annotate", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_annotate:
        corpus, out, jobs, partition_size, steps = args.child_annotate
        child_annotate(corpus, out, int(jobs), int(partition_size), steps)
        return 0

    WORK.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    jobs_list = [int(j) for j in args.jobs.split(",") if j.strip()]
    annotations = []
    memory_sizes = [int(s) for s in args.memory_sizes.split(",") if s.strip()]
    runs = [("", 1, "")]
    runs += [(synth_corpus(size, args.format), jobs, "") for size in sizes for jobs in jobs_list]
    runs += [(synth_corpus(size, args.format), 2, args.memory_steps) for size in memory_sizes]
    for corpus, jobs, steps in runs:
        figures = measure_annotation(corpus, jobs, args.partition_size, steps, args.reuse)
        annotations.append(figures)
        print(f"annotate {Path(figures['corpus']).name} jobs={jobs} steps={figures['steps']}: "
              f"{figures['n_articles']:,} articles, {figures['n_sentences']:,} sentences "
              f"in {figures['run_seconds']:.1f} s -> {figures['articles_per_s']:.0f} "
              f"articles/s, {figures['sentences_per_s']:.0f} sentences/s "
              f"({figures['sentences_per_cpu_s']:.0f} per CPU-second; floor "
              f"{FLOORS['sentences_per_s_per_core']:.0f}/core); peak "
              f"{figures['peak_rss_mb']:.0f} MB; load {figures['load_average']:.1f}", flush=True)
    full = [a for a in annotations if a["steps"] == "all"]
    by_size = [a for a in full if a["jobs"] == 1 and a["corpus"] != "bundled"]
    base = max(by_size, key=lambda a: a["n_articles"]) if by_size else annotations[0]
    profile = {"corpus": Path(base["corpus"]).name, "steps": base["step_cpu_seconds"],
               "wall": base["step_seconds"], "cpu_seconds": base["cpu_seconds"],
               "n_sentences": base["n_sentences"], "run_seconds": base["run_seconds"]}
    for a in full:
        if a["jobs"] == 2:
            one = next((b for b in full if b["corpus"] == a["corpus"] and b["jobs"] == 1),
                       None)
            if one:
                print(f"speed-up jobs=2 on {Path(a['corpus']).name}: "
                      f"{a['sentences_per_s'] / one['sentences_per_s']:.2f}x "
                      f"(floor {FLOORS['speedup_jobs2']}x)")
                print(f"  {idle_core_speedup(one, a)}")
    # The sentiment and claims memos (by sentence text) serve most sentences of a resampled
    # corpus; the memo-off figure is the one a corpus without repeats gets.
    memo_off = None
    if by_size:
        memo_off = measure_memo_off(base["corpus"], args.reuse)
        print(f"annotate {Path(base['corpus']).name} jobs=1, memos off: "
              f"{memo_off['sentences_per_cpu_s']:,.0f} sentences per CPU-second", flush=True)
        notes.append("The sentiment and claims steps memoise their results by sentence text (a "
                     "reprinted wire sentence is scored once). The synthetic corpora resample a "
                     "pool of real sentences, so every sentence recurs and the memos serve many "
                     "of them: the memos-on throughput is flattered. The floor is judged on the "
                     "memos-off run (`bench/bench_memo.py`, same corpus, every sentence "
                     "scored), the figure to expect from a corpus without repeats.")
    if 100_000 not in sizes:
        notes.append("Full annotation of 100,000 articles not run this time (`--sizes "
                     "1000,10000,100000` runs it)" + (
                         "; 100,000 articles were annotated with "
                         + (f"steps {args.memory_steps} only" if args.memory_steps
                            else "all steps") + ", jobs=2, to measure the memory of streaming "
                         "at that size."
                         if 100_000 in memory_sizes else "."))

    reports, fixed = [], None
    if not args.skip_report:
        try:
            fixed = measure_notebook_fixed_cost()
            print(f"fixed cost per notebook: {fixed}")
        except Exception as error:  # noqa: BLE001 - report the reason, keep the other figures
            notes.append(f"fixed-cost measurement failed: {type(error).__name__}: {error}")
        report_sizes = [int(s) for s in args.report_sizes.split(",") if s.strip()]
        for label, corpus in [("bundled", ""), *[(f"synth_{n}", synth_corpus(n, args.format))
                                                 for n in report_sizes]]:
            r = measure_report(corpus, label, args.report_timeout, args.reuse_reports)
            reports.append(r)
            print(f"report suite on {label}: {r['seconds']:.1f} s (exit {r['code']}; floor for "
                  f"bundled {FLOORS['report_bundled_s']:.0f} s)", flush=True)
    text = write_results(annotations, profile, reports, fixed, args, notes, memo_off)
    print(f"\nwrote {RESULTS}\n")
    print(text)
    verdict = floor_verdict(annotations, memo_off)
    if verdict:
        print(f"\nFLOOR VERDICT (largest size run) -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
