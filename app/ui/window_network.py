"""The window's network side: the peers dock's wiring, join requests, admission and network settings."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from app.core.entry import Entry
from app.core.identity import fingerprint_hex
from app.core.types import EntryType
from app.net.events import EventKind, NetEvent
from app.ui.formatting import shown
from app.ui.network_bridge import NetworkBridge, NetworkSettings
from app.ui.peers_view import SESSION_STATES, PeersView
from app.ui.window_host import WindowHost
from app.ui.window_status import WindowStatus


class WindowNetwork(QObject):
    """One job: show what the network does (peers, joins, notices) and carry out admissions the operator asks for."""

    def __init__(self, window: WindowHost, network: NetworkBridge | None, status: WindowStatus) -> None:
        super().__init__(window.window())
        self.window = window
        self.network = network
        self.status = status
        self.node = window.node
        identity = self.node.identity
        self.peers = PeersView(identity.fingerprint if identity else self.tr("read-only"),
                               admit=None if window.read_only or not self.is_admin() else self.admit_member)
        window.network_notice.connect(self.peers.add_event)

    def is_admin(self) -> bool:
        identity = self.node.identity
        row = self.window.tables["members"].get(identity.public_key_hex) if identity else None
        return row is not None and bool(row) and "admin" in row["roles"] and not row["revoked"]

    def start(self, network: NetworkBridge) -> None:
        settings = network.settings
        network.started.connect(lambda port: self.peers.network_started(port, settings.discovery, settings.interfaces))
        network.failed.connect(self.peers.network_failed)
        network.failed.connect(lambda message: self.window.statusBar().showMessage(shown(message), 15000))
        network.net_event.connect(self.on_network_event)
        network.peers_changed.connect(self.on_peers)
        self.peers.on_add_peer = network.add_peer
        self.peers.on_dismiss = network.forget_join_request
        network.start()

    def on_network_event(self, event: NetEvent) -> None:
        self.peers.add_event(event)
        notices = {EventKind.CONNECTED: self.tr("Peer connected: {0}"),
                   EventKind.DISCONNECTED: self.tr("Peer left: {0}"),
                   EventKind.CUT_OFF: self.tr("Peer cut off: {0}"),
                   EventKind.JOIN_REQUEST: self.tr("{0} asks to join the network"),
                   EventKind.DISCOVERED: self.tr("Peer found on the LAN: {0}")}
        if event.kind in notices:
            self.window.statusBar().showMessage(notices[event.kind].format(shown(event.peer)), 8000)

    def on_peers(self, rows: list, requests: list) -> None:
        self.peers.show_peers(rows, requests)
        connected = sum(1 for r in rows if r.state in SESSION_STATES)   # gone peers keep their key but no link
        behind = sum(r.behind for r in rows if r.state in SESSION_STATES)
        text = self.tr("Peers {0}").format(connected)
        if behind:
            text += self.tr(" · catching up {0:,}").format(behind)
        self.status.status_peers.setText(text)
        title = self.tr("Peers") + (self.tr(" ({0} asking to join)").format(len(requests)) if requests else "")
        self.window.docks["peers"].setWindowTitle(title)

    def admit_member(self, body: dict) -> None:
        """Membership is permissioned: the admission is a proposal, applied at once only where policy allows."""
        reason = self.tr("admit {0} ({1}): fingerprint {2} compared aloud").format(
            body["name"], body["org"], fingerprint_hex(body["key"]))

        def admitted(entry: Entry) -> None:
            row = self.node.read(lambda state: state.tables.get("proposals", {}).get(entry.hash))
            waiting = not row or row.get("status") != "approved"
            self.window.network_notice.emit(NetEvent(EventKind.ADMISSION, body["name"], self.tr(
                "proposed: it takes effect once approved (see Approvals)") if waiting else self.tr("admitted")))
        self.window.bridge.run(lambda: self.node.propose(EntryType.MEMBER_ADD, body, reason), admitted,
                               label=self.tr("Admitting {0}…").format(body["name"]))

    def open_network_settings(self) -> QDialog:
        from app.ui.network_settings import NetworkSettingsDialog

        dialog = NetworkSettingsDialog(self.network.settings if self.network else NetworkSettings.load(),
                                       self.window.window())
        dialog.open()
        return dialog
