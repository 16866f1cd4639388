"""The sync bench still runs end to end (a few hundred entries, no timing assertions)."""

from __future__ import annotations

from tests.bench.bench_loader import load


def test_the_sync_bench_catches_up_and_times_propagation(tmp_path, monkeypatch):
    ledger = load("ledger_bench")
    monkeypatch.setattr(ledger, "OUT", tmp_path)
    monkeypatch.setattr(ledger, "BATCH", 100)
    monkeypatch.setattr(ledger, "raw_verify_rate", lambda samples=0: 1000.0)
    bench = load("sync_bench")
    monkeypatch.setattr(bench, "raw_verify_rate", lambda samples=0: 1000.0)
    figures = bench.run(300, samples=5, report=lambda _line: None)
    names = [f.name for f in figures]
    assert any("catch-up" in n for n in names) and any("p99" in n for n in names)
    assert all(f.value > 0 for f in figures)
