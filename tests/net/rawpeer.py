"""A peer written by hand from docs/PROTOCOL.md: it says exactly what a test tells it to, frame by frame.

Used to check the document against the node: every message the node sends back is kept in order.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Callable
from typing import Any

from app.core.identity import Identity
from app.net import handshake as hs
from app.net import tls
from app.net.frames import decode_payload, encode_frame


class RawPeer:
    """One TLS connection to a node, driven by the test: send frames, read what comes back."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.received: list[dict[str, Any]] = []
        self.hello: dict[str, Any] = {}
        self.binding: hs.Binding | None = None

    @classmethod
    async def connect(cls, port: int) -> RawPeer:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=tls.client_context())
        return cls(reader, writer)

    @property
    def certificate(self) -> str:
        return tls.peer_certificate_sha256(self.writer.get_extra_info("ssl_object"))

    async def read(self, timeout: float = 10.0) -> dict[str, Any] | None:
        """The next message, or None when the node closed the connection (or said nothing in `timeout`)."""
        try:
            header = await asyncio.wait_for(self.reader.readexactly(4), timeout)
            (length,) = struct.unpack(">I", header)
            message = decode_payload(await asyncio.wait_for(self.reader.readexactly(length), timeout))
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
            return None
        self.received.append(message)
        return message

    async def read_until_closed(self, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Every message up to the node closing the link; the last read may time out instead."""
        messages = []
        while (message := await self.read(timeout)) is not None:
            messages.append(message)
        return messages

    async def read_until(self, kind: str, timeout: float = 10.0) -> dict[str, Any] | None:
        while (message := await self.read(timeout)) is not None:
            if message["t"] == kind:
                return message
        return None

    async def send(self, message: dict[str, Any]) -> None:
        self.writer.write(encode_frame(message))
        await self.writer.drain()

    async def auth(self, identity: Identity, net: str | None, *, version: int = hs.PROTOCOL_VERSION,
                   join: dict[str, str] | None = None, name: str = "raw peer") -> dict[str, Any] | None:
        """Read hello, prove `identity` for this session, and return the node's answer."""
        hello = await self.read()
        assert hello is not None and hello["t"] == "hello", hello
        self.hello = hello
        self.binding = hs.Binding(self.certificate, hs.new_nonce(), hello["nonce"], net)
        auth: dict[str, Any] = {"t": "auth", "v": version, "nonce": self.binding.client_nonce, "net": net,
                                "key": identity.public_key_hex, "name": name,
                                "sig": hs.prove(identity, self.binding, "client")}
        if join is not None:
            auth["join"] = join
        await self.send(auth)
        return await self.read()

    async def close(self) -> None:
        self.writer.close()
        try:
            await asyncio.wait_for(self.writer.wait_closed(), 2.0)
        except (TimeoutError, ConnectionError, OSError):
            pass


async def eventually(predicate: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll inside a running loop until `predicate` holds; a bounded wait, not a performance claim."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.02)
