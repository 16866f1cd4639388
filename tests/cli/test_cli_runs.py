"""`relief-ledger runs` lists recorded runs with the replica's verdict."""

from __future__ import annotations

from app.contracts.runtime import RUNTIME_VERSION, run_contract
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import template_source
from app.node import Node, record_run
from tests.cli.conftest import run


def test_runs_lists_a_verified_run_and_exits_zero(founded, capsys):
    node = Node.open(founded, "correct horse")
    try:
        node.append_many([
            ("site.define", {"site": "SHL-1", "name": "Shelter", "kind": "shelter", "lat_e6": -19_609_000,
                             "lon_e6": 34_743_000, "org": "IFRC"}),
            ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 80, "source": "WFP"}),
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 50,
                              "priority": "high", "needed_by_ms": 1_900_000_000_000}),
        ])
        source = template_source("priority_first")
        node.propose("contract.deploy", {"contract": "pf", "version": 1, "runtime": RUNTIME_VERSION,
                                         "source": source}, "deploy")       # a lone commander: applied at once
        result = run_contract(source, node.read(build_snapshot), {})
        entry = record_run(node, "pf", 1, result.params, result.allocations, result.input_digest,
                           result.output_digest)
        node.run_checks.results.clear()                  # as if this replica had not checked it yet
    finally:
        node.close()
    code, out, _ = run(capsys, "runs", "--data", str(founded))
    assert code == 0, out
    assert "1 allocation run(s)" in out and "VERIFIED" in out and entry.hash[:16] in out and "pf@1" in out
    assert "50 units" in out
