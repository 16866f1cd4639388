"""A trainer's client during a tabletop exercise: every window, dialog, export and map picture of the exercise says
EXERCISE, so nothing from it can pass for live operations; a live client's say nothing of the kind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QLabel

from app.core.identity import Identity
from app.map import page
from app.net.events import EventKind, JoinRequest, NetEvent
from app.node import Node
from app.ui import bundle_actions
from app.ui import main_window as main_window_module
from app.ui.about import AboutDialog
from app.ui.approvals_view import DecisionDialog
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from app.ui.map.view import stamp_exercise, with_exercise_banner
from app.ui.peers_view import AdmitDialog, log_line
from tests.conftest import signing_as

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PREFIX = "EXERCISE — "


def banner_of(widget) -> QLabel | None:
    return widget.findChild(QLabel, "exerciseBanner")


def a_proposal(node: Node, cast) -> dict:
    with signing_as(node, cast.commander):
        entry = node.propose("member.update", {"key": cast.observer.public_key_hex, "name": "Omar Observer (OCHA)"},
                             "Omar's cell is renamed for the exercise")
    row = node.state.get("proposals", entry.hash)
    assert row is not None
    return row


def test_the_dialogs_and_windows_of_an_exercise_say_exercise_in_their_title_and_banner(qtbot, window, cast):
    ARTIFACTS.mkdir(exist_ok=True)
    about = AboutDialog(window.node.data_dir, window.node.network_id, parent=window)
    decision = DecisionDialog("approve", a_proposal(window.node, cast), window.bridge.copy_tables(), parent=window)
    admit = AdmitDialog(JoinRequest("ab" * 32, "ABCD-EFGH-IJKL-MNOP", "Player cell 2", "WFP", "10.0.0.7", 0),
                        parent=window)
    record = window.records.open_record(window.models["stock"], next(iter(window.models["stock"].rows)))
    editor = window.open_contract_editor()
    for dialog in (about, decision, admit, record):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle().startswith(PREFIX), dialog.windowTitle()
        assert banner_of(dialog) is not None and banner_of(dialog).isVisible(), type(dialog).__name__
    assert editor.windowTitle().startswith(PREFIX + "Contract editor — ")
    editor.editor.insertPlainText("# a note for the players\n")   # the title follows edits
    qtbot.waitUntil(lambda: editor.windowTitle().endswith("*"), timeout=5000)
    assert editor.windowTitle().startswith(PREFIX + "Contract editor — ")
    assert banner_of(editor) is not None
    qtbot.waitUntil(lambda: decision.isVisible() and about.isVisible())
    for name, widget in (("about", about), ("approve", decision), ("record", record)):
        assert widget.grab().save(str(ARTIFACTS / f"exercise-{name}-dialog.png"))
    editor.editor.document().setModified(False)
    editor.close()


def test_a_live_clients_dialogs_carry_no_exercise_mark(qtbot, tmp_path):
    live = Node.create_network(tmp_path / "live", Identity.from_seed(b"live eoc"), name="Idai response", kind="live",
                               org="INGD", display_name="EOC Beira")
    bridge = NodeBridge(live)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    about = AboutDialog(live.data_dir, live.network_id, parent=win)
    qtbot.addWidget(about)
    assert not win.windowTitle().startswith(PREFIX) and banner_of(win) is None
    assert about.windowTitle() == "About Relief Ledger" and banner_of(about) is None
    live.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    live.close()


def test_exports_of_an_exercise_are_named_and_reported_as_exercise(qtbot, window, tmp_path, monkeypatch):
    offered: list[str] = []
    monkeypatch.setattr(main_window_module.QFileDialog, "getSaveFileName",
                        lambda _parent, _title, name, _filter: (offered.append(name), ("", ""))[1])
    window.export_current_table()
    bundle_actions.export_dialog(window, window.bridge)
    assert offered == ["EXERCISE-stock.csv", "EXERCISE-relief-ledger.rlb"]
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(bundle_actions.QMessageBox, "information", lambda _p, title, text: told.append((title, text)))
    bundle_actions.export_dialog(window, window.bridge, path=str(tmp_path / "stick.rlb"))
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    title, text = told[0]
    assert title == PREFIX + "Bundle exported"
    assert text.startswith("EXERCISE network — nothing in it is a real movement.")


def test_an_exported_map_of_an_exercise_carries_the_banner_in_the_page_and_on_the_picture(qapp):
    document = page.export_html(page.page_config([], embedded={"reset": True, "upsert": []}), (-19.8, 34.8), 9)
    marked = with_exercise_banner(document)
    assert '<body><div id="rl-exercise"' in marked and "EXERCISE · training network" in marked
    assert marked.count("rl-exercise") == 1 and "rl-exercise" not in document
    picture = QPixmap(600, 400)
    picture.fill(QColor("white"))
    stamp_exercise(picture)
    image = picture.toImage()
    assert image.pixelColor(2, 2) == QColor("#ff8f00")          # the band across the top
    assert image.pixelColor(300, 390) == QColor("white")        # the map below it untouched
    ARTIFACTS.mkdir(exist_ok=True)
    assert picture.save(str(ARTIFACTS / "exercise-map-stamp.png"))


def test_meeting_a_node_of_the_other_kind_reads_as_another_network_not_as_a_fault(window):
    event = NetEvent(EventKind.OTHER_NETWORK, "EOC Beira [WWMQ-2IJG-CZXO-NFOE]",
                     "exercise_vs_live: on a live network ('Idai response'); this node serves an exercise network: "
                     "not dialled, an exercise network and a live network never exchange entries",
                     code="exercise_vs_live")
    line = log_line(event)
    assert "EOC Beira: another network, left alone — exercise_vs_live" in line
    window.statusBar().clearMessage()
    window.net.on_network_event(event)
    assert window.statusBar().currentMessage() == ""   # no "Peer cut off" notice: nothing went wrong
    assert QCoreApplication.translate("PeersView", "another network, left alone") in line


def test_a_panel_of_an_exercise_torn_off_into_its_own_window_says_exercise_while_it_floats(qtbot, window):
    dock = window.docks["requests"]
    assert dock.windowTitle() == "Requests"
    dock.setFloating(True)
    qtbot.waitUntil(dock.isFloating)
    assert dock.windowTitle() == PREFIX + "Requests"
    approvals = window.docks["approvals"]
    approvals.setFloating(True)
    approvals.setWindowTitle("Approvals (2)")   # the panel renames itself as proposals come in
    assert approvals.windowTitle() == PREFIX + "Approvals (2)"
    dock.setFloating(False)
    assert dock.windowTitle() == "Requests"
