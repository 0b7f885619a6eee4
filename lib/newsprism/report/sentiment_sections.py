"""The sections of the ``10_sentiment`` notebook: one function per section, each returning a
:class:`~newsprism.viz.section.Section` or :class:`~newsprism.viz.section_group.Group` (tables saved,
figure, caption with n, unit, source and engine, reading).

Usage (in a notebook)::

    ctx = prepare("", engine="vader")
    tone = tone_section(ctx, out_dir="", n_boot=2000, seed=0)
    tone.show()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from newsprism.compare.readings import (
    all_equal_text,
    extremes_text,
    few_articles_text,
    runner_up_text,
    thin_extremes_text,
    tied_at,
    tied_names,
    when_comparable,
)
from newsprism.compare.wording import plural, verb
from newsprism.core import stats
from newsprism.corpus import language
from newsprism.report.caveats import validation_caveat
from newsprism.report.options import codebook_label, no_actors_reading
from newsprism.report.runner import save_table
from newsprism.sentiment import scoring as sentiment
from newsprism.viz import heatmap
from newsprism.viz.figures import interval_errors
from newsprism.viz.section import Section, evidence_link
from newsprism.viz.section_group import Group, table_section

NOTEBOOK = "10_sentiment"


@dataclass
class SentimentContext:
    """The annotations, the sentence engine (name and label) and the source for captions."""

    ann: Any
    engine: str
    source: str
    actors_codebook: str = "none"  # the parameter as given ("none", "story" or a path)

    @property
    def label(self) -> str:
        """The engine's name as captions give it."""
        return sentiment.ENGINE_LABEL[self.engine]

    @property
    def headline(self) -> str:
        articles = self.ann.articles
        line = (f"{plural(len(articles), 'article')} "
                f"({len(language.english_articles(articles))} in English, scored) from "
                f"{plural(articles['outlet'].nunique(), 'outlet')}; engine: {self.label}")
        skipped = self.ann.skipped_steps
        return line + (f"\nskipped annotation steps: {skipped}" if skipped else "")


def prepare(corpus: str, engine: str = "vader", tone_engine: str = "model",
            actors_codebook: str = "none", cleaning: str = "default",
            codebook: str = "generic") -> SentimentContext:
    """Annotate ``corpus`` (empty: the bundled corpus) with the notebooks' shared options.
    Raises ValueError for an unknown engine or a corpus without an English article."""
    from newsprism.core.provenance import corpus_name
    from newsprism.pipeline.annotate import annotate
    from newsprism.report import options as notebook_options

    sentiment.check_engine(engine)
    sentiment.check_tone_engine(tone_engine)
    ann = annotate(corpus or None, options=notebook_options.annotation_options(
        engine=engine, actors_codebook=actors_codebook, codebook=codebook, cleaning=cleaning),
        progress=False)
    notebook_options.require_english(ann.articles, "Sentiment scores")
    return SentimentContext(ann=ann, engine=engine,
                            source=f"{corpus_name(corpus)}, newsprism annotate()",
                            actors_codebook=actors_codebook)


