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
