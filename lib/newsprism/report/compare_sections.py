"""The sections of the ``40_source_comparison`` notebook: one function per section, each
returning a :class:`~newsprism.viz.section.Section` or :class:`~newsprism.viz.section_group.Group`
(tables saved, figures, captions with n, unit and source, readings, findings).

Usage (in a notebook)::

    ctx = prepare("", top_terms=10, ngram=8)
    summary_section(ctx, out_dir="").show()
    hedging_section(ctx, out_dir="").show()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsprism.compare import (
    claim_statements,
    hedging,
    keyness,
    multiple_testing,
    profiles,
    readings,
    similarity,
    sourcing,
    summary,
    wording,
)
from newsprism.core.stats import MIN_ARTICLES, enough_articles
from newsprism.report import caveats
from newsprism.report.runner import save_table
from newsprism.viz.section import Section
from newsprism.viz.section_group import Group, table_section

NOTEBOOK = "40_source_comparison"


@dataclass
class CompareContext:
    """The annotations, the comparison's tables (:func:`newsprism.compare.outlets.compare_outlets`),
    the English articles compared, the corpus name for captions and the run's options."""

    annotations: Any
    result: dict[str, pd.DataFrame]
    english: pd.DataFrame
    source: str
    top_terms: int
    ngram: int
    sourcing_label: str = "data/codebooks/sourcing_generic.yml"  # as captions name the codebooks
    hedging_label: str = "data/codebooks/hedging.yml"
    codebook: str = "generic"  # the frame codebook the frames table was annotated with
    claims_label: str = "data/codebooks/claims_units_generic.yml"  # the claims' units

    @property
    def frame_validity(self) -> str:
        """What gold data says of the frame cue hits the frame rates count, for captions."""
        from newsprism.framing.shares import codebook_validity

        return codebook_validity(self.codebook) + "."

    @property
    def n_articles(self) -> int:
        return len(self.english)

    @property
    def n_outlets(self) -> int:
        return self.english["outlet"].nunique()

    @property
    def headline(self) -> str:
        """What was read and compared, and which annotation tables exist (two lines)."""
        tables = self.annotations.tables
        available = ", ".join(f"{name} {len(t):,}" for name, t in tables.items()
                              if hasattr(t, "__len__"))
        skipped = "; ".join(f"{step} ({why})" for step, why in
                            self.annotations.skipped_steps.items()) or "none"
        return (f"{wording.plural(self.n_articles, 'English article')} from "
                f"{wording.plural(self.n_outlets, 'outlet')} "
                f"({len(tables['articles']) - self.n_articles} other-language articles not "
                f"compared) read from {self.source}\nannotation tables (rows): {available} | "
                f"skipped steps: {skipped}")


def prepare(corpus: str, top_terms: int = 10, ngram: int = 8, engine: str = "vader",
            codebook: str = "generic", actors_codebook: str = "none",
            sourcing_codebook: str = "generic", hedging_codebook: str = "",
            cleaning: str = "default", claims_units: str = "generic") -> CompareContext:
    """Annotate ``corpus`` (empty: the bundled corpus) with the notebooks' shared options and
    compare its outlets. Raises ValueError when no article could be read."""
    from newsprism.compare import outlets as compare
    from newsprism.core.provenance import corpus_name
    from newsprism.pipeline.annotate import annotate
    from newsprism.report import options as notebook_options

    options = notebook_options.annotation_options(codebook=codebook, engine=engine,
                                                  actors_codebook=actors_codebook,
                                                  cleaning=cleaning)
    annotations = annotate(corpus or None, options, progress=False)
    tables = annotations.tables
    articles = tables["articles"]
    if articles.empty:
        raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
    notebook_options.require_english(articles, "Outlet comparisons")
    result = compare.compare_outlets(
        tables, top_terms=top_terms, ngram=ngram, engine=engine,
        sourcing_codebook=notebook_options.codebook_file(sourcing_codebook, "sourcing_codebook"),
        hedging_codebook=notebook_options.codebook_file(hedging_codebook, "hedging_codebook"),
        frame_caveats=cue_caveats(codebook),
        claims_units=notebook_options.codebook_file(claims_units, "claims_units"))
    english = articles[articles["article_id"].isin(result["voices"]["article_id"])]
    return CompareContext(annotations=annotations, result=result, english=english,
                          source=corpus_name(annotations.corpus.source or corpus),
                          top_terms=top_terms, ngram=ngram, codebook=codebook,
                          sourcing_label=notebook_options.codebook_label(
                              sourcing_codebook, "sourcing_codebook", "sourcing.yml"),
                          hedging_label=notebook_options.codebook_label(
                              hedging_codebook, "hedging_codebook", "hedging.yml"),
                          claims_label=notebook_options.codebook_label(
                              claims_units, "claims_units", "claims_units.yml"))


