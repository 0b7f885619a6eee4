"""Per-outlet quotation statistics: how much each outlet quotes, whom, with which verbs.

All functions take the tidy ``quotes`` table (see DESIGN: quote_id, article_id, start, end,
text, kind, form, speaker, speaker_start, speaker_end, cue, confidence) and the ``articles``
table (article_id, outlet, text, n_words). Rates are computed per article and summarised per
outlet as the mean over its articles with a percentile bootstrap 95% CI (article = unit), so an
outlet's long articles do not stand in for its short ones; the pooled ratio (all quotes of the
outlet / all its words) is given next to it. Shares of an outlet's quotations (share of voice,
anonymous share) resample its articles too: quotations cluster in articles (one interview
holds thirty from one speaker). Below :data:`~newsprism.core.stats.MIN_ARTICLES` articles no
interval is made over articles and a ``note`` column says what is shown instead.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["X"],
...                          "text": ['Kim said "we win" today.'], "n_words": [5]})
>>> quotes = pd.DataFrame({"quote_id": ["q"], "article_id": ["a1"], "start": [10],
...                        "end": [16], "text": ["we win"], "kind": ["speech"]})
>>> article_quote_rates(quotes, articles)[["n_quotes", "quotes_per_1000_words"]].values.tolist()
[[1.0, 200.0]]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newsprism.core.cue_lexicon import cue_classes, cue_lemmas
from newsprism.core.stats import (
    MIN_ARTICLES,
    N_BOOT,
    bootstrap_group_ci,
    cluster_share_cis,
    enough_articles,
    poisson_rate_ci,
    proportion_ci,
)
from newsprism.core.text import count_words, per_1k, split_sentences
from newsprism.quotes.written_form import merge_case_variants
from newsprism.viz.display import escape

UNATTRIBUTED = "(unattributed)"
ANONYMOUS = "(anonymous source)"

RATE_MEASURES = {
    "quotes": "speech quotations per article",
    "quotes_per_1000_words": "speech quotations per 1,000 words",
    "quoted_share": "share of article characters inside speech quotation marks",
    "terms_per_1000_words": "scare/term quotes per 1,000 words",
}


def _speech(quotes: pd.DataFrame) -> pd.DataFrame:
    if "kind" not in quotes.columns:
        return quotes
    return quotes[quotes["kind"].fillna("speech") == "speech"]


def _terms(quotes: pd.DataFrame) -> pd.DataFrame:
    if "kind" not in quotes.columns:
        return quotes.iloc[0:0]
    return quotes[quotes["kind"] == "term"]


def _covered_chars(spans: Sequence[tuple[int, int]]) -> int:
    # Union of spans: nested or overlapping quotes must not be counted twice.
    total, current_start, current_end = 0, None, None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return total


def article_quote_rates(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``n_words``, ``n_chars``, ``n_quotes`` (speech), ``n_terms``,
    ``quotes_per_1000_words``, ``terms_per_1000_words``, ``quoted_share`` (characters inside
    speech quotations / article characters). Articles without quotes get zeros; articles with
    no words get NaN rates (they carry no information)."""
    arts = articles[["article_id", "outlet"]].copy()
    texts = articles["text"].fillna("") if "text" in articles.columns else None
    if "n_words" in articles.columns:
        arts["n_words"] = articles["n_words"].astype(float).to_numpy()
    else:
        arts["n_words"] = [float(count_words(t)) for t in texts]
    arts["n_chars"] = texts.str.len().astype(float).to_numpy() if texts is not None else np.nan
    speech, terms = _speech(quotes), _terms(quotes)
    arts["n_quotes"] = arts["article_id"].map(speech.groupby("article_id").size()).fillna(0.0)
    arts["n_terms"] = arts["article_id"].map(terms.groupby("article_id").size()).fillna(0.0)
    covered = {aid: _covered_chars(list(zip(g["start"].astype(int), g["end"].astype(int),
                                            strict=True)))
               for aid, g in speech.groupby("article_id")} if len(speech) else {}
    arts["quoted_chars"] = arts["article_id"].map(covered).fillna(0.0).astype(float)
    chars = arts["n_chars"].where(arts["n_chars"] > 0)
    arts["quotes_per_1000_words"] = per_1k(arts["n_quotes"], arts["n_words"])
    arts["terms_per_1000_words"] = per_1k(arts["n_terms"], arts["n_words"])
    arts["quoted_share"] = arts["quoted_chars"] / chars
    return arts.reset_index(drop=True)


