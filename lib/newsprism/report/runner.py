"""The report runner: execute every notebook with papermill, export HTML, write an index.

``newsprism report --corpus PATH --out DIR`` (see :mod:`newsprism.report.cli`) calls
:func:`run_report`. Each ``notebooks/NN_*.ipynb`` runs in a kernel whose interpreter
is the one running newsprism (one notebook per core at once; ``--jobs 1`` runs them in order) (a kernelspec written to a temporary folder, never a machine's
"python3"), with the same parameters (always ``corpus`` and ``out_dir``). Every executed
notebook — failed ones included, with their error on top — is exported to a self-contained
HTML file (code hidden, figures embedded, no script or stylesheet fetched from anywhere).
``index.html`` links them with status, duration, key findings and provenance;
``manifest.json`` holds the machine-readable facts.

Notebooks use two helpers to feed the report:

>>> from newsprism.report.runner import save_table, record_findings
>>> import pandas as pd, tempfile
>>> out = tempfile.mkdtemp()
>>> save_table(pd.DataFrame({"a": [1]}), "demo", out).name
'demo.csv'
>>> record_findings(out, "00_demo", ["Five articles from five outlets."]).name
'00_demo.json'
"""

from __future__ import annotations

import html
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.core import paths, provenance
from newsprism.core.errors import UsageError
from newsprism.core.lifecycle import die_with_parent
from newsprism.report.options import CWD_VARIABLE, resolve_path_parameters
from newsprism.report.params import (
    RUNNER_PARAMETERS,
    check_parameters,
    parameter_schema,
    parameters_for,
)
from newsprism.viz import figures

if TYPE_CHECKING:  # the runner checks its input before pandas, papermill or a notebook loads
    import pandas as pd

TEMPLATES = paths.PACKAGE / "templates"
HTML_TEMPLATE = "newsprism_report.html.j2"
KERNEL_NAME = "newsprism-runner"
NOTEBOOK_PATTERN = re.compile(r"^(\d{2})_[A-Za-z0-9_]+\.ipynb$")
DEFAULT_CELL_TIMEOUT = 900  # seconds per cell
INTERACTIVE_OUT = paths.OUTPUTS / "interactive"
# Evidence references inside findings ("40_x.html#anchor", "tables/x.csv") become links.
_EVIDENCE_REF = re.compile(r"\b(\d\d_\w+\.html(?:#[\w-]+)?|tables/[\w.-]+\.csv)")
MAX_INDEX_FINDINGS = 1  # findings shown per notebook on index.html, the rest under "N more"
INDEX_FINDING_CHARS = 120  # a longer first finding is cut at a word (shown in full below it)


# ---------------------------------------------------------------------------------------------
# Helpers notebooks call


def resolve_out_dir(out_dir: str | Path | None) -> Path:
    """The output folder of a run; ``""``/``None`` (a notebook opened in JupyterLab) means
    ``outputs/interactive``."""
    return Path(out_dir) if out_dir else INTERACTIVE_OUT


