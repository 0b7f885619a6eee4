"""Corpus-overview computations (newsprism.compare.overview) and the methods appendix collector."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.compare import overview
from newsprism.core import validate
from newsprism.report import methods

BASE = ("Kim Jong Un sent Vladimir Putin a New Year letter praising the alliance forged in "
        "the war, state media reported on Thursday, adding that the two leaders would meet "
        "again in the spring to discuss trade, energy and the reconstruction of the Kursk "
        "region after the fighting.")


def _articles(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(texts), "outlet": [f"O{k}" for k in texts],
                         "text": list(texts.values()),
                         "n_words": [len(t.split()) for t in texts.values()]})


def test_near_duplicates_flags_a_copy_and_not_a_different_story():
    copy = "REUTERS - " + BASE + " Officials declined to comment."
    other = ("Heavy snow closed schools across the northern provinces on Monday, and "
             "forecasters expect more storms before the weekend.")
    table = overview.near_duplicates(_articles({"a": BASE, "b": copy, "c": other}))
    assert len(table) <= 3
    first = table.iloc[0]
    assert (first.article_a, first.article_b) == ("a", "b") and first.is_copy
    assert first.share_a == 1.0 and first.copied_words == len(BASE.split())
    assert first.cosine > 0.8 and table.attrs["n_copies"] == 1
    rest = table[(table.article_a != "a") | (table.article_b != "b")]
    assert not rest["is_copy"].any() and (rest["copied_words"] == 0).all()
    # the evidence offsets point at the same words in both articles
    passage_a = BASE[first.start_a:first.end_a]
    passage_b = copy[first.start_b:first.end_b]
    assert passage_a == passage_b and first.shared_words == len(BASE.split()) - 0


def test_near_duplicates_of_a_large_corpus_score_only_pairs_sharing_a_passage():
    import random

    rng = random.Random(1)
    vocabulary = BASE.replace(",", "").replace(".", "").split()
    texts = {f"x{i:02d}": " ".join(rng.choice(vocabulary) for _ in range(40)) for i in range(30)}
    texts.update(a=BASE, b="REUTERS - " + BASE + " Officials declined to comment.")
    articles = _articles(texts)
    exhaustive = overview.near_duplicates(articles, max_pairs=None)
    sampled = overview.near_duplicates(articles, max_pairs=None, exhaustive_max=10)
    assert exhaustive.attrs["method"] == "all pairs"
    assert sampled.attrs["method"] == "pairs sharing a copied passage"
    assert sampled.attrs["n_pairs"] < exhaustive.attrs["n_pairs"] == 32 * 31 // 2
    # The planted copy is found with the same scores and evidence either way.
    key = ["article_a", "article_b"]
    both = exhaustive.merge(sampled, on=key, suffixes=("", "_candidate"))
    assert len(both) == len(sampled)  # every candidate pair is a real pair, scored alike
    for column in ["cosine", "copied_words", "share_a", "share_b", "shared_words", "is_copy"]:
        assert (both[column] == both[f"{column}_candidate"]).all(), column
    copy = sampled[(sampled.article_a == "a") & (sampled.article_b == "b")].iloc[0]
    assert copy.is_copy and sampled.iloc[0][key].tolist() == ["a", "b"]
    assert exhaustive.attrs["n_copies"] == sampled.attrs["n_copies"] == 1


def _own_words(n: int, seed: int) -> str:
    import random

    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(10**6)}" for _ in range(n))


def test_a_wire_story_inside_a_longer_article_is_a_copy_a_same_words_rewrite_is_not():
    # Where the copy detector of 00 disagreed with 40's: a reprint inside a long article
    # (its 5-word shingle Jaccard stays low, its cosine too) is a copy, and a text with the
    # same words in another order (cosine 1) is not.
    long = _own_words(120, 1) + " " + BASE + " " + _own_words(150, 2)
    contained = overview.near_duplicates(_articles({"a": BASE, "b": long})).iloc[0]
    assert contained.is_copy and contained.share_a == 1.0 and contained.share_b < 0.2
    assert contained.cosine < 0.8
    reordered = " ".join(reversed(BASE.split()))
    rewrite = overview.near_duplicates(_articles({"a": BASE, "b": reordered})).iloc[0]
    assert rewrite.cosine > 0.99 and not rewrite.is_copy and rewrite.copied_words == 0


def test_copy_needs_passages_covering_min_share_of_one_article():
    head = " ".join(BASE.split()[:12])  # 12 shared words in two articles of ~100 words each
    texts = {"a": _own_words(45, 3) + " " + head + " " + _own_words(45, 4),
             "b": _own_words(45, 5) + " " + head + " " + _own_words(45, 6)}
    default = overview.near_duplicates(_articles(texts)).iloc[0]
    assert default.copied_words == 12 and 0.1 < default.share_a < 0.2 and not default.is_copy
    # 12 shared words are no copy even at 10%: a copy holds at least COPY_MIN_WORDS words
    assert not overview.near_duplicates(_articles(texts), min_share=0.1).iloc[0].is_copy
    assert overview.near_duplicates(_articles(texts), min_share=0.1, min_words=12).iloc[0].is_copy
    assert overview.near_duplicates(_articles(texts), ngram=13).iloc[0].copied_words == 0
    assert overview.near_duplicates(_articles({"a": BASE})).empty
    assert overview.near_duplicates(_articles({"a": "", "b": ""})).empty
    assert list(overview.near_duplicates(_articles({"a": BASE})).columns) == \
        overview.NEAR_DUPLICATE_COLUMNS


def test_near_duplicates_is_deterministic_and_order_independent():
    texts = {"a": BASE, "b": BASE + " More.", "c": "Something else entirely here."}
    one = overview.near_duplicates(_articles(texts))
    two = overview.near_duplicates(_articles(dict(reversed(list(texts.items())))))
    key = ["article_a", "article_b"]
    pairs_one = {tuple(sorted(p)) for p in one[key].itertuples(index=False)}
    pairs_two = {tuple(sorted(p)) for p in two[key].itertuples(index=False)}
    assert pairs_one == pairs_two
    pd.testing.assert_frame_equal(one, overview.near_duplicates(_articles(texts)))


def test_longest_shared_passage_offsets():
    a = "Putin wrote: we stand together in blood. Then silence."
    b = "As Putin wrote: We stand together in blood, the agency said."
    sa, ea, sb, eb, n = overview.longest_shared_passage(a, b)
    assert a[sa:ea] == "Putin wrote: we stand together in blood" and n == 7
    assert b[sb:eb].lower() == "putin wrote: we stand together in blood"
    assert overview.longest_shared_passage("", b) == (0, 0, 0, 0, 0)


def test_outlet_summary_counts_and_dates():
    articles = pd.DataFrame({
        "outlet": ["X", "X", "Y"], "n_words": [100, 300, 50], "genre": ["news", "", "blog"],
        "language": ["en", "en", "ru"], "published": ["2026-01-02", "2026-01-05", "yesterday"]})
    summary = overview.outlet_summary(articles).set_index("outlet")
    assert summary.loc["X", "articles"] == 2 and summary.loc["X", "words_median"] == 200
    assert summary.loc["X", "genres"] == "news" and summary.loc["Y", "languages"] == "ru"
    dates = overview.date_coverage(articles).set_index("outlet")
    assert dates.loc["X", "dated"] == 2 and dates.loc["X", "first"] == "2026-01-02"
    assert dates.loc["X", "last"] == "2026-01-05" and dates.loc["Y", "dated"] == 0
    genres = overview.count_by(articles, "genre")
    assert genres.set_index("genre")["articles"].to_dict() == {"blog": 1, "news": 1, "unknown": 1}
    assert abs(genres["share"].sum() - 1) < 1e-9


def test_audit_summary_groups_rules():
    audit = pd.DataFrame({"article_id": ["a", "b", "b"], "rule": ["footer", "footer", "bio"],
                          "removed_text": ["© 2026", "Share this", "About the author"]})
    table = overview.audit_summary(audit)
    assert table.values.tolist() == [["footer", 2, 2, 16], ["bio", 1, 1, 16]]
    assert overview.audit_summary(audit.iloc[0:0]).empty


def test_similarity_matrix_is_symmetric_with_unit_diagonal():
    # (a text of stop words only, such as "Other.", has no TF-IDF term and so no unit diagonal)
    matrix = overview.similarity_matrix(_articles({"a": BASE, "b": BASE[:80],
                                                   "c": "Parliament debated taxes."}))
    values = matrix.to_numpy()
    assert (abs(values - values.T) < 1e-9).all() and (abs(values.diagonal() - 1) < 1e-6).all()
    assert matrix.loc["a", "b"] > matrix.loc["a", "c"]


def test_collect_validation_uses_saved_runs_missing_and_reports_failures(monkeypatch):
    saved = pd.DataFrame([{"measure": "quotes", "dataset": "D", "metric": "f1", "value": 0.9,
                           "n": 10, "reference": "0.85", "status": "ok"}])
    calls = []

    def fake_run(measure, quick=False):
        calls.append((measure, quick))
        if measure == "broken":
            raise RuntimeError("gold file corrupt")
        return pd.DataFrame([{"measure": measure, "dataset": "G", "metric": "recall",
                              "value": 0.5, "n": 4, "reference": "", "status": "ok"}])

    monkeypatch.setattr(validate, "run_validator", fake_run)
    validators = {"quotes": "x:y", "frames": "x:y", "broken": "x:y"}
    table = methods.collect_validation(validators=validators, saved=saved)
    assert calls == [("frames", True), ("broken", True)]
    by_measure = table.set_index("measure")
    assert by_measure.loc["quotes", "origin"] == methods.ORIGIN_SAVED
    assert by_measure.loc["frames", "origin"] == methods.ORIGIN_QUICK
    assert "gold file corrupt" in by_measure.loc["broken", "status"]
    summary = methods.measure_summary(table).set_index("measure")
    assert summary.loc["quotes", "metrics"] == 1 and summary.loc["broken", "metrics"] == 0

    calls.clear()
    not_run = methods.collect_validation(run_missing=False, validators=validators, saved=saved)
    assert calls == [] and "make validate" in not_run.set_index("measure").loc["frames", "status"]


def test_metric_label_shows_value_and_n():
    assert methods.metric_label({"metric": "f1", "value": 0.91234, "n": 12.0}) == "f1 = 0.9123 (n = 12)"
    assert methods.metric_label({"metric": "r", "value": None, "n": None}) == "r = n/a"
    # a value just under its target must not round up to it, and says it misses it
    assert methods.metric_label({"metric": "precision", "value": 0.94973, "n": 935,
                                 "status": "below target 0.95"}) == \
        "precision = 0.9497 (n = 935; below target 0.95)"


def test_near_duplicates_caps_rows_keeps_copies_first_and_counts_all_pairs():
    texts = {str(i): f"Story {i} about topic {i % 3}: " + " ".join(f"w{i}x{k}" for k in range(30))
             for i in range(8)}
    texts["copy"] = texts["0"] + " Extra words."
    arts = _articles(texts)
    full = overview.near_duplicates(arts, max_pairs=None)
    capped = overview.near_duplicates(arts, max_pairs=3)
    assert full.attrs["n_pairs"] == capped.attrs["n_pairs"] == len(full)
    assert len(capped) == 3
    assert {("0", "copy")} <= set(zip(capped["article_a"], capped["article_b"], strict=True))
    assert capped.attrs["n_copies"] == int(full["is_copy"].sum()) >= 1


def test_similarity_matrix_by_outlet_is_the_mean_of_article_pairs():
    arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
                         "text": [BASE, BASE[:80] + " alpha", "beta gamma trade", BASE[40:]]})
    dense = overview.similarity_matrix(arts)
    agg = overview.similarity_matrix(arts, by_outlet=True)
    assert abs(agg.loc["X", "Y"] - dense.loc[["a", "b"], ["c", "d"]].to_numpy().mean()) < 1e-5
    assert abs(agg.loc["X", "X"] - dense.loc["a", "b"]) < 1e-5


def test_cleaning_outlet_reading_takes_every_figure_from_one_row():
    # the outlet with the most removed characters is not the one with the largest share
    table = pd.DataFrame({"outlet": ["Big", "Small"], "rule": ["footer", "byline"],
                          "characters": [5000, 300], "share_of_text": [0.02, 0.30]})
    text = overview.cleaning_outlet_reading(table)
    assert "**footer** at **Big**" in text and "2.0%" in text and "30.0%" not in text
    # the bundled corpus's "largest removal" (most characters) was not the largest share
    assert text.startswith("The rule that removed the most characters at one outlet is")


def test_audit_reading_names_tied_rules_together():
    rules = pd.DataFrame({"rule": ["photo_credit", "read_more", "footer"],
                          "removals": [2, 2, 1]})
    audit = pd.DataFrame({"article_id": ["a", "a", "b", "b", "b"]})
    text = overview.audit_reading(audit, rules, 5)
    assert "rules are **photo_credit** and **read_more** (2 removals each)" in text
    assert "from 2 of 5 articles" in text
    assert overview.audit_reading(audit.iloc[:0], rules.iloc[:0], 5) == "Cleaning removed nothing."


def test_encoding_repairs_are_counted_per_outlet_apart_from_removals():
    audit = pd.DataFrame({
        "article_id": ["a", "a", "b", "c"],
        "rule": ["encoding_repair", "encoding_repair", "encoding_repair", "footer"],
        "removed_text": ["title, 1 line: MÃ¼nchen → München", "text, 2 lines: Ã© → é",
                         "text, 1 line: <b>Ã©</b> → <b>é</b>", "© 2026 Outlet"]})
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                         "text": ["abcd", "efgh", "ijklmnop"]})
    table = overview.cleaning_by_outlet(audit, arts).set_index(["outlet", "rule"])
    assert table.loc[("X", "encoding_repair"), ["removals", "articles", "characters",
                                                "share_of_text"]].tolist() == [3, 2, 0, 0.0]
    assert table.loc[("Y", "footer"), "characters"] == 13
    reading = overview.cleaning_outlet_reading(table.reset_index())
    # PolNeAR read "The largest removal in characters is tweet_markup at Western Journalism:
    # 6,185 characters", the sum of many lines read as one removal
    assert reading.startswith("The rule that removed the most characters at one outlet is "
                              "**footer** at **Y**: 1 line, 13 characters")
    assert reading.endswith("Mojibake was repaired in 2 articles of **X**.")
    rules = overview.audit_summary(audit)
    assert rules.set_index("rule").loc["encoding_repair", "characters"] == 0
    text = overview.audit_reading(audit, rules, 3)
    assert text.startswith("Cleaning removed 1 line from 1 of 3 articles; the most frequent "
                           "rule is **footer** (1 removal).")
    assert text.endswith("was repaired in 2 of 3 articles.")
    only = audit[audit["rule"] == "encoding_repair"]
    assert overview.audit_reading(only, overview.audit_summary(only), 3).startswith(
        "Cleaning removed nothing. Mojibake")


def test_date_coverage_reads_dates_as_50_does():
    # 00 parsed "published" on its own: with a corpus writing dates day first (13/03/2016),
    # 01/03/2016 was 3 January in 00's first/last table and 1 March in 50.
    from newsprism.time import timeline

    articles = pd.DataFrame({"outlet": ["X", "X", "Y"],
                             "published": ["01/03/2016", "13/03/2016", "2016-03-01T23:30-05:00"]})
    table = overview.date_coverage(articles).set_index("outlet")
    assert table.loc["X", "first"] == "2016-03-01" and table.loc["X", "last"] == "2016-03-13"
    assert table.loc["Y", "first"] == "2016-03-02"  # 23:30 at UTC-5 is the next day in UTC
    stamps, _ = timeline.parse_published(articles["published"])
    assert table.loc["X", "first"] == f"{stamps.iloc[0]:%Y-%m-%d}"


def test_near_duplicates_counts_pairs_sharing_no_term():
    # Six French and German articles and two English ones: 00 read "6 of 19 pairs are copies"
    # of 28 pairs, the nine pairs across languages (cosine 0) dropped from the count.
    articles = pd.DataFrame({"article_id": list("abcd"), "outlet": list("WXYZ"),
                             "text": ["der Hund bellt laut", "der Hund bellt leise",
                                      "the cat sleeps", "the cat sleeps now"]})
    pairs = overview.near_duplicates(articles)
    assert pairs.attrs["n_pairs"] == 6 and pairs.attrs["n_no_shared_term"] == 4
    assert len(pairs) == 2


# Three furniture-only articles emptied by cleaning (skipped) beside four kept ones: "The rule
# that removed the most characters at one outlet is social_footer at (skipped article): 38.9% of
# that outlet's text" and "Cleaning removed 12 lines from 4 of 4 articles".
_EMPTIED_AUDIT = pd.DataFrame({
    "article_id": ["k1", "e1", "e1", "e2", "e3"], "line": [3, 1, 3, 1, 1],
    "removed_text": ["Be the first to comment.", "Read more", "Share this article",
                     "Photo: Getty Images", "Advertisement"],
    "rule": ["comment_prompt", "related_link", "social_footer", "photo_caption",
             "site_phrase"]})
_KEPT = pd.DataFrame({"article_id": ["k1", "k2"], "outlet": ["B", "A"],
                      "text": ["x" * 400, "y" * 500]})


@pytest.mark.parametrize(("audit", "must", "must_not"), [
    (_EMPTIED_AUDIT, "is **comment_prompt** at **B**", "at **(skipped article)**"),
    (_EMPTIED_AUDIT, "Articles emptied by cleaning, and skipped, lost 59 characters", "None"),
    (_EMPTIED_AUDIT[_EMPTIED_AUDIT["article_id"] != "k1"],
     "Cleaning removed nothing from the articles read. Articles emptied", "at **"),
    (_EMPTIED_AUDIT[_EMPTIED_AUDIT["article_id"] == "k1"], "at **B**", "emptied"),
])
def test_cleaning_outlet_reading_keeps_emptied_articles_apart(audit, must, must_not):
    text = overview.cleaning_outlet_reading(overview.cleaning_by_outlet(audit, _KEPT))
    assert must in text and must_not not in text


@pytest.mark.parametrize(("audit", "expected"), [
    (_EMPTIED_AUDIT, "Cleaning removed 5 lines from 1 of 2 articles and from 3 articles it "
                     "emptied, which were skipped (see the problems table);"),
    (_EMPTIED_AUDIT[_EMPTIED_AUDIT["article_id"] == "k1"],
     "Cleaning removed 1 line from 1 of 2 articles;"),
])
def test_audit_reading_counts_emptied_articles_apart(audit, expected):
    text = overview.audit_reading(audit, overview.audit_summary(audit), 2, _KEPT["article_id"])
    assert text.startswith(expected)
