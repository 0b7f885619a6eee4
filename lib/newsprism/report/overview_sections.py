"""The sections of the ``00_corpus_overview`` notebook: one function per section, each
returning a :class:`~newsprism.viz.section.Section` or a :class:`~newsprism.viz.section_group.Group`
(tables saved, figure, caption with n, unit and source, reading).

Usage (in a notebook)::

    ctx = prepare("", cleaning="default")
    outlets_section(ctx, out_dir="").show()
    record_findings("", "00_corpus_overview", key_findings(ctx, duplicates_section(ctx, "")))
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newsprism.compare import cleaning_doubts, overview
from newsprism.compare.readings import all_equal_text, tied_at, tied_names, when_comparable
from newsprism.compare.wording import plural, verb
from newsprism.corpus import language
from newsprism.corpus.encoding import REPAIR_RULE, is_repair, removals
from newsprism.corpus.entities import ENTITY_RULE
from newsprism.corpus.readers import Corpus, problems_reading
from newsprism.report import caveats
from newsprism.report.runner import save_table
from newsprism.time import timeline
from newsprism.viz.display import kwic_html
from newsprism.viz.section import Section, evidence_link
from newsprism.viz.section_group import Group, table_section

NOTEBOOK = "00_corpus_overview"
PAIR_COLUMNS = ["outlet_a", "outlet_b", "cosine", "copied_words", "share_a", "share_b",
                "shared_words", "is_copy", "passage_a", "passage_b"]
MAX_ARTICLE_CELLS = 30  # beyond ~30 articles a heatmap cell per article is unreadable
# Bars drawn in the words-per-outlet figure: a web corpus of 851 sites made a 383-inch-tall
# figure (20 s to draw); the table lists every outlet.
MAX_BAR_OUTLETS = 40
# The audit rows that remove nothing, as a caption counts them.
REPAIR_NOUNS = ((REPAIR_RULE, "encoding repair", "encoding repairs"),
                (ENTITY_RULE, "field with HTML entities decoded",
                 "fields with HTML entities decoded"))


@dataclass
class OverviewContext:
    """What every section needs: the corpus as read (articles, problems, cleaning audit), the
    corpus name for captions and the cleaning level."""

    data: Corpus
    source: str
    cleaning: str

    @property
    def articles(self) -> pd.DataFrame:
        return self.data.articles

    @property
    def headline(self) -> str:
        """"N articles from M outlets read from SOURCE"."""
        return (f"{plural(len(self.articles), 'article')} from "
                f"{plural(self.articles['outlet'].nunique(), 'outlet')} read from {self.source}")


def prepare(corpus: str, cleaning: str = "default") -> OverviewContext:
    """Read ``corpus`` (empty: the bundled corpus; a folder, file or annotated directory).
    Raises ValueError, with the problems table, when no article could be read."""
    from newsprism.core.provenance import corpus_name
    from newsprism.pipeline.store import load_any_corpus

    data = load_any_corpus(corpus or None, cleaning=cleaning)
    if data.articles.empty:
        raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}; "
                         "see the problems table: " + data.problems.to_string())
    return OverviewContext(data=data, source=corpus_name(data.source or corpus),
                           cleaning=cleaning)


def outlets_section(ctx: OverviewContext, out_dir: str) -> Group:
    """Articles and words per outlet (table), words per outlet (figure) and the length reading."""
    by_outlet = overview.outlet_summary(ctx.articles)
    save_table(by_outlet, "overview_outlets", out_dir)
    table = table_section("outlets", by_outlet, "Articles and words per outlet (words after "
                          "cleaning: furniture it misses is counted). "
                          + caveats.cleaning_note(ctx.cleaning),
                    tables={"overview_outlets": by_outlet},
                    facts=dict(n=len(ctx.articles), unit="articles",
                               source=f"{ctx.source} (manifest and cleaned texts)"))
    figure = Section("outlet-words", figure=plot_outlet_words(by_outlet),
                     caption=outlet_words_caption(by_outlet),
                     reading=length_reading(by_outlet),
                     facts=dict(n=int(by_outlet["words_total"].sum()), unit="words",
                                source=f"{ctx.source}, newsprism.text.count_words"))
    return Group("outlets", [table, figure])


def outlet_words_caption(by_outlet: pd.DataFrame) -> str:
    """The words-per-outlet caption, saying when only the first ``MAX_BAR_OUTLETS`` are drawn.

    >>> outlet_words_caption(pd.DataFrame({"outlet": ["a", "b"]}))
    'Words per outlet after cleaning.'
    """
    if len(by_outlet) <= MAX_BAR_OUTLETS:
        return "Words per outlet after cleaning."
    return (f"Words per outlet after cleaning: the first {MAX_BAR_OUTLETS} of "
            f"{len(by_outlet)} outlets in the table's order (every outlet is in the table).")


def plot_outlet_words(by_outlet: pd.DataFrame):
    """Horizontal bars: words after cleaning per outlet (largest first, as in the table), the
    first ``MAX_BAR_OUTLETS`` outlets only."""
    import matplotlib.pyplot as plt

    by_outlet = by_outlet.head(MAX_BAR_OUTLETS)
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(by_outlet) + 1.2))
    ax.barh(by_outlet["outlet"], by_outlet["words_total"], color="#4c72b0")
    ax.invert_yaxis()
    ax.set_xlabel("words after cleaning (total per outlet)")
    ax.set_title("Length of coverage per outlet")
    fig.tight_layout()
    return fig


def length_reading(by_outlet: pd.DataFrame) -> str:
    """Which outlet gives the story the most and the least text, from
    :func:`newsprism.compare.overview.outlet_summary`'s table.

    >>> print(length_reading(pd.DataFrame({"outlet": ["A", "B"], "words_total": [300, 100]})))
    **A** gives the story the most text (300 words), **B** the least (100 words), a ratio of 3.0. Longer coverage has more room for quotes and frames, so later per-outlet counts are also shown per 1,000 words.
    """
    most, least = by_outlet["words_total"].max(), by_outlet["words_total"].min()
    longest = tied_at(by_outlet, "words_total")
    shortest = tied_at(by_outlet, "words_total", highest=False)
    each = " each" if len(longest) > 1 else ""
    compared = (all_equal_text(by_outlet, "length of coverage", f"{int(most):,} words")
                if most == least else
                f"{tied_names(longest, 'gives', 'give')} the story the most text ({int(most):,} "
                f"words{each}), {tied_names(shortest, '', '').strip()} the least ({int(least):,} "
                f"words{' each' if len(shortest) > 1 else ''}), a ratio of "
                f"{most / max(least, 1):.1f}.")
    return when_comparable(by_outlet["outlet"], compared, "length of coverage") + (" Longer coverage has more room for quotes and frames, so "
                                 "later per-outlet counts are also shown per 1,000 words.")


def n_non_english(articles: pd.DataFrame) -> int:
    """Articles not detected as English (English-only measures skip them)."""
    return len(articles) - len(language.english_articles(articles))


def coverage_reading(n_articles: int, n_other: int, n_dated: int) -> str:
    """Languages and dates in words: with articles lacking a publication date, exactly what is
    and is not computed for them (this notebook gives them no first or last date; 50 places
    them, when their text mentions a date, at its latest one: an estimate, not a bound).

    >>> coverage_reading(4, 1, 4)
    '1 of 4 articles is not detected as English; English-only measures skip them. 4 of 4 articles carry a parseable publication date.'
    >>> coverage_reading(4, 0, 4).split(". ")[0]
    'All 4 articles are detected as English, so English-only measures read every one'
    """
    language = (f"All {n_articles:,} articles are detected as English, so English-only measures "
                "read every one" if n_other == 0 else
                f"{n_other:,} of {n_articles:,} articles {verb(n_other, 'is', 'are')} not detected "
                "as English; English-only "
                "measures skip them")
    text = (f"{language}. {n_dated:,} of {n_articles:,} articles "
            f"{verb(n_dated, 'carries', 'carry')} a parseable "
            "publication date")
    missing = n_articles - n_dated
    if missing <= 0:
        return text + "."
    return text + (
        f"; this table gives the {plural(missing, 'article')} without one no first or last "
        "date, and no order of publication is computed for them. 50_over_time (with its "
        "default date_fallback \"text\") dates such an article by the latest date its own text "
        f"mentions, when it mentions one: {timeline.TEXT_DATE_ESTIMATE}, so an order resting "
        "on it is not an order of publication; an article with "
        "neither date is counted as undated and placed in no period.")


def coverage_section(ctx: OverviewContext, out_dir: str) -> Group:
    """Articles per language and genre, publication dates per outlet, and their reading."""
    articles = ctx.articles
    languages = overview.count_by(articles, "language")
    genres = overview.count_by(articles, "genre")
    dates = overview.date_coverage(articles)
    save_table(languages, "overview_languages", out_dir)
    save_table(genres, "overview_genres", out_dir)
    save_table(dates, "overview_dates", out_dir)
    n = dict(n=len(articles), unit="articles")
    return Group("coverage", [
        table_section("languages", languages, "Articles per detected language.",
                facts=dict(n, source=f"{ctx.source}, newsprism language detection")),
        table_section("genres", genres, "Articles per genre (as recorded in the "
                "manifest).", facts=dict(n, source=f"{ctx.source} manifest")),
        table_section("dates", dates, "Publication dates per outlet (parseable dates "
                "only), in UTC as in 50_over_time: a time given with a zone is converted, so "
                "an article of late evening west of Greenwich can fall on the next day.",
                facts=dict(n, source=f"{ctx.source} manifest"),
                reading=coverage_reading(len(articles), n_non_english(articles),
                                         int(dates["dated"].sum())))])


def problems_section(ctx: OverviewContext, out_dir: str) -> Section:
    """Every file or record that could not be read, and the reading of the problems table."""
    problems = ctx.data.problems
    save_table(problems, "overview_problems", out_dir)
    return table_section("problems", problems, "Input problems (file, line, reason).",
                   reading=problems_reading(problems),
                   facts=dict(n=len(problems), unit="problems",
                              source=f"{ctx.source}, newsprism.corpus.load_corpus"))


def repairs_note(audit: pd.DataFrame) -> str:
    """The caption sentence that makes a table's rows add up to its n of removed lines: how
    many of its rows are encoding repairs or decoded HTML entities, which remove nothing
    ("" when none).

    >>> repairs_note(pd.DataFrame({"rule": ["nav_link", "encoding_repair"]}))
    ' Besides the 1 removed line, the table lists 1 encoding repair (rule encoding_repair), which removes nothing.'
    >>> repairs_note(pd.DataFrame({"rule": ["encoding_repair", "html_entities", "html_entities"]}))
    ' Besides the 0 removed lines, the table lists 1 encoding repair (rule encoding_repair) and 2 fields with HTML entities decoded (rule html_entities), which remove nothing.'
    """
    if audit is None or "rule" not in audit:
        return ""
    repaired = int(is_repair(audit).sum())
    if not repaired:
        return ""
    listed = [f"{plural(count, one, many)} (rule {rule})" for rule, one, many in REPAIR_NOUNS
              if (count := int((audit["rule"] == rule).sum()))]
    verb = "removes" if repaired == 1 else "remove"
    return (f" Besides the {plural(len(removals(audit)), 'removed line')}, the table lists "
            f"{' and '.join(listed)}, which {verb} nothing.")


def audit_section(ctx: OverviewContext, out_dir: str, max_rows: int = 40) -> Group:
    """Removals per cleaning rule, the removed lines (``max_rows`` shown, all saved), reading."""
    audit = ctx.data.cleaning_audit
    rules = overview.audit_summary(audit)
    save_table(audit, "overview_cleaning_audit", out_dir)
    save_table(rules, "overview_cleaning_rules", out_dir)
    facts = dict(n=len(removals(audit)), unit="removed lines",
                 source=f"{ctx.source}, newsprism.corpus.clean")
    note = repairs_note(audit)
    return Group("audit", [
        table_section("cleaning-rules", rules, "Removals per cleaning rule." + note + " "
                      + caveats.cleaning_note(ctx.cleaning),
                facts=facts),
        table_section("cleaning-audit", audit, "Removed text, line by line." + note,
                max_rows=max_rows, facts=facts,
                reading=overview.audit_reading(audit, rules, len(ctx.articles),
                                                  ctx.articles["article_id"]))])


def cleaning_outlet_section(ctx: OverviewContext, out_dir: str) -> Section:
    """Removals per outlet and rule with an example line, and the largest removal."""
    audit = ctx.data.cleaning_audit
    table = overview.cleaning_by_outlet(audit, ctx.articles)
    save_table(table, "overview_cleaning_by_outlet", out_dir)
    return table_section("cleaning-outlets", table, (
        f"Removals per outlet and rule (cleaning level '{ctx.cleaning}'); share_of_text = "
        "removed characters / raw characters. " + caveats.cleaning_note(ctx.cleaning)),
        reading=overview.cleaning_outlet_reading(table),
        facts=dict(n=len(removals(audit)), unit="removed lines",
                   source=f"{ctx.source}, newsprism.corpus.clean"))


def doubts_section(ctx: OverviewContext, out_dir: str) -> Section:
    """Lines kept in doubt per outlet with the most doubted one as example (the lines
    themselves saved as ``overview_cleaning_doubts``); they are not removals."""
    doubts = ctx.data.cleaning_doubts
    table = cleaning_doubts.doubts_by_outlet(doubts, ctx.articles)
    save_table(doubts, "overview_cleaning_doubts", out_dir)
    save_table(table, "overview_cleaning_doubts_by_outlet", out_dir)
    return table_section("cleaning-doubts", table, (
        f"Lines kept in doubt per outlet (cleaning level '{ctx.cleaning}'): still in the text, "
        "not counted as removed; example = the outlet's line with the highest furniture score "
        "(score), reason = why it was kept. The saved table overview_cleaning_doubts lists "
        "every such line."),
        reading=cleaning_doubts.doubts_reading(table, recorded=len(doubts.columns) > 0),
        facts=dict(n=len(doubts), unit="lines kept in doubt",
                   source=f"{ctx.source}, newsprism.corpus.clean"))


# Pairs shown on the page with their passages; the saved table holds every listed pair.
PAIRS_SHOWN = 10


def pairs_note(pairs: pd.DataFrame, shown: int = PAIRS_SHOWN) -> str:
    """What the pair table leaves out: rows beyond the ``shown`` on the page (the saved table
    has ``pairs``), pairs never scored.

    >>> pairs = pd.DataFrame({"cosine": [0.9] * 500})
    >>> pairs.attrs.update(n_pairs=31125)
    >>> pairs_note(pairs)
    ' Showing the 10 strongest of 31,125 pairs (copies first); the saved table overview_near_duplicates holds the 500 strongest.'
    """
    n_pairs = pairs.attrs["n_pairs"]
    unlisted = int(pairs.attrs.get("n_no_shared_term", 0))
    listed, on_page = n_pairs - unlisted, min(shown, len(pairs))
    saved = f"all {listed:,} listed" if len(pairs) == listed else f"the {len(pairs):,} strongest"
    note = "" if on_page == listed else (
        f" Showing the {on_page:,} strongest of {n_pairs:,} pairs (copies first); the "
        f"saved table overview_near_duplicates holds {saved}.")
    if unlisted:
        note += (f" {plural(unlisted, 'pair')} of articles share no term (cosine 0, e.g. "
                 "articles in two languages) and are not listed: none is a copy.")
    method = pairs.attrs.get("method", "all pairs")
    if method != "all pairs":
        note += (f" The corpus is too large to score every pair: only {method} were scored "
                 "(pairs without one are not listed).")
    return note


# A shared passage longer than this is shown by its beginning and end (the saved table has
# its offsets): on PolNeAR one pair shared a whole 967-word article.
MAX_PASSAGE_CHARS = 400


def pair_evidence(pairs: pd.DataFrame, articles: pd.DataFrame,
                  shown: int = PAIRS_SHOWN) -> pd.DataFrame:
    """The ``shown`` strongest pairs with their longest shared passage highlighted in each
    (beginning and end only beyond :data:`MAX_PASSAGE_CHARS` characters)."""
    texts = articles.set_index("article_id")["text"]
    top = pairs.head(shown)
    passage_a = [kwic_html(texts[r.article_a], r.start_a, r.end_a, width=40,
                           max_mark=MAX_PASSAGE_CHARS) for r in top.itertuples()]
    passage_b = [kwic_html(texts[r.article_b], r.start_b, r.end_b, width=40,
                           max_mark=MAX_PASSAGE_CHARS) for r in top.itertuples()]
    return top.assign(passage_a=passage_a, passage_b=passage_b)[PAIR_COLUMNS]


def copy_rule(ngram: int) -> str:
    """The copy rule in words (the one of :func:`newsprism.compare.similarity.copied_pairs`).

    >>> copy_rule(8)
    'passages of at least 8 identical consecutive words, stock phrases set aside, cover at least 20% of one of the two articles and hold at least 24 words'
    """
    from newsprism.compare.similarity import COPY_MIN_SHARE, COPY_MIN_WORDS

    return (f"passages of at least {ngram} identical consecutive words, stock phrases set "
            f"aside, cover at least {COPY_MIN_SHARE:.0%} of one of the two articles and hold "
            f"at least {COPY_MIN_WORDS} words")


def duplicates_reading(pairs: pd.DataFrame, ngram: int) -> str:
    """How many pairs are copies and what the most similar pair shares, from
    :func:`newsprism.compare.overview.near_duplicates`' table."""
    if not len(pairs):
        return "There are fewer than two articles, so no pair to compare."
    top = pairs.iloc[0]
    copies = pairs.attrs["n_copies"]
    return (f"{copies:,} of {pairs.attrs['n_pairs']:,} pairs "
            f"{verb(copies, 'is a copy', 'are copies')} "
            f"({copy_rule(ngram)}). The most similar pair, {overview.pair_label(top)}, has "
            f"cosine {top['cosine']:.2f} and shares at most {int(top['shared_words'])} "
            "consecutive words: " + ("a sign of copied or syndicated text."
                                     if top["is_copy"] else
                                     "the articles tell the same story in their own words."))


