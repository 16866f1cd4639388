"""The running node's local door: command-line tools record through it instead of opening the replica.

Only one process may fold into a replica (two would fork its head), so while `relief-ledger node`
runs, `record`, `add-member`, `propose`, `approve`… hand their entries to it over a Unix socket in
the data directory (`control.sock`, mode 0600: only the account that runs the node can use it).
The tool has already proven the passphrase by opening the key file; the node signs with the key it
holds, exactly as if the operator had typed the entries into its window.

One request, one reply, each a JSON object on one line:
  {"op": "append", "items": [[type, body], …]}  ->  {"ok": true, "hashes": [hex, …]}
                                                  or {"ok": false, "error": "reason"}
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
from pathlib import Path
from typing import Any, Callable

from app.net.frames import nests_deeper_than

CONTROL_NAME = "control.sock"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
# The request object, its item list, each [type, body] pair and then a body of at most 16 levels (FORMAT.md §1)
MAX_REQUEST_DEPTH = 3 + 16


class ControlError(Exception):
    """The running node refused the request or could not be reached."""


Append = Callable[[list[tuple[str, dict]]], list[str]]


async def serve(path: Path, append: Append) -> asyncio.AbstractServer:
    """Listen on `path`; `append` runs on a worker thread and returns the stored entry hashes."""
    if path.exists():
        path.unlink()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await asyncio.wait_for(reader.readline(), 30)
            reply = await _answer(line, append)
        except (asyncio.TimeoutError, ConnectionError, ValueError):
            reply = {"ok": False, "error": "incomplete request"}
        try:
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
        except ConnectionError:
            pass
        writer.close()

    old_umask = os.umask(0o177)
    try:
        server = await asyncio.start_unix_server(handle, path=str(path), limit=MAX_REQUEST_BYTES)
    finally:
        os.umask(old_umask)
    os.chmod(path, 0o600)
    return server


def parse_request(line: bytes) -> list[tuple[str, dict]]:
    """The (type, body) items of one request line, or ControlError with the sentence sent back (nothing else)."""
    try:
        request = json.loads(line)
    except RecursionError as exc:   # a nesting bomb; no body the ledger accepts nests this deep
        raise ControlError(f"the request nests arrays and objects deeper than {MAX_REQUEST_DEPTH} levels") from exc
    except ValueError as exc:       # UnicodeDecodeError included
        raise ControlError("the request is not JSON") from exc
    items = request.get("items") if isinstance(request, dict) and request.get("op") == "append" else None
    if not isinstance(items, list) or not items or not all(
            isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) and isinstance(i[1], dict) for i in items):
        raise ControlError('expected {"op": "append", "items": [[type, body], ...]}')
    if nests_deeper_than(request, MAX_REQUEST_DEPTH):
        raise ControlError(f"the request nests arrays and objects deeper than {MAX_REQUEST_DEPTH} levels")
    return [(t, b) for t, b in items]


async def _answer(line: bytes, append: Append) -> dict[str, Any]:
    try:
        items = parse_request(line)
    except ControlError as exc:
        return {"ok": False, "error": str(exc)}
    try:
        hashes = await asyncio.to_thread(append, items)
    except Exception as exc:  # noqa: BLE001 - the refusal goes back to the operator's terminal
        return {"ok": False, "error": str(exc)}
    return {"ok": True, "hashes": hashes}


def request_append(data_dir: Path, items: list[tuple[str, dict]], timeout: float = 60.0) -> list[str]:
    """Ask the node running on `data_dir` to sign and store `items`; returns their hashes."""
    path = Path(data_dir) / CONTROL_NAME
    if not path.exists():
        raise ControlError("the process holding this replica does not accept local requests "
                           "(it is the desktop client, or an older node): record there, or stop it first")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        try:
            conn.connect(str(path))
            conn.sendall(json.dumps({"op": "append", "items": [[t, b] for t, b in items]}).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError as exc:
            raise ControlError(f"cannot reach the running node: {exc.strerror or exc}") from exc
    try:
        reply = json.loads(data)
    except ValueError as exc:
        raise ControlError("the running node gave no answer") from exc
    if not reply.get("ok"):
        raise ControlError(f"the running node refused: {reply.get('error')}")
    return list(reply["hashes"])
