"""Servers in the window: Add server…, switching, the status bar, and writing through a server."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("openai", reason="pip install -e .[test] brings the openai client")


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton

from tests.gui_helpers import STORY, action, type_story
from tests.server_standin import MODEL, WORDS, StandIn
from writer.config import Key, set_setting, settings_path
from writer.engine.server_list import last_server, load_servers
from writer.engine.server_spec import ServerSpec, host_of

KEY = "sk-gui-secret-key-9876"
NON_MODAL = Qt.WindowModality.NonModal


def add_server(qtbot, window, url: str, key: str = "") -> None:
    """Fill in the Add server dialog, list the models, take the first, and wait for the engine."""
    dialog = window.models.add_server(modality=NON_MODAL)
    assert dialog.objectName() == "serverDialog"
    dialog.findChild(QLineEdit, "serverUrl").setText(url)
    dialog.findChild(QLineEdit, "serverKey").setText(key)
    with qtbot.waitSignal(dialog.modelsListed, timeout=30_000) as listed:
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "serverListModels"), Qt.MouseButton.LeftButton
        )
    assert listed.args[0] >= 1
    assert dialog.findChild(QListWidget, "serverModels").currentItem() is not None
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=120_000):
        dialog.accept()


def test_add_server_lists_models_and_the_status_bar_says_where_text_goes(
    qtbot, bare_window, standin: StandIn, writer_home
):
    action(bare_window, "actionAddServer")
    add_server(qtbot, bare_window, standin.url, KEY)
    host = host_of(standin.url)
    assert bare_window.status.text("statusModel") == f"{MODEL} @ {host}"
    assert "estimated" in bare_window.findChild(QLabel, "statusModel").toolTip()
    assert [entry.label for entry in load_servers()] == [f"{MODEL} @ {host}"]
    assert last_server() is not None
    assert standin.authorizations[-1] == f"Bearer {KEY}"
    # Continue streams the stand-in's words into the editor.
    editor = type_story(bare_window)
    with qtbot.waitSignal(bare_window.stream.finished, timeout=30_000):
        action(bare_window, "actionContinue").trigger()
    assert editor.toPlainText().startswith(STORY) and "quiet lake" in editor.toPlainText()
    # A stream that breaks off keeps its text, and says so in one line.
    standin.mode = "cut"
    with qtbot.waitSignal(bare_window.stream.failed, timeout=30_000) as failed:
        action(bare_window, "actionContinue").trigger()
    assert "broke off" in failed.args[1] and "\n" not in failed.args[1]
    assert editor.toPlainText().endswith("quiet lake.Once upon a time there ")
    assert editor.cut_short
    # The key never lands in settings.ini, the log, or a message.
    bare_window.engine.shutdown()
    assert KEY not in settings_path().read_text(encoding="utf-8")
    for log in writer_home.rglob("*.log"):
        assert KEY not in log.read_text(encoding="utf-8", errors="replace")
    assert KEY not in failed.args[1]


def test_a_passage_cut_short_stays_marked_and_only_its_words_are_saved(
    qtbot, bare_window, standin: StandIn, answers, tmp_path
):
    """A connection lost mid-passage: the words stay (one undo step), underlined, said once."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QTextCharFormat
    from PySide6.QtWidgets import QApplication, QToolTip

    add_server(qtbot, bare_window, standin.url)
    editor = type_story(bare_window)
    standin.mode = "cut"
    with qtbot.waitSignal(bare_window.stream.cutShort, timeout=30_000) as cut:
        action(bare_window, "actionContinue").trigger()
    qtbot.waitUntil(lambda: not bare_window.engine.is_busy, timeout=10_000)
    passage = "".join(WORDS[:5])
    assert editor.toPlainText() == STORY + passage and not editor.isReadOnly()
    # Marked where the text is: a wavy underline over exactly the passage, the reason on it.
    assert "broke off" in cut.args[1] and "broke off" in editor.cut_short
    assert "broke off" in editor.accessibleDescription()
    (mark,) = editor.extraSelections()
    assert (mark.cursor.selectionStart(), mark.cursor.selectionEnd()) == (
        len(STORY),
        len(STORY) + len(passage),
    )
    assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    rect = editor.cursorRect(mark.cursor)
    point = QPoint(rect.left() - 2, rect.center().y())
    QApplication.sendEvent(
        editor.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)),
    )
    assert "broke off" in QToolTip.text()
    # Said in the status bar, not in a dialog that stops the writer.
    message = bare_window.status.currentMessage()
    assert "broke off" in message and "Ctrl+Z" in message
    assert answers.errors == []
    assert bare_window.status.text("statusEngine") == "Ready"
    # Saving writes the words only: the mark is not in the file.
    path = tmp_path / "story.txt"
    editor.state.path = path
    action(bare_window, "actionSave").trigger()
    assert path.read_text(encoding="utf-8") == STORY + passage
    assert editor.cut_short  # saving is not an edit
    # Regenerate writes it again over the cut passage; then one Ctrl+Z takes it all back.
    standin.mode = "ok"
    with qtbot.waitSignal(bare_window.stream.finished, timeout=30_000):
        action(bare_window, "actionRegenerate").trigger()
    assert editor.toPlainText() == STORY + "".join(WORDS) and not editor.cut_short
    editor.undo()
    assert editor.toPlainText() == STORY + passage
    editor.undo()
    assert editor.toPlainText() == STORY and not editor.cut_short


