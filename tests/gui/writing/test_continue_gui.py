"""Continue-writing in the main window, driven through the stable names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar

from tests.gui_helpers import STORY, action, type_story
from writer.config import Key, set_setting

if TYPE_CHECKING:
    from pathlib import Path


def test_stable_names_and_shortcuts(bare_window):
    assert bare_window.objectName() == "mainWindow"
    assert bare_window.findChild(QStatusBar, "statusBar") is not None
    for label in (
        "statusModel",
        "statusEngine",
        "statusSpeed",
        "statusContext",
        "statusCounts",
        "statusEncoding",
    ):
        assert bare_window.findChild(QLabel, label) is not None, label
    assert action(bare_window, "actionContinue").shortcut() == QKeySequence("Ctrl+Return")
    assert action(bare_window, "actionStop").shortcut() == QKeySequence("Esc")
    assert action(bare_window, "actionSave").shortcut() == QKeySequence("Ctrl+S")
    assert not action(bare_window, "actionStop").isEnabled()


def test_continue_streams_at_the_cursor_and_one_undo_removes_it(qtbot, window):
    set_setting(Key.MAX_TOKENS, 40)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000) as done:
        action(window, "actionContinue").trigger()
        assert action(window, "actionStop").isEnabled()
    assert done.args[1].tokens > 0
    text = editor.toPlainText()
    assert text.startswith(STORY) and len(text) > len(STORY)
    assert editor.is_marked()
    assert editor.textCursor().position() == len(text)
    assert not action(window, "actionStop").isEnabled()
    assert "tok/s" in window.status.text("statusSpeed")
    assert "/ 4096" in window.status.text("statusContext")
    editor.undo()
    assert editor.toPlainText() == STORY


def test_continue_in_the_middle_inserts_at_the_cursor(qtbot, window):
    set_setting(Key.MAX_TOKENS, 20)
    editor = type_story(window, "Beginning. END")
    cursor = editor.textCursor()
    cursor.setPosition(len("Beginning. "))
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    text = editor.toPlainText()
    assert text.startswith("Beginning. ") and text.endswith("END") and len(text) > 15


def test_stop_ends_a_long_generation(qtbot, window):
    set_setting(Key.MAX_TOKENS, 3000)
    editor = type_story(window)
    with qtbot.waitSignal(window.engine.text, timeout=60_000):
        action(window, "actionContinue").trigger()
    with qtbot.waitSignal(window.stream.finished, timeout=5_000) as done:
        action(window, "actionStop").trigger()
    assert done.args[1].stop_reason == "cancelled"
    assert done.args[1].tokens < 3000
    assert not editor.isReadOnly()
    editor.undo()
    assert editor.toPlainText() == STORY


def test_regenerate_replaces_the_last_continuation(qtbot, window):
    set_setting(Key.MAX_TOKENS, 30)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    first = editor.toPlainText()
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionRegenerate").trigger()
    second = editor.toPlainText()
    assert second.startswith(STORY)
    assert second != first
    start, end = editor.last_generation()
    assert start == len(STORY) and end == len(second)
    editor.undo()  # one undo brings back the previous continuation
    assert editor.toPlainText() == first


def test_typing_clears_the_mark(qtbot, window):
    set_setting(Key.MAX_TOKENS, 10)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    assert editor.is_marked()
    qtbot.keyClicks(editor, "x")
    assert not editor.is_marked()


def test_continue_without_a_model_says_why(bare_window, answers):
    type_story(bare_window)
    action(bare_window, "actionContinue").trigger()
    assert answers.errors and "model" in answers.errors[-1][1].lower()


def test_bad_model_keeps_the_app_usable(qtbot, bare_window, tmp_path: Path, answers):
    bad = tmp_path / "bad.gguf"
    bad.write_text("not a model")
    with qtbot.waitSignal(bare_window.engine.modelFailed, timeout=10_000):
        bare_window.load_model(bad)
    assert "not a GGUF" in answers.errors[-1][1]
    assert bare_window.status.text("statusModel") == "No model"
    editor = type_story(bare_window)
    action(bare_window, "actionContinue").trigger()
    assert "not a GGUF" in answers.errors[-1][1]
    assert editor.toPlainText() == STORY


def test_save_and_title(qtbot, bare_window, tmp_path: Path, monkeypatch):
    path = tmp_path / "chapter.md"
    path.write_text("# One\n", encoding="utf-8")
    editor = bare_window.open_document(path)
    assert bare_window.windowTitle().startswith("chapter.md")
    qtbot.keyClicks(editor, "Hello ")
    assert bare_window.isWindowModified()
    action(bare_window, "actionSave").trigger()
    assert path.read_text(encoding="utf-8") == "Hello # One\n"
    assert not bare_window.isWindowModified()


def test_close_with_unsaved_changes_asks(qtbot, bare_window, answers):
    from writer.gui.messages import Answer

    editor = type_story(bare_window)
    qtbot.keyClicks(editor, " waited.")
    answers.save_answer = Answer.CANCEL
    assert not bare_window.close()
    assert answers.questions[-1][0] == "save"
    answers.save_answer = Answer.DISCARD
    assert bare_window.close()


def test_regenerate_repeats_the_request_that_wrote_the_passage(qtbot, window):
    from writer.core.sampling import SamplingParams
    from writer.engine.jobs import CompletionJob

    editor = type_story(window, "Title: ")
    job = CompletionJob("A haiku about rain:\n", SamplingParams(max_tokens=12, seed=5))
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        window.stream.stream(editor, job)
    first = editor.toPlainText()
    jobs = []
    original = window.engine.submit
    window.engine.submit = lambda j: jobs.append(j) or original(j)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionRegenerate").trigger()
    assert isinstance(jobs[0], CompletionJob) and jobs[0].prompt == job.prompt
    assert jobs[0].params.seed == -1
    assert editor.toPlainText().startswith("Title: ") and editor.toPlainText() != first


def test_keyboard_shortcuts_continue_and_stop(qtbot, window):
    """Ctrl+Return and Esc work from the editor, as a writer presses them."""
    from PySide6.QtCore import Qt

    set_setting(Key.MAX_TOKENS, 3000)
    editor = type_story(window)
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=5_000)
    with qtbot.waitSignal(window.engine.text, timeout=60_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.stream.finished, timeout=5_000) as done:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert done.args[1].stop_reason == "cancelled"
    assert editor.toPlainText().startswith(STORY) and len(editor.toPlainText()) > len(STORY)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == STORY


def test_live_speed_counts_tokens_not_screen_updates(qtbot, window):
    """Text reaches the editor in batches; the live tok/s must still count tokens."""
    set_setting(Key.MAX_TOKENS, 120)
    type_story(window)
    rates: list[float] = []
    window.engine.rate.connect(lambda _job, rate: rates.append(rate))
    with qtbot.waitSignal(window.stream.finished, timeout=60_000) as done:
        action(window, "actionContinue").trigger()
    final = done.args[1].tokens_per_s
    assert rates and final > 0
    assert 0.5 * final <= rates[-1] <= 1.5 * final
    assert window.status.text("statusSpeed") == f"{final:.1f} tok/s"
