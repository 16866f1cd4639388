"""The map bench still runs end to end on a tiny network (no timing assertions), so it cannot rot."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from app.ui.map.scheme import register_map_scheme

BENCH = Path(__file__).resolve().parents[2] / "bench" / "map_bench.py"
register_map_scheme()  # before any test creates the QApplication


def test_the_map_bench_measures_paint_and_updates_on_a_small_network(qapp):
    spec = importlib.util.spec_from_file_location("map_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["map_bench"] = module
    assert spec.loader is not None
    spec.loader.exec_module(module)
    rows = module.run(20, 5, report=lambda _line: None, updates=2)
    assert len(rows) == 5 and all(seconds > 0 for _name, seconds, _ratio, _target in rows)
    assert "first paint" in module.table(rows)
