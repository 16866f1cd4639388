"""Receiving and folding: every entry a replica stores, whoever delivers it, passes through here.

Split out of app/node.py. `Ingest.admit` validates a batch against the store plus the entries
accepted earlier in the batch, commits it in one transaction and folds it into the state (from a
snapshot when it sorts into the past); `receive` is that for a peer's or a bundle's entries, with
the listeners told after the lock is let go. The signer (app/node_signing.py) admits its own
entries through the same `admit`, so the rules are the same whoever delivers an entry.

`state` and `heads` are replaced whole after each commit, never mutated in place for readers on
other threads: LedgerReads and the node's facade read them through this object.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.contract_runs import Capture, capture
from app.core.display import printable
from app.core.entry import Entry, EntryError
from app.core.finding import Finding
from app.core.membership import MEMBER_TYPES
from app.core.state import FOLD_RULES, LedgerState, SnapshotError, out_of_bounds
from app.core.timeline import MembershipTimeline
from app.core.types import EntryType, FeedHead, OrderKey
from app.core.validation import RETRYABLE, Outcome, validate
from app.node_errors import NodeError
from app.node_own_head import OwnHeadGuard
from app.store.replica_store import ReplicaStore, StateWriteError, now_ms

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

MIN_SNAPSHOT_INTERVAL = 5000

Listener = Callable[[list[Entry]], None]
log = logging.getLogger(__name__)


@dataclass
class ReceiveReport:
    accepted: list[Entry] = field(default_factory=list)
    duplicates: int = 0
    evidence: list[Entry] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)
    deferred: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.accepted)} stored, {self.duplicates} already held, {len(self.evidence)} kept as "
                f"equivocation evidence, {len(self.refused)} refused, {len(self.deferred)} waiting for missing entries")


def snapshot_due(count: int, last_snapshot_count: int) -> bool:
    """Snapshots thin out geometrically: every 5,000 entries early on, every ~10% of the ledger later."""
    return count - last_snapshot_count >= max(MIN_SNAPSHOT_INTERVAL, count // 10)


class _PendingView:
    """The store as validation sees it, plus the entries accepted earlier in the same batch."""

    def __init__(self, store: ReplicaStore, heads: dict[str, FeedHead]) -> None:
        self.store = store
        self.network_id = store.network_id
        self.pending: dict[str, Entry] = {}
        self.by_position: dict[tuple[str, int], str] = {}
        self.heads = {a: s for a, (s, _h, _l) in heads.items()}
        self.stored_heads = dict(self.heads)
        self.members_pending: list[Entry] = []
        self._timeline: MembershipTimeline | None = None

    def add(self, entry: Entry) -> None:
        self.pending[entry.hash] = entry
        self.by_position[(entry.author, entry.seq)] = entry.hash
        self.heads[entry.author] = max(self.heads.get(entry.author, 0), entry.seq)
        if entry.type == EntryType.GENESIS:
            self.network_id = entry.hash
        if entry.type in MEMBER_TYPES:
            self.members_pending.append(entry)
            # this view's own timeline grows in place while entries arrive in order (sync sends them so);
            # one sorting into the past means a rebuild
            if self._timeline is None or not self._timeline.extend(entry):
                self._timeline = None

    def lamport_of(self, entry_hash: str) -> int | None:
        pending = self.pending.get(entry_hash)
        return pending.lamport if pending else self.store.lamport_of(entry_hash)

    def hash_at(self, author: str, seq: int) -> str | None:
        pending = self.by_position.get((author, seq))
        if pending is not None or seq > self.stored_heads.get(author, 0):
            return pending
        return self.store.hash_at(author, seq)

    def is_new_position(self, author: str, seq: int) -> bool:
        return seq > self.heads.get(author, 0)

    def head_seq(self, author: str) -> int:
        return self.heads.get(author, 0)

    def type_of(self, entry_hash: str) -> str | None:
        pending = self.pending.get(entry_hash)
        return pending.type if pending else self.store.type_of(entry_hash)

    def ts_of(self, entry_hash: str) -> int | None:
        pending = self.pending.get(entry_hash)
        return pending.ts if pending else self.store.ts_of(entry_hash)

    def position_of(self, entry_hash: str) -> tuple[str, int] | None:
        pending = self.pending.get(entry_hash)
        return (pending.author, pending.seq) if pending else self.store.position_of(entry_hash)

    def membership(self) -> MembershipTimeline:
        if not self.members_pending:
            return self.store.membership()
        if self._timeline is None:
            ordered = sorted(self.store.member_entries() + self.members_pending, key=lambda e: e.key)
            kind = next((e.body["kind"] for e in ordered if e.type == EntryType.GENESIS), "live")
            self._timeline = MembershipTimeline.build(kind, ordered)
        return self._timeline


class Ingest:
    """Validate, commit and fold incoming entries under the node's lock; tell the listeners afterwards."""

    def __init__(self, store: ReplicaStore, lock: threading.RLock, shared: bool, own_head: OwnHeadGuard,
                 submit_runs: Callable[[list[Capture]], None]) -> None:
        self.store = store
        self._lock = lock
        self._shared = shared
        self._own_head = own_head
        self._submit_runs = submit_runs   # the run checker's queue (app/contract_runs.py)
        self.state: LedgerState = store.load_state()
        # replaced whole after each commit, never mutated: readers on other threads need no lock
        self.heads: dict[str, FeedHead] = store.heads()
        self._captures: list[Capture] = []
        self._listeners: list[Listener] = []
        self._evidence_listeners: list[Listener] = []

    def reload(self) -> None:
        """Read the state and the heads from the database again: after a failed commit rolled back, or when
        another process (the running node a CLI records through) wrote to it."""
        self.state = self.store.load_state()
        self.heads = self.store.heads()

    # -- listeners -----------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def add_evidence_listener(self, listener: Listener) -> None:
        """`listener(entries)` after new equivocation evidence was stored, whoever delivered it (peer, bundle, GUI):
        the network passes evidence on to every connected peer at once (docs/PROTOCOL.md §5)."""
        self._evidence_listeners.append(listener)

    def remove_evidence_listener(self, listener: Listener) -> None:
        if listener in self._evidence_listeners:
            self._evidence_listeners.remove(listener)

    def receive(self, incoming: Iterable[Entry]) -> ReceiveReport:
        """Validate and store entries from a peer or bundle; invalid ones are refused with reasons."""
        with self._lock:
            report = self.admit(list(incoming))
        level = logging.INFO if report.refused or report.evidence else logging.DEBUG
        log.log(level, "received: %d stored, %d duplicates, %d refused, %d deferred, %d equivocation evidence",
                len(report.accepted), report.duplicates, len(report.refused), len(report.deferred),
                len(report.evidence))
        self.notify(report.accepted)
        if report.evidence:
            for listener in list(self._evidence_listeners):
                listener(list(report.evidence))
        return report

    def admit(self, incoming: list[Entry], extra_meta: dict[str, str] | None = None) -> ReceiveReport:
        """Validate `incoming` and commit what is new in one transaction, with `extra_meta`; the caller holds
        the lock and tells the listeners after letting it go."""
        if self._shared:
            raise NodeError("this replica was opened for reading only, beside the process that runs it",
                            "read_only")
        report = ReceiveReport()
        view = _PendingView(self.store, self.heads)
        waiting = sorted(incoming, key=lambda e: e.key)
        while waiting:
            retry: list[Entry] = []
            for entry in waiting:
                try:
                    verdict = validate(entry, view)
                except EntryError as exc:
                    target = retry if exc.code in RETRYABLE else report.refused
                    if target is report.refused:
                        report.refused.append(Finding(entry.hash, entry.author, entry.seq, exc.code, str(exc)))
                    else:
                        retry.append(entry)
                    continue
                if verdict.outcome is Outcome.NEW:
                    view.add(entry)
                    report.accepted.append(entry)
                elif verdict.outcome is Outcome.DUPLICATE:
                    report.duplicates += 1
                elif verdict.outcome is Outcome.EQUIVOCATION and entry.hash not in {e.hash for e in report.evidence}:
                    report.evidence.append(entry)
            if len(retry) == len(waiting):
                for entry in retry:
                    try:
                        validate(entry, view)
                    except EntryError as exc:
                        report.deferred.append(Finding(entry.hash, entry.author, entry.seq, exc.code, str(exc)))
                break
            waiting = retry
        if report.accepted or report.evidence:
            self._captures = []
            try:
                self._commit(report, extra_meta or {}, view.membership().pins)
            finally:
                captures, self._captures = self._captures, []
            self._submit_runs(captures)
            self._own_head.note_stored(report.accepted)
        return report

    def _commit(self, report: ReceiveReport, extra_meta: dict[str, str], pins: dict[str, int]) -> None:
        received = now_ms()
        try:
            with self.store.transaction() as connection:
                genesis = next((e for e in report.accepted if e.type == EntryType.GENESIS), None)
                if genesis is not None:
                    self.store.set_network_id(connection, genesis.hash)
                self.store.insert_entries(connection, report.accepted, received)
                for entry in report.evidence:
                    conflicting = self.store.hash_at(entry.author, entry.seq) or ""
                    self.store.insert_evidence(connection, entry, conflicting, received)
                for key, value in extra_meta.items():
                    self.store.set_meta(connection, key, value)
                self._fold(connection, report, pins)
        except Exception as exc:
            self.reload()
            if isinstance(exc, StateWriteError):
                raise NodeError(f"{exc}; the {len(report.accepted)} valid entries of this batch were not stored "
                                "(nothing changed), please report this", exc.code) from exc
            raise
        heads = dict(self.heads)
        for entry in report.accepted:
            head = heads.get(entry.author)
            if head is None or entry.seq > head[0]:
                heads[entry.author] = FeedHead(entry.seq, entry.hash, entry.lamport)
        self.heads = heads

    def _fold(self, connection: Connection, report: ReceiveReport,
              pins: dict[str, int]) -> None:
        """Fold new entries into state: incrementally when they sort last, else from the nearest snapshot.

        A revocation pin that appears or moves reaches back to the revoked feed's entries past it,
        wherever they sort: the fold restarts at the first of them.
        """
        new_equivocators = dict(self.state.equivocators)
        refold_from: OrderKey | None = None
        for author in set(pins) | set(self.state.pins):
            old, new = self.state.pins.get(author), pins.get(author)
            if old == new:
                continue
            log.info("revocation pin of %s moved from %s to %s", author[:12], old, new)
            first = min(s for s in (old, new) if s is not None) + 1
            lamport = self.store.lamport_at(connection, author, first)
            if lamport is not None:
                refold_from = min(refold_from or OrderKey(lamport, author, first), OrderKey(lamport, author, first))
        for entry in report.evidence:
            if entry.author not in new_equivocators or entry.seq < new_equivocators[entry.author]:
                new_equivocators[entry.author] = entry.seq
                stored = self.store.hash_at(entry.author, entry.seq)
                stored_entry = self.store.entries_by_hash([stored])[0] if stored else entry
                refold_from = min(refold_from or stored_entry.key, stored_entry.key)
        accepted = sorted(report.accepted, key=lambda e: e.key)
        if accepted and self.state.position is not None and accepted[0].key <= self.state.position:
            refold_from = min(refold_from or accepted[0].key, accepted[0].key)
        if refold_from is None:
            self.state.pins = dict(pins)
            last_snapshot = self.store.last_snapshot_count(connection)
            for entry in accepted:
                if entry.type == EntryType.ALLOCATION_RUN:
                    self._captures.append(capture(self.state, entry))
                self.state.apply(entry)
                if snapshot_due(self.state.count, last_snapshot):
                    self.store.save_snapshot(connection, self.state)
                    last_snapshot = self.state.count
            self.store.write_state_rows(connection, self.state, self.state.take_dirty())
            return
        log.info("re-folding the state from %s (%d new entries, %d equivocators)", refold_from, len(accepted),
                 len(new_equivocators))
        self._replace_state(connection, self._refold(connection, refold_from, new_equivocators, pins))

    def _refold(self, connection: Connection, start: OrderKey | None,
                equivocators: dict[str, int], pins: dict[str, int]) -> LedgerState:
        """State re-folded from the latest usable snapshot before `start` (None: from the genesis).

        Snapshots are derived data: one that cannot be read, or that an older version folded without
        the quantity bound, is dropped with the rest and the fold starts from the genesis instead.
        """
        blob, last_snapshot = self.store.snapshot_before(connection, start) if start else (None, 0)
        if start is None:
            self.store.drop_snapshots(connection)
        try:
            state = LedgerState.from_snapshot(blob) if blob else LedgerState()
        except SnapshotError as exc:
            log.warning("%s; re-folding from the genesis", exc)
            self.store.drop_snapshots(connection)
            state, last_snapshot = LedgerState(), 0
        state.pins = dict(pins)
        state.set_equivocators(equivocators)
        for entry in self.store.iter_in_order(connection, after=state.position):
            if entry.type == EntryType.ALLOCATION_RUN:
                self._captures.append(capture(state, entry))
            state.apply(entry)
            if snapshot_due(state.count, last_snapshot):
                self.store.save_snapshot(connection, state)
                last_snapshot = state.count
        state.take_dirty()
        return state

    def _replace_state(self, connection: Connection, state: LedgerState) -> None:
        """Persist the rows in which `state` differs from the current state, then make it current."""
        old = self.state
        changed = {(t, k) for t in state.tables for k in set(state.tables[t]) | set(old.tables[t])
                   if state.tables[t].get(k) != old.tables[t].get(k)}
        self.store.write_state_rows(connection, state, changed)
        self.state = state

    def refold_if_rules_changed(self) -> bool:
        """Fold again from the genesis when the stored state was folded under other rules; True if it did.

        An upgrade brings new fold rules (docs/FORMAT.md §11): the stored rows and snapshots
        are then what an older program made of the entries, not what every current replica computes, and
        `verify` would rightly call them stale. The entries are untouched; only derived data is rebuilt.
        """
        rules = self.store.stored_fold_rules()
        if rules == FOLD_RULES or self.state.position is None:
            return False
        log.info("the stored state was folded under %s; folding it again from the genesis under version %d",
                 f"rules version {rules}" if rules is not None else "the unnumbered rules of an older release",
                 FOLD_RULES)
        self._refold_whole()
        return True

    def _refold_whole(self) -> None:
        with self._lock:
            self._captures = []
            try:
                with self.store.transaction() as connection:
                    self._replace_state(connection, self._refold(connection, None, self.store.equivocators(),
                                                                    self.store.membership().pins))
            finally:
                captures, self._captures = self._captures, []
            self._submit_runs(captures)

    def repair_unbounded_state(self) -> None:
        """Re-fold a replica whose stored state an older version folded past the quantity bound.

        Such state is what the current rules would never produce (the entries that crossed the bound
        are ineffective now), and its snapshots cannot start a re-fold; folding again from the genesis
        gives the state every current replica computes from the same entries.
        """
        beyond = out_of_bounds(self.state.tables)
        if not beyond or self.state.position is None:
            return
        table, key, name, value = beyond[0]
        log.warning("stored state holds %s %s %s = %s, beyond the bound; re-folding from the genesis",
                    table, printable(key), name, value)
        self._refold_whole()

    def notify(self, accepted: list[Entry]) -> None:
        """Tell the listeners what was stored (after the commit, outside the lock)."""
        if not accepted:
            return
        for listener in list(self._listeners):
            listener(accepted)

