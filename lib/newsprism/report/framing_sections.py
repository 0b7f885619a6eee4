"""The sections of the ``20_framing`` notebook: one function per section, each returning a
:class:`~newsprism.viz.section.Section` or :class:`~newsprism.viz.section_group.Group` (tables saved,
figure, caption with n, unit, source and codebook, reading).

Usage (in a notebook)::

    ctx = prepare("", codebook="generic")
    prevalence = prevalence_section(ctx, out_dir="")
    prevalence.show()
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsprism.compare.wording import plural, verb
from newsprism.core.stats import MIN_ARTICLES, N_BOOT
from newsprism.framing import detect as framing
from newsprism.framing import presence as framing_presence
from newsprism.framing import shares as framing_shares
from newsprism.framing import stats as framing_stats
from newsprism.report import caveats
from newsprism.report.compare_sections import weak_frames_note
from newsprism.report.runner import save_table
from newsprism.viz import heatmap
from newsprism.viz.display import reading as reading_html
from newsprism.viz.section import Section, evidence_link
from newsprism.viz.section_group import Group

NOTEBOOK = "20_framing"


@dataclass
class FramingContext:
    """The codebook, the English articles and their sentences, every frame hit (``frames``)
    and the hits counted (``kept``: negated cues and the other voice left out as asked)."""

    book: Any
    english: pd.DataFrame
    sentences: pd.DataFrame
    frames: pd.DataFrame
    kept: pd.DataFrame
    source: str
    voice: str
    include_negated: bool

    @property
    def codebook(self) -> str:
        """The codebook named in every caption, with its validity."""
        return (f"codebook '{self.book.name}' ({self.book.source_label}). "
                + framing_shares.codebook_validity(self.book))

    @property
    def labels(self) -> dict[str, str]:
        return {f.id: f.label for f in self.book.frames}

    @property
    def headline(self) -> str:
        return (f"{self.codebook}. {len(self.book.frame_ids)} frames; "
                f"{hits_phrase(self.frames, self.kept, self.include_negated)} in "
                f"{len(self.sentences):,} sentences of {len(self.english):,} English articles from "
                f"{plural(self.english['outlet'].nunique(), 'outlet')} ({self.source}).")

    def provenance(self, params: dict) -> dict:
        """The run's parameters with the codebook file and its SHA-256."""
        from newsprism.core.provenance import sha256_file

        return {**params, "codebook_file": str(self.book.source),
                "codebook_sha256": sha256_file(self.book.source)}


def hits_phrase(frames: pd.DataFrame, kept: pd.DataFrame, include_negated: bool) -> str:
    """The frame hits counted (``kept``) and those found but left out: negated cues unless
    ``include_negated``, hits in the voice not asked for.

    >>> found = pd.DataFrame({"negated": [False, False, True], "voice": ["author"] * 3})
    >>> hits_phrase(found, found.iloc[:2], include_negated=False)
    '2 frame hits counted of 3 found (1 with a negated cue left out)'
    """
    negated = frames["negated"].astype(bool)
    n_negated = int(negated.sum())
    if len(kept) == len(frames):
        return (plural(len(kept), "frame hit") + (f" ({n_negated:,} of them with a negated cue)"
                                                  if n_negated else ""))
    left = [f"{n_negated:,} with a negated cue"] if n_negated and not include_negated else []
    other_voice = len(frames) - len(kept) - (0 if include_negated else n_negated)
    if other_voice:
        left.append(f"{other_voice:,} in the other voice")
    return (f"{plural(len(kept), 'frame hit')} counted of {len(frames):,} found "
            f"({' and '.join(left)} left out)")


def prepare(corpus: str, codebook: str = "generic", cleaning: str = "default",
            include_negated: bool = False, voice: str = "all",
            actors_codebook: str = "none") -> FramingContext:
    """Load the codebook (a malformed file stops here, naming the field), annotate ``corpus``
    with the options every notebook given this codebook uses (one cached annotation; a
    codebook file's hash is in them) and keep the hits asked for. Raises ValueError when no
    article could be read."""
    from newsprism.core.provenance import corpus_name
    from newsprism.corpus import language
    from newsprism.pipeline.annotate import annotate
    from newsprism.report import options as notebook_options

    book = framing.load_codebook(codebook or "generic")
    options = notebook_options.annotation_options(codebook=codebook, cleaning=cleaning,
                                                  actors_codebook=actors_codebook)
    ann = annotate(corpus or None, options, progress=False)
    articles = ann.tables["articles"]
    if articles.empty:
        raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
    notebook_options.require_english(articles, "Frames")
    english = language.english_articles(articles)
    sentences = ann.tables["sentences"]
    frames = ann.tables.get("frames", pd.DataFrame(columns=framing.FRAME_COLUMNS))
    if frames.empty:
        frames = pd.DataFrame(columns=framing.FRAME_COLUMNS)
    kept = frames if include_negated else frames[~frames["negated"].astype(bool)]
    kept = kept if voice == "all" else kept[kept["voice"] == voice]
    return FramingContext(book=book, english=english, frames=frames, kept=kept,
                          sentences=sentences[sentences["article_id"].isin(
                              english["article_id"])], source=corpus_name(corpus),
                          voice=voice, include_negated=include_negated)


def codebook_section(ctx: FramingContext, out_dir: str) -> Section:
    """The codebook in use: frame ids, labels, descriptions and cues."""
    table = ctx.book.frames_table()
    save_table(table, "framing_codebook", out_dir)
    return Section("codebook", table=table, max_rows=None, caption=(
        f"{ctx.book.title}: the frames of {ctx.codebook}. Reference: {ctx.book.reference}"),
        facts=dict(n=len(table), unit="frames", source=ctx.book.source_label))


