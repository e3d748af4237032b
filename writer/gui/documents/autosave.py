"""Autosave and crash recovery.

Unsaved work (new documents too) is copied to the recovery folder a couple of
seconds after typing pauses, at the latest :data:`MAX_WAIT_MS` after the first
unsaved change however steadily the writer types, and every two seconds while
the model streams into it, on a worker thread (the text comes from the
editor's text mirror, so even a novel's copy never stalls the window). A copy
remembers the file's state on disk it was based on, so saving a restored copy
over a file another program changed asks first. Saving a document or closing
it cleanly removes its copy; after a crash or ``kill -9`` the next start offers
to restore what is left.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from writer.config import Key, SettingsChange, SettingsGroup, get_setting
from writer.core.document import DocumentState
from writer.core.document_io import FileStamp
from writer.core.recovery import RecoveryEntry, RecoveryStore, written_by_live_writer
from writer.gui.background import Worker
from writer.gui.documents.recovery_dialog import RecoveryDialog

if TYPE_CHECKING:
    from pathlib import Path

    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)

STREAM_SAVE_MS = 2000
#: The longest unsaved typing goes without a copy, pause or not.
MAX_WAIT_MS = 5000


class Autosave(QObject):
    """Keeps recovery copies of every modified document."""

    autosaved = Signal(str)  # doc_id
    #: The writer discarded a crash's recovery copy in the recovery offer.
    recoveryDiscarded = Signal(str)  # doc_id

    def __init__(self, window: Host, store: RecoveryStore | None = None) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.store = store or RecoveryStore()
        self._timers: dict[str, QTimer] = {}
        self._deadlines: dict[str, QTimer] = {}
        self._failed_once = False
        self.dialog: RecoveryDialog | None = None
        self.worker = Worker(self)  # one thread: copies are written in the order they were taken
        self._stream_timer = QTimer(self)
        self._stream_timer.setInterval(STREAM_SAVE_MS)
        self._stream_timer.timeout.connect(self._save_streaming)
        window.signals.editorCreated.connect(self._watch)
        window.signals.editorClosed.connect(self._forget)
        window.signals.closing.connect(self._clean_close)
        window.signals.documentSaved.connect(lambda editor: self.store.discard(editor.state.doc_id))
        window.signals.settingsChanged.connect(self._on_settings_changed)
        window.engine.busyChanged.connect(self._on_busy)
        window.stream.finished.connect(lambda *_: self._save_streamed())
        window.stream.failed.connect(lambda *_: self._save_streamed())

    def _interval_ms(self) -> int:
        """Return the pause after typing before a copy is written."""
        return max(1, int(get_setting(Key.AUTOSAVE_SECONDS))) * 1000

    def _watch(self, editor: Editor) -> None:
        """Copy ``editor``'s document after a pause in typing, or at the deadline."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self._interval_ms())
        deadline = QTimer(self)
        deadline.setSingleShot(True)
        deadline.setInterval(self._deadline_ms(timer.interval()))
        for each in (timer, deadline):
            each.timeout.connect(lambda: self._copy_now(editor))
        self._timers[editor.state.doc_id] = timer
        self._deadlines[editor.state.doc_id] = deadline

        def changed() -> None:
            if editor.is_streaming:
                return
            timer.start()  # restarts on every key: waits for a pause ...
            if not deadline.isActive():
                deadline.start()  # ... but never longer than the deadline

        editor.textChanged.connect(changed)

    @staticmethod
    def _deadline_ms(interval_ms: int) -> int:
        """Return the longest wait for a copy while typing goes on (never over MAX_WAIT_MS)."""
        return min(MAX_WAIT_MS, 2 * interval_ms)

    def _copy_now(self, editor: Editor) -> None:
        """Write the copy and stop both of ``editor``'s timers."""
        for timers in (self._timers, self._deadlines):
            timer = timers.get(editor.state.doc_id)
            if timer is not None:
                timer.stop()
        self.save(editor)

    def _forget(self, editor: Editor) -> None:
        """The user closed ``editor`` (saved or discarded): drop its copy."""
        for timers in (self._timers, self._deadlines):
            timer = timers.pop(editor.state.doc_id, None)
            if timer is not None:
                timer.stop()
        self.store.discard(editor.state.doc_id)

    def _on_settings_changed(self, changed: SettingsChange) -> None:
        """Follow a new autosave pause (one of the editor settings)."""
        if SettingsGroup.EDITOR in changed:
            self.set_interval(int(get_setting(Key.AUTOSAVE_SECONDS)))

    def set_interval(self, seconds: int) -> None:
        """Apply a new autosave pause after typing, in seconds."""
        for timer in self._timers.values():
            timer.setInterval(max(1, seconds) * 1000)
        for timer in self._deadlines.values():
            timer.setInterval(self._deadline_ms(max(1, seconds) * 1000))

    def save(self, editor: Editor) -> bool:
        """Start writing ``editor``'s recovery copy (or drop it if nothing is unsaved).

        The text is taken from the editor's text mirror (a copy of a short list, not of
        the document) and escaped, encoded and written on the worker thread, so a
        novel's copy never stalls the window; ``autosaved`` says when it is on disk.
        Returns whether a copy is on its way.
        """
        state = editor.state
        if not editor.document().isModified():
            self.store.discard(state.doc_id)
            return False
        meta = {
            "title": state.title,
            "original_path": str(state.path) if state.path else None,
            "encoding": state.encoding,
            "newline": state.newline,
            "bom": state.bom,
            "notes": state.notes,
            "cursor": editor.textCursor().position(),
            "pid": os.getpid(),
            "line_ends": {str(line): end for line, end in editor.line_ends().items()},
            "stamp": dataclasses.asdict(state.stamp) if state.stamp is not None else None,
        }
        text = editor.exact_text()  # a line's own U+2029 break is kept
        doc_id, store = state.doc_id, self.store
        generation = store.generation(doc_id)
        self.worker.start(
            lambda: store.save(doc_id, text, meta, generation=generation),
            lambda written: self._on_saved(doc_id, written),
            self._on_failed,
        )
        return True

    def _on_saved(self, doc_id: str, written: bool) -> None:
        """Announce a copy that reached the disk."""
        if written:
            self.autosaved.emit(doc_id)

    def _on_failed(self, message: str) -> None:
        """Say once per session that copies cannot be written."""
        if not self._failed_once:
            self._failed_once = True
            self.window.status.showMessage(self.tr("Autosave failed: {0}").format(message), 15000)

    def _on_busy(self, busy: bool) -> None:
        """Copy the streamed-into document regularly while the model writes."""
        if busy:
            self._stream_timer.start()
        else:
            self._stream_timer.stop()

    def _save_streaming(self) -> None:
        """Copy the document the model is writing into."""
        editor = self.window.stream.editor
        if editor is not None:
            self.save(editor)

    def _save_streamed(self) -> None:
        """Copy the document the stream just finished in."""
        for editor in self.window.editors():
            if editor.document().isModified():
                timer = self._timers.get(editor.state.doc_id)
                if timer is not None:
                    timer.start()

    def _clean_close(self) -> None:
        """The window closes cleanly: remove this window's copies."""
        for editor in self.window.editors():
            self._forget(editor)

    # -- recovery --------------------------------------------------------------------------

    def pending(self) -> list[RecoveryEntry]:
        """Return recovery copies left by a crash: not open here, not kept by a running Writer."""
        open_ids = {editor.state.doc_id for editor in self.window.editors()}
        return [
            entry
            for entry in self.store.entries()
            if entry.doc_id not in open_ids
            and not written_by_live_writer(entry.meta.get("pid"), entry.meta.get("started"))
        ]

    def offer_recovery(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> RecoveryDialog | None:
        """Show the recovery offer if copies were left by a crash; return the dialog."""
        entries = self.pending()
        if not entries:
            return None
        self.dialog = RecoveryDialog(
            self.store, entries, self.window.parent_widget(), modality=modality
        )
        self.dialog.restoreRequested.connect(self.restore)
        self.dialog.discarded.connect(self.recoveryDiscarded)
        self.dialog.show()
        return self.dialog

    def restore(self, entry: RecoveryEntry) -> Editor:
        """Open a recovered document in a new tab, marked as unsaved."""
        meta = entry.meta
        state = DocumentState(
            path=entry.original_path,
            encoding=str(meta.get("encoding") or "utf-8"),
            newline=str(meta.get("newline") or "\n"),
            bom=bool(meta.get("bom")),
            notes=str(meta.get("notes") or ""),
            doc_id=entry.doc_id,
            stamp=_stamp_of(meta.get("stamp"), entry.original_path),
            line_ends=_line_ends_of(meta.get("line_ends")),
        )
        editor = self.window.new_document(entry.text, state)
        editor.document().setModified(True)
        cursor = editor.textCursor()
        cursor.setPosition(min(int(meta.get("cursor") or 0), len(entry.text)))
        editor.setTextCursor(cursor)
        return editor


def _stamp_of(value: object, path: Path | None) -> FileStamp | None:
    """Return the file stamp a copy was based on.

    A copy of a file that does not say (an older copy) gets a stamp no file
    matches, so Save asks before overwriting it.
    """
    if isinstance(value, dict):
        try:
            return FileStamp(int(value["size"]), int(value["mtime_ns"]), str(value["digest"]))
        except (KeyError, TypeError, ValueError):
            pass
    return FileStamp(-1, -1, "") if path is not None else None


def _line_ends_of(value: object) -> dict[int, str]:
    """Return the kept line endings a copy recorded."""
    if not isinstance(value, dict):
        return {}
    ends = {}
    for line, end in value.items():
        if str(line).isdigit() and end in ("\r\n", "\n", "\r"):
            ends[int(line)] = end
    return ends
