"""Generated sentences of the 50_over_time sections: each true of its row, comparison explicit."""

import doctest

import numpy as np
import pandas as pd
import pytest
from newsprism.report import time_sections as time_report


def test_doctests():
    assert doctest.testmod(time_report).failed == 0


def _row(**values):
    base = dict(outlet="Wire", measure="tone", item="mean sentence score", before=0.10,
                after=-0.20, n_before=12, n_after=14, estimate=-0.30, ci_low=-0.45,
                ci_high=-0.15, p_value=0.001, q_value=0.004, effect_size=-1.1,
                effect_kind="Cohen's d")
    base.update(values)
    return pd.Series(base)


@pytest.mark.parametrize("row, expected, absent", [
    (_row(), "fell from 0.10 to -0.20 after 2026-01-05", "no clear"),
    (_row(before=-0.2, after=0.1, estimate=0.3, ci_low=0.1, ci_high=0.5), "rose from -0.20",
     "no clear"),
    (_row(ci_high=0.05), "q = 0.004, but the difference's 95% CI -0.45 to +0.05 includes 0, "
     "so the change is not clear", "fell"),                       # interval crosses 0
    # 324 PolNeAR train articles: "USA Today: mean sentence tone — no clear difference before
    # and after 2016-03-21 (0.03 vs 0.12; ...; q = 0.6)" for an interval of +0.01 to +0.17.
    (_row(q_value=0.2), "-0.45 to -0.15 excludes 0, but not after the Benjamini-Hochberg correction "
     "over the table (q = 0.2), so the change is not clear", "no clear difference"),
    (_row(q_value=0.2, ci_high=0.05), "no clear difference before and after", "excludes"),
    (_row(p_value=np.nan, q_value=np.nan), "too few to compare", "fell"),
    (_row(measure="frame", item="conflict"), "share of articles with the conflict frame fell",
     "no clear"),
    (_row(measure="speaker", item="Kim"), "share of speech quotations given to Kim fell",
     "no clear"),
])
def test_change_statement(row, expected, absent):
    text = time_report._change_statement(row, "2026-01-05")
    assert expected in text and absent not in text
    assert text.startswith(row["outlet"]) and f"n = {row['n_before']} before" in text


@pytest.mark.parametrize("item, clear", [("rose", False), ("Rose Fell", False), ("war", True)])
def test_change_reading_counts_clear_rows_by_the_rule_not_the_words(item, clear):
    # a frame or speaker named like a direction ("rose") was counted as a clear change
    table = pd.DataFrame([_row(measure="frame", item=item, q_value=0.2 if item != "war" else 0.004)])
    _, found, reading = time_report.change_reading(table, "2026-01-05", "2026-01-05")
    assert len(found) == int(clear)
    assert f"{int(clear)} of those 1 {'shows' if clear else 'show'} a clear change" in reading


def test_first_reading_names_ties_and_never_orders_text_dates():
    dated = pd.DataFrame({"outlet": ["A", "B", "C"], "date": pd.to_datetime(
        ["2026-01-01", "2026-01-01", "2026-01-03"], utc=True), "date_basis": ["published"] * 3,
        "rank": [1.0, 1.0, 2.0], "lag_days": [0.0, 0.0, 2.0]})
    text = time_report._first_reading(dated)
    assert "A and B came first (2026-01-01); C 2 days later" in text
    lower = dated.assign(date_basis=["published", "text", "published"])
    text = time_report._first_reading(lower)
    assert "not established" in text and "came first" not in text


def test_spread_line_orders_only_published_dates():
    rows = pd.DataFrame({"statement": ["same trench"] * 2, "outlet": ["A", "B"],
                         "date": pd.to_datetime(["2026-01-01", "2026-01-04"], utc=True),
                         "date_basis": ["published", "published"], "order": [1.0, 2.0],
                         "lag_days": [0.0, 3.0], "first_outlet": ["A", "A"]})
    assert "first carried by A (by publication date); then B 3 days later" in \
        time_report._spread_line(rows)
    text_dated = rows.assign(date_basis=["text", "text"])
    assert "not established" in time_report._spread_line(text_dated)
    same_day = rows.assign(date=pd.to_datetime(["2026-01-01"] * 2, utc=True))
    assert "do not order them" in time_report._spread_line(same_day)
    # PolNeAR train read "““Radical Islamic terrorism poses ...": a statement that keeps its
    # own opening mark is set in the reading's quotation marks once
    marked = rows.assign(statement=["\u201cRadical Islamic terrorism poses a threat.\u201d"] * 2)
    assert time_report._spread_line(marked).startswith(
        "\u201cRadical Islamic terrorism poses a threat.\u201d was first carried by A")


