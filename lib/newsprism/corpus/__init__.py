"""Layer 2, the corpus: readers (``readers``), cleaning (``clean*``), language detection.

Public names of ``newsprism.corpus.readers`` (the module that was ``newsprism.corpus.readers`` before the layers) are
forwarded on first use, so ``from newsprism.corpus.readers import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.corpus.readers", Path(__file__).parent)
