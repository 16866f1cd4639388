"""Allocation runs across three command centers: deploy by approval, record, every replica re-executes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.contract_runs import MISMATCH, VERIFIED
from app.contracts.runtime import RUNTIME_VERSION, run_contract
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import template_source
from app.core.runs import allocations_digest
from app.node import Node, NodeError, record_run
from tests.core import test_approvals as approval_scenarios
from tests.core.forge import next_entry
from tests.core.test_approvals import Centers, found, replica, sync

centers = approval_scenarios.centers   # the three-centre fixture, bound here so pytest finds it for this module
SOURCE = template_source("priority_first")
SETUP = [
    ("site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot", "lat_e6": -19_843_000,
                     "lon_e6": 34_838_000, "org": "WFP"}),
    ("site.define", {"site": "SHL-1", "name": "Dondo shelter", "kind": "shelter", "lat_e6": -19_609_000,
                     "lon_e6": 34_743_000, "org": "IFRC"}),
    ("item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan", "category": "water",
                     "cold_chain": False}),
    ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 300, "priority": "high",
                      "needed_by_ms": 1_767_400_000_000}),
]


def deploy_body(version: int = 1) -> dict:
    return {"contract": "priority_first", "version": version, "runtime": RUNTIME_VERSION, "source": SOURCE}


@pytest.fixture
def three(tmp_path: Path, centers: Centers):
    a = found(tmp_path, centers, with_d=False)
    a.append_many(SETUP)
    a.sign_as(centers.a)
    b = replica(a, tmp_path, "B", centers.b)
    c = replica(a, tmp_path, "C", centers.c)
    yield a, b, c
    for node in (a, b, c):
        node.close()


def deploy(a: Node, b: Node, c: Node) -> None:
    proposal = a.propose("contract.deploy", deploy_body(), "deploy priority first")
    assert a.state.get("contracts", "priority_first") is None   # three commanders: two others must approve
    sync(a, b, c)
    b.approve(proposal.hash)
    sync(a, b, c)
    assert c.state.get("contracts", "priority_first") is None
    c.approve(proposal.hash)
    sync(a, b, c)
    for node in (a, b, c):
        assert node.state.get("contracts", "priority_first")["version"] == 1


def dry_run(node: Node) -> tuple[dict, object]:
    snapshot = node.read(build_snapshot)
    return snapshot, run_contract(SOURCE, snapshot, {})


def test_a_recorded_run_is_verified_by_every_replica(three):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    assert result.allocations and sum(x["qty"] for x in result.allocations) == 300
    run = record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                     result.output_digest)
    sync(a, b, c)
    for node in (a, b, c):
        node.run_checks.drain()
        row = node.state.get("allocation_runs", run.hash)
        assert row["allocations"] == len(result.allocations) and row["units"] == 300
        check = node.run_checks.get(run.hash)
        assert check["status"] == VERIFIED, check
        assert check["input_digest"] == result.input_digest
    assert a.state.digest() == b.state.digest() == c.state.digest()
    assert a.state.get("stock", "DEP-1|water-5l|L-1")["qty"] == 1000      # a run is a plan: no stock moves


def test_a_tampered_run_is_flagged_on_every_replica(three, centers: Centers):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    forged = [dict(x) for x in result.allocations]
    forged[0]["qty"] -= 100                                            # validly signed by a member, but not what
    body = {"contract": "priority_first", "version": 1, "params": result.params,  # the contract computes
            "input_digest": result.input_digest, "allocations": forged, "output_digest": allocations_digest(forged)}
    entry = next_entry(a, centers.log, "allocation.run", body, ts=a.clock())
    assert not c.receive([*a.entries_in_order()]).refused
    assert not a.receive([entry]).refused
    sync(a, b, c)
    for node in (a, b, c):
        node.run_checks.drain()
        check = node.run_checks.get(entry.hash)
        assert check["status"] == MISMATCH and "output digest differs" in check["reason"], check
        assert node.state.get("allocation_runs", entry.hash) is not None   # recorded, and flagged


def test_a_run_whose_digest_does_not_match_its_allocations_is_refused(three, centers: Centers):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    forged = [dict(x) for x in result.allocations]
    forged[0]["qty"] -= 1
    body = {"contract": "priority_first", "version": 1, "params": result.params,
            "input_digest": result.input_digest, "allocations": forged, "output_digest": result.output_digest}
    report = a.receive([next_entry(a, centers.log, "allocation.run", body)])
    assert [r.code for r in report.refused] == ["bad_body"] and "output_digest" in report.refused[0].message


def test_a_run_of_an_undeployed_version_is_refused_with_a_reason(three, centers: Centers):
    a, b, c = three
    _snapshot, result = dry_run(a)
    with pytest.raises(NodeError, match="not_deployed: contract priority_first is not deployed"):
        record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                   result.output_digest)
    deploy(a, b, c)
    with pytest.raises(NodeError, match="version 2 is not the deployed version"):
        a.append("allocation.run", {"contract": "priority_first", "version": 2, "params": result.params,
                                    "input_digest": result.input_digest, "allocations": result.allocations,
                                    "output_digest": result.output_digest})
    # from a peer (or signed elsewhere) it is stored but has no effect, with the same reason everywhere
    body = {"contract": "priority_first", "version": 2, "params": result.params,
            "input_digest": result.input_digest, "allocations": result.allocations,
            "output_digest": result.output_digest}
    entry = next_entry(a, centers.log, "allocation.run", body)
    assert not a.receive([entry]).refused
    sync(a, b, c)
    for node in (a, b, c):
        assert node.state.get("allocation_runs", entry.hash) is None
        assert node.state.get("ineffective", entry.hash)["code"] == "not_deployed"


def test_a_run_on_a_stale_dry_run_is_refused(three):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    a.append("request.open", {"request": "REQ-2", "site": "SHL-1", "item": "water-5l", "qty": 5, "priority": "low",
                              "needed_by_ms": 1_767_400_000_000})
    with pytest.raises(NodeError, match="stale_input"):
        record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                   result.output_digest)


def test_roles_that_may_record_a_run(three, centers: Centers):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    a.sign_as(centers.log)                                   # logistics may record a run
    run = record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                     result.output_digest)
    a.run_checks.drain()
    assert a.run_checks.get(run.hash)["status"] == VERIFIED


def test_an_entry_sorting_before_a_run_makes_its_input_irreproducible_everywhere(three, centers: Centers):
    """A request made concurrently at B sorts before A's run: every replica re-checks and reports the input."""
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    run = record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                     result.output_digest)
    a.run_checks.drain()
    assert a.run_checks.get(run.hash)["status"] == VERIFIED
    own = b.heads()[centers.b.public_key_hex]
    late = next_entry(b, centers.b, "request.open", {
        "request": "REQ-9", "site": "SHL-1", "item": "water-5l", "qty": 50, "priority": "critical",
        "needed_by_ms": 1_767_400_000_000}, deps=[], lamport=own[2] + 1)   # made before B saw the run
    assert not b.receive([late]).refused
    sync(a, b, c)
    assert late.key < run.key
    for node in (a, b, c):
        node.run_checks.drain()
        check = node.run_checks.get(run.hash)
        assert check["status"] == MISMATCH and "input digest differs" in check["reason"], check


def test_runs_left_unchecked_when_a_replica_stopped_are_checked_later(three):
    a, b, c = three
    deploy(a, b, c)
    _snapshot, result = dry_run(a)
    run = record_run(a, "priority_first", 1, result.params, result.allocations, result.input_digest,
                     result.output_digest)
    a.append("request.open", {"request": "REQ-2", "site": "SHL-1", "item": "water-5l", "qty": 5, "priority": "low",
                              "needed_by_ms": 1_767_400_000_000})         # the state moved on after the run
    a.run_checks.drain()
    a.run_checks.results.clear()                                         # as if stopped before the check ran
    assert a.run_checks.missing() == {run.hash}
    assert a.run_checks.check_missing() == 1
    a.run_checks.drain()
    assert a.run_checks.get(run.hash)["status"] == VERIFIED                # re-folded to just before the run
    assert a.run_checks.check_missing() == 0
