"""Small widgets shared by windows and dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDockWidget,
    QFormLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

# Set on the main window of an exercise replica; every dialog and window opened from it looks it up (in_exercise).
EXERCISE_PROPERTY = "exerciseNetwork"


def exercise_banner() -> QLabel:
    """The unmistakable mark of an exercise network, on every window that can sign."""
    banner = QLabel(QCoreApplication.translate("ExerciseBanner",
                                               "EXERCISE · training network — nothing here is a real movement"))
    banner.setObjectName("exerciseBanner")
    banner.setWordWrap(True)
    banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setStyleSheet("QLabel#exerciseBanner { background: #ff8f00; color: black; font-weight: bold; "
                         "padding: 6px; letter-spacing: 1px; }")
    return banner


def exercise_prefix() -> str:
    """What an exercise's window titles and file names begin with."""
    return QCoreApplication.translate("ExerciseBanner", "EXERCISE — ")


def exercise_file_name(name: str, exercise: bool) -> str:
    """A suggested export file name: an exercise's says so, so a file on a stick cannot pass for live data."""
    return f"EXERCISE-{name}" if exercise else name


def in_exercise(widget: QWidget | None) -> bool:
    """Whether `widget` belongs to the window of an exercise replica (the main window is marked once; its docks,
    dialogs and child windows find the mark through their parents)."""
    while widget is not None:
        if widget.property(EXERCISE_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def mark_exercise(widget: QWidget, exercise: bool | None = None) -> bool:
    """Give a dialog or window of an exercise the EXERCISE title prefix and the banner at the top of its layout
    (the same banner as the main window). `exercise` None: decided from the widget's parents. Idempotent."""
    if exercise is None:
        exercise = in_exercise(widget)
    if not exercise or widget.property("exerciseMarked"):
        return exercise
    widget.setProperty("exerciseMarked", True)
    if not widget.windowTitle().startswith(exercise_prefix()):
        widget.setWindowTitle(exercise_prefix() + widget.windowTitle())
    central = widget.centralWidget() if isinstance(widget, QMainWindow) else None
    if isinstance(widget, QMainWindow) and central is not None and not isinstance(central.layout(), QBoxLayout):
        central = _stacked_under_banner(widget)   # a splitter or a view: the banner goes above it
    layout = central.layout() if central is not None else widget.layout()
    if isinstance(layout, QFormLayout):
        layout.insertRow(0, exercise_banner())
    elif isinstance(layout, QBoxLayout):
        layout.insertWidget(0, exercise_banner())
    return True


def mark_floating_dock(dock: QDockWidget) -> None:
    """A panel of an exercise torn off into a window of its own: its title begins with EXERCISE while it floats
    (docked, the main window's banner and title cover it), also when the panel renames itself meanwhile."""
    busy: list[bool] = []   # set while this retitles the dock: its own change must not retitle it again

    def retitle(*_args: object) -> None:
        if busy:
            return
        prefix, title = exercise_prefix(), dock.windowTitle()
        busy.append(True)
        try:
            if dock.isFloating() and not title.startswith(prefix):
                dock.setWindowTitle(prefix + title)
            elif not dock.isFloating() and title.startswith(prefix):
                dock.setWindowTitle(title[len(prefix):])
        finally:
            busy.clear()
    dock.topLevelChanged.connect(retitle)
    dock.windowTitleChanged.connect(retitle)
    retitle()


def _stacked_under_banner(window: QMainWindow) -> QWidget:
    """Put a window's central widget in a column the banner can head."""
    inner = window.takeCentralWidget()
    column = QWidget()
    box = QVBoxLayout(column)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    if inner is not None:
        box.addWidget(inner, 1)
    window.setCentralWidget(column)
    return column


def own_tail_banner() -> QLabel:
    """Says why this node refuses to sign: its database lost entries of its own feed (app/store/own_head.py)."""
    banner = QLabel()
    banner.setObjectName("ownTailBanner")
    banner.setWordWrap(True)
    banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    banner.setStyleSheet("QLabel#ownTailBanner { background: #c62828; color: white; font-weight: bold; padding: 6px; }")
    banner.hide()
    return banner
