"""Story notes: per document, what the model should keep in mind (characters, setting, style).

Continue and the selection tools put the notes ahead of the text in the
prompt, and they are never cut when the text is trimmed to fit. They are kept
beside the document (its sidecar file) and come back when it is reopened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from writer.core.sidecar import update_sidecar

if TYPE_CHECKING:
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor


class StoryNotes(QObject):
    """A dock (``storyNotesDock``) with the current document's notes (``storyNotes``)."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.editor: Editor | None = None
        panel = QWidget(window.parent_widget())
        hint = QLabel(panel)
        self.hint = hint
        hint.setWordWrap(True)
        self.notes = QPlainTextEdit(panel)
        self.notes.setObjectName("storyNotes")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addWidget(self.notes)
        self.dock = QDockWidget(window.parent_widget())
        self.dock.setObjectName("storyNotesDock")
        self.dock.setWidget(panel)
        window.add_dock(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.hide()
        action = window.action("actionToggleNotes")
        action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(action.setChecked)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self.save)
        self.notes.textChanged.connect(self._on_notes_changed)
        window.signals.currentEditorChanged.connect(self.follow)
        window.signals.documentSaved.connect(lambda editor: self.save(editor))
        window.signals.editorCreated.connect(
            lambda _e: QTimer.singleShot(0, lambda: self.follow(window.current_editor()))
        )
        window.signals.languageChanged.connect(lambda _language: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        """Show the notes' dock and hint in the current interface language."""
        self.hint.setText(
            self.tr(
                "Characters, setting, style: Continue and the selection tools "
                "always see these notes."
            )
        )
        self.notes.setAccessibleName(self.tr("Story notes"))
        self.notes.setPlaceholderText(
            self.tr(
                "Mara: a lighthouse keeper's daughter, stubborn. "
                "Setting: a storm coast, 1890s. Style: spare."
            )
        )
        self.dock.setWindowTitle(self.tr("Story Notes"))

    def follow(self, editor: Editor | None) -> None:
        """Show the notes of ``editor``'s document."""
        if editor is self.editor:
            return
        self._save_timer.stop()
        if self.editor is not None:
            self.save()
        self.editor = editor
        self.notes.blockSignals(True)
        self.notes.setPlainText(editor.state.notes if editor is not None else "")
        self.notes.blockSignals(False)

    def _on_notes_changed(self) -> None:
        """Keep the notes in the document's state; write them beside it after a pause."""
        if self.editor is None:
            return
        self.editor.state.notes = self.notes.toPlainText()
        self._save_timer.start()

    def save(self, editor: Editor | None = None) -> None:
        """Write the notes beside a saved document."""
        editor = editor or self.editor
        if editor is None:
            return
        try:
            path = editor.state.path
        except RuntimeError:  # the editor was closed
            return
        if path is None:
            return
        try:
            update_sidecar(path, notes=editor.state.notes)
        except OSError as error:
            self.window.status.showMessage(
                self.tr("Could not save the story notes: {0}").format(error.strerror), 8000
            )
