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
PATH_PARAMETERS = ("codebook", "actors_codebook", "sourcing_codebook", "hedging_codebook",
                   "claims_units")


def resolve_path_parameters(params: dict[str, Any], base: str | Path | None = None
                            ) -> dict[str, Any]:
    """A copy of ``params`` with every path parameter (:data:`PATH_PARAMETERS`) absolute.

    >>> resolve_path_parameters({"codebook": "my.yml", "n_boot": 5}, base="/w")
    {'codebook': '/w/my.yml', 'n_boot': 5}
    """
    return {name: resolve_user_path(value, base) if name in PATH_PARAMETERS else value
            for name, value in params.items()}


# Names an actors or sourcing parameter may give instead of a path: files shipped in
# newsprism/data/codebooks. The notebooks' defaults are the generic ones ("none": no actors);
# "story" is the bundled story's (the example project data/corpora/<story>.params.yml).
SHIPPED_CODEBOOKS: dict[str, dict[str, str]] = {
    "actors_codebook": {"none": "actors_none.yml", "story": "actors.yml"},
    "sourcing_codebook": {"generic": "sourcing_generic.yml", "story": "sourcing.yml"},
    # the same names as newsprism.compare.claims_units.NAMED_UNITS
    "claims_units": {"generic": "claims_units_generic.yml", "story": "claims_units.yml"},
}
# An empty value means the generic default too, never the bundled story's file.
DEFAULT_NAMES = {"actors_codebook": "none", "sourcing_codebook": "generic",
                 "claims_units": "generic"}


def codebook_file(value: str | None, parameter: str = "") -> str | None:
    """An actors, sourcing or hedging codebook parameter as the loaders take it: the shipped
    file a name stands for (:data:`SHIPPED_CODEBOOKS`; empty: the parameter's generic default),
    ``None`` for an empty value of another parameter (the loader's own default), else the
    resolved path.

    >>> Path(codebook_file("none", "actors_codebook")).name, Path(codebook_file("", "actors_codebook")).name
    ('actors_none.yml', 'actors_none.yml')
    >>> codebook_file("/p/my_sources.yml", "sourcing_codebook"), codebook_file("")
    ('/p/my_sources.yml', None)
    """
    from newsprism.core.paths import CODEBOOKS

    shipped = SHIPPED_CODEBOOKS.get(parameter, {})
    if not (isinstance(value, str) and value.strip()) and parameter in DEFAULT_NAMES:
        value = DEFAULT_NAMES[parameter]
    if isinstance(value, str) and value.strip() in shipped:
        return str(CODEBOOKS / shipped[value.strip()])
    value = resolve_user_path(value)
    return value or None


def codebook_label(value: str | None, parameter: str, default: str = "") -> str:
    """How captions name the codebook a parameter gives: a shipped file as
    ``data/codebooks/<file>``, another by its file name; ``default`` (the loader's own
    default file) when the value is empty.

    >>> codebook_label("generic", "sourcing_codebook"), codebook_label("/p/mine.yml", "")
    ('data/codebooks/sourcing_generic.yml', 'mine.yml')
    >>> codebook_label("", "hedging_codebook", default="hedging.yml")
    'data/codebooks/hedging.yml'
    """
    from newsprism.core.paths import CODEBOOKS

    path = Path(codebook_file(value, parameter) or CODEBOOKS / default)
    return f"data/codebooks/{path.name}" if path.parent == CODEBOOKS else path.name


def annotation_options(codebook: str = "generic", engine: str = "vader",
                       actors_codebook: str = "none", cleaning: str = "default"):
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
    codebook = resolve_user_path(codebook or "generic")
    extra: list[tuple[str, str]] = []
    if codebook != defaults.codebook:
        extra.append(("codebook_sha256", sha256_file(resolve_codebook_path(codebook))))
    actors = codebook_file(actors_codebook, "actors_codebook")
    if actors:
        extra.append(("actors_sha256", sha256_file(actors)))
    return AnnotateOptions(sentiment_engines=engines, codebook=str(codebook),
                           actors_path=actors, extra=tuple(extra), cleaning=cleaning)


def no_actors_reading(actors_codebook: str | None, what: str = "mentioned",
                      candidates: Any = None) -> str:
    """Why an actor section is empty: no registry given (``"none"``, the default), or none of
    the registry's actors is ``what`` (the registry named as captions name it). ``candidates``
    (speaker, n_quotes, n_articles rows: ``newsprism.quotes.stats.most_quoted_speakers``) are
    named as people a registry could start from.

    >>> no_actors_reading("none")[:60]
    'No actors codebook given (parameter actors_codebook is "none'
    >>> no_actors_reading("story", "mentioned 3 or more times")
    'No actor of the actors codebook data/codebooks/actors.yml is mentioned 3 or more times.'
    """
    from newsprism.core.paths import CODEBOOKS

    if codebook_file(actors_codebook, "actors_codebook") != str(CODEBOOKS / "actors_none.yml"):
        label = codebook_label(actors_codebook, "actors_codebook", "actors.yml")
        return f"No actor of the actors codebook {label} is {what}."
    reading = ('No actors codebook given (parameter actors_codebook is "none", the default), '
               "so no actor is looked for: who matters differs from story to story. To see "
               "tone toward your story's actors, list them in a registry like "
               "data/codebooks/actors.yml (the bundled story's) and pass it as actors_codebook.")
    if candidates is not None and len(candidates):
        from newsprism.compare.wording import plural

        named = ", ".join(f"{row.speaker} ({plural(row.n_quotes, 'quotation')} in "
                          f"{plural(row.n_articles, 'article')}"
                          + (f"; named {row.speaker_forms}" if ";" in str(
                              getattr(row, "speaker_forms", "")) else "") + ")"
                          for row in candidates.itertuples(index=False))
        reading += f" The people quoted most often in this corpus could start it: {named}."
    return reading


def require_english(articles, measures: str) -> None:
    """Raise :class:`~newsprism.core.errors.NothingToAnalyse` when ``articles`` holds no English
    article: ``measures`` (e.g. "Sentiment scores") are English-only.

    >>> import pandas as pd
    >>> require_english(pd.DataFrame({"language": ["fr", "de", "fr"]}), "Frames")
    Traceback (most recent call last):
    ...
    newsprism.core.errors.NothingToAnalyse: Frames are measured in English articles only, and \
none of the 3 articles of this corpus is English (languages: fr 2, de 1). 00_corpus_overview lists \
the articles and their languages.
    """
    import pandas as pd

    from newsprism.core.errors import NothingToAnalyse
    from newsprism.corpus import language

    if len(articles) and len(language.english_articles(articles)):
        return
    found = (articles["language"].fillna("unknown").value_counts()
             if "language" in articles and len(articles) else pd.Series(dtype=int))
    languages = ", ".join(f"{k} {v}" for k, v in found.items()) or "none"
    raise NothingToAnalyse(
        f"{measures} are measured in English articles only, and none of the {len(articles)} "
        f"articles of this corpus is English (languages: {languages}). 00_corpus_overview "
        "lists the articles and their languages.")