def save_table(df: pd.DataFrame, name: str, out_dir: str | Path | None,
               fmt: str = "csv") -> Path:
    """Write a result table to ``out_dir/tables/<name>.<fmt>`` (csv or parquet) and return it.

    Tables are written without the index and with a fixed float format, so two runs on the
    same input give byte-identical files.
    """
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"table name {name!r}: use letters, digits, '_', '-' or '.' only")
    folder = resolve_out_dir(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        target = folder / f"{name}.csv"
        df.to_csv(target, index=False, float_format="%.10g", lineterminator="\n")
    elif fmt == "parquet":
        target = folder / f"{name}.parquet"
        df.to_parquet(target, index=False)
    else:
        raise ValueError(f"fmt must be 'csv' or 'parquet', not {fmt!r}")
    return target


def findings_path(out_dir: str | Path | None, notebook: str) -> Path:
    return resolve_out_dir(out_dir) / "findings" / f"{Path(notebook).stem}.json"


def record_findings(out_dir: str | Path | None, notebook: str, findings: Iterable[str]) -> Path:
    """Save a notebook's key findings (short sentences) for the report's index page.

    ``notebook`` is the notebook's file stem, e.g. ``"00_corpus_overview"``. Calling it again
    replaces the earlier findings.
    """
    findings = [str(f) for f in findings]
    target = findings_path(out_dir, notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"notebook": Path(notebook).stem, "findings": findings},
                                 indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def _linked(finding: str) -> str:
    """A finding as escaped HTML, its evidence references turned into relative links.

    >>> _linked("x <b> [evidence: 40_a.html#p; tables/t.csv]")
    'x &lt;b&gt; [evidence: <a href="40_a.html#p">40_a.html#p</a>; <a href="tables/t.csv">tables/t.csv</a>]'
    """
    return _EVIDENCE_REF.sub(r'<a href="\1">\1</a>', _e(finding))


def read_findings(out_dir: str | Path, notebook: str) -> list[str]:
    """The findings a notebook recorded (empty when it recorded none or the file is broken)."""
    try:
        data = json.loads(findings_path(out_dir, notebook).read_text(encoding="utf-8"))
        return [str(f) for f in data.get("findings", [])]
    except (OSError, ValueError, AttributeError):
        return []


# ---------------------------------------------------------------------------------------------
# Runner


@dataclass
class NotebookResult:
    name: str
    title: str
    status: str  # ok | nothing to analyse | failed | timeout | dead kernel | error
    duration_s: float
    html: str  # relative to out_dir
    executed: str  # relative to out_dir
    error: str = ""
    findings: list[str] = field(default_factory=list)


@dataclass
class ReportResult:
    out_dir: Path
    index: Path
    exit_code: int
    manifest: dict[str, Any]


def discover_notebooks(notebooks_dir: str | Path = paths.NOTEBOOKS,
                       select: Iterable[str] | None = None) -> list[Path]:
    """``NN_*.ipynb`` files of a folder in order; ``select`` keeps those whose number or stem
    is listed (``["00", "10"]``)."""
    found = sorted(p for p in Path(notebooks_dir).glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name))
    if select:
        wanted = {s.strip() for s in select if s.strip()}
        found = [p for p in found if p.name[:2] in wanted or p.stem in wanted]
    return found


