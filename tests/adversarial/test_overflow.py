"""An insider pushes one balance toward the integer range: the bound holds, and the network keeps working.

The attack found by the outside check: a member with valid keys signs thousands of valid receipts of
10^12 into one lot until the balance passes 2^53-1; from then on a late entry (one sorting before
the newest) could no longer be stored anywhere. Under the quantity bound (docs/FORMAT.md §9) the
receipt that would cross ±10^15 has no effect, on every replica alike, and late entries keep
arriving by every path: direct receipt, bundle and live sync.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import app.node_ingest
from app.core import canonical
from app.core import entry as entry_mod
from app.core.entry import Entry
from app.core.identity import Identity
from app.core.state import DIGEST_TABLES, MAX_STATE_QTY, LedgerState, fold, out_of_bounds
from app.net.bundle import export_bundle, import_bundle
from app.node import Node, NodeError
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock, signing_as
from tests.core.forge import next_entry
from tests.net import conftest as net_fixtures
from tests.net.conftest import Sites, converged, wait_until

sites = net_fixtures.sites      # the loopback fixture, bound here so pytest finds it for this module
BIG = 10**12                     # the largest quantity one line may carry
RECEIPTS_TO_BOUND = MAX_STATE_QTY // BIG
ATTACK_LOT = "L-FORGED"
ATTACK_KEY = f"DEP-1|water-5l|{ATTACK_LOT}"
T_ATTACK = 1_767_300_000_000


def forged_feed(node: Node, who: Identity, entry_type: str, bodies: list[dict], ts: int = T_ATTACK) -> list[Entry]:
    """What a modified client signs: `who`'s next entries, validly chained one after another."""
    feed = [next_entry(node, who, entry_type, bodies[0], ts=ts)]
    for body in bodies[1:]:
        last = feed[-1]
        feed.append(entry_mod.create(who, net=last.net, seq=last.seq + 1, prev=last.hash, deps=[],
                                     lamport=last.lamport + 1, ts=last.ts + 1, type=entry_type, body=body))
    return feed


def receipt(qty: int = BIG, lot: str = ATTACK_LOT) -> dict:
    return {"site": "DEP-1", "item": "water-5l", "lot": lot, "qty": qty, "source": "forged"}


def receive_in_batches(node: Node, entries: list[Entry], size: int) -> None:
    for start in range(0, len(entries), size):
        report = node.receive(entries[start:start + size])
        assert (report.refused, report.deferred) == ([], []), report.summary()


def empty_replica(root: Path, name: str, who: Identity | None = None) -> Node:
    (root / name).mkdir()
    return Node(ReplicaStore(database_url(root / name)), who, clock=Clock())


def digest(node: Node) -> str:
    return node.read(lambda state: state.digest())


def stock(node: Node, key: str = ATTACK_KEY) -> int:
    return node.read(lambda state: state.tables["stock"][key]["qty"])


def ineffective_code(node: Node, entry: Entry) -> str | None:
    row = node.read(lambda state: state.tables["ineffective"].get(entry.hash))
    return row["code"] if row else None


@pytest.fixture
def attack(network: Node, cast) -> list[Entry]:
    """One receipt more than the bound allows, forged by the logistics member's own key."""
    return forged_feed(network, cast.logistics, "stock.receive", [receipt()] * (RECEIPTS_TO_BOUND + 1))


