"""An insider with member keys and a modified client attacks the decisions of the network.

Attacks 1-3 of issue #11, replayed with validly signed entries whose lamport, ts and deps the insider
chooses, delivered by bundle and over live sessions:

1. a commander whose revocation was approved signs backdated entries (low lamport, sorting before the
   revocation): an approval that would decide a pending stock adjustment, and a receipt of 10^12 units;
2. the commander being revoked rejects its own revocation, and a single rejection tries to veto;
3. a member signs a workflow entry ten years ahead, or a chain of entries each a year ahead, to expire
   every pending proposal (its own revocation included).

Each is refused or harmless with a stated reason code, every replica reaches the same state digest,
and honest entries keep flowing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.entry import Entry
from app.core.identity import Identity
from app.net.bundle import export_bundle, import_bundle
from app.node import Node, NodeError
from tests.conftest import Clock
from tests.core.forge import next_entry
from tests.net.conftest import Sites, converged, wait_until

YEAR = 366 * 24 * 3_600_000
LOT = "DEP-1|water-5l|L-1"
ADJUST = {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": 500_000, "reason": "found in container"}


@dataclass
class Commanders:
    """Four command centers of four organisations (quorum 2 of the others under the default rule),
    a logistics officer of the first, and a field member."""

    a: Identity
    b: Identity
    c: Identity
    d: Identity
    log: Identity
    field: Identity

    def members(self) -> list[dict]:
        return [
            {"key": self.b.public_key_hex, "org": "WFP", "name": "EOC Chimoio", "roles": ["commander"]},
            {"key": self.c.public_key_hex, "org": "IFRC", "name": "EOC Quelimane", "roles": ["commander"]},
            {"key": self.d.public_key_hex, "org": "UNICEF", "name": "EOC Tete", "roles": ["commander"]},
            {"key": self.log.public_key_hex, "org": "INGD", "name": "Lena Logistics", "roles": ["logistics"]},
            {"key": self.field.public_key_hex, "org": "MSF", "name": "Femi Field", "roles": ["field"]},
        ]


@pytest.fixture
def people() -> Commanders:
    return Commanders(*(Identity.from_seed(f"adversarial/{n}".encode())
                        for n in ("a", "b", "c", "d", "log", "field")))


@pytest.fixture
def network(tmp_path: Path, people: Commanders) -> Node:
    node = Node.create_network(tmp_path / "hq", people.a, name="Cyclone response", kind="live", org="INGD",
                               display_name="EOC Beira", members=people.members(), clock=Clock())
    node.sign_as(people.log)
    node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 2_880, "source": "WFP"})
    node.sign_as(people.a)
    return node


@pytest.fixture
def sites(tmp_path: Path, network: Node) -> Iterator[Sites]:
    mesh = Sites(tmp_path, network)
    yield mesh
    mesh.stop()


def copy_of(origin: Node, tmp_path: Path, name: str, who: Identity | None = None) -> Node:
    node = Node.create_joining(tmp_path / name, who)
    node.clock = Clock()
    node.receive(list(origin.entries_in_order()))
    return node


def assert_a_fresh_replica_agrees(network: Node, tmp_path: Path) -> None:
    """A replica fed every entry at once reaches the same digest as the one that saw them arrive."""
    replica = copy_of(network, tmp_path, "replica")
    try:
        assert replica.state.digest() == network.state.digest()
    finally:
        replica.close()


def as_member(node: Node, who: Identity) -> Node:
    node.sign_as(who)
    return node


def stock(node: Node) -> int:
    return node.state.get("stock", LOT)["qty"]


def without_clock(node: Node) -> dict:
    return {t: rows for t, rows in node.state.tables.items() if t not in ("clock", "ineffective")}


def pending_adjustment_and_revocation(network: Node, people: Commanders) -> tuple[Entry, Entry]:
    """Logistics proposes +500,000 (waiting for two commanders); A proposes revoking D, B and C approve."""
    adjustment = as_member(network, people.log).propose("stock.adjust", ADJUST, "container found")
    as_member(network, people.b).approve(adjustment.hash)
    revocation = as_member(network, people.a).propose("member.revoke", {"key": people.d.public_key_hex,
                                                                         "reason": "key stolen"}, "key stolen")
    as_member(network, people.b).approve(revocation.hash)
    as_member(network, people.c).approve(revocation.hash)
    assert network.state.get("members", people.d.public_key_hex)["revoked"]
    assert network.state.get("proposals", adjustment.hash)["status"] == "open"
    return adjustment, revocation


def backdated_by_the_revoked(insider: Node, people: Commanders, adjustment: Entry) -> list[Entry]:
    """D's modified client: an approval and a huge receipt whose deps reach back only to the adjustment,
    so their lamport sorts them before the revocation that was approved at a higher lamport."""
    vote = next_entry(insider, people.d, "proposal.approve", {"proposal": adjustment.hash}, deps=[adjustment.hash],
                      lamport=adjustment.lamport + 1)
    receipt = next_entry(insider, people.d, "stock.receive",
                         {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 10**12, "source": "D"},
                         seq=vote.seq + 1, prev=vote.hash, deps=[], lamport=vote.lamport + 1)
    return [vote, receipt]


def test_a_revoked_commander_backdating_an_approval_and_receipts_changes_nothing_anywhere(network, people, tmp_path):
    insider = copy_of(network, tmp_path, "insider", people.d)   # D's replica, as it stood before the revocation
    adjustment, revocation = pending_adjustment_and_revocation(network, people)
    insider.receive([e for e in network.entries_in_order() if e.key < revocation.key])   # not yet the revocation
    crafted = backdated_by_the_revoked(insider, people, adjustment)
    assert all(e.key < revocation.key for e in crafted), "the crafted entries must sort before the revocation"
    assert insider.receive(crafted).accepted == crafted       # D's own replica stores them (it knows no pin)
    before = (stock(network), network.state.digest())

    # by live delivery to a replica that knows the revocation: refused with the reason
    report = network.receive(crafted)
    assert report.accepted == crafted                     # stored as evidence of the attempt, without effect
    assert {network.state.get("ineffective", e.hash)["code"] for e in crafted} == {"beyond_pin"}
    assert (stock(network), network.state.digest()) == before

    # by bundle, into a replica that knows the revocation
    export_bundle(insider, tmp_path / "insider.rlb")
    victim = copy_of(network, tmp_path, "victim")
    try:
        imported = import_bundle(victim, tmp_path / "insider.rlb")
        assert imported.refused == []
        assert {victim.state.get("ineffective", e.hash)["code"] for e in crafted} == {"beyond_pin"}
        assert victim.state.digest() == network.state.digest()
    finally:
        victim.close()

    # into a replica that gets the crafted entries FIRST and the revocation later: they lose their effect
    early = copy_of(insider, tmp_path, "early")
    try:
        assert early.state.get("proposals", adjustment.hash)["status"] == "approved"   # D's vote decided it there
        assert stock(early) == 2_880 + 500_000 + 10**12
        early.receive(list(network.entries_in_order()))
        assert early.state.get("proposals", adjustment.hash)["status"] == "open"
        assert stock(early) == 2_880
        assert {early.state.get("ineffective", e.hash)["code"] for e in crafted} == {"beyond_pin"}
        assert early.state.digest() == network.state.digest()
    finally:
        early.close()
        insider.close()


def test_the_revoked_feed_relayed_over_a_live_session_is_refused_and_honest_entries_keep_flowing(sites, people,
                                                                                                   tmp_path):
    """A vehicle cut off during the revocation took D's backdated entries aboard; when it reconnects, HQ and
    Chimoio refuse them (without blaming the honest vehicle) and the vehicle's own fold makes them inert."""
    hq = sites.hq()
    vehicle_node = copy_of(hq.node, tmp_path, "vehicle", people.field)
    adjustment, revocation = pending_adjustment_and_revocation(hq.node, people)
    vehicle_node.receive([e for e in hq.node.entries_in_order() if e.key < revocation.key])
    crafted = backdated_by_the_revoked(vehicle_node, people, adjustment)
    assert vehicle_node.receive(crafted).accepted == crafted
    chimoio = sites.replica("chimoio", people.b).go_online()
    hq.go_online([chimoio])
    wait_until(lambda: converged(hq, chimoio), "Chimoio to catch up with HQ")
    from tests.net.conftest import Site
    vehicle = Site("vehicle", vehicle_node)
    sites.all.append(vehicle)
    vehicle.go_online([hq, chimoio])
    wait_until(lambda: vehicle_node.state.get("proposals", revocation.hash) is not None,
               "the vehicle to hear of the revocation")
    honest = as_member(hq.node, people.log).append("stock.receive", {"site": "DEP-1", "item": "water-5l",
                                                                    "lot": "L-2", "qty": 10, "source": "WFP"})
    wait_until(lambda: chimoio.holds(honest.hash) and vehicle.holds(honest.hash), "an honest entry to keep flowing")
    wait_until(lambda: len({s.digest() for s in (hq, chimoio, vehicle)}) == 1, "every replica to agree")
    wait_until(lambda: all(site.holds(e.hash) for site in (hq, chimoio) for e in crafted), "relay of the entries")
    for site in (hq, chimoio, vehicle):
        assert site.node.state.get("proposals", adjustment.hash)["status"] == "open"
        assert {site.node.state.get("ineffective", e.hash)["code"] for e in crafted} == {"beyond_pin"}
        assert stock(site.node) == 2_880
    assert not hq.kinds("cut_off") + chimoio.kinds("cut_off") + vehicle.kinds("cut_off"), "nobody is cut off"


