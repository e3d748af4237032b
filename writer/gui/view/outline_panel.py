"""The outline panel: the document's Markdown headings; activating one moves the cursor there.

The list refreshes a moment after typing pauses, and marks the heading whose
section holds the editor's cursor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from writer.core.outline import Heading, heading_index_at, parse_headings

_POSITION = Qt.ItemDataRole.UserRole


class OutlinePanel(QWidget):
    """List of headings (objectName ``outlinePanel``, list ``outlineList``) for "go to heading"."""

    #: Emitted with the heading's character position after it was activated.
    headingActivated = Signal(int)

    def __init__(
        self,
        editor: QPlainTextEdit | None = None,
        parent: QWidget | None = None,
        *,
        delay_ms: int = 500,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.list = QListWidget(self)
        self.list.setObjectName("outlineList")
        self.list.setAccessibleName("outlineList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.headings: list[Heading] = []
        self.editor: QPlainTextEdit | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self.list.itemActivated.connect(self._go_to)
        self.list.itemClicked.connect(self._go_to)
        self.set_editor(editor)

    def set_editor(self, editor: QPlainTextEdit | None) -> None:
        """Follow ``editor`` (or none); refreshes the list at once."""
        if self.editor is not None:
            self.editor.textChanged.disconnect(self._timer.start)
            self.editor.cursorPositionChanged.disconnect(self._mark_current)
        self.editor = editor
        if editor is not None:
            editor.textChanged.connect(self._timer.start)
            editor.cursorPositionChanged.connect(self._mark_current)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the headings from the editor's text."""
        self._timer.stop()
        self.set_headings(parse_headings(self.editor.toPlainText()) if self.editor else [])

    def set_headings(self, headings: list[Heading]) -> None:
        """Show ``headings`` (indented by level)."""
        self.headings = headings
        self.list.clear()
        for heading in headings:
            item = QListWidgetItem("    " * (heading.level - 1) + (heading.title or "#"))
            item.setData(_POSITION, heading.position)
            item.setToolTip(self.tr("{0} (line {1})").format(heading.title, heading.line + 1))
            self.list.addItem(item)
        self._mark_current()

    def go_to_heading(self, index: int) -> None:
        """Move the editor's cursor to the start of heading ``index`` and show it."""
        heading = self.headings[index]
        if self.editor is not None:
            cursor = self.editor.textCursor()
            limit = max(0, self.editor.document().characterCount() - 1)
            cursor.setPosition(min(heading.position, limit))
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
            self.editor.setFocus()
        self.headingActivated.emit(heading.position)

    def _go_to(self, item: QListWidgetItem) -> None:
        """Go to the heading of a clicked or activated row."""
        self.go_to_heading(self.list.row(item))

    def _mark_current(self) -> None:
        """Select the row of the heading whose section holds the cursor."""
        if self.editor is None or not self.headings:
            return
        index = heading_index_at(self.headings, self.editor.textCursor().position())
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
