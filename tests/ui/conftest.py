"""A window on a small exercise replica, with stock to move around."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.ui.app import tune_runtime
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from app.ui.map.scheme import register_map_scheme
from tests.conftest import signing_as

register_map_scheme()  # before pytest-qt's qapp creates the QApplication, as app.ui.app.application() does


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """Each test starts with no saved window layout: Qt resolves the settings path once per process, so
    setting XDG_CONFIG_HOME alone would hand one test's saved docks to the next."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "config"))


@pytest.fixture
def stocked(network, cast):
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 500,
                                         "source": "WFP"})
    network.sign_as(cast.logistics)
    return network


@pytest.fixture
def window(qtbot, stocked, tmp_path, monkeypatch):
    tune_runtime()  # as app.ui.app.application() does for the real client
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(stocked)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    yield win
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()


def settle(qtbot, window, condition) -> None:
    """Wait for the worker and the coalesced refresh to bring `condition` about."""
    qtbot.waitUntil(lambda: bool(condition()), timeout=5000)
