"""The situation overview: what is short, what is late, what waits for me — the first thing an operator sees.

Everything counted comes from `app.core.situation` (pure); this module only words it, in large counts an
operator reads across a room at 3 a.m., and turns a click on a count into the rows behind it, shown and
selected in their dock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
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

from app.core.situation import STALE_AFTER_MS, Situation, situation
from app.core.types import Tables
from app.ui.approvals_view import subject_text
from app.ui.formatting import local_time, quantity, shown

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
        big.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 2.6)   # scales with the application font
        big.setBold(True)
        self.count.setFont(big)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("000") + 8)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        caption_font = QFont(self.font())
        caption_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.15)
        self.caption.setFont(caption_font)
        for label in (self.count, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.count)
        row.addWidget(self.caption, 1)
        self.setMinimumHeight(self.count.sizeHint().height() + 8)

    def set_count(self, value: int, caption: str, attention: bool) -> None:
        """The number in the palette's text colour when it needs attention, in the muted colour when zero."""
        self.count.setText(str(value))
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {value}")
        role = QPalette.ColorRole.Highlight if attention and value else QPalette.ColorRole.PlaceholderText
        palette = self.count.palette()
        palette.setColor(QPalette.ColorRole.WindowText, self.palette().color(role))
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
        self.buttons: dict[str, CountButton] = {}
        self.details: dict[str, QLabel] = {}
        titles = {"short": self.tr("Short"), "late": self.tr("Late"), "waiting": self.tr("Waiting for me")}
        columns = QHBoxLayout()
        for column, title in titles.items():
            box = QGroupBox(title)
            box.setObjectName(f"overview-column-{column}")
            inner = QVBoxLayout(box)
            for card in (c for c in CARDS if c.column == column):
                button = CountButton(card.name)
                button.clicked.connect(lambda _checked=False, name=card.name: self.open_card(name))
                detail = QLabel()
                detail.setObjectName(f"overview-{card.name}-rows")
                detail.setTextFormat(Qt.TextFormat.PlainText)
                detail.setWordWrap(True)
                detail.setIndent(12)
                detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.buttons[card.name], self.details[card.name] = button, detail
                inner.addWidget(button)
                inner.addWidget(detail)
            inner.addStretch(1)
            columns.addWidget(box, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.heading)
        body_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_EVERY_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    # -- reading ------------------------------------------------------------------------------------------
    def refresh(self) -> Situation:
        tables = self.tables_of()
        now = self.clock()
        found = self.current = situation(tables, now, self.me())
        self.heading.setText(self.tr("Situation at {0}").format(local_time(now)))
        for name, (caption, lines, keys) in self._cards(found, tables).items():
            attention = name != "incoming"
            self.buttons[name].set_count(len(keys), caption, attention)
            shown_lines = lines[:MAX_LINES]
            if len(lines) > MAX_LINES:
                shown_lines.append(self.tr("… and {0} more").format(len(lines) - MAX_LINES))
            self.details[name].setText("\n".join(shown_lines))
            self.details[name].setVisible(bool(lines))
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

    def _cards(self, found: Situation, tables: Tables) -> dict[str, tuple[str, list[str], tuple[str, ...]]]:
        """Per card: (caption, one line per row, the row keys the click shows)."""
        def site(key: str) -> str:
            return shown(tables.get("sites", {}).get(key, {}).get("name", key))

        def item(key: str) -> str:
            return shown(tables.get("items", {}).get(key, {}).get("name", key))

        def member(key: str) -> str:
            row = tables.get("members", {}).get(key)
            return shown(f"{row['name']} ({row['org']})") if row else key[:12] + "…"

        shipments = tables.get("shipments", {})
        short_keys = tuple(sorted({r for s in found.short for r in s.requests}))
        return {
            "short": (self.tr("sites short of an item their open requests need"), [
                self.tr("{site} — {item}: short {short} (need {need}, on hand {on_hand}, on its way {coming})").format(
                    site=site(s.site), item=item(s.item), short=quantity(s.short), need=quantity(s.need),
                    on_hand=quantity(s.on_hand), coming=quantity(s.in_transit)) for s in found.short], short_keys),
            "overdue": (self.tr("requests past their needed-by time"), [
                self.tr("{request} · {site}: {qty} {item} still needed, due {due} ({late} late)").format(
                    request=shown(o.request), site=site(o.site), qty=quantity(o.remaining), item=item(o.item),
                    due=local_time(o.needed_by_ms), late=self.age(o.late_ms)) for o in found.overdue],
                tuple(o.request for o in found.overdue)),
            "stale": (self.tr("shipments not seen for over {0} h").format(
                STALE_AFTER_MS // 3_600_000), [
                (self.tr("{shipment} → {site}: last position {age} ago") if s.reported else
                 self.tr("{shipment} → {site}: no position since dispatch {age} ago")).format(
                    shipment=shown(s.shipment), site=site(s.to_site), age=self.age(s.age_ms)) for s in found.stale],
                tuple(s.shipment for s in found.stale)),
            "late_shipments": (self.tr("shipments on the road after their requests were due"), [
                self.tr("{shipment} → {site}: due {due} ({late} late) for {requests}").format(
                    shipment=shown(s.shipment), site=site(s.to_site), due=local_time(s.due_ms),
                    late=self.age(s.late_ms), requests=shown(", ".join(s.requests))) for s in found.late_shipments],
                tuple(s.shipment for s in found.late_shipments)),
            "approvals": (self.tr("proposals waiting for my decision"), [
                shown(f"{row['action']} — {subject_text(tables, row['subject'])}")
                for row in (tables.get("proposals", {})[p] for p in found.approvals)], found.approvals),
            "custody": (self.tr("shipments in my custody: hand over or deliver"), [
                self.tr("{shipment} → {site}").format(shipment=shown(s), site=site(shipments[s]["to_site"]))
                for s in found.custody], found.custody),
            "incoming": (self.tr("shipments coming to my organisation's sites: accept at the door"), [
                self.tr("{shipment} → {site}, held by {holder}").format(
                    shipment=shown(s), site=site(shipments[s]["to_site"]), holder=member(shipments[s]["custodian"]))
                for s in found.incoming], found.incoming),
            "conflicts": (self.tr("open conflicts"), [
                shown(tables["conflicts"][c]["message"]) for c in found.conflicts], found.conflicts),
        }


