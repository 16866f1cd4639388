"""Length-prefixed JSON frames: the unit of everything that crosses a link or sits in a bundle.

A frame is a 4-byte big-endian payload length followed by that many bytes of a UTF-8 JSON object
with a string member "t" naming the message. The hard size limit is checked on the length prefix,
before a byte of the payload is read, so an oversized frame never costs more than its header.
A sender that builds a frame over the limit has a bug of its own (it must split, see wire.py):
that is a LocalFrameError, never a ProtocolError, so it can never be blamed on the peer.
"""

from __future__ import annotations

import asyncio
import json
import struct
from typing import Any, BinaryIO

from app.errors import ReliefLedgerError

MAX_FRAME_BYTES = 8 * 1024 * 1024
HEADER = struct.Struct(">I")
# Nesting levels of arrays and objects a frame may hold, counted as for entries (FORMAT.md §1): the
# frame object itself is level 1. Every message defined here needs at most 4; the limit keeps a
# nesting bomb ("[[[[…") from exhausting the parser's stack.
MAX_FRAME_DEPTH = 16


class ProtocolError(ReliefLedgerError):
    """The other side broke the protocol; `code` is a stable reason for logs and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code)


class LocalFrameError(ReliefLedgerError):
    """This node built a frame it may not send: its own fault, never a reason to blame or cool down the peer."""

    code = "local_fault"


def encode_json(value: Any) -> bytes:
    """The compact UTF-8 JSON every frame (and every piece of one a sender measures) is made of."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_frame(message: dict[str, Any]) -> bytes:
    return frame_payload(encode_json(message))


def frame_payload(payload: bytes) -> bytes:
    """Prefix an encoded payload with its length; a payload over the limit is the sender's own bug."""
    if len(payload) > MAX_FRAME_BYTES:
        raise LocalFrameError(f"this node built a frame of {len(payload)} bytes, over the {MAX_FRAME_BYTES}-byte "
                              "limit; it must split it, the peer did nothing wrong")
    return HEADER.pack(len(payload)) + payload


def decode_payload(payload: bytes) -> dict[str, Any]:
    """The message of one frame, or ProtocolError `malformed_frame` saying why not (never another exception)."""
    try:
        message = json.loads(payload)
    except RecursionError as exc:   # a nesting bomb: far deeper than the limit below, refused alike
        raise ProtocolError("malformed_frame", f"frame nests arrays and objects deeper than {MAX_FRAME_DEPTH} "
                                               "levels") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError("malformed_frame", f"frame is not UTF-8 JSON: {exc}") from exc
    if not isinstance(message, dict) or not isinstance(message.get("t"), str):
        raise ProtocolError("malformed_frame", 'frame is not a JSON object with a string "t"')
    if nests_deeper_than(message, MAX_FRAME_DEPTH):
        raise ProtocolError("malformed_frame", f"frame nests arrays and objects deeper than {MAX_FRAME_DEPTH} levels")
    return message


def nests_deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays/objects nest more than `limit` levels (`[]` is 1 level, `[{}]` 2); breadth-first, any depth.

    One pass over every container's members, level by level, so an `entries` frame of 1,000 entries costs
    a fraction of its parse.
    """
    level = [value] if type(value) is dict or type(value) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below: list[Any] = []
        for container in level:
            members = container.values() if type(container) is dict else container
            below.extend([m for m in members if type(m) is dict or type(m) is list])
        level = below
    return False


def check_length(length: int, limit: int) -> None:
    if length > limit:
        raise ProtocolError("frame_too_large", f"peer announced a frame of {length} bytes; the limit is {limit}")


async def read_frame(reader: asyncio.StreamReader, *, idle_timeout: float, body_timeout: float,
                     limit: int = MAX_FRAME_BYTES) -> dict[str, Any]:
    """Read one frame: wait up to `idle_timeout` for it to start, then `body_timeout` for the rest."""
    try:
        header = await asyncio.wait_for(reader.readexactly(HEADER.size), idle_timeout)
    except TimeoutError as exc:
        raise ProtocolError("timeout", f"peer sent nothing for {idle_timeout:.0f} s") from exc
    except asyncio.IncompleteReadError as exc:
        raise ProtocolError("closed", "peer closed the connection") from exc
    (length,) = HEADER.unpack(header)
    check_length(length, limit)
    try:
        payload = await asyncio.wait_for(reader.readexactly(length), body_timeout)
    except TimeoutError as exc:
        raise ProtocolError("stalled", f"peer stalled inside a {length}-byte frame") from exc
    except asyncio.IncompleteReadError as exc:
        raise ProtocolError("closed", "peer closed the connection inside a frame") from exc
    return decode_payload(payload)


def read_frame_from_file(stream: BinaryIO, limit: int = MAX_FRAME_BYTES) -> dict[str, Any] | None:
    """The next frame of a bundle file; None at a clean end; ProtocolError when cut short."""
    header = stream.read(HEADER.size)
    if not header:
        return None
    if len(header) < HEADER.size:
        raise ProtocolError("truncated", "file ends inside a frame header")
    (length,) = HEADER.unpack(header)
    check_length(length, limit)
    payload = stream.read(length)
    if len(payload) < length:
        raise ProtocolError("truncated", f"file ends inside a frame ({len(payload)} of {length} bytes)")
    return decode_payload(payload)
