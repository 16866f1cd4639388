"""The network on its own thread: the GUI and the headless node call in, events call out.

The loop thread owns every socket; callers use the thread-safe methods here, which hand work to
the loop and (where they need an answer) wait for it briefly.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from app.net.events import JoinRequest, PeerStatus
from app.net.service import SyncService


class NetworkRunner:
    """Start a SyncService (and discovery) on a private event loop thread."""

    def __init__(self, make_service: Callable[[], SyncService], *, discovery: bool = True,
                 interfaces: list[str] | None = None, peers: Sequence[tuple[str, int, str | None]] = ()) -> None:
        self._make_service = make_service
        self._discovery = discovery
        self._interfaces = interfaces
        self._peers = list(peers)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="relief-ledger-net", daemon=True)
        self.service: SyncService | None = None
        self.port = 0
        self._control: asyncio.AbstractServer | None = None

    def start(self, timeout: float = 15.0) -> int:
        """Listen, advertise and dial; return the port. Raises what went wrong (e.g. no such interface)."""
        self._thread.start()
        self.port = self._submit(self._start()).result(timeout)
        return self.port

    async def _start(self) -> int:
        self.service = self._make_service()
        port = await self.service.start()
        if self._discovery:
            await self.service.start_discovery(self._interfaces)
        for host, peer_port, fingerprint in self._peers:
            self.service.add_target(host, peer_port, fingerprint)
        return port

    def serve_control(self, path: Path, append: Callable[[list[tuple[str, dict]]], list[str]]) -> None:
        """Accept local record requests on a Unix socket (see control.py) until stop()."""
        from app.net import control

        async def start() -> None:
            self._control = await control.serve(path, append)
        self._submit(start()).result(10)

    def stop(self, timeout: float = 10.0) -> None:
        if self._control is not None:
            server, self._control = self._control, None
            self._loop.call_soon_threadsafe(server.close)
        if self._thread.is_alive():
            if self.service is not None:
                try:
                    self._submit(self.service.stop()).result(timeout)
                except Exception:  # noqa: BLE001 - shutting down regardless
                    pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
        if not self._loop.is_running():
            self._loop.close()

    def _submit(self, coroutine: Coroutine[Any, Any, Any]) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def call(self, fn: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Run `fn` on the loop thread and return its result."""
        async def run() -> Any:
            return fn()
        return self._submit(run()).result(timeout)

    def submit(self, fn: Callable[[SyncService], Any]) -> None:
        """Run `fn(service)` on the loop thread soon, without waiting (the GUI's way in)."""
        service = self.service
        if service is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(fn, service)

    def add_peer(self, host: str, port: int, fingerprint: str | None = None) -> None:
        assert self.service is not None
        service = self.service
        self.call(lambda: service.add_target(host, port, fingerprint))

    def peer_statuses(self) -> list[PeerStatus]:
        service = self.service
        return self.call(service.peer_statuses) if service is not None else []

    def join_requests(self) -> list[JoinRequest]:
        service = self.service
        return self.call(lambda: list(service.join_requests.values())) if service is not None else []

    def forget_join_request(self, key: str) -> None:
        service = self.service
        if service is not None:
            self.call(lambda: service.join_requests.pop(key, None))
