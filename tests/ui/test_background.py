"""Background work in the client: results on the GUI thread, failures told, progress only when it is slow."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from app.node import Node, NodeError
from app.ui.app import WelcomeDialog
from app.ui.background import (
    BackgroundOp,
    BackgroundRunner,
    Cancelled,
    run_in_background,
)
from app.ui.bridge import NodeBridge
from app.ui.join_dialog import JoinDialog
from app.ui.network_bridge import NetworkSettings

NEVER_MS = 600_000   # a progress delay no job in these tests outlasts: "fast" without timing anything


@pytest.fixture
def runner(qapp):
    """A runner of its own, so a test can set its progress delay without touching the client's."""
    own = BackgroundRunner(max_workers=2)
    yield own
    own.wait_idle(timeout=10)
    own._pool.shutdown(wait=True)
    own.deleteLater()


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def told(monkeypatch):
    """What the operator read in warning boxes."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def visible_progress(window: QWidget) -> list[QProgressDialog]:
    return [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def buttons(dialog: QProgressDialog) -> list[QPushButton]:
    return [b for b in dialog.findChildren(QPushButton) if b.isVisible()]


def test_the_work_runs_off_the_gui_thread_and_its_result_arrives_on_it(qtbot, window):
    gui = threading.current_thread()
    seen: dict[str, object] = {}

    def job(_op: BackgroundOp) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["delivered on"], seen["result"] = threading.current_thread(), result

    run_in_background(window, "Counting…", job, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["worker"] is not gui
    assert seen["delivered on"] is gui and seen["result"] == 42


def test_a_failed_job_is_told_to_the_operator_in_one_sentence(qtbot, window, runner, told):
    def job(_op: BackgroundOp) -> None:
        raise NodeError("not_authorized: this key may not open requests")

    runner.run(window, "Signing…", job, lambda _result: told.append("should not be reached"))
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == ["not_authorized: this key may not open requests"]


def test_an_unexpected_error_names_its_kind(qtbot, window, runner, told):
    runner.run(window, "Reading…", lambda _op: {}["missing"])
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == ["KeyError: 'missing'"]


def test_a_caller_that_handles_the_failure_itself_gets_the_exception_and_no_box(qtbot, window, runner, told):
    caught: list[BaseException] = []
    runner.run(window, "Importing…", lambda _op: Path("/nonexistent/bundle.rlb").read_bytes(),
               on_failure=caught.append)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], FileNotFoundError) and told == []


def test_a_fast_job_never_flashes_a_progress_dialog(qtbot, window, runner):
    runner.progress_delay_ms = NEVER_MS
    results: list[int] = []
    op = runner.run(window, "Verifying…", lambda _op: 7, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert op.dialog is None and op.finished and not visible_progress(window)
    assert op._timer is None   # the delay was called off: no dialog can appear later either


def test_a_slow_job_shows_its_progress_and_the_dialog_goes_when_it_ends(qtbot, window, runner):
    runner.progress_delay_ms = 0
    release = threading.Event()
    results: list[str] = []

    def job(op: BackgroundOp) -> str:
        op.report(1, 4)
        assert release.wait(10)
        return "verified"

    op = runner.run(window, "Verifying the whole replica…", job, results.append)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible() and op.dialog.maximum() == 4,
                    timeout=5000)
    assert op.dialog.labelText() == "Verifying the whole replica…" and op.dialog.value() == 1
    release.set()
    qtbot.waitUntil(lambda: results == ["verified"], timeout=5000)
    assert op.dialog is None and not visible_progress(window)


def test_the_operator_can_cancel_a_job_that_supports_it(qtbot, window, runner, told):
    runner.progress_delay_ms = 0
    stopped = threading.Event()
    outcomes: list[object] = []

    def job(op: BackgroundOp) -> None:
        for _step in range(1000):      # a dry run checks between steps
            if op.cancelled():
                stopped.set()
                raise Cancelled(op.label)
            threading.Event().wait(0.01)

    op = runner.run(window, "Dry run: running…", job, outcomes.append, outcomes.append, cancellable=True)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=5000)
    qtbot.mouseClick(buttons(op.dialog)[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(stopped.is_set, timeout=5000)
    qtbot.waitUntil(lambda: op.dialog is None, timeout=5000)
    assert outcomes == [] and told == []    # a cancelled job is neither a result nor a failure


def test_a_job_that_cannot_stop_offers_no_cancel_button(qtbot, window, runner):
    runner.progress_delay_ms = 0
    release = threading.Event()
    op = runner.run(window, "Signing…", lambda _op: release.wait(10))
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=5000)
    assert buttons(op.dialog) == []
    release.set()
    qtbot.waitUntil(lambda: op.dialog is None, timeout=5000)


def test_jobs_in_one_lane_run_and_report_in_the_order_asked(qtbot, window, runner):
    """The node's lane: entries are signed in the order the operator made them."""
    gate = threading.Event()
    ran: list[int] = []
    delivered: list[int] = []

    def job(number: int) -> Callable[[BackgroundOp], int]:
        def work(_op: BackgroundOp) -> int:
            if number == 0:
                assert gate.wait(10)          # the first holds the lane while the others queue behind it
            ran.append(number)
            return number
        return work

    for number in range(12):
        runner.run(window, "", job(number), delivered.append, progress=False, lane="node")
    gate.set()
    qtbot.waitUntil(lambda: len(delivered) == 12, timeout=5000)
    assert ran == list(range(12)) and delivered == list(range(12))


