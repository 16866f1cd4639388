"""The user guide inside the client: F1 opens docs/USER_GUIDE.md offline, at the section that helps.

An operator at 3 a.m. may have no browser and no network; the guide ships with the client
(app.paths.USER_GUIDE) and is rendered here from its Markdown, with a table of contents from its
headings, a find bar (Ctrl+F) and links inside the guide that jump to their section. F1 on a record
form opens the guide where that form is described.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.paths import USER_GUIDE

TOPIC_ROLE = Qt.ItemDataRole.UserRole


def slug(heading: str) -> str:
    """The anchor a Markdown link uses for a heading, as GitHub writes it ("## The map" -> "the-map")."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


class GuideWindow(QWidget):
    """The guide: contents on one side, the text on the other, a find bar above."""

    def __init__(self, path: Path = USER_GUIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("user-guide")
        self.setWindowTitle(self.tr("User guide — Relief Ledger"))
        self.resize(980, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide-text")
        self.browser.setAccessibleName(self.tr("User guide text"))
        self.browser.setOpenLinks(False)   # links inside the guide jump to their section; others go outside
        self.browser.anchorClicked.connect(self.follow)
        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Contents of the user guide"))
        self.contents.itemActivated.connect(self._jump_to_item)
        self.contents.itemClicked.connect(self._jump_to_item)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Find in the guide (Ctrl+F)"))
        self.find_field.setAccessibleName(self.tr("Find in the guide"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textEdited.connect(lambda _text: self.find_next(from_top=True))
        previous, following = QPushButton(self.tr("Previous")), QPushButton(self.tr("Next"))
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        self.find_result = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Find:")))
        bar.addWidget(self.find_field, 1)
        bar.addWidget(previous)
        bar.addWidget(following)
        bar.addWidget(self.find_result)
        split = QSplitter()
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_find)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, self.find_previous)
        self.headings: list[tuple[int, str, int]] = []   # (level, text, position in the document)
        self.load(path)

    def load(self, path: Path) -> None:
        """Render the guide (a few tens of kilobytes of Markdown) and list its headings."""
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            text = self.tr("# The user guide is missing\n\n{0} could not be read: {1}").format(path, exc.strerror)
        self.browser.document().setMarkdown(text)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)   # open at the title, not where setMarkdown left off
        self.headings = []
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                self.headings.append((level, block.text(), block.position()))
            block = block.next()
        self.contents.clear()
        parents: list[QTreeWidgetItem] = []
        for level, heading, position in self.headings:
            item = QTreeWidgetItem([heading])
            item.setData(0, TOPIC_ROLE, position)
            while parents and parents[-1].data(0, Qt.ItemDataRole.UserRole + 1) >= level:
                parents.pop()
            item.setData(0, Qt.ItemDataRole.UserRole + 1, level)
            if parents:
                parents[-1].addChild(item)
            else:
                self.contents.addTopLevelItem(item)
            parents.append(item)
        self.contents.expandAll()

    # -- going places -----------------------------------------------------------------------------------
    def show_position(self, position: int) -> None:
        """Put `position` at the top of the view (a heading reads best as the first line)."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.maximum())          # scroll past, then back, so the line lands at the top
        self.browser.ensureCursorVisible()

    def go_to(self, *topics: str) -> bool:
        """Show the first topic found: a heading (by its text or anchor), else the first place it is named."""
        for topic in topics:
            wanted = topic.strip().lower()
            for _level, heading, position in self.headings:
                if heading.lower() == wanted or slug(heading) == slug(topic):
                    self.show_position(position)
                    return True
            found = self.browser.document().find(topic)
            if not found.isNull():
                self.show_position(found.block().position())
                return True
        return False

    def follow(self, url: QUrl) -> None:
        """A link inside the guide jumps to its section; anything else opens outside the client."""
        if url.hasFragment() and not url.path() and not url.scheme():
            self.go_to(url.fragment())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        else:
            self.go_to(Path(url.path()).stem.replace("_", " "))

    def _jump_to_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.show_position(int(item.data(0, TOPIC_ROLE)))

    # -- finding ----------------------------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_next(self, from_top: bool = False) -> bool:
        return self._find(QTextDocument.FindFlag(0), from_top)

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward, False)

    def _find(self, flags: QTextDocument.FindFlag, from_top: bool) -> bool:
        """Find the typed text, wrapping around the end; say so when it is nowhere in the guide."""
        text = self.find_field.text()
        self.find_result.clear()
        if not text:
            return False
        if from_top:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        if self.browser.find(text, flags):
            return True
        backward = bool(flags & QTextDocument.FindFlag.FindBackward)
        self.browser.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        if self.browser.find(text, flags):
            return True
        self.find_result.setText(self.tr("Not found"))
        return False


_guide: list[GuideWindow] = []   # the one guide window, while it exists


def show_guide(parent: QWidget | None, *topics: str) -> GuideWindow:
    """Open (or raise) the guide at the first of `topics` it has.

    The guide becomes a window of `parent` so it stays usable beside a modal record form.
    """
    if not _guide:
        guide = GuideWindow()
        guide.destroyed.connect(lambda *_args: _guide.clear())
        _guide.append(guide)
    guide = _guide[0]
    if parent is not None and guide.parentWidget() is not parent.window():
        geometry = guide.geometry()
        guide.setParent(parent.window(), Qt.WindowType.Window)
        guide.setGeometry(geometry)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    if topics:
        guide.go_to(*topics)
    return guide


def attach_help(widget: QWidget, *topics: str) -> QShortcut:
    """F1 on `widget` (a form or dialog) opens the guide at its topic."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), widget, lambda: show_guide(widget, *topics))
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut
