"""One dialog for every entry type an operator records, built from the type's schema.

Fields that name something the ledger knows (sites, items, lots, requests, shipments, members)
are choices from state; numbers are checked as whole numbers; degrees are converted exactly.
Nothing is submitted until the body passes every check and the operator confirmed what will be
signed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import canonical, choices
from app.core.choices import Choice
from app.core.custody import Acceptance, countersignature_valid
from app.core.entry import Entry, EntryError
from app.core.schema import AUTHORS, PERMISSIONED, PIN_ACTIONS, SCHEMAS, Field, check_body, check_correction
from app.core.types import EntryType, Tables
from app.errors import ReliefLedgerError
from app.ui.formatting import micro_degrees, shown, shown_html
from app.ui.forms import review as words
from app.ui.forms.context import FormContext
from app.ui.forms.handover import AcceptanceInput, HandoverProblem
from app.ui.forms.keyboard import (
    GuardedDialog,
    ask_discard,
    contains,
    enter_moves_on,
    focus_chain,
    is_enter,
    no_default_buttons,
    widget_state,
    with_ctrl,
)
from app.ui.forms.labels import field_label
from app.ui.forms.pickers import CODE_ROLE, ListCompleter, Picker, PickerDelegate
from app.ui.widgets import exercise_banner

# Fields whose value names an existing record, per entry type: (table, label of a row).
NEW_IDS = {(EntryType.SITE_DEFINE, "site"), (EntryType.ITEM_DEFINE, "item"), (EntryType.REQUEST_OPEN, "request"),
           (EntryType.SHIPMENT_DISPATCH, "shipment"), (EntryType.ROAD_STATUS, "road"), (EntryType.STOCK_RECEIVE, "lot")}
REFERENCES = {"site": "sites", "from_site": "sites", "to_site": "sites", "item": "items", "lot": "lots",
              "request": "requests", "shipment": "shipments", "road": "roads", "key": "members", "to": "members",
              "target": "records"}
TIME_FIELDS = {"needed_by_ms", "at_ms", "expiry_ms"}
DEGREE_FIELDS = {"lat_e6", "lon_e6"}
COMPUTED = {(EntryType.SHIPMENT_HANDOVER, "index")}  # filled in from state by `check`
# New ids the form proposes (editable): entry type -> (id field, table, the site field its tag follows).
PROPOSED_IDS = {EntryType.REQUEST_OPEN: ("request", "requests", "site"),
                EntryType.SHIPMENT_DISPATCH: ("shipment", "shipments", "to_site")}
# What a choice depends on: when one of these fields changes, the fields it names are offered anew.
DEPENDENTS = {"site": ("lot", "request"), "item": ("lot", "request"), "from_site": ()}


ERROR_STYLE = "color: #c62828; font-weight: bold;"
_BODY_FIELD = re.compile(r"\bbody\.([a-z_0-9]+)")


class FormError(ReliefLedgerError, ValueError):
    """What is wrong with the form, in words for the operator; `field` names the field it concerns, if one."""

    code = "form_invalid"

    def __init__(self, sentence: str, field: str | None = None) -> None:
        super().__init__(sentence)
        self.field = field


def field_of(message: str, fields: dict[str, QWidget]) -> str | None:
    """The form field a checker's sentence is about ('body.qty must be at least 1' -> 'qty'), if any."""
    match = _BODY_FIELD.search(message)
    return match.group(1) if match and match.group(1) in fields else None


def _label(name: str) -> str:
    return field_label(name)   # catalogued for translation (app/ui/forms/labels.py)


def _choices(tables: Tables, entry_type: str, field: str) -> list[tuple[str, str]]:
    """(value, shown text) pairs for a reference field."""
    table = REFERENCES[field]
    rows = tables.get(table, {})
    if table == "members":
        return [(k, f"{r['name']} ({r['org']})") for k, r in sorted(rows.items(), key=lambda i: i[1]["name"])
                if not r["revoked"]]
    if table == "shipments" and entry_type != EntryType.SHIPMENT_DISPATCH:
        return [(k, f"{k} → {tables.get('sites', {}).get(r['to_site'], {}).get('name', r['to_site'])}")
                for k, r in sorted(rows.items()) if r["status"] == "in_transit"]
    if table == "requests" and entry_type != EntryType.REQUEST_OPEN:
        return [(k, f"{k} ({r['priority']}, {r['status']})") for k, r in sorted(rows.items())
                if r["status"] in ("open", "partial")]
    if table == "records":
        return [(k, f"{r['type']} {r.get('lot') or r.get('request', '')} qty {r.get('qty', '')}")
                for k, r in sorted(rows.items())]
    return [(k, f"{r.get('name', k)} [{k}]" if r.get("name") else k) for k, r in sorted(rows.items())]


class LinesDelegate(PickerDelegate):
    """Pickers in the item and lot cells, and Enter moving on from every cell as in the rest of the form."""

    def __init__(self, offer: Callable[[int, int], list[Choice] | None] | None, table: QTableWidget,
                 advance: Callable[[], None]) -> None:
        super().__init__(offer or (lambda _row, _column: None), table)
        self.table, self.advance = table, advance

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        return enter_moves_on(self, self.table, self.advance, editor, event) or super().eventFilter(editor, event)


