"""The text editor: a QPlainTextEdit that takes streamed text as one undo step.

QPlainTextEdit lays out line by line, so a whole novel (megabytes) stays fast.
Streamed text goes in through a cursor of its own: the first piece opens an
edit block and every later piece joins it, so one Ctrl+Z takes the whole
passage back. The passage is marked until the writer's next edit; a passage
whose stream broke off is marked as cut short (a wavy underline, the reason
as its tooltip and accessible description), drawn over the text and never
part of it.

The editor gives back exactly the text it shows: non-breaking spaces and
line separators (U+2028) stay as they are, and a line break that was a
paragraph separator (U+2029) or another line ending than the document's
(a CRLF line in an LF file) is remembered on its block, so saving an
untouched document writes the same bytes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from writer.core.context_window import ContextWindow
from writer.core.document import DocumentState
from writer.gui.widgets.text_mirror import TextMirror

if TYPE_CHECKING:
    from collections.abc import Mapping

    from writer.core.text_copy import TextCopy

#: Characters of text before the cursor handed to Continue; the window never reaches further.
PROMPT_TAIL_CHARS = 400_000
#: Characters of text after the cursor handed to Continue (its first paragraphs are used).
AFTER_TAIL_CHARS = 4_000
#: Block format property holding the block's own line ending ("\u2029", "\r\n", "\r", "\n").
LINE_END_PROPERTY = QTextFormat.Property.UserProperty + 17
PARAGRAPH_SEPARATOR = "\u2029"
#: The wavy underline of a passage cut short (readable on light and dark themes).
CUT_SHORT_COLOUR = QColor(222, 70, 70)
_BREAK = re.compile("[\n\u2029]")


def block_marks(text: str, line_ends: Mapping[int, str]) -> dict[int, str]:
    """Return the blocks of ``text`` that end in U+2029 or in their own line ending.

    ``line_ends`` numbers lines as they end at "\\n" (U+2029 breaks not counted);
    the result numbers the editor's blocks (every break counted).
    """
    if PARAGRAPH_SEPARATOR not in text and not line_ends:
        return {}
    marks: dict[int, str] = {}
    line = 0
    for block, found in enumerate(_BREAK.finditer(text)):
        if found.group() == PARAGRAPH_SEPARATOR:
            marks[block] = PARAGRAPH_SEPARATOR
            continue
        if line in line_ends:
            marks[block] = line_ends[line]
        line += 1
    return marks


class Editor(QPlainTextEdit):
    """One document's editor (objectName ``editor``)."""

    streamingChanged = Signal(bool)
    #: The writer changed the text while the model streamed into it (Undo, for one).
    streamInterrupted = Signal()
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
        self._cut_short = ""  # why the marked passage was cut short ("" when it was not)
        self._line_width = 0
        self._line_marks = False  # some blocks carry their own line ending
        self._stream_length = 0  # the document's length after the last streamed piece
        self._mirror: TextMirror | None = None
        self.document().contentsChange.connect(self._on_contents_change)

    # -- exact text ---------------------------------------------------------------

    def setPlainText(self, text: str, line_ends: Mapping[int, str] | None = None) -> None:
        """Show ``text``; remember U+2029 breaks and the lines listed in ``line_ends``.

        ``line_ends`` maps a line's 0-based number (lines end at "\\n") to the
        ending it had on disk, when it differs from the document's own.
        """
        super().setPlainText(text)
        self._line_marks = False
        self._apply_line_marks(block_marks(text, line_ends or {}))

    def _apply_line_marks(self, marks: Mapping[int, str]) -> None:
        """Store each marked block's line ending in its block format (not an undo step)."""
        if not marks:
            return
        document = self.document()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        for number, ending in marks.items():
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            cursor.setPosition(block.position())
            block_format = QTextBlockFormat()
            block_format.setProperty(LINE_END_PROPERTY, ending)
            cursor.mergeBlockFormat(block_format)
        document.setUndoRedoEnabled(True)
        self._line_marks = True

    def toPlainText(self) -> str:
        """Return exactly the text shown, with "\\n" line breaks (U+2029 where it was one).

        Unlike QPlainTextEdit's own, non-breaking spaces and U+2028 are kept.
        """
        raw = self.document().toRawText()
        if not self._line_marks:
            return raw.replace(PARAGRAPH_SEPARATOR, "\n")
        parts: list[str] = []
        block = self.document().begin()
        while block.isValid():
            following = block.next()
            parts.append(block.text())
            if following.isValid():
                mark = block.blockFormat().property(LINE_END_PROPERTY)
                parts.append(PARAGRAPH_SEPARATOR if mark == PARAGRAPH_SEPARATOR else "\n")
            block = following
        return "".join(parts)

    def text_mirror(self) -> TextMirror:
        """Return the copy of the text kept up to date off ``toPlainText()`` (made on first use).

        Its :meth:`~TextMirror.copy` hands the whole text to a worker thread without
        a stall; the block texts are raw, joined with "\n" (see :attr:`has_line_marks`).
        """
        mirror = self._mirror
        if mirror is None or mirror.document is not self.document():
            mirror = self._mirror = TextMirror(self.document())
        return mirror

    @property
    def has_line_marks(self) -> bool:
        """Return whether some line keeps its own line ending (U+2029, or CRLF in an LF file).

        Only then does :meth:`toPlainText` differ from the mirror's text joined with "\n".
        """
        return self._line_marks

    def exact_text(self) -> str | TextCopy:
        """Return the text as :meth:`toPlainText` gives it, as cheaply as that can be had.

        The text mirror's copy (taken in microseconds, read on a worker) unless some
        line keeps its own U+2029 break, which only :meth:`toPlainText` has.
        """
        return self.toPlainText() if self._line_marks else self.text_mirror().copy()

    def mark_line_ends(self, cursor: QTextCursor, marks: Mapping[int, str]) -> None:
        """Make exactly the blocks in ``marks`` (0-based) keep their own ending, through ``cursor``.

        ``marks`` maps a block to "\u2029" or its own line ending ("\r\n" …); every
        other block gets the document's. Used after the text was replaced line by
        line (a snapshot restored): the changes join the cursor's undo step.
        """
        if not marks and not self._line_marks:
            return
        block = self.document().begin()
        number = 0
        while block.isValid():
            mark = block.blockFormat().property(LINE_END_PROPERTY)
            wanted = marks.get(number, "")
            if (mark if isinstance(mark, str) else "") != wanted:
                block_format = QTextBlockFormat()
                block_format.setProperty(LINE_END_PROPERTY, wanted)
                cursor.setPosition(block.position())
                cursor.mergeBlockFormat(block_format)
            block = block.next()
            number += 1
        if marks:
            self._line_marks = True

    def line_ends(self) -> dict[int, str]:
        """Return the lines (0-based, lines end at "\\n") that keep their own line ending."""
        if not self._line_marks:
            return {}
        ends: dict[int, str] = {}
        line = 0
        block = self.document().begin()
        while block.isValid() and block.next().isValid():
            mark = block.blockFormat().property(LINE_END_PROPERTY)
            if mark != PARAGRAPH_SEPARATOR:
                if isinstance(mark, str) and mark:
                    ends[line] = mark
                line += 1
            block = block.next()
        return ends

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
        return self.text_range(
            max(0, self.textCursor().position() - limit), self.textCursor().position()
        )

    def text_after_cursor(self, limit: int = AFTER_TAIL_CHARS) -> str:
        """Return up to ``limit`` characters after the cursor (Continue in the middle)."""
        position = self.textCursor().position()
        end = min(self.document().characterCount() - 1, position + limit)
        return self.text_range(position, end) if end > position else ""

    def text_range(self, start: int, end: int) -> str:
        """Return the plain text between two positions, with "\\n" line breaks."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def head(self, chars: int) -> str:
        """Return the first ``chars`` characters (UTF-16 units) without copying the whole text."""
        return self.text_range(0, min(chars, self.document().characterCount() - 1))

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
        last = (
            replace if replace is not None else (self.last_generation() if replace_last else None)
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
        self._stream_length = self.document().characterCount()
        self._last = None
        self._set_cut_short("")
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
        self._stream_length = self.document().characterCount()
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
        if self._cut_short:
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(CUT_SHORT_COLOUR)
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
        self._set_cut_short("")

    def mark_cut_short(self, note: str) -> bool:
        """Mark the last passage as cut short, with ``note`` saying why; return whether it is.

        The mark is drawn over the text (a wavy underline, ``note`` as its
        tooltip and accessible description) and goes at the writer's next edit.
        """
        last = self.last_generation()
        if last is None:
            return False
        self._set_cut_short(note)
        self._mark(*last)
        return True

    @property
    def cut_short(self) -> str:
        """Return why the marked passage was cut short ("" when it was not)."""
        return self._cut_short if self._marked else ""

    def _set_cut_short(self, note: str) -> None:
        """Remember why the passage was cut short, for the tooltip and screen readers."""
        if note != self._cut_short:
            self._cut_short = note
            self.setAccessibleDescription(note)

    def viewportEvent(self, event: QEvent) -> bool:
        """Show why a passage was cut short when the mouse rests on it."""
        if event.type() == QEvent.Type.ToolTip and self.cut_short:
            help_event = cast("QHelpEvent", event)
            position = self.cursorForPosition(help_event.pos()).position()
            start, end = self._mark_range
            if start <= position <= end:
                QToolTip.showText(help_event.globalPos(), self.cut_short, self.viewport())
                return True
        return super().viewportEvent(event)

    def _on_contents_change(self, _position: int, _removed: int, _added: int) -> None:
        """Clear the mark on the writer's own edits; an edit during a stream interrupts it.

        While text streams the editor is read-only, but Undo (or a program's
        edit) still changes the document: the stream must stop there, or its
        next pieces would land in text the writer has taken back.
        """
        if self._inserting:
            return
        if self._stream is None:
            self.clear_mark()
        elif self.document().characterCount() != self._stream_length:  # not just formats
            self.clear_mark()
            self.streamInterrupted.emit()
