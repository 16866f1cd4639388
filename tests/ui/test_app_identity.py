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


# -- the About box ------------------------------------------------------------------------------------------------

def test_the_about_box_names_the_build_and_what_runs_underneath(window, qtbot, tmp_path):
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    from app.build_info import BUILD, BuildInfo
    from app.ui.about import AboutDialog

    notices = tmp_path / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("Third-party notices for Relief Ledger\n\nLeaflet 1.9.3 BSD-2-Clause\n", encoding="utf-8")
    build = BuildInfo("0.1.0", "67b5b82", "2026-11-28", BUILD)
    dialog = AboutDialog(window.node.data_dir, window.node.network_id, parent=window, info=build, notices=notices)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text.text()
    for fact in ("Relief Ledger 0.1.0", "Commit: 67b5b82", "Built: 2026-11-28", f"Qt {qVersion()}",
                 f"PySide6 {PySide6.__version__}", f"Python {platform.python_version()}",
                 str(window.node.data_dir), window.node.network_id, f"Third-party notices: {notices}"):
        assert fact in text, fact
    assert dialog.notices_button.isEnabled()
    dialog.notices_button.click()
    shown = dialog.notices_window
    assert shown is not None and shown.isVisible()
    assert shown.text.toPlainText() == notices.read_text(encoding="utf-8") and shown.text.isReadOnly()
    shown.close()


def test_from_a_source_checkout_the_about_box_says_it_is_not_a_build_and_has_no_notices(window, qtbot, tmp_path):
    from app.build_info import CHECKOUT, NOT_A_BUILD, BuildInfo
    from app.ui.about import AboutDialog

    checkout = BuildInfo("0.1.0", "67b5b82-dirty", NOT_A_BUILD, CHECKOUT)
    dialog = AboutDialog(window.node.data_dir, window.node.network_id, parent=window, info=checkout,
                         notices=tmp_path / "absent.txt")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "Commit: 67b5b82-dirty" in text and "Built: not a build (source checkout)" in text
    assert "Third-party notices: not in a source checkout (every build has them)" in text
    assert not dialog.notices_button.isEnabled()


def test_help_about_opens_the_box_for_this_replica_without_blocking_the_window(window, qtbot):
    from app import build_info

    dialog = window.about()
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.isModal() and dialog.parent() is window
    assert f"Commit: {build_info.current().commit}" in dialog.text.text()
    assert window.node.network_id in dialog.text.text()
    dialog.reject()
