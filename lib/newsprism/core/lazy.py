"""Libraries imported on first use: ``from newsprism.core.lazy import pandas as pd``.

A module on an annotation worker's path turns article text into row tuples, and builds a
DataFrame only in its table functions. Importing pandas at the top of such a module made every
spawned worker pay for pandas and pyarrow (about 0.45 s of CPU, bench/bench_import.py) before
its first article. With the stand-in below, ``pd.DataFrame`` imports pandas the first time it
is used; a process that never builds a table never loads it, and ``"pandas" in sys.modules``
stays a true account of what was loaded (tests/test_import_cost.py relies on it).

Caveat: a module-level expression that reads an attribute (``Callable[..., pd.DataFrame]``)
still imports pandas at import time; write such annotations as strings.

>>> import sys
>>> from newsprism.core.lazy import LazyModule
>>> json_module = LazyModule("json")
>>> json_module.dumps([1])
'[1]'
>>> json_module.dumps is sys.modules["json"].dumps
True
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands for the module ``name`` and imports it at the first attribute read."""

    def __init__(self, name: str):
        self.__name = name

    def __getattr__(self, attribute: str) -> Any:
        # Called only for attributes not yet read: each one is kept on the stand-in, so
        # later reads cost what a module attribute costs.
        value = getattr(importlib.import_module(self.__name), attribute)
        setattr(self, attribute, value)
        return value

    def __repr__(self) -> str:
        return f"<lazily imported module {self.__name!r}>"


pandas = LazyModule("pandas")
