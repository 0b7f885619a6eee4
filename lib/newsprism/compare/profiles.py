"""One row per outlet: size, tone of its own voice, frames, quotation, hedging and sourcing.

Every rate is normalised so that a longer or more prolific outlet does not dominate: counts are
pooled per 1,000 words of the outlet, and scores (tone, subjectivity) are averaged per article
first, then across the outlet's articles. Tables that other steps have not produced (sentiment,
frames, quotes) leave their columns empty (NaN) instead of failing.

>>> from newsprism.corpus.readers import load_corpus
>>> profiles = outlet_profiles({"articles": load_corpus().articles})
>>> int(profiles["n_articles"].sum())
5
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsprism.compare.hedging import find_hedges, voice_word_counts
from newsprism.compare.sourcing import sourcing_table
from newsprism.core.stats import N_BOOT, bootstrap_ci, enough_articles
from newsprism.core.text import count_words
from newsprism.core.text import per_1k as rate_per_1k
from newsprism.quotes.corpus_speakers import merge_speakers
from newsprism.viz.figures import interval_errors

SCORE_COLUMNS = ("compound", "polarity", "score", "sentiment")
ENGINE_PREFERENCE = ("vader", "textblob")


def _table(tables: dict, name: str) -> pd.DataFrame:
    table = tables.get(name)
    return table if isinstance(table, pd.DataFrame) else pd.DataFrame()


def sentiment_by_article(sentiment: pd.DataFrame, voice: str = "author",
                         engine: str | None = None) -> pd.DataFrame:
    """Mean tone and subjectivity per article in one voice, from the sentiment table.

    Uses whatever the table offers: the first of compound / polarity / score as tone (from
    ``engine`` when given, so the report shows the engine the user chose; else "vader"
    preferred), ``subjectivity`` from any engine; voice ``author`` when the table has a
    ``voice`` column with such rows, else every row. Returns article_id, tone, subjectivity,
    tone_engine, tone_measure (the column used).

    Columns: ``article_id``; ``tone`` (mean sentence score, in the engine's unit: VADER
    compound and TextBlob polarity run -1..+1); ``subjectivity`` (mean, 0-1; NaN when no
    engine gives it); ``tone_engine``; ``tone_measure``. Lexicon engines, English only; an
    article mean says nothing about whom the tone is aimed at (see ``tone_toward``).

    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "engine": "vader",
    ...                   "voice": "author", "compound": [0.5, -0.1, 0.3]})
    >>> sentiment_by_article(s)[["article_id", "tone", "tone_engine"]].values.tolist()
    [['a', 0.2, 'vader'], ['b', 0.3, 'vader']]
    """
    columns = ["article_id", "tone", "subjectivity", "tone_engine", "tone_measure"]
    if sentiment.empty or "article_id" not in sentiment:
        return pd.DataFrame(columns=columns)
    rows = sentiment
    if "voice" in rows and (rows["voice"] == voice).any():
        rows = rows[rows["voice"] == voice]
    elif "voice" in rows and (rows["voice"] == "all").any():
        rows = rows[rows["voice"] == "all"]
    chosen, engine = engine, ""
    if chosen and "engine" in rows:
        # the chosen engine's own score column (polarity for TextBlob, compound for VADER)
        rows_of = rows[rows["engine"] == chosen]
        measure = next((c for c in SCORE_COLUMNS if c in rows_of and rows_of[c].notna().any()),
                       None)
        engine = chosen if measure else ""  # not scored: no tone, never another engine's
        tone_rows = rows_of
    else:
        measure = next((c for c in SCORE_COLUMNS if c in rows and rows[c].notna().any()), None)
        tone_rows = rows
        if measure and "engine" in rows:
            candidates = rows[rows[measure].notna()]["engine"].unique().tolist()
            engine = next((e for e in ENGINE_PREFERENCE if e in candidates),
                          candidates[0] if candidates else "")
            tone_rows = rows[rows["engine"] == engine]
    tone = (tone_rows.groupby("article_id")[measure].mean() if measure
            else pd.Series(dtype=float))
    subjectivity = (rows.dropna(subset=["subjectivity"]).groupby("article_id")["subjectivity"].mean()
                    if "subjectivity" in rows else pd.Series(dtype=float))
    out = pd.DataFrame({"tone": tone, "subjectivity": subjectivity})
    out.index.name = "article_id"
    return out.reset_index().assign(tone_engine=engine, tone_measure=measure or "")[columns]


def tone_ci(sentiment: pd.DataFrame, outlet_of: pd.Series, voice: str = "author",
            n_boot: int = N_BOOT, seed: int = 0, level: float = 0.95,
            engine: str | None = None) -> pd.DataFrame:
    """95% bootstrap CI of each outlet's tone (mean over articles of the mean sentence score).

    With at least :data:`~newsprism.core.stats.MIN_ARTICLES` articles the outlet's article
    means are resampled (articles are the units: sentences of one article are not independent
    draws of the outlet's tone); an outlet with fewer gets its sentences resampled, an
    interval that describes those articles only (no statement or test rests on it). Returns the estimate table convention: outlet, estimate (mean of the
    article means of the scored sentences), ci_low, ci_high, n (sentences), n_articles.

    ``estimate``, ``ci_low`` and ``ci_high`` are in the engine's unit (-1..+1 for VADER
    compound); ``n`` counts sentences, not articles (``n_articles``). An outlet with one
    article has an interval about that article only: do not compare it as an outlet's tone.
    English lexicon scores; a small difference between outlets is within what the engine
    gets wrong on single sentences (see the sentiment validation).

    >>> s = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "engine": "vader",
    ...                   "voice": "author", "compound": [0.5, -0.1, 0.3, -0.4]})
    >>> tone_ci(s, pd.Series({"a": "X", "b": "X", "c": "Y"})).values.tolist()
    [['X', 0.25, -0.10000000000000002, 0.5, 3, 2], ['Y', -0.4, -0.4, -0.4, 1, 1]]
    """
    columns = ["outlet", "estimate", "ci_low", "ci_high", "n", "n_articles"]
    per_article = sentiment_by_article(sentiment, voice=voice, engine=engine)
    if per_article.empty or not per_article["tone_measure"].iloc[0]:
        return pd.DataFrame(columns=columns)
    measure, engine = per_article["tone_measure"].iloc[0], per_article["tone_engine"].iloc[0]
    rows = sentiment
    if "voice" in rows and (rows["voice"] == voice).any():
        rows = rows[rows["voice"] == voice]
    elif "voice" in rows and (rows["voice"] == "all").any():
        rows = rows[rows["voice"] == "all"]
    if engine and "engine" in rows:
        rows = rows[rows["engine"] == engine]
    rows = rows.dropna(subset=[measure]).assign(outlet=lambda d: d["article_id"].map(outlet_of))
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    out = []
    for outlet, part in rows.groupby("outlet"):
        article_means = part.groupby("article_id")[measure].mean().to_numpy(dtype=float)
        if enough_articles(len(article_means)):
            low, high = bootstrap_ci(article_means, n_boot=n_boot, seed=seed, level=level)
        else:  # too few articles: their sentences, an interval about those articles only
            values = part[measure].to_numpy(dtype=float)
            means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
            low, high = float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))
        out.append((outlet, float(np.mean(article_means)), low, high, len(part),
                    len(article_means)))
    return pd.DataFrame(out, columns=columns)


def outlet_profiles(tables: dict[str, pd.DataFrame], hedges: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None, top_frames: int = 3,
                    top_speakers: int = 3, engine: str | None = None) -> pd.DataFrame:
    """Outlet profile table from the annotation tables (``annotate(...).tables``).

    ``hedges`` (from :func:`newsprism.compare.hedging.find_hedges`) and ``sources`` (from
    :func:`newsprism.compare.sourcing.sourcing_table`) are computed when not given. Columns:
    outlet, n_articles, n_words, words_per_article, tone_author, subjectivity, tone_engine
    (the tone's interval is its own table: :func:`outlet_tone`), top_frames, frames_per_1k, quotes_per_1k, top_speakers (up to three, with shares; one person's names across articles counted as one
    speaker by :func:`newsprism.quotes.corpus_speakers.merge_speakers`),
    top_speaker_share (share of the outlet's attributed quotations going to its most quoted
    speaker), hedges_per_1k, boosters_per_1k, anonymous_per_1k, state_media_per_1k,
    intelligence_per_1k. ``engine``: the sentiment engine whose tone is shown (default: VADER
    when scored).

    Rates (``*_per_1k``) are per 1,000 words of the outlet (hedges and boosters: of the
    author's voice); ``tone_author`` and ``subjectivity`` are means of article means
    (:func:`sentiment_by_article`). Point figures only: their intervals are in
    :func:`outlet_tone`, :func:`frame_rates` and the ``rates`` table of
    :func:`newsprism.compare.outlets.compare_outlets`; read those before comparing outlets.

    Usage::

        from newsprism.pipeline import annotate
        profiles = outlet_profiles(annotate(corpus).tables)
    """
    articles = tables["articles"]
    sentences = _table(tables, "sentences")
    sentences = sentences if "start" in sentences else None
    quotes = _table(tables, "quotes")
    if hedges is None:
        hedges = find_hedges(articles, sentences=sentences)
    if sources is None:
        sources = sourcing_table(articles, sentences=sentences,
                                 quotes=quotes if len(quotes) else None)
    words = articles.assign(n=articles["text"].map(count_words)).set_index("article_id")["n"]
    outlet_of = articles.set_index("article_id")["outlet"]
    by_outlet = words.groupby(outlet_of).sum()
    author_words = voice_word_counts(articles, sentences=sentences).groupby(outlet_of).sum()
    n_articles = articles.groupby("outlet").size()

    def per_1k(events: pd.DataFrame, exposure: pd.Series = by_outlet) -> pd.Series:
        return _outlet_rate(events, outlet_of, n_articles.index, exposure)

    profile = pd.DataFrame({"n_articles": n_articles, "n_words": by_outlet.reindex(n_articles.index)})
    profile["words_per_article"] = profile["n_words"] / profile["n_articles"]
    _add_tone(profile, _table(tables, "sentiment"), outlet_of, engine)
    _add_frames(profile, _table(tables, "frames"), per_1k, outlet_of, by_outlet, top_frames)
    _add_quotes(profile, quotes, per_1k, outlet_of, top_speakers)
    profile["hedges_per_1k"] = per_1k(hedges[hedges["kind"] == "hedge"], author_words)
    profile["boosters_per_1k"] = per_1k(hedges[hedges["kind"] == "booster"], author_words)
    for column, category in (("anonymous_per_1k", "vague_attribution"),
                             ("state_media_per_1k", "state_media"),
                             ("intelligence_per_1k", "intelligence_defence")):
        profile[column] = per_1k(sources[sources["category"] == category])
    profile.index.name = "outlet"
    profile["top_frames"] = profile["top_frames"].fillna("")
    profile["top_speakers"] = profile["top_speakers"].fillna("")
    return profile.reset_index()


TONE_COLUMNS = ["outlet", "engine", "estimate", "ci_low", "ci_high", "n", "n_articles"]


def outlet_tone(tables: dict[str, pd.DataFrame], engine: str | None = None,
                n_boot: int = N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Tone of each outlet's own voice with its 95% interval (:func:`tone_ci`): outlet, engine
    (engine and score column, as ``tone_engine`` of the profile), estimate (the profile's
    ``tone_author``), ci_low, ci_high, n (sentences), n_articles. Empty without sentiment.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "A"]})
    >>> sent = pd.DataFrame({"article_id": ["a", "a", "b"], "engine": "vader",
    ...                      "voice": "author", "compound": [0.2, 0.4, -0.1]})
    >>> outlet_tone({"articles": arts, "sentiment": sent}).round(3)[["outlet", "estimate", "n"]
    ...     ].values.tolist()
    [['A', 0.1, 3]]
    """
    sentiment = _table(tables, "sentiment")
    outlet_of = tables["articles"].set_index("article_id")["outlet"]
    per_article = sentiment_by_article(sentiment, engine=engine)
    if per_article.empty or not per_article["tone_measure"].iloc[0]:
        return pd.DataFrame(columns=TONE_COLUMNS)
    table = tone_ci(sentiment, outlet_of, n_boot=n_boot, seed=seed, engine=engine)
    label = f"{per_article['tone_engine'].iloc[0]} {per_article['tone_measure'].iloc[0]}"
    return table.assign(engine=label)[TONE_COLUMNS]


def _outlet_rate(events: pd.DataFrame, outlet_of: pd.Series, outlets: pd.Index,
                 exposure: pd.Series) -> pd.Series:
    """Events (rows with an article_id) per 1,000 words of ``exposure``, per outlet."""
    counts = (events["article_id"].map(outlet_of).value_counts()
              if len(events) and "article_id" in events else pd.Series(dtype=float))
    return rate_per_1k(counts.reindex(outlets, fill_value=0),
                       exposure.reindex(outlets).astype(float))


def _add_tone(profile: pd.DataFrame, sentiment: pd.DataFrame, outlet_of: pd.Series,
              engine: str | None) -> None:
    """Profile columns tone_author, subjectivity and tone_engine (the interval: :func:`outlet_tone`)."""
    tone = sentiment_by_article(sentiment, engine=engine)
    if len(tone):
        per_article = tone.assign(outlet=tone["article_id"].map(outlet_of))
        means = per_article.groupby("outlet")[["tone", "subjectivity"]].mean()
        profile["tone_author"] = means["tone"]
        profile["subjectivity"] = means["subjectivity"]
        profile["tone_engine"] = f"{tone['tone_engine'].iloc[0]} {tone['tone_measure'].iloc[0]}"
    else:
        profile["tone_author"] = np.nan
        profile["subjectivity"] = np.nan
        profile["tone_engine"] = ""


def _add_frames(profile: pd.DataFrame, frames: pd.DataFrame, per_1k, outlet_of: pd.Series,
                by_outlet: pd.Series, top_frames: int) -> None:
    """Profile columns frames_per_1k and top_frames."""
    if len(frames) and "frame" in frames:
        frames = kept_frames(frames)  # every hit, negated cues left out: as frame_rates
        profile["frames_per_1k"] = per_1k(frames)
        listed = {}
        for outlet, part in frames.assign(outlet=frames["article_id"].map(outlet_of)).groupby("outlet"):
            counts = part["frame"].value_counts().head(top_frames)
            listed[outlet] = "; ".join(f"{f} ({rate_per_1k(n, by_outlet[outlet]):.1f}/1k)"
                                       for f, n in counts.items())
        profile["top_frames"] = pd.Series(listed)
    else:
        profile["frames_per_1k"] = np.nan
        profile["top_frames"] = ""


def _add_quotes(profile: pd.DataFrame, quotes: pd.DataFrame, per_1k, outlet_of: pd.Series,
                top_speakers: int) -> None:
    """Profile columns quotes_per_1k, top_speakers and top_speaker_share."""
    if len(quotes) and "article_id" in quotes:
        speech = quotes[quotes["kind"].fillna("speech") == "speech"] if "kind" in quotes else quotes
        profile["quotes_per_1k"] = per_1k(speech)
        shares, listed = {}, {}
        # one person's names across articles count as one speaker, as in share of voice
        speakers = merge_speakers(speech).dropna(subset=["speaker"]) if "speaker" in speech \
            else speech.iloc[0:0]
        speakers = speakers[speakers["speaker"].astype(str).str.strip() != ""]
        for outlet, part in speakers.assign(outlet=speakers["article_id"].map(outlet_of)).groupby(
                "outlet"):
            share = part["speaker"].value_counts(normalize=True).head(top_speakers)
            shares[outlet] = share.iloc[0]  # the single most quoted speaker
            listed[outlet] = "; ".join(f"{s} ({v:.0%})" for s, v in share.items())
        profile["top_speakers"] = pd.Series(listed)
        profile["top_speaker_share"] = pd.Series(shares)
    else:
        profile["quotes_per_1k"] = np.nan
        profile["top_speakers"] = ""
        profile["top_speaker_share"] = np.nan


def kept_frames(frames: pd.DataFrame) -> pd.DataFrame:
    """The frame hits every rate counts: negated cues ("no sanctions") left out, as in
    20_framing's default (one definition of a frame hit for 20 and 40).

    Returns: the rows of ``frames`` (same columns, see
    :func:`newsprism.framing.detect.article_frames`) whose ``negated`` is false.

    >>> kept_frames(pd.DataFrame({"frame": ["f", "f"], "negated": [False, True]}))["negated"].tolist()
    [False]
    """
    if "negated" in frames:
        return frames[~frames["negated"].astype(bool)]
    return frames


def frame_rates(tables: dict[str, pd.DataFrame], min_count: int = 0, n_boot: int = N_BOOT,
                seed: int = 0) -> pd.DataFrame:
    """Frame hits per 1,000 words of each outlet with a bootstrap 95% interval: outlet, frame,
    count, estimate (hits per 1,000 words), ci_low, ci_high, n (words), article_share (share of the outlet's articles
    using the frame at least once), p_value (against the other outlets' pooled rate,
    resampling articles: the summary's test; NaN for a one-article outlet), n_articles (the
    outlet's articles: below :data:`~newsprism.core.stats.MIN_ARTICLES` no interval and no
    test).

    The numbers are those of 20_framing's prevalence table
    (:func:`newsprism.framing.stats.frame_prevalence`, negated cues left out, every voice,
    :data:`~newsprism.core.stats.N_BOOT` resamples, seed 0), so a cell reads the same, interval
    included, in both notebooks. Empty when the frames or sentences table is
    absent.

    Columns as listed above: ``n`` counts words, not articles; ``article_share`` runs 0-1. A frame hit is a codebook
    cue (English), not a coder's judgement that the article uses the frame: see the frame
    validation before reading a rate as framing.

    Usage::

        rates = frame_rates(annotate(corpus).tables)
        rates[["outlet", "frame", "estimate", "ci_low", "ci_high", "n"]]
    """
    from newsprism.framing.stats import frame_prevalence

    columns = ["outlet", "frame", "count", "estimate", "ci_low", "ci_high", "n",
               "article_share", "p_value", "n_articles"]
    frames, sentences = _table(tables, "frames"), _table(tables, "sentences")
    articles = tables["articles"]
    if frames.empty or "frame" not in frames or "text" not in sentences:
        return pd.DataFrame(columns=columns)
    frames = kept_frames(frames[frames["article_id"].isin(articles["article_id"])])
    table = frame_prevalence(sentences, frames, articles, include_negated=True, n_boot=n_boot,
                             seed=seed)
    table = table[table["measure"] == "per_1000_words"].reset_index(drop=True).rename(
        columns={"hits": "count"})
    outlet_of = articles.set_index("article_id")["outlet"]
    using = (frames.assign(outlet=frames["article_id"].map(outlet_of))
             .groupby(["outlet", "frame"])["article_id"].nunique())
    n_articles = articles.groupby("outlet").size()
    keys = pd.MultiIndex.from_frame(table[["outlet", "frame"]])
    table["article_share"] = (using.reindex(keys, fill_value=0).to_numpy()
                              / table["outlet"].map(n_articles).to_numpy())
    table["p_value"] = _frame_rate_p(table, sentences, frames, outlet_of, n_boot, seed)
    return table[table["count"] >= min_count][columns].reset_index(drop=True)


def _frame_rate_p(table: pd.DataFrame, sentences: pd.DataFrame, frames: pd.DataFrame,
                  outlet_of: pd.Series, n_boot: int, seed: int) -> list[float]:
    """Each cell's p against the other outlets' pooled rate, resampling articles
    (:func:`newsprism.compare.rate_intervals.article_rate_p`; NaN for a one-article outlet)."""
    from newsprism.compare.rate_intervals import article_rate_p

    mine = sentences[sentences["article_id"].isin(outlet_of.index)]
    words = mine["text"].map(count_words).groupby(mine["article_id"]).sum().sort_index()
    by_frame = {frame: part for frame, part in frames.groupby("frame")}
    empty = frames.iloc[:0]
    return [article_rate_p(by_frame.get(frame, empty), words, outlet_of, outlet,
                           n_boot=n_boot, seed=seed)
            for outlet, frame in zip(table["outlet"], table["frame"], strict=True)]


RATE_COLUMNS = ["quotes_per_1k", "hedges_per_1k", "boosters_per_1k", "anonymous_per_1k",
                "state_media_per_1k", "intelligence_per_1k", "frames_per_1k"]


def profile_long(profiles: pd.DataFrame) -> pd.DataFrame:
    """Rates of the profile table in long form (outlet, measure, value), for plotting.

    Columns: ``outlet``; ``measure`` (a ``*_per_1k`` column of the profile with a value);
    ``value`` (per 1,000 words). No intervals: for plotting the profile, not for comparing.

    >>> profile_long(pd.DataFrame({"outlet": ["X"], "quotes_per_1k": [2.0]})).values.tolist()
    [['X', 'quotes_per_1k', 2.0]]"""
    present = [c for c in RATE_COLUMNS if c in profiles and profiles[c].notna().any()]
    return profiles.melt(id_vars="outlet", value_vars=present, var_name="measure",
                         value_name="value")


def plot_profiles(profiles: pd.DataFrame, measures: list[str] | None = None,
                  tone: pd.DataFrame | None = None):
    """Small multiples: one horizontal bar chart per rate, one bar per outlet, and first the
    own-voice tone with its interval when ``tone`` (:func:`outlet_tone`) is given."""
    import matplotlib.pyplot as plt

    from newsprism.viz.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    long = profile_long(profiles)
    measures = measures or list(dict.fromkeys(long["measure"]))
    with_tone = tone is not None and tone["estimate"].notna().any()
    panels = len(measures) + int(with_tone)
    ncols = min(panels, 4)
    nrows = -(-panels // ncols)
    fig, grid = plt.subplots(nrows, ncols, figsize=(2.6 * ncols + 1.5,
                                                    nrows * (0.4 * len(profiles) + 1.4)),
                             sharey=True, squeeze=False)
    axes = [list(grid.flat)]
    for spare in axes[0][panels:]:
        spare.set_visible(False)
    if with_tone:
        tone = tone.set_index("outlet").reindex(profiles["outlet"])
        ax = axes[0][0]
        ax.errorbar(tone["estimate"], list(tone.index), fmt="o", color="#55a868", capsize=3,
                    xerr=interval_errors(tone["estimate"], tone["ci_low"], tone["ci_high"]))
        ax.axvline(0, color="grey", linewidth=0.6)
        ax.set_title("tone of own voice\n(95% CI)", fontsize=9)
        ax.tick_params(labelsize=9)
    for ax, measure in zip(axes[0][int(with_tone):panels], measures, strict=True):
        part = long[long["measure"] == measure]
        ax.barh(part["outlet"], part["value"], color="#4c72b0")
        ax.set_title(measure.replace("_per_1k", "\nper 1,000 words").replace("_", " "),
                     fontsize=9)
        ax.tick_params(labelsize=9)
    axes[0][0].invert_yaxis()
    fig.tight_layout()
    return fig