def install(window) -> OverviewView:  # window: the MainWindow (main_window imports this module)
    """The overview as the central area's first tab (the ledger explorer the second), its shortcuts, its
    click-through into the docks, and its refresh with the window's tables."""
    view = OverviewView(lambda: window.tables, window.node.clock,
                        lambda: None if window.read_only or window.node.identity is None
                        else window.node.identity.public_key_hex)
    tabs: QTabWidget = window.central_tabs
    tabs.insertTab(0, view, window.tr("Overview"))
    tabs.setCurrentIndex(0)
    window.explorer.entry_selected.connect(lambda _entry: tabs.setCurrentWidget(window.explorer))
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text() == window.tr("&View"):
            menu = action.menu()
            first = menu.actions()[0] if menu.actions() else None
            show = menu.addAction(window.tr("Overview"), lambda: show_overview(tabs, view))
            show.setShortcut(QKeySequence("Ctrl+1"))
            ledger = menu.addAction(window.tr("Ledger explorer"), lambda: tabs.setCurrentWidget(window.explorer))
            ledger.setShortcut(QKeySequence("Ctrl+2"))
            if first is not None:
                menu.insertAction(first, show)
                menu.insertAction(first, ledger)
                menu.insertSeparator(first)
    view.show_rows.connect(lambda target, keys: show_rows(window, target, keys))
    view.refresh()
    return view


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
    window.panels[target].show_keys(set(keys), window.tr("{0} rows from the overview").format(len(keys)))
