"""First run and later runs: create a network, unlock with the passphrase, retry after a wrong one."""

from __future__ import annotations

from app.node import Node
from app.paths import DB_NAME
from app.ui import app as ui_app
from app.ui.app import PassphraseDialog, WelcomeDialog


def test_the_welcome_dialog_founds_a_network(qtbot, tmp_path):
    data = tmp_path / "eoc"
    dialog = WelcomeDialog(data)
    qtbot.addWidget(dialog)
    dialog.name.setText("Floods 2026")
    dialog.org.setText("NDMA")
    dialog.display.setText("National EOC")
    dialog.pass1.setText("short")
    dialog.pass2.setText("short")
    assert not dialog.create_network() and "at least 8" in dialog.message.text()
    dialog.pass1.setText("monsoon-2026")
    dialog.pass2.setText("monsoon-2025")
    assert not dialog.create_network() and "differ" in dialog.message.text()
    assert not (data / DB_NAME).exists()
    dialog.pass2.setText("monsoon-2026")
    assert dialog.create_network()
    node = Node.open(data, "monsoon-2026")
    try:
        assert node.network["name"] == "Floods 2026" and node.identity is not None
    finally:
        node.close()


def test_joining_asks_for_what_is_missing_before_knocking_anywhere(qtbot, tmp_path):
    dialog = WelcomeDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.peer.setText("10.0.0.5:7446")
    assert dialog.join() is None
    assert "Please fill in" in dialog.message.text()
    dialog.org.setText("IFRC")
    dialog.display.setText("Buzi field post")
    dialog.pass1.setText("short")
    assert dialog.join() is None and "passphrase" in dialog.message.text()
    dialog.pass1.setText("long enough now")
    dialog.pass2.setText("long enough now")
    dialog.peer.setText("10.0.0.5")
    assert dialog.join() is None and "host:port" in dialog.message.text()
    assert not (tmp_path / "new").exists()


def test_a_wrong_passphrase_says_so_and_the_next_try_unlocks(qtbot, tmp_path, cast):
    from app.core.identity import Identity

    identity = Identity.generate()
    Node.create_network(tmp_path / "hq", identity, name="N", kind="live", org="O", display_name="HQ",
                        passphrase="correct horse").close()
    dialog = PassphraseDialog(tmp_path / "hq")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("wrong horse")
    assert not dialog.try_unlock()
    assert "Wrong passphrase" in dialog.message.text()
    dialog.passphrase.setText("correct horse")
    assert dialog.try_unlock()
    assert dialog.identity.public_key == identity.public_key


def test_the_demo_command_opens_the_window_on_the_demo(qtbot, tmp_path, monkeypatch):
    from app.cli import main

    shown = []
    monkeypatch.setattr(ui_app.QApplication, "exec", lambda self: shown.append(True) or 0)
    monkeypatch.setattr(ui_app, "open_window", _recording_open_window(shown))
    assert main(["demo", "--data", str(tmp_path / "demo"), "--quiet"]) == 0
    window = shown[0]
    assert window.windowTitle().startswith("EXERCISE") and window.models["requests"].rowCount() > 10


def _recording_open_window(shown):
    original = ui_app.open_window

    def open_window(*args, **kwargs):
        window = original(*args, **kwargs)
        shown.insert(0, window)
        return window
    return open_window
