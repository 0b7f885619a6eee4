"""Lines cleaning keeps in doubt are stored (issue 20: "when in doubt keep, and say so in the
audit"): one row per line in ``Corpus.cleaning_doubts``, whichever way the corpus is read, and
never among the removals of ``cleaning_audit``."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from newsprism.corpus.contract import DOUBT_COLUMNS
from newsprism.corpus.encoding import removals
from newsprism.corpus.readers import iter_corpus_batches, load_corpus
from newsprism.pipeline.store import annotate_to_parquet, load_annotations, load_any_corpus


@pytest.fixture(scope="module")
def bundled():
    return load_corpus()


def test_the_bundled_corpus_stores_each_kept_in_doubt_line_once(bundled):
    doubts = bundled.cleaning_doubts
    assert list(doubts.columns) == DOUBT_COLUMNS and len(doubts) == 5
    texts = bundled.articles.set_index("article_id")["text"]
    for row in doubts.itertuples():
        assert row.kept_text in texts[row.article_id]  # kept, not removed
        assert 0.5 < row.score <= 1 and row.reason == "a sentence after a sentence"
    removed = set(zip(bundled.cleaning_audit["article_id"], bundled.cleaning_audit["line"],
                      strict=True))
    assert not removed & set(zip(doubts["article_id"], doubts["line"], strict=True))
    assert len(removals(bundled.cleaning_audit)) == 33  # as before doubts were stored


def _streamed(tmp_path):
    batches = list(iter_corpus_batches(None, batch_size=2))
    return pd.concat([b.cleaning_doubts for b in batches], ignore_index=True)


def _annotated_folder(tmp_path):
    ann = annotate_to_parquet(out=tmp_path / "ann", steps=["sentences"], progress=False,
                              partition_size=2)
    return load_any_corpus(ann.out_dir).cleaning_doubts


def _annotations_corpus(tmp_path):
    annotate_to_parquet(out=tmp_path / "ann", steps=["sentences"], progress=False)
    return load_annotations(tmp_path / "ann").corpus.cleaning_doubts


def _in_memory_corpus(tmp_path):
    ann = annotate_to_parquet(load_corpus(), out=tmp_path / "ann", steps=["sentences"],
                              progress=False, partition_size=2)
    return load_any_corpus(ann.out_dir).cleaning_doubts


@pytest.mark.parametrize("read", [_streamed, _annotated_folder, _annotations_corpus,
                                  _in_memory_corpus])
def test_every_way_of_reading_the_corpus_keeps_the_doubts(bundled, read, tmp_path):
    found = read(tmp_path).sort_values(["article_id", "line"], ignore_index=True)
    expected = bundled.cleaning_doubts.sort_values(["article_id", "line"], ignore_index=True)
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)


def test_a_folder_annotated_before_doubts_were_stored_reads_as_not_recorded(tmp_path):
    ann = annotate_to_parquet(out=tmp_path / "ann", steps=["sentences"], progress=False)
    shutil.rmtree(ann.out_dir / "cleaning_doubts")
    doubts = load_any_corpus(ann.out_dir).cleaning_doubts
    assert doubts.empty and list(doubts.columns) == []
