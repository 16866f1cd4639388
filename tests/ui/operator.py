"""An operator at a desk, for tests that use the client as a person would: keys and clicks, counted.

Counting rule (the figures in docs/USER_GUIDE.md, "What each task takes", follow it): one key press
(with the modifiers held for it, e.g. Ctrl+R), one typed string (the characters typed into one field
in one go, however long), and one mouse click (or double-click) on a widget each count as ONE action.
Reading the screen is free. The characters typed are counted apart, so a code of 128 characters
is visible in the figures even though it is one action.

Keys go where the keyboard focus is (QApplication.focusWidget()), as they would for a person;
clicks go to a widget found by what the operator sees: its label, its text or its accessible name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

# How long a wait may take before the test gives up: a bound for a loaded machine, never a threshold the
# client is measured against (the waits end as soon as what they wait for is on the screen).
WAIT_MS = 15_000

COUNTING_RULE = ("one key press (with its modifiers), one typed string and one mouse click each count as one "
                 "action; reading the screen is free; characters typed are counted apart")


@dataclass
class Tally:
    """What one task took."""

    actions: int = 0
    typed: int = 0


def plain(text: str) -> str:
    """A label as the operator reads it: no mnemonic ampersands, no trailing ellipsis or colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("….:").strip()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus: a person's keys would go nowhere"
    return widget


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


