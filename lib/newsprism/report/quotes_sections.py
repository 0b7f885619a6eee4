"""The sections of the ``30_quotes`` notebook: one function per section, each returning a
:class:`~newsprism.viz.section.Section` or :class:`~newsprism.viz.section_group.Group` (tables saved,
figure, caption with n, unit and source, reading).

Usage (in a notebook)::

    ctx = prepare("", n_boot=2000)
    rates_section(ctx, out_dir="").show()
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from newsprism.compare.readings import (
    all_equal_text,
    few_articles_text,
    pooled_order_text,
    tied_at,
    tied_names,
    when_comparable,
)
from newsprism.compare.wording import mean_basis, plural, verb
from newsprism.core.stats import MIN_ARTICLES, N_BOOT, enough_articles
from newsprism.quotes import clusters as quote_clusters
from newsprism.quotes import stats as quote_stats
from newsprism.report import caveats
from newsprism.report.runner import save_table
from newsprism.viz.section import Section, evidence_link
from newsprism.viz.section_group import Group, table_section

NOTEBOOK = "30_quotes"
FEW_ARTICLES_CAPTION = (
    f"The interval resamples the outlet's articles; with fewer than {MIN_ARTICLES} articles "
    "(note) it is the exact Poisson interval of the pooled rate, which counts every quotation "
    "as independent, or none for the share of characters, and no reading rests on it. ")
QUOTE_COLUMNS = ["quote_id", "article_id", "start", "end", "text", "kind", "form", "speaker",
                 "speaker_start", "speaker_end", "cue", "confidence"]
EXPLORER_COLUMNS = ["outlet", "kind", "form", "speaker", "cue", "confidence", "cluster_id",
                    "sentence_html"]
OTHER_SPEAKERS = "other speakers"


@dataclass
class QuotesContext:
    """The annotations' articles (all and English), sentences and quotations (an empty table
    with the quote columns when the step found none), the corpus name and per-outlet rates."""

    articles: pd.DataFrame
    english: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    source: str
    note: str = ""
    rates: Any = None
    actors_codebook: str = "none"

    @property
    def merge_names(self) -> bool:
        """Without an actor registry, one person's names across articles are merged
        (:mod:`newsprism.quotes.corpus_speakers`); a registry names them itself."""
        from newsprism.core.paths import CODEBOOKS
        from newsprism.report.options import codebook_file

        return (codebook_file(self.actors_codebook, "actors_codebook")
                == str(CODEBOOKS / "actors_none.yml"))

    @property
    def actors_label(self) -> str:
        """The actor registry as captions name it (never a machine path)."""
        from newsprism.report.options import codebook_label

        return codebook_label(self.actors_codebook, "actors_codebook", "actors.yml")

    @property
    def speech(self) -> pd.DataFrame:
        return self.quotes[self.quotes["kind"] == "speech"]

    @property
    def headline(self) -> str:
        """Quotations found, in how many articles, from how many outlets."""
        n_speech = len(self.speech)
        return (self.note + f"{len(self.quotes):,} quotations ({n_speech:,} speech, "
                f"{len(self.quotes) - n_speech:,} term) in {self.quotes['article_id'].nunique():,} "
                f"of {len(self.articles):,} articles from "
                f"{plural(self.articles['outlet'].nunique(), 'outlet')} ({self.source}).")


def prepare(corpus: str, actors_codebook: str = "none", cleaning: str = "default",
            n_boot: int = N_BOOT, codebook: str = "generic") -> QuotesContext:
    """Annotate ``corpus`` (empty: the bundled corpus) and compute the per-outlet quotation
    rates (bootstrap, ``n_boot`` resamples). Raises ValueError when no article was read."""
    from newsprism.core.provenance import corpus_name
    from newsprism.corpus import language
    from newsprism.pipeline.annotate import annotate
    from newsprism.report import options as notebook_options

    ann = annotate(corpus or None, notebook_options.annotation_options(
        actors_codebook=actors_codebook, codebook=codebook, cleaning=cleaning), progress=False)
    articles = ann.tables["articles"]
    quotes = ann.tables.get("quotes", pd.DataFrame())
    if articles.empty:
        raise ValueError(f"no article could be read from {corpus or 'the bundled corpus'}")
    notebook_options.require_english(articles, "Quotations")
    note = ""
    if "quotes" in ann.skipped_steps or quotes.empty or "kind" not in quotes.columns:
        note = ("No quotations table: the quotes step was skipped or found nothing "
                f"({ann.skipped_steps.get('quotes', 'no quotation marks found')}). "
                "The sections below will be empty.\n")
        quotes = pd.DataFrame(columns=QUOTE_COLUMNS)
    english = language.english_articles(articles)
    return QuotesContext(articles=articles, english=english,
                         sentences=ann.tables.get("sentences", pd.DataFrame()), quotes=quotes,
                         source=corpus_name(corpus), note=note,
                         actors_codebook=actors_codebook,
                         rates=quote_stats.outlet_quote_rates(quotes, english, n_boot=n_boot))


def top_rate_text(rates: pd.DataFrame, what: str, unit: str = "per 1,000 words",
                  lowest: bool = False) -> str:
    """The outlet with the highest rate (``lowest``: the lowest) of ``what`` (rows: outlet,
    estimate (the mean of its articles' rates), ci_low, ci_high, n articles, and optionally
    pooled), with its interval and the next outlet, saying when the lead is not clear: too few
    articles (:func:`few_articles_text`) or an interval that holds the next outlet's rate. A
    rate is named a rate, and which rate: the outlet with the most quotations per 1,000 words
    need not have the most quotations, and the mean of its articles' rates need not lead the
    pooled rate (:func:`~newsprism.compare.readings.pooled_order_text`).

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "estimate": [25.4, 19.5], "ci_low": [25.4, 17.5],
    ...                   "ci_high": [25.4, 21.6], "n": [1, 6]})
    >>> top_rate_text(t, "speech quotations")
    "**A** has the highest rate of speech quotations (mean of its articles' rates: 25.4 per 1,000 words; next: B, 19.5), but from a single article: no interval over articles, so the lead is not established."
    >>> top_rate_text(t, "speech quotations", lowest=True)[:69]
    "**B** has the lowest rate of speech quotations (mean of its articles'"
    """
    table = rates.dropna(subset=["estimate"]).sort_values(["estimate", "outlet"],
                                                          ascending=[lowest, True])
    top = table.iloc[0]
    if len(table) == 1:  # one outlet read "Alpha has the highest rate of scare quotes"
        return (f"Only one outlet (**{top['outlet']}**, {top['estimate']:.1f} {unit}): its rate "
                f"of {what} cannot be compared with another outlet's.")
    rank = "lowest" if lowest else "highest"
    tied = tied_at(table, highest=not lowest)
    if len(tied) == len(table):
        return all_equal_text(table, f"rate of {what}", f"{mean_basis(several=True)}: "
                              f"{top['estimate']:.1f} {unit}")
    pooled = pooled_order_text(table, tied, f"all its {what} over all its words",
                               lambda v: f"{v:.1f} {unit}", lowest=lowest)
    if len(tied) > 1:  # two outlets carrying the same articles read "A has the highest rate"
        return (f"{tied_names(tied)} the {rank} rate of {what} ({mean_basis(several=True)}: "
                f"{top['estimate']:.1f} {unit} each){pooled}.")
    following = f"; next: {table['outlet'].iloc[1]}, {table['estimate'].iloc[1]:.1f}"
    head = (f"**{top['outlet']}** has the {rank} rate of {what} ({mean_basis()}: "
            f"{top['estimate']:.1f} {unit}")
    if not enough_articles(top["n"]):
        return (f"{head}{following}), but {few_articles_text(top['n'])}, so the lead is not "
                f"established{pooled}.")
    text = (f"{head}, 95% CI {top['ci_low']:.1f} to {top['ci_high']:.1f}, n = "
            f"{plural(top['n'], 'article')}{following})")
    bound = top["ci_high"] if lowest else top["ci_low"]
    if bound >= table["estimate"].iloc[1] if lowest else bound <= table["estimate"].iloc[1]:
        text += ": its interval holds the next outlet's rate, so there is no clear difference"
    return text + pooled + "."


def density_reading(per_1000: pd.DataFrame, share: pd.DataFrame) -> str:
    """Which outlet quotes most densely and least densely (see :func:`top_rate_text`, each
    with its interval and the next outlet), and the largest share inside quotes."""
    if not (len(per_1000) and per_1000["estimate"].notna().any()):
        return "No speech quotation was found, so no rate can be read."
    most_share = share.loc[share["estimate"].idxmax()] if len(share) else None
    if most_share is None or not most_share["estimate"] > 0:
        return "No speech quotation was found, so no rate can be read."
    least = (" " + top_rate_text(per_1000, "speech quotations", lowest=True)
             if per_1000["estimate"].notna().sum() > 2 and per_1000["estimate"].nunique() > 1
             else "")
    return when_comparable(
        per_1000["outlet"], top_rate_text(per_1000, "speech quotations") + least,
        "quotation density") + " " + top_share_text(share) + (
        " Many short partial quotes raise the count but not the share; one long block quote "
        "does the opposite.")


def top_share_text(share: pd.DataFrame) -> str:
    """The largest share of text inside quotation marks (rows: outlet, estimate, ci_low,
    ci_high, n articles) with its interval and the next outlet, read as :func:`top_rate_text`
    reads a rate: "largest" alone ranked an outlet whose interval held the next share. The share
    is the mean of the outlet's articles' shares; a ``pooled`` column (quoted characters over
    all characters) that puts another outlet first is said in the same sentence.

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "estimate": [0.297, 0.285],
    ...                   "ci_low": [0.26, 0.22], "ci_high": [0.34, 0.36], "n": [50, 50]})
    >>> print(top_share_text(t))
    The largest share of text inside quotation marks is 29.7% (**A**, mean of its articles' shares; 95% CI 26.0% to 34.0%, n = 50 articles; next: B, 28.5%): its interval holds the next outlet's share, so there is no clear difference.
    """
    table = share.dropna(subset=["estimate"]).sort_values(["estimate", "outlet"],
                                                          ascending=[False, True])
    top = table.iloc[0]
    head = f"The largest share of text inside quotation marks is {top['estimate']:.1%} "
    if len(table) == 1:
        return head + f"(**{top['outlet']}**)."
    tied = tied_at(table)
    pooled = pooled_order_text(table, tied, "all its quoted characters over all its "
                               "characters", lambda v: f"{v:.1%}")
    if len(tied) > 1:
        return (head + f"({' and '.join(f'**{o}**' for o in tied)} each, "
                f"{mean_basis('shares', several=True)}){pooled}.")
    following = f"next: {table['outlet'].iloc[1]}, {table['estimate'].iloc[1]:.1%}"
    head += f"(**{top['outlet']}**, {mean_basis('shares')}; "
    if not enough_articles(top["n"]):
        return (head + f"{following}), but {few_articles_text(top['n'])}"
                f", so the lead is not established{pooled}.")
    text = (head + f"95% CI {top['ci_low']:.1%} to {top['ci_high']:.1%}, "
            f"n = {plural(top['n'], 'article')}; {following})")
    if top["ci_low"] <= table["estimate"].iloc[1]:
        text += ": its interval holds the next outlet's share, so there is no clear difference"
    return text + pooled + "."


def plot_rates(per_1000: pd.DataFrame, share: pd.DataFrame):
    """Two bar panels with whiskers from each row's ``ci_low`` to ``ci_high``: quotations per
    1,000 words, share quoted. Outlets below the minimum of articles (their interval is not
    over articles, see ``note``) have pale bars; their whisker, an exact Poisson interval of
    the pooled rate, is drawn where it lies, not around the mean over articles."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 0.5 * max(len(per_1000), 1) + 1.6), sharey=True)
    for ax, table, label in [(axes[0], per_1000, "speech quotations per 1,000 words"),
                             (axes[1], share, "share of characters inside speech quotes")]:
        y = np.arange(len(table))
        few = ~table["n"].map(enough_articles).to_numpy(dtype=bool)
        ax.barh(y, table["estimate"], color=np.where(few, "#b7c6e0", "#4c72b0"))
        shown = table["ci_low"].notna().to_numpy()
        ax.hlines(y[shown], table["ci_low"][shown], table["ci_high"][shown], color="black")
        for bound in ("ci_low", "ci_high"):
            ax.plot(table[bound][shown], y[shown], "|", color="black", markersize=8)
        ax.set_yticks(y, table["outlet"])
        ax.set_xlabel(label)
    axes[0].invert_yaxis()
    fig.suptitle("How much each outlet quotes")
    fig.tight_layout()
    return fig


def _measure(rates: pd.DataFrame, measure: str) -> pd.DataFrame:
    return rates[rates["measure"] == measure].reset_index(drop=True)


def rates_section(ctx: QuotesContext, out_dir: str) -> Group:
    """Speech quotations per article, per 1,000 words and share of characters per outlet
    (table, figure) and the density reading."""
    rates = ctx.rates
    save_table(rates, "quotes_outlet_rates", out_dir)
    per_1000, share = _measure(rates, "quotes_per_1000_words"), _measure(rates, "quoted_share")
    english = dict(n=len(ctx.english), unit="English articles")
    return Group("rates", [
        Section("rates-table", table=rates[rates["measure"] != "terms_per_1000_words"].drop(
            columns="description"), max_rows=None, caption=(
            "Speech quotations per outlet: mean over articles (estimate) with 95% CI, total "
            "and pooled rate. " + FEW_ARTICLES_CAPTION + caveats.extraction_note()),
            facts=dict(english, source=f"{ctx.source}, newsprism.quotes.extract + newsprism.quotes.stats")),
        Section("rates-figure", figure=plot_rates(per_1000, share), caption=(
            "Speech quotations per 1,000 words (left) and share of article characters inside "
            "speech quotation marks (right); bars are means over each outlet's articles, "
            "whiskers 95% CIs over articles. Pale bars: fewer than "
            f"{MIN_ARTICLES} articles, whisker the exact Poisson interval of the pooled rate "
            "(left; none on the right). " + caveats.extraction_note()),
            reading=density_reading(per_1000, share),
            facts=dict(english, source=f"{ctx.source}, newsprism.quotes.stats"))])


def voice_matrix(voice: pd.DataFrame, top_speakers: int = 8) -> pd.DataFrame:
    """Outlet × speaker shares of speech quotations: the ``top_speakers`` most quoted named
    speakers, then "other speakers" pooled, then the unattributed."""
    ranking = voice.groupby("speaker")["n_quotes"].sum().sort_values(ascending=False)
    named = [s for s in ranking.index if s != quote_stats.UNATTRIBUTED][:top_speakers]
    grouped = voice.assign(speaker=voice["speaker"].where(
        voice["speaker"].isin(named + [quote_stats.UNATTRIBUTED]), OTHER_SPEAKERS))
    matrix = grouped.pivot_table(index="outlet", columns="speaker", values="estimate",
                                 aggfunc="sum", fill_value=0.0)
    order = [c for c in named + [OTHER_SPEAKERS, quote_stats.UNATTRIBUTED]
             if c in matrix.columns]
    return matrix[order]


def plot_voice(matrix: pd.DataFrame):
    """Stacked bars: each outlet's speech quotations by speaker (grey: unattributed)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 0.5 * len(matrix) + 1.8))
    left = np.zeros(len(matrix))
    colors = plt.get_cmap("tab10").colors
    for k, speaker_name in enumerate(matrix.columns):
        color = "#bbbbbb" if speaker_name == quote_stats.UNATTRIBUTED else colors[k % 10]
        ax.barh(matrix.index, matrix[speaker_name], left=left, label=speaker_name, color=color)
        left += matrix[speaker_name].to_numpy()
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's speech quotations")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, fontsize=8)
    ax.set_title("Share of voice by speaker")
    fig.tight_layout()
    return fig


def voice_reading(voice: pd.DataFrame) -> str:
    """The most quoted speaker across outlets (pooled anonymous sources are not a speaker),
    the runner-up, the names the top speaker was counted under when several, and how many
    quotations have no speaker.

    >>> v = pd.DataFrame({"speaker": ["Kim", "Kim", "(unattributed)"], "n_quotes": [2, 1, 3]})
    >>> print(voice_reading(v))
    The most quoted speaker is **Kim** (3 quotations across outlets). 3 of 6 speech quotations have no speaker; check them in the explorer before reading a share as an outlet's choice.
    """
    named = voice[~voice["speaker"].isin([quote_stats.UNATTRIBUTED, quote_stats.ANONYMOUS])]
    unattributed = voice[voice["speaker"] == quote_stats.UNATTRIBUTED]["n_quotes"].sum()
    totals = named.groupby("speaker")["n_quotes"].sum().sort_values(ascending=False,
                                                                   kind="stable")
    if not len(totals):
        top = "No quotation could be attributed to a named speaker. "
    else:
        first = totals[totals == totals.iloc[0]]
        rest = totals[totals < totals.iloc[0]]
        names = " and ".join(f"**{name}**" for name in first.index)
        top = (f"The most quoted speaker{'s are' if len(first) > 1 else ' is'} {names} "
               f"({int(totals.iloc[0]):,} quotations "
               + ("across outlets" if voice.get("outlet", pd.Series(dtype=object)).nunique()
                  != 1 else "in all")
               + ("" if len(first) > 1 else _forms_text(named, first.index[0]))
               + (f"; next: {rest.index[0]}, {int(rest.iloc[0]):,}" if len(rest) else "")
               + "). ")
    return (top + f"{int(unattributed):,} of {int(voice['n_quotes'].sum()):,} speech quotations "
            f"{verb(int(unattributed), 'has', 'have')} no speaker; check them in the explorer before reading a share as an "
            "outlet's choice.")


def _forms_text(voice: pd.DataFrame, speaker: str) -> str:
    """", counted under the names Kim Jong Un (22); Kim Jong-un (11)" when the speaker's rows
    count more than one name (``speaker_forms``), else ""."""
    if "speaker_forms" not in voice.columns:
        return ""
    counts: dict[str, int] = {}
    for cell in voice.loc[voice["speaker"] == speaker, "speaker_forms"].dropna():
        for part in str(cell).split("; "):
            name, _, n = part.rpartition(" (")
            if name and n.endswith(")") and n[:-1].isdigit():
                counts[name] = counts.get(name, 0) + int(n[:-1])
    if len(counts) < 2:
        return ""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", counted under the names " + "; ".join(f"{n} ({k:,})" for n, k in ordered)


def voice_section(ctx: QuotesContext, out_dir: str, top_speakers: int = 8) -> Group:
    """Share of voice per outlet and speaker (table, stacked bars) and its reading."""
    voice = quote_stats.share_of_voice(ctx.quotes, ctx.english, merge_names=ctx.merge_names)
    save_table(voice, "quotes_share_of_voice", out_dir)
    n = int(voice["n_quotes"].sum()) if len(voice) else 0
    table = Section("voice-table", table=voice, max_rows=80, caption=(
        "Share of voice: speech quotations and quoted words per outlet and speaker; "
        "speaker_forms: the names each row counts, with their quotations. 95% CI of each "
        f"share over the outlet's articles (note: Wilson's below {MIN_ARTICLES} articles, "
        "counting quotations as independent). " + (
            "No actor registry, so one person's names across articles are counted as one "
            "speaker (newsprism.quotes.corpus_speakers): spellings that differ only in case, "
            "hyphens or spacing, a full name after a word that is no given name (a party or a "
            "job: 'Republican', 'Journalist'), and a surname alone with the corpus's only full name ending in "
            "it (two full names with that surname: no merge)." if ctx.merge_names else
            f"Speakers as the actor registry ({ctx.actors_label}) names them.")
        + " " + caveats.speaker_note()),
        facts=dict(n=n, unit="speech quotations", source=f"{ctx.source}, newsprism.quotes.stats"))
    if not len(voice):
        return Group("voice", [table, Section("voice-figure", reading="No speech quotation, "
                                              "so no share of voice.")])
    return Group("voice", [table, Section(
        "voice-figure", figure=plot_voice(voice_matrix(voice, top_speakers)), caption=(
            "Share of each outlet's speech quotations by speaker (grey: unattributed). "
            + caveats.speaker_note()),
        reading=voice_reading(voice), facts=dict(
            n=n, unit="speech quotations", source=f"{ctx.source}, newsprism.quotes.extract attribution"))])


def anonymous_section(ctx: QuotesContext, out_dir: str) -> Section:
    """Share of each outlet's speech quotations whose speaker is an unnamed source."""
    anonymous = quote_stats.anonymous_share(ctx.quotes, ctx.english)
    save_table(anonymous, "quotes_anonymous_share", out_dir)
    return table_section("anonymous", anonymous, "Anonymous sources: share of each outlet's "
                         "speech quotations, 95% CI over articles (note: Wilson's, counting "
                         f"quotations as independent, below {MIN_ARTICLES} articles). "
                         + caveats.speaker_note(),
                         facts=dict(
                             n=int(anonymous["n"].sum()) if len(anonymous) else 0,
                             unit="speech quotations",
                             source=f"{ctx.source}, newsprism.quotes.speakers"))


def scare_reading(term_rates: pd.DataFrame) -> str:
    """The outlet using scare quotes most, per 1,000 words.

    >>> scare_reading(pd.DataFrame({"outlet": ["A"], "estimate": [0.0], "total": [0]}))
    'No scare quotes were found.'
    """
    if not (len(term_rates) and term_rates["estimate"].max() > 0):
        return "No scare quotes were found."
    leaders = term_rates[term_rates["estimate"] == term_rates["estimate"].max()]
    uses = (f" It uses {int(leaders['total'].iloc[0]):,} in total." if len(leaders) == 1 else
            " They use " + ", ".join(f"{int(t)} ({o})" for o, t in
                                     zip(leaders["outlet"], leaders["total"], strict=True))
            + " in total.")
    return (top_rate_text(term_rates, "scare quotes") + uses + " Scare quotes let a writer use a word while disowning it; a "
            "high rate signals an editorial voice, not more sourcing.")


def scare_section(ctx: QuotesContext, out_dir: str) -> Group:
    """Scare/term quotes per 1,000 words per outlet, then every term quote."""
    rates = ctx.rates
    term_rates = rates[rates["measure"] == "terms_per_1000_words"].drop(columns="description")
    terms = quote_stats.scare_quotes(ctx.quotes, ctx.english)
    save_table(terms, "quotes_scare_quotes", out_dir)
    return Group("scare", [
        Section("scare-rates", table=term_rates, max_rows=None, caption=(
            "Scare/term quotes per 1,000 words per outlet (mean over articles, 95% CI). "
            + FEW_ARTICLES_CAPTION), facts=dict(n=len(ctx.english), unit="English articles",
                                source=f"{ctx.source}, newsprism.quotes.stats")),
        table_section("scare-terms", terms, "Every scare/term quote, per outlet and wording.",
                      reading=scare_reading(term_rates),
                      facts=dict(n=int(terms["n"].sum()) if len(terms) else 0,
                                 unit="term quotes", source=f"{ctx.source}, newsprism.quotes.extract"))])


FEW_CUED = 30  # cued quotations below which an outlet's verb shares move by one or two verbs


def cue_reading(cues: pd.DataFrame) -> str:
    """The most frequent cue verb, how many quotations a doubting verb introduces, and, when
    some outlet has few cued quotations (``n`` below :data:`FEW_CUED`), that a difference of
    one or two verbs is not a pattern.

    >>> cue_reading(pd.DataFrame({"cue_lemma": ["say", "claim"], "cue_class": ["neutral",
    ...     "doubting"], "n_quotes": [3, 1]}))[:80]
    'The most frequent cue is **say** (3 of 4 cued quotations); 1 quotation is introd'
    """
    if not len(cues):
        return "No speech quotation carries a cue."
    top = cues.groupby("cue_lemma")["n_quotes"].sum().sort_values(ascending=False, kind="stable")
    doubting = int(cues[cues["cue_class"] == "doubting"]["n_quotes"].sum())
    tied = [f"**{c}**" for c in top.index[top == top.iloc[0]]]
    most = (f"The most frequent cue is {tied[0]} ({int(top.iloc[0]):,} of " if len(tied) == 1 else
            f"The most frequent cues are {', '.join(tied[:-1])} and {tied[-1]}, tied "
            f"({int(top.iloc[0]):,} each of ")
    verb = "is" if doubting == 1 else "are"
    text = (f"{most}{int(cues['n_quotes'].sum()):,} cued quotations); "
            f"{plural(doubting, 'quotation')} {verb} introduced by a verb that casts doubt.")
    fewest = (cues.groupby("outlet")["n"].max().min()
              if {"outlet", "n"} <= set(cues.columns) else 0)
    if fewest < FEW_CUED:
        text += (" With few cued quotations per outlet"
                 + (f" (as few as {int(fewest)})" if fewest else "")
                 + ", a difference of one or two verbs is not a pattern.")
    else:
        text += (" Shares carry 95% intervals over each outlet's articles (Wilson's, which "
                 "count quotations as independent, where an outlet has fewer than "
                 f"{MIN_ARTICLES}: see note); compare outlets only where they are far apart.")
    return text


def cues_section(ctx: QuotesContext, out_dir: str) -> Group:
    """Cue verbs per outlet (share, 95% CI over articles, class) and cued quotations by verb
    class."""
    cues = quote_stats.cue_verbs(ctx.quotes, ctx.english)
    save_table(cues, "quotes_cue_verbs", out_dir)
    n = dict(n=int(cues["n_quotes"].sum()) if len(cues) else 0, unit="cued speech quotations")
    table = Section("cues", table=cues, max_rows=80, caption=(
        "Cue verbs per outlet: speech quotations with a cue, share of the outlet's cued "
        "quotations (95% CI over the outlet's articles; note: Wilson's, counting quotations "
        f"as independent, below {MIN_ARTICLES} articles) and class."), reading="" if len(cues) else cue_reading(cues),
        facts=dict(n, source=f"{ctx.source}, newsprism.quotes.extract cues, "
                   "newsprism.quotes.stats.cue_lemma"))
    if not len(cues):
        return Group("cue-verbs", [table])
    classes = cues.pivot_table(index="outlet", columns="cue_class", values="n_quotes", aggfunc="sum",
                               fill_value=0)
    return Group("cue-verbs", [table, Section(
        "cue-classes", table=classes.reset_index(), max_rows=None,
        caption="Cued quotations per outlet by verb class.", reading=cue_reading(cues),
        facts=dict(n, source=f"{ctx.source}, newsprism.quotes.stats.CUE_CLASSES"))])


def cross_outlet_view(cross: pd.DataFrame) -> pd.DataFrame:
    """The cross-outlet table as shown: wording escaped (or "did not quote it"), the diff's
    HTML, and the share of the longest version used as a percentage."""
    shown = cross.assign(
        wording=[html.escape(w) if isinstance(w, str) else "<em>did not quote it</em>"
                 for w in cross["wording"]],
        diff=[d if isinstance(d, str) else "" for d in cross["diff_html"]],
        used=[f"{c:.0%}" if pd.notna(c) else "" for c in cross["coverage"]])
    return shown[["cluster_id", "outlet", "quoted", "n_quotes", "speaker", "used", "wording",
                  "diff"]]


def cross_reading(cross: pd.DataFrame, n_multi: int, min_outlets: int,
                  min_score: float) -> str:
    """The first statement quoted by several outlets: who quoted it, who did not, and how far
    the most distant version is from the longest."""
    if not len(cross):
        return (f"No statement is quoted by {min_outlets} or more outlets at a similarity of "
                f"{min_score} or above.")
    first = cross[cross["quoted"]].iloc[0]
    quoted_by = cross[(cross["cluster_id"] == first["cluster_id"]) & cross["quoted"]]
    missing = cross[(cross["cluster_id"] == first["cluster_id"]) & ~cross["quoted"]]
    return (f"{plural(n_multi, 'statement')} quoted by {min_outlets} or more outlets. The "
            f"first, \u201c{textwrap.shorten(first['reference'], 100, placeholder=' …')}"
            f"\u201d, is quoted by {', '.join(quoted_by['outlet'])}; "
            + (f"{', '.join(missing['outlet'])} did not quote it." if len(missing) else
               "every outlet in the table quoted it.")
            + " The most distant "
            f"version shares {quoted_by['coverage'].min():.0%} of the longest version's words "
            "(in order). Different wordings of one statement point to different translations "
            "or paraphrases presented as quotation; which one is faithful can only be settled "
            "against the original statement.")


def statement_clusters(quotes: pd.DataFrame, articles: pd.DataFrame, min_score: float = 0.75,
                       fragment_max_words: int = 2, min_outlets: int = 2
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every quotation with its cluster (:func:`newsprism.quotes.clusters.cluster_quotes`) and
    the cross-outlet table of the statements several outlets quote
    (:func:`newsprism.quotes.clusters.cluster_table`): the one definition of "a statement
    quoted by ``min_outlets`` or more outlets" that 30 and 50 both count."""
    clustered = quote_clusters.cluster_quotes(quotes, articles, min_score=min_score,
                                              fragment_max_words=fragment_max_words)
    return clustered, quote_clusters.cluster_table(clustered, articles, min_outlets=min_outlets)


def statements_section(ctx: QuotesContext, out_dir: str, min_score: float = 0.75,
                       fragment_max_words: int = 2, min_outlets: int = 2) -> Group:
    """Quotations clustered into statements across outlets: the largest clusters, each
    outlet's wording of the statements several outlets quote, and the first one in words.
    ``facts``: ``clustered`` (every quotation with its cluster) and ``n_statements``."""
    clustered, cross = statement_clusters(ctx.quotes, ctx.english, min_score,
                                          fragment_max_words, min_outlets)
    summary = quote_clusters.cluster_summary(clustered)
    save_table(clustered.drop(columns=["text"]), "quotes_clusters", out_dir)
    save_table(cross.drop(columns=["diff_html"]), "quotes_cross_outlet", out_dir)
    # Counted from the cross-outlet table: statements (speech) only, matching the table below.
    n_multi = quote_clusters.n_statements(cross)
    parts: list = [Section("clusters", table=summary.head(15), max_rows=200, caption=(
        "Largest quotation clusters and the longest wording of each; n_outlets counts every "
        "quotation, scare quotes included. A cluster is a statement quoted across outlets "
        "only when it holds a speech quotation longer than a fragment (the next table), so a "
        "shared word (\u201cblood\u201d) is not one."),
        facts=dict(n=len(summary), unit="clusters",
                   source=f"{ctx.source}, newsprism.quotes.clusters.cluster_quotes"))]
    reading = cross_reading(cross, n_multi, min_outlets, min_score)
    if len(cross):
        parts.append(Section("cross-outlet", table=cross_outlet_view(cross), max_rows=200,
                             html_columns=("wording", "diff"), caption=(
            "Each outlet's wording of the statements quoted by several outlets; 'used' is the "
            "share of the longest version's words it kept; the diff runs from the longest "
            "version to the outlet's wording."), reading=reading, facts=dict(
            n=len(cross), unit="cluster x outlet rows",
            source=f"{ctx.source}, newsprism.quotes.clusters.cluster_table")))
    else:
        parts.append(Section("cross-outlet", reading=reading))
    return Group("statements", parts, facts={"clustered": clustered, "n_statements": n_multi})


def explorer_section(ctx: QuotesContext, out_dir: str, statements: Group,
                     max_rows: int = 300) -> Section:
    """Every quotation highlighted in its sentence, with its statement cluster."""
    clustered = statements.facts["clustered"]
    explorer = quote_stats.quote_explorer(ctx.quotes, ctx.english, ctx.sentences)
    explorer = explorer.merge(clustered[["article_id", "quote_id", "cluster_id"]],
                              on=["article_id", "quote_id"], how="left")
    save_table(explorer.drop(columns=["sentence_html"]), "quotes_explorer", out_dir)
    columns = [c for c in EXPLORER_COLUMNS if c in explorer.columns]
    return Section("explorer", table=explorer[columns], max_rows=max_rows,
                   html_columns=("sentence_html",),
                   caption="Every quotation highlighted in its sentence.",
                   facts=dict(n=len(explorer), unit="quotations",
                              source=f"{ctx.source}, newsprism.quotes.extract"))


def _metric_text(row: pd.Series) -> str:
    status = str(row.get("status", "") or "")
    if status.startswith("no floor"):  # 'no floor (strict: ...)' without nested brackets
        status = status.replace(" (", "; ", 1).removesuffix(")")
    below = f" ({status})" if status.startswith(("below", "no floor")) else ""
    return f"{str(row['metric']).replace('_', ' ')} {float(row['value']):.4f}{below}"


def validation_reading(results: pd.DataFrame) -> str:
    """The headline metrics of the engine in the first row on its dataset, each with the status
    the table gives it (a missed target named), F1 beside the baseline's, and every other
    metric of the engine below its target. Rows of a ``train`` split (where the rules and the
    classifier were built) are left out when held-out rows exist, and the reading says so.

    >>> rows = pd.DataFrame({"dataset": ["P"] * 4, "engine": ["ours", "ours", "ours", "baseline"],
    ...     "metric": ["precision", "speaker_accuracy", "f1", "f1"],
    ...     "value": [0.96, 0.89, 0.95, 0.93], "status": ["ok", "below target 0.93", "ok", "ok"]})
    >>> validation_reading(rows).split(". ")[0]
    'ours on P: precision 0.9600, speaker accuracy 0.8900 (below target 0.93); F1 0.9500 against 0.9300 for baseline'
    """
    if results.empty or not results["engine"].notna().any():
        return "No validation metric found."
    fitted = (results["split"].astype(str).str.startswith("train") if "split" in results
              else pd.Series(False, index=results.index))
    if fitted.any() and not fitted.all():  # train rows are in-sample: never read as held out
        results = results[~fitted]
    first = results[results["engine"].notna()].iloc[0]
    engine, dataset = str(first["engine"]), first.get("dataset", "")
    same = results[results.get("dataset", pd.Series(dataset, index=results.index)) == dataset]
    ours = same[same["engine"] == engine].drop_duplicates("metric").set_index("metric",
                                                                              drop=False)
    found = [_metric_text(ours.loc[m]) for m in ("precision", "recall", "speaker_accuracy",
                                                   "speaker_accuracy_strict") if m in ours.index]
    text = f"{engine} on {dataset}: " + (", ".join(found) if found else "no headline metric")
    base = same[same["engine"].astype(str).str.startswith("baseline")
                & (same["metric"] == "f1")]
    if "f1" in ours.index and len(base):
        text += (f"; F1 {float(ours.loc['f1', 'value']):.4f} against "
                 f"{float(base['value'].iloc[0]):.4f} for {base['engine'].iloc[0]}")
    others = results[(results["engine"] == engine) & (results.get("dataset") != dataset)
                     & results["status"].astype(str).str.startswith("below")]
    if len(others):
        text += ". Also below target: " + "; ".join(
            f"{_metric_text(r)} on {r['dataset']}" for _, r in others.iterrows())
    if fitted.any() and not fitted.all():
        text += (". The train rows of the table are in-sample (the attribution rules and the "
                 "speech/term classifier were built on that split), so they are not read here")
    # The corpus may be US election news itself: say what the gold data is, not what the
    # corpus is.
    return (text + ". The gold data is US election news; accuracy on other text (translated "
            "news, blogs) may be lower.")


def no_validation_text(run_validation: bool, present: bool) -> str:
    """Why no quotation validation is shown: which of the two holds, the quick run switched
    off (``run_validation``) or PolNeAR absent (``present``), or both, or a run that gave none
    ("PolNeAR is not present (or the run was switched off)" left the reader to guess).

    >>> no_validation_text(False, True)
    'No validation result is available: `make validate` has not been run and the quick run is switched off (parameter run_validation = False), so the accuracy of quotation finding on this corpus is **not established** here.'
    """
    why = {(False, True): "the quick run is switched off (parameter run_validation = False)",
           (False, False): "the quick run is switched off (parameter run_validation = False); "
                           "PolNeAR is not present either",
           (True, False): "PolNeAR is not present, so no quick run could be made",
           (True, True): "the quick run on PolNeAR gave no result"}[(bool(run_validation),
                                                                     bool(present))]
    return (f"No validation result is available: `make validate` has not been run and {why}, "
            "so the accuracy of quotation finding on this corpus is **not established** here.")


def validation_section(run_validation: bool = True) -> Section:
    """Quotation finding and attribution against PolNeAR: saved ``make validate`` results,
    else a quick run (when allowed and the gold data is present), else "not established"."""
    from newsprism.core import paths, validate

    saved = validate.load_results()
    results = saved[saved["measure"] == "quotes"] if len(saved) else saved
    origin, stale = "saved results of `make validate`", validate.stale_note(["quotes"])
    if results.empty and run_validation and paths.POLNEAR.exists():
        results = validate.run_validator("quotes", quick=True)
        origin, stale = "a quick run in this notebook (subsample)", ""
    if results.empty:
        return Section("validation", reading=no_validation_text(run_validation,
                                                                paths.POLNEAR.exists()))
    return Section("validation", table=results.drop(columns=["measure"]), max_rows=None,
                   caption=("Quotation finding and attribution against gold quotations. "
                            + stale).rstrip(),
                   reading=validation_reading(results),
                   facts=dict(n=len(results), unit="metrics", float_format="{:.4g}",
                              source=f"PolNeAR via newsprism.core.validate ({origin})"))


def key_findings(ctx: QuotesContext, statements: Group, min_outlets: int = 2) -> list[str]:
    """Quotations found, the densest quoting outlet, statements quoted by several outlets."""
    per_1000 = _measure(ctx.rates, "quotes_per_1000_words")
    n_speech = len(ctx.speech)
    densest = (f"Densest quoting: {top_rate_text(per_1000, 'speech quotations')}"
               .replace("**", "")
               if len(per_1000) and (per_1000["estimate"] > 0).any() else
               "No speech quotations.")
    if len(per_1000) == 1 and (per_1000["estimate"] > 0).any():
        densest = (f"One outlet, nothing to compare: {per_1000['outlet'].iloc[0]} has "
                   f"{per_1000['estimate'].iloc[0]:.1f} speech quotations per 1,000 words.")
    return [f"{n_speech:,} speech and {len(ctx.quotes) - n_speech:,} term quotations in "
            f"{plural(len(ctx.english), 'English article')}. "
            + evidence_link(NOTEBOOK, "explorer", "quotes_explorer"),
            f"{densest} {evidence_link(NOTEBOOK, 'rates-table', 'quotes_outlet_rates')}",
            f"{plural(statements.facts['n_statements'], 'statement')} quoted by "
            f"{min_outlets}+ outlets. "
            + evidence_link(NOTEBOOK, "cross-outlet", "quotes_cross_outlet")]
