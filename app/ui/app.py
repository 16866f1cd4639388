"""Starting the client: welcome on first run, passphrase later, then the main window."""

from __future__ import annotations

import gc
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.identity import Identity, KeyFileError, WrongPassphrase, load_key_file, read_key_file_public
from app.node import Node, NodeError, StoreError
from app.paths import DB_NAME, ICON, INIT_MARKER, KEY_NAME, default_data_dir
from app.ui import first_start, palette
from app.ui.background import run_in_background
from app.ui.formatting import shown
from app.ui.forms.keyboard import is_enter, no_default_buttons
from app.ui.i18n import chosen_language, install_language, locale_for
from app.ui.network_bridge import NetworkSettings


def tune_runtime() -> None:
    """Interpreter settings that keep the event loop smooth while the node thread works.

    Qt calls back into Python for every cell, and each call may wait for the GIL up to the switch
    interval (5 ms by default). Full garbage collections walk the whole projected state (hundreds of
    thousands of objects) while holding the GIL, measured at 40-100 ms; collecting generation 0 less
    often makes them rare, and `gc.freeze()` after loading a replica keeps its state out of them.
    """
    sys.setswitchinterval(0.0005)
    gc.set_threshold(50_000, 20, 100)


def application() -> QApplication:
    """The QApplication, with what a fresh machine needs settled first (first_start.py says why)."""
    tune_runtime()
    first_start.web_engine_sandbox()   # as root: before the web engine reads its flags
    try:
        from app.ui.map.scheme import register_map_scheme
    except ImportError as exc:   # QtWebEngine missing or its libraries absent: the window opens without the map
        first_start.log.warning("The map is unavailable: %s", exc)
    else:
        register_map_scheme()  # custom URL schemes must be known before the QApplication exists
    app = QApplication.instance() or QApplication(sys.argv[:1])
    first_start.software_rendering()   # needs the platform plugin; before the first window
    QCoreApplication.setOrganizationName("ReliefLedger")
    QCoreApplication.setApplicationName("Relief Ledger")
    QApplication.setWindowIcon(QIcon(str(ICON)))   # every window and dialog, and the task bar, show the parcel
    QApplication.setDesktopFileName("relief-ledger")   # Wayland shows the icon of relief-ledger.desktop
    install_language(app, locale_for(chosen_language()))  # the system's, or the one chosen in Settings
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication; here it is a QApplication


def remember(data_dir: Path) -> None:
    settings = QSettings()
    stored = settings.value("recent", [], type=list)  # type=list: a one-item list may come back as a bare string
    recent = [str(data_dir)] + [d for d in (stored if isinstance(stored, list) else []) if d != str(data_dir)]
    settings.setValue("recent", recent[:8])


