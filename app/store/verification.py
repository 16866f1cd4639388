"""Full re-verification of a stored replica: the database file, every entry, every rule, the projected
state, and the own-head record (a node's own feed must be held as far as the node signed it).

A defect is named by the entry it lives in: when an entry is altered, its
successors' links to it are not reported again, so a flipped byte names
exactly one entry.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from app.core.entry import Entry, EntryError, parse
from app.core.membership import MEMBER_TYPES, MembershipTimeline
from app.core.state import fold
from app.core.validation import check_entry_content
from app.store.own_head import RECORD_DAMAGED, OwnHeadError, TailProblem, compare, read_record
from app.store.replica_store import ReplicaStore, StoreError
from app.store.schema import entries
from app.store.wal import scan_wal

DB_CORRUPT = "db_corrupt"
WAL_DAMAGED = "wal_damaged"
INTEGRITY_LINES = 20

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Defect:
    hash: str
    author: str
    seq: int
    code: str
    message: str


@dataclass
class VerifyReport:
    checked: int = 0
    evidence: int = 0
    defects: list[Defect] = field(default_factory=list)
    notes: list[Defect] = field(default_factory=list)
    state_checked: bool = False
    state_digest: str = ""
    stored_digest: str = ""

    @property
    def ok(self) -> bool:
        return not self.defects


class _Seen:
    """What the pass has verified so far, as validation's ReplicaView."""

    def __init__(self, network_id: str | None, timeline: MembershipTimeline) -> None:
        self.network_id = network_id
        self.lamports: dict[str, int] = {}
        self.timestamps: dict[str, int] = {}
        self.positions: dict[str, tuple[str, int]] = {}
        self.types: dict[str, str] = {}
        self.timeline = timeline

    def lamport_of(self, entry_hash: str) -> int | None:
        return self.lamports.get(entry_hash)

    def hash_at(self, author: str, seq: int) -> str | None:  # pragma: no cover - chain checked by the pass
        return None

    def head_seq(self, author: str) -> int:  # pragma: no cover
        return 0

    def type_of(self, entry_hash: str) -> str | None:
        return self.types.get(entry_hash)

    def ts_of(self, entry_hash: str) -> int | None:
        return self.timestamps.get(entry_hash)

    def position_of(self, entry_hash: str) -> tuple[str, int] | None:
        return self.positions.get(entry_hash)

    def membership(self) -> MembershipTimeline:
        return self.timeline


def verify_replica(store: ReplicaStore, progress: Progress | None = None, check_state: bool = True,
                   own_head: Path | None = None) -> VerifyReport:
    """`own_head`: the replica's own-head record file (app/store/own_head.py), when it has one."""
    report = VerifyReport()
    if store.engine.dialect.name == "sqlite":
        try:
            with store.engine.connect() as connection:
                lines = [row[0] for row in connection.exec_driver_sql(
                    f"PRAGMA integrity_check({INTEGRITY_LINES})").all()]
        except DBAPIError as exc:
            lines = [f"the check itself failed: {getattr(exc, 'orig', None) or exc}"]
        report.defects.extend(integrity_defects(lines))
    try:
        with store.engine.connect() as connection:
            total = connection.execute(select(func.count()).select_from(entries)).scalar() or 0
            rows = connection.exec_driver_sql(
                "SELECT hash, author, seq, lamport, type, raw, sig FROM entries ORDER BY lamport, author, seq")
            good = _verify_entries(store, rows, total, report, progress)
        _verify_evidence(store, report)
        if own_head is not None:
            report.defects.extend(own_head_defects(store, own_head))
        if check_state and report.ok:
            try:
                stored_digest = store.load_state().digest()
            except StoreError as exc:   # rows or position that do not even parse: the state cannot match
                stored_digest = f"unreadable: {exc}"
            rebuilt = fold(good, store.equivocators())   # settles revocation pins from the entries themselves
            report.state_checked = True
            report.state_digest = rebuilt.digest()
            report.stored_digest = stored_digest
            if report.state_digest != report.stored_digest:
                report.defects.append(Defect("", "", 0, "state_mismatch",
                                             "the projected state differs from a fold of the entries "
                                             "(state tables altered or stale)"))
    except DBAPIError as exc:  # a page SQLite could not read: the check above names it, this says what stopped
        report.defects.append(Defect("", "", 0, DB_CORRUPT, f"reading the replica failed: "
                                                            f"{getattr(exc, 'orig', None) or exc}"))
    return report


