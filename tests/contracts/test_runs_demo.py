"""Every template, deployed by the demo's three command centers and run on the demo ledger, verifies elsewhere."""

from __future__ import annotations

import pytest

from app.contract_runs import VERIFIED
from app.contracts.runtime import RUNTIME_VERSION, run_contract
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import TEMPLATES, template_source
from app.core.identity import Identity
from app.exercise.demo import build_demo
from app.node import Node, record_run
from app.paths import database_url
from app.store.replica_store import ReplicaStore


def demo_identity(name: str) -> Identity:
    return Identity.from_seed(f"relief-ledger-demo/7/{name}".encode())


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Node:
    data = tmp_path_factory.mktemp("demo-runs")
    build_demo(data, progress=False, seed=7)
    node = Node.open(data, "demo")
    yield node
    node.close()


def test_each_template_deploys_by_approval_runs_on_the_demo_and_verifies_on_another_replica(demo, tmp_path):
    node = demo
    for key in TEMPLATES:
        node.sign_as(demo_identity("eoc-beira"))
        body = {"contract": key, "version": 1, "runtime": RUNTIME_VERSION, "source": template_source(key)}
        proposal = node.propose("contract.deploy", body, f"deploy {key}")
        for approver in ("eoc-chimoio", "eoc-quelimane"):
            node.sign_as(demo_identity(approver))
            node.approve(proposal.hash)
        assert node.state.get("contracts", key)["version"] == 1, key
        result = run_contract(template_source(key), node.read(build_snapshot), {})
        node.sign_as(demo_identity("log-wfp"))
        run = record_run(node, key, 1, result.params, result.allocations, result.input_digest, result.output_digest)
        node.run_checks.drain()
        assert node.run_checks.get(run.hash)["status"] == VERIFIED, (key, node.run_checks.get(run.hash))
    (tmp_path / "other").mkdir()
    other = Node(ReplicaStore(database_url(tmp_path / "other")))
    try:
        other.receive(list(node.entries_in_order()))
        other.run_checks.drain()
        runs = other.state.tables["allocation_runs"]
        assert len(runs) == len(TEMPLATES)
        assert all(other.run_checks.get(h)["status"] == VERIFIED for h in runs), other.run_checks.results
        assert sum(r["allocations"] for r in runs.values()) > 0
        assert other.state.digest() == node.state.digest()
    finally:
        other.close()
