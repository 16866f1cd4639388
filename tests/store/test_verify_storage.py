"""A bad disk under a closed replica: a zeroed page or flipped bytes make `verify` fail, never say OK."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.node import Node
from app.paths import DB_NAME
from tests.cli.conftest import run
from tests.store.tamper import checkpoint


def page_of(db: Path, name: str) -> tuple[int, int]:
    """(root page number, page size) of a table or index."""
    connection = sqlite3.connect(db)
    try:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    return root, size


@pytest.fixture
def closed_replica(network: Node) -> Path:
    """HQ's replica with a few hundred entries, closed and with every committed byte in ledger.db."""
    network.append_many([("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"L-{n}", "qty": n,
                                            "source": "WFP"}) for n in range(1, 301)])
    data = network.data_dir
    network.close()
    checkpoint(data / DB_NAME)
    return data


@pytest.mark.parametrize("name", ["entries", "ix_entries_order", "state_rows"])
def test_a_zeroed_page_fails_verify_with_db_corrupt(closed_replica: Path, capsys, name: str):
    db = closed_replica / DB_NAME
    root, size = page_of(db, name)
    data = bytearray(db.read_bytes())
    data[(root - 1) * size:root * size] = bytes(size)
    db.write_bytes(bytes(data))
    code, out, _err = run(capsys, "verify", "--data", str(closed_replica), "--quiet")
    assert code == 1 and "FAILED" in out and "db_corrupt" in out and "OK:" not in out


def test_flipped_bytes_in_an_index_page_fail_verify_with_db_corrupt(closed_replica: Path, capsys):
    db = closed_replica / DB_NAME
    root, size = page_of(db, "ix_entries_type")
    data = bytearray(db.read_bytes())
    start = (root - 1) * size
    for offset in (size // 2, size // 2 + 1, size - 40):
        data[start + offset] ^= 0x5A
    data[start + 3] ^= 0x01  # the page's cell count
    db.write_bytes(bytes(data))
    code, out, _err = run(capsys, "verify", "--data", str(closed_replica), "--quiet")
    assert code == 1 and "db_corrupt" in out and "OK:" not in out


def test_a_sound_replica_still_verifies_ok(closed_replica: Path, capsys):
    code, out, _err = run(capsys, "verify", "--data", str(closed_replica), "--quiet")
    assert code == 0 and "OK:" in out
