"""One authenticated link to one peer: handshake, then catch-up, live push and keep-alive.

Both directions run the same loop once the handshake is done. Each side keeps what it believes
the peer holds (`peer_has`, a frontier); the pump sends whatever the replica holds beyond it, in
total order, a batch at a time, waiting for the socket to drain between batches (backpressure).
Receiving validates every entry like any other input; an entry that could never be valid from an
honest peer cuts the link with a logged reason.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from app.core.display import printable
from app.core.entry import Entry, EntryError, is_hex64
from app.core.identity import Identity, fingerprint_hex
from app.core.types import EntryType
from app.errors import ReliefLedgerError
from app.net import handshake as hs
from app.net import wire
from app.net.events import EventKind, Limits, NetEvent
from app.net.frames import ProtocolError, encode_frame, read_frame
from app.net.replica import Replica
from app.net.tls import SessionCertificate, peer_certificate_sha256
from app.net.verifier import OFFLOAD_MIN, BatchVerifier

if TYPE_CHECKING:
    from app.net.replica import ReceiveOutcome

log = logging.getLogger(__name__)

STORE_BATCH = 4000
# Refusals an honest relay can cause without fault: an entry whose predecessor or dependency has not
# arrived yet, one that sorts after a revocation the relay had not heard of when it stored it, or one
# that continues the other branch of an author who equivocated (a validly signed entry whose prev is
# not the entry this replica holds at that seq: proof against its author, not against the relay).
TOLERATED_REFUSALS = frozenset({"missing_prev", "missing_dependency", "revoked", "chain_broken"})
# Evidence whose predecessor or dependencies have not arrived yet is kept for the session and placed once they
# have (docs/PROTOCOL.md §5); at most this many entries wait, the oldest make room (a peer resends them in a
# later session, as it sends all evidence it holds).
MAX_WAITING_EVIDENCE = 400
WAITING_CODES = frozenset({"missing_prev", "missing_dependency"})


class CutOff(ReliefLedgerError):
    """End this session and say why (to the log, the operator and, politely, the peer)."""

    def __init__(self, code: str, message: str, quiet: bool = False, apart: bool = False) -> None:
        super().__init__(message, code)
        self.quiet = quiet
        # the two nodes serve different networks (hs.APART_CODES): nobody's fault, told once, not as a cut-off
        self.apart = apart


class SessionHost(Protocol):
    """What a session uses of the service that made it (app.net.service.SyncService provides it).

    Named here so that this module need not import app.net.service, which imports it: the import graph
    stays free of cycles, type-only ones included (tests/test_import_graph.py).
    """

    expected_network: str | None   # the network this node serves; a joiner learns it from its first welcome
    join_kind: str | None          # a joiner asked to join only a network of this kind (None: any)

    @property
    def node(self) -> Replica: ...

    @property
    def identity(self) -> Identity: ...

    @property
    def own_key(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    @property
    def limits(self) -> Limits: ...

    @property
    def certificate(self) -> SessionCertificate: ...

    @property
    def join_profile(self) -> dict[str, str] | None: ...

    @property
    def verifier(self) -> BatchVerifier: ...

    def in_cooldown(self, key: str) -> bool: ...

    def note_join_request(self, key: str, name: str, org: str, address: str) -> None: ...

    def note_pending(self, peer: str, network: str) -> None: ...

    def accepts_network(self, network_id: str) -> bool: ...

    def emit(self, event: NetEvent) -> None: ...

    def status_changed(self) -> None: ...


class DialedTarget(Protocol):
    """The target a session was dialled for (app.net.service.Target): the session pins the key it met."""

    fingerprint: str | None
    name: str


@dataclass
class Session:
    service: SessionHost
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    outbound: bool
    address: str
    expected_fingerprint: str | None = None
    peer_key: str = ""
    peer_name: str = ""
    peer_has: dict[str, int] = field(default_factory=dict)
    peer_heads: dict[str, int] = field(default_factory=dict)
    received: int = 0
    sent: int = 0
    last_sync_ms: int | None = None
    state: str = "connecting"
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    close_reason: str = ""
    target: DialedTarget | None = None
    heads_known: bool = False
    _genesis_checked: bool = False
    _peer_hashes: dict[str, str] = field(default_factory=dict)
    _peer_hash_heads: dict[str, int] = field(default_factory=dict)  # the frontier the peer announced with its hashes
    evidence_due: bool = True
    _evidence_sent: set[str] = field(default_factory=set)
    _inbox: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(maxsize=4))  # of (kind, entries)
    _waiting_evidence: list[Entry] = field(default_factory=list)
    # A joiner with no replica cannot tell whether the welcoming key is a member until it holds the ledger the
    # peer announced: this is that frontier, and nothing is sent to the peer until the check passed (service._push).
    member_check_at: dict[str, int] | None = None
    _stuck_frontier: dict[str, int] | None = None

    # -- identity ---------------------------------------------------------------------------------
    @property
    def label(self) -> str:
        if not self.peer_key:
            return self.address
        return f"{self.peer_name or 'peer'} [{fingerprint_hex(self.peer_key)}]"

    @property
    def dialer_key(self) -> str:
        return self.service.own_key if self.outbound else self.peer_key

    # -- sending ----------------------------------------------------------------------------------
    async def send(self, message: dict[str, Any]) -> None:
        self.writer.write(encode_frame(message))
        await self.writer.drain()

    async def read(self, timeout: float | None = None) -> dict[str, Any]:
        limits = self.service.limits
        return await read_frame(self.reader, idle_timeout=timeout or limits.idle_timeout,
                                body_timeout=limits.body_timeout, limit=limits.max_frame_bytes)

    # -- handshake ---------------------------------------------------------------------------------
    async def handshake_as_server(self) -> bool:
        """True when the peer is a member and sync may start; False after a join request or refusal."""
        service, node = self.service, self.service.node
        server_nonce = hs.new_nonce()
        await self.send({"t": "hello", "v": hs.PROTOCOL_VERSION, "nonce": server_nonce})
        message = await self.read(service.limits.handshake_timeout)
        if message["t"] == "bye":  # the dialler gave up (e.g. on our version): it left, nobody is at fault
            raise CutOff("peer_left", f"peer left during the handshake: {_text(message.get('message')) or 'bye'}",
                         quiet=True)
        if message["t"] != "auth":
            raise CutOff("unexpected", f"expected auth, got {message['t']!r}")
        hs.check_version(message)
        net = message.get("net")
        binding = hs.Binding(service.certificate.sha256, hs.nonce_field(message), server_nonce,
                             net if isinstance(net, str) else None)
        key = hs.check_proof(binding, "client", message.get("key"), message.get("sig"))
        self.peer_key, self.peer_name = key, _text(message.get("name"))
        if key == service.own_key:
            raise CutOff("self", "connected to itself", quiet=True)
        if not node.has_network:
            await self.send({"t": "refused", "code": "not_ready",
                             "message": "this node has not joined a network yet"})
            raise CutOff("not_ready", "refused a peer: this node has not joined a network yet", quiet=True)
        own_kind, their_kind = _own_kind(node), hs.kind_field(message)
        if binding.net != node.network_id and their_kind is not None and their_kind != own_kind:
            await self.send({"t": "refused", "code": hs.EXERCISE_VS_LIVE,
                             "message": f"this node serves {hs.with_article(own_kind)} and you asked for "
                                        f"{hs.with_article(their_kind)}: an exercise network and a live network "
                                        "never exchange entries"})
            raise CutOff(hs.EXERCISE_VS_LIVE, f"refused: {hs.apart_sentence(own_kind, their_kind)}", apart=True)
        if binding.net is not None and binding.net != node.network_id:
            await self.send({"t": "refused", "code": "wrong_network", "message": "this node serves another network"})
            raise CutOff("wrong_network", "refused: the peer belongs to another network", apart=True)
        if service.in_cooldown(key):
            await self.send({"t": "refused", "code": "cooldown", "message": "recently cut off; try later"})
            raise CutOff("cooldown", "refused a peer that was cut off recently", quiet=True)
        if not node.is_current_member(key):
            join = message.get("join")
            if isinstance(join, dict):
                service.note_join_request(key, _text(join.get("name")) or self.peer_name, _text(join.get("org")),
                                          self.address)
                await self.send({"t": "pending", "key": service.own_key,
                                 "sig": hs.prove(service.identity, binding, "server"),
                                 "name": service.display_name, "network": node.network.get("name", "")})
                raise CutOff("join_pending", "join request noted; waiting for an admin", quiet=True)
            await self.send({"t": "refused", "code": "not_member",
                             "message": "your key is not a current member of this network"})
            raise CutOff("not_member", "refused a key that is not a current member")
        self.peer_heads = node.frontier()
        await self.send({"t": "welcome", "key": service.own_key, "sig": hs.prove(service.identity, binding, "server"),
                         "name": service.display_name, "net": node.network_id, "kind": own_kind,
                         "heads": self.peer_heads, "hashes": node.head_hashes()})
        self.peer_heads = {}
        return True

    async def handshake_as_client(self) -> bool:
        service, node = self.service, self.service.node
        message = await self.read(service.limits.handshake_timeout)
        _refused_by_bye(message)
        if message["t"] != "hello":
            raise CutOff("unexpected", f"expected hello, got {message['t']!r}")
        hs.check_version(message)
        cert = peer_certificate_sha256(self.writer.get_extra_info("ssl_object"))
        client_nonce = hs.new_nonce()
        net = node.network_id if node.has_network else None
        binding = hs.Binding(cert, client_nonce, hs.nonce_field(message), net)
        kind = _own_kind(node) if node.has_network else service.join_kind
        auth: dict[str, Any] = {"t": "auth", "v": hs.PROTOCOL_VERSION, "nonce": client_nonce, "net": net,
                                "kind": kind, "key": service.own_key, "name": service.display_name,
                                "sig": hs.prove(service.identity, binding, "client")}
        if service.join_profile is not None:
            auth["join"] = dict(service.join_profile)
        await self.send(auth)
        reply = await self.read(service.limits.handshake_timeout)
        _refused_by_bye(reply)
        kind = reply["t"]
        if kind == "refused":
            code = _text(reply.get("code"), 40) or "refused"
            raise CutOff(code, f"peer refused: {_text(reply.get('message'))}", quiet=code in {"not_ready", "cooldown"},
                         apart=code in hs.APART_CODES)
        if kind not in {"welcome", "pending"}:
            raise CutOff("unexpected", f"expected welcome, got {kind!r}")
        key = hs.check_proof(binding, "server", reply.get("key"), reply.get("sig"))
        self.peer_key, self.peer_name = key, _text(reply.get("name"))
        if self.expected_fingerprint and fingerprint_hex(key) != self.expected_fingerprint:
            raise CutOff("fingerprint_mismatch",
                         f"expected fingerprint {self.expected_fingerprint}, the peer proved {fingerprint_hex(key)}")
        if self.target is not None and self.target.fingerprint is None:
            self.target.fingerprint = fingerprint_hex(key)  # pinned from now on (trust on first use)
            self.target.name = self.peer_name
        if kind == "pending":
            service.note_pending(self.label, _text(reply.get("network")))
            raise CutOff("join_pending", "waiting for an admin of that network to admit this node", quiet=True)
        their_kind = hs.kind_field(reply)
        if node.has_network:
            if reply.get("net") != node.network_id:
                if their_kind is not None and their_kind != _own_kind(node):
                    raise CutOff(hs.EXERCISE_VS_LIVE, hs.apart_sentence(_own_kind(node), their_kind), apart=True)
                raise CutOff("wrong_network", "peer serves another network", apart=True)
            if not node.is_current_member(key):
                raise CutOff("not_member", "peer's key is not a current member of this network")
        else:
            if service.join_kind is not None and their_kind is not None and their_kind != service.join_kind:
                raise CutOff(hs.EXERCISE_VS_LIVE, f"peer serves {hs.with_article(their_kind)}; this node asked to "
                                                  f"join {hs.with_article(service.join_kind)} only", apart=True)
            if not is_hex64(reply.get("net")) or not service.accepts_network(reply["net"]):
                raise CutOff("wrong_network", "peer serves a network this node did not ask to join", apart=True)
            service.expected_network = reply["net"]
        self.peer_heads = wire.frontier_field(reply)
        if not node.has_network:
            self.member_check_at = dict(self.peer_heads)
        self.heads_known = True
        await self.send(self._heads_message())
        self.peer_has = dict(self.peer_heads)
        self._peer_hashes = wire.hashes_field(reply)
        self._peer_hash_heads = dict(self.peer_heads)
        return True

    # -- running ----------------------------------------------------------------------------------
    async def run(self) -> None:
        """Read, pump and keep alive until one of them ends the session."""
        self.state = "syncing"
        self.wake.set()
        tasks = [asyncio.create_task(self._read_loop()), asyncio.create_task(self._store_loop()),
                 asyncio.create_task(self._pump()), asyncio.create_task(self._keep_alive())]
        try:
            done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                exc = task.exception()
                if exc is not None:
                    raise exc
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _read_loop(self) -> None:
        while True:
            message = await self.read()
            kind = message["t"]
            if kind == "entries":
                await self._receive(wire.entries_field(message))
            elif kind == "heads":
                heads = wire.frontier_field(message)
                self._peer_hashes = wire.hashes_field(message)
                self._peer_hash_heads = dict(heads)
                self.evidence_due = True
                self.peer_has = dict(heads)
                self.heads_known = True
                self.peer_heads = {a: max(s, self.peer_heads.get(a, 0)) for a, s in heads.items()} | {
                    a: s for a, s in self.peer_heads.items() if a not in heads}
                self.wake.set()
                self._report_progress()
            elif kind == "evidence":
                await self._receive_evidence(wire.entries_field(message))
            elif kind == "ping":
                await self.send({"t": "pong"})
            elif kind == "pong":
                pass
            elif kind == "bye":
                raise CutOff("peer_left", f"peer closed: {_text(message.get('message')) or 'bye'}", quiet=True)
            else:
                raise ProtocolError("unknown_message", f"unknown message type {kind!r}")

    async def _receive(self, items: list[Any]) -> None:
        """Check signatures now (a worker thread), then queue the batch for storing.

        Verifying batch N+1 while batch N is being committed keeps both cores busy on a fast link;
        the bounded queue is the backpressure: while it is full this loop stops reading the socket.
        """
        node = self.service.node
        pending = None
        if len(items) >= OFFLOAD_MIN:
            pairs = wire.signed_pairs(items)
            pending = self.service.verifier.submit(pairs) if pairs is not None else None
        try:
            entries = await asyncio.to_thread(_parse_all, items, pending is None)
        except _BadItem as bad:
            raise CutOff("invalid_entry", f"sent an invalid entry ({bad.code}): {bad}") from None
        if pending is not None:
            bad_indices = await asyncio.wrap_future(pending)
            if bad_indices:
                raise CutOff("invalid_entry", f"sent an invalid entry (bad_signature): item {bad_indices[0]}: "
                                              "signature does not match the entry and its author's key")
        if not node.has_network and not self._genesis_checked:
            if not entries or entries[0].type != EntryType.GENESIS or entries[0].hash != self.service.expected_network:
                raise CutOff("wrong_network", "the first entries of the network did not start with its genesis")
            wanted, found = self.service.join_kind, entries[0].body.get("kind")
            if wanted is not None and found != wanted:   # the genesis is the authority on the kind, not the welcome
                raise CutOff(hs.EXERCISE_VS_LIVE, f"the network's genesis founds {hs.with_article(str(found))}; this "
                                                  f"node asked to join {hs.with_article(wanted)} only: nothing stored",
                             apart=True)
            self._genesis_checked = True
        for entry in entries:  # the peer holds what it sent: never echo it back (set before the push can run)
            if entry.seq > self.peer_has.get(entry.author, 0):
                self.peer_has[entry.author] = entry.seq
            if entry.seq > self.peer_heads.get(entry.author, 0):
                self.peer_heads[entry.author] = entry.seq
        await self._inbox.put(("entries", entries))

    def _heads_message(self) -> dict[str, Any]:
        node = self.service.node
        return {"t": "heads", "heads": node.frontier(), "hashes": node.head_hashes()}

    async def _send_evidence(self) -> None:
        """Entries at positions where the peer holds a different branch, and all equivocation evidence."""
        self.evidence_due = False
        node = self.service.node
        # the hashes name the entries at the frontier announced with them, not at what has been sent since
        entries = await asyncio.to_thread(node.conflicts_with, dict(self._peer_hash_heads), dict(self._peer_hashes))
        fresh = [e for e in entries if e.hash not in self._evidence_sent]
        if fresh:
            self._evidence_sent.update(e.hash for e in fresh)
            frames = await asyncio.to_thread(list, wire.entry_frames(
                "evidence", ((e.raw, e.sig) for e in fresh), self.service.limits.frame_budget))
            for _count, payload in frames:
                self.writer.write(payload)
                await self.writer.drain()

    async def _receive_evidence(self, items: list[Any]) -> None:
        """Conflicting entries: queued behind the entries frames read before them, so what they depend on is
        stored first; never a reason to cut the relay off (only a malformed or badly signed item is)."""
        try:
            entries = await asyncio.to_thread(_parse_all, items)
        except _BadItem as bad:
            raise CutOff("invalid_entry", f"sent invalid evidence ({bad.code}): {bad}") from None
        await self._inbox.put(("evidence", entries))

    async def _store_evidence(self, entries: list[Entry]) -> None:
        """Keep what conflicts with entries held here as evidence (the node then tells every peer); keep what
        cannot be placed yet until its predecessor and dependencies arrive; ignore the rest."""
        report = await self._store(entries)
        waiting = {r.hash for r in report.deferred if r.code in WAITING_CODES}
        held = {e.hash for e in self._waiting_evidence}
        self._waiting_evidence.extend(e for e in entries if e.hash in waiting and e.hash not in held)
        del self._waiting_evidence[:-MAX_WAITING_EVIDENCE]
        if (report.evidence or report.accepted) and self._stuck_frontier is not None:
            # entries that could not be placed earlier may rest on what was just stored (FORMAT.md §6: evidence
            # counts as held for other authors' deps): ask the peer to send from here again
            self._stuck_frontier = self.service.node.frontier()
            await self.send(self._heads_message())
        if report.evidence:
            authors = sorted({e.author for e in report.evidence})
            self.service.emit(NetEvent(EventKind.EQUIVOCATION, self.label, "evidence that "
                                       + ", ".join(fingerprint_hex(a) for a in authors)
                                       + " signed two different entries with one sequence number"))

    async def _retry_waiting_evidence(self) -> None:
        waiting, self._waiting_evidence = self._waiting_evidence, []
        await self._store_evidence(waiting)

    async def _store(self, entries: list[Entry]) -> ReceiveOutcome:
        """Validate and store through the node; a failure of this replica's own store is not the peer's fault."""
        try:
            return await asyncio.to_thread(self.service.node.receive, entries)
        except Exception as exc:  # noqa: BLE001 - refusals come in the report; this is the replica's own failure
            log.error("%s: storing %d entries failed: %s", printable(self.label), len(entries), printable(exc),
                      exc_info=exc)
            raise CutOff("store_failed", f"this replica could not store what the peer sent "
                                         f"({type(exc).__name__}: {exc})") from None

    async def _store_loop(self) -> None:
        while True:
            items = [await self._inbox.get()]
            while not self._inbox.empty() and sum(len(e) for _k, e in items) < STORE_BATCH:
                items.append(self._inbox.get_nowait())  # one commit for what piled up: fewer fsyncs
            for kind, entries in _runs(items):  # in the order read: evidence after the entries before it
                if kind == "evidence":
                    await self._store_evidence(entries)
                else:
                    await self._store_entries(entries)
            if self._inbox.empty():
                self._report_progress()

    async def _store_entries(self, entries: list[Entry]) -> None:
        node = self.service.node
        report = await self._store(entries)
        self.received += len(report.accepted)
        fatal = [r for r in report.refused if r.code not in TOLERATED_REFUSALS]
        if fatal:
            first = fatal[0]
            raise CutOff("invalid_entry", f"sent an invalid entry {first.hash[:12]} ({first.code}): "
                                          f"{first.message}")
        if report.accepted and self._waiting_evidence:
            await self._retry_waiting_evidence()
        if report.deferred or report.refused:
            frontier = node.frontier()
            if frontier != self._stuck_frontier:
                self._stuck_frontier = frontier
                await self.send(self._heads_message())
            else:
                log.warning("%s: %d entries cannot be placed yet (%s)", printable(self.label), len(report.deferred),
                            printable((report.deferred or report.refused)[0].message))

    async def _pump(self) -> None:
        node, limits = self.service.node, self.service.limits
        while True:
            await self.wake.wait()
            self.wake.clear()
            while node.has_network and self.heads_known and self.member_check_at is None:
                batch = await asyncio.to_thread(node.missing_raw, dict(self.peer_has), limits.batch_entries,
                                                limits.frame_budget)
                if not batch:
                    break
                frames = await asyncio.to_thread(_entries_frames, batch, limits.frame_budget)
                start = 0
                for count, payload in frames:  # split by bytes: no frame of ours can pass the limit
                    self.writer.write(payload)
                    await self.writer.drain()
                    for author, seq, _raw, _sig in batch[start:start + count]:
                        if seq > self.peer_has.get(author, 0):
                            self.peer_has[author] = seq
                        if seq > self.peer_heads.get(author, 0):
                            self.peer_heads[author] = seq
                    start += count
                    self.sent += count
            if self.evidence_due and self.heads_known and node.has_network and self.member_check_at is None:
                await self._send_evidence()  # after every entry the peer lacks: evidence never arrives before its deps
            self._report_progress()

    async def _keep_alive(self) -> None:
        while True:
            await asyncio.sleep(self.service.limits.ping_interval)
            await self.send({"t": "ping"})

    def _report_progress(self) -> None:
        if not self.heads_known:
            return
        mine = self.service.node.frontier()
        behind = wire.behind(mine, self.peer_heads)
        state = "in sync" if behind == 0 and wire.behind(self.peer_heads, mine) == 0 else "syncing"
        if state == "in sync":
            self.last_sync_ms = int(time.time() * 1000)
            if self.state != "in sync":
                self.service.emit(NetEvent(EventKind.SYNCED, self.label, f"in sync ({self.received} received, "
                                                                          f"{self.sent} sent)"))
        else:
            self.service.emit(NetEvent(EventKind.PROGRESS, self.label, f"{behind} entries behind"))
        self.state = state
        self.service.status_changed()


class _BadItem(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _parse_all(items: list[Any], check_signatures: bool = True) -> list[Entry]:
    entries = []
    for index, item in enumerate(items):
        try:
            entries.append(wire.entry_from_wire(item, check_signatures))
        except EntryError as exc:
            raise _BadItem(exc.code, f"item {index}: {exc}") from None
    return entries


def _runs(items: list[tuple[str, list[Entry]]]) -> list[tuple[str, list[Entry]]]:
    """Consecutive batches of one kind joined, the order kept."""
    runs: list[tuple[str, list[Entry]]] = []
    for kind, entries in items:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + entries)
        else:
            runs.append((kind, list(entries)))
    return runs


def _entries_frames(batch: list[tuple[str, int, bytes, bytes]], budget: int) -> list[tuple[int, bytes]]:
    return list(wire.entry_frames("entries", ((raw, sig) for _a, _s, raw, sig in batch), budget))


def _refused_by_bye(message: dict[str, Any]) -> None:
    """A `bye` in place of the server's next handshake message is a refusal with its code (docs/PROTOCOL.md §4):
    reported as such, never as `unexpected`; no key has been proven yet, so it cools nobody down."""
    if message["t"] == "bye":
        code = _text(message.get("code"), 40) or "refused"
        raise CutOff(code, f"peer refused during the handshake: {_text(message.get('message')) or 'bye'}",
                     quiet=code in {"not_ready", "cooldown"})


def _own_kind(node: Replica) -> str:
    """This replica's network kind, from its genesis (FORMAT.md: `live` while there is none)."""
    kind = node.network.get("kind")
    return kind if isinstance(kind, str) else "live"


def _text(value: Any, limit: int = 200) -> str:
    return value[:limit] if isinstance(value, str) else ""


__all__ = ["CutOff", "ProtocolError", "Session", "TOLERATED_REFUSALS"]