def plot_outlet_tone(by_outlet: pd.DataFrame, dots: pd.DataFrame, label: str, seed: int = 0):
    """One row per outlet: sentence dots (jittered, seeded) and the mean with its interval."""
    import matplotlib.pyplot as plt

    outlets = by_outlet["outlet"].tolist()
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.5))
    rng = np.random.default_rng(seed)
    for i, outlet in enumerate(outlets):
        values = dots.loc[dots["outlet"] == outlet, "score"]
        ax.scatter(values, i + rng.uniform(-0.18, 0.18, len(values)), s=9, alpha=0.35,
                   color="#4c72b0")
    ax.errorbar(by_outlet["estimate"], range(len(outlets)),
                xerr=interval_errors(by_outlet["estimate"], by_outlet["ci_low"],
                                     by_outlet["ci_high"]),
                fmt="D", color="black", capsize=4, label="mean, 95% bootstrap CI")
    ax.set_yticks(range(len(outlets)), [f"{o} (n={n})" for o, n in
                                        zip(outlets, by_outlet["n_sentences"], strict=True)])
    ax.axvline(0, color="grey", lw=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(f"sentence score ({label})")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Sentence tone per outlet")
    fig.tight_layout()
    return fig


def single_article_outlets(by_outlet: pd.DataFrame) -> list[str]:
    """Outlets represented by one article (their interval describes that article only)."""
    return by_outlet[by_outlet["n_articles"] == 1]["outlet"].tolist()


def few_article_outlets(by_outlet: pd.DataFrame) -> list[str]:
    """Outlets with fewer than :data:`~newsprism.core.stats.MIN_ARTICLES` articles: their
    interval resamples sentences and describes those articles only."""
    return by_outlet[~by_outlet["n_articles"].map(stats.enough_articles)]["outlet"].tolist()


def tone_extremes(by_outlet: pd.DataFrame) -> str:
    """The lowest and highest outlet mean with their intervals (the lowest one's sentences and
    articles named), whether the intervals overlap and the runners-up; outlets that tie are
    named together (:func:`newsprism.compare.readings.tied_at`).

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "estimate": [0.07, 0.07], "ci_low": [0.0, 0.0],
    ...                   "ci_high": [0.1, 0.1], "n_sentences": [9, 9], "n_articles": [3, 3]})
    >>> tone_extremes(t)
    'Both outlets have the same mean sentence tone (+0.07), so neither ranks above the other.'
    """
    low = by_outlet.loc[by_outlet["estimate"].idxmin()]
    high = by_outlet.loc[by_outlet["estimate"].idxmax()]
    if low["estimate"] == high["estimate"]:
        return all_equal_text(by_outlet, "mean sentence tone", f"{low['estimate']:+.2f}")
    lows, highs = tied_at(by_outlet, highest=False), tied_at(by_outlet)
    low_text = (f"{low['estimate']:+.2f}, 95% CI {low['ci_low']:+.2f} to {low['ci_high']:+.2f}; "
                f"{int(low['n_sentences']):,} sentences in {plural(int(low['n_articles']), 'article')}"
                if len(lows) == 1 else f"{low['estimate']:+.2f} each")
    high_text = (f"{high['estimate']:+.2f}, {high['ci_low']:+.2f} to {high['ci_high']:+.2f}"
                 if len(highs) == 1 else f"{high['estimate']:+.2f} each")
    verdict = thin_extremes_text(low, high) or (
        ("the intervals overlap, so there is no clear difference."
         if low["ci_high"] >= high["ci_low"] else "the intervals do not overlap.")
        + runner_up_text(by_outlet))
    return (f"{tied_names(lows)} the lowest mean sentence tone ({low_text}), "
            f"{tied_names(highs).rsplit(' ', 1)[0]} the highest ({high_text}); " + verdict)


def outlet_tone_reading(by_outlet: pd.DataFrame) -> str:
    """The lowest and highest outlet mean with intervals, whether the intervals overlap (the
    key finding says the same), and the single-article caveat. The lowest outlet's sentences and
    articles are named as such: the table's ``n`` counts the units resampled (articles, or the
    sentences of a single article)."""
    few = few_article_outlets(by_outlet)
    return when_comparable(by_outlet["outlet"], tone_extremes(by_outlet),
                           "mean sentence tone") + " " + (
        f"{len(few)} of {plural(len(by_outlet), 'outlet')} {verb(len(few), 'has', 'have')} "
        f"fewer than {stats.MIN_ARTICLES} articles here, so {verb(len(few), 'its', 'their')} "
        f"{verb(len(few), 'interval resamples', 'intervals resample')} sentences and "
        f"{verb(len(few), 'describes', 'describe')} those articles, not the outlet's coverage "
        "in general." if few else "Intervals resample whole articles.")


def tone_section(ctx: SentimentContext, out_dir: str, n_boot: int = stats.N_BOOT, seed: int = 0,
                 dots_per_outlet: int = 1500) -> Group:
    """Sentence scores per outlet (dots: a seeded sample of at most ``dots_per_outlet``) with
    the outlet mean and bootstrap interval (figure, table) and the reading.
    ``facts``: the outlet table (``by_outlet``)."""
    engine, label = ctx.engine, ctx.label
    by_outlet = sentiment.outlet_scores(ctx.ann, engine, "all", n_boot=n_boot, seed=seed)
    save_table(by_outlet, f"sentiment_outlets_{engine}", out_dir)
    sentences = sentiment.sentence_scores(ctx.ann, engine, "all")
    dots = stats.sample_rows(sentences, dots_per_outlet, by="outlet", seed=seed)
    sampled = ("" if len(dots) == len(sentences) else
               f" Dots: a seeded random sample of at most {dots_per_outlet:,} sentences per outlet "
               f"({len(dots):,} of {len(sentences):,} drawn); the means and intervals use every "
               "sentence.")
    return Group("tone", [
        Section("tone-figure", figure=plot_outlet_tone(by_outlet, dots, label, seed), caption=(
            "Sentence scores per outlet with the outlet mean and its bootstrap 95% interval "
            f"({n_boot:,} resamples, seed {seed}). Engine: {label}." + sampled + " "
            + validation_caveat("sentiment", engine=engine)),
            facts=dict(n=len(sentences), unit="sentences", source=ctx.source)),
        table_section("tone-table", by_outlet, (
            "Outlet tone: mean sentence score, n and bootstrap 95% interval. 'resampled' says "
            f"what the bootstrap resampled: articles when an outlet has at least "
            f"{stats.MIN_ARTICLES}, otherwise the sentences of its articles (see 'note'). "
            f"Engine: {label}. "
            + validation_caveat("sentiment", engine=engine)),
            reading=outlet_tone_reading(by_outlet),
            facts=dict(n=int(by_outlet["n_sentences"].sum()), unit="sentences",
                       source=ctx.source))], facts={"by_outlet": by_outlet})


def paragraph_summary(by_paragraph: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: paragraphs, mean, sd, most negative and most positive paragraph score."""
    return (by_paragraph.groupby("outlet", as_index=False)
            .agg(paragraphs=("paragraph_id", "size"), mean=("score", "mean"),
                 sd=("score", "std"), most_negative=("score", "min"),
                 most_positive=("score", "max")))


ARTICLE_ORDER = ("each outlet's most extreme article tone (largest |estimate|) first, then its "
                 "next, outlet by outlet")


def articles_by_extremeness(by_article: pd.DataFrame) -> pd.DataFrame:
    """The article table in :data:`ARTICLE_ORDER` (ties by article_id): every outlet's most
    negative or positive article first, then every outlet's second, so the first rows shown of
    a large corpus cover every outlet.

    >>> t = pd.DataFrame({"outlet": ["B", "A", "A", "B"], "article_id": ["b1", "a1", "a2", "b2"],
    ...                   "estimate": [0.9, 0.1, -0.5, 0.2]})
    >>> articles_by_extremeness(t)["article_id"].tolist()
    ['a2', 'b1', 'a1', 'b2']
    """
    extreme = by_article["estimate"].abs().rename("_extreme")
    ordered = pd.concat([by_article, extreme], axis=1).sort_values(
        ["_extreme", "article_id"], ascending=[False, True], kind="stable", na_position="last")
    ordered["_rank"] = ordered.groupby("outlet").cumcount()
    ordered = ordered.sort_values(["_rank", "outlet"], kind="stable")
    return ordered.drop(columns=["_extreme", "_rank"]).reset_index(drop=True)


def levels_section(ctx: SentimentContext, out_dir: str, n_boot: int = stats.N_BOOT,
                   seed: int = 0) -> Group:
    """The sentence scores averaged per article (with interval) and per paragraph."""
    engine, label = ctx.engine, ctx.label
    by_article = sentiment.article_scores(ctx.ann, engine, "all", n_boot=n_boot, seed=seed)
    by_paragraph = sentiment.paragraph_scores(ctx.ann, engine)
    save_table(by_article, f"sentiment_articles_{engine}", out_dir)
    save_table(by_paragraph, f"sentiment_paragraphs_{engine}", out_dir)
    return Group("levels", [
        table_section("articles", articles_by_extremeness(by_article), (
            "Article tone: mean sentence score with bootstrap 95% interval over the article's "
            f"sentences. Engine: {label}."), order=ARTICLE_ORDER,
            facts=dict(n=len(by_article), unit="articles", source=ctx.source)),
        table_section("paragraphs", paragraph_summary(by_paragraph), (
            f"Paragraph tone per outlet (paragraph = mean of its sentences). Engine: {label}."),
            facts=dict(n=len(by_paragraph), unit="paragraphs", source=ctx.source))])


def voices_wide(voices: pd.DataFrame) -> pd.DataFrame:
    """:func:`newsprism.sentiment.voice_comparison`'s long table with one row per outlet and
    columns ``<measure>``, ``<measure>_ci_low``, ``<measure>_ci_high``, ``<measure>_n``
    (for drawing both voices side by side)."""
    wide = voices.pivot(index="outlet", columns="measure",
                        values=["estimate", "ci_low", "ci_high", "n"])
    wide.columns = [m if value == "estimate" else f"{m}_{value}" for value, m in wide.columns]
    return wide.reset_index()


def plot_voices(voices: pd.DataFrame, label: str):
    """Author and quoted mean per outlet, each with its interval (from the long voice table)."""
    import matplotlib.pyplot as plt

    wide = voices_wide(voices)
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(wide) + 1.5))
    y = np.arange(len(wide))
    for voice, shift, fmt, color, text in (("author", -0.12, "o", "#4c72b0", "outlet's own words"),
                                           ("quoted", 0.12, "s", "#dd8452", "quoted words")):
        ax.errorbar(wide[voice], y + shift, fmt=fmt, capsize=3, color=color, label=text,
                    xerr=interval_errors(wide[voice], wide[f"{voice}_ci_low"],
                                         wide[f"{voice}_ci_high"]))
    ax.set_yticks(y, [f"{o} (n={int(a)}/{int(q)})" for o, a, q in
                      zip(wide["outlet"], wide["author_n"], wide["quoted_n"], strict=True)])
    ax.axvline(0, color="grey", lw=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(f"mean score ({label})")
    ax.legend(fontsize=8)
    ax.set_title("Own voice versus quoted voice")
    fig.tight_layout()
    return fig


def clear_gaps(voices: pd.DataFrame) -> pd.DataFrame:
    """The ``gap`` rows whose interval excludes 0 (one per outlet at most); a gap over fewer
    than :data:`~newsprism.core.stats.MIN_ARTICLES` articles has no interval and is never
    one."""
    gaps = voices[voices["measure"] == "gap"]
    gaps = gaps[gaps["n_articles"].map(stats.enough_articles).astype(bool)]
    return gaps[(gaps["ci_low"] > 0) | (gaps["ci_high"] < 0)]


def by_chance(tested: int) -> str:
    """How many of ``tested`` uncorrected 95% intervals would exclude 0 with no real gap (two
    significant digits: five outlets give 0.25, which one decimal would print as 0.2).

    >>> by_chance(7)
    'about 0.35 would exclude 0 by chance alone'
    """
    return f"about {0.05 * tested:.2g} would exclude 0 by chance alone"


def few_article_gaps_text(gaps: pd.DataFrame) -> str:
    """The outlets whose gap rests on too few articles for an interval, grouped by how many
    and each group with why (:func:`few_articles_text`), or "".

    >>> few_article_gaps_text(pd.DataFrame({"outlet": ["A", "B", "C"], "n_articles": [2, 9, 0]}))
    '**A** has its gap from 2 articles (fewer than 5): no interval over articles. '
    >>> few_article_gaps_text(pd.DataFrame({"outlet": list("ABCD"), "n_articles": [1] * 4}))
    '4 outlets, among them **A**, **B** and **C**, have their gap from a single article: no interval over articles. '
    """
    few = gaps[~gaps["n_articles"].map(stats.enough_articles).astype(bool)
               & (gaps["n_articles"] > 0)]  # no quoted words at all: nothing to compare
    return "".join(
        f"{tied_names(sorted(group['outlet'].astype(str)), 'has its gap', 'have their gap')} "
        f"{few_articles_text(n)}. " for n, group in few.groupby("n_articles"))


def voice_reading(voices: pd.DataFrame) -> str:
    """Where the quoted voice differs clearly from the outlet's own: only outlets whose
    voices come from at least :data:`~newsprism.core.stats.MIN_ARTICLES` articles are
    tested, the others are named with why (:func:`few_article_gaps_text`).

    >>> v = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "measure": ["quoted", "gap"] * 2,
    ...                   "n": [3, 9, 4, 12], "n_articles": [6, 6, 2, 2],
    ...                   "ci_low": [0.0, 0.1, 0.0, float("nan")],
    ...                   "ci_high": [0.5, 0.3, 0.5, float("nan")]})
    >>> print(voice_reading(v)[:208])
    Quoted words are scored on 7 sentence parts. The quoted voice differs clearly from the outlet's own voice (interval of the gap over articles excludes 0) in: A. **B** has its gap from 2 articles (fewer than 5)
    """
    n_quoted = int(voices.loc[voices["measure"] == "quoted", "n"].sum())
    if not n_quoted:
        return ("No sentence holds quoted words (no speech quotation was found), so the "
                "outlets' own voice cannot be compared with the voices they quote.")
    gaps = voices[voices["measure"] == "gap"]
    clear = clear_gaps(voices)
    tested = gap_outlets(voices)
    chance = (f"; each is one of {tested} outlets' 95% intervals, not corrected for the "
              f"comparison: {by_chance(tested)}" if tested > 1 else "")
    if len(clear):
        found = ("The quoted voice differs clearly from the outlet's own voice (interval of the "
                 f"gap over articles excludes 0) in: {', '.join(clear['outlet'])}{chance}. ")
    elif tested:
        found = "No outlet shows a gap whose interval over articles excludes 0. "
    else:
        found = "No outlet's gap has an interval over articles. "
    return (f"Quoted words are scored on {n_quoted:,} sentence parts. " + found
            + few_article_gaps_text(gaps)
            + "Quoted words are scored with the same word lists as the outlet's own: a positive "
              "word in a source's mouth (\"support\", \"friendship\") counts whatever the "
              "outlet makes of it, which is why the two voices are kept apart.")


def voice_section(ctx: SentimentContext, out_dir: str, n_boot: int = stats.N_BOOT,
                  seed: int = 0) -> Group:
    """The outlet's own words against the quoted words: means, intervals and gap per outlet.
    ``facts``: the voice table (``voices``)."""
    engine, label = ctx.engine, ctx.label
    voices = sentiment.voice_comparison(ctx.ann, engine, n_boot=n_boot, seed=seed)
    save_table(voices, f"sentiment_voice_{engine}", out_dir)
    spans = ", ".join(sorted(ctx.ann.sentiment["voice_source"].dropna().unique()))
    parts = dict(n=int(voices.loc[voices["measure"] != "gap", "n"].sum()),
                 unit="sentence parts", source=ctx.source)
    return Group("voice", [
        Section("voice-figure", figure=plot_voices(voices, label), caption=(
            "Mean score of the author part and the quoted part of sentences, with bootstrap "
            "95% intervals over articles (over sentence parts where a voice is in fewer than "
            f"{stats.MIN_ARTICLES} articles: note); labels give n author parts / n quoted "
            "parts. Quote spans from: "
            f"{spans}. Engine: {label}."), facts=parts),
        table_section("voice-table", voices, f"Author versus quoted voice per outlet. Engine: "
                      f"{label}.", reading=voice_reading(voices), facts=parts)],
        facts={"voices": voices})


def shown_actors(tone: pd.DataFrame, min_mentions: int = 3) -> list[str]:
    """Actors mentioned at least ``min_mentions`` times in the corpus, most mentioned first."""
    totals = tone.groupby("actor").size().sort_values(ascending=False)
    return totals[totals >= min_mentions].index.tolist()


def _extreme_actors(overall: pd.DataFrame, value: float) -> tuple[str, str]:
    """The actor(s) at ``value`` as printed (two decimals) and the figure, ties named as ties:
    ``("**A**", " (-0.30, n = 16)")`` or ``("**A** and **B**", ", tied at +0.16 (n = 8 and 6)")``."""
    at = overall[overall["mean"].round(2) == round(value, 2)]
    sizes = " and ".join(str(int(n)) for n in at["size"])
    return (" and ".join(f"**{a}**" for a in at.index),
            f" ({value:+.2f}, n = {sizes})" if len(at) == 1 else
            f", tied at {value:+.2f} (n = {sizes})")


def actors_reading(tone: pd.DataFrame, actors: list[str]) -> str:
    """The most mentioned actors and those met with the most negative and positive tone."""
    overall = tone.groupby("actor")["score"].agg(["mean", "size"]).loc[actors]
    (low, low_figure), (high, high_figure) = (_extreme_actors(overall, overall["mean"].min()),
                                              _extreme_actors(overall, overall["mean"].max()))
    return (f"The most mentioned actors are {', '.join(actors[:4])}. Across outlets the "
            f"mentions of {low} are the most negative{low_figure} and those around {high} the "
            f"most positive{high_figure}. Check the evidence table before reading a cell: the score reads the words around "
            "the mention, including the quoted words of the actor itself.")


def actors_section(ctx: SentimentContext, out_dir: str, tone_engine: str = "model",
                   n_boot: int = stats.N_BOOT, seed: int = 0, min_mentions: int = 3) -> Group:
    """Tone toward each actor per outlet (heatmap of means with n), the outlet × actor table
    with intervals, the most positive and negative clause per actor, and the reading."""
    from newsprism.report.caveats import actor_tone_note

    tone = sentiment.actor_tone(ctx.ann, tone_engine)
    table = sentiment.outlet_actor_tone(tone, n_boot=n_boot, seed=seed)
    label = sentiment.TONE_ENGINE_LABEL[tone_engine]
    validity = actor_tone_note(tone_engine)
    save_table(tone.drop(columns=["clause"]), f"sentiment_actor_mentions_{tone_engine}", out_dir)
    save_table(table, f"sentiment_outlet_actor_{tone_engine}", out_dir)
    actors = shown_actors(tone, min_mentions)
    if not actors:
        from newsprism.quotes.stats import most_quoted_speakers

        return Group("actors", [Section("actors", reading=no_actors_reading(
            ctx.actors_codebook, f"mentioned {min_mentions} or more times in this corpus "
            f"({len(tone)} mentions in all); list more of the story's actors or lower "
            "min_mentions to see this section",
            most_quoted_speakers(ctx.ann.tables.get("quotes"), merge_names=True)))])
    heat = table[table["actor"].isin(actors)]
    values = heat.pivot(index="actor", columns="outlet", values="estimate").reindex(actors)
    counts = heat.pivot(index="actor", columns="outlet", values="n").reindex(actors)
    figure = heatmap.plot_heatmap(values, cmap="RdBu", vmin=-1, vmax=1, value_format="{:+.2f}",
                                  detail=heatmap.count_labels(counts),
                                  title="Tone toward each actor, per outlet",
                                  colorbar_label=f"mean tone score ({tone_engine})")
    evidence = sentiment.actor_evidence(tone[tone["actor"].isin(actors)])
    mentions = dict(n=len(tone), unit="mentions")
    return Group("actors", [
        Section("actors-figure", figure=figure, caption=(
            "Mean tone toward each actor, per outlet; each cell gives the mean and n mentions "
            f"(blank: not mentioned). Actors with at least {min_mentions} mentions; "
            f"{int(tone['no_evidence'].sum())} of {len(tone)} mentions had no evaluative word. "
            f"Engine: {label}. {validity}"), facts=dict(
            mentions, source=f"{ctx.source}; actor registry "
            f"{codebook_label(ctx.actors_codebook, 'actors_codebook', 'actors.yml')}")),
        Section("actors-table", table=heat, max_rows=120, caption=(
            "Outlet × actor: n mentions, n articles, mean tone score and bootstrap 95% interval "
            f"over the articles mentioning the actor (over its mentions below "
            f"{stats.MIN_ARTICLES} articles: note; mentions in one article are not "
            "independent). "
            f"Engine: {label}. {validity}"), facts=dict(mentions, source=ctx.source)),
        Section("actors-evidence", table=evidence, max_rows=80, html_columns=("evidence",),
                caption=("Evidence: the most positive and most negative clause for each "
                         f"actor, mention marked. Engine: {label}. {validity}"),
                reading=actors_reading(tone, actors),
                facts=dict(n=len(evidence), unit="clauses", source=ctx.source))])


def plot_arcs(arc_shown: pd.DataFrame, engine: str):
    """One panel per article: sentence scores in reading order and their rolling mean."""
    import matplotlib.pyplot as plt

    arc_ids = arc_shown["article_id"].drop_duplicates().tolist()
    columns = min(3, len(arc_ids))
    rows = int(np.ceil(len(arc_ids) / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(3.5 * columns, 2.6 * rows), sharey=True,
                             squeeze=False)
    for ax, article_id in zip(axes.flat, arc_ids, strict=False):
        part = arc_shown[arc_shown["article_id"] == article_id]
        ax.bar(part["position"], part["score"], width=1 / max(len(part), 1), color=np.where(
            part["score"] >= 0, "#8fbc8f", "#e9967a"))
        ax.plot(part["position"], part["smoothed"], color="black", lw=1.2)
        ax.axhline(0, color="grey", lw=0.6)
        ax.set_title(f"{part['outlet'].iloc[0]}\n{article_id} (n={len(part)})", fontsize=9)
        ax.set_xlabel("position in article")
    for ax in list(axes.flat)[len(arc_ids):]:
        ax.axis("off")
    axes[0, 0].set_ylabel(f"score ({engine})")
    fig.tight_layout()
    return fig


def halves_reading(arc: pd.DataFrame) -> str:
    """Mean sentence score of the first and second half of the articles, and the change from
    one to the other per article with its bootstrap 95% interval over articles (the comparison
    the sentence makes, tested).

    >>> halves_reading(pd.DataFrame({"article_id": ["a", "a"], "position": [0.1, 0.9],
    ...                              "score": [0.5, -0.25]}))[:89]
    'Across articles the first half averages +0.50 and the second half -0.25 (n = 2 sentences)'
    """
    arc = arc.assign(half=np.where(arc["position"] < 0.5, "first", "second"))
    halves = arc.groupby("half")["score"].mean()
    text = (f"Across articles the first half averages {halves.get('first', np.nan):+.2f} and "
            f"the second half {halves.get('second', np.nan):+.2f} (n = {len(arc):,} sentences)")
    per_article = arc.pivot_table(index="article_id", columns="half", values="score")
    change = (per_article["second"] - per_article["first"]).dropna() if {
        "first", "second"} <= set(per_article.columns) else pd.Series(dtype=float)
    if len(change) < 2:
        return text + ("; with fewer than two articles the change has no interval. The bars "
                       "show where individual articles turn.")
    low, high = stats.bootstrap_ci(change.to_numpy())
    shown = stats.interval_decimals(low, high)
    verdict = ("a clear change" if low > 0 or high < 0 else
               "no clear change: the interval includes 0")
    near = next((side for bound, side in ((low, "above"), (high, "below"))
                 if bound != 0 and round(bound, shown) == 0 and verdict == "a clear change"), "")
    verdict += f" (the interval's bound is just {near} 0)" if near else ""
    return (text + f"; per article the second half differs by {change.mean():+.{shown}f} (95% "
            f"CI {low:+.{shown}f} to {high:+.{shown}f}, {len(change):,} articles), {verdict}. The "
            "bars show where individual articles turn.")


def arc_section(ctx: SentimentContext, window: int = 5, n_articles: int = 12,
                seed: int = 0) -> Section:
    """Sentence scores through each article (a seeded sample of ``n_articles`` spread over
    outlets), smoothed with a centred rolling mean over ``window`` sentences."""
    from newsprism.viz.display import sample_groups

    arc = sentiment.tone_arc(ctx.ann, ctx.engine, window=window)
    shown = sample_groups(arc, "article_id", n_articles, by="outlet", seed=seed)
    n_shown, n_all = shown["article_id"].nunique(), arc["article_id"].nunique()
    return Section("arc", figure=plot_arcs(shown, ctx.engine), caption=(
        f"Tone arc: each bar is a sentence, the line a rolling mean over {window} sentences. "
        f"Engine: {ctx.label}." + ("" if n_shown == n_all else
                                   f" Showing {n_shown} of {n_all} articles (a seeded random "
                                   "sample, spread over outlets); the halves below average all "
                                   "of them.")),
        reading=halves_reading(arc), facts=dict(n=len(arc), unit="sentences", source=ctx.source))


def extremes_section(ctx: SentimentContext, out_dir: str, top_k: int = 5) -> Section:
    """The ``top_k`` most positive and most negative sentences, driving words highlighted."""
    engine = ctx.engine
    extremes = sentiment.extreme_sentences(ctx.ann, engine, k=top_k)
    save_table(extremes.drop(columns=["html"]), f"sentiment_extremes_{engine}", out_dir)
    proxy = " (used as a proxy: TextBlob has no per-word trace)" if engine == "textblob" else ""
    return table_section("extremes", extremes.drop(columns=["text"]).rename(
        columns={"html": "sentence"}), (
        f"The {top_k} most positive and {top_k} most negative sentences (at least 6 words) with "
        f"outlet. Ranked by {ctx.label}; highlighted words show VADER's per-word contributions"
        f"{proxy}."), html_columns=("sentence",), reading=extremes_reading(extremes),
        facts=dict(n=len(extremes), unit="sentences", source=ctx.source))


def extremes_reading(extremes: pd.DataFrame) -> str:
    """The words that drive the listed sentences' scores, from their own VADER valences
    (:func:`newsprism.sentiment.scoring.driving_words`), instead of example words that may not
    be in them.

    >>> t = pd.DataFrame({"side": ["positive", "negative"],
    ...                   "text": ["A great and warm alliance.", "The war killed many."]})
    >>> print(extremes_reading(t))
    Read the highlighted words: the most positive sentences rest most on "great" (+3.1, in 1 \
sentence), "warm" (+0.9, in 1 sentence); the most negative on "killed" (-3.5, in 1 sentence), \
"war" (-2.9, in 1 sentence) (VADER valences summed over the listed sentences). A word list \
scores such words whatever their role in the sentence.
    """
    def words(side: str) -> str:
        found = sentiment.driving_words(extremes.loc[extremes["side"] == side, "text"],
                                        positive=side == "positive")
        return ", ".join(f'"{w}" ({v:+.1f}, in {n} sentence{"s" if n > 1 else ""})'
                         for w, v, n in found) or "no word of the lexicon"

    return ("Read the highlighted words: the most positive sentences rest most on "
            f"{words('positive')}; the most negative on {words('negative')} (VADER valences "
            "summed over the listed sentences). A word list scores such words whatever their "
            "role in the sentence.")


def plot_engine_pair(points: pd.DataFrame):
    """VADER compound against TextBlob polarity, one dot per sentence."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    ax.scatter(points["vader"], points["textblob"], s=10, alpha=0.5)
    ax.axhline(0, color="grey", lw=0.6)
    ax.axvline(0, color="grey", lw=0.6)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("TextBlob polarity")
    ax.set_title("VADER versus TextBlob, per sentence")
    fig.tight_layout()
    return fig


