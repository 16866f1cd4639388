"""A non-modal notice in the window's corner: what just happened, without a box to click away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

NOTICE_MS = 8000
MAX_WIDTH = 460


class Notice(QLabel):
    """Shows one sentence over the bottom-right corner of `host` for NOTICE_MS; a click dismisses it.

    After "Sign and record" the operator must see that it worked and what exactly was recorded; a modal
    box would cost a key press on every record, so this note goes away by itself.
    """

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)   # names in it are typed by members
        self.setAccessibleName(self.tr("Notice"))
        self.setStyleSheet("QLabel#notice { background: palette(tool-tip-base); color: palette(tool-tip-text); "
                           "border: 1px solid palette(mid); border-radius: 4px; padding: 8px; }")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTICE_MS)
        self.timer.timeout.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setFixedWidth(min(MAX_WIDTH, max(200, self.host.width() // 3)))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self.timer.start()

    def _place(self) -> None:
        margin = 12
        bottom = self.host.height() - margin
        status_bar = getattr(self.host, "statusBar", None)   # a main window's status bar stays readable
        if callable(status_bar) and status_bar().isVisible():
            bottom -= status_bar().height()
        self.move(max(margin, self.host.width() - self.width() - margin), max(margin, bottom - self.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
        event.accept()
