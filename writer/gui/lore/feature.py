"""Lore, author's note, story so far and the context inspector, for the open documents.

The feature keeps each document's lore in memory (loaded from its sidecar and
its folder's lorebook the first time it is needed), stores every edit at
once, gives Continue the context of a document (:meth:`LoreFeature.context_for`),
makes the story so far while the writer pauses, and shows what the next
Continue sends (``actionShowPrompt`` → ``promptInspector``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from writer.config import Key, get_setting
from writer.core.document_context import DocumentContext, load_document_context, save_authors_note
from writer.core.lore import (
    LoreEntry,
    load_lorebook,
    save_document_lore,
    save_project_lore,
    write_lore_file,
)
from writer.core.lore_formats import read_lore_file
from writer.core.presets import sampling_for
from writer.core.story_so_far import (
    MIN_CHARS,
    StoredSummary,
    edited_summary,
    load_summary,
    save_summary,
)
from writer.engine.jobs import ContinueJob, PromptPreviewJob
from writer.engine.story_jobs import StorySoFarJob
from writer.errors import WriterError
from writer.gui.lore.dock import LoreDock
from writer.gui.lore.entry_dialog import LoreEntryDialog
from writer.gui.lore.inspector import PromptInspector
from writer.gui.messages import messenger

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from writer.engine.backend import GenerationStats
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)

# Pause in typing after which the story so far is brought up to date.
IDLE_MS = 30_000


@dataclass
class DocumentLore:
    """One open document's lore, author's note and story so far."""

    document: list[LoreEntry] = field(default_factory=list)
    project: list[LoreEntry] = field(default_factory=list)
    authors_note: str = ""
    summary: StoredSummary = field(default_factory=StoredSummary)

    def entries(self) -> list[tuple[LoreEntry, bool]]:
        """Return (entry, shared) pairs in effect: the document's, then the folder's."""
        titles = {entry.title for entry in self.document}
        return [(e, False) for e in self.document] + [
            (e, True) for e in self.project if e.title not in titles
        ]


class LoreFeature(QObject):
    """The Lore dock, the author's note, the story so far and the prompt inspector."""

    storySoFarUpdated = Signal(object)  # Editor
    promptShown = Signal(object)  # Assembly

    def __init__(
        self,
        host: Host,
        job_factory: Callable[[Editor], ContinueJob],
        *,
        idle_ms: int = IDLE_MS,
        dialog_modality: Qt.WindowModality = Qt.WindowModality.WindowModal,
    ) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.job_factory = job_factory
        self.dialog_modality = dialog_modality
        self.editor: Editor | None = None
        self._lore: dict[str, DocumentLore] = {}
        self._story_job: tuple[int, StorySoFarJob, Editor] | None = None
        self._preview: tuple[int, PromptPreviewJob] | None = None
        self.dock = LoreDock(host.parent_widget())
        host.add_dock(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.hide()
        self.inspector = PromptInspector(host.parent_widget())
        toggle = host.action("actionToggleLore")
        toggle.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(toggle.setChecked)
        host.action("actionShowPrompt").triggered.connect(self.show_prompt)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self._on_idle)
        self.dock.addRequested.connect(self.add_entry)
        self.dock.editRequested.connect(self.edit_entry)
        self.dock.removeRequested.connect(self.remove_entry)
        self.dock.importRequested.connect(self._ask_import)
        self.dock.exportRequested.connect(self._ask_export)
        self.dock.authorsNoteEdited.connect(self._on_authors_note)
        self.dock.summaryEdited.connect(self._on_summary_edited)
        self.dock.rebuildRequested.connect(lambda: self.refresh_story(force=True))
        signals = host.signals
        signals.currentEditorChanged.connect(self.follow)
        signals.editorCreated.connect(self._watch)
        signals.documentSaved.connect(self._on_saved)
        signals.editorClosed.connect(self._forget)
        signals.languageChanged.connect(lambda _language: self.retranslate())
        host.engine.finished.connect(self._on_job_finished)
        host.engine.failed.connect(lambda job_id, _message: self._on_job_finished(job_id, None))
        host.stream.started.connect(lambda _job_id: self._stop_story())
        QTimer.singleShot(0, lambda: self.follow(host.current_editor()))

    def retranslate(self) -> None:
        """Show the dock and the inspector in the current interface language."""
        self.dock.retranslate()
        self.inspector.retranslate()
        self._show_summary()

    # -- per-document state -------------------------------------------------------------

    def lore_for(self, editor: Editor) -> DocumentLore:
        """Return ``editor``'s lore (loaded from beside its document the first time)."""
        key = editor.state.doc_id
        lore = self._lore.get(key)
        if lore is None:
            path = editor.state.path
            book = load_lorebook(path)
            context = load_document_context(path)
            lore = DocumentLore(
                book.document, book.project, context.authors_note, load_summary(path)
            )
            self._lore[key] = lore
        return lore

    def context_for(self, editor: Editor) -> DocumentContext:
        """Return what Continue knows of ``editor``'s document beyond its text."""
        lore = self.lore_for(editor)
        return DocumentContext(
            notes=editor.state.notes,
            authors_note=lore.authors_note,
            lore=tuple(entry for entry, _shared in lore.entries()),
            story_so_far=lore.summary.as_prompt_summary(),
        )

    def follow(self, editor: Editor | None) -> None:
        """Show the lore of ``editor``'s document."""
        self.editor = editor
        if editor is None:
            self.dock.show_entries([])
            self.dock.show_authors_note("")
            self.dock.show_summary("", "")
            return
        lore = self.lore_for(editor)
        self.dock.show_entries(lore.entries())
        self.dock.show_authors_note(lore.authors_note)
        self._show_summary()
        self.idle.start()

    def _watch(self, editor: Editor) -> None:
        """Restart the idle timer whenever ``editor``'s text changes."""
        editor.document().contentsChanged.connect(
            lambda: self.idle.start() if editor is self.editor else None
        )

    def _forget(self, editor: Editor) -> None:
        """Drop a closed document's lore."""
        self._lore.pop(editor.state.doc_id, None)
        if self._story_job is not None and self._story_job[2] is editor:
            self._stop_story()

    def _store(self, editor: Editor, *, project: bool = False) -> None:
        """Write ``editor``'s lore beside its document (nothing for an unsaved one)."""
        path = editor.state.path
        if path is None:
            return
        lore = self.lore_for(editor)
        try:
            if project:
                save_project_lore(path, lore.project)
            else:
                save_document_lore(path, lore.document)
        except OSError as error:
            self.host.status.showMessage(
                self.tr("Could not save the lore: {0}").format(error.strerror), 8000
            )

    def _on_saved(self, editor: Editor) -> None:
        """A document saved for the first time takes its lore and author's note along."""
        key = editor.state.doc_id
        lore = self._lore.get(key)
        path = editor.state.path
        if lore is None or path is None:
            return
        try:
            save_document_lore(path, lore.document)
            save_authors_note(path, lore.authors_note)
            if lore.summary.text:
                save_summary(path, lore.summary)
        except OSError as error:
            log.warning("could not save the lore beside %s: %s", path, error)

    def restore_lore(self, editor: Editor, entries: Sequence[LoreEntry], authors_note: str) -> None:
        """Put back ``editor``'s own lore and author's note (a snapshot restore), and store them."""
        lore = self.lore_for(editor)
        lore.document = list(entries)
        lore.authors_note = authors_note
        path = editor.state.path
        if path is not None:
            try:
                save_document_lore(path, lore.document)
                save_authors_note(path, authors_note)
            except OSError as error:
                self.host.status.showMessage(
                    self.tr("Could not save the lore: {0}").format(error.strerror), 8000
                )
        if editor is self.editor:
            self.dock.show_entries(lore.entries())
            self.dock.show_authors_note(lore.authors_note)

    # -- entries ----------------------------------------------------------------------------

    def add_entry(self) -> LoreEntryDialog | None:
        """Open the entry dialog for a new entry of the current document."""
        return self._open_dialog(None, shared=False)

    def edit_entry(self, title: str, shared: bool) -> LoreEntryDialog | None:
        """Open the entry dialog on the entry ``title``."""
        if self.editor is None:
            return None
        lore = self.lore_for(self.editor)
        pool = lore.project if shared else lore.document
        entry = next((e for e in pool if e.title == title), None)
        return self._open_dialog(entry, shared=shared) if entry else None

    def _open_dialog(self, entry: LoreEntry | None, *, shared: bool) -> LoreEntryDialog | None:
        """Show the entry dialog; apply it when accepted."""
        editor = self.editor
        if editor is None:
            return None
        dialog = LoreEntryDialog(
            self.host.parent_widget(),
            entry,
            shared=shared,
            can_share=editor.state.path is not None,
            modality=self.dialog_modality,
        )
        old = (entry.title, shared) if entry else None

        def done(result: int) -> None:
            if result == LoreEntryDialog.DialogCode.Accepted:
                self.put_entry(
                    editor, dialog.entry(), shared=dialog.shared.isChecked(), replacing=old
                )
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def put_entry(
        self,
        editor: Editor,
        entry: LoreEntry,
        *,
        shared: bool = False,
        replacing: tuple[str, bool] | None = None,
    ) -> None:
        """Add ``entry`` (or put it in place of ``replacing``) and store the lore."""
        lore = self.lore_for(editor)
        pool = lore.project if shared else lore.document
        place = len(pool)  # an edited entry keeps its place in the list
        if replacing is not None:
            if replacing[1] == shared:
                titles = [e.title for e in pool]
                place = titles.index(replacing[0]) if replacing[0] in titles else place
            self._drop(lore, *replacing)
        index = next((i for i, e in enumerate(pool) if e.title == entry.title), None)
        if index is None:
            pool.insert(place, entry)
        else:
            pool[index] = entry
        self._store(editor, project=shared)
        if replacing is not None and replacing[1] != shared:
            self._store(editor, project=replacing[1])
        if editor is self.editor:
            self.dock.show_entries(lore.entries())

    def remove_entry(self, title: str, shared: bool) -> None:
        """Remove the entry ``title`` from the current document (or its folder)."""
        if self.editor is None:
            return
        lore = self.lore_for(self.editor)
        self._drop(lore, title, shared)
        self._store(self.editor, project=shared)
        self.dock.show_entries(lore.entries())

    @staticmethod
    def _drop(lore: DocumentLore, title: str, shared: bool) -> None:
        pool = lore.project if shared else lore.document
        pool[:] = [e for e in pool if e.title != title]

    def import_file(self, path: Path, *, shared: bool = False) -> int:
        """Add the entries of a Writer, KoboldAI or SillyTavern lorebook; return how many."""
        if self.editor is None:
            return 0
        try:
            entries = read_lore_file(path)
        except WriterError as error:
            messenger.error(
                self.host.parent_widget(), self.tr("Cannot import the lorebook"), str(error)
            )
            return 0
        for entry in entries:
            self.put_entry(self.editor, entry, shared=shared)
        self.host.status.showMessage(
            self.tr("Imported {0} lore entries from {1}.").format(len(entries), path.name), 6000
        )
        return len(entries)

    def export_file(self, path: Path) -> None:
        """Write the current document's entries in effect as Writer's JSON lorebook."""
        if self.editor is None:
            return
        entries = [entry for entry, _shared in self.lore_for(self.editor).entries()]
        try:
            write_lore_file(path, entries)
        except OSError as error:
            messenger.error(
                self.host.parent_widget(),
                self.tr("Cannot export the lorebook"),
                self.tr("Could not write {0}: {1}").format(path.name, error.strerror),
            )

    def _ask_import(self) -> None:
        start = self.host.export_path(self.host.current_editor(), ".json").parent
        name, _filter = QFileDialog.getOpenFileName(
            self.host.parent_widget(),
            self.tr("Import Lorebook"),
            str(start),
            self.tr("Lorebooks and world info (*.json)"),
        )
        if name:
            self.host.remember_folder(Path(name))
            self.import_file(Path(name))

    def _ask_export(self) -> None:
        editor = self.host.current_editor()
        start = self.host.export_path(editor, ".json")
        start = start.with_name(self.tr("{0} lorebook.json").format(start.stem))
        path, _filter = self.host.ask_save_path(
            self.tr("Export Lorebook"), start, self.tr("Lorebooks (*.json)")
        )
        if path is not None:
            self.export_file(path)

    # -- author's note and story so far -------------------------------------------------

    def _on_authors_note(self, text: str) -> None:
        if self.editor is None:
            return
        self.lore_for(self.editor).authors_note = text
        if self.editor.state.path is not None:
            try:
                save_authors_note(self.editor.state.path, text)
            except OSError as error:
                log.warning("could not save the author's note: %s", error)

    def _on_summary_edited(self, text: str) -> None:
        if self.editor is None:
            return
        lore = self.lore_for(self.editor)
        lore.summary = edited_summary(lore.summary, text)
        if self.editor.state.path is not None:
            try:
                save_summary(self.editor.state.path, lore.summary)
            except OSError as error:
                log.warning("could not save the story so far: %s", error)
        self._show_summary()

    def _show_summary(self) -> None:
        """Show the story so far of the current document and how fresh it is."""
        if self.editor is None:
            return
        summary = self.lore_for(self.editor).summary
        n_ctx = self.host.engine.model.n_ctx if self.host.engine.model else 4096
        before = max(0, self.editor.textCursor().position() - n_ctx * 3)
        state = summary.freshness(before)
        running = self._story_job is not None and self._story_job[2] is self.editor
        if running:
            text = self.tr("Summarizing the story so far…")
        elif state == "missing":
            text = self.tr("Not made yet: it is made while you pause, once the text is long.")
        elif state == "edited":
            text = self.tr("Written by hand; Rebuild replaces it.")
        elif state == "stale":
            text = self.tr("Covers the first {0} characters; out of date.").format(
                f"{summary.covers:,}"
            )
        else:
            text = self.tr("Covers the first {0} characters; up to date.").format(
                f"{summary.covers:,}"
            )
        self.dock.show_summary(summary.text, text)

    def _on_idle(self) -> None:
        """The writer paused: bring the story so far up to date if it needs it."""
        if not bool(get_setting(Key.STORY_SO_FAR)):
            return
        if self.host.engine.is_busy:
            self.idle.start()  # try again after the next pause
            return
        self.refresh_story()

    def refresh_story(self, *, force: bool = False) -> int | None:
        """Start the story-so-far job for the current document; return its job id."""
        editor = self.editor
        engine = self.host.engine
        if editor is None or engine.model is None or self._story_job is not None:
            return None
        lore = self.lore_for(editor)
        if not force and (
            lore.summary.edited or editor.document().characterCount() < MIN_CHARS * 2
        ):
            return None
        whole = editor.text_range(0, editor.textCursor().position())  # from the very start
        job = StorySoFarJob(
            text=whole,
            params=sampling_for("chat"),
            stored=lore.summary,
            force=force,
            reply_tokens=sampling_for("continue").max_tokens,
        )
        job_id = engine.submit(job)
        self._story_job = (job_id, job, editor)
        self._show_summary()
        return job_id

    def _stop_story(self) -> None:
        """Stop the story-so-far job (Continue goes first); its finished parts are kept."""
        if self._story_job is not None:
            self.host.engine.cancel(self._story_job[0])

    # -- inspector ------------------------------------------------------------------------

    def show_prompt(self) -> int | None:
        """Assemble what the next Continue would send and show it in the inspector."""
        engine = self.host.engine
        if engine.model is None:
            self.host.status.showMessage(
                self.tr("Load a model first: the prompt depends on its tokenizer."), 6000
            )
            return None
        job = PromptPreviewJob(self.job_factory(self.host.current_editor()))
        job_id = engine.submit(job)
        self._preview = (job_id, job)
        return job_id

    def _on_job_finished(self, job_id: int, _stats: GenerationStats | None) -> None:
        """Apply the story so far or show the inspector when their job ends."""
        if self._story_job is not None and self._story_job[0] == job_id:
            _id, job, editor = self._story_job
            self._story_job = None
            if job.updated is not None and editor.state.doc_id in self._lore:
                self.lore_for(editor).summary = job.updated
                if editor.state.path is not None:
                    try:
                        save_summary(editor.state.path, job.updated)
                    except OSError as error:
                        log.warning("could not save the story so far: %s", error)
                self.storySoFarUpdated.emit(editor)
            if editor is self.editor:
                self._show_summary()
        elif self._preview is not None and self._preview[0] == job_id:
            _id, preview = self._preview
            self._preview = None
            model = self.host.engine.model
            if preview.assembly is not None and model is not None:
                self.inspector.show_assembly(preview.assembly, model.n_ctx)
                self.inspector.show()
                self.inspector.raise_()
                self.promptShown.emit(preview.assembly)
