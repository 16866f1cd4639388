"""After installing a new release: the replica an older release wrote opens, is migrated with nothing lost,
and a replica a newer release wrote is refused with one sentence and left exactly as it was.

The fixtures in tests/fixtures/replicas were written by the releases themselves (make_fixture.py says how);
each holds the same 26 entries (members, stock, a shipment handed over and delivered short, an approved
correction, a waiting adjustment) and the manifest written when it was made.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

import pytest
from alembic.operations import Operations

from app.core.state import fold
from app.node import Node, StoreError
from app.paths import DB_NAME
from app.store import migrate
from app.store.replica_store import ReplicaFromNewerRelease
from tests.cli.conftest import run
from tests.store.replica_fixtures import (
    CURRENT,
    OLD,
    assert_left_as_it_was,
    assert_refused_sentence,
    copy_of,
    fingerprint,
    from_a_newer_release,
    manifest,
    revision_of,
)


@pytest.fixture
def passphrase(monkeypatch) -> str:
    phrase = manifest(CURRENT)["passphrase"]
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", phrase)
    return phrase


def test_both_fixtures_hold_the_same_entries_written_by_two_releases():
    """What lets the old one be judged by the new one's numbers: the entries are byte for byte the same."""
    old, current = manifest(OLD), manifest(CURRENT)
    assert old["schema_revision"] == "0001" and current["schema_revision"] == migrate.head_revision()
    assert old["entry_hashes_in_order"] == current["entry_hashes_in_order"]
    assert old["entry_hashes_digest"] == current["entry_hashes_digest"] and old["entry_count"] == 26


@pytest.mark.parametrize("name", [OLD, CURRENT])
def test_a_replica_from_an_earlier_release_opens_with_every_entry_in_order_and_todays_state(name, tmp_path,
                                                                                           passphrase):
    data = copy_of(name, tmp_path)
    made = manifest(name)
    node = Node.open(data, passphrase)   # as the desktop client and `relief-ledger node` open it
    try:
        assert node.identity is not None and node.identity.fingerprint == made["founder_fingerprint"]
        entries = list(node.entries_in_order())
        assert [entry.hash for entry in entries] == made["entry_hashes_in_order"]
        assert node.entry_count() == made["entry_count"]
        # the state every replica of this release computes from these entries, not a stale older fold
        assert node.state.digest() == fold(entries, node.store.equivocators()).digest()
        assert node.state.digest() == manifest(CURRENT)["state_digest"]
        shipment = node.state.get("shipments", "SHP-001")
        assert shipment is not None and len(shipment["custody"]) == 2   # dispatched, then handed over
    finally:
        node.close()
    assert revision_of(data) == migrate.head_revision()


def test_the_old_replica_is_really_migrated_and_its_entry_times_filled_from_the_signed_bytes(tmp_path, passphrase):
    data = copy_of(OLD, tmp_path)
    assert revision_of(data) == "0001"
    Node.open(data, passphrase).close()
    assert revision_of(data) == "0002"
    connection = sqlite3.connect(data / DB_NAME)
    try:
        rows = connection.execute("SELECT raw, ts FROM entries").fetchall()
    finally:
        connection.close()
    assert len(rows) == 26 and all(ts == json.loads(raw)["ts"] for raw, ts in rows)


def test_the_state_the_old_release_folded_is_folded_again_under_todays_rules(tmp_path, passphrase):
    """The 0001 release folded the same entries into other rows (no organisation clocks, no revocation pins):
    kept as they were, `verify` would call them stale and two replicas would disagree on the digest."""
    assert manifest(OLD)["state_digest"] != manifest(CURRENT)["state_digest"]
    data = copy_of(OLD, tmp_path)
    Node.open(data, passphrase).close()
    node = Node.open(data, shared=True)
    try:
        assert node.state.digest() == manifest(CURRENT)["state_digest"]
    finally:
        node.close()


def test_verify_passes_on_the_upgraded_replica(tmp_path, passphrase, capsys):
    data = copy_of(OLD, tmp_path)
    code, _out, err = run(capsys, "record", "road.status", "--data", str(data), "--json",
                          '{"road": "R-BUZI", "name": "Road Beira-Buzi", "status": "open", '
                          '"path": [[-19850000, 34780000], [-19872000, 34610000]]}')
    assert code == 0, err
    code, out, err = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 0 and "OK: every entry verifies" in out, out + err
    assert "Checked 27 entries" in out


@pytest.mark.parametrize("command", [("state", "--digest"), ("verify", "--quiet"), ("log",), ("proposals",)],
                         ids=lambda c: c[0])
def test_a_reading_command_on_the_old_replica_asks_for_one_writing_open_and_changes_nothing(command, tmp_path,
                                                                                           passphrase, capsys):
    data = copy_of(OLD, tmp_path)
    before = fingerprint(data)
    code, out, err = run(capsys, *command, "--data", str(data))
    assert code == 2 and out == ""
    assert "older schema revision (0001)" in err and "open it once with a command that writes" in err
    assert fingerprint(data) == before


def test_todays_replica_is_read_as_it_is_by_a_reading_command(tmp_path, passphrase, capsys):
    """Its state carries no fold-rules number (older than the number), but it is at the head: readers
    show it; the first writer folds it again once."""
    data = copy_of(CURRENT, tmp_path)
    code, out, _err = run(capsys, "state", "--digest", "--data", str(data))
    assert code == 0 and out.strip() == manifest(CURRENT)["state_digest"]


