"""`relief-ledger runs` lists recorded runs with the replica's verdict."""

from __future__ import annotations

import json

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


def test_a_dry_run_from_the_terminal_shows_what_a_template_would_allocate_and_records_nothing(founded, capsys):
    node = Node.open(founded, "correct horse")
    try:
        node.append_many([
            ("site.define", {"site": "SHL-1", "name": "Shelter", "kind": "shelter", "lat_e6": -19_609_000,
                             "lon_e6": 34_743_000, "org": "IFRC"}),
            ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 80, "source": "WFP"}),
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 50,
                              "priority": "high", "needed_by_ms": 1_900_000_000_000}),
        ])
        before = len(list(node.entries_in_order()))
    finally:
        node.close()
    code, out, _err = run(capsys, "dry-run", "priority_first", "--data", str(founded))
    assert code == 0 and "1 allocation(s), 50 units" in out and "nothing recorded" in out
    assert "from DEP-1" in out and "for REQ-1" in out
    code, out, _err = run(capsys, "dry-run", "priority_first", "--data", str(founded), "--json")
    assert code == 0 and json.loads(out)["allocations"] == [
        {"from_site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 50, "request": "REQ-1"}]
    node = Node.open(founded, "correct horse")
    try:
        assert len(list(node.entries_in_order())) == before
    finally:
        node.close()


def test_a_dry_run_of_a_broken_contract_or_bad_arguments_says_why_in_one_sentence(founded, capsys, tmp_path):
    broken = tmp_path / "broken.star"
    broken.write_text("def allocate(state, params):\n    return [{'qty': 1 // 0}]\n", encoding="utf-8")
    code, _out, err = run(capsys, "dry-run", str(broken), "--data", str(founded))
    assert code == 1 and "the contract failed" in err and "line 2" in err
    code, _out, err = run(capsys, "dry-run", "no_such_template", "--data", str(founded))
    assert code == 2 and "no contract template 'no_such_template'" in err and "fair_share" in err
    code, _out, err = run(capsys, "dry-run", str(tmp_path / "missing.star"), "--data", str(founded))
    assert code == 2 and "cannot read" in err
    code, _out, err = run(capsys, "dry-run", "fair_share", "--data", str(founded), "--params", "[1, 2]")
    assert code == 2 and "--params must be a JSON object" in err
