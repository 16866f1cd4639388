"""Full re-verification of a stored replica: the database file, every entry, every rule, the projected
state, and the own-head record (a node's own feed must be held as far as the node signed it).

A defect is named by the entry it lives in: when an entry is altered, its
successors' links to it are not reported again, so a flipped byte names
exactly one entry. Everything is computed from the signed bytes; the index
columns beside them (hash, author, seq, lamport, type, ts) are only compared
with that content, so an edited column blames its own row and nothing else.

Defects are what a correct replica never stores; notes are legitimate history
(docs/FORMAT.md §9.4). The verdict depends only on the entries held, so two
replicas that hold the same history get the same one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from app.core.entry import Entry, EntryError, parse
from app.core.finding import Finding
from app.core.membership import MEMBER_TYPES
from app.core.schema import PERMISSIONED, allowed, check_body
from app.core.state import fold
from app.core.timeline import MembershipTimeline
from app.core.types import EntryType, FeedHead
from app.core.validation import check_entry_content
from app.store.own_head import RECORD_DAMAGED, OwnHeadError, TailProblem, compare, read_record
from app.store.replica_store import ReplicaStore, StoreError
from app.store.schema import entries
from app.store.wal import scan_wal

DB_CORRUPT = "db_corrupt"
WAL_DAMAGED = "wal_damaged"
INTEGRITY_LINES = 20

Progress = Callable[[int, int], None]


@dataclass
class VerifyReport:
    checked: int = 0
    evidence: int = 0
    defects: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    ineffective: dict[str, int] = field(default_factory=dict)   # fold outcome code -> entries without effect
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
        # rows whose content cannot be read: (author, seq) columns -> (hash, lamport) columns
        self.broken: dict[tuple[str, int], tuple[str, int]] = {}

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
                "SELECT hash, author, seq, lamport, type, ts, raw, sig FROM entries ORDER BY lamport, author, seq")
            good, seen = _read_entries(store.network_id, rows, total, report, progress)
        _check_entries(good, seen, report)
        evidence_rows = store.evidence_rows()
        if evidence_rows or own_head is not None:
            held = {(e.author, e.seq): (e.hash, e.lamport) for e in good}   # the feeds as signed
            for position, columns in seen.broken.items():
                held.setdefault(position, columns)
            _verify_evidence(evidence_rows, report, held)
            if own_head is not None:
                report.defects.extend(own_head_defects(store, own_head, held))
        if check_state and report.ok:
            rebuilt = fold(good, store.equivocators())   # settles revocation pins from the entries themselves
            report.state_checked = True
            report.state_digest = rebuilt.digest()
            for row in rebuilt.tables["ineffective"].values():
                report.ineffective[row["code"]] = report.ineffective.get(row["code"], 0) + 1
            try:
                report.stored_digest = store.load_state().digest()
            except (StoreError, ValueError, TypeError, KeyError, AttributeError) as exc:   # not state rows
                report.defects.append(Finding("", "", 0, "state_mismatch",
                                             f"the projected state cannot be read ({exc}): state tables altered"))
            else:
                if report.state_digest != report.stored_digest:
                    report.defects.append(Finding("", "", 0, "state_mismatch",
                                                 "the projected state differs from a fold of the entries "
                                                 "(state tables altered or stale)"))
    except DBAPIError as exc:  # a page SQLite could not read: the check above names it, this says what stopped
        report.defects.append(Finding("", "", 0, DB_CORRUPT, f"reading the replica failed: "
                                                            f"{getattr(exc, 'orig', None) or exc}"))
    return report


def _read_entries(network_id: str | None, rows: Iterable[Sequence[Any]], total: int, report: VerifyReport,
                  progress: Progress | None) -> tuple[list[Entry], _Seen]:
    """Pass 1: decode every stored row from its signed bytes alone and hold its index columns against them.

    Returns the entries whose signed content reads (in total order by that content, whatever the columns
    say) and what later passes look up: clocks, types and positions from the content, or, for a row whose
    content cannot be read, from its columns, so that its successors' links to it are not reported again.
    """
    seen = _Seen(network_id, MembershipTimeline("live", [], []))
    good: list[Entry] = []
    index = 0
    for index, (row_hash, row_author, row_seq, row_lamport, row_type, row_ts, raw, sig) in enumerate(rows, 1):
        if progress is not None and index % 1000 == 0:
            progress(index, total)
        content_hash = hashlib.sha256(raw).hexdigest()
        try:
            entry = parse(raw, sig, digest=content_hash)
        except EntryError as exc:
            if row_hash != content_hash:
                code, message = "hash_mismatch", ("the stored hash does not match the entry's bytes: the entry was "
                                                  f"altered ({exc.code}: {exc})")
            else:
                code, message = exc.code, str(exc)
            report.defects.append(Finding(row_hash, row_author, row_seq, code, message))
            for known in {row_hash, content_hash}:
                seen.lamports.setdefault(known, row_lamport)
                seen.timestamps.setdefault(known, row_ts)
                seen.types.setdefault(known, row_type)
                seen.positions.setdefault(known, (row_author, row_seq))
            seen.broken.setdefault((row_author, row_seq), (row_hash, row_lamport))
            continue
        if entry.hash in seen.types:
            report.defects.append(Finding(row_hash, row_author, row_seq, "index_mismatch",
                                         f"the row repeats entry {entry.hash} (author {entry.author[:12]}…, "
                                         f"seq {entry.seq}), stored in another row"))
            continue
        if (row_hash, row_author, row_seq, row_lamport, row_type, row_ts) != \
                (entry.hash, entry.author, entry.seq, entry.lamport, entry.type, entry.ts):
            report.defects.append(Finding(entry.hash, entry.author, entry.seq, "index_mismatch", column_differences(
                entry, hash=row_hash, author=row_author, seq=row_seq, lamport=row_lamport, type=row_type, ts=row_ts)))
        seen.lamports[entry.hash] = entry.lamport
        seen.timestamps[entry.hash] = entry.ts
        seen.types[entry.hash] = entry.type
        seen.positions[entry.hash] = (entry.author, entry.seq)
        good.append(entry)
    report.checked = index
    if progress is not None:
        progress(index, total)
    good.sort(key=lambda e: e.key)   # nearly sorted already: the columns match the content unless altered
    return good, seen


def _check_entries(good: list[Entry], seen: _Seen, report: VerifyReport) -> None:
    """Pass 2: chains, clocks, schema and authority of every readable entry, in total order by content."""
    network_id = seen.network_id
    member_entries = [e for e in good if e.type in MEMBER_TYPES and _body_valid(e)]   # others are named below
    kind = member_entries[0].body["kind"] if member_entries and member_entries[0].type == EntryType.GENESIS else "live"
    seen.timeline = MembershipTimeline.build(kind, member_entries)
    candidates = member_candidates(member_entries)
    # an unreadable governance entry is named already; who it admitted cannot be known, so is not blamed
    governance_unreadable = any(seen.types.get(row_hash) in MEMBER_TYPES for row_hash, _lamport in seen.broken.values())
    chains: dict[str, tuple[int, str]] = {}

    def defect(entry: Entry, code: str, message: str) -> None:
        report.defects.append(Finding(entry.hash, entry.author, entry.seq, code, message))

    for entry in good:
        last = chains.get(entry.author)
        chains[entry.author] = (entry.seq, entry.hash)
        if entry.type == EntryType.GENESIS:
            if entry.hash != network_id:
                defect(entry, "wrong_network", "a genesis other than this replica's network")
        elif entry.net != network_id:
            defect(entry, "wrong_network", "the entry belongs to another network")
            continue
        if entry.seq > 1 and (entry.author, entry.seq - 1) not in seen.broken:  # an unreadable one is named already
            if last is None:
                defect(entry, "chain_broken",
                       f"the author's feed starts at seq {entry.seq}; earlier entries are missing")
            elif entry.seq != last[0] + 1:
                defect(entry, "chain_broken", f"seq {entry.seq} follows seq {last[0]}")
            elif entry.prev != last[1]:
                defect(entry, "chain_broken", "prev does not match the hash of the author's previous entry")
        if entry.type == EntryType.GENESIS:
            if not _body_valid(entry):
                defect(entry, "bad_genesis", "the genesis body does not match its schema")
            continue
        try:
            check_entry_content(entry, seen)
        except EntryError as exc:
            if exc.code in AUTHORITY_CODES:
                code = authority_verdict(entry, candidates, kind)
                if code is None or (governance_unreadable and code != "needs_approval"):
                    why = "" if code is None else " (an unreadable governance entry may have admitted its author)"
                    report.notes.append(Finding(entry.hash, entry.author, entry.seq, exc.code,
                                               f"without effect: {exc}{why}"))
                    continue
                if code != exc.code:
                    exc = EntryError(code, AUTHORITY_DEFECTS[code])
            defect(entry, exc.code, str(exc))


# Authority checks whose answer depends on where concurrent governance decisions sort: an honest replica
# may have stored such an entry while its author was a member in its view (docs/FORMAT.md §9.4).
AUTHORITY_CODES = frozenset({"not_member", "revoked", "role_not_allowed"})
AUTHORITY_DEFECTS = {
    "needs_approval": "a permissioned edit signed directly: no replica stores it, whatever it knew when it arrived",
    "not_member": "signed by a key this ledger never names as a member or as the subject of a membership "
                  "proposal: no replica stores it, whatever it knew when it arrived",
    "role_not_allowed": "no roles this ledger ever names for the author allow this entry type: no replica stores "
                        "it, whatever it knew when it arrived",
}


def member_candidates(member_entries: list[Entry]) -> dict[str, list[frozenset[str]]]:
    """Every key the ledger names as a member (genesis) or as the subject of a member.add or member.update
    proposal, with each set of roles named for it there: who may have been a member in some replica's view.
    `member_entries` have bodies that pass their schema."""
    named: dict[str, list[frozenset[str]]] = {}
    for entry in member_entries:
        if entry.type == EntryType.GENESIS:
            for member in entry.body["members"]:
                named.setdefault(member["key"], []).append(frozenset(member["roles"]))
        elif entry.type == EntryType.PROPOSAL_OPEN and \
                entry.body.get("action") in (EntryType.MEMBER_ADD, EntryType.MEMBER_UPDATE):
            action = entry.body["body"]
            roles = named.setdefault(action["key"], [])
            if "roles" in action:
                roles.append(frozenset(action["roles"]))
    return named


def _body_valid(entry: Entry) -> bool:
    """Whether the body passes its type's schema (governance entries feed the timeline only then)."""
    try:
        check_body(entry.type, entry.body)
    except EntryError:
        return False
    return True


