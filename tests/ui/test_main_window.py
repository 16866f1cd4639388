"""The command-center window as an operator uses it."""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from tests.ui.conftest import settle

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARRIVAL_BATCH = 200  # entries per commit, as sync and bundle import deliver them (see docs/ARCHITECTURE.md)


def test_an_exercise_shows_its_banner_and_its_stock(window):
    assert window.windowTitle().startswith("EXERCISE")
    assert window.banner.isVisible() and "EXERCISE" in window.banner.text()
    stock = window.models["stock"]
    assert stock.rowCount() == 1
    assert stock.index(0, 0).data() == "Beira depot" and stock.index(0, 3).data() == "500"


def test_a_new_receipt_changes_one_row_without_resetting_the_table(qtbot, window):
    stock = window.models["stock"]
    resets, changed, inserted = [], [], []
    stock.modelReset.connect(lambda: resets.append(1))
    stock.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    stock.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    window.bridge.submit("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 250,
                                           "source": "WFP"})
    settle(qtbot, window, lambda: changed)
    window.bridge.submit("stock.receive", {"site": "DEP-1", "item": "tent-fam", "lot": "NR-T-1", "qty": 40,
                                           "source": "National reserve"})
    settle(qtbot, window, lambda: inserted)
    assert not resets
    assert set(changed) == {(0, 0)} and inserted == [(1, 1)]
    assert stock.index(0, 3).data() == "750"


def test_a_refused_entry_is_explained_and_changes_nothing(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr("app.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    window.bridge.submit("member.add", {"key": "ab" * 32, "org": "X", "name": "X", "roles": ["field"]})
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "needs_approval" in shown[0]
    assert window.models["stock"].rowCount() == 1


def test_filter_and_csv_export_follow_what_is_shown(qtbot, window, tmp_path):
    window.bridge.submit("request.open", {"request": "REQ-7", "site": "SHL-1", "item": "water-5l", "qty": 90,
                                          "priority": "critical", "needed_by_ms": 1_800_000_000_000})
    window.bridge.submit("request.open", {"request": "REQ-8", "site": "SHL-1", "item": "tent-fam", "qty": 5,
                                          "priority": "low", "needed_by_ms": 1_800_000_000_000})
    settle(qtbot, window, lambda: window.models["requests"].rowCount() == 2)
    panel = window.panels["requests"]
    panel.filter.setText("critical")
    assert panel.proxy.rowCount() == 1
    panel.filter.setFocus()
    target = tmp_path / "requests.csv"
    assert window.export_current_table(str(target)) == 1
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][:2] == ["Request", "Priority"] and rows[1][:2] == ["REQ-7", "critical"] and rows[1][4] == "90"


def test_the_explorer_shows_the_order_and_an_entry_in_full(qtbot, window):
    model = window.explorer.model
    assert model.rowCount() == window.bridge.node.entry_count()
    newest = model.entries[0]
    assert newest.type == "stock.receive"
    window.explorer.view.selectRow(0)
    text = window.explorer.detail.toPlainText()
    assert newest.hash in text and newest.sig.hex() in text
    assert '"lot":"WFP-001"' in text and "valid" in text
    window.bridge.submit("request.cancel", {"request": "NONE", "reason": "test"})
    settle(qtbot, window, lambda: model.entries[0].type == "request.cancel")
    window.explorer.view.selectRow(0)
    assert "raised conflict" in window.explorer.detail.toPlainText()


def test_a_record_opens_with_its_lineage(qtbot, window):
    window.bridge.submit("shipment.dispatch", {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "truck",
                                               "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]})
    settle(qtbot, window, lambda: window.models["shipments"].rowCount() == 1)
    detail = window.record_detail(window.models["shipments"], "S-1")
    trail = detail.split("Lineage of lot WFP-001:")[1]
    assert trail.index("receive") < trail.index("dispatch")


def test_the_window_keeps_ticking_and_shows_every_entry_while_ten_thousand_arrive(qtbot, window):
    """How long the event loop may stall is a benchmark figure (bench/ui_bench.py), not a unit test's:
    here the GUI thread keeps serving its timer while the entries are stored, and the table ends complete."""
    node = window.bridge.node
    ticks_during_arrival: list[int] = []
    done = threading.Event()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks_during_arrival.append(1) if not done.is_set() else None)
    timer.start(10)

    def arrive() -> None:
        for batch in range(10_000 // ARRIVAL_BATCH):
            node.append_many([("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"B{batch}-{i}",
                                                 "qty": 1, "source": "WFP"}) for i in range(ARRIVAL_BATCH)])
            time.sleep(0.01)
        done.set()

    thread = threading.Thread(target=arrive)
    thread.start()
    qtbot.waitUntil(done.is_set, timeout=120_000)
    thread.join()
    settle(qtbot, window, lambda: window.models["stock"].rowCount() == 10_001)
    timer.stop()
    assert ticks_during_arrival, "the GUI thread served no timer while the entries arrived"


def test_the_main_window_renders_for_review(qtbot, window):
    ARTIFACTS.mkdir(exist_ok=True)
    window.resize(1360, 860)
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "main_window.png"))


def test_a_read_only_window_offers_no_recording(qtbot, stocked):
    bridge = NodeBridge(stocked)
    win = MainWindow(bridge, read_only=True)
    qtbot.addWidget(win)
    assert not any(action.isEnabled() for action in win.record_actions.values())
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()


def test_a_post_that_lost_its_own_tail_says_so_and_records_nothing(qtbot, stocked, cast, tmp_path, monkeypatch):
    import json

    from PySide6.QtCore import QCoreApplication

    from app.node import Node
    from app.store.own_head import OWN_HEAD_NAME

    data = stocked.data_dir
    stocked.close()
    document = json.loads((data / OWN_HEAD_NAME).read_text(encoding="utf-8"))
    feed = document["feeds"][cast.logistics.public_key_hex]
    document["feeds"][cast.logistics.public_key_hex] = {"seq": feed["seq"] + 2, "hash": "ab" * 32}
    (data / OWN_HEAD_NAME).write_text(json.dumps(document), encoding="utf-8")
    node = Node.open(data, identity=cast.logistics)
    QCoreApplication.setOrganizationName("ReliefLedgerTests")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = NodeBridge(node)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    shown = []
    monkeypatch.setattr("app.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    try:
        assert win.tail_banner.isVisible() and "own_tail_lost" in win.tail_banner.text()
        assert "lost 2 of its own signed entries" in win.tail_banner.text()
        win.bridge.submit("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-002", "qty": 5,
                                            "source": "WFP"})
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        assert "own_tail_lost" in shown[0] and "recovered from a peer or a bundle" in shown[0]
        assert win.models["stock"].index(0, 3).data() == "500"
    finally:
        bridge.close()


def test_a_site_name_typed_as_a_formula_is_exported_as_text_not_run_by_a_spreadsheet(qtbot, window, tmp_path):
    window.bridge.submit("site.define", {"site": "SHL-9", "name": "=HYPERLINK(\"http://x\")", "kind": "shelter",
                                         "lat_e6": -19_800_000, "lon_e6": 34_800_000, "org": "@SUM(A1)"})
    settle(qtbot, window, lambda: window.models["sites"].rowCount() == 3)
    window.docks["sites"].raise_()
    window.panels["sites"].filter.setFocus()
    target = tmp_path / "sites.csv"
    assert window.export_current_table(str(target)) == 3
    cells = [cell for row in csv.reader(target.open(encoding="utf-8")) for cell in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'@SUM(A1)" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)
