"""Scale: parallel jobs, Dask, resume, failures, cache and the Parquet layout agree."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.core.text import split_paragraphs
from newsprism.corpus.readers import Corpus, load_corpus
from newsprism.pipeline import store as scale
from newsprism.pipeline.annotate import STEPS, AnnotateOptions, annotate

N_ARTICLES = 20
PARTITION = 5  # 4 partitions

CALLS: list[str] = []


def probe(article, tables, options) -> pd.DataFrame:
    """Test step: counts the articles it sees and reports the rows of the earlier step."""
    CALLS.append(article.article_id)
    return pd.DataFrame({"article_id": [article.article_id],
                         "n_sentences": [len(tables["sentences"])]})


def boom(article, tables, options) -> pd.DataFrame:
    if article.article_id.endswith("07"):
        raise ValueError("cannot annotate this one")
    return pd.DataFrame({"article_id": [article.article_id], "ok": [True]})


PROBE_STEPS = {"sentences": STEPS["sentences"], "probe": probe}


@pytest.fixture(scope="module")
def small_corpus() -> Corpus:
    """20 articles made of the bundled corpus' paragraphs, dealt round robin."""
    bundled = load_corpus()
    paragraphs = [text[s:e] for text in bundled.articles["text"]
                  for s, e in split_paragraphs(text)]
    rows = []
    for i in range(N_ARTICLES):
        text = "\n\n".join(paragraphs[i::N_ARTICLES])
        rows.append({"article_id": f"t{i:02d}", "outlet": f"Outlet {i % 4}", "title": "",
                     "author": "", "published": "", "url": "", "genre": "", "language": "en",
                     "text": text, "n_words": len(text.split()), "source_file": ""})
    rows[3]["language"] = "fr"  # English-only steps must yield empty tables, not crash
    return Corpus(articles=pd.DataFrame(rows), source="test")


def assert_same_tables(left, right) -> None:
    assert sorted(left.tables) == sorted(right.tables)
    for name in left.tables:
        pd.testing.assert_frame_equal(left.tables[name], right.tables[name], obj=name)


