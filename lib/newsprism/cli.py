"""The ``newsprism`` command (also ``python -m newsprism``).

Subcommands are registered by small ``add_cli(subparsers)`` functions, so a module adds its own
subcommand in a few lines without touching this file's logic: ``add_cli`` adds a parser and sets
``func`` (called with the parsed arguments, returns the exit code). Modules listed in
``EXTENSIONS`` are registered when they import and define ``add_cli``.

>>> parser = build_parser()
>>> parser.parse_args(["report", "--out", "x"]).command
'report'
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from newsprism import paths

# module -> registers its subcommand(s) via ``add_cli(subparsers)`` when importable.
EXTENSIONS: tuple[str, ...] = ("newsprism.scale",)


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


def _run_report(args: argparse.Namespace) -> int:
    from newsprism.report import load_parameters, run_report

    try:
        params = load_parameters(args.parameters_file, args.parameter)
    except (OSError, ValueError) as error:
        print(f"error: parameters: {error}", file=sys.stderr)
        return 2
    corpus = args.corpus or params.pop("corpus", "") or ""
    params.pop("out_dir", None)  # the runner sets it from --out
    select = [s for s in args.notebooks.split(",") if s.strip()] or None
    try:
        result = run_report(corpus, args.out, params, notebooks_dir=args.notebooks_dir,
                            select=select, timeout=args.timeout,
                            params_file=args.parameters_file, jobs=args.jobs,
                            progress=lambda line: print(line, flush=True))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = [n["name"] for n in result.manifest["notebooks"] if n["status"] != "ok"]
    if failed:
        print(f"{len(failed)} notebook(s) did not finish: {', '.join(failed)}", file=sys.stderr)
    print(result.index, flush=True)
    return result.exit_code


REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [add_report_cli]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsprism",
                                     description="How different outlets cover the same story.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(subparsers)
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
            module.add_cli(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
