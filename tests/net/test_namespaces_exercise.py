"""Training day in a real command centre: an exercise node and the live node on one LAN (network namespaces).

Both are `relief-ledger node` processes with discovery on, bound only to the lab's interface. They see each
other's adverts and dial nothing; the live operator even typed the exercise node's address by mistake, and the
handshake refuses it. Each says why in its log, once, and neither replica changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.node import Node
from tests.net.lab import PASSPHRASE, Lab, unavailable_reason

REASON = unavailable_reason()
pytestmark = [pytest.mark.skipif(REASON is not None, reason=f"namespace tests skipped: {REASON}"),
              pytest.mark.slow]


@pytest.fixture
def lab() -> Iterator[Lab]:
    lab = Lab()
    try:
        yield lab
    finally:
        lab.close()


def found(data: Path, name: str, kind: str, seed: bytes, display: str) -> None:
    node = Node.create_network(data, Identity.from_seed(seed), name=name, kind=kind, org="INGD", display_name=display,
                               passphrase=PASSPHRASE)
    node.append_many([("site.define", {"site": f"{kind.upper()}-DEPOT", "name": f"{display} depot", "kind": "depot",
                                       "lat_e6": -19_800_000, "lon_e6": 34_800_000, "org": "INGD"})])
    node.close()


def held(data: Path) -> tuple[int, str]:
    node = Node.open(data, shared=True)
    try:
        return node.entry_count(), node.read(lambda state: state.digest())
    finally:
        node.close()


def test_an_exercise_node_and_a_live_node_on_one_lan_exchange_nothing_and_each_logs_why(lab: Lab, tmp_path: Path):
    found(tmp_path / "drill", "Flood drill", "exercise", b"exercise control", "Exercise control")
    found(tmp_path / "eoc", "Idai response", "live", b"live eoc", "EOC Beira")
    before = {name: held(tmp_path / name) for name in ("drill", "eoc")}
    lan = lab.lan("br0")
    drill_ns, eoc_ns = lab.host("drill", "10.78.0.1", lan), lab.host("eoc", "10.78.0.2", lan)
    drill = lab.start(drill_ns, tmp_path / "drill", "--interface", "10.78.0.1", "--kind", "exercise")
    drill.wait_for("listening on port")
    eoc = lab.start(eoc_ns, tmp_path / "eoc", "--interface", "10.78.0.2", "--kind", "live",
                    "--peer", "10.78.0.1:47474")   # the exercise node's address, typed by mistake
    eoc.wait_for("listening on port")
    assert "EXERCISE network 'Flood drill'" in drill.output() and "EXERCISE" not in eoc.output()
    # discovery: each sees the other's advert and does not dial it
    drill.wait_for(r"other_network +EOC Beira .* at 10\.78\.0\.2:\d+ +exercise_vs_live: on a live network "
                   r"\('Idai response'\); this node serves an exercise network: not dialled", 20)
    eoc.wait_for(r"other_network +Exercise control .* at 10\.78\.0\.1:\d+ +exercise_vs_live: on an exercise network "
                 r"\('Flood drill'\); this node serves a live network: not dialled", 20)
    # the typed address: refused at the handshake, on both sides
    drill.wait_for(r"other_network +EOC Beira \[.*exercise_vs_live: refused: this node is on an exercise network "
                   r"and the peer on a live network.*nothing exchanged", 20)
    eoc.wait_for(r"other_network +10\.78\.0\.1:47474 +exercise_vs_live: peer refused: this node serves an exercise "
                 r"network and you asked for a live network", 20)
    assert drill.stop() == 0 and eoc.stop() == 0
    for process in (drill, eoc):
        log = process.output()
        assert " connected " not in log and "cut_off" not in log and "synced" not in log, log
        printed = [line for line in process.lines if re.match(r"\d\d:\d\d:\d\d other_network ", line)]
        assert len(printed) == 2, log   # the advert once, the typed address once (the log repeats each line)
    assert {name: held(tmp_path / name) for name in ("drill", "eoc")} == before
