"""The About box: which program this is, exactly, and whose work it carries.

An operator's bug report must name the build (version, commit, build date) and the Qt, PySide6 and
Python underneath; the text is selectable so it can be pasted into one. The third-party notices a build
ships open inside the client, since a vehicle's box may have no text viewer set up.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.build_info import BUILD, BuildInfo, current
from app.paths import ICON, NOTICES
from app.ui.widgets import mark_exercise


class NoticesWindow(QWidget):
    """The third-party notices, read-only, in a fixed-width font (the file is laid out as plain text)."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("third-party-notices")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 640)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(title)
        self.text.setPlainText(path.read_text(encoding="utf-8", errors="replace"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)


class AboutDialog(QDialog):
    """Version, commit, build date, the libraries underneath, this replica, and the notices."""

    def __init__(self, data_dir: Path | str | None, network_id: str, parent: QWidget | None = None,
                 info: BuildInfo | None = None, notices: Path = NOTICES) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About Relief Ledger"))
        self.notices_path = notices
        self.notices_window: NoticesWindow | None = None
        info = info or current()
        built = info.build_date if info.source == BUILD else self.tr("not a build (source checkout)")
        where = str(notices) if notices.exists() else self.tr("not in a source checkout (every build has them)")
        icon = QLabel()
        window_icon = QApplication.windowIcon()
        icon.setPixmap((QIcon(str(ICON)) if window_icon.isNull() else window_icon).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self.tr("Relief Ledger {0}\n\nSigned, replicated ledger of relief-material movements.\n\n"
                                   "Commit: {1}\nBuilt: {2}\nQt {3}, PySide6 {4}, Python {5}\n\n"
                                   "Data directory: {6}\nNetwork id: {7}\n\nThird-party notices: {8}").format(
            info.version, info.commit, built, qVersion(), PySide6.__version__, platform.python_version(),
            data_dir, network_id, where))
        self.text.setObjectName("about-text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.notices_button = QPushButton(self.tr("Third-party notices"))
        self.notices_button.setEnabled(notices.exists())
        self.notices_button.clicked.connect(self.open_notices)
        buttons.addButton(self.notices_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        mark_exercise(self)
        self.setMinimumWidth(520)

    def open_notices(self) -> NoticesWindow:
        """The notices in a window of their own, which stays open after the About box closes."""
        self.notices_window = NoticesWindow(self.notices_path, self.notices_button.text(), self.parentWidget())
        self.notices_window.show()
        return self.notices_window