@pytest.mark.parametrize("counts, period, expected, absent", [
    ({"2026-01-01": 1, "2026-01-02": 1}, "day", "No single peak: 2026-01-01 and 2026-01-02",
     "Most articles"),
    ({"2026-01-05": 4, "2026-01-12": 2, "2026-01-19": 4}, "week",
     "the week of 2026-01-05 and the week of 2026-01-19",
     "Most articles"),
    ({"2026-01": 5, "2026-02": 2}, "month", "Most articles appeared in 2026-01 (5 of 7", "No single"),
])
def test_peak_reading_names_ties_as_ties(counts, period, expected, absent):
    text = time_report.peak_reading(pd.Series(counts), period)
    assert expected in text and absent not in text


def test_spread_reading_names_the_widest_statements_and_counts_the_rest():
    rows = []
    for cid in range(8):
        for k in range(2 + (cid == 6)):          # statement 6 is carried by three outlets
            rows.append({"cluster_id": cid, "statement": f"statement {cid}", "outlet": f"O{k}",
                         "article_id": f"a{cid}{k}", "date": pd.Timestamp("2026-01-01", tz="UTC")
                         + pd.Timedelta(days=k), "date_basis": "published", "lag_days": k,
                         "first_outlet": "O0", "order": k + 1.0})
    spread = pd.DataFrame(rows)
    section = time_report._spread_section(
        time_report.TimeContext(None, None, pd.DataFrame({"date_basis": [], "has_time": []}),
                                None, "day", "vader", "model", "corpus x", 100, 0),
        spread, shown=3)
    assert section.reading.startswith("“statement 6”")
    assert "5 more statements in the table." in section.reading
    assert section.reading.count("first carried by") == 3


@pytest.mark.parametrize("published", [
    ["2026-01-01", "2026-01-08"],                             # one article per outlet and week
    ["2026-01-01", "2026-01-02", "2026-01-01", "2026-01-02"],  # two per week: no interval
    ["2026-01-01", "2026-01-02", "2026-01-03"] * 2,           # six per week: intervals exist
])
def test_tone_cells_reading_counts_only_drawn_intervals(published):
    # The bundled corpus read "4 of 6 cells ... are drawn with an interval" while no cell had
    # one (each rests on one article).
    from newsprism.time import over_time, timeline

    n = len(published)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "outlet": ["Wire"] * n,
                             "published": published, "text": [""] * n, "n_words": [300] * n})
    dates = timeline.article_dates(articles, fallback="none")
    sentences = pd.DataFrame([(f"a{i}", "all", (j % 5) / 5 - 0.4) for i in range(n)
                              for j in range(25)], columns=["article_id", "voice", "score"])
    table = over_time.tone_over_time(sentences, dates, "week", 20, n_boot=200)
    reading = time_report.cells_reading(table, "outlet x week x voice", 20, "scored sentences")
    drawn = int(table["ci_low"].notna().sum())
    assert reading.startswith(f"{drawn} of {len(table)} outlet x week x voice cells")
    assert ("from fewer than 5 articles" in reading) == bool(drawn < len(table))
    assert drawn == (len(table) if n == 6 else 0)


@pytest.mark.parametrize("p, expected", [
    ([np.nan] * 22, "None of the 22 comparisons could be tested"),
    ([0.01, np.nan, 0.5], "2 of 3 comparisons could be tested (1 too few to compare); 0 of "
                          "those 2 show"),
])
def test_change_count_reading_separates_untestable_comparisons(p, expected):
    # The bundled corpus read "0 of 22 comparisons show a clear change" although no outlet had
    # an article on both sides of the split, so nothing was compared.
    table = pd.DataFrame({"p_value": p})
    assert time_report.change_count_reading(table, table.iloc[:0]).startswith(expected)


def test_change_reading_of_an_empty_comparison_table():
    # A one-article corpus crashed 50_over_time: the statement column of an empty table was
    # float, and `.str` refused it.
    from newsprism.time import before_after

    empty = pd.DataFrame(columns=before_after.COLUMNS)
    table, clear, reading = time_report.change_reading(empty, "2026-01-08")
    assert table.empty and clear.empty and "statement" in table.columns
    assert reading == ("Split at 2026-01-08 (the median date of the dated articles). No "
                       "comparison could be made: no outlet has dated articles with scored "
                       "sentences, frames or speech quotations to set before and after the split.")
    assert time_report.change_reading(empty, "")[2].startswith("No dated article")