def agreement_reading(agreement: pd.DataFrame, wide: pd.DataFrame) -> str:
    """The weakest pair of engines (Pearson r with interval and n) and the next pair, said to
    be inside or above that interval."""
    if not len(agreement):
        return "Only one engine was compared."
    r = agreement[agreement["measure"] == "pearson_r"].sort_values("estimate", kind="stable")
    weakest = r.iloc[0]
    sampled = f" sampled of {int(wide.attrs['n_total']):,}" if wide.attrs.get("sampled") else ""
    following = ""
    if len(r) > 1:  # a "weakest" pair is named against the next one
        nxt = r.iloc[1]
        inside = nxt["estimate"] <= weakest["ci_high"]
        following = (f"; next: {nxt['engine_a']} / {nxt['engine_b']}, r = {nxt['estimate']:.2f}"
                     + (", inside that interval, so the two pairs are not told apart"
                        if inside else ", above that interval"))
    return (f"The weakest pair is {weakest['engine_a']} / {weakest['engine_b']} "
            f"(r = {weakest['estimate']:.2f}, 95% CI {weakest['ci_low']:.2f}–"
            f"{weakest['ci_high']:.2f}, "
            f"n = {int(weakest['n']):,}{sampled}{following}). Where engines disagree, a conclusion "
            "should not rest on one engine.")


