"""Modules split into one module per concern keep their old import paths: every public name
the old module had still imports from it (and through its layer's package, which forwards
names to it), as the same object as in its new home.

Each ``names`` list was generated from the module's source before its split (main at
4ede957), not written by hand: the public names it defined (``def``, ``class``, assignment) or
imported from newsprism (standard-library and third-party names it happened to import, such as
``re``, ``np`` or ``Path``, are not its API)::

    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)): names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)): names |= {target names}
        elif isinstance(node, ast.ImportFrom) and node.module.startswith("newsprism"):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import): names |= {"newsprism"} if it imports newsprism
    names = sorted(n for n in names if not n.startswith("_"))
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

SPLITS = {
    "newsprism.sentiment.scoring": {
        "names": [
            "ACTOR_TONE_COLUMNS", "ENGINES", "ENGINE_COLUMNS", "ENGINE_LABEL", "MAX_SCORED",
            "NEUTRAL_BAND", "SCORE_COLUMN", "SENTIMENT_COLUMNS", "TONE_COLUMNS", "TONE_ENGINES",
            "TONE_ENGINE_LABEL", "TONE_LABELS", "VOICES", "VOICE_COLUMNS", "actor_evidence",
            "actor_tone", "agreement_sample_note", "article_scores", "article_sentiment",
            "article_sentiment_tuples", "check_engine", "check_tone_engine", "clause_at",
            "clause_spans", "count_words", "distribution_long", "driving_words",
            "engine_agreement", "engine_scores_wide", "english_articles", "extreme_sentences",
            "fallback_quote_spans", "headline_scores", "highlight_contributions", "is_english",
            "mention_clauses", "nltk_vader_analyzer", "outlet_actor_tone", "outlet_scores",
            "pair_marks", "paragraph_scores", "pd", "quote_spans_from_table", "score_rows",
            "score_sentences", "sentence_scores", "sentence_voice_rows", "split_sentences",
            "split_voice", "stats", "textblob_analyzer", "textblob_pattern", "three_class",
            "tone_arc", "tone_toward", "vader_analyzer", "vader_contributions",
            "voice_comparison",
        ],
        "homes": {  # where each concern lives now (the old module only re-exports)
            "engines": ["ENGINES", "SCORE_COLUMN", "ENGINE_COLUMNS", "ENGINE_LABEL",
                        "NEUTRAL_BAND", "score_sentences", "score_rows", "headline_scores",
                        "three_class"],
            "voice": ["VOICES", "split_voice", "fallback_quote_spans", "quote_spans_from_table",
                      "sentence_voice_rows"],
            "clauses": ["clause_spans", "clause_at"],
            "sentence_step": ["SENTIMENT_COLUMNS", "article_sentiment",
                              "article_sentiment_tuples"],
            "score_tables": ["sentence_scores", "outlet_scores", "voice_comparison", "tone_arc"],
            "tone_target": ["TONE_ENGINES", "TONE_LABELS", "tone_toward", "check_tone_engine"],
            "tone_actors": ["ACTOR_TONE_COLUMNS", "actor_tone", "mention_clauses",
                            "outlet_actor_tone"],
            "evidence": ["vader_contributions", "extreme_sentences", "actor_evidence"],
            "agreement": ["MAX_SCORED", "engine_scores_wide", "engine_agreement"],
        },
    },
    "newsprism.corpus.readers": {
        "names": [
            "ALIASES", "ARTICLE_COLUMNS", "AUDIT_COLUMNS", "CLEANING_LEVELS", "CORPUS_KEY",
            "CleanResult", "Corpus", "CorpusWarning", "DISAGREEMENT_CONFIDENCE", "HTML_SUFFIXES",
            "KNOWN_EXTRA", "MAX_ID_CHARS", "MIN_HTML_WORDS", "OPTIONAL_COLUMNS",
            "PROBLEM_COLUMNS", "QUIET_VARIABLE", "RawBatch", "TEXT_SUFFIXES", "UNDETERMINED",
            "clean_text", "clean_texts", "count_words", "detect_language",
            "iter_corpus_batches", "iter_raw_batches", "load_corpus", "normalise_language",
            "paths", "problems_reading", "recurring_lines", "removals", "repair_article", "warn",
        ],
        "homes": {  # readers keeps loading: load_corpus and the batches
            "contract": ["ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "OPTIONAL_COLUMNS", "ALIASES",
                         "KNOWN_EXTRA", "Corpus"],
            "builder": ["MAX_ID_CHARS"],
            "read_html": ["HTML_SUFFIXES", "MIN_HTML_WORDS"],
            "read_folder": ["TEXT_SUFFIXES"],
            "problems": ["CorpusWarning", "QUIET_VARIABLE", "warn", "problems_reading"],
            "readers": ["load_corpus", "iter_corpus_batches", "iter_raw_batches", "RawBatch"],
        },
    },
    "newsprism.compare.summary": {
        "names": [
            "ALPHA", "MAX_FINDINGS", "NOTEBOOK", "RATE_STATEMENTS", "SECTIONS",
            "SUMMARY_COLUMNS", "TABLES", "TABLES_SUMMARY", "UNCLEAR_CLAIM", "comparison_limits",
            "conflict_statements", "copy_statements", "extremes_text", "family_q",
            "findings_text", "frame_statement", "lead_verdict", "outlet_summaries", "plural",
            "rank_phrase", "rate_p", "rate_rows", "rate_statement", "recorded_statements",
            "runner_up_text", "size_statement", "statement", "summaries_html",
            "terms_statement", "tone_p", "tone_statement", "top_rate_reading",
            "unclear_conflict", "when_comparable", "with_family_q",
        ],
        "homes": {  # summary keeps the summaries and the findings
            "wording": ["plural", "rank_phrase"],
            "multiple_testing": ["ALPHA", "rate_p", "tone_p", "family_q", "with_family_q"],
            "statements": ["NOTEBOOK", "SECTIONS", "RATE_STATEMENTS", "TABLES",
                           "SUMMARY_COLUMNS", "statement", "size_statement", "terms_statement",
                           "tone_statement", "rate_statement", "frame_statement",
                           "copy_statements"],
            "claim_statements": ["UNCLEAR_CLAIM", "conflict_statements", "unclear_conflict"],
            "readings": ["comparison_limits", "top_rate_reading", "lead_verdict",
                         "when_comparable", "extremes_text", "runner_up_text"],
            "summary": ["outlet_summaries", "rate_rows", "findings_text", "recorded_statements",
                        "summaries_html", "MAX_FINDINGS", "TABLES_SUMMARY"],
        },
    },
    "newsprism.pipeline.store": {
        "names": [
            "AnnotateOptions", "AnnotationOptionsWarning", "Annotations", "Corpus",
            "FORMAT_VERSION", "LazyTables", "MANIFEST", "OUTPUT_DEPENDENCIES", "PARTITION_SIZE",
            "RawBatch", "STATUS_DIR", "StepFunction", "UsageError", "add_cli",
            "annotate_articles", "annotate_partition", "annotate_to_parquet",
            "auto_partition_size", "cache_key", "check_corpus", "clean_text",
            "corpus_fingerprint", "count_articles", "dependency_versions", "detect_language",
            "finished_partitions", "is_annotated_dir", "iter_corpus_batches",
            "library_fingerprint", "load_annotations", "load_any_corpus", "load_corpus", "main",
            "newsprism", "option_differences", "partition_batches", "paths", "read_manifest",
            "read_table", "resolve_steps", "run_cli", "sample_table", "select_steps",
            "step_name", "table_dataset", "table_files",
        ],
        "homes": {  # store keeps the run, loading its result and the command line
            "fingerprints": ["OUTPUT_DEPENDENCIES", "AnnotationOptionsWarning", "cache_key",
                             "corpus_fingerprint", "dependency_versions", "library_fingerprint",
                             "option_differences"],
            "partitions": ["PARTITION_SIZE", "iter_corpus_batches", "partition_batches",
                           "count_articles", "auto_partition_size"],
            "partition_files": ["STATUS_DIR", "finished_partitions"],
            "partition_task": ["annotate_partition"],
            "store": ["FORMAT_VERSION", "annotate_to_parquet", "load_annotations",
                      "load_any_corpus", "add_cli", "run_cli", "main"],
        },
    },
}
# The module each package forwards public names to (its ``__getattr__``).
FORWARDS = {"newsprism.sentiment": "newsprism.sentiment.scoring",
            "newsprism.corpus": "newsprism.corpus.readers",
            "newsprism.compare": "newsprism.compare.outlets",
            "newsprism.pipeline": None}  # forwards nothing
NAMES = [(old, name) for old, split in SPLITS.items() for name in split["names"]]
HOMES = [(old, home, names) for old, split in SPLITS.items()
         for home, names in split["homes"].items()]


@pytest.mark.parametrize("old, name", NAMES)
def test_every_old_public_name_still_imports_from_the_old_path(old, name):
    module = importlib.import_module(old)
    assert hasattr(module, name)
    if FORWARDS[old.rpartition(".")[0]] == old:  # newsprism.compare forwards to its outlets
        package = importlib.import_module(old.rpartition(".")[0])
        assert getattr(package, name) is getattr(module, name)


@pytest.mark.parametrize("old", sorted(SPLITS))
def test_the_old_module_re_exports_exactly_its_old_names(old):
    assert sorted(importlib.import_module(old).__all__) == sorted(SPLITS[old]["names"])


@pytest.mark.parametrize("old, home, names", HOMES)
def test_the_old_path_gives_the_object_of_its_new_home(old, home, names):
    module = importlib.import_module(f"{old.rpartition('.')[0]}.{home}")
    for name in names:
        value = getattr(module, name)
        assert getattr(importlib.import_module(old), name) is value, name
        if callable(value) and hasattr(value, "__module__"):
            assert value.__module__ == module.__name__, name  # defined there, not imported


@pytest.mark.parametrize("old", sorted(SPLITS))
def test_no_module_is_named_like_a_public_name(old):
    """A package forwards a name unless one of its modules has that name, so a module called
    ``tone_toward`` would hide the function at ``newsprism.sentiment.tone_toward``."""
    module = importlib.import_module(old)
    modules = {path.stem for path in Path(module.__file__).parent.glob("*.py")}
    target = FORWARDS[old.rpartition(".")[0]]
    forwarded = importlib.import_module(target) if target else None
    public = {name for name in dir(forwarded) if not name.startswith("_")} if target else set()
    assert set(SPLITS[old]["homes"]) <= modules
    assert not modules & (set(SPLITS[old]["names"]) | public)
