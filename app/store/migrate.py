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


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every schema revision this program has a migration for (the head and all before it)."""
    return frozenset(script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions())


def newer_revision(connection: Connection) -> str | None:
    """The schema revision of a database a newer release wrote (one this program has no migration for),
    else None. Only reads: a program never opens such a file, not even to look, as it cannot know what
    the newer schema means."""
    current = MigrationContext.configure(connection).get_current_revision()
    return current if current is not None and current not in known_revisions() else None


def newer_release_sentence(where: str, revision: str) -> str:
    """Why a replica from a newer release is refused, and the one thing that helps (never a downgrade)."""
    from app import __version__

    return (f"{where} was written by a newer release of Relief Ledger (schema revision {revision}; this release, "
            f"{__version__}, knows revisions up to {head_revision()}): install that release or a later one to open "
            "it; nothing was changed")


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
    if current not in known_revisions():
        return newer_release_sentence("the database", current)
    return (f"the database is at an older schema revision ({current}); open it once with a command that "
            "writes (node, record, or the desktop client) to upgrade it")


def upgrade(connection: Connection) -> bool:
    """Run pending migrations on `connection`, all of them in one transaction; True when something ran.

    Python's sqlite3 driver opens a transaction only before INSERT, UPDATE or DELETE: the first
    CREATE or ALTER of a migration would be committed on its own, and a migration cut off half-way
    (a crash, a full disk, a bug) would leave a file at its old revision with part of the new schema,
    which the next attempt cannot upgrade. An explicit BEGIN first makes every step, and the new
    revision number, one commit or nothing.
    """
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head_revision():
        return False
    if current is not None and current not in known_revisions():
        raise ValueError(f"schema revision {current} is unknown here: callers refuse it first (newer_revision)")
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    log.info("upgrading the replica schema from revision %s to %s", current, head_revision())
    command.upgrade(config, "head")
    return True
