"""Random interleavings of proposals, votes, revocations and backdated entries (hypothesis).

Whatever the order members act in and whatever lamport a revoked key chooses: no entry of a pinned
feed past its pin changes state, and replicas that receive the same entries in any order and in any
batches reach the same digest as the reference fold.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.identity import Identity
from app.core.state import fold
from app.node import Node, NodeError
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock
from tests.core.forge import next_entry

NAMES = ("a", "b", "c", "d")
PEOPLE = {n: Identity.from_seed(f"property/{n}".encode()) for n in NAMES}
ORGS = {"a": "INGD", "b": "WFP", "c": "IFRC", "d": "UNICEF"}

action = st.one_of(
    st.tuples(st.just("revoke"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("approve"), st.sampled_from(NAMES), st.integers(0, 5)),
    st.tuples(st.just("reject"), st.sampled_from(NAMES), st.integers(0, 5)),
    st.tuples(st.just("receipt"), st.sampled_from(NAMES), st.integers(1, 10**6)),
    st.tuples(st.just("backdate"), st.sampled_from(NAMES), st.integers(0, 5)),
)


def found(root: Path) -> Node:
    founder = PEOPLE["a"]
    members = [{"key": PEOPLE[n].public_key_hex, "org": ORGS[n], "name": n.upper(), "roles": ["commander"]}
               for n in NAMES[1:]]
    return Node.create_network(root / "origin", founder, name="P", kind="live", org="INGD", display_name="A",
                               members=members, clock=Clock())


def play(node: Node, script: list[tuple]) -> None:
    """Act out the script; what the node refuses to sign or store is simply not part of the ledger."""
    proposals: list[str] = []
    for kind, who, arg in script:
        identity = PEOPLE[who]
        node.sign_as(identity)
        try:
            if kind == "revoke" and arg != who:
                proposals.append(node.propose("member.revoke", {"key": PEOPLE[arg].public_key_hex,
                                                                "reason": "drill"}, "drill").hash)
            elif kind in ("approve", "reject") and proposals:
                target = proposals[arg % len(proposals)]
                if kind == "approve":
                    node.approve(target)
                else:
                    node.reject(target, "no")
            elif kind == "receipt":
                node.append("stock.receive", {"site": "S", "item": "i", "lot": "L", "qty": arg, "source": who})
            elif kind == "backdate" and proposals:
                # a modified client: the lowest lamport the chain allows, deps pointing far back
                target = proposals[arg % len(proposals)]
                own = node.heads().get(identity.public_key_hex)
                deps = [target] if own is None or target != own[1] else []
                lamports = [node.store.lamport_of(d) or 0 for d in deps] + ([own[2]] if own else [])
                forged = next_entry(node, identity, "proposal.approve", {"proposal": target}, deps=deps,
                                    lamport=1 + max(lamports))
                node.receive([forged])
        except NodeError:
            continue


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=st.lists(action, min_size=4, max_size=24), seed=st.integers(0, 2**16))
def test_no_pinned_feed_acts_past_its_pin_and_every_replica_agrees(script, seed):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        origin = found(root)
        try:
            play(origin, script)
            entries = list(origin.entries_in_order())
            reference = fold(entries)
            assert origin.state.digest() == reference.digest()
            for author, pin in reference.pins.items():
                for entry in entries:
                    if entry.author == author and entry.seq > pin:
                        assert reference.get("ineffective", entry.hash)["code"] == "beyond_pin"
                        alone = fold([e for e in entries if e.hash != entry.hash], pins=reference.pins)
                        assert {t: r for t, r in alone.tables.items() if t != "ineffective"} == \
                            {t: r for t, r in reference.tables.items() if t != "ineffective"}
            shuffled = entries[:]
            random.Random(seed).shuffle(shuffled)
            (root / "copy").mkdir()
            copy = Node(ReplicaStore(database_url(root / "copy")), clock=Clock())
            try:
                step = 1 + seed % 7
                for start in range(0, len(shuffled), step):
                    copy.receive(shuffled[start:start + step])
                copy.receive(entries)
                assert copy.entry_count() == len(entries)
                assert copy.state.digest() == reference.digest()
            finally:
                copy.close()
        finally:
            origin.close()