def cue_caveats(codebook: str) -> dict[str, str]:
    """Frame -> a sentence for each frame whose any-cue-hit detector (what the frames table
    counts) does not beat 'always present' on NFC articles; only the shipped generic codebook
    has those figures (:func:`newsprism.framing.shares.presence_validity`).

    >>> sorted(cue_caveats("generic")), cue_caveats("story")
    (['conflict', 'responsibility'], {})
    """
    from newsprism.framing.codebook import load_codebook
    from newsprism.framing.shares import presence_validity

    book = load_codebook(codebook) if codebook else None
    if book is None or not (book.shipped and book.name == "generic"):
        return {}
    table = presence_validity()
    weak = table[(table["frame"] != "macro") & (table["f1_any_cue"] <= table["f1_baseline"])]
    return {r.frame: ("Its cue detector does not beat 'always present' on gold data (NFC "
                      f"articles, F1 {r.f1_any_cue:.2f} vs {r.f1_baseline:.2f}), so this rate is "
                      "not evidence of framing.") for r in weak.itertuples()}


def weak_frames_note(codebook: str, frames) -> str:
    """One sentence naming the ``frames`` whose cue detector does not beat its baseline
    (:func:`cue_caveats`), "" when none.

    >>> weak_frames_note("generic", ["conflict", "morality"])[:41]
    ' conflict: the cue detector does not beat'
    """
    names = sorted(set(frames) & set(cue_caveats(codebook)))
    whose = "its" if len(names) == 1 else "their"
    return (f" {', '.join(names)}: the cue detector does not beat 'always present' on gold data "
            f"(NFC articles), so {whose} figures here are not evidence of framing."
            if names else "")


def summary_section(ctx: CompareContext, out_dir: str) -> Group:
    """Generated statements per outlet, each linked to its evidence; ``findings``: the
    statements recorded as the report index's key findings."""
    summaries = ctx.result["summaries"]
    save_table(summaries, "comparison_summaries", out_dir)
    per_outlet = ctx.english["outlet"].value_counts() if len(ctx.english) else pd.Series([])
    n_thin = int(sum(not enough_articles(int(n)) for n in per_outlet))
    limits = readings.comparison_limits(ctx.n_outlets, ctx.n_articles, n_thin)
    findings = summary.findings_text(summaries, note=limits)
    on_index, more = summary.recorded_statements(findings, limits)
    note = Section("summary-statements", caption=(
        "Generated statements per outlet, each with the section and table row of its "
        "evidence."), reading=" ".join(filter(None, [
            limits, f"{wording.plural(on_index, 'statement')} (besides outlet sizes) "
            "recorded as key findings for the report index"
            + (f"; {wording.plural(more, 'more statement')} only here" if more else "")
            + ". Each is a description of these articles, not a verdict on the outlet."])),
        findings=findings,
        facts=dict(n=len(summaries), unit="statements",
                   source=f"{ctx.source}, newsprism.compare.outlets.outlet_summaries"))
    return Group("summary-section", [summary.summaries_html(summaries), note])


def profiles_reading(rates: pd.DataFrame) -> str:
    """The highest quotation and hedging rates (:func:`newsprism.compare.readings.top_rate_reading`)
    and how these pooled rates differ from 30_quotes' per-article means (on PolNeAR train 40
    ranked Western Journalism first, 30 Politico, and neither said why)."""
    return (readings.top_rate_reading(rates[rates["measure"] == "quotes_per_1k"],
                                     "rate of direct quotations") + " "
            + readings.top_rate_reading(rates[rates["measure"] == "hedges_per_1k"],
                                       "hedging rate", "per 1,000 words of its own voice")
            + " The rates are pooled: an outlet's quotations or hedges over all its words, so "
            "its longer articles weigh more. Intervals resample the outlet's articles; for an "
            f"outlet with fewer than {MIN_ARTICLES} articles they are exact Poisson intervals, "
            "which treat its quotations as independent, and no lead or test rests on them. 30_quotes averages each article's rate instead (every "
            "article weighs the same), so its ranking of quotation rates can differ from this "
            "one.")


