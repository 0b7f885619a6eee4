"""The sections of the ``50_over_time`` notebook: one function per section, each returning a
:class:`newsprism.viz.section.Section` (tables saved, figure, caption, reading, findings).

Usage (in a notebook)::

    ctx = prepare("", period="auto")
    attention_section(ctx, out_dir="").show()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsprism.compare.wording import plural
from newsprism.core.stats import DEPRECATED_TEST_COLUMNS, MIN_ARTICLES, N_BOOT
from newsprism.report import caveats
from newsprism.report.compare_sections import weak_frames_note
from newsprism.report.options import no_actors_reading
from newsprism.report.runner import save_table
from newsprism.time import before_after, over_time, propagation, timeline
from newsprism.time import plots as time_plots
from newsprism.viz.section import Section, evidence_link

NOTEBOOK = "50_over_time"
VOICES = ("all", "author", "quoted")
BASIS_WORDS = {"published": "published", "text": "latest date its text mentions"}


@dataclass
class TimeContext:
    """What every section needs: the annotations, the English articles, their dates (cut to
    the window), the period, the engine and the corpus name for captions."""

    tables: Any
    articles: pd.DataFrame
    dates: pd.DataFrame
    all_dates: pd.DataFrame
    period: str
    engine: str
    tone_engine: str
    source: str
    n_boot: int
    seed: int
    actors_codebook: str = "none"  # the parameter as given ("none", "story" or a path)
    codebook: str = "generic"  # the frame codebook the frames table was annotated with
    every_dates: pd.DataFrame | None = None  # the window's articles in every language

    @property
    def any_language(self) -> pd.DataFrame:
        """Dates of the window's articles in every language (when an outlet first reported
        does not depend on the language it reported in)."""
        return self.dates if self.every_dates is None else self.every_dates

    @property
    def language_note(self) -> str:
        """How many other-language articles the English-only measures leave out."""
        other = len(self.any_language) - len(self.dates)
        return (f" English articles only: {other} article(s) in other languages are not "
                "counted here." if other > 0 else "")

    @property
    def frame_validity(self) -> str:
        """What gold data says of the frame rows (any cue hit in an article), for captions."""
        from newsprism.framing.shares import codebook_validity

        return codebook_validity(self.codebook) + "."

    @property
    def dated(self) -> pd.DataFrame:
        return self.dates[self.dates["date"].notna()]

    @property
    def note(self) -> str:
        return timeline.dating_note(self.dates)


def prepare(corpus: str, period: str = "auto", since: str = "", until: str = "",
            date_fallback: str = "text", engine: str = "vader", n_boot: int = N_BOOT,
            seed: int = 0, codebook: str = "generic", actors_codebook: str = "none",
            cleaning: str = "default", tone_engine: str = "model") -> TimeContext:
    """Annotate ``corpus`` (empty: the bundled corpus) with the same options as the other
    notebooks, date its English articles and cut the ``[since, until]`` window. Raises
    ValueError with the parameter's name on a bad value."""
    from newsprism.core.provenance import corpus_name
    from newsprism.corpus import language
    from newsprism.pipeline.annotate import annotate
    from newsprism.report import options as notebook_options

    options = notebook_options.annotation_options(codebook=codebook, engine=engine,
                                                  actors_codebook=actors_codebook,
                                                  cleaning=cleaning)
    annotations = annotate(corpus or None, options, progress=False)
    tables = annotations.tables
    notebook_options.require_english(tables["articles"], "Tone, frames and quotations over time")
    english = language.english_articles(tables["articles"])
    all_dates = timeline.article_dates(english, tables.get("claims"), fallback=date_fallback)
    dates = timeline.window(all_dates, since, until)
    every = timeline.window(timeline.article_dates(tables["articles"], tables.get("claims"),
                                                   fallback=date_fallback), since, until)
    chosen = timeline.choose_period(timeline.span_dates(dates), period)
    return TimeContext(tables=tables, articles=english[english["article_id"].isin(
        dates["article_id"])], dates=dates.reset_index(drop=True), all_dates=all_dates,
        period=chosen, engine=engine, tone_engine=tone_engine, source=corpus_name(corpus),
        n_boot=n_boot, seed=seed, actors_codebook=actors_codebook, codebook=codebook,
        every_dates=every.reset_index(drop=True))


def _view(ctx: TimeContext, *names: str) -> dict[str, pd.DataFrame]:
    """The named annotation tables, with ``articles`` cut to the window's articles."""
    view = {name: ctx.tables[name] for name in names if name in ctx.tables}
    view["articles"] = ctx.articles
    return view


def _evidence(anchor: str, table: str) -> str:
    return evidence_link(NOTEBOOK, anchor, table)


def dating_section(ctx: TimeContext, out_dir: str) -> Section:
    """How each article was dated; undated articles listed."""
    save_table(ctx.all_dates, "time_dates", out_dir)
    listed = ctx.dates.merge(ctx.articles[["article_id", "title"]], on="article_id", how="left")
    undated = listed[listed["date"].isna()][["article_id", "outlet", "title"]]
    reading = (f"{ctx.note}{ctx.language_note} {span_reading(ctx.dated)} Coverage is read by "
               f"{ctx.period}."
               if len(ctx.dated) else f"{ctx.note} No article has a date, so nothing below "
               "can be placed in time; the tables list what was read.")
    if (ctx.dates["date_basis"] == "text").any():
        reading += (" Dates taken from an article's text are the latest date it mentions: the "
                    "article was not published before it, but may have been published later, "
                    "so an order resting on such a date is not an order of publication.")
    left_out = len(ctx.all_dates) - len(ctx.dates)
    if left_out:
        reading += f" {left_out} dated article(s) fall outside the chosen window and are left out."
    swapped = (" " + timeline.ambiguous_note(ctx.articles["published"])
               if "published" in ctx.articles else "").rstrip()
    reading += swapped
    # Always a key finding: every timing statement of the notebook rests on how articles were
    # dated, and without one the index would show nothing for a corpus without dates.
    findings = [f"{ctx.note}{ctx.language_note}{swapped} {_evidence('dating', 'time_dates')}"]
    return Section("dating", table=undated, caption="Undated articles (counted, not placed in "
                   "time).", reading=reading, findings=findings,
                   tables={"time_dates": ctx.all_dates},
                   facts=dict(n=len(undated), unit="articles", source=ctx.source))


