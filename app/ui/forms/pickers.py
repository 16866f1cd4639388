"""Searchable pickers: the operator types part of a name (or a code), picks from what matches, the form
gets the code.

A Picker is an editable QComboBox whose completer matches any part of a choice's name, code and
facts, case-insensitively. Each entry reads as the operator thinks of it ("Dondo shelter  ·  SHL-1",
"WFP-001  ·  500 jerrycan here  ·  expires 2026-09-30  ·  first out"); the code travels in the item
data. What is offered comes from app/core/choices.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.core.choices import Choice
from app.core.types import EntryType
from app.ui.formatting import local_time, quantity, shown

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1   # what typing is matched against: the text plus extra words
SEP = "  ·  "


def tr(text: str) -> str:
    return QCoreApplication.translate("Pickers", text)


def describe(choice: Choice) -> str:
    """How a choice reads in a picker: its name first, then what matters for picking it, then its code."""
    name = shown(choice.name) + (f" ({shown(choice.org)})" if choice.org else "")
    parts = [name]
    if choice.kind == "lot":
        parts.append(tr("{0} {1} here").format(quantity(choice.qty), shown(choice.unit)).strip())
        if choice.expiry_ms is not None:
            parts.append(tr("expires {0}").format(local_time(choice.expiry_ms)[:10]))
        if choice.suggested:
            parts.append(tr("take this one first"))
    elif choice.kind == "source":
        parts.append(tr("holds {0}").format(quantity(choice.qty)))
    elif choice.kind == "request":
        still = tr("{0} {1} still to send").format(quantity(choice.to_send), shown(choice.item_name))
        if choice.on_the_way:
            still += tr(" ({0} on the way)").format(quantity(choice.on_the_way))
        parts += [still, shown(choice.to_site),
                  tr("{0}, needed by {1}").format(choice.priority, local_time(choice.needed_by_ms))]
    elif choice.kind == "shipment":
        parts.append(f"{shown(choice.from_site)} → {shown(choice.to_site)}")
        if choice.holder:
            parts.append(tr("held by {0}").format(shown(choice.holder)))
    elif choice.kind == "record":
        what = {EntryType.STOCK_RECEIVE: tr("Receipt"), EntryType.STOCK_DISTRIBUTE: tr("Distribution"),
                EntryType.REQUEST_OPEN: tr("Request")}.get(choice.record_type, choice.record_type)
        parts = [what, tr("{0} {1}").format(quantity(choice.qty), shown(choice.item_name)).strip(), name,
                 shown(choice.to_site), local_time(choice.at_ms)]
    elif choice.kind == "item" and choice.unit:
        parts.append(shown(choice.unit))
    if choice.kind in ("member", "record"):   # a key or an entry hash: enough of it to tell two apart
        parts.append(choice.code[:12] + "…")
    elif choice.code != choice.name:
        parts.append(shown(choice.code))
    return SEP.join(p for p in parts if p)


class _Completer(QCompleter):
    """Matches typing against SEARCH_ROLE but writes the entry's shown text into the box once picked."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt override
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class Picker(QComboBox):
    """Pick by typing part of a name or code; `code()` is what the form signs.

    Text that names no offered choice is returned as typed (a code the operator knows and the ledger
    may not yet), so the form's own checks explain what is wrong with it.
    """

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setModel(QStandardItemModel(self))
        completer = _Completer(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self.edit.setPlaceholderText(placeholder or tr("Type part of a name or code…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.editingFinished.connect(self._settle)
        self.choices: list[Choice] = []

    @property
    def edit(self) -> QLineEdit:
        """The box the operator types in (asked of Qt each time: an item view may give the editor a new one)."""
        line = self.lineEdit()
        assert line is not None, "a Picker is always editable"
        return line

    def set_choices(self, choices: Sequence[Choice], keep: bool = True) -> None:
        """Offer `choices`; keep the current code when it is still offered (else clear, unless typed)."""
        current = self.code() if keep else None
        model = self.model()
        assert isinstance(model, QStandardItemModel), "a Picker always holds its own QStandardItemModel"
        self.blockSignals(True)
        fill_model(model, choices)
        self.choices = list(choices)
        widest = self.view().sizeHintForColumn(0) + 24 if choices else 0
        self.view().setMinimumWidth(widest)               # the list reads whole even when the box is narrow
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.setMinimumWidth(widest)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        if current:
            self.set_code(current)
        else:
            self.setEditText("")
            self.currentIndexChanged.emit(-1)

    def set_code(self, code: object) -> None:
        """Show the choice whose code is `code`; a code not offered is shown as typed."""
        if code is None or code == "":
            self.setCurrentIndex(-1)
            self.setEditText("")
            return
        index = self.findData(code, CODE_ROLE)
        if index >= 0:
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(str(code))
        self.edit.setCursorPosition(0)   # the name, which comes first, stays in view in a narrow box

    def matches(self, text: str) -> list[int]:
        """Rows whose name, code or facts contain `text`, ignoring case (what the completer shows)."""
        needle = text.strip().casefold()
        return [row for row in range(self.count())
                if needle and needle in str(self.itemData(row, SEARCH_ROLE) or "").casefold()]

    def code(self) -> str | None:
        """The code of the chosen entry: the shown entry, else an exact code or name, else the one entry
        that matches what was typed, else the typed text itself (None when empty)."""
        text = self.currentText().strip()
        if not text:
            return None
        row = self.currentIndex()
        if row >= 0 and self.itemText(row) == self.currentText():
            return str(self.itemData(row, CODE_ROLE))
        folded = text.casefold()
        for choice in self.choices:
            if folded in (choice.code.casefold(), describe(choice).casefold()):
                return choice.code
        named = [c for c in self.choices if c.name.casefold() == folded]
        if len(named) == 1:
            return named[0].code
        rows = self.matches(text)
        if len(rows) == 1:
            return str(self.itemData(rows[0], CODE_ROLE))
        return text

    def ambiguity(self) -> int:
        """How many entries what was typed could stand for, when it stands for none exactly (0: it is
        one entry, or names nothing offered)."""
        text = self.currentText().strip()
        code = self.code()
        if not text or (code is not None and self.findData(code, CODE_ROLE) >= 0):
            return 0
        found = len(self.matches(text))
        return found if found > 1 else 0

    def _settle(self) -> None:
        """On leaving the box, show the entry that what was typed stands for, so the operator sees it."""
        code = self.code()
        if code is not None and self.findData(code, CODE_ROLE) >= 0 and self.currentText() != \
                self.itemText(self.findData(code, CODE_ROLE)):
            self.set_code(code)


def fill_model(model: QStandardItemModel, choices: Sequence[Choice]) -> None:
    """Entries of a picker's model: shown text, the code in CODE_ROLE, what typing matches in SEARCH_ROLE."""
    model.clear()
    for choice in choices:
        text = describe(choice)
        entry = QStandardItem(text)
        entry.setData(choice.code, CODE_ROLE)
        entry.setData(" ".join((text, choice.code, choice.item, *choice.search)), SEARCH_ROLE)
        entry.setToolTip(text)
        model.appendRow(entry)


class ListCompleter(QCompleter):
    """Completes the last of several comma-separated codes in a line edit (requests a dispatch serves):
    typing after the last comma searches the choices; picking one puts its code there and emits `picked`."""

    picked = Signal(str)   # the code just picked

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self.entries = QStandardItemModel(self)
        self.setModel(self.entries)
        self.setCompletionRole(SEARCH_ROLE)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.line = line
        line.setCompleter(self)
        self.activated.connect(self._put)   # also when the box lost focus to the list (a line edit then does not)

    def _put(self, text: str) -> None:
        self.line.setText(text)
        self.picked.emit(text.rsplit(",", 1)[-1].strip())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        fill_model(self.entries, choices)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt override
        before = self.line.text().rsplit(",", 1)[0] if "," in self.line.text() else ""
        code = str(index.data(CODE_ROLE) or "")
        return f"{before}, {code}" if before.strip() else code


class PickerDelegate(QStyledItemDelegate):
    """A Picker as the editor of a table cell: the cell shows the name, CODE_ROLE holds the code.

    `offer(row, column)` says what the cell may name (None: a plain text cell).
    """

    def __init__(self, offer: Callable[[int, int], list[Choice] | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer = offer

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        choices = self.offer(index.row(), index.column())
        if choices is None:
            return super().createEditor(parent, option, index)
        picker = Picker(parent=parent)
        picker.set_choices(choices, keep=False)
        return picker

    def setEditorData(self, editor: QWidget,  # noqa: N802 - Qt override
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, Picker):
            editor.set_code(index.data(CODE_ROLE) or index.data(Qt.ItemDataRole.DisplayRole) or "")
            line = editor.lineEdit()
            if line is not None:   # typing into the cell replaces what it held, as in a plain text cell
                line.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt override
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, Picker):
            code = editor.code() or ""
            choice = next((c for c in editor.choices if c.code == code), None)
            model.setData(index, code, CODE_ROLE)
            model.setData(index, shown(choice.name) if choice else code, Qt.ItemDataRole.DisplayRole)
        else:   # typed text: it is the code now, whatever was picked before
            super().setModelData(editor, model, index)
            model.setData(index, None, CODE_ROLE)
