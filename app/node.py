"""The node: one object that owns a replica (store + validation + state) for GUI, CLI and network.

Every path that adds entries (local appends, peers, bundles) goes through
`_ingest`, so the rules are the same whoever delivers an entry. Listeners hear
about stored entries after the commit; the GUI and network layers adapt them
to Qt signals and asyncio respectively.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.contract_runs import Capture, RunChecker, capture
from app.contracts.runtime import input_digest
from app.contracts.snapshot import build_snapshot
from app.core import entry as entry_mod
from app.core.approvals import decision_entry, precheck
from app.core.display import printable
from app.core.entry import Entry, EntryError
from app.core.finding import Finding
from app.core.identity import Identity, load_key_file, save_key_file
from app.core.membership import MEMBER_TYPES
from app.core.runs import not_deployed
from app.core.schema import PIN_ACTIONS, PROPOSAL_TYPES
from app.core.state import LedgerState, SnapshotError, out_of_bounds, out_of_range_at_tail
from app.core.timeline import MembershipTimeline
from app.core.types import EntryType, FeedHead, OrderKey
from app.core.validation import RETRYABLE, Outcome, validate
from app.map.replay import Timeline
from app.node_errors import NodeError
from app.node_open import _begin_founding, _lock, _remove_durably, unlock_identity
from app.node_reads import LedgerReads
from app.paths import DB_NAME, INIT_MARKER, KEY_NAME, OWN_HEAD_NAME, database_url
from app.store.lock import ReplicaLock
from app.store.own_head import (
    RECORD_DAMAGED,
    RECORD_UNWRITABLE,
    OwnHeadError,
    OwnHeadRecord,
    TailProblem,
    compare,
    read_record,
    write_record,
)
from app.store.replica_store import NoReplicaDatabase, ReplicaStore, StateWriteError, StoreError, now_ms
from app.store.verification import Progress, VerifyReport

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

MIN_SNAPSHOT_INTERVAL = 5000

Listener = Callable[[list[Entry]], None]
log = logging.getLogger(__name__)
T = TypeVar("T")


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


class Node:
    """A replica of one network, optionally able to sign as one member."""

    def __init__(self, store: ReplicaStore, identity: Identity | None = None, data_dir: Path | None = None,
                 clock: Callable[[], int] = now_ms, shared: bool = False) -> None:
        self.store = store
        self.identity = identity
        self.data_dir = data_dir
        self.clock = clock
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._evidence_listeners: list[Listener] = []
        self.state: LedgerState = store.load_state()
        # replaced whole after each commit, never mutated: readers on other threads need no lock
        self._heads = store.heads()
        self._seen: dict[str, int] = {}
        self._lock_file: ReplicaLock | None = None
        self._shared = shared
        self._captures: list[Capture] = []
        self.run_checks = RunChecker(self)   # re-executes recorded allocation runs (app/contract_runs.py)
        # the own-head record (app/store/own_head.py): beside the key file, outside the database
        self.own_head_path: Path | None = Path(data_dir) / OWN_HEAD_NAME if data_dir is not None else None
        self._own_record: OwnHeadRecord | None = None
        self._own_damaged: str | None = None
        self._own_unwritable = ""
        self._own_problems: list[TailProblem] = []
        if self.own_head_path is not None:
            try:
                self._own_record = read_record(self.own_head_path)
            except OwnHeadError as exc:
                self._own_damaged = str(exc)
        # the read-only queries; they see the state and heads through getters, as a commit replaces them whole
        self.reads = LedgerReads(store, self._lock, lambda: self.state, lambda: self._heads, self.own_head_path)
        self.sign_as(identity)

    def sign_as(self, identity: Identity | None) -> None:
        """Sign further appends as `identity` (a trainer playing several roles, or tests)."""
        with self._lock:
            self.identity = identity
            stored = self.store.get_meta(self._seen_key()) if identity else None
            self._seen = json.loads(stored) if stored else {}
            self._reconcile_own_head()

    def _seen_key(self) -> str:
        assert self.identity is not None
        return "seen:" + self.identity.public_key_hex[:32]

    # -- opening ----------------------------------------------------------------------------------
    @classmethod
    def create_network(cls, data_dir: Path, identity: Identity, *, name: str, kind: str, org: str,
                       display_name: str, passphrase: str | None = None, members: Iterable[dict] = (),
                       policies: dict | None = None, url: str | None = None,
                       clock: Callable[[], int] = now_ms) -> Node:
        """Found a network: write the key file (when a passphrase is given) and the signed genesis."""
        data_dir = Path(data_dir)
        if (data_dir / DB_NAME).exists() and (url is not None or not (data_dir / INIT_MARKER).exists()):
            # checked before taking the lock too: refusing writes nothing, not even the lock file
            raise NodeError(f"{data_dir} already holds a replica (or a node waiting to join a network); "
                            "choose an empty data directory", "data_dir_in_use")
        data_dir.mkdir(parents=True, exist_ok=True)
        lock = _lock(data_dir, url)
        try:
            if url is None:
                identity, passphrase = _begin_founding(data_dir, identity, passphrase)
            if passphrase is not None:
                save_key_file(data_dir / KEY_NAME, identity, passphrase, label=display_name, overwrite=False)
            founder = {"key": identity.public_key_hex, "org": org, "name": display_name,
                       "roles": ["admin", "commander"]}
            body = {"name": name, "kind": kind, "members": [founder, *members], "policies": policies or {}}
            node = cls(ReplicaStore(url or database_url(data_dir)), identity, data_dir, clock)._hold(lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        genesis = entry_mod.create(identity, net=None, seq=1, prev=None, deps=[], lamport=1, ts=clock(),
                                   type=EntryType.GENESIS, body=body)
        report = node.receive([genesis])
        if report.refused:
            node.close()
            raise NodeError(f"genesis refused: {report.refused[0].message}", report.refused[0].code)
        if url is None:
            _remove_durably(data_dir / INIT_MARKER)
        return node

    @classmethod
    def create_joining(cls, data_dir: Path, identity: Identity | None, *, display_name: str = "",
                       passphrase: str | None = None, clock: Callable[[], int] = now_ms) -> Node:
        """An empty replica for a new node that will receive its network from a peer when admitted."""
        data_dir = Path(data_dir)
        # a key file alone is a join (or init) cut off before its database existed: it may be reused
        # (passphrase None), never overwritten
        if (data_dir / DB_NAME).exists() or ((data_dir / KEY_NAME).exists() and passphrase is not None):
            raise NodeError(f"{data_dir} already holds a replica or key; choose an empty data directory",
                            "data_dir_in_use")
        data_dir.mkdir(parents=True, exist_ok=True)
        if passphrase is not None and identity is not None:
            save_key_file(data_dir / KEY_NAME, identity, passphrase, label=display_name, overwrite=False)
        lock = _lock(data_dir, None)
        return cls(ReplicaStore(database_url(data_dir)), identity, data_dir, clock)._hold(lock)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None = None, *, identity: Identity | None = None,
             url: str | None = None, clock: Callable[[], int] = now_ms, allow_empty: bool = False,
             shared: bool = False) -> Node:
        """Open an existing replica; with a passphrase, unlock the local key too.

        `shared` opens it for reading only, beside a process that may be running it (log, state, verify).
        """
        data_dir = Path(data_dir)
        if url is None and (data_dir / INIT_MARKER).exists():
            raise NodeError(f"no replica in {data_dir}: an interrupted `relief-ledger init` left a half-made one; "
                            "run the same `relief-ledger init` again (it starts over)", "no_replica")
        if url is None and not (data_dir / DB_NAME).exists():
            raise NodeError(f"no replica in {data_dir} (run `relief-ledger init` or `relief-ledger demo` first)",
                            "no_replica")
        if identity is None and passphrase is not None:
            identity = load_key_file(data_dir / KEY_NAME, passphrase)
        lock = None if shared else _lock(data_dir, url)
        try:
            store = ReplicaStore(url or database_url(data_dir), read_only=shared)
        except NoReplicaDatabase as exc:
            raise NodeError(f"no replica in {data_dir} that can be read: {exc}", "no_replica") from None
        except StoreError:
            if lock:
                lock.release()
            raise
        if store.network_id is None and not allow_empty:
            store.close()
            if lock:
                lock.release()
            raise NodeError(f"the replica in {data_dir} has no network (its genesis is missing)", "no_network")
        try:
            node = cls(store, identity, data_dir, clock, shared=shared)._hold(lock)
        except StoreError:   # stored state it cannot read: let go of the file and the lock before saying so
            store.close()
            if lock:
                lock.release()
            raise
        if not shared:
            node._repair_unbounded_state()
        log.info("opened the replica in %s (%s, %d entries, %s)", data_dir, "read-only" if shared else "read-write",
                 node.entry_count(), f"key {identity.fingerprint}" if identity else "no key unlocked")
        return node

    def close(self) -> None:
        self.run_checks.close()
        self.store.close()
        if self._lock_file is not None:
            self._lock_file.release()
            self._lock_file = None

    def _hold(self, lock: ReplicaLock | None) -> Node:
        self._lock_file = lock
        return self

    # -- facts -------------------------------------------------------------------------------------
    @property
    def network_id(self) -> str:
        assert self.store.network_id is not None
        return self.store.network_id

    @property
    def network(self) -> dict:
        return self.state.tables["network"].get("network", {})

    @property
    def is_exercise(self) -> bool:
        return self.network.get("kind") == "exercise"

    def heads(self) -> dict[str, FeedHead]:
        with self._lock:
            return dict(self._heads)

    def entry_count(self) -> int:
        return self.store.count()

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

    # -- writing -------------------------------------------------------------------------------------
    def append(self, entry_type: str, body: dict) -> Entry:
        """Sign and store one entry as the local member; raises NodeError with the reason if refused."""
        return self.append_many([(entry_type, body)])[0]

    def append_many(self, items: list[tuple[str, dict]]) -> list[Entry]:
        """Sign and store several entries in one durable commit (all or nothing)."""
        if self.identity is None:
            raise NodeError("this replica is open read-only: unlock it with the passphrase to record entries",
                            "read_only")
        me = self.identity.public_key_hex
        items = [(t, self._with_pin(t, b)) for t, b in items]
        with self._lock:
            self._reconcile_own_head()
            refusal = next((p for p in self._own_problems if p.author in (me, "")), None)
            if refusal is not None:
                log.info("signing refused (%s): %s", refusal.code, refusal.explanation())
                raise NodeError.refused(refusal.code, refusal.explanation())
            if self.state.tables["members"].get(me, {}).get("revoked"):
                raise NodeError.refused("revoked", "this key was revoked; nothing it signs would have any effect")
            for entry_type, body in items:
                if entry_type in PROPOSAL_TYPES:
                    problem = precheck(self.state, me, entry_type, body, self._signing_time())
                    if problem is not None:
                        raise NodeError(f"{entry_type}: {problem}", "no_effect")
                if entry_type == EntryType.ALLOCATION_RUN and isinstance(body, dict) \
                        and {"contract", "version"} <= set(body):
                    problem = not_deployed(self.state, body)
                    if problem is not None:
                        raise NodeError.refused("not_deployed", f"{problem}; a run must use the deployed version")
            heads = dict(self._heads)
            seen = dict(self._seen)
            signed: list[Entry] = []
            signed_ts: dict[str, int] = {}
            members = self.state.tables["members"]
            for entry_type, body in items:
                own = heads.get(me)
                # a revoked feed's head is never built upon: what lies past its pin has no effect anyway
                others = sorted(((a, h) for a, h in heads.items() if a != me and seen.get(a) != h[0]
                                 and not members.get(a, {}).get("revoked")),
                                key=lambda item: -item[1][2])[: entry_mod.MAX_DEPS]
                deps = [h[1] for _a, h in others]
                lamports = [own[2] if own else 0] + [h[2] for _a, h in others]
                target = referenced_entry(entry_type, body)
                if isinstance(target, str) and target not in deps and target != (own[1] if own else None):
                    target_lamport = self.store.lamport_of(target)
                    if target_lamport is not None:
                        deps.append(target)
                        lamports.append(target_lamport)
                lamport = 1 + max(lamports)
                parent_ts = [ts for ts in (signed_ts.get(h) or self.store.ts_of(h)
                                           for h in deps + ([own[1]] if own else [])) if ts is not None]
                ts = self.clock()
                if parent_ts and ts > max(parent_ts) + entry_mod.MAX_TS_LEAD_MS:
                    # a clock far ahead of everything this replica has seen (a machine off for weeks, or set
                    # wrong): stamp the furthest time peers accept; the next entry can move on from there
                    ts = max(parent_ts) + entry_mod.MAX_TS_LEAD_MS
                try:
                    entry = entry_mod.create(self.identity, net=self.network_id, seq=(own[0] + 1) if own else 1,
                                             prev=own[1] if own else None, deps=deps, lamport=lamport,
                                             ts=ts, type=entry_type, body=body)
                except EntryError as exc:
                    raise NodeError(f"{entry_type}: {exc}", exc.code) from exc
                signed.append(entry)
                signed_ts[entry.hash] = entry.ts
                heads[me] = FeedHead(entry.seq, entry.hash, entry.lamport)
                for author, head in others:
                    seen[author] = head[0]
            problem = out_of_range_at_tail(self.state, signed)
            if problem is not None:   # signed here, but never stored or sent: nothing to take back
                raise NodeError.refused("out_of_range", f"{problem}; nothing was recorded")
            report = self._ingest(signed, extra_meta={self._seen_key(): json.dumps(seen, sort_keys=True)})
            if report.refused or report.deferred:
                finding = (report.refused or report.deferred)[0]
                log.info("own %s refused (%s): %s", items[0][0], finding.code, finding.message)
                raise NodeError.refused(finding.code, finding.message)
            self._seen = seen
            unwritable = any(p.code == RECORD_UNWRITABLE for p in self._own_problems)
        self._notify(report.accepted)
        log.debug("signed and stored %d entries up to seq %d", len(report.accepted), signed[-1].seq)
        if unwritable:
            # stored, but not acknowledged as such: a later loss of it could not be noticed
            log.info("stored seq %d, but the own-head record could not be written: %s", signed[-1].seq,
                      self._own_unwritable)
            raise NodeError.refused(RECORD_UNWRITABLE, f"stored as seq {signed[-1].seq}, but the own-head record "
                                   f"could not be written ({self._own_unwritable}); this node signs nothing "
                                   f"more until it can")
        return report.accepted

    # -- the approval workflow (app/core/approvals.py) -----------------------------------------------
    def propose(self, action: str, body: dict, reason: str) -> Entry:
        """Propose a permissioned edit; it takes effect where its policy becomes satisfied (a revocation
        without a pin is pinned by `append_many`)."""
        return self.append(EntryType.PROPOSAL_OPEN, {"action": action, "body": body, "reason": reason})

    def _signing_time(self) -> int:
        """The latest ts this replica may sign now: its clock, held within MAX_TS_LEAD_MS of what it holds."""
        newest = max((ts for ts in (self.store.ts_of(h[1]) for h in self._heads.values()) if ts is not None),
                     default=None)
        return self.clock() if newest is None else min(self.clock(), newest + entry_mod.MAX_TS_LEAD_MS)

    def _with_pin(self, entry_type: str, body: dict) -> dict:
        """A revocation (or re-pin) proposed without a pin is pinned at the feed's head as held here."""
        inner = body.get("body") if entry_type == EntryType.PROPOSAL_OPEN and isinstance(body, dict) else None
        if isinstance(inner, dict) and body.get("action") in PIN_ACTIONS \
                and "seq" not in inner and isinstance(inner.get("key"), str):
            return {**body, "body": {**inner, **self.feed_pin(inner["key"])}}
        return body

    def feed_pin(self, key: str) -> dict:
        """`seq` and `head` pinning `key`'s feed at the head this replica holds (seq 0: nothing written)."""
        head = self._heads.get(key)
        return {"seq": head[0], "head": head[1]} if head else {"seq": 0}

    def decide(self, proposal: str, decision: str, comment: str = "") -> Entry:
        """Sign this member's decision ("approve", "reject" or "withdraw") on a proposal: the one call
        the command line and the client both make, so a vote is the same entry wherever it is cast.

        Raises NodeError: `unknown_decision` for another word, `no_effect` (with the reason) when the
        decision would change nothing, and whatever `append` refuses; nothing is recorded then.
        """
        try:
            entry_type, body = decision_entry(decision, proposal, comment)
        except EntryError as exc:
            raise NodeError(str(exc), exc.code) from None
        return self.append(entry_type, body)

    def approve(self, proposal: str, comment: str = "") -> Entry:
        return self.decide(proposal, "approve", comment)

    def reject(self, proposal: str, comment: str) -> Entry:
        return self.decide(proposal, "reject", comment)

    def withdraw(self, proposal: str, comment: str = "") -> Entry:
        return self.decide(proposal, "withdraw", comment)

    def receive(self, incoming: Iterable[Entry]) -> ReceiveReport:
        """Validate and store entries from a peer or bundle; invalid ones are refused with reasons."""
        with self._lock:
            report = self._ingest(list(incoming))
        level = logging.INFO if report.refused or report.evidence else logging.DEBUG
        log.log(level, "received: %d stored, %d duplicates, %d refused, %d deferred, %d equivocation evidence",
                len(report.accepted), report.duplicates, len(report.refused), len(report.deferred),
                len(report.evidence))
        self._notify(report.accepted)
        if report.evidence:
            for listener in list(self._evidence_listeners):
                listener(list(report.evidence))
        return report

    def _ingest(self, incoming: list[Entry], extra_meta: dict[str, str] | None = None) -> ReceiveReport:
        if self._shared:
            raise NodeError("this replica was opened for reading only, beside the process that runs it",
                            "read_only")
        report = ReceiveReport()
        view = _PendingView(self.store, self._heads)
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
            self.run_checks.submit(captures)
            mine = self.identity.public_key_hex if self.identity else None
            recorded = self._own_record.feeds if self._own_record else {}
            if any(e.author == mine or e.author in recorded for e in report.accepted):
                self._reconcile_own_head()
        return report

    # -- the own-head record ----------------------------------------------------------------------------
    def own_tail_problems(self) -> list[TailProblem]:
        """Feeds signed here that the database holds less of than the own-head record says (empty when sound).

        Lock-free (the list is replaced whole), so the GUI thread can ask at any time.
        """
        return list(self._own_problems)

    def _reconcile_own_head(self) -> None:
        """Compare the record with the database; move it forward where the database holds more.

        The database may be ahead after a crash between commit and record write, or when peers sent
        this feed's entries; it may be behind when storage lost committed transactions. The signing
        key's feed enters the record the first time it is seen here. Read-only opens never write.
        """
        if self.own_head_path is None:
            return
        with self._lock:
            if self._own_damaged is not None:
                self._own_problems = [TailProblem("", RECORD_DAMAGED, 0, 0)]
                return
            network = self.store.network_id
            record = self._own_record or OwnHeadRecord(network)
            if record.network is not None and network is not None and record.network != network:
                record = OwnHeadRecord(network)   # a record of another network says nothing about this one
            problems, ahead = compare(record, network, self._heads, self.store.hash_at)
            feeds = {**record.feeds, **ahead}
            mine = self.identity.public_key_hex if self.identity else None
            if mine is not None and mine not in feeds and mine in self._heads:
                feeds[mine] = (self._heads[mine].seq, self._heads[mine].hash)
            updated = OwnHeadRecord(network or record.network, feeds)
            if updated != self._own_record and feeds and not self._shared:
                try:
                    write_record(self.own_head_path, updated)
                except OwnHeadError as exc:
                    self._own_unwritable = str(exc)
                    log.info("cannot write the own-head record %s: %s", self.own_head_path, exc)
                    problems.append(TailProblem("", RECORD_UNWRITABLE, 0, 0))
                else:
                    self._own_record = updated
            if problems and problems != self._own_problems:
                log.info("own feeds: %s", "; ".join(p.explanation() for p in problems))
            self._own_problems = problems

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
            self.state = self.store.load_state()
            self._heads = self.store.heads()
            if isinstance(exc, StateWriteError):
                raise NodeError(f"{exc}; the {len(report.accepted)} valid entries of this batch were not stored "
                                "(nothing changed), please report this", exc.code) from exc
            raise
        heads = dict(self._heads)
        for entry in report.accepted:
            head = heads.get(entry.author)
            if head is None or entry.seq > head[0]:
                heads[entry.author] = FeedHead(entry.seq, entry.hash, entry.lamport)
        self._heads = heads

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

    def _repair_unbounded_state(self) -> None:
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
        with self._lock:
            self._captures = []
            try:
                with self.store.transaction() as connection:
                    self._replace_state(connection, self._refold(connection, None, self.store.equivocators(),
                                                                    self.store.membership().pins))
            finally:
                captures, self._captures = self._captures, []
            self.run_checks.submit(captures)

    def _notify(self, accepted: list[Entry]) -> None:
        if not accepted:
            return
        for listener in list(self._listeners):
            listener(accepted)

    def read(self, reader: Callable[[LedgerState], T]) -> T:
        """Run `reader` on the state while no fold is under way (the GUI reads rows this way)."""
        return self.reads.read(reader)

    # -- replication (read-only; app/node_reads.py) ---------------------------------------------------
    @property
    def has_network(self) -> bool:
        return self.store.network_id is not None

    def frontier(self) -> dict[str, int]:
        """author -> highest seq held (lock-free): what a peer needs to send this replica what it lacks."""
        return self.reads.frontier()

    def iter_missing(self, frontier: dict[str, int]) -> Iterable[Entry]:
        return self.reads.iter_missing(frontier)

    def missing_raw(self, frontier: dict[str, int], limit: int = 500,
                    max_bytes: int | None = None) -> list[tuple[str, int, bytes, bytes]]:
        """Up to `limit` entries (and about `max_bytes`) a holder of `frontier` lacks, as stored bytes."""
        return self.reads.missing_raw(frontier, limit, max_bytes)

    def head_hashes(self) -> dict[str, str]:
        """author -> hash of the head entry (lock-free)."""
        return self.reads.head_hashes()

    def conflicts_with(self, heads: dict[str, int], hashes: dict[str, str]) -> list[Entry]:
        """Entries where a peer holds a different branch, plus the equivocation evidence held here."""
        return self.reads.conflicts_with(heads, hashes)

    def is_current_member(self, key: str) -> bool:
        return self.reads.is_current_member(key)

    # -- reading (app/node_reads.py) -------------------------------------------------------------------
    def entries(self, hashes: list[str]) -> list[Entry]:
        return self.reads.entries(hashes)

    def entry(self, entry_hash: str) -> Entry | None:
        return self.reads.entry(entry_hash)

    def entries_in_order(self) -> Iterable[Entry]:
        return self.reads.entries_in_order()

    def recent(self, limit: int = 50, author: str | None = None, entry_type: str | None = None,
               before: OrderKey | None = None) -> list[Entry]:
        """The latest entries in total order, newest first, one bounded page: what the explorer shows."""
        return self.reads.recent(limit, author, entry_type, before)

    def verify(self, progress: Progress | None = None) -> VerifyReport:
        """Re-check every stored entry, the folded state and this replica's own-head record."""
        return self.reads.verify(progress)

    def timeline(self) -> Timeline:
        """The ledger folded once for after-action replay, with the same equivocators and pins as the state."""
        return self.reads.timeline()

    def member_name(self, key: str) -> str:
        return self.reads.member_name(key)


