"""Validation results are cached by their inputs: `validate --if-changed` re-runs only when the
gold data, the library code or a codebook changed."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.core import validate


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    roots = {"gold": tmp_path / "gold", "library": tmp_path / "lib",
             "codebooks": tmp_path / "codebooks"}
    for kind, root in roots.items():
        root.mkdir()
        (root / f"{kind}.txt").write_text(f"{kind} v1")
    (roots["gold"] / "polnear" / "test").mkdir(parents=True)
    (roots["library"] / "__pycache__").mkdir()
    monkeypatch.setattr(validate, "input_roots", lambda: {k: [v] for k, v in roots.items()})
    monkeypatch.setattr(validate, "RESULTS_DIR", tmp_path / "results")
    return roots


@pytest.mark.parametrize("kind", ["gold", "library", "codebooks"])
def test_key_changes_when_an_input_changes(inputs, kind):
    before = validate.inputs_key(["frames"])
    assert validate.inputs_key(["frames"]) == before
    (inputs[kind] / f"{kind}.txt").write_text(f"{kind} v2")
    changed = validate.inputs_key(["frames"])
    assert changed != before
    (inputs[kind] / "new.yml").write_text("x")  # a new file counts too
    assert validate.inputs_key(["frames"]) not in (before, changed)


def test_key_ignores_test_splits_and_bytecode(inputs):
    before = validate.inputs_key(["frames"])
    (inputs["gold"] / "polnear" / "test" / "a.ann").write_text("never read")
    (inputs["gold"] / "test.jsonl").write_text("never read")
    (inputs["library"] / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert validate.inputs_key(["frames"]) == before
    assert validate.inputs_key(["frames"], quick=True) != before


def test_if_changed_skips_until_an_input_changes(inputs, monkeypatch, capsys):
    calls = []

    def fake_validator(measure, quick=False):
        calls.append(measure)
        return pd.DataFrame([{"measure": measure, "metric": "f1", "value": 1.0}],
                            columns=validate.VALIDATION_COLUMNS)

    monkeypatch.setattr(validate, "run_validator", fake_validator)
    assert validate.main(["frames", "--if-changed"]) == 0 and calls == ["frames"]
    assert validate.main(["frames", "--if-changed"]) == 0 and calls == ["frames"]
    assert "up to date" in capsys.readouterr().out
    (inputs["codebooks"] / "codebooks.txt").write_text("edited")
    validate.main(["frames", "--if-changed"])
    assert calls == ["frames", "frames"]
    (validate.RESULTS_DIR / "frames.csv").unlink()  # a lost result is made again
    validate.main(["frames", "--if-changed"])
    assert calls == ["frames"] * 3
    validate.main(["frames"])  # without --if-changed it always runs
    assert calls == ["frames"] * 4
    # results saved without a fingerprint of the files they scored (an older run) are redone
    (validate.RESULTS_DIR / "fingerprint.json").unlink()
    validate.main(["frames", "--if-changed"])
    assert calls == ["frames"] * 5
    validate.main(["frames", "--if-changed"])
    assert calls == ["frames"] * 5