def span_reading(dated: pd.DataFrame) -> str:
    """The span of the publication dates and, apart, of the dates taken from the texts
    (estimates, which may lie years before the story or after it: a text mentions an old event
    or a coming one).

    >>> d = pd.DataFrame({"date": pd.to_datetime(["2012-09-11", "2025-09-01", "2025-12-01"],
    ...                   utc=True), "date_basis": ["text", "published", "published"]})
    >>> span_reading(d)
    'Publication dates run from 2025-09-01 to 2025-12-01; dates taken from the text (estimates) all fall on 2012-09-11.'
    """
    parts = []
    for basis, label in (("published", "Publication dates run"),
                         ("text", "dates taken from the text (estimates)")):
        span = dated.loc[dated["date_basis"] == basis, "date"]
        if len(span) and f"{span.min():%Y-%m-%d}" == f"{span.max():%Y-%m-%d}":
            parts.append(f"{label.split(' run')[0]} all fall on {span.min():%Y-%m-%d}")
        elif len(span):
            parts.append(f"{label} from {span.min():%Y-%m-%d} to {span.max():%Y-%m-%d}")
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def attention_section(ctx: TimeContext, out_dir: str) -> Section:
    """Articles and words per outlet per period."""
    table = over_time.attention(ctx.articles, ctx.dates, ctx.period)
    save_table(table, "time_attention", out_dir)
    dated = table[table["period"].notna()]
    figure = time_plots.plot_attention(table) if len(dated) else None
    findings, reading = [], "No dated article: attention over time cannot be shown."
    if len(dated):
        per = dated.groupby("period_label")["articles"].sum()
        basis = ctx.dates.loc[ctx.dates["date_basis"] != "undated", "date_basis"]
        text_dates = ("all" if len(basis) and (basis == "text").all()
                      else bool((basis == "text").any()))
        reading = peak_reading(per, ctx.period, text_dates)
        if (per > 0).sum() > 1 and (per == per.max()).sum() == 1 and peak_p(per) < 0.05:
            findings.append(f"{peak_reading(per, ctx.period, text_dates, shown=False)} "
                            f"{_evidence('attention', 'time_attention')}")
    return Section("attention", table=table.drop(columns="period"), figure=figure,
                   caption=f"Articles and words per outlet per {ctx.period}; share_of_period "
                   f"= the outlet's share of that {ctx.period}'s articles.{ctx.language_note} "
                   f"{ctx.note}",
                   reading=reading, findings=findings, tables={"time_attention": table},
                   facts=dict(n=len(ctx.dates), unit="articles", source=ctx.source))


def when(label: str, period: str) -> str:
    """A period label in words: "on 2026-01-08", "in the week of 2026-01-05", "in 2026-01".

    >>> when("2026-01-05", "week")
    'in the week of 2026-01-05'
    """
    return {"day": f"on {label}", "week": f"in the week of {label}"}.get(period, f"in {label}")


def text_date_caveat(text_dates: bool | str) -> str:
    """The caveat of a count by period resting on dates taken from the text: ``True`` when some
    are, ``"all"`` when every dated article is (a corpus without publication dates read "Some
    dates come from the articles' text"); "" when none is.

    >>> text_date_caveat("all")[:40]
    ' Every date here comes from the articles'
    """
    if not text_dates:
        return ""
    if text_dates == "all":
        return (" Every date here comes from the articles' text and is "
                f"{timeline.TEXT_DATE_ESTIMATE}, so an article may belong to another period.")
    return (" Some dates come from the articles' text and are "
            f"{_plural_estimate()}, so an article may belong to another period.")


def _plural_estimate() -> str:
    """:data:`newsprism.time.timeline.TEXT_DATE_ESTIMATE` said of several dates."""
    return timeline.TEXT_DATE_ESTIMATE.replace("an estimate that may", "estimates that may", 1)


def peak_reading(per: pd.Series, period: str, text_dates: bool | str = False,
                 shown: bool = True) -> str:
    """Which period(s) had the most articles, ties named as ties, the runner-up named and a
    peak not clearly above it (:func:`peak_p`) said to be none; with ``shown`` the number of
    periods shown (the key finding leaves it out, never the caveats). ``text_dates``: some
    dates are estimates taken from the text (True), or every one (``"all"``).

    >>> peak_reading(pd.Series({"2026-01-01": 1, "2026-01-02": 1}), "day")
    'No single peak: 2026-01-01 and 2026-01-02 have 1 article each (2 dated articles, 2 days shown).'
    >>> peak_reading(pd.Series({"2026-01-01": 30, "2026-01-02": 5}), "day")
    'Most articles appeared on 2026-01-01 (30 of 35 dated articles; next: 2026-01-02, 5); 2 days shown.'
    """
    top = per[per == per.max()]
    empty = int((per == 0).sum())
    periods = (f"{len(per)} {period}{'s' if len(per) != 1 else ''} shown"
               + (f", {empty} of them without any article" if empty else ""))
    caveat = text_date_caveat(text_dates)
    if (per > 0).sum() == 1:
        every = (f"All {int(per.sum())} dated articles" if per.sum() > 1
                 else "The one dated article")
        return (f"{every} appeared "
                f"{when(top.index[0], period)}: one {period}, so no change over time can be "
                "read" + (f" ({periods})." if shown and len(per) > 1 else ".") + caveat)
    if len(top) > 1:
        named = [when(label, period).split(" ", 1)[1] for label in top.index]
        return (f"No single peak: {listing(named)} have {int(per.max())} "
                f"article{'s' if per.max() != 1 else ''} each ({int(per.sum())} dated articles"
                + (f", {periods}" if shown else "") + f").{caveat}")
    runner = per.drop(top.index).sort_values(ascending=False, kind="stable")
    following, verdict = "", ""
    if len(runner):
        following = (f"; next: {when(runner.index[0], period).split(' ', 1)[1]}, "
                     f"{int(runner.iloc[0])}")
        verdict = (" The peak is not clearly above the next period (exact binomial test of the "
                   f"two counts, p = {peak_p(per):.2g}): read it as no single peak."
                   if peak_p(per) >= 0.05 else "")
    return (f"Most articles appeared {when(top.index[0], period)} ({int(per.max())} of "
            f"{int(per.sum())} dated articles{following})"
            + (f"; {periods}." if shown else ".") + verdict + caveat)