@pytest.fixture
def frequent_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots every 100 entries, so re-folds start from snapshots holding balances at the bound."""
    monkeypatch.setattr(app.node_ingest, "MIN_SNAPSHOT_INTERVAL", 100)


HALF = RECEIPTS_TO_BOUND // 2


@pytest.fixture
def partition(network: Node, attack: list[Entry], tmp_path: Path, cast) -> Iterator[Node]:
    """The field post's replica, cut off halfway through the attack, with one receipt of its own written
    there: that receipt sorts before the second half (a late entry wherever the whole attack arrived)."""
    post = empty_replica(tmp_path, "field-post", cast.field)
    post.receive(list(network.entries_in_order()) + attack[:HALF])
    post.append("stock.receive", receipt(40, lot="L-POST"))
    yield post
    post.close()


def test_the_receipt_that_would_cross_the_bound_has_no_effect_on_any_replica(network, attack, tmp_path):
    before = list(network.entries_in_order())
    receive_in_batches(network, attack, 250)
    assert stock(network) == MAX_STATE_QTY
    assert network.read(lambda s: s.tables["lots"][ATTACK_LOT]["received"]) == MAX_STATE_QTY
    assert ineffective_code(network, attack[-1]) == "out_of_range"
    message = network.read(lambda s: s.tables["ineffective"][attack[-1].hash]["message"])
    assert "1,001,000,000,000,000" in message and "±1,000,000,000,000,000" in message
    assert [e for e in attack[:-1] if ineffective_code(network, e)] == []
    # a second replica gets the same entries in one shuffled batch; a third folds them from nothing
    other = empty_replica(tmp_path, "other")
    try:
        other.receive(before)
        other.receive(list(reversed(attack)))
        assert ineffective_code(other, attack[-1]) == "out_of_range"
        assert digest(other) == digest(network) == fold(before + attack).digest()
    finally:
        other.close()


def test_a_late_entry_is_still_stored_after_the_bound_was_reached(network, attack, partition, tmp_path,
                                                                  frequent_snapshots):
    receive_in_batches(network, attack, 250)
    late = list(partition.entries_in_order())[-1]
    assert late.key < attack[-1].key   # it sorts before the newest entries: the replica re-folds
    report = network.receive([late])
    assert len(report.accepted) == 1 and network.entry(late.hash) is not None
    assert stock(network, "DEP-1|water-5l|L-POST") == 40
    assert stock(network) == MAX_STATE_QTY and ineffective_code(network, attack[-1]) == "out_of_range"
    # the partition hears the attack after its own entry: same state, reached the other way round
    receive_in_batches(partition, attack, 400)
    assert digest(partition) == digest(network)


def test_a_bundle_carrying_a_late_entry_imports_into_a_replica_at_the_bound(network, attack, partition, tmp_path,
                                                                            frequent_snapshots):
    receive_in_batches(network, attack, 250)
    stick = tmp_path / "from-field-post.rlb"
    export_bundle(partition, stick, network.frontier())
    imported = import_bundle(network, stick)
    assert (imported.accepted, imported.refused, imported.sealed) == (1, [], True)
    # and the whole ledger, attack included, imports into a fresh replica by bundle
    whole = tmp_path / "everything.rlb"
    export_bundle(network, whole)
    fresh = empty_replica(tmp_path, "fresh")
    try:
        report = import_bundle(fresh, whole)
        assert (report.refused, report.unplaced, report.sealed) == ([], [], True)
        assert ineffective_code(fresh, attack[-1]) == "out_of_range"
        assert digest(fresh) == digest(network)
    finally:
        fresh.close()


def test_replicas_at_the_bound_keep_syncing_late_entries_over_a_live_link(sites: Sites, network, attack, cast,
                                                                          frequent_snapshots):
    before = list(network.entries_in_order())
    receive_in_batches(network, attack, 250)
    hq = sites.hq().go_online()
    femi = sites.replica("Femi", cast.field)
    femi.node.receive(before + attack[:HALF])   # the field post saw half the attack, then lost its link
    late = femi.node.append("stock.receive", receipt(40, lot="L-POST"))   # written offline, sorts early
    assert late.key < attack[-1].key
    femi.go_online([hq])
    wait_until(lambda: converged(hq, femi), "the field post and HQ to converge")
    assert hq.holds(late.hash) and femi.holds(attack[-1].hash)
    assert ineffective_code(femi.node, attack[-1]) == ineffective_code(hq.node, attack[-1]) == "out_of_range"
    assert hq.kinds("cut_off") == [] and femi.kinds("cut_off") == []
    live = femi.node.append("stock.receive", receipt(2, lot="L-POST"))
    wait_until(lambda: hq.holds(live.hash) and converged(hq, femi), "a live entry after the attack")


def test_the_node_refuses_to_record_an_entry_that_could_only_be_out_of_range(network, attack, cast):
    receive_in_batches(network, attack, 250)
    count = network.entry_count()
    with signing_as(network, cast.logistics):
        with pytest.raises(NodeError, match="out_of_range: stock.receive: the stock of water-5l lot L-FORGED"):
            network.append("stock.receive", receipt(1))
        network.append("stock.receive", receipt(1, lot="L-OTHER"))   # other balances are unaffected
    assert network.entry_count() == count + 1


@contextlib.contextmanager
def without_the_bound(monkeypatch: pytest.MonkeyPatch, *, write_check: bool = True) -> Iterator[None]:
    """Fold with no limit at all; without the write check too, this is what a version before the bound
    did (and stored), for a replica upgraded in place."""
    with monkeypatch.context() as patch:
        patch.setattr("app.core.state.MAX_STATE_QTY", 2**62)
        if not write_check:
            patch.setattr("app.store.replica_store._LONG_DIGITS", re.compile(r"(?!)"))
        yield


def test_a_replica_poisoned_by_an_older_version_recovers_and_stores_late_entries(network, cast, tmp_path,
                                                                                 monkeypatch):
    """The outside check's exact attack (9,800 receipts of 10^12), folded by a version without the bound."""
    monkeypatch.setattr(app.node_ingest, "MIN_SNAPSHOT_INTERVAL", 500)
    genesis_on = list(network.entries_in_order())
    old = Node.create_joining(tmp_path / "old", cast.commander)
    old.receive(genesis_on)
    poison = forged_feed(network, cast.logistics, "stock.receive", [receipt()] * 9_800)
    with without_the_bound(monkeypatch, write_check=False):
        receive_in_batches(old, poison, 1000)
        assert stock(old) == 9_800 * BIG > canonical.MAX_SAFE_INT
    # a late entry sorting after the last snapshot (which holds 9.7 x 10^15) but before the newest receipts
    late = next_entry(old, cast.field, "stock.receive", receipt(40, lot="L-POST"),
                      deps=[poison[-30].hash], lamport=poison[-30].lamport + 1)
    assert late.key < poison[-1].key
    report = old.receive([late])           # before the bound: CanonicalError from the snapshot, nothing stored
    assert len(report.accepted) == 1 and old.entry(late.hash) is not None
    reference = fold(sorted(genesis_on + poison + [late], key=lambda e: e.key))
    assert digest(old) == reference.digest() and stock(old) == MAX_STATE_QTY
    old.close()
    # a replica upgraded in place re-folds the state it stored under the old rules when it opens
    legacy = Node.create_joining(tmp_path / "legacy", cast.commander)
    legacy.receive(genesis_on)
    with without_the_bound(monkeypatch, write_check=False):
        receive_in_batches(legacy, poison, 1000)
    legacy.close()
    reopened = Node.open(tmp_path / "legacy", identity=cast.commander)
    try:
        assert stock(reopened) == MAX_STATE_QTY
        assert digest(reopened) == fold(genesis_on + poison).digest()
        assert len(reopened.receive([late]).accepted) == 1
        assert digest(reopened) == reference.digest()
    finally:
        reopened.close()