def test_a_chat_reply_cut_short_stays_a_result_with_the_reason(
    qtbot, bare_window, standin: StandIn, answers
):
    """The chat reply so far is kept (and can be inserted); the transcript says it was cut."""
    add_server(qtbot, bare_window, standin.url)
    panel = bare_window.assistant
    standin.mode = "cut"
    bare_window.findChild(QLineEdit, "chatInput").setText("Tell me a story.")
    with qtbot.waitSignal(panel.requests.cutShort, timeout=30_000) as cut:
        qtbot.mouseClick(bare_window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
    entry = cut.args[0]
    passage = "".join(WORDS[:5]).strip()
    assert entry.text == passage and entry.is_result and "broke off" in cut.args[3]
    assert panel.transcript.conversation.turns[-1].reply == passage
    row = panel.transcript.item(panel.transcript.count() - 1).text()
    assert row.startswith("Assistant") and passage in row and "cut short" in row
    assert answers.errors == []
    editor = type_story(bare_window, "Start: ")
    action(bare_window, "actionInsertReply").trigger()
    assert editor.toPlainText() == "Start: " + passage


def test_an_unencrypted_server_is_warned_about_once(
    qtbot, bare_window, standin: StandIn, answers, monkeypatch: pytest.MonkeyPatch
):
    """http:// to another machine (the stand-in, taken for one): one warning, not one per load."""
    monkeypatch.setattr(ServerSpec, "unencrypted", property(lambda _spec: True))
    add_server(qtbot, bare_window, standin.url)
    add_server(qtbot, bare_window, standin.url)  # loaded again: no second warning
    host = host_of(standin.url)
    warnings = [text for title, text in answers.infos if title == "Unencrypted connection"]
    assert warnings == [
        f"Text sent to {host} travels unencrypted (http://). Use https:// or a "
        "trusted network for private writing."
    ]


def test_switching_between_a_file_and_a_server_model_without_restart(
    qtbot, window, standin: StandIn, model_path
):
    add_server(qtbot, window, standin.url)
    assert window.engine.model.is_remote
    manager = window.models.open_manager(modality=NON_MODAL)
    assert manager.select_server(f"{MODEL} @ {host_of(standin.url)}")
    assert manager.select_path(model_path)
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=60_000) as loaded:
        manager.use_selected()
    assert not loaded.args[0].is_remote and last_server() is None
    assert manager.select_server(f"{MODEL} @ {host_of(standin.url)}")
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=60_000) as loaded:
        manager.use_selected()
    assert loaded.args[0].is_remote
    manager.close()


def test_two_servers_are_kept_side_by_side_and_each_one_writes(
    qtbot, bare_window, standin: StandIn
):
    second = StandIn().start()
    try:
        add_server(qtbot, bare_window, standin.url)
        add_server(qtbot, bare_window, second.url)
        labels = [f"{MODEL} @ {host_of(server.url)}" for server in (standin, second)]
        assert sorted(entry.label for entry in load_servers()) == sorted(labels)
        manager = bare_window.models.open_manager(modality=NON_MODAL)
        editor = type_story(bare_window)
        for server, label in zip((standin, second), labels, strict=True):
            assert manager.select_server(label)
            with qtbot.waitSignal(bare_window.engine.modelLoaded, timeout=60_000):
                manager.use_selected()
            assert bare_window.status.text("statusModel") == label
            before = len(server.generation_requests())
            with qtbot.waitSignal(bare_window.stream.finished, timeout=30_000):
                action(bare_window, "actionContinue").trigger()
            assert len(server.generation_requests()) > before  # this server wrote it
        assert editor.toPlainText().count("quiet lake") == 2
        manager.close()
    finally:
        second.stop()


@pytest.mark.model
def test_continue_stop_regenerate_and_chat_through_a_real_server(qtbot, bare_window, llama_server):
    set_setting(Key.MAX_TOKENS, 24)
    os.environ.pop("WRITER_API_KEY", None)
    add_server(qtbot, bare_window, llama_server.url)
    window = bare_window
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000) as done:
        action(window, "actionContinue").trigger()
    assert done.args[1].tokens > 0
    first = editor.toPlainText()
    assert first.startswith(STORY) and len(first) > len(STORY)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        action(window, "actionRegenerate").trigger()
    assert editor.toPlainText().startswith(STORY) and editor.toPlainText() != first
    editor.undo()
    assert editor.toPlainText() == first
    editor.undo()
    assert editor.toPlainText() == STORY  # each passage was one undo step

    set_setting(Key.MAX_TOKENS, 2000)
    with qtbot.waitSignal(window.engine.text, timeout=120_000):
        action(window, "actionContinue").trigger()
    with qtbot.waitSignal(window.stream.finished, timeout=1_000) as done:  # 200 ms, with slack
        action(window, "actionStop").trigger()
    assert done.args[1].stop_reason == "cancelled" and len(editor.toPlainText()) > len(STORY)

    set_setting(Key.MAX_TOKENS, 16)
    window.findChild(QLineEdit, "chatInput").setText("Name a colour.")
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
    reply = window.assistant.transcript.conversation.turns[0].reply
    assert reply
    editor.setPlainText("Hello world")
    cursor = editor.textCursor()
    cursor.setPosition(5)
    editor.setTextCursor(cursor)
    action(window, "actionInsertReply").trigger()
    assert editor.toPlainText() == "Hello" + reply + " world"
