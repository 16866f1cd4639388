"""Qt table models over projected-state tables: thin adapters that update row by row.

The fold replaces a row's dict whenever the row changes, so comparing row identities between
two table copies finds exactly the changed rows without looking inside them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.display import spreadsheet_cell
from app.core.types import Tables
from app.ui import palette
from app.ui.formatting import local_time, quantity, shown
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.ledger_words import word

ROOT = QModelIndex()  # the invalid index Qt passes for "the whole table"

INSERT_CHUNK = 40  # rows inserted per refresh tick, so one tick stays short however much arrives
PRIORITY_TONES = {"critical": "danger", "high": "warning", "normal": "good", "low": "muted"}
STATUS_TONES = {"Status": {"open": "info", "partial": "warning", "filled": "good", "cancelled": "muted",
                           "in transit": "info", "delivered": "good"},
                "Open": {"open": "danger", "resolved": "good"}}   # by column: a conflict's open is a problem


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict, Tables], Any]
    numeric: bool = False


def name_of(tables: Tables, table: str, key: str) -> str:
    row = tables.get(table, {}).get(key)
    return row["name"] if row and "name" in row else key


def _member(tables: Tables, key: str | None) -> str:
    if not key:
        return ""
    row = tables.get("members", {}).get(key)
    return f"{row['name']} ({row['org']})" if row else key[:12] + "…"


def _custodian(row: dict, tables: Tables) -> str:
    """The holder, and a hand-over recorded with the spoken code that waits for the receiver's acceptance (§8.5)."""
    holder = _member(tables, row["custodian"])
    pending = row.get("pending")
    if pending is None or row["status"] != "in_transit":
        return holder
    return QCoreApplication.translate("StateTableModel", "{0} (hand-over to {1} pending: confirmed when the "
                                                         "receiver's device syncs)").format(
        holder, _member(tables, pending["to"]))


STOCK = [
    Column("Site", lambda r, t: name_of(t, "sites", r["site"])),
    Column("Item", lambda r, t: name_of(t, "items", r["item"])),
    Column("Lot", lambda r, t: r["lot"]),
    Column("Quantity", lambda r, t: r["qty"], numeric=True),
    Column("Unit", lambda r, t: t.get("items", {}).get(r["item"], {}).get("unit", "")),
]
REQUESTS = [
    Column("Request", lambda r, t: r["request"]),
    Column("Priority", lambda r, t: word(r["priority"])),
    Column("Site", lambda r, t: name_of(t, "sites", r["site"])),
    Column("Item", lambda r, t: name_of(t, "items", r["item"])),
    Column("Requested", lambda r, t: r["qty"], numeric=True),
    Column("Delivered", lambda r, t: r["delivered"], numeric=True),
    Column("Status", lambda r, t: word(r["status"])),
    Column("Needed by", lambda r, t: local_time(r["needed_by_ms"])),
]
SHIPMENTS = [
    Column("Shipment", lambda r, t: r["shipment"]),
    Column("Status", lambda r, t: word(r["status"])),
    Column("From", lambda r, t: name_of(t, "sites", r["from_site"])),
    Column("To", lambda r, t: name_of(t, "sites", r["to_site"])),
    Column("Carrier", lambda r, t: r["carrier"]),
    Column("Custodian", lambda r, t: _custodian(r, t)),
    Column("Lines", lambda r, t: ", ".join(f"{ln['qty']:,} {name_of(t, 'items', ln['item'])}" for ln in r["lines"])),
    Column("Dispatched", lambda r, t: local_time(r["dispatched_ms"])),
    Column("Discrepancies", lambda r, t: len(r["discrepancies"]), numeric=True),
]
CONFLICTS = [
    Column("Kind", lambda r, t: r["kind"]),
    Column("Open", lambda r, t: word("open" if r["open"] else "resolved")),
    Column("What", lambda r, t: r["message"]),
]
SITES = [
    Column("Site", lambda r, t: r["site"]),
    Column("Name", lambda r, t: r["name"]),
    Column("Kind", lambda r, t: word(r["kind"])),
    Column("Organisation", lambda r, t: r["org"]),
]


# Column headers, catalogued for translation: headerData() shows each through tr().
HEADERS = (
    QT_TRANSLATE_NOOP("StateTableModel", "Site"),
    QT_TRANSLATE_NOOP("StateTableModel", "Item"),
    QT_TRANSLATE_NOOP("StateTableModel", "Lot"),
    QT_TRANSLATE_NOOP("StateTableModel", "Quantity"),
    QT_TRANSLATE_NOOP("StateTableModel", "Unit"),
    QT_TRANSLATE_NOOP("StateTableModel", "Request"),
    QT_TRANSLATE_NOOP("StateTableModel", "Priority"),
    QT_TRANSLATE_NOOP("StateTableModel", "Requested"),
    QT_TRANSLATE_NOOP("StateTableModel", "Delivered"),
    QT_TRANSLATE_NOOP("StateTableModel", "Status"),
    QT_TRANSLATE_NOOP("StateTableModel", "Needed by"),
    QT_TRANSLATE_NOOP("StateTableModel", "Shipment"),
    QT_TRANSLATE_NOOP("StateTableModel", "From"),
    QT_TRANSLATE_NOOP("StateTableModel", "To"),
    QT_TRANSLATE_NOOP("StateTableModel", "Carrier"),
    QT_TRANSLATE_NOOP("StateTableModel", "Custodian"),
    QT_TRANSLATE_NOOP("StateTableModel", "Lines"),
    QT_TRANSLATE_NOOP("StateTableModel", "Dispatched"),
    QT_TRANSLATE_NOOP("StateTableModel", "Discrepancies"),
    QT_TRANSLATE_NOOP("StateTableModel", "Kind"),
    QT_TRANSLATE_NOOP("StateTableModel", "Open"),
    QT_TRANSLATE_NOOP("StateTableModel", "What"),
    QT_TRANSLATE_NOOP("StateTableModel", "Name"),
    QT_TRANSLATE_NOOP("StateTableModel", "Organisation"),
)


