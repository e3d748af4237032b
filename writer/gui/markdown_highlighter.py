"""Light Markdown syntax highlighting for the editor.

Headings, emphasis, inline code, fenced code blocks, links, list markers and
quotes. Colours are soft so prose stays readable. On very large documents
(over :data:`MAX_CHARS`) highlighting switches itself off to keep typing fast.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

#: Documents longer than this are left unhighlighted (QSyntaxHighlighter visits every block).
MAX_CHARS = 1_000_000

_IN_FENCE = 1
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>.*$")
_LIST_MARKER = re.compile(r"^ *(?:[-+*]|\d{1,9}[.)])(?=[ \t])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*\w])")
_CODE = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")


def _format(
    color: str = "", *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    """Return a character format with the given look."""
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFixedPitch(True)
        fmt.setFontFamilies(["monospace"])
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown in a QTextDocument (attach it to the editor's document)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "heading": _format("#1f4e8c", bold=True),
            "strong": _format(bold=True),
            "emphasis": _format(italic=True),
            "code": _format("#7a3e00", mono=True),
            "link": _format("#0b5cad"),
            "list": _format("#8a5a00", bold=True),
            "quote": _format("#5f6b5f", italic=True),
        }

    def highlightBlock(self, text: str) -> None:
        """Apply the formats to one block (line) of text."""
        document = self.document()
        if document is not None and document.characterCount() > MAX_CHARS:
            return
        fence = _FENCE.match(text)
        if self.previousBlockState() == _IN_FENCE:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(-1 if fence else _IN_FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(_IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.formats["heading"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = _LIST_MARKER.match(text)
        if marker:
            self.setFormat(0, marker.end(), self.formats["list"])
        for pattern, name in ((_STRONG, "strong"), (_EMPHASIS, "emphasis"), (_LINK, "link")):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        for match in _CODE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["code"])
