"""The report runner, its HTML export, index page and manifest, and the display helpers."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import XSS, run_report_cli
from newsprism.core import paths, provenance
from newsprism.report import cli
from newsprism.report import runner as report
from newsprism.viz import display

NOTEBOOKS = report.discover_notebooks(paths.NOTEBOOKS)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# ---------------------------------------------------------------------------------------------
# The whole suite on the bundled corpus


def test_suite_report_finishes_every_notebook(suite_report):
    out_dir, exit_code, manifest = suite_report
    log = (out_dir / "runner.log").read_text()
    statuses = {n["name"]: (n["status"], n["error"][:300]) for n in manifest["notebooks"]}
    assert exit_code == 0, f"report failed: {statuses}\n{log[-3000:]}"
    assert [n["name"] for n in manifest["notebooks"]] == [p.stem for p in NOTEBOOKS]
    for name in statuses:
        assert (out_dir / f"{name}.html").stat().st_size > 10_000
        assert (out_dir / "executed" / f"{name}.ipynb").exists()
    # progress: one start and one end line per notebook, then the index path last
    lines = log.split("--- stdout\n")[1].split("\n--- stderr")[0].strip().splitlines()
    assert lines[-1] == str(out_dir / "index.html")
    assert sum(" in " in line and line.startswith("[") for line in lines) == len(NOTEBOOKS)


def test_manifest_records_provenance(suite_report):
    out_dir, _, manifest = suite_report
    assert manifest["parameters"]["corpus"] == str(paths.BUNDLED_CORPUS)
    assert manifest["parameters"]["out_dir"] == str(out_dir)
    corpus_files = provenance.input_files(paths.BUNDLED_CORPUS)
    assert len(manifest["inputs"]) == len(corpus_files) >= 6
    for path in corpus_files:
        name = str(path.relative_to(paths.BUNDLED_CORPUS))
        assert manifest["inputs"][name] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest["packages"]["pandas"] == pd.__version__
    assert re.fullmatch(r"[0-9a-f]{40}(\+dirty)?|unknown", manifest["git_commit"])
    assert manifest["python_executable"] == sys.executable
    assert all(n["duration_s"] > 0 for n in manifest["notebooks"])
    assert manifest["started_at"] <= manifest["finished_at"]


def test_index_lists_every_notebook_with_status_and_findings(suite_report):
    out_dir, _, manifest = suite_report
    index = _soup(out_dir / "index.html")
    rows = index.select("table#notebooks tbody tr")
    assert len(rows) == len(manifest["notebooks"])
    for row, entry in zip(rows, manifest["notebooks"], strict=True):
        assert row.find("a")["href"] == entry["html"]
        assert (out_dir / entry["html"]).exists()
        assert entry["status"] in row.get_text()
        for finding in entry["findings"]:
            assert finding in row.get_text()
    overview = next(n for n in manifest["notebooks"] if n["name"] == "00_corpus_overview")
    assert overview["findings"], "the overview notebook records key findings"
    assert index.select("table#parameters") and "manifest.json" in index.get_text()


def test_html_is_self_contained_and_hides_code(suite_report):
    out_dir, _, _ = suite_report
    for page in sorted(out_dir.glob("*.html")):
        soup = _soup(page)
        for tag in soup.find_all(["script", "link", "iframe", "img"]):
            target = tag.get("src") or tag.get("href") or ""
            assert not re.match(r"(https?:)?//", target), f"{page.name} fetches {target}"
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", page.read_text())
        for image in soup.find_all("img"):
            assert image["src"].startswith("data:image/"), f"{page.name}: image not embedded"
    overview = (out_dir / "00_corpus_overview.html").read_text()
    assert "load_corpus(" not in overview and "import matplotlib" not in overview


def test_overview_html_shows_tables_figures_and_provenance(suite_report):
    out_dir, _, _ = suite_report
    soup = _soup(out_dir / "00_corpus_overview.html")
    assert len(soup.select("table.np-table")) >= 6
    images = [i for i in soup.find_all("img") if i["src"].startswith("data:image/png;base64,")]
    assert len(images) >= 2
    from PIL import Image

    for image in images:
        png = Image.open(io.BytesIO(base64.b64decode(image["src"].split(",", 1)[1])))
        assert png.width > 100 and png.height > 100
    text = soup.get_text(" ")
    for needle in ("Articles per outlet", "Cleaning audit", "Similar and copied", "Limitations",
                   "Provenance", "n = ", "Source:"):
        assert needle in text
    assert provenance.git_commit().split("+")[0] in text


def test_tables_are_written_for_the_overview(suite_report):
    out_dir, _, _ = suite_report
    outlets = pd.read_csv(out_dir / "tables" / "overview_outlets.csv")
    assert outlets["articles"].sum() == 5
    pairs = pd.read_csv(out_dir / "tables" / "overview_near_duplicates.csv")
    assert len(pairs) == 10  # every pair of 5 articles


# ---------------------------------------------------------------------------------------------
# Article text with <script> is escaped everywhere


def test_script_in_article_text_is_escaped_in_every_html(xss_report):
    out_dir, exit_code, manifest = xss_report
    assert manifest["jobs"] == 1
    pages = sorted(out_dir.glob("*.html"))
    assert len(pages) == len(NOTEBOOKS) + 1
    for page in pages:
        content = page.read_text(encoding="utf-8")
        assert "<script>alert" not in content.lower(), f"unescaped script in {page.name}"
        assert not _soup(page).find_all("script", string=re.compile("alert")), page.name
    overview_entry = next(n for n in manifest["notebooks"] if n["name"] == "00_corpus_overview")
    assert overview_entry["status"] == "ok", overview_entry["error"]
    overview = (out_dir / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in overview  # shown, as text


# ---------------------------------------------------------------------------------------------
# Failure paths, kernel and parameters (a throw-away notebooks folder)


@pytest.fixture(scope="module")
def failing_run(failing_report):
    out, exit_code, manifest = failing_report
    proc = SimpleNamespace(returncode=exit_code, stdout=(out / ".runner.stdout").read_text(),
                           stderr=(out / ".runner.stderr").read_text())
    return out, proc, {n["name"]: n for n in manifest["notebooks"]}


def test_failing_notebooks_give_nonzero_exit_and_statuses(failing_run):
    out, proc, entries = failing_run
    assert proc.returncode == 1, proc.stderr
    assert {k: v["status"] for k, v in entries.items()} == {
        "01_ok": "ok", "02_fail": "failed", "03_timeout": "timeout", "04_dead": "dead kernel",
        "05_after": "ok"}
    assert proc.stdout.strip().splitlines()[-1] == str(out / "index.html")
    assert "02_fail" in proc.stderr and "did not finish" in proc.stderr


def test_parallel_run_keeps_notebook_order_and_records_jobs(failing_run, suite_report):
    out, _, entries = failing_run
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["jobs"] == 3
    # 03 (a 30 s timeout) finishes after 04 and 05, yet the index keeps file order.
    assert list(entries) == ["01_ok", "02_fail", "03_timeout", "04_dead", "05_after"]
    names = [row.get_text(" ", strip=True) for row in _soup(out / "index.html").select("tr")]
    positions = [next(i for i, text in enumerate(names) if name in text) for name in entries]
    assert positions == sorted(positions)
    assert suite_report.manifest["jobs"] >= 1


def test_failed_notebook_html_shows_the_error_escaped(failing_run):
    out, _, entries = failing_run
    fail = (out / "02_fail.html").read_text()
    assert "ValueError" in fail and "deliberate failure" in fail
    assert "<b>x</b>" not in fail and "&lt;b&gt;x&lt;/b&gt;" in fail
    assert "did not finish" in (out / "03_timeout.html").read_text()
    assert "time.sleep(300)" in (out / "03_timeout.html").read_text()
    assert "kernel died" in (out / "04_dead.html").read_text().lower()
    index = _soup(out / "index.html").get_text()
    assert "dead kernel" in index and "timeout" in index and "failed" in index
    assert entries["02_fail"]["error"].startswith("ValueError: deliberate failure")


def test_kernel_is_the_runner_interpreter_and_parameters_reach_it(failing_run):
    out, _, entries = failing_run
    executable, params = entries["01_ok"]["findings"]
    assert executable == sys.executable
    assert json.loads(params) == {"alpha": 3, "beta": [1, "two"],
                                  "corpus": str(paths.BUNDLED_CORPUS), "out_dir": str(out)}


def test_missing_notebooks_dir_is_a_clear_error(tmp_path):
    proc = run_report_cli(paths.BUNDLED_CORPUS, tmp_path / "out", "--notebooks-dir",
                          str(tmp_path / "nowhere"), timeout=120)
    assert proc.returncode == 2 and "no NN_*.ipynb notebooks" in proc.stderr


def test_cli_registers_report_and_extensions(capsys):
    parser = cli.build_parser()
    args = parser.parse_args(["report", "--out", "x", "-p", "a", "1", "--notebooks", "00,10"])
    assert args.func and args.parameter == [["a", "1"]] and args.notebooks == "00,10"
    subcommands = parser._subparsers._group_actions[0].choices
    assert "report" in subcommands
    try:
        import newsprism.pipeline.store as scale
    except ImportError:
        scale = None
    if scale is not None and hasattr(scale, "add_cli"):
        assert set(subcommands) - {"report"}, "scale.add_cli registered no subcommand"
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0 and "report" in capsys.readouterr().out


def test_load_parameters_merges_file_and_pairs(tmp_path):
    (tmp_path / "p.yml").write_text("a: 1\nb: text\n")
    params = report.load_parameters(tmp_path / "p.yml", [("a", "2"), ("c", "[x, 3]"),
                                                         ("d", "true")])
    assert params == {"a": 2, "b": "text", "c": ["x", 3], "d": True}
    (tmp_path / "bad.yml").write_text("- a\n- b\n")
    with pytest.raises(ValueError, match="mapping"):
        report.load_parameters(tmp_path / "bad.yml", [])
    (tmp_path / "broken.yml").write_text("a: 1\n  b: 2\n")
    with pytest.raises(ValueError, match=r"broken.yml: YAML syntax error at line 2, column 4"):
        report.load_parameters(tmp_path / "broken.yml", [])
    (tmp_path / "latin1.yml").write_bytes(b"a: caf\xe9\n")
    with pytest.raises(ValueError, match=r"latin1.yml: not UTF-8 text \(byte 6"):
        report.load_parameters(tmp_path / "latin1.yml", [])


def test_save_table_is_byte_identical_across_calls(tmp_path):
    frame = pd.DataFrame({"x": [0.1 + 0.2, 1 / 3], "s": ["a", "b"]})
    first = report.save_table(frame, "t", tmp_path).read_bytes()
    second = report.save_table(frame.copy(), "t", tmp_path).read_bytes()
    assert first == second and b"0.3" in first
    with pytest.raises(ValueError):
        report.save_table(frame, "../escape", tmp_path)


def test_record_findings_round_trip(tmp_path):
    report.record_findings(tmp_path, "00_x", ["one", 2])
    assert report.read_findings(tmp_path, "00_x") == ["one", "2"]
    assert report.read_findings(tmp_path, "10_missing") == []


# ---------------------------------------------------------------------------------------------
# Display helpers and provenance


def test_display_helpers_escape_article_text():
    text = f"Before {XSS} the <b>hit</b> after & more"
    start = text.index("<b>")
    kwic = display.kwic_html(text, start, start + len("<b>hit</b>"), width=10)
    assert "<script" not in kwic and "<b>" not in kwic
    assert "<mark>&lt;b&gt;hit&lt;/b&gt;</mark>" in kwic
    assert kwic.startswith('<span class="np-kwic">…') and kwic.endswith("…</span>")
    marked = display.highlight_spans(text, [(7, 32, "<i>label</i>"), (10, 12)])
    assert "<script" not in marked and "&lt;i&gt;label" in marked and marked.count("<mark") == 1
    table = display.show_table(pd.DataFrame({"t": [XSS], "v": [1.5]}), f"cap {XSS}", n=1)
    assert "<script" not in table and table.count("&lt;script&gt;") == 2
    assert "<script" not in display.caption(XSS, source=XSS)
    assert "<strong>bold</strong>" in display.reading("a **bold** move")
    assert display.show_table(pd.DataFrame({"k": [display.kwic_html("ab", 0, 1)]}), None,
                              html_columns=["k"]).count("<mark>") == 1


def test_show_table_truncates_and_formats_numbers():
    frame = pd.DataFrame({"n": [1.0, 2.5, 1234.0], "x": ["a", None, "c"]})
    html = display.show_table(frame, "cap", max_rows=2)
    assert "First 2 of 3 rows" in html and ">1<" in html and ">2.5<" in html


def test_provenance_table_sections(tmp_path):
    (tmp_path / "a.txt").write_text("abc")
    table = provenance.provenance_table({"corpus": str(tmp_path), "out_dir": "o", "k": 3})
    inputs = table[table.section == "input"].set_index("name")["value"]
    assert inputs.to_dict() == {"a.txt": hashlib.sha256(b"abc").hexdigest()}
    params = table[table.section == "parameter"].set_index("name")["value"].to_dict()
    assert params == {"corpus": repr(str(tmp_path)), "k": "3", "out_dir": "'o'"}
    assert set(table.section) == {"parameter", "input", "package", "git", "run"}
    assert table.loc[table.name == "python", "value"].item().startswith("3.11")


def test_captions_and_readings_name_the_corpus_not_a_machine_path(suite_report):
    out, _, manifest = suite_report
    assert manifest["corpus"] == str(paths.BUNDLED_CORPUS)  # provenance keeps the full path
    named = 0
    for page in sorted(out.glob("[0-9][0-9]_*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for node in soup.select(".np-caption") + soup.select("pre") + soup.select("p"):
            text = node.get_text(" ")
            if "Source:" in text or "read from" in text:
                assert str(paths.ROOT) not in text, f"{page.name}: {text[:200]}"
                named += paths.BUNDLED_CORPUS.name in text
    assert named >= 5


@pytest.mark.slow
def test_nothing_to_analyse_is_a_result_not_a_failure(tmp_path):
    # A corpus of French, German and Spanish articles crashed 10-50 with five different
    # tracebacks; an English-only notebook now stops on NothingToAnalyse, and its page says why.
    from conftest import _notebook
    from newsprism.report.runner import run_report

    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_english.ipynb",
              "import pandas as pd\nfrom newsprism.report.options import require_english\n"
              "require_english(pd.DataFrame({'language': ['fr', 'de']}), 'Sentiment <scores>')",
              "print('never reached')")
    _notebook(folder / "02_fail.ipynb", "raise ValueError('a real failure')")
    result = run_report(paths.BUNDLED_CORPUS, tmp_path / "out", notebooks_dir=folder,
                        progress=lambda line: None, jobs=1)
    statuses = {n["name"]: n["status"] for n in result.manifest["notebooks"]}
    assert statuses == {"01_english": "nothing to analyse", "02_fail": "failed"}
    page = (tmp_path / "out" / "01_english.html").read_text(encoding="utf-8")
    assert "Nothing to analyse" in page and "Sentiment &lt;scores&gt; are measured" in page
    assert "Traceback" not in page and "never reached" not in page
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "none of the 2 articles of this corpus is English (languages: fr 1, de 1)" in index
    assert result.exit_code == 1  # the real failure still fails the run
    only = run_report(paths.BUNDLED_CORPUS, tmp_path / "out2", notebooks_dir=folder,
                      select=["01"], progress=lambda line: None, jobs=1)
    assert only.exit_code == 0
