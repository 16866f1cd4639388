"""Issue #6 end to end in the client: template, dry run, broken line, fix, deploy, record a run, verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.contracts.runtime import ContractError, RunResult
from app.ui.runs_view import ALLOCATIONS, CONTRACT, REASON, VERDICT
from tests.conftest import signing_as
from tests.ui.test_contract_editor import dry_run, line_of, replace_line

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def operator(window, cast):
    """The main window of a small network whose founder is its only commander: deployments apply at once."""
    node = window.node
    with signing_as(node, cast.field):
        node.append_many([
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 400,
                              "priority": "critical", "needed_by_ms": 1_767_300_000_000}),
            ("request.open", {"request": "REQ-2", "site": "SHL-1", "item": "water-5l", "qty": 300,
                              "priority": "normal", "needed_by_ms": 1_767_400_000_000}),
        ])
    node.sign_as(cast.commander)
    return window


def test_operator_deploys_a_contract_and_records_a_run_that_is_verified(qtbot, operator):
    editor = operator.open_contract_editor()
    editor.files.ask_discard = lambda: "discard"
    editor.deployment.confirm_record = lambda _text: True
    editor.template_actions["priority_first"].trigger()
    assert editor.files.contract_id == "priority_first"

    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult) and sum(a["qty"] for a in result.allocations) == 500
    assert len(operator.map.view.plan) == len(result.allocations)          # the plan is on the map
    assert not editor.record_action.isEnabled() and "not deployed" in editor.deployment.record_blocker()

    # break a line: the marker is where the error is; fix it with undo
    number, line = line_of(editor, 'for request in requests:')
    replace_line(editor, number, line.replace("for request in requests:", "for request in requests"))
    qtbot.waitUntil(lambda: bool(editor.error_markers()), timeout=3000)
    [error] = editor.error_markers()
    assert error.line == number and error.column >= len(line.rstrip(":")) - 1
    result = dry_run(qtbot, editor)
    assert isinstance(result, ContractError) and result.kind == "syntax" and result.line == number
    requested = []
    editor.deployment_requested.connect(lambda *args: requested.append(args))
    editor.propose_action.trigger()                                       # a broken text is not proposed
    assert not requested and "fix the errors" in editor.summary.text()
    editor.editor.undo()
    assert editor.source().split("\n")[number - 1] == line
    qtbot.waitUntil(lambda: not editor.error_markers(), timeout=3000)

    # propose deployment: a lone commander's proposal applies at once, and the editor says so
    editor.propose_action.trigger()
    qtbot.waitUntil(lambda: "Deployed" in editor.summary.text(), timeout=10_000)
    qtbot.waitUntil(lambda: "priority_first" in editor.deployment.deployments, timeout=5000)
    assert editor.deployment.deployments["priority_first"]["version"] == 1

    # the dry run of the deployed text can be recorded; every replica (here: this one) re-executes it
    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult)
    assert editor.record_action.isEnabled(), editor.deployment.record_blocker()
    editor.record_action.trigger()
    qtbot.waitUntil(lambda: editor.runs.rowCount() == 1, timeout=10_000)
    operator.node.run_checks.drain()
    qtbot.waitUntil(lambda: editor.runs.item(0, VERDICT).text() == "✓ verified", timeout=10_000)
    assert editor.runs.item(0, CONTRACT).text() == "priority_first@1"
    assert editor.runs.item(0, ALLOCATIONS).text() == str(len(result.allocations))
    assert "same input and output" in editor.runs.item(0, REASON).text()
    assert "recorded" in editor.summary.text()

    # an edited text is no longer the deployed one: recording is off until it is deployed again
    editor.editor.appendPlainText("# tweak")
    assert not editor.record_action.isEnabled()
    editor.editor.undo()
    assert editor.record_action.isEnabled()

    editor.tabs.setCurrentWidget(editor.runs)
    editor.resize(1280, 760)
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    assert editor.grab().save(str(ARTIFACTS / "contract_run.png"))
    editor.close()


def test_a_second_deployment_proposes_the_next_version(qtbot, operator):
    editor = operator.open_contract_editor()
    editor.files.ask_discard = lambda: "discard"
    editor.propose_action.trigger()
    qtbot.waitUntil(lambda: "priority_first" in editor.deployment.deployments, timeout=10_000)
    editor.editor.appendPlainText("# v2")
    with qtbot.waitSignal(editor.deployment_requested, timeout=5000) as blocker:
        editor.propose_action.trigger()
    assert blocker.args[1] == 2
    qtbot.waitUntil(lambda: editor.deployment.deployments["priority_first"]["version"] == 2, timeout=10_000)
    editor.close()


@pytest.fixture
def centers_window(qtbot, tmp_path, monkeypatch):
    """Center A's window on a network of three commanders (A, B, C): a deployment needs B and C."""
    from PySide6.QtCore import QCoreApplication

    from app.core.identity import Identity
    from app.ui.bridge import NodeBridge
    from app.ui.main_window import MainWindow
    from tests.contracts.test_runs import SETUP
    from tests.core.test_approvals import Centers, found, replica

    centers = Centers(*(Identity.from_seed(f"approvals/{n}".encode()) for n in ("a", "b", "c", "d", "log")))
    a = found(tmp_path, centers, with_d=False)
    a.append_many(SETUP)
    a.sign_as(centers.a)
    b = replica(a, tmp_path, "B", centers.b)
    c = replica(a, tmp_path, "C", centers.c)
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(a)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    yield win, b, c
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    for node in (b, c):
        node.close()


def test_deployment_waits_for_two_centers_then_every_replica_verifies_the_run(qtbot, centers_window):
    window, b, c = centers_window
    a = window.node
    editor = window.open_contract_editor()
    editor.files.ask_discard = lambda: "discard"
    editor.deployment.confirm_record = lambda _text: True
    editor.propose_action.trigger()
    qtbot.waitUntil(lambda: "waits for approvals" in editor.summary.text(), timeout=10_000)
    assert "2 more" in editor.summary.text() and "priority_first" not in editor.deployment.deployments

    for center in (b, c):                       # the other centers approve on their replicas
        center.receive(list(a.entries_in_order()))
        proposal = next(key for key, row in center.state.tables["proposals"].items() if row["status"] == "open")
        approval = center.approve(proposal)
        a.receive([approval])
    qtbot.waitUntil(lambda: "priority_first" in editor.deployment.deployments, timeout=10_000)

    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult) and result.allocations
    assert editor.record_action.isEnabled(), editor.deployment.record_blocker()
    editor.record_action.trigger()
    qtbot.waitUntil(lambda: editor.runs.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: editor.runs.item(0, VERDICT).text() == "✓ verified", timeout=20_000)
    run = editor.runs.rows[0]["run"]
    for center in (b, c):
        center.receive(list(a.entries_in_order()))
        center.run_checks.drain()
        assert center.run_checks.get(run)["status"] == "verified"
        assert center.state.digest() == a.state.digest()
    editor.close()
