"""`relief-ledger verify`: every entry and the projected state re-checked from the signed bytes."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import open_node, say
from app.core.entry import is_hex64
from app.core.finding import Finding
from app.core.identity import fingerprint_hex
from app.node import StoreError
from app.store.replica_store import ReplicaDamaged, ReplicaFromNewerRelease

if TYPE_CHECKING:
    from app.store.verification import VerifyReport


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0: sound (notes are ledger history); 1: a defect (named); 2 (from main): the check could not run."""
    from sqlalchemy.exc import DBAPIError
    from tqdm import tqdm

    from app.paths import DB_NAME
    from app.store.lock import ReplicaLock
    from app.store.verification import VerifyReport, file_integrity, verify_replica, wal_defects

    data = Path(args.data)
    for warning in exposed_key_files(data):   # before the verdict, which they never change
        say(f"  warning key file {warning.author}")
        say(f"          {warning.code}: {warning.message}")
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
    except ReplicaFromNewerRelease:
        raise   # not damage: this release cannot read what a newer one wrote (one sentence, exit 2)
    except ReplicaDamaged as damage:
        # stored state it cannot even load: verify the entries without it (the state check names the damage)
        from app.paths import database_url
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


KEY_FILE_EXPOSED = "key_file_exposed"
DEMO_KEYS = "demo-keys"   # app/exercise/demo.py: the demo's other members' key files


def exposed_key_files(data: Path) -> list[Finding]:
    """Key files in the data directory that group or others may read or write (docs/FORMAT.md §9.4).

    A warning about this machine, not about the ledger: the key is encrypted, but a copy anyone can read
    is a passphrase away from being used, and one anyone can write can be swapped. The verdict stays a
    function of the entries, so this never changes it. POSIX modes only: skipped on Windows."""
    from app.paths import KEY_NAME

    if os.name == "nt":
        return []
    candidates = [data / KEY_NAME]
    if (data / DEMO_KEYS).is_dir():
        candidates += sorted((data / DEMO_KEYS).glob("*.key"))
    found: list[Finding] = []
    for path in candidates:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue   # no such file: nothing exposed (a missing key is the opening's business)
        if mode & 0o077:
            found.append(Finding("", str(path), 0, KEY_FILE_EXPOSED,
                                 f"mode {mode:04o} lets group or others read or write this key file; a key "
                                 f"file must be 0600, like an ssh key: run `chmod 600 {path}` (a warning "
                                 "about this machine, not a ledger defect: the verdict is unchanged)"))
    return found


def _feed(author: str) -> str:
    """The feed an entry belongs to, as operators compare it (fingerprint) and as stored (key prefix)."""
    if is_hex64(author):
        return f"feed {fingerprint_hex(author)}, key {author[:12]}…"
    return f"feed of stored author {author[:64]!r}"   # an altered column: shown, never trusted


def _print_defects(report: VerifyReport) -> int:
    """Exit status 1: the verdict is defective (docs/FORMAT.md §9.4)."""
    print(f"FAILED: {len(report.defects)} defect(s):")
    for d in report.defects:
        where = (f"entry {d.hash} ({_feed(d.author)}, seq {d.seq})" if d.hash else
                 f"own feed of {d.author[:12]}… (signed up to seq {d.seq})" if d.author else "replica")
        say(f"  {where}")
        say(f"    {d.code}: {d.message}")
    return 1
