"""How the client introduces itself: its icon on every window, and an About box that names the exact build."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from app.ui import app as ui_app
from app.ui import first_start


def test_every_window_of_the_client_carries_the_parcel_icon(qapp, monkeypatch):
    monkeypatch.setattr(first_start.os, "geteuid", lambda: 1000, raising=False)   # not root: no sandbox flag
    monkeypatch.setattr(first_start, "software_rendering", lambda: False)        # the GL probe is tested on its own
    QApplication.setWindowIcon(QIcon())
    ui_app.application()
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    tile = icon.pixmap(64, 64).toImage()
    assert tile.width() == 64
    navy = tile.pixelColor(6, 32)
    assert abs(navy.red() - QColor("#1d4e89").red()) < 24 and abs(navy.blue() - QColor("#1d4e89").blue()) < 24