def test_change_reading_with_nothing_testable_ends_on_its_verdict():
    rows = pd.DataFrame([_row(p_value=np.nan, q_value=np.nan, estimate=np.nan, ci_low=np.nan,
                              ci_high=np.nan)])
    _, clear, reading = time_report.change_reading(rows, "2026-01-08")
    assert clear.empty and reading.endswith("so no change can be shown.")


def _carriers(dates, has_time, basis=None):
    n = len(dates)
    return pd.DataFrame({"statement": ["same trench"] * n, "outlet": list("ABCD")[:n],
                         "date": pd.to_datetime(dates, utc=True), "has_time": has_time,
                         "date_basis": basis or ["published"] * n,
                         "order": [1.0 + i for i in range(n)],
                         "lag_days": [0.0, 0.3, 3.0, np.nan][:n], "first_outlet": ["A"] * n})


def test_spread_line_names_undated_carriers_and_orders_only_beyond_the_resolution():
    # Synthetic 300-article run: "first carried by Daily Planet; then Wire Service 36.0 day(s)
    # later; ..." left out Le Monde Test, an undated carrier; and a date-only article was set
    # before a timed one of the same day.
    rows = _carriers(["2026-01-01T00:00", "2026-01-01T08:00", "2026-01-04T00:00", None],
                     [False, True, False, False],
                     ["published", "published", "published", "undated"])
    text = time_report._spread_line(rows)
    assert ("first carried, among its dated carriers, by A and B (by publication date; their "
            "dates do not order them)") in text
    assert "then C 3 days later; also quoted, undated (so possibly earlier): D." in text
    assert "B 0.3 days later" not in text


@pytest.mark.parametrize("dates, basis, says, never", [
    # 324 PolNeAR train articles, 12 undated: "was first carried by Breitbart (by publication
    # date); then USA Today 11 days later; ...; also quoted, undated: Washington Post", whose
    # undated article may have carried it first.
    (["2016-02-20", "2016-03-02", None], ["published", "published", "undated"],
     "was first carried, among its dated carriers, by A (by publication date); then B 11 days "
     "later; also quoted, undated (so possibly earlier): C.", "was first carried by A"),
    (["2016-02-20", "2016-03-02", "2016-03-05"], ["published"] * 3,
     "was first carried by A (by publication date); then B 11 days later; C 14 days later.",
     "among its dated carriers"),
])
def test_spread_line_names_a_first_carrier_only_among_the_dated_ones(dates, basis, says, never):
    rows = pd.DataFrame({"statement": ["We will win."] * 3, "outlet": ["A", "B", "C"],
                         "date": pd.to_datetime(dates, utc=True), "date_basis": basis,
                         "has_time": False, "lag_days": [0.0, 11.0, 14.0 if dates[2] else np.nan]})
    text = time_report._spread_line(rows)
    assert says in text and never not in text


def test_first_reading_does_not_order_a_date_only_article_within_its_day():
    dated = _carriers(["2026-01-01T00:00", "2026-01-01T08:00", "2026-01-04T00:00"], [False, True, False])
    dated = dated.assign(rank=[1.0, 2.0, 3.0])
    text = time_report._first_reading(dated)
    assert text.startswith("By publication date, A and B came first (2026-01-01) (their dates")
    assert "B 0.3 days later" not in text and "C 3 days later" in text


def test_peak_finding_names_the_runner_up_and_keeps_the_text_date_caveat():
    # The key finding was the reading cut at its first ';': "Most articles appeared in 2025-12
    # (67 of 267 dated articles)." -- no comparison with the next month, and the caveat that
    # 33 of those dates were taken from the text was cut off.
    per = pd.Series({"2025-09": 58, "2025-10": 60, "2025-11": 43, "2025-12": 67})
    finding = time_report.peak_reading(per, "month", text_dates=True, shown=False)
    assert finding.startswith("Most articles appeared in 2025-12 (67 of 228 dated articles; "
                              "next: 2025-10, 60).")
    assert "from the articles' text" in finding and "shown" not in finding
    # 67 against 60 is no peak: said so, and attention_section makes no key finding of it.
    assert "not clearly above the next period" in finding
    assert time_report.peak_p(per) > 0.05
    weeks = time_report.peak_reading(pd.Series({"2026-01-05": 21, "2025-10-27": 19}), "week")
    assert "(21 of 40 dated articles; next: the week of 2025-10-27, 19)" in weeks


