"""Command line: gui (default), init, keygen, add-member, record, log, state, trace, verify, demo;
node, join and bundle come from cli_network; the approval workflow (propose, approve, reject,
withdraw, proposals) from cli_approvals.

Every failure an operator can cause ends in one clear sentence on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from platformdirs import user_data_dir

from app import __version__
from app.core import canonical
from app.core.display import printable
from app.core.entry import EntryError, is_hex64
from app.core.identity import Identity, KeyFileError, fingerprint_hex, load_key_file, save_key_file
from app.core.lineage import lot_trail
from app.core.schema import NETWORK_KINDS, ROLES, SCHEMAS
from app.cli_network import NetworkCliError
from app.errors import ReliefLedgerError
from app.net.control import CONTROL_NAME
from app.net.bundle import BundleError
from app.node import KEY_NAME, Node, NodeError, StoreError
from app.store.replica_store import ReplicaDamaged
from app.cli_approvals import load_policies, register as register_approval_commands

PASSPHRASE_ENV = "RELIEF_LEDGER_PASSPHRASE"


class CliError(ReliefLedgerError):
    """A message for the operator; the command exits with status 2."""

    code = "command_refused"


def say(line: object = "", *, file: Any = None, flush: bool = False) -> None:
    """Print one line of output: names, sources, reasons and notes in it come from other members or
    peers, so controls, bidi overrides and line breaks in it are shown escaped (app/core/display.py)."""
    print(printable(line), file=file, flush=flush)


def default_data_dir() -> Path:
    return Path(os.environ.get("RELIEF_LEDGER_DATA") or user_data_dir("relief-ledger", "ReliefLedger"))


def read_passphrase(args: argparse.Namespace, confirm: bool = False, prompt: str = "Passphrase: ") -> str:
    """From --passphrase-file, the RELIEF_LEDGER_PASSPHRASE variable, or the terminal."""
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"cannot read the passphrase file: {exc}") from exc
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise CliError(f"a passphrase is needed: use --passphrase-file or set {PASSPHRASE_ENV}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise CliError("the two passphrases differ")
    if not first:
        raise CliError("an empty passphrase is not allowed")
    return first


def open_node(args: argparse.Namespace, unlock: bool = False) -> Node:
    """Open the replica; to sign, unlock the node's key or the member key given with --key."""
    identity = None
    if unlock:
        passphrase = read_passphrase(args)
        key_file = Path(args.key) if getattr(args, "key", None) else Path(args.data) / KEY_NAME
        try:
            identity = load_key_file(key_file, passphrase)
        except KeyFileError as exc:
            raise CliError(str(exc)) from exc
    try:
        return Node.open(Path(args.data), identity=identity, shared=not unlock)
    except NodeError:
        if not unlock or not (Path(args.data) / CONTROL_NAME).exists() or identity is None:
            raise
        from app.cli_network import open_beside_running_node

        return open_beside_running_node(Path(args.data), identity, bool(getattr(args, "key", None)))