def _engine_pair_part(ctx: SentimentContext, wide: pd.DataFrame, max_points: int,
                      seed: int) -> Section:
    points = stats.sample_rows(wide, max_points, seed=seed)
    return Section("engine-pair", figure=plot_engine_pair(points), caption=(
        "Each dot is a sentence scored by both engines."
        + ("" if len(points) == len(wide) else
           f" Showing a seeded random sample of {len(points):,} of the {len(wide):,} compared "
           "sentences.")
        + (f" The compared sentences are a seeded random sample of {len(wide):,} of "
           f"{int(wide.attrs['n_total']):,} (see the table above)." if wide.attrs.get("sampled")
           else "")), facts=dict(n=len(wide), unit="sentences", source=ctx.source))


def agreement_section(ctx: SentimentContext, out_dir: str, engines: list[str],
                      max_scored: int = 5000, seed: int = 0,
                      dots_per_outlet: int = 1500) -> Group:
    """Pairwise agreement of ``engines`` on the corpus sentences (Pearson r, same class), and
    VADER against TextBlob per sentence when both are compared."""
    wide = sentiment.engine_scores_wide(ctx.ann, engines, max_scored=max_scored, seed=seed)
    agreement = sentiment.engine_agreement(wide, engines)
    save_table(agreement, "sentiment_engine_agreement", out_dir)
    note = sentiment.agreement_sample_note(wide)
    reading = Section("agreement-reading", reading=agreement_reading(agreement, wide))
    table = table_section("agreement", agreement, (
        f"Pairwise agreement of sentiment engines on the corpus sentences (engines: "
        f"{', '.join(engines)})." + (f" {note}" if note else "")),
        facts=dict(n=len(wide), unit="sentences", source=ctx.source))
    if not {"vader", "textblob"} <= set(wide.columns):
        return Group("agreement", [table, reading])
    return Group("agreement", [table, _engine_pair_part(ctx, wide, 4 * dots_per_outlet, seed),
                               reading])