def peak_p(per: pd.Series) -> float:
    """Two-sided exact binomial p that the top period's count and the next one's come from
    one rate (given their sum); 1.0 with fewer than two periods.

    >>> round(peak_p(pd.Series({"a": 21, "b": 19, "c": 5})), 2), peak_p(pd.Series({"a": 3}))
    (0.87, 1.0)
    """
    from scipy.stats import binomtest

    counts = per.sort_values(ascending=False).to_numpy()
    if len(counts) < 2 or counts[0] == 0:
        return 1.0
    return float(binomtest(int(counts[0]), int(counts[0] + counts[1]), 0.5).pvalue)


def cells_reading(table: pd.DataFrame, cell: str, minimum: int, unit: str) -> str:
    """How the cells of a per-period table are drawn, counted from the table: with an interval
    (enough units from at least :data:`~newsprism.core.stats.MIN_ARTICLES` articles), a point
    of fewer articles (no interval), or hollow.

    >>> t = pd.DataFrame({"sufficient": [True, True, False], "ci_low": [0.1, None, None]})
    >>> cells_reading(t, "outlet x day x voice", 20, "scored sentences")
    '1 of 3 outlet x day x voice cells has at least 20 scored sentences from at least 5 \
articles and is drawn with a 95% interval; 1 has enough scored sentences but from fewer than 5 \
articles: a point without an interval that describes those articles only; 1 has fewer than 20 \
and is drawn hollow (too few to read).'
    """
    def cells(k: int) -> str:
        return f"{k} {'has' if k == 1 else 'have'}"

    enough = table["sufficient"].astype(bool)
    with_ci = int((enough & table["ci_low"].notna()).sum())
    one_article = int(enough.sum()) - with_ci
    thin = len(table) - with_ci - one_article
    text = (f"{with_ci:,} of {len(table):,} {cell} cells {'has' if with_ci == 1 else 'have'} at "
            f"least {minimum} {unit} from at least {MIN_ARTICLES} articles and "
            f"{'is' if with_ci == 1 else 'are'} drawn with a 95% interval")
    if one_article:
        text += (f"; {cells(one_article)} enough {unit} but from fewer than {MIN_ARTICLES} "
                 "articles: a point without an interval that describes those articles only")
    if thin:
        text += (f"; {cells(thin)} fewer than {minimum} and {'is' if thin == 1 else 'are'} "
                 "drawn hollow (too few to read)")
    return text + "."


def scored_sentences(table: pd.DataFrame) -> int:
    """Sentences behind a tone-over-time table: the ``all`` rows only, since a sentence's
    author and quoted parts are also rows (summing every voice counts a sentence twice).

    >>> t = pd.DataFrame({"voice": ["all", "author", "quoted"], "n": [77, 73, 5]})
    >>> scored_sentences(t)
    77
    """
    return int(table.loc[table["voice"] == "all", "n"].sum()) if len(table) else 0


def tone_section(ctx: TimeContext, out_dir: str, min_sentences: int = 20) -> Section:
    """Each outlet's tone per period, own and quoted voice."""
    from newsprism.sentiment import scoring as sentiment

    view = _view(ctx, "sentiment", "sentences")
    scored = pd.concat([sentiment.sentence_scores(view, ctx.engine, v) for v in VOICES],
                       ignore_index=True)
    table = over_time.tone_over_time(scored, ctx.dates, ctx.period, min_sentences,
                                     ctx.n_boot, ctx.seed)
    save_table(table, "time_tone", out_dir)
    figure = time_plots.plot_series(table, "voice", f"mean sentence tone ({ctx.engine})")
    reading = (cells_reading(table, f"outlet x {ctx.period} x voice", min_sentences,
                             "scored sentences") if len(table) else "No dated sentence was scored.")
    return Section("tone", table=table.drop(columns="period"), figure=figure,
                   caption=f"Mean sentence tone per outlet per {ctx.period} and voice (author = "
                   "the outlet's own words, quoted = words inside quotation marks) with a 95% "
                   f"bootstrap interval over articles; no interval with fewer than "
                   f"{MIN_ARTICLES} articles or fewer than {min_sentences} sentences. {ctx.note}", reading=reading,
                   tables={"time_tone": table},
                   facts=dict(n=scored_sentences(table), unit="scored sentences (the 'all' "
                              "rows; author and quoted rows are parts of the same sentences)",
                              source=f"{ctx.source}, {ctx.engine}"))