def test_the_subject_of_a_revocation_cannot_veto_it_and_one_rejection_is_only_a_vote(network, people, tmp_path):
    adjustment = as_member(network, people.log).propose("stock.adjust", ADJUST, "container found")
    as_member(network, people.d).reject(adjustment.hash, "blocked")           # a stolen key rejects
    assert network.state.get("proposals", adjustment.hash)["status"] == "open"   # A, B, C can still make two
    revocation = as_member(network, people.a).propose("member.revoke", {"key": people.d.public_key_hex,
                                                                         "reason": "key stolen"}, "key stolen")
    veto = next_entry(network, people.d, "proposal.reject", {"proposal": revocation.hash, "comment": "no"},
                      deps=sorted({h[1] for a, h in network.heads().items() if a != people.d.public_key_hex}
                                  | {revocation.hash}))
    assert network.receive([veto]).accepted == [veto]
    assert network.state.get("ineffective", veto.hash)["code"] == "own_subject"
    with pytest.raises(NodeError, match="about you"):
        as_member(network, people.d).reject(revocation.hash, "no")
    assert network.state.get("proposals", revocation.hash)["status"] == "open"
    as_member(network, people.b).approve(revocation.hash)
    as_member(network, people.c).approve(revocation.hash)
    assert network.state.get("proposals", revocation.hash)["status"] == "approved"
    as_member(network, people.a).approve(adjustment.hash)
    as_member(network, people.b).approve(adjustment.hash)
    assert network.state.get("proposals", adjustment.hash)["status"] == "approved"
    assert stock(network) == 2_880 + 500_000
    assert_a_fresh_replica_agrees(network, tmp_path)


