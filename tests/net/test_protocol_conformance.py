"""docs/PROTOCOL.md checked against the node: a peer written by hand from the document, frame by frame.

Each scenario is one rule of §4 (handshake), §5 (leaving, duplicates) and §7 (codes and cooldown) as an
operator would meet it: a stranger, a joiner, a peer on another version, a member who leaves, a member who
dials twice.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.core.identity import Identity
from app.net import handshake as hs
from app.net import tls
from app.net.frames import encode_frame
from app.net.service import COOLDOWN_CODES, JoinProfile
from app.node import Node
from tests.net.conftest import Site, Sites, converged, wait_until
from tests.net.rawpeer import RawPeer


def kinds(messages: list[dict]) -> list[tuple[str, str | None]]:
    return [(m["t"], m.get("code")) for m in messages]


def test_a_stranger_is_refused_then_told_bye_with_the_same_code_and_learns_nothing(sites: Sites):
    hq = sites.hq().go_online()

    async def stranger() -> list[dict]:
        peer = await RawPeer.connect(hq.port)
        first = await peer.auth(Identity.from_seed(b"stranger"), hq.node.network_id)
        return [first, *await peer.read_until_closed()]

    messages = asyncio.run(stranger())
    assert kinds(messages) == [("refused", "not_member"), ("bye", "not_member")]
    assert not any(k in m for m in messages for k in ("heads", "net", "hashes", "entries"))


def test_a_joiner_gets_pending_with_the_nodes_proof_then_bye_join_pending(sites: Sites):
    hq = sites.hq().go_online()
    joiner = Identity.from_seed(b"vehicle-9")

    async def join() -> tuple[list[dict], hs.Binding]:
        peer = await RawPeer.connect(hq.port)
        first = await peer.auth(joiner, None, join={"name": "Vehicle 9", "org": "MSF"})
        assert peer.binding is not None
        return [first, *await peer.read_until_closed()], peer.binding

    messages, binding = asyncio.run(join())
    assert kinds(messages) == [("pending", None), ("bye", "join_pending")]
    pending = messages[0]
    assert hs.check_proof(binding, "server", pending["key"], pending["sig"]) == hq.node.identity.public_key_hex
    assert pending["network"] == hq.node.network["name"] and "net" not in pending and "heads" not in pending
    wait_until(lambda: hq.runner.join_requests(), "the join request to be listed at HQ")
    assert hq.runner.join_requests()[0].name == "Vehicle 9"


def test_a_bad_proof_is_answered_bye_bad_proof_and_does_not_lock_the_claimed_member_out(sites: Sites, cast):
    """Anyone can claim Lena's key with a wrong proof; that must not keep Lena herself out for a minute."""
    hq = sites.hq().go_online()
    assert "bad_proof" not in COOLDOWN_CODES

    async def impostor_then_lena() -> tuple[list[dict], dict | None]:
        impostor = await RawPeer.connect(hq.port)
        hello = await impostor.read()
        assert hello is not None
        binding = hs.Binding(impostor.certificate, hs.new_nonce(), hello["nonce"], hq.node.network_id)
        forged = hs.prove(Identity.from_seed(b"impostor"), binding, "client")
        await impostor.send({"t": "auth", "v": 1, "nonce": binding.client_nonce, "net": binding.net,
                             "key": cast.logistics.public_key_hex, "name": "Lena?", "sig": forged})
        answered = await impostor.read_until_closed()
        lena = await RawPeer.connect(hq.port)
        welcome = await lena.auth(cast.logistics, hq.node.network_id)
        await lena.close()
        return answered, welcome

    answered, welcome = asyncio.run(impostor_then_lena())
    assert kinds(answered) == [("bye", "bad_proof")]
    assert welcome is not None and welcome["t"] == "welcome"


def test_another_protocol_version_is_refused_with_bye_version_before_any_proof_and_without_cooldown(sites: Sites,
                                                                                                     cast):
    hq = sites.hq().go_online()

    async def future_peer() -> tuple[list[dict], dict | None]:
        peer = await RawPeer.connect(hq.port)
        first = await peer.auth(cast.logistics, hq.node.network_id, version=2)
        answered = [first, *await peer.read_until_closed()]
        again = await RawPeer.connect(hq.port)
        welcome = await again.auth(cast.logistics, hq.node.network_id)
        await again.close()
        return answered, welcome

    answered, welcome = asyncio.run(future_peer())
    assert kinds(answered) == [("bye", "version")]
    assert welcome is not None and welcome["t"] == "welcome"


def test_a_node_dialling_a_server_of_another_version_says_bye_version_without_proving_itself(sites: Sites):
    hq = sites.hq()

    async def future_server() -> list[dict]:
        heard: list[dict] = []
        done = asyncio.Event()

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            peer = RawPeer(reader, writer)
            await peer.send({"t": "hello", "v": 2, "nonce": hs.new_nonce()})
            heard.extend(await peer.read_until_closed(timeout=5.0))
            done.set()

        server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=tls.server_context(tls.make_certificate()))
        port = server.sockets[0].getsockname()[1]
        await asyncio.to_thread(hq.go_online)
        hq.runner.add_peer("127.0.0.1", port)
        await asyncio.wait_for(done.wait(), 20)
        server.close()
        return heard

    assert kinds(asyncio.run(future_server())) == [("bye", "version")]


