"""Command line for the approval workflow: propose, approve, reject, withdraw, proposals.

Registered by `app.cli.build_parser` through `register`; the commands follow `record`: --data, --key,
passphrase from --passphrase-file, $RELIEF_LEDGER_PASSPHRASE or the terminal.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime

from app.cli.common import (
    CliError,
    body_from_args,
    mark_exercise,
    open_node,
    parse_json_text,
    read_text_argument,
    say,
)
from app.core.approvals import standing
from app.core.display import printable
from app.core.entry import EntryError
from app.core.schema import PERMISSIONED, check_policies
from app.node import Node

Add = Callable[..., argparse.ArgumentParser]


def when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def find_proposal(node: Node, prefix: str) -> str:
    prefix = prefix.strip().lower()
    matches = [k for k in node.state.tables["proposals"] if k.startswith(prefix)]
    if len(prefix) < 6 or not matches:
        raise CliError(f"no proposal matches {prefix!r} (give at least 6 hex characters; "
                       f"see `relief-ledger proposals`)")
    if len(matches) > 1:
        raise CliError(f"{prefix!r} matches {len(matches)} proposals; give more characters")
    return matches[0]


def describe_proposal(node: Node, row: dict, detail: bool = False) -> list[str]:
    """A proposal as lines for a terminal, each escaped (app/core/display.py)."""
    result = standing(node.state, row)
    lines = [f"{row['proposal'][:16]}  {row['status']:<9} {row['action']:<16} {row['subject']}",
             f"    by {node.member_name(row['proposer'])}: {row['reason']}"]
    if row["status"] == "open":
        waiting = ", ".join(node.member_name(k) for k in result.waiting_on) or "nobody eligible is left"
        unit = "organisations" if result.distinct_orgs else "approvals"
        late = " (past its deadline: expires with the next workflow entry)" \
            if node.clock() > row["deadline_ms"] else ""
        lines.append(f"    {result.have} of {result.needed} {unit}; needs {result.missing} more, "
                     f"until {when(row['deadline_ms'])}{late}; waiting on {waiting}")
    else:
        lines.append(f"    {row['outcome']} at {when(row['decided_ms'])}")
    if detail:
        lines.append(f"    change: {json.dumps(row['body'], sort_keys=True)}")
        for vote in row["approvals"]:
            counts = "" if vote["by"] in row["counted"] else " (does not count)"
            lines.append(f"    approved by {node.member_name(vote['by'])} {when(vote['ts'])}{counts}")
        for vote in row["rejections"]:
            lines.append(f"    rejected by {node.member_name(vote['by'])}: {vote['comment']}")
    return [printable(line) for line in lines]   # names, reasons and comments are typed by members


def report(node: Node, proposal: str) -> None:
    row = node.state.get("proposals", proposal)
    if row is None:
        ineffective = node.state.get("ineffective", proposal)
        say(f"proposal {proposal} stored but without effect: "
            f"{ineffective['message'] if ineffective else '?'}")
        return
    for line in describe_proposal(node, row):
        say(line)
    if row["status"] == "approved":
        say(f"took effect ({row['outcome']})")


def cmd_propose(args: argparse.Namespace) -> int:
    if args.action not in PERMISSIONED:
        raise CliError(f"{args.action!r} is not a permissioned action; choose one of {', '.join(PERMISSIONED)}")
    body = body_from_args(args)
    node = open_node(args, unlock=True)
    try:
        entry = node.propose(args.action, body, args.reason)
        print(f"proposed {args.action} as entry {entry.hash}")
        report(node, entry.hash)
    finally:
        node.close()
    return 0


def _vote(kind: str) -> Callable[[argparse.Namespace], int]:
    def command(args: argparse.Namespace) -> int:
        node = open_node(args, unlock=True)
        try:
            proposal = find_proposal(node, args.proposal)
            entry = node.decide(proposal, kind, args.comment or "")
            print(f"recorded {entry.type} as entry {entry.hash}")
            report(node, proposal)
        finally:
            node.close()
        return 0
    return command


def cmd_proposals(args: argparse.Namespace) -> int:
    node = open_node(args)
    try:
        rows = sorted(node.state.tables["proposals"].values(), key=lambda r: (r["opened_ms"], r["proposal"]))
        if not args.all:
            rows = [r for r in rows if r["status"] == "open"]
        if args.subject:
            rows = [r for r in rows if args.subject in r["subject"]]
        if args.json:
            print(json.dumps(rows, indent=1, sort_keys=True))
            return 0
        mark_exercise(node)
        if not rows:
            print("no open proposals" if not args.all else "no proposals")
        for row in rows:
            for line in describe_proposal(node, row, detail=args.detail):
                say(line)
        policies = node.state.tables["policies"]
        if args.detail:
            print("\nPolicies in force (others: the default rule):")
            for action, row in sorted(policies.items()):
                say(f"  {action}: {json.dumps(row['policy'], sort_keys=True)}")
    finally:
        node.close()
    return 0


def load_policies(text: str | None) -> dict:
    """`init --policies`: JSON or @file, checked before anything is written."""
    if not text:
        return {}
    policies = parse_json_text(read_text_argument(text, "--policies"), "--policies")
    try:
        check_policies("policies", policies)
    except EntryError as exc:
        raise CliError(f"--policies: {exc}") from exc
    return policies


def register(add: Add) -> None:
    """Add the approval commands to the `relief-ledger` parser (`add` is build_parser's helper)."""
    def with_key(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--key", help="sign with this member key file instead of the node's own key")
        return p

    p = with_key(add("propose", cmd_propose, "propose a permissioned edit (stock adjustment, correction, "
                                              "membership, contract deployment, policy change)"))
    p.add_argument("action", help=f"one of {', '.join(PERMISSIONED)}")
    p.add_argument("--field", action="append", help="name=value of the proposed entry body (repeatable)")
    p.add_argument("--json", help="the proposed body as JSON, or @file.json")
    p.add_argument("--reason", required=True, help="why, for the approvers")
    for kind, text in (("approve", "approve a proposal"), ("reject", "reject a proposal (with a comment)"),
                       ("withdraw", "withdraw your own proposal")):
        p = with_key(add(kind, _vote(kind), text))
        p.add_argument("proposal", help="proposal entry hash (or a unique prefix of 6+ characters)")
        p.add_argument("--comment", required=kind == "reject", help="a comment recorded with the decision")
    p = add("proposals", cmd_proposals, "list open proposals (with --all: decided ones too)")
    p.add_argument("--all", action="store_true", help="include approved, rejected, withdrawn and expired")
    p.add_argument("--detail", action="store_true", help="show the change, each vote and the policies")
    p.add_argument("--subject", help="only proposals about this record (e.g. a stock key or entry hash)")
    p.add_argument("--json", action="store_true")


__all__ = ["register", "describe_proposal", "load_policies"]
