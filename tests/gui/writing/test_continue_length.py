"""Continue's length is set where the writer writes, and the passage ends cleanly (item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox

from writer.config import Key, get_setting, set_setting
from writer.core.passage_end import allowance_for, ends_cleanly

STORY = "She walked into the kitchen and looked at the old man by the window."


def test_the_length_box_sets_continue_and_the_passage_finishes_its_sentence(
    qtbot, window, monkeypatch
):
    set_setting(Key.SEED, 7)
    box = window.findChild(QSpinBox, "continueLength")
    assert box is not None and box.value() == 200
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "30")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert get_setting(Key.MAX_TOKENS) == 30
    jobs: list = []
    submit = window.engine.submit
    monkeypatch.setattr(window.engine, "submit", lambda job: (jobs.append(job), submit(job))[1])
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText(STORY)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000) as done:
        window.findChild(QAction, "actionContinue").trigger()
    stats = done.args[1]
    passage = editor.toPlainText()[len(STORY) :]
    assert jobs[-1].params.max_tokens == 30
    assert stats.tokens <= 30 + allowance_for(30)
    # A sentence (or line) end, or at least a whole word: never "on his" cut short.
    assert stats.stop_reason == "eos" or ends_cleanly(passage) or passage[-1:].isspace(), passage
    # The settings dialog shows the same length.
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    assert dialog.findChild(QSpinBox, "settingMaxTokens_continue").value() == 30
    dialog.close()
