"""A small disaster-zone LAN lab: network namespaces as hosts, bridges as switches, node processes.

Everything lives in namespaces this module creates (named rl<pid>-…) and deletes again; veth pairs
are created directly inside them, so no interface of the machine itself is touched. Each node is a
real `relief-ledger node` process started with `ip netns exec`.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

PASSPHRASE = "lab-passphrase"


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=20)


def unavailable_reason() -> str | None:
    """Why namespace tests cannot run here (None when they can)."""
    if sys.platform != "linux":
        return "network namespaces need Linux"
    if os.geteuid() != 0:
        return "network namespaces need root (run the suite as root or in a container with CAP_SYS_ADMIN)"
    probe = f"rlprobe{os.getpid()}"
    try:
        result = _ip("netns", "add", probe, check=False)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return "the `ip` command (iproute2) is not installed"
    if result.returncode != 0:
        return f"`ip netns add` is not permitted here: {result.stderr.strip()}"
    _ip("netns", "del", probe, check=False)
    return None


class Lab:
    def __init__(self) -> None:
        self.tag = f"rl{os.getpid() % 100000}"
        self.switch = f"{self.tag}-sw"
        self.namespaces: list[str] = []
        self.hosts: dict[str, str] = {}
        self.processes: list[NodeProcess] = []   # stopped by close(), before their namespaces go
        _ip("netns", "add", self.switch)
        self.namespaces.append(self.switch)
        _ip("-n", self.switch, "link", "set", "lo", "up")

    def lan(self, name: str) -> str:
        """A switch (bridge) for one isolated LAN."""
        _ip("-n", self.switch, "link", "add", name, "type", "bridge")
        _ip("-n", self.switch, "link", "set", name, "up")
        return name

    def host(self, name: str, address: str, lan: str) -> str:
        """A machine with one network card (eth0, `address`/24) plugged into `lan`."""
        ns = f"{self.tag}-{name}"
        _ip("netns", "add", ns)
        self.namespaces.append(ns)
        port = f"p-{name}"[:15]
        _ip("link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port, "netns", self.switch)
        _ip("-n", ns, "link", "set", "lo", "up")
        _ip("-n", ns, "addr", "add", f"{address}/24", "dev", "eth0")
        _ip("-n", ns, "link", "set", "eth0", "up")
        _ip("-n", self.switch, "link", "set", port, "master", lan)
        _ip("-n", self.switch, "link", "set", port, "up")
        self.hosts[name] = port
        return ns

    def move(self, name: str, lan: str) -> None:
        """Drive the host to another LAN (re-plug its cable into another switch)."""
        _ip("-n", self.switch, "link", "set", self.hosts[name], "master", lan)

    def start(self, namespace: str, data: Path, *extra: str) -> NodeProcess:
        """A node process in `namespace`, stopped again when the lab closes."""
        process = NodeProcess(namespace, data, *extra).start()
        self.processes.append(process)
        return process

    def close(self) -> None:
        for process in self.processes:
            process.stop()
        for ns in reversed(self.namespaces):
            _ip("netns", "del", ns, check=False)


class NodeProcess:
    """`relief-ledger node --data DIR` inside a namespace, its output collected line by line."""

    def __init__(self, namespace: str, data: Path, *extra: str) -> None:
        self.namespace = namespace
        self.data = data
        self.extra = extra
        self.lines: list[str] = []
        self.process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def start(self) -> NodeProcess:
        command = Path(sys.executable).with_name("relief-ledger")
        argv = [str(command)] if command.exists() else [sys.executable, "-m", "app.cli"]
        env = {**os.environ, "RELIEF_LEDGER_PASSPHRASE": PASSPHRASE, "PYTHONUNBUFFERED": "1"}
        self.lines = []
        self.process = subprocess.Popen(["ip", "netns", "exec", self.namespace, *argv, "node", "--data",
                                         str(self.data), *self.extra], env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._collect, args=(self.process,), daemon=True).start()
        return self

    def _collect(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            with self._lock:
                self.lines.append(line.rstrip("\n"))

    def output(self) -> str:
        with self._lock:
            return "\n".join(self.lines)

    def wait_for(self, pattern: str, timeout: float = 30.0) -> float:
        """Wait until a line matches; return when (monotonic). Fails with the output so far."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            with self._lock:
                if any(regex.search(line) for line in self.lines):
                    return time.monotonic()
            if self.process is not None and self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"{self.namespace}: no line matching {pattern!r} within {timeout:.0f} s:\n"
                             f"{self.output()}")

    def stop(self) -> int:
        """SIGTERM, as a service manager would; returns the exit status."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(5)
        self.process = None
        return code
