"""Three command centers decide a stock adjustment; the Approvals view and the explorer show the decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.core.identity import Identity, save_key_file
from app.node import Node
from app.paths import KEY_NAME, database_url
from app.store.replica_store import ReplicaStore
from app.ui.app import tune_runtime
from app.ui.approvals_view import DECIDED, WAITING_FOR_ME, WAITING_FOR_OTHERS
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from tests.conftest import Clock

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PASSPHRASE = "correct horse battery"
ADJUST = {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314", "delta": -120,
          "reason": "120 jerrycans punctured under fallen roof sheets"}
KEY = "WH-BEIRA|water-5l|WFP-W-0314"


class Network:
    def __init__(self, tmp_path: Path) -> None:
        self.a, self.b, self.c, self.log = (Identity.from_seed(f"ui-approvals/{n}".encode())
                                            for n in ("a", "b", "c", "log"))
        members = [
            {"key": self.b.public_key_hex, "org": "INGD Manica", "name": "EOC Chimoio", "roles": ["commander"]},
            {"key": self.c.public_key_hex, "org": "INGD Zambezia", "name": "EOC Quelimane", "roles": ["commander"]},
            {"key": self.log.public_key_hex, "org": "WFP", "name": "WFP logistics cell", "roles": ["logistics"]},
        ]
        self.node_a = Node.create_network(tmp_path / "A", self.a, name="Cyclone response", kind="exercise",
                                          org="INGD", display_name="EOC Beira", members=members, clock=Clock())
        self.node_a.sign_as(self.log)
        self.node_a.append_many([
            ("site.define", {"site": "WH-BEIRA", "name": "Beira warehouse", "kind": "depot", "lat_e6": -19_843_000,
                             "lon_e6": 34_838_000, "org": "WFP"}),
            ("item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan",
                             "category": "water", "cold_chain": False}),
            ("stock.receive", {"site": "WH-BEIRA", "item": "water-5l", "lot": "WFP-W-0314", "qty": 6000,
                               "source": "WFP"}),
        ])
        self.node_a.sign_as(self.a)
        self.replicas = [self.node_a]
        for name, who in (("B", self.b), ("C", self.c)):
            (tmp_path / name).mkdir()
            save_key_file(tmp_path / name / KEY_NAME, who, PASSPHRASE, label=name, n=2**15)
            node = Node(ReplicaStore(database_url(tmp_path / name)), identity=who, data_dir=tmp_path / name,
                        clock=Clock())
            node.receive(list(self.node_a.entries_in_order()))
            self.replicas.append(node)
        self.node_b, self.node_c = self.replicas[1], self.replicas[2]

    def sync(self) -> None:
        for source in self.replicas:
            for target in self.replicas:
                if target is not source:
                    target.receive(list(source.entries_in_order()))


@pytest.fixture
def net(tmp_path):
    network = Network(tmp_path)
    yield network
    network.node_a.close()
    network.node_c.close()


@pytest.fixture
def window_b(qtbot, net, tmp_path, monkeypatch):
    """The window at center B (EOC Chimoio)."""
    tune_runtime()
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(net.node_b)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    yield win
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    net.node_b.close()


def tab_count(window, index: int) -> int:
    return len(window.approvals.rows[index])


def test_an_adjustment_proposed_at_a_is_approved_at_b_and_c_and_the_decision_is_visible(qtbot, net, window_b,
                                                                                        monkeypatch):
    view = window_b.approvals
    # authored directly, the adjustment is refused with a reason
    shown = []
    monkeypatch.setattr("app.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    window_b.bridge.submit("stock.adjust", ADJUST)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "needs_approval" in shown[0]

    # center A proposes; B's window shows it waiting for B, with a badge
    proposal = net.node_a.propose("stock.adjust", ADJUST, "Rain damage after the roof failed")
    net.sync()
    qtbot.waitUntil(lambda: tab_count(window_b, WAITING_FOR_ME) == 1, timeout=5000)
    assert "Waiting for me: 1" in window_b.status_approvals.text()
    assert window_b.docks["approvals"].windowTitle() == "Approvals (1)"
    assert view.select(proposal.hash)
    text = view.detail.toPlainText()
    assert "6,000" in text and "5,880" in text                      # before and after
    assert "0 of 2 approvals" in text and "EOC Quelimane" in text     # who is still needed
    assert "Until" in text and "Your approval is requested" in text
    window_b.docks["approvals"].raise_()
    window_b.resizeDocks([window_b.docks["approvals"]], [430], Qt.Orientation.Vertical)
    window_b.explorer.select_hash(proposal.hash)
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    assert window_b.grab().save(str(ARTIFACTS / "approvals.png"))

    # a wrong passphrase signs nothing
    dialog = view.ask("approve")
    dialog.passphrase.setText("wrong")
    dialog.try_accept()
    qtbot.waitUntil(lambda: "Not signed" in view.status.text(), timeout=20000)
    assert net.node_b.state.get("proposals", proposal.hash)["approvals"] == []

    # B approves with the passphrase (unlock and signing on the worker thread)
    dialog = view.ask("approve")
    dialog.comment.setPlainText("Photos seen on the radio net")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_accept()
    qtbot.waitUntil(lambda: tab_count(window_b, WAITING_FOR_OTHERS) == 1, timeout=20000)
    assert "Waiting for me: 0" in window_b.status_approvals.text()
    assert net.node_b.state.get("stock", KEY)["qty"] == 6000

    # C approves at its own center; the decision reaches every replica
    net.sync()
    decision = net.node_c.approve(proposal.hash)
    net.sync()
    qtbot.waitUntil(lambda: tab_count(window_b, DECIDED) == 1, timeout=5000)
    for node in net.replicas:
        row = node.state.get("proposals", proposal.hash)
        assert row["status"] == "approved" and row["decided_by"] == decision.hash
        assert node.state.get("stock", KEY)["qty"] == 5880
    assert len({node.state.digest() for node in net.replicas}) == 1
    qtbot.waitUntil(lambda: window_b.models["stock"].rows.get(KEY, {}).get("qty") == 5880, timeout=5000)

    assert view.select(proposal.hash)
    text = view.detail.toPlainText()
    assert "approved" in text and "EOC Chimoio" in text and "EOC Quelimane" in text and "applied" in text
    assert "Photos seen on the radio net" in text
    window_b.docks["approvals"].raise_()
    qtbot.wait(50)
    assert window_b.grab().save(str(ARTIFACTS / "approvals-decided.png"))

    # the ledger explorer holds the proposal and the deciding approval, with their status
    qtbot.waitUntil(lambda: any(e.hash == decision.hash for e in window_b.explorer.model.entries), timeout=5000)
    view.show_entry_button.click()
    assert "proposal approved — applied" in window_b.explorer.detail.toPlainText()
    assert window_b.explorer.select_hash(decision.hash)
    assert "decided proposal" in window_b.explorer.detail.toPlainText()

    # the record shows its history of decisions
    details = window_b.record_detail(window_b.models["stock"], KEY)
    assert "Decisions on this record" in details and "Rain damage after the roof failed" in details


def test_rejecting_needs_a_comment_and_the_proposer_can_withdraw(qtbot, net, window_b):
    view = window_b.approvals
    first = net.node_a.propose("stock.adjust", ADJUST, "Cycle count")
    net.sync()
    qtbot.waitUntil(lambda: tab_count(window_b, WAITING_FOR_ME) == 1, timeout=5000)
    view.select(first.hash)
    dialog = view.ask("reject")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_accept()
    assert dialog.isVisible() and "why" in dialog.message.text()
    dialog.comment.setPlainText("Count again: the Dondo dispatch was on the loading bay")
    dialog.try_accept()
    qtbot.waitUntil(lambda: tab_count(window_b, DECIDED) == 1, timeout=20000)
    assert net.node_b.state.get("proposals", first.hash)["status"] == "rejected"

    own = net.node_b.propose("stock.adjust", {**ADJUST, "delta": -5}, "Recount at B")
    qtbot.waitUntil(lambda: tab_count(window_b, WAITING_FOR_OTHERS) == 1, timeout=5000)
    view.select(own.hash)
    assert view.withdraw_button.isEnabled() and not view.approve_button.isEnabled()
    view.withdraw_button.click()
    qtbot.waitUntil(lambda: tab_count(window_b, DECIDED) == 2, timeout=5000)
    assert net.node_b.state.get("proposals", own.hash)["status"] == "withdrawn"


def test_the_explorer_lists_the_decisions_on_a_corrected_record(qtbot, net, window_b):
    receipt = next(e for e in net.node_a.entries_in_order() if e.type == "stock.receive")
    proposal = net.node_a.propose("record.correct", {"target": receipt.hash, "reason": "Waybill says 600",
                                                     "set": {"qty": 600}}, "Waybill says 600, not 6000")
    net.node_c.receive(list(net.node_a.entries_in_order()))
    net.node_c.approve(proposal.hash)
    net.sync()
    net.node_b.approve(proposal.hash)
    qtbot.waitUntil(lambda: any(e.hash == proposal.hash for e in window_b.explorer.model.entries), timeout=5000)
    qtbot.waitUntil(lambda: window_b.tables["proposals"].get(proposal.hash, {}).get("status") == "approved",
                    timeout=5000)
    window_b.explorer.model.fetchMore(window_b.explorer.view.rootIndex())
    assert window_b.explorer.select_hash(receipt.hash)
    text = window_b.explorer.detail.toPlainText()
    assert "Decisions on this record" in text and "Waybill says 600, not 6000" in text and "approved" in text
    window_b.approvals.select(proposal.hash)
    detail = window_b.approvals.detail.toPlainText()
    assert "6000" in detail and "600" in detail and "Before" in detail
