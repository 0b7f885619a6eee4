"""One cleaned text per article: ``annotate()`` counts recurring lines (templates) over the
whole corpus before any partition is cleaned, as ``load_corpus`` does, whatever the partition
size or jobs."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest
from newsprism.core.text import split_sentences
from newsprism.corpus.readers import load_corpus
from newsprism.pipeline.annotate import annotate

FOOTER = "Subscribe to the Daily e-paper"
NAV = "More Stories"
# The footer's articles: 4 in partition 0, 4 in partition 1, 10 in partition 2 (of 20 each):
# 18 of 60 recur over the corpus (30%), but only partition 2 reaches 30% on its own.
FOOTER_ARTICLES = [*range(0, 4), *range(20, 24), *range(40, 50)]
NAV_ARTICLES = [5, 15, 25, 35, 45]  # 5 articles across the corpus, at most 2 per partition


def _daily_folder(folder):
    (folder / "articles").mkdir(parents=True)
    rows = ["article_id,outlet,file"]
    for i in range(60):
        lines = [f"Council {i} meets", f"The council of district {i} met on day {i} to "
                 f"discuss topic {i} at length.", f"The mayor said plan {i} would be ready."]
        lines += [NAV] if i in NAV_ARTICLES else []
        lines += [FOOTER] if i in FOOTER_ARTICLES else []
        (folder / "articles" / f"a{i:02d}.txt").write_text("\n\n".join(lines) + "\n",
                                                           encoding="utf-8")
        rows.append(f"a{i:02d},Daily,articles/a{i:02d}.txt")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _same_cleaning(path, jobs: int, partition_size: int, out) -> tuple[pd.DataFrame, ...]:
    """The articles and cleaning audits of ``load_corpus`` and ``annotate()`` of ``path``."""
    corpus = load_corpus(path)
    ann = annotate(path, jobs=jobs, out=out, progress=False, steps=["sentences"],
                   partition_size=partition_size, cache=False)
    columns = ["article_id", "outlet", "text", "n_words"]
    theirs = ann.articles[columns].sort_values("article_id", ignore_index=True)
    ours = corpus.articles[columns].sort_values("article_id", ignore_index=True)
    pd.testing.assert_frame_equal(theirs, ours, check_dtype=False)
    audit_columns = ["article_id", "line", "removed_text", "rule"]
    theirs_audit = ann.read("cleaning_audit")[audit_columns]
    ours_audit = corpus.cleaning_audit[audit_columns]
    pd.testing.assert_frame_equal(theirs_audit.reset_index(drop=True),
                                  ours_audit.reset_index(drop=True), check_dtype=False)
    return ours, ours_audit


@pytest.mark.parametrize("jobs", [1, 2])
def test_annotate_removes_a_template_that_recurs_only_over_the_whole_corpus(jobs, tmp_path):
    folder = _daily_folder(tmp_path / "daily")
    articles, audit = _same_cleaning(folder, jobs, 20, tmp_path / "ann")
    assert not articles["text"].str.contains(FOOTER).any()
    assert not articles["text"].str.contains(NAV).any()
    removed = audit.groupby("rule")["article_id"].apply(sorted).to_dict()
    assert removed == {"outlet_template": [f"a{i:02d}" for i in FOOTER_ARTICLES],
                       "corpus_template": [f"a{i:02d}" for i in NAV_ARTICLES]}


def _synthetic_jsonl(path, seed: int) -> None:
    """Articles of three outlets resampled from the bundled corpus' sentences, each outlet
    with its own templates (kicker, footer) present at random, a short site line shared."""
    bundled = load_corpus()
    pool = [text[s:e] for text in bundled.articles["text"] for s, e in split_sentences(text)]
    rng = random.Random(seed)
    templates = {outlet: [f"{outlet} Extra", f"Read more from {outlet} online"]
                 for outlet in ("Alpha", "Beta", "Gamma")}
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(90):
            outlet = rng.choice(sorted(templates))
            lines = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
                     for _ in range(rng.randint(2, 5))]
            lines += [t for t in templates[outlet] if rng.random() < 0.4]
            lines += ["Share this"] if rng.random() < 0.1 else []
            rng.shuffle(lines)
            record = {"article_id": f"s{i:03d}", "outlet": outlet, "text": "\n".join(lines)}
            handle.write(json.dumps(record) + "\n")


@pytest.mark.parametrize(("seed", "partition_size"), [(1, 20), (2, 7), (3, 45)])
def test_annotate_cleans_every_article_as_load_corpus_does(seed, partition_size, tmp_path):
    path = tmp_path / "synthetic.jsonl"
    _synthetic_jsonl(path, seed)
    articles, audit = _same_cleaning(path, 1, partition_size, tmp_path / "ann")
    assert len(articles) == 90
    assert {"outlet_template"} <= set(audit["rule"])  # the corpus has templates to remove
