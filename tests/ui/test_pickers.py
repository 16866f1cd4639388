"""Choices, not codes: an operator finds sites, items, lots and members by typing part of a name, and a
form opened on a selected request or shipment arrives filled in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from app.core.types import EntryType
from app.ui.forms import make_record_dialog
from app.ui.forms.pickers import Picker
from app.ui.forms.record_dialog import RecordDialog
from tests.conftest import signing_as
from tests.ui.conftest import settle
from tests.ui.test_forms import Recorder

DAY_MS = 86_400_000


@pytest.fixture
def recorder(stocked, cast):
    return Recorder(stocked, cast.logistics)


def form(qtbot, recorder, entry_type: str, preset: dict | None = None) -> RecordDialog:
    dialog = make_record_dialog(None, entry_type, recorder.context, preset)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_and_pick(qtbot, picker: Picker, text: str) -> list[str]:
    """Type into the picker as an operator would, then take the first suggestion with Down and Enter;
    returns what the suggestion list showed."""
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, text)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    return shown


def test_typing_part_of_a_site_name_finds_it_and_the_form_signs_its_code(qtbot, recorder):
    d = form(qtbot, recorder, EntryType.STOCK_RECEIVE)
    site = d.widgets["site"]
    assert isinstance(site, Picker) and site.code() is None          # nothing chosen for the operator
    suggestions = type_and_pick(qtbot, site, "DOND")
    assert len(suggestions) == 1 and suggestions[0].startswith("Dondo shelter")
    assert site.currentText().startswith("Dondo shelter") and site.code() == "SHL-1"
    assert type_and_pick(qtbot, d.widgets["item"], "tent")[0].startswith("Family tent")
    for name, value in (("lot", "NR-T-9"), ("qty", "40"), ("source", "National reserve")):
        d.widgets[name].setText(value)
    assert d.review(), d.problem.text()
    assert '"item":"tent-fam"' in d.canonical.toPlainText() and '"site":"SHL-1"' in d.canonical.toPlainText()


def test_a_typed_code_or_a_unique_part_of_a_name_is_taken_on_leaving_the_box(qtbot, recorder, cast):
    d = form(qtbot, recorder, EntryType.SHIPMENT_DISPATCH)
    qtbot.keyClicks(d.widgets["from_site"].edit, "dep-1")
    assert d.widgets["from_site"].code() == "DEP-1"
    to_site = d.widgets["to_site"]
    qtbot.keyClicks(to_site.edit, "shelter")
    to_site.edit.editingFinished.emit()                              # Tab away
    assert to_site.code() == "SHL-1" and to_site.currentText().startswith("Dondo shelter")
    qtbot.keyClicks(to_site.edit, "x")                               # names nothing offered: kept as typed
    assert to_site.code() == to_site.currentText().strip()
    to_site.set_code("")
    qtbot.keyClicks(to_site.edit, "e")                               # in both names: not guessed at
    d.widgets["shipment"].setText("SHP-1")
    d.widgets["carrier"].setText("Truck")
    assert not d.review() and "matches 2 entries; pick one" in d.problem.text()


def test_a_member_is_picked_by_name_and_the_form_signs_the_key(qtbot, stocked, cast):
    commander = Recorder(stocked, cast.commander)
    stocked.sign_as(cast.commander)
    d = form(qtbot, commander, EntryType.MEMBER_REVOKE)
    member = d.widgets["key"]
    suggestions = type_and_pick(qtbot, member, "omar")
    assert suggestions[0].startswith("Omar Observer (OCHA)")          # the name first, never the hex key
    assert member.code() == cast.observer.public_key_hex
    assert not any(c.name == c.code for c in member.choices)


def test_lots_offered_are_those_at_the_chosen_site_and_the_first_to_expire_is_taken(qtbot, recorder, cast):
    node = recorder.node
    node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-002", "qty": 80, "source": "WFP",
                                  "expiry_ms": 1_800_000_000_000})
    node.append("stock.receive", {"site": "SHL-1", "item": "water-5l", "lot": "WFP-SHL", "qty": 10, "source": "WFP"})
    expiry = {"WFP-002": 1_800_000_000_000}
    recorder.context = type(recorder.context)(**{**recorder.context.__dict__,
                                                 "lot_expiry": lambda lots: {k: v for k, v in expiry.items()
                                                                             if k in lots}})
    d = form(qtbot, recorder, EntryType.STOCK_DISTRIBUTE)
    d.set_value("site", "DEP-1")
    d.set_value("item", "water-5l")
    lot = d.widgets["lot"]
    assert [c.code for c in lot.choices] == ["WFP-002", "WFP-001"]   # expiring first, then the one with none
    assert lot.code() == "WFP-002" and "take this one first" in lot.currentText()
    d.set_value("site", "SHL-1")
    assert [c.code for c in lot.choices] == ["WFP-SHL"] and lot.code() == "WFP-SHL"


def test_a_dispatch_line_is_picked_by_item_name_and_takes_its_lot_and_the_requests_need(qtbot, recorder, cast):
    with signing_as(recorder.node, cast.field):
        recorder.node.append("request.open", {"request": "REQ-SHL-001", "site": "SHL-1", "item": "water-5l",
                                              "qty": 120, "priority": "high", "needed_by_ms": 1_900_000_000_000})
    d = form(qtbot, recorder, EntryType.SHIPMENT_DISPATCH)
    d.set_value("from_site", "DEP-1")
    d.set_value("to_site", "SHL-1")
    assert d.widgets["shipment"].text() == "SHP-SHL-001"             # proposed, editable
    d.widgets["requests"].setText("REQ-SHL-001")
    lines = d.widgets["lines"]
    lines.table.setFocus()
    lines.table.setCurrentCell(0, 0)
    qtbot.keyClick(lines.table, Qt.Key.Key_F2)                        # edit the item cell
    editors = lines.table.findChildren(Picker)
    assert len(editors) == 1
    editor = editors[0]
    assert {c.code for c in editor.choices} == {"water-5l", "tent-fam"}
    type_and_pick(qtbot, editor, "drink")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
    assert lines.table.item(0, 0).text() == "Drinking water 5 L"
    assert lines.value() == [{"item": "water-5l", "lot": "WFP-001", "qty": 120}]


def row_position(panel, key):
    """Where the row `key` sits in the table's viewport (for a click on it)."""
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_for(key), 0))
    return panel.view.visualRect(index).center()


