"""The command's one error path: one line naming what is wrong, exit 2 for usage, 1 for
failures, a traceback only with --debug; checks happen before any notebook starts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from newsprism import __version__
from newsprism.core import paths
from newsprism.report import cli


@pytest.fixture(autouse=True)
def no_signal_handlers(monkeypatch):
    """The runner's SIGTERM/SIGINT handlers belong to the command, not to pytest."""
    monkeypatch.setattr(cli, "handle_termination", lambda: None)


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("extra, needle", [
    (["-p", "engin", "x"], "unknown parameter 'engin' (did you mean 'engine'?)"),
    (["-p", "seed", "abc"], "parameter 'seed': 'abc' is not a whole number"),
    (["-p", "engine", "textblb"], "did you mean 'textblob'?"),
    (["--corpus", "{tmp}/no_such_corpus"], "corpus not found: {tmp}/no_such_corpus"),
    (["--notebooks", "77"], "no NN_*.ipynb notebooks"),
])
def test_usage_errors_are_one_line_with_exit_2(capsys, tmp_path, extra, needle):
    extra = [e.replace("{tmp}", str(tmp_path)) for e in extra]
    code, out, err = _run(capsys, "report", "--out", str(tmp_path / "out"), *extra)
    assert code == 2 and needle.replace("{tmp}", str(tmp_path)) in _one_line(err)
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_malformed_parameters_file_names_the_file_and_line(capsys, tmp_path):
    bad = tmp_path / "params.yml"
    bad.write_text("engine: vader\nseed: [1\n")
    code, _, err = _run(capsys, "report", "--out", str(tmp_path / "o"), "-f", str(bad))
    line = _one_line(err)
    assert code == 2 and str(bad) in line and "line 3" in line
    code, _, err = _run(capsys, "report", "--out", str(tmp_path / "o"), "-f",
                        str(tmp_path / "missing.yml"))
    assert code == 2 and "missing.yml: cannot be read" in _one_line(err)
    bad.write_text("- engine\n")
    code, _, err = _run(capsys, "report", "--out", str(tmp_path / "o"), "-f", str(bad))
    assert code == 2 and "expected a mapping" in _one_line(err)
    bad.write_text("engin: vader\n")
    code, _, err = _run(capsys, "report", "--out", str(tmp_path / "o"), "-f", str(bad))
    assert code == 2 and "did you mean 'engine'" in _one_line(err)


def test_unusable_out_is_refused_naming_it(capsys, tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    code, _, err = _run(capsys, "report", "--out", str(a_file))
    assert code == 2 and f"--out {a_file}: is a file" in _one_line(err)
    code, _, err = _run(capsys, "report", "--out", "/proc/1/newsprism_out")  # read-only for root too
    assert code == 2 and "--out /proc/1/newsprism_out: cannot be written" in _one_line(err)
    code, _, err = _run(capsys, "report", "--out", str(a_file / "sub"))
    assert code == 2 and "cannot be written" in _one_line(err)


def test_empty_corpus_is_refused_before_any_notebook(capsys, tmp_path):
    corpus = tmp_path / "empty.jsonl"
    corpus.write_text('{"outlet": "x"}\n')
    code, _, err = _run(capsys, "report", "--out", str(tmp_path / "o"), "--corpus", str(corpus))
    assert code == 2 and f"corpus {corpus}: no article could be read" in _one_line(err)


def test_annotate_on_a_missing_corpus_or_file_out(capsys, tmp_path):
    code, _, err = _run(capsys, "annotate", "--corpus", str(tmp_path / "nope"), "--out",
                        str(tmp_path / "ann"), "--quiet")
    assert code == 2 and f"corpus not found: {tmp_path / 'nope'}" in _one_line(err)
    (tmp_path / "f").write_text("x")
    code, _, err = _run(capsys, "annotate", "--out", str(tmp_path / "f"), "--quiet")
    assert code == 2 and "is a file, not a folder" in _one_line(err)


def test_unexpected_failure_is_one_line_exit_1_and_debug_shows_the_traceback(
        capsys, monkeypatch, tmp_path):
    import newsprism.report.runner as report

    def broken(*args, **kwargs):
        raise KeyError("unit")

    monkeypatch.setattr(report, "run_report", broken)
    code, _, err = _run(capsys, "report", "--out", str(tmp_path))
    line = _one_line(err)
    assert code == 1 and "KeyError: 'unit'" in line and "--debug" in line
    with pytest.raises(KeyError):
        cli.main(["report", "--out", str(tmp_path), "--debug"])


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.strip() == f"newsprism {__version__}"


def _tiny_notebook(path, params_source, body):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["language_info"] = {"name": "python"}
    params = nbformat.v4.new_code_cell(params_source)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"), params,
                nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, path)


@pytest.mark.slow
def test_each_notebook_gets_its_own_parameters_and_a_failure_reaches_the_terminal(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    record = ("import json\nfrom newsprism.report.runner import record_findings\n"
              "_ = record_findings(out_dir, '{stem}', [json.dumps(sorted(globals()))])")
    _tiny_notebook(folder / "01_a.ipynb", 'corpus = ""\nout_dir = ""\nalpha: int = 0  # a',
                   record.format(stem="01_a"))
    _tiny_notebook(folder / "02_b.ipynb", 'corpus = ""\nout_dir = ""',
                   record.format(stem="02_b") + "\nraise ValueError('deliberate <b>stop</b>')")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "newsprism", "report", "--out", str(out),
                           "--notebooks-dir", str(folder), "-p", "alpha", "3", "--jobs", "1"],
                          capture_output=True, text=True, timeout=600, cwd=paths.ROOT)
    assert proc.returncode == 1, proc.stderr
    assert "Passed unknown parameter" not in proc.stdout + proc.stderr
    assert "02_b: failed in" in proc.stdout and "ValueError: deliberate <b>stop</b>" in proc.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    found = {n["name"]: json.loads(n["findings"][0]) for n in manifest["notebooks"]}
    assert "alpha" in found["01_a"] and "alpha" not in found["02_b"]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("extra", "codebook", "actors"), [
    ([], "generic", "actors_none.yml"),  # the notebooks' defaults: a report reads it as is
    (["--codebook", "story", "--actors-codebook", "story"], "story", "actors.yml"),
])
def test_annotate_takes_the_notebooks_codebook_parameters(tmp_path, extra, codebook, actors):
    out = tmp_path / "ann"
    assert cli.main(["annotate", "--out", str(out), "--quiet", "--jobs", "1", *extra]) == 0
    options = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))["options"]
    assert options["codebook"] == codebook
    assert options["actors_path"].endswith(actors)
