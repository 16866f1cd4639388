"""The Peers view of a command center: a peer connects and syncs, a vehicle asks to join and is admitted,
and a USB bundle is imported from the File menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.core.identity import Identity
from app.net.bundle import export_bundle
from app.net.service import JoinProfile
from app.node import Node
from app.ui import bundle_actions
from app.ui.app import tune_runtime
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from app.ui.network_bridge import NetworkBridge, NetworkSettings
from tests.net.conftest import Site, converged

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LOOPBACK = NetworkSettings(discovery=False, host="127.0.0.1", port=0)


@pytest.fixture
def hq_window(qtbot, network, tmp_path, monkeypatch):
    """HQ's client, on the network over loopback only (no zeroconf in tests)."""
    tune_runtime()
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(network)
    net = NetworkBridge(network, LOOPBACK)
    win = MainWindow(bridge, network=net)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: net.port != 0, timeout=10000)
    others: list[Site] = []
    win.others = others
    yield win
    for site in others:
        site.go_offline()
        site.node.close()
    net.stop()
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()


def hq_site(win) -> Site:
    site = Site("HQ", win.node)
    site.runner = win.network.runner
    return site


def test_a_connected_peer_shows_in_sync_with_its_figures(qtbot, hq_window, cast, tmp_path):
    lena = Site("Lena", Node.create_joining(tmp_path / "lena", cast.logistics))
    lena.node.receive([next(iter(hq_window.node.entries_in_order()))])
    hq_window.others.append(lena)
    lena.go_online([hq_site(hq_window)])
    qtbot.waitUntil(lambda: any(r.state == "in sync" for r in hq_window.peers.model.rows), timeout=10000)
    row = next(r for r in hq_window.peers.model.rows if r.key)
    assert (row.name, row.behind, row.ahead, row.received, row.sent) == ("Lena", 0, 0, 0, 4)
    assert hq_window.status_peers.text() == "Peers 1"
    assert any("connected" in hq_window.peers.log.item(i).text() for i in range(hq_window.peers.log.count()))
    assert "listening on port" in hq_window.peers.header.text()
    entry = lena.node.append("site.define", {"site": "LENA-DEPOT", "name": "Lena's depot", "kind": "depot",
                                              "lat_e6": -19_000_000, "lon_e6": 34_000_000, "org": "WFP"})
    qtbot.waitUntil(lambda: "LENA-DEPOT" in hq_window.tables["sites"], timeout=10000)
    assert hq_window.node.entry(entry.hash) is not None