def outlet_quote_rates(quotes: pd.DataFrame, articles: pd.DataFrame, n_boot: int = N_BOOT,
                       seed: int = 0) -> pd.DataFrame:
    """Per outlet and measure (see ``RATE_MEASURES``): ``n`` articles, ``total`` (sum over the
    outlet's articles of the numerator: quotes, terms or quoted characters), ``pooled``
    (total / total words x 1000, or total chars share), ``estimate`` (mean over articles) and
    its 95% interval ``ci_low``, ``ci_high``, and ``note`` (how the interval was made).

    The interval resamples the outlet's articles (bootstrap, :data:`N_BOOT` draws) from
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles on (the one minimum,
    :func:`~newsprism.core.stats.enough_articles`). With fewer, a bootstrap over two or three
    articles has a handful of distinct resamples and covers the truth about half the time, so
    the counts get the exact Poisson interval of the pooled rate instead (quotations and terms
    per 1,000 words, quotations per article: every quotation counted as independent, as in
    :mod:`newsprism.compare.rate_intervals`), the character share gets none (characters are not
    counts), and ``note`` says so.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"],
    ...                      "text": ["x" * 10, "y" * 10], "n_words": [100, 200]})
    >>> q = pd.DataFrame({"quote_id": [1, 2], "article_id": ["a", "b"], "start": [0, 0],
    ...                   "end": [5, 5], "text": ["xxxxx", "yyyyy"], "kind": ["speech"] * 2})
    >>> t = outlet_quote_rates(q, arts, n_boot=50).set_index("measure")
    >>> row = t.loc["quotes_per_1000_words"]
    >>> int(row["n"]), float(row["estimate"]), round(float(row["pooled"]), 3)
    (2, 7.5, 6.667)
    >>> row["note"]
    'fewer than 5 articles: exact Poisson interval of the pooled rate, not over articles'
    """
    per_article = article_quote_rates(quotes, articles)
    totals = per_article.groupby("outlet").agg(
        n_words=("n_words", "sum"), n_chars=("n_chars", "sum"), quotes=("n_quotes", "sum"),
        terms=("n_terms", "sum"), quoted_chars=("quoted_chars", "sum"))
    frames = []
    for measure, description in RATE_MEASURES.items():
        value = "n_quotes" if measure == "quotes" else measure
        table = bootstrap_group_ci(per_article, "outlet", value, n_boot=n_boot, seed=seed)
        table.insert(1, "measure", measure)
        table["description"] = description
        numerator = {"quotes": "quotes", "quotes_per_1000_words": "quotes",
                     "terms_per_1000_words": "terms", "quoted_share": "quoted_chars"}[measure]
        table["total"] = table["outlet"].map(totals[numerator]).to_numpy()
        if measure == "quoted_share":
            pooled = totals["quoted_chars"] / totals["n_chars"].where(totals["n_chars"] > 0)
        elif measure == "quotes":
            pooled = totals["quotes"] / per_article.groupby("outlet").size()
        else:
            pooled = per_1k(totals[numerator], totals["n_words"])
        table["pooled"] = table["outlet"].map(pooled).to_numpy()
        exposure = (per_article.groupby("outlet").size() if measure == "quotes"
                    else totals["n_words"])
        frames.append(_few_article_intervals(table, measure,
                                             table["outlet"].map(exposure).to_numpy()))
    columns = ["outlet", "measure", "n", "total", "pooled", "estimate", "ci_low", "ci_high",
               "note", "description"]
    return pd.concat(frames, ignore_index=True)[columns]


FEW_ARTICLES_POISSON = (f"fewer than {MIN_ARTICLES} articles: exact Poisson interval of the "
                        "pooled rate, not over articles")
FEW_ARTICLES_NONE = f"fewer than {MIN_ARTICLES} articles: no interval"


