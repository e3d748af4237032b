"""A copy of a document's text, kept line by line as it changes, to read without a stall.

``QPlainTextEdit.toPlainText()`` copies the whole document on the GUI thread:
about a tenth of a second for a 10 MB novel, more on a busy machine. A
:class:`TextMirror` follows the document's ``contentsChange`` signal and keeps
the text of every block (paragraph) in chunks of a few hundred lines. A chunk is
never changed once made: an edit puts new chunks in place of the ones it
touched. Taking the text (:meth:`TextMirror.copy`) is then a copy of the short
list of chunks, microseconds even for a novel, and the
:class:`~writer.core.text_copy.TextCopy` it returns can be joined, encoded and
written on a worker thread while the writer goes on typing.

Every copy checks the mirror's size against the document's own counts and
rebuilds it when they disagree, so a missed change can never put wrong text in
a snapshot or a recovery copy.
"""

from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from writer.core.text_copy import TextCopy

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

log = logging.getLogger(__name__)

#: Lines per chunk: an edit copies at most about twice this many references.
CHUNK_LINES = 512
#: Past this many changed blocks, reading the whole text once beats block by block.
_REREAD_BLOCKS = 2000


class TextMirror(QObject):
    """Follows one QTextDocument and keeps its blocks' text, in chunks."""

    def __init__(self, document: QTextDocument, *, chunk_lines: int = CHUNK_LINES) -> None:
        super().__init__(document)
        self.document = document
        self.chunk_lines = max(2, chunk_lines)
        self.revision = 0  # grows whenever the text changes
        self.rebuilds = 0
        self._chunks: list[list[str]] = []
        self._starts: list[int] = []  # the first block number of each chunk
        self._blocks = 0
        self._units = 0  # the document's length as Qt counts it (UTF-16 units, breaks too)
        self.rebuild()
        document.contentsChange.connect(self._on_change)

    def rebuild(self) -> None:
        """Read every block again (after a missed change, or at the start).

        The raw text, like ``block.text()``: ``toPlainText()`` would turn
        non-breaking spaces into spaces and U+2028 into line breaks.
        """
        raw = self.document.toRawText()
        blocks = raw.split("\u2029")
        size = self.chunk_lines
        self._set_chunks([blocks[i : i + size] for i in range(0, len(blocks), size)] or [[""]])
        self._blocks = len(blocks)
        self._units = self.document.characterCount() - 1
        self.revision += 1
        self.rebuilds += 1

    def _set_chunks(self, chunks: list[list[str]]) -> None:
        """Keep ``chunks`` and where each starts."""
        self._chunks = chunks
        starts, at = [], 0
        for chunk in chunks:
            starts.append(at)
            at += len(chunk)
        self._starts = starts

    def _on_change(self, position: int, removed: int, added: int) -> None:
        """Put the document's new text of the blocks an edit touched in place of the old."""
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
        old_end = end - (document.blockCount() - self._blocks)
        if old_end < start or old_end >= self._blocks or end - start > _REREAD_BLOCKS:
            self.rebuild()  # out of step, or so much changed that one copy is faster
            return
        fresh = []
        block = first
        while block.isValid() and block.blockNumber() <= end:
            fresh.append(block.text())
            block = block.next()
        self._units += added - removed
        self._replace(start, old_end, fresh)

    def _replace(self, start: int, old_end: int, fresh: list[str]) -> None:
        """Replace blocks ``start``..``old_end`` with ``fresh``, in new chunks."""
        first = bisect.bisect_right(self._starts, start) - 1
        last = bisect.bisect_right(self._starts, old_end) - 1
        head = self._chunks[first][: start - self._starts[first]]
        tail = self._chunks[last][old_end + 1 - self._starts[last] :]
        old = [
            line
            for index in range(first, last + 1)
            for line in self._chunks[index][
                max(0, start - self._starts[index]) : old_end + 1 - self._starts[index]
            ]
        ]
        if old == fresh:
            return  # a change of formats only (highlighting): the text is the same
        merged = head + fresh + tail
        if len(merged) < self.chunk_lines // 4 and last + 1 < len(self._chunks):
            last += 1  # a small chunk joins the next one, so chunks do not crumble
            merged += self._chunks[last]
        size = self.chunk_lines
        parts = (
            [merged]
            if len(merged) <= 2 * size
            else [merged[i : i + size] for i in range(0, len(merged), size)]
        )
        chunks = self._chunks[:first] + parts + self._chunks[last + 1 :]
        self._set_chunks(chunks)
        self._blocks += len(fresh) - len(old)
        self.revision += 1

    def copy(self) -> TextCopy:
        """Return the text as it is now: a copy of the chunk list, safe to read on any thread."""
        document = self.document
        if self._units != document.characterCount() - 1 or self._blocks != document.blockCount():
            log.warning("text mirror out of step with its document; reading it again")
            self.rebuild()
        return TextCopy(tuple(self._chunks), self.revision, self._units)

    def lines(self) -> list[str]:
        """Return the blocks' text in one list (a copy; join with "\\n" for the text)."""
        return self.copy().lines()

    def text(self) -> str:
        """Return the whole text (a join: cheap off the GUI thread, fine for small documents)."""
        return self.copy().text()