def test_state_that_cannot_be_encoded_is_a_clear_error_and_the_batch_is_not_half_stored(network, cast, tmp_path,
                                                                                        monkeypatch):
    """Defence in depth: were a rule ever to let a number past 2^53-1, storing fails loudly, not silently."""
    count = network.entry_count()
    poison = forged_feed(network, cast.logistics, "stock.receive", [receipt()] * 9_100)
    with without_the_bound(monkeypatch):
        with pytest.raises(NodeError,
                           match=r"cannot be stored: integer 9100000000000000 is outside .* were not stored"):
            network.receive(poison)
    assert network.entry_count() == count and ATTACK_KEY not in network.state.tables["stock"]


# -- property: extreme quantities in any sequence -------------------------------------------------------------

FOUNDER = Identity.from_seed(b"overflow founder")
CLERK = Identity.from_seed(b"overflow clerk")
SITES = ("DEP-A", "DEP-B")
LOTS = ("LOT-1", "LOT-2")
QTY = st.sampled_from([1, BIG - 1, BIG]) | st.integers(1, BIG)


class Ledger:
    """Entries of a two-member network, each signed validly and chained after the previous one."""

    def __init__(self) -> None:
        body = {"name": "Bound", "kind": "exercise", "policies": {}, "members": [
            {"key": FOUNDER.public_key_hex, "org": "NDMA", "name": "Founder", "roles": ["admin", "commander"]},
            {"key": CLERK.public_key_hex, "org": "WFP", "name": "Clerk", "roles": ["logistics"]}]}
        genesis = entry_mod.create(FOUNDER, net=None, seq=1, prev=None, deps=[], lamport=1, ts=T_ATTACK,
                                   type="genesis", body=body)
        self.entries = [genesis]
        self.heads: dict[str, Entry] = {FOUNDER.public_key_hex: genesis}
        self.shipments: list[str] = []

    def add(self, who: Identity, entry_type: str, body: dict) -> Entry:
        own = self.heads.get(who.public_key_hex)
        last = self.entries[-1]
        entry = entry_mod.create(who, net=self.entries[0].hash, seq=own.seq + 1 if own else 1,
                                 prev=own.hash if own else None, deps=[] if last is own else [last.hash],
                                 lamport=last.lamport + 1, ts=T_ATTACK + len(self.entries), type=entry_type,
                                 body=body)
        self.entries.append(entry)
        self.heads[who.public_key_hex] = entry
        return entry


