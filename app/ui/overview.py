"""The situation overview: what is short, what is late, what waits for me — the first thing an operator sees.

Everything counted comes from `app.core.situation` (pure); this module only words it, in large counts an
operator reads across a room at 3 a.m., and turns a click on a count into the rows behind it, shown and
selected in their dock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.situation import STALE_AFTER_MS, Situation, overdue_by, situation, unseen_for
from app.core.types import Tables
from app.ui import table_models as tm
from app.ui.approvals_view import subject_text
from app.ui.formatting import local_time, quantity, shown
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, translate

MAX_LINES = 5            # rows listed under a count; the click shows them all
REFRESH_EVERY_MS = 60_000  # "late" and "not seen" move with the clock, not only with new entries


@dataclass(frozen=True)
class Card:
    """One count on the overview: its name, the dock its rows live in, and the column it sits in."""

    name: str
    column: str
    target: str   # requests, shipments, conflicts or approvals


CARDS = (
    Card("short", "short", "requests"),
    Card("overdue", "late", "requests"),
    Card("stale", "late", "shipments"),
    Card("late_shipments", "late", "shipments"),
    Card("approvals", "waiting", "approvals"),
    Card("custody", "waiting", "shipments"),
    Card("incoming", "waiting", "shipments"),
    Card("conflicts", "waiting", "conflicts"),
)


class CountButton(QPushButton):
    """A large count and what it counts; a click (or Space when focused) shows the rows."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"overview-{name}")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.count = QLabel("0")
        big = QFont(self.font())
        big.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 2.2)   # scales with the application font
        big.setBold(True)
        self.count.setFont(big)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("00") + 4)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = QLabel()
        caption_font = QFont(self.font())
        caption_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.15)
        self.caption.setFont(caption_font)
        for label in (self.count, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(self.count)
        row.addWidget(self.caption, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The count and its caption side by side (a push button's own hint knows only its text)."""
        layout = self.layout()
        assert layout is not None
        return layout.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def set_count(self, value: int, caption: str, attention: bool) -> None:
        """The number in the palette's text colour when it needs attention, in the muted colour when zero."""
        self.count.setText(str(value))
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {value}")
        role = QPalette.ColorRole.Highlight if attention and value else QPalette.ColorRole.PlaceholderText
        palette = self.count.palette()
        palette.setColor(self.count.foregroundRole(), self.palette().color(role))   # ButtonText inside a button
        self.count.setPalette(palette)


class OverviewView(QWidget):
    """Three columns of counts (short, late, waiting for me), each count listing its first rows.

    `show_rows(target, keys)` asks the window to show and select those rows in the dock `target`.
    """

    show_rows = Signal(str, list)

    def __init__(self, tables: Callable[[], Tables], clock: Callable[[], int], me: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.tables_of, self.clock, self.me = tables, clock, me
        self.current: Situation | None = None
        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)   # a long name must not widen the page past the tab
        self.buttons: dict[str, CountButton] = {}
        self.details: dict[str, QLabel] = {}
        titles = {"short": self.tr("Short"), "late": self.tr("Late"), "waiting": self.tr("Waiting for me")}
        self.grid = QGridLayout()
        self.boxes: list[QGroupBox] = []          # the counts, one box per column
        self.box_grids: list[QGridLayout] = []
        self.listings: list[QWidget] = []         # under each box's counts: the rows behind them
        self.headers: dict[str, QLabel] = {}
        for column, title in titles.items():
            box = QGroupBox(title)
            box.setObjectName(f"overview-column-{column}")
            self.box_grids.append(QGridLayout(box))
            listing = QWidget()
            listing_layout = QVBoxLayout(listing)
            listing_layout.setContentsMargins(4, 0, 4, 0)
            for card in (c for c in CARDS if c.column == column):
                button = CountButton(card.name)
                button.clicked.connect(lambda _checked=False, name=card.name: self.open_card(name))
                header = QLabel()
                header_font = QFont(self.font())
                header_font.setBold(True)
                header.setFont(header_font)
                detail = QLabel()
                detail.setObjectName(f"overview-{card.name}-rows")
                detail.setTextFormat(Qt.TextFormat.PlainText)
                detail.setWordWrap(True)
                detail.setIndent(12)
                detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.buttons[card.name], self.headers[card.name], self.details[card.name] = button, header, detail
                listing_layout.addWidget(header)
                listing_layout.addWidget(detail)
            listing_layout.addStretch(1)
            self.boxes.append(box)
            self.listings.append(listing)
        self.columns = 0
        self.per_line = 0
        self._arrange(1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.heading)
        body_layout.addLayout(self.grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_EVERY_MS)
        self.timer.timeout.connect(self.tables_changed)
        self.timer.start()
        self.dirty = False

    def _arrange(self, columns: int, per_line: int = 2) -> None:
        """Wide: short, late and waiting side by side, each over its rows. Narrow: every count first,
        `per_line` to a line (two, or one where two would be cut off), so the counts come before any
        row; the rows behind them follow."""
        if (columns, per_line) == (self.columns, self.per_line):
            return
        self.columns, self.per_line = columns, per_line
        for box, listing in zip(self.boxes, self.listings, strict=True):
            self.grid.removeWidget(box)
            self.grid.removeWidget(listing)
        for index, (box, listing) in enumerate(zip(self.boxes, self.listings, strict=True)):
            if columns > 1:
                self.grid.addWidget(box, 0, index)
                self.grid.addWidget(listing, 1, index)
            else:
                self.grid.addWidget(box, index, 0)
                self.grid.addWidget(listing, len(self.boxes) + index, 0)
        for index in range(3):
            self.grid.setColumnStretch(index, 1 if columns > 1 or index == 0 else 0)
        for column, grid in zip(("short", "late", "waiting"), self.box_grids, strict=True):
            names = [c.name for c in CARDS if c.column == column]
            for name in names:
                grid.removeWidget(self.buttons[name])
            per_row = 1 if columns > 1 else per_line
            for at, name in enumerate(names):
                grid.addWidget(self.buttons[name], at // per_row, at % per_row)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        needed = sum(box.sizeHint().width() for box in self.boxes) + 40
        pair = 2 * max(button.sizeHint().width() for button in self.buttons.values()) + 60
        width = event.size().width()
        self._arrange(3 if width >= max(needed, 900) else 1, 2 if width >= pair else 1)
        super().resizeEvent(event)

    def tables_changed(self) -> None:
        """Recount now when shown; when hidden behind the ledger tab, on the next show (big replicas
        refresh several times a second while syncing, and nobody reads a hidden count)."""
        if self.isVisible():
            self.refresh()
        else:
            self.dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self.dirty:
            self.refresh()
        super().showEvent(event)

    # -- reading ------------------------------------------------------------------------------------------
    def refresh(self) -> Situation:
        self.dirty = False
        tables = self.tables_of()
        now = self.clock()
        found = self.current = situation(tables, now, self.me())
        member = tables.get("members", {}).get(self.me() or "")
        self.heading.setText(self.tr("Situation at {0}").format(local_time(now)) if member is None else
                             self.tr("Situation at {0} for {1}").format(local_time(now),
                                                                         shown(f"{member['name']} ({member['org']})")))
        for name, ((caption, sentence), lines, keys) in self._cards(found, tables).items():
            attention = name != "incoming"
            self.buttons[name].set_count(len(keys), caption, attention)
            self.buttons[name].setToolTip(sentence)
            shown_lines = lines[:MAX_LINES]
            if len(lines) > MAX_LINES:
                shown_lines.append(self.tr("… and {0} more").format(len(lines) - MAX_LINES))
            self.details[name].setText("\n".join(shown_lines))
            self.details[name].setVisible(bool(lines))
            self.headers[name].setText(f"{len(keys)} {caption}")
            self.headers[name].setVisible(bool(lines))
        return found

    def keys(self, name: str) -> list[str]:
        """The row keys behind one count (proposal hashes for approvals)."""
        assert self.current is not None, "refresh() runs before any count is shown"
        return list(self._cards(self.current, self.tables_of())[name][2])

    def open_card(self, name: str) -> None:
        card = next(c for c in CARDS if c.name == name)
        self.show_rows.emit(card.target, self.keys(name))

    # -- wording ------------------------------------------------------------------------------------------
    def age(self, ms: int) -> str:
        minutes = max(ms, 0) // 60_000
        if minutes < 60:
            return self.tr("{0} min").format(minutes)
        hours = minutes // 60
        if hours < 48:
            return self.tr("{0} h").format(hours)
        return self.tr("{0} d {1} h").format(hours // 24, hours % 24)

    def captions(self) -> dict[str, tuple[str, str]]:
        """Per card: a caption short enough for one line, and what it counts in a sentence (its tooltip)."""
        hours = STALE_AFTER_MS // 3_600_000
        return {
            "short": (self.tr("short at a site"),
                      self.tr("Open requests at a site need more of an item than is there or on its way there")),
            "overdue": (self.tr("requests overdue"), self.tr("Requests still open after their needed-by time")),
            "stale": (self.tr("not seen for {0} h").format(hours),
                      self.tr("Shipments in transit with no position report for over {0} hours").format(hours)),
            "late_shipments": (self.tr("shipments late"),
                               self.tr("Shipments still on the road after the requests they serve were due")),
            "approvals": (self.tr("approvals for me"), self.tr("Proposals waiting for my approval or rejection")),
            "custody": (self.tr("shipments I hold"),
                        self.tr("Shipments in my custody: hand them over or record their delivery")),
            "incoming": (self.tr("coming to my sites"),
                         self.tr("Shipments on their way to my organisation's sites: accept custody at the door")),
            "conflicts": (self.tr("open conflicts"), self.tr("Conflicts the ledger recorded that are still open")),
        }

    def _cards(self, found: Situation, tables: Tables) -> dict[str, tuple[tuple[str, str], list[str], tuple[str, ...]]]:
        """Per card: (its captions, one line per row, the row keys the click shows)."""
        def site(key: str) -> str:
            return shown(tables.get("sites", {}).get(key, {}).get("name", key))

        def item(key: str) -> str:
            return shown(tables.get("items", {}).get(key, {}).get("name", key))

        def member(key: str) -> str:
            row = tables.get("members", {}).get(key)
            return shown(f"{row['name']} ({row['org']})") if row else key[:12] + "…"

        shipments = tables.get("shipments", {})
        lines: dict[str, tuple[list[str], tuple[str, ...]]] = {
            "short": ([self.tr("{site} — {item}: short {short} (need {need}, on hand {on_hand}, on its way {coming})")
                       .format(site=site(s.site), item=item(s.item), short=quantity(s.short), need=quantity(s.need),
                               on_hand=quantity(s.on_hand), coming=quantity(s.in_transit)) for s in found.short],
                      tuple(sorted({r for s in found.short for r in s.requests}))),
            "overdue": ([self.tr("{request} · {site}: {qty} {item} still needed, due {due} ({late} late)").format(
                request=shown(o.request), site=site(o.site), qty=quantity(o.remaining), item=item(o.item),
                due=local_time(o.needed_by_ms), late=self.age(o.late_ms)) for o in found.overdue],
                tuple(o.request for o in found.overdue)),
            "stale": ([(self.tr("{shipment} → {site}: last position {age} ago") if s.reported else
                        self.tr("{shipment} → {site}: no position since dispatch {age} ago")).format(
                shipment=shown(s.shipment), site=site(s.to_site), age=self.age(s.age_ms)) for s in found.stale],
                tuple(s.shipment for s in found.stale)),
            "late_shipments": ([self.tr("{shipment} → {site}: due {due} ({late} late) for {requests}").format(
                shipment=shown(s.shipment), site=site(s.to_site), due=local_time(s.due_ms),
                late=self.age(s.late_ms), requests=shown(", ".join(s.requests))) for s in found.late_shipments],
                tuple(s.shipment for s in found.late_shipments)),
            "approvals": ([shown(f"{row['action']} — {subject_text(tables, row['subject'])}")
                           for row in (tables.get("proposals", {})[p] for p in found.approvals)], found.approvals),
            "custody": ([self.tr("{shipment} → {site}").format(shipment=shown(s), site=site(shipments[s]["to_site"]))
                         for s in found.custody], found.custody),
            "incoming": ([self.tr("{shipment} → {site}, held by {holder}").format(
                shipment=shown(s), site=site(shipments[s]["to_site"]), holder=member(shipments[s]["custodian"]))
                for s in found.incoming], found.incoming),
            "conflicts": ([shown(tables["conflicts"][c]["message"]) for c in found.conflicts], found.conflicts),
        }
        captions = self.captions()
        return {name: (captions[name], rows, keys) for name, (rows, keys) in lines.items()}

def install(window) -> OverviewView:  # window: the MainWindow (main_window imports this module)
    """The overview as the central area's first tab (the ledger explorer the second), its shortcuts, its
    click-through into the docks, and its refresh with the window's tables."""
    view = OverviewView(lambda: window.tables, window.node.clock,
                        lambda: None if window.read_only or window.node.identity is None
                        else window.node.identity.public_key_hex)
    tabs: QTabWidget = window.central_tabs
    tabs.insertTab(0, view, tr("Overview"))
    tabs.setCurrentIndex(0)
    window.explorer.entry_selected.connect(lambda _entry: tabs.setCurrentWidget(window.explorer))
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text() == tr("&View"):
            menu = action.menu()
            first = menu.actions()[0] if menu.actions() else None
            show = menu.addAction(tr("Overview"), lambda: show_overview(tabs, view))
            show.setShortcut(QKeySequence("Ctrl+1"))
            ledger = menu.addAction(tr("Ledger explorer"), lambda: tabs.setCurrentWidget(window.explorer))
            ledger.setShortcut(QKeySequence("Ctrl+2"))
            if first is not None:
                menu.insertAction(first, show)
                menu.insertAction(first, ledger)
                menu.insertSeparator(first)
    view.show_rows.connect(lambda target, keys: show_rows(window, target, keys))
    mark_late(window, view)
    view.refresh()
    return view


def mark_late(window, view: OverviewView) -> None:
    """Late and stale where the rows are too: an "Overdue" column on Requests, "Last seen" on Shipments.

    Their cells move with the clock, so the overview's minute timer recomputes those two tables' cells.
    """
    clock = window.node.clock

    def overdue(row: dict, _tables: Tables) -> str:
        late = overdue_by(row, clock())
        return translate("OverviewView", "{0} late").format(view.age(late)) if late is not None else ""

    def last_seen(row: dict, _tables: Tables) -> str:
        silence = unseen_for(row, clock())
        if silence is None:
            return ""
        text = (translate("OverviewView", "{0} ago") if row["position"]
                else translate("OverviewView", "no position, dispatched {0} ago")).format(
            view.age(silence))
        return text + (translate("OverviewView", " — not seen for over {0} h").format(STALE_AFTER_MS // 3_600_000)
                       if silence > STALE_AFTER_MS else "")

    timed = ((window.models["requests"], tm.Column(QT_TRANSLATE_NOOP("StateTableModel", "Overdue"), overdue)),
             (window.models["shipments"], tm.Column(QT_TRANSLATE_NOOP("StateTableModel", "Last seen"), last_seen)))
    for model, column in timed:
        at = len(model.columns)
        model.beginInsertColumns(QModelIndex(), at, at)
        model.columns = [*model.columns, column]
        model.cells = {}
        model.endInsertColumns()
        window.panels[model.table].refit()   # sized before the column came: size and fit again

    def tick() -> None:
        for model, _column in timed:
            if model.rowCount():
                model.cells = {}
                model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, len(model.columns) - 1))

    view.timer.timeout.connect(tick)


def show_overview(tabs: QTabWidget, view: OverviewView) -> None:
    tabs.setCurrentWidget(view)
    view.refresh()


def show_rows(window, target: str, keys: list[str]) -> None:
    """Raise the dock that holds these rows and show only them, selected (approvals: select the first)."""
    dock = window.docks[target]
    dock.show()
    dock.raise_()
    if target == "approvals":
        if keys:
            window.approvals.select(keys[0])
        return
    window.panels[target].show_keys(set(keys), tr("{0} rows from the overview").format(len(keys)))
