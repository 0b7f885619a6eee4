"""Annotate a corpus once into tidy tables; notebooks read these.

``annotate()`` runs every analysis step over every article and stores the result as
partitioned Parquet (see :mod:`newsprism.pipeline.store`). The first call computes; later calls with
the same corpus content, options, steps and library code read the cache under
``outputs/cache/<key>/``. Articles are independent, so the work runs in parallel local
processes (``jobs=N``) or on a Dask cluster (``scheduler="tcp://host:8786"``).

A *step* is a per-article function provided by an analysis module::

    fn(article: ArticleInput, tables: dict[str, DataFrame], options: AnnotateOptions) -> DataFrame

that returns the rows of one table for one article. Steps run in ``STEPS`` order, so a step
sees the tables of the steps before it (for that article) in ``tables``. A step whose module
is missing is skipped (and recorded in ``Annotations.skipped_steps``); an article whose step
raises is recorded in the ``problems`` table and left out of the step tables, never fatal.

>>> from newsprism.pipeline.annotate import annotate
>>> ann = annotate(progress=False)                       # the bundled corpus, cached
>>> [name for name in ("articles", "sentences", "problems") if name in ann.tables]
['articles', 'sentences', 'problems']
>>> ann.sentences.columns[:3].tolist()
['article_id', 'sentence_id', 'paragraph_id']

An annotated directory (it holds ``_manifest.json``) is accepted wherever a corpus is, so a
large corpus annotated once from the command line (``newsprism annotate --corpus big.jsonl
--out big_ann --jobs 8``) is reported without annotating again: ``annotate("big_ann")``.
"""


from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsprism.core.tables import (  # noqa: F401 - the step contract, re-exported
    ArticleInput,
    Column,
    FrameView,
    RowTable,
    StepFunction,
    TypedRowTable,
    combine_tables,
)
from newsprism.corpus.readers import Corpus
from newsprism.pipeline.annotations import Annotations
from newsprism.pipeline.steps import (  # noqa: F401 - the registry and runner, re-exported
    CORPUS_TABLES,
    PROBLEM_COLUMNS,
    STEPS,
    AnnotateOptions,
    Step,
    StepSpec,
    annotate_articles,
    iter_article_inputs,
    resolve_step,
    resolve_step_pair,
    resolve_steps,
    select_steps,
    step_name,
)


def annotate(corpus: Corpus | str | Path | None = None, options: AnnotateOptions | None = None,
             jobs: int = 1, scheduler: Any = None, out: str | Path | None = None,
             resume: bool = True, progress: bool = True, *,
             steps: list[str] | Mapping[str, StepSpec] | None = None,
             partition_size: int | None = None, cache: bool = True) -> Annotations:
    """Annotate ``corpus`` (a Corpus, a corpus path, or an annotated directory).

    - ``jobs``: local worker processes (1 = in this process).
    - ``scheduler``: a Dask scheduler address (or ``distributed.Client``) to run on a cluster;
      ``out`` must then be a path every worker can write to.
    - ``out``: directory for the partitioned Parquet; default ``outputs/cache/<key>/`` where
      ``key`` hashes corpus content, options, steps and library code (``cache=False``: a
      temporary directory, results loaded into memory).
    - ``resume``: continue an interrupted run in ``out`` (finished partitions are kept).

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> ann = annotate(out=tmp.name, steps=["sentences"], progress=False)  # the bundled corpus
    >>> ann.read("sentences", columns=["article_id"]).shape
    (229, 1)
    >>> tmp.cleanup()
    """
    from newsprism.pipeline import store as scale

    return scale.annotate_to_parquet(
        corpus, options=options, jobs=jobs, scheduler=scheduler, out=out, resume=resume,
        progress=progress, steps=steps, partition_size=partition_size, cache=cache)


def load_annotations(out_dir: str | Path, lazy: bool = True) -> Annotations:
    """Annotations stored by :func:`annotate` in ``out_dir`` (see ``newsprism.pipeline.store``)."""
    from newsprism.pipeline.store import load_annotations as _load

    return _load(out_dir, lazy=lazy)