class ActionCounter:
    """Performs the operator's key presses, typing and clicks on real widgets, and counts them per task."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.tasks: dict[str, Tally] = {}
        self.current: Tally | None = None
        self.shots = Path(os.environ["RL_SHOTS"]) if os.environ.get("RL_SHOTS") else None
        self.shot_paths: list[Path] = []

    @contextmanager
    def task(self, name: str) -> Iterator[Tally]:
        self.current = self.tasks.setdefault(name, Tally())
        try:
            yield self.current
        finally:
            self.current = None

    def _count(self, typed: int = 0) -> None:
        assert self.current is not None, "an action outside a task is not counted anywhere"
        self.current.actions += 1
        self.current.typed += typed

    # -- the keyboard ---------------------------------------------------------------------------------
    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key press where the focus is (a shortcut reaches the window's actions from there)."""
        self._count()
        QTest.keyClick(focused(), key, modifier)
        QApplication.processEvents()

    def type(self, text: str, chars: bool = True) -> None:
        """One typed string: each character goes to whatever has the focus when it is typed.

        `chars=False` for what stands in for a pick the test cannot make otherwise (a file path typed
        into a file chooser): one action, its characters not counted as the operator's typing.
        """
        self._count(len(text) if chars else 0)
        for char in text:
            QTest.keyClicks(focused(), char)
        QApplication.processEvents()

    # -- the mouse ------------------------------------------------------------------------------------
    def click(self, widget: QWidget, pos: QPoint | None = None, then: Callable[[], None] | None = None) -> None:
        """One click; `then` is what the operator does in a modal dialog the click opens (see `meanwhile`)."""
        assert widget.isVisible() and widget.isEnabled(), f"{widget!r} cannot be clicked: hidden or disabled"
        self._count()
        window = widget.window()
        if not window.isActiveWindow() and QApplication.activePopupWidget() is None:
            window.activateWindow()   # a click on a window makes it the active one (the window manager's part)
            self.qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        wait = meanwhile(self.qtbot, then) if then is not None else None
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         pos if pos is not None else widget.rect().center())
        if wait is not None:
            wait()
        QApplication.processEvents()

    def double_click(self, widget: QWidget, pos: QPoint) -> None:
        """One double-click: a press and release, then the second press that Qt reports as a double-click."""
        self._count()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        QApplication.processEvents()

    def gesture(self, perform: Callable[[], object]) -> None:
        """One gesture the test performs through the widget's own API (e.g. dragging a web map), counted as one."""
        self._count()
        perform()
        QApplication.processEvents()

    def click_row(self, view: QAbstractItemView, row: int, double: bool = False) -> None:
        """Click (or double-click) the first cell of a visible row of a table."""
        index = view.model().index(row, 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        assert rect.isValid(), f"row {row} of {view!r} is not on screen"
        if double:
            self.double_click(view.viewport(), rect.center())
        else:
            self.click(view.viewport(), rect.center())

    def click_button(self, where: QWidget, text: str, then: Callable[[], None] | None = None) -> None:
        self.click(button(where, text), then=then)

    def click_tab(self, window: QMainWindow, title: str) -> None:
        """Click the tab of a tabbed dock (or any tab bar of the window) by its title."""
        for bar in window.findChildren(QTabBar):
            if not bar.isVisible():
                continue
            for index in range(bar.count()):
                if plain(bar.tabText(index)).startswith(title):
                    self.click(bar, bar.tabRect(index).center())
                    return
        raise AssertionError(f"no tab {title!r} on screen")

    def menu(self, window: QMainWindow, menu_title: str, item: str, then: Callable[[], None] | None = None) -> None:
        """Open a menu of the menu bar with a click and click one of its items (two actions)."""
        bar = window.menuBar()
        action = next((a for a in bar.actions() if plain(a.text()) == menu_title), None)
        assert action is not None, f"no menu {menu_title!r}"
        self.click(bar, bar.actionGeometry(action).center())
        popup = action.menu()
        assert isinstance(popup, QMenu)
        self.qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
        entry = next((a for a in popup.actions() if plain(a.text()) == plain(item)), None)
        assert entry is not None, f"no item {item!r} in {menu_title!r}: {[a.text() for a in popup.actions()]}"
        self.click(popup, popup.actionGeometry(entry).center(), then=then)

    # -- what the operator sees -------------------------------------------------------------------------
    def shoot(self, name: str, window: QWidget, *over: QWidget) -> None:
        """When RL_SHOTS names a folder, save what the operator sees: the window with its dialogs on top."""
        if self.shots is None:
            return
        self.shots.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        picture = QPixmap(window.grab())
        painter = QPainter(picture)
        for dialog in over:
            if dialog.isVisible():
                image = dialog.grab()
                corner = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
                if not picture.rect().contains(corner):  # offscreen windows may sit anywhere: centre them
                    corner = QPoint(max(0, (picture.width() - image.width()) // 2),
                                    max(0, (picture.height() - image.height()) // 2))
                painter.drawPixmap(corner, image)
        painter.end()
        path = self.shots / f"{len(self.shot_paths) + 1:02d}-{name}.png"
        assert picture.save(str(path))
        self.shot_paths.append(path)


def button(where: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text reads `text`."""
    found = [b for b in where.findChildren(QAbstractButton) if b.isVisible() and plain(b.text()) == plain(text)]
    assert found, f"no button {text!r} on {where.windowTitle() or where!r}: " \
                  f"{[b.text() for b in where.findChildren(QAbstractButton) if b.isVisible()]}"
    return found[0]


def clickable(widget: QWidget) -> QWidget:
    """What a click on a field lands on: the field, or the input inside a field's holder."""
    if widget.focusPolicy() & Qt.FocusPolicy.ClickFocus:
        return widget
    if widget.focusProxy() is not None:
        return widget.focusProxy()
    inner = [w for w in widget.findChildren(QWidget) if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.ClickFocus]
    return inner[0] if inner else widget


def labelled(where: QWidget, label: str) -> QWidget:
    """The field a visible label names (a form row's label has the field as its buddy)."""
    for candidate in where.findChildren(QLabel):
        if candidate.isVisible() and candidate.buddy() is not None and plain(candidate.text()) == plain(label):
            return clickable(candidate.buddy())
    for widget in where.findChildren(QWidget):
        if widget.isVisible() and widget.accessibleName() and plain(widget.accessibleName()) == plain(label):
            return clickable(widget)
    raise AssertionError(f"no field labelled {label!r} on {where.windowTitle() or where!r}")


def dialog_titled(title: str) -> QWidget | None:
    """The window whose title contains `title` (forms carry an EXERCISE prefix): the active one if it is
    that window, else the newest such visible window (an older one may still be closing)."""
    active = QApplication.activeModalWidget() or QApplication.activeWindow()
    if active is not None and title in active.windowTitle():
        return active
    found = [w for w in visible_windows() if title in w.windowTitle()]
    return found[-1] if found else None


def wait_dialog(qtbot, title: str, timeout: int = WAIT_MS) -> QWidget:
    """Wait until the window titled `title` is on screen and has the keyboard (it is the active window)."""
    def active() -> bool:
        found = dialog_titled(title)
        try:
            return found is not None and found.isActiveWindow()
        except RuntimeError:      # a window of the same title deleted as it closed
            return False
    qtbot.waitUntil(active, timeout=timeout)
    found = dialog_titled(title)
    assert found is not None
    return found


def meanwhile(qtbot, then: Callable[[], None]) -> Callable[[], None]:
    """Arm `then` to run when the event loop next turns, even inside a modal dialog's own loop.

    Arm it immediately before the action that may open a modal dialog (nothing may process events in
    between); call the returned wait after the action: it returns once `then` has run and re-raises
    its failure.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            then()
            outcome["done"] = True
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            outcome["error"] = exc
            for window in visible_windows():  # unblock a modal loop so the test can report the failure
                if window.isModal():
                    window.close()

    QTimer.singleShot(0, run)

    def wait() -> None:
        qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]

    return wait
