"""Text held back while it may be the start of a stop string. Plain Python, no Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


class StopStringFilter:
    """Holds back text that may be the start of a stop string."""

    def __init__(self, stop_strings: Sequence[str]) -> None:
        self.stops = [s for s in stop_strings if s]
        self.pending = ""

    def feed(self, piece: str) -> tuple[str, bool]:
        """Add ``piece``; return (text safe to emit, whether a stop string was hit)."""
        if not self.stops:
            return piece, False
        self.pending += piece
        for stop in self.stops:
            index = self.pending.find(stop)
            if index >= 0:
                emit = self.pending[:index]
                self.pending = ""
                return emit, True
        keep = 0
        for stop in self.stops:
            for size in range(min(len(stop) - 1, len(self.pending)), 0, -1):
                if self.pending.endswith(stop[:size]):
                    keep = max(keep, size)
                    break
        emit = self.pending[: len(self.pending) - keep]
        self.pending = self.pending[len(self.pending) - keep :]
        return emit, False

    def flush(self) -> str:
        """Return what is still held back."""
        text, self.pending = self.pending, ""
        return text
