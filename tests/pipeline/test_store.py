"""newsprism.pipeline.store: an annotated folder read back with other options says so."""

import warnings

import pytest
from newsprism.pipeline.steps import AnnotateOptions
from newsprism.pipeline.store import AnnotationOptionsWarning, annotate_to_parquet


def test_an_annotated_folder_made_with_other_options_says_so(tmp_path):
    out = tmp_path / "ann"
    annotate_to_parquet(out=out, steps=["sentences"], progress=False)  # library defaults
    with pytest.warns(AnnotationOptionsWarning, match="codebook: 'story' there, 'generic'"):
        annotate_to_parquet(out, AnnotateOptions(codebook="generic"))
    with pytest.warns(AnnotationOptionsWarning, match="cleaning: 'default' there, 'off'"):
        annotate_to_parquet(out, AnnotateOptions(cleaning="off"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", AnnotationOptionsWarning)
        annotate_to_parquet(out, AnnotateOptions())  # the same options: silent
        annotate_to_parquet(out)  # no options asked for: silent


def test_an_upgraded_dependency_misses_the_cache(monkeypatch):
    # ftfy's repairs (or a lexicon's scores) can change with its version: same code, new key.
    from newsprism.pipeline import fingerprints, store
    options, steps = AnnotateOptions(), store.select_steps(["sentences"])
    before = store.cache_key("corpus", options, steps)
    assert "ftfy=" in store.library_fingerprint()["dependencies"]
    real = fingerprints.importlib.metadata.version
    monkeypatch.setattr(fingerprints.importlib.metadata, "version",
                        lambda name: "99.0" if name == "ftfy" else real(name))
    assert "ftfy=99.0" in store.dependency_versions()
    assert store.cache_key("corpus", options, steps) != before