@contextmanager
def migration_cut_off_half_way():
    """Migration 0002 dies after altering `entries`, before `evidence` (a crash, a full disk, a bug)."""
    original = Operations.batch_alter_table

    @contextmanager
    def failing(self, table_name, *args, **kwargs):
        if table_name == "evidence":
            raise OSError("disk full")
        with original(self, table_name, *args, **kwargs) as batch:
            yield batch

    Operations.batch_alter_table = failing   # type: ignore[method-assign]
    try:
        yield
    finally:
        Operations.batch_alter_table = original   # type: ignore[method-assign]


def test_an_upgrade_cut_off_half_way_changes_nothing_and_the_next_start_completes_it(tmp_path, passphrase,
                                                                                     capsys):
    """Before the fix, SQLite committed the first ALTER on its own: the file stayed at 0001 with a ts column
    in `entries`, and every later start failed with 'duplicate column name: ts'."""
    data = copy_of(OLD, tmp_path)
    before = fingerprint(data)
    with migration_cut_off_half_way(), pytest.raises(StoreError, match="disk full"):
        Node.open(data, passphrase)
    assert fingerprint(data) == before   # byte for byte, and no -wal or -shm left beside it
    assert revision_of(data) == "0001"
    node = Node.open(data, passphrase)
    try:
        assert node.entry_count() == 26
    finally:
        node.close()
    code, out, _err = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 0 and "OK" in out


@pytest.mark.parametrize("shared", [False, True], ids=["writer", "reader"])
def test_opening_a_replica_from_a_newer_release_is_refused_and_leaves_it_as_it_was(shared, tmp_path, passphrase):
    data = from_a_newer_release(tmp_path)
    before = fingerprint(data)
    with pytest.raises(ReplicaFromNewerRelease) as refused:
        Node.open(data, None if shared else passphrase, shared=shared)
    assert_refused_sentence(str(refused.value))
    assert str(data) in str(refused.value) and refused.value.code == "replica_from_newer_release"
    assert_left_as_it_was(data, before)


NEWER_COMMANDS = [
    ("state", "--digest"), ("log",), ("verify", "--quiet"), ("trace", "WFP-W-0314"), ("proposals",), ("runs",),
    ("record", "road.status", "--field", "road=R-1"),
    ("node", "--no-discovery", "--listen", "127.0.0.1", "--port", "0"),
    ("bundle", "export", "{tmp}/stick.rlb"), ("bundle", "frontier", "{tmp}/frontier.json"),
]


@pytest.mark.parametrize("command", NEWER_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_a_replica_from_a_newer_release_in_one_sentence(command, tmp_path, passphrase,
                                                                              capsys):
    data = from_a_newer_release(tmp_path)
    before = fingerprint(data)
    argv = [part.format(tmp=tmp_path) for part in command]
    code, out, err = run(capsys, *argv, "--data", str(data))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relief-ledger: the replica in "), err
    assert_refused_sentence(lines[0])
    assert_left_as_it_was(data, before)


def test_bundle_import_refuses_a_replica_from_a_newer_release(tmp_path, passphrase, capsys):
    source = copy_of(CURRENT, tmp_path / "source")
    stick = tmp_path / "stick.rlb"
    assert run(capsys, "bundle", "export", str(stick), "--data", str(source))[0] == 0
    data = from_a_newer_release(tmp_path)
    before = fingerprint(data)
    code, _out, err = run(capsys, "bundle", "import", str(stick), "--data", str(data))
    assert code == 2
    assert_refused_sentence(err)
    assert_left_as_it_was(data, before)


def test_this_release_never_runs_migrations_on_a_revision_it_does_not_know(tmp_path):
    data = from_a_newer_release(tmp_path)
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{data / DB_NAME}")
    try:
        with engine.connect() as connection:
            assert migrate.newer_revision(connection) == "0003"
            with pytest.raises(ValueError, match="unknown here"):
                migrate.upgrade(connection)
    finally:
        engine.dispose()


def test_state_folded_under_other_rules_is_refused_by_readers_and_folded_again_by_the_next_writer(
        tmp_path, passphrase, capsys):
    """A later release that changes the fold raises FOLD_RULES; an older program then meets its number."""
    data = copy_of(CURRENT, tmp_path)
    Node.open(data, passphrase).close()   # folded again and numbered
    connection = sqlite3.connect(data / DB_NAME)
    try:
        position = json.loads(connection.execute("SELECT value FROM meta WHERE key = 'state_position'").fetchone()[0])
        assert position["fold_rules"] == 1
        position["fold_rules"] = 2
        connection.execute("UPDATE meta SET value = ? WHERE key = 'state_position'", (json.dumps(position),))
        connection.execute("UPDATE state_rows SET value = '{\"stale\":true}' WHERE tbl = 'roads'")
        connection.commit()
    finally:
        connection.close()
    code, _out, err = run(capsys, "state", "--digest", "--data", str(data))
    assert code == 2 and "folded under other rules (version 2" in err and "open it once" in err
    node = Node.open(data, passphrase)
    try:
        assert node.state.digest() == manifest(CURRENT)["state_digest"]
    finally:
        node.close()
    code, out, _err = run(capsys, "verify", "--data", str(data), "--quiet")
    assert code == 0 and "OK" in out
