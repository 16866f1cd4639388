"""The ledger bench still runs end to end (tiny sizes, no timing assertions), so it cannot rot."""

from __future__ import annotations

from tests.bench.bench_loader import load


def load_bench():
    return load("ledger_bench")


def test_the_bench_measures_every_figure_on_a_small_replica(tmp_path, monkeypatch):
    bench = load_bench()
    monkeypatch.setattr(bench, "OUT", tmp_path)
    monkeypatch.setattr(bench, "BATCH", 100)
    monkeypatch.setattr(bench, "raw_verify_rate", lambda samples=0: 1000.0)
    monkeypatch.setattr(bench, "single_append_rate", lambda count=0: 1.0)
    figures = bench.run(300, report=lambda _line: None)
    names = [f.name for f in figures]
    assert any("reopen" in n for n in names) and any("verify" in n for n in names)
    assert all(f.value > 0 for f in figures)
    assert "PASS" in bench.table(figures) or "MISS" in bench.table(figures)