def right_click(qtbot, panel, key) -> None:
    panel.view.setFocus()
    viewport, pos = panel.view.viewport(), row_position(panel, key)
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=pos)
    # the window system follows a right click with a context-menu event (offscreen Qt does not: send it)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: panel.menu is not None and panel.menu.isVisible(), timeout=2000)
    assert panel.selected_key() == key


def choose(qtbot, menu, label: str) -> None:
    """Walk down the menu with the arrow keys to `label` and press Enter, as on a keyboard."""
    labels = [a.text() for a in menu.actions()]
    for _ in range(labels.index(label) + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def opened(window) -> RecordDialog:
    dialogs = [d for d in window.findChildren(RecordDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_dispatch_for_a_selected_request_arrives_filled_in(qtbot, window, cast):
    node = window.bridge.node
    # a smaller lot at the depot that expires: it goes first, as its receipt said
    node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-EXP", "qty": 50, "source": "WFP",
                                  "expiry_ms": 1_767_225_600_000 + 60 * DAY_MS})
    with signing_as(node, cast.field):
        node.append("request.open", {"request": "REQ-SHL-007", "site": "SHL-1", "item": "water-5l", "qty": 300,
                                     "priority": "critical", "needed_by_ms": 1_767_225_600_000 + DAY_MS})
    window.bridge._on_stored([])
    settle(qtbot, window, lambda: window.models["requests"].row_for("REQ-SHL-007") >= 0)
    window.docks["requests"].raise_()
    panel = window.panels["requests"]
    right_click(qtbot, panel, "REQ-SHL-007")
    choose(qtbot, panel.menu, "Dispatch for this request…")
    d = opened(window)
    assert d.entry_type == EntryType.SHIPMENT_DISPATCH
    assert (d.readers["from_site"](), d.readers["to_site"](), d.readers["requests"]()) == \
        ("DEP-1", "SHL-1", ["REQ-SHL-007"])
    assert d.widgets["to_site"].currentText().startswith("Dondo shelter")
    assert d.readers["shipment"]() == "SHP-SHL-001"
    assert d.readers["lines"]() == [{"item": "water-5l", "lot": "WFP-EXP", "qty": 50},
                                    {"item": "water-5l", "lot": "WFP-001", "qty": 250}]
    d.widgets["carrier"].setText("Truck 7")
    assert d.review(), d.problem.text() or d.warning_text.text()
    d.reject()


def test_delivery_of_the_selected_shipment_opens_filled_in_from_the_record_menu(qtbot, window, cast):
    node = window.bridge.node
    node.append("shipment.dispatch", {"shipment": "SHP-9", "from_site": "DEP-1", "to_site": "SHL-1",
                                      "carrier": "Truck", "lines": [{"item": "water-5l", "lot": "WFP-001",
                                                                     "qty": 100}]})
    window.bridge._on_stored([])
    settle(qtbot, window, lambda: window.models["shipments"].row_for("SHP-9") >= 0)
    window.docks["shipments"].raise_()
    panel = window.panels["shipments"]
    panel.view.setFocus()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=row_position(panel, "SHP-9"))
    assert panel.selected_key() == "SHP-9"
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    d = opened(window)
    assert d.entry_type == EntryType.SHIPMENT_DELIVER and d.readers["shipment"]() == "SHP-9"
    assert d.readers["lines"]() == [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]
    assert d.widgets["lines"].table.item(0, 0).text() == "Drinking water 5 L"
    d.reject()
    right_click(qtbot, panel, "SHP-9")
    assert [a.text() for a in panel.menu.actions()] == ["Record delivery…", "Hand over custody…", "Report position…"]
    panel.menu.close()
    window.central_tabs.setCurrentWidget(window.explorer)
    window.explorer.setFocus()                                         # no table focused: a blank form
    qtbot.keyClick(window.explorer, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    assert opened(window).readers["shipment"]() is None


def test_a_stock_row_offers_receipt_dispatch_distribution_and_adjustment_of_that_lot(qtbot, window):
    panel = window.panels["stock"]
    key = "DEP-1|water-5l|WFP-001"
    right_click(qtbot, panel, key)
    assert [a.text() for a in panel.menu.actions()] == ["Receive more of this item here…", "Dispatch from here…",
                                                          "Distribute…", "Propose adjustment…"]
    choose(qtbot, panel.menu, "Propose adjustment…")
    d = opened(window)
    assert d.entry_type == EntryType.STOCK_ADJUST
    assert (d.readers["site"](), d.readers["item"](), d.readers["lot"]()) == ("DEP-1", "water-5l", "WFP-001")
    d.reject()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)   # Distribute, from the row
    d = opened(window)
    assert d.entry_type == EntryType.STOCK_DISTRIBUTE
    assert (d.readers["site"](), d.readers["item"](), d.readers["lot"]()) == ("DEP-1", "water-5l", "WFP-001")


