"""newsprism.pipeline.fingerprints: every package file keys the cache, bytecode does not."""

import shutil

import pytest
from newsprism.core import paths
from newsprism.pipeline import fingerprints


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the package's data folder (plus a module and its bytecode) as the package."""
    package = tmp_path / "newsprism"
    shutil.copytree(paths.PACKAGE_DATA, package / "data")
    (package / "module.py").write_text("X = 1\n")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "module.cpython-312.pyc").write_bytes(b"\0\1")
    (package / "stray.pyc").write_bytes(b"\0\1")
    monkeypatch.setattr(paths, "PACKAGE", package)
    monkeypatch.setattr(paths, "CODEBOOKS", package / "data" / "codebooks")
    return package


def _append(path):
    path.write_bytes(path.read_bytes() + b"\0")


@pytest.mark.parametrize(("change", "misses_cache"), [
    (lambda p: _append(p / "data" / "tone_model.npz"), True),  # a refit model
    (lambda p: _append(p / "data" / "clean" / "line_model.json"), True),
    (lambda p: _append(p / "data" / "codebooks" / "frames.yml"), True),
    (lambda p: (p / "data" / "weights.bin").write_bytes(b"\1"), True),  # any suffix
    (lambda p: (p / "data" / "LICENSE").write_text("new"), True),  # or none
    (lambda p: _append(p / "module.py"), True),
    (lambda p: _append(p / "__pycache__" / "module.cpython-312.pyc"), False),
    (lambda p: _append(p / "stray.pyc"), False),
])
def test_a_changed_package_file_changes_the_library_fingerprint(package_copy, change,
                                                                misses_cache):
    before = fingerprints.library_fingerprint()["code"]
    change(package_copy)
    assert (fingerprints.library_fingerprint()["code"] != before) == misses_cache
