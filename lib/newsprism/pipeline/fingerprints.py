"""What a cached annotation is keyed on: the corpus content, the options, the steps and the
library (its code, codebooks and the dependencies that shape its output); and how an annotated
folder's stored options differ from the ones asked for.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

import newsprism
from newsprism.core import paths
from newsprism.corpus.readers import Corpus
from newsprism.pipeline.steps import AnnotateOptions, step_name


def _hash_file(digest, path: Path) -> None:
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)


def corpus_fingerprint(corpus: Corpus | str | Path | None) -> str:
    """SHA-256 of the corpus content: the source files' bytes, or the articles table.

    >>> len(corpus_fingerprint(None))
    64
    """
    digest = hashlib.sha256()
    if isinstance(corpus, Corpus):
        articles = corpus.articles
        digest.update(b"corpus-object\0")
        digest.update("\0".join(map(str, articles.columns)).encode())
        hashed = pd.util.hash_pandas_object(articles.astype(str), index=False)
        digest.update(hashed.to_numpy().tobytes())
        return digest.hexdigest()
    path = Path(corpus) if corpus else paths.BUNDLED_CORPUS
    if path.is_dir():
        for file in paths.files_inside(path):  # links out of the folder are never read
            digest.update(str(file.relative_to(path)).encode() + b"\0")
            _hash_file(digest, file)
    else:
        _hash_file(digest, path)
    return digest.hexdigest()


# Dependencies whose version can change an annotation (mojibake repair, tokenising, lexicon
# scores, fitted-model arithmetic, language, extraction, fuzzy matching).
OUTPUT_DEPENDENCIES = ("ftfy", "nltk", "textblob", "vaderSentiment", "numpy", "scikit-learn",
                       "py3langid", "trafilatura", "rapidfuzz")


def dependency_versions() -> str:
    """``name=version`` of each of :data:`OUTPUT_DEPENDENCIES` ("?" when not installed)."""
    versions = []
    for name in OUTPUT_DEPENDENCIES:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=?")
    return " ".join(versions)


def library_files(root: Path) -> list[Path]:
    """Every regular file under ``root`` in path order, compiled bytecode (``__pycache__``,
    ``*.pyc``) left out. Every file, whatever its suffix: a refit ``tone_model.npz`` changes
    the output as much as a code change does. Empty when ``root`` is not a folder.

    >>> any(f.name == "tone_model.npz" for f in library_files(paths.PACKAGE))
    True
    >>> library_files(paths.PACKAGE / "missing")
    []
    """
    if not root.is_dir():
        return []
    return [file for file in sorted(root.rglob("*"))
            if file.is_file() and file.suffix != ".pyc" and "__pycache__" not in file.parts]


def library_fingerprint() -> dict[str, str]:
    """Library version, a hash of its files (code, codebooks, fitted models and data: see
    :func:`library_files`), and the versions of the dependencies that shape its output (a
    code change, a refit model or an upgraded ftfy misses the cache).

    The version string alone would keep stale caches during development, when steps change
    but the version does not.
    """
    digest = hashlib.sha256()
    for root in (paths.PACKAGE, paths.CODEBOOKS):
        for file in library_files(root):
            digest.update(str(file.relative_to(root)).encode() + b"\0")
            _hash_file(digest, file)
    return {"version": newsprism.__version__, "code": digest.hexdigest()[:16],
            "dependencies": dependency_versions()}


def options_dict(options: AnnotateOptions) -> dict:
    """``options`` as the plain JSON dict a manifest stores."""
    return json.loads(json.dumps(asdict(options), default=str))


class AnnotationOptionsWarning(UserWarning):
    """An annotated folder was made with other options than the ones asked for."""


def option_differences(stored: Mapping[str, Any] | None, options: AnnotateOptions) -> list[str]:
    """What an annotated folder's options (its manifest's ``options``) differ in from
    ``options``: the frames codebook, the actors file and the cleaning level. Empty when the
    manifest has no options (older folders) or they agree.

    >>> stored = options_dict(AnnotateOptions())
    >>> option_differences(stored, AnnotateOptions(codebook="generic"))
    ["codebook: 'story' there, 'generic' asked for"]
    >>> option_differences(stored, AnnotateOptions(actors_path="/x/actors.yml"))
    []
    """
    if not stored:
        return []
    asked = options_dict(options)

    def actors_file(value) -> str:
        return Path(value).name if value else "actors.yml"  # None: the shipped actors.yml

    out = []
    for field, norm in (("codebook", str), ("actors_path", actors_file), ("cleaning", str)):
        there, wanted = norm(stored.get(field)), norm(asked.get(field))
        if there != wanted:
            out.append(f"{field.replace('_path', '')}: {there!r} there, {wanted!r} asked for")
    return out


def cache_key(corpus_hash: str, options: AnnotateOptions, step_specs: Mapping[str, Any],
              library: dict[str, str] | None = None) -> str:
    """Key of a cached annotation: corpus content + options + steps + library code."""
    payload = {"corpus": corpus_hash, "options": options_dict(options),
               "steps": {k: step_name(v) for k, v in step_specs.items()},
               "library": library or library_fingerprint()}
    text = json.dumps(payload, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
