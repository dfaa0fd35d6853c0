"""The project runs pytest with --import-mode=importlib, which does not put test folders on
sys.path: expose this folder so the tests can share ``photo_synth`` (synthetic photos)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
