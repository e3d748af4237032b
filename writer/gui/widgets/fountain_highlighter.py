"""Fountain highlighting for screenplay documents.

Scene headings bold, character cues and transitions coloured, dialogue
indented by colour, parentheticals and notes muted. The rules are
:func:`writer.core.fountain.classify_line`, the same the HTML export uses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from writer.core.document import SCRIPT_FORMS
from writer.core.fountain import classify_line

if TYPE_CHECKING:
    from writer.gui.widgets.editor import Editor

#: Fountain files, highlighted whatever their DocumentState says.
FOUNTAIN_SUFFIXES = (".fountain", ".spmd")
_IN_DIALOGUE = 1
_NOTE = re.compile(r"\[\[.*?\]\]")


def _format(color: str = "", *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    """Return a character format with the given look."""
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


FORMATS: dict[str, QTextCharFormat] = {
    "scene_heading": _format("#1f5fa8", bold=True),
    "character": _format("#8a3ea8", bold=True),
    "dialogue": _format("#2d6a3e"),
    "parenthetical": _format("#7a7a7a", italic=True),
    "transition": _format("#b35c00", bold=True),
    "centered": _format("#b35c00"),
    "section": _format("#888888", bold=True),
    "synopsis": _format("#888888", italic=True),
    "lyric": _format("#2d6a3e", italic=True),
    "page_break": _format("#aaaaaa"),
    "note": _format("#999999", italic=True),
}


class FountainHighlighter(QSyntaxHighlighter):
    """Highlights a QTextDocument as a Fountain screenplay."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.setObjectName("fountainHighlighter")

    def highlightBlock(self, text: str) -> None:
        """Colour one line by what it is in the screenplay."""
        stripped = text.strip()
        if not stripped:
            self.setCurrentBlockState(0)
            return
        block = self.currentBlock()
        if self.previousBlockState() == _IN_DIALOGUE:
            kind = "parenthetical" if stripped.startswith("(") else "dialogue"
        else:
            previous, following = block.previous(), block.next()
            kind = classify_line(
                stripped,
                prev_blank=not previous.isValid() or not previous.text().strip(),
                next_blank=not following.isValid() or not following.text().strip(),
            )
        self.setCurrentBlockState(
            _IN_DIALOGUE if kind in ("character", "dialogue", "parenthetical") else 0
        )
        fmt = FORMATS.get(kind)
        if fmt is not None:
            self.setFormat(0, len(text), fmt)
        for match in _NOTE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), FORMATS["note"])


def is_screenplay(editor: Editor) -> bool:
    """Return whether ``editor`` holds a screenplay (made from a template, or a .fountain file)."""
    path = editor.state.path
    return editor.state.form in SCRIPT_FORMS or (
        path is not None and path.suffix.lower() in FOUNTAIN_SUFFIXES
    )


def attach_fountain(editor: Editor) -> FountainHighlighter:
    """Highlight ``editor`` as Fountain (once), taking over from any other highlighter."""
    document = editor.document()
    for highlighter in document.findChildren(QSyntaxHighlighter):
        if isinstance(highlighter, FountainHighlighter):
            return highlighter
        highlighter.setDocument(None)  # a Markdown highlighter would fight over the formats
    if editor.state.form not in SCRIPT_FORMS:  # a stage play stays one
        editor.state.form = "screenplay"
    return FountainHighlighter(document)
