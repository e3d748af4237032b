"""Documents in the window: encodings, safe saving, export, preview, counts, find, outline."""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from writer.gui.messages import Answer

if TYPE_CHECKING:
    from pathlib import Path

CHINESE = "第一章\n\n月光洒在安静的湖面上，远处传来钟声。她慢慢地走到岸边。\n"
TRADITIONAL = "第一章\n\n月光灑在安靜的湖面上，遠處傳來鐘聲。她慢慢地走到岸邊，回頭望去。\n"


def act(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


@pytest.mark.parametrize(
    ("encoding", "label", "text", "newline"),
    [
        ("gb18030", "GB18030", CHINESE, "\n"),
        ("big5", "Big5", TRADITIONAL, "\n"),
        ("cp1252", "Windows-1252", "Café déjà vu — naïve façade, “quoted”.\r\n", "\r\n"),
    ],
)
def test_open_and_save_back_byte_identical(
    bare_window, tmp_path: Path, encoding, label, text, newline
):
    path = tmp_path / "doc.txt"
    data = text.replace("\n", newline).replace("\r\r", "\r").encode(encoding)
    path.write_bytes(data)
    editor = bare_window.open_document(path)
    assert editor is not None
    assert editor.toPlainText() == text.replace("\r\n", "\n")
    assert label in bare_window.status.text("statusEncoding")
    editor.document().setModified(True)
    assert bare_window.save_document(editor)
    assert path.read_bytes() == data


def test_utf16_with_bom_round_trip(bare_window, tmp_path: Path):
    path = tmp_path / "u16.txt"
    data = "\ufeffHello, 世界\r\nSecond line\r\n".encode("utf-16-le")
    path.write_bytes(data)
    editor = bare_window.open_document(path)
    assert editor.toPlainText() == "Hello, 世界\nSecond line\n"
    assert "UTF-16" in bare_window.status.text("statusEncoding")
    editor.document().setModified(True)
    bare_window.save_document(editor)
    assert path.read_bytes() == data


def test_invalid_bytes_ask_instead_of_corrupting(bare_window, tmp_path: Path, answers):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Good UTF-8 text, " * 20 + b"\xff\xfe\xfa broken" + b"\x81")
    answers.choice = "cancel"
    assert bare_window.open_document(path) is None
    assert answers.choices, "the user was asked which encoding to use"
    assert bare_window.current_editor().toPlainText() == ""
    answers.choice = "cp1252"  # 0x81 has no meaning in Windows-1252: told, not corrupted
    assert bare_window.open_document(path) is None
    assert "Windows-1252" in answers.errors[-1][1]
    answers.choice = "iso8859-1"
    editor = bare_window.open_document(path)
    assert editor is not None and "\ufffd" not in editor.toPlainText()


def test_binary_file_is_refused(bare_window, tmp_path: Path, answers):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert bare_window.open_document(path) is None
    assert answers.errors and "binary" in answers.errors[-1][1].lower()


def test_failed_save_keeps_the_original_and_says_so(
    qtbot, bare_window, tmp_path: Path, monkeypatch, answers
):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "keep.md"
    path.write_text("original text\n", encoding="utf-8")
    before = path.read_bytes()
    editor = bare_window.open_document(path)
    qtbot.keyClicks(editor, "new words ")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert not bare_window.save_document(editor)
    assert path.read_bytes() == before
    assert answers.errors and "unchanged" in answers.errors[-1][1]
    assert editor.document().isModified()
    # No temp file left behind (the first edit of the day may have made a snapshot folder).
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".snapshots")] == ["keep.md"]


def test_file_changed_on_disk_asks_before_overwriting(qtbot, bare_window, tmp_path: Path, answers):
    path = tmp_path / "shared.md"
    path.write_text("one\n", encoding="utf-8")
    editor = bare_window.open_document(path)
    path.write_text("changed by another program\n", encoding="utf-8")
    qtbot.keyClicks(editor, "mine ")
    answers.yes = False
    assert not bare_window.save_document(editor)
    assert path.read_text(encoding="utf-8") == "changed by another program\n"
    assert "another program" in answers.questions[-1][1]
    answers.yes = True
    assert bare_window.save_document(editor)
    assert path.read_text(encoding="utf-8") == "mine one\n"


def test_unsaved_changes_prompt_on_close(qtbot, bare_window, answers):
    qtbot.keyClicks(bare_window.current_editor(), "words")
    answers.save_answer = Answer.CANCEL
    assert not bare_window.close()