def authority_verdict(entry: Entry, candidates: dict[str, list[frozenset[str]]], kind: str) -> str | None:
    """None when `entry`, refused by the authority check at its place in the order, is history a correct replica
    may hold (its author was, or was being made, a member with roles allowing its type); else the defect code."""
    if entry.type in PERMISSIONED:
        return "needs_approval"
    if entry.author not in candidates:
        return "not_member"
    if not any(allowed(entry.type, roles, kind) for roles in candidates[entry.author]):
        return "role_not_allowed"
    return None


def column_differences(entry: Entry, **stored: object) -> str:
    """The stored index columns that differ from the signed entry, said for the operator ("" when none)."""
    differ = [f"{name} column {value!r} where the signed entry has {getattr(entry, name)!r}"
              for name, value in stored.items() if value != getattr(entry, name)]
    return "stored " + ", ".join(differ) if differ else ""


def _verify_evidence(evidence_rows: list, report: VerifyReport, held: dict[tuple[str, int], tuple[str, int]]) -> None:
    """Each evidence record, read from its signed bytes, pairs with a different entry held at its (author, seq);
    `held` is what the entries' signed content (or an unreadable row's columns) places there."""
    for row in evidence_rows:
        report.evidence += 1
        content_hash = hashlib.sha256(row.raw).hexdigest()
        try:
            entry = parse(row.raw, row.sig, digest=content_hash)
        except EntryError as exc:
            code = "hash_mismatch" if content_hash != row.hash else exc.code
            report.defects.append(Finding(row.hash, row.author, row.seq, code, f"equivocation evidence: {exc}"))
            continue
        differ = column_differences(entry, hash=row.hash, author=row.author, seq=row.seq, lamport=row.lamport,
                                    type=row.type, ts=row.ts)
        if differ:
            report.defects.append(Finding(entry.hash, entry.author, entry.seq, "index_mismatch",
                                         f"equivocation evidence: {differ}"))
        stored = held.get((entry.author, entry.seq))
        if stored is None or stored[0] == entry.hash:
            report.defects.append(Finding(entry.hash, entry.author, entry.seq, "bad_evidence",
                                         "equivocation evidence does not pair with a different stored entry"))


