"""Evidence: the words and sentences behind a score (VADER's per-word valences, highlighted
sentences, the most positive and negative sentences, an actor's most extreme clauses).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from newsprism.core.lazy import pandas as pd
from newsprism.sentiment.score_tables import sentence_scores
from newsprism.sentiment.vader import vader_analyzer


def vader_contributions(text: str) -> list[tuple[str, float]]:
    """VADER's tokens with the valence each contributes after negation, boosters and "but".

    >>> [(w, v > 0) for w, v in vader_contributions("not a great plan") if v]
    [('great', False)]
    """
    _, words, valences = vader_analyzer().word_valences(text)
    return list(zip(words, (float(v) for v in valences), strict=True))


def highlight_contributions(text: str, engine: str = "vader") -> str:
    """``text`` as escaped HTML with each scoring word marked (green positive, red negative)
    and its VADER valence in the tooltip. TextBlob has no per-word trace, so its highlights use
    VADER's lexicon as a proxy (the caption says so).

    >>> highlight_contributions("A great day & <b>")
    'A <mark class="np-pos" style="background:#c6efce" title="+3.1">great</mark> day &amp; &lt;b&gt;'
    """
    pieces, cursor = [], 0
    for word, value in vader_contributions(text):
        # VADER tokens are whitespace tokens with edge punctuation stripped, in text order.
        at = text.find(word, cursor)
        if at < 0:
            continue
        if not value:
            continue
        pieces.append(html.escape(text[cursor:at]))
        kind, colour = ("np-pos", "#c6efce") if value > 0 else ("np-neg", "#ffc7ce")
        pieces.append(f'<mark class="{kind}" style="background:{colour}" title="{value:+.1f}">'
                      f"{html.escape(word)}</mark>")
        cursor = at + len(word)
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def driving_words(texts: Iterable[str], positive: bool = True, top: int = 3
                  ) -> list[tuple[str, float, int]]:
    """The words whose VADER valences (:func:`vader_contributions`) push ``texts`` most
    towards ``positive`` (or negative): (word lower-cased, summed valence, sentences), the
    largest sum first; the words a reader sees highlighted in :func:`extreme_sentences`.

    >>> driving_words(["A great win, a great day.", "Not bad."])  # "not" turns "bad" around
    [('great', 6.2, 1), ('win', 2.8, 1), ('bad', 1.85, 1)]
    """
    sums: dict[str, float] = {}
    seen: dict[str, set[int]] = {}
    for k, text in enumerate(texts):
        for word, value in vader_contributions(text):
            if value and (value > 0) == positive:
                key = word.lower()
                sums[key] = sums.get(key, 0.0) + value
                seen.setdefault(key, set()).add(k)
    ranked = sorted(sums, key=lambda w: (-abs(sums[w]), w))[:top]
    return [(w, round(sums[w], 2), len(seen[w])) for w in ranked]


def extreme_sentences(annotations: Any, engine: str = "vader", k: int = 5,
                      min_words: int = 6) -> pd.DataFrame:
    """The ``k`` most positive and ``k`` most negative sentences (``side`` = positive|negative)
    with outlet, ids, score, text and ``html`` (escaped text, driving words highlighted).

    Columns: ``side``, ``outlet``, ``article_id``, ``sentence_id``, ``engine``, ``score``
    (-1..+1), ``n_words``, ``text``, ``html``. Sentences under ``min_words`` words are left
    out. Examples to read, not a measure.

    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> extreme_sentences(tables, k=1, min_words=2)[["side", "text"]].values.tolist()
    [['positive', 'Putin praised the treaty.'], ['negative', 'Sanctions hurt.']]
    """
    rows = sentence_scores(annotations, engine)
    rows = rows[rows["n_words"] >= min_words]
    top = rows.nlargest(k, "score").assign(side="positive")
    bottom = rows.nsmallest(k, "score").assign(side="negative")
    out = pd.concat([top, bottom], ignore_index=True)
    out["html"] = [highlight_contributions(t, engine) for t in out["text"]]
    return out[["side", "outlet", "article_id", "sentence_id", "engine", "score", "n_words",
                "text", "html"]]


def actor_evidence(tone: pd.DataFrame, per_side: int = 1, width: int = 90) -> pd.DataFrame:
    """Evidence for the actor table: per actor, its most positive and most negative clause.

    Columns: actor, side ("most positive" or "most negative"; an actor with one clause
    shows it on both sides), outlet, article_id, score, evidence (escaped HTML: the clause with the
    mention marked, via ``newsprism.viz.display.kwic_html``).

    >>> from newsprism.sentiment.tone_actors import actor_tone
    >>> from newsprism.pipeline.steps import STEPS, AnnotateOptions, annotate_articles
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "language": "en",
    ...     "text": ["Putin praised the treaty. “It is a disaster,” Kim said.",
    ...              "Sanctions hurt. Talks went well."]})
    >>> steps = {k: STEPS[k] for k in ("sentences", "quotes", "mentions", "sentiment")}
    >>> tables = {**annotate_articles(arts, steps, AnnotateOptions())[0], "articles": arts}
    >>> actor_evidence(actor_tone(tables, "vader"))[["actor", "side", "score"]].values.tolist()
    [['Kim Jong Un', 'most positive', 0.0], ['Kim Jong Un', 'most negative', 0.0], ['Vladimir Putin', 'most positive', 0.4939], ['Vladimir Putin', 'most negative', 0.4939]]
    """
    from newsprism.viz.display import kwic_html

    if not len(tone):
        return pd.DataFrame(columns=["actor", "side", "outlet", "article_id", "score",
                                     "evidence"])
    rows = []
    for actor, part in tone.groupby("actor", sort=True):
        picks = [("most positive", part.nlargest(per_side, "score")),
                 ("most negative", part.nsmallest(per_side, "score"))]
        for side, chosen in picks:
            for r in chosen.itertuples(index=False):
                start, end = r.start - r.clause_start, r.end - r.clause_start
                rows.append((actor, side, r.outlet, r.article_id, r.score,
                             str(kwic_html(r.clause, start, end, width=width))))
    return pd.DataFrame(rows, columns=["actor", "side", "outlet", "article_id", "score",
                                       "evidence"])