line = st.fixed_dictionaries({"item": st.just("water"), "lot": st.sampled_from(LOTS), "qty": QTY})
# a full truck: one line of anything, then 99 lines of 10^12 of one lot (10^14 moved by one entry)
truckload = st.tuples(line, st.sampled_from(LOTS)).map(
    lambda pair: [pair[0]] + [{"item": "water", "lot": pair[1], "qty": BIG}] * 99)
lines = truckload | st.lists(line, min_size=1, max_size=5)
operations = st.lists(st.one_of(
    st.tuples(st.just("receive"), st.sampled_from(SITES), st.sampled_from(LOTS), QTY),
    st.tuples(st.just("dispatch"), st.sampled_from(SITES), lines),
    st.tuples(st.just("convoy"), st.sampled_from(SITES), truckload, st.integers(1, 12)),
    st.tuples(st.just("deliver"), st.integers(0, 50), lines),
    st.tuples(st.just("distribute"), st.sampled_from(SITES), st.sampled_from(LOTS), QTY),
    st.tuples(st.just("adjust"), st.sampled_from(SITES), st.sampled_from(LOTS),
              st.sampled_from([-BIG, BIG]) | st.integers(-BIG, BIG).filter(bool)),
), min_size=1, max_size=40)


def play_dispatch(ledger: Ledger, from_site: str, lines: list[dict]) -> None:
    shipment = f"S-{len(ledger.shipments)}"
    ledger.shipments.append(shipment)
    ledger.add(CLERK, "shipment.dispatch", {"shipment": shipment, "from_site": from_site, "carrier": "truck",
                                            "to_site": SITES[1 - SITES.index(from_site)], "lines": lines,
                                            "requests": ["R-1"]})