def profiles_section(ctx: CompareContext, out_dir: str) -> Group:
    """Outlet profiles (table), rates per outlet (figure) and the quotation and hedging
    rate reading."""
    table = ctx.result["profiles"]
    save_table(table, "comparison_outlet_profiles", out_dir)
    rates = ctx.result["rates"]
    shown = table_section("profiles-table", table.drop(columns=["tone_engine"]), (
        "Outlet profiles (rates per 1,000 words; tone and subjectivity as per-article means, "
        f"engine: {table['tone_engine'].iloc[0] or 'none'}). frames_per_1k, top_frames: "
        + ctx.frame_validity + " quotes_per_1k: "
        + caveats.extraction_note() + " top_speakers, top_speaker_share: "
        + caveats.speaker_note()),
        facts=dict(n=ctx.n_articles, unit="articles",
                   source=f"{ctx.source}; sentiment, frames, quotes tables; codebooks "
                   f"{ctx.hedging_label} and {ctx.sourcing_label}"))
    tone = ctx.result["tone"]
    save_table(tone, "comparison_outlet_tone", out_dir)
    tone_table = table_section("tone-table", tone, (
        "Tone of each outlet's own voice: mean of its articles' mean sentence score, with a "
        "bootstrap 95% interval resampling the outlet's articles (an outlet with fewer than "
        f"{MIN_ARTICLES}: their sentences, an interval about those articles only, which no "
        "statement uses); p_value: against the median of the other outlets, q_value: "
        "Benjamini-Hochberg over every outlet and measure tested (the q the summary quotes); "
        "n = sentences."),
        facts=dict(n=int(tone["n"].sum()) if len(tone) else 0, unit="sentences",
                   source=f"{ctx.source}, newsprism.compare.profiles.outlet_tone"))
    # The readings quote each rate's family q: the table that holds it is saved with them.
    save_table(rates, "comparison_rate_tests", out_dir)
    figure = Section("profiles-figure", figure=profiles.plot_profiles(table, tone=tone), caption=(
        "Rates per outlet, each per 1,000 words of that outlet"
        + ("; first panel: the own-voice tone of the table above, with its interval."
           if len(tone) else ".") + " The tests the readings quote (p_value against the other "
        "outlets, q_value Benjamini-Hochberg over every outlet and measure tested) are in "
        "tables/comparison_rate_tests.csv."),
        reading=profiles_reading(rates),
        facts=dict(n=ctx.n_outlets, unit="outlets",
                   source=f"{ctx.source}, newsprism.compare.profiles.outlet_profiles"))
    return Group("profiles", [shown, tone_table, figure])


def frame_rate_reading(frames: pd.DataFrame) -> str:
    """The densest outlet-frame cell of :func:`newsprism.compare.profiles.frame_rates`' table.

    >>> print(frame_rate_reading(pd.DataFrame({"outlet": ["A", "B"], "frame": ["war", "aid"],
    ...                                        "estimate": [2.0, 3.5]})))
    The densest framing is **aid** in **B** (pooled over its articles: 3.5 per 1,000 words). Compare a frame across a row's outlets, not frames within an outlet: cue lists differ in length between frames.
    >>> frame_rate_reading(pd.DataFrame(columns=["outlet", "frame", "estimate"]))[:21]
    'No frames table is av'
    """
    if not len(frames):
        return ("No frames table is available (the framing step did not run), so frames are "
                "not compared.")
    top = frames.loc[frames["estimate"].idxmax()]
    return (f"The densest framing is **{top['frame']}** in **{top['outlet']}** "
            f"({wording.POOLED_BASIS}: {top['estimate']:.1f} per 1,000 words"
            f"{_next_for_frame(frames, top)}). Compare a "
            "frame across a row's outlets, not frames within an outlet: cue lists differ in "
            "length between frames.")


