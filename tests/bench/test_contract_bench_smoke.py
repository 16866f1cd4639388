"""The contract bench still runs end to end (tiny sizes, no timing assertions), so it cannot rot."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "contract_bench.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("contract_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["contract_bench"] = module
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_bench_runs_both_contracts_and_matches_its_reference():
    bench = load_bench()
    lines = []
    figures = bench.run(requests=30, depots=4, items=3, shelters=6, repeat=1, report=lines.append)
    assert [f.name.split()[0] for f in figures] == ["proportional", "min-cost"]
    assert all(f.seconds > 0 and f.reference > 0 and f.allocations > 0 for f in figures)
    text = bench.table(figures)
    assert "PASS" in text or "MISS" in text
    assert any("ratio" in line for line in lines)
