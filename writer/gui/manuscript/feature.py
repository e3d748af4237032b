"""Snapshots and manuscript export in the window: actions, the panel, automatic snapshots.

Receives the :class:`~writer.gui.host.Host` and reaches the app only through it.
Snapshots are written off the GUI thread: the text comes from each editor's
:class:`~writer.gui.widgets.text_mirror.TextMirror` (a copy of a short list of
chunks, not of the document), and joining, encoding, compressing and writing
happen on the feature's worker. Automatic snapshots
are taken when an editor announces a whole-document operation
(``Editor.aboutToRewrite``: Replace All, Reopen with Encoding, a template
writing into the text) and before the first edit of each day (the document as
last saved). Restore takes a snapshot of the current state first, then changes
only the lines that differ, in one undo step, and puts back the story notes
and the lore kept in the snapshot (``notesRestored``, ``loreRestored``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor

from writer.core.document_context import AUTHORS_NOTE_KEY
from writer.core.document_io import read_document
from writer.core.lore import SIDECAR_KEY as LORE_KEY
from writer.core.sidecar import load_sidecar
from writer.core.text_copy import utf16_length
from writer.errors import ExportError
from writer.gui.background import Worker
from writer.gui.manuscript.diff_view import side_by_side
from writer.gui.manuscript.snapshots_panel import SnapshotsPanel
from writer.gui.messages import messenger
from writer.gui.widgets.display import display_title
from writer.gui.widgets.editor import PARAGRAPH_SEPARATOR, block_marks
from writer.i18n import QT_TRANSLATE_NOOP
from writer.manuscript.chat_export import ChatEntry, chat_to_markdown
from writer.manuscript.export import (
    SUFFIXES,
    ExportOptions,
    default_author,
    export_text,
    is_screenplay,
)
from writer.manuscript.files import write_atomically
from writer.manuscript.snapshots import (
    Listing,
    Snapshot,
    SnapshotInfo,
    SnapshotStore,
    local_now,
    with_line_ends,
)
from writer.manuscript.text_diff import Edit, diff_texts, edits_to

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from writer.core.text_copy import TextCopy
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor
    from writer.gui.widgets.text_mirror import TextMirror

log = logging.getLogger(__name__)

#: File dialog filters of the export formats.
FILTERS = {
    "docx": QT_TRANSLATE_NOOP("ManuscriptFeature", "Word document (*.docx)"),
    "epub": QT_TRANSLATE_NOOP("ManuscriptFeature", "EPUB e-book (*.epub)"),
    "odt": QT_TRANSLATE_NOOP("ManuscriptFeature", "OpenDocument text (*.odt)"),
}
#: A chat source returns the transcript of an editor's conversation.
ChatSource = Callable[["Editor"], list[ChatEntry]]


class ManuscriptFeature(QObject):
    """Take Snapshot, the Snapshots panel, automatic snapshots, DOCX/EPUB/ODT and chat export."""

    snapshotTaken = Signal(object)  # SnapshotInfo, or None when an automatic one was not needed
    snapshotFailed = Signal(str)
    restored = Signal(object)  # Editor
    listed = Signal()  # the panel's list was refreshed
    compared = Signal()  # the panel shows a diff
    exported = Signal(object)  # Path
    exportFailed = Signal(str)
    notesRestored = Signal(object)  # Editor whose story notes a restore brought back
    #: A restore brought back a document's own lore: Editor, list of LoreEntry, author's note.
    loreRestored = Signal(object, object, str)

    def __init__(self, host: Host, *, clock: Callable[[], datetime] = local_now) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.clock = clock
        self.worker = Worker(self)
        self.chat_source: ChatSource | None = None
        self._daily: dict[str, date] = {}
        self._compare_task = 0
        self._list_task = 0
        self.panel = SnapshotsPanel(host.parent_widget())
        host.add_dock(self.panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.panel.hide()
        self._connect()

    def _connect(self) -> None:
        """Wire the actions, the panel and the window's signals."""
        host, panel = self.host, self.panel
        host.action("actionTakeSnapshot").triggered.connect(lambda: self.show_panel(focus=True))
        show = host.action("actionShowSnapshots")
        show.toggled.connect(self._on_show_toggled)
        panel.visibilityChanged.connect(show.setChecked)
        for fmt, name in (
            ("docx", "actionExportDocx"),
            ("epub", "actionExportEpub"),
            ("odt", "actionExportOdt"),
        ):
            host.action(name).triggered.connect(lambda _c=False, f=fmt: self.export_dialog(f))
        host.action("actionExportChat").triggered.connect(lambda: self.export_chat_dialog())
        panel.takeRequested.connect(lambda name: self.take(self.host.current_editor(), name))
        panel.restoreRequested.connect(self.restore)
        panel.compareRequested.connect(self.compare)
        signals = host.signals
        signals.editorCreated.connect(self.watch)
        signals.currentEditorChanged.connect(lambda _e: self.refresh())
        signals.documentSaved.connect(lambda _e: self.refresh())
        signals.documentStateChanged.connect(lambda _e: self.refresh())
        signals.closing.connect(lambda: self.worker.wait())

    # -- editors -------------------------------------------------------------------------

    def watch(self, editor: Editor) -> None:
        """Follow a new editor: its text mirror, whole-document operations, the day's first edit."""
        editor.text_mirror()  # read the text once now, not at the first snapshot
        editor.aboutToRewrite.connect(
            lambda reason, e=editor: self.take(e, auto=True, reason=reason)
        )
        editor.document().contentsChange.connect(
            lambda _at, removed, added, e=editor: self._on_change(e, removed, added)
        )

    @staticmethod
    def mirror(editor: Editor) -> TextMirror:
        """Return ``editor``'s text mirror."""
        return editor.text_mirror()

    def _store(self, editor: Editor) -> SnapshotStore | None:
        """Return the snapshot store of ``editor``'s file (None for an unsaved document)."""
        path = editor.state.path
        return SnapshotStore(path, clock=self.clock) if path is not None else None

    # -- taking ----------------------------------------------------------------------------

    def take(self, editor: Editor, name: str = "", *, auto: bool = False, reason: str = "") -> bool:
        """Snapshot ``editor``'s text now, written off the GUI thread; return whether it started."""
        store = self._store(editor)
        if store is None:
            if not auto:
                messenger.info(
                    self.host.parent_widget(),
                    self.tr("Take Snapshot"),
                    self.tr("Save the document first: its snapshots are kept beside it."),
                )
            return False
        text = editor.exact_text()  # a line's own U+2029 break is kept
        notes = editor.state.notes
        line_ends = editor.line_ends()  # and a line's own ending (CRLF in an LF file)

        def work() -> SnapshotInfo | None:
            sidecar = _sidecar_with_notes(store.document, notes, line_ends)
            return store.take(
                text,
                sidecar,
                name=name,
                auto=auto,
                reason=reason or ("" if auto else "manual"),
                skip_if_unchanged=auto,
            )

        self.worker.start(
            work,
            lambda info: self._on_taken(info, auto),
            lambda message: self._on_take_failed(message, auto),
        )
        return True

    def _on_taken(self, info: SnapshotInfo | None, auto: bool) -> None:
        """Say that a snapshot was taken and list it."""
        if info is not None and not auto:
            self.host.status.showMessage(self.tr("Snapshot taken."), 5000)
        self.refresh()
        self.snapshotTaken.emit(info)

    def _on_take_failed(self, message: str, auto: bool) -> None:
        """Report a snapshot that could not be written."""
        log.warning("snapshot failed: %s", message)
        if auto:
            self.host.status.showMessage(
                self.tr("No automatic snapshot: {0}").format(message), 10000
            )
        else:
            messenger.error(self.host.parent_widget(), self.tr("Cannot take a snapshot"), message)
        self.snapshotFailed.emit(message)

    def _on_change(self, editor: Editor, removed: int, added: int) -> None:
        """Before the first edit of the day, keep the document as last saved.

        A change that removes as many characters as it adds is taken for highlighting
        (which reports its format changes the same way) and skipped.
        """
        if removed == added:
            return
        today = self.clock().date()
        if self._daily.get(editor.state.doc_id) == today:
            return
        self._daily[editor.state.doc_id] = today
        store = self._store(editor)
        if store is None or not store.document.is_file():
            return
        encoding = editor.state.encoding
        now = self.clock()

        def work() -> SnapshotInfo | None:
            if store.has_snapshot_on(now):
                return None
            saved = read_document(store.document, encoding)
            sidecar = with_line_ends(load_sidecar(store.document), saved.line_ends)
            return store.take(
                saved.text, sidecar, auto=True, reason="daily", skip_if_unchanged=True
            )

        self.worker.start(
            work,
            lambda info: self._on_taken(info, True),
            lambda message: self._on_take_failed(message, True),
        )

    # -- the panel -------------------------------------------------------------------------

    def show_panel(self, *, focus: bool = False) -> None:
        """Show the Snapshots panel (with the name field focused for Take Snapshot)."""
        self.panel.show()
        self.panel.raise_()
        self.refresh()
        if focus:
            self.panel.name.setFocus()

    def _on_show_toggled(self, checked: bool) -> None:
        """Show or hide the panel from View > Snapshots."""
        if checked == self.panel.isHidden():
            self.panel.setVisible(checked)
            if checked:
                self.refresh()

    def refresh(self) -> None:
        """List the current document's snapshots in the panel (read off the GUI thread)."""
        if self.panel.isHidden():
            return
        editor = self.host.current_editor()
        store = self._store(editor) if editor is not None else None
        if store is None:
            self.panel.show_snapshots([], [])
            self.panel.set_message(self.tr("Save the document to keep snapshots of it."))
            self.listed.emit()
            return

        def shown(listing: Listing, task: int) -> None:
            if task == self._list_task:
                self.panel.show_snapshots(listing.snapshots, listing.problems)
                self.listed.emit()

        holder: dict[str, int] = {}
        holder["id"] = self._list_task = self.worker.start(
            store.list, lambda listing: shown(listing, holder["id"]), self._on_list_failed
        )

    def _on_list_failed(self, message: str) -> None:
        """Show why the snapshots could not be listed."""
        self.panel.set_message(message)
        self.listed.emit()

    def compare(self, info: SnapshotInfo | None) -> None:
        """Show the chosen snapshot beside the current text."""
        editor = self.host.current_editor()
        store = self._store(editor) if editor is not None else None
        if info is None or store is None:
            self.panel.show_diff("", "")
            return
        text = editor.exact_text()

        def work() -> tuple[str, str]:
            snapshot = store.load(info)
            current = text if isinstance(text, str) else text.text()
            return side_by_side(diff_texts(snapshot.text, current))

        def shown(columns: tuple[str, str], task: int) -> None:
            if task == self._compare_task:
                self.panel.show_diff(*columns)
                self.compared.emit()

        holder: dict[str, int] = {}
        holder["id"] = self._compare_task = self.worker.start(
            work,
            lambda columns: shown(columns, holder["id"]),
            lambda message: self.panel.set_message(message),
        )

    # -- restoring -------------------------------------------------------------------------

    def restore(self, info: SnapshotInfo, editor: Editor | None = None) -> None:
        """Put ``info``'s text, story notes and lore back, after a snapshot of the current state.

        The text changes in one undo step; the notes, the document's own lore and
        its author's note are put back as they were kept in the snapshot.
        """
        editor = editor or self.host.current_editor()
        store = self._store(editor)
        if store is None:
            return
        if editor.is_streaming:
            messenger.error(
                self.host.parent_widget(),
                self.tr("Cannot restore"),
                self.tr("Stop the model's writing first."),
            )
            return
        text = editor.text_mirror().copy()
        exact = editor.exact_text()  # the text itself when a line keeps its own U+2029
        notes = editor.state.notes
        line_ends = editor.line_ends()

        def work() -> tuple[Snapshot, list[Edit], tuple[int, int], dict[int, str]]:
            snapshot = store.load(info)
            lines = text.lines()  # the editor's blocks: a U+2029 break is a line break here
            current = exact if isinstance(exact, str) else "\n".join(lines)
            sidecar = _sidecar_with_notes(store.document, notes, line_ends)
            if current != snapshot.text or _restored_part(sidecar) != _restored_part(
                snapshot.sidecar
            ):
                store.take(exact, sidecar, auto=True, reason="before_restore")
            blocks = snapshot.text.replace(PARAGRAPH_SEPARATOR, "\n")
            size = (utf16_length(blocks), blocks.count("\n") + 1)
            marks = block_marks(snapshot.text, snapshot.line_ends)
            return snapshot, edits_to(lines, blocks), size, marks

        self.worker.start(
            work,
            lambda result: self._apply_restore(editor, text, *result),
            lambda message: messenger.error(
                self.host.parent_widget(), self.tr("Cannot restore"), message
            ),
        )

    def _apply_restore(
        self,
        editor: Editor,
        text: TextCopy,
        snapshot: Snapshot,
        edits: list[Edit],
        size: tuple[int, int],
        marks: dict[int, str],
    ) -> None:
        """Apply the restore's edits as one undo step (unless the text changed meanwhile).

        ``size`` is the snapshot's length in UTF-16 units and its number of lines,
        to check the result without reading the whole text on the GUI thread;
        ``marks`` the lines that end in U+2029 or their own line ending in the snapshot.
        """
        mirror = editor.text_mirror()
        if mirror.revision != text.revision:
            messenger.error(
                self.host.parent_widget(),
                self.tr("Cannot restore"),
                self.tr("The text changed while the snapshot was read; restore it again."),
            )
            return
        document = editor.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for edit in edits:
            cursor.setPosition(edit.start)
            cursor.setPosition(edit.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.text)
        if (document.characterCount() - 1, document.blockCount()) != size:  # never expected
            log.warning("restore by lines missed; replacing the whole text")
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(snapshot.text.replace(PARAGRAPH_SEPARATOR, "\n"))
        editor.mark_line_ends(cursor, marks)
        cursor.endEditBlock()
        if snapshot.notes != editor.state.notes:
            editor.state.notes = snapshot.notes
            self.notesRestored.emit(editor)
        self.loreRestored.emit(editor, snapshot.lore, snapshot.authors_note)
        when = snapshot.info.time.astimezone().strftime("%Y-%m-%d %H:%M")
        self.host.status.showMessage(
            self.tr("Restored the snapshot of {0}; Undo takes it back.").format(when), 8000
        )
        self.refresh()
        self.restored.emit(editor)

    # -- export ----------------------------------------------------------------------------

    def export_dialog(self, fmt: str) -> None:
        """Ask where to export the current document as ``fmt``, then export it."""
        editor = self.host.current_editor()
        suffix = SUFFIXES[fmt]
        base = self.host.export_path(editor, suffix)  # beside the file, else the last folder
        path, _filter = self.host.ask_save_path(self.tr("Export"), base, self.tr(FILTERS[fmt]))
        if path is not None:
            self.export(editor, path if path.suffix else path.with_suffix(suffix), fmt)

    def export(self, editor: Editor, path: Path, fmt: str) -> None:
        """Export ``editor``'s text to ``path`` as ``fmt``, off the GUI thread."""
        text = editor.text_mirror().copy()
        document = editor.state.path
        options = ExportOptions(
            author=default_author(),
            screenplay=is_screenplay(document),
            fallback_title=document.stem if document else display_title(editor.state.title),
        )

        def work() -> Path:
            return export_text(text.text(), path, fmt, options)

        self.host.status.showMessage(self.tr("Exporting {0}…").format(path.name))
        self.worker.start(work, self._on_exported, self._on_export_failed)

    def _on_exported(self, path: Path) -> None:
        """Say where the export went."""
        self.host.status.showMessage(self.tr("Exported {0}").format(path.name), 5000)
        self.exported.emit(path)

    def _on_export_failed(self, message: str) -> None:
        """Report an export that could not be written."""
        self.host.status.clearMessage()
        messenger.error(self.host.parent_widget(), self.tr("Cannot export"), message)
        self.exportFailed.emit(message)

    def export_chat_dialog(self) -> None:
        """Ask where to save the current document's chat as Markdown."""
        editor = self.host.current_editor()
        start = self.host.export_path(editor, ".md")
        path, _filter = self.host.ask_save_path(
            self.tr("Export Chat"),
            start.with_name(self.tr("{0} chat.md").format(start.stem)),
            self.tr("Markdown (*.md)"),
        )
        if path is not None:
            self.export_chat(editor, path)

    def export_chat(self, editor: Editor, path: Path) -> bool:
        """Write ``editor``'s chat transcript to ``path`` as Markdown; return whether it was."""
        entries = self.chat_source(editor) if self.chat_source is not None else []
        if not entries:
            messenger.info(
                self.host.parent_widget(),
                self.tr("Export Chat"),
                self.tr("This document has no chat to export yet."),
            )
            return False
        name = editor.state.path.name if editor.state.path else display_title(editor.state.title)
        text = chat_to_markdown(
            entries,
            title=self.tr("Chat about {0}").format(name),
            labels={
                "user": self.tr("You"),
                "assistant": self.tr("Assistant"),
                "note": self.tr("Note"),
            },
        )
        try:
            write_atomically(path, text.encode("utf-8"), error=ExportError, verb="export")
        except ExportError as error:
            self._on_export_failed(str(error))
            return False
        self._on_exported(path)
        return True


def _sidecar_with_notes(document: Path, notes: str, line_ends: Mapping[int, str]) -> dict[str, Any]:
    """Return the sidecar on disk with the notes and line endings as the editor has them now."""
    sidecar = load_sidecar(document)
    if notes:
        sidecar["notes"] = notes
    else:
        sidecar.pop("notes", None)
    return with_line_ends(sidecar, line_ends)


def _restored_part(sidecar: dict[str, Any]) -> tuple[Any, ...]:
    """Return what a restore puts back from a sidecar: notes, lore, author's note."""
    return tuple(sidecar.get(key) for key in ("notes", LORE_KEY, AUTHORS_NOTE_KEY))
