"""After "Sign and record" the window says what was recorded and shows it; a refusal keeps what was typed.

Screenshots of what the operator sees go to /tmp/shots-keys (looked at when the forms were built).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.forms.record_dialog import RecordDialog
from tests.conftest import signing_as
from tests.ui.conftest import settle

SHOTS = Path("/tmp/shots-keys")


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focus(), key, modifier)


def type_in(text: str) -> None:
    for char in text:
        QTest.keyClick(focus(), char)


def open_from_menu(qtbot, window, entry_type: str) -> RecordDialog:
    before = set(window.findChildren(RecordDialog))
    window.record_actions[entry_type].trigger()
    dialog = next(d for d in window.findChildren(RecordDialog) if d not in before)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def type_receipt(dialog: RecordDialog, lot: str = "NR-T-9") -> None:
    type_in("Beira")
    press(Qt.Key.Key_Return)
    type_in("Family")
    press(Qt.Key.Key_Return)
    for text in (lot, "1200", "National reserve"):
        type_in(text)
        press(Qt.Key.Key_Return)


def selected_key(window, table: str) -> str | None:
    panel = window.panels[table]
    rows = panel.view.selectionModel().selectedRows()
    return panel.model.key_at(panel.proxy.mapToSource(rows[0]).row()) if rows else None


def test_a_signed_receipt_is_named_in_the_status_bar_and_a_notice_and_its_row_is_selected(qtbot, window):
    window.resize(1280, 720)
    dialog = open_from_menu(qtbot, window, "stock.receive")
    type_receipt(dialog)
    assert dialog.pages.currentIndex() == 1
    assert "You are about to sign this as <b>Lena Logistics (WFP), key " in dialog.summary.text()
    shoot(dialog, "receipt-review")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, lambda: not dialog.isVisible())
    said = "Recorded: receipt of 1,200 Family tent, lot NR-T-9, at Beira depot"
    assert window.statusBar().currentMessage() == said
    assert window.records.notice.isVisible() and window.records.notice.text() == said
    settle(qtbot, window, lambda: selected_key(window, "stock") == "DEP-1|tent-fam|NR-T-9")
    assert window.node.state.get("stock", "DEP-1|tent-fam|NR-T-9")["qty"] == 1200
    shoot(window, "receipt-recorded-1280x720")


def test_a_request_and_a_dispatch_are_selected_in_their_docks(qtbot, window):
    request = window.open_form("request.open", {"request": "REQ-FB-1", "site": "SHL-1", "item": "water-5l",
                                                "qty": "200"})
    request.activateWindow()
    qtbot.waitUntil(lambda: request.isActiveWindow())
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert request.sentence.text().startswith("Request REQ-FB-1: 200 Drinking water 5 L for Dondo shelter")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, lambda: selected_key(window, "requests") == "REQ-FB-1")
    assert window.statusBar().currentMessage().startswith("Recorded: request REQ-FB-1: 200 Drinking water 5 L")
    dispatch = window.open_form("shipment.dispatch", {"shipment": "SHP-FB-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                                      "carrier": "Truck 7", "requests": "REQ-FB-1",
                                                      "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 200}]})
    dispatch.activateWindow()
    qtbot.waitUntil(lambda: dispatch.isActiveWindow())
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, lambda: selected_key(window, "shipments") == "SHP-FB-1")
    assert window.docks["shipments"].isVisible()
    assert window.statusBar().currentMessage() == ("Recorded: dispatch SHP-FB-1: 200 Drinking water 5 L, lot "
                                                   "WFP-001, from Beira depot to Dondo shelter, for REQ-FB-1")


def test_a_refusal_by_the_node_reopens_the_form_with_everything_typed(qtbot, window, cast):
    dialog = open_from_menu(qtbot, window, "stock.receive")
    type_receipt(dialog, lot="NR-T-10")
    with signing_as(window.node, cast.observer):   # an observer may not record receipts: the node refuses
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, window, lambda: dialog.pages.currentIndex() == 0 and not dialog.signing)
    assert dialog.isVisible()
    assert dialog.error_text().startswith("Not recorded: ") and "Nothing you typed is lost" in dialog.error_text()
    assert dialog.problem.isVisible()
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()], "no box on top of the form"
    assert dialog.widgets["lot"].text() == "NR-T-10" and dialog.widgets["qty"].text() == "1200"
    assert window.node.state.get("stock", "DEP-1|tent-fam|NR-T-10") is None
    shoot(dialog, "receipt-refused")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)      # signing as logistics again: resubmit
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, lambda: not dialog.isVisible())
    assert window.node.state.get("stock", "DEP-1|tent-fam|NR-T-10")["qty"] == 1200


def test_a_wrong_value_is_explained_beside_its_field_and_the_focus_goes_there(qtbot, window):
    dialog = open_from_menu(qtbot, window, "stock.receive")
    type_in("Beira")
    press(Qt.Key.Key_Return)
    type_in("Family")
    press(Qt.Key.Key_Return)
    type_in("NR-T-11")
    press(Qt.Key.Key_Return)
    type_in("12.5")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 0
    assert dialog.errors["qty"].isVisible() and dialog.errors["qty"].text() == "Quantity must be a whole number"
    assert not dialog.problem.isVisible(), "the sentence is beside the field, not repeated below the form"
    assert focus() is dialog.widgets["qty"]
    assert "border" in dialog.widgets["qty"].styleSheet()
    shoot(dialog, "receipt-field-error")
    QTest.keyClick(dialog.widgets["qty"], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in("12")
    press(Qt.Key.Key_Return)                       # the form is not complete yet: Enter moves on to the source
    assert focus() is dialog.widgets["source"]
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)    # review now: the source is missing
    assert dialog.errors["source"].text() == "Source is required" and not dialog.errors["qty"].isVisible()
    assert dialog.widgets["qty"].styleSheet() == "" and focus() is dialog.widgets["source"]


def test_a_proposal_is_confirmed_as_waiting_for_approval_and_shown_in_approvals(qtbot, window):
    dialog = window.open_form("stock.adjust", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001",
                                               "delta": "-20", "reason": "Crushed pallet"})
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "proposal" in dialog.summary.text()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, lambda: window.approvals.current is not None)
    assert window.approvals.current["action"] == "stock.adjust"
    assert window.statusBar().currentMessage() == (
        "Proposed: change Drinking water 5 L, lot WFP-001 at Beira depot by -20 (from 500 to 480), because Crushed "
        "pallet. It takes effect once approved (see Approvals).")


def test_enter_in_the_approval_dialog_records_the_approval(qtbot, window, cast):
    with signing_as(window.node, cast.logistics):
        window.node.append("proposal.open", {"action": "stock.adjust", "reason": "Crushed pallet",
                                             "body": {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001",
                                                      "delta": -20, "reason": "Crushed pallet"}})
    window.node.sign_as(cast.commander)
    def unlock(passphrase: str):
        if passphrase != "pass":
            raise ValueError("wrong passphrase")
        return cast.commander

    window.approvals.unlock = unlock
    settle(qtbot, window, lambda: window.pending is None and window.approvals.waiting_for_me() == 1)
    window.approvals.lists[0].selectRow(0)
    window.approvals.approve_button.click()
    dialog = window.approvals.last_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    assert focus() is dialog.passphrase
    press(Qt.Key.Key_Return)                      # no passphrase yet: told so, nothing cancelled
    assert dialog.isVisible() and "passphrase" in dialog.message.text()
    dialog.comment.setPlainText("Seen on the loading bay")
    type_in("pasS")
    press(Qt.Key.Key_Return)                      # a wrong passphrase: told in the dialog, the comment kept
    settle(qtbot, window, lambda: "wrong passphrase" in dialog.message.text())
    assert dialog.isVisible() and dialog.comment.toPlainText() == "Seen on the loading bay"
    assert focus() is dialog.passphrase and dialog.passphrase.selectedText() == "pasS"
    type_in("pass")
    press(Qt.Key.Key_Return)
    settle(qtbot, window, lambda: window.node.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == 480)
    settle(qtbot, window, lambda: not dialog.isVisible())
    proposal = next(iter(window.node.state.tables["proposals"].values()))
    assert proposal["approvals"][0]["comment"] == "Seen on the loading bay"


def test_a_delivery_line_that_differs_without_a_reason_puts_the_cursor_on_its_reason(qtbot, window):
    window.node.append("shipment.dispatch", {"shipment": "SHP-FB-9", "from_site": "DEP-1", "to_site": "SHL-1",
                                             "carrier": "Truck", "lines": [{"item": "water-5l", "lot": "WFP-001",
                                                                            "qty": 100}]})
    settle(qtbot, window, lambda: window.pending is None and "SHP-FB-9" in window.tables["shipments"])
    dialog = open_from_menu(qtbot, window, "shipment.deliver")
    type_in("SHP-FB-9")                            # the shipment picker offers it; Down and Enter take it
    popup = dialog.widgets["shipment"].completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)       # its lines are filled in
    lines = dialog.widgets["lines"]
    assert lines.value() == [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]
    lines.table.item(0, 2).setText("96")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.errors["lines"].text() == "Line 1: water-5l differs from what was dispatched; give a reason"
    assert focus() is lines.table and (lines.table.currentRow(), lines.table.currentColumn()) == (0, 3)
    assert lines.table.accessibleDescription() == dialog.errors["lines"].text()
    type_in("4 jerrycans leaking")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 1
    assert dialog.sentence.text() == ("Delivery of SHP-FB-9 at Dondo shelter: 96 Drinking water 5 L, lot WFP-001 "
                                      "received")
    assert ("Line 1", "96 Drinking water 5 L (96 jerrycan), lot WFP-001 — 4 jerrycans leaking") in [
        (dialog.facts.item(r, 0).text(), dialog.facts.item(r, 1).text()) for r in range(dialog.facts.rowCount())]
