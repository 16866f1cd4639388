"""The build scripts under packaging/ are plain scripts (no package: the name would shadow the `packaging`
distribution), so their tests import them from their folder."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))
