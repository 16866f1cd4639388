"""An exercise beside live operations: the training network and the real one never exchange an entry.

A trainer runs a tabletop exercise in the same building as a live command centre, on the same LAN and the same
software. Whatever an operator does (types the other node's address, carries the wrong USB stick, joins the wrong
network), no exercise entry reaches the live replica and no live entry reaches the exercise, each node says why in
its log once, and nobody is treated as a faulty peer (docs/PROTOCOL.md §2, §4, §7, §8).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.net import handshake as hs
from app.net.bundle import BundleError, export_bundle, import_bundle
from app.net.discovery import Discovery
from app.net.events import EventKind, Limits
from app.net.service import JoinProfile, SyncService
from app.node import Node
from tests.net.conftest import Site, Sites, wait_until
from tests.net.rawpeer import RawPeer

# A shortest redial of 10 ms and a longest of an hour: a node that retried a refusal quickly would dial dozens of
# times while the test watches; one that waits its longest interval dials once.
PATIENT = Limits(redial_min=0.01, redial_max=3600.0)


def depot(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": code, "kind": "depot", "lat_e6": -19_800_000,
                            "lon_e6": 34_800_000, "org": "INGD"})


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Node]:
    """The real operation's command centre: a live network with a depot of its own."""
    node = Node.create_network(tmp_path / "live", Identity.from_seed(b"live commander"), name="Idai response",
                               kind="live", org="INGD", display_name="EOC Beira")
    node.append_many([depot("LIVE-DEPOT")])
    yield node
    node.close()


def apart_events(site: Site) -> list:
    return site.kinds(EventKind.OTHER_NETWORK)


def test_a_live_node_dialling_an_exercise_node_by_address_is_refused_and_both_say_why_once(sites: Sites, live: Node):
    exercise = sites.hq()   # the `network` fixture: the trainer's exercise network
    before = (exercise.node.entry_count(), live.entry_count())
    exercise.go_online(limits=PATIENT)
    real = Site("EOC Beira", live)
    sites.all.append(real)
    real.go_online([exercise], limits=PATIENT)
    wait_until(lambda: apart_events(exercise) and apart_events(real), "both nodes to log the refusal")
    time.sleep(1.0)   # a node that retried quickly would dial again many times within this second
    for site, own, other in ((exercise, "an exercise network", "a live network"),
                             (real, "a live network", "an exercise network")):
        told = apart_events(site)
        assert len(told) == 1, [e.line() for e in site.events]
        assert told[0].code == "exercise_vs_live"
        assert own in told[0].message and other in told[0].message, told[0].message
        assert "never exchange entries" in told[0].message
        assert not site.kinds(EventKind.CUT_OFF) and not site.kinds(EventKind.CONNECTED)
        assert site.runner is not None and site.runner.service is not None
        assert site.runner.service.cooldown == {}   # not a fault: nobody is cooled down
    assert (exercise.node.entry_count(), live.entry_count()) == before
    target = next(iter(real.runner.service.targets.values()))
    assert target.last_error == "exercise_vs_live"


def test_two_live_networks_meeting_are_told_apart_as_another_network_not_as_a_fault(tmp_path: Path, live: Node):
    other = Node.create_network(tmp_path / "other", Identity.from_seed(b"other agency"), name="Flood response",
                                kind="live", org="WFP", display_name="WFP hub")
    a, b = Site("EOC Beira", live), Site("WFP hub", other)
    try:
        a.go_online(limits=PATIENT)
        b.go_online([a], limits=PATIENT)
        wait_until(lambda: apart_events(a) and apart_events(b), "both nodes to log the refusal")
        assert [e.code for e in apart_events(a)] == ["wrong_network"] == [e.code for e in apart_events(b)]
        assert not a.kinds(EventKind.CUT_OFF) and not b.kinds(EventKind.CUT_OFF)
    finally:
        b.go_offline()
        a.go_offline()
        other.close()


def test_a_joiner_asking_for_a_live_network_is_refused_by_an_exercise_node_and_leaves_no_join_request(
        sites: Sites, tmp_path: Path):
    exercise = sites.hq().go_online(limits=PATIENT)
    joiner = Site("New desk", Node.create_joining(tmp_path / "desk", Identity.from_seed(b"new desk")))
    sites.all.append(joiner)
    joiner.go_online([exercise], limits=PATIENT, join=JoinProfile("New desk", "WFP", kind="live"))
    wait_until(lambda: apart_events(joiner) and apart_events(exercise), "the joiner to be refused")
    assert apart_events(joiner)[0].code == "exercise_vs_live"
    assert "asked for a live network" in apart_events(joiner)[0].message
    assert exercise.runner is not None and exercise.runner.service is not None
    assert exercise.runner.service.join_requests == {}
    assert not joiner.node.has_network


def test_a_joiner_asking_for_an_exercise_network_is_noted_as_usual(sites: Sites, tmp_path: Path):
    exercise = sites.hq().go_online(limits=PATIENT)
    joiner = Site("Player cell", Node.create_joining(tmp_path / "player", Identity.from_seed(b"player")))
    sites.all.append(joiner)
    joiner.go_online([exercise], limits=PATIENT, join=JoinProfile("Player cell", "WFP", kind="exercise"))
    assert exercise.runner is not None and exercise.runner.service is not None
    service = exercise.runner.service
    wait_until(lambda: len(service.join_requests) == 1, "the join request")
    assert not apart_events(exercise) and not apart_events(joiner)


def test_an_entry_of_the_live_network_is_refused_by_the_exercise_replica_at_validation(network: Node, live: Node):
    count = network.entry_count()
    outcome = network.receive(list(live.entries_in_order()))
    assert outcome.accepted == []
    assert {r.code for r in outcome.refused} == {"wrong_network"}
    assert network.entry_count() == count


