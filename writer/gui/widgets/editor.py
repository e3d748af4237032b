"""The text editor: a QPlainTextEdit that takes streamed text as one undo step.

QPlainTextEdit lays out line by line, so a whole novel (megabytes) stays fast.
Streamed text goes in through a cursor of its own: the first piece opens an
edit block and every later piece joins it, so one Ctrl+Z takes the whole
passage back. The passage is marked until the writer's next edit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from writer.core.context_window import ContextWindow
from writer.core.document import DocumentState

#: Characters of text before the cursor handed to Continue; the window never reaches further.
PROMPT_TAIL_CHARS = 400_000


class Editor(QPlainTextEdit):
    """One document's editor (objectName ``editor``)."""

    streamingChanged = Signal(bool)
    #: Emitted just before an operation rewrites the whole document (Replace All, Reopen with
    #: Encoding, a template writing into it), with its reason: "replace_all",
    #: "reopen_encoding", "template". Snapshots keep the text as it was.
    aboutToRewrite = Signal(str)

    def __init__(self, parent: QWidget | None = None, state: DocumentState | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.setAccessibleName("editor")
        self.state = state or DocumentState()
        self.context_window = ContextWindow()
        self.highlighter: QSyntaxHighlighter | None = None  # Markdown, set by the view feature
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(max(8.0, self.fontMetrics().averageCharWidth() * 1.5))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        self.setFont(font)
        self._stream: QTextCursor | None = None
        self._stream_start = 0
        self._stream_opened = False
        self._inserting = False
        self._last: QTextCursor | None = None  # the last generated passage, kept through edits
        self._marked = False
        self._mark_range = (0, 0)
        self._line_width = 0
        self.document().contentsChange.connect(self._on_contents_change)

    # -- layout ------------------------------------------------------------------

    def set_line_width(self, characters: int) -> None:
        """Wrap text in a centred column of ``characters`` average characters (0: full width)."""
        self._line_width = max(0, characters)
        self._apply_line_width()

    def _apply_line_width(self) -> None:
        """Set the side margins that make the text column."""
        margin = 0
        if self._line_width and self.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap:
            column = QFontMetricsF(self.font()).averageCharWidth() * self._line_width
            margin = max(0, int((self.width() - column) / 2))
        self.setViewportMargins(margin, 0, margin, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the text column centred."""
        super().resizeEvent(event)
        if self._line_width:
            self._apply_line_width()

    # -- text around the cursor ------------------------------------------------

    def text_before_cursor(self, limit: int = PROMPT_TAIL_CHARS) -> str:
        """Return up to ``limit`` characters before the cursor, without copying the document."""
        return self.text_range(max(0, self.textCursor().position() - limit),
                               self.textCursor().position())

    def text_range(self, start: int, end: int) -> str:
        """Return the plain text between two positions, with "\\n" line breaks."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def selected_text(self) -> str:
        """Return the selection with "\\n" line breaks."""
        return self.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    # -- streaming ----------------------------------------------------------------

    @property
    def is_streaming(self) -> bool:
        """Return whether generated text is being inserted."""
        return self._stream is not None

    def last_generation(self) -> tuple[int, int] | None:
        """Return the (start, end) of the last generated passage, if it is still there."""
        if self._last is None or not self._last.hasSelection():
            return None
        return self._last.selectionStart(), self._last.selectionEnd()

    @property
    def stream_start(self) -> int:
        """Return where the running (or last) stream's text starts."""
        return self._stream_start

    def begin_stream(
        self,
        *,
        replace_last: bool = False,
        position: int | None = None,
        replace: tuple[int, int] | None = None,
    ) -> int:
        """Start inserting streamed text at the cursor (or over the last passage, or ``replace``).

        Returns the position where the text will go. The removal and the
        streamed text are one undo step. The editor is read-only until
        :meth:`end_stream`, so typing cannot tangle with the stream.
        """
        cursor = QTextCursor(self.document())
        last = replace if replace is not None else (
            self.last_generation() if replace_last else None
        )
        self._stream_opened = False
        if last is not None:
            cursor.setPosition(last[0])
            cursor.setPosition(last[1], QTextCursor.MoveMode.KeepAnchor)
            self._inserting = True
            cursor.beginEditBlock()
            cursor.removeSelectedText()
            cursor.endEditBlock()
            self._inserting = False
            self._stream_opened = True  # later pieces join the removal: one undo step
        else:
            cursor.setPosition(self.textCursor().position() if position is None else position)
        self._stream = cursor
        self._stream_start = cursor.position()
        self._last = None
        self.setReadOnly(True)
        self.streamingChanged.emit(True)
        return self._stream_start

    def insert_stream(self, piece: str) -> None:
        """Insert one piece of streamed text."""
        cursor = self._stream
        if cursor is None or not piece:
            return
        self._inserting = True
        if self._stream_opened:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
            self._stream_opened = True
        cursor.insertText(piece)
        cursor.endEditBlock()
        self._inserting = False
        view = self.textCursor()
        view.setPosition(cursor.position())
        self.setTextCursor(view)
        self._mark(self._stream_start, cursor.position())

    def end_stream(self) -> None:
        """Finish the stream; the passage stays marked until the next edit."""
        if self._stream is None:
            return
        end = self._stream.position()
        self._stream = None
        if end > self._stream_start:
            last = QTextCursor(self.document())
            last.setPosition(self._stream_start)
            last.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self._last = last
        self.setReadOnly(False)
        self.streamingChanged.emit(False)

    def insert_passage(self, position: int, text: str) -> None:
        """Insert ``text`` at ``position`` as one undo step, marked as the last passage."""
        self.begin_stream(position=position)
        self.insert_stream(text)
        self.end_stream()

    def replace_passage(self, start: int, end: int, text: str) -> None:
        """Replace ``start``..``end`` by ``text`` as one undo step; it becomes the last passage."""
        self.begin_stream(replace=(start, end))
        self.insert_stream(text)
        self.end_stream()

    # -- the mark ------------------------------------------------------------------

    def _mark(self, start: int, end: int) -> None:
        """Highlight the generated passage."""
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colour = QColor(self.palette().highlight().color())
        colour.setAlpha(55)
        selection.format.setBackground(colour)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.setExtraSelections([selection])
        self._marked = True
        self._mark_range = (start, end)

    def refresh_mark(self) -> None:
        """Redraw the mark in the current palette's colours (after a theme change)."""
        if self._marked:
            self._mark(*self._mark_range)

    def is_marked(self) -> bool:
        """Return whether a generated passage is highlighted."""
        return self._marked

    def clear_mark(self) -> None:
        """Remove the highlight of the generated passage."""
        if self._marked:
            self.setExtraSelections([])
            self._marked = False

    def _on_contents_change(self, _position: int, _removed: int, _added: int) -> None:
        """Clear the mark on the writer's own edits (not on streamed text)."""
        if not self._inserting and self._stream is None:
            self.clear_mark()
