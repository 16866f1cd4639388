"""Settings ▸ Network: which interfaces to advertise on, discovery on or off, port, routed peers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.net.discovery import local_ipv4_addresses
from app.ui import palette
from app.ui.network_bridge import NetworkSettings, save_settings


class NetworkSettingsDialog(QDialog):
    def __init__(self, current: NetworkSettings, parent: QWidget | None = None,
                 addresses: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Network settings"))
        self.current = current
        self.discovery = QCheckBox(self.tr("Find peers on the LAN automatically (zeroconf)"))
        self.discovery.setChecked(current.discovery)
        self.interfaces: dict[str, QCheckBox] = {}
        box = QVBoxLayout()
        for address in addresses if addresses is not None else local_ipv4_addresses():
            check = QCheckBox(address)
            check.setChecked(not current.interfaces or address in current.interfaces)
            self.interfaces[address] = check
            box.addWidget(check)
        if not self.interfaces:
            box.addWidget(QLabel(self.tr("No network interface with an IPv4 address is up.")))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(current.port)
        self.peers = QPlainTextEdit("\n".join(f"{h}:{p}" + (f"@{f}" if f else "") for h, p, f in current.peers))
        self.peers.setPlaceholderText("10.20.0.5:47474@K7QX-3MPA-9F2D-HW4T")
        self.peers.setMaximumHeight(80)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {palette.css('danger')};")
        form = QFormLayout(self)
        form.addRow(self.discovery)
        form.addRow(self.tr("Advertise and browse on"), box)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Peers on routed links\n(one host:port[@FINGERPRINT] per line)"), self.peers)
        form.addRow(QLabel(self.tr("Changes take effect the next time the client starts.")))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> NetworkSettings | None:
        peers = []
        for line in self.peers.toPlainText().splitlines():
            line = line.strip()
            if not line:
                continue
            address, _, fingerprint = line.partition("@")
            host, _, port = address.rpartition(":")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                self.error.setText(self.tr("{0} is not host:port[@FINGERPRINT]").format(line))
                return None
            peers.append((host, int(port), fingerprint.strip().upper() or None))
        picked = tuple(a for a, check in self.interfaces.items() if check.isChecked())
        if self.interfaces and not picked and self.discovery.isChecked():
            self.error.setText(self.tr("Choose at least one interface, or turn discovery off."))
            return None
        everything = len(picked) == len(self.interfaces)
        return NetworkSettings(discovery=self.discovery.isChecked(), interfaces=() if everything else picked,
                               host=self.current.host, port=self.port.value(), peers=tuple(peers))

    def save(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            save_settings(chosen)
            self.accept()
