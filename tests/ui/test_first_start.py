"""First start on a fresh machine: the unlock dialog answers Enter and Escape as an operator expects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core.identity import Identity
from app.node import Node
from app.ui.app import PassphraseDialog


@pytest.fixture
def replica(tmp_path):
    identity = Identity.generate()
    Node.create_network(tmp_path / "hq", identity, name="N", kind="live", org="O", display_name="HQ",
                        passphrase="correct horse").close()
    return tmp_path / "hq", identity


def test_typing_the_passphrase_and_pressing_enter_unlocks(qtbot, replica):
    data_dir, identity = replica
    dialog = PassphraseDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, "correct horse")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.identity is not None and dialog.identity.public_key == identity.public_key
    assert not dialog.read_only


def test_a_wrong_passphrase_and_enter_keeps_the_dialog_and_says_so(qtbot, replica):
    data_dir, _identity = replica
    dialog = PassphraseDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "wrong horse")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Enter)      # the keypad's Enter, too
    assert dialog.isVisible() and dialog.identity is None
    assert "Wrong passphrase" in dialog.message.text()
    qtbot.keyClicks(dialog.passphrase, "correct horse")      # the wrong one is selected: typing replaces it
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.identity is not None


def test_escape_cancels_the_unlock(qtbot, replica):
    data_dir, _identity = replica
    dialog = PassphraseDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "correct horse")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.identity is None


def test_no_button_of_the_unlock_dialog_answers_enter_by_itself(qtbot, replica):
    from PySide6.QtWidgets import QPushButton

    dialog = PassphraseDialog(replica[0])
    qtbot.addWidget(dialog)
    assert not [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault() or b.autoDefault()]


# -- run as root: the web engine without its sandbox, said once ---------------------------------------------------

def test_as_root_the_web_engine_runs_without_its_sandbox_and_says_why(monkeypatch, caplog):
    from app.ui import first_start

    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--lang=fr --enable-logging"}
    monkeypatch.setattr(first_start.os, "geteuid", lambda: 0, raising=False)
    with caplog.at_level("WARNING", logger="app.ui"):
        assert first_start.web_engine_sandbox(environ)
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=fr --enable-logging --no-sandbox"   # the operator's kept
    [warning] = [r for r in caplog.records if r.name == "app.ui.first_start"]
    assert "root" in warning.getMessage() and "sandbox" in warning.getMessage()
    assert first_start.web_engine_sandbox(environ)                      # a second start adds nothing twice
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"].split().count("--no-sandbox") == 1


def test_an_ordinary_user_keeps_the_sandbox(monkeypatch, caplog):
    from app.ui import first_start

    environ: dict[str, str] = {}
    monkeypatch.setattr(first_start.os, "geteuid", lambda: 1000, raising=False)
    with caplog.at_level("WARNING", logger="app.ui"):
        assert not first_start.web_engine_sandbox(environ)
    assert environ == {} and not caplog.records


def test_starting_the_client_as_root_sets_the_flag_before_the_application(monkeypatch, caplog):
    """application() is where the client starts: the flag is in place by the time it returns."""
    from app.ui import app as ui_app
    from app.ui import first_start

    monkeypatch.setattr(first_start.os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=fr")
    monkeypatch.setattr(first_start, "software_rendering", lambda: False)   # the GL probe is tested on its own
    with caplog.at_level("WARNING", logger="app.ui"):
        ui_app.application()
    import os

    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=fr --no-sandbox"
    assert any("root" in r.getMessage() for r in caplog.records)


# -- no usable OpenGL: software rendering, no crash ---------------------------------------------------------------

def test_without_opengl_the_client_draws_in_software(caplog):
    from app.ui import first_start

    applied: list[bool] = []
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    with caplog.at_level("WARNING", logger="app.ui"):
        assert first_start.software_rendering(environ, probe=lambda: False, apply=lambda: applied.append(True))
    assert applied == [True]
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox --disable-gpu"
    assert any("No usable OpenGL" in r.getMessage() for r in caplog.records)


def test_a_probe_that_crashes_counts_as_no_opengl():
    from app.ui import first_start

    def probe() -> bool:
        raise RuntimeError("no GL driver")

    applied: list[bool] = []
    assert first_start.software_rendering({}, probe=probe, apply=lambda: applied.append(True))
    assert applied == [True]


def test_working_opengl_is_left_alone_unless_software_is_asked_for():
    from app.ui import first_start

    applied: list[bool] = []
    environ: dict[str, str] = {}
    assert not first_start.software_rendering(environ, probe=lambda: True, apply=lambda: applied.append(True))
    assert applied == [] and environ == {}
    environ["RELIEF_LEDGER_SOFTWARE_GL"] = "1"
    assert first_start.software_rendering(environ, probe=lambda: True, apply=lambda: applied.append(True))
    assert applied == [True] and "--disable-gpu" in environ["QTWEBENGINE_CHROMIUM_FLAGS"]


# -- the web engine cannot start: the window opens with a sentence where the map would be -------------------------

def test_a_web_engine_that_cannot_start_leaves_the_window_up_with_a_sentence(qtbot, stocked, monkeypatch, caplog,
                                                                             tmp_path):
    from PySide6.QtWidgets import QLabel

    from app.ui.bridge import NodeBridge
    from app.ui.main_window import MainWindow
    from app.ui.map import install

    def engine_refuses(_window):
        raise RuntimeError("the web engine process exited at start")

    monkeypatch.setattr(install, "create_map_view", engine_refuses)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(stocked)
    with caplog.at_level("WARNING", logger="app.ui"):
        window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.map is None
        dock = window.docks["map"]
        sentence = dock.widget()
        assert isinstance(sentence, QLabel) and sentence.objectName() == "map-unavailable"
        assert "The map is unavailable" in sentence.text() and "process exited at start" in sentence.text()
        assert window.isVisible()
        qtbot.waitUntil(lambda: window.models["stock"].rowCount() > 0, timeout=5000)   # the tables still work
        assert any("map is unavailable" in r.getMessage() for r in caplog.records)
    finally:
        bridge.node.remove_listener(bridge._on_stored)
        bridge.wait_idle()


def test_a_map_page_whose_process_dies_gives_way_to_the_sentence(window, qtbot, caplog):
    """The engine started, then its page process crashed (a GPU driver, the OOM killer): the dock says so."""
    from PySide6.QtWebEngineCore import QWebEnginePage

    controller = window.map
    qtbot.waitUntil(lambda: controller.view.page_up, timeout=20000)
    with caplog.at_level("WARNING", logger="app.ui"):
        controller.view.page.renderProcessTerminated.emit(
            QWebEnginePage.RenderProcessTerminationStatus.CrashedTerminationStatus, 139)
    sentence = window.docks["map"].widget()
    assert sentence.objectName() == "map-unavailable" and "CrashedTerminationStatus, exit code 139" in sentence.text()
    assert sentence.isVisible() and not controller.view.isVisible()
    assert any("page process ended" in r.getMessage() for r in caplog.records)
    controller.view.focus("sites", "DEP-1")                    # a table selection still reaches it harmlessly
