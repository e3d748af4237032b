"""The dialog that adds or edits one lorebook entry (``loreEntryDialog``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from writer.core.lore import LoreEntry


class LoreEntryDialog(QDialog):
    """Title, keys, content, priority, "always" and "shared by the folder" of one entry."""

    def __init__(
        self,
        parent: QWidget | None,
        entry: LoreEntry | None = None,
        *,
        shared: bool = False,
        can_share: bool = True,
        modality: Qt.WindowModality = Qt.WindowModality.WindowModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loreEntryDialog")
        self.setWindowModality(modality)
        self.setWindowTitle(self.tr("Lore Entry") if entry is None else entry.title)
        entry = entry or LoreEntry("")
        self.title = QLineEdit(entry.title, self)
        self.title.setObjectName("loreTitle")
        self.keys = QLineEdit(", ".join(entry.keys), self)
        self.keys.setObjectName("loreKeys")
        self.keys.setPlaceholderText(self.tr("Mara, the keeper's daughter, /mar(a|y)/i"))
        self.content = QPlainTextEdit(entry.content, self)
        self.content.setObjectName("loreContent")
        self.priority = QSpinBox(self)
        self.priority.setObjectName("lorePriority")
        self.priority.setRange(-1000, 1000)
        self.priority.setValue(entry.priority)
        self.always = QCheckBox(self.tr("Always include"), self)
        self.always.setObjectName("loreAlways")
        self.always.setChecked(entry.always)
        self.shared = QCheckBox(self.tr("Shared by the documents in this folder"), self)
        self.shared.setObjectName("loreShared")
        self.shared.setChecked(shared)
        self.shared.setEnabled(can_share)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Keys:"), self.keys)
        form.addRow(self.tr("&Content:"), self.content)
        form.addRow(self.tr("&Priority:"), self.priority)
        form.addRow("", self.always)
        form.addRow("", self.shared)
        form.addRow(buttons)
        self.keys.setToolTip(
            self.tr(
                "Comma-separated. Words match whole words, ignoring case; Chinese keys match "
                "anywhere; /pattern/i is a regular expression."
            )
        )
        self.title.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        """Allow OK only with a title."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()))

    def entry(self) -> LoreEntry:
        """Return the entry as edited."""
        keys = [key.strip() for key in self.keys.text().split(",") if key.strip()]
        return LoreEntry(
            title=self.title.text().strip(),
            keys=tuple(keys),
            content=self.content.toPlainText().strip(),
            priority=self.priority.value(),
            always=self.always.isChecked(),
        )