def _few_article_intervals(table: pd.DataFrame, measure: str,
                           exposure: np.ndarray) -> pd.DataFrame:
    """``table`` (one measure, one row per outlet) with the interval of each outlet below the
    minimum of articles replaced (exact Poisson of ``total`` over ``exposure``, words or
    articles; none for the character share) and ``note`` saying how each was made."""
    few = ~table["n"].map(enough_articles).to_numpy(dtype=bool)
    table = table.assign(note=np.where(few, FEW_ARTICLES_NONE, "bootstrap over articles"))
    per = 1.0 if measure == "quotes" else 1000.0
    for i in np.flatnonzero(few):
        low, high = (np.nan, np.nan)
        if measure != "quoted_share" and exposure[i] > 0:
            low, high = poisson_rate_ci(int(table["total"].iloc[i]), float(exposure[i]), per=per)
            table.iloc[i, table.columns.get_loc("note")] = FEW_ARTICLES_POISSON
        table.iloc[i, table.columns.get_loc("ci_low")] = low
        table.iloc[i, table.columns.get_loc("ci_high")] = high
    return table


def share_of_voice(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
                   merge_names: bool = False) -> pd.DataFrame:
    """Per outlet x speaker: speech ``n_quotes``, their share of the outlet's ``n`` speech
    quotations (``estimate``, 95% interval ``ci_low``/``ci_high``, ``note``: how it was made),
    ``n_words`` quoted and ``word_share``, ``n_articles`` quoting the speaker. The interval
    resamples the outlet's articles from
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles with quotations on: a Wilson interval
    counts quotations as independent, but they cluster by article (one interview quotes one
    speaker thirty times), so it would be too narrow; below the minimum it is Wilson's, and
    ``note`` says so. Quotations
    without a speaker count as ``"(unattributed)"`` so shares add up to 1 per outlet; canonical
    speakers are counted (``Quote.speaker``), and anonymous sources (``speaker_type``
    ``"anonymous"``: 'a senior official', 'sources close to ...') are pooled as
    ``"(anonymous source)"``, never one speaker per description (see :func:`anonymous_share`).
    ``merge_names`` (for a corpus without an actor registry): names of one person across
    articles are counted as one speaker by :func:`newsprism.quotes.corpus_speakers.merge_speakers`
    ("Putin" with the corpus's only "Vladimir Putin"); ``speaker_forms`` lists the names each
    row counts, with their quotations ("Vladimir Putin (2); Putin (1)").

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a"] * 3, "text": ["a b", "c", "d e f"],
    ...                   "speaker": ["Kim", "Kim", None], "kind": ["speech"] * 3})
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"]})
    >>> share_of_voice(q, arts)[["speaker", "n_quotes", "n_words"]].values.tolist()
    [['Kim', 2, 3], ['(unattributed)', 1, 3]]
    """
    columns = ["outlet", "speaker", "n_quotes", "estimate", "ci_low", "ci_high", "note", "n",
               "n_words", "word_share", "n_articles", "speaker_forms"]
    speech = _with_outlet(_speech(quotes), articles)
    if not len(speech):
        return pd.DataFrame(columns=columns)
    if merge_names and "speaker" in speech.columns:
        from newsprism.quotes.corpus_speakers import merge_speakers

        speech = merge_speakers(speech)
    speakers = speech["speaker"] if "speaker" in speech.columns else pd.Series(None, index=speech.index)
    speakers = merge_case_variants(speakers)  # 'Richmond Police' and 'Richmond police': one row
    forms = speech["speaker_form"] if "speaker_form" in speech.columns else speakers
    if "speaker_type" in speech.columns:
        speakers = speakers.where(speech["speaker_type"] != "anonymous", ANONYMOUS)
    speech = speech.assign(speaker=speakers.where(speakers.notna() & (speakers != ""),
                                                  UNATTRIBUTED),
                           _words=[count_words(t) for t in speech["text"].fillna("")])
    # The names a row counts, as attribution gave them (an anonymous source's description).
    speech = speech.assign(_form=forms.where(forms.notna() & (forms != ""), speech["speaker"]))
    grouped = speech.groupby(["outlet", "speaker"]).agg(
        n_quotes=("text", "size"), n_words=("_words", "sum"),
        n_articles=("article_id", "nunique"), speaker_forms=("_form", _form_counts)).reset_index()
    grouped["n"] = grouped.groupby("outlet")["n_quotes"].transform("sum")
    outlet_words = grouped.groupby("outlet")["n_words"].transform("sum")
    grouped["estimate"] = grouped["n_quotes"] / grouped["n"]
    grouped = _share_intervals(grouped, speech, "speaker")
    grouped["word_share"] = grouped["n_words"] / outlet_words.where(outlet_words > 0)
    grouped["n_quotes"] = grouped["n_quotes"].astype(int)
    grouped["n_words"] = grouped["n_words"].astype(int)
    grouped = grouped.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True])
    return grouped.reset_index(drop=True)[columns]


