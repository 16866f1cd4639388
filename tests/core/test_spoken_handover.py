"""A hand-over at a door where the two devices share nothing but two people talking (FORMAT.md §8.5).

The giver records the code the receiver reads aloud; the receiver's replica records the receiver's
signed acceptance in its own feed. Custody moves on every replica once both entries are there and
the codes agree, whichever sorts first; a mis-heard code or an acceptance for another step never moves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.custody import accept
from app.errors import ReliefLedgerError
from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock, signing_as

DISPATCH = {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck 7",
            "lines": [{"item": "water-5l", "lot": "L-1", "qty": 5}]}
MISMATCH = "the code recorded for the hand-over of S-1 (index 0) does not match the receiver's acceptance"


@pytest.fixture
def door(network, cast, tmp_path: Path):
    """Lena's replica (the HQ one, `network`) holds S-1; Femi's shelter laptop is a second replica, synced before
    the truck left and cut off since."""
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 50,
                                         "source": "WFP"})
        network.append("shipment.dispatch", DISPATCH)
    (tmp_path / "shelter").mkdir()
    shelter = Node(ReplicaStore(database_url(tmp_path / "shelter")), identity=cast.field, clock=Clock())
    sync(network, shelter)
    yield network, shelter
    shelter.close()


def sync(a: Node, b: Node) -> None:
    """Both replicas exchange what the other lacks (what the LAN sync does, without sockets)."""
    b.receive(a.iter_missing(b.frontier()))
    a.receive(b.iter_missing(a.frontier()))


def femi_accepts(shelter: Node, cast, index: int = 0) -> tuple[str, dict]:
    """Femi's Accept dialog: the code on his screen, and the entry his replica records."""
    acceptance = accept(cast.field, shelter.network_id, "S-1", cast.logistics.public_key_hex, index)
    body = {"shipment": "S-1", "from": cast.logistics.public_key_hex, "index": index,
            "receiver_sig": acceptance.receiver_sig}
    return acceptance.check_code(shelter.network_id, cast.logistics.public_key_hex), body


def lena_records(hq: Node, cast, code: str) -> None:
    with signing_as(hq, cast.logistics):
        hq.append("shipment.handover", {"shipment": "S-1", "to": cast.field.public_key_hex, "index": 0,
                                        "receiver_code": code})


def shipment(node: Node) -> dict:
    return node.state.get("shipments", "S-1")


@pytest.mark.parametrize("acceptance_first", [False, True])
def test_the_spoken_code_and_the_receiver_s_acceptance_meet_when_the_replicas_sync(door, cast, acceptance_first):
    hq, shelter = door
    code, body = femi_accepts(shelter, cast)
    if acceptance_first:
        shelter.append("shipment.accept", body)
        lena_records(hq, cast, code)
    else:
        lena_records(hq, cast, code)
        shelter.append("shipment.accept", body)
    # apart, neither replica moves custody: Lena still holds S-1, HQ shows the hand-over pending
    assert shipment(hq)["custodian"] == cast.logistics.public_key_hex
    assert shipment(hq)["pending"]["code"] == code and shipment(hq)["pending"]["to"] == cast.field.public_key_hex
    assert shipment(shelter)["custodian"] == cast.logistics.public_key_hex
    assert [a["code"] for a in shipment(shelter)["acceptances"]] == [code]
    sync(hq, shelter)
    for node in (hq, shelter):
        row = shipment(node)
        assert row["custodian"] == cast.field.public_key_hex
        assert "pending" not in row and "acceptances" not in row
        step = row["custody"][-1]
        assert step["from"] == cast.logistics.public_key_hex and step["to"] == cast.field.public_key_hex
        assert node.entry(step["accept"]).type == "shipment.accept"
        assert node.entry(step["entry"]).type == "shipment.handover"
    assert hq.state.digest() == shelter.state.digest()
    assert not hq.state.tables["conflicts"]


def test_a_mis_heard_code_leaves_the_hand_over_pending_until_the_giver_records_it_again(door, cast):
    hq, shelter = door
    code, body = femi_accepts(shelter, cast)
    misheard = code[:-1] + ("0" if code[-1] != "0" else "1")
    lena_records(hq, cast, misheard)
    shelter.append("shipment.accept", body)
    sync(hq, shelter)
    row = shipment(hq)
    assert row["custodian"] == cast.logistics.public_key_hex and len(row["custody"]) == 1
    conflicts = [c for c in hq.state.tables["conflicts"].values() if c["kind"] == "custody"]
    assert [c["message"] for c in conflicts] == [MISMATCH]
    assert shipment(shelter) == row and hq.state.digest() == shelter.state.digest()
    # Lena phones nobody: she asks Femi to read the code again at the next visit and records it once more
    lena_records(hq, cast, code)
    assert shipment(hq)["custodian"] == cast.field.public_key_hex
    assert shipment(hq)["custody"][-1]["accept"] == conflicts[0]["entry"]


