"""What the projected state shows an operator when material moves, and when records disagree."""

from __future__ import annotations

from app.core.custody import countersign
from app.node import Node, database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock, signing_as
from tests.core.forge import RECEIPT

DISPATCH = {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
            "lines": [{"item": "water-5l", "lot": "L-1", "qty": 8}]}


def replica_copy(network: Node, tmp_path, name: str) -> Node:
    (tmp_path / name).mkdir()
    copy = Node(ReplicaStore(database_url(tmp_path / name)), clock=Clock())
    copy.receive(list(network.entries_in_order()))
    return copy


def test_concurrent_dispatches_in_a_partition_open_an_overdraw_conflict_on_both_sides(network, cast, tmp_path):
    with signing_as(network, cast.logistics):
        network.append("stock.receive", RECEIPT)
    vehicle = replica_copy(network, tmp_path, "vehicle")
    try:
        with signing_as(network, cast.logistics):
            here = network.append("shipment.dispatch", DISPATCH)
        vehicle.sign_as(cast.commander)
        there = vehicle.append("shipment.dispatch", {**DISPATCH, "shipment": "S-2"})
        network.receive([there])
        vehicle.receive([here])
        for replica in (network, vehicle):
            conflict = replica.state.get("conflicts", "overdraw:DEP-1|water-5l|L-1")
            assert conflict["open"] and conflict["balance"] == -6
            assert replica.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == -6
            assert {replica.state.get("shipments", s)["status"] for s in ("S-1", "S-2")} == {"in_transit"}
        assert network.state.digest() == vehicle.state.digest()
        with signing_as(network, cast.logistics):
            network.append("stock.receive", {**RECEIPT, "qty": 6})
        resolved = network.state.get("conflicts", "overdraw:DEP-1|water-5l|L-1")
        assert not resolved["open"] and resolved["balance"] == 0
    finally:
        vehicle.close()


def test_a_hand_over_by_someone_without_custody_is_a_conflict_and_changes_nothing(network, cast):
    with signing_as(network, cast.logistics):
        network.append("stock.receive", RECEIPT)
        network.append("shipment.dispatch", DISPATCH)
    code = countersign(cast.logistics, network.network_id, "S-1", cast.commander.public_key_hex, 0)
    with signing_as(network, cast.commander):
        entry = network.append("shipment.handover", {"shipment": "S-1", "to": cast.logistics.public_key_hex,
                                                     "index": 0, "receiver_sig": code})
    assert network.state.get("conflicts", entry.hash)["kind"] == "custody"
    assert len(network.state.get("shipments", "S-1")["custody"]) == 1


def test_deliveries_of_unknown_or_delivered_shipments_are_conflicts(network, cast):
    lines = [{"item": "water-5l", "lot": "L-1", "qty": 8}]
    with signing_as(network, cast.logistics):
        network.append("stock.receive", RECEIPT)
        ghost = network.append("shipment.deliver", {"shipment": "NOPE", "lines": lines})
        network.append("shipment.dispatch", DISPATCH)
        network.append("shipment.deliver", {"shipment": "S-1", "lines": lines})
        again = network.append("shipment.deliver", {"shipment": "S-1", "lines": lines})
    assert network.state.get("conflicts", ghost.hash)["kind"] == "unknown_reference"
    assert network.state.get("conflicts", again.hash)["kind"] == "duplicate_delivery"
    assert network.state.get("stock", "SHL-1|water-5l|L-1")["qty"] == 8


def test_a_request_moves_from_open_to_partial_to_filled_or_cancelled(network, cast):
    request = {"request": "R-1", "site": "SHL-1", "item": "water-5l", "qty": 10, "priority": "high",
               "needed_by_ms": 1}
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {**RECEIPT, "qty": 100})
        network.append("request.open", request)
        network.append("request.open", {**request, "request": "R-2"})
        assert network.state.get("requests", "R-1")["status"] == "open"
        for n, qty in ((1, 4), (2, 6)):
            network.append("shipment.dispatch", {**DISPATCH, "shipment": f"S-{n}", "requests": ["R-1"],
                                                 "lines": [{"item": "water-5l", "lot": "L-1", "qty": qty}]})
            network.append("shipment.deliver", {"shipment": f"S-{n}",
                                                "lines": [{"item": "water-5l", "lot": "L-1", "qty": qty}]})
            assert network.state.get("requests", "R-1")["status"] == ("partial" if n == 1 else "filled")
        network.append("request.cancel", {"request": "R-2", "reason": "shelter closed"})
    assert network.state.get("requests", "R-2")["status"] == "cancelled"