class LinesEditor(QWidget):
    """Shipment lines: item, lot, quantity (and a reason when a delivery differs from the dispatch).

    From the keyboard: Enter moves to the next cell, past the last cell it adds a line, and Enter on an
    empty added line leaves the table (`leave`); Alt+A adds a line, Alt+M removes the current one.

    Item and lot cells are picked by name (a Picker as their editor): the cell shows the item's name and
    keeps the code in CODE_ROLE. `offer(row, column)` says what a cell may name, `name_of(item)` how an
    item reads, and `hint(item)` the lot and quantity a new line of that item starts with (the lot to
    take first at the source, what the requests still need).
    """

    leave = Signal()

    def __init__(self, with_reason: bool, parent: QWidget | None = None, *,
                 offer: Callable[[int, int], list[Choice] | None] | None = None,
                 name_of: Callable[[str], str] | None = None,
                 hint: Callable[[str], tuple[str, int | None]] | None = None) -> None:
        super().__init__(parent)
        self.with_reason = with_reason
        self.name_of = name_of or (lambda code: code)
        self.hint = hint
        headers = [self.tr("Item"), self.tr("Lot"), self.tr("Quantity")] + ([self.tr("Reason if different")]
                                                                          if with_reason else [])
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        self.table.setAccessibleName(self.tr("Lines"))
        self.table.setWordWrap(False)
        widths = (170, 130, 80, 180)[:len(headers)]   # names and lot codes read whole, a reason has room
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumWidth(sum(widths) + 40)
        self.table.setItemDelegate(LinesDelegate(offer, self.table, self.advance))
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._item_changed)
        add, remove = QPushButton(self.tr("&Add line")), QPushButton(self.tr("Re&move line"))
        add.setToolTip(self.tr("Add a line (Alt+A)"))
        add.clicked.connect(lambda: self.add_line())
        remove.clicked.connect(self.remove_line)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.expected: dict[tuple[str, str], int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on a cell that is not being edited moves on, as it does while editing."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and is_enter(event) and not with_ctrl(event):
            self.advance()
            return True
        return super().eventFilter(watched, event)

    def remove_line(self) -> None:
        """Remove the line the cursor is on (the last line when none is current)."""
        row = self.table.currentRow()
        self.table.removeRow(row if row >= 0 else self.table.rowCount() - 1)

    def _row_empty(self, row: int) -> bool:
        return not any((item.text().strip() if (item := self.table.item(row, c)) else "")
                       for c in range(self.table.columnCount()))

    def advance(self) -> None:
        """Next cell; past the last cell a new line; Enter at the start of an empty added line leaves."""
        row, column, last = self.table.currentRow(), self.table.currentColumn(), self.table.columnCount() - 1
        if self.table.rowCount() == 0 or row < 0:
            if self.table.rowCount() == 0:
                self.add_line()
            self._edit(0, 0)
            return
        if column <= 0 and row > 0 and row == self.table.rowCount() - 1 and self._row_empty(row):
            self.table.removeRow(row)
            self.table.setCurrentCell(row - 1, 0)
            self.leave.emit()
            return
        if column < last:
            self._edit(row, column + 1)
        elif row + 1 < self.table.rowCount():
            self._edit(row + 1, 0)
        elif self._row_empty(row):
            self.leave.emit()
        else:
            self.add_line()
            self._edit(row + 1, 0)

    def _edit(self, row: int, column: int) -> None:
        self.table.setCurrentCell(row, column)
        item = self.table.item(row, column)
        if item is not None:
            self.table.editItem(item)

    def add_line(self, item: str = "", lot: str = "", qty: int | str = "") -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, value in enumerate((item, lot, str(qty))):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self.set_code(row, 0, item)
        self.set_code(row, 1, lot)
        if self.with_reason:
            self.table.setItem(row, 3, QTableWidgetItem(""))

    def set_code(self, row: int, column: int, code: str) -> None:
        """Put a code in an item or lot cell: the cell shows its name, CODE_ROLE keeps the code."""
        cell = self.table.item(row, column)
        if cell is None:
            return
        self.table.blockSignals(True)
        cell.setData(CODE_ROLE, code or None)
        cell.setText(shown(self.name_of(code)) if column == 0 and code else code)
        self.table.blockSignals(False)

    def code(self, row: int, column: int) -> str:
        """The code in a cell: the one picked, else the text as typed."""
        cell = self.table.item(row, column)
        if cell is None:
            return ""
        code = cell.data(CODE_ROLE)
        return str(code) if code else cell.text().strip()

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        """A line's item just chosen: start its lot and quantity from the hint when they are still empty."""
        if cell.column() != 0 or self.hint is None:
            return
        row, item = cell.row(), self.code(cell.row(), 0)
        if not item:
            return
        lot, qty = self.hint(item)
        if not self.code(row, 1) and lot:
            self.set_code(row, 1, lot)
        qty_cell = self.table.item(row, 2)
        if qty_cell is not None and not qty_cell.text().strip() and qty:
            qty_cell.setText(str(qty))

    def resuggest_lots(self, offered: Callable[[str], list[str]]) -> None:
        """The source changed: a line whose lot is not offered for its item there takes the suggested one."""
        assert self.hint is not None, "only a dispatch's lines follow their source site, and they have a hint"
        for row in range(self.table.rowCount()):
            item = self.code(row, 0)
            if item and self.code(row, 1) not in offered(item):
                self.set_code(row, 1, self.hint(item)[0])

    def ensure_line(self, item: str, lot: str, qty: int | str, new: bool = False) -> None:
        """A line of `item`: an existing one gets `qty` if it has none (unless `new`), else a blank line or a
        new one takes it."""
        rows = range(self.table.rowCount())
        for row in rows if not new else ():
            if self.code(row, 0) == item:
                cell = self.table.item(row, 2)
                if cell is not None and not cell.text().strip():
                    cell.setText(str(qty))
                return
        blank = next((row for row in rows if not any(self.code(row, c) for c in (0, 1))
                      and not (self.table.item(row, 2) or QTableWidgetItem()).text().strip()), None)
        if blank is None:
            self.add_line(item, lot, qty)
            return
        self.set_code(blank, 0, item)
        self.set_code(blank, 1, lot)
        cell = self.table.item(blank, 2)
        if cell is not None:
            cell.setText(str(qty))

    def set_lines(self, lines: list[dict]) -> None:
        self.table.setRowCount(0)
        self.expected = {(ln["item"], ln["lot"]): ln["qty"] for ln in lines}
        for line in lines:
            self.add_line(line["item"], line["lot"], line["qty"])

    def value(self) -> list[dict]:
        lines = []
        for row in range(self.table.rowCount()):
            cells = [self.code(row, c) if c < 2 else (item.text().strip() if (item := self.table.item(row, c)) else "")
                     for c in range(self.table.columnCount())]
            if not any(cells[:3]):
                continue
            try:
                qty = int(cells[2])
            except ValueError as exc:
                self.table.setCurrentCell(row, 2)     # the cursor waits on the cell to fix
                raise FormError(self.tr("Line {0}: quantity must be a whole number").format(row + 1), "lines") from exc
            line: dict[str, Any] = {"item": cells[0], "lot": cells[1], "qty": qty}
            if self.with_reason:
                if self.expected.get((cells[0], cells[1])) != qty and not cells[3]:
                    self.table.setCurrentCell(row, 3)
                    raise FormError(self.tr("Line {0}: {1} differs from what was dispatched; give a reason")
                                    .format(row + 1, cells[0]), "lines")
                if cells[3]:
                    line["reason"] = cells[3]
            lines.append(line)
        return lines


class RecordDialog(GuardedDialog):
    """Fill, check, review, confirm. `review()` and `confirm()` are what the buttons do (tests call them too).

    Keys never lose work: Enter moves to the next field, or opens the review once the form is complete (or
    from the last field); Escape and the window's close button ask before discarding typed content; on the
    review Ctrl+Enter signs and Escape goes back. No button is default, so Enter never presses Cancel.
    """

    recorded = Signal(str, dict, object)   # entry type, body as signed, the stored Entry

    def __init__(self, entry_type: str, context: FormContext, title: str, preset: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_type, self.context = entry_type, context
        self.tables = context.tables()
        # a revocation's pin (seq, head) is the revoked feed's head as this replica holds it: the node fills it
        # a hand-over's spoken code is read by the acceptance field beside the signature, not a field of its own
        self.schema = {name: spec for name, spec in SCHEMAS[entry_type].items()
                       if not (entry_type in PIN_ACTIONS and name in ("seq", "head"))
                       and not (entry_type == EntryType.SHIPMENT_HANDOVER and name == "receiver_code")}
        if entry_type == EntryType.SHIPMENT_HANDOVER:   # one of signature and code is required: never "(optional)"
            self.schema["receiver_sig"] = Field("sig")
        self.readers: dict[str, Callable[[], Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.body: dict | None = None
        self.warned = ""
        self.errors: dict[str, QLabel] = {}
        self.marked: QWidget | None = None
        self.signing = False
        self.submitted: tuple[str, dict] | None = None
        self.discard_box: QMessageBox | None = None
        self.pickers: dict[str, Picker] = {}
        self.request_completer: ListCompleter | None = None   # a dispatch's open requests of its destination
        self._seen: dict[str, str | None] = {}      # the code each picker held when last looked at
        self._proposed = ""                          # the id this form proposed (replaced until edited)
        self._expiry: dict[str, int | None] = {}    # lot -> expiry its receipts stated (None: none), once asked
        self._settling = False
        prefix = self.tr("EXERCISE — ") if context.network_kind == "exercise" else ""
        self.setWindowTitle(prefix + title.rstrip("…"))
        self.setMinimumWidth(560)

        self.pages = QStackedWidget()
        self.form_page = self._form_page()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self._review_page())
        layout = QVBoxLayout(self)
        if context.network_kind == "exercise":
            layout.addWidget(exercise_banner())
        layout.addWidget(self.pages)
        self._propose_id()
        for name, value in (preset or {}).items():
            self.set_value(name, value)
        if entry_type == EntryType.SHIPMENT_DELIVER and "lines" not in (preset or {}):
            self._prefill_delivery()
        no_default_buttons(self)
        self._chain_tabs()
        self.opened_with = widget_state(self.form_page)   # what "nothing typed" means for this form
        names = self._fields_in_order()
        # opened on a selected row, the cursor starts at the first field the row did not fill in
        self._focus_field(next((at for at, name in enumerate(names) if name not in (preset or {})), 0))
        # wide enough for what the pickers and lines show (an explicit minimum width keeps Qt from sizing to it)
        self.resize(max(self.width(), self.minimumSizeHint().width()), self.height())

    # -- form page -------------------------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        for name, spec in self.schema.items():
            if (self.entry_type, name) in COMPUTED:
                continue
            widget, reader = self._field(name, spec)
            self.widgets[name], self.readers[name] = widget, reader
            if isinstance(widget, LinesEditor):
                widget.leave.connect(lambda field=name: self._enter_in(field))
            label = _label(name) + ("" if spec.required else self.tr(" (optional)"))
            form.addRow(label, self._with_error_line(name, widget))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        self.warning_text.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.warning_text.hide()
        self.warning = QCheckBox(self.tr("I understand; record it anyway"))
        self.warning.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.review_button = buttons.addButton(self.tr("Review…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.review_button.setToolTip(self.tr("Check the form and show what will be signed (Enter)"))
        buttons.rejected.connect(self.reject)
        self.review_button.clicked.connect(self.review)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.warning_text)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        return page

    def _with_error_line(self, name: str, widget: QWidget) -> QWidget:
        """The field with room under it for the one sentence that says what is wrong with it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        return holder

    def _fields_in_order(self) -> list[str]:
        return [name for name in self.widgets if focus_chain(self.widgets[name])]

    def _chain_tabs(self) -> None:
        """Tab goes through the fields top to bottom, then Review, then Cancel."""
        chain = [w for name in self.widgets for w in focus_chain(self.widgets[name])]
        chain += [self.warning, self.review_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _focus_field(self, index: int) -> None:
        names = self._fields_in_order()
        if 0 <= index < len(names):
            targets = [w for w in focus_chain(self.widgets[names[index]]) if w.isEnabled()]
            (targets or [self.review_button])[0].setFocus(Qt.FocusReason.TabFocusReason)

    def _field_at(self, widget: QWidget | None) -> str | None:
        return next((name for name, field in self.widgets.items() if contains(field, widget)), None)

    def _complete(self) -> bool:
        """Would the form pass its checks as it stands (warnings aside)?"""
        try:
            self.check()
        except FormError:
            return False
        return True

    def _enter_in(self, field: str | None) -> None:
        """Enter in a field: the review once the form is complete or from the last field, else the next field."""
        names = self._fields_in_order()
        if field is None or field == names[-1] or self._complete():
            self.review()
        else:
            self._focus_field(names.index(field) + 1)

    def has_typed_content(self) -> bool:
        return widget_state(self.form_page) != self.opened_with

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter moves on and never cancels; Ctrl+Enter reviews, then signs; Escape asks or goes back."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.reject()
            return
        if not is_enter(event):
            super().keyPressEvent(event)
            return
        event.accept()
        focused = self.focusWidget()
        if self.pages.currentIndex() == 1:
            if with_ctrl(event):
                self.confirm()
            elif isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()    # the operator tabbed to Back, Sign or the bytes toggle and chose it
            return
        if with_ctrl(event) or focused is self.warning:
            self.review()
        elif isinstance(focused, QPushButton) and focused is not self.cancel_button:
            focused.click()        # Review…, Add line, Remove line
        else:
            self._enter_in(self._field_at(focused))

    def reject(self) -> None:
        """Escape, Cancel or the close button: back from the review; ask before typed content is discarded."""
        if self.signing:
            return                 # the entry is being signed; its outcome closes the form or reopens it
        if self.pages.currentIndex() == 1:
            self._back()
            return
        if not self.has_typed_content():
            super().reject()
            return
        if self.discard_box is None or not self.discard_box.isVisible():
            self.discard_box = ask_discard(self, words.noun(self.entry_type), lambda: QDialog.reject(self))

    def _field(self, name: str, spec: Field | dict) -> tuple[QWidget, Callable[[], Any]]:
        if self.entry_type == EntryType.SHIPMENT_HANDOVER and name == "receiver_sig":
            return self._acceptance_field()
        if name == "lines":
            delivery = self.entry_type == EntryType.SHIPMENT_DELIVER
            editor = LinesEditor(with_reason=delivery, offer=self._line_offer,
                                 name_of=lambda code: choices.name_of(self.tables, "items", code),
                                 hint=None if delivery else self._line_hint)
            if not delivery:
                editor.add_line()
            return editor, editor.value
        if name in REFERENCES and (self.entry_type, name) not in NEW_IDS and \
                not (self.entry_type == EntryType.MEMBER_ADD and name == "key"):
            required = spec.required  # type: ignore[union-attr]  # only `lines` has a dict spec, handled above
            picker = Picker(self.tr("Type part of a name or code…") if required else self.tr("— none —"))
            picker.setAccessibleName(_label(name))
            self.pickers[name] = picker
            picker.set_choices(self._offer(name), keep=False)
            picker.currentIndexChanged.connect(partial(self._picked, name))
            picker.edit.editingFinished.connect(partial(self._picked, name))
            return picker, partial(self._picker_code, name, picker)
        kind = spec.kind if isinstance(spec, Field) else "object"
        if name in TIME_FIELDS:
            edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(24 * 3600 if name == "needed_by_ms" else 0))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            if isinstance(spec, Field) and spec.required:
                return edit, lambda: edit.dateTime().toMSecsSinceEpoch()
            # An optional date is signed only when the operator sets one.
            holder, use = QWidget(), QCheckBox(self.tr("set"))
            edit.setEnabled(False)
            use.toggled.connect(edit.setEnabled)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(use)
            row.addWidget(edit, 1)
            holder.setProperty("dateEdit", edit)
            return holder, lambda: edit.dateTime().toMSecsSinceEpoch() if use.isChecked() else None
        if name in DEGREE_FIELDS:
            line = QLineEdit()
            line.setPlaceholderText(self.tr("decimal degrees, e.g. -19.843210"))
            return line, lambda: self._degrees(name, line.text())
        if kind == "bool":
            box = QCheckBox()
            return box, box.isChecked
        if isinstance(spec, Field) and spec.choices:
            combo = QComboBox()
            combo.addItems(list(spec.choices))
            return combo, combo.currentText
        line = QLineEdit()
        if kind == "int":
            line.setPlaceholderText(self.tr("whole number"))
            return line, lambda: self._integer(name, line.text(), spec)  # type: ignore[arg-type]  # a Field: see above
        if name == "path":
            line.setPlaceholderText(self.tr("lat,lon; lat,lon  in decimal degrees"))
            return line, lambda: self._path(line.text())
        if name == "requests":   # the open requests of the destination, each adding a line for what it needs
            line.setPlaceholderText(self.tr("type part of a request id, item or site; comma-separated"))
            self.request_completer = ListCompleter(line)
            self.request_completer.set_choices(self._offer("request"))
            self.request_completer.picked.connect(self._request_added)
            return line, lambda: [p.strip() for p in line.text().split(",") if p.strip()] or None
        if name == "roles":
            line.setPlaceholderText(self.tr("comma-separated"))
            return line, lambda: [p.strip() for p in line.text().split(",") if p.strip()] or None
        if name == "set":
            line.setPlaceholderText(self.tr("field=value, e.g. qty=300"))
            return line, lambda: self._assignments(line.text())
        return line, lambda: line.text().strip() or None

    def _acceptance_field(self) -> tuple[QWidget, Callable[[], Any]]:
        """The receiver's acceptance, read from a QR code, an image or pasted text, never typed as hex."""
        acceptance = AcceptanceInput(self.context, self.tables, on_read=self._acceptance_read)

        def read() -> dict[str, str]:
            try:
                return acceptance.proof()
            except HandoverProblem as exc:
                raise FormError(str(exc)) from exc
        return acceptance, read

    def _acceptance_read(self, acceptance: Acceptance) -> None:
        """The acceptance names the shipment and the receiver: show them in the form."""
        self.set_value("shipment", acceptance.shipment)
        self.set_value("to", acceptance.receiver)

    def _integer(self, name: str, text: str, spec: Field) -> int | None:
        if not text.strip():
            return None
        try:
            return int(text.replace(",", "").replace(" ", ""))
        except ValueError as exc:
            raise FormError(self.tr("{0} must be a whole number").format(_label(name)), name) from exc

    def _degrees(self, name: str, text: str) -> int | None:
        if not text.strip():
            return None
        try:
            return micro_degrees(text)
        except ValueError as exc:
            raise FormError(f"{_label(name)}: {exc}", name) from exc

    def _path(self, text: str) -> list[list[int]] | None:
        points = []
        for part in [p for p in text.split(";") if p.strip()]:
            lat, _, lon = part.partition(",")
            try:
                points.append([micro_degrees(lat), micro_degrees(lon)])
            except ValueError as exc:
                raise FormError(self.tr("Path: {0}").format(exc), "path") from exc
        return points or None

    def _assignments(self, text: str) -> dict | None:
        result: dict[str, Any] = {}
        for part in [p for p in text.split(",") if p.strip()]:
            name, _, value = part.partition("=")
            value = value.strip()
            result[name.strip()] = int(value) if value.lstrip("-").isdigit() else value
        return result or None

    def set_value(self, name: str, value: Any) -> None:
        widget = self.widgets.get(name)
        if isinstance(widget, Picker):
            widget.set_code(value)
            self._picked(name)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and widget.isEditable():
                widget.setEditText(str(value))
            else:
                widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            if isinstance(value, dict):   # a preset `set` of a correction, as the field reads it: qty=300
                value = ", ".join(f"{k}={v}" for k, v in value.items())
            elif isinstance(value, list):   # roles, requests: comma-separated
                value = ", ".join(str(v) for v in value)
            widget.setText(str(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDateTimeEdit):
            widget.setDateTime(QDateTime.fromMSecsSinceEpoch(int(value)))
        elif widget is not None and widget.property("dateEdit") is not None:
            check = widget.findChild(QCheckBox)
            assert check is not None, "an optional date field is always built with its checkbox"
            check.setChecked(True)
            widget.property("dateEdit").setDateTime(QDateTime.fromMSecsSinceEpoch(int(value)))
        elif isinstance(widget, LinesEditor):
            widget.set_lines(value)

    # -- choices -------------------------------------------------------------------------------------
    def _code(self, name: str) -> str | None:
        picker = self.pickers.get(name)
        return picker.code() if picker is not None else None

    def _picker_code(self, name: str, picker: Picker) -> str | None:
        """What a picker names; typing that several entries contain is not guessed at."""
        many = picker.ambiguity()
        if many:
            raise FormError(self.tr("{0}: “{1}” matches {2} entries; pick one from the list")
                            .format(_label(name), picker.currentText().strip(), many))
        return picker.code()

    def _source_site(self) -> str | None:
        """Where the material of this form is taken from (lots are offered as held there)."""
        return self._code("from_site") if "from_site" in self.pickers else self._code("site")

    def _expiry_at(self, site: str | None, item: str | None) -> dict[str, int]:
        """The stated expiry of the lots at `site` (of `item`), asked of the context once per lot."""
        unknown = [c.code for c in choices.lots_at(self.tables, site, item, include_empty=True)
                   if c.code not in self._expiry]
        if unknown and self.context.lot_expiry is not None:
            stated = self.context.lot_expiry(unknown)
            self._expiry.update({lot: stated.get(lot) for lot in unknown})
        return {lot: ms for lot, ms in self._expiry.items() if ms is not None}

    def _lots(self, site: str | None, item: str | None, include_empty: bool = False) -> list[Choice]:
        """Lots at `site` in first-expiry-first-out order."""
        return choices.lots_at(self.tables, site, item, self._expiry_at(site, item), include_empty)

    def _offer(self, name: str) -> list[Choice]:
        """What a reference field may name, given what the form holds so far."""
        tables, entry_type = self.tables, self.entry_type
        if name in ("site", "from_site", "to_site"):
            return choices.sites(tables)
        if name == "item":
            return choices.items(tables)
        if name == "lot":
            return self._lots(self._code("site"), self._code("item"),
                              include_empty=entry_type == EntryType.STOCK_ADJUST)
        if name == "request" and entry_type == EntryType.SHIPMENT_DISPATCH:
            return choices.open_requests(tables, self._code("to_site"))
        if name == "request":
            site = self._code("site") if entry_type == EntryType.STOCK_DISTRIBUTE else None
            item = self._code("item") if entry_type == EntryType.STOCK_DISTRIBUTE else None
            return [c for c in choices.open_requests(tables, site) if not item or c.item == item]
        if name == "shipment":
            holder = self.context.identity.public_key_hex if self.context.identity else None
            return choices.shipments_in_transit(tables, holder if entry_type == EntryType.SHIPMENT_HANDOVER else None)
        if name == "to":   # someone else who may carry the shipment on or record its delivery
            me = self.context.identity.public_key_hex if self.context.identity else ""
            return [c for c in choices.members(tables, AUTHORS[EntryType.SHIPMENT_HANDOVER]) if c.code != me]
        if name == "key":
            return choices.members(tables)
        if name == "target":
            return choices.records(tables)
        return [Choice(value, shown(text)) for value, text in _choices(tables, entry_type, name)]

    def _picked(self, name: str, *_args: object) -> None:
        """A picker's choice may have changed: offer its dependents anew, propose the id, prefill lines."""
        code = self._code(name)
        if self._settling or self._seen.get(name, "") == code:
            return
        self._seen[name] = code
        self._settling = True
        try:
            for dependent in DEPENDENTS.get(name, ()):
                picker = self.pickers.get(dependent)
                if picker is None:
                    continue
                current, offered = picker.code(), self._offer(dependent)
                picker.set_choices(offered, keep=False)
                codes = [c.code for c in offered]
                if current in codes:
                    picker.set_code(current)
                elif dependent == "lot":   # a lot not held here: take the one to go first
                    picker.set_code(next((c.code for c in offered if c.suggested), current if not codes else ""))
                self._seen[dependent] = picker.code()
            editor = self.widgets.get("lines")
            if name == "from_site" and isinstance(editor, LinesEditor):
                editor.resuggest_lots(lambda item: [c.code for c in self._lots(self._source_site(), item)])
            if name == "to_site" and self.request_completer is not None:
                self.request_completer.set_choices(self._offer("request"))
            if name == PROPOSED_IDS.get(self.entry_type, ("", "", ""))[2]:
                self._propose_id()
            if name == "shipment" and self.entry_type == EntryType.SHIPMENT_DELIVER:
                self._prefill_delivery()
        finally:
            self._settling = False

    def _propose_id(self) -> None:
        """Fill the new record's id with the next free one (REQ-DON-004), until the operator types their own."""
        if self.entry_type not in PROPOSED_IDS:
            return
        field, table, site_field = PROPOSED_IDS[self.entry_type]
        line = self.widgets.get(field)
        if not isinstance(line, QLineEdit) or (line.text().strip() and line.text().strip() != self._proposed):
            return
        self._proposed = choices.next_id(self.tables, table, self._code(site_field))
        line.setText(self._proposed)

    def _line_offer(self, row: int, column: int) -> list[Choice] | None:
        """What a line's cell may name: any item; a lot of the line's item held at the source site."""
        editor = self.widgets.get("lines")
        if column == 0:
            return choices.items(self.tables)
        if column == 1 and isinstance(editor, LinesEditor) and self.entry_type != EntryType.SHIPMENT_DELIVER:
            return self._lots(self._source_site(), editor.code(row, 0) or None)
        return None

    def _request_added(self, request_id: str) -> None:
        """A request picked for this dispatch: make sure a line carries its item, for what it still needs."""
        offered = next((c for c in choices.open_requests(self.tables) if c.code == request_id), None)
        editor = self.widgets.get("lines")
        if offered is None or not isinstance(editor, LinesEditor):
            return
        if any(editor.code(row, 0) == offered.item for row in range(editor.table.rowCount())):
            editor.ensure_line(offered.item, "", offered.to_send or "")   # a quantity for it, if it has none
            return
        source = self._source_site()
        expiry = self._expiry_at(source, offered.item)
        for line in choices.fefo_lines(self.tables, source, offered.item, offered.to_send, expiry):
            editor.ensure_line(line["item"], line["lot"], line["qty"], new=True)

    def _line_hint(self, item: str) -> tuple[str, int | None]:
        """A new line of `item`: the lot to take first at the source, and what the named requests still need."""
        lots = self._lots(self._source_site(), item)
        lot = lots[0].code if lots and lots[0].suggested else ""
        named = self.widgets.get("requests")
        wanted = {p.strip() for p in named.text().split(",")} if isinstance(named, QLineEdit) else set()
        need = sum(c.to_send for c in choices.open_requests(self.tables) if c.code in wanted and c.item == item)
        return lot, need or None

    def _prefill_delivery(self) -> None:
        shipment = self.readers["shipment"]() if "shipment" in self.readers else None
        row = self.tables.get("shipments", {}).get(shipment or "")
        editor = self.widgets.get("lines")
        if row and isinstance(editor, LinesEditor):
            editor.set_lines(row["lines"])

    # -- checking -------------------------------------------------------------------------------------
    def collect(self) -> dict:
        body: dict[str, Any] = {}
        for name, reader in self.readers.items():
            value = reader()
            if value is None or value == "":
                if self.schema[name].required if isinstance(self.schema[name], Field) else True:
                    raise FormError(self.tr("{0} is required").format(_label(name)), name)
                continue
            if self.entry_type == EntryType.SHIPMENT_HANDOVER and name == "receiver_sig":
                body.update(value)      # {"receiver_sig": …} or, with the spoken code alone, {"receiver_code": …}
                continue
            body[name] = value
        return body

    def domain_warnings(self, body: dict) -> list[str]:
        """What is legal but probably wrong: the operator must acknowledge it before signing."""
        return words.warnings(self.entry_type, body, self.tables, QDateTime.currentMSecsSinceEpoch(),
                              frozenset(NEW_IDS))

    def check(self) -> dict:
        body = self.collect()
        if self.entry_type == EntryType.REQUEST_OPEN and body["request"] in self.tables.get("requests", {}):
            raise FormError(self.tr("Request {0} already exists; choose another id").format(body["request"]), "request")
        if self.entry_type == EntryType.SHIPMENT_DISPATCH and body["shipment"] in self.tables.get("shipments", {}):
            raise FormError(self.tr("Shipment {0} already exists; choose another id").format(body["shipment"]),
                            "shipment")
        if self.entry_type == EntryType.SHIPMENT_HANDOVER:
            shipment = self.tables.get("shipments", {}).get(body["shipment"], {})
            body.setdefault("index", len(shipment.get("custody", [None])) - 1)
            giver = self.context.identity.public_key_hex if self.context.identity else ""
            sig = body.get("receiver_sig", "")
            # a spoken code alone is checked where the receiver's acceptance meets it, in the fold (FORMAT.md §8.5)
            valid = "receiver_code" in body or (
                isinstance(sig, str) and len(sig) == 128 and all(c in "0123456789abcdef" for c in sig) and
                countersignature_valid(self.context.network_id, body["shipment"], giver, body["to"], body["index"],
                                       sig))
            if not valid:
                raise FormError(self.tr("The receiver's acceptance is for another shipment or receiver than the "
                                        "ones chosen here. Read the receiver's QR code again."), "receiver_sig")
        try:
            check_body(self.entry_type, {**body, "seq": 0} if self.entry_type in PIN_ACTIONS else body)
            if self.entry_type == EntryType.RECORD_CORRECT:
                record = self.tables.get("records", {}).get(body["target"])
                if record is None:
                    raise FormError(self.tr("Choose a record that can be corrected"), "target")
                check_correction(record["type"], body["set"])
        except EntryError as exc:
            field = field_of(str(exc), self.widgets) or ("set" if self.entry_type == EntryType.RECORD_CORRECT else None)
            raise FormError(str(exc).replace("body.", ""), field) from exc
        return body

    # -- where a problem is shown ------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        if self.marked is not None:
            self.marked.setStyleSheet("")
            self.marked.setAccessibleDescription("")
            self.marked = None
        self.problem.setText("")
        self.problem.show()

    def show_error(self, error: FormError) -> None:
        """The one sentence beside the field it concerns (red border, focus there); else above the buttons."""
        self.clear_errors()
        self.problem.setText(shown(error))   # also the form's summary line, read by tests and screen readers
        widget = self.widgets.get(error.field or "")
        if widget is None:
            return
        self.problem.hide()
        self.errors[error.field or ""].setText(shown(error))
        self.errors[error.field or ""].show()
        marked = widget.table if isinstance(widget, LinesEditor) else widget
        if widget.property("dateEdit") is not None:
            marked = widget.property("dateEdit")
        marked.setStyleSheet(f"{marked.metaObject().className()} {{ border: 2px solid #c62828; }}")
        marked.setAccessibleDescription(shown(error))   # a screen reader says what is wrong with the field
        self.marked = marked
        targets = [w for w in focus_chain(widget) if w.isEnabled()]
        if targets:
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self) -> str:
        """The problem the form shows now, wherever it is shown."""
        return self.problem.text()

    def review(self) -> bool:
        """Check the form; on success show what will be signed. Returns whether the review page is shown."""
        for name in list(self.pickers):   # a code typed and reviewed at once: its dependents (lines) follow first
            self._picked(name)
        try:
            body = self.check()
        except FormError as exc:
            self.show_error(exc)
            return False
        self.clear_errors()
        found = [shown(line) for line in self.domain_warnings(body)]
        warnings = "\n".join(found)
        if warnings and not (self.warned == warnings and self.warning.isChecked()):
            self.warning_text.setText(warnings)
            self.warning_text.show()
            self.warning.setChecked(False)
            self.warning.show()
            self.warning.setFocus(Qt.FocusReason.OtherFocusReason)
            self.warned = warnings
            return False
        self.body = body
        self._fill_review(body, found)
        self.pages.setCurrentIndex(1)
        self.facts.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _fill_review(self, body: dict, warnings: list[str]) -> None:
        """Warnings first, then the sentence, the table of names, who signs where; the bytes behind a toggle."""
        self.review_warnings.setText("\n".join("⚠ " + line for line in warnings))
        self.review_warnings.setVisible(bool(warnings))
        self.sentence.setText(words.sentence(self.entry_type, body, self.tables))
        rows = words.fields(self.entry_type, body, self.tables)
        self.facts.setRowCount(len(rows))
        for row, (label, value) in enumerate(rows):
            self.facts.setItem(row, 0, QTableWidgetItem(label))
            self.facts.setItem(row, 1, QTableWidgetItem(value))
        self.facts.resizeColumnToContents(0)
        self.facts.resizeRowsToContents()
        identity = self.context.identity
        signer = self.tr("{0}, key {1}").format(words.member_text(self.tables, identity.public_key_hex),
                                                identity.fingerprint) if identity else self.tr("(no key unlocked)")
        exercise = self.tr("EXERCISE network") if self.context.network_kind == "exercise" else self.tr("LIVE network")
        self.summary.setText(self.tr("You are about to sign this as <b>{0}</b> on the {1}. "
                                     "Signed entries cannot be changed, only corrected.")
                             .format(shown_html(signer), exercise))
        if self.entry_type in PERMISSIONED:
            self.summary.setText(self.summary.text() + self.tr(
                " This is a permissioned edit: it is signed as a <b>proposal</b> and takes effect only once "
                "approved under the network's policy (see Approvals)."))
        self.canonical.setPlainText(canonical.encode(body).decode("utf-8"))
        self.review_status.clear()

    # -- review page -----------------------------------------------------------------------------------
    def _review_page(self) -> QWidget:
        page = QWidget()
        self.review_warnings = QLabel()
        self.review_warnings.setWordWrap(True)
        self.review_warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.review_warnings.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)   # names and notes are typed by members
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.sentence.setFont(font)
        self.facts = QTableWidget(0, 2)
        self.facts.setHorizontalHeaderLabels([self.tr("What"), self.tr("Value")])
        self.facts.verticalHeader().hide()
        self.facts.horizontalHeader().setStretchLastSection(True)
        self.facts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName(self.tr("What will be signed"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.bytes_toggle = QPushButton(self.tr("Show signed bytes"))
        self.bytes_toggle.setCheckable(True)
        self.canonical = QPlainTextEdit()
        self.canonical.setReadOnly(True)
        self.canonical.setAccessibleName(self.tr("Exactly what will be signed (canonical JSON body)"))
        self.canonical.hide()
        self.bytes_toggle.toggled.connect(self._show_bytes)
        self.review_status = QLabel()
        self.review_status.setWordWrap(True)
        hint = QLabel(self.tr("Ctrl+Enter signs. Escape or Back returns to the form; nothing typed is lost."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_button = buttons.addButton(self.tr("Sign and record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setToolTip(self.tr("Sign with your key and record it (Ctrl+Enter)"))
        self.back_button.clicked.connect(self._back)
        self.sign_button.clicked.connect(self.confirm)
        layout = QVBoxLayout(page)
        layout.addWidget(self.review_warnings)
        layout.addWidget(self.sentence)
        layout.addWidget(self.facts, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.bytes_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.canonical, 1)
        layout.addWidget(self.review_status)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.facts, self.bytes_toggle)
        QWidget.setTabOrder(self.bytes_toggle, self.sign_button)
        QWidget.setTabOrder(self.sign_button, self.back_button)
        return page

    def _show_bytes(self, visible: bool) -> None:
        self.canonical.setVisible(visible)
        self.bytes_toggle.setText(self.tr("Hide signed bytes") if visible else self.tr("Show signed bytes"))

    def _back(self) -> None:
        """Back to the form as it was typed."""
        self.pages.setCurrentIndex(0)
        self._focus_field(0)

    def confirm(self) -> None:
        """Sign what the review shows. With `submit_then` the form stays until the node answers."""
        if self.body is None or self.signing or self.pages.currentIndex() != 1:
            return
        if self.entry_type in PERMISSIONED:  # permissioned edits are proposed; they act once approved
            reason = self.body.get("reason") or self.tr("{0} from the record form").format(self.entry_type)
            self.submitted = (EntryType.PROPOSAL_OPEN, {"action": self.entry_type, "body": self.body,
                                                         "reason": reason})
        else:
            self.submitted = (self.entry_type, self.body)
        if self.context.submit_then is None:
            self.context.submit(*self.submitted)
            self.accept()
            return
        self.signing = True
        self.sign_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.review_status.setText(self.tr("Signing and recording…"))
        self.context.submit_then(*self.submitted, self.on_outcome)

    def on_outcome(self, outcome: object) -> None:
        """The node's answer: stored closes the form; refused or failed goes back to it, all typing kept."""
        self.signing = False
        self.sign_button.setEnabled(True)
        self.back_button.setEnabled(True)
        if isinstance(outcome, Entry) and self.submitted is not None:
            self.recorded.emit(self.submitted[0], self.submitted[1], outcome)
            self.accept()
            return
        reason = getattr(outcome, "reason", None) or str(outcome) or type(outcome).__name__
        self.pages.setCurrentIndex(0)
        self.show_error(FormError(self.tr("Not recorded: {0}. Nothing you typed is lost: correct it and review "
                                          "again.").format(reason.replace("body.", "")),
                                  field_of(reason, self.widgets)))

