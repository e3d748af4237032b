"""A copy of a document's text as lines in chunks, cheap to take and safe on any thread.

The GUI keeps each document's text as chunks of lines (lists that are never
changed once made, see ``writer.gui.widgets.text_mirror``). Taking a
:class:`TextCopy` copies only the list of chunks, not the text, so the GUI
thread hands a whole novel to a worker in microseconds; the worker joins,
encodes and writes it piece by piece (:func:`text_pieces`), never holding
Python's lock for long.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: Text is handed out in pieces of about this many characters (a few hundred kilobytes).
PIECE_CHARS = 256 * 1024
#: Lines given as a plain list are joined this many at a time.
PIECE_LINES = 2000

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units (Qt's text positions)."""
    return len(text) + (len(_ASTRAL.findall(text)) if not text.isascii() else 0)


@dataclass(frozen=True)
class TextCopy:
    """A document's text at one moment: its lines, in chunks that nobody changes.

    ``revision`` tells two copies of the same document apart: it grows with every
    change of the text. ``units`` is the text's length in UTF-16 code units.
    """

    chunks: tuple[Sequence[str], ...]
    revision: int = 0
    units: int = 0

    @classmethod
    def of(cls, text: str) -> TextCopy:
        """Return a copy of ``text`` (for tests and small texts)."""
        lines = text.split("\n")
        chunks = tuple(lines[i : i + PIECE_LINES] for i in range(0, len(lines), PIECE_LINES))
        return cls(chunks, 0, utf16_length(text))

    @property
    def line_count(self) -> int:
        """Return the number of lines (blocks)."""
        return sum(map(len, self.chunks))

    def lines(self) -> list[str]:
        """Return the lines in one list (joined with "\\n" they are the text)."""
        return list(itertools.chain.from_iterable(self.chunks))

    def text(self) -> str:
        """Return the whole text."""
        return "".join(self.pieces())

    def pieces(self, size: int = PIECE_CHARS) -> Iterator[str]:
        """Yield the text in pieces of about ``size`` characters; joined, they are the text."""
        last = len(self.chunks) - 1
        for index, chunk in enumerate(self.chunks):
            piece = "\n".join(chunk) + ("\n" if index < last else "")
            if len(piece) <= 2 * size:
                yield piece
            else:
                yield from (piece[i : i + size] for i in range(0, len(piece), size))


def text_pieces(text: str | Sequence[str] | TextCopy, size: int = PIECE_CHARS) -> Iterator[str]:
    """Yield ``text`` (a string, its lines, or a copy) in pieces of a few hundred kilobytes."""
    if isinstance(text, TextCopy):
        yield from text.pieces(size)
    elif isinstance(text, str):
        yield from (text[i : i + size] for i in range(0, len(text), size))
    else:
        last = len(text) - PIECE_LINES
        for i in range(0, len(text), PIECE_LINES):
            yield "\n".join(text[i : i + PIECE_LINES]) + ("\n" if i < last else "")
