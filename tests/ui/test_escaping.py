"""The client shows what other members and peers typed with controls and bidi overrides escaped.

Qt would otherwise render U+202E (reversing what follows), break a row at a newline, or hide a
zero-width character; the operator must see exactly which characters are there.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.net.events import JoinRequest, NetEvent, PeerStatus
from app.ui.approvals_view import detail_html
from app.ui.peers_view import AdmitDialog, PeersModel, PeersView
from tests.ui.conftest import settle

SPOOFED_SITE = "Beira \u202etoped\u202c\n2026-11-28 stock verified"
SPOOFED_ORG = "WFP\x1b[2J\x9b"


def raw_controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs"} and c != "\n"]


def test_a_site_name_with_an_override_and_a_newline_shows_escaped_in_the_tables(qtbot, window, tmp_path):
    window.bridge.submit("site.define", {"site": "DEP-9", "name": SPOOFED_SITE, "kind": "depot", "lat_e6": 0,
                                         "lon_e6": 0, "org": SPOOFED_ORG})
    window.bridge.submit("stock.receive", {"site": "DEP-9", "item": "water-5l", "lot": "WFP-009", "qty": 7,
                                           "source": "WFP\u2066 donated\u2069"})
    settle(qtbot, window, lambda: window.models["stock"].row_for("DEP-9|water-5l|WFP-009") >= 0)
    stock = window.models["stock"]
    row = stock.row_for("DEP-9|water-5l|WFP-009")
    assert stock.index(row, 0).data() == "Beira \\u202etoped\\u202c\\n2026-11-28 stock verified"
    assert stock.index(row, 0).data(Qt.ItemDataRole.UserRole) == SPOOFED_SITE   # exact, for sorting and CSV
    sites = window.models["sites"]
    at = sites.row_for("DEP-9")
    assert sites.index(at, 1).data() == "Beira \\u202etoped\\u202c\\n2026-11-28 stock verified"
    assert sites.index(at, 3).data() == "WFP\\x1b[2J\\x9b"
    detail = window.record_detail(sites, "DEP-9")
    assert raw_controls(detail) == [] and "Beira \\u202etoped\\u202c" in detail and "\\x9b" in detail


def test_the_explorer_shows_a_spoofed_source_escaped(qtbot, window):
    window.bridge.submit("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-010", "qty": 3,
                                           "source": "WFP\u202e\n2026-11-28 verified OK", "note": "ok\u2028ok"})
    model = window.explorer.model
    settle(qtbot, window, lambda: model.entries[0].body.get("lot") == "WFP-010")
    window.explorer.view.selectRow(0)
    text = window.explorer.detail.toPlainText()
    assert raw_controls(text) == []
    assert "WFP\\u202e\\n2026-11-28 verified OK" in text and "ok\\u2028ok" in text
    assert not any(line.startswith("2026-11-28") for line in text.splitlines())


def test_a_peer_name_with_a_newline_stays_on_its_row_and_in_its_log_line(qtbot):
    model = PeersModel()
    model.set_rows([PeerStatus("ab" * 32, "Vehicle 9\nHQ [AAAA-BBBB]", "AAAA-BBBB-CCCC-DDDD", "127.0.0.1:1",
                               "in sync", "in", None, 0, 0, 0, 0, note="cut off: \x1b[2J")])
    assert model.index(0, 0).data() == "Vehicle 9\\nHQ [AAAA-BBBB]"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "cut off: \\x1b[2J"
    view = PeersView("AAAA-BBBB-CCCC-DDDD", admit=None)
    qtbot.addWidget(view)
    view.add_event(NetEvent("join_request", "Vehicle 9\n09:14:02  synced  HQ", "from 127.0.0.1 (MSF\u202e)"))
    assert view.log.item(0).text().count("\n") == 0 and "\\n09:14:02" in view.log.item(0).text()
    assert "\\u202e" in view.log.item(0).text()


def test_the_admit_dialog_shows_a_spoofed_join_name_escaped_and_warns(qtbot):
    request = JoinRequest("cd" * 32, "AAAA-BBBB-CCCC-DDDD", "Vehicle 9\u202e\nadmin", "MSF", "127.0.0.1:5", 0)
    dialog = AdmitDialog(request)
    qtbot.addWidget(dialog)
    assert "\u202e" not in dialog.windowTitle()
    assert dialog.name.text() == "Vehicle 9\\u202e\\nadmin"     # what the admin reads is what gets signed
    assert dialog.body()["name"] == "Vehicle 9\\u202e\\nadmin"
    assert any("text-direction" in label.text() for label in dialog.findChildren(QLabel))


def test_a_proposal_reason_with_an_override_shows_escaped_in_the_detail_pane(tmp_path):
    from tests.ui.test_approvals_view import ADJUST, Network

    network = Network(tmp_path)
    try:
        proposal = network.node_a.propose("stock.adjust", ADJUST, "Rain damage\u202e\n<b>approved by all</b>")
        tables = network.node_a.state.tables
        html = detail_html(tables, tables["proposals"][proposal.hash], None)
    finally:
        for node in network.replicas:
            node.close()
    assert "\u202e" not in html
    assert "Rain damage\\u202e\\n&lt;b&gt;approved by all&lt;/b&gt;" in html
