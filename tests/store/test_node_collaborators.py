"""The node is a facade over collaborators with one job each (app/node_ingest.py, app/node_signing.py,
app/node_own_head.py, app/node_reads.py, app/contract_runs.py). What keeps a replica sound across them:
one lock for all, and one state that every one of them reads, whichever replaced it last."""

from __future__ import annotations

import pytest

from app.node import Node
from tests.conftest import signing_as

RECEIPT = {"site": "DEP-1", "item": "water-5l", "lot": "LOT-1", "qty": 10, "source": "WFP"}


def test_receiving_signing_the_own_head_record_reads_and_run_verdicts_take_the_one_lock_of_the_node(network: Node):
    """A collaborator with a lock of its own would let an operator's entry be signed on heads a peer's
    batch is replacing, or a run verdict be written in the middle of a fold."""
    lock = network._lock
    assert network.ingest._lock is lock
    assert network.signer._lock is lock
    assert network.own_head._lock is lock
    assert network.reads._lock is lock
    assert network.run_checks._node_lock is lock


def test_after_a_failed_commit_the_node_its_reads_and_its_signer_all_see_the_state_put_back(network: Node, cast,
                                                                                            monkeypatch):
    """The disk fills during a commit: the ingest reads the state and heads back from the database, and
    every reader sees that state, not the one the failed fold had half changed."""
    before = network.state

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(network.store, "write_state_rows", disk_full)
    with signing_as(network, cast.logistics), pytest.raises(OSError):
        network.append("stock.receive", RECEIPT)
    monkeypatch.undo()
    assert network.state is not before and network.state is network.ingest.state
    assert network.read(lambda state: state) is network.state
    assert network.frontier() == {author: head.seq for author, head in network.heads().items()}
    with signing_as(network, cast.logistics):
        entry = network.append("stock.receive", RECEIPT)
    assert network.read(lambda state: state.get("stock", "DEP-1|water-5l|LOT-1"))["qty"] == 10
    assert network.heads()[cast.logistics.public_key_hex].hash == entry.hash