def test_a_bundle_from_the_exercise_is_refused_by_the_live_replica_with_both_kinds_named(
        network: Node, live: Node, tmp_path: Path):
    stick = tmp_path / "exercise.rlb"
    export_bundle(network, stick)
    count = live.entry_count()
    with pytest.raises(BundleError) as refused:
        import_bundle(live, stick)
    assert refused.value.code == "exercise_vs_live"
    assert "a bundle of an exercise network ('Tabletop'" in str(refused.value)
    assert "this replica is a live network ('Idai response'" in str(refused.value)
    assert "nothing was imported" in str(refused.value)
    assert live.entry_count() == count


def test_a_bundle_from_the_live_network_is_refused_by_the_exercise_replica(network: Node, live: Node, tmp_path: Path):
    stick = tmp_path / "live.rlb"
    export_bundle(live, stick)
    count = network.entry_count()
    with pytest.raises(BundleError, match="a bundle of a live network .* this replica is an exercise network") \
            as refused:
        import_bundle(network, stick)
    assert refused.value.code == "exercise_vs_live"
    assert network.entry_count() == count


def test_discovery_advertises_the_kind_and_never_dials_an_advert_of_the_other_kind(network: Node):
    advert = Discovery(port=47474, fingerprint="MK6W-PQYR-7R6M-HVCE", display_name="Exercise control",
                       network_id=network.network_id, network_name="Tabletop", network_kind="exercise",
                       interfaces=["10.77.0.1"], on_found=lambda *a: None, on_lost=lambda n: None)
    assert advert.properties()["kind"] == "exercise"
    service = SyncService(network, display_name="Exercise control", port=0)
    told = []
    service.on_event = told.append
    live_advert = {"pv": "1", "net": "ab" * 8, "fp": "AAAA-BBBB-CCCC-DDDD", "name": "EOC Beira",
                   "nn": "Idai response", "kind": "live", "instance": "EOC Beira AAAA-BBBB._relief-ledger._tcp.local."}
    service._found("10.77.0.9", 47474, live_advert)
    service._found("10.77.0.9", 47474, live_advert)   # seen again at the next browse: not told again
    assert service.targets == {}
    assert [(e.kind, e.code) for e in told] == [(EventKind.OTHER_NETWORK, "exercise_vs_live")]
    assert "a live network ('Idai response')" in told[0].message and "not dialled" in told[0].message
    # an advert that names this network's prefix but the other kind (forged, or a node gone wrong) is not dialled
    service._found("10.77.0.10", 47474, {**live_advert, "net": network.network_id[:16],
                                         "instance": "Forged._relief-ledger._tcp.local."})
    assert service.targets == {}


def test_a_peer_written_from_the_document_gets_refused_then_bye_with_exercise_vs_live_or_wrong_network(sites: Sites):
    exercise = sites.hq().go_online(limits=PATIENT)
    live_net = "5e" * 32   # some live network's id

    async def knock(kind: str | None) -> list[dict]:
        peer = await RawPeer.connect(exercise.port)
        hello = await peer.read()
        assert hello is not None and hello["t"] == "hello"
        binding = hs.Binding(peer.certificate, hs.new_nonce(), hello["nonce"], live_net)
        identity = Identity.from_seed(b"live eoc")
        auth = {"t": "auth", "v": 1, "nonce": binding.client_nonce, "net": live_net, "key": identity.public_key_hex,
                "name": "EOC Beira", "sig": hs.prove(identity, binding, "client")}
        await peer.send(auth if kind is None else {**auth, "kind": kind})
        return await peer.read_until_closed()

    told = asyncio.run(knock("live"))
    assert [(m["t"], m.get("code")) for m in told] == [("refused", "exercise_vs_live"), ("bye", "exercise_vs_live")]
    assert "this node serves an exercise network and you asked for a live network" in told[0]["message"]
    assert not any(k in m for m in told for k in ("heads", "net", "hashes", "entries", "kind"))
    for kind in (None, "exercise", "a kind nobody defined"):   # an older peer, the same kind, nonsense: another network
        assert [(m["t"], m.get("code")) for m in asyncio.run(knock(kind))] == [("refused", "wrong_network"),
                                                                               ("bye", "wrong_network")]


def test_a_node_that_says_exercise_but_serves_a_live_genesis_gets_nothing_stored_by_an_exercise_joiner(
        tmp_path: Path, monkeypatch):
    player = Identity.from_seed(b"player cell")
    live = Node.create_network(tmp_path / "live", Identity.from_seed(b"live eoc"), name="Idai response", kind="live",
                               org="INGD", display_name="EOC Beira",
                               members=[{"key": player.public_key_hex, "org": "WFP", "name": "Player cell",
                                         "roles": ["logistics"]}])
    # the live node misreports its kind (a modified or broken peer): only the genesis can be trusted on it
    monkeypatch.setattr("app.net.session._own_kind", lambda node: "exercise")
    server = Site("EOC Beira", live)
    joiner = Site("Player cell", Node.create_joining(tmp_path / "player", player))
    try:
        server.go_online(limits=PATIENT)
        joiner.go_online([server], limits=PATIENT, join=JoinProfile("Player cell", "WFP", kind="exercise"))
        wait_until(lambda: apart_events(joiner), "the joiner to refuse the live genesis")
        assert apart_events(joiner)[0].code == "exercise_vs_live"
        assert "genesis founds a live network" in apart_events(joiner)[0].message
        assert not joiner.node.has_network and joiner.node.entry_count() == 0
    finally:
        joiner.go_offline()
        server.go_offline()
        joiner.node.close()
        live.close()
