"""What GUI tests do as a user: put a story in the editor, find an action by its stable name."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit

STORY = "The rain had not stopped for three days. Mara stood at the window and"


def type_story(window, text: str = STORY) -> QPlainTextEdit:
    """Put ``text`` in the current editor with the cursor at its end; return the editor."""
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    return editor


def action(window, name: str) -> QAction:
    """Return the window's action ``name`` (its stable objectName)."""
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def start_window(qtbot):
    """Start Writer without a model (on the test's settings folder), shown and focused."""
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.current_editor().setFocus()
    return window


def act(window, name: str) -> None:
    """Choose a menu command, as a click on it does."""
    action(window, name).trigger()


def spy_on_jobs(window, monkeypatch) -> list:
    """Record every job the window sends to the engine (they still run)."""
    jobs: list = []
    submit = window.engine.submit

    def recording(job):
        jobs.append(job)
        return submit(job)

    monkeypatch.setattr(window.engine, "submit", recording)
    return jobs
