"""The contract editor as an operator uses it: template, dry run, a broken line, the fix, the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from app.contracts.runtime import ContractError, RunResult
from app.ui.background import BackgroundRunner
from app.ui.bridge import NodeBridge
from app.ui.contract_editor import PROPOSE_DISABLED_TIP, ContractEditor
from tests.conftest import signing_as

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def supplied(network, cast):
    """Two depots' worth of water and tents at DEP-1, and three open requests at the shelter."""
    with signing_as(network, cast.logistics):
        network.append_many([
            ("site.define", {"site": "DEP-2", "name": "Chimoio depot", "kind": "depot", "lat_e6": -19_116_000,
                             "lon_e6": 33_483_000, "org": "INGD"}),
            ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 300, "source": "WFP"}),
            ("stock.receive", {"site": "DEP-2", "item": "water-5l", "lot": "NR-001", "qty": 200, "source": "NR"}),
            ("stock.receive", {"site": "DEP-1", "item": "tent-fam", "lot": "NR-T-1", "qty": 40, "source": "NR"}),
        ])
    with signing_as(network, cast.field):
        network.append_many([
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 400,
                              "priority": "critical", "needed_by_ms": 1_767_300_000_000}),
            ("request.open", {"request": "REQ-2", "site": "SHL-1", "item": "water-5l", "qty": 400,
                              "priority": "normal", "needed_by_ms": 1_767_400_000_000}),
            ("request.open", {"request": "REQ-3", "site": "SHL-1", "item": "tent-fam", "qty": 25,
                              "priority": "high", "needed_by_ms": 1_767_400_000_000}),
        ])
    return network


@pytest.fixture
def editor(qtbot, supplied, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(supplied)
    win = ContractEditor(tables=bridge.copy_tables)
    win.files.ask_discard = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    yield win
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()


def dry_run(qtbot, editor):
    with qtbot.waitSignal(editor.dry_run_finished, timeout=10_000) as blocker:
        editor.dry_run()
    return blocker.args[0]


def line_of(editor, text: str) -> tuple[int, str]:
    for number, line in enumerate(editor.source().splitlines(), start=1):
        if text in line:
            return number, line
    raise AssertionError(f"{text!r} not in the source")


def replace_line(editor, number: int, new: str) -> None:
    lines = editor.source().split("\n")
    cursor = editor.editor.textCursor()
    cursor.setPosition(editor.editor.document().findBlockByNumber(number - 1).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    cursor.insertText(new)
    assert editor.source().split("\n")[number - 1] == new and len(editor.source().split("\n")) == len(lines)


def test_template_dry_run_break_fix_and_plan(qtbot, editor):
    editor.template_actions["fair_share"].trigger()
    assert "split_capped" in editor.source() and editor.files.contract_id == "fair_share"
    assert [s.name for s in editor.params.specs] == ["source_kinds", "reserve_pct", "weighting"]

    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult), result
    assert editor.plan_model.rowCount() == len(result.allocations) > 0
    first = [editor.plan_model.item(0, c) for c in range(editor.plan_model.columnCount())]
    item_code, from_code = result.allocations[0]["item"], result.allocations[0]["from_site"]
    sites, items = editor.sites, result.snapshot["items"]
    assert first[1].text() == items[item_code]["name"] and first[1].toolTip() == item_code   # names, not codes
    assert first[2].text() == sites[from_code]["name"] and first[2].data(Qt.ItemDataRole.UserRole) == from_code
    # 500 units of water for 800 asked: split 4:1 by priority weight (critical 8 x 400, normal 2 x 400)
    water = {a["request"]: 0 for a in result.allocations}
    for a in result.allocations:
        water[a["request"]] += a["qty"]
    assert water == {"REQ-1": 400, "REQ-2": 100, "REQ-3": 25}

    # a syntax error: the marker sits where the parser points
    number, line = line_of(editor, 'shares = split_capped(sum(free), weights, needs)')
    broken = line.replace("shares = split_capped", "shares = = split_capped")
    replace_line(editor, number, broken)
    qtbot.waitUntil(lambda: bool(editor.error_markers()), timeout=3000)   # lint runs as the operator types
    [error] = editor.error_markers()
    assert (error.line, error.column) == (number, broken.index("= =") + 3) and "Parse error" in error.message
    assert editor.editor.markers == editor.markers()
    assert editor.problems.count() >= 1 and editor.problems.item(0).text().startswith(f"{number}:")

    # fix it with undo, then a runtime error: the evaluator's line and column
    editor.editor.undo()
    assert editor.source().split("\n")[number - 1] == line
    number, line = line_of(editor, 'for request in state["requests"]:')
    replace_line(editor, number, line.replace('state["requests"]', 'state["requestz"]'))
    result = dry_run(qtbot, editor)
    assert isinstance(result, ContractError) and result.kind == "runtime"
    assert (result.line, result.column) == (number, line.index('state["requests"]') + 1)
    [marker] = editor.error_markers()
    assert (marker.line, marker.column) == (number, line.index('state["requests"]') + 1)
    assert "requestz" in editor.summary.text()
    ARTIFACTS.mkdir(exist_ok=True)
    editor.editor.go_to(number, 1)
    qtbot.wait(50)
    assert editor.grab().save(str(ARTIFACTS / "contract_editor_error.png"))

    # fixed: the plan is back, and the diff against the last good run is empty
    replace_line(editor, number, line)
    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult) and not editor.error_markers()
    assert editor.plan_model.rowCount() == len(result.allocations)
    assert editor.diff_model.rowCount() == 0

    # a parameter change shows up as a diff against the previous dry run
    editor.params.widgets["weighting"].setCurrentText("need")
    result = dry_run(qtbot, editor)
    assert isinstance(result, RunResult)
    assert editor.diff_model.rowCount() > 0
    editor.tabs.setCurrentIndex(0)
    ARTIFACTS.mkdir(exist_ok=True)
    editor.resize(1280, 760)
    qtbot.wait(50)
    assert editor.grab().save(str(ARTIFACTS / "contract_editor.png"))


