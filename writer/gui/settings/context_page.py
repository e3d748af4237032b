"""The settings page of what Continue knows: lore, author's note, text after, story so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QWidget

from writer.config import Key, get_setting


class ContextSettingsPage(QWidget):
    """Lore on/off and budget, keys scanned, author's note depth, text after, story so far."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.lore = QCheckBox(self.tr("Put triggered lore entries into Continue's prompt"), self)
        self.lore.setObjectName("settingLoreEnabled")
        self.lore.setChecked(bool(get_setting(Key.LORE_ENABLED)))
        self.budget = QSpinBox(self)
        self.budget.setObjectName("settingLoreBudget")
        self.budget.setRange(0, 16384)
        self.budget.setSingleStep(64)
        self.budget.setValue(int(get_setting(Key.LORE_BUDGET)))
        self.scan = QSpinBox(self)
        self.scan.setObjectName("settingLoreScan")
        self.scan.setRange(100, 100_000)
        self.scan.setSingleStep(500)
        self.scan.setValue(int(get_setting(Key.LORE_SCAN_CHARS)))
        self.note_depth = QSpinBox(self)
        self.note_depth.setObjectName("settingAuthorsNoteDepth")
        self.note_depth.setRange(1, 50)
        self.note_depth.setValue(int(get_setting(Key.AUTHORS_NOTE_DEPTH)))
        self.after = QCheckBox(
            self.tr("Continue in the middle uses the text after the cursor"), self
        )
        self.after.setObjectName("settingUseTextAfter")
        self.after.setChecked(bool(get_setting(Key.USE_TEXT_AFTER)))
        self.story = QCheckBox(self.tr("Summarize the story so far while I pause"), self)
        self.story.setObjectName("settingStorySoFar")
        self.story.setChecked(bool(get_setting(Key.STORY_SO_FAR)))
        form.addRow("", self.lore)
        form.addRow(self.tr("Lore budget (tokens)"), self.budget)
        form.addRow(self.tr("Characters scanned for lore keys"), self.scan)
        form.addRow(self.tr("Author's note, paragraphs before the end"), self.note_depth)
        form.addRow("", self.after)
        form.addRow("", self.story)

    def values(self) -> dict[Key, Any]:
        """Return the values shown, by settings key."""
        return {
            Key.LORE_ENABLED: self.lore.isChecked(),
            Key.LORE_BUDGET: self.budget.value(),
            Key.LORE_SCAN_CHARS: self.scan.value(),
            Key.AUTHORS_NOTE_DEPTH: self.note_depth.value(),
            Key.USE_TEXT_AFTER: self.after.isChecked(),
            Key.STORY_SO_FAR: self.story.isChecked(),
        }