class PassphraseDialog(QDialog):
    """Unlock the node's key; a wrong passphrase says so and the operator tries again."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.identity: Identity | None = None
        self.read_only = False
        self.setWindowTitle(self.tr("Unlock Relief Ledger"))
        try:
            public_key, label = read_key_file_public(data_dir / KEY_NAME)
            from app.core.identity import fingerprint_hex

            who = f"{label} — {fingerprint_hex(public_key)}"
        except KeyFileError as exc:
            who = str(exc)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {palette.css('danger')};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        read_only = buttons.addButton(self.tr("Open read-only"), QDialogButtonBox.ButtonRole.ActionRole)
        unlock.clicked.connect(self.try_unlock)
        read_only.clicked.connect(self.open_read_only)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Replica in {0}").format(data_dir)))
        layout.addRow(self.tr("Key"), QLabel(who))
        layout.addRow(self.tr("Passphrase"), self.passphrase)
        layout.addRow(self.message)
        layout.addRow(buttons)
        no_default_buttons(self)   # Cancel was the default: Enter after the passphrase quit the application

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter unlocks (a wrong passphrase keeps the dialog open); Escape cancels, as in any Qt dialog."""
        if is_enter(event):
            self.try_unlock()
            return
        super().keyPressEvent(event)

    def try_unlock(self) -> bool:
        try:
            self.identity = load_key_file(self.data_dir / KEY_NAME, self.passphrase.text())
        except WrongPassphrase:
            self.message.setText(self.tr("Wrong passphrase. Try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return False
        except KeyFileError as exc:
            self.message.setText(shown(exc))
            return False
        self.accept()
        return True

    def open_read_only(self) -> None:
        self.read_only = True
        self.accept()


def build_demo_exercise(data_dir: Path) -> None:
    """Builds the demo exercise (run off the GUI thread: it signs and folds a few thousand entries)."""
    from app.exercise.demo import build_demo

    build_demo(data_dir, progress=False)


class WelcomeDialog(QDialog):
    """First run: found a network, join one, open the demo exercise, or open another data directory."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.passphrase = ""
        self.setWindowTitle(self.tr("Welcome to Relief Ledger"))
        self.name, self.org, self.display = QLineEdit(), QLineEdit(), QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(["live", "exercise"])
        self.pass1, self.pass2 = QLineEdit(), QLineEdit()
        for field in (self.pass1, self.pass2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.peer, self.fingerprint = QLineEdit(), QLineEdit()
        self.peer.setPlaceholderText(self.tr("optional: 10.0.0.5:47474 where multicast does not pass"))
        self.fingerprint.setPlaceholderText(self.tr("optional: XXXX-XXXX-XXXX-XXXX of that node"))
        self.join_settings: NetworkSettings | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {palette.css('danger')};")
        create = QPushButton(self.tr("Create network"))
        create.clicked.connect(self.create_network)
        join = QPushButton(self.tr("Ask to join…"))
        join.clicked.connect(self.join)
        demo = self.demo_button = QPushButton(self.tr("Open the demo exercise"))
        demo.clicked.connect(self.open_demo)
        other = QPushButton(self.tr("Open another data directory…"))
        other.clicked.connect(self.open_other)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("<b>Create a network</b> (you become its first admin)")))
        form.addRow(self.tr("Network name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Your organisation"), self.org)
        form.addRow(self.tr("Your name / command center"), self.display)
        form.addRow(self.tr("Passphrase"), self.pass1)
        form.addRow(self.tr("Repeat passphrase"), self.pass2)
        form.addRow(create)
        form.addRow(QLabel(self.tr("<b>Join a network</b> on this LAN (fill in organisation, name and passphrase "
                                   "above)")))
        form.addRow(self.tr("Peer address"), self.peer)
        form.addRow(self.tr("Peer fingerprint"), self.fingerprint)
        form.addRow(join)
        form.addRow(QLabel(self.tr("<b>Try it</b>")))
        form.addRow(demo)
        form.addRow(other)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("No replica in {0} yet.").format(data_dir)))
        layout.addLayout(form)
        layout.addWidget(self.message)

    def create_network(self) -> bool:
        fields = {self.tr("Network name"): self.name.text().strip(), self.tr("Organisation"): self.org.text().strip(),
                  self.tr("Your name"): self.display.text().strip()}
        missing = [label for label, value in fields.items() if not value]
        if missing:
            self.message.setText(self.tr("Please fill in: {0}").format(", ".join(missing)))
            return False
        if len(self.pass1.text()) < 8:
            self.message.setText(self.tr("The passphrase must have at least 8 characters."))
            return False
        if self.pass1.text() != self.pass2.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return False
        try:
            node = Node.create_network(self.data_dir, Identity.generate(), name=self.name.text().strip(),
                                       kind=self.kind.currentText(), org=self.org.text().strip(),
                                       display_name=self.display.text().strip(), passphrase=self.pass1.text())
        except (NodeError, KeyFileError) as exc:
            self.message.setText(shown(exc))
            return False
        node.close()
        self.passphrase = self.pass1.text()
        self.accept()
        return True

    def join(self) -> JoinDialog | None:
        """Knock on the network's nodes (found by zeroconf, or at the address given) and wait for an admin."""
        from app.ui.join_dialog import JoinDialog

        missing = [label for label, value in ((self.tr("Your organisation"), self.org.text().strip()),
                                               (self.tr("Your name"), self.display.text().strip())) if not value]
        if missing:
            self.message.setText(self.tr("Please fill in: {0}").format(", ".join(missing)))
            return None
        if len(self.pass1.text()) < 8 or self.pass1.text() != self.pass2.text():
            self.message.setText(self.tr("Choose a passphrase of at least 8 characters and repeat it."))
            return None
        settings = self.join_settings or NetworkSettings.load()
        if self.peer.text().strip():
            address = self.peer.text().strip()
            host, _, port = address.rpartition(":")
            if not host or not port.isdigit():
                self.message.setText(self.tr("The peer address must be host:port, e.g. 10.0.0.5:47474."))
                return None
            fingerprint = self.fingerprint.text().strip().upper() or None
            settings = replace(settings, peers=(*settings.peers, (host, int(port), fingerprint)))
        dialog = JoinDialog(self.data_dir, self.display.text().strip(), self.org.text().strip(), self.pass1.text(),
                            settings, self)
        dialog.accepted.connect(lambda: self._joined(dialog))
        dialog.open()
        return dialog

    def _joined(self, dialog: JoinDialog) -> None:
        if dialog.admitted:
            self.passphrase = dialog.passphrase
            self.accept()

    def open_demo(self) -> None:
        """Build the demo in the background; the dialog accepts once it is ready."""
        target = Path(tempfile.mkdtemp(prefix="relief-ledger-demo-"))
        self.demo_button.setEnabled(False)

        def built(_result: None) -> None:
            self.data_dir, self.passphrase = target, "demo"
            self.accept()

        def failed(exc: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.message.setText(str(exc))

        run_in_background(self, self.tr("Building the demo exercise…"), lambda _op: build_demo_exercise(target),
                          built, failed)

    def open_other(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a Relief Ledger data directory"))
        if chosen and (Path(chosen) / DB_NAME).exists():
            self.data_dir = Path(chosen)
            self.accept()
        elif chosen:
            self.message.setText(self.tr("{0} holds no replica.").format(chosen))


if TYPE_CHECKING:
    from app.ui.join_dialog import JoinDialog
    from app.ui.main_window import MainWindow


def open_window(data_dir: Path, identity: Identity | None, read_only: bool = False,
                network_on: bool = True) -> MainWindow:
    from app.ui.bridge import NodeBridge
    from app.ui.main_window import MainWindow
    from app.ui.network_bridge import NetworkBridge

    node = Node.open(data_dir, identity=identity)
    gc.collect()
    gc.freeze()
    read_only = read_only or identity is None
    network = None if read_only or not network_on else NetworkBridge(node, NetworkSettings.load())
    window = MainWindow(NodeBridge(node), read_only=read_only, network=network)
    remember(data_dir)
    return window


def run_gui(data: Path | None, passphrase: str | None = None, self_test: Path | None = None) -> int:
    """Entry point of `relief-ledger` / `relief-ledger gui` / `relief-ledger demo`."""
    app = application()
    probe = None
    if self_test is not None:
        from app.ui.self_test import SelfTest

        probe = SelfTest(self_test)
        probe.stage("qt_ready")
    data_dir = Path(data) if data else default_data_dir()
    if not (data_dir / DB_NAME).exists() or (data_dir / INIT_MARKER).exists():   # nothing, or a killed founding
        if probe is not None:
            probe.finish(f"no replica in {data_dir}")
            return 1
        welcome = WelcomeDialog(data_dir)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return 0
        data_dir, passphrase = welcome.data_dir, welcome.passphrase or None
    identity, read_only = None, False
    if passphrase:
        try:
            identity = load_key_file(data_dir / KEY_NAME, passphrase)
        except KeyFileError:
            identity = None
    if identity is None:
        unlock = PassphraseDialog(data_dir)
        if probe is not None:
            def fill(secret: str) -> None:
                unlock.passphrase.setText(secret)
                unlock.try_unlock()
            probe.unlock_shown(fill)
        if unlock.exec() != QDialog.DialogCode.Accepted:
            return probe.exit_code if probe is not None else 0
        identity, read_only = unlock.identity, unlock.read_only
    try:
        # a self-test checks this installation, not the LAN: it never announces itself nor dials anyone
        window = open_window(data_dir, identity, read_only, network_on=probe is None)
    except (NodeError, StoreError) as exc:   # StoreError: a replica from a newer release, a damaged file
        if probe is not None:
            probe.finish(shown(exc))
            return 2
        QMessageBox.critical(None, "Relief Ledger", shown(exc))
        return 2
    window.show()
    if probe is not None:
        probe.window_shown(window)
    code = app.exec()
    window.bridge.close()
    return code
