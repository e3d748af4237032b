"""Reopening the documents that were open when Writer was last closed.

The saved documents' files are remembered in tab order with the one shown,
each with its cursor, scroll position and encoding (``ui/open_documents``),
when the window closes and whenever a document is opened, saved, closed or
shown, so a crash does not lose the list. The next window reopens them unless
the writer turned it off (``ui/reopen_documents``, in Settings). A file that
was moved or deleted is skipped with a note in the status bar, never a dialog,
and one that cannot be read does not stop the others. A file with a recovery
copy left by a crash is not reopened: the recovery offer brings back its
unsaved text instead, and if the writer discards that copy the file is
reopened as it is on disk.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from writer.config import Key, get_setting, set_setting
from writer.core.session import OpenDocument, Session
from writer.errors import DocumentError

if TYPE_CHECKING:
    from pathlib import Path

    from writer.gui.documents.autosave import Autosave
    from writer.gui.documents.files import DocumentFiles
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)
#: How long the note about files not reopened stays in the status bar.
NOTE_MS = 15_000


class DocumentSession(QObject):
    """Remembers the open files at close and reopens them at the next start."""

    def __init__(self, window: Host, files: DocumentFiles, autosave: Autosave) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.files = files
        self.autosave = autosave
        #: Files not reopened because a crash left a recovery copy of them, by the copy's id.
        self._held: dict[str, OpenDocument] = {}
        #: Keeps the session up to date while Writer runs, so a crash does not lose it.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.remember)
        signals = window.signals
        for signal in (
            signals.editorCreated,
            signals.editorClosed,
            signals.currentEditorChanged,
            signals.documentSaved,
            signals.documentStateChanged,
        ):
            signal.connect(lambda *_args: self._later.start())
        signals.closing.connect(self.remember)
        autosave.recoveryDiscarded.connect(self._reopen_held)

    def remember(self) -> None:
        """Keep the saved documents open now, in tab order, with the one shown."""
        if not get_setting(Key.REOPEN_DOCUMENTS):
            set_setting(Key.OPEN_DOCUMENTS, "")
            return
        self._later.stop()
        documents: list[OpenDocument] = []
        current = -1
        shown = self.window.current_editor()
        for editor in self.window.editors():
            state = editor.state
            if state.path is None:
                continue
            if editor is shown:
                current = len(documents)
            documents.append(
                OpenDocument(
                    state.path.absolute(),
                    cursor=editor.textCursor().position(),
                    scroll=editor.verticalScrollBar().value(),
                    encoding=state.encoding,
                )
            )
        # Files still waiting for the recovery offer stay in the session.
        open_now = {_key(document.path) for document in documents}
        documents += [d for d in self._held.values() if _key(d.path) not in open_now]
        set_setting(Key.OPEN_DOCUMENTS, Session(documents, current).to_json())

    def restore(self) -> list[Editor]:
        """Reopen the last session's documents (if the setting says so); return their editors."""
        if not get_setting(Key.REOPEN_DOCUMENTS):
            return []
        session = Session.from_json(get_setting(Key.OPEN_DOCUMENTS, ""))
        recovering = {
            _key(entry.original_path): entry.doc_id
            for entry in self.autosave.pending()
            if entry.original_path is not None
        }
        opened: list[Editor] = []
        missing: list[str] = []
        failed: list[str] = []
        shown: Editor | None = None
        for index, document in enumerate(session.documents):
            doc_id = recovering.get(_key(document.path))
            if doc_id is not None:
                self._held[doc_id] = document
                continue
            editor = self._reopen(document, missing, failed)
            if editor is None:
                continue
            opened.append(editor)
            if index == session.current:
                shown = editor
        if shown is not None:
            self.window.show_editor(shown)
        self._note(missing, failed)
        return opened

    def _reopen(
        self, document: OpenDocument, missing: list[str], failed: list[str]
    ) -> Editor | None:
        """Open one document of the session where the writer left it; None if it cannot be."""
        path = document.path
        try:
            if not path.is_file():
                missing.append(path.name)
                return None
            editor = self.files.open_quietly(path, document.encoding)
        except (DocumentError, OSError, ValueError) as error:
            log.warning("Not reopened: %s: %s", path, error)
            failed.append(path.name)
            return None
        _place(editor, document)
        return editor

    def _reopen_held(self, doc_id: str) -> None:
        """The writer discarded a crash copy: reopen its file as it is on disk."""
        document = self._held.pop(doc_id, None)
        if document is None:
            return
        missing: list[str] = []
        failed: list[str] = []
        if self._reopen(document, missing, failed) is None:
            self._note(missing, failed)

    def _note(self, missing: list[str], failed: list[str]) -> None:
        """Say in the status bar which files were not reopened."""
        parts = []
        if missing:
            parts.append(self.tr("Not reopened (moved or deleted): {0}").format(", ".join(missing)))
        if failed:
            parts.append(self.tr("Could not reopen: {0}").format(", ".join(failed)))
        if parts:
            self.window.status.showMessage(" · ".join(parts), NOTE_MS)


def _key(path: Path) -> str:
    """Return a comparable form of ``path``."""
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def _place(editor: Editor, document: OpenDocument) -> None:
    """Put ``editor``'s cursor and scroll position where they were."""
    cursor = editor.textCursor()
    cursor.setPosition(min(document.cursor, editor.document().characterCount() - 1))
    editor.setTextCursor(cursor)
    bar = editor.verticalScrollBar()
    if document.scroll <= bar.maximum():
        bar.setValue(document.scroll)
        return

    # Not laid out yet: scroll once the layout makes room, unless the writer moves first.
    def scroll(_low: int, high: int) -> None:
        bar.setValue(min(document.scroll, high))
        if high >= document.scroll:
            stop()

    def stop() -> None:
        for signal, slot in ((bar.rangeChanged, scroll), (editor.cursorPositionChanged, stop)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    bar.rangeChanged.connect(scroll)
    editor.cursorPositionChanged.connect(stop)
