"""Command line for the network: `node` (headless replica), `join` (enrolment), `bundle` (sneakernet)."""

from __future__ import annotations

import argparse
import json
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from app.cli.common import NetworkCliError
from app.core.display import printable
from app.core.identity import Identity, KeyFileError, load_key_file
from app.net.bundle import check_bundle_file, export_bundle, import_bundle, read_frontier
from app.net.events import EventKind, Limits, NetEvent
from app.net.runner import NetworkRunner
from app.net.service import DEFAULT_PORT, JoinProfile, SyncService
from app.node import Node
from app.paths import CONTROL_NAME, DB_NAME, KEY_NAME, LOCK_NAME

AddCommand = Callable[..., argparse.ArgumentParser]
# The local control socket (`record` handed to a running node) is a Unix socket, which Python on Windows does
# not offer: there the node runs without it rather than failing to start.
CONTROL_SOCKETS = hasattr(socket, "AF_UNIX")


def parse_peer(text: str) -> tuple[str, int, str | None]:
    """`host:port` or `host:port@FINGERPRINT` (the fingerprint pins who must answer there)."""
    address, _, fingerprint = text.partition("@")
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise NetworkCliError(f"peer {text!r} is not host:port or host:port@FINGERPRINT")
    return host.strip("[]"), int(port), fingerprint.strip().upper() or None


def _print_event(event: NetEvent) -> None:
    if event.kind != EventKind.PROGRESS:
        print(time.strftime("%H:%M:%S ") + event.line(), flush=True)


def _stop_on_signals() -> threading.Event:
    """SIGTERM and Ctrl-C ask for a clean stop (set early: a service manager may signal during start-up).

    On Windows, where SIGTERM cannot be sent from outside (it is a kill there), Ctrl+Break asks too: it is what
    a script or service wrapper can deliver to a console program started in its own process group."""
    stop = threading.Event()

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    if hasattr(signal, "SIGBREAK"):
        signal.signal(signal.SIGBREAK, handler)
    return stop


def _wait_for_signal(stop: threading.Event) -> None:
    while not stop.wait(0.5):
        pass


def _runner(node: Node, args: argparse.Namespace, join: JoinProfile | None = None,
            on_event: Callable[[NetEvent], None] = _print_event) -> NetworkRunner:
    peers = [parse_peer(p) for p in (args.peer or [])]
    display = getattr(args, "name", None) or ""

    def make() -> SyncService:
        limits = Limits(ping_interval=args.ping_interval, idle_timeout=max(args.idle_timeout, 2 * args.ping_interval))
        return SyncService(node, display_name=display, host=args.listen, port=args.port, on_event=on_event,
                           join=join, limits=limits)
    return NetworkRunner(make, discovery=not args.no_discovery, interfaces=args.interface or None, peers=peers)


def cmd_node(args: argparse.Namespace, read_passphrase: Callable[[argparse.Namespace], str]) -> int:
    """Run a replica with discovery and sync and no window, until SIGTERM or Ctrl-C."""
    stop = _stop_on_signals()
    identity = _unlock(args, read_passphrase)
    node = Node.open(Path(args.data), identity=identity, allow_empty=True)
    if not node.has_network:
        node.close()
        raise NetworkCliError(f"{args.data} has not joined a network yet: run `relief-ledger join` first")
    runner = _runner(node, args)
    try:
        port = runner.start()
    except OSError as exc:
        node.close()
        raise NetworkCliError(f"cannot listen on {args.listen}:{args.port}: {exc.strerror or exc}") from exc
    control_path = Path(args.data) / CONTROL_NAME
    if CONTROL_SOCKETS:
        runner.serve_control(control_path, lambda items: [e.hash for e in node.append_many(items)])
    print(printable(f"relief-ledger node: network {node.network.get('name')!r} ({node.network_id[:12]}…), "
                    f"{node.entry_count()} entries, key {identity.fingerprint}, listening on port {port}; "
                    "SIGTERM or Ctrl-C stops it"), flush=True)
    try:
        _wait_for_signal(stop)
    finally:
        runner.stop()
        control_path.unlink(missing_ok=True)
        count = node.entry_count()
        node.close()
        print(f"relief-ledger node: stopped cleanly with {count} entries stored", flush=True)
    return 0


