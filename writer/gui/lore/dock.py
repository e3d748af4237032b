"""The Lore dock (``loreDock``): lorebook entries, the author's note and the story so far.

Pure widgets: the dock shows a :class:`DocumentLore` and reports edits by
signals; :mod:`writer.gui.lore.feature` keeps the data, stores it and runs
the jobs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from writer.core.lore import LoreEntry


class LoreDock(QDockWidget):
    """Lists, searches and edits the current document's lore; author's note; story so far."""

    addRequested = Signal()
    editRequested = Signal(str, bool)  # title, shared (project-wide)
    removeRequested = Signal(str, bool)
    importRequested = Signal()
    exportRequested = Signal()
    authorsNoteEdited = Signal(str)
    summaryEdited = Signal(str)
    rebuildRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loreDock")
        panel = QWidget(self)
        self.search = QLineEdit(panel)
        self.search.setObjectName("loreSearch")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(panel)
        self.list.setObjectName("loreList")
        self.add_button = QPushButton(panel)
        self.add_button.setObjectName("loreAdd")
        self.edit_button = QPushButton(panel)
        self.edit_button.setObjectName("loreEdit")
        self.remove_button = QPushButton(panel)
        self.remove_button.setObjectName("loreRemove")
        self.import_button = QPushButton(panel)
        self.import_button.setObjectName("loreImport")
        self.export_button = QPushButton(panel)
        self.export_button.setObjectName("loreExport")
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row2 = QHBoxLayout()
        for button in (self.import_button, self.export_button):
            row2.addWidget(button)
        self.note_label = QLabel(panel)
        self.authors_note = QPlainTextEdit(panel)
        self.authors_note.setObjectName("authorsNote")
        self.authors_note.setMaximumHeight(70)
        self.note_label.setBuddy(self.authors_note)
        self.story_box = QGroupBox(panel)
        self.story_state = QLabel(self.story_box)
        self.story_state.setObjectName("storySoFarState")
        self.story_state.setWordWrap(True)
        self.story = QPlainTextEdit(self.story_box)
        self.story.setObjectName("storySoFar")
        self.rebuild_button = QPushButton(self.story_box)
        self.rebuild_button.setObjectName("storySoFarRebuild")
        story_layout = QVBoxLayout(self.story_box)
        story_layout.addWidget(self.story_state)
        story_layout.addWidget(self.story)
        story_layout.addWidget(self.rebuild_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 2)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.note_label)
        layout.addWidget(self.authors_note)
        layout.addWidget(self.story_box, 1)
        self.setWidget(panel)
        self._entries: list[tuple[LoreEntry, bool]] = []
        self.search.textChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _item: self._edit())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self.importRequested)
        self.export_button.clicked.connect(self.exportRequested)
        self.authors_note.textChanged.connect(
            lambda: self.authorsNoteEdited.emit(self.authors_note.toPlainText())
        )
        self.story.textChanged.connect(lambda: self.summaryEdited.emit(self.story.toPlainText()))
        self.rebuild_button.clicked.connect(self.rebuildRequested)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        """Show the dock in the current interface language."""
        self.setWindowTitle(self.tr("Lore"))
        self.search.setPlaceholderText(self.tr("Search lore"))
        self.search.setAccessibleName(self.tr("Search lore"))
        self.list.setAccessibleName(self.tr("Lore entries"))
        self.add_button.setText(self.tr("&Add…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Remo&ve"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.note_label.setText(self.tr("A&uthor's note (a few paragraphs before the end):"))
        self.authors_note.setAccessibleName(self.tr("Author's note"))
        self.authors_note.setPlaceholderText(self.tr("Style: terse, present tense."))
        self.story_box.setTitle(self.tr("The story so far"))
        self.story.setAccessibleName(self.tr("The story so far"))
        self.story.setPlaceholderText(
            self.tr("Made while you pause, once the text before Continue's window is long.")
        )
        self.rebuild_button.setText(self.tr("&Rebuild"))
        self._fill()

    # -- showing ----------------------------------------------------------------------------

    def show_entries(self, entries: list[tuple[LoreEntry, bool]]) -> None:
        """Show ``entries`` as (entry, shared by the folder) pairs."""
        self._entries = list(entries)
        self._fill()

    def show_authors_note(self, note: str) -> None:
        """Show the author's note without reporting it as an edit."""
        self.authors_note.blockSignals(True)
        self.authors_note.setPlainText(note)
        self.authors_note.blockSignals(False)

    def show_summary(self, text: str, state: str) -> None:
        """Show the story so far and its freshness without reporting an edit."""
        if text != self.story.toPlainText():
            self.story.blockSignals(True)
            self.story.setPlainText(text)
            self.story.blockSignals(False)
        self.story_state.setText(state)

    def _fill(self) -> None:
        """List the entries that match the search."""
        query = self.search.text().strip().casefold()
        current = self.current()
        self.list.clear()
        for entry, shared in self._entries:
            haystack = " ".join((entry.title, *entry.keys, entry.content)).casefold()
            if query and query not in haystack:
                continue
            label = entry.title
            if entry.keys:
                label += f" — {', '.join(entry.keys)}"
            marks = []
            if entry.always:
                marks.append(self.tr("always"))
            if shared:
                marks.append(self.tr("folder"))
            if marks:
                label += f"  ({', '.join(marks)})"
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, (entry.title, shared))
            item.setToolTip(entry.content)
            if current == (entry.title, shared):
                self.list.setCurrentItem(item)
        self._update_buttons()

    def current(self) -> tuple[str, bool] | None:
        """Return (title, shared) of the chosen entry, or None."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        """Enable Edit and Remove only with an entry chosen."""
        chosen = self.list.currentItem() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _edit(self) -> None:
        current = self.current()
        if current is not None:
            self.editRequested.emit(*current)

    def _remove(self) -> None:
        current = self.current()
        if current is not None:
            self.removeRequested.emit(*current)