def notebook_title(path: Path) -> str:
    """The first Markdown heading of a notebook (its stem when it has none)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for cell in data.get("cells", []):
            if cell.get("cell_type") == "markdown":
                source = "".join(cell.get("source", []))
                for line in source.splitlines():
                    if line.startswith("#"):
                        return line.lstrip("#").strip()
    except (OSError, ValueError):
        pass
    return Path(path).stem


@contextmanager
def runner_kernel(python: str = sys.executable):
    """A temporary kernelspec whose interpreter is ``python``, found through ``JUPYTER_PATH``.

    Yields the kernel name. ``PYTHONHASHSEED=0`` in the kernel keeps set/dict-of-str ordering
    (and so the tables) identical between runs.
    """
    with tempfile.TemporaryDirectory(prefix="newsprism-kernel-") as tmp:
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            # log_level: keep the kernel quiet about its (loopback-only) unencrypted TCP channel
            # and about the interrupt jupyter_client sends every kernel at shutdown (logged as
            # "KeyboardInterrupt caught in kernel" when it lands mid-message). A notebook's own
            # failures still reach the runner through nbclient and become its status.
            "argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                     "--IPKernelApp.log_level=CRITICAL"],
            "display_name": "Python (newsprism runner)",
            "language": "python",
            # NEWSPRISM_CWD: relative paths in parameters mean the folder the command runs
            # in, while the kernel itself runs inside the output folder.
            # NEWSPRISM_QUIET_WARNINGS: corpus problems reach the page as tables and words
            # (corpus.problems_reading), never as a raw Python warning.
            "env": {"PYTHONHASHSEED": "0", CWD_VARIABLE: os.getcwd(),
                    "NEWSPRISM_QUIET_WARNINGS": "1"},
            "metadata": {"debugger": False},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
        previous = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [tmp, previous]))
        try:
            yield KERNEL_NAME
        finally:
            if previous is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = previous


# A notebook that raised core.errors.NothingToAnalyse: its input holds nothing it can measure.
# The page says so as its result (no traceback) and the run still succeeds.
NOTHING = "nothing to analyse"
FINISHED = ("ok", NOTHING)


def _nothing_banner(nb, message: str) -> None:
    """Replace the traceback of a NothingToAnalyse stop by its message on top of the page."""
    import nbformat

    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if o.get("output_type") != "error"]
    cell = nbformat.v4.new_markdown_cell(f"## Nothing to analyse\n\n{html.escape(message)}\n")
    cell.metadata["tags"] = ["newsprism-nothing"]
    nb.cells.insert(0, cell)


def _failure_banner(nb, kind: str, message: str, cell_source: str = "") -> None:
    """Put a visible Markdown cell on top of a notebook that did not finish."""
    import nbformat

    text = (f"## ⚠ This notebook did not finish: {html.escape(kind)}\n\n"
            f"<pre>{html.escape(message)}</pre>\n")
    if cell_source:
        text += f"\nThe cell that failed:\n\n<pre>{html.escape(cell_source)}</pre>\n"
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["tags"] = ["newsprism-error"]
    nb.cells.insert(0, cell)


def execute_notebook(source: Path, executed: Path, parameters: dict[str, Any], kernel_name: str,
                     cwd: Path, timeout: int) -> tuple[str, str]:
    """Run one notebook with papermill into ``executed``; return ``(status, error message)``.

    Never raises for a notebook's own failure: a cell error, a cell timeout or a dead kernel
    become a status, and ``executed`` always exists afterwards (with a banner on failure).
    """
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    status, message, cell_source = "ok", "", ""
    try:
        papermill.execute_notebook(
            str(source), str(executed), parameters=parameters, kernel_name=kernel_name,
            language="python",
            cwd=str(cwd), execution_timeout=timeout, progress_bar=False, log_output=False,
            request_save_on_cell_execute=True, report_mode=False,
        )
    except PapermillExecutionError as error:
        status, message, cell_source = "failed", f"{error.ename}: {error.evalue}", error.source
        if error.ename == "NothingToAnalyse":
            status, message = NOTHING, str(error.evalue)
    except CellTimeoutError as error:
        status, message = "timeout", f"A cell ran longer than {timeout} s. {error}"
    except DeadKernelError as error:
        status, message = "dead kernel", f"The kernel died: {error}"
    except Exception as error:  # noqa: BLE001 - any runner failure must still give a report
        status = "error"
        message = f"{type(error).__name__}: {error}\n" + traceback.format_exc(limit=5)
    if status == NOTHING:
        nb = nbformat.read(executed, as_version=4)
        _nothing_banner(nb, message)
        nbformat.write(nb, executed)
    elif status != "ok":
        nb = (nbformat.read(executed, as_version=4) if executed.exists()
              else nbformat.read(source, as_version=4))
        if status in ("timeout", "dead kernel", "error") and not cell_source:
            cell_source = _running_cell_source(nb)
        _failure_banner(nb, status, message, cell_source)
        nbformat.write(nb, executed)
    return status, message


def _running_cell_source(nb) -> str:
    """Source of the cell papermill marked as running (where a timeout or a crash happened)."""
    for cell in nb.cells:
        if cell.get("metadata", {}).get("papermill", {}).get("status") == "running":
            return cell.get("source", "")
    return ""


def export_html(executed: Path, target: Path) -> Path:
    """Export an executed notebook to self-contained HTML: code hidden, images inline, and no
    script, stylesheet or font loaded from the network (see ``templates/``)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATES)],
                            template_file=HTML_TEMPLATE)
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    nb = nbformat.read(executed, as_version=4)
    figures.caption_alt_texts(nb)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": executed.stem}})
    target.write_text(body, encoding="utf-8")
    return target


def load_parameters(params_file: str | Path | None, pairs: Iterable[tuple[str, str]]
                    ) -> dict[str, Any]:
    """Merge a YAML parameter file and ``-p name value`` pairs (values parsed as YAML, so
    ``-p min_words 8`` is an int and ``-p engines '[vader]'`` a list)."""
    import yaml

    from newsprism.core.yaml_io import load_yaml, load_yaml_file, syntax_error_message

    params: dict[str, Any] = {}
    if params_file:
        try:
            loaded = load_yaml_file(params_file) or {}
        except OSError as error:
            raise UsageError(f"parameters file {params_file}: cannot be read "
                             f"({error.strerror or error}); check the -f path") from None
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise UsageError(f"parameters file {params_file}: {syntax_error_message(error)}; it "
                             "must be YAML lines of the form 'name: value'") from None
        if not isinstance(loaded, dict):
            raise UsageError(f"parameters file {params_file}: expected a mapping of parameter "
                             "names to values ('name: value' lines)")
        params.update({str(k): v for k, v in loaded.items()})
    for name, value in pairs:
        try:
            params[name] = load_yaml(value, source=f"-p {name}")
        except yaml.YAMLError:
            params[name] = value
    return params


