"""Undo while Continue streams stops it and leaves no stray words (issue 10, item 4)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from writer.config import Key, set_setting

STORY = "The fox ran through the snow, and then"


def test_undo_during_continue_takes_the_passage_back_and_stops(qtbot, window):
    set_setting(Key.MAX_TOKENS, 400)
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText(STORY)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    pieces: list[str] = []
    window.engine.text.connect(lambda _job, piece: pieces.append(piece))
    with qtbot.waitSignal(window.engine.text, timeout=60_000):
        window.findChild(QAction, "actionContinue").trigger()
    qtbot.waitUntil(lambda: len(editor.toPlainText()) > len(STORY), timeout=30_000)
    with qtbot.waitSignal(window.engine.finished, timeout=10_000) as done:
        window.findChild(QAction, "actionUndo").trigger()  # Ctrl+Z
    assert done.args[1].stop_reason == "cancelled"
    assert editor.toPlainText() == STORY  # no orphan fragment
    assert not editor.isReadOnly() and not window.findChild(QAction, "actionStop").isEnabled()
    qtbot.keyClicks(editor, " more")
    assert editor.toPlainText() == STORY + " more"
