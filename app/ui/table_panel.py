"""A table dock's body: a filter box over a sortable table of one state table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QTableView, QVBoxLayout, QWidget

from app.ui import table_models as tm

LIVE_SORT_LIMIT = 2000
RowActions = Callable[[str], list[tuple[str, Callable[[], object]]]]
"""What an operator can do with a row, by its key: (label, what it does) pairs, in menu order."""


class TablePanel(QWidget):
    """A filter box over a sortable table; double-click opens the record with its lineage, and a right
    click (or the menu key) offers what can be recorded about the row (`row_actions`)."""

    def __init__(self, model: tm.StateTableModel, on_open: Callable[[tm.StateTableModel, str], object],
                 parent: QWidget | None = None, row_actions: RowActions | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.row_actions = row_actions
        self.menu: QMenu | None = None
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter (Ctrl+F)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(lambda index: on_open(model, model.key_at(self.proxy.mapToSource(index).row())))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: gray; padding: 4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.sized = False
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)
        self._update_empty()

    def selected_key(self) -> str | None:
        """The key of the row the operator has selected (the current row), or None."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.model.key_at(self.proxy.mapToSource(index).row())

    def row_menu(self, key: str) -> QMenu | None:
        """The menu of what can be done with the row `key` (None when nothing can)."""
        actions = self.row_actions(key) if self.row_actions is not None else []
        if not actions:
            return None
        menu = QMenu(self)
        for label, act in actions:
            menu.addAction(label, act)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        """A right click acts on the row under the pointer; the menu key on the current row (the menu opens
        on that row, wherever the pointer is)."""
        index = self.view.indexAt(pos)
        if self.selected_key() is None and index.isValid():
            self.view.selectRow(index.row())
            self.view.setCurrentIndex(index)
        key = self.selected_key()
        self.menu = self.row_menu(key) if key is not None else None
        if self.menu is not None:
            row = self.view.visualRect(self.view.currentIndex())
            self.menu.popup(self.view.viewport().mapToGlobal(pos if row.contains(pos) else row.center()))

    def _before_insert(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        if self.proxy.dynamicSortFilter() and self.model.rowCount() + last - first + 1 > LIVE_SORT_LIMIT:
            self.proxy.setDynamicSortFilter(False)

    def _update_empty(self) -> None:
        """Show the empty-state hint; size columns once, when the first rows arrive (sizing reads rows).

        Past LIVE_SORT_LIMIT rows, placing each new row in sort order costs thousands of Python calls
        per refresh, so big tables append new rows and re-sort when the operator clicks a header.
        """
        if self.proxy.dynamicSortFilter() and self.model.rowCount() > LIVE_SORT_LIMIT:
            self.proxy.setDynamicSortFilter(False)
        has_rows = self.model.rowCount() > 0
        self.empty.setText("" if has_rows else self.tr("Nothing here yet. Use the Record menu to add the first entry."))
        self.empty.setVisible(not has_rows)
        if has_rows and not self.sized:
            self.sized = True
            self.view.resizeColumnsToContents()