def default_jobs(n_notebooks: int) -> int:
    """Notebooks run at once by default: one per core, at most 4 (each kernel holds its own
    tables in memory) and never more than there are notebooks."""
    return max(1, min(os.cpu_count() or 1, 4, n_notebooks))


def run_notebook(source: Path, out: Path, params: dict[str, Any], kernel_name: str,
                 timeout: int) -> NotebookResult:
    """Execute one notebook into ``out/executed/`` and export ``out/<stem>.html``.

    Never raises for the notebook's own failure; an HTML export failure is a status too."""
    name = source.stem
    executed = out / "executed" / source.name
    t0 = time.perf_counter()
    status, error = execute_notebook(source, executed, params, kernel_name, out, timeout)
    html_path = out / f"{name}.html"
    try:
        export_html(executed, html_path)
    except Exception as export_error:  # noqa: BLE001 - report the export failure
        status = "error" if status == "ok" else status
        error = (error + "\n" if error else "") + f"HTML export failed: {export_error}"
        html_path.write_text(f"<!DOCTYPE html><meta charset='utf-8'><title>{name}</title>"
                             f"<pre>{html.escape(error)}</pre>", encoding="utf-8")
    return NotebookResult(
        name=name, title=notebook_title(source), status=status,
        duration_s=round(time.perf_counter() - t0, 2), html=html_path.name,
        executed=f"executed/{source.name}", error="" if status == NOTHING else error,
        findings=[error] if status == NOTHING else read_findings(out, name))


def _first_error_line(error: str) -> str:
    """`` - <first line of the error>`` for the terminal (empty when there is none).

    >>> _first_error_line("KeyError: 'unit'\\nTraceback ...")
    " - KeyError: 'unit'"
    """
    lines = [line for line in (error or "").strip().splitlines() if line.strip()]
    return f" - {lines[0][:300]}" if lines else ""


def prepare_out_dir(out_dir: str | Path) -> Path:
    """Create the output folder (and its subfolders) and make sure it can be written; a
    ``UsageError`` naming the folder otherwise."""
    out = Path(out_dir).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file, not a folder; choose a folder name")
    try:
        for sub in ("executed", "tables", "findings"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"--out {out}: cannot be written ({reason}); choose a writable "
                         "folder") from None
    return out


