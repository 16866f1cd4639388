"""Finding peers on the LAN with multicast DNS (python-zeroconf, asyncio API).

Each node advertises `_relief-ledger._tcp.local.` with TXT records naming the protocol version,
the first 16 hex digits of its network id, the network's kind (live or exercise), its key
fingerprint and display name; it dials only adverts of its own network and kind. Zeroconf binds to
the addresses the operator chose or, when none were chosen, to the machine's own IPv4 addresses
listed explicitly (never zeroconf's catch-all choice).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
from collections.abc import Callable, Coroutine
from typing import Any

import ifaddr
from zeroconf import IPVersion, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from app.errors import ReliefLedgerError
from app.net.handshake import PROTOCOL_VERSION

log = logging.getLogger(__name__)

SERVICE_TYPE = "_relief-ledger._tcp.local."
NET_PREFIX_CHARS = 16
# Browsers back off to hourly queries; a vehicle that drives onto another LAN must not wait that long.
REBROWSE_S = 10.0


def local_ipv4_addresses(include_loopback: bool = False) -> list[str]:
    """The machine's IPv4 addresses (inside a network namespace: that namespace's)."""
    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str):
                address = ipaddress.ip_address(ip.ip)
                if address.is_loopback and not include_loopback:
                    continue
                if not address.is_link_local:
                    found.append(ip.ip)
    return sorted(set(found))


def instance_name(display_name: str, fingerprint: str) -> str:
    """A DNS-SD instance label: readable, unique by fingerprint, within the 63-byte limit."""
    readable = re.sub(r"[^A-Za-z0-9 _-]+", "", display_name).strip()[:30] or "node"
    return f"{readable} {fingerprint[:9]}.{SERVICE_TYPE}"


class DiscoveryUnavailable(ReliefLedgerError):
    """There is nothing to advertise or browse on (no interface with an IPv4 address)."""

    code = "discovery_unavailable"


class Discovery:
    """Advertise this node and report adverts of peers through `on_found(host, port, props)` / `on_lost`."""

    def __init__(self, *, port: int, fingerprint: str, display_name: str, network_id: str | None,
                 network_name: str, interfaces: list[str] | None, network_kind: str = "",
                 on_found: Callable[[str, int, dict[str, str]], None], on_lost: Callable[[str], None]) -> None:
        self.port = port
        self.fingerprint = fingerprint
        self.display_name = display_name
        self.network_id = network_id
        self.network_name = network_name
        self.network_kind = network_kind
        self.interfaces = interfaces
        self.on_found = on_found
        self.on_lost = on_lost
        self.zeroconf: AsyncZeroconf | None = None
        self.browser: AsyncServiceBrowser | None = None
        self.info: AsyncServiceInfo | None = None
        self._tasks: set[asyncio.Task] = set()
        self.addresses: list[str] = []

    def properties(self) -> dict[str, str]:
        return {"pv": str(PROTOCOL_VERSION), "net": (self.network_id or "")[:NET_PREFIX_CHARS],
                "fp": self.fingerprint, "name": self.display_name[:60], "nn": self.network_name[:60],
                "kind": self.network_kind}

    async def start(self) -> None:
        """Bind to an explicit address list: the operator's choice, else the machine's own IPv4 addresses
        (inside a network namespace, that namespace's). Never zeroconf's catch-all interface choice."""
        self.addresses = list(self.interfaces or local_ipv4_addresses())
        if not self.addresses:
            raise DiscoveryUnavailable("no network interface with an IPv4 address is up, so there is no LAN to "
                                       "search; peers given by address are still dialled")
        self.zeroconf = AsyncZeroconf(interfaces=self.addresses, ip_version=IPVersion.V4Only)
        if self.network_id is not None:
            await self._register()
        self.browser = AsyncServiceBrowser(self.zeroconf.zeroconf, [SERVICE_TYPE], handlers=[self._changed])
        self._spawn(self._rebrowse())

    async def _register(self) -> None:
        assert self.zeroconf is not None
        self.info = AsyncServiceInfo(
            SERVICE_TYPE, instance_name(self.display_name, self.fingerprint),
            addresses=[socket.inet_aton(a) for a in self.addresses], port=self.port,
            properties=self.properties(), server=f"rl-{self.fingerprint.replace('-', '').lower()}.local.")
        await self.zeroconf.async_register_service(self.info, allow_name_change=True)

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _rebrowse(self) -> None:
        """Start browsing afresh every REBROWSE_S: the first queries of a browser come quickly."""
        assert self.zeroconf is not None
        while True:
            await asyncio.sleep(REBROWSE_S)
            old, self.browser = self.browser, AsyncServiceBrowser(self.zeroconf.zeroconf, [SERVICE_TYPE],
                                                                  handlers=[self._changed])
            if old is not None:
                await old.async_cancel()

    async def update_network(self, network_id: str, network_name: str, network_kind: str) -> None:
        """A joining node learned its network: start advertising it."""
        self.network_id, self.network_name, self.network_kind = network_id, network_name, network_kind
        if self.zeroconf is not None and self.info is None:
            await self._register()

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self.browser is not None:
            await self.browser.async_cancel()
        if self.zeroconf is not None:
            if self.info is not None:
                await self.zeroconf.async_unregister_service(self.info)
            await self.zeroconf.async_close()

    def _changed(self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange) -> None:
        if state_change is ServiceStateChange.Removed:
            self.on_lost(name)
            return
        self._spawn(self._resolve(name))

    async def _resolve(self, name: str) -> None:
        assert self.zeroconf is not None
        info = AsyncServiceInfo(SERVICE_TYPE, name)
        if not await info.async_request(self.zeroconf.zeroconf, 3000):
            return
        props = {k: (v or "") for k, v in info.decoded_properties.items()}
        if props.get("fp") == self.fingerprint or props.get("pv") != str(PROTOCOL_VERSION):
            return
        addresses = info.parsed_addresses(IPVersion.V4Only)
        if not addresses or not info.port:
            return
        host = self._reachable(addresses)
        self.on_found(host, info.port, {**props, "instance": name})

    def _reachable(self, addresses: list[str]) -> str:
        """Prefer an advertised address on one of our own subnets (a multi-homed peer lists several)."""
        mine = []
        for adapter in ifaddr.get_adapters():
            for ip in adapter.ips:
                if isinstance(ip.ip, str):
                    mine.append(ipaddress.ip_network(f"{ip.ip}/{ip.network_prefix}", strict=False))
        for address in addresses:
            if any(ipaddress.ip_address(address) in net for net in mine):
                return address
        return addresses[0]