def actor_tone_section(ctx: TimeContext, out_dir: str, n_actors: int = 3,
                       min_mentions: int = 5) -> Section:
    """Tone toward the most mentioned actors per outlet per period."""
    from newsprism.quotes.stats import most_quoted_speakers
    from newsprism.report.caveats import actor_tone_note
    from newsprism.sentiment import scoring as sentiment

    tone = sentiment.actor_tone(_view(ctx, "mentions", "sentences", "quotes"), ctx.tone_engine)
    main = tone["actor"].value_counts().head(n_actors).index.tolist() if len(tone) else []
    table = over_time.actor_tone_over_time(tone, ctx.dates, ctx.period, main, min_mentions,
                                           ctx.n_boot, ctx.seed)
    save_table(table, "time_actor_tone", out_dir)
    figure = time_plots.plot_series(table, "actor", f"tone toward actor ({ctx.tone_engine})")
    reading = (f"The {len(main)} most mentioned actors: {', '.join(main)}. "
               + cells_reading(table, f"outlet x {ctx.period} x actor", min_mentions, "mentions")
               if main else no_actors_reading(
                   ctx.actors_codebook, candidates=most_quoted_speakers(ctx.tables.get("quotes"), merge_names=True)))
    return Section("actor-tone", table=table.drop(columns="period"), figure=figure,
                   caption=f"Tone toward each actor (the actor's name masked) per outlet per "
                   f"{ctx.period}, 95% bootstrap interval over articles. "
                   f"{actor_tone_note(ctx.tone_engine)} {ctx.note}",
                   reading=reading, tables={"time_actor_tone": table},
                   facts=dict(n=int(table["n"].sum()) if len(table) else 0, unit="mentions",
                              source=f"{ctx.source}, {ctx.tone_engine}"))


def frame_presence(ctx: TimeContext) -> pd.DataFrame:
    """Article x frame presence for the window's articles (see over_time.article_frames)."""
    frames = ctx.tables.get("frames")
    frames = frames if frames is not None and len(frames) else pd.DataFrame(
        columns=["article_id", "frame", "negated"])
    return over_time.article_frames(frames, ctx.articles)


def frames_section(ctx: TimeContext, out_dir: str) -> Section:
    """Share of each outlet's articles carrying each frame, per period."""
    table = over_time.frames_over_time(frame_presence(ctx), ctx.dates, ctx.period)
    save_table(table, "time_frames", out_dir)
    figure = time_plots.plot_series(table.assign(sufficient=table["n"] >= 2), "frame",
                                    "share of articles")
    reading = ("Each point is the share of an outlet's articles in that period in which the "
               "frame detector found the frame; with one article the share is 0 or 1 and is "
               "drawn hollow." + weak_frames_note(ctx.codebook, table["frame"])
               if len(table) else "No frame was found in a dated article.")
    return Section("frames", table=table.drop(columns="period"), figure=figure,
                   caption=f"Share of articles carrying each frame per outlet per {ctx.period}, "
                   "Wilson 95% interval over articles; a frame is carried when any of its cues "
                   f"is found in the article. {ctx.frame_validity} {ctx.note}", reading=reading,
                   tables={"time_frames": table},
                   facts=dict(n=len(ctx.dated), unit="dated articles", source=ctx.source))


def _change_statement(row: pd.Series, split: str) -> str:
    """One sentence for a before/after row; a change is stated only when it is clear
    (:func:`is_clear_change`). A row whose interval excludes 0 or whose q is below 0.05, but
    not both, says which test holds and which does not: "no clear difference" for a 95%
    interval of +0.01 to +0.17 (q = 0.6 after the correction) contradicted the table."""
    what = {"tone": "mean sentence tone", "frame": f"share of articles with the {row['item']} "
            "frame", "speaker": f"share of speech quotations given to {row['item']}"}[
        row["measure"]]
    counts = f"n = {row['n_before']} before, {row['n_after']} after"
    if pd.isna(row["p_value"]):
        return f"{row['outlet']}: {what} — too few to compare ({counts})."
    interval = f"95% CI {row['ci_low']:+.2f} to {row['ci_high']:+.2f}"
    if not is_clear_change(row):
        excludes = row["ci_low"] > 0 or row["ci_high"] < 0
        if not excludes and not row["q_value"] < 0.05:
            return (f"{row['outlet']}: {what} — no clear difference before and after {split} "
                    f"({row['before']:.2f} vs {row['after']:.2f}; {counts}; "
                    f"q = {row['q_value']:.2g}).")
        why = (f"the difference's {interval} excludes 0, but not after the Benjamini-Hochberg "
               f"correction over the table (q = {row['q_value']:.2g})" if excludes else
               f"q = {row['q_value']:.2g}, but the difference's {interval} includes 0")
        return (f"{row['outlet']}: {what} — {row['before']:.2f} before and {row['after']:.2f} "
                f"after {split}: {why}, so the change is not clear ({counts}).")
    direction = "rose" if row["estimate"] > 0 else "fell"
    return (f"{row['outlet']}: {what} {direction} from {row['before']:.2f} to "
            f"{row['after']:.2f} after {split} (difference {row['estimate']:+.2f}, {interval}; "
            f"{row['effect_kind']} {row['effect_size']:+.2f}; q = {row['q_value']:.2g}; {counts}).")


def is_clear_change(row) -> bool:
    """A before/after row shows a clear change: tested, its 95% interval excludes 0 and its
    Benjamini-Hochberg q is below 0.05 (the one rule of the statements and their count).

    >>> is_clear_change(pd.Series({"p_value": 0.01, "q_value": 0.02, "ci_low": 0.1, "ci_high": 0.3}))
    True
    """
    return bool(pd.notna(row["p_value"]) and row["q_value"] < 0.05
                and (row["ci_low"] > 0 or row["ci_high"] < 0))


