"""One dialog for every entry type an operator records, built from the type's schema.

Fields that name something the ledger knows (sites, items, lots, requests, shipments, members)
are choices from state; numbers are checked as whole numbers; degrees are converted exactly.
Nothing is submitted until the body passes every check and the operator confirmed what will be
signed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime
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
from app.core.custody import countersignature_valid
from app.core.entry import EntryError
from app.core.schema import AUTHORS, PERMISSIONED, PIN_ACTIONS, SCHEMAS, Field, check_body, check_correction
from app.core.types import EntryType, Tables
from app.errors import ReliefLedgerError
from app.ui.formatting import micro_degrees, shown
from app.ui.forms.context import FormContext
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


class FormError(ReliefLedgerError, ValueError):
    """What is wrong with the form, in words for the operator."""

    code = "form_invalid"


def _label(name: str) -> str:
    return name.replace("_e6", "").replace("_ms", "").replace("_", " ").capitalize()


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


class LinesEditor(QWidget):
    """Shipment lines: item, lot, quantity (and a reason when a delivery differs from the dispatch).

    Item and lot cells are picked by name (a Picker as their editor): the cell shows the item's name and
    keeps the code in CODE_ROLE. `offer(row, column)` says what a cell may name, `name_of(item)` how an
    item reads, and `hint(item)` the lot and quantity a new line of that item starts with (the lot to
    take first at the source, what the requests still need).
    """

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
        if offer is not None:
            self.table.setItemDelegate(PickerDelegate(offer, self.table))
        self.table.itemChanged.connect(self._item_changed)
        add, remove = QPushButton(self.tr("Add line")), QPushButton(self.tr("Remove line"))
        add.clicked.connect(lambda: self.add_line())
        remove.clicked.connect(lambda: self.table.removeRow(max(self.table.currentRow(), self.table.rowCount() - 1)))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.expected: dict[tuple[str, str], int] = {}

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
                raise FormError(self.tr("Line {0}: quantity must be a whole number").format(row + 1)) from exc
            line: dict[str, Any] = {"item": cells[0], "lot": cells[1], "qty": qty}
            if self.with_reason:
                if self.expected.get((cells[0], cells[1])) != qty and not cells[3]:
                    raise FormError(self.tr("Line {0}: {1} differs from what was dispatched; give a reason")
                                    .format(row + 1, cells[0]))
                if cells[3]:
                    line["reason"] = cells[3]
            lines.append(line)
        return lines


class RecordDialog(QDialog):
    """Fill, check, review, confirm. `review()` and `confirm()` are what the buttons do (tests call them too)."""

    def __init__(self, entry_type: str, context: FormContext, title: str, preset: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_type, self.context = entry_type, context
        self.tables = context.tables()
        # a revocation's pin (seq, head) is the revoked feed's head as this replica holds it: the node fills it
        self.schema = {name: spec for name, spec in SCHEMAS[entry_type].items()
                       if not (entry_type in PIN_ACTIONS and name in ("seq", "head"))}
        self.readers: dict[str, Callable[[], Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.body: dict | None = None
        self.warned = ""
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
        self.pages.addWidget(self._form_page())
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
            label = _label(name) + ("" if spec.required else self.tr(" (optional)"))
            form.addRow(label, widget)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828; font-weight: bold;")
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        self.warning_text.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.warning_text.hide()
        self.warning = QCheckBox(self.tr("I understand; record it anyway"))
        self.warning.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.review_button = buttons.addButton(self.tr("Review…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.review_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.review_button.clicked.connect(self.review)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.warning_text)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        return page

    def _field(self, name: str, spec: Field | dict) -> tuple[QWidget, Callable[[], Any]]:
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

    def _integer(self, name: str, text: str, spec: Field) -> int | None:
        if not text.strip():
            return None
        try:
            return int(text.replace(",", "").replace(" ", ""))
        except ValueError as exc:
            raise FormError(self.tr("{0} must be a whole number").format(_label(name))) from exc

    def _degrees(self, name: str, text: str) -> int | None:
        if not text.strip():
            return None
        try:
            return micro_degrees(text)
        except ValueError as exc:
            raise FormError(f"{_label(name)}: {exc}") from exc

    def _path(self, text: str) -> list[list[int]] | None:
        points = []
        for part in [p for p in text.split(";") if p.strip()]:
            lat, _, lon = part.partition(",")
            try:
                points.append([micro_degrees(lat), micro_degrees(lon)])
            except ValueError as exc:
                raise FormError(self.tr("Path: {0}").format(exc)) from exc
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
            widget.setText(", ".join(map(str, value)) if isinstance(value, list) else str(value))
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
                    raise FormError(self.tr("{0} is required").format(_label(name)))
                continue
            body[name] = value
        return body

    def domain_warnings(self, body: dict) -> list[str]:
        """What is legal but probably wrong: the operator must acknowledge it before signing."""
        tables, warnings = self.tables, []
        stock = tables.get("stock", {})
        draws: list[tuple[str, str, str, int]] = []
        if self.entry_type == EntryType.SHIPMENT_DISPATCH:
            draws = [(body["from_site"], ln["item"], ln["lot"], ln["qty"]) for ln in body.get("lines", [])]
        elif self.entry_type == EntryType.STOCK_DISTRIBUTE:
            draws = [(body["site"], body["item"], body["lot"], body["qty"])]
        for site, item, lot, qty in draws:
            held = stock.get(f"{site}|{item}|{lot}", {}).get("qty", 0)
            if qty > held:
                site_name = tables.get("sites", {}).get(site, {}).get("name", site)
                warnings.append(self.tr("Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be flagged "
                                        "as an over-draw.").format(lot, site_name, held, qty))
        for name, table in (("item", "items"), ("site", "sites"), ("from_site", "sites"), ("to_site", "sites")):
            if name in body and (self.entry_type, name) not in NEW_IDS and body[name] not in tables.get(table, {}):
                warnings.append(self.tr("{0} {1} is not defined in this ledger yet.").format(_label(name), body[name]))
        return warnings

    def check(self) -> dict:
        body = self.collect()
        if self.entry_type == EntryType.REQUEST_OPEN and body["request"] in self.tables.get("requests", {}):
            raise FormError(self.tr("Request {0} already exists; choose another id").format(body["request"]))
        if self.entry_type == EntryType.SHIPMENT_DISPATCH and body["shipment"] in self.tables.get("shipments", {}):
            raise FormError(self.tr("Shipment {0} already exists; choose another id").format(body["shipment"]))
        if self.entry_type == EntryType.SHIPMENT_HANDOVER:
            shipment = self.tables.get("shipments", {}).get(body["shipment"], {})
            body.setdefault("index", len(shipment.get("custody", [None])) - 1)
            giver = self.context.identity.public_key_hex if self.context.identity else ""
            sig = body.get("receiver_sig", "")
            valid = isinstance(sig, str) and len(sig) == 128 and all(c in "0123456789abcdef" for c in sig) and \
                countersignature_valid(self.context.network_id, body["shipment"], giver, body["to"], body["index"], sig)
            if not valid:
                raise FormError(self.tr("The receiver's acceptance code does not match this shipment, this hand-over "
                                        "and you as the giver. Ask the receiver to sign again."))
        try:
            check_body(self.entry_type, {**body, "seq": 0} if self.entry_type in PIN_ACTIONS else body)
            if self.entry_type == EntryType.RECORD_CORRECT:
                record = self.tables.get("records", {}).get(body["target"])
                if record is None:
                    raise FormError(self.tr("Choose a record that can be corrected"))
                check_correction(record["type"], body["set"])
        except EntryError as exc:
            raise FormError(str(exc).replace("body.", "")) from exc
        return body

    def review(self) -> bool:
        """Check the form; on success show what will be signed. Returns whether the review page is shown."""
        try:
            body = self.check()
        except FormError as exc:
            self.problem.setText(shown(exc))
            return False
        warnings = "\n".join(shown(line) for line in self.domain_warnings(body))
        if warnings and not (self.warned == warnings and self.warning.isChecked()):
            self.problem.setText("")
            self.warning_text.setText(warnings)
            self.warning_text.show()
            self.warning.setChecked(False)
            self.warning.show()
            self.warned = warnings
            return False
        self.problem.setText("")
        self.body = body
        signer = self.context.identity.fingerprint if self.context.identity else self.tr("(no key unlocked)")
        exercise = self.tr("EXERCISE network") if self.context.network_kind == "exercise" else self.tr("LIVE network")
        self.summary.setText(self.tr("You are about to sign <b>{0}</b> as <b>{1}</b> on the {2}. "
                                     "Signed entries cannot be changed, only corrected.")
                             .format(self.entry_type, signer, exercise))
        if self.entry_type in PERMISSIONED:
            self.summary.setText(self.summary.text() + self.tr(
                " This is a permissioned edit: it is signed as a <b>proposal</b> and takes effect only once "
                "approved under the network's policy (see Approvals)."))
        self.canonical.setPlainText(canonical.encode(body).decode("utf-8"))
        self.pages.setCurrentIndex(1)
        return True

    # -- review page -----------------------------------------------------------------------------------
    def _review_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.canonical = QPlainTextEdit()
        self.canonical.setReadOnly(True)
        buttons = QDialogButtonBox()
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        sign = buttons.addButton(self.tr("Sign and record"), QDialogButtonBox.ButtonRole.AcceptRole)
        sign.setDefault(True)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        sign.clicked.connect(self.confirm)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Exactly what will be signed (canonical JSON body):")))
        layout.addWidget(self.canonical)
        layout.addWidget(buttons)
        return page

    def confirm(self) -> None:
        if self.body is None:
            return
        if self.entry_type in PERMISSIONED:  # permissioned edits are proposed; they act once approved
            reason = self.body.get("reason") or self.tr("{0} from the record form").format(self.entry_type)
            self.context.submit(EntryType.PROPOSAL_OPEN,
                                {"action": self.entry_type, "body": self.body, "reason": reason})
        else:
            self.context.submit(self.entry_type, self.body)
        self.accept()


class AcceptCustodyDialog(QDialog):
    """On the receiver's screen: sign acceptance of a shipment and show the code for the giver."""

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.core.custody import countersign

        self.setWindowTitle(self.tr("Accept custody of a shipment"))
        self.context, self._countersign = context, countersign
        self.tables = context.tables()
        self.shipment = QComboBox()
        for value, text in _choices(self.tables, EntryType.SHIPMENT_HANDOVER, "shipment"):
            self.shipment.addItem(shown(text), value)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        sign = QPushButton(self.tr("Sign acceptance"))
        sign.clicked.connect(self.sign)
        copy = QPushButton(self.tr("Copy code"))
        copy.clicked.connect(self.copy_code)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QFormLayout(self)
        if context.network_kind == "exercise":
            self.setWindowTitle(self.tr("EXERCISE — ") + self.windowTitle())
            layout.addRow(exercise_banner())
        layout.addRow(self.tr("Shipment"), self.shipment)
        layout.addRow(sign)
        layout.addRow(self.tr("Code for the giver"), self.code)
        layout.addRow(copy)
        layout.addRow(close)

    def copy_code(self) -> None:
        """Put the whole acceptance code on the clipboard, so the receiver can paste it anywhere."""
        self.code.selectAll()
        self.code.copy()

    def sign(self) -> str:
        shipment = self.tables.get("shipments", {}).get(self.shipment.currentData() or "")
        if shipment is None or self.context.identity is None:
            self.code.setText(self.tr("Choose a shipment in transit (and unlock your key)"))
            return ""
        code = self._countersign(self.context.identity, self.context.network_id, shipment["shipment"],
                                 shipment["custodian"], len(shipment["custody"]) - 1)
        self.code.setText(code)
        return code