def _next_for_frame(frames: pd.DataFrame, top: pd.Series) -> str:
    """The top cell's interval against the next outlet for the same frame ("" without one)."""
    same = frames[(frames["frame"] == top["frame"]) & (frames["outlet"] != top["outlet"])]
    if same.empty or "ci_low" not in frames:
        return ""
    following = same.sort_values("estimate", ascending=False, kind="stable").iloc[0]
    if pd.isna(top["ci_low"]) or pd.isna(top["ci_high"]):
        return (f"; no interval: fewer than {MIN_ARTICLES} articles, and intervals resample "
                f"articles; next "
                f"for this frame: {following['outlet']}, {following['estimate']:.1f}, so the "
                "data do not rank it first")
    if top["ci_low"] <= following["estimate"]:
        verdict = "inside its interval, so the data do not rank it first"
    elif "q_value" in frames and not (pd.notna(top["q_value"]) and top["q_value"] < multiple_testing.ALPHA):
        verdict = ("below its interval, but its test against the other outlets does not "
                   "survive the Benjamini-Hochberg correction over every outlet and measure "
                   "tested (" + (f"q = {top['q_value']:.2g}" if pd.notna(top["q_value"])
                                 else "not tested") + "), so the lead is not clear")
    else:
        verdict = "below its interval"
    return (f", 95% CI {top['ci_low']:.1f} to {top['ci_high']:.1f}; next for this frame: "
            f"{following['outlet']}, {following['estimate']:.1f}, {verdict}")


def frame_rates_section(ctx: CompareContext, out_dir: str) -> Section:
    """Frames per 1,000 words of each outlet (outlet × frame) and the densest cell."""
    frames = ctx.result["frame_rates"]
    save_table(frames, "comparison_frame_rates", out_dir)
    if not len(frames):
        return Section("frame-rates", reading=frame_rate_reading(frames))
    wide = frames.pivot(index="outlet", columns="frame", values="estimate").reset_index()
    return table_section("frame-rates", wide, (
        "Frames per 1,000 words of each outlet (one count per sentence and frame; all "
        f"voices). {ctx.frame_validity}"), reading=frame_rate_reading(frames)
        + weak_frames_note(ctx.codebook, frames["frame"]),
        facts=dict(n=int(frames["count"].sum()), unit="sentence-frame pairs",
                   source=f"{ctx.source}, frames table (newsprism.framing.detect), "
                   "newsprism.compare.profiles.frame_rates"))


def terms_reading(terms: pd.DataFrame) -> str:
    """How many listed terms stay significant once the whole vocabulary is accounted for.

    >>> terms_reading(pd.DataFrame({"z": [2.2, 5.0, 1.0], "significant": [False, True, False],
    ...                             "n_tested": 775}))[:108]
    '1 of 3 listed terms is distinctive at q < 0.05 (Benjamini-Hochberg over the 775 term × outlet scores tested)'
    """
    if not len(terms):
        return ("No term is listed: distinctive terms set each outlet against the rest of the "
                "corpus, which needs at least two outlets with words left after stop words.")
    n_sig = int(terms["significant"].sum())
    uncorrected = int((terms["z"].abs() > 1.96).sum()) - n_sig
    tested = (int(terms["n_tested"].max()) if "n_tested" in terms and len(terms)
              else None)
    family = (f"the {tested:,} term × outlet scores tested" if tested
              else "every term and outlet scored")
    return (f"{n_sig} of {len(terms)} listed terms {'is' if n_sig == 1 else 'are'} distinctive "
            f"at q < 0.05 (Benjamini-Hochberg over {family})"
            + (f"; {uncorrected} more {'passes' if uncorrected == 1 else 'pass'} |z| > 1.96 "
               f"alone, as about 1 in 20 of {family} "
               "would with no real difference" if uncorrected else "")
            + (". Most listed differences are within chance at this corpus size"
               if 2 * n_sig < len(terms) else "")
            + "; read the snippets to see whether a term marks a real choice of words (a label, "
            "a framing) or a one-off topic.")


