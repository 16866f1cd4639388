"""The Peers view: who is around, who is connected, how far behind or ahead, and who asks to join."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.display import escapes
from app.core.schema import ROLES
from app.net.events import EventKind, JoinRequest, NetEvent, PeerStatus
from app.ui import palette
from app.ui.formatting import shown, shown_html
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, translate
from app.ui.widgets import mark_exercise

ROOT = QModelIndex()  # the invalid index Qt passes for "the whole table"

COLUMNS = ("Peer", "Fingerprint", "Address", "State", "Last sync", "Behind", "Ahead", "Received", "Sent")
EVENT_LOG_LINES = 200
# The column headers, catalogued for translation (PeersModel.headerData shows them through tr()).
HEADERS = (
    QT_TRANSLATE_NOOP("PeersModel", "Peer"),
    QT_TRANSLATE_NOOP("PeersModel", "Fingerprint"),
    QT_TRANSLATE_NOOP("PeersModel", "Address"),
    QT_TRANSLATE_NOOP("PeersModel", "State"),
    QT_TRANSLATE_NOOP("PeersModel", "Last sync"),
    QT_TRANSLATE_NOOP("PeersModel", "Behind"),
    QT_TRANSLATE_NOOP("PeersModel", "Ahead"),
    QT_TRANSLATE_NOOP("PeersModel", "Received"),
    QT_TRANSLATE_NOOP("PeersModel", "Sent"),
)


SESSION_STATES = ("connecting", "syncing", "in sync")   # a live session; anything else is not connected now
STATE_ORDER = {"in sync": 0, "syncing": 0, "connecting": 1, "gone": 2, "not connected": 3, "discovered": 4}


def state_text(row: PeerStatus) -> str:
    """What the State column says: connected and how far along, gone (since when), or never connected."""
    if row.state in SESSION_STATES:
        direction = {"in": tr("incoming"), "out": tr("outgoing")}.get(row.direction, "")
        if row.state == "connecting":
            return tr("connecting")
        words = tr("connected · in sync") if row.state == "in sync" else tr("connected · catching up")
        return f"{words} ({direction})" if direction else words
    if row.state == "gone":
        return tr("gone since {0}").format(clock_text(row.since_ms)) if row.since_ms else tr("gone")
    return {"discovered": tr("discovered, not connected"), "not connected": tr("not connected")}.get(
        row.state, row.state)


def clock_text(ms: int) -> str:
    return time.strftime("%H:%M", time.localtime(ms / 1000))


EVENT_WORDS = {
    EventKind.LISTENING: QT_TRANSLATE_NOOP("PeersView", "listening"),
    EventKind.DISCOVERY: QT_TRANSLATE_NOOP("PeersView", "discovery started"),
    EventKind.DISCOVERY_OFF: QT_TRANSLATE_NOOP("PeersView", "discovery off"),
    EventKind.DISCOVERED: QT_TRANSLATE_NOOP("PeersView", "found on the LAN"),
    EventKind.LOST: QT_TRANSLATE_NOOP("PeersView", "no longer on the LAN"),
    EventKind.CONNECTED: QT_TRANSLATE_NOOP("PeersView", "connected"),
    EventKind.DISCONNECTED: QT_TRANSLATE_NOOP("PeersView", "left"),
    EventKind.CUT_OFF: QT_TRANSLATE_NOOP("PeersView", "cut off"),
    EventKind.REFUSED: QT_TRANSLATE_NOOP("PeersView", "refused"),
    EventKind.OTHER_NETWORK: QT_TRANSLATE_NOOP("PeersView", "another network, left alone"),
    EventKind.SUPPRESSED: QT_TRANSLATE_NOOP("PeersView", "more refusals"),
    EventKind.SYNCED: QT_TRANSLATE_NOOP("PeersView", "in sync"),
    EventKind.EQUIVOCATION: QT_TRANSLATE_NOOP("PeersView", "signed two different entries"),
    EventKind.FAULT: QT_TRANSLATE_NOOP("PeersView", "fault on this node"),
    EventKind.JOIN_REQUEST: QT_TRANSLATE_NOOP("PeersView", "asks to join"),
    EventKind.JOIN_PENDING: QT_TRANSLATE_NOOP("PeersView", "waiting to be admitted"),
    EventKind.ADMISSION: QT_TRANSLATE_NOOP("PeersView", "admission"),
}


def peer_name(peer: str) -> str:
    """`name [FINGERPRINT]` as the network labels a peer reads as its name; the fingerprint goes to the tooltip."""
    name, bracket, _rest = peer.partition(" [")
    return name if bracket and name else peer


def log_line(event: NetEvent) -> str:
    """One line an operator reads: the time, who, what happened in words, and the detail."""
    stamp = time.strftime("%H:%M:%S", time.localtime(event.ts_ms / 1000))
    what = translate("PeersView", EVENT_WORDS[event.kind]) if event.kind in EVENT_WORDS else str(event.kind)
    if event.message.startswith(what):   # "in sync (3 received, 4 sent)" already says what happened
        return shown(f"{stamp}  {peer_name(event.peer)}: {event.message}")
    detail = f" — {event.message}" if event.message else ""
    return shown(f"{stamp}  {peer_name(event.peer)}: {what}{detail}")


def last_sync_text(ms: int | None, now_ms: int | None = None) -> str:
    if ms is None:
        return "never"
    seconds = max(0, ((now_ms or int(time.time() * 1000)) - ms) // 1000)
    if seconds < 60:
        return "just now" if seconds < 5 else f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return time.strftime("%d %b %H:%M", time.localtime(ms / 1000))


class PeersModel(QAbstractTableModel):
    """A thin adapter over the network's latest snapshot of peer rows."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PeerStatus] = []

    def set_rows(self, rows: list[PeerStatus]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: (STATE_ORDER.get(r.state, 5), r.name or r.address))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt API
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.name or "—", row.fingerprint or "—", row.address, state_text(row),
                      last_sync_text(row.last_sync_ms), f"{row.behind:,}", f"{row.ahead:,}", f"{row.received:,}",
                      f"{row.sent:,}")
            return shown(values[index.column()])   # names and addresses come from peers and discovery
        if role == Qt.ItemDataRole.ToolTipRole and row.note:
            return shown(row.note)
        if role == Qt.ItemDataRole.ForegroundRole and row.state not in SESSION_STATES:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)   # muted in any theme
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AdmitDialog(QDialog):
    """Admit a node that asked to join, after both sides read the fingerprint aloud."""

    def __init__(self, request: JoinRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Admit {0}").format(shown(request.name or request.fingerprint)))
        fingerprint = QLabel(request.fingerprint)
        font = QFont("monospace")
        font.setPointSizeF(QGuiApplication.font().pointSizeF() * 2)   # twice the operator's font, however large
        font.setBold(True)
        fingerprint.setFont(font)
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Prefilled as shown: what the admin reads is what gets signed, never a hidden control or override.
        self.name, self.org = QLineEdit(shown(request.name)), QLineEdit(shown(request.org))
        self.roles = {role: QCheckBox(role) for role in ROLES}
        self.roles["field"].setChecked(True)
        roles = QHBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Ask the operator at {0} to read the fingerprint on their screen aloud. Admit only "
                                   "if it matches this one exactly:").format(request.address)))
        form.addRow(fingerprint)
        if escapes(request.name) or escapes(request.org):
            warning = QLabel(self.tr("The name or organisation this node sent holds control or text-direction "
                                     "characters, shown escaped (\\n, \\u202e…). Correct them before admitting."))
            warning.setTextFormat(Qt.TextFormat.PlainText)
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {palette.css('danger')}")
            form.addRow(warning)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("Roles"), roles)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.admit = buttons.addButton(self.tr("Fingerprints match — admit"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        mark_exercise(self)
        self.request = request

    def body(self) -> dict:
        return {"key": self.request.key, "org": self.org.text().strip() or "?", "name": self.name.text().strip() or "?",
                "roles": [role for role, box in self.roles.items() if box.isChecked()] or ["observer"]}


class PeersView(QWidget):
    def __init__(self, own_fingerprint: str, admit: Callable[[dict], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own_fingerprint = own_fingerprint
        self.admit_member = admit
        self.on_add_peer: Callable[[str, int, str | None], None] | None = None
        self.on_dismiss: Callable[[str], None] | None = None
        self.requests: list[JoinRequest] = []
        self.caught_up_from: dict[str, int] = {}
        self.header = QLabel(self.tr("This node: {0} · network off").format(own_fingerprint))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = PeersModel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Peers"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("Catching up: %v of %m entries"))
        self.progress.hide()
        self.joins = QListWidget()
        self.joins.setAccessibleName(self.tr("Asking to join"))
        self.joins.setMaximumHeight(90)
        self.joins_label = QLabel(self.tr("<b>Asking to join</b>"))
        admit_button = QPushButton(self.tr("Admit…"))
        admit_button.clicked.connect(self.admit_selected)
        admit_button.setEnabled(admit_allowed := self.admit_member is not None)
        admit_button.setToolTip(
            "" if admit_allowed else self.tr("Only an admin with an unlocked key can admit members"))
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.clicked.connect(self.dismiss_selected)
        add_peer = QPushButton(self.tr("Add peer by address…"))
        add_peer.clicked.connect(self.ask_peer)
        self.log = QListWidget()
        self.log.setAccessibleName(self.tr("Network log"))
        buttons = QHBoxLayout()
        for button in (admit_button, dismiss):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(add_peer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.progress)
        layout.addWidget(self.joins_label)
        layout.addWidget(self.joins)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("<b>Network log</b>")))
        layout.addWidget(self.log, 2)
        self.show_requests([])

    # -- fed by the network bridge ----------------------------------------------------------------------
    def network_started(self, port: int, discovery: bool, interfaces: tuple[str, ...]) -> None:
        where = ", ".join(interfaces) if interfaces else self.tr("this machine's addresses")
        self.header.setText(self.tr("This node: <b>{0}</b> · listening on port {1} · discovery {2}").format(
            self.own_fingerprint, port, self.tr("on ({0})").format(where) if discovery else self.tr("off")))

    def network_failed(self, message: str) -> None:
        self.header.setText(self.tr("This node: {0} · <span style='color:{1}'>{2}</span>").format(
            self.own_fingerprint, palette.css("danger"), shown_html(message)))

    def add_event(self, event: NetEvent) -> None:
        if event.kind == EventKind.PROGRESS:
            return
        self.log.insertItem(0, log_line(event))
        self.log.item(0).setToolTip(shown(event.line()))   # the full peer label with its fingerprint
        while self.log.count() > EVENT_LOG_LINES:
            self.log.takeItem(self.log.count() - 1)

    def show_peers(self, rows: list[PeerStatus], requests: list[JoinRequest]) -> None:
        self.model.set_rows(rows)
        self.show_requests(requests)
        behind = sum(r.behind for r in rows if r.key)
        if behind:
            for r in rows:
                self.caught_up_from.setdefault(r.key, r.received)
            done = sum(r.received - self.caught_up_from.get(r.key, r.received) for r in rows if r.key)
            self.progress.setRange(0, done + behind)
            self.progress.setValue(done)
            self.progress.show()
        else:
            self.caught_up_from.clear()
            self.progress.hide()

    def show_requests(self, requests: list[JoinRequest]) -> None:
        self.requests = sorted(requests, key=lambda r: r.ts_ms)
        self.joins.clear()
        for request in self.requests:
            self.joins.addItem(shown(f"{request.name or '?'} ({request.org or '?'})   {request.fingerprint}   "
                                     f"from {request.address}"))
        visible = bool(self.requests)
        self.joins.setVisible(visible)
        self.joins_label.setVisible(visible)

    # -- operator actions -------------------------------------------------------------------------------
    def selected_request(self) -> JoinRequest | None:
        row = self.joins.currentRow()
        if 0 <= row < len(self.requests):
            return self.requests[row]
        return self.requests[0] if len(self.requests) == 1 else None

    def admit_selected(self) -> AdmitDialog | None:
        request = self.selected_request()
        if request is None or self.admit_member is None:
            return None
        dialog = AdmitDialog(request, self)
        dialog.accepted.connect(lambda: self._admit(dialog))
        dialog.open()
        return dialog

    def _admit(self, dialog: AdmitDialog) -> None:
        assert self.admit_member is not None
        self.admit_member(dialog.body())
        if self.on_dismiss:
            self.on_dismiss(dialog.request.key)

    def dismiss_selected(self) -> None:
        request = self.selected_request()
        if request is not None and self.on_dismiss:
            self.on_dismiss(request.key)

    def ask_peer(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Add peer"), self.tr(
            "Address of a peer on a routed link, as host:port, optionally @FINGERPRINT to pin who must answer:"))
        if ok and text.strip():
            self.add_peer_text(text.strip())

    def add_peer_text(self, text: str) -> str | None:
        """Parse and add; returns an error message for the operator, or None."""
        address, _, fingerprint = text.partition("@")
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            message = self.tr("{0} is not host:port (for example 10.20.0.5:47474)").format(text)
            self.add_event(NetEvent(EventKind.REFUSED, text, message))
            return message
        if self.on_add_peer:
            self.on_add_peer(host.strip("[]"), int(port), fingerprint.strip().upper() or None)
        return None