def cmd_join(args: argparse.Namespace, read_passphrase: Callable[..., str]) -> int:
    """Ask a network's nodes to enrol this one; wait until an admin admits it, then sync."""
    data = Path(args.data)
    key_file = data / KEY_NAME
    if key_file.exists():
        identity = _unlock(args, read_passphrase)
        if (data / DB_NAME).exists():
            node = Node.open(data, identity=identity, allow_empty=True)
        else:   # cut off before its database existed: the key (perhaps already read out) is kept
            node = Node.create_joining(data, identity)
        if node.has_network:
            name = node.network.get("name")
            node.close()
            raise NetworkCliError(f"{data} is already a replica of {name!r}: run `relief-ledger node` instead")
    else:
        passphrase = read_passphrase(args, confirm=True, prompt="New passphrase for this node's key: ")
        identity = Identity.generate()
        node = Node.create_joining(data, identity, display_name=args.name, passphrase=passphrase)
    print("This node's key fingerprint (read it aloud to the admin who admits you):\n\n"
          f"    {identity.fingerprint}\n\npublic key: {identity.public_key_hex}\n", flush=True)
    admitted = threading.Event()

    def on_event(event: NetEvent) -> None:
        _print_event(event)
        if event.kind == EventKind.SYNCED:
            admitted.set()
    runner = _runner(node, args, JoinProfile(args.name, args.org, args.network), on_event)
    runner.start()
    deadline = time.monotonic() + args.timeout if args.timeout else None
    stop = _stop_on_signals()
    try:
        while not stop.is_set():
            if admitted.wait(0.5) and node.has_network:
                break
            if deadline is not None and time.monotonic() > deadline:
                print("relief-ledger join: not admitted yet; run the same command again to keep waiting",
                      file=sys.stderr)
                return 3
        if stop.is_set():
            print("relief-ledger join: stopped before being admitted; run it again to keep waiting", file=sys.stderr)
            return 130
    finally:
        if not (args.stay and admitted.is_set()):
            runner.stop()
    print(printable(f"Admitted to {node.network.get('name')!r}: {node.entry_count()} entries synced."), flush=True)
    if args.stay:
        try:
            _wait_for_signal(stop)
        finally:
            runner.stop()
    node.close()
    return 0


def cmd_bundle(args: argparse.Namespace, read_passphrase: Callable[[argparse.Namespace], str]) -> int:
    data = Path(args.data)
    if args.action == "frontier":
        node = Node.open(data, shared=True)
        try:
            document = {"net": node.network_id, "heads": node.frontier()}
        finally:
            node.close()
        text = json.dumps(document, indent=1, sort_keys=True)
        if args.file:
            try:
                Path(args.file).write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise NetworkCliError(f"cannot write {args.file}: {exc.strerror or exc}") from exc
            print(f"wrote what this replica holds to {args.file}; give it to whoever exports a bundle for you")
        else:
            print(text)
        return 0
    if not args.file:
        raise NetworkCliError("name the bundle file")
    if args.action == "export":
        frontier = None
        if args.frontier:
            try:
                with open(args.frontier, "rb") as stream:
                    frontier = read_frontier(stream)
            except OSError as exc:
                raise NetworkCliError(f"cannot read {args.frontier}: {exc.strerror or exc}") from exc
        node = Node.open(data, identity=_unlock(args, read_passphrase), shared=True)
        try:
            report = export_bundle(node, Path(args.file), frontier,
                                   progress=_progress("export") if args.progress else None)
        finally:
            node.close()
        print(report.summary())
        return 0
    if not Path(args.file).is_file():
        raise NetworkCliError(f"no bundle file at {args.file}")
    check_bundle_file(Path(args.file))
    fresh = not (data / DB_NAME).exists()
    before = set(data.iterdir()) if data.is_dir() else None
    node = Node.create_joining(data, None) if fresh else Node.open(data, allow_empty=True)
    try:
        imported = import_bundle(node, Path(args.file), progress=_progress("import") if args.progress else None)
    finally:
        nothing_placed = fresh and not node.has_network
        node.close()
        if nothing_placed:
            _discard_new_replica(data, before)
    print(imported.summary())
    return 0 if not imported.refused and not imported.unplaced and imported.sealed else 1


def _discard_new_replica(data: Path, before: set[Path] | None) -> None:
    """An import into a new directory that placed nothing leaves nothing: no empty replica that later
    commands would take for a real one. Only files this import created go (and the directory, if it did)."""
    for path in set(data.iterdir()) - (before or set()):
        if path.name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", LOCK_NAME):
            path.unlink(missing_ok=True)
    if before is None:
        try:
            data.rmdir()
        except OSError:
            pass   # something else appeared there meanwhile: leave it


def _progress(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        print(f"\r{label}: {done}/{total} entries", end="" if done < total else "\n", file=sys.stderr, flush=True)
    return show


def _unlock(args: argparse.Namespace, read_passphrase: Callable[[argparse.Namespace], str]) -> Identity:
    try:
        return load_key_file(Path(args.data) / KEY_NAME, read_passphrase(args))
    except KeyFileError as exc:
        raise NetworkCliError(str(exc)) from exc


def register(add: AddCommand, read_passphrase: Callable[..., str]) -> None:
    """Add `node`, `join` and `bundle` to the main parser (`add` is app.cli.build_parser's helper)."""
    def network_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--listen", default="0.0.0.0", help="address to accept peers on (default: all)")
        p.add_argument("--port", type=int, default=DEFAULT_PORT, help="TCP port (default %(default)s; "
                       "another free port is used when it is taken)")
        p.add_argument("--interface", action="append", metavar="IPV4",
                       help="advertise and browse only on the interface with this address (repeatable; "
                            "default: each of this machine's IPv4 addresses)")
        p.add_argument("--peer", action="append", metavar="HOST:PORT[@FINGERPRINT]",
                       help="also dial this peer (routed links where multicast does not pass; repeatable)")
        p.add_argument("--no-discovery", action="store_true", help="do not use zeroconf; manual peers only")
        p.add_argument("--ping-interval", type=float, default=Limits.ping_interval, metavar="S",
                       help="keep-alive interval in seconds (default %(default)s)")
        p.add_argument("--idle-timeout", type=float, default=Limits.idle_timeout, metavar="S",
                       help="drop a link after this many silent seconds (default %(default)s; "
                            "lower it where vehicles drive out of range often)")

    p = add("node", lambda a: cmd_node(a, read_passphrase),
            "run a replica with discovery and sync and no window (relay boxes, hub servers)")
    network_options(p)
    p = add("join", lambda a: cmd_join(a, read_passphrase),
            "make a key, ask nodes of a network to enrol this one, and sync once an admin admits it")
    p.add_argument("--name", required=True, help="your name or your command center's, as peers will see it")
    p.add_argument("--org", required=True, help="your organisation")
    p.add_argument("--network", help="only join a network whose id starts with this (from the admin)")
    p.add_argument("--timeout", type=float, default=0, help="give up after this many seconds (default: wait)")
    p.add_argument("--stay", action="store_true", help="keep running as a node once admitted")
    network_options(p)
    p = add("bundle", lambda a: cmd_bundle(a, read_passphrase),
            "carry entries on a USB stick: export, import, or write this replica's frontier")
    p.add_argument("action", choices=("export", "import", "frontier"))
    p.add_argument("file", nargs="?", help="the bundle file (for frontier: where to write it; default stdout)")
    p.add_argument("--frontier", help="export only what the replica that wrote this frontier file lacks")
    p.add_argument("--progress", action="store_true", help="show progress on stderr")


__all__ = ["parse_peer", "register"]
