"""Every rule an entry must pass on receipt, each refused with its own reason code and no effect."""

from __future__ import annotations

import pytest

from app.core import canonical
from app.core.custody import countersign
from app.core.entry import EntryError, create, parse
from app.core.identity import Identity
from app.core.validation import REASONS, RETRYABLE
from app.node import Node, NodeError
from tests.conftest import Clock, signing_as
from tests.core.forge import RECEIPT, next_entry, refused_codes


def assert_refused_without_effect(node: Node, entry, code: str) -> None:
    digest, count = node.state.digest(), node.entry_count()
    assert refused_codes(node, entry) == [code]
    assert (node.state.digest(), node.entry_count()) == (digest, count)
    assert code in REASONS


def test_a_correct_receipt_from_the_logistics_officer_is_stored(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    report = network.receive([entry])
    assert report.accepted == [entry] and not report.refused
    assert network.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == 10


def test_the_same_entry_twice_is_held_once(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    network.receive([entry])
    count = network.entry_count()
    report = network.receive([entry, entry])
    assert report.duplicates == 2 and not report.accepted and network.entry_count() == count


def test_a_flipped_signature_byte_is_refused(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    with pytest.raises(EntryError) as caught:
        parse(entry.raw, bytes([entry.sig[0] ^ 1]) + entry.sig[1:])
    assert caught.value.code == "bad_signature"


def test_an_entry_signed_by_another_key_than_its_author_is_refused(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    forged = cast.field.sign(b"relief-ledger/entry/v1\x00" + bytes.fromhex(entry.hash))
    with pytest.raises(EntryError) as caught:
        parse(entry.raw, forged)
    assert caught.value.code == "bad_signature"


@pytest.mark.parametrize("raw, code", [
    (b"\xff\xfe not utf-8", "malformed"),
    (b'{"a":1', "malformed"),
    (b'{"b":1,"a":2}', "non_canonical"),
    (b'{"a": 1}', "non_canonical"),
    (b'{"a":1,"a":1}', "non_canonical"),
    (b'{"a":"\\u0041"}', "non_canonical"),
    (b'{"a":1.0}', "float_forbidden"),
    (b'{"a":[1,{"b":2.5}]}', "float_forbidden"),
    (b'{"a":NaN}', "float_forbidden"),
    (b'{"a":1e3}', "float_forbidden"),
    (b'{"a":9007199254740992}', "int_range"),
    (b'[' * 40 + b']' * 40, "too_deep"),
    (b'{"a":1}', "bad_fields"),
])
def test_bytes_that_are_not_a_canonical_entry_are_refused(raw, code):
    with pytest.raises(EntryError) as caught:
        parse(raw, b"\x00" * 64)
    assert caught.value.code == code


def test_a_note_holding_a_lone_surrogate_is_refused_with_its_own_documented_code(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", {**RECEIPT, "note": "ok"})
    forged = entry.raw.replace(b'"note":"ok"', b'"note":"\\ud800"')
    with pytest.raises(EntryError) as caught:
        parse(forged, entry.sig)
    assert caught.value.code == "bad_string" and "bad_string" in REASONS
    with pytest.raises(EntryError) as caught:
        parse(entry.raw.replace(b'"note":"ok"', b'"note":"\\ud83d\\ude00"'), entry.sig)
    assert caught.value.code == "non_canonical"   # a whole pair is valid, but written escaped


def test_nesting_counts_arrays_and_objects_and_allows_sixteen_levels():
    assert canonical.decode(b"[" * 16 + b'"deep"' + b"]" * 16) is not None
    with pytest.raises(canonical.CanonicalError) as caught:
        canonical.decode(b"[" * 17 + b"]" * 17)
    assert caught.value.code == "too_deep"


@pytest.mark.parametrize("deps", [
    lambda known: sorted(known, reverse=True),             # not ascending
    lambda known: [known[0], known[0]],                     # a repeat
    lambda known: ["AB" * 32],                              # not lowercase hex
    lambda known: [f"{n:064x}" for n in range(65)],         # more than 64
    lambda known: [],                                       # an author's first entry depends on nothing
])
def test_a_deps_list_that_breaks_the_rules_is_refused_as_bad_fields(network, cast, deps):
    known = sorted([network.heads()[cast.commander.public_key_hex][1], "cd" * 32])
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    content = {**entry.content(), "deps": deps(known)}
    with pytest.raises(EntryError) as caught:
        parse(canonical.encode(content), entry.sig)
    assert caught.value.code == "bad_fields"


def test_an_oversized_entry_is_refused(network, cast):
    with pytest.raises(EntryError) as caught:
        next_entry(network, cast.logistics, "stock.receive", {**RECEIPT, "note": "x" * 70_000})
    assert caught.value.code == "too_large"


def test_canonical_encoding_escapes_controls_and_keeps_unicode():
    assert canonical.encode({"b": "é\n\u0001", "a": [True, None, -5]}) == \
        '{"a":[true,null,-5],"b":"é\\n\\u0001"}'.encode()


def test_an_entry_of_another_network_is_refused(network, cast, tmp_path):
    other = Node.create_network(tmp_path / "other", cast.commander, name="Other", kind="exercise", org="X",
                                display_name="X", members=cast.members(), clock=Clock())
    try:
        foreign = next_entry(other, cast.logistics, "stock.receive", RECEIPT)
        assert_refused_without_effect(network, foreign, "wrong_network")
        genesis = next(iter(other.entries_in_order()))
        assert_refused_without_effect(network, genesis, "wrong_network")
    finally:
        other.close()


def test_a_broken_chain_is_refused(network, cast):
    network.receive([next_entry(network, cast.logistics, "stock.receive", RECEIPT)])
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT, prev="ab" * 32)
    assert_refused_without_effect(network, entry, "chain_broken")


def test_an_entry_after_a_gap_waits_and_is_accepted_once_the_gap_fills(network, cast):
    first = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    second = create(cast.logistics, net=network.network_id, seq=2, prev=first.hash, deps=[],
                    lamport=first.lamport + 1, ts=1, type="stock.receive", body={**RECEIPT, "lot": "L-2"})
    report = network.receive([second])
    assert [r.code for r in report.deferred] == ["missing_prev"] and "missing_prev" in RETRYABLE
    report = network.receive([second, first])
    assert [e.seq for e in report.accepted] == [1, 2]


def test_an_entry_depending_on_an_unknown_entry_waits(network, cast):
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT,
                       deps=sorted([network.heads()[cast.commander.public_key_hex][1], "cd" * 32]))
    assert_refused_without_effect(network, entry, "missing_dependency")
    assert "missing_dependency" in RETRYABLE


def test_a_wrong_lamport_clock_is_refused(network, cast):
    good = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    entry = next_entry(network, cast.logistics, "stock.receive", RECEIPT, lamport=good.lamport + 5)
    assert_refused_without_effect(network, entry, "bad_lamport")


def test_an_unknown_entry_type_is_refused(network, cast):
    entry = next_entry(network, cast.logistics, "stock.teleport", RECEIPT)
    assert_refused_without_effect(network, entry, "unknown_type")


@pytest.mark.parametrize("body", [
    {**RECEIPT, "colour": "red"},
    {k: v for k, v in RECEIPT.items() if k != "source"},
    {**RECEIPT, "qty": "ten"},
    {**RECEIPT, "qty": 0},
    {**RECEIPT, "lot": "has spaces"},
    {**RECEIPT, "source": ""},
])
def test_a_body_that_does_not_match_its_schema_is_refused(network, cast, body):
    entry = next_entry(network, cast.logistics, "stock.receive", body)
    assert_refused_without_effect(network, entry, "bad_body")


def test_a_shipment_to_the_site_it_leaves_from_is_refused(network, cast):
    entry = next_entry(network, cast.logistics, "shipment.dispatch", {
        "shipment": "S", "from_site": "DEP-1", "to_site": "DEP-1", "carrier": "truck",
        "lines": [{"item": "water-5l", "lot": "L-1", "qty": 1}]})
    assert_refused_without_effect(network, entry, "bad_body")


def test_corrections_name_a_correctable_record_they_have_seen(network, cast):
    site = network.heads()[cast.commander.public_key_hex][1]
    entry = next_entry(network, cast.commander, "record.correct",
                       {"target": site, "reason": "typo", "set": {"name": "x"}})
    assert_refused_without_effect(network, entry, "bad_correction")
    with signing_as(network, cast.logistics):
        receipt = network.append("stock.receive", RECEIPT)
        network.append("stock.receive", {**RECEIPT, "lot": "L-2"})
    unseen = next_entry(network, cast.commander, "record.correct",
                        {"target": receipt.hash, "reason": "typo", "set": {"qty": 5}},
                        deps=[network.heads()[cast.logistics.public_key_hex][1]])
    assert_refused_without_effect(network, unseen, "bad_correction")


def test_a_correction_of_a_field_that_cannot_be_corrected_or_to_an_impossible_value_is_refused(network, cast):
    """A receipt's site is not correctable (bad_correction); a negative quantity is outside the range of the
    corrected field (bad_body)."""
    with signing_as(network, cast.logistics):
        receipt = network.append("stock.receive", RECEIPT)
    wrong_field = next_entry(network, cast.commander, "record.correct",
                             {"target": receipt.hash, "reason": "wrong site", "set": {"site": "DEP-2"}},
                             deps=[receipt.hash])
    assert_refused_without_effect(network, wrong_field, "bad_correction")
    zero = next_entry(network, cast.commander, "record.correct",
                      {"target": receipt.hash, "reason": "nothing came", "set": {"qty": -1}}, deps=[receipt.hash])
    assert_refused_without_effect(network, zero, "bad_body")


def test_a_hand_over_needs_the_receivers_counter_signature_for_this_shipment_and_step(network, cast):
    with signing_as(network, cast.logistics):
        network.append("stock.receive", RECEIPT)
        network.append("shipment.dispatch", {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                             "carrier": "truck", "lines": [{"item": "water-5l", "lot": "L-1",
                                                                            "qty": 5}]})
    giver, receiver = cast.logistics.public_key_hex, cast.field.public_key_hex

    def handover(sig: str):
        return next_entry(network, cast.logistics, "shipment.handover",
                          {"shipment": "S-1", "to": receiver, "index": 0, "receiver_sig": sig})

    for wrong in (countersign(cast.field, network.network_id, "S-2", giver, 0),
                  countersign(cast.field, network.network_id, "S-1", giver, 1),
                  countersign(cast.observer, network.network_id, "S-1", giver, 0)):
        assert_refused_without_effect(network, handover(wrong), "bad_countersignature")
    good = handover(countersign(cast.field, network.network_id, "S-1", giver, 0))
    assert network.receive([good]).accepted == [good]
    assert network.state.get("shipments", "S-1")["custodian"] == receiver


def test_a_stranger_is_not_a_member(network):
    stranger = Identity.from_seed(b"stranger")
    entry = next_entry(network, stranger, "stock.receive", RECEIPT)
    assert_refused_without_effect(network, entry, "not_member")


def test_an_observer_may_not_record_stock_and_a_field_team_may_not_admit_members(network, cast):
    assert_refused_without_effect(network, next_entry(network, cast.observer, "stock.receive", RECEIPT),
                                  "role_not_allowed")
    admit = {"key": "ab" * 32, "org": "X", "name": "X", "roles": ["field"]}
    assert_refused_without_effect(network, next_entry(network, cast.field, "member.add", admit), "needs_approval")


def test_a_revoked_key_may_record_nothing_more(network, cast):
    with signing_as(network, cast.commander):
        network.propose("member.revoke", {"key": cast.logistics.public_key_hex, "reason": "laptop stolen"},
                        "laptop stolen")
    digest = network.state.digest()
    late = next_entry(network, cast.logistics, "stock.receive", RECEIPT)
    assert network.receive([late]).accepted == [late]   # stored, so nothing that depends on it waits forever
    assert network.state.get("ineffective", late.hash)["code"] == "beyond_pin"
    assert network.state.digest() == digest
    with signing_as(network, cast.logistics), pytest.raises(NodeError, match="revoked"):
        network.append("stock.receive", RECEIPT)     # and the client does not sign for a revoked key


@pytest.mark.parametrize("kind, accepted", [("exercise", True), ("live", False)])
def test_a_trainer_injects_events_only_in_exercises(tmp_path, cast, kind, accepted):
    trainer = Identity.from_seed(b"trainer")
    node = Node.create_network(tmp_path / kind, cast.commander, name="N", kind=kind, org="X", display_name="X",
                               members=[{"key": trainer.public_key_hex, "org": "T", "name": "T", "roles": ["trainer"]}],
                               clock=Clock())
    try:
        entry = next_entry(node, trainer, "request.open", {"request": "INJ-1", "site": "S", "item": "i", "qty": 1,
                                                           "priority": "high", "needed_by_ms": 1})
        report = node.receive([entry])
        assert bool(report.accepted) is accepted
        if not accepted:
            assert [r.code for r in report.refused] == ["role_not_allowed"]
    finally:
        node.close()


def test_a_genesis_must_be_signed_by_an_admin_founder(tmp_path, cast):
    from app.paths import database_url
    from app.store.replica_store import ReplicaStore

    genesis = create(cast.logistics, net=None, seq=1, prev=None, deps=[], lamport=1, ts=1, type="genesis",
                     body={"name": "N", "kind": "live", "policies": {},
                           "members": [{"key": cast.commander.public_key_hex, "org": "X", "name": "X",
                                        "roles": ["admin"]}]})
    (tmp_path / "empty").mkdir()
    node = Node(ReplicaStore(database_url(tmp_path / "empty")))
    try:
        assert [r.code for r in node.receive([genesis]).refused] == ["bad_genesis"]
    finally:
        node.close()


TROJAN_SOURCE = ('def allocate(snapshot, params):\n'
                 '    role = "observer\u202e \u2066# the commander approved\u2069 \u2066"\n'
                 '    return []\n')


@pytest.mark.parametrize("source, accepted", [
    (TROJAN_SOURCE, False),
    ("def allocate(snapshot, params):\n\treturn []  # \x1b[2J\n", False),
    ("def allocate(snapshot, params):\r\n\treturn []  # سهم عادل\r\n", True),
])
def test_a_contract_whose_text_reads_differently_from_how_it_runs_is_refused(network, cast, source, accepted):
    """A reviewer approving a contract must see the program that runs: no direction overrides, no controls."""
    entry = next_entry(network, cast.commander, "proposal.open", {
        "action": "contract.deploy", "reason": "Fair share for the exercise",
        "body": {"contract": "fair-share", "version": 1, "runtime": "starlark-subset/1", "source": source}})
    if accepted:
        assert network.receive([entry]).accepted
    else:
        assert_refused_without_effect(network, entry, "bad_body")
