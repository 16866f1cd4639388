"""Conflicts you can act on: each selected conflict in plain words, with buttons that open the resolving form.

The words and the pre-filled forms come from `app.core.conflict_help` (pure); here they are translated,
escaped and turned into buttons and a context menu that call the window's `open_form(entry_type, preset)`.
A resolved over-draw reads "resolved by … on …", not the over-draw it once was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from app.core.conflict_help import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    TITLES,
    ConflictHelp,
    Resolution,
    SuggestedAction,
    explain,
    phrase,
    resolution,
    summary,
)
from app.core.types import EntryType, Tables
from app.ui import table_models as tm
from app.ui.formatting import local_time, shown, shown_html
from app.ui.table_panel import TablePanel


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# What resolved an over-draw, in words (an approved action is named by its proposal, FORMAT.md §9 "Whose entry").
RESOLVERS = {
    EntryType.STOCK_RECEIVE: QT_TRANSLATE_NOOP("ConflictHelp", "a receipt"),
    EntryType.SHIPMENT_DELIVER: QT_TRANSLATE_NOOP("ConflictHelp", "a delivery"),
    EntryType.STOCK_ADJUST: QT_TRANSLATE_NOOP("ConflictHelp", "an approved adjustment"),
    EntryType.RECORD_CORRECT: QT_TRANSLATE_NOOP("ConflictHelp", "an approved correction"),
    "": QT_TRANSLATE_NOOP("ConflictHelp", "an entry"),
}


def resolution_text(tables: Tables, row: dict, found: Resolution) -> str:
    """'Water lot L-7 at Beira depot: resolved by a receipt 1a2b3c4d5e… on 2026-03-15 10:00; balance now 50'."""
    when = local_time(found.at_ms) if found.at_ms is not None else \
        QCoreApplication.translate("ConflictHelp", "a date this replica does not hold")
    return phrase(
        QT_TRANSLATE_NOOP("ConflictHelp",
                          "{item} lot {lot} at {site}: resolved by {what} {entry}… on {when}; balance now {balance}"),
        item=tm.name_of(tables, "items", row.get("item", "")), lot=row.get("lot", ""),
        site=tm.name_of(tables, "sites", row.get("site", "")),
        what=translate(RESOLVERS.get(found.what, found.what or RESOLVERS[""])),
        entry=found.entry[:10], when=when, balance=found.balance).text(translate, shown)


def conflict_columns(ts_of: Callable[[str], int | None]) -> list[tm.Column]:
    """Kind in words, open or resolved, and what happened (or how it was resolved)."""
    def what(row: dict, tables: Tables) -> str:
        found = resolution(tables, row, ts_of)
        return resolution_text(tables, row, found) if found is not None else summary(tables, row).text(translate, shown)

    return [
        tm.Column("Kind", lambda r, t: translate(TITLES.get(r["kind"], r["kind"]))),
        tm.Column("Open", lambda r, t: QCoreApplication.translate("ConflictHelp", "open") if r["open"]
                  else QCoreApplication.translate("ConflictHelp", "resolved")),
        tm.Column("What", what),
    ]


class ConflictsPanel(QWidget):
    """The Conflicts table over the selected conflict's explanation and its actions."""

    def __init__(self, panel: TablePanel, tables: Callable[[], Tables],
                 entry_of: Callable[[str], tuple[str, dict] | None], ts_of: Callable[[str], int | None],
                 open_form: Callable[[str, dict], Any], read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel, self.tables, self.entry_of, self.ts_of = panel, tables, entry_of, ts_of
        self.open_form, self.read_only = open_form, read_only
        self.help: ConflictHelp | None = None
        self.detail = QTextBrowser()
        self.detail.setObjectName("conflictDetail")
        self.detail.setAccessibleName(self.tr("What the selected conflict means"))
        self.detail.setOpenLinks(False)
        self.actions_row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(2, 0, 2, 2)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(self.actions_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(panel)
        splitter.addWidget(lower)
        splitter.setSizes([240, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        panel.view.doubleClicked.disconnect()   # no raw record box for a conflict: the pane below explains it
        panel.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_current())
        panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.view.customContextMenuRequested.connect(self._menu)
        panel.model.dataChanged.connect(lambda *_a: self.show_current())
        self.show_current()

    def current_key(self) -> str | None:
        index = self.panel.view.currentIndex()
        if not index.isValid():
            return None
        return self.panel.model.key_at(self.panel.proxy.mapToSource(index).row())

    def help_for(self, key: str) -> ConflictHelp | None:
        row = self.tables().get("conflicts", {}).get(key)
        if row is None:
            return None
        return explain(self.tables(), row, self.entry_of(row["entry"]), self.ts_of)

    def show_current(self) -> None:
        key = self.current_key()
        self.help = self.help_for(key) if key else None
        for button in self.buttons:
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        if self.help is None:
            hint = self.tr("Select a conflict to see what it means and what resolves it.")
            self.detail.setHtml(f"<p>{shown_html(hint)}</p>")
            return
        self.detail.setHtml(self.detail_html(key or "", self.help))
        for action in self.help.actions:
            button = QPushButton(action.label.text(translate, shown) + "…")
            button.setEnabled(not self.read_only)
            button.clicked.connect(lambda _checked=False, a=action: self.run(a))
            self.actions_row.addWidget(button)
            self.buttons.append(button)

    def detail_html(self, key: str, help_: ConflictHelp) -> str:
        tables = self.tables()
        row = tables["conflicts"][key]
        if help_.resolution is not None:
            state = resolution_text(tables, row, help_.resolution)
        else:
            state = self.tr("Open") if help_.open else self.tr("Closed")
        parts = [f"<h3>{shown_html(help_.title.text(translate))}</h3>", f"<p><b>{shown_html(state)}</b></p>"]
        parts += [f"<p>{p.text(translate, shown_html)}</p>" for p in help_.explanation]
        if help_.actions:
            hint = self.tr("What resolves it: the buttons below open the form, filled in.")
            parts.append(f"<p>{shown_html(hint)}</p>")
        return "".join(parts)

    def run(self, action: SuggestedAction) -> Any:
        """Open the resolving form, pre-filled; the operator reviews and signs it as any other."""
        return self.open_form(action.entry_type, dict(action.preset))

    def _menu(self, at: QPoint) -> None:
        if self.help is None or not self.help.actions:
            return
        menu = QMenu(self)
        for action in self.help.actions:
            item = menu.addAction(action.label.text(translate, shown) + "…")
            item.setEnabled(not self.read_only)
            item.triggered.connect(lambda _checked=False, a=action: self.run(a))
        menu.popup(self.panel.view.viewport().mapToGlobal(at))


def install(window) -> ConflictsPanel:  # window: the MainWindow (main_window imports this module)
    """Give the Conflicts dock plain-words columns, an explanation pane and resolving actions."""
    node = window.node
    times: dict[str, int | None] = {}

    def ts_of(entry_hash: str) -> int | None:
        """A resolving entry's time: one entry read, once (only resolved over-draws ask)."""
        if entry_hash not in times:
            entry = node.entry(entry_hash)
            times[entry_hash] = entry.ts if entry is not None else None
        return times[entry_hash]

    def entry_of(entry_hash: str) -> tuple[str, dict] | None:
        entry = node.entry(entry_hash)
        return (entry.type, entry.body) if entry is not None else None

    model: tm.StateTableModel = window.models["conflicts"]
    model.beginResetModel()
    model.columns, model.cells = conflict_columns(ts_of), {}
    model.endResetModel()
    panel: TablePanel = window.panels["conflicts"]
    view = ConflictsPanel(panel, lambda: window.tables, entry_of, ts_of, window.open_form, window.read_only)
    window.docks["conflicts"].setWidget(view)
    return view