# -- commands --------------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    policies = load_policies(args.policies)
    passphrase = read_passphrase(args, confirm=True, prompt="New passphrase for this node's key: ")
    identity = Identity.generate()
    node = Node.create_network(Path(args.data), identity, name=args.name, kind=args.kind, org=args.org,
                               display_name=args.display_name, passphrase=passphrase, policies=policies)
    say(f"Network '{args.name}' ({args.kind}) founded in {args.data}")
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
        entry = node.propose("member.add", {"key": key, "org": args.org, "name": args.name, "roles": roles},
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


# An integer on the command line: ASCII digits with at most one leading minus, and no more digits than the
# ledger's largest integer (2^53-1) has. Python's int() also reads other scripts' digits ("٣" is 3) and
# "1_000": those would sign a number the operator never typed.
_INTEGER = re.compile(r"-?[0-9]{1,16}", re.ASCII)


def _looks_numeric(value: str) -> bool:
    """Meant as a number but not written as one the ledger reads: "--5", "+5", "1_000", "٣", "²", "½"."""
    digits = value.strip("-+_ ").replace("_", "")
    return bool(digits) and all(c.isnumeric() for c in digits)


def parse_field(text: str) -> tuple[str, Any]:
    """`name=value`: integers stay integers, true/false become booleans, JSON lists/objects are parsed."""
    if "=" not in text:
        raise CliError(f"--field {text!r} must look like name=value")
    name, value = text.split("=", 1)
    if value in ("true", "false"):
        return name, value == "true"
    if _INTEGER.fullmatch(value):
        return name, int(value)
    if _looks_numeric(value):
        raise CliError(f"--field {name}={value}: a number is written with the digits 0-9 and at most one "
                       f"leading minus, and may have at most 16 digits")
    if value[:1] in "[{":
        return name, parse_json_text(value, f"--field {name}")
    return name, value


def parse_json_text(text: str, what: str) -> Any:
    """JSON typed by an operator, or one sentence saying why it is not (a nesting bomb included)."""
    try:
        return json.loads(text, parse_float=float)
    except RecursionError as exc:
        raise CliError(f"{what} nests arrays and objects far deeper than the ledger's 16 levels") from exc
    except ValueError as exc:
        raise CliError(f"{what} is not valid JSON: {exc}") from exc


def entry_count(text: str) -> int:
    """An argparse type for how many entries to show: a plain number argparse refuses in its own usage line."""
    if not _INTEGER.fullmatch(text) or not 1 <= int(text) <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 1,000,000")
    return int(text)


def read_text_argument(value: str, what: str) -> str:
    """An argument given inline, or as @file: a missing or non-UTF-8 file is one sentence, not a traceback."""
    if not value.startswith("@"):
        return value
    try:
        return Path(value[1:]).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{what}: cannot read {value[1:]}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"{what}: {value[1:]} is not UTF-8 text") from exc


def cmd_record(args: argparse.Namespace) -> int:
    if args.type not in SCHEMAS or args.type == "genesis":
        raise CliError(f"unknown entry type {args.type!r}; known types: {', '.join(t for t in SCHEMAS if t != 'genesis')}")
    body: dict[str, Any] = {}
    if args.json:
        source = read_text_argument(args.json, "--json")
        body = parse_json_text(source, "--json")
        if not isinstance(body, dict):
            raise CliError("--json must be a JSON object")
    for item in args.field or []:
        name, value = parse_field(item)
        body[name] = value
    node = open_node(args, unlock=True)
    try:
        entry = node.append(args.type, body)
    finally:
        node.close()
    print(f"recorded {entry.type} as seq {entry.seq}, entry {entry.hash}")
    return 0


