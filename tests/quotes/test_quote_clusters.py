"""Cross-outlet clustering of quotations: the bundled corpus cases, false merges, diffs."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.corpus.readers import load_corpus
from newsprism.quotes.clusters import (
    cluster_quotes,
    cluster_summary,
    cluster_table,
    coverage,
    n_statements,
    pair_score,
    speakers_conflict,
    word_diff_html,
)

KIM_000 = "The most genuine alliance, forged by sharing blood in the same trench, through life and death."
KIM_003 = "sincerest alliance of sharing blood, life, and death in the same trench"


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return load_corpus().articles


def _quote(articles: pd.DataFrame, prefix: str, wording: str, occurrence: int = 0, **extra):
    """A quotes-table row for the ``occurrence``-th ``wording`` in the article ``prefix``*."""
    row = articles[articles["article_id"].str.startswith(prefix)].iloc[0]
    start = -1
    for _ in range(occurrence + 1):
        start = row["text"].index(wording, start + 1)
    return {"quote_id": f"{prefix}-{start}", "article_id": row["article_id"], "start": start,
            "end": start + len(wording), "text": wording, "kind": "speech", **extra}


@pytest.fixture(scope="module")
def corpus_quotes(articles) -> pd.DataFrame:
    rows = [
        _quote(articles, "000", KIM_000),
        _quote(articles, "000", "An unchanging and eternal choice."),
        _quote(articles, "000", "I will unconditionally respect and unconditionally support all "
                                "of your policies and decisions."),
        _quote(articles, "001", "full support", 0),
        _quote(articles, "001", "just struggle"),
        _quote(articles, "001", "The DPRK will fully support the just struggle of Russia in "
                                "defending its sovereignty,"),
        _quote(articles, "001", "full support", 1),
        _quote(articles, "001", "firm conviction that the DPRK would always remain faithful to the "
                                "spirit of the DPRK-Russia treaty and fully support all measures"),
        _quote(articles, "002", "blood bond", 0, kind="term"),
        _quote(articles, "002", "beacon of resistance"),
        _quote(articles, "003", KIM_003),
        _quote(articles, "003", "invincible alliance", 0, kind="term"),
        _quote(articles, "003", "crown jewels", kind="term"),
        _quote(articles, "004", "unbreakable friendship and combat brotherhood", kind="term"),
    ]
    return pd.DataFrame(rows)


def _cluster_of(clustered: pd.DataFrame, text: str, occurrence: int = 0) -> int:
    return int(clustered[clustered["text"] == text]["cluster_id"].iloc[occurrence])


def test_kims_letter_translations_cluster_across_outlets(corpus_quotes, articles):
    clustered = cluster_quotes(corpus_quotes, articles)
    assert _cluster_of(clustered, KIM_000) == _cluster_of(clustered, KIM_003)
    row = clustered[clustered["text"] == KIM_000].iloc[0]
    assert row["cluster_outlets"] == 2 and row["cluster_articles"] == 2


def test_full_support_joins_the_statement_it_was_cut_from(corpus_quotes, articles):
    clustered = cluster_quotes(corpus_quotes, articles)
    first, second = (_cluster_of(clustered, "full support", k) for k in (0, 1))
    letter = _cluster_of(clustered, "The DPRK will fully support the just struggle of Russia in "
                                    "defending its sovereignty,")
    phone_call = clustered[clustered["text"].str.startswith("firm conviction")]["cluster_id"].iloc[0]
    # Each partial quote joins the statement next to it; the two statements stay apart even
    # though the fragments "full support" are identical (no bridging through fragments).
    assert first == letter == _cluster_of(clustered, "just struggle")
    assert second == phone_call
    assert letter != phone_call


def test_unrelated_quotations_do_not_merge(corpus_quotes, articles):
    clustered = cluster_quotes(corpus_quotes, articles)
    letter = _cluster_of(clustered, KIM_000)
    for text in ["invincible alliance", "blood bond", "crown jewels", "beacon of resistance",
                 "unbreakable friendship and combat brotherhood",
                 "An unchanging and eternal choice."]:
        assert _cluster_of(clustered, text) != letter, text
    # Sharing one content word (alliance, blood) is not enough; sharing many is.
    assert pair_score("invincible alliance", KIM_000)["score"] < 0.6
    assert pair_score(KIM_000, KIM_003)["score"] >= 0.6


def test_generic_quotes_sharing_common_words_stay_apart():
    quotes = pd.DataFrame({
        "quote_id": range(6), "article_id": ["a", "b", "c", "d", "e", "f"],
        "text": [
            "We will support our farmers with new subsidies this year",
            "The alliance of farmers and workers will win the election this year",
            "Our support for Ukraine is unconditional and it will not waver",
            "The new year brings new challenges for the alliance",
            "We will support our farmers with new subsidies this year",
            "Farmers deserve better prices, not subsidies",
        ]})
    clustered = cluster_quotes(quotes).set_index("quote_id")
    assert clustered.loc[0, "cluster_id"] == clustered.loc[4, "cluster_id"]  # same statement
    others = clustered.drop(index=[0, 4])["cluster_id"]
    assert others.nunique() == len(others)
    assert clustered.loc[0, "cluster_id"] not in set(others)


def test_fragment_speaker_conflict_vetoes_the_link(corpus_quotes):
    base = pd.DataFrame({
        "quote_id": [0, 1], "article_id": ["a", "a"], "start": [0, 100],
        "text": ["Unconditional support.", "I will unconditionally respect and unconditionally "
                 "support all of your policies and decisions."]})
    assert cluster_quotes(base)["cluster_id"].nunique() == 1
    with_speakers = base.assign(speaker=["Kim Jong Un", "Vladimir Putin"])
    assert cluster_quotes(with_speakers)["cluster_id"].nunique() == 2
    assert cluster_quotes(with_speakers, use_speakers="none")["cluster_id"].nunique() == 1
    assert not speakers_conflict("Kim", "Kim Jong Un")


def test_clusters_do_not_depend_on_row_order(corpus_quotes, articles):
    forward = cluster_quotes(corpus_quotes, articles)
    backward = cluster_quotes(corpus_quotes.iloc[::-1], articles)

    def partition(frame):
        return {frozenset(g["quote_key"]) for _, g in frame.groupby("cluster_id")}

    assert partition(forward) == partition(backward)


def test_cluster_table_shows_wording_coverage_diff_and_outlets_that_did_not_quote(
        corpus_quotes, articles):
    clustered = cluster_quotes(corpus_quotes, articles)
    table = cluster_table(clustered, articles)
    letter = _cluster_of(clustered, KIM_000)
    rows = table[table["cluster_id"] == letter].set_index("outlet")
    outlets = set(articles["outlet"])
    assert set(rows.index) == outlets  # every outlet has a row
    quoted = set(rows.index[rows["quoted"]])
    outlet_of = articles.set_index("article_id")["outlet"]
    assert quoted == {outlet_of[a] for a in articles["article_id"] if a[:3] in {"000", "003"}}
    assert (rows.loc[~rows["quoted"], "n_quotes"] == 0).all()
    assert rows.loc[~rows["quoted"], "wording"].isna().all()
    seo = rows.loc[outlet_of[articles["article_id"][articles["article_id"].str[:3] == "003"]
                             .iloc[0]]]
    assert seo["wording"].startswith("sincerest")
    assert 0 < seo["coverage"] < 1
    reference = seo["reference"]
    used = reference[int(seo["ref_start"]):int(seo["ref_end"])]
    assert "blood" in used and "trench" in used
    assert "<ins" in seo["diff_html"] and "sincerest" in seo["diff_html"]
    assert "<del" in seo["diff_html"] and "genuine" in seo["diff_html"]
    # The only cluster quoted by two outlets is Kim's letter (term-only clusters are left out).
    assert set(table["cluster_id"]) == {letter}


def test_cluster_table_min_outlets_one_lists_single_outlet_statements(corpus_quotes, articles):
    clustered = cluster_quotes(corpus_quotes, articles)
    table = cluster_table(clustered, articles, min_outlets=1, require_speech=False,
                          require_anchor=False)
    assert table["cluster_id"].nunique() == clustered["cluster_id"].nunique()
    assert (table.groupby("cluster_id")["outlet"].nunique() == articles["outlet"].nunique()).all()


@pytest.mark.parametrize("texts, require_anchor, statements", [
    (["blood.", "Blood"], True, 0),            # one shared word is not a statement
    (["blood.", "Blood"], False, 1),
    (["full support", "full support"], True, 0),
    (["sharing blood in the same trench", "blood in the same trench"], True, 1),
])
def test_cluster_table_presents_no_fragment_only_cluster_as_a_statement(texts, require_anchor,
                                                                          statements):
    quotes = pd.DataFrame({"quote_id": [0, 1], "article_id": ["1", "2"], "text": texts,
                           "kind": ["speech", "speech"]})
    arts = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["X", "Y"]})
    table = cluster_table(cluster_quotes(quotes, arts), arts, require_anchor=require_anchor)
    assert n_statements(table) == statements


def test_word_diff_marks_changes_and_escapes_html():
    diff = word_diff_html("Kim said <script>alert(1)</script> loudly",
                          "Kim said <b>nothing</b> loudly")
    assert "<script>" not in diff and "&lt;script&gt;" in diff
    assert "&lt;b&gt;nothing&lt;/b&gt;" in diff
    assert diff.count("<del") == 1 and diff.count("<ins") == 1
    assert word_diff_html("same words", "Same words.") == "Same words."


def test_coverage_locates_the_used_part():
    reference = "I do not doubt that the alliance will be invariably carried forward"
    result = coverage("will be invariably carried forward", reference)
    assert reference[result["ref_start"]:result["ref_end"]] == "will be invariably carried forward"
    assert result["coverage"] == pytest.approx(5 / 12)


def test_empty_and_summary():
    empty = cluster_quotes(pd.DataFrame(columns=["quote_id", "article_id", "text"]))
    assert len(empty) == 0 and "cluster_id" in empty.columns
    assert len(cluster_table(empty, pd.DataFrame({"article_id": ["a"], "outlet": ["X"]}))) == 0
    quotes = pd.DataFrame({"quote_id": [0, 1, 2], "article_id": ["a", "b", "b"],
                           "text": [KIM_000, KIM_003, "crown jewels"]})
    summary = cluster_summary(cluster_quotes(quotes))
    assert summary.iloc[0]["n_quotes"] == 2 and summary.iloc[0]["reference"] == KIM_000


def test_real_extraction_clusters_kims_letter(articles):
    pytest.importorskip("newsprism.quotes.extract")
    from newsprism.pipeline.annotate import annotate

    ann = annotate(None, steps=["sentences", "quotes"], progress=False)
    quotes = ann.tables["quotes"]
    if not len(quotes):
        pytest.skip("quotes step produced no table")
    clustered = cluster_quotes(quotes, ann.tables["articles"])
    letter = clustered[clustered["text"].str.contains("sharing blood", na=False)]
    assert letter["cluster_id"].nunique() == 1
    assert {a[:3] for a in letter["article_id"]} >= {"000", "003"}


def test_a_slogan_does_not_chain_the_speeches_that_contain_it():
    slogan = "We are going to make America great again"
    speech_a = ("Thank you Iowa. Our farmers feed the world and deserve fair trade deals. "
                "We are going to make America great again, and the ethanol mandate stays.")
    speech_b = ("The border is broken and the wall will be paid for. We are going to make "
                "America great again. Veterans will get the care they earned in combat.")
    quotes = pd.DataFrame({"quote_id": [0, 0, 0], "article_id": ["a", "b", "c"],
                           "text": [speech_a, speech_b, slogan]})
    clustered = cluster_quotes(quotes).set_index("article_id")["cluster_id"]
    assert clustered["a"] != clustered["b"]
    assert clustered["c"] in {clustered["a"], clustered["b"]}  # the slogan joins one of them
    # A short quotation is part of a long one only as a near-verbatim excerpt.
    scattered = "farmers deserve care and the wall"
    with_scattered = pd.concat([quotes, pd.DataFrame({"quote_id": [0], "article_id": ["d"],
                                                      "text": [scattered]})])
    again = cluster_quotes(with_scattered).set_index("article_id")["cluster_id"]
    assert again["d"] not in {again["a"], again["b"]}


@pytest.mark.slow
def test_polnear_dev_has_cross_outlet_statements_and_no_giant_cluster():
    """Real quotations from seven US outlets: long speech transcripts once chained hundreds
    of unrelated quotations into one cluster through shared common words."""
    from newsprism.core import paths

    if not (paths.POLNEAR / "dev" / "text").is_dir():
        pytest.skip("PolNeAR not present")
    quotes_module = pytest.importorskip("newsprism.quotes.extract")
    meta = pd.read_csv(paths.POLNEAR / "metadata.tsv", sep="\t")
    publisher = dict(zip(meta["filename"], meta["publisher"], strict=True))
    frames, rows = [], []
    for path in sorted((paths.POLNEAR / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows.append({"article_id": path.stem, "outlet": publisher.get(path.stem, "?")})
        frames.append(quotes_module.quotes_frame(quotes_module.extract_quotes(text), path.stem))
    quotes = pd.concat(frames, ignore_index=True)
    summary = cluster_summary(cluster_quotes(quotes, pd.DataFrame(rows)))
    assert len(quotes) > 500
    assert summary["n_quotes"].max() <= 15
    assert (summary["n_outlets"] >= 2).sum() >= 3
