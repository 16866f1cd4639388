"""`relief-ledger runs`: recorded allocation runs and this replica's verdict on each."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.cli.common import open_node, say

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


def register(add: Add) -> None:
    p = add("runs", cmd_runs, "list recorded allocation runs with this replica's re-execution verdict "
                             "(exit 1 on a mismatch)")
    p.add_argument("--no-check", action="store_true", help="do not re-execute runs that have no verdict yet")
    p.add_argument("--json", action="store_true")


__all__ = ["register"]