def test_first_report_finding_says_articles_without_a_publication_date_could_be_earlier():
    # Once an outlet's first report is its first by publication date, 23 undated and 33
    # text-dated articles of the synthetic run could still have appeared before it.
    dates = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["A", "B", "B", "C"],
                          "date": pd.to_datetime(["2026-01-01", "2026-01-03", "2025-12-01",
                                                  None], utc=True),
                          "date_basis": ["published", "published", "text", "undated"],
                          "has_time": [False] * 4})
    ctx = time_report.TimeContext(None, None, dates, dates, "day", "vader", "model", "x", 10, 0)
    from newsprism.time import propagation

    section = time_report._first_section(ctx, propagation.first_reports(dates))
    assert section.findings[0].startswith("First on the story (by publication date): A. 2 of 4 "
                                          "articles have no publication date (1 dated only "
                                          "from its text, on or after the date it mentions; 1 "
                                          "undated), so any of them could have appeared before "
                                          "the first report named here.")


def test_without_a_named_first_report_the_undated_note_orders_nothing():
    # 50 read "Some dates come from the articles' own text ..., so who published first is not
    # established. ... 5 of 5 articles have no publication date ... and could have appeared
    # earlier": earlier than no named report, and a text-dated article cannot precede its date.
    dates = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
                          "date": pd.to_datetime(["2025-12-27", "2026-01-08", None], utc=True),
                          "date_basis": ["text", "text", "undated"], "has_time": [False] * 3})
    ctx = time_report.TimeContext(None, None, dates, dates, "day", "vader", "model", "x", 10, 0)
    from newsprism.time import propagation

    section = time_report._first_section(ctx, propagation.first_reports(dates))
    assert "could have appeared" not in section.reading
    assert section.reading.endswith("3 of 3 articles have no publication date (2 dated only "
                                    "from their text, on or after the date they mention; 1 "
                                    "undated), so no one of them can be placed before another "
                                    "by publication.")
    assert section.findings == []


def test_first_reports_count_an_outlets_articles_in_every_language(tmp_path):
    # Synthetic 300-article run: "Le Monde Test 94.6 day(s) later" -- its first English
    # article; it had published in French on 2025-09-06, five days after the first outlet.
    from newsprism.time import timeline

    articles = pd.DataFrame({"article_id": ["en1", "fr1", "en2"],
                             "outlet": ["Post", "Monde", "Monde"],
                             "published": ["2025-09-01", "2025-09-06", "2025-12-04"],
                             "text": ["", "", ""], "language": ["en", "fr", "en"],
                             "title": ["a", "b", "c"],
                             "n_words": [10, 10, 10]})
    every = timeline.article_dates(articles)
    english = every[every["article_id"] != "fr1"].reset_index(drop=True)
    ctx = time_report.TimeContext({"quotes": None}, articles[articles["language"] == "en"],
                                  english, english, "day", "vader", "model", "x", 10, 0,
                                  every_dates=every)
    first, _ = time_report.first_reports_section(ctx, str(tmp_path))
    assert "Monde 5 days later" in first.reading and "in any language" in first.caption
    attention = time_report.attention_section(ctx, str(tmp_path))
    assert "1 article(s) in other languages are not counted here" in attention.caption
    # the index line "2 of 2 articles dated" had no word of the French article left out
    dating = time_report.dating_section(ctx, str(tmp_path))
    assert "1 article(s) in other languages are not counted here" in dating.findings[0]


def test_frames_over_time_say_which_frames_their_detector_does_not_support(tmp_path):
    # The conflict and responsibility cue detectors score below 'always present' on NFC
    # articles (F1 0.71 vs 0.77, 0.53 vs 0.63); 50's frames section and before/after frame
    # rows used them without saying so.
    from newsprism.time import timeline

    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"],
                             "published": ["2026-01-01", "2026-01-03"], "text": ["", ""],
                             "n_words": [10, 10]})
    dates = timeline.article_dates(articles)
    frames = pd.DataFrame({"article_id": ["a", "b"], "frame": ["conflict", "economic"],
                           "negated": [False, False]})
    ctx = time_report.TimeContext({"frames": frames}, articles, dates, dates, "day", "vader",
                                  "model", "x", 10, 0, codebook="generic")
    reading = time_report.frames_section(ctx, str(tmp_path)).reading
    assert "conflict: the cue detector does not beat 'always present'" in reading
    assert "economic:" not in reading


