"""Enter and Escape on every record form, pressed as an operator presses them: typed work is never lost.

Each form is opened from the Record menu with the mouse, a few words are typed into its first text
field, and then the operator hits Enter, then Escape. Enter may move on or open the review, never
cancel; Escape on a form with typed content asks first, and answering the question with Escape
keeps the form and what was typed. Escape on an untouched form just closes it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from app.ui.forms import FORM_TITLES
from tests.ui.operator import WAIT_MS, ActionCounter, plain, visible_windows, wait_dialog

TYPED = "typed at 3 a.m."


def open_from_menu(qtbot, op: ActionCounter, window, entry_type: str) -> QWidget:
    op.menu(window, "Record", FORM_TITLES[entry_type])
    return wait_dialog(qtbot, plain(FORM_TITLES[entry_type]))


def first_text_field(form: QWidget) -> QLineEdit:
    fields = [f for f in form.findChildren(QLineEdit) if f.isVisible() and f.isEnabled() and not f.isReadOnly()
              and f.parent() is not None and "QComboBox" not in type(f.parent()).__name__]
    assert fields, f"{form.windowTitle()} has no field to type into"
    return fields[0]


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


@pytest.mark.xfail(strict=True, reason="today Enter in a record form presses Cancel (Cancel becomes the default "
                                       "button) and Escape discards typed work without asking: issue #19 item 1")
@pytest.mark.parametrize("entry_type", list(FORM_TITLES))
def test_enter_and_escape_never_throw_typed_work_away(qtbot, window, entry_type):
    op = ActionCounter(qtbot)
    with op.task(entry_type):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        form = open_from_menu(qtbot, op, window, entry_type)
        field = first_text_field(form)
        op.click(field)
        op.type(TYPED)
        op.press(Qt.Key.Key_Return)
        QApplication.processEvents()
        assert form.isVisible(), f"Enter closed the {entry_type} form: what was typed is lost"
        assert field.text() == TYPED
        if not field.hasFocus():   # Enter moved on to the next field: the operator goes back to it
            op.click(field)
        watch = QuestionWatch(qtbot, form)
        op.press(Qt.Key.Key_Escape)
        watch.wait()
        assert watch.asked, f"Escape on the {entry_type} form with typed content did not ask first"
        assert form.isVisible() and field.text() == TYPED, "answering the question with Escape must keep the form"


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
        qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
