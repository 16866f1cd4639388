"""The fuzz bench still runs end to end (a few hundred inputs, no timing assertions), so it cannot rot."""

from __future__ import annotations

from tests.bench.bench_loader import load


def test_the_fuzz_bench_feeds_every_target_and_finds_no_crash_or_hang():
    bench = load("fuzz_bench")
    lines: list[str] = []
    results = bench.run(400, seed=1, report=lines.append)
    assert [r.name for r in results] == ["frame", "entry", "bundle", "control"]
    assert all(r.inputs == 100 and sum(r.outcomes.values()) == 100 for r in results)
    assert all(not r.crashes and not r.hangs for r in results), lines
    assert all(r.rate > 0 and r.ratio > 0 for r in results)
    # every target saw both sides of its promise: values it accepts and refusals it documents
    assert all(any(not o.startswith("refused") for o in r.outcomes) and any(o.startswith("refused") for o in r.outcomes)
               for r in results), lines


def test_the_bench_counts_an_undocumented_exception_as_a_crash(monkeypatch):
    bench = load("fuzz_bench")

    def fragile(data: bytes) -> str:
        return str(data[0] // (data[0] - data[0]))   # ZeroDivisionError: the kind of bug the bench exists to find

    monkeypatch.setitem(bench.TARGETS, "frame", (fragile, bench.TARGETS["frame"][1]))
    result = bench.fuzz_target("frame", [b"x", b"y"])
    assert len(result.crashes) == 2 and result.outcomes["CRASH"] == 2


def test_the_bench_interrupts_an_input_that_never_returns_and_counts_a_hang(monkeypatch):
    bench = load("fuzz_bench")

    def endless(_data: bytes) -> str:
        while True:
            pass

    monkeypatch.setattr(bench, "WATCHDOG_S", 0.2)
    monkeypatch.setitem(bench.TARGETS, "control", (endless, bench.TARGETS["control"][1]))
    result = bench.fuzz_target("control", [b"{}"])
    assert result.hangs == 1 and result.outcomes["interrupted"] == 1 and not result.crashes
