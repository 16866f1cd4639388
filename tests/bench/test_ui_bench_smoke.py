"""The responsiveness bench still runs end to end on a few entries (no timing assertions), so it cannot rot."""

from __future__ import annotations

from app.ui.map.scheme import register_map_scheme
from tests.bench.bench_loader import load

register_map_scheme()  # before any test creates the QApplication


def test_the_ui_bench_measures_a_stall_with_and_without_the_window(qapp):
    module = load("ui_bench")
    results = module.measure(400, 1, report=lambda _line: None)
    assert len(results) == 1 and all(stall >= 0 for pair in results for stall in pair)
    assert "with the main window showing them" in module.table(results, 400)