def test_travel_reading_shows_the_largest_shares_and_counts_copies():
    # PolNeAR train: the reading listed five Breitbart pairs in table order, each sharing one
    # quoted phrase (1-3% of an article), as "published wording Breitbart had published 1.0
    # day(s) earlier"; the pairs copying most of an article were not named.
    shares = [0.02, 0.01, 0.03, 0.95, 0.08, 0.40, 0.02]
    travel = pd.DataFrame({
        "source_outlet": ["Breitbart"] * 3 + ["Post", "Times", "Wire", "Post"],
        "copy_outlet": ["USA", "Post", "West", "Times", "Post", "Times", "Wire"],
        "lag_days": [1.0, 1.0, 1.0, 2.0, 3.0, 1.0, 0.0], "share_copied": shares,
        "n_words": [10, 8, 12, 900, 40, 300, 9], "directed": [True] * 6 + [False]})
    text = time_report.travel_reading(travel, 8, shown=2)
    assert "7 article pairs share wording; 6 can be ordered in time, 1 cannot" in text
    assert ("2 of the ordered pairs are copies (shared passages cover at least 20% of one of "
            "the two articles and hold at least 24 words)") in text
    assert text.index("(95% of its words)") < text.index("(40% of its words)")
    assert "Times published wording Post had published 2 days earlier" in text
    assert "Breitbart" not in text and "day(s)" not in text


def test_travel_reading_counts_with_thousands_separators():
    # pagetext tuning pages: "18,499 article pairs share wording; 13758 can be ordered in time"
    travel = pd.DataFrame({"source_outlet": ["A"] * 1200, "copy_outlet": ["B"] * 1200,
                           "lag_days": [1.0] * 1200, "share_copied": [0.01] * 1200,
                           "n_words": [9] * 1200, "directed": [True] * 1100 + [False] * 100})
    text = time_report.travel_reading(travel, 8, shown=1)
    assert "1,200 article pairs share wording; 1,100 can be ordered in time, 100 cannot" in text


@pytest.mark.parametrize("shares, words, edges", [
    # PolNeAR train: every outlet pair shared some eight-word phrase over ten months, so the
    # figure joined all seven outlets both ways with arrows of equal width.
    ([0.02, 0.01, 0.03], [10, 8, 9], []),
    ([0.95, 0.01, 0.20], [900, 8, 30], [("A", "B"), ("C", "A")]),
    ([0.95, 0.01, 0.25], [900, 8, 10], [("A", "B")]),   # 10 words of a 40-word brief
])
def test_propagation_figure_draws_only_copies(shares, words, edges):
    travel = pd.DataFrame({"source_outlet": ["A", "B", "C"], "copy_outlet": ["B", "C", "A"],
                           "directed": True, "copy_article": ["b", "c", "a"],
                           "share_copied": shares, "n_words": words,
                           "lag_days": [1.0, 2.0, 3.0]})
    drawn = time_report.copy_edges(travel)
    assert list(zip(drawn["source_outlet"], drawn["copy_outlet"], strict=True)) == edges


def test_tone_caption_counts_each_scored_sentence_once(tmp_path):
    # Bundled report: "n = 313 sentence scores" summed the all, author and quoted rows
    # (77 + 73 + 5 + 72 + 72 + 14); a sentence's author and quoted parts are also its 'all' row.
    from newsprism.time import timeline

    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "published": ["2026-01-01"],
                             "text": [""], "n_words": [10]})
    dates = timeline.article_dates(articles)
    sentences = pd.DataFrame({"article_id": "a", "sentence_id": range(3), "paragraph_id": 0,
                              "start": 0, "end": 1, "text": "s"})
    voices = ["all"] * 3 + ["author"] * 3 + ["quoted"]
    sentiment = pd.DataFrame({"article_id": "a", "sentence_id": [0, 1, 2, 0, 1, 2, 2],
                              "engine": "vader", "voice": voices, "n_words": 3,
                              "score": [0.1, 0.2, 0.3, 0.1, 0.2, 0.0, 0.5]})
    ctx = time_report.TimeContext({"sentiment": sentiment, "sentences": sentences}, articles,
                                  dates, dates, "day", "vader", "model", "x", 10, 0)
    section = time_report.tone_section(ctx, str(tmp_path), min_sentences=1)
    assert section.table["n"].sum() == 7
    assert section.facts["n"] == 3
    assert "author and quoted rows are parts of the same sentences" in section.facts["unit"]


