"""The "Runs" list: recorded allocation runs with this replica's own verdict on each."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from app.core.types import Tables
from app.ui import palette
from app.ui.formatting import shown
from app.ui.i18n import QT_TRANSLATE_NOOP

COLUMNS = [QT_TRANSLATE_NOOP("RunsTable", "Verified"), QT_TRANSLATE_NOOP("RunsTable", "Run"),
           QT_TRANSLATE_NOOP("RunsTable", "Contract"), QT_TRANSLATE_NOOP("RunsTable", "Allocations"),
           QT_TRANSLATE_NOOP("RunsTable", "Units"), QT_TRANSLATE_NOOP("RunsTable", "Who"),
           QT_TRANSLATE_NOOP("RunsTable", "When (UTC)"), QT_TRANSLATE_NOOP("RunsTable", "Reason")]
VERDICT, RUN, CONTRACT, ALLOCATIONS, UNITS, WHO, WHEN, REASON = range(len(COLUMNS))
TONES = {"verified": "good", "mismatch": "danger", "unchecked": "warning", "checking": "muted"}


def run_rows(tables: Tables, checks: dict[str, dict]) -> list[dict]:
    """One display row per recorded run, newest first; `verdict` is the local check (or `checking`)."""
    members = tables.get("members", {})
    rows = []
    for key, run in tables.get("allocation_runs", {}).items():
        check = checks.get(key)
        who = members.get(run["by"])
        rows.append({**run, "who": f"{who['name']} ({who['org']})" if who else run["by"][:12] + "…",
                     "verdict": check["status"] if check else "checking", "reason": check["reason"] if check else ""})
    return sorted(rows, key=lambda r: (-r["at_ms"], r["run"]))


def verdict_text(row: dict) -> str:
    return QCoreApplication.translate("RunsTable", {
        "verified": QT_TRANSLATE_NOOP("RunsTable", "✓ verified"),
        "mismatch": QT_TRANSLATE_NOOP("RunsTable", "✗ MISMATCH"),
        "unchecked": QT_TRANSLATE_NOOP("RunsTable", "? unchecked"),
        "checking": QT_TRANSLATE_NOOP("RunsTable", "checking…")}[row["verdict"]])


class RunsTable(QTableWidget):
    """Read-only; the reason of a mismatch is in the cell and its tooltip."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.rows: list[dict] = []

    def show_runs(self, rows: list[dict]) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = datetime.fromtimestamp(row["at_ms"] // 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
            values = [verdict_text(row), row["run"][:12] + "…", f"{row['contract']}@{row['version']}",
                      f"{row['allocations']:,}", f"{row['units']:,}", row["who"], when, row["reason"]]
            for column, value in enumerate(values):
                item = QTableWidgetItem(shown(value))   # names and reasons come from the ledger
                item.setToolTip(shown(row["reason"] or row["run"]))
                if column in (ALLOCATIONS, UNITS):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == VERDICT:
                    item.setBackground(QBrush(palette.tint(TONES[row["verdict"]])))   # readable in any theme
                self.setItem(index, column, item)
