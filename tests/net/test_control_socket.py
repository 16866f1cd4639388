"""control.sock signs as the node: only the account that runs the node may use it, whatever the file's mode."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from app.net import control
from app.net.control import CONTROL_NAME, ControlError, request_append
from app.node import NodeError

NOBODY = 65534
PYTHON = "/usr/bin/python3"

CONNECT_AS_OTHER = """
import json, socket, sys
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
    conn.settimeout(20)
    conn.connect(sys.argv[1])
    try:
        conn.sendall(json.dumps({"op": "append", "items": [["site.define", {"site": "X"}]]}).encode() + b"\\n")
    except OSError:
        pass   # refused before the request was read: the answer is waiting all the same
    data = b""
    while not data.endswith(b"\\n"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
print(data.decode().strip())
"""


class Recorder:
    """Stands in for the node: remembers what it was asked to sign."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, dict]]] = []

    def __call__(self, items: list[tuple[str, dict]]) -> list[str]:
        self.calls.append(items)
        return ["ab" * 32 for _ in items]


@pytest.fixture
def data_dir():
    """A data directory another account can reach (pytest's own temporary directories are 0700)."""
    path = Path(tempfile.mkdtemp(prefix="relief-control-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_the_control_socket_is_private_to_the_nodes_account(data_dir):
    async def scenario() -> int:
        server = await control.serve(data_dir / CONTROL_NAME, Recorder())
        try:
            return stat.S_IMODE((data_dir / CONTROL_NAME).stat().st_mode)
        finally:
            server.close()
            await server.wait_closed()
    assert asyncio.run(scenario()) == 0o600


def test_the_nodes_own_account_records_through_the_control_socket(data_dir):
    node = Recorder()

    async def scenario() -> list[str]:
        server = await control.serve(data_dir / CONTROL_NAME, node)
        try:
            return await asyncio.to_thread(request_append, data_dir, [("site.define", {"site": "DEP-2"})])
        finally:
            server.close()
            await server.wait_closed()
    assert asyncio.run(scenario()) == ["ab" * 32]
    assert node.calls == [[("site.define", {"site": "DEP-2"})]]


def test_a_refusal_of_the_running_node_reaches_the_terminal_with_its_code(data_dir):
    """The code travels in the reply beside the sentence: the sentence's own ': ' never decides it."""
    def refusing(items: list[tuple[str, dict]]) -> list[str]:
        raise NodeError.refused("bad_body", "body has unknown field(s): colour")

    async def scenario() -> None:
        server = await control.serve(data_dir / CONTROL_NAME, refusing)
        try:
            await asyncio.to_thread(request_append, data_dir, [("site.define", {"site": "DEP-2", "colour": "b"})])
        finally:
            server.close()
            await server.wait_closed()
    with pytest.raises(ControlError) as refused:
        asyncio.run(scenario())
    assert refused.value.code == "bad_body"
    assert str(refused.value) == "the running node refused: bad_body: body has unknown field(s): colour"


@pytest.mark.parametrize(("line", "code"), [
    (b"{not json", "not_json"),
    (b'{"op": "delete"}', "bad_request"),
    (b'{"op": "append", "items": [["site.define", {"site": ' + b"[" * 30 + b"]" * 30 + b"}]]}", "too_deep"),
], ids=["not_json", "bad_request", "too_deep"])
def test_a_malformed_request_is_refused_with_a_code(line, code):
    with pytest.raises(ControlError) as refused:
        control.parse_request(line)
    assert refused.value.code == code


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists(PYTHON) or sys.platform != "linux",
                    reason="needs root to run a client as another account, and Linux SO_PEERCRED")
def test_another_account_is_refused_even_when_the_socket_file_lets_it_in(data_dir):
    """A careless chmod (or a shared group) must not let another user sign as the node."""
    node = Recorder()

    async def scenario() -> str:
        server = await control.serve(data_dir / CONTROL_NAME, node)
        (data_dir / CONTROL_NAME).chmod(0o666)
        try:
            child = await asyncio.create_subprocess_exec(
                PYTHON, "-c", CONNECT_AS_OTHER, str(data_dir / CONTROL_NAME), user=NOBODY, group=NOBODY,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await asyncio.wait_for(child.communicate(), 30)
            assert child.returncode == 0, err.decode()
            return out.decode()
        finally:
            server.close()
            await server.wait_closed()
    reply = json.loads(asyncio.run(scenario()))
    assert reply["ok"] is False
    assert reply["code"] == "not_owner" and f"uid {NOBODY}" in reply["error"]
    assert node.calls == []


def test_the_owner_check_admits_only_the_same_user_id():
    assert control.caller_refusal(os.geteuid()) is None
    refusal = control.caller_refusal(os.geteuid() + 1)
    assert refusal is not None and "signs as the node" in refusal
    assert control.caller_refusal(None) is not None   # a caller whose id cannot be learned is refused too
