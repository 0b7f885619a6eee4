"""The corpus overview's sections: same tables as the library calls, readings true of them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from newsprism.compare import overview
from newsprism.compare.wording import plural, verb
from newsprism.core import paths
from newsprism.report import overview_sections as overview_report

FIXTURE = paths.ROOT / "tests" / "fixtures" / "corpora" / "multi_outlet"


@pytest.fixture(scope="module")
def ctx():
    return overview_report.prepare(str(FIXTURE))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_prepare_reads_the_corpus_and_names_it(ctx):
    assert len(ctx.articles) == 8 and ctx.source == "multi_outlet"
    assert ctx.headline == (f"8 articles from {ctx.articles['outlet'].nunique()} outlets read "
                            "from multi_outlet")


def test_an_empty_corpus_is_a_clear_error(tmp_path):
    (tmp_path / "manifest.csv").write_text("article_id,outlet,file\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no article could be read"):
        overview_report.prepare(str(tmp_path))


def test_outlet_section_saves_the_library_table_and_reads_it(ctx, tmp_path):
    group = overview_report.outlets_section(ctx, str(tmp_path))
    saved = pd.read_csv(tmp_path / "tables" / "overview_outlets.csv")
    expected = overview.outlet_summary(ctx.articles)
    assert saved["words_total"].tolist() == expected["words_total"].tolist()
    top = expected.loc[expected["words_total"].idxmax()]
    assert f"**{top['outlet']}** gives the story the most text ({top['words_total']} words)" \
        in group.parts[1].reading
    assert group.parts[1].figure is not None


@pytest.mark.parametrize("n_articles, n_other, n_dated, ends", [
    (4, 1, 4, "carry a parseable publication date."),
    (4, 0, 3, "counted as undated and placed in no period."),
    (5, 0, 0, "counted as undated and placed in no period."),
])
def test_coverage_reading_says_what_dates_allow(n_articles, n_other, n_dated, ends):
    text = overview_report.coverage_reading(n_articles, n_other, n_dated)
    # "0 of 5 articles are not detected as English" read as a double negative
    assert text.startswith(f"{n_other} of {n_articles} articles {verb(n_other, 'is', 'are')} not "
                           "detected as English"
                           if n_other else f"All {n_articles} articles are detected as English")
    assert f"{n_dated} of {n_articles} articles" in text and text.endswith(ends)


@pytest.mark.parametrize("n_articles, n_dated, missing", [(4, 3, "1 article"),
                                                           (5, 0, "5 articles")])
def test_coverage_reading_says_what_is_computed_without_dates(n_articles, n_dated, missing):
    # It said "without dates, no claim about timing can be made", yet 50_over_time places
    # undated articles by the dates their text mentions and draws them per day. It called that
    # date a lower bound, but 34 of 164 PolNeAR train text dates fall after publication.
    text = overview_report.coverage_reading(n_articles, 0, n_dated)
    assert "no claim about timing" not in text
    assert f"gives the {missing} without one no first or last date" in text
    assert "no order of publication is computed" in text
    assert "latest date its own text mentions" in text and "lower bound" not in text
    assert "may fall before or after publication" in text and "21% mention a date after" in text


def test_duplicates_section_reading_and_findings_come_from_the_pairs_table(ctx, tmp_path):
    group = overview_report.duplicates_section(ctx, str(tmp_path))
    pairs = group.facts["pairs"]
    reading = group.parts[1].reading
    assert reading.startswith(f"{pairs.attrs['n_copies']} of {pairs.attrs['n_pairs']} "
                              "pairs are copies (passages of at least 8 identical")
    assert pairs.attrs["n_copies"] == int(pairs["is_copy"].sum())
    assert f"cosine {pairs.iloc[0]['cosine']:.2f}" in reading
    shown = group.parts[0].table
    assert list(shown.columns) == overview_report.PAIR_COLUMNS and len(shown) <= 10
    assert "<mark>" in shown["passage_a"].iloc[0]
    findings = overview_report.key_findings(ctx, group)
    assert findings[0].startswith("8 articles from")
    assert findings[-1].startswith(f"{pairs.attrs['n_copies']} copied pair")


def test_pairs_note_names_what_the_table_leaves_out():
    pairs = pd.DataFrame({"a": [1, 2]})
    pairs.attrs.update(n_pairs=2)
    assert overview_report.pairs_note(pairs) == ""
    pairs.attrs.update(n_pairs=5, method="pairs sharing a copied passage")
    note = overview_report.pairs_note(pairs)
    assert "Showing the 2 strongest of 5 pairs" in note
    assert "only pairs sharing a copied passage were scored" in note


def test_key_findings_of_one_article_say_there_is_no_pair(one_article_corpus, tmp_path):
    # A one-article corpus listed "0 copied pairs of 0" as a key finding.
    ctx = overview_report.prepare(str(one_article_corpus))
    group = overview_report.duplicates_section(ctx, str(tmp_path))
    findings = overview_report.key_findings(ctx, group)
    assert findings[0].startswith("1 article from 1 outlet")
    assert findings[-1].startswith("One article: no pair of articles to compare for copying. ")


def test_pair_evidence_clips_a_whole_article_passage():
    # PolNeAR train: the same 967-word article published twice filled one table cell.
    body = " ".join(f"w{i}" for i in range(967))
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": [body, body]})
    pairs = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "outlet_a": ["X"],
                          "outlet_b": ["X"], "cosine": [1.0], "copied_words": [967],
                          "share_a": [1.0], "share_b": [1.0], "shared_words": [967],
                          "start_a": [0], "end_a": [len(body)], "start_b": [0],
                          "end_b": [len(body)], "is_copy": [True]})
    shown = overview_report.pair_evidence(pairs, articles)
    for cell in (shown["passage_a"].iloc[0], shown["passage_b"].iloc[0]):
        assert "(967 words)" in str(cell) and len(str(cell)) < 1000


def test_outlet_similarity_heatmap_writes_each_mean_and_scales_to_them():
    # PolNeAR train: seven outlets' mean cosines (0.03-0.10) on a fixed 0-1 colour scale were
    # one flat colour with no value written.
    words = ["budget", "vote", "senate", "rally", "poll", "debate", "tax", "court"]
    rows = [{"article_id": f"{o}{i}", "outlet": o,
             "text": " ".join(words[(i + k) % 8] for k in range(5 + i)) + f" unique{o}{i}"}
            for o in ("A", "B", "C") for i in range(3)]
    articles = pd.DataFrame(rows)
    fig = overview_report.plot_similarity(articles, by_outlet=True)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 9 and all(t.replace(".", "").isdigit() for t in texts)
    matrix = overview.similarity_matrix(articles, by_outlet=True)
    low, high = ax.images[0].get_clim()
    assert low == 0 and abs(high - float(matrix.to_numpy().max())) < 1e-9
    plt.close(fig)


def test_duplicates_reading_groups_the_digits_of_large_counts():
    # PolNeAR train read "9 of 351733 pairs are copies", every other count of the report
    # grouping its thousands
    pairs = pd.DataFrame({"cosine": [1.0], "shared_words": [967], "is_copy": [True],
                          "article_a": ["a"], "article_b": ["b"], "outlet_a": ["X"],
                          "outlet_b": ["X"]})
    pairs.attrs.update(n_copies=9, n_pairs=351733)
    assert overview_report.duplicates_reading(pairs, 8).startswith(
        "9 of 351,733 pairs are copies")


@pytest.mark.parametrize(("n_pairs", "shown"), [
    # PolNeAR train, 350 articles: the index read "5 copied pairs of 61075; most similar: ..."
    (61075, "copied pairs of 61,075 article pairs; most similar"),
    (28, "copied pairs of 28 article pairs; most similar"),
])
def test_copies_finding_groups_the_digits_and_names_its_unit(ctx, tmp_path, n_pairs, shown):
    group = overview_report.duplicates_section(ctx, str(tmp_path))
    group.facts["pairs"].attrs["n_pairs"] = n_pairs
    assert shown in overview_report.key_findings(ctx, group)[-1]


def test_encoding_repairs_are_read_apart_from_removals_and_escaped(one_article_corpus, tmp_path):
    # Mojibake with markup in a title and a text line: repaired, counted per outlet, never
    # counted as removed lines, and escaped wherever the audit sample is shown.
    file = next(one_article_corpus.glob("articles/*.txt"))
    file.write_text(file.read_text(encoding="utf-8") + "\n\nJudge Marc TrÃ©vidic said: "
                    "â€œWe donâ€™t know <b>yet</b>.â€\x9d\n", encoding="utf-8")
    ctx = overview_report.prepare(str(one_article_corpus))
    audit = ctx.data.cleaning_audit
    repairs = audit[audit["rule"] == "encoding_repair"]
    assert len(repairs) == 1 and repairs["line"].notna().all()  # a text line
    assert "Trévidic said: “We don’t know <b>yet</b>.”" in ctx.articles["text"].iloc[0]
    group = overview_report.audit_section(ctx, str(tmp_path))
    n_removed = len(audit) - 1
    assert all(part.facts["n"] == n_removed for part in group.parts)
    # PolNeAR read "First 40 of 529 rows shown" and "Removals per rule" summing to 529 above
    # "n = 517 removed lines", with nothing saying the other 12 rows are encoding repairs.
    assert all(f"Besides the {n_removed} removed lines, the table lists 1 encoding repair "
               "(rule encoding_repair), which removes nothing." in part.caption
               for part in group.parts)
    assert "was repaired in 1 of 1 articles" in group.parts[1].reading
    html = group.html()
    assert "TrÃ©vidic" in html and "<b>yet" not in html and "&lt;b&gt;yet" in html
    outlets = overview_report.cleaning_outlet_section(ctx, str(tmp_path))
    assert outlets.reading.endswith(
        f"Mojibake was repaired in 1 article of **{ctx.articles['outlet'].iloc[0]}**.")
    findings = overview_report.key_findings(
        ctx, overview_report.duplicates_section(ctx, str(tmp_path)))
    assert f"Cleaning removed {n_removed} lines of page furniture." in findings[1]
    assert "was repaired in 1 of 1 articles" in findings[1]


def test_decoded_entities_are_read_apart_from_removals_and_mojibake(one_article_corpus,
                                                                    tmp_path):
    # A scraped text with "&quot;" and "&amp;": decoded, listed per article in the audit,
    # never counted as removed lines, and named apart from mojibake in every reading.
    file = next(one_article_corpus.glob("articles/*.txt"))
    file.write_text(file.read_text(encoding="utf-8") + "\n\nThe M&amp;A desk said: "
                    "&quot;We don&#8217;t know &lt;b&gt;yet&lt;/b&gt;.&quot;\n", encoding="utf-8")
    ctx = overview_report.prepare(str(one_article_corpus))
    audit = ctx.data.cleaning_audit
    decoded = audit[audit["rule"] == "html_entities"]
    assert len(decoded) == 1 and decoded["removed_text"].iloc[0].startswith("text, 8 entities")
    assert "M&A desk said: \"We don’t know <b>yet</b>.\"" in ctx.articles["text"].iloc[0]
    group = overview_report.audit_section(ctx, str(tmp_path))
    n_removed = len(audit) - 1
    assert all(part.facts["n"] == n_removed for part in group.parts)
    assert all(f"Besides the {n_removed} removed lines, the table lists 1 field with HTML "
               "entities decoded (rule html_entities), which removes nothing." in part.caption
               for part in group.parts)
    reading = group.parts[1].reading
    assert "were decoded in 1 of 1 articles" in reading and "Mojibake" not in reading
    assert "<b>yet" not in group.html()  # decoded text is still escaped where shown
    outlets = overview_report.cleaning_outlet_section(ctx, str(tmp_path))
    assert outlets.reading.endswith(
        f"HTML entities were decoded in 1 article of **{ctx.articles['outlet'].iloc[0]}**.")
    findings = overview_report.key_findings(
        ctx, overview_report.duplicates_section(ctx, str(tmp_path)))
    assert f"Cleaning removed {n_removed} lines of page furniture." in findings[1]
    assert "were decoded in 1 of 1 articles" in findings[1]


def test_words_figure_draws_at_most_max_bar_outlets_and_caption_says_so():
    n = overview_report.MAX_BAR_OUTLETS + 25
    by_outlet = pd.DataFrame({"outlet": [f"site{k}.de" for k in range(n)],
                              "words_total": list(range(n, 0, -1))})
    fig = overview_report.plot_outlet_words(by_outlet)
    bars = fig.axes[0].patches
    assert len(bars) == overview_report.MAX_BAR_OUTLETS
    assert fig.get_figheight() < 0.45 * overview_report.MAX_BAR_OUTLETS + 2
    caption = overview_report.outlet_words_caption(by_outlet)
    assert f"first {overview_report.MAX_BAR_OUTLETS} of {n} outlets" in caption


def test_pairs_note_says_pairs_sharing_no_term_are_not_listed():
    pairs = pd.DataFrame({"a": [1, 2]})
    pairs.attrs.update(n_pairs=6, n_no_shared_term=4)
    note = overview_report.pairs_note(pairs)
    assert "Showing" not in note and "4 pairs of articles share no term" in note


@pytest.mark.parametrize(("rows", "n_pairs", "unlisted", "expected"), [
    # PolNeAR train, 250 articles: "Showing the 500 strongest" above a table of 10 rows.
    (500, 31125, 102, "Showing the 10 strongest of 31,125 pairs (copies first); the saved table "
                      "overview_near_duplicates holds the 500 strongest."),
    (190, 190, 0, "Showing the 10 strongest of 190 pairs (copies first); the saved table "
                  "overview_near_duplicates holds all 190 listed."),
    (15, 21, 6, "Showing the 10 strongest of 21 pairs (copies first); the saved table "
                "overview_near_duplicates holds all 15 listed."),
    (10, 10, 0, ""),
    (3, 3, 0, ""),
])
def test_pairs_note_counts_the_rows_shown_on_the_page(rows, n_pairs, unlisted, expected):
    pairs = pd.DataFrame({"cosine": [0.5] * rows})
    pairs.attrs.update(n_pairs=n_pairs, n_no_shared_term=unlisted)
    shown = len(overview_report.pair_evidence(
        pairs.assign(article_a="a", article_b="a", outlet_a="X", outlet_b="X", copied_words=0,
                     share_a=0.0, share_b=0.0, shared_words=0, start_a=0, end_a=1, start_b=0,
                     end_b=1, is_copy=False),
        pd.DataFrame({"article_id": ["a"], "text": ["x"]})))
    note = overview_report.pairs_note(pairs)
    assert expected in note if expected else "Showing" not in note
    assert not expected or f"Showing the {shown} strongest" in note


@pytest.mark.parametrize(("words", "expected"), [
    # Two outlets carrying the same articles read "Twin A gives the story the most text (2092
    # words), Twin A the least (2092 words), a ratio of 1.0".
    ([2092, 2092], "Both outlets have the same length of coverage (2,092 words), so neither "
                   "ranks above the other."),
    ([300, 300, 100], "**A** and **B** both give the story the most text (300 words each), "
                      "**C** the least (100 words), a ratio of 3.0."),
    ([300, 100, 100], "**A** gives the story the most text (300 words), **B** and **C** both "
                      "the least (100 words each), a ratio of 3.0."),
])
def test_length_reading_names_tied_outlets_together(words, expected):
    table = pd.DataFrame({"outlet": list("ABC")[:len(words)], "words_total": words})
    assert overview_report.length_reading(table).startswith(expected)


def _with_doubts(ctx, doubts: pd.DataFrame):
    from dataclasses import replace

    return replace(ctx, data=replace(ctx.data, cleaning_doubts=doubts))


def _doubt_rows(ctx, texts: list[str]) -> pd.DataFrame:
    ids = ctx.articles["article_id"].tolist()
    return pd.DataFrame({"article_id": [ids[k % 2] for k in range(len(texts))],
                         "line": range(1, len(texts) + 1), "kept_text": texts,
                         "reason": "a sentence after a sentence",
                         "score": [0.9, 0.99, 0.95][:len(texts)]})  # the markup line tops


@pytest.mark.parametrize("texts", [[], ["A signal."], ["A signal.", "<b>And a warning.</b>",
                                                       "It is a declaration."]])
def test_doubts_are_counted_per_outlet_escaped_and_never_as_removals(ctx, tmp_path, texts):
    # Issue 20: "when in doubt keep, and say so in the audit"; doubts are not removals.
    doubted = _with_doubts(ctx, _doubt_rows(ctx, texts))
    section = overview_report.doubts_section(doubted, str(tmp_path))
    saved = pd.read_csv(tmp_path / "tables" / "overview_cleaning_doubts.csv")
    assert len(saved) == section.facts["n"] == len(texts)
    assert int(section.table["kept_in_doubt"].sum()) == len(texts)
    if texts:
        assert section.reading.startswith(f"Cleaning kept {plural(len(texts), 'line')} in "
                                          "doubt")
        assert "not counted as removed" in section.reading
    else:
        assert section.reading == "Cleaning kept no line in doubt."
    html = section.html()
    assert "<b>And" not in html
    assert ("&lt;b&gt;And a warning." in html) == (len(texts) > 1)
    # The removal counts are those of the audit alone, with or without doubts.
    plain_audit = overview_report.audit_section(ctx, str(tmp_path))
    audit = overview_report.audit_section(doubted, str(tmp_path))
    assert [p.facts["n"] for p in audit.parts] == [p.facts["n"] for p in plain_audit.parts]
    assert overview_report.cleaning_outlet_section(doubted, str(tmp_path)).facts["n"] == \
        plain_audit.parts[0].facts["n"]
    duplicates = overview_report.duplicates_section(ctx, str(tmp_path))
    assert overview_report.key_findings(doubted, duplicates) == \
        overview_report.key_findings(ctx, duplicates)


def test_doubts_of_an_old_annotated_folder_read_as_not_recorded(ctx, tmp_path):
    section = overview_report.doubts_section(_with_doubts(ctx, pd.DataFrame()), str(tmp_path))
    assert section.reading.startswith("Lines kept in doubt are not recorded")
