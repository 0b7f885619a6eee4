"""What the pipeline is given: a corpus path or an annotated directory (one holding
``_manifest.json``), checked before any work starts. Light on purpose: the report command
refuses a missing corpus without importing pandas or pyarrow.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsprism.core import paths
from newsprism.core.errors import UsageError

MANIFEST = "_manifest.json"


def read_manifest(out_dir: str | Path) -> dict | None:
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def is_annotated_dir(path: Any) -> bool:
    """True for a directory written by ``annotate`` (it holds ``_manifest.json``)."""
    return isinstance(path, str | Path) and str(path) != "" and (Path(path) / MANIFEST).is_file()


def check_corpus(corpus: str | Path | None) -> str:
    """The corpus's absolute path, once it is known to exist and hold at least one article
    (an annotated folder or anything ``load_corpus`` reads); a ``UsageError`` naming the path
    otherwise. Only the first article is read and cleaned, so this is quick on any size."""
    path = Path(corpus).expanduser().resolve() if corpus else paths.BUNDLED_CORPUS
    if not path.exists():
        raise UsageError(f"corpus not found: {path}; pass --corpus a folder with manifest.csv, "
                         "a folder of .txt files, a .csv or a .jsonl file")
    import warnings

    from newsprism.corpus.readers import iter_raw_batches

    if is_annotated_dir(path):
        if not (read_manifest(path) or {}).get("n_articles"):
            raise UsageError(f"corpus {path}: the annotated folder holds no article; "
                             "annotate a corpus with articles first")
        return str(path)
    problems = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # The first article only: no corpus-wide pass over a corpus of any size.
            for raw in iter_raw_batches(path, batch_size=1, corpus_wide=False):
                batch = raw.clean()
                if len(batch.articles):
                    return str(path)
                problems += len(batch.problems)
        except (OSError, ValueError) as error:
            raise UsageError(f"corpus {path}: cannot be read ({error})") from None
    raise UsageError(f"corpus {path}: no article could be read ({problems} problem(s)); "
                     "load it with newsprism.corpus.load_corpus to see each problem")
