"""Keys that never throw work away: Enter moves on, Escape asks before discarding, no button is a trap.

Qt's dialogs press the "default" button on Enter and reject on Escape. In a form an operator fills at
3 a.m. that loses work: Enter on a focused Cancel cancelled, Escape dropped a filled receipt. The forms
use these helpers instead: no push button is ever default or auto-default (Enter reaches the dialog,
which decides), typed content is compared with what the form opened with, and discarding it is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QWidget,
)

translate = QCoreApplication.translate
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in ENTER_KEYS


def with_ctrl(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def no_default_buttons(root: QWidget) -> None:
    """No push button under `root` answers Enter by itself: the dialog's own key handling decides."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def focus_chain(widget: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside `widget`, in the order they were laid out."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    chain: list[QWidget] = []
    for child in widget.children():
        if isinstance(child, QWidget) and not child.isWindow():
            chain += focus_chain(child)
    return chain


def contains(widget: QWidget, other: QWidget | None) -> bool:
    return other is not None and (other is widget or widget.isAncestorOf(other))


def widget_state(root: QWidget) -> list[object]:
    """What the operator has entered under `root`, as comparable values (typed text, choices, ticks, dates).

    A composite widget counts once, by its value: a table by its cells (not the editors it opens and
    closes), a choice list by its choice, a date by its time.
    """
    state: list[object] = []
    for child in root.children():
        if not isinstance(child, QWidget):
            continue
        if isinstance(child, QTableWidget):    # rows with something typed in them; empty lines are no work
            rows = [[(cell.text() if (cell := child.item(r, c)) else "") for c in range(child.columnCount())]
                    for r in range(child.rowCount())]
            state.append([row for row in rows if any(text.strip() for text in row)])
        elif isinstance(child, QComboBox):
            state.append((child.currentIndex(), child.currentText()))
        elif isinstance(child, QDateTimeEdit):
            state.append(child.dateTime().toMSecsSinceEpoch())
        elif isinstance(child, QLineEdit):
            state.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            state.append(child.toPlainText())
        elif isinstance(child, QAbstractButton):
            state.append(child.isChecked() if child.isCheckable() else None)
        elif not isinstance(child, QAbstractItemView):
            state += widget_state(child)
    return state


def ask_discard(parent: QWidget, what: str, discard: Callable[[], None]) -> QMessageBox:
    """Ask "Discard this receipt?"; only an explicit Discard discards. Escape or Enter keeps editing."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Keyboard", "Discard?"),
                      translate("Keyboard", "Discard this {0}?").format(what), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(translate("Keyboard", "What you entered in this form will be lost."))
    keep = box.addButton(translate("Keyboard", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    drop = box.addButton(translate("Keyboard", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setObjectName("discard-question")
    box.setProperty("discardButton", drop)

    def answered() -> None:
        if box.clickedButton() is drop:
            discard()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def enter_moves_on(delegate: QStyledItemDelegate, table: QTableWidget, advance: Callable[[], None],
                   editor: QObject, event: QEvent) -> bool:
    """Enter in a cell editor commits it and moves on (`advance`); Ctrl+Enter commits it and goes on to the
    dialog (review, sign) as it does from any other field. True when the key was handled."""
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and is_enter(event) \
            and isinstance(editor, QWidget):
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        if with_ctrl(event):
            QCoreApplication.sendEvent(table.window(), QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers()))
        else:
            advance()
        return True
    return False


class GuardedDialog(QDialog):
    """A dialog that never loses what was typed: no default button (a button box makes its first accept
    button one when shown), and the window's close button goes through `reject`, which asks first."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        no_default_buttons(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.isVisible():
            self.reject()
            if self.isVisible():   # the operator chose to keep editing
                event.ignore()
                return
        event.accept()
