"""Bring a replica's schema to the current revision; a replica is never thrown away to upgrade."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

_INI = Path(__file__).with_name("alembic.ini")


def _config() -> Config:
    config = Config(str(_INI))
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def upgrade(connection: Connection) -> bool:
    """Run pending migrations on `connection`; True when something ran."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head_revision():
        return False
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    return True
