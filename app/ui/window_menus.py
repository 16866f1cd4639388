"""The window's menus and the Record toolbar: each action calls the collaborator that does the job."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar

from app.core.types import EntryType
from app.ui.forms import FORM_TITLES, form_title
from app.ui.i18n import tr
from app.ui.language_dialog import open_language_dialog
from app.ui.window_host import WindowHost
from app.ui.window_network import WindowNetwork
from app.ui.window_records import WindowRecords

SHORTCUTS = {EntryType.STOCK_RECEIVE: "Ctrl+R", EntryType.REQUEST_OPEN: "Ctrl+Shift+R",
             EntryType.SHIPMENT_DISPATCH: "Ctrl+D", EntryType.SHIPMENT_DELIVER: "Ctrl+Shift+D",
             EntryType.SHIPMENT_HANDOVER: "Ctrl+H", EntryType.STOCK_DISTRIBUTE: "Ctrl+B",
             EntryType.ROAD_STATUS: "Ctrl+Shift+O", EntryType.RECORD_CORRECT: "Ctrl+Shift+C"}


class MenuHost(WindowHost, Protocol):
    """The window as its menus see it: the collaborators and window actions the menu items call."""

    records: WindowRecords
    net: WindowNetwork

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name

    def addToolBar(self, title: str) -> QToolBar: ...  # noqa: N802 - Qt's name

    def close(self) -> bool: ...

    def export_current_table(self) -> object: ...

    def export_bundle(self) -> None: ...

    def import_bundle(self) -> None: ...

    def focus_filter(self) -> None: ...

    def open_contract_editor(self) -> object: ...

    def open_guide(self) -> object: ...

    def about(self) -> object: ...

    def reset_layout(self) -> None: ...


class WindowMenus:
    """Builds File, Record (with its toolbar), Ledger, Contracts, Settings, View and Help on a window."""

    def __init__(self, window: MenuHost) -> None:
        self.window = window
        bar = window.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        export = file_menu.addAction(tr("Export table as CSV…"), window.export_current_table)
        export.setShortcut(QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        bundle_out = file_menu.addAction(tr("Export bundle for a USB stick…"), window.export_bundle)
        bundle_out.setShortcut(QKeySequence("Ctrl+Shift+X"))
        bundle_out.setEnabled(window.node.identity is not None)
        bundle_in = file_menu.addAction(tr("Import bundle…"), window.import_bundle)
        bundle_in.setShortcut(QKeySequence("Ctrl+Shift+I"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(tr("Quit"), window.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        record = bar.addMenu(tr("&Record"))
        toolbar = window.addToolBar(tr("Record"))
        toolbar.setObjectName("toolbar-record")
        self.record_actions: dict[str, QAction] = {}
        for entry_type in FORM_TITLES:
            action = record.addAction(form_title(entry_type), window.records.form_opener(entry_type))
            if entry_type in SHORTCUTS:
                action.setShortcut(QKeySequence(SHORTCUTS[entry_type]))
            action.setEnabled(not window.read_only)
            self.record_actions[entry_type] = action
            if entry_type in (EntryType.STOCK_RECEIVE, EntryType.REQUEST_OPEN, EntryType.SHIPMENT_DISPATCH,
                              EntryType.SHIPMENT_DELIVER, EntryType.STOCK_DISTRIBUTE):
                toolbar.addAction(action)
        record.addSeparator()
        accept = record.addAction(tr("Accept custody (sign as receiver)…"), window.records.accept_custody)
        accept.setEnabled(not window.read_only)

        ledger = bar.addMenu(tr("&Ledger"))
        verify = ledger.addAction(tr("Verify whole replica"), lambda: window.bridge.verify(window.window()))
        verify.setShortcut(QKeySequence("F5"))
        focus = ledger.addAction(tr("Filter current table"), window.focus_filter)
        focus.setShortcut(QKeySequence.StandardKey.Find)

        contracts = bar.addMenu(tr("&Contracts"))
        editor = contracts.addAction(tr("Open editor…"), window.open_contract_editor)
        editor.setShortcut(QKeySequence("Ctrl+Shift+E"))

        settings_menu = bar.addMenu(tr("&Settings"))
        settings_menu.addAction(tr("Network…"), window.net.open_network_settings)
        settings_menu.addAction(tr("Language…"), lambda: open_language_dialog(window.window()))

        view = bar.addMenu(tr("&View"))
        self.reset_layout = view.addAction(tr("Reset layout"), window.reset_layout)
        self.reset_layout.setToolTip(tr("Every panel back in its place, at the proportions that fit this window"))
        view.addSeparator()
        for dock in window.docks.values():
            view.addAction(dock.toggleViewAction())

        help_menu = bar.addMenu(tr("&Help"))
        guide = help_menu.addAction(tr("User guide"), window.open_guide)
        guide.setShortcut(QKeySequence(Qt.Key.Key_F1))   # F1 everywhere, whatever the platform's help key
        help_menu.addAction(tr("About Relief Ledger"), window.about)
