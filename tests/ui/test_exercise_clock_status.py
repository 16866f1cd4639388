"""A player's window during a tabletop exercise shows the exercise clock that control runs: not started, then
running at x60, then paused, the same exercise time every replica computes from the signed clock entries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from tests.core.test_exercise_control import CONTROL, MINUTE, T0, found, record


def open_window(qtbot, node, tmp_path, monkeypatch) -> MainWindow:
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    win = MainWindow(NodeBridge(node))
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_status_bar_shows_the_exercise_clock_from_start_through_pause(qtbot, tmp_path, monkeypatch):
    node = found(tmp_path / "excon")
    try:
        win = open_window(qtbot, node, tmp_path, monkeypatch)
        label = win.findChild(QLabel, "exercise-clock")
        assert label is not None and label.text() == "Exercise clock not started"
        status = win.status   # the window's status bar object

        def shows(text: str, now_ms: int) -> bool:
            status.show_exercise_clock(now_ms=now_ms)
            return label.text() == text

        record(node, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
        # 90 s of signed time later at x60: 90 minutes into the exercise
        qtbot.waitUntil(lambda: shows("Exercise time T+01:30 (running ×60)", T0 + 90_000), timeout=5000)
        record(node, CONTROL, "exercise.clock", {"action": "pause"}, T0 + 2 * MINUTE)
        # paused after 2 minutes at x60: it stays at two hours however late it is read
        qtbot.waitUntil(lambda: shows("Exercise time T+02:00 (paused)", T0 + 60 * MINUTE), timeout=5000)
        win.bridge.node.remove_listener(win.bridge._on_stored)
        win.bridge.wait_idle()
    finally:
        node.close()


def test_a_live_network_has_no_exercise_clock_in_its_status_bar(qtbot, tmp_path, monkeypatch):
    node = found(tmp_path / "live", kind="live")
    try:
        win = open_window(qtbot, node, tmp_path, monkeypatch)
        assert win.findChild(QLabel, "exercise-clock") is None
        win.bridge.node.remove_listener(win.bridge._on_stored)
        win.bridge.wait_idle()
    finally:
        node.close()
