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

import os
from pathlib import Path
from typing import Any

# Parameters whose value is a codebook name or a path to a YAML file.
PATH_PARAMETERS = ("codebook", "actors_codebook", "sourcing_codebook", "hedging_codebook")
CWD_VARIABLE = "NEWSPRISM_CWD"  # the runner's working directory, set in the kernel's env
_YAML_SUFFIXES = (".yml", ".yaml")


def _looks_like_path(value: str) -> bool:
    return (value.lower().endswith(_YAML_SUFFIXES) or "/" in value or os.sep in value
            or value.startswith((".", "~")))


def resolve_user_path(value: Any, base: str | Path | None = None) -> Any:
    """``value`` unchanged when it is empty or a name (``"story"``), else an absolute path.

    A relative path is joined to ``base``, else to ``$NEWSPRISM_CWD`` (the report runner's
    working directory), else to the current directory. Whether the file exists is left to
    the loader, which names the resolved path in its error.
    """
    if not isinstance(value, str) or not value.strip() or not _looks_like_path(value.strip()):
        return value
    path = Path(value.strip()).expanduser()
    if not path.is_absolute():
        root = Path(base) if base else Path(os.environ.get(CWD_VARIABLE) or Path.cwd())
        path = root / path
    return str(Path(os.path.normpath(path)))


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