def test_copies_of_50_are_the_copies_of_00_and_40():
    # PolNeAR train: 00 and 40 counted 9 copied pairs, 50 "5 of the ordered pairs" under its
    # own rule (20% of the later article): a Breitbart pair copying 25% of the earlier article
    # (12% of the later) was a copy in 00 and 40 and not in 50, and 3 unordered copies went
    # unsaid.
    passages = pd.DataFrame({"article_a": ["a", "c"], "article_b": ["b", "d"],
                             "outlet_a": ["A", "C"], "outlet_b": ["B", "D"], "n_words": [82, 9],
                             "share_a": [0.25, 0.5], "share_b": [0.12, 0.5]})
    travel = pd.DataFrame({"source_article": ["a", "d"], "copy_article": ["b", "c"],
                           "source_outlet": ["A", "D"], "copy_outlet": ["B", "C"],
                           "share_copied": [0.12, 0.5], "n_words": [82, 9],
                           "lag_days": [1.0, np.nan], "directed": [True, False]})
    marked = time_report.mark_copies(travel, passages)
    assert marked["is_copy"].tolist() == [True, False]  # 9 words: too few, as in copied_pairs
    text = time_report.travel_reading(marked, 8)
    assert text.startswith("2 article pairs share wording; 1 can be ordered in time, 1 cannot")
    assert "1 of the ordered pairs is a copy" in text
    unordered = time_report.mark_copies(travel.assign(directed=[False, False]), passages)
    assert "0 of the ordered pairs and 1 of the unordered ones are copies" in \
        time_report.travel_reading(unordered, 8)


@pytest.mark.parametrize("n_clear, verb", [(1, "1 of those 3 shows a clear change"),
                                           (2, "2 of those 3 show a clear change")])
def test_change_count_agrees_in_number(n_clear, verb):
    # PolNeAR train read "1 of those 77 show a clear change".
    table = pd.DataFrame({"p_value": [0.01, 0.02, 0.5]})
    assert verb in time_report.change_count_reading(table, table.iloc[:n_clear])


def test_statements_of_50_are_the_statements_of_30(tmp_path):
    # PolNeAR train: 30 read "130 statements quoted by 2 or more outlets", 50's table held 142
    # (it clustered speech quotations on its own and kept a one-word cluster, "blood." /
    # "Blood", which 30 does not call a statement).
    from newsprism.quotes import clusters as quote_clusters
    from newsprism.report.quotes_sections import statement_clusters
    from newsprism.time import timeline

    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                             "published": ["2026-01-01", "2026-01-03"], "text": ["", ""],
                             "language": ["en", "en"], "n_words": [100, 100]})
    said = "We will stand together in the same trench until the very end."
    quotes = pd.DataFrame({"quote_id": [0, 1, 0, 1], "article_id": ["a", "a", "b", "b"],
                           "text": [said, "blood.", said, "Blood"], "kind": ["speech"] * 4,
                           "speaker": ["Kim"] * 4})
    dates = timeline.article_dates(articles)
    ctx = time_report.TimeContext({"quotes": quotes}, articles, dates, dates, "day", "vader",
                                  "model", "x", 10, 0)
    _, spread = time_report.first_reports_section(ctx, str(tmp_path))
    _, cross = statement_clusters(quotes, articles)
    shared = pd.read_csv(tmp_path / "tables" / "time_statement_spread.csv")
    assert shared["cluster_id"].nunique() == quote_clusters.n_statements(cross) == 1
    assert set(shared["statement"]) == {said}
    assert spread.reading.startswith(f"\u201c{said[:20]}")


def test_first_report_of_one_outlet_names_no_first():
    # A one-outlet corpus read "By publication date, City Daily came first (2026-03-02)."
    dated = pd.DataFrame({"outlet": ["City Daily"], "date": [pd.Timestamp("2026-03-02", tz="UTC")],
                          "date_basis": ["published"], "has_time": [False], "lag_days": [0.0]})
    text = time_report._first_reading(dated)
    assert "came first" not in text and text.startswith("One outlet, so no order of outlets")


def test_peak_reading_on_one_period_says_nothing_can_be_read_over_time():
    # Every article on one day read "Most articles appeared on 2016-03-01 (12 of 12 dated
    # articles)": a peak among one.
    text = time_report.peak_reading(pd.Series({"2016-03-01": 12}), "day")
    assert text.startswith("All 12 dated articles appeared on 2016-03-01: one day, so no change")
    assert "Most articles" not in text
    gap = time_report.peak_reading(pd.Series({"2015-03": 6, "2015-04": 0, "2016-03": 6}), "month")
    assert "3 months shown, 1 of them without any article" in gap


@pytest.mark.parametrize("published", [["2016-03-01"] * 3, ["2016-03-01", "2016-03-01",
                                                            "2016-03-01T10:00"]])