def _verify_entries(store: ReplicaStore, rows, total: int, report: VerifyReport,  # type: ignore[no-untyped-def]
                    progress: Progress | None) -> list[Entry]:
    network_id = store.network_id
    timeline = store.membership()
    seen = _Seen(network_id, timeline)
    chains: dict[str, tuple[int, str, bool]] = {}
    good: list[Entry] = []
    deferred: list[tuple[Entry, EntryError]] = []

    def defect(entry: Entry, code: str, message: str) -> None:
        report.defects.append(Defect(entry.hash, entry.author, entry.seq, code, message))

    lamports = seen.lamports
    index = 0
    for index, (row_hash, row_author, row_seq, row_lamport, row_type, raw, sig) in enumerate(rows, 1):
        if progress is not None and index % 1000 == 0:
            progress(index, total)
        content_hash = hashlib.sha256(raw).hexdigest()
        last = chains.get(row_author)
        lamports[row_hash] = row_lamport
        problem: tuple[str, str] | None = None
        if row_hash != content_hash:
            lamports[content_hash] = row_lamport
            problem = ("hash_mismatch", "the stored hash does not match the entry's bytes: the entry was altered")
        else:
            try:
                entry = parse(raw, sig, digest=content_hash)
            except EntryError as exc:
                problem = (exc.code, str(exc))
            else:
                if (entry.author, entry.seq, entry.lamport, entry.type) != (row_author, row_seq, row_lamport, row_type):
                    problem = ("index_mismatch",
                               "the stored author/seq/lamport/type columns do not match the signed entry")
        if problem is not None:
            report.defects.append(Defect(row_hash, row_author, row_seq, *problem))
            chains[row_author] = (row_seq, row_hash, True)
            continue
        chains[row_author] = (row_seq, content_hash, False)
        row = entry
        if entry.type == "genesis":
            if entry.hash != network_id:
                defect(row, "wrong_network", "a genesis other than this replica's network")
        elif entry.net != network_id:
            defect(row, "wrong_network", "the entry belongs to another network")
            continue
        if last is None and entry.seq != 1:
            defect(row, "chain_broken", f"the author's feed starts at seq {entry.seq}; earlier entries are missing")
        elif last is not None and entry.seq != last[0] + 1:
            defect(row, "chain_broken", f"seq {entry.seq} follows seq {last[0]}")
        elif last is not None and not last[2] and entry.prev != last[1]:
            defect(row, "chain_broken", "prev does not match the hash of the author's previous entry")
        seen.types[entry.hash] = entry.type
        seen.timestamps[entry.hash] = entry.ts
        seen.positions[entry.hash] = (entry.author, entry.seq)
        if entry.type != "genesis":
            try:
                check_entry_content(entry, seen)
            except EntryError as exc:
                if exc.code in ("missing_prev", "missing_dependency"):
                    deferred.append((entry, exc))
                elif exc.code in ("not_member", "revoked", "role_not_allowed", "beyond_pin") \
                        and timeline.ever_admitted(entry.author):
                    report.notes.append(Defect(entry.hash, entry.author, entry.seq, exc.code,
                                               f"without effect: {exc}"))
                else:
                    report.defects.append(Defect(entry.hash, entry.author, entry.seq, exc.code, str(exc)))
        good.append(entry)
    report.checked = index
    if progress is not None:
        progress(index, total)
    for entry, _first in deferred:
        try:
            check_entry_content(entry, seen)
        except EntryError as exc:
            report.defects.append(Defect(entry.hash, entry.author, entry.seq, exc.code, str(exc)))
    return good


