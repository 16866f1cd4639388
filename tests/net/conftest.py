"""Replicas on loopback: each with its own network thread, dialling each other by address."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.net.events import Limits, NetEvent
from app.net.runner import NetworkRunner
from app.net.service import JoinProfile, SyncService
from app.node import Node

WAIT_S = 20.0


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
    """Poll until `predicate` holds; a bounded wait, not a performance claim."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.02)


@dataclass
class Site:
    """One command center or vehicle: a replica and its network thread."""

    name: str
    node: Node
    runner: NetworkRunner | None = None
    events: list[NetEvent] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, event: NetEvent) -> None:
        with self._lock:
            self.events.append(event)

    def kinds(self, kind: str) -> list[NetEvent]:
        with self._lock:
            return [e for e in self.events if e.kind == kind]

    @property
    def port(self) -> int:
        assert self.runner is not None
        return self.runner.port

    def go_online(self, peers: list[Site] = (), limits: Limits | None = None,
                  join: JoinProfile | None = None) -> Site:
        node = self.node
        self.runner = NetworkRunner(
            lambda: SyncService(node, display_name=self.name, host="127.0.0.1", port=0, on_event=self.record,
                                limits=limits or Limits(redial_max=1.0), join=join),
            discovery=False, peers=[("127.0.0.1", p.port, None) for p in peers])
        self.runner.start()
        return self

    def dial(self, other: Site) -> None:
        assert self.runner is not None
        self.runner.add_peer("127.0.0.1", other.port)

    def go_offline(self) -> None:
        if self.runner is not None:
            self.runner.stop()
            self.runner = None

    def digest(self) -> str:
        return self.node.read(lambda state: state.digest())

    def holds(self, entry_hash: str) -> bool:
        return self.node.entry(entry_hash) is not None


class Sites:
    def __init__(self, tmp_path: Path, founder: Node) -> None:
        self.tmp_path = tmp_path
        self.founder = founder
        self.all: list[Site] = []

    def hq(self) -> Site:
        site = Site("HQ", self.founder)
        self.all.append(site)
        return site

    def replica(self, name: str, identity: Identity) -> Site:
        """A member's new replica that knows only the genesis (as after `join`)."""
        node = Node.create_joining(self.tmp_path / name, identity, display_name=name)
        genesis = next(iter(self.founder.entries_in_order()))
        node.receive([genesis])
        site = Site(name, node)
        self.all.append(site)
        return site

    def stop(self) -> None:
        for site in self.all:
            site.go_offline()
        for site in self.all:
            if site.node is not self.founder:
                site.node.close()


@pytest.fixture
def sites(tmp_path: Path, network: Node) -> Iterator[Sites]:
    mesh = Sites(tmp_path, network)
    yield mesh
    mesh.stop()


def converged(*sites: Site) -> bool:
    counts = {s.node.entry_count() for s in sites}
    return len(counts) == 1 and len({s.digest() for s in sites}) == 1
