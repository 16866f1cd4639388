"""The start-up bench still runs end to end (the installed program once, no timing assertions), so it cannot rot."""

from __future__ import annotations

from tests.bench.bench_loader import load


def test_the_bench_times_each_start_up_stage_of_the_installed_program(tmp_path):
    bench = load("startup_bench")
    lines: list[str] = []
    summary = bench.run(tmp_path / "no-frozen-build", runs=0, report=lines.append, cold_first=False)
    first = summary["installed"]["first"]
    assert 0 < first["unlock_dialog"] <= first["window_interactive"] <= first["map_loaded"]
    assert any("no frozen build" in line for line in lines)
    text = bench.table(summary)
    assert "launch to window_interactive" in text and ("**pass**" in text or "**miss**" in text)