SHARE_OVER_ARTICLES = "bootstrap over articles"
SHARE_FEW_ARTICLES = (f"fewer than {MIN_ARTICLES} articles: Wilson interval, quotations "
                      "counted as independent")


def _share_intervals(table: pd.DataFrame, speech: pd.DataFrame, category: str,
                     count: str = "n_quotes") -> pd.DataFrame:
    """``table`` (one row per outlet and ``category`` value, with ``count`` of that value's
    quotations and ``n`` of the outlet's) with a 95% interval of each share
    (``ci_low``, ``ci_high``) and ``note`` saying how it was made: from
    :data:`~newsprism.core.stats.MIN_ARTICLES` articles holding the outlet's quotations, a
    bootstrap over those articles (:func:`~newsprism.core.stats.cluster_share_cis`), widened
    to the Wilson interval where that is wider (a speaker quoted once or twice gives the
    percentile bootstrap too few distinct values); with fewer, the Wilson interval alone."""
    wilson = [proportion_ci(int(k), int(n)) for k, n in
              zip(table[count], table["n"], strict=True)]
    low = np.array([c[0] for c in wilson], dtype=float)
    high = np.array([c[1] for c in wilson], dtype=float)
    note = np.full(len(table), SHARE_FEW_ARTICLES, dtype=object)
    for outlet, rows in table.groupby("outlet").groups.items():
        mine = speech[speech["outlet"] == outlet]
        if not enough_articles(mine["article_id"].nunique()):
            continue
        counts = pd.crosstab(mine["article_id"], mine[category])
        where = table.index.get_indexer(rows)
        names = table.loc[rows, category].to_numpy()
        # The row's values first; every other value stays in the denominator.
        order = [*names, *(c for c in counts.columns if c not in set(names))]
        lows, highs = cluster_share_cis(counts.reindex(columns=order, fill_value=0).to_numpy())
        lows, highs = lows[:len(names)], highs[:len(names)]
        low[where] = np.minimum(low[where], lows)
        high[where] = np.maximum(high[where], highs)
        note[where] = SHARE_OVER_ARTICLES
    return table.assign(ci_low=low, ci_high=high, note=note)