def validation_section() -> Section:
    """The engines against human-rated NYT editorial sentences (latest ``make validate``)."""
    from newsprism.core.validate import load_results, stale_note

    results = load_results()
    results = results[results["measure"] == "sentiment"] if len(results) else results
    if not len(results):
        return Section("validation", reading="No validation results saved yet: run "
                       "`make validate`.")
    if pd.to_numeric(results["value"], errors="coerce").isna().all():
        status = "; ".join(dict.fromkeys(results["status"].dropna().astype(str))) or "no figure"
        return Section("validation", reading=(
            f"The saved validation has no figure for the sentence engines ({status}), so how "
            "far their scores agree with human ratings is not established here. "
            + stale_note(["sentiment"])).rstrip())
    return table_section("validation", results.drop(columns=["measure"]), (
        "Sentiment engines against human ratings (latest `make validate`). "
        + stale_note(["sentiment"])).rstrip(), facts=dict(
        n=int(results["n"].max()), unit="sentences", source=(
            "vaderSentiment 3.3.2 sdist, nytEditorialSnippets_GroundTruth.txt")))


def gap_outlets(voices: pd.DataFrame) -> int:
    """How many outlets' gaps have an interval over articles (both voices in at least
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles): the outlets tested for a gap."""
    gaps = voices[voices["measure"] == "gap"]
    return int((gaps["ci_low"].notna()
                & gaps["n_articles"].map(stats.enough_articles).astype(bool)).sum())


