"""What the projected state shows an operator when material moves, and when records disagree."""

from __future__ import annotations

import pytest

from app.core.canonical import MAX_SAFE_INT
from app.core.custody import countersign
from app.core.schema import MAX_RUN_ALLOCATIONS
from app.core.state import MAX_STATE_QTY
from app.node import Node, NodeError
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock, signing_as
from tests.core.forge import RECEIPT, next_entry

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
        network.propose("record.correct",
                        {"target": request.hash, "reason": "cholera", "set": {"priority": "critical"}}, "cholera")
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
    point has no effect, wherever it sorts; both replicas keep it inert (or refuse what sorts after the
    revocation, as `revoked`)."""
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


# -- the quantity bound (docs/FORMAT.md §9): entries that would cross ±10^15 change nothing ---------------------

TRUCKLOAD = [{"item": "water-5l", "lot": "L-1", "qty": 10**12}] * 100


def drawn_to_the_bound(network: Node, cast, start: int = 0) -> None:
    """Ten forged full-truck dispatches (100 lines of 10^12 each) draw DEP-1's lot L-1 from `start` down by 10^15."""
    for number in range(10):
        dispatch = next_entry(network, cast.logistics, "shipment.dispatch", {
            "shipment": f"TRUCK-{number}", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "convoy",
            "lines": TRUCKLOAD})
        assert network.receive([dispatch]).accepted
    assert network.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == start - MAX_STATE_QTY


def test_a_dispatch_that_would_overdraw_past_the_bound_moves_none_of_its_lines(network, cast):
    drawn_to_the_bound(network, cast)
    digest = network.state.digest()
    mixed = next_entry(network, cast.logistics, "shipment.dispatch", {
        "shipment": "S-MIXED", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
        "lines": [{"item": "tent-fam", "lot": "T-1", "qty": 5}, {"item": "water-5l", "lot": "L-1", "qty": 1}]})
    assert network.receive([mixed]).accepted == [mixed]          # stored: valid, only without effect
    row = network.state.get("ineffective", mixed.hash)
    assert row["code"] == "out_of_range"
    assert row["message"] == ("the stock of water-5l lot L-1 at DEP-1 would become -1,000,000,000,000,001, "
                              "beyond the limit of ±1,000,000,000,000,000")
    assert network.state.get("stock", "DEP-1|tent-fam|T-1") is None     # the first line did not move either
    assert network.state.get("lots", "T-1") is None and network.state.get("shipments", "S-MIXED") is None
    assert network.state.digest() == digest


def test_a_delivery_that_would_carry_a_balance_past_the_bound_leaves_the_shipment_in_transit(network, cast):
    drawn_to_the_bound(network, cast)
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {**RECEIPT, "site": "SHL-1", "qty": 7})
    for number in range(10):
        deliver = next_entry(network, cast.field, "shipment.deliver", {"shipment": f"TRUCK-{number}",
                                                                        "lines": TRUCKLOAD})
        network.receive([deliver])
    # nine trucks unloaded (7 + 9 x 10^14); the tenth would make 10^15 + 7
    assert network.state.get("stock", "SHL-1|water-5l|L-1")["qty"] == 7 + 9 * 10**14
    assert network.state.get("ineffective", deliver.hash)["code"] == "out_of_range"
    assert network.state.get("shipments", "TRUCK-9")["status"] == "in_transit"
    assert network.state.get("conflicts", deliver.hash) is None


def test_an_approved_adjustment_past_the_bound_is_decided_but_changes_no_stock(network, cast):
    drawn_to_the_bound(network, cast)
    with signing_as(network, cast.logistics):
        proposal = network.propose("stock.adjust", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": -3,
                                                    "reason": "3 jerrycans punctured"}, "Cycle count")
    with pytest.raises(NodeError, match="out_of_range: proposal.approve: this would decide the proposal, but its "
                                        "stock.adjust could not apply: the stock of water-5l lot L-1 at DEP-1"):
        network.approve(proposal.hash)
    assert network.state.get("proposals", proposal.hash)["status"] == "open"   # nothing was recorded
    approval = next_entry(network, cast.commander, "proposal.approve", {"proposal": proposal.hash})
    assert network.receive([approval]).accepted == [approval]   # a modified client signs it anyway
    row = network.state.get("proposals", proposal.hash)
    assert (row["status"], row["decided_by"], row["before"]) == ("approved", approval.hash, {"qty": -MAX_STATE_QTY})
    assert row["outcome"].startswith("out_of_range: the stock of water-5l lot L-1 at DEP-1 would become")
    assert network.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == -MAX_STATE_QTY
    assert network.state.get("ineffective", approval.hash) is None   # the approval itself counted


def test_a_correction_that_would_carry_a_balance_past_the_bound_changes_nothing(network, cast):
    with signing_as(network, cast.logistics):
        original = network.append("stock.receive", {**RECEIPT, "qty": 10})
    drawn_to_the_bound(network, cast, start=10)
    with signing_as(network, cast.logistics):
        network.append("stock.distribute", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 5,
                                            "beneficiaries": 5})
    correction = {"target": original.hash, "reason": "the pallet was never unloaded", "set": {"qty": 0}}
    with pytest.raises(NodeError, match="out_of_range: proposal.open: this would decide the proposal"):
        network.propose("record.correct", correction, "Recount")   # the lone commander's proposal decides itself
    forged = next_entry(network, cast.commander, "proposal.open",
                        {"action": "record.correct", "body": correction, "reason": "Recount"},
                        deps=[original.hash, network.heads()[cast.logistics.public_key_hex][1]])
    assert network.receive([forged]).accepted == [forged]
    row = network.state.get("proposals", forged.hash)
    assert row["status"] == "approved" and row["outcome"].startswith("out_of_range: the stock of water-5l lot L-1")
    assert network.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == 5 - MAX_STATE_QTY
    assert network.state.get("records", original.hash)["qty"] == 10
    assert "corrections" not in network.state.get("records", original.hash)
    assert network.state.get("lots", "L-1")["received"] == 10


def test_every_quantity_one_entry_can_move_leaves_headroom_under_the_integer_range():
    """A balance at the bound plus the most one entry carries (100 lines of 10^12) stays exactly encodable;
    a run's units (500 allocations of at most 10^12) cannot reach the bound at all."""
    assert MAX_STATE_QTY + 100 * 10**12 < MAX_SAFE_INT
    assert MAX_RUN_ALLOCATIONS * 10**12 <= MAX_STATE_QTY
