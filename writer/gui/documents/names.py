"""Names of documents without a file: "Untitled", "Untitled 2", … or their first heading.

Each new document gets the lowest number no open untitled document holds;
while it has no file, its tab is named after its first heading as soon as it
has one (typed, written by a template or restored after a crash). Only an edit
at or before the end of the first heading is looked at again, so typing at the
end of a long document costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from writer.core.document import SCRIPT_FORMS
from writer.core.document_names import HEAD_CHARS, find_first_heading, next_untitled_number

if TYPE_CHECKING:
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor


class DocumentNames(QObject):
    """Numbers untitled documents and names them after their first heading."""

    #: An untitled document's name changed (its first heading); the window shows it.
    renamed = Signal(object)  # Editor

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        #: Per document: the offset past which an edit cannot change its first heading.
        self._reach: dict[str, int] = {}
        window.signals.editorCreated.connect(self._name_new)
        window.signals.editorClosed.connect(lambda editor: self._reach.pop(editor.state.doc_id, 0))

    def _name_new(self, editor: Editor) -> None:
        """Number a new untitled document, name it from its heading and follow its edits."""
        state = editor.state
        if state.path is None and not state.untitled_number:
            state.untitled_number = next_untitled_number(
                other.state.untitled_number
                for other in self.window.editors()
                if other is not editor and other.state.path is None
            )
        self._rename(editor, quiet=True)
        editor.document().contentsChange.connect(
            lambda position, _removed, _added: self._on_change(editor, position)
        )

    def _on_change(self, editor: Editor, position: int) -> None:
        """Look for a new first heading if the edit may have changed it."""
        if editor.state.path is None and position <= self._reach.get(editor.state.doc_id, 0):
            self._rename(editor)

    def _rename(self, editor: Editor, *, quiet: bool = False) -> None:
        """Name ``editor``'s document after its first heading (none: its number)."""
        state = editor.state
        if state.path is not None:
            return
        head = editor.text_range(0, min(HEAD_CHARS, editor.document().characterCount() - 1))
        heading, reach = find_first_heading(head, screenplay=state.form in SCRIPT_FORMS)
        self._reach[state.doc_id] = reach
        if heading != state.heading:
            state.heading = heading
            if not quiet:
                self.renamed.emit(editor)