def vocabulary_section(ctx: CompareContext, out_dir: str, kwic_per_term: int = 2) -> Group:
    """Distinctive terms per outlet (log-odds z, figure), with keyword-in-context snippets."""
    top_terms = ctx.result["terms"]
    terms = keyness.distinctive_terms_with_kwic(ctx.english, top_terms, per_term=kwic_per_term)
    save_table(terms, "comparison_distinctive_terms", out_dir)
    figure = Section("terms-figure", figure=keyness.plot_distinctive_terms(
        top_terms, per_group=min(ctx.top_terms, 8)), caption=(
        "Top terms per outlet by z-score of the log-odds ratio against the rest of the "
        "corpus; red: q < 0.05 after the Benjamini-Hochberg correction over every term and "
        "outlet scored; dashed line: z = 1.96, what one term alone would need. Outlet names "
        "excluded: the words of the outlets' names (as the articles' outlet field gives them) "
        "are not counted, as they say who published, not how the story is covered."),
        facts=dict(n=int(keyness.term_counts(ctx.english, exclude_names=True).to_numpy().sum()),
                   unit="word tokens (stopwords and outlet names removed)",
                   source=f"{ctx.source}, newsprism.compare.keyness.log_odds_dirichlet"))
    table = table_section("terms-table", terms[["group", "rank", "term", "count", "count_rest",
                                                "z", "q_value", "kwic"]], (
        "Distinctive terms (outlet names excluded) with keyword-in-context snippets from the "
        "outlet's own articles."),
        reading=terms_reading(top_terms),
        facts=dict(n=len(terms), unit="terms", source=f"{ctx.source}, newsprism.compare.keyness.kwic"))
    return Group("vocabulary", [figure, table])


def similarity_reading(pairs: pd.DataFrame) -> str:
    """The most and least similar outlet pairs ("" with fewer than two outlets).

    >>> print(similarity_reading(pd.DataFrame({"a": ["A", "A"], "b": ["B", "C"],
    ...                                        "cosine": [.9, .2]})))
    The two most similar outlets are **A** and **B** (cosine 0.90); the least similar, **A** \
and **C**, score 0.20. Similar vocabulary alone is expected for one story; copied text is \
checked next.
    """
    if not len(pairs):
        return ""
    top, low = pairs.iloc[0], pairs.iloc[-1]
    least = (f"; the least similar, **{low['a']}** and **{low['b']}**, score "
             f"{low['cosine']:.2f}" if len(pairs) > 1 else "")
    return (f"The two most similar outlets are **{top['a']}** and **{top['b']}** "
            f"(cosine {top['cosine']:.2f}){least}. Similar vocabulary alone is expected for "
            "one story; copied text is checked next.")


# Above this many articles an article-by-article heatmap has no readable labels or cells.
ARTICLE_HEATMAP_MAX = 60


def article_similarity_part(ctx: CompareContext, article_sim: pd.DataFrame, out_dir: str,
                            source: str) -> Section:
    """The article heatmap, or above :data:`ARTICLE_HEATMAP_MAX` articles the outlet-by-outlet
    mean of article-pair cosines (every article; saved as comparison_outlet_mean_similarity)
    with a caption pointing to the saved article matrix."""
    n_sim = len(article_sim)
    sampled = (f" A stratified random sample of {n_sim} of {ctx.n_articles} English articles (per "
               "outlet in proportion to its size, seed 0): a larger matrix could not be drawn "
               "or read." if n_sim < ctx.n_articles else "")
    if n_sim <= ARTICLE_HEATMAP_MAX:
        return Section("article-similarity", figure=similarity.plot_similarity(
            article_sim, "Articles: TF-IDF cosine similarity"), caption=(
            "Cosine similarity between articles." + sampled),
            facts=dict(n=n_sim, unit="articles", source=source))
    means = similarity.similarity_matrix(ctx.english, "outlet_mean")
    save_table(means.reset_index(names="outlet"), "comparison_outlet_mean_similarity", out_dir)
    return Section("article-similarity", figure=similarity.plot_similarity(
        means, "Article pairs: mean TF-IDF cosine by outlet pair"), caption=(
        f"Mean cosine similarity over every pair of articles from two outlets (diagonal: pairs "
        f"within one outlet; blank for an outlet of one article), over all {ctx.n_articles} "
        f"English articles. An article-by-article heatmap of {n_sim} articles (more than "
        f"{ARTICLE_HEATMAP_MAX}) would have no readable labels: the article matrix is in the "
        "saved table comparison_article_similarity"
        + (f", over a stratified random sample of {n_sim} of {ctx.n_articles} English articles (per "
           "outlet in proportion to its size, seed 0); the figure averages all of them."
           if n_sim < ctx.n_articles else ".")),
        tables={"comparison_outlet_mean_similarity": means},
        facts=dict(n=ctx.n_articles, unit="articles", source=source))