def duplicates_section(ctx: OverviewContext, out_dir: str, ngram: int = 8) -> Group:
    """Most similar article pairs with their shared passage and whether they are copies, the
    similarity heatmap (outlet means beyond :data:`MAX_ARTICLE_CELLS` articles) and the copy
    reading. ``facts``: the pairs table (``pairs``)."""
    articles = ctx.articles
    pairs = overview.near_duplicates(articles, ngram=ngram)
    save_table(pairs, "overview_near_duplicates", out_dir)
    n_pairs = dict(n=pairs.attrs["n_pairs"], unit="article pairs")
    table = table_section("near-duplicates", pair_evidence(pairs, articles), (
        "Most similar article pairs (TF-IDF cosine) with their longest shared passage "
        f"(highlighted); is_copy: {copy_rule(ngram)} (copied_words, share_a, share_b)."
        + pairs_note(pairs)), html_columns=("passage_a", "passage_b"),
        facts=dict(n_pairs, source=f"{ctx.source}, newsprism.compare.overview.near_duplicates"))
    by_outlet = len(articles) > MAX_ARTICLE_CELLS
    figure = Section("similarity", figure=plot_similarity(articles, by_outlet), caption=(
        "Mean TF-IDF cosine similarity between articles of two outlets (diagonal: pairs of "
        "distinct articles within an outlet), from every pair of articles." if by_outlet else
        "TF-IDF cosine similarity between every pair of articles (1 on the diagonal)."),
        reading=duplicates_reading(pairs, ngram),
        facts=dict(n_pairs, source=f"{ctx.source}, newsprism.compare.overview.similarity_matrix"))
    return Group("duplicates", [table, figure], facts={"pairs": pairs})