def test_export_html_and_text(bare_window, tmp_path: Path):
    editor = bare_window.current_editor()
    editor.setPlainText("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>")
    html_path = tmp_path / "out.html"
    assert bare_window.files.export_html(html_path)
    html = html_path.read_text(encoding="utf-8")
    assert "<h1" in html and "<table>" in html and "<script>alert" not in html
    txt_path = tmp_path / "out.txt"
    assert bare_window.files.export_text(txt_path)
    assert txt_path.read_text(encoding="utf-8").startswith("# Title")


def test_preview_never_touches_the_network(qtbot, bare_window, monkeypatch):
    attempts: list = []
    real_connect = socket.socket.connect

    def record(sock, address):
        attempts.append(address)
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: attempts.append(a))
    editor = bare_window.current_editor()
    editor.setPlainText(
        "# Hi\n\n![x](http://example.com/a.png)\n\n<script>document.title='x'</script>"
    )
    preview = bare_window.findChild(QTextBrowser, "preview")
    bare_window.show()
    with qtbot.waitSignal(preview.rendered, timeout=10_000):
        act(bare_window, "actionTogglePreview")
    assert preview.isVisible()
    assert "Hi" in preview.toPlainText()
    assert "document.title" not in preview.toHtml()
    assert attempts == []
    with qtbot.waitSignal(preview.rendered, timeout=10_000):
        qtbot.keyClicks(editor, "More ")
    assert "More" in preview.toPlainText()


def test_cjk_counts_in_the_status_bar(qtbot, bare_window):
    editor = bare_window.current_editor()
    editor.setPlainText("字" * 3000)
    qtbot.waitUntil(lambda: "3,000" in bare_window.status.text("statusCounts"), timeout=5_000)
    editor.setPlainText("The quick brown fox jumps.")
    qtbot.waitUntil(lambda: bare_window.status.text("statusCounts") == "5 words", timeout=5_000)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(9, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    assert bare_window.status.text("statusCounts").startswith("2 / 5")


def test_ten_megabyte_document_counts_without_blocking(qtbot, bare_window):
    editor = bare_window.current_editor()
    editor.setPlainText("word " * 2_000_000)
    qtbot.waitUntil(
        lambda: "2,000,000 words" in bare_window.status.text("statusCounts"), timeout=60_000
    )


def test_find_replace_and_outline(qtbot, bare_window):
    editor = bare_window.current_editor()
    editor.setPlainText("# One\n\ncat and cat\n\n## Two\n\ncat\n")
    bare_window.show()
    act(bare_window, "actionReplace")
    bar = bare_window.view.find_bar
    assert bar.isVisible()
    from PySide6.QtWidgets import QLineEdit

    bar.findChild(QLineEdit, "findInput").setText("cat")
    bar.findChild(QLineEdit, "replaceInput").setText("dog")
    assert bar.replace_all() == 3
    assert editor.toPlainText().count("dog") == 3
    editor.undo()
    assert editor.toPlainText().count("cat") == 3
    act(bare_window, "actionToggleOutline")
    dock = bare_window.findChild(QDockWidget, "outlineDock")
    assert dock.isVisible()
    outline = bare_window.view.outline
    qtbot.waitUntil(lambda: outline.list.count() == 2, timeout=5_000)
    outline.go_to_heading(1)
    assert editor.textCursor().blockNumber() == 4


def test_reopen_with_encoding(bare_window, tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("naïve café, ".encode("cp1252") * 30)
    editor = bare_window.open_document(path)
    assert bare_window.files.reopen_with_encoding(editor, "cp1252")
    assert editor.toPlainText().startswith("naïve café")
    assert editor.state.encoding == "cp1252"


def test_recent_files(bare_window, tmp_path: Path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(name, encoding="utf-8")
        bare_window.open_document(tmp_path / name)
    recent = bare_window.files.recent_files()
    assert recent[:2] == [str((tmp_path / "b.md").resolve()), str((tmp_path / "a.md").resolve())]


def test_a_long_line_cut_into_slices_counts_each_word_once(qtbot, bare_window):
    """A 1.2 MB single line is counted in slices cut anywhere; no word is counted twice."""
    editor = bare_window.current_editor()
    editor.setPlainText("lighthouse " * 110_000)  # 11 characters: slices of 200,000 cut words
    qtbot.waitUntil(
        lambda: "110,000 words" in bare_window.status.text("statusCounts"), timeout=60_000
    )