def test_corrections_change_quantities_where_they_sort_and_keep_the_original(network, cast):
    with signing_as(network, cast.logistics):
        receipt = network.append("stock.receive", {**RECEIPT, "qty": 1000})
        request = network.append("request.open", {"request": "R-1", "site": "SHL-1", "item": "water-5l", "qty": 10,
                                                  "priority": "low", "needed_by_ms": 1})
        network.append("shipment.dispatch", {**DISPATCH, "lines": [{"item": "water-5l", "lot": "L-1", "qty": 50}]})
        network.append("shipment.deliver", {"shipment": "S-1", "lines": [{"item": "water-5l", "lot": "L-1",
                                                                         "qty": 50}]})
    with signing_as(network, cast.field):
        handout = network.append("stock.distribute", {"site": "SHL-1", "item": "water-5l", "lot": "L-1", "qty": 40,
                                                      "beneficiaries": 20})
    with signing_as(network, cast.commander):
        # corrections are permissioned: proposed, and (a lone commander under the default policy) decided at once
        network.propose("record.correct", {"target": receipt.hash, "reason": "waybill says 100", "set": {"qty": 100}},
                        "waybill")
        network.propose("record.correct", {"target": request.hash, "reason": "cholera", "set": {"priority": "critical"}},
                        "cholera")
        network.propose("record.correct", {"target": handout.hash, "reason": "miscount", "set": {"qty": 30}},
                        "miscount")
    state = network.state
    assert state.get("stock", "DEP-1|water-5l|L-1")["qty"] == 50
    assert state.get("stock", "SHL-1|water-5l|L-1")["qty"] == 20
    assert state.get("requests", "R-1")["priority"] == "critical"
    assert state.get("lots", "L-1")["received"] == 100
    assert state.get("records", receipt.hash)["corrections"]
    assert network.entry(receipt.hash).body["qty"] == 1000


def test_entries_of_a_key_revoked_during_a_partition_lose_their_effect_after_the_merge(network, cast, tmp_path):
    """The revocation pins the feed where its proposer knew it: whatever the revoked key wrote past that
    point has no effect, wherever it sorts; the replica that knew the pin refuses it, the other keeps it inert."""
    field_post = replica_copy(network, tmp_path, "field-post")
    try:
        pin = network.heads().get(cast.logistics.public_key_hex, (0,))[0]
        with signing_as(network, cast.commander):
            revocation = network.propose("member.revoke", {"key": cast.logistics.public_key_hex,
                                                           "reason": "device lost"}, "device lost")
        assert revocation.body["body"]["seq"] == pin
        field_post.sign_as(cast.logistics)
        written = [field_post.append("stock.receive", {**RECEIPT, "lot": f"L-{i}"}) for i in range(3)]
        assert any(e.key < revocation.key for e in written), "some must sort before the revocation"
        report = network.receive(written)
        kept_out = report.refused + report.deferred
        assert {r.code for r in kept_out} <= {"revoked", "missing_prev"}   # those sorting after the revocation
        for entry in report.accepted:
            assert network.state.get("ineffective", entry.hash)["code"] == "beyond_pin"
        field_post.receive(list(network.entries_in_order()))
        for entry in written:
            assert field_post.state.get("ineffective", entry.hash)["code"] in ("beyond_pin", "revoked")
        for replica in (network, field_post):
            for entry in written:
                assert replica.state.get("stock", f"DEP-1|water-5l|{entry.body['lot']}") is None
        assert network.state.digest() == field_post.state.digest()
    finally:
        field_post.close()
