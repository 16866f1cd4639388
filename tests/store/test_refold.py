"""Late entries re-fold state from the nearest snapshot; reopening a replica never replays the ledger."""

from __future__ import annotations

import pytest

import app.node_ingest
from app.core.state import LedgerState, fold
from app.node import Node
from tests.conftest import signing_as
from tests.core.forge import RECEIPT, next_entry


def receipts(node: Node, who, count: int, lot: str = "L") -> None:
    with signing_as(node, who):
        node.append_many([("stock.receive", {**RECEIPT, "lot": f"{lot}-{i}", "qty": i + 1}) for i in range(count)])


def test_an_entry_from_a_partitioned_center_folds_where_it_sorts(network, cast, monkeypatch):
    monkeypatch.setattr(app.node_ingest, "MIN_SNAPSHOT_INTERVAL", 5)
    late = next_entry(network, cast.field, "request.open", {"request": "R-LATE", "site": "SHL-1", "item": "water-5l",
                                                           "qty": 5, "priority": "critical", "needed_by_ms": 1})
    receipts(network, cast.logistics, 30)
    assert late.key < network.state.position
    snapshots_before = network.store.engine.connect().exec_driver_sql("SELECT count(*) FROM snapshots").scalar()
    assert snapshots_before >= 3
    network.receive([late])
    reference = fold(list(network.entries_in_order()))
    assert network.state.digest() == reference.digest()
    assert network.state.count == reference.count == network.entry_count()
    assert network.state.get("requests", "R-LATE")["status"] == "open"


def test_state_after_many_late_entries_equals_a_full_fold(network, cast, monkeypatch):
    monkeypatch.setattr(app.node_ingest, "MIN_SNAPSHOT_INTERVAL", 3)
    genesis_head = network.heads()[cast.commander.public_key_hex]
    lates = []
    for i in range(4):
        previous = lates[-1] if lates else None
        lates.append(next_entry(network, cast.field, "request.open", {
            "request": f"R-{i}", "site": "SHL-1", "item": "water-5l", "qty": 5, "priority": "high",
            "needed_by_ms": i}, seq=i + 1, prev=previous.hash if previous else None,
            deps=[] if previous else [genesis_head[1]],
            lamport=(previous.lamport if previous else genesis_head[2]) + 1))
        receipts(network, cast.logistics, 7, lot=f"B{i}")
    for entry in reversed(lates):
        network.receive([entry])
    network.receive(lates)
    assert network.state.digest() == fold(list(network.entries_in_order())).digest()


def test_reopening_loads_persisted_state_without_replaying(network, cast, monkeypatch):
    receipts(network, cast.logistics, 50)
    data_dir, digest = network.data_dir, network.state.digest()
    network.close()

    def refuse(*_args, **_kwargs):
        raise AssertionError("opening a replica must not replay entries")

    monkeypatch.setattr(LedgerState, "apply", refuse)
    reopened = Node.open(data_dir)
    try:
        assert reopened.state.digest() == digest
        assert reopened.state.count == reopened.entry_count()
    finally:
        reopened.close()


def test_a_failed_commit_leaves_memory_and_disk_as_they_were(network, cast, monkeypatch):
    receipts(network, cast.logistics, 3)
    digest, count = network.state.digest(), network.entry_count()

    def disk_full(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(network.store, "write_state_rows", disk_full)
    with signing_as(network, cast.logistics), pytest.raises(OSError):
        network.append("stock.receive", {**RECEIPT, "lot": "NEVER"})
    monkeypatch.undo()
    assert (network.state.digest(), network.entry_count()) == (digest, count)
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {**RECEIPT, "lot": "AFTER"})
    assert network.state.get("stock", "DEP-1|water-5l|AFTER")["qty"] == 10
