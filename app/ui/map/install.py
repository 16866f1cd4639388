"""Puts the map into the main window: a dock, its menu items, and selection in both directions.

Kept apart from main_window.py so the window needs one line (`install_map(self)`) to get a map.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from app.map import mbtiles
from app.node import NodeError
from app.ui.i18n import tr
from app.ui.widgets import exercise_file_name

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from app.ui.map.view import MapView

SELECTABLE = ("sites", "requests", "shipments")   # map layers that have a table of their own


class MapController:
    """Glue between the map and a MainWindow's table panels (duck-typed: panels, docks, bridge, node)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.view = create_map_view(window)
        self.view.page.renderProcessTerminated.connect(self._page_process_ended)
        self.dock = QDockWidget(tr("Map"), window)
        self.dock.setObjectName("dock-map")
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if "conflicts" in window.docks:
            window.tabifyDockWidget(window.docks["conflicts"], self.dock)
        window.docks["map"] = self.dock
        self.dock.raise_()
        self._from_map = False
        self.view.object_clicked.connect(self.select_in_table)
        for name in SELECTABLE + ("stock",):
            panel = window.panels.get(name)
            if panel is not None:
                panel.view.selectionModel().currentRowChanged.connect(
                    lambda current, _previous, n=name: self._table_selected(n, current))
        self._menus()

    def _page_process_ended(self, status: Any, exit_code: int) -> None:
        """The engine started but its page process died (no GPU, killed, out of memory): say so in its place.

        The view stays alive behind the sentence, so selection and plans sent to it change nothing.
        """
        if getattr(status, "name", "") == "NormalTerminationStatus":
            return
        reason = f"{getattr(status, 'name', status)}, exit code {exit_code}"
        log.warning("The map is unavailable: its page process ended (%s)", reason)
        self.view.hide()
        sentence = unavailable_sentence(reason)
        self.dock.setWidget(sentence)
        sentence.show()   # a widget set on a visible dock is not shown by itself (QDockWidget.setWidget)

    # -- selection both ways -------------------------------------------------------------------------
    def select_in_table(self, layer: str, key: str) -> bool:
        """A click on the map selects the object's row in its table (and shows that table)."""
        panel = self.window.panels.get(layer)
        if panel is None:
            self.window.statusBar().showMessage(tr("{0} {1} has no table").format(layer, key), 4000)
            return False
        row = panel.model.row_for(key)
        if row < 0:
            return False
        index = panel.proxy.mapFromSource(panel.model.index(row, 0))
        if not index.isValid():
            panel.filter.clear()
            index = panel.proxy.mapFromSource(panel.model.index(row, 0))
        self.window.docks[layer].raise_()
        self._from_map = True
        try:
            panel.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._from_map = False
        panel.view.scrollTo(index)
        return True

    def _table_selected(self, name: str, current: QModelIndex) -> None:
        if self._from_map or not current.isValid():
            return
        panel = self.window.panels[name]
        key = panel.model.key_at(panel.proxy.mapToSource(current).row())
        if name == "stock":
            name, key = "sites", key.split("|", 1)[0]
        self.view.focus(name, key)

    # -- menus ------------------------------------------------------------------------------------------
    def _menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
        file_menu = menus[0] if menus else bar.addMenu(tr("&File"))
        self.import_action = file_menu.addAction(tr("Import map package (MBTiles)…"),
                                                 lambda: self.import_package())
        separator = next((a for a in file_menu.actions() if a.isSeparator()), None)
        if separator is not None:
            file_menu.removeAction(self.import_action)
            file_menu.insertAction(separator, self.import_action)
        menu = QMenu(tr("&Map"), window)
        if len(menus) > 1:
            bar.insertMenu(menus[-1].menuAction(), menu)   # before Help
        else:
            bar.addMenu(menu)
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(tr("Replay the operation…"), lambda: self.view.replay.toggle.setChecked(True))
        menu.addSeparator()
        menu.addAction(tr("Export map as HTML (offline)…"), lambda: self.export_html())
        menu.addAction(tr("Export map as PNG…"), lambda: self.export_png())
        menu.addSeparator()
        menu.addAction(tr("Online tile server…"), lambda: self.configure_online())
        self.menu = menu

    def import_package(self, path: str | None = None) -> None:
        """Check and copy an MBTiles file into the replica's maps folder on the worker, then reload the map."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, tr("Import map package"), "",
                                                  tr("MBTiles map packages (*.mbtiles)"))
            if not path:
                return
        data_dir = self.window.node.data_dir

        def job() -> mbtiles.MapPackage:
            try:
                return mbtiles.import_package(Path(path), data_dir)
            except (mbtiles.MapPackageError, OSError) as exc:
                raise NodeError(str(exc)) from exc   # shown to the operator as it is; nothing was copied

        self.window.bridge.run(job, self.view.package_imported.emit, tr("Importing map package…"))

    def export_html(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, tr("Export map as HTML"),
                                                  exercise_file_name("map.html", self.view.exercise),
                                                  tr("Web pages (*.html)"))
            if not path:
                return
        document = self.view.export_document()   # ~1.5 MB, written on the node worker, not the GUI thread
        target = Path(path)

        def write() -> None:
            partial = target.with_name(target.name + ".part")
            partial.write_text(document, encoding="utf-8")
            partial.replace(target)                 # never a half-written map under the chosen name

        self.window.bridge.run(write, label=tr("Exporting the map to {0}…").format(path))

    def export_png(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, tr("Export map as PNG"),
                                                  exercise_file_name("map.png", self.view.exercise),
                                                  tr("PNG images (*.png)"))
            if not path:
                return
        if not self.view.export_png(Path(path)):
            QMessageBox.warning(self.window, tr("Export map"),
                                tr("Could not write {0}").format(path))

    def configure_online(self) -> None:
        from app.ui.map.view import ONLINE_SETTING

        current = str(QSettings().value(ONLINE_SETTING, "") or "")
        text, ok = QInputDialog.getText(
            self.window, tr("Online tile server"),
            tr("Tile URL with {z}/{x}/{y} (leave empty to stay offline).\n"
                           "When set, map tiles are fetched from this server over the network."),
            QLineEdit.EchoMode.Normal, current)
        if not ok:
            return
        text = text.strip()
        if text and not (text.startswith(("https://", "http://")) and all(p in text for p in ("{z}", "{x}", "{y}"))):
            QMessageBox.warning(self.window, tr("Online tile server"),
                                tr("A tile URL starts with http(s):// and contains {z}, {x} and {y}."))
            return
        QSettings().setValue(ONLINE_SETTING, text)
        self.view.reload()


def create_map_view(window: Any) -> MapView:
    """The web view of the map; raises when the web engine cannot be loaded or started here."""
    from app.ui.map.view import MapView  # imported here: a missing web engine must not stop the window

    return MapView(window.bridge, window.tables, getattr(window.node, "data_dir", None))


def unavailable_sentence(reason: str) -> QLabel:
    """What stands where the map would be when its web engine cannot start (or its page process dies)."""
    sentence = QLabel(tr("The map is unavailable on this machine: its web engine could not start ({0}). "
                         "Everything else works; the tables show every site, stock, request and shipment.")
                      .format(reason))
    sentence.setObjectName("map-unavailable")
    sentence.setWordWrap(True)
    sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
    sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    sentence.setMargin(12)
    return sentence


def map_unavailable(window: Any, reason: str) -> QDockWidget:
    """The map dock's place when the web engine cannot start: a sentence instead of the map, never an exit."""
    dock = QDockWidget(tr("Map"), window)
    dock.setObjectName("dock-map")
    dock.setWidget(unavailable_sentence(reason))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    if "conflicts" in window.docks:
        window.tabifyDockWidget(window.docks["conflicts"], dock)
    window.docks["map"] = dock
    return dock


def install_map(window: QMainWindow) -> MapController | None:
    """Give `window` a live map dock, its menus, and two-way selection with its tables.

    When the web engine cannot be loaded or started, the window still opens: the map's dock holds a
    sentence saying so (and why), the log has one warning line, and `window.map` is None.
    """
    try:
        controller: MapController | None = MapController(window)
    except Exception as exc:  # noqa: BLE001 - whatever stops the engine, the client must open without its map
        log.warning("The map is unavailable: its web engine could not start (%s)", exc)
        map_unavailable(window, str(exc) or type(exc).__name__)
        controller = None
    window.map = controller  # type: ignore[attr-defined]  # the main window gains its map here; QMainWindow has none
    return controller
