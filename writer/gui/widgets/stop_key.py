"""Esc stops generation, also the first Esc after a menu was closed.

Closing a menu with Esc leaves the menu bar in keyboard mode, holding the
focus: Qt gives it the next Esc, to leave that mode, and the Stop shortcut
never sees it. A filter on the menu bar makes that Esc stop the generation
too (the menu bar still leaves keyboard mode and gives the focus back).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication


class StopKeyFilter(QObject):
    """Triggers Stop on an Esc the menu bar would otherwise swallow."""

    def __init__(self, stop: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self.stop = stop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop generation on Esc while no menu is open; let the menu bar see it too."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and QApplication.activePopupWidget() is None
            and self.stop.isEnabled()
        ):
            self.stop.trigger()
        return super().eventFilter(watched, event)
