"""``newsprism.sentiment.scoring`` was split into one module per concern; every public name
it had still imports from it (and through ``newsprism.sentiment``), as the same object as in
its new home.

``OLD_NAMES`` was generated from the module before the split (main at 4ede957), not written
by hand: the names in ``vars(scoring)`` without a leading underscore whose object comes from
newsprism (standard-library and third-party names it happened to import, such as ``re``,
``np`` or ``Sequence``, are not its API)::

    names = sorted(n for n, v in vars(scoring).items() if not n.startswith("_")
                   and (getattr(v, "__name__", "") if isinstance(v, ModuleType)
                        else getattr(v, "__module__", None) or "newsprism").startswith("newsprism"))
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from newsprism.sentiment import scoring

OLD_NAMES = [
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

# Where each concern lives now (the old module only re-exports).
HOMES = {
    "engines": ["ENGINES", "SCORE_COLUMN", "ENGINE_COLUMNS", "ENGINE_LABEL", "NEUTRAL_BAND",
                "score_sentences", "score_rows", "headline_scores", "three_class"],
    "voice": ["VOICES", "split_voice", "fallback_quote_spans", "quote_spans_from_table",
              "sentence_voice_rows"],
    "clauses": ["clause_spans", "clause_at"],
    "sentence_step": ["SENTIMENT_COLUMNS", "article_sentiment", "article_sentiment_tuples"],
    "score_tables": ["sentence_scores", "outlet_scores", "voice_comparison", "tone_arc"],
    "tone_target": ["TONE_ENGINES", "TONE_LABELS", "tone_toward", "check_tone_engine"],
    "tone_actors": ["ACTOR_TONE_COLUMNS", "actor_tone", "mention_clauses", "outlet_actor_tone"],
    "evidence": ["vader_contributions", "extreme_sentences", "actor_evidence"],
    "agreement": ["MAX_SCORED", "engine_scores_wide", "engine_agreement"],
}


@pytest.mark.parametrize("name", OLD_NAMES)
def test_every_old_public_name_still_imports_from_the_old_paths(name):
    module = importlib.import_module("newsprism.sentiment")
    assert getattr(scoring, name) is getattr(module, name)


def test_the_old_module_re_exports_exactly_its_old_names():
    assert sorted(scoring.__all__) == sorted(OLD_NAMES)


@pytest.mark.parametrize("home, names", sorted(HOMES.items()))
def test_the_old_path_gives_the_object_of_its_new_home(home, names):
    module = importlib.import_module(f"newsprism.sentiment.{home}")
    for name in names:
        assert getattr(scoring, name) is getattr(module, name), name
        value = getattr(module, name)
        if callable(value) and hasattr(value, "__module__"):
            assert value.__module__ == module.__name__, name  # defined there, not imported


def test_no_new_module_is_named_like_a_public_name():
    """The package forwards a name to ``scoring`` unless a submodule has that name, so a module
    called ``tone_toward`` would hide the function at ``newsprism.sentiment.tone_toward``."""
    modules = {path.stem for path in Path(scoring.__file__).parent.glob("*.py")}
    assert set(HOMES) <= modules
    assert not modules & set(OLD_NAMES)