def test_a_clock_ten_years_ahead_is_refused_and_a_year_by_year_chain_expires_nothing(network, people, tmp_path):
    adjustment = as_member(network, people.log).propose("stock.adjust", ADJUST, "container found")
    revocation = as_member(network, people.a).propose("member.revoke", {"key": people.field.public_key_hex,
                                                                         "reason": "misuse"}, "misuse")
    ten_years = next_entry(network, people.field, "proposal.open", {
        "action": "stock.adjust", "reason": "x", "body": {**ADJUST, "delta": -1}}, ts=revocation.ts + 10 * YEAR)
    report = network.receive([ten_years])
    assert [r.code for r in report.refused] == ["ts_ahead"]
    # the patient attacker: each entry at most 366 days after the last, ten of them
    chain: list[Entry] = []
    ts = revocation.ts
    for step in range(10):
        ts += YEAR - 1
        entry = next_entry(network, people.field, "proposal.open", {
            "action": "stock.adjust", "reason": f"step {step}", "body": {**ADJUST, "delta": -1}}, ts=ts,
            deps=[chain[-1].hash] if chain else [revocation.hash], **({"prev": chain[-1].hash} if chain else {}))
        assert network.receive([entry]).accepted == [entry], step
        chain.append(entry)
    assert network.state.tables["clock"]["MSF"]["ts"] == ts                    # its own organisation's clock moved
    for proposal in (adjustment, revocation):
        assert network.state.get("proposals", proposal.hash)["status"] == "open"   # governance time did not
    as_member(network, people.b).approve(revocation.hash)
    as_member(network, people.c).approve(revocation.hash)
    assert network.state.get("members", people.field.public_key_hex)["revoked"]
    assert_a_fresh_replica_agrees(network, tmp_path)


def test_a_revoked_owners_honest_entries_come_back_by_an_approved_pin(network, people, tmp_path):
    """The owner of a revoked key kept working in a partition before hearing of it; an approved
    `member.pin` re-admits those entries, which then take effect where they sort."""
    field_post = copy_of(network, tmp_path, "field-post", people.d)
    revocation = as_member(network, people.a).propose("member.revoke", {"key": people.d.public_key_hex,
                                                                         "reason": "lost contact"}, "lost contact")
    as_member(network, people.b).approve(revocation.hash)
    as_member(network, people.c).approve(revocation.hash)
    honest = field_post.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-9", "qty": 40,
                                                 "source": "UNICEF"})
    field_post.receive(list(network.entries_in_order()))
    assert field_post.state.get("ineffective", honest.hash)["code"] == "beyond_pin"
    repin = as_member(field_post, people.a).propose("member.pin", {"key": people.d.public_key_hex,
                                                                    "reason": "receipt confirmed by radio"},
                                                     "re-admit the Tete receipt")
    assert repin.body["body"]["seq"] == honest.seq
    as_member(field_post, people.b).approve(repin.hash)
    as_member(field_post, people.c).approve(repin.hash)
    assert field_post.state.get("stock", "DEP-1|water-5l|L-9")["qty"] == 40
    network.receive(list(field_post.entries_in_order()))
    assert network.state.digest() == field_post.state.digest()
    field_post.close()
