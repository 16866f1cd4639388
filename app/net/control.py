"""The running node's local door: command-line tools record through it instead of opening the replica.

Only one process may fold into a replica (two would fork its head), so while `relief-ledger node`
runs, `record`, `add-member`, `propose`, `approve`… hand their entries to it over a Unix socket in
the data directory (`control.sock`, mode 0600). What arrives there is signed with the node's key, so
the node also asks the kernel who is calling (SO_PEERCRED) and answers only its own user id: a careless
chmod or a shared group does not let another account sign as the node. The tool has already proven the
passphrase by opening the key file; the node signs with the key it holds, exactly as if the operator had
typed the entries into its window.

One request, one reply, each a JSON object on one line:
  {"op": "append", "items": [[type, body], …]}  ->  {"ok": true, "hashes": [hex, …]}
                                                  or {"ok": false, "error": "reason"}
A caller of another user id gets {"ok": false, "code": "not_owner", "error": …} before anything is read.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import ReliefLedgerError
from app.net.frames import nests_deeper_than
from app.paths import CONTROL_NAME

MAX_REQUEST_BYTES = 4 * 1024 * 1024
# The request object, its item list, each [type, body] pair and then a body of at most 16 levels (FORMAT.md §1)
MAX_REQUEST_DEPTH = 3 + 16


class ControlError(ReliefLedgerError):
    """The running node refused the request or could not be reached."""

    code = "control_refused"


Append = Callable[[list[tuple[str, dict]]], list[str]]
NOT_OWNER = "not_owner"
NOT_JSON = "not_json"
TOO_DEEP = "too_deep"
BAD_REQUEST = "bad_request"
INCOMPLETE = "incomplete_request"
NODE_FAULT = "node_fault"     # the node failed in a way it has no code for
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def peer_uid(conn: socket.socket | None) -> int | None:
    """The user id of the process at the other end of a Unix socket, from the kernel; None if unknown."""
    if conn is None:
        return None
    try:
        if hasattr(socket, "SO_PEERCRED"):   # Linux: struct ucred {pid, uid, gid}
            _pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                                  struct.calcsize("3i")))
            return uid
        if sys.platform == "darwin" or "bsd" in sys.platform:   # LOCAL_PEERCRED: struct xucred {version, uid, …}
            raw = conn.getsockopt(0, 1, 76)
            return struct.unpack_from("=II", raw)[1]
    except OSError:
        return None
    return None


def caller_refusal(uid: int | None) -> str | None:
    """Why a caller may not use the control socket (None: it is the node's own account).

    Only the same user id: the socket signs as the node, and root needs no socket to read the key file.
    """
    if uid is None:
        return "refused: the caller's user id cannot be learned here, and this socket signs as the node"
    if uid != os.geteuid():
        return (f"refused: this socket signs as the node and answers only its own account (uid {os.geteuid()}); "
                f"the caller is uid {uid}")
    return None


async def serve(path: Path, append: Append) -> asyncio.AbstractServer:
    """Listen on `path`; `append` runs on a worker thread and returns the stored entry hashes."""
    if path.exists():
        path.unlink()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        refusal = caller_refusal(peer_uid(writer.get_extra_info("socket")))
        if refusal is not None:
            reply: dict[str, Any] = {"ok": False, "code": NOT_OWNER, "error": refusal}
        else:
            try:
                line = await asyncio.wait_for(reader.readline(), 30)
                reply = await _answer(line, append)
            except (TimeoutError, ConnectionError, ValueError):
                reply = {"ok": False, "code": INCOMPLETE, "error": "incomplete request"}
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
        raise ControlError(f"the request nests arrays and objects deeper than {MAX_REQUEST_DEPTH} levels",
                           TOO_DEEP) from exc
    except ValueError as exc:       # UnicodeDecodeError included
        raise ControlError("the request is not JSON", NOT_JSON) from exc
    items = request.get("items") if isinstance(request, dict) and request.get("op") == "append" else None
    if not isinstance(items, list) or not items or not all(
            isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) and isinstance(i[1], dict) for i in items):
        raise ControlError('expected {"op": "append", "items": [[type, body], ...]}', BAD_REQUEST)
    if nests_deeper_than(request, MAX_REQUEST_DEPTH):
        raise ControlError(f"the request nests arrays and objects deeper than {MAX_REQUEST_DEPTH} levels", TOO_DEEP)
    return [(t, b) for t, b in items]


async def _answer(line: bytes, append: Append) -> dict[str, Any]:
    try:
        items = parse_request(line)
    except ControlError as exc:
        return {"ok": False, "code": exc.code, "error": str(exc)}
    try:
        hashes = await asyncio.to_thread(append, items)
    except Exception as exc:  # noqa: BLE001 - the refusal goes back to the operator's terminal
        code = exc.code if isinstance(exc, ReliefLedgerError) else NODE_FAULT
        return {"ok": False, "code": code, "error": str(exc)}
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
            try:
                conn.sendall(json.dumps({"op": "append", "items": [[t, b] for t, b in items]}).encode() + b"\n")
            except BrokenPipeError:
                pass   # refused before the request was read (another account): the answer says why
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
        code = reply.get("code")
        raise ControlError(f"the running node refused: {reply.get('error')}",
                           code if isinstance(code, str) and _CODE.match(code) else None)
    return list(reply["hashes"])