def change_count_reading(table: pd.DataFrame, clear: pd.DataFrame) -> str:
    """How many comparisons could be tested at all, then how many show a clear change.

    >>> t = pd.DataFrame({"p_value": [float("nan")] * 3})
    >>> change_count_reading(t, t.iloc[:0])
    'None of the 3 comparisons could be tested (each needs articles on both sides of the split; \
every one is too few to compare), so no change can be shown.'
    """
    tested = int(table["p_value"].notna().sum()) if len(table) else 0
    if not tested:
        return (f"None of the {len(table)} comparisons could be tested (each needs articles on "
                "both sides of the split; every one is too few to compare), so no change can "
                "be shown.")
    untested = len(table) - tested
    return (f"{tested:,} of {len(table):,} comparisons could be tested"
            + (f" ({untested} too few to compare)" if untested else "")
            + f"; {len(clear)} of those {tested} "
            + ("shows" if len(clear) == 1 else "show") + " a clear change (95% interval excluding 0 "
            "and q < 0.05): ")


def split_day(ctx: TimeContext, split_date: str) -> str:
    """``split_date`` as given, or the median date of the dated articles when it is empty."""
    if split_date:
        return f"{timeline.parse_day(split_date, 'split_date'):%Y-%m-%d}"
    dated = ctx.dated["date"].sort_values()
    return f"{dated.iloc[len(dated) // 2]:%Y-%m-%d}" if len(dated) else ""


def change_reading(table: pd.DataFrame, split: str, split_date: str = ""
                   ) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The before/after table with its ``statement`` column, the rows that show a clear change
    and the reading; an empty table (one dated article) reads as no comparison."""
    statements = [_change_statement(row, split) for _, row in table.iterrows()]
    table = table.assign(statement=pd.Series(statements, index=table.index, dtype=object))
    clear = table[[is_clear_change(row) for _, row in table.iterrows()]] if len(table) else table
    if not split:
        return table, clear, "No dated article: no before/after comparison."
    how = "the median date of the dated articles" if not split_date else "as set"
    if table.empty:
        return table, clear, (f"Split at {split} ({how}). No comparison could be made: no "
                              "outlet has dated articles with scored sentences, frames or "
                              "speech quotations to set before and after the split.")
    counted = change_count_reading(table, clear)
    listed = "" if counted.endswith(".") else (" ".join(clear["statement"]) if len(clear)
                                               else "none.")
    return table, clear, f"Split at {split} ({how}). {counted}{listed}"


def before_after_section(ctx: TimeContext, out_dir: str, split_date: str = "") -> Section:
    """Tone, frames and who is quoted, per outlet, before vs after ``split_date``."""
    from newsprism.sentiment import scoring as sentiment

    split = split_day(ctx, split_date)
    quotes = ctx.tables.get("quotes")
    speech = (quotes[quotes["kind"] == "speech"] if quotes is not None and len(quotes)
              else pd.DataFrame(columns=["article_id", "speaker"]))
    if not split:
        table = pd.DataFrame(columns=before_after.COLUMNS)
    else:
        scored = sentiment.sentence_scores(_view(ctx, "sentiment", "sentences"), ctx.engine, "all")
        table = before_after.before_after(scored, frame_presence(ctx), speech, ctx.dated, split,
                                          ctx.n_boot, ctx.seed)
    table, clear, reading = change_reading(table, split, split_date)
    reading += weak_frames_note(ctx.codebook, table.loc[table["measure"] == "frame", "item"])
    save_table(table, "time_before_after", out_dir)
    # A speaker row rests on speaker attribution, which misses its target: the finding says so.
    findings = [f"{r.statement} {_evidence('before-after', 'time_before_after')}"
                + (f" {caveats.speaker_note()}" if r.measure == "speaker" else "")
                for r in clear.head(3).itertuples()]
    # the deprecated p and q copies are saved, not shown twice on the page
    shown = table.drop(columns=["statement", *DEPRECATED_TEST_COLUMNS], errors="ignore")
    return Section("before-after", table=shown, caption=(
        "Before vs after the split date, per outlet: tone (article means; Welch t-test, "
        "Cohen's d, bootstrap interval), frames and speakers (shares of articles or speech "
        "quotations; Fisher's exact test, Cohen's h, Newcombe interval); q = Benjamini-"
        "Hochberg over the table. Frame rows: a frame is carried when any of its cues is found "
        f"in the article. {ctx.frame_validity} Speaker rows: {caveats.speaker_note()} "
        f"{ctx.note}{unsided_note(ctx.dated, split)}"), reading=reading, findings=findings,
        tables={"time_before_after": table},
        facts=dict(n=len(before_after.split_windows(ctx.dated, split)) if split else 0,
                   unit="dated articles set before or after the split", source=ctx.source))


def unsided_note(dated: pd.DataFrame, split: str) -> str:
    """The articles dated only from their text, left out of the comparison
    (:func:`newsprism.time.before_after.split_windows`: such a date may fall before or after
    publication, so it does not say on which side they were published); "" when none is.

    >>> d = pd.DataFrame({"article_id": ["a", "b", "c"], "date": pd.to_datetime(
    ...     ["2002-03-19", "2016-05-01", "2018-06-12"], utc=True),
    ...     "date_basis": ["text", "published", "text"]})
    >>> unsided_note(d, "2016-03-21")[:66]
    ' 2 articles dated only from their text are left out of both sides:'
    """
    if not split:
        return ""
    from_text = int((dated["date_basis"] == "text").sum())
    if not from_text:
        return ""
    one = from_text == 1
    return (f" {plural(from_text, 'article')} dated only from {'its' if one else 'their'} text "
            f"{'is' if one else 'are'} left out of both sides: a date taken from a text is "
            f"{timeline.TEXT_DATE_ESTIMATE}, so the side of the split is unknown.")


def first_reports_section(ctx: TimeContext, out_dir: str, min_score: float = 0.75,
                          min_outlets: int = 2) -> tuple[Section, Section]:
    """Each outlet's first article, and when each outlet carried each shared statement (the
    statements of 30's cross-outlet table: :func:`newsprism.report.quotes_sections.statement_clusters`)."""
    from newsprism.report.quotes_sections import statement_clusters

    firsts = propagation.first_reports(ctx.any_language)
    save_table(firsts, "time_first_reports", out_dir)
    quotes = ctx.tables.get("quotes")
    spread = pd.DataFrame(columns=propagation.SPREAD_COLUMNS)
    if quotes is not None and len(quotes):
        clustered, cross = statement_clusters(quotes, ctx.articles, min_score,
                                              min_outlets=min_outlets)
        kept = clustered[clustered["cluster_id"].isin(cross["cluster_id"])]
        spread = propagation.statement_spread(kept, ctx.dates, min_outlets)
    save_table(spread, "time_statement_spread", out_dir)
    return (_first_section(ctx, firsts), _spread_section(ctx, spread))


