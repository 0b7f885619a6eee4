"""The ``newsprism`` command (also ``python -m newsprism``).

Subcommands are registered by small ``add_cli(subparsers)`` functions, so a module adds its own
subcommand in a few lines without touching this file's logic: ``add_cli`` adds a parser and sets
``func`` (called with the parsed arguments, returns the exit code). Modules listed in
``EXTENSIONS`` are registered when they import and define ``add_cli``; a command line naming a
built-in subcommand (``report``) skips importing them, and ``report`` checks its parameters and
corpus path before importing pandas, papermill or any analysis module, so a mistake is refused
at once.

>>> parser = build_parser()
>>> parser.parse_args(["report", "--out", "x"]).command
'report'
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from newsprism import __version__
from newsprism.core import paths
from newsprism.core.errors import RunError, UsageError
from newsprism.core.lifecycle import handle_termination

# module -> registers its subcommand(s) via ``add_cli(subparsers)`` when importable.
EXTENSIONS: tuple[str, ...] = ("newsprism.pipeline.store",)


def add_report_cli(subparsers: argparse._SubParsersAction) -> None:
    """``newsprism report``: run every notebook and write the HTML report."""
    parser = subparsers.add_parser(
        "report", help="execute the notebooks and write an HTML report",
        description="Execute notebooks/NN_*.ipynb in order (papermill, this interpreter as the "
                    "kernel), export each to HTML and write index.html and manifest.json.")
    parser.add_argument("--corpus", default="",
                        help=f"corpus folder or file (default: {paths.BUNDLED_CORPUS.name})")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"), help="notebook parameter (value parsed as YAML)")
    parser.add_argument("-f", "--parameters-file", default=None, help="YAML file of parameters")
    parser.add_argument("--notebooks", default="",
                        help="comma-separated notebook numbers or stems to run (default: all)")
    parser.add_argument("--notebooks-dir", default=str(paths.NOTEBOOKS),
                        help="folder of NN_*.ipynb notebooks (default: notebooks/)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell (default 900)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="notebooks run at once (default: one per core, at most 4)")
    parser.set_defaults(func=_run_report)


def warn_stale_validation() -> str:
    """Print (to stderr) and return the warning that the saved validation figures the methods
    appendix and validity captions quote are stale or missing; "" when all are current."""
    from newsprism.core import validate, validation_freshness

    stale = validation_freshness.note(validate.freshness(validate.VALIDATORS))
    if stale:
        print(f"warning: {stale}", file=sys.stderr, flush=True)
    return stale


def _run_report(args: argparse.Namespace) -> int:
    from newsprism.report.runner import FINISHED, load_parameters, run_report

    params = load_parameters(args.parameters_file, args.parameter)
    corpus = args.corpus or params.pop("corpus", "") or ""
    params.pop("out_dir", None)  # the runner sets it from --out
    select = [s for s in args.notebooks.split(",") if s.strip()] or None
    try:
        result = run_report(corpus, args.out, params, notebooks_dir=args.notebooks_dir,
                            select=select, timeout=args.timeout,
                            params_file=args.parameters_file, jobs=args.jobs,
                            progress=lambda line: print(line, flush=True))
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    failed = [n["name"] for n in result.manifest["notebooks"] if n["status"] not in FINISHED]
    if failed:
        print(f"{len(failed)} notebook(s) did not finish: {', '.join(failed)}; each page shows "
              f"its error (see {result.index})", file=sys.stderr)
    warn_stale_validation()
    print(result.index, flush=True)
    return result.exit_code


REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [add_report_cli]


def _subcommand(argv: list[str] | None) -> str | None:
    """The subcommand a command line names (its first word not starting with ``-``)."""
    return next((a for a in argv if not a.startswith("-")), None) if argv is not None else None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The ``newsprism`` parser; given the command line, extensions are imported only when it
    does not name a built-in subcommand (they can be slow to import)."""
    parser = argparse.ArgumentParser(prog="newsprism",
                                     description="How different outlets cover the same story.")
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback of an error (also after the subcommand)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(subparsers)
    if _subcommand(argv) in subparsers.choices:
        return parser
    for module_name in EXTENSIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue  # that module is not there (yet)
            print(f"warning: {module_name} not loaded: {error}", file=sys.stderr)
            continue
        except Exception as error:  # noqa: BLE001 - a broken extension must not block `report`
            print(f"warning: {module_name} not loaded: {error}", file=sys.stderr)
            continue
        if hasattr(module, "add_cli"):
            added = module.add_cli(subparsers)
            if module_name == "newsprism.pipeline.store" and added is not None:
                _with_notebook_options(added)
    return parser


def _with_notebook_options(parser: argparse.ArgumentParser) -> None:
    """``newsprism annotate`` takes the codebook parameters of the notebooks, with their
    defaults, so a report on its output reads tables made with the codebooks it names."""
    parser.add_argument("--codebook", default="generic",
                        help="frames codebook: generic (default), story or a YAML path")
    parser.add_argument("--actors-codebook", default="none",
                        help="actors: none (default), story or a YAML path")
    parser.add_argument("--cleaning", default="default", choices=("strict", "default", "off"),
                        help="cleaning level (default: default)")
    run = parser.get_default("func")

    def annotate_with_options(args: argparse.Namespace) -> int:
        from newsprism.report import options

        args.options = options.annotation_options(
            codebook=args.codebook, actors_codebook=args.actors_codebook, cleaning=args.cleaning)
        return run(args)

    parser.set_defaults(func=annotate_with_options, handler=annotate_with_options)


def _error_line(error: BaseException) -> str:
    """One line for an unexpected failure: the exception, the file it concerns if any."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}".rstrip(": ")


def main(argv: list[str] | None = None) -> int:
    """Run the command; errors are one line on stderr (exit 2 for usage, 1 for failures), with
    the traceback only under ``--debug``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted before or after the subcommand
    argv = [a for a in argv if a != "--debug"]
    args = build_parser(argv).parse_args(argv)
    handle_termination()
    try:
        return int(args.func(args) or 0)
    except (UsageError, RunError) as error:
        if debug:
            raise
        print(f"newsprism: error: {error}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # noqa: BLE001 - one line, not a traceback, unless --debug
        if debug:
            raise
        print(f"newsprism: error: {_error_line(error)} (run again with --debug for the "
              "traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
