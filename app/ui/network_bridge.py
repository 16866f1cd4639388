"""The network seen from the GUI: a NetworkRunner on its own thread, its news as Qt signals.

Starting (which binds sockets and may take a moment) runs as a background job; the asyncio loop
itself is the runner's own long-lived thread (docs/ARCHITECTURE.md says why). Events and
Peers-view snapshots arrive from the network thread and Qt queues them to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, Signal

from app.net.events import Limits
from app.net.runner import NetworkRunner
from app.net.service import DEFAULT_PORT, JoinProfile, SyncService
from app.node import Node
from app.ui.background import run_in_background


@dataclass(frozen=True)
class NetworkSettings:
    """What the operator chose (Settings > Network); defaults suit a command-center LAN."""

    discovery: bool = True
    interfaces: tuple[str, ...] = ()          # IPv4 addresses; empty = each of the machine's own
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    peers: tuple[tuple[str, int, str | None], ...] = field(default_factory=tuple)

    @classmethod
    def load(cls) -> NetworkSettings:
        settings = QSettings()
        interfaces = tuple(a for a in str(settings.value("network/interfaces", "")).split(",") if a.strip())
        peers = []
        for text in str(settings.value("network/peers", "")).split(","):
            address, _, fingerprint = text.strip().partition("@")
            host, _, port = address.rpartition(":")
            if host and port.isdigit():
                peers.append((host, int(port), fingerprint or None))
        return cls(discovery=str(settings.value("network/discovery", "true")) == "true", interfaces=interfaces,
                   port=int(str(settings.value("network/port", DEFAULT_PORT))), peers=tuple(peers))


class NetworkBridge(QObject):
    net_event = Signal(object)        # NetEvent (not `event`: that would shadow QObject.event, the event handler)
    peers_changed = Signal(object, object)   # list[PeerStatus], list[JoinRequest]
    started = Signal(int)             # port
    failed = Signal(str)

    def __init__(self, node: Node, settings: NetworkSettings, join: JoinProfile | None = None,
                 limits: Limits | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.node = node
        self.settings = settings

        def make() -> SyncService:
            service = SyncService(node, host=settings.host, port=settings.port, on_event=self.net_event.emit,
                                  join=join, limits=limits)
            service.add_status_listener(self.peers_changed.emit)
            return service
        self.runner = NetworkRunner(make, discovery=settings.discovery, interfaces=list(settings.interfaces) or None,
                                    peers=list(settings.peers))
        self.port = 0
        self._stopped = False

    def start(self) -> None:
        """Bind and advertise in the background; `started` or `failed` says how it went."""
        def bound(port: int) -> None:
            self.port = port
            self.started.emit(port)

        run_in_background(self, "", lambda _op: self.runner.start(), bound,
                          lambda exc: self.failed.emit(f"The network could not start: {exc}"), progress=False)

    def add_peer(self, host: str, port: int, fingerprint: str | None) -> None:
        self.runner.submit(lambda service: service.add_target(host, port, fingerprint))

    def forget_join_request(self, key: str) -> None:
        def forget(service: SyncService) -> None:
            service.join_requests.pop(key, None)
            service.status_changed()
        self.runner.submit(forget)

    def stop(self) -> None:
        if not self._stopped:
            self._stopped = True
            self.runner.stop()



def save_settings(settings: NetworkSettings) -> None:
    store = QSettings()
    store.setValue("network/discovery", "true" if settings.discovery else "false")
    store.setValue("network/interfaces", ",".join(settings.interfaces))
    store.setValue("network/port", settings.port)
    store.setValue("network/peers", ",".join(f"{h}:{p}" + (f"@{f}" if f else "") for h, p, f in settings.peers))