def _order_words(basis: str) -> str:
    return ("by the latest date each text mentions (estimates, not publication times)"
            if basis == "text" else "by publication date")


def _first_section(ctx: TimeContext, firsts: pd.DataFrame) -> Section:
    dated = firsts[firsts["date"].notna()]
    findings, reading = [], "No outlet has a dated article, so no first report can be named."
    if len(dated):
        reading = _first_reading(dated)
        undated = firsts[firsts["date"].isna()]["outlet"].tolist()
        if undated:
            reading += f" No dated article from: {', '.join(undated)}."
        named = not (dated["date_basis"] == "text").any()
        unpublished = unpublished_note(ctx.any_language, first_named=named)
        reading += unpublished
        tied = propagation.tied_with_first(dated)
        if named and len(dated) > 1 and not tied.all():
            names = listing(dated.loc[tied, "outlet"].tolist())
            findings.append(f"First on the story (by publication date): {names}.{unpublished} "
                            f"{_evidence('first-reports', 'time_first_reports')}")
    return Section("first-reports", table=firsts, caption="Each outlet's first article (in "
                   "any language) and its lag behind the first outlet (days). "
                   f"{timeline.dating_note(ctx.any_language)}", reading=reading,
                   findings=findings, tables={"time_first_reports": firsts},
                   facts=dict(n=len(firsts), unit="outlets", source=ctx.source))


def unpublished_note(dates: pd.DataFrame, first_named: bool = True) -> str:
    """The articles without a publication date, and what that leaves open: with a first
    report named (by publication date), they could have appeared before it; without one,
    they order nothing ("" when every article has a publication date).

    >>> unpublished_note(pd.DataFrame({"date_basis": ["published", "text", "undated"]}))
    ' 2 of 3 articles have no publication date (1 dated only from its text, on or after the date it mentions; 1 undated), so any of them could have appeared before the first report named here.'
    >>> unpublished_note(pd.DataFrame({"date_basis": ["text", "undated"]}), first_named=False)[-59:]
    'no one of them can be placed before another by publication.'
    """
    counts = dates["date_basis"].value_counts()
    text, undated = int(counts.get("text", 0)), int(counts.get("undated", 0))
    if not text + undated:
        return ""
    parts = ([f"{text} dated only from {'its' if text == 1 else 'their'} text, on or after "
              f"the date {'it mentions' if text == 1 else 'they mention'}"] if text else [])
    parts += [f"{undated} undated"] if undated else []
    head = (f" {text + undated:,} of {len(dates):,} articles have no publication date ("
            + "; ".join(parts) + ")")
    if first_named:
        return head + (", so any of them could have appeared before the first report named "
                       "here.")
    return head + ", so no one of them can be placed before another by publication."


def _first_reading(dated: pd.DataFrame) -> str:
    """Who came first; with a text-derived date, only what each article mentions (an
    estimate that may fall before or after publication cannot show who published first)."""
    if (dated["date_basis"] == "text").any():
        listed = "; ".join(f"{r.outlet} ({r.date:%Y-%m-%d}, {BASIS_WORDS[r.date_basis]})"
                           for r in dated.itertuples())
        return ("Some dates come from the articles' own text and are "
                f"{_plural_estimate()}, so who published first is not established. "
                f"Earliest dates: {listed}.")
    if dated["outlet"].nunique() == 1:
        return (f"One outlet, so no order of outlets: {dated['outlet'].iloc[0]}'s first "
                f"article is of {dated['date'].min():%Y-%m-%d} (by publication date).")
    tied = propagation.tied_with_first(dated)
    if tied.all():
        every = "both" if len(dated) == 2 else f"all {len(dated)}"
        return (f"By publication date, no outlet came first: the first articles of {every} "
                f"outlets are of {dated['date'].min():%Y-%m-%d}"
                + (f" to {dated['date'].max():%Y-%m-%d}" if dated["date"].dt.normalize(
                ).nunique() > 1 else "") + ", and the dates do not order them.")
    top = dated[tied]
    later = "; ".join(f"{r.outlet} {days(r.lag_days)} later"
                      for r in dated[~tied].itertuples())
    unordered = (" (their dates, within a day of each other and not all with a clock time, "
                 "do not order them)" if top["date"].nunique() > 1 else "")
    return (f"By publication date, {listing(top['outlet'].tolist())} came first "
            f"({top['date'].min():%Y-%m-%d}){unordered}" + (f"; {later}" if later else "") + ".")


def _spread_section(ctx: TimeContext, spread: pd.DataFrame, shown: int = 5) -> Section:
    """The reading names the ``shown`` statements carried by the most outlets (the table has
    them all)."""
    outlets = spread.groupby("cluster_id")["outlet"].nunique().sort_values(
        ascending=False, kind="stable")
    top = outlets.index[:shown]
    lines = [_spread_line(spread[spread["cluster_id"] == cid]) for cid in top]
    if len(outlets) > shown:
        lines.append(f"{plural(len(outlets) - shown, 'more statement', 'more statements')} "
                     "in the table.")
    reading = " ".join(lines) or "No statement is quoted by two or more outlets."
    return Section("statement-spread", table=spread, caption="Statements quoted by two or more "
                   "outlets (the statements of 30_quotes' cross-outlet table: quote clusters "
                   "holding a speech quotation longer than a fragment): when each outlet first "
                   f"carried them. {ctx.note}", reading=reading,
                   tables={"time_statement_spread": spread},
                   facts=dict(n=int(spread["cluster_id"].nunique()) if len(spread) else 0,
                              unit="statements", source=f"{ctx.source}, newsprism.quotes.clusters"))


