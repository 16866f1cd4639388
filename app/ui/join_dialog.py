"""Joining a network from the welcome screen: make a key, knock, compare fingerprints, wait, sync."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.core.identity import Identity
from app.net.events import EventKind, NetEvent
from app.net.service import JoinProfile
from app.node import Node, NodeError
from app.ui.background import failure_sentence, run_in_background
from app.ui.formatting import shown
from app.ui.network_bridge import NetworkBridge, NetworkSettings


class JoinDialog(QDialog):
    """Shows this node's fingerprint large, the network's answers, and opens the replica once admitted."""

    def __init__(self, data_dir: Path, name: str, org: str, passphrase: str, settings: NetworkSettings,
                 parent: QWidget | None = None, identity: Identity | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Joining a network as {0}").format(shown(name)))
        self.data_dir, self.name, self.org, self.passphrase, self.settings = data_dir, name, org, passphrase, settings
        self.identity = identity or Identity.generate()
        self.node: Node | None = None
        self.network: NetworkBridge | None = None
        self.admitted = False
        fingerprint = QLabel(self.identity.fingerprint)
        font = QFont("monospace")
        font.setPointSizeF(QGuiApplication.font().pointSizeF() * 2.2)   # scales with the operator's font
        font.setBold(True)
        fingerprint.setFont(font)
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self.tr("Creating this node's key…"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)   # peer names and network names are not markup
        self.log = QListWidget()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(self.tr("Open the network"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Read this fingerprint aloud to the admin who admits you; the admin sees the "
                                        "same one on their Peers view:")))
        layout.addWidget(fingerprint)
        layout.addWidget(self.status)
        layout.addWidget(self.log)
        layout.addWidget(self.buttons)
        run_in_background(self, self.tr("Creating this node's key…"), lambda _op: self._create(),
                          lambda node: self._start_network(node, ""),
                          lambda exc: self._start_network(None, str(exc) if isinstance(exc, (NodeError, OSError))
                                                          else failure_sentence(exc)), progress=False)

    def _create(self) -> Node:
        """Key file (scrypt) and empty replica, off the GUI thread (the status line says it is happening)."""
        return Node.create_joining(self.data_dir, self.identity, display_name=self.name, passphrase=self.passphrase)

    def _start_network(self, node: Node | None, error: str) -> None:
        if node is None:
            self.status.setText(self.tr("Could not prepare this node: {0}").format(shown(error)))
            return
        self.node = node
        self.network = NetworkBridge(node, self.settings, join=JoinProfile(self.name, self.org))
        self.network.net_event.connect(self.on_event)
        self.network.failed.connect(lambda message: self.status.setText(shown(message)))
        self.network.start()
        where = self.tr("on this LAN") if self.settings.discovery else self.tr("at the address you gave")
        self.status.setText(self.tr("Looking for the network's nodes {0}…").format(where))

    def on_event(self, event: NetEvent) -> None:
        if event.kind != EventKind.PROGRESS:
            self.log.insertItem(0, shown(f"{event.kind}  {event.peer}  {event.message}"))
        if event.kind == EventKind.JOIN_PENDING:
            self.status.setText(self.tr("{0} has your request. Read your fingerprint to its admin; this window "
                                        "moves on by itself once you are admitted.").format(shown(event.peer)))
        elif event.kind in (EventKind.CONNECTED, EventKind.PROGRESS):
            self.status.setText(self.tr("Admitted: receiving the network's ledger…"))
        elif event.kind == EventKind.SYNCED and self.node is not None and self.node.has_network:
            self.admitted = True
            self.status.setText(self.tr("Admitted to {0}: {1:,} entries received. Open it when ready.").format(
                shown(self.node.network.get("name", "?")), self.node.entry_count()))
            self.open_button.setEnabled(True)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        """Stop the network and release the replica either way; the main window reopens it."""
        if self.network is not None:
            self.network.stop()
            self.network = None
        if self.node is not None:
            self.node.close()
            self.node = None
        super().done(result)