def test_an_acceptance_for_another_step_never_moves_custody(door, cast):
    hq, shelter = door
    code, _ = femi_accepts(shelter, cast)
    _, replayed = femi_accepts(shelter, cast, index=1)
    lena_records(hq, cast, code)
    shelter.append("shipment.accept", replayed)
    sync(hq, shelter)
    assert shipment(hq)["custodian"] == cast.logistics.public_key_hex
    assert shipment(hq)["pending"]["index"] == 0 and "acceptances" not in shipment(hq)
    messages = [c["message"] for c in hq.state.tables["conflicts"].values()]
    assert messages == ["acceptance of S-1 for a step that is not open (index 1)"]


def test_the_receiver_s_acceptance_of_a_step_the_giver_already_signed_over_by_qr_changes_nothing(door, cast):
    """Femi's screen records his acceptance either way; Lena happened to scan the QR code."""
    hq, shelter = door
    _, body = femi_accepts(shelter, cast)
    with signing_as(hq, cast.logistics):
        hq.append("shipment.handover", {"shipment": "S-1", "to": cast.field.public_key_hex, "index": 0,
                                        "receiver_sig": body["receiver_sig"]})
    sync(hq, shelter)
    before = shelter.state.digest()
    shelter.append("shipment.accept", body)
    sync(hq, shelter)
    assert shipment(hq)["custodian"] == cast.field.public_key_hex and len(shipment(hq)["custody"]) == 2
    assert not hq.state.tables["conflicts"] and hq.state.digest() == before == shelter.state.digest()


def test_an_acceptance_of_a_step_that_went_to_someone_else_is_a_custody_conflict(door, cast):
    hq, shelter = door
    _, body = femi_accepts(shelter, cast)
    with signing_as(hq, cast.logistics):
        hq.append("shipment.handover", {"shipment": "S-1", "to": cast.commander.public_key_hex, "index": 0,
                                        "receiver_sig": accept(cast.commander, hq.network_id, "S-1",
                                                               cast.logistics.public_key_hex, 0).receiver_sig})
    sync(hq, shelter)
    shelter.append("shipment.accept", body)
    assert shipment(shelter)["custodian"] == cast.commander.public_key_hex
    assert [c["message"] for c in shelter.state.tables["conflicts"].values()] == [
        "acceptance of S-1 for a step that is not open (index 0)"]


def test_an_acceptance_signed_by_someone_else_or_for_another_network_is_refused_on_receipt(door, cast):
    hq, shelter = door
    _, body = femi_accepts(shelter, cast)
    before = hq.state.digest()
    with signing_as(hq, cast.commander), pytest.raises(ReliefLedgerError) as caught:
        hq.append("shipment.accept", body)      # Femi's signature, the commander's entry
    assert caught.value.code == "bad_countersignature"
    other_net = accept(cast.field, "ab" * 32, "S-1", cast.logistics.public_key_hex, 0)
    with signing_as(hq, cast.field), pytest.raises(ReliefLedgerError) as caught:
        hq.append("shipment.accept", {**body, "receiver_sig": other_net.receiver_sig})
    assert caught.value.code == "bad_countersignature"
    assert hq.state.digest() == before


@pytest.mark.parametrize("extra", [{}, {"receiver_code": "35E6-BAGS", "receiver_sig": "ab" * 64},
                                   {"receiver_code": "35e6-bags"}, {"receiver_code": "35E6BAGS"}])
def test_a_hand_over_carries_exactly_one_well_formed_proof(door, cast, extra):
    hq, _ = door
    before = hq.state.digest()
    with signing_as(hq, cast.logistics), pytest.raises(ReliefLedgerError) as caught:
        hq.append("shipment.handover", {"shipment": "S-1", "to": cast.field.public_key_hex, "index": 0, **extra})
    assert caught.value.code == "bad_body"
    assert hq.state.digest() == before


def test_a_signed_hand_over_completes_the_step_and_drops_a_pending_code(door, cast):
    hq, shelter = door
    code, body = femi_accepts(shelter, cast)
    lena_records(hq, cast, code[:-1] + ("0" if code[-1] != "0" else "1"))
    with signing_as(hq, cast.logistics):
        hq.append("shipment.handover", {"shipment": "S-1", "to": cast.field.public_key_hex, "index": 0,
                                        "receiver_sig": body["receiver_sig"]})
    row = shipment(hq)
    assert row["custodian"] == cast.field.public_key_hex and "pending" not in row
    assert set(row["custody"][-1]) == {"entry", "from", "to"}


def test_a_guessed_code_without_the_receiver_s_acceptance_completes_nothing(door, cast):
    hq, _ = door
    lena_records(hq, cast, "K7Q4-M2XD")
    assert shipment(hq)["custodian"] == cast.logistics.public_key_hex
    assert shipment(hq)["pending"]["code"] == "K7Q4-M2XD" and len(shipment(hq)["custody"]) == 1