@pytest.fixture(scope="module")
def reference(small_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref")
    return annotate(small_corpus, jobs=1, out=out, progress=False, partition_size=PARTITION)


def test_reference_has_all_partitions_and_rows(reference):
    manifest = reference.manifest
    assert manifest["complete"] and manifest["n_partitions"] == 4
    assert manifest["n_articles"] == N_ARTICLES
    assert len(reference.articles) == N_ARTICLES
    assert reference.sentences["article_id"].nunique() == N_ARTICLES
    assert manifest["rows"]["sentences"] == len(reference.sentences) > N_ARTICLES
    for name in manifest["tables"]:
        for index in range(4):
            rows = manifest["partitions"][f"{index:05d}"]["rows"]
            assert (name not in rows) == (not (reference.out_dir / name /
                                               f"part-{index:05d}.parquet").exists())


def test_a_corpus_file_is_cleaned_in_the_workers_with_the_same_tables(small_corpus, tmp_path):
    # From a file, partitions travel raw and each worker cleans its own (RawBatch.clean):
    # jobs=2 must give the tables of jobs=1 and of cleaning up front, bad input included.
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": row.article_id, "outlet": row.outlet, "text": row.text})
             for row in small_corpus.articles.head(8).itertuples()]
    lines[2:2] = ['{"id": "broken", "text": "unterminated',
                  json.dumps({"id": "furniture", "outlet": "X",
                              "text": "Leave A Reply\n\nSign in to comment"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {}
    for jobs in (1, 2):
        with pytest.warns(UserWarning, match=r"2 problem\(s\) in the input"):
            runs[jobs] = annotate(str(path), jobs=jobs, out=tmp_path / f"j{jobs}",
                                  progress=False, partition_size=3, cache=False,
                                  steps={"sentences": STEPS["sentences"]})
    with pytest.warns(UserWarning):
        eager = load_corpus(path)
    for name in ("articles", "sentences", "corpus_problems", "cleaning_audit"):
        pd.testing.assert_frame_equal(runs[1].tables[name], runs[2].tables[name])
    pd.testing.assert_frame_equal(runs[2].tables["articles"], eager.articles)
    reasons = runs[2].tables["corpus_problems"]["reason"].tolist()
    assert any(r.startswith("invalid JSON") for r in reasons)
    assert any(r.startswith("empty after cleaning") for r in reasons)
    assert runs[2].manifest["n_partitions"] == 3  # 9 articles read (+ 1 broken line), 3 each


def test_jobs2_gives_same_tables_as_jobs1(small_corpus, reference, tmp_path):
    parallel = annotate(small_corpus, jobs=2, out=tmp_path, progress=False,
                        partition_size=PARTITION)
    pids = {p["pid"] for p in parallel.manifest["partitions"].values()}
    assert len(pids) >= 1 and all(pid != reference.manifest["partitions"]["00000"]["pid"]
                                  for pid in pids)  # ran in worker processes
    assert_same_tables(reference, parallel)


def test_dask_local_cluster_gives_same_tables(small_corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        # The address string, as a user passes it (annotate opens and closes its own client).
        on_dask = annotate(small_corpus, scheduler=cluster.scheduler_address, out=tmp_path,
                           progress=False, partition_size=PARTITION)
        with distributed.Client(cluster) as client:  # an existing client is accepted too
            again = annotate(small_corpus, scheduler=client, out=tmp_path / "again",
                             progress=False, partition_size=PARTITION)
    assert on_dask.manifest["runs"][-1]["scheduler"] == cluster.scheduler_address
    assert_same_tables(reference, on_dask)
    assert_same_tables(reference, again)


def test_interrupted_run_resumes_without_redoing_finished_partitions(
        small_corpus, tmp_path, monkeypatch):
    uninterrupted = annotate(small_corpus, out=tmp_path / "full", progress=False,
                             partition_size=PARTITION, steps=PROBE_STEPS)

    def crash_after_second(index):
        if index == 1:
            raise KeyboardInterrupt("simulated crash")

    monkeypatch.setattr(scale, "_partition_done_hook", crash_after_second)
    CALLS.clear()
    with pytest.raises(KeyboardInterrupt):
        annotate(small_corpus, out=tmp_path / "run", progress=False, partition_size=PARTITION,
                 steps=PROBE_STEPS)
    assert len(CALLS) == 2 * PARTITION
    manifest = json.loads((tmp_path / "run" / "_manifest.json").read_text())
    assert not manifest["complete"]
    assert sorted(scale.finished_partitions(tmp_path / "run")) == [0, 1]
    with pytest.raises(RuntimeError, match="incomplete"):
        scale.load_annotations(tmp_path / "run")

    monkeypatch.setattr(scale, "_partition_done_hook", lambda index: None)
    CALLS.clear()
    resumed = annotate(small_corpus, out=tmp_path / "run", progress=False,
                       partition_size=PARTITION, steps=PROBE_STEPS)
    assert sorted(CALLS) == [f"t{i:02d}" for i in range(2 * PARTITION, N_ARTICLES)]
    assert_same_tables(uninterrupted, resumed)
    assert len(resumed.manifest["runs"]) == 2


def test_deleted_partition_file_is_redone_alone(small_corpus, tmp_path):
    first = annotate(small_corpus, out=tmp_path, progress=False, partition_size=PARTITION,
                     steps=PROBE_STEPS)
    expected = {name: first.tables[name].copy() for name in first.tables}
    (tmp_path / "probe" / "part-00002.parquet").unlink()
    CALLS.clear()
    again = annotate(small_corpus, out=tmp_path, progress=False, partition_size=PARTITION,
                     steps=PROBE_STEPS)
    assert sorted(CALLS) == [f"t{i:02d}" for i in range(10, 15)]
    for name, table in expected.items():
        pd.testing.assert_frame_equal(again.tables[name], table)


def test_failing_article_is_recorded_not_fatal(small_corpus, tmp_path):
    ann = annotate(small_corpus, out=tmp_path, progress=False, partition_size=PARTITION,
                   steps={"sentences": STEPS["sentences"], "boom": boom})
    problems = ann.problems
    assert problems[["article_id", "step", "error"]].values.tolist() == [
        ["t07", "boom", "ValueError"]]
    assert "cannot annotate" in problems["message"].iat[0]
    assert (tmp_path / "problems" / "part-00001.parquet").exists()
    # All or nothing: the failed article has no rows in any step table, the others do.
    assert "t07" not in set(ann.sentences["article_id"]) | set(ann.boom["article_id"])
    assert len(ann.boom) == N_ARTICLES - 1
    assert len(ann.articles) == N_ARTICLES
    assert ann.manifest["n_problems"] == 1


def test_cache_hit_returns_same_tables_without_recomputing(small_corpus, tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    CALLS.clear()
    first = annotate(small_corpus, progress=False, steps=PROBE_STEPS)
    assert len(CALLS) == N_ARTICLES
    assert first.out_dir.parent == tmp_path / "cache"
    again = annotate(small_corpus, progress=False, steps=PROBE_STEPS)
    assert len(CALLS) == N_ARTICLES  # nothing recomputed
    assert again.out_dir == first.out_dir
    assert_same_tables(first, again)
    # Other options, or other content, are another cache entry.
    other = annotate(small_corpus, AnnotateOptions(sentiment_engines=("vader",)),
                     progress=False, steps=PROBE_STEPS)
    assert other.out_dir != first.out_dir and len(CALLS) == 2 * N_ARTICLES
    changed = Corpus(articles=small_corpus.articles.assign(
        text=small_corpus.articles["text"] + " Extra."))
    assert annotate(changed, progress=False, steps=PROBE_STEPS).out_dir not in {
        first.out_dir, other.out_dir}


def test_annotated_directory_is_accepted_as_corpus(reference):
    loaded = annotate(str(reference.out_dir), progress=False)
    assert loaded.out_dir == reference.out_dir
    assert_same_tables(reference, loaded)
    assert loaded.corpus.articles["article_id"].tolist() == [f"t{i:02d}" for i in range(20)]


def test_load_any_corpus_reads_stored_corpus_of_annotated_dir(reference, small_corpus):
    stored = scale.load_any_corpus(reference.out_dir)
    pd.testing.assert_frame_equal(stored.articles, reference.articles)
    slim = scale.load_any_corpus(reference.out_dir, columns=["article_id", "outlet"])
    assert slim.articles.columns.tolist() == ["article_id", "outlet"]
    assert len(scale.load_any_corpus(None).articles) == 5  # a plain corpus path: load_corpus


def test_rerun_with_other_options_in_same_out_does_not_mix(small_corpus, tmp_path):
    annotate(small_corpus, out=tmp_path, progress=False, partition_size=PARTITION,
             steps=PROBE_STEPS)
    CALLS.clear()
    # Same inputs, other partitioning: the results would be the same, so it is a hit.
    annotate(small_corpus, out=tmp_path, progress=False, partition_size=10, steps=PROBE_STEPS)
    assert CALLS == []
    other = annotate(small_corpus, AnnotateOptions(codebook="other"), out=tmp_path,
                     progress=False, partition_size=10, steps=PROBE_STEPS)
    assert len(CALLS) == N_ARTICLES
    assert other.manifest["options"]["codebook"] == "other"
    assert other.manifest["n_partitions"] == 2
    assert scale.table_files(tmp_path, "probe")[-1].name == "part-00001.parquet"


def test_read_table_columns_and_filter(reference):
    import pyarrow.dataset as ds

    some = scale.read_table(reference.out_dir, "sentences", columns=["article_id", "start"],
                            filter=ds.field("article_id") == "t05")
    assert some.columns.tolist() == ["article_id", "start"]
    expected = reference.sentences[reference.sentences["article_id"] == "t05"]
    assert some["start"].tolist() == expected["start"].tolist()
    with pytest.raises(KeyError):
        scale.read_table(reference.out_dir, "sentences", columns=["nope"])
    assert scale.read_table(reference.out_dir, "no_such_table").empty


def test_sample_table_is_a_deterministic_subset(reference):
    import pyarrow.dataset as ds

    sample = scale.sample_table(reference.out_dir, "sentences", n=7, seed=1,
                                columns=["article_id", "sentence_id", "text"])
    assert len(sample) == 7
    assert sample.equals(scale.sample_table(reference.out_dir, "sentences", n=7, seed=1,
                                            columns=["article_id", "sentence_id", "text"]))
    full = reference.sentences.set_index(["article_id", "sentence_id"])["text"]
    for row in sample.itertuples():
        assert full[(row.article_id, row.sentence_id)] == row.text
    other = scale.sample_table(reference.out_dir, "sentences", n=7, seed=2,
                               columns=["article_id", "sentence_id"])
    assert not other.equals(sample[["article_id", "sentence_id"]])
    assert reference.sample("sentences", n=7, seed=1, columns=["article_id", "sentence_id",
                                                               "text"]).equals(sample)
    few = scale.sample_table(reference.out_dir, "sentences", n=1000,
                             filter=ds.field("article_id") == "t01")
    assert len(few) == (reference.sentences["article_id"] == "t01").sum()


def test_iter_corpus_batches_streams_in_order(small_corpus):
    batches = list(scale.iter_corpus_batches(small_corpus, 6))
    assert [len(b.articles) for b in batches] == [6, 6, 6, 2]
    ids = pd.concat([b.articles for b in batches])["article_id"].tolist()
    assert ids == small_corpus.articles["article_id"].tolist()


def test_cli_annotate(tmp_path, capsys):
    code = scale.main(["annotate", "--corpus", str(paths.BUNDLED_CORPUS), "--out",
                       str(tmp_path), "--jobs", "1", "--quiet", "--partition-size", "2"])
    assert code == 0
    manifest = json.loads((tmp_path / "_manifest.json").read_text())
    assert manifest["complete"] and manifest["n_partitions"] == 3
    assert "annotated 5 articles" in capsys.readouterr().out
