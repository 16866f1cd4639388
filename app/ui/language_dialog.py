"""Settings ▸ Language…: follow the system, or choose one of the client's languages."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.ui.i18n import LANGUAGES, choose_language, chosen_language


class LanguageDialog(QDialog):
    """The choice is stored in QSettings and applies when the client next starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Language"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the client"))
        system = QLocale.system()
        self.language.addItem(self.tr("Follow the system ({0})").format(system.nativeLanguageName() or system.name()),
                              "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen_language())))
        note = QLabel(self.tr("The client shows the new language when it next starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Language"), self.language)
        layout.addRow(note)
        layout.addRow(buttons)

    def accept(self) -> None:
        choose_language(self.language.currentData() or "")
        super().accept()


def open_language_dialog(parent: QWidget | None) -> LanguageDialog:
    dialog = LanguageDialog(parent)
    dialog.open()
    return dialog
