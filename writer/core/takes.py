"""Every retry kept: the takes of each generated passage of a document.

Plain Python, no Qt. A :class:`Passage` is a stretch of the document that the
model wrote, with every take of it (earlier Regenerate results, candidates not
chosen) and which one is shown. :class:`TakeHistory` follows the document's
edits: an edit before a passage moves it, an edit inside it drops its history
(the text stays as it is), and an undo that brings back another take is
recognised as that take. The history is stored in the document's sidecar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Takes kept per passage; the oldest go first.
MAX_TAKES = 20
#: Passages with a history kept per document; the oldest go first.
MAX_PASSAGES = 50

#: Returns the document's text between two positions.
TextAt = Callable[[int, int], str]


def units(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units: positions count these, as in Qt."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Passage:
    """A generated stretch of text at ``start`` and all its takes."""

    start: int
    takes: list[str] = field(default_factory=list)
    current: int = 0

    @property
    def text(self) -> str:
        """Return the take shown in the document."""
        return self.takes[self.current]

    @property
    def end(self) -> int:
        """Return the position after the passage."""
        return self.start + units(self.text)

    def label(self) -> str:
        """Return "‹ 2/5 ›": the take shown and how many there are."""
        return f"‹ {self.current + 1}/{len(self.takes)} ›"

    def to_json(self) -> dict[str, Any]:
        """Return the passage as sidecar data."""
        return {"start": self.start, "takes": list(self.takes), "current": self.current}

    @classmethod
    def from_json(cls, data: Any) -> Passage | None:
        """Return the passage stored in ``data``, or None when it is malformed."""
        if not isinstance(data, dict):
            return None
        takes, start, current = data.get("takes"), data.get("start"), data.get("current", 0)
        if not isinstance(takes, list) or not takes or not all(isinstance(t, str) for t in takes):
            return None
        if not isinstance(start, int) or not isinstance(current, int) or start < 0:
            return None
        if not 0 <= current < len(takes):
            return None
        return cls(start, list(takes), current)


class TakeHistory:
    """The passages of one document that have takes, kept in step with its edits."""

    def __init__(self) -> None:
        self.passages: list[Passage] = []

    def add_passage(self, start: int, takes: list[str], current: int = 0) -> Passage:
        """Record a new passage at ``start`` (replacing any it overlaps)."""
        passage = Passage(start, list(takes)[-MAX_TAKES:], 0)
        passage.current = min(max(0, current), len(passage.takes) - 1)
        self.passages = [p for p in self.passages if p.end <= start or p.start >= passage.end]
        self.passages.append(passage)
        self.passages.sort(key=lambda p: p.start)
        del self.passages[: max(0, len(self.passages) - MAX_PASSAGES)]
        return passage

    def add_take(self, passage: Passage, text: str) -> None:
        """Add ``text`` as the newest take of ``passage`` and show it."""
        passage.takes.append(text)
        del passage.takes[: max(0, len(passage.takes) - MAX_TAKES)]
        passage.current = len(passage.takes) - 1

    def starting_at(self, start: int) -> Passage | None:
        """Return the passage that starts at ``start``."""
        return next((p for p in self.passages if p.start == start), None)

    def at(self, position: int) -> Passage | None:
        """Return the passage that holds ``position`` (its end included)."""
        return next((p for p in self.passages if p.start <= position <= p.end), None)

    def drop(self, passage: Passage) -> None:
        """Forget ``passage``'s history (its text stays in the document)."""
        if passage in self.passages:
            self.passages.remove(passage)

    def neighbour(self, passage: Passage, step: int) -> str | None:
        """Return the take ``step`` away from the one shown, or None at either end."""
        index = passage.current + step
        return passage.takes[index] if 0 <= index < len(passage.takes) else None

    def edited(self, position: int, removed: int, added: int, text_at: TextAt) -> None:
        """Follow an edit of the document: move, recognise or drop the passages it touches.

        ``text_at`` reads the document after the edit. An edit reported over a
        passage that left one of its takes in place (a format change, an undo
        of a swap) keeps the passage, with that take shown.
        """
        delta = added - removed
        kept: list[Passage] = []
        for passage in self.passages:
            if position + removed <= passage.start:  # before the passage (or at its start)
                passage.start += delta
                kept.append(passage)
            elif position >= passage.end or self._recognise(  # after it, or a take is in place
                passage, (passage.start, passage.start + delta), text_at
            ):
                kept.append(passage)
        self.passages = kept

    @staticmethod
    def _recognise(passage: Passage, starts: tuple[int, ...], text_at: TextAt) -> bool:
        """Return whether a take of ``passage`` is in the document at one of ``starts``."""
        for start in dict.fromkeys(starts):
            if start < 0:
                continue
            others = [i for i in range(len(passage.takes)) if i != passage.current]
            order = [passage.current, *others]
            for index in order:
                take = passage.takes[index]
                if take and text_at(start, start + units(take)) == take:
                    passage.start, passage.current = start, index
                    return True
        return False

    def validate(self, text_at: TextAt) -> None:
        """Drop passages whose shown take is no longer in the document where it was."""
        self.passages = [p for p in self.passages if text_at(p.start, p.end) == p.text]

    def to_json(self) -> list[dict[str, Any]]:
        """Return the passages with more than one take, as sidecar data."""
        return [p.to_json() for p in self.passages if len(p.takes) > 1]

    @classmethod
    def from_json(cls, data: Any, text_at: TextAt) -> TakeHistory:
        """Return the history stored in ``data``, keeping only passages still in the document."""
        history = cls()
        if isinstance(data, list):
            for item in data:
                passage = Passage.from_json(item)
                if passage is not None and text_at(passage.start, passage.end) == passage.text:
                    history.passages.append(passage)
        history.passages.sort(key=lambda p: p.start)
        return history