def describe(node: Node, entry) -> str:  # type: ignore[no-untyped-def]
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
        say(f"Network {net.get('name')} ({net.get('kind')})  id {node.network_id[:16]}…")
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


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0: sound (notes are ledger history); 1: a defect (named); 2 (from main): the check could not run."""
    from sqlalchemy.exc import DBAPIError
    from tqdm import tqdm

    from app.node import DB_NAME
    from app.store.lock import ReplicaLock
    from app.core.finding import Finding
    from app.store.verification import VerifyReport, file_integrity, verify_replica, wal_defects

    data = Path(args.data)
    wal: list[Finding] = []
    if (data / DB_NAME).exists():
        lock = ReplicaLock(data)
        try:
            # a log at rest only: a running node's live log is neither damaged nor stable; probing the lock
            # writes nothing (verify only reads)
            at_rest = lock.probe()
        except OSError:
            at_rest = False
        if at_rest:
            try:
                wal = wal_defects(data / DB_NAME)
            finally:
                lock.release()
    try:
        node = open_node(args)
    except ReplicaDamaged as damage:
        # stored state it cannot even load: verify the entries without it (the state check names the damage)
        from app.node import database_url
        from app.store.replica_store import ReplicaStore

        try:
            store = ReplicaStore(database_url(data), read_only=True)
        except StoreError:
            store = None
        if store is not None:
            try:
                report = verify_replica(store)
            finally:
                store.close()
            report.defects[:0] = wal
            print(f"Checked {report.checked} entries and {report.evidence} equivocation evidence record(s).")
            return _print_defects(report)
        report = VerifyReport(defects=wal + file_integrity(data / DB_NAME))
        print(f"The replica database cannot be opened ({damage}).")
        return _print_defects(report)
    except (StoreError, DBAPIError) as exc:
        if not (data / DB_NAME).exists():
            raise
        report = VerifyReport(defects=wal + file_integrity(data / DB_NAME))
        say(f"The replica database cannot be opened ({getattr(exc, 'orig', None) or exc}).")
        return _print_defects(report)
    try:
        try:
            total = node.entry_count()
        except DBAPIError:
            total = 0   # verify_replica names the damage
        with tqdm(total=total, unit="entry", desc="verifying", disable=args.quiet,
                  file=sys.stderr, leave=False) as bar:
            def progress(done: int, total: int) -> None:
                bar.update(done - bar.n)
            report = verify_replica(node.store, progress, own_head=node.own_head_path)
    finally:
        node.close()
    report.defects[:0] = wal
    print(f"Checked {report.checked} entries and {report.evidence} equivocation evidence record(s).")
    for note in report.notes:
        say(f"  note    entry {note.hash} ({_feed(note.author)}, seq {note.seq})")
        say(f"          {note.code}: {note.message}")
    if report.ineffective:
        counts = ", ".join(f"{code} {count}" for code, count in sorted(report.ineffective.items()))
        say(f"  note    {sum(report.ineffective.values())} entries have no effect in the fold ({counts}): "
            f"ledger history, not defects (`relief-ledger state --json` lists them under ineffective)")
    if report.ok:
        print(f"OK: every entry verifies; projected state matches (digest {report.state_digest[:16]}…).")
        return 0
    return _print_defects(report)


def _feed(author: str) -> str:
    """The feed an entry belongs to, as operators compare it (fingerprint) and as stored (key prefix)."""
    if is_hex64(author):
        return f"feed {fingerprint_hex(author)}, key {author[:12]}…"
    return f"feed of stored author {author[:64]!r}"   # an altered column: shown, never trusted


def _print_defects(report) -> int:  # type: ignore[no-untyped-def]
    """Exit status 1: the verdict is defective (docs/FORMAT.md §9.4)."""
    print(f"FAILED: {len(report.defects)} defect(s):")
    for d in report.defects:
        where = (f"entry {d.hash} ({_feed(d.author)}, seq {d.seq})" if d.hash else
                 f"own feed of {d.author[:12]}… (signed up to seq {d.seq})" if d.author else "replica")
        say(f"  {where}")
        say(f"    {d.code}: {d.message}")
    return 1


def cmd_demo(args: argparse.Namespace) -> int:
    from app.exercise.demo import build_demo

    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="relief-ledger-demo-"))
    summary = build_demo(data, progress=not args.quiet)
    print(summary)
    if not args.no_gui:
        return launch_gui(data, passphrase=summary.passphrase)
    return 0


def launch_gui(data: Path | None, passphrase: str | None = None) -> int:
    try:
        from app.ui.app import run_gui
    except ImportError as exc:
        raise CliError(f"the desktop client is not available in this build ({exc})") from exc
    return run_gui(data, passphrase=passphrase)


def cmd_gui(args: argparse.Namespace) -> int:
    return launch_gui(Path(args.data) if args.data else None)


# -- parser ----------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relief-ledger", description="Relief Ledger: signed, replicated ledger "
                                     "of relief-material movements for emergency command centers.")
    parser.add_argument("--version", action="version", version=f"relief-ledger {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            data_required: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if data_required:
            p.add_argument("--data", default=str(default_data_dir()), help="replica data directory "
                           "(default: %(default)s or $RELIEF_LEDGER_DATA)")
        p.add_argument("--passphrase-file", help=f"read the passphrase from this file (or set {PASSPHRASE_ENV})")
        if name in ("add-member", "record"):
            p.add_argument("--key", help="sign with this member key file instead of the node's own key")
        p.set_defaults(handler=handler)
        return p

    p = add("gui", cmd_gui, "open the desktop client (the default command)", data_required=False)
    p.add_argument("--data", default=None, help="replica data directory")
    p = add("init", cmd_init, "found a new network with a new key in an empty data directory")
    p.add_argument("--name", required=True, help="network name, e.g. 'Cyclone Idai response'")
    p.add_argument("--kind", choices=NETWORK_KINDS, default="live")
    p.add_argument("--org", required=True, help="your organisation")
    p.add_argument("--display-name", required=True, help="your name or your command center's")
    p.add_argument("--policies", help="approval policies as JSON or @file.json (docs/FORMAT.md §7.3; default rule "
                                      "otherwise)")
    p = add("keygen", cmd_keygen, "make a key pair for a new member (prints its public key and fingerprint)",
            data_required=False)
    p.add_argument("--out", required=True, help="where to write the encrypted key file")
    p.add_argument("--label", help="who this key belongs to")
    p = add("add-member", cmd_add_member, "propose admitting a member (takes effect once approved)")
    p.add_argument("--public-key", required=True, help="the member's public key (64 hex characters)")
    p.add_argument("--org", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--reason", help="why, for the approvers (membership goes through a proposal)")
    p = add("record", cmd_record, "sign and append an entry from --field name=value pairs or --json")
    p.add_argument("type", help="entry type, e.g. stock.receive")
    p.add_argument("--field", action="append", help="name=value (repeatable)")
    p.add_argument("--json", help="the body as JSON, or @file.json")
    register_approval_commands(add)
    p = add("log", cmd_log, "show the latest entries in total order")
    p.add_argument("--limit", type=entry_count, default=30, help="how many entries (1 to 1,000,000; default 30)")
    p.add_argument("--author", help="public key or fingerprint prefix")
    p.add_argument("--type", help="only this entry type")
    p.add_argument("--hashes", action="store_true", help="print entry hashes only")
    p = add("state", cmd_state, "show projected state: stock, requests, shipments, conflicts")
    p.add_argument("--json", action="store_true", help="all state tables as JSON")
    p.add_argument("--digest", action="store_true", help="only the state digest")
    p = add("trace", cmd_trace, "follow a lot from its sources to where it went")
    p.add_argument("lot")
    p = add("verify", cmd_verify, "re-verify every entry and the projected state from the signed bytes; exit 0 "
                                  "when sound (notes are ledger history), 1 on any defect, 2 when it cannot run")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p = add("demo", cmd_demo, "build a demo exercise network (three command centers, a few hundred entries)",
            data_required=False)
    p.add_argument("--data", default=None, help="where to build it (default: a new temporary directory)")
    p.add_argument("--no-gui", action="store_true", help="only build the data, do not open the window")
    p.add_argument("--quiet", action="store_true")
    from app import cli_network, cli_runs
    cli_network.register(add, read_passphrase)
    cli_runs.register(add)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    try:
        return args.handler(args)
    except ReplicaDamaged as exc:
        print(damaged_sentence(args, str(exc)), file=sys.stderr)
        return 2
    except (CliError, NodeError, StoreError, KeyFileError, NetworkCliError, BundleError) as exc:
        say(f"relief-ledger: {exc}", file=sys.stderr)
        return 2
    except EntryError as exc:
        say(f"relief-ledger: refused ({exc.code}): {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relief-ledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last resort: one sentence, the traceback in a file
        return last_resort(args, exc)


def damaged_sentence(args: argparse.Namespace, detail: str) -> str:
    """The one line for a replica whose stored data cannot be what it wrote: what, and what to do."""
    data = getattr(args, "data", None) or "the data directory"
    return (f"relief-ledger: the replica in {data} is damaged: {_one_line(detail)}; nothing was changed. Run "
            f"`relief-ledger verify --data {data}` to see what is wrong, then restore ledger.db from a backup "
            f"or re-sync an empty replica from a peer")


def database_failure(exc: Exception) -> str:
    """What SQLite said, as damage (a page or table it cannot read) or as the plain failure it is."""
    reason = _one_line(str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__)
    if any(word in reason for word in ("locked", "busy")):
        return f"the replica database is in use by another process ({reason}); try again when it is done"
    if any(word in reason for word in ("malformed", "not a database", "no such table", "no such column")):
        return ""   # damage: the caller says so in full
    return f"the replica database failed ({reason}); nothing was changed"


def last_resort(args: argparse.Namespace, exc: Exception) -> int:
    """An exception no specific sentence covers: was the replica damaged after all? Otherwise a bug to report."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        plain = database_failure(exc)
        if plain:
            print(f"relief-ledger: {plain}", file=sys.stderr)
            return 2
        print(damaged_sentence(args, f"SQLite reports {_one_line(str(exc.orig or exc).splitlines()[0])}"),
              file=sys.stderr)
        return 2
    damage = confirmed_damage(args)
    if damage is not None:
        print(damaged_sentence(args, damage), file=sys.stderr)
        return 2
    report = write_crash_report(exc)
    where = f"the details are in {report}" if report else "no crash report could be written"
    print(f"relief-ledger: internal error ({type(exc).__name__}: {_one_line(str(exc))[:160]}); {where}: "
          f"please report this to the Relief Ledger maintainers", file=sys.stderr)
    return 70


