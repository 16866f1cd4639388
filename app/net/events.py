"""What the network layer tells its owner (the GUI, the headless log, tests): plain frozen records."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.display import printable


class EventKind(StrEnum):
    """What happened, one name per kind of network event.

    A StrEnum so a kind still equals, formats and logs as its plain name ("cut_off"), which is what
    the log lines, the fault-log throttle codes and the operator's event list show.
    """

    LISTENING = "listening"            # the service accepts connections
    DISCOVERY = "discovery"            # LAN discovery started
    DISCOVERY_OFF = "discovery_off"    # LAN discovery could not start; peers must be added by address
    DISCOVERED = "discovered"          # a peer advertised itself on the LAN
    LOST = "lost"                      # a discovered peer no longer advertises
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    CUT_OFF = "cut_off"                # this node ended a session over a protocol or ledger fault
    REFUSED = "refused"                # a connection was refused before a session began
    OTHER_NETWORK = "other_network"    # a peer or advert of another network (an exercise beside a live one): left
                                       # alone, told once; not a fault
    SUPPRESSED = "suppressed"          # a summary of cut-offs and refusals the fault log throttled
    SYNCED = "synced"
    PROGRESS = "progress"              # still catching up; frequent, so never logged line by line
    EQUIVOCATION = "equivocation"      # evidence that an author signed two entries at one seq
    FAULT = "fault"                    # a fault of this node, not of the peer
    JOIN_REQUEST = "join_request"      # a non-member asked to be enrolled
    JOIN_PENDING = "join_pending"      # this node asked to join and waits for an admin
    ADMISSION = "admission"            # an admin enrolled a member who had asked to join


@dataclass(frozen=True)
class NetEvent:
    """Something an operator may want to know: a peer came, went, synced, or was cut off and why."""

    kind: EventKind
    peer: str          # display name and fingerprint, or an address when nothing more is known
    message: str = ""
    ts_ms: int = field(default_factory=lambda: int(time.time() * 1000))
    code: str = ""     # a cut-off's reason code, carried beside the message so nothing parses the message for it

    def line(self) -> str:
        """One line for a log or a terminal: peer names and messages come from outside, so escaped."""
        return printable(f"{self.kind:<13} {self.peer}  {self.message}".rstrip())


@dataclass(frozen=True)
class PeerStatus:
    """One row of the Peers view."""

    key: str
    name: str
    fingerprint: str
    address: str
    state: str                 # connecting, syncing, in sync (a session); gone (had one); discovered, not connected
    direction: str             # in, out, or "" when only discovered
    last_sync_ms: int | None
    behind: int                # entries the peer holds that this replica lacks
    ahead: int                 # entries this replica holds that the peer lacks
    received: int
    sent: int
    note: str = ""
    since_ms: int | None = None   # for a peer that is gone: when its session ended


@dataclass(frozen=True)
class JoinRequest:
    """A non-member knocked and asked to be enrolled; an admin compares fingerprints, then admits it."""

    key: str
    fingerprint: str
    name: str
    org: str
    address: str
    ts_ms: int


@dataclass(frozen=True)
class Limits:
    """Per-peer limits; generous for real links, tight enough that a bad peer costs little."""

    handshake_timeout: float = 10.0
    idle_timeout: float = 45.0
    body_timeout: float = 30.0
    ping_interval: float = 15.0
    max_frame_bytes: int = 8 * 1024 * 1024
    batch_entries: int = 1000
    frame_budget: int = 1024 * 1024  # payload bytes per entries frame a sender packs (wire.FRAME_BUDGET_BYTES)
    max_sessions: int = 64
    max_join_requests: int = 100
    redial_min: float = 0.5
    redial_max: float = 30.0
    cooldown_after_cut: float = 60.0