def test_budget_exhaustion_marks_the_loop_and_says_so(qtbot, editor):
    editor.dry.budget = 50
    editor.set_source("def allocate(state, params):\n    x = 0\n    for i in range(10000000):\n        x += i\n"
                      "    return []\n", "spin", None)
    result = dry_run(qtbot, editor)
    assert isinstance(result, ContractError) and result.kind == "budget"
    assert "budget" in editor.summary.text() and editor.error_markers()[0].line == 3


def test_unsaved_changes_are_guarded_and_files_round_trip(qtbot, editor, tmp_path):
    editor.editor.appendPlainText("# my change")
    asked = []
    editor.files.ask_discard = lambda: asked.append(1) or "cancel"
    assert not editor.files.new_from_template("nearest_depot")
    assert asked and "# my change" in editor.source()
    target = tmp_path / "mine.star"
    editor.files.ask_discard = lambda: "save"
    editor.files.path = target
    assert editor.files.new_from_template("nearest_depot")
    assert "# my change" in target.read_text() and editor.files.contract_id == "nearest_depot"
    assert editor.files.open_file(target) and editor.files.contract_id == "mine" and "# my change" in editor.source()
    assert not editor.editor.document().isModified()


def test_propose_is_disabled_until_approvals_exist_then_emits(qtbot, editor):
    assert not editor.propose_action.isEnabled()
    assert editor.propose_action.toolTip() == PROPOSE_DISABLED_TIP
    calls = []
    editor.set_propose(lambda *args: calls.append(args))
    assert editor.propose_action.isEnabled()
    with qtbot.waitSignal(editor.deployment_requested) as blocker:
        editor.propose_action.trigger()
    contract_id, version, source, runtime = blocker.args
    assert (contract_id, version, source) == ("priority_first", 1, editor.source()) and "starlark" in runtime
    assert calls == [tuple(blocker.args)]


def test_the_main_window_opens_the_editor(qtbot, window):
    editor = window.open_contract_editor()
    editor.files.ask_discard = lambda: "discard"
    assert editor.isVisible() and "Contract editor" in editor.windowTitle()
    editor.close()


def test_a_dry_run_that_runs_long_shows_progress_and_the_operator_can_cancel_it(qtbot, editor, monkeypatch):
    monkeypatch.setattr(BackgroundRunner.instance(), "progress_delay_ms", 0)   # "long" without timing anything
    editor.dry.budget = 10 ** 15
    editor.set_source("def allocate(state, params):\n    x = 0\n    for i in range(1000000000):\n        x += i\n"
                      "    return []\n", "endless", None)
    with qtbot.waitSignal(editor.dry_run_finished, timeout=20_000) as blocker:
        editor.dry_run()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in editor.findChildren(QProgressDialog)), timeout=10_000)
        dialog = next(d for d in editor.findChildren(QProgressDialog) if d.isVisible())
        cancel = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, ContractError) and result.kind == "cancelled"
    assert "cancelled" in editor.summary.text() and editor.dry_run_action.isEnabled()


def test_a_second_dry_run_replaces_the_first_and_only_its_plan_is_shown(qtbot, editor):
    """The operator presses F5 twice: the first run goes stale, its outcome is never delivered."""
    outcomes: list = []
    editor.dry_run_finished.connect(outcomes.append)
    editor.dry_run()
    first = editor.dry.generation
    editor.dry_run_action.setEnabled(True)   # as if the operator pressed F5 again at once
    editor.dry_run()
    assert editor.dry.generation == first + 1 and editor.dry.running
    assert BackgroundRunner.instance().wait_idle(lane=editor.dry, timeout=30)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    qtbot.wait(0)   # let any other delivery already queued on the GUI thread arrive too
    assert len(outcomes) == 1 and isinstance(outcomes[0], RunResult), outcomes
    assert editor.dry.last_result is outcomes[0] and editor.dry.previous_result is None and not editor.dry.running
    assert editor.plan_model.rowCount() == len(outcomes[0].allocations) > 0
