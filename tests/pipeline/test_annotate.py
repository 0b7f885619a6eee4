"""annotate(): the step contract, skipped steps, in-memory results and the corpus view."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.core.text import article_sentence_rows
from newsprism.corpus.readers import load_corpus
from newsprism.pipeline.annotate import (
    STEPS,
    AnnotateOptions,
    Annotations,
    Step,
    annotate,
    annotate_articles,
    resolve_step_pair,
    resolve_steps,
    select_steps,
)


def echo_previous(article, tables, options) -> pd.DataFrame:
    """Test step: what the earlier steps handed over for this article."""
    return pd.DataFrame({"article_id": [article.article_id], "language": [article.language],
                         "outlet": [article.outlet], "seen": [",".join(tables)],
                         "n_sentences": [len(tables["sentences"])],
                         "engines": ["+".join(options.sentiment_engines)]})


def test_steps_run_in_order_and_see_earlier_tables():
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["One. Two.", "Three."],
                             "language": ["en", None], "outlet": ["X", "Y"]})
    tables, problems = annotate_articles(
        articles, {"sentences": article_sentence_rows, "echo": echo_previous},
        AnnotateOptions(sentiment_engines=("vader",)))
    assert problems.empty
    assert tables["sentences"]["article_id"].tolist() == ["a", "a", "b"]
    echo = tables["echo"]
    assert echo["seen"].tolist() == ["sentences", "sentences"]
    assert echo["n_sentences"].tolist() == [2, 1]
    assert echo["language"].tolist() == ["en", "en"]  # a missing language means English
    assert echo["outlet"].tolist() == ["X", "Y"] and echo["engines"].iat[0] == "vader"


def test_missing_step_module_is_skipped_and_recorded(tmp_path):
    specs = {"sentences": STEPS["sentences"], "ghost": "newsprism.no_such_module:fn",
             "typo": "newsprism.core.text:no_such_function"}
    functions, skipped = resolve_steps(specs)
    assert list(functions) == ["sentences"]
    assert set(skipped) == {"ghost", "typo"} and "ModuleNotFoundError" in skipped["ghost"]
    ann = annotate(out=tmp_path, progress=False, steps=specs)
    assert set(ann.skipped_steps) == {"ghost", "typo"}
    assert "ghost" not in ann.tables and len(ann.sentences) > 0


def test_select_steps_forms():
    assert select_steps() == STEPS
    assert select_steps(["sentences"]) == {"sentences": STEPS["sentences"]}
    assert select_steps({"x": echo_previous}) == {"x": echo_previous}


def test_uncached_run_is_in_memory_and_matches_cached(tmp_path):
    corpus = load_corpus()
    memory = annotate(corpus, cache=False, progress=False, steps=["sentences"])
    assert memory.out_dir is None and isinstance(memory.tables["sentences"], pd.DataFrame)
    stored = annotate(corpus, out=tmp_path, progress=False, steps=["sentences"])
    pd.testing.assert_frame_equal(memory.sentences, stored.sentences)
    # Offsets index the cleaned article text.
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for row in stored.sentences.head(30).itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    assert stored.n_articles == len(corpus.articles)
    pd.testing.assert_frame_equal(stored.corpus.articles, memory.corpus.articles)


def test_annotations_attribute_access_and_corpus_view():
    ann = Annotations({"articles": pd.DataFrame({"article_id": ["a"], "text": ["x"]}),
                       "frames": pd.DataFrame({"frame": ["war"]})})
    assert ann.frames["frame"].tolist() == ["war"]
    assert ann.corpus.articles["article_id"].tolist() == ["a"]
    assert ann.read("frames", columns=["frame"]).shape == (1, 1)
    assert ann.sample("frames", n=5)["frame"].tolist() == ["war"]
    try:
        ann.nothing  # noqa: B018 - attribute access is the behaviour under test
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("unknown table should raise AttributeError")


def test_row_tables_combine_exactly_like_concatenated_frames():
    from newsprism.pipeline.annotate import RowTable, combine_tables

    columns = ["article_id", "sentence_id", "score", "label"]
    pieces = [RowTable(columns, [("a", 0, 0.5, "x"), ("a", 1, float("nan"), "y")]),
              RowTable(columns, []),
              RowTable(columns, [("b", 0, 1, "z")])]
    expected = pd.concat([p.frame() for p in pieces if len(p)], ignore_index=True)
    pd.testing.assert_frame_equal(combine_tables(pieces), expected)
    # An all-None column is `object` in its own piece: the per-article path keeps that.
    with_none = [RowTable(columns, [("a", 0, 0.5, None)]), RowTable(columns, [("b", 0, 1.0, "z")])]
    expected = pd.concat([p.frame() for p in with_none], ignore_index=True)
    pd.testing.assert_frame_equal(combine_tables(with_none), expected)
    assert combine_tables([RowTable(columns, [])]).shape == (0, 0)


def test_steps_without_a_rows_variant_see_dataframes():
    seen = []

    def inspect(article, tables, options) -> pd.DataFrame:
        seen.append(type(tables["sentences"]))
        return pd.DataFrame({"article_id": [article.article_id]})

    articles = pd.DataFrame({"article_id": ["a"], "text": ["One. Two."]})
    tables, _ = annotate_articles(articles, {"sentences": STEPS["sentences"],
                                             "inspect": inspect}, AnnotateOptions())
    assert seen == [pd.DataFrame]
    # The fast path (a RowTable) gives the same table as the public step function.
    from newsprism.pipeline.annotate import iter_article_inputs

    article = next(iter_article_inputs(articles))
    pd.testing.assert_frame_equal(tables["sentences"],
                                  article_sentence_rows(article, {}, AnnotateOptions()))


def test_typed_row_tables_combine_like_concat_of_their_frames():
    """One DataFrame per partition equals ``pd.concat`` of the per-article frames, also when
    a text column is all None in some pieces (object there, str elsewhere) or has gaps."""
    from newsprism.pipeline.annotate import Column, TypedRowTable, combine_tables

    columns, kinds = ["n", "name", "count", "score"], ("Int64", "text", "value", "value")
    pieces = [
        TypedRowTable(columns, [(1, "Kim", 3, 0.5), (None, None, 4, 1.0)], kinds),
        TypedRowTable(columns, [], kinds),
        TypedRowTable(columns, [(2, None, 5, 0.25)], kinds),  # all None: an object piece
        TypedRowTable(columns, [(None, "Putin", 6, 2.0)], kinds),
    ]
    expected = pd.concat([t.frame() for t in pieces if len(t)], ignore_index=True)
    combined = combine_tables(pieces)
    pd.testing.assert_frame_equal(combined, expected, check_exact=True)
    # NaN (from the str pieces) and None (from the all-None piece) as concat leaves them
    assert [type(v).__name__ for v in combined["name"]] == [
        type(v).__name__ for v in expected["name"]]
    assert str(combined["n"].dtype) == "Int64" and combined["name"].dtype == object
    only_text = [pieces[0], pieces[3]]
    pd.testing.assert_frame_equal(
        combine_tables(only_text),
        pd.concat([t.frame() for t in only_text], ignore_index=True), check_exact=True)
    assert TypedRowTable(columns, [], kinds).frame()["n"].dtype == "Int64"
    column = pieces[0]["count"]
    assert isinstance(column, Column) and column.tolist() == [3, 4]


@pytest.mark.parametrize("name", list(STEPS))
def test_each_registry_step_names_both_callables_once(name):
    """A step is defined once, in the registry: its ``table`` and ``rows`` callables are named
    there (no function attribute joins them)."""
    step = resolve_step_pair(STEPS[name])
    assert callable(step.table) and callable(step.rows) and step.rows is not step.table
    assert not hasattr(step.table, "rows")


def test_rows_variants_give_the_same_tables_as_the_table_functions():
    """Every step's RowTable variant gives the same tables, over the bundled corpus, as its
    DataFrame function (each step seeing the earlier steps' tables)."""
    articles = load_corpus().articles
    fast, _ = annotate_articles(articles, STEPS, AnnotateOptions())
    slow, _ = annotate_articles(articles, {name: Step(step.table) for name, step in
                                           STEPS.items()}, AnnotateOptions())
    assert list(fast) == list(STEPS) and all(len(fast[name]) for name in STEPS)
    for name in STEPS:
        pd.testing.assert_frame_equal(fast[name], slow[name], check_exact=True, obj=name)
