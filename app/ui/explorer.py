"""The ledger explorer: entries in total order (newest first, paged), per author, and one entry in full."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import canonical
from app.core.entry import Entry
from app.core.identity import fingerprint_hex
from app.core.lineage import Step, lineage
from app.core.state import LedgerState
from app.core.types import Tables
from app.node import Node
from app.ui.formatting import local_time, quantity, shown
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.lineage_view import timeline

ROOT = QModelIndex()  # the invalid index Qt passes for "the whole table"

PAGE = 200
DETAIL_MIN_CHARS = 48   # the detail pane never gets narrower than this many average characters
DETAIL_MIN_LINES = 8    # and never lower than this many lines when it sits below the entries
TABLE_MIN_CHARS = 56    # the entries table beside it needs about as much; below both, they stack


def entry_status(tables: Tables, entry: Entry) -> str:
    """Validation status as an operator reads it: stored entries passed every rule on receipt."""
    ineffective = tables.get("ineffective", {}).get(entry.hash)
    if ineffective:
        return f"valid, without effect ({ineffective['code']}): {ineffective['message']}"
    proposal = tables.get("proposals", {}).get(entry.hash)
    if proposal:
        return f"valid; proposal {proposal['status']}" + (f" — {proposal['outcome']}" if proposal["outcome"] else "")
    decided = tables.get("proposals", {}).get(entry.body.get("proposal", "")) if entry.type.startswith("proposal.") \
        else None
    if decided and decided["decided_by"] == entry.hash:
        return f"valid; decided proposal {decided['proposal'][:12]}… ({decided['status']}: {decided['outcome']})"
    flag = tables.get("flags", {}).get(entry.author)
    if flag and entry.seq >= flag["seq"]:
        return f"author flagged: {flag['message']}"
    conflicts = [c for key, c in tables.get("conflicts", {}).items() if key.startswith(entry.hash)
                 or entry.hash in c.get("entries", [])]
    if conflicts:
        return "valid; raised conflict: " + "; ".join(c["message"] for c in conflicts)
    return "valid: signature, chain, clock, schema and role checked on receipt"


class EntriesModel(QAbstractTableModel):
    """Newest entries first; older pages load as the operator scrolls (canFetchMore/fetchMore)."""

    HEADERS = (QT_TRANSLATE_NOOP("EntriesModel", "Lamport"), QT_TRANSLATE_NOOP("EntriesModel", "Author"),
               QT_TRANSLATE_NOOP("EntriesModel", "Seq"), QT_TRANSLATE_NOOP("EntriesModel", "Type"),
               QT_TRANSLATE_NOOP("EntriesModel", "Time"), QT_TRANSLATE_NOOP("EntriesModel", "Hash"))

    def __init__(self, node: Node, author: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.node, self.author = node, author
        self.entries: list[Entry] = []
        self.exhausted = False
        self.names: dict[str, str] = {}
        self.fetchMore(QModelIndex())

    def set_author(self, author: str | None) -> None:
        self.beginResetModel()
        self.author, self.entries, self.exhausted = author, [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def _name(self, key: str) -> str:
        if key not in self.names:
            self.names[key] = self.node.member_name(key)
        return self.names[key]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            value = (entry.lamport, self._name(entry.author), entry.seq, entry.type, local_time(entry.ts),
                     entry.hash[:16] + "…")[index.column()]
            return shown(value) if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        """One page of older entries: a bounded read, cheap enough for the GUI thread."""
        before = self.entries[-1].key if self.entries else None
        page = self.node.recent(PAGE, author=self.author, before=before)
        if len(page) < PAGE:
            self.exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(page) - 1)
            self.entries.extend(page)
            self.endInsertRows()

    def add_new(self, entries: list[Entry]) -> None:
        """Entries just stored go on top (those sorting into the past go where they belong)."""
        fresh = [e for e in entries if self.author in (None, e.author)]
        if not fresh:
            return
        newest = self.entries[0].key if self.entries else None
        on_top = sorted((e for e in fresh if newest is None or e.key > newest), key=lambda e: e.key, reverse=True)
        if on_top:
            self.beginInsertRows(QModelIndex(), 0, len(on_top) - 1)
            self.entries[0:0] = on_top
            self.endInsertRows()
        for entry in fresh:
            if newest is not None and entry.key < newest and self.entries and entry.key > self.entries[-1].key:
                position = next(i for i, e in enumerate(self.entries) if e.key < entry.key)
                self.beginInsertRows(QModelIndex(), position, position)
                self.entries.insert(position, entry)
                self.endInsertRows()


def trail_lines(node: Node, tables: Tables, steps: list[Step]) -> list[str]:
    """Lineage steps in words (when, what, how much, where, who), a handful of entries read by hash."""
    by_hash = {e.hash: e for e in node.entries(sorted({step.entry for step in steps}))}
    lines = []
    for step in steps:
        for line in timeline(tables, step.lot, [(step.event, step.entry)], by_hash, node.member_name):
            lines.append(f"  {line.when}  {line.what}  {quantity(line.qty)}  lot {step.lot}  {line.where}  "
                         f"{line.who}  entry {step.entry[:12]}…")
    return lines


class EntryDetail(QPlainTextEdit):
    """Everything about one entry: envelope, canonical bytes, hash, signature, status, lineage both ways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Entry detail"))
        self.setPlaceholderText(self.tr("Select an entry to see its signed content, status and lineage."))
        # Hashes, keys and canonical bytes are long unbroken words: wrapping them breaks them letter by letter,
        # so lines keep their shape and a long one scrolls sideways.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * DETAIL_MIN_CHARS)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * DETAIL_MIN_LINES)

    def show_entry(self, node: Node, tables: Tables, entry: Entry) -> None:
        back, forward = lineage(LedgerState(tables=tables), entry.hash)
        lines = [
            f"{entry.type}   seq {entry.seq}   lamport {entry.lamport}   {local_time(entry.ts)}",
            f"Author      {node.member_name(entry.author)}   fingerprint {fingerprint_hex(entry.author)}",
            f"Status      {entry_status(tables, entry)}",
            f"Hash        {entry.hash}",
            f"Signature   {entry.sig.hex()}",
            f"Prev        {entry.prev or '—'}",
            f"Deps        {', '.join(d[:16] + '…' for d in entry.deps) or '—'}",
            "",
            "Body",
            *json.dumps(entry.body, indent=2, ensure_ascii=False).split("\n"),   # JSON escapes newlines in strings
            "",
            "Canonical signed bytes",
            canonical.encode(entry.content()).decode("utf-8"),
        ]
        from app.ui.approvals_view import decision_lines

        decisions = decision_lines(tables, f"entry:{entry.hash}")
        if decisions:
            lines += ["", "Decisions on this record"] + decisions
        if back or forward:
            lines += ["", self.tr("Where it came from"), *trail_lines(node, tables, back)]
            lines += [self.tr("Where it went"), *trail_lines(node, tables, forward)]
        self.setPlainText("\n".join(shown(line) for line in lines))   # names, notes, reasons are typed by members