def _top_share(prevalence: pd.DataFrame) -> pd.DataFrame:
    """The share-of-sentences row of the most prevalent outlet × frame cell (none if empty)."""
    shares = prevalence[prevalence["measure"] == "share_of_sentences"]
    return shares.sort_values("estimate", ascending=False, kind="stable").head(1)


def lead_text(prevalence: pd.DataFrame, top: pd.Series) -> str:
    """The top cell against the next outlet for the same frame: whether its interval holds
    that share (then the outlet is not ranked first). "" with one outlet.

    >>> t = pd.DataFrame({"measure": ["share_of_sentences"] * 2, "outlet": ["A", "B"],
    ...     "frame": ["war"] * 2, "estimate": [0.19, 0.10], "ci_low": [0.0, 0.05],
    ...     "ci_high": [0.38, 0.15]})
    >>> lead_text(t, t.iloc[0])
    '; next for this frame: B, 10%, inside its interval, so the data do not rank A first'
    """
    same = prevalence[(prevalence["measure"] == "share_of_sentences")
                      & (prevalence["frame"] == top["frame"])
                      & (prevalence["outlet"] != top["outlet"])].dropna(subset=["estimate"])
    if same.empty:
        return ""
    following = same.sort_values("estimate", ascending=False, kind="stable").iloc[0]
    head = f"; next for this frame: {following['outlet']}, {following['estimate']:.0%}, "
    if pd.isna(top["ci_low"]):
        return head + f"and without an interval the data do not rank {top['outlet']} first"
    held = top["ci_low"] <= following["estimate"]
    return head + (f"inside its interval, so the data do not rank {top['outlet']} first" if held
                   else "below its interval")


def share_interval_text(row: pd.Series) -> str:
    """"95% CI 32%–74%" for a prevalence share, or why there is none.

    >>> share_interval_text(pd.Series({"ci_low": float("nan"), "ci_high": float("nan"),
    ...                                "n_articles": 1}))
    'no interval: 1 article (fewer than 5), and intervals resample articles'
    """
    if pd.isna(row["ci_low"]) or pd.isna(row["ci_high"]):
        return (f"no interval: {plural(int(row['n_articles']), 'article')} (fewer than "
                f"{MIN_ARTICLES}), and intervals resample articles")
    return f"95% CI {row['ci_low']:.0%}–{row['ci_high']:.0%}"


def interval_caption(prevalence: pd.DataFrame, shown: str = "in brackets") -> str:
    """What the prevalence intervals resample, and which outlets have none (from the table's
    ``resample`` column).

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "resample": ["article", "none (fewer than 5 articles)"]})
    >>> interval_caption(t)
    'Bootstrap 95% interval in brackets, resampling whole articles (cluster bootstrap: sentences of one article are not independent); no interval for outlets with fewer than 5 articles: B.'
    """
    units = set(prevalence["resample"])
    if units == {"sentence"}:
        return (f"Bootstrap 95% interval {shown}, resampling single sentences (parameter "
                "resample = \"sentence\"): it shows variation within the outlet's articles, "
                "not its coverage in general.")
    none = sorted(set(prevalence.loc[prevalence["resample"] == framing_stats.NO_INTERVAL,
                                     "outlet"].astype(str)))
    return (f"Bootstrap 95% interval {shown}, resampling whole articles (cluster bootstrap: "
            "sentences of one article are not independent)"
            + (f"; no interval for outlets with fewer than {MIN_ARTICLES} articles: "
               f"{', '.join(none)}."
               if none else "."))


def prevalence_reading(prevalence: pd.DataFrame, labels: dict[str, str]) -> str:
    """The most prevalent outlet × frame cell with its interval and rate, from
    :func:`newsprism.framing.stats.frame_prevalence`'s long table (both rows of the cell)."""
    top = _top_share(prevalence)
    if not (len(top) and top["estimate"].iloc[0] > 0):
        return "No frame cue was found in this corpus with this codebook."
    t = top.iloc[0]
    rate = prevalence[(prevalence["measure"] == "per_1000_words")
                      & (prevalence["outlet"] == t["outlet"])
                      & (prevalence["frame"] == t["frame"])]["estimate"].iloc[0]
    return (f"The most prevalent outlet × frame cell is **{labels[t['frame']]}** in "
            f"**{t['outlet']}**: {t['estimate']:.0%} of its {int(t['n']):,} sentences "
            f"({share_interval_text(t)}{lead_text(prevalence, t)}), "
            f"{rate:.1f} hits per 1,000 words.{other_frame_text(prevalence, t, labels)} "
            + (f"Outlets with fewer than {MIN_ARTICLES} articles have no interval, so the "
               "data cannot rank them"
               if prevalence["ci_low"].isna().any() else
               "Where intervals overlap, the data cannot rank the outlets")
            + "; check the evidence below before reading a cell as the outlet's framing.")


def other_frame_text(prevalence: pd.DataFrame, top: pd.Series, labels: dict[str, str]) -> str:
    """The next cell of another frame when it is inside the top cell's interval (or the top
    cell has none): "most prevalent cell" then ranks frames, which the data do not do, and
    cue lists of different frames differ in length. "" otherwise.

    >>> t = pd.DataFrame({"measure": ["share_of_sentences"] * 2, "outlet": ["A", "A"],
    ...     "frame": ["eco", "war"], "estimate": [0.11, 0.10], "ci_low": [0.09, 0.08],
    ...     "ci_high": [0.14, 0.11]})
    >>> other_frame_text(t, t.iloc[0], {"eco": "Economic", "war": "War"})[:58]
    ' The next cell, War in A (10%), is inside that interval: t'
    """
    shares = prevalence[(prevalence["measure"] == "share_of_sentences")
                        & (prevalence["frame"] != top["frame"])].dropna(subset=["estimate"])
    if shares.empty:
        return ""
    nxt = shares.sort_values("estimate", ascending=False, kind="stable").iloc[0]
    if pd.notna(top["ci_low"]) and top["ci_low"] > nxt["estimate"]:
        return ""
    where = "inside that interval" if pd.notna(top["ci_low"]) else "without an interval to part them"
    return (f" The next cell, {labels.get(nxt['frame'], nxt['frame'])} in {nxt['outlet']} "
            f"({nxt['estimate']:.0%}), is {where}: the data do not rank the frames either, and "
            "a frame is best compared between outlets, not with other frames (their cue lists "
            "differ in length).")


