"""`relief-ledger runs`: recorded allocation runs and this replica's verdict on each; `relief-ledger dry-run`:
what a contract would allocate now, recording nothing (the editor's F5 for relay boxes and scripts)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.cli.common import CliError, mark_exercise, open_node, parse_json_text, read_text_argument, say
from app.contracts.isolated import run_isolated
from app.contracts.runtime import DEFAULT_BUDGET, ContractError
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import TEMPLATES, template_source

Add = Callable[..., argparse.ArgumentParser]


def cmd_runs(args: argparse.Namespace) -> int:
    """List runs; checks the ones without a verdict first (in this process); exit 1 on any mismatch."""
    node = open_node(args)
    try:
        if not args.no_check:
            node.run_checks.check_missing()
            node.run_checks.drain()
        runs = sorted(node.state.tables["allocation_runs"].values(), key=lambda r: (r["at_ms"], r["run"]))
        rows: list[dict[str, Any]] = []
        for run in runs:
            check = node.run_checks.get(run["run"]) or {"status": "unchecked", "reason": "not checked yet"}
            rows.append({**run, "verdict": check["status"], "reason": check["reason"]})
        if args.json:
            print(json.dumps(rows, indent=1, sort_keys=True))
        else:
            mark_exercise(node)
            print(f"{len(rows)} allocation run(s)")
            for row in rows:
                when = datetime.fromtimestamp(row["at_ms"] // 1000, UTC).strftime("%Y-%m-%d %H:%M")
                say(f"  {row['verdict'].upper():<10} {row['run'][:16]}  {row['contract']}@{row['version']:<4} "
                    f"{row['allocations']:>4} alloc {row['units']:>9} units  {when}  "
                    f"{node.member_name(row['by'])[:28]}")
                if row["verdict"] != "verified":
                    say(f"             {row['reason']}")
        return 1 if any(r["verdict"] == "mismatch" for r in rows) else 0
    finally:
        node.close()


def contract_source(name: str) -> str:
    """A shipped template by name (`fair_share`), or a .star file."""
    if name in TEMPLATES:
        return template_source(name)
    if not name.endswith(".star"):
        raise CliError(f"no contract template {name!r} and not a .star file; templates: {', '.join(TEMPLATES)}")
    return read_text_argument("@" + name, "contract")


def cmd_dry_run(args: argparse.Namespace) -> int:
    """Run a contract against the current state in the contract sandbox; exit 1 when the contract fails."""
    source = contract_source(args.contract)
    params = parse_json_text(args.params, "--params") if args.params else {}
    if not isinstance(params, dict):
        raise CliError("--params must be a JSON object, e.g. '{\"reserve_pct\": 10}'")
    node = open_node(args)
    try:
        snapshot = node.read(build_snapshot)
    finally:
        node.close()
    try:
        result = run_isolated(source, snapshot, params, args.budget)
    except ContractError as exc:
        say(f"relief-ledger: the contract failed ({exc.kind}): {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"allocations": result.allocations, "params": result.params, "steps": result.steps,
                          "input_digest": result.input_digest, "output_digest": result.output_digest},
                         indent=1, sort_keys=True))
        return 0
    units = sum(int(a.get("qty", 0)) for a in result.allocations)
    say(f"{len(result.allocations)} allocation(s), {units} units, {result.steps} of {args.budget} steps "
        f"(input {result.input_digest[:12]}…, output {result.output_digest[:12]}…); nothing recorded")
    for row in result.allocations:
        say(f"  {row.get('item', '?'):<16} {row.get('qty', 0):>7}  from {row.get('from_site', '?'):<14} "
            f"for {row.get('request', '?')}")
    return 0


def register(add: Add) -> None:
    p = add("runs", cmd_runs, "list recorded allocation runs with this replica's re-execution verdict "
                             "(exit 1 on a mismatch)")
    p.add_argument("--no-check", action="store_true", help="do not re-execute runs that have no verdict yet")
    p.add_argument("--json", action="store_true")
    p = add("dry-run", cmd_dry_run, "run an allocation contract against the current state in the contract sandbox "
                                   "and print what it would allocate (records nothing)")
    p.add_argument("contract", help=f"a .star file or a shipped template: {', '.join(TEMPLATES)}")
    p.add_argument("--params", help="the contract's parameters as JSON or @file.json (defaults otherwise)")
    p.add_argument("--budget", type=int, default=DEFAULT_BUDGET, help="step budget (default %(default)s)")
    p.add_argument("--json", action="store_true", help="the whole result as JSON")


__all__ = ["register"]