def similarity_section(ctx: CompareContext, out_dir: str) -> Group:
    """TF-IDF cosine between articles (a stratified sample on a large corpus; above
    :data:`ARTICLE_HEATMAP_MAX` articles their outlet-pair means) and outlets."""
    article_sim = ctx.result["article_similarity"]
    outlet_sim = ctx.result["outlet_similarity"]
    save_table(article_sim.reset_index(names="article_id"), "comparison_article_similarity",
               out_dir)
    save_table(outlet_sim.reset_index(names="outlet"), "comparison_outlet_similarity", out_dir)
    source = f"{ctx.source}, newsprism.compare.similarity.similarity_matrix"
    return Group("similarity-section", [
        article_similarity_part(ctx, article_sim, out_dir, source),
        Section("outlet-similarity", figure=similarity.plot_similarity(
            outlet_sim, "Outlets: TF-IDF cosine similarity"), caption=(
            "Cosine similarity between outlets (articles joined per outlet)."),
            reading=similarity_reading(similarity.similarity_pairs(outlet_sim)),
            facts=dict(n=ctx.n_outlets, unit="outlets", source=source))])


def passages_note(passages: pd.DataFrame, ngram: int) -> str:
    """What the copied-passage table leaves out: common runs, stock phrases, pairs not aligned."""
    import inspect

    n_common = passages.attrs.get("n_common_ngrams", 0)
    holders = inspect.signature(similarity.find_copied_passages).parameters["max_holders"]
    note = (f" {n_common:,} {ngram}-word runs found in more than {holders.default} "
            "articles each (boilerplate or reprinted wire text) did not on their own pair "
            "articles." if n_common else "")
    note += similarity.stock_note(passages)
    n_candidates = passages.attrs.get("n_candidate_pairs", 0)
    n_compared = passages.attrs.get("n_pairs_compared", n_candidates)
    if n_compared < n_candidates:
        note += (f" Of {n_candidates:,} article pairs sharing a run, the {n_compared:,} sharing "
                 "the most were aligned.")
    return note


def voices_by_size(voices: pd.DataFrame) -> pd.DataFrame:
    """The independent-voices table with its largest groups first (articles of one voice
    together), so that the rows a table shows are the articles that copy, not the first
    outlet's articles that copy nothing.

    >>> v = pd.DataFrame({"article_id": list("abc"), "voice_id": [0, 1, 1]})
    >>> voices_by_size(v)["article_id"].tolist()
    ['b', 'c', 'a']
    """
    size = voices.groupby("voice_id")["voice_id"].transform("size")
    return (voices.assign(_size=size)
            .sort_values(["_size", "voice_id"], ascending=[False, True], kind="stable")
            .drop(columns="_size").reset_index(drop=True))


def copied_section(ctx: CompareContext, out_dir: str) -> Group:
    """Passages shared word for word, and the independent voices they group articles into."""
    passages, voices = ctx.result["copied_passages"], ctx.result["voices"]
    save_table(passages, "comparison_copied_passages", out_dir)
    save_table(voices, "comparison_independent_voices", out_dir)
    plural = wording.plural
    return Group("copied", [
        similarity.passages_html(passages),
        Section("copied-caption", caption=(
            f"Passages of at least {ctx.ngram} words shared word for word by two articles, side "
            "by side with offsets into each cleaned text." + passages_note(passages, ctx.ngram)),
            facts=dict(n=len(passages), unit="passage pairs",
                       source=f"{ctx.source}, newsprism.compare.similarity.find_copied_passages")),
        table_section("voices", voices_by_size(voices), "Independent voices: articles "
                      "grouped when one copies a large part of another (largest groups first).",
                      reading=(
                          f"{plural(len(passages), 'shared passage')} found; the "
                          f"{plural(ctx.n_articles, 'article')} form "
                          f"{plural(voices['voice_id'].nunique(), 'independent voice')}. A "
                          "shared passage means one text (or a common source such as a wire "
                          "service) was reused: count such outlets once when asking how many "
                          "sources say something."),
                      facts=dict(n=ctx.n_articles, unit="articles",
                                 source=f"{ctx.source}, newsprism.compare.similarity.independent_voices"))])


