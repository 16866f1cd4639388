"""An author who signs two different entries with one sequence number is caught, kept as evidence, and neutralised."""

from __future__ import annotations

from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.core.forge import RECEIPT, next_entry


def fresh_replica(tmp_path, name: str, founding: list) -> Node:
    (tmp_path / name).mkdir()
    node = Node(ReplicaStore(database_url(tmp_path / name)))
    assert not node.receive(founding).refused
    return node


def forked(network, cast):
    """Two receipts the logistics officer signed as the same seq: one for 10 jerrycans, one for 9,000."""
    honest = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    greedy = next_entry(network, cast.logistics, "stock.receive", {**RECEIPT, "qty": 9000})
    return honest, greedy


def test_both_branches_are_kept_and_the_author_is_flagged(network, cast):
    honest, greedy = forked(network, cast)
    network.receive([honest])
    assert network.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == 10
    report = network.receive([greedy])
    assert report.evidence == [greedy] and not report.accepted
    assert [row.hash for row in network.store.evidence_rows()] == [greedy.hash]
    assert network.state.get("flags", cast.logistics.public_key_hex)["kind"] == "equivocation"
    assert network.state.get("stock", "DEP-1|water-5l|L-1") is None
    assert network.state.get("ineffective", honest.hash)["code"] == "equivocation"


def test_replicas_that_saw_the_branches_in_opposite_order_agree(network, cast, tmp_path):
    honest, greedy = forked(network, cast)
    founding = list(network.entries_in_order())
    a = fresh_replica(tmp_path, "a", founding)
    b = fresh_replica(tmp_path, "b", founding)
    try:
        a.receive([honest])
        a.receive([greedy])
        b.receive([greedy])
        b.receive([honest])
        assert a.state.digest() == b.state.digest()
        assert a.state.get("stock", "DEP-1|water-5l|L-1") is None
        assert b.state.get("stock", "DEP-1|water-5l|L-1") is None
    finally:
        a.close()
        b.close()


def test_others_who_built_on_a_forked_entry_are_not_stuck(network, cast, tmp_path):
    honest, greedy = forked(network, cast)
    founding = list(network.entries_in_order())
    other = fresh_replica(tmp_path, "other", founding)
    try:
        other.receive([greedy])
        field_entry = next_entry(other, cast.field, "request.open", {
            "request": "R-1", "site": "SHL-1", "item": "water-5l", "qty": 5, "priority": "high", "needed_by_ms": 1})
        assert greedy.hash in field_entry.deps
        network.receive([honest])
        network.receive([greedy])
        report = network.receive([field_entry])
        assert report.accepted == [field_entry]
        assert network.state.get("requests", "R-1")["qty"] == 5
    finally:
        other.close()


def test_the_evidence_survives_reopening(network, cast):
    honest, greedy = forked(network, cast)
    network.receive([honest, greedy])
    network.receive([greedy])
    data_dir, digest = network.data_dir, network.state.digest()
    network.close()
    reopened = Node.open(data_dir)
    try:
        assert reopened.state.digest() == digest
        assert cast.logistics.public_key_hex in reopened.state.equivocators
    finally:
        reopened.close()
