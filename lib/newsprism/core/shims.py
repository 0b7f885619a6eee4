"""Forwarding for the public import paths that predate the layers.

Users' scripts import ``newsprism.corpus.load_corpus``, ``newsprism.sentiment.score_sentences``
and so on. Those packages forward any public name they do not define to the module that
implements it, on first use, so importing a layer (say ``newsprism.compare.claims`` in an
annotation worker) does not import that layer's heavier modules.

>>> import types
>>> shim = types.ModuleType("demo")
>>> shim.__getattr__ = forward("demo", "newsprism.core.paths")
>>> shim.__getattr__("resolve_inside").__name__
'resolve_inside'
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any


def forward(package: str, target: str, folder: str | Path | None = None,
            elsewhere: dict[str, str] | None = None):
    """A module ``__getattr__`` for ``package`` that returns public names from ``target``
    (or, for the names in ``elsewhere``, from the module named there).

    Private names and names of the package's own submodules (files in ``folder``) are not
    forwarded, so ``from package import submodule`` still imports the submodule."""
    elsewhere = dict(elsewhere or {})

    def __getattr__(name: str) -> Any:
        if name.startswith("_") or (folder is not None and (Path(folder) / f"{name}.py").exists()):
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        try:
            return getattr(import_module(elsewhere.get(name, target)), name)
        except AttributeError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    return __getattr__
