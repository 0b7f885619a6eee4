"""Every malformed record is a named problem (file, line, reason); the good ones are kept and
nothing raises out of ``load_corpus``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from newsprism.corpus.readers import load_corpus

from adversarial.hostile import GOOD, RECORDS, _corpus_folder, write_manifest


def load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


@pytest.mark.parametrize("case", sorted(RECORDS))
def test_hostile_record_is_named_and_the_rest_kept(case, tmp_path):
    builder, kept, expected = RECORDS[case]
    corpus = load(builder(tmp_path))
    assert set(corpus.articles["article_id"]) == kept, corpus.problems
    for line, fragment in expected:
        hits = corpus.problems[corpus.problems["reason"].str.contains(fragment, regex=False)]
        assert len(hits) >= 1, (fragment, corpus.problems.to_dict("records"))
        if line is not None:
            assert line in hits["line"].tolist(), hits
    # Every problem must be writable as UTF-8 (a lone surrogate would break the report).
    corpus.problems.to_csv(tmp_path / "problems.csv", index=False, encoding="utf-8")
    corpus.articles.to_csv(tmp_path / "articles.csv", index=False, encoding="utf-8")


def test_lone_surrogates_are_replaced_not_kept(tmp_path):
    builder, _, _ = RECORDS["jsonl_surrogate_outlet"]
    articles = load(builder(tmp_path)).articles.set_index("article_id")
    assert articles.loc["s1", "outlet"] == "\ufffd"


def test_an_unsearchable_subfolder_is_named(tmp_path, monkeypatch):
    corpus_dir = _corpus_folder(tmp_path)
    (corpus_dir / "top.txt").write_text(GOOD, encoding="utf-8")
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "articles":  # chmod 000 does not stop root, so refuse here
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    corpus = load(corpus_dir)
    assert corpus.articles["article_id"].tolist() == ["top"]
    assert corpus.problems["reason"].str.contains("cannot list folder").sum() == 1


def test_a_short_html_page_with_an_article_is_kept(tmp_path):
    corpus_dir = _corpus_folder(tmp_path)
    (corpus_dir / "articles" / "page.html").write_text(
        f"<html><body><nav>Home News</nav><article><p>{GOOD}</p></article></body></html>",
        encoding="utf-8")
    write_manifest(corpus_dir, [("page", "articles/page.html")])
    assert load(corpus_dir).articles["article_id"].tolist() == ["page"]
