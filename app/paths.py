"""Where a replica lives: the default data directory and the name of every file in it.

One small module below everything else, so the CLI, the node, the store, the network layer and
the desktop client agree on these names without importing one another (the client must not
import the CLI only to learn where the data is).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DATA_ENV = "RELIEF_LEDGER_DATA"   # overrides the default data directory
DB_NAME = "ledger.db"
KEY_NAME = "identity.key"
# Present from the first file `init` writes until its genesis is stored: whatever a killed `init` left
# beside it was never shown to anyone nor sent anywhere, so the next `init` starts over (docs/USER_GUIDE.md).
INIT_MARKER = "init.partial"
LOCK_NAME = "replica.lock"        # app/store/lock.py: one writer per replica
OWN_HEAD_NAME = "own-head.json"   # app/store/own_head.py: this replica's last signed entry, kept apart
CONTROL_NAME = "control.sock"     # app/net/control.py: a running node's local control socket

# The files shipped beside the code (map assets, contract templates, icons): one root, so a packaged
# build has one place to point elsewhere.
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
# The application icon's one source: the client draws its window icon from it, packaging/icons.py the
# PNG, ICO and ICNS files of the installers.
ICON = RESOURCES / "icons" / "relief-ledger.svg"
# The documents the client shows itself (F1 opens the user guide inside the client, offline): a packaged
# build ships docs/ beside resources/, as the source tree has them.
DOCS = RESOURCES.parent / "docs"
USER_GUIDE = DOCS / "USER_GUIDE.md"
# The licences of everything a build bundles (packaging/notices.py writes it beside resources/ at build time;
# a source checkout has none). The About box shows where it is and opens it.
NOTICES = RESOURCES.parent / "THIRD-PARTY-NOTICES.txt"


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or user_data_dir("relief-ledger", "ReliefLedger"))


def database_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir).resolve() / DB_NAME}"