def play(script: list[tuple]) -> list[Entry]:
    ledger = Ledger()
    ledger.add(CLERK, "request.open", {"request": "R-1", "site": "DEP-B", "item": "water", "qty": BIG,
                                       "priority": "high", "needed_by_ms": T_ATTACK})
    for op in script:
        if op[0] == "receive":
            ledger.add(CLERK, "stock.receive", {"site": op[1], "item": "water", "lot": op[2], "qty": op[3],
                                                "source": "forged"})
        elif op[0] == "dispatch":
            play_dispatch(ledger, op[1], op[2])
        elif op[0] == "convoy":   # one truck after another, until the depot is drawn down to the bound
            for _truck in range(op[3]):
                play_dispatch(ledger, op[1], op[2])
        elif op[0] == "deliver" and ledger.shipments:
            shipment = ledger.shipments[op[1] % len(ledger.shipments)]
            ledger.add(CLERK, "shipment.deliver", {"shipment": shipment, "lines": op[2]})
        elif op[0] == "distribute":
            ledger.add(CLERK, "stock.distribute", {"site": op[1], "item": "water", "lot": op[2], "qty": op[3],
                                                   "beneficiaries": op[3], "request": "R-1"})
        elif op[0] == "adjust":   # the founder is the only eligible approver: the proposal decides itself
            ledger.add(FOUNDER, "proposal.open", {"action": "stock.adjust", "reason": "count", "body": {
                "site": op[1], "item": "water", "lot": op[2], "delta": op[3], "reason": "count"}})
    return ledger.entries


def without_bookkeeping(state: LedgerState) -> dict:
    """What an entry's effect can change, leaving out the record of ineffective entries."""
    return {t: dict(state.tables[t]) for t in DIGEST_TABLES}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_extreme_quantities_never_leave_the_encodable_range_and_every_replica_agrees(script):
    entries = play(script)
    state = LedgerState()
    for entry in entries:
        before = without_bookkeeping(state)
        state.apply(entry)
        row = state.tables["ineffective"].get(entry.hash)
        if row is not None and row["code"] == "out_of_range":
            event("an entry crossed the bound")
            assert without_bookkeeping(state) == before, "an out-of-range entry changed state"
        decided = state.tables["proposals"].get(entry.hash)
        if decided is not None and (decided["outcome"] or "").startswith("out_of_range: "):
            assert state.tables["stock"] == before["stock"], "an out-of-range adjustment moved stock"
    assert out_of_bounds(state.tables) == []
    canonical.encode({t: state.tables[t] for t in DIGEST_TABLES})   # the checked encoder accepts all of it
    # another replica: the first half folded and snapshotted, the rest folded on top of the snapshot
    half = len(entries) // 2
    other = LedgerState.from_snapshot(fold(entries[:half]).snapshot())
    for entry in entries[half:]:
        other.apply(entry)
    assert other.digest() == state.digest() == fold(entries).digest()
    assert zlib.decompress(state.snapshot())   # and the snapshot of the final state is readable
    LedgerState.from_snapshot(state.snapshot())


def test_a_replica_that_cannot_store_what_a_peer_sends_says_so_over_the_link(
        sites: Sites, network, cast, monkeypatch):
    """Defence in depth over a live link: a local storage failure ends the session loudly (store_failed)
    and nothing of the failed batch is half stored."""
    poison = forged_feed(network, cast.logistics, "stock.receive", [receipt()] * 9_100)
    with without_the_bound(monkeypatch, write_check=False):
        receive_in_batches(network, poison, 1000)     # a peer running a version without the bound
    with without_the_bound(monkeypatch):              # this replica: no bound either, but its write check
        hq = sites.hq().go_online()
        femi = sites.replica("Femi", cast.field).go_online([hq])
        wait_until(lambda: any("store_failed" in e.message for e in femi.kinds("cut_off")),
                   "the field post to report that it could not store the batch")
        femi.go_offline()
    message = next(e.message for e in femi.kinds("cut_off") if "store_failed" in e.message)
    assert "cannot be stored: integer" in message and "were not stored" in message
    held = sum(1 for entry in poison if femi.node.entry(entry.hash) is not None)
    assert held < len(poison) and femi.node.entry(poison[-1].hash) is None
    assert stock(femi.node) == held * BIG <= canonical.MAX_SAFE_INT   # what was stored is whole and encodable