def test_first_reports_name_no_first_outlet_when_every_outlet_ties(published, tmp_path):
    # All articles on one day read "By publication date, Alpha, Beta and Gamma came first"
    # and the index listed all three as "First on the story".
    from newsprism.time import propagation, timeline

    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Alpha", "Beta", "Gamma"],
                             "published": published, "text": [""] * 3})
    dates = timeline.article_dates(articles)
    ctx = time_report.TimeContext(None, None, dates, dates, "day", "vader", "model", "x", 10, 0)
    section = time_report._first_section(ctx, propagation.first_reports(dates))
    assert "no outlet came first" in section.reading and "came first (" not in section.reading
    assert section.findings == []


def test_one_outlet_makes_no_first_on_the_story_finding():
    from newsprism.time import propagation, timeline

    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Alpha", "Alpha"],
                             "published": ["2016-01-05", "2016-02-05"], "text": [""] * 2})
    dates = timeline.article_dates(articles)
    ctx = time_report.TimeContext(None, None, dates, dates, "day", "vader", "model", "x", 10, 0)
    section = time_report._first_section(ctx, propagation.first_reports(dates))
    assert section.reading.startswith("One outlet, so no order of outlets")
    assert section.findings == []


def test_span_reading_of_one_day_is_not_a_range():
    d = pd.DataFrame({"date": pd.to_datetime(["2016-03-01"] * 2, utc=True),
                      "date_basis": ["published"] * 2})
    assert time_report.span_reading(d) == "Publication dates all fall on 2016-03-01."


def test_dating_section_says_how_ambiguous_numeric_dates_were_read(tmp_path):
    from newsprism.time import timeline

    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                             "published": ["01/03/2016", "2016-03-02"], "text": ["", ""],
                             "title": ["t", "u"], "n_words": [5, 5]})
    dates = timeline.article_dates(articles)
    ctx = time_report.TimeContext(None, articles, dates, dates, "day", "vader", "model", "x",
                                  10, 0)
    section = time_report.dating_section(ctx, str(tmp_path))
    assert "could be day or month first (such as 01/03/2016)" in section.reading
    assert "could be day or month first" in section.findings[0]


def test_unpublished_note_names_only_the_kinds_present_and_weeks_as_weeks():
    # "2 of 16 articles have no publication date (0 dated only from their text, ...; 2 undated)"
    note = time_report.unpublished_note(pd.DataFrame({"date_basis": ["published", "undated",
                                                                     "undated"]}))
    assert note.startswith(" 2 of 3 articles have no publication date (2 undated)")
    ties = time_report.peak_reading(pd.Series({"2015-12-28": 3, "2016-01-11": 3}), "week")
    assert ties.startswith("No single peak: the week of 2015-12-28 and the week of 2016-01-11")


@pytest.mark.parametrize(("shares", "directed", "must", "must_not"), [
    # Two outlets carrying the same articles: copies of 100% on one day were left out of
    # "Largest shares: Twin A re-used wording ... (13% of the later article's words)".
    ([0.13, 1.0], [True, False], "The largest share of all, 100% of an article's words, is "
                                 "shared by Twin A and Twin B, whose dates do not order them.",
     "Largest shares: "),
    # Every pair unordered: the reading ended "Largest shares: " with nothing after it.
    ([0.5, 1.0], [False, False], "The largest share of all, 100%", "Largest shares"),
    ([0.9, 0.2], [True, False], "Largest shares among the ordered pairs: ", "largest share of all"),
])
def test_travel_reading_names_a_larger_unordered_share(shares, directed, must, must_not):
    travel = pd.DataFrame({"source_outlet": ["Twin A", "Twin A"],
                           "copy_outlet": ["Twin A", "Twin B"], "lag_days": [52.0, np.nan],
                           "share_copied": shares, "n_words": [300, 900],
                           "directed": directed, "is_copy": [True, True]})
    text = time_report.travel_reading(travel, 8)
    assert must in text and must_not not in text and not text.endswith(": ")