def prevalence_section(ctx: FramingContext, out_dir: str, n_boot: int = N_BOOT,
                       resample: str = "auto") -> Group:
    """Share of each outlet's sentences with each frame (heatmap with intervals) and hits per
    1,000 words (table). ``facts``: the prevalence table (``prevalence``)."""
    frame_ids = ctx.book.frame_ids
    prevalence = framing_stats.frame_prevalence(
        ctx.sentences, ctx.kept, ctx.english, frame_ids=frame_ids, include_negated=True,
        n_boot=n_boot, resample=resample)
    save_table(prevalence, "framing_prevalence", out_dir)
    shares = prevalence[prevalence["measure"] == "share_of_sentences"]
    wide = {column: shares.pivot(index="outlet", columns="frame", values=column)[frame_ids]
            for column in ("estimate", "ci_low", "ci_high")}
    figure = heatmap.plot_heatmap(
        wide["estimate"], cmap="Blues", vmin=0, value_format="{:.0%}",
        detail=heatmap.interval_labels(wide["ci_low"], wide["ci_high"]),
        x_labels=ctx.labels, title=f"Frames per outlet ({ctx.book.name} codebook)",
        colorbar_label="share of sentences with the frame")
    n = dict(n=len(ctx.sentences), unit="sentences")
    return Group("prevalence", [
        Section("prevalence-figure", figure=figure, caption=(
            "Share of sentences carrying each frame per outlet (unit: sentence). "
            f"{interval_caption(prevalence)} Negated cues "
            f"{'included' if ctx.include_negated else 'excluded'}; voice: {ctx.voice}. "
            f"{ctx.codebook}."), facts=dict(n, source=f"{ctx.source}, newsprism.framing.detect")),
        Section("prevalence-table", table=prevalence.drop(
                    columns=["n_articles", "n_sentences", "n_words"]),
                max_rows=None, caption=(
                    "Prevalence per outlet × frame: sentences with the frame (share, 95% CI) "
                    f"and hits per 1,000 words (95% CI); column resample: the interval's unit. "
                    f"{interval_caption(prevalence, '(ci_low, ci_high)')} {ctx.codebook}."),
                reading=prevalence_reading(prevalence, ctx.labels)
                + weak_frames_note(ctx.book.name if ctx.book.shipped else "", frame_ids),
                facts=dict(n, source=f"{ctx.source}, newsprism.framing.stats"))],
        facts={"prevalence": prevalence})


def decisions_table(articles: pd.DataFrame, presence: pd.DataFrame) -> pd.DataFrame:
    """``frame_presence``'s article × frame decisions named by article_id and outlet instead
    of the position of the text in the list (on 840 articles "text_index 4" named nothing a
    reader could find).

    >>> arts = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["A", "B"]})
    >>> pres = pd.DataFrame({"text_index": [1, 0], "frame": ["f", "f"], "present": [True, False]})
    >>> decisions_table(arts, pres).values.tolist()
    [['y', 'B', 'f', True], ['x', 'A', 'f', False]]
    """
    named = articles[["article_id", "outlet"]].reset_index(drop=True)
    table = named.iloc[presence["text_index"].to_numpy()].reset_index(drop=True)
    return pd.concat([table, presence.drop(columns="text_index").reset_index(drop=True)],
                     axis=1)


def article_frames_section(ctx: FramingContext, out_dir: str) -> Group:
    """The five generic frames per article (learnt on NFC): shares per outlet with Wilson
    intervals (figure, table) and every article × frame decision with its evidence."""
    english = ctx.english
    presence = framing_presence.frame_presence(list(english["text"]), "generic_questions")
    shares = framing_shares.article_frame_shares(english, presence=presence)
    save_table(shares, "framing_article_shares", out_dir)
    decisions = decisions_table(english, presence)
    save_table(decisions, "framing_article_decisions", out_dir)
    articles = dict(n=len(english), unit="English articles")
    return Group("article-frames", [
        Section("article-shares-figure", figure=framing_shares.plot_article_shares(
            shares, framing_shares.frame_labels("generic_questions")), caption=(
            "Share of each outlet's articles in which the frame is present (dot) with its "
            "Wilson 95% interval (bar); frames titled 'below baseline' do not beat the "
            "always-present baseline on gold data. " + framing_shares.validity_note()
            + " " + caveats.presence_note()),
            facts=dict(articles, source=f"{ctx.source}, newsprism.framing.frame_presence "
                       "(weights: newsprism/data/frame_presence_generic.json, fitted on NFC)")),
        Section("article-shares", table=shares, max_rows=None, caption=(
            "Article-level frame share per outlet × frame (estimate, ci_low, ci_high, n "
            "articles) with the frame's validity on gold data. "
            + framing_shares.validity_note() + " " + caveats.presence_note()),
            facts=dict(articles, source=f"{ctx.source}, newsprism.framing.shares")),
        Section("article-decisions", table=decisions, max_rows=200, caption=(
            "Every article × frame decision with its evidence: the sentences whose cues fed "
            "the score (ids as newsprism.text.split_sentences counts them), the questions that "
            "raised it most and the matched words."),
            reading=framing_shares.shares_reading(shares),
            facts=dict(n=len(presence), unit="article × frame decisions",
                       source=f"{ctx.source}, newsprism.framing.frame_presence"))])


