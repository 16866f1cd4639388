"""The contract source editor widget: Starlark highlighting, line numbers, error and lint markers."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.contracts.runtime import Diagnostic
from app.contracts.stdlib import LIBRARY_NAMES
from app.ui import palette

KEYWORDS = ("and", "break", "continue", "def", "elif", "else", "for", "if", "in", "lambda", "load", "not", "or",
            "pass", "return")
CONSTANTS = ("None", "True", "False")
BUILTINS = ("all", "any", "bool", "dict", "dir", "enumerate", "fail", "getattr", "hasattr", "hash", "int", "len",
            "list", "max", "min", "print", "range", "repr", "reversed", "sorted", "str", "tuple", "type", "zip")
SEVERITY_TONES = {"error": "danger", "warning": "warning", "advice": "info"}


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class StarlarkHighlighter(QSyntaxHighlighter):
    """Keywords, constants, builtins, the contract library, numbers, strings (also triple-quoted), comments."""

    IN_TRIPLE = {'"""': 1, "'''": 2}

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "keyword": _format("#7a1fa2", bold=True), "constant": _format("#b35900", bold=True),
            "builtin": _format("#00627a"), "library": _format("#1a7f37", bold=True),
            "number": _format("#1750eb"), "string": _format("#a31515"), "comment": _format("#6a737d", italic=True),
            "defname": _format("#005cc5", bold=True),
        }
        words = [(rf"\b(?:{'|'.join(KEYWORDS)})\b", "keyword"), (rf"\b(?:{'|'.join(CONSTANTS)})\b", "constant"),
                 (rf"\b(?:{'|'.join(BUILTINS)})\b(?=\s*\()", "builtin"),
                 (rf"\b(?:{'|'.join(LIBRARY_NAMES)})\b", "library"), (r"\b\d+\b", "number"),
                 (r"(?<=\bdef )\s*[A-Za-z_]\w*", "defname")]
        self.rules = [(re.compile(pattern), name) for pattern, name in words]
        self.token = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"?|\'(?:[^\'\\\n]|\\.)*\'?|#[^\n]*')

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for pattern, name in self.rules:
            for hit in pattern.finditer(text):
                self.setFormat(hit.start(), hit.end() - hit.start(), self.formats[name])
        self.setCurrentBlockState(0)
        pos = 0
        state = self.previousBlockState()
        if state in (1, 2):
            quote = '"""' if state == 1 else "'''"
            end = text.find(quote)
            if end < 0:
                self.setFormat(0, len(text), self.formats["string"])
                self.setCurrentBlockState(state)
                return
            self.setFormat(0, end + 3, self.formats["string"])
            pos = end + 3
        while pos < len(text):
            match = self.token.search(text, pos)
            if match is None:
                break
            token = match.group()
            if token in self.IN_TRIPLE:
                end = text.find(token, match.end())
                if end < 0:
                    self.setFormat(match.start(), len(text) - match.start(), self.formats["string"])
                    self.setCurrentBlockState(self.IN_TRIPLE[token])
                    return
                self.setFormat(match.start(), end + 3 - match.start(), self.formats["string"])
                pos = end + 3
                continue
            self.setFormat(match.start(), len(token), self.formats["comment" if token.startswith("#") else "string"])
            pos = match.end()


class _Gutter(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    """Plain-text editor with a line-number gutter; markers underline the reported span and mark the line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 10))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.highlighter = StarlarkHighlighter(self.document())
        self.gutter = _Gutter(self)
        self.markers: list[Diagnostic] = []
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._on_update_request)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self._update_margin()

    # -- gutter ------------------------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 18 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        worst: dict[int, str] = {}
        order = {"error": 0, "warning": 1, "advice": 2}
        for marker in self.markers:
            current = worst.get(marker.line)
            if current is None or order[marker.severity] < order[current]:
                worst[marker.line] = marker.severity
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                line = number + 1
                if line in worst:
                    painter.setBrush(palette.tone(SEVERITY_TONES[worst[line]], self.palette()))
                    painter.setPen(Qt.PenStyle.NoPen)
                    size = max(6, height // 2)
                    painter.drawEllipse(3, top + (height - size) // 2, size, size)
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(0, top, self.gutter.width() - 4, height, Qt.AlignmentFlag.AlignRight, str(line))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1

    # -- markers -----------------------------------------------------------------------------------------
    def set_markers(self, markers: list[Diagnostic]) -> None:
        self.markers = list(markers)
        self._refresh_selections()
        self.gutter.update()

    def marker_cursor(self, marker: Diagnostic) -> QTextCursor:
        """A cursor selecting the marker's span (at least one character)."""
        doc = self.document()
        start = self._offset(marker.line, marker.column)
        end = self._offset(marker.end_line, marker.end_column)
        if end <= start:
            end = start + 1
        end = min(end, max(doc.characterCount() - 1, 0))
        cursor = QTextCursor(doc)
        cursor.setPosition(min(start, end))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _offset(self, line: int, column: int) -> int:
        block = self.document().findBlockByNumber(max(line - 1, 0))
        if not block.isValid():
            block = self.document().lastBlock()
        return block.position() + min(max(column - 1, 0), max(block.length() - 1, 0))

    def _refresh_selections(self) -> None:
        selections = []
        current = QTextEdit.ExtraSelection()
        current.format.setBackground(palette.tint("warning", self.palette()))
        current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        current.cursor = self.textCursor()
        current.cursor.clearSelection()
        selections.append(current)
        for marker in self.markers:
            if marker.severity == "error":
                line_sel = QTextEdit.ExtraSelection()
                line_sel.format.setBackground(palette.tint("danger", self.palette()))
                line_sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                line_sel.cursor = QTextCursor(self.document().findBlockByNumber(max(marker.line - 1, 0)))
                selections.append(line_sel)
            span = QTextEdit.ExtraSelection()
            span.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            span.format.setUnderlineColor(palette.tone(SEVERITY_TONES[marker.severity], self.palette()))
            span.format.setToolTip(marker.message)
            span.cursor = self.marker_cursor(marker)
            selections.append(span)
        self.setExtraSelections(selections)

    def markers_at(self, line: int, column: int) -> list[Diagnostic]:
        return [m for m in self.markers
                if (m.line, m.column) <= (line, column) <= (m.end_line, max(m.end_column, m.column + 1))]

    def event(self, event: QEvent) -> bool:
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(event.pos() - self.viewport().pos())
            found = self.markers_at(cursor.blockNumber() + 1, cursor.positionInBlock() + 1)
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(f"{m.severity}: {m.message}" for m in found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def go_to(self, line: int, column: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offset(line, column))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()
