"""Parameters shared by several notebooks: codebooks, the sentiment engine, and their paths.

A notebook declares the parameters it uses in its tagged ``parameters`` cell (the single
source); this module turns them into what the library needs, the same way in every notebook,
so ``-p codebook generic -p engine textblob`` reaches 20 and 40 alike and notebooks given the
same parameters share one cached annotation.

Relative paths resolve against the directory the command runs in: the report runner passes
its working directory to the kernels as ``NEWSPRISM_CWD`` (a kernel itself runs inside the
output folder), and also rewrites the path parameters it is given to absolute paths, which
is what the provenance records.

>>> resolve_user_path("story")          # a codebook name stays a name
'story'
>>> resolve_user_path("frames.yml", base="/data/project")
'/data/project/frames.yml'
>>> annotation_options(engine="textblob").sentiment_engines
('vader', 'textblob')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsprism.core.paths import CWD_VARIABLE, resolve_user_path  # noqa: F401 - re-exported

# Parameters whose value is a codebook name or a path to a YAML file.
PATH_PARAMETERS = ("codebook", "actors_codebook", "sourcing_codebook", "hedging_codebook")


def resolve_path_parameters(params: dict[str, Any], base: str | Path | None = None
                            ) -> dict[str, Any]:
    """A copy of ``params`` with every path parameter (:data:`PATH_PARAMETERS`) absolute.

    >>> resolve_path_parameters({"codebook": "my.yml", "n_boot": 5}, base="/w")
    {'codebook': '/w/my.yml', 'n_boot': 5}
    """
    return {name: resolve_user_path(value, base) if name in PATH_PARAMETERS else value
            for name, value in params.items()}


def codebook_file(value: str | None) -> str | None:
    """An actors, sourcing or hedging codebook parameter as the loaders take it: ``None``
    for the default file (empty value), else the resolved path."""
    value = resolve_user_path(value)
    return value or None


def annotation_options(codebook: str = "story", engine: str = "vader",
                       actors_codebook: str = "", cleaning: str = "default"):
    """The :class:`~newsprism.pipeline.annotate.AnnotateOptions` for these parameters.

    The default engines (VADER and TextBlob) are always scored, plus ``engine``, so notebooks
    that differ only in the engine they show share one annotation. A codebook other than the
    bundled default carries its file's hash, so an edited file never reads a stale cache.
    """
    from newsprism.core.provenance import sha256_file
    from newsprism.framing.codebook import resolve_codebook_path
    from newsprism.pipeline.annotate import AnnotateOptions

    defaults = AnnotateOptions()
    engines = tuple(dict.fromkeys((*defaults.sentiment_engines, engine or "vader")))
    codebook = resolve_user_path(codebook or defaults.codebook)
    extra: list[tuple[str, str]] = []
    if codebook != defaults.codebook:
        extra.append(("codebook_sha256", sha256_file(resolve_codebook_path(codebook))))
    actors = codebook_file(actors_codebook)
    if actors:
        extra.append(("actors_sha256", sha256_file(actors)))
    return AnnotateOptions(sentiment_engines=engines, codebook=str(codebook),
                           actors_path=actors, extra=tuple(extra), cleaning=cleaning)