def _form_counts(forms: pd.Series) -> str:
    """"Vladimir Putin (2); Putin (1)": the names one speaker row counts, most frequent first."""
    counts = forms.astype(str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{form} ({n})" for form, n in ordered)


def most_quoted_speakers(quotes: pd.DataFrame | None, top: int = 5,
                         merge_names: bool = False) -> pd.DataFrame:
    """The named speakers of the most speech quotations: speaker, n_quotes, n_articles,
    speaker_forms (most quotations first, ties by name). Only people (``speaker_type``
    "person", when the column is there): the candidates for a story's actor registry when none
    was given. Speakers are as attribution names them, so "Ms Ruiz" in one article and "Elena
    Ruiz" in another are two, unless ``merge_names`` counts one person's names as one speaker
    (:func:`newsprism.quotes.corpus_speakers.merge_speakers`; ``speaker_forms`` lists them).

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "kind": ["speech"] * 4,
    ...                   "speaker": ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None]})
    >>> most_quoted_speakers(q).values.tolist()
    [['Ana Ruiz', 3, 2, 'Ana Ruiz (3)']]
    """
    columns = ["speaker", "n_quotes", "n_articles", "speaker_forms"]
    if quotes is None or not len(quotes) or "speaker" not in quotes.columns:
        return pd.DataFrame(columns=columns)
    speech = _speech(quotes)
    if merge_names:
        from newsprism.quotes.corpus_speakers import merge_speakers

        speech = merge_speakers(speech)
    speech = speech.assign(_form=speech["speaker_form"] if "speaker_form" in speech.columns
                           else speech["speaker"])
    named = speech["speaker"].fillna("").astype(str).str.strip() != ""
    if "speaker_type" in speech.columns:
        named &= speech["speaker_type"].fillna("person") == "person"
    counts = (speech[named].groupby("speaker")
              .agg(n_quotes=("speaker", "size"), n_articles=("article_id", "nunique"),
                   speaker_forms=("_form", _form_counts))
              .reset_index().sort_values(["n_quotes", "speaker"], ascending=[False, True]))
    return counts.head(top).reset_index(drop=True)[columns]


def anonymous_share(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet: the share of its speech quotations whose speaker is an anonymous source
    (``speaker_type == "anonymous"``): ``estimate``, 95% ``ci_low``/``ci_high``, ``n``
    (speech quotations), ``n_anonymous`` and ``note`` (how the interval was made: over
    articles from :data:`~newsprism.core.stats.MIN_ARTICLES` articles with quotations, as in
    :func:`share_of_voice`, since anonymous quotations cluster in articles; Wilson below). Caveat: anonymity is read from the speaker's words
    (see :mod:`newsprism.quotes.speakers`); quotations without a speaker count in ``n``.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a"] * 4, "text": ["x"] * 4, "kind": ["speech"] * 4,
    ...                   "speaker_type": ["anonymous", "person", "person", "unknown"]})
    >>> t = anonymous_share(q, pd.DataFrame({"article_id": ["a"], "outlet": ["X"]}))
    >>> t[["outlet", "estimate", "n", "n_anonymous"]].values.tolist(), float(round(t["ci_low"][0], 3))
    ([['X', 0.25, 4, 1]], 0.046)
    """
    columns = ["outlet", "estimate", "ci_low", "ci_high", "n", "n_anonymous", "note"]
    speech = _with_outlet(_speech(quotes), articles)
    if not len(speech) or "speaker_type" not in speech.columns:
        return pd.DataFrame(columns=columns)
    grouped = speech.assign(_anon=speech["speaker_type"] == "anonymous").groupby("outlet").agg(
        n=("_anon", "size"), n_anonymous=("_anon", "sum")).reset_index()
    grouped["estimate"] = grouped["n_anonymous"] / grouped["n"]
    kinds = speech.assign(_kind=np.where(speech["speaker_type"] == "anonymous", "anonymous",
                                         "other"))
    grouped = _share_intervals(grouped.assign(_kind="anonymous"), kinds, "_kind",
                               count="n_anonymous").drop(columns="_kind")
    grouped[["n", "n_anonymous"]] = grouped[["n", "n_anonymous"]].astype(int)
    return grouped[columns]


def _with_outlet(quotes: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    if "outlet" in quotes.columns or articles is None:
        return quotes if "outlet" in quotes.columns else quotes.assign(outlet=quotes["article_id"])
    outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    return quotes.assign(outlet=quotes["article_id"].map(outlets))


def scare_quotes(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Term (scare) quotes by outlet and wording: ``outlet``, ``term`` (lower-cased), ``n``,
    ``n_articles``; most used first.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a", "a"], "text": ["Crown jewels", "crown jewels"],
    ...                   "kind": ["term", "term"]})
    >>> scare_quotes(q)[["term", "n"]].values.tolist()
    [['crown jewels', 2]]
    """
    terms = _with_outlet(_terms(quotes), articles)
    if not len(terms):
        return pd.DataFrame(columns=["outlet", "term", "n", "n_articles"])
    terms = terms.assign(term=terms["text"].fillna("").str.strip(" .,;:!?").str.lower())
    table = terms.groupby(["outlet", "term"]).agg(n=("text", "size"),
                                                  n_articles=("article_id", "nunique"))
    return (table.reset_index().sort_values(["outlet", "n", "term"], ascending=[True, False, True])
            .reset_index(drop=True))


# --- cue verbs -------------------------------------------------------------------------------

# base form -> irregular forms (3rd person -s, -ing and -ed are added): cue_verbs.yml
_VERBS = cue_lemmas()
# Why classes: reporting verbs are not neutral — "claimed" casts doubt, "stressed" amplifies
# (the classic "said is neutral" style rule of news writing).
CUE_CLASSES = {name: set(lemmas) for name, lemmas in cue_classes().items()}  # cue_verbs.yml


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base, extra in _VERBS.items():
        stem_ = base[:-1] if base.endswith("e") else base
        regular = [base, base + ("es" if base.endswith(("s", "sh", "ch")) else "s"),
                   stem_ + "ing", stem_ + "ed"]
        if base.endswith("y") and base not in {"say"}:
            regular += [base[:-1] + "ies", base[:-1] + "ied"]
        for form in regular + list(extra):
            forms.setdefault(form, base)
    forms.update({"says": "say", "saying": "say", "tells": "tell", "telling": "tell"})
    return forms


