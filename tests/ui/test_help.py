"""F1: the user guide inside the client, offline, at the section that helps."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.types import EntryType
from app.paths import USER_GUIDE
from app.ui.help_view import GuideWindow, slug

SHOTS = os.environ.get("RELIEF_LEDGER_SHOTS")


def open_guides() -> list[GuideWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideWindow) and w.isVisible()]


def line_at_cursor(guide: GuideWindow) -> str:
    return guide.browser.textCursor().block().text()


def test_the_guide_ships_with_the_client():
    assert USER_GUIDE.is_file() and USER_GUIDE.read_text(encoding="utf-8").startswith("# Relief Ledger")


def test_f1_opens_the_user_guide_inside_the_client(qtbot, window, monkeypatch):
    outside: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: outside.append(url))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(open_guides()), timeout=3000)
    guide = open_guides()[0]
    assert not outside, "the guide opened in an outside program"
    assert line_at_cursor(guide) == "Relief Ledger — user guide" and guide.browser.verticalScrollBar().value() == 0
    headings = [text for _level, text, _at in guide.headings]
    assert {"Recording", "Peers and sync", "The map"} <= set(headings)
    top = [guide.contents.topLevelItem(i).text(0) for i in range(guide.contents.topLevelItemCount())]
    assert top == ["Relief Ledger — user guide"]   # the title holds the sections
    assert "Recording" in [guide.contents.topLevelItem(0).child(i).text(0)
                           for i in range(guide.contents.topLevelItem(0).childCount())]
    if SHOTS:
        guide.resize(1280, 720)
        guide.grab().save(str(Path(SHOTS) / "user-guide-1280x720.png"))
    guide.close()


def test_the_contents_take_the_operator_to_a_section(qtbot, window):
    guide = window.open_guide()
    qtbot.waitUntil(guide.isVisible)
    item = guide.contents.findItems("The map", Qt.MatchFlag.MatchRecursive)[0]
    guide.contents.scrollToItem(item)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton,
                     pos=guide.contents.visualItemRect(item).center())
    assert line_at_cursor(guide) == "The map"
    guide.close()


def test_ctrl_f_finds_a_word_in_the_guide_and_says_when_it_is_nowhere(qtbot, window):
    guide = window.open_guide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
    qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.find_field.hasFocus()
    qtbot.keyClicks(guide.find_field, "zeroconf")
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText().lower() == "zeroconf"
    guide.find_field.clear()
    qtbot.keyClicks(guide.find_field, "qwertyuiop")
    assert guide.find_result.text() == "Not found"
    guide.close()


def test_a_link_inside_the_guide_jumps_to_its_section(qtbot, tmp_path):
    filler = "Filler paragraph.\n\n" * 80   # enough that the section starts below the first screen
    text = "# Guide\n\nSee [the map section](#the-map) below.\n\n" + filler + "## The map\n\nPins.\n"
    path = tmp_path / "guide.md"
    path.write_text(text, encoding="utf-8")
    guide = GuideWindow(path)
    qtbot.addWidget(guide)
    guide.resize(800, 400)
    guide.show()
    qtbot.waitUntil(guide.isVisible)
    found = guide.browser.document().find("the map section")
    cursor = QTextCursor(guide.browser.document())
    cursor.setPosition(found.selectionStart() + 3)
    spot = guide.browser.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(guide.browser.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert line_at_cursor(guide) == "The map"
    assert guide.browser.verticalScrollBar().value() > 0
    assert slug("Odd characters in names and notes") == "odd-characters-in-names-and-notes"


def test_f1_on_a_record_form_opens_the_guide_where_that_form_is_described(qtbot, window):
    dialog = window.open_form(EntryType.STOCK_RECEIVE)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(open_guides()), timeout=3000)
    guide = open_guides()[0]
    assert line_at_cursor(guide).startswith("Receive stock")
    assert dialog.isVisible(), "F1 never closes the form"
    guide.close()
    dialog.reject()


def test_f1_in_the_approvals_view_opens_the_guide_at_approvals(qtbot, window):
    window.docks["approvals"].show()
    window.docks["approvals"].raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(window.approvals.filter, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(open_guides()), timeout=3000)
    assert line_at_cursor(open_guides()[0]) == "Approvals"
    open_guides()[0].close()
