"""A copy of a document's text, kept line by line as it changes, to read without a stall.

``QPlainTextEdit.toPlainText()`` copies the whole document on the GUI thread:
about half a second for a 10 MB novel. A :class:`TextMirror` follows the
document's ``contentsChange`` signal and keeps a Python list with one string
per block (paragraph), updating only the blocks an edit touched. Taking the
text is then a copy of that list (a millisecond); joining, encoding and
compressing it happen on a worker thread. Python strings are immutable, so the
copy is safe to hand to another thread.

Every read checks the mirror's length against the document's own count and
rebuilds it when they disagree, so a missed change can never put wrong text
in a snapshot.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

log = logging.getLogger(__name__)

#: Past this many changed blocks, reading the whole text once beats block by block.
_REREAD_BLOCKS = 2000


class TextMirror(QObject):
    """Follows one QTextDocument and keeps its blocks' text."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.document = document
        self.blocks: list[str] = []
        self._length = 0  # characters, with one "\n" between blocks
        self.rebuilds = 0
        self.rebuild()
        document.contentsChange.connect(self._on_change)

    def rebuild(self) -> None:
        """Read every block again (after a missed change, or at the start).

        The raw text, like ``block.text()``: ``toPlainText()`` would turn
        non-breaking spaces into spaces and U+2028 into line breaks.
        """
        self.blocks = self.document.toRawText().split("\u2029")
        self._length = sum(map(len, self.blocks)) + len(self.blocks) - 1
        self.rebuilds += 1

    def _on_change(self, position: int, removed: int, added: int) -> None:
        """Replace the blocks an edit touched with the document's new ones."""
        document = self.document
        first = document.findBlock(position)
        if not first.isValid():
            self.rebuild()
            return
        start = first.blockNumber()
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        end = last.blockNumber()
        grown = document.blockCount() - len(self.blocks)
        old_end = end - grown
        if old_end < start or old_end >= len(self.blocks) or end - start > _REREAD_BLOCKS:
            self.rebuild()  # out of step, or so much changed that one copy is faster
            return
        fresh = []
        block = first
        while block.isValid() and block.blockNumber() <= end:
            fresh.append(block.text())
            block = block.next()
        old = self.blocks[start : old_end + 1]
        self.blocks[start : old_end + 1] = fresh
        self._length += sum(map(len, fresh)) - sum(map(len, old)) + len(fresh) - len(old)

    def lines(self) -> list[str]:
        """Return a copy of the blocks' text (join with "\\n" for the document's text)."""
        document = self.document
        if (
            self._length != document.characterCount() - 1
            or len(self.blocks) != document.blockCount()
        ):
            log.warning("text mirror out of step with its document; reading it again")
            self.rebuild()
        return list(self.blocks)

    def text(self) -> str:
        """Return the whole text (a join: cheap off the GUI thread, fine for small documents)."""
        return "\n".join(self.lines())