def _chance_note(voices: pd.DataFrame) -> str:
    tested = gap_outlets(voices)
    return (f" (intervals not corrected for the {tested} comparisons: {by_chance(tested)})"
            if tested > 1 else "")


def gap_finding(voices: pd.DataFrame) -> str:
    """The key finding on quoted vs own words: clear gaps among the outlets tested (those with
    the minimum of articles), and how many outlets were not tested.

    >>> v = pd.DataFrame({"outlet": ["A", "B", "C"], "measure": "gap", "n_articles": [6, 2, 1],
    ...                   "ci_low": [0.1, float("nan"), float("nan")],
    ...                   "ci_high": [0.3, float("nan"), float("nan")]})
    >>> gap_finding(v)
    'Quoted words vs own words: a gap whose 95% interval over articles excludes 0 in 1 of 1 outlet with both voices in at least 5 articles; 2 outlets with fewer have no interval. '
    """
    tested = gap_outlets(voices)
    untested = int(voices.loc[voices["measure"] == "gap", "outlet"].nunique()) - tested
    if not tested:
        return (f"Quoted words vs own words: no outlet has both voices in at least "
                f"{stats.MIN_ARTICLES} articles, so no gap has an interval over articles. ")
    return (f"Quoted words vs own words: a gap whose 95% interval over articles excludes 0 in "
            f"{len(clear_gaps(voices))} of {plural(tested, 'outlet')} with both voices in at "
            f"least {stats.MIN_ARTICLES} articles" + _chance_note(voices)
            + (f"; {plural(untested, 'outlet')} with fewer {verb(untested, 'has', 'have')} no "
               "interval" if untested else "") + ". ")


