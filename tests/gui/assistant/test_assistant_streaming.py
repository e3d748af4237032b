"""Assistant replies stream into the transcript as they are written (issue 11, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from writer.config import Key, set_setting
from writer.core.presets import set_max_tokens_for

PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook."
)


def last_row(window) -> str:
    view = window.findChild(QListWidget, "chatTranscript")
    return view.item(view.count() - 1).text()


class Watcher:
    """Records what the user sees each time a piece of the reply arrives."""

    def __init__(self, window) -> None:
        self.window = window
        self.rows: list[str] = []
        self.statuses: list[str] = []
        self.insert_enabled: list[bool] = []
        self.text = ""
        window.engine.text.connect(self.on_text)  # after the panel's own slot

    def on_text(self, _job_id: int, piece: str) -> None:
        self.text += piece
        self.rows.append(last_row(self.window))
        self.statuses.append(self.window.findChild(QLabel, "chatStatus").text())
        self.insert_enabled.append(self.window.findChild(QAction, "actionInsertReply").isEnabled())


def ask(qtbot, window, question: str) -> None:
    window.findChild(QLineEdit, "chatInput").setText(question)
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("what", ["chat", "summary"])
def test_the_reply_is_shown_piece_by_piece_and_insert_waits_for_it(qtbot, window, what):
    set_setting(Key.MAX_TOKENS, 16)
    set_max_tokens_for("chat", 16)
    ask(qtbot, window, "Name a colour.")  # an earlier reply that Insert must not pick meanwhile
    set_setting(Key.MAX_TOKENS, 60)
    set_max_tokens_for("chat", 60)
    watcher = Watcher(window)
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        if what == "chat":
            window.findChild(QLineEdit, "chatInput").setText("Tell me about lighthouses.")
            qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
        else:
            editor = window.findChild(QPlainTextEdit, "editor")
            editor.setPlainText(PARAGRAPH)
            editor.moveCursor(QTextCursor.MoveOperation.End)
            window.findChild(QAction, "actionSummarize").trigger()
    assert len(watcher.rows) >= 2
    for row in watcher.rows:
        assert "Waiting for the engine" not in row
    # What had arrived so far is on screen while the rest is written.
    assert watcher.text.strip()[:10] in watcher.rows[-1]
    assert not any("waiting for the engine" in status for status in watcher.statuses)
    assert not any(watcher.insert_enabled)  # nothing to insert until the reply is done
    assert window.findChild(QAction, "actionInsertReply").isEnabled()


def test_the_engine_announces_a_job_after_submit_returned(qtbot, window):
    from writer.core.sampling import SamplingParams
    from writer.engine.jobs import CompletionJob

    started: list[int] = []
    window.engine.jobStarted.connect(lambda job_id, _kind: started.append(job_id))
    with qtbot.waitSignal(window.engine.finished, timeout=60_000):
        job_id = window.engine.submit(CompletionJob("Once", SamplingParams(max_tokens=4)))
        assert started == []  # not announced to nobody before the id is known
    assert started == [job_id]
