"""The network commands as an operator uses them: a headless hub that still takes records from the
command line, bundles on a stick, and clear refusals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.net.control import CONTROL_NAME
from app.node import Node
from tests.cli.conftest import run

DEPOT = ["--field", "name=Dondo depot", "--field", "kind=depot", "--field", "lat_e6=-19600000",
         "--field", "lon_e6=34700000", "--field", "org=WFP"]


def start_hub(data: Path) -> subprocess.Popen:
    env = {**os.environ, "RELIEF_LEDGER_PASSPHRASE": "correct horse"}
    hub = subprocess.Popen([sys.executable, "-m", "app.cli", "node", "--data", str(data), "--listen", "127.0.0.1",
                            "--port", "0", "--no-discovery"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while not (data / CONTROL_NAME).exists():
        assert hub.poll() is None and time.monotonic() < deadline, hub.stdout.read() if hub.stdout else ""
        time.sleep(0.05)
    return hub


def test_a_running_hub_records_what_the_command_line_hands_it(founded, capsys):
    hub = start_hub(founded)
    try:
        code, out, _err = run(capsys, "record", "site.define", "--data", str(founded), "--field", "site=DEP-9", *DEPOT)
        assert code == 0 and "recorded site.define" in out
        code, _out, err = run(capsys, "record", "site.define", "--data", str(founded), "--field", "site=BAD")
        assert code == 2 and "the running node refused" in err and "name" in err
        code, _out, err = run(capsys, "record", "site.define", "--data", str(founded), "--key",
                              str(founded / "identity.key"), "--field", "site=DEP-10", *DEPOT)
        assert code == 2 and "signs only with its own key" in err
        code, out, _err = run(capsys, "state", "--data", str(founded), "--json")
        assert code == 0 and "DEP-9" in json.loads(out)["sites"]
    finally:
        hub.send_signal(signal.SIGTERM)
        output = hub.communicate(timeout=30)[0]
    assert hub.returncode == 0 and "stopped cleanly with 4 entries stored" in output
    assert not (founded / CONTROL_NAME).exists()


def test_a_bundle_written_for_a_frontier_carries_only_what_is_missing(founded, capsys, tmp_path):
    copy = tmp_path / "post"
    node = Node.open(founded, shared=True)
    post = Node.create_joining(copy, None)
    post.receive(list(node.entries_in_order())[:2])
    post.close()
    node.close()
    frontier = tmp_path / "post-frontier.json"
    assert run(capsys, "bundle", "frontier", str(frontier), "--data", str(copy))[0] == 0
    assert json.loads(frontier.read_text())["heads"]
    stick = tmp_path / "stick.rlb"
    code, out, _err = run(capsys, "bundle", "export", str(stick), "--data", str(founded), "--frontier", str(frontier))
    assert code == 0 and "wrote 1 entries" in out
    code, out, _err = run(capsys, "bundle", "import", str(stick), "--data", str(copy))
    assert code == 0 and "1 new" in out and "seal: intact" in out
    code, _out, err = run(capsys, "bundle", "import", str(tmp_path / "nothing.rlb"), "--data", str(copy))
    assert code == 2 and "no bundle file" in err


def test_node_on_a_replica_that_has_not_joined_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    Node.create_joining(tmp_path / "fresh", None).close()
    from app.core.identity import Identity, save_key_file

    save_key_file(tmp_path / "fresh" / "identity.key", Identity.generate(), "correct horse")
    code, _out, err = run(capsys, "node", "--data", str(tmp_path / "fresh"), "--no-discovery", "--port", "0")
    assert code == 2 and "relief-ledger join" in err


def test_a_node_where_python_has_no_unix_sockets_runs_without_its_control_socket_and_stops_cleanly(founded):
    """Windows' Python has no AF_UNIX (app/cli/network.py CONTROL_SOCKETS is False there): the node must still
    start, serve and stop cleanly, only without handing `record` to itself."""
    env = {**os.environ, "RELIEF_LEDGER_PASSPHRASE": "correct horse"}
    as_on_windows = ("import sys; import app.cli.network as network; network.CONTROL_SOCKETS = False; "
                     "from app.cli import main; sys.exit(main())")
    node = subprocess.Popen([sys.executable, "-c", as_on_windows, "node", "--data", str(founded), "--listen",
                             "127.0.0.1", "--port", "0", "--no-discovery"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert node.stdout is not None
    seen = ""
    try:
        while "listening on port" not in seen:
            line = node.stdout.readline()
            assert line, seen
            seen += line
        assert not (founded / CONTROL_NAME).exists()
    finally:
        node.send_signal(signal.SIGTERM)
        output = seen + node.communicate(timeout=30)[0]
    assert node.returncode == 0 and "stopped cleanly" in output and "Traceback" not in output
