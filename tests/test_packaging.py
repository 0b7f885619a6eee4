"""A non-editable install finds everything it needs inside the package: codebooks, fitted
models, Punkt parameters and templates, never the repository root.

A wheel cannot be built offline here (pyproject's build needs setuptools >= 77, which the
environment does not hold), so the install is reproduced the way setuptools lays it out: every
package module plus the files matched by ``[tool.setuptools.package-data]``, copied to a
folder outside the repository, and used from there in a fresh interpreter."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib

import pytest
from newsprism.core import paths

CHECK = """
from newsprism.core import paths
from newsprism.framing import load_codebook
from newsprism.quotes.actors import load_actors
from newsprism.compare.hedging import HEDGING_CODEBOOK
from newsprism.compare.similarity import STOCK_PHRASES
from newsprism.text import split_sentences
import newsprism.viz.display as display
assert not paths.ROOT.joinpath("lib").exists(), paths.ROOT
assert load_codebook("story").naming_pairs and load_codebook("generic_questions").frames
assert "Vladimir Putin" in load_actors().names
assert HEDGING_CODEBOOK.is_file() and STOCK_PHRASES.is_file()
assert split_sentences("Mr. Kim wrote. He left.") == [(0, 14), (15, 23)]
assert display._ASSETS.is_dir() and any(display._ASSETS.iterdir())
print(newsprism_file := __import__("newsprism").__file__)
"""


def installed_files() -> list[str]:
    """Package-relative files a setuptools install of newsprism holds."""
    config = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["newsprism"]
    files = {p for p in paths.PACKAGE.rglob("*.py")}
    files |= {p for pattern in patterns for p in paths.PACKAGE.glob(pattern) if p.is_file()}
    return sorted(p.relative_to(paths.PACKAGE).as_posix() for p in files
                  if "__pycache__" not in p.parts)


def test_package_data_covers_every_data_file():
    installed = set(installed_files())
    for folder in ("data", "nltk_data", "templates"):
        on_disk = {p.relative_to(paths.PACKAGE).as_posix()
                   for p in (paths.PACKAGE / folder).rglob("*") if p.is_file()}
        assert on_disk and not on_disk - installed, sorted(on_disk - installed)
    assert "data/codebooks/frames.yml" in installed


def test_fitted_models_stay_small_enough_to_ship():
    # the tone model holds word vectors (float16); the package must stay light to install
    assert (paths.PACKAGE_DATA / "tone_model.npz").stat().st_size < 10_000_000


@pytest.mark.slow
def test_an_installed_copy_runs_outside_the_repository(tmp_path):
    site = tmp_path / "site"
    for name in installed_files():
        target = site / "newsprism" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.PACKAGE / name, target)
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path, env={"PYTHONPATH": str(site),
                                                         "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().startswith(str(site))