_FORMS = _forms()
_LETTERS = re.compile(r"[a-z]+")


def cue_lemma(cue: object) -> str:
    """A lemma-ish label of a cue: ``"said"`` -> ``"say"``, ``"Kim's message stated"`` ->
    ``"state"``, ``"according to"`` -> ``"according to"``, ``":"`` -> ``"(colon)"``, missing ->
    ``"(none)"``; unknown words keep their lower-cased last word.

    >>> [cue_lemma(c) for c in ["said", "Claimed", "told", "message stated", ":", None]]
    ['say', 'claim', 'tell', 'state', '(colon)', '(none)']
    """
    if cue is None or (isinstance(cue, float) and np.isnan(cue)) or not str(cue).strip():
        return "(none)"
    words = _LETTERS.findall(str(cue).lower())
    if not words:
        return "(colon)" if ":" in str(cue) else "(other)"
    if "according" in words:
        return "according to"
    for word in words:
        if word in _FORMS:
            return _FORMS[word]
    return words[-1]


def cue_class(lemma: str) -> str:
    """``neutral``, ``doubting``, ``emphatic`` or ``other`` for a cue lemma.

    >>> cue_class("claim"), cue_class("say"), cue_class("(colon)")
    ('doubting', 'neutral', 'other')
    """
    for name, members in CUE_CLASSES.items():
        if lemma in members:
            return name
    return "other"


def cue_verbs(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
              include_missing: bool = False) -> pd.DataFrame:
    """Per outlet x cue lemma (speech quotations): ``n_quotes`` with the cue, their share of
    the outlet's ``n`` cued quotations (``estimate``, 95% CI ``ci_low``/``ci_high`` over the
    outlet's articles as in :func:`share_of_voice`, ``note``: how it was made; one writer's
    habit fills an article with one verb), ``cue_class``, ``examples`` (up to three surface
    cues).
    Quotations without a cue are left out unless ``include_missing``.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a"] * 3, "text": ["x"] * 3, "kind": ["speech"] * 3,
    ...                   "cue": ["said", "says", "claimed"]})
    >>> cue_verbs(q)[["cue_lemma", "n_quotes", "n"]].values.tolist()
    [['say', 2, 3], ['claim', 1, 3]]
    """
    columns = ["outlet", "cue_lemma", "cue_class", "n_quotes", "estimate", "ci_low", "ci_high",
               "note", "n", "examples"]
    speech = _with_outlet(_speech(quotes), articles)
    if not len(speech) or "cue" not in speech.columns:
        return pd.DataFrame(columns=columns)
    speech = speech.assign(cue_lemma=[cue_lemma(c) for c in speech["cue"]])
    if not include_missing:
        speech = speech[speech["cue_lemma"] != "(none)"]
    if not len(speech):
        return pd.DataFrame(columns=columns)
    table = speech.groupby(["outlet", "cue_lemma"]).agg(
        n_quotes=("text", "size"),
        examples=("cue", lambda c: ", ".join(sorted({str(x).strip() for x in c})[:3]))
    ).reset_index()
    table["cue_class"] = table["cue_lemma"].map(cue_class)
    table["n"] = table.groupby("outlet")["n_quotes"].transform("sum")
    table["estimate"] = table["n_quotes"] / table["n"]
    table = _share_intervals(table, speech, "cue_lemma")
    table = table.sort_values(["outlet", "n_quotes", "cue_lemma"], ascending=[True, False, True])
    return table.reset_index(drop=True)[columns]


# --- tracing a quote back to its text -------------------------------------------------------

_QUOTE_STYLE = "background:#fff3b0"
_SPEAKER_STYLE = "background:#d6e6ff;font-weight:600"


