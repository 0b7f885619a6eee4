"""Layer 6, comparison: outlet profiles, keyness, similarity and copying, sourcing, hedging, claims.

Public names of ``newsprism.compare.outlets`` (the module that was ``newsprism.compare.outlets`` before the layers) are
forwarded on first use, so ``from newsprism.compare.outlets import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.compare.outlets", Path(__file__).parent)