def run_report(corpus: str | Path | None, out_dir: str | Path, parameters: dict | None = None,
               *, notebooks_dir: str | Path = paths.NOTEBOOKS, select: Iterable[str] | None = None,
               timeout: int = DEFAULT_CELL_TIMEOUT, params_file: str | Path | None = None,
               progress: Callable[[str], None] = print,
               jobs: int | None = None) -> ReportResult:
    """Execute the notebooks, export HTML, write ``index.html`` and ``manifest.json``.

    ``jobs`` notebooks run at once (default :func:`default_jobs`; 1 runs them in order in
    this process). The exit code in the result is 0 when every notebook finished, 1 otherwise.
    """
    started_at, started = provenance.now_utc(), time.perf_counter()
    notebooks = discover_notebooks(notebooks_dir, select)
    if not notebooks:
        raise FileNotFoundError(f"no NN_*.ipynb notebooks in {notebooks_dir}"
                                + (f" matching {list(select)}" if select else ""))
    # Everything is checked before the first notebook starts (each a one-line UsageError).
    schema = parameter_schema(discover_notebooks(notebooks_dir))
    user_params = {k: v for k, v in (parameters or {}).items() if k not in RUNNER_PARAMETERS}
    # path parameters made absolute here, so the provenance shows the file that was read
    user_params = check_parameters(resolve_path_parameters(user_params, Path.cwd()), schema)
    from newsprism.pipeline.inputs import check_corpus

    corpus_path = check_corpus(corpus)
    out = prepare_out_dir(out_dir)
    params = {**user_params, "corpus": corpus_path, "out_dir": str(out)}

    results: list[NotebookResult] = []
    jobs = default_jobs(len(notebooks)) if jobs is None else max(1, int(jobs))
    with runner_kernel() as kernel_name:
        def on_start(i: int, source: Path) -> None:
            findings_path(out, source.stem).unlink(missing_ok=True)  # no stale findings
            if jobs == 1:
                progress(f"[{i}/{len(notebooks)}] {source.stem} ...")

        def on_finish(i: int, result: NotebookResult) -> None:
            results.append(result)
            progress(f"[{i}/{len(notebooks)}] {result.name}: {result.status} "
                     f"in {result.duration_s:.1f} s" + _first_error_line(result.error))

        if jobs == 1:
            for i, source in enumerate(notebooks, 1):
                on_start(i, source)
                on_finish(i, run_notebook(source, out, parameters_for(source, params, schema),
                                          kernel_name, timeout))
        else:
            progress(f"running {len(notebooks)} notebooks, {jobs} at a time ...")
            _run_parallel(notebooks, [parameters_for(source, params, schema)
                                      for source in notebooks],
                          out, kernel_name, timeout, jobs, on_start, on_finish)
    order = {p.stem: k for k, p in enumerate(notebooks)}
    results.sort(key=lambda r: order[r.name])

    exit_code = 0 if all(r.status in FINISHED for r in results) else 1
    record = provenance.provenance_record(params)
    manifest = {
        "newsprism_version": record["packages"].get("newsprism"),
        "started_at": started_at,
        "finished_at": provenance.now_utc(),
        "duration_s": round(time.perf_counter() - started, 2),
        "exit_code": exit_code,
        "command": sys.argv,
        "parameters": record["parameters"],
        "params_file": ({"path": str(params_file), "sha256": provenance.sha256_file(params_file)}
                        if params_file else None),
        "corpus": corpus_path,
        "inputs": record["inputs"],
        "notebook_files": {p.name: provenance.sha256_file(p) for p in notebooks},
        "packages": record["packages"],
        "git_commit": record["git_commit"],
        "python_executable": sys.executable,
        "kernel": {"name": KERNEL_NAME, "python": sys.executable},
        "platform": record["platform"],
        "cell_timeout_s": timeout,
        "jobs": jobs,
        "notebooks": [asdict(r) for r in results],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    index = write_index(out, results, manifest)
    return ReportResult(out_dir=out, index=index, exit_code=exit_code, manifest=manifest)


def _run_parallel(notebooks: list[Path], notebook_params: list[dict], out: Path,
                  kernel_name: str, timeout: int, jobs: int,
                  on_start: Callable[[int, Path], None],
                  on_finish: Callable[[int, NotebookResult], None]) -> None:
    """Run the notebooks ``jobs`` at a time; a lost worker is the notebook's error.

    Notebooks are independent (each reads the corpus or the shared annotation cache, whose
    lock makes a second notebook wait for the first one's annotation), so they run side by
    side; forked workers inherit JUPYTER_PATH and so the runner kernel.
    """
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=die_with_parent) as pool:
        futures = {}
        for i, (source, values) in enumerate(zip(notebooks, notebook_params, strict=True), 1):
            on_start(i, source)
            futures[pool.submit(run_notebook, source, out, values, kernel_name,
                                timeout)] = (i, source)
        for future in as_completed(futures):
            i, source = futures[future]
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - a lost worker is a failure
                result = NotebookResult(
                    name=source.stem, title=notebook_title(source), status="error",
                    duration_s=0.0, html=f"{source.stem}.html",
                    executed=f"executed/{source.name}",
                    error=f"runner worker failed: {type(error).__name__}: {error}")
            on_finish(i, result)


# ---------------------------------------------------------------------------------------------
# index.html

_INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72em;margin:2em auto;
padding:0 1em;color:#1d1d1f;line-height:1.45}
h1{margin-bottom:0.2em} .sub{color:#555;margin-top:0}
table{border-collapse:collapse;margin:0.8em 0 1.6em 0;width:100%}
th,td{border-bottom:1px solid #ddd;padding:0.35em 0.6em;text-align:left;vertical-align:top}
th{background:#f3f3f5} td.num{text-align:right;font-variant-numeric:tabular-nums}
.status{font-weight:600;padding:0.1em 0.5em;border-radius:0.3em}
.ok{background:#d9f2dc;color:#14591d} .bad{background:#fbdada;color:#8a1111}
ul.findings{margin:0;padding-left:1.2em} pre.err{white-space:pre-wrap;color:#8a1111;margin:0}
code{font-size:0.9em} details{margin:0.6em 0} td.files{white-space:nowrap}
#notebooks td:first-child{min-width:15em} #notebooks details{margin:0.1em 0 0 0}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _findings_cell(findings: list[str]) -> str:
    """The first finding (cut at a word when long) in view; all of them one click away, so
    the index stays a summary whose rows fit a laptop screen."""
    if not findings:
        return "<em>none recorded</em>"
    from newsprism.viz.table_cells import cut_text

    first = cut_text(findings[0], INDEX_FINDING_CHARS)
    whole = first == " ".join(findings[0].split())
    cell = f"<ul class='findings'><li>{_linked(first) if whole else _e(first)}</li></ul>"
    rest = findings[MAX_INDEX_FINDINGS:] if whole else findings
    if rest:
        label = f"{len(rest)} more" if whole else f"all {len(findings)} in full"
        cell += (f"<details><summary>{label}</summary><ul class='findings'>"
                 + "".join(f"<li>{_linked(f)}</li>" for f in rest) + "</ul></details>")
    return cell


def write_index(out: Path, results: list[NotebookResult], manifest: dict[str, Any]) -> Path:
    """Write ``index.html``: one row per notebook plus the run's provenance (all escaped)."""
    n_ok = sum(r.status in FINISHED for r in results)
    rows = []
    for r in results:
        status_class = "ok" if r.status in FINISHED else "bad"
        findings = _findings_cell(r.findings)
        if r.error:
            findings += f"<pre class='err'>{_e(r.error.strip().splitlines()[0][:500])}</pre>"
        rows.append(
            f"<tr><td><a href='{_e(r.html)}'>{_e(r.title)}</a><br><code>{_e(r.name)}</code></td>"
            f"<td><span class='status {status_class}'>{_e(r.status)}</span></td>"
            f"<td class='num'>{r.duration_s:.1f} s</td><td>{findings}</td>"
            f"<td class='files'><a href='{_e(r.html)}'>HTML</a> · "
            f"<a href='{_e(r.executed)}'>ipynb</a></td></tr>")
    params = "".join(f"<tr><td><code>{_e(k)}</code></td><td><code>{_e(json.dumps(v))}</code>"
                     f"</td></tr>" for k, v in manifest["parameters"].items())
    packages = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>"
                       for k, v in manifest["packages"].items())
    inputs = "".join(f"<tr><td><code>{_e(k)}</code></td><td><code>{_e(v)}</code></td></tr>"
                     for k, v in manifest["inputs"].items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsprism report</title><style>{_INDEX_CSS}</style></head>
<body>
<h1>newsprism report</h1>
<p class="sub">Corpus <code>{_e(manifest['corpus'])}</code> · started {_e(manifest['started_at'])}
· {manifest['duration_s']:.1f} s · {n_ok} of {len(results)} notebooks finished</p>
<h2>Notebooks</h2>
<table id="notebooks"><thead><tr><th>Notebook</th><th>Status</th><th>Duration</th>
<th>Key findings</th><th>Files</th></tr></thead><tbody>
{''.join(rows)}
</tbody></table>
<h2>Provenance</h2>
<table id="provenance"><tbody>
<tr><th>git commit</th><td><code>{_e(manifest['git_commit'])}</code></td></tr>
<tr><th>newsprism</th><td>{_e(manifest['newsprism_version'])}</td></tr>
<tr><th>interpreter</th><td><code>{_e(manifest['python_executable'])}</code></td></tr>
<tr><th>platform</th><td>{_e(manifest['platform'])}</td></tr>
<tr><th>cell timeout</th><td>{_e(manifest['cell_timeout_s'])} s</td></tr>
<tr><th>notebooks at once</th><td>{_e(manifest.get('jobs'))}</td></tr>
<tr><th>machine-readable</th><td><a href="manifest.json">manifest.json</a></td></tr>
</tbody></table>
<h3>Parameters</h3><table id="parameters"><tbody>{params}</tbody></table>
<details><summary>Input files ({len(manifest['inputs'])}, SHA-256)</summary>
<table id="inputs"><tbody>{inputs}</tbody></table></details>
<details><summary>Package versions</summary>
<table id="packages"><tbody>{packages}</tbody></table></details>
</body></html>
"""
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
