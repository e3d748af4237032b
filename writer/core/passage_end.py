"""Ending a continuation cleanly: finish the sentence or line instead of cutting a word.

Continue writes about the length the writer chose; past it, a small allowance
of tokens lets the model finish its sentence (or line). :class:`PassageEnd`
sits between the model's pieces and the document: before the length it
passes text through; within the allowance it passes whole words only and
says "done" at the first sentence end or line break; when the allowance runs
out, the passage ends after its last whole word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

#: A sentence end (with its closing quotes or brackets) followed by a space, or a line break.
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]»]*(?=\s)|[。！？；][”’」』）》]*(?=[^”’」』）》])|(?=\n)")
#: What ends a text and may be the start of something longer: a word being written
#: (Latin letters, digits ...), or a sentence end whose next character is not known yet.
_OPEN_END = re.compile(
    r"(?:[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|['’-])+$|"
    r"[.!?…。！？；][\"'”’)\]»」』）》]*$"
)
_SENTENCE_END = re.compile(r"[.!?…。！？；][\"'”’)\]»」』）》]*")


def allowance_for(length: int) -> int:
    """Return the tokens allowed past ``length`` to finish a sentence (16 to 64)."""
    return min(64, max(16, length // 4))


def ends_cleanly(text: str) -> bool:
    """Return whether ``text`` ends at a sentence end or a line break."""
    stripped = text.rstrip(" \t")
    if not stripped or stripped.endswith("\n"):
        return True
    return bool(re.search(r"[.!?…。！？；][\"'”’)\]»」』）》]*$", stripped))


class PassageEnd:
    """Forwards a continuation's pieces and finds where it can end past ``length`` tokens."""

    def __init__(self, on_text: Callable[[str], None], length: int) -> None:
        self._on_text = on_text
        self._length = length
        self._count = 0
        self._held = ""  # text within the allowance not yet forwarded
        self._tail = ""  # the last characters forwarded
        self.done = False  # the passage ended cleanly within the allowance

    def feed(self, piece: str) -> bool:
        """Take one piece (about one token); return True when the passage is complete."""
        if self.done:
            return True
        self._count += 1
        if self._count <= self._length:
            self._forward(piece)
            if self._count == self._length and ends_cleanly(self._tail):
                self.done = True
            return self.done
        text = self._held + piece
        match = _BOUNDARY.search(text)
        if match is not None:  # through the sentence's end, or up to the line break
            self._held = ""
            self._forward(text[: match.end()])
            self.done = True
            return True
        open_end = _OPEN_END.search(text)
        cut = open_end.start() if open_end else len(text)
        self._forward(text[:cut])
        self._held = text[cut:]
        return False

    def finish(self, *, model_ended: bool) -> None:
        """Forward what is held if the model ended or it ends a sentence; drop a cut word."""
        if model_ended or _SENTENCE_END.fullmatch(self._held):
            self._forward(self._held)
        self._held = ""

    def _forward(self, text: str) -> None:
        if text:
            self._on_text(text)
            self._tail = (self._tail + text)[-8:]
