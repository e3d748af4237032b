"""The recovery offer shown at start when unsaved work survived a crash.

It lists each recovered document with its title, where it came from, when it
was saved and how long it is, shows the selected one's full text, and lets the
user restore or discard each. Restoring does not delete the copy: the restored
document keeps being autosaved under the same id until it is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from writer.core.text_stats import count_text
from writer.gui.widgets.display import display_title, format_counts

if TYPE_CHECKING:
    from writer.core.recovery import RecoveryEntry, RecoveryStore


class RecoveryDialog(QDialog):
    """Offers to restore or discard recovered documents (objectName ``recoveryDialog``)."""

    #: Emitted with a RecoveryEntry the user chose to restore.
    restoreRequested = Signal(object)
    #: Emitted with the doc_id of a copy the user discarded.
    discarded = Signal(str)

    def __init__(
        self,
        store: RecoveryStore,
        entries: list[RecoveryEntry] | None = None,
        parent: QWidget | None = None,
        *,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.setWindowModality(modality)
        self.store = store
        self.restored: list[RecoveryEntry] = []
        self.entries = list(store.entries() if entries is None else entries)
        intro = QLabel(
            self.tr(
                "Writer closed without saving these documents. "
                "Restore the ones you want; discarded copies are deleted."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recoveryList")
        self.list.setAccessibleName("recoveryList")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("recoveryPreview")
        self.preview.setAccessibleName("recoveryPreview")
        self.preview.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 420])
        self.restore_button = self._button("recoveryRestore", self.tr("Restore"), self.restore)
        self.restore_all_button = self._button(
            "recoveryRestoreAll", self.tr("Restore all"), self.restore_all
        )
        self.discard_button = self._button("recoveryDiscard", self.tr("Discard"), self.discard)
        self.later_button = self._button("recoveryLater", self.tr("Decide later"), self.reject)
        row = QHBoxLayout()
        for button in (self.restore_button, self.restore_all_button, self.discard_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.resize(720, 420)
        for entry in self.entries:
            self.list.addItem(self._item(entry))
        self.list.currentRowChanged.connect(self._show_selected)
        self.list.itemActivated.connect(lambda _item: self.restore())
        if self.entries:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _button(self, name: str, label: str, slot: object) -> QPushButton:
        """Make one named button."""
        button = QPushButton(label, self)
        button.setObjectName(name)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _item(self, entry: RecoveryEntry) -> QListWidgetItem:
        """Return the list row describing ``entry``."""
        origin = str(entry.original_path) if entry.original_path else self.tr("never saved")
        when = entry.saved_at.strftime("%Y-%m-%d %H:%M:%S")
        size = format_counts(count_text(entry.text))
        item = QListWidgetItem(f"{display_title(entry.title)}\n{origin} · {when} · {size}")
        item.setToolTip(entry.preview)
        item.setData(Qt.ItemDataRole.UserRole, entry.doc_id)
        return item

    def current_entry(self) -> RecoveryEntry | None:
        """Return the entry of the selected row, if any."""
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_selected(self, row: int) -> None:
        """Show the full text of the selected entry."""
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self.preview.setPlainText(entry.text if entry else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Enable the buttons that apply to the current selection."""
        has_entry = self.current_entry() is not None
        self.restore_button.setEnabled(has_entry)
        self.discard_button.setEnabled(has_entry)
        self.restore_all_button.setEnabled(bool(self.entries))

    def _remove_current(self) -> RecoveryEntry | None:
        """Take the selected entry off the list; close the dialog when none are left."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            return None
        entry = self.entries.pop(row)
        self.list.takeItem(row)
        self._show_selected(self.list.currentRow())
        return entry

    def _finish_if_empty(self) -> None:
        """Close the dialog once every entry was handled."""
        if not self.entries:
            if self.restored:
                self.accept()
            else:
                self.reject()

    def restore(self) -> None:
        """Restore the selected document (the app opens it as an unsaved document)."""
        entry = self._remove_current()
        if entry is None:
            return
        self.restored.append(entry)
        self.restoreRequested.emit(entry)
        self._finish_if_empty()

    def restore_all(self) -> None:
        """Restore every listed document."""
        while self.entries:
            self.list.setCurrentRow(0)
            self.restore()

    def discard(self) -> None:
        """Delete the selected recovery copy."""
        entry = self._remove_current()
        if entry is None:
            return
        self.store.discard(entry.doc_id)
        self.discarded.emit(entry.doc_id)
        self._finish_if_empty()
