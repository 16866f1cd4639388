"""Where zeroconf listens: only on addresses named explicitly, never on its catch-all choice."""

from __future__ import annotations

import asyncio

import pytest

from app.net import discovery as discovery_mod
from app.net.discovery import Discovery, DiscoveryUnavailable


class FakeZeroconf:
    """Stands in for AsyncZeroconf: records what it was asked to bind to, sends nothing."""

    bound: list = []

    def __init__(self, interfaces: object, ip_version: object) -> None:
        FakeZeroconf.bound.append(interfaces)
        self.zeroconf = self
        self.registered: list = []

    async def async_register_service(self, info: object, allow_name_change: bool = False) -> None:
        self.registered.append(info)

    async def async_unregister_service(self, info: object) -> None:
        pass

    async def async_close(self) -> None:
        pass


class FakeBrowser:
    def __init__(self, zc: object, types: object, handlers: object) -> None:
        pass

    async def async_cancel(self) -> None:
        pass


@pytest.fixture(autouse=True)
def no_real_zeroconf(monkeypatch):
    FakeZeroconf.bound = []
    monkeypatch.setattr(discovery_mod, "AsyncZeroconf", FakeZeroconf)
    monkeypatch.setattr(discovery_mod, "AsyncServiceBrowser", FakeBrowser)


def discovery(interfaces: list[str] | None) -> Discovery:
    return Discovery(port=47474, fingerprint="MK6W-PQYR-7R6M-HVCE", display_name="HQ Beira", network_id="ab" * 32,
                     network_name="Cyclone", interfaces=interfaces, on_found=lambda *a: None, on_lost=lambda n: None)


async def run(d: Discovery) -> None:
    await d.start()
    await d.stop()


def test_the_operators_choice_of_interfaces_is_what_zeroconf_binds_and_advertises():
    d = discovery(["10.77.0.1"])
    asyncio.run(run(d))
    assert FakeZeroconf.bound == [["10.77.0.1"]]
    assert d.info is not None and d.info.parsed_addresses() == ["10.77.0.1"]


def test_with_no_choice_the_machines_own_addresses_are_listed_explicitly(monkeypatch):
    monkeypatch.setattr(discovery_mod, "local_ipv4_addresses", lambda: ["192.168.8.20", "10.1.0.7"])
    asyncio.run(run(discovery(None)))
    assert FakeZeroconf.bound == [["192.168.8.20", "10.1.0.7"]]


def test_a_machine_with_no_lan_says_so_instead_of_binding_anywhere(monkeypatch):
    monkeypatch.setattr(discovery_mod, "local_ipv4_addresses", lambda: [])
    with pytest.raises(DiscoveryUnavailable, match="no network interface"):
        asyncio.run(discovery(None).start())
    assert FakeZeroconf.bound == []


def test_a_node_without_a_lan_keeps_running_for_peers_given_by_address(monkeypatch, network):
    from app.net.service import SyncService

    monkeypatch.setattr(discovery_mod, "local_ipv4_addresses", lambda: [])
    events = []

    async def scenario() -> None:
        service = SyncService(network, host="127.0.0.1", port=0, on_event=events.append)
        await service.start()
        await service.start_discovery(None)
        assert service.discovery is None
        await service.stop()

    asyncio.run(scenario())
    assert [e.kind for e in events if e.kind.startswith("discovery")] == ["discovery_off"]


def test_the_log_names_the_addresses_discovery_uses(monkeypatch, network):
    from app.net.service import SyncService

    monkeypatch.setattr(discovery_mod, "local_ipv4_addresses", lambda: ["10.77.0.1"])
    events = []

    async def scenario() -> None:
        service = SyncService(network, host="127.0.0.1", port=0, on_event=events.append)
        await service.start()
        await service.start_discovery(None)
        await service.stop()

    asyncio.run(scenario())
    assert [e.message for e in events if e.kind == "discovery"] == ["advertising and browsing on 10.77.0.1"]
