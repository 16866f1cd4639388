"""The node's own-head record (app/store/own_head.py) kept in step with the database.

Split out of app/node.py: the record is what lets a node notice it lost the tail of a feed it signed,
and so what decides whether it may sign at all; the signer (app/node_signing.py) asks it before
signing, and the ingest (app/node_ingest.py) tells it when entries of a recorded feed were stored.
It sees the heads and the signing identity through getters: a commit replaces the heads whole, and
`Node.sign_as` (or a test) replaces the identity.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from app.core.entry import Entry
from app.core.identity import Identity
from app.core.types import FeedHead
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
from app.store.replica_store import ReplicaStore

log = logging.getLogger(__name__)


class OwnHeadGuard:
    """Reads the own-head record once, moves it forward as the database grows, and keeps the problems found."""

    def __init__(self, store: ReplicaStore, lock: threading.RLock, path: Path | None, shared: bool,
                 heads: Callable[[], dict[str, FeedHead]], identity: Callable[[], Identity | None]) -> None:
        self.store = store
        self._lock = lock
        # beside the key file, outside the database (None: a replica without a data directory keeps none)
        self.path = path
        self._shared = shared
        self._heads = heads
        self._identity = identity
        self.record: OwnHeadRecord | None = None
        self._damaged: str | None = None
        self.unwritable = ""
        self.problems: list[TailProblem] = []
        if self.path is not None:
            try:
                self.record = read_record(self.path)
            except OwnHeadError as exc:
                self._damaged = str(exc)

    def tail_problems(self) -> list[TailProblem]:
        """Feeds signed here that the database holds less of than the own-head record says (empty when sound).

        Lock-free (the list is replaced whole), so the GUI thread can ask at any time.
        """
        return list(self.problems)

    def note_stored(self, accepted: Iterable[Entry]) -> None:
        """After a commit (the caller holds the lock): reconcile when it stored entries of a feed signed here."""
        identity = self._identity()
        mine = identity.public_key_hex if identity else None
        recorded = self.record.feeds if self.record else {}
        if any(e.author == mine or e.author in recorded for e in accepted):
            self.reconcile()

    def reconcile(self) -> None:
        """Compare the record with the database; move it forward where the database holds more.

        The database may be ahead after a crash between commit and record write, or when peers sent
        this feed's entries; it may be behind when storage lost committed transactions. The signing
        key's feed enters the record the first time it is seen here. Read-only opens never write.
        """
        if self.path is None:
            return
        with self._lock:
            if self._damaged is not None:
                self.problems = [TailProblem("", RECORD_DAMAGED, 0, 0)]
                return
            network = self.store.network_id
            record = self.record or OwnHeadRecord(network)
            if record.network is not None and network is not None and record.network != network:
                record = OwnHeadRecord(network)   # a record of another network says nothing about this one
            heads = self._heads()
            problems, ahead = compare(record, network, heads, self.store.hash_at)
            feeds = {**record.feeds, **ahead}
            identity = self._identity()
            mine = identity.public_key_hex if identity else None
            if mine is not None and mine not in feeds and mine in heads:
                feeds[mine] = (heads[mine].seq, heads[mine].hash)
            updated = OwnHeadRecord(network or record.network, feeds)
            if updated != self.record and feeds and not self._shared:
                try:
                    write_record(self.path, updated)
                except OwnHeadError as exc:
                    self.unwritable = str(exc)
                    log.info("cannot write the own-head record %s: %s", self.path, exc)
                    problems.append(TailProblem("", RECORD_UNWRITABLE, 0, 0))
                else:
                    self.record = updated
            if problems and problems != self.problems:
                log.info("own feeds: %s", "; ".join(p.explanation() for p in problems))
            self.problems = problems
