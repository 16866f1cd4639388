"""Proof that an author signed two branches travels to every center at once, and after what it depends on."""

from __future__ import annotations

import asyncio

from app.core.entry import Entry
from app.core.identity import Identity
from app.net import wire
from tests.net.conftest import Site, Sites, converged, wait_until
from tests.net.rawpeer import RawPeer, eventually


def depot(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": f"Depot {code}", "kind": "depot", "lat_e6": -19_800_000,
                            "lon_e6": 34_800_000, "org": "WFP"})


def two_devices_of(sites: Sites, who: Identity, hq: Site) -> tuple[Site, Site]:
    """Lena's laptop and Lena's phone, both holding HQ's ledger, never online: her key on two devices."""
    laptop, phone = sites.replica("Lena's laptop", who), sites.replica("Lena's phone", who)
    for device in (laptop, phone):
        device.node.receive(list(hq.node.entries_in_order()))
    return laptop, phone


def flagged(site: Site, key: str) -> bool:
    return key in site.node.read(lambda s: s.equivocators)


def test_an_equivocation_found_at_hq_reaches_every_connected_center_without_new_sessions(sites: Sites, cast):
    hq = sites.hq().go_online()
    laptop, phone = two_devices_of(sites, cast.logistics, hq)
    from_laptop = laptop.node.append(*depot("FROM-LAPTOP"))
    from_phone = phone.node.append(*depot("FROM-PHONE"))
    hq.node.receive([from_laptop])
    beira = sites.replica("Beira", cast.field).go_online([hq])
    chimoio = sites.replica("Chimoio", cast.observer).go_online([hq, beira])
    wait_until(lambda: converged(hq, beira, chimoio), "three centers to hold the laptop's branch")
    wait_until(lambda: len(chimoio.kinds("connected")) == 2, "Chimoio to be linked to HQ and Beira")
    links = {site.name: len(site.kinds("connected")) for site in (hq, beira, chimoio)}

    report = hq.node.receive([from_phone])  # e.g. the phone's bundle imported at HQ
    assert report.evidence == [from_phone]

    key = cast.logistics.public_key_hex
    wait_until(lambda: flagged(beira, key) and flagged(chimoio, key), "both centers to hold the evidence")
    wait_until(lambda: converged(hq, beira, chimoio), "one state digest with the author flagged everywhere")
    assert {site.name: len(site.kinds("connected")) for site in (hq, beira, chimoio)} == links
    assert not [e for site in (hq, beira, chimoio) for e in site.events if e.kind == "cut_off"]


def test_a_fresh_replica_catching_up_from_hq_also_gets_the_evidence_hq_holds(sites: Sites, cast):
    hq = sites.hq()
    hq.node.append_many([depot(f"D{i}") for i in range(30)])
    laptop, phone = two_devices_of(sites, cast.logistics, hq)
    from_laptop = laptop.node.append(*depot("FROM-LAPTOP"))
    phone.node.append_many([depot(f"PHONE-{i}") for i in range(3)])
    from_phone = phone.node.append(*depot("FROM-PHONE"))
    hq.node.receive([from_laptop])
    hq.node.receive(list(phone.node.entries_in_order()))
    assert flagged(hq, cast.logistics.public_key_hex)
    hq.go_online()

    newcomer = sites.replica("Newcomer", cast.field).go_online([hq])
    wait_until(lambda: flagged(newcomer, cast.logistics.public_key_hex), "the newcomer to hold the evidence")
    wait_until(lambda: converged(hq, newcomer), "the newcomer to reach HQ's state digest")
    assert newcomer.holds(from_laptop.hash) or newcomer.holds(from_phone.hash)
    assert not [e for e in hq.events + newcomer.events if e.kind == "cut_off"]


