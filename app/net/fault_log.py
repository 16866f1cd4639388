"""Peer faults in the operator's log: every one counted, not every one a line.

A peer (or anyone who can reach the port) that sends junk by the thousand would otherwise write a line
per connection: the log an operator reads, and admits joiners from, becomes useless and the disk fills.
Per source, the first `burst` cut-offs and refusals of each `window` are shown as they come; the rest
are counted by code and told as one `suppressed` line when the window ends (or when the node stops).
A source is the peer's key when it proved one, else its IP address (each junk connection has a new port).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from app.net.events import EventKind, NetEvent

THROTTLED_KINDS = frozenset({EventKind.CUT_OFF, EventKind.REFUSED})
BURST = 5
WINDOW_S = 60.0
MAX_SOURCES = 1024
OTHERS = "other addresses"


@dataclass
class _Window:
    started: float
    shown: int = 0
    held: Counter = field(default_factory=Counter)


class FaultThrottle:
    """Decides which fault events reach the log now, and summarises the rest per source and window."""

    def __init__(self, burst: int = BURST, window: float = WINDOW_S, clock: Callable[[], float] = time.monotonic,
                 max_sources: int = MAX_SOURCES) -> None:
        self.burst = burst
        self.window = window
        self.clock = clock
        self.max_sources = max_sources
        self._windows: dict[str, _Window] = {}

    @property
    def holding(self) -> bool:
        """True while some events wait to be summarised (the owner schedules a flush)."""
        return any(w.held for w in self._windows.values())

    def offer(self, event: NetEvent) -> list[NetEvent]:
        """The events to log now for `event`: itself, nothing (counted), or a due summary and itself."""
        if event.kind not in THROTTLED_KINDS:
            return [event]
        source = source_of(event.peer)
        if source not in self._windows and len(self._windows) >= self.max_sources:
            source = OTHERS
        now = self.clock()
        out: list[NetEvent] = []
        current = self._windows.get(source)
        if current is not None and now - current.started >= self.window:
            out += self._summary(source, current)
            current = None
        if current is None:
            current = self._windows[source] = _Window(now)
        if current.shown < self.burst:
            current.shown += 1
            out.append(event)
        else:
            current.held[code_of(event)] += 1
        return out

    def flush(self, everything: bool = False) -> list[NetEvent]:
        """Summaries of the windows that have ended (all of them when the node stops)."""
        now = self.clock()
        out: list[NetEvent] = []
        for source, current in list(self._windows.items()):
            if everything or now - current.started >= self.window:
                out += self._summary(source, current)
                del self._windows[source]
        return out

    def _summary(self, source: str, window: _Window) -> list[NetEvent]:
        total = sum(window.held.values())
        if not total:
            return []
        ranked = sorted(window.held.items(), key=lambda i: (-i[1], i[0]))
        codes = ", ".join(f"{code} {count:,}" for code, count in ranked)
        seconds = max(0, round(self.clock() - window.started))
        return [NetEvent(EventKind.SUPPRESSED, source, f"{total:,} more cut-offs and refusals not logged one by one "
                                                       f"in {seconds} s ({codes})")]


def source_of(peer: str) -> str:
    """The peer as a log source: a named peer as it is, an address without its (ever-changing) port."""
    if peer.endswith("]") or ":" not in peer:
        return peer
    host, _, port = peer.rpartition(":")
    return host if port.isdigit() else peer


def code_of(event: NetEvent) -> str:
    """The reason code a cut-off carries, else the event kind (the message is never parsed for it)."""
    return event.code or event.kind