def sourcing_section(ctx: CompareContext, out_dir: str) -> Group:
    """Attributions per 1,000 words per outlet and category, and every codebook attribution."""
    rates, evidence = ctx.result["sourcing_rates"], ctx.result["sources"]
    save_table(rates, "comparison_sourcing_rates", out_dir)
    save_table(evidence, "comparison_sourcing_evidence", out_dir)
    own = evidence[evidence["category"] != "quoted_speaker"]
    n = dict(n=len(evidence), unit="attributions")
    return Group("sourcing-section", [
        Section("sourcing-figure", figure=sourcing.plot_sourcing_rates(rates), caption=(
            "Attributions per 1,000 words per outlet and category."),
            facts=dict(n, source=f"{ctx.source}, newsprism.compare.sourcing.sourcing_table")),
        table_section("sourcing-rates", rates[rates["count"] > 0], (
            "Sourcing rates with the most frequent sources (article_share: share of the "
            "outlet's articles with at least one). quoted_speaker rows: "
            + caveats.speaker_note()),
            facts=dict(n, source=f"{ctx.source}, {ctx.sourcing_label}")),
        table_section("sourcing-evidence", own[["outlet", "category", "source", "cue",
                                                "sentence"]], (
            "Every codebook attribution with its sentence (quoted speakers: see 30_quotes)."),
            reading=readings.top_rate_reading(rates[rates["category"] == "vague_attribution"],
                                             "rate of vague attribution")
            + " Vague attribution lets a writer state a view without naming who holds it; "
            "read the sentences above before reading intent into the rate.",
            facts=dict(n=len(own), unit="attributions",
                       source=f"{ctx.source}, newsprism.compare.sourcing.sourcing_table"))])


def rate_interval_note(rates: pd.DataFrame) -> str:
    """What the 95% intervals of a rate table (``n_articles`` per row) resample: the outlet's
    articles (widened to the exact Poisson interval where that is wider), or, for an outlet
    with fewer than :data:`~newsprism.core.stats.MIN_ARTICLES`, an exact Poisson interval.

    >>> rate_interval_note(pd.DataFrame({"n_articles": [1, 1]}))
    'exact 95% Poisson intervals (one article per outlet: its markers are taken as independent)'
    """
    counts = pd.to_numeric(rates.get("n_articles", pd.Series(dtype=float)), errors="coerce")
    few = ~counts.map(enough_articles).astype(bool)
    if len(counts) and (counts <= 1).all():
        return ("exact 95% Poisson intervals (one article per outlet: its markers are taken "
                "as independent)")
    if len(counts) and few.all():
        return (f"exact 95% Poisson intervals (fewer than {MIN_ARTICLES} articles per outlet: "
                "its markers are taken as independent)")
    text = ("95% intervals that resample the outlet's articles, never narrower than the exact "
            "Poisson interval")
    return text + (f"; exact Poisson for an outlet with fewer than {MIN_ARTICLES} articles"
                   if few.any() else "")


def hedging_reading(rates: pd.DataFrame) -> str:
    """The highest hedging rate (:func:`newsprism.compare.readings.top_rate_reading`), and what
    overlapping intervals mean when outlets were ranked."""
    reading = readings.top_rate_reading(rates[rates["kind"] == "hedge"], "hedging rate",
                                       "per 1,000 words of its own voice")
    if "nothing to rank" in reading or "only one outlet" in reading.lower():
        return reading
    return reading + " Overlapping intervals mean a difference could be chance at this corpus size."


def hedging_section(ctx: CompareContext, out_dir: str) -> Group:
    """Hedges and boosters per 1,000 words of author voice, with 95% intervals
    (:func:`rate_interval_note`)."""
    rates = ctx.result["hedging_rates"]
    save_table(rates, "comparison_hedging_rates", out_dir)
    save_table(ctx.result["hedges"], "comparison_hedging_markers", out_dir)
    return Group("hedging-section", [
        Section("hedging-figure", figure=hedging.plot_hedging_rates(rates), caption=(
            f"Hedges and boosters per 1,000 words of author voice with "
            f"{rate_interval_note(rates)}."), facts=dict(n=int(rates["count"].sum()), unit="markers",
                                                 source=f"{ctx.source}, "
                                                 "newsprism.compare.hedging.hedging_rates")),
        table_section("hedging-rates", rates, "Hedging and boosting rates per outlet.",
                      reading=hedging_reading(rates),
                      facts=dict(n=len(ctx.result["hedges"]), unit="markers",
                                 source=f"{ctx.source}, {ctx.hedging_label}"))])