def _shipped_name(ctx: FramingContext) -> str:
    """The codebook's name when it is a shipped one (its validity is known), else ""."""
    return ctx.book.name if ctx.book.shipped else ""


def small_n_frames(tests: pd.DataFrame) -> int:
    """Frames whose asymptotic chi-square p rests on an expected count below 5; Fisher's exact
    test (two outlets) has no asymptotic p, so its small cells need no caveat.

    >>> small_n_frames(pd.DataFrame({"test": ["chi2", "fisher_exact"], "min_expected": [2, 1]}))
    1
    """
    small = tests["min_expected"] < 5
    if "test" in tests:
        small &= tests["test"] == "chi2"
    return int(small.sum())


def frame_tests_reading(tests: pd.DataFrame, labels: dict[str, str], book_name: str = "") -> str:
    """How many frames differ across outlets at q < 0.05, with the small-n caveat, and those of
    them whose cue detector does not beat its baseline (shipped codebook ``book_name``).

    >>> frame_tests_reading(pd.DataFrame({"frame": ["w"], "q_value": [0.01], "min_expected": [2]}),
    ...               {"w": "War"})[:52]
    '1 of 1 frames differs across outlets at q < 0.05 (Wa'
    """
    significant = tests[tests["q_value"] < 0.05]["frame"].tolist()
    small = small_n_frames(tests)
    tested = int(tests["q_value"].notna().sum())
    if not tested and "caveat" in tests and (tests["caveat"] == framing_stats.ONE_ARTICLE_CAVEAT).all():
        return (f"None of the {len(tests)} frames could be tested across outlets: every outlet "
                "has one article, and the test compares outlets' articles (with the frame "
                "against without), so no difference between outlets is shown.")
    if not tested:
        return (f"None of the {len(tests)} frames could be tested across outlets (a test needs "
                "two or more outlets and a frame present in some articles but not all), so no "
                "difference between outlets is shown.")
    return (f"{len(significant)} of {len(tests)} frames "
            f"{verb(len(significant), 'differs', 'differ')} across outlets at q < 0.05"
            + (f" ({', '.join(labels[f] for f in significant)})" if significant else "")
            + (f"; {len(tests) - tested} could not be tested" if tested < len(tests) else "")
            + (f". **Small-n caveat:** {small} frame(s) have an expected count below 5 in some "
               "cell, so their asymptotic p is unreliable (use the Monte Carlo p)."
               if small else ".")
            + " Each article counts once (with the frame or without), so sentences of one "
            "article are not taken as independent evidence." + weak_frames_note(book_name, significant))


def frame_tests_section(ctx: FramingContext, out_dir: str) -> Section:
    """One test per frame of equal share of articles across outlets (chi-square / Fisher over
    articles, BH q)."""
    tests = framing_stats.frame_tests(ctx.sentences, ctx.kept, ctx.english,
                                      frame_ids=ctx.book.frame_ids, include_negated=True)
    save_table(tests, "framing_tests", out_dir)
    return Section("tests", table=tests, max_rows=None, caption=(
        f"Test per frame of an equal share of articles carrying it across outlets (each "
        f"article counted once). {ctx.codebook}."),
        reading=frame_tests_reading(tests, ctx.labels, _shipped_name(ctx)),
        tables={"framing_tests": tests},
        facts=dict(n=articles_tested(tests, ctx.english), unit="English articles",
                   source=f"{ctx.source}, newsprism.framing.stats (scipy)"))


def articles_tested(tests: pd.DataFrame, english: pd.DataFrame) -> int:
    """The n of the frame tests: the articles they compare (each counted once, with the frame
    or without), not the sentences; the English articles when no frame was tested.

    >>> articles_tested(pd.DataFrame({"n_articles": [250, 250]}), pd.DataFrame())
    250
    """
    return int(tests["n_articles"].max()) if len(tests) else len(english)


def cooccurrence_reading(pairs: pd.DataFrame, labels: dict[str, str], level: str,
                         book_name: str = "") -> str:
    """The pair of frames sharing the most units, or that no two frames share one, with the
    validity note of a frame whose cue detector does not beat its baseline.

    >>> p = pd.DataFrame({"frame_a": ["a"], "frame_b": ["b"], "n_both": [0], "jaccard": [0.0]})
    >>> cooccurrence_reading(p, {}, "sentence")
    'No two frames share a sentence.'
    """
    best = pairs.sort_values(["n_both", "jaccard"], ascending=False).iloc[0]
    if not best["n_both"]:
        return f"No two frames share a {level}."
    return (f"**{labels.get(best['frame_a'])}** and **{labels.get(best['frame_b'])}** share "
            f"the most {level}s ({int(best['n_both']):,}, Jaccard {best['jaccard']:.2f}). "
            "Co-occurrence in one unit shows frames told together, not a causal link."
            + weak_frames_note(book_name, [best["frame_a"], best["frame_b"]]))


def voice_reading(voices: pd.DataFrame, labels: dict[str, str], book_name: str = "") -> str:
    """How many hits are in quoted speech and the frame × outlet quoted most, with the validity
    note of that frame when its cue detector does not beat its baseline."""
    if not (len(voices) and voices["quoted"].sum()):
        return "No frame cue falls inside a speech quotation."
    most = voices.sort_values("quoted", ascending=False).iloc[0]
    quoted, hits = int(most["quoted"]), int(most["author"] + most["quoted"])
    share = (f"every one of its {plural(hits, 'hit')} is quoted: there the frame is the sources' "
             "words, not the outlet's" if quoted == hits else
             f"{quoted:,} of its {plural(hits, 'hit')} {'is' if quoted == 1 else 'are'} quoted: "
             "that frame is partly the "
             "sources' words, not the outlet's")
    return (f"{int(voices['quoted'].sum()):,} of {int(voices[['author', 'quoted']].to_numpy().sum()):,}"
            f" hits {verb(int(voices['quoted'].sum()), 'is', 'are')} in quoted speech; the most is **{labels.get(most['frame'])}** in "
            f"**{most['outlet']}** ({plural(quoted, 'quoted hit')}): {share}."
            + weak_frames_note(book_name, [most["frame"]]))


