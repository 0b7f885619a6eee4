"""No route reads a file outside the corpus folder: ../, absolute paths, symlinked files and
folders, in manifest and folder modes. Each is a named problem, the good article is kept."""

from __future__ import annotations

import builtins
import warnings
from pathlib import Path

import pytest
from newsprism.corpus import read_csv, read_jsonl
from newsprism.corpus.readers import iter_raw_batches, load_corpus

from adversarial.hostile import OUTSIDE, ROUTES, SECRET


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """Every path the corpus readers open or read, resolved."""
    seen: list[Path] = []
    real_open, real_read = builtins.open, Path.read_bytes

    def tracked_open(file, *args, **kwargs):
        seen.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    def tracked_read(self):
        seen.append(self.resolve())
        return real_read(self)

    for module in (read_csv, read_jsonl):  # the readers that open files themselves
        monkeypatch.setattr(module, "open", tracked_open, raising=False)
    monkeypatch.setattr(Path, "read_bytes", tracked_read)
    return seen


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_no_route_reads_outside_the_corpus_folder(route, tmp_path, opened):
    folder = ROUTES[route](tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    inside = folder.resolve()
    assert all(p.is_relative_to(inside) for p in opened), opened
    cells = corpus.articles.astype(str).to_numpy().ravel().tolist()
    assert not any(SECRET in cell or "root:" in cell for cell in cells)
    assert corpus.problems["reason"].str.contains(OUTSIDE, regex=False).any(), corpus.problems
    assert not corpus.problems["reason"].str.contains("SECRET", regex=False).any()
    if route != "manifest_symlinked_manifest":
        assert "good" in set(corpus.articles["article_id"])


def test_raw_batches_keep_the_same_rule(tmp_path):
    folder = ROUTES["manifest_dotdot"](tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        [batch] = list(iter_raw_batches(folder))
        corpus = batch.clean()
    assert corpus.articles["article_id"].tolist() == ["good"]
    assert corpus.problems["reason"].str.contains(OUTSIDE, regex=False).sum() == 1


@pytest.mark.parametrize("route", ["folder_symlinked_file", "manifest_symlinked_file",
                                   "manifest_symlinked_manifest"])
def test_hashing_and_counting_skip_links_out_of_the_folder(route, tmp_path, monkeypatch):
    from newsprism.core import provenance
    from newsprism.pipeline import fingerprints, partitions
    from newsprism.pipeline import store as scale

    folder = ROUTES[route](tmp_path)
    seen: list[Path] = []
    real_open = builtins.open

    def tracked_open(file, *args, **kwargs):
        seen.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    for module in (provenance, fingerprints, partitions):  # the modules that open files
        monkeypatch.setattr(module, "open", tracked_open, raising=False)
    hashes = provenance.input_hashes(folder)
    scale.corpus_fingerprint(folder)
    scale.count_articles(folder)
    assert seen and all(p.is_relative_to(folder.resolve()) for p in seen), seen
    assert "articles/good.txt" in hashes and not any("leak" in name for name in hashes)
