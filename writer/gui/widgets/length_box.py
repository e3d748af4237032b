"""Continue's length, set where the writer writes (as KoboldCpp's "amount to generate").

A small spin box in the status bar (objectName ``continueLength``) holds the
``sampling/max_tokens`` setting: how many tokens Continue writes before it
finishes its sentence. The settings dialog edits the same value.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QSpinBox, QWidget

from writer.config import Key, get_setting, set_setting

MIN_LENGTH = 16
MAX_LENGTH = 4096


class ContinueLength(QSpinBox):
    """The length of Continue in tokens, remembered in the settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("continueLength")
        self.setAccessibleName("continueLength")
        self.setRange(MIN_LENGTH, MAX_LENGTH)
        self.setSingleStep(20)
        self.setKeyboardTracking(False)  # store the number once it is typed
        self.reload()
        self.valueChanged.connect(lambda value: set_setting(Key.MAX_TOKENS, int(value)))
        self.retranslate()

    def reload(self) -> None:
        """Show the stored length (after the settings dialog changed it)."""
        self.blockSignals(True)
        self.setValue(int(get_setting(Key.MAX_TOKENS)))
        self.blockSignals(False)

    def retranslate(self) -> None:
        """Show the texts in the interface language."""
        self.setPrefix(self.tr("Continue: "))
        self.setSuffix(self.tr(" tokens"))
        self.setToolTip(self.tr("How much Continue writes before it finishes its sentence."))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
