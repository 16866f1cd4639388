"""Coalesced live refresh of the window's tables, explorer and approvals as entries are stored."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.core.entry import Entry
from app.core.types import Tables
from app.ui.window_host import WindowHost
from app.ui.window_status import WindowStatus

REFRESH_MS = 150


class WindowRefresh(QObject):
    """One job: fold bursts of stored entries into at most one model update every REFRESH_MS.

    Syncing a big backlog stores thousands of entries a second; redrawing per batch would freeze the window.
    """

    def __init__(self, window: WindowHost, status: WindowStatus) -> None:
        super().__init__(window.window())
        self.window = window
        self.status = status
        self.pending: Tables | None = None
        self.pending_entries: list[Entry] = []
        self.pending_changes: dict[str, set[str]] = {}
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.apply_pending)

    def on_entries_stored(self, entries: list[Entry], tables: Tables, changes: dict[str, set[str]]) -> None:
        """Coalesce: keep the newest table copy and the union of changed keys; apply at most every REFRESH_MS."""
        self.pending = tables
        for name, keys in changes.items():
            self.pending_changes.setdefault(name, set()).update(keys)
        self.pending_entries.extend(entries)
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def apply_pending(self) -> None:
        window = self.window
        if self.pending is None:
            return
        window.tables, self.pending = self.pending, None
        changes, self.pending_changes = self.pending_changes, {}
        more = [model.apply(window.tables, changes.get(model.table, set())) for model in window.models.values()]
        if any(more) and self.pending is None:
            self.pending = window.tables
            QTimer.singleShot(20, self.apply_pending)
        entries, self.pending_entries = self.pending_entries, []
        window.explorer.model.add_new(entries)
        self.status.show_integrity()
        if changes.get("proposals") or changes.get("members"):
            window.approvals.refresh(window.tables)
        window.overview.tables_changed()
