"""The replica's presence on the network: listen, discover, dial, keep one session per peer.

Everything here runs on one asyncio loop (see runner.py for the thread that owns it). The node is
called only through worker threads (`asyncio.to_thread`), so a fold or a signature check never
stalls the loop, and node listeners hop onto the loop with `call_soon_threadsafe`.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.display import printable
from app.core.entry import Entry
from app.core.identity import Identity, fingerprint_hex
from app.net import tls
from app.net.events import EventKind, JoinRequest, Limits, NetEvent, PeerStatus
from app.net.fault_log import FaultThrottle, source_of
from app.net.frames import LocalFrameError, ProtocolError, encode_frame
from app.net.handshake import APART_CODES, EXERCISE_VS_LIVE, with_article
from app.net.replica import Replica
from app.net.session import CutOff, Session
from app.net.verifier import BatchVerifier
from app.net.wire import behind

if TYPE_CHECKING:  # imported when discovery starts: zeroconf is optional
    from app.net.discovery import Discovery

log = logging.getLogger(__name__)

DEFAULT_PORT = 47474
STATUS_INTERVAL_S = 0.25
DEPARTED_KEPT = 256   # peers remembered as gone (last sync, figures); the oldest is forgotten first
APART_TOLD_KEPT = 1024   # peers and adverts of other networks already told about once; the oldest is forgotten first
# Session endings that are nobody's fault: no cut-off is logged and nobody is cooled down.
BENIGN_ENDINGS = frozenset({"peer_left", "closed", "connection", "stopping"})
# A fault of this node (it built a frame over the limit, or hit an unexpected error): logged as a fault of
# its own, the peer is told `bye` / `local_fault`, and the peer is neither cut off nor cooled down.
LOCAL_FAULT = "local_fault"
# Cut-offs that refuse a key for Limits.cooldown_after_cut: faults only the peer itself can commit, and only
# after it proved its key in this session (docs/PROTOCOL.md §7). Not `bad_proof`, `version` or `unexpected`:
# they happen before any key is proven, and cooling down a key someone merely claimed would let anyone lock a
# member out. Membership and identity mismatches are not faults to wait out; they are refused again at every
# handshake anyway.
COOLDOWN_CODES = frozenset({"malformed_frame", "frame_too_large", "too_many_entries", "unknown_message",
                            "invalid_entry", "timeout", "stalled"})


@dataclass
class Target:
    """Somewhere to dial: found by zeroconf or typed in by an operator."""

    host: str
    port: int
    fingerprint: str | None = None
    source: str = "manual"
    name: str = ""
    instance: str = ""
    task: asyncio.Task | None = None
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    last_error: str = ""

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class JoinProfile:
    name: str
    org: str
    network_prefix: str | None = None
    kind: str | None = None   # join only a network of this kind (`live` or `exercise`); None: any


class SyncService:
    """Serve and dial peers of one network for one node (which must be able to sign)."""

    def __init__(self, node: Replica, *, display_name: str = "", host: str = "0.0.0.0", port: int = DEFAULT_PORT,
                 limits: Limits | None = None, on_event: Callable[[NetEvent], None] | None = None,
                 join: JoinProfile | None = None) -> None:
        if node.identity is None:
            raise ValueError("the network needs the node's key: open the replica with its passphrase")
        self.node = node
        self.identity: Identity = node.identity  # signs this service's handshakes, matching own_key
        self.own_key = node.identity.public_key_hex
        own_row = node.read(lambda state: state.tables["members"].get(self.own_key)) if node.has_network else None
        self.display_name = display_name or (own_row["name"] if own_row else fingerprint_hex(self.own_key))
        self.host = host
        self.port = port
        self.limits = limits or Limits()
        self.on_event = on_event
        self.join_profile = {"name": join.name, "org": join.org} if join else None
        self.join_network_prefix = join.network_prefix if join else None
        self.join_kind: str | None = join.kind if join else None
        self.expected_network: str | None = node.network_id if node.has_network else None
        self.certificate = tls.make_certificate()
        self.sessions: dict[str, Session] = {}
        self.targets: dict[str, Target] = {}
        self.join_requests: dict[str, JoinRequest] = {}
        self.departed: dict[str, PeerStatus] = {}   # peers whose session ended: last sync and figures, newest last
        self.pending_with: dict[str, str] = {}
        self.cooldown: dict[str, float] = {}
        self._handshaking = 0
        self._server: asyncio.AbstractServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._status_listeners: list[Callable[[list[PeerStatus], list[JoinRequest]], None]] = []
        self._status_scheduled = False
        self._stopping = False
        self._session_tasks: set[asyncio.Task] = set()
        self.discovery: Discovery | None = None
        self.verifier = BatchVerifier()
        self._fault_throttle = FaultThrottle()
        self._fault_flush_scheduled = False
        self._apart_told: dict[str, str] = {}   # source -> the code it was told apart with (logged once each)

    # -- lifecycle -----------------------------------------------------------------------------------
    async def start(self) -> int:
        self._loop = asyncio.get_running_loop()
        context = tls.server_context(self.certificate)
        try:
            self._server = await asyncio.start_server(self._accept, self.host, self.port, ssl=context,
                                                      ssl_handshake_timeout=self.limits.handshake_timeout)
        except OSError:
            if self.port == 0:
                raise
            self._server = await asyncio.start_server(self._accept, self.host, 0, ssl=context,
                                                      ssl_handshake_timeout=self.limits.handshake_timeout)
        self.port = self._server.sockets[0].getsockname()[1]
        self.node.add_listener(self._on_stored)
        self.node.add_evidence_listener(self._on_evidence)
        self.emit(NetEvent(EventKind.LISTENING, self.display_name, f"on {self.host}:{self.port} (TLS 1.3)"))
        return self.port

    async def stop(self) -> None:
        """Say goodbye to every peer and stop; entries already received are committed, nothing is lost."""
        self._stopping = True
        self.node.remove_listener(self._on_stored)
        self.node.remove_evidence_listener(self._on_evidence)
        if self.discovery is not None:
            await self.discovery.stop()
        for target in self.targets.values():
            if target.task:
                target.task.cancel()
        if self._server is not None:
            self._server.close()
        for session in list(self.sessions.values()):
            await self._close(session, "stopping", "node is shutting down", quiet=True)
        for task in list(self._session_tasks):
            task.cancel()
        await asyncio.gather(*self._session_tasks, *(t.task for t in self.targets.values() if t.task),
                             return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
        self._flush_faults(everything=True)   # what was counted but not yet told is told now
        self.verifier.close()

    async def start_discovery(self, interfaces: list[str] | None = None) -> None:
        """Advertise on `interfaces` (IPv4 addresses; the machine's own when None) and dial what is found."""
        from app.net.discovery import Discovery, DiscoveryUnavailable

        network = self.node.network_id if self.node.has_network else None
        self.discovery = Discovery(port=self.port, fingerprint=fingerprint_hex(self.own_key),
                                   display_name=self.display_name, network_id=network,
                                   network_name=self.node.network.get("name", "") if network else "",
                                   network_kind=self.own_kind if network else "",
                                   interfaces=interfaces, on_found=self._found, on_lost=self._lost)
        try:
            await self.discovery.start()
        except DiscoveryUnavailable as exc:
            self.discovery = None
            self.emit(NetEvent(EventKind.DISCOVERY_OFF, self.display_name, str(exc)))
            return
        self.emit(NetEvent(EventKind.DISCOVERY, self.display_name,
                           "advertising and browsing on " + ", ".join(self.discovery.addresses)))

    @property
    def own_kind(self) -> str:
        """The kind of the network this node serves (`live` while it has none, as FORMAT.md folds it)."""
        kind = self.node.network.get("kind") if self.node.has_network else None
        return kind if isinstance(kind, str) else "live"

    def _found(self, host: str, port: int, props: dict[str, str]) -> None:
        """Dial an advert of this node's own network (of the network and kind a joiner asked for); tell the operator
        once about each advert of another network, which is never dialled (docs/PROTOCOL.md §2)."""
        advertised, kind = props.get("net", ""), props.get("kind", "")
        if self.expected_network is not None:
            wanted_kind: str | None = self.own_kind
            if not advertised or not self.expected_network.startswith(advertised):
                self._not_dialled(host, port, props, wanted_kind)
                return
        elif self.join_profile is None or not advertised or (
                self.join_network_prefix and not advertised.startswith(self.join_network_prefix[:len(advertised)])):
            return
        else:
            wanted_kind = self.join_kind
        if wanted_kind is not None and kind and kind != wanted_kind:
            self._not_dialled(host, port, props, wanted_kind)
            return
        known = f"{host}:{port}" in self.targets
        target = self.add_target(host, port, props.get("fp") or None, source="zeroconf", name=props.get("name", ""))
        target.instance = props.get("instance", "")
        if not known:
            self.emit(NetEvent(EventKind.DISCOVERED, f"{target.name} [{target.fingerprint}]", f"at {target.address}"))

    def _not_dialled(self, host: str, port: int, props: dict[str, str], wanted_kind: str | None) -> None:
        """An advert of another network: not dialled, said once per advert (an exercise beside a live network is
        normal on a training day, not a fault)."""
        kind, name = props.get("kind", ""), props.get("name", "") or "a node"
        apart = wanted_kind is not None and kind in ("live", "exercise") and kind != wanted_kind
        code = EXERCISE_VS_LIVE if apart else "wrong_network"
        network = f"{with_article(kind)} ({props.get('nn', '')!r})" if apart else \
            f"another network ({props.get('nn', '')!r}, {props.get('net', '')[:12]}…)"
        why = (f"{code}: on {network}; this node serves {with_article(wanted_kind or 'live')}: not dialled, "
               "an exercise network and a live network never exchange entries") if apart else \
            f"{code}: on {network}: not dialled"
        self._tell_apart(props.get("instance", f"{host}:{port}"), f"{name} [{props.get('fp', '?')}] at {host}:{port}",
                         code, why)

    def _tell_apart(self, source: str, peer: str, code: str, message: str) -> bool:
        """Log that a peer or advert belongs to another network, once per source and code; True when told."""
        if self._apart_told.get(source) == code:
            return False
        self._apart_told.pop(source, None)
        self._apart_told[source] = code
        while len(self._apart_told) > APART_TOLD_KEPT:
            self._apart_told.pop(next(iter(self._apart_told)))
        self.emit(NetEvent(EventKind.OTHER_NETWORK, peer, message, code=code))
        return True

    def _lost(self, instance: str) -> None:
        for target in list(self.targets.values()):
            if target.source == "zeroconf" and target.instance == instance:
                self.emit(NetEvent(EventKind.LOST, f"{target.name} [{target.fingerprint}]", "no longer advertised"))
                if not self._connected_to(target.fingerprint):
                    self.drop_target(target.host, target.port)

    # -- events and status ----------------------------------------------------------------------------
    def emit(self, event: NetEvent) -> None:
        """Log and pass on `event`; a flood of cut-offs from one source becomes a few lines and a count."""
        for shown in self._fault_throttle.offer(event):
            self._emit_now(shown)
        if self._fault_throttle.holding and not self._fault_flush_scheduled and self._loop is not None:
            self._fault_flush_scheduled = True
            self._loop.call_later(self._fault_throttle.window, self._flush_faults)

    def _flush_faults(self, everything: bool = False) -> None:
        self._fault_flush_scheduled = False
        for summary in self._fault_throttle.flush(everything):
            self._emit_now(summary)
        if self._fault_throttle.holding and not everything and self._loop is not None:
            self._fault_flush_scheduled = True
            self._loop.call_later(self._fault_throttle.window, self._flush_faults)

    def _emit_now(self, event: NetEvent) -> None:
        warned = {EventKind.CUT_OFF, EventKind.REFUSED, EventKind.SUPPRESSED}
        level = logging.WARNING if event.kind in warned else logging.INFO
        level = logging.ERROR if event.kind == EventKind.FAULT else level
        if event.kind != EventKind.PROGRESS:
            log.log(level, "%s", event.line())
        if self.on_event is not None:
            self.on_event(event)

    def add_status_listener(self, listener: Callable[[list[PeerStatus], list[JoinRequest]], None]) -> None:
        """`listener(peer rows, join requests)`, called on the loop thread at most every STATUS_INTERVAL_S."""
        self._status_listeners.append(listener)
        self.status_changed()

    def status_changed(self) -> None:
        if self._status_listeners and not self._status_scheduled and self._loop is not None:
            self._status_scheduled = True
            self._loop.call_later(STATUS_INTERVAL_S, self._publish_status)

    def _publish_status(self) -> None:
        self._status_scheduled = False
        rows, requests = self.peer_statuses(), list(self.join_requests.values())
        for listener in list(self._status_listeners):
            listener(rows, requests)

    def _remember_departed(self, session: Session, message: str) -> None:
        """A peer that leaves stays in the view as gone, with when it last was in sync (not as never seen)."""
        self.departed.pop(session.peer_key, None)
        self.departed[session.peer_key] = PeerStatus(
            session.peer_key, session.peer_name, fingerprint_hex(session.peer_key), session.address, "gone", "",
            session.last_sync_ms, 0, 0, session.received, session.sent, message, int(time.time() * 1000))
        while len(self.departed) > DEPARTED_KEPT:
            self.departed.pop(next(iter(self.departed)))

    def peer_statuses(self) -> list[PeerStatus]:
        """The Peers view's rows: every session, peers that were connected and are gone (with their last sync),
        and discovered or manual peers never connected."""
        mine = self.node.frontier()
        rows = []
        for key, s in self.sessions.items():
            rows.append(PeerStatus(key, s.peer_name, fingerprint_hex(key), s.address, s.state,
                                   "out" if s.outbound else "in", s.last_sync_ms, behind(mine, s.peer_heads),
                                   behind(s.peer_heads, mine), s.received, s.sent))
        rows.extend(row for key, row in self.departed.items() if key not in self.sessions)
        connected = {fingerprint_hex(k) for k in self.sessions} | {row.fingerprint for row in self.departed.values()}
        for target in self.targets.values():
            if target.fingerprint and target.fingerprint in connected:
                continue
            rows.append(PeerStatus("", target.name, target.fingerprint or "", target.address,
                                   "discovered" if target.source == "zeroconf" else "not connected", "", None,
                                   0, 0, 0, 0, target.last_error))
        return rows

    def in_cooldown(self, key: str) -> bool:
        until = self.cooldown.get(key)
        return until is not None and until > time.monotonic()

    def note_join_request(self, key: str, name: str, org: str, address: str) -> None:
        if key not in self.join_requests and len(self.join_requests) >= self.limits.max_join_requests:
            return
        fresh = key not in self.join_requests
        self.join_requests[key] = JoinRequest(key, fingerprint_hex(key), name, org, address, int(time.time() * 1000))
        if fresh:
            self.emit(NetEvent(EventKind.JOIN_REQUEST, f"{name} [{fingerprint_hex(key)}]",
                               f"from {address} ({org or 'no organisation given'}): compare the fingerprint, "
                               f"then admit it (Peers view, or `relief-ledger add-member --public-key {key} "
                               "--name … --org … --roles …`)"))
        self.status_changed()

    def note_pending(self, peer: str, network: str) -> None:
        if self.pending_with.get(peer) != network:
            self.pending_with[peer] = network
            self.emit(NetEvent(EventKind.JOIN_PENDING, peer, f"asked to join {network!r}; waiting for an admin there"))
        self.status_changed()

    def accepts_network(self, network_id: str) -> bool:
        if self.expected_network is not None:
            return network_id == self.expected_network
        return self.join_network_prefix is None or network_id.startswith(self.join_network_prefix)

    # -- peers ----------------------------------------------------------------------------------------
    def add_target(self, host: str, port: int, fingerprint: str | None = None, *, source: str = "manual",
                   name: str = "") -> Target:
        """Dial `host:port` now and whenever the link drops (manual peers, or what discovery found)."""
        key = f"{host}:{port}"
        target = self.targets.get(key)
        if target is None:
            target = Target(host, port, fingerprint, source, name)
            self.targets[key] = target
            target.task = asyncio.create_task(self._dial_loop(target))
        else:
            target.fingerprint = fingerprint or target.fingerprint
            target.name = name or target.name
            target.wake.set()  # seen again (e.g. after a link came back): dial now, not after the backoff
        self.status_changed()
        return target

    def drop_target(self, host: str, port: int) -> None:
        target = self.targets.pop(f"{host}:{port}", None)
        if target is not None and target.task is not None:
            target.task.cancel()
        self.status_changed()

    def _connected_to(self, fingerprint: str | None) -> bool:
        return fingerprint is not None and any(fingerprint_hex(k) == fingerprint for k in self.sessions)

    async def _dial_loop(self, target: Target) -> None:
        delay = self.limits.redial_min
        while not self._stopping:
            if target.fingerprint == fingerprint_hex(self.own_key):
                return
            if self._connected_to(target.fingerprint):
                await asyncio.sleep(1.0)
                continue
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(target.host, target.port, ssl=tls.client_context()),
                    self.limits.handshake_timeout)
            except (TimeoutError, OSError, ssl.SSLError) as exc:
                target.last_error = f"cannot connect: {exc or type(exc).__name__}"
            else:
                session = Session(self, reader, writer, outbound=True, address=target.address,
                                  expected_fingerprint=target.fingerprint, target=target)
                outcome = await self._serve(session, outbound=True)
                target.last_error = "" if outcome in {"", "duplicate"} else outcome
                if outcome == "":
                    delay = self.limits.redial_min
                elif outcome in APART_CODES:   # another network will not turn into ours: no quick retries
                    delay = self.limits.redial_max
            target.wake.clear()
            try:
                await asyncio.wait_for(target.wake.wait(), delay)
                delay = self.limits.redial_min
            except TimeoutError:
                delay = min(self.limits.redial_max, delay * 2)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        address = f"{peer[0]}:{peer[1]}" if peer else "?"
        if self._stopping or len(self.sessions) + self._handshaking >= self.limits.max_sessions:
            writer.close()
            return
        task = asyncio.current_task()
        if task is not None:
            self._session_tasks.add(task)
        try:
            await self._serve(Session(self, reader, writer, outbound=False, address=address), outbound=False)
        except asyncio.CancelledError:
            pass  # shutting down; asyncio's stream callback would log a cancelled handler as an error
        finally:
            if task is not None:
                self._session_tasks.discard(task)

    async def _serve(self, session: Session, *, outbound: bool) -> str:
        """Handshake and run one session; return "" when it ended normally, else the reason."""
        self._handshaking += 1
        try:
            try:
                ready = await (session.handshake_as_client() if outbound else session.handshake_as_server())
            finally:
                self._handshaking -= 1
            if not ready:
                return "refused"
            if not self._register(session):
                await self._close(session, "duplicate", "already connected to this peer", quiet=True)
                return "duplicate"
            self.emit(NetEvent(EventKind.CONNECTED, session.label, f"{'to' if outbound else 'from'} {session.address}"))
            await session.run()
            return ""
        except CutOff as cut:
            if cut.apart:
                return await self._apart(session, cut.code, str(cut))
            return await self._end(session, cut.code, str(cut), quiet=cut.quiet)
        except ProtocolError as exc:
            return await self._end(session, exc.code, str(exc), quiet=exc.code in {"closed"})
        except LocalFrameError as exc:
            return await self._fault(session, str(exc))
        except (ConnectionError, ssl.SSLError, OSError) as exc:
            return await self._end(session, "connection", f"link lost: {exc or type(exc).__name__}", quiet=True)
        except asyncio.CancelledError:
            await self._end(session, "stopping", "stopped", quiet=True)
            raise
        except Exception as exc:  # a bug of this node: never blamed on the peer, never ends the dial loop
            log.exception("%s: session failed on this node's side", printable(session.label))
            return await self._fault(session, f"unexpected error on this node: {type(exc).__name__}: {exc}")

    def _register(self, session: Session) -> bool:
        existing = self.sessions.get(session.peer_key)
        if existing is not None and existing is not session and not existing.closed.is_set():
            if session.dialer_key >= existing.dialer_key:
                return False
            asyncio.create_task(self._close(existing, "duplicate", "replaced by a simultaneous connection",
                                            quiet=True))
        self.sessions[session.peer_key] = session
        self.departed.pop(session.peer_key, None)
        self.status_changed()
        return True

    async def _end(self, session: Session, code: str, message: str, *, quiet: bool) -> str:
        await self._close(session, code, message, quiet=quiet)
        return code if code not in BENIGN_ENDINGS else ""

    async def _apart(self, session: Session, code: str, message: str) -> str:
        """End a handshake between nodes of different networks: said once per peer as what it is (not a cut-off,
        not a fault), nobody cooled down, the peer told with `bye` and the same code."""
        source = source_of(session.label) if session.peer_key else session.address
        self._tell_apart(source, session.label, code, f"{code}: {message} ({session.address}; nothing exchanged)")
        await self._close(session, code, message, quiet=True)
        return code

    async def _fault(self, session: Session, message: str) -> str:
        """End a session this node broke itself: say so in its own log, tell the peer politely, blame nobody."""
        self.emit(NetEvent(EventKind.FAULT, session.label, f"{LOCAL_FAULT}: {message} (a fault of this node; the peer "
                                                           "is not cut off)"))
        await self._close(session, LOCAL_FAULT, "the other side hit a fault of its own", quiet=True)
        return LOCAL_FAULT

    async def _close(self, session: Session, code: str, message: str, *, quiet: bool) -> None:
        if session.closed.is_set():
            return
        session.closed.set()
        session.close_reason = message
        session.state = "disconnected"
        if self.sessions.get(session.peer_key) is session:
            del self.sessions[session.peer_key]
            self._remember_departed(session, message)
            if not quiet or code in BENIGN_ENDINGS or code == LOCAL_FAULT:
                self.emit(NetEvent(EventKind.DISCONNECTED, session.label, message))
        if not quiet:
            self.emit(NetEvent(EventKind.CUT_OFF, session.label, f"{code}: {message}", code=code))
            if session.peer_key and code in COOLDOWN_CODES:
                self.cooldown[session.peer_key] = time.monotonic() + self.limits.cooldown_after_cut
        try:
            if not session.writer.is_closing():
                session.writer.write(_bye(code, message))
                await asyncio.wait_for(session.writer.drain(), 1.0)
        except (TimeoutError, ConnectionError, OSError, RuntimeError, ssl.SSLError):
            pass
        session.writer.close()
        try:
            await asyncio.wait_for(session.writer.wait_closed(), 1.0)
        except (TimeoutError, ConnectionError, OSError, ssl.SSLError):
            pass
        self.status_changed()

    def spread_evidence(self) -> None:
        """New equivocation evidence: every session sends what its peer may not hold yet."""
        for session in list(self.sessions.values()):
            session.evidence_due = True
            session.wake.set()

    # -- node changes ----------------------------------------------------------------------------------
    def _on_stored(self, entries: list[Entry]) -> None:
        """Called on whichever thread stored entries; hop to the loop and push them to every peer."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._push)

    def _on_evidence(self, entries: list[Entry]) -> None:
        """New equivocation evidence stored by any path (a peer, a bundle, the GUI): every peer hears of it now."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.spread_evidence)

    def _push(self) -> None:
        for session in list(self.sessions.values()):
            if session.closed.is_set():
                continue
            if session.member_check_at is not None:
                if behind(self.node.frontier(), session.member_check_at) > 0:
                    continue  # still catching up: the ledger that says who is a member has not all arrived
                session.member_check_at = None
                if not self.node.is_current_member(session.peer_key):
                    asyncio.create_task(self._close(session, "not_member", "the peer that welcomed this node is "
                                                    "not a current member of the network it served", quiet=False))
                    continue
            elif not self.node.is_current_member(session.peer_key):
                asyncio.create_task(self._close(session, "revoked", "the peer's key is no longer a current member",
                                                quiet=False))
                continue
            session.wake.set()
        if self.node.has_network and (self.expected_network is None or self.join_profile is not None):
            self.expected_network = self.node.network_id
            self.join_profile = None
            if self.discovery is not None:
                asyncio.create_task(self.discovery.update_network(self.node.network_id,
                                                                  self.node.network.get("name", ""), self.own_kind))


def _bye(code: str, message: str) -> bytes:
    return encode_frame({"t": "bye", "code": code, "message": message[:500]})


__all__ = ["DEFAULT_PORT", "JoinProfile", "SyncService", "Target"]
