"""A peer that sends junk by the thousand fills the operator's log with a few lines and a count, not a
line per frame: the log stays readable, and what was dropped is still counted."""

from __future__ import annotations

import asyncio
import logging
import struct

from app.net import tls
from app.net.events import NetEvent
from app.net.fault_log import FaultThrottle
from tests.net.conftest import Sites

JUNK = struct.pack(">I", 5) + b"junk!"


class FakeClock:
    """Time that moves only when the scenario says so (no wall-clock thresholds in tests)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cut_off(port: int, code: str = "malformed_frame") -> NetEvent:
    return NetEvent("cut_off", f"10.0.0.9:{port}", f"{code}: frame is not UTF-8 JSON", code=code)


def test_a_hundred_thousand_junk_frames_from_one_address_give_a_handful_of_lines_and_a_count():
    clock = FakeClock()
    throttle = FaultThrottle(clock=clock)
    shown = [line for n in range(100_000) for line in throttle.offer(cut_off(40000 + n % 20000))]
    clock.now += throttle.window
    shown += throttle.flush()
    assert len(shown) == throttle.burst + 1
    summary = shown[-1]
    assert summary.kind == "suppressed" and summary.peer == "10.0.0.9"
    assert f"{100_000 - throttle.burst:,}" in summary.message and "malformed_frame" in summary.message


def test_each_window_gets_its_own_summary_while_the_flood_lasts():
    clock = FakeClock()
    throttle = FaultThrottle(clock=clock)
    shown: list[NetEvent] = []
    for _minute in range(3):
        shown += [line for n in range(1000) for line in throttle.offer(cut_off(n, "timeout"))]
        clock.now += throttle.window
        shown += throttle.flush()
    summaries = [e for e in shown if e.kind == "suppressed"]
    assert len(summaries) == 3 and len(shown) == 3 * (throttle.burst + 1)
    assert all(f"{1000 - throttle.burst:,}" in s.message for s in summaries)


def test_other_peers_and_other_events_are_not_held_back_by_one_noisy_address():
    throttle = FaultThrottle(clock=FakeClock())
    for n in range(500):
        throttle.offer(cut_off(n))
    quiet_peer = NetEvent("cut_off", "Van 2 [ABCD-EFGH-IJKL-MNOP]", "invalid_entry: bad signature",
                          code="invalid_entry")
    assert throttle.offer(quiet_peer) == [quiet_peer]
    synced = NetEvent("synced", "10.0.0.9:1", "in sync")
    assert throttle.offer(synced) == [synced]


def test_nothing_suppressed_is_forgotten_when_the_node_stops():
    throttle = FaultThrottle(clock=FakeClock())
    for n in range(50):
        throttle.offer(cut_off(n))
    summaries = throttle.flush(everything=True)
    assert len(summaries) == 1 and f"{50 - throttle.burst}" in summaries[0].message


def test_junk_connections_over_loopback_are_logged_as_a_summary(sites: Sites, caplog):
    """Hundreds of connections that each send a junk frame instead of `auth`: a few lines, then one count."""
    hq = sites.hq().go_online()
    connections = 300

    async def flood() -> None:
        for _ in range(connections):
            reader, writer = await asyncio.open_connection("127.0.0.1", hq.port, ssl=tls.client_context())
            writer.write(JUNK)
            await writer.drain()
            try:
                await asyncio.wait_for(reader.read(), 10)   # until the node hangs up
            except (TimeoutError, ConnectionError):
                pass
            writer.close()

    with caplog.at_level(logging.INFO, logger="app.net"):
        asyncio.run(flood())
        hq.go_offline()
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("app.net")]
    cut = [line for line in lines if line.startswith("cut_off")]
    summaries = [line for line in lines if line.startswith("suppressed")]
    assert 1 <= len(cut) <= 10, lines[:20]
    assert len(summaries) >= 1
    assert sum(int(s.split(" more ")[0].split()[-1].replace(",", "")) for s in summaries) == connections - len(cut)
    assert len(lines) < 30
    assert len(hq.kinds("cut_off")) == len(cut)   # the window's event feed is spared the flood too
