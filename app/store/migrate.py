"""Bring a replica's schema to the current revision; a replica is never thrown away to upgrade."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

_INI = Path(__file__).with_name("alembic.ini")
log = logging.getLogger(__name__)


def _config() -> Config:
    config = Config(str(_INI))
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def unusable_without_upgrade(connection: Connection) -> str | None:
    """Why a reader cannot use this database as it is (None when it is at the current revision).

    Only reads: a command that must not write says this instead of creating or upgrading the schema.
    """
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head_revision():
        return None
    if current is None:
        if inspect(connection).get_table_names():
            return "the database file is not a Relief Ledger replica (it has no schema revision)"
        return "the database file is empty (left by an interrupted init or import?)"
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current not in known:
        return f"the database is at schema revision {current}, unknown to this version of the program (a newer one?)"
    return (f"the database is at an older schema revision ({current}); open it once with a command that "
            "writes (node, record, or the desktop client) to upgrade it")


def upgrade(connection: Connection) -> bool:
    """Run pending migrations on `connection`; True when something ran."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head_revision():
        return False
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    log.info("upgrading the replica schema from revision %s to %s", current, head_revision())
    command.upgrade(config, "head")
    return True
