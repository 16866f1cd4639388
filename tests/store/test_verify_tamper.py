"""An altered replica is caught by `verify`, which names exactly the altered entry and why."""

from __future__ import annotations

import random
import sqlite3

import pytest

from app.node import Node
from app.paths import DB_NAME
from app.store.verification import verify_replica
from tests.conftest import signing_as
from tests.store.tamper import checkpoint, flip_byte_of


@pytest.fixture
def closed_replica(network, cast):
    """A replica with a short chain of receipts by the logistics officer, closed and ready to tamper with."""
    with signing_as(network, cast.logistics):
        entries = [network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"LOT-{i:03d}",
                                                    "qty": 100 + i, "source": f"donor-{i:03d}"}) for i in range(6)]
    data_dir = network.data_dir
    network.close()
    return data_dir, entries


def reverify(data_dir):
    node = Node.open(data_dir)
    try:
        return verify_replica(node.store)
    finally:
        node.close()


def test_a_clean_replica_verifies(closed_replica):
    data_dir, _entries = closed_replica
    report = reverify(data_dir)
    assert report.ok and report.state_checked and report.checked == 11


def test_a_flipped_byte_in_an_entry_body_names_that_entry(closed_replica):
    data_dir, entries = closed_replica
    target = entries[2]
    flip_byte_of(data_dir / DB_NAME, b'"source":"donor-002"', 12)
    report = reverify(data_dir)
    assert [d.hash for d in report.defects] == [target.hash]
    assert report.defects[0].code == "hash_mismatch"


def test_a_flipped_byte_in_a_signature_names_that_entry(closed_replica):
    data_dir, entries = closed_replica
    target = entries[4]
    flip_byte_of(data_dir / DB_NAME, target.sig, 30)
    report = reverify(data_dir)
    assert [(d.hash, d.code) for d in report.defects] == [(target.hash, "bad_signature")]


def test_a_flipped_byte_in_the_stored_hash_names_that_row_only(closed_replica):
    data_dir, entries = closed_replica
    target = entries[1]
    # In the entries row the hash column is stored right before the author column; nowhere else are they adjacent.
    flip_byte_of(data_dir / DB_NAME, (target.hash + target.author).encode(), 5)
    report = reverify(data_dir)
    # the primary-key index still holds the old hash: SQLite's page check says so too (db_corrupt, no entry named)
    assert {d.code for d in report.defects if not d.author} <= {"db_corrupt"}
    named = [d for d in report.defects if d.author]
    assert len(named) == 1
    assert named[0].seq == target.seq and named[0].author == target.author
    assert named[0].code in ("hash_mismatch", "chain_broken", "index_mismatch")


def test_the_successor_of_an_altered_entry_is_not_reported_twice(closed_replica):
    data_dir, entries = closed_replica
    raw = entries[3].raw
    flip_byte_of(data_dir / DB_NAME, raw, raw.index(b'"LOT-003"') + 5)
    report = reverify(data_dir)
    assert [d.hash for d in report.defects] == [entries[3].hash]


def test_altered_projected_state_is_reported(closed_replica):
    data_dir, _entries = closed_replica
    db = data_dir / DB_NAME
    checkpoint(db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE state_rows SET value = replace(value, '\"qty\":105', '\"qty\":905') "
                       "WHERE tbl = 'stock' AND value LIKE '%\"qty\":105%'")
    assert connection.total_changes == 1
    connection.commit()
    connection.close()
    report = reverify(data_dir)
    assert [d.code for d in report.defects] == ["state_mismatch"]


def test_flips_at_random_offsets_inside_entries_each_name_the_entry(network, cast, tmp_path):
    with signing_as(network, cast.logistics):
        entries = [network.append("stock.receive", {"site": "DEP-1", "item": "tent-fam", "lot": f"T-{i}",
                                                    "qty": 7 + i, "source": f"unique-source-{i:02d}"})
                   for i in range(4)]
    data_dir = network.data_dir
    network.close()
    pristine = (data_dir / DB_NAME)
    checkpoint(pristine)
    original = pristine.read_bytes()
    rng = random.Random(1234)
    for _round in range(12):
        target = rng.choice(entries)
        offset = rng.randrange(len(target.raw))
        pristine.write_bytes(original)
        data = bytearray(original)
        position = data.find(target.raw)
        assert position >= 0
        data[position + offset] ^= 1 << rng.randrange(8)
        pristine.write_bytes(bytes(data))
        report = reverify(data_dir)
        assert [d.hash for d in report.defects] == [target.hash], (offset, report.defects)
