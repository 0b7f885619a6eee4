"""Layer 5, framing: codebooks, frame cues and presence, frame shares, their validation.

Public names of ``newsprism.framing.detect`` (the module that was ``newsprism.framing.detect`` before the layers) are
forwarded on first use, so ``from newsprism.framing.detect import ...`` keeps working without importing
this layer's heavier modules up front.
"""

from pathlib import Path

from newsprism.core.shims import forward

__getattr__ = forward(__name__, "newsprism.framing.detect", Path(__file__).parent,
                      {"frame_presence": "newsprism.framing.presence"})