def test_evidence_that_arrives_before_what_it_depends_on_is_kept_until_that_arrives(sites: Sites, cast):
    """A relay (Femi) forwards the phone's branch first and the entry it depends on second."""
    hq = sites.hq()
    laptop, phone = two_devices_of(sites, cast.logistics, hq)
    femi = sites.replica("Femi", cast.field)
    femi.node.receive(list(hq.node.entries_in_order()))
    from_femi = femi.node.append("request.open", {"request": "R-FEMI", "site": "SHL-1", "item": "water-5l",
                                                  "qty": 40, "priority": "high", "needed_by_ms": 1_767_300_000_000})
    phone.node.receive([from_femi])
    from_phone = phone.node.append(*depot("FROM-PHONE"))
    assert from_femi.hash in from_phone.deps
    from_laptop = laptop.node.append(*depot("FROM-LAPTOP"))
    hq.node.receive([from_laptop])
    hq.go_online()
    key = cast.logistics.public_key_hex

    async def relay() -> None:
        peer = await RawPeer.connect(hq.port)
        welcome = await peer.auth(cast.field, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        await peer.send({"t": "heads", "heads": welcome["heads"]})
        await peer.send({"t": "evidence", "entries": [wire.entry_to_wire(from_phone)]})
        await peer.send({"t": "entries", "entries": [wire.entry_to_wire(from_femi)]})
        await eventually(lambda: flagged(hq, key), "HQ to place the evidence once its dependency arrived")
        await peer.close()

    asyncio.run(relay())
    assert hq.holds(from_femi.hash) and [row.hash for row in hq.node.store.evidence_rows()] == [from_phone.hash]


def test_evidence_is_sent_after_the_entries_it_depends_on(sites: Sites, cast):
    """What a peer that checks every frame in order sees: no evidence names an entry not yet sent."""
    hq = sites.hq()
    laptop, phone = two_devices_of(sites, cast.logistics, hq)
    laptop.node.append(*depot("FROM-LAPTOP"))
    phone.node.append_many([depot(f"PHONE-{i}") for i in range(3)])
    hq.node.receive(list(laptop.node.entries_in_order()))
    hq.node.receive(list(phone.node.entries_in_order()))
    hq.go_online()
    genesis = next(iter(hq.node.entries_in_order()))

    async def newcomer() -> list[tuple[str, list[Entry]]]:
        peer = await RawPeer.connect(hq.port)
        welcome = await peer.auth(cast.field, hq.node.network_id)
        assert welcome is not None and welcome["t"] == "welcome"
        await peer.send({"t": "heads", "heads": {genesis.author: 1}, "hashes": {genesis.author: genesis.hash}})
        frames = []
        while (message := await peer.read(timeout=2.0)) is not None:
            if message["t"] in {"entries", "evidence"}:
                frames.append((message["t"], [wire.entry_from_wire(w) for w in message["entries"]]))
        await peer.close()
        return frames

    frames = asyncio.run(newcomer())
    assert any(kind == "evidence" for kind, _ in frames)
    seen = {genesis.hash}
    for kind, entries in frames:
        for entry in entries:
            missing = [h for h in (*entry.deps, *([entry.prev] if entry.prev else [])) if h not in seen]
            assert not missing, f"{kind} frame carried {entry.hash[:12]} before what it depends on"
            seen.add(entry.hash)


def test_an_entry_written_on_top_of_the_other_branch_reaches_a_fresh_replica_with_the_evidence(sites: Sites, cast):
    """Femi saw the phone's branch first and recorded on top of it; HQ holds that branch only as evidence."""
    hq = sites.hq()
    laptop, phone = two_devices_of(sites, cast.logistics, hq)
    femi = sites.replica("Femi", cast.field)
    femi.node.receive(list(hq.node.entries_in_order()))
    from_laptop = laptop.node.append(*depot("FROM-LAPTOP"))
    from_phone = phone.node.append(*depot("FROM-PHONE"))
    femi.node.receive([from_phone])
    on_top = femi.node.append("request.open", {"request": "R-FEMI", "site": "SHL-1", "item": "water-5l", "qty": 40,
                                               "priority": "high", "needed_by_ms": 1_767_300_000_000})
    assert from_phone.hash in on_top.deps
    hq.node.receive([from_laptop])
    hq.node.receive([from_phone])
    hq.node.receive([on_top])
    assert hq.holds(on_top.hash) and flagged(hq, cast.logistics.public_key_hex)
    hq.go_online()

    newcomer = sites.replica("Newcomer", cast.observer).go_online([hq])
    wait_until(lambda: newcomer.holds(on_top.hash) and flagged(newcomer, cast.logistics.public_key_hex),
               "the newcomer to hold Femi's request and the evidence it rests on")
    wait_until(lambda: converged(hq, newcomer), "one state digest")
