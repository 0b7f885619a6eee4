"""Layer 5, sentiment: sentence scores by voice, tone toward actors, their validation.

Public names of ``newsprism.sentiment.scoring`` (the module that was ``newsprism.sentiment.scoring`` before the layers) are
forwarded on first use, so ``from newsprism.sentiment.scoring import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.sentiment.scoring", Path(__file__).parent)