def test_a_long_job_in_one_lane_does_not_hold_up_another_lane(qtbot, window, runner):
    """A dry run of a heavy contract must not delay signing an entry."""
    release = threading.Event()
    dry_run: list[str] = []
    signed: list[str] = []
    runner.run(window, "", lambda _op: release.wait(10) and "plan", dry_run.append, progress=False, lane="editor")
    runner.run(window, "", lambda _op: "entry", signed.append, progress=False, lane="node")
    qtbot.waitUntil(lambda: signed == ["entry"], timeout=5000)
    assert dry_run == []
    release.set()
    qtbot.waitUntil(lambda: dry_run == ["plan"], timeout=5000)


def test_the_pool_is_bounded(qtbot, window, runner):
    """A burst of jobs queues; it does not start a thread per job."""
    release = threading.Event()
    lock = threading.Lock()
    running, most = [0], [0]
    finished: list[None] = []

    def job(_op: BackgroundOp) -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(10)
        with lock:
            running[0] -= 1

    for _ in range(6):
        runner.run(window, "", job, finished.append, progress=False)
    qtbot.waitUntil(lambda: running[0] == 2, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: len(finished) == 6, timeout=5000)
    assert most[0] == 2


def test_a_closed_window_gets_no_late_result(qtbot, runner, told):
    widget = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(widget, "", lambda _op: release.wait(10) and 1 / 0, delivered.append, progress=False)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not any(w is widget for w in QApplication.allWidgets()), timeout=5000)
    release.set()
    assert runner.wait_idle(timeout=10)
    QApplication.processEvents()
    assert delivered == [] and told == []


def test_a_failed_node_job_reaches_the_window_and_clears_the_status_line(qtbot, network):
    """Through the bridge: the main window's message box and status bar hang on these two signals."""
    bridge = NodeBridge(network)
    failures: list[str] = []
    status: list[str] = []
    bridge.job_failed.connect(failures.append)
    bridge.busy.connect(status.append)
    bridge.run(lambda: network.withdraw("no-such-proposal"), label="Withdrawing…")
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert status == ["Withdrawing…", ""]
    assert "no such proposal" in failures[0] and not failures[0].startswith("NodeError")
    bridge.node.remove_listener(bridge._on_stored)
    assert bridge.wait_idle(timeout=10)


def test_the_demo_builds_in_the_background_and_a_failure_is_shown_on_the_welcome_screen(qtbot, tmp_path,
                                                                                         monkeypatch):
    monkeypatch.setattr("app.ui.app.build_demo_exercise", lambda _target: (_ for _ in ()).throw(
        OSError("No space left on device")))
    welcome = WelcomeDialog(tmp_path / "data")
    qtbot.addWidget(welcome)
    welcome.open_demo()
    assert not welcome.demo_button.isEnabled()
    qtbot.waitUntil(lambda: "No space left on device" in welcome.message.text(), timeout=5000)
    assert welcome.demo_button.isEnabled() and welcome.result() != welcome.DialogCode.Accepted

    monkeypatch.setattr("app.ui.app.build_demo_exercise", lambda target: (target / "built").touch())
    welcome.open_demo()
    qtbot.waitUntil(lambda: welcome.result() == welcome.DialogCode.Accepted, timeout=5000)
    assert (welcome.data_dir / "built").exists() and welcome.passphrase == "demo"


def test_joining_says_why_this_node_could_not_be_prepared(qtbot, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs) -> Node:
        raise NodeError("already_initialised: this directory already holds a replica")
    monkeypatch.setattr(Node, "create_joining", refuse)
    dialog = JoinDialog(tmp_path / "join", "Field team", "NRC", "pass phrase", NetworkSettings(discovery=False))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Could not prepare this node" in dialog.status.text(), timeout=5000)
    assert "already holds a replica" in dialog.status.text() and dialog.network is None
