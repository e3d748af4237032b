"""Esc stops generation, also the first Esc after a menu closed (issue 11, item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from writer.config import Key, set_setting


def test_the_first_esc_after_a_menu_closes_stops_generation(qtbot, window):
    set_setting(Key.MAX_TOKENS, 2000)
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText("Once upon a time")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5_000)
    with qtbot.waitSignal(window.engine.text, timeout=60_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the Assistant menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5_000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)  # closes the menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5_000)
    assert window.engine.is_busy
    with qtbot.waitSignal(window.engine.finished, timeout=5_000) as done:
        qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_Escape)
    assert done.args[1].stop_reason == "cancelled"
