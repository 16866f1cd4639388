"""An insider writes the largest entries the format allows: nobody may be cut off from syncing by it.

The attack (issue #11, item 5): 150 valid entries of about 63 KB each made the first catch-up frame
larger than the 8 MiB frame limit; the sender blamed the honest receiver (`frame_too_large`, a logged
cut-off and a cooldown of its key) on every redial, and a replica admitted to that network never
synced. Senders now pack frames by encoded bytes, and a frame a node cannot encode is its own fault.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import entry as entry_mod
from app.core.entry import MAX_ENTRY_BYTES, Entry
from app.core.identity import Identity
from app.net import frames, wire
from app.net.bundle import export_bundle, import_bundle
from app.net.frames import HEADER, MAX_FRAME_BYTES, LocalFrameError, ProtocolError, decode_payload
from app.node import Node
from tests.core.forge import next_entry
from tests.net.conftest import Site, Sites, converged, wait_until

HEAVY_ENTRIES = 150
# A contract source of 47,700 characters (the schema allows 48,000) full of quotes and line breaks:
# each of those takes two bytes in the canonical entry and four on the wire, where `raw` is escaped again.
HEAVY_SOURCE = 'say("x")\n' * 5300
NET = "ab" * 32


@pytest.fixture
def sites(tmp_path: Path, network: Node) -> Iterator[Sites]:
    mesh = Sites(tmp_path, network)
    yield mesh
    mesh.stop()


def heavy_proposal(node: Node, insider: Identity, number: int) -> Entry:
    """A validly signed proposal to deploy a huge contract: as large as the entry format lets a member write.

    Logistics may not propose deployments, so the proposal changes no state, but it is a valid entry
    that every replica stores and relays: all the attack needs.
    """
    return next_entry(node, insider, "proposal.open", {
        "action": "contract.deploy", "reason": f"bulk upload {number}",
        "body": {"contract": f"padding-{number}", "version": 1, "runtime": "starlark", "source": HEAVY_SOURCE}})


def flood(node: Node, insider: Identity, count: int) -> list[Entry]:
    """`count` heavy entries by `insider`, each chained to the last and stored at `node` (as if synced in)."""
    written = []
    for number in range(count):
        entry = heavy_proposal(node, insider, number)
        report = node.receive([entry])
        assert report.accepted == [entry], [r.message for r in report.refused]
        written.append(entry)
    return written


def wire_bytes(entries: list[Entry]) -> int:
    return sum(len(wire.wire_item_bytes(e.raw, e.sig)) for e in entries)


def no_blame(*sites: Site) -> None:
    """Nobody logged a cut-off or a fault, and no key sits in anyone's cooldown."""
    for site in sites:
        assert site.kinds("cut_off") == [], [e.line() for e in site.kinds("cut_off")]
        assert site.kinds("fault") == [], [e.line() for e in site.kinds("fault")]
        assert site.runner is not None and site.runner.call(lambda site=site: dict(site.runner.service.cooldown)) == {}


def test_a_fresh_replica_catches_up_on_a_network_flooded_with_the_largest_entries(sites: Sites, cast, tmp_path):
    hq = sites.hq()
    heavy = flood(hq.node, cast.logistics, HEAVY_ENTRIES)
    assert all(60_000 < len(e.raw) <= MAX_ENTRY_BYTES for e in heavy)
    assert wire_bytes(heavy) > MAX_FRAME_BYTES  # one catch-up frame by count alone would break the limit
    hq.go_online()
    femi = sites.replica("Femi", cast.field).go_online([hq])
    wait_until(lambda: converged(hq, femi), "the fresh replica to catch up on the heavy entries", timeout=60)
    assert all(femi.holds(e.hash) for e in heavy)

    live = heavy_proposal(hq.node, cast.logistics, HEAVY_ENTRIES)
    hq.node.receive([live])
    wait_until(lambda: femi.holds(live.hash), "a heavy entry to arrive by live push")
    wait_until(lambda: converged(hq, femi), "both to settle")
    no_blame(hq, femi)

    omar = Node.create_joining(tmp_path / "omar", cast.observer)
    try:
        report = export_bundle(femi.node, tmp_path / "heavy.rlb")
        assert report.count == HEAVY_ENTRIES + 6
        imported = import_bundle(omar, tmp_path / "heavy.rlb")
        assert (imported.sealed, imported.refused, imported.unplaced, imported.problems) == (True, [], [], [])
        assert omar.read(lambda s: s.digest()) == hq.digest()
    finally:
        omar.close()


def test_evidence_of_many_heavy_equivocations_reaches_a_replica_that_held_one_branch(sites: Sites, cast):
    """The insider signs a second heavy entry at each of 50 seqs: both sides of every pair travel as evidence."""
    hq = sites.hq().go_online()
    chain = flood(hq.node, cast.logistics, 50)
    femi = sites.replica("Femi", cast.field).go_online([hq])
    wait_until(lambda: converged(hq, femi), "the replica to hold the first branch")
    femi.go_offline()
    twins = [entry_mod.create(cast.logistics, net=a.net, seq=a.seq, prev=a.prev, deps=a.deps, lamport=a.lamport,
                              ts=a.ts, type=a.type, body={**a.body, "reason": f"twin of {a.seq}"}) for a in chain]
    assert len(hq.node.receive(twins).evidence) == 50
    assert len(hq.node.conflicts_with({}, {})) == 100
    assert wire_bytes(chain + twins) > MAX_FRAME_BYTES  # one evidence frame by count alone would break the limit
    femi.go_online([hq])
    wait_until(lambda: femi.node.read(lambda s: cast.logistics.public_key_hex in s.tables["flags"]),
               "the replica to flag the equivocating insider from the evidence")
    wait_until(lambda: converged(hq, femi), "both replicas to agree")
    no_blame(hq, femi)


