"""The map bench still runs end to end on a tiny network (no timing assertions), so it cannot rot."""

from __future__ import annotations

from app.ui.map.scheme import register_map_scheme
from tests.bench.bench_loader import load

register_map_scheme()  # before any test creates the QApplication


def test_the_map_bench_measures_paint_and_updates_on_a_small_network(qapp):
    module = load("map_bench")
    rows = module.run(20, 5, report=lambda _line: None, updates=2)
    assert len(rows) == 5 and all(seconds > 0 for _name, seconds, _ratio, _target in rows)
    assert "first paint" in module.table(rows)
