"""Escape on every record form opened from the window's Record menu: an untouched form just closes.

Enter and Escape with typed content (Enter never cancels, Escape asks and keeps the work) are
tests/ui/test_forms_keyboard.py's, for every form type; this file adds the other half through the
real window: nothing typed, nothing asked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.forms import FORM_TITLES
from tests.ui.operator import WAIT_MS, ActionCounter, plain, visible_windows, wait_dialog


def open_from_menu(qtbot, op: ActionCounter, window, entry_type: str) -> QWidget:
    op.menu(window, "Record", FORM_TITLES[entry_type])
    return wait_dialog(qtbot, plain(FORM_TITLES[entry_type]))


class QuestionWatch:
    """Answers, with Escape, a question that a key press raises (even one shown by a blocking exec()).

    It looks every 50 ms until a question shows (and answers it) or the form has closed without one.
    """

    def __init__(self, qtbot, form: QWidget) -> None:
        self.qtbot, self.form = qtbot, form
        self.asked: str | None = None
        self.done = False
        self.looks = WAIT_MS // 50
        QTimer.singleShot(0, self._look)

    def _closed(self) -> bool:
        try:
            return not self.form.isVisible()
        except RuntimeError:      # deleted on close
            return True

    def _look(self) -> None:
        question = next((w for w in visible_windows() if isinstance(w, QMessageBox) and w is not self.form), None)
        if question is not None:
            self.asked = question.text()
            question.activateWindow()
            QTest.keyClick(question, Qt.Key.Key_Escape)
            self.done = True
        elif self._closed() or self.looks <= 0:
            self.done = True
        else:
            self.looks -= 1
            QTimer.singleShot(50, self._look)

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: self.done, timeout=2 * WAIT_MS)


@pytest.mark.parametrize("entry_type", list(FORM_TITLES))
def test_escape_on_an_untouched_form_just_closes_it(qtbot, window, entry_type):
    op = ActionCounter(qtbot)
    with op.task(entry_type):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        form = open_from_menu(qtbot, op, window, entry_type)
        watch = QuestionWatch(qtbot, form)
        op.press(Qt.Key.Key_Escape)
        watch.wait()
        assert watch.asked is None, f"nothing was typed, yet closing the {entry_type} form asked: {watch.asked}"
        assert watch._closed(), f"Escape left the untouched {entry_type} form open"
