"""Where the window's docks go: proportions that fit 1280x720 and 1920x1080, the saved layout, and a reset.

A saved layout is restored only when it was saved by this arrangement of docks (LAYOUT_VERSION and the
same dock names): Qt's restoreState applied to a different set of docks leaves new docks wherever they
were added and old tabs half-rebuilt, so an older layout falls back to the defaults instead.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLayout, QTabBar

LAYOUT_VERSION = 2   # bump when docks are added, removed or rearranged by default
LEFT_SHARE, RIGHT_SHARE, BOTTOM_SHARE = 0.32, 0.40, 0.28   # of the window: stock column, map column, bottom tables
LEFT_PX, RIGHT_PX, BOTTOM_PX = (360, 560), (480, 900), (180, 320)   # (least, most) of each, in pixels


class LayoutHost(Protocol):
    """The window as its layout sees it."""

    docks: dict[str, QDockWidget]

    def width(self) -> int: ...

    def height(self) -> int: ...

    def saveState(self, version: int = 0) -> QByteArray: ...  # noqa: N802 - Qt's name

    def restoreState(self, state: QByteArray | bytes, version: int = 0) -> bool: ...  # noqa: N802 - Qt's name

    def saveGeometry(self) -> QByteArray: ...  # noqa: N802 - Qt's name

    def restoreGeometry(self, geometry: QByteArray | bytes) -> bool: ...  # noqa: N802 - Qt's name

    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int],  # noqa: N802 - Qt's name
                    orientation: Qt.Orientation) -> None: ...

    def dockWidgetArea(self, dock: QDockWidget) -> Qt.DockWidgetArea: ...  # noqa: N802 - Qt's name

    def findChildren(self, kind: type[QTabBar]) -> list[QTabBar]: ...  # noqa: N802 - Qt's name

    def layout(self) -> QLayout | None: ...


def _clamp(value: float, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], int(value)))


class WindowLayout(QObject):
    """One job: put the docks where an operator expects them, remember where the operator put them."""

    def __init__(self, window: LayoutHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.default_state = window.saveState(LAYOUT_VERSION)   # the arrangement as built, before any saved one

    def dock_names(self) -> str:
        return ",".join(sorted(self.window.docks))

    def restore(self) -> bool:
        """Restore the saved geometry and, when it fits today's docks, the saved dock layout (else the defaults)."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry:
            self.window.restoreGeometry(geometry)
        state = settings.value("window/state")
        same_docks = str(settings.value("window/layout_version", "")) == str(LAYOUT_VERSION) and \
            settings.value("window/docks", "") == self.dock_names()
        if state and same_docks and self.window.restoreState(state, LAYOUT_VERSION) and self._all_placed():
            self.settle()
            return True
        if state:
            self.window.restoreState(self.default_state, LAYOUT_VERSION)
        self.settle()
        QTimer.singleShot(0, self.apply_default_sizes)   # dock sizes only apply once the window is laid out
        return False

    def _all_placed(self) -> bool:
        """Every dock either floats or sits in an area; a dock in no area could never be found again."""
        return all(dock.isFloating() or self.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
                   for dock in self.window.docks.values())

    def save(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState(LAYOUT_VERSION))
        settings.setValue("window/layout_version", LAYOUT_VERSION)
        settings.setValue("window/docks", self.dock_names())

    def reset(self) -> None:
        """View > Reset layout: every dock back in its place, shown, at the default proportions."""
        self.window.restoreState(self.default_state, LAYOUT_VERSION)
        for dock in self.window.docks.values():
            dock.setFloating(False)
        self.settle()
        self.apply_default_sizes()
        QTimer.singleShot(0, self.apply_default_sizes)   # again once a just-resized window has laid itself out

    def settle(self) -> None:
        """Drop the tab bars of the previous arrangement now. Each tabify or restore replaces a group's tab bar
        and deletes the old one later; until the event loop gets to it, the old bar is still shown beside the
        new one, so an offscreen grab (or a first paint) shows every tabbed group's bar twice."""
        layout = self.window.layout()
        if layout is not None:
            layout.activate()   # the main window's layout decides which tab bars it still uses
        for bar in self.window.findChildren(QTabBar):
            if bar.parent() is self.window:
                QCoreApplication.sendPostedEvents(bar, QEvent.Type.DeferredDelete)

    def apply_default_sizes(self) -> None:
        """Proportions of the current window: the stock column, the map column and the bottom tables."""
        docks = self.window.docks
        width, height = self.window.width(), self.window.height()
        wanted = {"stock": _clamp(width * LEFT_SHARE, LEFT_PX), "map": _clamp(width * RIGHT_SHARE, RIGHT_PX)}
        columns = [name for name in wanted if name in docks]
        self.window.resizeDocks([docks[name] for name in columns], [wanted[name] for name in columns],
                                Qt.Orientation.Horizontal)
        if "requests" in docks:
            self.window.resizeDocks([docks["requests"]], [_clamp(height * BOTTOM_SHARE, BOTTOM_PX)],
                                    Qt.Orientation.Vertical)