def agreement_notes(agreeing: pd.DataFrame) -> str:
    """What agreeing claim groups (:func:`newsprism.compare.claims.group_claims` rows of status
    ``agree``) rest on: one independent voice (outlets sharing copied text: no corroboration),
    or different figures that can both hold (a range and a figure inside it, perhaps of two
    events: a unit names what is counted, not which event). "" when neither.

    >>> agreeing = pd.DataFrame({"values": ["20 (A); at least 9 (B)"], "n_voices": [2]})
    >>> agreement_notes(agreeing)[:56]
    ' (1 of them with different figures that can both hold: a'
    """
    notes = []
    voices = pd.to_numeric(agreeing.get("n_voices", pd.Series(dtype=float)), errors="coerce")
    copied = int((voices < 2).sum())
    if copied:
        notes.append(f"{copied} of them {'rests' if copied == 1 else 'rest'} on one independent "
                     "voice, articles copying each other, which is no corroboration")
    differing = sum(len({part.rsplit(" (", 1)[0] for part in str(values).split("; ")}) > 1
                    for values in agreeing.get("values", pd.Series(dtype=str)))
    if differing:
        notes.append(f"{differing} of them with different figures that can both hold: a range "
                     "such as 'at least 9' holds 20, and a unit names what is counted, not which "
                     "event, so read the sentences")
    return f" ({'; '.join(notes)})" if notes else ""


def claims_reading(groups: pd.DataFrame, claim_outlets: tuple[str, ...] = ()) -> str:
    """How many claim groups disagree and agree across outlets; a conflict whose values may
    not count the same thing (:func:`newsprism.compare.claim_statements.unclear_conflict`) is counted
    apart, as the summary's statements read it. ``claim_outlets`` are the outlets that give any
    claim: with fewer than two, nothing can be compared and the reading says so.

    >>> claims_reading(pd.DataFrame({"status": ["conflict", "agree", "single"]}))[:48]
    '1 group of claims disagrees across outlets and 1'
    >>> claims_reading(pd.DataFrame({"status": ["single"]}), ("City Daily",))
    'Only City Daily gives numbers or dates, so no claim can be compared across outlets.'
    """
    if len(claim_outlets) == 1:
        return (f"Only {claim_outlets[0]} gives numbers or dates, so no claim can be compared "
                "across outlets.")
    if groups.empty:
        return "No numbers or dates were found, so no claim can be compared across outlets."
    conflicts = groups[groups["status"].isin(["conflict", "sender conflict"])]
    unclear = sum(rec["status"] == "conflict" and claim_statements.unclear_conflict(rec)
                  for rec in conflicts.to_dict("records"))
    clear = len(conflicts) - unclear
    agreeing = groups[groups["status"] == "agree"]
    return (f"{wording.plural(clear, 'group')} of claims "
            f"{'disagrees' if clear == 1 else 'disagree'} across outlets"
            + (f", {unclear} more {'gives' if unclear == 1 else 'give'} different figures that "
               "may not count the same thing (several subjects, or one outlet giving several "
               "values: read the sentences)" if unclear else "")
            + f" and {len(agreeing)} agree{agreement_notes(agreeing)}; the rest are reported by one outlet only, which is itself "
            "a finding: a figure no other outlet repeats has not been corroborated here.")


def claims_section(ctx: CompareContext, out_dir: str) -> Group:
    """Claims grouped by what they count, with their status across outlets, and every claim."""
    claims, groups = ctx.result["claims"], ctx.result["claim_groups"]
    save_table(claims.drop(columns=["sentence"]), "comparison_claims", out_dir)
    save_table(groups, "comparison_claim_groups", out_dir)
    n = dict(n=len(claims), unit="claims")
    return Group("claims-section", [
        table_section("claim-groups", groups[["unit", "status", "values", "subjects",
                                              "n_outlets", "n_voices"]],
                      "Claims grouped by what they count (units codebook "
                      f"{ctx.claims_label}), with their status across outlets.",
                      facts=dict(n, source=f"{ctx.source}, newsprism.compare.claims.group_claims")),
        table_section("claim-list", claims[["outlet", "kind", "quantity", "qualifier", "unit",
                                            "subject", "sentence"]],
                      "Every number and date found, with its sentence.",
                      reading=claims_reading(groups, tuple(sorted(set(claims["outlet"])))),
                      facts=dict(n, source=f"{ctx.source}, newsprism.compare.claims.extract_claims"))])