def differing_wordings(rows: pd.DataFrame) -> bool:
    """Whether a statement's carriers (rows of :func:`newsprism.time.propagation.statement_spread`
    for one cluster) quoted other wordings than the statement shown: a cluster may join a
    slogan ("Make America Great Again", February) to a speech holding it (July), and the
    first carrier of the slogan is not the first carrier of the speech.

    >>> rows = pd.DataFrame({"statement": ["We will win. Believe me."] * 2,
    ...                      "wording": ["We will win.", "We will win. Believe me."]})
    >>> differing_wordings(rows), differing_wordings(rows.iloc[1:])
    (True, False)
    """
    if "wording" not in rows:
        return False
    return bool((rows["wording"].map(_bare) != _bare(rows["statement"].iloc[0])).any())


def _bare(text) -> str:
    return " ".join(str(text).strip().strip('“”"\'.,;: ').lower().split())


def _spread_line(rows: pd.DataFrame) -> str:
    """One statement's carriers in time: ordered only where publication dates order them
    (:func:`newsprism.time.propagation.tied_with_first`), undated carriers always named."""
    # the reading sets the statement in quotation marks: its own outer ones would double them
    text = shorten(str(rows["statement"].iloc[0]).strip().strip('“”"'))
    quoted = f"“{text}”" + (
        " (the outlets' wordings differ, some may hold only part of it: the table gives "
        "each one's)"
        if differing_wordings(rows) else "")
    dated = rows[rows["date"].notna()]
    carriers = "; ".join(f"{r.outlet} ({r.date:%Y-%m-%d}, {BASIS_WORDS[r.date_basis]})"
                         if pd.notna(r.date) else f"{r.outlet} (undated)"
                         for r in rows.itertuples())
    if dated["date"].nunique() < 2:
        return f"{quoted} is quoted by {carriers}: their dates do not order them."
    if (dated["date_basis"] == "text").any():
        return (f"{quoted} is quoted by {carriers}. Text dates are estimates that may fall "
                "before or after publication, so the order of publication is not established.")
    tied = propagation.tied_with_first(dated)
    if tied.all():
        return f"{quoted} is quoted by {carriers}: their dates do not order them."
    first = listing(dated.loc[tied, "outlet"].tolist())
    follow = "; ".join(f"{r.outlet} {days(r.lag_days)} later"
                       for r in dated[~tied].itertuples())
    undated = rows[rows["date"].isna()]["outlet"].tolist()
    # An undated carrier may have quoted it first (as 50's first reports say of undated
    # articles): "first" then holds among the dated carriers only.
    among = ", among its dated carriers," if undated else ""
    return (f"{quoted} was first carried{among} by {first} (by publication date"
            + ("; their dates do not order them" if tied.sum() > 1 else "") + f"); then {follow}"
            + (f"; also quoted, undated (so possibly earlier): {listing(undated)}"
               if undated else "") + ".")


def shorten(text: str, width: int = 90) -> str:
    """``text`` cut at a word boundary with an ellipsis.

    >>> shorten("one two three", 8)
    'one two…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def propagation_section(ctx: TimeContext, out_dir: str, ngram: int = 8,
                        max_pairs: int = 20_000) -> Section:
    """Copied passages ordered in time: who published shared wording first, who followed.

    At most ``max_pairs`` candidate article pairs (those sharing the most word runs) are
    aligned; the caption says when more shared a run."""
    from newsprism.compare import similarity

    passages = similarity.find_copied_passages(ctx.articles, n=ngram, max_pairs=max_pairs)
    candidates = int(passages.attrs.get("n_candidate_pairs", 0))
    capped = (f" {candidates:,} article pairs share a run; the {max_pairs:,} sharing the most "
              "were aligned." if candidates > max_pairs else "")
    travel = mark_copies(propagation.wording_travel(passages, ctx.dates, ctx.articles),
                         passages)
    save_table(travel, "time_propagation", out_dir)
    edges = copy_edges(travel)
    figure = (time_plots.plot_propagation(edges, sorted(ctx.articles["outlet"].unique()))
              if len(edges) else None)
    reading = travel_reading(travel, ngram)
    return Section("propagation", table=travel, figure=figure, caption=(
        f"Article pairs sharing runs of {ngram}+ identical words, ordered in time: source = "
        "the earlier article; directed = False where the dates do not order the pair (same "
        f"day, undated, or dated from the text).{capped} Figure (pairs that are copies only: "
        f"{copy_share_words()}): a red arrow runs from the outlet that published shared "
        "wording first to the one that followed (width: mean share of the later article "
        "copied); a dashed grey line joins outlets whose shared wording the dates cannot "
        f"order{'' if len(edges) else '; no pair is a copy, so nothing is drawn'}. "
        f"{ctx.note}"), reading=reading,
        tables={"time_propagation": travel},
        facts=dict(n=len(travel), unit="article pairs",
                   source=f"{ctx.source}, newsprism.compare.similarity.find_copied_passages"))


def copy_share_words() -> str:
    """The copy rule of the figure, in words (the rule of 00 and 40)."""
    from newsprism.compare.similarity import COPY_MIN_SHARE, COPY_MIN_WORDS

    return (f"shared passages cover at least {COPY_MIN_SHARE:.0%} of one of the two articles "
            f"and hold at least {COPY_MIN_WORDS} words")


def mark_copies(travel: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """``travel`` plus ``is_copy``: the pair is a copy under
    :func:`newsprism.compare.similarity.copied_pairs`, the one rule of 00 and 40 (passages
    cover the share of one of the two articles, not only of the later one)."""
    from newsprism.compare.similarity import copied_pairs

    if travel.empty:
        return travel.assign(is_copy=pd.Series(dtype=bool))
    pairs = copied_pairs(passages)
    copies = {frozenset(pair) for pair in pairs.loc[pairs["is_copy"].astype(bool),
                                                     ["article_a", "article_b"]].itertuples(
        index=False, name=None)}
    return travel.assign(is_copy=[frozenset(pair) in copies for pair in zip(
        travel["source_article"], travel["copy_article"], strict=True)])


def copy_edges(travel: pd.DataFrame) -> pd.DataFrame:
    """Outlet edges (:func:`newsprism.time.propagation.outlet_edges`) of the pairs that are
    copies under the rule of 00 and 40. Every pair sharing one eight-word phrase drew an
    arrow: over ten months of one story, seven outlets were all joined both ways.

    >>> t = pd.DataFrame({"source_outlet": ["A", "A"], "copy_outlet": ["B", "C"],
    ...     "directed": [True, True], "copy_article": ["b", "c"], "share_copied": [0.5, 0.02],
    ...     "n_words": [300, 8], "lag_days": [1.0, 2.0]})
    >>> copy_edges(t)[["source_outlet", "copy_outlet"]].values.tolist()
    [['A', 'B']]
    """
    return propagation.outlet_edges(travel[is_copy(travel)])


def is_copy(travel: pd.DataFrame) -> pd.Series:
    """Pairs of the travel table that are copies under the rule of 00 and 40: its ``is_copy``
    column (:func:`mark_copies`); without it, the later article's share and copied words."""
    from newsprism.compare.similarity import COPY_MIN_SHARE, COPY_MIN_WORDS

    if "is_copy" in travel:
        return travel["is_copy"].astype(bool)
    return (travel["share_copied"] >= COPY_MIN_SHARE) & (travel["n_words"] >= COPY_MIN_WORDS)


