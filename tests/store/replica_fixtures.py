"""The upgrade fixtures (tests/fixtures/replicas, made by make_fixture.py there) as tests use them: a copy
an operator would have, its schema revision, a fingerprint of its files, and the same replica as a newer
release would leave it."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from app.paths import DB_NAME, KEY_NAME
from app.store.lock import ReplicaLock

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "replicas"
OLD = "0001-8ae0769"       # before entries had a ts column (migration 0002)
CURRENT = "0002-67b5b82"   # the release of issue #14, at the head revision


def manifest(name: str) -> dict:
    return json.loads((FIXTURES / name / "manifest.json").read_text(encoding="utf-8"))


def copy_of(name: str, tmp_path: Path) -> Path:
    """The fixture's data directory as an operator would have it (git keeps no file modes: the key is 0600)."""
    data = tmp_path / name
    shutil.copytree(FIXTURES / name, data, ignore=shutil.ignore_patterns("manifest.json"))
    (data / KEY_NAME).chmod(0o600)
    return data


def revision_of(data: Path) -> str:
    connection = sqlite3.connect(data / DB_NAME)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def fingerprint(data: Path) -> dict[str, str]:
    """Every file in the data directory and a hash of its bytes (the lock file's pid aside)."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(data.iterdir())
            if path.name != "replica.lock"}


def from_a_newer_release(tmp_path: Path) -> Path:
    """Today's replica as a newer release would leave it: a revision this program has no migration for,
    a table and a column it does not know."""
    data = copy_of(CURRENT, tmp_path / "newer")
    connection = sqlite3.connect(data / DB_NAME)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
        connection.execute("CREATE TABLE checkpoints (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        connection.execute("ALTER TABLE entries ADD COLUMN finality INTEGER NOT NULL DEFAULT 0")
        connection.commit()
    finally:
        connection.close()
    return data


def assert_refused_sentence(text: str) -> None:
    assert "written by a newer release of Relief Ledger (schema revision 0003;" in text
    assert "install that release or a later one" in text and "nothing was changed" in text
    assert "downgrade" not in text.lower()


def assert_left_as_it_was(data: Path, before: dict[str, str]) -> None:
    assert fingerprint(data) == before   # no write, no -wal or -shm left
    lock = ReplicaLock(data)
    assert lock.probe()   # and no process holds it
    lock.release()
