"""Peers that should get nothing, and peers that misbehave: refused or cut off, the replica unharmed."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import struct

from app.core import entry as entry_mod
from app.core.identity import Identity
from app.net import handshake as hs
from app.net import tls, wire
from app.net.events import Limits
from app.net.frames import decode_payload, encode_frame
from tests.net.conftest import Sites, converged, wait_until


async def _read(reader: asyncio.StreamReader, timeout: float = 10.0) -> dict | None:
    try:
        header = await asyncio.wait_for(reader.readexactly(4), timeout)
        (length,) = struct.unpack(">I", header)
        return decode_payload(await asyncio.wait_for(reader.readexactly(length), timeout))
    except (asyncio.IncompleteReadError, ConnectionError):
        return None


async def _rogue(port: int, identity: Identity, net: str | None, after_auth: list[bytes],
                 send_heads: bool = True) -> list[dict]:
    """Speak the protocol by hand as `identity`, then send raw bytes; return every message received."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=tls.client_context())
    hello = await _read(reader)
    cert = tls.peer_certificate_sha256(writer.get_extra_info("ssl_object"))
    binding = hs.Binding(cert, hs.new_nonce(), hello["nonce"], net)
    writer.write(encode_frame({"t": "auth", "v": hs.PROTOCOL_VERSION, "nonce": binding.client_nonce, "net": net,
                               "key": identity.public_key_hex, "name": "rogue",
                               "sig": hs.prove(identity, binding, "client")}))
    received = []
    first = await _read(reader)
    received.append(first)
    if first and first["t"] == "welcome":
        if send_heads:
            writer.write(encode_frame({"t": "heads", "heads": first["heads"]}))
        for chunk in after_auth:
            writer.write(chunk)
        await writer.drain()
        while (message := await _read(reader)) is not None:
            received.append(message)
    writer.close()
    return received


def rogue(sites_hq, identity: Identity, after_auth: list[bytes] = (), send_heads: bool = True) -> list[dict]:
    return asyncio.run(_rogue(sites_hq.port, identity, sites_hq.node.network_id, list(after_auth), send_heads))


def bye_of(messages: list[dict]) -> dict:
    byes = [m for m in messages if m and m["t"] == "bye"]
    assert byes, f"expected to be cut off, got {[m and m['t'] for m in messages]}"
    return byes[-1]


def test_a_key_that_is_not_a_member_gets_nothing_past_the_handshake(sites: Sites):
    hq = sites.hq().go_online()
    stranger = Identity.from_seed(b"stranger")
    messages = rogue(hq, stranger)
    assert [m["t"] for m in messages] == ["refused"]
    assert messages[0]["code"] == "not_member"
    assert "heads" not in messages[0] and "net" not in messages[0]
    wait_until(lambda: any("not_member" in e.message for e in hq.kinds("cut_off")), "the refusal in HQ's log")


def test_a_stranger_replica_that_dials_in_stays_empty(sites: Sites):
    hq = sites.hq()
    hq.node.append_many([("site.define", {"site": f"S{i}", "name": "x", "kind": "depot", "lat_e6": 0,
                                          "lon_e6": 0, "org": "WFP"}) for i in range(5)])
    hq.go_online()
    stranger = sites.replica("Stranger", Identity.from_seed(b"stranger")).go_online([hq])
    wait_until(lambda: any("not_member" in e.message for e in stranger.kinds("cut_off")), "the refusal")
    assert stranger.node.entry_count() == 1


def test_a_proof_made_for_another_session_is_refused(sites: Sites, cast):
    hq = sites.hq().go_online()

    async def replay() -> dict | None:
        reader, writer = await asyncio.open_connection("127.0.0.1", hq.port, ssl=tls.client_context())
        hello = await _read(reader)
        wrong = hs.Binding("00" * 32, hs.new_nonce(), hello["nonce"], hq.node.network_id)
        writer.write(encode_frame({"t": "auth", "v": 1, "nonce": wrong.client_nonce, "net": wrong.net,
                                   "key": cast.logistics.public_key_hex,
                                   "sig": hs.prove(cast.logistics, wrong, "client")}))
        return await _read(reader)

    answer = asyncio.run(replay())
    assert answer is not None and answer["t"] == "bye" and answer["code"] == "bad_proof"
    assert hq.node.entry_count() == 5


def test_a_tampered_entry_is_refused_and_its_sender_cut_off(sites: Sites, cast):
    hq = sites.hq().go_online()
    before = hq.digest()
    genuine = entry_mod.create(cast.logistics, net=hq.node.network_id, seq=1, prev=None,
                               deps=[hq.node.heads()[cast.commander.public_key_hex][1]], lamport=10, ts=1,
                               type="site.define", body={"site": "X", "name": "x", "kind": "depot", "lat_e6": 0,
                                                         "lon_e6": 0, "org": "WFP"})
    tampered = wire.entry_to_wire(genuine)
    tampered["raw"] = tampered["raw"].replace('"site":"X"', '"site":"Y"')
    messages = rogue(hq, cast.logistics, [encode_frame({"t": "entries", "entries": [tampered]})])
    bye = bye_of(messages)
    assert bye["code"] == "invalid_entry" and "bad_signature" in bye["message"]
    assert hq.digest() == before and hq.node.entry_count() == 5
    again = rogue(hq, cast.logistics)
    assert again[0]["t"] == "refused" and again[0]["code"] == "cooldown"


