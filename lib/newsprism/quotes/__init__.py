"""Layer 4, quotations: quotation marks, speaker attribution, actors and mentions, quote tables.

Public names of ``newsprism.quotes.extract`` (the module that was ``newsprism.quotes.extract`` before the layers) are
forwarded on first use, so ``from newsprism.quotes.extract import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.quotes.extract", Path(__file__).parent)
