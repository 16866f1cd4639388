"""The desktop client after a new release is installed: yesterday's replica opens upgraded; a replica a newer
release wrote gets a message box with the sentence, and the client ends without a crash."""

from __future__ import annotations

from app.store import migrate
from app.ui import app as ui_app
from tests.store.replica_fixtures import (
    CURRENT,
    OLD,
    assert_left_as_it_was,
    assert_refused_sentence,
    copy_of,
    fingerprint,
    from_a_newer_release,
    manifest,
    revision_of,
)


def _client(monkeypatch) -> tuple[list, list]:
    """The client's start-up with its event loop and its message boxes recorded instead of run."""
    windows: list = []
    messages: list[str] = []
    original = ui_app.open_window

    def open_window(*args, **kwargs):
        window = original(*args, **kwargs)
        windows.append(window)
        return window

    monkeypatch.setattr(ui_app, "open_window", open_window)
    monkeypatch.setattr(ui_app.QApplication, "exec", lambda self: 0)
    # the client's network on loopback only, without discovery (tests send nothing beyond 127.0.0.1)
    monkeypatch.setattr(ui_app.NetworkSettings, "load",
                        classmethod(lambda cls: cls(discovery=False, host="127.0.0.1", port=0)))
    monkeypatch.setattr(ui_app.QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *rest: messages.append(text)))
    return windows, messages


def test_the_client_opens_a_replica_from_the_0001_release_upgraded(qtbot, tmp_path, monkeypatch):
    data = copy_of(OLD, tmp_path)
    windows, messages = _client(monkeypatch)
    assert ui_app.run_gui(data, manifest(OLD)["passphrase"]) == 0
    assert messages == [] and len(windows) == 1
    window = windows[0]
    qtbot.addWidget(window)
    assert window.node.entry_count() == 26
    assert window.node.state.digest() == manifest(CURRENT)["state_digest"]
    assert revision_of(data) == migrate.head_revision()


def test_the_client_shows_why_it_cannot_open_a_replica_from_a_newer_release(qtbot, tmp_path, monkeypatch):
    data = from_a_newer_release(tmp_path)
    before = fingerprint(data)
    windows, messages = _client(monkeypatch)
    assert ui_app.run_gui(data, manifest(CURRENT)["passphrase"]) == 2
    assert windows == [] and len(messages) == 1
    assert_refused_sentence(messages[0])
    assert_left_as_it_was(data, before)