def test_an_entry_by_a_key_outside_the_network_is_refused_and_cut_off(sites: Sites, cast):
    hq = sites.hq().go_online()
    forger = Identity.from_seed(b"forger")
    _seq, head, lamport = hq.node.heads()[cast.commander.public_key_hex]
    forged = entry_mod.create(forger, net=hq.node.network_id, seq=1, prev=None, deps=[head], lamport=lamport + 1, ts=1,
                              type="stock.receive", body={"site": "DEP-1", "item": "water-5l", "lot": "L1",
                                                          "qty": 1_000_000, "source": "nowhere"})
    messages = rogue(hq, cast.field, [encode_frame({"t": "entries", "entries": [wire.entry_to_wire(forged)]})])
    assert "not_member" in bye_of(messages)["message"]
    assert hq.node.read(lambda s: s.tables["stock"]) == {}


def test_garbage_oversized_and_unknown_frames_cut_the_peer_off(sites: Sites, cast):
    hq = sites.hq().go_online(limits=Limits(cooldown_after_cut=0.0))
    garbage = struct.pack(">I", 8) + b"\xff\xfenot js"
    assert bye_of(rogue(hq, cast.logistics, [garbage]))["code"] == "malformed_frame"
    huge = struct.pack(">I", 512 * 1024 * 1024)
    assert bye_of(rogue(hq, cast.logistics, [huge]))["code"] == "frame_too_large"
    unknown = encode_frame({"t": "gimme-all-keys"})
    assert bye_of(rogue(hq, cast.logistics, [unknown]))["code"] == "unknown_message"
    too_many = encode_frame({"t": "entries", "entries": [{}] * 1001})
    assert bye_of(rogue(hq, cast.logistics, [too_many]))["code"] == "too_many_entries"
    bad_heads = encode_frame({"t": "heads", "heads": {"me": -1}})
    assert bye_of(rogue(hq, cast.logistics, [bad_heads]))["code"] == "malformed_frame"
    assert hq.node.entry_count() == 5


def test_a_peer_that_stalls_inside_a_frame_or_goes_silent_is_cut_off(sites: Sites, cast):
    hq = sites.hq().go_online(limits=Limits(body_timeout=0.3, idle_timeout=0.6, ping_interval=60,
                                            cooldown_after_cut=0.0))
    half = struct.pack(">I", 100) + b'{"t":'
    assert bye_of(rogue(hq, cast.logistics, [half]))["code"] == "stalled"
    assert bye_of(rogue(hq, cast.logistics, []))["code"] == "timeout"
    lena = sites.replica("Lena", cast.logistics).go_online([hq])
    wait_until(lambda: converged(hq, lena), "an honest peer to sync afterwards")


def test_a_revoked_member_is_disconnected_and_refused(sites: Sites, cast):
    hq = sites.hq().go_online()
    lena = sites.replica("Lena", cast.logistics).go_online([hq])
    wait_until(lambda: converged(hq, lena), "first sync")
    hq.node.propose("member.revoke", {"key": cast.logistics.public_key_hex, "reason": "laptop stolen"},
                    "Lena's laptop was stolen")
    wait_until(lambda: any("revoked" in e.message for e in hq.kinds("cut_off")), "the revoked peer to be cut off")
    wait_until(lambda: any("not_member" in e.message for e in lena.kinds("cut_off")),
               "the revoked peer's redial to be refused")
    assert cast.logistics.public_key_hex not in hq.runner.call(lambda: dict(hq.runner.service.sessions))


def test_a_relay_with_a_different_certificate_cannot_reuse_a_members_proof():
    binding = hs.Binding("aa" * 32, "01" * 32, "02" * 32, "ff" * 32)
    member = Identity.from_seed(b"member")
    proof = hs.prove(member, binding, "client")
    assert hs.check_proof(binding, "client", member.public_key_hex, proof) == member.public_key_hex
    relayed = dataclasses.replace(binding, cert_sha256="bb" * 32)
    for other in (relayed, dataclasses.replace(binding, server_nonce="03" * 32)):
        try:
            hs.check_proof(other, "client", member.public_key_hex, proof)
        except Exception as exc:  # noqa: BLE001 - any failure must be the one refusal named below
            assert getattr(exc, "code", "") == "bad_proof"
        else:
            raise AssertionError("a proof verified for a session it was not made for")
    assert json.dumps(binding.__dict__)
