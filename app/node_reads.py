"""The node's read-only queries: what the UI, the CLI and the sync protocol ask of a replica.

Split out of app/node.py so that Node keeps only what changes a replica (signing, ingesting,
folding); every method here is reached through Node's facade with the same name and signature.
The state and the heads are read through getters, never copied: a commit replaces them whole,
and a read must see the latest.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from app.core.entry import Entry
from app.core.state import LedgerState
from app.core.types import FeedHead, OrderKey
from app.map.replay import Timeline, build_timeline
from app.store.replica_store import ReplicaStore, stored_entry
from app.store.verification import Progress, VerifyReport, verify_replica

EVIDENCE_LIMIT = 200
T = TypeVar("T")


class LedgerReads:
    """Read-only queries on one replica; holds the node's lock only where a fold must not be under way."""

    def __init__(self, store: ReplicaStore, lock: threading.RLock, state: Callable[[], LedgerState],
                 heads: Callable[[], dict[str, FeedHead]], own_head_path: Path | None) -> None:
        self.store = store
        self._lock = lock
        self._state = state
        self._heads = heads
        self.own_head_path = own_head_path

    def read(self, reader: Callable[[LedgerState], T]) -> T:
        """Run `reader` on the state while no fold is under way (the GUI reads rows this way)."""
        with self._lock:
            return reader(self._state())

    # -- replication ----------------------------------------------------------------------------------
    def frontier(self) -> dict[str, int]:
        """author -> highest seq held: what a peer needs to know to send this replica what it lacks.

        Lock-free (the heads are replaced whole after each commit), so the network loop never waits for a fold.
        """
        return {author: head[0] for author, head in self._heads().items()}

    def iter_missing(self, frontier: dict[str, int]) -> Iterable[Entry]:
        return self.store.iter_missing(frontier)

    def missing_raw(self, frontier: dict[str, int], limit: int = 500,
                    max_bytes: int | None = None) -> list[tuple[str, int, bytes, bytes]]:
        """Up to `limit` entries a holder of `frontier` lacks, in total order, as stored bytes.

        A sender parses nothing.

        With `max_bytes` the batch also stops once its raw bytes reach that many (always at least one
        entry), so a sender never holds a thousand of the largest entries in memory at once.
        """
        if max_bytes is None:
            return list(itertools.islice(self.store.iter_missing_raw(frontier), limit))
        batch: list[tuple[str, int, bytes, bytes]] = []
        size = 0
        rows = self.store.iter_missing_raw(frontier)
        try:
            for row in rows:
                batch.append(row)
                size += len(row[2])
                if len(batch) >= limit or size >= max_bytes:
                    break
        finally:
            rows.close()  # release the read connection now, not whenever the generator is collected
        return batch

    def head_hashes(self) -> dict[str, str]:
        """author -> hash of the head entry: lets two replicas notice they hold different branches (lock-free)."""
        return {author: head[1] for author, head in self._heads().items()}

    def conflicts_with(self, heads: dict[str, int], hashes: dict[str, str]) -> list[Entry]:
        """This replica's entries at positions where a peer holds a different entry (its author equivocated),
        plus every piece of equivocation evidence held here, both sides."""
        found: dict[str, Entry] = {}
        for author, peer_hash in hashes.items():
            seq = heads.get(author, 0)
            mine = self.store.hash_at(author, seq) if seq else None
            if mine is not None and mine != peer_hash:
                for entry in self.store.entries_by_hash([mine]):
                    found[entry.hash] = entry
        for row in self.store.evidence_rows()[:EVIDENCE_LIMIT]:
            evidence = stored_entry(row.raw, row.sig)
            found[evidence.hash] = evidence
            for entry in self.store.entries_by_hash([row.conflicting]):
                found[entry.hash] = entry
        return sorted(found.values(), key=lambda e: e.key)

    def is_current_member(self, key: str) -> bool:
        row = self._state().tables["members"].get(key)  # one atomic dict read: no need to wait for a fold
        return row is not None and bool(row) and not row["revoked"]

    # -- reading -------------------------------------------------------------------------------------
    def entries(self, hashes: list[str]) -> list[Entry]:
        return self.store.entries_by_hash(hashes)

    def entry(self, entry_hash: str) -> Entry | None:
        found = self.store.entries_by_hash([entry_hash])
        return found[0] if found else None

    def entries_in_order(self) -> Iterable[Entry]:
        with self.store.engine.connect() as connection:
            yield from self.store.iter_in_order(connection)

    def recent(self, limit: int = 50, author: str | None = None, entry_type: str | None = None,
               before: OrderKey | None = None) -> list[Entry]:
        """The latest entries in total order, newest first, one bounded page: what the explorer shows.

        The UI reads through the node, never the store, so what it shows goes by the node's rules.
        """
        return self.store.recent(limit, author=author, entry_type=entry_type, before=before)

    def verify(self, progress: Progress | None = None) -> VerifyReport:
        """Re-check every stored entry, the folded state and this replica's own-head record."""
        return verify_replica(self.store, progress, own_head=self.own_head_path)

    def timeline(self) -> Timeline:
        """The ledger folded once for after-action replay, with the same equivocators and pins as the state."""
        equivocators, pins = self.read(lambda s: (dict(s.equivocators), dict(s.pins)))
        return build_timeline(self.entries_in_order(), equivocators, pins)

    def member_name(self, key: str) -> str:
        row = self._state().tables["members"].get(key)
        return f"{row['name']} ({row['org']})" if row else key[:12] + "…"
