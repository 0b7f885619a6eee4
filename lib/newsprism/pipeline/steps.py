"""The annotation step registry and the per-article runner.

A *step* is a per-article function provided by an analysis module::

    fn(article: ArticleInput, tables: dict[str, DataFrame], options: AnnotateOptions) -> DataFrame

that returns the rows of one table for one article. Steps run in ``STEPS`` order, so a step
sees the tables of the steps before it (for that article) in ``tables``. Steps are named by
``"module:function"`` and imported only when run, so the pipeline sits above every analysis
layer without importing them up front. A :class:`Step` names both callables of a step: its
``table`` function (a DataFrame) and, optionally, a ``rows`` function giving the same rows as a
:class:`~newsprism.core.tables.RowTable` (plain tuples), which the runner prefers.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.core.lazy import pandas as pd
from newsprism.core.tables import (
    ArticleInput,
    FrameView,
    RowTable,
    StepFunction,
    combine_tables,
)


@dataclass(frozen=True)
class AnnotateOptions:
    sentiment_engines: tuple[str, ...] = ("vader", "textblob")
    actors_path: str | None = None  # None: newsprism/data/codebooks/actors.yml
    codebook: str = "story"  # name in newsprism/data/codebooks or a path to a YAML codebook
    cleaning: str = "default"  # "strict", "default" or "off" (newsprism.corpus.clean; in the cache key)
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Step:
    """One annotation step, defined once: ``table`` (``"module:function"`` or a callable)
    returns an article's rows as a DataFrame; ``rows`` (optional, same forms) returns the same
    rows as a RowTable, one DataFrame per partition instead of one per article (~0.2-0.4 ms
    each). Both must give the same table (tests/pipeline/test_annotate.py checks the registry's)."""

    table: str | StepFunction
    rows: str | StepFunction | None = None


StepSpec = str | StepFunction | Step

# table name -> step; a step whose module is missing is skipped (and recorded).
STEPS: dict[str, Step] = {
    "sentences": Step("newsprism.core.text:article_sentence_rows",
                      "newsprism.core.text:article_sentence_tuples"),
    "quotes": Step("newsprism.quotes.extract:article_quotes",
                   "newsprism.quotes.extract:article_quote_rows"),
    "mentions": Step("newsprism.quotes.actors:article_mentions",
                     "newsprism.quotes.actors:article_mention_tuples"),
    "sentiment": Step("newsprism.sentiment.sentence_step:article_sentiment",
                      "newsprism.sentiment.sentence_step:article_sentiment_tuples"),
    "frames": Step("newsprism.framing.detect:article_frames",
                   "newsprism.framing.detect:article_frame_tuples"),
    # not compare: a worker needs no sklearn
    "claims": Step("newsprism.compare.claims:article_claims",
                   "newsprism.compare.claims:article_claim_tuples"),
}

PROBLEM_COLUMNS = ["article_id", "step", "error", "message", "where"]
# Tables stored next to the step tables (not produced by steps).
CORPUS_TABLES = ("articles", "corpus_problems", "cleaning_audit", "cleaning_doubts", "problems")


def _import_function(spec: str | StepFunction) -> StepFunction:
    if callable(spec):
        return spec
    module_name, function_name = spec.split(":")
    module = importlib.import_module(module_name)
    return getattr(module, function_name)


def resolve_step(spec: StepSpec) -> StepFunction:
    """The DataFrame step function named by ``"module:function"`` or a :class:`Step` (or the
    function itself)."""
    return _import_function(spec.table if isinstance(spec, Step) else spec)


def resolve_step_pair(spec: StepSpec) -> Step:
    """A step spec as a :class:`Step` of callables (``rows`` None when it has none).

    >>> step = resolve_step_pair(STEPS["sentences"])
    >>> step.table.__name__, step.rows.__name__
    ('article_sentence_rows', 'article_sentence_tuples')
    """
    if not isinstance(spec, Step):
        return Step(_import_function(spec))
    rows = None if spec.rows is None else _import_function(spec.rows)
    return Step(_import_function(spec.table), rows)


def step_name(spec: StepSpec) -> str:
    """A stable text name for a step spec (callables: ``module:qualname``; a :class:`Step`:
    the name of its ``table`` function, which its ``rows`` variant equals)."""
    if isinstance(spec, Step):
        return step_name(spec.table)
    if callable(spec):
        return f"{spec.__module__}:{spec.__qualname__}"
    return spec


def select_steps(steps: list[str] | Mapping[str, StepSpec] | None = None
                 ) -> dict[str, StepSpec]:
    """Step specs to run: all of ``STEPS``, a list of their names, or a name -> spec mapping."""
    if steps is None:
        return dict(STEPS)
    if isinstance(steps, Mapping):
        return dict(steps)
    return {name: STEPS[name] for name in steps}


def resolve_steps(specs: Mapping[str, StepSpec]) -> tuple[dict[str, Step], dict[str, str]]:
    """Importable steps (each a :class:`Step` of callables), and the skipped ones with the
    reason."""
    functions, skipped = {}, {}
    for name, spec in specs.items():
        try:
            functions[name] = resolve_step_pair(spec)
        except (ImportError, AttributeError, ValueError) as error:
            skipped[name] = f"{type(error).__name__}: {error}"
    return functions, skipped


def iter_article_inputs(articles: pd.DataFrame) -> Iterator[ArticleInput]:
    """The step input of each article row (language defaults to "en")."""
    has_language = "language" in articles.columns
    has_outlet = "outlet" in articles.columns
    for i, (article_id, text) in enumerate(zip(articles["article_id"], articles["text"],
                                               strict=True)):
        language = articles["language"].iat[i] if has_language else "en"
        outlet = articles["outlet"].iat[i] if has_outlet else ""
        yield ArticleInput(str(article_id), "" if pd.isna(text) else str(text),
                           str(language) if isinstance(language, str) and language else "en",
                           str(outlet) if isinstance(outlet, str) else "")


def annotate_articles(articles: pd.DataFrame, functions: Mapping[str, StepSpec],
                      options: AnnotateOptions, step_seconds: dict[str, float] | None = None,
                      step_cpu_seconds: dict[str, float] | None = None
                      ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Run the steps over some articles in memory: ``(tables, problems)``.

    An article on which a step raises gets a row in ``problems`` and no rows in any step
    table (all or nothing, so per-article figures never mix complete and partial articles).
    ``step_seconds`` / ``step_cpu_seconds`` (if given) accumulate the wall / CPU time
    (this thread's) spent in each step; CPU time stays meaningful on a busy machine.

    Returns ``tables``, one DataFrame per step name with the columns that step documents
    (the sentence step: ``article_id``, ``sentence_id``, ``paragraph_id``, ``start``, ``end``
    character offsets into the cleaned text, ``text``), and ``problems``, one row per failed
    article and step: ``article_id``, ``step``, ``error`` (exception type), ``message``,
    ``where`` (``file:line`` of the innermost frame that raised).

    >>> from newsprism.core.text import article_sentence_rows
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["One. Two."]})
    >>> tables, problems = annotate_articles(arts, {"sentences": article_sentence_rows},
    ...                                      AnnotateOptions())
    >>> len(tables["sentences"]), len(problems)
    (2, 0)
    """
    collected: dict[str, list[pd.DataFrame | RowTable]] = {name: [] for name in functions}
    problems = []
    clock, cpu_clock = time.perf_counter, time.thread_time
    steps = {name: resolve_step_pair(spec) for name, spec in functions.items()}
    for article in iter_article_inputs(articles):
        tables: dict[str, pd.DataFrame | RowTable] = {}
        frames_view = FrameView(tables)
        name = ""
        try:
            for name, step in steps.items():
                started, cpu_started = clock(), cpu_clock()
                if step.rows is not None:  # the RowTable variant (see Step)
                    tables[name] = step.rows(article, tables, options)
                else:  # a step that expects DataFrames sees the earlier steps as DataFrames
                    tables[name] = step.table(article, frames_view, options)
                if step_seconds is not None:
                    step_seconds[name] = step_seconds.get(name, 0.0) + clock() - started
                if step_cpu_seconds is not None:
                    step_cpu_seconds[name] = (step_cpu_seconds.get(name, 0.0) + cpu_clock()
                                              - cpu_started)
        except Exception as error:  # a failed article is recorded, never fatal
            frame = traceback.extract_tb(error.__traceback__)[-1]
            problems.append({"article_id": article.article_id, "step": name,
                             "error": type(error).__name__, "message": str(error)[:500],
                             "where": f"{Path(frame.filename).name}:{frame.lineno}"})
            continue
        for name, table in tables.items():
            collected[name].append(table)
    result = {name: combine_tables(items) for name, items in collected.items()}
    return result, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