class LedgerExplorer(QWidget):
    """Total order or one author's feed on the left, the selected entry on the right."""

    entry_selected = Signal(object)

    def __init__(self, node: Node, tables_provider: Callable[[], Tables], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node, self.tables_provider = node, tables_provider
        self.feed = QComboBox()
        self.feed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.feed.setMinimumContentsLength(16)   # long member names must not widen the explorer
        self.feed.setAccessibleName(self.tr("Feed"))
        self.feed.addItem(self.tr("All authors (total order)"), None)
        for key, row in sorted(node.read(lambda s: dict(s.tables["members"])).items(), key=lambda i: i[1]["name"]):
            self.feed.addItem(shown(f"{row['name']} ({row['org']})"), key)
        self.model = EntriesModel(node)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Ledger entries"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((64, 210, 48, 130, 120)):
            self.view.setColumnWidth(column, width)
        self.detail = EntryDetail()
        self.feed.currentIndexChanged.connect(lambda _i: self.model.set_author(self.feed.currentData()))
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        top = QHBoxLayout()
        feed_label = QLabel(self.tr("Fee&d:"))   # Alt+D; Alt+F opens the File menu
        feed_label.setBuddy(self.feed)
        top.addWidget(feed_label)
        top.addWidget(self.feed, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view)
        left.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)   # a pane dragged to nothing reads as a lost pane
        self.splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def side_by_side_width(self) -> int:
        """Width from which the entries and the detail fit beside each other; narrower, the detail goes below."""
        return self.fontMetrics().averageCharWidth() * (TABLE_MIN_CHARS + DETAIL_MIN_CHARS)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the detail stacked under the entries: side by side only comes from side_by_side_width on.

        The splitter's own hint adds both panes' minimums as if side by side, which would keep the map
        column narrow at 1280x720 even though the explorer stacks its panes at that width.
        """
        hint = super().minimumSizeHint()
        stacked = max(self.detail.minimumWidth(), self.fontMetrics().averageCharWidth() * 24) + 8
        return QSize(min(hint.width(), stacked), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        wanted = Qt.Orientation.Horizontal if event.size().width() >= self.side_by_side_width() \
            else Qt.Orientation.Vertical
        if wanted != self.splitter.orientation():
            self.splitter.setOrientation(wanted)
            extent = event.size().width() if wanted == Qt.Orientation.Horizontal else event.size().height()
            self.splitter.setSizes([extent * 55 // 100, extent * 45 // 100])
        super().resizeEvent(event)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            entry = self.model.entries[current.row()]
            self.detail.show_entry(self.node, self.tables_provider(), entry)
            self.entry_selected.emit(entry)

    def reveal(self, entry_hash: str) -> bool:
        """Show one entry (a lineage step): selected in the list when loaded, in the detail pane in any case."""
        if self.select_hash(entry_hash):
            return True
        found = self.node.entries([entry_hash])
        if not found:
            return False
        self.view.clearSelection()
        self.detail.show_entry(self.node, self.tables_provider(), found[0])
        self.entry_selected.emit(found[0])
        return True

    def select_hash(self, entry_hash: str) -> bool:
        for row, entry in enumerate(self.model.entries):
            if entry.hash == entry_hash:
                self.view.selectRow(row)
                self.detail.show_entry(self.node, self.tables_provider(), entry)  # fresh status even if already current
                return True
        return False