def confirmed_damage(args: argparse.Namespace) -> str | None:
    """Why the replica in --data is damaged, found by re-folding its entries, or None if it is consistent.

    Run only after an unexpected exception: stored state edited by hand (a row missing a field) breaks
    code that trusts what the fold wrote, and only a comparison with the entries tells that from a bug.
    """
    from sqlalchemy.exc import DBAPIError

    from app.core.state import fold
    from app.node import DB_NAME, database_url
    from app.store.replica_store import ReplicaStore

    data = getattr(args, "data", None)
    if not data or not (Path(data) / DB_NAME).is_file():
        return None
    try:
        store = ReplicaStore(database_url(Path(data)), read_only=True)
    except StoreError as exc:
        return str(exc)
    try:
        with store.engine.connect() as connection:
            entries = list(store.iter_in_order(connection))
        if fold(entries, store.equivocators()).digest() != store.load_state().digest():
            return "its stored state does not match a fold of its entries (state rows altered or lost)"
        if store.heads() != _heads_of(entries):
            return "its table of author heads does not match its entries"
    except StoreError as exc:
        return str(exc)
    except DBAPIError as exc:
        return f"SQLite reports {_one_line(str(exc.orig or exc).splitlines()[0])}"
    except Exception:  # noqa: BLE001 - the check is best effort; the caller then reports a bug
        return None
    finally:
        store.close()
    return None


def _heads_of(entries: list) -> dict[str, tuple[int, str, int]]:  # type: ignore[type-arg]
    heads: dict[str, tuple[int, str, int]] = {}
    for entry in entries:
        if entry.seq > heads.get(entry.author, (0, "", 0))[0]:
            heads[entry.author] = (entry.seq, entry.hash, entry.lamport)
    return heads


def write_crash_report(exc: BaseException) -> Path | None:
    """The traceback in a private file under the system's temporary directory (never inside the replica)."""
    import time
    import traceback

    try:
        handle, name = tempfile.mkstemp(prefix=f"relief-ledger-crash-{time.strftime('%Y%m%dT%H%M%S')}-",
                                        suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(f"relief-ledger {__version__}, argv {sys.argv!r}\n")
            stream.write("".join(traceback.format_exception(exc)))
        return Path(name)
    except OSError:
        return None


def _one_line(text: str) -> str:
    """Text from a file or a peer, fit for one terminal line: control and format characters escaped."""
    return printable(text)


if __name__ == "__main__":
    sys.exit(main())
