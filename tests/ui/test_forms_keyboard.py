"""An operator fills every form from the keyboard: Enter moves on and never cancels, Escape asks first.

The keys are pressed on whatever has the focus, as a person's keyboard would; nothing here calls the
dialog's methods to do what a key should do.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from app.core.custody import countersign
from app.ui.approvals_view import DecisionDialog
from app.ui.forms import FORM_TITLES, make_record_dialog
from app.ui.forms.context import FormContext
from app.ui.forms.handover import AcceptCustodyDialog
from app.ui.forms.record_dialog import LinesEditor, RecordDialog
from tests.ui.test_forms import Recorder


@pytest.fixture
def recorder(stocked, cast):
    return Recorder(stocked, cast.logistics)


def opened(qtbot, recorder, entry_type: str, preset: dict | None = None) -> RecordDialog:
    dialog = make_record_dialog(None, entry_type, recorder.context, preset)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something always has the keyboard focus in an open form"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focus(), key, modifier)


def type_in(text: str) -> None:
    for char in text:
        QTest.keyClick(focus(), char)


def discard_question(dialog: QDialog) -> QMessageBox | None:
    return next((box for box in dialog.findChildren(QMessageBox, "discard-question") if box.isVisible()), None)


@pytest.mark.parametrize("entry_type", sorted(FORM_TITLES))
def test_enter_on_an_empty_form_moves_on_and_never_cancels(qtbot, recorder, entry_type):
    dialog = opened(qtbot, recorder, entry_type)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.window() is dialog]
    assert not any(b.autoDefault() or b.isDefault() for b in buttons), "no button takes Enter"
    closed = []
    dialog.finished.connect(closed.append)
    visited = []
    for _ in range(2 * len(dialog.widgets) + 2):
        visited.append(focus())
        press(Qt.Key.Key_Return)
        assert dialog.isVisible() and not closed
    assert len(set(visited)) > 1 or len(dialog.widgets) == 1, "Enter moved from field to field"
    assert not recorder.submitted
    for _ in range(3):        # Escape leaves a cell being edited, then the review, then the form
        press(Qt.Key.Key_Escape)
        assert discard_question(dialog) is None, "nothing was typed: Escape closes without a question"
        if not dialog.isVisible():
            break
    assert closed == [QDialog.DialogCode.Rejected]


@pytest.mark.parametrize("entry_type", sorted(FORM_TITLES))
def test_escape_with_typed_content_asks_and_keeps_it(qtbot, recorder, entry_type):
    dialog = opened(qtbot, recorder, entry_type)
    line = next(w for w in dialog.widgets.values() if isinstance(w, QLineEdit))   # every form has a text field
    line.setFocus()
    type_in("12")
    press(Qt.Key.Key_Escape)
    box = discard_question(dialog)
    assert box is not None and dialog.isVisible()
    assert box.text() == f"Discard this {dialog_noun(entry_type)}?"
    QTest.keyClick(box, Qt.Key.Key_Escape)       # Escape in the question keeps editing
    assert dialog.isVisible() and line.text().endswith("12")
    dialog.close()                               # the window's close button asks too
    box = discard_question(dialog)
    assert box is not None and dialog.isVisible()
    box.property("discardButton").click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def dialog_noun(entry_type: str) -> str:
    from app.ui.forms.review import noun
    return noun(entry_type)


def test_a_receipt_typed_from_the_keyboard_is_reviewed_with_enter_and_signed_with_ctrl_enter(qtbot, recorder):
    dialog = opened(qtbot, recorder, "stock.receive")
    assert focus() is dialog.widgets["site"]
    type_in("Beira")                             # a choice list jumps to the name typed
    press(Qt.Key.Key_Return)
    assert focus() is dialog.widgets["item"]
    type_in("Family")
    press(Qt.Key.Key_Return)
    for text in ("NR-T-9", "1200", "National reserve"):
        type_in(text)
        press(Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 1, "the form is complete: Enter opens the review"
    assert dialog.sentence.text() == "Receive 1,200 Family tent, lot NR-T-9, at Beira depot from National reserve"
    press(Qt.Key.Key_Return)                     # a plain Enter on the review signs nothing
    assert not recorder.submitted and dialog.isVisible()
    press(Qt.Key.Key_Escape)                     # Escape on the review goes back to the form, all kept
    assert dialog.pages.currentIndex() == 0 and dialog.widgets["lot"].text() == "NR-T-9"
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)    # Ctrl+Enter: review
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)    # Ctrl+Enter again: sign
    assert recorder.submitted == [("stock.receive", {"site": "DEP-1", "item": "tent-fam", "lot": "NR-T-9",
                                                     "qty": 1200, "source": "National reserve"})]
    assert recorder.node.state.get("stock", "DEP-1|tent-fam|NR-T-9")["qty"] == 1200
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_shipment_lines_are_typed_cell_by_cell_with_enter(qtbot, recorder):
    dialog = opened(qtbot, recorder, "shipment.dispatch")
    type_in("SHP-KB-1")
    press(Qt.Key.Key_Return)
    type_in("Beira")
    press(Qt.Key.Key_Return)
    type_in("Dondo")
    press(Qt.Key.Key_Return)
    type_in("Truck 7")
    press(Qt.Key.Key_Return)
    lines = dialog.widgets["lines"]
    assert isinstance(lines, LinesEditor) and focus() is lines.table
    for text in ("water-5l", "WFP-001", "120"):   # the first key starts editing the cell, Enter moves on
        type_in(text)
        press(Qt.Key.Key_Return)
    assert lines.table.rowCount() == 2, "Enter past the last cell adds a line"
    press(Qt.Key.Key_Return)                      # Enter on the empty new line: the lines are done
    assert lines.table.rowCount() == 1
    assert dialog.pages.currentIndex() == 1, "the dispatch is complete: the review opens"
    assert lines.value() == [{"item": "water-5l", "lot": "WFP-001", "qty": 120}]
    assert dialog.sentence.text() == ("Dispatch SHP-KB-1: 120 Drinking water 5 L, lot WFP-001, from Beira depot to "
                                      "Dondo shelter")


def test_alt_a_adds_a_line(qtbot, recorder):
    dialog = opened(qtbot, recorder, "shipment.dispatch")
    lines = dialog.widgets["lines"]
    press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: lines.table.rowCount() == 2)    # a mnemonic shows the button pressed, then clicks


def test_tab_goes_through_the_fields_then_review_then_cancel(qtbot, recorder):
    dialog = opened(qtbot, recorder, "request.open")
    order = []
    while focus() is not dialog.cancel_button and len(order) < 40:
        order.append(focus())
        press(Qt.Key.Key_Tab)
    order = [w for i, w in enumerate(order) if i == 0 or order[i - 1] is not w]   # Tab walks a date's parts
    fields = [dialog.widgets[name] for name in ("request", "site", "item", "qty", "priority", "needed_by_ms",
                                                "note")]
    assert order[:len(fields)] == fields
    assert order[-1] is dialog.review_button


def test_enter_on_the_cancel_button_does_not_cancel(qtbot, recorder):
    dialog = opened(qtbot, recorder, "request.cancel")
    type_in("REQ")
    dialog.cancel_button.setFocus()
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and discard_question(dialog) is None
    assert not dialog.cancel_button.isDefault() and not dialog.cancel_button.autoDefault()


def test_an_over_draw_is_acknowledged_from_the_keyboard(qtbot, recorder):
    preset = {"shipment": "SHP-KB-2", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "Truck 7",
              "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 800}]}
    dialog = opened(qtbot, recorder, "shipment.dispatch", preset)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 0 and "over-draw" in dialog.warning_text.text()
    assert focus() is dialog.warning
    press(Qt.Key.Key_Return)                     # Enter without ticking: still asks
    assert dialog.pages.currentIndex() == 0
    press(Qt.Key.Key_Space)                      # tick "I understand; record it anyway"
    press(Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 1
    assert dialog.review_warnings.text().startswith("⚠ Lot WFP-001 at Beira depot holds 500")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert recorder.node.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == -300


def test_alt_m_removes_the_line_the_cursor_is_on(qtbot, recorder):
    preset = {"lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 5}, {"item": "tent-fam", "lot": "NR-T-1",
                                                                          "qty": 2}]}
    dialog = opened(qtbot, recorder, "shipment.dispatch", preset)
    lines = dialog.widgets["lines"]
    lines.table.setFocus()
    lines.table.setCurrentCell(0, 0)
    press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: lines.table.rowCount() == 1)
    assert lines.value() == [{"item": "tent-fam", "lot": "NR-T-1", "qty": 2}]


def test_enter_in_the_receivers_acceptance_signs_it_and_keeps_the_dialog_open(qtbot, recorder, cast):
    recorder.node.append("shipment.dispatch", {"shipment": "SHP-KB-9", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "Truck", "lines": [{"item": "water-5l", "lot": "WFP-001",
                                                                              "qty": 10}]})
    receiver = AcceptCustodyDialog(FormContext(**{**recorder.context.__dict__, "identity": cast.field}))
    qtbot.addWidget(receiver)
    receiver.show()
    receiver.activateWindow()
    receiver.shipment.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is receiver.shipment)
    press(Qt.Key.Key_Return)
    assert receiver.isVisible()
    assert receiver.acceptance is not None and len(receiver.code.text()) == 9
    assert receiver.acceptance.receiver_sig == countersign(cast.field, recorder.node.network_id, "SHP-KB-9",
                                                           cast.logistics.public_key_hex, 0)


def test_escape_in_an_approval_with_a_comment_typed_asks_first(qtbot, recorder, cast):
    recorder.submit("proposal.open", {"action": "stock.adjust", "reason": "Crushed pallet",
                                      "body": {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "delta": -20,
                                               "reason": "Crushed pallet"}})
    tables = recorder.context.tables()
    row = next(iter(tables["proposals"].values()))
    dialog = DecisionDialog("reject", row, tables)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.comment)
    type_in("Count again first")
    press(Qt.Key.Key_Escape)
    assert dialog.isVisible() and discard_question(dialog) is not None
    assert discard_question(dialog).text() == "Discard this rejection?"
    QTest.keyClick(discard_question(dialog), Qt.Key.Key_Return)      # Enter in the question keeps editing
    assert dialog.isVisible() and dialog.comment.toPlainText() == "Count again first"
    press(Qt.Key.Key_Tab)
    assert focus() is dialog.passphrase
    press(Qt.Key.Key_Return)                      # no passphrase: told so, the dialog stays
    assert dialog.isVisible() and "passphrase" in dialog.message.text()
    type_in("pw")
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(dialog.kind))
    press(Qt.Key.Key_Return)
    assert accepted == ["reject"] and not dialog.isVisible()
    assert not any(b.autoDefault() or b.isDefault() for b in dialog.findChildren(QPushButton) if b.window() is dialog)
