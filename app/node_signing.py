"""Signing: the node's own feed, as the member whose key is unlocked here.

Split out of app/node.py. `Signer.append_many` builds entries on this replica's heads (deps, lamport,
a signing time held near what it holds, a revocation pinned at the head seen here), checks what it
can before signing, and stores them through the same `Ingest.admit` as any peer's entries, in one
commit with the record of which heads it has built upon (`seen`). It asks the own-head record
(app/node_own_head.py) first: a node that lost the tail of its own feed signs nothing.
The identity and the clock are read through getters: the node (or a test) may replace them.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable

from app.core import entry as entry_mod
from app.core.approvals import precheck
from app.core.entry import Entry, EntryError
from app.core.identity import Identity
from app.core.runs import not_deployed
from app.core.schema import PIN_ACTIONS, PROPOSAL_TYPES
from app.core.state import out_of_range_at_tail
from app.core.types import EntryType, FeedHead
from app.node_errors import NodeError
from app.node_ingest import Ingest
from app.node_own_head import OwnHeadGuard
from app.store.own_head import RECORD_UNWRITABLE
from app.store.replica_store import ReplicaStore

log = logging.getLogger(__name__)


def referenced_entry(entry_type: str, body: object) -> str | None:
    """The entry a new entry must list in deps: a correction's target, an approval's proposal, an
    acknowledgement's inject release."""
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
    if entry_type == EntryType.EXERCISE_ACK:
        return body.get("release")
    return None


class Signer:
    """Signs and stores entries as the local member, on the heads this replica holds."""

    def __init__(self, store: ReplicaStore, lock: threading.RLock, ingest: Ingest, own_head: OwnHeadGuard,
                 identity: Callable[[], Identity | None], clock: Callable[[], int]) -> None:
        self.store = store
        self._lock = lock
        self._ingest = ingest
        self._own_head = own_head
        self._identity = identity
        self._clock = clock
        self._seen: dict[str, int] = {}   # author -> the seq of theirs the own feed last named as a dep

    def load_seen(self) -> None:
        """Read what the current identity has built upon (on opening, and when it changes)."""
        identity = self._identity()
        stored = self.store.get_meta(self._seen_key()) if identity else None
        self._seen = json.loads(stored) if stored else {}

    def _network_id(self) -> str:
        assert self.store.network_id is not None   # signing needs a genesis; a joining node has none yet
        return self.store.network_id

    def _seen_key(self) -> str:
        identity = self._identity()
        assert identity is not None
        return "seen:" + identity.public_key_hex[:32]

    def append_many(self, items: list[tuple[str, dict]]) -> list[Entry]:
        """Sign and store several entries in one durable commit (all or nothing)."""
        identity = self._identity()
        if identity is None:
            raise NodeError("this replica is open read-only: unlock it with the passphrase to record entries",
                            "read_only")
        me = identity.public_key_hex
        items = [(t, self._with_pin(t, b)) for t, b in items]
        with self._lock:
            self._own_head.reconcile()
            refusal = next((p for p in self._own_head.problems if p.author in (me, "")), None)
            if refusal is not None:
                log.info("signing refused (%s): %s", refusal.code, refusal.explanation())
                raise NodeError.refused(refusal.code, refusal.explanation())
            if self._ingest.state.tables["members"].get(me, {}).get("revoked"):
                raise NodeError.refused("revoked", "this key was revoked; nothing it signs would have any effect")
            for entry_type, body in items:
                if entry_type in PROPOSAL_TYPES:
                    problem = precheck(self._ingest.state, me, entry_type, body, self._signing_time())
                    if problem is not None:
                        raise NodeError(f"{entry_type}: {problem}", "no_effect")
                if entry_type == EntryType.ALLOCATION_RUN and isinstance(body, dict) \
                        and {"contract", "version"} <= set(body):
                    problem = not_deployed(self._ingest.state, body)
                    if problem is not None:
                        raise NodeError.refused("not_deployed", f"{problem}; a run must use the deployed version")
            heads = dict(self._ingest.heads)
            seen = dict(self._seen)
            signed: list[Entry] = []
            signed_ts: dict[str, int] = {}
            members = self._ingest.state.tables["members"]
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
                ts = self._clock()
                if parent_ts and ts > max(parent_ts) + entry_mod.MAX_TS_LEAD_MS:
                    # a clock far ahead of everything this replica has seen (a machine off for weeks, or set
                    # wrong): stamp the furthest time peers accept; the next entry can move on from there
                    ts = max(parent_ts) + entry_mod.MAX_TS_LEAD_MS
                try:
                    entry = entry_mod.create(identity, net=self._network_id(), seq=(own[0] + 1) if own else 1,
                                             prev=own[1] if own else None, deps=deps, lamport=lamport,
                                             ts=ts, type=entry_type, body=body)
                except EntryError as exc:
                    raise NodeError(f"{entry_type}: {exc}", exc.code) from exc
                signed.append(entry)
                signed_ts[entry.hash] = entry.ts
                heads[me] = FeedHead(entry.seq, entry.hash, entry.lamport)
                for author, head in others:
                    seen[author] = head[0]
            problem = out_of_range_at_tail(self._ingest.state, signed)
            if problem is not None:   # signed here, but never stored or sent: nothing to take back
                raise NodeError.refused("out_of_range", f"{problem}; nothing was recorded")
            report = self._ingest.admit(signed, extra_meta={self._seen_key(): json.dumps(seen, sort_keys=True)})
            if report.refused or report.deferred:
                finding = (report.refused or report.deferred)[0]
                log.info("own %s refused (%s): %s", items[0][0], finding.code, finding.message)
                raise NodeError.refused(finding.code, finding.message)
            self._seen = seen
            unwritable = any(p.code == RECORD_UNWRITABLE for p in self._own_head.problems)
        self._ingest.notify(report.accepted)
        log.debug("signed and stored %d entries up to seq %d", len(report.accepted), signed[-1].seq)
        if unwritable:
            # stored, but not acknowledged as such: a later loss of it could not be noticed
            log.info("stored seq %d, but the own-head record could not be written: %s", signed[-1].seq,
                      self._own_head.unwritable)
            raise NodeError.refused(RECORD_UNWRITABLE, f"stored as seq {signed[-1].seq}, but the own-head record "
                                   f"could not be written ({self._own_head.unwritable}); this node signs nothing "
                                   f"more until it can")
        return report.accepted

    def _signing_time(self) -> int:
        """The latest ts this replica may sign now: its clock, held within MAX_TS_LEAD_MS of what it holds."""
        newest = max((ts for ts in (self.store.ts_of(h[1]) for h in self._ingest.heads.values()) if ts is not None),
                     default=None)
        return self._clock() if newest is None else min(self._clock(), newest + entry_mod.MAX_TS_LEAD_MS)

    def _with_pin(self, entry_type: str, body: dict) -> dict:
        """A revocation (or re-pin) proposed without a pin is pinned at the feed's head as held here."""
        inner = body.get("body") if entry_type == EntryType.PROPOSAL_OPEN and isinstance(body, dict) else None
        if isinstance(inner, dict) and body.get("action") in PIN_ACTIONS \
                and "seq" not in inner and isinstance(inner.get("key"), str):
            return {**body, "body": {**inner, **self.feed_pin(inner["key"])}}
        return body

    def feed_pin(self, key: str) -> dict:
        """`seq` and `head` pinning `key`'s feed at the head this replica holds (seq 0: nothing written)."""
        head = self._ingest.heads.get(key)
        return {"seq": head[0], "head": head[1]} if head else {"seq": 0}