def _context_span(text: str, start: int, end: int,
                  sentence_spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    overlapping = [(s, e) for s, e in sentence_spans if s < max(end, start + 1) and e > start]
    if not overlapping:
        return max(0, start), min(len(text), end)
    return min(s for s, _ in overlapping), max(e for _, e in overlapping)


def quote_sentence_html(text: str, start: int, end: int,
                        speaker_start: int | None = None, speaker_end: int | None = None,
                        sentence_spans: Sequence[tuple[int, int]] | None = None,
                        max_chars: int = 1200) -> str:
    """The sentence(s) holding ``text[start:end]`` as HTML, the quotation marked with
    ``<mark class="np-quote">`` and the speaker mention (when given and in or next to those
    sentences) with ``<mark class="np-speaker">``. All article text is HTML-escaped.

    ``sentence_spans`` (offsets into ``text``) default to ``newsprism.text.split_sentences``.

    >>> html = quote_sentence_html('Intro. Kim said "<b>go</b>" now. End.', 17, 26, 7, 10)
    >>> html.replace(' style="background:#fff3b0"', "").replace(' style="' + _SPEAKER_STYLE + '"', "")
    '<mark class="np-speaker">Kim</mark> said &quot;<mark class="np-quote">&lt;b&gt;go&lt;/b&gt;</mark>&quot; now.'
    """
    start, end = max(0, int(start)), min(len(text), int(end))
    spans = list(sentence_spans) if sentence_spans is not None else split_sentences(text)
    lo, hi = _context_span(text, start, end, spans)
    marks = [(start, end, "np-quote", _QUOTE_STYLE)]
    if speaker_start is not None and speaker_end is not None and not (
            pd.isna(speaker_start) or pd.isna(speaker_end)):
        s_lo, s_hi = _context_span(text, int(speaker_start), int(speaker_end), spans)
        # Show the speaker's sentence too when it is close (a colon introduction, "he said").
        if s_hi - s_lo <= max_chars and min(abs(s_lo - hi), abs(lo - s_hi)) <= max_chars:
            lo, hi = min(lo, s_lo), max(hi, s_hi)
        if int(speaker_end) <= start or int(speaker_start) >= end:
            marks.append((int(speaker_start), int(speaker_end), "np-speaker", _SPEAKER_STYLE))
    marks = sorted((max(lo, s), min(hi, e), c, st) for s, e, c, st in marks if e > s)
    out, cursor = [], lo
    ellipsis_after = False
    if hi - lo > max_chars:  # very long block quotes: keep the start and the end
        ellipsis_after = True
    for s, e, css, style in marks:
        if s < cursor:
            continue
        out.append(escape(text[cursor:s]))
        inner = text[s:e]
        if ellipsis_after and len(inner) > max_chars:
            inner = inner[: max_chars // 2] + " … " + inner[-max_chars // 4:]
        out.append(f'<mark class="{css}" style="{style}">{escape(inner)}</mark>')
        cursor = e
    out.append(escape(text[cursor:hi]))
    return "".join(out).replace("\n", "<br>")


def quote_explorer(quotes: pd.DataFrame, articles: pd.DataFrame,
                   sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quotation with ``outlet``, its fields and ``sentence_html`` (the quotation
    highlighted in its sentence; escaped). ``sentences`` (article_id, start, end) is the
    annotation's sentence table; without it sentences are split again.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ['He said "<script>".']})
    >>> q = pd.DataFrame({"quote_id": [0], "article_id": ["a"], "start": [9], "end": [17],
    ...                   "text": ["<script>"]})
    >>> "&lt;script&gt;" in quote_explorer(q, arts)["sentence_html"][0]
    True
    """
    # (the mention, its type and the rule that fired keep every attribution auditable)
    keep = [c for c in ["quote_id", "article_id", "outlet", "kind", "form", "speaker",
                        "speaker_surface", "speaker_type", "rule", "cue", "confidence", "text"]
            if c in quotes.columns or c == "outlet"]
    data = _with_outlet(quotes, articles)
    if not len(data):
        return pd.DataFrame(columns=[*keep, "sentence_html"])
    texts = articles.drop_duplicates("article_id").set_index("article_id")["text"]
    spans_by_article: dict = {}
    if sentences is not None and len(sentences):
        for aid, group in sentences.groupby("article_id"):
            spans_by_article[aid] = list(zip(group["start"].astype(int), group["end"].astype(int),
                                             strict=True))
    html_rows = []
    for row in data.itertuples(index=False):
        text = texts.get(row.article_id, "")
        if row.article_id not in spans_by_article:
            spans_by_article[row.article_id] = split_sentences(text)
        html_rows.append(quote_sentence_html(
            text, row.start, row.end, getattr(row, "speaker_start", None),
            getattr(row, "speaker_end", None), spans_by_article[row.article_id]))
    result = data[keep].copy()
    result["sentence_html"] = html_rows
    return result.reset_index(drop=True)
