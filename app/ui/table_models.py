"""Qt table models over projected-state tables: thin adapters that update row by row.

The fold replaces a row's dict whenever the row changes, so comparing row identities between
two table copies finds exactly the changed rows without looking inside them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.ui.formatting import local_time, quantity

Tables = dict[str, dict[str, dict]]
PRIORITY_COLOURS = {"critical": QColor("#c62828"), "high": QColor("#ef6c00"), "normal": QColor("#2e7d32"),
                    "low": QColor("#607d8b")}


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


STOCK = [
    Column("Site", lambda r, t: name_of(t, "sites", r["site"])),
    Column("Item", lambda r, t: name_of(t, "items", r["item"])),
    Column("Lot", lambda r, t: r["lot"]),
    Column("Quantity", lambda r, t: r["qty"], numeric=True),
    Column("Unit", lambda r, t: t.get("items", {}).get(r["item"], {}).get("unit", "")),
]
REQUESTS = [
    Column("Request", lambda r, t: r["request"]),
    Column("Priority", lambda r, t: r["priority"]),
    Column("Site", lambda r, t: name_of(t, "sites", r["site"])),
    Column("Item", lambda r, t: name_of(t, "items", r["item"])),
    Column("Requested", lambda r, t: r["qty"], numeric=True),
    Column("Delivered", lambda r, t: r["delivered"], numeric=True),
    Column("Status", lambda r, t: r["status"]),
    Column("Needed by", lambda r, t: local_time(r["needed_by_ms"])),
]
SHIPMENTS = [
    Column("Shipment", lambda r, t: r["shipment"]),
    Column("Status", lambda r, t: r["status"].replace("_", " ")),
    Column("From", lambda r, t: name_of(t, "sites", r["from_site"])),
    Column("To", lambda r, t: name_of(t, "sites", r["to_site"])),
    Column("Carrier", lambda r, t: r["carrier"]),
    Column("Custodian", lambda r, t: _member(t, r["custodian"])),
    Column("Lines", lambda r, t: ", ".join(f"{ln['qty']:,} {name_of(t, 'items', ln['item'])}" for ln in r["lines"])),
    Column("Dispatched", lambda r, t: local_time(r["dispatched_ms"])),
    Column("Discrepancies", lambda r, t: len(r["discrepancies"]), numeric=True),
]
CONFLICTS = [
    Column("Kind", lambda r, t: r["kind"]),
    Column("Open", lambda r, t: "open" if r["open"] else "resolved"),
    Column("What", lambda r, t: r["message"]),
]
SITES = [
    Column("Site", lambda r, t: r["site"]),
    Column("Name", lambda r, t: r["name"]),
    Column("Kind", lambda r, t: r["kind"].replace("_", " ")),
    Column("Organisation", lambda r, t: r["org"]),
]


class StateTableModel(QAbstractTableModel):
    """Rows of one state table (optionally filtered), updated by `apply` without ever resetting."""

    def __init__(self, table: str, columns: list[Column], tables: Tables,
                 keep: Callable[[dict], bool] = lambda row: True, parent: Any = None) -> None:
        super().__init__(parent)
        self.table, self.columns, self.keep = table, columns, keep
        self.tables = tables
        self.keys: list[str] = [k for k, row in sorted(tables.get(table, {}).items()) if keep(row)]
        self.rows: dict[str, dict] = {k: tables[table][k] for k in self.keys}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[self.keys[index.row()]]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row, self.tables)
            return quantity(value) if column.numeric else value
        if role == Qt.ItemDataRole.UserRole:
            return column.value(row, self.tables)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.header == "Priority":
                return PRIORITY_COLOURS.get(row.get("priority", ""))
            if column.numeric and isinstance(column.value(row, self.tables), int) and \
                    column.value(row, self.tables) < 0:
                return QColor("#c62828")
        return None

    def key_at(self, row: int) -> str:
        return self.keys[row]

    def row_for(self, key: str) -> int:
        return self.keys.index(key) if key in self.rows else -1

    def apply(self, tables: Tables) -> None:
        """Bring the model to `tables`: changed rows emit dataChanged, new rows are inserted, gone rows removed."""
        self.tables = tables
        fresh = {k: row for k, row in tables.get(self.table, {}).items() if self.keep(row)}
        for key in [k for k in self.keys if k not in fresh]:
            position = self.keys.index(key)
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.keys[position]
            del self.rows[key]
            self.endRemoveRows()
        last_column = len(self.columns) - 1
        for position, key in enumerate(self.keys):
            if fresh[key] is not self.rows[key]:
                self.rows[key] = fresh[key]
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))
        added = sorted(k for k in fresh if k not in self.rows)
        if added:
            start = len(self.keys)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self.keys.extend(added)
            self.rows.update({k: fresh[k] for k in added})
            self.endInsertRows()


def export_csv(model: Any, path: Path) -> int:
    """Write what a (proxy) model shows, in its order, to CSV; returns the number of rows."""
    columns = model.columnCount()
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)])
        for r in range(model.rowCount()):
            writer.writerow([model.index(r, c).data(Qt.ItemDataRole.UserRole) for c in range(columns)])
    return model.rowCount()
