"""What the window's collaborators may use of the window, named so they need not import main_window.

MainWindow imports its collaborators; were they to import MainWindow back (even for type hints) the
import graph would have a cycle (tests/test_import_graph.py). They see the window through this Protocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDockWidget, QLabel, QStatusBar, QWidget

from app.core.types import Tables
from app.ui import table_models as tm
from app.ui.approvals_view import ApprovalsView
from app.ui.bridge import NodeBridge
from app.ui.explorer import LedgerExplorer
from app.ui.overview import OverviewView
from app.ui.table_panel import TablePanel

if TYPE_CHECKING:
    from app.node import Node


class WindowHost(Protocol):
    """The composing window: its node, the shown tables and models, and the widgets collaborators update."""

    network_notice: SignalInstance
    node: Node
    bridge: NodeBridge
    read_only: bool
    tables: Tables
    models: dict[str, tm.StateTableModel]
    panels: dict[str, TablePanel]
    explorer: LedgerExplorer
    tail_banner: QLabel
    docks: dict[str, QDockWidget]
    approvals: ApprovalsView
    overview: OverviewView

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def window(self) -> QWidget:
        """The window itself as a widget (QWidget.window() of a top-level window): parent of dialogs."""
        ...