def integrity_defects(lines: list[str]) -> list[Finding]:
    """SQLite's `PRAGMA integrity_check` answer as defects: anything but a lone "ok" is a damaged file."""
    problems = [line for line in lines if line != "ok"]
    found = [Finding("", "", 0, DB_CORRUPT, f"SQLite integrity check: {line}") for line in problems[:INTEGRITY_LINES]]
    if len(problems) >= INTEGRITY_LINES:
        found.append(Finding("", "", 0, DB_CORRUPT, "SQLite integrity check: more problems not listed"))
    return found


def file_integrity(db_path: Path) -> list[Finding]:
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
    return found or [Finding("", "", 0, DB_CORRUPT, "SQLite finds the pages sound, but the replica's tables "
                                                   "cannot be read")]


def wal_defects(db_path: Path) -> list[Finding]:
    """Committed transactions the write-ahead log holds beyond a damaged frame (SQLite drops them silently).

    Only meaningful before the database is opened: the next open that checkpoints overwrites the evidence.
    """
    scan = scan_wal(Path(str(db_path) + "-wal"))
    if scan is None or not scan.damaged:
        return []
    return [Finding("", "", 0, WAL_DAMAGED,
                   f"the write-ahead log is damaged at frame {scan.valid_frames + 1} of {scan.frames}: "
                   f"{scan.dropped_commits} committed transaction(s) after it are dropped; entries they held "
                   f"must come back from peers or a bundle")]


