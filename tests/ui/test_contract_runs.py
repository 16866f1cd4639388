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
    editor.ask_discard = lambda: "discard"
    editor.confirm_record = lambda _text: True
    editor.template_actions["priority_first"].trigger()
    assert editor.contract_id == "priority_first"

    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult) and sum(a["qty"] for a in result.allocations) == 500
    assert len(operator.map.view.plan) == len(result.allocations)          # the plan is on the map
    assert not editor.record_action.isEnabled() and "not deployed" in editor.record_blocker()

    # break a line: the marker is where the error is; fix it with undo
    number, line = line_of(editor, 'for request in requests:')
    replace_line(editor, number, line.replace("for request in requests:", "for request in requests"))
    qtbot.waitUntil(lambda: bool(editor.error_markers()), timeout=3000)
    [error] = editor.error_markers()
    assert error.line == number and error.column >= len(line.rstrip(":")) - 1
    result = dry_run(qtbot, editor)
    assert isinstance(result, ContractError) and result.kind == "syntax" and result.line == number
    editor.editor.undo()
    assert editor.source().split("\n")[number - 1] == line
    qtbot.waitUntil(lambda: not editor.error_markers(), timeout=3000)

    # propose deployment: a lone commander's proposal applies at once, and the editor says so
    editor.propose_action.trigger()
    qtbot.waitUntil(lambda: "Deployed" in editor.summary.text(), timeout=10_000)
    qtbot.waitUntil(lambda: "priority_first" in editor.deployments, timeout=5000)
    assert editor.deployments["priority_first"]["version"] == 1

    # the dry run of the deployed text can be recorded; every replica (here: this one) re-executes it
    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult)
    assert editor.record_action.isEnabled(), editor.record_blocker()
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
    editor.ask_discard = lambda: "discard"
    editor.propose_action.trigger()
    qtbot.waitUntil(lambda: "priority_first" in editor.deployments, timeout=10_000)
    editor.editor.appendPlainText("# v2")
    with qtbot.waitSignal(editor.deployment_requested, timeout=5000) as blocker:
        editor.propose_action.trigger()
    assert blocker.args[1] == 2
    qtbot.waitUntil(lambda: editor.deployments["priority_first"]["version"] == 2, timeout=10_000)
    editor.close()