def test_a_request_picked_for_a_dispatch_adds_a_line_for_what_it_still_needs(qtbot, recorder, cast):
    with signing_as(recorder.node, cast.field):
        for request, item, qty in (("REQ-SHL-001", "water-5l", 120), ("REQ-SHL-002", "tent-fam", 8)):
            recorder.node.append("request.open", {"request": request, "site": "SHL-1", "item": item, "qty": qty,
                                                  "priority": "high", "needed_by_ms": 1_900_000_000_000})
    d = form(qtbot, recorder, EntryType.SHIPMENT_DISPATCH)
    d.set_value("from_site", "DEP-1")
    d.set_value("to_site", "SHL-1")
    requests = d.widgets["requests"]
    requests.setFocus()
    qtbot.keyClicks(requests, "drinking")                            # the request for water, found by its item
    popup = d.request_completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().rowCount() == 1 and "120 Drinking water 5 L still to send" in popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert requests.text() == "REQ-SHL-001"
    assert d.readers["lines"]() == [{"item": "water-5l", "lot": "WFP-001", "qty": 120}]
    qtbot.keyClicks(requests, ", tent")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert d.readers["requests"]() == ["REQ-SHL-001", "REQ-SHL-002"]
    assert d.readers["lines"]()[0] == {"item": "water-5l", "lot": "WFP-001", "qty": 120}
    assert d.widgets["lines"].code(1, 0) == "tent-fam" and d.widgets["lines"].table.item(1, 2).text() == "8"


def test_ctrl_r_on_a_stock_row_opens_a_receipt_of_that_item_there_with_the_cursor_on_the_lot(qtbot, window):
    panel = window.panels["stock"]
    key = "DEP-1|water-5l|WFP-001"
    panel.view.setFocus()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=row_position(panel, key))
    assert panel.selected_key() == key
    qtbot.keyClick(panel.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    d = opened(window)
    assert d.entry_type == EntryType.STOCK_RECEIVE
    assert (d.readers["site"](), d.readers["item"](), d.readers["source"]()) == ("DEP-1", "water-5l", "WFP")
    assert d.focusWidget() is d.widgets["lot"], "the cursor starts on the first field the row did not fill"
    d.reject()


def test_a_shipment_id_typed_and_reviewed_at_once_brings_its_lines(qtbot, window):
    node = window.bridge.node
    node.append("shipment.dispatch", {"shipment": "SHP-8", "from_site": "DEP-1", "to_site": "SHL-1",
                                      "carrier": "Truck", "lines": [{"item": "water-5l", "lot": "WFP-001",
                                                                     "qty": 40}]})
    window.bridge._on_stored([])
    settle(qtbot, window, lambda: window.models["shipments"].row_for("SHP-8") >= 0)
    d = make_record_dialog(None, EntryType.SHIPMENT_DELIVER, window.records.form_context())
    qtbot.addWidget(d)
    d.show()
    picker = d.widgets["shipment"]
    picker.set_code("")
    qtbot.keyClicks(picker.edit, "SHP-8")     # typed, then straight to Review: no Tab, no Enter
    assert d.review(), d.problem.text()
    assert d.readers["lines"]() == [{"item": "water-5l", "lot": "WFP-001", "qty": 40}]
