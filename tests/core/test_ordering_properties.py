"""Any arrival order of the same entries gives the same total order and the same state digest."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.identity import Identity
from app.core.state import fold
from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock

AUTHORS = [Identity.from_seed(f"author-{i}".encode()) for i in range(4)]
SITES = ("DEP-A", "DEP-B")
LOTS = ("LOT-1", "LOT-2")


def empty_replica(root: Path, name: str) -> Node:
    (root / name).mkdir()
    return Node(ReplicaStore(database_url(root / name)), clock=Clock())


def history(root: Path, script: list[tuple[int, int, int, int]]) -> list:
    """Four centers on their own replicas; each step one writes and sometimes syncs with one other."""
    founder = Node.create_network(root / "r0", AUTHORS[0], name="P", kind="exercise", org="O", display_name="A0",
                                  members=[{"key": a.public_key_hex, "org": f"O{i}", "name": f"A{i}",
                                            "roles": ["logistics"]} for i, a in enumerate(AUTHORS[1:], 1)],
                                  clock=Clock())
    replicas = [founder] + [empty_replica(root, f"r{i}") for i in range(1, 4)]
    genesis = list(founder.entries_in_order())
    for replica in replicas[1:]:
        replica.receive(genesis)
    for index, replica in enumerate(replicas):
        replica.sign_as(AUTHORS[index])
    counter = itertools.count()
    for who, action, peer, amount in script:
        node = replicas[who]
        site, lot = SITES[amount % 2], LOTS[(amount // 2) % 2]
        n = next(counter)
        if action == 0:
            node.append("stock.receive", {"site": site, "item": "water", "lot": lot, "qty": 5 + amount,
                                          "source": "donor"})
        elif action == 1:
            node.append("shipment.dispatch", {"shipment": f"S-{n}", "from_site": site, "to_site": "SHL",
                                              "carrier": "truck", "lines": [{"item": "water", "lot": lot,
                                                                             "qty": 3 + amount}]})
        else:
            node.append("request.open", {"request": f"R-{who}-{n % 3}", "site": "SHL", "item": "water",
                                         "qty": 1 + amount, "priority": "high", "needed_by_ms": n})
        if peer != who:
            replicas[peer].receive(list(node.entries_in_order()))
    everything = {e.hash: e for r in replicas for e in r.entries_in_order()}
    for replica in replicas:
        replica.close()
    return list(everything.values())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 3), st.integers(0, 7)),
                       min_size=4, max_size=18),
       orders=st.lists(st.randoms(use_true_random=False), min_size=2, max_size=2),
       chunks=st.integers(1, 4))
def test_every_arrival_order_gives_one_order_and_one_digest(script, orders, chunks):
    root = Path(tempfile.mkdtemp())
    try:
        entries = history(root, script)
        expected_order = sorted(entries, key=lambda e: e.key)
        expected_digest = fold(expected_order).digest()
        for attempt, rng in enumerate(orders):
            shuffled = list(entries)
            rng.shuffle(shuffled)
            replica = empty_replica(root, f"late-{attempt}")
            size = max(1, len(shuffled) // chunks)
            waiting: list = []
            for start in range(0, len(shuffled), size):
                report = replica.receive(waiting + shuffled[start:start + size])
                assert not report.refused
                waiting = [e for e in waiting + shuffled[start:start + size]
                           if e.hash in {r.hash for r in report.deferred}]
            while waiting:
                report = replica.receive(waiting)
                assert report.accepted, "deferred entries never became acceptable"
                waiting = [e for e in waiting if e.hash in {r.hash for r in report.deferred}]
            assert [e.hash for e in replica.entries_in_order()] == [e.hash for e in expected_order]
            assert replica.state.digest() == expected_digest
            replica.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
