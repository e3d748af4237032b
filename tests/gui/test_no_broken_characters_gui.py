"""No U+FFFD ever reaches the writer: invalid bytes from the model are dropped on every path.

The model's token bytes are made invalid on purpose (a stray 0xFF, a lone
continuation byte, a character cut in half) for every token, and Continue,
chat, summaries and templates must still show clean text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPushButton, QRadioButton

from writer.config import Key, set_setting

if TYPE_CHECKING:
    from collections.abc import Iterator

BAD = (b"\xff", b"\x80", b"\xe4\xb8")  # invalid, a lone continuation, half of 中


@pytest.fixture
def garbling(window, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Make the model's detokenized bytes invalid around every token."""
    import llama_cpp

    original = llama_cpp.Llama.detokenize
    count = [0]

    def detokenize(self, tokens, *args, **kwargs):
        count[0] += 1
        return BAD[count[0] % len(BAD)] + bytes(original(self, tokens, *args, **kwargs))

    monkeypatch.setattr(llama_cpp.Llama, "detokenize", detokenize)
    set_setting(Key.MAX_TOKENS, 24)
    yield window


def _clean(text: str, *, written: bool = True) -> None:
    assert text.strip() or not written, "nothing was written"
    assert "\ufffd" not in text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text), "a lone surrogate slipped through"


@pytest.mark.model
def test_continue_stream_with_invalid_bytes_reaches_the_editor_clean(qtbot, garbling):
    """Continue on Chinese text: the editor never shows a replacement character."""
    window = garbling
    editor = window.current_editor()
    editor.setPlainText("我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        window.continue_writing()
    _clean(editor.toPlainText())


@pytest.mark.model
def test_chat_and_summary_with_invalid_bytes_are_clean(qtbot, garbling):
    """A chat reply and a summary, both streamed into the assistant panel, stay clean."""
    window = garbling
    window.findChild(QLineEdit, "chatInput").setText("请用中文写一句话。")
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        window.findChild(QPushButton, "chatSend").click()
    reply = window.assistant.transcript.conversation.turns[-1].reply or ""
    _clean(reply)
    editor = window.current_editor()
    editor.setPlainText("山雨欲来风满楼。" * 20)
    editor.selectAll()
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        window.action("actionSummarize").trigger()
    entry = window.assistant.transcript.chosen_result()
    _clean(entry.text)
    view = window.findChild(QListWidget, "chatTranscript")
    _clean("".join(view.item(i).text() for i in range(view.count())))


@pytest.mark.model
def test_template_with_invalid_bytes_is_clean(qtbot, garbling):
    """A 七言绝句 from the template dialog is written without broken characters."""
    window = garbling
    dialog = window.template_feature.open_dialog(modal=False)
    dialog.set_language("zh")
    assert dialog.select("poem")
    form = dialog.findChild(QComboBox, "field_form")
    form.setCurrentIndex(form.findData("qiyan_jueju"))
    dialog.findChild(QRadioButton, "templateNewDocument").setChecked(True)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        dialog.findChild(QPushButton, "templateWrite").click()
    _clean(window.current_editor().toPlainText(), written=False)
