"""The command-center window: stock, requests, shipments, conflicts, the ledger explorer and peers."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Tables
from app.ui import approvals_view, bundle_actions, conflicts_view, overview
from app.ui import table_models as tm
from app.ui.about import AboutDialog
from app.ui.bridge import NodeBridge
from app.ui.explorer import LedgerExplorer
from app.ui.formatting import shown
from app.ui.forms.context import FormContext
from app.ui.help_view import GuideWindow, show_guide
from app.ui.map.install import install_map
from app.ui.network_bridge import NetworkBridge
from app.ui.table_panel import TablePanel
from app.ui.widgets import (
    EXERCISE_PROPERTY,
    exercise_banner,
    exercise_file_name,
    mark_exercise,
    mark_floating_dock,
    own_tail_banner,
)
from app.ui.window_layout import WindowLayout
from app.ui.window_menus import WindowMenus
from app.ui.window_network import WindowNetwork
from app.ui.window_records import WindowRecords
from app.ui.window_refresh import WindowRefresh
from app.ui.window_status import WindowStatus

if TYPE_CHECKING:
    from app.node import VerifyReport
    from app.ui.contract_editor import ContractEditor

# F1 inside these docks opens the guide at their section (elsewhere at the guide's title).
GUIDE_TOPICS = {"approvals": "Approvals", "peers": "Peers and sync", "map": "The map"}


class MainWindow(QMainWindow):
    network_notice = Signal(object)  # a NetEvent raised by this window's own work (emitted from the worker)
    records: WindowRecords
    net: WindowNetwork

    def __init__(self, bridge: NodeBridge, read_only: bool = False, network: NetworkBridge | None = None) -> None:
        super().__init__()
        self.network = network
        self.bridge, self.node = bridge, bridge.node
        self.read_only = read_only
        self.tables: Tables = bridge.copy_tables()
        ledger_network = self.node.network
        exercise = ledger_network.get("kind") == "exercise"
        self.setProperty(EXERCISE_PROPERTY, exercise)   # its dialogs and windows say EXERCISE too (widgets.py)
        self.setWindowTitle((self.tr("EXERCISE — ") if exercise else "") +
                            self.tr("Relief Ledger — {0}").format(shown(ledger_network.get("name", "?"))))
        self.resize(1360, 860)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        if exercise:
            self.banner = exercise_banner()
            layout.addWidget(self.banner)
        self.tail_banner = own_tail_banner()
        layout.addWidget(self.tail_banner)
        self.explorer = LedgerExplorer(self.node, lambda: self.tables)
        self.central_tabs = QTabWidget()   # the overview goes first (overview.install), the ledger explorer after it
        self.central_tabs.setObjectName("centralTabs")
        self.central_tabs.addTab(self.explorer, self.tr("Ledger"))
        layout.addWidget(self.central_tabs)
        self.setCentralWidget(central)

        self.records = WindowRecords(self)  # forms, custody acceptance, a record and its lineage
        self.models = {
            "stock": tm.StateTableModel("stock", tm.STOCK, self.tables, keep=lambda r: r["qty"] != 0),
            "requests": tm.StateTableModel("requests", tm.REQUESTS, self.tables),
            "shipments": tm.StateTableModel("shipments", tm.SHIPMENTS, self.tables),
            "conflicts": tm.StateTableModel("conflicts", tm.CONFLICTS, self.tables),
            "sites": tm.StateTableModel("sites", tm.SITES, self.tables),
        }
        self.panels: dict[str, TablePanel] = {}
        titles = {"stock": self.tr("Sites && stock"), "sites": self.tr("Sites"), "requests": self.tr("Requests"),
                  "shipments": self.tr("Shipments"), "conflicts": self.tr("Conflicts")}
        areas = {"stock": Qt.DockWidgetArea.LeftDockWidgetArea, "sites": Qt.DockWidgetArea.LeftDockWidgetArea,
                 "requests": Qt.DockWidgetArea.BottomDockWidgetArea,
                 "shipments": Qt.DockWidgetArea.BottomDockWidgetArea,
                 "conflicts": Qt.DockWidgetArea.RightDockWidgetArea}
        self.docks: dict[str, QDockWidget] = {}
        for name, model in self.models.items():
            panel = TablePanel(model, self.records.open_record, row_actions=partial(self.records.row_actions, name))
            self.panels[name] = panel
            self.docks[name] = self._dock(name, titles[name], panel, areas[name])
        self.tabifyDockWidget(self.docks["stock"], self.docks["sites"])
        self.docks["stock"].raise_()
        self.tabifyDockWidget(self.docks["requests"], self.docks["shipments"])
        self.docks["requests"].raise_()
        self.status = WindowStatus(self)  # key, network, integrity and the own-tail banner
        self.net = WindowNetwork(self, network, self.status)
        self.peers = self.net.peers
        self.docks["peers"] = self._dock("peers", self.tr("Peers"), self.peers, Qt.DockWidgetArea.RightDockWidgetArea)

        self.menus = WindowMenus(self)  # File, Record (and its toolbar), Ledger, Contracts, Settings, View, Help
        install_map(self)  # map dock, File > Import map package, Map menu, map <-> table selection
        self.tabifyDockWidget(self.docks["conflicts"], self.docks["peers"])  # the map keeps the column's height
        self.docks["map"].raise_()
        self.approvals = approvals_view.install(self)
        self.overview = overview.install(self)   # what is short, late, waiting for me; Ctrl+1
        self.conflicts_view = conflicts_view.install(self)   # each conflict explained, with its resolving form
        self.refresh = WindowRefresh(self, self.status)
        bridge.entries_stored.connect(self.refresh.on_entries_stored)
        bridge.entry_refused.connect(self.on_refused)
        bridge.job_failed.connect(lambda message: QMessageBox.warning(self, self.tr("Relief Ledger"), shown(message)))
        bridge.verify_done.connect(self.status.on_verified)
        bridge.busy.connect(
            lambda text: self.statusBar().showMessage(text) if text else self.statusBar().clearMessage())
        if self.network is not None:
            self.net.start(self.network)
        self.arrangement = WindowLayout(self)  # default dock sizes, saved layout, View > Reset layout
        self.arrangement.restore()
        if exercise:
            for dock in self.findChildren(QDockWidget):   # a panel torn off into a window of its own says so too
                mark_floating_dock(dock)

    # -- names callers and tests use, kept on the window that composes the collaborators ------------------
    @property
    def record_actions(self) -> dict[str, QAction]:
        return self.menus.record_actions

    @property
    def pending(self) -> Tables | None:
        """Tables stored but not yet shown (None once the window has caught up)."""
        return self.refresh.pending

    @property
    def status_integrity(self) -> QLabel:
        return self.status.status_integrity

    @property
    def status_peers(self) -> QLabel:
        return self.status.status_peers

    @property
    def status_approvals(self) -> QLabel:
        return self.status.status_approvals

    def on_verified(self, report: VerifyReport) -> None:
        self.status.on_verified(report)

    def apply_pending(self) -> None:
        self.refresh.apply_pending()

    def open_network_settings(self) -> QDialog:
        return self.net.open_network_settings()

    def reset_layout(self) -> None:
        self.arrangement.reset()

    # -- layout ---------------------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- bundles ----------------------------------------------------------------------------------------
    def export_bundle(self) -> None:
        bundle_actions.export_dialog(self, self.bridge)

    def import_bundle(self) -> None:
        bundle_actions.import_dialog(self, self.bridge)

    def on_refused(self, code: str, message: str) -> None:
        QMessageBox.warning(self, self.tr("Entry refused"),
                            self.tr("The entry was not recorded ({0}):\n{1}").format(shown(code), shown(message)))

    # -- actions ----------------------------------------------------------------------------------------
    def form_context(self) -> FormContext:
        return self.records.form_context()

    def open_form(self, entry_type: str, preset: dict | None = None) -> QDialog:
        return self.records.open_form(entry_type, preset)

    def current_panel(self) -> TablePanel:
        focused = self.focusWidget()
        for panel in self.panels.values():
            if focused is not None and panel.isAncestorOf(focused):
                return panel
        return next((p for name, p in self.panels.items() if not self.docks[name].visibleRegion().isEmpty()),
                    self.panels["stock"])

    def focus_filter(self) -> None:
        self.current_panel().filter.setFocus()

    def export_current_table(self, path: str | None = None) -> int:
        panel = self.current_panel()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table as CSV"),
                                                  exercise_file_name(f"{panel.model.table}.csv", self.node.is_exercise),
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return 0
        rows = tm.export_csv(panel.proxy, Path(path))
        self.statusBar().showMessage(self.tr("Exported {0} rows to {1}").format(rows, path), 5000)
        return rows

    def record_detail(self, model: tm.StateTableModel, key: str) -> str:
        return self.records.record_detail(model, key)

    def open_contract_editor(self) -> ContractEditor:
        """The allocation contract editor, dry-running against this replica's current state."""
        from app.ui.contract_actions import RunsController
        from app.ui.contract_editor import ContractEditor

        editor = ContractEditor(tables=self.bridge.copy_tables, parent=self)
        editor.controller = RunsController(self, editor)  # deploy, record runs, verdicts, plan on the map
        editor.setWindowFlag(Qt.WindowType.Window)
        mark_exercise(editor)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.show()
        return editor

    def open_guide(self) -> GuideWindow:
        """The user guide inside the client (offline), at the section of the view the operator is in."""
        focused = self.focusWidget()
        topics = [topic for name, topic in GUIDE_TOPICS.items()
                  if focused is not None and name in self.docks and self.docks[name].isAncestorOf(focused)]
        return show_guide(self, *topics)

    def about(self) -> AboutDialog:
        """Version, commit and build date, the libraries underneath, and the third-party notices (app/ui/about.py)."""
        dialog = AboutDialog(self.node.data_dir, self.node.network_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.arrangement.settle()   # the first layout replaced tab bars: drop the old ones before anything paints

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.network is not None:
            self.network.stop()
        self.arrangement.save()
        super().closeEvent(event)
