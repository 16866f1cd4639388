"""The node: one object that owns a replica (store + validation + state) for GUI, CLI and network.

`Node` is the facade every caller uses; each job is a collaborator of its own, reached through
the node's methods under their old names and signatures:

- app/node_ingest.py (`Ingest`): validate, commit and fold what arrives, and tell the listeners;
- app/node_signing.py (`Signer`): sign the own feed's entries on this replica's heads;
- app/node_own_head.py (`OwnHeadGuard`): the own-head record, which says whether signing may go on;
- app/node_reads.py (`LedgerReads`): the read-only queries;
- app/node_open.py: the replica directory as `create_network`, `create_joining` and `open` find it.

Every path that adds entries (local appends, peers, bundles) goes through `Ingest.admit`, so the
rules are the same whoever delivers an entry. One re-entrant lock, made here and handed to every
collaborator, keeps one writer at a time. Listeners hear about stored entries after the commit;
the GUI and network layers adapt them to Qt signals and asyncio respectively.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from app.contract_runs import RunChecker
from app.contracts.runtime import input_digest
from app.contracts.snapshot import build_snapshot
from app.core import entry as entry_mod
from app.core.approvals import decision_entry
from app.core.entry import Entry, EntryError
from app.core.identity import Identity, load_key_file, save_key_file
from app.core.state import LedgerState
from app.core.types import EntryType, FeedHead, OrderKey
from app.map.replay import Timeline
from app.node_errors import NodeError
from app.node_ingest import Ingest, Listener, ReceiveReport
from app.node_open import _begin_founding, _lock, _remove_durably, unlock_identity
from app.node_own_head import OwnHeadGuard
from app.node_reads import LedgerReads
from app.node_signing import Signer
from app.paths import DB_NAME, INIT_MARKER, KEY_NAME, OWN_HEAD_NAME, database_url
from app.store.lock import ReplicaLock
from app.store.own_head import TailProblem
from app.store.replica_store import NoReplicaDatabase, ReplicaStore, StoreError, now_ms
from app.store.verification import Progress, VerifyReport

log = logging.getLogger(__name__)
T = TypeVar("T")


class Node:
    """A replica of one network, optionally able to sign as one member."""

    def __init__(self, store: ReplicaStore, identity: Identity | None = None, data_dir: Path | None = None,
                 clock: Callable[[], int] = now_ms, shared: bool = False) -> None:
        self.store = store
        self.identity = identity
        self.data_dir = data_dir
        self.clock = clock
        self._lock = threading.RLock()
        self._lock_file: ReplicaLock | None = None
        # the own-head record (app/store/own_head.py): beside the key file, outside the database
        self.own_head_path: Path | None = Path(data_dir) / OWN_HEAD_NAME if data_dir is not None else None
        self.own_head = OwnHeadGuard(store, self._lock, self.own_head_path, shared, lambda: self.ingest.heads,
                                     lambda: self.identity)
        # receiving and folding (app/node_ingest.py): it holds the state and the heads, replaced after each commit;
        # it loads the state first, as before the split, so a replica whose state cannot be read fails there
        self.ingest = Ingest(store, self._lock, shared, self.own_head,
                             lambda captures: self.run_checks.submit(captures))
        # re-executes recorded allocation runs (app/contract_runs.py); the ingest queues those it folds
        self.run_checks = RunChecker(self, self._lock, read_only=shared)
        # signing as the member whose key is unlocked here (app/node_signing.py)
        self.signer = Signer(store, self._lock, self.ingest, self.own_head, lambda: self.identity, lambda: self.clock())
        # the read-only queries; they see the state and heads through getters, as a commit replaces them whole
        self.reads = LedgerReads(store, self._lock, lambda: self.ingest.state, lambda: self.ingest.heads,
                                 self.own_head_path)
        self.sign_as(identity)

    def sign_as(self, identity: Identity | None) -> None:
        """Sign further appends as `identity` (a trainer playing several roles, or tests)."""
        with self._lock:
            self.identity = identity
            self.signer.load_seen()
            self.own_head.reconcile()

    # -- opening ----------------------------------------------------------------------------------
    @classmethod
    def create_network(cls, data_dir: Path, identity: Identity, *, name: str, kind: str, org: str,
                       display_name: str, passphrase: str | None = None, members: Iterable[dict] = (),
                       policies: dict | None = None, url: str | None = None,
                       clock: Callable[[], int] = now_ms,
                       founder_roles: tuple[str, ...] = ("admin", "commander")) -> Node:
        """Found a network: write the key file (when a passphrase is given) and the signed genesis.

        `founder_roles`: an exercise is founded by exercise control, an admin that is no commander.
        """
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
                       "roles": list(founder_roles)}
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
            if not node.ingest.refold_if_rules_changed():
                node.ingest.repair_unbounded_state()
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
    def state(self) -> LedgerState:
        """The folded state; replaced whole by a commit that re-folds (app/node_ingest.py)."""
        return self.ingest.state

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
            return dict(self.ingest.heads)

    def entry_count(self) -> int:
        return self.store.count()

    # -- listeners (app/node_ingest.py) -------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """`listener(entries)` after entries were stored, whoever delivered them; outside the node's lock."""
        self.ingest.add_listener(listener)

    def remove_listener(self, listener: Listener) -> None:
        self.ingest.remove_listener(listener)

    def add_evidence_listener(self, listener: Listener) -> None:
        """`listener(entries)` after new equivocation evidence was stored, whoever delivered it (peer, bundle, GUI):
        the network passes evidence on to every connected peer at once (docs/PROTOCOL.md §5)."""
        self.ingest.add_evidence_listener(listener)

    def remove_evidence_listener(self, listener: Listener) -> None:
        self.ingest.remove_evidence_listener(listener)

    # -- writing -------------------------------------------------------------------------------------
    def append(self, entry_type: str, body: dict) -> Entry:
        """Sign and store one entry as the local member; raises NodeError with the reason if refused."""
        return self.append_many([(entry_type, body)])[0]

    def append_many(self, items: list[tuple[str, dict]]) -> list[Entry]:
        """Sign and store several entries in one durable commit (all or nothing; app/node_signing.py)."""
        return self.signer.append_many(items)

    # -- the approval workflow (app/core/approvals.py) -----------------------------------------------
    def propose(self, action: str, body: dict, reason: str) -> Entry:
        """Propose a permissioned edit; it takes effect where its policy becomes satisfied (a revocation
        without a pin is pinned by `append_many`)."""
        return self.append(EntryType.PROPOSAL_OPEN, {"action": action, "body": body, "reason": reason})

    def feed_pin(self, key: str) -> dict:
        """`seq` and `head` pinning `key`'s feed at the head this replica holds (seq 0: nothing written)."""
        return self.signer.feed_pin(key)

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

    # -- receiving (app/node_ingest.py) ------------------------------------------------------------------
    def receive(self, incoming: Iterable[Entry]) -> ReceiveReport:
        """Validate and store entries from a peer or bundle; invalid ones are refused with reasons."""
        return self.ingest.receive(incoming)

    # -- the own-head record (app/node_own_head.py) ---------------------------------------------------------
    def own_tail_problems(self) -> list[TailProblem]:
        """Feeds signed here that the database holds less of than the own-head record says (empty when sound).

        Lock-free (the list is replaced whole), so the GUI thread can ask at any time.
        """
        return self.own_head.tail_problems()

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


__all__ = ["Listener", "Node", "NodeError", "ReceiveReport", "StoreError", "VerifyReport", "record_run",
           "unlock_identity"]
