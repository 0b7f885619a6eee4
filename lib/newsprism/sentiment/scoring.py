"""Sentence sentiment by voice (the outlet's words vs quoted words) and tone toward actors:
the old import path, re-exporting the names of the modules that implement them.

Each concern has its own module:

- ``engines``: the lexicon engines (VADER, TextBlob, NLTK's VADER port), memoised scores.
- ``voice``: quoted spans and the split of a sentence into author and quoted words.
- ``clauses``: the clauses of a sentence.
- ``sentence_step``: the sentiment annotation step (sentence x engine x voice rows).
- ``score_tables``: sentence, paragraph, article and outlet tables; voices, arc.
- ``tone_target``: tone toward a target span (model or lexicon engine).
- ``tone_actors``: tone toward each actor mention; outlet x actor means.
- ``evidence``: the words and sentences behind a score.
- ``agreement``: agreement between engines.

>>> score_sentences(["A wonderful, generous gift.", "A brutal, horrible war."])["compound"].gt(0)
0     True
1    False
Name: compound, dtype: bool
"""

from __future__ import annotations

from newsprism.core import stats
from newsprism.core.lazy import pandas as pd
from newsprism.core.resources import textblob_pattern
from newsprism.core.text import count_words, split_sentences
from newsprism.corpus.language import english_articles, is_english
from newsprism.quotes.marks import pair_marks
from newsprism.sentiment.agreement import (
    MAX_SCORED,
    agreement_sample_note,
    engine_agreement,
    engine_scores_wide,
)
from newsprism.sentiment.clauses import clause_at, clause_spans
from newsprism.sentiment.engines import (
    ENGINE_COLUMNS,
    ENGINE_LABEL,
    ENGINES,
    NEUTRAL_BAND,
    SCORE_COLUMN,
    check_engine,
    headline_scores,
    nltk_vader_analyzer,
    score_rows,
    score_sentences,
    textblob_analyzer,
    three_class,
)
from newsprism.sentiment.evidence import (
    actor_evidence,
    driving_words,
    extreme_sentences,
    highlight_contributions,
    vader_contributions,
)
from newsprism.sentiment.score_tables import (
    VOICE_COLUMNS,
    article_scores,
    distribution_long,
    outlet_scores,
    paragraph_scores,
    sentence_scores,
    tone_arc,
    voice_comparison,
)
from newsprism.sentiment.sentence_step import (
    SENTIMENT_COLUMNS,
    article_sentiment,
    article_sentiment_tuples,
)
from newsprism.sentiment.tone_actors import (
    ACTOR_TONE_COLUMNS,
    actor_tone,
    mention_clauses,
    outlet_actor_tone,
)
from newsprism.sentiment.tone_target import (
    TONE_COLUMNS,
    TONE_ENGINE_LABEL,
    TONE_ENGINES,
    TONE_LABELS,
    check_tone_engine,
    tone_toward,
)
from newsprism.sentiment.vader import vader_analyzer
from newsprism.sentiment.voice import (
    VOICES,
    fallback_quote_spans,
    quote_spans_from_table,
    sentence_voice_rows,
    split_voice,
)

# Every public name this module had before it was split (tests/test_split_modules.py).
__all__ = [
    "ACTOR_TONE_COLUMNS", "ENGINES", "ENGINE_COLUMNS", "ENGINE_LABEL", "MAX_SCORED",
    "NEUTRAL_BAND", "SCORE_COLUMN", "SENTIMENT_COLUMNS", "TONE_COLUMNS", "TONE_ENGINES",
    "TONE_ENGINE_LABEL", "TONE_LABELS", "VOICES", "VOICE_COLUMNS", "actor_evidence",
    "actor_tone", "agreement_sample_note", "article_scores", "article_sentiment",
    "article_sentiment_tuples", "check_engine", "check_tone_engine", "clause_at",
    "clause_spans", "count_words", "distribution_long", "driving_words", "engine_agreement",
    "engine_scores_wide", "english_articles", "extreme_sentences", "fallback_quote_spans",
    "headline_scores", "highlight_contributions", "is_english", "mention_clauses",
    "nltk_vader_analyzer", "outlet_actor_tone", "outlet_scores", "pair_marks",
    "paragraph_scores", "pd", "quote_spans_from_table", "score_rows", "score_sentences",
    "sentence_scores", "sentence_voice_rows", "split_sentences", "split_voice", "stats",
    "textblob_analyzer", "textblob_pattern", "three_class", "tone_arc", "tone_toward",
    "vader_analyzer", "vader_contributions", "voice_comparison",
]
