"""One document's takes and recorded alternatives, kept in step with its editor.

:class:`DocumentTakes` wraps a :class:`~writer.core.takes.TakeHistory` for one
editor: it follows the editor's edits (an edit inside a passage drops its
history, the feature's own swaps do not), swaps takes as one undo step, and
stores the history in the document's sidecar. The alternatives recorded for a
take (top tokens per generated token) live here too, in memory only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer.core.alternatives import TokenSpan, TokenStep, token_spans
from writer.core.sidecar import load_sidecar, update_sidecar
from writer.core.takes import Passage, TakeHistory, units

if TYPE_CHECKING:
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)

#: The sidecar key of the takes.
SIDECAR_KEY = "takes"


@dataclass
class Recorded:
    """The alternatives recorded while one take was written."""

    steps: list[TokenStep]
    skip: int  # characters of leading space the editor already had
    prompt: list[int]  # the tokens evaluated before the first step

    def spans(self) -> list[TokenSpan]:
        """Return the take's whole-character spans, in characters of the take."""
        return token_spans(self.steps, skip=self.skip)


class DocumentTakes:
    """The takes of one editor's passages, and the alternatives of the takes."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.history = TakeHistory()
        self.recorded: dict[tuple[int, int], Recorded] = {}  # (id(passage), take index)
        self.removed: Passage | None = None  # the passage the last edit removed whole
        self._own_edit = False
        editor.document().contentsChange.connect(self._on_change)
        self.load()

    # -- the document -------------------------------------------------------------

    def text_at(self, start: int, end: int) -> str:
        """Return the editor's text between two positions."""
        end = min(end, self.editor.document().characterCount() - 1)
        return self.editor.text_range(start, end) if end > start else ""

    def _on_change(self, position: int, removed: int, added: int) -> None:
        """Follow the writer's edits (and Regenerate's removal of a passage)."""
        if self._own_edit:
            return
        before = list(self.history.passages)
        self.history.edited(position, removed, added, self.text_at)
        gone = [p for p in before if p not in self.history.passages]
        self.removed = None
        for passage in gone:
            if position == passage.start and removed >= units(passage.text) and added == 0:
                self.removed = passage  # Regenerate took it out to write a new take
        for passage in gone:
            if passage is not self.removed:
                self.forget(passage)

    def forget(self, passage: Passage) -> None:
        """Drop the recorded alternatives of ``passage``."""
        for key in [k for k in self.recorded if k[0] == id(passage)]:
            del self.recorded[key]

    # -- takes ----------------------------------------------------------------------

    def passage_at_cursor(self) -> Passage | None:
        """Return the passage that holds the editor's cursor."""
        return self.history.at(self.editor.textCursor().position())

    def add_passage(self, start: int, takes: list[str], current: int) -> Passage:
        """Record a passage that was just written at ``start``."""
        before = list(self.history.passages)
        passage = self.history.add_passage(start, takes, current)
        for old in before:
            if old not in self.history.passages:
                self.forget(old)
        return passage

    def revive(self, passage: Passage, new_take: str) -> Passage:
        """Bring back ``passage`` (removed to be rewritten) with ``new_take`` shown."""
        records = {k[1]: v for k, v in self.recorded.items() if k[0] == id(passage)}
        fresh = self.history.add_passage(passage.start, [*passage.takes, new_take], 0)
        fresh.current = len(fresh.takes) - 1
        self.forget(passage)
        offset = len(passage.takes) - len(fresh.takes) + 1  # takes cut by MAX_TAKES
        for index, record in records.items():
            if index - offset >= 0:
                self.recorded[(id(fresh), index - offset)] = record
        self.removed = None
        return fresh

    def record(self, passage: Passage, take: int, recorded: Recorded) -> None:
        """Keep the alternatives recorded while take ``take`` of ``passage`` was written."""
        self.recorded[(id(passage), take)] = recorded

    def recorded_for(self, passage: Passage) -> Recorded | None:
        """Return the alternatives of the take shown in ``passage``."""
        return self.recorded.get((id(passage), passage.current))

    def swap(self, passage: Passage, step: int) -> bool:
        """Show the take ``step`` away from the current one, as one undo step."""
        text = self.history.neighbour(passage, step)
        if text is None:
            return False
        self._own_edit = True
        try:
            self.editor.replace_passage(passage.start, passage.start + units(passage.text), text)
        finally:
            self._own_edit = False
        passage.current += step
        return True

    # -- the sidecar --------------------------------------------------------------------

    def load(self) -> None:
        """Read the document's takes from its sidecar, keeping those still in the text."""
        path = self.editor.state.path
        if path is None:
            return
        self.history = TakeHistory.from_json(load_sidecar(path).get(SIDECAR_KEY), self.text_at)

    def save(self) -> None:
        """Write the takes to the document's sidecar (after the document was saved)."""
        path = self.editor.state.path
        if path is None:
            return
        try:
            update_sidecar(path, **{SIDECAR_KEY: self.history.to_json() or None})
        except OSError as error:
            log.warning("could not save the takes of %s: %s", path, error)