def test_a_sender_that_cannot_encode_a_frame_blames_itself_not_the_receiver(sites: Sites, cast, monkeypatch):
    """A sender bug (here: a frame limit far below its own frame budget) ends the session as a local fault."""
    hq = sites.hq()
    flood(hq.node, cast.logistics, 3)
    monkeypatch.setattr(frames, "MAX_FRAME_BYTES", 100_000)  # frames over 100 kB now fail to encode locally
    hq.go_online()
    femi = sites.replica("Femi", cast.field).go_online([hq])
    wait_until(lambda: hq.kinds("fault"), "the sender to log a fault of its own")
    fault = hq.kinds("fault")[0]
    assert "local_fault" in fault.message and "Femi" in fault.peer
    wait_until(lambda: any(e.kind == "disconnected" and "other side hit a fault" in e.message
                           for e in femi.events), "the receiver to hear a polite goodbye")
    for site in (hq, femi):
        assert site.kinds("cut_off") == []
        assert site.runner is not None and site.runner.call(lambda site=site: dict(site.runner.service.cooldown)) == {}
    monkeypatch.undo()
    wait_until(lambda: converged(hq, femi), "the replicas to sync once the sender is mended", timeout=40)


def synthetic(size_chars: int, seq: int, quote_heavy: bool = False) -> Entry:
    """A signed entry of a chosen size (the splitter looks at bytes only, not at ledger rules)."""
    who = Identity.from_seed(b"splitter")
    text = ('"' if quote_heavy else "x") * size_chars
    return entry_mod.create(who, net=NET, seq=seq, prev=None if seq == 1 else "cd" * 32, deps=["ef" * 32],
                            lamport=seq + 1, ts=0, type="note.test", body={"text": text})


def unpack(frame: bytes) -> list[Entry]:
    (length,) = HEADER.unpack(frame[:HEADER.size])
    assert length == len(frame) - HEADER.size
    message = decode_payload(frame[HEADER.size:])
    return [wire.entry_from_wire(item) for item in wire.entries_field(message)]


@pytest.fixture(scope="module")
def mixed() -> list[Entry]:
    """Entries from a few hundred bytes up to the largest the format allows, in a repeating jumble."""
    sizes = [(50, False), (63_000, False), (20_000, False), (32_000, True), (300, False), (7_000, True)]
    return [synthetic(chars, seq, quotes) for seq, (chars, quotes) in enumerate(sizes * 40, start=1)]


@pytest.mark.parametrize("budget", [wire.FRAME_BUDGET_BYTES, 200_000, 1_000, MAX_FRAME_BYTES, 10 * MAX_FRAME_BYTES])
def test_entries_of_mixed_sizes_split_into_frames_under_the_limit_in_order(mixed: list[Entry], budget: int):
    assert wire_bytes(mixed) > MAX_FRAME_BYTES
    packed = list(wire.entry_frames("entries", ((e.raw, e.sig) for e in mixed), budget))
    effective = min(budget, MAX_FRAME_BYTES)
    carried: list[Entry] = []
    for count, frame in packed:
        entries = unpack(frame)
        assert len(entries) == count >= 1
        assert len(frame) - HEADER.size <= MAX_FRAME_BYTES
        if count > 1:
            assert len(frame) - HEADER.size <= effective
        carried.extend(entries)
    assert [e.hash for e in carried] == [e.hash for e in mixed]
    if budget == 1_000:
        assert [count for count, _ in packed] == [1] * len(mixed)  # each alone, none dropped
    if budget == wire.FRAME_BUDGET_BYTES:
        assert all(len(frame) - HEADER.size >= budget - wire.MAX_WIRE_ENTRY_BYTES for _c, frame in packed[:-1])


def test_frames_respect_the_entry_count_limit_too():
    tiny = [synthetic(10, seq) for seq in range(1, 2_502)]
    counts = [count for count, _frame in wire.entry_frames("evidence", ((e.raw, e.sig) for e in tiny))]
    assert counts == [1_000, 1_000, 501]


def test_the_largest_entry_the_format_allows_always_fits_one_frame():
    worst = synthetic((MAX_ENTRY_BYTES - 400) // 2, 1, quote_heavy=True)  # every byte doubles on the wire
    assert MAX_ENTRY_BYTES - 1_000 < len(worst.raw) <= MAX_ENTRY_BYTES
    item = wire.wire_item_bytes(worst.raw, worst.sig)
    assert len(worst.raw) * 2 - 1_000 < len(item) <= wire.MAX_WIRE_ENTRY_BYTES
    assert wire.MAX_WIRE_ENTRY_BYTES * 4 < wire.FRAME_BUDGET_BYTES < MAX_FRAME_BYTES
    [(count, frame)] = wire.entry_frames("entries", [(worst.raw, worst.sig)])
    assert count == 1 and unpack(frame)[0].hash == worst.hash


def test_a_frame_too_large_to_send_is_a_local_fault_never_a_protocol_error():
    huge = {"t": "heads", "pad": "x" * (MAX_FRAME_BYTES + 1)}
    with pytest.raises(LocalFrameError) as caught:
        frames.encode_frame(huge)
    assert not isinstance(caught.value, ProtocolError) and caught.value.code == "local_fault"