def test_a_member_who_says_bye_is_answered_bye_peer_left_and_may_come_straight_back(sites: Sites, cast):
    hq = sites.hq().go_online()

    async def leave_and_return() -> tuple[list[dict], dict | None]:
        peer = await RawPeer.connect(hq.port)
        welcome = await peer.auth(cast.logistics, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        await peer.send({"t": "heads", "heads": welcome["heads"]})
        await peer.send({"t": "bye", "code": "stopping", "message": "going off shift"})
        answered = [m for m in await peer.read_until_closed() if m["t"] == "bye"]
        again = await RawPeer.connect(hq.port)
        back = await again.auth(cast.logistics, hq.node.network_id)
        await again.close()
        return answered, back

    answered, back = asyncio.run(leave_and_return())
    assert kinds(answered) == [("bye", "peer_left")]
    assert back is not None and back["t"] == "welcome"
    assert not hq.kinds("cut_off")


def test_a_node_that_shuts_down_tells_its_peers_bye_stopping(sites: Sites, cast):
    hq = sites.hq().go_online()

    async def stay_until_hq_leaves() -> list[dict]:
        peer = await RawPeer.connect(hq.port)
        welcome = await peer.auth(cast.logistics, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        await peer.send({"t": "heads", "heads": welcome["heads"]})
        await asyncio.to_thread(hq.go_offline)
        return [m for m in await peer.read_until_closed() if m["t"] == "bye"]

    assert kinds(asyncio.run(stay_until_hq_leaves())) == [("bye", "stopping")]


def test_a_second_session_dialled_by_the_same_member_is_closed_as_duplicate_and_the_first_carries_on(sites: Sites,
                                                                                                    cast):
    hq = sites.hq().go_online()

    async def dial_twice() -> tuple[list[dict], dict | None]:
        first = await RawPeer.connect(hq.port)
        welcome = await first.auth(cast.logistics, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        await first.send({"t": "heads", "heads": welcome["heads"]})
        second = await RawPeer.connect(hq.port)
        answered = [await second.auth(cast.logistics, hq.node.network_id), *await second.read_until_closed()]
        await first.send({"t": "ping"})
        pong = await first.read_until("pong")
        await first.close()
        return answered, pong

    answered, pong = asyncio.run(dial_twice())
    assert kinds(answered) == [("welcome", None), ("bye", "duplicate")]
    assert pong is not None
    assert not hq.kinds("cut_off")


def test_a_fault_of_a_proven_member_cools_its_key_down_and_the_refusal_ends_with_bye_cooldown(sites: Sites, cast):
    hq = sites.hq().go_online()

    async def misbehave_then_retry() -> tuple[list[dict], list[dict]]:
        peer = await RawPeer.connect(hq.port)
        welcome = await peer.auth(cast.logistics, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        peer.writer.write(encode_frame({"t": "gimme-all-keys"}))
        cut = [m for m in await peer.read_until_closed() if m["t"] == "bye"]
        again = await RawPeer.connect(hq.port)
        refused = [await again.auth(cast.logistics, hq.node.network_id), *await again.read_until_closed()]
        return cut, refused

    cut, refused = asyncio.run(misbehave_then_retry())
    assert kinds(cut) == [("bye", "unknown_message")]
    assert kinds(refused) == [("refused", "cooldown"), ("bye", "cooldown")]


def test_the_cooldown_codes_are_exactly_the_faults_a_proven_key_can_commit():
    assert COOLDOWN_CODES == {"malformed_frame", "frame_too_large", "too_many_entries", "unknown_message",
                              "invalid_entry", "timeout", "stalled"}


def depot(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": f"Depot {code}", "kind": "depot", "lat_e6": -19_800_000,
                            "lon_e6": 34_800_000, "org": "WFP"})


def admitted_vehicle_and_a_copy_held_by(sites: Sites, tmp_path: Path, holder: Identity,
                                        admit_holder: bool) -> tuple[Site, Site]:
    """HQ (offline) admits Vehicle 3 (and the holder, if asked) after thousands of entries; `holder` serves
    a full copy of the ledger."""
    hq = sites.hq()
    hq.node.append_many([depot(f"D{i}") for i in range(2500)])
    if admit_holder:
        hq.node.propose("member.add", {"key": holder.public_key_hex, "org": "WFP", "name": "Beira depot",
                                      "roles": ["field"]}, "fingerprints compared")
    vehicle_key = Identity.from_seed(b"vehicle-3")
    hq.node.propose("member.add", {"key": vehicle_key.public_key_hex, "org": "MSF", "name": "Vehicle 3",
                                  "roles": ["field"]}, "fingerprints compared over the radio")
    server = Site("Server", Node.create_joining(tmp_path / "server", holder, display_name="Server"))
    sites.all.append(server)
    server.node.receive(list(hq.node.entries_in_order()))
    vehicle = Site("Vehicle 3", Node.create_joining(tmp_path / "vehicle", vehicle_key, display_name="Vehicle 3"))
    sites.all.append(vehicle)
    return server.go_online(), vehicle


def test_a_joiner_with_no_replica_catches_up_from_a_member_admitted_late_in_the_ledger(sites: Sites,
                                                                                        tmp_path: Path):
    """Beira's depot was admitted after 2,500 entries: a joiner cannot know that until it holds them."""
    server, vehicle = admitted_vehicle_and_a_copy_held_by(sites, tmp_path, Identity.from_seed(b"beira-depot"),
                                                          admit_holder=True)
    vehicle.go_online([server], join=JoinProfile("Vehicle 3", "MSF"))
    wait_until(lambda: converged(server, vehicle), "the joiner to catch up from Beira")
    assert not vehicle.kinds("cut_off") and not server.kinds("cut_off")


def test_a_joiner_served_by_a_key_that_is_not_a_member_ends_the_session_once_it_holds_the_ledger(sites: Sites,
                                                                                                 tmp_path: Path):
    """Someone outside the network replays a copy of it: the signed entries are the network's, the server is not."""
    server, vehicle = admitted_vehicle_and_a_copy_held_by(sites, tmp_path, Identity.from_seed(b"outsider"),
                                                          admit_holder=False)
    vehicle.go_online([server], join=JoinProfile("Vehicle 3", "MSF"))
    wait_until(lambda: any("not_member" in e.message for e in vehicle.kinds("cut_off")),
               "the joiner to end the session with not_member")
    assert vehicle.node.entry_count() == server.node.entry_count()
    assert not [e for e in vehicle.kinds("cut_off") if "revoked" in e.message]


def test_a_dialler_that_gives_up_with_bye_instead_of_auth_is_not_blamed(sites: Sites):
    hq = sites.hq().go_online()

    async def give_up() -> list[dict]:
        peer = await RawPeer.connect(hq.port)
        assert (await peer.read()) is not None
        await peer.send({"t": "bye", "code": "version", "message": "this peer speaks version 2 only"})
        return await peer.read_until_closed()

    asyncio.run(give_up())
    wait_until(lambda: not hq.runner.call(lambda: hq.runner.service._handshaking), "HQ to end the handshake")
    assert not hq.kinds("cut_off")


def test_a_server_that_refuses_with_bye_during_the_handshake_is_reported_with_its_code(sites: Sites):
    hq = sites.hq()

    async def refusing_server() -> None:
        done = asyncio.Event()

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            peer = RawPeer(reader, writer)
            await peer.send({"t": "hello", "v": 1, "nonce": hs.new_nonce()})
            await peer.read()
            await peer.send({"t": "bye", "code": "bad_proof", "message": "your proof does not verify"})
            await peer.read_until_closed(timeout=5.0)
            done.set()

        server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=tls.server_context(tls.make_certificate()))
        await asyncio.to_thread(hq.go_online)
        hq.runner.add_peer("127.0.0.1", server.sockets[0].getsockname()[1])
        await asyncio.wait_for(done.wait(), 20)
        server.close()

    asyncio.run(refusing_server())
    wait_until(lambda: hq.kinds("cut_off"), "HQ to report the refusal")
    assert [e.message.split(":")[0] for e in hq.kinds("cut_off")][:1] == ["bad_proof"]


def test_discovery_does_not_report_an_advert_of_a_version_this_node_does_not_speak(monkeypatch):
    """§9: a node never dials an instance whose `pv` it does not speak; it does dial one of version 1."""
    from app.net import discovery as discovery_mod

    adverts = {"Future HQ": {"pv": "2", "fp": "AAAA-BBBB-CCCC-DDDD", "net": "ab" * 8},
               "HQ": {"pv": "1", "fp": "EEEE-FFFF-GGGG-HHHH", "net": "ab" * 8}}

    class Advert:
        def __init__(self, service_type: str, name: str) -> None:
            self.decoded_properties = adverts[name]
            self.port = 47474

        async def async_request(self, zeroconf: object, timeout_ms: int) -> bool:
            return True

        def parsed_addresses(self, version: object) -> list[str]:
            return ["127.0.0.1"]

    monkeypatch.setattr(discovery_mod, "AsyncServiceInfo", Advert)
    found: list[str] = []
    finder = discovery_mod.Discovery(port=1, fingerprint="ZZZZ-ZZZZ-ZZZZ-ZZZZ", display_name="Vehicle",
                                     network_id="ab" * 32, network_name="Tabletop", interfaces=["127.0.0.1"],
                                     on_found=lambda host, port, props: found.append(props["fp"]),
                                     on_lost=lambda name: None)
    finder.zeroconf = type("Zeroconf", (), {"zeroconf": None})()  # type: ignore[assignment]  # a stand-in: no socket

    async def resolve_both() -> None:
        for name in adverts:
            await finder._resolve(name)

    asyncio.run(resolve_both())
    assert found == ["EEEE-FFFF-GGGG-HHHH"]