def days(lag: float) -> str:
    """A lag in days as read: whole days without a decimal.

    >>> days(1.0), days(211.0), days(0.5)
    ('1 day', '211 days', '0.5 days')
    """
    if float(lag).is_integer():
        return f"{int(lag)} day" + ("" if int(lag) == 1 else "s")
    return f"{lag:.1f} days"


def travel_reading(travel: pd.DataFrame, ngram: int, shown: int = 5) -> str:
    """How many pairs share wording, how many the dates order, how many of those reach the
    copy rule of 00 and 40 (:data:`newsprism.compare.similarity.COPY_MIN_SHARE` of the later
    article), and the ``shown`` ordered pairs with the largest share copied (in table order a
    corpus of months showed five pairs sharing one quoted phrase, 1-3% of an article)."""
    if travel.empty:
        return f"No two articles share a run of {ngram} or more words."
    directed = travel[travel["directed"]]
    copies = int(is_copy(directed).sum())
    unordered = int(is_copy(travel[~travel["directed"]]).sum())
    largest = directed.sort_values(["share_copied", "lag_days"], ascending=[False, True],
                                   kind="stable").head(shown)
    share = "shares" if len(travel) == 1 else "share"
    return (f"{plural(len(travel), 'article pair')} {share} wording; {len(directed):,} can be "
            f"ordered in time, {len(travel) - len(directed):,} cannot (same day, undated, or "
            f"dated only from their text); {copies:,} of the ordered pairs"
            + (f" and {unordered:,} of the unordered ones" if unordered else "")
            + (" is a copy" if copies == 1 and not unordered else " are copies")
            + f" ({copy_share_words()}), the rest share a phrase or quotation."
            + (" Largest shares among the ordered pairs: "
               + " ".join(_travel_line(r) for r in largest.itertuples()) if len(largest) else "")
            + unordered_top(travel[~travel["directed"]], largest))


def unordered_top(undirected: pd.DataFrame, largest: pd.DataFrame) -> str:
    """The pair the dates cannot order with the largest share copied, when it exceeds every
    ordered pair listed (two outlets carrying the same articles on one day copied 100%, while
    the reading's "largest shares" named 13%); "" otherwise.

    >>> pairs = pd.DataFrame({"source_outlet": ["A"], "copy_outlet": ["B"],
    ...                       "share_copied": [1.0]})
    >>> print(unordered_top(pairs, pairs.iloc[:0]).strip())
    The largest share of all, 100% of an article's words, is shared by A and B, whose dates do not order them.
    """
    if undirected.empty:
        return ""
    top = undirected.sort_values("share_copied", ascending=False, kind="stable").iloc[0]
    if len(largest) and top["share_copied"] <= largest["share_copied"].max():
        return ""
    pair = (f"two articles of {top['copy_outlet']}" if top["copy_outlet"] == top["source_outlet"]
            else f"{top['source_outlet']} and {top['copy_outlet']}")
    return (f" The largest share of all, {top['share_copied']:.0%} of an article's words, is "
            f"shared by {pair}, whose dates do not order them.")


def _travel_line(r) -> str:
    if r.copy_outlet == r.source_outlet:
        return (f"{r.copy_outlet} re-used wording from its own article of {days(r.lag_days)} "
                f"earlier ({r.share_copied:.0%} of the later article's words).")
    return (f"{r.copy_outlet} published wording {r.source_outlet} had published "
            f"{days(r.lag_days)} earlier ({r.share_copied:.0%} of its words).")


def listing(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``.

    >>> listing(["A", "B", "C"])
    'A, B and C'
    """
    names = [str(n) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def findings(sections: list[Section]) -> list[str]:
    """The index page's key findings from every section, in order."""
    return [line for section in sections for line in section.findings]