@pytest.mark.parametrize(("wordings", "noted"), [
    # PolNeAR train: "“my partner in this campaign ... to make America great again.” was first
    # carried by USA Today" dated by a February article quoting only "Make America Great Again".
    (["Make America Great Again.", "Make America Great Again.",
      "my partner in this campaign ... to make America great again."], True),
    (["my partner in this campaign ... to make America great again."] * 3, False),
    (["“my partner in this campaign ... to make America great again”"] * 3, False),
])
def test_spread_reading_says_when_carriers_quoted_other_wordings(wordings, noted):
    statement = "my partner in this campaign ... to make America great again."
    spread = pd.DataFrame({
        "cluster_id": 1, "statement": statement, "wording": wordings,
        "outlet": ["USA Today", "Breitbart", "Politico"],
        "article_id": ["u", "b", "p"],
        "date": pd.to_datetime(["2016-02-02", "2016-03-15", "2016-08-11"], utc=True),
        "date_basis": "published", "has_time": False, "lag_days": [0.0, 42.0, 191.0],
        "first_outlet": "USA Today", "order": [1.0, 2.0, 3.0]})
    text = time_report._spread_line(spread)
    assert text.startswith("“my partner in this campaign")
    assert ("the outlets' wordings differ" in text) == noted
    assert "was first carried by USA Today" in text


@pytest.mark.parametrize(("bases", "says"), [
    # No publication date: 8 articles dated from their text, 16 undated, read "Some dates come
    # from the articles' text" though every date did.
    (["text"] * 8 + ["undated"] * 16, "Every date here comes from the articles' text"),
    (["text"] * 2 + ["published"] * 6, "Some dates come from the articles' text"),
    (["published"] * 8, ""),
])
def test_attention_caveat_says_whether_every_date_is_from_the_text(bases, says, tmp_path):
    from types import SimpleNamespace

    n = len(bases)
    ids = [f"a{i}" for i in range(n)]
    dates = pd.DataFrame({"article_id": ids, "outlet": ["A", "B"] * (n // 2),
                          "date": pd.to_datetime(["2026-01-05"] * 5 + ["2026-01-12"] * 3
                                                 + [None] * (n - 8), utc=True),
                          "date_basis": bases, "has_time": False})
    articles = pd.DataFrame({"article_id": ids, "outlet": dates["outlet"], "n_words": 100})
    ctx = SimpleNamespace(articles=articles, dates=dates, period="week", language_note="",
                          note="", source="x")
    section = time_report.attention_section(ctx, str(tmp_path))
    assert (says in section.reading) if says else "from the articles' text" not in section.reading


_TEXT_DATED = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                            "date": pd.to_datetime(["2016-01-02", "2018-06-12"], utc=True),
                            "date_basis": ["published", "text"], "rank": [1.0, 1.0],
                            "lag_days": [0.0, 0.0]})
_SPREAD = pd.DataFrame({"statement": ["same trench"] * 2, "outlet": ["A", "B"],
                        "date": pd.to_datetime(["2016-01-02", "2018-06-12"], utc=True),
                        "date_basis": ["published", "text"], "order": [1.0, 2.0],
                        "wording": ["same trench"] * 2})


# 34 of the 164 PolNeAR train articles dated from their text mention a date after their
# publication (one of 2015-12-01 mentions 2034-01-01): these sentences called every such date
# a lower bound ("not published before it").
@pytest.mark.parametrize("sentence", [
    lambda: time_report.span_reading(_TEXT_DATED),
    lambda: time_report.text_date_caveat("all"),
    lambda: time_report.text_date_caveat(True),
    lambda: time_report.peak_reading(pd.Series({"2016-01": 3, "2016-02": 1}), "month", True),
    lambda: time_report.unsided_note(_TEXT_DATED, "2016-03-21"),
    lambda: time_report._order_words("text"),
    lambda: time_report._first_reading(_TEXT_DATED),
    lambda: time_report._spread_line(_SPREAD),
])
def test_no_sentence_calls_a_text_date_a_lower_bound(sentence):
    text = sentence()
    assert text and "lower bound" not in text
    assert "estimate" in text


@pytest.mark.parametrize("sentence", [
    lambda: time_report.text_date_caveat("all"),
    lambda: time_report.text_date_caveat(True),
    lambda: time_report.unsided_note(_TEXT_DATED, "2016-03-21"),
    lambda: time_report._first_reading(_TEXT_DATED),
])
def test_text_date_sentences_give_the_measured_rate(sentence):
    assert "21% mention a date after their publication" in sentence()


@pytest.mark.parametrize("dates, said", [
    # a text date after the split was set "after"; now every text-dated article is counted out
    (_TEXT_DATED, " 1 article dated only from its text is left out of both sides"),
    (_TEXT_DATED.assign(date_basis="text"), " 2 articles dated only from their text are left"),
    (_TEXT_DATED.assign(date_basis="published"), ""),
])
def test_unsided_note_counts_every_text_dated_article(dates, said):
    assert time_report.unsided_note(dates, "2016-03-21").startswith(said)