def scored_note(articles: pd.DataFrame | None) -> str:
    """What the index line must say when other-language articles were not scored.

    >>> scored_note(pd.DataFrame({"language": ["en", "de", "de"]}))
    ' English articles only: 2 of 3 articles, in other languages, were not scored.'
    >>> scored_note(pd.DataFrame({"language": ["en"]}))
    ''
    """
    if articles is None:
        return ""
    other = len(articles) - len(language.english_articles(articles))
    return (f" English articles only: {other} of {plural(len(articles), 'article')}, in other "
            "languages, were not scored." if other else "")


def key_findings(ctx: SentimentContext, tone: Group, voice: Group) -> list[str]:
    """The outlets with the lowest and highest tone, quoted-voice gaps, single-article outlets."""
    by_outlet, voices = tone.facts["by_outlet"], voice.facts["voices"]
    outlets = evidence_link(NOTEBOOK, "tone-table", f"sentiment_outlets_{ctx.engine}")
    return [
        extremes_text(by_outlet, "mean sentence tone", basis=f"{ctx.engine}; every sentence, "
                      "quoted words included").replace("**", "")
        + scored_note(getattr(ctx.ann, "articles", None))
        + f" {outlets}",
        gap_finding(voices)
        + evidence_link(NOTEBOOK, "voice-table", f"sentiment_voice_{ctx.engine}"),
        f"Fewer than {stats.MIN_ARTICLES} articles (no interval over articles): "
        f"{len(few_article_outlets(by_outlet))} of {plural(len(by_outlet), 'outlet')}"
        f"{_single_tail(len(few_article_outlets(by_outlet)), len(single_article_outlets(by_outlet)))}"
        f". {outlets}",
    ]


def _single_tail(few: int, single: int) -> str:
    """How many of the ``few`` thin outlets have a single article ('' when none).

    >>> _single_tail(5, 5), _single_tail(2, 1), _single_tail(1, 1), _single_tail(2, 0)
    (', all from a single article', ', 1 of them from a single article', ', from a single article', '')
    """
    if not single:
        return ""
    if single == few:
        return ", all from a single article" if few > 1 else ", from a single article"
    return f", {single} of them from a single article"
