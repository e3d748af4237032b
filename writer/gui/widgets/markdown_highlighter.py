"""Light Markdown syntax highlighting for the editor.

Headings, emphasis, inline code, fenced code blocks, links, list markers and
quotes. Colours are soft so prose stays readable. On very large documents
(over :data:`MAX_CHARS`) highlighting switches itself off to keep typing fast.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from writer.gui.widgets.text_formats import char_format

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


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown in a QTextDocument (attach it to the editor's document)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.refresh_colours(rehighlight=False)

    def refresh_colours(self, *, rehighlight: bool = True) -> None:
        """Pick the colours for the current theme (call after a theme change)."""
        self.formats = {
            "heading": char_format("heading", bold=True),
            "strong": char_format(bold=True),
            "emphasis": char_format(italic=True),
            "code": char_format("code", mono=True),
            "link": char_format("link"),
            "list": char_format("list", bold=True),
            "quote": char_format("quote", italic=True),
        }
        if rehighlight and self.document() is not None:
            self.rehighlight()

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
