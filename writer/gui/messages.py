"""The one route from the app to the user for errors and questions.

Every message box goes through :data:`messenger`, so tests patch one object
to answer questions and to collect errors instead of blocking on a dialog.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from writer.core.localized import localize

log = logging.getLogger(__name__)


def localized_text(text: str) -> str:
    """Return a message of the core, the engine or the hub in the interface language."""
    return localize(text, QCoreApplication.translate)


class Answer(Enum):
    """The answers to a save-changes question."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Messenger:
    """Shows errors, information and questions; tests replace its methods."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show an error the user has to read."""
        log.warning("%s: %s", title, text)
        QMessageBox.warning(parent, title, localized_text(text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show an informative message."""
        log.info("%s: %s", title, text)
        QMessageBox.information(parent, title, localized_text(text))

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask a yes/no question; return True for yes."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, localized_text(text), buttons)
        return answer == QMessageBox.StandardButton.Yes

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: list[tuple[str, str]]
    ) -> str | None:
        """Ask the user to pick one of ``options`` (value, label); None if cancelled."""
        from PySide6.QtWidgets import QInputDialog

        labels = [label for _value, label in options]
        label, ok = QInputDialog.getItem(parent, title, text, labels, 0, False)
        if not ok:
            return None
        return next((value for value, shown in options if shown == label), None)

    def save_changes(self, parent: QWidget | None, name: str) -> Answer:
        """Ask whether to save the unsaved changes of ``name``."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Messenger", "Unsaved changes"),
            QCoreApplication.translate("Messenger", "Save the changes to “{0}”?").format(name),
            buttons,
        )
        if answer == QMessageBox.StandardButton.Save:
            return Answer.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Answer.DISCARD
        return Answer.CANCEL


#: The app's single messenger; tests monkeypatch its methods.
messenger = Messenger()