def plot_similarity(articles: pd.DataFrame, by_outlet: bool):
    """TF-IDF cosine heatmap between articles (labelled by outlet) or outlet means (each
    mean written in its cell, colours from 0 to the largest mean: on a 0-1 scale seven
    outlets' means of 0.03-0.10 were one flat colour)."""
    import matplotlib.pyplot as plt

    from newsprism.viz.heatmap import plot_heatmap

    matrix = overview.similarity_matrix(articles, by_outlet=by_outlet)
    if by_outlet:
        return plot_heatmap(matrix, cmap="viridis", vmin=0, value_format="{:.3f}",
                            title="How similar are the outlets' articles?",
                            colorbar_label="mean TF-IDF cosine similarity")
    labels = (matrix.index.tolist() if by_outlet else
              articles.set_index("article_id").loc[matrix.index, "outlet"].tolist())
    fig, ax = plt.subplots(figsize=(6, 5))
    image = ax.imshow(matrix.to_numpy(), vmin=0, vmax=1, cmap="viridis")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    fig.colorbar(image, ax=ax, label="TF-IDF cosine similarity")
    ax.set_title("How similar are the articles?")
    fig.tight_layout()
    return fig


def key_findings(ctx: OverviewContext, duplicates: Group) -> list[str]:
    """The index page's key findings: size, problems and cleaning, languages and dates,
    copies (from :func:`duplicates_section`'s pairs)."""
    articles, audit = ctx.articles, ctx.data.cleaning_audit
    pairs = duplicates.facts["pairs"]
    n_dated = int(overview.date_coverage(articles)["dated"].sum())
    top = (f"; most similar: {overview.pair_label(pairs.iloc[0]).replace('**', '')} "
           f"(cosine {pairs.iloc[0]['cosine']:.2f})." if len(pairs) else "")
    found = [
        f"{plural(len(articles), 'article')} from {plural(articles['outlet'].nunique(), 'outlet')}"
        f", {plural(int(articles['n_words'].sum()), 'word')} after cleaning "
        f"(median {int(articles['n_words'].median()):,} per article).",
        problems_reading(ctx.data.problems) + " Cleaning removed "
        f"{plural(len(removals(audit)), 'line')} of page furniture."
        + (" " + overview.repair_reading(audit, len(articles)) if is_repair(audit).any() else ""),
        f"{plural(n_non_english(articles), 'non-English article')}; "
        f"{plural(n_dated, 'article')} with a publication date.",
        f"{plural(pairs.attrs['n_copies'], 'copied pair')} of "
        f"{pairs.attrs['n_pairs']:,} article pairs{top}" if len(pairs) else
        "One article: no pair of articles to compare for copying.",
    ]
    where = [("outlets", "overview_outlets"), ("problems", "overview_problems"),
             ("dates", "overview_dates"), ("near-duplicates", "overview_near_duplicates")]
    return [f"{text} {evidence_link(NOTEBOOK, *at)}" for text, at in zip(found, where,
                                                                            strict=True)]
