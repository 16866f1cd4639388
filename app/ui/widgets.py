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


def own_tail_banner() -> QLabel:
    """Says why this node refuses to sign: its database lost entries of its own feed (app/store/own_head.py)."""
    banner = QLabel()
    banner.setObjectName("ownTailBanner")
    banner.setWordWrap(True)
    banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    banner.setStyleSheet("QLabel#ownTailBanner { background: #c62828; color: white; font-weight: bold; padding: 6px; }")
    banner.hide()
    return banner
