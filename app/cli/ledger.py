"""Commands on the ledger itself: init, keygen, add-member, record, log, state, trace."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli.approvals import load_policies
from app.cli.common import (
    EXERCISE_NOTE,
    INTEGER,
    CliError,
    body_from_args,
    mark_exercise,
    network_title,
    open_node,
    read_passphrase,
    say,
)
from app.core import canonical
from app.core.display import printable
from app.core.entry import Entry
from app.core.identity import Identity, fingerprint_hex, save_key_file
from app.core.lineage import lot_trail
from app.core.schema import ROLES, SCHEMAS
from app.core.types import EntryType
from app.node import Node


def cmd_init(args: argparse.Namespace) -> int:
    policies = load_policies(args.policies)
    passphrase = read_passphrase(args, confirm=True, prompt="New passphrase for this node's key: ")
    identity = Identity.generate()
    node = Node.create_network(Path(args.data), identity, name=args.name, kind=args.kind, org=args.org,
                               display_name=args.display_name, passphrase=passphrase, policies=policies)
    title = network_title({"name": args.name, "kind": args.kind})
    say(f"{title[:1].upper()}{title[1:]} founded in {args.data}"
        + (f" ({EXERCISE_NOTE})" if args.kind == "exercise" else ""))
    print(f"  network id   {node.network_id}")
    assert node.identity is not None   # a key file left by an interrupted init is reused (Node.create_network)
    print(f"  your key     {node.identity.fingerprint}  (admin, commander)")
    node.close()
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, confirm=True, prompt="New passphrase for the key: ")
    identity = Identity.generate()
    out = Path(args.out)
    if out.exists():
        raise CliError(f"{out} exists; refusing to overwrite a key")
    save_key_file(out, identity, passphrase, label=args.label or "", overwrite=False)
    print(f"public key   {identity.public_key_hex}")
    print(f"fingerprint  {identity.fingerprint}")
    return 0


def cmd_add_member(args: argparse.Namespace) -> int:
    key = args.public_key.strip().lower()
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise CliError(f"unknown role(s) {', '.join(unknown)}; roles are {', '.join(ROLES)}")
    node = open_node(args, unlock=True)
    try:
        entry = node.propose(EntryType.MEMBER_ADD, {"key": key, "org": args.org, "name": args.name, "roles": roles},
                             args.reason or f"admit {args.name} ({args.org})")
        done = node.state.get("proposals", entry.hash)
    finally:
        node.close()
    if done is not None and done["status"] == "approved" and done["outcome"] == "applied":
        say(f"member {args.name} ({args.org}) added with roles {', '.join(roles)}; fingerprint {fingerprint_hex(key)}")
    else:
        say(f"membership of {args.name} ({args.org}) proposed; it takes effect once approved "
            f"(see `relief-ledger proposals`); fingerprint {fingerprint_hex(key)}")
    print(f"entry {entry.hash}")
    return 0


def entry_count(text: str) -> int:
    """An argparse type for how many entries to show: a plain number argparse refuses in its own usage line."""
    if not INTEGER.fullmatch(text) or not 1 <= int(text) <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 1,000,000")
    return int(text)


def cmd_record(args: argparse.Namespace) -> int:
    if args.type not in SCHEMAS or args.type == EntryType.GENESIS:
        known = ', '.join(t for t in SCHEMAS if t != EntryType.GENESIS)
        raise CliError(f"unknown entry type {args.type!r}; known types: {known}")
    body = body_from_args(args)
    node = open_node(args, unlock=True)
    try:
        entry = node.append(args.type, body)
    finally:
        node.close()
    print(f"recorded {entry.type} as seq {entry.seq}, entry {entry.hash}")
    return 0


def describe(node: Node, entry: Entry) -> str:
    body = printable(canonical.encode(entry.body).decode("utf-8"))
    if len(body) > 100:
        body = body[:97] + "..."
    return (f"{entry.lamport:>6} {printable(node.member_name(entry.author))[:28]:<28} #{entry.seq:<5} "
            f"{entry.type:<18} {body}")


def cmd_log(args: argparse.Namespace) -> int:
    node = open_node(args)
    try:
        author = None
        if args.author:
            matches = [k for k in node.state.tables["members"] if k.startswith(args.author.lower())
                       or fingerprint_hex(k).replace("-", "").startswith(args.author.replace("-", "").upper())]
            if not matches:
                raise CliError(f"no member matches {args.author!r}")
            author = matches[0]
        shown = node.store.recent(args.limit, author=author, entry_type=args.type)
        if not args.hashes:
            mark_exercise(node)
        for entry in reversed(shown):
            say(entry.hash if args.hashes else describe(node, entry))
    finally:
        node.close()
    return 0


def cmd_state(args: argparse.Namespace) -> int:
    node = open_node(args)
    try:
        for problem in node.own_tail_problems():
            say(f"warning: {problem.sentence()}", file=sys.stderr)
        state = node.state
        if args.digest:
            print(state.digest())
            return 0
        if args.json:
            print(json.dumps(state.tables, indent=1, sort_keys=True))
            return 0
        net = node.network
        say(f"Network: the {network_title(net)}  id {node.network_id[:16]}…")
        if node.is_exercise:
            say(f"  {EXERCISE_NOTE}")
        print(f"Entries {state.count}   state digest {state.digest()[:16]}…")
        names = {k: printable(v["name"]) for k, v in state.tables["items"].items()}
        sites = {k: printable(v["name"]) for k, v in state.tables["sites"].items()}
        print("\nStock (site / item / lot: quantity)")
        for row in sorted(state.tables["stock"].values(), key=lambda r: (r["site"], r["item"], r["lot"])):
            if row["qty"]:
                say(f"  {sites.get(row['site'], row['site'])[:30]:<30} {names.get(row['item'], row['item'])[:26]:<26} "
                      f"{row['lot']:<18} {row['qty']:>9}")
        open_requests = [r for r in state.tables["requests"].values() if r["status"] in ("open", "partial")]
        print(f"\nOpen requests: {len(open_requests)}")
        for row in sorted(open_requests, key=lambda r: (["critical", "high", "normal", "low"].index(r["priority"]),
                                                         r["needed_by_ms"]))[:20]:
            say(f"  {row['request']:<14} {row['priority']:<9} {sites.get(row['site'], row['site'])[:28]:<28} "
                  f"{names.get(row['item'], row['item'])[:24]:<24} {row['delivered']:>7}/{row['qty']:<7}")
        moving = [r for r in state.tables["shipments"].values() if r["status"] == "in_transit"]
        print(f"\nShipments in transit: {len(moving)}")
        conflicts = [c for c in state.tables["conflicts"].values() if c["open"]]
        print(f"Open conflicts: {len(conflicts)}")
        for row in conflicts[:20]:
            say(f"  {row['kind']:<16} {row['message']}")
    finally:
        node.close()
    return 0


def cmd_trace(args: argparse.Namespace) -> int:
    node = open_node(args)
    try:
        trail = lot_trail(node.state, args.lot)
        if not trail:
            raise CliError(f"no lot {args.lot!r} in this ledger")
        mark_exercise(node)
        lot = node.state.get("lots", args.lot)
        assert lot is not None
        say(f"Lot {args.lot}: item {lot['item']}, sources {', '.join(lot['sources']) or '-'}, "
            f"received {lot['received']}")
        by_hash = {e.hash: e for e in node.entries([s.entry for s in trail])}
        for step in trail:
            entry = by_hash[step.entry]
            say(f"  {step.event:<10} {describe(node, entry)}")
            print(f"  {'':<10} entry {entry.hash}")
    finally:
        node.close()
    return 0