def referenced_entry(entry_type: str, body: object) -> str | None:
    """The entry a new entry must list in deps: a correction's target, an approval's proposal."""
    if not isinstance(body, dict):
        return None
    if entry_type == EntryType.RECORD_CORRECT:
        return body.get("target")
    if entry_type == EntryType.PROPOSAL_OPEN and body.get("action") == EntryType.RECORD_CORRECT \
            and isinstance(body.get("body"), dict):
        return body["body"].get("target")
    if entry_type == EntryType.PROPOSAL_OPEN and body.get("action") in PIN_ACTIONS \
            and isinstance(body.get("body"), dict):
        return body["body"].get("head")
    if entry_type in (EntryType.PROPOSAL_APPROVE, EntryType.PROPOSAL_REJECT, EntryType.PROPOSAL_WITHDRAW):
        return body.get("proposal")
    return None


def record_run(node: Node, contract: str, version: int, params: dict, allocations: list[dict],
               input_digest_: str, output_digest: str, note: str = "") -> Entry:
    """Sign a run, refusing when the state moved since the dry run (its input would not reproduce)."""
    with node._lock:     # no entry may arrive between the comparison and the append
        now = input_digest(build_snapshot(node.state), params)
        if now != input_digest_:
            raise NodeError.refused("stale_input",
                                    "the ledger changed since this dry run; dry-run again before recording")
        body = {"contract": contract, "version": version, "params": params, "input_digest": input_digest_,
                "allocations": allocations, "output_digest": output_digest, **({"note": note} if note else {})}
        return node.append(EntryType.ALLOCATION_RUN, body)


__all__ = ["Node", "NodeError", "ReceiveReport", "StoreError", "record_run", "unlock_identity"]