class StateTableModel(QAbstractTableModel):
    """Rows of one state table (optionally filtered), updated by `apply` without ever resetting."""

    def __init__(self, table: str, columns: list[Column], tables: Tables,
                 keep: Callable[[dict], bool] = lambda row: True, parent: Any = None) -> None:
        super().__init__(parent)
        self.table, self.columns, self.keep = table, columns, keep
        self.tables = tables
        self.keys: list[str] = [k for k, row in sorted(tables.get(table, {}).items()) if keep(row)]
        self.rows: dict[str, dict] = {k: tables[table][k] for k in self.keys}
        self.position: dict[str, int] = {k: at for at, k in enumerate(self.keys)}
        self.backlog: set[str] = set()
        self.cells: dict[str, tuple] = {}
        self.names_seen = self._names_signature(tables)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.keys[index.row()]
        row = self.rows[key]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            cells = self.cells.get(key)
            if cells is None:
                cells = self.cells[key] = tuple(c.value(row, self.tables) for c in self.columns)
            value = cells[index.column()]
            if role == Qt.ItemDataRole.UserRole:
                return value   # exact, for sorting, filtering and CSV export
            return quantity(value) if column.numeric else shown(value)
        if role == Qt.ItemDataRole.ToolTipRole and not column.numeric:
            return shown(self.data(index, Qt.ItemDataRole.UserRole))   # the whole text of a squeezed cell
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._tone(column, row)
        return None

    def _tone(self, column: Column, row: dict) -> QColor | None:
        """Priority, status and below-zero numbers in tones readable on the current theme's background."""
        if column.header == "Priority" and row.get("priority") in PRIORITY_TONES:
            return palette.tone(PRIORITY_TONES[row["priority"]])
        if column.header in STATUS_TONES:
            name = STATUS_TONES[column.header].get(str(column.value(row, self.tables)))
            return palette.tone(name) if name else None
        if column.numeric:
            value = column.value(row, self.tables)
            if isinstance(value, int) and value < 0:
                return palette.tone("danger")
        return None

    def key_at(self, row: int) -> str:
        return self.keys[row]

    def row_for(self, key: str) -> int:
        return self.position.get(key, -1)

    @staticmethod
    def _names_signature(tables: Tables) -> tuple:
        return tuple(id(row) for name in ("sites", "items", "members") for row in tables.get(name, {}).values())

    def apply(self, tables: Tables, changed: set[str] | None = None) -> bool:
        """Bring the model towards `tables`, looking only at `changed` keys (all keys when None).

        Changed rows emit one dataChanged over their span, vanished rows are removed, and at most
        INSERT_CHUNK new rows are inserted per call. Returns True while rows remain to insert.
        """
        self.tables = tables
        names = self._names_signature(tables)
        if names != self.names_seen:
            self.names_seen, self.cells = names, {}
            changed = None
        rows = tables.get(self.table, {})
        candidates = set(rows) | set(self.rows) if changed is None else changed | set(self.backlog)
        updated: list[str] = []
        gone: list[str] = []
        for key in candidates:
            row = rows.get(key)
            wanted = row is not None and self.keep(row)
            if key in self.rows:
                if not wanted:
                    gone.append(key)
                elif row is not None and row is not self.rows[key]:  # wanted, so row is not None
                    self.rows[key] = row
                    self.cells.pop(key, None)
                    updated.append(key)
            elif wanted:
                self.backlog.add(key)
            else:
                self.backlog.discard(key)
        for key in sorted(gone, key=self.position.__getitem__, reverse=True):
            at = self.position[key]
            self.beginRemoveRows(QModelIndex(), at, at)
            del self.keys[at], self.rows[key]
            self.cells.pop(key, None)
            self.endRemoveRows()
        if gone:
            self.position = {key: at for at, key in enumerate(self.keys)}
        if updated:
            spots = [self.position[key] for key in updated]
            self.dataChanged.emit(self.index(min(spots), 0), self.index(max(spots), len(self.columns) - 1))
        added = sorted(self.backlog)[:INSERT_CHUNK]
        if added:
            start = len(self.keys)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            for offset, key in enumerate(added):
                self.keys.append(key)
                self.rows[key] = rows[key]
                self.position[key] = start + offset
                self.backlog.discard(key)
            self.endInsertRows()
        return bool(self.backlog)


def export_csv(model: Any, path: Path) -> int:
    """Write what a (proxy) model shows, in its order, to CSV; returns the number of rows.

    Text that a spreadsheet would run as a formula is written with a leading `'` (the ledger keeps it exact).
    """
    columns = model.columnCount()
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)])
        for r in range(model.rowCount()):
            cells = (model.index(r, c).data(Qt.ItemDataRole.UserRole) for c in range(columns))
            writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return model.rowCount()
