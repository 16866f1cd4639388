"""A table dock's body: a filter box over a sortable table of one state table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui import table_models as tm

LIVE_SORT_LIMIT = 2000
TEXT_FLOOR_CHARS = 6   # a squeezed text column still shows this many characters (then "…"; the tooltip has it all)


def fitted_widths(wanted: list[int], floors: list[int], numeric: list[bool], available: int) -> list[int]:
    """Column widths that fit `available` pixels when the contents would not: numbers keep their width
    (a quantity cut short is a wrong quantity), text columns give up width in proportion to what they want,
    never below their floor. When even the floors do not fit, the floors are returned (the table scrolls)."""
    if sum(wanted) <= available:
        return list(wanted)
    widths = list(wanted)
    text = [c for c, is_number in enumerate(numeric) if not is_number]
    room = available - sum(w for w, is_number in zip(wanted, numeric, strict=True) if is_number)
    at_floor: set[int] = set()
    while True:   # columns squeezed below their floor stay at it; the others share what is left
        flexible = [c for c in text if c not in at_floor]
        budget = room - sum(floors[c] for c in at_floor)
        asked = sum(wanted[c] for c in flexible)
        for c in flexible:
            widths[c] = max(0, budget) * wanted[c] // max(1, asked)
        short = {c for c in flexible if widths[c] < floors[c]}
        if not short:
            break
        at_floor |= short
    for c in at_floor:
        widths[c] = floors[c]
    return widths


class KeyFilterProxy(QSortFilterProxyModel):
    """The filter box's text filter, narrowed (when `keys` is set) to the rows with those keys."""

    keys: set[str] | None = None

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt override
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.keys is not None and isinstance(model, tm.StateTableModel) and \
                model.key_at(source_row) not in self.keys:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
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
        self.proxy = KeyFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter (Ctrl+F)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.setAccessibleName(self.tr("Filter {0}").format(model.table))
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("{0} table").format(model.table.capitalize()))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)   # a squeezed cell ends in "…" (its tooltip has the whole text), not half a line
        self.view.doubleClicked.connect(lambda index: on_open(model, model.key_at(self.proxy.mapToSource(index).row())))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)   # the theme's muted text, dark or light
        self.empty.setContentsMargins(4, 4, 4, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        self.only_bar = QWidget()   # "showing N rows from the overview — Show all"
        only_layout = QHBoxLayout(self.only_bar)
        only_layout.setContentsMargins(0, 0, 0, 0)
        self.only_text = QLabel()
        self.only_all = QPushButton(self.tr("Show all"))
        self.only_all.clicked.connect(lambda: self.show_keys(None))
        only_layout.addWidget(self.only_text, 1)
        only_layout.addWidget(self.only_all)
        self.only_bar.hide()
        layout.addWidget(self.only_bar)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.sized = False
        self.operator_sized = False   # once the operator drags a column edge, their widths win over fitting
        self.content_widths: list[int] = []
        self._fitting = False
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(200)
        header.sectionResized.connect(self._section_resized)
        self.view.viewport().installEventFilter(self)
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
            self._fitting = True
            self.view.resizeColumnsToContents()
            self._fitting = False
            header = self.view.horizontalHeader()
            self.content_widths = [header.sectionSize(c) for c in range(self.model.columnCount())]
            self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.operator_sized = True

    def refit(self) -> None:
        """Size the columns to their contents again (a column was added) and fit them to the dock."""
        if not self.sized:
            return
        self._fitting = True
        self.view.resizeColumnsToContents()
        self._fitting = False
        header = self.view.horizontalHeader()
        self.content_widths = [header.sectionSize(c) for c in range(self.model.columnCount())]
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column in view when the dock is narrow (e.g. Quantity in the stock column at 1280x720)."""
        if not self.content_widths or self.operator_sized:
            return
        if len(self.content_widths) != self.model.columnCount():
            self.refit()
            return
        header = self.view.horizontalHeader()
        floor_text = self.view.fontMetrics().averageCharWidth() * TEXT_FLOOR_CHARS
        floors = [max(header.sectionSizeHint(c), floor_text) for c in range(len(self.content_widths))]
        numeric = [column.numeric for column in self.model.columns]
        available = self.view.viewport().width()
        widths = fitted_widths(self.content_widths, floors, numeric, available)
        squeezed = sum(self.content_widths) > available
        self._fitting = True
        try:
            # Stretching the last section would give it at least the default section size, pushing it past
            # the edge; squeezed, every section gets its fitted width instead.
            header.setStretchLastSection(not squeezed)
            for column, width in enumerate(widths if squeezed else widths[:-1]):
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def show_keys(self, keys: set[str] | None, note: str = "") -> None:
        """Show only the rows with `keys` (None: all again), all of them selected, the first scrolled to."""
        self.proxy.beginFilterChange()
        self.proxy.keys = None if keys is None else set(keys)
        self.proxy.endFilterChange()
        self.only_bar.setVisible(keys is not None)
        self.only_text.setText(note)
        self.view.clearSelection()
        if keys is None or self.proxy.rowCount() == 0:
            return
        last = self.proxy.columnCount() - 1
        selection = QItemSelection(self.proxy.index(0, 0), self.proxy.index(self.proxy.rowCount() - 1, last))
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(self.proxy.index(0, 0))

    def selected_keys(self) -> list[str]:
        """The keys of the selected rows, in the order shown."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.key_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]
