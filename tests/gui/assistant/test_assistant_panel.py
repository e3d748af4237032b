"""The assistant panel in the main window, driven through the stable names."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from tests.gui_helpers import action
from writer.config import Key, set_setting
from writer.core.presets import set_max_tokens_for
from writer.core.sidecar import sidecar_path
from writer.engine.assistant_jobs import STAGE_FINAL, STAGE_PART

if TYPE_CHECKING:
    from pathlib import Path

PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook."
)


def editor_with(window, text: str, select: tuple[int, int] | None = None):
    editor = window.findChild(QPlainTextEdit, "editor")
    editor.setPlainText(text)
    cursor = editor.textCursor()
    if select:
        cursor.setPosition(select[0])
        cursor.setPosition(select[1], QTextCursor.MoveMode.KeepAnchor)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    return editor


def transcript_rows(window) -> list[str]:
    view = window.findChild(QListWidget, "chatTranscript")
    return [view.item(i).text() for i in range(view.count())]


def ask(qtbot, window, question: str):
    """Type a question, press Send and wait for the reply; return the finished args."""
    window.findChild(QLineEdit, "chatInput").setText(question)
    with qtbot.waitSignal(window.engine.finished, timeout=120_000) as done:
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), _left())
    return done.args


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def short_replies():
    set_setting(Key.MAX_TOKENS, 16)
    set_max_tokens_for("chat", 16)  # chat, summaries and tools


def test_stable_names_and_tools_follow_the_selection(bare_window):
    assert bare_window.findChild(QDockWidget, "chatPanel") is not None
    for name in ("actionInsertReply", "actionReplaceWithReply", "actionCopyReply"):
        action(bare_window, name)
    editor = editor_with(bare_window, PARAGRAPH)
    tools = (
        "actionRewrite",
        "actionExpand",
        "actionShorten",
        "actionChangeTone",
        "actionNewDirection",
        "actionAskAboutSelection",
    )
    assert not any(action(bare_window, name).isEnabled() for name in tools)
    editor.selectAll()
    assert all(action(bare_window, name).isEnabled() for name in tools)
    assert not action(bare_window, "actionInsertReply").isEnabled()  # no reply yet


def test_chat_two_turns_stream_into_the_transcript_and_insert_at_cursor(qtbot, window):
    pieces: list[int] = []
    window.engine.text.connect(lambda job_id, _p: pieces.append(job_id))
    first_id, stats = ask(qtbot, window, "Name a colour.")
    assert stats.tokens > 0 and pieces.count(first_id) > 0
    rows = transcript_rows(window)
    assert len(rows) == 2 and rows[0] == "You: Name a colour."
    first_reply = window.assistant.transcript.conversation.turns[0].reply
    assert first_reply and first_reply in rows[1]
    second_id, stats = ask(qtbot, window, "Name another one.")
    assert len(transcript_rows(window)) == 4 and second_id != first_id
    assert stats.cached_tokens > 0  # the second prompt starts with the first turn
    latest = window.assistant.transcript.conversation.turns[1].reply
    editor = editor_with(window, "Hello world", select=(5, 5))
    action(window, "actionInsertReply").trigger()
    assert editor.toPlainText() == "Hello" + latest + " world"
    editor.undo()
    assert editor.toPlainText() == "Hello world"
    action(window, "actionCopyReply").trigger()
    assert QGuiApplication.clipboard().text() == latest


def test_ask_about_selection_puts_it_into_the_question(qtbot, window):
    editor_with(window, PARAGRAPH, select=(0, 36))
    action(window, "actionAskAboutSelection").trigger()
    ask(qtbot, window, "Who is this about?")
    turn = window.assistant.transcript.conversation.turns[-1]
    assert turn.context == PARAGRAPH[:36] and turn.reply
    assert "about the selection" in transcript_rows(window)[0]


def test_summarize_a_short_selection_then_replace_it(qtbot, window):
    editor = editor_with(window, "Title\n\n" + PARAGRAPH, select=(7, 7 + len(PARAGRAPH)))
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        action(window, "actionSummarize").trigger()
    entry = window.assistant.transcript.chosen_result()
    assert entry.kind == "summary" and entry.text
    assert transcript_rows(window)[-1].startswith("Summary")
    action(window, "actionReplaceWithReply").trigger()
    assert editor.toPlainText() == "Title\n\n" + entry.text


def test_each_selection_tool_replaces_as_one_undo_step(qtbot, window):
    original = "Title\n\n" + PARAGRAPH
    for name in (
        "actionRewrite",
        "actionExpand",
        "actionShorten",
        "actionChangeTone",
        "actionNewDirection",
    ):
        editor = editor_with(window, original, select=(7, len(original)))
        with qtbot.waitSignal(window.engine.finished, timeout=120_000):
            action(window, name).trigger()
        entry = window.assistant.transcript.chosen_result()
        assert entry.kind == "tool" and entry.text.strip(), name
        action(window, "actionReplaceWithReply").trigger()
        assert editor.toPlainText() == "Title\n\n" + entry.text, name
        editor.undo()
        assert editor.toPlainText() == original, name


def test_a_tone_from_the_submenu(qtbot, window):
    editor_with(window, PARAGRAPH, select=(0, len(PARAGRAPH)))
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        action(window, "actionTone_dramatic").trigger()
    assert "dramatic" in transcript_rows(window)[-1]


def test_continue_while_a_chat_reply_streams_does_not_interleave(qtbot, window):
    set_setting(Key.MAX_TOKENS, 30)
    set_max_tokens_for("chat", 30)
    seen: list[tuple[int, str]] = []
    window.engine.text.connect(lambda job_id, piece: seen.append((job_id, piece)))
    editor = editor_with(window, PARAGRAPH)
    window.findChild(QLineEdit, "chatInput").setText("Tell me a story.")
    with qtbot.waitSignal(window.engine.text, timeout=120_000) as first:
        window.assistant.send()
    chat_id = first.args[0]
    continue_id = window.continue_writing()
    assert window.engine.queued == 1
    assert window.assistant.status.text() == "Writing…"  # the panel's reply is being written
    assert "1 waiting" in window.findChild(QLabel, "statusEngine").text()  # Continue waits
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        pass
    ids = [job_id for job_id, _p in seen]
    assert continue_id in ids and chat_id in ids
    assert max(i for i, j in enumerate(ids) if j == chat_id) < ids.index(continue_id)
    chat_text = "".join(p for j, p in seen if j == chat_id).strip()
    continuation = "".join(p for j, p in seen if j == continue_id)
    assert window.assistant.transcript.conversation.turns[0].reply == chat_text
    assert editor.toPlainText() == PARAGRAPH + continuation


def test_stop_keeps_a_partial_reply_and_drops_a_queued_one(qtbot, window):
    set_setting(Key.MAX_TOKENS, 400)
    set_max_tokens_for("chat", 400)
    window.findChild(QLineEdit, "chatInput").setText("Write a long story.")
    with qtbot.waitSignal(window.engine.text, timeout=120_000):
        window.assistant.send()
    editor_with(window, PARAGRAPH, select=(0, 20))
    action(window, "actionRewrite").trigger()
    assert window.engine.queued == 1
    with qtbot.waitSignals([window.engine.finished, window.engine.finished], timeout=5_000):
        action(window, "actionStop").trigger()
    conversation = window.assistant.transcript.conversation
    reply, rewrite = conversation.entries[1], conversation.entries[2]
    assert reply.state == "stopped" and reply.text and conversation.turns[0].reply == reply.text
    assert rewrite.state == "stopped" and not rewrite.text


def test_a_30000_character_text_is_summarized_in_parts(qtbot, window):
    text = "\n\n".join(f"Day {i}. {PARAGRAPH}" for i in range(162))
    assert 30_000 <= len(text) < 31_000
    set_max_tokens_for("chat", 48)  # short part summaries, as a writer may set the reply length
    editor_with(window, text)
    steps: list[tuple[int, int, str]] = []
    window.engine.progress.connect(lambda _i, *step: steps.append(step))
    with qtbot.waitSignal(window.engine.finished, timeout=600_000) as done:
        action(window, "actionSummarize").trigger()
    assert done.args[1].stop_reason != "cancelled"
    parts = [s for s in steps if s[2] == STAGE_PART]
    total = parts[0][1]
    assert total >= 2 and parts == [(k, total, STAGE_PART) for k in range(1, total + 1)]
    assert steps[-1] == (1, 1, STAGE_FINAL)
    entry = window.assistant.transcript.chosen_result()
    assert entry.kind == "summary" and entry.text and entry.state == "done"


def test_the_conversation_comes_back_when_the_document_is_reopened(qtbot, window, tmp_path: Path):
    path = tmp_path / "chapter.md"
    path.write_text(PARAGRAPH, encoding="utf-8")
    window.open_document(path)
    ask(qtbot, window, "What happens here?")
    rows = transcript_rows(window)
    stored = json.loads(sidecar_path(path).read_text(encoding="utf-8"))["chat"]
    assert stored[0] == {"role": "user", "content": "What happens here?"}
    assert window.close_tab(window.tabs.currentIndex())
    assert transcript_rows(window) == []  # the blank document has no conversation
    window.open_document(path)
    assert transcript_rows(window) == rows
