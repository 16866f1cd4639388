"""The contract editor's document on disk: templates, open, save, and asking before unsaved text is lost.

Kept apart from the window so "nothing the operator typed is dropped without asking" lives in one
place; the window only says which text to load and redraws its title when the name changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.contracts.templates import template_source
from app.ui.contract_code import CodeEditor


class ContractFiles(QObject):
    """Where the contract came from and goes to (`path`), under which id (`contract_id`)."""

    renamed = Signal()   # path or contract id changed by a save; the window redraws its title

    def __init__(self, window: QMainWindow, editor: CodeEditor,
                 load: Callable[[str, str, Path | None], None]) -> None:
        super().__init__(window)
        self.window, self.editor, self.load = window, editor, load
        self.path: Path | None = None
        self.contract_id = "untitled"
        self.ask_discard: Callable[[], str] = self._ask_discard   # "save", "discard" or "cancel"; tests replace it

    def _ask_discard(self) -> str:
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The contract has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def may_discard(self) -> bool:
        """True when the current text may be replaced (saved, or the operator chose so)."""
        if not self.editor.document().isModified():
            return True
        answer = self.ask_discard()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def template_opener(self, key: str) -> Callable[[], object]:
        """One menu action per template; each opens its own key (a closure, not a lambda default)."""
        return lambda: self.new_from_template(key)

    def new_from_template(self, key: str, ask: bool = True) -> bool:
        if ask and not self.may_discard():
            return False
        self.load(template_source(key), key, None)
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        if not self.may_discard():
            return False
        if path is None:
            start = QSettings().value("contracts/dir", "")
            chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open contract"), str(start),
                                                    self.tr("Starlark contracts (*.star);;All files (*)"))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self.window, self.tr("Open contract"),
                                self.tr("Cannot read {0}: {1}").format(path, exc))
            return False
        QSettings().setValue("contracts/dir", str(path.parent))
        self.load(text, path.stem, path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            start = Path(str(QSettings().value("contracts/dir", ""))) / f"{self.contract_id}.star"
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save contract"), str(start),
                                                    self.tr("Starlark contracts (*.star)"))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if path.suffix != ".star":
            path = path.with_suffix(".star")
        if not self._write(path):
            return False
        self.path, self.contract_id = path, path.stem
        self.renamed.emit()
        return True

    def _write(self, path: Path) -> bool:
        """Write through a temporary file and rename, so a failed save leaves the old file whole."""
        try:
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(self.editor.toPlainText(), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Save contract"),
                                self.tr("Cannot save {0}: {1}").format(path, exc))
            return False
        self.editor.document().setModified(False)
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        return True
