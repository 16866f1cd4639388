"""An operator with a screen reader, a dark theme, a high-contrast theme or a large font uses the same window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTableView, QWidget

from app.net.events import JoinRequest
from app.ui.palette import READABLE, contrast
from app.ui.peers_view import AdmitDialog
from tests.ui.conftest import settle

SHOTS = Path("/tmp/shots-layout")


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    return isinstance(widget, QAbstractButton) and bool(widget.text().replace("&", "").strip())


def unnamed_controls(window) -> list[str]:
    """Buttons, text boxes and tables an operator can reach in any dock that a screen reader could not name."""
    missing: set[str] = set()
    for dock in window.docks.values():
        dock.raise_()
        QApplication.processEvents()
        buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
        for kind in (QAbstractButton, QLineEdit, QTableView):
            for widget in window.findChildren(kind):
                if widget.isVisible() and not _named(widget, buddies):
                    missing.add(f"{type(widget).__name__} {widget.objectName()!r} in {widget.parent().objectName()!r}"
                                f" / {widget.window().windowTitle()!r} {widget.toolTip()!r}")
    return sorted(missing)


def test_every_button_box_and_table_has_a_name_a_screen_reader_can_read(qtbot, window):
    assert unnamed_controls(window) == []


def dark() -> QPalette:
    palette = QPalette(QColor("#2b2b2b"))
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.WindowText, "#e6e6e6"), (QPalette.ColorRole.AlternateBase, "#262626")):
        palette.setColor(role, QColor(colour))
    return palette


def high_contrast() -> QPalette:
    palette = QPalette(QColor("black"))
    for role, colour in ((QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.Text, "white"),
                         (QPalette.ColorRole.WindowText, "white"), (QPalette.ColorRole.AlternateBase, "black")):
        palette.setColor(role, QColor(colour))
    return palette


def coloured_cells(model) -> list[tuple[str, QColor]]:
    from PySide6.QtCore import Qt

    cells = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            colour = model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
            if colour is not None:
                cells.append((model.data(model.index(row, column)), QColor(colour)))
    return cells


@pytest.mark.parametrize("theme", [dark, high_contrast, lambda: QApplication.style().standardPalette()],
                         ids=["dark", "high-contrast", "light"])
def test_priority_and_status_stay_readable_in_a_dark_and_a_high_contrast_theme(qtbot, window, theme):
    for request, priority in (("REQ-1", "critical"), ("REQ-2", "high"), ("REQ-3", "normal"), ("REQ-4", "low")):
        window.bridge.submit("request.open", {"request": request, "site": "SHL-1", "item": "water-5l", "qty": 10,
                                              "priority": priority, "needed_by_ms": 1_800_000_000_000})
    window.bridge.submit("request.cancel", {"request": "REQ-4", "reason": "sent elsewhere"})
    settle(qtbot, window, lambda: window.models["requests"].rowCount() == 4
           and window.tables["requests"]["REQ-4"]["status"] == "cancelled")
    original = QApplication.palette()
    QApplication.setPalette(theme())
    try:
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        cells = coloured_cells(window.models["requests"])
        assert {text for text, _colour in cells} >= {"critical", "high", "normal", "low", "open", "cancelled"}
        unreadable = [(text, colour.name(), round(contrast(colour, base), 2)) for text, colour in cells
                      if contrast(colour, base) < READABLE]
        assert unreadable == []
        window.resize(1280, 720)
        window.menus.reset_layout.trigger()
        qtbot.wait(50)
        SHOTS.mkdir(exist_ok=True)
        name = getattr(theme, "__name__", "light").replace("<lambda>", "light")
        assert window.grab().save(str(SHOTS / f"theme-{name}.png"))
    finally:
        QApplication.setPalette(original)


def test_large_fonts_scale_the_fingerprint_an_admin_compares_and_nothing_is_sized_in_pixels(qtbot, window):
    original = QApplication.font()
    large = QFont(original)
    large.setPointSizeF(18)
    QApplication.setFont(large)
    try:
        dialog = AdmitDialog(JoinRequest("ab" * 32, "MK6W-PQYR-7R6M-HVCE", "Truck 7", "WFP", "127.0.0.1:5", 0))
        qtbot.addWidget(dialog)
        fingerprint = next(label for label in dialog.findChildren(QLabel) if label.text() == "MK6W-PQYR-7R6M-HVCE")
        assert fingerprint.font().pointSizeF() == pytest.approx(36)
        pixel_sized = [type(w).__name__ for w in window.findChildren(QWidget) if w.font().pixelSize() > 0]
        assert pixel_sized == []
    finally:
        QApplication.setFont(original)
