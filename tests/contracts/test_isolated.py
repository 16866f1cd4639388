"""Contracts in a child process: the same answers as in-process, and a memory limit that holds."""

from __future__ import annotations

import os
import threading

import pytest

from app.contracts.isolated import run_isolated
from app.contracts.runtime import ContractError, run_contract
from app.contracts.synthetic import make_snapshot
from app.contracts.templates import TEMPLATES, template_source

SNAP = make_snapshot(4, requests=30, depots=5, items=3)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_a_child_process_gives_the_same_result(template):
    source = template_source(template)
    assert run_isolated(source, SNAP) == run_contract(source, SNAP)


def test_errors_come_back_with_their_kind_and_position():
    with pytest.raises(ContractError) as caught:
        run_isolated("def allocate(state, params):\n    return state['nope']\n", SNAP)
    assert (caught.value.kind, caught.value.line, caught.value.column) == ("runtime", 2, 12)
    with pytest.raises(ContractError) as caught:
        run_isolated("def allocate(state, params):\n    for i in range(100000000):\n        pass\n    return []\n",
                     SNAP, budget=20)
    assert caught.value.kind == "budget"


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="memory is watched through /proc")
def test_a_contract_past_its_memory_limit_is_stopped():
    hog = ("def allocate(state, params):\n    x = []\n    for i in range(1000000000):\n        x.append([i, i])\n"
           "    return []\n")
    with pytest.raises(ContractError) as caught:
        run_isolated(hog, SNAP, budget=1_000_000, memory_mb=300)
    assert caught.value.kind == "memory" and "300 MB" in caught.value.message


def test_a_cancelled_run_is_killed():
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    spin = "def allocate(state, params):\n    for i in range(1000000000):\n        pass\n    return []\n"
    with pytest.raises(ContractError) as caught:
        run_isolated(spin, SNAP, budget=10_000_000, cancelled=stop.is_set)
    assert caught.value.kind == "cancelled"
