"""The chat sees the draft on screen, says so, and can be told not to (issue 11, item 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton

from tests.gui_helpers import spy_on_jobs
from writer.core.draft_context import Draft, build_draft_context
from writer.core.presets import set_max_tokens_for

if TYPE_CHECKING:
    from pathlib import Path

STORY = (
    "# The Keeper\n\n"
    "Marguerite Okafor kept the lighthouse on Gull Rock for thirty years. Every night she "
    "climbed the hundred and twelve steps, lit the lamp and wrote one line in the logbook.\n\n"
    "One winter a boy named Tobiah washed ashore in a rowing boat with no oars."
)


def ask(qtbot, window, question: str):
    set_max_tokens_for("chat", 12)
    window.findChild(QLineEdit, "chatInput").setText(question)
    with qtbot.waitSignal(window.engine.finished, timeout=120_000) as done:
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
    return done.args


def prompt_of(job) -> str:
    return "\n".join(message.content for message in job.messages())


def open_story(window, tmp_path: Path, text: str = STORY):
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    editor = window.open_document(path)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def test_a_plain_question_is_sent_with_the_draft_and_the_chip_says_so(
    qtbot, window, tmp_path, monkeypatch
):
    open_story(window, tmp_path)
    chip = window.findChild(QToolButton, "chatContext")
    assert not chip.isHidden() and chip.isChecked()
    assert chip.text().startswith("about: story.md, ") and chip.text().endswith(" tokens")
    jobs = spy_on_jobs(window, monkeypatch)
    ask(qtbot, window, "Who is the main character in my draft?")
    prompt = prompt_of(jobs[-1])
    assert "Marguerite Okafor kept the lighthouse" in prompt and "story.md" in prompt
    # After the question, the chip shows what was measured and sent.
    assert chip.text() == f"about: story.md, {jobs[-1].context.tokens:,} tokens"

    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)  # turn it off
    assert not chip.isChecked() and "story.md" in chip.text()
    ask(qtbot, window, "Who is the main character in my draft?")
    assert "kept the lighthouse on Gull Rock" not in prompt_of(jobs[-1])  # no draft this time


def test_ask_about_selection_keeps_the_selection(qtbot, window, tmp_path, monkeypatch):
    editor = open_story(window, tmp_path)
    start = STORY.index("One winter")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(len(STORY), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.findChild(QAction, "actionAskAboutSelection").trigger()
    jobs = spy_on_jobs(window, monkeypatch)
    ask(qtbot, window, "Where did he come from?")
    job = jobs[-1]
    question = job.messages()[-1].content
    assert "washed ashore" in question and "Where did he come from?" in question
    assert editor.textCursor().selectedText() == STORY[start:]  # the selection is still there


def test_a_long_draft_sends_the_part_around_the_cursor_and_the_story_so_far():
    chapters = [f"# Chapter {n}\n\n" + f"Line {n} of the voyage. " * 200 for n in range(1, 21)]
    text = "\n\n".join(chapters)
    cursor = text.index("# Chapter 12")
    draft = Draft("novel.md", text, cursor, notes="Captain Ahab hunts the whale.")
    context = build_draft_context(draft, 800, lambda s: len(s) // 4)
    assert context is not None and not context.whole and context.tokens <= 800
    assert "Captain Ahab hunts the whale." in context.text
    assert "# Chapter 12" in context.text and "Line 1 of" not in context.text
    assert "The story so far: Chapter 1 / Chapter 2" in context.text
    assert context.start < cursor < context.end
