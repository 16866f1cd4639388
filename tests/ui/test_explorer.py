"""The ledger explorer an auditor reads at 1280x720, and a shipment's lineage as a timeline whose steps
open their entries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.explorer import DETAIL_MIN_CHARS, DETAIL_MIN_LINES
from app.ui.lineage_view import RecordView
from tests.ui.conftest import settle

SHOTS = Path("/tmp/shots-layout")


def test_at_1280x720_the_entry_detail_is_wide_enough_for_its_text_and_never_wraps_a_hash(qtbot, window):
    window.resize(1280, 720)
    qtbot.wait(50)
    window.menus.reset_layout.trigger()
    qtbot.wait(100)
    explorer = window.explorer
    explorer.view.selectRow(0)
    detail = explorer.detail
    metrics = detail.fontMetrics()
    first_line = detail.toPlainText().split("\n")[0]   # type, seq, lamport and time of the entry
    assert detail.viewport().width() >= metrics.horizontalAdvance(first_line)
    assert detail.width() >= metrics.averageCharWidth() * DETAIL_MIN_CHARS
    document = detail.document()
    wrapped = [block.text()[:30] for block in _blocks(document) if block.layout().lineCount() > 1]
    assert wrapped == [], "lines broken inside the detail pane"
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / "explorer-1280x720.png"))
    explorer.splitter.setSizes([10_000, 1])   # the operator drags the divider all the way
    qtbot.wait(20)
    assert detail.width() >= metrics.averageCharWidth() * DETAIL_MIN_CHARS
    assert detail.height() >= metrics.lineSpacing() * DETAIL_MIN_LINES


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_shipments_lineage_reads_as_a_timeline_and_each_step_opens_its_entry(qtbot, window):
    window.bridge.submit("shipment.dispatch", {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "truck",
                                               "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]})
    settle(qtbot, window, lambda: window.models["shipments"].rowCount() == 1)
    panel = window.panels["shipments"]
    window.docks["shipments"].raise_()
    qtbot.wait(50)
    index = panel.proxy.index(0, 0)
    where = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)   # a double click, as a person
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    (record,) = window.findChildren(RecordView)
    timeline = record.timelines["WFP-001"]
    rows = [[timeline.item(r, c).text() for c in range(timeline.columnCount())] for r in range(timeline.rowCount())]
    sites = window.tables["sites"]
    assert [row[1] for row in rows] == ["Received", "Dispatched (S-1)"]
    assert [row[2] for row in rows] == ["500", "100"]
    assert rows[0][3] == sites["DEP-1"]["name"]
    assert rows[1][3] == f"{sites['DEP-1']['name']} → {sites['SHL-1']['name']}"
    assert all(row[4] == window.node.member_name(window.node.identity.public_key_hex) for row in rows)
    assert all(row[0][:4].isdigit() for row in rows)   # a local date, not milliseconds
    SHOTS.mkdir(exist_ok=True)
    assert record.grab().save(str(SHOTS / "lineage-timeline.png"))

    receipt = next(e for e in window.explorer.model.entries if e.type == "stock.receive")
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=timeline.visualItemRect(timeline.item(0, 1))
                     .center())
    assert receipt.hash in window.explorer.detail.toPlainText()
    current = window.explorer.view.currentIndex()
    assert window.explorer.model.entries[current.row()].hash == receipt.hash
    record.close()


def test_an_entrys_detail_tells_where_its_material_came_from_in_words(qtbot, window):
    window.bridge.submit("shipment.dispatch", {"shipment": "S-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "truck",
                                               "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]})
    settle(qtbot, window, lambda: window.explorer.model.entries[0].type == "shipment.dispatch")
    window.explorer.view.selectRow(0)
    text = window.explorer.detail.toPlainText()
    came_from = text.split("Where it came from")[1].split("Where it went")[0]
    depot = window.tables["sites"]["DEP-1"]["name"]
    assert "Received  500  lot WFP-001  " + depot in came_from