def _verify_evidence(store: ReplicaStore, report: VerifyReport) -> None:
    for row in store.evidence_rows():
        report.evidence += 1
        try:
            entry = parse(row.raw, row.sig)
        except EntryError as exc:
            report.defects.append(Defect(row.hash, row.author, row.seq, exc.code, f"equivocation evidence: {exc}"))
            continue
        stored = store.hash_at(entry.author, entry.seq)
        if entry.hash != row.hash or stored is None or stored == entry.hash:
            report.defects.append(Defect(row.hash, row.author, row.seq, "bad_evidence",
                                         "equivocation evidence does not pair with a different stored entry"))


def integrity_defects(lines: list[str]) -> list[Defect]:
    """SQLite's `PRAGMA integrity_check` answer as defects: anything but a lone "ok" is a damaged file."""
    problems = [line for line in lines if line != "ok"]
    found = [Defect("", "", 0, DB_CORRUPT, f"SQLite integrity check: {line}") for line in problems[:INTEGRITY_LINES]]
    if len(problems) >= INTEGRITY_LINES:
        found.append(Defect("", "", 0, DB_CORRUPT, "SQLite integrity check: more problems not listed"))
    return found


def file_integrity(db_path: Path) -> list[Defect]:
    """The page-level check on a database file that cannot even be opened as a replica."""
    try:
        connection = sqlite3.connect(str(db_path))
        try:
            lines = [row[0] for row in connection.execute(f"PRAGMA integrity_check({INTEGRITY_LINES})")]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        lines = [f"the check itself failed: {exc}"]
    found = integrity_defects(lines)
    return found or [Defect("", "", 0, DB_CORRUPT, "SQLite finds the pages sound, but the replica's tables "
                                                   "cannot be read")]


def wal_defects(db_path: Path) -> list[Defect]:
    """Committed transactions the write-ahead log holds beyond a damaged frame (SQLite drops them silently).

    Only meaningful before the database is opened: the next open that checkpoints overwrites the evidence.
    """
    scan = scan_wal(Path(str(db_path) + "-wal"))
    if scan is None or not scan.damaged:
        return []
    return [Defect("", "", 0, WAL_DAMAGED,
                   f"the write-ahead log is damaged at frame {scan.valid_frames + 1} of {scan.frames}: "
                   f"{scan.dropped_commits} committed transaction(s) after it are dropped; entries they held "
                   f"must come back from peers or a bundle")]


def own_head_defects(store: ReplicaStore, path: Path) -> list[Defect]:
    """The own-head record against the stored feeds: a lost tail of this node's own feed is a defect."""
    try:
        record = read_record(path)
    except OwnHeadError as exc:
        return [Defect("", "", 0, RECORD_DAMAGED, f"{exc}: {TailProblem('', RECORD_DAMAGED, 0, 0).explanation()}")]
    if record is None:
        return []
    held: dict[str, tuple[int, str, int]] = {}
    with store.engine.connect() as connection:
        for author in record.feeds:
            row = connection.execute(select(entries.c.seq, entries.c.hash, entries.c.lamport)
                                     .where(entries.c.author == author).order_by(entries.c.seq.desc()).limit(1)).first()
            if row is not None:
                held[author] = (row[0], row[1], row[2])
    problems, _ahead = compare(record, store.network_id, held, store.hash_at)
    return [Defect("", p.author, p.recorded_seq, p.code, p.explanation()) for p in problems]


__all__ = ["Defect", "VerifyReport", "verify_replica", "integrity_defects", "file_integrity", "wal_defects",
           "own_head_defects", "DB_CORRUPT", "WAL_DAMAGED", "MEMBER_TYPES"]