def own_head_defects(store: ReplicaStore, path: Path,
                     held: dict[tuple[str, int], tuple[str, int]] | None = None) -> list[Finding]:
    """The own-head record against the stored feeds: a lost tail of this node's own feed is a defect.

    `held`: (author, seq) -> (hash, lamport) as the entries' signed content places them; without it, the
    index columns are read (enough when they are known sound).
    """
    try:
        record = read_record(path)
    except OwnHeadError as exc:
        return [Finding("", "", 0, RECORD_DAMAGED, f"{exc}: {TailProblem('', RECORD_DAMAGED, 0, 0).explanation()}")]
    if record is None:
        return []
    heads: dict[str, FeedHead] = {}
    hash_at: Callable[[str, int], str | None] = store.hash_at
    if held is not None:
        for (author, seq), (entry_hash, lamport) in held.items():
            if author in record.feeds and seq > heads.get(author, (0, "", 0))[0]:
                heads[author] = FeedHead(seq, entry_hash, lamport)
        def hash_at(author: str, seq: int) -> str | None:
            return held.get((author, seq), (None, 0))[0]
    else:
        with store.engine.connect() as connection:
            for author in record.feeds:
                row = connection.execute(select(entries.c.seq, entries.c.hash, entries.c.lamport)
                                         .where(entries.c.author == author).order_by(entries.c.seq.desc())
                                         .limit(1)).first()
                if row is not None:
                    heads[author] = FeedHead(row[0], row[1], row[2])
    problems, _ahead = compare(record, store.network_id, heads, hash_at)
    return [Finding("", p.author, p.recorded_seq, p.code, p.explanation()) for p in problems]


__all__ = ["VerifyReport", "verify_replica", "member_candidates", "column_differences", "authority_verdict",
           "AUTHORITY_CODES", "integrity_defects", "file_integrity", "wal_defects",
           "own_head_defects", "DB_CORRUPT", "WAL_DAMAGED", "MEMBER_TYPES"]