def voice_section(ctx: FramingContext, out_dir: str) -> Section:
    """Frame hits per outlet by voice (the author's own words or quoted speech)."""
    frames = ctx.frames
    voices = framing_stats.voice_split(frames if ctx.include_negated else
                                       frames[~frames["negated"].astype(bool)], ctx.english)
    save_table(voices, "framing_voice", out_dir)
    return Section("voice", table=voices, max_rows=None, caption=(
        f"Frame hits per outlet by voice. {ctx.codebook}."),
        reading=voice_reading(voices, ctx.labels, _shipped_name(ctx)), facts=dict(
            n=int(voices[["author", "quoted"]].to_numpy().sum()) if len(voices) else 0,
            unit="frame hits", source=f"{ctx.source}, newsprism.framing.detect + newsprism.quotes.extract"))


def dominant_reading(dominant: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """:func:`dominant_count_text` in bold, and what dominance measures.

    >>> t = pd.DataFrame({"dominant_frame": ["war"] * 3 + ["aid"] * 2 + ["(none)"] * 4
    ...                   + ["war = aid"]})
    >>> print(dominant_reading(t).split(". D")[0])
    **war** dominates 3 of 10 articles (next: aid, 2; 4 articles without a frame hit; 1 tied)
    """
    return (dominant_count_text(dominant, "**", labels) + "Dominance is a count of cues: a frame with "
            "many short, common cues wins easily; compare the runner-up and its margin.")


DOMINANT_ORDER = "article_id within each outlet, taking one article of each outlet in turn"


def dominant_by_outlet(dominant: pd.DataFrame) -> pd.DataFrame:
    """The dominant-frame table in :data:`DOMINANT_ORDER` (corpus order groups no outlet), so
    the first rows shown of a large corpus cover every outlet.

    >>> t = pd.DataFrame({"article_id": ["b1", "a2", "a1"], "outlet": ["B", "A", "A"]})
    >>> dominant_by_outlet(t)["article_id"].tolist()
    ['a1', 'b1', 'a2']
    """
    ordered = dominant.sort_values("article_id", kind="stable")
    rank = ordered.groupby("outlet").cumcount().rename("_rank")
    ordered = pd.concat([ordered, rank], axis=1).sort_values(["_rank", "outlet"], kind="stable")
    return ordered.drop(columns="_rank").reset_index(drop=True)


def dominant_section(ctx: FramingContext, out_dir: str) -> Section:
    """The frame with most hits in each article, its share and the runner-up."""
    dominant = framing_stats.dominant_frames(ctx.kept, ctx.english)
    save_table(dominant, "framing_dominant", out_dir)
    shown = dominant_by_outlet(dominant)
    return Section("dominant", table=shown, max_rows=200, order=DOMINANT_ORDER, caption=(
        "Frame with most hits in each article (ties joined by '='), its share of the article's "
        f"frame hits and the runner-up. {ctx.codebook}."), reading=(
        dominant_reading(dominant, ctx.labels)
        + weak_frames_note(ctx.book.name if ctx.book.shipped else "",
                           _top_dominant(dominant))),
        tables={"framing_dominant": dominant},
        facts=dict(n=len(dominant), unit="articles",
                   source=f"{ctx.source}, newsprism.framing.stats"))


def _dominant_counts(dominant: pd.DataFrame) -> pd.Series:
    """Articles led by each frame, most first (name order on ties); articles without a frame
    hit ("(none)") and tied articles ("a = b") are not a frame's and are counted apart."""
    frames = dominant["dominant_frame"].astype(str) if len(dominant) else pd.Series(dtype=str)
    single = frames[(frames != "(none)") & ~frames.str.contains(" = ", regex=False)]
    return single.value_counts().sort_index().sort_values(ascending=False, kind="stable")


def _top_dominant(dominant: pd.DataFrame) -> list[str]:
    """The dominant frame(s) of most articles (several when tied)."""
    counts = _dominant_counts(dominant)
    return list(counts[counts == counts.iloc[0]].index) if len(counts) else []


def dominant_count_text(dominant: pd.DataFrame, bold: str = "",
                        labels: dict[str, str] | None = None, unit: str = "articles") -> str:
    """How many articles the most frequent dominant frame leads, with the runner-up; a tie at
    the top is named as a tie; articles without a frame hit and tied articles are counted apart.
    Frames are named by their codebook ``labels`` where given (the table keeps frame ids).

    >>> t = pd.DataFrame({"dominant_frame": ["war", "war", "aid", "law", "(none)"]})
    >>> dominant_count_text(t)
    'war dominates 2 of 5 articles (next: aid, 1; 1 article without a frame hit). '
    >>> dominant_count_text(t.iloc[2:4])
    'aid and law each dominate 1 of 2 articles. '
    >>> dominant_count_text(t, labels={"war": "War", "aid": "Aid"})[:22]
    'War dominates 2 of 5 a'
    """
    name = (labels or {}).get
    counts = _dominant_counts(dominant)
    if not len(counts):
        return ""
    frames = dominant["dominant_frame"].astype(str)
    top = _top_dominant(dominant)
    runner_up = counts.index[1] if len(counts) > 1 else None
    notes = ([f"next: {name(runner_up, runner_up)}, {int(counts.iloc[1]):,}"]
             if len(top) == 1 and runner_up is not None else [])
    if (frames == "(none)").any():
        notes.append(f"{plural(int((frames == '(none)').sum()), 'article')} without a frame hit")
    if frames.str.contains(" = ", regex=False).any():
        notes.append(f"{int(frames.str.contains(' = ', regex=False).sum()):,} tied")
    names = " and ".join(f"{bold}{name(frame, frame)}{bold}" for frame in sorted(top))
    verb = "each dominate" if len(top) > 1 else "dominates"
    return (f"{names} {verb} {int(counts.iloc[0]):,} of {len(dominant):,} {unit}"
            + (f" ({'; '.join(notes)})" if notes else "") + ". ")


def cooccurrence_section(ctx: FramingContext, out_dir: str, level: str = "sentence") -> Section:
    """How many units (sentences or articles) carry both of two frames (heatmap)."""
    pairs = framing_stats.frame_cooccurrence(ctx.kept, ctx.sentences, level=level,
                                             frame_ids=ctx.book.frame_ids)
    save_table(pairs, "framing_cooccurrence", out_dir)
    matrix = framing_stats.cooccurrence_matrix(pairs, "n_both") if len(pairs) else pd.DataFrame()
    if not len(matrix):
        return Section("cooccurrence", reading="Fewer than two frames: no co-occurrence to show.")
    labels = ctx.labels
    # Colour by the off-diagonal range: the diagonal (frame alone) would swamp the pairs.
    figure = heatmap.plot_heatmap(matrix, cmap="Purples", vmin=0, value_format="{:.0f}",
                                  range_without_diagonal=True, x_labels=labels, y_labels=labels,
                                  title=f"Frame co-occurrence ({level} level)",
                                  colorbar_label=f"{level}s with both frames")
    return Section("cooccurrence", figure=figure, caption=(
        f"Number of {level}s carrying both frames (diagonal: the frame alone). "
        f"{ctx.codebook}."), reading=cooccurrence_reading(pairs, labels, level, _shipped_name(ctx)),
        facts=dict(n=int(pairs["n_units"].iloc[0]), unit=f"{level}s",
                   source=f"{ctx.source}, newsprism.framing.stats"))


def _evidence_part(ctx: FramingContext, evidence: pd.DataFrame, frame_id: str):
    label = ctx.labels[frame_id]
    cell = evidence[evidence["frame"] == frame_id] if len(evidence) else evidence
    if cell.empty:
        return reading_html(f"**{label}** ({frame_id}): no hit in any outlet.")
    return Section(f"evidence-{frame_id}", table=cell.drop(columns=["frame"]), max_rows=None,
                   html_columns=("snippet",), caption=(
                       f"Evidence for **{label}** ({frame_id}) per outlet: keyword in context, "
                       f"cue marked. {ctx.codebook}."),
                   facts=dict(n=int(cell.groupby("outlet")["n_hits"].first().sum()),
                              unit="frame hits", source=f"{ctx.source}, newsprism.framing.detect"))


def evidence_section(ctx: FramingContext, out_dir: str, per_cell: int = 3) -> Group:
    """For each frame, up to ``per_cell`` sentences per outlet with the cue marked; every hit
    saved as ``framing_hits``."""
    save_table(ctx.frames.merge(ctx.english[["article_id", "outlet"]], on="article_id"),
               "framing_hits", out_dir)
    evidence = framing_stats.frame_evidence(ctx.kept, ctx.english, per_cell=per_cell,
                                            frame_ids=ctx.book.frame_ids)
    return Group("evidence", [_evidence_part(ctx, evidence, frame_id)
                              for frame_id in ctx.book.frame_ids])


def negated_section(ctx: FramingContext) -> Section:
    """Negated cues, with their sentences (left out of the counts unless include_negated)."""
    negated = ctx.frames[ctx.frames["negated"].astype(bool)]
    if not len(negated):
        return Section("negated", reading="No cue was negated in this corpus.")
    table = framing_stats.frame_evidence(negated, ctx.english, per_cell=10, include_negated=True)
    return Section("negated", table=table, max_rows=200, html_columns=("snippet",), caption=(
        "Negated cues (left out of the counts above unless include_negated=True)."),
        facts=dict(n=len(negated), unit="negated hits",
                   source=f"{ctx.source}, newsprism.framing.detect"))


def _with_counts(leanings: pd.DataFrame) -> list[str]:
    """Each outlet with its hits of the pair's sides ("A (3 vs 1 hits)"): one hit against none
    is a preference too, and the reader should see how thin it is."""
    if "counts" not in leanings.columns:
        return list(leanings["outlet"])
    numbers = [" vs ".join(re.findall(r": (\d+)", str(c))) for c in leanings["counts"]]
    return [f"{outlet} ({n} hits)" for outlet, n in zip(leanings["outlet"], numbers, strict=True)]


def word_choice_reading(choices: pd.DataFrame, leanings: pd.DataFrame) -> str:
    """Which outlets prefer the first side of each naming pair.

    >>> choices = pd.DataFrame({"pair": ["p", "p"], "side": ["regime", "government"]})
    >>> leanings = pd.DataFrame({"pair": ["p", "p"], "outlet": ["A", "B"],
    ...                          "preferred": ["regime", "government"]})
    >>> word_choice_reading(choices, leanings)[:54]
    "'regime' is the preferred wording of A. A count is a c"
    >>> word_choice_reading(choices, leanings.assign(counts="regime: 1; government: 0"))[:52]
    "'regime' is the preferred wording of A (1 vs 0 hits)"
    """
    first_sides = choices.groupby("pair", sort=False)["side"].first()
    users = leanings[leanings["preferred"] == leanings["pair"].map(first_sides)]
    said = [f"'{first_sides[p]}' is the preferred wording of {', '.join(_with_counts(part))}"
            for p, part in users.groupby("pair", sort=False)]
    return ("; ".join(said) + (". " if len(users) else "No outlet prefers the first side of "
                               "any pair. ")
            + "A count is a choice of words, not a stance: read the sentences before "
            "attributing intent.")


NO_NAMING_PAIRS = ("Codebook '{name}' defines no naming pairs, so there is no word choice to "
                   "compare; add `naming_pairs:` to the codebook to compare word choice.")


def word_choice_section(ctx: FramingContext, out_dir: str) -> Group:
    """The naming pairs of the codebook in use (only its own: a codebook without any gets an
    empty table and a reading saying so), their hits per outlet side by side, and the side
    each outlet uses most."""
    book = ctx.book
    choices = framing.word_choice(ctx.english, book)
    save_table(choices, "framing_word_choice", out_dir)
    leanings = framing.word_choice_leanings(choices)
    save_table(leanings, "framing_word_choice_leanings", out_dir)
    if not book.naming_pairs:
        return Group("word-choice", [Section(
            "naming-pairs", table=choices.drop(columns=["pair"]).iloc[:, :3], caption=(
                f"The naming pairs and their cues (codebook '{book.name}'): none."),
            reading=NO_NAMING_PAIRS.format(name=book.name),
            facts=dict(n=0, unit="pair sides", source=book.source_label))])
    articles = dict(n=len(ctx.english), unit="English articles",
                    source=f"{ctx.source}, newsprism.framing.detect.word_choice")
    return Group("word-choice", [
        Section("naming-pairs", table=choices.drop(columns=["pair"]).iloc[:, :3],
                max_rows=None, caption=(
                    f"The naming pairs and their cues (codebook '{book.name}')."),
                facts=dict(n=len(choices), unit="pair sides", source=book.source_label)),
        Section("word-choice-table", table=framing.word_choice_by_outlet(choices),
                max_rows=200, caption=(
                    "Word choice side by side: hits of each naming-pair side per outlet "
                    "(columns in pairs, as listed above)."), facts=articles),
        Section("leanings", table=leanings.drop(columns=["pair"]), max_rows=200, caption=(
            "The side of each naming pair each outlet uses most (empty: uses neither)."),
            reading=word_choice_reading(choices, leanings), facts=articles)])


def _saved_validation(book, run_validation: bool) -> tuple[pd.DataFrame, str]:
    """The frame validation rows of the codebook in use (a custom codebook has no gold, even
    when its ``codebook:`` name is a shipped one's) and where they come from: saved
    ``make validate`` results, else a run now."""
    from newsprism.core import validate

    if not book.shipped:
        return pd.DataFrame(), "none: not a shipped codebook"
    book_name = book.name
    results = validate.load_results()
    results = results[results["measure"] == "frames"] if len(results) else results
    origin = "saved results of `make validate`"
    if results.empty and run_validation:
        results = validate.run_validator("frames", quick=False)
        origin = "run now by this notebook"
    if len(results):
        results = results[results["engine"].astype(str).str.endswith(f"={book_name}")]
    return results, origin


def _stale_frames(origin: str) -> str:
    """" " + the sentence saying the saved frame figures are stale (empty when current or
    run now)."""
    from newsprism.core.validate import stale_note

    note = stale_note(["frames"]) if origin.startswith("saved") else ""
    return f" {note}" if note else ""


def _weakest_frame(results: pd.DataFrame, book_name: str) -> str:
    """The lowest per-frame F1 of the codebook in use (not only of 'story')."""
    rows = results[results["engine"].astype(str).str.endswith(f"={book_name}")
                   & results["metric"].astype(str).str.match(r"f1\[(?!macro|micro)")]
    if not len(rows):
        return ""
    weakest = rows.sort_values("value").iloc[0]
    return (f"Weakest frame of codebook '{book_name}': {weakest['metric']} = "
            f"{weakest['value']:.2f} (n = {int(weakest['n'])}). Frames with small n have wide "
            "uncertainty.")


def agreement_reading(scores: pd.DataFrame) -> str:
    """Each frame's F1 against the always-present baseline (every paragraph marked with the
    frame: precision = the frame's share of gold paragraphs, recall 1), and the range of n.

    >>> s = pd.DataFrame({"frame": ["a", "b"], "measure": ["f1", "f1"], "estimate": [0.9, 0.1],
    ...                   "tp": [9, 1], "fn": [1, 9], "n_paragraphs": [100, 100]})
    >>> print(agreement_reading(s))
    In-sample (the bundled corpus's paragraphs, which the cues were tuned on, not the NFC \
articles of the validity note): F1 beats the always-present baseline (every paragraph marked \
with the frame) for 1 of 2 frames; not for b. Smallest margin: b, F1 0.10 against 0.18. \
Gold paragraphs per frame run from 10 to 10: frames with fewer than 15 are validated only roughly.
    """
    f1 = scores[scores["measure"] == "f1"]
    gold = (f1["tp"] + f1["fn"]).astype(float)
    baseline = 2 * gold / (gold + f1["n_paragraphs"].astype(float))
    beats = f1["estimate"].astype(float) > baseline
    margin = (f1["estimate"].astype(float) - baseline).idxmin()
    not_beating = ", ".join(f1.loc[~beats, "frame"])
    return ("In-sample (the bundled corpus's paragraphs, which the cues were tuned on, not the "
            "NFC articles of the validity note): F1 beats the always-present baseline (every "
            f"paragraph marked with the frame) for {int(beats.sum())} of {len(f1)} frames"
            + (f"; not for {not_beating}" if not_beating else "")
            + f". Smallest margin: {f1.loc[margin, 'frame']}, F1 "
            f"{float(f1.loc[margin, 'estimate']):.2f} against {float(baseline[margin]):.2f}. "
            f"Gold paragraphs per frame run from {int(gold.min())} to {int(gold.max())}: "
            "frames with fewer than 15 are validated only roughly.")


def no_validation_text(book_name: str, shipped: bool, run_validation: bool = True) -> str:
    """Why the validation table is missing: a custom codebook has no gold; a shipped one has,
    but no result was saved by ``make validate`` and none was run now (a shipped codebook
    read "only the shipped 'story' and 'generic' codebooks have hand-coded gold").

    >>> no_validation_text("generic", True, run_validation=False)[:68]
    "No saved validation result for codebook 'generic', which has hand-co"
    >>> no_validation_text("mine", False)[:60]
    "No validation result for codebook 'mine': only the shipped '"
    """
    if shipped:
        why = ("the quick run is switched off (parameter run_validation = False)"
               if not run_validation else "the quick run gave none")
        return (f"No saved validation result for codebook '{book_name}', which has hand-coded "
                f"gold, and {why}: run `make validate`.")
    return (f"No validation result for codebook '{book_name}': only the shipped 'story' and "
            "'generic' codebooks have hand-coded gold. Validate a custom codebook by "
            "hand-coding a sample of its paragraphs the same way.")


def validation_section(ctx: FramingContext, run_validation: bool = True) -> Group:
    """Frame detection against the hand-coded paragraphs of the bundled corpus (in-sample),
    then per-frame agreement with Wilson intervals and every disagreement."""
    from newsprism.framing import validation as framing_validation

    book = ctx.book
    results, origin = _saved_validation(book, run_validation)
    if len(results):
        first: Section = Section("validation", table=results[["engine", "metric", "value", "n",
                                                              "status"]], max_rows=None,
                                 caption=(f"Frame detection against hand-coded paragraphs "
                                          f"({origin})." + _stale_frames(origin)),
                                 reading=_weakest_frame(results, book.name), facts=dict(
                                     n=int(results.loc[results["metric"] == "paragraphs scored",
                                                       "n"].max()),
                                     unit="hand-coded paragraphs",
                                     source=str(results["reference"].iloc[0])))
    else:
        first = Section("validation", reading=no_validation_text(book.name, book.shipped,
                                                                  run_validation))
    scores, disagreements = framing_validation.validation_summary(book)
    if not len(scores):
        return Group("validation-section", [first])
    gold = framing_validation.REFERENCE.split(" ", 1)[0]  # data/gold/frames_gold.csv
    return Group("validation-section", [first, Section(
        "agreement", table=scores, max_rows=None, caption=(
            "Per-frame agreement with the hand coding, with Wilson 95% intervals, computed "
            f"now on the cleaned corpus. {ctx.codebook}."),
        reading=agreement_reading(scores), facts=dict(n=int(scores["n_paragraphs"].iloc[0]), unit="hand-coded paragraphs",
                   source=gold)), Section(
        "disagreements", table=disagreements, max_rows=None, caption=(
            "Every paragraph where the detector and the coder disagree: frames the coder saw "
            "but no cue caught (missed), and frames a cue triggered that the coder did not see "
            "(added)."), reading=(
            "A missed frame points to a cue the codebook lacks, an added one to a cue that "
            "reaches too far: read the paragraph before editing the codebook."),
        facts=dict(n=len(disagreements), unit="paragraphs",
                   source=f"{gold}, newsprism.framing.validation"))])


def key_findings(ctx: FramingContext, prevalence: Group, dominant: Section,
                 tests: Section) -> list[str]:
    """The most prevalent frame cell, the most frequent dominant frame and how many frames
    differ across outlets, from the sections' own tables."""
    table = prevalence.facts["prevalence"]
    book_name = ctx.book.name if ctx.book.shipped else ""
    top = _top_share(table)
    found = []
    if len(top) and top["estimate"].iloc[0] > 0:
        cell = top.iloc[0]
        found.append(f"Most prevalent frame cell: {ctx.labels[cell['frame']]} in "
                     f"{cell['outlet']} ({cell['estimate']:.0%} of {int(cell['n']):,} sentences, "
                     f"{share_interval_text(cell)}"
                     f"{lead_text(table, cell)}; codebook "
                     f"{ctx.book.name}).{other_frame_text(table, cell, ctx.labels)}"
                     f"{weak_frames_note(book_name, [cell['frame']])} "
                     + evidence_link(NOTEBOOK, "prevalence-table", "framing_prevalence"))
    dominant_table = dominant.tables["framing_dominant"]
    if len(dominant_table):
        found.append(" ".join(filter(None, [
            "Dominant frame: " + dominant_count_text(dominant_table, labels=ctx.labels,
                                                     unit="English articles").strip(),
            weak_frames_note(book_name, _top_dominant(dominant_table)).strip(),
            evidence_link(NOTEBOOK, "dominant", "framing_dominant")])))
    test_table = tests.tables["framing_tests"]
    n_significant = int((test_table["q_value"] < 0.05).sum())
    if test_table["q_value"].notna().any():
        found.append(f"{n_significant} of {len(test_table)} frames "
                     f"{verb(n_significant, 'differs', 'differ')} across outlets at "
                     "q < 0.05 (articles with the frame against without, per outlet: "
                     "Fisher's test or a chi-square with outlet labels permuted over "
                     "articles)." + weak_frames_note(book_name, list(
                         test_table.loc[test_table["q_value"] < 0.05, "frame"])) + " "
                     + evidence_link(NOTEBOOK, "tests", "framing_tests"))
    elif len(test_table) and (test_table["caveat"] == framing_stats.ONE_ARTICLE_CAVEAT).all():
        found.append("Frame differences across outlets are not tested: every outlet has one "
                     "article, and the test compares outlets' articles. "
                     + evidence_link(NOTEBOOK, "tests", "framing_tests"))
    return found


def findings_text(findings: list[str]) -> str:
    """The key findings as the notebook prints them, one "- " line each.

    >>> print(findings_text(["a.", "b."]))
    - a.
    - b.
    """
    return "\n".join(f"- {finding}" for finding in findings)
