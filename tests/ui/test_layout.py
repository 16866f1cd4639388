"""An operator's screen at 1280x720 and 1920x1080: every table shows its key columns, the map is big
enough to read, View > Reset layout brings everything back, and a layout saved by an older client does
not break the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QTableView

from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from app.ui.table_panel import fitted_widths
from app.ui.window_layout import LAYOUT_VERSION
from tests.ui.conftest import settle

SHOTS = Path("/tmp/shots-layout")
KEY_COLUMNS = {"stock": ("Site", "Item", "Lot", "Quantity"),
               "sites": ("Site", "Name"),
               "requests": ("Request", "Priority", "Site", "Item", "Requested", "Delivered", "Status"),
               "shipments": ("Shipment", "Status", "From", "To"),
               "conflicts": ("Kind", "Open", "What")}
LEAST_MAP = {(1280, 720): (500, 360), (1920, 1080): (760, 600)}   # the map's page, in pixels


def busy_day(qtbot, window) -> None:
    """A request, a shipment on the road and a conflict, so every table has rows to size its columns by."""
    window.bridge.submit("request.open", {"request": "REQ-DON-010", "site": "SHL-1", "item": "water-5l", "qty": 200,
                                          "priority": "critical", "needed_by_ms": 1_767_312_000_000})
    window.bridge.submit("shipment.dispatch", {"shipment": "SHP-DON-010", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "truck",
                                               "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]})
    window.bridge.submit("request.cancel", {"request": "NONE", "reason": "typed the wrong request"})
    settle(qtbot, window, lambda: window.models["conflicts"].rowCount() == 1
           and window.models["shipments"].rowCount() == 1)


def hidden_key_columns(window, name: str) -> list[str]:
    """Key columns of a table dock that are not wholly inside its visible area."""
    window.docks[name].raise_()
    QApplication.processEvents()   # the raised tab lays itself out
    view: QTableView = window.panels[name].view
    header = view.horizontalHeader()
    headers = [view.model().headerData(c, header.orientation()) for c in range(header.count())]
    hidden = []
    for title in KEY_COLUMNS[name]:
        column = headers.index(title)
        left = header.sectionViewportPosition(column)
        if left < 0 or left + header.sectionSize(column) > view.viewport().width():
            hidden.append(title)
    return hidden


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_at_a_common_screen_size_every_table_shows_its_key_columns_and_the_map_is_readable(qtbot, window, size):
    busy_day(qtbot, window)
    window.resize(*size)
    qtbot.wait(50)
    window.menus.reset_layout.trigger()   # as on a first start at this size
    qtbot.wait(100)
    for name in KEY_COLUMNS:
        assert hidden_key_columns(window, name) == [], f"{name} at {size}"
    window.docks["map"].raise_()
    qtbot.wait(50)
    page = window.docks["map"].widget().web.size()
    least = LEAST_MAP[size]
    assert page.width() >= least[0] and page.height() >= least[1], f"map page {page} at {size}"
    window.docks["stock"].raise_()
    window.docks["requests"].raise_()
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / f"layout-{size[0]}x{size[1]}.png"))


def test_reset_layout_brings_back_panels_the_operator_closed_floated_or_squeezed(qtbot, window):
    window.resize(1280, 720)
    qtbot.wait(50)
    window.menus.reset_layout.trigger()
    qtbot.wait(50)
    default_map = window.docks["map"].widget().web.size()
    window.docks["stock"].close()
    window.docks["map"].setFloating(True)
    window.docks["requests"].close()
    window.resizeDocks([window.docks["conflicts"]], [200], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    window.menus.reset_layout.trigger()
    qtbot.wait(50)
    for name, dock in window.docks.items():
        assert not dock.isFloating(), name
    assert window.docks["stock"].isVisible() and window.docks["requests"].isVisible()
    window.docks["map"].raise_()
    qtbot.wait(50)
    assert window.docks["map"].widget().web.size() == default_map


def _fresh_window(qtbot, node) -> MainWindow:
    win = MainWindow(NodeBridge(node))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.wait(100)
    return win


def test_a_layout_saved_by_an_older_client_with_other_docks_does_not_break_the_start(qtbot, window):
    """The old client saved its state without a layout version, with the map floated and stock closed."""
    node = window.node
    window.docks["map"].setFloating(True)
    window.docks["stock"].close()
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())   # version 0, as the client before LAYOUT_VERSION
    settings.remove("window/layout_version")
    settings.remove("window/docks")
    settings.sync()
    restarted = _fresh_window(qtbot, node)
    assert not restarted.docks["map"].isFloating() and restarted.docks["stock"].isVisible()
    assert hidden_key_columns(restarted, "stock") == []
    restarted.close()   # saves this version's layout with its dock list
    assert str(QSettings().value("window/layout_version")) == str(LAYOUT_VERSION)


def test_a_layout_saved_with_a_different_set_of_docks_falls_back_to_the_defaults(qtbot, window):
    window.docks["map"].setFloating(True)
    window.close()
    settings = QSettings()
    assert settings.value("window/docks")
    settings.setValue("window/docks", "map,peers,stock")   # saved before the other docks existed
    settings.sync()
    restarted = _fresh_window(qtbot, window.node)
    assert not restarted.docks["map"].isFloating()


def test_the_operators_own_layout_comes_back_after_a_restart(qtbot, window):
    window.docks["peers"].raise_()
    window.docks["sites"].close()
    window.close()
    restarted = _fresh_window(qtbot, window.node)
    assert not restarted.docks["sites"].isVisible()
    assert not restarted.docks["peers"].visibleRegion().isEmpty()


def shown_tab_bars(window) -> list[tuple[str, ...]]:
    return sorted(tuple(bar.tabText(i) for i in range(bar.count())) for bar in window.findChildren(QTabBar)
                  if bar.parent() is window and bar.isVisible())


def test_each_group_of_tabbed_panels_shows_one_tab_bar_at_once_after_opening_and_after_a_reset(qtbot, window):
    """A grab taken before the event loop runs (as screenshots in tests are) showed the replaced bars as well."""
    groups = [("Conflicts", "Map", "Peers"), ("Requests", "Shipments", "Approvals"), ("Sites && stock", "Sites")]
    assert shown_tab_bars(window) == sorted(groups)
    window.menus.reset_layout.trigger()
    assert shown_tab_bars(window) == sorted(groups)


def test_a_narrow_stock_column_keeps_the_quantity_whole_and_squeezes_names_no_further_than_their_floor():
    wanted = [77, 118, 60, 83, 56]          # Site, Item, Lot, Quantity, Unit as their contents want
    floors = [51, 55, 46, 83, 53]
    numeric = [False, False, False, True, False]
    widths = fitted_widths(wanted, floors, numeric, 358)
    assert widths[3] == 83 and sum(widths) <= 358
    assert all(w >= f for w, f in zip(widths, floors, strict=True))
    assert fitted_widths(wanted, floors, numeric, 500) == wanted
    assert fitted_widths(wanted, floors, numeric, 100) == [51, 55, 46, 83, 53]   # too narrow: floors, and it scrolls
