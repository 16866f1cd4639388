"""Small widgets shared by windows and dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


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
