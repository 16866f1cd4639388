"""The overview at the start of a shift on the demo exercise, and conflicts an operator can act on.

Screenshots at 1280x720 go to $RL_SHOTS (default /tmp/shots-over) for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from app.core.situation import situation
from app.exercise.demo import PASSPHRASE, build_demo
from app.node import Node
from app.ui.app import tune_runtime
from app.ui.bridge import NodeBridge
from app.ui.forms.record_dialog import RecordDialog
from app.ui.main_window import MainWindow
from app.ui.overview import CARDS
from tests.conftest import signing_as
from tests.ui.conftest import settle

SHOTS = Path(os.environ.get("RL_SHOTS", "/tmp/shots-over"))
HOUR = 3_600_000


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "replica"
    build_demo(data, progress=False, seed=7)
    return data


@pytest.fixture
def demo_window(qtbot, demo_dir, tmp_path, monkeypatch):
    """The demo replica opened as National EOC Beira, the morning after the last entry (a fixed clock)."""
    tune_runtime()
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    import shutil
    copy = tmp_path / "replica"
    shutil.copytree(demo_dir, copy)
    probe = Node.open(copy, PASSPHRASE)
    morning = max(e.ts for e in probe.entries_in_order()) + 2 * HOUR
    probe.close()
    node = Node.open(copy, PASSPHRASE, clock=lambda: morning)
    bridge = NodeBridge(node)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    node.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    win.close()
    node.close()


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_the_overview_is_the_first_thing_shown_and_counts_what_the_state_says(demo_window):
    win = demo_window
    assert win.central_tabs.currentWidget() is win.overview
    me = win.node.identity.public_key_hex
    expected = situation(win.tables, win.node.clock(), me)
    assert win.overview.current == expected
    counts = expected.counts()
    shown = {name: int(button.count.text()) for name, button in win.overview.buttons.items()}
    assert shown == {card.name: counts[card.name] for card in CARDS}
    # the demo's morning: the tarpaulin over-draw and two short deliveries are open, trucks are on the road
    assert counts["conflicts"] == 3 and counts["stale"] >= 1 and counts["overdue"] >= 1 and counts["short"] >= 1
    shot(win, "overview-1280x720")


def test_clicking_a_count_shows_and_selects_its_rows(demo_window, qtbot):
    win = demo_window
    overdue = win.overview.keys("overdue")
    qtbot.mouseClick(win.overview.buttons["overdue"], Qt.MouseButton.LeftButton)
    panel = win.panels["requests"]
    assert win.docks["requests"].isVisible()
    assert panel.proxy.rowCount() == len(overdue)
    assert sorted(panel.selected_keys()) == sorted(overdue)
    assert panel.only_bar.isVisible()
    shot(win, "overview-click-overdue-1280x720")
    qtbot.mouseClick(panel.only_all, Qt.MouseButton.LeftButton)
    assert panel.proxy.rowCount() == len(win.tables["requests"])

    stale = win.overview.keys("stale")
    win.overview.buttons["stale"].setFocus()
    qtbot.keyClick(win.overview.buttons["stale"], Qt.Key.Key_Space)   # keyboard works as well as the mouse
    assert sorted(win.panels["shipments"].selected_keys()) == sorted(stale)

    waiting = win.overview.keys("approvals")
    qtbot.mouseClick(win.overview.buttons["approvals"], Qt.MouseButton.LeftButton)
    assert win.docks["approvals"].isVisible() and win.approvals.current["proposal"] == waiting[0]


def test_a_hidden_overview_recounts_when_it_is_shown_again(window, stocked, cast, qtbot):
    """While the operator reads the ledger, a request arrives; back on the overview it is counted."""
    window.central_tabs.setCurrentWidget(window.explorer)
    with signing_as(stocked, cast.field):
        stocked.append("request.open", {"request": "REQ-7", "site": "SHL-1", "item": "tent-fam", "qty": 40,
                                        "priority": "critical", "needed_by_ms": 1})
    settle(qtbot, window, lambda: "REQ-7" in window.models["requests"].rows)
    assert window.overview.dirty
    bar = window.central_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.central_tabs.currentWidget() is window.overview and not window.overview.dirty
    assert window.overview.keys("overdue") == ["REQ-7"] and window.overview.keys("short") == ["REQ-7"]
    assert window.overview.buttons["short"].count.text() == "1"


def test_overdue_requests_and_unseen_trucks_are_marked_in_their_tables_too(demo_window):
    win = demo_window
    requests, shipments = win.models["requests"], win.models["shipments"]
    late_column = [c.header for c in requests.columns].index("Overdue")
    marked = {key for key in requests.keys if requests.data(requests.index(requests.row_for(key), late_column))}
    assert marked == set(win.overview.keys("overdue"))
    assert requests.data(requests.index(requests.row_for("REQ-DON-001"), late_column)) == "5 d 7 h late"
    seen_column = [c.header for c in shipments.columns].index("Last seen")
    unseen = {key for key in shipments.keys
              if "not seen" in shipments.data(shipments.index(shipments.row_for(key), seen_column))}
    assert unseen == set(win.overview.keys("stale"))
    assert requests.headerData(late_column, Qt.Orientation.Horizontal) == "Overdue"


def test_ctrl_1_brings_the_overview_back_from_the_ledger(demo_window, qtbot):
    win = demo_window
    first = win.explorer.model.entries[0].hash
    win.explorer.select_hash(first)
    assert win.central_tabs.currentWidget() is win.explorer
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.central_tabs.currentWidget() is win.overview


def test_an_over_draw_explains_itself_and_its_button_opens_the_adjustment_filled_in(demo_window, qtbot):
    win = demo_window
    panel = win.panels["conflicts"]
    key = "overdraw:WH-CHIMOIO|tarpaulin|NR-TARP-0314"
    qtbot.mouseClick(win.overview.buttons["conflicts"], Qt.MouseButton.LeftButton)
    assert win.docks["conflicts"].isVisible() and sorted(panel.selected_keys()) == win.overview.keys("conflicts")
    at = panel.proxy.mapFromSource(panel.model.index(panel.model.row_for(key), 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(at).center())
    assert panel.selected_keys() == [key]
    text = win.conflicts_view.detail.toPlainText()
    assert "150 more" in text and "Chimoio provincial warehouse" in text and "{" not in text
    assert "\"balance\"" not in text   # words, not the row's JSON
    button = win.conflicts_view.buttons[0]
    assert button.text().startswith("Propose an adjustment of +150")
    shot(win, "conflict-overdraw-1280x720")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in win.findChildren(RecordDialog) if d.isVisible()]
    assert len(dialogs) == 1
    form = dialogs[0]
    assert form.entry_type == "stock.adjust"
    assert (form.readers["site"](), form.readers["item"](), form.readers["lot"](), form.readers["delta"]()) == (
        "WH-CHIMOIO", "tarpaulin", "NR-TARP-0314", 150)
    shot(form, "conflict-overdraw-form")
    form.reject()


def test_a_short_delivery_offers_to_request_the_missing_goods(demo_window, qtbot):
    win = demo_window
    panel = win.panels["conflicts"]
    key = next(k for k, c in win.tables["conflicts"].items() if c["kind"] == "discrepancy")
    panel.show_keys({key})
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    assert "sent" in win.conflicts_view.detail.toPlainText()
    qtbot.mouseClick(win.conflicts_view.buttons[0], Qt.MouseButton.LeftButton)
    form = next(d for d in win.findChildren(RecordDialog) if d.isVisible())
    shipment = win.tables["shipments"][win.tables["conflicts"][key]["shipment"]]
    line = shipment["discrepancies"][0]
    assert form.entry_type == "request.open"
    assert form.readers["site"]() == shipment["to_site"] and form.readers["item"]() == line["item"]
    assert form.readers["qty"]() == line["sent"] - line["received"]
    form.reject()


def test_a_resolved_over_draw_reads_resolved_by_the_receipt_not_over_drawn(window, stocked, cast, qtbot):
    """The depot shipped 600 jerrycans from a lot of 500; the missing receipt of 100 arrives later."""
    with signing_as(stocked, cast.logistics):
        stocked.append("shipment.dispatch", {"shipment": "SHP-9", "from_site": "DEP-1", "to_site": "SHL-1",
                                             "carrier": "truck 9",
                                             "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 600}]})
    key = "overdraw:DEP-1|water-5l|WFP-001"
    settle(qtbot, window, lambda: key in window.models["conflicts"].rows)
    assert int(window.overview.buttons["conflicts"].count.text()) == 1
    with signing_as(stocked, cast.logistics):
        receipt = stocked.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 100,
                                                   "source": "WFP"})
    settle(qtbot, window, lambda: not window.models["conflicts"].rows[key]["open"])
    model = window.models["conflicts"]
    what = model.data(model.index(model.row_for(key), 2))
    assert "over-drawn" not in what
    assert f"resolved by a receipt {receipt.hash[:10]}" in what and "balance now 0" in what
    assert int(window.overview.buttons["conflicts"].count.text()) == 0
    panel = window.panels["conflicts"]
    panel.view.setCurrentIndex(panel.proxy.index(model.row_for(key), 0))
    assert "resolved by" in window.conflicts_view.detail.toPlainText()
    assert window.conflicts_view.buttons == []   # nothing left to do
    window.resize(1280, 720)
    window.docks["conflicts"].raise_()
    shot(window, "conflict-resolved-1280x720")
