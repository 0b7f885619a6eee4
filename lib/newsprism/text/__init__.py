"""The word and sentence definitions, at their historical path (they live in ``newsprism.core.text``).

Public names of ``newsprism.core.text`` (the module that was ``newsprism.core.text`` before the layers) are
forwarded on first use, so ``from newsprism.core.text import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.core.text", Path(__file__).parent)
