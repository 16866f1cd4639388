"""The map in the command-center window, with a real web engine (offscreen): one window for the module.

An operator opens the client with no network: the map loads only from the local scheme, shows the
operation, follows new entries without reloading, and selects objects together with the tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel

from app.core.identity import Identity
from app.map import mbtiles
from app.map.features import PlanAllocation
from app.map.replay import build_timeline
from app.node import Node
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from tests.conftest import Cast, Clock
from tests.map.map_scenario import play_operation
from tests.map.test_map_mbtiles import PNG, make_mbtiles

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def cast_m() -> Cast:
    return Cast(*(Identity.from_seed(name.encode()) for name in ("commander", "logistics", "field", "observer")))


@pytest.fixture(scope="module")
def node(tmp_path_factory, cast_m):
    node = Node.create_network(tmp_path_factory.mktemp("map") / "hq", cast_m.commander, name="Tabletop",
                               kind="exercise", org="NDMA", display_name="Chidi Commander",
                               members=cast_m.members(), clock=Clock())
    node.append_many([
        ("site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot", "lat_e6": -19_843_000,
                         "lon_e6": 34_838_000, "org": "WFP"}),
        ("site.define", {"site": "SHL-1", "name": "Dondo shelter", "kind": "shelter", "lat_e6": -19_609_000,
                         "lon_e6": 34_743_000, "org": "IFRC"}),
        ("item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan",
                         "category": "water", "cold_chain": False}),
        ("item.define", {"item": "tent-fam", "name": "Family tent", "unit": "tent",
                         "category": "shelter", "cold_chain": False}),
    ])
    play_operation(node, cast_m)
    node.sign_as(cast_m.field)
    yield node
    node.close()


@pytest.fixture(scope="module")
def window(qapp, node, tmp_path_factory):
    QCoreApplication.setOrganizationName("ReliefLedgerMapTests")
    environment = pytest.MonkeyPatch()
    environment.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    bridge = NodeBridge(node)
    win = MainWindow(bridge)
    win.resize(1400, 900)
    win.show()
    win.map.dock.raise_()
    yield win
    win.map.view.close_map()
    bridge.node.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the page goes before its profile
    environment.undo()


def js(qtbot, view, expression: str):
    """Evaluate `expression` in the page and return its JSON value."""
    box: list = []
    view.page.runJavaScript(f"JSON.stringify({expression})", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return json.loads(box[0]) if box[0] is not None else None


def wait_loaded(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.map.view.page_up, timeout=20000)
    qtbot.waitUntil(lambda: (js(qtbot, window.map.view, "RL.summary().counts") or {}).get("sites") == 2,
                    timeout=10000)


def test_the_map_loads_with_no_request_leaving_the_machine(qtbot, window):
    wait_loaded(qtbot, window)
    view = window.map.view
    qtbot.waitUntil(lambda: any("webfonts" in u for u in view.guard.seen), timeout=5000)
    seen = list(view.guard.seen)
    assert seen and all(u.startswith("rlmap://app/") for u in seen), [u for u in seen if not u.startswith("rlmap")]
    assert {"rlmap://app/map.html", "rlmap://app/qwebchannel.js", "rlmap://app/static/leaflet/leaflet.js",
            "rlmap://app/static/markercluster/leaflet.markercluster.js"} <= set(seen)
    file_menu = window.menuBar().actions()[0].menu()
    assert any("Import map package" in a.text() for a in file_menu.actions())
    assert any(a.text() == "&Map" for a in window.menuBar().actions())
    # a page that tries to reach out anyway is stopped before anything is sent (loopback: nothing real there)
    js(qtbot, view, "(function () { var i = new Image(); i.src = 'http://127.0.0.1:9/probe.png'; return 1; })()")
    qtbot.waitUntil(lambda: "http://127.0.0.1:9/probe.png" in view.guard.blocked, timeout=5000)


def test_the_map_shows_the_operation_from_the_ledger(qtbot, window):
    wait_loaded(qtbot, window)
    view = window.map.view
    assert js(qtbot, view, "RL.summary().counts") == {"sites": 2, "requests": 1, "shipments": 1, "roads": 1}
    depot = js(qtbot, view, "RL.feature('site:DEP-1')")
    assert depot["stock"][0] == ["Drinking water 5 L", 200, "jerrycan"]
    assert js(qtbot, view, "RL.feature('request:REQ-1').priority") == "critical"
    assert js(qtbot, view, "RL.feature('road:R-BUZI').status") == "closed"


def test_a_position_report_moves_the_truck_without_reloading_or_moving_the_view(qtbot, window, node):
    wait_loaded(qtbot, window)
    view = window.map.view
    view.measure_paint = True
    js(qtbot, view, "(RL.map.setView([-19.75, 34.8], 10, {animate: false}), window.__operator_was_here = 1)")
    before = js(qtbot, view, "RL.summary()")
    window.bridge.submit("shipment.position", {"shipment": "SHP-1", "lat_e6": -19_650_000, "lon_e6": 34_760_000,
                                               "at_ms": 1_767_225_900_000})
    qtbot.waitUntil(lambda: js(qtbot, view, "RL.feature('shipment:SHP-1').pos") == [-19.65, 34.76], timeout=5000)
    after = js(qtbot, view, "RL.summary()")
    assert js(qtbot, view, "window.__operator_was_here") == 1 and after["started"] == 1   # same page, no reload
    assert after["zoom"] == before["zoom"] == 10 and after["centre"] == before["centre"]
    qtbot.waitUntil(lambda: bool(view.paint_latency), timeout=5000)


def test_clicking_on_the_map_selects_the_row_and_selecting_a_row_highlights_on_the_map(qtbot, window):
    wait_loaded(qtbot, window)
    view, panels = window.map.view, window.panels
    assert js(qtbot, view, "RL.click('shipment:SHP-1')")
    qtbot.waitUntil(lambda: panels["shipments"].view.currentIndex().isValid(), timeout=5000)
    current = panels["shipments"].proxy.mapToSource(panels["shipments"].view.currentIndex())
    assert panels["shipments"].model.key_at(current.row()) == "SHP-1"

    sites = panels["sites"]
    row = sites.proxy.mapFromSource(sites.model.index(sites.model.row_for("SHL-1"), 0))
    sites.view.selectionModel().setCurrentIndex(
        row, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: js(qtbot, view, "RL.summary().highlight") == [-19.609, 34.743], timeout=5000)


def test_an_imported_map_package_is_served_to_the_page_through_the_scheme(qtbot, window, tmp_path):
    wait_loaded(qtbot, window)
    view = window.map.view
    package = mbtiles.import_package(make_mbtiles(tmp_path / "beira.mbtiles", {(2, 1, 3): PNG}), tmp_path / "replica")
    view.handler.tiles = mbtiles.TileReader([package])
    js(qtbot, view, "(window.__tile = null, fetch('rlmap://app/tiles/beira/2/1/0').then(function (r) { "
                    "return r.arrayBuffer(); }).then(function (b) { window.__tile = b.byteLength; }), 1)")
    qtbot.waitUntil(lambda: js(qtbot, view, "window.__tile") == len(PNG), timeout=5000)
    assert "rlmap://app/tiles/beira/2/1/0" in view.guard.seen and not view.guard.blocked[1:]  # only the probe


def test_replay_plan_and_exports(qtbot, window, node, tmp_path):
    wait_loaded(qtbot, window)
    view = window.map.view
    view.show_plan([PlanAllocation("DEP-1", "SHL-1", "tent-fam", 40)])
    qtbot.waitUntil(lambda: (js(qtbot, view, "RL.summary().counts") or {}).get("plan") == 1, timeout=5000)

    timeline = build_timeline(node.entries_in_order())
    view.use_timeline(timeline)
    dispatched = node.state.get("shipments", "SHP-1")["dispatched_ms"]
    view.set_replay_time(dispatched - 1)
    qtbot.waitUntil(lambda: js(qtbot, view, "RL.feature('shipment:SHP-1')") is None, timeout=5000)
    view.set_replay_time(timeline.end_ms)
    qtbot.waitUntil(lambda: js(qtbot, view, "RL.feature('shipment:SHP-1')") is not None, timeout=5000)
    view.replay.speed.setCurrentIndex(0)
    view.replay.play.setChecked(True)                  # from the end, Play starts over and runs forward
    qtbot.waitUntil(lambda: view.replay_ms > timeline.start_ms, timeout=5000)
    view.replay.play.setChecked(False)
    view.stop_replay()
    qtbot.waitUntil(lambda: js(qtbot, view, "RL.feature('shipment:SHP-1').pos") == [-19.65, 34.76], timeout=5000)

    window.map.export_html(str(tmp_path / "map.html"))          # Map > Export map as HTML, written off the GUI thread
    qtbot.waitUntil((tmp_path / "map.html").exists, timeout=5000)
    exported = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "rlmap:" not in exported
    assert '"key": "SHP-1"' in exported and '"layer": "plan"' in exported

    ARTIFACTS.mkdir(exist_ok=True)
    window.map.dock.setFloating(True)
    window.map.dock.resize(1000, 720)
    qtbot.wait(300)
    js(qtbot, view, "(RL.map.closePopup(), RL.map.invalidateSize(), "
                    "RL.map.setView([-19.72, 34.79], 11, {animate: false}), "
                    "document.querySelector('.rl-legend details').open = true, 1)")
    qtbot.wait(600)
    assert view.export_png(ARTIFACTS / "map.png")
    assert (ARTIFACTS / "map.png").stat().st_size > 20_000