def test_a_vehicle_asks_to_join_and_the_admin_admits_it_after_comparing_fingerprints(qtbot, hq_window, tmp_path):
    newcomer = Identity.from_seed(b"vehicle-9")
    vehicle = Site("Vehicle 9", Node.create_joining(tmp_path / "vehicle", newcomer))
    hq_window.others.append(vehicle)
    vehicle.go_online([hq_site(hq_window)], join=JoinProfile("Vehicle 9", "MSF"))
    qtbot.waitUntil(lambda: hq_window.peers.joins.count() == 1, timeout=10000)
    assert newcomer.fingerprint in hq_window.peers.joins.item(0).text()
    assert "asking to join" in hq_window.docks["peers"].windowTitle()
    dialog = hq_window.peers.admit_selected()
    assert dialog is not None
    dialog.roles["field"].setChecked(True)
    hq_window.grab().save(str(ARTIFACTS / "peers-join-request.png"))
    dialog.grab().save(str(ARTIFACTS / "peers-admit-dialog.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: newcomer.public_key_hex in hq_window.tables["members"], timeout=10000)
    qtbot.waitUntil(lambda: vehicle.node.has_network and converged(hq_site(hq_window), vehicle), timeout=15000)
    qtbot.waitUntil(lambda: hq_window.peers.joins.count() == 0, timeout=5000)
    qtbot.waitUntil(lambda: any(r.state == "in sync" for r in hq_window.peers.model.rows), timeout=10000)
    QApplication.processEvents()
    hq_window.grab().save(str(ARTIFACTS / "peers.png"))


def test_a_bundle_from_a_usb_stick_is_imported_from_the_file_menu(qtbot, hq_window, cast, tmp_path, monkeypatch):
    post = Node.create_joining(tmp_path / "post", cast.logistics)
    post.receive(list(hq_window.node.entries_in_order()))
    post.append_many([("site.define", {"site": f"POST-{i}", "name": "post", "kind": "depot", "lat_e6": 0,
                                       "lon_e6": 0, "org": "WFP"}) for i in range(12)])
    stick = tmp_path / "stick.rlb"
    export_bundle(post, stick, hq_window.node.frontier())
    post.close()
    shown: list[str] = []
    monkeypatch.setattr(bundle_actions.QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(bundle_actions.QMessageBox, "warning", lambda _p, _t, text: shown.append("WARN " + text))
    bundle_actions.import_dialog(hq_window, hq_window.bridge, str(stick))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "12 new" in shown[0] and "seal: intact" in shown[0]
    qtbot.waitUntil(lambda: "POST-11" in hq_window.tables["sites"], timeout=5000)
    garbage = tmp_path / "not-a-bundle.rlb"
    garbage.write_text("hello")
    failures: list[str] = []
    hq_window.bridge.job_failed.connect(failures.append)
    monkeypatch.setattr(bundle_actions.QMessageBox, "warning", lambda *_a: None)
    bundle_actions.import_dialog(hq_window, hq_window.bridge, str(garbage))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "not a Relief Ledger bundle" in failures[0]


def test_an_operator_typo_in_a_peer_address_is_explained(qtbot, hq_window):
    message = hq_window.peers.add_peer_text("10.0.0.5")
    assert message is not None and "host:port" in message
    assert hq_window.peers.add_peer_text("127.0.0.1:9") is None
    qtbot.waitUntil(lambda: any(r.address == "127.0.0.1:9" for r in hq_window.peers.model.rows), timeout=5000)


def test_a_new_command_center_joins_from_the_welcome_screen(qtbot, hq_window, tmp_path):
    from app.ui.app import WelcomeDialog

    welcome = WelcomeDialog(tmp_path / "new-center")
    qtbot.addWidget(welcome)
    welcome.join_settings = NetworkSettings(discovery=False, host="127.0.0.1", port=0)
    welcome.org.setText("UNICEF")
    welcome.display.setText("Quelimane EOC")
    welcome.pass1.setText("correct horse")
    welcome.pass2.setText("correct horse")
    welcome.peer.setText(f"127.0.0.1:{hq_window.network.port}")
    dialog = welcome.join()
    assert dialog is not None
    qtbot.waitUntil(lambda: hq_window.peers.joins.count() == 1, timeout=15000)
    assert dialog.identity.fingerprint in hq_window.peers.joins.item(0).text()
    qtbot.waitUntil(lambda: "has your request" in dialog.status.text(), timeout=10000)
    dialog.grab().save(str(ARTIFACTS / "join-waiting.png"))
    admit = hq_window.peers.admit_selected()
    admit.accept()
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=15000)
    dialog.accept()
    assert welcome.result() == welcome.DialogCode.Accepted and welcome.passphrase == "correct horse"
    reopened = Node.open(tmp_path / "new-center", "correct horse")
    try:
        assert reopened.network_id == hq_window.node.network_id
        assert reopened.entry_count() == hq_window.node.entry_count()
    finally:
        reopened.close()


def test_the_operator_chooses_which_interfaces_to_advertise_on(qtbot, tmp_path, monkeypatch):
    from app.ui.network_settings import NetworkSettingsDialog

    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = NetworkSettingsDialog(NetworkSettings(), addresses=["10.1.0.7", "192.168.8.20"])
    qtbot.addWidget(dialog)
    dialog.interfaces["10.1.0.7"].setChecked(False)
    dialog.peers.setPlainText("10.20.0.5:47474@k7qx-3mpa-9f2d-hw4t\n")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    loaded = NetworkSettings.load()
    assert loaded.interfaces == ("192.168.8.20",)
    assert loaded.peers == (("10.20.0.5", 47474, "K7QX-3MPA-9F2D-HW4T"),)
    again = NetworkSettingsDialog(loaded, addresses=["10.1.0.7", "192.168.8.20"])
    qtbot.addWidget(again)
    again.peers.setPlainText("nonsense")
    again.save()
    assert "not host:port" in again.error.text() and again.result() != again.DialogCode.Accepted


def test_catching_up_shows_a_progress_bar_that_goes_away_when_in_sync(qtbot):
    from app.net.events import PeerStatus
    from app.ui.peers_view import PeersView

    view = PeersView("MK6W-PQYR-7R6M-HVCE", admit=None)
    qtbot.addWidget(view)
    view.show()

    def row(received: int, behind: int) -> PeerStatus:
        return PeerStatus("ab" * 32, "HQ Beira", "MK6W-PQYR-7R6M-HVCE", "10.0.0.1:47474",
                          "syncing" if behind else "in sync", "out", None, behind, 0, received, 0)

    view.show_peers([row(0, 10_000)], [])
    assert view.progress.isVisible() and view.progress.maximum() == 10_000 and view.progress.value() == 0
    view.show_peers([row(4_000, 6_000)], [])
    assert view.progress.value() == 4_000
    view.show_peers([row(10_000, 0)], [])
    assert not view.progress.isVisible()
    assert view.model.data(view.model.index(0, 3)) == "connected · in sync (outgoing)"


def test_a_vehicle_that_synced_and_drove_away_reads_gone_with_its_last_sync_time(qtbot, hq_window, cast, tmp_path):
    """Lena's vehicle syncs with HQ, then leaves: HQ shows her gone since then, not "discovered, never synced";
    when she comes back she reads connected again."""
    lena = Site("Lena", Node.create_joining(tmp_path / "lena", cast.logistics))
    lena.node.receive([next(iter(hq_window.node.entries_in_order()))])
    hq_window.others.append(lena)
    lena.go_online([hq_site(hq_window)])
    qtbot.waitUntil(lambda: any(r.state == "in sync" for r in hq_window.peers.model.rows), timeout=10000)
    assert hq_window.peers.model.data(hq_window.peers.model.index(0, 3)).startswith("connected · in sync")
    lena.go_offline()
    qtbot.waitUntil(lambda: [r.state for r in hq_window.peers.model.rows] == ["gone"], timeout=10000)
    model = hq_window.peers.model
    row = model.rows[0]
    assert row.name == "Lena" and row.last_sync_ms is not None and row.sent == 4
    assert model.data(model.index(0, 3)).startswith("gone since ")
    assert model.data(model.index(0, 4)) != "never"
    assert hq_window.status_peers.text() == "Peers 0"
    log = [hq_window.peers.log.item(i).text() for i in range(hq_window.peers.log.count())]
    assert any(line.split("  ", 1)[1].startswith("Lena: left") for line in log), log
    assert any(line.split("  ", 1)[1].startswith("Lena: in sync") for line in log), log
    hq_window.resize(1280, 720)
    hq_window.docks["peers"].raise_()
    qtbot.wait(50)
    Path("/tmp/shots-layout").mkdir(exist_ok=True)
    assert hq_window.grab().save("/tmp/shots-layout/peers-gone.png")
    lena.go_online([hq_site(hq_window)])
    qtbot.waitUntil(lambda: [r.state for r in hq_window.peers.model.rows] == ["in sync"], timeout=10000)


def test_the_peers_list_puts_connected_peers_first_then_gone_then_never_connected(qtbot):
    from app.net.events import PeerStatus
    from app.ui.peers_view import PeersView

    view = PeersView("MK6W-PQYR-7R6M-HVCE", admit=None)
    qtbot.addWidget(view)
    found = PeerStatus("", "Truck 7", "AAAA-BBBB-CCCC-DDDD", "10.0.0.7:47474", "discovered", "", None, 0, 0, 0, 0)
    gone = PeerStatus("cd" * 32, "EOC Chimoio", "EEEE-FFFF-GGGG-HHHH", "10.0.0.9:47474", "gone", "",
                      1_767_225_600_000, 0, 0, 12, 30, "peer left", 1_767_229_200_000)
    live = PeerStatus("ab" * 32, "HQ Beira", "MK6W-PQYR-7R6M-HVCE", "10.0.0.1:47474", "syncing", "in", None,
                      40, 0, 0, 0)
    view.show_peers([found, gone, live], [])
    states = [view.model.data(view.model.index(r, 3)) for r in range(3)]
    assert states[0] == "connected · catching up (incoming)"
    assert states[1].startswith("gone since ") and view.model.data(view.model.index(1, 4)) != "never"
    assert states[2] == "discovered, not connected"
    assert view.model.data(view.model.index(2, 4)) == "never"
