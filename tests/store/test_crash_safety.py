"""A command center loses power mid-write: every entry reported stored survives, and the replica verifies."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.core.state import fold
from app.node import Node
from app.store.verification import verify_replica

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


def run_and_kill(data_dir: Path, tag: str, delay: float) -> list[str]:
    """Start the writer, SIGKILL it `delay` seconds after it said it is ready (or during start-up if negative)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(WRITER), str(data_dir), tag], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    if delay < 0:
        time.sleep(-delay)
    else:
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            process.kill()
            raise AssertionError("the writer did not start")
        time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    return [line for line in out.split() if len(line) == 64]


def test_entries_reported_stored_survive_fifty_kills(network):
    data_dir = network.data_dir
    network.close()
    rng = random.Random(2026)
    reported: list[str] = []
    for kill in range(KILLS):
        delay = rng.choice([-rng.uniform(0.05, 0.5), rng.uniform(0.0, 0.02), rng.uniform(0.02, 0.25)])
        reported += run_and_kill(data_dir, f"K{kill}", delay)
        node = Node.open(data_dir)
        try:
            missing = [h for h in reported if node.entry(h) is None] if kill % 10 == 9 else \
                [h for h in reported[-20:] if node.entry(h) is None]
            assert not missing, f"kill {kill}: {len(missing)} acknowledged entries lost"
            if kill % 10 == 9:
                report = verify_replica(node.store)
                assert report.ok, report.defects
        finally:
            node.close()
    assert len(reported) > 100, "the writer must have stored entries between kills for the test to mean anything"
    node = Node.open(data_dir)
    try:
        assert all(node.entry(h) is not None for h in reported)
        assert node.state.digest() == fold(list(node.entries_in_order()), node.store.equivocators()).digest()
        assert verify_replica(node.store).ok
    finally:
        node.close()
