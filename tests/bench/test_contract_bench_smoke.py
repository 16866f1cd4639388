"""The contract bench still runs end to end (tiny sizes, no timing assertions), so it cannot rot."""

from __future__ import annotations

from tests.bench.bench_loader import load


def load_bench():
    return load("contract_bench")


def test_the_bench_runs_both_contracts_and_matches_its_reference():
    bench = load_bench()
    lines = []
    figures = bench.run(requests=30, depots=4, items=3, shelters=6, repeat=1, report=lines.append)
    assert [f.name.split()[0] for f in figures] == ["proportional", "min-cost"]
    assert all(f.seconds > 0 and f.reference > 0 and f.allocations > 0 for f in figures)
    text = bench.table(figures)
    assert "PASS" in text or "MISS" in text
    assert any("ratio" in line for line in lines)
