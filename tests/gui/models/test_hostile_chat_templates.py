"""A model whose chat template loops forever or does not compile (issue 10, items 9 and 10).

The model still loads, Continue (which never uses the template) works, and the
chat falls back to the plain prompt with a notice instead of hanging the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from tests.model_copies import with_chat_template
from writer.config import Key, set_setting
from writer.core.chat_template import forget_broken_templates

if TYPE_CHECKING:
    from pathlib import Path

ENDLESS = (
    "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
    "{% endfor %}{% endfor %}{% endfor %}{{ messages[0]['content'] }}"
)
BROKEN = "{% for message in messages %}{{ message['content'] "


@pytest.fixture(autouse=True)
def _fresh_templates():
    forget_broken_templates()
    set_setting(Key.MAX_TOKENS, 12)
    yield
    forget_broken_templates()


def _window_with(qtbot, model: Path):
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=60_000):
        window.load_model(model)
    return window


def _ask(qtbot, window, question: str) -> None:
    window.findChild(QLineEdit, "chatInput").setText(question)
    with qtbot.waitSignal(window.engine.finished, timeout=60_000) as done:
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), _left())
    assert done.args[1].stop_reason != "cancelled"


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _continue(qtbot, window) -> str:
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText("The ship left the harbour at dawn, and")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.engine.finished, timeout=60_000):
        window.findChild(QAction, "actionContinue").trigger()
    return editor.toPlainText()


def _transcript(window) -> list[str]:
    view = window.findChild(QListWidget, "chatTranscript")
    return [view.item(i).text() for i in range(view.count())]


def test_endless_template_falls_back_and_the_engine_keeps_working(qtbot, tmp_path, model_path):
    model = with_chat_template(model_path, tmp_path / "endless.gguf", ENDLESS)
    window = _window_with(qtbot, model)
    _ask(qtbot, window, "Who are you?")
    rows = _transcript(window)
    assert any("chat template" in row and "longer than" in row for row in rows), rows
    _ask(qtbot, window, "And where do you live?")  # later requests do not queue forever
    assert len(_continue(qtbot, window)) > len("The ship left the harbour at dawn, and")
    window.engine.shutdown()


def test_template_with_a_syntax_error_still_loads_the_model(qtbot, tmp_path, model_path):
    model = with_chat_template(model_path, tmp_path / "broken.gguf", BROKEN)
    window = _window_with(qtbot, model)  # fails here on a model that does not load
    assert len(_continue(qtbot, window)) > len("The ship left the harbour at dawn, and")
    _ask(qtbot, window, "Who are you?")
    rows = _transcript(window)
    assert any("chat template" in row and "plain prompt" in row for row in rows), rows
    window.engine.shutdown()
